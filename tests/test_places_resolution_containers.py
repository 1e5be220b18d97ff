"""A division named beside the towns it holds is that division: "Suffolk County" in a story about
Riverhead and Southold is Suffolk County, New York, not the more populous Suffolk County of Boston;
in a story about Ipswich and Lowestoft it is the English county."""
from __future__ import annotations

import pytest

from eventwire.places import geoparse_text

LONG_ISLAND = (
    "Police in Suffolk County said on Tuesday that two men were arrested after a robbery at a gas station "
    "in Riverhead. Detectives from the Suffolk County police department searched a house in Southold "
    "overnight and recovered a handgun, officials said."
)
EAST_ANGLIA = (
    "Suffolk Police said a man was arrested after a disturbance outside a pub in Lowestoft on Saturday. "
    "A second man was later detained in Ipswich, and officers across Suffolk appealed for witnesses."
)
BOSTON = (
    "The district attorney of Suffolk County, Massachusetts said charges were filed after a protest in "
    "Boston turned violent on Friday night."
)


def _suffolk(text: str, settings) -> list[dict]:
    return [r for r in geoparse_text(text, settings) if r["text"].startswith("Suffolk")]


@pytest.mark.parametrize("text,country,admin1", [
    (LONG_ISLAND, "US", "New York"),
    (EAST_ANGLIA, "GB", "England"),
    (BOSTON, "US", "Massachusetts"),
])
def test_division_beside_its_towns(text, country, admin1, settings):
    recs = _suffolk(text, settings)
    assert recs, "Suffolk not found"
    for r in recs:
        assert (r["country_code"], r["admin1"]) == (country, admin1), r
