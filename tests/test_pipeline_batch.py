"""Pipeline.pipe hands the nlp stage several documents at once (docs/performance.md, session 7):
the same documents come out as one by one, in input order, and a document that fails in a
batch fails alone."""

from __future__ import annotations

import datetime as dt
import sys
import types

import pytest

from eventwire import nlp as nlp_stage
from eventwire.api import extract, extract_batch
from eventwire.errors import InputError
from eventwire.models import Document
from eventwire.pipeline import STAGES, Pipeline

pytestmark = pytest.mark.model

# Articles written for these tests: events of several kinds, general news with no event (one
# with war words used as metaphors), a dateline, a one-line brief, a text of one word and one
# that is only a headline, so that batches mix long and short documents and documents with and
# without event sentences.
ARTICLES = [
    ("raid", "2022-07-14",
     "MAIDUGURI, Nigeria (Reuters) - Suspected jihadists stormed the village of Kautikari in Borno "
     "state late on Tuesday, killing nine farmers and burning dozens of homes, a local vigilante "
     "leader said.\n\nThe attackers arrived on motorcycles and fired at residents as they fled "
     "into the bush, he said. The army did not respond to a request for comment."),
    ("budget", "2021-10-02",
     "The city council approved a budget of 4.2 billion dollars on Thursday after a debate that "
     "ran past midnight. The mayor said the plan would fund new bus lanes and two libraries."),
    ("march", "2019-11-18",
     "Tens of thousands of people marched through Santiago on Sunday to demand a new "
     "constitution. Riot police fired tear gas and water cannon at protesters who threw stones "
     "near Plaza Italia, and 35 people were detained, the interior ministry said."),
    ("match", "2020-02-09",
     "Bayern stormed the visitors' half from the first whistle and killed the game off before "
     "the break, firing three goals past a shell-shocked keeper in Munich."),
    ("brief", "",
     "A car bomb exploded near a checkpoint in Mogadishu on Saturday, killing at least four "
     "soldiers, police said."),
    ("word", "", "Announcement"),
    ("kidnap", "2023-03-30",
     "Gunmen abducted a Catholic priest and two seminarians from a parish house in Kaduna state "
     "overnight, the diocese said on Thursday. It was the third kidnapping of clergy in the "
     "state this month.\n\nPolice said a search was under way in the forests near Kajuru."),
    ("headline", "2018-05-01", "Markets close higher as oil prices steady"),
    ("shelling", "2022-03-06",
     "Russian forces shelled residential districts of Kharkiv overnight, regional governor Oleh "
     "Synehubov said on Sunday, adding that a dormitory and a school were hit. Two civilians "
     "were wounded."),
    ("strike", "2021-06-21",
     "Teachers in Lagos went on strike on Monday over unpaid salaries, closing hundreds of public "
     "schools. The union said the strike would continue until the arrears were paid."),
]


def _docs() -> list[Document]:
    return [Document(id=name, text=text, origin=f"articles.jsonl:{n}",
                     published=dt.date.fromisoformat(pub) if pub else None)
            for n, (name, pub, text) in enumerate(ARTICLES, 1)]


def _view(doc: Document) -> tuple:
    return (doc.id, [e.as_dict() for e in doc.events], [repr(m) for m in doc.mentions],
            [(s.start, s.end, s.text) for s in doc.sentences], doc.meta.get("parsed_sentences"),
            doc.meta.get("ner_sentences"), list(doc.warnings))


@pytest.fixture(scope="module")
def one_by_one(settings):
    return [_view(d) for d in Pipeline(settings).pipe(_docs(), batch_size=1)]


@pytest.mark.parametrize("size", [2, 4, 16])
def test_batched_documents_equal_one_by_one(settings, one_by_one, size):
    batched = [_view(d) for d in Pipeline(settings).pipe(_docs(), batch_size=size)]
    assert batched == one_by_one
    # not a vacuous comparison: events found, and documents without any
    found = {view[0]: len(view[1]) for view in one_by_one}
    assert found["raid"] >= 1 and found["march"] >= 1 and found["brief"] >= 1
    assert found["budget"] == 0 and found["word"] == 0 and found["headline"] == 0


def test_default_pipe_batches_and_matches_one_call_per_document(settings, one_by_one):
    pipeline = Pipeline(settings)
    assert pipeline.batch_size > 1
    assert [_view(d) for d in pipeline.pipe(_docs())] == one_by_one
    assert [_view(pipeline(d)) for d in _docs()] == one_by_one  # __call__: one document


def test_run_batch_gives_the_annotations_of_run(settings):
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, POS, SENT_START, TAG

    from eventwire import clean

    attrs = [TAG, POS, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE, SENT_START]
    alone = [nlp_stage.run(clean.run(d, settings), settings) for d in _docs()]
    together = nlp_stage.run_batch([clean.run(d, settings) for d in _docs()], settings)
    assert len(together) == len(alone)
    for a, b in zip(alone, together):
        assert [t.text for t in a.spacy_doc] == [t.text for t in b.spacy_doc]
        assert a.spacy_doc.to_array(attrs).tolist() == b.spacy_doc.to_array(attrs).tolist()
        assert a.meta["parsed_sentences"] == b.meta["parsed_sentences"]
    assert any(d.meta["parsed_sentences"] for d in together)  # the model ran somewhere


def test_a_document_failing_in_the_nlp_batch_fails_alone(settings, one_by_one, monkeypatch):
    real = nlp_stage._sentences_from_spacy

    def fragile(sdoc, text=None):
        if "Santiago" in (text if text is not None else sdoc.text):
            raise RuntimeError("sentence splitter broke")
        return real(sdoc, text)

    monkeypatch.setattr(nlp_stage, "_sentences_from_spacy", fragile)
    errors: list[tuple[str, str, str]] = []
    out = list(Pipeline(settings).pipe(_docs(), on_error=lambda d, e: errors.append((d.id, type(e).__name__, str(e))),
                                       batch_size=4))
    assert errors == [("march", "InputError", "articles.jsonl:3: internal error: RuntimeError: sentence splitter broke")]
    assert [_view(d) for d in out] == [v for v in one_by_one if v[0] != "march"]  # the rest, in order, unchanged
    with pytest.raises(RuntimeError, match="splitter broke"):  # no on_error: raised, as one by one
        list(Pipeline(settings).pipe(_docs(), batch_size=4))


_FAKE = "eventwire_test_batch_fails_after_nlp"


@pytest.fixture
def fails_after_nlp():
    def run(doc, _settings):
        if doc.id in ("budget", "brief"):
            raise InputError("refused by the test stage", doc.origin)
        return doc

    mod = types.ModuleType(_FAKE)
    mod.run = run
    sys.modules[_FAKE] = mod
    STAGES["refuse"] = (_FAKE, ("sentences",), ())
    yield ("clean", "nlp", "refuse", "places", "actors", "events")
    STAGES.pop("refuse", None)
    sys.modules.pop(_FAKE, None)


def test_stage_errors_after_the_batch_are_per_document_and_in_order(settings, one_by_one, fails_after_nlp):
    seen: list[str] = []  # errors and documents in the order the caller sees them
    pipeline = Pipeline(settings, fails_after_nlp)
    for doc in pipeline.pipe(_docs(), on_error=lambda d, e: seen.append(f"error {d.id}: {e}"), batch_size=3):
        seen.append(doc.id)
    names = [name for name, _pub, _text in ARTICLES]
    assert seen == [f"error {n}: articles.jsonl:{names.index(n) + 1}: refused by the test stage"
                    if n in ("budget", "brief") else n for n in names]


def test_extract_batch_keeps_record_order_with_bad_records(settings):
    records = [{"id": name, "text": text, "published": pub or None} for name, pub, text in ARTICLES]
    records.insert(3, {"id": "no-text", "title": "nothing here"})
    records.insert(7, {"id": "blank", "text": "   "})
    log: list[str] = []

    def on_error(item, exc):
        log.append("error " + (item.get("id") if isinstance(item, dict) else item.id))

    for event in extract_batch(records, settings, on_error=on_error):
        log.append(event.doc_id)
    expected: list[str] = []
    for rec in records:
        text = (rec.get("text") or "").strip()
        if not text:
            expected.append("error " + rec["id"])
            continue
        expected += [e.doc_id for e in extract(text=rec["text"], published=rec["published"], doc_id=rec["id"])]
    assert log == expected
    assert "error no-text" in log and "error blank" in log and "raid" in log


def test_parallel_worker_chunk_reports_each_document(settings, monkeypatch):
    from eventwire import parallel

    real = nlp_stage._sentences_from_spacy

    def fragile(sdoc, text=None):
        if "Kharkiv" in (text if text is not None else sdoc.text):
            raise RuntimeError("sentence splitter broke")
        return real(sdoc, text)

    monkeypatch.setattr(nlp_stage, "_sentences_from_spacy", fragile)
    monkeypatch.setattr(parallel, "_PIPELINE", Pipeline(settings))
    outcomes = parallel._run_chunk(_docs())
    assert [status for status, _payload in outcomes] == ["err" if n == "shelling" else "ok"
                                                         for n, _pub, _text in ARTICLES]
    err = parallel._decode_error(outcomes[[n for n, _p, _t in ARTICLES].index("shelling")][1])
    assert isinstance(err, InputError) and "sentence splitter broke" in str(err)
    assert [payload.id for status, payload in outcomes if status == "ok"] == [
        n for n, _p, _t in ARTICLES if n != "shelling"]
