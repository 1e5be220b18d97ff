"""Cross-outlet consistency (xout2): outlets telling one event must read it alike, and a report telling
two events must give two, or the store cannot merge each with its other reports.

1. "intercepted two farmers ... and beheaded them", "intercepted a bus carrying traders": people (or the
   vehicle they ride) stopped by attackers are the victims of an attack, not weapons use that was disrupted
   (controls: drones intercepted by air defences, a truck of explosives intercepted by soldiers);
2. party supporters enforcing a "shutdown"/"blockade programme"/hartal who burn vehicles and attack the
   police with brickbats riot (ACLED: Violent demonstration), whether the outlet calls them activists,
   cadres or supporters -- not an armed clash, not a peaceful protest (controls: militants with rifles
   still clash; police enforcing a curfew still attack residents);
3. a country named only as where someone went ("the former minister, who fled to India") does not vouch
   for a small namesake of a city district there (control: a story placed in that country keeps it);
4. two cities of their own, under 50 km apart, each with its own fighting ("In Basra, ... In Zubair, ...")
   are two events, not one placed at either (control: one city told twice stays one);
5. "Across the city, traders staged a sit-in" after a march: a second protest, not the march's crowd
   (control: the march's crowd described again stays one protest).
"""

from __future__ import annotations

import datetime as dt

from eventwire.api import extract


def _events(text: str, published: str = "2025-06-10"):
    return extract(text=text, published=dt.date.fromisoformat(published))


def _brief(evs):
    return [(e.event_date, e.sub_event_type, e.actor1, e.actor2, e.location, e.country, e.fatalities) for e in evs]


def _subs(evs):
    return {e.sub_event_type for e in evs}


# ------------------------------------------------------------------ 1. intercepted people
def test_people_intercepted_and_beheaded_are_an_attack():
    evs = _events("Armed men intercepted two farmers on a track outside Mueda in Cabo Delgado on Sunday and "
                  "beheaded them, residents said.")
    assert "Disrupted weapons use" not in _subs(evs), _brief(evs)
    assert "Attack" in _subs(evs), _brief(evs)


def test_bus_of_traders_intercepted_and_passengers_shot_is_an_attack():
    evs = _events("Bandits intercepted a bus carrying traders near Gusau in Zamfara state on Monday and shot dead "
                  "four passengers, police said.")
    assert "Disrupted weapons use" not in _subs(evs), _brief(evs)
    assert "Attack" in _subs(evs), _brief(evs)


def test_control_drones_intercepted_stay_disrupted_weapons_use():
    evs = _events("Air defences intercepted three drones over Kharkiv on Sunday night, the regional governor said.")
    assert _subs(evs) == {"Disrupted weapons use"}, _brief(evs)


def test_control_truck_of_explosives_intercepted_stays_disrupted_weapons_use():
    evs = _events("Soldiers intercepted a truck carrying explosives near Mopti on Sunday, the army said.")
    assert _subs(evs) == {"Disrupted weapons use"}, _brief(evs)


# ------------------------------------------------------------------ 2. party programmes that turn violent
def test_cadres_with_brickbats_during_a_shutdown_riot():
    evs = _events("Cadres of the outlawed party vandalised shops and attacked on-duty policemen with brickbats in "
                  "Sylhet on Sunday in the name of a shutdown, police said.", published="2025-03-04")
    assert _subs(evs) == {"Violent demonstration"}, _brief(evs)


def test_arson_during_a_blockade_programme_is_a_riot_not_a_peaceful_protest():
    evs = _events("Supporters of the opposition carried out arson in Khulna on Sunday during a \"road blockade\" "
                  "programme, setting fire to two trucks and a microbus, police said.", published="2025-03-04")
    assert _subs(evs) == {"Violent demonstration"}, _brief(evs)


def test_control_militants_with_rifles_still_clash():
    evs = _events("Militants set fire to three buses and attacked a police post with rifles and grenades near Wana "
                  "in South Waziristan on Tuesday, killing two policemen, officials said.")
    assert "Armed clash" in _subs(evs) and "Violent demonstration" not in _subs(evs), _brief(evs)


def test_control_police_enforcing_a_curfew_still_attack_residents():
    evs = _events("Police enforcing the curfew beat residents with batons in Khulna on Sunday, witnesses said.",
                  published="2025-03-04")
    assert "Violent demonstration" not in _subs(evs), _brief(evs)


# ------------------------------------------------------------------ 3. a destination country does not vouch
def test_city_district_is_not_a_namesake_in_a_country_named_only_as_a_refuge():
    evs = _events("DHAKA, March 3 - Several hundred university students marched from Rampura to the National Press "
                  "Club on Sunday demanding safer roads, organisers said. The former minister, who fled to India "
                  "last year, has not commented.", published="2025-03-04")
    assert evs and all(e.country == "Bangladesh" for e in evs), _brief(evs)


def test_control_a_story_placed_in_that_country_keeps_its_town():
    evs = _events("JAIPUR, March 3 - Farmers blocked a highway near Rampura in India's Rajasthan state on Sunday "
                  "demanding crop insurance payments, police said.", published="2025-03-04")
    assert evs and all(e.country == "India" for e in evs), _brief(evs)


# ------------------------------------------------------------------ 4. two cities, two fights
def test_two_cities_with_their_own_fighting_are_two_events():
    evs = _events("Fighting between rival militias killed four people in southern Iraq on Friday, police said. In "
                  "Basra, gunmen from two armed factions fought with machine guns for hours near the old market. In "
                  "Zubair, about 20 km to the southwest, fighters of two other militias fought a gun battle near a "
                  "petrol station, a police source said.", published="2025-06-14")
    places = {e.location for e in evs if e.sub_event_type == "Armed clash"}
    assert len(places) == 2, _brief(evs)


def test_control_one_city_told_twice_stays_one_event():
    evs = _events("Fighting between rival militias killed four people in Basra on Friday, police said. In Basra, "
                  "gunmen from two armed factions fought with machine guns for hours near the old market, a police "
                  "source said.", published="2025-06-14")
    clashes = [e for e in evs if e.sub_event_type == "Armed clash"]
    assert len(clashes) == 1, _brief(evs)


# ------------------------------------------------------------------ 5. "across the city"
def test_a_second_protest_across_the_city_is_its_own_event():
    evs = _events("NAIROBI, June 9 - Thousands of teachers marched through central Nairobi on Monday demanding "
                  "higher pay, union officials said. Across the city, traders in Gikomba market staged a sit-in "
                  "against new levies.")
    protests = [e for e in evs if e.event_type == "Protests"]
    assert len(protests) == 2, _brief(evs)


def test_control_the_marchers_described_again_stay_one_protest():
    evs = _events("NAIROBI, June 9 - Thousands of teachers marched through central Nairobi on Monday demanding "
                  "higher pay, union officials said. The marchers sang and waved placards outside parliament.")
    protests = [e for e in evs if e.event_type == "Protests"]
    assert len(protests) == 1, _brief(evs)
