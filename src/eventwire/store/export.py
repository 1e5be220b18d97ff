"""Export merged events from the store: CSV (ACLED column order), JSONL, GeoJSON, Parquet.

Every exporter streams: events are read from the store in batches
(:meth:`Store.iter_events`), so exports of any size run in bounded memory.
Parquet goes to one file (``OUT.parquet``) or, for a directory ``OUT``, to a
dataset partitioned by ``year=YYYY/month=MM`` (hive style, readable by pandas,
pyarrow, DuckDB, Spark).
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import StoreError
from ..models import ACLED_COLUMNS, EXTRA_COLUMNS, Event
from ..output import csv_safe

FORMATS = ("csv", "jsonl", "geojson", "parquet")
CSV_COLUMNS: tuple[str, ...] = ACLED_COLUMNS + EXTRA_COLUMNS + ("n_sources", "source_urls")


def csv_row(d: dict[str, Any]) -> dict[str, Any]:
    """A stored event dict -> one CSV row in ACLED column order (then eventwire's extras)."""
    row = Event.from_dict(d).acled_row()
    row["evidence"] = " | ".join(" ".join(e["text"].split()) for e in d.get("evidence") or [])
    row["provenance"] = json.dumps(d.get("provenance") or {}, ensure_ascii=False) if d.get("provenance") else ""
    row["n_sources"] = d.get("n_sources", 1)
    row["source_urls"] = " ".join(s["url"] for s in d.get("sources") or [] if s.get("url"))
    return {k: ("" if row.get(k) is None else csv_safe(row.get(k))) for k in CSV_COLUMNS}


def write_csv(rows: Iterable[dict], out: IO[str]) -> int:
    w = csv.DictWriter(out, fieldnames=list(CSV_COLUMNS), extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    n = 0
    for d in rows:
        w.writerow(csv_row(d))
        n += 1
    return n


def write_jsonl(rows: Iterable[dict], out: IO[str]) -> int:
    n = 0
    for d in rows:
        out.write(json.dumps(d, ensure_ascii=False) + "\n")
        n += 1
    return n


def geojson_feature(d: dict[str, Any]) -> dict[str, Any] | None:
    if d.get("latitude") is None or d.get("longitude") is None:
        return None
    props = {k: v for k, v in d.items() if k not in ("latitude", "longitude", "provenance")}
    return {"type": "Feature", "id": d.get("event_id"),
            "geometry": {"type": "Point", "coordinates": [d["longitude"], d["latitude"]]},
            "properties": props}


def write_geojson(rows: Iterable[dict], out: IO[str]) -> int:
    """A FeatureCollection of the located events (events without coordinates are left out)."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for d in rows:
        feat = geojson_feature(d)
        if feat is None:
            continue
        out.write((",\n" if n else "") + json.dumps(feat, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


def _arrow_schema():
    import pyarrow as pa

    types: dict[str, Any] = {
        "year": pa.int32(), "time_precision": pa.int8(), "inter1": pa.int8(), "inter2": pa.int8(),
        "interaction": pa.int16(), "iso": pa.int32(), "latitude": pa.float64(), "longitude": pa.float64(),
        "geo_precision": pa.int8(), "fatalities": pa.int32(), "confidence": pa.float32(), "n_sources": pa.int32(),
    }
    return pa.schema([(c, types.get(c, pa.string())) for c in CSV_COLUMNS] + [("month", pa.int8())])


def _arrow_row(d: dict[str, Any]) -> dict[str, Any]:
    row = csv_row(d)
    out: dict[str, Any] = {}
    for k, v in row.items():
        out[k] = None if v == "" else v
    for k in ("year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision",
              "fatalities", "n_sources"):
        if out.get(k) is not None:
            try:
                out[k] = int(out[k])
            except (TypeError, ValueError):
                out[k] = None
    for k in ("latitude", "longitude", "confidence"):
        if out.get(k) is not None:
            out[k] = float(out[k])
    for k in CSV_COLUMNS:
        if out.get(k) is not None and not isinstance(out[k], (int, float)):
            out[k] = str(out[k])
    date = str(d.get("event_date") or "")
    out["year"] = out.get("year") or (int(date[:4]) if date[:4].isdigit() else 0)
    out["month"] = int(date[5:7]) if date[5:7].isdigit() else 0
    return out


def _batches(rows: Iterable[dict], size: int) -> Iterator[list[dict]]:
    batch: list[dict] = []
    for d in rows:
        batch.append(_arrow_row(d))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def write_parquet(rows: Iterable[dict], path: str | os.PathLike, *, partition: bool | None = None,
                  batch_size: int = 20_000) -> int:
    """One Parquet file, or (``partition=True``, default when ``path`` has no .parquet
    suffix) a dataset directory partitioned by year/month."""
    import pyarrow as pa
    import pyarrow.dataset as ds
    import pyarrow.parquet as pq

    path = Path(path)
    if partition is None:
        partition = path.suffix.lower() != ".parquet"
    schema = _arrow_schema()
    n = 0
    if not partition:
        path.parent.mkdir(parents=True, exist_ok=True)
        with pq.ParquetWriter(path, schema, compression="zstd") as writer:
            for batch in _batches(rows, batch_size):
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
            if n == 0:
                writer.write_table(pa.Table.from_pylist([], schema=schema))
        return n
    path.mkdir(parents=True, exist_ok=True)
    part = ds.partitioning(pa.schema([("year", pa.int32()), ("month", pa.int8())]), flavor="hive")
    for i, batch in enumerate(_batches(rows, batch_size)):
        table = pa.Table.from_pylist(batch, schema=schema)
        ds.write_dataset(table, path, format="parquet", partitioning=part, existing_data_behavior="overwrite_or_ignore",
                         basename_template=f"part-{i:05d}-{{i}}.parquet")
        n += len(batch)
    return n


def export(store, fmt: str, out: str | os.PathLike | IO[str] | None, **filters: Any) -> int:
    """Write the store's merged events (filtered) in ``fmt``; returns the number written."""
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; one of: {', '.join(FORMATS)}")
    rows = store.iter_events(**filters)
    if fmt == "parquet":
        if out is None or hasattr(out, "write") or str(out) == "-":
            raise StoreError("parquet export needs an output path (-o FILE.parquet or -o DIRECTORY)")
        return write_parquet(rows, out)
    writer = {"csv": write_csv, "jsonl": write_jsonl, "geojson": write_geojson}[fmt]
    if out is None or str(out) == "-":
        import sys

        return writer(rows, sys.stdout)
    if hasattr(out, "write"):
        return writer(rows, out)  # type: ignore[arg-type]
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="") as fh:
        return writer(rows, fh)
