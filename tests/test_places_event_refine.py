"""Two place classes: a lead that places an event in a province only, whose next sentence (the same
event told in more detail) names a town or district inside that province; and a listed town with no
population figure, named after "in"/"near" and described by an apposition ("a town in ...", "the main
town of ..."). Every text here is written for this test."""
from __future__ import annotations

import pytest

from eventwire.models import Document
from eventwire.places import geoparse_text, locate_event


def _locate(text: str, trigger: str, settings):
    from eventwire.pipeline import Pipeline

    doc = Document(id="refine", text=text, clean=text)
    for _name, fn in Pipeline(settings, stages=("nlp", "places"))._fns:
        doc = fn(doc, settings)
    i = doc.clean.index(trigger)
    return locate_event(doc, doc.sentence_of(i).index, i, i + len(trigger), settings)


# ---------------------------------------------------------------- province lead, finer place next
KIVU_LEAD = ("Rebels killed at least 11 civilians in an overnight raid in Congo's North Kivu province, "
             "officials said. ")
BAGO_LEAD = "Junta troops killed nine villagers in Myanmar's Bago region, a resistance group said. "


@pytest.mark.model
@pytest.mark.parametrize("text,trigger,name,admin1", [
    (KIVU_LEAD + "The assailants stormed a village in Lubero territory before dawn, burning houses, "
                 "a local administrator said.", "killed", "Lubero", "Nord-Kivu"),
    (BAGO_LEAD + "The soldiers opened fire on a convoy of fleeing residents on a road in Taungoo district, "
                 "the group said.", "killed", "Taungoo", "Bago"),
])
def test_district_in_the_next_sentence_refines_a_province_lead(text, trigger, name, admin1, settings):
    loc = _locate(text, trigger, settings)
    assert loc is not None and loc.place is not None
    assert loc.place.name == name and loc.place.admin1 == admin1
    assert loc.place.feature_class == "P"  # a district is coded to its town of the same name
    assert loc.geo_precision == 2


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # a district of another province (Kabinda lies in Lomami, not North Kivu)
    KIVU_LEAD + "The assailants stormed a village in Kabinda territory before dawn, a local administrator said.",
    # background, not the event
    BAGO_LEAD + "Taungoo district has been under martial law since the coup, residents say.",
    # another day: another event
    BAGO_LEAD + "On Sunday, the soldiers shelled a monastery in Taungoo district, the group said.",
    # another event told next
    BAGO_LEAD + "In a separate attack, troops burned homes in Taungoo district, the group said.",
])
def test_province_lead_is_not_refined_by_another_province_background_or_event(text, settings):
    loc = _locate(text, "killed", settings)
    assert loc is not None and loc.place is not None
    assert loc.place.feature_code == "ADM1" and loc.geo_precision == 3


# ---------------------------------------------------------------- listed towns with population 0
@pytest.mark.model
@pytest.mark.parametrize("text,name,admin1", [
    ("Jihadist fighters killed six soldiers in an ambush near Tominian, a town in Mali's Segou region, "
     "on Sunday, the army said.", "Tominian", "Segou"),
    ("Gunmen abducted 14 worshippers from a church in Zonkwa, a farming town in southern Kaduna state, "
     "late on Saturday, police said.", "Zonkwa", "Kaduna"),
    ("Separatist fighters set fire to a school in Sugapa, the main town of Intan Jaya regency, "
     "on Tuesday, police said.", "Sugapa", "Central Papua"),
])
def test_unpeopled_listed_town_described_by_an_apposition_is_a_place(text, name, admin1, settings):
    recs = [r for r in geoparse_text(text, settings) if r["text"] == name]
    assert recs, [r["text"] for r in geoparse_text(text, settings)]
    assert recs[0]["admin1"] == admin1


@pytest.mark.model
def test_apposition_after_a_person_is_not_a_place_cue(settings):
    # "Sagala" is also a listed village with no population; here it is a man, and no preposition of
    # place comes before it
    text = "The soldiers questioned Sagala, the head of the local youth group, on Monday, his family said."
    assert "Sagala" not in [r["text"] for r in geoparse_text(text, settings)]


# ---------------------------------------------------------------- the elaboration yields no event of its own
@pytest.mark.model
@pytest.mark.parametrize("text", [
    ("Police opened fire on demonstrators in Guinea's Kankan region on Wednesday, killing four, rights groups "
     "said. Young men had gathered in Siguiri to protest against power cuts, and police started shooting "
     "as the crowd swelled, a witness said."),
    ("Soldiers opened fire on protesters in Niger's Tillaberi region on Friday, killing three, witnesses "
     "said. Hundreds of miners had marched through Ouallam to denounce a new tax when troops started "
     "shooting at them, one of them said."),
])
def test_shooting_told_again_after_force_on_a_protest_is_the_same_event(text, settings):
    from eventwire.api import extract

    events = extract(text=text, published="2024-03-08", settings=settings)
    assert [e.sub_event_type for e in events] == ["Excessive force against protesters"], \
        [(e.sub_event_type, e.location) for e in events]


@pytest.mark.model
def test_shooting_by_others_on_another_day_stays_its_own_event(settings):
    from eventwire.api import extract

    text = ("Police opened fire on demonstrators in Guinea's Kankan region on Wednesday, killing four, rights "
            "groups said. On Friday, gunmen attacked a police post in Siguiri, killing two officers.")
    events = extract(text=text, published="2024-03-08", settings=settings)
    assert len(events) == 2
