"""Places accuracy, round 7: a school, an academy or a mall named after a faraway place is in the
article's town, not in that place; a village far from every town of a local story, with nothing to place
it, is not that village. Every text here is written for this test."""
from __future__ import annotations

import dataclasses

import pytest

from eventwire import places
from eventwire.places.gazetteer import distance_km


def _geoparse(text: str, settings) -> list[dict]:
    # entities everywhere, as the toponym evaluation reads a text
    return places.geoparse_text(text, dataclasses.replace(settings, parse_scope="entities"))


def _by_text(recs: list[dict], surface: str) -> dict:
    hit = [r for r in recs if r["text"] == surface]
    assert hit, f"{surface!r} not found in {[r['text'] for r in recs]}"
    return hit[0]


def _km(rec: dict, lat: float, lon: float) -> float:
    assert rec["latitude"] is not None, rec
    return distance_km(rec["latitude"], rec["longitude"], lat, lon)


LAGOS, NAIROBI, MANCHESTER = (6.45, 3.39), (-1.28, 36.82), (53.48, -2.24)


# ---------------------------------------------------------------- a site named after a faraway place
@pytest.mark.model
@pytest.mark.parametrize("text,surface,where", [
    ("LAGOS - Boys in blue shirts train every evening at the Manchester Academy, a football school that "
     "opened last year on the mainland side of Lagos.", "Manchester", LAGOS),
    ("Parents in Nairobi protested outside the British International School after fees rose by a third.",
     "British", NAIROBI),
])
def test_a_school_named_after_a_faraway_place_is_in_the_article_town(settings, text, surface, where):
    r = _by_text(_geoparse(text, settings), surface)
    assert _km(r, *where) < 50, r


@pytest.mark.model
def test_a_school_in_the_town_it_is_named_after_stays_there(settings):
    # control: the academy of a Manchester story is in Manchester
    recs = _geoparse("Coaches at the Manchester Academy in Manchester said the new intake was the biggest "
                     "since the club opened it.", settings)
    assert [r for r in recs if r["text"] == "Manchester"], recs
    assert all(_km(r, *MANCHESTER) < 50 for r in recs if r["text"] == "Manchester"), recs


@pytest.mark.model
def test_a_university_keeps_the_town_it_is_named_after(settings):
    # control: a university is not a franchise -- Kabul University is in Kabul, whatever else the story names
    recs = _geoparse("Taliban guards stopped women at the gate of Kabul University on Saturday, students "
                     "who fled to Islamabad said.", settings)
    assert any(r["text"] == "Kabul" and _km(r, 34.53, 69.17) < 50 for r in recs), recs


# ---------------------------------------------------------------- a stray village far from a local story
@pytest.mark.model
def test_a_village_far_from_every_town_of_a_local_story_is_not_that_village(settings):
    # Washington state story: the only Stonewall listed in the US is a Louisiana village 3,000 km away
    recs = _geoparse("Commuters from Tacoma, Everett and Seattle complained about the toll. Police said the "
                     "driver was arrested in Stonewall on Friday.", settings)
    assert not [r for r in recs if r["text"] == "Stonewall" and r["admin1"] == "Louisiana"], recs
    assert _by_text(recs, "Tacoma")["admin1"] == "Washington"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # control: a town of Louisiana names the village's surroundings
    "Deputies in Shreveport said the man was arrested in Stonewall on Friday after a chase along the interstate.",
    # control: the village is qualified by its state
    "Commuters from Tacoma, Everett and Seattle complained about the toll. Police said the driver was "
    "arrested in Stonewall, Louisiana, on Friday.",
])
def test_a_village_placed_by_its_story_keeps_its_reading(settings, text):
    r = _by_text(_geoparse(text, settings), "Stonewall")
    assert r["admin1"] == "Louisiana" and _km(r, 32.28, -93.82) < 20, r


# ---------------------------------------------------------------- villages: the one beside the story's towns
OVERTON_LANCS, OVERTON_HANTS = (54.02, -2.86), (51.24, -1.26)


@pytest.mark.model
@pytest.mark.parametrize("text,where", [
    # West Yorkshire story: the Lancashire Overton (about 95 km away) over the bigger Hampshire one (270 km)
    ("Flood water reached homes in Wakefield and Huddersfield on Sunday. Residents in Overton were told to "
     "leave their houses.", OVERTON_LANCS),
    # controls: a Hampshire story, and the county named after it
    ("Council workers in Southampton and Winchester cleared drains on Monday. Residents in Overton were told "
     "to leave their houses.", OVERTON_HANTS),
    ("Flood water reached homes in Wakefield and Huddersfield on Sunday. Residents in Overton, Hampshire, were "
     "told to leave their houses.", OVERTON_HANTS),
])
def test_a_village_is_the_namesake_beside_the_story_towns(settings, text, where):
    r = _by_text(_geoparse(text, settings), "Overton")
    assert _km(r, *where) < 20, r


# ---------------------------------------------------------------- unlisted places: where they are placed
@pytest.mark.model
def test_an_unlisted_home_village_is_placed_in_the_story_country(settings):
    # "the village of X" in a Nigerian story is placed at the story's town, not at the foreign club's city
    recs = _geoparse("LAGOS - Fans gathered in Ikeja on Sunday. The winger grew up in the village of Umudike "
                     "Nkwo, far from the London club that signed him last year.", settings)
    r = _by_text(recs, "Umudike Nkwo")
    assert r["country_code"] == "NG", r
    assert _by_text(recs, "London")["country_code"] == "GB"  # control: the club's city stays where it is


def test_a_street_or_building_name_is_part_of_a_town_whatever_its_label():
    from eventwire.models import Mention, Place
    from eventwire.places import _part_of_a_town

    def m(text, label, cues=()):
        return Mention(start=0, end=len(text), text=text, kind="place", value=Place(name=text),
                       meta={"label": label, "cues": list(cues), "unlisted": True})

    assert _part_of_a_town(m("South Larkin Avenue", "LOC"))
    assert _part_of_a_town(m("Altnagelvin Hospital", "GPE"))
    assert _part_of_a_town(m("Kafr Ashmun", "GPE", ("feature",)))
    assert not _part_of_a_town(m("Kafr Ashmun", "GPE"))  # control: a bare unlisted name may be a town elsewhere
    assert not _part_of_a_town(m("Avenue", "LOC"))
