"""The same incident told by four kinds of outlet must be coded the same.

tests/fixtures/paraphrase/incidents.yaml holds ~20 fictional incidents, each told
as terse wire copy, a local paper with quotes, a government/military statement
with its own labels ("terrorists", "neutralised", "martyred") and an NGO report
in the passive voice, with the expected ACLED coding. The figures here are
per-field agreement with the expected coding and, per incident, the share of
versions coded identically. Run as a script for the full table:

    PYTHONPATH=src python tests/test_paraphrase_consistency.py
"""
from __future__ import annotations

import datetime as dt
import re
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

FIXTURE = Path(__file__).parent / "fixtures" / "paraphrase" / "incidents.yaml"
STYLES = ("wire", "local", "statement", "ngo")
AGENCY = {"wire": "Reuters", "local": "Local Correspondent", "statement": "Press release",
          "ngo": "Situation report"}
FIELDS = ("event_type", "sub_event_type", "actor1", "actor2", "fatalities", "event_date",
          "location")
_PERIOD = re.compile(r"\s*\(\d{4}-(\d{4})?\)$")


HOLDOUT = FIXTURE.with_name("incidents_holdout.yaml")


def load_incidents(path: Path = FIXTURE) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["incidents"]


def article(inc: dict, style: str) -> str:
    headline, _, body = inc["versions"][style].strip().partition("\n")
    pub: dt.date = inc["published"]
    return (f"{headline}\n{AGENCY[style]}\nPublished: {pub.strftime('%a %d %b %Y')} 10.00 GMT\n"
            f"{body}\n")


def _actor(name: str) -> str:
    return _PERIOD.sub("", (name or "").strip())


def _same_actor(gold: str, pred: str) -> bool:
    """The scorer's name match (eventwire eval), plus both empty."""
    from eventwire.evaluation.metrics import actor_names_match

    return gold == pred if not gold or not pred else actor_names_match(gold, pred)


def field_ok(exp: dict, row: dict, f: str) -> bool:
    if f in ("actor1", "actor2"):
        e1, e2 = _actor(exp["actor1"]), _actor(exp.get("actor2", ""))
        p1, p2 = _actor(row["actor1"]), _actor(row["actor2"])
        same = _same_actor
        if exp["event_type"] == "Battles" and row["event_type"] == "Battles":
            # a battle's order is not significant: either pairing of the two sides
            if same(e1, p1) and same(e2, p2) or same(e1, p2) and same(e2, p1):
                return True
            return same(e1, p1) if f == "actor1" else same(e2, p2)
        return same(e1, p1) if f == "actor1" else same(e2, p2)
    if f == "event_date":
        return str(exp["event_date"]) == str(row["event_date"])
    if f == "fatalities":
        return int(exp["fatalities"]) == int(row["fatalities"] or 0)
    if f == "location":  # "A|B": the place under any of its names
        return any(n.lower() == (row["location"] or "").lower() for n in exp["location"].split("|"))
    return str(exp[f]) == str(row[f])


def code_all(incidents: list[dict]) -> dict[tuple[str, str], dict | None]:
    """The best-matching predicted event (as an ACLED row) per (incident, style)."""
    from eventwire.api import extract

    out: dict[tuple[str, str], dict | None] = {}
    for inc in incidents:
        for style in STYLES:
            rows = [e.acled_row() for e in extract(article(inc, style), published=inc["published"],
                                                   source=AGENCY[style], doc_id=f"{inc['id']}--{style}")]
            best = max(rows, key=lambda r: sum(field_ok(inc["expected"], r, f) for f in FIELDS),
                       default=None)
            if best is not None:
                best["_n_events"] = len(rows)
            out[(inc["id"], style)] = best
    return out


def _signature(row: dict | None) -> tuple:
    if row is None:
        return ("<none>",)
    a = (_actor(row["actor1"]), _actor(row["actor2"]))
    if row["event_type"] == "Battles":
        a = tuple(sorted(a))
    return (row["sub_event_type"], *a, int(row["fatalities"] or 0), row["event_date"],
            (row["location"] or "").lower())


def figures(incidents: list[dict], coded: dict) -> dict:
    per_field = Counter()
    n = 0
    all_ok = 0
    consistency = []
    identical = 0
    extra = 0
    for inc in incidents:
        sigs = []
        for style in STYLES:
            row = coded[(inc["id"], style)]
            n += 1
            oks = [row is not None and field_ok(inc["expected"], row, f) for f in FIELDS]
            for f, ok in zip(FIELDS, oks):
                per_field[f] += ok
            all_ok += all(oks)
            extra += bool(row) and row["_n_events"] > 1
            sigs.append(_signature(row))
        top = Counter(sigs).most_common(1)[0][1]
        consistency.append(top / len(STYLES))
        identical += top == len(STYLES)
    return {
        "n": n,
        "per_field": {f: per_field[f] / n for f in FIELDS},
        "all_fields": all_ok / n,
        "consistency": sum(consistency) / len(consistency),
        "incidents_identical": identical,
        "incidents": len(incidents),
        "versions_with_extra_events": extra,
    }


@pytest.fixture(scope="module")
def paraphrase_run():
    incidents = load_incidents()
    return incidents, code_all(incidents)


def test_fixture_is_well_formed():
    incidents = load_incidents()
    assert len(incidents) >= 20
    for inc in incidents:
        assert set(inc["versions"]) == set(STYLES), inc["id"]
        exp = inc["expected"]
        assert {"event_type", "sub_event_type", "actor1", "fatalities", "event_date",
                "location"} <= set(exp), inc["id"]
        assert exp["event_date"] <= inc["published"]


def test_every_version_yields_an_event(paraphrase_run):
    incidents, coded = paraphrase_run
    missing = [k for k, v in coded.items() if v is None]
    assert len(missing) <= 2, missing


def test_field_agreement_floor(paraphrase_run):
    incidents, coded = paraphrase_run
    fig = figures(incidents, coded)
    # floors set a little under the figures measured on 2026-11-24 (see report)
    # (before round 4: type .90, sub-type .86, actor1 .71, actor2 .75, fatalities .63, date .90, place .80)
    floors = {"event_type": 0.95, "sub_event_type": 0.93, "actor1": 0.88, "actor2": 0.88,
              "fatalities": 0.9, "event_date": 0.95, "location": 0.82}
    low = {f: round(v, 3) for f, v in fig["per_field"].items() if v < floors[f]}
    assert not low, low


def test_paraphrases_are_coded_alike(paraphrase_run):
    incidents, coded = paraphrase_run
    fig = figures(incidents, coded)
    # share of an incident's four versions coded identically (before round 4: 0.43)
    assert fig["consistency"] >= 0.72, fig
    assert fig["all_fields"] >= 0.72, fig


def main() -> None:  # pragma: no cover - a reporting helper
    incidents = load_incidents(HOLDOUT if "--holdout" in sys.argv else FIXTURE)
    coded = code_all(incidents)
    fig = figures(incidents, coded)
    for inc in incidents:
        for style in STYLES:
            row = coded[(inc["id"], style)]
            bad = [f for f in FIELDS if row is None or not field_ok(inc["expected"], row, f)]
            if bad:
                got = "no event" if row is None else "; ".join(
                    f"{f}={row[f]!s}" for f in bad)
                print(f"{inc['id']:<28} {style:<9} {got}")
    print()
    for f, v in fig["per_field"].items():
        print(f"{f:<16} {v:.3f}")
    for k in ("all_fields", "consistency", "incidents_identical", "incidents",
              "versions_with_extra_events"):
        print(f"{k:<16} {fig[k]}")


if __name__ == "__main__":  # pragma: no cover
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    main()
