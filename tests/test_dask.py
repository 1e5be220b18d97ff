"""eventwire.distributed: JSONL shards on a Dask cluster -> Parquet by publication month.

Runs a real LocalCluster with two worker processes (as a cluster would), so
pickling, per-process pipelines and the file layout are all exercised.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from eventwire import distributed as dist
from eventwire.ingest import iter_jsonl
from eventwire.pipeline import Pipeline

from conftest import run_cli

pytestmark = pytest.mark.slow

# Articles written for these tests; the shards mix months, a line that is not
# JSON, a record without text, an article with no publication date, and a
# gzip shard.
A = [
    {"id": "a1", "published": "2021-03-08",
     "text": "Government warplanes struck a market in the town of Atarib in Aleppo province on Sunday, killing "
             "at least 11 civilians, the Syrian Observatory for Human Rights said."},
    {"id": "a2", "published": "2021-02-27",
     "text": "Gunmen abducted 42 people, including 27 students, from a boarding school in Kagara, Niger state, "
             "early on Wednesday, police said. One student was killed in the attack."},
]
B = [
    {"id": "b1", "published": "2020-06-02",
     "text": "Thousands of people marched through central Minsk on Saturday to demand the release of detained "
             "opposition figures. Police detained dozens of protesters near Independence Square."},
    "{this line is not json",
    {"id": "b3", "text": "   "},
    {"id": "b4",
     "text": "Two soldiers were killed when a roadside bomb hit their patrol near Gao in northern Mali, the army "
             "said on Friday."},
]
C = [
    {"id": "c1", "published": "2018-11-20",
     "text": "Turkish police arrested a prominent human rights lawyer in Istanbul on Tuesday, her colleagues said."},
    {"id": "c2", "published": "2019-05-12",
     "text": "Liverpool beat Newcastle 3-2 on Saturday to return to the top of the Premier League table."},
]


def _lines(records) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


@pytest.fixture
def shards(tmp_path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.jsonl").write_text(_lines(A), encoding="utf-8")
    (d / "b.jsonl").write_text(_lines(B), encoding="utf-8")
    with gzip.open(d / "c.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(_lines(C))
    return d


def _expected(settings, shard_dir: Path) -> dict[str, set[str]]:
    """event_ids per publication month, from the single-process pipeline over the same shards."""
    pipeline = Pipeline(settings)
    out: dict[str, set[str]] = {}
    for name in ("a.jsonl", "b.jsonl", "c.jsonl.gz"):
        path = shard_dir / name
        opener = gzip.open if name.endswith(".gz") else open
        with opener(path, "rb") as fh:
            for item in iter_jsonl(fh, str(path)):
                if isinstance(item, Exception):
                    continue
                doc = pipeline(item)
                out.setdefault(dist.month_of(doc), set()).update(e.event_id for e in doc.events)
    return out


def test_shards_to_parquet_partitioned_by_month_then_rerun(client, shards, tmp_path, settings):
    import pandas as pd

    out = tmp_path / "out"
    missing_glob = str(tmp_path / "nothing" / "*.jsonl")
    results, missing = dist.run(client, [str(shards / "*.jsonl*"), missing_glob], str(out), settings)

    assert [m.origin for m in missing] == [missing_glob]
    assert [Path(r.shard).name for r in results] == ["a.jsonl", "b.jsonl", "c.jsonl.gz"]
    assert all(r.status == "done" for r in results), [r.error for r in results]
    assert len({r.worker for r in results}) >= 1
    a, b, c = results
    assert (a.documents, b.documents, c.documents) == (2, 2, 2)
    assert [Path(e["origin"]).name for e in b.errors] == ["b.jsonl:2", "b.jsonl:3"]
    assert b.errors[0]["message"].startswith("not valid JSON")
    assert b.errors[1]["message"] == "record has no 'text' or 'html'"

    # the Parquet data set holds exactly the events of the single-process pipeline, by month
    expected = _expected(settings, shards)
    assert sum(len(v) for v in expected.values()) >= 3  # the articles do hold events
    table = pd.read_parquet(out)
    got: dict[str, set[str]] = {}
    for month, eid in zip(table["published_month"].astype(str), table["event_id"]):
        got.setdefault(month, set()).add(eid)
    assert got == {m: ids for m, ids in expected.items() if ids}
    assert len(table) == sum(r.events for r in results)
    assert "unknown" in got  # b4 has no publication date
    assert all(p.name.endswith(".parquet") for p in out.rglob("published_month=*/*"))
    row = table[table["doc_id"] == "a1"].iloc[0]
    assert json.loads(row["evidence"])[0]["text"] and row["origin"].endswith("a.jsonl:1")

    manifests = sorted(p.name for p in (out / "_shards").iterdir())
    assert manifests == sorted(f"{r.key}.json" for r in results)
    man = json.loads((out / "_shards" / f"{a.key}.json").read_text())
    assert man["documents"] == 2 and man["files"] == a.files and man["fingerprint"]["size"] > 0

    # re-run: every shard is already done; nothing is rewritten
    mtimes = {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")}
    again, _ = dist.run(client, [str(shards / "*.jsonl*")], str(out), settings)
    assert [r.status for r in again] == ["skipped"] * 3
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")} == mtimes

    # a shard that changes is redone, alone; its old files go first
    (shards / "a.jsonl").write_text(_lines(A[:1]), encoding="utf-8")
    third, _ = dist.run(client, [str(shards / "*.jsonl*")], str(out), settings)
    assert [r.status for r in third] == ["done", "skipped", "skipped"]
    table = pd.read_parquet(out)
    assert "a2" not in set(table["doc_id"]) and "a1" in set(table["doc_id"])
    assert not list(out.rglob(f"published_month=2021-02/{a.key}.parquet"))


def test_a_broken_shard_fails_alone_and_is_reported(client, shards, tmp_path, settings):
    (shards / "d.jsonl.gz").write_bytes(b"\x1f\x8b\x08\x00 this is not really gzip")
    out = "file://" + str(tmp_path / "out")  # an fsspec URL for the output
    results, _ = dist.run(client, ["file://" + str(shards / "*.jsonl*")], out, settings)
    by_name = {Path(r.shard).name: r for r in results}
    assert by_name["d.jsonl.gz"].status == "failed"
    assert by_name["d.jsonl.gz"].error
    assert [by_name[n].status for n in ("a.jsonl", "b.jsonl", "c.jsonl.gz")] == ["done"] * 3
    failed = tmp_path / "out" / "_shards" / f"{by_name['d.jsonl.gz'].key}.failed.json"
    assert json.loads(failed.read_text())["status"] == "failed"

    # fixed and re-run: only that shard is done now, and its failure marker goes
    with gzip.open(shards / "d.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(_lines(C[:1]))
    results, _ = dist.run(client, [str(shards / "*.jsonl*")], out, settings)
    assert [r.status for r in results] == ["skipped", "skipped", "skipped", "done"]
    assert not failed.exists()


def test_shard_keys_are_stable_and_distinct():
    k1 = dist.shard_key("s3://news/2015/01/part-0001.jsonl.gz")
    k2 = dist.shard_key("s3://news/2016/01/part-0001.jsonl.gz")
    assert k1.startswith("part-0001-") and k1 != k2
    assert dist.shard_key("s3://news/2015/01/part-0001.jsonl.gz") == k1
    assert "/" not in dist.shard_key("/data/we ird/x?.jsonl")


def test_cli_dask_local(shards, tmp_path):
    out = tmp_path / "cli-out"
    r = run_cli("extract", "--dask", "local", "--workers", "2", str(shards / "*.jsonl*"), "-o", str(out))
    err = r.stderr.decode()
    assert r.returncode == 1, err  # b.jsonl has two bad lines
    assert f"skipped {shards / 'b.jsonl'}:2: not valid JSON" in err
    assert "3 shard(s): 3 done (0 already), 0 failed; 6 document(s), 2 skipped" in err
    assert list(out.glob("published_month=*/*.parquet"))
    r = run_cli("extract", "--dask", "local", "--workers", "2", str(shards / "*.jsonl*"), "-o", str(out), "-q")
    assert "3 done (3 already)" in r.stderr.decode()
    r = run_cli("extract", "--dask", "local", str(shards / "*.jsonl*"))
    assert r.returncode == 2 and "-o OUT_DIR" in r.stderr.decode()


def _one_event_per_article(settings):
    """A stand-in pipeline for the file layout tests: one event per article."""
    from eventwire.models import Event

    def run(doc):
        doc.events = [Event(doc_id=doc.id, event_id=f"E-{doc.id}", event_type="Protests",
                            published=doc.published.isoformat() if doc.published else "")]
        return doc
    return run


def test_big_shards_are_written_in_parts_and_rewritten_cleanly(tmp_path, monkeypatch, settings):
    import pandas as pd

    monkeypatch.setattr(dist, "FLUSH_ROWS", 2)
    months = ["2020-01-05", "2020-01-20", "2020-02-01", "2020-01-28", "", "2020-01-30"]
    src = tmp_path / "big.jsonl"
    src.write_text(_lines([{"id": f"n{i}", "text": "Protesters marched in Dakar.", "published": m or None}
                           for i, m in enumerate(months)]), encoding="utf-8")
    out = tmp_path / "out"
    r = dist.process_shard(str(src), str(out), settings, pipeline_factory=_one_event_per_article)
    assert r.status == "done" and r.events == 6 and r.documents == 6
    jan = sorted(p.name for p in (out / "published_month=2020-01").iterdir())
    assert jan == [f"{r.key}-1.parquet", f"{r.key}-2.parquet", f"{r.key}.parquet"]
    assert sorted(r.files) == sorted(str(p.relative_to(out)) for p in out.rglob("*.parquet"))
    table = pd.read_parquet(out)
    assert sorted(table["doc_id"]) == [f"n{i}" for i in range(6)]
    assert set(table.loc[table["doc_id"] == "n4", "published_month"].astype(str)) == {"unknown"}

    # forced re-run after the shard shrank: the old parts go, nothing is duplicated
    src.write_text(_lines([{"id": "n0", "text": "Protesters marched in Dakar.", "published": "2020-01-05"}]),
                   encoding="utf-8")
    r2 = dist.process_shard(str(src), str(out), settings, force=True, pipeline_factory=_one_event_per_article)
    assert r2.status == "done" and r2.files == [f"published_month=2020-01/{r.key}.parquet"]
    assert list(pd.read_parquet(out)["doc_id"]) == ["n0"]
    assert not list(out.rglob(f"{r.key}-1.parquet"))
