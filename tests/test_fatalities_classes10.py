"""Fatality classes found measuring matched events on the blind sets (session 10).

Each class with several variants written for this file, and controls that must not change:

* a subset of a toll told already is no toll ("one of the dead was a farmer", "two of those
  killed were children");
* a crowd "over the death of" someone, or "against the death penalty", counts no dead;
* a figure inside another noun phrase ("members of one of the city's most feared gangs") counts
  something else;
* a quoted qualifier or a bracketed short name between the figure and the verb, a quoted vague
  word ('"several" rebels'), an age as the noun ("a 17-year-old was shot dead");
* victims listed in parts with words the chains did not know ("four soldiers and two militiamen"),
  and "N were killed and a policeman died" (one more);
* "the bodies" (already counted) is no count: "residents who helped collect the bodies".

End to end: a retold sentence keeps its toll when the lead tells none or when it counts the other
side's dead; a figure told by a source attribution() cannot name is weighed as another source
(the most conservative, not the higher one taken as an update).
"""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.api import extract
from eventwire.events.fatalities import sentence_fatalities


def _toll(text: str) -> int | None:
    c = sentence_fatalities(text)
    return None if c is None else c.value


# ------------------------------------------------------------------ a subset of a toll told already
@pytest.mark.parametrize("text", [
    "Relatives said one of the dead was a schoolteacher who had been walking home.",
    "Police identified one of the dead as a local commander of the group.",
    "Two of the dead, both aged under 16, were pupils at the village school, the headmaster said.",
    "Medics said three of those killed were women.",
    "At least one of the slain was a bystander waiting for a bus, witnesses said.",
])
def test_a_subset_of_the_dead_is_no_toll(text):
    assert not _toll(text)


@pytest.mark.parametrize("text, toll", [
    ("Two of the soldiers were killed when the convoy was hit.", 2),  # a subset of the living
    ("One of the guards was shot dead at the gate.", 1),
    ("Three of the wounded later died in hospital, the doctor said.", 3),
])
def test_subset_controls(text, toll):
    assert _toll(text) == toll


# ------------------------------------------------------------------ a crowd over a death
@pytest.mark.parametrize("text", [
    "Hundreds of students marched through the town on Monday over the death of a classmate in police custody.",
    "Dozens of traders blocked the highway to protest the death of a colleague at a checkpoint.",
    "Several hundred lawyers rallied outside the court against the death penalty.",
    "Thousands of mourners gathered on Sunday to mark the deaths of the victims of last year's blast.",
])
def test_a_crowd_over_a_death_is_no_toll(text):
    assert not _toll(text)


@pytest.mark.parametrize("text, toll", [
    ("The clashes caused 14 deaths, the health ministry said.", 14),
    ("Police confirmed the deaths of three protesters.", 3),
    ("Hundreds of youths rioted after police killed two students.", 2),
])
def test_death_controls(text, toll):
    assert _toll(text) == toll


# ------------------------------------------------------------------ a figure inside another noun phrase
@pytest.mark.parametrize("text", [
    "Members of one of the city's most notorious gangs were killed in the raid, police said.",
    "Two men described by residents as members of one of the most feared gangs in the district were shot dead.",
])
def test_one_of_a_group_is_no_count_of_the_dead(text):
    assert _toll(text) != 1


@pytest.mark.parametrize("text, toll", [
    ("A total of 12 people were killed in the two attacks.", 12),
    ("Police found the bodies of five men in a ditch.", 5),
    ("Residents buried the bodies of 12 villagers on Sunday.", 12),
])
def test_of_controls(text, toll):
    assert _toll(text) == toll


# ------------------------------------------------------------------ quotes, brackets, ages
@pytest.mark.parametrize("text, toll", [
    ('Eight gunmen "linked to the kidnapping of the schoolgirls" were killed in the operation, the army said.', 8),
    ('Four fighters “who had fled the earlier raid” were shot dead at a checkpoint.', 4),
    ('The commander said "several" insurgents had been killed.', 3),
    ('Officials said "dozens" of villagers were killed.', 12),
    ("A member of the opposition Democratic Alliance (DA) was stabbed to death on Sunday.", 1),
    ("A supporter of the ruling party was beaten to death by a mob in the market.", 1),
    ("A 15-year-old was shot dead when soldiers fired on the crowd.", 1),
    ("An 80-year-old was killed when the shell hit her house.", 1),
])
def test_quotes_brackets_and_ages(text, toll):
    assert _toll(text) == toll


@pytest.mark.parametrize("text, toll", [
    ('Two soldiers were wounded, "but none were killed", the spokesman said.', None),
    ("A 15-year-old was wounded when soldiers fired on the crowd.", None),
])
def test_quotes_brackets_and_ages_controls(text, toll):
    assert _toll(text) == toll


# ------------------------------------------------------------------ victims told in parts
@pytest.mark.parametrize("text, toll", [
    ("The firefight killed three soldiers and two militiamen, a local official said.", 5),
    ("The blast killed three policemen and two bystanders.", 5),
    ("Gunmen killed two farmers and four vigilantes near the river.", 6),
    ("The police said five suspects were killed and a police officer died in hospital.", 6),
    ("Three rebels were killed and a soldier was also killed in the clash.", 4),
])
def test_victims_told_in_parts(text, toll):
    assert _toll(text) == toll


@pytest.mark.parametrize("text, toll", [
    ("The raid killed three soldiers and two vigilantes were wounded.", 3),
    ("Four rebels were killed and a soldier was wounded in the clash.", 4),
    ("Four rebels were killed and a soldier said the army had won.", 4),
])
def test_victims_told_in_parts_controls(text, toll):
    assert _toll(text) == toll


# ------------------------------------------------------------------ the bodies already counted
@pytest.mark.parametrize("text", [
    "The bus was hit on the main road, according to two farmers who helped collect the bodies.",
    "Three volunteers who washed the bodies said they had counted the wounds.",
    "Two relatives who came to claim their bodies were turned away.",
])
def test_the_bodies_counts_nobody(text):
    assert not _toll(text)


def test_the_bodies_controls():
    assert _toll("Rescuers pulled 14 bodies from the rubble.") == 14
    assert _toll("Twelve bodies were found in the forest on Monday.") == 12


# ------------------------------------------------------------------ end to end
PUB = dt.date(2025, 6, 18)  # a Wednesday


def _tolls(text: str) -> list[tuple[str, int]]:
    return sorted((e.sub_event_type, e.fatalities) for e in extract(text=text, published=PUB))


MARKA = ("Al-Shabaab fighters ambushed an army convoy near the town of Marka in Somalia on Monday, killing five "
         "soldiers, a military officer said. The convoy was carrying fuel to a base when it was hit by a roadside "
         "bomb. ")


def test_a_retold_sentence_keeps_the_other_sides_dead():
    got = _tolls(MARKA + "He said three of the attackers were also killed, but their comrades took the bodies away.")
    assert [f for _, f in got] == [8]


def test_a_retold_sentence_of_the_same_dead_is_not_added():
    got = _tolls(MARKA + "He said five soldiers were killed, but their comrades took the bodies away.")
    assert [f for _, f in got] == [5]


@pytest.mark.parametrize("text, toll", [
    ("Armed men stormed the village of Dankolo in Zamfara state late on Monday, shooting at residents as they "
     "fled, a police spokesman said. \"Nine people were confirmed dead and several others were abducted,\" he "
     "said in a statement on Tuesday.", 9),
    ("Gunmen attacked a market in the town of Bunia in Ituri province on Sunday, firing on traders, local "
     "officials said. \"We counted 14 dead,\" a Red Cross volunteer said on Monday.", 14),
])
def test_a_toll_told_after_a_lead_without_one(text, toll):
    assert [f for _, f in _tolls(text)] == [toll]


@pytest.mark.parametrize("text", [
    "Armed men stormed the village of Dankolo in Zamfara state late on Monday, shooting at residents as they "
    "fled, a police spokesman said. Four farmers were killed on Tuesday when gunmen raided a nearby hamlet.",
    "Gunmen attacked a market in the town of Bunia in Ituri province on Sunday, firing on traders, local "
    "officials said. Gunmen killed 14 people at a church in Bunia on Tuesday, a Red Cross volunteer said.",
])
def test_a_toll_of_another_day_stays_its_own(text):
    got = _tolls(text)
    assert len(got) == 2 and 0 in [f for _, f in got]


def test_an_unnamed_source_is_weighed_conservatively():
    got = _tolls("Police opened fire on protesters in the city of Mashhad on Tuesday, killing at least "
                 "12 people, a provincial official said. An exiled opposition group said at least 40 "
                 "people were killed.")
    assert [f for _, f in got if f] == [12]


def test_an_unnamed_claim_is_weighed_conservatively():
    got = _tolls("Insurgents attacked an army base in the town of Jowhar in Somalia on Monday, killing at "
                 "least four soldiers, a military officer said. The insurgents, who are allied to al "
                 "Qaeda, said in a statement that their fighters had killed 30 soldiers.")
    assert [f for _, f in got if f] == [4]


# ------------------------------------------------------------------ the wounded, then the dead
KITWE = ("Hundreds of miners rioted in the town of Kitwe in Zambia on Monday, burning tyres and throwing stones "
         "at police, who fired tear gas, officials said. ")


@pytest.mark.parametrize("text, toll", [
    (KITWE + "A police spokesman said eight officers were injured. A miner, Joseph Banda, 31, died of his "
             "wounds in hospital later that night, his family said.", 1),
    ("Police fired live rounds at protesters who set fire to a toll booth in the town of Nakuru in Kenya on "
     "Tuesday, witnesses said. At least 20 people were treated for gunshot wounds at the county hospital. Two "
     "of them later died, a nurse said.", 2),
])
def test_the_dead_told_after_the_wounded(text, toll):
    assert [f for _, f in _tolls(text)] == [toll]


def test_the_dead_told_after_the_wounded_controls():
    # a sentence about something else in between: not the event's outcome
    assert [f for _, f in _tolls(KITWE + "The mine has been closed since March. A miner, Joseph Banda, 31, died of "
                                         "his wounds in hospital, his family said.")] == [0]
    # another incident after the wounded keeps its own toll
    got = _tolls(KITWE + "A police spokesman said eight officers were injured. In a separate incident, a miner "
                         "was shot dead by guards at the Nchanga pit.")
    assert ("Violent demonstration", 0) in got


@pytest.mark.parametrize("text, toll", [
    ("A worker, Rubel Karim, 24, died of a head wound in hospital, his brother said.", 1),
    ("A student, aged 19, was shot dead by police.", 1),
    ("A 64-year-old farmer and his neighbour died when the shell hit their street.", 2),
    ("A trader and his son were killed when gunmen opened fire.", 2),
])
def test_singular_victims(text, toll):
    assert _toll(text) == toll


@pytest.mark.parametrize("text, toll", [
    ("A teacher, the mother of three, was wounded.", None),
    ("A man was killed and his wife was wounded.", 1),
])
def test_singular_victims_controls(text, toll):
    assert _toll(text) == toll


def test_a_history_clause_told_by_someone_never_adds():
    assert _toll("The army has relied on armed drones, which rights groups say have killed hundreds of "
                 "civilians in strikes on markets.") is None
    # control: the incident's own toll so far
    assert _toll("The clashes, which have killed 30 people since Monday, spread to the town of Bunia.") == 30


# ------------------------------------------------------------------ ranges: the lower figure
@pytest.mark.parametrize("text, toll", [
    ("The airstrike killed between 12 and 18 people, medics said.", 12),
    ("Between eight and ten soldiers were killed when the post was overrun.", 8),
    ("Gunmen killed 25 to 30 villagers in the night raid.", 25),
    ("Some 40 to 50 worshippers were killed in the blast, a cleric said.", 40),
    ("Four or five people were killed at the checkpoint.", 4),
    ("An estimated 20-25 civilians were killed in the shelling.", 20),
    ("The ambush left between six and nine soldiers dead.", 6),
    ("The death toll from the flooding of the camp rose to between 30 and 35.", 30),
])
def test_a_range_counts_its_lower_figure(text, toll):
    assert _toll(text) == toll


@pytest.mark.parametrize("text, toll", [
    ("The death toll from the bombing rose from 12 to 15 on Tuesday.", 15),  # a change, not a range
    ("Three soldiers and two civilians were killed in the blast.", 5),  # a list, not a range
    ("Twenty-five people were killed in the ambush.", 25),
    ("Fighting that raged from 2019 to 2021 killed 300 people in the district.", 300),
])
def test_a_range_controls(text, toll):
    assert _toll(text) == toll


# ------------------------------------------------------------------ "the two bombers and a policeman"
@pytest.mark.parametrize("text, toll", [
    ("The two suicide bombers and a policeman were killed.", 3),
    ("The three gunmen and two guards were killed in the exchange of fire.", 5),
    ("Police said the four attackers and a bystander were killed.", 5),
])
def test_a_pair_opened_by_the(text, toll):
    assert _toll(text) == toll


def test_a_pair_opened_by_the_control():
    # the first figure is the object of another verb
    assert _toll("Soldiers freed the 40 hostages and two soldiers were killed.") == 2


# ------------------------------------------------------------------ a rate is no toll
@pytest.mark.parametrize("text", [
    "The country's police kill between 200 and 300 people a year, a watchdog said.",
    "Roadside bombs kill about 50 civilians every month in the province, the UN says.",
    "Snakebites and cattle raids kill some 20 herders per year in the county.",
])
def test_a_rate_is_no_toll(text):
    assert not _toll(text)


def test_a_rate_control():
    assert _toll("Gunmen killed 12 people a year after the massacre that emptied the village.") == 12


# ------------------------------------------------------------------ a figure opening a long subject
@pytest.mark.parametrize("text, toll", [
    ("Two men described by residents as members of one of the most feared gangs in the district were shot dead.", 2),
    ("Four soldiers on patrol along the road from the border post to the regional capital were killed on Monday.", 4),
    ("Five policemen guarding the office of the district commissioner in the old town were killed by a bomb.", 5),
])
def test_a_figure_opening_a_long_subject(text, toll):
    assert _toll(text) == toll


@pytest.mark.parametrize("text", [
    "Dozens of villagers from the hills above the town were abducted by the gunmen.",
    "Thousands of protesters marched through the streets of the capital on Tuesday to demand justice for the men killed.",
    "Hundreds of residents of the district around the market fled after gunmen killed a trader.",
])
def test_a_figure_opening_a_long_subject_controls(text):
    assert _toll(text) in (None, 1)
