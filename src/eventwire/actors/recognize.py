"""Actor recognition: find every actor mention in ``Document.clean``.

Order of passes (earlier passes win a span):

1. press descriptions from ``actor_patterns.yaml`` ("US-backed and Kurdish-led
   Syrian forces" -> SDF), limited to the countries they apply to;
2. dictionary names and aliases (one token trie, longest match), and generic
   state/crowd nouns with a country in front ("Syrian army", "Nigeria's police",
   "Afghan civilians"); a named match swallows a following head noun
   ("Isis militants", "SDF fighters");
3. unlisted named groups: capitalised names with a group word ("Front",
   "Brigade", "Army" ...) that the dictionary does not know, kept with their
   surface name and marked ``listed=False``; an acronym given in brackets is
   remembered for later mentions;
4. bare generic nouns ("gunmen", "protesters", "villagers"), with the country
   of the sentence's places or of the document;
5. "fighters from the Islamic State" / "militants loyal to HTS" become one
   mention of the named group; "the extremists" after a named armed group
   refers back to it.

Works on the text alone (blank mode); the parse is only used by the roles.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter

from ..models import Actor, Document, Mention, Sentence
from .dictionary import Dictionary, Entry, load_dictionary, match_at, matches_at, norm, norms_of, tokenize

_CAP = r"[A-Z][\w'’\-]*"
_CONNECT = r"(?:(?:of|for|in)(?:[ \t]+the)?|and|al|el|de|du|des|la|wal|lil|fi|ul|ud)"
_GANG_AFTER = re.compile(r"[ \t]+(?:gangs?|cartels?|drug cartel|crime (?:gang|group|syndicate)|criminal (?:gang|group))\b")
_NAME_RE = re.compile(rf"(?<![\w-]){_CAP}(?:[ \t]+(?:{_CONNECT}[ \t]+)?{_CAP})*")
_LEADING_FUNCTION = re.compile(r"^(?:As|In|On|At|But|And|When|While|After|Before|Since|During|If|Then|Meanwhile|"
                               r"Although|Though|Because|For|From|With|By|Under|Last|This|That|Both|Also|So|Yet)\s+")
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z0-9\-/]{1,9})\)")
_LEADING_DET = re.compile(r"^(?:The|A|An)\s+")
_ARMED_INTERS = (2, 3, 4, 8)


# ------------------------------------------------------------------ context
def _country_from_place(d: Dictionary, place) -> str:
    code = (getattr(place, "country_code", "") or "").upper()
    if code and code in d.by_iso2:
        return d.by_iso2[code]
    name = getattr(place, "country", "") or ""
    if name in d.countries:
        return name
    if name:
        toks = tokenize(name)
        m = match_at(d.country_trie, toks, 0)
        if m and m[0] == len(toks):
            return m[1][0]
    return ""


def doc_countries(doc: Document, toks: list | None = None, norms: list[str] | None = None) -> list[str]:
    """Countries of the document, most prominent first (cached in ``doc.meta``)."""
    cached = doc.meta.get("actors_countries")
    if cached is not None:
        return cached
    d = load_dictionary()
    counts: Counter[str] = Counter()
    for m in doc.mentions:
        if m.kind == "place" and m.value is not None:
            c = _country_from_place(d, m.value)
            if c:
                counts[c] += 0.5 if _is_country_level(d, m) else 2.0
    if toks is None:
        toks = tokenize(doc.clean)
    if norms is None:
        norms = norms_of(toks)
    n = len(toks)
    named = set()
    for i, j, country in _country_terms(d, toks, norms):
        term = " ".join(norms[i:j])
        core = d.country_core.get(term)
        if core:
            named.add(country)
        # "US-led", "Iran-backed": a sponsor, not where things happen
        if not (j + 1 < n and toks[j][2] in "-‑" and norms[j + 1] in ("led", "backed", "based")):
            info = d.countries.get(country)
            is_name = core and info and term in (norm(info.name), norm(info.of_name.removeprefix("the ")))
            # names count most; demonyms often give an actor's nationality, not the place
            counts[country] += 1.0 if is_name else (0.3 if core else 0.7)
    doc.meta.setdefault("actors_text_countries", frozenset(named))  # (what text_countries would find)
    focus = doc.meta.get("focus_country") or ""
    if focus and focus not in d.countries:
        focus = _country_from_place(d, type("P", (), {"country": focus, "country_code": ""})())
    ordered = [c for c, _ in counts.most_common()]
    if focus:
        ordered = [focus] + [c for c in ordered if c != focus]
    doc.meta["actors_countries"] = ordered
    return ordered


def text_countries(doc: Document) -> frozenset[str]:
    """Countries the text itself names (by name or demonym), cached in ``doc.meta``."""
    cached = doc.meta.get("actors_text_countries")
    if cached is not None:
        return cached
    d = load_dictionary()
    toks = tokenize(doc.clean)
    norms = norms_of(toks)
    out = {country for i, j, country in _country_terms(d, toks, norms) if " ".join(norms[i:j]) in d.country_core}
    doc.meta["actors_text_countries"] = frozenset(out)
    return doc.meta["actors_text_countries"]


def _country_terms(d: Dictionary, toks: list, norms: list[str]):
    """(first token, end token, country) of each country term of the text, left to right, longest
    first; a token no country term starts with is passed over without a trie walk."""
    first = d.country_trie
    i = 0
    n = len(toks)
    while i < n:
        m = match_at(first, toks, i, norms) if norms[i] in first else None
        if m:
            yield i, m[0], m[1][0]
            i = m[0]
        else:
            i += 1


def focus_country(doc: Document) -> str:
    cs = doc_countries(doc)
    return cs[0] if cs else ""


def sentence_country(doc: Document, sent_index: int) -> str:
    """Country of the places named in a sentence, else the document's focus."""
    d = load_dictionary()
    counts: Counter[str] = Counter()
    for m in doc.mentions:
        if m.kind == "place" and m.sent == sent_index and m.value is not None:
            c = _country_from_place(d, m.value)
            if c:
                counts[c] += 1
    if counts:
        return counts.most_common(1)[0][0]
    return focus_country(doc)


_NAME_PARTICLES = frozenset({"au", "de", "du", "la", "le", "el", "al", "es", "ez", "of", "the"})
_LOCATIVE = frozenset({"in", "inside", "into", "across", "throughout", "near"})
_COMPASS = frozenset({"northern", "southern", "eastern", "western", "central", "north", "south", "east", "west",
                      "northeastern", "northwestern", "southeastern", "southwestern", "north-eastern", "north-western",
                      "south-eastern", "south-western", "northeast", "northwest", "southeast", "southwest", "-"})


def _is_country_level(d: Dictionary, m: Mention) -> bool:
    code = getattr(m.value, "feature_code", "") or ""
    if code:
        return code.startswith("PCL")
    return " ".join(norm(t[2]) for t in tokenize(m.text)) in d.country_core


def event_country(doc: Document, sent_index: int) -> tuple[str, bool]:
    """(country, reliable) of an event in a sentence.

    Reliable: from the places stage (the sentence's places, the document's focus
    country, any place of the document) or a country named as a location in the
    sentence ("in northern Syria"). Otherwise the most prominent country of the
    text, which may only be where an actor comes from.
    """
    d = load_dictionary()
    counts: Counter[str] = Counter()
    any_place: Counter[str] = Counter()
    text = doc.clean
    for m in doc.mentions:
        if m.kind == "place" and m.value is not None:
            c = _country_from_place(d, m.value)
            if not c:
                continue
            if _is_country_level(d, m):
                # a country name counts only as a location ("in Syria"), not as a modifier
                # ("US drone strike", "Somali army"): those name an actor's nationality
                before = text[max(0, m.start - 30):m.start].lower().split()
                while before and before[-1] in _COMPASS | {"the"}:
                    before.pop()
                if not before or before[-1] not in _LOCATIVE | {"across", "of", "to", "from"}:
                    continue
            any_place[c] += 1
            if m.sent == sent_index:
                counts[c] += 1
    named_here = _locative_country(doc, sent_index)
    if named_here:  # "in Kunduz, Afghanistan": the text names the country; it beats a gazetteer guess
        return named_here, True
    if counts:
        return counts.most_common(1)[0][0], True
    focus = doc.meta.get("focus_country") or ""
    if focus:
        return (focus if focus in d.countries else _country_from_place(
            d, type("P", (), {"country": focus, "country_code": ""})()) or focus), True
    if any_place:
        return any_place.most_common(1)[0][0], True
    return focus_country(doc), False


def _locative_country(doc: Document, sent_index: int) -> str:
    """A country named as a location in the sentence ("in northern Syria", "in Idlib, Syria")."""
    sent = next((s for s in doc.sentences if s.index == sent_index), None)
    return _locative_country_in(sent.text) if sent is not None else ""


@functools.lru_cache(maxsize=1024)
def _locative_country_in(text: str) -> str:
    """:func:`_locative_country` of one sentence text with the packaged dictionary (cached:
    every event of a sentence asks; a sentence with no country term costs a set lookup per token)."""
    d = load_dictionary()
    toks = tokenize(text)
    norms = norms_of(toks)
    starts = [i for i, w in enumerate(norms) if w in d.country_trie]
    for i in starts:
        m = match_at(d.country_trie, toks, i, norms)
        if not m:
            continue
        if i > 0 and norm(toks[i - 1][2]) in _FEATURE_WORDS:
            continue  # "Lake Chad", "Gulf of Guinea" (after "of"), "Upper Nile": a feature, not the country
        if _WHO_LIVES_OR_HOLDS.match(text, toks[m[0] - 1][1]):
            continue  # "in Serb-majority northern Kosovo", "in Russian-held Kherson": who lives there or holds it
        if m[0] < len(toks) and toks[m[0]][2][:1].isupper() and toks[m[0]][2][:1].isalpha():
            continue  # "in Spanish Town", "in English Bazar", "in the German Colony": part of a place's own name
        k = i - 1
        # "in northern Syria", "in Idlib, Syria", "near Gao in Mali"
        while k >= 0 and i - k <= 9 and (norm(toks[k][2]) in _COMPASS or toks[k][2] in (",", "-", "'s", "’s")
                                         or toks[k][2][:1].isupper() or norm(toks[k][2]) in _NAME_PARTICLES
                                         or norm(toks[k][2]) in _ADMIN_WORDS or norm(toks[k][2]) in _WHO_WORDS):
            if norm(toks[k][2]) in _LOCATIVE:
                break
            k -= 1
        term = " ".join(norm(t[2]) for t in toks[i:m[0]])
        if k >= 0 and norm(toks[k][2]) in _LOCATIVE and term in d.country_core:
            if _TOPIC_BEFORE.search(text, 0, toks[k][1]) and _PLACE_BEFORE.search(
                    text, 0, _TOPIC_BEFORE.search(text, 0, toks[k][1]).start()):
                # "marched in Dhaka to denounce attacks on Muslims in India": after a place of its own,
                # a country inside what the crowd is against is the topic, not where the sentence is
                continue
            return m[1][0]
    for i in starts:  # "the Armenian town of Jermuk", "the Saudi port city of Jizan"
        m = match_at(d.country_trie, toks, i, norms)
        if m and i > 0 and norm(toks[i - 1][2]) == "the" and \
                " ".join(norm(t[2]) for t in toks[i:m[0]]) in d.country_core and \
                _SETTLEMENT_OF.match(text, toks[m[0] - 1][1]):
            return m[1][0]
    return ""


# what a crowd is for or against ("to denounce", "in solidarity with", "over the war"): a country named after it
# is the topic, when the sentence has named a place of its own before
_TOPIC_BEFORE = re.compile(r"\b(?:to\s+(?:denounce|protest|condemn|demand|support|show\s+support|express\s+solidarity|mourn)|"
                           r"denounc(?:e|ed|ing)|condemn(?:ed|ing)?|in\s+solidarity\s+with|in\s+support\s+of|"
                           r"protest(?:ed|ing)?\s+(?:against|over)|(?:rall(?:y|ied)|march(?:ed)?|demonstrat(?:e|ed|ion))\s+(?:against|over))\b",
                           re.I)
_PLACE_BEFORE = re.compile(r"\b(?:in|at|outside|near)\s+(?:the\s+)?(?-i:[A-Z])[\w'-]+", re.I)
_WHO_WORDS = frozenset({"majority", "dominated", "populated", "inhabited", "speaking", "run", "held", "controlled",
                        "occupied", "administered"})
_WHO_LIVES_OR_HOLDS = re.compile(r"\s*[-‑]\s*(?:majority|dominated|populated|inhabited|speaking|run|held|controlled|occupied|"
                                 r"administered)\b", re.I)
# "in Sagaing region, Myanmar", "in Zamfara state, Nigeria": admin words inside the place name
_ADMIN_WORDS = frozenset({"region", "province", "state", "district", "county", "township", "division", "governorate",
                          "department", "territory", "area", "city", "town", "village", "municipality", "prefecture",
                          "occupied", "disputed", "restive", "breakaway", "rebel-held"})
_FEATURE_WORDS = frozenset({"lake", "river", "gulf", "sea", "bay", "mount", "mountains", "strait", "valley", "desert",
                            "basin", "upper", "lower", "greater", "new"})
_SETTLEMENT_OF = re.compile(r"\s+(?:(?:border|port|coastal|frontline|front-line|northern|southern|eastern|western|central|"
                            r"southeastern|southwestern|northeastern|northwestern|capital|provincial|regional|mining|"
                            r"market|key|strategic)\s+)*(?:town|city|village|capital|province|region|district|state|"
                            r"county|enclave|territory|port)\s+of\b", re.I)


# ------------------------------------------------------------------ unlisted
def unlisted_actor(name: str, context: str = "", acronym: str = "") -> Actor:
    """An actor the dictionary does not know: surface name kept, inter guessed."""
    d = load_dictionary()
    clean = _LEADING_DET.sub("", " ".join(name.split())).strip(" ,.;:")
    words = [w.strip("'’") for w in clean.split()]
    inter = 0
    lower = clean.lower()
    for kw, code in d.group_keywords.items():
        if " " in kw or "-" in kw:
            if kw in lower:
                inter = code
                break
    if not inter:  # a rebel word anywhere ("Sudan Liberation Movement"), else the last/first word
        codes = [d.group_keywords.get(w.lower()) for w in words]
        if 2 in codes:
            inter = 2
        else:
            for w in [words[-1], words[0], *words] if words else []:
                code = d.group_keywords.get(w.lower())
                if code:
                    inter = code
                    break
    if inter == 3 and words and words[-1].lower() == "movement" and re.search(
            r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ies)|march\w*|sit-in|strike)\b", context.lower()):
        inter = 6  # a protest movement
    ctx = context.lower()
    if not inter:
        if re.search(r"\b(?:ethnic|tribal|clan|communal)\b", ctx):
            inter = 4
        elif re.search(r"\b(?:rebels?|insurgents?|jihadists?|separatists?)\b", ctx):
            inter = 2
        elif re.search(r"\b(?:militia|militiamen|gunmen|gangs?)\b", ctx):
            inter = 3
        elif re.search(r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ies)|march\w*)\b", ctx):
            inter = 6
        else:
            inter = 3
    full = f"{acronym}: {clean}" if acronym and not clean.startswith(acronym) else clean
    from .dictionary import KINDS

    return Actor(name=full, inter=inter, kind=KINDS.get(inter, ""), listed=False,
                 why=f"unlisted: {clean!r} is not in the actor dictionary; inter {inter} guessed from its words")


# ------------------------------------------------------------------ recogniser
class _Spans:
    """Character occupancy of the text (earlier passes win)."""

    def __init__(self, n: int) -> None:
        self.occ = bytearray(n + 1)

    def free(self, a: int, b: int) -> bool:
        return self.occ.find(1, a, b) == -1

    def take(self, a: int, b: int) -> None:
        self.occ[a:b] = b"\x01" * (b - a)


def _pick(d: Dictionary, entries: list[Entry], countries: list[str], published: str = "") -> Entry | None:
    top = set(countries[:3])
    entries = [e for e in entries if (not e.countries or (top & set(e.countries)))
               and (not e.after or (published and published >= e.after))]
    if not entries:
        return None
    if len(entries) == 1:
        return entries[0]
    dated = [e for e in entries if e.after]
    if dated:  # a name valid from a date on ("AU troops" in Somalia after April 2022 are ATMIS)
        return max(dated, key=lambda e: e.after)
    for c in countries:
        for e in entries:
            if e.country == c:
                return e
    return entries[0]


def _acronym_needs_context(d: Dictionary, surface: str, entry: Entry, countries: list[str]) -> bool:
    # (an acronym of a document without a country is taken; a common name like "National Army" is not)
    return (surface in d.ambiguous_acronyms and bool(entry.country)
            and (bool(countries) or " " in surface) and entry.country not in countries[:4])


def recognize(doc: Document) -> list[Mention]:
    """Actor mentions of ``doc.clean`` (not yet added to the document)."""
    d = load_dictionary()
    text = doc.clean
    if not text:
        return []
    published = doc.published.isoformat() if doc.published else ""
    toks = tokenize(text)
    norms = norms_of(toks)
    countries = doc_countries(doc, toks, norms)
    focus = countries[0] if countries else ""
    sents = doc.sentences or [Sentence(0, len(text), text, 0)]
    sent_starts = [s.start for s in sents]

    def sent_of(off: int) -> int:
        i = bisect.bisect_right(sent_starts, off) - 1
        return sents[max(i, 0)].index

    sent_country_cache: dict[int, str] = {}

    def ctx_country(off: int) -> str:
        si = sent_of(off)
        if si not in sent_country_cache:
            sent_country_cache[si] = sentence_country(doc, si)
        return sent_country_cache[si] or focus

    spans = _Spans(len(text))
    found: list[Mention] = []

    def add(a: int, b: int, actor: Actor, why: str, **meta) -> Mention:
        m = Mention(start=a, end=b, text=text[a:b], kind="actor", value=actor, sent=sent_of(a),
                    why=why, score=meta.pop("score", 0.9), meta=meta)
        found.append(m)
        spans.take(a, b)
        return m

    # 0. words that name no actor here: an administrative unit ("Mangu Local Government Area")
    if d.not_actors is not None:
        for mt in d.not_actors.finditer(text):
            spans.take(*mt.span())

    # 1. descriptions
    for desc in d.descriptions:
        if desc.countries and countries and not (desc.countries & set(countries[:3])):
            continue
        for mt in desc.regex.finditer(text):
            a, b = mt.span()
            if not spans.free(a, b):
                continue
            entry = d.entries[desc.name]
            actor = d.make_actor(entry, ctx_country(a), why=f"description: {desc.why}")
            add(a, b, actor, f"press description {mt.group()!r} -> {actor.name} ({desc.why})",
                entry=entry.name, generic=False, source="description", score=0.85)

    # 1b. ethnic militias: "Dinka militia" -> "Dinka Ethnic Militia (South Sudan)" (each pattern
    # needs a group's name: one search for the names first, most texts name none)
    ethnic = d.ethnic_names is None or d.ethnic_names.search(text) is not None
    if ethnic and d.ethnic_militia is not None:
        for mt in d.ethnic_militia.finditer(text):
            a, b = mt.span()
            if not spans.free(a, b):
                continue
            c = ctx_country(a)
            pieces = [(mt.group(1), a, b if mt.group(2) is None else mt.end(1))]
            if mt.group(2):  # "Arab and Masalit militias": two militias
                pieces.append((mt.group(2), mt.start(2), b))
            for group, pa, pb in pieces:
                name = f"{group} Ethnic Militia ({c})" if c else f"{group} Ethnic Militia"
                actor = Actor(name=name, inter=4, kind="identity_militia", country=c, listed=True,
                              why=f"{mt.group()!r}: an ethnic militia (ACLED names them by group and country)")
                add(pa, pb, actor, actor.why, entry="", generic=False, source="ethnic", score=0.8)
    for pattern in (d.ethnic_from, d.ethnic_armed):
        if pattern is None or not ethnic:
            continue
        for mt in pattern.finditer(text):
            a, b = mt.span()
            if not spans.free(a, b):
                continue
            c = ctx_country(a)
            group = mt.group(1)
            name = f"{group} Ethnic Militia ({c})" if c else f"{group} Ethnic Militia"
            actor = Actor(name=name, inter=4, kind="identity_militia", country=c, listed=True,
                          why=f"{mt.group()!r}: armed men of an ethnic community (ACLED: ethnic militia)")
            add(a, b, actor, actor.why, entry="", generic=False, source="ethnic", score=0.8)

    # 1c. named clans and tribes under arms: "fighting broke out between the Hawadle and Abgaal clans",
    # "Albu Mahal tribe fighters" -> "<Name> Clan Militia (Country)" (ACLED: identity militias, inter 4)
    for pattern, pair in ((d.clan_pair, True), (d.clan_armed, False)):
        if pattern is None:
            continue
        for mt in pattern.finditer(text):
            kind = mt.group(3 if pair else 2).lower()
            pieces = [(mt.group(1), mt.start(1), mt.end(1))]
            if pair:
                pieces.append((mt.group(2), mt.start(2), mt.end(3)))
            for group, pa, pb in pieces:
                if group.split()[0] in ("The", "Two", "Rival", "Local", "Several", "Other", "Both"):
                    continue
                if not spans.free(pa, pb):
                    continue
                c = ctx_country(pa)
                label = d.clan_names.get(kind, "Clan Militia")
                name = f"{group} {label} ({c})" if c else f"{group} {label}"
                actor = Actor(name=name, inter=4, kind="identity_militia", country=c, listed=True,
                              why=f"{mt.group()!r}: a named {kind.rstrip('s')} under arms (ACLED: identity militia)")
                add(pa, pb, actor, actor.why, entry="", generic=False, source="clan", score=0.8)

    # 2. dictionary names and country-prefixed generic nouns
    bare: list[tuple[int, int, Entry]] = []  # token spans of bare generic matches
    held: list[tuple[int, int, Entry, str]] = []  # ambiguous acronyms the document's countries do not confirm
    i = 0
    n = len(toks)
    while i < n:
        a = toks[i][0]
        if (norms[i] not in d.trie and norms[i] not in d.country_trie) or not spans.free(a, toks[i][1]):
            i += 1  # (no name nor country starts here)
            continue
        all_named = matches_at(d.trie, toks, i, norms)
        generic_here = []
        best = None  # (end_token, entry, country, kind)
        for end_i, values in all_named:  # longest first; fall back to shorter aliases
            if not generic_here:
                generic_here = [e for e in values if e.noun_class]
                generic_end = end_i
            named_entries = [e for e in values if not e.noun_class]
            if not named_entries:
                continue
            entry = _pick(d, named_entries, countries, published)
            surface = text[a:toks[end_i - 1][1]]
            if entry is not None and not _acronym_needs_context(d, surface, entry, countries):
                best = (end_i, entry, "", "named")
                break
            if entry is not None:
                held.append((a, toks[end_i - 1][1], entry, surface))
        # country prefix + generic noun: "Syrian army", "Syria's army", "US troops"
        cm = match_at(d.country_trie, toks, i, norms)
        if cm and i >= 2 and norms[i - 1] == "-" and norms[i - 2] in ("pro", "anti"):
            cm = None  # "pro-Russian forces" are not Russia's
        if cm:
            j = cm[0]
            if j < n and norm(toks[j][2]) in ("'s",):
                j += 1
            if j < n and norm(toks[j][2]) == "-" and j + 1 < n and norm(toks[j + 1][2]) in ("led", "backed"):
                j = n  # "US-led", "Iran-backed": not a prefix of the noun
            gm = match_at(d.trie, toks, j, norms) if j < n else None
            g_entries = [e for e in gm[1] if e.noun_class] if gm else []
            if not g_entries and j < n:  # "Armenian positions"
                gm = match_at(d.prefixed_trie, toks, j, norms)
                g_entries = list(gm[1]) if gm else []
            if g_entries and (best is None or gm[0] > best[0]):
                best = (gm[0], g_entries[0], cm[1][0], "prefixed")
        if best is None and cm and cm[0] + 1 < n and norms[cm[0]] in ("and", ",", "or"):
            # "Mozambican and Rwandan troops": the first country shares the second one's noun
            cm2 = match_at(d.country_trie, toks, cm[0] + 1, norms)
            if cm2 and cm2[0] < n:
                gm2 = match_at(d.trie, toks, cm2[0], norms)
                g2 = [e for e in gm2[1] if e.noun_class] if gm2 else []
                if g2:
                    entry2 = g2[0]
                    if entry2.name.startswith("Military Forces of") and any(
                            norms[k] in d.police_words for k in range(cm2[0], gm2[0])):
                        entry2 = d.entries["Police Forces of {country}"]
                    best = (cm[0], entry2, cm[1][0], "shared")
        if best is None and cm and norm(" ".join(t[2] for t in toks[i:cm[0]])) in d.plural_demonyms:
            # "Nigerians", "ethnic Albanians": a country's people
            best = (cm[0], d.entries["Civilians ({country})"], cm[1][0], "prefixed")
            if i > 0 and norm(toks[i - 1][2]) == "ethnic" and spans.free(toks[i - 1][0], toks[i - 1][1]):
                a = toks[i - 1][0]
        if best is None:
            if generic_here:
                bare.append((i, generic_end, generic_here[0]))
            i += 1
            continue
        end_tok, entry, country, how = best
        b = toks[end_tok - 1][1]
        if how == "named":
            # swallow head nouns: "Isis militants", "Islamic State group", "SDF fighters"
            k = end_tok
            if k + 1 < n and norm(toks[k][2]) == "'s" and norm(toks[k + 1][2]) in d.head_nouns:
                k += 1  # "the coalition's warplanes"
            if k + 1 < n and toks[k][2] in ('"', "”", "’", "'") and norm(toks[k + 1][2]) in d.head_nouns:
                k += 1  # '"Islamic State" militants'
            if k + 3 < n and toks[k][2] == "(" and toks[k + 2][2] == ")" and toks[k + 1][2].isupper() \
                    and norm(toks[k + 3][2]) in d.head_nouns:
                k += 3  # "Allied Democratic Forces (ADF) rebels": one mention
            while k < n and k < end_tok + 4 and text[toks[k - 1][1]:toks[k][0]].strip() in ("", "'s", "’s"):
                if k + 1 < n and f"{norms[k]} {norms[k + 1]}" in d.head_nouns:
                    k += 2  # "NATO service members"
                elif norms[k] in d.head_nouns:
                    k += 1
                else:
                    break
            b = toks[k - 1][1]
            actor = d.make_actor(entry, ctx_country(a) if entry.generic or not entry.country else "",
                                 why=f"dictionary alias {text[a:toks[end_tok - 1][1]]!r}")
            add(a, b, actor, f"{text[a:b]!r} is an alias of {actor.name}", entry=entry.name,
                generic=False, source="dictionary")
        else:
            if entry.name.startswith("Military Forces of") and any(
                    norm(t[2]) in d.police_words for t in toks[i:end_tok]):
                entry = d.entries["Police Forces of {country}"]
            actor = d.make_actor(entry, country, why=f"{toks[i][2]!r} names the country")
            add(a, b, actor, f"{text[a:b]!r}: {entry.name} with the country from {toks[i][2]!r}",
                entry=entry.name, generic=True, country_explicit=True, source="dictionary",
                shared_noun=how == "shared")
        i = end_tok if how != "named" else max(end_tok, i + 1)
        while i < n and toks[i][0] < b:
            i += 1

    # 2b. "fighting between the ELN and FARC dissidents" near a border: another named group from the
    # acronym's home country confirms it, as the document's countries would
    homes = {m.value.country for m in found if m.meta.get("source") == "dictionary" and not m.meta.get("generic")
             and m.value.inter in (2, 3, 4)}
    for a, b, entry, surface in held:
        if entry.country in homes and spans.free(a, b):
            actor = d.make_actor(entry, "", why=f"dictionary alias {surface!r}, confirmed by a group of {entry.country}")
            add(a, b, actor, f"{surface!r} is an alias of {actor.name} (another {entry.country} group is named)",
                entry=entry.name, generic=False, source="dictionary")

    # 3. unlisted named groups
    acronyms: dict[str, Actor] = {}
    for mt in _NAME_RE.finditer(text):
        a, b = mt.span()
        raw = mt.group()
        lead = _LEADING_FUNCTION.match(raw)
        if lead:
            a += lead.end()
            raw = raw[lead.end():]
        lead = _LEADING_DET.match(raw)
        if lead:
            a += lead.end()
            raw = raw[lead.end():]
        if " and " in raw:  # "Black Liberation Army and Black Panther Party": two names
            left = raw.split(" and ", 1)[0]
            if left.split()[-1].strip("'’").lower() in d.group_keywords:
                b = a + len(left)
                raw = left
        # "Fighters of the Tawhid Liberation Front": the group starts after the generic noun
        while True:
            wm = re.match(r"(\S+)\s+(?:(?:of|from|the|for|and|in)\s+)*", raw)
            if not wm or wm.end() >= len(raw):
                break
            first = norm(wm.group(1).strip("'’"))
            if first in d.head_nouns or first in d.generic_nouns:
                a += wm.end()
                raw = raw[wm.end():]
            else:
                break
        words = raw.split()
        if len(words) < 2 or not spans.free(a, b):
            continue
        if any(ng in raw for ng in d.not_groups):
            continue
        low = [w.strip("'’").lower() for w in words]
        # "the Los Lagartos gang", "the Cartel of the Suns cartel": a name the press marks as a gang
        gang = _GANG_AFTER.match(text, b)
        if gang is None and not any(w in d.group_keywords for w in low) and not any(
                kw in raw.lower() for kw in d.group_keywords if " " in kw or "-" in kw):
            continue
        # a country + generic noun ("Nigerian Army") is handled as a state force
        wtoks = tokenize(raw)
        if " ".join(norm(t[2]) for t in wtoks) in d.generic_nouns:
            continue  # "Air Force", "Security Forces": generic nouns, handled below with the context country
        cm = match_at(d.country_trie, wtoks, 0)
        rest = " ".join(norm(t[2]) for t in wtoks[cm[0]:]) if cm else ""
        if not cm:
            # "the Armed Forces of Burkina Faso", "Defence Forces of the Republic": the generic noun
            # before "of" and the country after it
            of = next((k for k, t in enumerate(wtoks) if norm(t[2]) == "of"), None)
            if of:
                k = of + 2 if of + 1 < len(wtoks) and norm(wtoks[of + 1][2]) == "the" else of + 1
                tail = match_at(d.country_trie, wtoks, k) if k < len(wtoks) else None
                head = " ".join(norm(t[2]) for t in wtoks[:of])
                # and the noun is the state's ("Armed Forces", "Police"), not a generic non-state side
                # ("Opposition Forces of Syria", "Islamist Forces of Somalia" are no state's forces)
                hm = match_at(d.trie, wtoks[:of], 0)
                state = hm is not None and hm[0] == of and any(
                    e.name in ("Military Forces of {country}", "Police Forces of {country}") for e in hm[1])
                if tail and tail[0] == len(wtoks) and head in d.generic_nouns and state:
                    cm, rest = (tail[0], tail[1]), head
        if cm and (rest in d.generic_nouns or rest.replace(" 's", "") in d.generic_nouns):
            actor = d.make_actor(d.entries["Police Forces of {country}" if any(
                w in d.police_words for w in rest.split()) else "Military Forces of {country}"], cm[1][0])
            add(a, b, actor, f"{raw!r}: state forces of {cm[1][0]}", entry=actor.name, generic=True,
                country_explicit=True, source="dictionary")
            continue
        acro = ""
        am = _ACRONYM_AFTER.match(text, b)
        if am:
            acro = am.group(1)
            b = am.end()
        sent = sents[bisect.bisect_right(sent_starts, a) - 1] if sents else None
        context = sent.text if sent else ""
        if gang is not None and not acro:
            b = gang.end()
            context = gang.group(0)  # organised criminal armed groups: political militias (inter 3)
        actor = unlisted_actor(raw, context=context, acronym=acro)
        add(a, b, actor, actor.why, entry="", generic=False, source="unlisted", score=0.6)
        if acro:
            acronyms[acro] = actor
    for acro, actor in acronyms.items():
        for mt in re.finditer(rf"(?<![\w-]){re.escape(acro)}(?![\w-])", text):
            if spans.free(*mt.span()):
                add(mt.start(), mt.end(), actor, f"acronym {acro!r} of unlisted {actor.name}",
                    entry="", generic=False, source="unlisted", score=0.6)

    _group_references(d, doc, text, found, spans, sent_of)

    # 4. bare generic nouns
    for i, j, entry in bare:
        a, b = toks[i][0], toks[j - 1][1]
        if not spans.free(a, b):
            continue
        c = ctx_country(a)
        actor = d.make_actor(entry, c, why="generic noun; country from context" if c else "generic noun")
        add(a, b, actor, f"{text[a:b]!r}: generic {entry.name} (country from {'context' if c else 'nowhere'})",
            entry=entry.name, generic=True, country_explicit=False, source="dictionary", score=0.7)

    found.sort(key=lambda m: m.start)
    found = _link(d, text, found)
    _anaphora(d, text, found)
    return found


_STRONG_LINKS = frozenset({("led", "by"), ("loyal", "to"), ("belonging", "to"), ("commanded", "by"),
                           ("affiliated", "with"), ("linked", "to")})


def _link(d: Dictionary, text: str, found: list[Mention]) -> list[Mention]:
    """'fighters from the Islamic State' -> one mention of the named group."""
    out: list[Mention] = []
    skip = set()
    for k, m in enumerate(found):
        if k in skip:
            continue
        explicit = bool(m.meta.get("country_explicit"))
        if m.meta.get("generic") and (not explicit or m.value.inter in (2, 3, 4)) and k + 1 < len(found):
            nxt = found[k + 1]
            between = text[m.end:nxt.start]
            # (mentions 25 characters or more apart never link: the words between need not be read)
            btoks = tuple(norm(t[2]) for t in tokenize(between)) if len(between) < 25 else ()
            if len(btoks) >= 2 and btoks[-1] == "'s":  # "commander of Syria's National Defense Forces"
                btoks = btoks[:-2]
            if btoks and btoks[-1] == "the":
                btoks = btoks[:-1]
            elif btoks and btoks[-1] in ("a", "an") and nxt.meta.get("source") == "description":
                btoks = btoks[:-1]  # "fighters of a pro-Islamic State group": the group described
            if explicit and btoks not in _STRONG_LINKS:  # "Haitian gangs led by the G9", not "Afghan gunmen with"
                btoks = ()
            if (not nxt.meta.get("generic") and nxt.value.inter in _ARMED_INTERS + (1,)
                    and m.value.inter in (1, 2, 3, 4, 8) and btoks in d.linking and len(between) < 25):
                merged = Mention(start=m.start, end=nxt.end, text=text[m.start:nxt.end], kind="actor",
                                 value=nxt.value, sent=m.sent, why=f"{m.text!r} of {nxt.value.name}: {nxt.why}",
                                 score=nxt.score, meta=dict(nxt.meta, linked=True))
                out.append(merged)
                skip.add(k + 1)
                continue
        out.append(m)
    return out


_GROUP_REF = re.compile(r"\b[Tt]he\s+(?:(?:militant|jihadist|rebel|armed|terror|terrorist|insurgent|extremist|Islamist|"
                        r"separatist)\s+)?(?:group|organi[sz]ation|outfit|militia)\b(?!\s+(?:of|for)\b)")


def _group_references(d: Dictionary, doc: Document, text: str, found: list[Mention], spans: "_Spans",
                      sent_of) -> list[Mention]:
    """'the group', 'the militant group' after a named armed group refers back to it."""
    named = [m for m in found if not m.meta.get("generic") and m.value.inter in (2, 3, 4) and m.value.listed]
    if not named:
        return found
    named.sort(key=lambda m: m.start)
    starts = [m.start for m in named]
    out = found
    for mt in _GROUP_REF.finditer(text):
        a, b = mt.span()
        if not spans.free(a, b):
            continue
        k = bisect.bisect_right(starts, a) - 1
        if k < 0 or a - named[k].end > 600:
            continue
        ante = named[k]
        out.append(Mention(start=a, end=b, text=text[a:b], kind="actor",
                           value=Actor(**{**ante.value.as_dict(), "why": f"refers back to {ante.text!r}"}),
                           sent=sent_of(a), why=f"{text[a:b]!r} refers back to {ante.value.name}", score=0.6,
                           meta={"entry": ante.meta.get("entry", ""), "generic": False, "anaphora": True}))
        spans.take(a, b)
    return out


_HOSTILE_NOUN = re.compile(r"\b(?:extremists?|jihadists?|militants?|insurgents?|rebels?|terrorists?|assailants?|attackers?|"
                          r"gunmen|jihadist group|extremist group|militant group|insurgent group|rebel group)$", re.I)


def _anaphora(d: Dictionary, text: str, found: list[Mention]) -> None:
    """'the extremists' after a named armed group refers back to that group."""
    last_named: Mention | None = None
    bare_seen: set[tuple[str, ...]] = set()  # "Gunmen killed a Hamas official ... the gunmen fled": not Hamas
    for m in found:
        if not m.meta.get("generic"):
            if m.value.inter in (2, 3, 4) and m.value.listed:
                last_named = m
            continue
        if last_named is not None and _HOSTILE_NOUN.search(m.text) and (
                last_named.value.name in d.state_aligned or last_named.meta.get("entry", "") in d.state_aligned):
            # "soldiers and VDP volunteers repelled an attack ..., killing the assailants": the
            # militants, attackers, terrorists are not the auxiliaries fighting on the state's side
            continue
        if m.meta.get("country_explicit"):
            continue
        toks = tuple(norm(t[2]) for t in tokenize(m.text))
        if toks not in d.anaphora_nouns and m.meta.get("entry") != "Unidentified Armed Group ({country})":
            continue
        before = text[max(0, m.start - 12):m.start].split()
        has_det = bool(before) and norm(before[-1]) in d.anaphora_dets
        if not has_det and m.meta.get("entry") == "Unidentified Armed Group ({country})":
            bare_seen.add(toks)
            continue
        if last_named is None or toks not in d.anaphora_nouns or toks in bare_seen:
            continue  # "the gunmen" after bare "gunmen": the same unidentified men
        if has_det:
            m.value = Actor(**{**last_named.value.as_dict(), "why": f"refers back to {last_named.text!r}"})
            m.why = f"{m.text!r} after {last_named.text!r} refers back to {last_named.value.name}"
            m.meta.update(generic=False, entry=last_named.meta.get("entry", ""), anaphora=True)


def recognize_text(text: str, country: str = "") -> list[Mention]:
    """Recognise actors in a bare string (one sentence; ``country`` as context)."""
    doc = Document(id="text", text=text, clean=text, sentences=[Sentence(0, len(text), text, 0)])
    if country:
        doc.meta["focus_country"] = country
    return recognize(doc)
