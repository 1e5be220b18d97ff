"""Background told as events on unseen articles (session 10, prec10): classes of error, each with
text written for this test and a control where similar wording tells real news and must stay.

1. a claim dated by the day it was broadcast ("said on its radio station on Friday that its
   fighters had killed ..."): the day of the broadcast, like "in a statement on Friday";
2. a group named after a day ("the June 6 Movement") is no date: the riot told next to it took
   the day of the name;
3. roadblocks and stones told in the next sentences after a protest the police broke up are that
   protest (the same crowd), not a second, riot event;
4. "their bodies were taken away by the militants": the dead carried off, nobody abducted;
5. a toll over a period: "over the following years", "over the past month", "incidents recorded by
   (a monitor)", "in which a total of", "has carried out dozens of airstrikes";
6. a call made "on social media for three days of protests from June 26" is no protest;
7. a press release's dateline ("SANA'A / TAIZ, 20 February 2025 — ... on Monday") is the day it was
   issued, not the day of the event the sentence tells;
8. "The shelling came as a ceasefire took effect in Gaza": an agreement named as the moment of
   the story's event is context, not an agreement the story reports.

The corpus tests/fixtures/background3 (written before these fixes, its README) scores them together.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.api import extract
from test_events_background_general import corpus_scores  # the same corpus scorer

PUB = "2025-06-27"  # a Friday
BACKGROUND3 = Path(__file__).parent / "fixtures" / "background3"


def _types(text: str, published: str = PUB) -> list[tuple[str, str]]:
    return sorted((e.sub_event_type, e.event_date) for e in extract(text=text, published=dt.date.fromisoformat(published)))


def _subtypes(text: str, published: str = PUB) -> list[str]:
    return [t for t, _ in _types(text, published)]


LEAD = ("Suspected jihadists ambushed an army convoy near the town of Kaya in north-central Burkina Faso on "
        "Wednesday, killing eight soldiers, security sources said. ")
LEAD_TYPES = [("Armed clash", "2025-06-25")]


# ------------------------------------------------------------- 1. a claim dated by its broadcast
SOM_LEAD = ("Al-Shabaab fighters ambushed a Somali army convoy near the town of Balcad on Tuesday, killing six "
            "soldiers, a military officer said. The convoy was carrying fuel to troops along the river when it "
            "was hit by a roadside bomb and then raked with gunfire, he said. ")


def test_a_claim_dated_by_its_broadcast_is_the_lead():
    text = (SOM_LEAD + "The soldiers fought back for an hour. Al-Shabaab said on its Andalus radio on Wednesday "
            "that its fighters had killed 19 soldiers and burned two trucks.")
    assert _types(text) == [("Armed clash", "2025-06-24")]


def test_a_broadcast_about_another_attack_with_its_day_stays():
    # control: the broadcast tells an attack of its own, dated by its own day and place
    text = (LEAD + "State television said on Thursday that gunmen had also killed six villagers in Barsalogho "
            "on Thursday morning.")
    assert len(_types(text)) == 2


# ------------------------------------------------------------- 2. a group named after a day
def test_a_movement_named_after_a_day_gives_no_date():
    text = ("Police fired tear gas on Thursday to disperse hundreds of students in Lome who were demanding the "
            "release of jailed activists, witnesses said. Some students blocked roads with burning tyres and "
            "stones, and police chased them into side streets. The protests were called by a group of students "
            "under the name \"March 14 Movement\", after the day of the first arrests.")
    assert _types(text) == [("Protest with intervention", "2025-06-26")]


def test_the_day_in_a_movement_name_is_no_date():
    from eventwire.events.dates import find_dates
    s = "The students belong to the March 14 Movement, named after the day of the first arrests."
    assert find_dates(s, dt.date(2025, 6, 27)) == []


def test_a_calendar_day_before_a_common_noun_stays():
    # control: "on June 14 in" is a day, not a name
    text = "Police fired tear gas on June 14 to disperse hundreds of students in Lome, witnesses said."
    assert _types(text) == [("Protest with intervention", "2025-06-14")]


# ------------------------------------------------------------- 3. roadblocks of a dispersed protest
def test_roadblocks_told_after_a_dispersed_protest_are_that_protest():
    text = ("Riot police fired tear gas on Thursday to break up a march by traders in Kisumu, witnesses said. "
            "Some of them blocked the main road with burning tyres and stones, an AFP reporter saw. "
            "Several people were arrested.")
    assert _subtypes(text) == ["Protest with intervention"]


def test_a_riot_after_a_peaceful_march_stays():
    # control: after a march that nobody broke up, youths burning a police post are another event
    text = ("Several hundred traders marched peacefully through the centre of Kisumu on Thursday to protest "
            "against new market fees. "
            "Later in the evening, youths set fire to a police post in the Nyalenda neighbourhood and threw "
            "stones at officers.")
    assert sorted(_subtypes(text)) == ["Peaceful protest", "Violent demonstration"]


# ------------------------------------------------------------- 4. the dead carried off
def test_bodies_taken_away_are_no_abduction():
    from eventwire.events.detect import detect_sentence
    s = "He said three of the attackers were also killed, but their bodies were taken away by the militants."
    assert "Abduction/forced disappearance" not in [c.sub_event_type for c in detect_sentence(s, has_date=False)]


def test_people_taken_away_by_militants_stay_an_abduction():
    text = ("Two teachers were taken away by militants from a school near Kaya on Wednesday, local "
            "officials said.")
    assert _subtypes(text) == ["Abduction/forced disappearance"]


# ------------------------------------------------------------- 5. a toll over a period
@pytest.mark.parametrize("text", [
    "Gunmen occupied Balcad for three days in May 2015. Over the following years, dozens of people were "
    "killed in Balcad and the surrounding villages.",
    "The attack is the worst of 14 incidents recorded by local monitors in Balcad district over the past "
    "month, in which a total of 31 people were killed.",
])
def test_a_toll_over_a_period_is_no_event(text):
    assert _types(text) == []


def test_dozens_of_airstrikes_carried_out_are_no_event():
    from eventwire.events.detect import detect_sentence
    s = "The United States has carried out dozens of airstrikes against the group in the region."
    assert detect_sentence(s, has_date=False) == []


def test_an_attack_dated_by_its_day_within_a_month_stays():
    # control: the day of an incident keeps it, whatever count it is compared with
    text = (LEAD + "On Tuesday, gunmen killed six civilians at a water point near Dori, the third such "
            "attack in the province over the past month.")
    assert len(_types(text)) == 2


# ------------------------------------------------------------- 6. a call made on social media
def test_a_call_on_social_media_for_protests_is_no_protest():
    text = ("Police fired tear gas on Thursday to disperse hundreds of students in Lome, witnesses said. "
            "They called on social media for three days of protests from June 30 to July 2, and for residents "
            "to stay at home on Monday.")
    assert _types(text) == [("Protest with intervention", "2025-06-26")]


def test_a_protest_held_after_a_call_stays():
    text = ("Thousands of people marched through Sokode on Thursday after opposition leaders called on "
            "residents to protest against the new constitution, local journalists said.")
    assert _subtypes(text) == ["Peaceful protest"]


# ------------------------------------------------------------- 7. a press release's dateline
def test_a_release_dateline_is_the_day_it_was_issued():
    from eventwire.events.dates import find_dates
    s = ("ADEN / MARIB, 27 June 2025 — Three children were killed on Tuesday when a shell hit their home in "
         "Marib city, the aid group said today.")
    ds = find_dates(s, dt.date(2025, 6, 27))
    assert [(d.text, d.report_date) for d in ds][:2] == [("27 June 2025", True), ("on Tuesday", False)]


def test_a_sentence_opening_with_a_day_keeps_it_as_the_event_day():
    from eventwire.events.dates import find_dates
    s = "On 24 June 2025, three children were killed when a shell hit their home in Marib city."
    assert [d.report_date for d in find_dates(s, dt.date(2025, 6, 27))] == [False]


# ------------------------------------------------------------- 8. a ceasefire as the moment of the story
def test_a_ceasefire_named_as_the_moment_of_the_story_is_no_agreement():
    text = ("Mortar rounds struck houses in the north of Taiz on Sunday, killing a woman and her two sons, "
            "health officials said. The shelling came as a ceasefire took effect in Gaza on Sunday.")
    assert _subtypes(text, "2025-01-19") == ["Shelling/artillery/missile attack"]


def test_a_ceasefire_the_story_reports_stays():
    text = "The army and the rebels signed a ceasefire agreement in Doha on Sunday, officials said."
    assert _subtypes(text, "2025-01-19") == ["Agreement"]


# ------------------------------------------------------------- the corpus
@pytest.mark.slow
def test_background3_corpus_floors():
    s = corpus_scores(BACKGROUND3)
    # before this work: P 0.308 (26 predicted), R 0.667
    assert s.precision >= 0.38, s
    assert s.recall >= 0.66, s
