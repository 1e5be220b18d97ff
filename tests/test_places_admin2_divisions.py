"""Event places named by a second-level division, or by a division phrase that names its country. Every text
here is written for this test (fictional incidents in real places).

* a district no listed town is filed under ("the West Shewa zone", "Manyu division", "Abala department":
  Ethiopia's zones, Cameroon's divisions, Niger's departments) is that division, in its province and country,
  placed at the province's seat with precision 3 (or its listed town of the same name) -- not a town abroad with a similar name ("Shewa" in
  Afghanistan), nor no place at all; the same name written bare, without its division word, is read as before
  (a town of that name, or a place the gazetteer lacks);
* a division phrase naming its country ("Cameroon's Northwest region", "the Southwest region of Cameroon",
  "Nigeria's Niger state") is a division of that country, not a namesake abroad (a district of Dubai listed
  as "Southwest", the country Niger);
* a landmark the text puts in a far province of another country ("a hill below Beaufort castle in Nabatieh
  district") is not the town it is named like, even when the article names that town's country elsewhere
  ("the US envoy").
"""
from __future__ import annotations

import pytest

from test_places_events_where import _doc, _locate  # noqa: F401 - the same nlp+places helpers


def _named(doc, name):
    return [m for m in doc.mentions if m.kind == "place" and m.text == name]


# ------------------------------------------------------------ a district no listed town is filed under
@pytest.mark.model
@pytest.mark.parametrize("text, trigger, cc, admin1, precision", [
    ("Bandits killed five villagers on Sunday in the West Shewa zone, regional officials said, adding that two "
     "others were missing.", "killed", "ET", "Oromia", 3),
    ("Soldiers clashed with separatist fighters on Monday in Manyu division, leaving three rebels dead, the army "
     "said in a statement.", "clashed", "CM", "South-West", 3),
    ("NIAMEY - Gunmen on motorbikes attacked a market in the Abala department on Thursday, killing seven "
     "traders, local sources told reporters.", "attacked", "NE", "Tillaberi", None),  # its listed town of its name
])
def test_a_district_with_no_listed_town_is_that_division(settings, text, trigger, cc, admin1, precision):
    doc, loc = _locate(text, trigger, settings)
    assert loc is not None and loc.place.country_code == cc, loc and loc.why
    assert loc.place.admin1 == admin1, loc.why
    assert loc.place.latitude is not None and precision in (None, loc.geo_precision), loc.why


@pytest.mark.model
def test_a_zone_is_not_a_town_abroad_named_like_its_last_word(settings):
    # "Shewa" alone is a hamlet in Afghanistan: the zone is in Ethiopia
    doc, loc = _locate("ADDIS ABABA - Armed men stopped two buses in the South West Shewa zone on Friday and "
                       "kidnapped 18 passengers, relatives said.", "kidnapped", settings)
    assert loc is not None and loc.place.country_code == "ET", loc and loc.why


@pytest.mark.model
@pytest.mark.parametrize("text, name, cc", [
    # a town that shares its name with a department of Niger: the Ethiopian town, named bare
    ("SEMERA - Flash floods cut the road to Abala on Sunday, stranding dozens of trucks, Afar officials said.",
     "Abala", "ET"),
    # a district whose towns are listed keeps its reading
    ("Congolese troops and M23 rebels fought on Friday in Masisi territory, residents of Goma said.", "Masisi", "CD"),
])
def test_controls_town_named_like_a_district_and_a_listed_district(settings, text, name, cc):
    doc = _doc(text, settings)
    named = _named(doc, name)
    assert named and all(m.value.country_code == cc for m in named), [(m.value, m.why) for m in named]


@pytest.mark.model
def test_a_bare_name_of_a_district_with_no_town_is_not_read_as_the_division(settings):
    # "Banibangou" written alone: not Niger's department placed at a borrowed point
    doc = _doc("Soldiers killed four militants near Banibangou on Friday, the defence ministry said.", settings)
    named = _named(doc, "Banibangou")
    assert named and all(m.value.feature_code != "ADM2" for m in named), [(m.value, m.why) for m in named]


# ------------------------------------------------------------ the country named in the division's phrase
@pytest.mark.model
@pytest.mark.parametrize("text, trigger, cc, admin1", [
    ("Separatist fighters torched a police station on Wednesday in Cameroon's Northwest region, residents "
     "said.", "torched", "CM", "North-West"),
    ("Gunmen killed three traders on Thursday in the Southwest region of Cameroon, police sources said.",
     "killed", "CM", "South-West"),
    ("Gunmen killed six farmers on Sunday in Nigeria's Niger state, a police spokesman said.", "killed", "NG",
     "Niger"),
])
def test_a_division_phrase_names_its_country(settings, text, trigger, cc, admin1):
    doc, loc = _locate(text, trigger, settings)
    assert loc is not None and loc.place.country_code == cc and loc.place.admin1 == admin1, loc and loc.why


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, cc, admin1", [
    # controls: the country itself, and a province of the country before it
    ("Jihadists attacked an army post on Monday in Niger's Tillaberi region, killing nine soldiers.", "attacked",
     "NE", "Tillaberi"),
    ("Protesters blocked the main road on Friday in Peru's La Libertad region, police said.", "blocked", "PE",
     "La Libertad"),
    # a country whose name ends with another's: South Sudan, not Sudan
    ("Cattle raiders killed seven herders on Tuesday near Pibor, in South Sudan's Jonglei state, a local "
     "commissioner said.", "killed", "SS", "Jonglei"),
])
def test_controls_division_phrase(settings, text, trigger, cc, admin1):
    doc, loc = _locate(text, trigger, settings)
    assert loc is not None and loc.place.country_code == cc and loc.place.admin1 == admin1, loc and loc.why


# ------------------------------------------------------------ a landmark the text puts in a far province
@pytest.mark.model
def test_a_landmark_put_in_a_far_province_is_not_the_town_abroad(settings):
    text = ("An Israeli drone struck a digger on Monday in Kfar Tebnit, a village below Beaufort castle in "
            "Nabatieh district, wounding its driver. Later the US envoy met officials in Beirut.")
    doc, loc = _locate(text, "struck", settings)
    assert all(m.value.country_code != "US" for m in _named(doc, "Beaufort")), \
        [(m.value, m.why) for m in _named(doc, "Beaufort")]
    assert loc is not None and loc.place.country_code == "LB", loc and loc.why


@pytest.mark.model
def test_a_district_with_no_listed_town_is_placed_at_the_articles_town_in_its_province(settings):
    # Bui has no listed town; the story's town in the same province stands for it rather than the provincial seat
    doc, loc = _locate("Residents of Kumbo said on Tuesday that gunmen had abducted a headteacher and four pupils "
                       "in Bui division the day before.", "abducted", settings)
    assert loc is not None and loc.place.name == "Kumbo" and loc.geo_precision == 2, loc and loc.why


@pytest.mark.model
def test_a_listed_town_of_the_name_wins_over_districts_with_no_town(settings):
    # Dosso's department of Loga is named after its listed town; a district abroad with no listed town that
    # bears the name is not it, nor is Loga's own district placed at a borrowed point
    doc = _doc("Gunmen killed three herders this week in the department of Loga, local officials said.", settings)
    named = _named(doc, "Loga")
    assert named and all(m.value.feature_class == "P" for m in named), [(m.value, m.why) for m in named]
