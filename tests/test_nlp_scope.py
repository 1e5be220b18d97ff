"""The nlp stage's prefilter: entities everywhere, a dependency parse only where an event may be.

``Settings.parse_scope="candidates"`` (the default) must keep the contract of
``doc.spacy_doc`` (one Doc over ``clean``, same offsets) and give the later
stages what they read: entities for all text, the parse for the sentences
the events stage reads.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.events.lexicon import may_hold_event
from eventwire.models import Document
from eventwire.nlp import load_nlp, model_name
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings

pytestmark = pytest.mark.model

GOLD = Path(__file__).parent / "fixtures" / "gold" / "articles"

# A short report written for this test: the event sentences are mixed with
# background sentences that name places and people but hold no event, and a
# paragraph break falls inside the text (sentences must not cross it).
ARTICLE = (
    "KABUL (Reuters) -- Taliban fighters attacked a police checkpoint in Ghazni province on Tuesday, "
    "killing four officers, a provincial spokesman said.\n\n"
    "Ghazni lies on the main highway between Kabul and Kandahar. "
    "The governor, Wahidullah Kalimzai, said reinforcements had been sent from Kabul.\n\n"
    "Separately, two civilians were wounded when a roadside bomb exploded in Helmand. "
    "The United Nations mission in Afghanistan publishes casualty figures every quarter."
)


def _needs_model():
    if model_name(Settings()) == "blank":
        pytest.skip("no English spaCy model installed")


def _nlp(scope: str, text: str) -> Document:
    from eventwire import clean, nlp

    s = Settings(parse_scope=scope)
    doc = Document(id="t", text=text)
    doc = clean.run(doc, s)
    return nlp.run(doc, s)


def test_candidates_keep_the_spacy_doc_contract():
    _needs_model()
    doc = _nlp("candidates", ARTICLE)
    sdoc = doc.spacy_doc
    assert sdoc.text == doc.clean
    assert [s.index for s in doc.sentences] == list(range(len(doc.sentences)))
    for s in doc.sentences:
        assert doc.clean[s.start:s.end] == s.text and "\n" not in s.text
    # entities in every sentence, event or not
    ents = {e.text: e.label_ for e in sdoc.ents}
    assert "Kandahar" in ents and "Wahidullah Kalimzai" in ents
    # only the sentences that may hold an event are parsed ...
    parsed = doc.meta["parsed_sentences"]
    assert parsed == [s.index for s in doc.sentences if may_hold_event(s.text)]
    assert parsed and len(parsed) < len(doc.sentences)
    for s in doc.sentences:
        span = sdoc.char_span(s.start, s.end, alignment_mode="expand")
        deps = [t.dep_ for t in span]
        if s.index in parsed:
            assert all(deps) and deps.count("ROOT") >= 1
            assert any(t.pos_ for t in span) and any(t.lemma_ for t in span)
        else:
            assert not any(deps)  # no parse: consumers see dep_ == ""
    assert sdoc.has_annotation("DEP")


def test_the_parse_of_an_event_sentence_matches_the_full_parse():
    _needs_model()
    fast, full = _nlp("candidates", ARTICLE), _nlp("all", ARTICLE)
    assert "parsed_sentences" not in full.meta
    first = fast.sentences[0]
    assert first.index in fast.meta["parsed_sentences"]
    a = fast.spacy_doc.char_span(first.start, first.end, alignment_mode="expand")
    b = full.spacy_doc.char_span(first.start, first.end, alignment_mode="expand")
    triples = lambda span: [(t.text, t.dep_, t.head.i, t.pos_, t.lemma_) for t in span]  # noqa: E731
    agree = sum(x == y for x, y in zip(triples(a), triples(b)))
    assert agree >= 0.9 * len(a)
    attacked = next(t for t in a if t.text == "attacked")
    assert attacked.dep_ == next(t for t in b if t.text == "attacked").dep_
    assert any(c.dep_ == "nsubj" and c.text == "fighters" for c in attacked.children)  # who did it
    # the entities are those of the full pipeline (NER has its own embedding layer)
    assert {(e.start_char, e.end_char, e.label_) for e in fast.spacy_doc.ents} == \
        {(e.start_char, e.end_char, e.label_) for e in full.spacy_doc.ents}


def test_no_candidate_sentence_means_no_parse_but_entities():
    _needs_model()
    doc = _nlp("candidates", "The annual book fair opened in Frankfurt on Wednesday. Publishers from Brazil "
                             "and Japan showed new titles.")
    assert doc.meta["parsed_sentences"] == []
    assert not doc.spacy_doc.has_annotation("DEP")
    assert {"Frankfurt", "Brazil", "Japan"} <= {e.text for e in doc.spacy_doc.ents}


def test_blank_model_and_scope_all_parse_everything_their_way():
    doc = _nlp_blank()
    assert doc.sentences and "parsed_sentences" not in doc.meta
    all_doc = _nlp("all", ARTICLE)
    assert "parsed_sentences" not in all_doc.meta


def _nlp_blank() -> Document:
    from eventwire import clean, nlp

    s = Settings(model="blank", parse_scope="candidates")
    return nlp.run(clean.run(Document(id="b", text=ARTICLE), s), s)


@pytest.mark.slow
def test_gold_articles_give_the_same_events_with_and_without_the_prefilter():
    _needs_model()
    paths = sorted(GOLD.glob("*.txt"))
    if not paths:
        pytest.skip("no gold articles")
    from eventwire.api import make_document

    full, fast = Pipeline(Settings(parse_scope="all")), Pipeline(Settings(parse_scope="candidates"))

    def key(doc):
        return sorted((e.event_type, e.sub_event_type, e.event_date, e.actor1, e.actor2, e.location,
                       e.fatalities, e.civilian_targeting) for e in doc.events)

    total = 0
    for p in paths:
        text = p.read_text(encoding="utf-8")
        a = full(make_document(text=text, published="2021-06-01", doc_id=p.stem))
        b = fast(make_document(text=text, published="2021-06-01", doc_id=p.stem))
        assert key(b) == key(a), p.name
        total += len(a.events)
    assert total >= len(paths)  # the gold articles do hold events


def test_load_nlp_is_cached():
    assert load_nlp(Settings()) is load_nlp(Settings())


def test_ensure_parsed_parses_a_skipped_sentence_on_demand():
    _needs_model()
    from eventwire.nlp import ensure_parsed

    doc = _nlp("candidates", ARTICLE)
    skipped = next(s for s in doc.sentences if s.index not in doc.meta["parsed_sentences"])
    before = set(doc.meta["parsed_sentences"])
    ents = [(e.start_char, e.end_char, e.label_) for e in doc.spacy_doc.ents]
    assert ensure_parsed(doc, skipped.index) is True
    assert set(doc.meta["parsed_sentences"]) == before | {skipped.index}
    span = doc.spacy_doc.char_span(skipped.start, skipped.end, alignment_mode="expand")
    assert all(t.dep_ for t in span)
    full = _nlp("all", ARTICLE).spacy_doc.char_span(skipped.start, skipped.end, alignment_mode="expand")
    assert [t.dep_ for t in span] == [t.dep_ for t in full]
    # the sentences parsed before keep their parse, and the entities stay
    first = doc.sentences[0]
    assert all(t.dep_ for t in doc.spacy_doc.char_span(first.start, first.end, alignment_mode="expand"))
    assert [(e.start_char, e.end_char, e.label_) for e in doc.spacy_doc.ents] == ents
    assert ensure_parsed(doc, skipped.index) is True  # idempotent
    assert ensure_parsed(_nlp("all", ARTICLE), 0) is True  # everything parsed already
