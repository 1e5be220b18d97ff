"""Review of the xout4 merge (round 9b place rules): regressions against the rules before it.

1. A report at a district's seat town whose words call the place a district in words other than
   "district" / "Local Government Area" / "LGA" ("in Bama Local Government", "the department of Tera",
   "the cercle of Bandiagara") means the division, and still joins a report at a village in it
   farther than ``max_km`` from the seat (``division_words``, ``dedup._named_as_division``).
2. Two reports coded only at a region's and at the country's point, naming one village with its vowels
   written two ways ("Al-Hol" / "Al-Hawl"), are one place, as before the merge (``dedup._vowels_apart``).
Texts written for these tests (fictional incidents in real places)."""

from __future__ import annotations

from eventwire.models import Event, Evidence
from eventwire.store import dedup

BANKI = dict(location="Banki", admin2="Bama", latitude=11.00, longitude=14.12)
BAMA = dict(location="Bama", admin2="Bama", latitude=11.52, longitude=13.69)
KOKOROU = dict(location="Kokorou", admin2="Tera", admin1="Tillaberi", country="Niger", latitude=14.20, longitude=0.98)
TERA = dict(location="Tera", admin2="Tera", admin1="Tillaberi", country="Niger", latitude=14.01, longitude=0.75)


def _ev(text: str, doc_id: str, **kw) -> Event:
    base = dict(event_date="2025-03-14", time_precision=1, country="Nigeria", admin1="Borno", geo_precision=1,
                event_type="Violence against civilians", sub_event_type="Attack",
                actor1="Boko Haram - JAS", actor2="Civilians (Nigeria)")
    base.update(kw)
    e = Event(doc_id=doc_id, event_id=f"{doc_id}-e1", source=doc_id, **base)
    e.evidence = [Evidence(text=text, start=0, end=len(text))]
    return e


def _both(x: Event, y: Event) -> bool:
    return dedup.match(x, y).ok and dedup.match(y, x).ok


def test_a_seat_report_calling_it_a_local_government_joins_a_village_in_it():
    banki = _ev("Boko Haram fighters killed nine farmers on the outskirts of Banki on Friday, "
                "a vigilante leader said.", "a", **BANKI)
    for words in ("in Bama Local Government of Borno State", "in Bama local government council",
                  "in the Bama council area"):
        bama = _ev(f"Nine farmers were killed by insurgents {words} on Friday, residents told reporters.",
                   "b", **BAMA)
        assert _both(banki, bama), (words, dedup.match(banki, bama).why_not)


def test_a_department_or_cercle_named_by_its_seat_joins_a_village_in_it():
    kokorou = _ev("Gunmen on motorbikes killed 12 villagers in Kokorou on Friday, local officials said.", "a",
                  **KOKOROU)
    for words in ("in the Tera department", "in the department of Tera"):
        tera = _ev(f"Gunmen killed 12 villagers {words} on Friday, according to a local official.", "b", **TERA)
        assert _both(kokorou, tera), (words, dedup.match(kokorou, tera).why_not)
    ogossagou = _ev("Gunmen killed 20 villagers in Ogossagou on Friday, a mayor said.", "c", location="Ogossagou",
                    admin2="Bandiagara", admin1="Mopti", country="Mali", latitude=14.62, longitude=-3.35)
    bandiagara = _ev("Twenty villagers were killed in the cercle of Bandiagara on Friday, a mayor said.", "d",
                     location="Bandiagara", admin2="Bandiagara", admin1="Mopti", country="Mali",
                     latitude=14.35, longitude=-3.61)
    assert _both(ogossagou, bandiagara), dedup.match(ogossagou, bandiagara).why_not


def test_control_a_raid_on_the_seat_town_or_its_area_stays_apart():
    banki = _ev("Boko Haram fighters killed nine farmers on the outskirts of Banki on Friday.", "a", **BANKI)
    for words in ("stormed Bama, burning the divisional police office", "attacked the Bama area, burning shops",
                  "attacked the Bama police division headquarters"):
        bama = _ev(f"Later on Friday insurgents {words}, residents said.", "b", **BAMA)
        assert not dedup.match(banki, bama).ok, words
        assert not dedup.match(bama, banki).ok, words


SYRIA = dict(country="Syria", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
             actor1="Military Forces of Turkey", actor2="SDF: Syrian Democratic Forces", geo_precision=3)


def test_one_village_with_its_vowels_spelt_two_ways_at_region_and_country_points():
    hol = _ev("A drone struck a pickup truck in Al-Hol in Hasakah province on Friday, killing two fighters.", "a",
              location="Al-Hol", admin1="Al-Hasakah", latitude=36.5, longitude=40.7, **SYRIA)
    hawl = _ev("A Turkish drone struck a car in Al-Hawl on Friday, killing two SDF fighters, a monitor said.", "b",
               location="Al-Hawl", admin1=None, latitude=35.0, longitude=38.0, **SYRIA)
    assert _both(hol, hawl), dedup.match(hol, hawl).why_not


def test_control_two_villages_at_region_and_country_points_stay_apart():
    hol = _ev("A drone struck a pickup truck in Al-Hol in Hasakah province on Friday, killing two fighters.", "a",
              location="Al-Hol", admin1="Al-Hasakah", latitude=36.5, longitude=40.7, **SYRIA)
    other = _ev("A Turkish drone struck a car in Tal Baydar on Friday, killing two SDF fighters, a monitor said.",
                "b", location="Tal Baydar", admin1=None, latitude=35.0, longitude=38.0, **SYRIA)
    assert not dedup.match(hol, other).ok
    assert not dedup.match(other, hol).ok
