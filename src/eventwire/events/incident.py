"""One event per incident: two events of one article told of the same sides, at the same place, on
the same day are one event (ACLED: "One event = one type of interaction, between the same actors,
at one location, on one day").

A story often tells its incident twice in other words: "Soldiers detained and then shot dead nine
herders near Tenenkou on Tuesday ... The herders were arrested at a watering point outside Tenenkou by
troops" (an attack, then the arrest that was its first step), or "Security forces opened fire on
supporters of a jailed opposition leader in Lome on Wednesday, killing three ... police arrived and
fired tear gas at the marchers" (the force used on a crowd read both as an attack on civilians and as
the protest's intervention). The second reading is no second
event. ``fold_same_incident`` folds such a pair into the event told first, or into the crowd's event:
force used on protesters is coded as the protest's intervention, excessive force when it killed.

Only kinds of violence one side does to the other fold: violence against civilians, arrests, force
against a crowd, and two riots of one town and day. A battle is another kind of interaction (the
army's clash with the gunmen after their attack on villagers stays), and so is a peaceful protest
(two crowds marching in one city on one day are two events). A sentence that sets its event apart
("In a separate attack", "Elsewhere", "also") or tells a step after the other ("Hours later, the
attackers abducted 20 travellers", "Police then arrested ...") keeps it.
"""

from __future__ import annotations

import re

from ..models import Event
from ..places.gazetteer import distance_km
from .lexicon import load_lexicon
from .notes import make_notes

SAME_PLACE_KM = 10.0  # two points this close are one place (a town and its quarter)

_CROWD_FORCE = ("Protest with intervention", "Excessive force against protesters")
_ONE_SIDED = ("Violence against civilians",)  # event types whose actor1 does it to actor2
_STATE = (1, 3)  # state forces: military, police (a "security forces" report is either)
_CIVILIAN = (6, 7)  # protesters, civilians: the crowd fired on is the civilians shot


def _kind(ev: Event) -> str:
    if ev.sub_event_type in _CROWD_FORCE:
        return "crowd"
    if ev.sub_event_type == "Arrests" or ev.event_type in _ONE_SIDED:
        return "harm"
    if ev.event_type == "Riots":
        return "riot"
    if ev.sub_event_type == "Peaceful protest":
        return "peaceful"
    return ""


def _sides(ev: Event) -> tuple[tuple[str, int], tuple[str, int]] | None:
    """(who used force, on whom), each as (name, inter code)."""
    a1, a2 = (ev.actor1 or "", ev.inter1 or 0), (ev.actor2 or "", ev.inter2 or 0)
    if ev.sub_event_type in _CROWD_FORCE:
        # "Protesters -> Police" for a protest broken up: the police used force on the crowd
        crowd, force = (a1, a2) if a1[1] == 6 else (a2, a1)
        return force, crowd
    return a1, a2


def _same_side(a: tuple[str, int], b: tuple[str, int], country_a: str, country_b: str) -> bool:
    if not a[0] or not b[0]:
        return False
    if a[0] == b[0]:
        return True
    if a[1] in _STATE and b[1] in _STATE:
        return country_a == country_b  # "security forces", "police and gendarmes", "the army"
    return a[1] in _CIVILIAN and b[1] in _CIVILIAN


def _same_place(a: Event, b: Event) -> bool:
    if a.country != b.country:
        return False
    if a.location and a.location == b.location:
        return True
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return False
    # (a province or country is no place to tell two events apart by, nor to join them by)
    if max(a.geo_precision or 3, b.geo_precision or 3) >= 3:
        return False
    return distance_km(a.latitude, a.longitude, b.latitude, b.longitude) <= SAME_PLACE_KM


_CROWD_WORD = re.compile(r"(?i)\b(?:protest(?:er|or)s|demonstrators|marchers|crowds?|mourners|rally|"
                         r"(?:protesting|demonstrating|marching|rallying)\b)")


def _fired_on_crowd(harm: Event, crowd: Event) -> bool:
    """A peaceful protest and an attack by state forces whose own sentence names a crowd ("Soldiers
    opened fire on mourners marching to the police station ..."): the crowd fired on is the protest."""
    if crowd.sub_event_type != "Peaceful protest" or harm.event_type not in _ONE_SIDED:
        return False
    if (harm.inter1 or 0) not in _STATE or (harm.inter2 or 0) not in _CIVILIAN:
        return False
    trig = harm.provenance.get("sub_event_type")
    sent = next((x for x in harm.evidence if trig is not None and x.start <= trig.start < x.end), None)
    return sent is not None and bool(_CROWD_WORD.search(sent.text))


def _trigger_sentence(ev: Event):
    trig = ev.provenance.get("sub_event_type")
    return next((x for x in ev.evidence if trig is not None and x.start <= trig.start < x.end), None)


_THE_CROWD = re.compile(r"(?i)\bthe\s+(?:\w+\s+)?(?:protest(?:er|or)s|demonstrators|marchers|crowds?|mourners|rally|gathering)\b")


def _harm_of_crowd(harm: Event, crowd: Event) -> bool:
    """Is the act of violence or the arrest ``harm`` the force used on ``crowd``'s protest? Its own
    sentence names a crowd ("opened fire on protesters", "arrested dozens of the marchers"), or the
    crowd's sentence, told after it, tells it again of "the crowd" ("Witnesses said the crowd had been
    calm when police arrived"). A journalist arrested at his home or a thief shot in a suburb that day
    is another event, not the protest's dispersal."""
    hs, cs = _trigger_sentence(harm), _trigger_sentence(crowd)
    if hs is None or cs is None:
        return False
    if hs.start == cs.start or _CROWD_WORD.search(hs.text):
        return True
    return cs.start > hs.start and bool(_THE_CROWD.search(cs.text))


def same_incident(a: Event, b: Event) -> bool:
    """Are ``a`` and ``b`` one incident told twice (same day, place, and sides; kinds that fold)?"""
    ka, kb = _kind(a), _kind(b)
    if "peaceful" in (ka, kb):
        harm, crowd = (a, b) if kb == "peaceful" else (b, a)
        if not _fired_on_crowd(harm, crowd):
            return False
        ka = kb = "crowd"
    elif {ka, kb} == {"crowd", "harm"}:
        harm, crowd = (a, b) if ka == "harm" else (b, a)
        if not _harm_of_crowd(harm, crowd):
            return False
    if not ka or not kb or (ka == "riot") != (kb == "riot"):
        return False
    if not a.event_date or a.event_date[:10] != b.event_date[:10]:
        return False
    if (a.time_precision or 1) != 1 or (b.time_precision or 1) != 1:
        return False
    if not _same_place(a, b):
        return False
    if "Peaceful protest" in (a.sub_event_type, b.sub_event_type):
        return True  # (the crowd's own sides are its protesters alone)
    (fa, va), (fb, vb) = _sides(a), _sides(b)
    if ka == "riot":  # a crowd is named by what it did: the rioters of one town and day
        return fa[1] == fb[1] == 5 and (not va[0] or not vb[0] or _same_side(va, vb, a.country, b.country))
    return (_same_side(fa, fb, a.country, b.country) and _same_side(va, vb, a.country, b.country)
            and _arrest_of_victims(a, b))


def _victim_words(ev: Event) -> set[str]:
    span = ev.provenance.get("actor2")
    return {w.lower().rstrip("s") for w in re.findall(r"[A-Za-z]{3,}", span.text)} if span is not None else set()


def _arrest_of_victims(a: Event, b: Event) -> bool:
    """An arrest folds into an attack by the same forces that day only when it is of the attack's
    victims ("detained and then shot dead nine herders ... The herders were arrested at a watering
    point"): the village chief arrested the day soldiers shot a herder is another event."""
    if (a.sub_event_type == "Arrests") == (b.sub_event_type == "Arrests"):
        return True
    wa, wb = _victim_words(a), _victim_words(b)
    return not wa or not wb or bool(wa & wb)


def _keep_first(a: Event, b: Event) -> bool:
    """Which of the pair stays: the crowd's event (force used on protesters is its intervention),
    else the one told first."""
    ca, cb = _kind(a) in ("crowd", "peaceful"), _kind(b) in ("crowd", "peaceful")
    if ca != cb:
        return ca
    return True


def _fold(keep: Event, gone: Event) -> None:
    have = {(e.start, e.end) for e in keep.evidence}
    keep.evidence = sorted(keep.evidence + [e for e in gone.evidence if (e.start, e.end) not in have],
                           key=lambda e: e.start)
    force = None
    if keep.sub_event_type == "Peaceful protest" and _kind(gone) != "peaceful":
        force = (gone.actor1 or "", gone.inter1 or 0)  # the force that fired on the crowd
    elif keep.sub_event_type == "Protest with intervention":
        force = _sides(keep)[0]
    if (gone.fatalities or 0) > (keep.fatalities or 0):
        keep.fatalities = gone.fatalities
        if "fatalities" in gone.provenance:
            keep.provenance["fatalities"] = gone.provenance["fatalities"]
    if force is not None and force[0]:
        # ACLED: a protest the force used on killed people is excessive force against protesters, one
        # it broke up without killing a protest with intervention
        crowd = (keep.actor1, keep.inter1) if (keep.inter1 or 0) == 6 else (keep.actor2, keep.inter2)
        lethal = (keep.fatalities or 0) > 0
        t = load_lexicon().types["Excessive force against protesters" if lethal else "Protest with intervention"]
        keep.sub_event_type, keep.event_type, keep.disorder_type = t.name, t.event_type, t.disorder_type
        first, second = (force, crowd) if lethal else (crowd, force)
        keep.actor1, keep.inter1, keep.actor2, keep.inter2 = first[0], first[1], second[0], second[1]
        keep.civilian_targeting = "Civilian targeting" if lethal else ""
        keep.interaction = _interaction(keep.inter1, keep.inter2)
    keep.notes = make_notes(keep, "event_date" in keep.provenance)


_LATER = re.compile(r"(?i)\b(?:later|afterwards?|then|subsequently|next)\b")


def _moves_on(ev: Event) -> bool:
    """Does ``ev``'s sentence tell a step after the event before it ("Hours later, the attackers
    abducted 20 travellers", "Police then arrested ...")?"""
    trig = ev.provenance.get("sub_event_type")
    sent = next((x for x in ev.evidence if trig is not None and x.start <= trig.start < x.end), None)
    return sent is not None and bool(_LATER.search(sent.text[:trig.start - sent.start]))


def _interaction(i1: int, i2: int) -> int:
    from ..actors import interaction_code

    return int(interaction_code(i1, i2)) if (i1 or i2) else 0


def fold_same_incident(events: list[Event]) -> list[Event]:
    """Fold each event into an earlier-kept one of the same incident (``same_incident``), unless its
    sentence sets it apart ("In a separate attack", "Elsewhere", "also") or moves on ("later", "then")."""
    from .split import _told_apart

    out: list[Event] = []
    for ev in events:
        twin = next((k for k in out if same_incident(k, ev)), None)
        if twin is None or _told_apart(ev, also=True) or _moves_on(ev):
            out.append(ev)
            continue
        if _keep_first(twin, ev):
            _fold(twin, ev)
        else:
            _fold(ev, twin)
            out[out.index(twin)] = ev
    return out


_VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")


def drop_country_level(events: list[Event]) -> list[Event]:
    """An act of violence known only at the level of a whole country ("Russia launched 112 drones at
    Ukraine overnight", "fighters of the Rwanda-backed M23" read as Rwanda), in a story that places its
    other events in towns or provinces: ACLED does not record events known only at country level
    (``ACLED-NOTES.md``); here it is a summary or a misread place, not an incident of the story."""
    def country_only(ev: Event) -> bool:
        return bool(ev.country) and ev.location == ev.country and not ev.admin1

    if not any(ev.admin1 and not country_only(ev) for ev in events):
        return events  # (a story placing nothing more precisely keeps what it tells)
    return [ev for ev in events if not (country_only(ev) and ev.event_type in _VIOLENT and not _region_named(ev))]


_COMPASS = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|centre|center)"
_REGION_BEFORE = re.compile(r"(?i)(?:\b" + _COMPASS + r"(?:ern)?\s+|\bcentral\s+|\b(?:the\s+)?" + _COMPASS +
                            r"(?:ern)?\s+(?:part|region|area)s?\s+of\s+|\bthe\s+" + _COMPASS + r"\s+of\s+|"
                            r"\bborder(?:\s+(?:area|region|zone))?\s+(?:in|of)\s+(?:the\s+)?)$")
_REGION_AFTER = re.compile(r"(?i)^(?:'s|’s)\s+(?:(?:far|restive|remote)\s+)?(?:" + _COMPASS + r"|border)")


def _region_named(ev: Event) -> bool:
    """Is the country a place is told in only the frame of a larger region ("in northern Burkina Faso",
    "in the east of Congo", "near the Somali border in Kenya", "Niger's south-west")? ACLED codes that
    to the region (geo_precision 3), not to the country: the event stays."""
    span = ev.provenance.get("location")
    if span is None:
        return False
    sent = next((x for x in ev.evidence if x.start <= span.start < x.end), None)
    if sent is None:
        return False
    at = span.start - sent.start
    return bool(_REGION_BEFORE.search(sent.text[max(0, at - 60):at])
                or _REGION_AFTER.search(sent.text[at + len(span.text):]))

