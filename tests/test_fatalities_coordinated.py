"""A figure and one more victim joined by "and" before the kill word are added: "Eight DRG
personnel and a civilian driver were killed" is 9, not "deaths certain, number unknown" (10).
Text written for these tests."""

from __future__ import annotations

import pytest

from eventwire.events.fatalities import sentence_fatalities


@pytest.mark.parametrize("text,n", [
    ("Eight personnel of the District Reserve Guard (DRG) and a civilian driver were killed on Wednesday "
     "when Naxals blew up their vehicle.", 9),
    ("Six soldiers and a civilian porter were killed on Wednesday when fighters ambushed their convoy.", 7),
    ("Two policemen and a passer-by were killed when a roadside bomb hit a police patrol.", 3),
    ("Five militants and one soldier were killed in the clash, the army said.", 6),
    ("Six soldiers and two civilians were killed on Wednesday.", 8),
    # not coordinated victims: the "and" joins clauses, only the dead count
    ("Three soldiers were wounded and a civilian was killed.", 1),
    ("Four people were killed and a fifth was wounded.", 4),
])
def test_coordinated_victims(text, n):
    c = sentence_fatalities(text)
    assert c is not None and c.value == n, c


@pytest.mark.parametrize("text,n", [
    # the first figure is the object of another verb: not among the dead
    ("Soldiers rescued 40 hostages and two soldiers were killed.", 2),
    ("Troops arrested 15 suspects and two soldiers were killed in the operation.", 2),
    ("Officials said six soldiers and a porter were killed.", 7),
])
def test_only_a_figure_opening_its_clause_is_added(text, n):
    c = sentence_fatalities(text)
    assert c is not None and c.value == n, c


def test_a_lower_case_march_is_no_month():
    c = sentence_fatalities("Police fired on the march 3 killed, dozens hurt.")
    assert c is not None and c.value == 3, c


@pytest.mark.parametrize("text,n", [
    # a distance is no toll, nor added to one
    ("Militants attacked an army base in Afgooye, about 30 km northwest of Mogadishu, on Monday, killing at "
     "least six soldiers, an officer said.", 6),
    ("Five soldiers were killed on the road 20 miles south of Kabul.", 5),
    ("At least 30 people were killed 5 km from the border.", 30),
])
def test_a_distance_is_no_toll(text, n):
    c = sentence_fatalities(text)
    assert c is not None and c.value == n, c


def test_one_figure_for_a_pair_of_victims():
    c = sentence_fatalities("At least 15 soldiers and pro-government militiamen were killed when jihadists "
                            "ambushed a supply convoy near Djibo.")
    assert c is not None and c.value == 15, c
    # the figure is another verb's object: not the dead
    c = sentence_fatalities("Police arrested 12 suspects and officers were killed later.")
    assert c is None or c.value != 12, c
