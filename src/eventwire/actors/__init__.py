"""Actors stage: who did what to whom, named the way analysts name them.

* :func:`run` adds ``Mention(kind="actor", value=Actor)`` for every actor
  mention in ``doc.clean`` (see :mod:`eventwire.actors.recognize`);
* :func:`assign_roles` gives actor1/actor2/associates of one event from its
  trigger span (see :mod:`eventwire.actors.roles`);
* :func:`interaction_code` is ACLED's two-digit interaction code;
* :func:`lookup` shows how a name resolves (``eventwire actors lookup NAME``).

Knowledge lives in ``data/actors.csv``, ``data/actor_countries.csv`` and
``data/actor_patterns.yaml``, compiled once per process by
:func:`~eventwire.actors.dictionary.load_dictionary`.
"""

from __future__ import annotations

from ..models import Document
from ..settings import Settings
from .dictionary import load_dictionary, lookup
from .recognize import recognize
from .roles import assign_roles, interaction_code

__all__ = ["assign_roles", "interaction_code", "load_dictionary", "lookup", "run"]


def run(doc: Document, settings: Settings) -> Document:
    """Add the document's actor mentions (replacing any from an earlier run)."""
    doc.meta.pop("actors_countries", None)
    doc.meta.pop("actors_text_countries", None)
    doc.mentions = [m for m in doc.mentions if m.kind != "actor"]
    doc.mentions.extend(recognize(doc))
    return doc
