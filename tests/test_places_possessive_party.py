"""A country named as the owner of an attack or a force ("Russia's Jan. 29 attack on X", "Ukraine's drone
attack on X", "Israel's strikes on X", "Sudan's army offensive in X") names the attacker, as its adjective does
("Russian forces"): it must not vote for the article's focus country as if it were a place the story happens
in, so that the town attacked is not doubted as "far from the article's places" in the attacker's country.
A possessive that qualifies a place ("Nigeria's Borno state", "Kenya's coast") stays a place. Every text
here is written for this test."""
from __future__ import annotations

import datetime

import pytest

from eventwire import api
from eventwire.places import geoparse_text

DAY = datetime.date(2025, 3, 6)


def _events(text: str):
    return api.extract(text=text, published=DAY)


def _place_mentions(text: str) -> dict[str, dict]:
    doc = api.make_document(text, None, DAY, None, None, None, None)
    res = api.get_pipeline()(doc)
    return {m.text: m for m in res.mentions if m.kind == "place"}


# -------------------------------------------------------------- the possessor's attack: a party
KOSTIANTYNIVKA = (
    "Rescuers pulled two more bodies from the rubble after Russia's Jan. 29 attack on Kostiantynivka, the "
    "regional governor said on Thursday. Russian bombers dropped glide bombs on a residential street."
)
NOVOSHAKHTINSK = (
    "Ukraine's drone attack on Novoshakhtinsk set fire to an oil refinery on Saturday, the regional governor "
    "said. Ukrainian officials declined to comment on the blaze, which burned for most of the day."
)
HODEIDAH = (
    "Israel's strikes on Hodeidah port killed three dock workers on Monday, Houthi-run media said. Israeli "
    "jets also hit a power station, the Israeli military said in a statement."
)


@pytest.mark.parametrize("text, name, cc", [
    (KOSTIANTYNIVKA, "Kostiantynivka", "UA"),
    (NOVOSHAKHTINSK, "Novoshakhtinsk", "RU"),
    (HODEIDAH, "Hodeidah", "YE"),
])
def test_attacked_town_not_doubted_for_the_attackers_country(text, name, cc):
    m = _place_mentions(text)[name]
    assert m.value.country_code == cc
    assert not m.meta.get("doubt"), m.meta.get("doubt")


@pytest.mark.parametrize("text, country, admin1", [
    (KOSTIANTYNIVKA, "Ukraine", "Donetsk"),
    (NOVOSHAKHTINSK, "Russia", "Rostov"),  # (conventional name: admin1_names.csv)
])
def test_event_placed_at_the_attacked_town_not_the_attacker(text, country, admin1):
    evs = _events(text)
    assert evs
    for e in evs:
        assert (e.country, e.admin1, e.geo_precision) == (country, admin1, 1), e.location


@pytest.mark.parametrize("text, country", [
    ("Israel's strikes on Rafah killed at least 12 people on Tuesday, health officials said.", "Israel"),
    ("Sudan's army offensive in El Fasher killed at least 20 civilians on Monday, activists said.", "Sudan"),
    ("Ukraine's overnight drone attack on Tuapse sparked a fire at the port.", "Ukraine"),
    ("Russia's 2022 invasion of Ukraine displaced millions.", "Russia"),
    ("Pakistan's latest air strikes in eastern Afghanistan killed eight people, the Taliban said.", "Pakistan"),
])
def test_possessor_of_an_attack_on_a_named_place_is_the_attacker(text, country):
    m = _place_mentions(text)[country]
    assert "attacker" in m.meta["cues"]


def test_party_country_still_has_its_own_place():
    # the mention itself is still resolved to the country: only its vote on the others goes
    recs = {r["text"]: r for r in geoparse_text(
        "Israel's strikes on Rafah killed at least 12 people on Tuesday, health officials said.")}
    assert recs["Israel"]["country_code"] == "IL"
    assert recs["Rafah"]["country_code"] == "PS"


# -------------------------------------------------------------- controls: the possessive qualifies a place
@pytest.mark.parametrize("text, country", [
    ("Nigeria's Borno state was hit by another attack on Friday.", "Nigeria"),
    ("Kenya's coast was battered by floods on Monday, and troops were sent to help.", "Kenya"),
    ("Lebanon's border villages emptied as the shelling of Khiam went on.", "Lebanon"),
    ("Russia's envoy condemned the attack on Odesa on Tuesday.", "Russia"),  # not Russia's attack
    ("Syria's north, where Turkish drones struck on Monday, is tense.", "Syria"),
    ("Mali's army said on Monday that its troops had repelled an attack.", "Mali"),  # its own force, no target
])
def test_possessive_qualifying_a_place_or_its_own_force_is_no_attacker(text, country):
    m = _place_mentions(text)[country]
    assert "possessive" in m.meta["cues"] and "attacker" not in m.meta["cues"]
    assert m.meta["role"] == "literal"


def test_home_army_still_vouches_for_its_country():
    # "Mali's army" names the country whose forces act at home: it still votes, so Boni is not read as Bonn
    ms = _place_mentions("Mali's army said its troops were ambushed near Boni on Monday, killing four soldiers.")
    assert ms["Boni"].value.country_code == "ML" or ms["Boni"].meta.get("doubt")


def test_borno_stays_in_nigeria():
    ms = _place_mentions("Nigeria's Borno state was hit by another attack on Friday when gunmen killed 12 "
                         "farmers near Konduga, police said.")
    assert "party" not in ms["Nigeria"].meta["cues"]
    assert ms["Konduga"].value.country_code == "NG" and not ms["Konduga"].meta.get("doubt")


def test_party_country_alone_in_the_story_still_places_the_event():
    # the only place named is the possessor: the event is still placed in that country
    evs = _events("Mali's army said it killed 30 militants in an air strike on Thursday.")
    assert evs
    assert {e.country for e in evs} == {"Mali"}
