"""``eventwire gazetteer build|lookup`` and ``eventwire geoparse`` (thin over eventwire.places)."""

from __future__ import annotations

import json
import sys

import click

from ..errors import EventwireError


@click.group("gazetteer")
def gazetteer_group() -> None:
    """The offline gazetteer (a SQLite file built from packaged GeoNames data)."""


@gazetteer_group.command("build")
@click.option("--geonames", type=click.Path(exists=True, dir_okay=False),
              help="A GeoNames dump you downloaded (allCountries.zip, cities500.zip or the .txt).")
@click.option("--extra", type=click.Path(exists=True, dir_okay=False),
              help="Your own places: CSV with name, latitude, longitude [, aliases, country_code, admin1, "
                   "feature_class, feature_code, population, source].")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Where to write it (default: the cache dir, or settings.gazetteer_path).")
@click.option("--countries", default=None, metavar="CC,CC",
              help="Keep towns and divisions of these countries only (ISO alpha-2; a smaller file).")
@click.option("--if-missing", is_flag=True, help="Do nothing when the gazetteer file already exists.")
@click.option("-q", "--quiet", is_flag=True, help="No progress output.")
def build_cmd(geonames, extra, output, countries, if_missing, quiet) -> None:
    """Build (or rebuild) the gazetteer.

    \b
    Examples:
      eventwire gazetteer build
      eventwire gazetteer build --geonames ~/Downloads/allCountries.zip --extra my_places.csv
    """
    from pathlib import Path

    from ..places.gazetteer import build, default_path
    from ..settings import Settings

    path = Path(output) if output else default_path(Settings())
    if if_missing and path.exists():
        if not quiet:
            click.echo(f"gazetteer already at {path}")
        return
    status = None
    if not quiet:
        from rich.console import Console

        status = Console(stderr=True).status("building the gazetteer")
        status.start()

    def progress(stage: str, done: int, total: int) -> None:
        if status is not None:
            status.update(f"building the gazetteer: {stage} {done:,}" + (f"/{total:,}" if total else ""))

    try:
        only = [c.strip() for c in countries.split(",") if c.strip()] if countries else None
        out = build(path, geonames=Path(geonames) if geonames else None, extra=Path(extra) if extra else None,
                    progress=progress, only_countries=only)
    except EventwireError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        if status is not None:
            status.stop()
    if not quiet:
        click.echo(f"gazetteer written to {out} ({out.stat().st_size / 1e6:.0f} MB). "
                   "Place data: GeoNames (geonames.org), CC BY 4.0.")


@gazetteer_group.command("lookup")
@click.argument("name", nargs=-1, required=True)
@click.option("--limit", default=10, show_default=True, help="How many candidates to print.")
@click.option("--json", "as_json", is_flag=True, help="JSON lines instead of a table.")
def lookup_cmd(name, limit, as_json) -> None:
    """Print the ranked candidates for NAME and why each ranks where it does.

    \b
    Examples:
      eventwire gazetteer lookup Tripoli
      eventwire gazetteer lookup "Deir el-Zour"
    """
    from ..places.gazetteer import Gazetteer
    from ..places.recognize import Toponym
    from ..places.resolve import Resolver, describe
    from ..settings import Settings

    text = " ".join(name)
    try:
        gaz = Gazetteer.for_settings(Settings())
    except EventwireError as exc:
        raise click.ClickException(str(exc)) from None
    res = Resolver(gaz)
    topo = Toponym(0, len(text), text)
    cands = res.candidates(topo)
    if not cands:
        topo.role = "adjective"
        cands = res.candidates(topo)
    if not cands:
        click.echo(f"no place called {text!r} in the gazetteer", err=True)
        sys.exit(1)
    ranked = []
    for c in cands:
        parts: list[str] = []
        ranked.append((res.prior(topo, c, parts, any(x.match == "name" for x in cands)), c, parts))
    ranked.sort(key=lambda x: -x[0])
    for score, c, parts in ranked[:limit]:
        place = gaz.to_place(c)
        if as_json:
            click.echo(json.dumps({"score": round(score, 2), **place.as_dict(), "match": c.match, "why": parts},
                                  ensure_ascii=False))
        else:
            click.echo(f"{score:6.2f}  {describe(c, gaz)}  [{place.latitude}, {place.longitude}] "
                       f"geonameid={place.geonameid or '-'} match={c.match}")
            click.echo(f"        why: {'; '.join(parts)}")
    if len(ranked) > limit and not as_json:
        click.echo(f"... {len(ranked) - limit} more")


@click.command("geoparse")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-f", "--format", "fmt", type=click.Choice(["jsonl", "tsv"]), default="jsonl", show_default=True)
@click.option("-o", "--output", "out", default="-", help="Output file (default: stdout).")
@click.option("--model", default=None, help="spaCy pipeline: auto (default), blank, or a package name.")
@click.option("--no-clean", is_flag=True, help="Geoparse the whole text as given (keep captions, teasers ...).")
def geoparse_cmd(inputs, fmt, out, model, no_clean) -> None:
    """One record per place mention in INPUT... (.txt, .html, .jsonl, directories, - for stdin).

    Fields: doc_id, start, end, text, name, geonameid, latitude, longitude,
    feature_code, country_code, admin1, score. Offsets point into the text as
    given (for JSONL, into its ``text`` field).
    """
    from ..ingest import iter_documents
    from ..errors import InputError
    from ..pipeline import Pipeline
    from ..places import geoparse_document
    from ..settings import Settings

    # every place mention is wanted: entities over the whole text (no parse needed)
    settings = Settings.load(None, model=model, parse_scope="entities")
    stages = ("nlp", "places") if no_clean else ("clean", "nlp", "places")
    pipe = Pipeline(settings, stages=stages)
    fh = sys.stdout if out == "-" else open(out, "w", encoding="utf-8")
    cols = ("doc_id", "start", "end", "text", "name", "geonameid", "latitude", "longitude", "feature_code",
            "country_code", "admin1", "score")
    skipped = 0
    if fmt == "tsv":
        fh.write("\t".join(cols) + "\n")
    try:
        for item in iter_documents(inputs):
            if isinstance(item, InputError):
                click.echo(f"eventwire: skipped {item.origin}: {item.message}", err=True)
                skipped += 1
                continue
            if no_clean:
                item.clean = item.text
                item.segments = []
            try:
                doc = pipe(item)
            except EventwireError as exc:
                click.echo(f"eventwire: skipped {item.origin or item.id}: {exc}", err=True)
                skipped += 1
                continue
            for rec in geoparse_document(doc, settings):
                if fmt == "jsonl":
                    fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                else:
                    fh.write("\t".join("" if rec[c] is None else str(rec[c]).replace("\t", " ") for c in cols) + "\n")
    finally:
        if fh is not sys.stdout:
            fh.close()
    if skipped:
        sys.exit(1)


commands = [gazetteer_group, geoparse_cmd]
