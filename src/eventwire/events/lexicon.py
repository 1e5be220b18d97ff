"""The codebook lexicon: ``data/triggers.yaml`` and ``data/events_modality.yaml`` compiled once.

Everything an analyst may want to change (trigger words, cue lists, precedence, resolution
and refinement rules, modality cues) lives in those files; this module only turns them into
compiled regular expressions, checks them and caches the result.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import ResourceError
from ..resources import load_yaml

TRIGGERS_FILE = "triggers.yaml"
MODALITY_FILE = "events_modality.yaml"
FATALITIES_FILE = "events_fatalities.yaml"
FIND_CACHE = 4096  # sentences whose trigger matches are kept (a few dozen articles)

EVENT_TYPES: tuple[str, ...] = (
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
)


@dataclass(frozen=True, slots=True)
class SubEventType:
    """One ACLED sub-event type as the codebook file describes it."""

    name: str
    event_type: str
    disorder_type: str
    precedence: int
    definition: str = ""
    note: str = ""
    note_single: str = ""


@dataclass(frozen=True, slots=True)
class TriggerRule:
    """One trigger pattern. Either ``sub_event_type`` or ``generic`` is set."""

    id: str
    pattern: str
    sub_event_type: str = ""
    generic: str = ""
    strength: float = 0.8
    nominal: bool = False
    agent_after: bool = False
    weak: bool = False


@dataclass(slots=True, eq=False)  # hashed by identity: a key of per-lexicon caches
class Lexicon:
    types: dict[str, SubEventType]
    rules: dict[str, TriggerRule]
    cues: dict[str, re.Pattern]
    resolution: dict[str, list[dict[str, Any]]]
    generic_default: dict[str, str]
    refine: list[dict[str, Any]]
    strong_sep: re.Pattern
    weak_sep: re.Pattern
    modality: list[tuple[str, str, str, re.Pattern]]  # (name, why, scope, regex)
    window: int
    near_window: int
    definite: re.Pattern
    happening: re.Pattern
    distinct: re.Pattern
    hedges: re.Pattern
    attribution: list[re.Pattern]
    fatalities: dict[str, Any] = field(default_factory=dict)
    claim: re.Pattern = re.compile(r"(?!x)x")  # "claimed (responsibility for) the ..."
    date_statement: re.Pattern = re.compile(r"(?!x)x")  # "(the attack) happened on ..."
    attributed: re.Pattern = re.compile(r"(?!x)x")  # "(both attacks) had been carried out by ..."
    arrest_followup: re.Pattern = re.compile(r"(?!x)x")  # arrests of suspects for a crime told elsewhere
    # modality rule index -> its ``unless`` regex: a sentence with it keeps the trigger
    modality_unless: dict[int, re.Pattern] = field(default_factory=dict)
    compiled: dict[str, re.Pattern] = field(default_factory=dict)  # rule id -> its own regex
    index: "PrefixIndex | None" = None
    # the matches of recent sentences: the nlp prefilter, the events stage and detection
    # all ask for the triggers of the same sentence
    _found: Any = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._found = functools.lru_cache(maxsize=FIND_CACHE)(self._scan)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping trigger matches ``(start, end, rule id)`` in text order.

        Each rule is only tried at the words whose prefix it can start with (see
        :class:`PrefixIndex`); where matches overlap the longer wins (then the longer pattern,
        as in one big alternation).
        """
        return list(self._found(text))

    def _scan(self, text: str) -> tuple[tuple[int, int, str], ...]:
        found = []
        if self.index is None:
            starts = {rid: None for rid in self.rules}
        else:
            starts = self.index.starts(text)
        for rid, positions in starts.items():
            rx = self.compiled[rid]
            if positions is None:
                found.extend((m.start(), m.end(), rid) for m in rx.finditer(text))
                continue
            for pos in positions:
                m = rx.match(text, pos)
                if m:
                    found.append((m.start(), m.end(), rid))
        if len(found) < 2:
            return tuple(found)
        found.sort(key=lambda x: (x[0], -(x[1] - x[0]), -len(self.rules[x[2]].pattern)))
        out = []
        last_end = -1
        for a, b, rid in found:
            if a >= last_end:
                out.append((a, b, rid))
                last_end = b
        return tuple(out)


def squash(alternatives: str) -> str:
    """Join a folded YAML list of ``|`` alternatives: the whitespace YAML folding puts after a
    line-ending ``|`` is dropped; a space before ``|`` is part of the pattern ("(?:largely |mostly )?")."""
    s = re.sub(r"\|\s+", "|", alternatives.strip())
    return s.strip("|")


def words(pattern: str) -> str:
    """Wrap a pattern so it only matches whole words."""
    return rf"(?<![\w])(?:{pattern})(?![\w])"


def _compile(pattern: str, where: str, flags: int = re.IGNORECASE) -> re.Pattern:
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise ResourceError(f"{where}: bad pattern {pattern!r}: {exc}") from None


def _trigger_list(items: list[Any], where: str) -> list[dict[str, Any]]:
    out = []
    for i, item in enumerate(items or []):
        if isinstance(item, str):
            item = {"pattern": item}
        if not isinstance(item, dict) or "pattern" not in item:
            raise ResourceError(f"{where} trigger #{i + 1}: needs a 'pattern'")
        rx = _compile(item["pattern"], f"{where} trigger #{i + 1}")
        if rx.groups:
            raise ResourceError(
                f"{where} trigger #{i + 1}: use non-capturing groups (?:...) only: {item['pattern']!r}"
            )
        out.append(item)
    return out


# --------------------------------------------------------------------------- prefix index
_PREFIX_LEN = 3
_WORDS = re.compile(r"\w+")


def _prefixes(pattern: str, k: int = _PREFIX_LEN) -> set[str] | None:
    """The lower-case word prefixes (up to ``k`` letters) every match of ``pattern`` starts
    with, or None when they cannot be known (the rule is then always tried)."""
    try:
        from re import _parser as sre_parse  # Python >= 3.11
        from re import _constants as C
    except ImportError:  # pragma: no cover
        return None

    def close(states):
        return {(p, False) for p, _ in states}

    def extend(states, items, depth=0):
        if depth > 20:
            return close(states)
        for op, av in items:
            if not any(o and len(p) < k for p, o in states):
                break
            if op is C.LITERAL:
                ch = chr(av).lower()
                if not (ch.isalnum() or ch == "_"):
                    states = {(p, False) if o else (p, o) for p, o in states}
                    continue
                states = {((p + ch), len(p) + 1 < k) if o and len(p) < k else (p, False) for p, o in states}
            elif op in (C.AT, C.ASSERT, C.ASSERT_NOT):
                continue
            elif op is C.SUBPATTERN:
                states = extend(states, av[-1], depth + 1)
            elif op is C.BRANCH:
                new = set()
                for alt in av[1]:
                    new |= extend(set(states), alt, depth + 1)
                states = new
            elif op is C.IN:
                chars = []
                for iop, iav in av:
                    if iop is C.LITERAL:
                        chars.append(chr(iav).lower())
                    else:
                        chars = None
                        break
                if not chars or len(chars) > 12:
                    states = close(states)
                    continue
                new = set()
                for ch in set(chars):
                    new |= extend(set(states), [(C.LITERAL, ord(ch))], depth + 1)
                states = new
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
                lo, hi, sub = av
                once = extend(set(states), sub, depth + 1)
                if lo == 0:
                    states = states | (once if hi == 1 else close(once))
                else:
                    states = once if hi == 1 else close(once)
            else:
                states = close(states)
            if len(states) > 2000:
                return None
        return states

    try:
        parsed = sre_parse.parse(pattern, re.IGNORECASE)
    except re.error:
        return None
    states = extend({("", True)}, list(parsed))
    if states is None:
        return None
    out = {p for p, _ in states}
    return None if "" in out else out


class PrefixIndex:
    """Word prefix -> trigger rules: a sentence is only tried against the rules whose
    prefixes start one of its words (a set lookup per word instead of ~100 regexes)."""

    def __init__(self, rules: dict[str, str]) -> None:
        self.by_prefix: dict[str, list[str]] = {}
        self.always: list[str] = []
        for rid, pattern in rules.items():
            prefs = _prefixes(pattern)
            if prefs is None:
                self.always.append(rid)
                continue
            for p in prefs:
                self.by_prefix.setdefault(p, []).append(rid)
        self.lengths = sorted({len(p) for p in self.by_prefix}, reverse=True)
        self._head = self.lengths[0] if self.lengths else 0
        # ASCII word head (as written) -> its rules: at most 63**3 heads
        self._by_head: dict[str, tuple[str, ...]] = {}

    def _lookup(self, word: str) -> tuple[str, ...]:
        """The rules of each prefix of the lower-cased ``word``, longest prefix first."""
        get = self.by_prefix.get
        return tuple(rid for n in self.lengths for rid in get(word[:n], ()))

    def rules_of(self, word: str) -> tuple[str, ...]:
        """The rules a word of the text may start: ``_lookup(word.lower())``, remembered by the
        word's head when it is ASCII (lower-casing the head is lower-casing the word's head)."""
        head = word[:self._head]
        ids = self._by_head.get(head)
        if ids is None:
            if not head.isascii():
                return self._lookup(word.lower())
            ids = self._by_head[head] = self._lookup(head.lower())
        return ids

    def starts(self, text: str) -> dict[str, list[int] | None]:
        """Rule id -> the word offsets where it may match (None: try everywhere)."""
        out: dict[str, list[int] | None] = {rid: None for rid in self.always}
        rules_of = self.rules_of
        for m in _WORDS.finditer(text):
            for rid in rules_of(m.group(0)):
                lst = out.setdefault(rid, [])
                if lst is not None:
                    lst.append(m.start())
        return out

    def may_match(self, text: str) -> bool:
        if self.always:
            return True
        rules_of = self.rules_of
        return any(rules_of(w) for w in _WORDS.findall(text.lower()))


# --------------------------------------------------------------------------- cue gate
# The modality rules are long alternations of phrases ("will|won't|is going to|...") wrapped in
# word boundaries (:func:`words`); each trigger asks ~20 of them about short stretches of text (the
# words before it, its clause, the sentence), and nearly all find nothing after trying every
# alternative at every word: their searches were two fifths of the event-sentence chooser's time
# (docs/performance.md, session 10). A match of such a phrase starts a word of the stretch with one
# of a few known prefixes (``_prefixes``, as the trigger index), so a stretch is read word by word
# once (word head -> the rules it may start, and where) and :meth:`CueGate.search` tries the rule's
# own regex only there, left to right (``rx.match`` at a position answers what ``rx.search``
# answers when no earlier position matches). The few phrases of a rule without a known prefix (a
# number or an apostrophe first) form its "residual" regex: its first match bounds the positions
# to try, and the rule's regex matches there if nowhere before. Every answer is ``rx.search``'s own
# match (tests/test_events_cue_gate.py).
_GATE_HEAD = _PREFIX_LEN
_GATE_WORDS = re.compile(r"\w+")
_WRAP_OPEN, _WRAP_CLOSE = r"(?<![\w])(?:", r")(?![\w])"  # words()


def _top_alternatives(pattern: str) -> list[str] | None:
    """The top-level ``|`` alternatives of ``pattern``, or None when it cannot be split safely."""
    out: list[str] = []
    cur: list[str] = []
    depth, in_class, escaped, class_start = 0, False, False, -1
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            # "]" right after "[" or "[^" is a literal bracket
            if ch == "]" and i > class_start + 1 and not (i == class_start + 2 and pattern[class_start + 1] == "^"):
                in_class = False
        elif ch == "[":
            in_class, class_start = True, i
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return None
        elif ch == "|" and depth == 0:
            out.append("".join(cur))
            cur = []
            continue
        cur.append(ch)
    if depth or in_class or escaped:
        return None
    out.append("".join(cur))
    return out


class CueGate:
    """Where each of ``patterns`` (regexes wrapped by :func:`words`; others are always searched)
    can match in a stretch of text (see above); pattern ``k`` is rule ``k``."""

    def __init__(self, patterns: list[re.Pattern]) -> None:
        self.by_prefix: dict[str, set[int]] = {}
        self.residual: dict[int, re.Pattern] = {}
        always: set[int] = set()
        for k, rx in enumerate(patterns):
            p = rx.pattern
            alts = None
            if p.startswith(_WRAP_OPEN) and p.endswith(_WRAP_CLOSE):
                alts = _top_alternatives(p[len(_WRAP_OPEN):-len(_WRAP_CLOSE)])
            try:
                for alt in alts or ():
                    re.compile(alt, rx.flags)
            except re.error:
                alts = None
            if alts is None or words("|".join(alts)) != p:
                always.add(k)  # (e.g. the question mark rule: not a phrase list)
                continue
            rest = []
            for alt in alts:
                prefs = _prefixes(words(alt))
                if prefs is None or not all(x.isascii() for x in prefs):
                    rest.append(alt)  # (a non-ASCII prefix may match an ASCII word: "ſ" ~ "s")
                    continue
                for x in prefs:
                    self.by_prefix.setdefault(x, set()).add(k)
            if rest:
                self.residual[k] = re.compile(words("|".join(rest)), rx.flags)
        self.always = frozenset(always)
        self.lengths = sorted({len(x) for x in self.by_prefix}, reverse=True)
        self._heads: dict[str, int] = {}  # ASCII word head -> the rules it may start (bit k: rule k)

    def _head_rules(self, head: str) -> int:
        lw, get = head.lower(), self.by_prefix.get
        mask = 0
        for n in self.lengths:
            for k in get(lw[:n], ()):
                mask |= 1 << k
        self._heads[head] = mask
        return mask

    def positions(self, text: str) -> tuple[int, list[tuple[int, int]]] | None:
        """(the rules some word may start, [(offset, rules) of each such word, in order]) of
        ``text``, rules as bit sets (bit k: rule k); None when a word starts with a character
        beyond ASCII, whose case folding the prefixes do not follow."""
        heads, found, union = self._heads, [], 0
        for m in _GATE_WORDS.finditer(text):
            head = m.group()[:_GATE_HEAD]
            mask = heads.get(head)
            if mask is None:
                if not head.isascii():
                    return None
                mask = self._head_rules(head)
            if mask:
                found.append((m.start(), mask))
                union |= mask
        return union, found

    def search(self, k: int, rx: re.Pattern, text: str, positions: tuple[int, list[tuple[int, int]]] | None,
               ) -> re.Match | None:
        """``rx.search(text)`` for rule ``k`` (``positions``: :meth:`positions` of ``text``)."""
        if positions is None or k in self.always:
            return rx.search(text)
        residual = self.residual.get(k)
        first = residual.search(text) if residual is not None else None
        union, found = positions
        bit = 1 << k
        if union & bit:
            limit = first.start() if first is not None else len(text) + 1
            match = rx.match
            for at, mask in found:
                if at >= limit:
                    break
                if mask & bit:
                    m = match(text, at)
                    if m is not None:
                        return m
        return rx.match(text, first.start()) if first is not None else None


@functools.cache
def load_lexicon() -> Lexicon:
    """The compiled lexicon (built once per process)."""
    data = load_yaml(TRIGGERS_FILE)
    mod = load_yaml(MODALITY_FILE)
    fat = load_yaml(FATALITIES_FILE)
    where = f"eventwire/data/{TRIGGERS_FILE}"

    types: dict[str, SubEventType] = {}
    rules: dict[str, TriggerRule] = {}
    for entry in data.get("types", []):
        name = entry["sub_event_type"]
        if entry.get("event_type") not in EVENT_TYPES:
            raise ResourceError(f"{where}: {name}: unknown event_type {entry.get('event_type')!r}")
        types[name] = SubEventType(
            name=name,
            event_type=entry["event_type"],
            disorder_type=entry["disorder_type"],
            precedence=int(entry["precedence"]),
            definition=" ".join(str(entry.get("definition", "")).split()),
            note=entry.get("note", ""),
            note_single=entry.get("note_single", entry.get("note", "")),
        )
        for item in _trigger_list(entry.get("triggers"), f"{where} [{name}]"):
            rid = f"t{len(rules)}"
            rules[rid] = TriggerRule(
                id=rid, pattern=item["pattern"], sub_event_type=name,
                strength=float(item.get("strength", 0.8)), nominal=bool(item.get("nominal", False)),
                agent_after=bool(item.get("agent_after", False)), weak=bool(item.get("weak", False)),
            )
    generic_default: dict[str, str] = {}
    for gname, g in (data.get("generic") or {}).items():
        default = g.get("default", "")
        if default not in types:
            raise ResourceError(f"{where}: generic {gname}: unknown default {default!r}")
        generic_default[gname] = default
        for item in _trigger_list(g.get("triggers"), f"{where} [generic {gname}]"):
            rid = f"t{len(rules)}"
            rules[rid] = TriggerRule(
                id=rid, pattern=item["pattern"], generic=gname,
                strength=float(item.get("strength", 0.6)), nominal=bool(item.get("nominal", False)),
                agent_after=bool(item.get("agent_after", False)), weak=bool(item.get("weak", False)),
            )

    resolution = data.get("resolution") or {}
    for gname, rlist in resolution.items():
        for r in rlist:
            if r.get("then") not in types:
                raise ResourceError(f"{where}: resolution {gname}: unknown type {r.get('then')!r}")
    refine = data.get("refine") or []
    for r in refine:
        for t in [r.get("then"), *r.get("from", [])]:
            if t not in types and t != "none":  # "none": the trigger tells no event there
                raise ResourceError(f"{where}: refine: unknown type {t!r}")

    cues = {
        name: _compile(words(squash(pat)), f"{where} cue {name}")
        for name, pat in (data.get("cues") or {}).items()
    }
    for r in [*refine, *(x for rl in resolution.values() for x in rl)]:
        for key in ("agent", "patient", "any", "not_agent", "not_patient", "not_any", "patient_head", "not_patient_head",
                    "besides_agent", "object"):
            for cue in r.get(key, []) or []:
                if cue not in cues:
                    raise ResourceError(f"{where}: rule {r} names unknown cue {cue!r}")

    # Validate that every trigger compiles as a whole word pattern (each rule is compiled on
    # its own below and tried only where its word prefixes occur; see PrefixIndex).
    seps = data.get("separators") or {}
    strong_sep = _compile(r"(?:(?<!\w)(?:" + squash(seps.get("strong", "^$")) + r")(?!\w)|;)", where)
    weak_sep = _compile(r"(?:(?<!\w)(?:" + squash(seps.get("weak", "^$")) + r")(?!\w)|,)", where)

    mwhere = f"eventwire/data/{MODALITY_FILE}"
    modality = []
    modality_unless: dict[int, re.Pattern] = {}
    for r in mod.get("rules", []):
        pat = squash(r["cues"])
        rx = _compile(pat if r["name"] == "question" else words(pat), f"{mwhere} {r['name']}")
        scope = r.get("scope", "before")
        if scope == "near" and r.get("words"):
            scope = f"near{int(r['words'])}"
        if r.get("unless"):
            modality_unless[len(modality)] = _compile(words(squash(r["unless"])), f"{mwhere} {r['name']} unless")
        modality.append((r["name"], r.get("why", r["name"]), scope, rx))
    attribution = [_compile(p, f"{mwhere} attribution", 0) for p in mod.get("attribution", [])]

    return Lexicon(
        types=types, rules=rules, cues=cues, resolution=resolution,
        generic_default=generic_default, refine=refine, strong_sep=strong_sep, weak_sep=weak_sep,
        modality=modality, modality_unless=modality_unless, window=int(mod.get("window", 90)), near_window=int(mod.get("near_window", 28)),
        definite=_compile(words(squash(mod["definite"])), mwhere),
        happening=_compile(words(squash(mod["happening"])), mwhere),
        distinct=_compile(words(squash(mod["distinct"])), mwhere),
        hedges=_compile(words(squash(mod["hedges"])), mwhere),
        attribution=attribution,
        fatalities=fat,
        claim=_compile(words(squash(mod.get("claim", "(?!x)x"))) + r"(?:\s+[\w'’-]+){0,3}\s*$", mwhere),
        date_statement=_compile(words(squash(mod.get("date_statement", "(?!x)x"))), mwhere),
        # matched right after the trigger ("attacks| had been carried out by"): no word boundary before
        attributed=_compile(r"\s+(?:" + squash(mod.get("attributed", "(?!x)x")) + r")(?!\w)", mwhere),
        arrest_followup=_compile(words(squash(mod.get("arrest_followup", "(?!x)x"))), mwhere),
        compiled={rid: _compile(words(r.pattern), where) for rid, r in rules.items()},
        index=PrefixIndex({rid: r.pattern for rid, r in rules.items()}),
    )


def may_hold_event(sentence_text: str) -> bool:
    """Cheap prefilter: can this sentence hold an event at all (does any trigger match)?

    Meant for the nlp stage: only sentences for which this is true need a parse.
    """
    lex = load_lexicon()
    # the matches first: they are cached for detection, and most sentences have none
    return bool(lex.find(sentence_text)) and lex.index.may_match(sentence_text)
