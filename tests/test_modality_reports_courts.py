"""Not new events: a magistrate's ruling about past acts, and a cumulative toll told in a
report about a conflict. Real events in the same articles are kept. Text written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.models import Document
from eventwire.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipe(settings):
    return Pipeline(settings)


def events(pipe, text):
    return pipe(Document(id="t", text=text, published=dt.date(2025, 11, 27))).events


@pytest.mark.parametrize("text", [
    "Magistrate Tendai Moyo ruled that the state had proved the activists had blocked a road and sung songs "
    "denigrating the president during a march in 2024.",
    "In a report presented in Accra on Thursday, the council said more than 250 people had been killed in the "
    "chieftaincy conflict since 2021.",
    "In its latest report, the monitoring group said 1,200 civilians had been killed during the war so far.",
])
def test_rulings_and_cumulative_reports_are_not_events(pipe, text):
    assert events(pipe, text) == []


def test_a_real_event_beside_them_is_kept(pipe):
    evs = events(pipe, "Police shot dead two protesters in Harare on Wednesday, witnesses said. In a report "
                       "presented on Thursday, a rights group said 40 people had been killed in the unrest since March.")
    assert [(e.sub_event_type, e.fatalities) for e in evs] == [("Excessive force against protesters", 2)], \
        [(e.sub_event_type, e.fatalities, e.location) for e in evs]
