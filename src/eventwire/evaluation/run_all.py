"""Run every dev evaluation whose data is present and write docs/evaluation.md.

    python -m eventwire.evaluation.run_all --data ../shared/data --out docs/evaluation.md

The report written to ``--out`` is exactly what is printed. Without the data
folder nothing runs and the existing report is left alone (exit status 0).
Sample sizes are fixed (and seeded) so runs are comparable; they are printed in the report.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from .. import __version__
from ..settings import Settings
from . import readers, tasks
from .report import full_report
from .tasks import TaskResult

# name -> (reader, evaluation, description)
FIXTURES = Path(__file__).resolve().parents[3] / "tests" / "fixtures"  # in a source checkout


def _actors_read(data: Path, examples: Path, o: argparse.Namespace) -> readers.DevSet:
    from ..actors import evaluate as actor_eval

    return actor_eval.read_devset(data, examples, o)


def _actors_eval(ds: readers.DevSet, settings: Settings) -> TaskResult:
    from ..actors import evaluate as actor_eval

    t0 = time.perf_counter()
    r = actor_eval.task_result(ds, settings)
    r.seconds = time.perf_counter() - t0
    return r


DEV_SETS: dict[str, tuple[Callable[..., readers.DevSet], Callable[..., TaskResult], str]] = {
    "baghuz": (lambda data, examples, o: readers.baghuz(examples), tasks.eval_baghuz, "Baghuz example"),
    "gold-set": (lambda data, examples, o: readers.gold_set(Path(o.fixtures) / "gold"), tasks.eval_gold_set,
                 "Gold set (hand-written articles, events task)"),
    # the events stage's labelled sentences other than its working set (labelled_sentences.jsonl)
    "sentences": (lambda data, examples, o: readers.labelled_sentences(
        sorted(Path(o.fixtures).glob("labelled_sentences_*.jsonl")) or [Path(o.fixtures) / "labelled_sentences_holdout.jsonl"]),
        tasks.eval_sentences, "Labelled sentences (types task)"),
    "hrdsattack": (lambda data, examples, o: readers.hrdsattack(data, sample=o.hrds), tasks.eval_hrdsattack,
                   "HRDsAttack (full articles)"),
    "wikievents": (lambda data, examples, o: readers.wikievents(data), tasks.eval_wikievents,
                   "WikiEvents (KAIROS events, full documents)"),
    "plover": (lambda data, examples, o: readers.plover_gsr(data), tasks.eval_plover, "PLOVER GSR (single sentences)"),
    "event-location": (lambda data, examples, o: readers.event_location(data, sample=o.event_location),
                       tasks.eval_event_location, "event-location (which place is the event's)"),
    "geowebnews": (lambda data, examples, o: readers.geowebnews(data, sample=o.gwn), tasks.eval_geowebnews,
                   "GeoWebNews (toponyms)"),
    "ucdp": (lambda data, examples, o: readers.ucdp_ged(data, sample=o.ucdp), tasks.eval_ucdp,
             "UCDP GED Iraq (headlines)"),
    # the actors helper's role figures (gold trigger given), see eventwire.actors.evaluate
    "actors": (_actors_read, _actors_eval, "Actor roles (trigger given)"),
}


def _opt_int(s: str) -> int | None:
    return None if s.lower() in ("all", "0", "") else int(s)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m eventwire.evaluation.run_all", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.environ.get("EVENTWIRE_DATA", "../shared/data"),
                    help="folder of the dev sets (default $EVENTWIRE_DATA or ../shared/data)")
    ap.add_argument("--examples", default=None, help="folder of the worked examples (default DATA/../examples)")
    ap.add_argument("--fixtures", default=str(FIXTURES),
                    help="the project's gold set and labelled sentences (default tests/fixtures of the checkout)")
    ap.add_argument("--out", default="docs/evaluation.md", help="report to write ('-' prints only)")
    ap.add_argument("--only", default="", help=f"comma-separated subset of: {', '.join(DEV_SETS)}")
    ap.add_argument("--hrds", type=_opt_int, default=None, help="HRDsAttack dev articles to use (default all 100)")
    ap.add_argument("--event-location", type=_opt_int, default=400, help="event-location sentences (default 400)")
    ap.add_argument("--gwn", type=_opt_int, default=None, help="GeoWebNews articles (default all 200)")
    ap.add_argument("--ucdp", type=_opt_int, default=500, help="UCDP headlines (default 500)")
    ap.add_argument("--errors", type=int, default=8, help="worst errors listed per dev set")
    return ap.parse_args(argv)


def run(opts: argparse.Namespace, log: Callable[[str], None]) -> list[TaskResult] | None:
    data = Path(opts.data)
    if not data.is_dir():
        log(f"eventwire eval: no dev data at {data} (set EVENTWIRE_DATA to the folder of the dev sets); skipped")
        return None
    examples = Path(opts.examples) if opts.examples else data.parent / "examples"
    wanted = [n.strip() for n in opts.only.split(",") if n.strip()] or list(DEV_SETS)
    unknown = [n for n in wanted if n not in DEV_SETS]
    if unknown:
        raise SystemExit(f"unknown dev set(s): {', '.join(unknown)}; known: {', '.join(DEV_SETS)}")
    settings = Settings()
    results: list[TaskResult] = []
    for name in wanted:
        read, evaluate, title = DEV_SETS[name]
        try:
            ds = read(data, examples, opts)
        except FileNotFoundError as exc:
            log(f"{title}: data not found ({exc}); skipped")
            results.append(TaskResult(title, skipped=f"data not found ({exc})"))
            continue
        log(f"{title}: {ds.note} ...")
        t0 = time.perf_counter()
        try:
            r = evaluate(ds, settings)
        except Exception as exc:  # noqa: BLE001 - one broken evaluation must not lose the others
            log(f"{title}: FAILED\n{traceback.format_exc()}")
            results.append(TaskResult(title, sample=ds.note, skipped=f"failed: {type(exc).__name__}: {exc}"))
            continue
        log(f"{title}: done in {time.perf_counter() - t0:.1f} s")
        results.append(r)
    return results


def header(opts: argparse.Namespace, started: dt.datetime, seconds: float) -> list[str]:
    try:
        from ..nlp import model_name

        model = model_name(Settings())
    except Exception:  # noqa: BLE001 - the header must not fail the report
        model = "?"
    return [
        f"Generated by `make eval` (`python -m eventwire.evaluation.run_all`) on "
        f"{started:%Y-%m-%d %H:%M} UTC in {seconds:.0f} s: eventwire {__version__}, spaCy model `{model}`, "
        f"dev data from `{opts.data}`.",
        "",
        "These are **dev** figures: the data sets were read while building eventwire. Samples are fixed and "
        "seeded (seed 0) so runs compare; each section says its sample size. Rerun: `make eval` "
        "(or `eventwire eval --help` for one gold file).",
    ]


def main(argv: Sequence[str] | None = None) -> int:
    opts = parse_args(argv)

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    started = dt.datetime.now(dt.timezone.utc)
    t0 = time.perf_counter()
    results = run(opts, log)
    if results is None:
        return 0
    text = full_report(results, header(opts, started, time.perf_counter() - t0), opts.errors)
    sys.stdout.write(text)
    sys.stdout.flush()
    if opts.out and opts.out != "-":
        out = Path(opts.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        log(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
