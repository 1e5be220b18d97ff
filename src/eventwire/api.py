"""The library API: text or HTML in, events out.

    >>> import eventwire
    >>> events = eventwire.extract(text=article, published="2019-02-16", source="AP")
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .errors import EventwireError, InputError, NoText
from .ingest import doc_id_for, document_from_fields, parse_published
from .models import Document, Event
from .pipeline import Pipeline
from .settings import Settings


@functools.cache
def _default_pipeline() -> Pipeline:
    return Pipeline(Settings())


def get_pipeline(settings: Settings | None = None) -> Pipeline:
    """A pipeline for these settings (the default one is built once per process)."""
    return _default_pipeline() if settings is None else Pipeline(settings)


def make_document(
    text: str | None = None,
    html: str | None = None,
    published: str | dt.date | dt.datetime | None = None,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    doc_id: str | None = None,
) -> Document:
    """A Document from text or HTML (HTML goes through trafilatura)."""
    if text is None and html is None:
        raise InputError("give text= or html=")
    if text is not None and not isinstance(text, str):
        raise InputError("text must be a string")
    if text is not None:
        doc = Document(
            id=doc_id or doc_id_for(text), text=text, title=title or "", source=source or "",
            url=url or "", published=parse_published(published), origin=doc_id or "<text>",
        )
        doc.published_from = "field" if doc.published else ""
        return doc
    fields: dict[str, Any] = {"html": html, "title": title, "source": source, "url": url, "id": doc_id}
    if published is not None:
        fields["published"] = published if isinstance(published, str) else published.isoformat()
    try:
        return document_from_fields(fields, origin=doc_id or "<html>", default_id=doc_id_for(html or ""))
    except NoText:  # a page with no article in it: an empty document, no events
        return Document(id=doc_id or doc_id_for(html or ""), text="", origin="<html>")


def extract(
    text: str | None = None,
    html: str | None = None,
    published: str | dt.date | dt.datetime | None = None,
    title: str | None = None,
    source: str | None = None,
    *,
    url: str | None = None,
    doc_id: str | None = None,
    settings: Settings | None = None,
) -> list[Event]:
    """Events in one article. ``published`` anchors relative dates ("on Saturday")."""
    doc = make_document(text, html, published, title, source, url, doc_id)
    return get_pipeline(settings)(doc).events


def extract_documents(
    docs: Iterable[Document],
    settings: Settings | None = None,
    on_error: Callable[[Document, EventwireError], Any] | None = None,
) -> Iterator[Document]:
    """Run the pipeline over Documents; yields them processed (``doc.events``)."""
    yield from get_pipeline(settings).pipe(docs, on_error=on_error)


def extract_batch(
    records: Iterable[dict[str, Any]],
    settings: Settings | None = None,
    on_error: Callable[[Document | dict, EventwireError], Any] | None = None,
) -> Iterator[Event]:
    """Events from JSONL-style records (``id, text|html, published, title, source, url``)."""
    pipeline = get_pipeline(settings)
    for n, rec in enumerate(records, 1):
        try:
            doc = document_from_fields(rec, origin=f"record {n}", default_id=f"record-{n}")
        except InputError as exc:
            if on_error is None:
                raise
            on_error(rec, exc)
            continue
        for out in pipeline.pipe([doc], on_error=on_error):
            yield from out.events
