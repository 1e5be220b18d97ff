"""Classes of event-place errors seen on multi-outlet news: a people's name before a force noun read as the
region of that name, a same-country namesake picked by population over the article's province, an
unlisted village borrowing a town of another country's paragraph, and a site ("X Square") read as a small
town of that name far away. Texts written for these tests.
"""

from __future__ import annotations

import pytest

from eventwire.models import Document
from eventwire.places import locate_event


def _locate(text: str, trigger: str, settings):
    from eventwire.pipeline import Pipeline

    doc = Document(id="classes", text=text, clean=text)
    for _name, fn in Pipeline(settings, stages=("nlp", "places"))._fns:
        doc = fn(doc, settings)
    i = doc.clean.index(trigger)
    return doc, locate_event(doc, doc.sentence_of(i).index, i, i + len(trigger), settings)


def _place(doc: Document, text: str):
    return next(m for m in doc.mentions if m.kind == "place" and m.text == text)


@pytest.mark.model
def test_demonym_before_a_force_noun_is_the_country_not_the_region(settings):
    doc, loc = _locate("Somali soldiers pushed back an al-Shabaab assault on their base in Hiraan on Wednesday, "
                       "killing five attackers.", "pushed back", settings)
    assert _place(doc, "Somali").meta["role"] == "adjective"
    assert loc.place.country_code == "SO", loc.why  # not Ethiopia's Somali Region
    # a people named like a region: the people (its country), not the region
    doc, loc = _locate("Amhara militiamen raided a market on Thursday, witnesses said.", "raided", settings)
    amhara = _place(doc, "Amhara")
    assert amhara.meta["role"] == "adjective" and amhara.value.feature_code.startswith("PCL"), amhara.why
    assert loc is None or loc.place.feature_code != "ADM1", loc.why
    # the region itself stays the region
    doc, loc = _locate("Floods displaced thousands of families in the Afar region last week.", "displaced", settings)
    assert loc.place.feature_code == "ADM1" and loc.place.country_code == "ET", loc.why


@pytest.mark.model
def test_namesake_in_the_province_of_the_articles_other_town(settings):
    text = ("Security forces launched a search operation around Sukma on Monday. "
            "Two jawans died when insurgents detonated a landmine in Bijapur, officials said.")
    _, loc = _locate(text, "detonated", settings)
    assert loc.place.admin1 == "Chhattisgarh", loc.why  # not the bigger Bijapur (Vijayapura) in Karnataka
    # alone, the bigger namesake stands
    _, loc = _locate("Farmers blocked a highway in Bijapur on Monday.", "blocked", settings)
    assert loc.place.admin1 == "Karnataka", loc.why


@pytest.mark.model
def test_unlisted_village_takes_its_own_sentences_country(settings):
    text = ("Militants ambushed a convoy near Djibo in northern Burkina Faso on Friday. "
            "Elsewhere, armed men killed nine herders close to Boni in central Mali on Saturday.")
    _, loc = _locate(text, "killed nine", settings)
    assert loc.place.country_code == "ML" and loc.geo_precision == 3, loc.why
    # a town of its own country in the same paragraph still anchors it
    _, loc = _locate("Armed men killed nine herders close to Boni, east of Douentza in central Mali.",
                     "killed", settings)
    assert loc.place.country_code == "ML", loc.why


@pytest.mark.model
def test_a_site_named_like_a_far_small_town_is_part_of_the_articles_town(settings):
    doc, loc = _locate("Police in New Orleans said two men were wounded in a shooting near Washington Square "
                       "late on Friday.", "shooting", settings)
    square = _place(doc, "Washington Square")
    assert square.meta.get("unlisted") and square.value.admin1 == "Louisiana", square.why
    assert loc.place.name == "New Orleans", loc.why


@pytest.mark.model
def test_street_and_neighbourhood_names_are_not_towns(settings):
    doc, loc = _locate("Protesters smashed shop windows on Morelos avenue in Puebla on Monday.", "smashed", settings)
    assert _place(doc, "Morelos").meta.get("unlisted"), _place(doc, "Morelos").why  # not the state or a town
    assert loc.place.name == "Puebla", loc.why
    doc, loc = _locate("Opposition youths marched in Conakry on Thursday. Police fired tear gas in the Cosa "
                       "neighbourhood of the capital, wounding four.", "fired", settings)
    cosa = _place(doc, "Cosa")
    assert cosa.value.country_code == "GN", cosa.why  # not the village in Spain
    assert loc.place.name == "Conakry", loc.why


@pytest.mark.model
def test_province_named_like_its_capital_and_town_placed_by_another(settings):
    _, loc = _locate("Government warplanes struck two villages in Hama province on Sunday.", "struck", settings)
    assert (loc.place.feature_code, loc.geo_precision) == ("ADM1", 3), loc.why
    _, loc = _locate("A car bomb exploded in Hama on Sunday, killing four.", "exploded", settings)
    assert (loc.place.feature_class, loc.geo_precision) == ("P", 1), loc.why  # the city alone stays the city
    # a named town with a direction to another town is the named town
    _, loc = _locate("Militants stormed a checkpoint in Afgooye, 30 km west of Mogadishu, killing two soldiers.",
                     "stormed", settings)
    assert (loc.place.name, loc.geo_precision) == ("Afgooye", 1), loc.why
