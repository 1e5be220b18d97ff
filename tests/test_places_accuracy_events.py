"""Where an event happened when the sentence names a landmark, or a list of districts inside a province.
Every text here is written for this test."""
from __future__ import annotations

import pytest

from eventwire import nlp, places
from eventwire.models import Document


def _located(text: str, trigger: str, settings):
    doc = Document(id="t", text=text, clean=text)
    nlp.run(doc, settings)
    places.run(doc, settings)
    i = text.index(trigger)
    sent = doc.sentence_of(i)
    return places.locate_event(doc, sent.index if sent else 0, i, i + len(trigger), settings)


@pytest.mark.parametrize("text,trigger,place", [
    # a named square or palace is as precise as a town: not the city named after it
    ("Hundreds of students marched into Tiananmen Square on Sunday before police dispersed them "
     "in central Beijing.", "marched", "Tiananmen Square"),
    ("Protesters rallied outside Buckingham Palace on Saturday, and several were detained later "
     "in London.", "rallied", "Buckingham Palace"),
])
def test_landmark_is_where_the_event_happened(text, trigger, place, settings):
    loc = _located(text, trigger, settings)
    assert loc is not None and loc.mention is not None
    assert loc.mention.text == place, loc.why if hasattr(loc, "why") else loc


def test_districts_listed_before_their_province(settings):
    """"X, Y and Z districts of W province": the event is in the districts, W only says where they lie."""
    text = ("Gunmen attacked checkpoints in Kwande, Katsina-Ala and Logo local government areas of Benue "
            "state overnight, killing nine people, police said.")
    loc = _located(text, "attacked", settings)
    assert loc is not None and loc.mention is not None
    assert loc.mention.text != "Benue", loc


def test_named_site_is_as_specific_as_an_unlisted_one():
    """A listed landmark (feature class S) competes as an unlisted site does, not as a vague region:
    the patrol in "Tian'anmen Square ... in downtown Beijing" is on the square."""
    from eventwire.models import Place
    from eventwire.places.geolocate import _specificity

    square = Place(name="Red Square", latitude=55.75, longitude=37.62, feature_class="S", feature_code="SQR")
    unlisted = Place(name="Manezhnaya Square")
    region = Place(name="Moscow", latitude=55.75, longitude=37.62, feature_class="A", feature_code="ADM1")
    assert _specificity(square) == _specificity(unlisted) > _specificity(region)


@pytest.mark.parametrize("gap,held", [
    (" local government areas of ", True),
    (", Katsina-Ala and Logo local government areas of ", True),
    (" and Logo, 20 km from ", False),
])
def test_list_of_names_before_their_container(gap, held):
    from eventwire.places.geolocate import _contains_gap

    assert _contains_gap(gap) is held


def test_listed_site_named_in_its_town_is_coded_at_the_town(settings):
    """ACLED codes "outside Buckingham Palace in London" at London; the mention stays the palace."""
    loc = _located("Protesters rallied outside Buckingham Palace in London on Saturday.", "rallied", settings)
    assert loc is not None and loc.mention is not None
    assert (loc.mention.text, loc.place.name, loc.geo_precision) == ("Buckingham Palace", "London", 1), loc.why
