"""An event's toll counts only dead people of THIS event.

Numbers from other clauses must never add to it: a crowd's size ("thousands marched ... three
were killed"), the displaced / wounded counted after the dead ("killing 25, and 2,000 have
fled"), a relative clause telling a group's history ("Boko Haram, which has killed more than
35,000 people since 2009, ..."), a period's running toll ("bringing the month's toll to 57"),
and a year's total from a report published today. A toll told "so far" after the event and an
incident running "since Monday" are this event's. Controls keep the tolls that must stay.
"""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.api import extract
from eventwire.events.fatalities import sentence_fatalities

PUB = "2025-06-18"  # a Wednesday: Monday is 2025-06-16, Sunday 2025-06-15


def _events(text: str) -> list[tuple[str, str, int, int]]:
    evs = extract(text=text, published=dt.date.fromisoformat(PUB))
    return sorted((e.sub_event_type, e.event_date, e.time_precision, e.fatalities) for e in evs)


def _toll(text: str) -> int | None:
    c = sentence_fatalities(text)
    return None if c is None else c.value


# ------------------------------------------------------------------ a crowd's size is no toll
@pytest.mark.parametrize("text, toll", [
    ("Thousands of protesters gathered in Nairobi on Tuesday, three were killed.", 3),
    ("Several hundred villagers gathered at the chief's compound, two were killed when soldiers "
     "arrived.", 2),
    ("Thousands of people protested in Nairobi on Tuesday and three of them were killed by police.", 3),
    ("Hundreds of students staged a sit-in at the campus in Jos on Friday and four of them were shot "
     "dead, the union said.", 4),
    # controls: the first figure names victims too
    ("Eight soldiers and a civilian driver were killed in the ambush.", 9),
    ("Twelve soldiers and three of the attackers were killed, the army said.", 15),
    ("Tens of thousands of protesters took to the streets of Khartoum on Thursday, at least five "
     "were shot dead, medics said.", 5),
])
def test_crowd_size_never_adds_to_the_toll(text, toll):
    assert _toll(text) == toll


# ------------------------------------------------------ displaced / wounded told after the dead
@pytest.mark.parametrize("text, toll", [
    ("Bandits stormed the village of Kadisau on Monday, killing 25 villagers, and 2,000 people "
     "have since fled to the town of Faskari.", 25),
    ("The militia raided three hamlets overnight, killing 18 people and 4,500 residents were "
     "displaced, OCHA said.", 18),
    ("Gunmen killed nine worshippers, and 40 others were wounded in the attack on the mosque.", 9),
    ("Soldiers killed 14 suspected militants and 22 suspects were arrested in the sweep.", 14),
])
def test_displaced_and_wounded_after_the_dead_never_add(text, toll):
    assert _toll(text) == toll


# ------------------------------------------------ a relative clause telling a group's history
@pytest.mark.parametrize("text, toll", [
    ("Boko Haram, which has killed more than 35,000 people since 2009, attacked the town of Gwoza "
     "on Tuesday, killing 12.", 12),
    ("Al-Shabaab, which has killed thousands of civilians in bombings across Somalia, claimed the "
     "attack that killed four soldiers near Afgoye.", 4),
    ("The ADF, who are blamed for the deaths of more than 6,000 civilians, killed 17 villagers in "
     "Beni territory on Saturday.", 17),
    ("Fighters of the Islamic State in West Africa Province (which has claimed hundreds of lives "
     "over the past decade) ambushed a patrol near Damasak, killing seven soldiers.", 7),
])
def test_history_clause_never_adds(text, toll):
    assert _toll(text) == toll


@pytest.mark.parametrize("text, toll", [
    # controls: a clause about the incident itself tells its toll so far
    ("The clashes, which have killed 30 people since Monday, spread to the town of Bunia.", 30),
    ("The fighting in Goma, which has killed at least 40 people, continued on Wednesday.", 40),
])
def test_history_clause_controls(text, toll):
    assert _toll(text) == toll


def test_history_clause_event_end_to_end():
    got = _events("Boko Haram, which has killed more than 35,000 people since 2009, attacked the town "
                  "of Gwoza in Borno state on Tuesday, killing 12 civilians, residents said.")
    assert [x[3] for x in got] == [12]


# ------------------------------------------------------------------ a period's running toll
@pytest.mark.parametrize("text, toll", [
    ("Gunmen killed 3 people in Zamfara on Monday, bringing the month's toll to 57.", 3),
    ("A roadside bomb killed two soldiers, taking this year's toll among troops in the region to 140.", 2),
    ("Jihadists killed six farmers near Djibo, raising the week's death toll to 31.", 6),
])
def test_period_toll_never_adds(text, toll):
    assert _toll(text) == toll


# ----------------------------------------------------- a toll told "so far" after the event
@pytest.mark.parametrize("text, toll", [
    ("Jihadists attacked an army base in Mali's Mopti region on Monday. So far, 25 soldiers have "
     "been confirmed dead, the army said.", 25),
    ("Gunmen stormed a police station in Bannu on Monday. Eight officers have so far been confirmed "
     "killed.", 8),
])
def test_so_far_toll_after_the_event_is_its_toll(text, toll):
    got = _events(text)
    assert len(got) == 1 and got[0][3] == toll


def test_so_far_this_year_stays_a_running_total():
    got = _events("Gunmen stormed a police station in Bannu on Monday, killing two officers. So far this "
                  "year, 140 policemen have been killed in the province.")
    assert [x[3] for x in got] == [2]


# ------------------------------------------------------- a year's total in a report of today
@pytest.mark.parametrize("text", [
    "Security forces and militias killed 1,200 civilians in Burkina Faso in 2024, according to a "
    "report released on Monday by Human Rights Watch.",
    "Armed groups killed more than 900 people in Ituri in 2024, according to UN figures published "
    "on Tuesday.",
])
def test_annual_report_total_is_no_event(text):
    assert _events(text) == []


def test_report_control_an_attack_told_today_stays():
    got = _events("Gunmen killed 11 villagers in Ituri province on Monday, according to a report by "
                  "local officials.")
    assert [(x[1], x[3]) for x in got] == [("2025-06-16", 11)]


# ----------------------------------------------- an incident running since a day this week
@pytest.mark.parametrize("text, date, toll", [
    ("Since Monday, 14 people have been killed in clashes in the town of Goma, residents said.",
     "2025-06-16", 14),
    ("At least 9 people have been killed in fighting between herders and farmers in Plateau state "
     "since Sunday, police said.", "2025-06-15", 9),
])
def test_since_a_weekday_is_a_current_incident(text, date, toll):
    got = _events(text)
    assert len(got) == 1 and got[0][1:] == (date, 2, toll)


def test_since_a_year_stays_history():
    assert _events("Since 2017, 3,000 people have been killed in clashes in the region, residents said.") == []


# --------------------------------------------------------------------------------- controls
@pytest.mark.parametrize("text, toll", [
    ("Gunmen attacked the village of Tudun Wada on Monday, killing 12 and wounding 30.", 12),
    ("At least 7 soldiers and 5 attackers were killed in an assault on a base in Kidal.", 12),
    ("The attackers killed three soldiers and two civilians before fleeing.", 5),
    ("Twelve people, two of them children, were killed in the blast.", 12),
    ("Twelve people, some of them children, were killed in the blast.", 12),
    ("Five members of one family were killed when a shell hit their home.", 5),
    ("The attack, which killed 12 people, was claimed by JNIM.", 12),
    ("Thousands of people fled after 12 villagers were killed.", 12),
    ("Militants killed five engineers and their driver on the road to Gwadar.", 6),
    ("The toll from the drone strike on Kharkiv has climbed to 14 after two women died in hospital.", 14),
    ("The death toll from the bombing rose to 21 as rescuers pulled three more bodies from the rubble.", 21),
])
def test_controls_keep_their_toll(text, toll):
    assert _toll(text) == toll


def test_toll_update_control():
    got = _events("A car bomb exploded at a market in Mogadishu on Monday, killing 12 people. The death "
                  "toll rose to 21 on Tuesday, officials said.")
    assert [x[3] for x in got] == [21]


def test_towns_split_control():
    got = _events("Gunmen killed 30 people in attacks on the villages of Kadisau, Dankurmi and Tsauwa in "
                  "Katsina state on Monday, police said.")
    assert sum(x[3] for x in got) == 30
