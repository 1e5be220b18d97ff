"""Places and dates of events, round 8: classes of error found on the multi-outlet dedup sets. Every text here
is written for this test (fictional incidents in real places).

* a building or camp named after a town abroad ("a doctor at Madina hospital" in a Mogadishu story) is in the
  article's town, not in Medina, Saudi Arabia -- however big the town abroad;
* a name written with an Arabic article the gazetteer lists assimilated ("al-Turbah", "Al Turbah" ~ "At Turbah",
  Yemen) is that place, not a foreign namesake of the bare name (Turabah, Saudi Arabia);
* a far foreign town known only by another spelling ("Karni" ~ Kearny, New Jersey) in a story that names its
  country only as a state ("the State Department in Washington", "U.S. envoy") is doubted;
* an event told without a date after "But the day ended in bloodshed elsewhere in the city." happened that day.
"""
from __future__ import annotations

import datetime as dt

import pytest

from eventwire.models import Document
from test_places_events_where import _doc, _locate  # noqa: F401 - the same nlp+places helpers


def _events(text: str, settings, published=dt.date(2025, 8, 5)):
    from eventwire.pipeline import Pipeline

    return Pipeline(settings)(Document(id="round8", text=text, published=published)).events


def _named(doc, name):
    return [m for m in doc.mentions if m.kind == "place" and m.text == name]


# ------------------------------------------------------------ a building named after a town abroad
@pytest.mark.model
def test_a_hospital_named_after_a_holy_city_abroad_is_in_the_article_town(settings):
    text = ("Four people were killed when a car bomb exploded outside a restaurant in Mogadishu on Friday "
            "evening. The wounded were taken to Madina hospital, where a doctor said two of them were critical.")
    doc = _doc(text, settings)
    madina = _named(doc, "Madina")
    assert madina and all(m.value.country_code != "SA" for m in madina), [(m.value, m.why) for m in madina]


@pytest.mark.model
def test_a_mosque_named_after_a_city_abroad_does_not_move_the_event(settings):
    text = ("Gunmen opened fire on worshippers leaving the Makkah mosque in Kano on Friday, killing three "
            "people, police said.")
    doc = _doc(text, settings)
    assert all(m.value.country_code != "SA" for m in _named(doc, "Makkah")), [m.why for m in _named(doc, "Makkah")]


@pytest.mark.model
def test_control_a_hospital_named_after_its_own_city(settings):
    # control: "Mogadishu hospital" in a Mogadishu story is Mogadishu
    text = ("Four people were killed when a car bomb exploded outside a restaurant in Mogadishu on Friday. "
            "The wounded were taken to Mogadishu hospital.")
    doc = _doc(text, settings)
    assert all(m.value.country_code == "SO" and m.value.latitude is not None for m in _named(doc, "Mogadishu"))


@pytest.mark.model
def test_control_a_university_of_a_named_country(settings):
    # control: the article names Afghanistan -- "Kabul University" stays in Kabul
    text = ("Afghan students who fled after the fall of Kabul protested in Peshawar on Monday, demanding "
            "that degrees from Kabul University be recognised in Pakistan.")
    doc = _doc(text, settings)
    assert all(m.value.country_code == "AF" for m in _named(doc, "Kabul")), [m.why for m in _named(doc, "Kabul")]


# ------------------------------------------------------------ Arabic article, assimilated in the gazetteer
@pytest.mark.model
def test_al_name_listed_with_an_assimilated_article(settings):
    text = ("A Houthi drone struck an army checkpoint near the town of al-Turbah, south of Taiz, on "
            "Tuesday, killing two soldiers, a military official said.")
    doc, loc = _locate(text, "struck", settings)
    assert loc is not None and loc.place.country_code == "YE" and loc.place.name == "At Turbah", loc and loc.why


@pytest.mark.model
def test_capital_al_as_a_separate_word(settings):
    text = "Houthi shelling hit homes near Al Turbah in Yemen on Sunday, killing a child, residents said."
    doc, loc = _locate(text, "shelling", settings)
    assert loc is not None and loc.place.country_code == "YE", loc and loc.why


@pytest.mark.model
def test_control_bare_name_of_a_saudi_town(settings):
    # control: "Turabah" in a Saudi story is Turabah
    doc, loc = _locate("Police dispersed a protest by farmers in Turabah, in Saudi Arabia's Makkah region, on "
                       "Monday.", "dispersed", settings)
    assert loc is not None and loc.place.country_code == "SA", loc and loc.why


# ------------------------------------------------------------ a far namesake, its country named only as a state
@pytest.mark.model
def test_far_spelling_namesake_when_its_country_is_only_the_government(settings):
    text = ("Israeli soldiers shot dead two Palestinians at Karni on Tuesday, Palestinian health officials "
            "said. The army said the men had approached the fence. In Washington, the State Department "
            "called for calm.")
    doc, loc = _locate(text, "shot dead", settings)
    assert loc is not None and loc.place.country_code != "US", loc and loc.why


@pytest.mark.model
def test_far_spelling_namesake_with_a_us_envoy(settings):
    text = ("Israeli forces and Hamas gunmen clashed at the Karni crossing on Sunday, leaving two militants "
            "dead, the army said. U.S. envoy Steve Witkoff is due in Jerusalem on Tuesday.")
    doc, loc = _locate(text, "clashed", settings)
    assert loc is not None and loc.place.country_code != "US", loc and loc.why


@pytest.mark.model
def test_control_kearny_in_a_us_story(settings):
    text = ("Two men were shot dead outside a bar in Kearny, New Jersey, on Saturday night, police said. "
            "The United States has seen a rise in such shootings.")
    doc, loc = _locate(text, "shot dead", settings)
    assert loc is not None and loc.place.name == "Kearny" and loc.place.country_code == "US", loc and loc.why


# ------------------------------------------------------------ "But the day ended ..." carries the day on
@pytest.mark.model
def test_the_day_ended_elsewhere_carries_the_day(settings):
    text = ("Thousands of teachers marched peacefully through Ibadan on Thursday to demand unpaid salaries, "
            "ending at the governor's office where they submitted a petition.\n"
            "The marchers were escorted by police. Union leaders gave the state government a week to pay.\n"
            "But the day ended in violence elsewhere in the city. At Oje market, youths set a police post "
            "ablaze and looted shops, and residents said police fired shots, killing one man.")
    events = _events(text, settings, dt.date(2025, 8, 2))  # a Saturday: Thursday is 31 July
    riots = [e for e in events if e.event_type == "Riots"]
    assert riots and all(str(e.event_date) == "2025-07-31" for e in riots), [(e.event_type, e.event_date)
                                                                                  for e in events]


@pytest.mark.model
def test_control_a_paragraph_with_its_own_day(settings):
    # control: "Meanwhile on Saturday" moves the story to another day: no Thursday for the riot
    text = ("Thousands of teachers marched peacefully through Ibadan on Thursday to demand unpaid salaries.\n"
            "The marchers were escorted by police. Union leaders gave the state government a week to pay.\n"
            "Meanwhile on Saturday, the day ended in violence elsewhere in the city. At Oje market, youths set "
            "a police post ablaze and looted shops, and residents said police fired shots, killing one man.")
    events = _events(text, settings, dt.date(2025, 8, 4))
    riots = [e for e in events if e.event_type == "Riots"]
    assert riots and all(str(e.event_date) != "2025-07-31" for e in riots)


@pytest.mark.model
def test_control_no_lead_in_keeps_the_publication_day(settings):
    # control: without a sentence leading on from the day, an undated riot two sentences later is not Thursday's
    text = ("Thousands of teachers marched peacefully through Ibadan on Thursday to demand unpaid salaries.\n"
            "The marchers were escorted by police. Union leaders gave the state government a week to pay.\n"
            "Prices of food have doubled in the city this year. At Oje market, youths set a police post ablaze "
            "and looted shops, and residents said police fired shots, killing one man.")
    events = _events(text, settings, dt.date(2025, 8, 2))
    riots = [e for e in events if e.event_type == "Riots"]
    assert riots and all(str(e.event_date) != "2025-07-31" for e in riots)
