"""Precision on news written outside the team: background, context and back-references make no event.

`fixtures/events_precision_outside.jsonl` holds short articles in the style of outside outlets:
twelve with no codable event (prison control restored, seasons and vague past, weapon hauls,
conflict history, standing measures, displacement totals, failed talks, accusations, UN totals)
and five with exactly one event surrounded by such background. The tests below check each class
of spurious event on further sentences of their own, each with a control that must still make
the event.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from eventwire.api import extract
from eventwire.events import detect_sentence

CASES = [json.loads(line) for line in
         (Path(__file__).parent / "fixtures" / "events_precision_outside.jsonl").read_text(encoding="utf-8").splitlines()
         if line.strip()]


def _types(text: str, published: str = "2025-06-18") -> list[tuple[str, str]]:
    return sorted((e.sub_event_type, e.event_date)
                  for e in extract(text=text, published=dt.date.fromisoformat(published)))


def test_fixture_has_both_kinds_of_article():
    assert sum(1 for c in CASES if not c["events"]) >= 10
    assert sum(1 for c in CASES if len(c["events"]) == 1) >= 5


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_fixture_article(case):
    want = sorted((g["sub_event_type"], g["event_date"]) for g in case["events"])
    assert _types(case["text"], case["published"]) == want


# ----------------------------------------------------------------- 1. control of a prison or a building
def test_control_of_a_prison_or_its_wings_is_no_territory():
    assert _types("Guards backed by soldiers regained control of the Santa Ana prison in El Salvador on Sunday "
                  "after inmates rioted.") in ([], [("Violent demonstration", "2025-06-15")])
    assert _types("Police in Ecuador said on Tuesday they had regained control of two wings of the Litoral "
                  "penitentiary in Guayaquil.") == []
    assert _types("Honduran military police took control of the women's prison in Tamara on Wednesday.") == []


def test_prison_retaken_after_a_weekend_of_riots_makes_no_event():
    assert _types("Brazilian police said they had retaken control of the Alcacuz penitentiary on Saturday after a "
                  "weekend of riots.") == []


def test_control_with_no_object_is_no_territory():
    assert _types("Security forces regained control late on Friday, the justice ministry said.") == []


def test_control_of_a_town_from_rebels_stays_a_territory_event():
    assert _types("Colombian troops regained control of the village of El Plateado from FARC dissidents on "
                  "Sunday.") == [("Government regains territory", "2025-06-15")]
    assert _types("Al-Shabaab fighters seized control of the town of Mahas in Hiiraan region on Thursday.") == [
        ("Non-state actor overtakes territory", "2025-06-12")]


# ----------------------------------------------------------------- 2. seasons and vague past
@pytest.mark.parametrize("text", [
    "The M23 rebels captured several villages in the north of Rutshuru territory this spring.",
    "Last summer, Fano militiamen briefly captured the city of Lalibela.",
    "In recent months, gunmen have attacked dozens of villages in Zamfara state.",
    "Over the past few months, the rebels have taken control of several mining towns in South Kivu.",
    "The junta's forces lost the border town of Myawaddy this spring, but later retook it.",
    "Islamist insurgents overran the garrison town of Mocimboa da Praia last year.",
    "Throughout the summer, militants attacked army posts along the border with Burkina Faso.",
])
def test_background_told_with_a_season_or_vague_past_is_no_event(text):
    assert _types(text) == []


def test_a_day_beside_the_season_keeps_the_event():
    assert _types("Jihadists on Saturday captured several villages in the north of Tillaberi region, "
                  "residents said.") == [("Non-state actor overtakes territory", "2025-06-14")]
    assert _types("Fano militiamen captured the town of Debark on Tuesday, weeks after losing Lalibela this "
                  "spring.") == [("Non-state actor overtakes territory", "2025-06-17")]
    # "said on Tuesday" dates the statement, not the capture
    assert _types("The rebels captured several villages this spring, officials said on Tuesday.") == []


# ----------------------------------------------------------------- 3. weapons as objects of a seizure
def test_weapons_in_a_drug_haul_make_no_event():
    assert _types("Police in Port Harcourt seized four rifles, a grenade and 300 kg of cannabis during a raid "
                  "on Thursday.") == []
    assert _types("Police in Port Harcourt raided a warehouse on Thursday and seized 40 kg of cocaine. Officers "
                  "also recovered an improvised explosive device from the roof.") == []


def test_a_seized_grenade_is_no_grenade_attack():
    got = _types("Security forces in Kashmir said on Monday they recovered two grenades, a pistol and 50 rounds "
                 "of ammunition from a hideout.")
    assert ("Grenade", "2025-06-16") not in got and got in ([], [("Disrupted weapons use", "2025-06-16")])


def test_surrendered_grenades_are_no_grenade_attack():
    got = _types("The militants surrendered 15 AK-47s, two grenades and a quantity of ammunition to the army in "
                 "Bannu on Friday.")
    assert not any(t == "Grenade" for t, _ in got)


def test_weapons_found_after_a_blast_join_the_blast():
    text = ("A roadside bomb exploded under a police vehicle near Bijapur on Tuesday, killing two policemen. "
            "Police later recovered two more IEDs and a quantity of explosives from the area.")
    evs = extract(text=text, published=dt.date(2025, 6, 18))
    assert [(e.sub_event_type, len(e.evidence)) for e in evs] == [("Remote explosive/landmine/IED", 2)]


def test_a_thrown_grenade_stays_a_grenade():
    assert _types("A man threw a hand grenade into a bar in Cotabato City on Friday night, wounding six "
                  "people.") == [("Grenade", "2025-06-13")]


# ----------------------------------------------------------------- 4. back-references
@pytest.mark.parametrize("text", [
    "Police said both attacks had been carried out by members of the Tren de Aragua gang in retaliation for "
    "the arrest of their leader.",
    "Investigators believe the two bombings were carried out by the same cell.",
    "Authorities said the assault was carried out by bandits who had crossed from Niger.",
    "The governor said the massacre bore the hallmarks of the Lakurawa group.",
])
def test_attribution_of_events_told_before_makes_no_event(text):
    assert _types(text) == []


def test_attribution_joins_the_event_it_names():
    text = ("Gunmen attacked a police station in the town of Beledweyne on Sunday night, killing three officers. "
            "Police said the attack had been carried out by al-Shabaab fighters.")
    evs = extract(text=text, published=dt.date(2025, 6, 18))
    assert [(e.sub_event_type, len(e.evidence)) for e in evs] == [("Armed clash", 2)]
    assert evs[0].actor1 == "Al Shabaab"


def test_the_two_attacks_as_a_subject_with_a_toll_stays_an_event():
    # a definite subject with a happening of its own is still the event told
    cands = detect_sentence("The two attacks killed 12 people in Kidal on Monday.", has_date=True)
    assert [c.reference for c in cands] == [False]


# ----------------------------------------------------------------- 5. conflict history
@pytest.mark.parametrize("text", [
    "The two neighbours fought two wars over the disputed Kashmir region.",
    "Armenia and Azerbaijan have fought two wars over Nagorno-Karabakh.",
    "The Karen National Union has fought the central government for more than 70 years.",
    "The New People's Army has been fighting the government since 1969.",
    "Tuareg separatists have fought several rebellions against the Malian state.",
])
def test_undated_history_of_a_conflict_is_no_event(text):
    assert _types(text) == []


def test_fighting_on_a_day_stays_a_clash():
    assert _types("Troops and fighters of the Karen National Union fought near Myawaddy on Sunday.") == [
        ("Armed clash", "2025-06-15")]


# ----------------------------------------------------------------- 6. standing measures and conditions
@pytest.mark.parametrize("text", [
    "More than 200,000 people are displaced in the province, according to the UN.",
    "\"Families here have been displaced three, four times,\" said a local aid worker.",
    "The UN refugee agency said on Tuesday that more than 7 million people had been displaced by the conflict.",
    "The army has banned fishing on parts of Lake Chad it considers a war zone.",
])
def test_standing_conditions_are_no_event(text):
    assert _types(text) == []


def test_people_fleeing_an_attack_on_a_day_stay_a_displacement():
    assert _types("On Sunday, more than 5,000 people fled their villages near Tibu after fighting, local officials "
                  "said.") != []


# ----------------------------------------------------------------- 7. talks, accusations, forecasts
@pytest.mark.parametrize("text", [
    "Talks between the two sides in Jeddah ended on Thursday without an agreement.",
    "The government accused Rwanda of backing the M23 rebels.",
    "The UN warned that more than two million people could face famine if the fighting continued.",
])
def test_talks_accusations_and_forecasts_are_no_event(text):
    assert _types(text) == []
