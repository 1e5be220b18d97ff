"""Confidence per event: a 0..1 score meant to rank events and to threshold them.

A logistic combination of what the event rests on: how specific its trigger is, whether
its date, place and actors were read from the text, how many sentences tell it, and
whether it is hedged ("reportedly") or only dated by the publication date. The weights are
hand-set (no training data of our own yet) and checked on the labelled sets: events from
trap sentences must rank below real ones (see ``tests/test_events.py``).
"""

from __future__ import annotations

import math

WEIGHTS = {
    "bias": -1.2,
    "strength": 2.6,  # trigger strength 0..1 from triggers.yaml
    "date_from_text": 0.5,
    "date_fallback": -0.4,
    "location": 0.35,
    "location_precise": 0.2,
    "actor1": 0.3,
    "actor2": 0.2,
    "fatalities": 0.25,
    "sentences": 0.2,  # per extra evidence sentence, up to 3
    "hedged": -0.5,
    "attributed": 0.1,
    "definite_only": -0.4,
    "historical": -1.5,  # dated more than a year before publication
}


def score(
    strength: float,
    date_from_text: bool,
    has_location: bool,
    precise_location: bool,
    has_actor1: bool,
    has_actor2: bool,
    has_fatalities: bool,
    n_sentences: int,
    hedged: bool,
    attributed: bool,
    definite_only: bool,
    historical: bool = False,
) -> float:
    w = WEIGHTS
    z = w["bias"] + w["strength"] * strength
    z += w["date_from_text"] if date_from_text else w["date_fallback"]
    z += w["location"] * has_location + w["location_precise"] * precise_location
    z += w["actor1"] * has_actor1 + w["actor2"] * has_actor2
    z += w["fatalities"] * has_fatalities
    z += w["sentences"] * min(max(n_sentences - 1, 0), 3)
    z += w["hedged"] * hedged + w["attributed"] * attributed
    z += w["definite_only"] * definite_only
    z += w["historical"] * historical
    return round(1.0 / (1.0 + math.exp(-z)), 3)
