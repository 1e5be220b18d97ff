"""The event store: one suite, run against SQLite and against a real PostgreSQL server.

PostgreSQL: $EVENTWIRE_TEST_PG (default postgresql+psycopg://postgres@127.0.0.1:5432/test).
Each test gets its own schema, dropped afterwards. When no server answers, the
PostgreSQL tests are skipped with a message -- except on CI ($CI set), where
they fail.
"""

from __future__ import annotations

import json
import os
import uuid

import pytest

from eventwire.errors import InputError, StoreError
from eventwire.models import Document, Event, Evidence
from eventwire.store import open_store
from eventwire.store.export import CSV_COLUMNS, export

PG_URL = os.environ.get("EVENTWIRE_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def pg_unavailable() -> str | None:
    """None when the server answers, else why not."""
    import sqlalchemy as sa

    try:
        eng = sa.create_engine(PG_URL, connect_args={"connect_timeout": 3})
        with eng.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
        eng.dispose()
        return None
    except Exception as exc:  # noqa: BLE001 -- any failure means "not reachable"
        return f"{type(exc).__name__}: {str(exc).splitlines()[0]}"


def require_pg() -> None:
    why = pg_unavailable()
    if why is None:
        return
    msg = f"no PostgreSQL server reachable at {PG_URL} ({why}); set EVENTWIRE_TEST_PG to a server to run these tests"
    if os.environ.get("CI"):
        pytest.fail("on CI the PostgreSQL tests must run: " + msg)
    pytest.skip(msg)


def drop_schema(schema: str) -> None:
    import sqlalchemy as sa

    eng = sa.create_engine(PG_URL)
    with eng.begin() as conn:
        conn.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    eng.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        yield str(tmp_path / "events.sqlite")
        return
    require_pg()
    schema = f"ew_test_{uuid.uuid4().hex[:12]}"
    url = f"{PG_URL}?schema={schema}"
    yield url
    drop_schema(schema)


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    yield s
    s.close()


# ------------------------------------------------------------------ builders
PALMYRA = dict(location="Palmyra", country="Syria", iso3="SYR", admin1="Homs", admin2="Tadmur",
               latitude=34.56, longitude=38.28, geo_precision=1)
DEIR = dict(location="Deir ez-Zor", country="Syria", iso3="SYR", admin1="Deir ez-Zor", admin2="Deir ez-Zor",
            latitude=35.3359, longitude=40.1408, geo_precision=1)
NAIROBI = dict(location="Nairobi", country="Kenya", iso3="KEN", admin1="Nairobi", admin2="Starehe",
               latitude=-1.2864, longitude=36.8172, geo_precision=1)


def make_doc(doc_id, source, sentence, events, *, url=None, extra="") -> Document:
    """A processed document whose events point at ``sentence`` as evidence."""
    text = f"{sentence} {extra}".strip()
    doc = Document(id=doc_id, text=text, clean=text, source=source,
                   url=url if url is not None else f"https://{source.lower().replace(' ', '')}.example/{doc_id}")
    for i, kw in enumerate(events):
        kw = dict(kw)
        ev_text = kw.pop("evidence", sentence)
        start = text.index(ev_text)
        ev = Event(event_id=f"{doc_id}-e{i + 1}", evidence=[Evidence(ev_text, start, start + len(ev_text))], **kw)
        if "fatalities" in kw:  # the report gives a number
            ev.provenance["fatalities"] = ev.evidence[0]
        doc.events.append(ev)
    return doc


def clash(date="2024-05-11", place=PALMYRA, a1="Military Forces of Syria (2000-)", a2="Islamic State (Syria)",
          **kw) -> dict:
    return {"event_date": date, "event_type": "Battles", "sub_event_type": "Armed clash", "actor1": a1,
            "actor2": a2, **place, **kw}


def protest(date="2024-06-25", place=NAIROBI, **kw) -> dict:
    return {"event_date": date, "event_type": "Protests", "sub_event_type": "Peaceful protest",
            "actor1": "Protesters (Kenya)", **place, **kw}


# ------------------------------------------------------------------ tests
def test_schema_is_versioned_and_reopening_applies_nothing(store_url):
    from eventwire.store.schema import SCHEMA_VERSION, migrate

    s = open_store(store_url)
    assert s.schema_version() == SCHEMA_VERSION
    assert migrate(s.engine) == []  # everything already recorded
    s.close()
    s2 = open_store(store_url, create=False)
    assert s2.counts() == {"documents": 0, "events": 0, "raw_events": 0, "failures": 0}
    s2.close()


def test_create_false_refuses_a_missing_sqlite_store(tmp_path):
    with pytest.raises(StoreError, match="no such event store"):
        open_store(tmp_path / "missing.sqlite", create=False)
    assert not (tmp_path / "missing.sqlite").exists()


def test_sqlite_store_uses_wal(tmp_path):
    s = open_store(tmp_path / "e.sqlite")
    with s.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    s.close()


def test_same_url_or_same_text_adds_nothing(store):
    d1 = make_doc("a1", "AP", "Syrian troops fought Islamic State fighters in Palmyra on Saturday.", [clash()],
                  url="https://apnews.example/article/palmyra")
    assert store.add_document(d1) == "a1"
    # same article URL, tracking parameter and fragment added, text edited
    d2 = make_doc("a2", "AP", "Syrian troops fought IS in Palmyra (updated).", [clash()],
                  url="https://www.APNEWS.example/article/palmyra/?utm_source=x#top")
    assert store.add_document(d2) is None
    # same text, different case and spacing, no URL
    d3 = make_doc("a3", "Copy", "SYRIAN troops   fought Islamic State fighters in Palmyra\non Saturday.", [clash()],
                  url="")
    assert store.add_document(d3) is None
    assert store.counts()["documents"] == 1
    assert store.counts()["raw_events"] == 1


def test_same_id_different_article_is_kept_under_a_new_id(store):
    d1 = make_doc("article", "AP", "Clashes in Palmyra on Saturday.", [clash()])
    d2 = make_doc("article", "AFP", "Protesters marched in Nairobi.", [protest()])
    assert store.add_document(d1) == "article"
    second = store.add_document(d2)
    assert second is not None and second != "article" and second.startswith("article")
    assert store.get_document(second)["source"] == "AFP"


def test_reports_from_different_outlets_merge_with_all_sources(store):
    s1 = "Syrian troops fought Islamic State militants in Palmyra on Saturday, killing 12 militants."
    s2 = "Islamic State attacked army posts outside Palmyra on Saturday; at least eight people died."
    s3 = "Army units repelled an ISIS attack in the Palmyra countryside on Saturday."
    store.add_document(make_doc("ap", "Associated Press", s1, [clash(fatalities=12)]))
    store.add_document(make_doc("rt", "Reuters", s2, [clash(a1="Islamic State", a2="Military Forces of Syria",
                                                               latitude=34.59, longitude=38.34, geo_precision=2,
                                                               fatalities=8)]))
    store.add_document(make_doc("sana", "SANA", s3, [clash(a1="Military Forces of Syria", a2="Islamic State")]))
    assert store.count() == 1
    (ev,) = store.query()
    assert ev["source"] == "Associated Press; Reuters; SANA"
    assert [s["source"] for s in ev["sources"]] == ["Associated Press", "Reuters", "SANA"]
    assert ev["n_sources"] == 3
    # most conservative reported number; SANA reports none, which is not "0 killed"
    assert ev["fatalities"] == 8
    assert ev["geo_precision"] == 1 and ev["latitude"] == pytest.approx(34.56)  # the most precise place
    full = store.get_event(ev["event_id"])
    assert {e["doc_id"] for e in full["evidence"]} == {"ap", "rt", "sana"}
    assert any(e["text"] == s2 for e in full["evidence"])
    assert len(full["merge_reasons"]) == 3
    assert "first report" in full["merge_reasons"][0]
    assert "same date 2024-05-11" in full["merge_reasons"][1] and "km apart" in full["merge_reasons"][1]
    assert "sides swapped" in full["merge_reasons"][1]


def test_near_misses_stay_apart(store):
    base = "Clashes near Palmyra on Saturday."
    store.add_document(make_doc("d1", "AP", base, [clash()]))
    # same town and actors, next day
    store.add_document(make_doc("d2", "AP2", "Fresh clashes near Palmyra on Sunday.", [clash(date="2024-05-12")]))
    # same day, 240 km away in another province
    store.add_document(make_doc("d3", "NPA", "Clashes in Deir ez-Zor on Saturday.", [clash(place=DEIR)]))
    # same day and town, a different enemy
    store.add_document(make_doc("d4", "SOHR", "HTS fighters clashed with the army near Palmyra on Saturday.",
                                [clash(a2="HTS: Hayat Tahrir al Sham")]))
    # same day and town, a different event type
    store.add_document(make_doc("d5", "SANA", "Residents protested in Palmyra on Saturday.",
                                [protest(date="2024-05-11", place=PALMYRA, actor1="Protesters (Syria)")]))
    assert store.count() == 5
    assert all(e["n_sources"] == 1 for e in store.query())


def test_events_of_one_document_never_merge(store):
    sent = "Two separate clashes broke out in Palmyra on Saturday, one at dawn and one at night."
    store.add_document(make_doc("one", "AP", sent, [clash(), clash()]))
    assert store.count() == 2
    # a second outlet's report joins exactly one of them
    store.add_document(make_doc("two", "AFP", "Troops fought IS near Palmyra on Saturday.", [clash()]))
    assert store.count() == 2
    assert sorted(e["n_sources"] for e in store.query()) == [1, 2]


def test_no_merge_keeps_raw_events(store):
    store.add_document(make_doc("d1", "AP", "Clashes near Palmyra on Saturday.", [clash()]), merge=False)
    store.add_document(make_doc("d2", "AFP", "Troops fought IS in Palmyra on Saturday.", [clash()]), merge=False)
    assert store.count() == 2
    reasons = [store.get_event(e["event_id"])["merge_reasons"][0] for e in store.query()]
    assert all("without merging" in r for r in reasons)


def test_event_ids_are_stable_across_runs(store_url, tmp_path):
    docs = lambda: [  # noqa: E731
        make_doc("d1", "AP", "Clashes near Palmyra on Saturday.", [clash()]),
        make_doc("d2", "AFP", "Troops fought IS in Palmyra on Saturday.", [clash()]),
        make_doc("d3", "Nation", "Protesters marched in Nairobi.", [protest()]),
    ]
    s = open_store(store_url)
    s.ingest_documents(docs())
    first = sorted(e["event_id"] for e in s.query())
    again = s.ingest_documents(docs())  # re-run: nothing new, nothing renamed
    assert (again.added, again.duplicates) == (0, 3)
    assert sorted(e["event_id"] for e in s.query()) == first
    s.close()
    other = open_store(tmp_path / "fresh.sqlite")  # a fresh store, same input: same ids
    other.ingest_documents(docs())
    assert sorted(e["event_id"] for e in other.query()) == first
    other.close()


def test_get_event_by_raw_id_and_get_document(store):
    store.add_document(make_doc("d1", "AP", "Clashes near Palmyra on Saturday.", [clash()]))
    store.add_document(make_doc("d2", "AFP", "Troops fought IS in Palmyra on Saturday.", [clash()]))
    merged_id = store.query()[0]["event_id"]
    assert store.get_event("d2-e1")["event_id"] == merged_id  # the raw id finds the merged event
    assert store.get_event("nope") is None
    doc = store.get_document("d2")
    assert doc["source"] == "AFP" and doc["text"].startswith("Troops fought")
    assert doc["events"][0]["merged_into"] == merged_id
    assert store.get_document("nope") is None


@pytest.fixture
def filled(store):
    store.add_document(make_doc("p1", "AP", "Clashes near Palmyra on Saturday left 12 dead.",
                                [clash(fatalities=12)]))
    store.add_document(make_doc("p2", "NPA", "Russian warplanes struck IS hideouts in Deir ez-Zor.",
                                [dict(event_date="2024-05-20", event_type="Explosions/Remote violence",
                                      sub_event_type="Air/drone strike", actor1="Military Forces of Russia (2000-)",
                                      actor2="Islamic State (Syria)", **DEIR)]))
    store.add_document(make_doc("k1", "Nation", "Thousands of students marched through Nairobi against fees.",
                                [protest(assoc_actor_1="Students (Kenya)")]))
    store.add_document(make_doc("k2", "Star", "Teachers in Nairobi demonstrated over pay on 3 July.",
                                [protest(date="2024-07-03", assoc_actor_1="Teachers (Kenya)")]))
    return store


def test_query_filters(filled):
    s = filled
    assert s.count() == 4
    assert {e["country"] for e in s.query(country="syria")} == {"Syria"}
    assert s.count(country="KEN") == 2
    assert s.count(admin1="homs") == 1
    assert s.count(date_from="2024-05-15") == 3
    assert s.count(date_from="2024-05-15", date_to="2024-06-30") == 2
    assert s.count(bbox="36,-2,38,0") == 2  # around Nairobi
    assert s.count(bbox=(38, 34, 41, 36)) == 2  # eastern Syria
    assert s.count(event_type="Protests") == 2
    assert s.count(sub_event_type="air/drone strike") == 1
    assert s.count(actor="russia") == 1
    assert s.count(actor="Teachers") == 1  # associated actors count
    assert [e["source"] for e in s.query(text="students fees")] == ["Nation"]
    assert s.count(text="students pay") == 0  # every word must occur
    assert s.count(text="100%") == 0  # LIKE wildcards are literal
    dates = [e["event_date"] for e in s.query(order="-event_date")]
    assert dates == sorted(dates, reverse=True)
    page1, page2 = s.query(limit=2), s.query(limit=2, offset=2)
    assert len(page1) == 2 and len(page2) == 2
    assert not {e["event_id"] for e in page1} & {e["event_id"] for e in page2}
    row = s.query(country="Syria", event_type="Battles")[0]
    assert row["event_id_cnty"] == row["event_id"] and row["year"] == 2024
    assert row["sources"][0]["url"].startswith("https://ap.example/")
    with pytest.raises(StoreError):
        s.query(colour="red")
    with pytest.raises(StoreError):
        s.query(bbox="1,2,3")
    with pytest.raises(StoreError):
        s.query(date_from="yesterday")


def test_stats(filled):
    st = filled.stats()
    assert {"date": "2024-06-25", "event_type": "Protests", "n": 1} in st["by_day"]
    by_type = {r["event_type"]: r for r in st["by_type"]}
    assert by_type["Battles"]["fatalities"] == 12 and by_type["Protests"]["n"] == 2
    assert {r["country"]: r["n"] for r in st["by_country"]} == {"Syria": 2, "Kenya": 2}
    assert filled.stats(country="Kenya")["by_country"] == [{"country": "Kenya", "n": 2, "fatalities": 0}]


def test_bad_documents_are_recorded_and_the_batch_goes_on(store):
    class Boom:
        def __call__(self, doc):
            if "explode" in doc.text:
                raise ValueError("stage blew up")
            doc.clean = doc.text
            return doc

    seen = []
    items = [
        Document(id="ok1", text="A quiet day in Nairobi."),
        InputError("not valid JSON (Expecting value at column 1)", "batch.jsonl:2"),
        Document(id="bad", text="This one will explode.", origin="batch.jsonl:3"),
        Document(id="ok2", text="Another quiet day."),
    ]
    rep = store.ingest_documents(items, pipeline=Boom(), on_error=lambda d, e: seen.append(str(e)))
    assert (rep.seen, rep.added, rep.failed) == (4, 2, 2)
    fails = store.failures()
    assert [f["origin"] for f in fails] == ["batch.jsonl:2", "batch.jsonl:3"]
    assert "stage blew up" in fails[1]["message"] and fails[1]["doc_id"] == "bad"
    assert len(seen) == 2
    # the same failure again is not recorded twice
    store.ingest_documents([items[1]])
    assert len(store.failures()) == 2
    # once the document goes through, its failure is gone
    fixed = Document(id="bad", text="This one is fine now.", origin="batch.jsonl:3")
    assert store.ingest_documents([fixed], pipeline=Boom()).added == 1
    assert [f["origin"] for f in store.failures()] == ["batch.jsonl:2"]


def test_end_to_end_ingest_through_the_real_pipeline(store, blank_settings):
    from eventwire.pipeline import Pipeline

    text = ("NAIROBI (Reuters) - Police fired tear gas at hundreds of protesters in Nairobi on Tuesday, "
            "witnesses said. Two people were killed.")
    doc = Document(id="e2e", text=text, source="Reuters", url="https://reuters.example/e2e")
    rep = store.ingest_documents([doc], pipeline=Pipeline(blank_settings))
    assert rep.added == 1 and rep.failed == 0, store.failures()
    stored = store.get_document("e2e")
    assert stored["clean"].strip() and stored["text"] == text
    assert len(stored["events"]) == rep.events
    assert store.count() == rep.new_events
    # a second run of the same article adds nothing and skips the pipeline
    rep2 = store.ingest_documents([Document(id="e2e", text=text)], pipeline=Pipeline(blank_settings))
    assert rep2.duplicates == 1 and rep2.added == 0


def test_exports(filled, tmp_path):
    import csv

    import pyarrow.parquet as pq

    n = export(filled, "csv", tmp_path / "e.csv")
    assert n == 4
    with open(tmp_path / "e.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    header = list(rows[0].keys())
    assert header[:31] == ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                           "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
                           "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
                           "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
                           "source_scale", "notes", "fatalities", "tags", "timestamp"]
    assert header == list(CSV_COLUMNS)
    assert [r["event_date"] for r in rows] == sorted(r["event_date"] for r in rows)
    assert any("Palmyra" in r["evidence"] for r in rows)

    assert export(filled, "jsonl", tmp_path / "e.jsonl", country="Kenya") == 2
    lines = [json.loads(x) for x in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert {x["country"] for x in lines} == {"Kenya"} and all(x["sources"] for x in lines)

    assert export(filled, "geojson", tmp_path / "e.geojson") == 4
    gj = json.loads((tmp_path / "e.geojson").read_text())
    assert gj["type"] == "FeatureCollection" and len(gj["features"]) == 4
    pal = next(f for f in gj["features"] if f["properties"]["location"] == "Palmyra")
    assert pal["geometry"]["coordinates"] == [38.28, 34.56]

    assert export(filled, "parquet", tmp_path / "one.parquet") == 4
    t = pq.read_table(tmp_path / "one.parquet")
    assert t.num_rows == 4 and t.column_names[:3] == ["event_id_cnty", "event_date", "year"]

    assert export(filled, "parquet", tmp_path / "ds") == 4
    parts = sorted(p.relative_to(tmp_path / "ds").parts[:2] for p in (tmp_path / "ds").rglob("*.parquet"))
    assert ("year=2024", "month=5") in parts and ("year=2024", "month=7") in parts
    import pyarrow.dataset as ds

    dset = ds.dataset(tmp_path / "ds", format="parquet", partitioning="hive")
    assert dset.count_rows() == 4
    assert dset.to_table(filter=ds.field("month") == 6).num_rows == 1


def test_iter_events_pages_through_everything(store):
    for i in range(25):
        store.add_document(make_doc(f"n{i}", f"Outlet{i}", f"Protest number {i} in Nairobi.",
                                    [protest(date=f"2024-06-{(i % 28) + 1:02d}", location=f"Ward {i}",
                                             latitude=-1.28 - i * 0.5)]))
    got = list(store.iter_events(batch=4))
    assert len(got) == 25 == len({e["event_id"] for e in got})
    keys = [(e["event_date"], e["event_id"]) for e in got]
    assert keys == sorted(keys)


@pytest.mark.postgres
def test_cli_ingest_query_against_postgres(tmp_path):
    from click.testing import CliRunner

    from eventwire.cli import main

    require_pg()
    schema = f"ew_test_{uuid.uuid4().hex[:12]}"
    url = f"{PG_URL}?schema={schema}"

    def run(*args):
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    try:
        (tmp_path / "a.txt").write_text("Police dispersed a protest in Nairobi on Tuesday.", encoding="utf-8")
        r = run("ingest", "--db", url, "--model", "blank", "-q", str(tmp_path / "a.txt"))
        assert r.exit_code == 0, r.output
        assert "1 documents stored" in r.stderr
        r = run("ingest", "--db", url, "--model", "blank", str(tmp_path / "a.txt"))
        assert "already stored" in r.stderr and "0 documents stored" in r.stderr
        r = run("query", "--db", url, "--count")
        assert r.exit_code == 0 and r.stdout.strip().isdigit()
    finally:
        drop_schema(schema)


def _variants() -> list[dict]:
    """Reports of a clash near Palmyra, varied one field at a time."""
    out = []
    places = [PALMYRA, dict(PALMYRA, location="Palmyra outskirts", latitude=34.59, longitude=38.34, geo_precision=2),
              dict(PALMYRA, location="Homs province", admin2="", latitude=34.8, longitude=37.9, geo_precision=3),
              dict(PALMYRA, location="Syria", admin1="", admin2="", latitude=35.0, longitude=38.5, geo_precision=3),
              dict(PALMYRA, location="Al Qaryatayn", admin2="Homs", latitude=34.23, longitude=37.24),
              DEIR, dict(PALMYRA, latitude=None, longitude=None),
              dict(location="", country="", iso3="", admin1="", admin2="", latitude=None, longitude=None,
                   geo_precision=3)]
    for place in places:
        for date, tp in (("2024-05-11", 1), ("2024-05-12", 1), ("2024-05-20", 3)):
            out.append(clash(date=date, place=place, time_precision=tp))
    out.append(clash(a2="HTS: Hayat Tahrir al Sham"))
    out.append(dict(clash(), event_type="Explosions/Remote violence", sub_event_type="Air/drone strike"))
    return out


def test_candidate_search_never_hides_a_match_the_rules_accept(tmp_path):
    """The SQL prefilter must be looser than the rules: for every pair of variants,
    the second report merges into the first exactly when dedup.match says so."""
    from eventwire.store import dedup

    variants = _variants()
    s = open_store(tmp_path / "pairs.sqlite")
    n = 0
    for i, a in enumerate(variants):
        for j, b in enumerate(variants):
            da = make_doc(f"a{i}-{j}", "A", f"First report {i} {j}.", [a], url="")
            db_ = make_doc(f"b{i}-{j}", "B", f"Second report {i} {j}.", [b], url="")
            expected = dedup.match(db_.events[0], da.events[0]).ok
            with s.engine.begin() as conn:  # a clean slate for each pair
                for t in ("raw_events", "events", "documents"):
                    conn.exec_driver_sql(f"DELETE FROM {t}")
            s.add_document(da)
            s.add_document(db_)
            assert (s.count() == 1) == expected, (a, b)
            n += expected
    s.close()
    assert 20 < n < len(variants) ** 2  # both outcomes are exercised
