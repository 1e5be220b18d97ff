"""Review of round 10's when/where rules: the inputs where each did the wrong thing. A day after a briefing
but inside the clause of what was told, victims taken away from a place, a step told "then" after the event
before, and "hours later" with the day the article states. Text written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.events.dates import find_dates
from eventwire.models import Document
from eventwire.pipeline import Pipeline

FRI = dt.date(2025, 3, 14)  # a Friday


@pytest.fixture(scope="module")
def pipe(settings):
    return Pipeline(settings)


def _events(pipe, text, published=FRI):
    return pipe(Document(id="t", text=text, published=published)).events


# ------------------------------------------- 1. the told event's own day, after a briefing named
@pytest.mark.parametrize("text,day", [
    ("Police said at a news conference that gunmen opened fire on a bus near Kisumu on Tuesday, killing six.",
     "on Tuesday"),
    ("The governor told a press briefing that bandits killed 12 villagers in Maru on Sunday night.", "on Sunday night"),
    ("In an interview, the mayor said rebels shelled Kalehe on Monday.", "on Monday"),
    ("At a news conference, the spokesman said troops killed 20 militants on Wednesday.", "on Wednesday"),
    ("Police told a news conference gunmen ambushed a convoy on Tuesday.", "on Tuesday"),
    ("Journalists said they were beaten by police while covering a press conference in Harare on Monday.",
     "on Monday"),
])
def test_a_day_inside_what_was_told_is_the_events(text, day):
    d = next(d for d in find_dates(text, FRI) if d.text == day)
    assert not d.report_date


@pytest.mark.parametrize("text,day", [
    # controls: the briefing's own day
    ("The attack was repelled, the governor said at a news conference held in Maiduguri on Monday.", "on Monday"),
    ("Speaking at a press conference during a visit to Kano on Monday, the minister said 30 people died.",
     "on Monday"),
    ("The interior minister told a press briefing in the capital on Wednesday that the convoy had been hit.",
     "on Wednesday"),
    ("The minister told a news conference in Beijing on Monday that 12 people had died.", "on Monday"),
])
def test_a_briefing_day_stays_a_report_day(text, day):
    d = next(d for d in find_dates(text, FRI) if d.text == day)
    assert d.report_date


def test_an_event_told_at_a_briefing_keeps_its_day(pipe):
    evs = _events(pipe, "Gunmen attacked a village in Zamfara on Sunday, killing ten people. Police said at a news "
                        "conference that gunmen opened fire on a bus near Gusau on Tuesday, killing six passengers.")
    assert {(e.location, e.event_date) for e in evs} >= {("Gusau", "2025-03-11")}


# ------------------------------------------- 2. taken away from a place: the event's place, not an origin
@pytest.mark.parametrize("text,place", [
    ("Gunmen kidnapped 30 students from the Government Secondary School in Kagara, Niger state, on Wednesday.",
     "Kagara"),
    ("Armed men abducted 14 passengers from the village of Kuriga in Kaduna state on Tuesday.", "Kuriga"),
])
def test_people_taken_from_a_place_were_taken_there(pipe, text, place):
    assert [e.location for e in _events(pipe, text)] == [place]


def test_victims_from_a_province_killed_elsewhere(pipe):
    # control, and the origin ends with its name: the place told after it is the event's
    evs = _events(pipe, "Gunmen shot dead seven men from the province of Punjab after pulling them off a bus in "
                        "Balochistan on Tuesday.")
    assert [e.admin1 for e in evs] == ["Balochistan"]


# ------------------------------------------- 3. a step "then" after the event told before keeps its day
def test_a_then_step_at_the_recalled_place_keeps_the_day_before(pipe):
    evs = _events(pipe, "Troops killed four militants near Saravan on Thursday, a day after the group ambushed a "
                        "patrol outside Zahedan on Wednesday. Soldiers then searched houses in Zahedan and detained "
                        "12 people.")
    assert [e.event_date for e in evs if e.sub_event_type == "Arrests"] == ["2025-03-13"]


def test_a_recalled_day_is_not_the_day_of_an_undated_event(pipe):
    evs = _events(pipe, "Militants attacked a checkpoint in Saravan on Thursday, two days after a bombing in "
                        "Zahedan on Tuesday. Security forces arrested five suspects in Zahedan, the agency said.")
    assert [e.event_date for e in evs if e.sub_event_type == "Arrests"] == ["2025-03-13"]


# ------------------------------------------- 4. "hours later" and the day the article states for it
def test_hours_later_with_its_stated_day(pipe):
    evs = _events(pipe, "Bandits attacked the village of Kaura in Zamfara late on Sunday night, killing seven "
                        "people. Hours later, troops engaged the bandits in a gunfight near Kaura. The gunfight, "
                        "which began at dawn on Monday, left six bandits dead.")
    assert [e.event_date for e in evs if e.sub_event_type == "Armed clash"] == ["2025-03-10"]
