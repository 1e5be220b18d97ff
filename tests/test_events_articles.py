"""Events on whole articles: background and habitual mentions, follow-up sentences that
belong to an event told before (claims, datings, tolls, what happened during it), typing of
attacks on armed targets, riots, and statement dates. Every text here is written for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.events.dates import choose, find_dates
from eventwire.events.evaluate import sentence_types
from eventwire.events.fatalities import combine, sentence_fatalities, victim_class


def _extract(text: str, published: str):
    from eventwire.api import extract

    return sorted(extract(text=text, published=published), key=lambda e: (e.event_date, e.sub_event_type))


# ----------------------------------------------------------------- not events
@pytest.mark.parametrize("text", [
    # a trend since something happened (present perfect, habitual)
    "Al-Shabaab has stepped up raids on army bases since the elections in May.",
    "The rebels have stepped up attacks on police posts since losing the border town in March.",
    # a relative clause that says what a group does, not what it did
    "Officials discussed the ELN, which Bogota says uses Venezuelan territory as a base for attacks on its soldiers.",
    # a strike called for a day to come
    "The union has called a nationwide general strike for Thursday to protest against fuel prices.",
    # arrests of suspects for a crime told elsewhere
    "Police have detained six men in connection with the killings.",
])
def test_background_and_follow_up_mentions_are_not_events(text: str) -> None:
    assert sentence_types(text) == []


def test_called_strike_for_a_weekday_is_planned_even_in_an_article() -> None:
    evs = _extract("Workers walk out\nThe union has called a general strike for Thursday to protest against fuel prices.\n",
                   "2024-05-06")
    assert evs == []


# ----------------------------------------------------------------- typing
def test_arrest_a_day_after_a_riot_is_an_arrest() -> None:
    text = ("Police detained the leader of the opposition party in Lusaka on Monday, two days after a march "
            "by his supporters turned violent, a police spokeswoman said.")
    assert sentence_types(text) == ["Arrests"]


def test_stones_and_a_beating_at_a_riot_make_one_violent_demonstration() -> None:
    text = ("Opposition supporters hurled rocks at police and torched cars in Kisumu, and an officer "
            "was beaten to death, police said.")
    assert sentence_types(text) == ["Violent demonstration"]


def test_attack_on_an_army_post_is_a_battle_even_near_a_civilian_word() -> None:
    # "Imam" (a civilian cue) in a place name after the target must not make it Violence against civilians
    text = "Militants attacked an army outpost in the Imam Ali district on Friday, killing four soldiers."
    assert sentence_types(text) == ["Armed clash"]


def test_a_separate_attack_by_a_suicide_bomber_is_one_suicide_bomb() -> None:
    text = ("In another attack on Friday, a suicide bomber detonated his vest outside a police academy "
            "in Quetta, killing five civilians.")
    assert sentence_types(text) == ["Suicide bomb"]


def test_the_attack_in_a_reaction_is_not_a_label() -> None:
    # a definite "the attack" names an event told elsewhere: it does not join the bombing
    text = "The group denied any role in the attack but praised the car bombing in Kirkuk."
    assert "Suicide bomb" not in sentence_types(text)


# ----------------------------------------------------------------- merging
def test_claim_of_responsibility_joins_the_named_event_and_makes_none() -> None:
    text = ("Militants ambushed an army patrol near Tessit on Monday, killing 11 soldiers, the army said.\n"
            "A mortar attack also hit a camp near Gao on Tuesday, wounding two peacekeepers.\n"
            "The Islamic State Sahel Province claimed the Tessit ambush on Wednesday.\n")
    evs = _extract(text, "2024-03-14")
    assert [e.event_date for e in evs] == ["2024-03-11", "2024-03-12"]
    ambush = evs[0]
    assert any("claimed the Tessit ambush" in x.text for x in ambush.evidence)
    assert not any("claimed" in x.text for x in evs[1].evidence)
    assert ambush.fatalities == 11


def test_the_attack_happened_on_gives_the_event_its_date() -> None:
    text = ("Armed men killed at least 20 villagers in an overnight raid on Kipupu in South Kivu, "
            "officials said on Tuesday.\n"
            "The massacre took place on Sunday night, a local chief said.\n")
    evs = _extract(text, "2024-07-10")  # a Wednesday
    assert [(e.sub_event_type, e.event_date, e.fatalities) for e in evs] == [("Attack", "2024-07-07", 20)]
    assert len(evs[0].evidence) == 2


def test_deaths_of_both_sides_told_in_two_sentences_add_up() -> None:
    text = ("Insurgents attacked an army base near Mueda on Monday, killing six soldiers, a military "
            "source said.\n"
            "Four insurgents were killed in the gunfight, the army said.\n")
    evs = _extract(text, "2024-03-13")
    assert [(e.sub_event_type, e.event_date, e.fatalities) for e in evs] == [("Armed clash", "2024-03-11", 10)]


def test_toll_told_in_the_next_sentence_belongs_to_the_event() -> None:
    text = ("Rebels captured the town of Kitchanga on Friday after fierce fighting with the army.\n"
            "At least nine fighters were killed, a hospital source said.\n")
    evs = _extract(text, "2024-03-12")
    assert len(evs) == 1
    assert evs[0].fatalities == 9 and evs[0].event_type == "Battles"


def test_weapons_taken_by_the_attackers_are_part_of_the_attack() -> None:
    text = ("Gunmen raided a police station in Gusau on Monday, killing two officers.\n"
            "The attackers also seized rifles and ammunition before fleeing.\n")
    evs = _extract(text, "2024-03-13")
    assert len(evs) == 1 and len(evs[0].evidence) == 2
    assert evs[0].sub_event_type != "Disrupted weapons use"


def test_a_later_clash_told_in_the_same_breath_keeps_its_own_event_and_takes_the_date() -> None:
    text = ("Gunmen killed 14 farmers in the village of Kwata on Saturday, residents said.\n"
            "Soldiers later exchanged fire with the attackers in the village, the army said.\n")
    evs = _extract(text, "2024-03-13")
    assert [(e.sub_event_type, e.event_date) for e in evs] == [("Armed clash", "2024-03-09"), ("Attack", "2024-03-09")]


# ----------------------------------------------------------------- dates and tolls
def test_overnight_is_the_night_before_the_statement_not_the_publication() -> None:
    text = "The defence ministry said on Sunday its air defences destroyed 30 drones overnight over the Belgorod region."
    dates = find_dates(text, dt.date(2024, 3, 18))  # a Monday
    d = choose(dates, text.index("destroyed"))
    assert d is not None and d.date == dt.date(2024, 3, 17)


def test_a_count_does_not_swallow_the_speaker() -> None:
    c = sentence_fatalities("Gunmen attacked the post, killing eight soldiers, a regional council member said.")
    assert c is not None and c.value == 8


def test_victim_classes_and_combining() -> None:
    assert victim_class("killing six soldiers") == "state"
    assert victim_class("Four insurgents were killed") == "nonstate"
    assert victim_class("killed 12 people") == ""
    assert victim_class("killing 17 soldiers and 36 fighters") == ""
    # different sides add up; the same (or an unknown) side is the same deaths told twice
    assert combine([(6, "", "state"), (4, "army", "nonstate")]) == 10
    assert combine([(6, "", "state"), (7, "", "state")]) == 7
    assert combine([(6, "", "state"), (12, "", "")]) == 12


def test_relative_clause_about_a_group_neither_makes_nor_types_the_event() -> None:
    text = ("The Tigray People's Liberation Front, which has fought the federal army since 2020, "
            "captured the town of Lalibela on Thursday.")
    assert sentence_types(text) == ["Non-state actor overtakes territory"]
    assert sentence_types("The ADF, which has pledged allegiance to the Islamic State group, has killed "
                          "thousands of civilians in eastern Congo over the past decade.") == []
    assert sentence_types("Boko Haram, which has killed thousands since 2009, raided the town of Gwoza "
                          "on Sunday, killing 11 villagers.") == ["Attack"]


def test_vow_to_keep_fighting_is_no_event() -> None:
    assert sentence_types("The army commander vowed on Monday to keep fighting until the rebels were crushed.") == []


def test_habitual_protests_are_not_an_event_even_with_a_span() -> None:
    assert sentence_types("Demonstrators have gathered outside the court every evening for the past two weeks.") == []
    assert sentence_types("Students rallied outside the court on Tuesday evening.") == ["Peaceful protest"]


def test_a_number_of_places_is_not_a_toll() -> None:
    c = sentence_fatalities("Air strikes on three villages near Idlib killed 14 people on Monday, rescuers said.")
    assert c is not None and c.value == 14


def test_retaliation_for_a_killing_is_not_a_second_event_nor_its_toll() -> None:
    text = ("Militants fired mortars at an army camp near Kismayo on Sunday in retaliation for the killing "
            "of two of their commanders, residents said.\n")
    evs = _extract(text, "2024-03-12")
    assert [(e.sub_event_type, e.fatalities) for e in evs] == [("Shelling/artillery/missile attack", 0)]


def test_armed_men_blocking_a_road_stage_no_protest() -> None:
    assert sentence_types("The bandits blocked the highway near Birnin Gwari and robbed the travellers.") != ["Peaceful protest"]
    assert sentence_types("Truck drivers blocked the highway near Birnin Gwari on Monday over fuel prices.") == [
        "Peaceful protest"]


def test_police_dispersing_the_riot_just_told_is_the_same_event() -> None:
    text = ("Opposition supporters hurled stones at police in Karachi on Thursday after their leader was detained.\n"
            "Police fired tear gas and water cannon to disperse the crowd, witnesses said.\n")
    evs = _extract(text, "2024-03-15")
    assert [(e.sub_event_type, e.event_date, len(e.evidence)) for e in evs] == [
        ("Violent demonstration", "2024-03-14", 2)]


def test_withdrawal_before_a_recapture_is_how_the_town_changed_hands() -> None:
    text = ("Government troops recaptured the town of Bulo Burde from al Shabaab on Friday, officials said.\n"
            "The militants withdrew from the town before the soldiers arrived, an elder said.\n")
    evs = _extract(text, "2024-03-17")
    assert [(e.sub_event_type, e.event_date, len(e.evidence)) for e in evs] == [
        ("Government regains territory", "2024-03-15", 2)]


def test_victims_named_after_the_figure_and_both_sides_of_a_riot() -> None:
    assert victim_class("killing eight", " policemen, a council member said") == "state"
    assert victim_class("six protesters were shot dead", " by police in Freetown") == "civilians"
    text = ("At least four demonstrators were shot dead by police in Conakry on Thursday as a protest over "
            "fuel prices turned violent, medics said.\n"
            "One police officer was also killed in the clashes, the government said.\n")
    evs = _extract(text, "2024-03-15")
    assert len(evs) == 1 and evs[0].fatalities == 5


def test_weapons_recovered_by_troops_in_the_operation_just_told_are_part_of_it() -> None:
    text = ("Nigerian troops killed 14 ISWAP fighters in an operation near Marte on Sunday, the army said.\n"
            "The troops also recovered weapons and ammunition from the fighters.\n")
    evs = _extract(text, "2024-03-12")
    assert [(e.sub_event_type, len(e.evidence)) for e in evs] == [("Armed clash", 2)]


def test_how_the_same_group_carried_out_the_attack_just_told_is_part_of_it() -> None:
    text = ("Al Shabaab fighters killed at least 15 people in an attack on the village of Qansaxley on Monday, "
            "elders said.\n"
            "Al Shabaab stormed the village after firing mortars at it, an elder said.\n")
    evs = _extract(text, "2024-03-13")
    assert len(evs) == 1 and len(evs[0].evidence) == 2 and evs[0].fatalities == 15


def test_share_of_territory_held_is_background() -> None:
    assert sentence_types("The gangs, led by a former police officer, have taken control of about 80% of the capital.") == []
    assert sentence_types("The junta has lost control of a third of the country to rebel groups.") == []


@pytest.mark.parametrize("text", [
    "It was not immediately clear who carried out the shooting.",
    "Demonstrations have been banned in the capital since the coup.",
])
def test_unknown_perpetrator_and_bans_are_not_events(text: str) -> None:
    assert sentence_types(text) == []


def test_a_banned_protest_that_was_dispersed_is_an_event() -> None:
    assert sentence_types("Police dispersed a banned protest in Bamako on Monday.") == ["Protest with intervention"]


def test_occupied_as_an_adjective_is_no_capture() -> None:
    assert sentence_types("Soldiers shot dead two men at a checkpoint in the occupied city of Hebron on Friday.") == ["Attack"]
    assert sentence_types("Rebels occupied the town of Walikale on Friday.") == ["Non-state actor overtakes territory"]


def test_a_surge_since_the_start_of_a_war_is_background_even_with_a_date() -> None:
    assert sentence_types("Attacks on settlers have surged since the start of the war on Oct. 7, "
                          "with more than 40 people killed.") == []


def test_toll_listing_two_groups_after_at_least_adds_both() -> None:
    c = sentence_fatalities("At least 31 villagers and nine soldiers were killed in the raid on Sunday.")
    assert c is not None and c.value == 40


def test_date_is_inherited_from_the_nearest_sentence_of_the_event_before() -> None:
    # the claim told later joins the first event; the undated sentence right after the lead still
    # takes the lead's date (not the publication date)
    text = ("Jihadists killed 20 villagers in Dioura on Thursday, officials said.\n"
            "Soldiers later exchanged fire with the attackers near the village, the army said.\n"
            "The Macina Liberation Front claimed the Dioura attack in a statement.\n")
    evs = _extract(text, "2024-03-16")
    assert sorted(e.event_date for e in evs) == ["2024-03-14", "2024-03-14"]


def test_an_earlier_event_told_as_time_since_does_not_type_the_new_one() -> None:
    assert sentence_types("Gunmen killed four farmers on Sunday, a week after clashes erupted in the area.") == ["Attack"]
    # "following" alone names the cause of the deaths: the same event
    assert sentence_types("Six people were killed following an explosion at a bus station in Gombe.") == [
        "Remote explosive/landmine/IED"]


@pytest.mark.parametrize("text", [
    "The opposition leader said the protests would continue on Thursday and Friday.",
    "Rights groups say at least 30 people have been killed by police since the protests began in March.",
    "The junta suspended two radio stations after they reported on accusations of the army killing villagers.",
])
def test_planned_continuations_cumulative_tolls_and_accusations_are_not_events(text: str) -> None:
    assert sentence_types(text) == []


def test_a_later_sentence_naming_the_group_behind_the_event_gives_actor1() -> None:
    text = ("A car bomb exploded at a checkpoint in Mogadishu on Saturday, killing at least 10 people, police said.\n"
            "Al Shabaab said in a statement that its fighters had carried out the bombing.\n")
    evs = _extract(text, "2024-03-03")
    assert len(evs) == 1 and len(evs[0].evidence) == 2
    assert "Shabaab" in evs[0].actor1
