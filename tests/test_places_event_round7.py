"""Places of events, round 7: classes of place error found on the gold set, two blind sets and half of the
event-location dev set. Every text here is written for this test (fictional incidents in real places).

* a town named only after "the central market of" / "the streets of", tagged PERSON by the small model;
* a town GeoNames lists without a population, named with the very division it lies in ("in X in Y state");
* a village the gazetteer lacks, placed at its province, while the article names one district inside it;
* places in the subject ("residents of villages in X district demonstrated in Y");
* an entity that runs on past the name ("Zemio early on" of "the town of Zemio early on Thursday");
* "the town's market": the town the article introduced so, not a town named in between;
* "X, a village 20 km north of Y", "X village located 15 km south of the city of Y": Y is a reference point;
  an unlisted X is coded at Y with geo_precision 2 (ACLED: "near" a named place);
* "at X in Y district": X (unlisted) is inside Y, coded at the district (precision 2).
"""
from __future__ import annotations

import pytest

from eventwire.models import Document
from test_places_events_where import _doc, _locate  # noqa: F401 - the same nlp+places helpers


def _events(text: str, settings):
    from eventwire.pipeline import Pipeline

    return Pipeline(settings)(Document(id="round7", text=text)).events


def _named(doc, name):
    return [m for m in doc.mentions if m.kind == "place" and m.text == name]


# ------------------------------------------------------------ "the central market of X"
@pytest.mark.model
def test_a_town_after_a_market_of_is_a_place(settings):
    text = ("Gunmen on motorcycles looted shops and torched stalls in the central market of Wad Madani on "
            "Friday, traders said.")
    doc, loc = _locate(text, "looted", settings)
    assert loc is not None and loc.geo_precision == 1 and loc.place.country_code == "SD", loc and loc.why
    assert loc.place.admin1 in ("Gezira", "Al Jazirah"), loc.why


@pytest.mark.model
def test_a_person_after_of_stays_a_person(settings):
    # control: "the office of Ahmed Musa" is no place
    doc = _doc("Protesters gathered outside the office of Ahmed Musa in Kano on Monday.", settings)
    assert not _named(doc, "Ahmed Musa")


# ------------------------------------------------------------ population 0, with its division
@pytest.mark.model
def test_a_town_without_population_named_in_its_state(settings):
    text = ("Bandits killed six vigilantes in Aliero in Kebbi state on Sunday night and stole dozens of cattle, "
            "a police spokesman said.")
    doc, loc = _locate(text, "killed", settings)
    assert loc is not None and loc.place.name == "Aliero" and loc.geo_precision == 1, loc and loc.why


@pytest.mark.model
def test_a_population_zero_name_in_another_state_is_not_taken(settings):
    # control: the division named after it does not hold it -- no agreement, no town
    doc = _doc("Bandits killed six vigilantes in Aliero in Lagos state on Sunday, police said.", settings)
    assert not any(m.value.name == "Aliero" and m.value.latitude is not None and not m.meta.get("unlisted")
                   for m in _named(doc, "Aliero"))


# ------------------------------------------------------------ the province first, its district later
@pytest.mark.model
def test_unlisted_village_in_a_province_takes_the_district_named_later(settings):
    text = ("Mai-Mai fighters attacked the village of Kibirizi-Nord in North Kivu province on Wednesday, "
            "burning dozens of homes, local sources said.\n"
            "A civil society leader in Rutshuru territory said at least nine civilians were killed.")
    doc, loc = _locate(text, "attacked", settings)
    assert loc is not None and loc.geo_precision == 2, loc and loc.why
    # at Rutshuru's coordinates, under the village's own name (issue 4)
    assert loc.place.name == "Kibirizi-Nord" and "Rutshuru" in loc.place.source, loc.why
    assert loc.place.admin1 in ("Nord-Kivu", "North Kivu"), loc.why


@pytest.mark.model
def test_two_districts_named_leave_the_province(settings):
    # control: two districts of the province named; neither may be the village's
    text = ("Mai-Mai fighters attacked the village of Kibirizi-Nord in North Kivu province on Wednesday, "
            "burning dozens of homes, local sources said.\n"
            "Aid groups in Rutshuru territory and in Masisi territory said thousands had fled.")
    doc, loc = _locate(text, "attacked", settings)
    assert loc is not None and loc.geo_precision == 3, loc and loc.why


# ------------------------------------------------------------ who acted vs where
@pytest.mark.model
def test_the_subjects_home_villages_are_not_where_they_protested(settings):
    text = ("Residents of villages in Jalalabad district demonstrated on Tuesday in front of the regional "
            "administration building in Osh city, demanding compensation for land taken for a new road.")
    doc, loc = _locate(text, "demonstrated", settings)
    assert loc is not None and loc.place.name == "Osh" and loc.place.country_code == "KG", loc and loc.why


@pytest.mark.model
def test_fighters_in_a_region_stay_there(settings):
    # control: "Rebels in X seized ..." -- the subject's place is where they acted ("in", not "of"/"from")
    text = "Rebel fighters in Ouham-Pende prefecture seized two trucks of aid on Saturday, the UN said."
    doc, loc = _locate(text, "seized", settings)
    assert loc is not None and loc.place.country_code == "CF", loc and loc.why


# ------------------------------------------------------------ an entity running past the name
@pytest.mark.model
def test_the_name_ends_on_its_last_capital(settings):
    # control for the trimming of an entity that runs past the name (seen as "Zemio early on"; the model tags
    # this one right): the town, not the dateline
    text = ("BAMAKO, Mali (AP) - Jihadist fighters attacked a military camp in the northern town of Kidal "
            "early on Sunday, sparking hours of fighting, the army said.")
    doc, loc = _locate(text, "attacked", settings)
    assert loc is not None and loc.place.name == "Kidal" and loc.geo_precision == 1, loc and loc.why


# ------------------------------------------------------------ "the town's market"
@pytest.mark.model
def test_the_town_is_the_one_introduced_as_a_town(settings):
    text = ("Government troops retook the town of Kaga-Bandoro in central Nana-Grebizi prefecture from "
            "rebels on Monday, the army said.\n"
            "The rebels fled north towards Kabo.\n"
            "Before leaving, the fighters looted the town's pharmacy and burned the mayor's house, residents "
            "said.")
    doc, loc = _locate(text, "looted", settings)
    assert loc is not None and loc.place.name == "Kaga-Bandoro", loc and loc.why


@pytest.mark.model
def test_without_a_town_introduced_the_nearest_place_stays(settings):
    # control: no "the town of X" before: the sentence before names where
    text = ("Rebels attacked Kabo on Monday.\n"
            "Fighters looted the town's pharmacy, residents said.")
    doc, loc = _locate(text, "looted", settings)
    assert loc is not None and loc.place.name == "Kabo", loc and loc.why


# ------------------------------------------------------------ described from a reference point
@pytest.mark.model
@pytest.mark.parametrize("text,trigger,anchor,unlisted", [
    ("Islamic State fighters stormed Tel Abyad al-Gharbi village located nearly 20 km to the south of the "
     "city of Raqqa on Thursday, killing four guards.", "stormed", "Raqqa", "Tel Abyad al-Gharbi"),
    ("A drone strike on Sunday hit Kufr Batikh, a farming village about 12 km east of Saraqib, killing "
     "a shepherd.", "drone strike", "Saraqib", "Kufr Batikh"),
])
def test_a_village_described_from_a_town_is_coded_near_the_town(settings, text, trigger, anchor, unlisted):
    doc, loc = _locate(text, trigger, settings)
    assert loc is not None and loc.mention is not None and loc.mention.text == unlisted, loc and loc.why
    assert loc.geo_precision == 2 and f"coordinates of {anchor!r}" in loc.why, loc.why


@pytest.mark.model
def test_a_listed_town_described_from_another_is_the_town(settings):
    # control: both listed; the first is the place, at precision 1, never the reference point
    text = ("Gunmen shot dead three traders in Gusau, about 200 km west of Kano, on Monday, police said.")
    doc, loc = _locate(text, "shot dead", settings)
    assert loc is not None and loc.place.name == "Gusau" and loc.geo_precision == 1, loc and loc.why


# ------------------------------------------------------------ "at X in Y district"
@pytest.mark.model
def test_an_unlisted_place_in_a_named_district(settings):
    text = ("Maoist rebels detonated a pressure-cooker bomb at Bhaluhi Chowk in Kailali district on "
            "Friday morning, injuring two policemen, officials said.")
    doc, loc = _locate(text, "detonated", settings)
    assert loc is not None and loc.mention is not None and "Bhaluhi" in loc.mention.text, loc and loc.why
    assert loc.place.name == "Bhaluhi Chowk" and "Kailali" in loc.place.source and loc.geo_precision == 2, loc.why
    # the mention's own coordinates are the district's, not a town named further on
    m = next(x for x in doc.mentions if x.kind == "place" and "Bhaluhi" in x.text)
    assert m.value.admin1 == loc.place.admin1


@pytest.mark.model
def test_an_unlisted_firm_in_a_city_is_not_made_a_place_without_a_division(settings):
    # control: "at X in Y" with Y a city, no division noun: nothing new
    doc = _doc("Workers went on strike at Dangote Cement in Lagos on Monday.", settings)
    assert not any(m.meta.get("unlisted") and "Dangote" in m.text and "feature" in m.meta.get("cues", ())
                   for m in doc.mentions if m.kind == "place")


# ------------------------------------------------------------ the whole pipeline
@pytest.mark.model
def test_pipeline_event_at_a_population_zero_town(settings):
    text = ("Rebels hand over camp in northern Mali\n"
            "The Malian army took over a camp in Tessalit in the northern Kidal region on Friday after "
            "separatist fighters withdrew without a fight, the army said.")
    evs = _events(text, settings)
    assert evs and any(e.location == "Tessalit" and e.geo_precision == 1 for e in evs), \
        [(e.location, e.geo_precision) for e in evs]


# ------------------------------------------------------------ the text says how far from a reference town
@pytest.mark.model
@pytest.mark.parametrize("text,admin1,precision", [
    # Kaiama: listed in Kwara (the bigger) and in Bayelsa, 15 km from Yenagoa
    ("Militants killed three soldiers on Saturday in Kaiama, a fishing town about 15 km north of Yenagoa, "
     "the army said.", "Bayelsa", 1),
    # Yelwa: listed in Plateau (populated) and in Kebbi, beside Yauri (the town itself, or near Yauri; a control:
    # the Plateau namesake was doubted before too)
    ("Bandits abducted eleven traders on Monday in Yelwa, a village about 20 km from Yauri, police said.",
     "Kebbi", None),
    # no Kaiama anywhere near Gusau: the reference town, near it (ACLED precision 2)
    ("Bandits killed five vigilantes on Sunday in Kaiama, a village about 10 km from Gusau, residents said.",
     "Zamfara", 2),
])
def test_a_namesake_far_from_the_stated_reference_is_not_the_place(settings, text, admin1, precision):
    trigger = next(w for w in ("killed", "abducted") if w in text)
    doc, loc = _locate(text, trigger, settings)
    assert loc is not None and loc.place.admin1 == admin1, loc and loc.why
    assert precision is None or loc.geo_precision == precision, loc.why


@pytest.mark.model
def test_a_town_that_agrees_with_its_reference_stays(settings):
    # control: Yelwa of Plateau is near Shendam, as the text says
    text = "Gunmen killed four farmers on Monday in Yelwa, a village about 20 km from Shendam, police said."
    doc, loc = _locate(text, "killed", settings)
    assert loc is not None and loc.place.admin1 == "Plateau" and loc.geo_precision == 1, loc and loc.why


# ------------------------------------------------------------ "the Sunni Arab village of X", "the villages of X and Y"
@pytest.mark.model
@pytest.mark.parametrize("text,trigger,village", [
    ("A car bomb exploded at a crowded livestock market in the Shiite Kurdish village of Bashir Qazan, "
     "20 km south of Kirkuk, on Friday, killing nine people, police said.", "exploded", "Bashir Qazan"),
    ("Settlers torched cars in the Palestinian Bedouin village of Wadi al-Seeq, east of Ramallah, on "
     "Saturday, residents said.", "torched", "Wadi al-Seeq"),
])
def test_words_before_village_of_describe_the_village(settings, text, trigger, village):
    doc, loc = _locate(text, trigger, settings)
    assert loc is not None and loc.mention is not None and loc.mention.text == village, loc and loc.why


@pytest.mark.model
def test_a_listed_qualifier_city_still_counts(settings):
    # control: "the West Bank city of Nablus" -- the listed city named next is the place
    doc, loc = _locate("Israeli troops raided the West Bank city of Nablus on Monday, the army said.",
                       "raided", settings)
    assert loc is not None and loc.place.name == "Nablus", loc and loc.why


@pytest.mark.model
def test_names_in_a_list_after_villages_of_are_places(settings):
    text = ("Government forces shelled the villages of Kafr Saghir and Tal Shghib east of Aleppo on Sunday, "
            "a war monitor said.")
    doc = _doc(text, settings)
    shghib = _named(doc, "Tal Shghib")
    assert shghib and shghib[0].meta.get("feature") == "village", [(m.text, m.meta) for m in doc.mentions]


@pytest.mark.model
def test_a_list_of_people_is_no_list_of_places(settings):
    # control: "the families of Ahmed Saleh and Omar Hadi" -- not villages
    doc = _doc("Gunmen kidnapped the sons of Ahmed Saleh and Omar Hadi in Aden on Sunday.", settings)
    assert not _named(doc, "Omar Hadi")
