"""Regressions found reviewing the session-10 fatality classes (tests/test_fatalities_classes10.py),
each class with variants and controls that must not change:

* "met their deaths" / "to their deaths" are the dead themselves, not a crowd "over the death of";
* "rose by two to 14" is a change of the toll, not a range; hours, days and distances are no ranges;
* "in a week of clashes", "during a month-long siege" are a span of time, not a rate;
* "the commander and his bodyguards" is more than a pair;
* deaths told as added ("four of the attackers were also killed, it said", "a seventh protester
  died of his wounds") are no competing claim of the toll;
* the dead among the wounded of an event that told its own toll are no other report of it;
* words quoted after "said" are speech, not a qualifier of the figure;
* "a family of five", "a crew of three" count the victims (only "one of the gangs" is inside
  another noun phrase).
"""

from __future__ import annotations

import pytest

from eventwire.api import extract
from eventwire.events.fatalities import sentence_fatalities


def _toll(text: str) -> int | None:
    c = sentence_fatalities(text)
    return None if c is None else c.value


def _tolls(text: str) -> list[int]:
    return [e.fatalities for e in extract(text=text, published="2026-03-14")]


@pytest.mark.parametrize("text, toll", [
    ("Twelve people met their deaths when gunmen stormed the village on Monday.", 12),
    ("Nine passengers met their death in the burning bus, the governor said.", 9),
    ("The militia sent 14 villagers to their deaths on the riverbank, survivors said.", 14),
    # controls: a crowd over a death stays no toll
    ("Hundreds of students marched through the town over the death of a classmate.", None),
    ("Thousands of mourners gathered on Sunday to mark the deaths of the victims.", None),
])
def test_meeting_their_deaths_is_the_toll(text, toll):
    assert _toll(text) == toll


@pytest.mark.parametrize("text, toll", [
    ("The toll from Sunday's attack rose by 3 to 17 after two of the wounded died.", 17),
    ("Two more bodies were found, raising the toll by two to 11.", 11),
    ("The death toll from the market bombing rose by two to 14 on Tuesday.", 14),
    ("Gunmen killed 11 people on the road between 20 and 30 km from the town.", 11),
    ("The toll from the clash rose to 9 two or three days later.", 9),
    # controls: real ranges keep the lower figure
    ("Gunmen killed between 15 and 20 villagers, residents said.", 15),
    ("Witnesses said five or six people were killed.", 5),
    ("The toll from the attack rose from 12 to 15.", 15),
])
def test_changes_ages_and_days_are_no_ranges(text, toll):
    assert _toll(text) == toll


@pytest.mark.parametrize("text, toll", [
    ("Fighting between the clans killed 30 people in a week of clashes.", 30),
    ("The army said it killed 50 fighters during a week-long offensive in the hills.", 50),
    ("Four people were killed in a month-long standoff with the militia.", 4),
    ("Bandits killed 17 villagers within a week, the governor said.", 17),
    # controls: rates stay no toll
    ("Road accidents kill about 100 people a year in the district.", None),
    ("Bandits kill at least 20 people every week in the region.", None),
])
def test_a_span_of_time_is_no_rate(text, toll):
    assert _toll(text) == toll


@pytest.mark.parametrize("text, toll", [
    ("The commander and his bodyguards were killed in the ambush.", 10),
    ("A soldier and his colleagues were killed at the checkpoint.", 10),
    # controls: one companion makes a pair
    ("A pastor and his wife were shot dead in their home.", 2),
    ("A trader and his son were killed when gunmen opened fire.", 2),
])
def test_many_companions_are_no_pair(text, toll):
    assert _toll(text) == toll


def test_speech_quoted_after_said_is_no_qualifier():
    assert _toll('Three soldiers said "we were ambushed" and two civilians were killed.') == 2
    # control: a quoted qualifier of the victims
    assert _toll('Eight men "linked to the bombing of the bridge" were killed in the raid.') == 8


@pytest.mark.parametrize("text, toll", [
    ("Militants attacked an army post in Tillaberi on Monday, killing 12 people including four attackers, "
     "the defence ministry said. Four of the attackers were also killed, the ministry said.", 12),
    ("Soldiers shot dead six protesters in Khartoum on Thursday, medics said. The doctors committee said a "
     "seventh protester died of his wounds later that night.", 6),
])
def test_added_deaths_are_no_competing_claim(text, toll):
    assert _tolls(text) == [toll]


def test_competing_claims_stay_conservative():
    # control: a group's own claim is still weighed against the officer's figure
    assert _tolls("Al-Shabaab fighters attacked a military base near Kismayo on Thursday, killing five soldiers, "
                  "an officer said. The group said in a statement its fighters had killed 41 soldiers.") == [5]


@pytest.mark.parametrize("text", [
    "A bomb exploded at a bus stop in Kabul on Wednesday, killing three people, police said. Police said 13 "
    "people were wounded. Two of the wounded later died in hospital.",
    "A bomb went off near a mosque in Quetta on Friday, killing three worshippers. At least 13 people were "
    "injured. One of them died in hospital, a doctor said.",
])
def test_the_dead_among_the_wounded_replace_no_toll(text):
    assert _tolls(text)[0] >= 3


@pytest.mark.parametrize("text, toll", [
    ("A family of five were killed when an air strike hit their home in the town.", 5),
    ("A family of six was killed in the shelling, local officials said.", 6),
    ("A team of four aid workers were killed in the strike.", 4),
    ("A crew of three was killed when the helicopter was shot down.", 3),
    ("A group of 12 soldiers were killed in the ambush.", 12),
    # controls: the figure inside another noun phrase stays no count of the dead
    ("Members of one of the city's most feared gangs were killed in the raid.", None),
])
def test_a_family_of_five_counts_five(text, toll):
    assert _toll(text) == toll
