"""Crash safety: an ingest killed with SIGKILL mid-batch loses nothing committed and
duplicates nothing when run again."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from conftest import EVENTWIRE_BIN

TOWNS = ["Palmyra", "Homs", "Idlib", "Aleppo", "Raqqa", "Hama", "Daraa", "Latakia", "Tartus", "Qamishli"]


def write_batch(path, n: int) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            town = TOWNS[i % len(TOWNS)]
            fh.write(json.dumps({
                "id": f"wire-{i:04d}",
                "text": f"Report {i}: residents of {town} said fighting broke out on day {i} of the month, "
                        f"and {i % 7} people were wounded according to local medics.",
                "source": f"Outlet {i % 5}",
                "url": f"https://outlet{i % 5}.example/story/{i}",
                "published": "2024-05-11",
            }) + "\n")


def db_counts(path) -> dict[str, int]:
    con = sqlite3.connect(path)
    try:
        out = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
               for t in ("documents", "raw_events", "events")}
        out["distinct_texts"] = con.execute("SELECT count(DISTINCT text_key) FROM documents").fetchone()[0]
        out["partial_docs"] = con.execute(
            "SELECT count(*) FROM documents d WHERE n_events != "
            "(SELECT count(*) FROM raw_events r WHERE r.doc_id = d.id)").fetchone()[0]
        return out
    finally:
        con.close()


def kill_after(cmd: list[str], marker: str, times: int, timeout: float = 120) -> tuple[int, int]:
    """Run cmd, SIGKILL it after ``marker`` appeared ``times`` times on stderr; (lines seen, returncode)."""
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, env=dict(os.environ))
    seen = 0
    deadline = time.time() + timeout
    try:
        while time.time() < deadline:
            line = proc.stderr.readline().decode()
            if not line:
                break
            if marker in line:
                seen += 1
                if seen >= times:
                    proc.send_signal(signal.SIGKILL)
                    break
    finally:
        if proc.poll() is None:
            proc.kill()
        rc = proc.wait(timeout=30)
    return seen, rc


@pytest.mark.slow
def test_cli_ingest_killed_mid_batch_resumes_without_loss_or_duplicates(tmp_path):
    n = 400
    batch = tmp_path / "batch.jsonl"
    write_batch(batch, n)
    db = str(tmp_path / "crash.sqlite")
    cmd = [EVENTWIRE_BIN, "ingest", "--db", db, "--model", "blank", str(batch)]
    seen, rc = kill_after(cmd, "stored as", 25)
    assert rc == -signal.SIGKILL, "the ingest finished before it could be killed; make the batch larger"
    after_kill = db_counts(db)
    assert seen <= after_kill["documents"] < n  # all that was reported stored is there; the batch is unfinished
    assert after_kill["partial_docs"] == 0
    r = subprocess.run(cmd, capture_output=True, timeout=600)
    assert r.returncode == 0, r.stderr.decode()[-2000:]
    err = r.stderr.decode()
    assert f"{n - after_kill['documents']} documents stored, {after_kill['documents']} duplicates" in err
    final = db_counts(db)
    assert final["documents"] == final["distinct_texts"] == n
    assert final["partial_docs"] == 0


SCRIPT = textwrap.dedent("""
    import sys
    import time
    from eventwire.models import Document, Event, Evidence
    from eventwire.store import open_store

    store = open_store(sys.argv[1])
    towns = [("Palmyra", 34.56, 38.28), ("Idlib", 35.93, 36.63), ("Raqqa", 35.95, 39.01)]
    for i in range(int(sys.argv[2])):
        town, lat, lon = towns[i % 3]
        text = f"Outlet {i % 4} reports clashes in {town} on day {i // 12 + 1}. Story {i}."
        evs = []
        for k in range(3):  # three events per document: all or none must be stored
            evs.append(Event(event_id=f"s{i}-e{k}", event_date=f"2024-05-{(i // 12) % 28 + 1:02d}",
                             event_type="Battles", sub_event_type="Armed clash",
                             actor1="Military Forces of Syria", actor2=["Islamic State", "HTS", "SDF"][k],
                             country="Syria", location=town, latitude=lat, longitude=lon, geo_precision=1,
                             source=f"Outlet {i % 4}", evidence=[Evidence(text, 0, len(text))]))
        doc = Document(id=f"s{i}", text=text, clean=text, source=f"Outlet {i % 4}", events=evs)
        doc_id = store.add_document(doc)
        print("committed", i, doc_id, file=sys.stderr, flush=True)
        time.sleep(float(sys.argv[3]))  # stands in for the pipeline's work between documents
""")


@pytest.mark.slow
def test_store_api_killed_mid_batch_keeps_documents_and_events_together(tmp_path):
    n = 400
    script = tmp_path / "writer.py"
    script.write_text(SCRIPT, encoding="utf-8")
    db = str(tmp_path / "api.sqlite")
    cmd = [sys.executable, str(script), db, str(n), "0.01"]
    seen, rc = kill_after(cmd, "committed", 60)
    assert rc == -signal.SIGKILL
    mid = db_counts(db)
    assert seen <= mid["documents"] < n
    assert mid["raw_events"] == 3 * mid["documents"] and mid["partial_docs"] == 0
    r = subprocess.run(cmd[:-1] + ["0"], capture_output=True, timeout=600)
    assert r.returncode == 0, r.stderr.decode()[-2000:]
    end = db_counts(db)
    assert end["documents"] == n and end["raw_events"] == 3 * n and end["partial_docs"] == 0
    # the merged table is what an uninterrupted run gives
    clean_db = str(tmp_path / "clean.sqlite")
    subprocess.run([sys.executable, str(script), clean_db, str(n), "0"], capture_output=True, timeout=600, check=True)
    con1, con2 = sqlite3.connect(db), sqlite3.connect(clean_db)
    q = "SELECT event_id, source, n_sources FROM events ORDER BY event_id"
    assert con1.execute(q).fetchall() == con2.execute(q).fetchall()
    con1.close()
    con2.close()
