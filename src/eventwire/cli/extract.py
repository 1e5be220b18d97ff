"""``eventwire extract``: articles in, event records out."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import click

from ..errors import EventwireError, InputError
from ..ingest import iter_documents, parse_published
from ..models import Document
from ..output import FORMATS, format_for_path, get_writer
from ..settings import Settings


class Reporter:
    """One line on stderr per skipped input or warning; counts what was skipped."""

    def __init__(self, quiet: bool = False) -> None:
        self.skipped = 0
        self.warned = 0
        self.quiet = quiet

    def skip(self, origin: str, message: str) -> None:
        self.skipped += 1
        click.echo(f"eventwire: skipped {origin}: {message}" if origin else f"eventwire: skipped: {message}", err=True)

    def error(self, item: Document | InputError | dict, exc: Exception) -> None:
        if isinstance(exc, InputError) and exc.origin:
            self.skip(exc.origin, exc.message)
        else:
            origin = getattr(item, "origin", "") or getattr(item, "id", "")
            self.skip(origin, str(exc))

    def warn(self, message: str) -> None:
        self.warned += 1
        if not self.quiet:
            click.echo(f"eventwire: warning: {message}", err=True)


def settings_from_options(model: str | None, settings_file: str | None, **extra) -> Settings:
    return Settings.load(settings_file, model=model, **extra)


def documents(inputs, reporter: Reporter, published=None, source=None, title=None, exclude=()) -> Iterator[Document]:
    """Documents from the inputs, InputErrors reported and skipped, overrides applied."""
    for item in iter_documents(inputs, exclude=exclude):
        if isinstance(item, InputError):
            reporter.skip(item.origin, item.message)
            continue
        for w in item.warnings:
            reporter.warn(w)
        item.warnings.clear()
        if published is not None and item.published is None:
            item.published, item.published_from = published, "option"
        if source and not item.source:
            item.source = source
        if title and not item.title:
            item.title = title
        yield item


def _progress(enabled: bool):
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    return Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console, disable=not enabled, transient=False,
    )


@click.command("extract")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", "out", default="-", help="Output file (default: stdout).")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format (default: from the -o suffix, else jsonl).")
@click.option("--published", default=None, help="Publication date for inputs that carry none (YYYY-MM-DD).")
@click.option("--source", default=None, help="Source name for inputs that carry none.")
@click.option("--model", default=None, help="spaCy pipeline: auto (default), blank, or a package name.")
@click.option("--settings", "settings_file", default=None, type=click.Path(exists=True, dir_okay=False),
              help="A JSON settings file.")
@click.option("--min-confidence", type=float, default=None, help="Drop events below this confidence.")
@click.option("-q", "--quiet", is_flag=True, help="No warnings or progress bar.")
@click.option("-w", "--workers", type=click.IntRange(min=0), default=1, show_default=True,
              help="Worker processes (0: one per core). Output keeps the input order.")
@click.option("--dask", "dask_address", default=None, metavar="SCHEDULER_ADDRESS",
              help="Run on a Dask cluster: INPUTs are JSONL shards (globs or fsspec URLs such as "
                   "s3://bucket/*.jsonl.gz), -o is the output directory (Parquet partitioned by "
                   "publication month). 'local' starts a cluster on this machine.")
@click.option("--force", is_flag=True, help="With --dask: redo shards already marked done.")
def extract_cmd(inputs, out, fmt, published, source, model, settings_file, min_confidence, quiet,
                workers=1, dask_address=None, force=False):
    """Extract ACLED-style events from INPUT... (.txt, .html, .jsonl, directories, or - for stdin).

    Each bad input gets one line on stderr naming the file (and line); the
    batch goes on, and the exit code is 1 when anything was skipped.
    """
    reporter = Reporter(quiet)
    try:
        pub = parse_published(published, "--published") if published else None
        settings = settings_from_options(model, settings_file, min_confidence=min_confidence)
    except (EventwireError, ValueError) as exc:
        raise click.UsageError(str(exc)) from None
    if dask_address:
        from .. import distributed

        sys.exit(distributed.cli_run(dask_address, inputs, out, settings, force=force,
                                     workers=workers, quiet=quiet, published=pub, source=source))
    fmt = fmt or (format_for_path(out) if out != "-" else None) or "jsonl"
    from ..api import extract_documents
    from ..parallel import default_workers, extract_parallel

    if workers == 0:
        workers = default_workers()

    fh = sys.stdout if out == "-" else open(out, "w", encoding="utf-8", newline="")
    writer = get_writer(fmt, fh)
    show_progress = not quiet and sys.stderr.isatty()
    try:
        with _progress(show_progress) as progress:
            task = progress.add_task("extracting", total=None)
            docs = documents(inputs, reporter, pub, source, exclude=[out] if out != "-" else [])
            processed = (extract_parallel(docs, settings, workers, on_error=reporter.error) if workers > 1
                         else extract_documents(docs, settings, on_error=reporter.error))
            for doc in processed:
                for w in doc.warnings:
                    reporter.warn(w)
                writer.write(doc.events)
                progress.advance(task)
    finally:
        writer.close()
        if fh is not sys.stdout:
            fh.close()
    if reporter.skipped:
        click.echo(f"eventwire: {reporter.skipped} input(s) skipped; {writer.count} event(s) written", err=True)
        sys.exit(1)


commands = [extract_cmd]
