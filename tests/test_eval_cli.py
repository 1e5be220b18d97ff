"""``eventwire eval`` and ``python -m eventwire.evaluation.run_all``."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.evaluation import run_all

from test_eval_readers import data_dir  # noqa: F401 - the fixture folder of dev sets

GOLD = (
    "doc_id,event_date,event_type,sub_event_type,actor1,actor2,country,admin1,location,latitude,longitude,fatalities\n"
    "kobani,2014-10-06,Battles,Armed clash,Islamic State,YPG: People's Protection Units,Syria,Aleppo,Ayn al Arab,"
    "36.89,38.35,12\n"
    "kobani,2014-10-07,Explosions/Remote violence,Air/drone strike,Military Forces of United States,"
    "Islamic State,Syria,Aleppo,Ayn al Arab,36.89,38.35,\n"
)


def _pred_lines():
    # the clash found (a day late, 3 km off, fatalities wrong), the air strike missed, a spurious protest
    return [
        {"doc_id": "kobani", "event_date": "2014-10-07", "event_type": "Battles", "sub_event_type": "Armed clash",
         "actor1": "Islamic State (Syria)", "actor2": "YPG: People's Protection Units", "country": "Syria",
         "admin1": "Aleppo", "location": "Kobani", "latitude": 36.91, "longitude": 38.37, "fatalities": 20,
         "confidence": 0.9, "evidence": [{"text": "Islamic State fighters pushed into Kobani, where YPG units fought back.",
                                          "start": 0, "end": 70}]},
        {"doc_id": "kobani", "event_date": "2014-10-07", "event_type": "Protests", "sub_event_type": "Peaceful protest",
         "actor1": "Protesters (Turkey)", "confidence": 0.4,
         "evidence": [{"text": "Kurds demonstrated in Diyarbakir.", "start": 80, "end": 112}]},
    ]


@pytest.fixture()
def files(tmp_path):
    g = tmp_path / "gold.csv"
    g.write_text(GOLD, encoding="utf-8")
    p = tmp_path / "pred.jsonl"
    p.write_text("".join(json.dumps(x) + "\n" for x in _pred_lines()), encoding="utf-8")
    return g, p


def test_eval_events_prints_scores_and_worst_errors(files, tmp_path):
    g, p = files
    out = tmp_path / "report.md"
    res = CliRunner().invoke(main, ["eval", "--gold", str(g), "--pred", str(p), "--report", str(out)])
    assert res.exit_code == 0, res.output
    assert "| events: precision | 0.500 | 2 |" in res.output
    assert "| events: recall | 0.500 | 2 |" in res.output
    assert "| matched: date exact | 0.0% | 1 |" in res.output
    assert "| matched: fatalities exact | 0.0% | 1 |" in res.output
    assert "| matched: actor2 | 100.0% | 1 |" in res.output
    assert "| any place (type and date only): recall | 0.500 | 2 |" in res.output
    assert "Kurds demonstrated in Diyarbakir." in res.output  # the spurious event's evidence
    assert out.read_text(encoding="utf-8") in res.output


def test_eval_types_from_the_same_predictions(files, tmp_path):
    _, p = files
    t = tmp_path / "types.csv"
    t.write_text("doc_id,sub_event_type\nkobani,Armed clash\nother,Attack\nquiet,none\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["eval", "--task", "types", "--gold", str(t), "--pred", str(p)])
    assert res.exit_code == 0, res.output
    # kobani right (top event: the 0.9 clash), other wrong (no event), quiet right (no event, gold none)
    assert "| accuracy | 66.7% | 3 |" in res.output
    # F1: Armed clash 1; Attack 0; (no event) predicted twice, right once: P 0.5, R 1, F1 2/3
    assert "| weighted F1 | 0.556 | 3 |" in res.output
    assert "| (no event) | 0.500 | 1.000 | 0.667 | 1 |" in res.output


def test_eval_toponyms_from_records(data_dir, tmp_path):  # noqa: F811
    pred = tmp_path / "topos.jsonl"
    pred.write_text(json.dumps({"doc_id": "7", "start": 9, "end": 14, "latitude": 36.34, "longitude": 43.13,
                                "geonameid": 99072, "name": "Mosul"}) + "\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["eval", "--task", "toponyms", "--gold", str(data_dir / "geowebnews" / "GWN.xml"),
                                    "--pred", str(pred)])
    assert res.exit_code == 0, res.output
    assert "| detection recall (overlapping span) | 100.0% | 1 |" in res.output
    assert "| exact GeoNames id, given detection | 100.0% | 1 |" in res.output


def test_eval_needs_exactly_one_prediction_source(files):
    g, p = files
    res = CliRunner().invoke(main, ["eval", "--gold", str(g)])
    assert res.exit_code == 2 and "exactly one of --pred" in res.output
    res = CliRunner().invoke(main, ["eval", "--gold", str(g), "--pred", str(p), "--input", str(p)])
    assert res.exit_code == 2


def test_eval_bad_gold_is_one_line_naming_file_and_line(files, tmp_path):
    _, p = files
    bad = tmp_path / "bad.csv"
    bad.write_text("doc_id,event_date,fatalities\na,2014-10-06,many\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["eval", "--gold", str(bad), "--pred", str(p)])
    assert res.exit_code == 1
    assert f"{bad}:2: fatalities is not a number" in res.output
    assert "Traceback" not in res.output


def test_run_all_skips_cleanly_without_data(tmp_path, capsys):
    out = tmp_path / "evaluation.md"
    out.write_text("old report", encoding="utf-8")
    assert run_all.main(["--data", str(tmp_path / "nowhere"), "--out", str(out)]) == 0
    assert "no dev data" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "old report"


@pytest.mark.slow
def test_run_all_on_small_dev_sets_writes_what_it_prints(data_dir, tmp_path, capsys):  # noqa: F811
    out = tmp_path / "evaluation.md"
    code = run_all.main(["--data", str(data_dir), "--examples", str(tmp_path / "no-examples"),
                         "--out", str(out), "--only", "baghuz,hrdsattack,plover,ucdp,event-location,geowebnews,wikievents"])
    assert code == 0
    printed = capsys.readouterr().out
    text = out.read_text(encoding="utf-8")
    assert printed == text
    assert "## Beside the published anchors" in text
    for anchor in ("0.839", "90.1%", "94.1%", "75-81%", "23%", "14%"):
        assert anchor in text
    assert "skipped: data not found" in text  # the Baghuz example folder is absent
    assert "2 of 2 sentences with one trigger" in text and "1 of 1 events with a single source headline of 4+ words" in text
    assert "Worst errors" in text


def test_run_all_reports_a_broken_evaluation_and_goes_on(data_dir, tmp_path, capsys, monkeypatch):  # noqa: F811
    def broken(ds, settings):
        raise RuntimeError("stage exploded")

    read, _, title = run_all.DEV_SETS["plover"]
    monkeypatch.setitem(run_all.DEV_SETS, "plover", (read, broken, title))
    out = tmp_path / "evaluation.md"
    assert run_all.main(["--data", str(data_dir), "--out", str(out), "--only", "plover,ucdp"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "failed: RuntimeError: stage exploded" in text
    assert "## UCDP GED Iraq (headlines)" in text
    assert "stage exploded" in capsys.readouterr().err


@pytest.mark.slow
def test_eval_runs_the_pipeline_over_inputs(tmp_path):
    art = tmp_path / "mosul-raid.txt"
    art.write_text("Gunmen killed four soldiers at a checkpoint in Mosul on Monday, police said.\n", encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    # no doc_id: the rows belong to the one input document
    gold.write_text(json.dumps({"event_date": "2021-03-01", "event_type": "Battles", "sub_event_type": "Armed clash",
                                "location": "Mosul", "latitude": 36.34, "longitude": 43.13, "fatalities": 4}) + "\n",
                    encoding="utf-8")
    res = CliRunner().invoke(main, ["eval", "--gold", str(gold), "--input", str(art)])
    assert res.exit_code == 0, res.output
    assert "Sample: 1 document, 1 gold event," in res.output
    assert "| events: recall |" in res.output and "| 1 |" in res.output


@pytest.mark.slow
def test_eval_counts_documents_without_gold_events(tmp_path):
    """An article with no gold line must yield no event: it is run, counted in the sample, and a
    prediction in it is a false positive."""
    arts = tmp_path / "articles"
    arts.mkdir()
    (arts / "mosul-raid.txt").write_text(
        "Gunmen killed four soldiers at a checkpoint in Mosul on Monday, police said.\n", encoding="utf-8")
    (arts / "budget-vote.txt").write_text(
        "Parliament in Baghdad approved the federal budget on Tuesday after months of delay.\n", encoding="utf-8")
    (arts / "kirkuk-blast.txt").write_text(
        "A roadside bomb killed two policemen on a highway south of Kirkuk on Sunday, officials said.\n",
        encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"doc_id": "mosul-raid", "event_date": "2021-03-01", "event_type": "Battles",
                                "sub_event_type": "Armed clash", "location": "Mosul", "latitude": 36.34,
                                "longitude": 43.13, "fatalities": 4}) + "\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["eval", "--gold", str(gold), "--input", str(arts)])
    assert res.exit_code == 0, res.output
    assert "Sample: 3 documents, 1 gold event," in res.output
    # the Kirkuk bombing has no gold line: it counts against precision
    assert "| events: precision | 0.500 |" in res.output
