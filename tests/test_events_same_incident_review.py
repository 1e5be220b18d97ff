"""Review of the session-10 precision rules (``events.incident``, ``events._drop_undated_asides``):
inputs they got wrong.

1. Force used on a crowd folds with an act of violence or an arrest by the same forces that day only
   when that act is the crowd's dispersal (its sentence names a crowd, or the crowd's sentence tells it
   again of "the crowd"): a journalist arrested at his home, or a suspect shot in a suburb, the day
   police broke up a march in that city is another event (ACLED: another interaction), and the march
   must not turn into excessive force with the suspect's death.
2. The narrative past perfect of a feature ("Jihadists had attacked the village before dawn") is its
   event, not an aside: only an account someone gives in the past perfect ("the envoy said rebels had
   killed ...") of a story dated to a day of its own (a briefing, a hearing) is one.
3. An arrest folds into an attack by the same forces that day only when it is of the attack's victims.
4. An old month that opens a sentence does not date the weekday of a relative clause telling the news
   ("In June, the army handed its base in Tessit to a militia, which jihadists attacked on Wednesday");
   "on a Sunday" is still one of that month's.
5. Violence told in a region of a country ("in northern Burkina Faso", "near the Somali border in
   Kenya") is placed at the region (ACLED geo_precision 3), not known only at country level: it stays
   beside the story's placed events.
"""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.api import extract

PUB = dt.date(2025, 9, 12)  # a Friday


def _events(text: str) -> list[tuple[str, str, str, int]]:
    return sorted((e.sub_event_type, e.event_date, e.location, e.fatalities)
                  for e in extract(text=text, published=PUB))


# ------------------------------------------------------------- 1. a crowd and another act that day
@pytest.mark.parametrize("text, expected", [
    ("Police fired tear gas to disperse hundreds of opposition supporters protesting against tax increases in "
     "Nairobi on Tuesday, witnesses said. Police arrested journalist John Mwangi at his home in Nairobi on "
     "Tuesday over an article critical of the interior minister, his employer said.",
     [("Arrests", "2025-09-09", "Nairobi", 0), ("Protest with intervention", "2025-09-09", "Nairobi", 0)]),
    ("Police fired tear gas at hundreds of traders protesting against new market levies in Kampala on Monday, "
     "witnesses said. Police arrested opposition MP Moses Kato at his home in Kampala on Monday, accusing him "
     "of inciting violence, his lawyer said.",
     [("Arrests", "2025-09-08", "Kampala", 0), ("Protest with intervention", "2025-09-08", "Kampala", 0)]),
    # a lethal dispersal stays excessive force; the reporter's detention stays an arrest
    ("Soldiers fired live rounds at students protesting against fuel prices in Niamey on Friday, killing two, "
     "hospital sources said. Soldiers detained a local radio reporter at a checkpoint in Niamey on Friday, "
     "the reporters' union said.",
     [("Arrests", "2025-09-12", "Niamey", 0), ("Excessive force against protesters", "2025-09-12", "Niamey", 2)]),
])
def test_an_arrest_elsewhere_in_the_city_is_not_the_crowds_dispersal(text, expected):
    assert _events(text) == expected


def test_a_killing_in_a_suburb_does_not_make_a_march_excessive_force():
    text = ("Riot police fired tear gas at striking teachers marching to parliament in Harare on Wednesday, union "
            "officials said. In Mbare township on Wednesday, police shot dead a suspected thief who was fleeing "
            "a market, his family said.")
    evs = _events(text)
    assert ("Protest with intervention", "2025-09-10", "Harare", 0) in evs
    assert not any(t == "Excessive force against protesters" for t, _, _, _ in evs)
    assert any(t == "Attack" and f == 1 for t, _, _, f in evs)


@pytest.mark.parametrize("text, expected", [
    # the harm's own sentence names the crowd
    ("Security forces killed three protesters in Conakry on Thursday, medics said. Police dispersed the "
     "demonstrators in Conakry with tear gas on Thursday, witnesses said.",
     [("Excessive force against protesters", "2025-09-11", "Conakry", 3)]),
    # the crowd's sentence tells the killing again of "the crowd"
    ("Police shot dead two people in Kisumu on Wednesday, hospital staff said. Witnesses said the crowd had "
     "been marching peacefully to the county offices when police arrived and fired tear gas at the marchers.",
     [("Excessive force against protesters", "2025-09-10", "Kisumu", 2)]),
    ("Police fired tear gas to disperse opposition supporters protesting in Nairobi on Tuesday, witnesses "
     "said. Police arrested 30 of the protesters in Nairobi on Tuesday, a police spokesman said.",
     [("Protest with intervention", "2025-09-09", "Nairobi", 0)]),
])
def test_force_on_the_crowd_told_twice_still_folds(text, expected):
    assert _events(text) == expected


# ------------------------------------------------------------- 2. a feature's narrative past perfect
@pytest.mark.parametrize("text, place, dead", [
    ("Mariam Traore still cannot sleep. The 34-year-old mother of four lost her husband and her brother when "
     "the gunmen came. Jihadists had attacked the village of Djibo before dawn, killing 11 people, according "
     "to a local official. The army had arrived hours later.", "Djibo", 11),
    ("The well in the village of Djibo is guarded by two old men with hunting rifles. Nobody draws water after "
     "dark any more. Jihadists had attacked the village of Djibo before dawn, killing 11 people, according to "
     "a local official.", "Djibo", 11),
    # told by residents, in a feature that names no day at all
    ("Smoke still rises from the ruins of the clinic. Nurses pick through the ash for anything they can save. "
     "Residents said gunmen had stormed the village of Kouri before dawn, killing 14 people.", "Kouri", 14),
])
def test_a_features_event_told_in_the_past_perfect_stays(text, place, dead):
    evs = _events(text)
    assert [(t, loc, f) for t, _, loc, f in evs] == [("Attack", place, dead)]


@pytest.mark.parametrize("text", [
    ("The African Union's special envoy briefed ambassadors in Addis Ababa on Monday on the peace process in "
     "eastern Congo. He said talks in Doha would resume next month. Diplomats asked about the humanitarian "
     "situation in North Kivu. The envoy said rebels had killed at least 20 civilians in Rutshuru and that "
     "aid convoys had been blocked."),
    ("A court in Conakry on Wednesday adjourned the trial of former junta members accused of crimes against "
     "humanity. The judge set a new date in November. Families of victims gathered outside the court. A "
     "witness told the court that soldiers had shot dead dozens of protesters in the stadium."),
])
def test_an_account_in_the_past_perfect_of_a_dated_briefing_is_still_no_event(text):
    assert _events(text) == []


# ------------------------------------------------------------- 3. an attack and another person's arrest
@pytest.mark.parametrize("text, expected", [
    ("Soldiers shot dead a herder in Tenenkou in central Mali on Tuesday, relatives said. Soldiers arrested the "
     "village chief of Tenenkou on Tuesday, accusing him of collaborating with jihadists, residents said.",
     [("Arrests", "2025-09-09", "Tenenkou", 0), ("Attack", "2025-09-09", "Tenenkou", 1)]),
    ("Police shot dead a student in the Ugandan town of Gulu on Monday, his family said. Police arrested two "
     "journalists at a radio station in Gulu on Monday over a talk show, their employer said.",
     [("Arrests", "2025-09-08", "Gulu", 0), ("Attack", "2025-09-08", "Gulu", 1)]),
])
def test_the_arrest_of_someone_else_that_day_is_its_own_event(text, expected):
    assert _events(text) == expected


def test_the_arrest_of_the_victims_still_folds_into_their_killing():
    text = ("Soldiers detained and then shot dead six traders near the Malian town of Djenne on Monday, relatives "
            "said. The traders were arrested at the livestock market in Djenne by soldiers who came in pick-up "
            "trucks, a relative said.")
    assert [(t, f) for t, _, _, f in _events(text)] == [("Attack", 6)]


# ------------------------------------------------------------- 4. an old month and a relative clause's day
@pytest.mark.parametrize("text, expected", [
    ("In June, the army handed its base in Tessit to a pro-government militia, which jihadists attacked on "
     "Wednesday, killing eight militiamen, a local official said.", ("Attack", "2025-09-10")),
    ("Back in July, the governor imposed a curfew on Gusau, where bandits on Sunday abducted 25 students from "
     "a school hostel, police said.", ("Abduction/forced disappearance", "2025-09-07")),
    ("In May, hundreds of miners lost their jobs at the Geita gold mine, where police on Monday fired tear gas "
     "at former workers demanding compensation.", ("Protest with intervention", "2025-09-08")),
])
def test_the_day_of_a_relative_clause_after_an_old_month_is_this_weeks(text, expected):
    assert [(t, d) for t, d, _, _ in _events(text)] == [expected]


def test_on_a_weekday_after_an_old_month_is_still_that_months():
    text = ("Back in June, bandits stormed a mosque in Gusau on a Friday afternoon, where they abducted 30 "
            "worshippers, police said.")
    assert [(t, d) for t, d, _, _ in _events(text)] == [("Abduction/forced disappearance", "2025-06-15")]


# ------------------------------------------------------------- 5. a region of a country is not the country
@pytest.mark.parametrize("text, kept", [
    ("Hundreds of people marched in Ouagadougou on Saturday to demand the release of detained soldiers, "
     "witnesses said. On Friday, jihadists killed at least 30 civilians in northern Burkina Faso, local "
     "sources said.", ("Attack", "2025-09-12", 30)),
    ("Police fired tear gas at students protesting in Nairobi on Monday. On Sunday, al-Shabaab militants "
     "killed six quarry workers near the Somali border in Kenya, police said.", ("Attack", "2025-09-07", 6)),
])
def test_violence_in_a_region_of_the_country_stays_beside_placed_events(text, kept):
    evs = _events(text)
    assert len(evs) == 2 and kept in [(t, d, f) for t, d, _, f in evs]


def test_violence_known_only_at_country_level_still_goes():
    text = ("Soldiers repelled an attack on their base near the Nigerien town of Tillaberi on Sunday, the army "
            "said. On Sunday, gunmen ambushed a convoy of Nigerien-backed militiamen in Burkina Faso, killing "
            "five, a security source said.")
    assert [t for t, _, _, _ in _events(text)] == ["Armed clash"]
