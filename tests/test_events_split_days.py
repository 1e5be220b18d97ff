"""One event per day (ACLED: one location, one day): a sentence that tells two days, each with its
own place, is two events with the same type and actors. A statement's day, a span that "began ...
and continued", and a list of places on one day are not split by day. Text written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.models import Document
from eventwire.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipe(settings):
    return Pipeline(settings)


def events(pipe, text: str):
    # published on a Thursday: Monday is the 23rd, Tuesday the 24th, Wednesday the 25th
    doc = pipe(Document(id="t", text=text, published=dt.date(2025, 6, 26)))
    return doc.events


def days_and_places(evs):
    return sorted((e.event_date, e.location) for e in evs)


@pytest.mark.parametrize("text, expected", [
    # a verb for each day, the place after the verb
    ("Police fired tear gas at striking teachers in Thika on Monday and on Tuesday dispersed a second "
     "march in Ruiru.", [("2025-06-23", "Thika"), ("2025-06-24", "Ruiru")]),
    # one verb, each day with its place after it
    ("Retired workers protesting pension cuts were teargassed on Tuesday in La Plata and on Wednesday in Berisso.",
     [("2025-06-24", "La Plata"), ("2025-06-25", "Berisso")]),
    # each place with its day after it, a statement after
    ("Soldiers clashed with militants in Kidal on Monday and in Gao on Tuesday, the army said.",
     [("2025-06-23", "Kidal"), ("2025-06-24", "Gao")]),
    # the town the marchers came from is not a place of the event
    ("Farmers from Nakuru marched in Nairobi on Monday and in Kisumu on Tuesday.",
     [("2025-06-23", "Nairobi"), ("2025-06-24", "Kisumu")]),
    # joined by a semicolon, a pronoun for the actor
    ("Troops shelled rebel positions near Kalemie on Monday; on Tuesday they bombed a camp near Uvira.",
     [("2025-06-23", "Kalemie"), ("2025-06-24", "Uvira")]),
    # explicit dates
    ("Protesters rallied in Lima on 3 June and in Cusco on 5 June against the mining law.",
     [("2025-06-03", "Lima"), ("2025-06-05", "Cusco")]),
    # joined by a comma only
    ("Farmers blocked highways in Multan on Monday, in Lahore on Tuesday, demanding higher wheat prices.",
     [("2025-06-23", "Multan"), ("2025-06-24", "Lahore")]),
])
def test_two_days_each_with_its_place_are_two_events(pipe, text, expected):
    evs = events(pipe, text)
    assert days_and_places(evs) == expected, [(e.event_date, e.location, e.sub_event_type) for e in evs]
    assert len({(e.sub_event_type, e.actor1, e.actor2) for e in evs}) == 1
    assert len({e.event_id for e in evs}) == 2
    for e in evs:  # each event's evidence names its own day and place
        assert e.provenance["location"].text == e.location
        assert e.provenance["event_date"].text.split()[-1] in ("Monday", "Tuesday", "Wednesday", "June")
        assert e.time_precision == 1


def test_each_day_keeps_its_own_toll(pipe):
    evs = events(pipe, "A roadside bomb killed three soldiers near Kidal on Monday and 4 people died in an ambush "
                       "near Gao on Tuesday.")
    assert sorted((e.location, e.fatalities) for e in evs) == [("Gao", 4), ("Kidal", 3)]


def test_a_toll_stays_with_the_day_that_tells_it(pipe):
    evs = events(pipe, "Gunmen stormed a market in Maiduguri on Monday and on Tuesday attacked a church in "
                       "Bama, killing four worshippers.")
    by_place = {e.location: e for e in evs}
    assert set(by_place) == {"Maiduguri", "Bama"}, [(e.event_date, e.location) for e in evs]
    assert by_place["Bama"].fatalities == 4 and by_place["Bama"].event_date == "2025-06-24"
    assert by_place["Maiduguri"].fatalities == 0 and by_place["Maiduguri"].event_date == "2025-06-23"


@pytest.mark.parametrize("text", [
    # the second day is the statement's
    "Gunmen attacked a village near Mopti on Monday, the army said on Tuesday.",
    # one event over two days
    "The clashes that began in Bunia on Monday and continued on Tuesday killed six people.",
    "Fighting between the army and rebels in Bunia raged from Monday to Wednesday.",
    "Fighting raged in Bunia from Monday night into Tuesday, the governor of Ituri said.",
    # two days, one place: not a day with a place of its own
    "Police fired tear gas at protesters in Thika on Monday and again on Tuesday.",
])
def test_not_one_event_per_day(pipe, text):
    evs = events(pipe, text)
    assert len(evs) == 1, [(e.event_date, e.location, e.sub_event_type) for e in evs]


def test_two_places_on_one_day_stay_a_list_of_towns(pipe):
    evs = events(pipe, "Students marched in Nairobi and Mombasa on Monday against fee increases.")
    assert days_and_places(evs) == [("2025-06-23", "Mombasa"), ("2025-06-23", "Nairobi")]


def test_a_list_of_towns_on_one_day_and_a_town_on_the_next(pipe):
    evs = events(pipe, "Traders protested in Kano and Kaduna on Monday and in Zaria on Tuesday.")
    assert days_and_places(evs) == [("2025-06-23", "Kaduna"), ("2025-06-23", "Kano"), ("2025-06-24", "Zaria")]
