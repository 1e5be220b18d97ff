"""Measure cross-article deduplication on the hand-written multi-outlet set.

    .venv/bin/python benchmarks/dedup.py                       # file order + 20 shuffled orders
    .venv/bin/python benchmarks/dedup.py --set OTHER.yaml --orders 50 --json
    .venv/bin/python benchmarks/dedup.py --orders 0 --pipeline   # also end to end through the real pipeline

Sets: tests/fixtures/dedup/articles.yaml (the rules were made on it), heldout.yaml
(written after), fresh.yaml (written after the rules were made robust to extraction noise),
blind.yaml (written blind by a team member who read no pipeline code; semi-held-out since).

Each article of the set carries the events an extractor would code from it,
each labelled with the real-world event it reports. The articles are stored
(in file order, then in shuffled orders: merging is online, so order could
matter) and every pair of event reports is judged: merged or not, same
real-world event or not. Prints pairwise merge precision / recall.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SET = ROOT / "tests" / "fixtures" / "dedup" / "articles.yaml"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default=str(DEFAULT_SET), help="labelled article set (YAML)")
    ap.add_argument("--orders", type=int, default=20, help="shuffled orders besides file order")
    ap.add_argument("--db", default=None, help="store to use (default: a temporary SQLite file per run)")
    ap.add_argument("--pipeline", action="store_true",
                    help="also run the raw articles through the real pipeline and judge the merges of what it extracts")
    ap.add_argument("--pipeline-orders", type=int, default=0,
                    help="with --pipeline: also store the extracted articles in N shuffled orders")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    from eventwire.store.dedup_eval import evaluate, load_labelled

    items = load_labelled(args.set)
    n_docs = len(items)
    n_events = sum(len(labels) for _, labels in items)
    n_true = len({lab for _, labels in items for lab in labels})
    runs = [evaluate(args.set, db=args.db)]
    for seed in range(args.orders):
        order = list(range(n_docs))
        random.Random(seed).shuffle(order)
        runs.append(evaluate(args.set, db=args.db, order=order))
    p = [r["precision"] for r in runs]
    r_ = [r["recall"] for r in runs]
    errors = sorted({e for r in runs for e in r["errors"]})
    result = {
        "set": str(Path(args.set).resolve().relative_to(ROOT)) if Path(args.set).resolve().is_relative_to(ROOT)
        else args.set,
        "articles": n_docs, "event_reports": n_events, "true_events": n_true,
        "true_pairs": runs[0]["tp"] + runs[0]["fn"], "orders": len(runs),
        "precision_file_order": p[0], "recall_file_order": r_[0],
        "precision_mean": statistics.mean(p), "precision_min": min(p),
        "recall_mean": statistics.mean(r_), "recall_min": min(r_),
        "errors": errors,
    }
    if args.pipeline:
        from eventwire.store.dedup_eval import evaluate_pipeline

        from eventwire.store.dedup_eval import extract_set

        extracted = extract_set(args.set)
        e2e = evaluate_pipeline(args.set, db=args.db, extracted_set=extracted)
        runs_e2e = [e2e]
        for seed in range(args.pipeline_orders):
            order = list(range(len(extracted)))
            random.Random(seed).shuffle(order)
            runs_e2e.append(evaluate_pipeline(args.set, db=args.db, extracted_set=extracted, order=order))
        e2e["orders"] = len(runs_e2e)
        e2e["precision_mean"] = statistics.mean(r["precision"] for r in runs_e2e)
        e2e["precision_min"] = min(r["precision"] for r in runs_e2e)
        e2e["recall_mean"] = statistics.mean(r["recall"] for r in runs_e2e)
        e2e["recall_min"] = min(r["recall"] for r in runs_e2e)
        e2e["errors_all_orders"] = sorted({x for r in runs_e2e for x in r["errors"]})
        result["pipeline"] = e2e
    if args.json:
        json.dump(result, sys.stdout, indent=2)
        print()
    else:
        print(f"set: {result['set']}: {n_docs} articles, {n_events} event reports of {n_true} events, "
              f"{result['true_pairs']} pairs that should merge")
        print(f"file order:      precision {p[0]:.3f}  recall {r_[0]:.3f}")
        print(f"{len(runs)} orders:      precision mean {result['precision_mean']:.3f} (min {min(p):.3f})  "
              f"recall mean {result['recall_mean']:.3f} (min {min(r_):.3f})")
        for e in errors:
            print("  " + e)
        if args.pipeline:
            e = result["pipeline"]
            print(f"end to end (real pipeline): {e['extracted']} events extracted ({e['spurious']} match no "
                  f"hand-coded report), {e['true_events_found']} of {e['true_events_total']} real events found; "
                  f"cross-article merges: precision {e['precision']:.3f}  recall {e['recall']:.3f} "
                  f"({e['tp'] + e['fn']} pairs to merge)")
            if e["orders"] > 1:
                print(f"end to end, {e['orders']} orders: precision mean {e['precision_mean']:.3f} "
                      f"(min {e['precision_min']:.3f})  recall mean {e['recall_mean']:.3f} (min {e['recall_min']:.3f})")
            for x in (e["errors_all_orders"] if e["orders"] > 1 else e["errors"]):
                print("  " + x)
    return 0


if __name__ == "__main__":
    sys.exit(main())
