"""Places accuracy, round 6: regions at the gazetteer's reference point, a town that the division after
it does not list, a state named like a capital in a list of states. Every text here is written for
this test."""
from __future__ import annotations

import dataclasses

import pytest

from eventwire import places
from eventwire.places.gazetteer import distance_km


def _geoparse(text: str, settings) -> list[dict]:
    return places.geoparse_text(text, settings)


def _by_text(recs: list[dict], surface: str) -> dict:
    hit = [r for r in recs if r["text"] == surface]
    assert hit, f"{surface!r} not found in {[r['text'] for r in recs]}"
    return hit[0]


def _km(rec: dict, lat: float, lon: float) -> float:
    assert rec["latitude"] is not None, rec
    return distance_km(rec["latitude"], rec["longitude"], lat, lon)


# ---------------------------------------------------------------- regions: GeoNames reference points
# Gazetteer-annotated news corpora give a region the point GeoNames gives it; a "representative" point
# of our own (northern Arabia for the Middle East) lies hundreds of km from it.
@pytest.mark.parametrize("text,surface,lat,lon", [
    ("Envoys from Qatar and Egypt toured the Middle East this week to press for a truce.",
     "Middle East", 33.14, 35.86),
    ("Migrant boats leaving Tunisia now take the longer route across the Mediterranean, the coast guard said.",
     "Mediterranean", 35.0, 20.0),
    ("The navy escorted two grain ships through the Indian Ocean after a hijacking off Somalia.",
     "Indian Ocean", -10.0, 70.0),
    ("Jihadist cells in North Africa have shifted south towards the Sahel, analysts in Algiers warned.",
     "North Africa", 32.95, 9.98),
])
def test_region_at_gazetteer_reference_point(settings, text, surface, lat, lon):
    r = _by_text(_geoparse(text, settings), surface)
    assert _km(r, lat, lon) < 50, r


@pytest.mark.parametrize("text", [
    "Tuareg guides led the convoy across the Sahara towards Tamanrasset before the sandstorm.",
    "Smugglers moving fuel through the Sahara Desert were intercepted by a Nigerien patrol.",
])
def test_sahara_is_the_desert_not_a_yemeni_hamlet(settings, text):
    recs = _geoparse(text, settings)
    r = next(r for r in recs if r["text"].startswith("Sahara"))
    assert r["country_code"] != "YE", r
    assert _km(r, 23.0, 13.0) < 1500, r


# ---------------------------------------------------------------- "Town, Division": the town is not listed there
@pytest.mark.parametrize("text,surface,division,lat,lon", [
    # the gazetteer lists a Bethany only in the US: the one in Cornwall is unlisted
    ("The convoy was stopped near Bethany, Cornwall, on Sunday morning, police said.",
     "Bethany", "Cornwall", 50.43, -4.91),
    # a Dover in Kent is listed, but "Dover, Cumbria" is not that one
    ("A fire destroyed a hay barn in Dover, Cumbria, overnight and two cows died.",
     "Dover", "Cumbria", 54.53, -3.03),
])
def test_town_followed_by_a_division_that_does_not_list_it(settings, text, surface, division, lat, lon):
    recs = _geoparse(text, settings)
    r = _by_text(recs, surface)
    d = _by_text(recs, division)
    assert r["country_code"] == "GB", r
    assert _km(r, d["latitude"], d["longitude"]) < 30, (r, d)
    assert _km(r, lat, lon) < 161, r


@pytest.mark.parametrize("text,expect", [
    # a listed town in the division named after it keeps its own entry
    ("The tornado flattened a church in Paris, Texas, and a school in Moscow, Idaho.",
     {"Paris": "Texas", "Moscow": "Idaho"}),
    ("Volunteers from Lisbon, Maine drove the supplies north.", {"Lisbon": "Maine"}),
])
def test_listed_town_of_the_division_is_kept(settings, text, expect):
    recs = _geoparse(text, settings)
    for surface, admin1 in expect.items():
        r = _by_text(recs, surface)
        assert r["feature_code"].startswith("PPL") and r["admin1"] == admin1, r


@pytest.mark.parametrize("text,names,code", [
    # a list of divisions or of big towns is not "town, its division"
    ("Karnataka, Tamil Nadu and Kerala reported heavy rain and landslides on Tuesday.",
     ["Karnataka", "Tamil Nadu", "Kerala"], "ADM1"),
    ("Ferries between Copenhagen, Hamburg and Oslo were cancelled because of the storm.",
     ["Copenhagen", "Oslo"], "PPLC"),
])
def test_lists_are_not_town_and_division(settings, text, names, code):
    recs = _geoparse(text, settings)
    for n in names:
        r = _by_text(recs, n)
        assert r["feature_code"] == code and r["geonameid"], r


# ---------------------------------------------------------------- "states such as Idaho or Washington"
@pytest.mark.parametrize("text,surface,admin1", [
    ("Apple growers in northwestern states such as Idaho or Washington lost much of the harvest to frost.",
     "Washington", "Washington"),
    ("Drought hit the states of Vermont and New York hardest, the agriculture department said.",
     "New York", "New York"),
])
def test_capital_named_state_in_a_list_of_states(settings, text, surface, admin1):
    r = _by_text(_geoparse(text, settings), surface)
    assert r["feature_code"] == "ADM1" and r["admin1"] == admin1, r


@pytest.mark.parametrize("text,surface,code", [
    ("Flights between Chicago and Washington were cancelled after the blizzard.", "Washington", "PPLC"),
    ("The senator flew from Ohio to Washington to vote on the bill.", "Washington", "PPLC"),
])
def test_capital_without_a_list_of_states_stays_the_town(settings, text, surface, code):
    r = _by_text(_geoparse(text, settings), surface)
    assert r["feature_code"] == code, r


# ---------------------------------------------------------------- US civil townships named like famous places
@pytest.mark.parametrize("text,surface,lat,lon", [
    ("Police in Dayton said the crash happened in Washington Township near Centerville late on Saturday.",
     "Washington Township", 39.63, -84.16),
    ("A fundraiser in Paterson will be followed next month by a gala at a restaurant in Lincoln Township.",
     "Lincoln Township", 40.92, -74.17),
])
def test_us_township_far_from_its_namesake_town(settings, text, surface, lat, lon):
    # the span is the name with or without "Township", depending on the parse scope
    r = next(r for r in _geoparse(text, settings) if r["text"] in (surface, surface.split()[0]))
    assert _km(r, lat, lon) < 50, r


def test_township_elsewhere_keeps_its_listed_town(settings):
    # Myanmar townships are named after their main town, which is listed
    recs = _geoparse("Troops shelled villages in Hpakant Township, residents in Myitkyina said.", settings)
    r = next(r for r in recs if r["text"].startswith("Hpakant"))
    assert r["country_code"] == "MM" and r["geonameid"], r


# ---------------------------------------------------------------- counties of one sentence share a state
@pytest.mark.parametrize("text", [
    # Montgomery County is biggest in Maryland; only Iowa has a Montgomery, a Mills and a Page County
    "Road money: Montgomery County receives $40,000, Mills County $22,000 and Page County $31,000 under the plan.",
    "Deputies from Montgomery County and Mills County joined the search; Page County sent a boat.",
])
def test_counties_of_a_sentence_in_the_one_state_holding_them_all(settings, text):
    recs = [r for r in _geoparse(text, settings) if r["text"].startswith(("Montgomery", "Mills", "Page"))]
    assert len(recs) == 3, recs
    assert {r["admin1"] for r in recs} == {"Iowa"}, recs


def test_counties_with_their_own_states_keep_them(settings):
    recs = _geoparse("Montgomery County, Maryland and Page County, Virginia both declared emergencies.", settings)
    assert next(r for r in recs if r["text"].startswith("Montgomery"))["admin1"] == "Maryland"
    assert next(r for r in recs if r["text"].startswith("Page"))["admin1"] == "Virginia"


# ---------------------------------------------------------------- streets named after oceans and continents
@pytest.mark.parametrize("text,surface,town", [
    ("Police in Myrtle Beach said a cyclist was hit by a van on Pacific Avenue near the pier.",
     "Pacific", "Myrtle Beach"),
    ("Traders on Africa Road in Accra shut their shops during the fuel protest.", "Africa", "Accra"),
])
def test_street_named_after_an_ocean_or_continent(settings, text, surface, town):
    # every name a place, as the toponym evaluation reads text (the street is no event place)
    recs = _geoparse(text, dataclasses.replace(settings, parse_scope="entities"))
    r = next(r for r in recs if r["text"].startswith(surface))
    t = _by_text(recs, town)
    assert _km(r, t["latitude"], t["longitude"]) < 30, r


def test_the_ocean_itself_stays_the_ocean(settings):
    r = _by_text(_geoparse("The trawler crossed the Pacific in eleven days before reaching Guam.", settings), "Pacific")
    assert r["feature_code"] == "OCN", r


# ---------------------------------------------------------------- a saint's building is not a town of the saint
@pytest.mark.parametrize("text,surface,town", [
    ("In London, thousands gathered outside St. Paul's Cathedral for the memorial service.", "St. Paul", "London"),
    ("Pope Leo led prayers in St. Peter's Basilica in Rome on Sunday morning.", "St. Peter", "Rome"),
])
def test_saints_building_is_not_the_saints_town(settings, text, surface, town):
    recs = _geoparse(text, dataclasses.replace(settings, parse_scope="entities"))
    t = _by_text(recs, town)
    for r in recs:
        if r["text"].startswith(surface):
            assert _km(r, t["latitude"], t["longitude"]) < 30, r
    assert not any(r["text"] in ("Cathedral", "Basilica") for r in recs), recs


def test_saints_town_itself_stays(settings):
    recs = _geoparse("She moved to St. Paul in 2010 and opened a bakery downtown.", settings)
    r = next(r for r in recs if r["text"].startswith("St. Paul"))
    assert r["admin1"] == "Minnesota", r
