"""Measurements for the events stage (called by ``eventwire.evaluation`` / ``make eval``).

Every function takes a path and returns a plain dict of figures (plus a few examples of
errors), so the evaluation runner can print them to ``docs/evaluation.md``.

* :func:`labelled` -- our own labelled sentences (``tests/fixtures/labelled_sentences.jsonl``):
  sub-event type weighted F1, non-event rejection, date and fatality exactness.
* :func:`wikievents` -- WikiEvents dev (KAIROS): sentence-level detection of attack /
  explosion / demonstration / arrest events, mapped to ACLED event types (approximate).
* :func:`plover` -- PLOVER gold-standard sentences mapped roughly to ACLED (approximate).
* :func:`hrdsattack_dates` -- HRDsAttack dev: event date of the main event vs. gold date.
"""

from __future__ import annotations

import datetime as dt
import html as _html
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from .detect import detect_sentence
from .lexicon import load_lexicon


# --------------------------------------------------------------------------- metrics
def weighted_f1(gold: list[str], pred: list[str], labels: list[str] | None = None) -> dict[str, Any]:
    """Per-class precision/recall/F1 and the support-weighted F1 over ``labels``
    (default: every gold class)."""
    labels = labels or sorted(set(gold))
    support = Counter(gold)
    per: dict[str, dict[str, float]] = {}
    total = 0.0
    n = 0
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, pred) if g != lab and p == lab)
        fn = sum(1 for g, p in zip(gold, pred) if g == lab and p != lab)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[lab] = {"precision": round(prec, 3), "recall": round(rec, 3), "f1": round(f1, 3), "support": support[lab]}
        total += f1 * support[lab]
        n += support[lab]
    return {"weighted_f1": round(total / n, 4) if n else 0.0, "per_class": per, "n": len(gold)}


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", text.strip()) if s]


def sentence_types(text: str, published: dt.date | None = None) -> list[str]:
    """The sub-event types of the events one sentence tells (as the pipeline reads it)."""
    from .dates import find_dates

    dates = find_dates(text, published)
    if any(d.kind == "future" for d in dates) and not any(d.usable for d in dates):
        return []
    has_date = any(d.usable and d.kind != "relative-event" for d in dates)
    return [c.sub_event_type for c in detect_sentence(text, has_date=has_date) if not c.reference]


def classify_text(text: str, published: dt.date | None = None) -> str:
    """The sub-event type of the main event in a short text (one or a few sentences)."""
    lex = load_lexicon()
    best = None
    for s in _sentences(text):
        from .dates import find_dates

        dates = find_dates(s, published)
        if any(d.kind == "future" for d in dates) and not any(d.usable for d in dates):
            continue
        has_date = any(d.usable and d.kind != "relative-event" for d in dates)
        for c in detect_sentence(s, has_date=has_date, lex=lex):
            if c.reference:
                continue
            key = (lex.types[c.sub_event_type].precedence, -c.strength)
            if best is None or key < best[0]:
                best = (key, c.sub_event_type)
    return best[1] if best else "none"


# --------------------------------------------------------------------------- our labelled set
def labelled(path: str | Path) -> dict[str, Any]:
    """Figures on our labelled sentences (each line: text, sub_event_type or "none", ...)."""
    from ..api import extract

    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    gold, pred, errors = [], [], []
    dates_ok = dates_n = fat_ok = fat_n = 0
    for row in rows:
        pub = dt.date.fromisoformat(row["published"]) if row.get("published") else None
        p = classify_text(row["text"], pub)
        gold.append(row["sub_event_type"])
        pred.append(p)
        if p != row["sub_event_type"]:
            errors.append({"text": row["text"], "gold": row["sub_event_type"], "pred": p})
        if "event_date" in row or "fatalities" in row:
            events = extract(text=row["text"], published=row.get("published"))
            main = max(events, key=lambda e: e.confidence) if events else None
            if "event_date" in row:
                dates_n += 1
                dates_ok += bool(main and main.event_date == row["event_date"])
            if "fatalities" in row:
                fat_n += 1
                fat_ok += bool(main and main.fatalities == row["fatalities"]) or (not main and row["fatalities"] == 0)
    events_only = [(g, p) for g, p in zip(gold, pred) if g != "none"]
    nonevents = [p for g, p in zip(gold, pred) if g == "none"]
    labels = sorted({g for g in gold if g != "none"})
    return {
        "sentences": len(rows),
        "sub_event_type_weighted_f1": weighted_f1(gold, pred, labels)["weighted_f1"],
        "sub_event_type_weighted_f1_with_none": weighted_f1(gold, pred)["weighted_f1"],
        "event_type_accuracy_on_events": round(
            sum(1 for g, p in events_only if p != "none" and load_lexicon().types[g].event_type == load_lexicon().types[p].event_type)
            / max(len(events_only), 1), 4),
        "non_event_rejection": round(sum(1 for p in nonevents if p == "none") / max(len(nonevents), 1), 4),
        "non_event_sentences": len(nonevents),
        "event_date_exact": round(dates_ok / dates_n, 4) if dates_n else None,
        "event_date_n": dates_n,
        "fatalities_exact": round(fat_ok / fat_n, 4) if fat_n else None,
        "fatalities_n": fat_n,
        "per_class": weighted_f1(gold, pred)["per_class"],
        "errors": errors,
    }


# --------------------------------------------------------------------------- WikiEvents
WIKIEVENTS_MAP = {
    # KAIROS type prefix -> ACLED event type (approximate: KAIROS has no protest/battle split)
    "Conflict.Attack.DetonateExplode": "Explosions/Remote violence",
    "Conflict.Attack": "violence",  # Battles, Explosions or Violence against civilians
    "Conflict.Demonstrate": "Protests",  # Protests or Riots
    "Justice.ArrestJailDetain": "Strategic developments",
}


def _kairos_to_acled(t: str) -> str | None:
    for k, v in WIKIEVENTS_MAP.items():
        if t.startswith(k):
            return v
    return None


def _match(gold: str, event_type: str) -> bool:
    if gold == "violence":
        return event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians")
    if gold == "Protests":
        return event_type in ("Protests", "Riots")
    return gold == event_type


def wikievents(path: str | Path) -> dict[str, Any]:
    """Sentence-level event detection on WikiEvents dev.

    A sentence is positive when it holds a mapped KAIROS trigger (attack, explosion,
    demonstration, arrest). Detection: precision/recall/F1 of "has an event"; typing:
    share of detected positive sentences whose ACLED event type fits the KAIROS type.
    """
    tp = fp = fn = tn = typed_ok = 0
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        gold_by_sent: dict[int, set[str]] = {}
        for e in d["event_mentions"]:
            m = _kairos_to_acled(e["event_type"])
            if m:
                gold_by_sent.setdefault(e["trigger"]["sent_idx"], set()).add(m)
        for i, sent in enumerate(d["sentences"]):
            text = sent[1] if isinstance(sent, list) and len(sent) > 1 else str(sent)
            cands = [c for c in detect_sentence(text, has_date=True) if not c.reference]
            gold = gold_by_sent.get(i)
            if gold and cands:
                tp += 1
                typed_ok += any(_match(g, c.event_type) for g in gold for c in cands)
            elif gold:
                fn += 1
            elif cands:
                fp += 1
            else:
                tn += 1
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "sentences": tp + fp + fn + tn, "positive": tp + fn,
        "detection_precision": round(p, 3), "detection_recall": round(r, 3),
        "detection_f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
        "event_type_fit_on_detected": round(typed_ok / tp, 3) if tp else 0.0,
        "note": "KAIROS types mapped to ACLED event types (approximate); KAIROS also marks "
                "hypothetical and background mentions, which eventwire rejects by design.",
    }


# --------------------------------------------------------------------------- PLOVER
def plover_gold(ev: dict[str, Any]) -> str | None:
    """A rough ACLED event type for a PLOVER event ("none" for verbal / diplomatic events)."""
    e, mode = ev.get("event", ""), ev.get("mode", "")
    if e in ("AGREE", "AID", "CONSULT", "DEMAND", "DISAPPROVE", "REJECT", "SUPPORT", "SANCTION",
             "THREATEN", "CONCEDE", "INVESTIGATE", "COOPERATE", "RETREAT"):
        return "none"
    if e == "ASSAULT":
        if mode in ("explosives", "suicide-attack"):
            return "Explosions/Remote violence"
        return "Violence against civilians"
    if e == "FIGHT":
        return "violence"
    if e == "PROTEST":
        if mode.startswith("riot"):
            return "Riots"
        return "Protests"
    if e == "COERCE":
        if mode in ("arrest", "detain"):
            return "Strategic developments"
        if mode in ("destroy",):
            return "Strategic developments"
        return None
    if e == "MOBILIZE":
        return "Strategic developments"
    return None


def plover(path: str | Path) -> dict[str, Any]:
    """PLOVER gold sentences: non-event rejection on verbal/diplomatic events, detection and
    event-type fit on violent, protest and coercion events (the mapping is approximate)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    none_ok = none_n = ev_n = det = typed = 0
    confusions = Counter()
    for ev in data:
        if "text" not in ev:
            continue
        g = plover_gold(ev)
        if g is None:
            continue
        cands = [c for c in detect_sentence(ev["text"], has_date=True) if not c.reference]
        if g == "none":
            none_n += 1
            none_ok += not cands
            if cands:
                confusions[(ev["event"], cands[0].sub_event_type)] += 1
            continue
        ev_n += 1
        if cands:
            det += 1
            typed += any(_match(g, c.event_type) or (g == "violence" and c.event_type == "Battles") for c in cands)
    return {
        "non_event_sentences": none_n,
        "non_event_rejection": round(none_ok / none_n, 3) if none_n else None,
        "event_sentences": ev_n,
        "event_recall": round(det / ev_n, 3) if ev_n else None,
        "event_type_fit_on_detected": round(typed / det, 3) if det else None,
        "false_events_by_plover_type": {f"{a} -> {b}": n for (a, b), n in confusions.most_common(10)},
        "note": "PLOVER -> ACLED mapping is approximate (PLOVER verbal/diplomatic events count as non-events).",
    }


# --------------------------------------------------------------------------- HRDsAttack
def _hrds_text(sample: dict[str, Any]) -> str:
    raw = sample.get("Input.article_interface", "")
    paras = re.findall(r"<p>(.*?)</p>", raw, flags=re.S) or [raw]
    return "\n".join(_html.unescape(re.sub(r"<[^>]+>", " ", p)).strip() for p in paras if p.strip())


def _hrds_gold(ann: dict[str, Any]) -> dt.date | None:
    try:
        y = int(float(ann.get("year")))
        m = ann.get("month")
        m = int(float(m)) if str(m).replace(".", "").isdigit() else dt.datetime.strptime(str(m)[:3], "%b").month
        d = int(float(ann.get("date")))
        return dt.date(y, m, d)
    except (TypeError, ValueError):
        return None


def main_event(events: list) -> Any:
    """The article's main event: the first told whose date is read from the text (the lead
    of a news story), else the first told."""
    def pos(e):
        return min((x.start for x in e.evidence), default=0)
    dated = [e for e in events if "event_date" in e.provenance and e.confidence >= 0.5]
    return min(dated or events, key=pos)


def hrdsattack_dates(path: str | Path, limit: int | None = None) -> dict[str, Any]:
    """Event date of the main event (:func:`main_event`) vs. HRDsAttack gold year/month/day.

    Only articles whose merged annotation gives a full day count (30 of the 100 dev articles).
    Also reports how often *some* extracted event has the gold date.
    """
    from ..api import extract

    data = json.loads(Path(path).read_text(encoding="utf-8"))
    n = exact = no_event = fallback_pub = any_ok = 0
    misses = []
    for item in data[:limit] if limit else data:
        gold = _hrds_gold(item.get("merged_sample") or {})
        if gold is None:
            continue
        s = item["sample"]
        pub = (s.get("Input.publish_date") or "")[:10] or None
        events = extract(text=_hrds_text(s), published=pub, title=s.get("Input.title"))
        n += 1
        if not events:
            no_event += 1
            pred = pub
        else:
            main = main_event(events)
            pred = main.event_date
            fallback_pub += "event_date" not in main.provenance
        any_ok += any(e.event_date == gold.isoformat() for e in events)
        if pred == gold.isoformat():
            exact += 1
        elif len(misses) < 10:
            misses.append({"gold": gold.isoformat(), "pred": pred, "published": pub})
    return {
        "articles": n, "event_date_exact": round(exact / n, 4) if n else None,
        "some_event_has_gold_date": round(any_ok / n, 4) if n else None,
        "articles_without_event": no_event, "main_event_dated_by_publication": fallback_pub,
        "misses": misses,
    }


# --------------------------------------------------------------------------- all at once
def run_all(data: str | Path | None, labelled_path: str | Path | None = None) -> dict[str, Any]:
    """Every events figure: our labelled sentences, and the dev sets found under ``data``
    (``../shared/data``: wikievents/, plover-gsr/, hrdsattack/); missing sets are skipped."""
    out: dict[str, Any] = {}
    if labelled_path:
        paths = [Path(labelled_path)]
    else:
        fx = Path(__file__).resolve().parents[3] / "tests" / "fixtures"
        paths = [fx / f"labelled_sentences{x}.jsonl" for x in ("", "_holdout", "_fresh", "_fresh2", "_fresh3", "_fresh4", "_fresh5")]
    for lp in paths:
        if lp.exists():
            out[lp.stem] = labelled(lp)
    if data:
        d = Path(data)
        if (d / "wikievents" / "dev.jsonl").exists():
            out["wikievents"] = wikievents(d / "wikievents" / "dev.jsonl")
        if (d / "plover-gsr" / "PLOVER_GSR_CAMEO.txt").exists():
            out["plover"] = plover(d / "plover-gsr" / "PLOVER_GSR_CAMEO.txt")
        if (d / "hrdsattack" / "dev.json").exists():
            out["hrdsattack_dates"] = hrdsattack_dates(d / "hrdsattack" / "dev.json")
    return out


def to_markdown(results: dict[str, Any]) -> str:
    """The figures of :func:`run_all` as a markdown section."""
    lines = ["## Events stage (issue 5)", ""]
    for name, figs in results.items():
        lines.append(f"### {name}")
        lines.append("")
        lines.append("| figure | value |")
        lines.append("|---|---|")
        for k, v in figs.items():
            if isinstance(v, (dict, list)):
                continue
            lines.append(f"| {k} | {v} |")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(description="events-stage figures (python -m eventwire.events.evaluate)")
    ap.add_argument("--data", default=None, help="dev data folder (../shared/data)")
    ap.add_argument("--labelled", default=None, help="labelled sentences JSONL")
    ap.add_argument("--json", action="store_true", help="print JSON instead of markdown")
    a = ap.parse_args(argv)
    res = run_all(a.data, a.labelled)
    print(json.dumps(res, indent=1, default=str) if a.json else to_markdown(res))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
