"""Event places on conflict news from new outlets: names that read as a place far away. Every text here is
written for this test (fictional incidents in real places).

* a landmark or building named like a town abroad ("Beaufort castle" above Arnoun, "Madina and Erdogan
  hospitals" in Mogadishu, "Sheffield market in Aden") is a site of the article's town, not the town abroad;
* a town named like a country ("the road from Costa Rica to El Dorado" in Sinaloa, "Cuba, a town of
  Guanajuato state") is the article's country's town, or a town the gazetteer lacks -- not the country;
  "Costa Rica's president" stays the country;
* a place someone went or was taken to ("about to fly to Nairobi", "cattle were taken towards the Nigerian
  border", "refugees fled to Chad") is not where the event happened, nor the article's country;
* a dateline swallowed by an entity ("DHAKA - Thousands of ...") still places the article, so a neighbourhood
  of the city ("the Jatrabari area", "marched from Mirpur") is the city, not a namesake abroad.
"""
from __future__ import annotations

import pytest

from test_places_events_where import _doc, _locate  # noqa: F401 - the same nlp+places helpers


def _named(doc, name):
    return [m for m in doc.mentions if m.kind == "place" and m.text == name]


# ------------------------------------------------------------ a landmark named like a town abroad
@pytest.mark.model
@pytest.mark.parametrize("text, name, trigger, cc", [
    ("NABATIEH, Lebanon - An Israeli drone strike hit a house in Arnoun, a village below Beaufort castle in "
     "Nabatieh district, on Tuesday, killing two men, the state news agency said.", "Beaufort", "strike", "LB"),
    ("Lebanese army units deployed around Beaufort castle near Arnoun after an Israeli drone strike killed a man "
     "there on Monday, officials said.", "Beaufort", "strike", "LB"),
    ("MOGADISHU - A suicide bomber blew himself up at a busy junction in the Somali capital on Sunday, killing at "
     "least nine people. Medical sources at Madina and Erdogan hospitals said dozens of wounded were admitted.",
     "Madina", "blew", "SO"),
    ("ADEN - Gunmen killed a soldier at a checkpoint near Sheffield market in Aden's Crater district on Sunday, "
     "security sources said.", "Sheffield", "killed", "YE"),
    ("Gunmen stormed the Victoria hotel in Goma late on Saturday, killing a guard, local officials in North Kivu "
     "said.", "Victoria", "stormed", "CD"),
])
def test_a_landmark_named_like_a_town_abroad_stays_in_the_article(settings, text, name, trigger, cc):
    doc, loc = _locate(text, trigger, settings)
    named = _named(doc, name)
    assert named and all(m.value.country_code in ("", cc) for m in named), [(m.value, m.why) for m in named]
    assert loc is not None and loc.place.country_code == cc, loc and loc.why


@pytest.mark.model
@pytest.mark.parametrize("text, name, cc", [
    # the town itself, named with its state
    ("Police in Beaufort, South Carolina, arrested two men on Friday after a shooting outside a bar wounded three "
     "people, the sheriff's office said.", "Beaufort", "US"),
    # a building named after a town of the article's country
    ("WASHINGTON - A bomb exploded outside a Beaufort school on Friday, injuring two students, the sheriff's "
     "office said.", "Beaufort", "US"),
    # a big town abroad before a building word is where the building is
    ("WASHINGTON - Gunmen stormed a Kandahar hotel on Friday, killing four guests, the State Department said.",
     "Kandahar", "AF"),
    # the holy city itself
    ("Saudi security forces clashed with gunmen near the Prophet's Mosque in Medina on Friday, killing two "
     "attackers, state media said.", "Medina", "SA"),
])
def test_control_a_building_of_the_town_it_is_named_after(settings, text, name, cc):
    doc = _doc(text, settings)
    named = _named(doc, name)
    assert named and all(m.value.country_code == cc for m in named), [(m.value, m.why) for m in named]


# ------------------------------------------------------------ a town named like a country
@pytest.mark.model
@pytest.mark.parametrize("text, trigger", [
    ("Costa Rica has become one of the most violent sindicaturas of the municipality of Culiacan. On Monday armed "
     "men killed four people at a car wash there, the Sinaloa prosecutor's office said.", "killed"),
    ("CULIACAN, Mexico - Gunmen ambushed a patrol on the road from Costa Rica to El Dorado on Saturday night, "
     "killing three state police officers, Sinaloa officials said.", "ambushed"),
    ("Gunmen opened fire in the town of Costa Rica, south of Culiacan, on Tuesday, killing two brothers, Sinaloa "
     "prosecutors said.", "opened fire"),
    ("Gunmen killed four men in Costa Rica and Eldorado on Sunday, the Sinaloa prosecutor's office said.", "killed"),
])
def test_a_town_named_like_a_country_is_the_articles_town(settings, text, trigger):
    doc, loc = _locate(text, trigger, settings)
    named = _named(doc, "Costa Rica")
    assert named and all(m.value.country_code == "MX" for m in named), [(m.value, m.why) for m in named]
    assert loc is not None and loc.place.country_code == "MX", loc and loc.why


@pytest.mark.model
def test_an_unlisted_town_named_like_a_country_is_not_the_country(settings):
    text = ("MONTERREY, Mexico - Armed men shot dead two people at a bar in Cuba, a town of Guanajuato state, on "
            "Sunday, local police said.")
    doc, loc = _locate(text, "shot", settings)
    assert all(m.value.country_code != "CU" for m in _named(doc, "Cuba")), [m.why for m in _named(doc, "Cuba")]
    assert loc is not None and loc.place.country_code == "MX" and loc.place.admin1 == "Guanajuato", loc and loc.why


@pytest.mark.model
@pytest.mark.parametrize("text, name, cc", [
    # control: the country as a state, in a Sinaloa story
    ("CULIACAN, Mexico - Gunmen killed two police officers in Culiacan on Monday, hours after Sheinbaum met Costa "
     "Rica's president to discuss security, officials said.", "Costa Rica", "CR"),
    # control: a trip from the country to a far town of the article's country
    ("CULIACAN, Mexico - Police detained 40 migrants travelling from Costa Rica to Mexico City in a truck near "
     "Culiacan on Monday, officials said.", "Costa Rica", "CR"),
    # control: the country where the story is
    ("Thousands of people marched in San Jose on Sunday to protest against Costa Rica's president and his "
     "security plan, police said.", "Costa Rica", "CR"),
    ("Police fired tear gas at protesters in Lima on Monday as demonstrations spread across Peru against the new "
     "government.", "Peru", "PE"),
])
def test_control_a_country_named_as_a_country(settings, text, name, cc):
    doc = _doc(text, settings)
    named = _named(doc, name)
    assert named and all(m.value.country_code == cc for m in named), [(m.value, m.why) for m in named]


# ------------------------------------------------------------ where someone went is not where it happened
@pytest.mark.model
def test_a_flight_destination_is_not_where_the_arrest_was(settings):
    text = ("Security officers stopped an opposition MP at Entebbe airport on Tuesday as he was about to fly to "
            "Nairobi for medical treatment.")
    doc, loc = _locate(text, "stopped", settings)
    assert loc is not None and loc.place.name == "Entebbe" and loc.place.country_code == "UG", loc and loc.why


@pytest.mark.model
def test_a_border_cattle_were_taken_to_is_not_the_articles_country(settings):
    text = ("KOLOFATA - Boko Haram fighters attacked a village near Kolofata overnight, killing two herders, and "
            "about thirty head of cattle were taken towards the Nigerian border, local officials said.")
    doc, loc = _locate(text, "attacked", settings)
    assert loc is None or loc.place.country_code != "NG", loc.why
    assert doc.meta["place_focus"] != "NG"


@pytest.mark.model
def test_refugees_fleeing_to_a_country_do_not_move_the_attack(settings):
    text = ("Hundreds of refugees fled to Chad after fighters attacked El Geneina on Sunday, killing 20 people, aid "
            "workers said.")
    doc, loc = _locate(text, "attacked", settings)
    assert loc is not None and loc.place.country_code == "SD", loc and loc.why


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, name", [
    # control: the place arrived at is where the arrest was
    ("Police arrested a man at Guwahati airport on Wednesday after he arrived on a flight from Imphal, officials "
     "said.", "arrested", "Guwahati"),
    ("Police arrested a suspected militant leader at Imphal airport on Wednesday as he was about to board a flight "
     "to Guwahati, Manipur police said.", "arrested", "Imphal"),
    # control: "into" a town after a verb of force is where the fighting was
    ("Rebel fighters pushed into Goma on Monday after heavy clashes with the army, residents said.", "clashes",
     "Goma"),
])
def test_control_places_of_arrivals_and_departures(settings, text, trigger, name):
    doc, loc = _locate(text, trigger, settings)
    assert loc is not None and loc.place.name == name, loc and loc.why


# ------------------------------------------------------------ a neighbourhood of the dateline's city
@pytest.mark.model
@pytest.mark.parametrize("text, trigger, city, cc", [
    ("DHAKA - Thousands of garment workers marched from Mirpur to the National Press Club on Sunday demanding "
     "unpaid wages, police said.", "marched", "Dhaka", "BD"),
    ("DHAKA - Police fired tear gas at protesters in the Jatrabari area on Monday, injuring a dozen people, "
     "witnesses said.", "fired", "Dhaka", "BD"),
    ("KARACHI - Gunmen shot dead a police constable in the Orangi Town area on Tuesday, police said.", "shot",
     "Karachi", "PK"),
])
def test_a_neighbourhood_of_the_datelines_city_is_the_city(settings, text, trigger, city, cc):
    doc, loc = _locate(text, trigger, settings)
    assert loc is not None and loc.place.name == city and loc.place.country_code == cc, loc and loc.why
    assert loc.geo_precision in (1, 2)
    assert doc.meta["place_focus"] == cc


@pytest.mark.model
def test_control_the_sentence_place_beats_the_dateline(settings):
    _doc_, loc = _locate("KARACHI - Police fired tear gas at protesters in Lahore on Monday, injuring ten people, "
                         "officials said.", "fired", settings)
    assert loc is not None and loc.place.name == "Lahore", loc and loc.why


@pytest.mark.model
def test_an_unlisted_town_named_like_a_country_falls_to_its_division_not_the_dateline(settings):
    text = ("ISLAMABAD - Unknown gunmen killed a shopkeeper in the town of Panama in Sindh province on Friday, "
            "police said.")
    doc, loc = _locate(text, "killed", settings)
    assert loc is not None and loc.place.country_code == "PK" and loc.place.admin1 == "Sindh", loc and loc.why


# ------------------------------------------------------------ a village missing from the gazetteer
@pytest.mark.model
@pytest.mark.parametrize("text, trigger", [
    ("An Israeli drone strike hit a car in Arnoun, a village in Nabatieh district, on Thursday, killing one man, "
     "Lebanon's state news agency said.", "strike"),
    ("Israeli shelling hit the village of Yohmor in south Lebanon on Sunday, wounding two people, residents "
     "said.", "shelling"),
])
def test_control_an_unlisted_village_stays_in_its_country(settings, text, trigger):
    _d, loc = _locate(text, trigger, settings)
    assert loc is not None and loc.place.country_code == "LB" and loc.geo_precision == 3, loc and loc.why


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Police fired rubber bullets at protesters in Dhaka's Mirpur area on Monday, injuring 15 people, witnesses said.",
    "Police fired rubber bullets at protesters in the Mirpur area of Dhaka on Monday, injuring 15 people, witnesses "
    "said.",
])
def test_a_part_of_a_city_named_like_a_district_abroad_is_the_city(settings, text):
    _d, loc = _locate(text, "fired", settings)
    assert loc is not None and loc.place.name == "Dhaka" and loc.geo_precision == 1, loc and loc.why


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, name", [
    # control: a listed part of the city, near it, stays itself
    ("Police clashed with protesters in Kyiv's Obolon district on Sunday, injuring four people.", "clashed", "Obolon"),
    # control: "the X area" of a town that is also a province keeps its reading
    ("Police said gunmen killed two people in the Kandahar area on Friday.", "killed", "Kandahar"),
])
def test_control_a_listed_part_of_a_city(settings, text, trigger, name):
    _d, loc = _locate(text, trigger, settings)
    assert loc is not None and loc.place.name == name, loc and loc.why
