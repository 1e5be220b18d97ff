"""When and where of events, round 10 (session 10): days told at a briefing, "hours later" followed
by a later step, an undated lead retold with its day, the day told beside the event's own place,
and a neighbour named across a border. Text written for these tests."""

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


def _of(pipe, text, sub, published=FRI):
    evs = [e for e in _events(pipe, text, published) if e.sub_event_type == sub]
    assert evs, [(e.sub_event_type, e.event_date) for e in _events(pipe, text, published)]
    return evs


# ---------------------------------------------------------------- 1. the day of a briefing is a report date
@pytest.mark.parametrize("text,day", [
    ("The raid began before sunrise, the provincial governor said at a news conference in the regional capital, "
     "Tamale, on Thursday.", "on Thursday"),
    ("The interior minister told a press briefing in the capital on Wednesday that the convoy had been ambushed.",
     "on Wednesday"),
    ("At a news conference on Thursday, the police chief said officers had arrested 14 people.", "on Thursday"),
    ("The blast went off near the market, the mayor explained during a televised address late on Wednesday.",
     "late on Wednesday"),
])
def test_day_of_a_briefing_is_when_it_was_told(text, day):
    d = next(d for d in find_dates(text, FRI) if d.text == day)
    assert d.report_date


@pytest.mark.parametrize("text,day", [
    # controls: the venue is where it happened, or no speech names the briefing
    ("Gunmen stormed a press conference in the town hall on Thursday, killing a reporter.", "on Thursday"),
    ("Soldiers were ambushed near the bridge on Wednesday, the army said.", "on Wednesday"),
    ("Police said the protesters gathered outside the court on Thursday and were dispersed at a news "
     "conference venue.", "on Thursday"),
])
def test_an_event_day_stays_an_event_day(text, day):
    d = next(d for d in find_dates(text, FRI) if d.text == day)
    assert not d.report_date


def test_a_statement_sentence_with_a_briefing_day_does_not_redate_the_event(pipe):
    text = ("Armed drones dropped explosives on houses on the edge of the farming town of Aguililla in Mexico's "
            "Michoacan state on Tuesday, killing a woman, state officials said. "
            "The attack took place shortly after dawn, the state security chief said at a news conference in "
            "Morelia on Thursday.")
    ev = _of(pipe, text, "Air/drone strike")[0]
    assert ev.event_date == "2025-03-11"


def test_control_the_stated_day_still_wins(pipe):
    text = ("Armed drones dropped explosives on houses on the edge of the farming town of Aguililla in Mexico's "
            "Michoacan state, killing a woman, state officials said on Thursday. "
            "The attack took place on Tuesday night, the officials added.")
    ev = _of(pipe, text, "Air/drone strike")[0]
    assert ev.event_date == "2025-03-11"


# ---------------------------------------------------------------- 2. "hours later" and a later step
@pytest.mark.parametrize("later", [
    "The curfew was lifted on Saturday morning.",
    "Authorities lifted the curfew on Sunday.",
])
def test_hours_later_keeps_the_day_of_the_event_before(pipe, later):
    text = ("Three people were killed on Wednesday when opposition supporters clashed with police in the centre "
            "of Lilongwe, set fire to cars and looted shops, officials said. "
            f"Hours later, the government imposed a curfew on the capital and deployed soldiers. {later}")
    ev = _of(pipe, text, "Change to group/activity", published=dt.date(2025, 3, 16))[0]
    assert ev.event_date == "2025-03-12"


def test_control_a_curfew_with_its_own_day(pipe):
    text = ("Three people were killed on Wednesday when opposition supporters clashed with police in the centre "
            "of Lilongwe, set fire to cars and looted shops, officials said. "
            "On Friday, the government imposed a curfew on the capital and deployed soldiers.")
    ev = _of(pipe, text, "Change to group/activity", published=dt.date(2025, 3, 16))[0]
    assert ev.event_date == "2025-03-14"


# ---------------------------------------------------------------- 3. an undated lead retold with its day
@pytest.mark.parametrize("lead,retold,day", [
    # the retelling names a part of the city, so it stands as an event of its own beside the lead
    ("A woman and her two daughters have been killed after a drone hit a house in the Sudanese city of "
     "El Fasher, medics said.",
     "Shells slammed into homes in the Abu Shouk district in the north of the city on Tuesday, killing the "
     "three, the medics said.", "2025-03-11"),
    ("Three children have been killed after a rocket struck a school in the Syrian town of Atarib, rescuers said.",
     "Artillery shells hit the playground of the school in the al-Qalaa district of the town on Wednesday "
     "morning, killing the children, the rescuers said.", "2025-03-12"),
])
def test_undated_lead_takes_the_day_of_its_retelling(pipe, lead, retold, day):
    evs = _events(pipe, f"{lead} {retold}")
    assert evs and all(e.event_date == day for e in evs), [(e.sub_event_type, e.event_date) for e in evs]


def test_control_lead_followed_by_an_event_of_another_type(pipe):
    # the lead is placed at state level: a country-level lead beside a placed event is dropped
    # (events.incident.drop_country_level), which is not what this control is about
    text = ("Two aid workers have been killed in an attack on a convoy in South Sudan's Central Equatoria "
            "state, the United Nations said. "
            "Gunmen ambushed the convoy on the road between Juba and Yei on Tuesday afternoon, killing the driver "
            "and a nurse, officials said.")
    attack = [e for e in _events(pipe, text) if e.sub_event_type == "Attack"]
    assert attack and attack[0].event_date == FRI.isoformat()


def test_control_lead_followed_by_another_kind_of_event(pipe):
    text = ("Four farmers have been shot dead by gunmen in central Nigeria's Plateau state, police said. "
            "On Wednesday, hundreds of women marched peacefully through Jos to demand better protection.")
    evs = _events(pipe, text)
    attack = [e for e in evs if e.event_type == "Violence against civilians"]
    assert attack and attack[0].event_date == FRI.isoformat()


# ---------------------------------------------------------------- 4. the day told beside the event's place
def test_undated_event_takes_the_day_named_beside_its_place(pipe):
    text = ("Five border guards were killed in a clash with militants in the town of Khash late on Wednesday, "
            "state media said, while police shot dead a protester in the city of Zahedan on Thursday. "
            "The state news agency said gunmen attacked a checkpoint on the outskirts of Khash and that the "
            "gunfight lasted an hour.")
    evs = [e for e in _events(pipe, text, published=dt.date(2025, 3, 15)) if e.location == "Khash"]
    assert evs and all(e.event_date == "2025-03-12" for e in evs), [(e.location, e.event_date) for e in evs]


def test_control_one_day_in_the_sentence_before(pipe):
    text = ("Five border guards were killed in a clash with militants in the town of Khash on Thursday, "
            "state media said. The state news agency said gunmen attacked a checkpoint on the outskirts of Khash "
            "and that the gunfight lasted an hour.")
    evs = [e for e in _events(pipe, text, published=dt.date(2025, 3, 15)) if e.location == "Khash"]
    assert evs and all(e.event_date == "2025-03-13" for e in evs)


# ---------------------------------------------------------------- 5. a neighbour across a border
@pytest.mark.parametrize("text,town,country", [
    # an unlisted site named beside the town
    ("The official news agency said militants attacked the Shahid Rezaei base on the outskirts of Mirjaveh, "
     "near the border with Pakistan, and that the gunfight lasted an hour.", "Mirjaveh", "Iran"),
    ("Gunmen stormed the Kalma camp outside Nyala, close to the border with Chad, on Tuesday, killing four "
     "people, aid workers said.", "Nyala", "Sudan"),
    # controls: listed towns, no unlisted site
    ("Militants attacked a police outpost on the outskirts of Mirjaveh, near the border with Pakistan, "
     "on Tuesday, killing two officers, the provincial governor said.", "Mirjaveh", "Iran"),
    ("Rebels attacked a Border Guards post outside Tonj, near the border with Sudan, on Tuesday, killing three "
     "officers, officials said.", "Tonj", "South Sudan"),
])
def test_a_site_near_a_border_lies_at_the_town_named_not_across_the_border(pipe, text, town, country):
    evs = _events(pipe, text)
    assert evs and evs[0].country == country, [(e.location, e.country, e.admin1) for e in evs]


# ---------------------------------------------------------------- 6. where the victims came from
@pytest.mark.parametrize("text,admin1", [
    ("Gunmen stopped a minibus on a highway in the southwestern province of Balochistan on Monday and shot dead "
     "five labourers from the eastern province of Punjab, officials said.", "Balochistan"),
    # controls: the victims' origin after the trigger, and a town after "near"
    ("Militants on motorbikes attacked a brick kiln in Pakistan's Balochistan province on Tuesday and killed "
     "four workers from Punjab, police said.", "Balochistan"),
    ("Gunmen opened fire on a bus carrying pilgrims from Karachi near the town of Khuzdar on Monday, killing "
     "three, police said.", "Balochistan"),
])
def test_the_victims_home_province_is_not_the_event_place(pipe, text, admin1):
    evs = _events(pipe, text)
    assert evs and evs[0].admin1 == admin1, [(e.location, e.admin1) for e in evs]


# ---------------------------------------------------------------- 7. a reference point far off holds nothing
KALAT = (29.03, 66.59)
QUETTA = (30.18, 67.0)


@pytest.mark.parametrize("text,at", [
    ("Gunmen ambushed a police convoy near the village of Sorgazi, in Kalat district, about 140 km south of the "
     "provincial capital Quetta, on Monday, killing two officers.", KALAT),
    # controls: the district alone; only the reference point named
    ("Gunmen ambushed a police convoy near the village of Sorgazi, in Kalat district, on Monday, killing two "
     "officers.", KALAT),
    ("Gunmen ambushed a police convoy near the village of Sorgazi, about 40 km south of the provincial capital "
     "Quetta, on Monday, killing two officers.", QUETTA),
])
def test_an_unlisted_village_lies_in_its_district_not_at_the_far_reference_town(pipe, text, at):
    evs = _events(pipe, text)
    assert evs and evs[0].location == "Sorgazi"
    assert abs(evs[0].latitude - at[0]) < 0.05 and abs(evs[0].longitude - at[1]) < 0.05, evs[0]


def test_control_undated_lead_then_another_towns_event(pipe):
    # the sentence after the lead tells an event of the same kind in another town: not the lead's day
    text = ("Thousands of teachers marched peacefully through the centre of Kisumu to demand higher pay. "
            "The march passed off without incident, the organisers said. "
            "In Nakuru on Monday evening, police fired tear gas to disperse a crowd of teachers outside the "
            "county offices, witnesses said.")
    evs = [e for e in _events(pipe, text) if e.location == "Kisumu"]
    assert evs and evs[0].event_date == FRI.isoformat(), [(e.location, e.event_date) for e in _events(pipe, text)]
