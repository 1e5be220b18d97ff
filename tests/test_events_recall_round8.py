"""Events, recall round 8: classes of missed events and wrong fields found on the blind gold sets
(blind5, blind8), each checked here on new text (other countries, other wording), with controls.

1. a claim of responsibility that is the only place the story tells the event ("X claimed the
   bombing in Y on Thursday that killed 12"): the event, with the claimant as actor1 (a claim of an
   event told before still only names its actor; a bare claim with no day or toll makes none);
2. "Hours later", "minutes later", "shortly afterwards": the day of the event just told;
3. a town the article named, named again after "near", "on the outskirts of" where the model did
   not tag it: that town (not the province);
4. "between the X (ABC) guerrilla group and Y": one side per group (not X and its own acronym);
5. a bare "rebels" / "insurgents" in a story naming one armed movement: that movement
   (not when the story names two, and not "gunmen");
6. a lead without a day whose next sentence tells the day (and a place inside the lead's region):
   one event, on that day;
7. who a statement is told to ("told reporters") is no side of the event; rangers are state forces
   (park rangers are not);
8. Russia's first-level divisions under their conventional short names (Kursk, not Kurskaya oblast').
"""

from __future__ import annotations

import datetime as dt

from eventwire.api import extract


def _events(text: str, published: str):
    return extract(text=text, published=dt.date.fromisoformat(published))


def _brief(evs):
    return [(e.event_date, e.sub_event_type, e.actor1, e.actor2, e.location, e.admin1, e.fatalities) for e in evs]


def _violent(evs):
    return [e for e in evs if e.event_type != "Strategic developments"]


# ------------------------------------------------------------------ 1. claims of responsibility
def test_claim_that_alone_tells_the_bombing_is_the_event_with_the_claimant():
    evs = _events("MOGADISHU, Somalia (AP) -- Al Shabaab claimed the suicide bombing at a tea shop near an army "
                  "base in Afgoye on Wednesday that killed seven soldiers, the group said in a statement on its "
                  "Andalus radio. Residents said the bomber walked into the shop during the morning rush.",
                  "2025-09-04")
    assert len(evs) == 1, _brief(evs)
    e = evs[0]
    assert e.sub_event_type == "Suicide bomb" and e.actor1 == "Al Shabaab", _brief(evs)
    assert e.event_date == "2025-09-03" and e.fatalities == 7, _brief(evs)


def test_claim_of_the_kabul_bombing_names_who_did_it():
    # the known case: the claim is where the story tells the bombing
    evs = _events("KABUL (AFP) -- Islamic State Khorasan claimed the suicide bombing in Kabul on Thursday that "
                  "killed nine worshippers at a mosque in the west of the city, the group's Amaq agency said. "
                  "Taliban officials said the bomber had blown himself up near the entrance.", "2026-02-13")
    assert len(evs) == 1, _brief(evs)
    assert evs[0].actor1.startswith("Islamic State Khorasan") and evs[0].location == "Kabul", _brief(evs)
    assert evs[0].fatalities == 9 and evs[0].event_date == "2026-02-12", _brief(evs)


def test_control_claim_of_a_bombing_told_before_only_names_its_actor():
    evs = _events("BAMAKO (Reuters) -- A roadside bomb struck a Malian army truck near Boni on Monday, killing "
                  "four soldiers, military sources said. JNIM claimed the attack on Tuesday in a message on "
                  "its channel, saying it had killed 20 soldiers.", "2025-10-08")
    assert len(evs) == 1, _brief(evs)
    assert evs[0].actor1.startswith("JNIM") and evs[0].fatalities == 4 and evs[0].event_date == "2025-10-06", _brief(evs)


def test_control_bare_claim_with_no_day_or_toll_makes_no_event():
    evs = _events("DOHA (AP) -- Representatives of the two sides met in Doha on Thursday to discuss a prisoner "
                  "exchange. Islamic State Khorasan has claimed the attacks, which Taliban officials deny took place.",
                  "2026-01-16")
    assert not _violent(evs), _brief(evs)


# ------------------------------------------------------------------ 2. "hours later"
def test_hours_later_is_the_day_of_the_event_just_told():
    evs = _events("ODESA, Ukraine (Reuters) -- A Russian missile struck a grain terminal in the port of "
                  "Izmail on Tuesday, wounding three workers, the regional governor said. He said the strike "
                  "set two silos on fire. \"They aim at our food,\" he said. Hours later, Russian drones hit "
                  "an energy facility in Bilhorod-Dnistrovskyi, cutting power to thousands of homes, the "
                  "governor said.", "2025-08-21")
    days = {e.location[:4]: e.event_date for e in evs}  # (Izmail, Izmayil)
    assert days.get("Izma") == "2025-08-19", _brief(evs)
    assert days.get("Bilh") == "2025-08-19", _brief(evs)


def test_control_two_days_later_counts_on():
    evs = _events("ODESA, Ukraine (Reuters) -- A Russian missile struck a grain terminal in the port of "
                  "Izmail on Tuesday, wounding three workers, the regional governor said. He said the strike "
                  "set two silos on fire. \"They aim at our food,\" he said. Two days later, Russian drones hit "
                  "an energy facility in Bilhorod-Dnistrovskyi, cutting power to thousands of homes, the "
                  "governor said.", "2025-08-22")
    days = {e.location[:4]: e.event_date for e in evs}
    assert days.get("Izma") == "2025-08-19", _brief(evs)
    assert days.get("Bilh") == "2025-08-21", _brief(evs)


# ------------------------------------------------------------------ 3. a town named again
_BEOGA = ("TIMIKA, Indonesia (AP) -- Separatist rebels shot dead five construction workers in Beoga, the main "
          "town of the regency, on Tuesday, police said. The workers were building a bridge. A rebel spokesman "
          "in Jayapura said the group had warned all migrants from Java to leave the highlands.\n"
          "The following day, soldiers and police tracking the gunmen clashed with a group of rebels {where}. "
          "Two rebels were killed, {who} said.")


def test_town_named_again_on_its_outskirts_places_the_second_event_there():
    # (the model tags this name as a place only the first time: the town must not give way to the
    # spokesman's city named in between; Papuan town names were the ones found untagged)
    evs = _events(_BEOGA.format(where="on the outskirts of Beoga", who="the military"), "2025-11-13")
    battles = [e for e in evs if e.sub_event_type == "Armed clash"]
    assert battles and battles[0].location == "Beoga" and battles[0].event_date == "2025-11-12", _brief(evs)


def test_control_town_named_again_as_a_modifier_is_not_a_place_again():
    # "a Beoga police officer" names who spoke, not where the clash was
    evs = _events(_BEOGA.format(where="in the hills", who="a Beoga police officer"), "2025-11-13")
    battles = [e for e in evs if e.sub_event_type == "Armed clash"]
    assert battles and battles[0].location != "Beoga", _brief(evs)


# ------------------------------------------------------------------ 4. between X and Y
def test_between_a_group_with_its_acronym_and_dissidents_two_sides():
    evs = _events("BOGOTA (Reuters) -- Six fighters were killed on Monday in clashes between the National "
                  "Liberation Army (ELN) guerrilla group and dissidents of the former FARC rebels in Argelia, a "
                  "rural municipality of Colombia's south-western Cauca province, the ombudsman's office said.",
                  "2026-03-03")
    assert len(evs) == 1, _brief(evs)
    assert {evs[0].actor1, evs[0].actor2} == {"ELN: National Liberation Army", "FARC Dissidents"}, _brief(evs)


def test_control_between_in_the_other_order_keeps_both_sides():
    evs = _events("BOGOTA (Reuters) -- Six fighters were killed on Monday in clashes between dissidents of the "
                  "former FARC rebels and the National Liberation Army (ELN) in Argelia, a rural municipality of "
                  "Colombia's south-western Cauca province, the ombudsman's office said.", "2026-03-03")
    assert len(evs) == 1, _brief(evs)
    assert (evs[0].actor1, evs[0].actor2) == ("FARC Dissidents", "ELN: National Liberation Army"), _brief(evs)


# ------------------------------------------------------------------ 5. the story's armed movement
_MINDANAO = ("COTABATO, Philippines (AP) -- Fighters of the Bangsamoro Islamic Freedom Fighters ambushed a "
             "marine patrol near the town of Datu Piang on Saturday, killing two marines, the military said. "
             "Late on Saturday, {who} also burned a farm tractor and a truck in neighbouring Shariff Aguak, "
             "police said. No one was hurt.")


def test_bare_rebels_in_a_story_of_one_movement_are_that_movement():
    evs = _events(_MINDANAO.format(who="suspected rebels"), "2025-07-07")
    burned = [e for e in evs if e.sub_event_type == "Looting/property destruction"]
    assert burned and burned[0].actor1 == "BIFF: Bangsamoro Islamic Freedom Fighters", _brief(evs)


def test_control_gunmen_stay_unidentified():
    evs = _events(_MINDANAO.format(who="unidentified gunmen"), "2025-07-07")
    burned = [e for e in evs if e.sub_event_type == "Looting/property destruction"]
    assert burned and burned[0].actor1.startswith("Unidentified Armed Group"), _brief(evs)


def test_control_two_movements_named_leaves_rebels_unidentified():
    text = _MINDANAO.format(who="suspected rebels").replace(
        "the military said.", "the military said. The Dawlah Islamiyah group also operates in the area.")
    evs = _events(text, "2025-07-07")
    burned = [e for e in evs if e.sub_event_type == "Looting/property destruction"]
    assert burned and burned[0].actor1.startswith("Unidentified Armed Group"), _brief(evs)


# ------------------------------------------------------------------ 6. the day in the next sentence
def test_undated_lead_takes_the_day_the_next_sentence_tells():
    evs = _events("YAOUNDE (AFP) -- Three Cameroonian soldiers were killed and four wounded when a roadside "
                  "bomb exploded beside their convoy in the Far North region, a military source said. The "
                  "device, buried under a dirt track near the town of Mora, went off as the convoy passed on "
                  "Thursday afternoon, the source told AFP.", "2026-03-06")
    assert len(evs) == 1 and evs[0].event_date == "2026-03-05", _brief(evs)


def test_undated_lead_and_the_dated_bomb_sentence_in_a_district_of_its_region_are_one_event():
    # (and the reporters the officer spoke to are not the bomb's victims)
    evs = _events("KIRKUK, Iraq (Reuters) -- Two Iraqi soldiers were killed and three wounded when a roadside bomb "
                  "exploded next to their patrol in Kirkuk province, security sources said. The bomb, hidden in a "
                  "sack of rubbish on the side of a road in Hawija district, was detonated by remote control as the "
                  "soldiers passed on Sunday evening, an army officer told reporters.", "2025-12-02")
    bombs = [e for e in evs if e.event_type == "Explosions/Remote violence"]
    assert len(bombs) == 1, _brief(evs)
    assert bombs[0].event_date == "2025-11-30" and bombs[0].fatalities == 2, _brief(evs)
    assert bombs[0].actor2 == "Military Forces of Iraq" and "Hawija" in bombs[0].location, _brief(evs)


def test_control_dated_lead_keeps_a_later_dated_bombing_elsewhere_apart():
    evs = _events("QUETTA, Pakistan (Reuters) -- Two Frontier Corps soldiers were killed when a bomb exploded "
                  "next to their patrol in Balochistan province on Sunday, officials said. On Monday, a bomb "
                  "planted in a drainage pipe in Turbat was detonated as a police van passed, wounding four "
                  "policemen, police said.", "2025-12-02")
    bombs = [e for e in evs if e.event_type == "Explosions/Remote violence"]
    assert len(bombs) == 2, _brief(evs)


# ------------------------------------------------------------------ 7. audience; rangers
def test_rangers_are_state_forces_and_park_rangers_civilians():
    from eventwire.actors.dictionary import lookup

    assert lookup("rangers", "Thailand").name == "Military Forces of Thailand", lookup("rangers", "Thailand")
    assert lookup("paramilitary rangers", "Pakistan").name == "Military Forces of Pakistan"
    assert lookup("park rangers", "Uganda").name == "Civilians (Uganda)", lookup("park rangers", "Uganda")


# ------------------------------------------------------------------ 8. Russia's divisions
def test_russian_region_under_its_short_name():
    evs = _events("MOSCOW (Reuters) -- A Ukrainian drone struck a fuel depot in the town of Rylsk in Russia's "
                  "Kursk region on Tuesday, killing one worker, the regional governor said.", "2025-09-10")
    assert evs and evs[0].admin1 == "Kursk", _brief(evs)


def test_control_ukrainian_region_unchanged():
    evs = _events("KYIV (Reuters) -- A Russian drone struck a fuel depot in the town of Pavlohrad in Ukraine's "
                  "Dnipropetrovsk region on Tuesday, killing one worker, the regional governor said.", "2025-09-10")
    assert evs and evs[0].admin1 == "Dnipropetrovsk", _brief(evs)
