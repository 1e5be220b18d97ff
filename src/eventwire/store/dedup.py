"""Cross-article deduplication: are two reports the same event, and the merged record.

Two event reports from *different* documents are the same event when all of
these hold (knobs in ``data/dedup.yaml``):

* **type**: the same event type, or a pair listed as compatible (Protests and
  Riots; remote violence and violence against civilians; an armed clash and an
  attack on civilians only when both name the same armed actor); for strategic
  developments the sub-event type must match too; two remote-violence reports of
  different sub-event types whose evidence each names one weapon class, and
  different ones ("warplanes" / "artillery"), are two strikes; an armed clash
  whose evidence names the weapon of a remote strike between the same armed
  side(s) is that strike, told as fighting (:func:`_strike_told_as_clash`); a peaceful
  protest and a violent demonstration are never one event (a breakaway riot), nor
  an abduction and a strike; a protest whose report says it stayed peaceful is no
  excessive force against protesters (:func:`_peaceful_against_force`); a riot and an attack
  on civilians only when the attack's evidence tells the crowd fired on (:func:`_fired_on_the_crowd`);
* **date**: the dates differ by no more than the window of the coarser
  ``time_precision`` (same day when both know the day; a day more when one
  report dates the event by a night: "Monday night" / "overnight, an official
  said on Tuesday", or when the later report is dated by when it was told:
  "killed nine, a rescue group said on Friday", by its dateline, or by its publication day for
  want of date words -- unless it tells "another" attack);
* **place**: the points are within 25 km, or they share admin2 (in the same
  admin1), or one is only known at region level and they share admin1; with no
  coordinates at all, the same location name; a report placed only *near* a
  town (geo_precision 2) matches within 50 km in the same admin1; a report
  placed only in the country matches anywhere in it, and one with no place at
  all matches any place -- except that two *different*
  precisely located towns or villages more than 5 km apart are different
  places (neither name being the other's district or region, nor a district one report's
  evidence names as its own place with the other's town in it: :func:`_district_around`),
  and so are two neighbouring villages closer than that when each report's own words name
  its own and neither names the other's but as a reference point ("in Yohmor, a few
  kilometres from Arnoun": :func:`_neighbours_named_apart`). The evidence
  counts too, since the gazetteer lacks many villages: two reports naming
  different villages, camps or districts ("Pazigyi village" / "Kyaung Taung
  village") are two places; a region-level report naming a village or district
  matches a precise one only there; a town the gazetteer could not place matches
  a report whose evidence names it when that report is vague or its evidence
  does not name its own place (the article's setting); a place read from a
  *later* sentence of the report's article (what it tells next) matches a
  precise report only when the report's own evidence names that report's place;
  a report coded to its dateline city matches a precise report whose town its
  evidence names (not as a distance) and whose own evidence names it too;
  a report told on a road named by its two end towns ("the Bannu-Kohat road") and
  coded to one end matches a report at the other end (up to ``road_km`` apart);
  a report whose place comes from a later sentence matches in the region its own
  words name ("in the western state of Michoacan"); a town the gazetteer lacks
  matches a report whose place words named that town but was coded elsewhere,
  and two reports both coded elsewhere for want of it (:func:`_lacked_town`); a
  report coded to a town its evidence does not name, whose evidence tells the event
  "in" a town the gazetteer lacks, is not at a report's place that report's words name
  (:func:`_unplaced_town`);
* **country**: the same country when both name one;
* **actors**: each side of one report matches a side of the other (same
  normalised name or short form, or an associated actor), or is empty or
  unidentified; the military and the police of one country count as one
  side ("security forces"); an umbrella name matches its member groups ("FARC
  dissidents" / the EMC) and their members in turn (Al Qaeda / JNIM / Katiba Macina). "SDF v Islamic State" matches "Islamic State v SDF" and
  "SDF v unidentified gunmen", not "Military Forces of Syria v Islamic State".
  Victim sides a report contradicts are read first (:func:`_victims_recoded`):
  a state force as the victims of an attack on civilians, or civilians whose
  evidence names only soldiers hit, against a clash of those soldiers' forces; a "clash" of a
  named group and unidentified gunmen that hit only civilians, against an attack on civilians
  (:func:`_clash_on_civilians`); a bombing's civilians at a police or army post, against the
  bombing of that force (:func:`_post_hit`). An unnamed
  military's strike on civilians is the home military's strike on a group (:func:`_home_military`).

Events of the same document never merge with each other: the extractor has
already judged them to be different events. A report placed only at region or
country level that fits several stored events joins none (ambiguous) -- unless
its evidence names the place of exactly one of them, or exactly one of them
has its event and sub-event type. One that joined an event before a second event
it fits as well came is detached to stand alone (``Store._reassign``).

The merged record keeps every source ("; "-joined, in the order they came),
all evidence, the most precise date and location, the actor names of the
report naming most actors, and the most conservative fatalities (ACLED's
rule): the smallest number among the reports that give one -- a report that
says nothing about deaths does not count as "0 killed".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import math
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..events.dates import SPEECH_BEFORE
from ..models import Event
from ..resources import load_yaml


@dataclass(slots=True)
class Rules:
    date_window_days: dict[int, int]
    max_km: float
    distinct_place_km: float
    same_point_km: float
    road_km: float  # farthest apart two towns at the ends of a road a report names may be
    compatible_types: frozenset[frozenset[str]]
    restricted_types: dict[frozenset[str], frozenset[str]]  # event-type pair -> the sub-event types it allows
    sub_event_must_match: frozenset[str]
    exclusive_sub_events: frozenset[frozenset[str]]  # sub-event type pairs that are never one event
    wildcard_prefixes: tuple[str, ...]
    equivalent: dict[str, str]  # folded name -> canonical folded name
    umbrella: dict[str, frozenset[str]]  # folded member name -> folded umbrella names
    remote_means: dict[str, re.Pattern]  # class ("air", "ground") -> words that name it
    settlement_words: dict[str, str]  # "refugee camp" -> "camp": the kind of place a name is given as
    repeat_words: re.Pattern  # "another", "a day after": a report telling a second event of its kind
    crowd_groups: dict[str, re.Pattern] = field(default_factory=dict)  # who a crowd is ("teachers", "hawkers")
    division_words: str = "(?!)"  # "Local Government", "department": a seat town's name said of its district


_RULES: Rules | None = None


def rules() -> Rules:
    global _RULES  # noqa: PLW0603 -- a cache of packaged data, not state
    if _RULES is None:
        raw = load_yaml("dedup.yaml")
        _RULES = Rules(
            date_window_days={int(k): int(v) for k, v in raw["date_window_days"].items()},
            max_km=float(raw["max_km"]),
            distinct_place_km=float(raw.get("distinct_place_km", 5)),
            same_point_km=float(raw.get("same_point_km", 1)),
            road_km=float(raw.get("road_km", 150)),
            # the store's candidate query fetches the conditional pair too; types_match decides it
            compatible_types=frozenset(frozenset(p) for p in raw.get("compatible_event_types") or []) | {_CLASH_STRIKE},
            restricted_types={frozenset(r["types"]): frozenset(r["sub_event_types"])
                              for r in raw.get("restricted_type_pairs") or []},
            sub_event_must_match=frozenset(raw.get("sub_event_must_match") or []),
            exclusive_sub_events=frozenset(frozenset(p) for p in raw.get("exclusive_sub_event_types") or []),
            wildcard_prefixes=tuple(p.lower() for p in raw.get("wildcard_actor_prefixes") or []),
            equivalent={_fold(n): _fold(group[0]) for group in raw.get("equivalent_actor_names") or []
                        for n in group},
            umbrella=_umbrellas(raw.get("umbrella_actors") or {}),
            remote_means={k: _word_list(v) for k, v in (raw.get("remote_means") or {}).items()},
            settlement_words={str(w).lower(): str(kind) for kind, ws in (raw.get("settlement_words") or {}).items()
                              for w in ws},
            repeat_words=_word_list(raw.get("repeat_words") or "(?!)"),
            crowd_groups={k: _word_list(v) for k, v in (raw.get("crowd_groups") or {}).items()},
            division_words=re.sub(r"\|\s+", "|", str(raw.get("division_words") or "(?!)").strip()),
        )
    return _RULES


def _word_list(alternatives: str) -> re.Pattern:
    """A folded YAML list of ``|`` alternatives as one whole-word, case-blind pattern."""
    joined = re.sub(r"\|\s+", "|", alternatives.strip())
    return re.compile(rf"\b(?:{joined})\b", re.IGNORECASE)


def _umbrellas(raw: dict[str, list[str]]) -> dict[str, frozenset[str]]:
    """Each member's umbrellas, transitively: outlets name a sub-unit ("Katiba Macina"), its
    coalition (JNIM) or the network the coalition belongs to (Al Qaeda) for one attack, so a
    member of a member comes under the top umbrella too."""
    def key(name: str) -> str:
        return _fold(re.sub(r"\([^)]*\)", " ", name))

    parents: dict[str, set[str]] = {}
    for umbrella, members in raw.items():
        for m in members:
            parents.setdefault(key(m), set()).add(key(umbrella))
    out: dict[str, frozenset[str]] = {}
    for member in parents:
        seen: set[str] = set()
        todo = list(parents[member])
        while todo:
            u = todo.pop()
            if u not in seen and u != member:
                seen.add(u)
                todo.extend(parents.get(u, ()))
        out[member] = frozenset(seen)
    return out


# ------------------------------------------------------------------ helpers
def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"[^\w\s]", " ", s.lower())
    s = re.sub(r"\b(the|al|el)\b", " ", s)
    return " ".join(s.split())


_STATE_FORCES = re.compile(r"^(military|police|security) forces of (.+)$")
_ACRONYM_SKIP = {"of", "the", "and", "for", "de", "del", "la", "el", "des", "du", "in"}


def actor_keys(name: str) -> frozenset[str]:
    """Comparable keys of an actor name: the folded name without the country in
    parentheses, and both halves of a "SHORT: Long name" form."""
    if not name:
        return frozenset()
    base = re.sub(r"\([^)]*\)", " ", name)
    keys = {_fold(base)}
    if ":" in base:
        short, long_ = base.split(":", 1)
        keys.update({_fold(short), _fold(long_)})
    m = _STATE_FORCES.match(_fold(base))
    if m:  # outlets say "security forces": the military and the police of one country are one side
        keys.add(f"state forces of {m.group(2)}")
    for k in list(keys):  # "Myanmar National Democratic Alliance Army" -> "mndaa"
        words = [w for w in k.split() if w not in _ACRONYM_SKIP]
        if len(words) >= 3:
            keys.add("".join(w[0] for w in words))
    canonical = _dictionary_name(" ".join(base.split()))
    if canonical:  # "JNIM" and "Jama'at Nusrat al-Islam wal-Muslimin" are one group in the actor dictionary
        keys.add(_fold(re.sub(r"\([^)]*\)", " ", canonical)))
    eq = rules().equivalent
    return frozenset(eq.get(k, k) for k in keys if k)


@functools.lru_cache(maxsize=8192)
def _dictionary_name(name: str) -> str:
    """The actor dictionary's name for ``name`` when the whole of it is a listed alias, else ""."""
    if not name:
        return ""
    from ..actors.recognize import recognize_text

    whole = [m for m in recognize_text(name) if m.start == 0 and m.end >= len(name.rstrip(". "))]
    actor = whole[0].value if whole else None
    if actor is None or not getattr(actor, "listed", False) or actor.name.startswith(_GENERIC_ACTORS):
        return ""  # generic classes ("Military", "civilians") already compare by name and country
    return actor.name


_GENERIC_ACTORS = ("Military Forces", "Police Forces", "Civilians", "Protesters", "Rioters", "Unidentified",
                   "Communal Militia", "Government of", "Pro-Government Militia")


def is_wildcard(name: str) -> bool:
    n = name.strip().lower()
    return not n or any(n.startswith(p) for p in rules().wildcard_prefixes)


def _split_assoc(s: str) -> list[str]:
    return [p.strip() for p in (s or "").split(";") if p.strip()]


def _side(ev: Event, n: int) -> tuple[str, list[str]]:
    if n == 1:
        return ev.actor1, _split_assoc(ev.assoc_actor_1)
    return ev.actor2, _split_assoc(ev.assoc_actor_2)


def _names_match(a: str, b: str) -> bool:
    ka, kb = actor_keys(a), actor_keys(b)
    if ka & kb:
        return True
    # an umbrella name for one of its member groups ("FARC dissidents" / the EMC): members never match each other
    umb = rules().umbrella
    if any(umb.get(k, frozenset()) & kb for k in ka) or any(umb.get(k, frozenset()) & ka for k in kb):
        return True
    # a generic name that starts the specific one: "Military Forces" / "Military Forces of Syria"
    for x in ka:
        for y in kb:
            short, long_ = (x, y) if len(x) < len(y) else (y, x)
            if len(short.split()) >= 2 and long_.startswith(short + " "):
                return True
    return False


def _side_match(a: tuple[str, list[str]], b: tuple[str, list[str]]) -> str | None:
    """'same', 'assoc', 'open' (one side unknown) or None (conflict)."""
    (an, aa), (bn, ba) = a, b
    if is_wildcard(an) or is_wildcard(bn):
        return "open"
    if _names_match(an, bn):
        return "same"
    if any(_names_match(an, x) for x in ba) or any(_names_match(bn, x) for x in aa):
        return "assoc"
    return None


def actors_match(a: Event, b: Event) -> tuple[bool, str, int]:
    """(compatible, why, number of positively matched sides)."""
    best: tuple[int, str] | None = None
    for swap in (False, True):
        a1, a2 = _side(a, 1), _side(a, 2)
        b1, b2 = (_side(b, 2), _side(b, 1)) if swap else (_side(b, 1), _side(b, 2))
        m1, m2 = _side_match(a1, b1), _side_match(a2, b2)
        if m1 is None or m2 is None:
            continue
        positive = sum(m in ("same", "assoc") for m in (m1, m2))
        named = [x for x, m in ((a1[0] or b1[0], m1), (a2[0] or b2[0], m2)) if m in ("same", "assoc")]
        why = ("actors match: " + " / ".join(named)) if named else "actors unknown on one side"
        if swap and named:
            why += " (sides swapped)"
        if best is None or positive > best[0]:
            best = (positive, why)
    if best is None and _target_described_differently(a, b):
        return True, f"actors match: {a.actor1} (target described differently: {a.actor2} / {b.actor2})", 1
    if best is None:
        return False, f"different actors ({a.actor1} / {a.actor2} vs {b.actor1} / {b.actor2})", 0
    return True, best[1], best[0]


def _target_described_differently(a: Event, b: Event) -> bool:
    """A remote strike by the same attacker whose victims one outlet calls civilians and another
    names as the armed group it says it aimed at ("killed 90 Palestinians" / "struck a Hamas compound");
    the outlet naming only civilians may code it as an attack on them."""
    remote, vac = "Explosions/Remote violence", "Violence against civilians"
    if remote not in (a.event_type, b.event_type) or not {a.event_type, b.event_type} <= {remote, vac}:
        return False
    if _side_match(_side(a, 1), _side(b, 1)) != "same" and not _home_military(a, b):
        return False
    civ = [x.lower().startswith("civilians") for x in (a.actor2, b.actor2)]
    return civ.count(True) == 1 and all(x and not is_wildcard(x) for x in (a.actor2, b.actor2))


def _home_military(a: Event, b: Event) -> bool:
    """One report's attacker is "Unidentified Military Forces" (an outlet that says "the military"
    or "an air strike" without naming whose) and the other's the military of the country both
    reports are in: "the Tatmadaw conducted air operations in Kyauktaw" and "16 civilians were killed
    in an air strike in Kyauktaw" name one attacker. Not a foreign force, not another country's."""
    names = {a.actor1 or "", b.actor1 or ""}
    if not any(n.lower().startswith("unidentified military forces") for n in names):
        return False
    country = _fold(a.country or "") if _fold(a.country or "") == _fold(b.country or "") else ""
    return bool(country) and any(n.startswith("Military Forces of ") and _country_of(n) == country for n in names)


def _date(s: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(s[:10])
    except (ValueError, TypeError):
        return None


def dates_match(a: Event, b: Event) -> tuple[bool, str, int]:
    da, db = _date(a.event_date), _date(b.event_date)
    if da is None or db is None:
        return False, "date unknown", 99
    window = rules().date_window_days
    coarse = max(a.time_precision or 1, b.time_precision or 1)
    limit = window.get(coarse, max(window.values()))
    diff = abs((da - db).days)
    if diff == limit + 1 and (_at_night(a) or _at_night(b)):
        # "on Monday night" / "in an overnight raid, an official said on Tuesday": one night, two dates
        return True, f"dates {a.event_date} and {b.event_date} across one night", diff
    later = a if da > db else b
    if diff == limit + 1 and dated_when_told(later):
        # "killed nine, a rescue group said on Friday" / "bombed the market on Thursday": the later
        # report gives the day it was told, the event may be the day before (never the day after)
        return True, f"dates {a.event_date} and {b.event_date}: the later one is the day it was told", diff
    if diff > limit:
        return False, f"dates {a.event_date} and {b.event_date} are {diff} days apart (window {limit})", diff
    if diff == 0:
        return True, f"same date {a.event_date}", 0
    return True, f"dates {a.event_date} and {b.event_date} within {limit} days (time precision {coarse})", diff


_WEEKDAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NIGHT = re.compile(rf"\b(?:overnight|night|midnight|nightfall|(?:late|early) (?:on )?{_WEEKDAYS})\b", re.IGNORECASE)
# the words right before a date that make it a night's: "in the early hours of Monday", "before dawn on Monday"
_NIGHT_BEFORE = re.compile(r"\b(?:(?:early|small|wee) hours of|before dawn|pre-dawn|at dawn|before daybreak|at daybreak)"
                           r"(?: on)?\s*$", re.IGNORECASE)


def dated_when_told(ev: Event) -> bool:
    """Is the report dated by when it was told rather than by when it happened? Its date words
    follow a verb of saying ("a rescue group said on Friday", the statement day the extractor falls
    back on when nothing else dates the event), or the extractor found no date words for it (it
    recorded the words of the event, none of a date) and gave it the publication day. Either date
    may be a day later than the event, never earlier; so may the date of a dateline ("Ouagadougou,
    9 Sept. 2025 (AIB) - ..."), the day the story was filed. A report that calls itself a repeat
    ("another convoy", "a day after the attack") is not: it tells apart the day before."""
    if rules().repeat_words.search(" ".join(e.text for e in ev.evidence)):
        return False
    said = ev.provenance.get("event_date")
    if said is None:
        return bool("sub_event_type" in ev.provenance and ev.published and ev.event_date[:10] == ev.published[:10])
    for e in ev.evidence:  # a merged record holds evidence of several documents: offsets and words must agree
        at = said.start - e.start
        if e.start <= said.start and said.end <= e.end and e.text[at:at + len(said.text)] == said.text:
            dateline = _DATELINE.match(e.text)
            if dateline is not None and at < dateline.end():
                return True  # "Ouagadougou, 9 Sept. 2025 (AIB) - Air strikes carried out on Monday ...": the filing day
            return bool(SPEECH_BEFORE.search(e.text[max(0, at - 40):at]))
    return False


def _at_night(ev: Event) -> bool:
    """Is the report dated by a night ("Monday night", "overnight", "late on Sunday", "early on
    Monday", "in the early hours of Monday", "before dawn on Monday")? Outlets date such an event
    by either of the two days it straddles."""
    said = ev.provenance.get("event_date")
    if said is None:
        return False
    if _NIGHT.search(said.text):
        return True
    for e in ev.evidence:  # offsets and words must agree (a merged record holds several documents' evidence)
        at = said.start - e.start
        if e.start <= said.start and said.end <= e.end and e.text[at:at + len(said.text)] == said.text:
            return bool(_NIGHT_BEFORE.search(e.text[max(0, at - 30):at]))
    return False


_CROWD_TYPES = ("Protests", "Riots")


def crowd_groups(ev: Event) -> set[str]:
    """Who the crowd of a protest or riot report is, as its own evidence names it ("teachers who had
    marched", "hawkers and county enforcement officers"): the ``crowd_groups`` of dedup.yaml."""
    text = " ".join(e.text for e in ev.evidence)
    return {k for k, rx in rules().crowd_groups.items() if rx.search(text)}


def _different_crowds(a: Event, b: Event) -> str:
    """A protest report and a riot report whose evidence each names its crowd, and no group in common: the
    teachers the police teargassed outside Parliament and the hawkers who fought the county's officers
    a few streets away that day are two crowds, though a protest broken up matches a riot and both are
    "Protesters (Kenya)". A report that names no group ("protesters", "demonstrators") says nothing."""
    if {a.event_type, b.event_type} != set(_CROWD_TYPES):
        return ""  # a protest and a riot (two protests told with other words for one crowd stay comparable)
    ga, gb = crowd_groups(a), crowd_groups(b)
    if ga and gb and not ga & gb:
        return f"two crowds ({', '.join(sorted(ga))} vs {', '.join(sorted(gb))})"
    return ""


def types_match(a: Event, b: Event) -> tuple[bool, str]:
    r = rules()
    crowds = _different_crowds(a, b)
    if crowds:
        return False, crowds
    if frozenset((a.sub_event_type, b.sub_event_type)) in r.exclusive_sub_events:
        # a march that passed off peacefully and a riot the same day: a breakaway crowd, not one event
        return False, f"{a.sub_event_type} and {b.sub_event_type} are never one event"
    peaceful = _peaceful_against_force(a, b)
    if peaceful:
        return False, peaceful
    if a.event_type == b.event_type:
        if a.event_type in r.sub_event_must_match and a.sub_event_type != b.sub_event_type:
            return False, f"different {a.event_type} sub-event types ({a.sub_event_type} vs {b.sub_event_type})"
        if a.sub_event_type == b.sub_event_type:
            return True, f"same type {a.event_type}/{a.sub_event_type}"
        conflict = _means_conflict(a, b)
        if conflict:
            return False, conflict
        return True, f"same event type {a.event_type} ({a.sub_event_type} vs {b.sub_event_type})"
    pair = frozenset((a.event_type, b.event_type))
    if pair == _CLASH_STRIKE:
        told = _strike_told_as_clash(a, b)
        return (True, told) if told else (False, f"different event types ({a.event_type} vs {b.event_type})")
    if pair in r.compatible_types:
        allowed = r.restricted_types.get(pair)
        if allowed is not None and not {a.sub_event_type, b.sub_event_type} <= allowed:
            return False, f"different event types ({a.sub_event_type} vs {b.sub_event_type})"
        if allowed is not None and not _armed_actor_in_common(a, b) and not _attack_on_the_march(a, b):
            return False, (f"{a.sub_event_type} and {b.sub_event_type} without an armed actor "
                           "named in both")
        if pair == _RIOT_FIRED_ON and not _fired_on_the_crowd(a, b):
            return False, f"{a.sub_event_type} and {b.sub_event_type}: the attack tells no crowd"
        ground = _ground_attack_and_air_strike(a, b)
        if ground:
            return False, ground
        conflict = _means_conflict(a, b)
        if conflict:
            return False, conflict
        return True, f"compatible types {a.event_type}/{a.sub_event_type} and {b.event_type}/{b.sub_event_type}"
    return False, f"different event types ({a.event_type} vs {b.event_type})"


_SAID_PEACEFUL = re.compile(
    r"\b(?:(?:(?-i:march(?:ed)?)|protest(?:ed)?|rall(?:y|ied)|gather(?:ed|ing)?|demonstrat(?:ed|ion)|sit-in|procession) "
    r"(?:\w+ ){0,6}?(?:peacefully|without (?:any )?incidents?)|"
    r"(?:march|protest|rally|gathering|demonstration|sit-in|procession|crowd) (?:was|were|remained|stayed) "
    r"(?:largely |entirely |completely )?peaceful|"
    r"(?:ended|dispersed|passed off|went off) (?:\w+ ){0,2}?(?:peacefully|without (?:any )?incidents?))\b",
    re.IGNORECASE)
# "... marched peacefully before police opened fire", "was peaceful until troops fired live rounds":
# the same sentence goes on to the force that ended it
_PEACE_UNDONE = re.compile(
    r"[^.;]*?\b(?:until|before|when|but|after|then|as)\b[^.;]*?\b(?:fir(?:e|ed|es|ing)|shot|shoot\w*|shelled|"
    r"tear[ -]?gas|live (?:rounds|ammunition|bullets)|rubber bullets|water cannons?|dispers\w*|baton[- ]charg\w*|"
    r"beat(?:en|ing)?|killed|clash\w*)\b", re.IGNORECASE)


def _peaceful_against_force(a: Event, b: Event) -> str:
    """A peaceful protest whose own evidence says so ("the march was peaceful", "ended without
    incident") and a report of lethal force against protesters are two crowds: an outlet does not
    call peaceful a march the police fired live rounds into (doctors marching peacefully while
    police shoot fuel protesters in the same city centre). A peaceful-protest report that says
    nothing of how the crowd fared ("thousands gathered in Gwadar") may still be the rally shot at."""
    pair = {a.sub_event_type: a, b.sub_event_type: b}
    if set(pair) != {"Peaceful protest", "Excessive force against protesters"}:
        return ""
    text = " ".join(e.text for e in pair["Peaceful protest"].evidence)
    said = next((m for m in _SAID_PEACEFUL.finditer(text) if not _PEACE_UNDONE.match(text, m.end())), None)
    if said is None:
        return ""
    return f"a protest told as peaceful (\"{said.group(0)}\") and excessive force against protesters"


# an armed clash and a remote strike: one event only as _strike_told_as_clash says
_CLASH_STRIKE = frozenset(("Battles", "Explosions/Remote violence"))
_STRIKE_OF_MEANS = {"air": "Air/drone strike", "ground": "Shelling/artillery/missile attack"}


def _strike_told_as_clash(a: Event, b: Event) -> str:
    """One outlet's drone or air strike is another's armed clash between the same sides ("our air
    force destroyed gatherings of the militia" coded as fighting): an armed-clash report whose own
    evidence names the weapon of the remote-violence report ("drones loaded with explosives
    attacked a patrol"), when both name the same armed actor on one side and nothing conflicts on
    the other. A clash report that names no remote weapon stays apart from a strike the same day
    (the army's clash with a group and its air strike on a village are two events): "" when not."""
    if frozenset((a.event_type, b.event_type)) != _CLASH_STRIKE:
        return ""
    clash, strike = (a, b) if a.event_type == "Battles" else (b, a)
    if clash.sub_event_type != "Armed clash":
        return ""
    told, used = remote_means(clash), remote_means(strike)
    if len(told) != 1 or (used and not told & used) or _STRIKE_OF_MEANS.get(next(iter(told))) != strike.sub_event_type:
        return ""  # a clash telling of drones is no roadside bomb
    ok, _, positive = actors_match(clash, strike)
    named = [x for x in (clash.actor1, clash.actor2) if not is_wildcard(x)
             and any(_names_match(x, y) for y in (strike.actor1, strike.actor2) if not is_wildcard(y))]
    if not ok or positive < 1 or not named:
        return ""
    return (f"compatible types: an armed clash told with the weapon of the {strike.sub_event_type} "
            f"({next(iter(told))}), same side {named[0]}")


def _armed_actor_in_common(a: Event, b: Event) -> bool:
    """Both reports name the same armed actor (not an unidentified one, not civilians): "JNIM attacked
    Barsalogho" coded as a clash by one outlet and as an attack on civilians by another."""
    def armed(ev: Event) -> list[str]:
        return [x for x in (ev.actor1, ev.actor2) if not is_wildcard(x) and not x.lower().startswith("civilians")]
    return any(_names_match(x, y) for x in armed(a) for y in armed(b))


_RIOT_FIRED_ON = frozenset(("Riots", "Violence against civilians"))
# a firing verb with a crowd as its object, within a few words and the same clause: "opened fire on hundreds
# of jute mill workers", "shots were fired into thousands of workers", "fired on the march", "opened fire on
# workers"; not "shot dead a shopkeeper ...; hundreds of mourners later blocked the road" nor "shot dead two aid
# workers" (workers count as a crowd only when fired on, into or at)
_WORDS_BEFORE = r"(?:[\s,]+(?!and\b|but\b|then\b|later\b)[\w'’-]+){0,5}?[\s,]+"
_CROWD_HIT = re.compile(
    r"\b(?:fired|firing|fires?|shot|shoot(?:s|ing)?)\b" + _WORDS_BEFORE +
    r"(?:(?:crowds?|mobs?|throngs?|protesters|demonstrators|marchers|strikers|mourners|protesting|demonstrating|"
    r"marching|rall(?:y|ies)|march(?:es)?|demonstrations?|sit-ins?|protests?|pickets?)\b|"
    r"(?:hundreds|thousands|scores|dozens)\s+of\b)|"
    r"\b(?:fired|firing|fire)\s+(?:on|into|at|upon)\b(?:[\s,]+(?!and\b|but\b)[\w'’-]+){0,3}?[\s,]+"
    r"(?:workers|labou?rers|students)\b", re.IGNORECASE)


def _fired_on_the_crowd(a: Event, b: Event) -> bool:
    """A riot and an attack on civilians by the force on the riot's other side, the attack report's
    own evidence telling shots fired on a crowd or a demonstration ("police opened fire on hundreds of
    workers in Ashulia"): the outlet on the crowd's side codes the shooting of the riot an official
    source tells ("miscreants in the guise of workers attacked the police"). A killing told with no
    crowd fired on stays apart, also when a crowd comes later ("gunmen shot dead a shopkeeper; hundreds
    of mourners later blocked the road")."""
    vac = a if a.event_type == "Violence against civilians" else b
    return any(_CROWD_HIT.search(e.text) for e in vac.evidence)


_MARCH = re.compile(r"\b(?:march(?:ed|ing|es)?|protest(?:ed|ing|s|ers)?|demonstrat(?:ed|ion|ions|ors|ing)|"
                    r"rall(?:y|ies|ied)|sit-in|strikers|picket(?:ed|ing)?)\b", re.IGNORECASE)


def _attack_on_the_march(a: Event, b: Event) -> bool:
    """Excessive force against protesters and an attack on civilians by an unidentified perpetrator,
    the attack report's own evidence telling the crowd's demonstration ("transport workers
    marched ... carrying photographs of murdered drivers"): the outlet that names neither police
    nor protesters has coded the same march as an attack. An attack report that tells no
    demonstration (gunmen attacking villagers the day police broke up a rally) stays apart."""
    subs = {a.sub_event_type, b.sub_event_type}
    if subs not in ({"Excessive force against protesters", "Attack"}, {"Violent demonstration", "Attack"}):
        return False
    vac = a if a.event_type == "Violence against civilians" else b
    if vac.event_type != "Violence against civilians" or not is_wildcard(vac.actor1):
        return False
    if "Violent demonstration" in subs:
        # the riot's crowd fired on ("police fired on thousands of workers"): only a riot told as a
        # clash with the police or the army, not workers ransacking a factory
        riot = b if vac is a else a
        return any(_STATE_FORCE.match(x or "") for x in (riot.actor1, riot.actor2)) and _fired_on_the_crowd(a, b)
    return bool(_MARCH.search(" ".join(e.text for e in vac.evidence)))


# attackers on the ground, named as who did it: "bandits killed 21 persons", "gunmen on motorcycles raided"
_GROUND_WORDS = (r"gunmen|bandits?|militants|insurgents|terrorists|jihadists|fighters|attackers|"
                 r"assailants|raiders|herdsmen|herders|rebels|militiamen|kidnappers|hoodlums")
# ... as the doers: the subject of a raid's verb ("bandits on motorcycles last night killed", "suspected herdsmen
# invaded"), or after "by" ("attacked by gunmen"). Not the strike's target or an aside: "a bombardment meant for
# bandits", "an operation against terrorists", "mistook a wedding for a gathering of insurgents", "while militants
# were buying fuel"
_GROUND_DOERS = re.compile(
    r"\b(?P<who>" + _GROUND_WORDS + r")\b(?:,?[ ](?!(?:were|was|are|is|had been|have been)\b)"
    r"[\w'-]+){0,6}?,?[ ](?:also[ ])?(?:killed|murdered|massacred|stormed|raided|attacked|invaded|ambushed|opened[ ]fire|"
    r"shot|gunned|abducted|kidnapped|burn(?:ed|t)|torched|set[ ]fire|looted|hacked|butchered|besieged|swooped|"
    r"rode[ ]into|descended[ ]on)\b"
    r"|\bby[ ](?:(?:suspected|armed|unknown|unidentified|heavily[ ]armed|a[ ]group[ ]of|a[ ]gang[ ]of)[ ])*"
    r"(?P<by>" + _GROUND_WORDS + r")\b", re.IGNORECASE)


def _ground_attack_and_air_strike(a: Event, b: Event) -> str:
    """An air or drone strike and an attack on civilians whose evidence names armed men on the ground as
    the attackers ("bandits last night killed 21 persons in the village") and no aircraft: two events,
    however close in place and time (jets bombing the bandits' camps the day after their raid). The
    attack report coded for a strike names no perpetrator or names the aircraft ("a military jet bombed
    the market, killing 30 villagers"): "" then, and for any other pair of types."""
    if {a.event_type, b.event_type} != {"Explosions/Remote violence", "Violence against civilians"}:
        return ""
    strike, attack = (a, b) if a.event_type == "Explosions/Remote violence" else (b, a)
    if strike.sub_event_type != "Air/drone strike" or _STATE_FORCE.match(attack.actor1 or ""):
        return ""
    text = " ".join(e.text for e in attack.evidence)
    doers = _GROUND_DOERS.search(text)
    if remote_means(attack) or doers is None:
        return ""
    return (f"an air or drone strike and an attack by armed men on the ground "
            f"(\"{doers.group('who') or doers.group('by')}\"), no aircraft named")


def _means_conflict(a: Event, b: Event) -> str:
    """Why two remote-violence reports of different sub-event types are two strikes, or ""."""
    if a.sub_event_type == b.sub_event_type or "Explosions/Remote violence" not in (a.event_type, b.event_type):
        return ""
    means_a, means_b = remote_means(a), remote_means(b)
    if len(means_a) == 1 and len(means_b) == 1 and means_a != means_b:
        # "warplanes bombed X" and "artillery shelled X": two strikes, however close
        return (f"different weapons ({a.sub_event_type}: {next(iter(means_a))} vs "
                f"{b.sub_event_type}: {next(iter(means_b))})")
    return ""


def remote_means(ev: Event) -> set[str]:
    """The classes of weapon ("air", "ground") the report's evidence names. Outlets call one
    strike a "missile strike" or an "air raid" and are coded differently; only reports that
    each name one class, and different ones, are told apart by it."""
    text = " ".join(e.text for e in ev.evidence)
    return {k for k, rx in rules().remote_means.items() if rx.search(text)}


# a capitalised name of one to three words, not starting with a capitalised function word ("In Pazigyi village")
_NAME = (r"(?!(?:In|At|On|Of|The|From|Near|To|And|As|By|When|After|Residents|Villagers)\b)"
         r"[A-Z][\w'’-]+(?:[ -](?:al-|el-)?[A-Z][\w'’-]+){0,2}")


@functools.lru_cache(maxsize=1)
def _settlement_rx() -> tuple[re.Pattern, re.Pattern]:
    words = "|".join(sorted((re.escape(w) for w in rules().settlement_words), key=len, reverse=True))
    return (re.compile(rf"\b(?P<name>{_NAME}) (?P<kind>(?i:{words}))\b"),
            re.compile(rf"\b(?P<kind>(?i:{words})) of (?P<name>{_NAME})"))


_REGION_WORDS = frozenset({"state", "province", "region", "governorate", "oblast", "prefecture"})


def settlements(ev: Event) -> dict[str, set[str]]:
    """Villages and camps the evidence names ("Pazigyi village", "the village of Kyaung Taung"),
    by kind: {"village": {"pazigyi"}}. The gazetteer often lacks them and codes both reports to
    the township they are in; their names still tell two strikes apart."""
    out: dict[str, set[str]] = {}
    kinds = rules().settlement_words
    for e in ev.evidence:
        for rx in _settlement_rx():
            for m in rx.finditer(e.text):
                name = _fold_owner(m.group("name"))
                if name.rsplit(" ", 1)[-1] not in _REGION_WORDS:  # "Konduga LGA of Borno State"
                    out.setdefault(kinds[m.group("kind").lower()], set()).add(name)
    return out


_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")


def _fold_owner(s: str) -> str:
    """Folded, a possessive read as the plain name: "Nairobi's Central Business District" is the
    "Nairobi Central Business District" another outlet names, "Kabul's Shar-e-Naw" Kabul Shar-e-Naw."""
    return _fold(_POSSESSIVE.sub("", s))


def _squashed(names: set[str]) -> set[str]:
    """Folded names without spaces or hyphens: "Kyaung Taung" and "Kyaungtaung" are one village."""
    return {n.replace(" ", "").replace("-", "") for n in names}


def _different_settlements(a: Event, b: Event) -> str:
    """The kind and names when both reports name settlements of one kind and none in common."""
    sa, sb = settlements(a), settlements(b)
    text_a = _fold_owner(" ".join(e.text for e in a.evidence))
    text_b = _fold_owner(" ".join(e.text for e in b.evidence))
    for kind in sa.keys() & sb.keys():
        if _squashed(sa[kind]) & _squashed(sb[kind]):
            continue
        if any(re.search(rf"\b{re.escape(n)}\b", text_b) for n in sa[kind]) or \
                any(re.search(rf"\b{re.escape(n)}\b", text_a) for n in sb[kind]):
            continue  # one report names both
        return f"{kind} {'/'.join(sorted(sa[kind]))} vs {'/'.join(sorted(sb[kind]))}"
    return ""


def _finer_place_elsewhere(vague: Event, other: Event) -> str:
    """The places finer than its region a report placed only at region or country level names
    -- villages, camps or districts of its evidence ("a wedding in Konduga Local Government
    Area", coded to Borno State), or a location name the gazetteer could only place in the
    region ("al-Mawasi") -- when a precisely placed report is at none of them, neither names
    the other's place, and so they are two places: "" when there are none."""
    if not is_vague(vague) or is_vague(other):
        return ""
    named = set().union(*settlements(vague).values()) if settlements(vague) else set()
    coarse = {_fold(x) for x in (vague.admin1, vague.admin2, vague.admin3, vague.country) if x}
    # its location counts only when its evidence names it: a report coded to a province is
    # placed at the province's capital (ACLED), which the report itself never mentions
    # (a village the gazetteer lacks, coded at its region under its own name, says nothing against a report
    # placed only near a town -- "near the town of al-Turbah" may be the "Al-Ahkum area" -- or at a district)
    if vague.location and _fold(vague.location) not in coarse and names_place_of(vague, vague) \
            and (other.geo_precision or 3) == 1:
        named.add(_fold(vague.location))
    if not named:
        return ""
    if (other.geo_precision or 3) >= 2 and other.location and _fold(other.location) in {
            _fold(x) for x in (other.admin1, other.admin2, other.admin3) if x}:
        return ""  # the other is placed at a district or region ("in Sanmatenga province"): it may hold them
    own = {_fold(x) for x in (*place_names(other), other.admin1, other.admin2, other.admin3) if x}
    if (_squashed(named) & _squashed(own) or any(named_in_evidence(n, other) for n in named)
            or any(_one_letter_off(n, o) for n in _squashed(named) for o in _squashed(own))
            or names_place_of(vague, other)):  # "the al-Mawasi area west of Khan Younis"
        return ""
    return "/".join(sorted(named))


def _one_letter_off(a: str, b: str) -> bool:
    """Two folded names one letter apart, a letter left out or added ("tafs" / "tafas", "yohmor" /
    "yohmour"): one name spelt two ways (four letters or more)."""
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) != 1:
        return False
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def named_in_evidence(name: str, ev: Event) -> bool:
    """Does the report's evidence name the place ``name`` (folded, whole words)?"""
    n = _fold(name or "")
    if len(n) < 3:
        return False
    return any(re.search(rf"\b{re.escape(n)}\b", _fold(e.text)) for e in ev.evidence)


def place_names(ev: Event) -> list[str]:
    """The report's location as the gazetteer names it and as the text did ("An Nusayrat", "Nuseirat")."""
    said = ev.provenance.get("location")
    return [n for n in (ev.location, said.text if said is not None else "") if n]


def names_place_of(ev: Event, other: Event) -> bool:
    """Does ``ev``'s evidence name ``other``'s location (in either spelling)?"""
    return any(named_in_evidence(n, ev) for n in place_names(other))


def borrowed_place(ev: Event) -> bool:
    """A place the report's evidence does not name, read from a *later* sentence of its
    article -- the place of what the article tells next ("Armed men attacked residents of
    Barsalogho. In the afternoon, soldiers fought JNIM near Kaya" puts the attack at Kaya).
    A place borrowed from an earlier sentence ("arrested activists at their homes in the
    city") is usually the article's setting and is kept. Only a single report's offsets
    compare; :func:`merge` keeps no borrowed place's provenance in a merged record."""
    said = ev.provenance.get("location")
    if said is None or not ev.evidence or names_place_of(ev, ev):
        return False
    return said.start >= max(e.end for e in ev.evidence)


# "ALEPPO, SANA - ", "Ouagadougou, 9 Sept. 2025 (AIB) - ", "KYIV, Sept 25 (Reuters) - ": where the story was filed
_DATELINE = re.compile(r"^\s*(?P<place>[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,3})\s*(?:,|\()[^\n]{0,45}?\s[-–—]{1,2}\s")
_DISTANCE_BEFORE = re.compile(r"\b\d+\s*(?:km|kilomet(?:re|er)s?|miles?)\b[^.;]{0,30}$", re.IGNORECASE)


def dateline_placed(ev: Event) -> int:
    """Where the report's text begins after a dateline naming its own location (the city the story
    was filed from: "Aleppo, SANA - ... a car bomb exploded in the city of Manbij"), else 0. The
    extractor may code such a report to the dateline rather than to the town its words tell."""
    if not ev.evidence or not ev.location:
        return 0
    m = _DATELINE.match(ev.evidence[0].text)
    if m is None or _fold(m.group("place")) not in {_fold(n) for n in place_names(ev)}:
        return 0
    # its words past the dateline name the city again: the event is there ("in the capital's Hodan
    # district" is not, "in Aleppo's eastern countryside" -- the region of that name -- is no sign)
    rest = " ".join([ev.evidence[0].text[m.end():], *(e.text for e in ev.evidence[1:])])
    if _fold(ev.location) != _fold(ev.admin1 or "") and re.search(
            rf"\b{re.escape(_fold(ev.location))}\b", _fold(rest)):
        return 0
    return m.end()


def _tells_place_of(ev: Event, other: Event, skip: int) -> bool:
    """Does ``ev``'s evidence, past its first ``skip`` characters, name ``other``'s location as a
    place, not as a distance reference ("58 kilometres north of El Obeid")?"""
    for i, e in enumerate(ev.evidence):
        text = e.text[skip:] if i == 0 else e.text
        for n in place_names(other):
            fn = _fold(n)
            if len(fn) < 3:
                continue
            for m in re.finditer(rf"(?<!\w){re.escape(n)}(?!\w)", text, re.IGNORECASE):
                if not _DISTANCE_BEFORE.search(text[max(0, m.start() - 60):m.start()]):
                    return True
    return False


def _placed_instead(ev: Event, name: str) -> bool:
    """Did the words that placed ``ev`` name ``name``, a place the gazetteer could not put on the
    map, and the report was coded to another place for want of it ("fighting near Hsipaw, about 30
    km to the east" coded to the article's town)?"""
    said = ev.provenance.get("location")
    return (said is not None and _fold(said.text) == _fold(name or "")
            and _fold(ev.location or "") != _fold(name or ""))


_NAME_WORDS = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")


def _placed_by_variant(ev: Event, name: str) -> str:
    """The words that placed ``ev`` (coded elsewhere: at the town holding the place, or the
    article's town), when they are ``name`` spelt another way ("Abu Selim" / "Abusleem", "Ain Issa"
    / "Ayn Eissa"): those words, else ""."""
    said = ev.provenance.get("location")
    if said is None or not name:
        return ""
    a, b = _fold_owner(said.text), _fold_owner(name)
    if a == b or _fold(ev.location or "") == a:
        return ""  # coded under the very words that placed it: the gazetteer knows that place
    if _transliterated(a, b) or (min(len(a), len(b)) >= 6 and _one_letter_off(
            a.replace(" ", "").replace("-", ""), b.replace(" ", "").replace("-", ""))):
        return said.text
    return ""


def _village_in_region_report(x: Event, y: Event) -> bool:
    """``x`` is at a place the gazetteer could not put on the map at all (no country, no point: a
    local outlet's "raided Kolofata", its article naming no country), ``y`` is placed only at a
    first-level region ("in the Far North region"), both on the same known day, of the same
    sub-event type, with an armed actor named in both: the village may be in the region, and
    nothing tells them apart. (With different armed actors, another kind of event or another day,
    or a report placed at a town, they stay apart; several such events fit is left to
    :func:`best_match`, which lets a vague report join only one.)"""
    if not _unresolved(x) or _unresolved(y) or _placeless(y) or not y.country or not y.admin1:
        return False
    if (y.geo_precision or 3) < 3 or not _same_day(x, y) or x.sub_event_type != y.sub_event_type:
        return False
    coarse = {_fold(v) for v in (y.admin1, y.admin2, y.country) if v}
    if _fold(y.location or "") not in coarse and names_place_of(y, y):
        return False  # y names a town of its own (coded at the region for want of it)
    return _armed_actor_in_common(x, y)


def _lacked_town(x: Event, y: Event) -> str:
    """The town the words that placed ``x`` named, when the gazetteer could not place it and coded
    ``x`` elsewhere (:func:`_placed_instead`), and ``y``'s evidence names it too as a place (not as a
    distance reference: "50 km east of Dargol"), both reports in one first-level region: "a convoy
    ambushed near Dargol" coded to Tera and "ambushed on the road near Dargol, in the Gotheye
    department" coded to Gotheye are one place, though their towns are 80 km apart. "" when not."""
    said = x.provenance.get("location")
    if said is None or not _placed_instead(x, said.text) or not (x.admin1 and y.admin1):
        return ""
    if _fold(x.admin1) != _fold(y.admin1) or len(_fold(said.text)) < 4:
        return ""
    if any(_fold(said.text) == _fold(n) for n in (x.admin1, x.admin2, x.country, y.location) if n):
        return ""  # a region or the other's own place named otherwise: the usual rules decide
    if said.text not in " ".join(e.text for e in x.evidence):
        return ""  # a place named outside its own evidence (the article's setting) tells nothing
    name = said.text
    for e in y.evidence:  # the whole-word matches of the name (no pattern compiled for every pair)
        at = e.text.find(name)
        while at >= 0:
            end = at + len(name)
            if not (at and (e.text[at - 1].isalnum() or e.text[at - 1] == "_")) \
                    and not (end < len(e.text) and (e.text[end].isalnum() or e.text[end] == "_")) \
                    and not _DISTANCE_BEFORE.search(e.text[max(0, at - 60):at]):
                return name
            at = e.text.find(name, at + 1)
    return ""


_MONTHS_DAYS = frozenset(("january february march april may june july august september october november december "
                          "monday tuesday wednesday thursday friday saturday sunday ramadan").split())
# "a monastery in Tabayin", "in the village of Kazgil": a capitalised name as the place the words put it
_IN_TOWN = re.compile(r"\b(?:in|at) (?:the (?:(?i:town|village|city|hamlet|locality) of )?)?"
                      r"(?P<name>[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,2})(?![\w'’-])")


# a name that modifies what follows it rather than naming where: "in Hamas-run territory", "in Houthi-held
# districts", "in Arabic", "in Shan villages" (a lower-case word after it that is not a linking word)
_MODIFIER_NAME = re.compile(r"-(?:run|held|controlled|occupied|led|backed|linked|allied|made|majority|dominated)$")
_LANGUAGE = re.compile(r"arabic|english|french|kurdish|turkish|hebrew|persian|farsi|urdu|pashto|dari|russian|"
                       r"ukrainian|spanish|portuguese|swahili|hausa|amharic|burmese|chinese|tigrinya|somali")
_NOUN_AFTER = re.compile(r" (?!(?:on|in|at|and|or|but|when|where|after|before|during|as|while|early|late|last|this|"
                         r"that|earlier|overnight|near|of|on|to|from|with|by|since|until|amid|killing|wounding|"
                         r"leaving|injuring|said|says|was|were|is|are|has|had|have|the|a|an|for)\b)[a-z]+\b")


_PART_OF_TOWN = re.compile(r"\s+(?i:district|neighbou?rhoods?|quarter|area|suburbs?|sector|ward|block|market|camp|"
                           r"street|road|avenue|square|hospital|mosque|church|school|university|prison|airport|"
                           r"base|barracks|checkpoint|junction|bridge|village|county|state|province|region|"
                           r"governorate|department|division)\b")


def _unplaced_town(x: Event, y: Event) -> str:
    """The town ``x``'s evidence puts the event in ("another jet bombed a monastery in Tabayin"), when
    the gazetteer lacks it and ``x`` was coded to a place its evidence does not name (a town of an
    earlier sentence, the article's setting), while ``y``'s evidence names ``y``'s own place, precisely
    or near it, and not that town: two places, however near the codes put them (the market bombed in
    Ye-U and the monastery in Tabayin, coded to Ye-U for want of Tabayin). "" when not."""
    if not x.evidence or not y.evidence or names_place_of(x, x) or (y.geo_precision or 3) > 2:
        return ""
    if x.provenance.get("location") is None or not names_place_of(y, y):
        return ""
    known = {_fold(n) for n in (*place_names(x), x.admin1, x.admin2, x.admin3, x.country) if n}
    for e in x.evidence:
        for m in _IN_TOWN.finditer(e.text):
            name = m.group("name")
            first = _fold(name).split(" ")[0] if _fold(name) else ""
            if not first or first in _MONTHS_DAYS or _fold(name) in known or len(_fold(name)) < 4:
                continue
            if any(_fold(name).startswith(k + " ") for k in known):  # "Shwebo district", "Sagaing Region"
                continue
            if named_in_evidence(name, y) or _fold(name) in {_fold(n) for n in (y.admin1, y.admin2, y.country) if n}:
                return ""
            if _country_code_name(name) or _PART_OF_TOWN.match(e.text, m.end()):
                continue  # a country ("in Sudan") is no town, nor a quarter ("in Al-Qubba district") one
            if _MODIFIER_NAME.search(name) or _LANGUAGE.fullmatch(_fold(name)) or _NOUN_AFTER.match(e.text, m.end()):
                continue  # a modifier, no town: "in Hamas-run areas", "said in Arabic", "in Kurdish villages"
            return name
    return ""


@functools.lru_cache(maxsize=4096)
def _country_code_name(name: str) -> bool:
    from ..places import _country_by_name

    return _fold(name) in {_fold(k) for k in _country_by_name()}


def _unresolved(e: Event) -> bool:
    """A place name the gazetteer could not place (no coordinates, no country)."""
    return bool(e.location) and not e.country and (e.latitude is None or e.longitude is None)


def places_match(a: Event, b: Event) -> tuple[bool, str, float]:
    """(compatible, why, distance in km or a stand-in)."""
    if a.country and b.country and _fold(a.country) != _fold(b.country):
        return False, f"different countries ({a.country} vs {b.country})", 1e9
    apart = _different_settlements(a, b)
    if apart:
        return False, f"different places named ({apart})", 1e9
    for x, y in ((a, b), (b, a)):
        if (_unresolved(x) and (is_vague(y) or _unresolved(y) or not names_place_of(y, y)
                                or _placed_instead(y, x.location))
                and ((named_in_evidence(x.location, y) and (_names_as_place(y, x) or not _stand_in(y)))
                     or (y.location and (_spelling_variants(_fold(x.location), _fold(y.location))
                                         or (_unresolved(y) and _transliterated(_fold_owner(x.location),
                                                                                _fold_owner(y.location))))))):
            # (not when y names it only as a reference point for a village of its own: "in Yohmor, a few
            # kilometres from Arnoun")
            # a town the gazetteer lacks ("Barsalogho"), named by a report placed only in the country
            # or at a place its evidence does not name (the article's setting, or what it tells next)
            if named_in_evidence(x.location, y):
                return True, f"both reports name {x.location}", rules().max_km / 2
            return True, f"one place spelt two ways, not in the gazetteer ({x.location} / {y.location})", \
                rules().max_km / 2
    for x, y in ((a, b), (b, a)):
        spelt = _unresolved(x) and _placed_by_variant(y, x.location)
        if spelt:
            # the words that placed y are x's place the other outlet spelt another way, which the
            # gazetteer could not place either ("clashes in Abusleem" / "in the Abu Selim district of
            # the capital", coded to the capital)
            return True, f"one place spelt two ways, not in the gazetteer ({x.location} / {spelt})", \
                rules().max_km / 2
    for x, y in ((a, b), (b, a)):
        if _village_in_region_report(x, y):
            return True, (f"a village the gazetteer lacks ({x.location}) and a report placed only in "
                          f"{y.admin1 or y.country}, the same day, the same kind of event and armed actor"), \
                rules().max_km
    for x, y in ((a, b), (b, a)):
        lacked = _lacked_town(x, y)
        if lacked:
            # "ambushed near Dargol" coded to the department's town by one outlet, to the region or a
            # town told earlier by another: the gazetteer lacks the village both name
            return True, f"both reports name {lacked}, which the gazetteer lacks", rules().max_km / 2
    for x, y in ((a, b), (b, a)):
        finer = _finer_place_elsewhere(x, y)
        if finer:
            return False, f"one report names {finer}, the other is at {y.location or '?'}", 1e9
        if borrowed_place(x) and not (is_vague(y) or borrowed_place(y) or _placeless(y)):
            # x's place is that of what its article tells next: only x's own words can put it where y is
            if names_place_of(x, y):
                return True, f"one report's evidence names {y.location}", rules().max_km / 2
            if _names_region_of(x, y):
                # all x's own words place: the region ("an ambush in the western state of Michoacan")
                return True, f"one report's evidence names only the region, {y.admin1}", rules().max_km
            return False, (f"one report's place ({x.location}) comes from a later sentence; its evidence "
                           f"does not name {y.location}"), 1e9
    for x, y in ((a, b), (b, a)):
        skip = dateline_placed(x)
        if skip and (y.geo_precision or 3) <= 2 and names_place_of(y, y) and _tells_place_of(x, y, skip):
            # x is coded to its dateline; its words tell of y's town, which y's words name too
            return True, (f"one report is placed at its dateline ({x.location}); its evidence names "
                          f"{y.location}"), rules().max_km / 2
    for x, y in ((a, b), (b, a)):
        town = _unplaced_town(x, y)
        if town:
            return False, (f"one report's evidence places it in {town}, which the gazetteer lacks, not at "
                           f"{x.location}, where the other report's evidence puts its own"), 1e9
    if _on_road_between(a, b):
        return True, "one report's evidence tells a road between its place and the other's", rules().max_km
    if _stand_ins_named_apart(a, b) and (_same_point(a, b) or (is_vague(a) and is_vague(b) and not (
            _names_bare(a, b) or _names_bare(b, a) or _vowels_apart(a, b)))):
        # at one point, or wherever the codes put them when both are coded only to a region or country:
        # such a point is the region's or country's, not the village's (not so for "a community near
        # Makurdi", coded at Makurdi: it may be the village another report names)
        return False, (f"two places the gazetteer lacks, each coded at a town or region holding it and each "
                       f"named by its own report and not the other's ({a.location} / {b.location})"), 1e9
    km = None
    if None not in (a.latitude, a.longitude, b.latitude, b.longitude):
        km = haversine_km(float(a.latitude), float(a.longitude), float(b.latitude), float(b.longitude))
        if km > rules().distinct_place_km and _distinct_places(a, b):
            return False, (f"two different precisely located places {km:.0f} km apart "
                           f"({a.location} / {b.location})"), km
        if km > rules().distinct_place_km and _told_apart(a, b):
            return False, (f"each report names its own place, {km:.0f} km apart, and not the other's "
                           f"({a.location} / {b.location})"), km
        if km <= rules().distinct_place_km and _neighbours_named_apart(a, b, km):
            return False, (f"each report names its own village, {km:.1f} km apart, and not the other's "
                           f"as the place ({a.location} / {b.location})"), km
        if km < rules().same_point_km and (_stand_in_at_anothers_town(a, b) or _stand_in_at_anothers_town(b, a)):
            return False, (f"a village the gazetteer lacks, coded at the point of a town its report does not "
                           f"name, and a report at that town that does not name the village "
                           f"({a.location} / {b.location})"), 1e9
        if km <= rules().max_km:
            return True, f"{km:.1f} km apart ({a.location or '?'} / {b.location or '?'})", km
    same_a1 = bool(a.admin1 and b.admin1 and _fold(a.admin1) == _fold(b.admin1))
    if km is not None and same_a1 and 2 in (a.geo_precision, b.geo_precision) and km <= 2 * rules().max_km:
        # "near X" / "south of X" is coded to X: the event may be some way from it
        return True, f"{km:.1f} km apart in {a.admin1}, one report only near a town", km
    if same_a1 and a.admin2 and b.admin2 and _fold(a.admin2) == _fold(b.admin2):
        return True, f"same admin2 {a.admin2} ({a.admin1})", km if km is not None else rules().max_km
    if same_a1 and max(a.geo_precision or 3, b.geo_precision or 3) >= 3:
        return True, f"same admin1 {a.admin1} (one report only gives the region)", km if km is not None else rules().max_km
    if _placeless(a) or _placeless(b):
        # nothing to compare; best_match lets such a report join only an event that alone fits
        return True, "one report gives no place", 2 * rules().max_km
    if a.country and b.country and (_country_only(a) or _country_only(b)):
        # one report places the event only in the country: that is all we can check
        return True, f"one report only gives the country ({a.country})", 2 * rules().max_km
    if km is None and a.location and b.location and _fold(a.location) == _fold(b.location):
        return True, f"same location name {a.location}", rules().max_km / 2
    if km is not None:
        return False, f"{km:.0f} km apart ({a.location or '?'} / {b.location or '?'})", km
    return False, f"different places ({a.location or a.admin1 or '?'} vs {b.location or b.admin1 or '?'})", 1e9


# a town at a road's end: capitalised words, lowercase particles between them ("Ras al-Ain", "Tal
# Abyad", "Deir ez-Zor"); not a day or time word ("Sunday's Beni-Butembo road") nor a possessive
_PARTICLE = r"(?:al|el|ad|ar|as|ash|at|az|ez|es|ed|ul|de|du|da|do|dos|das|la|le|les|des|del|di|van|von|bin|ibn)"
_WORD = r"(?:(?:Al|El|Ad|Ar|As|Ash|At|Az|Ez)-)?[A-Z](?:[\w.]|['’](?![sS]\b))+"
_TOWN = (r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Tonight|Yesterday|Last|This|"
         r"January|February|March|April|May|June|July|August|September|October|November|December)\b)"
         rf"{_WORD}(?: (?:{_PARTICLE}[ -])?{_WORD}){{0,2}}")
_ROAD = re.compile(
    rf"\b(?P<a>{_TOWN})\s?[-–—/]\s?(?P<b>{_TOWN}) (?:(?:main|national|provincial|federal|trunk) )?"
    rf"(?i:road|highway|motorway|expressway|route|axis|corridor)\b|"
    rf"\b(?i:road|highway|motorway|route|axis) (?:(?i:between|linking|connecting|from) )(?P<c>{_TOWN})"
    rf" (?i:and|to|with) (?P<d>{_TOWN})")


def roads(ev: Event) -> list[frozenset[str]]:
    """The roads the evidence names by the towns at their ends ("the Bannu-Kohat road", "the
    road between Gao and Ansongo"), each as its two folded end names."""
    out = []
    for e in ev.evidence:
        for m in _ROAD.finditer(e.text):
            ends = frozenset(_fold(x) for x in (m.group("a") or m.group("c"), m.group("b") or m.group("d")))
            if len(ends) == 2:
                out.append(ends)
    return out


def _on_road_between(a: Event, b: Event) -> bool:
    """One report tells the event on a road it names by its two end towns and is coded to one end,
    the other report is at the other end: "militants attacked a checkpost on the Bannu-Kohat road"
    coded to Kohat is the police post attacked in Bannu, 100 km off. Outlets code a road ambush to
    either town; the road names both."""
    if None not in (a.latitude, a.longitude, b.latitude, b.longitude) and haversine_km(
            float(a.latitude), float(a.longitude), float(b.latitude), float(b.longitude)) > rules().road_km:
        return False  # "an ambush on the Lagos-Kano highway" coded to Kano is no event in Lagos
    for x, y in ((a, b), (b, a)):
        own = {_fold(n) for n in place_names(x)}
        other = {_fold(n) for n in place_names(y)} | {_fold(n) for n in (y.admin2,) if n}
        for ends in roads(x):
            if own & ends and (other & ends) - own:
                return True
    return False


_REGION_NAMED = re.compile(
    r"\b(?i:state|province|region|department|governorate|oblast|prefecture) of (?P<a>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)|"
    r"\b(?P<b>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) (?i:state|province|region|department|governorate|oblast|prefecture)\b")


def _names_region_of(x: Event, y: Event) -> bool:
    """Does ``x``'s evidence name, as a region ("the state of Michoacan", "Borno State"), the
    first-level division both reports are coded to? (GeoNames' "Michoacan de Ocampo" starts with
    the name outlets use.)"""
    if not (x.admin1 and y.admin1) or _fold(x.admin1) != _fold(y.admin1):
        return False
    region = _fold(y.admin1)
    for e in x.evidence:
        for m in _REGION_NAMED.finditer(e.text):
            name = _fold(m.group("a") or m.group("b"))
            if len(name) >= 4 and (region == name or region.startswith(name + " ")):
                return True
    return False


def _placeless(e: Event) -> bool:
    return not (e.country or e.admin1 or e.admin2 or e.location) and (e.latitude is None or e.longitude is None)


def _country_only(e: Event) -> bool:
    return not e.admin1 and (e.geo_precision or 3) >= 3


def _distinct_places(a: Event, b: Event) -> bool:
    """Both reports name a town or village precisely (geo_precision 1), the names
    differ, and neither is the other's district or region (a report naming the
    municipality "Argelia" may mean its village "El Plateado")."""
    if (a.geo_precision or 3) != 1 or (b.geo_precision or 3) != 1:
        return False
    la, lb = _fold(a.location or ""), _fold(b.location or "")
    if not la or not lb or la == lb or la in lb or lb in la:
        return False
    admin_a = {_fold(x) for x in (a.admin1, a.admin2, a.admin3) if x}
    admin_b = {_fold(x) for x in (b.admin1, b.admin2, b.admin3) if x}
    if _district_around(a, b) or _district_around(b, a):
        return False
    if _on_road_between(a, b):
        return False
    if la in admin_b or lb in admin_a:
        # "Argelia" may be the municipality that holds "El Plateado" -- but a report placed precisely
        # at the district's namesake town, farther than max_km from the other's town, is at that town:
        # its words did not call it a district (checked above), and a district is not told by the
        # point of its seat (a raid on Kukawa town and one on Baga, 35 km off in Kukawa LGA, the
        # same day)
        return _seat_far_off(a, b)
    return True


def _seat_far_off(a: Event, b: Event) -> bool:
    """Are the two precisely placed reports more than ``max_km`` apart, with one at the namesake town of
    the other's district (admin2 or admin3; a province's namesake city -- "Aleppo" for a car bomb in
    Manbij -- may stand for the province), neither placed at its dateline's town or a later sentence's?"""
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return False
    la, lb = _fold(a.location or ""), _fold(b.location or "")
    if la in {_fold(x) for x in (b.admin1,) if x} or lb in {_fold(x) for x in (a.admin1,) if x}:
        return False
    if any(dateline_placed(x) or borrowed_place(x) or _named_as_division(x) for x in (a, b)):
        return False
    return haversine_km(float(a.latitude), float(a.longitude), float(b.latitude), float(b.longitude)) > rules().max_km


def _named_as_division(x: Event) -> bool:
    """Does ``x``'s evidence name its own place as a district, department or local government area
    ("in Bama Local Government", "the department of Tera", "the cercle of Bandiagara": ``division_words``
    in dedup.yaml)? Coded to the seat town, such a report means the division, however far the other
    report's village lies from the seat."""
    name = _fold_owner(x.location or "")
    if len(name) < 3:
        return False
    words = rules().division_words.replace("-", " ")
    text = _fold_owner(" ".join(e.text for e in x.evidence))
    return re.search(rf"\b{re.escape(name)} (?:{words})\b|\b(?:{words}) of (?:the )?{re.escape(name)}\b",
                     text) is not None


def _district_around(x: Event, y: Event) -> bool:
    """Does ``x``'s evidence name its own place as a district ("a rural area of Dera Ismail Khan
    district") that ``y``'s town lies in (both in one admin2 and admin1)? The gazetteer codes such
    a report to the district's namesake town, and its admin2 may be spelt otherwise ("D. I.
    Khan"), so the names alone do not show that the district holds the other's village."""
    if not (x.location and x.admin1 and x.admin2 and y.admin1 and y.admin2):
        return False
    if _fold(x.admin1) != _fold(y.admin1) or _fold(x.admin2) != _fold(y.admin2):
        return False
    return _fold_owner(x.location) in settlements(x).get("district", set())


def _told_apart(a: Event, b: Event) -> bool:
    """Each report's own words name its place, at a town or "near a town" (geo_precision 1 or
    2), the places differ, neither is the other's district or region, and neither report names
    the other's place: "a wedding in Konduga Local Government Area" and "a market in
    Maiduguri", "a checkpost in Lakki Marwat district" and "the Mandan checkpost in Bannu" are
    two events however near. (A report coded to a place its words do not name -- the
    article's setting, a province's capital -- tells nothing here.)"""
    if (a.geo_precision or 3) > 2 or (b.geo_precision or 3) > 2:
        return False
    la, lb = _fold(a.location or ""), _fold(b.location or "")
    if not la or not lb or la == lb or la in lb or lb in la:
        return False
    # a district the other town is in ("Konduga district" / the village of Dalwa in it); not its
    # first-level division: at town precision "Nairobi" is the city, whatever province GeoNames
    # still files Thika under
    admin_a = {_fold(x) for x in (a.admin2, a.admin3) if x}
    admin_b = {_fold(x) for x in (b.admin2, b.admin3) if x}
    if la in admin_b or lb in admin_a or _district_around(a, b) or _district_around(b, a):
        return False
    if not (names_place_of(a, a) and names_place_of(b, b)):
        return False
    if _told_relative(a) or _told_relative(b) or _on_road_between(a, b):
        return False  # "a roadside bomb south of Kirkuk" may well be the one in Daquq
    return not (names_place_of(a, b) or names_place_of(b, a))


def _names_as_place(ev: Event, other: Event) -> bool:
    """Does ``ev``'s evidence name ``other``'s location other than as a reference point ("a few
    kilometres from Arnoun", "near Arnoun", "south of Arnoun")?"""
    for e in ev.evidence:
        for n in place_names(other):
            if len(_fold(n)) < 3:
                continue
            for m in re.finditer(rf"(?<!\w){re.escape(n)}(?!\w)", e.text, re.IGNORECASE):
                if not _RELATIVE_BEFORE.search(e.text[max(0, m.start() - 40):m.start()]):
                    return True
    return False


def _spelling_variants(la: str, lb: str) -> bool:
    """Two folded place names that are one name spelt two ways ("yohmor" / "yehmor al shqif",
    "kyaung taung" / "kyaungtaung"): their first words (squashed) differ by at most a letter or
    two in a name of five letters or more."""
    a, b = la.split(" ")[0].replace("-", ""), lb.split(" ")[0].replace("-", "")
    if a == b:
        return True
    if min(len(a), len(b)) < 5:
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


_ARTICLE_WORD = re.compile(r"\b(?:al|el|ad|ar|as|ash|at|az|an|ed|er|es|et)\b[ -]?")
_VOWELS = re.compile(r"[aeiouy]+")
_DOUBLED = re.compile(r"(\w)\1+")


def _transliterated(la: str, lb: str) -> bool:
    """Two folded names one village's name written two ways by two outlets: the same with spaces, hyphens
    and Arabic articles left out ("tondikwindi" / "tondi kwindi"), or the same consonants in order, doubled
    letters as one ("bula gaduud" / "bulo gadud", "kfar kila" / "kafr kila", "aita al-shaab" / "ayta
    ash-shab", "deir mimas" / "dayr mimas"), four consonants or more."""
    a = _ARTICLE_WORD.sub("", la).replace(" ", "").replace("-", "")
    b = _ARTICLE_WORD.sub("", lb).replace(" ", "").replace("-", "")
    if not a or not b:
        return False
    if a == b:
        return True
    sa, sb = _DOUBLED.sub(r"\1", _VOWELS.sub("", a)), _DOUBLED.sub(r"\1", _VOWELS.sub("", b))
    return len(sa) >= 4 and sa == sb


def _stand_in(ev: Event) -> bool:
    """Is the report coded under a name of its own at the point of the town or division holding it -- a
    village the gazetteer lacks ("the village of Tamkaya, in Tillaberi region": Tamkaya at Tillaberi,
    geo_precision 2 or 3) -- its own words naming it as the text spelt it?"""
    if (ev.geo_precision or 3) < 2 or not ev.location:
        return False
    said = ev.provenance.get("location")
    loc = _fold_owner(ev.location)
    if said is not None and _fold_owner(said.text) != loc:
        return False
    coarse = {_fold(x) for x in (ev.admin1, ev.admin2, ev.admin3, ev.country) if x}
    return loc not in coarse and names_place_of(ev, ev)


def _same_point(a: Event, b: Event) -> bool:
    """Are both reports coded within ``same_point_km`` of each other?"""
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return False
    return haversine_km(float(a.latitude), float(a.longitude), float(b.latitude),
                        float(b.longitude)) < rules().same_point_km


def _names_bare(x: Event, y: Event) -> bool:
    """Does ``x``'s evidence name ``y``'s place without its Arabic article, in any role ("the Ahkum front in
    the Shamayatayn area" names the "Al-Ahkum area")?"""
    name = _ARTICLE_WORD.sub("", _fold_owner(y.location or "")).strip(" -")
    if len(name) < 3:
        return False
    text = _fold_owner(" ".join(e.text for e in x.evidence))
    return re.search(rf"\b{re.escape(name)}\b", text) is not None


def _vowels_apart(a: Event, b: Event) -> bool:
    """Are the two places one name with its vowels written two ways, "w" and "y" read as vowels ("Al-Hol" /
    "Al-Hawl")? Coded at two different region or country points, such names do not tell two villages."""
    sa, sb = (_DOUBLED.sub(r"\1", re.sub(r"[aeiouwy ]", "", _ARTICLE_WORD.sub("", _fold_owner(x.location or ""))
                                                             .replace("-", ""))) for x in (a, b))
    return len(sa) >= 2 and sa == sb


def _stand_ins_named_apart(a: Event, b: Event) -> bool:
    """Two villages the gazetteer lacks, coded at one point (the region's seat, the town or district both
    are said to be near or in), each report naming its own and not the other's: "gunmen killed five herders
    in Bangoutara, in Tillaberi region" and "... four farmers in Tamkaya, in Tillaberi region" the same day
    are two attacks, though their coordinates coincide, and so are "a drone hit Arnoun" and "a drone hit
    Yohmor, a few kilometres from Arnoun" coded at one point. (A report at the region itself, "in Tillaberi
    region", names no village and decides nothing here; one name spelt two ways is one village.)"""
    if not (_stand_in(a) and _stand_in(b)):
        return False
    la, lb = _fold_owner(a.location), _fold_owner(b.location)
    if la == lb or la in lb or lb in la or _spelling_variants(la, lb) or _transliterated(la, lb):
        return False
    admin_a = {_fold(x) for x in (a.admin1, a.admin2, a.admin3) if x}
    admin_b = {_fold(x) for x in (b.admin1, b.admin2, b.admin3) if x}
    if la in admin_b or lb in admin_a:
        return False
    # (naming the other only as a reference point, "in Yohmor, a few kilometres from Arnoun", still tells apart)
    return not (_names_as_place(a, b) or _names_as_place(b, a))


def _stand_in_at_anothers_town(x: Event, y: Event) -> bool:
    """``x`` is a village the gazetteer lacks, kept under its own name at the point of the town the article
    names near it (geo_precision 2: "another jet bombed a monastery in Tabayin, some 13 km to the southwest",
    coded at Ye-U, named a sentence before), and ``y`` is placed precisely at that town (geo_precision 1),
    its words naming its town and not the village, while ``x``'s words name the village and not the town:
    two places, though the codes put them at one point ("an air operation in Ye-U Township"). A village
    report naming the town, even as a reference point ("Tamalawa, near Gusau"), decides nothing here."""
    if (x.geo_precision or 3) != 2 or (y.geo_precision or 3) != 1 or not _stand_in(x):
        return False
    lx, ly = _fold_owner(x.location or ""), _fold_owner(y.location or "")
    if not lx or not ly or lx == ly or lx in ly or ly in lx or _spelling_variants(lx, ly) or _transliterated(lx, ly):
        return False
    if ly in {_fold(n) for n in (x.admin1, x.admin2, x.admin3) if n}:
        return False
    if not names_place_of(y, y) or borrowed_place(y) or dateline_placed(y):
        return False
    return not (names_place_of(x, y) or names_place_of(y, x))


def _neighbours_named_apart(a: Event, b: Event, km: float) -> bool:
    """Two neighbouring villages, closer than ``distinct_place_km``: both reports are placed precisely
    (geo_precision 1) at different gazetteer places (not the same point, not one name spelt two ways,
    neither the other's district), each report's own evidence names its own place, and neither names
    the other's place except as a reference point -- a drone strike in Arnoun told by two outlets and
    one "in Yohmor, a few kilometres from Arnoun" are two strikes. (A report "near Arnoun" is placed
    at geo_precision 2 and decides nothing here.)"""
    if (a.geo_precision or 3) != 1 or (b.geo_precision or 3) != 1 or km < rules().same_point_km:
        return False
    la, lb = _fold_owner(a.location or ""), _fold_owner(b.location or "")
    if not la or not lb or la == lb or la in lb or lb in la or _spelling_variants(la, lb):
        return False
    admin_a = {_fold(x) for x in (a.admin2, a.admin3) if x}
    admin_b = {_fold(x) for x in (b.admin2, b.admin3) if x}
    if la in admin_b or lb in admin_a or _district_around(a, b) or _district_around(b, a):
        return False
    if borrowed_place(a) or borrowed_place(b) or dateline_placed(a) or dateline_placed(b):
        return False
    if not (names_place_of(a, a) and names_place_of(b, b)):
        return False
    if _on_road_between(a, b):
        return False
    return not (_names_as_place(a, b) or _names_as_place(b, a))


_RELATIVE_BEFORE = re.compile(
    r"\b(?:near|nearby|outside|outskirts of|close to|not far from|around|(?:north|south)(?:-?(?:east|west))?(?:ern)?\s+of|"
    r"(?:east|west)(?:ern)?\s+of|(?:km|kilomet(?:re|er)s?|miles?)\s+(?:\w+\s+)?(?:from|of))\s+(?:the\s+)?"
    r"(?:(?:town|city|village|district|capital)\s+(?:of\s+)?)?$", re.IGNORECASE)


def _told_relative(ev: Event) -> bool:
    """Is the report's place told relative to the town it is coded to ("south of Kirkuk", "near
    Goma", "30 km from Gao")? Then the event may be anywhere around that town."""
    if (ev.geo_precision or 3) != 2:
        return False
    said = ev.provenance.get("location")
    if said is not None:
        for e in ev.evidence:
            if e.start <= said.start < e.end:
                return bool(_RELATIVE_BEFORE.search(e.text[max(0, said.start - e.start - 40):said.start - e.start]))
        return False
    # a report without the offsets of its place (hand-coded, merged): where its words name it
    for e in ev.evidence:
        for n in place_names(ev):
            for m in re.finditer(rf"(?<!\w){re.escape(n)}(?!\w)", e.text, re.IGNORECASE):
                if _RELATIVE_BEFORE.search(e.text[max(0, m.start() - 40):m.start()]):
                    return True
    return False


@dataclass(slots=True)
class Match:
    ok: bool
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)
    why_not: str = ""

    @property
    def reason(self) -> str:
        return "; ".join(self.reasons)


def _crowd_as_civilians(a: Event, b: Event) -> tuple[Event, Event]:
    """For a protest report and an attack-on-civilians report, the crowd named as civilians: "police
    fired on protesters" and "police shot dead three people" name one victim side."""
    if {a.event_type, b.event_type} not in ({"Protests", "Violence against civilians"},
                                            {"Riots", "Violence against civilians"}):
        return a, b

    def civil(ev: Event) -> Event:
        names = {k: re.sub(r"^(?:protesters|demonstrators|rioters)\b", "Civilians", getattr(ev, k), flags=re.IGNORECASE)
                 for k in ("actor1", "actor2")}
        return dataclasses.replace(ev, **names)
    return civil(a), civil(b)


_STATE_FORCE = re.compile(r"^(?:Military|Police) Forces\b")
# security forces named as the ones attacked or killed, and civilians named as victims
_FORCES_HIT = re.compile(r"\b(?:soldiers|troops|servicemen|military personnel|policemen|police officers|gendarmes|"
                         r"(?:military|army|police) (?:patrol|convoy|post|base|personnel)s?|"
                         r"(?:supply|military|army) convoy)\b", re.IGNORECASE)
_CIVILIANS_HIT = re.compile(r"\b(?:civilians?|villagers|residents|farmers|herders|women|children|pupils|students|"
                            r"worshippers|passengers|traders|shoppers|families|displaced|people|teachers|"
                            r"journalists|protesters|demonstrators|marchers)\b", re.IGNORECASE)
# "the victims were killed when suspected herdsmen invaded the community": the ones hit, civilians where the
# evidence names no soldier or police hit (_clash_on_civilians); not where it does -- "killing 15 soldiers;
# the victims were buried in Ouahigouya" -- so not one of the civilians of _victims_recoded
_VICTIMS_HIT = re.compile(r"\bvictims\b", re.IGNORECASE)

# civilians named as who tells the story, not as who was hit: "according to residents", "villagers said",
# "residents told AFP" (taken out before looking for civilian victims)
_CIVILIAN_SOURCES = re.compile(
    r"\b(?:according to|quoting|citing)\s+(?:the\s+|some\s+|local\s+|several\s+|other\s+){0,2}"
    r"(?:civilians|villagers|residents|farmers|herders|women|traders|people|teachers|journalists|witnesses)\b|"
    r"\b(?:civilians|villagers|residents|farmers|herders|women|traders|people|teachers|journalists)\s+"
    r"(?:(?:there|nearby|in the area|of the area)\s+)?(?:said|say|says|told|tell|reported|report|recounted|described)\b"
    # but "14 villagers reported killed", "traders said to be missing" were hit
    r"(?!\s+(?:to\s+(?:be|have)\s+(?:been\s+)?)?(?:killed|dead|missing|wounded|injured|hurt|abducted|kidnapped|"
    r"among|shot|slain|taken|burned|burnt)\b)",
    re.IGNORECASE)


def _victim_text(text: str) -> str:
    """The evidence without the civilians it names as its sources."""
    return _CIVILIAN_SOURCES.sub(" ", text)


def _victims_recoded(a: Event, b: Event) -> tuple[Event, Event]:
    """The victim side of an attack on civilians, when the report contradicts itself about who it
    hit. Two classes of extraction disagreement: (1) an attack on civilians whose victim side is a
    state force ("Amba fighters stormed a government school and whisked away the principal" coded
    against the military): ACLED's victims of violence against civilians are civilians, so the
    victim side is taken as unknown when the other report is an attack on civilians too; (2) an
    attack on civilians whose evidence names only soldiers or police as the ones hit ("15
    soldiers were killed when jihadists ambushed a supply convoy") against an armed clash of the
    same country's forces: its victim side is those forces. A report naming villagers, residents
    or other civilians as victims keeps its civilians."""
    vac = "Violence against civilians"

    def recode(ev: Event, other: Event) -> Event:
        if ev.event_type == "Battles" and other.event_type == vac:
            return _clash_on_civilians(ev)
        if ev.event_type == other.event_type == "Explosions/Remote violence":
            return _post_hit(ev, other)
        if ev.event_type != vac:
            return ev
        if _STATE_FORCE.match(ev.actor2 or "") and other.event_type == vac:
            return dataclasses.replace(ev, actor2="")
        if (other.event_type == "Battles" and (ev.actor2 or "").lower().startswith("civilians")
                and ev.evidence):
            text = " ".join(e.text for e in ev.evidence)
            forces = [x for x in (other.actor1, other.actor2) if _STATE_FORCE.match(x or "")
                      and _country_of(x) and _country_of(x) == _country_of(ev.actor2)]
            if forces and _FORCES_HIT.search(text) and not _CIVILIANS_HIT.search(_victim_text(text)):
                return dataclasses.replace(ev, actor2=forces[0])
        return ev
    return recode(a, b), recode(b, a)


# a post of the police or the army as the target of a blast: "a police station", "the gate of an army base"
_FORCE_POST = re.compile(r"\b(?:police|army|military|security|gendarmerie) (?:stations?|posts?|headquarters|"
                         r"bases?|barracks|camps?|checkpoints?|compounds?|academy|academies|training centres?|"
                         r"recruitment centres?|patrols?|convoys?|vehicles?|pick-?ups?|trucks?)\b|"
                         r"\b(?:barracks|checkpoints?|garrisons?)\b", re.IGNORECASE)


def _post_hit(ev: Event, other: Event) -> Event:
    """A bombing whose victims one outlet reads as the civilians killed ("a suicide bomber drove into the
    gate of a police station, killing at least 13 people") and another as the police force whose station
    it hit: the civilians' report names a post of the police or the army as the target, and the other
    report's victim side is that country's force. Read as that force's. A blast at a market or a bus
    stop keeps its civilians, and so does one whose other report's victims are another country's force."""
    if not (ev.actor2 or "").lower().startswith("civilians") or not ev.evidence:
        return ev
    force = other.actor2 or ""
    if not _STATE_FORCE.match(force) or not _country_of(force) or _country_of(force) != _country_of(ev.actor2):
        return ev
    if not _FORCE_POST.search(" ".join(e.text for e in ev.evidence)):
        return ev
    return dataclasses.replace(ev, actor2=force)


# words of a fight between two armed sides: a report telling them is a clash, whoever it killed
_FIGHTING = re.compile(r"\b(?:clash\w*|fight\w*|fought|battl\w*|gun ?battles?|exchanges? of fire|exchanged fire|"
                       r"firefights?|skirmish\w*|shoot-?outs?|repel\w*|repuls\w*|engag\w*)\b", re.IGNORECASE)


def _clash_on_civilians(ev: Event) -> Event:
    """An armed clash between a named non-state group and "unidentified" gunmen -- one attacker read
    twice, once as the gunmen the story tells and once as the group residents blame ("gunmen invaded
    the village ... residents blamed armed herders") -- whose evidence names only civilians as the
    ones hit and tells no fight: the attack on civilians another outlet codes. Read as that attack
    (the named group against the civilians of its country) when compared with an attack on civilians.
    A clash with a state force on a side, between two named groups, naming soldiers or police hit or
    telling a fight ("gunmen clashed with vigilantes") stays a clash."""
    if ev.sub_event_type != "Armed clash" or not ev.evidence:
        return ev
    sides = [ev.actor1 or "", ev.actor2 or ""]
    if any(_STATE_FORCE.match(x) or x.lower().startswith("civilians") for x in sides):
        return ev
    named = [x for x in sides if not is_wildcard(x)]
    if len(named) != 1 or not any(x.lower().startswith("unidentified armed group") for x in sides):
        return ev
    text = " ".join(e.text for e in ev.evidence)
    hit = _victim_text(text)
    if not (_CIVILIANS_HIT.search(hit) or _VICTIMS_HIT.search(hit)) or _FORCES_HIT.search(text) or _FIGHTING.search(text):
        return ev
    country = ev.country or _country_of(named[0])
    victims = f"Civilians ({country})" if country else "Civilians"
    return dataclasses.replace(ev, event_type="Violence against civilians", sub_event_type="Attack",
                               actor1=named[0], actor2=victims)


def _country_of(name: str) -> str:
    """The country of a state force or a civilian side ("Military Forces of Mexico (2024-)" -> "mexico",
    "Civilians (Mexico)" -> "mexico"); "" when the name gives none."""
    m = re.search(r"\bForces of ([^()]+)", name or "")
    if m:
        return _fold(m.group(1))
    m = re.search(r"\(([^()]+)\)\s*$", name or "")
    return _fold(m.group(1)) if m and not re.match(r"^\d{4}-", m.group(1)) else ""


def match(new: Event, existing: Event) -> Match:
    """Whether ``new`` reports the same event as ``existing`` (a merged record), and why."""
    reasons: list[str] = []
    new, existing = _victims_recoded(new, existing)
    ok, why = types_match(new, existing)
    if not ok:
        return Match(False, why_not=why)
    reasons.append(why)
    ok, why, days = dates_match(new, existing)
    if not ok:
        return Match(False, why_not=why)
    reasons.append(why)
    ok, why, km = places_match(new, existing)
    if not ok:
        return Match(False, why_not=why)
    if (_placeless(new) or _placeless(existing)) and new.sub_event_type != existing.sub_event_type:
        # with no place to compare, only the very kind of event ties the two
        return Match(False, why_not=f"one report gives no place and the types differ "
                                    f"({new.sub_event_type} vs {existing.sub_event_type})")
    reasons.append(why)
    ok, why, positive = actors_match(*_crowd_as_civilians(new, existing))
    if not ok:
        return Match(False, why_not=why)
    reasons.append(why)
    score = 1.0
    score -= 0.3 * min(km, 2 * rules().max_km) / rules().max_km
    # a day apart weighs most when both reports know their day; a week's or a month's date is the middle of
    # its span, so its distance in days to the one or the other event tells little
    score -= (0.3 if max(new.time_precision or 1, existing.time_precision or 1) == 1 else 0.1) * days
    score += 0.2 * positive
    if new.sub_event_type == existing.sub_event_type:
        score += 0.2
    if new.location and _fold(new.location) == _fold(existing.location or ""):
        score += 0.1
    return Match(True, score=score, reasons=reasons)


def member_conflict(new: Event, member: Event) -> str:
    """Why ``new`` cannot join a stored event one of whose reports is ``member``, or "".

    A new report is matched against the merged record, which carries its most precise
    report's place and its best date; without this check a chain of reports each a day or a
    few km from the last could pull an event into its neighbour (a riot on Wednesday night
    joining Monday's protest through a report dated Tuesday). Only hard conflicts count:
    dates outside the window, sub-event types that are never one event, different
    countries, two places each report names as its own."""
    if frozenset((new.sub_event_type, member.sub_event_type)) in rules().exclusive_sub_events:
        return f"{new.sub_event_type} and a report's {member.sub_event_type} are never one event"
    peaceful = _peaceful_against_force(new, member)
    if peaceful:
        return peaceful
    crowds = _different_crowds(new, member)
    if crowds:
        return crowds
    ok, why, _ = dates_match(new, member)
    if not ok:
        return f"a report of it is dated {member.event_date}: {why}"
    if new.country and member.country and _fold(new.country) != _fold(member.country):
        return f"a report of it is in {member.country}"
    town = _unplaced_town(new, member) or _unplaced_town(member, new)
    if town:
        return f"a report of it is at {member.location}; the other tells {town}"
    if None not in (new.latitude, new.longitude, member.latitude, member.longitude):
        km = haversine_km(float(new.latitude), float(new.longitude), float(member.latitude), float(member.longitude))
        if km > rules().distinct_place_km and (_distinct_places(new, member) or _told_apart(new, member)):
            return f"a report of it is at {member.location}, {km:.0f} km away"
        if km <= rules().distinct_place_km and _neighbours_named_apart(new, member, km):
            return f"a report of it is at {member.location}, a neighbouring village {km:.1f} km away"
        if km < rules().same_point_km and (_stand_in_at_anothers_town(new, member)
                                           or _stand_in_at_anothers_town(member, new)):
            return f"a report of it is at {member.location}, whose point the other's village was coded to"
    return ""


def is_vague(ev: Event) -> bool:
    """Placed only at region or country level."""
    return (ev.geo_precision or 3) >= 3


def _day_known(ev: Event) -> bool:
    return int(ev.time_precision or 1) == 1 and bool(ev.event_date)


def _same_day(a: Event, b: Event) -> bool:
    return _day_known(a) and _day_known(b) and a.event_date[:10] == b.event_date[:10]


def _names_own_region(vague: Event, other: Event) -> bool:
    """Is the name by which ``vague``'s evidence names ``other``'s place only the name of
    ``vague``'s own region -- the county, state or province that shares its name with its capital
    town ("Police in Kiambu County", "in Lagos State", other report at the towns of Kiambu and
    Lagos)? That names the region, not the town."""
    own = {_fold(x) for x in (vague.location, vague.admin1, vague.admin2) if x}
    return bool(own) and all(_fold(n) in own for n in place_names(other) if named_in_evidence(n, vague))


def best_match(new: Event, candidates: Sequence[Event],
               matches: Sequence[Match] | None = None) -> tuple[int, Match] | None:
    """Index and Match of the closest compatible candidate, or None (``matches``: the
    candidates' :func:`match` results when the caller has them already).

    A report placed only at region or country level that fits several stored
    events is ambiguous: it joins none of them (a wrong merge loses an event; a
    missed one only leaves a duplicate row). Measured on the real pipeline's
    output, this traded some recall for precision; a score margin did worse."""
    if matches is None:
        matches = [match(new, cand) for cand in candidates]
    found = [(i, m) for i, m in enumerate(matches) if m.ok]
    if not found:
        return None
    if len(found) > 1 and is_vague(new):
        # unless its evidence names the place of exactly one of them ("a wedding in Gwoza",
        # placed only in Borno State)
        named = [(i, m) for i, m in found if names_place_of(new, candidates[i]) and not is_vague(candidates[i])
                 and not _names_own_region(new, candidates[i])]
        if len(named) != 1:
            # or, when it gives the very day, exactly one of them is known on that day (the others match
            # only through a report dated "this week"): "teachers teargassed in Lagos State on Wednesday"
            # joins Wednesday's protest in Ikeja, not Thursday's in Ikorodu told as "this week"
            same_day = [(i, m) for i, m in found if _same_day(new, candidates[i])]
            if len(same_day) == 1:
                same_day[0][1].reasons.append(f"the only candidate known on {new.event_date[:10]}")
                return same_day[0]
        if len(named) != 1:
            # or exactly one of them is an event of its very kind: a region-level "drone attack on a
            # minibus" joins the drone strike, not a shooting the region reported the same day
            kind = [(i, m) for i, m in found if (candidates[i].event_type, candidates[i].sub_event_type)
                    == (new.event_type, new.sub_event_type)]
            if len(kind) != 1:
                return None
            kind[0][1].reasons.append(f"the only candidate of type {new.sub_event_type}")
            return kind[0]
        i, m = named[0]
        m.reasons.append(f"its evidence names {candidates[i].location}")
        return named[0]
    found.sort(key=lambda im: -im[1].score)  # stable: the earliest of equal scores first
    return found[0]


# ------------------------------------------------------------------ merging
def reported_fatalities(ev: Event) -> bool:
    return ev.fatalities > 0 or "fatalities" in ev.provenance


def _join_unique(values: list[str], sep: str = "; ") -> str:
    key = sep.strip()
    out: list[str] = []
    for v in values:
        for part in v.split(key):
            part = part.strip()
            if part and part not in out:
                out.append(part)
    return sep.join(out)


def _named_actors(ev: Event) -> int:
    return sum(not is_wildcard(x) for x in (ev.actor1, ev.actor2))


_LOCATION_FIELDS = ("iso", "iso3", "region", "country", "admin1", "admin2", "admin3", "location",
                    "latitude", "longitude", "geo_precision")
_ACTOR_FIELDS = ("actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
                 "civilian_targeting")


def merge(members: Sequence[Event], event_id: str) -> Event:
    """The merged record of reports of one event. ``members[0]`` founded the event."""
    if not members:
        raise ValueError("merge() needs at least one event")
    first = members[0]
    out = Event.from_dict(first.as_dict())
    out.event_id = event_id
    if len(members) == 1:
        return out
    # event type: the most frequent (ties -> the earliest report)
    votes = Counter((m.event_type, m.sub_event_type) for m in members)
    top = max(votes.values())
    for m in members:
        if votes[(m.event_type, m.sub_event_type)] == top:
            out.event_type, out.sub_event_type, out.disorder_type = m.event_type, m.sub_event_type, m.disorder_type
            break
    # date: the most precise report (ties -> the earliest report)
    best_date = min(members, key=lambda m: (m.time_precision or 9, not m.event_date))
    out.event_date, out.time_precision = best_date.event_date, best_date.time_precision
    # place: the most precise report with coordinates, not one borrowing the place of what its article tells next
    best_loc = min(members, key=lambda m: (borrowed_place(m), m.geo_precision or 9, m.latitude is None))
    for f in _LOCATION_FIELDS:
        setattr(out, f, getattr(best_loc, f))
    # the words that named the place: best_loc's, when its evidence holds them (offsets of several
    # documents do not compare, so a merged record never counts as borrowing its place)
    out.provenance.pop("location", None)
    if "location" in best_loc.provenance and names_place_of(best_loc, best_loc):
        out.provenance["location"] = best_loc.provenance["location"]
    # actors: the report naming most actors
    best_act = max(members, key=_named_actors)  # max keeps the first of ties
    for f in _ACTOR_FIELDS:
        setattr(out, f, getattr(best_act, f))
    # fatalities: the most conservative reported number (ACLED)
    reported = [m.fatalities for m in members if reported_fatalities(m)]
    out.fatalities = min(reported) if reported else 0
    out.source = _join_unique([m.source for m in members if m.source])
    scales = _join_unique([m.source_scale for m in members if m.source_scale], "-")
    out.source_scale = scales
    out.tags = _join_unique([m.tags for m in members if m.tags])
    out.confidence = max(m.confidence for m in members)
    out.evidence = [e for m in members for e in m.evidence]
    return out
