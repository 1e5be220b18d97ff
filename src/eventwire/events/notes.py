"""ACLED-style ``notes``: one sentence generated from the event's fields.

"On 16 February 2019, SDF forces, backed by coalition aircraft, launched an offensive against
IS in Baghuz (Deir ez-Zor). No fatalities were reported."

The phrase for each sub-event type is the `note` / `note_single` template in
``data/triggers.yaml``.
"""

from __future__ import annotations

import datetime as dt
import re

from ..models import Event
from .lexicon import load_lexicon


def date_phrase(event_date: str, precision: int, from_text: bool) -> str:
    try:
        d = dt.date.fromisoformat(event_date)
    except (TypeError, ValueError):
        return "On an unknown date"
    if precision == 3:
        return f"In {d.strftime('%B %Y')}"
    if precision == 2:
        return f"Around {d.day} {d.strftime('%B %Y')}"
    if not from_text:
        return f"On or around {d.day} {d.strftime('%B %Y')} (as reported)"
    return f"On {d.day} {d.strftime('%B %Y')}"


def _place_phrase(ev: Event) -> str:
    if ev.location:
        parts = [ev.location]
        admin = ev.admin1 if ev.admin1 and ev.admin1 != ev.location else ""
        tail = f" ({admin})" if admin else ""
        prep = "near" if ev.geo_precision == 2 else "in"
        return f" {prep} {ev.location}{tail}" if parts else ""
    if ev.admin1:
        return f" in {ev.admin1}"
    if ev.country:
        return f" in {ev.country}"
    return ""


def _fatality_phrase(n: int) -> str:
    if n <= 0:
        return "No fatalities were reported."
    if n == 1:
        return "1 fatality was reported."
    return f"{n} fatalities were reported."


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


_GENERIC = ("Civilians", "Protesters", "Rioters")


def short_name(actor: str) -> str:
    """The name as a note says it: "SDF: Syrian Democratic Forces" -> "SDF",
    "Islamic State (Syria)" -> "Islamic State", "Civilians (Mali)" -> "civilians"."""
    name = actor.split(":", 1)[0].strip() if ":" in actor else actor
    name = re.sub(r"\s*\([^)]*\)", "", name).strip()
    if name in _GENERIC:
        return name.lower()
    return name


def make_notes(ev: Event, date_from_text: bool = True) -> str:
    """The one-sentence summary for ``ev`` (fields already filled)."""
    t = load_lexicon().types.get(ev.sub_event_type)
    a1 = short_name(ev.actor1) if ev.actor1 else "unidentified actors"
    if ev.assoc_actor_1:
        assoc = " and ".join(short_name(x) for x in ev.assoc_actor_1.split("; ") if x)
        a1 = f"{a1}, backed by {assoc},"
    a2 = short_name(ev.actor2) if ev.actor2 else ""
    place = ev.location or ev.admin1 or "an area"
    if t is None:
        body = f"{a1} were involved in an event"
    elif a2 or "{a2}" not in t.note_single:
        tmpl = t.note if a2 else t.note_single
        body = tmpl.format(a1=a1, a2=a2 or "others", place_or_area=place)
    else:
        body = t.note_single.format(a1=a1, a2="", place_or_area=place)
    if body.startswith("Displacement:"):
        lead = f"{body}"
        sentence = f"{lead}{_place_phrase(ev)} ({date_phrase(ev.event_date, ev.time_precision, date_from_text).lower()})."
    else:
        sentence = f"{date_phrase(ev.event_date, ev.time_precision, date_from_text)}, {body}{_place_phrase(ev)}."
    sentence = sentence.replace(",,", ",").replace(", in", " in")
    return f"{_cap(sentence)} {_fatality_phrase(ev.fatalities)}"
