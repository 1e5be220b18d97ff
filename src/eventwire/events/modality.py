"""Modality: does a trigger report something that happened?

No event comes from what is predicted, planned, threatened, feared, denied, negated,
hypothetical, legal proceedings, reactions, or undated background. The cue lists and their
scopes live in ``data/events_modality.yaml``; this module only applies them.

A reported claim ("the Observatory said militants attacked ...") *is* an event; its source
is kept as ``attribution``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from .lexicon import CueGate, Lexicon, load_lexicon

_WORD = re.compile(r"[\w'’-]+")
# (a number's thousands comma, "which killed about 17,000 people", does not end it)
_RELATIVE = re.compile(r",\s*(?:which|who)\b(?:[^,;]|(?<=\d),(?=\d{3}))*,(?!\d{3})")
_CLAUSE_BREAK = re.compile(r";|:|\bbut\b|\bhowever\b|\bwhile\b|\bwhereas\b|—|–", re.IGNORECASE)


@dataclass(slots=True)
class Verdict:
    """Why a trigger is not an event (``ok`` when it is)."""

    ok: bool
    rule: str = ""
    why: str = ""
    cue: str = ""


OK = Verdict(True)
_RECALLED = re.compile(r"\b(?:in which|during which|when|where|that left|which left)\b", re.IGNORECASE)
# "marched on Wednesday to mark 1,000 days since they began a sit-in": the span the event marks
_MARKED_SPAN = re.compile(r"(?i)\b(?:mark(?:ed|ing|s)?|commemorat(?:e|ed|ing)|observ(?:e|ed|ing))\s+(?:the\s+)?"
                          r"(?:[\w,]+\s+){0,2}(?:days?|weeks?|months?|years?)\s+$")
# a gathering held for the dead of an event ("a vigil for", "the funeral of"): the commemoration cues
# whose object names the dead, told by a participle ("the 14 farmers killed by police in 2019")
_YEARS_AFTER = re.compile(r"(?i)(?:years?|decades?) (?:since|after)$")
_FOR_THE_DEAD = re.compile(r"(?i)(?:vigil|memorial|funeral|wake|requiem|minute)")
# a toll's part told by its own day ("..., including six on Friday in Kisumu")
_SINGLED_OUT = re.compile(r"(?i)\bincluding\b[^.;]{0,80}?\b(?:(?:on |early |late |earlier |last )*(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|"
                          r"yesterday|last night|overnight|this (?:morning|week))")
# what a funeral or a vigil, or its mourners, did: the gathering's own verb after the dead it is held for
_GATHERING_DID = re.compile(r"(?i)\b(?:turned|turning|erupted|descended|degenerated|ended in|broke up|clashed|fought|threw|hurled|"
                            r"pelted|stoned|blocked|marched)\b")
_PAST_VERB = re.compile(r"(?i)(?:\w+ed|threw|fought|shot|stole|took|set|beat|blew|broke|overran|ran|rose|burnt)\b")
_APPEAL = re.compile(r"(?i)call(?:ed|s|ing)? on\b|urged\b")
_THEN_END = re.compile(r"(?i)\b(?:and|but|then)(?:\s+(?:then|later|instead|eventually|promptly|simply))?\s+$")
_BEFORE_END = re.compile(r"(?i)\bbefore\s+(?:\w+ing\b(?:\s+[\w'-]+){0,3},?\s+)?$")
_GERUND = re.compile(r"(?i)\w+ing\b")
# "... after youths torched": a clause told after an appeal or a plan, with its own subject, up to the trigger
# (not "a day after soldiers shot dead 12 protesters": an antecedent, its own rule)
_AFTER_CLAUSE = re.compile(r"(?i)(?<!days )(?<!day )(?<!hours )(?<!hour )(?<!weeks )(?<!week )(?<!months )(?<!month )\b(?:after|following)\s+(?:(?:the|a|an|this|that|these|those|its|their|his|her)\s+)?"
                           r"(?!(?:the|a|an|this|that|these|those|its|their|his|her)\b)[\w'-]+(?:\s+[\w'-]+){0,4}\s*$")
_SUPERLATIVE = re.compile(
    r"\b(?:\w+est|worst|biggest|largest|most (?:serious|violent|intense)|first|highest|second|third|fourth|fifth|sixth|"
    r"\d+(?:st|nd|rd|th))\b(?:\s+[\w-]+){0,5}\s*$",
    re.IGNORECASE)
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_M = "|".join(m.capitalize() for m in _MONTHS)
_D = r"([0-3]?\d)(?:st|nd|rd|th)?"
_DAY_MONTH = rf"(?:(?:the\s+)?{_D}\s+(?:of\s+)?({_M})|({_M})\s+{_D})"
_RANGE = re.compile(rf"(?:[Bb]etween|[Ff]rom)\s+{_DAY_MONTH},?(?:\s+(?:19|20)\d\d)?,?\s+(?:and|to|until|through|till)\s+{_DAY_MONTH}")


def _few_days(text: str, at: int) -> bool:
    """A range of at most a week told by its days ("between June 3 and June 5", "from 30 May to
    2 June"), as against a period ("between 15 July and 5 August", "between January and April")."""
    m = _RANGE.match(text, at)
    if m is None:
        return False
    g = m.groups()
    d1, m1 = (g[0], g[1]) if g[0] else (g[3], g[2])
    d2, m2 = (g[4], g[5]) if g[4] else (g[7], g[6])
    try:
        a = dt.date(2001, _MONTHS.index(m1.lower()) + 1, int(d1))
        b = dt.date(2001 if _MONTHS.index(m2.lower()) >= _MONTHS.index(m1.lower()) else 2002,  # "30 December and 2 January"
                    _MONTHS.index(m2.lower()) + 1, int(d2))
    except ValueError:
        return False
    return 0 <= (b - a).days <= 7


# "outside the military court", "angry over the death sentence": a legal word naming a place or a grievance
_PLACE_OR_GRIEVANCE = re.compile(
    r"(?i)\b(?:outside|near|in front of|at the gates of|around|(?:angry|anger|outrage|fury|furious) (?:at|over|about)|"
    r"(?:in )?protest (?:at|against|over)|protesting(?: against)?)\s+(?:(?:the|a|an|its|his|her|their)\s+)?(?:[\w'-]+\s+){0,3}?$")
# "the death toll from Sunday's market bombing has risen to 20": one event's toll updated, not a trend
_TOLL_OF = re.compile(r"\b(?:death toll|toll|number of (?:the )?(?:dead|deaths|victims|people killed))\s+(?:from|of|in)\b",
                      re.IGNORECASE)
_DRILL_BEFORE = re.compile(r"\b(?:from|after|following|ahead of|before|since)\s+(?:[\w'-]+\s+){0,3}$", re.IGNORECASE)
_DRILL_OF_OTHERS = re.compile(r"\s+(?:(?:held|conducted|staged|carried out|led)\s+)?by\b", re.IGNORECASE)
_RISEN = re.compile(r"(?:has|have) (?:surged|soared|risen|spiked|increased|grown|climbed|jumped|mounted)", re.IGNORECASE)


def toll_update(text: str, at: int, risen: int | None = None) -> bool:
    """Is the trigger at ``at`` inside "the death toll from/of ..." whose rise ``text`` tells
    (at ``risen``, else the first "has risen" after the trigger)?"""
    if risen is None:
        m = _RISEN.search(text, at)
        if m is None:
            return False
        risen = m.start()
    return any(t.end() <= at < risen for t in _TOLL_OF.finditer(text, 0, risen))


_NAME_WORD = re.compile(r"[A-Z][\w'’&-]*|of|for|the|and|on|against|&")


@functools.cache
def _org_heads() -> frozenset[str]:
    from eventwire.resources import load_yaml

    return frozenset(str(w) for w in load_yaml("events_modality.yaml").get("organisation_heads", []))


def in_organisation_name(text: str, start: int, end: int) -> bool:
    """Is the trigger ``text[start:end]`` part of a capitalised organisation name ("the
    Organisation for the Prohibition of Chemical Weapons", "the Bomb Disposal Unit")?"""
    own = text[start:end].split()
    if not own or not all(w[:1].isupper() for w in own if w[:1].isalpha()):
        return False
    words = [(m.start(), m.group(0)) for m in re.finditer(r"[\w'’&-]+", text)]
    idx = [i for i, (p, _) in enumerate(words) if start <= p < end]
    if not idx:
        return False
    lo, hi = idx[0], idx[-1]
    while lo > 0 and _NAME_WORD.fullmatch(words[lo - 1][1]) and not (lo - 1 == 0 and words[lo - 1][1] in ("The",)):
        lo -= 1
    while hi + 1 < len(words) and _NAME_WORD.fullmatch(words[hi + 1][1]):
        hi += 1
    heads = _org_heads()
    name = [w for _, w in words[lo:hi + 1] if w[:1].isupper()]
    return len(name) >= 2 and any(w in heads for w in name)
_AUX_END = re.compile(r"\b(?:was|were|had been|has been|have been|had)\s*$", re.IGNORECASE)
_CLAUSE_VERB = re.compile(r"\b(?:was|were|is|are|been|being|had|has|have|who|which|that|when)\b", re.IGNORECASE)


def clause_bounds(text: str, start: int, end: int, lex: Lexicon | None = None) -> tuple[int, int]:
    """The clause of ``text`` around [start, end): cut at strong separators and clause breaks."""
    lex = lex or load_lexicon()
    left = 0
    for m in _CLAUSE_BREAK.finditer(text, 0, start):
        left = m.end()
    for m in lex.strong_sep.finditer(text, 0, start):
        left = max(left, m.end())
    right = len(text)
    m = _CLAUSE_BREAK.search(text, end)
    if m:
        right = m.start()
    m = lex.strong_sep.search(text, end)
    if m:
        right = min(right, m.start())
    # ", which has killed thousands since 2009," is a clause of its own
    for m in _RELATIVE.finditer(text) if ("which" in text or "who" in text) else ():
        if m.start() <= start < m.end():
            return max(left, m.start()), min(right, m.end())
        if m.end() <= start:
            left = max(left, m.end())
        elif m.start() >= end:
            right = min(right, m.start())
            break
    return left, right


@functools.lru_cache(maxsize=2048)
def _sentence_cue(gate: "CueGate", k: int, rx: re.Pattern, text: str) -> re.Match | None:
    """A sentence-scope cue (cached: every trigger of a sentence asks the same question):
    ``rx.search(text.strip())``, tried where rule ``k`` can match (:class:`CueGate`)."""
    whole = text.strip()
    return gate.search(k, rx, whole, _sentence_positions(gate, whole))


# ---------------------------------------------------------------- where a cue rule can match
# Each trigger asks ~20 modality rules about its stretches of text (the words before it, its
# clause, the sentence), and nearly all find nothing after trying every phrase of the rule at
# every word: ``lexicon.CueGate`` tries each rule's own regex only at the words it can start.
@functools.cache
def cue_gate(lex: Lexicon) -> CueGate:
    return CueGate([rx for _name, _why, _scope, rx in lex.modality])


@functools.lru_cache(maxsize=2048)
def _sentence_positions(gate: CueGate, text: str) -> tuple[int, list[tuple[int, int]]] | None:
    return gate.positions(text)


def _last_words(text: str, n: int) -> str:
    ws = _WORD.findall(text)
    return " ".join(ws[-n:])


def check(
    text: str,
    start: int,
    end: int,
    prev_end: int = 0,
    has_date: bool = False,
    lex: Lexicon | None = None,
    has_day: bool | None = None,
) -> Verdict:
    """Judge the trigger ``text[start:end]`` of one sentence.

    ``prev_end`` is where the previous trigger of the sentence ends: cues before it belong
    to that trigger. ``has_date`` says the clause carries a day/week/month date (then it is
    not undated background). ``has_day`` (default: ``has_date``) says it names the day an
    event happened: only that keeps a trigger told with a season or a vague past ("this spring").
    """
    lex = lex or load_lexicon()
    cues = _cues_of(lex, text, start, end, prev_end)
    if cues.organisation:
        return Verdict(False, "organisation", "a trigger word inside an organisation's name", text[start:end])
    day = has_date if has_day is None else has_day
    for k, (name, why, scope, _rx) in enumerate(lex.modality):
        if name in ("vague_past", "tally") and day:
            continue
        if has_date and ((name == "generic" and scope.startswith("near"))
                         or (name in ("background", "characterisation", "trend") and scope == "clause")):
            continue  # a dated trigger is neither a generic statement nor undated background
        cue = cues.fired(k)
        if cue is not None:
            return Verdict(False, name, why, cue)
    return OK


@functools.lru_cache(maxsize=4096)
def _cues_of(lex: Lexicon, text: str, start: int, end: int, prev_end: int) -> "_Cues":
    """The modality cues of one trigger (cached: the nlp prefilter and the events stage judge
    the same triggers, with different dates)."""
    return _Cues(lex, text, start, end, prev_end)


class _Cues:
    """Which modality rules fire on one trigger, each read once when first asked (the rules a
    date switches off are only read for sentences without one)."""

    __slots__ = ("lex", "text", "start", "end", "prev_end", "organisation", "c_start", "bound", "before",
                 "clause", "_fired", "_gate", "_positions")

    def __init__(self, lex: Lexicon, text: str, start: int, end: int, prev_end: int) -> None:
        self.lex, self.text, self.start, self.end, self.prev_end = lex, text, start, end, prev_end
        self.organisation = in_organisation_name(text, start, end)
        self._fired: dict[int, str | None] = {}
        self._gate = cue_gate(lex)
        self._positions: dict[str, tuple | None] = {}  # stretch -> CueGate.positions
        if not self.organisation:
            c_start, c_end = clause_bounds(text, start, end, lex)
            self.c_start = c_start
            self.bound = max(c_start, prev_end, start - lex.window)
            self.before = text[self.bound:start]
            self.clause = text[c_start:c_end]

    def fired(self, k: int) -> str | None:
        """The cue of rule ``k`` of ``lex.modality`` found for the trigger, or None."""
        if k not in self._fired:
            m = self._match(k, *self.lex.modality[k])
            unless = self.lex.modality_unless.get(k)
            if m is not None and unless is not None and unless.search(self.text):
                m = None  # "gunmen opened fire on a bus ...; the vehicle overturned": an attack
            self._fired[k] = m.group(0) if m else None
        return self._fired[k]

    def _search(self, k: int, rx: re.Pattern, text: str) -> re.Match | None:
        """``rx.search(text)`` for rule ``k``, tried only where it can match (:class:`CueGate`)."""
        positions = self._positions.get(text, False)
        if positions is False:
            positions = self._positions[text] = self._gate.positions(text)
        return self._gate.search(k, rx, text, positions)

    def _match(self, k: int, name: str, _why: str, scope: str, rx: re.Pattern) -> re.Match | None:
        lex, text, start, prev_end = self.lex, self.text, self.start, self.prev_end
        c_start, before, clause = self.c_start, self.before, self.clause
        if scope == "before":
            m = self._search(k, rx, before) or (self._search(k, rx, text[start:self.end])
                                                if name in ("future", "possibility") else None)
            if m is not None and name == "legal":
                # "Outside a military court, soldiers shot dead two protesters", "angry over the death
                # sentence handed to a singer, protesters stormed a police station": the court is the
                # place, the sentence the grievance of a new event, not the case told
                m = next((x for x in rx.finditer(before) if not _PLACE_OR_GRIEVANCE.search(before, 0, x.start())), None)
            if m is not None and name == "future" and m.group(0).lower() in ("plan", "plans") and _PAST_VERB.match(text, start):
                # "Residents opposed to mining plans clashed with police": "plans" a noun, the subject's
                # own past verb after it (not "unions plan rallies": the verb "plan" and what it plans)
                m = next((x for x in rx.finditer(before) if x.group(0).lower() not in ("plan", "plans")), None)
            if (m is not None and name == "future" and _APPEAL.match(m.group(0))
                    and ((_THEN_END.search(before, m.end()) and _PAST_VERB.match(text, start))
                         or (_BEFORE_END.search(before, m.end()) and _GERUND.match(text, start)))):
                # "Gunmen called on the passengers to get off the bus and killed six of them", "police
                # called on the crowd to disperse before opening fire, killing two": the caller's own act,
                # told after the appeal (not "called on supporters to march and protest": what it asks)
                m = next((x for x in rx.finditer(before) if not _APPEAL.match(x.group(0))), None)
            if m is not None and name == "future" and _AFTER_CLAUSE.search(before, m.end()):
                # "The governor called on Tuesday for calm after youths torched a police station": the
                # event the appeal follows, told in a clause of its own, happened (not "after the killings")
                m = None
            if m is not None and name == "commemoration" and "," in before[m.end():] and not _RECALLED.search(before[m.end():]):
                m = None  # "On the anniversary of the coup, police fired tear gas": a new event that day
            if m is None and name == "commemoration":
                # "to mark 25 years since the massacre in which soldiers killed 300 villagers":
                # the trigger sits in a relative clause telling the commemorated event
                far = text[max(c_start, start - 2 * lex.window):start]
                m = self._search(k, rx, far)
                if m and not (_RECALLED.search(far[m.end():])
                              # "Eleven years after soldiers shot dead dozens of protesters, a court ...":
                              # up to the comma, the clause tells the event the years are counted from
                              or (_YEARS_AFTER.search(m.group(0)) and not re.search(r"[,;]", far[m.end():]))
                              # "a vigil for the 14 farmers killed by police in 2019", "the funeral of
                              # those shot dead": the dead it is held for, with no verb of their own
                              or (_FOR_THE_DEAD.match(m.group(0)) and not _CLAUSE_VERB.search(far[m.end():]))):
                    m = None
            if m is not None and name == "commemoration" and _FOR_THE_DEAD.match(m.group(0)):
                # "Mourners at the funeral of a student killed by police clashed with soldiers", "a funeral
                # for three protesters turned violent when police fired tear gas": what the gathering did
                # is told after the dead, not the violence it is held for
                # (both stretches read end at the trigger)
                if _GATHERING_DID.search(m.string[m.end():] + text[start:self.end]):
                    m = None
        elif scope.startswith("near"):
            n = int(scope[4:] or 4)
            # a reaction or antecedent cue may open the stretch ("..., in response to the killing")
            b = max(prev_end, start - lex.window) if name in ("reaction", "antecedent") else self.bound
            window = _last_words(text[max(b, start - lex.near_window * n // 4 - 20):start], n)
            m = self._search(k, rx, window)
            tail = window[m.end():] if m else ""
            if name == "antecedent":
                tail = _AUX_END.sub("", tail)  # "a day after a patrol was ambushed": its own auxiliary
            if m and name in ("reaction", "antecedent") and _CLAUSE_VERB.search(tail):
                m = None  # "a journalist who criticised the governor was abducted": not the object
        elif scope == "clause":
            m = self._search(k, rx, clause)
            if m and name == "aggregate":
                # "between June 3 and June 5", "from 30 May to 2 June": a few days of one incident
                m = next((x for x in rx.finditer(clause) if not _few_days(clause, x.start())), None)
            if m and name in ("background", "habitual", "aggregate"):
                # "the worst violence since protests began in December" dates a comparison, not the event
                m = next((x for x in rx.finditer(clause)
                          if not (x.group(0).lower().startswith("since")
                                  and (_SUPERLATIVE.search(clause[max(0, x.start() - 45):x.start()])
                                       or _MARKED_SPAN.search(clause[max(0, x.start() - 45):x.start()])))
                          and not (name == "habitual" and _RISEN.fullmatch(x.group(0))
                                   and self._toll_of_trigger(clause, x.start()))), None)
            if m and name == "background":
                # "Three protesters are killed as police open fire", "Dozens are arrested as ...": a
                # counted subject in the present is a headline-style report of one incident, not a habit
                m = next((x for x in rx.finditer(clause)
                          if not (_PRESENT_PASSIVE.match(x.group(0))
                                  and _COUNTED_SUBJECT.search(clause, 0, x.start()))), None)
            if m and name == "long_ago":
                # "a soldier who joined the army three months ago was killed", "killed an aid worker who
                # arrived six months ago": the past of a person told in a relative clause, not the event
                t = self.start - c_start
                m = next((x for x in rx.finditer(clause) if not _PERSON_PAST(clause, x, t)), None)
            if m and name == "cumulative" and _SINGLED_OUT.search(clause, m.end(), max(m.end(), self.start - c_start)):
                # "since the elections, 40 have been killed, including six on Friday in Kisumu, where
                # police fired live rounds": the incident the toll singles out by its day is an event
                m = None
            if m and name == "exercise":
                # "a convoy returning from a military exercise", "during naval drills by US warships":
                # the drill of other people or another time, not what the trigger is
                m = next((x for x in rx.finditer(clause)
                          if not _DRILL_BEFORE.search(clause, 0, x.start())
                          and not _DRILL_OF_OTHERS.match(clause, x.end())), None)
        else:
            m = _sentence_cue(self._gate, k, rx, text)
        return m

    def _toll_of_trigger(self, clause: str, risen: int) -> bool:
        return toll_update(clause, self.start - self.c_start, risen)


_PRESENT_PASSIVE = re.compile(r"(?i)(?:are|is)\s")
_COUNTED_SUBJECT = re.compile(
    r"(?i)(?:^\s*|[^\w\s]\s*)(?:at least |some |about |nearly |more than )?(?:\d+|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|a dozen|dozens|scores|hundreds|thousands)\s+(?:[\w'-]+\s+){0,3}$")
_PERSON_RELATIVE = re.compile(r"(?i)\b(?:who|whom|whose)\b[^,;:()]{0,90}$")
_MAIN_VERB_AFTER = re.compile(r"(?i)\s*(?:was|were|is|are|has|have|had|died)\b")


def _person_past(clause: str, cue: re.Match, trigger: int) -> bool:
    """Is the "years ago" cue inside a relative clause about a person ("who was freed two years
    ago") and the trigger outside it (before the "who", or the main verb right after the cue)?"""
    r = _PERSON_RELATIVE.search(clause[:cue.start()])
    if r is None:
        return False
    return trigger < r.start() or (trigger >= cue.end() and bool(_MAIN_VERB_AFTER.match(clause, cue.end())))


_PERSON_PAST = _person_past

_COUNTS = frozenset("two three four five six twin".split())
_STOP = frozenset("and or but in on at of with to by from for into after before as that which who was were is are has have had said".split())


def is_definite(text: str, start: int, lex: Lexicon | None = None, trigger: str = "") -> bool:
    """Is the nominal trigger at ``start`` introduced by a determiner ("the attack",
    "the decisive battle", "Saturday's blast")? Verb forms ("clashed") never are."""
    lex = lex or load_lexicon()
    if trigger.lower().endswith("ed"):
        return False
    words = _WORD.findall(text[max(0, start - 40):start])[-3:]
    for i, w in enumerate(reversed(words)):
        lw = w.lower()
        if lex.definite.fullmatch(w):
            return True
        if lw in _COUNTS and i + 1 < len(words) and lex.definite.fullmatch(words[-i - 2]):
            return True  # "the two bombings", "these three attacks": events already told
        if lw in _STOP or lw.endswith(("ed", "ing")) or lw in ("a", "an", "another", "one", "two", "several", "new", "fresh", "renewed"):
            return False
        if i >= 2:
            break
    return False


def has_happening(text: str, lex: Lexicon | None = None) -> bool:
    lex = lex or load_lexicon()
    return lex.happening.search(text) is not None


def is_distinct(text: str, lex: Lexicon | None = None) -> bool:
    """Does the sentence say it tells another event ("Earlier on Saturday", "In a separate attack")?"""
    lex = lex or load_lexicon()
    return lex.distinct.search(text) is not None


def hedged(text: str, lex: Lexicon | None = None) -> bool:
    lex = lex or load_lexicon()
    return lex.hedges.search(text) is not None


_TRIM = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_BAD_SOURCE = re.compile(
    r"^(?:He|She|It|They|We|I|You|This|That|There|The|In|On|At|But|And|Earlier|Later|Police said|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$"
)


def attribution(text: str, lex: Lexicon | None = None) -> str:
    """Who reports the sentence's content ("Syrian Observatory for Human Rights"), or ""."""
    lex = lex or load_lexicon()
    for rx in lex.attribution:
        m = rx.search(text)
        if m:
            src = _TRIM.sub("", m.group("src").strip(" ,.'\"“”’"))
            src = re.sub(r"^(?:Britain-based|UK-based|US-based|London-based)\s+", "", src)
            src = re.sub(r"^(?:war monitor|monitor)\s+", "", src)
            if not src or _BAD_SOURCE.match(src) or len(src) < 3:
                continue
            return src
    return ""
