"""One event per place (ACLED: one location, one day): an event told of a list of towns is an
event in each town; a total toll is divided, not repeated. Text written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.models import Document
from eventwire.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipe(settings):
    return Pipeline(settings)


def events(pipe, text: str):
    doc = pipe(Document(id="t", text=text, published=dt.date(2025, 6, 25)))
    return doc.events


def test_protests_in_a_list_of_towns_are_one_event_per_town(pipe):
    evs = events(pipe, "Thousands of young people marched in Nairobi, Mombasa and Kisumu on Tuesday against "
                       "the finance bill, witnesses said.")
    assert sorted(e.location for e in evs) == ["Kisumu", "Mombasa", "Nairobi"]
    assert {e.sub_event_type for e in evs} == {evs[0].sub_event_type}
    assert {e.event_date for e in evs} == {"2025-06-24"}
    assert len({e.event_id for e in evs}) == 3
    for e in evs:  # each copy's evidence names its own town
        assert e.provenance["location"].text in ("Nairobi", "Mombasa", "Kisumu")
        assert e.location in e.notes


def test_a_total_toll_is_divided_among_the_towns(pipe):
    evs = events(pipe, "Police shot dead seven protesters in Nairobi and Kisumu on Tuesday, a rights group said.")
    assert sorted(e.location for e in evs) == ["Kisumu", "Nairobi"]
    assert sorted(e.fatalities for e in evs) == [3, 4]  # 7 divided, not repeated


@pytest.mark.parametrize("text", [
    # a town and its province, a town and its country: one place
    "Rebels attacked an army post in Goma, North Kivu, on Tuesday, killing two soldiers.",
    "Gunmen attacked a bus near Kidal, Mali, on Tuesday, killing four passengers.",
    # a road between two towns: one event on the road
    "Gunmen ambushed a convoy on the road between Garissa and Dadaab on Tuesday, killing three police officers.",
    # a doubt, not two places
    "An explosion hit a market in Mandera or Elwak on Tuesday, killing two people, reports said.",
])
def test_not_a_list_of_event_places(pipe, text):
    evs = events(pipe, text)
    assert len(evs) == 1, [(e.location, e.sub_event_type) for e in evs]


def test_towns_of_other_sentences_or_origins_are_not_split(pipe):
    # the list is where the protesters came from, the march was in one city
    evs = events(pipe, "Farmers from Nakuru and Eldoret marched in Nairobi on Tuesday to demand better maize prices.")
    assert [e.location for e in evs] == ["Nairobi"]


def test_a_list_in_another_sentence_does_not_split_the_event(pipe):
    evs = events(pipe, "Protests spread to Nairobi, Mombasa and Kisumu on Tuesday. Police shot dead three "
                       "protesters, witnesses said.")
    shootings = [e for e in evs if e.fatalities]
    assert len(shootings) == 1 and shootings[0].fatalities == 3, [(e.location, e.fatalities) for e in evs]
