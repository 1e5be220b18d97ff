"""The small public API: sorted ``__all__``, every name importable, typed records round-trip."""

from __future__ import annotations

import eventwire
from eventwire.models import Event, Evidence


def test_all_is_sorted_and_importable():
    assert eventwire.__all__ == sorted(eventwire.__all__)
    for name in eventwire.__all__:
        assert hasattr(eventwire, name), name


def test_event_round_trip():
    e = Event(doc_id="d", event_id="x", event_date="2020-01-02", evidence=[Evidence("abc", 1, 4)],
              provenance={"actor1": Evidence("ab", 1, 3)}, latitude=1.5, longitude=2.5)
    again = Event.from_dict(e.as_dict())
    assert again == e
    row = e.acled_row()
    assert row["event_id_cnty"] == "x" and row["year"] == 2020


def test_extract_requires_input():
    import pytest

    from eventwire.errors import InputError

    with pytest.raises(InputError):
        eventwire.extract()


def test_extract_returns_events_with_valid_evidence():
    text = ("Police fired tear gas at hundreds of protesters in Nairobi on Tuesday, witnesses said. "
            "Two people were killed when officers opened fire, a rights group said.")
    events = eventwire.extract(text=text, published="2023-07-12", source="Reuters")
    assert isinstance(events, list)
    for e in events:
        assert e.source == "Reuters"
        for ev in e.evidence + list(e.provenance.values()):
            assert text[ev.start:ev.end] == ev.text
