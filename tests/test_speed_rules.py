"""The caches of the rule stages must not change what they find.

The nlp prefilter, detection and the events stage read the same sentences; the
events and actors modules remember per-sentence work (trigger matches, modality
cues, the typed reading of a sentence, a sentence's locative country) and share
it. These tests check that a cached answer is the answer, whatever asked first,
and that callers get objects of their own.
"""

from __future__ import annotations

import pytest

from eventwire import places
from eventwire.events import detect_sentence
from eventwire.events.lexicon import load_lexicon, may_hold_event
from eventwire.models import Document
from eventwire.pipeline import Pipeline

# "last summer" is a vague past: only a day named in the sentence keeps the attack;
# "which once controlled" is background unless the sentence is dated.
VAGUE = "Militants attacked the village last summer."
BACKGROUND = "Protesters clashed with police in the town, which rebels once controlled."


@pytest.mark.parametrize("text", [VAGUE, BACKGROUND])
@pytest.mark.parametrize("dated_first", [True, False])
def test_dates_decide_whatever_was_asked_first(text, dated_first):
    order = (True, False) if dated_first else (False, True)
    got = {has_date: [c.sub_event_type for c in detect_sentence(text, has_date=has_date)] for has_date in order}
    assert got[True] and not got[False]
    # and asked again, in the other order, the same
    assert [c.sub_event_type for c in detect_sentence(text, has_date=False)] == []
    assert [c.sub_event_type for c in detect_sentence(text, has_date=True)] == got[True]


def test_callers_get_their_own_candidates():
    text = "Gunmen killed five farmers in the village on Sunday."
    first = detect_sentence(text, has_date=True)
    assert [c.sub_event_type for c in first] == ["Attack"]
    first[0].sub_event_type = "Armed clash"  # the events stage retypes candidates in place
    first[0].hits[0].why = "changed"
    first[0].why.append("changed")
    again = detect_sentence(text, has_date=True)
    assert again[0].sub_event_type == "Attack"
    assert again[0].hits[0].why != "changed" and "changed" not in again[0].why


def test_rejected_hits_are_reported_from_the_cache_too():
    text = "The army said it would attack the rebels next week."
    for _ in range(2):
        rejected = []
        assert detect_sentence(text, has_date=False, keep_rejected=rejected) == []
        assert [h.verdict.rule for h in rejected] == ["future"]


@pytest.mark.parametrize("word", ["attacked", "ATTACKED", "Attacks", "kill", "İstanbul", "ſtrike", "Ḱilled",
                                  "Éclat", "a", "x9", "_"])
def test_word_lookup_is_lower_casing_the_word(word):
    ix = load_lexicon().index
    assert ix.rules_of(word) == ix._lookup(word.lower())
    assert ix.rules_of(word) == ix._lookup(word.lower())  # from the memo


def test_prefilter_agrees_with_the_matches():
    lex = load_lexicon()
    for text in ("Soldiers shelled the town.", "The market reopened on Monday.", "ATTAQUE: İdlib’s ſhelling"):
        assert may_hold_event(text) == (bool(lex.find(text)) and lex.index.may_match(text))
        assert lex.find(text) == lex.find(text)


@pytest.mark.model
def test_each_event_is_located_once(settings, monkeypatch):
    """The roles ask where an event happened; the events stage asks too: one answer serves both."""
    calls = []
    real = places.locate_event

    def counting(doc, sent_index, start, end, st):
        calls.append((sent_index, start, end))
        return real(doc, sent_index, start, end, st)

    monkeypatch.setattr(places, "locate_event", counting)
    text = ("Gunmen killed seven villagers in an attack on Kadunu village in Kaduna State, Nigeria, on Tuesday. "
            "Police said soldiers later clashed with the attackers near the town of Kachia.")
    doc = Pipeline(settings)(Document(id="t", text=text))
    assert doc.events
    assert calls and len(calls) == len(set(calls))


@pytest.mark.model
def test_countries_named_by_the_text_are_the_same_computed_either_way(settings):
    from eventwire.actors.recognize import text_countries

    text = "Sudanese troops and RSF fighters clashed near El Fasher; Chadian officials closed the border."
    doc = Pipeline(settings)(Document(id="t", text=text))
    early = doc.meta["actors_text_countries"]
    doc.meta.pop("actors_text_countries")
    assert text_countries(doc) == early and {"Sudan", "Chad"} <= early
