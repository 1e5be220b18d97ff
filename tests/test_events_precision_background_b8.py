"""Background paragraphs of long articles make no event (session 8, classes seen on a blind set).

Each class is checked on text written for it (other countries and actors than the blind set),
with controls where similar words report a real incident and must stay one:

1. a kind of violence named in general by a bare plural ("a victim of militant attacks", "rarely
   comments on raids", "the sound of explosions", "rebel ambushes have become deadlier");
2. an aside about a place ("Cabo Delgado, where insurgents have attacked ...");
3. habits and trends ("weekly marches", "for months afterwards", "still being abducted");
4. a war's toll in a sentence-final relative clause with a thousands comma;
5. weapons seized after a clash ("Two pistols and a grenade were recovered");
6. an undated relative clause in a sentence whose day belongs to its main clause;
7. damage found afterwards ("returned to find their shops looted");
8. a hoax device; complaints about disappearances counted by a commission;
9. a later paragraph retelling the lead's event (the fight of a retaking, the protest fired on);
10. an arrest warrant, which is no arrest.
"""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.api import extract
from eventwire.events.detect import detect_sentence

PUB = "2025-09-12"  # a Friday


def _types(text: str, published: str = PUB) -> list[tuple[str, str]]:
    return sorted((e.sub_event_type, e.event_date) for e in extract(text=text, published=dt.date.fromisoformat(published)))


LEAD_MALI = ("Suspected jihadists killed six soldiers in an ambush near Boni in central Mali on Tuesday, "
             "the army said. ")
LEAD_SOMALIA = ("Al-Shabaab fighters attacked a military base in Bulo Marer in Lower Shabelle on Wednesday, "
                "killing five soldiers, officials said. ")


# ------------------------------------------------------------- 1. a bare plural named in general
@pytest.mark.parametrize("tail", [
    "Niamey says it is itself a victim of militant attacks in neighbouring Tillaberi region.",
    "The government rarely comments on drone strikes in the north, and says its forces respect humanitarian law.",
    "Analysts say rebel ambushes have become deadlier but less frequent since the rainy season began.",
    '"Our children fall asleep to the sound of explosions," said a teacher who fled to Sevare.',
])
def test_a_bare_plural_named_in_general_is_no_event(tail):
    assert _types(LEAD_MALI + tail) == [("Armed clash", "2025-09-09")]


@pytest.mark.parametrize("text, want", [
    # controls: a bare plural that tells what happened stays an event
    ("Seven civilians were killed in airstrikes on a market in Tarkint, local officials said.",
     [("Air/drone strike", "2025-09-12")]),
    ("Clashes between two herder militias killed nine people near Menaka on Thursday, residents said.",
     [("Armed clash", "2025-09-11")]),
])
def test_a_bare_plural_that_tells_an_incident_stays(text, want):
    assert _types(text) == want


# ------------------------------------------------------------- 2. an aside about a place
def test_an_aside_about_what_a_place_has_seen_is_no_event():
    text = (LEAD_SOMALIA + "Kenya accuses Somalia of harbouring the group and says it is itself a target of "
            "cross-border raids in its north-eastern Mandera county, where militants have attacked police convoys, "
            "quarry workers and buses.")
    assert _types(text) == [("Armed clash", "2025-09-10")]


# ------------------------------------------------------------- 3. habits and trends
def test_habits_and_trends_are_no_event():
    tail = "Weekly marches by the families of missing soldiers continued for months afterwards."
    assert _types(LEAD_MALI + tail) == [("Armed clash", "2025-09-09")]


def test_a_trend_told_with_still_being_is_no_candidate():
    text = "Rights groups say the curfew has done little, with traders still being abducted on the roads."
    assert [c for c in detect_sentence(text) if not c.reference] == []


def test_a_weekly_march_told_with_its_day_stays():
    text = ("Teachers held their weekly march in Bamako on Thursday, "
            "demanding unpaid wages, organisers said.")
    assert _types(text) == [("Peaceful protest", "2025-09-11")]


# ------------------------------------------------------------- 4. a war's toll in a final relative clause
def test_a_wars_toll_in_a_final_relative_clause_is_no_event():
    text = ("Relatives of the missing gathered at a memorial in Maputo on Thursday to read out the names of "
            "people who vanished during the civil war between Frelimo and Renamo, which killed about 900,000 "
            "people between 1977 and 1992.")
    assert _types(text) == [("Peaceful protest", "2025-09-11")] or _types(text) == []


# ------------------------------------------------------------- 5. weapons seized after a clash
def test_weapons_recovered_after_a_clash_join_it():
    text = (LEAD_SOMALIA + "Troops repelled the assault after a two-hour gunfight. Two pistols and a grenade "
            "were recovered.")
    assert _types(text) == [("Armed clash", "2025-09-10")]


def test_a_grenade_thrown_stays_a_grenade_attack():
    text = ("A man threw a grenade at a police checkpoint in Beledweyne on Thursday, wounding two officers, "
            "police said.")
    assert [t for t, _ in _types(text)] == ["Grenade"]


# ------------------------------------------------------------- 6. an undated aside beside a day
def test_an_undated_relative_clause_is_not_dated_by_the_main_clause():
    text = (LEAD_MALI + "The militia, which rejected the 2015 accord that disarmed most of the northern "
            "movements, has not commented on Tuesday's fighting.")
    assert _types(text) == [("Armed clash", "2025-09-09")]


# ------------------------------------------------------------- 7. damage found afterwards
def test_damage_found_afterwards_is_no_new_event():
    text = ("Fighters of the Arakan Army overran a police post in Kyauktaw on Monday, killing three officers, "
            "residents said. Traders who came back on Wednesday found most of their shops looted.")
    assert len(_types(text)) == 1


def test_looting_told_as_done_stays():
    text = "Soldiers looted shops and burned homes in the village of Kyauktaw on Wednesday, residents said."
    assert [t for t, _ in _types(text)] == ["Looting/property destruction"]


# ------------------------------------------------------------- 8. hoax devices, complaints counted
def test_a_hoax_device_is_no_event():
    text = (LEAD_SOMALIA + "Police said a second bomb had been defused on Thursday near the Afgoye bridge, "
            "but later said it was a hoax device made of batteries and wires.")
    assert _types(text) == [("Armed clash", "2025-09-10")]


def test_complaints_about_disappearances_are_no_event():
    text = ("Families of the disappeared marched in Colombo on Thursday, organisers said. The commission said "
            "it had received more than 3,100 complaints related to enforced disappearances by the army.")
    assert _types(text) == [("Peaceful protest", "2025-09-11")]


# ------------------------------------------------------------- 9. the lead's event retold further down
def test_the_fight_of_a_retaking_told_again_is_the_retaking():
    text = ("Somali troops retook the town of Jowhar from al-Shabaab on Tuesday, officials said. On Tuesday, troops "
            "backed by clan militias entered Jowhar after a gunfight lasting several hours, a commander said. He "
            "said six militants were killed.")
    assert _types(text) == [("Government regains territory", "2025-09-09")]


def test_a_fight_elsewhere_the_next_day_stays_its_own_event():
    text = ("Somali troops retook the town of Jowhar from al-Shabaab on Tuesday, officials said. On Wednesday, "
            "al-Shabaab fighters attacked troops in Balcad after a gunfight lasting several hours, a commander "
            "said. He said six militants were killed.")
    assert _types(text) == [("Armed clash", "2025-09-10"), ("Government regains territory", "2025-09-09")]


def test_the_protest_fired_on_told_again_is_one_event():
    text = ("Police shot dead three protesters in the Ugandan town of Kasese on Thursday, rights groups said. On "
            "Thursday, hundreds of traders marched through Kasese after a meeting, chanting slogans against a new "
            "tax, the group said. It said police opened fire on the marchers near the market.")
    assert _types(text) == [("Excessive force against protesters", "2025-09-11")]


def test_a_march_in_another_town_beside_the_lead_stays_its_own_event():
    text = ("Police shot dead three protesters in the town of Kasese on Friday, rights groups said. In Kampala, "
            "several hundred students marched peacefully to parliament on Friday against the killings.")
    assert _types(text) == [("Excessive force against protesters", "2025-09-12"), ("Peaceful protest", "2025-09-12")]


# ------------------------------------------------------------- 10. a warrant is no arrest
def test_an_arrest_warrant_is_no_arrest():
    text = ("Officers went into the estate before dawn to serve arrest warrants on two gang leaders accused of "
            "extortion, police said.")
    assert [c.sub_event_type for c in detect_sentence(text) if not c.reference] == []


def test_an_arrest_stays_an_arrest():
    text = "Officers arrested two gang leaders accused of extortion in the estate before dawn, police said."
    assert [c.sub_event_type for c in detect_sentence(text) if not c.reference] == ["Arrests"]
