"""Events, round 7: event detection and typing on text in styles the earlier sets lacked.

``labelled_sentences_fresh6.jsonl`` (81 items: 55 events, 26 traps) was written for this round
in styles the earlier fixtures lack -- terse wire copy with datelines, translated government
communiques, NGO reports, local papers with long background, liveblog updates -- and scored
before any code was changed (detection P 0.883 / R 0.964, sub-event accuracy 0.927, non-event
rejection 0.73, dates 0.943, fatalities 0.964). The error classes it showed, each checked here
on other text (other countries, other wording), each with a control that keeps its event:

1. the rest of a past act a court case or an investigation is about ("sentenced ... for their role
   in the 2015 attack that killed 20", "acquitted officers charged with shooting dead a protester");
2. not political violence: a vehicle that overturned or capsized, a football derby, a live-fire drill;
3. a detention followed by "an unknown location" / "no news of his whereabouts": a forced
   disappearance by the state, not an arrest;
4. a protest "demanding the release of relatives they say were forcibly disappeared": the grievance;
5. "downed their tools": a strike (peaceful protest);
6. dates: "last January" is a month (background), "smaller than yesterday" is a comparison;
7. fatalities: soldiers who "fell in the line of duty" died;
8. actors: "Defence and Security Forces" and "the National Army" of a Sahel communique are the
   state's military (not the Syrian National Army); "SPLA-in-Opposition" is the SPLM/A-IO;
9. actor classes seen on the gold set, checked on other text: "a drone strike by the Ethiopian army"
   names actor1; "X, an armed group fighting the military, said it had captured the town" -- the
   description's enemy neither types the event nor takes the town.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from eventwire.api import extract
from eventwire.events.dates import find_dates
from eventwire.events.evaluate import classify_text, labelled

FRESH6 = Path(__file__).parent / "fixtures" / "labelled_sentences_fresh6.jsonl"


def _events(text: str, published: str = "2025-06-12"):
    return extract(text=text, published=dt.date.fromisoformat(published))


def _type(text: str, published: str = "2025-06-12") -> str:
    return classify_text(text, dt.date.fromisoformat(published))


# ----------------------------------------------------------------- the set itself
def test_fresh6_figures():
    r = labelled(FRESH6)
    assert r["sentences"] == 81
    assert r["sub_event_type_weighted_f1"] >= 0.95  # 0.981 at the end of round 7 (0.893 before)
    assert r["non_event_rejection"] >= 0.92  # 0.962 (0.731 before)
    assert r["event_date_exact"] >= 0.95  # 0.981 (0.943 before)
    assert r["fatalities_exact"] >= 0.93  # 0.964


# ----------------------------------------------------------------- 1. court cases about old acts
def test_court_case_about_an_old_attack_is_no_event():
    assert _type("A tribunal in Ouagadougou on Wednesday jailed two men for life for their part in the 2016 "
                 "assault on a cafe that killed 30 people.") == "none"
    assert _type("A court in Lima on Monday acquitted three soldiers charged with shooting dead a student "
                 "during the 2022 unrest.") == "none"
    assert _type("Prosecutors in Quito opened an inquiry on Friday into the deaths of two demonstrators at "
                 "last year's protests.") == "none"


def test_control_a_new_attack_after_a_verdict_stays():
    assert _type("Gunmen shot dead a judge outside the court in Kandahar on Monday, police said.") != "none"


# ----------------------------------------------------------------- 2. not political violence
def test_accidents_sport_and_drills_are_no_events():
    assert _type("Nine people were killed when a minibus overturned near Kasese on Friday, police said.") == "none"
    assert _type("Twenty passengers drowned when their boat capsized on Lake Albert on Sunday.") == "none"
    assert _type("Al Ahly clashed with Zamalek in a goalless Cairo derby on Friday.") == "none"
    assert _type("Soldiers fired mortar rounds during a military exercise near Gao on Tuesday, the army "
                 "said.") == "none"


def test_control_protesters_overturning_cars_riot():
    assert _type("Protesters overturned cars and threw stones at police in Nairobi on Tuesday.") \
        == "Violent demonstration"


# ----------------------------------------------------------------- 3. forced disappearance
def test_detention_to_an_unknown_location_is_a_forced_disappearance():
    assert _type("On 3 May 2025, state security agents detained activist Omar Khalil in Tunis and took him to "
                 "an undisclosed location; his lawyer has had no news of his whereabouts.") \
        == "Abduction/forced disappearance"
    # end to end: the actors stage names state agents, and the event stays a forced disappearance
    evs = _events("On 3 May 2025, state security agents detained activist Omar Khalil in Tunis and took him to "
                  "an undisclosed location; his lawyer has had no news of his whereabouts.")
    assert [e.sub_event_type for e in evs] == ["Abduction/forced disappearance"]


def test_control_an_ordinary_arrest_stays_an_arrest():
    assert _type("Police arrested opposition leader Omar Khalil in Tunis on Tuesday, his party said.") == "Arrests"


# ----------------------------------------------------------------- 4. what a protest demands
def test_protest_demanding_the_release_of_disappeared_people():
    assert _type("Mothers held a vigil outside the interior ministry in Algiers on Sunday, demanding the "
                 "release of sons they say were abducted by the police.") == "Peaceful protest"


# ----------------------------------------------------------------- 5. strikes
def test_downed_their_tools_is_a_strike():
    assert _type("Nurses at state hospitals in Malawi downed their tools on Wednesday over unpaid "
                 "allowances.") == "Peaceful protest"


# ----------------------------------------------------------------- 6. dates
def test_last_month_name_is_a_month():
    d = [x for x in find_dates("fighting raged there last January", dt.date(2025, 3, 10))]
    assert [(x.date, x.precision) for x in d] == [(dt.date(2025, 1, 15), 3)]
    d = find_dates("the town fell last March", dt.date(2025, 3, 10))
    assert d[0].date == dt.date(2024, 3, 15)


def test_caption_with_a_past_month_gives_no_event():
    assert _events("The photo shows police guarding a bridge in Bukavu, where fighting raged last "
                   "January.", "2025-03-10") == []


def test_compared_day_is_not_the_event_day():
    evs = _events("Protesters have gathered again outside the parliament in Dhaka, though the crowd is "
                  "smaller than yesterday.", "2025-10-09")
    assert [e.event_date for e in evs] == ["2025-10-09"]


# ----------------------------------------------------------------- 7. fatalities
def test_fell_in_the_line_of_duty_counts():
    evs = _events("The army said on Monday that its units repelled an attack on the Djibo garrison on "
                  "Sunday, in which six soldiers fell in the line of duty.", "2025-06-16")
    assert [e.fatalities for e in evs] == [6]


# ----------------------------------------------------------------- 8. actors
def test_defence_and_security_forces_are_the_state():
    evs = _events("On Saturday 7 June 2025 the Defence and Security Forces dislodged terrorists from the "
                  "locality of Arbinda, the governor of the Sahel region said.", "2025-06-09")
    assert evs and evs[0].inter1 == 1 and evs[0].actor1.startswith("Military Forces")


def test_national_army_outside_syria_is_not_the_sna():
    evs = _events("The General Staff said units of the National Army repelled an attack by armed terrorist "
                  "groups on the Titao garrison on Friday.", "2025-06-09")
    assert evs and all("Syrian National Army" not in (e.actor1 + e.actor2) for e in evs)


def test_spla_in_opposition_hyphenated():
    evs = _events("SPLA-in-Opposition fighters attacked an army barracks in Nasir county on Tuesday, a "
                  "local official said.", "2025-03-06")
    assert evs and "SPLM/A-IO" in evs[0].actor1


# ----------------------------------------------------------------- 9. actor classes seen on the gold set
def test_strike_by_the_national_military_names_actor1():
    evs = _events("A drone strike by the Ethiopian army hit a bus near Gondar on Sunday, killing 12 civilians, "
                  "witnesses said.", "2025-01-22")
    assert [(e.sub_event_type, e.actor1, e.inter1) for e in evs] == [
        ("Air/drone strike", "Military Forces of Ethiopia", 1)]


def test_control_strike_with_no_perpetrator_stays_unidentified():
    evs = _events("A drone strike hit a market in Mellit on Sunday, killing 20 civilians, witnesses said.",
                  "2025-01-22")
    assert [e.inter1 for e in evs] == [8]


def test_appositive_naming_the_enemy_does_not_take_the_town():
    evs = _events("The Ta'ang National Liberation Army, an ethnic armed group fighting Myanmar's military, said on "
                  "Sunday it had captured the town of Mogok after weeks of fighting.", "2025-01-20")
    assert [(e.sub_event_type, e.inter1, e.inter2) for e in evs] == [("Non-state actor overtakes territory", 2, 1)]


def test_control_army_described_by_a_relative_clause_retakes():
    evs = _events("The army, which has fought the rebels since 2021, recaptured the town of Mogok on Sunday, "
                  "residents said.", "2025-01-20")
    assert [(e.sub_event_type, e.inter1) for e in evs] == [("Government regains territory", 1)]

