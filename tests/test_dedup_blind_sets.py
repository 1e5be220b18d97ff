"""The merge rules on the hand-coded reports of the sets written blind on 2026-11-24.

blind2 and blind3 were written by team members who read no merge or pipeline code;
their first runs are in that day's closing note. Hand-coded reports test the merge
rules alone (extraction is measured by benchmarks/dedup.py --pipeline). blind2's one
known miss: a gang named in one report, a gang coalition in another, and "armed
bandits" in a third, where the coalition is not known to hold that gang's name.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from eventwire.store.dedup_eval import evaluate, load_labelled

DEDUP = Path(__file__).parent / "fixtures" / "dedup"


@pytest.mark.parametrize("name, min_recall", [("blind2.yaml", 0.94), ("blind3.yaml", 1.0), ("blind5.yaml", 0.96)])
@pytest.mark.parametrize("seed", [None, 3, 11])
def test_blind_sets_merge_without_false_merges(name, min_recall, seed):
    path = DEDUP / name
    order = None
    if seed is not None:
        order = list(range(len(load_labelled(path))))
        random.Random(seed).shuffle(order)
    r = evaluate(path, order=order)
    assert r["precision"] == 1.0, r["errors"]
    assert r["recall"] >= min_recall, r["errors"]


@pytest.mark.parametrize("seed", [None, 3, 11])
def test_blind4_merges_with_its_measured_floor(seed):
    """blind4 (session 4): its one known confusion is a riot a rights group reports as police
    excessive force against protesters, beside a peaceful march of doctors that day in the same
    city -- the rules cannot tell the two crowds apart without the protest's cause (first run:
    precision and recall 0.94 in file order). Round 5: a march whose report says it was peaceful
    never joins an event holding excessive force against protesters (and a possessive district
    name is the plain one): file order 1.00 / 1.00, 21 orders precision mean 0.994; when the
    rights report has joined the doctors' march first (its hand-coded evidence does not say the
    march was peaceful), the second doctors' report stays apart from that event: recall 0.91 in
    that order (seed 3), with one wrong pair where there were two."""
    path = DEDUP / "blind4.yaml"
    order = None
    if seed is not None:
        order = list(range(len(load_labelled(path))))
        random.Random(seed).shuffle(order)
    r = evaluate(path, order=order)
    assert r["precision"] >= 0.93, r["errors"]
    assert r["recall"] >= 0.90, r["errors"]
    assert all("D11" in e or "D12" in e for e in r["errors"]), r["errors"]


def test_blind4_mean_recall_over_orders():
    """The per-order floor above (0.90) lets one bad order through; a real regression moves the
    mean. Over file order and 20 shuffles the mean recall was 0.983 (round 5), precision mean 0.994."""
    path = DEDUP / "blind4.yaml"
    n = len(load_labelled(path))
    recalls, precisions = [], []
    for seed in [None, *range(20)]:
        order = None
        if seed is not None:
            order = list(range(n))
            random.Random(seed).shuffle(order)
        r = evaluate(path, order=order)
        recalls.append(r["recall"])
        precisions.append(r["precision"])
    assert sum(recalls) / len(recalls) >= 0.97, recalls
    assert sum(precisions) / len(precisions) >= 0.98, precisions


def test_blind6_merges_with_its_measured_floor():
    """blind6 (session 6, written blind): file order 1.00 / 1.00. Its known order-dependent class: two
    teachers' protests met by police on consecutive days in neighbouring places of one county, where the
    early vague reports can seed the wrong event (21 orders: mean 0.971, worst 0.925 for both). The floor
    keeps file order exact and the mean over 20 shuffles at its measured level."""
    path = DEDUP / "blind6.yaml"
    r = evaluate(path)
    assert (r["precision"], r["recall"]) == (1.0, 1.0), r["errors"]
    n = len(load_labelled(path))
    ps, rs = [], []
    for seed in range(20):
        order = list(range(n))
        random.Random(seed).shuffle(order)
        r = evaluate(path, order=order)
        ps.append(r["precision"])
        rs.append(r["recall"])
    assert sum(ps) / len(ps) >= 0.96 and sum(rs) / len(rs) >= 0.96, (ps, rs)


def _orders_mean(path: Path, seeds: int = 20) -> tuple[float, float]:
    n = len(load_labelled(path))
    ps, rs = [], []
    for seed in range(seeds):
        order = list(range(n))
        random.Random(seed).shuffle(order)
        r = evaluate(path, order=order)
        ps.append(r["precision"])
        rs.append(r["recall"])
    return sum(ps) / len(ps), sum(rs) / len(rs)


def test_blind7_merges_with_its_measured_floor():
    """blind7 (session 7, written blind): file order precision 1.00, recall 0.92; over 21 orders precision
    0.95 -> 0.99 and recall 0.91 after that session's merge rules. Its known misses: militia clashes in one
    city told with three different pairs of actors (a named militia, "a security force", "armed groups"), and
    a region-level report on a day with two events of its type in the region."""
    path = DEDUP / "blind7.yaml"
    r = evaluate(path)
    assert r["precision"] == 1.0 and r["recall"] >= 0.92, r["errors"]
    p, rc = _orders_mean(path)
    assert p >= 0.98 and rc >= 0.90, (p, rc)


def test_blind8_merges_in_every_order():
    """blind8 (session 7, written blind after the merge rules of that session): 1.00 / 1.00 in all 21 orders."""
    path = DEDUP / "blind8.yaml"
    r = evaluate(path)
    assert (r["precision"], r["recall"]) == (1.0, 1.0), r["errors"]
    p, rc = _orders_mean(path, seeds=10)
    assert (p, rc) == (1.0, 1.0), (p, rc)


def test_blind10_merges_with_its_measured_floor():
    """blind10 (session 9, written blind, held out from that session's developers): the hand-coded reports
    merge at 1.00 / 1.00 in file order and 0.98 / 0.99 over 21 orders (min 0.96 / 0.98), on the session's
    first and last code alike. Its pipeline figures (0.83 / 0.32 -> 0.85 / 0.37) are extraction's."""
    path = DEDUP / "blind10.yaml"
    r = evaluate(path)
    assert (r["precision"], r["recall"]) == (1.0, 1.0), r["errors"]
    p, rc = _orders_mean(path, seeds=10)
    assert p >= 0.97 and rc >= 0.98, (p, rc)


def test_blind11_merges_with_its_measured_floor():
    """blind11 (session 9, written blind, then studied): hand-coded 0.93 / 0.93 over 21 orders at the
    session's start; two store rules (a town named like a far district is another place; unplaced villages
    at different region points stay apart) gave 1.00 / 0.96 (file order 1.00 / 0.95). Its known miss: one
    township spelt two ways (Depayin / Tabayin) too short for the consonant test."""
    path = DEDUP / "blind11.yaml"
    r = evaluate(path)
    assert r["precision"] == 1.0 and r["recall"] >= 0.95, r["errors"]
    p, rc = _orders_mean(path, seeds=10)
    assert p >= 0.99 and rc >= 0.95, (p, rc)


def test_blind12_merges_with_its_measured_floor():
    """blind12 (session 10, written blind, held out from that session's developers): the hand-coded reports
    merge at 1.00 / 0.97 in file order and 0.99 / 0.96 over 21 orders (min 0.92 / 0.87) at the session's
    start. Its pipeline figures (0.86 / 0.34 at the start) are extraction's."""
    path = DEDUP / "blind12.yaml"
    r = evaluate(path)
    assert r["precision"] == 1.0 and r["recall"] >= 0.96, r["errors"]
    p, rc = _orders_mean(path, seeds=10)
    assert p >= 0.97 and rc >= 0.93, (p, rc)
