"""Round 10 of actor roles: error classes found on the blind gold sets (actor2 was right for under a
third of blind10's matched events), each checked on new text: other countries, groups and sentence
shapes than the articles they came from, with near-miss controls. Text written for these tests."""

from __future__ import annotations


import pytest

from eventwire.pipeline import Pipeline
from test_actors_round5 import _events, _one  # the same helpers


@pytest.fixture(scope="module")
def pipe(settings):
    return Pipeline(settings)


# ------------------------------------------------ 1. the force facing a riot, told in the next sentences
@pytest.mark.parametrize("text,country", [
    ("Hundreds of young men burned tyres and blocked the main road into Kisumu on Tuesday, witnesses said. "
     "Riot police later dispersed them with tear gas.", "Kenya"),
    ("Protesters smashed the windows of a ruling party office in Osogbo on Monday. Some of them threw rocks "
     "and bottles at police vehicles, witnesses said.", "Nigeria"),
    ("Rioting youths angry at power cuts burned tyres and looted shops in Kabwe on Friday. Police said "
     "they broke up the crowd with tear gas.", "Zambia"),
    ("Demonstrators torched a municipal building in the town of Tiznit on Sunday, local media reported. "
     "Four policemen were injured by stones.", "Morocco"),
])
def test_the_police_facing_a_riot_in_the_next_sentences_are_actor2(pipe, text, country):
    e = _one(pipe, text, "Violent demonstration")
    assert e.actor1.startswith("Rioters"), e.actor1
    assert e.actor2 == f"Police Forces of {country}", e.actor2


@pytest.mark.parametrize("text", [
    # the police only speak or investigate
    "Hundreds of young men burned tyres and blocked the main road into Kisumu on Tuesday, witnesses said. "
    "Police said they had opened an investigation.",
    # the police act in a new paragraph, about something else
    "Protesters smashed the windows of a ruling party office in Osogbo on Monday.\n"
    "In a separate case, police fired tear gas at traders in Lagos on Wednesday.",
])
def test_control_police_not_facing_the_riot_are_no_actor2(pipe, text):
    e = _one(pipe, text, "Violent demonstration")
    assert not e.actor2.startswith("Police Forces"), e.actor2


# ------------------------------------------------ 2. the hardware of an attack is no side of it
@pytest.mark.parametrize("text,sub", [
    ("Russian forces shelled the town of Huliaipole with heavy artillery on Sunday, killing an elderly man "
     "and damaging a school, the regional governor said.", "Shelling/artillery/missile attack"),
    # (the hardware read as the target had also turned the attacker into an unidentified group)
    ("Myanmar's military attacked the village of Kinma with helicopter gunships on Tuesday, killing five "
     "villagers, residents said.", "Attack"),
    ("Ethiopian forces bombarded the town of Debark with artillery on Saturday, killing three civilians, "
     "residents said.", "Shelling/artillery/missile attack"),
])
def test_the_weapons_an_attack_is_made_with_are_not_its_target(pipe, text, sub):
    e = _one(pipe, text, sub)
    assert e.actor1.startswith("Military Forces of"), e.actor1
    assert e.actor2.startswith("Civilians"), e.actor2


def test_control_a_side_named_after_with_stays_a_side(pipe):
    e = _one(pipe, "Congolese soldiers clashed with rebels backed by tanks near the town of Sake on Sunday, "
                   "killing four fighters, the army said.", "Armed clash")
    assert e.actor1.startswith("Military Forces of"), e.actor1
    assert e.actor2.startswith("Unidentified Armed Group"), e.actor2


# ------------------------------------------------ 3. the dead of a strike said later to be a group's members
@pytest.mark.parametrize("text,group", [
    ("A Turkish drone struck a pick-up truck near the village of Sidakan in Erbil province on Sunday, killing "
     "three men. Local officials said the victims were believed to be members of the Kurdistan Workers' Party "
     "(PKK).", "PKK"),
    ("An Israeli air strike killed two Palestinians in a car near Tulkarm late on Friday, the health ministry "
     "said. Hamas said the two were its fighters.", "Hamas"),
    ("A US drone strike killed four people in a vehicle near Jilib in southern Somalia on Thursday. The US "
     "military said it had targeted senior operatives of al-Shabaab.", "Al Shabaab"),
])
def test_the_dead_of_a_strike_identified_as_a_groups_members(pipe, text, group):
    e = _one(pipe, text, "Air/drone strike")
    assert e.actor2.startswith(group), e.actor2


@pytest.mark.parametrize("text", [
    # the dead are told as children: a claim about the target does not recode them
    "An Israeli air strike killed four children in a house near Tulkarm late on Friday, the health ministry "
    "said. The army said it had targeted a cell of Hamas.",
    # a group named later without saying the dead were its members
    "A Turkish drone struck a pick-up truck near the village of Sidakan in Erbil province on Sunday, killing "
    "three men. The PKK has fought the Turkish state since 1984.",
])
def test_control_the_dead_stay_civilians(pipe, text):
    e = _one(pipe, text, "Air/drone strike")
    assert e.actor2.startswith("Civilians"), e.actor2


# ------------------------------------------------ 4. the side a force fought, named in the sentences around
def test_the_group_that_claimed_the_attack_is_the_side_troops_fought_next_day(pipe):
    text = ("Gunmen killed six labourers at a construction site near Turbat on Monday, officials said.\n"
            "The Balochistan Liberation Army claimed responsibility for the killings.\n"
            "On Tuesday, troops launched an operation in the hills around Turbat. Four militants were killed "
            "in an exchange of fire, the army said.")
    evs = [e for e in _events(pipe, text) if e.sub_event_type == "Armed clash"]
    assert evs and evs[0].actor2.startswith("BLA"), [(e.sub_event_type, e.actor1, e.actor2) for e in evs]


def test_troops_retake_a_town_from_the_group_that_held_it(pipe):
    text = ("Fighters of the M23 rebel group seized the town of Kalehe in South Kivu on Sunday after heavy "
            "fighting, residents said.\n"
            "Congolese troops retook Kalehe on Wednesday, local officials said. The rebels withdrew into the hills.")
    e = _one(pipe, text, "Government regains territory")
    assert e.actor2.startswith("M23"), e.actor2


def test_control_two_groups_around_leave_the_side_unnamed(pipe):
    text = ("The Balochistan Liberation Army and the Balochistan Liberation Front both operate in the area.\n"
            "On Tuesday, troops launched an operation in the hills around Turbat. Four militants were killed "
            "in an exchange of fire, the army said.")
    evs = [e for e in _events(pipe, text) if e.sub_event_type == "Armed clash"]
    assert evs and evs[0].actor2.startswith("Unidentified Armed Group"), [(e.actor1, e.actor2) for e in evs]


# ------------------------------------------------ 5. a town the tagger takes for a person is no victim
@pytest.mark.parametrize("text", [
    "Federal troops recaptured Kombolcha on Tuesday after a day of fighting on its outskirts, two residents "
    "told AFP.",
    "Ethiopian soldiers took back Dessie on Thursday, a hospital worker said.",
])
def test_a_town_retaken_is_not_a_civilian_actor(pipe, text):
    e = _one(pipe, text, "Government regains territory")
    assert e.actor1.startswith("Military Forces of Ethiopia"), e.actor1
    assert not e.actor2.startswith("Civilians"), e.actor2


def test_control_a_named_person_killed_stays_a_civilian(pipe):
    e = _one(pipe, "Gunmen shot dead Tesfaye Alemu, a trader, in Dessie on Monday, police said.", "Attack")
    assert e.actor2.startswith("Civilians"), e.actor2


# ------------------------------------------------ 6. unnamed "security forces" are the force the story names
@pytest.mark.parametrize("text,country", [
    ("Three suspected Maoists were killed in a gunfight with security forces in a forest of West Singhbhum "
     "district in Jharkhand on Sunday, officials said. The operation was carried out by the CoBRA unit of the "
     "Central Reserve Police Force.", "India"),
    ("Two militants were killed in an exchange of fire with security forces near Lakki Marwat on Friday, officials "
     "said. Policemen of the Counter-Terrorism Department had surrounded a house where the men were hiding.",
     "Pakistan"),
])
def test_security_forces_the_story_names_as_police_are_police(pipe, text, country):
    e = _one(pipe, text, "Armed clash")
    assert f"Police Forces of {country}" in (e.actor1, e.actor2), (e.actor1, e.actor2)


@pytest.mark.parametrize("text", [
    # soldiers named beside the police: the military stays
    "Two militants were killed in an exchange of fire with security forces near Lakki Marwat on Friday, officials "
    "said. Soldiers and policemen had surrounded a house where the men were hiding.",
    # no force named at all
    "Two militants were killed in an exchange of fire with security forces near Lakki Marwat on Friday, officials said.",
])
def test_control_security_forces_stay_military_without_police_named_alone(pipe, text):
    e = _one(pipe, text, "Armed clash")
    assert "Military Forces of Pakistan" in (e.actor1, e.actor2), (e.actor1, e.actor2)


# ------------------------------------------------ 7. a force that only places the spot hit is no target
@pytest.mark.parametrize("text,sub", [
    ("A bomb exploded at a busy restaurant close to the offices of the Afghan police in Kunduz on Monday, "
     "killing four customers.", "Remote explosive/landmine/IED"),
    ("A car bomb went off at a hotel next to the offices of Niger's gendarmerie in Tillaberi on Friday, "
     "killing three guests.", "Remote explosive/landmine/IED"),
    ("A bomb exploded at a busy bus stop beside the headquarters of the Iraqi police in Kirkuk on Sunday, "
     "killing five passengers.", "Remote explosive/landmine/IED"),
])
def test_a_landmark_force_near_the_spot_hit_is_not_the_target(pipe, text, sub):
    e = _one(pipe, text, sub)
    assert e.actor2.startswith("Civilians"), e.actor2


@pytest.mark.parametrize("text,sub", [
    # the force's own post was hit
    ("A suicide bomber blew himself up at the gate of a police station in Baidoa on Friday, killing three "
     "officers, witnesses said.", "Suicide bomb"),
    ("A car bomb exploded near an army checkpoint outside Mogadishu on Saturday, killing two soldiers.",
     "Remote explosive/landmine/IED"),
])
def test_control_a_force_whose_post_was_hit_stays_the_target(pipe, text, sub):
    e = _one(pipe, text, sub)
    assert e.actor2.startswith(("Police Forces of", "Military Forces of")), e.actor2


# ------------------------------------------------ 8. a group saying in the event's sentence that it struck
def test_a_group_saying_it_had_targeted_the_victims_is_actor1(pipe):
    e = _one(pipe, 'In a statement, al-Shabaab said it had targeted "a meeting of apostate soldiers" in Afgoye '
                   "on Sunday and claimed that 15 of them had been killed.", "Armed clash")
    assert e.actor1 == "Al Shabaab", e.actor1
