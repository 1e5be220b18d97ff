"""The dev-set evaluations on small dev sets, with the pipeline replaced by hand-made output.

Each test fixes what "eventwire" returns for each document and checks the
figures the evaluation computes from it (worked out by hand).
"""

from __future__ import annotations

import pytest

from eventwire.evaluation import readers, tasks
from eventwire.models import Document, Event, Evidence, Location, Mention, Place, Sentence
from eventwire.settings import Settings

from test_eval_readers import data_dir  # noqa: F401 - the fixture folder of dev sets


def _fake_pipeline(monkeypatch, events_by_doc):
    def run(docs, settings=None):
        out = []
        for d in docs:
            d.events = [e for e in events_by_doc.get(d.id, [])]
            out.append(d)
        return out, []

    monkeypatch.setattr(tasks, "run_pipeline", run)


def _fig(result, name):
    f = result.figure(name)
    assert f is not None, [x.name for x in result.figures]
    return f.value, f.n


def _ev(text, doc_text=None, **kw):
    start = doc_text.index(text) if doc_text else 0
    return Event(evidence=[Evidence(text=text, start=start, end=start + len(text))], **kw)


def test_hrdsattack_figures(monkeypatch, data_dir):  # noqa: F811
    ds = readers.hrdsattack(data_dir)
    _fake_pipeline(monkeypatch, {
        "hrds-111": [
            _ev("Unknown men abducted the activist", event_date="2021-02-26", location="Harare", admin1="Harare",
                country="Zimbabwe", inter1=3, sub_event_type="Abduction/forced disappearance", confidence=0.9),
            _ev("Police have not commented.", event_date="2021-03-08", country="Zimbabwe", confidence=0.2),
        ],
        # hrds-222 (Minsk, 2018-07-03, Belarus): no event
    })
    r = tasks.eval_hrdsattack(ds, Settings())
    assert _fig(r, "articles with an event") == (0.5, 2)
    assert _fig(r, "event year (of the top event)") == (0.5, 2)
    assert _fig(r, "event day (exact date)") == (0.5, 2)
    assert _fig(r, "city (location / admin2 / admin3)") == (0.5, 2)
    assert _fig(r, "country") == (0.5, 2)
    # gold "state actor" but inter1 3 (political militia): wrong
    assert _fig(r, "perpetrator state / non-state (rough, from inter1)") == (0.0, 1)
    assert _fig(r, "violence type: top event's sub-event type fits a gold violation (rough map)") == (1.0, 1)
    missed = [e for e in r.errors if e.kind == "missed"]
    assert len(missed) == 1 and missed[0].doc_id == "hrds-222" and "Minsk" in missed[0].gold


def test_wikievents_figures(monkeypatch, data_dir):  # noqa: F811
    ds = readers.wikievents(data_dir)
    text = ds.docs[0].text
    _fake_pipeline(monkeypatch, {"wiki_1": [
        _ev("Gunmen attacked a police post", text, actor1="Unidentified Armed Group (Afghanistan)",
            actor2="Police Forces of Afghanistan", confidence=0.8,
            provenance={"actor1": Evidence("Gunmen", 0, 6)}),
        _ev("police post in Kandahar", text, actor1="Taliban", confidence=0.4),
        _ev("Officials met on Monday.", text, confidence=0.3),
    ]})
    r = tasks.eval_wikievents(ds, Settings())
    assert _fig(r, "attack mentions found (an event's evidence covers the sentence)") == (1.0, 1)
    assert _fig(r, "violent-event sentences: precision (events on one)") == (pytest.approx(2 / 3), 3)
    assert _fig(r, "violent-event sentences: recall (sentences with an event)") == (1.0, 1)
    assert _fig(r, "violent-event sentences: F1") == (pytest.approx(0.8), None)
    assert _fig(r, "Attacker -> actor1 (string overlap)") == (1.0, 1)  # via the provenance text "Gunmen"
    assert _fig(r, "Target/Victim -> actor2 (string overlap)") == (0.0, 1)  # "post" vs "Police Forces ..."
    assert [e.evidence for e in r.errors if e.kind == "spurious"] == ["Officials met on Monday."]


def test_plover_figures(monkeypatch, data_dir):  # noqa: F811
    ds = readers.plover_gsr(data_dir)
    _fake_pipeline(monkeypatch, {
        "P-ASSAULT-1": [_ev("Afghan rebels exploded a series of bombs", event_type="Violence against civilians",
                            sub_event_type="Attack", actor1="Afghan rebels", actor2="Civilians (Afghanistan)")],
        "P-AGREE-1": [_ev("Hungarian and Romanian officials agreed", event_type="Strategic developments",
                          sub_event_type="Agreement")],
        "P-COERCE-1": [_ev("Israeli soldiers arrested", event_type="Strategic developments", sub_event_type="Arrests",
                           actor1="Military Forces of Israel", actor2="Civilians (Palestine)")],
    })
    r = tasks.eval_plover(ds, Settings())
    assert _fig(r, "event / no event: precision") == (0.5, 2)  # the AGREE sentence is a false positive
    assert _fig(r, "event / no event: recall") == (1.0, 1)  # COERCE is left out
    assert _fig(r, "ACLED event type of found events (rough map)") == (0.0, 1)  # explosives -> Explosions
    # source/target over positive and ambiguous sentences with an event
    assert _fig(r, "source -> actor1 (string overlap)") == (1.0, 2)
    # "Kabul" shares no word with "Civilians (Afghanistan)"; "Palestinians" ~ "Civilians (Palestine)"
    assert _fig(r, "target -> actor2 (string overlap)") == (0.5, 2)


def test_ucdp_figures(monkeypatch, data_dir):  # noqa: F811
    ds = readers.ucdp_ged(data_dir, sample=None)
    _fake_pipeline(monkeypatch, {"ucdp-1": [
        _ev("Shelling kills 11", event_date="2014-05-03", fatalities=11, country="Iraq", admin1="Anbar",
            location="Fallujah", latitude=33.35, longitude=43.78, confidence=0.7),
        _ev("Shelling kills 11", event_date="2014-05-03", fatalities=1, country="Iraq", confidence=0.1),
    ]})
    r = tasks.eval_ucdp(ds, Settings())
    assert _fig(r, "headlines with an event") == (1.0, 1)
    assert _fig(r, "fatalities (sum over the headline's events) = UCDP best") == (0.0, 1)  # 12 != 11
    assert _fig(r, "fatalities within UCDP low..high") == (1.0, 1)  # 11 <= 12 <= 13
    assert _fig(r, "admin1") == (1.0, 1)
    assert _fig(r, "location within 161 km of UCDP's point") == (1.0, 1)
    assert _fig(r, "date within UCDP's date range +-1 day") == (1.0, 1)


def test_event_location_figures(monkeypatch, data_dir):  # noqa: F811
    ds = readers.event_location(data_dir, sample=None)
    from eventwire import places

    def stages(doc, settings, names):
        doc.clean = doc.text
        doc.sentences = [Sentence(0, len(doc.text), doc.text, 0)]
        return doc

    def locate(doc, sent_index, start, end, settings):
        # Nablus for the first sentence, Hama for the second: both annotated locations
        for name in ("Nablus", "Hama"):
            if name in doc.clean:
                i = doc.clean.index(name)
                m = Mention(i, i + len(name), name, "place", Place(name))
                return Location(Place(name), 1, m)
        return None

    monkeypatch.setattr(tasks, "run_stages", stages)
    monkeypatch.setattr(places, "locate_event", locate)
    r = tasks.eval_event_location(ds, Settings())
    assert _fig(r, "place chosen for the gold trigger is the gold location span (locate_event)") == (1.0, 2)
    assert _fig(r, "a place returned for the gold trigger") == (1.0, 2)
    assert _fig(r, "pipeline: an event whose evidence covers the trigger") == (0.0, 2)


def test_geowebnews_figures(monkeypatch, data_dir):  # noqa: F811
    ds = readers.geowebnews(data_dir)

    def recs(doc, settings):
        return [{"doc_id": doc.id, "start": 9, "end": 14, "name": "Mosul", "latitude": 36.34, "longitude": 43.13,
                 "geonameid": 99072},
                {"doc_id": doc.id, "start": 0, "end": 4, "name": "Rain", "latitude": 0.0, "longitude": 0.0}]

    monkeypatch.setattr(tasks, "place_records", recs)
    r = tasks.eval_geowebnews(ds, Settings())
    assert _fig(r, "detection recall (overlapping span)") == (1.0, 1)
    assert _fig(r, "detection precision (vs all annotations)") == (0.5, 2)
    assert _fig(r, "within 161 km, given detection") == (1.0, 1)
    assert _fig(r, "exact GeoNames id, given detection") == (1.0, 1)


def test_text_to_clean_maps_through_segments():
    doc = Document(id="x", text="HEADLINE\nBody one.\nBody two.")
    doc.clean = "Body one.\nBody two."
    doc.segments = [(0, 9, 9), (10, 19, 9)]
    assert tasks.text_to_clean(doc, 9) == 0
    assert tasks.text_to_clean(doc, 24) == 15
    assert tasks.text_to_clean(doc, 2) is None  # inside the dropped headline


@pytest.mark.parametrize("task", ["events", "types"])
def test_evaluate_files_rejects_both_or_neither_source(tmp_path, task):
    g = tmp_path / "g.csv"
    g.write_text("doc_id,sub_event_type\na,Attack\n", encoding="utf-8")
    with pytest.raises(ValueError):
        tasks.evaluate_files(task, str(g))


def test_labelled_sentences_types_task(monkeypatch, tmp_path):
    f = tmp_path / "sents.jsonl"
    f.write_text(
        '{"text": "Soldiers and rebels clashed near Goma on Monday.", "sub_event_type": "Armed clash"}\n'
        '{"text": "A drone strike hit a convoy near Marib.", "sub_event_type": "Air/drone strike", "published": "2024-01-03"}\n'
        '{"text": "The minister will visit Paris next week.", "sub_event_type": "none"}\n'
        '{"text": "Police fired tear gas at marchers in Nairobi.", "sub_event_type": "Protest with intervention"}\n',
        encoding="utf-8")
    ds = readers.labelled_sentences([f, tmp_path / "absent.jsonl"])
    assert [g.sub_event_type for g in ds.gold] == ["Armed clash", "Air/drone strike", "", "Protest with intervention"]
    assert ds.docs[1].published.isoformat() == "2024-01-03" and "1 without an event" in ds.note
    _fake_pipeline(monkeypatch, {
        "sents-1": [Event(sub_event_type="Armed clash", confidence=0.9)],
        "sents-2": [Event(sub_event_type="Shelling/artillery/missile attack", confidence=0.6)],
        # sents-3: no event (right); sents-4: no event (wrong)
    })
    r = tasks.eval_sentences(ds, Settings())
    assert _fig(r, "event sentences: sub-event type accuracy") == (pytest.approx(1 / 3), 3)
    # Armed clash F1 1, the other two 0: weighted (1*1 + 0 + 0) / 3
    assert _fig(r, "event sentences: weighted F1 (25 ACLED sub-event types; developers tuned on these)") == (pytest.approx(1 / 3), 3)
    assert _fig(r, "all sentences (incl. no event): accuracy") == (0.5, 4)
    assert _fig(r, "sentences without an event: no event produced") == (1.0, 1)
    with pytest.raises(FileNotFoundError):
        readers.labelled_sentences([tmp_path / "absent.jsonl"])


def test_gold_set_reader_pairs_articles_and_rows(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "goma-clash.txt").write_text("Soldiers and rebels clashed near Goma on Monday.\n")
    (tmp_path / "gold_events.jsonl").write_text(
        '{"doc_id": "goma-clash", "event_date": "2024-02-05", "sub_event_type": "Armed clash"}\n'
        '{"doc_id": "goma-clash", "sub_event_type": "Other", "required": false}\n')
    ds = readers.gold_set(tmp_path)
    assert [d.id for d in ds.docs] == ["goma-clash"]
    assert len(ds.gold) == 1 and len(ds.optional) == 1


def test_many_classes_confusion_lists_off_diagonal_cells():
    from eventwire.evaluation import metrics as M

    labels = [f"class {i}" for i in range(12)]
    gold = {f"d{i}": lab for i, lab in enumerate(labels)}
    pred = dict(gold)
    pred["d0"] = "class 1"
    md = tasks.confusion_markdown(M.score_types(gold, pred))
    assert "| class 0 | class 1 | 1 |" in md and "| (every class) | (same class) | 11 |" in md


def test_report_demotes_headings_of_extra_tables():
    from eventwire.evaluation.report import demote

    assert demote("## Actors\ntext\n#### deep", 2) == "### Actors\ntext\n#### deep"


def test_held_out_set_hides_its_error_sentences():
    from eventwire.evaluation import metrics as M
    from eventwire.evaluation.report import task_markdown

    r = tasks.TaskResult("held out", errors=[M.ErrorCase("missed", "d1", "event", evidence="A secret sentence.")])
    assert "A secret sentence." in task_markdown(r)
    r.errors_hidden = "held out"
    md = task_markdown(r)
    assert "A secret sentence." not in md and "Errors: 1, not listed: held out." in md
