"""Toponyms: a broadcaster, club or firm named after its town ("Radio Galkayo", "Inter Milan", "Dynamo Kramatorsk")
is no person named in full: its town's name is no speaker's surname, so a bare "Galkayo said" -- the town's
authorities speaking -- stays a place (the speaker rule of test_places_state_context_speakers.py is for people:
"Mayor Tom Jackson said" ... "Jackson said").

A road named for what it serves in its town ("the Baghdad Airport Road", "Herat Ring Road") is that town's road:
the town stays the place, while a street named after a person whose first name is a town ("Florence
Nightingale Road") is still no mention of that town. Every text is written for this test."""
from __future__ import annotations

import dataclasses

import pytest

from eventwire.places import geoparse_text


def _at(recs, text: str, name: str, nth: int):
    starts = []
    k = text.find(name)
    while k >= 0:
        starts.append(k)
        k = text.find(name, k + 1)
    s = starts[nth]
    return next((r for r in recs if r["start"] <= s < r["end"]), None)


@pytest.mark.model
@pytest.mark.parametrize("text, name, nth, cc", [
    ("GAROWE (Reuters) - Fighters stormed an army post near Galkayo on Monday, killing six soldiers, Radio Galkayo "
     "said. Galkayo said the attackers had been driven off.", "Galkayo", 2, "SO"),
    ("Rival fans fought with riot police in Milan on Sunday night before the derby. Inter Milan said 20 of its "
     "supporters were hurt. Milan said the stadium would stay shut for a week.", "Milan", 2, "IT"),
    ("A drone struck an apartment block in Kramatorsk on Saturday, killing two people. Dynamo Kramatorsk said its "
     "training ground was hit. Kramatorsk said power had been restored by evening.", "Kramatorsk", 2, "UA"),
])
def test_a_town_a_body_is_named_after_stays_a_place(settings, text, name, nth, cc):
    recs = geoparse_text(text, dataclasses.replace(settings, parse_scope="events"))
    r = _at(recs, text, name, nth)
    assert r is not None and r["country_code"] == cc, r


@pytest.mark.model
def test_control_a_person_named_in_full_is_still_the_speaker(settings):
    # a given name before the surname: the later bare "Tyler said" is the chief, not Tyler, Texas
    text = ("Protesters marched through central Hong Kong on Sunday. Organiser Anna Tyler said 10,000 people "
            "joined. Tyler said police had fired pepper spray near the harbour.")
    recs = geoparse_text(text, dataclasses.replace(settings, parse_scope="events"))
    assert _at(recs, text, "Tyler", 1) is None


@pytest.mark.model
@pytest.mark.parametrize("text, name, cc", [
    ("A roadside bomb struck a police convoy on the Baghdad Airport Road on Tuesday, killing two officers, the "
     "interior ministry said.", "Baghdad", "IQ"),
    ("Gunmen ambushed a patrol on Kabul Airport Road late on Sunday, killing three soldiers, officials said.",
     "Kabul", "AF"),
    ("Protesters burned tyres and blocked the Herat Ring Road for hours on Monday, a provincial spokesman said.",
     "Herat", "AF"),
    ("Separatist fighters clashed with government troops near the Aden Port Road on Friday, residents said.",
     "Aden", "YE"),
])
def test_a_road_named_for_what_it_serves_keeps_its_town(settings, text, name, cc):
    recs = geoparse_text(text, dataclasses.replace(settings, parse_scope="events"))
    r = _at(recs, text, name, 0)
    assert r is not None and r["country_code"] == cc, r


@pytest.mark.model
def test_control_a_street_named_after_a_person_is_no_town(settings):
    # "Florence" is the nurse's first name here, not Florence (Italy or Alabama)
    text = ("Fire crews fought a blaze at a warehouse on Florence Nightingale Road in Derby on Tuesday, the fire "
            "service said.")
    recs = geoparse_text(text, dataclasses.replace(settings, parse_scope="events"))
    r = _at(recs, text, "Florence", 0)
    assert r is None or r["country_code"] == "GB", r
