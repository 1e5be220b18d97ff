"""Property tests: arbitrary text and HTML never crash ``extract``; evidence stays inside the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

import eventwire

WORDS = st.sampled_from([
    "attacked", "killed", "Syria", "police", "protesters", "on", "Saturday", "the", "village", "of", "Read more",
    "Close", "Photograph:", "\n", "SDF", "bomb", "2019", "Isis", "airstrike", "12", "dozens", ".", ",", "“", "<p>",
    "</p>", "<script>", "é", "\u200b", "\t", "Baghuz", "near", "km", "north", "Mogadishu", "arrested",
])
texty = st.lists(WORDS, max_size=60).map(" ".join)


def _check(text, events):
    for e in events:
        for ev in e.evidence + list(e.provenance.values()):
            assert 0 <= ev.start <= ev.end <= len(text)
            assert text[ev.start:ev.end] == ev.text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=400), texty))
def test_any_text(text):
    events = eventwire.extract(text=text, published="2019-02-16")
    _check(text, events)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), texty.map(lambda s: f"<html><body><p>{s}</p><div>{s}"), texty))
def test_any_html(html):
    doc = eventwire.api.make_document(html=html)
    events = eventwire.api.get_pipeline()(doc).events
    _check(doc.text, events)
