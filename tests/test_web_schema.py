"""schemathesis against the app's own OpenAPI description: no input makes a 5xx.

Runs in process (ASGI) over a real SQLite store with the hand-written corpus;
the NLP pipeline is replaced by a fast fake so every generated article is cheap.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from eventwire.store import open_store
from eventwire.web.app import create_app
from web_corpus import FakePipeline, fill_store

pytestmark = [pytest.mark.timeout(300)]


def _app(tmp_dir: str):
    store = open_store(f"{tmp_dir}/schema.sqlite")
    fill_store(store)
    # "testserver" is the Host header of the in-process ASGI client
    return create_app(store, pipeline=FakePipeline(), allowed_hosts=["localhost", "127.0.0.1", "testserver"])


def _build_schema():
    import tempfile

    return schemathesis.openapi.from_asgi("/openapi.json", _app(tempfile.mkdtemp(prefix="ew-schema-")))


schema = _build_schema()
STATUSES: dict[str, set[int]] = {}


@schema.parametrize()
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_no_server_errors(case):
    response = case.call()
    STATUSES.setdefault(f"{case.method} {case.path}", set()).add(response.status_code)
    case.validate_response(response, checks=[not_a_server_error])


def test_fuzzing_reached_the_handlers():
    # Guard against a vacuous pass (e.g. every request refused by the Host check).
    if not STATUSES:
        pytest.skip("run together with test_no_server_errors")
    ok = {op for op, codes in STATUSES.items() if any(200 <= c < 300 for c in codes)}
    assert {"GET /events", "GET /stats", "POST /extract"} <= ok, STATUSES


def test_schema_describes_the_api():
    paths = _build_schema().raw_schema["paths"]
    assert {"/events", "/events/{event_id}", "/documents/{doc_id}", "/stats", "/extract", "/documents"} <= set(paths)
    params = {p["name"] for p in paths["/events"]["get"]["parameters"]}
    assert {"date_from", "date_to", "country", "event_type", "actor", "text", "bbox", "limit", "offset", "format"} <= params
