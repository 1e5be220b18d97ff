"""A force hit together with civilians: the force is actor2, the civilians associated (ACLED
codes the attack on the force; a civilian driver killed with a patrol does not make it an
attack on civilians). Text written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.models import Document
from eventwire.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipe(settings):
    return Pipeline(settings)


@pytest.mark.parametrize("text,force", [
    ("Eight personnel of the District Reserve Guard (DRG) and a civilian driver were killed on Wednesday when "
     "Naxals blew up their vehicle with an improvised explosive device in Bijapur district, police said.",
     "Police Forces of India"),
    ("Four policemen and a civilian were killed on Monday when a roadside bomb hit their patrol in Quetta.",
     "Police Forces of Pakistan"),
])
def test_force_first_then_a_civilian(pipe, text, force):
    doc = pipe(Document(id="t", text=text, published=dt.date(2025, 8, 7)))
    assert len(doc.events) == 1
    e = doc.events[0]
    assert e.actor2.startswith(force), (e.actor1, e.actor2)
    assert e.event_type == "Explosions/Remote violence"


def test_civilians_alone_stay_civilians(pipe):
    doc = pipe(Document(id="t", text="Three civilians were killed on Monday when a roadside bomb hit their minibus "
                                     "near Quetta, police said.", published=dt.date(2025, 8, 7)))
    assert doc.events and doc.events[0].actor2.startswith("Civilians"), doc.events[0].actor2


@pytest.mark.parametrize("text", [
    "The workers were building a bridge on the edge of the town when armed men opened fire on them, Yahukimo "
    "police chief Heru Santoso said.",
    "Gunmen opened fire on a minibus near Kismayo on Tuesday, killing two passengers, district police commander "
    "Ali Farah told reporters.",
])
def test_a_force_that_only_speaks_is_not_the_target(pipe, text):
    doc = pipe(Document(id="t", text=text, published=dt.date(2025, 6, 10)))
    assert doc.events
    assert not doc.events[0].actor2.startswith("Police"), doc.events[0].actor2


def test_a_force_that_was_hit_and_then_speaks_elsewhere_stays_the_target(pipe):
    doc = pipe(Document(id="t", text="Gunmen ambushed a police patrol near Kismayo on Tuesday, killing two officers, "
                                     "a regional police official said.", published=dt.date(2025, 6, 10)))
    assert doc.events and doc.events[0].actor2.startswith("Police"), doc.events[0].actor2
