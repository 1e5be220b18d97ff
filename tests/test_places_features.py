"""Physical and regional features (data/places_features.csv): rivers, lakes, seas and straits, ranges, peaks and
volcanoes, islands, deserts, valleys and regions that news names and the packaged GeoNames extract (populated places
only) lacks. Without them a geoparser missed "the Danube" or read "Mount Kenya" as the country and "the Highlands"
as a Texan town. Every text here is written for this test (fictional stories in real places); each feature must be
recognised and placed within 161 km of where it is, while namesake towns, countries, people and companies keep
their own readings.
"""
from __future__ import annotations

import csv
import io

import pytest

from eventwire.places.gazetteer import distance_km, normalise
from eventwire.resources import data_text
from test_places_toponyms_round9 import _at, _parse  # the same geoparse helpers


def _near(r, lat, lon, km=161.0) -> bool:
    return r is not None and distance_km(r["latitude"], r["longitude"], lat, lon) < km


# ------------------------------------------------------------ the data file
def _rows():
    lines = [ln for ln in data_text("places_features.csv").splitlines() if not ln.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


def test_every_feature_row_is_a_new_place_with_a_point_and_its_source():
    rows = _rows()
    assert len(rows) > 300
    header = data_text("places_supplement.csv").splitlines()
    assert [ln for ln in header if not ln.startswith("#")][0] == \
        [ln for ln in data_text("places_features.csv").splitlines() if not ln.startswith("#")][0]
    for r in rows:
        lat, lon = float(r["latitude"]), float(r["longitude"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180, r["name"]
        assert r["feature_class"] in ("H", "T", "L", "V", "S") and r["feature_code"], r["name"]
        assert int(r["population"]) > 0 and not r["geonameid"], r["name"]
        assert "not from GeoNames" in r["source"], r["name"]  # says honestly where the point comes from


def test_no_name_of_the_features_file_is_given_to_two_features():
    owner: dict[str, str] = {}
    for r in _rows():
        for n in [r["name"], *[a for a in r["aliases"].split("|") if a]]:
            key = normalise(n)
            assert owner.setdefault(key, r["name"]) == r["name"], (n, owner[key], r["name"])


def test_the_features_file_is_part_of_the_gazetteer_fingerprint(monkeypatch):
    from eventwire.places import gazetteer

    before = gazetteer.data_fingerprint.__wrapped__()
    real = gazetteer.data_text
    monkeypatch.setattr(gazetteer, "data_text", lambda name: real(name) + ("\n" if name == "places_features.csv" else ""))
    assert gazetteer.data_fingerprint.__wrapped__() != before  # an edit of the file rebuilds the gazetteer


def test_the_built_gazetteer_lists_the_features(settings):
    from eventwire.places.gazetteer import Gazetteer

    gaz = Gazetteer.for_settings(settings)
    assert "places_features.csv" in gaz.meta["sources"]
    (danube,) = [c for c in gaz.lookup("River Danube") if c.feature_code == "STM"]
    assert danube.name == "Danube" and danube.country_code == ""  # spans countries
    assert any(c.feature_code == "VLC" for c in gaz.lookup("Mt. Etna"))  # "Mt." is "Mt"


# ------------------------------------------------------------ features in stories
@pytest.mark.model
def test_a_flood_on_a_river_is_placed_on_the_river(settings):
    text = ("Floodwaters from the Danube swept through villages in southern Hungary on Tuesday, and rescue teams "
            "worked through the night near Baja. Further west, the Rhine was also rising, and barge traffic "
            "was halted upstream of Mannheim.")
    recs = _parse(text, settings)
    danube, rhine = _at(recs, text, "Danube"), _at(recs, text, "Rhine")
    assert danube is not None and danube["feature_code"] == "STM" and _near(danube, 46.2, 18.95), danube  # Baja
    assert rhine is not None and rhine["feature_code"] == "STM" and _near(rhine, 49.49, 8.47), rhine  # Mannheim


@pytest.mark.model
def test_rivers_named_with_river_before_or_after(settings):
    text = ("Police divers recovered a body from the River Thames near Reading on Sunday. In Brazil, a ferry "
            "sank on the Amazon River near Tefe, and in India villagers were evacuated as the Yamuna River "
            "rose at Agra.")
    recs = _parse(text, settings)
    for name, (lat, lon) in {"River Thames": (51.46, -0.97), "Amazon River": (-3.35, -64.7),
                             "Yamuna River": (27.18, 78.0)}.items():
        r = _at(recs, text, name)
        assert r is not None and r["feature_code"] == "STM" and _near(r, lat, lon), (name, r)


@pytest.mark.model
def test_a_climbing_accident_on_a_named_peak(settings):
    text = ("A Polish climber died on Mount Kilimanjaro on Saturday after falling near the summit, park "
            "officials said. A week earlier two Nepali guides were injured by an avalanche below the summit of "
            "Mt. Everest, and a Kenyan team turned back on Mount Kenya because of snow.")
    recs = _parse(text, settings)
    kili, everest, kenya = (_at(recs, text, n) for n in ("Mount Kilimanjaro", "Everest", "Mount Kenya"))
    assert kili is not None and kili["feature_code"] == "MT" and _near(kili, -3.07, 37.35, 30), kili
    assert everest is not None and everest["name"] == "Mount Everest" and _near(everest, 27.99, 86.93, 30), everest
    # not the country's centroid, 150 km away
    assert kenya is not None and kenya["feature_code"] == "MT" and _near(kenya, -0.15, 37.31, 30), kenya


@pytest.mark.model
def test_boats_in_straits_and_channels(settings):
    text = ("Two fishing boats capsized in the Mozambique Channel on Thursday and the navy searched the waters "
            "off Madagascar. In the Mediterranean, a migrant boat sank in the Strait of Sicily after leaving "
            "Sfax, and a cargo ship ran aground in the Kerch Strait.")
    recs = _parse(text, settings)
    for name, (lat, lon) in {"Mozambique Channel": (-18.0, 41.0), "Strait of Sicily": (37.3, 11.5),
                             "Kerch Strait": (45.3, 36.5)}.items():
        r = _at(recs, text, name)
        assert r is not None and r["feature_code"] in ("CHN", "STRT") and _near(r, lat, lon), (name, r)
    assert _at(recs, text, "Madagascar")["feature_code"] == "PCLI"


@pytest.mark.model
def test_regions_of_australia_and_scotland(settings):
    text = ("Bushfires raged across the Outback on Monday and iron ore shipments from the Pilbara were delayed, "
            "Western Australian officials said.")
    recs = _parse(text, settings)
    pilbara = _at(recs, text, "Pilbara")
    assert pilbara is not None and pilbara["country_code"] == "AU" and _near(pilbara, -22.0, 118.5), pilbara
    outback = _at(recs, text, "Outback")
    assert outback is not None and outback["country_code"] == "AU", outback
    text = ("Snow closed roads across the Scottish Highlands on Sunday and ferries to Skye were cancelled, "
            "officials in Inverness said.")
    highlands = _at(_parse(text, settings), text, "Highlands")
    assert highlands is not None and highlands["country_code"] == "GB" and _near(highlands, 57.48, -4.22), highlands


@pytest.mark.model
def test_conflict_regions_and_ranges(settings):
    text = ("Fighting in the Nuba Mountains killed 12 civilians, while in Mali jihadists ambushed soldiers in the "
            "Liptako-Gourma region and in the Adrar des Ifoghas north of Kidal.")
    recs = _parse(text, settings)
    for name, (lat, lon) in {"Nuba Mountains": (11.5, 30.3), "Liptako-Gourma": (14.5, 0.5),
                             "Adrar des Ifoghas": (19.3, 1.4)}.items():
        r = _at(recs, text, name)
        assert r is not None and r["feature_code"] in ("MTS", "RGN") and _near(r, lat, lon, 250), (name, r)


# ------------------------------------------------------------ controls: namesakes keep their readings
@pytest.mark.model
def test_a_namesake_town_stays_the_town_in_its_own_context(settings):
    text = ("Police in Highlands, Texas, arrested two men after a shooting outside a gas station on Friday, "
            "Harris County deputies said.")
    r = _at(_parse(text, settings), text, "Highlands")
    assert r is not None and r["country_code"] == "US" and r["feature_code"].startswith("PPL"), r
    text = ("Protesters gathered outside the Midlands provincial offices in Gweru, Zimbabwe, on Monday, and police "
            "fired tear gas in the Midlands capital.")
    r = _at(_parse(text, settings), text, "Midlands")
    assert r is not None and r["country_code"] == "ZW", r


@pytest.mark.model
def test_countries_named_like_rivers_stay_countries(settings):
    text = ("Niger's military government said on Sunday that soldiers had repelled an attack near Tillaberi. "
            "Jordan closed its border crossing with Syria, and Congo's army said rebels had been pushed back.")
    recs = _parse(text, settings)
    for name, cc in {"Niger": "NE", "Jordan": "JO", "Congo": None}.items():
        r = _at(recs, text, name)
        assert r is not None and r["feature_code"].startswith("PCL"), (name, r)
        assert cc is None or r["country_code"] == cc, (name, r)
    text = ("Fishermen on the Niger River near Niamey said the water was low, and pilgrims were baptised in the "
            "River Jordan near Jericho.")
    recs = _parse(text, settings)
    assert _at(recs, text, "Niger River")["feature_code"] == "STM"
    jordan = _at(recs, text, "River Jordan")
    assert jordan is not None and jordan["feature_code"] == "STM" and _near(jordan, 31.86, 35.55), jordan


@pytest.mark.model
def test_companies_and_people_named_like_features_are_not_places(settings):
    text = ("Amazon said on Tuesday that it would hire 5,000 warehouse workers. Patagonia said it would give its "
            "profits to a climate trust. Urals crude traded at a discount to Brent. The musician Nile Rodgers "
            "played two shows, and the developers wrote the app in Java.")
    recs = _parse(text, settings)
    for name in ("Amazon", "Patagonia", "Urals", "Nile", "Java"):
        assert _at(recs, text, name) is None, (name, _at(recs, text, name))


# ------------------------------------------------------------ events: a town named in a region stays the place
@pytest.mark.model
@pytest.mark.parametrize("text, town", [
    ("Separatist fighters ambushed an army patrol outside Oussouye, in Senegal's Casamance region, on Friday, "
     "killing two soldiers, a military source said.", "Oussouye"),
    ("Militiamen burned dozens of homes near Kadugli, in the country's Nuba Mountains, on Wednesday, killing "
     "four villagers, residents said.", "Kadugli"),
    ("Jihadists ambushed a military convoy near Djibo, in the Liptako-Gourma region, on Sunday, killing 12 "
     "soldiers, the army said.", "Djibo"),
    ("Gunmen killed three herders near Bokkos, on the Jos Plateau, on Tuesday, police said.", "Bokkos"),
])
def test_a_town_named_in_a_region_is_where_the_event_happened(text, town):
    from eventwire.api import extract

    evs = extract(text, published="2025-03-01")
    assert evs and evs[0].location == town and evs[0].geo_precision in (1, 2), [(e.location, e.geo_precision)
                                                                                for e in evs]


@pytest.mark.model
def test_an_event_told_only_in_a_region_is_placed_in_the_region():
    from eventwire.api import extract

    evs = extract("Fighting between the army and rebels in the Nuba Mountains killed 12 civilians on Monday, "
                  "a local monitoring group said.", published="2025-03-01")
    assert evs and evs[0].geo_precision == 3
    assert distance_km(evs[0].latitude, evs[0].longitude, 11.5, 30.3) < 161, (evs[0].location, evs[0].latitude)


# ------------------------------------------------------------ review: ambiguous names, features spanning countries
@pytest.mark.model
@pytest.mark.parametrize("text", [
    "At least 14 men were killed in tribal fighting in Papua New Guinea's Highlands on Saturday, police said.",
    "Clan warriors torched houses across the Highlands of Papua New Guinea on Monday, killing six, officials said.",
])
def test_bare_highlands_is_not_scotland(text):
    # "the Highlands" is also Papua New Guinea's, Kenya's, Ethiopia's: the bare word names no one region
    from eventwire.api import extract

    evs = extract(text, published="2025-03-01")
    assert evs and all(e.country != "United Kingdom" for e in evs), [(e.location, e.country) for e in evs]


@pytest.mark.model
@pytest.mark.parametrize("text, country", [
    ("Gunmen ambushed a ranger patrol in W National Park on Wednesday, killing five rangers, officials in Niger "
     "said.", "Niger"),
    ("Separatist fighters burned two villages in the Mandara Mountains on Friday, killing seven people, a "
     "Nigerian military source said.", "Nigeria"),
    ("Bandits shot dead two Venezuelan migrants in the Darien Gap on Sunday, Panama's border service said.",
     "Panama"),
    ("Gunmen shot dead two fishermen on Lake Kariba on Thursday, Zambian police said.", "Zambia"),
])
def test_an_event_on_a_feature_spanning_countries_takes_the_country_the_article_names(text, country):
    from eventwire.api import extract

    evs = extract(text, published="2025-03-01")
    assert evs and evs[0].country == country and evs[0].iso3, [(e.location, e.country) for e in evs]


@pytest.mark.model
def test_a_feature_in_one_country_keeps_its_own_country():
    # control: a feature with a country of its own is not moved to another country the story names
    from eventwire.api import extract

    evs = extract("Soldiers killed six rebels in the Nuba Mountains on Monday, a spokesman for the army said in "
                  "Juba, South Sudan.", published="2025-03-01")
    assert evs and evs[0].country == "Sudan", [(e.location, e.country) for e in evs]


@pytest.mark.model
@pytest.mark.parametrize("text, name, not_cc", [
    ("Gunmen killed four Hazara miners in Afghanistan's Central Highlands on Friday, local elders said.",
     "Central Highlands", "VN"),
    ("Heavy rain cut roads in the Central Highlands of Sri Lanka on Monday, and tea estates near Nuwara Eliya "
     "were flooded.", "Central Highlands", "VN"),
    ("Syrian troops shelled villages inside the Demilitarized Zone around Idlib on Sunday, monitors said.",
     "Demilitarized Zone", ""),
])
def test_generic_region_names_are_not_given_to_one_country(settings, text, name, not_cc):
    # "Central Highlands" and "the Demilitarized Zone" name regions in many countries
    r = _at(_parse(text, settings), text, name)
    assert r is None or r["country_code"] != not_cc and r["name"] != "Korean Demilitarized Zone", r


@pytest.mark.model
def test_the_korean_dmz_and_vietnams_highlands_keep_their_names(settings):
    # controls: the specific names still find the features
    text = ("A North Korean soldier crossed the DMZ on Tuesday and defected, and in Vietnam floods hit the "
            "Central Highlands of Vietnam near Pleiku.")
    recs = _parse(text, settings)
    assert _at(recs, text, "DMZ")["name"] == "Korean Demilitarized Zone"
    r = _at(recs, text, "Central Highlands of Vietnam")
    assert r is not None and r["country_code"] == "VN", r
