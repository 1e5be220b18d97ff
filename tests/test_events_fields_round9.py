"""Fields, round 9: classes of wrong FIELDS on matched events (actors, type, fatalities), each checked
on new text (varied countries), each with controls that must not change.

1. a bomb squad that defuses a device is the Disrupted weapons use's actor1 ("police bomb-disposal
   experts" are no police bomb), also as the agent of a passive ("was defused by soldiers");
2. in the Philippines, militants described as pro-IS / IS-linked are the Dawlah Islamiyah factions
   (a name of their own, no longer an alias of Islamic State (Philippines));
3. the dead of both sides listed before a fight keep their order when the second is "suspected";
4. workers or miners who clash with the police riot (Violent demonstration), they fight no battle;
5. armed men who "entered" a village to kill or carry off its people raided it (Attack /
   Abduction), they took no territory;
6. explosives dropped from drones are an Air/drone strike, whoever flies them;
7. a rubber bullet's unnamed shooter is the police, and the shot is part of the riot just told;
8. people arrested with no group of theirs named are civilians;
9. a crowd takes the country where it gathers (not its people's nationality, nor a country its
   grievance names) and a country word inside a place's own name ("Spanish Town") is no country;
10. protesters "demanding the release of X" who then throw stones riot;
11. two crowds fighting each other with machetes or stones are Mob violence, rioters on both sides;
12. "<Country> strikes overnight killed ..." is an air strike;
13. "two soldiers and at least five attackers were killed": both figures count.
"""

from __future__ import annotations

import datetime as dt

from eventwire.api import extract


def _events(text: str, published: str = "2025-10-16"):
    return extract(text=text, published=dt.date.fromisoformat(published))


def _brief(evs):
    return [(e.event_date, e.sub_event_type, e.actor1, e.actor2, e.location, e.fatalities) for e in evs]


def _one(evs, sub: str):
    found = [e for e in evs if e.sub_event_type == sub]
    assert found, _brief(evs)
    return found[0]


# ------------------------------------------------------------------ 1. the bomb squad stops the bomb
def test_bomb_disposal_experts_are_the_actor_that_stopped_the_device():
    evs = _events("GARISSA, Kenya -- Police bomb-disposal experts defused an improvised explosive device "
                  "found near a bus stop in Garissa town on Tuesday, the county police commander said.")
    e = _one(evs, "Disrupted weapons use")
    assert e.actor1 == "Police Forces of Kenya", _brief(evs)
    assert not e.actor2, _brief(evs)


def test_agent_of_a_passive_defusal_is_actor1():
    evs = _events("A roadside bomb left on the highway near Ansongo, Mali, was defused by soldiers on Tuesday, "
                  "the army said.")
    e = _one(evs, "Disrupted weapons use")
    assert e.actor1 == "Military Forces of Mali", _brief(evs)
    assert not e.actor2, _brief(evs)


def test_control_named_planter_stays_actor2():
    evs = _events("Troops in northern Mali on Monday defused a roadside bomb planted by JNIM on the road "
                  "between Gao and Ansongo, the army said.")
    e = _one(evs, "Disrupted weapons use")
    assert e.actor1 == "Military Forces of Mali", _brief(evs)
    assert e.actor2.startswith("JNIM"), _brief(evs)


# ------------------------------------------------------------------ 2. Dawlah Islamiyah
def test_pro_is_militants_in_mindanao_are_dawlah_islamiyah():
    evs = _events("Soldiers clashed with a band of pro-Islamic State gunmen near the town of Shariff Saydona "
                  "Mustapha in Maguindanao del Sur on Tuesday, the Philippine army said.")
    e = _one(evs, "Armed clash")
    assert "Dawlah Islamiyah" in (e.actor1, e.actor2), _brief(evs)


def test_dawlah_islamiyah_named_keeps_its_name():
    evs = _events("Two Dawlah Islamiyah fighters were killed when Philippine marines raided their hideout in "
                  "Piagapo, Lanao del Sur, on Monday, the military said.")
    assert any("Dawlah Islamiyah" in (e.actor1, e.actor2) for e in evs), _brief(evs)
    assert not any("Islamic State (Philippines)" in (e.actor1, e.actor2) for e in evs), _brief(evs)


def test_control_is_linked_militants_elsewhere_keep_the_branch():
    evs = _events("Islamic State-linked militants attacked a village near Mocimboa da Praia in Mozambique's "
                  "Cabo Delgado province on Sunday, killing five civilians, residents said.")
    assert any(e.actor1 == "Islamic State Mozambique Province" for e in evs), _brief(evs)


# ------------------------------------------------------------------ 3. the dead of both sides
def test_suspected_second_side_of_the_dead_keeps_the_order():
    evs = _events("Four Philippine marines and six suspected Abu Sayyaf militants were killed in a firefight "
                  "in the hinterlands of Sumisip on Basilan island on Friday, the military said.")
    e = _one(evs, "Armed clash")
    assert (e.actor1, e.actor2) == ("Military Forces of the Philippines", "Abu Sayyaf Group"), _brief(evs)


# ------------------------------------------------------------------ 4. workers riot
def test_workers_who_clash_with_police_riot():
    evs = _events("Hundreds of tea plantation workers demanding three months of back pay clashed with police "
                  "outside Sylhet, Bangladesh, on Monday, officials said.")
    assert any(e.sub_event_type == "Violent demonstration" for e in evs), _brief(evs)
    assert not any(e.sub_event_type == "Armed clash" for e in evs), _brief(evs)


def test_striking_miners_who_clash_with_police_riot():
    evs = _events("Striking tin miners clashed with police in Oruro, Bolivia, on Wednesday, a union leader said.")
    e = _one(evs, "Violent demonstration")
    assert e.actor1 == "Rioters (Bolivia)", _brief(evs)


def test_control_gunmen_who_clash_with_police_fight_a_battle():
    evs = _events("Gunmen clashed with police in Oruro, Bolivia, on Wednesday, a police spokesman said.")
    assert any(e.sub_event_type == "Armed clash" for e in evs), _brief(evs)


# ------------------------------------------------------------------ 5. a raid is no takeover
def test_raiders_who_entered_to_kill_attacked_civilians():
    evs = _events("Jihadists entered Nangade village in northern Mozambique on Thursday, hacking three "
                  "farmers to death and burning dozens of huts, a local official said.")
    assert not any("territory" in e.sub_event_type for e in evs), _brief(evs)
    assert any(e.sub_event_type == "Attack" for e in evs), _brief(evs)


def test_raiders_who_entered_to_carry_off_people_abducted_them():
    evs = _events("On Saturday, gunmen entered Kagoro in Nigeria's Kaduna state and took away a pastor and "
                  "his two sons, residents said.")
    assert not any("territory" in e.sub_event_type for e in evs), _brief(evs)
    assert any(e.sub_event_type == "Abduction/forced disappearance" for e in evs), _brief(evs)


def test_control_entering_after_withdrawal_and_capture_stay_territorial():
    evs = _events("M23 rebels entered the town of Kalehe in South Kivu on Friday after government troops "
                  "withdrew, residents said.")
    assert any("territory" in e.sub_event_type for e in evs), _brief(evs)
    evs = _events("RSF fighters captured the town of Bara in North Kordofan, Sudan, on Sunday, killing "
                  "four civilians, residents said.")
    assert any(e.sub_event_type == "Non-state actor overtakes territory" for e in evs), _brief(evs)


# ------------------------------------------------------------------ 6. drones drop explosives
def test_explosives_dropped_from_drones_are_an_air_strike():
    evs = _events("ELN guerrillas dropped explosives from drones on a police station in Tame, in Colombia's "
                  "Arauca department, on Sunday, wounding three officers, police said.")
    e = _one(evs, "Air/drone strike")
    assert e.actor1 == "ELN: National Liberation Army", _brief(evs)
    assert e.actor2 == "Police Forces of Colombia", _brief(evs)


def test_control_leaflets_dropped_from_drones_are_no_strike():
    evs = _events("Cartel members dropped leaflets from drones over Culiacan, Mexico, on Sunday, police said.")
    assert not any(e.sub_event_type == "Air/drone strike" for e in evs), _brief(evs)


# ------------------------------------------------------------------ 7. rubber bullets
def test_rubber_bullet_shooter_is_the_police_and_part_of_the_riot():
    text = ("Textile workers protesting against factory closures blocked the main highway in Gazipur, "
            "Bangladesh, on Monday and threw bricks at police. Police fired tear gas and sound grenades to "
            "clear the road, and the workers fought back with sticks. The police chief said 11 officers were "
            "hurt and a police car was burned. A worker, Jamal Hossain, 31, died in hospital that evening. "
            "Union leaders said he had been hit in the head by a rubber bullet fired at close range.")
    evs = _events(text, "2025-10-14")
    assert not any(e.sub_event_type == "Attack" for e in evs), _brief(evs)
    assert any(e.sub_event_type == "Violent demonstration" for e in evs), _brief(evs)


# ------------------------------------------------------------------ 8. the arrested are civilians
def test_people_arrested_without_a_group_are_civilians():
    evs = _events("Early on Friday, police arrested seven union organisers at their homes in Mirpur, a district "
                  "of Dhaka, Bangladesh, on charges of arson, police said.")
    e = _one(evs, "Arrests")
    assert e.actor2 == "Civilians (Bangladesh)", _brief(evs)


def test_control_arrested_fighters_keep_their_group():
    evs = _events("Soldiers arrested 12 suspected Boko Haram fighters in Konduga, Borno state, Nigeria, on "
                  "Monday, the army said.")
    e = _one(evs, "Arrests")
    assert e.actor2.startswith("Boko Haram"), _brief(evs)


# ------------------------------------------------------------------ 9. a crowd's country
def test_refugees_protest_as_protesters_of_the_country_they_are_in():
    evs = _events("Several hundred Sudanese refugees protested outside the UN refugee agency office in Cairo, "
                  "Egypt, on Sunday against cuts in food aid.")
    e = _one(evs, "Peaceful protest")
    assert e.actor1 == "Protesters (Egypt)", _brief(evs)


def test_country_of_the_grievance_is_not_the_crowds():
    evs = _events("Thousands of people marched in Karachi on Friday to denounce attacks on Muslims in India.")
    e = _one(evs, "Peaceful protest")
    assert e.actor1 == "Protesters (Pakistan)", _brief(evs)


def test_control_country_named_as_where_the_rally_is():
    evs = _events("Opposition supporters rallied against the government in Togo on Saturday.")
    e = _one(evs, "Peaceful protest")
    assert e.actor1 == "Protesters (Togo)", _brief(evs)


def test_country_word_inside_a_place_name_is_no_country():
    evs = _events("Gunmen shot dead three men at a bar in Spanish Town, Jamaica, on Saturday night, police said.")
    e = _one(evs, "Attack")
    assert e.actor1 == "Unidentified Armed Group (Jamaica)", _brief(evs)
    assert e.actor2 == "Civilians (Jamaica)", _brief(evs)


def test_control_mexico_city_is_in_mexico():
    evs = _events("Gunmen killed two police officers in Mexico City on Sunday, prosecutors said.")
    assert any("Mexico" in e.actor1 for e in evs), _brief(evs)


# ------------------------------------------------------------------ 10. a demand, then stones
def test_protesters_demanding_a_release_who_throw_stones_riot():
    evs = _events("Protesters demanding the release of a jailed opposition leader threw stones at police and "
                  "burned tyres in Abidjan, Ivory Coast, on Tuesday.")
    assert any(e.sub_event_type == "Violent demonstration" for e in evs), _brief(evs)
    assert not any(e.sub_event_type == "Peaceful protest" for e in evs), _brief(evs)


def test_control_a_release_demanded_by_a_peaceful_march():
    evs = _events("Hundreds of students demanding the release of their classmates marched through Lome, Togo, "
                  "on Tuesday.")
    assert any(e.sub_event_type == "Peaceful protest" for e in evs), _brief(evs)


# ------------------------------------------------------------------ 11. crowds fighting each other
def test_party_supporters_fighting_each_other_with_machetes_are_mob_violence():
    evs = _events("Supporters of two rival parties fought each other with machetes and clubs in Mongu, "
                  "Zambia, on Sunday, leaving one man dead, police said.")
    e = _one(evs, "Mob violence")
    assert (e.actor1, e.actor2) == ("Rioters (Zambia)", "Rioters (Zambia)"), _brief(evs)


def test_communities_stoning_each_other_are_mob_violence():
    evs = _events("Youths from two neighbouring villages hurled stones at each other near Sokode, Togo, on "
                  "Monday after a land dispute, police said.")
    e = _one(evs, "Mob violence")
    assert e.actor2 == "Rioters (Togo)", _brief(evs)


def test_control_armed_groups_fighting_each_other_still_clash():
    evs = _events("Al-Shabaab and Islamic State fighters fought each other near Qandala in Somalia's Puntland "
                  "region on Monday, elders said.")
    assert any(e.sub_event_type == "Armed clash" for e in evs), _brief(evs)


# ------------------------------------------------------------------ 12. strikes overnight
def test_country_strikes_overnight_are_an_air_strike():
    evs = _events("Russian strikes overnight killed four people in Zaporizhzhia, the regional governor said "
                  "on Thursday.")
    assert any(e.sub_event_type == "Air/drone strike" for e in evs), _brief(evs)
    assert not any(e.sub_event_type == "Attack" for e in evs), _brief(evs)


# ------------------------------------------------------------------ 13. both sides' dead
def test_both_sides_dead_with_at_least_are_summed():
    evs = _events("Gunmen attacked a police station in Bannu, Pakistan, on Monday, sparking a gunfight in which "
                  "three policemen and at least four attackers were killed, officials said.")
    assert max(e.fatalities for e in evs) == 7, _brief(evs)


def test_leaving_one_and_n_dead_are_summed():
    evs = _events("Troops clashed with NPA guerrillas in the mountains of Catubig, Northern Samar, on Sunday, "
                  "leaving one soldier and two rebels dead, the Philippine army said.")
    assert max(e.fatalities for e in evs) == 3, _brief(evs)


def test_control_a_figure_after_another_clause_is_not_chained():
    evs = _events("The governor called the attack cowardly, and at least four people were killed when gunmen "
                  "opened fire on a market in Zurmi, Zamfara state, Nigeria, on Monday.")
    assert max(e.fatalities for e in evs) == 4, _brief(evs)


def test_one_fighter_also_killed_adds_to_the_other_sides_dead():
    evs = _events("Maoist rebels ambushed a police patrol in a forest of Bijapur district, Chhattisgarh, on "
                  "Friday, killing two policemen, officials said. A rebel was also killed in the exchange of "
                  "fire, a police officer said.")
    e = _one(evs, "Armed clash")
    assert e.fatalities == 3, _brief(evs)


def test_control_one_fighter_arrested_adds_nothing():
    evs = _events("Maoist rebels ambushed a police patrol in a forest of Bijapur district, Chhattisgarh, on "
                  "Friday, killing two policemen, officials said. A rebel was arrested later in the day, "
                  "a police officer said.")
    assert max(e.fatalities for e in evs) == 2, _brief(evs)


# ------------------------------------------------------------------ 14. the attack and the fight it sparked
def test_attack_sparking_a_firefight_is_one_battle_on_the_attacks_day():
    evs = _events("Al-Shabaab fighters attacked a Somali army base in Bariire, in the Lower Shabelle region, on "
                  "Saturday, sparking a firefight in which four soldiers and nine militants were killed, the "
                  "government said on Monday.", "2025-10-14")
    clashes = [e for e in evs if e.sub_event_type == "Armed clash"]
    assert len(clashes) == 1, _brief(evs)
    assert clashes[0].event_date == "2025-10-11" and clashes[0].fatalities == 13, _brief(evs)


def test_control_attack_triggering_air_strikes_stays_two_events():
    evs = _events("Islamic State militants attacked SDF fighters near Deir ez-Zor on Monday, triggering air "
                  "strikes by the US-led coalition.")
    assert {e.sub_event_type for e in evs} >= {"Armed clash", "Air/drone strike"}, _brief(evs)
