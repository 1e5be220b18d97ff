"""Where an event happened, on the ways outside newsrooms write it: datelines and agencies, speakers'
places, namesakes far abroad, "the Afghan capital", "X Local Government Area", a district "of the city",
a country as the doer ("Russia launched ..."), a site named after its town, a town the gazetteer lacks
in a named region, and a lead whose place the next sentence gives. Texts written for these tests.
"""

from __future__ import annotations

import pytest

from eventwire.models import Document
from eventwire.places import locate_event


def _doc(text: str, settings) -> Document:
    from eventwire.pipeline import Pipeline

    doc = Document(id="where", text=text, clean=text)
    for _name, fn in Pipeline(settings, stages=("nlp", "places"))._fns:
        doc = fn(doc, settings)
    return doc


def _locate(text: str, trigger: str, settings):
    doc = _doc(text, settings)
    i = doc.clean.index(trigger)
    return doc, locate_event(doc, doc.sentence_of(i).index, i, i + len(trigger), settings)


def _places(doc: Document):
    return [m for m in doc.mentions if m.kind == "place"]


# ------------------------------------------------------------ datelines, agencies, speakers
@pytest.mark.model
def test_event_sentence_place_beats_the_dateline(settings):
    doc, loc = _locate("ZAMBOANGA CITY - Soldiers killed two Abu Sayyaf gunmen in a clash on Sunday in the "
                       "hinterlands of Patikul, Sulu, the military said.", "killed", settings)
    assert (loc.mention.text, loc.place.country_code, loc.geo_precision) == ("Patikul", "PH", 1), loc.why
    dateline = next(m for m in _places(doc) if m.text == "ZAMBOANGA CITY")
    assert "dateline" in dateline.meta["cues"]
    # a dateline is still where the report's event happened when the sentence names nothing else
    _, loc = _locate("KHARKIV - A guided bomb hit an apartment block on Monday, killing three people.", "hit", settings)
    assert loc.place.name == "Kharkiv" and loc.geo_precision == 1, loc.why


@pytest.mark.model
def test_agency_after_a_dateline_is_not_a_place(settings):
    doc, loc = _locate("Kabul, XINHUA - A roadside bomb hit a police vehicle in Jalalabad city on Monday, "
                       "killing two officers.", "roadside bomb", settings)
    assert not any(m.text == "XINHUA" for m in _places(doc))
    assert loc.place.name == "Jalalabad" and loc.place.country_code == "AF", loc.why
    doc = _doc("Aden, SABA - Houthi militia shelled residential areas in Taiz on Sunday, wounding three children.",
               settings)
    assert not any(m.text == "SABA" for m in _places(doc))  # Yemen's agency, not the Caribbean island
    assert "dateline" in next(m for m in _places(doc) if m.text == "Aden").meta["cues"]


@pytest.mark.model
def test_speakers_place_is_not_the_event_place(settings):
    _, loc = _locate("An Israeli strike hit a school in Nuseirat on Saturday, killing 14 people, the health "
                     "ministry in Gaza City said.", "strike", settings)
    assert loc.mention.text == "Nuseirat" and loc.place.country_code == "PS", loc.why
    _, loc = _locate("Shelling killed five civilians in Kramatorsk overnight, according to officials in Kyiv.",
                     "Shelling", settings)
    assert loc.mention.text == "Kramatorsk", loc.why


# ------------------------------------------------------------ namesakes far abroad
@pytest.mark.model
@pytest.mark.parametrize("text,trigger,cc,mention", [
    # Kani is a big town in Japan; "Kani Township, Sagaing Region" is in Myanmar
    ("Junta troops shelled Kani Township in Sagaing Region on Friday, killing four civilians.", "shelled", "MM",
     "Kani Township"),
    # Coro (Venezuela) writes itself "Koro" too; Mali has its own Koro: the article's country wins
    ("Jihadists attacked a military post near Koro in the Mopti region on Friday, killing three soldiers.",
     "attacked", "ML", "Koro"),
    # Pale is a Bosnian town; the Myanmar village is not in the gazetteer: it goes to the region named
    ("Junta soldiers raided Pale village in Sagaing Region at dawn, killing six villagers, residents said.",
     "raided", "MM", "Pale"),
])
def test_a_namesake_far_abroad_does_not_take_the_event(settings, text, trigger, cc, mention):
    doc, loc = _locate(text, trigger, settings)
    assert loc.mention.text == mention and loc.place.country_code == cc, loc.why
    # a town found in the article's country: <= 2; an unlisted one in a named region: that region (3)
    assert loc.geo_precision <= (3 if "Region" in text else 2)


def test_a_namesake_abroad_stays_when_its_country_is_named(settings):
    # nothing says the article is elsewhere: a German city named with Germany keeps its reading
    _, loc = _locate("Police in Germany raided a flat in Bonn on Tuesday and arrested two men.", "raided", settings)
    assert loc.place.country_code == "DE" and loc.geo_precision == 1, loc.why


# ------------------------------------------------------------ capitals
@pytest.mark.model
@pytest.mark.parametrize("text,trigger,city,cc", [
    ("A suicide bomber struck a mosque in the Afghan capital on Friday, killing 12 worshippers.", "struck", "Kabul",
     "AF"),
    ("Rival army factions fought with heavy weapons in Sudan's capital on Saturday.", "fought", "Khartoum", "SD"),
    ("Gang members torched a police station in the capital of Haiti overnight.", "torched", "Port-au-Prince", "HT"),
    # "the capital" with no name: the capital of the country the article is about
    ("Kenyan police clashed with protesters in Mombasa on Monday.\nOn Tuesday police fired tear gas at "
     "demonstrators in the capital.", "fired", "Nairobi", "KE"),
])
def test_a_capital_named_by_its_country(settings, text, trigger, city, cc):
    _, loc = _locate(text, trigger, settings)
    assert (loc.place.name, loc.place.country_code, loc.geo_precision) == (city, cc, 1), loc.why


@pytest.mark.model
def test_capital_phrases_that_are_not_the_place(settings):
    # the capital named before ("La Paz, the capital of Bolivia") stands; the capital as a reference point does not
    _, loc = _locate("Miners protested outside the parliament in La Paz, the capital of Bolivia, on Thursday.",
                     "protested", settings)
    assert loc.mention.text == "La Paz", loc.why
    _, loc = _locate("Gunmen attacked a bus on a road south of the capital Algiers, near Medea, killing four.",
                     "attacked", settings)
    assert loc.mention.text == "Medea" and loc.geo_precision == 2, loc.why
    # "the capital" inside "the X area of the capital" does not stand for the part of it
    doc = _doc("Police clashed with students in the Mirpur area of the capital on Sunday.", settings)
    assert not any(m.text == "the capital" for m in _places(doc))


@pytest.mark.model
def test_the_capital_of_a_state_is_the_town_not_the_state(settings):
    _, loc = _locate("Shelling in Kadugli, the capital of South Kordofan state, killed six people on Monday.",
                     "killed", settings)
    assert (loc.mention.text, loc.geo_precision) == ("Kadugli", 1), loc.why


# ------------------------------------------------------------ second-level divisions
@pytest.mark.model
def test_local_government_area_is_a_district(settings):
    _, loc = _locate("Gunmen killed 11 people in Bokkos Local Government Area of Plateau State on Sunday.",
                     "killed", settings)
    assert (loc.place.name, loc.place.admin1, loc.geo_precision) == ("Bokkos", "Plateau", 2), loc.why
    assert loc.place.feature_code == "ADM2"
    # an unlisted village in a named LGA: the LGA's coordinates, under the village's name (issue 4), precision 2
    _, loc = _locate("Herders attacked Yelwata village in Guma Local Government Area of Benue State, killing "
                     "nine farmers.", "attacked", settings)
    assert (loc.place.name, loc.place.admin1, loc.geo_precision) == ("Yelwata", "Benue", 2), loc.why
    assert "Guma" in loc.place.source
    assert loc.mention.text == "Yelwata"


@pytest.mark.model
def test_unlisted_town_in_a_named_region_is_coded_to_the_region_under_its_name(settings):
    _, loc = _locate("Al-Shabaab fighters overran an army base in the town of Awdheegle in the Lower Shabelle "
                     "region on Tuesday.", "overran", settings)
    assert loc.mention.text == "Awdheegle" and loc.geo_precision == 3, loc.why
    # the region's coordinates, under the town's own name (issue 4)
    assert loc.place.name == "Awdheegle" and loc.place.admin1 == "Lower Shabelle" and loc.place.country_code == "SO"


# ------------------------------------------------------------ the doer is not the place
@pytest.mark.model
@pytest.mark.parametrize("text,trigger,name,cc", [
    ("Russian forces shelled Huliaipole on Thursday, wounding two women.", "shelled", "Hulyaypole", "UA"),
    ("Russia launched 30 drones at the port city of Odesa overnight, the air force said.", "launched", "Odesa",
     "UA"),
])
def test_a_country_as_the_doer_is_not_the_place(settings, text, trigger, name, cc):
    _, loc = _locate(text, trigger, settings)
    assert (loc.place.name, loc.place.country_code, loc.geo_precision) == (name, cc, 1), loc.why


# ------------------------------------------------------------ parts of a city, sites
@pytest.mark.model
def test_district_of_the_city_named_before(settings):
    text = ("Russian missiles struck Kharkiv overnight, officials said.\n"
            "One missile hit a warehouse in the Kyivskyi district of the city, injuring four workers.")
    _, loc = _locate(text, "hit", settings)
    assert (loc.place.name, loc.geo_precision) == ("Kharkiv", 1), loc.why  # not a Kyivskyi elsewhere
    assert loc.mention.text == "Kyivskyi"


@pytest.mark.model
@pytest.mark.parametrize("text,trigger,city", [
    ("Police baton-charged reporters protesting outside the Karachi Press Club on Thursday.", "baton-charged",
     "Karachi"),
    ("Students staged a sit-in at Herat University on Sunday against the decree.", "sit-in", "Herat"),
])
def test_site_named_after_its_town(settings, text, trigger, city):
    _, loc = _locate(text, trigger, settings)
    assert (loc.place.name, loc.geo_precision) == (city, 1), loc.why


# ------------------------------------------------------------ a lead with no place
@pytest.mark.model
def test_lead_with_no_place_does_not_borrow_another_events_place(settings):
    text = ("Gunmen killed three farmers on Monday, police said.\n"
            "In a separate attack, soldiers clashed with militants in Damboa.")
    _, loc = _locate(text, "killed", settings)
    assert loc.place.name != "Damboa" and loc.place.country_code == "NG", loc.why
    text = ("Gunmen killed three farmers on Monday, police said.\n"
            "The attack took place in the village of Kirawa near Gwoza.")
    _, loc = _locate(text, "killed", settings)
    assert loc.place.name == "Kirawa" and "Gwoza" in loc.place.source and loc.geo_precision == 2, loc.why
