"""Precision traps on whole-article sentences: things that mention violence but are not events.

Each trap is paired with a control sentence that is an event and must stay one."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.api import extract
from eventwire.events.modality import in_organisation_name

PUB = dt.date(2024, 3, 7)  # a Thursday


def _events(text: str):
    return extract(text=text, published=PUB)


@pytest.mark.parametrize(
    "text",
    [
        # commemorations / anniversaries
        "Thousands gathered on Sunday to mark 25 years since the massacre in which soldiers killed 300 villagers in Tula, Nigeria.",
        "Relatives laid wreaths in Srebrenica on Tuesday to commemorate the genocide, when Bosnian Serb forces killed 8,000 men and boys.",
        # cumulative totals and conflict-level statements
        "The insurgency has killed more than 4,000 people in northern Mozambique, according to the International Crisis Group.",
        "The war has displaced 2 million people since 2021 in Sudan.",
        "The conflict has killed tens of thousands of people in the Tigray region of Ethiopia.",
        # ongoing state
        "Demonstrations over the fuel price rises in Nairobi, Kenya have entered their second week.",
        "Protests have continued across the country, Kenya.",
        # court and tribunal findings
        "The tribunal in The Hague found that fighters under his command attacked civilians in Bunia, killing and raping dozens.",
        "Prosecutors in Kinshasa alleged that the colonel ordered soldiers to shoot protesters in Goma.",
        # organisation names holding trigger words
        "The Organisation for the Prohibition of Chemical Weapons said it would send inspectors to Douma, Syria.",
        "Officials from the Counter Improvised Explosive Device Centre visited Kabul, Afghanistan on Monday.",
        "The Bomb Disposal Unit said on Monday it had cleared the area in Kandahar, Afghanistan.",
        # generic statements about rights
        "The government in Nairobi, Kenya said it respects the right to peaceful protest.",
    ],
)
def test_trap_is_not_an_event(text):
    assert _events(text) == []


@pytest.mark.parametrize(
    "text, event_type",
    [
        ("Gunmen killed 12 villagers in Tula, Nigeria on Sunday.", "Violence against civilians"),
        ("Protesters marking the anniversary of the uprising clashed with police in Khartoum, Sudan on Tuesday.", None),
        ("The blast has killed 12 people in Kabul, Afghanistan, police said on Monday.", "Explosions/Remote violence"),
        ("Hundreds of people protested in Nairobi, Kenya on Monday against fuel price rises.", "Protests"),
        ("A roadside bomb killed three soldiers near Kandahar, Afghanistan on Monday.", "Explosions/Remote violence"),
        ("Police said militants attacked a checkpoint in Bunia, Democratic Republic of Congo, on Monday, killing four soldiers.", None),
    ],
)
def test_control_is_an_event(text, event_type):
    evs = _events(text)
    assert evs, text
    if event_type:
        assert evs[0].event_type == event_type


def test_organisation_name_detector():
    t = "The Organisation for the Prohibition of Chemical Weapons said on Monday"
    s = t.index("Chemical Weapons")
    assert in_organisation_name(t, s, s + len("Chemical Weapons"))
    t = "Bomb attack kills 12 in Kabul"
    assert not in_organisation_name(t, 0, 4)
    t = "Islamic State fighters attacked the Army Unit base"
    s = t.index("attacked")
    assert not in_organisation_name(t, s, s + 8)


def test_arrests_at_a_dispersed_protest_are_part_of_it():
    text = ("Hundreds of people protested in Nairobi, Kenya on Monday and police fired tear gas to disperse them. "
            "Police said nine officers were hurt and 27 people were detained.")
    evs = _events(text)
    assert [e.sub_event_type for e in evs] == ["Protest with intervention"]


def test_arrests_after_a_peaceful_protest_stay_apart_when_dated():
    text = ("Hundreds of people protested in Nairobi, Kenya on Monday and police fired tear gas to disperse them. "
            "On Wednesday, police arrested three opposition leaders in Mombasa, Kenya.")
    subs = sorted(e.sub_event_type for e in _events(text))
    assert subs == ["Arrests", "Protest with intervention"]


def test_capture_told_twice_is_one_event_dated_by_the_narrative():
    text = ("Government troops have retaken the town of Kidal, Mali from the militants, officials said on Thursday. "
            "Soldiers entered the town of Kidal on Wednesday after a short firefight.")
    evs = [e for e in _events(text) if e.sub_event_type == "Government regains territory"]
    assert len(evs) == 1
    assert str(evs[0].event_date) == "2024-03-06"


def test_capture_by_rebels_is_non_state_overtake():
    evs = _events("The rebel group said on Monday it had seized the town of Kidal, Mali after days of fighting.")
    assert [e.sub_event_type for e in evs] == ["Non-state actor overtakes territory"]


def test_comparison_with_an_earlier_wave_neither_drops_nor_redates_the_event():
    # "since protests began in December" compares; it must not drop the event nor lend its month
    evs = _events("On Tuesday night, a crowd attacked a police car in Nairobi, Kenya and burned an officer to death, "
                  "in the worst violence since protests began in December.")
    assert len(evs) == 1
    assert evs[0].event_type == "Riots"
    assert str(evs[0].event_date) == "2024-03-05"


def test_mob_killing_is_mob_violence_not_an_armed_group_attack():
    evs = _events("In Mombasa, Kenya, a mob beat and burned to death two men it accused of theft on Monday.")
    assert [(e.event_type, e.sub_event_type) for e in evs] == [("Riots", "Mob violence")]


def test_event_since_a_date_is_still_background():
    assert _events("Gunmen have killed dozens of villagers in Zamfara, Nigeria since the start of the year.") == []


def test_event_on_an_anniversary_is_still_an_event():
    evs = _events("On the anniversary of the protests in Khartoum, Sudan on Tuesday, police fired tear gas at demonstrators.")
    assert evs and evs[0].event_type == "Protests"
