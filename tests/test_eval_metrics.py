"""Metrics of eventwire.evaluation on tiny cases whose answers are worked out by hand."""

from __future__ import annotations

import pytest

from eventwire.evaluation.metrics import (
    NO_EVENT,
    GoldToponym,
    PRF,
    actor_names_match,
    countries_match,
    haversine_km,
    match_events,
    place_names_match,
    score_events,
    score_toponyms,
    score_types,
    top_event,
    worst,
)
from eventwire.evaluation.metrics import ErrorCase
from eventwire.models import Event, Evidence

KM_PER_DEGREE = 6371.0 * 3.141592653589793 / 180  # 111.19 km along a meridian


def ev(date, sub, a1="", a2="", lat=None, lon=None, conf=0.5, **kw):
    types = {
        "Armed clash": "Battles", "Air/drone strike": "Explosions/Remote violence",
        "Attack": "Violence against civilians", "Peaceful protest": "Protests",
    }
    return Event(
        event_date=date, event_type=types[sub], sub_event_type=sub, actor1=a1, actor2=a2,
        latitude=lat, longitude=lon, confidence=conf,
        evidence=[Evidence(text=kw.pop("sentence", f"{a1} {sub} on {date}"), start=0, end=1)], **kw,
    )


def gold(date, sub, a1="", a2="", lat=None, lon=None, **kw):
    d = {"event_date": date, "sub_event_type": sub, "actor1": a1, "actor2": a2, "latitude": lat, "longitude": lon}
    d.update(kw)
    return d


BAGHUZ = (34.46, 40.94)


# ------------------------------------------------------------------ PRF
def test_prf_zero_division_is_zero():
    assert PRF().precision == 0 and PRF().recall == 0 and PRF().f1 == 0
    p = PRF(tp=1, fp=1, fn=0)
    assert p.precision == 0.5 and p.recall == 1.0 and p.f1 == pytest.approx(2 / 3)


def test_haversine_one_degree_of_latitude():
    assert haversine_km(10, 20, 11, 20) == pytest.approx(KM_PER_DEGREE, rel=1e-6)
    assert haversine_km(*BAGHUZ, *BAGHUZ) == 0


# ------------------------------------------------------------------ events
def test_empty_predictions_score_zero_recall_and_no_field_counts():
    g = {"a": [gold("2019-02-16", "Armed clash", "SDF", "Islamic State", *BAGHUZ),
               gold("2019-02-16", "Air/drone strike", "Coalition")]}
    s = score_events(g, {})
    assert (s.prf.tp, s.prf.fp, s.prf.fn) == (0, 0, 2)
    assert s.prf.precision == 0 and s.prf.recall == 0 and s.prf.f1 == 0
    assert all(r.total == 0 for r in s.fields.values())
    assert [e.kind for e in s.errors] == ["missed", "missed"]


def test_duplicate_prediction_is_one_true_positive_and_one_false_positive():
    g = {"a": [gold("2019-02-16", "Armed clash", "SDF", "Islamic State", *BAGHUZ)]}
    p = {"a": [ev("2019-02-16", "Armed clash", "SDF", "Islamic State", *BAGHUZ),
               ev("2019-02-16", "Armed clash", "SDF", "Islamic State", *BAGHUZ)]}
    s = score_events(g, p)
    assert (s.prf.tp, s.prf.fp, s.prf.fn) == (1, 1, 0)
    assert s.prf.f1 == pytest.approx(2 / 3)
    assert [e.kind for e in s.errors] == ["spurious"]


def test_unmatched_gold_and_date_within_one_day():
    g = {"a": [gold("2019-02-16", "Armed clash", "SDF", "Islamic State", *BAGHUZ),
               gold("2019-02-10", "Attack", "Islamic State", "Civilians (Syria)")]}
    # one day late, 10 km off: still the same event, but the date is not exact
    p = {"a": [ev("2019-02-17", "Armed clash", "SDF: Syrian Democratic Forces", "Islamic State (Syria)",
                  BAGHUZ[0] + 10 / KM_PER_DEGREE, BAGHUZ[1])]}
    s = score_events(g, p)
    assert (s.prf.tp, s.prf.fp, s.prf.fn) == (1, 0, 1)
    assert s.prf.precision == 1.0 and s.prf.recall == 0.5
    assert (s.fields["event_date"].right, s.fields["event_date"].total) == (0, 1)
    assert s.fields["actor1"].value == 1.0 and s.fields["actor2"].value == 1.0
    assert s.fields["location_25km"].value == 1.0
    missed = [e for e in s.errors if e.kind == "missed"]
    assert len(missed) == 1 and "Attack" in missed[0].gold
    # the nearest prediction is shown with the reason it does not match
    assert missed[0].pred.startswith("nearest: 2019-02-17 | Armed clash")
    assert "type Battles, not Violence against civilians" in missed[0].pred and "7 days apart" in missed[0].pred


def test_two_days_off_wrong_type_or_far_away_do_not_match():
    g = [gold("2020-05-01", "Armed clash", lat=10.0, lon=10.0)]
    assert match_events(g, [ev("2020-05-03", "Armed clash", lat=10.0, lon=10.0)]).pairs == []
    assert match_events(g, [ev("2020-05-01", "Peaceful protest", lat=10.0, lon=10.0)]).pairs == []
    assert match_events(g, [ev("2020-05-01", "Armed clash", lat=10.3, lon=10.0)]).pairs == []  # 33 km
    # 22 km away: the same place
    assert match_events(g, [ev("2020-05-01", "Armed clash", lat=10.2, lon=10.0)]).pairs == [(0, 0)]


def test_matching_is_optimal_not_greedy():
    # P0 fits G0 best (same day) but also G1; P1 fits only G0 (one day before G0, two before G1).
    g = [gold("2020-01-10", "Armed clash"), gold("2020-01-11", "Armed clash")]
    p = [ev("2020-01-10", "Armed clash"), ev("2020-01-09", "Armed clash")]
    m = match_events(g, p)
    assert sorted(m.pairs) == [(0, 1), (1, 0)]
    assert m.unmatched_gold == [] and m.unmatched_pred == []


def test_ties_two_identical_gold_one_prediction():
    g = {"a": [gold("2020-01-10", "Armed clash"), gold("2020-01-10", "Armed clash")]}
    s = score_events(g, {"a": [ev("2020-01-10", "Armed clash")]})
    assert (s.prf.tp, s.prf.fp, s.prf.fn) == (1, 0, 1)


def test_field_accuracy_on_matched_pairs():
    g = {"a": [gold("2019-02-16", "Armed clash", "Syrian Democratic Forces", "Islamic State", *BAGHUZ,
                    inter1=2, inter2=2, country="Syria", admin1="Deir ez-Zor", location="Baghuz", fatalities=0)]}
    far = (BAGHUZ[0] + 1.0, BAGHUZ[1])  # 111 km north
    p = {"a": [ev("2019-02-16", "Armed clash", "SDF: Syrian Democratic Forces", "Military Forces of Syria", *far,
                  inter1=2, inter2=1, country="Syrian Arab Republic", admin1="Deir ez-Zor Governorate",
                  location="Somewhere", fatalities=4)]}
    s = score_events(g, p, max_km=200)
    v = {k: r.value for k, r in s.fields.items()}
    assert v["event_date"] == 1 and v["sub_event_type"] == 1
    assert v["actor1"] == 1 and v["actor2"] == 0
    assert v["inter1"] == 1 and v["inter2"] == 0
    assert v["country"] == 1 and v["admin1"] == 1
    assert v["location_25km"] == 0 and v["location_161km"] == 1
    assert v["fatalities"] == 0  # gold 0 is a value: scored
    wrong = {e.what for e in s.errors if e.kind == "field"}
    assert wrong == {"actor2", "inter2", "location_25km", "fatalities"}


def test_gold_without_a_field_does_not_score_it():
    s = score_events({"a": [gold("2019-02-16", "Armed clash", "SDF")]},
                     {"a": [ev("2019-02-16", "Armed clash", "SDF", "Islamic State", *BAGHUZ, fatalities=3)]})
    assert s.fields["actor2"].total == 0 and s.fields["fatalities"].total == 0
    assert s.fields["location_25km"].total == 0 and s.fields["actor1"].total == 1


def test_prediction_in_unknown_document_is_false_positive():
    s = score_events({"a": [gold("2019-02-16", "Armed clash")]},
                     {"a": [ev("2019-02-16", "Armed clash")], "b": [ev("2019-02-16", "Attack")]})
    assert (s.prf.tp, s.prf.fp, s.prf.fn) == (1, 1, 0)
    assert s.n_docs == 2


def test_optional_gold_is_neither_required_nor_penalised():
    g = {"a": [gold("2019-02-16", "Armed clash")]}
    opt = {"a": [{"event_type": "Strategic developments", "sub_event_type": "Other"}]}
    other = Event(event_date="2019-02-01", event_type="Strategic developments", sub_event_type="Other")
    s = score_events(g, {"a": [ev("2019-02-16", "Armed clash"), other]}, optional=opt)
    assert (s.prf.tp, s.prf.fp, s.prf.fn) == (1, 0, 0)
    s2 = score_events(g, {"a": [ev("2019-02-16", "Armed clash")]}, optional=opt)
    assert (s2.prf.tp, s2.prf.fp, s2.prf.fn) == (1, 0, 0)


def test_worst_errors_carry_the_evidence_sentence():
    g = {"a": [gold("2019-02-16", "Armed clash")]}
    p = {"a": [ev("2019-03-01", "Attack", "Gunmen", sentence="Gunmen shot a farmer in Idlib.")]}
    s = score_events(g, p)
    spurious = [e for e in s.errors if e.kind == "spurious"]
    assert spurious[0].evidence == "Gunmen shot a farmer in Idlib."


# ------------------------------------------------------------------ names
def test_name_normalisation():
    assert actor_names_match("Islamic State", "Islamic State (Syria)")
    assert actor_names_match("Syrian Democratic Forces", "SDF: Syrian Democratic Forces")
    assert actor_names_match("Military Forces of Syria (2000-)", "military forces of syria")
    assert not actor_names_match("Military Forces of Syria", "Military Forces of Iraq")
    assert not actor_names_match("Islamic State", "")
    assert place_names_match("Al Anbār province", "Anbar")
    assert not place_names_match("Nineveh", "Anbar")
    assert place_names_match("Beijin", "Beijing") and place_names_match("Mocimboa da Praia", "Mocímboa da Praia")
    assert not place_names_match("Kirkuk", "Karkh") and not place_names_match("Homs", "Hama")
    assert not place_names_match("Mosul", "Mosel")  # one letter in five is too much
    assert countries_match("People's Republic of China", "China")
    assert not countries_match("Iraq", "Iran")


# ------------------------------------------------------------------ types
def test_type_scores_by_hand():
    gold_labels = {"d1": "Armed clash", "d2": "Armed clash", "d3": "Attack", "d4": "Peaceful protest"}
    pred = {"d1": "Armed clash", "d2": "Attack", "d3": "Attack", "d4": None}
    s = score_types(gold_labels, pred)
    assert s.accuracy == 0.5
    # Armed clash: P 1/1, R 1/2 -> 2/3; Attack: P 1/2, R 1/1 -> 2/3; Peaceful protest: 0
    assert s.per_class["Armed clash"][2] == pytest.approx(2 / 3)
    assert s.per_class["Attack"][:2] == (0.5, 1.0)
    assert s.per_class["Peaceful protest"] == (0.0, 0.0, 0.0, 1)
    assert s.macro_f1 == pytest.approx(4 / 9)
    assert s.weighted_f1 == pytest.approx((2 / 3 * 2 + 2 / 3 * 1 + 0) / 4)
    assert s.confusion[("Peaceful protest", NO_EVENT)] == 1
    assert s.confusion[("Armed clash", "Attack")] == 1
    assert s.labels[-1] == NO_EVENT


def test_type_scores_with_no_predictions_are_zero():
    s = score_types({"d1": "Attack", "d2": "Armed clash"}, {})
    assert s.accuracy == 0 and s.macro_f1 == 0 and s.weighted_f1 == 0
    assert len(s.errors) == 2


def test_top_event_highest_confidence_first_on_ties():
    a = Event(sub_event_type="Attack", confidence=0.6)
    b = Event(sub_event_type="Armed clash", confidence=0.9)
    c = Event(sub_event_type="Air/drone strike", confidence=0.9)
    assert top_event([a, b, c]) is b
    assert top_event([]) is None


# ------------------------------------------------------------------ toponyms
TEXT = "Clashes in Aleppo and Homs left 3 dead near Damascus."


def _gold_topos():
    return [
        GoldToponym("t", 11, 17, "Aleppo", 36.20, 37.16, 170063),
        GoldToponym("t", 22, 26, "Homs", 34.73, 36.72),
        GoldToponym("t", 44, 52, "Damascus", 33.51, 36.29),
    ]


def test_toponym_detection_and_resolution_by_hand():
    assert TEXT[11:17] == "Aleppo" and TEXT[22:26] == "Homs" and TEXT[44:52] == "Damascus"
    pred = [
        {"doc_id": "t", "start": 11, "end": 17, "latitude": 36.20, "longitude": 37.16, "geonameid": 170063},
        {"doc_id": "t", "start": 11, "end": 17, "latitude": 36.20, "longitude": 37.16, "geonameid": 170063},
        {"doc_id": "t", "start": 22, "end": 26, "latitude": 34.73 + 2, "longitude": 36.72, "name": "Elsewhere"},
        {"doc_id": "t", "start": 0, "end": 7, "latitude": 1.0, "longitude": 1.0},
    ]
    s = score_toponyms(_gold_topos(), pred, {"t": TEXT})
    assert s.n_gold == 3 and s.detected == 2 and s.within_161 == 1
    assert s.detection_recall == pytest.approx(2 / 3)
    assert s.accuracy_161_given_detection == 0.5
    assert s.end_to_end_161 == pytest.approx(1 / 3)
    assert s.mean_error_km == pytest.approx(2 * KM_PER_DEGREE / 2, rel=1e-4)
    assert s.spurious == 1 and s.detection_precision == 0.75
    assert (s.exact_id.right, s.exact_id.total) == (1, 1)
    kinds = sorted(e.what for e in s.errors)
    assert kinds == ["not detected", "resolved far"]
    assert all(e.evidence == TEXT for e in s.errors)


def test_toponym_partial_overlap_counts_and_no_predictions():
    s = score_toponyms(_gold_topos(), [{"doc_id": "t", "start": 40, "end": 48, "latitude": 33.5, "longitude": 36.3}])
    assert s.detected == 1 and s.within_161 == 1
    empty = score_toponyms(_gold_topos(), [])
    assert empty.detected == 0 and empty.end_to_end_161 == 0 and empty.mean_error_km is None
    assert empty.detection_precision == 0


def test_gold_without_coordinates_only_shields_from_spurious():
    g = [GoldToponym("t", 0, 7, "Clashes"), *_gold_topos()]
    s = score_toponyms(g, [{"doc_id": "t", "start": 0, "end": 7, "latitude": 1.0, "longitude": 1.0}])
    assert s.n_gold == 3 and s.spurious == 0 and s.detected == 0


def test_worst_errors_take_each_kind_in_turn():
    errs = [ErrorCase("missed", f"d{i}", "event", severity=3.0) for i in range(5)]
    errs += [ErrorCase("field", "d9", "fatalities", severity=1.2), ErrorCase("field", "d8", "fatalities", severity=1.9),
             ErrorCase("field", "d7", "admin1", severity=1.0)]
    shown = worst(errs, 5)
    assert [(e.kind, e.doc_id) for e in shown] == [
        ("missed", "d0"), ("field", "d8"), ("field", "d7"), ("missed", "d1"), ("field", "d9")]
    assert worst([], 3) == [] and len(worst(errs, 100)) == len(errs)


def test_any_place_matching_separates_detection_from_geolocation():
    g = {"a": [gold("2020-05-01", "Armed clash", lat=10.0, lon=10.0)]}
    p = {"a": [ev("2020-05-01", "Armed clash", lat=11.0, lon=10.0)]}  # 111 km north
    strict = score_events(g, p)
    assert (strict.prf.tp, strict.prf.fp, strict.prf.fn) == (0, 1, 1)
    loose = score_events(g, p, max_km=None)
    assert (loose.prf.tp, loose.prf.fp, loose.prf.fn) == (1, 0, 0)
    assert loose.fields["location_25km"].value == 0 and loose.fields["location_161km"].value == 1
    # still the nearer one when two are on the same day
    near = ev("2020-05-01", "Armed clash", lat=10.1, lon=10.0)
    m = match_events(g["a"], [p["a"][0], near], max_km=None)
    assert m.pairs == [(0, 1)]
