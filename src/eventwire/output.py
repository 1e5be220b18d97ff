"""Output stage: events to JSONL, CSV (ACLED columns), GeoJSON, JSON or a table.

Writers stream: each document's events are written (and flushed) as soon as
the document is done, so an interrupted batch keeps everything produced so far.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

from .models import ACLED_COLUMNS, EXTRA_COLUMNS, Event

FORMATS = ("jsonl", "csv", "geojson", "json", "table")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """Neutralise spreadsheet formulas in text cells (CSV injection): the text of an
    article is untrusted, and analysts open these files in spreadsheets. A text cell
    that starts like a formula gets a leading ``'``; numbers (``-12.5``) are kept."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        try:
            float(value)
        except ValueError:
            return "'" + value
    return value


def csv_row(event: Event) -> dict[str, Any]:
    row = event.acled_row()
    row["evidence"] = json.dumps([e.as_dict() for e in event.evidence], ensure_ascii=False)
    row["provenance"] = json.dumps({k: e.as_dict() for k, e in event.provenance.items()}, ensure_ascii=False)
    for k in ("latitude", "longitude", "iso"):
        if row.get(k) is None:
            row[k] = ""
    return {k: csv_safe(v) for k, v in row.items()}


def geojson_feature(event: Event) -> dict[str, Any]:
    props = event.as_dict()
    geometry = None
    if event.latitude is not None and event.longitude is not None:
        geometry = {"type": "Point", "coordinates": [event.longitude, event.latitude]}
    return {"type": "Feature", "id": event.event_id, "geometry": geometry, "properties": props}


class Writer:
    """Base writer: ``write(events)`` per document, ``close()`` at the end."""

    def __init__(self, fh: IO[str]) -> None:
        self.fh = fh
        self.count = 0

    def write(self, events: Iterable[Event]) -> None:
        for e in events:
            self._one(e)
            self.count += 1
        self.fh.flush()

    def _one(self, event: Event) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def close(self) -> None:
        self.fh.flush()


class JsonlWriter(Writer):
    def _one(self, event: Event) -> None:
        self.fh.write(json.dumps(event.as_dict(), ensure_ascii=False) + "\n")


class CsvWriter(Writer):
    def __init__(self, fh: IO[str]) -> None:
        super().__init__(fh)
        self._w = csv.DictWriter(fh, fieldnames=list(ACLED_COLUMNS) + list(EXTRA_COLUMNS), extrasaction="ignore")
        self._w.writeheader()

    def _one(self, event: Event) -> None:
        self._w.writerow(csv_row(event))


class _ArrayWriter(Writer):
    """JSON array / GeoJSON FeatureCollection, written incrementally."""

    head = "["
    tail = "]\n"

    def __init__(self, fh: IO[str]) -> None:
        super().__init__(fh)
        self.fh.write(self.head)

    def _item(self, event: Event) -> Any:
        return event.as_dict()

    def _one(self, event: Event) -> None:
        if self.count:
            self.fh.write(",")
        self.fh.write("\n" + json.dumps(self._item(event), ensure_ascii=False))

    def close(self) -> None:
        self.fh.write("\n" + self.tail)
        super().close()


class JsonWriter(_ArrayWriter):
    pass


class GeoJsonWriter(_ArrayWriter):
    head = '{"type": "FeatureCollection", "features": ['
    tail = "]}\n"

    def _item(self, event: Event) -> Any:
        return geojson_feature(event)


class TableWriter(Writer):
    """A readable table (rich) for people; printed at close."""

    def __init__(self, fh: IO[str]) -> None:
        super().__init__(fh)
        self.events: list[Event] = []

    def _one(self, event: Event) -> None:
        self.events.append(event)

    def close(self) -> None:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=f"{len(self.events)} event(s)", show_lines=True)
        for col in ("date", "type / sub-type", "actor1 -> actor2", "where", "fat.", "conf.", "evidence"):
            table.add_column(col, overflow="fold")
        for e in self.events:
            actors = e.actor1 or "?"
            if e.assoc_actor_1:
                actors += f" (with {e.assoc_actor_1})"
            actors += f" -> {e.actor2 or '-'}"
            where = ", ".join(x for x in (e.location, e.admin1, e.country) if x) or "?"
            if e.latitude is not None:
                where += f"\n({e.latitude:.2f}, {e.longitude:.2f}) geo {e.geo_precision}"
            ev = e.evidence[0].text if e.evidence else ""
            table.add_row(
                f"{e.event_date}\n(time {e.time_precision})", f"{e.event_type}\n{e.sub_event_type}", actors,
                where, str(e.fatalities), f"{e.confidence:.2f}", ev[:200],
            )
        Console(file=self.fh, width=160).print(table)
        super().close()


WRITERS: dict[str, type[Writer]] = {
    "jsonl": JsonlWriter, "csv": CsvWriter, "geojson": GeoJsonWriter, "json": JsonWriter, "table": TableWriter,
}


def get_writer(fmt: str, fh: IO[str]) -> Writer:
    try:
        return WRITERS[fmt](fh)
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}") from None


def format_for_path(path: str) -> str | None:
    """Infer the output format from a file name (``.csv`` -> csv ...)."""
    p = path.lower()
    for suffix, fmt in ((".geojson", "geojson"), (".jsonl", "jsonl"), (".ndjson", "jsonl"), (".csv", "csv"), (".json", "json")):
        if p.endswith(suffix):
            return fmt
    return None
