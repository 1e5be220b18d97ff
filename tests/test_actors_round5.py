"""Round 5 of actor naming and roles: error classes found on the blind gold sets, each checked
on new text (other countries, groups and sentence shapes than the articles they came from).
Text written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.models import Document
from eventwire.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipe(settings):
    return Pipeline(settings)


def _events(pipe, text: str, published: dt.date = dt.date(2025, 6, 12)):
    return pipe(Document(id="t", text=text, published=published)).events


def _one(pipe, text: str, sub: str, published: dt.date = dt.date(2025, 6, 12)):
    evs = [e for e in _events(pipe, text, published) if e.sub_event_type == sub]
    assert len(evs) == 1, [(e.sub_event_type, e.actor1, e.actor2) for e in _events(pipe, text, published)]
    return evs[0]


# ------------------------------------------------ who did it, named by someone else (blame, identification)
@pytest.mark.parametrize("text,sub,group", [
    # a participle after the speaker: "..., the provincial government said, blaming X"
    ("Gunmen opened fire on a police patrol in the town of Pishin on Saturday, killing two officers, the "
     "provincial government said, blaming the Balochistan Liberation Army.", "Armed clash", "BLA"),
    # "believed to be members of X" in the next sentence
    ("Armed men raided the village of Mbau in North Kivu on Friday night, killing nine civilians, local "
     "officials said. The army said the attackers were believed to be members of the Allied Democratic Forces.",
     "Attack", "ADF"),
    # "had been carried out by members of X" a sentence later
    ("A bomb exploded at a bus stop in Turbat on Wednesday, killing four passengers. Investigators said the "
     "blast had been carried out by members of the Balochistan Liberation Army (BLA), a separatist group.",
     "Remote explosive/landmine/IED", "BLA"),
])
def test_a_group_blamed_or_identified_is_actor1(pipe, text, sub, group):
    e = _one(pipe, text, sub)
    assert e.actor1.startswith(group), (e.actor1, e.actor2)


def test_the_claimant_is_the_group_an_apposition_describes_not_its_parent(pipe):
    e = _one(pipe, "Gunmen stormed a military post near Diffa in Niger on Sunday, killing six soldiers. The Islamic "
                   "State West Africa Province (ISWAP), an offshoot of Boko Haram, claimed the attack.", "Armed clash")
    assert "ISWAP" in e.actor1 or "West Africa" in e.actor1, e.actor1
    assert "Boko Haram" not in e.actor1


def test_an_unnamed_attacker_stays_unidentified_without_blame(pipe):
    e = _one(pipe, "Gunmen opened fire on a police patrol in the town of Pishin on Saturday, killing two officers. "
                   "The Balochistan Liberation Army has staged several attacks in the province this year.",
             "Armed clash")
    assert e.actor1.startswith("Unidentified Armed Group"), e.actor1


# ------------------------------------------------ the dead of both sides, listed before the fight
@pytest.mark.parametrize("text,first,second", [
    ("Four policemen and two members of the Karen National Union (KNU) were killed in a gunfight near "
     "Myawaddy in Myanmar's Kayin State on Monday, local media reported.", "Police Forces of Myanmar", "KNU"),
    ("Three soldiers and five al-Shabaab fighters died in heavy fighting near the town of Beledweyne in "
     "central Somalia on Tuesday, the army said.", "Military Forces of Somalia", "Al Shabaab"),
])
def test_the_dead_of_both_sides_are_the_two_sides(pipe, text, first, second):
    e = _one(pipe, text, "Armed clash")
    assert e.actor1.startswith(first) and e.actor2.startswith(second), (e.actor1, e.actor2)


def test_allies_killed_together_are_one_side(pipe):
    # soldiers and their auxiliaries died together: the jihadists are the other side, not the VDP
    e = _one(pipe, "Two soldiers and three VDP volunteers were killed in a clash with jihadists near Fada "
                   "N'Gourma in eastern Burkina Faso on Saturday, security sources said.", "Armed clash")
    assert "VDP" not in e.actor1 and "VDP" not in e.actor2, (e.actor1, e.actor2)
    assert e.actor2.startswith("Military Forces of Burkina Faso"), e.actor2


def test_state_forces_lead_the_allied_dead(pipe):
    e = _one(pipe, "Seven soldiers and pro-government militiamen were killed when jihadists ambushed a convoy "
                   "near Tillaberi in western Niger on Thursday, a security source said.", "Armed clash")
    assert e.actor2.startswith("Military Forces of Niger"), e.actor2
    assert "Pro-Government Militia" in e.assoc_actor_2, e.assoc_actor_2


# ------------------------------------------------ unnamed attackers and the force they hit
@pytest.mark.parametrize("text,force", [
    ("Militants stormed a police checkpoint outside Bannu on Sunday night, killing three constables before two "
     "of the assailants were shot dead, officials said.", "Police Forces of Pakistan"),
    ("Gunmen attacked an army outpost near Pulka in Nigeria's Borno state on Tuesday, killing four soldiers "
     "before two of the attackers were shot dead, a military source said.", "Military Forces of Nigeria"),
])
def test_the_attackers_shot_dead_are_not_both_sides(pipe, text, force):
    e = _one(pipe, text, "Armed clash")
    assert e.actor1.startswith("Unidentified Armed Group"), e.actor1
    assert e.actor2.startswith(force), e.actor2


# ------------------------------------------------ identity militias: "armed <community> <people>"
@pytest.mark.parametrize("text,militia", [
    ("Armed Misseriya herders clashed with Ngok Dinka villagers near Abyei town on Wednesday, leaving five "
     "people dead, the local administrator said.", "Misseriya Ethnic Militia"),
    ("Armed Toposa cattle keepers raided a village near Kapoeta on Sunday, killing six people, officials said.",
     "Toposa Ethnic Militia"),
])
def test_armed_members_of_a_community_are_its_ethnic_militia(pipe, text, militia):
    evs = _events(pipe, text)
    assert evs and evs[0].actor1.startswith(militia), [(e.actor1, e.actor2) for e in evs]


def test_unarmed_villagers_of_a_community_stay_civilians(pipe):
    evs = _events(pipe, "Gunmen killed four unarmed Dinka villagers near Tonj on Monday, the county commissioner said.")
    assert evs and not any("Dinka Ethnic Militia" in (e.actor1 + e.actor2) for e in evs)


# ------------------------------------------------ the arrested, named by the group they belong to
@pytest.mark.parametrize("text,group", [
    ("Police in Bulawayo on Thursday detained Ostallos Siziba, a spokesman for the opposition Citizens "
     "Coalition for Change, outside a courthouse, his lawyer said.", "CCC"),
    ("At dawn on Monday, police arrested NUP mobiliser Fred Ssali at his home in Masaka, the party said.", "NUP"),
])
def test_the_arrested_are_coded_by_their_group(pipe, text, group):
    e = _one(pipe, text, "Arrests")
    assert e.actor2.startswith(group), e.actor2


def test_a_group_that_was_the_target_of_the_arrested_is_not_their_group(pipe):
    e = _one(pipe, "Police arrested two men suspected of torching a BNP office in Bogra on Sunday, local media "
                   "reported.", "Arrests")
    assert not e.actor2.startswith("BNP"), e.actor2


# ------------------------------------------------ who polices a protest
@pytest.mark.parametrize("text,sub", [
    ("Gendarmes fired tear gas at a march by teachers in the centre of Yaounde on Monday, witnesses said.",
     "Protest with intervention"),
    ("Gendarmes opened fire on protesters demanding fuel in the Malian town of Kayes on Tuesday, killing "
     "three people, witnesses said.", "Excessive force against protesters"),
])
def test_gendarmes_policing_a_protest_are_police(pipe, text, sub):
    e = _one(pipe, text, sub)
    assert "Police Forces of" in (e.actor1 + e.actor2), (e.actor1, e.actor2)


@pytest.mark.parametrize("force", ["Soldiers", "Security forces"])
def test_soldiers_and_generic_security_forces_firing_on_protesters_stay_military(pipe, force):
    # the hand-coded sets disagree on generic "security forces" at a protest; the seed convention stands
    e = _one(pipe, f"{force} opened fire on protesters demanding fuel in the Malian town of Kayes on Tuesday, "
                   "killing three people, witnesses said.", "Excessive force against protesters")
    assert e.actor1.startswith("Military Forces of Mali"), e.actor1


def test_a_group_claiming_the_attack_after_a_semicolon_is_not_a_mere_speaker(pipe):
    e = _one(pipe, "Three traders were wounded on Sunday evening when mortars struck a market in Beledweyne; "
                   "al-Shabaab claimed the attack.", "Shelling/artillery/missile attack")
    assert e.actor1 == "Al Shabaab", e.actor1


@pytest.mark.parametrize("text,actor1", [
    # the force that reports the attack did not carry it out ...
    ("Sudan's army said drones hit the city of Kosti on the White Nile yesterday, killing five civilians.",
     "Unidentified Military Forces"),
    # ... unless it tells what it did itself
    ("Somalia's army said its troops killed 15 al-Shabaab fighters in an ambush near Jowhar on Friday.",
     "Military Forces of Somalia"),
])
def test_a_force_that_only_reports_the_attack_is_not_actor1(pipe, text, actor1):
    evs = _events(pipe, text)
    assert evs and evs[0].actor1 == actor1, [(e.sub_event_type, e.actor1) for e in evs]


@pytest.mark.parametrize("text,published,rsf", [
    ("Paramilitary drones struck a power station in Atbara on Monday, killing two workers, the state "
     "government said.", dt.date(2025, 1, 14), True),
    ("The terrorist Rapid Support militia shelled the city of El Fasher on Sunday, killing six civilians, the "
     "state government said.", dt.date(2025, 1, 14), True),
    # elsewhere the word names no one in particular
    ("Paramilitaries killed three farmers near Tierralta in Colombia's Cordoba department on Sunday, a rights "
     "group said.", dt.date(2025, 1, 14), False),
])
def test_the_paramilitary_in_sudan_since_the_war_is_the_rsf(pipe, text, published, rsf):
    evs = _events(pipe, text, published)
    assert evs and evs[0].actor1.startswith("RSF") == rsf, [(e.sub_event_type, e.actor1) for e in evs]


def test_a_named_armed_group_that_disperses_a_crowd_is_the_intervener(pipe):
    e = _one(pipe, "Dozens of residents of Idlib protested on Thursday against new taxes on fuel. HTS fighters "
                   "fired into the air to disperse the crowd, witnesses said.", "Protest with intervention",
             dt.date(2023, 5, 2))
    assert e.actor1.startswith("Protesters") and e.actor2.startswith("HTS"), (e.actor1, e.actor2)


def test_a_group_the_crowd_protests_against_is_not_the_intervener(pipe):
    e = _one(pipe, "Several hundred fishermen marched in Hodeidah on Monday against a ban on night fishing by "
                   "the Houthis. Police dispersed the march with batons, witnesses said.", "Protest with intervention")
    assert e.actor2.startswith("Police Forces of"), e.actor2


# ------------------------------------------------ "the same militia" refers back to the named one
def test_the_same_militia_is_the_militia_named_before(pipe):
    evs = _events(pipe, "Fighters of the CODECO militia attacked a displacement camp near Djugu in Ituri on Tuesday, "
                        "killing 14 people, a local official said. On Thursday the same militia abducted six farmers "
                        "near Fataki, residents said.")
    abd = [e for e in evs if e.sub_event_type == "Abduction/forced disappearance"]
    assert abd and abd[0].actor1.startswith("CODECO"), [(e.sub_event_type, e.actor1) for e in evs]


# ------------------------------------------------ settlers outside Israel and Palestine
def test_settlers_elsewhere_are_not_israeli_settlers(pipe):
    evs = _events(pipe, "Papuan villagers and settlers from Sulawesi clashed with machetes and arrows in the town "
                        "of Wamena on Friday, leaving four dead, police said.")
    assert evs and not any("Settlers (Israel)" in (e.actor1 + e.actor2) for e in evs)


def test_settlers_in_the_west_bank_stay_israeli_settlers(pipe):
    e = _one(pipe, "Settlers attacked Palestinian farmers near the village of Burin in the occupied West Bank on "
                   "Saturday, wounding three, the Palestinian health ministry said.", "Attack", dt.date(2024, 3, 2))
    assert e.actor1 == "Settlers (Israel)", e.actor1


# ------------------------------------------------ two crowds that fight each other
def test_two_crowds_clashing_are_rioters_on_both_sides(pipe):
    e = _one(pipe, "Rival crowds of Hindu and Muslim youths fought each other with stones in Khargone on Sunday "
                   "night after a procession, leaving 12 injured.", "Mob violence")
    assert e.actor1.startswith("Rioters (India)") and e.actor2.startswith("Rioters (India)"), (e.actor1, e.actor2)


def test_a_mob_and_its_victims_stay_rioters_and_civilians(pipe):
    e = _one(pipe, "A mob beat to death two men accused of stealing a motorcycle in a village near Kano on "
                   "Saturday, police said.", "Mob violence")
    assert e.actor2.startswith("Civilians"), e.actor2


# ------------------------------------------------ the Taliban are Afghanistan's state forces after August 2021
def test_the_taliban_after_the_takeover_are_state_forces(pipe):
    e = _one(pipe, "Villagers in Afghanistan's Helmand province threw stones at a Taliban patrol near Lashkar Gah "
                   "on Monday and set fire to one of its vehicles, residents said.", "Violent demonstration",
             dt.date(2024, 4, 10))
    assert e.actor2.startswith("Military Forces of Afghanistan"), e.actor2


def test_the_taliban_before_the_takeover_are_the_taliban(pipe):
    e = _one(pipe, "The Taliban attacked a police checkpoint in Kunduz province on Monday, killing five officers, "
                   "officials said.", "Armed clash", dt.date(2019, 4, 10))
    assert e.actor1 == "Taliban", e.actor1


# ------------------------------------------------ smaller naming classes
@pytest.mark.parametrize("text,country", [
    ("The district administration imposed an indefinite curfew on the town of Jiribam in India's Manipur state "
     "on Wednesday evening.", "India"),
    ("The local administration in Kasese imposed a dusk-to-dawn curfew on Friday, police said.", "Uganda"),
])
def test_a_local_administration_imposing_a_curfew_is_the_government(pipe, text, country):
    e = _one(pipe, text, "Change to group/activity")
    assert e.actor1 == f"Government of {country}", e.actor1


def test_paramilitary_troopers_hit_by_a_mine_are_the_target(pipe):
    e = _one(pipe, "Three CRPF troopers were wounded when a landmine planted by Maoists exploded under their "
                   "vehicle near Sukma on Monday, police said.", "Remote explosive/landmine/IED")
    assert e.actor2.startswith("CRPF"), e.actor2


@pytest.mark.parametrize("text,country", [
    ("On Sunday, RSF fighters burned homes and looted shops in the town of Tawila, residents said.", None),
    ("Hours later, suspected ADF rebels set fire to a dozen huts and a school in a village near Oicha in North "
     "Kivu.", "Democratic Republic of Congo"),
    ("Israeli settlers set fire to cars and homes in the West Bank village of Turmus Ayya on Friday, residents "
     "said.", "Palestine"),
])
def test_homes_and_shops_destroyed_belong_to_civilians(pipe, text, country):
    e = _one(pipe, text, "Looting/property destruction", dt.date(2024, 3, 2))
    assert e.actor2.startswith("Civilians"), e.actor2
    if country:
        assert e.actor2 == f"Civilians ({country})", e.actor2


def test_military_property_destroyed_has_no_civilian_owner(pipe):
    evs = _events(pipe, "Boko Haram fighters burned two military vehicles near Bama on Tuesday.")
    assert not any(e.actor2.startswith("Civilians") for e in evs), [(e.actor1, e.actor2) for e in evs]


def test_the_one_group_named_next_is_the_side_a_force_fought(pipe):
    e = _one(pipe, "A police operation against drug gangs in the Cite Soleil district of Port-au-Prince left "
                   "five suspects dead on Tuesday, police said. Officers came under fire from members of the "
                   "G9 coalition as they entered the area.", "Armed clash")
    assert e.actor1.startswith("Police Forces of Haiti"), e.actor1
    assert "G9" in e.actor2 or "G-9" in e.actor2, e.actor2


# ------------------------------------------------ a named perpetrator must not merge a later raid into the attack
def test_a_raid_hours_later_by_the_same_group_stays_its_own_event(pipe):
    # once the landmine is put on Al-Shabaab (the police blamed it), both events share actor1: the
    # raid told "Hours later" elsewhere must not be folded into the blast as property destroyed in passing
    evs = _events(pipe, "Three soldiers were killed on Sunday when their truck struck a landmine near Mandera in "
                        "northeastern Kenya, police said. Police blamed Al-Shabaab militants for planting the device. "
                        "Hours later, suspected Al-Shabaab fighters burned six houses in a village near Elwak.")
    got = [(e.sub_event_type, e.actor1) for e in evs]
    assert ("Remote explosive/landmine/IED", "Al Shabaab") in got, got
    assert ("Looting/property destruction", "Al Shabaab") in got, got


def test_houses_torched_during_the_attack_stay_part_of_it(pipe):
    evs = _events(pipe, "Al-Shabaab fighters attacked a police post near Mandera in northeastern Kenya on Sunday, "
                        "killing two officers, and also torched three houses nearby, police said.")
    assert [e.sub_event_type for e in evs] == ["Armed clash"], [(e.sub_event_type, e.actor1) for e in evs]
