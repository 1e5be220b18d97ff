"""Markdown for evaluation results: one task, or the whole dev-set report."""

from __future__ import annotations

from collections.abc import Sequence

from ..resources import load_yaml
from .metrics import worst
from .tasks import TaskResult


def cell(s: object, limit: int = 240) -> str:
    """Text safe inside a markdown table cell."""
    t = " ".join(str(s or "").split()).replace("|", "\\|")
    return t if len(t) <= limit else t[: limit - 1] + "…"


def _anchors() -> dict[str, dict[str, str]]:
    return {a["key"]: a for a in load_yaml("evaluation.yaml")["anchors"]}


def anchor_text(key: str) -> str:
    a = _anchors().get(key)
    return f"{a['name']}: {a['value']}" if a else key


def figures_table(r: TaskResult) -> str:
    lines = ["| figure | value | n | published anchor |", "|---|---:|---:|---|"]
    for f in r.figures:
        n = "" if f.n is None else str(f.n)
        lines.append(f"| {cell(f.name)} | {f.shown()} | {n} | {cell(anchor_text(f.anchor) if f.anchor else '')} |")
    return "\n".join(lines)


def errors_table(r: TaskResult, n: int = 8) -> str:
    errs = worst(r.errors, n)
    if not errs:
        return "No errors recorded."
    lines = ["| # | kind | doc | what | gold | eventwire | evidence sentence |", "|---:|---|---|---|---|---|---|"]
    for i, e in enumerate(errs, 1):
        lines.append(
            f"| {i} | {e.kind} | {cell(e.doc_id, 40)} | {cell(e.what, 60)} | {cell(e.gold, 120)} | "
            f"{cell(e.pred, 160)} | {cell(e.evidence)} |"
        )
    return "\n".join(lines)


def task_markdown(r: TaskResult, n_errors: int = 8, level: int = 2) -> str:
    h = "#" * level
    out = [f"{h} {r.name}", ""]
    if r.skipped:
        out += [f"Skipped: {r.skipped}", ""]
        return "\n".join(out)
    meta = [x for x in (r.sample, f"{r.seconds:.1f} s" if r.seconds else "") if x]
    if meta:
        out += ["Sample: " + "; ".join(meta) + ".", ""]
    out += [figures_table(r), ""]
    for note in r.notes:
        out += [f"- {note}"]
    if r.notes:
        out.append("")
    for t in r.tables:
        out += [demote(t, level), ""]
    if r.errors_hidden:
        out += [f"Errors: {len(r.errors)}, not listed: {r.errors_hidden}.", ""]
    else:
        out += [f"Worst errors ({min(n_errors, len(r.errors))} of {len(r.errors)}):", "", errors_table(r, n_errors), ""]
    return "\n".join(out)


def demote(md: str, level: int) -> str:
    """Headings inside a section's extra markdown, pushed below the section's own level."""
    out = []
    for line in md.splitlines():
        if line.startswith("#"):
            hashes = len(line) - len(line.lstrip("#"))
            line = "#" * max(hashes, level + 1) + line[hashes:]
        out.append(line)
    return "\n".join(out)


def anchors_table(results: Sequence[TaskResult]) -> str:
    """Every published anchor with the eventwire figures set beside it."""
    lines = ["| published anchor | source | eventwire figure (dev) | value | n |", "|---|---|---|---:|---:|"]
    beside = [(r, f) for r in results if not r.skipped for f in r.figures if f.anchor]
    for key, a in _anchors().items():
        hits = [(r, f) for r, f in beside if f.anchor == key]
        if not hits:
            lines.append(f"| {cell(a['name'])}: **{a['value']}** | {cell(a['source'])} | (not run) | | |")
        for r, f in hits:
            n = "" if f.n is None else str(f.n)
            lines.append(f"| {cell(a['name'])}: **{a['value']}** | {cell(a['source'])} | "
                         f"{cell(r.name, 60)}: {cell(f.name, 80)} | {f.shown()} | {n} |")
    return "\n".join(lines)


def full_report(results: Sequence[TaskResult], header: Sequence[str], n_errors: int = 8) -> str:
    ran = [r for r in results if not r.skipped]
    skipped = [r for r in results if r.skipped]
    out = ["# eventwire evaluation", ""]
    out += list(header) + [""]
    out += ["## Beside the published anchors", "",
            "Published figures come from other test sets and setups; they say what good looks like, "
            "not a like-for-like comparison.", "", anchors_table(results), ""]
    out += ["## Summary", "", "| dev set | sample | time |", "|---|---|---:|"]
    for r in ran:
        out.append(f"| {cell(r.name)} | {cell(r.sample)} | {r.seconds:.1f} s |")
    for r in skipped:
        out.append(f"| {cell(r.name)} | skipped: {cell(r.skipped)} | |")
    out.append("")
    out += ["## How the figures are computed", "", *DEFINITIONS, ""]
    for r in ran:
        out.append(task_markdown(r, n_errors))
    return "\n".join(out).rstrip() + "\n"


DEFINITIONS = (
    "- **Events** (`eventwire eval --task events`): per document, predicted events are matched one-to-one to gold "
    "events (same ACLED event type, date within 1 day, coordinates within 25 km, each checked when both sides "
    "have it; the matching with the most pairs, then the closest). Precision = matched / predicted, recall = "
    "matched / gold. Field accuracy is on matched pairs, over the fields the gold fills in; actor names are "
    "compared after normalisation (case, accents, `(Country)`, `SDF: ...` short forms), places ignoring words "
    "such as *province* or *al-*, countries by ISO code. *Any place* repeats the matching on type and date "
    "only, so a well-detected but badly placed event shows as a location error, not as a miss plus a spurious event.",
    "- **Types**: the sub-event type of each document's highest-confidence event against one gold label; "
    "a document with no event is wrong unless its gold label says no event. Weighted F1 weights each gold class by its support (as CASE 2021).",
    "- **Toponyms**: a gold toponym is detected when a predicted span overlaps it (one-to-one); resolution is "
    "right within 161 km (100 miles).",
    "- **Worst errors** list the most severe errors of each kind in turn (missed events, spurious events, wrong "
    "fields, far locations), each with the sentence it came from.",
)
