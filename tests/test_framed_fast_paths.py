"""places/framed.find's fast paths (speed work of session 9) keep its readings: a name inside any mention already
taken -- also one a shorter mention nested in a longer one would hide from a check of the nearest span only --
is passed over; a heading's sentence yields nothing however framed its names; a name with no white space before
it (a sentence's first word) has no frame. Text written for these tests; the village names are made up."""

from __future__ import annotations

import pytest

from eventwire.models import Document, Mention, Place, Sentence
from eventwire.places import _gazetteer, framed
from eventwire.settings import Settings


@pytest.fixture(scope="module")
def gaz():
    return _gazetteer(Settings())


def _doc(*sentences: str) -> Document:
    text, sents, pos = "", [], 0
    for i, s in enumerate(sentences):
        if text:
            text += " "
            pos += 1
        sents.append(Sentence(pos, pos + len(s), s, i))
        text += s
        pos += len(s)
    return Document(id="t", text=text, clean=text, sentences=sents)


def _mention(text: str, s: int, e: int) -> Mention:
    return Mention(start=s, end=e, text=text[s:e], kind="place", value=Place(name=text[s:e]), meta={})


def _names(doc: Document, gaz, mentions=()) -> list[str]:
    return [m.text for m in framed.find(doc, gaz, list(mentions))]


def test_a_framed_village_is_read(gaz):
    doc = _doc("Gunmen raided Tamalawuri on Sunday, killing seven villagers, residents said.")
    assert _names(doc, gaz) == ["Tamalawuri"]


def test_a_name_inside_a_longer_mention_behind_a_nested_one_is_passed_over(gaz):
    doc = _doc("Fighters moved on from the camp near Kolbarawa and shelled Dantokoro on Monday, "
               "killing four farmers.")
    text = doc.clean
    k = text.index("Dantokoro")
    long_span = _mention(text, text.index("Kolbarawa"), k + len("Dantokoro"))  # covers both names
    nested = _mention(text, text.index("Kolbarawa"), text.index("Kolbarawa") + 4)  # starts there, ends early
    got = _names(doc, gaz, [long_span, nested])
    assert "Dantokoro" not in got and "Kolbarawa" not in got
    assert "Dantokoro" in _names(doc, gaz, [nested])  # control: only the nested one taken


def test_a_headings_sentence_yields_nothing(gaz):
    doc = _doc("Gunmen Raided Tamalawuri And Burned Granaries Of Farmers In Dantokoro")
    assert _names(doc, gaz) == []


def test_a_sentences_first_word_has_no_frame(gaz):
    doc = _doc("Tamalawuri was quiet.", "Later gunmen raided Dantokoro overnight, killing two herders.")
    assert _names(doc, gaz) == ["Dantokoro"]


def test_framed_names_are_found_on_first_use_only():
    # geoparsing alone never reads them: the places stage leaves their inputs, the locator finds them when an
    # event's sentence asks (and the events stage's later entities cannot change them)
    from eventwire.api import extract
    from eventwire.pipeline import Pipeline

    text = ("Gunmen on motorcycles attacked Tamalawa on Sunday, killing seven villagers, in Nigeria's "
            "Zamfara state, a local official said.")
    doc = Pipeline(Settings(parse_scope="entities"), stages=("clean", "nlp", "places"))(Document(id="g", text=text))
    assert "framed_places" not in doc.meta and "framed_inputs" in doc.meta
    (ev,) = extract(text, published="2026-03-02")
    assert ev.location == "Tamalawa" and ev.admin1 == "Zamfara"
