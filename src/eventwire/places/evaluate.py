"""Measuring the places stage on dev data (paths given by the caller; nothing is packaged).

* :func:`eval_geowebnews` -- GeoWebNews ``GWN.xml``: detection recall of the
  gold toponyms that have coordinates, precision of the predicted mentions,
  accuracy within 161 km given detection, and speed of geoparsing alone.
* :func:`eval_event_location` -- ``labeled_text.jsonl.zip`` (Halterman): the
  share of events whose chosen place is the annotated location span.

Run: ``python -m eventwire.places.evaluate --gwn PATH --event-location PATH``.
"""

from __future__ import annotations

import argparse
import json
import time
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import Any

from ..models import Document, Sentence
from ..settings import Settings
from .gazetteer import distance_km

def _overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def eval_geowebnews(path: str | Path, settings: Settings | None = None, limit: int | None = None,
                    with_nlp: bool = True, with_unlisted: bool = True) -> dict[str, Any]:
    """Detection recall, precision, accuracy@161 km on GeoWebNews."""
    from .. import nlp as nlp_stage
    from . import run

    settings = settings or Settings()
    root = ET.parse(str(path)).getroot()
    arts = root.findall("article")[: limit or None]
    gold_n = detected = within = 0
    pred_n = pred_ok = 0
    by_type: dict[str, list[int]] = {}
    place_time = 0.0
    errors: list[str] = []
    for a in arts:
        text = a.findtext("text") or ""
        doc = Document(id=a.get("file", ""), text=text, clean=text)
        if with_nlp:
            nlp_stage.run(doc, settings)
        t0 = time.perf_counter()
        run(doc, settings)
        place_time += time.perf_counter() - t0
        preds = [m for m in doc.mentions if m.kind == "place" and m.value.latitude is not None
                 and (with_unlisted or not m.meta.get("unlisted"))]
        golds_all = []
        for t in a.find("toponyms"):
            s, e = int(t.findtext("start")), int(t.findtext("end"))
            ty = t.findtext("type") or ""
            lat = t.findtext("latitude")
            golds_all.append((s, e, ty, float(lat) if lat else None,
                              float(t.findtext("longitude")) if lat else None, t.findtext("extractedName")))
        for s, e, ty, lat, lon, name in golds_all:
            if lat is None:
                continue
            gold_n += 1
            stats = by_type.setdefault(ty, [0, 0, 0])
            stats[0] += 1
            hit = [m for m in preds if _overlap(m.start, m.end, s, e)]
            if not hit:
                if len(errors) < 4000:
                    errors.append(f"MISS {ty} {name!r} @{a.get('file')}")
                continue
            detected += 1
            stats[1] += 1
            m = hit[0]
            if m.value.latitude is not None and distance_km(m.value.latitude, m.value.longitude, lat, lon) <= 161:
                within += 1
                stats[2] += 1
            elif len(errors) < 4000:
                errors.append(f"WRONG {ty} {name!r} -> {m.value.name}, {m.value.country_code} "
                              f"({m.value.latitude},{m.value.longitude}) gold ({lat},{lon}) @{a.get('file')}")
        for m in preds:
            pred_n += 1
            if any(_overlap(m.start, m.end, s, e) for s, e, ty, *_ in golds_all if ty != "Non_Toponym"):
                pred_ok += 1
            elif len(errors) < 4000:
                errors.append(f"EXTRA {m.text!r} -> {m.value.name}, {m.value.country_code} @{a.get('file')}")
    return {
        "articles": len(arts),
        "gold_toponyms": gold_n,
        "detection_recall": round(detected / gold_n, 4) if gold_n else 0.0,
        "precision": round(pred_ok / pred_n, 4) if pred_n else 0.0,
        "accuracy_161km": round(within / detected, 4) if detected else 0.0,
        "by_type": {k: {"n": v[0], "recall": round(v[1] / v[0], 3), "acc161": round(v[2] / v[1], 3) if v[1] else 0.0}
                    for k, v in sorted(by_type.items())},
        "places_articles_per_s": round(len(arts) / place_time, 1) if place_time else 0.0,
        "errors": errors,
    }


def _span_chars(item: dict, span: dict) -> dict:
    """Character offsets of a span; some rows carry wrong ``start``/``end`` but right token indices."""
    text, toks = item["text"], item.get("tokens") or []
    ts, te = span.get("token_start"), span.get("token_end")
    if toks and ts is not None and te is not None and te < len(toks):
        s, e = toks[ts]["start"], toks[te]["end"]
        if "text" not in span or text[s:e] == span["text"] or text[span["start"]:span["end"]] != span["text"]:
            return {**span, "start": s, "end": e}
    return span


def eval_event_location(path: str | Path, settings: Settings | None = None, limit: int | None = None,
                        with_nlp: bool = True) -> dict[str, Any]:
    """Share of events (VERB spans) whose located place overlaps the gold LOCATION span."""
    from .. import nlp as nlp_stage
    from . import locate_event, run

    settings = settings or Settings()
    with zipfile.ZipFile(str(path)) as z:
        name = next(n for n in z.namelist() if n.endswith(".jsonl") and not n.startswith("__MACOSX"))
        items = json.loads(z.read(name))
    n = ok = no_place = unlocated = cand_present = 0
    errors: list[str] = []
    for it in items:
        spans = it.get("spans") or []
        verbs = [s for s in spans if s.get("label") == "VERB"]
        locs = [s for s in spans if s.get("label") == "LOCATION"]
        if not verbs or not locs or it.get("answer") in ("reject", "ignore"):
            continue
        verbs = [_span_chars(it, v) for v in verbs]
        locs = [_span_chars(it, g) for g in locs]
        n += 1
        if limit and n > limit:
            n -= 1
            break
        text = it["text"]
        doc = Document(id=str(it.get("_id", n)), text=text, clean=text)
        if with_nlp:
            nlp_stage.run(doc, settings)
        else:
            doc.sentences = [Sentence(0, len(text), text, 0)]
        run(doc, settings)
        v = verbs[0]
        s = doc.sentence_of(v["start"])
        places = [m for m in doc.mentions if m.kind == "place"]
        if any(_overlap(m.start, m.end, g["start"], g["end"]) for m in places for g in locs):
            cand_present += 1
        loc = locate_event(doc, s.index if s else 0, v["start"], v["end"], settings)
        if loc is None or loc.mention is None:
            unlocated += 1
            if not places:
                no_place += 1
            continue
        m = loc.mention
        if any(_overlap(m.start, m.end, g["start"], g["end"]) for g in locs):
            ok += 1
        elif len(errors) < 3000:
            gold = "; ".join(text[g["start"]:g["end"]] for g in locs)
            errors.append(f"{text[v['start']:v['end']]!r}: chose {m.text!r}, gold {gold!r} || {text[:200]}")
    return {
        "events": n,
        "accuracy": round(ok / n, 4) if n else 0.0,
        "accuracy_when_gold_place_detected": round(ok / cand_present, 4) if cand_present else 0.0,
        "gold_place_detected": round(cand_present / n, 4) if n else 0.0,
        "unlocated": unlocated,
        "no_place_found": no_place,
        "errors": errors,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gwn", help="path to GeoWebNews GWN.xml")
    ap.add_argument("--event-location", help="path to labeled_text.jsonl.zip")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--blank", action="store_true", help="no spaCy model (degraded mode)")
    ap.add_argument("--errors", type=int, default=0, help="print this many errors")
    args = ap.parse_args(argv)
    settings = Settings(model="blank") if args.blank else Settings()
    for label, fn, p in (("geowebnews", eval_geowebnews, args.gwn), ("event-location", eval_event_location, args.event_location)):
        if not p:
            continue
        res = fn(p, settings, args.limit)
        errs = res.pop("errors")
        print(label, json.dumps(res, indent=1))
        for e in errs[: args.errors]:
            print("  ", e)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
