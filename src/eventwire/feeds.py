"""RSS/Atom feeds (files or URLs) into Documents, with feedparser.

Each feed item becomes one Document: by default the page its link points to
is fetched (through :class:`eventwire.fetch.Fetcher`, so the safety rules
apply) and read like an HTML file; when the fetch fails, or with
``follow=False``, the item's own content (``content:encoded``, else the
summary) is used if it has enough text. The item's title, link and date fill
the Document's metadata the page does not give; the feed's title is the source.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import EventwireError, FetchError, InputError
from .models import Document

FEED_SUFFIXES = {".rss", ".atom", ".xml", ".rdf"}
FEED_ACCEPT = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
               "text/xml", "text/html", "text/plain", "application/octet-stream")
PAGE_ACCEPT = ("text/html", "application/xhtml+xml", "text/plain")
MIN_ITEM_TEXT = 200  # characters of item content needed to stand in for the page


@dataclass(slots=True)
class FeedItem:
    title: str = ""
    link: str = ""
    published: dt.date | None = None
    content: str = ""  # HTML or text of the item itself (content:encoded, else summary)
    guid: str = ""


@dataclass(slots=True)
class Feed:
    title: str = ""
    link: str = ""
    items: list[FeedItem] = field(default_factory=list)


def looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def parse_feed(data: bytes, origin: str = "") -> Feed:
    """Parse RSS/Atom bytes; InputError when it is not a feed."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries and (parsed.bozo or not parsed.feed):
        why = getattr(parsed, "bozo_exception", None)
        raise InputError(f"not an RSS/Atom feed{f' ({why})' if why else ''}", origin)
    feed = Feed(title=parsed.feed.get("title", "") or "", link=parsed.feed.get("link", "") or "")
    for e in parsed.entries:
        published = None
        for key in ("published_parsed", "updated_parsed", "created_parsed"):
            st = e.get(key)
            if st:
                published = dt.date(st.tm_year, st.tm_mon, st.tm_mday)
                break
        content = ""
        if e.get("content"):
            content = max((c.get("value", "") for c in e.content), key=len, default="")
        if not content:
            content = e.get("summary", "") or ""
        feed.items.append(FeedItem(title=e.get("title", "") or "", link=e.get("link", "") or "",
                                   published=published, content=content, guid=e.get("id", "") or ""))
    return feed


def url_doc_id(url: str) -> str:
    from .store.db import normalise_url

    return "url-" + hashlib.sha1(normalise_url(url).encode("utf-8")).hexdigest()[:12]


def document_from_page(data: bytes, url: str, *, content_type: str = "text/html") -> Document:
    """A fetched page -> Document (HTML through the cleaner's extractor, else text)."""
    from .ingest import read_html, read_text

    doc_id = url_doc_id(url)
    if content_type == "text/plain":
        doc = read_text(data, url, doc_id)
    else:
        doc = read_html(data, url, doc_id)
    if doc.url and doc.url != url:
        doc.meta["canonical_url"] = doc.url
    doc.url = url  # the URL asked for: a re-run recognises it without fetching
    return doc


def _item_document(item: FeedItem, feed: Feed, origin: str) -> Document:
    from .ingest import read_html

    doc = read_html(item.content.encode("utf-8"), origin, url_doc_id(item.link) if item.link else "")
    if not item.link:
        from .ingest import doc_id_for

        doc.id = doc_id_for(doc.text)
    return doc


def _fill(doc: Document, item: FeedItem, feed: Feed) -> Document:
    doc.url = item.link or doc.url
    doc.title = doc.title or item.title
    doc.source = doc.source or feed.title
    if doc.published is None and item.published is not None:
        doc.published = item.published
        doc.published_from = "field"
    return doc


@dataclass(slots=True)
class FeedStats:
    items: int = 0
    skipped: int = 0  # links already stored (not fetched again)


def iter_feed_documents(
    feed: Feed,
    fetcher=None,
    *,
    origin: str = "",
    follow: bool = True,
    skip_url: Callable[[str], bool] | None = None,
    stats: FeedStats | None = None,
    delay: float = 0.0,
) -> Iterator[Document | InputError]:
    """Documents (or InputErrors) for the items of a parsed feed."""
    stats = stats if stats is not None else FeedStats()
    for n, item in enumerate(feed.items, 1):
        stats.items += 1
        where = item.link or f"{origin}[item {n}]"
        if item.link and skip_url is not None and skip_url(item.link):
            stats.skipped += 1
            continue
        doc: Document | None = None
        problem: EventwireError | None = None
        if follow and item.link and fetcher is not None:
            try:
                res = fetcher.fetch(item.link, accept=PAGE_ACCEPT)
                doc = document_from_page(res.content, item.link, content_type=res.content_type)
            except EventwireError as exc:
                problem = exc
            if delay:
                time.sleep(delay)
        if doc is None:
            if len(item.content) >= MIN_ITEM_TEXT:
                try:
                    doc = _item_document(item, feed, where)
                except InputError as exc:
                    problem = problem or exc
            if doc is None:
                msg = str(problem) if problem else "feed item has no link to fetch and too little text"
                if msg.startswith(where + ": "):
                    msg = msg[len(where) + 2:]
                yield InputError(msg, where)
                continue
            if problem is not None:
                doc.warnings.append(f"{where}: page not fetched ({problem}); used the feed item's text")
        yield _fill(doc, item, feed)


def load_feed(source: str, fetcher=None) -> Feed:
    """A feed from a file path or an http(s) URL."""
    if source.startswith(("http://", "https://")):
        if fetcher is None:
            raise FetchError(f"{source}: no fetcher to fetch the feed with")
        res = fetcher.fetch(source, accept=FEED_ACCEPT)
        return parse_feed(res.content, source)
    p = Path(source)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read feed: {exc.strerror or exc}", source) from None
    return parse_feed(data, source)
