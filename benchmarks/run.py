"""``make bench``: throughput, latency and memory of the eventwire pipeline.

    python benchmarks/run.py --data ../shared/data --out docs/performance.md
    python benchmarks/run.py --corpus my-articles.jsonl --repeat 3 --no-write

Measures, over a JSONL corpus (default: the HRDsAttack dev articles under
``--data`` / $EVENTWIRE_DATA, converted on the fly into a temporary file):

* **end to end** (clean -> nlp -> places -> actors -> events), one process:
  articles/s per core, words/s, ms per article p50/p95, peak RSS -- with the
  default ``parse_scope="events"`` (the spaCy model runs only on the sentences
  the events detector finds an event in) and, as the reference, ``"all"`` (the
  whole model over every sentence, the pipeline before any prefilter);
* **geoparse alone** (clean -> nlp -> places), the same figures;
* **the places stage alone, given the spaCy doc** (the nlp stage with entities
  everywhere runs first, untimed), on the corpus and on general news;
* **two workers** (``eventwire extract --workers 2``): articles/s and the
  speed-up over one process.

Each measurement runs in a fresh interpreter (so peak RSS is that mode's
own), loads the pipeline and warms it on one article (reported as start-up,
not counted), then times every article. With ``--repeat R`` each mode runs R
times and the best run is kept: on a shared machine the best run is the
closest to what the code costs. The results and a description of the machine
are printed and written into ``docs/performance.md`` (between the
``eventwire-bench`` markers; each run also adds a row to the history table).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BEGIN = "<!-- eventwire-bench:begin -->"
END = "<!-- eventwire-bench:end -->"
GEOPARSE = ("clean", "nlp", "places")
REFERENCE_WORDS = 600  # "~600-word news articles" in the one-core target


# ------------------------------------------------------------------ machine
def machine() -> dict[str, Any]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor()
    ram_gb = None
    try:
        m = re.search(r"MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text())
        ram_gb = round(int(m.group(1)) / 1024 / 1024, 1) if m else None
    except OSError:
        pass
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count()
    info: dict[str, Any] = {
        "cpu": cpu or "?", "cores": cores, "ram_gb": ram_gb,
        "python": platform.python_version(), "os": f"{platform.system()} {platform.release()}",
        "load_before": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }
    try:
        import spacy

        info["spacy"] = spacy.__version__
    except ImportError:  # pragma: no cover
        info["spacy"] = "?"
    try:
        info["commit"] = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                        text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, timeout=10).stdout.strip()
        if dirty:
            info["commit"] += "+dirty"
    except (OSError, subprocess.SubprocessError):
        info["commit"] = "?"
    return info


# ------------------------------------------------------------------ corpus
def resolve_corpus(args) -> tuple[Path | None, str, tempfile.TemporaryDirectory | None]:
    """(JSONL path, description, temp dir to clean up) -- or (None, why, None) when there is no corpus."""
    if args.corpus:
        p = Path(args.corpus)
        if not p.is_file():
            return None, f"--corpus {p} does not exist", None
        return p, str(p), None
    data = args.data or os.environ.get("EVENTWIRE_DATA") or ""
    src = Path(data) / "hrdsattack" / "dev.json" if data else None
    if src is None or not src.is_file():
        return None, (f"no corpus: {src or '$EVENTWIRE_DATA'} not found "
                      "(set EVENTWIRE_DATA or give --corpus PATH.jsonl)"), None
    sys.path.insert(0, str(HERE))
    from hrdsattack import write_jsonl

    tmp = tempfile.TemporaryDirectory(prefix="eventwire-bench-")
    dest = Path(tmp.name) / "hrdsattack-dev.jsonl"
    n = write_jsonl(src, dest)
    return dest, f"HRDsAttack dev ({n} articles, {src})", tmp


def general_news_corpus(args, tmp_dir: Path) -> tuple[Path | None, str]:
    """GeoWebNews articles (general news of every kind) as a second corpus, when the data is there.

    HRDsAttack is conflict news through and through (a fifth of its sentences hold an
    event); a day's news stream is mostly not, and the model runs only on event
    sentences, so the rate on general news is reported beside it."""
    data = args.data or os.environ.get("EVENTWIRE_DATA") or ""
    if args.corpus or not data or not (Path(data) / "geowebnews" / "GWN.xml").is_file():
        return None, ""
    from eventwire.evaluation.readers import geowebnews

    ds = geowebnews(Path(data))
    dest = tmp_dir / "geowebnews.jsonl"
    with open(dest, "w", encoding="utf-8") as fh:
        for d in ds.docs:
            fh.write(json.dumps({"id": d.id, "text": d.text}, ensure_ascii=False) + "\n")
    return dest, f"GeoWebNews ({len(ds.docs)} general news articles)"


def load_docs(path: Path, limit: int | None):
    from eventwire.errors import InputError
    from eventwire.ingest import iter_documents

    docs = [d for d in iter_documents([str(path)]) if not isinstance(d, InputError)]
    return docs[:limit] if limit else docs


# ------------------------------------------------------------------ measuring (child process)
def peak_rss_mb() -> float:
    """Peak resident memory of this process in MB: VmHWM (Linux; ru_maxrss would include the peak
    of the parent that forked us), else ru_maxrss."""
    try:
        m = re.search(r"VmHWM:\s+(\d+) kB", Path("/proc/self/status").read_text())
        if m:
            return int(m.group(1)) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024



def _pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    s = sorted(values)
    k = (len(s) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def measure(mode: str, corpus: Path, limit: int | None, workers: int) -> dict[str, Any]:
    """One measurement in this process: returns figures as a dict."""
    t0 = time.perf_counter()
    from eventwire.settings import Settings

    settings = Settings()
    docs = load_docs(corpus, limit)
    if not docs:
        raise SystemExit("the corpus holds no readable documents")
    words = sum(len(d.text.split()) for d in docs)
    import copy

    if mode in ("e2e", "e2e-batch", "e2e-all", "geoparse"):
        from eventwire.pipeline import DEFAULT_ORDER, Pipeline

        batched = mode == "e2e-batch"

        if mode == "e2e-all":  # the reference: a parse of every sentence (before the prefilter)
            settings = Settings(parse_scope="all")
        elif mode == "geoparse":  # toponyms everywhere: entities over the whole text, no parse
            settings = Settings(parse_scope="entities")
        pipeline = Pipeline(settings, GEOPARSE if mode == "geoparse" else DEFAULT_ORDER)
        pipeline(copy.deepcopy(docs[0]))  # load model, gazetteer, dictionaries
        startup = time.perf_counter() - t0
        per_doc: list[float] = []
        events = errors = 0
        batch = [copy.deepcopy(d) for d in docs]
        start = time.perf_counter()
        cpu0 = time.process_time()
        if batched:  # as `eventwire extract` runs: the nlp stage takes pipeline.batch_size documents at once
            size = pipeline.batch_size
            for i in range(0, len(batch), size):
                a = time.perf_counter()
                for _doc, exc in pipeline.outcomes(batch[i:i + size]):
                    errors += exc is not None
                    events += 0 if exc is not None else len(_doc.events)
                took = time.perf_counter() - a
                per_doc += [took / len(batch[i:i + size])] * len(batch[i:i + size])  # a batch's mean
        for doc in ([] if batched else batch):
            a = time.perf_counter()
            try:
                out = pipeline(doc)
                events += len(out.events)
            except Exception:  # noqa: BLE001 - count it, keep timing
                errors += 1
            per_doc.append(time.perf_counter() - a)
        wall = time.perf_counter() - start
        cpu = time.process_time() - cpu0
        return {
            "mode": mode, "articles": len(docs), "words": words, "seconds": wall, "cpu_seconds": cpu,
            "startup_s": startup, "articles_per_s": len(docs) / wall, "words_per_s": words / wall,
            "articles_per_cpu_s": len(docs) / cpu, "words_per_cpu_s": words / cpu,
            "parse_scope": settings.parse_scope, "batch_size": pipeline.batch_size if batched else 1,
            "ms_p50": 1000 * _pct(per_doc, 0.5), "ms_p95": 1000 * _pct(per_doc, 0.95),
            "ms_mean": 1000 * statistics.fmean(per_doc), "events": events, "errors": errors,
            "peak_rss_mb": peak_rss_mb(),
        }
    if mode in ("places", "places-stream"):
        # geoparsing given the spaCy doc (issue 4's unit): clean + nlp with entities everywhere
        # first, untimed, then only the places stage is timed. "places-stream": the process has first
        # geoparsed other articles (EVENTWIRE_BENCH_WARM, another corpus), as in a stream of news,
        # where the caches of common names are warm but these articles are still unseen
        from eventwire import clean, nlp, places

        settings = Settings(parse_scope="entities")
        batch = [copy.deepcopy(d) for d in docs]
        warm = load_docs(Path(os.environ["EVENTWIRE_BENCH_WARM"]), None) if mode == "places-stream" else []
        for doc in batch + warm:
            nlp.run(clean.run(doc, settings), settings)
        places.run(batch[0], settings)  # load the gazetteer; then undo, the timed loop runs it again
        batch[0].mentions = [m for m in batch[0].mentions if m.kind != "place"]
        for doc in warm:
            places.run(doc, settings)
        startup = time.perf_counter() - t0
        per_doc = []
        start, cpu0 = time.perf_counter(), time.process_time()
        for doc in batch:
            a = time.perf_counter()
            places.run(doc, settings)
            per_doc.append(time.perf_counter() - a)
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu0
        return {
            "mode": mode, "articles": len(docs), "words": words, "seconds": wall, "cpu_seconds": cpu,
            "startup_s": startup, "articles_per_s": len(docs) / wall, "words_per_s": words / wall,
            "articles_per_cpu_s": len(docs) / cpu, "words_per_cpu_s": words / cpu, "parse_scope": "entities",
            "ms_p50": 1000 * _pct(per_doc, 0.5), "ms_p95": 1000 * _pct(per_doc, 0.95),
            "ms_mean": 1000 * statistics.fmean(per_doc), "events": 0, "errors": 0, "peak_rss_mb": peak_rss_mb(),
        }
    if mode == "parallel":
        # paired: one process, then `workers` processes, back to back on the same articles, so
        # that load from other work on the machine hits both about equally
        from eventwire.parallel import ParallelExtractor
        from eventwire.pipeline import Pipeline

        pipeline = Pipeline(settings)
        pipeline(copy.deepcopy(docs[0]))
        batch = [copy.deepcopy(d) for d in docs]
        start, cpu0 = time.perf_counter(), time.process_time()
        for _doc in pipeline.pipe(batch, on_error=lambda d, e: None):  # as `eventwire extract` runs one process
            pass
        one, one_cpu = time.perf_counter() - start, time.process_time() - cpu0
        with ParallelExtractor(settings, workers) as px:
            px.warm()
            # every worker of the pool (the warm-up may not have reached both on a busy machine)
            pids = list(getattr(px.executor, "_processes", None) or px.warm())
            startup = time.perf_counter() - t0
            batch = [copy.deepcopy(d) for d in docs]
            workers_cpu0 = sum(map(_process_cpu, pids))
            start, cpu0 = time.perf_counter(), time.process_time()
            events = sum(len(d.events) for d in px.pipe(batch, on_error=lambda d, e: None))
            wall, main_cpu = time.perf_counter() - start, time.process_time() - cpu0
            # CPU time the workers spent (pids of the warm-up: a pool rebuilt after a crash is not counted)
            workers_cpu = sum(map(_process_cpu, pids)) - workers_cpu0
            rss = px.worker_rss()
        return {
            "mode": mode, "workers": workers, "articles": len(docs), "words": words, "seconds": wall,
            "startup_s": startup, "articles_per_s": len(docs) / wall, "words_per_s": words / wall,
            "one_process_articles_per_s": len(docs) / one, "speedup": one / wall,
            # CPU ms per article: one process; the workers together; the main process (feeding
            # them, reading results). Workers above one process: the two processes slow each
            # other (and others' work slows both), not the hand-over, which the main process shows.
            "one_process_cpu_ms": 1000 * one_cpu / len(docs), "workers_cpu_ms": 1000 * workers_cpu / len(docs),
            "main_cpu_ms": 1000 * main_cpu / len(docs),
            "load_after": os.getloadavg()[0],
            "events": events, "worker_peak_rss_mb": max(rss.values()) / 1024 if rss else None,
        }
    raise SystemExit(f"unknown mode {mode}")


def _process_cpu(pid: int) -> float:
    """CPU seconds (user + system) of process ``pid`` so far (Linux; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def run_child(mode: str, corpus: Path, limit: int | None, workers: int = 1) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--_measure", mode, "--corpus", str(corpus),
           "--workers", str(workers)]
    if limit:
        cmd += ["--limit", str(limit)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{mode} measurement failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def best(mode: str, corpus: Path, limit: int | None, repeat: int, workers: int = 1, log=print) -> dict[str, Any]:
    """Run a measurement ``repeat`` times in fresh interpreters; keep the best run."""
    runs = []
    for i in range(repeat):
        r = run_child(mode, corpus, limit, workers)
        cpu = f" ({r['articles_per_cpu_s']:.1f} per CPU-second)" if "articles_per_cpu_s" in r else ""
        if "speedup" in r:
            cpu = (f" vs {r['one_process_articles_per_s']:.1f} in one process: {r['speedup']:.2f}x "
                   f"(load average {r['load_after']:.1f}; CPU ms/article: one process {r['one_process_cpu_ms']:.1f}, "
                   f"workers {r['workers_cpu_ms']:.1f} + main {r['main_cpu_ms']:.1f})")
        log(f"  {mode}{'' if mode != 'parallel' else f' x{workers}'} run {i + 1}/{repeat}: "
            f"{r['articles_per_s']:.1f} articles/s{cpu}", flush=True)
        runs.append(r)
    top = dict(max(runs, key=lambda r: r["articles_per_s"]))
    top["runs"] = [round(r["articles_per_s"], 2) for r in runs]
    if "speedup" in top:
        # the best one-process rate and the best N-worker rate of all runs, each the closest to
        # what the code costs on a machine others share; the speed-up is their ratio
        top["speedups"] = [(round(r["speedup"], 2), round(r.get("load_after", 0), 1)) for r in runs]
        top["cpu_ms"] = [(r["one_process_cpu_ms"], r["workers_cpu_ms"], r["main_cpu_ms"]) for r in runs
                         if "workers_cpu_ms" in r]
        top["one_process_articles_per_s"] = max(r["one_process_articles_per_s"] for r in runs)
        top["speedup"] = top["articles_per_s"] / top["one_process_articles_per_s"]
    if "articles_per_cpu_s" in top:  # the CPU-time rate of the best run of each, for a fair per-core figure
        top["articles_per_cpu_s"] = max(r["articles_per_cpu_s"] for r in runs)
        top["words_per_cpu_s"] = max(r["words_per_cpu_s"] for r in runs)
    return top


# ------------------------------------------------------------------ report
def render(results: dict[str, Any], info: dict[str, Any], corpus_desc: str, repeat: int) -> str:
    e2e, geo, ref = results.get("e2e"), results.get("geoparse"), results.get("e2e-all")
    gen, plc, plc_gen = results.get("e2e-general"), results.get("places"), results.get("places-general")
    plc_stream = results.get("places-general-stream")
    e2e_b, gen_b = results.get("e2e-batch"), results.get("e2e-general-batch")
    batched = ("end to end, batched as `eventwire extract` runs (the nlp stage takes "
               f"{(e2e_b or gen_b or {}).get('batch_size', '?')} documents at once; ms: a batch's time per article)")
    par2 = results.get("two_workers")
    lines = [
        f"### Latest run ({info['date']})",
        "",
        f"Machine: {info['cpu']}, {info['cores']} cores, {info['ram_gb']} GB RAM, Python {info['python']}, "
        f"spaCy {info['spacy']}, {info['os']}; commit {info['commit']}; load average before the run "
        f"{info['load_before']} (the machine is shared: best of {repeat} run(s) per figure).",
        "",
        f"Corpus: {corpus_desc}; {(e2e or plc)['articles'] if (e2e or plc) else '?'} articles, "
        f"{((e2e or plc)['words'] / (e2e or plc)['articles']) if (e2e or plc) else 0:.0f} words each on average.",
        "",
        "Articles/s per core: wall clock of the best run, and (in brackets) per CPU-second, which other "
        "work on the machine disturbs less. 600-word articles/s: words/s / 600 (the issue's unit).",
        "",
        "| measurement | articles/s per core | 600-word articles/s | words/s | ms/article p50 | p95 | "
        "peak RSS MB | start-up s | runs (articles/s) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for name, r in (("end to end (default: model only on event sentences), one document at a time", e2e),
                    (batched, e2e_b),
                    ("end to end, every sentence parsed (`parse_scope=all`, before)", ref),
                    ("geoparse alone (clean, nlp with entities everywhere, places)", geo),
                    ("places stage alone, given the spaCy doc", plc),
                    (f"end to end on general news: {gen['corpus']}, {gen['words'] / gen['articles']:.0f} words each"
                     if gen else "", gen),
                    (f"{batched}, general news" if gen_b else "", gen_b),
                    ("places stage alone on the general news, given the spaCy doc", plc_gen),
                    ("the same in a stream: after the corpus's articles through the same process "
                     "(common names' caches warm, these articles unseen)", plc_stream)):
        if r:
            lines.append(
                f"| {name} | {r['articles_per_s']:.1f} ({r['articles_per_cpu_s']:.1f}) | "
                f"{r['words_per_s'] / REFERENCE_WORDS:.1f} ({r['words_per_cpu_s'] / REFERENCE_WORDS:.1f}) | "
                f"{r['words_per_s']:.0f} | {r['ms_p50']:.1f} | {r['ms_p95']:.1f} | {r['peak_rss_mb']:.0f} | "
                f"{r['startup_s']:.1f} | {', '.join(map(str, r['runs']))} |")
    if par2:
        lines += [
            "",
            f"Scaling (`eventwire extract --workers {par2['workers']}`): each run times one process and then "
            f"{par2['workers']} worker processes back to back on the same articles; shown are the best "
            "one-process rate and the best worker rate of all runs, and their ratio.",
            "",
            "| workers | articles/s | speed-up | worker peak RSS MB | speed-ups of all runs (1-min load average after each) |",
            "|---:|---:|---:|---:|---|",
            f"| 1 (in process) | {par2['one_process_articles_per_s']:.1f} | 1.00x | "
            f"{(e2e or {}).get('peak_rss_mb', 0):.0f} | |",
            f"| {par2['workers']} (processes) | {par2['articles_per_s']:.1f} | {par2['speedup']:.2f}x | "
            f"{(par2.get('worker_peak_rss_mb') or 0):.0f} | "
            f"{', '.join(f'{x:.2f}x (load {ld})' for x, ld in par2['speedups'])} |",
        ]
        if par2.get("cpu_ms"):
            lines += ["", "CPU ms per article in each run, one process / the workers together + the main process: "
                      + ", ".join(f"{a:.1f} / {b:.1f} + {c:.1f}" for a, b, c in par2["cpu_ms"])
                      + " (workers above one process: the processes slowing each other on the shared cores)."]
    if e2e:
        lines += ["", f"End to end the pipeline found {e2e['events']} events "
                      f"({e2e['errors']} documents failed)"
                      + (f"; with every sentence parsed, {ref['events']} events." if ref else ".")]
    return "\n".join(lines)


def history_row(results: dict[str, Any], info: dict[str, Any]) -> str:
    e2e, geo = results.get("e2e") or {}, results.get("geoparse") or {}
    par2 = results.get("two_workers")
    speed = f"{par2['speedup']:.2f}x" if par2 else "-"
    return (f"| {info['date']} | {info['commit']} | {info['cpu']} ({info['cores']} cores) | "
            f"{e2e.get('articles_per_s', 0):.1f} ({e2e.get('articles_per_cpu_s', 0):.1f}) | "
            f"{e2e.get('ms_p50', 0):.0f} / {e2e.get('ms_p95', 0):.0f} | "
            f"{e2e.get('peak_rss_mb', 0):.0f} | {geo.get('articles_per_s', 0):.1f} | {speed} |")


HISTORY_HEAD = ("| date | commit | machine | end-to-end articles/s (per CPU-s) | ms p50 / p95 | peak RSS MB | "
                "geoparse articles/s | 2-worker speed-up |\n|---|---|---|---:|---:|---:|---:|---:|")


def write_report(out: Path, section: str, row: str) -> None:
    text = out.read_text(encoding="utf-8") if out.exists() else "# Performance\n"
    history: list[str] = []
    if BEGIN in text and END in text:
        before, rest = text.split(BEGIN, 1)
        old, after = rest.split(END, 1)
        history = [ln for ln in old.splitlines() if ln.startswith("| 20")]
    else:
        before, after = text.rstrip("\n") + "\n\n", "\n"
    history.append(row)
    block = (f"{BEGIN}\n## Pipeline throughput (`make bench`)\n\n"
             "Written by `benchmarks/run.py`; rerun with `make bench` "
             "(or `python benchmarks/run.py --corpus FILE.jsonl`).\n\n"
             f"{section}\n\n### History\n\n{HISTORY_HEAD}\n" + "\n".join(history) + f"\n{END}")
    out.write_text(before + block + after, encoding="utf-8")


# ------------------------------------------------------------------ main
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="eventwire benchmark: articles/s, ms/article, peak RSS")
    ap.add_argument("--data", default=None, help="the dev data folder (default: $EVENTWIRE_DATA)")
    ap.add_argument("--corpus", default=None, help="a JSONL corpus (id, text, published ...) instead")
    ap.add_argument("--out", default=None, help="write the results into this Markdown file")
    ap.add_argument("--no-write", action="store_true", help="print only")
    ap.add_argument("--limit", type=int, default=None, help="use the first N articles")
    ap.add_argument("--repeat", type=int, default=int(os.environ.get("EVENTWIRE_BENCH_REPEAT", "2")),
                    help="runs per measurement; the best is kept (default 2)")
    ap.add_argument("--skip-parallel", action="store_true", help="no 1-vs-2-worker measurement")
    ap.add_argument("--skip-reference", action="store_true",
                    help="no reference run with every sentence parsed (parse_scope=all)")
    ap.add_argument("--only-places", action="store_true",
                    help="only the places stage alone, given the spaCy doc (corpus and general news); not written")
    ap.add_argument("--workers", type=int, default=2, help=argparse.SUPPRESS)
    ap.add_argument("--_measure", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args._measure:
        from eventwire.runtime import tune_gc

        tune_gc()  # as the command line and the workers run
        r = measure(args._measure, Path(args.corpus), args.limit, args.workers)
        print(json.dumps(r))
        return 0

    corpus, desc, tmp = resolve_corpus(args)
    if corpus is None:
        print(f"benchmark skipped: {desc}")
        return 0
    try:
        # build what the pipeline builds on first use (the gazetteer) now, not inside a measurement
        from eventwire.parallel import prepare_shared
        from eventwire.settings import Settings

        prepare_shared(Settings())
        info = machine()
        info["date"] = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        print(f"eventwire benchmark on {desc}")
        print(f"machine: {info['cpu']}, {info['cores']} cores, {info['ram_gb']} GB, Python {info['python']}, "
              f"load {info['load_before']}")
        results: dict[str, Any] = {}
        if not args.only_places:
            results["e2e"] = best("e2e", corpus, args.limit, args.repeat)
            results["e2e-batch"] = best("e2e-batch", corpus, args.limit, args.repeat)
        if not args.skip_reference and not args.only_places:
            results["e2e-all"] = best("e2e-all", corpus, args.limit, args.repeat)
        if not args.only_places:
            results["geoparse"] = best("geoparse", corpus, args.limit, args.repeat)
        gen_dir = tempfile.TemporaryDirectory(prefix="eventwire-bench-gwn-")
        try:
            general, general_desc = general_news_corpus(args, Path(gen_dir.name))
            results["places"] = best("places", corpus, args.limit, args.repeat)
            if general is not None and not args.only_places:
                results["e2e-general"] = best("e2e", general, args.limit, args.repeat)
                results["e2e-general"]["corpus"] = general_desc
                results["e2e-general-batch"] = best("e2e-batch", general, args.limit, args.repeat)
            if general is not None:
                results["places-general"] = best("places", general, args.limit, args.repeat)
                os.environ["EVENTWIRE_BENCH_WARM"] = str(corpus)
                results["places-general-stream"] = best("places-stream", general, args.limit, args.repeat)
        finally:
            gen_dir.cleanup()
        if not args.skip_parallel and not args.only_places:
            results["two_workers"] = best("parallel", corpus, args.limit, args.repeat, workers=args.workers)
        section = render(results, info, desc, args.repeat)
        print()
        print(section)
        if args.out and not args.no_write and not args.only_places:
            write_report(Path(args.out), section, history_row(results, info))
            print(f"\nwritten to {args.out}")
    finally:
        if tmp is not None:
            tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
