"""Words inside ordinary phrases that must not become actors or places.

"Molotov cocktails" is a weapon, not Perm (whose Soviet name was Molotov);
Nigeria's "Local Government Area" is an administrative unit, not the government.
"""

from __future__ import annotations

import pytest

from eventwire.api import extract

pytestmark = pytest.mark.model


def test_molotov_cocktails_are_not_a_place_in_russia():
    text = ("Hooded protesters threw stones and Molotov cocktails at riot police outside the presidential palace "
            "in Bogota on Friday night, injuring 12 officers, the city's security office said.")
    events = extract(text, published="2025-09-27")
    assert events and all(e.country == "Colombia" for e in events), [(e.location, e.country) for e in events]


def test_a_local_government_area_is_not_an_actor():
    text = ("Gunmen attacked Kwall village in Bassa Local Government Area of Plateau State on Sunday night, "
            "killing five people, residents said.")
    events = extract(text, published="2024-05-13")
    assert events
    e = events[0]
    assert e.actor1.startswith("Unidentified Armed Group") and e.actor2 == "Civilians (Nigeria)", (e.actor1, e.actor2)
    # control: a government named as one still is
    gov = extract("The government of Plateau State imposed a 24-hour curfew on Bassa on Monday after the killings.",
                  published="2024-05-13")
    assert not any("Local" in (x.actor1 or "") for x in gov)
