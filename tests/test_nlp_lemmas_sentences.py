"""Speed-ups of the nlp stage that must not change a single annotation.

* the rule lemmatizer: its word index in frozensets, every answer cached by (word, POS,
  morphology) in a bounded cache, ``nlp.pipe`` over token arrays -- the lemmas must be
  spaCy's own, whatever order words come in and however often the cache is cleared;
* sentences and token alignment read from token arrays instead of Span/Token objects:
  the same boundaries and texts as ``Doc.sents``.
"""

from __future__ import annotations

import warnings

import pytest
import spacy

from eventwire.nlp import (CachedLemmas, _aligned, _sentence_spans, _sentences_from_spacy, _token_table,
                           load_nlp, model_threads)
from eventwire.settings import Settings

# Written for this test: inflected verbs and nouns (regular, irregular, -ies, -ves), proper
# nouns that look like plurals, numbers, contractions and possessives the attribute ruler
# lemmatises itself, capitalised sentence starts, words repeated with other POS ("attacks"
# as noun and verb), hyphenated and non-ASCII words.
TEXTS = [
    "Gunmen attacked two villages near Kidal on Sunday, killing 14 civilians and burning houses. "
    "The attacks were the deadliest this year; the army's spokesman said troops hadn't arrived.",
    "Militias loyal to the Houthis seized the Mocha port. Women and children fled as wolves "
    "roamed the abandoned farms, and the thieves' knives were found by policemen.",
    "Protesters marched through Bogotá's streets, chanting slogans; riot police fired tear gas "
    "and arrested dozens. Analysts say protests like these are becoming likelier.",
    "He attacks the government daily, and his supporters' rallies are growing bigger, "
    "said Mr. Hughes, whose armies of followers had gathered in the Philippines' capital.",
    "",
]


def _model():
    nlp = load_nlp(Settings())
    if "lemmatizer" not in nlp.component_names:
        pytest.skip("no English model installed")
    return nlp


@pytest.mark.model
def test_lemmas_are_spacys_own():
    nlp = _model()
    lem = nlp.get_pipe("lemmatizer")
    assert isinstance(lem.lemmatize, CachedLemmas) and nlp.meta.get("eventwire_lemma_cache")
    plain = spacy.load(nlp.meta["eventwire_model"])  # unpatched: spaCy's lemmatizer as shipped
    with model_threads(nlp):
        ours_pipe = [[t.lemma_ for t in d] for d in nlp.pipe(TEXTS * 2)]  # twice: cached answers too
        ours_call = [[t.lemma_ for t in nlp(t)] for t in TEXTS]
    theirs = [[t.lemma_ for t in plain(t)] for t in TEXTS]
    assert ours_pipe == theirs * 2
    assert ours_call == theirs
    lemmas = {x for d in theirs for x in d}
    assert {"attack", "village", "kill", "wolf", "knife", "policeman", "be"} <= lemmas  # real work was compared


@pytest.mark.model
def test_lemma_cache_is_bounded_and_answers_stay_right():
    nlp = _model()
    lem = nlp.get_pipe("lemmatizer")
    small = CachedLemmas(lem, limit=5)
    with model_threads(nlp):
        docs = list(nlp.pipe(TEXTS, disable=["lemmatizer"]))  # POS and morphology, lemmas unset
    expected = [[lem.rule_lemmatize(t)[0] for t in d] for d in docs]
    for d in docs:
        for t in d:
            t.lemma_ = ""
    got = [[t.lemma_ for t in small.annotate(d)] for d in docs]
    assert got == expected
    assert 0 < len(small.cache) <= 5 and 0 < len(small.hashes) <= 5


@pytest.mark.model
def test_tokens_without_pos_are_not_cached():
    nlp = _model()
    cached = CachedLemmas(nlp.get_pipe("lemmatizer"))
    doc = nlp.make_doc("Soldiers fired")  # no tagger: no POS
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # spaCy warns about a lemma without POS
        assert [cached(t)[0] for t in doc] == ["soldiers", "fired"]
    assert cached.cache == {}


@pytest.mark.model
def test_sentences_from_arrays_match_doc_sents():
    nlp = _model()
    texts = TEXTS[:4] + [
        "KABUL -- Two blasts hit the city.\n\nPolice said five died.  \n A third blast   followed. ",
        "  Leading spaces. And no final stop",
        "One.",
    ]
    for text in texts:
        with model_threads(nlp):
            doc = nlp.get_pipe("senter")(nlp.make_doc(text))
        assert _sentence_spans(doc) == [(s.start_char, s.text) for s in doc.sents]
        assert _sentence_spans(doc, text) == _sentence_spans(doc)
        sents = _sentences_from_spacy(doc, text)
        assert sents and all(text[s.start:s.end] == s.text and "\n" not in s.text for s in sents)
    doc = nlp.get_pipe("senter")(nlp.make_doc("A.\n\nB c d."))
    assert [s.text for s in _sentences_from_spacy(doc)] == ["A.", "B c d."]


@pytest.mark.model
def test_alignment_from_arrays():
    nlp = _model()
    text = "Rebels shelled Goma. U.N. peacekeepers returned fire."
    whole = nlp.make_doc(text)
    table = _token_table(whole)
    start = text.index("U.N.")
    i0 = next(t.i for t in whole if t.idx == start)
    alone = nlp.make_doc(text[start:])
    assert _aligned(whole, i0, start, alone) and _aligned(whole, i0, start, alone, table)
    assert not _aligned(whole, i0, start, nlp.make_doc("U.N.peacekeepers returned fire."), table)  # other tokens
    assert not _aligned(whole, i0 + 1, start, alone, table)  # not where the sentence starts
    assert not _aligned(whole, None, start, alone, table)
    assert not _aligned(whole, len(whole) - 1, start, alone, table)  # runs past the end
