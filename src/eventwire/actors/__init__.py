"""Actors stage: actor recognition, normalisation and roles.

(Stub from the foundation; issue 6 fills it in.)
Public: ``run(doc, settings)`` adds ``actor`` mentions (value: Actor);
``assign_roles(doc, sent_index, start, end, event_type, sub_event_type, settings) -> Roles``.
"""

from __future__ import annotations

from ..models import Document, Roles
from ..settings import Settings


def run(doc: Document, settings: Settings) -> Document:
    return doc


def assign_roles(doc: Document, sent_index: int, start: int, end: int, event_type: str,
                 sub_event_type: str, settings: Settings) -> Roles:
    return Roles()
