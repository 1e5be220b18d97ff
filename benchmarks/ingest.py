"""Ingest throughput of the event store (documents/s) and database size per 10k events.

    .venv/bin/python benchmarks/ingest.py                      # SQLite and PostgreSQL, 2000 documents
    .venv/bin/python benchmarks/ingest.py --docs 5000 --backends sqlite
    .venv/bin/python benchmarks/ingest.py --pipeline 100       # also end-to-end through the real pipeline

The store is measured on its own: documents are generated already processed
(article-sized text, 1-3 events each, with evidence), so the figure is what
the store costs per document -- duplicate checks, one transaction per
document, candidate search and merging -- not the NLP. The generator draws
each document's events from a pool of "true" events, so about half of the
event reports merge into an event already stored, as with many outlets
covering the same day. Sizes count everything stored (documents with their
full text, raw and merged events, indexes).

PostgreSQL: $EVENTWIRE_TEST_PG (default postgresql+psycopg://postgres@127.0.0.1:5432/test),
in a schema created for the run and dropped after it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

PG_URL = os.environ.get("EVENTWIRE_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")

PLACES = [  # (location, country, admin1, admin2, lat, lon)
    ("Palmyra", "Syria", "Homs", "Tadmur", 34.56, 38.28), ("Idlib", "Syria", "Idlib", "Idlib", 35.93, 36.63),
    ("Maiduguri", "Nigeria", "Borno", "Maiduguri", 11.85, 13.16), ("Gusau", "Nigeria", "Zamfara", "Gusau", 12.16, 6.66),
    ("Nairobi", "Kenya", "Nairobi", "Starehe", -1.29, 36.82), ("El Fasher", "Sudan", "North Darfur", "El Fasher", 13.63, 25.35),
    ("Goma", "Democratic Republic of Congo", "Nord-Kivu", "Goma", -1.68, 29.22),
    ("Mogadishu", "Somalia", "Banadir", "Mogadishu", 2.04, 45.34), ("Lashio", "Myanmar", "Shan", "Lashio", 22.94, 97.75),
    ("Kharkiv", "Ukraine", "Kharkiv", "Kharkivskyi", 49.99, 36.23), ("Gao", "Mali", "Gao", "Gao", 16.27, -0.04),
    ("Argelia", "Colombia", "Cauca", "Argelia", 2.26, -77.25),
]
TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
         ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Violence against civilians", "Attack"), ("Protests", "Peaceful protest"),
         ("Riots", "Violent demonstration"), ("Strategic developments", "Arrests")]
ACTORS = ["Military Forces of {c}", "Police Forces of {c}", "Islamic State", "Unidentified Armed Group ({c})",
          "Civilians ({c})", "Protesters ({c})", "Rebels ({c})", "Militia ({c})"]
WORDS = ("fighting residents officials said witnesses town forces attack killed wounded village army militants "
         "police protesters market road district people reported morning night clashes shelling").split()


def make_pool(n_events: int, rng: random.Random) -> list[dict]:
    pool = []
    start = dt.date(2024, 1, 1)
    for _ in range(n_events):
        loc, country, a1, a2, lat, lon = rng.choice(PLACES)
        et, st = rng.choice(TYPES)
        c = country.split()[0]
        pool.append(dict(
            event_date=(start + dt.timedelta(days=rng.randrange(365))).isoformat(), event_type=et,
            sub_event_type=st, actor1=rng.choice(ACTORS).format(c=c), actor2=rng.choice(ACTORS).format(c=c),
            country=country, admin1=a1, admin2=a2, location=loc, latitude=lat + rng.uniform(-0.05, 0.05),
            longitude=lon + rng.uniform(-0.05, 0.05), geo_precision=1, fatalities=rng.choice([0, 0, 1, 2, 5, 12]),
        ))
    return pool


def make_docs(n_docs: int, seed: int = 7):
    from eventwire.models import Document, Event, Evidence

    rng = random.Random(seed)
    pool = make_pool(max(1, n_docs), rng)
    docs = []
    for i in range(n_docs):
        sentences = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(18, 32))).capitalize() + "."
                     for _ in range(rng.randint(12, 22))]
        text = f"Story {i}. " + " ".join(sentences)  # ~2.5 kB, like a short news article
        doc = Document(id=f"bench-{i}", text=text, clean=text, source=f"Outlet {i % 40}",
                       url=f"https://outlet{i % 40}.example/{i}", title=f"Story {i}")
        for k in range(rng.choice([1, 1, 2, 2, 3])):
            spec = dict(rng.choice(pool[: max(1, int(len(pool) * (0.3 + 0.7 * i / n_docs)))]))
            s = sentences[k]
            start = text.index(s)
            ev = Event(event_id=f"bench-{i}-e{k}", source=doc.source,
                       evidence=[Evidence(s, start, start + len(s))], **spec)
            ev.provenance["fatalities"] = ev.evidence[0]
            doc.events.append(ev)
        docs.append(doc)
    return docs


def db_size(store, path: str | None) -> int:
    import sqlalchemy as sa

    if store.dialect == "sqlite":
        with store.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        return os.path.getsize(path)
    with store.engine.connect() as conn:
        return int(conn.execute(sa.text(
            "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = :s AND c.relkind = 'r'"),
            {"s": store.schema}).scalar())


def bench_store(backend: str, docs) -> dict:
    from eventwire.store import open_store

    tmp = tempfile.mkdtemp()
    schema = None
    path = None
    if backend == "sqlite":
        path = os.path.join(tmp, "bench.sqlite")
        store = open_store(path)
    else:
        schema = f"ew_bench_{uuid.uuid4().hex[:10]}"
        store = open_store(PG_URL, schema=schema)
    try:
        t0 = time.perf_counter()
        rep = store.ingest_documents(docs)
        secs = time.perf_counter() - t0
        t1 = time.perf_counter()
        again = store.ingest_documents(docs[: min(500, len(docs))])  # duplicates: the cost of a re-run
        dup_secs = time.perf_counter() - t1
        counts = store.counts()
        size = db_size(store, path)
        t2 = time.perf_counter()
        n = sum(1 for _ in store.iter_events())
        export_secs = time.perf_counter() - t2
        t3 = time.perf_counter()
        for _ in range(20):
            store.query(country="Syria", date_from="2024-03-01", date_to="2024-06-30", limit=50)
        query_ms = (time.perf_counter() - t3) / 20 * 1000
    finally:
        store.close()
        if schema:
            import sqlalchemy as sa

            eng = sa.create_engine(PG_URL)
            with eng.begin() as conn:
                conn.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            eng.dispose()
    assert again.duplicates == min(500, len(docs)) and again.added == 0
    return {
        "backend": backend, "documents": rep.added, "event_reports": counts["raw_events"],
        "merged_events": counts["events"], "merged_share": rep.merged / max(1, rep.events),
        "docs_per_s": rep.added / secs, "seconds": secs, "duplicate_docs_per_s": again.duplicates / dup_secs,
        "bytes": size, "mb_per_10k_events": size / counts["events"] * 10_000 / 1e6,
        "mb_per_10k_reports": size / counts["raw_events"] * 10_000 / 1e6,
        "read_events_per_s": n / export_secs, "query_ms": query_ms,
    }


def bench_pipeline(n: int) -> dict:
    """End-to-end: raw text documents through the real pipeline into SQLite."""
    from eventwire.models import Document
    from eventwire.pipeline import Pipeline
    from eventwire.store import open_store

    texts = []
    fixture = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "dedup" / "articles.yaml"
    import yaml

    arts = yaml.safe_load(fixture.read_text(encoding="utf-8"))["articles"]
    for i in range(n):
        a = arts[i % len(arts)]
        texts.append(Document(id=f"p{i}", text=a["text"] + f"\n(copy {i})", source=a["source"]))
    pipe = Pipeline()
    pipe(Document(id="warm", text="Warm-up sentence in Nairobi."))  # load the model outside the timing
    tmp = tempfile.mkdtemp()
    store = open_store(os.path.join(tmp, "e2e.sqlite"))
    t0 = time.perf_counter()
    rep = store.ingest_documents(texts, pipeline=pipe)
    secs = time.perf_counter() - t0
    store.close()
    from eventwire.nlp import model_name

    return {"documents": rep.added, "events": rep.events, "docs_per_s": rep.added / secs, "model": model_name()}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--backends", default="sqlite,postgresql")
    ap.add_argument("--pipeline", type=int, default=0, help="also run N raw documents through the real pipeline")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    docs = make_docs(args.docs)
    results = []
    for backend in args.backends.split(","):
        import copy

        results.append(bench_store(backend.strip(), copy.deepcopy(docs)))
    e2e = bench_pipeline(args.pipeline) if args.pipeline else None
    if args.json:
        print(json.dumps({"store": results, "pipeline": e2e}, indent=2))
        return 0
    print(f"{args.docs} processed documents (~2.5 kB text, 1-3 events each)")
    print("| backend | docs/s | re-run (duplicate) docs/s | event reports | merged events | share merged | "
          "MB per 10k merged events | MB per 10k reports | query ms | export events/s |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['backend']} | {r['docs_per_s']:.0f} | {r['duplicate_docs_per_s']:.0f} | {r['event_reports']} | "
              f"{r['merged_events']} | {r['merged_share']:.0%} | {r['mb_per_10k_events']:.1f} | "
              f"{r['mb_per_10k_reports']:.1f} | {r['query_ms']:.1f} | {r['read_events_per_s']:.0f} |")
    if e2e:
        print(f"end to end (model {e2e['model']}): {e2e['documents']} documents, {e2e['events']} events, "
              f"{e2e['docs_per_s']:.1f} docs/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
