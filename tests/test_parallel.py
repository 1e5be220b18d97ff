"""eventwire.parallel: worker processes, ordered output, per-document errors as in one process."""

from __future__ import annotations

import json
import os
import sys
import time
import types

import pytest

from eventwire.errors import InputError, StageError
from eventwire.models import Document
from eventwire.parallel import ParallelExtractor, _chunks, _decode_error, _encode_error, extract_parallel
from eventwire.pipeline import STAGES, Pipeline

from conftest import run_cli

# Short, varied news articles (written for these tests): an airstrike, a
# protest, an abduction, a sports report with war words used as metaphors
# (a trap: no event), an arrest, and a one-line brief.
ARTICLES = [
    ("strike", "2021-03-08",
     "ALEPPO, Syria (AP) -- Government warplanes struck a market in the town of Atarib on Sunday, "
     "killing at least 11 civilians, a war monitor said.\n\nThe Syrian Observatory for Human Rights "
     "said rescuers were still searching the rubble on Monday."),
    ("protest", "2020-06-02",
     "Thousands of people marched through central Minsk on Saturday to demand the release of "
     "detained opposition figures. Police detained dozens of protesters near Independence Square, "
     "witnesses said."),
    ("abduction", "2021-02-27",
     "Gunmen abducted 42 people, including 27 students, from a boarding school in Kagara, Niger "
     "state, early on Wednesday, police said. One student was killed during the attack."),
    ("sports", "2019-05-12",
     "Liverpool launched a blistering attack in the second half and destroyed Newcastle's defence, "
     "shooting their way back to the top of the table in front of 52,000 fans."),
    ("arrest", "2018-11-20",
     "Turkish police arrested a prominent human rights lawyer in Istanbul on Tuesday, her colleagues "
     "said, the latest in a wave of detentions of activists since the failed coup of 2016."),
    ("brief", "",
     "Two soldiers were killed when a roadside bomb hit their patrol near Gao in northern Mali, "
     "the army said on Friday."),
]


def _docs() -> list[Document]:
    import datetime as dt

    out = []
    for n, (name, pub, text) in enumerate(ARTICLES, 1):
        out.append(Document(id=name, text=text, origin=f"articles.jsonl:{n}",
                            published=dt.date.fromisoformat(pub) if pub else None))
    return out


# ------------------------------------------------------------------ a stage for failure paths
# Workers are forked in these tests, so they inherit this module-level stage registration.
_FAKE = "eventwire_test_fake_stage"


def _fake_run(doc: Document, settings) -> Document:
    if "BOOM" in doc.text:
        raise InputError("text says BOOM", doc.origin)
    if "BUG" in doc.text:
        raise KeyError("no such thing")
    if "DIE" in doc.text:
        os._exit(3)  # the worker process dies, as on a segfault or an OOM kill
    if "WRONG" in doc.text:
        return "not a document"  # type: ignore[return-value]
    if "SLOW" in doc.text:
        time.sleep(0.05)  # long enough that one worker cannot drain the queue before the other starts
    doc.meta["seen_by"] = os.getpid()
    doc.meta["length"] = len(doc.text)
    return doc


@pytest.fixture
def fake_stage():
    mod = types.ModuleType(_FAKE)
    mod.run = _fake_run
    sys.modules[_FAKE] = mod
    STAGES["fake"] = (_FAKE, ("text",), ())
    yield ("fake",)
    STAGES.pop("fake", None)
    sys.modules.pop(_FAKE, None)


def _texts(n: int, bad: dict[int, str]) -> list[Document]:
    return [Document(id=f"d{i}", text=f"article {i} " + bad.get(i, "fine") + " x" * i, origin=f"in.jsonl:{i + 1}")
            for i in range(n)]


def _collect(run, docs):
    errors: list[tuple[str, str, str]] = []
    out = [d.id for d in run(docs, lambda d, e: errors.append((d.id, type(e).__name__, str(e))))]
    return out, errors


def test_chunks_cover_everything_in_order():
    chunks = list(_chunks(iter(range(10)), 4))
    assert chunks == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]
    assert list(_chunks(iter([]), 4)) == []


def test_chunks_for_several_workers_shrink_at_the_end_only():
    # guided scheduling: full chunks while the source lasts, then smaller ones, so two workers
    # do not wait on each other's last full chunk; nothing lost or reordered
    chunks = list(_chunks(iter(range(100)), 8, 2))
    sizes = [len(c) for c in chunks]
    assert [d for c in chunks for d in c] == list(range(100))
    assert sizes[:9] == [8] * 9 and sizes[-1] == 1
    assert sizes == sorted(sizes, reverse=True)
    assert list(_chunks(iter([]), 8, 2)) == []
    assert [len(c) for c in _chunks(iter(range(3)), 8, 2)] == [1, 1, 1]


def test_error_round_trip_keeps_type_message_and_origin():
    exc = _decode_error(_encode_error(InputError("record has no 'text' or 'html'", "a.jsonl:7")))
    assert type(exc) is InputError and exc.origin == "a.jsonl:7" and exc.message == "record has no 'text' or 'html'"
    assert str(exc) == "a.jsonl:7: record has no 'text' or 'html'"
    exc = _decode_error(_encode_error(StageError("stage 'x' returned str, not Document")))
    assert type(exc) is StageError and str(exc) == "stage 'x' returned str, not Document"
    exc = _decode_error(_encode_error(ValueError("odd")))  # never reaches here from Pipeline.pipe, but safe
    assert isinstance(exc, InputError) and "ValueError" in str(exc)


def test_errors_and_order_match_single_process(fake_stage, blank_settings):
    docs = _texts(11, {2: "BOOM", 5: "BUG", 7: "WRONG", 10: "BOOM"})
    single = _collect(lambda d, on_error: Pipeline(blank_settings, fake_stage).pipe(d, on_error=on_error), docs)
    par = _collect(lambda d, on_error: extract_parallel(d, blank_settings, 2, on_error, chunk_size=3,
                                                          stages=fake_stage, start_method="fork"), docs)
    assert par == single
    ids, errors = par
    assert ids == [f"d{i}" for i in (0, 1, 3, 4, 6, 8, 9)]
    assert errors[0] == ("d2", "InputError", "in.jsonl:3: text says BOOM")
    assert errors[1][:2] == ("d5", "InputError") and "internal error: KeyError" in errors[1][2]
    assert errors[2] == ("d7", "StageError", "stage 'fake' returned str, not Document")


def test_work_is_spread_over_workers_and_documents_come_back_processed(fake_stage, blank_settings):
    docs = _texts(24, {i: "SLOW" for i in range(24)})
    with ParallelExtractor(blank_settings, 2, chunk_size=2, stages=fake_stage, start_method="fork") as px:
        rss = px.warm()
        out = list(px.pipe(iter(docs)))
    assert [d.id for d in out] == [d.id for d in docs]
    assert all(d.meta["length"] == len(d.text) for d in out)
    assert len(rss) == 2 and all(kb > 1000 for kb in rss.values())
    assert len({d.meta["seen_by"] for d in out}) == 2  # both workers took work
    assert os.getpid() not in {d.meta["seen_by"] for d in out}


def test_a_document_that_kills_its_worker_is_reported_and_the_rest_go_on(fake_stage, blank_settings):
    docs = _texts(9, {4: "DIE", 6: "BOOM"})
    ids, errors = _collect(lambda d, on_error: extract_parallel(d, blank_settings, 2, on_error, chunk_size=2,
                                                                stages=fake_stage, start_method="fork"), docs)
    assert ids == [f"d{i}" for i in (0, 1, 2, 3, 5, 7, 8)]
    assert [e[0] for e in errors] == ["d4", "d6"]
    assert errors[0][2] == "in.jsonl:5: worker process died on this document"


def test_workers_that_cannot_start_stop_the_run(blank_settings):
    sys.modules.pop("eventwire_no_such_stage", None)
    STAGES["missing"] = ("eventwire_no_such_stage", ("text",), ())
    try:
        errors = []
        with pytest.raises(StageError, match="in a row"):
            for _ in extract_parallel(_texts(8, {}), blank_settings, 2, lambda d, e: errors.append(d.id),
                                      chunk_size=2, stages=("missing",), start_method="fork"):
                pass
        assert len(errors) == 2  # two documents reported, then the run stops
    finally:
        STAGES.pop("missing", None)


def test_without_on_error_the_first_failure_raises(fake_stage, blank_settings):
    with pytest.raises(InputError, match="BOOM"):
        list(extract_parallel(_texts(6, {3: "BOOM"}), blank_settings, 2, None, stages=fake_stage,
                              start_method="fork"))


def test_one_worker_runs_in_process(fake_stage, blank_settings):
    out = list(extract_parallel(_texts(3, {}), blank_settings, 1, stages=fake_stage))
    assert {d.meta["seen_by"] for d in out} == {os.getpid()}


@pytest.mark.slow
@pytest.mark.model
def test_real_pipeline_gives_the_same_events_on_two_workers(settings):
    single = [(d.id, [e.as_dict() for e in d.events]) for d in Pipeline(settings).pipe(_docs())]
    par = [(d.id, [e.as_dict() for e in d.events]) for d in extract_parallel(_docs(), settings, 2, chunk_size=2)]
    assert par == single
    assert [i for i, _ in par] == [name for name, _, _ in ARTICLES]


@pytest.mark.slow
def test_cli_workers_output_and_errors_match_one_process(tmp_path):
    lines = [json.dumps({"id": name, "text": text, "published": pub or None}) for name, pub, text in ARTICLES]
    lines.insert(2, "{not json")
    lines.insert(4, json.dumps({"id": "empty", "text": "   "}))
    src = tmp_path / "batch.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    one = run_cli("extract", str(src), "-q")
    two = run_cli("extract", str(src), "-q", "--workers", "2")
    assert one.returncode == two.returncode == 1
    assert two.stdout == one.stdout
    assert two.stderr == one.stderr
    assert f"{src}:3: not valid JSON" in two.stderr.decode()
    assert f"{src}:5: record has no 'text' or 'html'" in two.stderr.decode()
    ids = [json.loads(ln)["doc_id"] for ln in two.stdout.decode().splitlines()]
    order = [name for name, _, _ in ARTICLES]
    assert ids == sorted(ids, key=order.index)  # events come in input order
