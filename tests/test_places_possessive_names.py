"""A possessive inside a place name does not cut the name short.

"Democratic People's Republic of Korea" was read as "Republic of Korea" -- South
Korea -- because the possessive ended the name; "King's Lynn" was missed. A
possessive after a whole name still ends it ("Nigeria's Borno State").
"""

from __future__ import annotations

import pytest

from eventwire.models import Document
from eventwire.places import run as places_run
from eventwire.settings import Settings


def _places(text: str) -> dict[str, str]:
    doc = places_run(Document(id="t", text=text, clean=text), Settings(model="blank"))
    return {m.text: m.value.country_code for m in doc.mentions if m.kind == "place"}


@pytest.mark.parametrize("text, span, country", [
    ("The Democratic People's Republic of Korea fired two ballistic missiles on Monday, Tokyo said.",
     "Democratic People's Republic of Korea", "KP"),
    ("Flood defences failed in King's Lynn overnight, the Environment Agency said.", "King's Lynn", "GB"),
])
def test_possessive_inside_a_name(text, span, country):
    found = _places(text)
    assert found.get(span) == country
    assert "Republic of Korea" not in found


def test_possessive_after_a_name_still_ends_it():
    found = _places("Nigeria's Borno State was calm on Sunday, but Syria's army shelled Idlib.")
    assert found.get("Nigeria") == "NG" and found.get("Syria") == "SY"
    assert not any("'s" in span for span in found)
