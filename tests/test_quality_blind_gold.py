"""Floors for the gold articles written blind (tests/fixtures/gold_blind/*): events F1 as measured at the
end of session 9 (2026-11-25, commit 2cbfe61; blind7, blind8, blind10 and blind11 raised to session 10's end), less a margin of about one event. A merge that loses an event
on any of them fails here; session 9 found two such regressions (blind4, blind6) only by a manual run.
blind10 was held out that session; its floor guards what it scored then, not a target. blind12 and blind13
were held out in session 10 (2026-11-25) and committed at its end (semi-held-out since)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.evaluation import tasks

SETS = Path(__file__).parent / "fixtures" / "gold_blind"

FLOORS = {  # set: (measured F1, floor)
    "blind2": (0.947, 0.92),
    "blind3": (0.895, 0.86),
    "blind4": (0.895, 0.86),
    "blind5": (0.737, 0.70),
    "blind6": (0.895, 0.86),
    "blind7": (0.652, 0.61),
    "blind8": (0.800, 0.76),
    "blind10": (0.453, 0.41),
    "blind11": (0.667, 0.62),
    "blind12": (0.698, 0.66),  # session 10, held out: 0.698 at its start and end
    "blind13": (0.708, 0.67),  # session 10, held out: 0.676 at its start
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_blind_gold_sets_keep_their_floor(name):
    d = SETS / name
    r = tasks.evaluate_files("events", str(d / "gold_events.jsonl"), inputs=[str(d / "articles")])
    f1 = next(f.value for f in r.figures if f.name == "events: F1")
    assert f1 >= FLOORS[name][1], (name, f1)
