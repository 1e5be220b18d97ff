"""Bare names in an event's frame: villages the gazetteer lacks, named with no "village of" cue.

"Gunmen attacked Tamalawa on Sunday", "clashes in Koutougou", "an air strike near Ban Sai", "the army
struck Wadi Jilal": a capitalised name the gazetteer does not list, right after a place preposition
("in", "near", "outside", "on the outskirts of", "north of") or as what an attack fell on ("raided X",
"the shelling of X", "an attack on X"), is most often a village. The places stage keeps such names
apart from its place mentions (``doc.meta["framed_places"]``): they are read as places only where an
event's trigger stands beside them (``geolocate.Locator``), never to vote for a country or to place
anything else.

The rules keep out what such a frame also holds:

* people: a common given name, a title before, a speech verb or an apposition of a person after
  ("Musa, a farmer", "Kone said"), a possessive of a person's things ("Musa's house"), the name told
  as a person anywhere in the article; after a verb that takes people as well as places ("attacked",
  "struck", "targeted") the name needs a sign of a place besides: the harm told apart from it
  ("attacked X, killing seven villagers"), or the article naming it as a place elsewhere ("residents
  of X", "in X");
* organisations and armed groups: a name with a word of an organisation ("Front", "Army",
  "Movement"), a name used as a modifier ("Wagner positions", "Ambazonia fighters"), an acronym, an
  actor the actors stage found there (checked where the event is located);
* months, days, feasts, languages, nationalities (the gazetteer's demonyms), the place traps list,
  stop words, names inside quotation marks (titles), names of more than three words.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..models import Document, Mention, Place
from .gazetteer import Gazetteer, normalise
from .recognize import (CALENDAR_WORDS, FEATURE_NOUNS, MODIFIED_NOUNS, SITE_NOUNS, TITLE_WORDS, _stop_words,
                        people_names, trap_words)

# a name: one to three capitalised words ("Ban Sai", "Tin-Akof", "Ngamdu Kura", "Yehmor al-Shqif")
_WORD = r"[A-Z][a-z][\w'’]*(?:-[A-Za-z][\w'’]*)*"
_NAME = re.compile(rf"{_WORD}(?:[ ](?:(?:al|el|ad|ar|as|ash|at|az|ez|es|ed|ul|de|du|da|la|le)-)?{_WORD}){{0,3}}")

_DIRS = r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?"
# where the event was: "in X", "near X", "on the outskirts of X", "20 km north of X"
_PLACE_FRAME = re.compile(
    r"(?:(?P<near>\bnear|\boutside|\baround|\bclose\s+to|\bnot\s+far\s+from|\boutskirts\s+of|\bvicinity\s+of|"
    r"\bedge\s+of|\b" + _DIRS + r"\s+of|\b(?:km|kilometres|kilometers|miles)\s+(?:from|" + _DIRS + r"\s+of))"
    r"|(?P<in>\b(?:in|inside|into|across|throughout)))\s+$", re.I)
_AT_FRAME = re.compile(r"\bat\s+$", re.I)
# what an attack fell on: verbs whose object is a place ("raided X", "overran X") ...
_PLACE_VERBS = frozenset({"raided", "stormed", "overran", "overrun", "shelled", "bombed", "bombarded", "besieged",
                          "invaded", "torched", "looted", "razed", "pillaged", "sacked", "ransacked", "recaptured",
                          "retook", "occupied", "encircled", "infiltrated", "overwhelmed", "burnt", "burned"})
# ... and verbs whose object may as well be a person ("attacked Musa", "targeted Kone")
_EITHER_VERBS = frozenset({"attacked", "struck", "hit", "targeted", "captured", "seized", "entered", "surrounded",
                           "ambushed"})
# the verb of the frame, not a participle after a preposition or an article ("in captured Humvees")
_VERB_FRAME = re.compile(r"(?<!\bin )(?<!\bof )(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bwith )(?<!\bby )(?<!\bfrom )"
                         r"(?<!\bon )(?<!\bat )\b([a-z]+)\s+$")
# "an attack on X", "the shelling of X", "air strikes on X"
_NOUN_FRAME = re.compile(r"\b(?:(?P<place>shelling|bombing|bombardment|siege|sacking|looting|capture|recapture|"
                         r"occupation|fall|storming|invasion)\s+of|(?P<either>attacks?|raids?|assaults?|strikes?|"
                         r"air\s*strikes?|offensive|incursions?|bombardments?|shelling)\s+(?:on|against|in))\s+$",
                         re.I)
# the harm told apart from the name: "attacked X on Sunday, killing seven villagers" -- the people hit are
# named after it, so X is where (not harm told as a person's: "attacked Musa, killing his son", "killing two
# of his guards", "killing three of the officers escorting him")
_HARM_AFTER = re.compile(r"\b(?:killing|killed|wounding|wounded|injuring|abducting|abducted|kidnapping|kidnapped|"
                         r"burning|burnt|burned|looting|torching|leaving|displacing|forcing|setting)\b"
                         r"(?!\s+(?:[\w-]+\s+){0,2}?(?:his|her|him)\b|[^,.;\n]*\bhim\b)")
# the words a name may stand before and still be a place (else it modifies a noun: "Wagner positions")
_FOLLOW_OK = frozenset({"on", "in", "at", "near", "and", "or", "but", "early", "late", "last", "overnight", "this",
                        "yesterday", "today", "tonight", "before", "after", "during", "when", "while", "where",
                        "as", "with", "from", "to", "for", "since", "until", "by", "which", "that", "amid",
                        "following", "about", "around", "outside", "between", "into", "not", "despite", "again",
                        "also", "then", "over", "under", "of", "is", "was", "were", "are", "has", "have", "had",
                        "some", "just", "shortly", "soon"})
_FOLLOW_PUNCT = frozenset(",.;:)!?—–-\n")
_OPENING_PREPS = frozenset({"in", "near", "outside", "around", "inside", "at"})
# what a person is said to be: "Musa, a farmer", "Kone, 45,", "Dauda (32)", "Musa said", "said Kone"
_PERSON_NOUNS = ("farmer|herder|herdsman|trader|teacher|student|pupil|pastor|priest|imam|cleric|chief|leader|elder|"
                 "head|resident|villager|man|woman|boy|girl|child|mother|father|son|daughter|wife|husband|brother|"
                 "sister|uncle|aunt|cousin|driver|journalist|reporter|activist|lawyer|doctor|nurse|official|"
                 "commander|soldier|officer|policeman|member|politician|candidate|lawmaker|councillor|councilor|"
                 "businessman|businesswoman|vendor|worker|miner|fisherman|hunter|shepherd|spokesman|spokeswoman|"
                 "spokesperson|mayor|governor|minister|senator|trader|tailor|mechanic|survivor|witness|victim|"
                 "relative|neighbour|neighbor|friend|resident|youth|catechist|monk|nun|veteran|refugee|leader")
_PERSON_AFTER = re.compile(
    r"(?:\s*,\s*(?:(?:a|an|the|his|her|their|our|one|another)\s+(?:[\w-]+\s+){0,3}?(?:" + _PERSON_NOUNS + r")s?\b"
    r"|\d{1,3}\s*[,)]|(?:a|an)\s+\d{1,3}-year-old|aged\s+\d)"
    r"|\s*\(\s*\d{1,3}\s*\)"
    r"|\s+(?:said|says|told|added|tweeted|wrote|stated|explained|noted|asked|replied|insisted|argued|warned|claimed|"
    r"announced|denied|recalled|who|whose|himself|herself)\b"
    r"|['’]s?\s+(?:own\s+)?(?:home|house|compound|residence|family|wife|husband|son|sons|daughter|daughters|children|"
    r"brother|sister|father|mother|farm|shop|store|car|vehicle|body|men|supporters|fighters|forces|troops|militia|"
    r"group|lawyer|relatives|followers|office|party|guards|bodyguards|convoy|fighters)\b)", re.I)
_PERSON_BEFORE = re.compile(r"\b(?:said|says|told|according\s+to|quoted|identified\s+as|"
                            r"(?:" + "|".join(sorted(TITLE_WORDS)) + r")\.?)\s+$", re.I)
# words of an organisation, a force, a programme, a medium, a building ("Hotel Sahafi", "Masjid Nur"): not a
# village's
_ORG_WORDS = frozenset("""front army movement party forces force brigade brigades group council union ministry company
bank committee alliance coalition network militia police agency association organisation organization federation
commission institute university college school hospital church mosque court parliament assembly corps guard guards
battalion division operation task news radio tv television times post herald tribune daily media press airlines
airways fund foundation society service services office department authority board club team league state
government republic kingdom emirate islamic liberation revolutionary democratic national people's peoples popular
resistance jihad mujahideen brotherhood hotel clinic masjid cathedral chapel prison mall stadium""".split())
# capitalised words of faith, feasts, languages, the press and the internet that follow "in"
_NOT_PLACES = frozenset("""god allah islam christ jesus christianity judaism ramadan eid christmas easter lent diwali
passover hajj english french arabic hausa swahili amharic somali pashto dari urdu farsi persian kurdish turkish
hebrew russian ukrainian spanish portuguese burmese chinese tigrinya oromo fulfulde yoruba igbo lingala tamil hindi
bengali sango tuareg fulani kanuri dinka nuer murle twitter facebook whatsapp telegram youtube tiktok instagram
internet parliament congress senate government court cabinet mr mrs ms dr sir madam lord""".split())


def not_a_name_of_a_place(name: str) -> bool:
    """A name of a military operation, a feast, a faith, a language or a people ("Operation Desert Shield",
    "Ramadan", "Tuareg"): words the gazetteer lacks that a small model may still tag as a place."""
    words = [w.lower().strip("'’") for w in name.split()]
    return bool(words) and (words[0] == "operation" or words[0] in _NOT_PLACES)


def _person_told(text: str, name: str) -> bool:
    """The article tells ``name`` (or its last word, a family name) as a person somewhere: a title before
    it, a speech verb or a person's apposition after it ("Mr Dauda", "Dauda said", "Dauda, a farmer")."""
    last = name.split()[-1]
    for n in dict.fromkeys((name, last)):
        if len(n) < 3:
            continue
        for m in re.finditer(rf"(?<![\w-]){re.escape(n)}(?![\w-])", text):
            if _PERSON_AFTER.match(text, m.end()) or _PERSON_BEFORE.search(text, max(0, m.start() - 40), m.start()):
                return True
    return False


# an institution's own name: "Al-Shifa hospital", "Deeper Life church", "Sahafi hotel" (an unlisted village is
# seldom the namesake of such a building; its market, school or base are named after it, and stay places)
_INSTITUTION_AFTER = re.compile(r"\s+(?:children['’]s\s+)?(?:hospital|clinic|hotel|church|cathedral|chapel|mosque|"
                                r"university|prison|jail|mall|stadium)s?\b", re.I)


def _building_told(text: str, name: str) -> bool:
    """The article writes ``name`` before the noun of an institution somewhere ("Al-Shifa hospital"): the
    bare name in the frame is that building's ("raided Al-Shifa"), not a village's."""
    return any(_INSTITUTION_AFTER.match(text, m.end())
               for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text))


def _placed_elsewhere(text: str, name: str, start: int) -> bool:
    """The article names ``name`` as a place at another spot: "in X", "near X", "residents of X",
    "X residents", "the village of X"."""
    for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
        if m.start() == start:
            continue
        before = text[max(0, m.start() - 40):m.start()]
        if _PLACE_FRAME.search(before) or re.search(r"\b(?:residents|villagers|inhabitants|people|youths|"
                                                    r"community|village|town|locality)\s+of\s+$", before, re.I):
            return True
        if re.match(r"\s+(?:residents|villagers|inhabitants|community|village|town|locality)\b", text[m.end():]):
            return True
    return False


_PLACE_CUES = frozenset({"in", "near", "feature", "direction", "site", "again"})
# the article calls the place a village ("residents said" is no sign: people and places have residents around)
_VILLAGE_NEAR = re.compile(r"\b(?:villagers|the village|the town|the community|the locality|the settlement)\b", re.I)


def _inside_quotes(text: str, lo: int, pos: int) -> bool:
    seg = text[lo:pos]
    return (seg.count('"') % 2 == 1) or seg.count("“") > seg.count("”") or \
        len(re.findall(r"(?:^|\s)‘", seg)) > len(re.findall(r"’(?:\s|[,.;:]|$)", seg))


_SMALL_WORDS = frozenset({"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "from",
                          "as", "is", "into", "near"})


_TITLE_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def _title_case(sentence: str) -> bool:
    """A heading or a title: four words or more past the first, nearly all capitalised but the small words."""
    words = [w for w in _TITLE_WORD.findall(sentence)[1:] if w.lower() not in _SMALL_WORDS]
    if len(words) < 4:
        return False
    caps = sum(1 for w in words if w[:1].isupper())
    return caps >= 0.75 * len(words)


def entity_spans(doc: Document) -> tuple[tuple[int, int, str], ...]:
    """The spaCy entities of ``doc`` as (start, end, label), in order: what :func:`find` reads, taken when the
    places stage runs (the events stage may recognise entities in more sentences later)."""
    sdoc = doc.spacy_doc
    if sdoc is None:
        return ()
    try:
        return tuple((ent.start_char, ent.end_char, ent.label_) for ent in sdoc.ents)
    except (AttributeError, ValueError):
        return ()


def _label_at(ents: tuple[tuple[int, int, str], ...], s: int, e: int) -> str:
    for a, b, label in ents:
        if a < e and s < b:
            return label
    return ""


def framed_places(doc: Document, gaz: Gazetteer) -> list[Mention]:
    """The framed names of ``doc``, found on first use (by the locator, for an event's sentence) from what the
    places stage left in ``doc.meta["framed_inputs"]``: geoparsing alone never pays for them."""
    found = doc.meta.get("framed_places")
    if found is None:
        inputs = doc.meta.pop("framed_inputs", None)
        found = find(doc, gaz, inputs[0], inputs[1]) if inputs else []
        doc.meta["framed_places"] = found
    return found


def _name_ok(name: str, gaz: Gazetteer) -> bool:
    words = name.split()
    if len(words) > 3 or len(normalise(name)) < 3:
        return False
    traps = trap_words()
    for w in words:
        low = w.lower().strip("'’")
        if low in CALENDAR_WORDS or low in _ORG_WORDS or low in _NOT_PLACES or low.rstrip("s") in _ORG_WORDS \
                or low in TITLE_WORDS:
            return False
    norm = normalise(name)
    if norm in traps or norm in people_names() or normalise(words[0]) in traps:
        return False
    if words[0].lower() in _stop_words():
        return False
    if gaz.lookup(name):
        return False  # listed (a town, a division, a nationality): the recognizer decided about it
    return not any(w.isupper() for w in words)


def _follow_ok(text: str, e: int) -> bool:
    """What comes right after the name lets it be a place: punctuation, the end, a linking word, a date word,
    a verb ("near Ban Sai killed three"); not a noun it modifies ("Wagner positions", "Facebook post")."""
    if e < len(text) and text[e] == ":":
        return False  # "Dragon in Ambush: The Art of War": a title and its subtitle
    if e >= len(text) or text[e] in _FOLLOW_PUNCT:
        return True
    if text[e] in "'’":
        return True  # a possessive: judged by _PERSON_AFTER
    m = re.match(r"\s+([A-Za-z]+)", text[e:e + 30])
    if m is None:
        return True
    w = m.group(1)
    low = w.lower()
    if w[:1].isupper():
        return low in CALENDAR_WORDS  # "in Kolofata Wednesday"; a longer name is not
    if low in _FOLLOW_OK or low.endswith(("ed", "ing")) and low not in MODIFIED_NOUNS:
        return True
    if low in FEATURE_NOUNS or low in SITE_NOUNS:
        return False  # "Tamalawa village", "Kawkab base": the recognizer's cues decide
    return False


def find(doc: Document, gaz: Gazetteer, mentions: list[Mention],
         ents: tuple[tuple[int, int, str], ...] | None = None) -> list[Mention]:
    """The bare names standing in an event frame that no place mention covers (see the module)."""
    text = doc.clean or doc.text
    if not text:
        return []
    if ents is None:
        ents = entity_spans(doc)
    # an unlisted name the recognizer found with no place word before it ("raided Ntotwe" tagged GPE) is
    # framed here as any other: the locator passes over an unlisted name with no cue
    taken = sorted((m.start, m.end) for m in mentions if not (m.meta.get("unlisted") and not set(
        m.meta.get("cues", ())) & _PLACE_CUES))
    # whether a span overlaps one taken: the spans starting before its end, the furthest end among them
    starts = [a for a, _b in taken]
    reach: list[int] = []
    for _a, b in taken:
        reach.append(b if not reach or b > reach[-1] else reach[-1])
    out: list[Mention] = []
    for sent in doc.sentences:
        lo, hi = sent.start, sent.end
        heading: bool | None = None  # a heading or a title, worked out for the first name in a frame
        for m in _NAME.finditer(text, lo, hi):
            s, e = m.start(), m.end()
            name = m.group()
            first, _, rest = name.partition(" ")
            if rest and first.lower() in _OPENING_PREPS:
                s, name = s + len(first) + 1, rest  # "In Tamalawa, gunmen ...": the sentence's first word frames it
            while " " in name and name.rsplit(" ", 1)[1].lower() in CALENDAR_WORDS:
                name = name.rsplit(" ", 1)[0]  # "attacked Tamalawa Sunday night"
                e = s + len(name)
            k = bisect_left(starts, e)
            if k and reach[k - 1] > s:
                continue
            if s > 0 and (text[s - 1].isalnum() or text[s - 1] in "-'’"):
                continue
            if e < len(text) and (text[e].isalnum() or text[e] == "-"):
                continue
            before = text[max(lo, s - 40):s]
            if not before or not before[-1].isspace():
                continue  # every frame ends in white space before the name (a sentence's first word has none)
            frame, near, either = "", False, False
            pf = _PLACE_FRAME.search(before)
            vf = _VERB_FRAME.search(before) if pf is None else None
            nf = _NOUN_FRAME.search(before) if pf is None and (vf is None or (
                vf.group(1) not in _PLACE_VERBS and vf.group(1) not in _EITHER_VERBS)) else None
            if pf is not None:
                frame, near = pf.group().strip(), pf.group("near") is not None
            elif vf is not None and vf.group(1) in _PLACE_VERBS:
                frame = vf.group(1)
            elif vf is not None and vf.group(1) in _EITHER_VERBS:
                frame, either = vf.group(1), True
            elif nf is not None:
                frame, either = nf.group().strip(), nf.group("either") is not None
            elif _AT_FRAME.search(before):
                prev = text[max(lo, s - 30):s].split()[:-1]
                if prev and prev[-1].lower().strip(",") in ("shot", "fired", "fire", "aimed", "pointed", "threw",
                                                             "hurled", "shouted", "looked", "arrived", "waved",
                                                             "stones", "rocks", "laughed", "lunged", "swung"):
                    continue
                frame, either = "at", True
            else:
                continue
            if heading is None:
                heading = _title_case(text[lo:hi])
            if heading:
                break  # a heading or a title ("Ill-Treatment and Torture in Detention"): every word capitalised
            if not _name_ok(name, gaz) or not _follow_ok(text, e):
                continue
            if _PERSON_AFTER.match(text, e) or _inside_quotes(text, lo, s):
                continue
            if _person_told(text, name) or _building_told(text, name):
                continue
            if " " not in name and re.search(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])", text):
                continue  # the article writes it in lower case elsewhere: a common word ("Ambush", "Detention")
            label = _label_at(ents, s, e)
            if label in ("NORP", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "LAW", "LANGUAGE"):
                continue
            if either:
                # a verb or noun that takes people too: a sign of a place besides
                harm = _HARM_AFTER.search(text, e, hi)
                if not (harm or _placed_elsewhere(text, name, s)
                        or _VILLAGE_NEAR.search(text, e, min(len(text), hi + 200))):
                    continue
            cues = ["framed", "in"] + (["near"] if near else [])
            out.append(Mention(start=s, end=e, text=name, kind="place",
                               value=Place(name=name, source="unlisted: a bare name in an event's frame"),
                               sent=sent.index, score=0.2,
                               why=f"{name!r}: a capitalised name the gazetteer lacks, after {frame!r} -- "
                                   "read as a village where an event stands beside it",
                               meta={"role": "literal", "cues": cues, "label": label, "match": "",
                                     "admin1_key": "", "admin2_key": "", "unlisted": True, "framed": frame}))
    return out
