"""Review of the background-traps change: incidents and tolls it must not drop.

The background rules (aggregate periods, tallies, habits, court words, years) caught real
incidents told beside them: a range of a few days, a trade word before the victims ("market
traders"), an aside after a toll told in the sentence after the event, "the deadliest since
2022", a court as the place or a sentence as the grievance of a new event, a weekday after a
year. Each class has controls where the background reading is right.
"""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.api import extract
from eventwire.events.dates import find_dates
from eventwire.events.fatalities import sentence_fatalities

PUB = "2025-06-18"  # a Wednesday


def _types(text: str, published: str = PUB) -> list[tuple[str, str, int]]:
    evs = extract(text=text, published=dt.date.fromisoformat(published))
    return sorted((e.sub_event_type, e.event_date, e.fatalities) for e in evs)


# ----------------------------------------------------------------- a range of a few days is one incident
@pytest.mark.parametrize("text, date, toll", [
    ("Gunmen killed 12 people in attacks on villages in Zamfara state between June 3 and June 5, "
     "residents said.", "2025-06-03", 12),
    ("Fighting from 14 June to 16 June killed 30 soldiers and militants around the town of Djibo, "
     "the army said.", "2025-06-16", 30),
    ("Fighting between 30 May and 2 June killed 45 people in the town of El Fasher, medics said.",
     "2025-05-30", 45),
])
def test_a_range_of_a_few_days_stays_an_incident(text, date, toll):
    got = _types(text)
    assert len(got) == 1 and got[0][1:] == (date, toll)


@pytest.mark.parametrize("text", [
    "At least 900 civilians were killed in the state between 15 July and 5 August, according to the "
    "Sudan Doctors Network.",
    "From June 1 to June 30, at least 310 civilians were killed in attacks across the region, the UN said.",
    "At least 900 civilians were killed in the state between January and April, the monitor said.",
])
def test_a_period_stays_no_incident(text):
    assert _types(text) == []


# ----------------------------------------------------------------- a trade word before the victims
@pytest.mark.parametrize("text, n", [
    ("Gunmen killed 12 market traders in Kwatas on Tuesday, police said.", 12),
    ("Bandits killed nine farm workers in Maru in Zamfara state on Monday, police said.", 9),
    ("Jihadists killed six foot soldiers in an ambush near Djibo on Sunday, the army said.", 6),
    ("Gunmen killed three shop owners in Jos on Monday, police said.", 3),
    ("Militants killed six police station guards in Bannu on Monday.", 6),
])
def test_people_named_by_a_place_of_work_are_a_toll(text, n):
    assert [f for _t, _d, f in _types(text)] == [n]


@pytest.mark.parametrize("text, n", [
    ("Air strikes on two villages killed nine people in Sennar state on Tuesday.", 9),
    ("Militants stormed two police stations in Bannu on Monday, killing six officers.", 6),
])
def test_a_number_of_places_is_still_no_toll(text, n):
    assert sentence_fatalities(text).value == n


# ----------------------------------------------------------------- the toll told in the next sentence
@pytest.mark.parametrize("second, n", [
    ("Six officers were killed in the attack, the latest in a string of assaults on police in the province.", 6),
    ("Twelve people were killed, continuing a wave of violence in Benue state.", 12),
    ("Twelve people were killed, the police spokesman said, according to a tally by AFP.", 12),
    ("Police confirmed the deaths of 12 people.", 12),
    ("Doctors at the hospital recorded 12 deaths.", 12),
    ("\"Twelve people were killed,\" the village head's son said.", 12),
    ("Two voters were killed in the violence ahead of the 2027 elections.", 2),
    ("At least 18 civilians were killed, local officials said, in an area where such massacres are frequent.", 18),
])
def test_an_aside_after_the_toll_keeps_it(second, n):
    got = _types("Gunmen attacked a police post in the village of Kwatas in Benue state on Tuesday night. " + second)
    assert len(got) == 1 and got[0][2] == n


@pytest.mark.parametrize("second", [
    "Soldiers, farmers and even cattle have been killed by the mines, which were laid decades ago.",
    "At least 900 civilians were killed in the state between January and April, according to a monitor.",
])
def test_a_background_toll_in_the_next_sentence_still_lends_nothing(second):
    got = _types("Gunmen attacked a police post in the village of Kwatas in Benue state on Tuesday night. " + second)
    assert [f for _t, _d, f in got] == [0]


# ----------------------------------------------------------------- "the deadliest since 2022"
@pytest.mark.parametrize("text, date, n", [
    ("Jihadists killed 20 soldiers in an attack on an army base in Djibo on Sunday, the deadliest since "
     "2022 in the region.", "2025-06-15", 20),
    ("Militants killed 20 soldiers in an attack on an army post near Djibo on Sunday, the army said, in the "
     "worst attack on the army since 12 March 2024.", "2025-06-15", 20),
    ("Gunmen killed six people in Kwatas on Tuesday, in the third such attack on the village since 2 June.",
     "2025-06-17", 6),
])
def test_a_comparison_since_a_date_is_no_period(text, date, n):
    got = _types(text)
    assert len(got) == 1 and got[0][1:] == (date, n)


def test_a_toll_since_a_date_is_still_a_period():
    assert _types("More than 300 people have been killed in Kwatas since 2 June, officials said on Tuesday.") == []


# ----------------------------------------------------------------- a court as place, a sentence as grievance
@pytest.mark.parametrize("text, want", [
    ("Outside a military court in Kinshasa, soldiers shot dead two protesters on Monday.",
     ("Excessive force against protesters", "2025-06-16", 2)),
    ("Angry over the death sentence handed to a popular singer, hundreds of protesters stormed a police "
     "station in Kano on Monday and set it on fire.", ("Violent demonstration", "2025-06-16", 0)),
])
def test_a_court_as_place_or_grievance_keeps_the_event(text, want):
    assert _types(text) == [want]


@pytest.mark.parametrize("text", [
    "Outside the court, the defendant's lawyer said the soldiers had killed 12 villagers in 2019.",
    "A military court sentenced three soldiers to death on Monday for killing 12 villagers in 2023.",
])
def test_a_court_case_stays_no_event(text):
    assert [t for t, _d, _f in _types(text) if t not in ("Peaceful protest", "Other")] == []


# ----------------------------------------------------------------- a weekday after a year
def test_on_a_weekday_after_a_year_is_this_weeks_day():
    text = "Jihadists killed 20 soldiers near Djibo in the deadliest attack of 2025 on Tuesday, the army said."
    assert [d.date for d in find_dates(text, dt.date(2025, 6, 18)) if d.date] == [dt.date(2025, 6, 17)]
    assert _types(text) == [("Armed clash", "2025-06-17", 20)]


def test_a_named_day_of_an_earlier_year_is_still_no_date():
    text = "The 2019 Easter Sunday bombings killed more than 250 people in Sri Lanka."
    assert all(d.date is None or d.date.year == 2019 for d in find_dates(text, dt.date(2025, 6, 18)))
