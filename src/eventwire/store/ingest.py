"""Inputs for ``eventwire ingest``: files, directories, JSONL, feed files, feed URLs, article URLs.

:func:`iter_inputs` turns command-line inputs into Documents (or InputErrors
naming the input that failed), ready for :meth:`Store.ingest_documents`:

* an ``http(s)://`` URL is fetched safely (:mod:`eventwire.fetch`); a feed
  (by content type or by its first bytes) yields one Document per item, any
  other page is one article;
* a ``.rss``/``.atom``/``.xml``/``.rdf`` file that holds a feed yields its items;
* anything else (text, HTML, JSON, JSONL files, directories, ``-``) goes through
  :func:`eventwire.ingest.iter_documents`; feed files inside directories are read as feeds.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import EventwireError, InputError
from ..feeds import (FEED_SUFFIXES, FeedStats, document_from_page, iter_feed_documents, load_feed,
                     looks_like_feed, parse_feed)
from ..fetch import FEED_TYPES, Fetcher
from ..models import Document

Item = Document | InputError


def is_url(s: str) -> bool:
    return s.startswith(("http://", "https://"))


def _is_feed_file(p: Path) -> bool:
    if p.suffix.lower() not in FEED_SUFFIXES:
        return False
    try:
        with open(p, "rb") as fh:
            return looks_like_feed(fh.read(2048))
    except OSError:
        return False


def _error(exc: EventwireError, where: str) -> InputError:
    if isinstance(exc, InputError):
        return exc
    msg = str(exc)
    if msg.startswith(where + ": "):
        msg = msg[len(where) + 2:]
    return InputError(msg, where)


def iter_inputs(
    inputs: Iterable[str | os.PathLike],
    *,
    fetcher: Fetcher | None = None,
    skip_url: Callable[[str], bool] | None = None,
    follow: bool = True,
    stats: FeedStats | None = None,
) -> Iterator[Item]:
    """Documents (or InputErrors) from every kind of input ``eventwire ingest`` takes.

    ``skip_url(url)`` -> True skips an article URL (or feed item link) without
    fetching it -- the store passes ``Store.has_url`` so re-runs do not refetch.
    """
    from ..ingest import iter_documents

    stats = stats if stats is not None else FeedStats()
    for inp in inputs:
        s = str(inp)
        if is_url(s):
            if fetcher is None:
                fetcher = Fetcher()
            if skip_url is not None and skip_url(s):
                stats.skipped += 1
                continue
            try:
                res = fetcher.fetch(s)
                if res.content_type in FEED_TYPES or looks_like_feed(res.content):
                    feed = parse_feed(res.content, s)
                    yield from iter_feed_documents(feed, fetcher, origin=s, follow=follow, skip_url=skip_url,
                                                   stats=stats)
                else:
                    doc = document_from_page(res.content, s, content_type=res.content_type)
                    if res.final_url != s:
                        doc.meta["final_url"] = res.final_url
                    yield doc
            except EventwireError as exc:
                yield _error(exc, s)
            continue
        p = Path(s)
        if p.is_file() and _is_feed_file(p):
            yield from _feed_file(p, fetcher, follow, skip_url, stats)
        elif p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and not child.name.startswith(".") and _is_feed_file(child):
                    yield from _feed_file(child, fetcher, follow, skip_url, stats)
            yield from iter_documents([p])
        else:
            yield from iter_documents([s])


def _feed_file(p: Path, fetcher: Fetcher | None, follow: bool, skip_url: Callable[[str], bool] | None,
               stats: FeedStats) -> Iterator[Item]:
    try:
        feed = load_feed(str(p))
    except EventwireError as exc:
        yield _error(exc, str(p))
        return
    yield from iter_feed_documents(feed, fetcher, origin=str(p), follow=follow and fetcher is not None,
                                   skip_url=skip_url, stats=stats)


def read_feed_list(path: str | os.PathLike) -> list[str]:
    """Feed URLs or paths, one a line; blank lines and ``#`` comments ignored."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read feed list: {exc.strerror or exc}", str(path)) from None
    out = []
    for ln in lines:
        ln = ln.split("#", 1)[0].strip() if not ln.strip().startswith("http") else ln.strip()
        if ln and not ln.startswith("#"):
            out.append(ln)
    return out
