"""Who did what to whom: actor1, actor2 and their associates for one event.

With a dependency parse (``doc.spacy_doc``) the roles come from the syntax
around the trigger:

* active verbs: subject -> actor1, object (or "on/against/at/with" object) -> actor2;
* passive verbs: agent ("by X") -> actor1, passive subject -> actor2;
* "came under fire/attack from X": X -> actor1, the subject -> actor2;
* nominal triggers: "airstrikes by X on Y", "X's offensive", "Israeli strikes",
  "clashes between X and Y", "an attack on Y"; when the noun is the object of a
  verb ("launched an offensive") the verb's subject acts; "killed in an attack"
  makes the passive subject the target;
* a response ("..., triggering airstrikes by the coalition") with no target
  named targets the actor of the clause it responds to.

Without a parse (blank mode) the same cues are read from word order: "by X"
after the trigger, a passive auxiliary before it, the nearest actor before and
the first actor after.

Associates: coordinated actors ("X and Y attacked"), "X-backed Y" and "Y,
backed by X". Protests and riots put the crowd first; violence against
civilians targets civilians; state forces acting outside their own country get
inter 8 (ACLED convention).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..models import Actor, Document, Location, Mention, Roles
from ..nlp import ensure_parsed
from .dictionary import NOUN_CLASSES, backer_actor, country_of_term, load_dictionary, norm, tokenize
from .recognize import _locative_country, event_country, text_countries

PROTEST_TYPES = ("Protests",)
RIOT_TYPES = ("Riots",)
VIOLENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")

_SUBJ = ("nsubj", "csubj")
_PASS_SUBJ = ("nsubjpass", "csubjpass")
_TARGET_PREPS = ("on", "against", "at", "upon", "targeting", "into", "toward", "towards")
_AGENT_PREPS = ("by", "from")
_RESPONSE_VERBS = frozenset({"trigger", "prompt", "spark", "provoke", "draw", "invite", "cause"})
_UNDER_NOUNS = frozenset({"fire", "attack", "attacks", "shelling", "bombardment", "assault", "siege", "gunfire"})
_RELATIVE = frozenset({"who", "that", "which", "whom"})
_PRONOUNS = frozenset({"they", "it"})
_STATE_WEAPONS = frozenset({"drone", "jet", "warplane", "aircraft", "helicopter", "tank", "artillery", "missile",
                            "warship", "gunboat", "bomber", "airstrike", "strike", "shelling", "navy"})
_VICTIM_HITS = frozenset({"hit", "strike", "run", "drive", "trigger", "step"})
_DEVICES = frozenset({"bomb", "mine", "landmine", "ied", "device", "explosive", "explosives"})
_MUTINY = re.compile(r"\b(?:mutin(?:y|ies|ous|eers?|ied)|renegade (?:soldiers|troops|officers|unit))\b", re.I)
_PITTING = frozenset({"pit", "set"})  # "fighting pitted X against Y"
_CARRIED_WEAPONS = frozenset({"rocket", "shell", "mortar", "grenade", "munition", "quadcopter"})
_SYMMETRIC = re.compile(r"(?:clash|fight|fought|battl|exchang|skirmish|engag|confront)", re.I)
_TARGET_ONLY = ("hit a bomb", "died")
_PSEUDO_PASSIVE = frozenset({"engage", "involve", "deploy", "station", "locate", "base", "embroil", "entrench"})
_DEATH_VERBS = frozenset({"die", "perish", "drown", "succumb"})
# hardware a force attacks with: "shelled the town with heavy artillery", "struck with drones and jets"
_HARDWARE = frozenset({"artillery", "tank", "tanks", "helicopter", "helicopters", "gunship", "gunships", "aircraft",
                       "warplane", "warplanes", "jet", "jets", "drone", "drones", "warship", "warships", "gunboat",
                       "gunboats", "bulldozer", "bulldozers", "vehicle", "vehicles", "howitzer", "howitzers"})
_WITH_INSTRUMENT = re.compile(r"\bwith\s+(?:[\w'-]+,?\s+){0,5}$", re.I)
# "killed in a <fight> with X": X is the side that killed
_FIGHT_NOUNS = frozenset({"encounter", "clash", "clashes", "gunfight", "firefight", "fight", "fighting", "battle",
                          "gunbattle", "shootout", "shoot-out", "skirmish", "exchange", "confrontation", "operation",
                          "raid", "crossfire"})
_CLAUSE_START = re.compile(r"(?:^|[,;:]\s*|\b(?:and|but|while|as|when|after|before|then)\s+)"
                           r"(?:(?:the|some|about|around|hundreds of|dozens of|\d+)\s+)*$", re.I)
_CLAUSE_AFTER = re.compile(r"[;:]|,\s+(?:which|who|where|while|as|but|and|said)\b")  # a clause of its own begins
# (a press release's opening: "The Somali Police Force informs the public that a suicide bomber ...")
_SPEAKER = re.compile(r"\s*(?:,\s*)?(?:said|say|says|told|reported|added|claimed|according|stated|states|informs|"
                      r"(?:wishes|would\s+like)\s+to\s+inform|informed\s+(?:the\s+)?(?:public|media|press|nation|residents|"
                      r"citizens|people))\b", re.I)
# "..., Yahukimo police chief Adjunct Senior Commissioner Heru Santoso said": the force names who speaks
_SPEAKER_TITLED = re.compile(
    r"(?:\s+(?:(?-i:[A-Z][\w.'’-]*)|chief|spokes(?:man|woman|person)|commander|commissioner|superintendent|inspector|"
    r"official|officer|head|director|deputy|senior|adjunct|acting|regional|district|provincial)){1,7},?\s+"
    r"(?:said|says|told|added|confirmed|stated)\b", re.I)


# "the army said it/its troops ...": the speaker tells what it did itself
_SPEAKER_OWN = re.compile(r"\s*(?:,\s*)?(?:(?:has\s+|have\s+)?claimed\b|(?:said|says|told\s+\w+|reported|added|announced|stated)\s+"
                          r"(?:on\s+\w+\s+)?(?:that\s+)?(?:it|they|its|their|we|our)\b)", re.I)


# the words before an actor word that make it the audience of a statement: "told reporters",
# "briefed journalists", "speaking to the media" (the speakers' listeners, not the event's people)
_ADDRESSEE = re.compile(r"\b(?:told|telling|tells|briefed|briefing|informed|addressed|addressing|(?:speaking|spoke|talking|talked) to)"
                        r"\s+(?:the\s+|local\s+|foreign\s+|visiting\s+)*$", re.I)


def _speaking(text: str, end: int) -> bool:
    """Does the actor mention ending at ``end`` name who speaks ("police said", "police chief X said")?"""
    return bool(_SPEAKER.match(text, end) or _SPEAKER_TITLED.match(text, end))
_CASUALTY_AFTER = re.compile(r"\s+(?:were|was|have been|had been)\s+(?:\w+ly\s+)?(?:killed|wounded|injured|hurt|shot)\b",
                             re.I)
# "<force> and a civilian (driver)": the words between a force and the civilians joined to it
_AND_ONE_MORE = re.compile(r"^[)\s]*(?:,\s*)?and\s+(?:an?\s+|one\s+|two\s+|three\s+|\d+\s+|several\s+)?$", re.I)

# the dead or hurt named as the subject: "Three al-Shabaab fighters were killed when a drone struck"
_VICTIM_AFTER = re.compile(r"(?:\s+(?:officials|officers|personnel|members|men|constables|staff|jawans|troopers|guards|"
                           r"reservists|commandos|recruits))?\s+(?:(?:were|was|have been|had been)\s+(?:\w+ly\s+)?(?:killed|wounded|injured|hurt|shot|"
                           r"martyred|neutrali[sz]ed|eliminated)|died|lost\s+their\s+lives|embraced\s+martyrdom)\b", re.I)
_AGENT_AFTER = re.compile(r"(?:\b(?:fell|falls|fallen|came|comes|come)\b.*\b(?:to|of)|\blost\s+control\s+of|\blosing\s+control\s+of"
                          r"|\b(?:was|were|been)\s+(?:[\w-]+\s+){1,2}by)\s*$", re.I)
_VICTIM_AFTER_CONJ = re.compile(r"[)\s]*(?:,\s*)?and\s+(?:an?|one|two|three|\d+|several)(?:\s+[\w-]+){0,2}"
                                + _VICTIM_AFTER.pattern, re.I)
_NEUTRALISED_PASSIVE = re.compile(r"\b(?:were|was|have\s+been|had\s+been)\s+(?:[\w-]+\s+)?(?:neutrali[sz]ed|eliminated)\b", re.I)
_CROWD_WORDS = frozenset({"protesters", "protester", "protestors", "protestor", "demonstrators", "demonstrator",
                          "marchers", "crowd", "crowds", "people"})
_DATELINE_HEAD = re.compile(r"^[A-Z][A-Z .'’-]+,\s*$")
_DATELINE_END = re.compile(r"\s*(?:,\s*[A-Z][\w ]{0,20}\d{0,2}\s*)?(?:\([^)]{1,30}\)\s*)?(?:--|[-–—:])")


def _in_dateline(text: str, a: int, b: int) -> bool:
    """Is text[a:b] the country of a dateline ("ABUJA, Nigeria --", "KABUL, Afghanistan (AP) -")?"""
    head = text[text.rfind("\n", 0, a) + 1:a]
    return bool(_DATELINE_HEAD.match(head) and _DATELINE_END.match(text, b))


# "stormed a military base", "overran an army camp": the state force that holds it is the other side
_STATE_FACILITY = re.compile(r"\b(military|army|police|gendarmerie|naval|navy|air force|security forces')\s+"
                             r"(?:base|bases|camp|camps|barracks|post|posts|outpost|outposts|garrison|positions?|checkpoint)\b", re.I)
_FACILITIES = frozenset({"checkpoint", "base", "convoy", "patrol", "garrison", "positions", "post", "outpost"})
# "near a military training centre", "outside a police academy": the state noun only names a place
_FACILITY_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:cent(?:re|er)s?|academy|academies|station|stations|headquarters|"
                             r"compound|camp|barracks|college|school|hospital|building|offices?|base|bases|checkpoint|"
                             r"post|depot|airport|airbase|facility|facilities|installation)\b", re.I)
_WEAPON_AFTER = re.compile(r"\s*(?:[\w-]+\s+)?(?:drones?|missiles?|rockets?|projectiles?|shells?|mortars?|UAVs?|"
                           r"air\s*strikes?|strikes?|bombs?|warplanes?|jets?)\b"
                           # "police bomb-disposal experts", "the army's bomb squad": people who stop bombs, not a bomb
                           r"(?![\s-]+(?:disposal|squads?|experts?|technicians?|specialists?|detection|sniffer|"
                           r"defusal|clearance|shelters?)\b)", re.I)
_LAUNCHED_BY = re.compile(r"\b(?:(?:launched|fired|sent|flown|shot|lobbed|planted|placed|laid|hidden|stockpiled)\s+"
                          r"(?:\w+\s+){0,3}?(?:by|from)|(?:operated|piloted|controlled|dropped|used)\s+by|"
                          r"belonging\s+to|owned\s+by)\s+(?:the\s+|an?\s+)?(?:suspected\s+)?$", re.I)
_BY_INSIDE = re.compile(r"\b(?:strikes?|attacks?|raids?|bombardments?|shelling|bombings?|fire)\s+(?:[\w-]+\s+)?by\s+"
                        r"(?:the\s+|an?\s+)?(?:suspected\s+)?$", re.I)
_TOLL_BEFORE = re.compile(r"\b(?:killing|killed|leaving|left|wounding|wounded|injuring|injured)\b", re.I)
_LAUNCHED_REL = re.compile(r"\b(?:that|which)\s+((?:the\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)?)\s+(?:had\s+|has\s+)?"
                           r"(?:launched|fired|sent)\b")
_DISRUPT = re.compile(r"\b(?:intercept\w*|shot\s+down|shoot\w*\s+down|(?:was|were)\s+downed|downed|destroy\w*|"
                      r"defus\w*|dismantl\w*|seiz\w*|foil\w*|thwart\w*|neutrali[sz]\w*|repel\w*)\b", re.I)
# who was arrested: people, not weapons, goods or places ("arrested nine labour leaders", "detained two suspects")
_ARRESTED_PEOPLE = re.compile(r"^\W*(?:[\w'-]+\s+){0,4}?(?:leaders?|members?|activists?|organi[sz]ers?|journalists?|reporters?|"
                              r"students?|workers?|unionists?|villagers?|residents?|farmers?|people|persons?|men|women|man|woman|"
                              r"youths?|suspects?|protesters?|demonstrators?|opponents?|critics?|lawyers?|officials?|"
                              r"politicians?|lawmakers?|legislators?|MPs?|candidates?|supporters?|traders?|teachers?|"
                              r"bloggers?|priests?|pastors?|imams?|clerics?|chiefs?)\b", re.I)
# a crowd the story tells (the police fire riot munitions at a crowd)
_CROWD_TOLD = re.compile(r"\b(?:crowds?|protest\w*|demonstrat\w*|rall(?:y|ies|ied)|march(?:ed|es|ing)?|riot\w*|"
                         r"sit-?ins?|mobs?|strik(?:e|es|ing)\s+workers|stone-?throw\w*|threw\s+(?:stones|rocks|bricks))\b", re.I)
# munitions only the police (or troops policing a crowd) use
_RIOT_MUNITION = re.compile(r"\b(?:rubber(?:-coated)?\s+bullets?|plastic\s+bullets?|tear[- ]?gas\s+(?:canisters?|cannisters?|grenades?|shells?)|"
                            r"stun\s+grenades?|pellet\s+guns?)\b", re.I)
# "a bomb ... was defused by soldiers": the agent of a passive interception stopped the weapon
_DISRUPTED_BY = re.compile(r"\b(?:was|were|been)\s+(?:safely\s+|later\s+|successfully\s+)?(?:intercepted|shot\s+down|"
                           r"downed|destroyed|defused|dismantled|foiled|thwarted|neutrali[sz]ed)\s+by\s+"
                           r"(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}$", re.I)
_PARTY_REF = re.compile(r"\b(?:warring\s+(?:parties|sides|factions)|(?:both|the\s+two|the\s+rival)\s+(?:sides|parties|factions)|"
                        r"the\s+parties)\b", re.I)
_CIVIL_GOVERNMENT = frozenset({"government", "authorities", "administration", "presidency", "cabinet", "regime"})
_NOT_INTERVENERS = frozenset({"government", "regime", "authorities", "junta", "ministry", "administration"})
_BACKED_RE = re.compile(r"((?:U\.S\.|[A-Z][\w.]*)(?: [A-Z][\w.]*)?)[-‑ ]backed\b")
_BACKED_BY_RE = re.compile(
    r"\W{0,3}\s*(?:(?:which|who)\s+(?:is|are|was|were)\s+)?(?:(?:backed|supported|aided|assisted|accompanied|helped|"
    r"reinforced|joined)\s+by|alongside|(?:together|along)\s+with|with\s+(?:the\s+)?(?:air\s+)?(?:support|backing|help)\s+"
    r"(?:of|from))\s+(?:the\s+)?")
_PASSIVE_BEFORE = re.compile(r"\b(?:[Ww]as|[Ww]ere|been|being|is|are|got|get)\s+(?:\w+ly\s+)?$")
# "shelling by Yemen's Houthi rebels": a country's possessive may stand before the agent
_BY_AFTER = re.compile(r"^\s*(?:[\w-]+\s+){0,3}?(?:by|from)\s+(?:the\s+)?(?:[\w-]+(?:['’]s)?\s+){0,2}?$", re.I)
_TARGET_AFTER = re.compile(r"^\s*(?:[\w-]+\s+){0,3}?(?:on|against|targeting|at)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?$", re.I)
_UNDER_FIRE = re.compile(r"\bc(?:a|o)me\s+under\s+(?:\w+\s+)?(?:fire|attack|shelling|bombardment)\s+(?:from|by)\s+(?:the\s+)?$",
                         re.I)


def _sides(ms: list) -> list:
    """The mentions of a "between X and Y" phrase, one per side: not one inside another ("the National
    Liberation Army (ELN)" holds "ELN"), nor the same actor named twice in a row, nor the generic noun
    right after a named group ("the ELN guerrilla group")."""
    out: list = []
    for m in ms:
        if any(o is not m and o.start <= m.start and m.end <= o.end and (o.start, o.end) != (m.start, m.end)
               for o in ms):
            continue
        if out and out[-1].value.name == m.value.name:
            continue
        if out and m.meta.get("generic") and not out[-1].meta.get("generic") and 0 <= m.start - out[-1].end <= 1:
            continue  # "the ELN guerrilla group": the named group's own noun, not a second side
        out.append(m)
    return out


@dataclass(slots=True)
class _Found:
    a1: Mention | None = None
    a2: Mention | None = None
    assoc1: list | None = None
    assoc2: list | None = None
    how: str = ""


# ------------------------------------------------------------------ helpers
def _antecedent(doc: Document, start: int, end: int, sent_index: int) -> Mention | None:
    """'They', 'it': the latest named armed actor before, in this or the previous two sentences."""
    best = None
    for m in doc.mentions:
        if m.kind != "actor" or m.start >= start or m.sent < sent_index - 2:
            continue
        if m.value.inter in (1, 2, 3, 4, 8) and not (m.meta.get("generic") and not m.meta.get("country_explicit")):
            if best is None or m.start > best.start:
                best = m
    if best is None:
        return None
    return Mention(start=start, end=end, text=doc.clean[start:end], kind="actor", value=best.value, sent=sent_index,
                   why=f"{doc.clean[start:end]!r} refers back to {best.text!r}", score=0.5,
                   meta=dict(best.meta, anaphora=True))



def _implicit(doc: Document, actor: Actor, start: int, end: int, sent: int, why: str) -> Mention:
    """A mention for an actor implied by the event, not named in the text."""
    return Mention(start=start, end=start, text="", kind="actor", value=actor, sent=sent, why=why,
                   score=0.4, meta={"implicit": True, "entry": "", "generic": True})


def _entry_actor(name_template: str, country: str, why: str) -> Actor:
    d = load_dictionary()
    return d.make_actor(d.entries[name_template], country, why=why)


def _mention_at(ms: list[Mention], char: int) -> Mention | None:
    for m in ms:
        if m.start <= char < m.end:
            return m
    return None


def _entity_chars(tok) -> tuple[int, int]:
    """Character span of the entity ``tok`` is in, read from the IOB tags around it
    (``doc.ents`` builds every entity span of the document on each call)."""
    doc = tok.doc
    if not tok.ent_iob_ or tok.ent_iob_ == "O":
        return tok.idx, tok.idx + len(tok.text)
    a = tok.i
    while a > 0 and doc[a].ent_iob_ == "I":
        a -= 1
    b = tok.i + 1
    while b < len(doc) and doc[b].ent_iob_ == "I":
        b += 1
    last = doc[b - 1]
    return doc[a].idx, last.idx + len(last.text)


class _Parse:
    """Role finding over the dependency parse of one sentence."""

    def __init__(self, doc: Document, ms: list[Mention], sent_index: int) -> None:
        self.doc = doc
        self.ms = ms
        self.sent_index = sent_index
        self.d = load_dictionary()

    # ---------------------------------------------------------- noun phrases
    def np(self, tok) -> Mention | None:
        """The actor a noun-phrase head stands for."""
        if tok is None:
            return None
        if tok.lower_ in _PRONOUNS and tok.pos_ == "PRON":
            return _antecedent(self.doc, tok.idx, tok.idx + len(tok.text), self.sent_index)
        if tok.lower_ in _RELATIVE and tok.head.dep_ == "relcl":
            return self.np(tok.head.head)
        m = _mention_at(self.ms, tok.idx)
        if m is not None:
            # "their convoy", "its fighters": a generic noun owned by an earlier actor
            if m.meta.get("generic") and not m.meta.get("country_explicit") and any(
                    c.dep_ == "poss" and c.lower_ in ("their", "its") for c in tok.children):
                return _antecedent(self.doc, m.start, m.end, self.sent_index) or m
            member = self.named_group(tok, m)
            if member is not None:
                return member
            if m.meta.get("generic") and not m.meta.get("country_explicit"):
                # "Israeli army bulldozers", "Hamas police": the owner names the actor
                for c in tok.children:
                    if c.dep_ in ("compound", "amod", "poss", "nmod"):
                        owner = _mention_at(self.ms, c.idx)
                        if owner is not None and owner is not m and (
                                not owner.meta.get("generic") or owner.meta.get("country_explicit")):
                            return owner
            return m
        # modifiers and "of"-phrases: "scores of Isis fighters", "the coalition's jets"
        for child in tok.children:
            if child.dep_ in ("compound", "amod", "poss", "nmod", "nummod", "quantmod"):
                m = _mention_at(self.ms, child.idx)
                if m is not None:
                    return m
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "for"):
                for p in child.children:
                    if p.dep_ == "pobj":
                        m = self.np(p)
                        if m is not None:
                            return m
        operator = self.operator(tok)
        if operator is not None:
            return operator
        # a country acting: "Israel struck", "Britain mobilised" (subjects and agents only)
        acting = tok.dep_ in ("nsubj", "nsubjpass") or (tok.dep_ == "pobj" and tok.head.lower_ == "by")
        if acting and tok.pos_ == "PROPN":
            return self.country_actor(tok, own_only=True)
        # state weapons: "Turkish drones", "Russian jets"
        if tok.lemma_.lower() in _STATE_WEAPONS:
            return self.country_actor(tok)
        return None

    def named_group(self, tok, m: Mention) -> Mention | None:
        """'Gunmen from the armed group Jaish al-Adl', 'fighters of the 3R rebel group': the
        unnamed members belong to the group named in their of/from phrase."""
        if not m.meta.get("generic") or m.meta.get("country_explicit") or int(m.value.inter or 0) not in (2, 3, 4):
            return None
        for child in tok.children:
            if child.dep_ != "prep" or child.lower_ not in ("of", "from"):
                continue
            for p in child.children:
                if p.dep_ != "pobj":
                    continue
                a, b = p.left_edge.idx, p.right_edge.idx + len(p.right_edge.text)
                named = [x for x in self.ms if a <= x.start and x.end <= b and x is not m
                         and not x.meta.get("generic") and int(x.value.inter or 0) in (2, 3, 4)]
                if named:
                    return named[0]
        return None

    def operator(self, tok) -> Mention | None:
        """'Drones operated by a cartel', 'bombs launched from drones flown by rebels': a weapon
        is used by whoever the participle after it names, not by the state its type suggests."""
        if tok.lemma_.lower() not in _STATE_WEAPONS | _DEVICES | _CARRIED_WEAPONS:
            return None
        for child in tok.children:
            if child.dep_ != "acl":
                continue
            for c in child.children:
                if c.dep_ == "agent":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            return self.np(p)
                if c.dep_ == "prep" and c.lower_ in ("from", "by"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            inner = self.operator(p)
                            if inner is not None:
                                return inner
        return None

    def victim(self, tok) -> Mention | None:
        """A target: an actor, or a named person (a civilian unless said otherwise)."""
        if tok is None:
            return None
        m = self.np(tok)
        if m is not None or tok.ent_type_ != "PERSON":
            return m
        a, b = _entity_chars(tok)
        if any(p.kind == "place" and p.start < b and a < p.end and (p.meta or {}).get("role") != "adjective"
               for p in self.doc.mentions):
            # "troops retook Lalibela", "the rebels seized Kamanyola": a town the tagger took for a
            # person is the place fought over, not a civilian victim
            return None
        name = self.doc.clean[a:b]  # (the parse is over ``clean``; ``Doc.text`` rebuilds it on each call)
        actor = _entry_actor("Civilians ({country})", "", "a named person")
        return Mention(start=a, end=b, text=name, kind="actor", value=actor, sent=self.sent_index,
                       why=f"{name!r}: a named person, coded as a civilian", score=0.5,
                       meta={"entry": "Civilians ({country})", "generic": True, "person": True})

    def country_actor(self, tok, own_only: bool = False) -> Mention | None:
        cands = [tok] if own_only else [tok] + [c for c in tok.children if c.dep_ in ("compound", "amod", "poss", "nmod")]
        for c in cands:
            if c.pos_ not in ("PROPN", "ADJ", "NOUN") or not c.text[:1].isupper():
                continue
            span = c
            country = country_of_term(c.text, strict=True)
            if not country:  # "United States", "South Sudan": the name with its compounds
                left = min([c.i] + [x.i for x in c.children if x.dep_ == "compound" and x.i < c.i])
                if left < c.i:
                    span = c.doc[left:c.i + 1]
                    country = country_of_term(span.text, strict=True)
            if not country and c.i + 1 < len(c.doc):
                two = c.doc[c.i:c.i + 2]
                country = country_of_term(two.text, strict=True)
                span = two
            if country:
                start = span.idx if hasattr(span, "idx") else span.start_char
                text = span.text
                if _in_dateline(self.doc.clean, start, start + len(text)):
                    continue  # "ABUJA, Nigeria -- Gunmen stormed ...": where the report was filed
                actor = _entry_actor("Military Forces of {country}", country,
                                     why=f"{text!r} names a state acting")
                return Mention(start=start, end=start + len(text), text=text, kind="actor", value=actor,
                               sent=self.sent_index, why=f"{text!r}: the state of {country} acting",
                               score=0.6, meta={"entry": "Military Forces of {country}", "generic": True,
                                                "country_explicit": True, "state_by_name": True})
        return None

    def conj_mentions(self, tok, first: Mention | None) -> list[Mention]:
        out = []
        for c in tok.conjuncts:
            m = self.np(c)
            if m is not None and m is not first and (first is None or m.value.name != first.value.name):
                out.append(m)
        return out

    # ---------------------------------------------------------- verbs
    @staticmethod
    def child(tok, *deps):
        for c in tok.children:
            if c.dep_ in deps:
                return c
        return None

    def prep_obj(self, tok, preps) -> tuple | None:
        for c in tok.children:
            if c.dep_ in ("prep", "agent") and c.lower_ in preps:
                for p in c.children:
                    if p.dep_ == "pobj":
                        if c.lower_ == "with" and p.lemma_.lower() in _HARDWARE:
                            continue  # "shelled the town with artillery": the instrument, not a side
                        m = self.np(p)
                        if m is not None:
                            return m, p
        return None

    def subject_of(self, v, depth: int = 0):
        """(mention, head token, passive?) of the verb's subject, inherited through conj/xcomp/advcl."""
        if v is None or depth > 4:
            return None, None, False
        subj = self.child(v, *_SUBJ)
        if subj is not None:
            return self.np(subj), subj, False
        agent = self.child(v, "agent")
        psubj = self.child(v, *_PASS_SUBJ)
        if agent is not None:
            for p in agent.children:
                if p.dep_ == "pobj":
                    return self.np(p), p, True
        if psubj is not None:
            return None, None, True
        if v.dep_ == "relcl" or (v.dep_ == "acl" and self.child(v, "dobj") is not None):
            # "Gunmen on motorcycles killed 30 villagers" parsed as a reduced clause: the head acts
            return self.np(v.head), v.head, False
        if v.dep_ in ("conj", "xcomp", "advcl") and v.head is not v:
            if v.dep_ == "advcl" and v.lemma_ in _RESPONSE_VERBS:
                return None, None, False
            return self.subject_of(v.head, depth + 1)
        return None, None, False

    def purpose_object(self, tok) -> Mention | None:
        """'... to defeat the Islamic State group': the object of a purpose clause."""
        for c in tok.children:
            if c.dep_ in ("relcl", "xcomp", "advcl", "acl") and any(a.lower_ == "to" for a in c.children):
                o = self.child(c, "dobj")
                m = self.np(o)
                if m is not None:
                    return m
        return None

    def verb_roles(self, v) -> _Found:
        f = _Found(how="verb")
        psubj = self.child(v, *_PASS_SUBJ)
        passive = psubj is not None or self.child(v, "auxpass") is not None or (
            v.dep_ == "acl" and v.tag_ == "VBN" and self.child(v, "dobj") is None)  # "six soldiers killed in the attack"
        if not passive and v.dep_ == "conj" and v.tag_ == "VBN" and self.child(v, *_SUBJ) is None:
            head_psubj = self.child(v.head, *_PASS_SUBJ)  # "were harassed, abducted and tortured"
            if head_psubj is not None or self.child(v.head, "auxpass") is not None:
                passive, psubj = True, head_psubj
        if passive and v.lemma_ in _PSEUDO_PASSIVE and psubj is not None:  # "forces were engaged in fighting"
            f.a1 = self.np(psubj)
            got = self.prep_obj(v, ("against", "with", "on"))
            f.a2 = got[0] if got else None
            f.how = "stative passive"
            return f
        if passive:
            f.a2 = self.victim(psubj)
            got = self.prep_obj(v, ("by",))
            if got:
                f.a1 = got[0]
            if psubj is None and v.dep_ == "acl":  # "civilians killed by X"
                f.a2 = self.np(v.head)
            if f.a1 is None:  # "killed in an attack by X"
                for c in v.children:
                    if c.dep_ == "prep" and c.lower_ in ("in", "during", "by"):
                        for p in c.children:
                            if p.dep_ == "pobj":
                                got = self.prep_obj(p, _AGENT_PREPS)
                                if not got and c.lower_ != "by" and p.lemma_.lower() in _FIGHT_NOUNS:
                                    # "militants were killed in an encounter with security forces":
                                    # the other side of the fight killed them
                                    got = self.prep_obj(p, ("with", "against"))
                                if not got and c.lower_ == "by" and self.np(p) is not None:
                                    got = (self.np(p), p)
                                if not got and p.pos_ == "NOUN":  # "killed in a Taliban attack"
                                    for mod in p.children:
                                        if mod.dep_ in ("compound", "amod", "poss", "nmod"):
                                            mm = _mention_at(self.ms, mod.idx) or self.country_actor(mod, own_only=True)
                                            if mm is not None and mm.value.inter != 7:
                                                got = (mm, mod)
                                                break
                                if got:
                                    f.a1 = got[0]
            f.how = "passive verb"
            return f
        subj = self.child(v, *_SUBJ)
        if v.lemma_ in _DEATH_VERBS:  # "a prisoner died": the subject is the victim
            f.a2 = self.victim(subj)
            f.how = "died"
            return f
        # "their convoy hit a roadside bomb": the subject is the target
        obj0 = self.child(v, "dobj", "obj")
        dev = obj0 if obj0 is not None else next(
            (p for c in v.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"), None)
        if v.lemma_ in _VICTIM_HITS and dev is not None and dev.lemma_.lower() in _DEVICES:
            f.a2 = self.np(subj) if subj is not None else None
            if f.a2 is None:  # "soldiers died when their vehicle struck a landmine"
                f.a2 = next((m for m in reversed(self.ms) if m.end <= v.idx and m.value.inter != 8), None)
            f.how = "hit a bomb"
            return f
        # "came under fire from X"
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ == "under":
                for p in c.children:
                    if p.dep_ == "pobj" and p.lower_ in _UNDER_NOUNS:
                        f.a2 = self.np(subj) if subj is not None else self.subject_of(v)[0]
                        got = self.prep_obj(p, _AGENT_PREPS) or self.prep_obj(v, _AGENT_PREPS)
                        f.a1 = got[0] if got else None
                        f.how = "came under fire from"
                        return f
        if subj is not None:
            f.a1 = self.np(subj)
            f.assoc1 = self.conj_mentions(subj, f.a1)
        else:
            f.a1 = self.subject_of(v)[0]
            # "Troops killed militants and police arrested two": a mention right before a
            # coordinated verb is its subject, whatever the parser attached it to
            if v.dep_ == "conj" and v.i > 0:
                adj = _mention_at(self.ms, v.doc[v.i - 1].idx)
                if adj is not None and adj is not f.a1 and adj.end <= v.idx and \
                        self.doc.clean[adj.end:v.idx].strip() == "":
                    f.a1 = adj
        obj = self.child(v, "dobj", "obj")
        if obj is not None:
            f.a2 = self.victim(obj)
            if f.a2 is None:  # "opened fire on X", "launched an offensive against X"
                got = self.prep_obj(obj, _TARGET_PREPS + ("with",))
                f.a2 = got[0] if got else None
            if f.a2 is not None:
                f.assoc2 = self.conj_mentions(obj, f.a2)
        if f.a2 is None:
            got = self.prep_obj(v, _TARGET_PREPS + ("with",))
            if got:
                f.a2 = got[0]
                f.assoc2 = self.conj_mentions(got[1], f.a2)
        if f.a2 is None:
            f.a2 = self.purpose_object(v) or (self.purpose_object(obj) if obj is not None else None)
        return f

    def pitted(self, n) -> tuple[Mention, Mention] | None:
        """'Fighting pitted the army against M23 rebels': the verb's object and its
        'against' phrase are the two sides (the fighting is the subject, no actor)."""
        v = n.head
        if n.dep_ != "nsubj" or v.lemma_ not in _PITTING:
            return None
        obj = self.child(v, "dobj")
        against = self.prep_obj(v, ("against",))
        a1 = self.np(obj) if obj is not None else None
        if a1 is None or not against or against[0] is None or against[0].value.name == a1.value.name:
            return None
        return a1, against[0]

    def noun_roles(self, n) -> _Found:
        f = _Found(how="noun")
        pitted = self.pitted(n)
        if pitted is not None:
            f.a1, f.a2 = pitted
            f.how = "pitted X against Y"
            return f
        between = None
        for c in n.children:
            if c.dep_ == "prep" and c.lower_ == "between":
                between = c
        if between is None and n.head.dep_ in ("ROOT", "conj") or between is None:
            for c in n.head.children if n.dep_ == "nsubj" else ():
                if c.dep_ == "prep" and c.lower_ == "between":
                    between = c
        if between is not None:
            pobj = self.child(between, "pobj")
            if pobj is not None:
                sub = list(between.subtree)
                lo, hi = sub[0].idx, sub[-1].idx + len(sub[-1].text)
                inside = _sides([m for m in self.ms if lo <= m.start and m.end <= hi])
                if len(inside) >= 2:  # "between rival Arab and Masalit militias"
                    f.a1, f.a2 = inside[0], inside[1]
                else:
                    f.a1 = self.np(pobj)
                    rest = self.conj_mentions(pobj, f.a1)
                    if rest:
                        f.a2 = rest[0]
                f.how = "between X and Y"
                return f
        got = self.prep_obj(n, _AGENT_PREPS)
        if got:
            f.a1 = got[0]
        means = None  # "artillery shelling": a weapon of no named owner modifying the trigger
        if f.a1 is None:
            for c in n.children:
                if c.dep_ in ("poss", "compound", "amod", "nmod"):
                    m = _mention_at(self.ms, c.idx) or self.country_actor(c)
                    if m is not None:
                        f.a1 = m
                        if c.lemma_.lower() in _STATE_WEAPONS and m.meta.get("generic") \
                                and not m.meta.get("country_explicit"):
                            means = m
                        break
        if means is not None:
            # it names how the attack was made, not who made it: "the militia targeted the city with
            # artillery shelling" -- the subject of the verb the trigger hangs on, when it names an
            # armed actor, is the attacker; with none, the weapon's usual owner stands
            f.a1 = None
        if f.a1 is None:  # "a drone strike blamed on the Turkish military", "an attack claimed by IS"
            # (also ", which residents blamed on the ADF", parsed as a clause on "residents", and
            # "the attack on the village, which officials blamed on ...", a clause on the object)
            heads = [n] + [g for c in n.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
            for c in [x for h in heads for c in h.children if c.dep_ in ("acl", "relcl") for x in (c, *c.children)
                      if x is c or x.dep_ in ("acl", "relcl")]:
                if c.lemma_ in ("blame", "attribute", "claim"):
                    got = self.prep_obj(c, ("on", "to", "by"))
                    if got:
                        f.a1 = got[0]
                        break
        got = self.prep_obj(n, _TARGET_PREPS)
        if got:
            f.a2 = got[0]
            f.assoc2 = self.conj_mentions(got[1], f.a2)
        if f.a2 is None:
            for c in n.children:
                if c.dep_ == "acl" and c.lemma_ in ("target", "hit", "strike", "kill"):
                    f.a2 = self.np(self.child(c, "dobj"))
        if f.a2 is None:
            got = self.prep_obj(n, ("with",))
            if got:
                f.a2 = got[0]
        head = n.head
        if n.dep_ in ("dobj", "attr", "obj", "conj") and head is not n:
            if n.dep_ == "conj":  # "airstrikes and shelling": share the first noun's roles
                first = self.noun_roles(head)
                f.a1 = f.a1 or first.a1
                f.a2 = f.a2 or first.a2
                head = head.head
            sm, stok, passive = self.subject_of(head)
            if head.lemma_ in _VICTIM_HITS and n.lemma_.lower() in _DEVICES and not passive:
                # "their convoy hit an explosive device": the subject is the target
                f.a1 = None
                f.a2 = sm
                f.how = "hit a bomb"
                return f
            if head.lemma_ in ("suffer", "sustain", "incur", "receive") and f.a1 is None and means is None:
                # "13 people suffered injuries": the subject is hurt, not the attacker
                if f.a2 is None:
                    f.a2 = sm
                f.how = "suffered"
                return f
            if head.lemma_ in _RESPONSE_VERBS and head.dep_ in ("advcl", "conj", "xcomp"):
                # "..., triggering airstrikes by the coalition": the responder hits the first clause's actor
                if f.a2 is None:
                    f.a2 = self.subject_of(head.head)[0]
            elif f.a1 is None and sm is not None:
                f.a1 = sm
                if stok is not None and not passive:
                    f.assoc1 = self.conj_mentions(stok, sm)
            if f.a2 is None:
                f.a2 = self.purpose_object(n) or self.purpose_object(head)
                if f.a2 is None:
                    got = self.prep_obj(head, _TARGET_PREPS)
                    f.a2 = got[0] if got else None
        elif n.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "for" and head.head.lemma_ == "responsibility":
            # "X claimed responsibility for the attack"
            if f.a1 is None:
                f.a1 = self.subject_of(head.head.head)[0]
            f.how = "claimed responsibility for"
        elif n.dep_ == "pobj" and head.dep_ == "prep":
            v = head.head
            if head.lower_ == "under" and n.lower_ in _UNDER_NOUNS:
                f.a2 = self.subject_of(v)[0]
                if f.a1 is None:
                    got = self.prep_obj(v, _AGENT_PREPS)
                    f.a1 = got[0] if got else None
                f.how = "came under fire from"
            elif head.lower_ in ("in", "during", "after", "by", "with", "from") and v.pos_ in ("VERB", "AUX"):
                psubj = self.child(v, *_PASS_SUBJ)
                if psubj is not None:  # "X were killed in an airstrike (by Y)"
                    with_obj = self.prep_obj(n, ("with",))
                    if f.a1 is None and f.a2 is not None and with_obj and with_obj[0] is f.a2:
                        # "soldiers were killed in clashes with JNIM fighters": the other side acted on them
                        victims = self.np(psubj)
                        if victims is not None:
                            f.a1, f.a2 = f.a2, victims
                    if f.a2 is None:
                        f.a2 = self.np(psubj)
                    if f.a1 is None:
                        got = self.prep_obj(v, ("by",))
                        f.a1 = got[0] if got else None
                elif v.dep_ == "acl" and f.a2 is None and self.child(v, "dobj") is not None:
                    # "ADF fighters killed 18 villagers in an attack" parsed as a reduced relative: a verb
                    # with an object is active, its head noun acts on the object
                    if f.a1 is None:
                        f.a1 = self.np(v.head)
                    f.a2 = self.np(self.child(v, "dobj"))
                elif v.dep_ == "acl" and f.a2 is None:  # "civilians killed in an airstrike"
                    f.a2 = self.np(v.head)
                elif v.lemma_ in _DEATH_VERBS and head.lower_ in ("in", "during"):
                    # "four rebels died in a firefight with troops": the dead are acted on
                    with_obj = self.prep_obj(n, ("with", "against"))
                    if with_obj and f.a1 is None:
                        f.a1 = with_obj[0]
                    f.a2 = self.victim(self.child(v, *_SUBJ))
                    f.how = "died in a fight with"
                else:
                    if f.a1 is None:
                        f.a1 = self.subject_of(v)[0]
                    if f.a2 is None:
                        f.a2 = self.np(self.child(v, "dobj"))
        elif n.dep_ in ("nsubj", "nsubjpass"):  # "airstrikes killed 10 civilians"
            if f.a2 is None:
                f.a2 = self.np(self.child(head, "dobj")) if n.dep_ == "nsubj" else None
                if f.a2 is None:
                    got = self.prep_obj(head, _TARGET_PREPS)
                    f.a2 = got[0] if got else None
        if means is not None and (f.a1 is None or f.a1 is f.a2 or int(f.a1.value.inter or 0) not in (1, 2, 3, 4, 8)):
            f.a1 = means
        return f

    def roles(self, span) -> _Found:
        root = span.root
        while root.dep_ == "compound" and root.head is not root:
            root = root.head
        # "shot dead", "blew up": the verb carries the roles
        if root.pos_ in ("ADJ", "ADV", "PART", "ADP") and root.dep_ in ("acomp", "oprd", "prt", "advmod", "xcomp") \
                and root.head is not root and root.head.pos_ in ("VERB", "AUX"):
            root = root.head
        if root.pos_ in ("VERB", "AUX") or root.tag_.startswith("VB"):
            f = self.verb_roles(root)
        else:
            f = self.noun_roles(root)
        f.assoc1 = f.assoc1 or []
        f.assoc2 = f.assoc2 or []
        return f


def _order_roles(doc: Document, ms: list[Mention], sent_start: int, sent_end: int, start: int, end: int,
                 sent_index: int = -1) -> _Found:
    """Word-order roles (no parse)."""
    text = doc.clean
    f = _Found(how="word order", assoc1=[], assoc2=[])
    before = [m for m in ms if m.end <= start]
    after = [m for m in ms if m.start >= end]
    left = text[sent_start:start]
    # "their convoy", "its fighters": a generic noun owned by an earlier actor
    if before and before[-1].meta.get("generic") and not before[-1].meta.get("country_explicit") and re.search(
            r"\b(?:their|its)\s+$", text[max(sent_start, before[-1].start - 8):before[-1].start], re.I):
        ante = _antecedent(doc, before[-1].start, before[-1].end, sent_index)
        if ante is not None:
            before = before[:-1] + [ante]
    # "clashes between X and Y"
    opens_between = bool(re.search(r"\bbetween$", text[start:end], re.I))  # the trigger "fighting between"
    for k, m in enumerate(after):
        gap = text[end:m.start]
        if (re.search(r"\bbetween\s+(?:the\s+)?(?:\w+\s+)?$", gap, re.I)
                or (opens_between and k == 0 and re.fullmatch(r"\s+(?:the\s+)?(?:\w+\s+)?", gap))) and k + 1 < len(after):
            f.a1, f.a2 = m, after[k + 1]
            f.how = "between X and Y (word order)"
            if len(gap) < 20:  # "clashes between X and Y": the trigger's own sides
                f.how = "between X and Y (word order, next to the trigger)"
            return f
    # "came under fire from X"
    for m in after:
        if _UNDER_FIRE.search(text[max(sent_start, start - 20):m.start]):
            f.a1 = m
            f.a2 = before[-1] if before else None
            f.how = "came under fire from (word order)"
            return f
    if re.match(r"\s*(?:(?:a|an|the)\s+)?(?:\w+\s+){0,2}?(?:bomb|mine|landmine|IED|device|explosives?)\b",
                text[end:sent_end], re.I) and re.search(r"\b(?:hit|struck|ran over|drove over|stepped on|triggered)\s*$",
                                                        text[max(sent_start, start - 12):end], re.I):
        f.a2 = before[-1] if before else None
        f.how = "hit a bomb (word order)"
        return f
    if re.search(r"\b(?:bomb|mine|landmine|IED|device|explosives?)s?\s*$", text[start:end], re.I) and re.search(
            r"\b(?:hit|struck|ran\s+over|drove\s+over|stepped\s+on|triggered)\s+(?:(?:a|an|the)\s+)?$",
            text[max(sent_start, start - 25):start], re.I):
        f.a2 = before[-1] if before else None  # "their convoy hit an explosive device" (the device is the trigger)
        f.how = "hit a bomb (word order)"
        return f
    blamed = next((m for m in after if re.fullmatch(r"\s*(?:[\w-]+\s+)?(?:blamed\s+on|attributed\s+to|claimed\s+by)\s+"
                                                    r"(?:the\s+)?", text[end:m.start], re.I)), None)
    by = blamed or next((m for m in after if _BY_AFTER.match(text[end:m.start])), None)
    on = next((m for m in after if m is not by and _TARGET_AFTER.match(text[end:m.start])), None)
    passive = bool(_PASSIVE_BEFORE.search(left))
    if by is not None:
        f.a1 = by
        f.a2 = on or (before[-1] if before and passive else None)
        if f.a2 is None and re.search(r"\b(?:trigger|prompt|spark|provok|draw)\w*\s+(?:\w+\s+)?$", left, re.I):
            f.a2 = before[0] if before else None  # "..., triggering airstrikes by X"
        if f.a2 is None and not passive:
            f.a2 = before[-1] if before and (before[-1].end >= start - 40) else None
        f.how = "by X (word order)"
        return f
    modifier = _state_modifier(doc, text, left, sent_start, before, ms)
    if passive:
        f.a2 = before[-1] if before else None
        f.how = "passive (word order)"
        return f
    # "X were killed in an attack": the trigger noun inside a passive clause
    if re.search(r"\b(?:was|were|been)\s+(?:\w+\s+){1,2}(?:in|during)\s+(?:(?:a|an|the|two|three|several)\s+)?"
                 r"(?:\w+\s+)?$", left, re.I) and not on:
        f.a2 = before[-1] if before else None
        f.a1 = modifier  # "killed in an Israeli strike"
        if f.a1 is None:  # "soldiers were killed in clashes with JNIM fighters"
            f.a1 = next((m for m in after if re.fullmatch(r"\s*(?:with|by|from)\s+(?:the\s+)?(?:suspected\s+)?",
                                                            text[end:m.start], re.I)), None)
        f.how = "killed in an attack (word order)"
        return f
    # "X killed Y in an attack": the clause subject acts, its object is the target
    if re.search(r"\b(?:in|during)\s+(?:(?:a|an|the|two|three|several)\s+)?(?:\w+\s+)?$", left, re.I) \
            and len(before) >= 2:
        f.a1, f.a2 = before[0], before[-1]
        f.how = "X V Y in an attack (word order)"
        return f
    # the trigger's own modifier: "Israeli airstrikes", "Russian shelling"; "Turkish drones struck"
    if modifier is not None:
        f.a1 = modifier
    # "..., triggering airstrikes by X": the responder's target is the first clause's actor
    if f.a2 is None and re.search(r"\b(?:trigger|prompt|spark|provok|draw)\w*\s+(?:\w+\s+)?$", left, re.I):
        f.a2 = before[0] if before else None
    # a mention inside "backed by X" / "with X" belongs to another phrase
    before = [m for m in before if not re.search(r"\b(?:by|with|alongside)\s+(?:the\s+)?$",
                                                 text[max(sent_start, m.start - 20):m.start], re.I)]
    if f.a1 is None and not before:
        pm = re.match(r"\s*(They|It)\b", text[sent_start:start])
        if pm and not passive:
            f.a1 = _antecedent(doc, sent_start + pm.start(1), sent_start + pm.end(1), sent_index)
    if f.a1 is None and before:
        k = len(before) - 1
        # "X and Y attacked": X acts, Y is associated
        while k > 0 and re.fullmatch(r"\s*(?:,|and|,\s*and|as well as)\s*(?:\w+\s+)?",
                                     text[before[k - 1].end:before[k].start]) and _CLAUSE_START.search(
                text[max(sent_start, before[k - 1].start - 40):before[k - 1].start]):
            k -= 1  # only subjects at the start of a clause, not "killed militants and police arrested"
        f.a1 = before[k]
        f.assoc1 = [m for m in before[k + 1:]]
    f.a2 = on or next((m for m in after if not _speaking(text, m.end)), None)
    return f


def _state_modifier(doc: Document, text: str, left: str, sent_start: int, before: list[Mention],
                    ms: list[Mention]) -> Mention | None:
    """'an Israeli strike', 'Turkish drones struck': the state named right before the trigger."""
    prev = re.search(r"([A-Z][\w.]*(?: [A-Z][\w.]*)?)\s+(?:(?:drones?|jets?|warplanes?|aircraft|helicopters?|"
                     r"tanks?|artillery|missiles?|warships?|gunboats?|bombers?)\s+)?$", left)
    if not prev or (before and before[-1].end > prev.start(1) + sent_start - 1):
        return None
    if re.search(r"\b(?:in|near|from|of|across|inside|outside|at|to)\s+(?:the\s+)?$", left[:prev.start(1)], re.I):
        return None  # "Police in Pakistan arrested": a location, not a state acting
    c = (country_of_term(prev.group(1), strict=True) or country_of_term(prev.group(1).split()[-1], strict=True)
         or country_of_term(prev.group(1).split()[0], strict=True))  # "US Predator attacks"
    if not c:
        return None
    a = sent_start + prev.start(1)
    return Mention(start=a, end=a + len(prev.group(1)), text=prev.group(1), kind="actor",
                   value=_entry_actor("Military Forces of {country}", c, f"{prev.group(1)!r} names a state"),
                   sent=ms[0].sent if ms else -1, why=f"{prev.group(1)!r}: the state of {c} acting",
                   score=0.6, meta={"entry": "Military Forces of {country}", "generic": True,
                                    "country_explicit": True, "state_by_name": True})


def _backers(doc: Document, m: Mention, country: str) -> list[Actor]:
    """'US-backed SDF', 'the SDF, backed by US air power' -> the backers of ``m``."""
    out: list[Actor] = []
    text = doc.clean
    if m.meta.get("implicit"):
        return out
    window = text[max(0, m.start - 30):m.end]
    for mt in _BACKED_RE.finditer(window):
        a = backer_actor(mt.group(1), country) or backer_actor(mt.group(1).split()[-1], country)
        if a is not None and a.name != m.value.name:
            out.append(a)
    return out


def _backed_by(doc: Document, m: Mention, ms: list[Mention]) -> list[Mention]:
    if m.meta.get("implicit"):
        return []
    text = doc.clean
    mt = _BACKED_BY_RE.match(text, m.end, min(len(text), m.end + 80))
    if not mt:
        return []
    nxt = next((x for x in ms if x.start >= mt.end() and x.start <= mt.end() + 2), None)
    return [nxt] if nxt is not None and nxt.value.name != m.value.name else []


def _located_country(doc: Document, sent_index: int, start: int, end: int, settings,
                     locate: Callable[[], Location | None] | None = None) -> tuple[str, bool]:
    """The country of the event's place as the places stage locates it ("" when it has not run).

    Generic actors ("civilians", "Islamic State-linked insurgents") take this country, not the
    nationality of another actor of the sentence ("a Russian missile ... in Kharkiv").
    """
    if not any(m.kind == "place" for m in doc.mentions) and "place_focus" not in doc.meta:
        return "", False
    try:
        if locate is None:
            from ..places import locate_event
            from ..settings import Settings

            loc = locate_event(doc, sent_index, start, end, settings or Settings())
        else:
            loc = locate()
    except Exception:  # the places stage is optional for roles
        return "", False
    place = getattr(loc, "place", None) if loc is not None else None
    if place is None or (getattr(place, "feature_code", "") or "").startswith("PCL"):
        return "", False  # country-level only: event_country weighs country names better
    from .recognize import _country_from_place

    c = _country_from_place(load_dictionary(), place)
    return (c, True) if c else ("", False)


# ------------------------------------------------------------------ public
_FACTIONS_OF = re.compile(
    r"(?i)\b(?:rival|two|competing|opposing|breakaway|feuding|warring)\s+(?:factions?|wings?|camps|splinter groups)\s+"
    r"(?:of|within|in)\s+(?:the\s+)?$")
_FACTIONS_AFTER = re.compile(r"(?i)\s*(?:factions|wings|splinter groups)\b")
_FACTIONS_END = re.compile(r"(?i)\s(?:factions|wings|splinter groups)$")
_RIVAL_BEFORE = re.compile(r"(?i)\b(?:rival|two|competing|feuding|warring)\s+(?:the\s+)?$")
# commanders are no faction: only "rival / feuding / warring al-Shabaab commanders" split the group
# ("Somali troops killed two al-Shabaab commanders" is the army against the group)
_COMMANDERS_AFTER = re.compile(r"(?i)\s*commanders\b")
_COMMANDERS_END = re.compile(r"(?i)\scommanders$")
_STRONG_RIVAL_BEFORE = re.compile(r"(?i)\b(?:rival|feuding|warring)\s+(?:the\s+)?$")


def _factions(doc: Document, ms: list[Mention], s_start: int, s_end: int) -> Mention | None:
    """An armed group fighting itself: "rival factions of the SPLA-IO", "two factions of
    al-Shabaab", "rival Fano factions" -- the group named once, split in two.

    Not when another armed actor acts before it in the sentence: "Government troops clashed with
    two factions of the Fano militia" is the army against Fano."""
    for m in ms:
        if m.value.inter not in (2, 3, 4) or m.meta.get("implicit"):
            continue
        before = doc.clean[max(s_start, m.start - 60):m.start]
        # the mention may hold the word itself ("Rival [al-Shabaab factions] clashed")
        if not (_FACTIONS_OF.search(before) or (_RIVAL_BEFORE.search(before) and (
                _FACTIONS_AFTER.match(doc.clean, m.end, min(s_end, m.end + 20))
                or _FACTIONS_END.search(doc.clean[m.start:m.end]))) or (_STRONG_RIVAL_BEFORE.search(before) and (
                _COMMANDERS_AFTER.match(doc.clean, m.end, min(s_end, m.end + 20))
                or _COMMANDERS_END.search(doc.clean[m.start:m.end])))):
            continue
        if any(o.start < m.start and o.value.inter in (1, 2, 3, 4, 8) and o.value.name != m.value.name
               and not o.meta.get("implicit") for o in ms):
            continue
        return m
    return None


def assign_roles(doc: Document, sent_index: int, start: int, end: int, event_type: str,
                 sub_event_type: str, settings=None,
                 locate: Callable[[], Location | None] | None = None) -> Roles:
    """actor1/actor2 (and associates) of the event whose trigger is clean[start:end).

    ``locate``: what ``places.locate_event`` answers for this span, asked only when needed (the
    events stage locates the event anyway: it need not be located twice).
    """
    d = load_dictionary()
    sent = next((s for s in doc.sentences if s.index == sent_index), None)
    if sent is None:
        sent = doc.sentence_of(start)
    s_start, s_end = (sent.start, sent.end) if sent else (0, len(doc.clean))
    if sent is not None:
        sent_index = sent.index
    # mentions overlapping the sentence (a sentence splitter may cut inside a name: "Anti | -balaka")
    ms = sorted((m for m in doc.mentions if m.kind == "actor" and m.start < s_end and m.end > s_start),
                key=lambda m: m.start)
    # the trigger itself is not an actor ("the offensive", "airstrikes")
    # (a named group inside a longer trigger stays: "repelled an al-Shabaab attack")
    # (nor is a weapon's user: "drones operated by a cartel struck" names the cartel acting)
    # (nor is the police a crowd's trigger names: "pelted police with rocks" -> the police are the target)
    ms = [m for m in ms if not (m.start >= start and m.end <= end
                                and (m.meta.get("generic") or (m.start == start and m.end == end))
                                and not _LAUNCHED_BY.search(doc.clean[max(start, m.start - 40):m.start])
                                and not _BY_INSIDE.search(doc.clean[max(start, m.start - 30):m.start])
                                and not (event_type in RIOT_TYPES and m.start > start and m.value.inter in (1, 8)))]
    # the hardware an attack is made with is no side of it: "Russian forces shelled Nikopol with heavy
    # artillery", "pounded the camp with tanks and helicopters" (the attacker's own weapons)
    ms = [m for m in ms if not (m.meta.get("generic") and not m.meta.get("country_explicit")
                                and m.text.split() and norm(m.text.split()[-1]) in _HARDWARE
                                and _instrument_of(doc, ms, m, s_start))]
    # a force that only places the spot hit is no side: "blew himself up at a cafe near the headquarters of
    # the police", "a bomb went off in a market close to an army barracks" (the cafe, the market were hit)
    if (event_type or "") in VIOLENT_TYPES:
        ms = [m for m in ms if not (m.value.inter in (1, 8) and m.start > end
                                    and _LANDMARK_BEFORE.search(doc.clean, max(s_start, m.start - 90), m.start))]
    # who is spoken to takes no part ("the police chief told reporters", "briefed journalists")
    ms = [m for m in ms if not _ADDRESSEE.search(doc.clean, max(s_start, m.start - 40), m.start)]
    # a country the sentence names as a location ("in northern Mali") > the place the places stage
    # locates the event at ("Kharkiv" -> Ukraine) > the sentence's / document's places
    country, reliable = _locative_country(doc, sent_index), True
    if not country:
        country, reliable = _located_country(doc, sent_index, start, end, settings, locate)
        named = text_countries(doc)
        if country and named and country not in named:
            # a gazetteer guess the text never names ("Tawila" abroad) vs a named group's home the text names
            homes = [m.value.country for m in ms if m.value.listed and m.value.country in named
                     and m.value.inter in (2, 3, 4) and not m.meta.get("generic")
                     and "{country}" not in (m.meta.get("entry") or "{country}")]
            if homes:
                country = homes[0]
    if not country:
        country, reliable = event_country(doc, sent_index)
    if not country:  # nothing says where: the home country of the named actors around
        homes = [m.value.country for m in ms if m.value.listed and m.value.country and m.value.inter in (2, 3, 4)]
        homes = homes or [m.value.country for m in doc.mentions if m.kind == "actor" and m.value.listed
                          and m.value.country and m.value.inter in (2, 3, 4) and m.start < start]
        country = homes[0] if homes else ""
    if not country and doc.meta.get("dateline"):
        # "BAMAKO (Reuters) - ... ambushed a military convoy between Boni and Hombori": no place found,
        # the capital of the dateline gives the country of "soldiers", "the army", "gunmen"
        country, reliable = country_of_term(doc.meta["dateline"]), False

    f: _Found | None = None
    ensure_parsed(doc, sent_index, settings)  # a sentence the nlp prefilter skipped is parsed now
    sdoc = doc.spacy_doc
    parsed = doc.meta.get("parsed_sentences")  # the nlp stage may parse only some sentences
    if sdoc is not None and getattr(sdoc, "has_annotation", None) and sdoc.has_annotation("DEP") \
            and (parsed is None or sent_index in parsed):
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span) and any(t.dep_ for t in span):
            f = _Parse(doc, ms, sent_index).roles(span)
    order = _order_roles(doc, ms, s_start, s_end, start, end, sent_index)
    if f is None or (order.how.endswith("next to the trigger)") and not f.how.startswith("between")):
        f = order  # "between X and Y" read from the words is surer than a parse of one side
    else:
        if f.a1 is None and order.a1 is not None and order.a1 is not f.a2 and f.how not in _TARGET_ONLY \
                and not (order.a1.start >= end and _CLAUSE_AFTER.search(doc.clean[end:order.a1.start])):
            # not from a later clause: "bombs struck two camps, ..., as fighting between the army and M23 raged"
            f.a1 = order.a1
            f.how += "; actor1 by word order"
        if f.a2 is None and f.how not in _TARGET_ONLY and order.a2 is not None and order.a2 is not f.a1 \
                and order.a2.start >= end \
                and order.a2.start - end < 60 and not _CLAUSE_AFTER.search(doc.clean[end:order.a2.start]) \
                and (f.a1 is None or order.a2.value.name != f.a1.value.name) \
                and not _speaking(doc.clean, order.a2.end):
            f.a2 = order.a2
            f.how += "; actor2 by word order"
    f.assoc1 = list(f.assoc1 or [])
    f.assoc2 = list(f.assoc2 or [])
    if f.a1 is not None and not f.a1.meta.get("implicit") and f.how != "between X and Y":
        # "Mozambican and Rwandan troops": the first country acts, the others are allies
        k = next((i for i, m in enumerate(ms) if m is f.a1), None)
        while k is not None and k > 0 and ms[k - 1] is not f.a2 and ms[k - 1].meta.get("shared_noun") and re.fullmatch(
                r"\s*(?:,|and|,\s*and)\s*", doc.clean[ms[k - 1].end:ms[k].start]):
            k -= 1
        if k is not None and ms[k] is not f.a1:
            f.assoc1 = [m for m in ms[k + 1:] if m.start <= f.a1.start] + list(f.assoc1)
            f.a1 = ms[k]
    if f.a2 is None and f.assoc1 and _SYMMETRIC.match(doc.clean[start:end]):
        f.a2 = f.assoc1.pop(0)  # "X and Y clashed": they fought each other
    if f.a1 is not None and f.a2 is not None and f.a2.start < f.a1.start and f.a1.start < start \
            and _SYMMETRIC.match(doc.clean[start:end]) and not f.a1.meta.get("implicit"):
        f.a1, f.a2 = f.a2, f.a1  # "The Taliban and ISKP fighters clashed": the first named comes first
    a1, a2 = f.a1, f.a2
    if a2 is not None and a1 is not None and (a2 is a1 or (a2.start == a1.start and a2.end == a1.end)):
        a2 = None
    if (event_type or "") in VIOLENT_TYPES:
        # "Soldiers and VDP volunteers repelled the attack", "VDP volunteers, backed by troops, ...": the
        # state's force leads its side, the auxiliary fighting beside it is associated
        if (event_type or "") == "Battles":
            a2 = _repelled_by(doc, ms, a1, a2, f, s_start, start, end)
        a1, a2 = _state_leads(doc, ms, a1, a2, f)
    if a2 is not None and a1 is not None and a2.value.name == a1.value.name and a1.value.listed \
            and not a1.meta.get("generic") and not a2.meta.get("generic"):
        a2 = None  # "The M23 withdrew ..., handing it over": a named group does not act on itself

    if (event_type or "") == "Battles" and _AGENT_AFTER.search(doc.clean[start:end]):
        # "Singa fell to the RSF", "came under the control of the RSF", "was recaptured by the army":
        # who takes the place is named after the trigger; a side named before it is the one that lost it
        taker = next((m for m in ms if m.start >= end and m.value.inter in (1, 2, 3, 4, 8)), None)
        if taker is not None and taker is not a1:
            loser = a1 if a1 is not None and not a1.meta.get("implicit") and a1.value.inter in (1, 2, 3, 4, 8) else None
            a1, a2 = taker, loser
    et = event_type or ""
    sub = sub_event_type or ""
    # ---------------------------------------------------------- event-type conventions
    if et in PROTEST_TYPES or et in RIOT_TYPES:
        crowd_tmpl = "Protesters ({country})" if et in PROTEST_TYPES else "Rioters ({country})"
        crowd = next((m for m in (a1, a2, *ms) if m is not None and m.value.inter in (5, 6)), None)
        named_groups = [m for m in ms if m.value.inter in (2, 3, 4) and not m.meta.get("generic")
                        and m is not a2]
        if crowd is None and a1 is not None and a1.value.inter in (2, 3, 4, 7):
            crowd = a1  # "Nigerians rallied", "Fatah supporters marched": the crowd, named by who they are
        identities = []
        for m in ms:
            tmpl = d.protest_identities.get(" ".join(norm(t[2]) for t in tokenize(m.text)))
            if tmpl and tmpl in d.entries:
                identities.append(_implicit(doc, _entry_actor(tmpl, country, f"who the crowd is: {m.text!r}"),
                                            m.start, m.end, sent_index, f"{m.text!r}: who the crowd is"))
        # "BNP supporters", "a rally by the opposition party": the party is who the crowd is
        identities += [m for m in ms if m.value.kind == "political_party" and m is not a2]
        if crowd is None:
            crowd = _implicit(doc, _entry_actor(crowd_tmpl, country, "crowd implied by the event type"),
                              start, end, sent_index, f"{et}: the crowd is actor1")
        else:
            crowd = _with_actor(crowd, _entry_actor(crowd_tmpl, country if not crowd.meta.get("country_explicit")
                                                     else crowd.value.country or country, "the crowd"))
            crowd.meta["entry"] = crowd_tmpl
        police = next((m for m in (a1, a2, *ms) if m is not None and m.value.inter in (1, 8)
                       and not m.meta.get("implicit") and norm(m.text.split()[-1]) not in _NOT_INTERVENERS), None)
        if police is None and sub in ("Protest with intervention", "Excessive force against protesters"):
            # "SDF fighters fired into the air to disperse the crowd", "Hamas police beat the marchers":
            # a named armed group that holds the area polices the crowd (not the police implied)
            police = next((m for m in ms if m.end <= start and m.value.inter in (2, 3, 4) and not m.meta.get("generic")
                           and not m.meta.get("implicit") and _FORCE_AFTER.match(doc.clean, m.end)), None)
            if police is not None and crowd is police:
                crowd = _implicit(doc, _entry_actor(crowd_tmpl, country, "crowd implied by the event type"),
                                  start, end, sent_index, f"{et}: the crowd is actor1")
        if police is None and sub == "Violent demonstration":
            # "Youths blocked the road with burning tyres. Riot police charged the crowd ...", "... Some
            # threw stones at police vehicles": the force that faced the rioters in the next sentences
            police = _crowd_policed_after(doc, s_end, sent_index)
        if et in PROTEST_TYPES and police is not None and police.meta.get("entry") == "Military Forces of {country}" \
                and _POLICING_FORCE.search(police.text):
            # "gendarmes fired tear gas at the march": the gendarmerie policing a protest is coded as
            # police (soldiers, troops, the army stay military; so do generic "security forces", on
            # which the hand-coded sets disagree). (Riots keep the force as read: an events-stage merge
            # of a riot into the protest told before it relies on their actors differing.)
            police = _with_actor(police, _entry_actor("Police Forces of {country}", police.value.country or country,
                                                      "gendarmes policing a protest"))
            police.meta["entry"] = "Police Forces of {country}"
        if sub == "Excessive force against protesters":
            a1 = police or (a1 if a1 is not None and a1.value.inter in (1, 2, 3, 8) else None) or _implicit(
                doc, _entry_actor("Police Forces of {country}", country, "force used by the state"),
                start, end, sent_index, "excessive force: state forces implied")
            a2 = crowd
            f.assoc1, f.assoc2 = [], identities + named_groups
        else:
            other = a2 if a2 is not None and a2 is not crowd and a2.value.inter not in (5, 6, 7) \
                and a2 not in named_groups else None
            if sub in ("Protest with intervention", "Violent demonstration") and police is not None:
                other = police
            if sub == "Protest with intervention" and other is None:
                other = police or _implicit(doc, _entry_actor("Police Forces of {country}", country,
                                                              "intervention by the police"),
                                            start, end, sent_index, "protest with intervention: police implied")
            if sub == "Peaceful protest":
                other = None
            if sub == "Mob violence" and (other is None or other.value.inter == 7) \
                    and _CROWDS_CLASHED.search(doc.clean[start:min(s_end, end + 100)]):
                # "mobs of settlers and residents clashed with sticks": two crowds fought each other,
                # rioters on both sides (ACLED), not rioters against civilians
                other = _implicit(doc, _entry_actor("Rioters ({country})", country, "the other crowd of a clash"),
                                  start, end, sent_index, "mob clash: rioters on both sides")
            if et in RIOT_TYPES and other is None and sub == "Mob violence":
                other = next((m for m in ms if m.value.inter == 7 and m is not crowd), None) or \
                    _numeric_victims(doc, s_start, s_end, start, end, country, sent_index)
            if sub == "Mob violence" and other is not None and other.meta.get("generic") \
                    and not other.meta.get("country_explicit") \
                    and other.meta.get("entry") == "Unidentified Armed Group ({country})":
                # "villagers lynched two suspected kidnappers": a mob's victims are civilians
                other = _with_actor(other, _entry_actor("Civilians ({country})", country, "victims of a mob"))
                other.meta["entry"] = "Civilians ({country})"
            a1, a2 = crowd, other
            f.assoc1 = identities + named_groups
            f.assoc2 = []
    elif sub == "Disrupted weapons use":
        a1, a2 = _disrupted_roles(doc, ms, a1, a2, s_start, s_end, start, end, sent_index)
        if not reliable and a1 is not None and a1.value.inter == 1 and a1.value.country:
            country, reliable = a1.value.country, True  # weapons are stopped over the interceptor's own ground
    elif sub == "Change to group/activity" and a1 is not None and a1.meta.get("entry") == "Military Forces of {country}" \
            and norm(a1.text.split()[-1]) in _CIVIL_GOVERNMENT:
        # "the government of President X declared a curfew": the government acts, not its army
        gov = _entry_actor("Government of {country}", a1.value.country or country, f"{a1.text!r} is the government")
        a1 = _with_actor(a1, gov)
        a1.meta["entry"] = "Government of {country}"
    elif sub == "Agreement":
        if a2 is None and f.assoc1:  # "the government and the ELN agreed": the two parties
            a2 = f.assoc1.pop(0)
        a1, a2 = _agreement_roles(doc, ms, a1, a2, s_start, s_end, start, end)
        homes = {m.value.country for m in (a1, a2) if m is not None and m.value.country}
        if country and homes and country not in homes:
            reliable = False  # talks in a third country: the venue does not make the parties external
    elif et in VIOLENT_TYPES or sub == "Arrests":
        if a1 is not None and not a1.meta.get("implicit") and a1.end <= start and _speaking(doc.clean, a1.end) \
                and not _SPEAKER_OWN.match(doc.clean, a1.end) and a1.start >= s_start:
            # "Sudan's army said drones hit Kosti": the force that reports the attack is not who carried
            # it out ("the army said it killed 20 militants" still is)
            a1 = None
        owner = _weapon_owner(doc, a2)
        if owner and (a1 is None or a1.meta.get("implicit")):
            # "a Houthi missile was fired at Jizan": the weapon's owner attacks, it is not the target
            a1, a2 = a2, None
        if a1 is not None and a1.value.inter == 7 and a2 is not None and a2.value.inter != 7 \
                and f.how.startswith("word order"):
            a1, a2 = a2, a1  # "villagers were ... by gunmen" misread by word order
        if a1 is not None and a1.value.inter in (6, 7) and "word order" in f.how:
            # civilians found only by word order are the victims, not the perpetrators
            if a2 is None:
                a2 = a1
            a1 = None
        if a1 is not None and a1.value.inter == 7 and a1.meta.get("generic") and et in VIOLENT_TYPES:
            # "a man on a motorcycle hurled a grenade at a police booth": an unnamed attacker is an
            # unidentified armed actor, never a civilian actor1 (civilians are what violence hits)
            uag = _entry_actor("Unidentified Armed Group ({country})", country, f"unnamed attacker {a1.text!r}")
            a1 = _with_actor(a1, uag)
            a1.meta["entry"] = "Unidentified Armed Group ({country})"
        if sub == "Arrests" and a1 is not None and a1.meta.get("entry") == "Military Forces of {country}" \
                and re.search(r"\bsecurity\s+(?:forces|services|agents|officers|personnel)\b", a1.text, re.I):
            # ACLED codes arrests by generic "security forces" as police (soldiers/army stay military)
            police = _entry_actor("Police Forces of {country}", a1.value.country or country,
                                  "arrests by generic security forces are police")
            a1 = _with_actor(a1, police)
            a1.meta["entry"] = "Police Forces of {country}"
        if sub == "Arrests" and a1 is None:
            a1 = _implicit(doc, _entry_actor("Police Forces of {country}", country, "arrests are made by the state"),
                           start, end, sent_index, "arrest: police forces implied")
        if et == "Battles" and a2 is not None and a2.value.inter == 7 and _SYMMETRIC.match(doc.clean[start:end]) \
                and a2.start >= end and _TOLL_BEFORE.search(doc.clean, end, a2.start):
            a2 = None  # "gangs clashed in a market, killing three bystanders": the other side fought, the dead are toll
        if et == "Battles" and a1 is None and a2 is not None and a2.value.inter in (2, 3, 4) and not a2.meta.get("generic"):
            # "In a joint operation by the DRG and CRPF, five Maoists were neutralised in an exchange of
            # fire": the dead are one side, the force named elsewhere in the sentence the other
            a1 = next((m for m in ms if m is not a2 and m.value.inter in (1, 8) and not m.meta.get("implicit")
                       and m.value.name != a2.value.name and not _SPEAKER.match(doc.clean, m.end)), None)
        if et == "Battles" and _NEUTRALISED_PASSIVE.search(doc.clean[start:end]):
            # "Seven terrorists were neutralised near Bama, the army said": the subject is who died; the
            # word is the jargon of the force that did it, often the one speaking
            if a1 is not None and a1.end <= start and (a2 is None or a2.meta.get("implicit")):
                a1, a2 = None, a1
            if a1 is None and a2 is not None:
                a1 = next((m for m in ms if m is not a2 and m.value.inter in (1, 8) and not m.meta.get("implicit")
                           and m.value.name != a2.value.name), None)
        if et == "Battles" and a2 is None:
            allies = {id(m) for m in f.assoc1}
            # "members of the A and B gangs clashed": with a symmetric verb the one named beside
            # actor1 is the other side, not an ally
            sym = bool(_SYMMETRIC.match(doc.clean[start:end]))
            # (not who speaks: "Provincial police commander X said the men clashed outside the town")
            a2 = next((m for m in ms if m is not a1 and (id(m) not in allies or sym) and m.value.inter in (1, 2, 3, 4, 8)
                       and (a1 is None or m.value.name != a1.value.name)
                       and not (m.end <= start and _speaking(doc.clean, m.end))
                       and not (a1 is not None and not (sym and m.end <= start) and re.fullmatch(
                           r"\s*(?:,|and|,\s*and)\s*", doc.clean[a1.end:m.start] if m.start >= a1.end else "x"))),
                      None)
            if a2 is not None and id(a2) in allies:
                f.assoc1 = [m for m in f.assoc1 if m is not a2]
            if a1 is not None and a2 is not None and a2.start < a1.start < start and not a1.meta.get("implicit") \
                    and _SYMMETRIC.match(doc.clean[start:end]):
                a1, a2 = a2, a1  # "The Taliban and ISKP fighters clashed": the first named comes first
        if a2 is not None and a2.meta.get("entry") == "Protesters ({country})" \
                and norm(a2.text.split()[-1]) not in _CROWD_WORDS:
            # "kidnapped 30 students": people named by who they are, not a protest crowd
            a2 = _with_actor(a2, _entry_actor("Civilians ({country})", country, "victims"))
            a2.meta["entry"] = "Civilians ({country})"
        if sub == "Arrests" and a2 is None:
            # "arrested the secretary general of the opposition X": the party or group the arrested belong to
            a2 = next((m for m in ms if m.start >= end and m is not a1 and m.value.inter != 1
                       and not m.meta.get("implicit") and not _SPEAKER.match(doc.clean, m.end)
                       and not re.search(r"[;]|,\s+(?:said|police|officials)\b", doc.clean[end:m.start])), None)
        if sub == "Arrests" and a2 is None and country and _ARRESTED_PEOPLE.search(doc.clean[end:min(s_end, end + 90)]):
            # "police arrested nine labour leaders from their homes", "detained five members of the CNL
            # who had gone to report ...": people arrested with no group named as theirs are civilians
            # (ACLED: the arrested are coded by their organisation when one is named, else as civilians)
            a2 = _implicit(doc, _entry_actor("Civilians ({country})", country, "the people arrested"),
                           start, end, sent_index, "arrests: the people arrested are civilians")
        if sub == "Arrests" and a2 is not None and a2.value.inter == 7 and (a2.meta.get("generic") or not a2.value.listed):
            # "arrested FNDC coordinator Ibrahima Conde", "detained X, a senior official of the opposition
            # Y": the arrested are named by the group they lead or belong to (ACLED codes the group)
            org = next((m for m in ms if m.start >= end and m is not a1 and m.value.inter in (2, 3, 4, 6)
                        and not m.meta.get("implicit") and not m.meta.get("generic")
                        and (_ROLE_AFTER.match(doc.clean, m.end) or _ROLE_OF.search(doc.clean[end:m.start]))
                        and not re.search(r"[;]|,\s+(?:said|police|officials)\b", doc.clean[end:m.start])), None)
            if org is not None:
                a2 = org
        if a2 is not None and a2.meta.get("generic") and a2.text.strip() and (norm(a2.text.split()[-1]) in _FACILITIES or _FACILITY_AFTER.match(
                doc.clean, a2.end)):
            # "blew himself up at a checkpoint, killing two policemen": the people hit are the target
            # "the police checkpoint": the force named right before the facility holds it
            owner = next((m for m in ms if m.end <= a2.start and m is not a1 and not m.meta.get("implicit")
                          and m.value.inter in (1, 8) and not doc.clean[m.end:a2.start].strip()), None)
            hit = owner or next((m for m in ms if m.start >= a2.end and m is not a1 and re.search(
                r"\b(?:killing|wounding|injuring)\s+(?:\S+\s+){0,3}$", doc.clean[max(a2.end, m.start - 50):m.start])),
                None) or next((m for m in ms if m.end <= start and m is not a1 and not m.meta.get("implicit")
                               and _CASUALTY_AFTER.match(doc.clean, m.end)), None) \
                or next((m for m in ms if m is not a1 and not m.meta.get("implicit") and m.value.inter in (1, 8)
                         and _VICTIM_AFTER.match(doc.clean, m.end)), None)
            a2 = hit or a2
        if et == "Explosions/Remote violence" and a1 is not None and a1.end <= start and not a1.meta.get("implicit") \
                and a1.value.inter != 7 and (a2 is None or a2.meta.get("implicit")) and _VICTIM_AFTER.match(doc.clean, a1.end):
            # "four soldiers of the Malian army were killed after their vehicle hit an IED": the subject
            # told as dead is hit by the weapon, it does not use it
            a1, a2 = None, a1
        if et == "Explosions/Remote violence" and a2 is None:
            # "Three al-Shabaab fighters were killed when an American drone struck their car"
            a2 = next((m for m in ms if m.end <= start and m is not a1 and m.value.inter in (1, 2, 3, 4, 8)
                       and not m.meta.get("implicit") and (a1 is None or m.value.name != a1.value.name)
                       and _VICTIM_AFTER.match(doc.clean, m.end)), None)
        if et == "Explosions/Remote violence" and a2 is None:  # not the source: "..., officials said"
            a2 = next((m for m in ms if m.value.inter == 7 and m is not a1 and m.start >= end
                       and not _SPEAKER.match(doc.clean, m.end)), None)
        if et in ("Explosions/Remote violence", "Violence against civilians") and a2 is None:
            a2 = next((m for m in ms if m.start >= end and m is not a1 and re.search(
                r"\b(?:killing|wounding|injuring|killed|wounded|injured|kidnapping|abducting)\s+(?:\S+\s+){0,3}$",
                doc.clean[max(end, m.start - 50):m.start])), None)
        if et in ("Explosions/Remote violence", "Violence against civilians") and a2 is None:
            # "15 people were killed when Russian missiles hit the city"
            a2 = next((m for m in ms if m.end <= start and m is not a1 and m.value.inter == 7
                       and _CASUALTY_AFTER.match(doc.clean, m.end)), None)
        if et in ("Explosions/Remote violence", "Violence against civilians") and a2 is None:
            a2 = _numeric_victims(doc, s_start, s_end, start, end, country, sent_index)
        if a2 is not None and a2.meta.get("entry") == "Protesters ({country})" \
                and norm(a2.text.split()[-1]) not in _CROWD_WORDS:
            # the victims found after the trigger are named by who they are too: "opened fire at the
            # market, killing three traders" hit traders, not a protest crowd
            a2 = _with_actor(a2, _entry_actor("Civilians ({country})", country, "victims"))
            a2.meta["entry"] = "Civilians ({country})"
        if et == "Violence against civilians":
            if a2 is None or a2.value.inter != 7:
                civ = next((m for m in ms if m.value.inter == 7 and m is not a1), None)
                if civ is not None and (a2 is None or a2.value.inter in (5, 6)):
                    a2 = civ
            if a2 is None:
                a2 = _implicit(doc, _entry_actor("Civilians ({country})", country, "victims implied"),
                               start, end, sent_index, "violence against civilians: civilians implied")
        if et == "Battles" and a2 is not None and (a1 is None or _unnamed_armed(a1)) and _unnamed_armed(a2) \
                and not a2.meta.get("implicit"):
            # "Gunmen attacked a traffic police post, killing two officers before three of the attackers
            # were shot dead": the gunmen and the attackers are one side; the force they hit the other
            force = next((m for m in ms if m.value.inter in (1, 8) and not m.meta.get("implicit")
                          and not _speaking(doc.clean, m.end)), None)
            if force is not None:
                a2 = force
        if et == "Battles":
            # "Two soldiers and three members of the BIFF were killed in a clash": the dead of both
            # sides, listed before the fight, are its two sides (the first listed first)
            pair = _dead_sides(doc, ms, start, end) if _SYMMETRIC.search(doc.clean[start:end]) else None
            if pair is not None and all(m is None or m.meta.get("implicit") or m in pair or (
                    m.meta.get("generic") and m.meta.get("entry") == "Unidentified Armed Group ({country})")
                    for m in (a1, a2)):
                a1, a2 = pair
        if (a1 is None or a1.meta.get("implicit")) and et in VIOLENT_TYPES:
            # "a drone strike by the Ethiopian military hit a market": the "by" right after the weapon
            # noun names who struck (inside the trigger's span or just after it)
            inside = next((m for m in ms if start <= m.start < end + 30 and m is not a2 and not m.meta.get("implicit")
                           and _BY_INSIDE.search(doc.clean[max(start, m.start - 30):m.start])), None)
            if inside is not None:
                a1 = inside
        if (a1 is None or a1.meta.get("implicit")) and et in VIOLENT_TYPES:
            # "a landmine planted by the Taliban exploded": who planted or fired the weapon acts
            planter = next((m for m in ms if m is not a2 and _LAUNCHED_BY.search(
                doc.clean[max(s_start, m.start - 40):m.start])), None)
            if planter is not None:
                a1 = planter
        if et in VIOLENT_TYPES and (a1 is None or (a1.meta.get("generic") and not a1.meta.get("country_explicit")
                                                   and a1.meta.get("entry") == "Unidentified Armed Group ({country})")):
            # "A suicide car bomber rammed a convoy ... Al-Shabaab said it carried out the attack."
            claimant = _claimant(doc, sent_index, s_end, s_start, start)
            if claimant is not None and (a2 is None or claimant.value.name != a2.value.name):
                a1 = claimant
        if a1 is None and et == "Explosions/Remote violence":
            # "... died when a drone hit their car. The Turkish army carried out the strike."
            a1 = _carried_out_by(doc, sent_index, s_end, a2)
        if a1 is None and sub == "Air/drone strike":
            # "A drone strike killed 14 people ... as fighting between federal forces and the Fano militia
            # intensified": the rebels have no aircraft, the strike is the state's
            a1 = _air_power_of_war(doc, sent_index, s_start, s_end, start, end, country, a2)
        if a1 is None and et in ("Violence against civilians", "Battles") and country \
                and _RIOT_MUNITION.search(doc.clean, s_start, s_end) \
                and _CROWD_TOLD.search(doc.clean, 0, s_end) \
                and not any(m.kind == "actor" and m.value.inter in (1, 8) and m.value.country
                            and m.value.country != country and not m.meta.get("implicit") for m in doc.mentions):
            # (only when the story tells a crowd the police faced, and names no foreign force that may
            # have fired: "a Palestinian was killed by a rubber-coated bullet in Nablus" is no PA police act)
            # "he had been hit by a rubber bullet fired at close range": only police (or troops policing a
            # crowd) fire rubber bullets and tear gas canisters; the unnamed shooter is the state's police
            a1 = _implicit(doc, _entry_actor("Police Forces of {country}", country, "riot-control munitions"),
                           start, end, sent_index, "rubber bullets / tear gas canisters: the police fired them")
        if a1 is None and et in ("Violence against civilians", "Explosions/Remote violence", "Battles"):
            tmpl = "Unidentified Armed Group ({country})"
            if sub == "Air/drone strike":
                tmpl = "Unidentified Military Forces"
            a1 = _implicit(doc, _entry_actor(tmpl, country, "no perpetrator named"), start, end, sent_index,
                           "no perpetrator named")
        if sub == "Armed clash" and a1 is not None and (a2 is None or (a2.meta.get("implicit") and a2.value.name == a1.value.name)):
            # "Gunmen stormed a military base": the state force named inside the trigger holds it
            a2 = next((m for m in ms if start <= m.start < end and m is not a1 and m.value.inter == 1
                       and not m.meta.get("implicit") and m.value.name != a1.value.name), a2)
            held = _STATE_FACILITY.search(doc.clean, start, min(s_end, end + 40))
            if (a2 is None or a2.meta.get("implicit")) and held and country and a1.value.inter != 1:
                tmpl = "Police Forces of {country}" if held.group(1).lower() in ("police", "gendarmerie") \
                    else "Military Forces of {country}"
                a2 = _implicit(doc, _entry_actor(tmpl, country, f"holds the {held.group(0)!r}"), start, end,
                               sent_index, f"{held.group(0)!r}: the state force holding it")
        if sub == "Armed clash" and a2 is None and a1 is not None:
            # a clash has two sides: "a police operation against a gang", "two rival militias fought"
            a2 = _implicit(doc, _entry_actor("Unidentified Armed Group ({country})", country, "the other side unnamed"),
                           start, end, sent_index, "armed clash: the other side is unnamed")

    if sub == "Looting/property destruction" and a2 is None and a1 is not None and a1.value.inter in (2, 3, 4, 8):
        # "Settlers torched cars and homes in the Palestinian village of Huwara": the owners are civilians
        mt = _PROPERTY_IN.search(doc.clean, start, s_end)
        home = country_of_term(mt.group(1)) if mt else None  # "Palestinian", "West Bank"
        if home:
            a, b = mt.span(1)
            civ = _entry_actor("Civilians ({country})", home, f"property in a {mt.group(1)} community")
            a2 = Mention(start=a, end=b, text=doc.clean[a:b], kind="actor", value=civ, sent=sent_index,
                         why=f"{mt.group()!r}: property of the {mt.group(1)} community", score=0.5,
                         meta={"entry": "Civilians ({country})", "generic": True, "country_explicit": True})
        elif _CIVIL_PROPERTY.search(doc.clean, start, s_end):
            # "Al-Shabaab fighters torched five houses and a church": the owners of homes, shops and
            # places of worship are civilians
            a2 = _implicit(doc, _entry_actor("Civilians ({country})", country, "owners of the property destroyed"),
                           start, end, sent_index, "property destruction: homes and shops belong to civilians")

    # "repelled an al-Shabaab attack ..., killing 10 militants": a bare "militants" beside one named
    # armed group of the sentence is that group
    named = {m.value.name: m for m in ms if m.value.inter in (2, 3, 4) and m.value.listed
             and not m.meta.get("generic") and not m.meta.get("implicit")
             and not (a1 is not None and a1.value.inter == 1 and _state_aligned(m))}  # not the state's auxiliaries
    if len(named) == 1 and a1 is not None and a1.value.inter in (1, 8) and a2 is not None:
        # only for the side state forces fought, with the group named before it ("Gunmen killed two
        # people near a Hamas office" keeps its gunmen)
        only = next(iter(named.values()))
        if not a2.meta.get("implicit") and a2.meta.get("generic") and not a2.meta.get("country_explicit") \
                and a2.meta.get("entry") == "Unidentified Armed Group ({country})" and only.start < a2.start:
            new = _with_actor(a2, only.value)
            new.meta.update(generic=False, entry=only.meta.get("entry", ""), anaphora=True)
            new.why = f"{a2.text!r} after {only.text!r} in the sentence: {only.value.name}"
            a2 = new
    elif not named and et == "Battles" and a1 is not None and a1.value.inter in (1, 8) and (
            (a2 is not None and (_unnamed_armed(a2) or (a2.meta.get("implicit")
                                                        and a2.value.name.startswith("Unidentified Armed Group"))))
            or (a2 is None and sub == "Government regains territory")):
        # (the side a force fought that no word names: "troops clashed with militants", "an operation
        # ... in an exchange of fire", "troops retook the town" from the group that held it)
        # "A police operation against drug traffickers left six suspects dead. Officers came under fire
        # from members of the Comando Vermelho gang ...": the one armed group the next sentences name
        # is the side the force fought
        # (or the one the sentences just before name: "The BLA claimed the bus attack. The following day,
        # troops killed six militants involved in it")
        later = {m.value.name: m for m in doc.mentions if m.kind == "actor"
                 and (s_end <= m.start or (m.end <= s_start and m.sent >= sent_index - 3
                                           and _told_before(doc, m, s_start)))
                 and m.sent <= sent_index + 2 and m.value.inter in (2, 3, 4) and m.value.listed
                 and not m.meta.get("generic") and not m.meta.get("implicit") and not _state_aligned(m)}
        if len(later) == 1:
            only = next(iter(later.values()))
            new = _with_actor(a2 if a2 is not None else only, only.value)
            new.meta.update(generic=False, entry=only.meta.get("entry", ""), anaphora=True, implicit=False)
            new.why = f"{new.text!r}: the one armed group the sentences around name, {only.value.name}"
            a2 = new
    elif not named and et == "Battles" and a1 is not None and _unnamed_armed(a1) \
            and (a2 is None or _unnamed_armed(a2) or a2.meta.get("implicit")) and _SYMMETRIC.search(doc.clean[start:end]):
        # "Rival gangs fought inside the prison ... Members of the Los Lobos and Los Choneros gangs
        # clashed for hours": the two groups the next sentence names are the two sides
        later = {}
        for m in doc.mentions:
            if m.kind == "actor" and s_end <= m.start and m.sent <= sent_index + 2 and m.value.inter in (2, 3, 4) \
                    and m.value.listed and not m.meta.get("generic") and not m.meta.get("implicit"):
                later.setdefault(m.value.name, m)
        pair = sorted(later.values(), key=lambda m: m.start)
        if len(pair) == 2 and pair[0].sent == pair[1].sent:
            sides = []
            for old, new_m in ((a1, pair[0]), (a2, pair[1])):
                base = old if old is not None and not old.meta.get("implicit") else new_m
                m2 = _with_actor(base, new_m.value)
                m2.meta.update(generic=False, entry=new_m.meta.get("entry", ""), anaphora=True, implicit=False)
                m2.why = f"{base.text!r}: one of the two groups the next sentences name, {new_m.value.name}"
                sides.append(m2)
            a1, a2 = sides

    if et == "Explosions/Remote violence" and a2 is not None and a2.value.inter == 7 and a2.meta.get("generic") \
            and not (a2.text.split() and norm(a2.text.split()[-1]) in _SURELY_CIVILIAN):
        # "A drone strike killed three men in a car ... The victims were members of the PKK", "X said the
        # three were its fighters", "the strike targeted a cell of Islamic Jihad": the next sentences
        # say whom the strike hit (the dead named only as "men" or "people" are not surely civilians)
        who = _victims_identified(doc, ms, sent_index, s_end, a1)
        if who is not None:
            new = _with_actor(a2, who.value)
            new.meta.update(generic=False, entry=who.meta.get("entry", ""), anaphora=True, numeric=False)
            new.why = f"{a2.text!r}: the dead, said in a later sentence to belong to {who.value.name}"
            a2 = new

    hit_with: list[Mention] = []
    if et == "Explosions/Remote violence" and a1 is not a2 and (a2 is None or (a2.value.inter == 7 and (
            a2.meta.get("generic") or a2.meta.get("implicit")))):
        # "a bomb exploded outside a police station, killing three civilians": the force that holds the
        # station, post or checkpoint is the target; the civilians killed count in the fatalities
        held = _held_facility(doc, ms, a1, s_start, s_end, start)
        if held is not None:
            if a2 is not None and not a2.meta.get("implicit"):
                hit_with.append(a2)
            a2 = held
    if a2 is not None and a2.value.inter == 7 and et in ("Explosions/Remote violence", "Battles"):
        # "Eight personnel of the DRG and a civilian driver were killed when Naxals blew up their
        # vehicle": the force is what was hit, the civilian with it (the force is actor2, civilians
        # associated; not an attack on civilians)
        force = [m for m in ms if m.end <= a2.start and m is not a1 and m.value.inter in (1, 8)
                 and not m.meta.get("implicit") and a2.start - m.end <= 40
                 and _AND_ONE_MORE.search(doc.clean[m.end:a2.start])]
        if force:
            hit_with.append(a2)
            a2 = max(force, key=lambda m: m.end)
    elif a2 is None and et in ("Explosions/Remote violence", "Battles"):
        # the same told with the force first and only the dead civilians' word after it: "Eight
        # personnel of the District Reserve Guard (DRG) and a civilian driver were killed when ..."
        force = next((m for m in ms if m.end <= start and m is not a1 and m.value.inter in (1, 8)
                      and not m.meta.get("implicit") and _VICTIM_AFTER_CONJ.match(doc.clean, m.end)), None)
        if force is not None:
            a2 = force
            hit_with.extend(m for m in ms if m.value.inter == 7 and force.end < m.start < start
                            and m.start - force.end <= 40)

    if a2 is not None and et in VIOLENT_TYPES and not a2.meta.get("implicit"):
        # "At least 15 soldiers and pro-government militiamen were killed when jihadists ambushed ...":
        # the state's forces lead the side that was hit, the militia fighting with them is associated
        lead = next((m for m in ms if m.end <= a2.start and m is not a1 and not m.meta.get("implicit")
                     and m.value.inter == 1 and m.value.name != a2.value.name and _allies(m, a2)
                     and re.fullmatch(r"\s*(?:,\s*)?and\s+(?:\S+\s+){0,2}?", doc.clean[m.end:a2.start])), None)
        if lead is not None and a2.value.inter != 1:
            hit_with.append(a2)
            a2 = lead

    # "an encounter with security forces ... A joint team of the District Reserve Guard and the CRPF":
    # unnamed "security forces" are the force the article names for them, police when only police are named
    a1 = _security_forces_named(doc, a1, sent_index, s_start, s_end, country)
    a2 = _security_forces_named(doc, a2, sent_index, s_start, s_end, country)

    # ---------------------------------------------------------- associates
    assoc1 = [m for m in f.assoc1 if m is not a1 and m is not a2]
    assoc2 = [m for m in f.assoc2 if m is not a1 and m is not a2] + hit_with
    for m, bucket in ((a1, assoc1), (a2, assoc2)):
        if m is None:
            continue
        for x in _backed_by(doc, m, ms):
            if x is not a1 and x is not a2:
                bucket.append(x)
        for actor in _backers(doc, m, country):
            bucket.append(_implicit(doc, actor, m.start, m.end, sent_index, f"backer of {m.value.name}"))

    a1 = _finalise(a1, country, reliable)
    a2 = _finalise(a2, country, reliable)
    split = _factions(doc, ms, s_start, s_end) if et == "Battles" else None
    if split is not None:
        # "rival factions of the SPLA-IO clashed": ACLED codes the group on both sides
        a1 = a2 = _finalise(split, country, reliable)
    elif a1 is not None and a2 is not None and a1.value.name == a2.value.name and et in VIOLENT_TYPES:
        a1 = _other_side(doc, a1, ms, country, reliable, s_start, s_end, sent_index, start, end)
    if et in VIOLENT_TYPES and a1 is not None and a1.value.inter in (1, 2, 3, 4, 8):
        # "its troops, supported by volunteers, ...": civilians do not fight beside an armed actor
        assoc1 = [m for m in assoc1 if m is not None and m.value.inter != 7]
    assoc1 = _dedupe([_finalise(m, country, reliable) for m in assoc1], a1, a2)
    assoc2 = _dedupe([_finalise(m, country, reliable) for m in assoc2], a1, a2)
    if a1 is not None and a1.value.inter == 8:
        # "Rwandan and Mozambican troops recaptured ...", "Wagner mercenaries and Malian soldiers killed ...":
        # the home state's forces lead, foreign forces with them are associated
        home = next((m for m in assoc1 if m.value.inter == 1 and m.value.name.startswith(
            ("Military Forces of", "Police Forces of"))), None)
        if home is not None:
            assoc1 = [a1] + [m for m in assoc1 if m is not home]
            a1 = home
    if a1 is not None and a2 is not None and not a1.meta.get("implicit") and not a2.meta.get("implicit") and (
            (sub == "Non-state actor overtakes territory" and a1.value.inter == 1 and a2.value.inter in (2, 3, 4))
            or (sub == "Government regains territory" and a1.value.inter in (2, 3, 4) and a2.value.inter == 1)):
        # "The Arakan Army, an ethnic armed group fighting Myanmar's military, said it had captured the
        # town": the type says who took the place (the parse took the army of the description)
        a1, a2 = a2, a1
        assoc1, assoc2 = assoc2, assoc1
    if sub == "Agreement" and a1 is not None and a2 is not None and a1.value.inter == 8 and a2.value.inter != 8:
        a1, a2 = a2, a1  # the domestic party of an agreement first, the foreign one second
    civ = bool(a2 is not None and a2.value.inter == 7 and et not in PROTEST_TYPES + ("Battles", "Strategic developments"))
    if et == "Violence against civilians":
        civ = True
    roles = Roles(actor1=a1, actor2=a2, assoc1=assoc1, assoc2=assoc2, civilian_target=civ)
    return roles


_CIVIL_PROPERTY = re.compile(r"\b(?:homes?|houses?|huts?|dwellings|shops?|stores?|market\s+stalls|churches|church|mosques?|"
                             r"temples?|schools?|granar(?:y|ies)|crops|farmland)\b", re.I)
_PROPERTY_IN = re.compile(r"\b(?:homes?|houses?|cars?|vehicles?|property|properties|shops?|stores?|buildings?|crops|"
                          r"fields|trees|farms?|farmland|mosques?|churches?|schools?)\b[^.;]{0,60}?\bin\s+(?:the\s+)?"
                          r"([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s+(?:villages?|towns?|cit(?:y|ies)|neighbou?rhoods?|communit(?:y|ies)|hamlets?)\b")


# "mobs of settlers and residents clashed", "rival crowds fought": two crowds, not a crowd and its victims
_CROWDS_CLASHED = re.compile(r"^(?:clash|fight|fought|battl)|\b(?:clash(?:ed)?|fought|battled)\s+(?:with\s+(?:sticks|machetes|"
                             r"stones|knives|clubs|rocks|rods|swords|each\s+other|one\s+another)|each\s+other|one\s+another|"
                             r"in\b|on\b|near\b|over\b|after\b)"
                             # "attacked each other with machetes", "hurled stones at one another"
                             r"|\b(?:attack(?:ed)?|hurl(?:ed)?|threw|pelted|hacked|beat|stabbed)\s+(?:[\w'-]+\s+){0,3}?"
                             r"(?:at\s+)?(?:each\s+other|one\s+another)\b", re.I)
# "<group> (fighters) fired into the air / opened fire / used tear gas / beat ...": the group used force
_FORCE_AFTER = re.compile(r"(?:\s+(?:fighters|members|forces|militiamen|gunmen|police|policemen|guards|security\s+forces))?"
                          r"\s+(?:(?:later|then|also|reportedly)\s+)?(?:fired|opened\s+fire|used|beat|dispersed|broke\s+up|"
                          r"shot|charged|attacked|hit|lobbed|threw)\b", re.I)
_POLICING_FORCE = re.compile(r"^(?:the\s+)?(?:gendarmes?|gendarmerie)$", re.I)


# after a riot: the force facing the crowd ("Riot police charged the crowd", "Police said they dispersed the
# group with tear gas", "threw stones at police vehicles", "Three policemen were wounded by stones")
_ENGAGES_CROWD = re.compile(r"(?:\s+(?:officers|units?|squads?|reinforcements))?(?:\s*,?\s*(?:said|say|says)\s+(?:that\s+)?"
                            r"(?:they|it)(?:\s+had)?)?\s+(?:later\s+|then\s+|quickly\s+|eventually\s+|also\s+)?"
                            r"(?:fired|charged|dispersed|broke\s+up|cleared|used(?!\s+to\b)|responded|clashed|beat|chased|"
                            r"intervened|moved\s+in|baton-charged|lobbed|shot)\b", re.I)
_PELTED_BEFORE = re.compile(r"\b(?:(?:threw|hurled|throwing|hurling|lobbed|lobbing)\s+[^.;]{0,40}?\bat|pelt(?:ed|ing)|"
                            r"attack(?:ed|ing)|(?:clash(?:ed|ing)|fought|scuffled)\s+with)\s+(?:the\s+)?$", re.I)

# a sentence opening on its own place: "In Nairobi, ...", "In the town of Bo, ..."
_IN_PLACE_OPENING = re.compile(r"\s*(?:in|at)\s+(?:the\s+(?:town|city|village)\s+of\s+)?(?-i:[A-Z])[\w'-]+"
                               r"(?:\s+(?-i:[A-Z])[\w'-]+)?\s*,", re.I)


def _crowd_policed_after(doc: Document, s_end: int, sent_index: int) -> Mention | None:
    """The state force the next two sentences of the paragraph show facing the crowd."""
    for m in sorted((m for m in doc.mentions if m.kind == "actor"), key=lambda m: m.start):
        if m.start < s_end or m.sent > sent_index + 2:
            continue
        if "\n" in doc.clean[s_end:m.start]:
            break  # a new paragraph tells something else
        sent = doc.sentence_of(m.start)
        if sent is not None and (_TURNS_ELSEWHERE.match(doc.clean, sent.start)
                                 or _IN_PLACE_OPENING.match(doc.clean, sent.start)):
            break  # "In Nairobi, police fired tear gas at traders", "Elsewhere, ...": another crowd
        if m.value.inter != 1 or m.meta.get("implicit") or not m.text.split() \
                or norm(m.text.split()[-1]) in _NOT_INTERVENERS:
            continue
        if _ENGAGES_CROWD.match(doc.clean, m.end) or _CASUALTY_AFTER.match(doc.clean, m.end) \
                or _PELTED_BEFORE.search(doc.clean, max(0, m.start - 60), m.start):
            return m
    return None


# who the arrested are in a group: "FNDC coordinator X", "X, a leader of the opposition Y"
_ROLES = (r"(?:leaders?|members?|officials?|coordinators?|spokes(?:man|woman|person)|chair(?:man|woman|person)?|"
          r"secretary(?:[-\s]general)?|president|vice[-\s]president|head|founder|activists?|supporters?|organi[sz]ers?|"
          r"figures?|commanders?|deputy|deputies|lawmakers?|MPs?|candidates?|treasurer|militants?|cadres?|mobili[sz]ers?)")
_ROLE_AFTER = re.compile(r"(?:\s*\([^()]{1,20}\))?\s+(?:(?:senior|top|national|local|regional|deputy|chief|youth)\s+)?"
                         + _ROLES + r"\b")
_ROLE_OF = re.compile(r"\b" + _ROLES + r"\s+(?:of|from|in|with)\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,2}$", re.I)
_DEAD_AND = re.compile(r"^[)\s]*(?:,\s*)?and\s+(?:(?:at\s+least|about|some)\s+)?(?:an?|one|two|three|four|five|six|seven|eight|"
                       r"nine|ten|several|\d+)\s+(?:(?:suspected|alleged|presumed)\s+)?"
                       r"(?:(?:members?|fighters?|militants?|rebels?|of)\s+)*(?:the\s+)?$", re.I)
_DEAD_BEFORE_FIGHT = re.compile(r"(?:\s*\([^()]{1,40}\))?(?:\s+(?:fighters|militants|rebels|members|men))?\s+"
                                r"(?:(?:were|was|have\s+been|had\s+been)\s+(?:\w+ly\s+)?killed|died|lost\s+their\s+lives)"
                                r"(?:\s+[\w-]+){0,3}?\s+(?:in|during|when|as|after)\b", re.I)


# "soldiers and VDP volunteers", "VDP (...) and soldiers of the 14th battalion", "VDP volunteers, backed by
# troops": two actors told as one side
_ONE_SIDE = re.compile(r"^[)\s]*(?:\([^()]{1,60}\)\s*)?(?:,\s*)?(?:and|as\s+well\s+as|alongside|together\s+with|along\s+with|"
                       r"(?:backed|supported|assisted|accompanied|helped|reinforced)\s+by|with\s+the\s+(?:support|help|backing)\s+of)"
                       r"\s+(?:(?:the|their|its|some|local|allied|\d+)\s+)*$", re.I)


# an earlier sentence that is background, not the run-up: "Boko Haram has waged an insurgency since 2009"
_BACKGROUND_WAR = re.compile(r"\b(?:(?:has|have|had)\s+(?:long\s+|also\s+)?(?:been\s+)?(?:wag(?:ed|ing)|fight(?:ing)?|fought|"
                             r"battl(?:ed|ing))|since\s+(?:19|20)\d\d|for\s+(?:years|decades)|(?:is|are)\s+(?:also\s+)?"
                             r"(?:battling|fighting))\b", re.I)
# an event sentence that turns elsewhere: "In the northwest, ...", "Separately, ...", "Elsewhere, ..."
_TURNS_ELSEWHERE = re.compile(r"\s*(?:(?:in|across)\s+(?:the\s+)?(?:far\s+)?(?:north|south|east|west|central)[\w-]*|"
                              r"in\s+(?:a\s+|another\s+)?(?:separate|other|another|different)\b|separately|elsewhere|"
                              r"meanwhile)\b", re.I)


def _told_before(doc: Document, m: Mention, s_start: int) -> bool:
    """May the group named before the event's sentence be the other side of it? Not when that sentence is
    background about a war ("X has waged an insurgency since 2009") nor when the event's sentence turns
    elsewhere ("In the northwest, troops clashed with gunmen")."""
    if _TURNS_ELSEWHERE.match(doc.clean, s_start):
        return False
    sent = doc.sentence_of(m.start)
    if sent is None:
        return True
    text = doc.clean[sent.start:sent.end]
    return not (_BACKGROUND_WAR.search(text) and not re.search(r"\bclaim", text, re.I))


_SECURITY_FORCES = re.compile(r"^(?:the\s+)?(?:[\w'’-]+\s+)?security\s+(?:forces|personnel)$", re.I)


# a force named as the source of the report: "police said", "a police spokesman told AFP", "according to police"
_SOURCE_AFTER = re.compile(r"(?:\s+(?:sources?|spokes(?:man|woman|person)|officials?|officers?|chiefs?|commanders?|"
                           r"statements?|reports?)|\s+(?:officer|official|spokesman|chief|commander)\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)?"
                           r"\s*,?\s*(?:said|says|say|told|confirmed|reported|added|stated)\b", re.I)
_SOURCE_BEFORE = re.compile(r"\baccording\s+to\s+(?:the\s+|a\s+)?(?:[\w-]+\s+)?$", re.I)


def _security_forces_named(doc: Document, m: Mention | None, sent_index: int, s_start: int, s_end: int,
                           country: str) -> Mention | None:
    """Generic "security forces" read as the military, recoded as police when the event's sentence and
    the next two of its paragraph name only police forces of that country (and no army)."""
    if m is None or m.meta.get("implicit") or not m.meta.get("generic") or not m.value.name.startswith("Military Forces of") \
            or not _SECURITY_FORCES.match(m.text.strip()):
        return m
    home = m.value.country or country
    police = military = False
    for x in doc.mentions:
        if x.kind != "actor" or x is m or x.value.inter != 1 or x.start < s_start or x.sent > sent_index + 2:
            continue
        if x.start >= s_end and "\n" in doc.clean[s_end:x.start] and x.meta.get("generic"):
            continue  # another paragraph (a unit it names still tells who the forces were: "A joint team of
            # the District Reserve Guard and the CRPF ..." in the next paragraph)
        if (x.value.country or home) != home or _SECURITY_FORCES.match(x.text.strip()):
            continue
        if any(p.kind == "place" and p.start < x.end and x.start < p.end for p in doc.mentions):
            continue  # "near Tank": a town's name, no force
        if _SOURCE_AFTER.match(doc.clean, x.end) or _SOURCE_BEFORE.search(doc.clean, max(0, x.start - 20), x.start):
            continue  # "..., police said", "a police source said", "according to police": who tells, not who fought
        name = x.value.name
        if name.startswith("Police Forces of") or "Police" in name.split(":")[0] or "Police" in name:
            police = True
        elif name.startswith("Military Forces of") and norm(x.text.split()[-1]) not in _CIVIL_GOVERNMENT | {"ministry"}:
            military = True
    if not police or military:
        return m
    new = _with_actor(m, _entry_actor("Police Forces of {country}", home, f"{m.text!r}: only police are named"))
    new.meta["entry"] = "Police Forces of {country}"
    return new


def _instrument_of(doc: Document, ms: list[Mention], m: Mention, s_start: int) -> bool:
    """Is the hardware mention m governed by "with" ("with heavy artillery", "with drones and tanks"),
    no other actor between ("clashed with rebels backed by tanks" names the rebels)?"""
    lo = max(s_start, m.start - 60)
    w = _WITH_INSTRUMENT.search(doc.clean, lo, m.start)
    if w is None:
        return False
    return not any(x is not m and w.start() + 4 <= x.start < m.start and norm(x.text.split()[-1]) not in _HARDWARE
                   for x in ms)


def _one_side(doc: Document, x: Mention, y: Mention) -> bool:
    """Are x and y named together as one side ("x and y", "y, backed by x")?"""
    lo, hi = (x, y) if x.end <= y.start else (y, x)
    return hi.start >= lo.end and hi.start - lo.end <= 60 and bool(_ONE_SIDE.match(doc.clean[lo.end:hi.start]))


# "repelled an attack", "foiled a Boko Haram assault", "fought off the gunmen": the subject defends
_REPEL = re.compile(r"^(?:repel|repuls|foil|thwart|fought\s+off|fight(?:s|ing)?\s+off|beat(?:s|ing)?\s+back|fend|"
                    r"fended|push(?:ed|es|ing)?\s+back|dr(?:o|i)ve(?:s)?\s+back|driving\s+back|repuls)", re.I)


_REPEL_BEFORE = re.compile(r"\b(?:repel\w*|repuls\w*|foil\w*|thwart\w*|fought\s+off|fight(?:s|ing)?\s+off|beat(?:s|ing)?\s+back|"
                           r"fend(?:ed|s|ing)?\s+off|push(?:ed|es|ing)?\s+back)\s+(?:an?\s+|the\s+|their\s+|its\s+)?"
                           r"(?:[\w'’-]+\s+){0,4}$", re.I)


def _repelled_by(doc: Document, ms: list[Mention], a1: Mention | None, a2: Mention | None, f: _Found,
                 s_start: int, start: int, end: int) -> Mention | None:
    """'Civilian JTF members and troops repelled a Boko Haram attack, killing seven insurgents': the
    attacker named in or after the trigger acts; the defenders, the trigger's subject, are actor2
    (not the attackers killed)."""
    if a1 is None or a1.meta.get("implicit"):
        return a2
    at = start if _REPEL.match(doc.clean[start:end]) else None
    if at is None:  # "repelled a Boko Haram attack": the trigger is the noun
        mt = _REPEL_BEFORE.search(doc.clean[max(s_start, start - 60):start])
        at = max(s_start, start - 60) + mt.start() if mt else None
    if at is None or a1.start < at:
        return a2
    if a2 is not None and not a2.meta.get("implicit") and not (_unnamed_armed(a2) and a2.start >= at):
        return a2
    head = doc.clean.rfind(";", s_start, at)
    defenders = [m for m in ms if max(s_start, head + 1) <= m.start and m.end <= at and not m.meta.get("implicit")
                 and (m.value.inter in (1, 8) or _state_aligned(m)) and m.value.name != a1.value.name
                 and not _speaking(doc.clean, m.end)]
    if not defenders:
        return a2
    lead = next((m for m in defenders if m.value.inter == 1), defenders[0])
    f.assoc1 = [m for m in f.assoc1 if m not in defenders]
    f.assoc2 = [m for m in defenders if m is not lead] + [m for m in f.assoc2 if m not in defenders]
    return lead


def _state_leads(doc: Document, ms: list[Mention], a1: Mention | None, a2: Mention | None,
                 f: _Found) -> tuple[Mention | None, Mention | None]:
    """A side led by an auxiliary or pro-government militia (VDP, CJTF, Wazalendo) that is named
    together with the state's force: the force is the actor, the auxiliary its associate (ACLED)."""
    if a1 is not None and a2 is None and f.assoc1 and a1.value.inter != 1 and not _state_aligned(a1):
        # "Soldiers and VDP volunteers repelled an attack by armed men": the attackers act, the
        # defenders listed together are the other side, not the attackers' associates
        linked = [a1]
        rest = list(f.assoc1)
        grew = True
        while grew:
            grew = False
            for m in list(rest):
                if any(_one_side(doc, m, x) for x in linked):
                    linked.append(m)
                    rest.remove(m)
                    grew = True
        defenders = [m for m in rest if m.value.inter == 1 or _state_aligned(m)]
        if defenders:
            a2 = next((m for m in defenders if m.value.inter == 1), defenders[0])
            f.assoc1 = [m for m in f.assoc1 if m not in defenders]
            f.assoc2 = [m for m in defenders if m is not a2] + list(f.assoc2)
    for side in (1, 2):
        main = a1 if side == 1 else a2
        other = a2 if side == 1 else a1
        if main is None or main.meta.get("implicit") or main.value.inter == 1 or not _state_aligned(main):
            continue
        lead = next((m for m in ms if m is not main and m is not other and m.value.inter == 1
                     and not m.meta.get("implicit") and not _speaking(doc.clean, m.end)
                     and _one_side(doc, m, main)), None)
        if lead is None:
            continue
        f.assoc1 = [m for m in f.assoc1 if m is not lead and m is not main]
        f.assoc2 = [m for m in f.assoc2 if m is not lead and m is not main]
        # the auxiliary's other mentions ("Volunteers for the Defence of the Homeland (VDP)") go with it
        same = [m for m in ms if m is not main and m.value.name == main.value.name and m.start < main.end + 80]
        f.assoc1 = [m for m in f.assoc1 if m not in same]
        f.assoc2 = [m for m in f.assoc2 if m not in same]
        (f.assoc1 if side == 1 else f.assoc2)[:0] = [main] + same
        if side == 1:
            a1 = lead
        else:
            a2 = lead
    return a1, a2


# "outside a police station", "at an army post", "targeting a checkpoint": where a bomb hit
_AT_FACILITY = re.compile(r"\b(?:at|outside|near|on|inside|into|in\s+front\s+of|targeting|targeted|against|hit|hitting|"
                          r"struck|striking|rammed|ramming)\s+(?:an?\s+|the\s+|its\s+|a\s+local\s+)?(?:[\w-]+\s+){0,2}$", re.I)
# (not academies, schools or training centres: there the state noun may only name the place, and
# the people the text counts are the target; see test_state_noun_naming_a_facility_is_not_the_target)
_HELD_FACILITY = re.compile(r"\s+(?:[\w-]+\s+)?(?:stations?|posts?|outposts?|checkpoints?|check\s+points?|barracks|bases?|"
                            r"headquarters|garrisons?|positions?)\b", re.I)


def _held_facility(doc: Document, ms: list[Mention], a1: Mention | None, s_start: int, s_end: int,
                   start: int) -> Mention | None:
    """The state force whose station, post or checkpoint a bomb hit ("outside a police station")."""
    for m in ms:
        if m is a1 or m.meta.get("implicit") or m.value.inter != 1 or not (s_start <= m.start < s_end):
            continue
        if _speaking(doc.clean, m.end) or not (_HELD_FACILITY.match(doc.clean, m.end) or _HELD_FACILITY.match(
                " " + norm(m.text.split()[-1]))):  # "an army base", one mention
            continue
        at = _AT_FACILITY.search(doc.clean[max(s_start, m.start - 40):m.start])
        if at:
            lo = max(s_start, m.start - 40) + at.start()
            if doc.clean[lo:lo + 4].lower() == "near" and _IN_OTHER_PLACE.search(doc.clean[max(s_start, lo - 50):lo]):
                continue  # "in a crowded market near a police station": the market was hit, the station places it
            return m
    return None


# "in a crowded market ", "at a bus stop ": the place a bomb hit, before "near <a state facility>"
_IN_OTHER_PLACE = re.compile(r"\b(?:in|at|inside|into)\s+(?:an?\s+|the\s+)?(?:[\w'-]+\s+){0,3}?(?-i:[a-z][\w-]*)\s+$", re.I)


# "at a busy cafe near the headquarters of ", "in a market close to a ": the spot hit, then the landmark
_LANDMARK_BEFORE = re.compile(
    r"\b(?:in|at|inside|into)\s+(?:an?\s+|the\s+)?(?:[\w'-]+\s+){0,3}?(?-i:[a-z][\w-]*)\s+"
    r"(?:near|close\s+to|next\s+to|opposite|beside|not\s+far\s+from|(?:a\s+few|\d+)\s+(?:metres|meters|yards)\s+from)\s+"
    r"(?:(?:the|an?)\s+)?(?:(?:headquarters|offices?|compound|building|station|base|camp|barracks)\s+of\s+(?:the\s+)?)?"
    r"(?:[\w-]+\s+){0,1}$", re.I)


# a war told around the strike: "fighting between X and Y", "X has been battling Y", "clashes"
_WAR_WORDS = re.compile(r"\b(?:fight(?:ing|s)?|fought|battl(?:e|es|ed|ing)|clash(?:es|ed|ing)?|war|offensive|"
                        r"counter-?offensive|conflict|insurgency|combat|hostilities)\b", re.I)


_AIRBORNE = re.compile(r"\b(?:air\s*strikes?|air\s+raids?|aerial\s+(?:bombardment|attacks?|strikes?|bombing)|warplanes?|"
                       r"fighter\s+jets?|jets?|helicopters?|gunships?|aircraft|bombers?|air\s+force)\b", re.I)


def _air_power_of_war(doc: Document, sent_index: int, s_start: int, s_end: int, start: int, end: int,
                      country: str, a2: Mention | None) -> Mention | None:
    """An unclaimed air or drone strike told during the state's war with a group that has no aircraft
    (in its own sentence or the ones just before or after): the state's military struck."""
    d = load_dictionary()
    drone = bool(re.search(r"\b(?:drones?|UAVs?|quadcopters?)\b", doc.clean[s_start:s_end], re.I))
    if not drone and not _AIRBORNE.search(doc.clean, s_start, s_end):
        return None  # "bombs struck two camps": shells or bombs, not told as dropped from the air
    for k in (sent_index, sent_index + 1, sent_index - 1, sent_index + 2):
        sent = next((s for s in doc.sentences if s.index == k), None)
        if sent is None or not _WAR_WORDS.search(doc.clean, sent.start, sent.end):
            continue
        ms = [m for m in doc.mentions if m.kind == "actor" and sent.start <= m.start < sent.end
              and not m.meta.get("implicit") and not (k == sent_index and start <= m.start < end)]
        states = [m for m in ms if m.value.inter == 1 and m.value.name.startswith("Military Forces of")
                  and (not country or m.value.country == country) and not _speaking(doc.clean, m.end)]
        foes = [m for m in ms if m.value.inter in (2, 3, 4) and (a2 is None or m is not a2)]
        if not states or not foes or any(m.value.inter in (1, 8) and m.value.country != states[0].value.country
                                         for m in ms):
            continue  # a foreign force named in the fight may fly too
        if states[0].value.country in d.foreign_air:
            return None  # Yemen, Somalia: the strikes are mostly foreign air forces'
        if drone and any(m.value.name in d.drone_users or m.meta.get("entry", "") in d.drone_users for m in foes):
            return None
        if any(_unnamed_armed(m) for m in foes) and not any(m.value.listed and not m.meta.get("generic") for m in foes):
            continue  # "fighting with gunmen": who they are, and what they fly, is not known
        st = states[0]
        return Mention(start=st.start, end=st.end, text=st.text, kind="actor", value=st.value, sent=st.sent,
                       why=f"an unclaimed air strike in the war of {st.value.name} with a group that has no aircraft",
                       score=0.5, meta=dict(st.meta, air_power=True))
    return None


def _unnamed_armed(m: Mention) -> bool:
    """'gunmen', 'the attackers', or an attacker the text never names: an unidentified armed group."""
    return bool(m.meta.get("generic") and not m.meta.get("country_explicit")
                and m.meta.get("entry") == "Unidentified Armed Group ({country})")


def _state_aligned(m: Mention) -> bool:
    """A militia that fights on the state's side (data/actor_patterns.yaml: state_aligned_militias)."""
    aligned = load_dictionary().state_aligned
    return m.value.name in aligned or m.meta.get("entry", "") in aligned


def _allies(x: Mention, y: Mention) -> bool:
    """State forces and the militias or auxiliaries that fight on their side ("soldiers and VDP volunteers")."""
    return (x.value.inter == 1 and (y.value.inter == 1 or _state_aligned(y))) or \
        (y.value.inter == 1 and _state_aligned(x))


# "a clash with militants", "a gunfight against bandits": the opponent named after the fight
_AGAINST = re.compile(r"\s+(?:with|against)\s+(?:(?:the|suspected|armed|heavily|alleged|unidentified|some|a|an)\s+)*$", re.I)


def _dead_sides(doc: Document, ms: list[Mention], start: int, end: int) -> tuple[Mention, Mention] | None:
    """'Four policemen and two KNU members were killed in a gunfight': the two armed actors listed
    as the dead right before the fight's trigger, in text order. Not when the fight names its
    opponent ("killed in a clash with militants"): the dead listed are then one side."""
    if any(m.start >= end and m.value.inter in (1, 2, 3, 4, 8) and _AGAINST.match(doc.clean[end:m.start])
           for m in ms):
        return None
    armed = [m for m in ms if m.end <= start and not m.meta.get("implicit") and m.value.inter in (1, 2, 3, 4, 8)]
    for x, y in zip(armed, armed[1:]):
        if x.value.name == y.value.name or not _DEAD_AND.match(doc.clean[x.end:y.start]) or _allies(x, y):
            continue
        mt = _DEAD_BEFORE_FIGHT.match(doc.clean, y.end)
        if mt is not None and mt.end() <= start and re.fullmatch(r"(?:\s+[\w-]+){0,4}\s*", doc.clean[mt.end():start]):
            return x, y
    return None


def _other_side(doc: Document, a1: Mention, ms: list[Mention], country: str, reliable: bool,
                s_start: int, s_end: int, sent_index: int, start: int, end: int) -> Mention:
    """actor1 came out the same as actor2 ("drones dropped explosives on an army patrol": the
    drones read as the army's): nobody fights itself. A mutiny is the one case ACLED codes
    inside one force, as "Mutiny of <force>"; otherwise another armed actor of the sentence acts,
    or an unidentified armed group."""
    name = a1.value.name
    if _MUTINY.search(doc.clean, s_start, s_end):
        actor = Actor(name=f"Mutiny of {name}", inter=a1.value.inter, country=a1.value.country,
                      kind=a1.value.kind, listed=True, why="a mutinous unit fought its own force")
        return _with_actor(a1, actor)
    other = next((m for m in ms if m.value.inter in (2, 3, 4) and m.value.name != name
                  and not m.meta.get("implicit")), None)
    if other is not None:
        found = _finalise(other, country, reliable)
        if found is not None and found.value.name != name:
            return found
    return _implicit(doc, _entry_actor("Unidentified Armed Group ({country})", country, "the other side unnamed"),
                     start, end, sent_index, "actor1 was the same as actor2: the attacker is unnamed")


def _weapon_owner(doc: Document, m: Mention | None) -> bool:
    """'a Houthi drone', 'Russian missiles': the mention names who a weapon belongs to."""
    if m is None or m.meta.get("implicit") or m.value.inter == 7:
        return False
    tail = norm(m.text.split()[-1]) if m.text else ""
    if tail in ("drone", "drones", "missile", "missiles", "rocket", "rockets", "warplanes", "jets"):
        return True
    return bool(_WEAPON_AFTER.match(doc.clean, m.end, min(len(doc.clean), m.end + 40)))


def _state_after(doc: Document, a: int, limit: int, sent_index: int) -> Mention | None:
    """'launched by Russia': a country named at ``a`` acting as a state."""
    mt = re.match(r"((?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)", doc.clean[a:limit])
    if not mt:
        return None
    term = mt.group(1).removeprefix("the ").strip()
    c = country_of_term(term, strict=True) or country_of_term(term.split()[0], strict=True)
    if not c:
        return None
    b = a + mt.end(1)
    return Mention(start=a, end=b, text=doc.clean[a:b], kind="actor",
                   value=_entry_actor("Military Forces of {country}", c, f"{term!r} names a state acting"),
                   sent=sent_index, why=f"{term!r}: the state of {c} acting", score=0.6,
                   meta={"entry": "Military Forces of {country}", "generic": True, "country_explicit": True,
                         "state_by_name": True})


def _disrupted_roles(doc: Document, ms: list[Mention], a1, a2, s_start: int, s_end: int, start: int, end: int,
                     sent_index: int):
    """Disrupted weapons use: actor1 stops the weapon, actor2 is who launched or planted it.

    "its air defences intercepted a rocket fired by Hezbollah"; "shot down 14 drones launched by
    Russia"; "a Houthi drone attack ..., but Saudi air defences intercepted it".
    """
    text = doc.clean
    launcher = None
    for m in ms:  # "fired by X", "launched from X"
        if m.start >= s_start and _LAUNCHED_BY.search(text[max(s_start, m.start - 40):m.start]):
            launcher = m
            break
    if launcher is None:
        mt = re.search(r"\b(?:launched|fired|sent|flown)\s+(?:\w+\s+){0,3}?(?:by|from)\s+", text[s_start:s_end], re.I)
        if mt:
            launcher = _state_after(doc, s_start + mt.end(), s_end, sent_index)
    if launcher is None:
        # "shot down all 14 drones that Russia launched at Kyiv": the subject of the relative clause
        mt = _LAUNCHED_REL.search(text, s_start, s_end)
        if mt:
            launcher = next((m for m in ms if m.start == mt.start(1)), None) or \
                _state_after(doc, mt.start(1), mt.end(1), sent_index)
    if launcher is None:
        launcher = next((m for m in ms if _weapon_owner(doc, m)), None)
    if launcher is None:
        if a1 is None and a2 is not None and a2.value.inter in (1, 2, 8) and a2.start >= s_start \
                and (any(a2.end <= mt.start() for mt in _DISRUPT.finditer(text, s_start, s_end))
                     or _DISRUPTED_BY.search(text, max(s_start, a2.start - 80), a2.start)):
            # "police bomb disposal experts defused a device hidden in a minibus": with nobody named
            # as having planted or fired the weapon, the state force that stopped it is actor1
            return a2, None
        return a1, a2
    if a1 is not None and (a1 is launcher or a1.value.name == launcher.value.name):
        a1 = None
    if a1 is None:
        # the actor right before the interception verb ("but Saudi air defences intercepted it")
        for mt in _DISRUPT.finditer(text, s_start, s_end):
            cands = [m for m in ms if m.end <= mt.start() and m is not launcher
                     and m.value.name != launcher.value.name and m.value.inter in (1, 2, 3, 4, 8)]
            if cands:
                a1 = cands[-1]
                break
            pm = re.search(r"\b(they|it)\s+(?:had\s+|has\s+|have\s+)?$", text[s_start:mt.start()], re.I)
            if pm:
                a1 = _antecedent(doc, s_start + pm.start(1), s_start + pm.end(1), sent_index)
                if a1 is not None:
                    break
    return a1, launcher


def _agreement_roles(doc: Document, ms: list[Mention], a1, a2, s_start: int, s_end: int, start: int, end: int):
    """Agreement: the parties. "A truce between X and Y"; "X and Y agreed"; "the warring parties
    agreed ..." refers to the parties named in a neighbouring sentence."""
    def between(lo: int, hi: int):
        pool = [m for m in doc.mentions if m.kind == "actor" and lo <= m.start and m.end <= hi]
        pool.sort(key=lambda m: m.start)
        for k, m in enumerate(pool):
            if re.search(r"\bbetween\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", doc.clean[max(lo, m.start - 30):m.start], re.I) \
                    and k + 1 < len(pool) and re.fullmatch(r"\s*(?:,\s*)?and\s+(?:the\s+)?(?:[\w-]+\s+){0,2}",
                                                           doc.clean[m.end:pool[k + 1].start]):
                return m, pool[k + 1]
        return None

    got = between(s_start, s_end)
    if got:
        return got
    armed = [m for m in (a1, a2) if m is not None and m.value.inter in (1, 2, 3, 4, 8)]
    if len(armed) == 2 or (armed and not _PARTY_REF.search(doc.clean[s_start:s_end])):
        return a1, a2
    if _PARTY_REF.search(doc.clean[s_start:s_end]) or not armed:
        sents = sorted(doc.sentences, key=lambda s: s.start)
        k = next((i for i, s in enumerate(sents) if s.start == s_start), None)
        if k is not None:
            for j in (k + 1, k - 1, k + 2):
                if 0 <= j < len(sents):
                    got = between(sents[j].start, sents[j].end)
                    if got:
                        return _with_sent(got[0], doc, start, end), _with_sent(got[1], doc, start, end)
            # "Congolese troops and M23 rebels fought ... The two sides agreed to a truce": the two
            # armed sides the sentence before names
            got = _two_sides(doc, sents[k - 1]) if k > 0 else None
            if got:
                return _with_sent(got[0], doc, start, end), _with_sent(got[1], doc, start, end)
    return a1, a2


def _two_sides(doc: Document, sent) -> tuple[Mention, Mention] | None:
    """The first two differently named armed actors of a sentence (state forces, rebels, militias)."""
    sides: list[Mention] = []
    for m in sorted((m for m in doc.mentions if m.kind == "actor" and sent.start <= m.start and m.end <= sent.end),
                    key=lambda m: m.start):
        if m.value.inter in (1, 2, 3, 4, 8) and all(m.value.name != x.value.name for x in sides):
            sides.append(m)
    return (sides[0], sides[1]) if len(sides) >= 2 else None


_CLAIM_AFTER = re.compile(r"(?:\s*\([^()]{1,40}\))?\s*(?:,\s*)?(?:has\s+|have\s+|later\s+)?(?:claimed\s+(?:responsibility|the\s+(?:(?-i:[a-z][\w-]*)\s+)?(?:attack|bombing|blast|explosion|act|operation|strike|"
                          r"killing|assault|ambush|raid))|said\s+(?:it|they)\s+(?:had\s+)?(?:carried\s+out|killed|attacked|targeted|bombed|was\s+behind|"
                          r"were\s+behind|staged|launched|conducted)|took\s+responsibility)", re.I)
# a claim in the event's sentence that tells another act: "..., while X said it had targeted ..."
_OTHER_CLAUSE = re.compile(r"\b(?:after|before|while|whereas|since|meanwhile|separately)\b|;", re.I)
_CLAIMED_BY = re.compile(r"\b(?:claimed|carried\s+out)\s+by\s+(?:the\s+)?$", re.I)


# "..., blaming the Jaish al-Adl group", "Police blamed the same BIFF faction", "the attackers, whom he
# identified as Murle youth", "officials attributed the attack to ...": who did it, named by someone else
_BLAMED = re.compile(r"\b(?:blam(?:ed|es|ing)|accus(?:ed|es|ing)|attribut(?:ed|es|ing)\s+(?:the\s+|it\s+|them\s+)?"
                     r"(?:(?:attack|bombing|blast|explosion|killings?|raid|ambush|assault|violence)\s+)?to|"
                     r"identified\s+(?:them\s+|him\s+|the\s+\w+\s+)?as|(?:believed|suspected|thought)\s+to\s+(?:be|belong\s+to)|"
                     r"(?:had\s+been\s+|were\s+|was\s+)carried\s+out\s+by|"
                     # "condemns the heinous crime committed by the Rapid Support militia ..., where a drone
                     # targeted civilians", "the massacre perpetrated by ADF rebels": who did it, named by the speaker
                     r"(?:crimes?|massacres?|atrocit(?:y|ies)|attacks?|killings?|violations?|act)\s+"
                     r"(?:that\s+was\s+|which\s+was\s+)?(?:committed|perpetrated)\s+by)"
                     r"\s+(?:(?:members?|fighters?|militants?)\s+of\s+)?(?:the\s+(?:same\s+)?|a\s+|an\s+)?$", re.I)
# "The Group to Support Islam and Muslims (JNIM), the Sahel branch of al-Qaeda, claimed the attack":
# the group inside the apposition is not the claimant, the one it describes is
_APPOSITION_OF = re.compile(r"^[)\s]*(?:\([^()]{1,40}\))?\s*,\s+(?:the|an?)\s+[^,;.]{0,50}?\b(?:of|to|with)\s+(?:the\s+)?$", re.I)


# "some attacks have been claimed by", "has claimed responsibility for several attacks", "has claimed
# attacks in the area": a claim of other or many attacks, background rather than this event
_MANY_ATTACKS = (r"(?:(?:some|many|several|most|numerous|previous|past|earlier|other|recent|similar|a\s+(?:number|series|string|wave)\s+of|"
                 r"dozens\s+of|hundreds\s+of|scores\s+of|(?:several|some|many|most)\s+of\s+(?:the|these|its)|(?-i:[a-z]+)\s+such)\s+)"
                 r"(?:[\w-]+\s+){0,2}?(?:attacks|killings|bombings|raids|ambushes|incidents|assaults|operations)\b")
_MANY_CLAIMED_BY = re.compile(r"(?:\b" + _MANY_ATTACKS + r"|\b(?:attacks|killings|bombings|raids|ambushes|incidents)\s+(?:(?:have|had|are|were)"
                              r"\s+(?:\w+ly\s+)?(?:been\s+)?)?)[^.;]{0,40}$", re.I)
_MANY_CLAIMED = re.compile(r"(?:\s*\([^()]{1,40}\))?\s*(?:,\s*)?(?:has\s+|have\s+|had\s+)?(?:\w+ly\s+)?claimed\s+(?:responsibility\s+for\s+)?"
                           r"(?:" + _MANY_ATTACKS + r"|attacks\b)", re.I)


def _background_claim(doc: Document, m: Mention) -> bool:
    """The claim names other or many attacks, not the one told ("some attacks have been claimed by X")."""
    if _MANY_CLAIMED.match(doc.clean, m.end):
        return True
    head = max(doc.clean.rfind(". ", 0, m.start), doc.clean.rfind("\n", 0, m.start), doc.clean.rfind(";", 0, m.start))
    return bool(_CLAIMED_BY.search(doc.clean[max(0, m.start - 30):m.start])
                and _MANY_CLAIMED_BY.search(doc.clean[head + 1:m.start]))


def _claimant(doc: Document, sent_index: int, s_end: int, s_start: int | None = None,
              ev_start: int | None = None) -> Mention | None:
    """A named armed group claiming the attack in the next three sentences ("X claimed responsibility"),
    or blamed for it / identified as the attackers there or in the event's own sentence (from ``s_start``)."""
    lo = s_end if s_start is None else s_start
    named = sorted((m for m in doc.mentions if m.kind == "actor" and m.value.inter in (2, 3, 4)
                    and not m.meta.get("generic") and m.value.listed), key=lambda m: m.start)
    for k, m in enumerate(named):
        if m.start < lo or m.sent > sent_index + 4:
            continue
        claimed = _CLAIM_AFTER.match(doc.clean, m.end) or _CLAIMED_BY.search(doc.clean[max(0, m.start - 30):m.start])
        if claimed and _background_claim(doc, m):
            continue  # "some attacks have been claimed by the Islamic State": not this attack
        if claimed and m.start < s_end and _CLAIM_AFTER.match(doc.clean, m.end) \
                and (ev_start is None or (m.end <= ev_start
                                          and not _OTHER_CLAUSE.search(doc.clean, m.end, ev_start))):
            # "al-Shabaab said it had targeted a gathering of police ... and that 20 had been killed"
            # (the claim's own clause holds the event: not "a strike killed ten, hours after Hamas said it
            # had targeted troops in Rafah", "gunmen killed three soldiers, while JNIM said it had ...")
            return m
        if m.start >= s_end and m.sent <= sent_index + 3 and claimed:
            head = named[k - 1] if k else None
            if head is not None and head.sent == m.sent and _APPOSITION_OF.match(doc.clean[head.end:m.start]):
                return head
            return m
        blamed = _BLAMED.search(doc.clean[max(lo, m.start - 60):m.start])
        if blamed and not _blamed_elsewhere(doc, m, max(lo, m.start - 60) + blamed.start(), sent_index):
            return m
    return None


# who is "believed to be" / "identified as" X: the dead and the victims are not the attackers
_VICTIM_WORDS = re.compile(r"\b(?:dead|deceased|victims?|bodies|body|corpses?|casualties|hostages?|captives?|abductees|"
                           r"(?:those|the)\s+(?:killed|slain|wounded|injured|abducted|kidnapped|hurt))\b", re.I)
# "blamed Ansaru for a similar attack": another, earlier attack
_OTHER_ATTACK = re.compile(r"[)\s]*(?:\([^()]{1,40}\)\s*)?(?:,\s*)?(?:[\w-]+\s+){0,3}?(?:for|of)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?"
                           r"(?:similar|earlier|previous|prior|separate|past|last|another|other|deadly\s+\d{4})\b", re.I)
# a blaming sentence that opens with its own, older time: "In March, ...", "Last year", "In 2022"
_OLDER_TIME = re.compile(r"\b(?:in\s+(?:early\s+|late\s+|mid-?)?(?-i:January|February|March|April|May|June|July|August|"
                         r"September|October|November|December)\b(?!\s+\d)|last\s+(?:year|month|week|summer|winter|spring|"
                         r"autumn)|(?:in|since)\s+(?:19|20)\d\d\b|\w+\s+(?:years?|months?)\s+ago|earlier\s+this\s+year)", re.I)


def _blamed_elsewhere(doc: Document, m: Mention, at: int, sent_index: int) -> bool:
    """The blame found before ``m`` (at ``at``) does not name who did this event: the victims are
    "believed to be" X ("two of the dead were believed to be al-Shabaab fighters"), or X is blamed
    for another attack ("blamed Ansaru for a similar attack", a sentence told "In March")."""
    cue = doc.clean[at:m.start]
    if re.match(r"\W*(?:believed|suspected|thought|identified)\b", cue, re.I):
        head = max(doc.clean.rfind(". ", 0, at), doc.clean.rfind(";", 0, at), doc.clean.rfind("\n", 0, at))
        subject = doc.clean[head + 1:at]
        if _VICTIM_WORDS.search(subject[-60:]) or _VICTIM_WORDS.search(cue):
            return True
    elif _OTHER_ATTACK.match(doc.clean, m.end):
        return True
    if m.sent != sent_index:  # told first in the blaming sentence: "In March, the government blamed ..."
        head = max(doc.clean.rfind(". ", 0, at), doc.clean.rfind("\n", 0, at))
        if _OLDER_TIME.search(doc.clean[head + 1:at]):
            return True
        # "... said the crime committed by the RSF in Bara last month would not go unpunished"
        tail = doc.clean[m.end:m.end + 60]
        if _OLDER_TIME.search(re.split(r"[.;!?]", tail, maxsplit=1)[0]):
            return True
    return False


_CARRIED_OUT = re.compile(r"\s+(?:later\s+|had\s+|has\s+)?(?:carried\s+out|conducted|launched)\s+the\s+(?:(?-i:[a-z][\w-]*)\s+)?"
                          r"(?:strike|air\s*strike|drone\s+strike|attack|raid|bombing|operation|shelling)\b", re.I)
_CARRIED_OUT_BY = re.compile(r"\b(?:strike|attack|raid|bombing|shelling)\s+(?:was|had\s+been)\s+(?:carried\s+out|conducted|launched)\s+by\s+(?:the\s+)?$", re.I)


def _carried_out_by(doc: Document, sent_index: int, s_end: int, a2: Mention | None) -> Mention | None:
    """An armed actor (state forces too) said in the next two sentences to have carried out the
    strike ("The Turkish army carried out the strike", "the strike was carried out by ...")."""
    for m in doc.mentions:
        if m.kind != "actor" or m.start < s_end or m.sent > sent_index + 2 or m.value.inter not in (1, 2, 3, 4, 8) \
                or m.meta.get("implicit") or (a2 is not None and m.value.name == a2.value.name):
            continue
        if _CARRIED_OUT.match(doc.clean, m.end) or _CARRIED_OUT_BY.search(doc.clean[max(0, m.start - 50):m.start]):
            return m
    return None


def _with_sent(m: Mention, doc: Document, start: int, end: int) -> Mention:
    return Mention(start=m.start, end=m.end, text=m.text, kind=m.kind, value=m.value, sent=m.sent,
                   why=f"{m.why}; a party named next to the agreement", score=min(m.score, 0.6), meta=dict(m.meta))


_NUM = (r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|dozens|scores|"
        r"hundreds|several|many|more|others|at least \w+|more than \w+|another \w+)")
_NUM_AFTER = re.compile(rf"^\s*(?:(?:at least|more than|nearly|about|around|some|up to|another|over)\s+)?{_NUM}\b", re.I)
_NUM_LATER = re.compile(rf"\b(?:killing|wounding|injuring|kidnapping|abducting)\s+((?:(?:at least|more than|nearly|"
                        rf"about|around|some|up to|another|over)\s+)?{_NUM})\b(?!\s+(?:of\s+)?\w+\s)", re.I)
_NUM_BEFORE = re.compile(rf"(?:^|[,;:]\s*)((?:(?:at least|more than|nearly|about|around|some|up to|another|over)\s+)?"
                         rf"{_NUM})\s+(?:(?:people|persons|others)\s+)?(?:(?:were|was|have been|had been|are|have)\s+)?"
                         rf"(?:\w+ly\s+)?$", re.I)

# "At least 9 people died after helicopters dropped chlorine barrels": the dead, named before the
# attack as people (not fighters), are its civilian victims
_DIED_BEFORE = re.compile(rf"(?:^|[,;:]\s*)((?:(?:at least|more than|nearly|about|around|some|up to|over)\s+)?{_NUM}"
                          rf"(?:\s+(?:people|persons|residents|civilians|children|villagers|women|others))?)\s+"
                          rf"(?:(?:were|was|have been|had been)\s+(?:\w+ly\s+)?)?(?:killed|died|dead|wounded|injured|"
                          rf"suffocated|hurt)\b(?:\s+[\w,-]+){{0,6}}?\s+(?:after|when|as)\s+(?:[\w-]+\s+){{0,4}}$", re.I)


# victims told as non-combatants: a later claim that they were fighters does not recode them
_SURELY_CIVILIAN = frozenset({"civilians", "civilian", "children", "child", "women", "woman", "girls", "girl", "boys",
                              "boy", "schoolchildren", "pupils", "students", "worshippers", "worshipers", "farmers",
                              "farmer", "shoppers", "traders", "journalists", "journalist", "patients", "refugees",
                              "displaced", "family", "families", "mourners", "passengers", "baby", "elderly"})
# the dead named again: "the victims", "the three", "the two men", "they"
_DEAD_AGAIN = (r"(?:the\s+(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?(?:victims|dead|men|people|"
               r"persons|youths|occupants|passengers)|the\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)|"
               r"they|those\s+killed|all\s+(?:two|three|four|five|six|\d+))")
# "<the dead> were (believed to be) members of ", "<the dead> belonged to ", "... said <the dead> were its fighters"
_MEMBERS_OF = re.compile(_DEAD_AGAIN + r"\s+(?:were|was|had\s+been)\s+(?:(?:all|believed\s+to\s+be|said\s+to\s+be|"
                         r"identified\s+as|reportedly|suspected|alleged)\s+)*(?:(?:senior|local|\w+ly)\s+)?"
                         r"(?:members?|fighters?|militants?|commanders?|operatives?|leaders?)\s+(?:of|from|in)\s+"
                         r"|" + _DEAD_AGAIN + r"\s+(?:belonged\s+to|were\s+affiliated\s+with|fought\s+for)\s+", re.I)
_TARGETED_CELL = re.compile(r"\b(?:targeted|struck|hit)\s+(?:an?\s+|the\s+)?[\"“']?(?:[\w-]+\s+){0,2}?(?:cell|positions?|"
                            r"hideouts?|members|operatives|militants|fighters|commanders?)[\"”']?\s+(?:of|from|belonging\s+to)\s+",
                            re.I)
_ITS_FIGHTERS = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?(?:,[^,]{1,80},\s*)?(?:said|confirmed|announced|acknowledged)\s+(?:that\s+)?"
                           + _DEAD_AGAIN + r"\s+(?:were|was)\s+(?:all\s+)?(?:its|their)\s+(?:fighters|members|militants)|"
                           r"\s*(?:\([^()]{1,30}\)\s*)?(?:,[^,]{1,80},\s*)?mourned\s+" + _DEAD_AGAIN, re.I)


def _victims_identified(doc: Document, ms: list[Mention], sent_index: int, s_end: int,
                        a1: Mention | None) -> Mention | None:
    """The armed group the next two sentences say the strike's dead belonged to."""
    groups = sorted((m for m in doc.mentions if m.kind == "actor" and s_end <= m.start and m.sent <= sent_index + 2
                     and m.value.inter in (2, 3, 4) and m.value.listed and not m.meta.get("generic")
                     and not m.meta.get("implicit") and (a1 is None or m.value.name != a1.value.name)),
                    key=lambda m: m.start)
    for m in groups:
        sent = doc.sentence_of(m.start)
        lo = sent.start if sent is not None else max(s_end, m.start - 200)
        before = doc.clean[lo:m.start]
        cue = next((x for x in _MEMBERS_OF.finditer(before)), None) or next(
            (x for x in _TARGETED_CELL.finditer(before)), None)
        if cue is not None and m.start - (lo + cue.end()) <= 120 and not re.search(r"[.;]", before[cue.end():]):
            return m
        if _ITS_FIGHTERS.match(doc.clean, m.end):
            return m
    return None


def _numeric_victims(doc: Document, s_start: int, s_end: int, start: int, end: int, country: str,
                     sent_index: int) -> Mention | None:
    """'killed three', 'Scores died': victims given only as a number are civilians."""
    text = doc.clean
    mt = _NUM_AFTER.match(text, end, s_end)
    later = _NUM_LATER.search(text, end, s_end)
    if mt:
        a, b = mt.start() + len(mt.group()) - len(mt.group().lstrip()), mt.end()
    elif later:  # "exploded at a market, killing 19"
        a, b = later.span(1)
    else:
        mt = _NUM_BEFORE.search(text, s_start, start)
        died = None if mt else _DIED_BEFORE.search(text[s_start:start])
        if mt:
            a, b = mt.span(1)
        elif died:
            a, b = s_start + died.start(1), s_start + died.end(1)
        else:
            return None
    actor = _entry_actor("Civilians ({country})", country, "victims given as a number")
    return Mention(start=a, end=b, text=text[a:b], kind="actor", value=actor, sent=sent_index,
                   why=f"{text[a:b]!r}: victims given as a number", score=0.5,
                   meta={"entry": "Civilians ({country})", "generic": True, "numeric": True})


def _with_actor(m: Mention, actor: Actor) -> Mention:
    return Mention(start=m.start, end=m.end, text=m.text, kind=m.kind, value=actor, sent=m.sent,
                   why=m.why, score=m.score, meta=dict(m.meta))


def _finalise(m: Mention | None, country: str, reliable: bool = True) -> Mention | None:
    """Generic actors take the event's country; state forces abroad are inter 8."""
    if m is None:
        return None
    d = load_dictionary()
    actor = m.value
    entry_name = m.meta.get("entry", "")
    crowd = entry_name in ("Protesters ({country})", "Rioters ({country})")
    if crowd and m.meta.get("country_explicit") and country and reliable and entry_name in d.entries \
            and actor.country != country:
        # "Afghan refugees protested in Islamabad": ACLED names a crowd by where it gathers (who its
        # people are is an associate's matter), not by their nationality
        actor = d.make_actor(d.entries[entry_name], country, why=actor.why)
    elif entry_name in NOUN_CLASSES and not m.meta.get("country_explicit") and country and entry_name in d.entries:
        entry = d.entries[entry_name]
        if entry.generic and actor.country != country:
            actor = d.make_actor(entry, country, why=actor.why)
    elif entry_name and entry_name in d.entries and d.entries[entry_name].generic and "{country}" in entry_name \
            and not m.meta.get("country_explicit") and country and entry_name not in NOUN_CLASSES:
        actor = d.make_actor(d.entries[entry_name], country, why=actor.why)  # "Islamic State (Iraq)"
    if actor.inter == 1 and actor.country and country and reliable and actor.country != country:
        actor = Actor(name=actor.name, inter=8, country=actor.country, kind="external", listed=actor.listed,
                      why=(actor.why + "; " if actor.why else "") + f"state forces of {actor.country} acting in {country}")
    if actor is m.value:
        return m
    return _with_actor(m, actor)


def _dedupe(ms: list[Mention], a1: Mention | None, a2: Mention | None) -> list[Mention]:
    seen = {x.value.name for x in (a1, a2) if x is not None}
    out = []
    for m in ms:
        if m is None or m.value.name in seen:
            continue
        seen.add(m.value.name)
        out.append(m)
    return out


def interaction_code(inter1: int, inter2: int) -> int:
    """ACLED's two-digit interaction code: the two inter codes, lower first (10, 12, 17, 28 ...)."""
    a, b = int(inter1 or 0), int(inter2 or 0)
    if not a and not b:
        return 0
    if not a or not b:
        return max(a, b) * 10
    lo, hi = sorted((a, b))
    return lo * 10 + hi
