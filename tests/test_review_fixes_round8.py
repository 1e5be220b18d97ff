"""Review fixes (second review) for the round 8/9 events and actors rules, each run end to end
through extract():

1. "launched / fired / sent / flew drones on|into ...": a drone strike only when the drones go at
   a target ("at a base", "on a refinery", "into Israel"), not "on Saturday", "into the sky" or
   "into northern areas to map damage"; drones "sent" or "flown" only when they carry explosives;
2. "two al-Shabaab commanders", "two factions of the Fano militia": not the group on both sides
   when the army acts on it ("commanders" split a group only after rival / feuding / warring);
4. "The Boko Haram insurgency has killed more than 35,000 people": a conflict's running total,
   not the toll of the event told just before;
5. "The death toll from the attack on a mosque in Peshawar has risen to 101, officials said on
   Wednesday": an update with no day of its own is no event (only "Sunday's attack on ..." is).
"""

from __future__ import annotations

import datetime as dt

from eventwire.api import extract

PUB = "2024-03-10"  # a Sunday


def _events(text: str, published: str = PUB):
    return extract(text=text, published=dt.date.fromisoformat(published))


def _brief(evs):
    return [(e.sub_event_type, e.actor1, e.actor2, e.event_date, e.fatalities) for e in evs]


def _subs(text: str) -> list[str]:
    return [e.sub_event_type for e in _events(text)]


# ----------------------------------------------------------------- 1. drones on peaceful errands
def test_police_drones_over_a_march_are_no_strike():
    evs = _events("Police flew drones on Saturday to monitor the march in central Nairobi, where thousands "
                  "of people gathered peacefully.")
    assert "Air/drone strike" not in [e.sub_event_type for e in evs], _brief(evs)
    assert [e.sub_event_type for e in evs] == ["Peaceful protest"], _brief(evs)


def test_aid_group_drones_mapping_damage_are_no_event():
    assert _subs("Aid groups in Gaza sent drones into northern areas on Monday to map damage to roads") == []


def test_drones_launched_on_a_day_or_into_the_sky_are_no_strike():
    assert _subs("The army launched drones on Sunday to search for missing hikers near Gilgit, officials said.") == []
    assert _subs("Rescue teams launched drones into the sky over Derna on Tuesday to look for survivors "
                 "of the flood.") == []
    assert _subs("Engineers flew drones into the damaged tunnel near Salang on Friday to inspect the cracks.") == []


def test_control_drones_at_a_target_are_still_strikes():
    for text in ("The Houthis launched a drone on a Saudi Aramco refinery in Jizan on Sunday, causing a fire, "
                 "the coalition said.",
                 "A Houthi drone strike on a refinery in Jizan on Sunday caused a fire, Saudi officials said.",
                 "Hezbollah fired drones into Israel on Thursday, wounding two soldiers near Metula.",
                 "Russia launched dozens of drones on Kyiv overnight, damaging homes, officials said.",
                 "Militants sent explosive-laden drones into a military base near Kidal on Friday, wounding "
                 "four soldiers."):
        assert "Air/drone strike" in _subs(text), text


# ----------------------------------------------------------------- 2. "two ... commanders / factions"
def test_troops_killing_two_group_commanders_keep_the_army():
    ev = _events("Somali troops killed two al-Shabaab commanders during an operation near Jilib on Saturday.")[0]
    assert (ev.actor1, ev.actor2) == ("Military Forces of Somalia", "Al Shabaab")


def test_clash_killing_two_iswap_commanders_keeps_the_army():
    ev = _events("Nigerian soldiers clashed with ISWAP fighters near Monguno on Friday, killing two ISWAP "
                 "commanders.")[0]
    assert ev.actor1 == "Military Forces of Nigeria"
    assert "ISWAP" in ev.actor2


def test_troops_against_two_factions_of_a_militia_keep_the_army():
    ev = _events("Government troops clashed with two factions of the Fano militia near Bahir Dar on Sunday.")[0]
    assert ev.actor1 != ev.actor2, _brief([ev])
    assert "Military Forces of Ethiopia" in (ev.actor1, ev.actor2)
    ev = _events("Police in Bamenda fought two Ambazonia Defence Forces factions near Bali on Monday, "
                 "leaving three separatists dead.")[0]
    assert ev.actor1 != ev.actor2, _brief([ev])


def test_control_rival_factions_of_a_group_clashed():
    ev = _events("Rival factions of al-Shabaab clashed near Jilib on Sunday, killing six fighters, the army said.")[0]
    assert ev.actor1 == ev.actor2 == "Al Shabaab"
    ev = _events("Feuding ISWAP commanders and their men fought on an island in Lake Chad on Friday, "
                 "leaving eleven fighters dead.")[0]
    assert ev.actor1 == ev.actor2 and "ISWAP" in ev.actor1


# ----------------------------------------------------------------- 4. a conflict's running total
def test_insurgency_total_is_not_the_events_toll():
    evs = _events("Gunmen ambushed a convoy near Maiduguri on Monday, wounding two soldiers. The Boko Haram "
                  "insurgency has killed more than 35,000 people.")
    assert len(evs) == 1 and evs[0].fatalities == 0, _brief(evs)


def test_group_total_in_the_thousands_is_not_the_events_toll():
    evs = _events("Al-Shabaab fighters attacked a police station in Afgoye on Friday, wounding four officers. "
                  "Al-Shabaab has killed more than 4,000 civilians, according to a UN count.")
    assert len(evs) == 1 and evs[0].fatalities == 0, _brief(evs)
    evs = _events("Gunmen stormed a village near Beni on Thursday, wounding three farmers. The conflict has "
                  "now left 2,300 people dead in the province, a rights group said.")
    assert evs and evs[0].fatalities == 0, _brief(evs)


def test_control_outcome_sentences_still_count():
    evs = _events("Gunmen attacked a police post in Zamfara on Monday. Six officers died.")
    assert len(evs) == 1 and evs[0].fatalities == 6, _brief(evs)
    evs = _events("Gunmen stormed a village near Bunia on Monday. The attack has killed 12 people, officials said.")
    assert len(evs) == 1 and evs[0].fatalities == 12, _brief(evs)


# ----------------------------------------------------------------- 5. toll updates with no day of their own
def test_toll_update_on_the_report_day_is_no_event():
    assert _subs("The death toll from the attack on a mosque in Peshawar has risen to 101, officials said "
                 "on Wednesday.") == []
    assert _subs("The death toll from the attack in Kabul has risen to 40, the health ministry said on "
                 "Tuesday, a week after gunmen stormed a hospital.") == []
    assert _subs("The death toll from the attack at a market in Bunia has climbed to 23, the "
                 "governor's office said on Thursday.") == []


def test_control_toll_update_with_the_attacks_own_day_is_that_event():
    evs = _events("The toll from Sunday's attack on a mosque in Djibo has climbed to 50, officials said on "
                  "Wednesday.", published="2024-03-13")
    assert len(evs) == 1, _brief(evs)
    assert evs[0].event_date == "2024-03-10" and evs[0].fatalities == 50


# ----------------------------------------------------------------- some victims of the toll, not the toll
def test_victims_among_the_dead_are_not_the_events_toll():
    evs = _events("Gunmen stormed a hotel in Kabul on Saturday, killing 18 people, officials said. "
                  "Two Indian nationals were among the dead.")
    assert [e.fatalities for e in evs] == [18], _brief(evs)
    evs = _events("A suicide bomber struck a mosque in Peshawar on Friday, killing 12 worshippers. "
                  "Three children were among those killed, a doctor said.")
    assert [e.fatalities for e in evs] == [12], _brief(evs)


def test_an_outcome_sentence_still_gives_the_toll():
    # control: the count of the victims told in the next sentence is the event's toll
    evs = _events("Gunmen stormed a bus in Khuzdar on Monday, police said. Four passengers, including two "
                  "women, were killed.")
    assert [e.fatalities for e in evs] == [4], _brief(evs)


def test_a_toll_update_dated_by_its_own_date_is_the_report_of_that_attack():
    # "the 3 March bombing of a market in Mogadishu": the attack's own date, like "Saturday's attack"
    evs = _events("The death toll from the 3 March bombing of a market in Mogadishu has risen to 14, hospital "
                  "officials said on Friday.", published="2025-03-07")
    assert [(e.event_date, e.fatalities) for e in evs] == [("2025-03-03", 14)], _brief(evs)
    evs = _events("The death toll from Russia's Feb. 18 attack on Kharkiv has risen to seven after two men died "
                  "in hospital overnight, the regional governor said on Feb. 20.", published="2025-02-20")
    assert [(e.event_date, e.fatalities) for e in evs][:1] == [("2025-02-18", 7)], _brief(evs)


def test_a_seizure_after_a_withdrawal_stays_a_takeover():
    # ACLED: a group that captures / overruns / takes over a place is coded as taking it; moving in after
    # the army left is a non-violent transfer, and so is a capture told "without a fight"
    for text in ("ADF fighters captured the town of Eringeti on Monday after Congolese troops withdrew.",
                 "Fano militiamen took over the town of Lalibela on Sunday after federal forces pulled out."):
        assert _subs(text) == ["Non-state actor overtakes territory"], text
    assert _subs("Rebels entered the town of Lalibela on Sunday, hours after federal troops withdrew.") == [
        "Non-violent transfer of territory"]
    assert _subs("ADF fighters captured Eringeti without a fight on Monday.") == ["Non-violent transfer of territory"]


def test_teargassed_protesters_are_a_protest_with_intervention():
    for text in ("Police teargassed hundreds of nurses protesting unpaid wages in Nakuru on Monday.",
                 "Nurses protesting unpaid wages were tear-gassed in Nakuru on Monday."):
        assert _subs(text) == ["Protest with intervention"], text


def test_mourners_carrying_bodies_have_no_toll_of_their_own():
    # found after the held-out blind6 run (its own sentence differs): a crowd carrying the victims' bodies
    evs = _events("On Thursday, hundreds of mourners carrying the bodies of their relatives blocked the Kaduna-Zaria road "
                  "near Zaria, burning tyres, before police dispersed them with tear gas.", published="2025-06-13")
    assert evs and all(e.fatalities == 0 for e in evs), _brief(evs)


def test_a_toll_update_of_a_night_attack_dated_by_its_own_day():
    evs = _events("The death toll from Sunday night's attack by gunmen on Kurmin Masara village in Kaduna State has "
                  "risen to 14, residents said on Tuesday.", published="2025-06-10")
    assert [(e.event_date, e.fatalities) for e in evs] == [("2025-06-08", 14)], _brief(evs)
