"""Cross-article deduplication rules and the merge record; the labelled multi-outlet set."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from eventwire.models import Event, Evidence
from eventwire.store import dedup
from eventwire.store.dedup_eval import evaluate, load_labelled, pairwise

SET = Path(__file__).parent / "fixtures" / "dedup" / "articles.yaml"


def ev(**kw) -> Event:
    base = dict(event_date="2024-06-02", event_type="Explosions/Remote violence", sub_event_type="Suicide bomb",
                actor1="Unidentified Armed Group (Nigeria)", actor2="Civilians (Nigeria)", country="Nigeria",
                admin1="Borno", admin2="Maiduguri", location="Maiduguri", latitude=11.8464, longitude=13.1603,
                geo_precision=1)
    base.update(kw)
    return Event(**base)


def test_actor_keys_fold_variants():
    assert dedup.actor_keys("Islamic State (Syria)") & dedup.actor_keys("Islamic State")
    assert dedup.actor_keys("ISWAP: Islamic State West Africa Province") & dedup.actor_keys(
        "Islamic State West Africa Province")
    assert dedup.actor_keys("MNDAA") & dedup.actor_keys("Myanmar National Democratic Alliance Army")
    assert dedup.actor_keys("Rioters (Kenya)") & dedup.actor_keys("Protesters (Kenya)")
    assert not dedup.actor_keys("Military Forces of Syria") & dedup.actor_keys("Military Forces of Russia")
    assert not dedup.actor_keys("Al Shabaab") & dedup.actor_keys("Islamic State (Somalia)")


def test_actor_sides_may_swap_or_be_unknown_but_not_conflict():
    a = ev(actor1="SDF: Syrian Democratic Forces", actor2="Islamic State (Syria)")
    assert dedup.actors_match(a, ev(actor1="Islamic State", actor2="Syrian Democratic Forces"))[0]
    assert dedup.actors_match(a, ev(actor1="Unidentified Armed Group (Syria)", actor2="Islamic State"))[0]
    assert dedup.actors_match(a, ev(actor1="SDF", actor2=""))[0]
    ok, why, _ = dedup.actors_match(a, ev(actor1="Military Forces of Syria", actor2="Islamic State"))
    assert not ok and "different actors" in why
    # an associated actor counts as a match for its side
    b = ev(actor1="Military Forces of the United States", actor2="Islamic State",
           assoc_actor_1="SDF: Syrian Democratic Forces")
    assert dedup.actors_match(a, b)[0]


def test_date_window_follows_time_precision():
    a = ev(event_date="2024-08-03")
    assert dedup.dates_match(a, ev(event_date="2024-08-03"))[0]
    assert not dedup.dates_match(a, ev(event_date="2024-08-04"))[0]  # both know the day: same day only
    assert dedup.dates_match(a, ev(event_date="2024-08-05", time_precision=2))[0]  # "over the weekend"
    assert not dedup.dates_match(a, ev(event_date="2024-08-10", time_precision=2))[0]
    assert dedup.dates_match(a, ev(event_date="2024-08-15", time_precision=3))[0]  # "in August"
    assert not dedup.dates_match(a, ev(event_date=""))[0]


def test_place_rules():
    maid = ev()
    assert dedup.places_match(maid, ev(location="Monday Market", latitude=11.839, longitude=13.151))[0]
    ok, why, km = dedup.places_match(maid, ev(location="Konduga", admin2="Konduga", latitude=11.6533,
                                              longitude=13.4190))
    assert not ok and 30 < km < 40
    # same admin2 though 40 km apart (a district coded to different points)
    assert dedup.places_match(maid, ev(location="Maiduguri outskirts", latitude=12.2, longitude=13.16,
                                       geo_precision=2))[0]
    # only the region is known: same admin1 is enough
    ok, why, _ = dedup.places_match(maid, ev(location="Borno", admin2="", latitude=11.5, longitude=13.0,
                                             geo_precision=3))
    assert ok and "region" in why
    # two different villages 12 km apart, both precisely located, are two places
    pazigyi = ev(location="Pazigyi", admin1="Sagaing", admin2="Kanbalu", latitude=23.197, longitude=95.526)
    kyaung = ev(location="Kyaung Taung", admin1="Sagaing", admin2="Kanbalu", latitude=23.29, longitude=95.58)
    ok, why, _ = dedup.places_match(pazigyi, kyaung)
    assert not ok and "different precisely located places" in why
    # ... but a report naming the municipality may mean its village
    arg = ev(location="Argelia", admin1="Cauca", admin2="Argelia", latitude=2.2578, longitude=-77.2494)
    plat = ev(location="El Plateado", admin1="Cauca", admin2="Argelia", latitude=2.201, longitude=-77.101)
    assert dedup.places_match(arg, plat)[0]
    assert not dedup.places_match(maid, ev(country="Cameroon"))[0]


def test_types():
    a = ev()
    assert dedup.types_match(a, ev(sub_event_type="Remote explosive/landmine/IED"))[0]
    assert dedup.types_match(a, ev(event_type="Violence against civilians", sub_event_type="Attack"))[0]
    assert not dedup.types_match(a, ev(event_type="Battles", sub_event_type="Armed clash"))[0]
    sd = ev(event_type="Strategic developments", sub_event_type="Arrests")
    assert not dedup.types_match(sd, ev(event_type="Strategic developments",
                                        sub_event_type="Looting/property destruction"))[0]
    assert dedup.types_match(ev(event_type="Protests"), ev(event_type="Riots"))[0]


def test_best_match_prefers_the_closest():
    far = ev(location="Maiduguri west", latitude=11.85, longitude=13.0)  # ~17 km
    near = ev(location="Maiduguri", latitude=11.846, longitude=13.16)
    i, m = dedup.best_match(ev(latitude=11.84, longitude=13.16), [far, near])
    assert i == 1 and m.ok


def test_merge_keeps_sources_evidence_precision_and_conservative_fatalities():
    e1 = ev(source="Reuters", fatalities=18, evidence=[Evidence("killing 18 people", 0, 17)])
    e1.provenance["fatalities"] = e1.evidence[0]
    e2 = ev(source="Premium Times", fatalities=20, actor1="ISWAP: Islamic State West Africa Province",
            evidence=[Evidence("risen to 20", 5, 16)])
    e2.provenance["fatalities"] = e2.evidence[0]
    e3 = ev(source="BBC; Reuters", fatalities=0, location="Borno", geo_precision=3, time_precision=2,
            event_date="2024-06-01", evidence=[Evidence("a bomb attack", 0, 13)])  # no number given
    m = dedup.merge([e3, e1, e2], "K4")
    assert m.event_id == "K4"
    assert m.source == "BBC; Reuters; Premium Times"
    assert m.fatalities == 18  # smallest number among the reports that give one
    assert m.event_date == "2024-06-02" and m.time_precision == 1
    assert m.location == "Maiduguri" and m.geo_precision == 1
    assert m.actor1 == "ISWAP: Islamic State West Africa Province"  # the report naming more actors
    assert [e.text for e in m.evidence] == ["a bomb attack", "killing 18 people", "risen to 20"]
    zero = ev(fatalities=0)
    zero.provenance["fatalities"] = Evidence("no one was hurt", 0, 15)
    assert dedup.merge([e1, zero], "x").fatalities == 0  # an explicit "no one killed" is a report


def test_pairwise_scores():
    truth = {1: "A", 2: "A", 3: "B", 4: "B"}
    assert pairwise({1: "x", 2: "x", 3: "y", 4: "z"}, truth) | {"errors": []} == {
        "precision": 1.0, "recall": 0.5, "f1": pytest.approx(2 / 3), "tp": 1, "fp": 0, "fn": 1, "events": 4,
        "true_events": 2, "merged_events": 3, "errors": []}
    assert pairwise({1: "x", 2: "x", 3: "x", 4: "x"}, truth)["precision"] == pytest.approx(2 / 6)


def test_labelled_set_loads_with_true_evidence():
    items = load_labelled(SET)
    assert len(items) >= 35
    labels = {lab for _, labs in items for lab in labs}
    assert len(labels) >= 15
    for doc, labs in items:
        assert len(labs) == len(doc.events)
        for e in doc.events:
            assert doc.text[e.evidence[0].start:e.evidence[0].end] == e.evidence[0].text


@pytest.mark.parametrize("seed", [None, 1, 2, 3])
def test_merges_on_the_labelled_set_meet_the_target(seed):
    order = None
    if seed is not None:
        order = list(range(len(load_labelled(SET))))
        random.Random(seed).shuffle(order)
    r = evaluate(SET, order=order)
    assert r["precision"] >= 0.95 and r["recall"] >= 0.95, r["errors"]


def test_near_a_town_and_security_forces_rules():
    daquq = ev(location="Daquq", admin1="Kirkuk", admin2="Daquq", latitude=35.14, longitude=44.45)
    near_kirkuk = ev(location="Kirkuk", admin1="Kirkuk", admin2="Kirkuk", latitude=35.468, longitude=44.392,
                     geo_precision=2)
    ok, why, km = dedup.places_match(daquq, near_kirkuk)
    assert ok and 30 < km < 40 and "near a town" in why
    tuz = ev(location="Tuz Khurmatu", admin1="Salah al-Din", admin2="Tuz Khurmatu", latitude=34.88,
             longitude=44.63)
    assert not dedup.places_match(tuz, near_kirkuk)[0]  # another province
    police = ev(actor1="Protesters (Pakistan)", actor2="Police Forces of Pakistan (2018-)")
    assert dedup.actors_match(police, ev(actor1="Protesters (Pakistan)", actor2="Military Forces of Pakistan"))[0]
    assert not dedup.actors_match(police, ev(actor1="Protesters (Pakistan)", actor2="Military Forces of India"))[0]


HELDOUT = Path(__file__).parent / "fixtures" / "dedup" / "heldout.yaml"


def test_second_set_keeps_precision():
    # written after the rules were frozen; its misses are actor spellings no rule can link
    # ("JNIM" / "Jama'at Nusrat al-Islam wal-Muslimin") and a report naming the military target
    r = evaluate(HELDOUT)
    assert r["precision"] >= 0.95, r["errors"]
    assert r["recall"] >= 0.8, r["errors"]


def test_country_level_reports_and_generic_actor_names():
    syria_only = ev(country="Syria", admin1="", admin2="", location="Syria", latitude=35.0, longitude=38.0,
                    geo_precision=3)
    palmyra = ev(country="Syria", admin1="Homs", admin2="Tadmur", location="Palmyra", latitude=34.56,
                 longitude=38.28)
    ok, why, _ = dedup.places_match(syria_only, palmyra)
    assert ok and "only gives the country" in why
    assert not dedup.places_match(syria_only, ev())[0]  # Nigeria
    assert dedup._names_match("Military Forces", "Military Forces of Syria (2000-)")
    assert not dedup._names_match("Military", "Military Forces of Syria")  # one word is too generic


def test_a_report_with_no_place_joins_only_an_event_that_alone_fits():
    nowhere = ev(country="", admin1="", admin2="", location="", latitude=None, longitude=None, geo_precision=3)
    ok, why, _ = dedup.places_match(nowhere, ev())
    assert ok and "no place" in why
    i, _m = dedup.best_match(nowhere, [ev(event_date="2024-06-03"), ev()])  # only the second fits the date
    assert i == 1
    konduga = ev(location="Konduga", admin2="Konduga", latitude=11.6533, longitude=13.4190)
    assert dedup.best_match(nowhere, [ev(), konduga]) is None  # two fit: ambiguous, joins neither


def test_dictionary_aliases_with_nothing_in_common_are_one_actor():
    # the acronym and the transliterated name share no word; the actor dictionary knows both
    assert dedup.actor_keys("JNIM") & dedup.actor_keys("Jama'at Nusrat al-Islam wal-Muslimin")
    assert dedup.actor_keys("Daesh") & dedup.actor_keys("Islamic State (Iraq)")
    # generic words stay generic
    assert not dedup.actor_keys("Military") & dedup.actor_keys("Military Forces of Mali")


def test_remote_strike_target_described_differently_merges_only_for_the_same_attacker():
    civ = ev(actor1="Military Forces of Israel", actor2="Civilians (Palestine)", sub_event_type="Air/drone strike",
             country="Palestine", admin1="Khan Yunis", admin2="", location="Khan Yunis", latitude=31.34, longitude=34.30)
    armed = ev(actor1="Military Forces of Israel", actor2="Hamas Movement", sub_event_type="Air/drone strike",
               country="Palestine", admin1="Khan Yunis", admin2="", location="Khan Yunis", latitude=31.35, longitude=34.29)
    ok, why, _ = dedup.actors_match(civ, armed)
    assert ok and "target described differently" in why
    other_attacker = ev(actor1="Hamas Movement", actor2="Civilians (Palestine)", sub_event_type="Shelling/artillery/missile attack")
    assert not dedup.actors_match(other_attacker, armed)[0]
    battle = ev(event_type="Battles", sub_event_type="Armed clash", actor1="Military Forces of Israel", actor2="Hamas Movement")
    battle2 = ev(event_type="Battles", sub_event_type="Armed clash", actor1="Military Forces of Israel", actor2="Civilians (Palestine)")
    assert not dedup.actors_match(battle, battle2)[0]


@pytest.mark.parametrize("seed", [None, 2, 6, 9])
def test_blind_set_hand_coded_reports_merge_in_any_order(seed):
    # written blind (no rules, no code read); a peaceful march and a breakaway riot in one city
    # the same day joined in these orders while a peaceful protest and a riot were compatible
    path = Path(__file__).parent / "fixtures" / "dedup" / "blind.yaml"
    order = None
    if seed is not None:
        order = list(range(len(load_labelled(path))))
        random.Random(seed).shuffle(order)
    r = evaluate(path, order=order)
    assert r["precision"] == 1.0 and r["recall"] >= 0.95, r["errors"]
