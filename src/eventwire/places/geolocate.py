"""Event geolocation: where the event whose trigger is a span happened.

Not just any place in the sentence: the place mentions of the trigger's
sentence compete on their syntactic link to the trigger (when there is a
parse), their distance from it, the preposition before them ("in", "near"
vs "from") and how specific they are. Then ACLED's ``geo_precision``:

* 1 -- a named town or village (its coordinates);
* 2 -- "near X", "north of X", "X km from Y", or a second-level division;
* 3 -- only a region or province (at the coordinates of its seat: the capital
  data/admin1_seats.csv names, else its town of the same name, else its biggest town of
  10,000 or more; else its centre), "eastern
  Syria" or "the country's east" mapped to the article's province in that part
  of the country, or -- only when nothing finer exists -- the country (said so).

A district alone (precision 2) takes the coordinates of its town of the same
name when the gazetteer has one. An event "on the road between A and B" (the A-B highway, the
A to B road) is near A, the first town named (precision 2), not at B.

A place the gazetteer lacks is coded at the most precise place the article
gives for it, never at a namesake abroad: "X, a village 20 km north of Y",
"X village located 15 km south of the city of Y", "near X ... Y" -> Y with
precision 2 (ACLED: the event is near a named place); "X in Y district" or
"at X in Y district" -> the district, precision 2; "X in Y province" -> the
province, precision 3 -- unless the article names one district inside that
province, in X's sentence or a neighbouring one telling the same event, or in
three sentences or more (the article's own district), which then holds X more
likely: precision 2. Such a place keeps its own name as the event's location (ACLED: the
village is the location, the precision says its coordinates are those of the town or division
around it), so that two outlets' reports of it name one place. A bare name the gazetteer lacks in
the event's frame ("gunmen attacked Tamalawa", "an air strike near Ban Sai": places.framed) competes
as such a village where it stands beside the trigger; a province or country named beside it, farther
from the trigger, yields to it; with nothing named around it, the province of an agency dateline's
town ("MAIDUGURI, Nigeria (Reuters) -") holds it (precision 3), the country where that town is the
capital ("BAMAKO, Mali (Reuters) -").
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re

from ..models import Document, Location, Mention, Place
from .framed import framed_places, not_a_name_of_a_place
from .gazetteer import TOWNLESS_AT_PROVINCE as _AT_PROVINCE
from .gazetteer import TOWNLESS_AT_SEAT as _AT_SEAT
from .gazetteer import TOWNLESS_DISTRICT, Gazetteer, display_name, normalise
from .recognize import DIRECTIONS, SITE_NOUNS, destination_before  # noqa: F401 - re-exported for the places stage
from .resolve import TOWN_FEATURES

_DIRS = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?"
# "X, south of Y", "X, 20 km north-west of the city of Y", "X, near the Y town": Y is only a reference point for X
_REFERENCE_GAP = re.compile(
    r"^\s*[,(]\s*(?:about |some |around |roughly |nearly )?(?:\d[\d.,]*\s*(?:-\s*)?(?:km|kilometres|kilometers|"
    r"kilometre|kilometer|miles|mile|mi)\s+(?:\(\s*[\d.,]+\s*miles?\s*\)\s+)?)?(?:" + _DIRS + r"\s+of|from|outside|near|"
    r"close\s+to|not\s+far\s+from)"
    r"\s+(?:the\s+(?:\w+\s+)?(?:city|town|capital|village)\s+of\s+|the\s+)?$", re.I)
_NEAR_WORDS = re.compile(r"\b(?:near|close\s+to|not\s+far\s+from)\b", re.I)
# "the mountain community of Kenscoff above Haiti's capital", "Tawila near El Fasher": with no comma, only
# words of position between two towns (the second a reference point for the first)
_REFERENCE_GAP_BARE = re.compile(r"^\s+(?:just\s+|high\s+)?(?:above|overlooking|near|outside|" + _DIRS + r"\s+of)"
                                 r"\s+(?:the\s+)?$", re.I)
# "south of the capital Algiers", "20 km north of Kabul": the place only tells where the event was from it
_REFERENCE_BEFORE = re.compile(r"\b" + _DIRS + r"\s+of\s+(?:the\s+(?:\w+\s+)?(?:capital|city|town)\s*,?\s*)?$", re.I)
# "Maidan in Kyiv", "Karrada, in Baghdad": a small place named inside a city
_INSIDE_GAP = re.compile(r"^\s*(?:,\s*)?(?:in|at|inside)\s+(?:the\s+(?:\w+\s+)?(?:capital|city)(?:\s+of)?\s+|central\s+|downtown\s+)?$", re.I)
# "near Hyderabad in Kech district", "Kaura, in Katsina State", "Tump village of Kech": a division said to hold
# the place named before it (not "Kafanchan in response to Plateau State's curfew", "in retaliation for", "in
# support of": an idiom ending in a preposition says nothing of where the place lies)
_IN_DIVISION_GAP = re.compile(r"^\s*,?\s*(?:in|of)\s+(?:the\s+)?(?:[A-Z][\w.-]*['’]s\s+)?"
                              r"(?:(?!(?:for|to|of|with|on|at|by|from|against|over|after|before|about|into|under|"
                              r"towards?|than|as)\b)[a-z][\w-]*\s+){0,2}$"
                              r"|^\s+(?:village|town|area|locality)\s+(?:in|of)\s+(?:the\s+)?$")
_PART_OF_DIVISION_GAP = re.compile(r"^\s+(?:area|village|locality)\s+of\s+(?:the\s+)?$", re.I)
_DIVISION_WORD_AFTER = re.compile(r"\s+([A-Za-z]+)\b")
# "Nablus in the occupied West Bank", "Tsafe in Nigeria's northwestern Zamfara state", "Bignona, in the country's
# southern Casamance region": the division after a town holds it
_IN_CONTAINER = re.compile(r"\s*,?\s+in\s+(?:the\s+)?(?:[A-Z][\w.-]*['’]s\s+)?(?:[a-z][\w'’-]*\s+){0,2}$")
# after an unlisted name: "..., in the south of the city", ", a neighbourhood of the capital", "in the city's north"
_IN_THE_CITY = re.compile(r"\s*,\s*(?:(?:in|on)\s+the\s+(?:(?:far\s+)?(?:north|south|east|west|centre|center|"
                          r"north-?east|north-?west|south-?east|south-?west|outskirts|heart)\w*\s+of\s+)?"
                          r"|(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:neighbou?rhood|district|division|suburb|quarter|"
                          r"area|township|slum)\s+(?:of|in)\s+)the\s+(?:city|capital)\b", re.I)
# "Dhaka's Mirpur area", "the Mirpur area of Dhaka": a part of a city, named with the city
_POSSESSOR_GAP = re.compile(r"['’]s?\s+$")
_PART_AFTER = re.compile(r"\s+(?:area|neighbou?rhood|district|quarter|suburb|locality|township|slum|sector)s?\b", re.I)
_PART_OF_GAP = re.compile(r"^\s+(?:area|neighbou?rhood|district|quarter|suburb|locality|slum|sector)\s+(?:of|in)\s+$",
                          re.I)
# words between a small place and a town that make the town a reference point, not its container
_APART = re.compile(r"\d|\bkm\b|kilomet|\bmiles?\b|\b(?:north|south|east|west)\w*\s+of\b|\bnear\b|\bfrom\b|"
                    r"\boutside\b|\bborders?\b|\bbetween\b|\bto\b|\band\b|[;:()]", re.I)
# "El Fasher, the capital of North Darfur state", "Jilib, a town in Middle Juba": the later place only
# says where the first lies
# "Sanga local government area of Kaduna state", "Kanbalu township in Sagaing region": the same
_CONTAINER_GAP = re.compile(r"^\s*(?:,\s*(?:which is\s+)?(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:capital|city|town|village|"
                            r"seat|headquarters|hub|stronghold|district|suburb|part)"
                            r"\s+(?:of|in)|\s(?:local government areas?|lgas?|county|counties|province|state|region|"
                            r"governorate|oblast)\s+(?:of|in)|\s(?:townships?|district|village|town)\s+in)"
                            r"\s+(?:the\s+)?$", re.I)
# a country followed by what it did: "Russia launched", "Israel has struck", "Iran said"
_ACTOR_VERB = re.compile(r"\s+(?:(?:also|then|reportedly|again|later|allegedly)\s+)?(?:(?:has|had|have)\s+)?"
                         r"(?:launched|fired|struck|attacked|shelled|bombed|sent|deployed|said|says|claimed|"
                         r"carried|targeted|hit|shot|accused|denied|announced|used|began|launches|fires|strikes|"
                         r"attacks|sends|deploys|targets)\b")
# "12:30 Moscow time", "09:00 Kyiv summer time": a clock, not a place
_TIME_ZONE = re.compile(r"\s+(?:standard\s+|summer\s+|daylight\s+)?time\b", re.I)
# where a person is from, given with their name and age or as their birthplace: "Ali Omar, 28, of Kafr Qasim
# near Tulkarm, fired ...", "a native of Gao": the place up to the next comma is the person's, not the event's
_ORIGIN = re.compile(r"(?:[A-Z][\w'.-]*,\s*(?:aged\s+)?\d{1,3},\s*(?:of|from)|\bnative\s+of)\s+([^,;()]+)")
# "shot dead seven men from the eastern province of Punjab", "labourers hailing from Bihar": where the victims
# came from, not where they were attacked -- the place's name only ("men from Punjab in Balochistan": the event's
# place follows)
_VICTIMS_FROM = re.compile(
    r"\b(?:men|women|people|persons|workers|labou?rers|passengers|travell?ers|pilgrims|migrants|"
    r"miners|traders|truck\s+drivers|drivers|farmers|herders|settlers|students|tourists)"
    r"\s+(?:(?:who\s+(?:were|are|was)\s+)?(?:originally\s+)?from|hailing\s+from|native\s+to)\s+"
    r"((?:the\s+)?(?:[a-z-]+\s+){0,2}(?:(?:province|state|region|district|county|city|town|village)\s+of\s+)?"
    r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}(?:\s+(?:province|state|region|district|county|city|town|village))?)")
# "kidnapped 30 students from the school in Kagara", "evacuated 300 residents from the town": taken away from
# the place where the event happened, not their origin
_TAKEN_FROM = re.compile(r"\b(?:abduct|kidnap|seiz|snatch|took|taken|taking|drag|evacuat|rescu|freed|free|releas|"
                         r"expel|evict|remov|grab|whisk|carr(?:y|ie)|round(?:ed|ing)?\s+up)\w*\s+(?:[\w,-]+\s+){0,5}$",
                         re.I)
# "the X district of the city", "a neighbourhood of the capital": a part of the city named before
_OF_THE_CITY = re.compile(r"\s+(?:[Dd]istrict|[Nn]eighbou?rhood|[Qq]uarter|[Ss]uburb|[Aa]rea|[Rr]aion|[Bb]orough|[Ss]ector)"
                          r"\s+of\s+the\s+(?:[A-Z][a-z]+\s+|regional\s+)?(city|capital|town)\b")
# a sentence that opens on another event: "In a separate attack", "Separately,", "Elsewhere,", "Meanwhile,"
_ANOTHER_EVENT = re.compile(r"\s*(?:in (?:a |another )?separate|separately|elsewhere|meanwhile|in another|in other|"
                            r"also on|earlier|later|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
                            re.I)
# a sentence with a time of its own, or one that tells the background: "on Tuesday", "last year", "in 2019",
# "had been", "since": not the lead's event told in more detail
_OWN_TIME = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|tonight|"
                       r"january|february|march|april|june|july|august|september|october|november|december|"
                       r"last (?:week|month|year)|(?:weeks|months|years|days) (?:ago|earlier)|(?:19|20)\d\d|"
                       r"had been|has been|have been|since|previously|in the past|also|another|separate(?:ly)?)\b", re.I)
_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
# the rest of a list of names before a container: "Kwande, Katsina/Ala and Logo local government areas of Benue"
_NAME_LIST = re.compile(r"(?:\s*(?:,|\band\b|/)\s*[A-Z][\w'-]*(?:[ /][A-Z][\w'-]*)*)+")


# "the town's health centre", "residents of the village": a place named before, by its kind
_ANAPHOR = re.compile(r"\b[Tt]he (town|city|village)(?:['’]s\b|\s+(?!of\b|council\b|hall\b)|[,.])")
_TOWN_WORDS = frozenset({"town", "city", "village"})
# a place named as where people went or came from: "fled towards Kabo", "withdrew to the town of X", "from Y"
_MOTION_BEFORE = re.compile(r"\b(?:towards?|to|into|from|via|through|for)\s+(?:the\s+(?:[\w-]+\s+){0,2}?"
                            r"(?:town|city|village|capital)\s+(?:of\s+)?)?$", re.I)


_FEATURE_WORDS = r"(?:village|town|hamlet|area|settlement|base|camp|locality|neighbou?rhood|suburb|district|city|outpost)s?"
# how a description of a place opens: "X, a small village ...", "X (a town ...", "X village located ...", "X, which
# lies ...", "X, located ..."
_DESCRIPTION_OPENS = re.compile(r"^\s*(?:[,(]\s*(?:(?:a|an|the)\s+)?(?:[\w'-]+\s+){0,3}?" + _FEATURE_WORDS + r"\b|"
                                + _FEATURE_WORDS + r"\s+(?:located|situated|lying)\b|[,(]?\s*(?:which|that)\s+"
                                r"(?:is|are|lies|lie)\b|[,(]?\s*(?:located|situated|lying)\b)", re.I)
# ... and ends on a reference point: "20 km north of", "15 km to the south of the northern city of", "55 kilometers
# from the provincial capital of", "near", "outside", "on the highway between Homs and"
_DESCRIPTION_REFERS = re.compile(r"(?:\b" + _DIRS + r"\s+of|\bfrom|\bnear|\boutside|\bbetween|\bbetween\b[^.;]{0,40}\band)"
                                 r"\s+(?:the\s+(?:[\w-]+\s+){0,2}?(?:city|town|capital|village)\s*,?\s*(?:of\s+)?|the\s+)?$",
                                 re.I)


_STATED_KM = re.compile(r"(\d[\d.,]*)\s*(?:-\s*)?(km|kilomet\w*|miles?|mi)\b", re.I)


def _described_reference(gap: str) -> bool:
    """Whether the text between two places describes the first by where it lies from the second: "Khan Tuman
    village located nearly 15 km to the south of the northern city of Aleppo", "Dankurmi, a farming village
    about 20 km north of Gusau", "Furqlus, a town on the highway between Homs and Palmyra": the second is a
    reference point, not where the event was."""
    if len(gap) > 130 or re.search(r"[.;!?]", gap):
        return False
    return bool(_DESCRIPTION_OPENS.match(gap) and _DESCRIPTION_REFERS.search(gap))


def _contains_gap(gap: str) -> bool:
    """Whether the text between two places says the second holds the first ("X, the capital of Y",
    "X district in Y"), also when more names of the list stand between ("X, Y and Z districts of W")."""
    if _CONTAINER_GAP.match(gap):
        return True
    m = _NAME_LIST.match(gap)
    return bool(m and m.end() < len(gap) and _CONTAINER_GAP.match(gap[m.end():]))


@functools.lru_cache(maxsize=1)
def _admin1_seats() -> dict[tuple[str, str], str]:
    """(country code, normalised division name) -> its seat's name (data/admin1_seats.csv)."""
    from ..resources import load_csv

    return {(r["country_code"], normalise(r["division"])): r["seat"] for r in load_csv("admin1_seats.csv")}


SEAT_POPULATION = 10_000  # a division's seat: a town at least this big
_DIVISION_WORDS = frozenset({"district", "province", "region", "state", "governorate", "county", "oblast", "department",
                             "territory", "township", "lga", "prefecture", "division", "municipality"})
# a road named by the towns it joins: "on the road between A and B", "the highway linking A and B", "the A-B
# highway", "the A to B road". ACLED codes an event on it near the first town named (precision 2), not at B
_ROAD_WORDS = r"(?:road|highway|route|motorway|expressway|axis|track|corridor|supply\s+route|main\s+road)"
_TOWN_NAME = r"(?:(?:al|el|ad|ar|as|ash|an|az|at)-)?[A-Z][\w'’.]*(?:\s+(?:(?:al|el|ad|ar|as|ash|an|az|at)-)?[A-Z][\w'’.]*){0,3}"
_ROAD = re.compile(
    r"\b" + _ROAD_WORDS + r"\s+(?:that\s+)?(?:between|linking|links|connecting|connects|joining|joins|from)\s+"
    r"(?:the\s+(?:[\w-]+\s+)?(?:towns?|city|cities|villages?)\s+of\s+)?(?P<a>" + _TOWN_NAME + r")\s*,?\s+(?:and|to|with)\s+"
    r"(?:the\s+(?:[\w-]+\s+)?(?:town|city|village)\s+of\s+|the\s+)?(?P<b>" + _TOWN_NAME + r")"
    r"|\b(?P<a2>[A-Z][\w'’]+(?:\s[A-Z][\w'’]+)?)\s*[-–]\s*(?P<b2>[A-Z][\w'’]+(?:\s[A-Z][\w'’]+)?)\s+" + _ROAD_WORDS + r"\b"
    r"|\bthe\s+(?P<a3>" + _TOWN_NAME + r")\s+to\s+(?P<b3>" + _TOWN_NAME + r")\s+" + _ROAD_WORDS + r"\b")


def _road_ends(text: str, start: int, end: int) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The (first town, second town) spans of the roads between two named towns in text[start:end]."""
    out = []
    for r in _ROAD.finditer(text, start, end):
        for a, b in (("a", "b"), ("a2", "b2"), ("a3", "b3")):
            if r.group(a):
                out.append((r.span(a), r.span(b)))
                break
    return out


VILLAGE_FEATURES = frozenset({"village", "hamlet", "settlement", "town", "locality", "township"})
_UNNAMED_NEAR = re.compile(r"\b(?:near|outside|close to|on the outskirts of)\s+(?:an?|the|one|two|several)\s+[a-z]", re.I)


def _km(a: Place, b: Place) -> float:
    from .gazetteer import distance_km

    if a.latitude is None or b.latitude is None:
        return math.inf
    return distance_km(a.latitude, a.longitude, b.latitude, b.longitude)


def _dir_vector(direction: str) -> tuple[float, float]:
    d = DIRECTIONS.get(direction.lower().replace("far ", ""), (0, 0))
    if direction.lower() in ("centre", "center", "central"):
        return (0.0, 0.0)
    return (float(d[0]), float(d[1]))


def _site_city(doc: Document, m: Mention, in_sent: list[Mention]) -> Mention | None:
    """"Tahrir Square in Cairo": the town a listed site is said to be in, right after it."""
    for o in in_sent:
        if o is m or o.start < m.end or o.start - m.end > 40 or o.value.feature_class != "P":
            continue
        if _INSIDE_GAP.match(doc.clean[m.end:o.start]):
            return o
    return None


# what follows a sea or a lake that describes the place named next: "the Red Sea port city of Hodeidah", "the
# Adriatic port of Durres", "the Aegean island of Lesbos", "the Lake Chad island town of Kaiga"
_WATER_BEFORE_PORT = re.compile(r"[ \t]+(?:(?:port|harbour|harbor|resort|coastal|island|fishing)[ \t]+){1,2}"
                                r"(?:(?:city|town|village)[ \t]+)?of[ \t]+(?:the[ \t]+)?$")


def _same_place(a: Mention, b: Mention) -> bool:
    """Two mentions of one place: the same gazetteer entry, or the same name at the same point."""
    pa, pb = a.value, b.value
    if not isinstance(pa, Place) or not isinstance(pb, Place):
        return False
    if pa.geonameid and pa.geonameid == pb.geonameid:
        return True
    return (pa.name or "").lower() == (pb.name or "").lower() and pa.latitude == pb.latitude \
        and pa.longitude == pb.longitude


def _specificity(p: Place) -> float:
    if not p.feature_class or p.feature_class == "S":
        # unlisted: usually a neighbourhood, a village, a camp, a building; a listed site (a square, a
        # palace, an airport) is as precise, and sits inside a town as they do ("Tahrir Square in Cairo")
        return 0.9
    if p.feature_class == "P":
        return 1.0
    if p.feature_code == "ADM2":
        return 0.6
    if p.feature_code == "ADM1":
        return 0.4
    if p.feature_code.startswith("PCL"):
        return 0.0
    return 0.2


# where those telling of an event sit: "police in", "officials in", "told reporters in", "said in"
_SPEAKERS_IN = re.compile(r"(?:\b(?:police|officials?|authorities|administrators?|spokes(?:man|woman|person)|officers?|"
                          r"commanders?|army|military|governor|government|ministry|reporters|journalists)\s+(?:[\w'-]+\s+){0,2}?"
                          r"(?:in|at|from)|\b(?:said|told|reported|announced)\s+(?:[\w'-]+\s+){0,2}?(?:in|from))\s+(?:the\s+)?$", re.I)


def _borrowed_point(p: Place) -> bool:
    """A district no listed town is filed under, placed at its province's seat (gazetteer.TOWNLESS_DISTRICT):
    an event there is known at the province's precision (3)."""
    return p.source.startswith(TOWNLESS_DISTRICT) and _AT_PROVINCE in p.source


def _seated(p: Place) -> bool:
    """A district no listed town is filed under, placed at the seat data/admin2_seats.csv names."""
    return p.source.startswith(TOWNLESS_DISTRICT) and _AT_SEAT in p.source


def _precision(m: Mention) -> tuple[int, str]:
    p: Place = m.value
    cues = set(m.meta.get("cues", ()))
    if p.feature_class == "P":
        if ("near" in cues or m.meta.get("direction")) and "site_org" not in cues:
            return 2, "near or part of a named town"
        return 1, "a named town or village"
    if p.feature_class == "S":
        return 1, "a named site (a building, a square, an airport)"
    if p.feature_code == "ADM2":
        if _borrowed_point(p):
            return 3, "a district no listed town lies in, at its province's seat"
        if _seated(p):
            # the gazetteer cannot tell which towns lie in it: a large district (an Ethiopian zone) at its seat
            return 3, "a district no listed town lies in, at its seat"
        return 2, "a district (second-level division)"
    if p.feature_code.startswith("PCL"):
        return 3, "country only: no finer place named"
    return 3, "a region or province"


def _dependency_bonus(doc: Document, m: Mention, start: int, end: int) -> float:
    sdoc = doc.spacy_doc
    if sdoc is None:
        return 0.0
    try:
        trig = sdoc.char_span(start, end, alignment_mode="expand")
        place = sdoc.char_span(m.start, m.end, alignment_mode="expand")
    except (ValueError, IndexError, AttributeError):
        return 0.0
    if trig is None or place is None or not len(trig) or not len(place):
        return 0.0
    try:
        if not sdoc.has_annotation("DEP"):
            return 0.0
    except AttributeError:
        return 0.0
    troot = trig.root
    heads = {troot.i}
    h = troot
    for _ in range(2):  # the trigger's own chain ("launched a push", "triggering airstrikes"), not "said"
        if h.head.i == h.i or h.dep_ in ("ccomp", "parataxis", "advcl", "relcl"):
            break
        h = h.head
        if h.pos_ in ("VERB", "AUX", "NOUN"):
            heads.add(h.i)
    tok = place.root
    for step in range(5):
        if tok.head.i == tok.i:
            return 0.0
        tok = tok.head
        if tok.i in heads:
            return 3.0 - 0.4 * step
        if tok.pos_ == "VERB" and tok.i not in heads and step >= 1:
            return 0.0  # attached to another verb first
    return 0.0


_PLACE_HEADS = frozenset({"town", "city", "village", "district", "province", "region", "area", "camp", "capital",
                          "state", "county", "neighbourhood", "neighborhood", "suburb", "base", "market", "site"})


def _subject_span(doc: Document, start: int, end: int) -> tuple[int, int] | None:
    """The part after "of" or "from" of the trigger verb's subject ("several hundred residents of villages in
    Amadiya district demonstrated ...", "farmers from X marched"): places there say who acted, not where;
    None without a parse or such a subject."""
    sdoc = doc.spacy_doc
    if sdoc is None:
        return None
    try:
        if not sdoc.has_annotation("DEP"):
            return None
        trig = sdoc.char_span(start, end, alignment_mode="expand")
    except (ValueError, IndexError, AttributeError):
        return None
    if trig is None or not len(trig):
        return None
    verb = trig.root
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.i < verb.i:
            if child.lower_ in _PLACE_HEADS or child.ent_type_ in ("GPE", "LOC", "FAC"):
                return None  # "The town of Kargil is located ...": the subject is the place itself
            sub = list(child.subtree)
            of = next((t for t in sub if t.dep_ == "prep" and t.lower_ in ("of", "from") and t.head.i == child.i
                       and t.head.lower_ not in _PLACE_HEADS), None)
            if of is None:
                return None  # "Rebel factions in southern Syria have regained ...": there, not from there
            return of.idx, sub[-1].idx + len(sub[-1].text)
    return None


# a protest's or a riot's trigger: what "against" / "over" after it opens is the grievance
_PROTEST_TRIGGER = re.compile(r"protest|demonstrat|march|rall(?:y|ie)|sit-in|strike|picket|gather|street|riot|vigil|"
                              r"boycott|block", re.I)
# what a protest is about: "protested against the offensive in X", "rallied over the killings near Y", "marched
# to protest the arrests in Z", "in protest at ...", "denouncing ..."
_GRIEVANCE_OPENS = re.compile(r"\b(?:against|over(?!\s+(?:the\s+)?(?:weekend|past|last|next|night|\d|"
                              r"(?:several|two|three|few)\s))|in protest|to (?:protest|denounce|condemn|decry|mourn)|protesting|"
                              r"denouncing|condemning|decrying|mourning|in solidarity with)\b", re.I)
# ... when it is something that happened somewhere (an offensive, strikes, killings), whose place it then names;
# not a law, prices or a government ("protested against the new land law in Nairobi": there, most likely)
_GRIEVANCE_EVENT = re.compile(r"\b(?:offensives?|attacks?|strikes?|raids?|killings?|massacres?|violence|fighting|"
                              r"clash(?:es)?|shelling|bombings?|bombardments?|air ?strikes|operations?|insecurity|"
                              r"abductions?|kidnappings?|arrests?|detentions?|deaths?|murders?|assaults?|siege|"
                              r"occupation|incursions?|evictions?|demolitions?|shootings?|war|advance|invasion|"
                              r"crackdown|blockade)\b", re.I)
# the end of that complement: another clause or a list of what else happened
_CLAUSE_BREAK = re.compile(r"[;:()]|\s[-–—]\s|,\s*(?:and|but|while|as|where|before|after|when|then|which)\b|"
                           r"\b(?:and then|before|after|then)\b", re.I)


def _in_grievance(doc: Document, start: int, end: int, o: Mention) -> bool:
    """Whether place ``o`` is inside what a protest after trigger [start, end) is against ("Residents of Goma
    protested on Monday against the M23 offensive in Masisi territory"): the place of the grievance (an event
    somewhere else), not the protest's, so it does not say where the protesters named in the subject acted."""
    if o.start < end or not _PROTEST_TRIGGER.search(doc.clean, start, end):
        return False
    gap = doc.clean[end:o.start]
    if len(gap) > 150 or _CLAUSE_BREAK.search(gap):
        return False
    g = _GRIEVANCE_OPENS.search(gap)
    return bool(g and _GRIEVANCE_EVENT.search(gap, g.end()))


# "U.S.-backed", "Saudi-led", "Iran-funded": the country is behind a force, not where it acts
_FORCE_SUFFIX = re.compile(r"\s*-\s*(?:backed|led|based|brokered|funded|sponsored|supported|allied|trained|armed|"
                           r"made|supplied|run|owned|controlled)\b", re.I)
# head nouns that keep a country a place when it modifies them: "Lebanon's border", "the Syria frontier"
_GEO_HEADS = frozenset({"border", "borders", "frontier", "side", "coast", "coastline", "soil", "territory", "territories",
                        "airspace", "waters", "north", "south", "east", "west", "part", "parts", "province", "provinces",
                        "region", "regions", "city", "cities", "capital", "town", "towns", "village", "villages",
                        "countryside", "interior", "mainland", "heartland", "highlands", "desert", "mountains",
                        "island", "islands", "state", "states", "district", "districts", "area", "areas"})


def _actor_by_parse(doc: Document, m: Mention) -> bool:
    """Whether the parse shows a country mention as a party (a subject, a force's modifier, the other side)."""
    sdoc = doc.spacy_doc
    if sdoc is None:
        return False
    try:
        if not sdoc.has_annotation("DEP"):
            return False
        span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
    except (ValueError, IndexError, AttributeError):
        return False
    if span is None or not len(span):
        return False
    tok = span.root
    for _ in range(2):  # "the U.S. and Britain have patrolled": the conjunct like the first
        dep, head = tok.dep_, tok.head
        if dep == "nsubj" and head.pos_ in ("VERB", "AUX"):
            return True
        if dep in ("compound", "amod", "nmod", "poss") and head.i > tok.i and head.pos_ in ("NOUN", "PROPN") \
                and head.lower_ not in _GEO_HEADS and head.ent_type_ not in ("GPE", "LOC", "FAC"):
            return True
        if dep == "pobj" and head.lower_ in ("against", "with", "by"):
            return True
        if dep != "conj" or head.i == tok.i:
            return False
        tok = head
    return False


# the endings of words for a people or a faith (Jewish, Shiite, Aegean, Maronite, Protestant, Thai, Yugoslav);
# the tagger also calls unknown village names NORP ("Sousan", "Allok"), which do not end so
_GROUP_ENDING = re.compile(r"(?:ish|ite|ian|ean|ese|ic|ist|ant|[^aeiou]i|av)$")


def _group_word(doc: Document, m: Mention) -> bool:
    """An unlisted one-word "name" the parse reads as a people, a faith or an adjective ("a Jewish
    settlement", "a Sunni mosque", "the Yugoslav province of"): it describes the place named with it."""
    sdoc = doc.spacy_doc
    if sdoc is None or " " in m.text.strip():
        return False
    try:
        span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
    except (ValueError, IndexError, AttributeError):
        return False
    if span is None or len(span) != 1:
        return False
    tok = span[0]
    return tok.ent_type_ == "NORP" and bool(_GROUP_ENDING.search(tok.text))


_LEADING_ARTICLE = re.compile(r"^(?:the|The)\s+")


# "a Boko Haram camp", "an ISWAP camp": a camp some group keeps, not a camp of that name ("the Zamzam camp")
_INDEFINITE_BEFORE = re.compile(r"\b(?:an?|another)\s+$", re.I)


def _own_name(m: Mention, text: str = "") -> str:
    """The name an unlisted place is coded under: the words the article names it by, ASCII-folded as ACLED
    writes locations ("the village of Tamkaya" was recognised as "Tamkaya"); "" for a name too short to be
    one, or for a site -- a base, a checkpoint, a market, a street ("a Revolutionary Guards base") -- which is
    coded under the name of the place holding it (a camp keeps its name: ACLED codes camps so)."""
    name = display_name(_LEADING_ARTICLE.sub("", m.text.strip()))
    last = name.rsplit(" ", 1)[-1].lower()
    if (last in SITE_NOUNS and last != "camp") or ("site" in m.meta.get("cues", ()) and last != "camp"):
        return ""
    if last == "camp" and " " in name and _INDEFINITE_BEFORE.search(text, max(0, m.start - 10), m.start):
        return ""
    return name if len(name) >= 3 and name[:1].isupper() else ""


# a force named after its side: "Ambazonia fighters", "Wagner troops" (not "Tamalawa villagers", "X residents")
_FORCE_AFTER = re.compile(r" (?:troops|soldiers|forces|militias?|militiamen|fighters|gunmen|rebels|insurgents|"
                          r"separatists|nationalists|mercenaries|positions|militants)\b(?! (?:base|camp|post|station|"
                          r"checkpoint|headquarters|barracks|garrison)s?\b)")
# "MAIDUGURI, Nigeria (Reuters) - ": the country named after an agency dateline's town
_DATELINE_COUNTRY = re.compile(r"\s*[^,(\n]+,\s*([A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+){0,3})\s*[,(]")


_PLACE_CUES = frozenset({"in", "near", "feature", "direction", "site", "again"})
# "the southern Lebanese village", "a Malian town": a country's adjective describing a settlement
# "a base on the outskirts of Saravan, near the border with Pakistan": the neighbour across a border, not the
# country the place lies in
_BORDER_WITH = re.compile(r"\b(?:borders?|frontier)\s+(?:with|of)\s+(?:neighbou?ring\s+)?$|\bacross\s+the\s+border\s+(?:in|from)\s+$",
                          re.I)
_ADJ_SETTLEMENT = re.compile(r"\s+(?:border\s+|frontier\s+|farming\s+|fishing\s+|mountain\s+|desert\s+)?"
                             r"(?:village|town|hamlet|locality|settlement)s?\b")


def _holds_towns(p: Place) -> bool:
    """A division or a country, or a region or natural area (data/places_features.csv: "near Bignona, in the
    southern Casamance region", "a village in the Nuba Mountains"): named beside a town, it says where the town
    lies, and the town is the finer place."""
    return p.feature_code in ("ADM1", "ADM2") or p.feature_code.startswith("PCL") \
        or (p.feature_class in ("L", "T") and p.feature_code != "CONT")


def _village_beside(doc: Document, o: Mention, start: int, end: int, division: Mention) -> bool:
    """A place the gazetteer lacks that the event's words put the event at: a bare name in the event's frame
    (places.framed), or an unlisted name after a place preposition or introduced as a place, within 100
    characters of the trigger and nearer to it than the division, not a speaker's, an origin or a
    destination."""
    if not o.meta.get("unlisted") or o.meta.get("destination"):
        return False
    cues = set(o.meta.get("cues", ()))
    if not cues & {"in", "near", "feature", "framed"} or cues & {"speech", "from", "site", "qualifier"}:
        return False
    if any(a.kind == "actor" and a.start < o.end and o.start < a.end for a in doc.mentions):
        return False  # "shelled Hemedti's forces in Sudan": a side's name the actors stage read, not a village

    def gap(x: Mention) -> int:
        return x.start - end if x.start >= end else max(start - x.end, 0)

    return gap(o) <= 100 and gap(o) < gap(division)


def _unplaced(m: Mention) -> bool:
    """Not in the gazetteer, or listed only far abroad while the article is elsewhere (``doubt``): the
    place is located by the listed places named around it."""
    return bool(m.meta.get("unlisted") or m.meta.get("doubt"))


def _nearest_same_place(best: Mention, in_sent: list[Mention], start: int, end: int) -> Mention:
    """Of the sentence's mentions of the chosen place ("FALLUJAH, west of Iraq -- ... in the Iraqi city of
    Fallujah"), the one introduced as where (after "in", "near", "the city of"), nearest the trigger
    among those: the same place, and the evidence that names it."""
    gid = best.value.geonameid
    if not gid or best.meta.get("unlisted"):
        return best
    same = [m for m in in_sent if m.value.geonameid == gid and not m.meta.get("unlisted")]

    def gap(m: Mention) -> int:
        return m.start - end if m.start >= end else max(start - m.end, 0)

    def cued(m: Mention) -> bool:
        return bool(set(m.meta.get("cues", ())) & {"in", "near", "feature", "direction"})

    return min(same, key=lambda m: (not cued(m), gap(m))) if len(same) > 1 else best


class Locator:
    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz

    def locate(self, doc: Document, sent_index: int, start: int, end: int) -> Location | None:
        places = [m for m in doc.mentions if m.kind == "place" and isinstance(m.value, Place)]
        sentence = next((s for s in doc.sentences if s.index == sent_index), None)
        if sentence is None and 0 <= sent_index < len(doc.sentences):
            sentence = doc.sentences[sent_index]
        if sentence is None:
            return None
        in_sent = [m for m in places if m.sent == sentence.index and m.meta.get("role", "literal") == "literal"
                   and not self._country_as_actor(doc, m)
                   and not _TIME_ZONE.match(doc.clean, m.end, min(len(doc.clean), m.end + 30))]
        in_sent.extend(self._framed_here(doc, sentence, start, end, in_sent))
        origins = [o.span(1) for o in _ORIGIN.finditer(doc.clean, sentence.start, sentence.end)]
        origins += [o.span(1) for o in _VICTIMS_FROM.finditer(doc.clean, sentence.start, sentence.end)
                    if not _TAKEN_FROM.search(doc.clean, max(sentence.start, o.start() - 60), o.start())]
        if not in_sent:  # "outside the Lahore Press Club", "at Kabul University": the town the site is named after
            in_sent = [m for m in places if m.sent == sentence.index and m.meta.get("role") == "embedded"
                       and "site_org" in m.meta.get("cues", ()) and m.value.feature_class == "P"
                       and {"in", "near"} & set(m.meta.get("cues", ())) and "speech" not in m.meta.get("cues", ())
                       and min(abs(m.start - end), abs(start - m.end)) < 100]
        if not in_sent:  # "US troops captured ...": a country used as a modifier is better than nothing
            in_sent = [m for m in places if m.sent == sentence.index and m.meta.get("role") == "adjective"
                       and m.meta.get("label") in ("GPE", "LOC", "")
                       and m.meta.get("match") != "demonym"]
        best: Mention | None = None
        best_score = -math.inf
        why_best = ""
        subject = _subject_span(doc, start, end) if len(in_sent) > 1 else None
        roads = _road_ends(doc.clean, sentence.start, sentence.end)
        road_firsts: set[int] = set()
        for m in in_sent:
            cues = set(m.meta.get("cues", ()))
            score = 0.0
            parts = []
            for (a0, a1), (b0, b1) in roads:
                if m.start < a1 and a0 < m.end:
                    road_firsts.add(id(m))
                elif m.start < b1 and b0 < m.end:
                    score -= 3.0
                    parts.append("the far end of a road between two towns named; the event is coded near the "
                                 "first (-3.0)")
            dep = _dependency_bonus(doc, m, start, end)
            if dep:
                score += dep
                parts.append(f"attached to the trigger ({dep:+.1f})")
            dist = m.start - end if m.start >= end else start - m.end
            prox = 2.0 * math.exp(-max(dist, 0) / 80.0)
            score += prox
            parts.append(f"{max(dist, 0)} chars from the trigger ({prox:+.1f})")
            if "possessive" in cues and any(o is not m and o.sent == m.sent and 0 <= o.start - m.end <= 40
                                            for o in in_sent):
                score -= 2.0
                parts.append("possessor of a place named next (-2.0)")
            if _unplaced(m):
                if not cues & {"in", "near", "feature", "direction", "site", "again"}:
                    continue  # an unlisted name with no place cue is too often an organisation or a person
                if "compass_word" in cues:
                    continue  # "the South-West state of Oyo": a compass part of another country, no place here
                if _group_word(doc, m):
                    continue  # "a Jewish settlement", "a Shiite enclave": a people or a faith, not a name
                if any(a.kind == "actor" and a.start <= m.start and m.end <= a.end for a in doc.mentions):
                    continue  # "a cell of Los Chapitos waited in ambush": a group the actors stage names, not a place
                if "site" not in cues and not_a_name_of_a_place(m.text):
                    continue  # "in Operation Desert Shield", "attacked Tuareg": not a place's name
                if _FORCE_AFTER.match(doc.clean, m.end):
                    continue  # "attacked Ambazonia fighters": the name of a force's side, not a place
                if "qualifier" in cues and "part" not in cues and any(
                        o is not m and 0 <= o.start - m.end <= 25 and (_unplaced(o) or o.value.feature_class == "P")
                        for o in in_sent):
                    continue  # "the Shiite Kurdish village of Amerli": unlisted words before "village of X" (a
                    # town) describe X; not "the Tungar Kwado village of Zamfara state" (a division holds X)
            if m.value.feature_class == "H" and any(
                    o is not m and o.value.feature_class != "H" and _WATER_BEFORE_PORT.match(doc.clean[m.end:o.start])
                    for o in in_sent if o.start >= m.end):
                continue  # "the Sea of Azov port of Berdyansk", "the Aegean port town of Mytilene": the sea
                # describes the port named next, where the event is
            if "qualifier" in cues and any(o is not m and 0 <= o.start - m.end <= 25
                                           and (_specificity(o.value) > _specificity(m.value)
                                                or ("part" in cues and _specificity(o.value) >= 0.9))
                                           for o in in_sent):
                score -= 2.0
                parts.append("qualifies the place named next (-2.0)")
            if "dateline" in cues and any(o is not m and "dateline" not in o.meta.get("cues", ()) for o in in_sent):
                score -= 4.0
                parts.append("a dateline, where the report was filed; the sentence names another place (-4.0)")
            if any(o is not m and o.end <= m.start and _contains_gap(doc.clean[o.end:m.start])
                   and _specificity(o.value) >= _specificity(m.value) for o in in_sent):
                score -= 3.0
                parts.append("describes where the place named before it lies (-3.0)")
            if _holds_towns(m.value) and any(
                    o is not m and o.end <= m.start and not _unplaced(o) and o.value.geonameid != m.value.geonameid
                    and (o.value.feature_class == "P" or o.value.feature_code in ("ADM1", "ADM2"))
                    and (o.value.country_code == m.value.country_code
                         or m.value.feature_class in ("L", "T") and not m.value.country_code)
                    and (m.value.feature_code.startswith("PCL") or o.value.admin1 == m.value.admin1
                         or _km(o.value, m.value) <= (150 if m.value.feature_class == "A" else 400))
                    and _IN_CONTAINER.match(doc.clean, o.end, m.start) for o in in_sent):
                score -= 3.0
                parts.append("the division holding the town named before it ('X, south of Y in the occupied "
                             "West Bank') (-3.0)")
            if _holds_towns(m.value) and any(_village_beside(doc, o, start, end, m) for o in in_sent if o is not m):
                score -= 2.5
                parts.append("a division named beside a village the gazetteer lacks, which the event's words put "
                             "it at: the village is the finer place (-2.5)")
            if any(a <= m.start and m.end <= b for a, b in origins):
                score -= 3.0
                parts.append("where a person named with it is from (-3.0)")
            if subject is not None and subject[0] <= m.start and m.end <= subject[1] and any(
                    o is not m and not (subject[0] <= o.start < subject[1]) and not _unplaced(o)
                    and {"in", "near"} & set(o.meta.get("cues", ())) and "speech" not in o.meta.get("cues", ())
                    and not _in_grievance(doc, start, end, o)
                    for o in in_sent):
                score -= 2.0
                parts.append("tells who acted (\"residents of villages in X\"); another place says where (-2.0)")
            if self._country_as_party(doc, m):
                score -= 3.0
                parts.append("a country named as a party, not a place (-3.0)")
            if "speech" in cues:
                score -= 1.5
                parts.append("the place of a speaker (-1.5)")
            if m.meta.get("destination"):
                score -= 3.0
                parts.append("where someone went or was taken, not where it happened (-3.0)")
            elif "from" in cues:
                score -= 1.5
                parts.append("after 'from' (-1.5)")
            elif cues & {"in", "near", "direction", "feature"}:
                score += 1.0
                parts.append("after a place preposition (+1.0)")
            if (m.value.feature_class == "P" or _unplaced(m) and "near" in cues) and any(
                    o is not m and o.end <= m.start and isinstance(o.value, Place)
                    and (o.value.feature_class in ("P", "") or o.value.feature_code in ("ADM1", "ADM2"))
                    and (_REFERENCE_GAP.match(doc.clean[o.end:m.start])
                         or (o.value.feature_class == "P" and _REFERENCE_GAP_BARE.match(doc.clean[o.end:m.start])))
                    # "a road south of the capital Algiers, near Medea": the place before is itself a reference
                    and not (_NEAR_WORDS.search(doc.clean, o.end, m.start)
                             and _REFERENCE_BEFORE.search(doc.clean, max(sentence.start, o.start - 60), o.start))
                    for o in in_sent):
                score -= 3.0
                parts.append("a reference point for the place named before it (-3.0)")
            if any(o is not m and o.end <= m.start and _described_reference(doc.clean[o.end:m.start]) for o in in_sent):
                score -= 3.0
                parts.append("a reference point in the description of the place named before it "
                             "('X, a village 20 km north of Y') (-3.0)")
            if any(o is not m and _specificity(o.value) >= 0.9 for o in in_sent) and _REFERENCE_BEFORE.search(doc.clean, max(sentence.start, m.start - 60), m.start):
                score -= 2.0
                parts.append("a reference point ('south of the capital X') (-2.0)")
            if m.meta.get("relative"):
                score += 0.5
            if m.meta.get("feature") in TOWN_FEATURES:
                score += 0.5
                parts.append(f"introduced as a {m.meta['feature']} (+0.5)")
            spec = _specificity(m.value)
            score += spec
            parts.append(f"specificity {spec:+.1f}")
            if score > best_score:
                best, best_score, why_best = m, score, "; ".join(parts)
        sentence_text = doc.clean[sentence.start:sentence.end]
        if best is None:
            # nothing in the sentence: the nearest earlier place (two sentences back at most)
            earlier = [m for m in places if m.meta.get("role", "literal") == "literal"
                       and sentence.index - 2 <= m.sent < sentence.index]
            later = self._told_next(doc, places, sentence.index) if not earlier else None
            named_so = self._anaphor_place(doc, places, sentence)
            if named_so is not None:
                best = named_so
                why_best = (f"no place in the sentence; 'the {best.meta.get('feature')}' is the one the article "
                            f"introduced so ({best.text!r})")
            elif earlier:
                best = max(earlier, key=lambda m: (m.sent, _specificity(m.value), m.start))
                why_best = f"no place in the sentence; nearest earlier place ({best.text!r})"
            elif later is not None:
                best = later
                why_best = f"no place in or before the sentence; the next sentence tells where ({best.text!r})"
            else:
                focus = doc.meta.get("place_focus", "")
                if not focus:
                    return None
                c = self.gaz.country_place(focus)
                if c is None:
                    return None
                main = self._main_town(doc, focus, None, upto=sentence.index)
                if main is not None:
                    place = main.value
                    return Location(place=place, geo_precision=2, mention=main,
                                    why=f"no place in or before the sentence; the article's main place {main.text!r} "
                                        "stands for it (precision 2)")
                return Location(place=self.gaz.to_place(c), geo_precision=3, mention=None,
                                why=f"country only: no place named near the event; the article is about {c.name}")
        if best is not None and roads and id(best) not in road_firsts:
            near = self._road_start(doc, roads, best, in_sent)
            if near is not None:
                return near
        best = _nearest_same_place(best, in_sent, start, end)
        if id(best) in road_firsts:
            loc = self._finish(doc, best, why_best, doc.clean[sentence.start:sentence.end])
            if loc is not None and loc.geo_precision == 1:
                loc.geo_precision = 2
                loc.why += "; on a road from it to another town: near it (precision 2)"
            return loc
        described = self._far_from_its_reference(doc, best, in_sent)
        if described is not None:
            return described
        city = self._city_in_context(doc, best)
        if city is not None:
            return Location(place=city.value, geo_precision=1, mention=best,
                            why=f"{why_best}; {best.text!r} is a part of the city the article names, "
                                f"{city.text!r}; its namesake lies elsewhere: the city (precision 1)")
        if best.value.feature_class == "S":
            city = _site_city(doc, best, in_sent)
            if city is not None:
                return Location(place=city.value, geo_precision=1, mention=best,
                                why=f"{why_best}; {best.text!r} is a site in {city.text!r}, named with it: "
                                    f"the town, as ACLED codes it (precision 1)")
        if (best.value.feature_class == "P" or best.value.feature_code in ("ADM2", "ADM3")) and not _unplaced(best):
            city = self._enclosing_city(doc, best, in_sent)
            if city is not None:
                return Location(place=city.value, geo_precision=1, mention=best,
                                why=f"{why_best}; {best.text!r} named inside {city.text!r}, whose namesake "
                                    f"{best.value.name} ({best.value.country}) lies elsewhere: the city (precision 1)")
        outside = self._town_outside_its_division(doc, best, in_sent)
        if outside is not None:
            return outside
        return self._finish(doc, best, why_best, sentence_text)

    def _town_outside_its_division(self, doc: Document, m: Mention, in_sent: list[Mention]) -> Location | None:
        """"near Hyderabad in Kech district", "Kaura in Katsina State": a listed town (or district) the text
        puts inside a division the article calls one ("... district", "... State"), when the gazetteer's
        place of that name lies outside it (Hyderabad in Sindh, Kaura in Kaduna): a village the gazetteer
        lacks, its namesake elsewhere. Kept under its own name at the division's seat (precision 2 for a
        district, 3 for a province), as an unlisted village named beside a division is; None otherwise
        (also for "Hyderabad in Sindh province", and for a namesake within 100 km of the division: "Oicha, in
        Beni territory", the town filed under a district of its own)."""
        from .gazetteer import distance_km

        p: Place = m.value
        if _unplaced(m) or p.latitude is None or not (p.feature_class == "P" or p.feature_code in ("ADM2", "ADM3")):
            return None
        for o in in_sent:
            q: Place = o.value
            if o is m or o.meta.get("unlisted") or q.feature_code not in ("ADM1", "ADM2") or not (0 <= o.start - m.end <= 30):
                continue
            if not _IN_DIVISION_GAP.match(doc.clean[m.end:o.start]):
                continue
            called = o.text.split()[-1].lower() in _DIVISION_WORDS or (
                (w := _DIVISION_WORD_AFTER.match(doc.clean, o.end)) is not None and w.group(1).lower() in _DIVISION_WORDS)
            if not called and not _PART_OF_DIVISION_GAP.match(doc.clean[m.end:o.start]):
                continue  # ("in the Nasirabad area of Kech": the division holds it, called one or not)
            mk1, ok1 = m.meta.get("admin1_key", ""), o.meta.get("admin1_key", "")
            if not ok1 or not mk1:
                continue
            if q.feature_code == "ADM1":
                inside = mk1 == ok1
            else:
                mk2, ok2 = m.meta.get("admin2_key", ""), o.meta.get("admin2_key", "")
                if not ok2:
                    continue
                inside = (mk2 == ok2 if mk2 else mk1 == ok1 and q.latitude is not None and distance_km(
                    p.latitude, p.longitude, q.latitude, q.longitude) <= 60)
            if inside or q.latitude is None or distance_km(p.latitude, p.longitude, q.latitude, q.longitude) <= 100:
                return None  # (the gazetteer's divisions do not always file a town under the district holding it)
            base = self._seat(q, o) or q
            if base.latitude is None:
                return None
            precision = 2 if q.feature_code == "ADM2" and not _borrowed_point(base) else 3
            name = _own_name(m, doc.clean or doc.text) or m.text
            place = Place(name=name, latitude=base.latitude, longitude=base.longitude, country=base.country,
                          country_code=base.country_code, admin1=base.admin1, admin2=base.admin2,
                          feature_class="", feature_code="",
                          source=f"{m.text!r} said to be in {o.text!r}; the gazetteer's {p.name} lies outside it")
            return Location(place=place, geo_precision=precision, mention=m,
                            why=f"{m.text!r} is said to be in {o.text!r}, which does not hold the gazetteer's "
                                f"{p.name} ({p.admin1}): a village of that name the gazetteer lacks, kept under "
                                f"its own name at {o.text!r} (precision {precision})")
        return None

    def _framed_here(self, doc: Document, sentence, start: int, end: int, in_sent: list[Mention]) -> list[Mention]:
        """The bare names of the sentence read as villages (places.framed) that stand beside the trigger: in
        its clause (no semicolon between, within 100 characters), not where the actors stage found an actor
        ("attacked Wagner", "clashes with Ambazonia"), not over a place mention."""
        framed = [m for m in framed_places(doc, self.gaz) if m.sent == sentence.index]
        if not framed:
            return []
        actors = [(a.start, a.end) for a in doc.mentions if a.kind == "actor" and a.sent == sentence.index]
        out = []
        for m in framed:
            if any(a < m.end and m.start < b for a, b in actors):
                continue
            if any(o.start < m.end and m.start < o.end and not (
                    o.meta.get("unlisted") and not set(o.meta.get("cues", ())) & _PLACE_CUES) for o in in_sent):
                continue  # (an unlisted name with no place cue, passed over below, gives way to its framed reading)
            a, b = (end, m.start) if m.start >= end else (m.end, start)
            if b - a > 100 or ";" in doc.clean[a:b]:
                continue
            out.append(m)
        return out

    def _road_start(self, doc: Document, roads, best: Mention, in_sent: list[Mention]) -> Location | None:
        """"on the road between al-Turbah and Taiz", the far end chosen as the only place tagged, or a division
        ("on the road between al-Turbah and the Ahkum front, south of Taiz governorate"): the first town, found
        in the gazetteer under its name or its Arabic article's other spellings, in the chosen place's country
        and within 150 km of it (precision 2: on a road near it); None when not so."""
        from .gazetteer import distance_km
        from .recognize import article_variants

        p: Place = best.value
        if _unplaced(best) or p.latitude is None or not (p.feature_class == "P" or p.feature_code in ("ADM1", "ADM2")):
            return None  # a town, or a division of the town's name ("Taiz" read as the governorate)
        for (a0, a1), (b0, b1) in roads:
            if not (best.start < b1 and b0 < best.end) and p.feature_class == "P":
                continue  # a town elsewhere in the sentence; a division ("south of Taiz governorate") holds the road
            if any(o.start < a1 and a0 < o.end for o in in_sent):
                return None  # the first town is tagged: it competed and lost for a reason
            name = doc.clean[a0:a1]
            for n in (name, *article_variants(name)):
                near = [c for c in self.gaz.lookup(n) if c.feature_class == "P" and c.country_code == p.country_code
                        and c.id != p.geonameid and distance_km(c.latitude, c.longitude, p.latitude, p.longitude) <= 150]
                if near:
                    c = max(near, key=lambda c: c.population)
                    return Location(place=self.gaz.to_place(c), geo_precision=2, mention=best,
                                    why=f"on the road between {name!r} and {doc.clean[b0:b1]!r} ({best.text!r} "
                                        f"chosen): near the first town named, "
                                        f"{c.name} (precision 2)")
        return None

    def _far_from_its_reference(self, doc: Document, m: Mention, in_sent: list[Mention]) -> Location | None:
        """"Kaiama, a village about 15 km north of Yenagoa": the text says how far the place lies from a
        reference town. When the listed place picked lies much farther from it (a namesake elsewhere), the
        namesake near the reference is the place (precision 1); with none listed, the reference point itself
        (precision 2, ACLED's "near"). None when the pick agrees with the text or there is no such text."""
        from .gazetteer import distance_km

        p: Place = m.value
        if _unplaced(m) or p.latitude is None or not (p.feature_class == "P" or p.feature_code == "ADM2"):
            return None
        ref = next((o for o in in_sent if o.start >= m.end and o.start - m.end <= 130 and not _unplaced(o)
                    and o.value.latitude is not None and (o.value.feature_class == "P" or o.value.feature_code == "ADM2")
                    and _described_reference(doc.clean[m.end:o.start])), None)
        if ref is None:
            return None
        gap = doc.clean[m.end:ref.start]
        km = _STATED_KM.search(gap)
        stated = 0.0
        if km:
            stated = float(km.group(1).replace(",", "")) * (1.609 if km.group(2).lower().startswith("mi") else 1.0)
        allowed = stated * 1.5 + 25 if stated else 60.0
        r: Place = ref.value
        if distance_km(p.latitude, p.longitude, r.latitude, r.longitude) <= allowed:
            return None
        near = [c for c in self.gaz.lookup(m.text) if c.feature_class == "P" and c.country_code == r.country_code
                and distance_km(c.latitude, c.longitude, r.latitude, r.longitude) <= allowed]
        if near:
            c = max(near, key=lambda c: c.population)
            return Location(place=self.gaz.to_place(c), geo_precision=1, mention=m,
                            why=f"{m.text!r} is said to lie {gap.strip(' ,')!r} {ref.text!r}: not {p.name} "
                                f"({p.admin1}), but its namesake there (precision 1)")
        return Location(place=r, geo_precision=2, mention=m,
                        why=f"{m.text!r} is said to lie {gap.strip(' ,')!r} {ref.text!r}; the gazetteer's {p.name} "
                            f"({p.admin1}) lies far from it and none near: {ref.text!r} (precision 2)")

    @staticmethod
    def _country_as_actor(doc: Document, m: Mention) -> bool:
        """"Russia launched 40 drones at Sumy", "Israel struck ...": a country as the doer, not the place."""
        if not m.value.feature_code.startswith("PCL"):
            return False
        return bool(_ACTOR_VERB.match(doc.clean, m.end, min(len(doc.clean), m.end + 40)))

    @staticmethod
    def _country_as_party(doc: Document, m: Mention) -> bool:
        """A country named as a party more than as a place: the subject of a verb ("Ethiopia has since
        captured"), a modifier of a force ("US planes bombed", "U.S.-backed militia", "Iran's Revolutionary
        Guards"), the other side ("protested against Israel", "ceded by Spain", "its border with Chad").
        Still the place when the sentence names no other ("Japan's police chief was shot")."""
        if not m.value.feature_code.startswith("PCL"):
            return False
        if _FORCE_SUFFIX.match(doc.clean, m.end, min(len(doc.clean), m.end + 20)):
            return True
        return _actor_by_parse(doc, m)

    def _city_in_context(self, doc: Document, m: Mention) -> Mention | None:
        """"the Oleksandrivskyi district of the city", "the al-Bayaa district of the Iraqi capital": the city
        named there ("the Iraqi capital") or before (within three sentences), when the place listed under the
        district's name lies more than 40 km from it (an unlisted district: always)."""
        from .gazetteer import distance_km

        tail = _OF_THE_CITY.match(doc.clean, m.end, min(len(doc.clean), m.end + 60))
        if tail is None:
            return None
        towns = [o for o in doc.mentions if o.kind == "place" and isinstance(o.value, Place)
                 and o.value.feature_class == "P" and o.value.latitude is not None and m.sent - 3 <= o.sent <= m.sent
                 and o.meta.get("role", "literal") == "literal" and not _unplaced(o)]
        named = [o for o in towns if tail.start(1) <= o.start and o.end <= tail.end(1) + 1 or
                 o.start <= tail.start(1) < o.end]
        towns = named or [o for o in towns if o.end <= m.start]
        if tail.group(1) == "capital":
            towns = [o for o in towns if o.value.feature_code == "PPLC"] or towns
        if not towns:
            return None
        city = max(towns, key=lambda o: o.start)
        p = m.value
        if p.latitude is not None and not _unplaced(m) and distance_km(
                p.latitude, p.longitude, city.value.latitude, city.value.longitude) <= 40:
            return None
        return city

    def _enclosing_city(self, doc: Document, m: Mention, in_sent: list[Mention]) -> Mention | None:
        """"Maidan in Kyiv": a small listed place whose namesake is far from the bigger town it is said to be in."""
        from .gazetteer import distance_km

        p: Place = m.value
        for o in in_sent:
            q = o.value
            if o is m or q.feature_class != "P" or q.latitude is None:
                continue
            if o.end <= m.start:
                # "Dhaka's Mirpur area": a part of the city named before it, as its possessor
                if m.start - o.end > 4 or not _POSSESSOR_GAP.match(doc.clean[o.end:m.start]) \
                        or not _PART_AFTER.match(doc.clean, m.end, min(len(doc.clean), m.end + 30)):
                    continue
            elif o.start < m.end or o.start - m.end > 40 or not (
                    _INSIDE_GAP.match(doc.clean[m.end:o.start]) or _PART_OF_GAP.match(doc.clean[m.end:o.start])):
                continue  # "Maidan in Kyiv", "the Mirpur area of Dhaka"
            if (q.population or 0) <= (p.population or 0) or p.latitude is None:
                continue
            if distance_km(p.latitude, p.longitude, q.latitude, q.longitude) > 40:
                return o
        return None

    # ------------------------------------------------------------------
    def _unlisted(self, doc: Document, m: Mention, why: str) -> Location | None:
        """An unlisted place is coded at the listed place named closest to it -- under its own name (a part
        of a city named beside it is the city itself), the coordinates' place in ``source`` and ``why``.
        A name the article named before is where it was placed then: "in Dekai, the capital of Yahukimo
        regency in Highland Papua province" ... "clashed on the outskirts of Dekai" (not South Sulawesi,
        the workers' home province named in between)."""
        key = m.text.casefold()
        first = next((x for x in doc.mentions if x.kind == "place" and x.start < m.start and x is not m
                      and x.text.casefold() == key and _unplaced(x)), None)
        if first is not None:
            loc = self._unlisted(doc, first, why)
            if loc is not None and loc.place.latitude is not None:
                return Location(place=loc.place, geo_precision=loc.geo_precision, mention=m,
                                why=f"{why}; {m.text!r} as where the article first named it: {loc.why}")
        listed = [x for x in doc.mentions if x.kind == "place" and isinstance(x.value, Place)
                  and x.value.latitude is not None and x.meta.get("role", "literal") == "literal"
                  and not _unplaced(x) and not x.value.feature_code.startswith("PCL")
                  and x.value.feature_code not in ("CONT", "RGN", "OCN", "SEA")]
        own_cc = self._sentence_country(doc, m)
        if own_cc:  # "near Boni in central Mali": not a town of the paragraph before about Burkina Faso
            listed = [x for x in listed if x.value.country_code == own_cc]
        listed = [x for x in listed if not x.meta.get("destination")] or listed  # "about to fly to Nairobi"
        same = [x for x in listed if x.sent == m.sent and "speech" not in x.meta.get("cues", ())]
        # a dateline is where the report was filed: "ISLAMABAD - ... in the town of Panama in Sindh province"
        # (but "TAIZ - ... the Al-Qahira district of Taiz city": a dateline inside the division named is its town)
        inner = [x for x in same if "dateline" not in x.meta.get("cues", ())]
        if inner and not any(x.value.feature_code in ("ADM1", "ADM2") and x.value.country_code == d.value.country_code
                             and x.value.admin1 == d.value.admin1 for x in inner for d in same
                             if "dateline" in d.meta.get("cues", ())):
            same = inner
        pool = same or [x for x in listed if 0 <= m.sent - x.sent <= 2]
        # "near Mangochar, in Kalat district, about 150 km south of the provincial capital Quetta": a town
        # named after a distance or a direction from it is a reference point far off; the division holds it
        pool = [x for x in pool if not (x.sent == m.sent and x.start > m.end and _REFERENCE_BEFORE.search(
            doc.clean, max(0, x.start - 60), x.start))] or pool
        anchor = None
        if pool:
            anchor = min(pool, key=lambda x: (-_specificity(x.value) if abs(x.start - m.start) < 150 else 0,
                                              abs(x.start - m.start)))
        if anchor is None:
            focus = own_cc or doc.meta.get("place_focus", "")
            city = self._the_city(doc, focus, m) if focus else None
            if city is not None:
                # "at his home in Kyebando, in the north of the city": a part of the one city the article names
                return Location(place=city.value, geo_precision=1, mention=m,
                                why=f"{why}; {m.text!r} is not in the gazetteer: a part of 'the city' the article "
                                    f"names, {city.text!r}, so the city itself (precision 1)")
            region = self._article_region(doc, focus, m) if focus else None
            if region is None and m.meta.get("framed"):
                # "MAIDUGURI, Nigeria (Reuters) - ... attacked Ngamdu Kura": the province of the agency's
                # dateline (where the report was filed, in the article's country) holds the village
                region = self._dateline_region(doc, focus)
            c = self.gaz.country_place(focus) if focus and region is None else None
            if region is not None:
                base, awhy = region
                precision = 2 if base.feature_code == "ADM2" and not _borrowed_point(base) else 3
            elif c is None:
                return Location(place=Place(name=m.text, source="unlisted; no coordinates"), geo_precision=3,
                                mention=m, why=f"{why}; {m.text!r} is not in the gazetteer and no listed place "
                                               "is named near it: no coordinates")
            else:
                base = self.gaz.to_place(c)
                precision, awhy = 3, f"coordinates of the article's country, {base.country}"
        else:
            base = anchor.value
            a, b = (m.end, anchor.start) if anchor.start >= m.end else (anchor.end, m.start)
            bound = anchor.sent == m.sent and 0 <= b - a < 60 and not _APART.search(doc.clean[a:b])
            # a town or a district the village is said to be in: near it / part of it (precision 2);
            # only a province ("the town of Janaale in the Lower Shabelle region"): the province (3, ACLED)
            precision = 2 if base.feature_class == "P" or base.feature_code == "ADM2" and not _borrowed_point(base) else 3
            awhy = f"coordinates of {anchor.text!r} named beside it"
            if base.feature_class == "P" and bound and m.meta.get("feature", "") not in VILLAGE_FEATURES:
                # a square, street, camp or neighbourhood in a named city: ACLED codes the city (precision 1)
                return Location(place=base, geo_precision=1, mention=m,
                                why=f"{why}; {m.text!r} is not in the gazetteer: a part of {anchor.text!r} "
                                    "named beside it, so the city itself (precision 1)")
        if precision == 3 and base.feature_code == "ADM1":
            finer = self._one_district_in(doc, base, m)
            if finer is not None:
                # "Rubaya in North Kivu province" ... "an official in Masisi territory": the one district of
                # that province the article names holds the village more likely than the province's centre
                base, precision = finer.value, 2
                awhy += f"; the article names one district inside it, {finer.text!r}"
                anchor = finer
        seat = self._seat(base, anchor) if anchor is not None and anchor.value is base else None
        if seat is not None:
            awhy += f", {seat.source.rsplit('; ', 1)[-1]}"
            base = seat
        # ACLED keeps the village's own name as the location and says by the precision that the coordinates
        # are those of the town or division holding it: two outlets' reports of it then name one place
        name = _own_name(m, doc.clean or doc.text) or base.name
        place = Place(name=name, latitude=base.latitude, longitude=base.longitude, country=base.country,
                      country_code=base.country_code, admin1=base.admin1, admin2=base.admin2,
                      feature_class="", feature_code="", source=f"unlisted {m.text!r}; {awhy}")
        return Location(place=place, geo_precision=precision, mention=m,
                        why=f"{why}; {m.text!r} is not in the gazetteer: kept under its own name, at the "
                            f"{awhy} (precision {precision})")

    def _dateline_region(self, doc: Document, focus: str) -> tuple[Place, str] | None:
        """The first-level division of an agency dateline's town ("MAIDUGURI, Nigeria (Reuters) -" -> Borno,
        at its seat), when the town is listed in the dateline's country and in the article's focus country
        (if it has one); None otherwise."""
        name = doc.meta.get("dateline") or ""
        if len(name) < 3:
            return None
        raw = next((doc.text[a:b] for a, b, what in getattr(doc, "dropped", ()) or () if what == "dateline"), "")
        said = _DATELINE_COUNTRY.match(raw)
        ccs = {c.country_code for c in self.gaz.lookup(said.group(1)) if c.is_country} if said else set()
        towns = [c for c in self.gaz.lookup(name) if c.feature_class == "P" and c.match in ("name", "alt")
                 and c.admin1_key and (not ccs or c.country_code in ccs) and (not focus or c.country_code == focus)]
        if not towns:
            return None
        town = max(towns, key=lambda c: c.population)
        if town.feature_code == "PPLC":
            # "BAMAKO, Mali (Reuters) -": agencies file from the capital about the whole country; its province
            # says nothing of where the village is, the country does
            c = self.gaz.country_place(town.country_code)
            if c is None:
                return None
            base = self.gaz.to_place(c)
            return base, (f"coordinates of {base.country}, the country of the dateline's capital, "
                          f"{display_name(town.name)} (a capital's province does not hold the country's villages)")
        adm = self.gaz.admin_place(town.admin1_key)
        if adm is None:
            return None
        base = self.gaz.to_place(adm)
        seat = self._listed_seat(town.admin1_key) or self.gaz.admin_capital(town.admin1_key)
        if seat is None or seat.feature_class != "P" or seat.population < SEAT_POPULATION:
            seat = town if town.population >= SEAT_POPULATION else None
        if seat is not None:
            base = dataclasses.replace(base, latitude=round(seat.latitude, 5), longitude=round(seat.longitude, 5))
        return base, (f"coordinates of {base.name}, the province of the dateline's {display_name(town.name)}"
                      + (f", at its seat, {display_name(seat.name)}" if seat is not None else ""))

    @staticmethod
    def _the_city(doc: Document, cc: str, m: Mention) -> Mention | None:
        """"in Kyebando, in the north of the city", "Kisenyi, a division of the capital": an unlisted name the
        sentence places in "the city" or "the capital" -- the one town of that country the article names
        before it (None when it names none or several)."""
        if not _IN_THE_CITY.match(doc.clean, m.end):
            return None
        towns = [x for x in doc.mentions if x.kind == "place" and isinstance(x.value, Place) and x.start < m.start
                 and not _unplaced(x) and x.meta.get("role", "literal") == "literal"
                 and x.value.country_code == cc and x.value.feature_class == "P"]
        names = {x.value.name for x in towns}
        return towns[-1] if len(names) == 1 else None

    @staticmethod
    def _one_district_in(doc: Document, province: Place, m: Mention) -> Mention | None:
        """The one second-level division inside ``province`` the article names (literal, listed), when it is
        named in the village's own sentence or the one before or after it that still tells the same event (no
        other event opened, no time or background of its own: "Earlier, on Saturday, soldiers clashed in
        Rutshuru territory" places another event, not the village), or when the article keeps coming back to it
        (named, as the district or its town of the same name, in three sentences or more: the article's own
        district); None when it names none or several."""
        found = [x for x in doc.mentions if x.kind == "place" and isinstance(x.value, Place)
                 and x.value.feature_code == "ADM2" and x.value.latitude is not None and not _unplaced(x)
                 and x.meta.get("role", "literal") == "literal"
                 and x.value.country_code == province.country_code and x.value.admin1 == province.admin1]
        if not found or len({x.value.name for x in found}) != 1:
            return None
        for x in found:
            if x.sent == m.sent:
                return x
            if abs(x.sent - m.sent) != 1:
                continue
            sent = next((s for s in doc.sentences if s.index == x.sent), None)
            if sent is None:
                continue
            text = doc.clean[sent.start:sent.end]
            if not _ANOTHER_EVENT.match(text) and not _OWN_TIME.search(text):
                return x
        name = found[0].value.name
        told = {x.sent for x in doc.mentions if x.kind == "place" and isinstance(x.value, Place)
                and x.value.name == name and x.meta.get("role", "literal") == "literal" and not _unplaced(x)
                and x.value.country_code == province.country_code and x.value.admin1 == province.admin1
                and (x.value.feature_class == "P" or x.value.feature_code == "ADM2")}
        return found[0] if len(told) >= 3 else None

    @staticmethod
    def _sentence_country(doc: Document, m: Mention) -> str:
        """The one country an unlisted place's own sentence puts it in ("the Lebanese village of X",
        "near Boni in central Mali"); "" when the sentence names none or several."""
        if m.meta.get("qual_cc"):
            return m.meta["qual_cc"]
        codes = {x.value.country_code for x in doc.mentions
                 if x.kind == "place" and isinstance(x.value, Place) and x.sent == m.sent and x is not m
                 and x.meta.get("role", "literal") == "literal" and x.value.feature_code.startswith("PCL")
                 and "speech" not in x.meta.get("cues", ()) and not x.meta.get("destination")
                 and not _BORDER_WITH.search(doc.clean, max(0, x.start - 40), x.start)}
        if not codes and m.meta.get("framed"):
            # "Israeli forces shelled X on Tuesday, residents of the southern Lebanese village said": a country's
            # adjective before "village" or "town" tells where the village is, not the attackers' adjective
            codes = {x.value.country_code for x in doc.mentions
                     if x.kind == "place" and isinstance(x.value, Place) and x.sent == m.sent
                     and x.value.feature_code.startswith("PCL") and x.value.country_code
                     and _ADJ_SETTLEMENT.match(doc.clean, x.end)}
        return next(iter(codes)) if len(codes) == 1 else ""

    def _article_region(self, doc: Document, cc: str, m: Mention) -> tuple[Place, str] | None:
        """The province or district of ``cc`` the article is about, for an unlisted village with no
        place named near it: the division the article names most (ties: the one named closest before
        the village), else the one division all its towns there lie in; None when there is none."""
        named: dict[str, list[Mention]] = {}
        towns: set[str] = set()
        for x in doc.mentions:
            if x.kind != "place" or not isinstance(x.value, Place) or _unplaced(x) \
                    or x.meta.get("role", "literal") != "literal" or x.value.country_code != cc:
                continue
            if _MOTION_BEFORE.search(doc.clean, max(0, x.start - 60), x.start):
                continue  # "wounded soldiers were evacuated to Niamey": where they went, not the article's region
            code = x.value.feature_code
            if code in ("ADM1", "ADM2"):
                key = x.meta.get("admin2_key") if code == "ADM2" else x.meta.get("admin1_key")
                if key:
                    named.setdefault(key, []).append(x)
            elif x.value.feature_class == "P":
                towns.add(x.meta.get("admin1_key") or "")
        if named:
            def rank(ms: list[Mention]) -> tuple[int, int, int]:
                before = [x.start for x in ms if x.start < m.start]
                return len(ms), max(before) if before else -1, ms[0].value.feature_code == "ADM2"

            x = max(named.values(), key=rank)[0]
            return x.value, f"coordinates of {x.text!r}, the region of {x.value.country} the article names"
        if len(towns) == 1 and "" not in towns:
            adm = self.gaz.admin_place(next(iter(towns)))
            if adm is not None:
                p = self.gaz.to_place(adm)
                return p, f"coordinates of {p.name}, where all the article's towns in {p.country} lie"
        return None

    def _finish(self, doc: Document, m: Mention, why: str, sentence_text: str) -> Location | None:
        if _unplaced(m):
            return self._unlisted(doc, m, why)
        place: Place = m.value
        direction = m.meta.get("direction") or m.meta.get("relative") or ""
        precision, pwhy = _precision(m)
        unnamed_near = bool(_UNNAMED_NEAR.search(sentence_text))
        if direction and (place.feature_code.startswith("PCL") or m.meta.get("relative")):
            sub = self._part_of_country(doc, place.country_code, direction)
            if sub is not None:
                place = sub
                pwhy = f"'{direction}' of {self.gaz.country_name(place.country_code)}: the article's province there"
                precision = 3
            else:
                pwhy = f"'{direction}' of {place.name}: no province of the article lies there; country only"
        if precision == 3 and place.feature_code == "ADM1" and not m.meta.get("relative"):
            finer = self._told_finer_next(doc, m)
            if finer is not None:
                fplace, fprec, fm = finer
                return Location(place=fplace, geo_precision=fprec, mention=fm,
                                why=f"{why}; {m.text!r} is a province; the next lines of the same event name "
                                    f"{fm.text!r} inside it (precision {fprec})")
        if precision == 3 and not unnamed_near and place.feature_class != "P" and not _seated(place):
            key_cc = place.country_code
            # a district no listed town lies in ("in Bui division" of a Kumbo story): the article's main town
            # of its province stands for it (precision 2), rather than the province's seat
            borrowed = place.feature_code == "ADM2" and _borrowed_point(place)
            within = place.feature_code == "ADM1" or borrowed
            town = self._main_town(doc, key_cc, place if within else None,
                                   direction if place.feature_code.startswith("PCL") else "",
                                   m.meta.get("admin1_key", "") if within else "",
                                   besides=None if borrowed else m.sent, speakers_out=borrowed)
            if town is not None:
                prec = 2 if borrowed else 1
                return Location(place=town.value, geo_precision=prec, mention=town,
                                why=f"{why}; {m.text!r} is a region; refined to the article's main place there, "
                                    f"{town.text!r} (precision {prec})")
        near_seat = self._town_near_its_seat(doc, place, m) if not unnamed_near and not direction else None
        if near_seat is not None:
            return Location(place=near_seat.value, geo_precision=2, mention=near_seat,
                            why=f"{why}; {m.text!r} is a district; refined to the article's main place near its "
                                f"seat, {near_seat.text!r} (precision 2)")
        seat = self._seat(place, m) if not direction else None
        if seat is not None:
            return Location(place=seat, geo_precision=precision, mention=m,
                            why=f"{why}; {pwhy}, {seat.source.rsplit('; ', 1)[-1]} (precision {precision})")
        return Location(place=place, geo_precision=precision, mention=m, why=f"{why}; {pwhy} (precision {precision})")

    def _town_near_its_seat(self, doc: Document, place: Place, m: Mention) -> Mention | None:
        """For a district no listed town is filed under, placed at the seat data/admin2_seats.csv names (the
        gazetteer cannot tell which towns lie in it): the article's main town of its province, as for a
        district at a borrowed point, when it lies within 100 km of the seat -- likely inside the district
        ("a Fano commander in East Gojjam" of a story about Mota) -- else None (the seat stands for it)."""
        from .gazetteer import distance_km

        if place.feature_code != "ADM2" or not _seated(place) or place.latitude is None:
            return None
        town = self._main_town(doc, place.country_code, place, "", m.meta.get("admin1_key", ""),
                               speakers_out=True)
        if town is None or town.value.latitude is None:
            return None
        return town if distance_km(town.value.latitude, town.value.longitude, place.latitude,
                                   place.longitude) <= 100 else None

    def _seat(self, div: Place, m: Mention) -> Place | None:
        """The division with the coordinates of the town it is coded to when the event is known only at its
        level (ACLED: a region at its capital, a district at its representative town; the division keeps its
        name and codes, its source names the town): the town of the division's own name inside it
        ("Tsafe Local Government Area" -> Tsafe, "Mopti region" -> Mopti; a district's also when filed under
        no district but lying within 50 km of its centre, in its province; a province's only when a town of
        10,000 people or more), else a province's biggest town of 10,000 or more, which the gazetteer keeps as
        its seat ("North Kordofan" -> El Obeid, "Kachin state" -> Myitkyina); None for anything but a first-
        or second-level division, a district with no town of its name, or a province with no such town."""
        from .gazetteer import distance_km

        code = div.feature_code
        if code not in ("ADM1", "ADM2") or _unplaced(m):
            return None
        key = m.meta.get("admin1_key" if code == "ADM1" else "admin2_key") or ""
        if not key:
            return None
        seat = self._listed_seat(key) if code == "ADM1" else None
        if seat is not None:  # a seat the data file names (data/admin1_seats.csv)
            return dataclasses.replace(div, latitude=round(seat.latitude, 5), longitude=round(seat.longitude, 5),
                                       source=f"{div.source}; coordinates of its seat, {display_name(seat.name)}")
        words = m.text.split()
        bare = " ".join(words[:-1]) if len(words) > 1 and words[-1].lower() in _DIVISION_WORDS else m.text
        own = next((c for n in dict.fromkeys((bare, div.name)) for c in self.gaz.lookup(n)
                    if c.feature_class == "P" and (code == "ADM2" or c.population >= SEAT_POPULATION)
                    and ((c.admin1_key if code == "ADM1" else c.admin2_key) == key
                         or code == "ADM2" and c.admin1_key and c.admin1_key == m.meta.get("admin1_key")
                         and div.latitude is not None
                         and distance_km(c.latitude, c.longitude, div.latitude, div.longitude) <= 50)), None)
        if own is not None:
            town = own  # a district's town of its own name, however small: its seat
        elif code == "ADM2":
            return None  # a district's biggest town is too often not its seat (Bacheli for Dantewada)
        else:
            town = self.gaz.admin_capital(key)
            if town is None or town.population < SEAT_POPULATION or town.feature_class != "P":
                return None
        return dataclasses.replace(div, latitude=round(town.latitude, 5), longitude=round(town.longitude, 5),
                                   source=f"{div.source}; coordinates of its seat, {display_name(town.name)}")

    def _listed_seat(self, key: str):
        """The seat data/admin1_seats.csv names for the first-level division ``key`` (the gazetteer's town of
        that name inside it, the biggest if several), or None."""
        a = self.gaz.admins.get(key)
        if not a:
            return None
        seats = _admin1_seats()
        name = next((seats[(a[0], normalise(n))] for n in (a[2], a[3]) if n and (a[0], normalise(n)) in seats), None)
        if name is None:
            return None
        towns = [c for c in self.gaz.lookup(name) if c.feature_class == "P" and c.admin1_key == key]
        return max(towns, key=lambda c: c.population) if towns else None

    def _part_of_country(self, doc: Document, cc: str, direction: str) -> Place | None:
        """The article's first-level division lying in that part of the country."""
        cp = self.gaz.country_place(cc)
        if cp is None:
            return None
        vlat, vlon = _dir_vector(direction)
        counts: dict[str, int] = {}
        for m in doc.mentions:
            if m.kind != "place" or not isinstance(m.value, Place):
                continue
            p: Place = m.value
            if p.country_code != cc or p.feature_code.startswith("PCL") or not p.admin1:
                continue
            key = m.meta.get("admin1_key", "")
            if not key:
                continue
            adm = self.gaz.admin_place(key)
            if adm is None:
                continue
            dlat, dlon = adm.latitude - cp.latitude, adm.longitude - cp.longitude
            if (vlat or vlon) and dlat * vlat + dlon * vlon <= 0:
                continue
            counts[key] = counts.get(key, 0) + (2 if p.feature_code == "ADM1" else 1)
        if not counts:
            return None
        key = max(counts, key=lambda k: counts[k])
        adm = self.gaz.admin_place(key)
        return self.gaz.to_place(adm) if adm else None

    def _told_finer_next(self, doc: Document, m: Mention) -> tuple[Place, int, Mention] | None:
        """"... in Afghanistan's Badakhshan province on Monday, killing two. Hundreds of farmers gathered
        in Jurm district to ...": a lead that places the event in a province only, and one of the next two
        sentences, still telling that event (no date of its own, no other event, not background), names a
        town or district inside that province: the finer place, as ACLED codes it. A district stands for its
        town of the same name (precision 2)."""
        region: Place = m.value
        for k in (m.sent + 1, m.sent + 2):
            nxt = next((x for x in doc.sentences if x.index == k), None)
            if nxt is None:
                return None
            text = doc.clean[nxt.start:nxt.end]
            if _ANOTHER_EVENT.match(text) or _OWN_TIME.search(text):
                return None  # another event, or the same place on another day: the chain stops here
            cued = [x for x in doc.mentions if x.kind == "place" and x.sent == k and isinstance(x.value, Place)
                    and x.meta.get("role", "literal") == "literal" and not _unplaced(x)
                    and {"in", "near", "feature"} & set(x.meta.get("cues", ()))
                    and not {"speech", "from"} & set(x.meta.get("cues", ()))
                    # "The mosque is in Funtua, about 70 km south of Katsina city": a reference point, not a scene
                    and not _REFERENCE_BEFORE.search(doc.clean, max(nxt.start, x.start - 60), x.start)
                    and not any(o is not x and o.sent == k and o.end <= x.start
                                and (_REFERENCE_GAP.match(doc.clean[o.end:x.start])
                                     or _described_reference(doc.clean[o.end:x.start])) for o in doc.mentions
                                if o.kind == "place")]
            inside = [x for x in cued if x.value.country_code == region.country_code
                      and x.value.admin1 == region.admin1
                      and (x.value.feature_class == "P" or x.value.feature_code == "ADM2")]
            if len({x.value.name for x in inside}) > 1 or any(x not in inside for x in cued):
                return None  # several places, or one outside the province: not a plain elaboration
            if inside:
                x = inside[0]
                if x.value.feature_class == "P":
                    return x.value, _precision(x)[0], x
                towns = (self.gaz.to_place(c) for c in self.gaz.lookup(x.value.name) if c.feature_class == "P"
                         and c.country_code == region.country_code)
                town = next((t for t in towns if t.admin1 == region.admin1), None)
                return town or x.value, 2, x
        return None

    @staticmethod
    def _anaphor_place(doc: Document, places: list[Mention], sentence) -> Mention | None:
        """"UPC fighters looted the town's health centre": a sentence naming no place but "the town" (city,
        village) means the place the article introduced as "the town of X" before it -- not a place named in
        between only as where someone went ("the rebels withdrew towards Bambari"). The latest so introduced;
        None when none was, or when a town was named since as where something happened ("the town of Djibo
        ... last year. On Sunday, militants attacked Kaya ... the town's market": Kaya, the nearest place)."""
        a = _ANAPHOR.search(doc.clean, sentence.start, sentence.end)
        if a is None:
            return None
        word = a.group(1).lower()
        named = [m for m in places if m.sent < sentence.index and m.meta.get("role", "literal") == "literal"
                 and m.meta.get("feature") == word and "feature" in m.meta.get("cues", ())
                 and isinstance(m.value, Place) and (m.value.feature_class == "P" or _unplaced(m))
                 and "speech" not in m.meta.get("cues", ())]
        if not named:
            return None
        best = max(named, key=lambda m: m.start)
        for m in places:
            if m.start < best.end or m.sent >= sentence.index or m.meta.get("role", "literal") != "literal":
                continue
            if _same_place(m, best):
                continue  # "the town of Ippy ... have liberated Ippy": the same town named again, not another scene
            cues = set(m.meta.get("cues", ()))
            if "speech" in cues or m.meta.get("feature") in _TOWN_WORDS and m.meta.get("feature") != word:
                continue  # a speaker's place; "the village of Y" is not what "the town" refers to
            if not (m.value.feature_class == "P" or _unplaced(m) and cues & {"in", "near", "feature"}):
                continue  # a province or a country named since leaves the town the same
            if _MOTION_BEFORE.search(doc.clean, max(0, m.start - 60), m.start):
                continue  # "fled towards Kabo": where they went, not another scene
            return None  # a town named since as a scene: "the town" is more likely that one
        return best

    @staticmethod
    def _told_next(doc: Document, places: list[Mention], sent_index: int) -> Mention | None:
        """A lead with no place ("Gunmen killed three farmers on Monday, police said.") is often placed by
        the next sentence ("The attack happened in X"): the first literal place with a place cue there --
        unless that sentence tells another event ("In a separate attack ...", "Elsewhere, ...")."""
        nxt = next((x for x in doc.sentences if x.index == sent_index + 1), None)
        if nxt is None or _ANOTHER_EVENT.match(doc.clean, nxt.start, nxt.end):
            return None
        cued = [m for m in places if m.sent == nxt.index and m.meta.get("role", "literal") == "literal"
                and {"in", "near", "feature"} & set(m.meta.get("cues", ())) and "speech" not in m.meta.get("cues", ())]
        return min(cued, key=lambda m: m.start) if cued else None

    @staticmethod
    def _other_event_sentences(doc: Document, own: int) -> set[int]:
        """Sentences that tell another event than sentence ``own``'s: opened as one ("Meanwhile traders
        marched through X", "Separately, ..."), or told later and dated to a later weekday ("... clashed on
        Wednesday in the province." / "Hospital workers in X rallied on Thursday."; one told before or of an
        earlier day sets the scene: "looted the market of X on Monday. On Tuesday they set up base in the
        state building", "arrested on Sunday. On Saturday a rally in central X turned violent"), or
        telling events of several days ("On Monday ... in X; on Tuesday ... in Y"). Their towns do not refine
        the event's region."""
        texts = {x.index: doc.clean[x.start:x.end] for x in doc.sentences}
        own_days = {_DAYS.index(d.lower()) for d in _WEEKDAY.findall(texts.get(own, ""))}
        out = set()
        for k, text in texts.items():
            if k == own:
                continue
            days = {_DAYS.index(d.lower()) for d in _WEEKDAY.findall(text)}
            later = own_days and days and all(0 < (d - o) % 7 <= 3 for d in days for o in own_days)
            if _ANOTHER_EVENT.match(text) and not text.lstrip().lower().startswith(("earlier", "later", "on ")) \
                    or k > own and later or len(days) > 1:
                out.add(k)
        return out

    def _main_town(self, doc: Document, cc: str, admin1: Place | None, direction: str = "",
                   admin1_key: str = "", upto: int | None = None, besides: int | None = None,
                   speakers_out: bool = False) -> Mention | None:
        """The town the article is about inside a region: the most named one (ties: the first); with
        ``upto``, among the places named before that sentence only (a later sentence may tell of another
        event somewhere else); with ``besides``, not counting that sentence's towns -- the event's own
        sentence, where they already lost to the region ("shelled villages across northern Iraq, ... from
        Baghdad's forces", "protests across Turkey as leaders met in Istanbul"); with ``speakers_out``, not a
        town named only as where those telling of it sit ("Police in Adama said ... in the West Shewa zone":
        a district with no listed town is not stood for by the province's town its officials speak from)."""
        cp = self.gaz.country_place(cc) if direction else None
        vlat, vlon = _dir_vector(direction) if direction else (0.0, 0.0)
        tally: dict[str, list[Mention]] = {}
        other = self._other_event_sentences(doc, besides) if besides is not None else set()
        for m in doc.mentions:
            if m.kind != "place" or not isinstance(m.value, Place) or m.meta.get("role", "literal") != "literal":
                continue
            if upto is not None and m.sent >= upto or m.sent == besides or m.sent in other:
                continue
            if speakers_out and _SPEAKERS_IN.search(doc.clean, max(0, m.start - 60), m.start):
                continue
            p: Place = m.value
            if p.feature_class != "P" or p.country_code != cc:
                continue
            if admin1 is not None and p.admin1 != admin1.admin1 and \
                    (not m.meta.get("admin1_key") or m.meta.get("admin1_key") != admin1_key):
                continue
            if cp is not None and (vlat or vlon) and p.latitude is not None:
                if (p.latitude - cp.latitude) * vlat + (p.longitude - cp.longitude) * vlon <= 0:
                    continue
            tally.setdefault(p.name, []).append(m)
        if not tally:
            return None
        ranked = sorted(tally.values(), key=lambda ms: (-len(ms), ms[0].start))
        if len(ranked) > 1 and len(ranked[0]) == len(ranked[1]):
            # several towns named as often: only one introduced as "the village of X" may stand for the region
            featured = [ms for ms in ranked if any("feature" in ms_.meta.get("cues", ()) for ms_ in ms)]
            if len(featured) != 1:
                return None
            return featured[0][0]
        return ranked[0][0]

