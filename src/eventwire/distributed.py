"""Backfills on a Dask cluster: JSONL shards in, Parquet partitioned by publication month out.

    eventwire extract --dask tcp://scheduler:8786 's3://news/2015/*.jsonl.gz' -o s3://events/2015

* **Shards**: every input (a path, a glob, or any fsspec URL -- ``s3://``,
  ``gs://``, ``file://``; ``.gz``/``.bz2``/``.xz``/``.zst`` decompressed on
  the fly) is one task. A worker reads it line by line (the same JSONL reader
  as ``eventwire extract``), runs the pipeline it built once per process, and
  writes the shard's events.
* **Output**: ``OUT_DIR/published_month=YYYY-MM/<shard>.parquet`` (articles
  without a publication date go to ``published_month=unknown``), one file per
  shard and month (more, ``<shard>-1.parquet`` ..., for a shard with more than
  ``FLUSH_ROWS`` events), so shards never write the same file. The layout is Hive
  style: ``pandas.read_parquet(OUT_DIR)``, ``dask.dataframe.read_parquet``,
  DuckDB and Spark read it as one table with a ``published_month`` column.
  Files are written under a hidden temporary name and moved into place.
* **Re-runnable per shard**: when a shard is complete its manifest
  ``OUT_DIR/_shards/<shard>.json`` is written last (input fingerprint, counts,
  files, per-document errors). A re-run skips shards whose manifest matches the
  input's current size and modification time (or ETag), redoes the rest, and
  first removes the files of an outdated manifest. ``force=True`` redoes all.
* **Failures**: a document that fails is recorded in the manifest with its
  origin (``shard.jsonl:LINE``) and the shard goes on, as in one process; a
  shard that fails as a whole (unreadable, corrupt archive, out of disk) gets
  ``OUT_DIR/_shards/<shard>.failed.json`` and is reported; the others go on.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import threading
import time
import traceback
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from .errors import EventwireError, InputError
from .models import Document, Event
from .settings import Settings

UNKNOWN_MONTH = "unknown"
MANIFEST_DIR = "_shards"
PARTITION = "published_month"
MANIFEST_VERSION = 1
FLUSH_ROWS = 50_000  # event rows buffered per shard before they are written out

PipelineFactory = Callable[[Settings], Callable[[Document], Document]]


@dataclass(slots=True)
class ShardResult:
    """What happened to one shard."""

    shard: str  # the input URL or path
    key: str  # the file-name key of its outputs and manifest
    status: str = "done"  # done | skipped (already done) | failed
    documents: int = 0
    events: int = 0
    errors: list[dict[str, str]] = field(default_factory=list)  # per document: origin, message
    files: list[str] = field(default_factory=list)  # written, relative to OUT_DIR
    error: str = ""  # why the whole shard failed
    seconds: float = 0.0
    worker: str = ""

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


# ------------------------------------------------------------------ inputs
def _fs(url: str):
    import fsspec

    return fsspec.core.url_to_fs(url)


def _display(fs, path: str) -> str:
    """Local files stay plain paths; remote ones keep their protocol."""
    protocol = fs.protocol if isinstance(fs.protocol, str) else fs.protocol[0]
    if protocol in ("file", "local"):
        return path
    return fs.unstrip_protocol(path)


def expand_inputs(inputs: Iterable[str]) -> tuple[list[str], list[InputError]]:
    """Shard URLs from paths, globs and URLs (sorted, de-duplicated); errors for inputs that match nothing."""
    shards: list[str] = []
    missing: list[InputError] = []
    for inp in inputs:
        inp = str(inp)
        try:
            fs, path = _fs(inp)
            if any(ch in path for ch in "*?["):
                found = sorted(p for p in fs.glob(path) if not fs.isdir(p))
            elif fs.isdir(path):
                found = sorted(
                    p for p in fs.find(path)
                    if not PurePosixPath(p).name.startswith((".", "_"))
                    and any(s in PurePosixPath(p).suffixes for s in (".jsonl", ".ndjson"))
                )
            elif fs.exists(path):
                found = [path]
            else:
                found = []
        except Exception as exc:  # noqa: BLE001 - any backend error names the input
            missing.append(InputError(f"cannot list: {type(exc).__name__}: {exc}", inp))
            continue
        if not found:
            missing.append(InputError("no such file, or the pattern matches nothing", inp))
        for p in found:
            shards.append(_display(fs, p))
    seen: set[str] = set()
    return [s for s in shards if not (s in seen or seen.add(s))], missing


def shard_key(url: str) -> str:
    """A file-name-safe, stable key for a shard: its base name plus a hash of the full URL."""
    name = PurePosixPath(url.rstrip("/")).name
    for suffix in (".gz", ".bz2", ".xz", ".zst", ".jsonl", ".ndjson"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in name)[:80] or "shard"
    return f"{safe}-{hashlib.sha1(url.encode('utf-8')).hexdigest()[:10]}"


def fingerprint(url: str) -> dict[str, Any]:
    """Size and modification time (or ETag) of an input, to tell whether it changed."""
    fs, path = _fs(url)
    info = fs.info(path)
    fp: dict[str, Any] = {"size": info.get("size")}
    for k in ("ETag", "etag", "md5Hash", "mtime", "LastModified", "updated", "last_modified"):
        if info.get(k) is not None:
            fp[k.lower()] = str(info[k])
    return fp


# ------------------------------------------------------------------ output
def _arrow_type(annotation: str):
    import pyarrow as pa

    a = annotation.replace(" ", "")
    if a in ("str",):
        return pa.string()
    if a in ("int", "int|None"):
        return pa.int64()
    if a in ("float", "float|None"):
        return pa.float64()
    return pa.string()  # lists and dicts: JSON text


def event_schema():
    """The Parquet schema of event records: Event's fields (evidence/provenance as JSON) plus ``origin``."""
    import pyarrow as pa

    cols = [pa.field(f.name, _arrow_type(str(f.type))) for f in dataclasses.fields(Event)]
    cols.append(pa.field("origin", pa.string()))
    return pa.schema(cols)


def _row(event: Event, origin: str, schema) -> dict[str, Any]:
    import pyarrow as pa

    d = event.as_dict()
    row: dict[str, Any] = {}
    for f in schema:
        if f.name == "origin":
            row["origin"] = origin
            continue
        v = d.get(f.name)
        if f.type == pa.string() and not isinstance(v, str) and v is not None:
            v = json.dumps(v, ensure_ascii=False)
        row[f.name] = v
    return row


def month_of(doc: Document) -> str:
    return doc.published.strftime("%Y-%m") if isinstance(doc.published, dt.date) else UNKNOWN_MONTH


def _write_parquet(fs, root: str, rel: str, rows: list[dict[str, Any]], schema) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(rows, schema=schema)
    final = f"{root}/{rel}"
    parent, name = final.rsplit("/", 1)
    tmp = f"{parent}/.{name}.tmp"
    fs.makedirs(parent, exist_ok=True)
    with fs.open(tmp, "wb") as fh:
        pq.write_table(table, fh, compression="zstd")
    fs.mv(tmp, final)


def _write_json(fs, path: str, obj: Any) -> None:
    parent = path.rsplit("/", 1)[0]
    fs.makedirs(parent, exist_ok=True)
    tmp = f"{parent}/.{path.rsplit('/', 1)[1]}.tmp"
    with fs.open(tmp, "wb") as fh:
        fh.write(json.dumps(obj, ensure_ascii=False, indent=1).encode("utf-8"))
    fs.mv(tmp, path)


def _read_json(fs, path: str) -> Any | None:
    try:
        with fs.open(path, "rb") as fh:
            return json.loads(fh.read().decode("utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return None


# ------------------------------------------------------------------ the task
_LOCK = threading.Lock()  # one pipeline run at a time per worker process (spaCy is not thread-safe)
_PIPELINES: dict[str, Callable[[Document], Document]] = {}


def _default_factory(settings: Settings) -> Callable[[Document], Document]:
    from .pipeline import Pipeline
    from .runtime import tune_gc

    tune_gc()  # a Dask worker process is a batch run
    return Pipeline(settings)


def _pipeline(settings: Settings, factory: PipelineFactory | None) -> Callable[[Document], Document]:
    key = f"{getattr(factory, '__module__', '')}.{getattr(factory, '__qualname__', '')}|{settings!r}"
    p = _PIPELINES.get(key)
    if p is None:
        p = _PIPELINES[key] = (factory or _default_factory)(settings)
    return p


def process_shard(
    url: str,
    out_dir: str,
    settings: Settings,
    *,
    force: bool = False,
    published: dt.date | None = None,
    source: str | None = None,
    pipeline_factory: PipelineFactory | None = None,
) -> ShardResult:
    """One shard -> Parquet files and a manifest (runs on a worker; never raises)."""
    from .ingest import iter_jsonl

    t0 = time.perf_counter()
    key = shard_key(url)
    result = ShardResult(shard=url, key=key, worker=os.environ.get("DASK_WORKER_NAME", "") or str(os.getpid()))
    try:
        fs, root = _fs(out_dir)
        root = root.rstrip("/")
        manifest_path = f"{root}/{MANIFEST_DIR}/{key}.json"
        failed_path = f"{root}/{MANIFEST_DIR}/{key}.failed.json"
        fp = fingerprint(url)
        old = _read_json(fs, manifest_path)
        if old and not force and old.get("fingerprint") == fp and old.get("version") == MANIFEST_VERSION:
            result.status = "skipped"
            result.documents = old.get("documents", 0)
            result.events = old.get("events", 0)
            result.files = old.get("files", [])
            result.seconds = time.perf_counter() - t0
            return result
        if old:  # outdated or forced: its files go first (the new run may cover other months)
            for rel in old.get("files", []):
                try:
                    fs.rm(f"{root}/{rel}")
                except FileNotFoundError:
                    pass
            fs.rm(manifest_path)

        schema = event_schema()
        by_month: dict[str, list[dict[str, Any]]] = {}
        parts: dict[str, int] = {}  # month -> files written so far

        def flush() -> None:
            # a big shard is written in parts, so a worker holds at most ~FLUSH_ROWS rows
            for month in sorted(by_month):
                rows = by_month[month]
                if not rows:
                    continue
                n = parts.get(month, 0)
                rel = f"{PARTITION}={month}/{key}{'' if n == 0 else f'-{n}'}.parquet"
                _write_parquet(fs, root, rel, rows, schema)
                parts[month] = n + 1
                result.files.append(rel)
                result.events += len(rows)
            by_month.clear()

        buffered = 0
        with _LOCK:
            pipeline = _pipeline(settings, pipeline_factory)
            in_fs, in_path = _fs(url)
            with in_fs.open(in_path, "rb", compression="infer") as fh:
                for item in iter_jsonl(fh, url):
                    if isinstance(item, InputError):
                        result.errors.append({"origin": item.origin, "message": item.message})
                        continue
                    result.documents += 1
                    if published is not None and item.published is None:
                        item.published, item.published_from = published, "option"
                    if source and not item.source:
                        item.source = source
                    try:
                        doc = pipeline(item)
                    except EventwireError as exc:
                        origin = getattr(exc, "origin", "") or item.origin
                        result.errors.append({"origin": origin, "message": getattr(exc, "message", str(exc))})
                        continue
                    except Exception as exc:  # noqa: BLE001 - one document must not sink a shard
                        result.errors.append({"origin": item.origin,
                                              "message": f"internal error: {type(exc).__name__}: {exc}"})
                        continue
                    rows = by_month.setdefault(month_of(doc), [])
                    for ev in doc.events:
                        rows.append(_row(ev, doc.origin, schema))
                    buffered += len(doc.events)
                    if buffered >= FLUSH_ROWS:
                        flush()
                        buffered = 0
        flush()
        result.seconds = time.perf_counter() - t0
        manifest = {"version": MANIFEST_VERSION, "fingerprint": fp,
                    "finished": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                    **result.as_dict()}
        _write_json(fs, manifest_path, manifest)
        try:
            fs.rm(failed_path)
        except FileNotFoundError:
            pass
        return result
    except Exception as exc:  # noqa: BLE001 - the shard failed as a whole; say why and go on
        result.status = "failed"
        result.error = f"{type(exc).__name__}: {exc}"
        result.seconds = time.perf_counter() - t0
        try:
            fs, root = _fs(out_dir)
            _write_json(fs, f"{root.rstrip('/')}/{MANIFEST_DIR}/{key}.failed.json",
                        {**result.as_dict(), "traceback": traceback.format_exc(limit=8)})
        except Exception:  # noqa: BLE001 - reporting must not mask the first error
            pass
        return result


# ------------------------------------------------------------------ driver
def run(
    client,
    inputs: Iterable[str],
    out_dir: str,
    settings: Settings | None = None,
    *,
    force: bool = False,
    published: dt.date | None = None,
    source: str | None = None,
    pipeline_factory: PipelineFactory | None = None,
    on_result: Callable[[ShardResult], Any] | None = None,
) -> tuple[list[ShardResult], list[InputError]]:
    """Every shard of ``inputs`` through the pipeline on the Dask ``client``'s cluster.

    Returns the shard results (in input order) and the inputs that matched
    nothing. ``on_result`` sees each result as it arrives.
    """
    from distributed import as_completed

    settings = settings or Settings()
    shards, missing = expand_inputs(inputs)
    fs, root = _fs(out_dir)
    fs.makedirs(f"{root.rstrip('/')}/{MANIFEST_DIR}", exist_ok=True)
    if not shards:
        return [], missing
    run_token = uuid.uuid4().hex[:8]
    futures = client.map(
        process_shard, shards, out_dir=out_dir, settings=settings, force=force, published=published,
        source=source, pipeline_factory=pipeline_factory, pure=False,
        # a fresh key per run: Dask would hand back a previous run's result for a key it still holds
        key=[f"eventwire-shard-{shard_key(s)}-{run_token}" for s in shards],
    )
    index = {f.key: i for i, f in enumerate(futures)}
    results: list[ShardResult | None] = [None] * len(shards)
    for fut in as_completed(futures):
        i = index[fut.key]
        try:
            res = fut.result()
        except Exception as exc:  # noqa: BLE001 - worker lost for good, task cancelled ...
            res = ShardResult(shard=shards[i], key=shard_key(shards[i]), status="failed",
                              error=f"{type(exc).__name__}: {exc}")
        results[i] = res
        if on_result is not None:
            on_result(res)
    return [r for r in results if r is not None], missing


def _client(address: str, workers: int, settings: Settings):
    from distributed import Client, LocalCluster

    if address == "local":
        from .parallel import default_workers, prepare_shared

        prepare_shared(settings)  # one gazetteer build here, not one per worker at once

        n = workers if workers and workers > 1 else default_workers()
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None)
        return Client(cluster), cluster
    return Client(address), None


def cli_run(address: str, inputs: Iterable[str], out_dir: str, settings: Settings, *, force: bool = False,
            workers: int = 1, quiet: bool = False, published: dt.date | None = None,
            source: str | None = None) -> int:
    """``eventwire extract --dask``: run, report one line per shard and per skipped document; the exit code."""
    import click

    if not out_dir or out_dir == "-":
        raise click.UsageError("--dask writes Parquet files: give the output directory with -o OUT_DIR")

    def report(res: ShardResult) -> None:
        for err in res.errors:
            click.echo(f"eventwire: skipped {err['origin']}: {err['message']}", err=True)
        if res.status == "failed":
            click.echo(f"eventwire: shard failed {res.shard}: {res.error}", err=True)
        elif not quiet:
            what = "already done" if res.status == "skipped" else f"{res.seconds:.1f} s"
            click.echo(f"eventwire: shard {res.shard}: {res.documents} document(s), {res.events} event(s), "
                       f"{len(res.errors)} skipped ({what})", err=True)

    client, cluster = _client(address, workers, settings)
    try:
        results, missing = run(client, inputs, out_dir, settings, force=force, published=published,
                               source=source, on_result=report)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    for m in missing:
        click.echo(f"eventwire: skipped {m.origin}: {m.message}", err=True)
    failed = [r for r in results if r.status == "failed"]
    skipped_docs = sum(len(r.errors) for r in results)
    n_events = sum(r.events for r in results)
    click.echo(f"eventwire: {len(results)} shard(s): {len(results) - len(failed)} done "
               f"({sum(r.status == 'skipped' for r in results)} already), {len(failed)} failed; "
               f"{sum(r.documents for r in results)} document(s), {skipped_docs} skipped; "
               f"{n_events} event(s) -> {out_dir}", err=True)
    return 1 if failed or missing or skipped_docs else 0


__all__ = ["ShardResult", "cli_run", "event_schema", "expand_inputs", "fingerprint", "month_of",
           "process_shard", "run", "shard_key"]

