"""Reading inputs into Documents: text, HTML, JSONL batches, directories, stdin.

Every reader yields either a :class:`~eventwire.models.Document` or an
:class:`~eventwire.errors.InputError` naming the file (and line) that could not
be used, so a batch can report the problem on one line and go on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from .errors import InputError, NoText
from .models import Document

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
JSON_SUFFIXES = {".json"}
MAX_BYTES = 20 * 1024 * 1024  # a document larger than this is truncated (with a warning)

Item = Document | InputError


def doc_id_for(text: str, hint: str = "") -> str:
    """A stable id: the hint if given, else a hash of the text."""
    if hint:
        return hint
    return "doc-" + hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:12]


def parse_published(value: Any, origin: str = "") -> dt.date | None:
    """An ISO date or datetime (or a datetime/date object) -> date; None if empty.

    Raises InputError for a value that is present but not a date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    s = str(value).strip()
    try:
        return dt.date.fromisoformat(s[:10])
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(s.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    import dateparser

    d = dateparser.parse(s, settings={"RETURN_AS_TIMEZONE_AWARE": False, "STRICT_PARSING": True})
    if d is None:
        raise InputError(f"'published' is not a date: {s[:40]!r}", origin)
    return d.date()


def _looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if b"\x00" in head:
        return True
    if not head:
        return False
    # control bytes other than whitespace are rare in text
    ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return ctrl / len(head) > 0.10


def decode(data: bytes, origin: str, warnings: list[str]) -> str:
    """UTF-8 (with BOM) or, failing that, replacement characters and a warning."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        warnings.append(f"{origin}: not valid UTF-8 (byte {exc.start}); decoded with replacement characters")
        return data.decode("utf-8", errors="replace")


def _read_bytes(path: Path) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(MAX_BYTES + 1)  # one byte more than the limit tells a file was truncated


def document_from_fields(
    fields: dict[str, Any], origin: str = "", default_id: str = ""
) -> Document:
    """A Document from a JSONL-style record (``id, text|html, published, title, source, url``)."""
    if not isinstance(fields, dict):
        raise InputError("record is not a JSON object", origin)
    text = fields.get("text")
    html = fields.get("html")
    if not (isinstance(text, str) and text.strip()) and not (isinstance(html, str) and html.strip()):
        raise NoText("record has no 'text' or 'html'", origin)
    published = parse_published(fields.get("published"), origin)
    meta_title = fields.get("title") or ""
    meta_source = fields.get("source") or ""
    url = fields.get("url") or ""
    if not isinstance(text, str) or not text.strip():
        from .clean import html_to_text

        text, html_meta = html_to_text(html, origin)
        meta_title = meta_title or html_meta.get("title", "")
        meta_source = meta_source or html_meta.get("source", "")
        url = url or html_meta.get("url", "")
        if published is None and html_meta.get("published"):
            published = parse_published(html_meta["published"], origin)
            published_from = "html-meta"
        else:
            published_from = "field" if published else ""
        if not text.strip():
            raise NoText("HTML has no readable main text", origin)
    else:
        published_from = "field" if published else ""
    raw_id = fields.get("id")
    doc_id = str(raw_id) if raw_id not in (None, "") else doc_id_for(text, default_id)
    return Document(
        id=doc_id,
        text=text,
        title=str(meta_title),
        source=str(meta_source),
        url=str(url),
        published=published,
        published_from=published_from,
        origin=origin,
    )


def read_text(data: bytes, origin: str, doc_id: str) -> Document:
    warnings: list[str] = []
    if len(data) > MAX_BYTES:
        warnings.append(f"{origin}: larger than {MAX_BYTES // (1024 * 1024)} MB; truncated")
        data = data[:MAX_BYTES]
    if not data.strip():
        raise InputError("empty file", origin)
    if _looks_binary(data):
        raise InputError("binary file, not text", origin)
    text = decode(data, origin, warnings)
    doc = Document(id=doc_id, text=text, origin=origin)
    doc.warnings.extend(warnings)
    return doc


def read_html(data: bytes, origin: str, doc_id: str) -> Document:
    from .clean import html_to_text

    warnings: list[str] = []
    if len(data) > MAX_BYTES:
        warnings.append(f"{origin}: larger than {MAX_BYTES // (1024 * 1024)} MB; truncated")
        data = data[:MAX_BYTES]
    if not data.strip():
        raise InputError("empty file", origin)
    if _looks_binary(data):
        raise InputError("binary file, not HTML", origin)
    html = decode(data, origin, warnings)
    text, meta = html_to_text(html, origin)
    if not text.strip():
        raise NoText("HTML has no readable main text", origin)
    published = None
    if meta.get("published"):
        try:
            published = parse_published(meta["published"], origin)
        except InputError:
            published = None
    doc = Document(
        id=doc_id, text=text, origin=origin, title=meta.get("title", ""),
        source=meta.get("source", ""), url=meta.get("url", ""), published=published,
        published_from="html-meta" if published else "",
    )
    doc.warnings.extend(warnings)
    return doc


def iter_jsonl(lines: Iterable[bytes | str], name: str) -> Iterator[Item]:
    """One Document per JSONL line; an InputError naming ``name:line`` for each bad line."""
    for n, raw in enumerate(lines, 1):
        origin = f"{name}:{n}"
        if isinstance(raw, bytes):
            warnings: list[str] = []
            line = decode(raw, origin, warnings)
        else:
            line, warnings = raw, []
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(f"not valid JSON ({exc.msg} at column {exc.colno})", origin)
            continue
        try:
            doc = document_from_fields(record, origin, default_id=f"{Path(name).stem}-{n}")
        except InputError as exc:
            yield exc
            continue
        doc.warnings.extend(warnings)
        yield doc


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSON_SUFFIXES:
        return "json"
    return "text"


def iter_file(path: Path) -> Iterator[Item]:
    origin = str(path)
    kind = _kind(path)
    try:
        if kind == "jsonl":
            with open(path, "rb") as fh:
                yield from iter_jsonl(fh, origin)
            return
        data = _read_bytes(path)
    except OSError as exc:
        yield InputError(f"cannot read: {exc.strerror or exc}", origin)
        return
    doc_id = path.stem
    try:
        if kind == "html":
            yield read_html(data, origin, doc_id)
        elif kind == "json":
            warnings: list[str] = []
            try:
                record = json.loads(decode(data, origin, warnings))
            except json.JSONDecodeError as exc:
                yield InputError(f"not valid JSON (line {exc.lineno}: {exc.msg})", origin)
                return
            records = record if isinstance(record, list) else [record]
            for i, rec in enumerate(records, 1):
                try:
                    yield document_from_fields(rec, f"{origin}[{i}]", default_id=f"{doc_id}-{i}")
                except InputError as exc:
                    yield exc
        else:
            yield read_text(data, origin, doc_id)
    except InputError as exc:
        yield exc


def iter_paths(inputs: Iterable[str | os.PathLike], exclude: Iterable[str | os.PathLike] = ()) -> Iterator[Path | str]:
    """Expand directories (sorted, recursive) into their readable files; "-" stays stdin.

    Files in ``exclude`` (e.g. the output file, when it is written inside an
    input directory) are left out.
    """
    skip = {Path(x).resolve() for x in exclude if str(x) != "-"}
    for inp in inputs:
        if str(inp) == "-":
            yield "-"
            continue
        p = Path(inp)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and not child.name.startswith(".") and child.suffix.lower() in (
                    TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | JSON_SUFFIXES
                ) and child.resolve() not in skip:
                    yield child
        else:
            yield p


def iter_documents(
    inputs: Iterable[str | os.PathLike],
    stdin: BinaryIO | None = None,
    exclude: Iterable[str | os.PathLike] = (),
) -> Iterator[Item]:
    """Documents (or InputErrors) from files, directories, JSONL batches and ``-`` (stdin).

    Stdin is read as JSONL when its first non-blank character is ``{``, as HTML
    when it starts with ``<``, else as plain text.
    """
    for p in iter_paths(inputs, exclude):
        if p == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read()
            stripped = data.lstrip()
            if stripped.startswith(b"{"):
                yield from iter_jsonl(data.splitlines(), "<stdin>")
            elif stripped[:1] == b"<":
                try:
                    yield read_html(data, "<stdin>", doc_id_for(data.decode("utf-8", "replace")))
                except InputError as exc:
                    yield exc
            else:
                try:
                    yield read_text(data, "<stdin>", doc_id_for(data.decode("utf-8", "replace")))
                except InputError as exc:
                    yield exc
            continue
        if not p.exists():
            yield InputError("no such file or directory", str(p))
            continue
        yield from iter_file(p)
