"""Clean stage: drop page furniture, keep metadata, map clean text back to the input.

Pages scraped to text carry lines that are not the story: photo captions and
credits, "Read more" teasers (with the headline of the *other* story they
advertise), share/subscribe/cookie lines, "Close", bylines, "Last modified on
..." lines. Events read from them would be wrong (a teaser about the
Philippines is not an event of this story), so this stage removes them before
anything reads the text, and records

* ``title`` (the headline), ``source`` (the agency or byline) and
  ``published`` (from a "Last modified/Published/Updated" line) when the input
  did not give them;
* ``clean`` (the text NLP reads) and ``segments`` (the map back to ``text``);
* ``dropped``: every removed span with the reason, for debugging.

The cues are data (``data/furniture.yaml``), the logic is here.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from .errors import InputError
from .models import Document
from .resources import load_yaml
from .settings import Settings


@functools.cache
def _cues() -> dict[str, Any]:
    y = load_yaml("furniture.yaml")
    flags = re.IGNORECASE
    return {
        "teaser_marker": re.compile(y["teaser_marker"], flags),
        "teaser_inline": re.compile(y["teaser_inline"], flags),
        "caption": re.compile(y["caption"], flags),
        "furniture": re.compile(y["furniture"], flags),
        "byline": re.compile(y["byline"]),
        "agency_line": re.compile(y["agency_line"], flags),
        "date_line": re.compile(y["date_line"], flags),
        "dateline_prefix": re.compile(y["dateline_prefix"]),
        "agencies": {k.lower(): v for k, v in y["agencies"].items()},
        "agency_in_dateline": re.compile(y["agency_in_dateline"]),
    }


_SENT_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
_WORD = re.compile(r"\w+")


def _headline_like(line: str, max_words: int = 25) -> bool:
    """Short, no sentence-final punctuation: how headlines and teaser titles look."""
    s = line.strip()
    if not s or _SENT_END.search(s):
        return False
    n = len(_WORD.findall(s))
    return 2 <= n <= max_words


def parse_date_line(s: str) -> dt.date | None:
    """The date in a "Last modified on Sat 16 Feb 2019 23.39 EST" style line."""
    import dateparser

    m = re.search(
        r"(\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4})",
        s,
    )
    if not m:
        return None
    d = dateparser.parse(m.group(1), languages=["en"], settings={"STRICT_PARSING": True})
    return d.date() if d else None


def _normalise_source(name: str) -> str:
    cues = _cues()
    key = re.sub(r"[^a-z ]", "", name.lower()).strip()
    return cues["agencies"].get(key, name.strip())


def html_to_text(html: str, origin: str = "") -> tuple[str, dict[str, str]]:
    """Main text and metadata of an HTML page, via trafilatura.

    Returns ``(text, {"title", "source", "published", "url"})``. Malformed HTML
    that trafilatura cannot read falls back to the page's visible text.
    """
    import trafilatura

    meta: dict[str, str] = {}
    try:
        res = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False,
            include_images=False, favor_recall=True,
        )
    except Exception:  # trafilatura raises a variety of parser errors on broken pages
        res = None
    text = ""
    if res is not None:
        get = (lambda k: getattr(res, k, None)) if not isinstance(res, dict) else res.get
        text = get("text") or ""
        meta["title"] = get("title") or ""
        author = get("author") or ""
        site = get("sitename") or ""
        meta["source"] = site or author
        meta["published"] = get("date") or ""
        meta["url"] = get("url") or ""
    if not text.strip():
        try:
            import lxml.html

            tree = lxml.html.fromstring(html)
            for bad in tree.xpath("//script|//style|//noscript"):
                bad.drop_tree()
            text = "\n".join(t.strip() for t in tree.itertext() if t.strip())
            if not meta.get("title"):
                titles = tree.xpath("//title/text()")
                meta["title"] = titles[0].strip() if titles else ""
        except Exception as exc:
            if "empty" in str(exc).lower():  # lxml: "Document is empty" -- a page with no text, not an error
                return "", {k: v for k, v in meta.items() if v}
            raise InputError(f"unreadable HTML ({type(exc).__name__})", origin) from None
    return text, {k: v for k, v in meta.items() if v}


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text`` without its newline."""
    out = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        out.append((pos, pos + len(body)))
        pos += len(line)
    return out


def run(doc: Document, settings: Settings) -> Document:
    cues = _cues()
    text = doc.text
    if len(text) > settings.max_chars:
        doc.warnings.append(f"{doc.origin or doc.id}: text longer than {settings.max_chars} characters; the rest is ignored")
    limit = settings.max_chars
    lines = [(a, b) for a, b in _lines(text) if a < limit]
    drop: dict[int, str] = {}  # line index -> reason
    nonblank = [i for i, (a, b) in enumerate(lines) if text[a:b].strip()]

    def line(i: int) -> str:
        a, b = lines[i]
        return text[a:b].strip()

    # --- headline: the first line when it looks like one and a body follows
    if len(nonblank) >= 3:
        first = nonblank[0]
        if _headline_like(line(first), max_words=30):
            if not doc.title:
                doc.title = line(first)
            drop[first] = "headline"

    for pos, i in enumerate(nonblank):
        s = line(i)
        if i in drop:
            continue
        if cues["teaser_marker"].fullmatch(s):
            drop[i] = "teaser marker"
            # the teaser headline is the line before ("<headline>\nRead more") or, failing that, after
            prev_i = nonblank[pos - 1] if pos > 0 else None
            next_i = nonblank[pos + 1] if pos + 1 < len(nonblank) else None
            if prev_i is not None and prev_i not in drop and _headline_like(line(prev_i)):
                drop[prev_i] = "teaser headline"
            elif next_i is not None and _headline_like(line(next_i)):
                drop[next_i] = "teaser headline"
            continue
        if cues["teaser_inline"].match(s):
            drop[i] = "teaser"
            continue
        if cues["caption"].search(s):
            drop[i] = "caption"
            continue
        if cues["date_line"].match(s):
            d = parse_date_line(s)
            if d and doc.published is None:
                doc.published = d
                doc.published_from = "text"
            drop[i] = "date line"
            continue
        if cues["agency_line"].fullmatch(s):
            if not doc.source:
                doc.source = _normalise_source(s)
            drop[i] = "source line"
            continue
        m = cues["byline"].fullmatch(s)
        if m:
            agency = m.groupdict().get("agency")
            if agency and not doc.source:
                doc.source = _normalise_source(agency)
            drop[i] = "byline"
            continue
        if len(_WORD.findall(s)) <= 12 and cues["furniture"].fullmatch(s):
            drop[i] = "page furniture"
            continue

    # --- assemble the clean text with its map back to ``text``
    pieces: list[str] = []
    segments: list[tuple[int, int, int]] = []
    dropped: list[tuple[int, int, str]] = []
    clean_pos = 0
    for i, (a, b) in enumerate(lines):
        b = min(b, limit)
        if i in drop:
            dropped.append((a, b, drop[i]))
            continue
        raw = text[a:b]
        if not raw.strip():
            continue
        lead = len(raw) - len(raw.lstrip())
        a2 = a + lead
        body = raw.strip()
        # an agency dateline opening the story: "BEIRUT (AP) — ..." -> keep the story, note the dateline
        m = cues["dateline_prefix"].match(body)
        if m and not pieces:
            dl = m.group("place").strip().title()
            doc.meta["dateline"] = dl
            ag = cues["agency_in_dateline"].search(m.group(0))
            if ag and not doc.source:
                doc.source = _normalise_source(ag.group(1))
            dropped.append((a2, a2 + m.end(), "dateline"))
            a2 += m.end()
            body = body[m.end():]
        if pieces:
            clean_pos += 1  # the joining newline
        segments.append((clean_pos, a2, len(body)))
        pieces.append(body)
        clean_pos += len(body)

    doc.clean = "\n".join(pieces)
    doc.segments = segments
    doc.dropped = dropped
    if not doc.source and settings.default_source:
        doc.source = settings.default_source
    return doc
