"""Places stage: toponym recognition, resolution and event geolocation.

(Stub from the foundation; issue 4 fills it in.)
Public: ``run(doc, settings)`` adds ``place`` mentions (value: Place);
``locate_event(doc, sent_index, start, end, settings) -> Location | None``.
"""

from __future__ import annotations

from ..models import Document, Location
from ..settings import Settings


def run(doc: Document, settings: Settings) -> Document:
    return doc


def locate_event(doc: Document, sent_index: int, start: int, end: int, settings: Settings) -> Location | None:
    return None
