"""Detection and typing: sentence -> event candidates.

For one sentence:

1. every trigger of the compiled lexicon is found (one regex pass);
2. generic triggers (killings, attacks, detentions, captures) are typed by the `resolution`
   rules from who acts and who is acted on (cue words left/right of the trigger, `by ...`
   phrases for passives), then every trigger is re-typed by the `refine` rules
   (a protest + tear gas -> Protest with intervention);
3. each trigger is judged by :mod:`.modality` (planned, negated, background ... -> dropped);
4. the sentence is cut into stretches at strong separators ("..., triggering airstrikes");
   within a stretch the surviving triggers are grouped into events: outcome words
   ("killed", "dead") and strategic developments join the violent event beside them, the
   same event type merges, and the sub-event type of lowest `precedence` wins.

All knowledge is in ``data/triggers.yaml``; nothing here names a word.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace

from .lexicon import Lexicon, TriggerRule, load_lexicon
from .modality import _FOR_THE_DEAD, _RELATIVE, OK, Verdict, check, has_happening, is_definite, toll_update

_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|got|get|be)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_WORDS = re.compile(r"[\w'-]+")
_AUX_START = re.compile(r"(?:was|were|been|being|is|are)\s", re.IGNORECASE)
_BY = re.compile(r"\bby\s+(?P<by>[^,.;]{1,70})", re.IGNORECASE)
_OUTCOME = re.compile(
    r"^(?:kill(?:ed|s|ing)?|dead|died|deaths|bodies|injured|wounded|stabbed|hacked|assaulted|targeted"
    r"|(?:(?:were|have been|had been)\s+(?:[\w-]+\s+)?)?(?:neutrali[sz](?:ed|ing|es)|eliminat(?:ed|ing|es)))$",
    re.IGNORECASE,
)
_NEG_BEFORE = re.compile(r"\b(?:no|not|never|without|n't|nobody|none)\b(?:\s+\w+){0,3}\s*$", re.IGNORECASE)
FAMILY = {"Protests": "protest", "Riots": "protest"}
# modality rules whose triggers refer to an event told elsewhere: kept as references
REFERENCE_RULES = ("reaction", "antecedent")
SIDE = 80
_MODAL_AFTER = re.compile(r"\s+(?:would|will|could|might|may|shall|are to|is to|were to|are set to|is set to|"
                          r"are expected to|is expected to|are planned|is planned|are scheduled|is scheduled)\b")
_INFINITIVE = re.compile(r"(?<!\bbegan )(?<!\bstarted )(?<!\bwent on )(?<!\bcontinued )(?<!\bbegun )\bto\s+$", re.IGNORECASE)


@dataclass(slots=True)
class Hit:
    """One trigger match in a sentence (offsets relative to the sentence text)."""

    start: int
    end: int
    text: str
    rule: TriggerRule
    sub_event_type: str = ""
    why: str = ""
    outcome: bool = False
    verdict: Verdict = field(default_factory=lambda: OK)
    civilian: bool = False
    block: int = 0
    claimed: bool = False


@dataclass(slots=True)
class Candidate:
    """An event read from one sentence (offsets relative to the sentence text)."""

    start: int
    end: int
    text: str
    sub_event_type: str
    event_type: str
    disorder_type: str
    strength: float
    block_start: int
    block_end: int
    hits: list[Hit] = field(default_factory=list)
    definite: bool = False
    reference: bool = False
    civilian: bool = False
    why: list[str] = field(default_factory=list)
    claim: bool = False  # a claim of responsibility for an event told elsewhere ("JNIM claimed the ambush")
    date_statement: bool = False  # "the attack happened on Saturday night": dates an event told before
    outcome_only: bool = False  # only outcome words ("12 fighters were killed")


def _family(lex: Lexicon, sub: str) -> str:
    et = lex.types[sub].event_type
    return FAMILY.get(et, et)


def _cue(lex: Lexicon, name: str, text: str, negation_aware: bool = False) -> bool:
    rx = lex.cues[name]
    if not negation_aware:
        return rx.search(text) is not None
    for m in rx.finditer(text):
        if not _NEG_BEFORE.search(text[max(0, m.start() - 30):m.start()]):
            return True
    return False


# an appositive description of the subject that names another party ("X, a rebel group fighting the
# army, ...", "Y, an ally of the government, ...")
_APPOSITIVE_DESC = re.compile(r"(?<=[\w'’)]),\s+(?:an?|one of the)\s+[^,;]{0,60}?\b(?:fighting|against|opposed to|"
                              r"battling|at war with|allied (?:to|with)|ally of|loyal to|backed by|linked to)\b[^,;]{0,50},")


def _sides(text: str, hit: Hit, lo: int, hi: int, prev_end: int, prev: Hit | None = None,
           prev_agent: str = "") -> tuple[str, str]:
    """(agent text, patient text) around a trigger, within [lo, hi)."""
    rel = "," in text and ("which" in text or "who" in text)
    for m in _RELATIVE.finditer(text, lo, hit.start) if rel else ():
        if m.start() <= prev_end <= m.end():  # the previous trigger is inside ", which ... ,"
            prev_end, prev = m.start(), None
    src = text
    a = max(lo, hit.start - SIDE - 120, 0)
    if "," in text[a:hit.start] and _APPOSITIVE_DESC.search(text, a, hit.start):
        # "The Arakan Army, an ethnic armed group fighting Myanmar's military, said it had captured":
        # the description of the subject names its enemy, who does not act (blanked, offsets kept)
        t = list(text)
        for m in _APPOSITIVE_DESC.finditer(text, a, hit.start):
            t[m.start() + 1:m.end()] = " " * (m.end() - m.start() - 1)
            if m.start() <= prev_end <= m.end():  # the previous trigger is inside the description
                prev_end, prev = m.start(), None
        src = "".join(t)
    left = src[max(lo, hit.start - SIDE, 0):hit.start]
    left_near = src[max(lo, prev_end, hit.start - SIDE, 0):hit.start]
    if prev is not None and prev.start >= lo and len(_WORDS.findall(left_near)) < 2:
        # "Protesters hurled petrol bombs", "militants attacked and killed": a shared subject
        left_near = prev_agent + " " + (prev.text if prev.rule.nominal else "") + " " + left_near
    if rel and "," in left:  # "The TPLF, which has fought the army since 2020, captured ...": the TPLF acts
        left, left_near = _RELATIVE.sub(",", left), _RELATIVE.sub(",", left_near)
    right = text[hit.end:min(hi, hit.end + SIDE)]
    by = _BY.search(right)
    by_text = by.group("by") if by else ""
    if hit.rule.agent_after:
        cut = re.search(r",|;|\b(?:after|when|as|while|before|and|following|amid|during)\b", right)
        return (right[: cut.start()] if cut else right), left
    if not hit.rule.nominal and (_PASSIVE.search(left) or _AUX_START.match(hit.text)):
        return by_text, left
    if hit.rule.nominal and by_text:
        return by_text + " " + left_near, right[: by.start()] + " " + right[by.end():] if by else right
    return left_near or left, right


_HEAD = re.compile(r"^\W*(?:(?:the|a|an|its|their|his|her|two|three|several)\s+)?(?:[\w'-]+\s+){0,2}[\w'-]+",
                   re.IGNORECASE)


def _head(patient: str) -> str:
    """The first noun phrase-ish words of the patient side ("a police checkpoint")."""
    m = _HEAD.match(patient)
    return m.group(0) if m else ""


_OBJECT = re.compile(r"^\W*(?:(?:of|over)\s+)?(?P<np>.*?)(?=,|;|\s(?:in|at|on|near|after|from|following|before|during|late|early|when|as|and|but|with|by)\b|$)",
                     re.IGNORECASE)


def _object(patient: str) -> str:
    """The object phrase after a trigger, through "of" chains, up to the first preposition or comma
    ("control of two wings of the Litoral penitentiary in Guayaquil" -> "two wings of the Litoral
    penitentiary"): what was taken, however many words name it."""
    m = _OBJECT.match(patient)
    return m.group("np") if m else ""


def _conditions(lex: Lexicon, rule: dict, agent: str, patient: str, block: str) -> bool:
    head = _head(patient)
    # "besides_agent": the stretch without the agent's own words ("jihadists attacked the town"
    # names no armed target, though "jihadists" is an armed word)
    besides_agent = block.replace(agent.strip(), " ", 1) if agent.strip() else block
    for key, where in (("agent", agent), ("patient", patient), ("any", block), ("patient_head", head),
                       ("besides_agent", besides_agent), ("object", _object(patient) if "object" in rule else "")):
        for cue in rule.get(key, []) or []:
            if not _cue(lex, cue, where, negation_aware=(key == "any")):
                return False
    for key, where in (("not_agent", agent), ("not_patient", patient), ("not_any", block),
                       ("not_patient_head", head)):
        for cue in rule.get(key, []) or []:
            if _cue(lex, cue, where):
                return False
    return True


def _resolve(lex: Lexicon, hit: Hit, agent: str, patient: str, block: str) -> tuple[str, str]:
    g = hit.rule.generic
    for r in lex.resolution.get(g, []):
        if _conditions(lex, r, agent, patient, block):
            return r["then"], f"{g} trigger typed by rule -> {r['then']}"
    return lex.generic_default[g], f"{g} trigger, default type"


def _refine(lex: Lexicon, sub: str, agent: str, patient: str, block: str) -> tuple[str, str]:
    for r in lex.refine:
        if sub in r.get("from", []) and _conditions(lex, r, agent, patient, block):
            return r["then"], f"refined {sub} -> {r['then']}"
    return sub, ""


def _blocks(text: str, lex: Lexicon) -> list[tuple[int, int]]:
    cuts = [0]
    for m in lex.strong_sep.finditer(text):
        cuts.append(m.start())
    cuts.append(len(text))
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


def hits_in(text: str, lex: Lexicon | None = None) -> list[Hit]:
    lex = lex or load_lexicon()
    return [Hit(a, b, text[a:b], lex.rules[rid]) for a, b, rid in lex.find(text)]


def detect_sentence(text: str, has_date: bool = False, lex: Lexicon | None = None,
                    keep_rejected: list[Hit] | None = None, has_day: bool | None = None) -> list[Candidate]:
    """The event candidates of one sentence (``text``); ``has_date``/``has_day`` as in
    :func:`.modality.check`."""
    lex = lex or load_lexicon()
    hits = hits_in(text, lex)
    if not hits:
        return []
    # modality first: an antecedent ("a day after a rally turned violent") must not type the rest
    _judge(text, hits, has_date, has_day, lex)
    # the rest reads only the text and the verdicts: the nlp prefilter and the events stage,
    # which judge with different dates, mostly reach the same verdicts and share the reading
    verdicts = tuple((h.verdict.ok, h.verdict.rule, h.verdict.why, h.verdict.cue, h.claimed) for h in hits)
    hits, out = _copy(*_read(lex, text, verdicts))
    if keep_rejected is not None:
        keep_rejected.extend(h for h in hits if not h.verdict.ok and h.verdict.rule not in REFERENCE_RULES)
    return out


_OF_PEOPLE = re.compile(r"(?i)\bof$")
# a crowd's own finite verb: it has no participle use that could describe the people named before it
_CROWD_VERB = re.compile(r"(?i)(?:marched|rallied|protested|demonstrated|gathered|staged|held)")


_PRESENT_ACT = re.compile(r"(?i)(?:attack|kill|shoot|bomb|abduct|kidnap|loot|burn|raid|shell|ambush|behead|torture|rape|extort)s?")
_PRONOUN_BEFORE = re.compile(r"(?i)\b(?:they|we|he|she|it|who|which|that)\s+(?:(?:often|still|now|regularly|usually|always|sometimes|routinely|just|also|even|only|mostly|never)\s+)?$")
_DETERMINER_PRONOUN = re.compile(r"(?i)\b(?:which|that|it)\s+$")
# "condemned Friday's drone strike as an attack on civilians", "described the shelling as a massacre",
# "branded the raid a terrorist attack": the name a reaction gives to an event it names, not a second event
_LABELLED = re.compile(
    r"(?i)\b(?:condemn(?:ed|s|ing)|denounc(?:ed|es|ing)|describ(?:ed|es|ing)|decr(?:ied|ies|ying)|"
    r"characteri[sz](?:ed|es|ing)|slamm?(?:ed|s|ing)|critici[sz](?:ed|es|ing)|call(?:ed|s|ing)|brand(?:ed|s|ing)|"
    r"label(?:l?ed|s|l?ing)|term(?:ed|s|ing)|den(?:ied|ies|ying))\s+"
    r"(?:(?:the|this|that|these|those|its|their|his|her|[\w-]+day's|[A-Z][\w-]+'s|last \w+'s)\s+)"
    r"(?:(?:[\w'-]+\s+){0,5}?as\s+|(?:(?!(?:of|in|on|at|near|by|with|against|from|during|for|into|after|that|which|who)\b)[\w'-]+\s+){0,2}?)"
    r"[\"“']?(?:an?|the|nothing (?:less|more|short) than (?:an?|the))\s+"
    r"(?:[\w'-]+\s+){0,3}$")
_CALLED = re.compile(r"(?i)\bcall(?:ed|s|ing)?\b")
_FINITE_ED = re.compile(r"(?i)^\w+ed\b")
_CALL_BREAK = re.compile(r"(?i)[,;.]|\b(?:and|but|while|after|as|when|which|who)\b")
# "Anyone who attacks police stations or burns property will face the law": the acts of a
# warning's hypothetical subject, up to the warning's modal verb, are not events
# (told in the present, "anyone who attacks": not "whoever attacked the convoy on Monday")
_ANYONE_WHO = re.compile(r"(?i)\b(?:anyone|anybody|whoever|any (?:person|group|individual|one)) (?:who|that)\s+(?=(?:(?:tries|dares|seeks|chooses|wants) to \w+|[a-z]+s)\b)(?!(?:was|has|is)\b)")
_WARNING_VERB = re.compile(r"(?i)\b(?:will|would|shall|must|should|can|faces?|risks?)\b")


def _warned_acts(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _ANYONE_WHO.finditer(text):
        w = _WARNING_VERB.search(text, m.end())
        if w is not None and not re.search(r"[;:]", text[m.end():w.start()]):
            out.append((m.end(), w.start()))
    return out


def _judge(text: str, hits: list[Hit], has_date: bool, has_day: bool | None, lex: Lexicon) -> None:
    """The modality verdict of each trigger (``Hit.verdict``, ``Hit.claimed``)."""
    prev_end = 0
    warned = _warned_acts(text) if "who" in text or "that" in text else []
    prev: Hit | None = None
    planned = False
    prev_legal: Hit | None = None
    for h in hits:
        own_date, own_day = has_date, has_day
        if has_date and _undated_relative(text, h.start):
            # "The rebels, who did not sign the peace deal that disarmed most of the group, have not
            # commented on Monday's fighting": the day dates the main clause, not the aside
            own_date, own_day = False, False
        h.verdict = check(text, h.start, h.end, prev_end=prev_end, has_date=own_date, lex=lex, has_day=own_day)
        if (h.verdict.ok and _PRESENT_ACT.fullmatch(h.text)
                and _PRONOUN_BEFORE.search(text, max(0, h.start - 30), h.start)
                # ("that attack", "which raid": a noun with its determiner)
                and not (h.rule.nominal and _DETERMINER_PRONOUN.search(text, max(0, h.start - 30), h.start))):
            # '"They attack us from the air now," the general said', "groups that kill traders": a
            # present-tense act told of a pronoun is a habit or a claim about it, not one event
            h.verdict = Verdict(False, "habitual", "an act told in the present tense", text[h.start:h.end])
        if (h.verdict.ok and h.rule.nominal and prev is not None
                and (m := _LABELLED.search(text, max(0, h.start - 120), h.start)) is not None
                and m.start() < prev.start and not re.search(r"[;:]", text[prev.end:h.start])):
            # "condemned Friday's drone strike as an attack on civilians", "described the shelling as a
            # massacre": what a reaction or a description calls the event it names (the trigger before,
            # its object), not a second event
            h.verdict = Verdict(False, "characterisation", "the name a reaction gives to the event it names", "as")
        if h.verdict.ok and any(a <= h.start < b for a, b in warned):
            h.verdict = Verdict(False, "possibility", "the act of anyone who might do it, in a warning", "anyone who")
        if (not h.verdict.ok and h.verdict.rule == "antecedent" and h.rule.sub_event_type == "Peaceful protest"
                and _OF_PEOPLE.search(h.verdict.cue) and _CROWD_VERB.fullmatch(h.text)):
            # "people carrying photographs of the two journalists marched", "relatives of the victims rallied":
            # the crowd and what it carries, then its own verb -- the protest itself, not an earlier event
            h.verdict = OK
        if (h.verdict.ok and planned and h.rule.sub_event_type == "Peaceful protest"
                and _INFINITIVE.search(text, max(0, h.start - 40), h.start)):
            # "called a strike for Thursday to protest against fuel prices": the purpose of a plan
            h.verdict = Verdict(False, "future", "purpose of a planned action", "to")
        if (h.verdict.ok and prev is not None and prev.verdict.rule == "future" and h.rule.nominal
                and not _FINITE_ED.search(h.text)  # ("answering a call for protests clashed with police": a verb, the youths')
                and prev.verdict.cue and _CALLED.search(prev.verdict.cue)
                and not _CALL_BREAK.search(text, prev.end, h.start)):
            # 'has called for a "ville morte" (dead city) day of general strike': the call's cue was
            # read for the word before ("dead"); the strike named after it in the same phrase is called for too
            h.verdict = prev.verdict
        if h.verdict.ok and h.rule.nominal and _MODAL_AFTER.match(text, h.end):
            # "the protests would continue on Thursday", "strikes will resume": not (yet) happened
            h.verdict = Verdict(False, "future", "modal verb after the trigger", text[h.end:h.end + 12].strip())
        planned = planned or h.verdict.rule in ("future", "possibility")
        prev = h
        if (h.verdict.ok and h.rule.sub_event_type not in _PROTEST_TYPES and _BASE_VERB.fullmatch(h.text)
                and _INFINITIVE.search(text, max(0, h.start - 40), h.start)
                and not _ATTEMPT.search(text, max(0, h.start - 40), h.start) and _purpose(text, h.start)):
            # "efforts are ongoing to rescue the victims and to arrest the perpetrators": a purpose
            # (not "attempted to assassinate the prime minister": the attempt happened; not "stormed
            # a school to abduct students, taking 25 girls": the raid that did it)
            h.verdict = Verdict(False, "future", "purpose (to + verb)", "to")
        if h.verdict.ok and h.rule.generic and toll_update(text, h.start) and not (
                _TOLL_TARGET.match(text, h.end) and _OWN_DAY.search(text, max(0, h.start - 50), h.start)):
            # "the death toll from Friday's attack has risen to 37": an update that does not say
            # what the attack was (the reports of its day do); a "suicide attack", "shelling" does,
            # and so does "Saturday's attack on a wedding party in Tillia": the report of that attack
            # (ACLED codes it from this report: its day, its target and place, its toll). Not "the
            # attack on a mosque in Peshawar has risen to 101, officials said on Wednesday": no day
            # of its own, only the day of the report
            h.verdict = Verdict(False, "habitual", "toll update of an event not told", "has risen")
        if (h.verdict.ok and prev_legal is not None and _LEGAL_OBJECT.fullmatch(text, prev_legal.end, h.start)
                and not _PASSIVE_TRIGGER.match(h.text)):  # "... for murder was shot dead": the main verb
            # "sentenced three men for their role in the 2015 attack on the hotel that killed 20 people",
            # "acquitted officers charged with shooting dead a protester": the rest of the past act
            # the court case is about, not an event of its own
            h.verdict = Verdict(False, "legal", "part of the past act a court case is about", prev_legal.verdict.cue)
        if (h.verdict.ok and not has_date and h.rule.nominal and _PLURAL_VIOLENCE.search(h.text)
                and (_GENERIC_OBJECT.search(text, max(0, h.start - 60), h.start) or _GENERIC_PREDICATE.match(text, h.end))
                and not _TOLL_TOLD.search(text)):
            # "a victim of militant attacks", "rarely comments on attacks inside Russia", "the sound of
            # explosions", "insurgent attacks have become smaller": a kind of violence named in general,
            # told without a day, not one incident (not "killed in airstrikes", "attacks on Monday")
            h.verdict = Verdict(False, "generic", "a kind of violence named in general (bare plural)", h.text)
        if h.verdict.ok and _WARRANT.match(text, h.end):
            # "entered the community to serve arrest warrants", "a search warrant": a court's paper, not an arrest
            h.verdict = Verdict(False, "legal", "a warrant, not the act", text[h.start:h.end + 9].strip())
        if (h.verdict.ok and h.rule.sub_event_type == "Looting/property destruction"
                and _FOUND_DONE.search(text, max(0, h.start - 50), h.start)):
            # "Residents who returned on Thursday found many houses looted": the damage of an event told
            # before, found afterwards, not a looting that day
            h.verdict = Verdict(False, "antecedent", "damage found afterwards", "found")
        if h.verdict.ok and _protest_cause(text, hits, h, lex):
            # "took to the streets to protest against house searches and arrests": the grievance
            h.verdict = Verdict(False, "antecedent", _CAUSE_WHY, text[prev_end:h.start].strip())
        if h.verdict.ok and h.rule.nominal and is_definite(text, h.start, lex, h.text):
            m = lex.claim.search(text[max(0, h.start - 60):h.start])
            if m:
                h.verdict = Verdict(False, "reaction", "claim of responsibility", m.group(0))
                h.claimed = True
            m = lex.attributed.match(text, h.end)
            if m:  # "both attacks had been carried out by members of X": who is behind an event told before
                h.verdict = Verdict(False, "reaction", "attribution of an event told before", m.group(0).strip())
                h.claimed = True
        prev_end = h.end
        if h.verdict.rule == "legal":
            prev_legal = h
        elif h.verdict.ok:
            prev_legal = None


_PLURAL_VIOLENCE = re.compile(
    r"(?i)\b(?:attacks|explosions|bombings|strikes|airstrikes|raids|clashes|killings|kidnappings|abductions|"
    r"shootings|ambushes|blasts|assassinations|massacres|bombardments|shellings|disappearances|executions)$")
# the bare plural as the object of a noun or a verb of talk ("victims of attacks", "comments on
# attacks", "the sound of explosions"), only adjectives between: no determiner, count or day
_GENERIC_OBJECT = re.compile(
    r"(?i)\b(?:(?:victims?|targets?|sounds?|noise|threats?|fears?|risks?|dangers?|spectre|kinds?|types?|forms?|"
    r"patterns?|rise|increase|decline|fall|drop|surge|number|frequency|use|complaints?|cases?|allegations?|accusations?) of|"
    r"(?:complaints?|cases?|allegations?|accusations?|petitions?) (?:related to|relating to|concerning|involving|over|about)|"
    # a record named in general: "wanted for shooting attacks on soldiers", "accused of kidnappings"
    r"(?:wanted|accused|suspected|charged|convicted|jailed|sentenced|blamed|responsible|known|notorious|linked|tied) (?:for|of|to)|(?:comments?|commented|commenting|"
    r"reports?|reporting|information|data|statistics|figures|focus(?:es|ed|ing)?|crackdown|restrictions|ban) (?:on|about)|"
    r"(?:protect(?:ion|s|ed|ing)?|defen[cs]es?|measures|safeguards?|shield(?:ed|s|ing)?|warn(?:ed|s|ing)?|campaign(?:ed|s|ing)?) "
    r"(?:\w+ )?against|(?:vulnerable|exposed|prone|immune) to)"
    r"\s+(?!(?:the|these|those|this|that|its|their|his|her|our|both|all|two|three|four|five|six|several|recent|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:'s|’s)|yesterday's|last|\d+)\b)"
    r"(?:[\w-]+\s+){0,2}$")
_GENERIC_PREDICATE = re.compile(
    r"(?i)\s+(?:(?:have|has) (?:become|grown|gotten|got)|(?:are|remain|were) (?:(?:now|still|increasingly|often|"
    r"very|relatively|far|much)\s+)*(?:common|rare|frequent|smaller|larger|bigger|deadlier|routine|more|less|a daily|"
    r"an everyday|part of))\b")
_DAY_WORD = re.compile(
    r"(?i)\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|tonight|overnight|last (?:night|week)|"
    r"(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|"
    r"earlier|later|hours|morning|evening|afternoon|dawn|midnight)\b")


def _undated_relative(text: str, at: int) -> bool:
    """Is ``at`` inside a relative clause (", who ...,", ", which ...") that names no day of its own?"""
    if "which" not in text and "who" not in text:
        return False
    for m in _RELATIVE.finditer(text):
        if m.start() <= at < m.end():
            return not _DAY_WORD.search(text, m.start(), m.end())
        if m.start() > at:
            break
    return False


# a sentence that counts the dead or hurt tells an incident, and its bare plural is how they died:
# "Nine people were killed in Gao, the latest victims of airstrikes", "two police stations were
# targets of suicide attacks, killing four officers"
_TOLL_TOLD = re.compile(r"(?i)\b(?:killed|killing|kills|wounded|wounding|injured|injuring|shot dead|died|dead)\b")
_WARRANT = re.compile(r"(?i)\s+warrants?\b")
# (what was found, then its state: not "found beside the burnt truck", a place)
_FOUND_DONE = re.compile(r"(?i)\b(?:found|discovered|came back to|returned to|returning to)\s+"
                         r"(?:(?!(?:beside|near|in|at|on|by|inside|outside|next|under|behind|along|across|around|to|from)\b)[\w'-]+\s+){0,4}?"
                         r"(?:had been\s+|been\s+)?$")
_PASSIVE_TRIGGER = re.compile(r"(?i)(?:was|were|is|are|has been|have been|had been)\b")
_TOLL_TARGET = re.compile(r"(?i)\s+(?:on|in|at|near|against|targeting|by)\b")
# the attack's own day right before it: "Saturday's attack", "last night's suicide attack", "Russia's
# Feb. 18 attack", "the 3 March bombing"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*"
_OWN_DAY = re.compile(r"(?i)(?:\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?: (?:night|morning|evening|afternoon))?|yesterday|last (?:night|week)|(?:the )?weekend)"
                      r"(?:'s|’s)|\b" + _MONTH + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?|\b\d{1,2}\s+" + _MONTH + r"\b\.?)"
                      r"\s+(?:[\w-]+\s+){0,3}?$")


# after a trigger a court case is about, the words up to the next trigger that still describe it:
# its object, a relative clause or a place and time, no clause boundary of another act
_LEGAL_OBJECT = re.compile(
    r"(?i)(?!.*\b(?:and|but|while|whereas|as|after|before|when|then|sparking|prompting|triggering|"
    r"was|were|is|are|has been|have been|had been)\b)"
    r"[^,;:.!?]{0,70}")


# crimes and seizures: an offensive "to retake the town", "pushing to capture" is fighting under way
_BASE_VERB = re.compile(r"(?i)(?:arrest|detain|abduct|kidnap|kill|bomb|shell|loot|burn|torch|shoot|execute|assassinate)")
_ATTEMPT = re.compile(r"(?i)\b(?:attempted|attempting|tried|trying|managed)\s+to\s+$")
# a "to" governed by a raid told as done ("stormed a school to abduct students, taking 25 girls") tells
# what the raid did, unless an effort or a plan comes between ("raided the camp in a bid to arrest")
_PURPOSE_GOV = re.compile(
    r"(?i)\b(?:efforts?|bids?|attempts?|operations?|missions?|campaigns?|manhunt|search|plans?|planned|planning|"
    r"plots?|plotted|vow(?:ed|s)?|pledged?|promised?|threatened|order(?:ed|s)?|sought|seeks?|seeking|wants?|wanted|"
    r"aim(?:ed|s)?|intend(?:ed|s)?|deployed|dispatched|mobili[sz]ed|under ?way|ongoing|called for|urged)\b")
_RAID_DONE = re.compile(r"(?i)\b(?:stormed|raided|attacked|entered|invaded|ambushed|overran|broke into|burst into|"
                        r"swooped on|descended on)\b")


def _purpose(text: str, start: int) -> bool:
    """Is the "to" before ``start`` a purpose ("efforts are under way to arrest", "a licence to kill"),
    not the aim of a raid told as done in the same clause?"""
    lo = max(0, start - 100, *(text.rfind(p, 0, start) + 2 for p in (". ", "; ", ": ")))
    raids = [m.end() for m in _RAID_DONE.finditer(text, lo, start)]
    return not raids or bool(_PURPOSE_GOV.search(text, raids[-1], start))


_CAUSE_WHY = "the cause of a protest"
# what a protest demands back: the people it names were taken before, not at the protest
_DEMAND_RELEASE = re.compile(
    r"(?i)\b(?:demand(?:ing|ed|s)?|call(?:ing|ed|s)? for|seek(?:ing|s)?|press(?:ing|ed)? for|to (?:demand|seek|press for))"
    r" (?:the )?(?:immediate |unconditional |safe )*(?:release|return|freedom|whereabouts|fate) of\b"
    r"(?:(?!,\s*(?:and|but|then)\b|\b(?:as|while|whereas|but|when|after|before|until|then)\b)[^.;:]){0,70}$")
_PROTEST_TYPES = ("Peaceful protest", "Protest with intervention", "Excessive force against protesters")
# after the cue, a conjunction opens a clause of its own ("against military rule as troops killed
# five", "amid clashes in which"): only a noun phrase is the grievance
_CAUSE_CLAUSE = re.compile(r"\b(?:as(?! well as)|amid|amidst|until|till|before|after|then|during|while|when|but)\b",
                           re.IGNORECASE)
# a finite verb with its object ("killed five", "shot dead a teenager") tells an act, not a grievance
# (a participle is not: "the release of classmates detained during the unrest")
_FINITE = re.compile(r"(?i)\w+ed|shot|beat|burnt|struck|stabbed|hit|fought|overran|slit|cut|blew|threw|took|stole|seized")
_VERB_OBJECT = re.compile(r"(?i)\s+(?:dead\s+)?(?:\d+|a|an|the|his|her|their|its|him|them|one|two|three|four|five|six|seven|"
                          r"eight|nine|ten|eleven|twelve|several|dozens|scores|hundreds|at least|some|many|more than)\b")
_CAUSE_BREAK = re.compile(r"[.;:]|\b(?:who|which|when|where|while|but|was|were|is|are|has|have|had)\b", re.IGNORECASE)


_PROTEST_VERB_END = re.compile(r"(?i)\bprotesting$")


def _protest_cause(text: str, hits: list[Hit], h: Hit, lex: Lexicon) -> bool:
    """Is ``h`` the grievance of the protest trigger just before it ("marched to protest against
    the arrests of ...", "in protest at the abduction of")? Only a noun, not a verb coordinated
    with the protest ("rallied against the governor and attacked his office")."""
    if h.rule.sub_event_type in _PROTEST_TYPES:
        return False
    prev = next((x for x in reversed(hits) if x.end <= h.start), None)
    if prev is None:
        return False
    between = text[prev.end:h.start]
    if _FINITE.fullmatch(h.text.split()[0]) and _VERB_OBJECT.match(text, h.end):
        return False  # "against military rule and troops killed five of them": a verb with its object
    if h.rule.sub_event_type in ("Violent demonstration", "Mob violence") and _FINITE.fullmatch(h.text.split()[0]):
        # "Protesters demanding the release of their leader threw stones at police": the crowd's own
        # act, its object inside the trigger ("threw stones", "torched a police post"), not what it demands
        return False
    if (prev.rule.sub_event_type in _PROTEST_TYPES and prev.verdict.ok
            and _DEMAND_RELEASE.search(text, max(prev.end, h.start - 90), h.start)):
        # "staged a sit-in demanding the release of relatives they say were forcibly disappeared"
        return True
    if h.text.lower().endswith("ed") and re.search(r"(?:\band|\bor|,)\s*$", between):
        return False  # "protested against the governor and attacked his office": an act of its own
    if prev.verdict.why == _CAUSE_WHY:
        # "against house searches and arrests that followed the attack": the grievance goes on
        return h.rule.nominal and len(between) < 40 and not re.search(r"[.;:,]", between)
    if prev.rule.sub_event_type not in _PROTEST_TYPES or not prev.verdict.ok:
        return False
    if len(between) > 90 or _CAUSE_BREAK.search(between):
        return False
    if _PROTEST_VERB_END.search(prev.text):
        # "traders protesting the killing blocked the road": the protest verb's own object
        between = "protesting" + between
    m = lex.cues["protest_cause"].search(" ".join(between.split()) + " ")
    # "to denounce police brutality as officers shot dead two demonstrators": what happened at it
    return bool(m) and not _CAUSE_CLAUSE.search(m.group("cause"))


@functools.lru_cache(maxsize=4096)
def _read(lex: Lexicon, text: str, verdicts: tuple) -> tuple[list[Hit], list[Candidate]]:
    """Type and group the triggers of ``text`` judged with ``verdicts`` (cached; callers get
    copies from :func:`_copy`)."""
    hits = hits_in(text, lex)
    for h, (ok, rule, why, cue, claimed) in zip(hits, verdicts):
        h.verdict = OK if ok and not (rule or why or cue) else Verdict(ok, rule, why, cue)
        h.claimed = claimed
    blocks = _blocks(text, lex)
    _share_antecedent(text, hits)
    masked = _mask_antecedents(text, hits)
    prev_end = 0
    prev: Hit | None = None
    prev_agent = ""
    for h in hits:
        bi = next(i for i, (a, b) in enumerate(blocks) if a <= h.start < b)
        h.block = bi
        lo, hi = blocks[bi]
        block_text = masked[lo:hi]
        agent, patient = _sides(text, h, lo, hi, prev_end, prev, prev_agent)
        prev, prev_agent = h, agent
        if h.rule.generic:
            sub, why = _resolve(lex, h, agent, patient, block_text)
            h.outcome = h.rule.weak or bool(h.rule.generic == "violence" and (
                _OUTCOME.match(h.text.strip()) or _fallen_agents(text, h)))
        else:
            sub, why = h.rule.sub_event_type, "trigger of " + h.rule.sub_event_type
            h.outcome = h.rule.weak
        sub2, why2 = _refine(lex, sub, agent, patient, block_text)
        if sub2 == "none":  # "gunmen blocked the road": no protest
            h.verdict = Verdict(False, "non_conflict", why2, h.text)
            sub2 = sub
        h.sub_event_type = sub2
        h.why = why + ("; " + why2 if why2 else "")
        h.civilian = _cue(lex, "civilians", patient)
        if h.civilian and _cue(lex, "armed", _head(patient)) and not _cue(lex, "civilians", _head(patient)):
            h.civilian = False  # "killed seven suspected gang members during an operation in a neighbourhood"
        if h.sub_event_type == "Arrests" and h.verdict.ok:
            stop = text.find(". ", h.end, hi)
            m = lex.arrest_followup.search(text, h.end, stop if stop >= 0 else hi)
            if m:  # "arrested four people in connection with the killings": an investigation step
                h.verdict = Verdict(False, "legal", "arrest of suspects for a crime told elsewhere", m.group(0))
            elif lex.cues["disappeared"].search(text, h.end):
                # "detained the journalist and took him to an unknown location; his family has had no
                # news of his whereabouts since": a forced disappearance by the state (ACLED-NOTES)
                h.sub_event_type = "Abduction/forced disappearance"
                h.why += "; refined Arrests -> Abduction/forced disappearance (whereabouts unknown)"
        prev_end = h.end
    alive = [h for h in hits if h.verdict.ok or h.verdict.rule in REFERENCE_RULES]
    out: list[Candidate] = []
    for bi, (lo, hi) in enumerate(blocks):
        bh = [h for h in alive if h.block == bi]
        if not bh:
            continue
        groups: list[list[Hit]] = []
        for h in bh:
            if groups and _joins(lex, groups[-1], h, text):
                groups[-1].append(h)
            else:
                groups.append([h])
        # outcome-only groups join a neighbouring group of the same stretch
        merged: list[list[Hit]] = []
        for g in groups:
            if merged and (all(x.outcome for x in g) or all(x.outcome for x in merged[-1])):
                merged[-1].extend(g)
            else:
                merged.append(g)
        for g in merged:
            if all(h.rule.weak for h in g):
                continue  # "died", "wounded", "raid" alone tell no event
            out.append(_candidate(lex, g, text, lo, hi))
    return hits, _drop_intercepted(text, out)


_OF_THEM = re.compile(r"(?i)\b(?:shot down|intercepted|downed|destroyed|neutrali[sz]ed)\s+(?:all|most|some|many|\d+|"
                      r"one|two|three|four|five|six|seven|eight|nine|ten|\w+teen|\w+ty)\s+of\s+(?:them|these|those)\b")
_STRIKE_HARM = re.compile(r"(?i)\b(?:kill\w*|dead|died|injur\w*|wound\w*|hit|struck|damag\w*|destroy\w*)\b")


def _drop_intercepted(text: str, cands: list[Candidate]) -> list[Candidate]:
    """"The region was attacked by Shaheds; air defence shot down 11 of them": the drones the
    sentence counts as shot down are the interception it tells (Disrupted weapons use), not an
    air strike besides it, unless the strike's own stretch tells harm done."""
    disrupted = [c for c in cands if c.sub_event_type == "Disrupted weapons use"
                 and _OF_THEM.search(text, c.block_start, c.block_end)]
    if not disrupted:
        return cands
    first = min(c.start for c in disrupted)
    return [c for c in cands if not (c.sub_event_type == "Air/drone strike" and c.start < first
                                     and not _STRIKE_HARM.search(text, c.block_start, c.block_end))]


def _copy(hits: list[Hit], cands: list[Candidate]) -> tuple[list[Hit], list[Candidate]]:
    """Fresh copies of a cached reading (callers retype candidates in place)."""
    fresh = {id(h): replace(h) for h in hits}
    return ([fresh[id(h)] for h in hits],
            [replace(c, hits=[fresh[id(h)] for h in c.hits], why=list(c.why)) for c in cands])


_IN_THE = re.compile(r"\s+(?:in|during|by)\s+(?:an?|the|one|two|several)\s+(?:[\w'-]+\s+){0,2}$", re.IGNORECASE)


_APPOSITIVE = re.compile(r"(?:\s+[\w'-]+){0,8},\s+(?:an?|the)\s+(?:[\w'-]+\s+){0,2}", re.IGNORECASE)


def _share_antecedent(text: str, hits: list[Hit]) -> None:
    """"families of traders killed in an attack on the market": the attack a killing told as an
    antecedent happened in is the same antecedent, not an event of this sentence."""
    for prev, h in zip(hits, hits[1:]):
        if prev.verdict.rule == "antecedent" and h.verdict.ok and h.rule.nominal \
                and (_IN_THE.fullmatch(text, prev.end, h.start) or _APPOSITIVE.fullmatch(text, prev.end, h.start)):
            # (", an attack in which several guardsmen died": the antecedent named again)
            h.verdict = prev.verdict


def _mask_antecedents(text: str, hits: list[Hit]) -> str:
    """The text with antecedent stretches ("a day after a rally by his party turned violent")
    blanked (offsets kept): they tell another event and must not type this one."""
    spans = []
    for h in hits:
        if h.verdict.rule == "commemoration" and h.verdict.cue and _FOR_THE_DEAD.match(h.verdict.cue):
            # "held a vigil for the 14 farmers killed by police in 2019": the dead it honours
            # do not type the vigil
            a = text.rfind(h.verdict.cue, 0, h.start)
            if a >= 0:
                b = text.find(",", h.end)
                spans.append((a + len(h.verdict.cue), b if b >= 0 else len(text)))
            continue
        if h.verdict.rule != "antecedent" or not h.verdict.cue:
            continue
        a = text.rfind(h.verdict.cue, 0, h.start)
        if a < 0:
            continue
        b = text.find(",", h.end)
        spans.append((a, b if b >= 0 else len(text)))
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def _label(lex: Lexicon, h: Hit, text: str) -> bool:
    """A generic violence noun ("an attack", "a separate attack") that only labels the event
    a typed trigger beside it tells ("a suicide bomber blew himself up")."""
    return (h.rule.generic == "violence" and h.rule.nominal and not h.outcome
            and not is_definite(text, h.start, lex, h.text))


def _joins(lex: Lexicon, group: list[Hit], h: Hit, text: str) -> bool:
    last = group[-1]
    if not lex.weak_sep.search(text, last.end, h.start):
        return True
    remote = "Explosions/Remote violence"
    if h.start - last.end < 80 and "." not in text[last.end:h.start] and (
            (_label(lex, h, text) and any(lex.types[x.sub_event_type].event_type == remote and not x.rule.generic
                                          for x in group))
            or (all(_label(lex, x, text) for x in group) and lex.types[h.sub_event_type].event_type == remote
                and not h.rule.generic)):
        return True
    if h.outcome or any(x.outcome for x in group):
        return True
    fam = _family(lex, h.sub_event_type)
    fams = {_family(lex, x.sub_event_type) for x in group}
    if fam in fams:
        return True
    if _elaborates(lex, group, h, text):
        return True
    sd = lex.types[h.sub_event_type].event_type == "Strategic developments"
    group_sd = all(lex.types[x.sub_event_type].event_type == "Strategic developments" for x in group)
    return sd != group_sd


_SPARKED = re.compile(r"(?i)\b(?:triggering|prompting|sparking|provoking)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?$")
_PARTICIPLE = re.compile(r"(?i)\w+ing\b")
_ELABORATES = re.compile(r"(?i)[^.;:]{0,80}?,\s+(?:\w+ing\b[^.;:,]{0,50}?\s+and\s+)?")


def _elaborates(lex: Lexicon, group: list[Hit], h: Hit, text: str) -> bool:
    """"Gunmen invaded the village, setting fire to houses and shooting at residents": the
    participle tells how the raid went (one attack on the residents), not a clash beside a
    shooting; it decides the type."""
    return bool(not h.outcome and _PARTICIPLE.fullmatch(h.text.split()[0])
                and _ELABORATES.fullmatch(text, group[-1].end, h.start)
                and all(x.sub_event_type == "Armed clash" and x.text.lower().endswith("ed") for x in group)
                and lex.types[h.sub_event_type].event_type in ("Violence against civilians", "Explosions/Remote violence"))


_AGENT_NOUN = re.compile(r"(?i)(?:attackers|assailants)$")
_FALLEN_BEFORE = re.compile(
    r"(?i)\b(?:(?:bodies|corpses|remains|deaths?) of|kill(?:ed|ing)|shot dead|neutrali[sz](?:ed|ing)|eliminat(?:ed|ing)|"
    r"captur(?:ed|ing)|arrest(?:ed|ing)|wound(?:ed|ing))\s+(?:[\w'-]+\s+){0,3}$")
_FALLEN_AFTER = re.compile(
    r"(?i)\s+(?:(?:were|was|had been|have been|are|lay)\s+(?:\w+\s+)?(?:killed|shot|dead|captured|arrested|"
    r"neutrali[sz]ed|wounded|injured)|died|killed in)\b")


def _fallen_agents(text: str, h: Hit) -> bool:
    """"the bodies of three attackers", "two assailants were shot dead": the attackers are who
    died or were caught in the event told beside them; like a bare toll they make no event."""
    return bool(_AGENT_NOUN.search(h.text) and (_FALLEN_BEFORE.search(text, max(0, h.start - 60), h.start)
                                                 or _FALLEN_AFTER.match(text, h.end)))
# "The attack came a day after a patrol was ambushed", "The strike comes amid talks": the story's
# event set in time, not a new one
_CAME_WHEN = re.compile(r"(?i)\s+(?:came|comes)\s+(?:(?:just|only|shortly|barely|some|less than|more than)\s+)?"
                        r"(?:(?:a|an|one|two|three|four|five|six|several|\d+)\s+(?:hours?|days?|weeks?|months?)\s+)?"
                        r"(?:after|before|as|amid|while|when|following|days?|weeks?|hours?|months?)\b")
_SPAN_WORD = re.compile(r"(?i)\b(?:days?|weeks?|months?|years?|hours?|nights?|morning)\b")


def _distant(h: Hit) -> bool:
    return h.verdict.rule == "antecedent" and bool(_SPAN_WORD.search(h.verdict.cue))


_THE_DEAD = re.compile(r"(?i)(?:bodies|body|corpses?|remains|(?:the )?dead)")
# "the family of the boy killed on Tuesday said", "the soldiers killed on Saturday will be buried":
# people named by what was done to them -- a participle right after a definite noun -- are the
# victims of an event told before, not a new one (not "the army killed on Monday at least ten rebels")
_VICTIM_PARTICIPLE = re.compile(r"(?i)(?:killed|shot dead|shot|slain|murdered|wounded|injured|abducted|kidnapped|beheaded|lynched)")
_NAMED_BEFORE = re.compile(r"(?i)\b(?:the|those|these|their|his|her|its)\s+(?:(?!(?:was|were|had|has|have|been|being|is|are|who|which|that|and|or|to)\b)[\w'-]+\s+){0,3}$")
_AFTER_PARTICIPLE = re.compile(r"(?i)\s+(?:on|in|at|during|last|earlier|yesterday|overnight|near|when|while|by)\b|\s*[,.;]")
_OBJECT_AFTER = re.compile(r"(?i)^[^,.;]{0,40}?\b(?:at least|more than|some|about|nearly|dozens|scores|several|\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?!(?:people|men|women|children|soldiers|civilians|others)\s+(?:were|was|had)\b)")


def _victims_named(text: str, h: Hit) -> bool:
    """Is the verbal trigger ``h`` a participle naming people by what was done to them ("the
    boy killed on Tuesday")?"""
    if h.rule.nominal or not _VICTIM_PARTICIPLE.fullmatch(h.text):
        return False
    before = text[max(0, h.start - 40):h.start]
    if not _NAMED_BEFORE.search(before) or not _AFTER_PARTICIPLE.match(text, h.end):
        return False
    return not _OBJECT_AFTER.search(text[h.end:])


def _candidate(lex: Lexicon, group: list[Hit], text: str, lo: int, hi: int) -> Candidate:
    # who decides the type: a live trigger that is not a mere outcome ("killed"); else a
    # back-reference the outcome describes ("killed following an explosion"); else anything
    # an earlier event told as the time since ("a week after clashes began") never decides
    group_ = [h for h in group if not _distant(h)] or group
    deciding = ([h for h in group_ if h.verdict.ok and not h.outcome]
                or [h for h in group_ if not h.outcome]
                or [h for h in group_ if not h.rule.weak] or group_)
    # strategic developments never decide next to violence
    # a back-reference ("displaced by the fighting") does not decide next to a new happening
    fresh = [h for h in deciding if not (h.rule.nominal and is_definite(text, h.start, lex, h.text))]
    deciding = fresh or deciding
    non_sd = [h for h in deciding if lex.types[h.sub_event_type].event_type != "Strategic developments"]
    if not non_sd:
        # "killed two herders and stole their cattle": the killing, not the theft
        # (not a back-reference: "police arrested four members who had gone to denounce the kidnapping")
        non_sd = [h for h in group if h.verdict.ok and not h.rule.weak
                  and lex.types[h.sub_event_type].event_type != "Strategic developments"
                  and not (h.rule.nominal and is_definite(text, h.start, lex, h.text))]
    deciding = non_sd or deciding
    primary = min(deciding, key=lambda h: (lex.types[h.sub_event_type].precedence, -h.rule.strength, h.start))
    told = [h for k, h in enumerate(group) if k and h.verdict.ok and _elaborates(lex, group[:k], h, text)]
    if told:
        primary = told[0]
    if _SPARKED.search(text, max(0, primary.start - 40), primary.start):
        # "Taliban fighters attacked an army position, sparking clashes ...": the fight the attack
        # sparked is that attack's battle; the attack tells who began it (actor1), not the noun after
        first = next((h for h in deciding if h.start < primary.start and h.verdict.ok and not h.outcome
                      and lex.types[h.sub_event_type].event_type == lex.types[primary.sub_event_type].event_type),
                     None)
        if first is not None:
            primary = first
    t = lex.types[primary.sub_event_type]
    if (primary.rule.generic == "violence" and primary.rule.nominal and t.name == "Attack"
            and not is_definite(text, primary.start, lex, primary.text)
            and any(h.outcome and h.rule.generic == "violence" and h.sub_event_type == "Armed clash" and h.verdict.ok
                    and not h.civilian and h.start < primary.start for h in group)):
        # "killed four National Guard troops in an ambush": the toll told first names who was
        # attacked; the noun after it ("in an ambush in the western state") does not (a definite
        # "killed in the attack" refers back and keeps the type of the event it names)
        t = lex.types["Armed clash"]
    strength = max(h.rule.strength for h in group)
    if len(group) > 1:
        strength = min(1.0, strength + 0.05 * (len(group) - 1))
    definite = primary.rule.nominal and is_definite(text, primary.start, lex, primary.text)
    block = text[lo:hi]
    rest = block.replace(primary.text, " ", 1)
    for h in group:  # "the soldiers killed in the ambush" told at a funeral: no happening of its own
        if not h.verdict.ok:
            rest = rest.replace(h.text, " ", 1)
    # "the attackers fired shots into the air", "saw the attackers approaching": a definite name
    # for who did the event told before, not an event of its own, whatever they did next
    reference = definite and (not has_happening(rest, lex) or bool(_AGENT_NOUN.search(primary.text))
                              or bool(_CAME_WHEN.match(text, primary.end)))
    if all(h.verdict.rule in REFERENCE_RULES for h in group):
        reference = True
    if (not primary.verdict.ok and any(h.verdict.ok for h in group)
            and all(_THE_DEAD.fullmatch(h.text.strip()) for h in group if h.verdict.ok)):
        # "Three bodies of militants ... were recovered after the fighting, along with a hand grenade",
        # "Among the dead was a commander who was behind several grenade attacks": the dead of an
        # event told before (or of none), typed by nothing new -- no event of their own
        reference = True
    if all(_victims_named(text, h) for h in group if h.verdict.ok) and any(h.verdict.ok for h in group):
        reference = True
    earlier = [h.start for h in group if _distant(h)]
    if earlier and all(_distant(h) or (h.outcome and h.start > min(earlier)) for h in group):
        # "a day after an attack on the same road killed 12 soldiers": the toll of the earlier event
        # (not "Gunmen killed four farmers, a week after clashes erupted")
        reference = True
    claim = any(h.claimed for h in group) and not any(h.verdict.ok and not h.outcome for h in group)
    date_statement = bool(definite and lex.date_statement.search(text, primary.end, hi))
    return Candidate(
        start=primary.start, end=primary.end, text=primary.text,
        sub_event_type=t.name, event_type=t.event_type, disorder_type=t.disorder_type,
        strength=strength, block_start=lo, block_end=hi, hits=group, definite=definite,
        # (a weak noun beside the event, "during a raid in a neighbourhood", names no victims)
        reference=reference or claim, civilian=any(h.civilian for h in group if not (h.rule.weak and h.rule.nominal)),
        why=[primary.why],
        claim=claim, date_statement=date_statement,
        # "We heard a loud blast", "residents saw smoke": a witness perceived the event the story
        # tells; like a bare toll it joins that event rather than make a second one
        outcome_only=all(h.outcome for h in group) or bool(
            lex.cues["perceived"].search(text, max(lo, primary.start - 60), primary.start)),
    )


def classify(text: str, lex: Lexicon | None = None) -> str:
    """The sub-event type of the main event of a short text, or "none" (for evaluation)."""
    lex = lex or load_lexicon()
    cands = [c for c in detect_sentence(text, has_date=True, lex=lex) if not c.reference]
    if not cands:
        return "none"
    best = min(cands, key=lambda c: (lex.types[c.sub_event_type].precedence, -c.strength))
    return best.sub_event_type
