"""One event per place: "protesters marched in Nairobi, Mombasa and Kisumu" is three events.

ACLED codes one event per location and day (``ACLED-NOTES.md``: "One event = one type of
interaction, between the same actors, at one location, on one day"), and a total that spans
several events is divided among them, not repeated. The locator picks one place for an event;
when that place is an item of a list of towns joined by commas and "and" in the event's own
sentence ("in Nairobi, Mombasa and Kisumu"), the event is copied to each town of the list.

Only towns (GeoNames feature class P) of one country are split: "Goma, North Kivu" is a town
and its province, "Kidal, Mali" a town and its country, and "between Kisumu and Thika" a road
between two towns, not two events; "Kisumu or Thika" is a doubt, not two places.
"""

from __future__ import annotations

import hashlib
import re

from ..models import Document, Event, Mention, Place
from .notes import make_notes

_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)\s*", re.IGNORECASE)
_NOT_A_LIST_BEFORE = re.compile(r"\b(?:between|from|linking|connecting|road|highway)\s+(?:the\s+)?(?:towns?\s+of\s+)?$",
                                re.IGNORECASE)


def _towns_in_sentence(doc: Document, m: Mention) -> list[Mention]:
    return sorted((x for x in doc.mentions if x.kind == "place" and x.sent == m.sent
                   and isinstance(x.value, Place) and x.value.latitude is not None
                   and x.value.feature_class == "P" and x.meta.get("role", "literal") == "literal"
                   and not x.meta.get("unlisted") and not x.meta.get("doubt")), key=lambda x: x.start)


def town_list(doc: Document, m: Mention) -> list[Mention]:
    """The list of towns ``m`` is an item of ("in Nairobi, Mombasa and Kisumu"), or [m]."""
    towns = _towns_in_sentence(doc, m)
    if m not in towns:
        return [m]
    i = towns.index(m)
    lo = hi = i
    text = doc.clean
    while lo > 0 and _JOIN.fullmatch(text[towns[lo - 1].end:towns[lo].start]):
        lo -= 1
    while hi + 1 < len(towns) and _JOIN.fullmatch(text[towns[hi].end:towns[hi + 1].start]):
        hi += 1
    items = towns[lo:hi + 1]
    if len(items) < 2:
        return [m]
    joins = [text[a.end:b.start] for a, b in zip(items, items[1:])]
    if not re.search(r"\band\b", joins[-1], re.IGNORECASE):
        return [m]  # "Kisumu, Thika" without "and": a town and something, not a list
    if len({x.value.country_code for x in items}) != 1:
        return [m]
    if len({x.value.geonameid or x.value.name for x in items}) != len(items):
        return [m]
    if _NOT_A_LIST_BEFORE.search(text[max(0, items[0].start - 40):items[0].start]):
        return [m]
    return items


def _place_mention(doc: Document, ev: Event) -> Mention | None:
    said = ev.provenance.get("location")
    if said is None:
        return None
    for x in doc.mentions:  # mentions hold offsets into ``clean``, evidence into ``text``
        if x.kind == "place":
            e = doc.evidence(x.start, x.end)
            if e.start == said.start and e.end == said.end:
                return x
    return None


def _in_trigger_sentence(doc: Document, ev: Event, m: Mention) -> bool:
    """Is the place named in the sentence of the event's own trigger? A place borrowed from another
    sentence ("Protests spread to Nairobi, Mombasa and Kisumu. Police shot dead three protesters")
    says nothing about how many events there were."""
    trig = ev.provenance.get("sub_event_type")
    if trig is None:
        return False
    for s in doc.sentences:
        if m.start >= s.start and m.end <= s.end:
            a, b = doc.to_text_offset(s.start), doc.to_text_offset(s.end)
            return a <= trig.start and trig.end <= b
    return False


def split_by_place(doc: Document, events: list[Event]) -> list[Event]:
    """Each event placed at an item of a list of towns, copied to every town of the list;
    fatalities divided among the copies (the first ones take the remainder)."""
    out: list[Event] = []
    for ev in events:
        m = _place_mention(doc, ev)
        items = town_list(doc, m) if m is not None and _in_trigger_sentence(doc, ev, m) else []
        if len(items) < 2:
            out.append(ev)
            continue
        n = len(items)
        share, rest = divmod(ev.fatalities or 0, n)
        for k, x in enumerate(items):
            copy = Event.from_dict(ev.as_dict()) if x is not m else ev
            p = x.value
            copy.location = p.name
            copy.latitude, copy.longitude = p.latitude, p.longitude
            copy.admin1, copy.admin2, copy.admin3 = p.admin1, p.admin2, p.admin3
            copy.provenance["location"] = doc.evidence(x.start, x.end)
            copy.fatalities = share + (1 if k < rest else 0)
            if copy.fatalities == 0:
                copy.provenance.pop("fatalities", None)
            if x is not m:
                key = f"{ev.event_id}|{x.start}"
                copy.event_id = "EW" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12].upper()
            copy.notes = make_notes(copy, "event_date" in copy.provenance)
            out.append(copy)
    return out
