"""The HTTP API (eventwire.web.app) over a real SQLite store, with the FastAPI test client."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

from eventwire.store import open_store
from eventwire.web.app import create_app
from web_corpus import HOSTILE, KENYA, SUDAN, SUDAN_2, FakePipeline, fill_store

BASE = "http://127.0.0.1:8000"
TOKEN = "s3cret-token-for-tests"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    st = open_store(str(tmp_path_factory.mktemp("web") / "events.sqlite"))
    fill_store(st)
    yield st
    st.close()


@pytest.fixture(scope="module")
def client(store):
    return TestClient(create_app(store, pipeline=FakePipeline()), base_url=BASE)


def ids(resp) -> set[str]:
    return {e["event_id_cnty"] for e in resp.json()["events"]}


# ------------------------------------------------------------------ reading
def test_all_events_with_total_and_sources(client):
    r = client.get("/events")
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == 6 and len(body["events"]) == 6
    assert {e["country"] for e in body["events"]} == {"Burkina Faso", "Sudan", "Kenya", "Tunisia"}
    fasher = next(e for e in body["events"] if e["location"] == "El Fasher")
    assert [s["doc_id"] for s in fasher["sources"]] == [SUDAN.id, SUDAN_2.id]
    assert fasher["sources"][0]["url"] == SUDAN.url


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"event_type": "Battles"}, {"sd-fasher-1"}),
        ({"event_type": "protests"}, {"ke-nairobi-1", "tn-tunis-1"}),  # case-insensitive
        ({"country": "Sudan"}, {"sd-fasher-1", "sd-nyala-1"}),
        ({"country": "KEN"}, {"ke-nairobi-1", "ke-mombasa-1"}),  # ISO3 works too
        ({"date_from": "2024-03-05", "date_to": "2024-03-05"}, {"sd-fasher-1", "ke-nairobi-1"}),  # inclusive
        ({"date_from": "2024-03-07"}, {"ke-mombasa-1", "tn-tunis-1"}),
        ({"actor": "rapid support"}, {"sd-fasher-1"}),
        ({"text": "tyres"}, {"ke-mombasa-1"}),
        ({"bbox": "30,-5,45,5"}, {"ke-nairobi-1", "ke-mombasa-1"}),
        ({"country": "Sudan", "event_type": "Battles"}, {"sd-fasher-1"}),
        ({"country": "Atlantis"}, set()),
    ],
)
def test_filters(client, params, expected):
    r = client.get("/events", params=params)
    assert r.status_code == 200, r.text
    assert ids(r) == expected
    assert r.json()["total"] == len(expected)


def test_paging_is_stable_and_complete(client):
    pages = [client.get("/events", params={"limit": 2, "offset": off}).json() for off in (0, 2, 4, 6)]
    assert [len(p["events"]) for p in pages] == [2, 2, 2, 0]
    assert all(p["total"] == 6 for p in pages)
    seen = [e["event_id_cnty"] for p in pages for e in p["events"]]
    assert len(set(seen)) == 6
    dates = [e["event_date"] for p in pages for e in p["events"]]
    assert dates == sorted(dates)


def test_order_descending(client):
    events = client.get("/events", params={"order": "-event_date"}).json()["events"]
    assert events[0]["event_id_cnty"] == "tn-tunis-1"
    most = client.get("/events", params={"order": "-fatalities", "limit": 1}).json()["events"]
    assert most[0]["fatalities"] == 30


def test_geojson(client):
    r = client.get("/events", params={"format": "geojson", "country": "Kenya"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/geo+json")
    fc = r.json()
    assert fc["type"] == "FeatureCollection" and fc["total"] == 2
    coords = {f["properties"]["location"]: f["geometry"]["coordinates"] for f in fc["features"]}
    assert coords["Nairobi"] == [36.82, -1.29]  # GeoJSON is lon, lat


def test_csv_has_acled_columns_and_defuses_formulas(client):
    r = client.get("/events", params={"format": "csv"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    assert r.headers["x-total-count"] == "6"
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 6
    assert list(rows[0])[:3] == ["event_id_cnty", "event_date", "year"]
    tunis = next(row for row in rows if row["location"] == "Tunis")
    assert tunis["assoc_actor_1"].startswith("'=HYPERLINK")  # not a live formula
    kaya = next(row for row in rows if row["location"] == "Kaya")
    assert kaya["longitude"] == "-1.08"  # a negative number is not mistaken for a formula
    assert json.loads(kaya["evidence"])[0]["text"].startswith("OUAGADOUGOU")


def test_event_detail_has_sources_and_checkable_evidence(client):
    r = client.get("/events/sd-nyala-1")
    assert r.status_code == 200
    e = r.json()
    assert e["event_type"] == "Explosions/Remote violence" and e["fatalities"] == 4
    assert [s["doc_id"] for s in e["sources"]] == [SUDAN.id]
    assert e["evidence"] and all(ev["doc_id"] == SUDAN.id for ev in e["evidence"])
    for ev in e["evidence"]:
        assert SUDAN.text[ev["start"]:ev["end"]] == ev["text"]
    assert SUDAN.text[e["provenance"]["location"]["start"]:e["provenance"]["location"]["end"]] == "Nyala"


def test_merged_event_lists_every_source_and_its_evidence(client):
    e = client.get("/events/sd-fasher-1").json()
    assert [s["doc_id"] for s in e["sources"]] == [SUDAN.id, SUDAN_2.id]
    assert len(e["merge_reasons"]) == 2 and "same event" in e["merge_reasons"][1]
    texts = {SUDAN.id: SUDAN.text, SUDAN_2.id: SUDAN_2.text}
    assert {ev["doc_id"] for ev in e["evidence"]} == set(texts)
    for ev in e["evidence"]:
        assert texts[ev["doc_id"]][ev["start"]:ev["end"]] == ev["text"]
    # the second report's raw event is found by its own id too
    assert client.get("/events/nt-fasher-1").json()["event_id_cnty"] == "sd-fasher-1"


def test_document_detail(client):
    r = client.get(f"/documents/{KENYA.id}")
    assert r.status_code == 200
    d = r.json()
    assert d["text"] == KENYA.text  # as given, emoji included
    assert {e["location"] for e in d["events"]} == {"Nairobi", "Mombasa"}


def test_hostile_text_comes_back_verbatim_as_json(client):
    d = client.get(f"/documents/{HOSTILE.id}").json()
    assert d["title"] == HOSTILE.title and "<script>" in d["text"]
    r = client.get(f"/documents/{HOSTILE.id}")
    assert r.headers["content-type"] == "application/json"
    assert r.headers["x-content-type-options"] == "nosniff"


def test_stats(client):
    s = client.get("/stats").json()
    assert s["total"] == 6
    by_type = {r["event_type"]: r["n"] for r in s["by_type"]}
    assert by_type["Protests"] == 2 and by_type["Battles"] == 1
    by_country = {r["country"]: r["n"] for r in s["by_country"]}
    assert by_country == {"Sudan": 2, "Kenya": 2, "Burkina Faso": 1, "Tunisia": 1}
    day = [r for r in s["by_day"] if r["date"] == "2024-03-05"]
    assert {r["event_type"] for r in day} == {"Battles", "Protests"}
    filtered = client.get("/stats", params={"country": "Sudan"}).json()
    assert filtered["total"] == 2 and {r["country"] for r in filtered["by_country"]} == {"Sudan"}


# ------------------------------------------------------------------- errors
@pytest.mark.parametrize(
    "url",
    [
        "/events?limit=0",
        "/events?limit=100000",
        "/events?offset=-1",
        "/events?format=xml",
        "/events?order=random()",
        "/events?date_from=yesterday",
        "/events?date_from=2024-03-09&date_to=2024-03-01",
        "/events?bbox=1,2,3",
        "/events?bbox=200,0,210,10",
        "/events?bbox=10,0,5,10",
        "/events?country=" + "x" * 300,
        "/stats?date_to=2024-02-30",
    ],
)
def test_bad_parameters_are_422_not_500(client, url):
    r = client.get(url)
    assert r.status_code == 422, (url, r.status_code, r.text)
    assert "Traceback" not in r.text


def test_sql_looking_input_is_just_text(client, store):
    r = client.get("/events", params={"country": "Sudan' OR '1'='1", "actor": "%", "text": "'; DROP TABLE events; --"})
    assert r.status_code == 200 and r.json()["total"] == 0
    assert store.count() == 6


def test_unknown_ids_are_404(client):
    assert client.get("/events/no-such-event").status_code == 404
    assert client.get("/documents/no-such-doc").status_code == 404
    assert client.get("/nowhere").status_code == 404


def test_internal_errors_hide_the_traceback(store):
    class Broken:
        def __getattr__(self, name):
            def boom(*a, **k):
                raise RuntimeError("secret internal detail /etc/passwd")

            return boom

    c = TestClient(create_app(Broken()), base_url=BASE, raise_server_exceptions=False)
    r = c.get("/events")
    assert r.status_code == 500
    assert r.json() == {"detail": "internal server error"}
    assert "secret" not in r.text and "Traceback" not in r.text
    assert "default-src 'none'" in r.headers["content-security-policy"]


def test_security_headers_on_page_and_api(client):
    for url in ("/", "/events", "/static/app.js", "/events/nope"):
        h = client.get(url).headers
        csp = h["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
        assert h["x-content-type-options"] == "nosniff"
        assert h["x-frame-options"] == "DENY"


def test_page_and_docs_are_offline(client):
    page = client.get("/").text
    docs = client.get("/docs").text
    for html in (page, docs):
        assert "http://" not in html and "https://" not in html  # nothing from a CDN
        assert "<script>" not in html  # no inline script (CSP forbids it)
    assert '/static/vendor/leaflet/leaflet.js' in page
    for asset in ("/static/vendor/leaflet/leaflet.js", "/static/vendor/markercluster/leaflet.markercluster.js",
                  "/static/vendor/basemap/countries-110m.geojson", "/static/app.js", "/static/docs.js"):
        assert client.get(asset).status_code == 200, asset
    basemap = client.get("/static/vendor/basemap/countries-110m.geojson").json()
    assert len(basemap["features"]) > 150
    assert client.get("/openapi.json").json()["paths"]["/events"]


def test_loopback_server_refuses_foreign_host_header(client):
    r = client.get("/events", headers={"host": "attacker.example:8000"})
    assert r.status_code == 400  # DNS rebinding
    assert client.get("/events", headers={"host": "localhost:8000"}).status_code == 200


def test_tile_url_is_opt_in_and_allowed_by_csp(store):
    c = TestClient(create_app(store, tiles="https://tiles.example.org/{z}/{x}/{y}.png"), base_url=BASE)
    assert c.get("/config").json()["tiles"] == "https://tiles.example.org/{z}/{x}/{y}.png"
    assert "img-src 'self' data: https://tiles.example.org" in c.get("/").headers["content-security-policy"]
    plain = TestClient(create_app(store), base_url=BASE)
    assert plain.get("/config").json()["tiles"] is None
    with pytest.raises(ValueError):
        create_app(store, tiles="javascript:alert(1)")


# ------------------------------------------------------------------ extract
ARTICLE = {
    "text": "Hundreds of students staged a protest outside the ministry in Dakar. Police watched. "
    "A second protest followed at the university.",
    "title": "Students protest",
    "source": "Dakar Wire",
    "published": "2024-04-02",
}


def test_extract_returns_events_and_stores_nothing(client, store):
    before = store.count()
    r = client.post("/extract", json=ARTICLE)
    assert r.status_code == 200, r.text
    events = r.json()
    assert len(events) == 2 and all(e["event_type"] == "Protests" for e in events)
    assert events[0]["event_date"] == "2024-04-02"
    ev = events[0]["evidence"][0]
    assert ARTICLE["text"][ev["start"]:ev["end"]] == ev["text"]
    assert store.count() == before


@pytest.mark.parametrize(
    "body, status",
    [
        ({"text": ""}, 422),
        ({"title": "no text"}, 422),
        ({"text": "x", "published": "not a date"}, 422),
        ({"text": "x", "unknown_field": 1}, 422),
        ({"text": 12}, 422),
    ],
)
def test_extract_rejects_bad_bodies(client, body, status):
    assert client.post("/extract", json=body).status_code == status


def test_extract_needs_json(client):
    r = client.post("/extract", content="text=hello", headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 415  # a cross-site HTML form cannot post here


def test_request_size_limit(store):
    c = TestClient(create_app(store, pipeline=FakePipeline(), max_body=10_000), base_url=BASE)
    r = c.post("/extract", json={"text": "protest " * 5000})
    assert r.status_code == 413
    assert c.post("/extract", json={"text": "a protest"}).status_code == 200


def test_extract_text_length_limit(client):
    r = client.post("/extract", json={"text": "a" * 200_001})
    assert r.status_code in (413, 422)


# -------------------------------------------------------------- auth (write)
def _doc(n: int) -> dict:
    return {
        "id": f"posted-{n}",
        "text": f"Dozens of traders held a protest in Dakar over market fees, the {n}th such rally.",
        "source": "Test Wire",
        "published": "2024-04-03",
    }


@pytest.fixture()
def fresh_store(tmp_path):
    st = open_store(str(tmp_path / "w.sqlite"))
    yield st
    st.close()


def test_loopback_without_token_may_ingest(fresh_store):
    c = TestClient(create_app(fresh_store, pipeline=FakePipeline()), base_url=BASE)
    assert c.get("/config").json()["writable"] is True
    r = c.post("/documents", json=_doc(1))
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["stored"] is True and body["id"] == "posted-1" and len(body["events"]) == 1
    assert fresh_store.count() == 1
    assert c.get("/documents/posted-1").json()["text"] == _doc(1)["text"]
    again = c.post("/documents", json=_doc(1))  # same text: a duplicate, not stored twice
    assert again.status_code == 200 and again.json()["report"]["duplicates"] == 1 and not again.json()["stored"]
    assert fresh_store.count() == 1


def test_token_is_required_when_configured(fresh_store):
    c = TestClient(create_app(fresh_store, token=TOKEN, pipeline=FakePipeline()), base_url=BASE)
    cfg = c.get("/config").json()
    assert cfg["writable"] is True and cfg["token_required"] is True
    assert c.post("/documents", json=_doc(2)).status_code == 401
    assert c.post("/documents", json={"not": "a document"}).status_code == 401  # auth before validation
    assert c.post("/documents", json=_doc(2), headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert c.post("/documents", json=_doc(2), headers={"Authorization": f"Basic {TOKEN}"}).status_code == 401
    assert fresh_store.count() == 0
    ok = c.post("/documents", json=_doc(2), headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 201, ok.text
    ok2 = c.post("/documents", json=_doc(3), headers={"X-API-Token": TOKEN})
    assert ok2.status_code == 201
    assert fresh_store.get_document("posted-2") and fresh_store.get_document("posted-3")
    # reading never needs the token (the two rallies may merge into one event)
    assert c.get("/events").json()["total"] >= 1
    assert c.get("/documents/posted-3").status_code == 200


def test_public_server_without_token_is_read_only(fresh_store):
    c = TestClient(create_app(fresh_store, loopback=False, pipeline=FakePipeline()), base_url="http://10.1.2.3:8000")
    assert c.get("/config").json()["writable"] is False
    r = c.post("/documents", json=_doc(4))
    assert r.status_code == 403 and "--token" in r.json()["detail"]
    assert fresh_store.count() == 0
    assert c.get("/events", headers={"host": "events.example.org"}).status_code == 200  # no loopback host check
    assert c.post("/extract", json=ARTICLE).status_code == 200  # extraction stores nothing


def test_public_server_with_token(fresh_store):
    c = TestClient(create_app(fresh_store, token=TOKEN, loopback=False, pipeline=FakePipeline()),
                   base_url="http://10.1.2.3:8000")
    assert c.post("/documents", json=_doc(5)).status_code == 401
    assert c.post("/documents", json=_doc(5), headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 201


def test_cross_origin_writes_are_refused(fresh_store):
    c = TestClient(create_app(fresh_store, pipeline=FakePipeline()), base_url=BASE)
    r = c.post("/documents", json=_doc(6), headers={"Origin": "https://evil.example"})
    assert r.status_code == 403
    r = c.post("/extract", json=ARTICLE, headers={"Origin": "null"})
    assert r.status_code == 403
    assert c.post("/documents", json=_doc(6), headers={"Origin": BASE}).status_code == 201


def test_document_id_must_be_plain(fresh_store):
    c = TestClient(create_app(fresh_store, pipeline=FakePipeline()), base_url=BASE)
    bad = dict(_doc(7), id="../../etc/passwd")
    assert c.post("/documents", json=bad).status_code == 422


# ------------------------------------------------------------- real pipeline
@pytest.mark.slow
def test_extract_with_the_real_pipeline(tmp_path):
    st = open_store(str(tmp_path / "real.sqlite"))
    try:
        c = TestClient(create_app(st), base_url=BASE)  # no fake: eventwire.api.extract
        text = ("KHARTOUM, 12 May 2024 - Clashes between the army and the Rapid Support Forces in Omdurman "
                "killed at least seven people on Sunday, medics said.")
        r = c.post("/extract", json={"text": text, "published": "2024-05-12", "source": "Test Wire"})
        assert r.status_code == 200, r.text
        for event in r.json():
            for ev in event["evidence"]:
                assert text[ev["start"]:ev["end"]] == ev["text"]
        assert st.count() == 0
    finally:
        st.close()


# ---------------------------------------------------------------------- CLI
@pytest.mark.parametrize(
    "host, loopback",
    [("127.0.0.1", True), ("127.0.0.2", True), ("localhost", True), ("::1", True), ("[::1]", True),
     ("0.0.0.0", False), ("::", False), ("192.168.1.20", False), ("10.0.0.1", False)],
)
def test_is_loopback(host, loopback):
    from eventwire.cli.serve import is_loopback

    assert is_loopback(host) is loopback


def test_serve_refuses_a_missing_store(tmp_path):
    from click.testing import CliRunner

    from eventwire.cli import main

    missing = tmp_path / "nope.sqlite"
    result = CliRunner().invoke(main, ["serve", "--db", str(missing)])
    assert result.exit_code != 0
    assert "no such event store" in result.output
    assert "Traceback" not in result.output
    assert not missing.exists()


def test_serve_help_documents_the_safety_options():
    from click.testing import CliRunner

    from eventwire.cli import main

    out = CliRunner().invoke(main, ["serve", "--help"]).output
    for opt in ("--db", "--host", "--port", "--token", "--tiles", "--max-body"):
        assert opt in out


def test_web_package_api():
    import eventwire.web as web

    assert web.__all__ == sorted(web.__all__)
    assert all(hasattr(web, name) for name in web.__all__)
    vendor = web.static_dir() / "vendor"
    for licence in ("leaflet/LICENSE", "markercluster/LICENSE", "basemap/LICENSE-world-atlas"):
        assert (vendor / licence).is_file(), licence
    assert (vendor / "basemap" / "countries-110m.geojson").stat().st_size < 1_000_000


def test_a_failing_pipeline_is_a_clean_422_and_recorded(fresh_store):
    def broken(doc):
        raise ValueError("tokenizer exploded at /usr/lib/secret")

    c = TestClient(create_app(fresh_store, pipeline=broken), base_url=BASE, raise_server_exceptions=False)
    r = c.post("/documents", json=_doc(8))
    assert r.status_code == 422 and "secret" not in r.text
    assert fresh_store.count() == 0
    assert any(f["doc_id"] == "posted-8" for f in fresh_store.failures())
    r = c.post("/extract", json=ARTICLE)
    assert r.status_code == 500 and r.json() == {"detail": "internal server error"}
