"""The nlp stage's prefilters: the spaCy model only where the later stages read it.

``Settings.parse_scope="events"`` (the default) runs the whole model (parse and
entities) only on the sentences the events detector finds an event in;
``"candidates"`` recognises entities everywhere and parses the sentences with a
trigger word; ``"entities"`` recognises entities everywhere and parses nothing.
Each must keep the contract of ``doc.spacy_doc`` (one Doc over ``clean``, same
offsets) and say in ``doc.meta`` which sentences were parsed and, when not all,
which went through NER.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.events import detect_sentence
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


# ---------------------------------------------------------------- scope "events" (the default)
def _sentence_ents(doc: Document, s) -> set[tuple[str, str]]:
    return {(e.text, e.label_) for e in doc.spacy_doc.ents if s.start <= e.start_char < s.end}


def test_events_scope_is_the_default_and_runs_the_model_only_on_event_sentences():
    _needs_model()
    assert Settings().parse_scope == "events"
    doc = _nlp("events", ARTICLE)
    sdoc = doc.spacy_doc
    assert sdoc.text == doc.clean
    parsed = doc.meta["parsed_sentences"]
    # the attack and the bomb are events; the road, the governor and the UN figures are not
    expected = [s.index for s in doc.sentences if detect_sentence(s.text, has_date=True)]
    assert parsed == expected
    texts = {s.index: s.text for s in doc.sentences}
    assert any("Taliban fighters attacked" in texts[i] for i in parsed)
    assert any("roadside bomb" in texts[i] for i in parsed)
    assert not any("highway" in texts[i] or "casualty figures" in texts[i] for i in parsed)
    assert doc.meta["ner_sentences"] == parsed
    for s in doc.sentences:
        span = sdoc.char_span(s.start, s.end, alignment_mode="expand")
        if s.index in parsed:
            assert all(t.dep_ for t in span) and any(t.lemma_ for t in span)
        else:
            assert not any(t.dep_ for t in span)
            assert not _sentence_ents(doc, s)  # no NER there: the places stage matches the gazetteer
    # the entities of an event sentence are those the whole pipeline finds there
    full = _nlp("all", ARTICLE)
    first = doc.sentences[0]
    assert ("Ghazni province", "GPE") in _sentence_ents(doc, first)
    assert _sentence_ents(doc, first) == _sentence_ents(full, first)


def test_events_scope_with_no_event_runs_no_model_but_keeps_sentences():
    _needs_model()
    doc = _nlp("events", "The annual book fair opened in Frankfurt on Wednesday. Publishers from Brazil "
                         "and Japan showed new titles.")
    assert doc.meta["parsed_sentences"] == [] and doc.meta["ner_sentences"] == []
    assert len(doc.sentences) == 2
    assert not doc.spacy_doc.has_annotation("DEP") and not list(doc.spacy_doc.ents)


def test_ensure_parsed_in_events_scope_adds_the_parse_and_the_entities():
    _needs_model()
    from eventwire.nlp import ensure_parsed

    doc = _nlp("events", ARTICLE)
    governor = next(s for s in doc.sentences if "Kalimzai" in s.text)
    assert governor.index not in doc.meta["parsed_sentences"]
    before = [(e.start_char, e.end_char, e.label_) for e in doc.spacy_doc.ents]
    assert ensure_parsed(doc, governor.index) is True
    assert governor.index in doc.meta["parsed_sentences"] and governor.index in doc.meta["ner_sentences"]
    assert ("Wahidullah Kalimzai", "PERSON") in _sentence_ents(doc, governor)
    after = [(e.start_char, e.end_char, e.label_) for e in doc.spacy_doc.ents]
    assert set(before) <= set(after)  # the entities of the other sentences stay


def test_entities_scope_recognises_everywhere_and_parses_nothing():
    _needs_model()
    doc = _nlp("entities", ARTICLE)
    assert doc.meta["parsed_sentences"] == [] and "ner_sentences" not in doc.meta
    assert {"Kandahar", "Helmand", "Wahidullah Kalimzai"} <= {e.text for e in doc.spacy_doc.ents}
    assert not doc.spacy_doc.has_annotation("DEP")


@pytest.mark.slow
def test_gold_articles_give_nearly_the_same_events_in_events_scope():
    """The model on event sentences only may change a few events (context for places);
    on the gold articles at least 95% of the events of the full pipeline stay the same."""
    _needs_model()
    from eventwire.api import make_document

    paths = sorted(GOLD.glob("*.txt"))
    full, fast = Pipeline(Settings(parse_scope="all")), Pipeline(Settings(parse_scope="events"))
    key = lambda d: [(e.event_type, e.sub_event_type, e.event_date, e.actor1, e.actor2, e.location)  # noqa: E731
                     for e in d.events]
    same = total = 0
    for p in paths:
        text = p.read_text(encoding="utf-8")
        a = key(full(make_document(text=text, published="2021-06-01", doc_id=p.stem)))
        b = key(fast(make_document(text=text, published="2021-06-01", doc_id=p.stem)))
        total += len(a)
        same += sum(1 for x in a if x in b)
    assert total >= len(paths) and same >= 0.95 * total
