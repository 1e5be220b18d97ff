"""Background sentences of long news stories make no event (and lend no toll, year or actor).

Precision on long articles suffered from the background a reporter adds around the incident:
aggregate tolls over a period, habits, past episodes named with their year, court cases about
past killings, economic figures told with conflict verbs, numbers that are years, and the dead
of a clash named one by one. Each class is checked on text written for it, in several
phrasings, with controls where a similar sentence IS an incident and must stay one.
"""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.api import extract
from eventwire.events.dates import find_dates
from eventwire.events.fatalities import find_counts, sentence_fatalities

PUB = "2025-06-18"  # a Wednesday


def _events(text: str, published: str = PUB):
    return extract(text=text, published=dt.date.fromisoformat(published))


def _types(text: str, published: str = PUB) -> list[tuple[str, str, int]]:
    return sorted((e.sub_event_type, e.event_date, e.fatalities) for e in _events(text, published))


# ----------------------------------------------------------------- 1. aggregate tolls over a period
@pytest.mark.parametrize("text, want", [
    ("Gunmen killed four farmers in the village of Kwatas in Benue state on Tuesday, police said. The UN "
     "mission had documented more than 240 civilians killed in the first six months of the year in clashes, "
     "air strikes and attacks by armed groups across the region.",
     [("Attack", "2025-06-17", 4)]),
    ("Two soldiers were killed when their patrol hit a mine near Kidal on Sunday, the army said. A UN "
     "commission of inquiry estimated that as many as 2,300 people were killed between 12 March and 9 April "
     "2024 in the violence that followed the coup.",
     [("Remote explosive/landmine/IED", "2025-06-15", 2)]),
    ("A Palestinian gunman shot dead an Israeli settler near Nablus on Friday, the Israeli military said. "
     "More than 40 Israelis have been killed in Palestinian attacks over the same period, according to "
     "official figures.",
     [("Armed clash", "2025-06-13", 1)]),
    ("An air strike hit a market in Sennar on Wednesday, killing 12 people. At least 900 civilians were "
     "killed in the state between January and April, according to the Sudan Doctors Network.",
     [("Air/drone strike", "2025-06-18", 12)]),
    ("Israeli forces killed three Palestinians in a raid on Jenin refugee camp on Tuesday, the Palestinian "
     "health ministry said. Since 7 October 2023, more than 900 Palestinians have been killed in the West "
     "Bank, according to the ministry.",
     [("Attack", "2025-06-17", 3)]),
])
def test_a_toll_over_a_period_is_no_event_and_no_toll(text, want):
    got = _types(text)
    assert [(t, d) for t, d, _ in got] == [(t, d) for t, d, _ in want]
    assert got[0][2] == want[0][2]


@pytest.mark.parametrize("text", [
    "In the first half of the year, 312 civilians were killed in attacks by armed groups in Ituri, the UN said.",
    "According to the monitoring group, more than 1,500 people were killed in the region from January to March.",
    "Thousands of people have been killed and more than a fifth of the population displaced since the war began.",
    "The UN mission said it had recorded 1,180 civilian deaths in Kherson region in the same period.",
    "A UN fact-finding mission estimated that as many as 1,400 people were killed between 15 July and 5 August 2024.",
])
def test_statistics_alone_make_no_event(text):
    assert _types(text) == []


@pytest.mark.parametrize("text, want", [
    ("More than 30 people were killed in clashes between the army and RSF fighters in El Fasher on Monday, "
     "a local monitoring group said.", [("Armed clash", "2025-06-16", 30)]),
    ("The Syrian Observatory for Human Rights recorded 14 deaths in the air strike on Maarat al-Numan on Monday.",
     [("Air/drone strike", "2025-06-16", 14)]),
    ("Two soldiers have been killed in an attack on a military post in Tillaberi, the defence ministry said "
     "on Sunday.", [("Armed clash", "2025-06-15", 2)]),
    ("Since 7 October 2023, more than 40 Israelis have been killed in Palestinian attacks in the West Bank, "
     "according to UN figures. On Monday, a Palestinian gunman killed two Israelis at a petrol station near Eli.",
     [("Attack", "2025-06-16", 2)]),
])
def test_an_incident_told_by_a_monitor_stays(text, want):
    assert _types(text) == want


@pytest.mark.parametrize("text, want", [
    ("An estimated 1,000 villagers were killed by soldiers in Tora on Monday, residents said.",
     [("Attack", "2025-06-16", 1000)]),
    ("On Saturday an estimated 700 students demonstrated peacefully in Ghent against the war.",
     [("Peaceful protest", "2025-06-14", 0)]),
])
def test_an_estimated_crowd_or_toll_of_one_incident_stays(text, want):
    assert _types(text) == want


def test_a_range_takes_the_year_told_at_its_end():
    pub = dt.date(2025, 6, 18)
    got = [(d.text, d.date) for d in find_dates("killed between 15 July and 5 August 2024 in", pub)]
    assert got == [("15 July", dt.date(2024, 7, 15)), ("5 August 2024", dt.date(2024, 8, 5))]
    got = [d.date for d in find_dates("from December 20 to January 3, 2024,", pub)]
    assert got == [dt.date(2023, 12, 20), dt.date(2024, 1, 3)]
    # control: two days of the publication's year stay in it
    assert [d.date for d in find_dates("on 3 May and 4 May", pub)] == [dt.date(2025, 5, 3), dt.date(2025, 5, 4)]


# ----------------------------------------------------------------- 2. habits and generic statements
@pytest.mark.parametrize("text", [
    "Protests over services are frequent in southern Iraq in summer, when temperatures exceed 50 degrees.",
    "Kidnappings for ransom are rampant on the highway between Abuja and Kaduna.",
    "The group's members have carried out shooting attacks on troops and settlers and planted roadside bombs.",
    "The militants have also staged ambushes on army convoys and kidnappings of aid workers.",
])
def test_a_habit_is_no_event(text):
    assert _types(text) == []


def test_generic_victims_of_mines_lend_no_toll():
    text = ("A landmine exploded under a tractor near the village of Kalandia on Thursday, killing its driver. "
            "Soldiers, farmers and even cattle have been killed by the mines, which were laid decades ago.")
    assert _types(text) == [("Remote explosive/landmine/IED", "2025-06-12", 1)]


@pytest.mark.parametrize("text, want", [
    ("Militants ambushed an army convoy near Dori on Sunday, killing six soldiers, the army said.",
     [("Armed clash", "2025-06-15", 6)]),
    ("Protesters, students and workers marched through Dhaka on Monday, demanding the resignation of the "
     "prime minister.", [("Peaceful protest", "2025-06-16", 0)]),
    ("Hundreds of people blocked the main road in Basra on Sunday to protest against power cuts.",
     [("Peaceful protest", "2025-06-15", 0)]),
])
def test_incidents_beside_habits_stay(text, want):
    assert _types(text) == want


# ----------------------------------------------------------------- 3. past episodes named with their year
@pytest.mark.parametrize("text, want", [
    ("Soldiers killed two suspected Abu Sayyaf members in a gunfight in Patikul, Sulu, on Monday. The "
     "group's fighters took part in the 2017 siege of Marawi city, in which more than 1,100 people were killed.",
     [("Armed clash", "2025-06-16", 2)]),
    ("Police said two men were shot dead by gunmen in Batticaloa on Tuesday. The local group was behind the "
     "2019 Easter Sunday bombings, which killed 269 people in churches and hotels.",
     [("Attack", "2025-06-17", 2)]),
    ("Al-Shabaab fighters attacked a base in Lower Shabelle on Tuesday. The group killed more than 500 "
     "people in a truck bombing in Mogadishu in October 2017, the deadliest attack in the country's history.",
     [("Armed clash", "2025-06-17", 0)]),
])
def test_an_episode_of_an_earlier_year_is_no_event_of_this_one(text, want):
    assert _types(text) == want


def test_a_past_event_told_with_its_date_keeps_that_date():
    got = _types("Fighters from the group stormed the town of Marawi on 23 May 2017, the army said, in a "
                 "report published on Friday.")
    assert [d for _, d, _ in got] == ["2017-05-23"]


# ----------------------------------------------------------------- 4. courts and relatives' words
@pytest.mark.parametrize("text", [
    "A special tribunal in Dhaka on Wednesday sentenced three former police officers to death for the killing "
    "of protesters during the uprising. 'Now the world knows who killed him,' said the mother of one of the "
    "victims, a 19-year-old student shot in Jatrabari.",
    "The military court in Kinshasa handed life sentences on Thursday to eight soldiers over the massacre of "
    "civilians in Goma.",
    "\u201cHe was shot like an animal,\u201d his widow told reporters outside the court in Nairobi, where two "
    "officers were convicted on Monday of murdering her husband in 2016.",
])
def test_a_verdict_or_a_relative_quote_is_no_violent_event(text):
    assert [t for t, _, _ in _types(text) if t not in ("Other", "Arrests")] == []


@pytest.mark.parametrize("text", [
    "His mother, Fatima Begum, said: 'Now the world knows who killed my son.'",
    "\u201cMy son did nothing wrong. They killed him like a dog,\u201d said his father, Ahmed Ali, at the family "
    "home in Rawalpindi.",
])
def test_a_relative_quoted_on_a_death_makes_no_event(text):
    assert _types(text) == []


@pytest.mark.parametrize("text, want", [
    ("\u201cThey opened fire on us without warning,\u201d a protester told Reuters after police shot dead two "
     "demonstrators in Kisumu on Tuesday.", [("Excessive force against protesters", "2025-06-17", 2)]),
    ("The victim's brother said gunmen had stormed the house in Tora on Monday night and shot him in front of "
     "his children.", [("Attack", "2025-06-16", 0)]),
])
def test_a_witness_telling_the_incident_stays(text, want):
    assert _types(text) == want


def test_a_protest_outside_the_court_stays():
    got = _types("Police fired tear gas at relatives of the victims who gathered outside the court in Dhaka "
                 "on Wednesday, injuring five.")
    assert [t for t, _, _ in got] == ["Protest with intervention"]


# ----------------------------------------------------------------- 5. statistics told with conflict verbs
@pytest.mark.parametrize("text", [
    "Iraq's electricity ministry said output had fallen to 24,000 megawatts as demand surged in the heat.",
    "Oil production fell to 300,000 barrels a day after the pipeline was shut, the ministry said.",
    "The pound fell to a record low against the dollar on Tuesday.",
    "Turnout fell sharply to about 40 percent in the capital.",
    "The company took over the Mombasa port terminal on Monday under a 30-year concession.",
])
def test_a_figure_that_falls_is_no_territory(text):
    assert _types(text) == []


def test_a_town_that_falls_is_still_territory():
    got = _types("The town of Mahas fell to al-Shabaab fighters on Thursday after fierce fighting, residents said.")
    assert got and "territory" in got[0][0]


# ----------------------------------------------------------------- 6. years, ages and calibres are no tolls
@pytest.mark.parametrize("text, want", [
    ("In 2025 two soldiers were killed.", 2),
    ("Mozambique has faced an armed insurgency since 2017 which has killed thousands.", 1000),
    ("Since 2019 militants have killed dozens of villagers.", 12),
    ("2017 people were killed in the fighting, the ministry said.", 2017),  # control: people counted
    ("Shelling killed 2,000 civilians.", 2000),  # control
    ("Three civilians were killed when a 105mm shell hit a house.", 3),
    ("The 1,500 megawatt plant was hit, killing two workers.", 2),
    ("Some 300 tonnes of aid were looted and two guards were killed.", 2),
    ("A 12-year-old boy was killed when a shell hit his home.", 1),
    # a number of places attacked is no toll, the victims follow the participle
    ("Gunmen attacked two army posts near Diapaga on Sunday, killing nine soldiers.", 9),
    ("Three police stations were attacked and two officers killed.", 2),
    ("Five soldiers and two civilians were killed.", 7),  # control
])
def test_a_year_is_no_toll(text, want):
    c = sentence_fatalities(text)
    assert c is not None and c.value == want


def test_a_year_in_background_adds_nothing_to_the_toll():
    text = ("Suspected insurgents killed three civilians in the village of Naunde in Cabo Delgado province on "
            "Saturday, a local official said. The province has faced an armed insurgency since 2017 which has "
            "killed thousands of people.")
    assert [f for _, _, f in _types(text)] == [3]


# ----------------------------------------------------------------- 7. the dead of a clash, named
@pytest.mark.parametrize("text", [
    "Soldiers fought with Dawlah Islamiyah gunmen in Datu Hoffer town on Sunday. The bodies of four gunmen, "
    "among them a grenade expert called Commander Bato, were found after the clash.",
    "Troops clashed with militants in Maguindanao del Sur on Sunday, the army said. Three bodies of "
    "militants, including one identified as a local bomb-maker known by the alias 'Abu Jihad', were "
    "recovered after the fighting.",
])
def test_bodies_recovered_after_a_clash_are_its_dead(text):
    got = _types(text)
    assert [t for t, _, _ in got] == ["Armed clash"]
    assert got[0][2] in (3, 4)


@pytest.mark.parametrize("text", [
    "Troops clashed with Dawlah Islamiyah militants in Shariff Aguak on Saturday, the army said. Three bodies of "
    "militants, along with a grenade launcher and two rifles, were recovered after the fighting.",
    "Troops clashed with Dawlah Islamiyah militants in Shariff Aguak on Saturday, the army said. Three bodies of "
    "militants, including one identified as a local bomb-maker known by the alias 'Abu Jihad', were recovered "
    "after the fighting, along with a hand grenade.",
    "Soldiers clashed with Abu Sayyaf gunmen in Patikul on Saturday. Among the dead was a sub-leader known as "
    "Abu Jihad, who was behind several grenade attacks in Jolo.",
])
def test_the_dead_of_a_clash_and_their_weapons_make_no_grenade_event(text):
    evs = _events(text)
    assert [e.sub_event_type for e in evs] == ["Armed clash"]
    assert "Jihad" not in evs[0].actor1 + evs[0].actor2 + evs[0].assoc_actor_1 + evs[0].assoc_actor_2


def test_a_grenade_thrown_then_the_thrower_found_stays_a_grenade_event():
    got = _types("A man threw a hand grenade at a store in Cotabato City on Monday, killing the owner, and was "
                 "found hours later along with a pistol.")
    assert [t for t, _, _ in got] == ["Grenade"]


def test_a_claim_for_attacks_told_before_still_names_the_attacker():
    evs = _events("Gunmen attacked two army posts near Diapaga on Sunday, killing nine soldiers. In a statement, "
                  "JNIM said its fighters had carried out the attacks.")
    assert len(evs) == 1 and evs[0].actor1.startswith("JNIM") and evs[0].fatalities == 9


def test_a_grenade_attack_stays():
    got = _types("A man threw a grenade at a market in Cotabato City on Saturday, injuring six people.")
    assert len(got) == 1 and got[0][1] == "2025-06-14"


def test_find_counts_reads_no_grenade_expert_as_a_weapon():
    assert [c.value for c in find_counts("the bodies of four gunmen, among them a grenade expert, were found")] == [4]


@pytest.mark.parametrize("text, want", [
    ("Two soldiers were killed in an ambush near Djibo on Monday, bringing to 57 the number of soldiers "
     "killed this month, a security source said.", 2),
    ("Three more died in hospital, bringing the total number of people killed since the offensive began to 250.", 3),
    ("Gunmen killed four people on Monday, bringing the number of civilians killed in the district to 40 this year.", 4),
    # controls: the toll of the event itself
    ("Seven more bodies were found, bringing the death toll from the attack to 21.", 21),
    ("Two more people died, bringing the toll to 12.", 12),
])
def test_a_running_total_beside_an_event_adds_nothing(text, want):
    c = sentence_fatalities(text)
    assert c is not None and c.value == want


@pytest.mark.parametrize("text, want", [
    ("The group was behind the 2019 Easter Sunday bombings.", []),
    ("Police fired on marchers on Sunday in Derry.", ["2025-06-15"]),  # control
])
def test_a_named_day_of_another_year_is_no_date(text, want):
    got = [d.date.isoformat() for d in find_dates(text, dt.date(2025, 6, 18)) if d.usable]
    assert got == want
