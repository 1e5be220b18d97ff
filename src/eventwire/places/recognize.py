"""Toponym recognition: which spans of the text name places.

Two sources, merged:

* spaCy entities (``GPE``, ``LOC``, ``FAC``; ``NORP`` for adjectival forms)
  when the model has an entity recogniser;
* gazetteer matching over capitalised token sequences, with rules that keep
  person names and common words out ("Bali" the spokesman, "Read", "Close"),
  and place cues that let small places in ("the village of Baghuz").

Each :class:`Toponym` carries its role (``literal``, ``adjective`` for
"Syrian forces", ``embedded`` for "Syrian Observatory"), the cue words
around it ("near", "village of", "province", "northern") and a reason.
Relative regions ("eastern Syria", "the country's east") become
:class:`RegionRef` records that the resolver maps onto admin areas.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import attrgetter

from ..resources import data_text
from .gazetteer import TOWNLESS_DISTRICT, Gazetteer, normalise

# ---------------------------------------------------------------- knowledge
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
SITE_LABELS = frozenset({"ORG", "PERSON", "PRODUCT", "NORP", "WORK_OF_ART", "EVENT"})  # small models mislabel sites
BLOCK_LABELS = frozenset({"PERSON"})
EMBED_LABELS = frozenset({"ORG", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "FAC"})
CONNECTORS = frozenset({
    "al", "el", "ez", "es", "ed", "ad", "an", "ar", "as", "ash", "at", "az", "ul", "ud", "de", "del", "della",
    "di", "da", "do", "dos", "das", "du", "des", "la", "le", "les", "of", "on", "upon", "sur", "y", "e", "bin",
    "ibn", "van", "von", "der", "den", "am", "im", "and",
})
HYPHEN_TAILS = frozenset({
    "led", "backed", "based", "held", "controlled", "born", "made", "owned", "run", "linked", "allied", "bound",
    "style", "era", "wide", "funded", "supported", "sponsored", "brokered", "educated", "trained", "armed",
    "dominated", "majority", "speaking", "registered", "flagged", "bred", "raised", "focused", "related",
    "american", "european", "african", "asian",
})
SPEECH_VERBS = frozenset({
    "said", "says", "say", "told", "tells", "tweeted", "added", "wrote", "stated", "explained", "noted",
    "asked", "replied", "insisted", "argued", "warned", "claimed", "announced", "declined", "did", "does",
    "has", "had", "was", "is", "who", "thinks", "thought", "believes",
})
# of SPEECH_VERBS, those that say nothing of a person after a river's or a mountain's name ("the Danube was
# rising", "Everest has claimed ...") -- a small model tags such names PERSON
_FEATURE_VERBS = frozenset({"was", "is", "has", "had"})
TITLE_WORDS = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "mr", "mrs", "ms", "dr", "president", "commander", "leader",
    "general", "gen", "minister", "colonel", "col", "captain", "capt", "sheikh", "imam", "governor", "mayor",
    "senator", "sen", "rep", "judge", "official", "officer", "chief", "lieutenant", "lt", "sergeant", "sgt",
    "director", "secretary", "ambassador", "envoy", "prince", "king", "queen", "emir", "prof", "professor",
    "journalist", "reporter", "correspondent", "activist", "analyst", "researcher", "lawyer", "father", "mother",
    "brother", "sister", "son", "daughter", "wife", "husband", "friend", "photograph", "photo",
})
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "into", "from", "to",
                            "towards", "toward", "throughout", "within", "off", "on", "of", "between", "via",
                            "through", "over", "against", "besieged", "entered", "captured", "stormed", "seized",
                            "recaptured", "retook", "attacked", "shelled", "bombed", "struck", "hit", "targeted",
                            "above", "below", "beyond", "along", "beside", "behind", "patrolled", "patrolling"})
NEAR_WORDS = frozenset({"near", "outside", "around", "nearby", "close", "outskirts", "vicinity", "edge", "south",
                        "north", "east", "west", "southeast", "southwest", "northeast", "northwest", "km", "kilometres",
                        "kilometers", "miles", "mi", "kms", "border", "borders", "surrounding", "suburbs",
                        "countryside", "rural", "environs", "periphery", "road", "highway", "between"})
FEATURE_NOUNS = frozenset({"village", "town", "city", "district", "province", "governorate", "region", "state",
                           "county", "municipality", "neighbourhood", "neighborhood", "suburb", "area", "camp",
                           "hamlet", "settlement", "capital", "port", "island", "oblast", "prefecture", "department",
                           "commune", "locality", "township", "valley", "enclave", "territory", "sub-district",
                           "subdistrict", "division", "zone", "emirate", "wilaya", "canton", "lga", "kebele",
                           "woreda", "zila", "upazila", "tehsil", "refugee"})
ADMIN_NOUNS = frozenset({"province", "governorate", "region", "state", "county", "oblast", "prefecture",
                         "department", "district", "territory", "emirate", "wilaya", "division", "zone", "canton",
                         "lga", "woreda", "municipality"})
DIRECTIONS = {
    "north": (1, 0), "northern": (1, 0), "south": (-1, 0), "southern": (-1, 0), "east": (0, 1), "eastern": (0, 1),
    "west": (0, -1), "western": (0, -1), "northeast": (1, 1), "northeastern": (1, 1), "north-east": (1, 1),
    "north-eastern": (1, 1), "northwest": (1, -1), "northwestern": (1, -1), "north-west": (1, -1),
    "north-western": (1, -1), "southeast": (-1, 1), "southeastern": (-1, 1), "south-east": (-1, 1),
    "south-eastern": (-1, 1), "southwest": (-1, -1), "southwestern": (-1, -1), "south-west": (-1, -1),
    "south-western": (-1, -1), "central": (0, 0),
}

PERSON_OVERRIDE_PREPS = frozenset({"in", "near", "outside", "at", "into", "towards", "toward", "around", "across",
                                   "from", "to"})
MODIFIED_NOUNS = frozenset({"military", "army", "police", "government", "embassy", "navy", "air", "official",
                            "president", "forces", "force", "troops", "patrol", "convoy", "drone", "warplanes",
                            "envoy", "ambassador", "consulate", "border", "security", "intelligence", "state"})

CALENDAR_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
})
LANDMARK_NOUNS = frozenset({
    "square", "street", "road", "avenue", "bridge", "hospital", "university", "airport", "market", "bazaar",
    "mosque", "church", "cathedral", "temple", "school", "college", "stadium", "hotel", "dam", "base", "airbase",
    "palace", "park", "gate", "highway", "prison", "jail", "station", "plaza", "boulevard", "port", "harbour",
    "harbor", "barracks", "checkpoint", "crossing", "mall", "court", "parliament", "embassy", "police", "army",
    "governor", "city", "town", "province", "district", "region", "state", "county", "camp", "valley", "river",
})
# words of time a small model may run a place entity on into ("the town of Zemio early on Thursday")
_RUN_ON_WORDS = frozenset({"early", "late", "on", "last", "this", "overnight", "yesterday", "today", "morning",
                           "night", "evening", "afternoon", "at", "dawn"})
# "the central market of X", "the streets of X", "the main hospital of X": X is the town they are in
SITE_OF_NOUNS = frozenset({"market", "bazaar", "hospital", "mosque", "prison", "jail", "airport", "stadium",
                           "streets", "centre", "center", "heart", "port", "harbour", "harbor"})
# "Niger Delta", "Mississippi River": a natural feature named after a place is not that place
NATURAL_NOUNS = frozenset({"delta", "river", "valley", "basin", "mountains", "mountain", "hills", "lake", "desert",
                           "plateau", "coast", "bay", "strait", "straits", "gulf", "peninsula", "plain", "plains",
                           "highlands", "forest", "canal", "creek", "estuary", "sea", "ocean", "islands", "lagoon"})
# a capitalised name with one of these nouns names a site, a place the gazetteer rarely lists:
# "Al-Bassel Hospital", "Khillani Square", "the Tiyas airbase", "Kawkab army base"
SITE_NOUNS = frozenset({"airport", "airbase", "airfield", "base", "hospital", "square", "dam", "checkpoint", "prison",
                        "jail", "barracks", "camp", "stadium", "bridge", "mosque", "market", "junction", "roundabout",
                        "crossing", "street", "avenue", "boulevard", "mountains", "hill", "compound"})
_PLACE_NOUNS = FEATURE_NOUNS | SITE_NOUNS  # nouns that may introduce a name as a place
SITE_MODIFIERS = frozenset({"army", "air", "military", "naval", "police", "refugee", "border", "security"})
# "the West Bank city of X", "the Red Sea island of X": the name before the noun qualifies X
QUALIFIED_NOUNS = frozenset({"city", "town", "village", "port", "capital", "island", "camp", "hamlet", "settlement"})
# "the south Baghdad neighbourhood of Al-Bayaa", "the eastern Algiers suburb of Oued Kniss": X is a part of the city
PART_NOUNS = frozenset({"neighbourhood", "neighborhood", "suburb", "district", "quarter", "enclave", "township"})
NEAR_PHRASE_WORDS = frozenset({"near", "outside", "outskirts", "around", "close", "vicinity", "nearby"})

# "Kaura Namoda residents said", "Lalibela was calm on Monday": words that only a place is the subject of
RESIDENT_NOUNS = frozenset({"residents", "inhabitants", "townspeople", "villagers", "locals", "natives", "dwellers"})
CALM_WORDS = frozenset({"calm", "quiet", "tense", "deserted", "peaceful", "shut", "paralysed", "paralyzed",
                        "cut", "besieged", "encircled", "surrounded", "shelled"})
_STATE_VERBS = frozenset({"was", "is", "remained", "remains", "stayed", "seemed", "appeared", "looked"})


_THE_TOWN = re.compile(r"\b(?:the|this)\s+(?:town|city|village|area|settlement|locality)\b", re.I)


def _place_talk(after: list[str], rest: Callable[[], str]) -> bool:
    """Whether the words after a name (lower case) are said of a place only: "X residents", or "X was
    calm" when the sentence goes on about "the town" (``rest()``: the text after the name)."""
    if not after:
        return False
    if after[0] in RESIDENT_NOUNS:
        return True
    return len(after) > 1 and after[0] in _STATE_VERBS and after[1] in CALM_WORDS \
        and _THE_TOWN.search(rest().split(". ")[0]) is not None


# "Gainesville, Va.", "Portland, OR": a state abbreviation after a town (see data/place_qualifiers.csv)
# what follows a dateline's place: "SOUTH WAZIRISTAN, April 5", "KABUL (Reuters)", "GAZA CITY —"
_DATELINE_AT = re.compile(r",|\s*[-–—(]|:")
# "St. Louis", "Mt. Vernon", "Ft. Worth": a name goes on after these abbreviations and their full stop
DOTTED_PREFIXES = frozenset({"st", "ste", "mt", "ft", "pt"})
# "CAMP MURRAY, Wash. --": a dateline at the start of a line, in capitals
_DATELINE = re.compile(r"(?m)^[ \t]*([A-Z][A-Z'’.\-]*(?: [A-Z][A-Z'’.\-]*){0,3})(?=,)")
_ABBR_AFTER = re.compile(r",\s*((?:[A-Z]\.\s?){2,3}|[A-Z]\.\s?[A-Z][a-z]\.|[A-Z][a-z]{1,4}\.|[A-Z]{2}\b)")
# what follows a dateline's place written in ordinary case: "Damascus, SANA -", "Dakar, Sept 4 (Reuters) -"
_DATELINE_TAIL = re.compile(r"(?:,\s*[A-Z][\w.]*(?:\s+\d{1,2})?\s*)?(?:\([^()\n]{1,30}\)\s*)?[-–—:]\s")
# ", Burkina Faso -", ", Texas (AP) -": the country or state after a dateline's town, then the dateline's dash
_DATELINE_REGION = re.compile(r",[ \t]*([A-Z][\w'’.-]*(?:[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?[A-Z][\w'’.-]*){0,3})[ \t]*"
                              r"(?:\([^()\n]{1,30}\)[ \t]*)?[-–—:][ \t]")
# ", the Libyan capital", ", a northern Malian town": a demonym in an apposition after a place
_APPOSED_DEMONYM = re.compile(r",[ \t]+(?:the|a|an)[ \t]+(?:[a-z]+[ \t]+)?([A-Z][a-z]+)[ \t]+"
                              r"(?:capital|city|town|port|village|border[ \t]+town)\b")
# "the Kenyan capital", "Somalia's capital", "the capital of Libya": a country's capital by its country
_CAPITAL_OF = re.compile(
    r"\b(?:the\s+(?P<dem>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+capital"
    r"|(?P<cty>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)['’]s\s+capital"
    r"|the\s+capital\s+of\s+(?P<of>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?))\b")
# "the capital", "the country's capital" with no name: the capital of the country the article is about
_BARE_CAPITAL = re.compile(r"\bthe\s+(?:(?:country|nation)['’]s\s+)?capital\b")
# after "capital": a name, "city", "of ...", "'s" -- then the capital is named or is another one
_CAPITAL_NAMED_AFTER = re.compile(r"\s*(?:,\s*)?(?:[A-Z]|city\b|of\b|region\b|district\b|territory\b|['’]s\b)")
# "the capital's main market district", "the capital's northern suburbs": a part of the capital, which is where
_CAPITAL_PART_AFTER = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}(?:district|neighbou?rhood|quarter|suburbs?|market|"
                                 r"outskirts|streets|centre|center|slums?|township|commune)\b")
_APPOSITION = re.compile(r"\w,\s*$")
_PART_OF = re.compile(r"\b(?:area|district|neighbou?rhood|quarter|suburb|part|outskirts|streets|centre|center|north|south|"
                      r"east|west|north-?east|north-?west|south-?east|south-?west)\s+of\s+$", re.I)
# the words that call a name a second-level division
_TOWNLESS_CUES = ADMIN_NOUNS | {"township", "local", "lga", "sub-county", "subcounty", "cercle", "regency"}
# a division's noun after its name, and the country "of" which it is: "Southwest region", "Sagaing region of Myanmar"
_DIVISION_NOUN_AFTER = re.compile(r"\s+(?i:region|province|state|district|zone|county|governorate|department|prefecture|"
                                  r"division|oblast|territory|township|L\.?G\.?A\.?)\b(?:\s+of\s+(?:the\s+)?"
                                  r"(?P<of>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}))?")
# a country possessing the name: "Cameroon's Southwest region"
_POSSESSOR_BEFORE = re.compile(r"\b([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})['’]s\s+(?:(?:far|restive|troubled|"
                               r"northern|southern|eastern|western|central|north|south|east|west)[\w-]*\s+)?$")
# "Konduga Local Government Area", "Mangu LGA": Nigeria's second-level divisions
_LGA_SUFFIX = re.compile(r"\s+(?:Local\s+Government\s+Area|Local\s+Government|L\.?G\.?A\.?)\s*$", re.I)
# verbs whose object is where the action happened: "shelled Kupiansk", "stormed Kidal"
PLACE_OBJECT_VERBS = frozenset({"besieged", "entered", "captured", "stormed", "seized", "recaptured", "retook",
                                "attacked", "shelled", "bombed", "struck", "hit", "targeted", "raided", "overran",
                                "pounded", "bombarded", "shelling", "attacking", "storming", "capturing"})
# organisations and buildings named after their town: "the Lahore Press Club", "Kabul University"
SITE_ORG_NOUNS = frozenset({"club", "university", "college", "school", "hospital", "stadium", "airport", "mosque",
                            "church", "cathedral", "market", "prison", "jail", "court", "station", "hotel", "campus",
                            "barracks", "base", "airbase", "cantonment", "bazaar", "hall", "square", "gate", "port"})

# sites named after a place that need not lie there: a franchise, a school or a shopping mall ("the American
# School" in Kabul, "the Manchester Academy" in Lagos, "the Mall of Africa" in Johannesburg)
NAMED_SITE_NOUNS = frozenset({"school", "academy", "mall", "hotel", "restaurant", "cafe", "store", "supermarket"})


def _site_head(before: str, last: str) -> str:
    """The head noun of an organisation's or building's name holding a place: its last word ("Manchester
    Academy"), or the word before "of" when the place follows it ("the Mall of Africa")."""
    words = before.split()
    if len(words) >= 2 and words[-1].lower() == "of":
        return words[-2].lower().strip(".,'’")
    return last


@functools.cache
def _abbreviations() -> dict[str, tuple[str, str]]:
    from ..resources import load_csv

    return {r["abbreviation"].replace(" ", ""): (r["country"], r["admin1"]) for r in load_csv("place_qualifiers.csv")}


def abbreviation(text: str) -> tuple[str, str] | None:
    """"Va." -> ("US", "Virginia"); None when not a known abbreviation."""
    key = text.replace(" ", "").strip()
    return _abbreviations().get(key) or _abbreviations().get(key + ".")


# a letter, then: more dotted capitals ("U.S.", "U.K.": the letter was [A-Z]) or the rest of a word. The same
# tokens as "(?:[A-Z]\.){2,}|[^\W\d_][\w'’‘ʻ]*(?:-...)*", but a pattern that opens with one character set
# lets the regex engine skip spaces, digits and punctuation without trying a match at each of them
_TOKEN = re.compile(
    r"[^\W\d_](?:(?<=[A-Z])\.(?:[A-Z]\.)+"  # U.S., U.K.
    r"|[\w'’‘ʻ]*(?:-[^\W_][\w'’‘ʻ]*)*)"
)
# the words kept between the gaps: _TOKEN's words, its patterns written for the regex engine's quicker paths
# (the full stop before the look-behind, so the branch is left at a glance when no full stop follows;
# possessive repeats, which nothing after them could make give back); for a plain ASCII text (most) the same
# with ASCII letter sets ("[^\W\d_]" is "[A-Za-z]" there): no Unicode look-ups
_TOKEN_SPLIT = re.compile(r"([^\W\d_](?:\.(?<=[A-Z]\.)(?:[A-Z]\.)+|[\w'’‘ʻ]*+(?:-[^\W_][\w'’‘ʻ]*+)*+))")
_TOKEN_SPLIT_ASCII = re.compile(r"([A-Za-z](?:\.(?<=[A-Z]\.)(?:[A-Z]\.)+|[A-Za-z0-9_']*+(?:-[A-Za-z0-9][A-Za-z0-9_']*+)*+))")
_POSSESSIVE = re.compile(r"['’]s$")
_POSSESSIVE_ENDS = ("'s", "’s")  # what _POSSESSIVE finds in a text that does not end on a newline
# "al-Bab", "Al Hawl": an Arabic article the gazetteer may list the name without
ARTICLE_PREFIXES = ("al-", "al ", "el-", "ad-", "ar-", "as-", "ash-", "an-", "az-", "at-")
_SUN_ARTICLE = re.compile(r"^(?:a[dnrstz]|a[dst]h|ash)[- ](?=\S)", re.I)
_SUN_ONSET = re.compile(r"^(?:th|dh|sh|[tdrzsnl])", re.I)


def article_variants(text: str) -> list[str]:
    """Other spellings of a name under an Arabic article, most likely first: the article assimilated to a
    "sun letter" or not ("al-Turbah" ~ "At Turbah", "ash-Shihr" ~ "Al Shihr"), then the bare name
    ("al-Bab" ~ "Bab"). [] for a name without an article."""
    low = text.lower()
    for pre in ("al-", "al ", "el-", "el "):
        if low.startswith(pre) and len(text) > len(pre) + 2:
            rest = text[len(pre):]
            onset = _SUN_ONSET.match(rest)
            return ([f"a{onset.group(0).lower()} {rest}"] if onset else []) + [rest]
    m = _SUN_ARTICLE.match(text)
    if m and len(text) > m.end() + 2:
        rest = text[m.end():]
        onset = _SUN_ONSET.match(rest)
        if onset and m.group(0)[1:-1].lower() == onset.group(0).lower():  # "at-Turbah", not "an-Turbah"
            return [f"al {rest}", rest]
        return [rest]
    return []


_ARTICLE_WORDS = frozenset(("al", "el", "ad", "an", "ar", "as", "at", "az", "ash", "adh", "ath"))
# "al-Bab", "el-Fasher", "ad-Dana": a name written after a lower-case Arabic article is still a name
_ARTICLE_NAME = re.compile(r"(?:al|el|ad|ar|as|ash|an|az|at|ez|es|ed|ul|ud|adh|ath)-[A-Z]")
# (?=[nsewct]): the first letters of the alternatives (keep it so when adding one), a quick test before trying them
_REL_REGION = re.compile(
    r"\b(?=[nsewct])(?:(?P<dir1>north|south|east|west|northeast|northwest|southeast|southwest|"
    r"north-east|north-west|south-east|south-west|centre|center)\s+of\s+the\s+(?P<ref1>country|nation)\b"
    r"|the\s+(?P<ref2>country|nation)['’]s\s+(?P<dir2>(?:far\s+)?(?:north|south|east|west|northeast|northwest|"
    r"southeast|southwest|north-east|north-west|south-east|south-west|centre|center))\b)",
    re.I,
)
# what every _REL_REGION match contains; far quicker to look for, and most articles lack it
_REL_REGION_HINT = re.compile(r"the\s+(?:country|nation)\b", re.I)


@functools.cache
def trap_words() -> frozenset[str]:
    words = set()
    for line in data_text("place_traps.txt").splitlines():
        line = line.strip()
        if line and not line.startswith(("#", "=", "~", "^", "%")):
            words.add(normalise(line))
    return frozenset(words)


@functools.cache
def people_nouns() -> frozenset[str]:
    """Nouns for a people or its forces ("troops", "militia"): the "~" lines of place_traps.txt."""
    return frozenset(line.strip()[1:].strip().lower() for line in data_text("place_traps.txt").splitlines()
                     if line.strip().startswith("~"))


@functools.cache
def people_names() -> frozenset[str]:
    """Peoples named like a region ("Afar", "Amhara"): the "^" lines of place_traps.txt."""
    return frozenset(normalise(line.strip()[1:].strip()) for line in data_text("place_traps.txt").splitlines()
                     if line.strip().startswith("^"))


@functools.cache
def agency_names() -> frozenset[str]:
    """News agencies whose names, in capitals, are also places' ("SANA", "TASS"): the "=" lines of
    place_traps.txt."""
    return frozenset(line.strip()[1:].strip() for line in data_text("place_traps.txt").splitlines()
                     if line.strip().startswith("="))


@functools.cache
def unit_names() -> frozenset[str]:
    """Police units whose names, in capitals, are also places' ("SWAT"): the "%" lines of place_traps.txt.
    Unlike an agency's name, one opening a line as a dateline ("SWAT: ...") is the place."""
    return frozenset(line.strip()[1:].strip() for line in data_text("place_traps.txt").splitlines()
                     if line.strip().startswith("%"))


@functools.cache
def _stop_words() -> frozenset[str]:
    try:
        from spacy.lang.en.stop_words import STOP_WORDS
    except ImportError:  # pragma: no cover
        STOP_WORDS = set()
    return frozenset(STOP_WORDS)


def _dateline_matches(text: str):
    """What ``_DATELINE.finditer(text)`` finds, tried only at the starts of lines, where its ``^`` can match
    (a match holds no newline, so there is at most one per line): the search at every character of the
    text cost more than the rest of the dateline reading."""
    pos = 0
    while True:
        m = _DATELINE.match(text, pos)
        if m is not None:
            yield m
        pos = text.find("\n", pos) + 1
        if not pos:
            return


# the end of a dateline in parentheses: "(Beirut) -", "(Nairobi, October 8, 2025) –"
_PAREN_DATELINE_END = re.compile(r"(?:,[^()\n]{1,30})?\)\s*[-–—:]\s")


def dateline_at(text: str, s: int, e: int) -> bool:
    """Whether the place text[s:e] opens a line as a dateline: "KABUL (Reuters) -", "SOUTH WAZIRISTAN,
    April 5:", "Damascus, SANA -". Where a report was filed, not necessarily where its events happened."""
    before = text[text.rfind("\n", 0, s) + 1:s].strip()
    if before == "(":  # "(Nairobi) - Fighters ... fired mortar rounds into Djibo": a rights group's dateline
        return bool(_PAREN_DATELINE_END.match(text, e, min(len(text), e + 45)))
    if before:
        return False
    if text[s:e].isupper() and _DATELINE_AT.match(text, e):
        return True
    return bool(_DATELINE_TAIL.match(text, e, min(len(text), e + 45)))


# ------------------------------------------------------------------ records
@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    lower: str
    cap: bool  # starts with an upper-case letter
    upper: bool  # all upper case (acronym)
    adj_tail: bool = False  # was "X-led": the token is X, used adjectivally
    possessive: bool = False  # "Iraq's": the token is Iraq


@dataclass(slots=True)
class Toponym:
    """A span of the clean text that names a place (before resolution)."""

    start: int
    end: int
    text: str
    role: str = "literal"  # literal | adjective | embedded
    label: str = ""  # spaCy label, or "" for a gazetteer-only match
    cues: set[str] = field(default_factory=set)  # near, in, feature, admin, direction:<d>, from, title ...
    direction: str = ""  # "northern" in "northern Syria"
    feature: str = ""  # "village" in "the village of X", "province" in "X province"
    reason: str = ""
    prev: str = ""  # the word before (lower case)
    known: bool = True  # False: a place entity the gazetteer does not have
    qual_cc: str = ""  # "the southern Lebanese city of X": the country the text places X in


@dataclass(slots=True)
class RegionRef:
    """A region named relative to the document's country: "the country's east"."""

    start: int
    end: int
    text: str
    direction: str


# -------------------------------------------------------------- tokenising
HYPHEN_PREFIXES = frozenset({"anti", "ex", "pro", "non", "pan", "post", "pre", "neo", "mid", "trans", "intra",
                             "inter", "sub", "all", "greater", "north", "south", "east", "west", "central"})


# "South-West", "North-East": one compass name, not the "West" its prefix would leave ("in the South-West region"
# is Cameroon's South-West, not its West region)
_HALF_COMPASS = frozenset({"north", "south"})
_OTHER_HALF = frozenset({"east", "west", "eastern", "western"})


def tokenize(text: str, known: Callable[[str], bool] | None = None) -> list[Token]:
    """Word tokens; hyphenated words are split where a part is a place ("anti-Russian",
    "Nigeria-Ukrainian", "US-led") unless the whole is a known name ("Guinea-Bissau")."""
    out: list[Token] = []
    append, shapes, new = out.append, _SHAPES, object.__new__
    # the text split at the words: [gap, word, gap, word, ..., gap]; each word starts where the lengths before
    # it add up to (quicker than a match object or a search per word, and the same words)
    parts = iter((_TOKEN_SPLIT_ASCII if text.isascii() else _TOKEN_SPLIT).split(text))
    s = len(next(parts))
    for t, gap in zip(parts, parts):
        shape = shapes.get(t)  # only unhyphenated words are kept there: a hit needs no test for a hyphen
        if shape is None:
            if "-" in t:
                out.extend(_hyphenated(s, t, known))
                s += len(t) + len(gap)
                continue
            shape = _word_shape(t)
        # Token(s, s + len(word), word, lower, cap, upper, False, possessive), its fields set here: no
        # __init__ frame for each of an article's hundreds of words
        tok = new(Token)
        tok.text, tok.lower, tok.cap, tok.upper, tok.adj_tail, tok.possessive = shape
        tok.start = s
        tok.end = s + len(tok.text)
        append(tok)
        s += len(t) + len(gap)
    return out


_SHAPES: dict[str, tuple[str, str, bool, bool, bool, bool]] = {}  # see _word_shape


def _word_shape(word: str) -> tuple[str, str, bool, bool, bool, bool]:
    """(text, lower, cap, upper, adj_tail (False), possessive) of an unhyphenated word token, kept in ``_SHAPES``: the
    same words come back in every article, so their shape is worked out once per process."""
    if len(_SHAPES) > 50_000:
        _SHAPES.clear()
    t, poss = word, False
    if t[-1] == "s" and len(t) > 2 and t[-2] in "'’":
        t = t[:-2]
        poss = True
    up = t[:1].isupper()
    shape = _SHAPES[word] = (t, t.lower(), up, up and t.isupper() and len(t) > 1, False, poss)
    return shape


def _hyphenated(s: int, t: str, known: Callable[[str], bool] | None) -> list[Token]:
    """The token(s) of a hyphenated word starting at ``s`` (see :func:`tokenize`)."""
    e = s + len(t)
    adj = False
    parts = t.split("-")
    if (parts[0].lower() in HYPHEN_PREFIXES and parts[1][:1].isupper() and len(parts) == 2
            and not (parts[0].lower() in _HALF_COMPASS and parts[1].lower() in _OTHER_HALF)):
        s += len(parts[0]) + 1  # "anti-Russian" -> "Russian"
        t = parts[1]
        parts = [t]
    elif (len(parts) == 2 and all(p[:1].isupper() and len(p) > 2 for p in parts)
          and known is not None and not known(t) and not _known_whole(t, known) and known(parts[0])
          and known(parts[1])):
        a = parts[0]  # "Nigeria-Ukrainian", "Russia-Ukraine": two places
        first = Token(s, s + len(a), a, a.lower(), True, a.isupper() and len(a) > 1, True)
        s2 = s + len(a) + 1
        b = parts[1]
        if b.endswith(_POSSESSIVE_ENDS) and len(b) > 2:  # _POSSESSIVE (a word part holds no newline)
            b = b[:-2]
        return [first, Token(s2, s2 + len(b), b, b.lower(), True, b.isupper() and len(b) > 1, True)]
    if parts[-1].lower() in HYPHEN_TAILS or (parts[0][:1].isupper() and all(p.islower() for p in parts[1:])
                                              and parts[-1].lower() not in CONNECTORS):
        head = parts[0]
        if len(parts) > 2 and parts[-1].lower() in HYPHEN_TAILS and all(p[:1].isupper() for p in parts[:-1]):
            head = "-".join(parts[:-1])  # "Guinea-Bissau-based"
        e = s + len(head)
        t = head
        adj = True
    poss = False
    if t[-1] == "s" and len(t) > 2 and t[-2] in "'’":
        e -= 2
        t = t[:-2]
        poss = True
    up = t[:1].isupper()
    return [Token(s, e, t, t.lower(), up or ("-" in t[2:5] and _ARTICLE_NAME.match(t) is not None),
                  up and t.isupper() and len(t) > 1, adj, poss)]


def _known_whole(t: str, known: Callable[[str], bool]) -> bool:
    """Whether a hyphenated word is a known name once its possessive is set aside: "Mayo-Sava's Kolofata
    district" is the Cameroonian division's, not Mayo (Ireland) and Sava (Madagascar) -- the whole is looked up
    first."""
    return t.endswith(_POSSESSIVE_ENDS) and len(t) > 4 and known(t[:-2])


def _compound_name(name: str) -> bool:
    """A hyphenated name of capitalised parts ("Mayo-Sava", "Logone-et-Chari", "Haut-Nyong"): no common word,
    like a name of several words ("North Shewa") -- a district of that name is meant even when the text does
    not call it one."""
    parts = name.split("-")
    return len(parts) > 1 and parts[0][:1].isupper() and parts[-1][:1].isupper() and all(parts)


# --------------------------------------------------------------- recognise
def _ents(sdoc) -> list[tuple[int, int, str]]:
    if sdoc is None:
        return []
    try:
        return [(e.start_char, e.end_char, e.label_) for e in sdoc.ents]
    except (AttributeError, ValueError):
        return []


def _strip_the(text: str, start: int) -> tuple[str, int]:
    low = text.lower()
    for art in ("the ", "The "):
        if text.startswith(art):
            return text[4:], start + 4
    if low.startswith("the\n"):
        return text[4:], start + 4
    return text, start


_PLURAL_FEATURES = {"villages": "village", "towns": "town", "cities": "city", "hamlets": "hamlet",
                    "settlements": "settlement", "camps": "camp", "neighbourhoods": "neighbourhood",
                    "neighborhoods": "neighborhood", "suburbs": "suburb"}


# a stretch of road named by its two ends: "on the road between X and Y", "the highway between"
ROUTE_NOUNS = frozenset({"road", "roads", "highway", "route", "axis", "stretch", "track", "motorway", "railway",
                         "line", "journey", "way", "corridor", "trunk"})


def _plural_list_feature(tokens: list[Token], i: int) -> str:
    """"the villages of Huwaysis and Jubb Al-Jarrah", "the towns of Kafr Saghir, Babinnis and Tal Rifaat":
    the kind of place (singular) a name in such a list is said to be; "" when it is not in one."""
    k = i - 1
    for _ in range(12):
        if k < 1:
            return ""
        low = tokens[k].lower
        if low == "of":
            return _PLURAL_FEATURES.get(tokens[k - 1].lower, "")
        if not (tokens[k].cap or low == "and"):
            return ""
        k -= 1
    return ""


# a possessor's attack on a named place -- dates and modifiers only between: "Russia's Feb. 18 attack on X",
# "Ukraine's overnight drone attack on X", "Sudan's army offensive in X", "Israel's strikes on X"
_FORCE_NOUNS = "forces|troops|army|military|soldiers|warplanes|navy"
_ATTACK_NOUNS = ("attacks?|strikes?|air ?strikes?|offensives?|bombardments?|bombings?|shelling|invasion|incursions?|"
                 "raids?|assaults?")
_PARTY_GAP = ("latest|new|renewed|recent|massive|major|overnight|deadly|ongoing|full-scale|large-scale|air|ground|"
              "naval|retaliatory|combined|heavy|first|second|third|last|weekend|"
              r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?|"
              "January|February|March|April|May|June|July|August|September|October|November|December|"
              r"\d{1,2}(?:st|nd|rd|th)?|\d{4}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day")
_ATTACK_ON = re.compile(rf"['’]s\s+(?:(?:{_PARTY_GAP}|{_FORCE_NOUNS}|missile|drone|rocket|artillery)\s+){{0,3}}"
                        rf"(?:{_ATTACK_NOUNS})\s+(?:on|against|of|targeting|in)\s+(?:the\s+)?"
                        r"(?:(?:north|south|east|west|central)\w*\s+)?[A-Z]")


def _context(tokens: list[Token], i: int, j: int, topo: Toponym) -> None:
    """Cue words around tokens[i:j]."""
    before = [t.lower for t in tokens[max(0, i - 4):i]]
    after = [t.lower for t in tokens[j:j + 3]]
    prev = before[-1] if before else ""
    topo.prev = prev
    if j > i and tokens[j - 1].possessive:
        topo.cues.add("possessive")  # "Iraq's northern Nineveh province": Iraq qualifies what follows
    if prev in DIRECTIONS:
        topo.direction = prev
        topo.cues.add("direction")
        prev2 = before[-2] if len(before) > 1 else ""
        if prev2 in LOCATIVE_PREPS:
            topo.cues.add("in")
    elif prev in LOCATIVE_PREPS:
        topo.cues.add("from" if prev == "from" else "in")
    if not NEAR_WORDS.isdisjoint(before[-3:]):
        topo.cues.add("near")
    listed = _plural_list_feature(tokens, i) if i and tokens[i].cap else ""
    if listed and "feature" not in topo.cues:
        topo.feature = listed  # "the villages of Huwaysis and Jubb Al-Jarrah"
        topo.cues.add("feature")
    if prev == "of" and len(before) > 1 and before[-2] in FEATURE_NOUNS:
        topo.feature = before[-2]
        topo.cues.add("feature")
        if before[-2] in ADMIN_NOUNS:
            topo.cues.add("admin")
        wider = [t.lower for t in tokens[max(0, i - 7):i - 2]]
        if not NEAR_PHRASE_WORDS.isdisjoint(wider[-4:]):
            topo.cues.add("near")  # "near the southern Lebanese city of X"
    if "in" in topo.cues and "feature" not in topo.cues and _apposition_place(tokens, j):
        topo.feature = "apposition"  # "in Sugapa, the main town of Intan Jaya regency": a place even if unpeopled
        topo.cues.add("feature")
    if prev in QUALIFIED_NOUNS and "feature" not in topo.cues and _introduces(tokens, i):
        topo.feature = prev  # "the regional capital Sumy", "the village Kyaung Taung"
        topo.cues.add("feature")
    if "according" in before[-6:]:
        topo.cues.add("speech")  # "according to the health ministry in Sanaa"
    if (prev in TITLE_WORDS and (tokens[i].start - tokens[i - 1].end <= 1 or len(prev) <= 4)) \
            or (len(before) > 1 and before[-2] in TITLE_WORDS and tokens[i - 1].cap):
        # "spokesman Zabihullah", "Dr. Haidari"; not across a sentence's end ("... a Taliban spokesman. Islamabad
        # says")
        topo.cues.add("title")
    if after:
        named_next = len(after) < 3 or after[2] != "the"  # not "the al-Bayaa district of the Iraqi capital"
        if after[0] in QUALIFIED_NOUNS and len(after) > 1 and after[1] == "of" and "the" in before[-2:] and named_next:
            topo.cues.add("qualifier")  # "the West Bank city of Nablus": it may qualify the place named next
        elif after[0] in PART_NOUNS and len(after) > 1 and after[1] == "of" and "the" in before[-3:] and named_next:
            topo.cues.update(("qualifier", "part"))  # "the Baghdad neighbourhood of Mansour": the city contains it
        if after[:2] == ["local", "government"]:
            after = ["lga", *after[2:]]  # "Konduga Local Government Area"
        if after[0] in FEATURE_NOUNS:
            topo.feature = topo.feature or after[0]
            topo.cues.add("feature")
            if after[0] in ADMIN_NOUNS:
                topo.cues.add("admin")
        if after[0] in SPEECH_VERBS:
            topo.cues.add("speech")
        if _place_talk(after, lambda: _rest_of(tokens, j)) and text_before(tokens, i) not in TITLE_WORDS:
            topo.cues.add("resident")  # "Beledweyne residents said", "Dori was calm on Tuesday"


# a list of capitalised names a small model tags as one entity: "Ahmedabad and Hyderabad", "Gori, Rustavi and Telavi"
_LIST_LABELS = frozenset({"ORG", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT", "LOC", "GPE"})
_NAME = r"[A-Z][a-z][\w'’-]*(?:[ \t][A-Z][a-z][\w'’-]*)?"
_TOWN_LIST = re.compile(rf"{_NAME}(?:,[ \t]{_NAME})*,?[ \t](?:and|or)[ \t]{_NAME}")
_LIST_ITEM = re.compile(r"(?<![\w'’-])(?!(?:and|or)\b)[A-Z][a-z][\w'’-]*(?:[ \t][A-Z][a-z][\w'’-]*)?")

# cues that make a name a place whoever else bears it: "TYLER, Texas -", "Tyler County", "Kaduna state" (not
# a preposition, "in Modi's speech", "a case against Assange", nor a site's word, "Osorto's camp", "Dera Ismail
# Khan city")
_PLACE_CUES = frozenset({"dateline", "admin", "state"})
# a speaker named in full: "Tom Jackson said", "Tom Jackson, the city's mayor, said", "said Police Chief Anna
# Tyler" -- a given name (or a title) right before the surname, a speech verb after it or "said" a few words before
_GIVEN_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+)[ \t]+$")
_SPEECH_AFTER = re.compile(r"(?:,[ \t]+[^,.\n]{3,60},)?[ \t]+"
                           r"(?:said|says|told|added|explained|noted|insisted|argued|warned)\b")
_SAID_LEAD = re.compile(r"\b(?:said|says|told|added)[ \t]+(?:[A-Za-z.]+[ \t]+){0,3}$")
_CAP_NEXT = re.compile(r"[ \t]+[A-Z]")
# capitalised words before a name that make a longer place name or a body, not a given name ("Lake Jackson
# said" is no person)
_NOT_GIVEN = frozenset({
    "lake", "fort", "port", "new", "north", "south", "east", "west", "upper", "lower", "greater", "mount",
    "saint", "san", "santa", "el", "la", "los", "las", "the", "in", "at", "of", "from", "and", "but", "when",
    "county", "city", "police", "officials", "residents", "authorities", "state", "university", "college",
    "school", "church", "hospital", "department", "council", "district",
    # a broadcaster, paper, club or firm named after its town speaks as a body: "Radio Mogadishu said", "Inter
    # Milan said", "Dynamo Kyiv said", "Air Tanzania said"
    "radio", "television", "channel", "press", "news", "times", "daily", "club", "team", "inter", "dynamo",
    "sporting", "olympique", "olympic", "real", "atletico", "athletic", "racing", "union", "united", "royal",
    "air", "hotel", "bank", "group", "camp", "central", "downtown", "old",
})
# a single name as the speaker: "Jackson said" / "said Jackson"
_SPOKEN_AFTER = re.compile(r"[ \t]+(?:said|says|told|added|explained|noted|insisted|argued|warned)\b")
_SAID = frozenset({"said", "says", "told", "added"})
_SAID_BEFORE = re.compile(r"\b(?:said|says|told|added)[ \t]+$")


def speaker_named(text: str, name: str) -> bool:
    """Whether ``text`` names a speaker in full whose surname is ``name`` as written: "Mayor Tom Jackson said",
    "Tom Jackson, the city's mayor, said", "said Police Chief Anna Tyler" (only the places of ``name`` are
    looked at: no scan of the whole text)."""
    k = text.find(name)
    while k >= 0:
        e = k + len(name)
        if not (k and (text[k - 1].isalnum() or text[k - 1] in "_-")) \
                and not (e < len(text) and (text[e].isalnum() or text[e] in "_-")):
            g = _GIVEN_BEFORE.search(text, max(0, k - 30), k)
            if g is not None and g.group(1).lower() not in _NOT_GIVEN and (
                    _SPEECH_AFTER.match(text, e) or (
                    _SAID_LEAD.search(text, max(0, g.start() - 40), g.start()) and not _CAP_NEXT.match(text, e))):
                return True
        k = text.find(name, k + 1)
    return False


def _spoken(text: str, s: int, e: int) -> bool:
    """Whether the name at ``s:e`` stands as a speaker: "Jackson said", "said Jackson"."""
    return bool(_SPOKEN_AFTER.match(text, e) or _SAID_BEFORE.search(text, max(0, s - 10), s))


_DIRECTION_WORD = re.compile(r"(?:north|south)(?:-?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?")


def _apposition_place(tokens: list[Token], j: int) -> bool:
    """", the main town of ...", ", a village in ...", ", capital of ...": the words after the name (a comma,
    an article, up to two modifiers, a settlement noun, then "of"/"in") say what kind of place it is."""
    if j >= len(tokens) or tokens[j].start - tokens[j - 1].end != 2 or tokens[j].cap:
        return False  # the tokens leave out punctuation: one mark and a space between, then a lower-case word
    k = j
    if tokens[k].lower in ("the", "a", "an"):
        k += 1
    for k in range(k, min(k + 3, len(tokens) - 1)):
        if tokens[k].lower in QUALIFIED_NOUNS:
            nxt = tokens[k + 1].lower
            # ", a village 30 km from ...", ", a hamlet north-east of ...", ", a village roughly 40 km ..."
            # (the tokens leave out numbers: "30 km" is "km")
            return nxt in ("of", "in", "located", "situated", "near", "outside", "on", "about", "some", "close",
                           "roughly", "nearly", "around", "just", "bordering", "km", "kms", "kilometres",
                           "kilometers", "miles") or _DIRECTION_WORD.fullmatch(nxt) is not None
        if not tokens[k].text.isalpha() or tokens[k].cap:
            return False
    return False


def _in_a_division(tokens: list[Token], j: int) -> bool:
    """"in Rupandehi district", "in the Kurram district of ...": right after a name (no comma between),
    "in", an optional "the", one to three capitalised words and an administrative noun."""
    if j >= len(tokens) or tokens[j].lower != "in" or tokens[j].start - tokens[j - 1].end != 1:
        return False
    k = j + 1
    if k < len(tokens) and tokens[k].lower == "the":
        k += 1
    n = 0
    while k < len(tokens) and tokens[k].cap and n < 3:
        k, n = k + 1, n + 1
    return 0 < n and k < len(tokens) and tokens[k].lower in ADMIN_NOUNS


_SETTLEMENT_AFTER = re.compile(r"\s(?:village|town|hamlet|district|camp|settlement|locality|township|sub-?district|"
                               r"neighbou?rhood|suburb)\b")


def _settlement_after(text: str, e: int) -> bool:
    """Whether a settlement noun follows the name right away ("Khan Tuman village", "Silopi town")."""
    return bool(_SETTLEMENT_AFTER.match(text, e, e + 16))


def _rest_of(tokens: list[Token], j: int) -> str:
    """The next words from tokens[j] (lower case), for a look at what the sentence says next."""
    return " ".join(t.lower for t in tokens[j:j + 30])


def _introduces(tokens: list[Token], i: int) -> bool:
    """"(in) the regional capital Sumy", "the village Kyaung Taung": the noun right before tokens[i] (no
    comma between) introduces it as a place -- unless the phrase is a reference point ("north of the
    capital Algiers", "from the city X")."""
    if i < 2 or tokens[i].start - tokens[i - 1].end != 1:
        return False
    k = next((k for k in range(i - 2, max(-1, i - 5), -1) if tokens[k].lower == "the"), None)
    return k is not None and (k == 0 or tokens[k - 1].lower not in ("of", "from", "to"))


class Recognizer:
    """Finds toponyms in one clean text; one per document."""

    MAX_NGRAM = 5

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.traps = trap_words()
        self.stops = _stop_words()
        # per-process caches of pure look-ups (the gazetteer is read-only): the same words come back
        # in every article
        self._variants: dict[str, tuple] = {}
        self._limits: dict[str, int] = {}

    def _split_town_lists(self, text: str, ents: list) -> list:
        """Entities that are lists of towns ("Ahmedabad and Hyderabad" tagged WORK_OF_ART, "Gori and Rustavi"
        tagged FAC) split into one GPE entity per town: a small model reads such a list as one name, which the
        gazetteer lacks whole. Only where every item is a listed town of 5,000 people or more under its own
        name, and the whole is no listed name ("Trinidad and Tobago")"""
        out = []
        for s, e, label in ents:
            m = _TOWN_LIST.fullmatch(text, s, e) if label in _LIST_LABELS else None
            if m is None or self.gaz.lookup(text[s:e]):
                out.append((s, e, label))
                continue
            items = [(a.start(), a.end()) for a in _LIST_ITEM.finditer(text, s, e)]
            if len(items) < 2 or not all(any(c.feature_class == "P" and c.match == "name" and c.population >= 5000
                                             for c in self.gaz.lookup(text[a:b])) for a, b in items):
                out.append((s, e, label))
                continue
            out.extend((a, b, "GPE") for a, b in items)
        return out

    # ---------------------------------------------------------------------
    def __call__(self, text: str, sdoc=None, sentence_starts: list[int] | None = None,
                 ner_spans: list[tuple[int, int]] | None = None) -> tuple[list[Toponym], list[RegionRef]]:
        """Toponyms and relative regions of ``text``.

        ``ner_spans``: the (start, end) spans of the sentences whose entities come from NER, sorted;
        None when NER covered the whole text. Outside them there are no entities, so the gazetteer
        scan accepts matches as it does with no NER at all.
        """
        tokens = tokenize(text, lambda w: bool(self.gaz.lookup(w)))
        ents = _ents(sdoc)
        doc_has_ner = sdoc is not None and bool(ents or _has_ner(sdoc))
        ner_at = _ner_scope(doc_has_ner, ner_spans)
        sent_starts = set(sentence_starts or ())
        if sdoc is not None and not sent_starts:
            try:
                sent_starts = {s.start_char for s in sdoc.sents}
            except ValueError:
                sent_starts = set()
        # char -> token index
        starts = [t.start for t in tokens]
        tok_at: dict[int, int] = dict(zip(starts, range(len(tokens))))
        found: list[Toponym] = []
        taken = bytearray(len(tokens))  # per token: in a place found (COVERED), a person's name (BLOCKED)
        any_blocked = False
        person_names: set[str] = set()
        embed_zones: list[tuple[int, int, str]] = []
        parsed: list[bool] = []  # whether sdoc has a dependency parse, once known (see _parsed)
        ends: list[int] | None = None  # the tokens' ends, once asked for

        ents = [_strip_lga(text, s, e, label) for s, e, label in ents]
        if any(label in _LIST_LABELS and (" and " in text[s:e] or " or " in text[s:e]) for s, e, label in ents):
            ents = self._split_town_lists(text, ents)  # "diverted to Ahmedabad and Hyderabad" tagged WORK_OF_ART
        # only a capitalised token can open a match: from a lower-case one the scan jumps to the next of these
        caps = [k for k, t in enumerate(tokens) if t.cap]
        self._prefetch_first_words(tokens, caps)
        for s, e, label in ents:
            if label in BLOCK_LABELS and " " in text[s:e].strip():
                for t in text[s:e].split()[1:]:
                    person_names.add(normalise(t))
        for s, e, label in ents:
            if label in SITE_LABELS and self._entity_site(text, s, e, tokens, tok_at, found):
                embed_zones.append((s, e, label))  # a well-known place inside still counts as such
                continue
            if label in BLOCK_LABELS:
                k = _tok_index(tok_at, s, tokens)
                before = tokens[k - 1].lower if k > 0 and tokens and tokens[k].start == s else ""
                etext = text[s:e]
                if before == "of" and k > 1 and tokens[k - 2].lower in FEATURE_NOUNS:
                    continue  # "the village of Kunyo Barrow" tagged PERSON: a place, listed or not
                if _settlement_after(text, e) or (k < len(tokens) and tokens[k].start == s
                                               and self._introduced_as_place(tokens, tok_at, s, e)
                                               and not self.gaz.lookup(etext)):
                    continue  # "Khan Tuman village", "east of Furqlus, a town on the highway" tagged PERSON
                nxt_word = text[e:e + 20].split()[:1]
                if (before in PERSON_OVERRIDE_PREPS or before in DIRECTIONS
                        or (nxt_word and nxt_word[0].lower().strip(",.") in FEATURE_NOUNS)) and self.gaz.lookup(etext):
                    continue  # "in Palmyra", "Nineveh province" tagged PERSON by a small model
                if self._place_object(tokens, k, etext, before):
                    continue  # "shelled Kupiansk", "an attack on Zaporizhzhia", "the regional capital Sumy"
                if before not in TITLE_WORDS and _place_talk([w.lower().strip(",.") for w in text[e:e + 30].split()[:2]],
                                                             lambda: text[e:e + 200]) \
                        and any(c.feature_class in ("P", "A") and c.match == "name" and c.population >= 1000
                                for c in self.gaz.lookup(etext)):
                    continue  # "Kaura Namoda residents said", "Lalibela was quiet": a town, not a person
                if normalise(etext) not in person_names and before not in TITLE_WORDS:
                    cands = self.gaz.lookup(etext)
                    after = text[e:e + 12].split()
                    speech = bool(after) and after[0].lower().strip(",.") in SPEECH_VERBS
                    if any((c.is_country or c.is_admin1) and c.match == "name" for c in cands):
                        continue  # "Tamil Nadu said": a country or province, not a known person
                    if not speech and any(_well_known_place(c) and c.match == "name" for c in cands):
                        continue  # "Abuja", "Hampshire" tagged PERSON: a well-known place, not a known person
                    if speech and after[0].lower().strip(",.") in _FEATURE_VERBS and any(
                            c.feature_class in ("H", "T") and c.match == "name" and c.population >= 100_000
                            for c in cands):
                        continue  # "the Rhine was rising", "Everest is 8,849 m high" tagged PERSON: a river, a peak
                    if (" " not in etext.strip() and after and after[0][:1].islower()
                            and any(c.match == "demonym" for c in cands)):
                        continue  # "the Slovak architect"
                _take(taken, starts, s, e, BLOCKED)
                any_blocked = True
                for t in text[s:e].split()[1:]:
                    person_names.add(normalise(t))
            elif label in PLACE_LABELS:
                etext, es = _strip_the(text[s:e], s)
                etext = etext.rstrip()
                if etext.endswith(_POSSESSIVE_ENDS):  # _POSSESSIVE, quicker (etext ends on no newline)
                    etext = etext[:-2]
                ee = es + len(etext)
                if etext.lower() in DIRECTIONS and not (text[ee:ee + 16].split()[:1] and
                                                        text[ee:ee + 16].split()[0].lower().strip(",.") in ADMIN_NOUNS):
                    continue  # "the West", "Central": a direction, unless "West province"
                if " " not in etext and normalise(etext) in self.traps \
                        and not any(c.population >= 50_000 for c in self.gaz.lookup(etext)):
                    continue  # "Nov" of "Nov. 22" tagged GPE (but "Nice" and "Reading" tagged GPE stay)
                if etext and " " in etext and etext[:1].isupper() and not etext.split()[-1][:1].isupper() \
                        and all(w.lower().strip(",.") in _RUN_ON_WORDS or w.lower().strip(",.") in FEATURE_NOUNS
                                for w in etext.split()[1:] if not w[:1].isupper()) \
                        and not self.gaz.lookup(etext):
                    # "the town of Zemio early on Thursday" tagged GPE as "Zemio early on", "in Kayamla village"
                    # as "Kayamla village": the name ends on its last capitalised word, and the words after it
                    # are read as its cues (a site's word stays: "Tahrir square")
                    words = etext.split(" ")
                    while len(words) > 1 and not words[-1][:1].isupper():
                        words.pop()
                    etext = " ".join(words).rstrip(",")
                    ee = es + len(etext)
                if not etext or not self.gaz.lookup(etext) and not self._lookup_variants(etext) \
                        or self._townless_uncued(etext, text[ee:ee + 16]):
                    # not in the gazetteer: a longer entity may still contain a place ("Thruxton, Hampshire");
                    # the whole is kept as an unlisted place ("Al-Bayaa neighbourhood", "Heart Hospital")
                    embed_zones.append((s, e, label))
                    if etext and self._unlisted_ok(etext):
                        topo = Toponym(es, ee, etext, "literal", label, reason=f"spaCy {label} entity, not in the gazetteer")
                        topo.known = False
                        i = _tok_index(tok_at, es, tokens)
                        j = _tok_index({}, ee, tokens, end=True) + 1
                        _context(tokens, i, j, topo)
                        found.append(topo)
                    continue
                i = _tok_index(tok_at, es, tokens)
                if ends is None:
                    ends = [t.end for t in tokens]
                j = max(bisect.bisect_right(ends, ee) - 1, 0) + 1  # _tok_index({}, ee, tokens, end=True) + 1
                longer = self._longest(tokens, i, taken, BLOCKED) if i < len(tokens) else None
                if longer is not None and longer[0] > j:  # "Trinidad" + "and Tobago"
                    j = longer[0]
                    ee = tokens[j - 1].end
                    etext = text[es:ee]
                    e = max(e, ee)
                topo = Toponym(es, ee, etext, "literal", label, reason=f"spaCy {label} entity in the gazetteer")
                _context(tokens, i, j, topo)
                if dateline_at(text, es, ee):
                    topo.cues.add("dateline")
                    if etext.isupper() and self._followed_by_its_state(text, ee, self.gaz.lookup(etext)):
                        topo.cues.add("state")  # "PARIS, Texas (AP)": which Paris, the state after it says
                if any(t.adj_tail for t in tokens[i:j]) or self._modifier(sdoc, es, ee, tokens, j, text, parsed) \
                        or self._mark_people(topo, tokens, j, text, self.gaz.lookup(etext)):
                    topo.role = "adjective"
                found.append(topo)
                _take(taken, starts, s, e, COVERED)
            elif label in ("ORG", "PRODUCT", "WORK_OF_ART", "EVENT") and " " not in text[s:e].strip() \
                    and tokens and tok_at.get(s) is not None \
                    and self._place_object(tokens, tok_at[s], text[s:e], text_before(tokens, tok_at[s])):
                continue  # "shelled Kupiansk" tagged ORG: the scan below takes it as a place
            elif label in ("ORG", "PRODUCT", "WORK_OF_ART", "EVENT") and self._org_is_place(text, s, e, tokens, tok_at):
                continue  # "in Dewsbury" tagged ORG: the scan below takes it as a place
            elif label in ("ORG", "NORP", "PERSON") and self._introduced_as_place(tokens, tok_at, s, e):
                continue  # "the village of Ngamdu Tsalla" tagged ORG: the scan below takes it, listed or not
            elif label in EMBED_LABELS:
                embed_zones.append((s, e, label))
            # other labels (DATE, CARDINAL, ...) neither block nor help: spaCy tags "Manbij" DATE at times

        # gazetteer scan over capitalised sequences outside entities
        n = len(tokens)
        zone_of = _zones_by_token(embed_zones, starts)
        i = 0
        while i < n:
            tok = tokens[i]
            if not tok.cap:
                k = bisect.bisect_left(caps, i)
                i = caps[k] if k < len(caps) else n
                continue
            if tok.lower in ("the", "a", "an") or taken[i]:
                i += 1
                continue
            if tok.lower == "local" and i + 1 < n and tokens[i + 1].lower == "government":
                i += 3 if i + 2 < n and tokens[i + 2].lower == "area" else 2  # the noun of "X Local Government Area"
                continue
            zone = zone_of[i]
            match = self._longest(tokens, i, taken, COVERED | BLOCKED)
            # a person's name within reach may have cut the match short: "Dera Ghazi Khan", "Khan" a PERSON
            window = taken[i + 1:i + self.MAX_NGRAM] if any_blocked else b""
            if BLOCKED in window or COVERED | BLOCKED in window:
                wider_match = self._longest(tokens, i, taken, COVERED)
                if wider_match is not None and (match is None or wider_match[0] > match[0]) \
                        and wider_match[0] - i >= 2 \
                        and any(c.match == "name" for c in self.gaz.lookup(wider_match[1])):
                    match = wider_match  # "Dera Ghazi Khan" with "Khan" tagged PERSON
            if match is not None and self._townless_only(tokens, match):
                match = None  # "Banibangou" alone: read as before, not as the district at a borrowed point
            if match is None:
                un = self._unlisted_run(tokens, i, text, taken) if zone is None else None
                if un is not None:
                    found.append(un[0])
                    _take(taken, starts, un[0].start, un[0].end, COVERED)
                    i = un[1]
                    continue
                i += 1
                continue
            j, cands_text = match
            s, e = tokens[i].start, tokens[j - 1].end
            topo = Toponym(s, e, text[s:e], "literal", "", reason="gazetteer match")
            _context(tokens, i, j, topo)
            cands = self.gaz.lookup(cands_text) or self._lookup_variants(cands_text)
            if self._followed_by_its_state(text, e, cands):
                topo.cues.add("state")
            elif dateline_at(text, s, e) \
                    and any(c.match == "name" and c.feature_class == "P" or c.match in ("name", "alt")
                            and (c.feature_class == "A" or c.population >= 1000) for c in cands):
                topo.cues.add("dateline")  # "SOUTH WAZIRISTAN, April 5 (APP):", "KABUL —"
            run_end = self._name_run_end(tokens, j)
            if j < n and tokens[j].cap and tokens[j].lower in NATURAL_NOUNS and tokens[j].start - tokens[j - 1].end <= 1 \
                    and not tokens[j - 1].possessive:
                i = j + 1  # "Niger Delta": not Niger (the whole, when listed, was the longer match)
                continue
            if j - i == 1 and tok.lower in NATURAL_NOUNS and i > 0 and tokens[i - 1].cap \
                    and tok.start - tokens[i - 1].end <= 1:
                i = j  # "Nile Delta", "Tigris River": the noun of a longer name, not Nigeria's Delta state
                continue
            if run_end > j and j - i == 1 and not any(_major_place(c) for c in cands) \
                    and not (any(t.lower in LANDMARK_NOUNS for t in tokens[j:run_end])
                             and any(c.feature_class == "P" and c.population >= 1000 for c in cands)):
                # "Wadi al-Hilu", "Sidi Ali Ben Aoun": only the first part of a longer name is listed -- the
                # part is some other place; the whole name is a place the gazetteer lacks (kept if cued)
                un = self._unlisted_run(tokens, i, text, taken) if zone is None else None
                if un is not None and un[1] >= run_end:
                    found.append(un[0])
                    _take(taken, starts, un[0].start, un[0].end, COVERED)
                i = run_end
                continue
            keep, why = self._accept(topo, tokens, i, j, cands, ner_at(s), zone, sent_starts, person_names)
            if keep:
                topo.reason = why
                demonym = all(c.match == "demonym" for c in cands)
                if zone is not None:
                    if zone[2] in PLACE_LABELS:  # "central Harare", "Thruxton, Hampshire": still a place
                        topo.role = "adjective" if demonym else "literal"
                    elif zone[2] == "NORP":  # a small model's NORP on a town ("Kisangani was captured")
                        nationality = any(c.match == "demonym" for c in cands)
                        topo.role = "adjective" if nationality or any(t.adj_tail for t in tokens[i:j]) \
                            or self._mark_people(topo, tokens, j, text, cands) else "literal"
                    elif zone[0] == s and (text[e:zone[1]].strip() in ("", ".", "'s", "’s") or "zone_place" in topo.cues
                                           or "dateline" in topo.cues) and not demonym:
                        # the whole "ORG" is the place: "in central Karachi" tagged ORG; a dateline swallowed
                        # by an entity ("DHAKA - Thousands of ..." tagged ORG) is still where the report is from
                        topo.role = "literal"
                    else:
                        topo.role = "embedded"
                        last = text[zone[0]:zone[1]].split()[-1].lower().strip(".,'’")
                        if last in SITE_ORG_NOUNS and zone[2] in ("ORG", "FAC"):
                            topo.cues.add("site_org")  # "the Lahore Press Club": a site in that town
                        if zone[2] in ("ORG", "FAC") and _site_head(text[zone[0]:s], last) in NAMED_SITE_NOUNS:
                            topo.cues.add("named_site")  # "the Manchester Academy": a site named after a place
                    topo.label = zone[2]
                elif any(t.adj_tail for t in tokens[i:j]) or all(c.match == "demonym" for c in cands) \
                        or self._mark_people(topo, tokens, j, text, cands):
                    topo.role = "adjective"
                found.append(topo)
                _take(taken, starts, s, e, COVERED)
                i = j
            else:
                un = self._unlisted_run(tokens, i, text, taken) if zone is None and j - i == 1 else None
                if un is not None and un[1] > j:  # "River Avenue": not the town "River", a street
                    found.append(un[0])
                    _take(taken, starts, un[0].start, un[0].end, COVERED)
                    i = un[1]
                    continue
                i = j if j - i > 1 else i + 1  # a rejected "Mocimboa da Praia" lends no part ("Praia") either

        # person-name trap across the document: "spokesman Mustafa Bali ... Bali said"
        for k in [c - 1 for c in caps if c and tokens[c - 1].lower in TITLE_WORDS]:  # a title before a capital
            m = k + 1
            while m < len(tokens) and m <= k + 3 and tokens[m].cap and tokens[m].start - tokens[m - 1].end <= 1:
                m += 1
            if m - k - 1 >= 2:  # a first name and a surname
                for t in tokens[k + 1:m]:
                    person_names.add(normalise(t.text))
        out = []
        for t in found:
            norm = normalise(t.text)
            if norm in person_names and " " not in norm and not t.cues & _PLACE_CUES:
                # (a person's name, but not where a place's word or the dateline makes it the place: "Police
                # Chief Anna Tyler" ... "TYLER, Texas -", "Tyler County")
                cands = self.gaz.lookup(t.text)
                if not any(c.is_country for c in cands):
                    continue
            if ("speech" in t.cues or t.prev in _SAID) and " " not in norm and not t.cues & _PLACE_CUES \
                    and _spoken(text, t.start, t.end) \
                    and speaker_named(text, t.text) \
                    and not any(c.is_country or c.is_admin1 for c in self.gaz.lookup(t.text)):
                continue  # "Jackson said" beside "Mayor Tom Jackson said": the speaker, not the dateline's town
            if "title" in t.cues and not any(c.is_country for c in self.gaz.lookup(t.text)):
                continue
            out.append(t)
        out.sort(key=lambda t: t.start)
        for t in out:
            k = tok_at.get(t.start)
            if k is not None:
                t.qual_cc = self._qualifier(tokens, k)
            if not t.qual_cc and t.role == "literal":
                t.qual_cc = self._country_of_division(text, t)
            if not t.qual_cc and t.role == "literal" and text.startswith(",", t.end):
                t.qual_cc = self._apposed_country(text, t.end)
        out.extend(self._datelines(text, out))
        out.extend(self._dateline_regions(text, out))
        for t in list(out):
            m = _ABBR_AFTER.match(text, t.end, min(len(text), t.end + 12)) if t.role == "literal" else None
            if m is None or abbreviation(m.group(1)) is None:
                continue
            s = m.start(1)
            e = s + len(m.group(1).rstrip())
            if any(o.start < e and s < o.end and o.end > e for o in out):
                continue
            out = [o for o in out if not (o.start < e and s < o.end)]  # "Mo" of "Ferguson, Mo." is the state
            state = abbreviation(m.group(1))[1]
            out.append(Toponym(s, e, text[s:e], "literal", "", cues={"abbrev", "admin"}, feature="state",
                               reason=f"state abbreviation after a town ({state})"))
        for t in out:
            if "possessive" in t.cues and _ATTACK_ON.match(text, t.end, min(len(text), t.end + 90)):
                t.cues.add("attacker")  # "Russia's Feb. 18 attack on X": the attacker, not where it happened
        for a, b in zip(out, out[1:]):
            if "dateline" in a.cues and text[a.end:b.start].strip() in (",", ""):
                b.cues.add("dateline")  # "FALLUJAH, Iraq --": the dateline's country is part of it
        out = [t for t in out if not self._agency(t, text)]
        out = self._capitals(text, out)
        out.sort(key=lambda t: t.start)
        regions = [RegionRef(m.start(), m.end(), m.group(), (m.group("dir1") or m.group("dir2")).lower().replace("far ", ""))
                   for m in _REL_REGION.finditer(text)] if _may_hold(text, ("country", "nation")) \
            and _REL_REGION_HINT.search(text) else []
        regions.extend(_bare_capitals(text, out))
        return out, regions

    def _agency(self, t: Toponym, text: str) -> bool:
        """"Damascus, SANA -", "(TASS)": a news agency written in capitals, not the place of that name;
        nor a police unit ("the SWAT"), unless it opens a line as a dateline ("SWAT: ...")."""
        if not t.text.isupper() or t.cues & {"in", "near", "feature"}:
            return False
        if t.text in unit_names():
            return not dateline_at(text, t.start, t.end)
        return t.text in agency_names()

    def _capitals(self, text: str, out: list[Toponym]) -> list[Toponym]:
        """"the Kenyan capital", "Somalia's capital", "the capital of Libya": a toponym for that country's
        capital (cue ``capital``, ``qual_cc`` its country), replacing the demonym or country inside it.
        Not when the capital is named right after ("the Syrian capital Damascus": that name stands)."""
        if "capital" not in text:
            return out  # the quick common case (every match of the pattern has the word)
        for m in _CAPITAL_OF.finditer(text):
            name = m.group("dem") or m.group("cty") or m.group("of")
            if m.group("of") is None and _CAPITAL_NAMED_AFTER.match(text, m.end()):
                continue
            if m.group("of") is not None and text.startswith(("'s", "’s"), m.end()):
                continue  # "the capital of Pakistan's Sindh province"
            if _APPOSITION.search(text, max(0, m.start() - 3), m.start()):
                continue  # "La Paz, the capital of Bolivia", "Accra, Ghana's capital": the name before stands
            kind = "demonym" if m.group("dem") else "name"
            codes: set[str] = set()
            for n in dict.fromkeys((name, name.split()[-1])):  # "In Kenya's capital": "Kenya"
                codes = {c.country_code for c in self.gaz.lookup(n) if c.is_country and c.match == kind}
                if codes:
                    break
            if len(codes) != 1:
                continue  # "the Somali capital": Somalia's (the demonym), not Ethiopia's Somali region
            s, e = m.start(), m.end()
            if m.group("cty") and n != name:
                s = text.index(n, s)
            elif text.startswith("the ", s):
                s += 4
            out = [t for t in out if not (t.start < e and s < t.end)]
            cc = next(iter(codes))
            out.append(Toponym(s, e, text[s:e], "literal", "", cues={"capital", "in"}, feature="capital",
                               qual_cc=cc, reason=f"the capital of {self.gaz.country_name(cc)}, named by its country"))
        return out

    # ---------------------------------------------------------------------
    def _place_object(self, tokens: list[Token], k: int, etext: str, before: str) -> bool:
        """A name a small model tagged PERSON or ORG that the words before it make a place: the object of
        "shelled", "stormed" ("shelled Kupiansk"), "an attack on X" for a town of 50k+, "the regional
        capital Sumy", "the countryside of Palmyra". The gazetteer must list a town or division of that name."""
        if not etext[:1].isupper():
            return False
        two_before = tokens[k - 2].lower if k >= 2 else None
        if not (before in PLACE_OBJECT_VERBS or before == "on" or (before in QUALIFIED_NOUNS and k >= 2)
                or (before == "of" and two_before is not None and (
                    two_before in NEAR_WORDS or two_before in FEATURE_NOUNS or two_before in SITE_OF_NOUNS
                    or two_before == "control"))):
            return False  # the quick common case: no word before it that could make it a place (see below)
        m = bisect.bisect_left(tokens, tokens[k].start + len(etext), lo=k, key=_TOKEN_START)
        nxt = tokens[m] if m < len(tokens) else None  # the first token after the name
        if nxt is not None and nxt.start - (tokens[k].start + len(etext)) <= 1 and nxt.text.islower() \
                and (nxt.lower.endswith("s") or nxt.lower in MODIFIED_NOUNS) and nxt.lower not in self.stops:
            return False  # "attacked Christian homes": a modifier of the noun after it
        cands = self.gaz.lookup(etext) or self._lookup_variants(etext)
        towns = [c for c in cands if c.feature_class in ("P", "A") and not c.is_country and c.match in ("name", "alt")]
        if not towns:
            return False
        if before in PLACE_OBJECT_VERBS:
            return any(c.population >= 1000 for c in towns)
        if before == "on":
            return any(c.population >= 50_000 for c in towns)
        if before == "of" and k >= 2 and (tokens[k - 2].lower in NEAR_WORDS or tokens[k - 2].lower in FEATURE_NOUNS):
            return True  # "the countryside of Palmyra", "the outskirts of Kherson"
        if before == "of" and k >= 2 and tokens[k - 2].lower in SITE_OF_NOUNS:
            # "the central market of Wad Madani", "the streets of Goma": a part of a town
            return any(c.population >= 1000 and c.feature_class == "P" for c in towns)
        if before == "of" and k >= 2 and tokens[k - 2].lower == "control":
            return any(c.population >= 1000 for c in towns)  # "took control of Ziguinchor"
        if before in QUALIFIED_NOUNS and k >= 2:
            return any(t.lower == "the" for t in tokens[max(0, k - 4):k - 1])
        return False

    def _org_is_place(self, text: str, s: int, e: int, tokens: list[Token], tok_at: dict[int, int]) -> bool:
        """An entity a small model tagged ORG that is plainly a town: "lived in Dewsbury"."""
        if not tokens:
            return False
        k = _tok_index(tok_at, s, tokens)
        if k <= 0 or tokens[k].start != s:
            return False
        after_feature = tokens[k - 1].lower == "of" and k > 1 and tokens[k - 2].lower in FEATURE_NOUNS
        nxt = text[e:e + 16].split()[:1]
        if nxt and nxt[0].lower().strip(",.;") in FEATURE_NOUNS:
            after_feature = True  # "the Nuseirat refugee camp", "Sokoto state" tagged ORG
        if tokens[k - 1].lower == "of" and k > 1 and tokens[k - 2].lower == "control":
            after_feature = True  # "took control of Kaura Namoda" tagged ORG
        if tokens[k - 1].lower not in PERSON_OVERRIDE_PREPS and tokens[k - 1].lower != "on" and not after_feature:
            return False
        etext = text[s:e]
        if etext[:4].lower() == "the ":
            return False
        cands = self.gaz.lookup(etext) or self._lookup_variants(etext)  # "Qamishli" ~ "Al Qamishli"
        return any(c.feature_class in ("P", "A") and (c.match == "name" or (after_feature and c.match == "alt")
                                                     or (c.match == "alt" and c.population >= 1000))
                   for c in cands)

    def _entity_site(self, text: str, s: int, e: int, tokens: list[Token], tok_at: dict[int, int],
                     found: list[Toponym]) -> bool:
        """An entity that names a site ("Al-Bassel Hospital" ORG, "Khillani Square" PERSON, "Kawkab"
        PRODUCT before "army base"): kept as an unlisted place (a listed place inside it, "Deir Ezzor
        Military Airport", wins in the places stage)."""
        etext, es = _strip_the(text[s:e], s)
        etext = etext.rstrip()
        i = tok_at.get(es)
        if i is None:
            return False
        j = _tok_index(tok_at, es + len(etext) - 1, tokens) + 1  # past the token holding the last character
        if j <= i:
            return False
        site, k = _site_after(tokens, i, j)
        if not site or not self._unlisted_ok(etext) or self.gaz.lookup(etext):
            return False
        end = tokens[k - 1].end
        topo = Toponym(es, end, text[es:end], "literal", "", cues={"site"}, feature=site,
                       reason=f"a named {site}, not in the gazetteer")
        topo.known = False
        _context(tokens, i, k, topo)
        topo.cues.add("site")
        found.append(topo)
        return True

    @staticmethod
    def _introduced_as_place(tokens: list[Token], tok_at: dict[int, int], s: int, e: int | None = None) -> bool:
        """An entity right after "the village of", "the town of", or right before "district", "town",
        "province" ("Chitaun district", "the Duluiyah town"): the writer says it is a place."""
        k = tok_at.get(s)
        if k is not None and k >= 2 and tokens[k - 1].lower == "of" \
                and (tokens[k - 2].lower in QUALIFIED_NOUNS or tokens[k - 2].lower in PART_NOUNS):
            return True
        if k is not None and k >= 2 and _plural_list_feature(tokens, k):
            return True  # "the villages of Huwaysis and Jubb Al-Jarrah" tagged ORG / PERSON
        if k is not None and k >= 2 and tokens[k - 1].lower == "between" and tokens[k - 2].lower in ROUTE_NOUNS:
            return True  # "on the road between Djibo and Namsiguia" tagged NORP: the two ends of a road
        if e is None:
            return False
        m = _tok_index({}, e, tokens) if tokens else -1
        nxt = m if 0 <= m < len(tokens) and tokens[m].start >= e else m + 1
        where = k is not None and k >= 1 and (tokens[k - 1].lower in PERSON_OVERRIDE_PREPS
                                              or tokens[k - 1].lower in PLACE_OBJECT_VERBS or (
            tokens[k - 1].lower == "of" and k >= 2 and tokens[k - 2].lower in DIRECTIONS))
        if where and 0 < nxt < len(tokens) and tokens[nxt - 1].end == e and _apposition_place(tokens, nxt):
            return True  # "in Sugapa, the main town of ...", "east of Furqlus, a town on ..." tagged NORP
        if where and 0 < nxt < len(tokens) and tokens[nxt - 1].end == e and _in_a_division(tokens, nxt):
            return True  # "at Manigram in Rupandehi district" tagged ORG: a place inside a division
        return 0 <= nxt < len(tokens) and tokens[nxt].start - e <= 1 and tokens[nxt].lower in FEATURE_NOUNS

    def _unlisted_run(self, tokens: list[Token], i: int, text: str, taken: bytearray) -> tuple[Toponym, int] | None:
        """A capitalised name the gazetteer lacks, introduced as a place: "the neighbourhood of Al-Bayaa",
        "Silopi town", "Betong district". It stops before a token already taken (see :func:`_take`)."""
        if not (i >= 2 and tokens[i - 1].lower == "of" and tokens[i - 2].lower in FEATURE_NOUNS) and \
                _PLACE_NOUNS.isdisjoint(map(_TOKEN_LOWER, tokens[i:i + 7])) and not _plural_list_feature(tokens, i):
            return None  # no noun near that could introduce it as a place (the common case: be quick)
        if tokens[i].lower in _LEADING_PREPOSITIONS and not tokens[i].upper:
            return None  # "In New York state", "Across Borno state": a sentence's first word is not the name's
        j = i
        while j < len(tokens) and j - i < 4:
            t = tokens[j]
            if j > i and (t.start - tokens[j - 1].end > 1 or taken[j]):
                break
            if not (t.cap or (j > i and t.lower in CONNECTORS and j + 1 < len(tokens) and tokens[j + 1].cap)):
                break
            if j > i and t.lower in CALENDAR_WORDS:
                break  # "the town of Githurai on Tuesday"
            if j > i and t.lower in ("at", "on") and not t.cap and j + 1 < len(tokens) \
                    and self.gaz.lookup(text[tokens[j + 1].start:tokens[j + 1].end]):
                break  # "an opposition MP at Entebbe airport": a preposition before a listed town
            j += 1
            if t.possessive:
                break
        while j > i + 1 and (tokens[j - 1].lower in CONNECTORS or tokens[j - 1].lower in CALENDAR_WORDS):
            j -= 1
        if j == i:
            return None
        s, e = tokens[i].start, tokens[j - 1].end
        site, k = _site_after(tokens, i, j)
        if site:
            e = tokens[k - 1].end
        topo = Toponym(s, e, text[s:e], "literal", "", reason="a name introduced as a place, not in the gazetteer")
        _context(tokens, i, max(j, k), topo)
        if site and "feature" not in topo.cues:
            topo.cues.add("site")
            topo.feature = site
            topo.reason = f"a named {site}, not in the gazetteer"
        if not topo.cues & {"feature", "site"} and i >= 1 and tokens[i - 1].lower in PERSON_OVERRIDE_PREPS \
                and tokens[i - 1].lower not in ("from", "to") and _in_a_division(tokens, j):
            topo.cues.add("feature")  # "at Manigram in Rupandehi district": a place inside a named division
            topo.reason = "a name placed inside a named division, not in the gazetteer"
        if not topo.cues & {"feature", "site"} or not self._unlisted_ok(topo.text):
            return None
        j = max(j, k)
        if any(tokens[k].lower in self.traps for k in range(i, j)) and j - i == 1:
            return None
        topo.known = False
        return topo, j

    def _followed_by_its_state(self, text: str, end: int, cands) -> bool:
        """"PLEASANTON, Calif.", "Lemay, Missouri": a name followed by the first-level division one of
        its entries lies in -- the writer's own way of saying it is a place (and which one)."""
        if not text.startswith(",", end):
            return False
        m = _ABBR_AFTER.match(text, end, min(len(text), end + 12))
        hit = abbreviation(m.group(1)) if m else None
        hit_norm = normalise(hit[1]) if hit is not None else None
        k = end + 1  # where the word after the comma starts (past the whitespace ``str.lstrip`` skips)
        n = len(text)
        while k < n and text[k].isspace():
            k += 1
        for c in cands:
            if c.is_country or c.is_admin1 or not c.admin1_key:
                continue
            state = self.gaz.admin_name(c.admin1_key)
            if hit is not None and c.country_code == hit[0] and normalise(state) == hit_norm:
                return True
            if state and text.startswith(state, k) and not text[k + len(state):k + len(state) + 1].isalnum():
                return True
        return False

    def _datelines(self, text: str, out: list[Toponym]) -> list[Toponym]:
        """"CAMP MURRAY, Wash. -": a dateline's town the gazetteer lacks, before a state abbreviation,
        is a place (located by its state); listed towns were found by the scan already."""
        new = []
        for m in _dateline_matches(text):
            s, e = m.start(1), m.end(1)
            ab = _ABBR_AFTER.match(text, e, min(len(text), e + 12))
            if ab is None or abbreviation(ab.group(1)) is None or any(o.start < e and s < o.end for o in out):
                continue
            name = text[s:e].strip()
            if normalise(name) in self.traps or len(name) < 3:
                continue
            if self.gaz.lookup(name):  # listed, though the scan passed it by ("AGUILILLA, Mich."): the resolver
                # decides, and reads the abbreviation as a state only where a town of the name lies
                new.append(Toponym(s, s + len(name), name, "literal", "", cues={"dateline"},
                                   reason="a dateline's town before a state abbreviation"))
                continue
            new.append(Toponym(s, s + len(name), name, "literal", "", cues={"dateline"}, known=False,
                               reason="a dateline's town before a state abbreviation, not in the gazetteer"))
        return new

    def _dateline_regions(self, text: str, out: list[Toponym]) -> list[Toponym]:
        """"OUAGADOUGOU, Burkina Faso - ...", "PARIS, Texas (AP) -": the country or state after a dateline's
        town in capitals is a place too, also where a small model ran it into the words after it ("Burkina
        Faso - Suspected" tagged PERSON) and so nothing took it."""
        new = []
        for m in _dateline_matches(text):
            r = _DATELINE_REGION.match(text, m.end(1), min(len(text), m.end(1) + 80))
            if r is None:
                continue
            s, e = r.start(1), r.end(1)
            if any(o.start < e and s < o.end for o in out):
                continue
            name = text[s:e]
            if any((c.is_country or c.is_admin1) and c.match in ("name", "alt") for c in self.gaz.lookup(name)):
                new.append(Toponym(s, e, name, "literal", "", cues={"dateline"},
                                   reason="the country or state of a dateline's town"))
        return new

    def _qualifier(self, tokens: list[Token], k: int) -> str:
        """The country of a demonym describing the place at tokens[k]: "the Lebanese city of X",
        "the southern Syrian town X" -> "LB" / "SY"; "" when none."""
        m = k - 1
        if m >= 1 and tokens[m].lower == "of":
            m -= 1
        if m < 1 or tokens[m].lower not in FEATURE_NOUNS:
            return ""
        d = tokens[m - 1]
        if not d.cap:
            return ""
        if m >= 2 and tokens[m - 2].cap and d.start - tokens[m - 2].end <= 1:
            return ""  # "the Northern Irish town of Omagh": "Irish" alone would say Ireland
        codes = {c.country_code for c in self.gaz.lookup(d.text) if c.match == "demonym" and c.is_country}
        return next(iter(codes)) if len(codes) == 1 else ""

    def _apposed_country(self, text: str, end: int) -> str:
        """The country of a demonym in an apposition right after a place: "Tripoli, the Libyan capital",
        "Kidal, a northern Malian town" -> "LY" / "ML"; "" when none."""
        m = _APPOSED_DEMONYM.match(text, end, min(len(text), end + 60))
        if m is None:
            return ""
        codes = {c.country_code for c in self.gaz.lookup(m.group(1)) if c.match == "demonym" and c.is_country}
        return next(iter(codes)) if len(codes) == 1 else ""

    def _townless_only(self, tokens: list[Token], match: tuple[int, str]) -> bool:
        """Whether the name matched is only that of districts no listed town is filed under (placed at a
        borrowed point, see gazetteer.TOWNLESS_DISTRICT), of one word ("Banibangou", "Noun", "Vina"), and the text
        does not call it a division ("Bui Division", "Manyu division"): such a name is read as one the gazetteer
        lacks."""
        j = match[0]
        return self._townless_uncued(match[1], tokens[j].text if j < len(tokens) else "")

    def _townless_uncued(self, name: str, after: str) -> bool:
        if " " in name.strip() or _compound_name(name.strip()):
            return False  # "North Shewa", "West Shewa", "Mayo-Sava": a name of several words is no common word
        cands = self.gaz.lookup(name)
        if not cands or not all(c.source.startswith(TOWNLESS_DISTRICT) for c in cands):
            return False
        nxt = after.split()[:1]
        return not (name.split()[-1].lower() in _TOWNLESS_CUES or (nxt and nxt[0].lower().strip(",.") in _TOWNLESS_CUES))

    def _country_of_division(self, text: str, t: Toponym) -> str:
        """The country a division's phrase names: "Cameroon's Southwest region", "the Sagaing region of
        Myanmar" -> "CM" / "MM" (the division is looked for there only: not a namesake abroad); "" when none."""
        m = _DIVISION_NOUN_AFTER.match(text, t.end, min(len(text), t.end + 60))
        if m is None:  # most toponyms: no division noun after them, no pattern tried
            return ""
        if m.group("of"):
            words = m.group("of").split()
            names = [" ".join(words[:n]) for n in range(len(words), 0, -1)]  # "South Sudan" before "South"
        else:
            b = _POSSESSOR_BEFORE.search(text, max(0, t.start - 40), t.start)
            if b is None:
                return ""
            words = b.group(1).split()
            names = [" ".join(words[-n:]) for n in range(len(words), 0, -1)]  # "South Sudan" before "Sudan"
        for name in names:
            codes = {c.country_code for c in self.gaz.lookup(name) if c.is_country and c.match in ("name", "alt")}
            if codes:
                return next(iter(codes)) if len(codes) == 1 else ""
        return ""

    @staticmethod
    def _name_run_end(tokens: list[Token], j: int) -> int:
        """Where the capitalised name that goes on at tokens[j] ends (j: it does not go on)."""
        k = j
        while k < len(tokens) and k - j < 4:
            t = tokens[k]
            if t.start - tokens[k - 1].end > 1 or tokens[k - 1].possessive or tokens[k - 1].adj_tail:
                break
            if t.lower in CALENDAR_WORDS or t.lower in FEATURE_NOUNS or t.upper:
                break
            if t.lower == "local" and k + 1 < len(tokens) and tokens[k + 1].lower == "government":
                break  # "Konduga Local Government Area": the name ends before the division's noun
            if t.cap:
                k += 1
            elif t.lower in CONNECTORS and t.lower not in ("and", "of", "on") and k + 1 < len(tokens) \
                    and tokens[k + 1].cap and tokens[k + 1].start - t.end <= 1:
                k += 2
            else:
                break
        return k

    def _unlisted_ok(self, etext: str) -> bool:
        """An entity the gazetteer lacks that may still be a place (not "Daesh", not a date)."""
        words = etext.split()
        if not words or not (etext[:1].isupper() or _ARTICLE_NAME.match(etext)) or etext[:1].isdigit():
            return False
        norm = normalise(etext)
        if norm in self.traps or norm in self.stops or len(norm) < 3:
            return False
        return not (len(words) == 1 and etext.isupper())

    def _people_of(self, name: str, tokens: list[Token], j: int, text: str, cands) -> bool:
        """"Somali troops", "Afar militia": a demonym or a people's name right before a people or force
        noun names the people, not the region of that name (Ethiopia's Somali Region, Afar Region)."""
        if j >= len(tokens) or tokens[j].lower not in people_nouns() or text[tokens[j - 1].end:tokens[j].start] != " ":
            return False
        return any(c.match == "demonym" for c in cands) or normalise(name) in people_names()

    def _mark_people(self, topo: Toponym, tokens: list[Token], j: int, text: str, cands) -> bool:
        """``_people_of``, noting the cue ``people`` (the resolver then reads the name as its country)."""
        if not self._people_of(topo.text, tokens, j, text, cands):
            return False
        topo.cues.add("people")
        return True

    def _modifier(self, sdoc, s: int, e: int, tokens: list[Token], j: int, text: str,
                  parsed: list[bool] | None = None) -> bool:
        """A country name used as a modifier: "a US soldier", "U.S. troops", "Iraqi forces".
        ``parsed``: the document's memo for :func:`_parsed`."""
        if j >= len(tokens) or tokens[j].start - e > 1 or text[e:tokens[j].start] not in (" ", ""):
            return False
        nxt = tokens[j]
        if nxt.cap or nxt.lower in self.stops or nxt.lower in LOCATIVE_PREPS or nxt.lower in SPEECH_VERBS \
                or nxt.lower in FEATURE_NOUNS or nxt.lower in NEAR_WORDS:
            return False
        if not any(c.is_country for c in self.gaz.lookup(text[s:e])):
            return False  # "a Baghdad hotel" still points at Baghdad
        if sdoc is not None:
            try:
                span = sdoc.char_span(s, e, alignment_mode="expand")
                if span is not None and _parsed(sdoc, parsed) and span.root.dep_:  # "": sentence not parsed
                    root = span.root
                    return root.dep_ in ("compound", "amod", "nmod") and root.head.pos_ in ("NOUN", "PROPN") \
                        and root.head.i > root.i
            except (ValueError, AttributeError):
                return False
        return nxt.lower.endswith(("s", "er", "or", "man", "men")) or nxt.lower in MODIFIED_NOUNS

    def _longest(self, tokens: list[Token], i: int, taken: bytearray, mask: int) -> tuple[int, str] | None:
        """The longest capitalised n-gram from tokens[i] that the gazetteer knows; it stops before a
        token whose ``taken`` flags share a bit with ``mask`` (inside an entity or an earlier match)."""
        t0 = tokens[i]
        limit = self._limits.get(t0.text)
        if limit is None:
            limit = self._limits[t0.text] = self._first_word_limit(t0.text)
        if not limit:
            if not t0.lower.startswith(ARTICLE_PREFIXES):
                return self._variant_only(t0, i)  # the common case: no listed name starts with this word
            limit = self.MAX_NGRAM + 2  # "al-Bab": a variant without the article may be listed
        n = len(tokens)
        ends = []
        j = i
        while j < n and j - i < self.MAX_NGRAM:
            t = tokens[j]
            if j > i:
                prev = tokens[j - 1]
                gap = t.start - prev.end
                # "Democratic People's Republic of Korea", "King's Lynn": a possessive inside a name
                inner_possessive = prev.possessive and gap == 3
                if (gap > 1 and not (gap == 2 and prev.lower in DOTTED_PREFIXES) and not inner_possessive) \
                        or taken[j] & mask:
                    break
                if tokens[j - 1].adj_tail:
                    break
            if t.cap or ("-" in t.text and t.text.split("-")[-1][:1].isupper()):  # "al-Numan", "ez-Zor"
                ends.append(j + 1)
            elif t.lower not in CONNECTORS:
                break
            j += 1
        for end in reversed(ends):
            # one word (the most asked): its text; "'s" goes back only on a possessive inside a longer name
            phrase = t0.text if end - i == 1 else " ".join([tk.text + ("'s" if tk.possessive and k < end - 1 else "")
                                                            for k, tk in enumerate(tokens[i:end], start=i)])
            # the words of its normal form: at most one more than its separators when it is plain ASCII (full
            # stops and apostrophes go; NFKD may add spaces beyond ASCII) -- most phrases need no normalising here
            if (not phrase.isascii() or phrase.count(" ") + phrase.count("-") + phrase.count("_") >= limit) \
                    and len(normalise(phrase).split(" ")) > limit:
                continue
            if self.gaz.lookup(phrase) or (end - i == 1 and self._lookup_variants(phrase)):
                return end, phrase
            if end - i == 2 and t0.lower in _ARTICLE_WORDS \
                    and any(self.gaz.lookup(v) for v in article_variants(phrase)[:-1]):
                return end, phrase  # "Al Turbah" listed as "At Turbah" (the bare "Turbah" is another place)
        return None

    def _prefetch_first_words(self, tokens: list[Token], caps: list[int]) -> None:
        """Ask the gazetteer at once how long the listed names opened by the article's capitalised words
        may be (see :meth:`_first_word_limit`): a word first seen in this article would otherwise cost a
        query of its own. Only a cache fills; the answers are the same."""
        limits = self._limits
        todo = {w: normalise(w).split(" ")[0] for w in {tokens[k].text for k in caps} if w not in limits}
        if not todo:
            return
        self.gaz.prefetch_first_words(todo.values())
        if len(limits) + len(todo) > 50_000:
            limits.clear()
        max_words = self.gaz.max_words
        for w, first in todo.items():  # every word's limit now (what _first_word_limit answers): no word of
            limits[w] = max_words(first) if first else 0  # this article is normalised again in the next

    def _first_word_limit(self, word: str) -> int:
        """How many words the longest listed name starting with ``word`` has (0: none)."""
        if len(self._limits) > 50_000:
            self._limits.clear()
        first = normalise(word).split(" ")[0] if word else ""
        return self.gaz.max_words(first) if first else 0

    def _variant_only(self, t0: Token, i: int) -> tuple[int, str] | None:
        """(i + 1, its text) when the word tokens[i], which no listed name starts with, is still a place
        under a spelling variant: "Qamishli" ~ "Al Qamishli"."""
        if t0.cap and not t0.upper and len(t0.text) >= 4 and "-" not in t0.text \
                and self.gaz.max_words("al") and self._lookup_variants(t0.text):
            return i + 1, t0.text
        return None

    def _lookup_variants(self, text: str):
        """Spelling variants: "al-Hol" ~ "Hol", "Al Hawl" ~ "Hawl", "Bama Town" ~ "Bama"."""
        hit = self._variants.get(text)
        if hit is None:
            if len(self._variants) > 50_000:
                self._variants.clear()
            hit = self._variants[text] = self._find_variants(text)
        return hit

    def _find_variants(self, text: str):
        if text.isascii() and text.isalpha():  # one plain word (most asked): only "Al <word>" may be listed
            if len(text) >= 4 and text[0].isupper():
                return tuple(c for c in self.gaz.lookup_norm("al " + text.lower()) if c.feature_class in ("P", "A"))
            return ()
        low = text.lower()
        words = text.split()
        if len(words) > 1 and words[-1].lower() in FEATURE_NOUNS:
            hit = self.gaz.lookup(" ".join(words[:-1]))
            if hit:
                return hit
        variants = article_variants(text)
        if variants:  # "al-Turbah" ~ "At Turbah" before "Turbah" (Turabah, Saudi Arabia)
            for v in variants:
                hit = self.gaz.lookup(v)
                if hit:
                    return hit
            return ()
        if text[:1].isupper() and " " not in text and len(text) >= 4:
            return tuple(c for c in self.gaz.lookup("Al " + text) if c.feature_class in ("P", "A"))  # "Qamishli"
        return ()

    def _accept(self, topo: Toponym, tokens: list[Token], i: int, j: int, cands, has_ner: bool,
                zone, sent_starts: set[int], person_names: set[str]) -> tuple[bool, str]:
        single = j - i == 1
        norm = normalise(topo.text)
        big = any(c.is_country or c.is_admin1 or c.feature_code in ("CONT", "RGN", "OCN", "SEA", "GULF")
                  or c.population >= 100_000 for c in cands)
        strong_cue = "feature" in topo.cues or "admin" in topo.cues or "state" in topo.cues
        first_tok = tokens[i]
        if not first_tok.upper and (norm in self.stops or (single and first_tok.lower in self.stops)):
            return False, ""
        if single and norm in self.traps and not strong_cue:
            return False, ""
        k = i
        while k > 0 and i - k < 3 and tokens[k - 1].lower in ("in", "the", "greater"):
            k -= 1
        if k >= 2 and tokens[k - 1].lower == "state" and tokens[k - 2].lower == "islamic":
            # "Islamic State Sahel", "Islamic State West Africa Province", "Islamic State in the Greater Sahara": a
            # branch's name, not a place
            return False, ""
        if single and first_tok.lower in DIRECTIONS and not strong_cue:
            return False, ""  # "the West", "Central": Cameroon's West region only when a cue says so
        if single and norm in person_names and not topo.cues & _PLACE_CUES:
            return False, ""
        bare_len = len(first_tok.text.replace(".", ""))
        if single and first_tok.upper and bare_len <= 5 and "state" not in topo.cues \
                and not any(c.match == "code" or c.name.isupper() for c in cands) \
                and not (bare_len >= 4 and any(_well_known_place(c) and c.match == "name" for c in cands)) \
                and not (is_dotted(first_tok.text) and any(_well_known_place(c) for c in cands)):
            return False, ""
        if not first_tok.upper and all(c.match == "code" for c in cands):
            return False, ""
        if zone is not None:
            if first_tok.start == zone[0] and i > 0 and j < len(tokens) and tokens[j].lower == "in" \
                    and tokens[j].start < zone[1] and (tokens[i - 1].lower in PLACE_OBJECT_VERBS
                                                       or tokens[i - 1].lower in PERSON_OVERRIDE_PREPS) \
                    and any(c.feature_class in ("P", "A") and c.match == "name" and c.population >= 1000 for c in cands):
                # "attacked Macomia in Mozambique's Cabo Delgado" tagged WORK_OF_ART whole: no name of a work
                # or a body begins with a town that a preposition or an attack verb introduces
                topo.cues.add("zone_place")
                return True, f"gazetteer match after '{tokens[i - 1].lower}' opening a {zone[2]} entity that goes on 'in ...'"
            # inside an organisation's (or an unknown place's) name: a well-known place at its head
            # ("Syrian Observatory", "Washington Post") or after "of" ("University of Alberta")
            if not big:
                return False, ""
            if zone[2] in PLACE_LABELS and all(c.match == "demonym" for c in cands):
                return False, ""  # "French Quarter"
            head = first_tok.start == zone[0] or text_before(tokens, i) in ("of", "the", "for", "in")
            national = any(c.is_country or c.is_admin1 or c.feature_code in ("CONT", "RGN") for c in cands)
            if head or national or zone[2] in PLACE_LABELS:
                return True, f"well-known place inside {zone[2]} entity"
            return False, ""
        at_sentence_start = first_tok.start in sent_starts or i == 0 or tokens[i - 1].text in (".", "”", "“")
        if "speech" in topo.cues and single and i > 0 and tokens[i - 1].cap and not tokens[i - 1].upper \
                and tokens[i].start - tokens[i - 1].end == 1 and not self.gaz.lookup(tokens[i - 1].text):
            return False, ""  # "Mustafa Bali said": a surname before a speech verb (no NER to say so)
        if "resident" in topo.cues and any(c.feature_class in ("P", "A") and c.match == "name" and c.population >= 1000
                                           for c in cands):
            return True, "gazetteer match said of as a place (\"X residents\", \"X was calm\")"
        if "dateline" in topo.cues:
            return True, "a listed place in capitals opening a line (a dateline)"
        if "state" in topo.cues:
            return True, "gazetteer match followed by its state or province (\"Pleasanton, Calif.\")"
        if strong_cue:
            return True, f"gazetteer match after place cue ({topo.feature})"
        if big:
            if at_sentence_start and single and first_tok.lower in self.stops:
                return False, ""
            return True, "gazetteer match: country, province or city of 100k+"
        if "in" in topo.cues or "near" in topo.cues or "direction" in topo.cues:
            if "speech" in topo.cues:
                return False, ""
            if has_ner and single and not any(c.population >= 1000 or c.feature_class != "P" for c in cands):
                if not self._in_named_division(tokens, j, cands):
                    return False, ""
                # "its camp in Tessalit in the northern Kidal region": a village GeoNames lists without a
                # population, in the very province the text puts it in
                return True, f"gazetteer match after '{topo.prev}', in the division named after it"
            return True, f"gazetteer match after '{topo.prev}'"
        if "from" in topo.cues and not has_ner and "speech" not in topo.cues \
                and any(c.feature_class in ("P", "A") and c.match == "name" and c.population >= 1000 for c in cands):
            return True, "gazetteer match after 'from' (no NER on the sentence)"  # "launched from Sukma"
        if not has_ner and not at_sentence_start and not single and any(c.population >= 5000 for c in cands):
            return True, "multi-word gazetteer match (no NER)"
        return False, ""

    def _in_named_division(self, tokens: list[Token], j: int, cands) -> bool:
        """Whether the words after a name ("X in the northern Kidal region", "X, Kidal region", "X in
        Masisi territory") name a first- or second-level division that holds one of its candidates."""
        k = j
        if k < len(tokens) and tokens[k].lower in ("in", ",", "of"):
            k += 1
        while k < len(tokens) and (tokens[k].lower in ("the", "a") or tokens[k].lower in DIRECTIONS
                                   or tokens[k].lower in ("far",)):
            k += 1
        if k >= len(tokens) or k == j or not tokens[k].cap:
            return False
        for n in (3, 2, 1):
            if k + n > len(tokens):
                continue
            name = " ".join(t.text for t in tokens[k:k + n])
            for d in self.gaz.lookup(name):
                if d.feature_code not in ("ADM1", "ADM2") or d.match not in ("name", "alt"):
                    continue
                key = d.admin1_key if d.feature_code == "ADM1" else d.admin2_key
                if any(c.feature_class == "P" and key and key in (c.admin1_key, c.admin2_key) for c in cands):
                    return True
        return False


# prepositions capitalised only because they open a sentence ("In Kano state, ..."): never a name's first word
_LEADING_PREPOSITIONS = frozenset({"in", "across", "at", "near", "from", "during", "throughout", "outside", "inside",
                                   "around", "along", "within", "into", "to", "for", "after", "before", "since",
                                   "between", "beyond", "towards", "toward", "through", "over", "under"})


# where someone went or was taken, not where the event happened: "as he was about to board a flight to
# Guwahati", "cattle were taken towards the Nigerian border", "fled toward the border with Niger"
_DESTINATION_BEFORE = re.compile(
    r"\b(?:flights?|fl(?:y|ying|ew|own)|bound|head(?:ed|ing|s)?|travel(?:l?ed|l?ing|s)?|leav(?:e|es|ing)|left|"
    r"depart(?:ed|ing|s)?|fle(?:e|d|eing|es)|escap(?:e|ed|ing)|retreat(?:ed|ing)?|withdr(?:ew|awn|awing)|"
    r"taken|driven|drove|herded|deported|extradited|airlifted|evacuated|rushed|transferred|smuggled|trafficked|"
    # "he was later shifted to Guwahati", "brought to Delhi for questioning", "whisked away to Islamabad"
    r"shifted|brought|whisked|ferried|repatriated|"
    r"en\s+route)\s+(?:[\w'’-]+\s+){0,3}?(?:to|for|towards?|into)\s+(?:the\s+)?"
    r"(?:(?:border|frontier)\s+with\s+(?:the\s+)?|(?:neighbou?ring|nearby)\s+)?$", re.I)


def destination_before(text: str, start: int) -> bool:
    """Whether the place starting at ``start`` is where someone went or was taken ("a flight to Guwahati",
    "taken towards the Nigerian border"), told in the words just before it."""
    if start < 4:
        return False
    # the quick no (most places follow "in", "of", "near"): the word before, past "the", "border with",
    # "neighbouring", must be "to", "for", "towards" or "into"
    words = text[max(0, start - 40):start].lower().split()
    if words and words[-1] == "the":
        words.pop()
    if len(words) >= 2 and words[-1] == "with" and words[-2] in ("border", "frontier"):
        del words[-2:]
        if words and words[-1] == "the":
            words.pop()
    if words and words[-1] in ("neighbouring", "neighboring", "nearby"):
        words.pop()
    if not words or words[-1] not in _DESTINATION_PREPOSITIONS:
        return False
    return bool(_DESTINATION_BEFORE.search(text, max(0, start - 70), start))


_DESTINATION_PREPOSITIONS = frozenset({"to", "for", "towards", "toward", "into"})


def _strip_lga(text: str, s: int, e: int, label: str) -> tuple[int, int, str]:
    """"Konduga Local Government Area" (tagged ORG) -> the span of "Konduga", a place: the words after it
    say it is a second-level division, and the cue reader sees them there."""
    low = text[s:e].lower()
    if "l" not in low or "local" not in low and "lg" not in low and "l.g" not in low:
        return s, e, label  # the quick no: every match holds one of these (no other letter folds to them)
    m = _LGA_SUFFIX.search(text, s, e)
    if m is None or m.start() <= s:
        return s, e, label
    return s, m.start(), "GPE"


def _site_after(tokens: list[Token], i: int, j: int) -> tuple[str, int]:
    """("airport", end) when the name tokens[i:j] is a site's: "Al-Bassel Hospital", "T-4 Airport"
    (the noun is part of the name) or "Kawkab army base", "the Tiyas airbase" (a lower-case noun
    follows); ("", j) otherwise."""
    last = tokens[j - 1].lower
    if j - i >= 2 and last in SITE_NOUNS:
        return last, j
    k = j
    while k < len(tokens) and k - j < 2 and tokens[k].start - tokens[k - 1].end <= 1 and not tokens[k].cap:
        if tokens[k].lower in SITE_NOUNS:
            return tokens[k].lower, k + 1
        if tokens[k].lower not in SITE_MODIFIERS:
            break
        k += 1
    return "", j


def _major_place(c) -> bool:
    """A country, province, capital or big town under its own name ("Kabul Airport" still names Kabul)."""
    return c.is_country or c.is_admin1 or c.feature_code in ("PPLC", "CONT") \
        or (c.is_admin and c.match == "name") or (c.feature_class == "P" and c.population >= 100_000)


def _well_known_place(c) -> bool:
    return c.is_country or c.is_admin1 or c.feature_code == "PPLC" or c.population >= 100_000


_DOTTED = re.compile(r"(?:[A-Z]\.){2,3}")


def is_dotted(text: str) -> bool:
    """"D.C.", "U.K.": capitals with full stops are written as abbreviations of a name, not as words."""
    return bool(_DOTTED.fullmatch(text))


def _bare_capitals(text: str, out: list[Toponym]) -> list[RegionRef]:
    """"in the capital", "the country's capital": the capital of the article's country, when no name says
    which ("the capital Kabul", "the capital of Borno", "Bamako, the capital" name it) and no toponym
    covers it."""
    refs: list[RegionRef] = []
    if "capital" not in text:
        return refs  # the quick common case (every match of the pattern has the word)
    for m in _BARE_CAPITAL.finditer(text):
        if not _CAPITAL_PART_AFTER.match(text, m.end()) and (
                _CAPITAL_NAMED_AFTER.match(text, m.end()) or _APPOSITION.search(text, max(0, m.start() - 3), m.start())):
            continue
        if _PART_OF.search(text, max(0, m.start() - 40), m.start()):
            continue  # "the Mirpur area of the capital": a part of the capital is where
        if any(t.start < m.end() and m.start() < t.end for t in out):
            continue
        refs.append(RegionRef(m.start(), m.end(), m.group(), "capital"))
    return refs


def text_before(tokens: list[Token], i: int) -> str:
    return tokens[i - 1].lower if i > 0 else ""


def _parsed(sdoc, memo: list[bool] | None) -> bool:
    """``sdoc.has_annotation("DEP")``, asked once per document (``memo``: [] before, [answer] after): on a
    document with no parse spaCy looks at every token before it says no."""
    if memo is None:
        return bool(sdoc.has_annotation("DEP"))
    if not memo:
        memo.append(bool(sdoc.has_annotation("DEP")))
    return memo[0]


# the characters beyond ASCII that a case-insensitive pattern matches with an ASCII letter (all of them:
# tests/test_places_speed.py checks every code point)
ASCII_FOLDS = ("\u0130", "\u0131", "\u017f", "\u212a")  # İ ı ſ K (Kelvin)
_LOWERED: tuple[str, str] = ("", "")  # (the last text lowered, its lower case): the recognizer and resolver share it


def lowered(text: str) -> str:
    """``text.lower()``, worked out once for the article (the last text asked for is kept)."""
    global _LOWERED
    memo = _LOWERED
    if memo[0] is text:
        return memo[1]
    low = text.lower()
    _LOWERED = (text, low)
    return low


def _may_hold(text: str, words: tuple[str, ...]) -> bool:
    """False when no case-insensitive pattern made of ASCII words can match ``text`` unless it holds one of
    ``words`` (lower case) in some case: the lower-cased text lacks them all, and ``text`` has none of the
    characters beyond ASCII such a pattern matches with an ASCII letter. A quick no before a search."""
    if any(c in text for c in ASCII_FOLDS):
        return True
    low = lowered(text)
    return any(w in low for w in words)


def _has_ner(sdoc) -> bool:
    try:
        return bool(sdoc.has_annotation("ENT_IOB"))
    except Exception:  # noqa: BLE001 - any spaCy oddity means: no NER
        return False


def _ner_scope(doc_has_ner: bool, ner_spans: list[tuple[int, int]] | None) -> Callable[[int], bool]:
    """Whether the entity recogniser ran at a character offset. The nlp stage may run NER on some
    sentences only (``doc.meta["ner_sentences"]``); a sentence it skipped has no entities, and a
    missing entity there says nothing about whether a name is a place."""
    if not doc_has_ner:
        return lambda pos: False
    if ner_spans is None:
        return lambda pos: True
    starts = [s for s, _ in ner_spans]

    def covered(pos: int) -> bool:
        k = bisect.bisect_right(starts, pos) - 1
        return k >= 0 and pos < ner_spans[k][1]

    return covered


COVERED, BLOCKED = 1, 2  # a token's start lies in a place found / in a person's name


def _take(taken: bytearray, starts: list[int], s: int, e: int, kind: int) -> None:
    """Flag the tokens whose start lies in [s, e) as ``kind``: one flag per token, so asking whether a
    token is taken costs the same however many entities and matches the article has."""
    for k in range(bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)):
        taken[k] |= kind


def _zones_by_token(zones: list[tuple[int, int, str]], starts: list[int]) -> list[tuple[int, int, str] | None]:
    """For each token, the first of ``zones`` its start lies in (None: none)."""
    out: list[tuple[int, int, str] | None] = [None] * len(starts)
    for z in reversed(zones):  # the first zone is written last, so it wins
        for k in range(bisect.bisect_left(starts, z[0]), bisect.bisect_left(starts, z[1])):
            out[k] = z
    return out


def _tok_index(index: dict[int, int], pos: int, tokens: list[Token], end: bool = False) -> int:
    """The token starting (``end``: ending) at ``pos``, else the last one starting (ending) before it."""
    k = index.get(pos)
    if k is not None:
        return k
    return max(bisect.bisect_right(tokens, pos, key=_TOKEN_END if end else _TOKEN_START) - 1, 0)


_TOKEN_START, _TOKEN_END, _TOKEN_LOWER = attrgetter("start"), attrgetter("end"), attrgetter("lower")
