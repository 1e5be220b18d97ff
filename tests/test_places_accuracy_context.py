"""Which of several same-name places a news text means, by the article's context: the other places
it names (and whether a repeated name may vouch for itself), the division or country around it, a
sports opponent's home town, landmarks named without their town, and UK counties the packaged
division data lacks. Every text here is written for this test."""
from __future__ import annotations

import pytest

from eventwire.places import geoparse_text


def _picks(text: str, name: str, settings) -> list[dict]:
    recs = [r for r in geoparse_text(text, settings) if r["text"] == name]
    assert recs, f"{name!r} not found in {[r['text'] for r in geoparse_text(text, settings)]}"
    return recs


def _where(recs: list[dict]) -> set[tuple[str, str]]:
    return {(r["country_code"], r["admin1"]) for r in recs}


# ---------------------------------------------------------------- same-name towns by context
PARIS_TX = (
    "Police in Paris said two men were charged after a shooting outside a bar on Clarksville Street. "
    "The Lamar County sheriff said deputies from Sulphur Springs and Texarkana helped search for the "
    "suspects, who were later arrested near Dallas. Paris has about 25,000 residents."
)
TRIPOLI_LB = (
    "Clashes broke out overnight in Tripoli between gunmen from rival neighbourhoods, a security source "
    "said. The Lebanese army deployed in the city's Bab al-Tabbaneh district, and two people were taken "
    "to hospital in Beirut. Tripoli has seen repeated fighting since the war in Syria began."
)
TRIPOLI_LY = (
    "Forces loyal to the government in Tripoli shelled positions south of the capital, while fighters "
    "from Misrata moved west along the coast road. Officials in Benghazi said flights were suspended."
)
PORTLAND_ME = (
    "Hundreds of people marched through Portland on Saturday to protest cuts to the state's health "
    "programme. Organisers said buses came from Bangor and Lewiston, and the governor in Augusta "
    "declined to meet them. Maine lawmakers return next week."
)
PORTLAND_OR = (
    "Police in Portland used tear gas to disperse protesters outside the federal courthouse overnight. "
    "Demonstrations also took place in Salem and Eugene, and the governor of Oregon called for calm."
)


@pytest.mark.parametrize("text,name,where", [
    (PARIS_TX, "Paris", ("US", "Texas")),
    (TRIPOLI_LB, "Tripoli", ("LB", "North")),
    (TRIPOLI_LY, "Tripoli", ("LY", "Tripoli")),
    (PORTLAND_ME, "Portland", ("US", "Maine")),
    (PORTLAND_OR, "Portland", ("US", "Oregon")),
])
def test_same_name_town_by_the_articles_other_places(text, name, where, settings):
    recs = _picks(text, name, settings)
    assert {r["country_code"] for r in recs} == {where[0]}, recs
    if where[0] != "LB":  # GeoNames' name of Tripoli's governorate varies (North / Liban-Nord)
        assert _where(recs) == {where}, recs


# ---------------------------------------------------------------- a repeated name does not vouch for itself
NELSON_BC = (
    "Nelson city council approved a new transit plan on Monday. Nelson residents had asked for more "
    "buses on weekends, the mayor said, and commuters who drive to Castlegar each day welcomed it. "
    "Nelson will also extend its bike lanes along the lakeshore, and the Nelson Chamber of Commerce "
    "said shops in Nelson expected more visitors."
)


def test_repeated_name_does_not_outvote_the_other_places(settings):
    """Five mentions of "Nelson" must not make the article about New Zealand when the one other
    place named, Castlegar, is 40 km from Nelson, British Columbia."""
    recs = _picks(NELSON_BC, "Nelson", settings)
    assert _where(recs) == {("CA", "British Columbia")}, recs


# ---------------------------------------------------------------- a state and a capital of the same name
WASHINGTON_STATE = (
    "OLYMPIA, Wash. -- Wildfire crews from across Washington were sent to the hills above Wenatchee on "
    "Thursday as the blaze crossed the Columbia River. Residents of Seattle and Spokane were warned about "
    "smoke. The governor asked for federal help from Washington, D.C., and said the fire was the largest "
    "in Washington this year."
)


def test_state_named_beside_its_towns_is_not_the_capital(settings):
    recs = [r for r in geoparse_text(WASHINGTON_STATE, settings) if r["text"] == "Washington"]
    assert recs
    # "Washington, D.C." is the capital; the bare "across Washington" / "in Washington" the state
    states = [r for r in recs if r["feature_code"] == "ADM1"]
    assert len(states) >= 2, recs
    assert all(r["admin1"] in ("Washington", "") for r in states), states


# ---------------------------------------------------------------- sports opponents
SPORTS = (
    "DALLAS (AP) -- Luka Doncic scored 31 points and the Mavericks beat Portland 118-104 on Tuesday night. "
    "Dallas had lost to Houston and San Antonio earlier in the week. Texas rivals meet again on Friday, "
    "when the Rockets play against Louisville's former star guard in Austin."
)


def test_opponent_named_by_its_town_is_the_big_town(settings):
    recs = _picks(SPORTS, "Portland", settings)
    assert _where(recs) == {("US", "Oregon")}, recs


def test_opponent_cue_leaves_countries_alone(settings):
    text = "Russia's war against Ukraine entered its third year as drones struck Kharkiv and Odesa."
    recs = _picks(text, "Ukraine", settings)
    assert all(r["feature_code"].startswith("PCL") for r in recs), recs


# ---------------------------------------------------------------- landmarks without their town
@pytest.mark.parametrize("text,name,cc,lat,lon", [
    ("Customs officers in Chicago said the crates were flown to New York after passing through Heathrow "
     "on a connecting flight.", "Heathrow", "GB", 51.47, -0.45),
    ("The couple will marry in the chapel at Windsor Castle in June, a palace spokesman said, and "
     "guests will travel from Toronto and Sydney.", "Windsor Castle", "GB", 51.48, -0.60),
    ("Aides in the West Wing were told to prepare for the visit, officials in Ohio said.",
     "West Wing", "US", 38.90, -77.04),
    ("The actor, who grew up in Virginia, starred in a Broadway musical before moving to film.",
     "Broadway", "US", 40.76, -73.98),
])
def test_landmark_named_without_its_town(text, name, cc, lat, lon, settings):
    recs = _picks(text, name, settings)
    for r in recs:
        assert r["country_code"] == cc, r
        assert abs(r["latitude"] - lat) < 0.3 and abs(r["longitude"] - lon) < 0.3, r


# ---------------------------------------------------------------- UK counties the division data lacks
@pytest.mark.parametrize("text,name,lat,lon", [
    ("Northamptonshire Police said a man was arrested after a stabbing in Kettering on Friday.",
     "Northamptonshire", 52.3, -0.85),
    ("A car bomb was found outside a police station in County Tyrone, the PSNI said.",
     "County Tyrone", 54.6, -7.3),
    ("Flooding closed roads across West Yorkshire, and homes in Leeds and Bradford were evacuated.",
     "West Yorkshire", 53.75, -1.67),
])
def test_uk_county_missing_from_the_division_data(text, name, lat, lon, settings):
    recs = _picks(text, name, settings)
    for r in recs:
        assert r["country_code"] == "GB", r
        assert abs(r["latitude"] - lat) < 0.5 and abs(r["longitude"] - lon) < 0.5, r


# ---------------------------------------------------------------- ordinary words that are also small towns
@pytest.mark.parametrize("text,word", [
    ("Commuters who park near the Metro said trains from Centreville were late on Monday.", "Metro"),
    ("Tourists crowded the bars of the French Quarter in New Orleans after the parade.", "Quarter"),
])
def test_city_part_words_are_not_towns_abroad(text, word, settings):
    recs = [r for r in geoparse_text(text, settings) if r["text"] == word]
    assert all(r["country_code"] == "US" for r in recs), recs


# ---------------------------------------------------------------- names inside organisations' names
def test_embedded_name_is_the_local_town_when_its_division_is_named(settings):
    """"The Vienna Police Department in Virginia": a town of Virginia, not the Austrian capital
    (embedded names otherwise keep only well-known readings)."""
    text = "The Vienna Police Department in Virginia said two men were arrested in Centreville and Fairfax."
    recs = _picks(text, "Vienna", settings)
    assert _where(recs) == {("US", "Virginia")}, recs


def test_embedded_name_alone_keeps_its_well_known_reading(settings):
    text = "Delegates signed the Vienna Convention amendments on Tuesday, officials in Geneva said."
    recs = [r for r in geoparse_text(text, settings) if r["text"] == "Vienna"]
    assert all(r["country_code"] == "AT" for r in recs), recs
