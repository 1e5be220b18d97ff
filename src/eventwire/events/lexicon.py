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


@dataclass(slots=True)
class Lexicon:
    types: dict[str, SubEventType]
    rules: dict[str, TriggerRule]
    matcher: re.Pattern
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

    def type_of(self, sub_event_type: str) -> SubEventType:
        return self.types[sub_event_type]


def squash(alternatives: str) -> str:
    """Join a folded YAML list of ``|`` alternatives (whitespace around ``|`` dropped)."""
    s = re.sub(r"\s*\|\s*", "|", alternatives.strip())
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
                agent_after=bool(item.get("agent_after", False)),
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
                agent_after=bool(item.get("agent_after", False)),
            )

    resolution = data.get("resolution") or {}
    for gname, rlist in resolution.items():
        for r in rlist:
            if r.get("then") not in types:
                raise ResourceError(f"{where}: resolution {gname}: unknown type {r.get('then')!r}")
    refine = data.get("refine") or []
    for r in refine:
        for t in [r.get("then"), *r.get("from", [])]:
            if t not in types:
                raise ResourceError(f"{where}: refine: unknown type {t!r}")

    cues = {
        name: _compile(words(squash(pat)), f"{where} cue {name}")
        for name, pat in (data.get("cues") or {}).items()
    }
    for r in [*refine, *(x for rl in resolution.values() for x in rl)]:
        for key in ("agent", "patient", "any", "not_agent", "not_patient", "not_any"):
            for cue in r.get(key, []) or []:
                if cue not in cues:
                    raise ResourceError(f"{where}: rule {r} names unknown cue {cue!r}")

    # One compiled matcher for all triggers; longer (more specific) patterns first so that
    # "suicide car bomb" wins over "car bomb" at the same position.
    ordered = sorted(rules.values(), key=lambda r: -len(r.pattern))
    union = "|".join(f"(?P<{r.id}>{words(r.pattern)})" for r in ordered)
    matcher = _compile(union, where)

    seps = data.get("separators") or {}
    strong_sep = _compile(r"(?:(?<!\w)(?:" + squash(seps.get("strong", "^$")) + r")(?!\w)|;)", where)
    weak_sep = _compile(r"(?:(?<!\w)(?:" + squash(seps.get("weak", "^$")) + r")(?!\w)|,)", where)

    mwhere = f"eventwire/data/{MODALITY_FILE}"
    modality = []
    for r in mod.get("rules", []):
        pat = squash(r["cues"])
        rx = _compile(pat if r["name"] == "question" else words(pat), f"{mwhere} {r['name']}")
        modality.append((r["name"], r.get("why", r["name"]), r.get("scope", "before"), rx))
    attribution = [_compile(p, f"{mwhere} attribution", 0) for p in mod.get("attribution", [])]

    return Lexicon(
        types=types, rules=rules, matcher=matcher, cues=cues, resolution=resolution,
        generic_default=generic_default, refine=refine, strong_sep=strong_sep, weak_sep=weak_sep,
        modality=modality, window=int(mod.get("window", 90)), near_window=int(mod.get("near_window", 28)),
        definite=_compile(words(squash(mod["definite"])), mwhere),
        happening=_compile(words(squash(mod["happening"])), mwhere),
        distinct=_compile(words(squash(mod["distinct"])), mwhere),
        hedges=_compile(words(squash(mod["hedges"])), mwhere),
        attribution=attribution,
        fatalities=fat,
    )


def may_hold_event(sentence_text: str) -> bool:
    """Cheap prefilter: can this sentence hold an event at all (does any trigger match)?

    Meant for the nlp stage: only sentences for which this is true need a parse.
    """
    return load_lexicon().matcher.search(sentence_text) is not None
