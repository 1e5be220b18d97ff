"""A scraped article of the Baghuz shape: headline, agency line, "Last modified" date, photo
caption, "Read more" teasers, relative dates, a prediction, a threat, background and a
footer. Only the events that happened come out, dated against the publication date.

The fixture (tests/fixtures/events_mali_offensive.txt) is our own writing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FIXTURE = Path(__file__).parent / "fixtures" / "events_mali_offensive.txt"
BAGHUZ = Path("/work/shared/examples/baghuz-2019")


@pytest.fixture(scope="module")
def mali():
    from eventwire.api import make_document
    from eventwire.pipeline import Pipeline

    text = FIXTURE.read_text(encoding="utf-8")
    doc = Pipeline()(make_document(text=text, doc_id="mali-fixture"))
    return text, doc


def test_cleaning_reads_the_page(mali) -> None:
    _, doc = mali
    assert doc.published is not None and doc.published.isoformat() == "2023-11-09"
    assert doc.source == "Reuters"
    assert "Photograph" not in doc.clean and "Niger junta" not in doc.clean and "Burkina Faso" not in doc.clean


def test_only_the_events_that_happened(mali) -> None:
    text, doc = mali
    got = sorted((e.event_date, e.time_precision, e.event_type, e.sub_event_type, e.fatalities) for e in doc.events)
    assert got == [
        ("2023-11-07", 1, "Battles", "Armed clash", 12),  # "the offensive on Anefis began on Tuesday"
        ("2023-11-08", 1, "Explosions/Remote violence", "Air/drone strike", 4),  # "On Wednesday, a drone strike"
    ]
    for ev in doc.events:
        for e in ev.evidence:
            assert text[e.start:e.end] == e.text
            for bad in ("Photograph", "Niger junta", "Burkina Faso", "predicted", "threatened", "once controlled"):
                assert bad not in e.text, (bad, ev.sub_event_type)
        assert ev.source == "Reuters" and ev.published == "2023-11-09"


def test_sentences_about_the_offensive_merge(mali) -> None:
    _, doc = mali
    clash = next(e for e in doc.events if e.sub_event_type == "Armed clash")
    texts = " ".join(e.text for e in clash.evidence)
    assert "launched an assault on the town of Anefis" in texts
    assert "the offensive on Anefis began on Tuesday" in texts
    assert clash.provenance["event_date"].text == "on Tuesday"
    assert clash.notes.startswith("On 7 November 2023, ") and clash.notes.endswith("12 fatalities were reported.")


def test_attribution_of_the_strike(mali) -> None:
    _, doc = mali
    strike = next(e for e in doc.events if e.sub_event_type == "Air/drone strike")
    assert strike.attribution == "local official"
    assert strike.provenance["fatalities"].text.startswith("killing four")


@pytest.mark.skipif(not (BAGHUZ / "article.txt").exists(), reason="shared Baghuz example not present")
def test_baghuz_example_gives_e1_to_e3() -> None:
    from eventwire.api import make_document
    from eventwire.pipeline import Pipeline

    text = (BAGHUZ / "article.txt").read_text(encoding="utf-8")
    expected = [json.loads(x) for x in (BAGHUZ / "expected.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    required = [x for x in expected if x.get("required")]
    doc = Pipeline()(make_document(text=text, doc_id="baghuz"))
    got = sorted((e.event_date, e.time_precision, e.event_type, e.sub_event_type) for e in doc.events)
    want = sorted((x["event_date"], x["time_precision"], x["event_type"], x["sub_event_type"]) for x in required)
    assert got == want
    ev_text = " ".join(e.text for ev in doc.events for e in ev.evidence)
    for bad in ("Philippines", "coup attempt", "predicted", "99.5%", "Photograph", "large swaths"):
        assert bad not in ev_text
    # E2 (IS attacks SDF) and E3 (coalition airstrikes) come from the same sentence
    e2 = [e for e in doc.events if e.sub_event_type == "Armed clash" and "oil field" in e.evidence[0].text]
    e3 = [e for e in doc.events if e.sub_event_type == "Air/drone strike"]
    assert len(e2) == 1 and len(e3) == 1
    assert all(e.source == "Associated Press" and e.fatalities == 0 for e in doc.events)
    assert all(e.country == "Syria" and e.iso == 760 for e in doc.events)
