"""A region named inside an armed group's name is not where the group's attack happened.

"Islamic State Sahel", "Islamic State West Africa Province", "Islamic State in the Greater Sahara":
branch names of one group, each holding a region's name; the event is where the text places it.
"""

from __future__ import annotations

import pytest

from eventwire.api import extract


def _places(text: str) -> list[tuple[str, str, int]]:
    return [(e.as_dict()["location"], e.as_dict()["country"], e.as_dict()["geo_precision"])
            for e in extract(text, published="2025-05-16")]


@pytest.mark.parametrize("text,where", [
    ("The Defence and Security Forces have paid a heavy price this week in the department of Tera. On Tuesday, "
     "fighters of the Islamic State in the Greater Sahara, now called Islamic State Sahel, attacked the army "
     "position of Tera, killing nine soldiers according to our sources.", "Tera"),
    ("Militants of Islamic State Sahel attacked an army post in Tera, western Niger, on Tuesday, killing seven "
     "soldiers.", "Tera"),
    ("Fighters of Islamic State West Africa Province attacked a military base in Monguno, Borno State, on Sunday, "
     "killing six soldiers.", "Monguno"),
])
def test_a_region_inside_a_branch_name_is_not_the_place(text, where):
    got = _places(text)
    assert got and got[0][0] == where and got[0][2] == 1, got


def test_a_branch_name_alone_gives_no_region():
    got = _places("On Tuesday, fighters of the Islamic State in the Greater Sahara, now called Islamic State Sahel, "
                  "attacked an army position, killing nine soldiers according to our sources.")
    assert all(g[0] not in ("Sahel", "Sahara", "Greater Sahara") for g in got), got


def test_a_region_named_on_its_own_still_is_a_place():
    # control: "in the Sahel" names the region, not a group
    got = _places("Jihadists killed 14 villagers in an attack in Niger's Tillaberi region on Sunday.")
    assert got and got[0][0] == "Tillaberi" and got[0][1] == "Niger", got
