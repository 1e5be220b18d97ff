"""The store's commands: ingest, show, query, export (in-process with click's runner)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.store import open_store
from eventwire.store.dedup_eval import load_labelled
from pathlib import Path

SET = Path(__file__).parent / "fixtures" / "dedup" / "articles.yaml"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("cli") / "set.sqlite")
    store = open_store(path)
    for doc, _ in load_labelled(SET):
        store.add_document(doc)
    store.close()
    return path


def run(*args):
    r = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return r


def test_query_table_and_filters(db):
    r = run("query", "--db", db, "--country", "Kenya")
    assert r.exit_code == 0, r.output
    assert "Nairobi" in r.output and "Mombasa" in r.output and "Palmyra" not in r.output
    r = run("query", "--db", db, "--count", "--event-type", "Battles", "--from", "2024-05-01", "--to", "2024-05-31")
    assert r.stdout.strip() == "3"  # Palmyra on two days, El Fasher; not Colombia (April) or Lashio (August)
    r = run("query", "--db", db, "--format", "jsonl", "--actor", "Rapid Support", "--order", "-fatalities")
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    assert rows and all("rapid support" in (x["actor1"] + x["actor2"]).lower() for x in rows)
    assert rows[0]["fatalities"] == 25 and rows[0]["n_sources"] == 4  # El Fasher shelling: MSF's 25 is the lowest
    r = run("query", "--db", db, "--format", "csv", "-t", "hypermarket", "--bbox", "35,49,38,51")
    (row,) = list(csv.DictReader(io.StringIO(r.stdout)))
    assert row["location"] == "Kharkiv" and row["fatalities"] == "12"
    assert row["source"] == "Kyiv Independent; Ukrinform; BBC; Ukrainska Pravda"


def test_show_explains_the_merge(db):
    store = open_store(db)
    (ev,) = store.query(text="palmyra", date_from="2024-05-11", date_to="2024-05-11")
    store.close()
    r = run("show", "--db", db, ev["event_id"])
    assert r.exit_code == 0
    out = r.output
    assert "sources (4)" in out and "Associated Press" in out and "SANA" in out
    assert "why merged" in out and "same date 2024-05-11" in out
    assert "fatalities: 8" in out and "not reported" in out
    r = run("show", "--db", db, "--json", "syr-sana-1-e1")  # a raw event id finds its merged event
    assert json.loads(r.stdout)["event_id"] == ev["event_id"]
    r = CliRunner().invoke(main, ["show", "--db", db, "nope"])
    assert r.exit_code == 1 and "no event 'nope'" in r.output


def test_export_formats(db, tmp_path):
    r = run("export", "--db", db, "-f", "csv", "-o", str(tmp_path / "all.csv"))
    assert r.exit_code == 0
    rows = list(csv.DictReader(open(tmp_path / "all.csv", encoding="utf-8")))
    assert len(rows) == 19 and list(rows[0])[:3] == ["event_id_cnty", "event_date", "year"]
    r = run("export", "--db", db, "-f", "geojson", "--country", "Sudan")
    assert len(json.loads(r.stdout)["features"]) == 3
    r = run("export", "--db", db, "-f", "parquet", "-o", str(tmp_path / "pq"))
    assert r.exit_code == 0 and (tmp_path / "pq" / "year=2024").is_dir()
    r = CliRunner().invoke(main, ["export", "--db", db, "-f", "parquet"])
    assert r.exit_code == 1 and "needs an output path" in r.output


def test_missing_store_is_one_clear_line(tmp_path):
    r = CliRunner().invoke(main, ["query", "--db", str(tmp_path / "none.sqlite")])
    assert r.exit_code == 1 and "no such event store" in r.output


def test_ingest_files_no_merge_and_failures(tmp_path):
    (tmp_path / "a.txt").write_text("Police dispersed protesters in Nairobi on Tuesday.", encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text('{"text": "ok story about Kenya"}\nnot json\n', encoding="utf-8")
    db = str(tmp_path / "i.sqlite")
    r = CliRunner().invoke(main, ["ingest", "--db", db, "--model", "blank", "--no-merge",
                                  str(tmp_path / "a.txt"), str(tmp_path / "bad.jsonl")])
    assert r.exit_code == 1
    assert "bad.jsonl:2" in r.output and "2 documents stored" in r.output and "1 failed" in r.output
    store = open_store(db)
    assert [f["origin"] for f in store.failures()] == [str(tmp_path / "bad.jsonl") + ":2"]
    assert store.counts()["documents"] == 2
    store.close()
