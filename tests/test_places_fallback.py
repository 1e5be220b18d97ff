"""Where an event at a place the gazetteer lacks is put when no listed place is named near it.

The village falls back to the province or district the article is about (precision 3, or 2 for a
district), not to the country's centre; and only to the country when the article names nothing finer.
Articles written for these tests; the villages are invented names the gazetteer does not list.
"""

from __future__ import annotations

import pytest

from eventwire.models import Document
from eventwire.places import locate_event

FILLER = ("Aid agencies said food prices had doubled since January.\n"
          "Schools in the area have been closed for most of the year.\n"
          "Farmers said they could not reach their fields during the rains.\n")


def _doc(text: str, settings) -> Document:
    from eventwire.pipeline import Pipeline

    doc = Document(id="fallback", text=text, clean=text)
    for _name, fn in Pipeline(settings, stages=("nlp", "places"))._fns:
        doc = fn(doc, settings)
    return doc


def _locate(doc: Document, trigger: str, settings):
    i = doc.clean.rindex(trigger)
    return locate_event(doc, doc.sentence_of(i).index, i, i + len(trigger), settings)


@pytest.mark.model
def test_unlisted_village_takes_the_province_the_article_names(settings):
    text = ("Insurgents have stepped up attacks across Borno State this year, the governor of Borno said.\n"
            "The Nigerian army said it had reinforced its bases in Yobe.\n" + FILLER +
            "On Wednesday, soldiers killed five fighters near the village of Gumsari Kura, the army said.")
    doc = _doc(text, settings)
    loc = _locate(doc, "killed", settings)
    assert loc.mention is not None and loc.mention.text == "Gumsari Kura"
    # Borno is named twice, Yobe once: the village is coded to Borno, honestly at precision 3
    assert (loc.place.country_code, loc.place.admin1, loc.geo_precision) == ("NG", "Borno", 3), loc.why
    assert loc.place.name == "Gumsari Kura"  # the village's own name at the region's coordinates (issue 4)
    assert abs(loc.place.latitude - 11.5) < 1.5 and abs(loc.place.longitude - 13.0) < 1.5  # not Nigeria's centre
    assert "region" in loc.why


@pytest.mark.model
def test_unlisted_village_takes_the_one_province_of_the_articles_towns(settings):
    text = ("Gunmen attacked a market in Maiduguri on Monday, police said.\n"
            "Another group raided a camp outside Konduga on Tuesday.\n" + FILLER +
            "Later, troops killed three fighters near the village of Dalori Kofa, a military source said.")
    doc = _doc(text, settings)
    loc = _locate(doc, "killed", settings)
    assert loc.mention is not None and loc.mention.text == "Dalori Kofa"
    assert (loc.place.admin1, loc.geo_precision) == ("Borno", 3), loc.why


@pytest.mark.model
def test_unlisted_village_with_towns_in_several_provinces_stays_at_country_level(settings):
    text = ("Gunmen attacked a market in Maiduguri on Monday, police said.\n"
            "Another group raided a camp outside Damaturu on Tuesday.\n" + FILLER +
            "Later, troops killed three fighters near the village of Ngamdu Tsalla, a military source said.")
    doc = _doc(text, settings)
    loc = _locate(doc, "killed", settings)
    assert loc.mention is not None and loc.mention.text == "Ngamdu Tsalla"
    # Borno and Yobe towns: nothing says which province; the country, and the reason says so
    assert (loc.place.country_code, loc.place.admin1, loc.geo_precision) == ("NG", "", 3), loc.why
    assert "country" in loc.why
