"""One event per place and day: "protesters marched in Nairobi, Mombasa and Kisumu" is three events,
"clashed in Kidal on Monday and in Gao on Tuesday" two (``split_by_day`` below).

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

from ..models import Document, Event, Evidence, Mention, Place
from .fatalities import sentence_fatalities
from .lexicon import load_lexicon
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


# a decision or a deal covering a list of towns is one act of one party, not one event in each town
_ONE_ACT = frozenset({"Change to group/activity", "Agreement"})


def split_by_place(doc: Document, events: list[Event]) -> list[Event]:
    """Each event placed at an item of a list of towns, copied to every town of the list;
    fatalities divided among the copies (the first ones take the remainder)."""
    out: list[Event] = []
    for ev in events:
        m = _place_mention(doc, ev)
        if ev.event_type == "Strategic developments" and ev.sub_event_type in _ONE_ACT:
            out.append(ev)  # "declared a state of emergency in X and Y": one decision, told where it applies
            continue
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


# --------------------------------------------------------------------------- one event per day
# "Police fired tear gas at teachers in Thika on Monday and on Tuesday dispersed a second march in
# Ruiru", "teargassed on Tuesday in La Plata and on Wednesday in Berisso": two days, each told with
# its own place, are two events (ACLED: one location, one day). Not split: a statement's day ("the
# army said on Tuesday"), a span ("began on Monday and continued on Tuesday"), one place or none
# named for a day.
_CLAUSE_JOIN = re.compile(r",\s*(?:and\s+|while\s+|then\s+)?|;\s*|\s+and\s+(?:then\s+)?", re.IGNORECASE)
_SPAN_WORDS = re.compile(r"\b(?:began|begun|begin|beginning|started|starting|start|continu\w*|lasted|lasting|"
                         r"throughout|resumed|spanning|persisted|raged on)\b", re.IGNORECASE)
_SPAN_BEFORE = re.compile(r"\b(?:from|between|since|until|till|through|into|to)\s+(?:the\s+)?(?:\w+\s+of\s+)?$",
                          re.IGNORECASE)
_LOCATIVE = re.compile(r"\b(?:in|at|near|outside|around|across|of)\s+(?:the\s+)?(?:\w+\s+(?:of|in)\s+)?$",
                       re.IGNORECASE)


def _sentence_of(doc: Document, ev: Event):
    trig = ev.provenance.get("sub_event_type")
    if trig is None:
        return None
    for s in doc.sentences:
        if doc.to_text_offset(s.start) <= trig.start and trig.end <= doc.to_text_offset(s.end):
            return s
    return None


def _day_clauses(doc: Document, s, ev: Event, place: Mention | None):
    """[(date mention, town mention, clause start, clause end)] of a sentence telling one event per
    day at its own place, or []."""
    from .dates import find_dates

    text = s.text
    days = [d for d in find_dates(text, doc.published)
            if d.usable and d.precision == 1 and not d.report_date and d.kind != "relative-event"]
    if len(days) < 2 or len({d.date for d in days}) != len(days):
        return []
    if _SPAN_WORDS.search(text[max(0, days[0].start - 40):days[-1].end + 20]):
        return []  # "began on Monday and continued on Tuesday"
    if any(_SPAN_BEFORE.search(text[max(0, d.start - 30):d.start]) or _SPAN_BEFORE.search(d.text + " ")
           for d in days):
        return []  # "from Monday to Wednesday", "from the night of Monday into Tuesday"
    cuts = [0]
    for a, b in zip(days, days[1:]):
        joins = list(_CLAUSE_JOIN.finditer(text, a.end, b.start))
        if not joins:
            return []  # "on Monday, Tuesday" told as one day list? no clause of its own
        cuts.append(joins[-1].end())
    cuts.append(len(text))
    towns = _towns_in_sentence(doc, Mention(start=s.start, end=s.start, text="", kind="place", sent=s.index))
    out = []
    for k, d in enumerate(days):
        lo, hi = cuts[k], cuts[k + 1]
        if not (lo <= d.start < hi):
            return []
        here = [x for x in towns if lo <= x.start - s.start < hi
                and _LOCATIVE.search(text[max(0, x.start - s.start - 30):x.start - s.start])]
        if place is not None and place in here:
            t = place
        elif here:
            t = min(here, key=lambda x: abs(x.start - s.start - d.start))
        else:
            return []
        out.append((d, t, lo, hi))
    if len({t.value.geonameid or t.value.name for _, t, _, _ in out}) != len(out):
        return []
    if len({t.value.country_code for _, t, _, _ in out}) != 1:
        return []
    if place is None or all(t is not place for _, t, _, _ in out):
        return []  # the event was placed by another sentence: not this list of days
    return out


def split_by_day(doc: Document, events: list[Event]) -> list[Event]:
    """An event whose sentence tells two days, each with its own town ("in Kidal on Monday and in
    Gao on Tuesday"), copied to one event per day at that day's town; a toll goes to the clause that
    tells it (divided when told for all)."""
    sents = {id(ev): _sentence_of(doc, ev) for ev in events}
    out: list[Event] = []
    for ev in events:
        s = sents[id(ev)]
        clauses = []
        if s is not None and not any(o is not ev and sents[id(o)] is s for o in events):
            clauses = _day_clauses(doc, s, ev, _place_mention(doc, ev))
        if not clauses:
            out.append(ev)
            continue
        fat = ev.provenance.get("fatalities")
        owner = None
        if fat is not None:
            for k, (_, _, lo, hi) in enumerate(clauses):
                if doc.to_text_offset(s.start + lo) <= fat.start < doc.to_text_offset(s.start + hi):
                    owner = k
        n, total, base = len(clauses), ev.fatalities or 0, ev.as_dict()
        share, rest = divmod(total, n)
        # "killed three soldiers near Kidal on Monday and 4 people died ... near Gao": each its own toll
        told = [sentence_fatalities(s.text[lo:hi]) for _, _, lo, hi in clauses]
        own = [f.value if f is not None else 0 for f in told]
        each_own = bool(total) and sum(own) == total and sum(1 for v in own if v) > 1
        first = next(k for k, c in enumerate(clauses) if c[1] is _place_mention(doc, ev))
        for k, (d, x, _, _) in enumerate(clauses):
            copy = ev if k == first else Event.from_dict(base)
            p = x.value
            copy.location = p.name
            copy.latitude, copy.longitude = p.latitude, p.longitude
            copy.admin1, copy.admin2, copy.admin3 = p.admin1, p.admin2, p.admin3
            copy.provenance["location"] = doc.evidence(x.start, x.end)
            copy.event_date, copy.time_precision = d.date.isoformat(), 1
            copy.provenance["event_date"] = doc.evidence(s.start + d.start, s.start + d.end)
            if each_own:
                copy.fatalities = own[k]
                if told[k] is not None:
                    a = s.start + clauses[k][2] + told[k].start
                    copy.provenance["fatalities"] = doc.evidence(a, a + told[k].end - told[k].start)
            elif owner is not None:
                copy.fatalities = total if k == owner else 0
            else:
                copy.fatalities = share + (1 if k < rest else 0)
            if copy.fatalities == 0:
                copy.provenance.pop("fatalities", None)
            if k != first:
                key = f"{ev.event_id}|day|{x.start}"
                copy.event_id = "EW" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12].upper()
            out.append(copy)
        for c in out[-n:]:
            c.notes = make_notes(c, True)
    return out


# --------------------------------------------------------------------------- one clause per event
# "On Wednesday officers teargassed teachers in Ikeja; on Thursday the Ikorodu branch was
# teargassed in Ikorodu": one sentence, two events, each told in its own clause with its own day and
# place. Each event's evidence is its own clause (and the sentence's head before the first day, when
# that is where its action is told: "Police cleared road blockades on two days: on Tuesday in La
# Plata and on Wednesday in Berisso"), so that the Ikeja event's words do not name Ikorodu, and its
# trigger the clause's own word for the action when it has one.
_LEAD_PREPOSITION = re.compile(r"\s*(?:\b(?:on|at|in|and|,|:|;)\s*)*$", re.IGNORECASE)
_TRAILING_JOINT = re.compile(r"(?:[\s,;:]|\b(?:and|then|while)\b)*$", re.IGNORECASE)
_ANY_DATE_WORD = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)


def _clause_cuts(text: str, dates: list[tuple[int, int]]) -> list[int] | None:
    """Cut points of ``text`` (a sentence) between consecutive date mentions (relative offsets), at
    the last clause joint between them, or None when two dates share a clause."""
    cuts = [0]
    for (_, a_end), (b_start, _) in zip(dates, dates[1:]):
        joins = list(_CLAUSE_JOIN.finditer(text, a_end, b_start))
        if not joins:
            return None
        cuts.append(joins[-1].end())
    cuts.append(len(text))
    return cuts


def narrow_to_clauses(doc: Document, events: list[Event]) -> list[Event]:
    """Events of one sentence, each dated and placed in a clause of its own: evidence narrowed to
    that clause (with the sentence's head when the action is told there)."""
    groups: dict[tuple, list[Event]] = {}
    for ev in events:
        if len(ev.evidence) == 1:
            e = ev.evidence[0]
            groups.setdefault((e.start, e.end), []).append(ev)
    for (start, end), group in groups.items():
        if len(group) < 2:
            continue
        spans = []
        for ev in group:
            d, p = ev.provenance.get("event_date"), ev.provenance.get("location")
            if d is None or p is None or not (start <= d.start < end and start <= p.start < end):
                break
            spans.append((d.start - start, d.end - start, p.start - start, ev))
        else:
            if len({s[0] for s in spans}) != len(spans) or len({ev.event_date for ev in group}) != len(group):
                continue
            spans.sort(key=lambda s: s[0])
            text = group[0].evidence[0].text
            cuts = _clause_cuts(text, [(s[0], s[1]) for s in spans])
            if cuts is None:
                continue
            if not all(cuts[k] <= spans[k][2] < cuts[k + 1] for k in range(len(spans))):
                continue  # a place told in another day's clause
            head_end = len(_LEAD_PREPOSITION.sub("", text[:spans[0][0]]))
            clauses = []
            for k in range(len(spans)):
                lo = 0 if k == 0 else cuts[k]
                clause = _TRAILING_JOINT.sub("", text[lo:cuts[k + 1]])
                clauses.append((lo + len(clause) - len(clause.lstrip()), clause.strip()))
            if not all(c for _, c in clauses):
                continue
            for k, (_, _, _, ev) in enumerate(spans):
                clause_lo, clause = clauses[k]
                own = [Evidence(text=clause, start=start + clause_lo, end=start + clause_lo + len(clause))]
                trig = ev.provenance.get("sub_event_type")
                in_own = trig is not None and own[0].start <= trig.start and trig.end <= own[0].end
                in_head = trig is not None and start <= trig.start and trig.end <= start + head_end
                head_ok = k > 0 and head_end > 0 and not _ANY_DATE_WORD.search(text[:head_end]) and not any(
                    x[2] < head_end for x in spans)  # a head naming another day's place is that day's clause
                if trig is not None and not in_own and not (in_head and head_ok):
                    # the action told in another clause: the clause's own word for it, if any
                    # (the same word, "teargassed" ... "were also teargassed", else its first trigger)
                    found = [(a, b) for a, b, _ in load_lexicon().find(clause)]
                    same = [(a, b) for a, b in found if clause[a:b].lower().startswith(trig.text.lower()[:5])]
                    if same or found:
                        a, b = (same or found)[0]
                        a, b = own[0].start + a, own[0].start + b
                        ev.provenance["sub_event_type"] = Evidence(text=doc.text[a:b], start=a, end=b)
                if in_head and head_ok:
                    own.insert(0, Evidence(text=text[:head_end], start=start, end=start + head_end))
                ev.evidence = own
    return events


# --------------------------------------------------------------------------- a lead told again in detail
# "Police dispersed protesting teachers in Lagos for a second consecutive day on Thursday. On
# Wednesday officers had teargassed teachers in Ikeja; on Thursday the union's Ikorodu branch was
# teargassed in Ikorodu.": the lead tells, at the level of the region, the event a later sentence
# places in one of its towns. One event (ACLED: one location, one day), at the town.
_RUNNING_DAY = re.compile(
    r"\bfor (?:a|the) (?:second|third|fourth|fifth|sixth|seventh|\d+(?:st|nd|rd|th)) "
    r"(?:(?:consecutive|straight|successive) day|day (?:running|in a row))\b", re.IGNORECASE)


def _region_level(ev: Event) -> bool:
    """Placed only in its region, or at the town that shares the region's name ("in Lagos"
    coded to the city of Lagos, "in Kiambu County")."""
    if (ev.geo_precision or 3) >= 3:
        return bool(ev.admin1)
    return bool(ev.admin1) and ev.location.casefold() == ev.admin1.casefold()


def fold_leads(events: list[Event]) -> list[Event]:
    """Drop a region-level event whose trigger comes before that of an event of the same
    sub-event type in one of the region's towns on the same day (or, when the lead gives no day
    of its own and tells "for the second day running", the latest such day): the later sentence
    tells the same event in detail."""
    drop = set()
    for i, lead in enumerate(events):
        trig = lead.provenance.get("sub_event_type")
        if trig is None or not _region_level(lead):
            continue
        detail = [e for e in events if e is not lead and e.sub_event_type == lead.sub_event_type
                  and not _region_level(e) and e.admin1 == lead.admin1 and e.country == lead.country
                  and (e.geo_precision or 3) <= 2 and "sub_event_type" in e.provenance
                  and e.provenance["sub_event_type"].start > trig.end]
        if not detail:
            continue
        same_day = [e for e in detail if e.event_date[:10] == lead.event_date[:10] and (e.time_precision or 1) == 1]
        running = False
        if not same_day and "event_date" not in lead.provenance and _RUNNING_DAY.search(
                " ".join(x.text for x in lead.evidence)):
            last = max(e.event_date[:10] for e in detail)
            same_day = [e for e in detail if e.event_date[:10] == last]
            running = True
        if len(same_day) != 1 or (lead.fatalities or 0) > (same_day[0].fatalities or 0):
            continue
        if _told_apart(same_day[0], also=not running):
            continue
        drop.add(i)
    return [e for i, e in enumerate(events) if i not in drop]


_ALSO = re.compile(r"\balso\b", re.IGNORECASE)


def _told_apart(ev: Event, also: bool) -> bool:
    """Does ``ev``'s sentence open as another event ("In a separate attack on Monday, bandits
    stormed Funtua", "Elsewhere, ...") or, when ``also``, say the action happened too ("On Monday
    traders also protested in Ikorodu": on the lead's own day, a second event, not its detail)?"""
    trig = ev.provenance.get("sub_event_type")
    sent = next((x for x in ev.evidence if trig is not None and x.start <= trig.start < x.end), None)
    if sent is None:
        return False
    before = sent.text[:trig.end - sent.start]
    clause = re.split(r"[;:]", before)[-1]
    return bool(load_lexicon().cues["separate_event"].search(clause)) or (also and bool(_ALSO.search(clause)))


_CROWD_SIDE = re.compile(r"^(?:Protesters|Rioters)\b")


def _names_crowd(battle: Event, crowd: Event) -> bool:
    """Is the unidentified armed side of ``battle`` told by the word that names ``crowd``'s
    protesters or rioters ("Farmers and police clashed" / "a road blockade by the farmers' union")?"""
    who = crowd.provenance.get("actor1")
    if who is None:
        return False
    b = _words(who.text)
    for key, name in (("actor1", battle.actor1), ("actor2", battle.actor2)):
        side = battle.provenance.get(key)
        if (name or "").startswith("Unidentified Armed Group") and side is not None and _words(side.text) & b:
            return True
    return False


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.casefold())) - {"the", "a", "an", "of", "and", "s", "some", "local"}


def drop_crowd_battles(events: list[Event]) -> list[Event]:
    """Drop an armed clash one of whose sides is a crowd (protesters, rioters) when its sentence
    tells that crowd's protest or riot too ("Teachers and police clashed again on Wednesday, where
    officers cleared a road blockade with rubber bullets"): battles are fought by armed groups
    (ACLED); the protest event is the one told, not a second, armed event."""
    crowd = [e for e in events if e.event_type in ("Protests", "Riots") and e.evidence]
    out = []
    for ev in events:
        if ev.event_type == "Battles" and ev.evidence:
            told = [c for c in crowd if c.evidence[0].start <= ev.evidence[0].start < c.evidence[0].end
                    or ev.evidence[0].start <= c.evidence[0].start < ev.evidence[0].end]
            sides = (ev.actor1 or "", ev.actor2 or "")
            if told and any(_CROWD_SIDE.match(x) for x in sides):
                continue
            # "Farmers and police clashed ..., where officers cleared a road blockade": the crowd
            # named as an unidentified armed group facing the force that broke up the protest
            # (the word naming that group names the crowd: "Police clashed with gunmen ... as officers
            # dispersed protesters nearby" is a clash with gunmen, not with the crowd)
            if any(x.startswith("Unidentified Armed Group") for x in sides) and any(
                    c.actor2 and c.actor2 in sides and _names_crowd(ev, c) for c in told):
                continue
        out.append(ev)
    return out
