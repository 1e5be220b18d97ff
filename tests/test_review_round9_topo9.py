"""Review of toponyms round 9 (h-topo9): regressions it brought, each with controls. Texts are written for
this test (fictional stories in real places).

* a bridge, tunnel, highway, canal or capitol named after a state or a country stands in it: it is read as a
  site at the article's town only when the article names a town there ("the Crimea Bridge" in a story from
  Kyiv is in Crimea; "U.S. Highway 51 near Janesville" is a site by Janesville);
* a listed town after "and"/"or" is one of a list of places only when a place comes before ("farmers from
  Mandya and Hassan"), not after a person ("leaders Ramesh and Hassan");
* "of" after a capitalised word is a body's name going on ("the Chamber of Commerce", "the Department of
  Justice"), not a place word ("residents of Commerce");
* a sea now in the gazetteer that describes the port named next ("the Sea of Azov port of Berdyansk", "the
  Aegean port town of Mytilene") is not where the event was: the port is.
"""
from __future__ import annotations


import pytest

from eventwire.api import extract
from eventwire.places.gazetteer import distance_km
from test_places_toponyms_round9 import _at, _parse  # the same geoparse helpers


# ------------------------------------------------------------ structures named after a state
@pytest.mark.model
def test_a_bridge_named_after_a_region_is_there_not_at_the_dateline_town(settings):
    text = ("ODESA, Ukraine (Reuters) - Sea drones hit the Crimea Bridge before dawn on Tuesday, killing a couple "
            "driving across it, Russian-installed officials said.\n\n"
            "Rail traffic over the bridge was suspended for several hours.")
    recs = _parse(text, settings)
    r = _at(recs, text, "Crimea")
    assert r is not None and distance_km(r["latitude"], r["longitude"], 45.0, 34.5) < 250, r
    events = extract(text, published="2024-07-16")
    assert events
    ev = events[0]
    assert ev.latitude is not None and distance_km(ev.latitude, ev.longitude, 45.0, 34.5) < 250, ev


@pytest.mark.model
def test_a_highway_named_after_a_country_near_a_town_there_stays_a_site(settings):
    # control: the article names a town in the country the highway is named after
    text = ("JANESVILLE, Wis. (AP) — A driver was shot in a road rage attack on U.S. Highway 51 near Janesville "
            "on Friday, the sheriff's office said.")
    recs = _parse(text, settings)
    r = _at(recs, text, "U.S.")
    assert r is None or (r["text"].startswith("U.S. Highway") and r["country_code"] == "US"
                         and r["feature_code"] == ""), r


@pytest.mark.model
def test_a_bridge_named_after_the_articles_own_town_is_there(settings):
    # control: "the Kaduna Bridge" in a story from Kaduna stays at Kaduna
    text = ("KADUNA, Nigeria (Reuters) - Bandits opened fire on motorists near the Kaduna Bridge on Friday "
            "evening, killing two people, police said.")
    recs = _parse(text, settings)
    r = _at(recs, text, "Kaduna Bridge")
    assert r is not None and distance_km(r["latitude"], r["longitude"], 10.52, 7.44) < 30, r


# ------------------------------------------------------------ a list after "and"
@pytest.mark.model
def test_a_name_after_and_after_a_person_is_not_a_town(settings):
    text = ("BENGALURU, India (Reuters) - Police used batons to disperse sugarcane farmers blocking a highway "
            "in Mysuru on Monday.\n\n"
            "Farmer leaders Ramesh and Hassan said the blockade would resume on Thursday.")
    recs = _parse(text, settings)
    assert _at(recs, text, "Hassan") is None, _at(recs, text, "Hassan")


@pytest.mark.model
def test_a_name_after_and_after_a_town_is_a_town(settings):
    # control: a list of places
    text = ("BENGALURU, India (Reuters) - Police used batons to disperse sugarcane farmers blocking a highway "
            "in Mysuru on Monday.\n\n"
            "Farmers from Mandya and Hassan joined the blockade later in the day.")
    recs = _parse(text, settings)
    r = _at(recs, text, "Hassan")
    assert r is not None and r["country_code"] == "IN" and r["admin1"] == "Karnataka", r


# ------------------------------------------------------------ "X of Y" bodies
@pytest.mark.model
def test_a_body_named_of_a_word_is_not_a_town(settings):
    text = ("LOS ANGELES (AP) — Hundreds of port workers marched through downtown Los Angeles on Thursday "
            "against a plan to automate cargo terminals.\n\n"
            "The Los Angeles Area Chamber of Commerce said the march closed streets for hours. In Chicago, "
            "the Department of Justice said it was reviewing a police shooting.")
    recs = _parse(text, settings)
    for name in ("Commerce", "Justice"):
        assert _at(recs, text, name) is None, (name, _at(recs, text, name))


@pytest.mark.model
def test_residents_of_a_town_named_like_a_word_are_placed(settings):
    # control: "residents of" is a place word
    text = ("LOS ANGELES (AP) — Hundreds of port workers marched through downtown Los Angeles on Thursday "
            "against a plan to automate cargo terminals.\n\n"
            "Residents of Commerce and Vernon complained about the trucks.")
    recs = _parse(text, settings)
    r = _at(recs, text, "Commerce")
    assert r is not None and r["country_code"] == "US" and r["admin1"] == "California", r


# ------------------------------------------------------------ a sea describing a port
@pytest.mark.model
@pytest.mark.parametrize("text,lat,lon", [
    ("KYIV, Ukraine (Reuters) - Partisans blew up a fuel depot near the Sea of Azov port of Berdyansk on "
     "Wednesday, Ukraine's military intelligence said.", 46.76, 36.79),
    ("TIRANA (Reuters) - Opposition supporters threw petrol bombs at police in the Adriatic port city of Durres "
     "on Saturday, injuring four officers.", 41.32, 19.45),
])
def test_a_sea_before_a_port_of_a_town_leaves_the_event_at_the_port(settings, text, lat, lon):
    events = extract(text, published="2024-03-14")
    assert events
    ev = events[0]
    assert ev.latitude is not None and distance_km(ev.latitude, ev.longitude, lat, lon) < 30, ev


@pytest.mark.model
def test_an_event_at_sea_stays_at_sea(settings):
    # control: no port named after the sea
    text = ("KYIV, Ukraine (Reuters) - Ukrainian sea drones attacked a Russian patrol boat in the Sea of Azov on "
            "Wednesday, the navy said.")
    events = extract(text, published="2024-03-14")
    assert events
    ev = events[0]
    assert ev.location == "Sea of Azov", ev
