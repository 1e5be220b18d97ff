"""A follow-up sentence with no place of its own must not move an event to the article's capital."""

from __future__ import annotations

import eventwire

ARTICLE = (
    "Jihadist fighters attacked a Malian army camp in the town of Tiembara-Kouro in the Mopti region on Sunday, "
    "killing three soldiers, military officials said.\n"
    "The fighters set off a car bomb at the gate of the camp before storming it, an officer told Reuters by phone.\n"
    "Residents said the fighting began before dawn and that one civilian was also killed by stray bullets.\n"
    "The junta said on Monday that the army would drive the jihadists out of the region. "
    "Analysts warned that the militants could strike Bamako again."
)


def test_followup_without_place_keeps_the_lead_sentence_place():
    events = eventwire.extract(text=ARTICLE, published="2024-03-12", source="Reuters")
    battles = [e for e in events if e.event_type == "Battles"]
    assert len(battles) == 1, [(e.sub_event_type, e.location) for e in events]
    for e in events:  # nothing moves to the capital named only in a prediction
        assert e.location != "Bamako" and e.admin1 != "Bamako", e
        assert e.country == "Mali"
    assert battles[0].event_date == "2024-03-10"
    assert battles[0].admin1 == "Mopti"
