"""The pipeline: stages run in order over one Document.

Every stage is a module with ``run(doc, settings) -> Document``; the table
``STAGES`` below is the one registry (no import side effects). A stage that
returns anything but a Document is a :class:`~eventwire.errors.StageError`.

    ingest (eventwire.ingest) -> clean -> nlp -> places -> actors -> events -> output
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .errors import EventwireError, InputError, StageError
from .models import Document
from .settings import Settings

# name -> (module, what it needs, what it adds)
STAGES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "clean": ("eventwire.clean", ("text",), ("clean", "segments", "title", "source", "published")),
    "nlp": ("eventwire.nlp", ("clean",), ("sentences", "spacy_doc")),
    "places": ("eventwire.places", ("sentences",), ("mentions:place",)),
    "actors": ("eventwire.actors", ("sentences",), ("mentions:actor",)),
    "events": ("eventwire.events", ("sentences", "mentions:place", "mentions:actor"), ("events",)),
}
DEFAULT_ORDER: tuple[str, ...] = ("clean", "nlp", "places", "actors", "events")


def _stage_fn(name: str) -> Callable[[Document, Settings], Document]:
    try:
        module_name = STAGES[name][0]
    except KeyError:
        raise StageError(f"unknown stage {name!r}; known: {', '.join(STAGES)}") from None
    return importlib.import_module(module_name).run


# documents the nlp stage takes at once in :meth:`Pipeline.pipe` (docs/performance.md, session 7:
# the model on the event sentences of 8 articles together costs ~20 % less per article than
# article by article; 4 gets most of it, 16 little more)
BATCH_DOCS = 8

Outcome = tuple[Document, Exception | None]


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class Pipeline:
    """Runs the stages over documents. Build once; resources load on first use.

    ``batch_size``: how many documents :meth:`pipe` hands the nlp stage at once (1: one by one).
    """

    def __init__(self, settings: Settings | None = None, stages: Iterable[str] = DEFAULT_ORDER,
                 batch_size: int = BATCH_DOCS) -> None:
        self.settings = settings or Settings()
        self.stage_names = tuple(stages)
        self._fns = [(n, _stage_fn(n)) for n in self.stage_names]
        self.batch_size = batch_size

    def _stages(self, doc: Document, fns) -> Document:
        for name, fn in fns:
            out = fn(doc, self.settings)
            if not isinstance(out, Document):
                raise StageError(f"stage {name!r} returned {type(out).__name__}, not Document")
            doc = out
        return doc

    def __call__(self, doc: Document) -> Document:
        doc = self._stages(doc, self._fns)
        doc.spacy_doc = None  # free the parse; everything needed is on the Document
        return doc

    def _batch_nlp(self):
        """(index of the nlp stage, its batch function), when the nlp stage is the module's own."""
        names = [n for n, _fn in self._fns]
        if "nlp" not in names:
            return None
        i = names.index("nlp")
        module = importlib.import_module(STAGES["nlp"][0])
        batch = getattr(module, "run_batch", None)
        return (i, batch) if batch is not None and self._fns[i][1] is module.run else None

    def outcomes(self, docs: Iterable[Document], batch_size: int | None = None) -> Iterator[Outcome]:
        """(document, None) for each document processed, (document, the exception) for each that
        failed, in input order. Documents go through the nlp stage ``batch_size`` at a time (same
        results as one by one); when a batch fails there, its documents are run again one by one,
        so a failing document fails alone."""
        size = self.batch_size if batch_size is None else batch_size
        batched = self._batch_nlp() if size > 1 else None
        if batched is None:
            for doc in docs:
                try:
                    yield self(doc), None
                except Exception as exc:  # noqa: BLE001 - the caller decides (pipe: on_error)
                    yield doc, exc
            return
        i, run_batch = batched
        before, (nlp_name, nlp_fn), after = self._fns[:i], self._fns[i], self._fns[i + 1:]
        for chunk in _chunks(docs, size):
            given = list(chunk)  # what a failure is reported with (as one by one)
            errors: list[Exception | None] = [None] * len(chunk)
            for k, doc in enumerate(chunk):
                try:
                    chunk[k] = self._stages(doc, before)
                except Exception as exc:  # noqa: BLE001
                    errors[k] = exc
            live = [k for k in range(len(chunk)) if errors[k] is None]
            try:
                out = run_batch([chunk[k] for k in live], self.settings)
                if len(out) != len(live) or not all(isinstance(d, Document) for d in out):
                    raise StageError("stage 'nlp' returned a batch that does not match its documents")
                for k, d in zip(live, out):
                    chunk[k] = d
            except Exception:  # noqa: BLE001 - one by one: the failing document alone fails
                for k in live:
                    try:
                        chunk[k] = self._stages(chunk[k], [(nlp_name, nlp_fn)])
                    except Exception as exc:  # noqa: BLE001
                        errors[k] = exc
            for k, doc in enumerate(chunk):
                if errors[k] is None:
                    try:
                        chunk[k] = self._stages(doc, after)
                    except Exception as exc:  # noqa: BLE001
                        errors[k] = exc
                if errors[k] is None:
                    chunk[k].spacy_doc = None  # free the parse (as __call__ does)
                    yield chunk[k], None
                else:
                    yield given[k], errors[k]

    def pipe(
        self,
        docs: Iterable[Document],
        on_error: Callable[[Document, Exception], Any] | None = None,
        batch_size: int | None = None,
    ) -> Iterator[Document]:
        """Run over many documents; a failing document goes to ``on_error`` and is skipped.
        Output in input order; ``batch_size`` as in :meth:`outcomes`."""
        for doc, exc in self.outcomes(docs, batch_size):
            if exc is None:
                yield doc
            elif on_error is None:
                raise exc
            else:
                on_error(doc, reported_error(doc, exc))


def reported_error(doc: Document, exc: Exception) -> EventwireError:
    """What :meth:`Pipeline.pipe` hands ``on_error`` for ``exc``: an EventwireError as it is, any
    other exception (a bug on one document must not kill a batch) as an InputError."""
    if isinstance(exc, EventwireError):
        return exc
    return InputError(f"internal error: {type(exc).__name__}: {exc}", doc.origin)
