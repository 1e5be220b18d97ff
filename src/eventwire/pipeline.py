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


class Pipeline:
    """Runs the stages over documents. Build once; resources load on first use."""

    def __init__(self, settings: Settings | None = None, stages: Iterable[str] = DEFAULT_ORDER) -> None:
        self.settings = settings or Settings()
        self.stage_names = tuple(stages)
        self._fns = [(n, _stage_fn(n)) for n in self.stage_names]

    def __call__(self, doc: Document) -> Document:
        for name, fn in self._fns:
            out = fn(doc, self.settings)
            if not isinstance(out, Document):
                raise StageError(f"stage {name!r} returned {type(out).__name__}, not Document")
            doc = out
        doc.spacy_doc = None  # free the parse; everything needed is on the Document
        return doc

    def pipe(
        self,
        docs: Iterable[Document],
        on_error: Callable[[Document, Exception], Any] | None = None,
    ) -> Iterator[Document]:
        """Run over many documents; a failing document goes to ``on_error`` and is skipped."""
        for doc in docs:
            try:
                yield self(doc)
            except EventwireError as exc:
                if on_error is None:
                    raise
                on_error(doc, exc)
            except Exception as exc:  # a bug on one document must not kill a batch
                if on_error is None:
                    raise
                on_error(doc, InputError(f"internal error: {type(exc).__name__}: {exc}", doc.origin))
