"""Recall of toponyms news writes in ways a plain gazetteer scan misses, and the reference points
and senses they resolve to: datelines ("PLEASANTON, Calif."), "Town, State", "D.C.", named sites
("Khillani Square", "the Tiyas airbase"), "the Baghdad neighbourhood of X", "al-Bab", demonyms of
the UK's nations, and the traps next to them. Texts written for these tests.
"""

from __future__ import annotations

import pytest

from eventwire.models import Document
from eventwire.places import geoparse_text, locate_event


def _doc(text: str, settings) -> Document:
    from eventwire.pipeline import Pipeline

    doc = Document(id="recall", text=text, clean=text)
    for _name, fn in Pipeline(settings, stages=("nlp", "places"))._fns:
        doc = fn(doc, settings)
    return doc


def _places(doc: Document) -> dict[str, object]:
    return {m.text: m for m in doc.mentions if m.kind == "place"}


def _locate(doc: Document, trigger: str, settings):
    i = doc.clean.index(trigger)
    return locate_event(doc, doc.sentence_of(i).index, i, i + len(trigger), settings)


@pytest.mark.parametrize("mode", ["settings", "blank_settings"])
def test_dateline_town_and_state(mode, request):
    settings = request.getfixturevalue(mode)
    recs = {r["text"]: r for r in geoparse_text(
        "PLEASANTON, Calif. -- A cold-chain company said on Tuesday it had opened a new depot.", settings)}
    # the Californian town of 80k, not the Texan one: the dateline says which
    assert (recs["PLEASANTON"]["country_code"], recs["PLEASANTON"]["admin1"]) == ("US", "California")
    assert recs["Calif."]["admin1"] == "California"


def test_dateline_town_missing_from_the_gazetteer_is_placed_in_its_state(settings):
    doc = _doc("CAMP MURRAY, Wash. - A colonel who trained guardsmen for years retired on Friday.", settings)
    places = _places(doc)
    camp = places["CAMP MURRAY"]
    assert camp.meta.get("unlisted") and camp.value.admin1 == "Washington"
    assert 45 < camp.value.latitude < 49.5 and -125 < camp.value.longitude < -116  # the state, not the capital
    assert places["Wash."].value.admin1 == "Washington"


def test_capitals_and_commas_without_a_state_are_not_datelines(settings):
    recs = geoparse_text("SMITH, Jones and Partners said profits rose.\nBROWN, the lawyer, declined to comment.",
                         settings)
    assert not recs


def test_small_town_followed_by_its_state(settings):
    recs = {r["text"]: r for r in geoparse_text(
        "The suspects were arrested at a home in Lemay, Missouri, on Sunday. "
        "Others were held near Pleasanton, Texas.", settings)}
    assert recs["Lemay"]["admin1"] == "Missouri"
    assert recs["Pleasanton"]["admin1"] == "Texas"  # the state named after it, not the bigger Californian town


def test_dotted_abbreviation_alone(settings):
    recs = {r["text"]: r for r in geoparse_text("In D.C., we've had a large problem with graffiti.", settings)}
    assert recs["D.C."]["admin1"] == "District of Columbia"


@pytest.mark.model
def test_named_sites_are_unlisted_places_located_by_their_town(settings):
    doc = _doc("A car bomb exploded in Khillani Square in central Baghdad on Monday, killing two people.", settings)
    loc = _locate(doc, "exploded", settings)
    assert loc.mention is not None and loc.mention.text == "Khillani Square", loc.why
    assert loc.place.country_code == "IQ" and abs(loc.place.latitude - 33.34) < 0.3
    doc = _doc("Militants shelled the Tiyas airbase with rockets on Tuesday.", settings)
    assert "Tiyas airbase" in _places(doc)
    # a company named after a noun of a site is not one
    doc = _doc("She worked for Acme Market Research in Leeds before joining the firm.", settings)
    assert not any("Acme" in t for t in _places(doc))


@pytest.mark.model
def test_unlisted_site_without_a_town_beside_it_takes_the_articles_town(settings):
    doc = _doc("Police in Winnipeg said two fires broke out overnight.\n"
               "Officials said smoke was visible from the 200 block of River Avenue when crews arrived.", settings)
    avenue = _places(doc)["River Avenue"]
    assert avenue.value.country_code == "CA" and abs(avenue.value.latitude - 49.9) < 0.3
    assert "Winnipeg" in avenue.why


@pytest.mark.model
@pytest.mark.parametrize("text,trigger,mention", [
    ("In the south Baghdad neighbourhood of Al-Bayaa, a roadside bomb killed one civilian.", "killed", "Al-Bayaa"),
    ("The editor was shot dead in the eastern Algiers suburb of Oued Kniss on Monday.", "shot", "Oued Kniss"),
])
def test_neighbourhood_of_a_city_is_where_but_coded_to_the_city(settings, text, trigger, mention):
    doc = _doc(text, settings)
    loc = _locate(doc, trigger, settings)
    assert loc.mention is not None and loc.mention.text == mention, loc.why
    city = "Baghdad" if "Baghdad" in text else "Algiers"
    assert loc.place.latitude == _places(doc)[city].value.latitude and loc.geo_precision == 1


@pytest.mark.model
@pytest.mark.parametrize("text,trigger,name,cc", [
    ("Gunmen killed five people in al-Bab on Sunday.", "killed", "Al Bab", "SY"),
    ("Seven people were shot dead on Monday night in central Karachi.", "shot", "Karachi", "PK"),
])
def test_names_small_models_mislabel_or_write_in_lower_case(settings, text, trigger, name, cc):
    loc = _locate(_doc(text, settings), trigger, settings)
    assert loc.mention is not None and (loc.place.name, loc.place.country_code) == (name, cc), loc.why


def test_demonyms_of_nations_and_korea(settings):
    doc = _doc("English and Scottish fans travelled with Korean supporters. "
               "North Korean state media were silent, as in the days of the Soviet Union.", settings)
    places = _places(doc)
    assert places["English"].value.name == "England" and places["English"].value.country_code == "GB"
    assert places["Scottish"].value.name == "Scotland"
    assert places["Korean"].value.country_code == "KR"
    assert places["North Korean"].value.country_code == "KP"
    assert places["Soviet Union"].value.country_code == "RU"


def test_a_direction_alone_is_not_a_region(settings):
    doc = _doc("Relations between Russia and the West have rarely been worse, officials said.", settings)
    places = _places(doc)
    assert "Russia" in places and "West" not in places  # not Cameroon's West region


def test_a_country_name_does_not_vouch_for_itself(settings):
    doc = _doc("Storms flooded streets in Atlanta and Savannah on Monday. Officials in Georgia said more rain "
               "was expected across the state.", settings)
    assert _places(doc)["Georgia"].value.country_code == "US"


@pytest.mark.parametrize("mode", ["settings", "blank_settings"])
def test_saint_and_dateline_capitals(mode, request):
    settings = request.getfixturevalue(mode)
    recs = geoparse_text("SOUTH WAZIRISTAN, April 5 (APP): The army chief visited a new market.\n"
                         "The team later flew from St. Louis to St. Petersburg for a friendly.", settings)
    found = {r["text"]: r for r in recs}
    assert found["SOUTH WAZIRISTAN"]["country_code"] == "PK"
    assert (found["St. Louis"]["country_code"], found["St. Louis"]["admin1"]) == ("US", "Missouri")
    # "St." is Saint Petersburg's own name abbreviated, not an alternate that the Florida city bears as its name
    assert found["St. Petersburg"]["country_code"] == "RU"
    # a line in capitals that names no place is not a dateline
    assert not geoparse_text("NOTE: THE SHOW WILL GO ON\nATTENTION, please.", settings)


@pytest.mark.model
@pytest.mark.parametrize("text,trigger,mention,cc", [
    ("Militants threw a petrol bomb at a truck in Chitaun district, killing five.", "killing", "Chitaun", ""),
    ("A roadside bomb detonated near a patrol on a bridge west of the Duluiyah town last night.", "detonated",
     "Duluiyah", ""),
    ("A general was captured in a raid in Qaim on Sunday.", "captured", "Qaim", "IQ"),
    ("A wildfire destroyed a dozen homes in the hills above Malibu, forcing residents to flee.", "destroyed",
     "Malibu", "US"),
    ("Two roadside bombs detonated near a bus station on the al-Qanat Street in Baghdad, killing six.", "detonated",
     "al-Qanat Street", "IQ"),
])
def test_event_places_small_models_miss(settings, text, trigger, mention, cc):
    doc = _doc(text, settings)
    loc = _locate(doc, trigger, settings)
    assert loc.mention is not None and loc.mention.text == mention, loc.why
    if cc:
        assert loc.place.country_code == cc


@pytest.mark.model
def test_the_mention_of_the_chosen_place_nearest_the_trigger(settings):
    text = ("FALLUJAH, Iraq -- A two-year-old child was killed when shelling hit a house in the Iraqi city of "
            "Fallujah, a relative said.")
    doc = _doc(text, settings)
    loc = _locate(doc, "killed", settings)
    assert loc.mention is not None and loc.mention.text == "Fallujah" and loc.mention.start > 20, loc.why


@pytest.mark.model
def test_two_word_demonym_does_not_move_the_town_abroad(settings):
    doc = _doc("In August 1998 the group bombed the Northern Irish town of Omagh, killing 29 people.", settings)
    loc = _locate(doc, "bombed", settings)
    assert loc.mention is not None and loc.mention.text == "Omagh", loc.why
    assert (loc.place.country_code, loc.geo_precision) == ("GB", 1)  # not "unlisted outside Ireland"
    assert _places(doc)["Northern Irish"].value.name == "Northern Ireland"


def test_us_coast_is_not_western_australia(settings):
    doc = _doc("After stops in Washington and Boston, the crown prince spent this week on the West Coast.", settings)
    coast = _places(doc)["West Coast"].value
    assert coast.country_code == "US" and -125 < coast.longitude < -115


@pytest.mark.model
def test_township_of_a_city(settings):
    doc = _doc("One activist was shot dead on Sunday in the Harare township of Highfield.", settings)
    loc = _locate(doc, "shot", settings)
    assert loc.mention is not None and loc.mention.text == "Highfield", loc.why
    assert loc.place.country_code == "ZW"
