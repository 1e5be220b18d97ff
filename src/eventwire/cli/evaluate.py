"""``eventwire eval``: score event records (or toponyms) against a gold file."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import EventwireError


@click.command("eval")
@click.option("--gold", "gold", required=True, type=click.Path(exists=True, dir_okay=False),
              help="Gold file: ACLED-style rows (events), doc_id + sub_event_type (types), "
                   "or toponym XML/JSONL (toponyms).")
@click.option("--pred", "pred", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Predictions: eventwire JSONL/CSV events, or geoparse JSONL records for toponyms.")
@click.option("--input", "inputs", multiple=True, type=click.Path(exists=True),
              help="Run eventwire over these inputs instead of reading --pred (repeatable).")
@click.option("--task", type=click.Choice(["events", "types", "toponyms"]), default="events", show_default=True)
@click.option("--report", type=click.Path(dir_okay=False), default=None, help="Also write the report (markdown) here.")
@click.option("--errors", "n_errors", type=int, default=10, show_default=True, help="Worst errors to list.")
@click.option("--max-days", type=int, default=1, show_default=True, help="Events: dates this many days apart still match.")
@click.option("--max-km", type=float, default=25.0, show_default=True, help="Events: points this far apart still match.")
def eval_command(gold, pred, inputs, task, report, n_errors, max_days, max_km) -> None:
    """Score predictions against gold: event P/R/F1 and field accuracy, document
    types (accuracy, macro and weighted F1), or toponyms (detection, 161 km).

    Gold and predictions meet on doc_id: with --input, a file's doc_id is its name
    without the suffix (a JSONL record's is its "id"); gold rows without doc_id
    belong to the one document when there is only one.

    \b
    eventwire eval --gold gold.csv --pred events.jsonl
    eventwire eval --gold gold.jsonl --input articles/ --report out.md
    eventwire eval --task types --gold labels.csv --pred events.jsonl
    eventwire eval --task toponyms --gold GWN.xml --input GWN.xml
    """
    from ..evaluation.report import task_markdown
    from ..evaluation.tasks import evaluate_files

    if bool(pred) == bool(inputs):
        raise click.UsageError("give exactly one of --pred PRED or --input INPUT")
    try:
        result = evaluate_files(task, gold, pred, inputs, max_days=max_days, max_km=max_km)
    except (EventwireError, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    text = task_markdown(result, n_errors, level=1)
    click.echo(text, nl=False)
    if report:
        Path(report).write_text(text, encoding="utf-8")
        click.echo(f"eventwire: wrote {report}", err=True)


commands: list[click.Command] = [eval_command]
