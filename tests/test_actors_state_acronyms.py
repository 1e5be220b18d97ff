"""State forces named by their own acronym or official name keep their own country.

Outlets write "UPDF troops", "FAMa", "the Armed Forces of the DRC (FARDC)". Without a
dictionary row the acronym becomes a new group or takes the country of the article's
places: Ugandan troops fighting in eastern Congo would be coded as Congo's army, and
two reports of one clash would name the same army differently (and not merge).
"""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.models import Document
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(Settings())


def _actors(pipeline, text: str) -> set[str]:
    doc = pipeline(Document(id="t", text=text, published=dt.date(2025, 4, 11)))
    return {a for ev in doc.events for a in (ev.actor1, ev.actor2) if a}


@pytest.mark.parametrize("text, expected, not_expected", [
    ("BENI, Congo, April 11 - UPDF troops clashed with ADF rebels near Beni in eastern Congo on Thursday, "
     "killing five of them, a spokesman said.",
     "Military Forces of Uganda", "Military Forces of the Democratic Republic of Congo"),
    ("Kenya Defence Forces (KDF) soldiers killed four al-Shabaab fighters in a clash near Kolbio "
     "in Lamu county on Thursday, the military said.",
     "Military Forces of Kenya", None),
    ("SEDENA said soldiers clashed with gunmen in Apatzingan, Michoacan, on Thursday, killing two of them.",
     "Military Forces of Mexico", None),
])
def test_acronym_keeps_its_own_country(pipeline, text, expected, not_expected):
    actors = _actors(pipeline, text)
    assert expected in actors
    if not_expected:
        assert not_expected not in actors


def test_official_name_with_acronym_is_the_state_force_not_a_new_group(pipeline):
    text = ("GOMA, April 11 - The Armed Forces of the DRC (FARDC) said they had repelled an attack by M23 "
            "rebels near Masisi on Thursday, killing six fighters.")
    actors = _actors(pipeline, text)
    assert "Military Forces of the Democratic Republic of Congo" in actors
    assert not any(a.startswith("FARDC") for a in actors)


@pytest.mark.parametrize("subject", ["Extremist forces", "Armed terrorist groups", "Terrorist elements"])
def test_governments_words_for_armed_groups_are_not_state_forces(pipeline, subject):
    # "forces" alone is the state's; "extremist forces" is what a government calls its enemy
    text = (f"BAMAKO, March 12 - {subject} attacked an army post near Niono on Tuesday, killing four "
            "soldiers, the army said.")
    actors = _actors(pipeline, text)
    assert "Unidentified Armed Group (Mali)" in actors
    assert "Military Forces of Mali" in actors  # the victims
