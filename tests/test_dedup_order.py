"""Merging must not depend on the order reports arrive in (issue 7).

A new report is matched against the merged record of a stored event; without the checks
tested here a report could join an event through a neighbour it resembles (a suicide
bombing on Friday night joining Saturday's mortar attack in the same city), or a chain of
reports could drift a day or a town at a time. Text written for these tests."""

from __future__ import annotations

import itertools

import pytest

from eventwire.models import Document, Event, Evidence
from eventwire.store import dedup, open_store

MAIDUGURI = dict(location="Maiduguri", country="Nigeria", admin1="Borno", admin2="Maiduguri",
                 latitude=11.8464, longitude=13.1603, geo_precision=1)
KONDUGA = dict(location="Konduga", country="Nigeria", admin1="Borno", admin2="Konduga",
               latitude=11.6533, longitude=13.4176, geo_precision=2)
UAG = "Unidentified Armed Group (Nigeria)"
CIV = "Civilians (Nigeria)"


def ev(text: str, **kw) -> Event:
    base = dict(event_date="2024-06-02", time_precision=1, event_type="Explosions/Remote violence",
                sub_event_type="Suicide bomb", actor1=UAG, actor2=CIV)
    base.update(kw)
    e = Event(**base)
    e.evidence = [Evidence(text=text, start=0, end=len(text))]
    return e


MARKET = "A suicide bomber blew herself up at the crowded Monday Market in Maiduguri on Sunday, killing 12."
MARKET2 = "At least 14 traders died when a suicide attacker struck the main market of Maiduguri on Sunday."
WEDDING = "Six guests were killed when a female suicide bomber detonated explosives at a wedding in Konduga on Sunday."


# ------------------------------------------------------------ places each report names as its own
def test_two_towns_each_report_names_stay_apart_even_within_the_near_a_town_radius():
    market, wedding = ev(MARKET, **MAIDUGURI), ev(WEDDING, **KONDUGA)
    m = dedup.match(wedding, market)
    assert not m.ok
    assert "names its own place" in m.why_not
    assert not dedup.match(market, wedding).ok


def test_a_report_naming_the_other_town_or_coded_to_its_district_still_merges():
    # the "near" report names the town the precise one is at
    near = ev("A suicide bomber struck a market near Maiduguri, in Konduga local government area, on Sunday.",
              **KONDUGA)
    assert dedup.match(near, ev(MARKET, **MAIDUGURI)).ok
    # a report coded to the district whose town the other is in ("in Konduga district" / a village of it)
    village = ev("A suicide bomber hit a wedding in the village of Dalwa on Sunday.",
                 **dict(KONDUGA, location="Dalwa", admin2="Konduga", latitude=11.72, longitude=13.30,
                        geo_precision=1))
    district = ev("A suicide bombing at a wedding in Konduga district killed six on Sunday.", **KONDUGA)
    assert dedup.match(village, district).ok


def test_a_report_whose_words_do_not_name_its_place_tells_nothing():
    # coded to the article's setting: its own words name no town, so no conflict can be read
    setting = ev("A suicide bomber struck a busy market on Sunday, killing at least a dozen people.", **KONDUGA)
    assert dedup.match(setting, ev(MARKET, **MAIDUGURI)).ok


# ------------------------------------------------------------ kinds that never meet
def test_suicide_bombing_and_shelling_are_two_attacks():
    bomb = ev("Al-Shabaab suicide bombers stormed a beach restaurant in Mogadishu on Friday night, killing 32.",
              country="Somalia", admin1="Banaadir", location="Mogadishu", latitude=2.0371, longitude=45.3438,
              actor1="Al Shabaab", actor2="Civilians (Somalia)")
    mortar = ev("Mortar shells fired by al-Shabaab hit homes in Mogadishu's Hodan district on Saturday afternoon.",
                event_date="2024-06-03", sub_event_type="Shelling/artillery/missile attack", country="Somalia",
                admin1="Banaadir", location="Mogadishu", latitude=2.0371, longitude=45.3438,
                actor1="Al Shabaab", actor2="Civilians (Somalia)")
    bomb.provenance["event_date"] = Evidence("Friday night", 0, 12)
    m = dedup.match(mortar, bomb)
    assert not m.ok and "never one event" in m.why_not


def test_a_report_with_no_place_joins_only_an_event_of_its_very_kind():
    lima = dict(location="Lima", country="Peru", admin1="Lima", latitude=-12.05, longitude=-77.04, geo_precision=1)
    force = ev("Police fired tear gas and pellets at striking bus drivers marching in Lima on Thursday.",
               event_type="Protests", sub_event_type="Excessive force against protesters",
               actor1="Police Forces of Peru", actor2="Protesters (Peru)", **lima)
    # (a crowd the riot report names by no group: "students" against "bus drivers" would be two crowds,
    # dedup._different_crowds)
    riot = ev("Protesters hurled stones and firecrackers at police near Congress on Thursday night.",
              event_type="Riots", sub_event_type="Violent demonstration", actor1="Rioters (Peru)",
              actor2="Police Forces of Peru", country="", admin1="", location="", latitude=None, longitude=None,
              geo_precision=3)
    m = dedup.match(riot, force)
    assert not m.ok and "no place" in m.why_not
    same_kind = ev("Riot police fired tear gas at bus drivers on Thursday.", event_type="Protests",
                   sub_event_type="Excessive force against protesters", actor1="Police Forces of Peru",
                   actor2="Protesters (Peru)", country="", admin1="", location="", latitude=None,
                   longitude=None, geo_precision=3)
    assert dedup.match(same_kind, force).ok


# ------------------------------------------------------------ members of a stored event
def test_member_conflict_dates_and_places():
    monday = ev("Police fired tear gas to clear protesters blocking the highway in Otavalo on Monday.",
                event_date="2025-10-06", event_type="Protests", sub_event_type="Protest with intervention",
                actor1="Protesters (Ecuador)", actor2="Police Forces of Ecuador", country="Ecuador",
                admin1="Imbabura", location="Otavalo", latitude=0.2346, longitude=-78.2625)
    riot = ev("Protesters set fire to a police post in the centre of Otavalo on Wednesday night.",
              event_date="2025-10-08", event_type="Riots", sub_event_type="Violent demonstration",
              actor1="Rioters (Ecuador)", actor2="Police Forces of Ecuador", country="Ecuador",
              admin1="Imbabura", location="Otavalo", latitude=0.2346, longitude=-78.2625)
    riot.provenance["event_date"] = Evidence("Wednesday night", 0, 15)
    assert "dated 2025-10-06" in dedup.member_conflict(riot, monday)
    tuesday = ev("Police said on Tuesday they had cleared the Pan-American Highway at Otavalo.",
                 **{**monday.as_dict(), "event_date": "2025-10-07", "evidence": []})
    assert dedup.member_conflict(riot, tuesday) == ""  # one night from Tuesday: no conflict with that report
    assert "at Maiduguri" in dedup.member_conflict(ev(WEDDING, **KONDUGA), ev(MARKET, **MAIDUGURI))
    assert dedup.member_conflict(ev(MARKET2, **MAIDUGURI), ev(MARKET, **MAIDUGURI)) == ""


def _doc(doc_id: str, text: str, place: dict, **kw) -> Document:
    doc = Document(id=doc_id, text=text, clean=text, source=doc_id.split("-")[0],
                   url=f"https://{doc_id}.example/story")
    e = ev(text, **place, **kw)
    e.event_id = f"{doc_id}-e1"
    doc.events.append(e)
    return doc


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_stored_events_do_not_depend_on_the_order_of_arrival(tmp_path, order):
    docs = [_doc("aj-1", MARKET, MAIDUGURI), _doc("daily-2", WEDDING, KONDUGA), _doc("bbc-3", MARKET2, MAIDUGURI)]
    with open_store(tmp_path / "e.sqlite") as store:
        for i in order:
            store.add_document(docs[i])
        got = {d.id: store.get_document(d.id)["events"][0]["merged_into"] for d in docs}
    assert got["aj-1"] == got["bbc-3"]
    assert got["daily-2"] != got["aj-1"]


def test_a_place_told_relative_to_a_town_may_be_another_town_near_it():
    kirkuk = dict(location="Kirkuk", country="Iraq", admin1="Kirkuk", admin2="Kirkuk",
                  latitude=35.4681, longitude=44.3922, geo_precision=2)
    daquq = dict(location="Daquq", country="Iraq", admin1="Kirkuk", admin2="Daquq",
                 latitude=35.14, longitude=44.45, geo_precision=1)
    south = ev("A roadside bomb exploded south of Kirkuk on Sunday, killing three Iraqi army soldiers.",
               sub_event_type="Remote explosive/landmine/IED", actor2="Military Forces of Iraq", **kirkuk)
    town = ev("Three Iraqi soldiers were killed on Sunday when a bomb struck their vehicle in Daquq.",
              sub_event_type="Remote explosive/landmine/IED", actor2="Military Forces of Iraq", **daquq)
    assert dedup.match(south, town).ok
    # told as in the city, not around it: two places ("central Nairobi" and Thika town, 40 km)
    nairobi = dict(location="Nairobi", country="Kenya", admin1="Nairobi", admin2="",
                   latitude=-1.2833, longitude=36.8167, geo_precision=2)
    thika = dict(location="Thika", country="Kenya", admin1="Nairobi", admin2="",  # GeoNames' old province
                 latitude=-1.0333, longitude=37.0693, geo_precision=1)
    central = ev("Police fired tear gas to disperse hundreds of protesters in central Nairobi on Thursday.",
                 event_type="Protests", sub_event_type="Protest with intervention",
                 actor1="Protesters (Kenya)", actor2="Police Forces of Kenya", **nairobi)
    riot = ev("Protesters in Thika town set fire to the sub-county offices on Thursday and looted shops.",
              event_type="Riots", sub_event_type="Violent demonstration",
              actor1="Rioters (Kenya)", actor2="Police Forces of Kenya", **thika)
    m = dedup.match(riot, central)
    assert not m.ok and "names its own place" in m.why_not
