"""Places on conflict news, round 6: a neighbourhood or district named once whose only gazetteer
namesake lies in another country, while every other place of the story is in one country; a dateline
written with a day-first date or a year ("Bamako, 12 March 2025 (AMAP) -") is where the report was
filed, not where the event happened. Every text here is written for this test."""
from __future__ import annotations

import pytest

from eventwire.models import Document
from test_places_events_where import _doc, _locate  # noqa: F401 - the same nlp+places helpers


def _events(text: str, settings):
    from eventwire.pipeline import Pipeline

    return Pipeline(settings)(Document(id="conflict6", text=text)).events


# ------------------------------------------------------------ a namesake abroad, named once
@pytest.mark.model
@pytest.mark.parametrize("text,trigger,cc", [
    # Parklands: a Nairobi neighbourhood; the gazetteer knows only a Parklands in New Zealand
    ("Matatu operators went on strike in Nairobi on Thursday against new licence fees. Police fired tear "
     "gas at drivers who blocked the road near Parklands, witnesses said.", "fired tear gas", "KE"),
    # Highfields: a Harare township; listed only in Australia
    ("Vendors fought running battles with municipal police in Harare on Monday after their stalls were "
     "seized. Officers beat several traders with batons in Highfields before arresting eleven of them.",
     "beat several traders", "ZW"),
])
def test_a_small_namesake_abroad_named_once_is_not_the_event_place(settings, text, trigger, cc):
    doc, loc = _locate(text, trigger, settings)
    assert loc is not None and loc.place.country_code == cc, loc and loc.why


@pytest.mark.model
def test_a_namesake_abroad_still_doubted_on_a_district_of_the_capital(settings):
    # "Central Business District" is listed only as a locality in Canada; in a Lusaka story it is a district
    # of Lusaka
    text = ("Street vendors protesting against their eviction overturned stalls in Lusaka on Wednesday. Riot "
            "police fired tear gas to disperse them in the Central Business District, the police spokesperson "
            "said.")
    doc, loc = _locate(text, "fired tear gas", settings)
    assert loc is not None and loc.place.country_code == "ZM", loc and loc.why


@pytest.mark.model
def test_an_adjective_alone_does_not_move_a_town_abroad(settings):
    # "Russian" names no place of Russia: Orikhiv, named once, stays Ukraine's town
    doc, loc = _locate("Russian artillery shelled Orikhiv overnight, wounding a woman and damaging a "
                       "school, the regional governor said.", "shelled", settings)
    assert loc is not None and loc.place.country_code == "UA" and loc.geo_precision == 1, loc and loc.why


@pytest.mark.model
def test_a_town_named_again_may_still_be_what_the_story_is_about(settings):
    # Parklands in New Zealand, named twice with a city of New Zealand: not doubted
    doc, loc = _locate("A fire gutted a warehouse in Parklands, Christchurch, on Friday. Parklands residents "
                       "were told to keep windows shut.", "gutted", settings)
    assert loc is not None and loc.place.country_code == "NZ", loc and loc.why


# ------------------------------------------------------------ datelines written with a day-first date
@pytest.mark.model
@pytest.mark.parametrize("text,trigger,dateline,place", [
    ("Bamako, 12 March 2025 (AMAP) - Armed men attacked a gendarmerie post in Niono on Tuesday night, "
     "killing two gendarmes, the army said.", "attacked", "Bamako", "Niono"),
    ("Islamabad, October 14, 2025: Security forces killed six militants during an intelligence-based "
     "operation in Tank district, the military's media wing said.", "killed six", "Islamabad", "Tank"),
    ("Niamey, Monday 3 February 2025 - Soldiers repelled an assault on their base near Ouallam, "
     "the defence ministry said in a statement.", "repelled", "Niamey", "Ouallam"),
    ("Peshawar - Gunmen on motorcycles shot dead two polio vaccinators in Lakki Marwat on Thursday, "
     "police said.", "shot dead", "Peshawar", "Lakki Marwat"),
])
def test_a_dated_dateline_is_not_the_event_place(settings, text, trigger, dateline, place):
    doc, loc = _locate(text, trigger, settings)
    dl = next(m for m in doc.mentions if m.kind == "place" and m.text == dateline)
    assert "dateline" in dl.meta["cues"]
    assert loc is not None and loc.mention is not None and loc.mention.text == place, loc and loc.why


@pytest.mark.model
def test_a_dated_dateline_alone_still_places_the_event(settings):
    # no other place named: the dateline's town stands (it is the only place the report gives)
    doc, loc = _locate("Maiduguri, 9 June 2025 (NAN) - Gunmen abducted fourteen farmers on Sunday, "
                       "residents said.", "abducted", settings)
    assert loc is not None and loc.place.country_code == "NG", loc and loc.why


def test_a_place_then_a_date_inside_a_sentence_is_no_dateline(settings):
    from eventwire.places import _dated_dateline

    text = "Protesters marched on Goma, 12 March 2025 - a date no one there forgets."
    s = text.index("Goma")
    assert not _dated_dateline(text, s, s + 4)
    text = "Goma, the provincial capital - besieged for weeks - fell on Sunday."
    assert not _dated_dateline(text, 0, 4)
    text = "Goma - a city of two million - fell on Sunday."
    assert not _dated_dateline(text, 0, 4)
    text = "Lines\nGoma, 27 January (Radio Okapi) - Rebels entered the city."
    s = text.index("Goma")
    assert _dated_dateline(text, s, s + 4)


# ------------------------------------------------------------ end to end: the event's record
@pytest.mark.model
def test_event_record_takes_the_country_of_the_story_not_the_namesake(settings):
    text = ("Hundreds of textile workers blocked a highway in Harare on Tuesday to demand unpaid wages. "
            "Police fired tear gas and arrested 20 workers near Highfields, the union said.")
    evs = _events(text, settings)
    assert evs and all(e.country == "Zimbabwe" for e in evs), [(e.location, e.country) for e in evs]


# ------------------------------------------------------------ first-level divisions under their usual names
@pytest.mark.model
@pytest.mark.parametrize("text,trigger,admin1", [
    ("Fano militiamen clashed with federal troops on the outskirts of Bahir Dar on Wednesday, residents said.",
     "clashed", "Amhara"),
    ("Al Shabaab fighters stormed a police station in Jowhar before dawn, killing two officers.",
     "stormed", "Middle Shabelle"),
    ("Gunmen set fire to three avocado packing plants in Uruapan after the owners refused to pay extortion.",
     "set fire", "Michoacan"),
])
def test_event_admin1_takes_the_conventional_english_name(settings, text, trigger, admin1):
    doc, loc = _locate(text, trigger, settings)
    assert loc is not None and loc.place.admin1 == admin1, loc and (loc.place, loc.why)


@pytest.mark.model
def test_a_division_named_as_the_place_is_renamed_too(settings):
    doc, loc = _locate("Protesters blocked roads across Ajaria on Saturday against the new customs rules.",
                       "blocked roads", settings)
    assert loc is not None and (loc.place.name, loc.place.admin1) == ("Adjara", "Adjara"), loc and loc.place


def test_admin1_names_table_is_well_formed():
    from eventwire.places import _admin1_names

    names = _admin1_names()
    assert names[("ET", "Amara")] == "Amhara"
    # no chains: a conventional name is never itself a gazetteer name to rename
    assert not {(cc, new) for (cc, _old), new in names.items()} & set(names)

