"""Toponym resolution: which gazetteer entry each recognised name means.

A deterministic, explainable ranking (every point is written into ``why``):

1. a prior from the entry itself: population (log scale), feature class
   (countries, first-level divisions, capitals and continents first), and how
   the name matched (main name, alternate name, demonym, code);
2. cue words: "X province" favours divisions, "the village of X" towns;
3. the document focus country (CLIFF-style vote over the first-pass picks of
   the article's *other* names: an ambiguous name never vouches for itself);
4. a division or country named next to it ("Paris, Texas") or elsewhere in
   the article;
5. proximity to the other places of the article;
6. "against Portland": a sports opponent is the best-known town of the name.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ..resources import load_csv
from .gazetteer import TOWNLESS_DISTRICT, Candidate, Gazetteer, distance_km, normalise
from .recognize import ADMIN_NOUNS as ADMIN_WORDS
from .recognize import FEATURE_NOUNS as FEATURE_WORDS
from .recognize import _ABBR_AFTER, Toponym, _may_hold, abbreviation, article_variants, destination_before, is_dotted
from .recognize import SITE_NOUNS as SITE_WORDS
from .recognize import _compound_name

POP_WEIGHT = 1.5  # points per tenfold population
ADMIN_SENT, ADMIN_DOC = 2.5, 1.5  # its first-level division named in the sentence / the article
NEAR_300, NEAR_1000 = 2.0, 1.0  # within 300 / 1000 km of another place of the article
# a village (under 10,000 people) within 100 km of another place of the article: 1 point more -- the
# population of villages says little about which one a story means
VILLAGE_NEAR, VILLAGE_NEAR_KM, VILLAGE_POPULATION = 1.0, 100, 10_000
COUNTY_STATE = 5.0  # a county whose state is the only one holding every county its sentence names
AREA_CODES = frozenset({"CONT", "RGN", "OCN", "SEA", "GULF", "LK", "PEN"})
TOWN_FEATURES = frozenset({"village", "town", "city", "neighbourhood", "neighborhood", "suburb", "camp", "hamlet",
                           "settlement", "capital", "port", "locality", "township", "refugee"})


@dataclass(slots=True)
class Resolved:
    topo: Toponym
    cand: Candidate
    score: float  # 0..1 confidence of the pick
    why: str
    points: float = 0.0
    runner_up: Candidate | None = None
    parts: list[str] = field(default_factory=list)
    doubt: str = ""  # why the pick is doubted as where an event happened (see Resolver._far_abroad)


def _fmt_pop(p: int) -> str:
    if p >= 1_000_000:
        return f"{p / 1e6:.1f}M"
    if p >= 1000:
        return f"{p // 1000}k"
    return str(p)


def describe(c: Candidate, gaz: Gazetteer) -> str:
    bits = [c.name]
    a1 = gaz.admin_name(c.admin1_key) if c.admin1_key and not c.is_admin1 else ""
    if a1 and normalise(a1) != normalise(c.name):
        bits.append(a1)
    cn = gaz.country_name(c.country_code) if not c.is_country else ""
    if cn:
        bits.append(cn)
    return ", ".join(bits) + f" ({c.feature_code}, pop {_fmt_pop(c.population)})"




# a country's name as a state's, not a town's: "Costa Rica's president", "the embassy of Costa Rica"
_STATE_AFTER = re.compile(r"['’]s\s+(?:\w+\s+){0,2}?(?:president|government|foreign|prime|ministers?|ministry|army|armed|"
                          r"military|navy|national|embassy|ambassador|parliament|congress|senate|economy|capital|"
                          r"border|coast|league|team|people|leaders?|authorities|police|troops|forces|officials|"
                          r"state|states|territory|soil|citizens|nationals|interior|defen[cs]e)\b", re.I)
_STATE_BEFORE = re.compile(r"\b(?:embassy|ambassador|consulate|president|government|minister|envoy|citizens?|"
                           r"nationals?|border|republic|kingdom)\s+(?:of|to|in|with)\s+(?:the\s+)?$", re.I)
# the words that make a name a town's: "the road from X", "from X to Y", "X's market", "the sindicatura of X"
_ROAD_BEFORE = re.compile(r"\b(?:road|highway|motorway|route|track|trail|journey|drive|bus|convoy)\s+(?:\w+\s+){0,2}?"
                          r"(?:from|between|linking|connecting|to)\s+$", re.I)
_FROM_BEFORE = re.compile(r"\b(?:from|between)\s+$", re.I)
_TO_AFTER = re.compile(r"\s+(?:to|and)\s+(?:the\s+)?(?:(?:town|city|village|community)\s+of\s+)?[A-Z]")
_LOCAL_POSSESSIVE = re.compile(r"['’]s\s+(?:\w+\s+)?(market|square|outskirts|streets?|residents|mayor|town\s+hall|"
                               r"cemetery|bus\s+station|plaza|neighbou?rhoods?|main\s+road|downtown|church|"
                               r"police\s+station|municipal)\b", re.I)
# a country crossed or reached: "cocaine moved through Costa Rica", "migrants deported to Honduras"
_ACROSS_BEFORE = re.compile(r"\b(?:through|via|across|into|to|from|toward|towards|throughout)\s+$", re.I)
_PART_OF_BEFORE = re.compile(r"\b(?:area|neighbou?rhood|quarter|suburb|locality)\s+of\s+(?:the\s+)?$", re.I)
# two towns in a list or a road's ends: "Costa Rica and Eldorado", "Costa Rica, Eldorado", "Costa Rica-Eldorado"
_LIST_GAP = re.compile(r"\s*(?:,|and|or|to|-|–|/)\s*(?:(?:and|or)\s+)?")
# "Cuba, a town of Guanajuato state", "Jordan, a small village in ..."
_TOWN_APPOSITION = re.compile(r"\s*,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(town|village|city|community|hamlet|"
                              r"settlement|locality|township|neighbou?rhood|suburb)\b", re.I)
_LOCAL_UNIT = re.compile(r"\b(?:sindicaturas?|municipality|municipio|commune|ejido|colonias?|barangays?|parish|"
                         r"comuna|corregimiento|vereda|aldea|kebele|woreda|upazila|tehsil|sub-?district)\b", re.I)


# a person's own move before a destination ("the former minister, who fled to India", "after he fled to")
_PERSON_WENT = re.compile(r"\b(?:who|whom|he|she|his|her)\b[^.;!?]{0,55}$", re.I)
_COMPASS_JOINED = re.compile(r"(north|south)(east|west)\b", re.I)
# "Southwest", "South-West", "North West region": a compass name, which every country has a part of
_COMPASS_NAME = re.compile(r"(?:north|south)[\s-]?(?:east|west)(?:ern)?(?:\s+(?:region|province|state|zone))?$", re.I)
_DIVISION_WORDS = ADMIN_WORDS | {"township", "local", "lga", "sub-county", "subcounty", "cercle", "regency"}


# ", south of ", ", 20 km north-east of ", " some 30 miles west of the town of ": the words between a place and the
# town it is placed from
_OFF_A_TOWN = re.compile(r"\s*,?\s*(?:(?:about|some|around|nearly|roughly)\s+)?(?:\d+\s*(?:km|kilometres|kilometers|"
                         r"miles)\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+(?:of|from)\s+"
                         r"(?:the\s+(?:town|city)\s+of\s+)?", re.I)


def _hyphen_part(t: Toponym, text: str) -> bool:
    """Whether the toponym is one part of a hyphenated word of capitalised parts ("Tillaberi-Nord",
    "Kouri-Kouri"): the recognizer splits such a word only when the gazetteer lacks it whole."""
    e, s = t.end, t.start
    return (e + 1 < len(text) and text[e] == "-" and text[e + 1].isupper()) or \
        (s >= 2 and text[s - 1] == "-" and text[s - 2].isalpha() and text[s:s + 1].isupper())


_NEXT_WORD = re.compile(r" ([A-Z][a-z\u00e0-\u00ff]+)\b")
_NOT_NAME_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                             "february", "march", "april", "may", "june", "july", "august", "september", "october",
                             "november", "december"})


def _name_part(t: Toponym, text: str) -> bool:
    """Whether the match is the first word of a longer capitalised name it does not cover ("Cano Limoncito",
    "Caño Limoncito": not Kano, Nigeria): the next word, a space away, is capitalised and no kind word ("Kano
    State", "Gaza City"), site word ("Kabul Airport"), month or weekday."""
    if " " in t.text or not text.startswith(" ", t.end) or t.text.endswith(".") or "abbrev" in t.cues:
        return False
    m = _NEXT_WORD.match(text, t.end, t.end + 30)
    if m is None:
        return False
    w = m.group(1).lower()
    return w not in FEATURE_WORDS and w not in ADMIN_WORDS and w not in SITE_WORDS and w not in _NOT_NAME_WORDS


def _division_cued(t: Toponym) -> bool:
    """Whether the text calls the toponym a division ("the North Shewa zone", "Bui division") or names it in
    several words ("North Shewa")."""
    words = t.text.lower().split()
    # a name of several words ("North Shewa", "West Shewa") is no common word: the division also when bare --
    # nor is a hyphenated compound of capitalised parts ("Mayo-Sava", "Logone-et-Chari")
    return "admin" in t.cues or t.feature in _DIVISION_WORDS or len(words) > 1 or _compound_name(t.text)


class Resolver:
    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self._admin1_keys: dict[tuple[str, str], str] = {}
        for key, a in gaz.admins.items():
            if a[1] == 1 and key.count(".") == 1:
                for n in (a[2], a[3]):
                    self._admin1_keys.setdefault((a[0], normalise(n)), key)
        self._described: dict[int, str] = {}  # candidate id -> describe(): the same places in every article
        # (entry id, how the name matched, named, the toponym as the prior reads it) -> points: a prior reads
        # only these (the gazetteer is read-only, an entry id and match kind are one row), so it holds across
        # articles; nothing else of an article goes into it
        self._priors: dict[tuple, float] = {}

    def abbreviated_admin1(self, text: str, end: int) -> tuple[str, str]:
        """(admin1 key, abbreviation) of "Gainesville, Va." after a name ending at ``end``; ("", "")."""
        if not text.startswith(",", end):
            return "", ""  # the quick no: the pattern opens with the comma
        m = _ABBR_AFTER.match(text, end, min(len(text), end + 12))
        if not m:
            return "", ""
        hit = abbreviation(m.group(1))
        if not hit:
            return "", ""
        return self._admin1_keys.get((hit[0], normalise(hit[1])), ""), m.group(1).strip()

    def candidates(self, t: Toponym) -> list[Candidate]:
        if "abbrev" in t.cues:  # "Va." after "Gainesville, ": the state
            hit = abbreviation(t.text)
            if not hit:
                return []
            key = self._admin1_keys.get((hit[0], normalise(hit[1])), "")
            return [c for c in self.gaz.lookup(hit[1]) if c.is_admin1 and c.admin1_key == key][:1]
        if "capital" in t.cues and t.qual_cc:  # "the Kenyan capital"
            cap = self.gaz.capital_place(t.qual_cc)
            return [cap] if cap is not None else []
        cands = self._with_compass_split(t.text, list(self.gaz.lookup(t.text)))
        words = t.text.split()
        if cands and len(words) > 1 and words[-1].islower() and words[-1] in FEATURE_WORDS \
                and all(c.match == "alt" for c in cands):
            # "Derby city centre": a lower-case kind word after a name describes it ("Mexico City", "Quezon
            # City" are names); "Derby City" as another name of Festus, Missouri is not what it means when
            # "Derby" is a place's own name
            # ("Southwest region": the name without its kind word split like the whole, see _with_compass_split)
            base = self._with_compass_split(" ".join(words[:-1]), list(self.gaz.lookup(" ".join(words[:-1]))))
            if any(c.match == "name" for c in base):
                cands = base
                if not t.feature:
                    t.feature = words[-1]
                if words[-1] in ADMIN_WORDS:
                    t.cues.add("admin")
        if cands and all(c.match == "alt" for c in cands):
            # "Shabwa" is another name of Sha Bwa (Myanmar) only; "Shabwah" is the Yemeni province's own name:
            # the transliteration with or without a final "h" competes as the place's own name
            for v in _final_h_variants(t.text):
                cands.extend(c for c in self.gaz.lookup(v) if c.match == "name")
        if not cands and len(words) > 1 and words[-1].lower() in FEATURE_WORDS:
            # "Bama Town", "Henan Province"; "Southwest region" -- Cameroon's South-West, not "Sector 5" of
            # Dubai, which GeoNames also calls "Southwest": the name without its kind word is split like the whole
            base = " ".join(words[:-1])
            cands = self._with_compass_split(base, list(self.gaz.lookup(base)))
            if cands and words[-1].lower() in ADMIN_WORDS:
                t.cues.add("admin")
                t.feature = words[-1].lower()
        if not cands:
            variants = article_variants(t.text)
            for v in variants:  # "al-Turbah" ~ "At Turbah" before "Turbah" (Turabah, Saudi Arabia)
                cands = list(self.gaz.lookup(v))
                if cands:
                    break
            if not variants:
                if t.text[:1].isupper() and " " not in t.text and len(t.text) >= 4:  # "Qamishli" ~ "Al Qamishli"
                    cands = [c for c in self.gaz.lookup("Al " + t.text) if c.feature_class in ("P", "A")]
        if cands and any(c.source.startswith(TOWNLESS_DISTRICT) for c in cands) and not _division_cued(t):
            # a district no listed town is filed under stands at a borrowed point: taken only where the text
            # calls the name a division ("the North Shewa zone"), not for a bare word ("Noun", "Vina")
            cands = [c for c in cands if not c.source.startswith(TOWNLESS_DISTRICT)]
        elif cands and any(c.source.startswith(TOWNLESS_DISTRICT) for c in cands):
            # a place bearing the name as its own is listed ("the Gotheye department", "the department of Tera"):
            # that reading, as before -- the town the places named around it are located by, not the district
            # at a borrowed point (nor a namesake district abroad: a community of Cyprus called Tera)
            others = [c for c in cands if not c.source.startswith(TOWNLESS_DISTRICT)]
            if any(c.match == "name" for c in others):
                cands = others
        if not cands:
            return []
        if t.qual_cc and t.role == "literal" and not any(c.country_code == t.qual_cc for c in cands):
            # "the southern Lebanese village of Houla": a Syrian Houla is not it; the village is unlisted
            return []
        dem = [c for c in cands if c.match == "demonym"]
        if t.role in ("adjective", "embedded") and dem:
            cands = dem  # "Somali forces": Somalia, not Ethiopia's Somali region
        elif "people" in t.cues and t.role == "adjective":
            # "Afar militia", "Amhara forces": a people of the country, not the region named after it
            countries = {c.country_code: self.gaz.country_place(c.country_code) for c in cands if c.country_code}
            cands = [c for c in countries.values() if c is not None]
        elif len(dem) < len(cands):
            others = [c for c in cands if c.match != "demonym"]
            if dem and not any(_well_known(c) or c.is_admin1 for c in others):
                cands = dem  # "English" is England's adjective, not English, Indiana
            else:
                cands = others
        bare0 = t.text.replace(".", "")
        if len(bare0) <= 2 and not bare0.isupper():
            return []  # "La", "Al": not names on their own
        bare = t.text.replace(".", "").replace("&", "")
        upper = bare.isupper() and len(bare) <= 5
        if upper:  # "US", "UK", "EU": codes and names written in capitals only
            coded = [c for c in cands if c.match == "code" or c.name.isupper()]
            if not coded and (len(bare) >= 4 or is_dotted(t.text)):  # "SEOUL", "GAZA" in a dateline; "D.C."
                coded = [c for c in cands if (c.match == "name" or is_dotted(t.text)) and _well_known(c)]
            if "state" in t.cues and len(bare) >= 4 and not is_dotted(t.text):
                # "PARIS, Texas (AP)", "JACKSON, Miss.": a dateline town in capitals followed by its state is
                # any town of that name, not only the well-known one (the state after it says which)
                ids = {c.id for c in coded}
                coded += [c for c in cands if c.match == "name" and c.id not in ids and not c.is_country]
            cands = coded
        else:
            cands = [c for c in cands if c.match != "code"]
        if t.role == "embedded":  # inside an organisation's name: only well-known places
            cands = [c for c in cands if _well_known(c)]
        # one entry per place (a name may match several ways)
        seen: dict[int, Candidate] = {}
        for c in cands:
            if c.id not in seen or _MATCH_RANK[c.match] < _MATCH_RANK[seen[c.id].match]:
                seen[c.id] = c
        return list(seen.values())

    def _with_compass_split(self, name: str, cands: list[Candidate]) -> list[Candidate]:
        """``cands`` (the look-up of ``name``) and, for a compass name written in one word ("Southwest",
        "Northwest"), the divisions written in two words: "Southwest" is Cameroon's South-West (and Sud-Ouest,
        Nord-Ouest ...), beside whatever bears the one-word form (a district of Dubai)."""
        if name[:1] in "NSns" and _COMPASS_JOINED.match(name):
            split = _COMPASS_JOINED.sub(r"\1 \2", name, count=1)
            ids = {c.id for c in cands}
            cands.extend(c for c in self.gaz.lookup(split) if c.is_admin and c.id not in ids)
        return cands

    # ------------------------------------------------------------------
    def prior(self, t: Toponym, c: Candidate, parts: list[str] | None, named: bool = False,
              priors: dict | None = None) -> float:
        if parts is None:  # points only: asked again of the same name and entry while scoring (see __call__)
            if priors is None:
                priors = self._priors
            # all the prior reads of the toponym and the entry: every mention of a name, in this article or
            # another, cued alike, shares it
            key = (c.id, c.match, named, t.text, t.role, t.feature, "admin" in t.cues)
            hit = priors.get(key)
            if hit is not None:
                return hit
        p = POP_WEIGHT * math.log10(c.population + 10)
        add = _Adder(parts)
        add(p, lambda: f"population {_fmt_pop(c.population)}")
        if c.is_country:
            add(4.0, "a country")
        elif c.feature_code in AREA_CODES:
            add(3.0, "a continent/region")
        elif c.is_admin1:
            add(2.0, "a first-level division")
        elif c.feature_code == "PPLC":
            add(2.0, "a national capital")
        elif c.feature_code == "ADM2":
            add(0.5, "a second-level division")
        if c.match == "alt" and normalise(c.name) != normalise(t.text) and _saint_form(c.name) == _saint_form(t.text):
            pass  # "St. Petersburg" for Saint Petersburg: its own name, abbreviated
        elif c.match == "alt":
            add(-1.0, "alternate name")
            if not named and _unlike(c.name, t.text):
                # "Sloviansk" is listed as a name of Slovyansk and (wrongly) of Nikopol: a spelling of the
                # place's own name is likelier its name than a word that shares nothing with it. (Among
                # alternates only: against a place bearing the name as its own -- "Calcutta", a hamlet in
                # South Africa, for Kolkata -- the penalty below already tells, and an old name of a city
                # is unlike its new one.)
                add(-0.8, lambda: f"unlike the place's own name, {c.name}")
            if named:
                add(-1.5, "other places bear this as their main name")
        elif c.match == "demonym" and t.role != "adjective":
            add(-2.0, "demonym used as a name")
        elif c.match == "code" and not t.text.replace(".", "").isupper():
            add(-3.0, "code written in lower case")
        if "admin" in t.cues:
            if c.is_admin:
                add(4.0, lambda: f"'{t.feature}' names a division")
            elif c.feature_class == "P":
                add(-2.0, lambda: f"'{t.feature}' names a division, not a town")
        elif t.feature in TOWN_FEATURES:
            if c.feature_class == "P":
                add(3.0, lambda: f"'{t.feature}' names a town")
            elif c.is_admin or c.feature_code in AREA_CODES:
                add(-3.0, lambda: f"'{t.feature}' names a town, not a {c.feature_code}")
        if parts is None:
            if len(priors) > 100_000:
                priors.clear()
            priors[key] = add.total
        return add.total

    def __call__(self, toponyms: list[Toponym], text: str = "", sentences: list[tuple[int, int]] | None = None) -> list[Resolved]:
        priors = self._priors  # (entry, named, toponym as the prior reads it) -> points (see __init__)
        if text:
            for t in toponyms:
                if destination_before(text, t.start):
                    t.cues.add("destination")  # "refugees fled to Chad": where they went casts no focus vote
                if t.text[:1] in "NSns" and _COMPASS_NAME.match(t.text):
                    t.cues.add("compass_word")  # "Southwest region": a part of some country, whichever is meant
                if _hyphen_part(t, text) or _name_part(t, text):
                    # "Tillaberi-Nord", "Kouri-Kouri", "Cano Limoncito": the match is a part of a longer name
                    t.cues.add("part_of_name")
        cand_lists = [self.candidates(t) for t in toponyms]
        for k, t in enumerate(toponyms):
            # "Gainesville, Va." is Virginia only if a Gainesville is there: "APATZINGAN, Mich." (a Mexican
            # dateline: Michoacan) is not Michigan when no Apatzingan lies in Michigan
            if "abbrev" in t.cues and cand_lists[k] and k > 0 and cand_lists[k - 1] \
                    and toponyms[k - 1].end <= t.start <= toponyms[k - 1].end + 3 \
                    and not any(c.admin1_key == cand_lists[k][0].admin1_key for c in cand_lists[k - 1]):
                cand_lists[k] = []
        named_list = [any(c.match == "name" for c in cands) for cands in cand_lists]
        # pass 1: priors
        firsts: list[Candidate | None] = []
        margins: list[float] = []
        for t, cands in zip(toponyms, cand_lists):
            if not cands:
                firsts.append(None)
                margins.append(0.0)
                continue
            named = any(c.match == "name" for c in cands)
            # the highest prior (the first of equals) and the next highest: what a stable sort by prior,
            # highest first, puts first and second
            top, top_p, second_p = None, 0.0, None
            for c in cands:
                p = self.prior(t, c, None, named, priors)
                if top is None or p > top_p:
                    if top is not None:
                        second_p = top_p
                    top, top_p = c, p
                elif second_p is None or p > second_p:
                    second_p = p
            firsts.append(top)
            margins.append(top_p - second_p if second_p is not None else 10.0)
        # a town its first-level division qualifies ("PARIS, Texas", "Springfield, Illinois", "FLORENCE,
        # Ala.") is a clear place of that division: it anchors the towns around it ("nearby Reno") -- not the
        # big namesake abroad its bare name would first read as -- and casts no focus vote for that namesake
        # (nor one of its own: its division votes -- "Victoria, British Columbia" is one vote for Canada, not
        # two, nor one for Australia's Victoria)
        anchor_firsts, anchor_margins = self._qualified_firsts(toponyms, firsts, margins, cand_lists, text)
        votes_by_name = _focus_votes(toponyms, firsts if anchor_firsts is firsts else [
            None if a is not f else f for a, f in zip(anchor_firsts, firsts)], margins)
        name_count = Counter(normalise(t.text) for t in toponyms)
        # countries the article plainly places things in: a place named after "in"/"near", as a possessor
        # ("Harare's suburbs") or a dateline -- not an adjective, nor a bare word that may be no place at all
        # ("a male Chihuahua" in a story from New Brunswick)
        literal_cc = {c.country_code for t, c in zip(toponyms, firsts)
                      if c is not None and t.role == "literal" and not c.is_country
                      and t.cues & {"in", "near", "possessive", "dateline", "direction"}}
        # ... or names it as where things happen ("in eastern Congo"; not "Russian troops", "Russia's attack")
        plain_cc = literal_cc | {c.country_code for t, c in zip(toponyms, firsts)
                                 if c is not None and c.is_country and t.role == "literal"
                                 and t.cues & {"in", "near", "possessive", "dateline"}
                                 and not t.cues & {"attacker", "destination"}}
        votes = _vote_total(votes_by_name)
        # countries named in the article, with the names naming them: "Georgia" does not vouch for itself
        mentioned_cc: dict[str, set[str]] = {}
        # countries named as where the story is, not only as where someone went ("Hasina, who fled to India"):
        # those vouch for a small town of theirs far from the article's places
        vouching_cc: dict[str, set[str]] = {}
        for t, c in zip(toponyms, firsts):
            if c is not None and c.is_country:
                mentioned_cc.setdefault(c.country_code, set()).add(normalise(t.text))
                if "destination" not in t.cues or not _PERSON_WENT.search(text, max(0, t.start - 70), t.start):
                    # a crowd driven there ("drove thousands to flee to Chad. ... a camp at Adre") may well be
                    # where the story goes on: only someone's own move is an aside
                    vouching_cc.setdefault(c.country_code, set()).add(normalise(t.text))
        # countries the article names or names a province of ("the Gaza Strip" vouches for Gaza City)
        named_cc = {c.country_code: {normalise(t.text)} for t, c in zip(toponyms, firsts)
                    if c is not None and (c.is_admin1 or c.feature_code in AREA_CODES) and c.country_code}
        named_vouch = {cc: set(names) for cc, names in named_cc.items()}
        for cc, names in mentioned_cc.items():
            named_cc[cc] = named_cc.get(cc, set()) | names
        for cc, names in vouching_cc.items():
            named_vouch[cc] = named_vouch.get(cc, set()) | names
        admin1_at: dict[str, set[int]] = {}  # admin1 key -> the toponyms naming it
        for k, c in enumerate(firsts):
            if c is not None and c.is_admin1:
                admin1_at.setdefault(c.admin1_key, set()).add(k)
        self._local_embedded(toponyms, cand_lists, admin1_at)
        # divisions holding the article's towns: "Suffolk" beside Southold is Suffolk County, New York
        held: dict[str, set[str]] = {}  # admin1 / admin2 key -> the names of the towns in it
        for t, c in zip(toponyms, firsts):
            if c is not None and c.feature_class == "P" and c.match == "name":
                for key in (c.admin1_key, c.admin2_key):
                    if key:
                        held.setdefault(key, set()).add(normalise(t.text))
        # the article's clear places, each once (an article names its town many times), with their names:
        # a name is never its own anchor -- Vienna, Austria's division is "1 km from" Vienna, Austria
        # -- a town its state or province qualifies is a clear place too, at its reading there (see above)
        named_anchors = list(dict.fromkeys(
            (c.latitude, c.longitude, normalise(t.text))
            for t, c, m, cands in zip(toponyms, anchor_firsts, anchor_margins, cand_lists)
            if c is not None and not c.is_country and c.feature_code not in AREA_CODES and not c.is_admin1
            and (m >= 1 or _one_spot(c, cands))))
        sole_admin1 = _sole_admin1(toponyms, firsts, cand_lists)
        anchor_cc = {(c.latitude, c.longitude): c.country_code for c in firsts if c is not None}
        sent_of = _sentence_index(sentences or [])
        by_name: dict[str, tuple[str, list]] = {}  # name -> (focus country without it, anchors without it)
        story_admin1 = self._story_admin1(text)
        county_state = _county_states(toponyms, cand_lists, sent_of, text)
        # worked out once per toponym, not once per candidate scored (see _score)
        norms = [normalise(t.text) for t in toponyms]
        sents = [sent_of(t.start) for t in toponyms]
        nearest: dict[tuple[str, int], float | None] = {}  # (name, candidate id) -> km to the nearest anchor

        out: list[Resolved] = []
        for k, (t, cands) in enumerate(zip(toponyms, cand_lists)):
            if not cands:
                continue
            nxt = firsts[k + 1] if k + 1 < len(firsts) else None
            qualifier = None
            if nxt is not None and (nxt.is_admin1 or nxt.is_country or nxt.feature_code == "ADM2") and text \
                    and toponyms[k + 1].role != "adjective":  # "in Jamundi, Colombian officials said": no qualifier
                between = text[t.end:toponyms[k + 1].start]
                if between.strip() in (",", "") and len(between) <= 3 \
                        and not _town_in_a_list(k + 1, toponyms, firsts, cand_lists, text):
                    qualifier = nxt  # "Paris, Texas" / "Tripoli, Lebanon" / "Kendal, Cumbria"
                    if between.strip() == "," and t.role == "literal" and not nxt.is_country \
                            and not any(_inside(c, nxt) for c in cands) \
                            and not _joined(k - 1, k, toponyms, text) and not _joined(k + 1, k + 2, toponyms, text) \
                            and not any(c.match == "name" and _major(c) for c in cands):
                        # "Rockingham, Northamptonshire": no Rockingham is listed there; the namesake in
                        # Australia is not it -- an unlisted place, placed at the division that follows
                        t.cues.add("listed_elsewhere")
                        t.reason = f"listed only outside {nxt.name}, which follows it"
                        continue
                elif len(between) <= 25 and _APPOSITION.fullmatch(between) and re.search(
                        r"\b(?:in|of|central|(?:north|south)(?:-?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?)\b",
                        between, re.I):
                    # a bare ", the" is no qualifier: "near Potrerito, the Valle del Cauca police said"
                    qualifier = nxt  # "Tripoli, in northern Lebanon", "Kidal, northern Mali's largest town"
            abbr_key, abbr = self.abbreviated_admin1(text, t.end) if text and qualifier is None else ("", "")
            name = normalise(t.text)
            if name not in by_name:  # the same for every mention of the name
                by_name[name] = (_focus_without(votes_by_name, votes, name),
                                 list(dict.fromkeys((a, b) for a, b, n in named_anchors if n != name)))
            focus, anchors = by_name[name]
            team = _team_city(t, cands, firsts[k], text)
            ctx = (qualifier, abbr_key, abbr, focus, mentioned_cc, admin1_at, anchors, sents, named_list[k], held,
                   team, sole_admin1, story_admin1, norms, priors, nearest, county_state.get(k, ""))
            best: tuple[float, Candidate] | None = None
            second: tuple[float, Candidate] | None = None
            parts: list[str] = []
            if len(cands) == 1:  # the one reading: scored once, with its reasons (the same points)
                c = cands[0]
                s = self._score(k, t, c, toponyms, ctx, parts)
            else:
                for c in cands:
                    s = self._score(k, t, c, toponyms, ctx, None)
                    if best is None or s > best[0]:
                        if best is not None:
                            second = best
                        best = (s, c)
                    elif second is None or s > second[0]:
                        second = (s, c)
                assert best is not None
                s, c = best
                self._score(k, t, c, toponyms, ctx, parts)  # the winner's reasons, in words
            # a town and its same-name division: the town unless a division is meant
            if c.is_admin and not c.is_country and "admin" not in t.cues:
                same_name = [x for x in cands if x.feature_class == "P" and x.country_code == c.country_code]
                # its own town ("Aleppo", "Paris"), else a big town or the capital named so ("New York", "Washington")
                town = next((x for x in same_name if normalise(x.name) == normalise(t.text)
                             and x.admin1_key == c.admin1_key and x.population >= 1000), None)
                if town is None and c.feature_code == "ADM2":
                    # "Oicha": the district and its town, listed under another spelling (Hyosha) at its seat
                    town = next((x for x in same_name if x.match == "alt" and x.admin1_key == c.admin1_key
                                 and x.population >= 1000
                                 and distance_km(x.latitude, x.longitude, c.latitude, c.longitude) < 30), None)
                if town is None:
                    # a big town; not one outside the division when the article names the division otherwise
                    # ("Wash.") and a town in it: "Washington" beside Seattle and "Olympia, Wash." is the state
                    inside_only = _holds_named_town(c, held, t.text) and any(
                        normalise(toponyms[o].text) != normalise(t.text) for o in admin1_at.get(c.admin1_key, ()))
                    big = [x for x in same_name if (x.population >= 100_000 or x.feature_code == "PPLC")
                           and (not inside_only or x.admin1_key == c.admin1_key) and _town_called(x, t.text)]
                    town = max(big, key=lambda x: x.population) if big else None
                meant = _division_meant(k, t, c, town, toponyms, out, text) if town is not None else ""
                if meant:
                    parts = parts + [f"the {c.feature_code} rather than the town of the same name ({meant})"]
                # "the Mirpur area of Dhaka": the city holding a part of it, not the division
                if town is not None and (t.feature in TOWN_FEATURES or not t.feature or (
                        t.feature == "area" and _PART_OF_BEFORE.search(text, max(0, t.start - 30), t.start))) \
                        and not meant:
                    second = (s, c)
                    parts = parts + [f"the town rather than the {c.feature_code} of the same name"]
                    c = town
            box = next((firsts[o].country_code for o in range(k + 1, min(k + 3, len(toponyms)))
                        if 0 <= toponyms[o].start - t.end <= 40 and firsts[o] is not None and firsts[o].is_admin
                        and not firsts[o].is_country and firsts[o].country_code
                        and "compass_word" not in toponyms[o].cues), "")  # (whose country is any: "the North-West")
            # a hamlet abroad named twice does not vouch for itself ("near Potrerito ... Potrerito residents" in a
            # Colombian story); a bigger town named often may well be what the article is about
            # -- nor does a small town abroad named once when the article names places of another country
            # plainly ("arrested near Highfields" beside Harare is not Highfields, Australia; a "Russian"
            # adjective alone does not move Orikhiv): only a name the article comes back to may be its subject
            # -- nor does a town's name a letter or two off a far town's own ("Boni" for Bonn, "Mambasa" for
            # Mombasa) when the article plainly places itself in another country: such a name is as likely a
            # place of that country the gazetteer lacks
            own = votes_by_name.get(normalise(t.text)) if c.population < 5000 or "compass_word" in t.cues \
                or _misspelt_abroad(t, c, box or focus, plain_cc, self.gaz) or (
                c.population < 100_000 and name_count[normalise(t.text)] == 1
                and (box or focus) in literal_cc - {c.country_code}) else None
            doubt = self._far_abroad(t, c, box or focus, votes - own if own else votes, named_vouch, anchors, qualifier,
                                     abbr_key, bool(box), anchor_cc, mentioned_cc, text)
            home = [x for x in cands if x.country_code == (box or focus) != c.country_code] if doubt else []
            if home:
                second = (s, c)  # "the Trujillo prison in northern Honduras": Honduras' Trujillo
                c = max(home, key=lambda x: self._score(k, t, x, toponyms, ctx, None))
                s = self._score(k, t, c, toponyms, ctx, None)
                parts = [f"the article's country's {t.text} rather than one far abroad ({doubt})"]
                doubt = ""
            if c.is_country and focus and c.country_code != focus and t.role == "literal" and not t.qual_cc and text:
                # "the road from Costa Rica to El Dorado" in a Sinaloa story: the article's country's town named
                # like a country, not the country -- "Costa Rica's president" stays the country
                town, cue = self._country_named_town(k, t, cands, focus, toponyms, firsts, text, sents)
                if town is not None:
                    second = (s, c)
                    c = town
                    s = self._score(k, t, c, toponyms, ctx, None)
                    parts = [f"a town of the article's country named like the country {second[1].name} ({cue})"]
                elif cue.startswith("named a "):
                    # "in Cuba, a town of Guanajuato state": a town the gazetteer lacks, not the country
                    t.cues.add("listed_elsewhere")
                    t.reason = (f"a {cue[8:]} named like the country {c.name}, in a story about "
                                f"{self.gaz.country_name(focus)}")
                    continue
            if (t.feature == "township" or t.text.lower().endswith(" township")) and c.country_code == "US" \
                    and anchors and not any(
                    distance_km(c.latitude, c.longitude, a, b) < 150 for a, b in anchors):
                # "Washington Township" in a Paterson story: one of the many US civil townships named after a
                # person or a town, not Washington, D.C. -- unlisted, placed at the article's town
                t.cues.add("listed_elsewhere")
                t.reason = f"a township named like {c.name}, far from the article's places"
                continue
            margin = s - second[0] if second else 10.0
            conf = 1.0 / (1.0 + math.exp(-margin)) if second else 0.97
            why = f"{t.text!r} -> {self._describe(c)}: " + "; ".join(parts)
            if second is not None:
                why += f". Runner-up: {self._describe(second[1])}"
            if t.reason:
                why += f". Recognised by {t.reason}"
            if doubt:
                why += f". Doubted as where an event happened: {doubt}"
            out.append(Resolved(t, c, round(conf, 3), why, s, second[1] if second else None, parts, doubt))
        self._one_sense(out, cand_lists, toponyms)
        self._embedded_follow_literal(out)
        return out

    def _country_named_town(self, k: int, t: Toponym, cands: list[Candidate], focus: str, toponyms: list[Toponym],
                            firsts: list, text: str, sents: list[int]) -> tuple[Candidate | None, str]:
        """A town of the article's country ``focus`` named like the country the name reads as, and the words
        that make the name a town's ("the road from X to Y", "the town of X", "X's market", "the sindicatura
        of X", a town of ``focus`` named beside it); (None, cue) when the cue is there but no such town is
        listed (then only a "named a ..." cue is told: the only one read without a town); (None, "") when
        nothing says it is a town, or the name is the state's ("Costa Rica's president", "the embassy of
        Costa Rica")."""
        after = text[t.end:t.end + 60]
        if _STATE_AFTER.match(after) or _STATE_BEFORE.search(text, max(0, t.start - 40), t.start):
            return None, ""
        before = text[max(0, t.start - 80):t.start]
        local = [x for x in cands if x.feature_class == "P" and x.country_code == focus]
        cue = ""
        app = _TOWN_APPOSITION.match(after)
        if t.feature in TOWN_FEATURES or app:
            cue = f"named a {t.feature if t.feature in TOWN_FEATURES else app.group(1).lower()}"
        elif not local:
            # no town of the country is named so: the other cues would place none, and the caller reads only a
            # "named a ..." cue without a town (the quick common case: no pattern below is run)
            return None, ""
        elif _ROAD_BEFORE.search(before) or (_FROM_BEFORE.search(before) and _TO_AFTER.match(after) and any(
                f is not None and f.feature_class == "P" and 0 < toponyms[o].start - t.end <= 30
                and any(distance_km(x.latitude, x.longitude, f.latitude, f.longitude) < 150 for x in local)
                for o, f in enumerate(firsts) if o > k)):
            # "from Costa Rica to Eldorado" -- not "from Costa Rica to Mexico City", 1,000 km away
            cue = "a road's end"
        elif self._placed_off_a_local_town(k, local, toponyms, firsts, text):
            cue = "placed relative to a town of the article's country"
        elif _LOCAL_POSSESSIVE.match(after):
            cue = "a town's " + _LOCAL_POSSESSIVE.match(after).group(1).lower()
        elif _LOCAL_UNIT.search(before[-60:] + " " + after[:60]):
            cue = "a local division named beside it"
        if not cue and local:
            # its province named in the same sentence: "in Costa Rica and Eldorado, the Sinaloa prosecutor said"
            held = {x.admin1_key for x in local if x.admin1_key}
            if not _ACROSS_BEFORE.search(before) and any(
                    f is not None and f.is_admin1 and f.admin1_key in held and sents[o] == sents[k]
                    and toponyms[o].role == "literal" for o, f in enumerate(firsts) if o != k):
                cue = "its province named in the sentence"
        if not cue:
            # a town of the article's country named beside it ("in Costa Rica and Eldorado") lying near it
            beside = [f for o, f in enumerate(firsts) if o != k and f is not None and f.feature_class == "P"
                      and f.country_code == focus and _LIST_GAP.fullmatch(
                          text[toponyms[o].end:t.start] if toponyms[o].end <= t.start else text[t.end:toponyms[o].start])]
            if any(distance_km(x.latitude, x.longitude, f.latitude, f.longitude) < 100 for x in local for f in beside):
                cue = "a town of the article's country named beside it"
        if not cue or not local:
            return None, cue
        return max(local, key=lambda x: x.population), cue

    @staticmethod
    def _placed_off_a_local_town(k: int, local: list[Candidate], toponyms: list[Toponym], firsts: list,
                                 text: str) -> bool:
        """Whether the name is placed by a direction from a town of the article's country lying near one of its
        towns of that name ("near Costa Rica, south of Culiacan"; "Cuba, 20 km east of Celaya"): a country is
        not told as some kilometres off a town."""
        t = toponyms[k]
        if k + 1 >= len(toponyms):
            return False
        nxt, f = toponyms[k + 1], firsts[k + 1]
        if f is None or not (f.feature_class == "P" or f.feature_code == "ADM2") or nxt.start - t.end > 45:
            return False
        if not _OFF_A_TOWN.fullmatch(text, t.end, nxt.start):
            return False
        return any(distance_km(x.latitude, x.longitude, f.latitude, f.longitude) < 150 for x in local)

    def _qualified_firsts(self, toponyms: list[Toponym], firsts: list[Candidate | None], margins: list[float],
                          cand_lists: list[list[Candidate]], text: str) -> tuple[list, list]:
        """``firsts`` and ``margins`` with each town its first-level division qualifies ("Paris, Texas",
        "Springfield, Illinois", "Tallahassee, Fla.") read as the best-known town of that name in that
        division, and so clear (the anchors of the article: see __call__)."""
        if not text:
            return firsts, margins
        out_f: list | None = None
        out_m: list | None = None
        last = len(toponyms) - 1
        for k, t in enumerate(toponyms):
            first = firsts[k]
            if first is None or t.role != "literal" or len(cand_lists[k]) < 2:
                continue
            key = ""
            if k < last and (nxt := firsts[k + 1]) is not None and nxt.is_admin1 \
                    and toponyms[k + 1].role != "adjective" and 0 < toponyms[k + 1].start - t.end <= 3 \
                    and text[t.end:toponyms[k + 1].start].strip() == ",":
                key = nxt.admin1_key
            elif text.startswith(",", t.end):
                key = self.abbreviated_admin1(text, t.end)[0]
            if not key or first.admin1_key == key:
                continue
            inside = [c for c in cand_lists[k] if c.admin1_key == key and c.feature_class == "P"]
            if not inside:
                continue
            if out_f is None:
                out_f, out_m = list(firsts), list(margins)
            out_f[k] = max(inside, key=lambda c: c.population)
            out_m[k] = 10.0
        return (out_f, out_m) if out_f is not None else (firsts, margins)

    def _describe(self, c: Candidate) -> str:
        """:func:`describe`, kept per place (it reads only the place's own row and the gazetteer's names)."""
        hit = self._described.get(c.id)
        if hit is None:
            if len(self._described) > 50_000:
                self._described.clear()
            hit = self._described[c.id] = describe(c, self.gaz)
        return hit

    def _story_admin1(self, text: str) -> dict[str, str]:
        """First-level divisions the article's words place it in (admin1 key -> the word): "Maoists"
        -> Chhattisgarh, Jharkhand ... (data/place_context.csv)."""
        if not text:
            return {}
        out: dict[str, str] = {}
        pattern, rows, heads = _story_words()
        if not _may_hold(text, heads):
            return out  # most articles: the quick no
        for m in pattern.finditer(text):
            for cc, admin in rows.get(" ".join(m.group().lower().split()), ()):
                key = self._admin1_keys.get((cc, normalise(admin)))
                if key:
                    out.setdefault(key, m.group())
        return out

    def _local_embedded(self, toponyms: list[Toponym], cand_lists: list[list[Candidate]],
                        admin1_at: dict[str, set[int]]) -> None:
        """Give a name inside an organisation's or a building's name ("the Vienna Metro station") back the
        towns of that name in a division the article names: embedded names otherwise keep only well-known
        readings (Vienna, Austria), which is right for "the Paris Agreement" but not in a story about
        Fairfax and Centreville, Virginia."""
        for k, t in enumerate(toponyms):
            if t.role != "embedded" or not admin1_at:
                continue
            have = {c.id for c in cand_lists[k]}
            local = [c for c in self.gaz.lookup(t.text) if c.feature_class == "P" and c.match == "name"
                     and c.id not in have and admin1_at.get(c.admin1_key, set()) - {k}]
            cand_lists[k].extend(local)

    def _embedded_follow_literal(self, out: list[Resolved]) -> None:
        """A name inside an organisation's name ("the Nelson-Creston riding") means the town the article
        names plainly under that name ("offices in Nelson"): embedded names only get well-known readings,
        so alone they would pick the big namesake abroad."""
        literal: dict[str, Counter[int]] = {}
        picks: dict[int, Candidate] = {}
        for r in out:
            if r.topo.role == "literal":
                literal.setdefault(normalise(r.topo.text), Counter())[r.cand.id] += 1
                picks[r.cand.id] = r.cand
        for r in out:
            votes = literal.get(normalise(r.topo.text)) if r.topo.role == "embedded" else None
            if not votes:
                continue
            same = picks[votes.most_common(1)[0][0]]
            if same.id == r.cand.id:
                continue
            r.runner_up, r.cand = r.cand, same
            r.why = (f"{r.topo.text!r} -> {describe(same, self.gaz)}: the place the article names plainly as "
                     f"{r.topo.text!r}. Before that: {r.why}")

    def _far_abroad(self, t: Toponym, c: Candidate, focus: str, votes: Counter[str],
                    mentioned_cc: dict[str, set[str]], anchors, qualifier, abbr_key: str, boxed: bool = False,
                    anchor_cc: dict | None = None, country_named: dict[str, set[str]] | None = None,
                    text: str = "") -> str:
        """Why the pick is doubted (""; not doubted): a small place, or a place under an alternate
        spelling, in a country the article neither names nor places anything near, while the article
        is plainly about another country ("near Boni" in a Mali story is not Bonn; "Masala village" in
        Myanmar is not Masally, Azerbaijan). Named with a division of another country right after it
        (``boxed``: "Kani Township, Sagaing Region"), that country is the one to weigh against, whatever the
        article's vote, and a town of up to a million abroad is doubted too. Such a name is most likely a place the gazetteer lacks: an
        event there is located by the places named around it (the pick stays the toponym's reading)."""
        if t.role != "literal" or not focus or not c.country_code:
            return ""
        # a country the article names only as a state -- by its name or its capital ("the United States urged
        # restraint", "U.S. envoy", "in Washington, the State Department said") -- does not vouch for a town
        # known there only by another spelling: "Karni" in a Gaza story is not Kearny, New Jersey
        metonym = self._named_as_state(t, c, mentioned_cc, country_named, anchors, anchor_cc)
        if c.country_code == focus:
            others = {cc: v for cc, v in votes.items() if cc and cc != c.country_code and v > 0}
            if not metonym or not others or boxed:
                return ""
            focus = max(others, key=others.get)  # weighed against the other countries the article names
        if c.is_country or c.feature_code in AREA_CODES or c.feature_code == "PPLC":
            return ""
        if abbr_key or t.qual_cc or "dateline" in t.cues:
            return ""
        if qualifier is not None:
            if (qualifier.is_admin1 and c.admin1_key == qualifier.admin1_key) or \
                    (qualifier.is_country and c.country_code == qualifier.country_code) or \
                    (qualifier.feature_code == "ADM2" and _inside(c, qualifier)):
                return ""
            # "El Carmelo, in Cauca department": a qualifier naming another country than the pick's
            boxed = boxed or qualifier.country_code == focus
        if not metonym and mentioned_cc.get(c.country_code, set()) - {normalise(t.text)}:
            return ""
        weak = (c.match == "alt" and c.population < 1_000_000) or (c.match == "name" and c.population < 100_000) \
            or ((boxed or c.is_admin1) and c.population < 1_000_000) \
            or (c.match == "alt" and c.population < 5_000_000 and _near_miss(c.name, t.text)
                and not _TARGET_BEFORE.search(text, max(0, t.start - 80), t.start)) \
            or "part_of_name" in t.cues or "compass_word" in t.cues
        # ("the Lac Vert site" is not Chad's Lac; "Mambasa" in an Ituri story is not Mombasa, a city of a
        # million that GeoNames also spells so: a letter or two off a far city's own name is more likely a
        # small place of the article's country the gazetteer lacks)
        if not weak or (not boxed and not metonym and votes[focus] < votes.get(c.country_code, 0.0) + 0.5):
            return ""
        # just across the border of the article's country is not "far abroad": "between Bint Jbeil and Aynata"
        # in a story whose only other country is the adjective of an "Israeli drone"
        home = self.gaz.country_place(focus)
        if home is not None and distance_km(c.latitude, c.longitude, home.latitude, home.longitude) < 300:
            return ""
        # a place of the article within 1000 km vouches for it -- one across a border only within 300 km:
        # "Rehab", a Cairo suburb, is not Rehab, Jordan (500 km from Cairo) in a story that never names Jordan
        if any(distance_km(c.latitude, c.longitude, a, b) < (
                1000 if anchor_cc is None or anchor_cc.get((a, b), c.country_code) == c.country_code else 300)
               for a, b in anchors if abs(a - c.latitude) + abs(b - c.longitude) > 1e-6):
            return ""
        return (f"listed only as {c.name}, {self.gaz.country_name(c.country_code)}, far from the article's "
                f"places in {self.gaz.country_name(focus)}")

    def _named_as_state(self, t: Toponym, c: Candidate, mentioned_cc: dict[str, set[str]],
                        country_named: dict[str, set[str]] | None, anchors, anchor_cc: dict | None) -> bool:
        """Whether the article names ``c``'s country only as a state -- by its name, its adjective, or its
        capital's name read as a province ("Washington") -- with no town there, and ``c`` is a small town
        matched by another spelling."""
        cc = c.country_code
        if c.match != "alt" or c.population >= 100_000 or anchor_cc is None or country_named is None:
            return False
        named = mentioned_cc.get(cc, set()) - {normalise(t.text)}
        cap = self.gaz.capital_place(cc)
        state_names = country_named.get(cc, set()) | ({normalise(cap.name)} if cap is not None else set())
        if not named or not named <= state_names:
            return False  # a province of it named ("Washington" may be read as the state)
        # a town of that country named ("north of Mogadishu") vouches for it
        return not any(anchor_cc.get(ab) == cc and ab != (c.latitude, c.longitude) for ab in anchors)

    def _score(self, k: int, t: Toponym, c: Candidate, toponyms: list[Toponym], ctx, parts: list[str] | None) -> float:
        """The points of candidate ``c`` for toponym ``k`` in its article (``parts``: the reasons, when wanted;
        building them for every candidate of every name would cost more than the scoring)."""
        gaz = self.gaz
        qualifier, abbr_key, abbr, focus, mentioned_cc, admin1_at, anchors, sents, named, held, team, sole_admin1, \
            story_admin1, norms, priors, nearest, county_state = ctx
        name = norms[k]
        s = self.prior(t, c, parts, named, priors)
        add = _Adder(parts, s)
        if team is not None and c.id == team.id:
            add(TEAM_CITY, lambda: f"named as an opponent ('against {t.text}'): a team is named by its best-known town")
        if qualifier is not None and qualifier.id != c.id:
            if (qualifier.is_admin1 and c.admin1_key == qualifier.admin1_key) or \
                    (qualifier.is_country and c.country_code == qualifier.country_code) or \
                    (qualifier.feature_code == "ADM2" and _inside(c, qualifier)):
                add(6.0, lambda: f"followed by {qualifier.name}")
        if abbr_key and c.admin1_key == abbr_key and not c.is_admin1:
            add(6.0, lambda: f"followed by {abbr} ({gaz.admin_name(abbr_key)})")
        if t.qual_cc:
            if c.country_code == t.qual_cc:
                add(6.0, lambda: f"described as a place in {gaz.country_name(t.qual_cc)}")
            elif not c.is_country:
                add(-2.0, lambda: f"described as a place in {gaz.country_name(t.qual_cc)}")
        if focus and c.country_code == focus:
            add(3.0, lambda: f"document focus country {gaz.country_name(focus)}")
        elif c.country_code and _other_than(mentioned_cc.get(c.country_code), name):
            add(1.5, lambda: f"{gaz.country_name(c.country_code)} named in the article")
        # its first-level division named by another toponym -- not the name itself read as the division:
        # "Nelson" (the New Zealand region) does not vouch for Nelson
        at = admin1_at.get(c.admin1_key) if not c.is_admin1 and c.admin1_key else None
        others = [o for o in at if o != k and norms[o] != name] if at else None
        if others:
            same_sent = any(sents[o] == sents[k] for o in others)
            add(ADMIN_SENT if same_sent else ADMIN_DOC,
                lambda: f"{gaz.admin_name(c.admin1_key)} named in the {'sentence' if same_sent else 'article'}")
        word = story_admin1.get(c.admin1_key) if story_admin1 and c.admin1_key and not c.is_admin1 \
            and not others else None
        if word and (not focus or c.country_code == focus):
            # "Bijapur" in a story about Maoists: the Bijapur of Chhattisgarh (data/place_context.csv)
            add(STORY_ADMIN1, lambda: f"in {gaz.admin_name(c.admin1_key)}, where stories about '{word}' are")
        if county_state and c.feature_code == "ADM2" and c.admin1_key == county_state:
            # "Daviess County ...; McLean County ...; Muhlenberg County": the one state that has them all
            add(COUNTY_STATE, lambda: f"the sentence's counties all lie in {gaz.admin_name(county_state)}")
        peers = sole_admin1.get(c.admin1_key) if c.admin1_key and not others and not c.is_admin1 else None
        if _other_than(peers, name):
            # "Bijapur" beside Sukma: the Bijapur in Chhattisgarh, the province of the article's other town
            add(ADMIN_DOC,
                lambda: f"in {gaz.admin_name(c.admin1_key)}, like {sorted(peers - {name})[0]} of the article")
        if c.is_admin and not c.is_country:
            key = c.admin2_key if c.feature_code == "ADM2" else c.admin1_key if c.is_admin1 else ""
            towns = held.get(key) if key else None
            if _other_than(towns, name):
                add(ADMIN_DOC, lambda: f"holds {sorted(towns - {name})[0]}, named in the article")
        if anchors and not c.is_country and c.feature_code not in AREA_CODES:
            # the same for every mention of the name (its anchors are the same): worked out once
            near = (name, c.id)
            if near in nearest:
                d = nearest[near]
            else:
                d = nearest[near] = _nearest_km(c.latitude, c.longitude, anchors)
            if d is not None and d < VILLAGE_NEAR_KM and c.feature_class == "P" and c.population < VILLAGE_POPULATION:
                # among villages a few hundred people apart, the one beside the story's towns
                add(NEAR_300 + VILLAGE_NEAR, lambda: f"{d:.0f} km from another place in the article, a village")
            elif d is not None and d < 300:
                add(NEAR_300, lambda: f"{d:.0f} km from another place in the article")
            elif d is not None and d < 1000:
                add(NEAR_1000, lambda: f"{d:.0f} km from another place in the article")
        return add.total

    def _one_sense(self, out: list[Resolved], cand_lists: list[list[Candidate]], toponyms: list[Toponym]) -> None:
        """One sense per article: "Parkland, Florida" settles which Parkland a later "Parkland" is."""
        index = {id(t): k for k, t in enumerate(toponyms)}
        qualified: dict[str, Resolved] = {}
        for r in out:
            if any(p.startswith("followed by ") for p in r.parts):
                qualified.setdefault(normalise(r.topo.text), r)  # the first: "PARIS, Texas", not a later aside
        if not qualified:
            return
        # a pick that another name of the article also reaches ("Wash." for the state) stands on its own:
        # the article names both senses ("Washington, D.C." and the state around Seattle)
        names_of: dict[int, set[str]] = {}
        for r in out:
            names_of.setdefault(r.cand.id, set()).add(normalise(r.topo.text))
        for r in out:
            lead = qualified.get(normalise(r.topo.text))
            if lead is None or lead is r or lead.cand.id == r.cand.id or r.topo.qual_cc:
                continue
            if r.topo.start < lead.topo.start or any(p.startswith("followed by ") for p in r.parts):
                # only later mentions take the qualified sense, and not one qualified itself: "PARIS, Texas"
                # ... "related to Paris, France"; "hotels in St Ives" ... "a hotel booked in St Ives,
                # Cambridgeshire" (the writer contrasts the namesake; the earlier mentions keep their reading)
                continue
            if names_of.get(r.cand.id, set()) - {normalise(r.topo.text)}:
                continue
            same = next((c for c in cand_lists[index[id(r.topo)]] if c.id == lead.cand.id), None)
            if same is None:
                continue
            r.runner_up, r.cand = r.cand, same
            r.why = (f"{r.topo.text!r} -> {describe(same, self.gaz)}: the same place as {lead.topo.text!r} "
                     f"qualified earlier in the article. Before that: {r.why}")


STORY_ADMIN1 = 3.0  # a division the story's words point to (data/place_context.csv)


@functools.cache
def _story_words() -> tuple[re.Pattern, dict[str, tuple[tuple[str, str], ...]], tuple[str, ...]]:
    """(a pattern finding the words of data/place_context.csv, word -> its (country, division) rows, lower-case
    strings one of which every match holds in some case: the first words no other first word is part of)."""
    rows: dict[str, list[tuple[str, str]]] = {}
    for r in load_csv("place_context.csv"):
        rows.setdefault(r["word"].strip().lower(), []).append((r["country"].strip(), r["admin1"].strip()))
    words = sorted(rows, key=len, reverse=True)
    # (?=[...]): the first letters of the words, a quick test before trying each of them at every word boundary
    first = "".join(re.escape(c) for c in sorted({w[0] for w in words}))
    pattern = re.compile(r"\b(?=[" + first + r"])(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
                         + r")\b", re.I)
    firsts = {w.split()[0] for w in words}
    # a text holding "maoists" holds "maoist": the first words no other first word is part of will do
    heads = tuple(sorted(h for h in firsts if not any(o != h and o in h for o in firsts)))
    return pattern, {w: tuple(v) for w, v in rows.items()}, heads


# a degree of latitude in km, a hair short: no great circle between two points is shorter than their
# north-south span, so this bounds a distance from below without working it out
_KM_PER_DEGREE = 6371.0 * math.pi / 180 * (1 - 1e-9)


def _nearest_km(lat: float, lon: float, anchors: list[tuple[float, float]]) -> float | None:
    """km from (lat, lon) to the nearest anchor not at that very spot (None: no such anchor) -- the minimum
    of :func:`distance_km` over them; an anchor whose latitude alone puts it no nearer than the nearest so
    far is not measured (the same minimum: it could not have been smaller)."""
    best = None
    p1 = cos_p1 = None  # distance_km's arithmetic, written out (the same operations, so the same floats): its
    # cache rarely hits here, and the point's own terms are worked out once for all anchors
    for a, b in anchors:
        if abs(a - lat) + abs(b - lon) > 1e-6 and (best is None or abs(a - lat) * _KM_PER_DEGREE < best):
            if p1 is None:
                p1 = _radians(lat)
                cos_p1 = _cos(p1)
            p2 = _radians(a)
            dl = _radians(b - lon)
            h = _sin((p2 - p1) / 2) ** 2 + cos_p1 * _cos(p2) * _sin(dl / 2) ** 2
            d = 6371.0 * 2 * _asin(min(1.0, _sqrt(h)))
            if best is None or d < best:
                best = d
    return best


_radians, _cos, _sin, _asin, _sqrt = math.radians, math.cos, math.sin, math.asin, math.sqrt


def _other_than(names: set[str] | None, name: str) -> bool:
    """Whether ``names`` holds a name other than ``name`` (``names - {name}`` is not empty)."""
    return bool(names) and (len(names) > 1 or name not in names)


def _one_spot(first: Candidate, cands: list[Candidate]) -> bool:
    """All readings of a name within 50 km of its first ("Sukma" the town and Sukma district): one place,
    however close their scores."""
    return all(distance_km(first.latitude, first.longitude, c.latitude, c.longitude) < 50 for c in cands)


def _sole_admin1(toponyms: list[Toponym], firsts: list[Candidate | None],
                 cand_lists: list[list[Candidate]]) -> dict[str, set[str]]:
    """First-level divisions that hold every reading of one of the article's town names (admin1 key ->
    those names): such a town places the article in its province as surely as naming the province, so a
    namesake there beats a bigger one elsewhere in the same country (Bijapur beside Sukma)."""
    out: dict[str, set[str]] = {}
    for t, c, cands in zip(toponyms, firsts, cand_lists):
        if c is None or c.is_country or c.is_admin1 or c.feature_code in AREA_CODES or t.role != "literal":
            continue
        keys = {x.admin1_key for x in cands}
        if len(keys) == 1 and c.admin1_key:
            out.setdefault(c.admin1_key, set()).add(normalise(t.text))
    return out


def _focus_votes(toponyms: list[Toponym], firsts: list[Candidate | None],
                 margins: list[float]) -> dict[str, Counter[str]]:
    """The focus-country vote (CLIFF-style) over the first picks, kept per name (normalised) so that
    a name can be left out of the vote on itself (see :func:`_focus_without`)."""
    by_name: dict[str, Counter[str]] = {}
    for t, c, m in zip(toponyms, firsts, margins):
        if c is None or not c.country_code:
            continue
        if "destination" in t.cues and c.is_country:
            continue  # "refugees fled to Chad", "taken towards the Nigerian border": across a border
        if "attacker" in t.cues and c.is_country:
            # "Russia's Jan. 29 attack on X": the attacker, not a place of the story -- X, named, places it. (A
            # country owning a force votes as before: "Mali's army said its troops were ambushed near Boni")
            continue
        if "part_of_name" in t.cues and c.population < 100_000 and not c.is_country:
            # a part of a longer name the gazetteer lacks as a whole ("Kouri-Kouri", "Cano Limoncito"): "Kouri"
            # (Mali), "Cano" (Portugal) are no places of the story -- a country, a province or a big town ("the
            # Kano-Kaduna highway", "Virginia Rail Express") votes
            continue
        if "compass_word" in t.cues and not c.is_country:
            # "the North-West region", "the Southwest": a part of some country, whichever is meant (Cameroon's,
            # South Africa's, Nigeria's zone); it takes the focus country and casts no vote for one far off
            continue
        w = 1.0 if t.role == "literal" else 0.5
        if not c.is_country:
            w *= 1.0 if m >= 2 else 0.5
        if "dateline" in t.cues:
            w += 0.5  # where the report was filed: the article is mostly about that country
        elif "destination" in t.cues:
            w *= 0.5  # "wounded soldiers were evacuated to Niamey", "about to fly to Nairobi": half a vote
        by_name.setdefault(normalise(t.text), Counter())[c.country_code] += w
    return by_name


def _vote_total(by_name: dict[str, Counter[str]]) -> Counter[str]:
    """The votes of all names together: ``sum(by_name.values(), Counter())`` without a new Counter per
    name (the same sums, added in the same order, and the countries in the same order: every vote is
    positive, so the sum drops none)."""
    total: Counter[str] = Counter()
    for votes in by_name.values():
        for cc, v in votes.items():
            total[cc] += v
    return total


def _focus_without(by_name: dict[str, Counter[str]], total: Counter[str], name: str) -> str:
    """The focus country by the other names of the article: an ambiguous name must not vouch for its
    own first reading -- five mentions of "Nelson" read as the New Zealand city would otherwise outvote
    Castlegar, named once, and hold Nelson, British Columbia, in New Zealand. An article naming one
    place only has no focus beyond it (the prior decides)."""
    own = by_name.get(name)
    # ``(total - own).most_common(1)``, without building the Counter: the first country of the
    # highest positive count left
    best, top = "", 0.0
    for cc, v in total.items():
        if own:
            v = v - own[cc]
        if v > 0 and (not best or v > top):
            best, top = cc, v
    return best


def _town_called(x: Candidate, name: str) -> bool:
    """Whether town ``x`` is called ``name`` for short: its own name, another spelling of it ("Hama" for
    Hamah), "X City" (New York City) or the capital -- not a longer name that only lists ``name`` among
    its others (Bihar Sharif, "Bihar": the state)."""
    if x.feature_code == "PPLC" or x.match == "name":
        return True
    own = normalise(x.name).split()
    return len(own) <= len(normalise(name).split()) or (own[-1] == "city" and len(own) == len(normalise(name).split()) + 1)


def _inside(c: Candidate, div: Candidate) -> bool:
    """Whether place ``c`` lies in division ``div`` (a first- or second-level division): by its division
    keys, or, for a second-level division whose keys the extract spells otherwise, within 60 km of it."""
    if div.is_admin1:
        return bool(c.admin1_key) and c.admin1_key == div.admin1_key
    if c.admin2_key and c.admin2_key == div.admin2_key:
        return True
    return c.country_code == div.country_code and distance_km(c.latitude, c.longitude, div.latitude, div.longitude) < 60


def _major(c: Candidate) -> bool:
    """A country, first-level division, region, capital or town of 100k+: a name read so in a
    "Karnataka, Tamil Nadu" or "Copenhagen, Hamburg" list, not a place of the division after it."""
    return (c.is_country or c.is_admin1 or c.feature_code in AREA_CODES or c.feature_code == "PPLC"
            or (c.feature_class == "P" and c.population >= 100_000))


def _joined(a: int, b: int, toponyms: list[Toponym], text: str) -> bool:
    """Whether toponyms ``a`` and ``b`` (both in range) are items of one list: a comma or "and"/"or"
    between them ("Zilina, Nitra and Kosice"; "Paris, Texas and Moscow, Idaho": Texas ends one item,
    Moscow begins the next)."""
    return 0 <= a and b < len(toponyms) and bool(_LIST_SEP.fullmatch(text[toponyms[a].end:toponyms[b].start]))


def _holds_named_town(c: Candidate, held: dict[str, set[str]], name: str) -> bool:
    """Whether division ``c`` holds a town the article names (other than one called ``name``)."""
    key = c.admin2_key if c.feature_code == "ADM2" else c.admin1_key if c.is_admin1 else ""
    return bool(key and held.get(key, set()) - {normalise(name)})


_APPOSITION = re.compile(
    r",\s+(?:(?:in|of)\s+)?(?:the\s+)?(?:(?:north|south|east|west|central|northern|southern|eastern|western|"
    r"north-?east|north-?eastern|north-?west|north-?western|south-?east|south-?eastern|south-?west|"
    r"south-?western)\s+)?", re.I)
_LIST_SEP = re.compile(r"\s*(?:,|,?\s+(?:and|or))\s*")


def _town_in_a_list(q: int, toponyms: list[Toponym], firsts: list[Candidate | None],
                    cand_lists: list[list[Candidate]], text: str) -> bool:
    """Whether toponym ``q``, a state named like its big town ("New York", "Washington"), is an item of
    a list of towns rather than the state of the town before it: "from Boston, New York and
    Philadelphia" (the next item a town with no state of its own) is not Boston, New York."""
    if q + 1 >= len(toponyms) or firsts[q + 1] is None or firsts[q + 1].feature_class != "P":
        return False
    if not any(x.feature_class == "P" and (x.population >= 100_000 or x.feature_code == "PPLC") for x in cand_lists[q]):
        return False
    if not _LIST_SEP.fullmatch(text[toponyms[q].end:toponyms[q + 1].start]):
        return False
    after = firsts[q + 2] if q + 2 < len(toponyms) else None  # "..., and Denver, Colorado": a town and its state
    return not (after is not None and (after.is_admin1 or after.is_country)
                and text[toponyms[q + 1].end:toponyms[q + 2].start].strip() == ",")


def _division_meant(k: int, t: Toponym, c: Candidate, town: Candidate, toponyms: list[Toponym],
                    done: list[Resolved], text: str) -> str:
    """Why a name that is both a first-level division and a big town ("New York", "Washington") means
    the division, although the town would be read by default (""; it does not): it closes "Buffalo, New
    York" (the town just before, a comma between, was read as a town of that division because of it), or
    "upstate" or a compass word precedes it and the town lies far from the division's middle ("western
    New York"; "western Baghdad" is the city)."""
    if not c.is_admin1 or not text:
        return ""
    prev = done[-1] if done and k > 0 and done[-1].topo is toponyms[k - 1] else None
    if prev is not None and prev.cand.feature_class == "P" and prev.cand.admin1_key == c.admin1_key \
            and any(p.startswith("followed by ") for p in prev.parts):
        between = text[prev.topo.end:t.start]
        if between.strip() == "," and len(between) <= 3:
            return f"after a town of it, {prev.topo.text!r}"
    if prev is not None and prev.cand.is_admin1 and prev.cand.country_code == c.country_code \
            and prev.cand.admin1_key != c.admin1_key and _LIST_SEP.fullmatch(text[prev.topo.end:t.start]) \
            and _STATES_BEFORE.search(text, max(0, t.start - 80), prev.topo.start):
        return f"listed among states after {prev.topo.text!r}"  # "states such as Oregon or Washington"
    before = text[max(0, t.start - 12):t.start].lower().split()
    if before and (before[-1] == "upstate" or (before[-1] in _COMPASS and distance_km(
            c.latitude, c.longitude, town.latitude, town.longitude) > 100)):
        return f"'{before[-1]} {t.text}'"
    return ""


# a list of states or provinces: "western states such as Oregon or Washington", "the states of Ohio and New York"
_STATES_BEFORE = re.compile(r"\b(?:states|provinces)\b(?:\s+(?:such\s+as|like|including|of|as))?[\s,]+(?:[A-Z][\w.'-]*[\s,]+)*$")
# simple compass words only: "northwest Washington" is a quarter of the capital, "eastern Washington" the state
_COMPASS = frozenset({"north", "northern", "south", "southern", "east", "eastern", "west", "western", "central"})


TEAM_CITY = 3.0
# "against Portland", "swept their series with Louisville": a sports team, named after its (big) home town
_OPPONENT_BEFORE = re.compile(
    r"\b(?:against|vs\.?|versus|beat|beats|beating|defeated|defeats|defeating|edged|routed|swept|upset|"
    r"(?:lost|loses|losing|loss|fell) to|series (?:with|against)|(?:win|victory|triumph) over)\s+(?:the\s+)?$", re.I)


def _team_city(t: Toponym, cands: list[Candidate], first: Candidate | None, text: str) -> Candidate | None:
    """The town a sports team named after it would be from: the most populous town so named, when the
    name follows "against", "beat", "lost to"... Only for names read first as towns (``first``, the
    pick by prior alone): "the war against Ukraine" names a country and is not touched."""
    if not text or t.role != "literal" or first is None or first.feature_class != "P":
        return None
    if not _OPPONENT_BEFORE.search(text, max(0, t.start - 30), t.start):
        return None
    towns = [c for c in cands if c.feature_class == "P" and c.match == "name"]
    return max(towns, key=lambda c: c.population) if towns else None


_MATCH_RANK = {"name": 0, "code": 1, "alt": 2, "demonym": 3}
_SAINT = re.compile(r"^(?:saint|sankt|sainte|ste|st)\b")


def _final_h_variants(name: str) -> list[str]:
    """The other transliteration of a name ending in "a"/"ah" ("Shabwa" ~ "Shabwah", "Marjah" ~ "Marja");
    [] for other names or names of fewer than five letters."""
    if len(name) < 5 or not name[-2:].isalpha() or not name[-2:].islower():
        return []
    if name.endswith("ah"):
        return [name[:-1]]
    if name.endswith("a"):
        return [name + "h"]
    return []


def _unlike(name: str, text: str) -> bool:
    """Whether a place's own name and the text that matched one of its alternate names share too little to be
    spellings of each other ("Nikopol" / "Sloviansk", "Festus" / "Derby City"; not "Slovyansk" / "Sloviansk",
    "Bacolod City" / "Bacolod", "Sha Bwa" / "Shabwa")."""
    a, b = normalise(name).replace(" ", ""), normalise(text).replace(" ", "")
    if not a or not b or a in b or b in a:
        return False
    return SequenceMatcher(None, a, b).ratio() < 0.5


# a strike aimed across a border: "fired a ballistic missile at Jidda", "launched drones towards Dubayy" -- the
# far city itself, whatever the spelling (not a village of the article's country)
_TARGET_BEFORE = re.compile(r"\b(?:missiles?|rockets?|drones?|fired|launched|aimed|targeted|targeting)\b[^.;\n]{0,50}?"
                            r"\b(?:at|on|towards?|against|over)\s+(?:[\w'’-]+\s+){0,4}$", re.I)


def _near_miss(name: str, text: str) -> bool:
    """Whether the text that matched one of a place's alternate names is its own name one or two letters
    off ("Mambasa" / Mombasa, "Bunja" / Bunia) -- a spelling that may as well be another place's name --
    rather than a name of its own ("Bombay" / Mumbai) or the name itself."""
    a, b = normalise(name).replace(" ", ""), normalise(text).replace(" ", "")
    if not a or not b or a == b or abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 5:
        return False
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1] <= 2


def _misspelt_abroad(t: Toponym, c: Candidate, focus: str, plain_cc: set[str], gaz: Gazetteer | None = None) -> bool:
    """Whether the pick is a town abroad matched by a spelling a letter or two off its own name ("Mambasa" ~
    Mombasa, "Boni" ~ Bonn) while the article plainly places itself in another country ``focus`` (names it,
    or a place of it, as where things are): the name does not vouch for its own far reading. A city of 100,000
    or more under a longer such spelling keeps its vote unless the gazetteer lists a place or division of that
    name in the article's country too (Mambasa territory, Congo): "Bengazi" is Benghazi's own transliteration,
    however Egyptian the story that tells of clashes there."""
    if c.match != "alt" or c.feature_class != "P" or not focus or focus == c.country_code or focus not in plain_cc:
        return False
    if _short_near_miss(c.name, t.text):
        return True
    return _near_miss(c.name, t.text) and (c.population < 100_000 or gaz is None or any(
        x.country_code == focus for x in gaz.lookup(t.text)))


def _short_near_miss(name: str, text: str) -> bool:
    """A four-letter name one letter off the place's own ("Boni" / Bonn)."""
    a, b = normalise(name), normalise(text)
    return len(a) == len(b) == 4 and a != b and sum(x != y for x, y in zip(a, b)) == 1


def _saint_form(name: str) -> str:
    """"Saint Petersburg", "St. Petersburg", "Sankt-Peterburg" -> "st petersburg"."""
    return _SAINT.sub("st", normalise(name))


def _well_known(c: Candidate) -> bool:
    return (c.is_country or c.is_admin1 or c.feature_code in AREA_CODES or c.feature_code == "PPLC"
            or c.population >= 100_000)


class _Adder:
    __slots__ = ("parts", "total")  # one per candidate scored: no instance dict to build

    def __init__(self, parts: list[str] | None, start: float = 0.0) -> None:
        self.parts = parts
        self.total = start

    def __call__(self, v: float, why) -> None:
        """Add ``v`` points; ``why`` (a string, or a function making it) is written only when reasons are kept."""
        self.total += v
        if self.parts is not None:
            self.parts.append(f"{why() if callable(why) else why} ({v:+.1f})")


def _county_states(toponyms: list[Toponym], cand_lists: list[list[Candidate]], sent_of,
                   text: str) -> dict[int, str]:
    """Toponym index -> the first-level division that alone holds a county of every name among the
    counties one sentence names ("Montgomery County, Mills County and Page County": only Iowa has all
    three; "Clark County and Floyd County": Indiana, Kentucky... -- none). A county with its state
    after it ("Cook County, Illinois") is left to that state."""
    by_sent: dict[int, list[int]] = {}
    for k, t in enumerate(toponyms):
        if t.feature in ("county", "parish") or t.text.lower().endswith((" county", " parish")):
            if k + 1 < len(toponyms) and text[t.end:toponyms[k + 1].start].strip() == "," \
                    and any(c.is_admin1 for c in cand_lists[k + 1]):
                continue
            by_sent.setdefault(sent_of(t.start), []).append(k)
    out: dict[int, str] = {}
    for ks in by_sent.values():
        if len({normalise(toponyms[k].text) for k in ks}) < 2:
            continue
        shared: set[str] | None = None
        for k in ks:
            keys = {c.admin1_key for c in cand_lists[k] if c.feature_code == "ADM2" and c.admin1_key}
            shared = keys if shared is None else shared & keys
        if shared is not None and len(shared) == 1:
            key = next(iter(shared))
            out.update((k, key) for k in ks)
    return out


def _sentence_index(sentences: list[tuple[int, int]]):
    import bisect

    starts = [s for s, _ in sentences]

    def of(pos: int) -> int:
        return bisect.bisect_right(starts, pos) - 1

    return of
