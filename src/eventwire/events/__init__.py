"""Events stage: detection, typing, modality, dates, fatalities, merging.

(Stub from the foundation; issue 5 fills it in.)
Public: ``run(doc, settings)`` fills ``doc.events``.
"""

from __future__ import annotations

from ..models import Document
from ..settings import Settings


def run(doc: Document, settings: Settings) -> Document:
    return doc
