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
from .pipeline import Pipeline, reported_error
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
    """Run the pipeline over Documents; yields them processed (``doc.events``), in input order.
    The nlp stage takes ``Pipeline.batch_size`` documents at once (same results as one by one;
    a failing document is reported alone)."""
    yield from get_pipeline(settings).pipe(docs, on_error=on_error)


def extract_batch(
    records: Iterable[dict[str, Any]],
    settings: Settings | None = None,
    on_error: Callable[[Document | dict, EventwireError], Any] | None = None,
) -> Iterator[Event]:
    """Events from JSONL-style records (``id, text|html, published, title, source, url``)."""
    pipeline = get_pipeline(settings)
    numbered = enumerate(records, 1)
    while True:  # pipeline.batch_size records at a time (the nlp stage takes them together), in order
        items: list[tuple[dict, Document | None, InputError | None]] = []
        for n, rec in numbered:
            try:
                items.append((rec, document_from_fields(rec, origin=f"record {n}", default_id=f"record-{n}"), None))
            except InputError as exc:
                items.append((rec, None, exc))
            if len(items) >= max(1, pipeline.batch_size):
                break
        if not items:
            return
        results = pipeline.outcomes([doc for _rec, doc, _exc in items if doc is not None])
        for rec, doc, exc in items:
            if doc is None:
                if on_error is None:
                    raise exc
                on_error(rec, exc)
                continue
            out, failed = next(results)
            if failed is None:
                yield from out.events
            elif on_error is None:
                raise failed
            else:
                on_error(out, reported_error(out, failed))
