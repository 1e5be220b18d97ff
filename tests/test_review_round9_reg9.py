"""Regressions of toponyms round 9 on held-out gold, each with controls. Texts are written for this test
(fictional stories in real places).

* "the town" in a sentence naming no place refers to the town the article introduced as "the town of X";
  that same town named again later ("have retaken Kidal") is not another scene that takes "the town" over
  (the town the fighters withdrew towards was then picked instead);
* a decision or a deal covering a list of towns ("declared a curfew in A and B") is one act, not one event
  in each town; attacks or protests in a list of towns still are one event each.
"""
from __future__ import annotations

import pytest

from eventwire.api import extract


def _locs(events, sub: str) -> list[str]:
    return [e.location for e in events if e.sub_event_type == sub]


# ------------------------------------------------------------ "the town" after the same town named again
@pytest.mark.model
def test_the_town_stays_the_town_named_again():
    text = ("Malian troops retake Kidal from rebels\n"
            "BAMAKO, March 4 (Reuters) - Malian soldiers recaptured the town of Kidal in the north from "
            "separatist rebels on Sunday, the army said. \"Our men have retaken Kidal after heavy fighting,\" "
            "an army officer said. The rebels withdrew northwards towards Tessalit. "
            "Before leaving on Saturday, the rebels looted the town's main market and burned a school, "
            "residents said.")
    events = extract(text, published="2024-03-04")
    assert _locs(events, "Looting/property destruction") == ["Kidal"]


@pytest.mark.model
def test_the_town_control_another_scene_named_since():
    # control: another town named since as where something happened takes "the town"
    text = ("Mali: rebels leave Kidal\n"
            "BAMAKO, March 4 (Reuters) - Rebels seized the town of Kidal in the north two weeks ago, the army "
            "said. On Sunday, the army attacked the rebels in Anefis. Before leaving on Saturday, the rebels "
            "looted the town's main market and burned a school, residents said.")
    events = extract(text, published="2024-03-04")
    assert _locs(events, "Looting/property destruction") == ["Anefis"]


# ------------------------------------------------------------ one decision over a list of towns
@pytest.mark.model
@pytest.mark.parametrize("text", [
    ("Peru: land feud\nLIMA, June 9 (Reuters) - Two farmers were killed on Friday in a land dispute in Ilave, "
     "police said. On Saturday the government declared a state of emergency in Ilave and Juli, banning the "
     "carrying of weapons."),
    "Peru: unrest\nLIMA, June 9 (Reuters) - The government on Saturday imposed a curfew in Juliaca and Puno "
    "after two nights of clashes.",
])
def test_a_decision_over_two_towns_is_one_event(text):
    events = extract(text, published="2024-06-09")
    assert len(_locs(events, "Change to group/activity")) == 1


@pytest.mark.model
@pytest.mark.parametrize("sentence,sub", [
    ("Thousands of traders marched in Kumasi and Tamale on Tuesday against new taxes, witnesses said.",
     "Peaceful protest"),
    ("Soldiers looted shops in Kumasi and Tamale on Tuesday, witnesses said.", "Looting/property destruction"),
])
def test_acts_in_each_town_of_a_list_still_split(sentence, sub):
    # control: a crowd, or looting, in each town of a list is one event in each
    events = extract("Ghana: unrest\nACCRA, June 9 (Reuters) - " + sentence, published="2024-06-10")
    assert sorted(_locs(events, sub)) == ["Kumasi", "Tamale"]
