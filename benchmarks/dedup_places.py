"""Place accuracy of extracted events on the dedup sets.

    .venv/bin/python benchmarks/dedup_places.py [--sets blind4,blind3] [--dump rows.json]

For each extracted event that matches a hand-coded report (same article, same event type;
matched as dedup_eval._label_of does: the report whose evidence holds the trigger, else most
overlapping evidence, restricted to reports of the same event type), compare coordinates and
admin1 with the hand-coded place. Prints share within 25 km and admin1 right per set, split
by even/odd article index in the file. --dump FILE writes per-event rows (JSON).
"""
import argparse, json, math, sys, unicodedata
from pathlib import Path


SETS = ["articles", "heldout", "fresh", "blind", "blind2", "blind3", "blind4"]


def km(a, b, c, d):
    r = math.radians
    x = math.sin(r(c - a) / 2) ** 2 + math.cos(r(a)) * math.cos(r(c)) * math.sin(r(d - b) / 2) ** 2
    return 12742 * math.asin(math.sqrt(min(1, x)))


def norm(s):
    s = unicodedata.normalize("NFKD", s or "").encode("ascii", "ignore").decode().lower()
    for w in (" region", " state", " province", " county", " governorate", " department", " division", " district", " oblast", "-"):
        s = s.replace(w, " ")
    return " ".join(s.split())


def ov(a, b):
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wt", default=str(Path(__file__).resolve().parents[1]), help="repository root (holds tests/fixtures/dedup)")
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--dump")
    a = ap.parse_args()
    from eventwire.pipeline import Pipeline
    from eventwire.store.dedup_eval import extract_set
    pipe = Pipeline()
    rows = []
    for name in a.sets.split(","):
        path = Path(a.wt) / "tests/fixtures/dedup" / f"{name}.yaml"
        for idx, (gold, labels, doc) in enumerate(extract_set(path, pipe)):
            gspans = [(e.evidence[0].start, e.evidence[0].end) for e in gold.events]
            for ev in doc.events:
                cands = [i for i, g in enumerate(gold.events) if g.event_type == ev.event_type]
                if not cands:
                    continue
                best = None
                trig = ev.provenance.get("sub_event_type")
                if trig:
                    hold = [i for i in cands if ov((trig.start, trig.end), gspans[i]) == trig.end - trig.start]
                    if len(hold) == 1:
                        best = hold[0]
                if best is None:
                    bo = 0
                    for i in cands:
                        o = max((ov((x.start, x.end), gspans[i]) for x in ev.evidence), default=0)
                        if o > bo:
                            best, bo = i, o
                if best is None:
                    continue
                g = gold.events[best]
                if g.latitude is None:
                    continue
                d = km(ev.latitude, ev.longitude, g.latitude, g.longitude) if ev.latitude is not None else None
                rows.append(dict(set=name, idx=idx, doc=gold.id, type=ev.event_type, label=labels[best],
                                 km=None if d is None else round(d, 1), a1_ok=norm(ev.admin1) == norm(g.admin1),
                                 got=f"{ev.location}|{ev.admin1}|{ev.country}|{ev.geo_precision}",
                                 want=f"{g.location}|{g.admin1}|{g.country}|{g.geo_precision}",
                                 ev=(ev.evidence[0].text[:200] if ev.evidence else "")))
    print(f"{'set':9} {'part':5} {'n':>4} {'<=25km':>7} {'admin1':>7}")
    for name in a.sets.split(",") + ["ALL"]:
        for part in ("even", "odd", "all"):
            rs = [r for r in rows if (name == "ALL" or r["set"] == name)
                  and (part == "all" or (r["idx"] % 2 == 0) == (part == "even"))]
            if not rs:
                continue
            n = len(rs)
            w = sum(1 for r in rs if r["km"] is not None and r["km"] <= 25)
            ad = sum(1 for r in rs if r["a1_ok"])
            print(f"{name:9} {part:5} {n:4} {w / n:7.1%} {ad / n:7.1%}")
    if a.dump:
        Path(a.dump).write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
