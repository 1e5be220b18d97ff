"""Event store commands: ``ingest``, ``show``, ``query``, ``export``, ``watch``.

Thin over :mod:`eventwire.store`: parse options, call the library, turn its
errors into one clean line.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import signal
import sys
import time
from typing import Any

import click

from ..errors import EventwireError, InputError


# ------------------------------------------------------------------ shared options
def db_option(f):
    return click.option("--db", default=None, envvar="EVENTWIRE_DB", metavar="PATH|URL",
                        help="SQLite file or postgresql:// URL (default: $EVENTWIRE_DB, else events.sqlite "
                             "in the user data dir).")(f)


def fetch_options(f):
    f = click.option("--allow-private", is_flag=True,
                     help="Allow fetching from private, loopback and link-local addresses.")(f)
    f = click.option("--timeout", type=float, default=20.0, show_default=True, help="Seconds per request.")(f)
    f = click.option("--max-bytes", type=int, default=10 * 1024 * 1024, show_default=True,
                     help="Largest page or feed fetched.")(f)
    f = click.option("--no-follow", is_flag=True,
                     help="Feeds: use each item's own text instead of fetching its link.")(f)
    return f


def pipeline_options(f):
    f = click.option("--no-merge", is_flag=True, help="Keep every document's events apart (no cross-article merging).")(f)
    f = click.option("--model", default=None, help="spaCy pipeline: auto (default), blank, or a package name.")(f)
    f = click.option("--settings", "settings_file", default=None, type=click.Path(exists=True, dir_okay=False),
                     help="A JSON settings file.")(f)
    f = click.option("-q", "--quiet", is_flag=True, help="Only errors and the summary.")(f)
    return f


def filter_options(f):
    opts = [
        click.option("--from", "date_from", default=None, metavar="YYYY-MM-DD", help="Events on or after this day."),
        click.option("--to", "date_to", default=None, metavar="YYYY-MM-DD", help="Events on or before this day."),
        click.option("--country", default=None, help="Country name or ISO3 code."),
        click.option("--admin1", default=None, help="First-level region (province, state)."),
        click.option("--bbox", default=None, metavar="MINLON,MINLAT,MAXLON,MAXLAT", help="Bounding box."),
        click.option("--event-type", default=None, help='e.g. "Battles", "Protests".'),
        click.option("--sub-event-type", default=None, help='e.g. "Armed clash".'),
        click.option("--actor", default=None, help="Actor name (substring, any side or associate)."),
        click.option("-t", "--text", default=None, help="Words that must all occur in the evidence or notes."),
    ]
    for opt in reversed(opts):
        f = opt(f)
    return f


def _filters(kw: dict[str, Any]) -> dict[str, Any]:
    from ..store import FILTERS

    return {k: kw[k] for k in FILTERS if kw.get(k) not in (None, "")}


def _open(db: str | None, create: bool = True):
    from ..store import open_store

    try:
        return open_store(db, create=create)
    except EventwireError as exc:
        raise click.ClickException(str(exc)) from None


def handle_errors(f):
    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        try:
            return f(*args, **kwargs)
        except EventwireError as exc:
            raise click.ClickException(str(exc)) from None
    return wrapper


class StopFlag:
    """SIGINT/SIGTERM set the flag; long loops check it between documents."""

    def __init__(self) -> None:
        self.stopped = False
        self._old: dict[int, Any] = {}

    def __enter__(self) -> "StopFlag":
        for sig in (signal.SIGINT, signal.SIGTERM):
            try:
                self._old[sig] = signal.signal(sig, self._handle)
            except ValueError:  # not the main thread
                pass
        return self

    def _handle(self, signum: int, _frame: Any) -> None:
        if self.stopped:  # a second signal: stop now
            raise KeyboardInterrupt
        self.stopped = True
        click.echo(f"eventwire: {signal.Signals(signum).name} received; stopping after the current document", err=True)

    def __exit__(self, *exc: Any) -> None:
        for sig, old in self._old.items():
            signal.signal(sig, old)

    def __call__(self) -> bool:
        return self.stopped


def _pipeline(model: str | None, settings_file: str | None):
    from ..pipeline import Pipeline
    from ..settings import Settings

    try:
        return Pipeline(Settings.load(settings_file, model=model))
    except (EventwireError, ValueError) as exc:
        raise click.UsageError(str(exc)) from None


def _fetcher(allow_private: bool, timeout: float, max_bytes: int):
    from ..fetch import Fetcher

    return Fetcher(allow_private=allow_private, timeout=timeout, max_bytes=max_bytes)


class _Log:
    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet

    def error(self, doc, exc: Exception) -> None:
        if isinstance(exc, InputError) and exc.origin:
            click.echo(f"eventwire: failed {exc.origin}: {exc.message}", err=True)
        else:
            where = (getattr(doc, "origin", "") or getattr(doc, "url", "") or getattr(doc, "id", "")) if doc else ""
            click.echo(f"eventwire: failed {where}: {exc}" if where else f"eventwire: failed: {exc}", err=True)

    def document(self, doc, doc_id) -> None:
        if self.quiet:
            return
        where = doc.origin or doc.url or doc.id
        if doc_id is None:
            click.echo(f"eventwire: {where}: already stored", err=True)
        else:
            click.echo(f"eventwire: {where}: stored as {doc_id} ({len(doc.events)} events)", err=True)


# ------------------------------------------------------------------ ingest
@click.command("ingest")
@click.argument("inputs", nargs=-1, required=True)
@db_option
@pipeline_options
@fetch_options
@handle_errors
def ingest_cmd(inputs, db, no_merge, model, settings_file, quiet, allow_private, timeout, max_bytes, no_follow):
    """Store the articles of INPUT... and their events in the event store.

    INPUT: text/HTML/JSON/JSONL files, directories, RSS/Atom feed files, feed
    URLs or article URLs. An article already stored (same URL or same text) is
    skipped; each article commits with its events, so an interrupted ingest
    can simply be run again. Reports of the same event from different articles
    merge into one event (unless --no-merge). Exit code 1 when an input failed.
    """
    from ..store.ingest import iter_inputs

    store = _open(db)
    log = _Log(quiet)
    fetcher = _fetcher(allow_private, timeout, max_bytes)
    pipeline = _pipeline(model, settings_file)
    from ..feeds import FeedStats

    fstats = FeedStats()
    try:
        with StopFlag() as stop:
            items = iter_inputs(inputs, fetcher=fetcher, skip_url=store.has_url, follow=not no_follow, stats=fstats)
            report = store.ingest_documents(items, merge=not no_merge, pipeline=pipeline, on_error=log.error,
                                            on_document=log.document, should_stop=stop)
        report.duplicates += fstats.skipped  # URLs already stored: not fetched again
    finally:
        fetcher.close()
        store.close()
    click.echo(f"eventwire: {report}", err=True)
    if report.failed:
        sys.exit(1)


# ------------------------------------------------------------------ show
def _where(d: dict) -> str:
    parts: list[str] = []
    for k in ("location", "admin3", "admin2", "admin1", "country"):
        v = d.get(k) or ""
        if v and v not in parts:
            parts.append(v)
    return ", ".join(parts) or "?"


def _fmt_event(d: dict) -> str:
    lines = [
        f"{d['event_id']}  {d['event_date']} (time precision {d['time_precision']})",
        f"  {d['event_type']} / {d['sub_event_type']}",
        f"  actor1: {d['actor1'] or '-'}" + (f"  [with {d['assoc_actor_1']}]" if d.get("assoc_actor_1") else ""),
        f"  actor2: {d['actor2'] or '-'}" + (f"  [with {d['assoc_actor_2']}]" if d.get("assoc_actor_2") else ""),
        f"  where:  {_where(d)}  ({d['latitude']}, {d['longitude']}; geo precision {d['geo_precision']})",
        f"  fatalities: {d['fatalities']} (most conservative reported)",
        f"  source: {d['source']}",
    ]
    if d.get("notes"):
        lines.append(f"  notes: {d['notes']}")
    lines.append(f"  sources ({len(d['sources'])}):")
    for s in d["sources"]:
        lines.append(f"    - {s['source'] or '?'}: {s['title'] or s['doc_id']}"
                     + (f" <{s['url']}>" if s.get("url") else "") + (f" ({s['published']})" if s.get("published") else ""))
    lines.append("  why merged:")
    for r in d.get("merge_reasons", []):
        lines.append(f"    - {r}")
    lines.append("  reports:")
    for m in d.get("members", []):
        fat = m["fatalities"] if m["fatalities_reported"] else "not reported"
        lines.append(f"    - {m['event_id']} [{m['doc_id']}] {m['event_date']} {m['sub_event_type']} at "
                     f"{m['location']}: {m['actor1'] or '-'} / {m['actor2'] or '-'}; fatalities {fat}")
    lines.append("  evidence:")
    for e in d.get("evidence", []):
        lines.append(f"    - [{e['doc_id']} {e['start']}:{e['end']}] {' '.join(e['text'].split())}")
    return "\n".join(lines)


@click.command("show")
@click.argument("event_id")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the event as JSON.")
@handle_errors
def show_cmd(event_id, db, as_json):
    """Print a merged event: its fields, every source, why the reports merged, and the evidence."""
    with _open(db, create=False) as store:
        d = store.get_event(event_id)
    if d is None:
        raise click.ClickException(f"no event {event_id!r} in the store")
    click.echo(json.dumps(d, ensure_ascii=False, indent=2) if as_json else _fmt_event(d))


# ------------------------------------------------------------------ query
def _table(rows: list[dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    t = Table(show_lines=False)
    for col in ("event_id", "date", "type", "actors", "location", "fat.", "src"):
        t.add_column(col, overflow="fold")
    for d in rows:
        actors = d["actor1"] + (f" v {d['actor2']}" if d.get("actor2") else "")
        where = ", ".join(x for x in (d.get("location"), d.get("admin1"), d.get("country")) if x)
        t.add_row(d["event_id"], d["event_date"], f"{d['event_type']}: {d['sub_event_type']}", actors, where,
                  str(d["fatalities"]), str(d.get("n_sources", 1)))
    Console(width=160 if not sys.stdout.isatty() else None).print(t)


@click.command("query")
@db_option
@filter_options
@click.option("-n", "--limit", type=int, default=50, show_default=True, help="At most this many events (0: all).")
@click.option("--offset", type=int, default=0)
@click.option("--order", default="event_date", show_default=True,
              help="event_date, -event_date, fatalities, -fatalities, n_sources, -n_sources.")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table",
              show_default=True)
@click.option("--count", "count_only", is_flag=True, help="Print only the number of matching events.")
@handle_errors
def query_cmd(db, limit, offset, order, fmt, count_only, **kw):
    """Find merged events by date, place, type, actor or words in the evidence."""
    filters = _filters(kw)
    with _open(db, create=False) as store:
        if count_only:
            click.echo(store.count(**filters))
            return
        rows = store.query(limit=limit or None, offset=offset, order=order, **filters)
        total = store.count(**filters)
    if fmt == "jsonl":
        from ..store.export import write_jsonl

        write_jsonl(rows, sys.stdout)
    elif fmt == "csv":
        from ..store.export import write_csv

        write_csv(rows, sys.stdout)
    else:
        _table(rows)
        click.echo(f"{len(rows)} of {total} events", err=True)


# ------------------------------------------------------------------ export
@click.command("export")
@db_option
@filter_options
@click.option("-f", "--format", "fmt", type=click.Choice(["csv", "jsonl", "geojson", "parquet"]), required=True)
@click.option("-o", "--output", "out", default="-", show_default=True,
              help="Output file ('-': stdout). Parquet: FILE.parquet, or a directory for a dataset "
                   "partitioned by year/month.")
@handle_errors
def export_cmd(db, fmt, out, **kw):
    """Export merged events (CSV in ACLED column order, JSONL, GeoJSON or Parquet)."""
    from ..store.export import export

    filters = _filters(kw)
    with _open(db, create=False) as store:
        n = export(store, fmt, out, **filters)
    click.echo(f"eventwire: {n} events exported" + (f" to {out}" if out != "-" else ""), err=True)


# ------------------------------------------------------------------ watch
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|d)?\s*$", re.I)


def parse_duration(s: str) -> float:
    """'15m' -> 900.0; units s, m, h, d; a bare number is seconds."""
    m = _DURATION.match(s or "")
    if not m:
        raise click.BadParameter(f"not a duration: {s!r} (e.g. 30s, 15m, 2h)")
    unit = (m.group(2) or "s").lower()[0]
    return float(m.group(1)) * {"s": 1, "m": 60, "h": 3600, "d": 86400}[unit]


@click.command("watch")
@click.argument("feeds_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--every", default="15m", show_default=True, help="Time between polls (30s, 15m, 1h).")
@click.option("--cycles", type=int, default=0, help="Stop after this many polls (0: run until stopped).")
@db_option
@pipeline_options
@fetch_options
@handle_errors
def watch_cmd(feeds_file, every, cycles, db, no_merge, model, settings_file, quiet, allow_private, timeout,
              max_bytes, no_follow):
    """Poll the feeds listed in FEEDS_FILE (one URL or path a line) and ingest new items.

    Each cycle logs one line. SIGINT/SIGTERM stop it cleanly between documents.
    """
    from ..feeds import FeedStats, iter_feed_documents, load_feed
    from ..store.ingest import read_feed_list

    period = parse_duration(every)
    store = _open(db)
    log = _Log(quiet)
    fetcher = _fetcher(allow_private, timeout, max_bytes)
    pipeline = _pipeline(model, settings_file)
    n = 0
    try:
        with StopFlag() as stop:
            while not stop():
                n += 1
                started = time.monotonic()
                feeds = read_feed_list(feeds_file)
                fstats = FeedStats()
                feed_errors = 0

                def items(feeds=feeds, fstats=fstats):
                    nonlocal feed_errors
                    for src in feeds:
                        if stop():
                            return
                        try:
                            feed = load_feed(src, fetcher)
                        except EventwireError as exc:
                            feed_errors += 1
                            store.record_failure(src, exc, url=src if src.startswith("http") else "")
                            click.echo(f"eventwire: watch: feed {src}: {exc}", err=True)
                            continue
                        yield from iter_feed_documents(feed, fetcher, origin=src, follow=not no_follow,
                                                       skip_url=store.has_url, stats=fstats)

                report = store.ingest_documents(items(), merge=not no_merge, pipeline=pipeline, on_error=log.error,
                                                on_document=log.document, should_stop=stop)
                stamp = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
                click.echo(
                    f"eventwire: watch: cycle {n} at {stamp}: {len(feeds)} feeds ({feed_errors} failed), "
                    f"{fstats.items} items ({fstats.skipped} already stored); {report.added} stored, "
                    f"{report.duplicates} duplicates, {report.failed} failed; events {report.new_events} new, "
                    f"{report.merged} merged ({time.monotonic() - started:.1f} s)", err=True)
                if stop() or (cycles and n >= cycles):
                    break
                wake = started + period
                while not stop() and time.monotonic() < wake:
                    time.sleep(min(0.2, max(0.0, wake - time.monotonic())))
            if stop():
                click.echo("eventwire: watch: stopped", err=True)
    finally:
        fetcher.close()
        store.close()


commands = [ingest_cmd, show_cmd, query_cmd, export_cmd, watch_cmd]
