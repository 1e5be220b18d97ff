"""eventwire: news reports of armed conflict, political violence and protest
turned into structured, geolocated, deduplicated ACLED-style event records."""

from __future__ import annotations

__version__ = "0.1.0"

from .api import extract, extract_batch, extract_documents  # noqa: E402
from .models import Document, Event, Evidence, Mention, Place, Sentence  # noqa: E402
from .settings import Settings  # noqa: E402

__all__ = sorted([
    "Document",
    "Event",
    "Evidence",
    "Mention",
    "Place",
    "Sentence",
    "Settings",
    "__version__",
    "extract",
    "extract_batch",
    "extract_documents",
])
