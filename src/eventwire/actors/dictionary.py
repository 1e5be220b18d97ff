"""The actor dictionary: packaged data, compiled once per process.

Data files (under ``eventwire/data``):

* ``actors.csv`` -- named groups and generic actors with their aliases, ACLED inter
  code, kind, home country and source. A name holding ``{country}`` is a
  template filled from context ("Unidentified Armed Group ({country})").
* ``actor_countries.csv`` -- countries with demonyms and aliases, for
  "Military Forces of X" and the "(Country)" of generic actors.
* ``actor_patterns.yaml`` -- press descriptions ("Kurdish-led Syrian forces"),
  head nouns, branches by country, context aliases, unlisted-group keywords.

Everything is compiled into one token trie (:class:`Dictionary`), cached by
:func:`load_dictionary`; :func:`lookup` resolves one name the way the
recogniser would (used by ``eventwire actors lookup``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from ..errors import ResourceError
from ..models import Actor
from ..resources import load_csv, load_yaml

ACTORS_FILE = "actors.csv"
COUNTRIES_FILE = "actor_countries.csv"
PATTERNS_FILE = "actor_patterns.yaml"

KINDS = {
    1: "state", 2: "rebel", 3: "political_militia", 4: "identity_militia",
    5: "rioters", 6: "protesters", 7: "civilians", 8: "external",
}
# Finer kinds some entries carry, with the inter code they must have.
EXTRA_KINDS = {"political_party": 6}

# Entries whose aliases are common nouns; recognised after named groups.
NOUN_CLASSES = frozenset({
    "Military Forces of {country}", "Police Forces of {country}", "Unidentified Armed Group ({country})",
    "Unidentified Military Forces", "Protesters ({country})", "Rioters ({country})", "Civilians ({country})",
    "Pro-Government Militia ({country})", "Communal Militia ({country})", "Government of {country}",
})

# Tokens: words (inner apostrophes kept, a possessive 's split off) or single symbols.
_TOKEN_RE = re.compile(r"\w+(?:['’](?![sS]\b)\w+)*|['’][sS]\b|[^\w\s]")
_DASHES = str.maketrans({"‑": "-", "–": "-", "—": "-", "’": "'", "‘": "'"})


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """(start, end, surface) tokens of ``text``."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text)]


def norm(token: str) -> str:
    return token.lower() if token.isascii() else token.translate(_DASHES).lower()


def norms_of(toks: list[tuple[int, int, str]]) -> list[str]:
    return [t.lower() if t.isascii() else t.translate(_DASHES).lower() for _, _, t in toks]


def _case_sensitive(alias: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", alias)
    return bool(letters) and letters.isupper() and len(letters) <= 6


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of the actor dictionary."""

    name: str
    inter: int
    kind: str
    country: str = ""
    source: str = ""
    aliases: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()  # a context alias: valid only for events in these countries
    after: str = ""  # a context alias valid only for reports published on/after this ISO date

    @property
    def generic(self) -> bool:
        """A template: the name takes the country of the context."""
        return "{country}" in self.name

    @property
    def noun_class(self) -> bool:
        """A class of actors named by common nouns ("troops", "gunmen", "villagers")."""
        return self.name in NOUN_CLASSES


@dataclass(frozen=True, slots=True)
class CountryInfo:
    name: str
    iso2: str
    of_name: str
    terms: tuple[str, ...]  # names, demonyms, aliases


@dataclass(slots=True)
class Description:
    regex: re.Pattern
    name: str
    countries: frozenset[str]
    why: str


@dataclass(slots=True)
class Dictionary:
    entries: dict[str, Entry] = field(default_factory=dict)  # by name
    countries: dict[str, CountryInfo] = field(default_factory=dict)
    trie: dict = field(default_factory=dict)  # actor aliases
    country_trie: dict = field(default_factory=dict)  # country terms
    descriptions: list[Description] = field(default_factory=list)
    head_nouns: frozenset[str] = frozenset()
    linking: tuple[tuple[str, ...], ...] = ()
    anaphora_dets: frozenset[str] = frozenset()
    anaphora_nouns: tuple[tuple[str, ...], ...] = ()
    branches: dict[str, dict[str, str]] = field(default_factory=dict)
    context_aliases: list[dict] = field(default_factory=list)
    police_words: frozenset[str] = frozenset()
    group_keywords: dict[str, int] = field(default_factory=dict)  # word -> inter
    not_groups: tuple[str, ...] = ()
    not_actors: re.Pattern | None = None  # phrases whose words name no actor ("Local Government Area")
    protest_identities: dict[str, str] = field(default_factory=dict)  # noun -> template
    generic_nouns: frozenset[str] = frozenset()  # lower-cased aliases of generic entries
    ambiguous_acronyms: frozenset[str] = frozenset()
    prefixed_trie: dict = field(default_factory=dict)  # nouns that need a country in front
    plural_demonyms: dict[str, str] = field(default_factory=dict)  # "nigerians" -> Nigeria
    ethnic_militia: re.Pattern | None = None  # "Dinka militia" -> group 1 = "Dinka"
    ethnic_from: re.Pattern | None = None  # "armed youths from the Lou Nuer community" -> group 1 = "Lou Nuer"
    ethnic_armed: re.Pattern | None = None  # "armed Dinka cattle keepers" -> group 1 = "Dinka"
    # the group names alone: the three patterns above need one, so a text without any skips them
    ethnic_names: re.Pattern | None = None
    # "fighting between the Hawadle and Abgaal clans", "Albu Mahal tribe fighters": named clans or tribes
    # under arms -> "<Name> Clan Militia (Country)" / "<Name> Tribal Militia (Country)" (identity militias)
    clan_pair: re.Pattern | None = None
    clan_armed: re.Pattern | None = None
    clan_names: dict[str, str] = field(default_factory=dict)
    country_core: dict[str, str] = field(default_factory=dict)  # norm name/demonym -> country
    by_iso2: dict[str, str] = field(default_factory=dict)  # ISO alpha-2 code -> country (the first listed)
    state_aligned: frozenset[str] = frozenset()  # militias fighting on the state's side (entry names)
    drone_users: frozenset[str] = frozenset()  # non-state groups known to fly armed drones (entry names)
    foreign_air: frozenset[str] = frozenset()  # countries whose air strikes are mostly foreign air forces

    # ------------------------------------------------------------ helpers
    def country(self, name: str) -> CountryInfo | None:
        return self.countries.get(name)

    def fill(self, entry: Entry, country: str) -> str:
        """The entry's name for ``country`` (templates and branches)."""
        if not entry.generic:
            return entry.name
        if country:
            branch = self.branches.get(entry.name, {}).get(country)
            if branch:
                return branch
            if entry.name.startswith(("Military Forces of", "Police Forces of", "Government of")):
                info = self.countries.get(country)
                of = info.of_name if info else country
                return entry.name.replace("{country}", of)
            return entry.name.replace("{country}", country)
        # no country known: drop the parenthesis / keep a readable name
        base = entry.name.replace(" ({country})", "").replace("{country}", "").strip()
        if base.endswith(" of"):
            base = base[:-3].strip()
        return base

    def make_actor(self, entry: Entry, country: str = "", why: str = "") -> Actor:
        name = self.fill(entry, country)
        target = self.entries.get(name)  # a branch is an entry of its own
        if target is not None and target is not entry and not target.generic:
            entry = target
        return Actor(
            name=name, inter=entry.inter, kind=entry.kind,
            country=entry.country or country, listed=True, why=why,
        )


# ------------------------------------------------------------------ building
def _split(cell: str | None) -> list[str]:
    return [a.strip() for a in (cell or "").split("|") if a.strip()]


def _add(trie: dict, alias: str, value) -> None:
    toks = [t for _, _, t in tokenize(alias)]
    if not toks:
        return
    node = trie
    for t in toks:
        node = node.setdefault(norm(t), {})
    exact = tuple(toks) if _case_sensitive(alias) else None
    node.setdefault(None, []).append((value, exact))


@functools.cache
def load_dictionary() -> Dictionary:
    """The compiled actor dictionary (once per process)."""
    d = Dictionary()
    # countries
    for i, row in enumerate(load_csv(COUNTRIES_FILE), start=2):
        try:
            name = row["country"].strip()
            terms = tuple(dict.fromkeys([name, row["of_name"].strip().removeprefix("the "),
                                         *_split(row["demonyms"]), *_split(row.get("names")),
                                         *_split(row["aliases"])]))
            d.countries[name] = CountryInfo(name, row["iso2"].strip(), row["of_name"].strip(), terms)
            d.by_iso2.setdefault(row["iso2"].strip(), name)
        except (KeyError, AttributeError) as exc:
            raise ResourceError(f"{COUNTRIES_FILE}: data row {i - 1}: bad or missing column {exc}") from None
        for term in terms:
            _add(d.country_trie, term, name)
        for term in (name, row["of_name"].strip().removeprefix("the "), *_split(row["demonyms"]),
                     *_split(row.get("names"))):
            d.country_core[" ".join(norm(t) for _, _, t in tokenize(term))] = name
        # plural demonyms name a country's people ("Nigerians", "Iraqis")
        for dem in _split(row["demonyms"]):
            if dem[-1:].isalpha() and not dem.endswith(("ese", "s", "sh", "ch", "x", "z")) and " " not in dem \
                    and dem.upper() != dem:
                plural = dem + "s"
                d.plural_demonyms[norm(plural)] = name
                _add(d.country_trie, plural, name)
    # actors
    generic_nouns: set[str] = set()
    for i, row in enumerate(load_csv(ACTORS_FILE), start=2):
        try:
            inter = int(row["inter"])
            entry = Entry(
                name=row["name"].strip(), inter=inter, kind=row["kind"].strip() or KINDS.get(inter, ""),
                country=(row.get("country") or "").strip(), source=(row.get("source") or "").strip(),
                aliases=tuple(_split(row["aliases"])),
            )
        except (KeyError, ValueError, AttributeError) as exc:
            raise ResourceError(f"{ACTORS_FILE}: data row {i - 1} ({row.get('name') or '?'}): bad or missing column {exc}") from None
        if not 1 <= entry.inter <= 8:
            raise ResourceError(f"{ACTORS_FILE}: inter must be 1..8 for {entry.name!r}")
        if entry.kind not in KINDS.values() and EXTRA_KINDS.get(entry.kind) != entry.inter:
            raise ResourceError(f"{ACTORS_FILE}: unknown kind {entry.kind!r} (or wrong inter) for {entry.name!r}")
        if entry.country and entry.country not in d.countries:
            raise ResourceError(f"{ACTORS_FILE}: unknown country {entry.country!r} for {entry.name!r}")
        if entry.name in d.entries:  # same name twice: merge aliases
            old = d.entries[entry.name]
            entry = Entry(old.name, old.inter, old.kind, old.country, old.source, old.aliases + entry.aliases)
        d.entries[entry.name] = entry
        for alias in entry.aliases:
            _add(d.trie, alias, entry)
            if entry.noun_class:
                generic_nouns.add(" ".join(norm(t) for _, _, t in tokenize(alias)))
    d.generic_nouns = frozenset(generic_nouns)
    # state forces of every country: "Military Forces of X" / "Police Forces of X" entries
    for c in d.countries.values():
        for tmpl in ("Military Forces of {country}", "Police Forces of {country}"):
            name = tmpl.replace("{country}", c.of_name)
            if name not in d.entries:
                d.entries[name] = Entry(name, 1, "state", c.name, "ISO 3166-1 country list; ACLED naming convention")
            elif not d.entries[name].country:
                e = d.entries[name]
                d.entries[name] = Entry(e.name, e.inter, e.kind, c.name, e.source, e.aliases)
    # patterns
    pat = load_yaml(PATTERNS_FILE) or {}
    for i, item in enumerate(pat.get("descriptions") or []):
        src = item.get("regex")
        src = "".join(src) if isinstance(src, list) else src
        try:
            rx = re.compile(src, re.I)
        except (re.error, TypeError) as exc:
            raise ResourceError(f"{PATTERNS_FILE}: descriptions[{i}]: bad regex: {exc}") from None
        if item["name"] not in d.entries:
            raise ResourceError(f"{PATTERNS_FILE}: descriptions[{i}] names unknown actor {item['name']!r}")
        d.descriptions.append(Description(rx, item["name"], frozenset(item.get("countries") or ()), item.get("why", "")))
    d.head_nouns = frozenset(norm(w) for w in pat.get("head_nouns") or ())
    d.linking = tuple(tuple(norm(t) for _, _, t in tokenize(w)) for w in pat.get("linking_words") or ())
    ana = pat.get("anaphora") or {}
    d.anaphora_dets = frozenset(norm(w) for w in ana.get("determiners") or ())
    d.anaphora_nouns = tuple(tuple(norm(t) for _, _, t in tokenize(w)) for w in ana.get("nouns") or ())
    d.branches = dict(pat.get("branches") or {})
    for tmpl, by_country in d.branches.items():
        for target in by_country.values():
            if target not in d.entries:
                raise ResourceError(f"{PATTERNS_FILE}: branch {target!r} of {tmpl!r} is not in {ACTORS_FILE}")
    d.context_aliases = list(pat.get("context_aliases") or [])
    for i, item in enumerate(d.context_aliases):
        target = d.entries.get(item.get("name", ""))
        if target is None:
            raise ResourceError(f"{PATTERNS_FILE}: context_aliases[{i}] names unknown actor {item.get('name')!r}")
        only = set(item.get("backer_only") or ())
        ctx_entry = Entry(target.name, target.inter, target.kind, target.country, target.source,
                          tuple(a for a in item.get("aliases") or () if a not in only),
                          tuple(item.get("countries") or ()), str(item.get("after") or ""))
        for alias in ctx_entry.aliases:
            _add(d.trie, alias, ctx_entry)
    d.police_words = frozenset(norm(w) for w in pat.get("police_words") or ())
    for name in pat.get("state_aligned_militias") or ():
        if name not in d.entries:
            raise ResourceError(f"{PATTERNS_FILE}: state_aligned_militias names unknown actor {name!r}")
    d.state_aligned = frozenset(pat.get("state_aligned_militias") or ())
    for name in pat.get("drone_users") or ():
        if name not in d.entries:
            raise ResourceError(f"{PATTERNS_FILE}: drone_users names unknown actor {name!r}")
    d.drone_users = frozenset(pat.get("drone_users") or ())
    d.foreign_air = frozenset(pat.get("foreign_air_countries") or ())
    kw = pat.get("group_keywords") or {}
    inter_of = {"rebel": 2, "political_militia": 3, "identity_militia": 4}
    for kind, words in kw.items():
        for w in words:
            d.group_keywords[w.lower()] = inter_of.get(kind, 3)
    d.not_groups = tuple(pat.get("not_groups") or ())
    phrases = pat.get("not_actor_phrases") or ()
    d.not_actors = re.compile("|".join(f"(?:{p})" for p in phrases), re.IGNORECASE) if phrases else None
    d.ambiguous_acronyms = frozenset(pat.get("ambiguous_acronyms") or ())
    for name, nouns in (pat.get("prefixed_nouns") or {}).items():
        if name not in d.entries:
            raise ResourceError(f"{PATTERNS_FILE}: prefixed_nouns names unknown actor {name!r}")
        for noun in nouns:
            _add(d.prefixed_trie, noun, d.entries[name])
    groups = sorted(pat.get("ethnic_groups") or (), key=len, reverse=True)
    nouns = sorted(pat.get("ethnic_militia_nouns") or (), key=len, reverse=True)
    if groups and nouns:
        alt = "|".join(re.escape(g) for g in groups)
        d.ethnic_names = re.compile(alt)  # case-sensitive, as in the three patterns
        # "Dinka militia", "rival Arab and Masalit militias" (group 2: a second group sharing the noun)
        d.ethnic_militia = re.compile(
            r"\b(" + alt + r")(?:\s+(?:and|or)\s+(" + alt + r"))?(?:\s+ethnic)?\s+(?:" +
            "|".join(re.escape(n) for n in nouns) + r")\b")
        # "armed youths from the Lou Nuer community", "gunmen from the Fulani community"
        d.ethnic_from = re.compile(
            r"\b(?i:(?:armed\s+)?(?:" + "|".join(re.escape(n) for n in nouns) + r"|armed men|men)\s+(?:from|of))\s+"
            r"(?:the\s+)?(" + alt + r")\s+(?:ethnic\s+)?(?:community|communities|tribe|clan|ethnic group)\b")
        # "armed Dinka Bor cattle keepers", "armed Nuer youths": people of a community under arms
        armed = sorted(pat.get("ethnic_armed_nouns") or (), key=len, reverse=True)
        if armed:
            d.ethnic_armed = re.compile(
                r"\b(?i:armed)\s+(" + alt + r")(?:\s+(?:[A-Z][\w-]+|ethnic))?\s+(?i:" +
                "|".join(re.escape(n) for n in armed) + r")\b")
    clans = pat.get("clan_nouns") or {}
    if clans:
        d.clan_names = {k.lower(): v for k, v in clans.items()}
        cn = "|".join(re.escape(k) for k in sorted(clans, key=len, reverse=True))
        name = r"((?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+))?)"
        d.clan_pair = re.compile(
            r"\b(?i:between|pitting|pitted)\s+(?:the\s+)?" + name + r"\s+(?i:and)\s+(?:the\s+)?" + name
            + r"\s+(?i:(" + cn + r"))\b")
        armed = "|".join(re.escape(n) for n in sorted(pat.get("clan_armed_nouns") or (), key=len, reverse=True))
        if armed:
            d.clan_armed = re.compile(r"\b" + name + r"\s+(?i:(" + cn + r"))\s+(?i:" + armed + r")\b")
    for tmpl, nouns in (pat.get("protest_identities") or {}).items():
        for n in nouns:
            d.protest_identities[norm(n)] = tmpl
    return d


# ------------------------------------------------------------------ matching
def match_at(trie: dict, toks: list[tuple[int, int, str]], i: int, norms: list[str] | None = None):
    """Longest alias in ``trie`` starting at token ``i``: (end_index, values) or None.

    ``norms``: the tokens already normalised (``norms_of(toks)``), for speed.
    """
    found = matches_at(trie, toks, i, norms)
    return found[0] if found else None


def backer_actor(term: str, country: str) -> Actor | None:
    """The actor behind "X" in "X-backed" ("US" over Syria -> the coalition)."""
    d = load_dictionary()
    for item in d.context_aliases:
        if country in (item.get("countries") or ()) and term in (item.get("aliases") or ()):
            return d.make_actor(d.entries[item["name"]], country, why=f"{term!r}-backed in {country}")
    c = country_of_term(term)
    if c:
        return d.make_actor(d.entries["Military Forces of {country}"], c, why=f"{term!r}-backed")
    toks = tokenize(term)
    m = match_at(d.trie, toks, 0)
    if m and m[0] == len(toks):
        entries = [e for e in m[1] if not e.noun_class and (not e.countries or country in e.countries)]
        if entries:
            return d.make_actor(entries[0], country, why=f"{term!r}-backed")
    return None


def matches_at(trie: dict, toks: list[tuple[int, int, str]], i: int, norms: list[str] | None = None):
    """Every alias in ``trie`` starting at token ``i``, longest first: [(end_index, values)]."""
    out = []
    node = trie
    j = i
    while j < len(toks):
        node = node.get(norms[j] if norms is not None else norm(toks[j][2]))
        if node is None:
            break
        j += 1
        terms = node.get(None)
        if terms:
            ok = [v for v, exact in terms if exact is None or tuple(t[2] for t in toks[i:j]) == exact]
            if ok:
                out.append((j, ok))
    out.reverse()
    return out


def country_of_term(term: str, strict: bool = False) -> str:
    """The country a term names ("Syrian" -> "Syria"), or "".

    ``strict``: only country names and demonyms (not capitals or other aliases).
    """
    d = load_dictionary()
    if strict:
        key = " ".join(norm(t) for _, _, t in tokenize(term))
        c = d.country_core.get(key, "")
        if c and key in ("us", "u . s ."):  # "US" must be upper case ("us" is a pronoun)
            c = c if term.upper() == term else ""
        return c
    toks = tokenize(term)
    m = match_at(d.country_trie, toks, 0)
    if m and m[0] == len(toks):
        return m[1][0]
    return ""


def lookup(name: str, country: str = "") -> Actor:
    """How ``name`` resolves (as a whole), with ``country`` as the context.

    Used by ``eventwire actors lookup``. Unknown names come back unlisted with
    an inter code guessed from their words.
    """
    from .recognize import recognize_text

    text = " ".join(name.split())
    mentions = recognize_text(text, country=country)
    whole = [m for m in mentions if m.start == 0 and m.end >= len(text.rstrip(". "))]
    if whole:
        return whole[0].value
    if mentions:
        best = max(mentions, key=lambda m: m.end - m.start)
        return best.value
    from .recognize import unlisted_actor

    return unlisted_actor(text, context=text)
