"""Issue 4: the geoparser on two toponym sets written blind on 2026-11-25 (tests/fixtures/toponyms_blind).

Both were written by team members who read no places code and no tests, in the LGL/TR-News XML format,
every toponym annotated with coordinates from memory. topo1 (40 short articles, 683 toponyms, many traps:
Paris, Texas; Tripoli; Springfield; Georgia) was then studied by a developer; topo2 (40 ordinary articles,
742 toponyms, `uncertain` flags on coordinates the writer was not sure of) was held out and scored only by
the lead, at the session's start and end. The floors are the measured figures less a margin; a fall below
one is a regression on text nobody fitted the rules to. Far errors that remain are mostly the gold's
convention: a country, state, river or region at the writer's guessed centre, not GeoNames' point
(README.md there).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.evaluation import tasks

SETS = Path(__file__).parent / "fixtures" / "toponyms_blind"


def _figures(name: str) -> dict[str, float]:
    path = str(SETS / name)
    r = tasks.evaluate_files("toponyms", path, inputs=[path])
    return {f.name: f.value for f in r.figures}


@pytest.mark.parametrize("name, detection, within_161", [
    ("topo1.xml", 0.91, 0.88),   # measured 0.922 / 0.897 (start of session 9: 0.883 / 0.842)
    ("topo2.xml", 0.90, 0.90),   # measured 0.916 / 0.912 (first run, held out: 0.895 / 0.904)
    ("topo3.xml", 0.93, 0.88),   # session 10, held out: 0.929 / 0.903 at its start, 0.950 / 0.904 at its end
])
def test_blind_toponym_sets_keep_their_measured_floors(name, detection, within_161):
    f = _figures(name)
    det = next(v for k, v in f.items() if k.startswith("detection recall"))
    acc = next(v for k, v in f.items() if k.startswith("within 161 km"))
    assert det >= detection, f
    assert acc >= within_161, f
