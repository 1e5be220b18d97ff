"""Background that reads like an event makes no event (session 10, classes seen on outsiders' text).

Each class is checked on text written for it, with controls where similar words report one
incident and must stay an event:

1. a habit or a summary told in the present perfect or the present ("have been targeted in
   several attacks", "has previously abducted", "are detained by the secret police"): a coder
   codes one incident at one time and place, never a habit;
2. an episode told as years or months ago ("nine years ago", "a decade ago", "two months ago"),
   even when the sentence names its weekday or month (an anniversary feature).
"""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.api import extract
from eventwire.events.detect import detect_sentence


def _types(text: str, published: str) -> list[tuple[str, str]]:
    return sorted((e.sub_event_type, e.event_date) for e in extract(text=text, published=dt.date.fromisoformat(published)))


HABITS = [
    "Aid workers in the region have been targeted in several attacks.",
    "Journalists in the province have been abducted in a number of raids by armed groups.",
    "Farmers in the valley have also been killed in repeated attacks by herders.",
    "The group has previously targeted churches and markets in the north.",
    "The militia has previously abducted aid workers near the border.",
    "The rebels had previously shelled the district from the hills.",
    "Rights groups say dissidents are detained by the secret police without trial.",
    "Critics of the governor are arbitrarily arrested and held for weeks, lawyers say.",
]


@pytest.mark.parametrize("sentence", HABITS)
def test_habit_or_summary_is_no_event(sentence):
    assert detect_sentence(sentence) == []


# one incident, told in the present perfect or with "several"/"previously" nearby, stays an event
INCIDENTS = [
    ("Three traders have been killed in an attack on a market in the town, residents said.", False),
    ("Five soldiers have been killed in an ambush near the border, the army said on Monday.", True),
    ("Gunmen killed 14 villagers in several hamlets of the district, police said.", False),
    ("A previously unknown group attacked an army post near the border, killing two soldiers.", False),
    ("Two journalists who are detained by the rebels were beaten by guards on Sunday, their union said.", True),
]


@pytest.mark.parametrize("sentence, dated", INCIDENTS)
def test_one_incident_stays_an_event(sentence, dated):
    assert detect_sentence(sentence, has_date=dated)


LONG_AGO = [
    "On a Saturday in March nine years ago, gunmen stormed a church in the town and opened fire on worshippers.",
    "A decade ago, soldiers shot dead dozens of protesters in the square on a Friday in June.",
    "Two months ago, militants attacked the same checkpoint on a Sunday night, killing four soldiers.",
    "Rebels overran the garrison on a Tuesday in May a year ago, residents recalled.",
]


@pytest.mark.parametrize("sentence", LONG_AGO)
def test_years_ago_is_no_event_even_with_a_weekday(sentence):
    assert detect_sentence(sentence, has_date=True, has_day=True) == []


@pytest.mark.parametrize("sentence", [
    "On Friday, gunmen stormed a church in the town and opened fire on worshippers, killing six.",
    "Militants attacked a checkpoint on Sunday night, two days after a similar raid, killing four soldiers.",
    "Police on Monday arrested a man wanted for a bombing in the capital, a spokesman said.",
])
def test_recent_incident_with_a_weekday_stays_an_event(sentence):
    assert detect_sentence(sentence, has_date=True, has_day=True)


def test_article_with_background_paragraph_keeps_only_its_incident():
    text = ("Gunmen shot dead four bus passengers on a highway in Kenya's Mandera county on Tuesday, police said.\n\n"
            "The region borders Somalia, and teachers and medical workers from other counties have been "
            "targeted in several attacks. The militants have previously abducted quarry workers near the border. "
            "Families of the missing say their relatives are detained by the security services without charge.")
    got = _types(text, "2025-03-12")
    assert len(got) == 1 and got[0][1] == "2025-03-11"


def test_anniversary_feature_makes_no_event_this_year():
    text = ("On a Sunday in April seven years ago, gunmen burst into a village church in the hills above the "
            "town of Kasese and opened fire on worshippers, killing 19 people.\n\n"
            "Survivors gathered quietly in the rebuilt church to pray for the dead.")
    assert not any(d.startswith("2025") for _, d in _types(text, "2025-04-20"))


# 3. a reaction or a description that names an event and calls it something: one event at most,
# of the type of the event it names, never a second one of the label's type
@pytest.mark.parametrize("sentence, kept", [
    ("The opposition condemned Friday's drone strike as an attack on civilians.", {"Air/drone strike"}),
    ("The interior ministry condemned Sunday's raid as an assault on the sovereignty of the region.", set()),
    ("The government described the shelling as a massacre of innocent people.", {"Shelling/artillery/missile attack"}),
    ("Rights groups branded the arrests an attack on free speech.", set()),
])
def test_the_name_given_to_an_event_is_not_a_second_event(sentence, kept):
    assert {c.sub_event_type for c in detect_sentence(sentence)} <= kept


@pytest.mark.parametrize("sentence", [
    "Protesters who condemned the killings blocked a highway in the capital on Monday and attacked a police post.",
    "Police fired tear gas at protesters who condemned the arrest of their leader on Saturday.",
])
def test_a_reaction_beside_a_new_act_keeps_the_act(sentence):
    assert detect_sentence(sentence, has_date=True)


# 4. a lead telling a killing on one day and, after ", and", the protest against it the following
# day: each its own day and type (the killing is no force against protesters, the protest no killing)
def test_killing_then_protest_the_following_day_are_two_happenings():
    text = ("A student was stabbed to death by unknown attackers in Nigeria's Jos on Monday, and students "
            "protesting the killing marched to the governor's office the following day.")
    got = _types(text, "2025-06-14")
    assert ("Attack", "2025-06-09") in got
    assert ("Peaceful protest", "2025-06-10") in got
    assert not any(t == "Excessive force against protesters" for t, _ in got)


def test_protest_the_next_day_fired_on_with_tear_gas_is_one_protest_with_intervention():
    text = ("A shopkeeper was shot dead by gunmen in his store in Kenya's Garissa town on Tuesday, police said, "
            "and traders protesting the killing blocked the main road the next day, prompting police to fire tear gas.")
    got = _types(text, "2025-06-14")
    assert ("Protest with intervention", "2025-06-11") in got
    assert not any(d == "2025-06-11" and t != "Protest with intervention" for t, d in got)
    assert not any(t == "Excessive force against protesters" for t, _ in got)


def test_one_day_lead_with_and_stays_one_event():
    # control: ", and" without a later day joins the same happening
    text = ("Gunmen stormed a village in Nigeria's Zamfara state on Sunday, and they killed 11 residents and "
            "burned dozens of homes, police said.")
    got = _types(text, "2025-06-14")
    assert [d for _, d in got] == ["2025-06-08"]
