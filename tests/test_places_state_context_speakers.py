"""Toponyms, session 10: two classes of geoparsing error on local news. Every text here is written for this
test (fictional stories in real places).

* a town its state or province qualifies ("FLORENCE, Ala. -", "PARIS, Texas (AP) -", "Springfield, Illinois")
  anchors the article there: the towns around it ("nearby Reno", "crews from Athens") are its neighbours, not
  the big namesakes elsewhere (Reno, Nevada; Athens, Greece), and the qualified town votes for its state's
  country, not for its bare name's best-known namesake (Florence, Italy);
* a person named in full as a speaker ("Mayor Tom Jackson said", "said Police Chief Anna Tyler") is who a later
  bare "Jackson said" is -- not the dateline's town -- while the dateline, "Tyler County" and mentions with no
  such speaker stay places;
* a list of towns a small model tags as one entity ("diverted to Ahmedabad and Hyderabad" as WORK_OF_ART, "from
  Gori and Rustavi" as FAC) is read item by item, and a listed town after "including" near the article's towns
  is a place even where the model called it an organisation;
* a street named after a person whose first name is a town ("Sidney Baker Street", "Florence Nightingale Road")
  is a site of the article's town, not the town of that name.
"""
from __future__ import annotations

import dataclasses

import pytest

from eventwire.places import geoparse_text
from test_places_toponyms_round9 import _at, _km, _parse  # the same geoparse helpers


def _parse_events(text: str, settings):
    """As the pipeline runs: the model reads only the sentences that may hold an event, so a speaker named in a
    quote's sentence is no PERSON entity to it."""
    return geoparse_text(text, dataclasses.replace(settings, parse_scope="events"))


# ------------------------------------------------------------ a qualified town anchors its neighbours
@pytest.mark.model
@pytest.mark.parametrize("text, name, lat, lon", [
    # a dateline's town and its state; a small neighbour named like a big city of another state
    ("PARIS, Texas (AP) — Straight-line winds tore the roof off a feed store and toppled a water tower on "
     "Saturday, the county judge said.\n\nSchools in Paris and nearby Reno will stay shut on Monday while "
     "linemen restore power.", "Reno", 33.66, -95.46),
    ("PARIS, Texas (AP) — A freight train derailed north of town on Thursday, spilling corn across the "
     "tracks.\n\nTraffic was diverted east toward Clarksville, where the sheriff's office set up a "
     "checkpoint.", "Clarksville", 33.61, -95.05),
    # a dateline with an abbreviated state: Athens, Alabama, not Athens, Greece
    ("FLORENCE, Ala. (AP) — A tornado peeled siding off dozens of homes in Florence and nearby Sheffield "
     "late Tuesday, officials said. Volunteer crews from Athens arrived by dawn to clear roads.",
     "Athens", 34.80, -86.97),
])
def test_a_town_its_state_qualifies_anchors_the_towns_named_around_it(settings, text, name, lat, lon):
    recs = _parse(text, settings)
    r = _at(recs, text, name)
    assert r is not None and r["country_code"] == "US" and _km(r, lat, lon) < 40, r


@pytest.mark.model
def test_controls_a_dateline_town_qualified_by_an_abbreviated_state_is_not_its_famous_namesake(settings):
    text = ("FLORENCE, Ala. (AP) — Flash flooding closed two bridges over Cypress Creek on Wednesday, and the "
            "mayor said the water in Florence had not been this high since 2003. Crews from Athens helped.")
    recs = _parse(text, settings)
    for name in ("FLORENCE", "Florence"):
        r = _at(recs, text, name)
        assert r is not None and r["country_code"] == "US" and r["admin1"] == "Alabama", (name, r)


@pytest.mark.model
def test_controls_a_famous_city_stays_itself_without_a_qualified_namesake(settings):
    # no state qualifies a town here: Athens is Greece, Paris is France
    text = ("ATHENS (Reuters) — Greek ferry workers walked off the job on Thursday, stranding travellers bound for "
            "the islands, a day after a similar strike in Paris. Ships from Lisbon were held at sea.")
    recs = _parse(text, settings)
    assert _at(recs, text, "ATHENS")["country_code"] == "GR"
    assert _at(recs, text, "Paris")["country_code"] == "FR"
    assert _at(recs, text, "Lisbon")["country_code"] == "PT"


@pytest.mark.model
def test_controls_a_qualified_namesake_abroad_keeps_its_own_country(settings):
    # "Tripoli, Lebanon" stays Lebanon's; a Texan dateline does not pull a town another country qualifies
    text = ("TRIPOLI, Lebanon (Reuters) — Gunmen exchanged fire across a main road in Tripoli overnight, "
            "residents said, and the army sent armoured vehicles from Beirut.")
    recs = _parse(text, settings)
    assert _at(recs, text, "TRIPOLI")["country_code"] == "LB"
    assert _at(recs, text, "Tripoli")["country_code"] == "LB"
    text1 = ("TRIPOLI, Libya (Reuters) — Rival militias traded fire near the airport road in Tripoli on Sunday, "
             "and flights were diverted to Misrata.")
    recs1 = _parse(text1, settings)
    assert _at(recs1, text1, "TRIPOLI")["country_code"] == "LY"
    assert _at(recs1, text1, "Tripoli")["country_code"] == "LY"
    text2 = ("PARIS, Texas (AP) — The city council voted on Monday to rename a downtown street after a local "
             "veteran. \"We get mail meant for Paris, France, every week,\" the clerk said.")
    recs2 = _parse(text2, settings)
    assert _at(recs2, text2, "PARIS")["admin1"] == "Texas"
    assert _at(recs2, text2, "Paris")["country_code"] == "FR"


# ------------------------------------------------------------ a speaker's surname is no town
@pytest.mark.model
@pytest.mark.parametrize("text, name, nth", [
    # named in full with a title before "said"; later the surname alone before "said"
    ("JACKSON, Miss. (AP) — Flooding closed dozens of roads across central Mississippi on Monday. \"We have "
     "never seen the Pearl this high,\" Mayor Tom Jackson said. Residents of Canton were told to stay home.\n\n"
     "Jackson said crews would work through the night.", "Jackson", 1),
    # named in full after "said"; later the surname alone before "added"
    ("TYLER, Texas (AP) — A water main broke on Friday, leaving thousands of homes without water, said "
     "Police Chief Anna Tyler. Tyler added that crews from Longview were helping.", "Tyler", 1),
])
def test_a_surname_a_speaker_bears_is_the_speaker_not_the_dateline_town(settings, text, name, nth):
    recs = _parse_events(text, settings)
    assert _at(recs, text, name, nth) is None, _at(recs, text, name, nth)
    assert _at(recs, text, name.upper()) is not None  # the dateline stays a place


@pytest.mark.model
def test_a_dateline_town_stays_a_place_where_a_speaker_bears_its_name(settings):
    # the chief is named in full with a title (a person's name), yet "TYLER, Texas" and "Smith County" are places
    text = ("TYLER, Texas (AP) — A grass fire burned three barns east of town on Sunday, said Fire Chief Dale "
            "Tyler, whose crews were joined by volunteers from Smith County.")
    recs = _parse(text, settings)
    r = _at(recs, text, "TYLER")
    assert r is not None and r["admin1"] == "Texas", r


@pytest.mark.model
def test_controls_the_town_named_alone_stays_a_place(settings):
    # no one called Jackson speaks: "Jackson has seen ..." and "Jackson was under ..." are the town
    text = ("JACKSON, Miss. (AP) — Flooding closed roads across central Mississippi on Monday, said Mayor Ray "
            "Collins. Jackson was still under a boil-water notice on Tuesday. Jackson has seen three floods "
            "since 2020, Collins said.")
    recs = _parse_events(text, settings)
    for nth in (0, 1):
        r = _at(recs, text, "Jackson", nth)
        assert r is not None and r["admin1"] == "Mississippi", (nth, r)


# ------------------------------------------------------------ lists of towns
@pytest.mark.model
@pytest.mark.parametrize("text, names", [
    ("MUMBAI, India (Reuters) — Monsoon rain flooded runways in Mumbai on Tuesday. At the airport, several "
     "flights were diverted to Ahmedabad and Hyderabad because of poor visibility, an airport spokesperson said.",
     ("Ahmedabad", "Hyderabad")),
    ("TBILISI, Georgia (AP) — Tens of thousands rallied outside parliament in Tbilisi on Sunday. Many "
     "protesters had travelled from Gori and Rustavi to join them.", ("Gori", "Rustavi")),
    ("KERRVILLE, Texas (AP) — Flood warnings stayed in effect on Saturday for towns downstream along the river, "
     "including New Braunfels and Seguin, the weather service said.", ("New Braunfels", "Seguin")),
])
def test_every_town_of_a_list_is_a_place(settings, text, names):
    recs = _parse(text, settings)
    cc = _at(recs, text, names[0]) and _at(recs, text, names[0])["country_code"]
    for name in names:
        r = _at(recs, text, name)
        assert r is not None and r["country_code"] == cc, (name, r)


@pytest.mark.model
def test_controls_a_country_named_with_and_and_a_firm_stay_whole(settings):
    # "Trinidad and Tobago" is one country; "Marks and Spencer" a shop, not two towns
    text = ("PORT OF SPAIN (Reuters) — Trinidad and Tobago's government said on Monday it would raise fuel "
            "prices. A Marks and Spencer store in the capital closed early.")
    recs = _parse(text, settings)
    r = _at(recs, text, "Trinidad and Tobago")
    assert r is not None and r["country_code"] == "TT" and r["text"].startswith("Trinidad and Tobago"), r
    assert _at(recs, text, "Spencer") is None
    assert _at(recs, text, "Marks") is None


# ------------------------------------------------------------ districts and spellings the extract lacks
@pytest.mark.model
@pytest.mark.parametrize("text, name, lat, lon", [
    ("TRIPOLI, Libya (Reuters) — Armed groups exchanged fire overnight in the Ain Zara area south of the capital, "
     "residents said, and the fighting later spread east towards Tajoura.", "Ain Zara", 32.89, 13.19),
    ("TRIPOLI, Libya (Reuters) — Armed groups exchanged fire overnight in the Ain Zara area south of the capital, "
     "residents said, and the fighting later spread east towards Tajoura.", "Tajoura", 32.88, 13.35),
    ("PORT-AU-PRINCE, Haiti (AP) — Gunmen torched a police post in Cité Soleil on Monday, and families fled "
     "on foot towards Pétion-Ville.", "Cité Soleil", 18.54, -72.34),
    ("PORT-AU-PRINCE, Haiti (AP) — Gunmen torched a police post in Cité Soleil on Monday, and families fled "
     "on foot towards Pétion-Ville.", "Pétion-Ville", 18.51, -72.29),
    ("NAIROBI, Kenya (Reuters) — Police fired tear gas at protesters in Kibera and Mathare on Tuesday as "
     "demonstrations over fuel prices spread.", "Mathare", -1.28, 36.82),
])
def test_districts_and_news_spellings_are_placed_at_their_city(settings, text, name, lat, lon):
    recs = _parse(text, settings)
    r = _at(recs, text, name)
    assert r is not None and _km(r, lat, lon) < 30, r


@pytest.mark.model
def test_controls_djibouti_tadjoura_stays_in_djibouti(settings):
    text = ("DJIBOUTI (Reuters) — A ferry carrying 200 passengers ran aground near Tadjoura on Friday, the "
            "coast guard said.")
    recs = _parse(text, settings)
    r = _at(recs, text, "Tadjoura")
    assert r is not None and r["country_code"] == "DJ", r


# ------------------------------------------------------------ streets named after people
@pytest.mark.model
@pytest.mark.parametrize("text, name, lat, lon", [
    ("KERRVILLE, Texas (AP) — The city opened a shelter at a church on Sidney Baker Street on Friday for "
     "families forced from their homes by the flood.", "Sidney Baker Street", 30.05, -99.14),
    ("BRISTOL, England (Reuters) — A water main burst under Florence Nightingale Road in Bristol on Monday, "
     "flooding a row of shops.", "Florence Nightingale Road", 51.45, -2.59),
])
def test_a_street_named_after_a_person_is_a_site_of_the_articles_town(settings, text, name, lat, lon):
    recs = _parse(text, settings)
    r = _at(recs, text, name)
    assert r is not None and r["text"] == name and _km(r, lat, lon) < 50, r


@pytest.mark.model
def test_controls_a_town_before_a_plain_road_word_stays_a_place_and_syria_street_a_site(settings):
    text = ("TRIPOLI, Lebanon (Reuters) — Gunmen fired across Syria Street overnight, residents said. Buses from "
            "Beirut Road were halted, and traffic in Florence was unaffected by the strike in Italy.")
    recs = _parse(text, settings)
    r = _at(recs, text, "Syria Street")
    assert r is not None and r["text"] == "Syria Street" and r["country_code"] == "LB", r
    r = _at(recs, text, "Florence")
    assert r is not None and r["text"] == "Florence" and r["country_code"] == "IT", r
