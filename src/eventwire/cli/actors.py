"""``eventwire actors ...``: look at the actor dictionary (thin over eventwire.actors)."""

from __future__ import annotations

import json

import click

from ..errors import EventwireError


@click.group("actors")
def actors_group() -> None:
    """The actor dictionary: how names resolve, what it holds."""


@actors_group.command("lookup")
@click.argument("name", nargs=-1, required=True)
@click.option("--country", default="", help="Country of the context (fills generic names, picks branches).")
@click.option("--json", "as_json", is_flag=True, help="Print the resolved actor as JSON.")
def lookup_cmd(name: tuple[str, ...], country: str, as_json: bool) -> None:
    """Show how NAME resolves: normalised name, inter code, kind, listed or not.

    \b
    Examples:
      eventwire actors lookup "Isis militants" --country Iraq
      eventwire actors lookup "US-backed Syrian forces" --country Syria
      eventwire actors lookup "Kurdistan Freedom Brigade"
    """
    from ..actors import interaction_code, lookup

    text = " ".join(name)
    try:
        actor = lookup(text, country=country)
    except EventwireError as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(json.dumps(actor.as_dict(), ensure_ascii=False))
        return
    click.echo(f"{text!r} -> {actor.name}")
    click.echo(f"  inter:   {actor.inter} ({actor.kind or '-'}); alone: interaction {interaction_code(actor.inter, 0)}")
    if actor.country:
        click.echo(f"  country: {actor.country}")
    click.echo(f"  listed:  {'yes' if actor.listed else 'no (not in the dictionary: add it to data/actors.csv)'}")
    if actor.why:
        click.echo(f"  why:     {actor.why}")


@actors_group.command("list")
@click.option("--inter", type=click.IntRange(1, 8), default=None, help="Only this ACLED inter code.")
@click.option("--country", default="", help="Only actors of this home country.")
@click.option("--search", default="", help="Only names or aliases containing this text.")
def list_cmd(inter: int | None, country: str, search: str) -> None:
    """List dictionary entries (name, inter, country, first aliases)."""
    from ..actors.dictionary import load_dictionary

    d = load_dictionary()
    n = 0
    for e in sorted(d.entries.values(), key=lambda e: e.name.lower()):
        if inter and e.inter != inter:
            continue
        if country and e.country.lower() != country.lower():
            continue
        if search and search.lower() not in (e.name + "|" + "|".join(e.aliases)).lower():
            continue
        n += 1
        aliases = ", ".join(e.aliases[:4]) + (" ..." if len(e.aliases) > 4 else "")
        click.echo(f"{e.name}\t{e.inter}\t{e.country or '-'}\t{aliases}")
    click.echo(f"{n} entries", err=True)


commands: list = [actors_group]
