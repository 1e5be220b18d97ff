"""Within-article merging: several sentences about one event make one event.

A candidate joins an earlier event when it can only be the same happening:

* it refers back ("the offensive", "the battle is fierce", "condemned the attack") and the
  event type matches; or
* it carries nothing of its own (no date, no place) and the sub-event type matches; or
* it has its own date but tells the same sub-event type on the same day at the same place
  with no "earlier / separately / another" cue.

Distinct dates, distinct places, or disjoint actors keep events apart. A reference that finds
no event to join is dropped (a reaction is not an event).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from dataclasses import dataclass, field

from ..models import Location, Roles
from .dates import DateMention
from .detect import FAMILY, Candidate
from .lexicon import load_lexicon


@dataclass(slots=True)
class Reading:
    """A candidate with everything read around it (clean offsets)."""

    cand: Candidate
    sent: int
    sent_start: int
    sent_text: str
    date: dt.date | None = None
    precision: int = 1
    date_mention: DateMention | None = None  # offsets relative to the sentence
    own_date: bool = False
    fatalities: int | None = None
    fatalities_span: tuple[int, int] | None = None  # clean offsets
    fatalities_victims: str = ""  # whose deaths: "state", "nonstate", "civilians" or "" (mixed, unknown)
    fatalities_vague: bool = False  # no number told ("civilians were killed", "many", "several")
    attribution: str = ""
    hedged: bool = False
    distinct: bool = False
    same_day: bool = False  # "the same day", "later that day": dated by the event told before it
    day_step: int = 0  # "The following day" (+1), "the previous evening" (-1): dated from the event told before it
    historical: bool = False
    background: bool = False  # dated to a month weeks before publication, outside the lead
    haul: bool = False  # weapons found in the operation just told: joins its violent event or goes
    sole: bool = True  # the only reading of its sentence (set by ``merge``)
    roles: Roles = field(default_factory=Roles)
    location: Location | None = None

    @property
    def clean_start(self) -> int:
        return self.sent_start + self.cand.start

    @property
    def clean_end(self) -> int:
        return self.sent_start + self.cand.end


@dataclass(slots=True)
class Group:
    """The readings that make one event; ``main`` decides type and trigger."""

    readings: list[Reading]
    inherited: Reading | None = None  # a dated reading of the story just before ("... on Sunday. They also ...")
    inherited_from: "Group | None" = None  # the group of that reading

    @property
    def main(self) -> Reading:
        return self.readings[0]

    def dating(self) -> list[Reading]:
        """The readings whose own day can date the event. A lead told "the same day" or "hours later"
        takes its day from the event before it; a later sentence's day is then that of a later step
        ("Hours later, the government imposed a curfew ... The curfew was lifted on Saturday morning")."""
        main = self.readings[0]
        own = [r for r in self.readings if r.own_date and r.date and not r.cand.claim]
        if main.same_day and not main.own_date:
            # (but "The gunfight, which began at dawn on Monday, ...": the article stating the event's own day)
            own = [r for r in own if r.sent <= main.sent or r.cand.date_statement]
        return own

    @property
    def date(self) -> tuple[dt.date | None, int, Reading | None]:
        own = self.dating()
        # (not "The attack took place at dawn, the governor said at a news conference on Thursday": the
        # day it was told)
        stated = [r for r in own if r.cand.date_statement
                  and not (r.date_mention is not None and r.date_mention.report_date)]
        if stated:  # "The attack happened on Saturday night": the article's own dating wins
            best = min(stated, key=lambda r: (r.precision, r.sent))
            return best.date, best.precision, best
        if own:
            told = [r for r in own if r.date_mention is None or not r.date_mention.report_date]
            best = min(told or own, key=lambda r: (r.precision, r.sent))
            return best.date, best.precision, best
        if self.inherited is not None:
            r = self.inherited
            return r.date, r.precision, r
        return None, 1, None

    @property
    def location(self) -> Location | None:
        main = self.readings[0].location
        if main is not None and main.geo_precision < 3:
            return main  # where the lead sentence puts it; later quotes name their speakers' places
        locs = [r.location for r in self.readings if r.location is not None and not r.cand.claim]
        if not locs:
            return None
        # a place named in a reading's own sentence beats one borrowed from elsewhere in the article
        # (a follow-up sentence with no place of its own must not move the event to the article's capital)
        own = [r.location for r in self.readings
               if r.location is not None and not r.cand.claim
               and (r.location.mention is None or r.location.mention.sent in (-1, r.sent))]
        if main is not None and main in own:
            better = [loc for loc in own if loc.geo_precision < main.geo_precision]
            chosen = min(better, key=lambda loc: loc.geo_precision) if better else main
        else:
            chosen = min(own or locs, key=lambda loc: loc.geo_precision)
        # the village a reading names, coded at the region the others give: its own name says more
        return next((loc for loc in own if loc is not chosen and _stands_for(loc, chosen)), chosen)


ACCOMPANIED = ("Battles", "Violence against civilians", "Explosions/Remote violence", "Riots")


def _family(event_type: str) -> str:
    return FAMILY.get(event_type, event_type)


def _actor_names(roles: Roles) -> set[str]:
    out = set()
    for m in (roles.actor1, roles.actor2):
        if m is not None and getattr(m, "value", None) is not None:
            out.add(getattr(m.value, "name", "") or m.text)
    return {x for x in out if x and not x.startswith("Unidentified")}


_COLLECTIVE = re.compile(r"^(?:Civilians|Protesters|Rioters) \(")


# the crowd of a protest named again: "had gathered", "as the crowd swelled"
# munitions only the police (or troops policing a crowd) use
_RIOT_MUNITION = re.compile(r"\b(?:rubber(?:-coated)?\s+bullets?|plastic\s+bullets?|tear[- ]?gas\s+(?:canisters?|cannisters?|grenades?|shells?)|"
                            r"stun\s+grenades?|pellet\s+guns?)\b", re.I)
_CROWD = re.compile(r"\b(?:gathered|crowds?|protest\w*|demonstrat\w*|rall(?:y|ied)|march(?:ed|ing)?|chant(?:ed|ing)|sit-?ins?)\b", re.I)


_CROWD_NOUN = re.compile(r"(?i)(?:protesters?|protestors?|demonstrators?|marchers)")


def _actor_name(m) -> str:
    return (getattr(m.value, "name", "") or m.text) if m is not None and getattr(m, "value", None) is not None else ""


def _named(names: set[str]) -> set[str]:
    """The actors that tell someone apart: not "Civilians (Kenya)", "Protesters (Iran)"."""
    return {x for x in names if not _COLLECTIVE.match(x)}


def _own_location(r: Reading) -> Location | None:
    """Where the reading's own sentence puts it; a place borrowed from elsewhere in the article
    ("Police responded with tear gas and water cannon.") says nothing of where it happened."""
    loc = r.location
    if loc is None or loc.mention is None or loc.mention.sent in (-1, r.sent):
        return loc
    return None


def _inter1(r: Reading) -> int:
    m = r.roles.actor1
    return int(getattr(getattr(m, "value", None), "inter", 0) or 0) if m is not None else 0


def _loc_key(loc: Location | None) -> tuple[str, str] | None:
    if loc is None:
        return None
    p = loc.place
    return (p.name or "", p.admin1 or "")


def _locations_agree(a: Location | None, b: Location | None, strict: bool) -> bool:
    ka, kb = _loc_key(a), _loc_key(b)
    if ka is None or kb is None:
        return not strict or ka == kb
    if ka[0] == kb[0]:
        return True
    if _stands_for(a, b) or _stands_for(b, a):
        return True
    if strict:
        return False
    # a region-level place that contains the other's place
    if a.geo_precision == 3 or b.geo_precision == 3:
        return bool(ka[1]) and ka[1] == kb[1]
    if _two_cities(a, b):
        return False
    # a village and the township or district around it ("Pazigyi" / "Kanbalu")
    return _km(a, b) <= NEAR_KM


NEAR_KM = 50.0
CITY_POPULATION = 50_000


def _two_cities(a: Location, b: Location) -> bool:
    """Two towns, each a city of its own (50,000 people or more), named to the town: "In Tripoli, ..."
    and "In Zawiya, ...", 45 km apart, are two places, whatever a village and its district may share."""
    pa, pb = a.place, b.place
    return (a.geo_precision == 1 and b.geo_precision == 1 and pa.feature_class == "P" and pb.feature_class == "P"
            and min(pa.population or 0, pb.population or 0) >= CITY_POPULATION
            and (pa.geonameid or pa.name) != (pb.geonameid or pb.name))


def _stands_for(a: Location, b: Location) -> bool:
    """Is ``b`` the place whose coordinates the unlisted village ``a`` is coded at -- the district or region
    the article puts it in, by name, or the same point ("Gunmen kill four in western Niger" and "in the
    village of Tamkaya, in Niger's Tillaberi region", kept under its own name at Tillaberi)?"""
    pa, pb = a.place, b.place
    if not pa.source.startswith("unlisted ") or pb.source.startswith("unlisted ") or not pa.admin1:
        return False
    if pa.country_code != pb.country_code or pa.admin1 != pb.admin1:
        return False
    return b.geo_precision >= a.geo_precision and (pb.name in (pa.admin1, pa.admin2) or _km(a, b) < 1.0)


def _km(a: Location, b: Location) -> float:
    pa, pb = a.place, b.place
    if None in (pa.latitude, pa.longitude, pb.latitude, pb.longitude):
        return float("inf")
    la1, lo1, la2, lo2 = map(math.radians, (pa.latitude, pa.longitude, pb.latitude, pb.longitude))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _country_only(a: Location | None, b: Location | None) -> bool:
    """Is ``a`` only the country ``b`` lies in (a sentence that names no place of its own)?"""
    return (a is not None and b is not None and not a.place.admin1 and a.geo_precision == 3
            and bool(a.place.country) and a.place.country == b.place.country)


def _same_day(r: Reading, g: Group) -> bool:
    """Is ``r`` undated, or dated to the group's own day?"""
    return not r.own_date or r.date is None or g.date[0] is None or r.date == g.date[0]


def _dates_agree(r: Reading, g: Group) -> bool:
    gd, gp, _ = g.date
    if not r.own_date or gd is None or r.date is None:
        return True
    if r.date == gd:
        return True
    if max(r.precision, gp) > 1:
        return abs((r.date - gd).days) <= (7 if max(r.precision, gp) == 2 else 20)
    return False


PROTEST_FORCE = ("Protest with intervention", "Excessive force against protesters", "Violent demonstration")
TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")


def _report_dated(g: Group) -> bool:
    """Is the group dated only by when someone spoke ("officials said on Thursday")?"""
    best = g.date[2]
    return best is not None and best.date_mention is not None and best.date_mention.report_date


VIOLENT = ("Battles", "Violence against civilians", "Explosions/Remote violence", "Riots")
FOLLOW_UP_WINDOW = 2  # sentences after the group's last sentence
# "... threw bricks at the police. Police brought the situation under control. Seven officers were
# injured. Twelve people were detained.": the arrests close the account of the riot a little later
ARREST_WINDOW = 3


def _place_named(r: Reading, g: Group) -> bool:
    """Does either side's place name occur in the other's sentence ("took control of Rubaya",
    told by an official placed in Masisi)?"""
    for a, b in ((r.location, g.main), (g.location, r)):
        if a is not None and a.place.name and a.place.name in b.sent_text:
            return True
    return False


CONTESTED = ("Attack", "Armed clash", "Violent demonstration", "Mob violence")  # one incident, told as either
_RETOLD = re.compile(r"(?:\bhad\s+(?:\w+ly\s+)?(?:(?:come|been)\s+under\s+(?:heavy\s+)?)?|^\W*the\s+(?:[\w'-]+\s+){1,2}(?:was|were|had been)\s+(?:\w+ly\s+)?)$",
                     re.IGNORECASE)
_ACCOUNT = re.compile(r"\b(?:said|says|told|according to|claimed|described|reported|alleged)\b", re.IGNORECASE)


def _retold(r: Reading) -> bool:
    """Is the reading someone's account of an incident already told: reported speech with its
    verb shifted back ("X said Palestinians had hurled rocks") or a definite subject in the
    passive ("The convoy was attacked ..., one source said")?"""
    return bool(_RETOLD.search(r.sent_text[:r.cand.start]) and _ACCOUNT.search(r.sent_text))


_TOLD_OF = re.compile(
    r"^\W*(?:(?:according to|witnesses|residents|police|officials|the \w+ said)[^,]{0,60},\s*"
    r"|(?:[\w'-]+\s+){1,4}(?:said|says|told \w+)\s+(?:that\s+)?)?"
    r"(?:the|both|all|these|those|their|its)\s+(?:[\w'-]+\s+){0,3}?(?:\w+ed\s+(?:[\w'.-]+\s+){0,5}?and\s+)?"
    r"(?:(?:was|were|had been|have been|had|then)\s+)?(?:\w+ly\s+)?$", re.IGNORECASE)


def _told_of(r: Reading) -> bool:
    """Does the sentence open on people or things of the story told ("Both victims were shot",
    "According to local sources, the gunmen waited ... and opened fire") right up to its trigger?"""
    return bool(_TOLD_OF.match(r.sent_text[:r.cand.start]))


def _only_later(r: Reading) -> bool:
    """Is "later" the only word that sets the sentence apart ("Police later fired tear gas")?
    Said of a crowd's dispersal it tells the end of the protest just told, not another event
    ("another", "elsewhere", "in a separate" still do)."""
    marks = [m.group(0).lower() for m in load_lexicon().distinct.finditer(r.sent_text)]
    return bool(marks) and all(w.startswith("later") for w in marks)


def _disperses(r: Reading, g: Group) -> bool:
    """The protest just told, then broken up by police: ACLED codes one Protest with
    intervention (or excessive force), not a peaceful protest plus a second event."""
    c, m = r.cand, g.main.cand
    if c.sub_event_type not in PROTEST_FORCE[:2] or _family(m.event_type) != "protest":
        return False
    if r.sent - max(x.sent for x in g.readings) > FOLLOW_UP_WINDOW:
        return False
    if r.distinct and not _only_later(r):
        return False
    if r.own_date and r.date != g.date[0]:
        return False
    loc, gloc = _own_location(r), g.location
    if loc is not None and gloc is not None and not loc.place.admin1 and loc.place.country == gloc.place.country:
        return True  # "Police fired tear gas to disperse the crowd" names no town: the country's, at most
    return _locations_agree(loc, gloc, strict=False)


def _weapon_of_the_attack(r: Reading, g: Group) -> bool:
    """Does ``r`` tell the weapon of the bare attack just told? "The death toll from Russia's Feb. 18
    attack on Zaporizhzhia has risen to five ... Russian forces dropped two glide bombs on the city":
    the toll update names the event only as an "attack" (a generic word, typed an attack on
    civilians), the next sentence tells how it was done. One event, of the specific type: the same
    named perpetrator, no day or place of its own that differ, nothing setting it apart ("another",
    "separately"); not the defenders' reply ("the army responded with air strikes": another actor)."""
    c, m = r.cand, g.main.cand
    if c.event_type != "Explosions/Remote violence" or m.event_type == "Explosions/Remote violence":
        return False
    if m.sub_event_type != "Attack" or len(g.readings) > 1 or r.distinct:
        # (an attack typed a clash -- "militants attacked an army base" -- keeps its type: "the fighters
        # detonated explosives at the gate and fought their way inside" is how the assault went)
        return False
    primary = next((h for h in m.hits if h.start == m.start), None)
    if primary is None or primary.rule.generic != "violence" or any(h.rule.generic for h in c.hits):
        return False
    if r.sent - g.main.sent != 1 or not _same_day(r, g):
        return False
    a1 = _actor_name(r.roles.actor1)
    if not a1 or a1.startswith("Unidentified") or _COLLECTIVE.match(a1) or a1 != _actor_name(g.main.roles.actor1):
        return False
    return _locations_agree(_own_location(r), g.location, strict=False)


# a sentence that opens on a new incident of its own, "A bomb exploded at a market in Rueso on Monday",
# "On Wednesday, a separate gunfight broke out": not the lead retold ("The bomb, hidden in a sack ...",
# "On Tuesday, troops entered the town", "On Wednesday, a joint force entered the town": a force, not an incident)
_FRESH_TELLING = re.compile(
    r"(?i)^\W*(?:(?:(?:late|early)\s+)?on\s+\w+(?:\s+(?:morning|afternoon|evening|night))?,?\s+)?"
    r"(?:an?|another)\s+(?:[\w-]+\s+){0,2}?(?:bombs?|bombings?|blasts?|explosions?|devices?|IEDs?|(?:land)?mines?|"
    r"grenades?|attacks?|ambush(?:es)?|raids?|(?:air|drone|missile)?\s?strikes?|missiles?|rockets?|shells?|mortars?|"
    r"gunfights?|firefights?|shoot-?outs?|clash(?:es)?|shootings?|(?:suicide )?bombers?)\b")
LEAD_SENTENCES = 2  # the story's lead: its first sentences (a dateline sentence may come first)


def _lead_retold(r: Reading, g: Group) -> bool:
    """A later paragraph retelling the lead's event with more detail: one event, not two.

    * the lead told without a day ("Two rangers were killed when a roadside bomb exploded in Narathiwat
      province"), the next sentences tell the same kind of event with its day and town ("The bomb ...
      was detonated ... in Bacho district on Wednesday morning");
    * "X said the drone hit the bus ..." right after the drone strike on the bus: the same kind of
      event, told of the people or things of the one just told, without a day of its own;
    * the lead's police retaking a town on Wednesday, then "On Wednesday, a joint force ... entered the
      town after a gunfight": the fight of the retaking, same day, same town;
    * the lead's crowd shot at in Zahedan on Friday, then "On Friday, hundreds marched ... in Zahedan"
      and were fired on: the same protest, retold.
    Nothing set apart ("another", "separately", "earlier") ever joins this way."""
    c, m = r.cand, g.main.cand
    if r.distinct or c.reference or _FRESH_TELLING.match(r.sent_text):
        return False
    last = max(x.sent for x in g.readings)
    if c.sub_event_type == m.sub_event_type:
        if (g.date[0] is None and len(g.readings) == 1 and g.main.sent <= LEAD_SENTENCES and r.sent - last <= 2
                and c.event_type in VIOLENT and _family(c.event_type) != "protest"
                and _locations_agree(_own_location(r), g.location, strict=False)):
            return True
        if not r.own_date and r.sent - last <= 1 and _told_of(r) and c.event_type in VIOLENT:
            return True
        return False
    if not (g.main.sent <= LEAD_SENTENCES and r.own_date and g.date[0] is not None and r.date == g.date[0]
            and r.precision == 1 and _own_location(r) is not None
            and _locations_agree(_own_location(r), g.location, strict=True)):
        return False
    if c.sub_event_type == "Armed clash" and m.sub_event_type in TERRITORY:
        return True
    # (not a march beside the lead's riot: "In La Paz, hundreds marched peacefully on Friday")
    return (_family(c.event_type) == "protest" and m.sub_event_type in PROTEST_FORCE[:2]
            and c.sub_event_type in ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"))


def _joins(r: Reading, g: Group) -> bool:
    c, m = r.cand, g.main.cand
    if _weapon_of_the_attack(r, g):
        return True
    same_type = c.sub_event_type == m.sub_event_type
    same_family = _family(c.event_type) == _family(m.event_type)
    violent = c.event_type in VIOLENT and m.event_type in VIOLENT
    if c.claim:
        # "JNIM claimed the Koumbri ambush on Friday": names who did the event just told
        return violent
    if r.haul:
        # "Police later recovered two more IEDs from the area": found in the operation just told
        return m.event_type in VIOLENT
    if c.date_statement and not r.distinct:
        # "The attack happened on Saturday night": dates the event just told
        return same_type or same_family or violent
    near = r.sent - max(x.sent for x in g.readings) <= FOLLOW_UP_WINDOW
    if c.outcome_only and not r.own_date and not r.distinct and near and (
            violent or (c.event_type in VIOLENT and m.sub_event_type == "Excessive force against protesters")):
        # "At least 12 fighters were killed, according to a local official."; "A rights group said
        # at least 66 people were killed" after the police fired on the protest
        return True
    if (c.event_type == "Battles" and m.event_type == "Battles" and not r.distinct and near
            and _same_day(r, g) and load_lexicon().cues["response"].search(r.sent_text)
            and _locations_agree(_own_location(r), g.location, strict=False)):
        # "The defence forces repelled the attack", "Security forces killed four of the attackers in
        # the ensuing gunfight": the defenders' side of the battle just told (whatever they are called)
        return True
    if (m.sub_event_type == "Violent demonstration" and c.sub_event_type in ("Attack", "Excessive force against protesters")
            and not r.distinct and near and _same_day(r, g)
            and (_inter1(r) == 1 or _actor_names(r.roles) & set().union(*(_actor_names(x.roles) for x in g.readings)))
            and _locations_agree(r.location, g.location, strict=False)):
        # "Farmers threw stones at the team ..., and the Taliban opened fire, killing two farmers":
        # ACLED codes the riot, with its toll, not the force used against the rioters beside it
        return True
    if (m.sub_event_type in PROTEST_FORCE and c.event_type in VIOLENT and not r.own_date and not r.distinct
            and r.sent - max(x.sent for x in g.readings) <= FOLLOW_UP_WINDOW + 2 and _RIOT_MUNITION.search(r.sent_text)
            and _inter1(r) in (0, 1) and _locations_agree(_own_location(r), g.location, strict=False)):
        # "Union leaders said he had been hit by a rubber bullet fired at close range" a few sentences
        # after the police broke up the riot: riot-control fire on the crowd is part of that event
        return True
    if (c.sub_event_type == "Arrests" and not r.distinct
            and r.sent - max(x.sent for x in g.readings) <= ARREST_WINDOW
            and (not r.own_date or (r.sent == max(x.sent for x in g.readings) and r.date == g.date[0]))
            and m.sub_event_type in PROTEST_FORCE
            and _locations_agree(r.location, g.location, strict=False)
            and not load_lexicon().cues["arrest_elsewhere"].search(r.sent_text)):
        # "Police said nine officers were hurt and 27 people were detained." after the
        # dispersed protest: arrests at a protest are part of it (not those "at their homes")
        return True
    if (same_type and c.sub_event_type in TERRITORY and not r.distinct and near
            and _report_dated(g) and r.own_date and r.date and g.date[0]
            and 0 <= (g.date[0] - r.date).days <= 2 and _place_named(r, g)):
        # "have retaken the town of X, officials said on Thursday." ... "Soldiers entered the
        # town on Wednesday": the same capture, dated by the narrative
        return True
    if (c.sub_event_type in TERRITORY and m.sub_event_type in TERRITORY and c.sub_event_type != m.sub_event_type
            and not r.distinct and near
            and (_same_day(r, g) or (_report_dated(g) and r.own_date and r.date and g.date[0]
                                     and 0 <= (g.date[0] - r.date).days <= 2))
            and (_place_named(r, g) or _locations_agree(r.location, g.location, strict=False))):
        # "the army said it had recaptured the town" ... "By nightfall they had taken control of the
        # police station": one change of hands, whichever side the second sentence's words put first
        return True
    if (m.sub_event_type == "Suicide bomb" and c.sub_event_type in ("Attack", "Armed clash") and _inter1(r) == 1
            and not r.own_date and not r.distinct and r.sent - max(x.sent for x in g.readings) <= 1
            and _same_day(r, g) and load_lexicon().cues["response"].search(r.sent_text) is None
            and re.search(r"\bopen(?:ed|s)? fire\b|\bfired (?:at|on)\b|\bshot (?:at|him|the)\b", r.sent_text, re.I)
            and _locations_agree(_own_location(r), g.location, strict=False)):
        # "a Khawarij suicide bomber attempted to enter the police station. Our brave officers opened fire
        # and the vehicle exploded at the outer gate": the guards firing on the bomber are the target's
        # side of the bombing just told, not an attack of their own
        return True
    if (same_type and c.event_type == "Explosions/Remote violence" and not r.own_date and not r.distinct and near
            and _same_day(r, g) and _BACK_PLACE.search(r.sent_text)):
        ol, gl = _own_location(r), g.location
        if (ol is None or ol.place.feature_code.startswith("PCL")) and gl is not None \
                and not gl.place.feature_code.startswith("PCL"):
            # "Israel's military said it had struck a Hamas militant position in the area" after the strike on
            # the camp: the striking side's account of the strike just told (the country is the speaker's)
            return True
    if _disperses(r, g):
        return True
    if _lead_retold(r, g):
        return True
    if (c.sub_event_type == "Peaceful protest" and _family(m.event_type) == "protest" and not r.own_date
            and not r.distinct and near and all(_CROWD_NOUN.fullmatch(h.text) for h in c.hits)
            and _locations_agree(_own_location(r), g.location, strict=False)):
        # "Thousands of protesters demanding the resignation of the election commission gathered near the
        # Paltan area" after the riot told with its day: the crowd of that riot, described, not a second protest
        return True
    if (c.sub_event_type == "Protest with intervention" and m.event_type in VIOLENT and near
            and not r.own_date and (not r.distinct or _only_later(r)) and not _CROWD.search(r.sent_text)
            and _locations_agree(_own_location(r), g.location, strict=False)):
        # "Soldiers arrived later and fired tear gas at villagers" after the settlers' raid on the
        # village: the force's response to the attack just told, no protest of its own
        return True
    if (c.sub_event_type in CONTESTED and not r.distinct
            and (m.sub_event_type in CONTESTED and near
                 or (m.sub_event_type == "Excessive force against protesters"
                     and r.sent - max(x.sent for x in g.readings) <= FOLLOW_UP_WINDOW + 1))
            and _same_day(r, g) and _inter1(r) != 1 and _retold(r)
            and (_locations_agree(r.location, g.location, strict=False) or _country_only(r.location, g.location))):
        # "'The convoy was attacked by a large number of terrorists,' one source said" after the
        # ambush; "The IDF said Palestinians had hurled rocks" after the killing in the village;
        # "A police spokesman said the officers had come under attack" after they fired on the crowd:
        # one side's account of the incident just told, not a second incident
        return True
    if not _dates_agree(r, g):
        return False
    if (c.reference or c.definite) and not r.distinct:
        # "the battle", "the offensive": refers back to the event just told
        # a generic word ("the gunbattle", "the attack") may name an event of another violent family
        generic = c.sub_event_type == "Armed clash" or any(h.rule.generic for h in c.hits if h.start == c.start)
        return same_type or same_family or (violent and generic and not r.own_date and near)
    a_r, a_g = _actor_names(r.roles), set().union(*(_actor_names(x.roles) for x in g.readings))
    if (c.event_type in VIOLENT and (m.event_type in VIOLENT or m.sub_event_type in PROTEST_FORCE)
            and not r.own_date and not r.distinct and near and _told_of(r)
            and (a_r & a_g or _locations_agree(_own_location(r), g.location, strict=False))):
        # "Both victims were shot in the back", "the gunmen waited on the hillside and opened fire":
        # the people of the event just told, and how it went
        return True
    if (c.event_type in VIOLENT and m.sub_event_type == "Excessive force against protesters"
            and not r.own_date and not r.distinct and near and _same_day(r, g)
            and _actor_name(r.roles.actor1) and _actor_name(r.roles.actor1) == _actor_name(g.main.roles.actor1)
            and (r.roles.actor2 is None or _COLLECTIVE.match(_actor_name(r.roles.actor2)))
            and _CROWD.search(r.sent_text) and _locations_agree(_own_location(r), g.location, strict=False)):
        # "Farmers gathered in Jurm to stop the team, and the forces started shooting" after the forces
        # fired on the protest: the same forces and the same crowd, the shooting just told
        return True
    if _named(a_r) and _named(a_g) and not (a_r & a_g):
        return False
    if (same_type and r.own_date and not r.distinct and a_r & a_g and _family(c.event_type) != "protest"
            and g.date[0] == r.date and _place_named(r, g)):
        # the same actor taking the same town on the same day, told again in a quote (not crowds:
        # "rallied in Batumi in support of the Tbilisi demonstrators" is another protest)
        return True
    protest = same_family and _family(m.event_type) == "protest"
    # "were abducted", not "the unsolved kidnapping" (a name for an event may be another event)
    # "The students said they were protesting against the reform": the progressive tells the act too
    verbal = any(not h.rule.nominal or h.text.lower().endswith("ed")
                 or (h.text.lower().endswith("ing") and _PROGRESSIVE.search(r.sent_text[:h.start]))
                 for h in c.hits)
    if (not same_type and not r.own_date and not r.distinct and near and verbal
            and ((violent and c.event_type in ("Violence against civilians", "Riots")) or protest
                 or (violent and a_r & a_g))
            and (a_r & a_g or protest or (not _named(a_r) and c.event_type in ("Violence against civilians", "Riots")))
            and _locations_agree(_own_location(r), g.location, strict=False)):
        # "The two men were stopped by villagers and assaulted with sticks" after the lynching;
        # "some residents were abducted" after the massacre; "Police fired tear gas to disperse
        # the crowd" after the riot; "The RSF stormed the village after shelling it" after the
        # RSF's attack on it: what happened during the event
        return True
    if (c.sub_event_type == "Non-violent transfer of territory" and not r.own_date and not r.distinct and near
            and m.sub_event_type in ("Government regains territory", "Non-state actor overtakes territory")
            and _locations_agree(r.location, g.location, strict=False)):
        # "The militants withdrew from the town before the troops arrived": how the town changed hands
        return True
    if (c.sub_event_type == "Disrupted weapons use" and not r.own_date and near and m.event_type in VIOLENT
            and not r.distinct and (a_r & a_g or _inter1(r) != 1)):
        # "The insurgents also seized weapons from the checkpoint", "the troops also recovered weapons":
        # what was taken in the fighting just told, not a seizure of its own
        return True
    if not same_type:
        # property destroyed in passing ("the attackers also torched houses") is part of the attack
        # (not "Hours later, the fighters torched five houses": a raid of its own)
        if (c.sub_event_type == "Looting/property destruction" and not r.own_date and not r.distinct
                and m.event_type in ACCOMPANIED and _locations_agree(_own_location(r), g.location, strict=False)):
            return True
        return False
    if r.distinct:
        return False
    if not r.own_date and r.location is None:
        return True
    if not r.own_date and near and _own_location(r) is None:
        # "Witnesses said one drone hit a row of houses" right after the strike: no day and no place
        # of its own (a place borrowed from another sentence says nothing of where it happened)
        return True
    # a day of its own keeps a place apart -- unless the event just told has no day: "Two rangers were
    # killed when a roadside bomb exploded in Narathiwat province. The bomb, hidden ... in Bacho
    # district, was detonated as they passed on Wednesday morning" tells where and when that bomb went off
    # (one account in the next sentence; not "On Monday officers charged farmers in Okara; on Tuesday
    # farmers near Sahiwal were teargassed" after a lead that sums up several days)
    undated = (g.date[0] is None and r.sole and r.sent == max(x.sent for x in g.readings) + 1
               and len(_DAY_WORD.findall(r.sent_text)) == 1 and not _FRESH_TELLING.match(r.sent_text))
    return _locations_agree(r.location, g.location, strict=r.own_date and not undated)


_DAY_WORD = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\b(?:yesterday|today)\b", re.I)
_BACK_PLACE = re.compile(r"\bin the (?:same |general )?(?:area|vicinity)\b|\bthere\b|\bat the (?:same )?(?:site|location|scene)\b",
                        re.I)
_PROGRESSIVE = re.compile(r"\b(?:was|were|are|is|been)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_CAP = re.compile(r"\b[A-Z][\w'’-]+")


def _names_before(r: Reading) -> list[str]:
    """Proper names right before the trigger ("the Koumbri ambush" -> ["Koumbri"])."""
    left = r.sent_text[max(0, r.cand.start - 40):r.cand.start].split()[-3:]
    return [w for w in _CAP.findall(" ".join(left)) if w not in ("The", "This", "That")]


def _recalled(r: Reading, groups: list[Group]) -> bool:
    """"The base was the target of Saturday's suicide car bombing, which killed several soldiers",
    told after Monday's shelling: a definite name for an event of another day, which the story
    recalls as context (it refers back, yet no event told before is it). ACLED codes it from the
    reports of its own day."""
    c = r.cand
    if not (c.definite and r.own_date and r.date and r.precision == 1) or not groups:
        return False
    dated = [g.date for g in groups if g.date[0] is not None and g.date[1] == 1
             and any(x.own_date and not x.cand.reference for x in g.readings)]
    return bool(dated) and all(d != r.date for d, _, _ in dated) and min(
        x.sent for g in groups for x in g.readings) < r.sent


def merge(readings: list[Reading]) -> list[Group]:
    """Group readings (in text order) into events."""
    groups: list[Group] = []
    per_sent: dict[int, int] = {}
    for r in readings:
        per_sent[r.sent] = per_sent.get(r.sent, 0) + 1
    for r in readings:
        r.sole = per_sent[r.sent] == 1
    for r in readings:
        target = None
        for g in reversed(groups):
            if _joins(r, g):
                target = g
                break
        if target is not None and (r.cand.claim or r.cand.date_statement):
            # "claimed the Koumbri ambush": the event whose sentences name Koumbri, if any
            names = _names_before(r)
            if names:
                named = [g for g in groups if _joins(r, g)
                         and any(n in x.sent_text for x in g.readings for n in names)]
                if named:
                    target = named[-1]
        if target is not None and r.cand.claim:
            # the toll in a claim is the claimed event's, which the sentences telling it count
            r.fatalities, r.fatalities_span, r.fatalities_victims = None, None, ""
        if target is not None:
            # the dispersal of a peaceful protest makes it a protest with intervention: it leads
            weapon = _weapon_of_the_attack(r, target)  # the bare "attack" takes the weapon's type
            lead = (target.main.cand.sub_event_type == "Peaceful protest" and _disperses(r, target)) or weapon
            if weapon and r.roles.actor2 is None and target.main.roles.actor2 is not None:
                # "Russian troops fired two missiles at the city centre": the victims are the attack's
                r.roles = dataclasses.replace(
                    r.roles, actor2=target.main.roles.actor2,
                    civilian_target=r.roles.civilian_target or target.main.roles.civilian_target)
            if lead:
                target.readings.insert(0, r)
            else:
                target.readings.append(r)
            # a stronger (non-reference) reading of lower precedence leads the group
            continue
        if r.cand.claim and not r.haul and (r.fatalities or (
                r.own_date and r.date_mention is not None and r.date_mention.start >= 0)):
            # "Islamic State Khorasan claimed the suicide bombing in Kabul on Thursday that killed 12
            # worshippers": no sentence before tells the event, so the claim is where the story tells
            # it, with its day or its toll -- the claimant carried it out
            r.cand = dataclasses.replace(r.cand, claim=False, reference=False)
            groups.append(Group([r]))
            continue
        if r.cand.reference or r.haul:
            continue  # a reaction or back-reference with nothing to join
        if _recalled(r, groups):
            continue
        groups.append(Group([r]))
    return groups


def _day_named_between(doc, after: int, before: int, day) -> bool:
    """Whether a sentence strictly between ``after`` and ``before`` names a day of its own other than
    ``day`` ("On Wednesday, mourners buried the officers"): the story has moved on to it."""
    if doc is None:
        return False
    from .dates import find_dates

    sents = doc.sentences
    for i in range(after + 1, before):
        if i >= len(sents) or sents[i].index != i:
            return True  # (sentences not indexed as read: do not reach)
        if any(d.usable and d.precision == 1 and not d.report_date and d.kind not in ("relative-event", "future")
               and d.date != day for d in find_dates(sents[i].text, doc.published)):
            return True
    return False


INHERIT_WINDOW = 1  # sentences back
SAME_DAY_WINDOW = 4  # sentences back for an event that says it happened "the same day"
SAME_DAY_REACH = 8  # ... or sentences back when those between tell no event (quotes, tolls, colour)


def inherit_dates(groups: list[Group], doc=None) -> None:
    """An event told without a date right after a dated one ("Gunmen attacked Kukawa on
    Sunday. They also abducted 20 women.") happened in the same breath: take its date. (``doc``,
    when given, lets "hours later" reach back past sentences telling no event only where none of
    them names another day.)"""
    for i, g in enumerate(groups):
        if any(r.own_date for r in g.readings) and (g.dating() or not g.main.same_day):
            continue
        first = min(r.sent for r in g.readings)
        # "In a separate attack the same day" names its anchor: the nearest event told before it,
        # even a few sentences back, whose date may itself be inherited
        same_day = any(r.same_day for r in g.readings)
        window = SAME_DAY_WINDOW if same_day else INHERIT_WINDOW
        for prev in reversed(groups[:i]):
            dated = prev.date[0] is not None if same_day else any(r.own_date and r.date for r in prev.readings)
            best = prev.date[2] if dated else None
            gaps = [first - r.sent for r in prev.readings if r.sent <= first]
            if same_day and gaps and min(gaps) > window and min(gaps) <= SAME_DAY_REACH:
                # "Hours later, a second group attacked ..." after a quote and a hospital's toll: the
                # sentences between that tell no event (speech, tolls, colour) do not move the story on
                # to another day; counted are those telling events
                near = first - min(gaps)
                if not _day_named_between(doc, near, first, best.date if best is not None else None):
                    # (not past "The minister flew in on Wednesday": "hours later" is counted from that day)
                    gaps = [1 + len({r.sent for h in groups for r in h.readings if near < r.sent < first})]
            if best is not None and gaps and min(gaps) <= window:
                g.inherited = best  # the date the previous event settled on ("happened on Saturday night")
                g.inherited_from = prev
                break
