"""Towns the packaged GeoNames extract lacks come from the curated supplement.

Balcad (Middle Shabelle, Somalia) is missing from cities500; without its row an
attack there was coded near Mogadishu (precision 2), and its spelling "Balad"
took a Somali story to Balad in Iraq. The row must not take Iraq's Balad away
from Iraqi stories.
"""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.models import Document
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(Settings())


def _event(pipeline, text):
    doc = pipeline(Document(id="t", text=text, published=dt.date(2025, 6, 15)))
    assert doc.events, text
    return doc.events[0]


@pytest.mark.parametrize("town", ["Balcad", "Balad"])
def test_somali_town_from_the_supplement(pipeline, town):
    ev = _event(pipeline, f"MOGADISHU, June 15 - A suicide bomber rammed a car packed with explosives into "
                          f"a military base in {town}, north of Mogadishu, on Saturday, killing five soldiers, "
                          "a Somali army officer said.")
    assert ev.country == "Somalia" and ev.geo_precision == 1
    assert abs(ev.latitude - 2.36) < 0.1 and abs(ev.longitude - 45.39) < 0.1


def test_iraqi_balad_stays_in_iraq(pipeline):
    ev = _event(pipeline, "BAGHDAD, June 15 - A roadside bomb killed two soldiers in Balad, north of Baghdad, "
                          "on Saturday, police said.")
    assert ev.country == "Iraq"
