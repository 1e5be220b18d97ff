"""Events stage: detection, typing, modality, dates, fatalities, merging, notes, confidence.

``run(doc, settings)`` fills ``doc.events``:

    sentences --may_hold_event--> detect (triggers, typing, modality)   .detect / .modality
              --> date, fatalities, attribution, roles, location        .dates / .fatalities
              --> merge sentences about one event                       .merge
              --> Event records (fields, notes, confidence, provenance) .notes / .confidence

The codebook knowledge lives in ``data/triggers.yaml``, ``data/events_modality.yaml`` and
``data/events_fatalities.yaml``. ``may_hold_event(text)`` is the cheap prefilter the nlp
stage may use to parse only sentences that can hold an event.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re

from ..models import Document, Event, Evidence, Location, Mention, Roles
from ..settings import Settings
from . import confidence as _confidence
from .dates import SAME_DAY, DateMention, choose, day_lead, event_step, find_dates
from .detect import Candidate, classify, detect_sentence
from .fatalities import combine, find_counts, sentence_fatalities, victim_class
from .lexicon import load_lexicon, may_hold_event
from .merge import Group, Reading, _actor_names, _family, _locations_agree, _named, inherit_dates, merge
from .modality import attribution, hedged, is_distinct
from .notes import make_notes

log = logging.getLogger(__name__)

__all__ = ["classify", "detect_sentence", "load_lexicon", "may_hold_event", "run"]

LEAD_SENTENCES = 1  # a day-dated old event told in the first sentences is what the story is about
HISTORY_DAYS = 365  # events dated more than this before publication are history: dropped
# unless dated to the day (then kept with lower confidence)
BACKGROUND_DAYS = 21  # "In May, clashes ... left dozens dead" in an August story: a month (or
# month and year) named for an event weeks before publication is background

# Generic actors used when the actors stage names nobody (ACLED: "Protesters (Country)").
_DEFAULT_ACTOR1 = {"Protests": ("Protesters", 6), "Riots": ("Rioters", 5)}
_VAC = "Violence against civilians"
_NO_TOLL = ("Peaceful protest", "Protest with intervention")  # ACLED: deaths make it excessive force


# --------------------------------------------------------------------------- contracts
def _assign_roles(doc: Document, r: Reading, settings: Settings, locate=None) -> Roles:
    try:
        from ..actors import assign_roles
    except ImportError:  # pragma: no cover
        return Roles()
    try:
        roles = assign_roles(doc, r.sent, r.clean_start, r.clean_end, r.cand.event_type,
                             r.cand.sub_event_type, settings, locate=locate)
    except Exception as exc:  # a roles bug must not lose the event
        log.warning("assign_roles failed on %s: %s", doc.id, exc)
        return Roles()
    return roles if isinstance(roles, Roles) else Roles()


def _locate(doc: Document, r: Reading, settings: Settings) -> Location | None:
    try:
        from ..places import locate_event
    except ImportError:  # pragma: no cover
        return None
    try:
        loc = locate_event(doc, r.sent, r.clean_start, r.clean_end, settings)
    except Exception as exc:
        log.warning("locate_event failed on %s: %s", doc.id, exc)
        return None
    return loc if isinstance(loc, Location) else None


def _roles_and_location(doc: Document, r: Reading, settings: Settings) -> tuple[Roles, Location | None]:
    """Who did it and where; the roles may ask where too: the event is located once."""
    located: list[Location | None] = []

    def locate() -> Location | None:
        if not located:
            located.append(_locate(doc, r, settings))
        return located[0]

    return _assign_roles(doc, r, settings, locate), locate()


def _interaction(i1: int, i2: int) -> int:
    try:
        from ..actors import interaction_code

        return int(interaction_code(i1, i2))
    except (ImportError, AttributeError, TypeError, ValueError):
        a, b = sorted((i1 or 0, i2 or 0))
        return a * 10 + b if a else b * 10


def _feature_country(doc: Document, loc: Location):
    """A feature spanning countries (data/places_features.csv: "the Jordan Valley", "W National Park", "the Mandara
    Mountains") has no country of its own; the event takes the country the article places it in: a town or
    division named within 400 km of it, else a country (or its demonym) the article names -- the one in the
    event's sentence, else the nearest before or after. The place is copied, never changed in place."""
    import dataclasses

    from ..places.gazetteer import distance_km

    p = loc.place
    m = loc.mention
    if p.latitude is None or p.longitude is None:
        return p
    at = m.start if m is not None else 0
    sent = m.sent if m is not None else -1
    best = None
    for x in doc.mentions:
        v = x.value
        if x.kind != "place" or x is m or not isinstance(v, type(p)) or not v.country_code:
            continue
        if not v.feature_code.startswith("PCL"):
            if v.latitude is None or distance_km(p.latitude, p.longitude, v.latitude, v.longitude) > 400:
                continue
        key = (x.sent != sent or sent < 0, abs(x.start - at))
        if best is None or key < best[0]:
            best = (key, v)
    if best is None:
        return p
    v = best[1]
    return dataclasses.replace(p, country_code=v.country_code, country=v.country)


def _country_info(code: str) -> dict:
    """Country name, ISO numeric, ISO3 and ACLED region for an ISO alpha-2 code."""
    if not code:
        return {}
    try:
        from ..places import country_info

        info = country_info(code)
        if info:
            if isinstance(info, dict):
                return info
            return {k: getattr(info, k, None) for k in ("name", "iso_numeric", "iso3", "region")}
    except (ImportError, AttributeError, TypeError):
        pass
    try:
        import pycountry

        c = pycountry.countries.get(alpha_2=code.upper())
        if c:
            return {"name": getattr(c, "common_name", None) or c.name, "iso_numeric": int(c.numeric), "iso3": c.alpha_3}
    except (ImportError, KeyError, LookupError):
        pass
    return {}


# --------------------------------------------------------------------------- reading
# a clause of its own, opened after the trigger, in the past perfect: "..., saying party members had
# beaten students there", "..., who had fled the town" (not "exiles had rallied on Friday": the
# sentence's own verb)
_PLUPERFECT = re.compile(r"(?i)\b(?:saying|said|says|claiming|claimed|alleging|accusing|who|which|that|because)\b"
                         r"[^.;]*?\b(?:had|having)\s+(?:(?:already|previously|earlier|also|been)\s+)*"
                         r"(?:[a-z]+ed|[a-z]+en|beat|shot|fought|hit)\b")


# a new clause after the year that opens a sentence, with a day of its own: "In 2024 the group seized the
# town, but on Tuesday the army retook it", "Last year's election was disputed, and on Monday police ..."
_CLAUSE_BREAK = re.compile(r";|,\s*(?:and|but|yet|while|whereas)\b|\bbut\b", re.I)


_CLAUSE_OR_RELATIVE = re.compile(_CLAUSE_BREAK.pattern + r"|,\s*(?:which|where|when|who|whom|whose)\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# the words that may stand before a date that opens a sentence ("Back in March, ...", "Then, in May ...")
_OPENS = re.compile(r"\W*(?:\w+\W+){0,2}")


def _this_year(cue: str, doc: Document) -> bool:
    """Does the year a ``year_named`` cue names ("the 2025 Pride") fall in the story's own year (or later)?"""
    m = _YEAR.search(cue or "")
    return m is not None and int(m.group(0)) >= doc.published.year


def _read_sentence(doc: Document, sent, lex, first: bool = False) -> list[Reading]:
    text = sent.text
    dates = all_dates = find_dates(text, doc.published)
    day_dates = [d for d in dates if d.usable and d.kind != "relative-event"]
    # the day an event happened (not "said on Tuesday") keeps one told beside "this spring"
    has_day = any(d.precision == 1 and not d.report_date for d in day_dates)
    rejected: list = []
    cands = detect_sentence(text, has_date=bool(day_dates), lex=lex, has_day=has_day, keep_rejected=rejected)
    if doc.published and any(h.verdict.rule == "year_named" and _this_year(h.verdict.cue, doc) for h in rejected):
        # "joined the 2025 Pride march on Saturday" in a 2025 story: this year's event, named by its
        # year, is today's news (the year only marks an episode of a year gone by): read without it
        masked = _YEAR.sub(lambda m: " " * len(m.group(0)) if int(m.group(0)) >= doc.published.year else m.group(0), text)
        cands = detect_sentence(masked, has_date=bool(day_dates), lex=lex, has_day=has_day)
    out = []
    src = attribution(text, lex) if cands else ""
    for c in cands:
        if c.reference and not c.claim and _toll_of(text, c):
            c.reference = False  # "The toll from Sunday's attack in Djibo has climbed to 50": a report of it
        # "threw stones at the party office, saying party members had beaten students there a week
        # earlier": a day told in a past-perfect clause after the trigger dates that clause, not the event
        dates = [d for d in all_dates if not (d.start > c.end and _PLUPERFECT.search(text, c.end, d.start))]
        block_dates = [d for d in dates if c.block_start <= d.start < c.block_end]
        if any(d.kind == "future" for d in block_dates) and not any(d.usable for d in block_dates):
            continue  # "by next week", "tomorrow": planned
        dm = choose(block_dates, c.start) or choose(dates, c.start)
        if dm is not None and dm.kind == "weekday" and not dm.report_date:
            # "Back in May, bandits stormed a church on a Sunday morning": a month weeks before the
            # story that opens the sentence dates all of it (the weekday is one of that month, not of
            # this week), as the year that opens one does below
            month = next((d for d in dates if d.kind in ("month", "monthyear") and _OPENS.fullmatch(text[:d.start])
                          and d.end <= c.start and _background_month(d, doc)), None)
            # (not the day of a relative clause telling the news: "In April the army withdrew from Boni,
            # which jihadists overran on Wednesday"; "on a Sunday" is one of that month's all the same)
            brk = _CLAUSE_BREAK if re.search(r"\ba\s+$", text[:dm.start]) else _CLAUSE_OR_RELATIVE
            if month is not None and not (dm.start > month.end
                                          and brk.search(text, month.end, max(month.end, min(dm.start, c.start)))):
                dm = month
        if any(d.kind == "year" for d in block_dates) and (dm is None or dm.report_date):
            # "in 2015": history, not news; "killed 2,000 civilians last year, the agency said on
            # Tuesday": a year's toll, told today
            continue
        opener = next((d for d in dates if d.kind == "year" and d.start <= 4 and d.end <= c.start), None)
        if opener is None and (dm is None or dm.report_date):
            # "In one of the worst incidents, earlier this year, ...": a year right after the cited-case
            # opener opens the sentence as well (not "In one of the worst attacks this year, ... on Sunday")
            opener = next((d for d in dates if d.kind == "year" and d.end <= c.start
                           and lex.cues["exemplar"].search(text, 0, d.start)), None)
        if (opener is not None
                and (dm is None or dm.report_date or dm.kind in ("weekday", "relative"))
                and not (dm is not None and not dm.report_date and dm.start > opener.end
                         and _CLAUSE_BREAK.search(text, opener.end, min(dm.start, c.start)))):
            # "Last year, an attack on a church in the province killed 15 worshippers during Sunday
            # mass": the year that opens the sentence dates all of it (a weekday in it names no
            # day of this week)
            continue
        historical = bool(dm and doc.published and dm.date and (doc.published - dm.date).days > HISTORY_DAYS)
        if historical and (dm.precision > 1 or not (first and sent.index <= LEAD_SENTENCES)):
            # "in March 2015", "On July 7, 1990, police crushed a rally" further down a story: history
            # told in passing, even by its calendar day and in a story with no news of its own (a
            # preview, a trial); a story that opens with it ("Fighters stormed Marawi on 23 May 2017,
            # the army said in a report published on Friday") is about it
            continue
        r = Reading(cand=c, sent=sent.index, sent_start=sent.start, sent_text=text)
        r.background = _background_month(dm, doc)  # "In May, clashes ..." in an August story
        if r.background and lex.cues["exemplar"].search(text):
            continue  # "In one of the deadliest attacks, in August 2024, ...": cited, not told
        steps = [d for d in dates if event_step(d) and (d in block_dates or d.end <= c.start)]
        if dm is not None and not dm.report_date and not any(d.end <= c.start < dm.start for d in steps):
            # a day of the sentence's own dates the event ("The next day, on 21 January" is resolved by
            # find_dates); only one that opens the sentence before the trigger outranks a later day
            # ("The following day, helicopters struck ..., the ministry said in a communique on Saturday")
            steps = []
        if steps:
            # "The following day, police arrested ...", "The following day, army helicopters struck ...,
            # the ministry said on Saturday": a day counted from the event told before (_day_after)
            r.day_step = event_step(steps[0])
        if dm is not None:
            r.date, r.precision, r.date_mention, r.own_date = dm.date, dm.precision, dm, True
        else:
            # "the same day" in the sentence, or in a sentence before it that leads on to it ("But the day
            # ended in bloodshed elsewhere in the city. At Kofar Nassarawa, youths ...")
            prev = doc.sentences[sent.index - 1] if 0 < sent.index <= len(doc.sentences) else None
            r.same_day = bool(SAME_DAY.search(text)) or (
                prev is not None and prev.index == sent.index - 1 and day_lead(prev.text, doc.published))
            setting = _setting_day(doc, sent) if first and not r.same_day else None
            if setting is not None:
                r.date, r.precision, r.date_mention, r.own_date = setting.date, setting.precision, setting, True
        # a back-reference ("in response to the killing of one of its commanders") tells no toll
        # and a protest that stayed peaceful, or was only dispersed, killed nobody: a toll beside it
        # belongs to the event that describes the crowd ("mothers of men killed in raids marched")
        # (a claim of responsibility keeps its toll for when no event told elsewhere is the one claimed:
        # "IS claimed the bombing in Kabul on Thursday that killed 12 worshippers")
        fat = None if (c.reference and not c.claim) or c.sub_event_type in _NO_TOLL else sentence_fatalities(
            text[c.block_start:c.block_end])
        if fat is not None:
            r.fatalities = fat.value
            a = sent.start + c.block_start + fat.start
            r.fatalities_span = (a, sent.start + c.block_start + fat.end)
            stretch = text[c.block_start:c.block_end]
            r.fatalities_victims = victim_class(fat.text, stretch[fat.end:fat.end + 40])
            r.fatalities_vague = fat.kind == "plural" or bool(_VAGUE.search(fat.text))
        r.attribution = src
        r.historical = historical
        r.hedged = hedged(text, lex)
        r.distinct = not c.definite and (is_distinct(text[: c.start], lex)
                                         or is_distinct(_LATER_STEP.sub(" ", text[c.block_start:c.block_end]), lex))
        if c.definite and not r.distinct and lex.cues["separate_event"].search(text[: c.start]):
            # "In a separate incident in Bannu, the attack killed two soldiers": opened as another
            # incident, the definite word names that one, not the event just told
            r.distinct = True
        out.append(r)
    return out


# "had been detained and later released": a later step of the same act, not another event
_LATER_STEP = re.compile(r"(?i)\b(?:and|but|were|was|had been)\s+later\s+(?:released|freed|let go|charged|transferred|"
                         r"taken|handed over|died|succumbed)")


SETTING_DAYS = BACKGROUND_DAYS  # a scene-setting day lies in the weeks before the story; one longer ago is background


def _setting_day(doc: Document, sent) -> DateMention | None:
    """The day of the sentence that sets the scene of the story's first event: "Teachers in Kiambu
    were back on the streets on Tuesday, a day after a similar demonstration. Police broke up their
    gathering with teargas." -- the sentence right before, which tells no event (the caller reads
    the story's first event: ``first``), names one day of the weeks before the story (SETTING_DAYS), not the day of a statement. Its date mention, with
    offsets relative to ``sent`` (negative: it lies before)."""
    if sent.index < 1 or sent.index > len(doc.sentences):
        return None
    prev = doc.sentences[sent.index - 1]
    if prev.index != sent.index - 1:
        return None
    days = [d for d in find_dates(prev.text, doc.published)
            if d.usable and d.precision == 1 and not d.report_date and d.kind != "relative-event"]
    if len({d.date for d in days}) != 1:
        return None
    d = days[0]
    if doc.published is not None and not 0 <= (doc.published - d.date).days <= SETTING_DAYS:
        return None  # "The president was sworn in on 12 March 2023.": another happening's day, not the scene's
    shift = prev.start - sent.start
    return DateMention(start=d.start + shift, end=d.end + shift, text=d.text, date=d.date,
                       precision=d.precision, kind=d.kind, report_date=False)


_DAY_OF = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday|last (?:night|week)|(?:the )?weekend)(?:'s|’s)"
_TOLL_OF = re.compile(
    r"(?i)\b(?:death toll|toll|number of (?:the )?(?:dead|people killed|victims|deaths)|casualty figure)\s+"
    rf"(?:from|of|in)\s+(?:the\s+)?{_DAY_OF}\s+(?:[\w-]+\s+){{0,3}}?$")


def _toll_of(text: str, c: Candidate) -> bool:
    """"The death toll from Monday's car bomb in Hodan has risen to 12", told with nothing
    before it to join: the report of that event (its day from "Monday's", its place, its toll),
    not a back-reference to drop."""
    if not _TOLL_OF.search(text[max(0, c.start - 90):c.start]):
        return False
    fat = sentence_fatalities(text[c.block_start:c.block_end])
    return fat is not None and fat.value > 0


def _seizure(r: Reading, lex) -> bool:
    """A find or seizure of weapons ("Police later recovered two more IEDs"), not weapons use
    that was stopped (a bomb defused, a drone intercepted)."""
    c = r.cand
    if c.sub_event_type != "Disrupted weapons use":
        return False
    block = r.sent_text[c.block_start:c.block_end]
    return bool(lex.cues["seizure"].search(block)) and not lex.cues["stopped_use"].search(block)


def _drop_seizures(readings: list[Reading], lex, doc: Document) -> list[Reading]:
    """Weapons found with no day of their own in a story of violence were found in that operation
    (ACLED codes the clash or the blast, not the haul): they only join it as evidence (``haul``);
    weapons found in a story of a drug haul are ordinary crime. A seizure dated on its own day
    ("On Tuesday, soldiers seized a cache") stays a Disrupted weapons use."""
    if not any(_seizure(r, lex) for r in readings):
        return readings
    violent = any(not r.cand.reference and lex.types[r.cand.sub_event_type].event_type != "Strategic developments"
                  for r in readings)
    seizure, haul = lex.cues["seizure"], lex.cues["drug_haul"]
    if any(seizure.search(s.text) and haul.search(s.text) for s in doc.sentences):
        return [r for r in readings if not _seizure(r, lex)]
    for r in readings:
        r.haul = violent and not r.own_date and _seizure(r, lex)
    return readings


_LAST_YEAR = re.compile(r"(?i)(?:last|the previous|the past) year|a year (?:ago|earlier|before)")


def _old_sentence(doc: Document, index: int) -> bool:
    """Is sentence ``index`` dated only to an episode weeks or years before the story ("In one of the
    worst incidents, in May, ...", "On 8 January 2024, ...", "Last year, ...")?"""
    if not 0 <= index < len(doc.sentences) or doc.published is None:
        return False
    dates = [d for d in find_dates(doc.sentences[index].text, doc.published) if not d.report_date]
    if not dates:
        return False
    for d in dates:
        if d.kind == "year" and d.date is None and d.start <= 4:
            continue  # "Last year, ...", "Earlier this year, ..." opening it
        if d.kind == "year" and d.date is None and _LAST_YEAR.fullmatch(d.text):
            continue  # "in July last year", "whose homes were raided in May last year": a year back
        if d.date is None or d.kind not in ("explicit", "month", "monthyear", "year"):
            return False
        if (doc.published - d.date).days <= BACKGROUND_DAYS:
            return False
    return True


def _background_follow_on(readings: list[Reading], doc: Document) -> None:
    """"In one of the worst incidents, in May, fighters stormed a base in Marte. The army later said
    it had recaptured the town.": a sentence with no day of its own right after a sentence dated to
    an old episode goes on telling that episode, not the news."""
    for r in readings:
        if (not r.own_date and not r.same_day and not r.day_step and not r.cand.reference
                and r.sent > 0 and _old_sentence(doc, r.sent - 1)):
            r.background = True


def _drop_background(readings: list[Reading]) -> list[Reading]:
    """Background episodes go when the story tells news of its own; a story that tells nothing
    else (a feature on an attack months ago) is about them, so they stay."""
    news = [r for r in readings if not r.background and not r.cand.reference]
    if not news:
        return readings
    if any(r.own_date and r.date is not None for r in news):
        return [r for r in readings if not r.background]
    # news told without a day of its own does not make a report on an old killing ("On 12 March 2019,
    # the activist was shot dead ...") background: only the episodes recalled by their month go
    return [r for r in readings if not (r.background and r.precision == 3 and r.own_date)]


_LAST_WEEK = re.compile(
    r"(?:last|the previous|the preceding) (?:week|month)\b"
    r"|(?:a|one|two|three|four|five|six|several|a few|a couple of|\d+) (?:weeks?|months?) (?:ago|earlier|before)",
    re.IGNORECASE)


def _day_after(readings: list[Reading], doc: Document) -> None:
    """"Police fired tear gas on Monday ... The following day, police arrested the senator at his home":
    a day told relative to the event before it is that event's day plus the step (ACLED: one day per
    event), not undated nor the day the statement was made. The anchor is the nearest reading
    before it dated to the day by a day of its own (not "said on Monday")."""
    for i, r in enumerate(readings):
        if not r.day_step:
            continue
        anchor = next((x for x in reversed(readings[:i]) if x.sent < r.sent and x.own_date and x.date
                       and x.precision == 1 and not x.background and not x.cand.reference
                       and (x.date_mention is None or not x.date_mention.report_date)), None)
        day = anchor.date if anchor is not None else None
        if anchor is None and not any(x.sent < r.sent for x in readings[:i]):
            # "Odinga said on Monday he would lead a march. The following day, police fired tear gas
            # at his supporters": no event told before, the day is counted from the one day of the
            # sentence before (a statement or a happening that is no event)
            day = _prev_sentence_day(doc, r.sent)
        if day is None:
            continue  # undated, or dated by the statement as before
        rel = next(d for d in find_dates(r.sent_text, doc.published) if event_step(d) == r.day_step)
        r.date = day + dt.timedelta(days=r.day_step)
        r.precision, r.own_date, r.same_day = 1, True, False
        r.date_mention = DateMention(rel.start, rel.end, rel.text, r.date, 1, "relative", False)


def _prev_sentence_day(doc: Document, index: int) -> dt.date | None:
    """The one day (a statement's too) the sentence before ``index`` names, within the weeks before the story."""
    prev = next((s for s in doc.sentences if s.index == index - 1), None)
    if prev is None:
        return None
    days = {d.date for d in find_dates(prev.text, doc.published)
            if d.usable and d.precision == 1 and d.date and d.kind not in ("relative-event", "future")}
    if len(days) != 1:
        return None
    day = next(iter(days))
    if doc.published is not None and not 0 <= (doc.published - day).days <= SETTING_DAYS:
        return None
    return day


def _recalled_weeks(readings: list[Reading]) -> None:
    """"Last week, a strike on a motorcycle killed one man", "most residents had fled when the
    rebels seized the town two weeks ago" told after the news of the day: an earlier episode
    recalled as context (ACLED codes it from the reports of its own week), like a month named in
    ``_background_month``; ``_drop_background`` then drops it."""
    for r in readings:
        dm = r.date_mention
        if dm is None or dm.precision not in (2, 3) or not _LAST_WEEK.match(dm.text):
            continue
        if any(x.sent < r.sent and x.own_date and x.precision == 1 and x.date and r.date and x.date > r.date
               and not x.cand.reference for x in readings):
            r.background = True


def _background_month(dm: DateMention | None, doc: Document) -> bool:
    """A date known only to the month, weeks before publication.

    Outlets recall earlier episodes by month ("In May, ...", "in August 2024"); ACLED codes
    them from the reports of the time, not from today's story (``_drop_background`` keeps them
    when the story tells nothing newer: then it is about them)."""
    if dm is None or dm.date is None or doc.published is None:
        return False
    if dm.precision == 1:
        # a day named by its date ("On 8 January", "on 28 July 2024") weeks before the story: an
        # earlier episode recalled, not the news (a weekday or "yesterday" is always recent)
        return dm.kind == "explicit" and (doc.published - dm.date).days > BACKGROUND_DAYS
    if dm.precision < 3:
        return False
    if dm.kind not in ("month", "monthyear"):
        return False  # "last month", "in recent weeks": spans told as news
    return (doc.published - dm.date).days > BACKGROUND_DAYS


_CROWD_FORCE = ("Protest with intervention", "Excessive force against protesters")
_ARMED = ("Battles", "Violence against civilians", "Explosions/Remote violence")
# a sentence that moves the story on, or sets another incident apart: not the lead retold
_MOVES_ON = re.compile(r"(?i)\b(?:later|afterwards?|then|subsequently|also|separately|another|second|meanwhile|"
                       r"elsewhere|again|previous(?:ly)?|earlier|since|last|ago|this year|in 20\d\d)\b")


def _day_of_its_own(g: Group) -> bool:
    # (a back-reference, "an investigation into Tuesday's bombing", names the day of the event told before)
    return any(r.own_date and r.date is not None and not r.cand.reference
               and not (r.date_mention is not None and r.date_mention.report_date) for r in g.readings)


def _inters(g: Group) -> set[int]:
    r = g.main
    return {int(getattr(getattr(m, "value", None), "inter", 0) or 0) for m in (r.roles.actor1, r.roles.actor2)
            if m is not None} - {0}


_HAD = re.compile(r"(?i)\bhad\s+(?:\w+ly\s+)?(?:been\s+)?(?:\S+\s+){0,1}$")


def _pluperfect(g: Group) -> bool:
    """"the officials had been \"arrested\"", "said that twelve people had been killed": told in the past
    perfect, an account of something that happened before it was told, not a new act of the story."""
    return _pluperfect_reading(g.main)


def _pluperfect_reading(r: Reading) -> bool:
    return bool(_HAD.search(r.sent_text[:r.cand.start].replace('"', "").replace("“", "")))


def _own_place(g: Group) -> Location | None:
    """The place named in the group's own sentences (a place borrowed from elsewhere in the article,
    such as a speaker's city, says nothing about where it happened)."""
    own = [r.location for r in g.readings if r.location is not None
           and (r.location.mention is None or r.location.mention.sent in (-1, r.sent))]
    return min(own, key=lambda loc: loc.geo_precision) if own else None


_ACCOUNT = re.compile(r"(?i)\b(?:said|says|told|claimed|alleged|insisted|maintained|according to)\b")
_OWN_CROWD = re.compile(r"(?i)\b(?:protesting|demonstrating|demanding|angry (?:over|at|about|with)|opposed to|"
                        r"separately|elsewhere|meanwhile|another|in a separate)\b")


def _retells(g: Group, lead: Group) -> bool:
    """Is ``g``, told later without a day of its own, the event of ``lead`` told again?"""
    a, b = g.main.cand.event_type, lead.main.cand.event_type
    if not (_family(a) == _family(b) or (a in _ARMED and b in _ARMED) or _pluperfect(g)
            # "They beat old women with sticks": the force used on the lead's crowd, told as an attack
            or (a == "Violence against civilians" and lead.main.cand.sub_event_type in _CROWD_FORCE)):
        return False
    if a == "Battles" and b == "Violence against civilians":
        return False  # "the attackers fought for hours with armed herders": the victims fought back, a clash
    if (a == "Riots" and b == "Protests" and not _ACCOUNT.search(g.main.sent_text[:g.main.cand.start])
            # (but "Police fired tear gas to disperse protesters ... Some blocked the main roads with burning
            # tyres": told in the next sentences after a protest the police broke up, the same crowd)
            and not (lead.main.cand.sub_event_type in _CROWD_FORCE and g.main.sent - lead.main.sent <= 2
                     # (not "Traders protesting against new taxes then blocked roads", "Elsewhere, youths
                     # burned tyres": a crowd with a grievance of its own, or set apart)
                     and not _OWN_CROWD.search(g.main.sent_text[:g.main.cand.end]))):
        # youths burning a police post after a peaceful march: the day turned, another event (but "a
        # police spokesman said officers acted after protesters threw stones": the police's account of it)
        return False
    day = lead.date[0]
    if day is None or not _day_of_its_own(lead) or (g.date[0] is not None and g.date[0] < day):
        return False
    loc, lloc = _own_place(g), lead.location
    if (loc is not None and lloc is not None and not _locations_agree(loc, lloc, strict=False)
            # (a sentence naming no town, or only a region or a word read as one: not another place)
            and not (loc.geo_precision == 3 and loc.place.country in ("", lloc.place.country))):
        return False
    # no other actors (the army's air raid after the rebels' abduction is another event): the same
    # names, or the same kinds of actor under other names ("the General Security service" for the army)
    names, lnames = _named(_actor_names(g.main.roles)), _named(_actor_names(lead.main.roles))
    if not (names and lnames and not names <= lnames) or _inters(g) <= _inters(lead):
        return True
    # a claim or the other side's version, told in the past perfect with only the day it was said
    # ("JNIM said on Friday it had killed dozens of soldiers", "the rebels said the police had killed
    # unarmed villagers"): it names the perpetrator or the victims its own way; told of the same kind
    # with one side in common with the lead is enough (for the same kind of violence only)
    return (_pluperfect(g) and _report_only(g) and (_family(a) == _family(b) or (a in _ARMED and b in _ARMED))
            and bool(names & lnames or _inters(g) & _inters(lead) - {3, 7}))


def _report_only(g: Group) -> bool:
    """Every dated reading of ``g`` carries only the day someone spoke ("said on Friday")."""
    dated = [r for r in g.readings if r.date_mention is not None]
    return all(r.date_mention.report_date for r in dated)


def _drop_retold(groups: list[Group]) -> list[Group]:
    """A later paragraph telling the lead's event again, with another verb, a quote or the other
    side's version ("A fighter jet dropped two bombs on the village ..., the rebels said in a
    statement on Tuesday", "Witnesses described a powerful blast", "A police spokesman said officers
    acted after protesters threw stones"): no day of its own (only the day someone spoke), the same
    place or none more precise, the same kind of violence and no other actors. It is the lead's
    event, not a new one (its sentences join the lead's evidence); a sentence that moves on ("later", "also", "another", "earlier") keeps its
    own event."""
    out: list[Group] = []
    for g in groups:
        lead = None
        if (not _day_of_its_own(g)
                and not any(r.distinct or r.same_day or r.day_step for r in g.readings)
                # a back-reference in its own sentence ("the attack") sets it apart; one from a later
                # paragraph that merged into it ("JNIM also claimed that attack") does not
                and not any(r.cand.reference for r in g.readings if r.sent == g.main.sent)
                and not any(_MOVES_ON.search(r.sent_text[:r.cand.start]) for r in g.readings if r.sent == g.main.sent)):
            lead = next((x for x in out if x.main.sent < g.main.sent and g.inherited_from in (None, x)
                         and _retells(g, x)), None)
        if lead is not None:
            own = [x for x in lead.readings if x.fatalities]
            classes = {x.fatalities_victims for x in own}
            for r in g.readings:  # its sentences join the lead's evidence; the lead keeps its own toll
                # unless the lead tells none ("The gunmen stormed the village late on Thursday. 'Eleven
                # people were confirmed dead,' he said") or the retold sentence counts the other side's
                # dead ("He said four of the attackers were also killed" after "killing seven soldiers")
                if own and not (r.fatalities_victims and "" not in classes and r.fatalities_victims not in classes
                                and not r.fatalities_vague):
                    r.fatalities, r.fatalities_span = None, None
                lead.readings.append(r)
            continue
        out.append(g)
    return out


UNDATED_LEAD = 2  # sentences that open a story: its news is told there


# the past perfect of an account given by someone ("Their lawyers said the activists had been beaten"),
# not the narrative past perfect of a feature ("Gunmen had stormed the village before dawn")
_TOLD_BY = re.compile(r"(?i)\b(?:said|says|told|added|alleged|claimed|reported|stated|testified|recalled|"
                      r"accused|according\s+to)\b")


def _told_aside(r: Reading) -> bool:
    if r.background:
        return True
    head = r.sent_text[:r.cand.start]
    had = [m.start() for m in re.finditer(r"(?i)\bhad\b", head)]
    return _pluperfect_reading(r) and bool(had) and bool(_TOLD_BY.search(head, 0, had[-1]))


def _drop_undated_asides(groups: list[Group], doc: Document | None = None) -> list[Group]:
    """A story whose opening sentences tell no event, and which never tells a day for any it tells
    further down (a verdict, a briefing, a hearing: "Their lawyers said the activists had been beaten
    in the cells", "The envoy said an opposition politician had been detained"), is news of something
    else: the acts it recalls in the past perfect happened before it, and ACLED codes them from the reports
    of their own day."""
    if not groups or any(g.date[0] is not None for g in groups):
        return groups
    if any(min(r.sent for r in g.readings) < UNDATED_LEAD for g in groups):
        return groups  # the story opens with its event (told without a day): it is the news
    if doc is not None and not any(d.usable and d.precision == 1 for sent in doc.sentences
                                   for d in find_dates(sent.text, doc.published)):
        return groups  # a feature naming no day at all (not a briefing or hearing of its own day): its event
    # told in the past perfect by someone the story quotes: before the story's own time (a feature or
    # a release telling its event further down in the simple past, or in the narrative past perfect of
    # a feature -- "Gunmen had stormed the village before dawn" --, is about it)
    return [g for g in groups if not all(_told_aside(r) for r in g.readings)]


_UNDATED_KEPT = ("Disrupted weapons use", "Arrests", "Looting/property destruction")


def _drop_undated_developments(groups: list[Group], lex) -> list[Group]:
    """"Some factions have pledged allegiance to the Islamic State group", told without a day
    in a story of dated news and far from it: the state of a group, background (ACLED codes a
    change of allegiance from the report of its day). Weapons found, arrests and property
    destroyed in the operation told stay: they happen in the same breath."""
    dated = [g for g in groups if g.date[0] is not None
             and lex.types[g.main.cand.sub_event_type].event_type != "Strategic developments"]
    if not dated:
        return groups
    return [g for g in groups
            if not (g.date[0] is None and g.main.cand.sub_event_type not in _UNDATED_KEPT
                    and lex.types[g.main.cand.sub_event_type].event_type == "Strategic developments")]


def _drop_context_agreements(groups: list[Group], lex) -> list[Group]:
    """"The shelling came as a ceasefire took effect in Gaza": an agreement named as the moment of
    the story's event (after "came as", "amid") is its context, often far away, not an agreement the
    story reports. Dropped after merging, so its sentence still tells nothing new."""
    rx = lex.cues["context_agreement"]

    def context(r) -> bool:
        # the agreement the phrase names is the trigger itself (not "the talks, which came amid a
        # truce, ended when the two sides signed a peace agreement": a deal of its own, told after)
        return any(m.end() > r.cand.start for m in rx.finditer(r.sent_text[:r.cand.end]))

    return [g for g in groups
            if not (g.main.cand.sub_event_type == "Agreement"
                    and all(context(r) for r in g.readings if r.cand.sub_event_type == "Agreement"))]


# --------------------------------------------------------------------------- building
def _unidentified(m: Mention) -> bool:
    name = getattr(m.value, "name", "") or m.text
    return not name or name.startswith("Unidentified")


# a bare word for the fighters of an armed movement: "suspected rebels set fire to two trucks",
# "insurgents entered the town" (not "gunmen", "attackers", "armed men": anyone's)
_MOVEMENT_NOUN = re.compile(r"(?i)(?:(?:suspected|communist|maoist|islamist|separatist)\s+)?"
                            r"(?:rebels?|insurgents?|guerrillas?|jihadists?|separatists?)")


def _story_group(doc: Document, m: Mention | None) -> Mention | None:
    """The armed movement a bare "rebels" / "insurgents" stands for: the one named rebel group
    of that country the article names before it ("about 20 New People's Army guerrillas had been
    waiting ... Late on Sunday, suspected rebels also set fire to two dump trucks"). None when the
    word is named already, the article names no such group, or more than one."""
    if m is None or not _unidentified(m) or not m.meta.get("generic") or not _MOVEMENT_NOUN.fullmatch(m.text.strip()):
        return None
    cc = getattr(m.value, "country", "")
    named: dict[str, Mention] = {}
    for x in doc.mentions:
        if (x.kind != "actor" or x.start >= m.start or x.meta.get("generic") or _unidentified(x)
                or int(getattr(x.value, "inter", 0) or 0) != 2):  # (not a militia: "VDP volunteers")
            continue
        xcc = getattr(x.value, "country", "")
        if cc and xcc and xcc != cc:
            continue
        named.setdefault(x.value.name, x)
    if len(named) != 1:
        return None
    x = next(iter(named.values()))
    return Mention(start=m.start, end=m.end, text=m.text, kind="actor", value=x.value, sent=m.sent,
                   why=f"{m.text!r}: the fighters of {x.text!r}, the one armed movement the article names",
                   score=0.5, meta=dict(x.meta, anaphora=True))


def _mention_evidence(doc: Document, m: Mention | None) -> Evidence | None:
    if m is None or m.end <= m.start:
        return None
    return doc.evidence(m.start, m.end)


# entry words of an armed clash trigger that tell one side going in, not two sides fighting
_ONE_SIDED_ENTRY = re.compile(r"(?i)(?:invad(?:ed|ing)|invasions?|incursions?)")


def _retype(g: Group, roles: Roles, lex) -> str:
    """Let the actors stage's roles correct Attack vs Armed clash for generic triggers."""
    return _retype_reading(g.main, roles, lex)


def _retype_reading(r: Reading, roles: Roles, lex) -> str:
    main = r.cand
    sub = main.sub_event_type
    primary = next((h for h in main.hits if h.start == main.start), None)
    if (primary is not None and sub == "Abduction/forced disappearance"
            and (primary.rule.generic == "detention" or primary.rule.sub_event_type == "Arrests")
            and "(whereabouts unknown)" not in primary.why
            and roles.actor1 is not None and int(getattr(roles.actor1.value, "inter", 0) or 0) == 1):
        # "Taliban forces arrested about 15 villagers": a detention by the state's forces (as the
        # actors stage named them) is an arrest, whatever the cue words said of the agent
        # (not a detention refined as a forced disappearance: that is the state's own act)
        return "Arrests"
    if (primary is not None and sub == "Armed clash" and _ONE_SIDED_ENTRY.fullmatch(primary.text.strip())
            and roles.actor2 is not None and int(getattr(roles.actor2.value, "inter", 0) or 0) == 7
            and not (roles.actor1 is not None and int(getattr(roles.actor1.value, "inter", 0) or 0) == 7)):
        # "an incursion by armed bandits in the locality of Belot", "bodies of civilians found after an
        # incursion of presumed ADF rebels": a raid whose side hit is the civilians the roles found is an
        # attack on them (ACLED: a battle needs two armed sides), whatever outlet tells it as a raid
        return "Attack"
    if primary is None or primary.rule.generic != "violence" or "refined" in primary.why:
        return sub  # typed triggers and codebook refinements (executions, protests) stand
    a2 = roles.actor2.value if roles.actor2 is not None else None
    inter2 = getattr(a2, "inter", 0) or 0
    armed = (1, 2, 3, 4, 8)
    # (civilian_target alone may be left from an earlier typing as an attack: an armed actor2 wins)
    if sub == "Armed clash" and (inter2 == 7 or (roles.civilian_target and inter2 not in armed)):
        return "Attack"
    if sub == "Attack" and inter2 in armed and not main.civilian:
        return "Armed clash"
    return sub


# "since January", "so far this year", "in similar attacks", "last month": a running or earlier
# toll, not the toll of the event told just before
_NOT_OUTCOME = re.compile(
    r"(?i)\b(?:since|so far(?= (?:this|in|since)\b)|this year|last (?:year|month|week)|(?:in|over) the (?:past|last)|in similar|in (?:a )?(?:series|spate|wave) of"
    r"|(?:earlier|previous|separate|other|similar|another|recent) (?:attacks?|incidents?|clashes|raids?|strikes?|violence|fighting)"
    r"|in (?:recent|previous|past) (?:weeks|months|years|days)|in total|altogether|cumulative|overall|to date|in the conflict"
    r"|in the war|(?:19|20)\d\d)\b")
# "The Boko Haram insurgency has killed more than 35,000 people", "Al-Shabaab has killed more than
# 4,000 civilians": a conflict's running total (a conflict, not an attack, as the subject; or a
# present perfect with a figure in the thousands), not the toll of the event told just before
_RUNNING_TOTAL = re.compile(
    r"(?i)\b(?:insurgency|insurgencies|conflicts?|wars?|crisis|violence|campaign|fighting|rebellion|unrest|"
    r"uprising|militancy|bloodshed|jihadism|hostilities)\s+(?:(?:has|have|had)\s+(?:now\s+|so\s+far\s+|already\s+)?"
    r"(?:killed|left|claimed|cost|caused)|(?:kills|leaves|claims)\b)"
    r"|\b(?:has|have)\s+(?:now\s+|so\s+far\s+|already\s+)?(?:killed|claimed|cost|left)\b.{0,40}?"
    r"(?:\b(?:more than|over|upwards of|nearly|almost|some|about|around)\s+\d{1,3}(?:,\d{3})+\b"
    r"|\b(?:tens of thousands|thousands|hundreds of thousands|millions)\b|\b\d[\d,.]*\s+(?:thousand|million)\b)")
# "Two Indian nationals were among the dead": some of the victims already counted, not the toll
_AMONG_VICTIMS = re.compile(r"(?i)\b(?:among|included|including)\s+(?:the|those)\s+(?:\w+\s+){0,2}"
                            r"(?:dead|killed|victims|casualties|fatalities|slain)\b")
_ONLY_HURT = re.compile(r"(?i)\b(?:injured|wounded|hurt|injuries|wounds|hospitali[sz]ed)\b")
_TOLL_UPDATE = re.compile(r"(?i)\b(?:toll|number of (?:the )?(?:dead|people killed))\b.{0,80}?\b(?:rose|risen|climbed|increased|reached|grown|jumped)\b")
# a vague quantity ("several", "dozens") or the victims already named ("the men had died") told
# apart from the event is no count of it
_VAGUE = re.compile(r"(?i)\b(?:several|few|some|a number of|a handful of|dozens|scores|hundreds|thousands|many|numerous|multiple)\b")
_THE_VICTIMS = re.compile(r"(?i)(?:the|their|his|her)\b")
_TOLL_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots")


# a sentence whose own trigger was judged background, a period's total, a habit or a court case
# tells none of the toll of the event before it
_NOT_ITS_TOLL = frozenset(("background", "cumulative", "aggregate", "tally", "habitual", "trend", "ongoing", "legal",
                           "legal_finding", "relative_quote", "commemoration", "vague_past"))


# rules whose cue only tells of the victims when it comes before the toll: an aside after it
# ("Six officers were killed, the latest in a string of attacks", '"Twelve were killed," the
# chief's son said') comments on the event's toll and keeps it
_CUE_BEFORE = frozenset(("background", "relative_quote"))


def _background_toll(text: str, lex) -> bool:
    if any(name == "aggregate" and rx.search(text) for name, _why, _scope, rx in lex.modality):
        return True  # "at least 900 civilians were killed in the state between January and April"
    # the sentence follows an event told with its day: a count ("police confirmed the deaths of
    # 12 people") or a vague past is lifted by that day, as it would be in the event's sentence
    rejected: list = []
    detect_sentence(text, has_date=False, lex=lex, keep_rejected=rejected, has_day=True)
    fat = None
    for h in rejected:
        if h.verdict.rule not in _NOT_ITS_TOLL:
            continue
        if h.verdict.rule in _CUE_BEFORE:
            fat = fat or sentence_fatalities(text)
            at = text.find(h.verdict.cue) if h.verdict.cue else -1
            if fat is not None and at >= fat.end:
                continue
        return True
    return False


def _outcomes(doc: Document, groups: list[Group], all_readings: list[Reading], lex) -> dict[int, list[tuple]]:
    """A toll told in a sentence of its own right after the event ("Gunmen attacked a police post
    on Monday. Six officers died."): no trigger of its own, it is the outcome of the event just
    told (ACLED: the report's count for that event). A running toll ("since January", "in similar
    attacks") or one with a date of its own is not; nor a sentence past the next event's."""
    told = {r.sent for r in all_readings if not r.cand.reference or r.cand.claim}
    backrefs = {r.sent for r in all_readings} - told  # "... were recovered after the firefight"
    last: dict[int, Group] = {}
    for g in groups:
        for r in g.readings:
            if last.get(r.sent) is None or r is g.main:
                last[r.sent] = g
    out: dict[int, list[tuple]] = {}
    outcome_of: dict[int, Group] = {}  # sentences read as an outcome, and of which event
    # sentences that count only the event's wounded ("He said 14 police officers were injured")
    hurt = {sent.index for sent in doc.sentences if sent.index not in told and _ONLY_HURT.search(sent.text)
            and not find_counts(sent.text) and not any(d.usable and not d.report_date
                                                       for d in find_dates(sent.text, doc.published))}
    for sent in doc.sentences:
        i = sent.index
        if i in told:
            continue
        if i in backrefs:
            g = last.get(i)  # a back-reference joined to the event it names
        elif i - 1 in told:
            g = last.get(i - 1)  # only the sentence right after an event's own sentence
        else:
            g = outcome_of.get(i - 1)  # "Six officers died. Two attackers were also killed."
            if g is None and i - 2 in told and i - 1 in hurt and (i - 2) in last \
                    and not any(r.fatalities for r in last[i - 2].readings):
                # "... fought back with bricks, the police chief said. He said 14 officers were injured.
                # A worker died of a head wound in hospital": the wounded, then the dead, of the event told
                # (when it tells no toll of its own: "killing three people ... 13 were wounded. Two of the
                # wounded later died" is no other report of the three)
                g = last.get(i - 2)
        if g is None or g.main.cand.sub_event_type in _NO_TOLL or (
                lex.types[g.main.cand.sub_event_type].event_type not in _TOLL_TYPES
                and g.main.cand.sub_event_type != "Excessive force against protesters"):  # its dead are its toll
            continue
        text = sent.text
        if _NOT_OUTCOME.search(text) or _RUNNING_TOTAL.search(text) or _AMONG_VICTIMS.search(text) or lex.cues["separate_event"].search(text):
            continue  # "Elsewhere, the fighting in Bannu left two soldiers dead": another event's toll
        if _background_toll(text, lex):
            continue  # "Soldiers, farmers and even cattle have been killed by the mines": no toll of this event
        # ("... were confirmed dead," he said in a statement on Friday: the day it was said is no day of its own)
        dates = [d for d in find_dates(text, doc.published) if d.usable and d.date is not None and not d.report_date]
        if dates and not (_TOLL_UPDATE.search(text) and g.date[0] is not None
                          and all(d.date >= g.date[0] for d in dates)):
            continue  # a day of its own: another event (unless the toll rose by then)
        # "neutralised several terrorists", "the men had died": no count of the report's own
        for c in find_counts(text):
            if c.value and (_VAGUE.search(c.text) or _THE_VICTIMS.match(c.text)):
                text = text[:c.start] + " " * (c.end - c.start) + text[c.end:]
        fat = sentence_fatalities(text)
        if fat is None:
            continue
        outcome_of[i] = g
        victims = victim_class(fat.text, text[fat.end:fat.end + 40])
        out.setdefault(id(g), []).append((fat.value, attribution(text, lex), victims,
                                          (sent.start + fat.start, sent.start + fat.end),
                                          bool(_TOLL_UPDATE.search(text))))
    return out


# "A Norway-based rights group said at least 66 people were killed", "Al Shabaab said in a statement
# that its fighters had killed 41 soldiers": someone tells the toll, whom attribution() could not name
_SAYS = re.compile(r"(?i)\b(?:said|says|told|according to|claimed|reported|stated|announced)\b")
# "Four of the attackers were also killed, it said", "a seventh protester died of his wounds, medics
# said", "two more bodies were found": deaths added to the toll, no other claim of it
_ADDED = re.compile(
    r"(?i)\balso\s+(?:been\s+)?(?:killed|died|shot|lost|perished)\b|\b(?:another|an additional)\s+(?:\d+|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|person|man|woman|child|boy|girl|soldier|policeman|officer|civilian|protester|"
    r"villager|victim|attacker|militant)\b|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several)\s+more\b"
    r"|\ban?\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b|\blater\s+died\b"
    r"|\bdied\s+(?:later|of\s+(?:his|her|their)\s+(?:wounds|injuries))\b|\bsuccumbed\b")


def _toll_source(r: Reading) -> str:
    """Who tells a reading's toll, for weighing it against other figures of the event (see
    :func:`combine`): its attribution, or -- when a reporting verb shows someone else tells it but
    names nobody attribution() knows -- a source of its own (so that two reports of the same deaths
    are weighed conservatively rather than the higher taken as an update); deaths told as added to
    the toll ("four attackers were also killed, it said") are no other claim of it."""
    if r.fatalities and _ADDED.search(r.sent_text):
        return ""
    if r.attribution:
        return r.attribution
    if r.fatalities and _SAYS.search(r.sent_text):
        return f"#{r.sent}"
    return ""


def _build(doc: Document, g: Group, settings: Settings, lex, outcomes: list[tuple] = ()) -> Event:
    main = g.main
    roles = main.roles
    if roles.actor1 is None and roles.actor2 is None:
        for r in g.readings[1:]:
            if (r.roles.actor1 is not None or r.roles.actor2 is not None) and not r.cand.claim:
                roles = r.roles
                break
    claimant = next((r.roles.actor1 for r in g.readings if r.cand.claim and r.roles.actor1 is not None
                     and not _unidentified(r.roles.actor1)), None)
    if claimant is None:
        # "Al Shabaab said its fighters had carried out the bombing": a later sentence about the
        # same event names the armed group behind it
        claimant = next((r.roles.actor1 for r in g.readings[1:] if r.cand.definite and r.roles.actor1 is not None
                         and not _unidentified(r.roles.actor1)
                         and int(getattr(r.roles.actor1.value, "inter", 0) or 0) in (2, 3)), None)
    if claimant is not None and (roles.actor1 is None or _unidentified(roles.actor1)):
        # "JNIM claimed the Koumbri ambush": the claimant is who carried it out
        roles = Roles(actor1=claimant, actor2=roles.actor2, assoc1=list(roles.assoc1),
                      assoc2=list(roles.assoc2), civilian_target=roles.civilian_target)
    story1, story2 = _story_group(doc, roles.actor1), _story_group(doc, roles.actor2)
    if (story1 or story2) is not None and (story1 or roles.actor1) is not None:
        a1, a2 = story1 or roles.actor1, story2 or roles.actor2
        if a2 is None or a1 is None or a1.value.name != a2.value.name:
            roles = Roles(actor1=a1, actor2=a2, assoc1=list(roles.assoc1),
                          assoc2=list(roles.assoc2), civilian_target=roles.civilian_target)
    if roles.actor2 is None and main.cand.sub_event_type == "Suicide bomb" and roles.actor1 is not None:
        # "a suicide bomber attempted to enter the police station. Our brave officers opened fire and the
        # vehicle exploded at the gate": the force that fired on the bomber is the bombing's target
        a1name = getattr(roles.actor1.value, "name", "")
        guard = next((r.roles.actor1 for r in g.readings[1:] if r.roles.actor1 is not None
                      and int(getattr(r.roles.actor1.value, "inter", 0) or 0) == 1
                      and getattr(r.roles.actor1.value, "name", "") != a1name), None)
        if guard is not None:
            roles = Roles(actor1=roles.actor1, actor2=guard, assoc1=list(roles.assoc1),
                          assoc2=list(roles.assoc2), civilian_target=roles.civilian_target)
    sub = _retype(g, roles, lex)
    t = lex.types[sub]
    ev = Event(doc_id=doc.id, source=doc.source, url=doc.url, title=doc.title,
               published=doc.published.isoformat() if doc.published else "")
    ev.sub_event_type, ev.event_type, ev.disorder_type = t.name, t.event_type, t.disorder_type

    # date
    date, precision, dr = g.date
    if date is not None:
        ev.event_date, ev.time_precision = date.isoformat(), precision
        dm: DateMention = dr.date_mention
        ev.provenance["event_date"] = doc.evidence(dr.sent_start + dm.start, dr.sent_start + dm.end)
    elif doc.published is not None:
        ev.event_date, ev.time_precision = doc.published.isoformat(), 1
    date_from_text = date is not None and g.inherited is None

    # actors
    def actor(m: Mention | None) -> tuple[str, int]:
        if m is None:
            return "", 0
        v = m.value
        return (getattr(v, "name", "") or m.text, int(getattr(v, "inter", 0) or 0))

    ev.actor1, ev.inter1 = actor(roles.actor1)
    ev.actor2, ev.inter2 = actor(roles.actor2)
    ev.assoc_actor_1 = "; ".join(dict.fromkeys(actor(m)[0] for m in roles.assoc1 if actor(m)[0]))
    ev.assoc_actor_2 = "; ".join(dict.fromkeys(actor(m)[0] for m in roles.assoc2 if actor(m)[0]))
    for key, m in (("actor1", roles.actor1), ("actor2", roles.actor2)):
        e = _mention_evidence(doc, m)
        if e is not None and e.text:
            ev.provenance[key] = e

    # location
    loc = g.location
    if g.inherited_from is not None and (loc is None or (loc.geo_precision == 3 and not loc.place.admin1)):
        # "Soldiers later arrived in the village": told in the same breath, at the same place
        prev = g.inherited_from.location
        if prev is not None and (loc is None or prev.place.country_code == loc.place.country_code):
            loc = prev
    if loc is not None:
        p = loc.place
        if not p.country_code:
            p = _feature_country(doc, loc)
        info = _country_info(p.country_code)
        ev.country = p.country or info.get("name") or ""
        ev.iso = info.get("iso_numeric") or info.get("iso") or info.get("numeric")
        ev.iso3 = info.get("iso3") or ""
        ev.region = info.get("region") or ""
        ev.admin1, ev.admin2, ev.admin3 = p.admin1, p.admin2, p.admin3
        ev.location = p.name
        ev.latitude, ev.longitude = p.latitude, p.longitude
        ev.geo_precision = loc.geo_precision
        e = _mention_evidence(doc, loc.mention)
        if e is not None and e.text:
            ev.provenance["location"] = e

    country = f" ({ev.country})" if ev.country else ""
    if not ev.actor1 and t.event_type in _DEFAULT_ACTOR1:
        name, inter = _DEFAULT_ACTOR1[t.event_type]
        ev.actor1, ev.inter1 = name + country, inter
    if not ev.actor2 and (t.event_type == _VAC or (main.cand.civilian and sub in (
            "Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
            "Suicide bomb", "Grenade", "Chemical weapon", "Mob violence"))):
        ev.actor2, ev.inter2 = "Civilians" + country, 7
    ev.interaction = _interaction(ev.inter1, ev.inter2) if (ev.inter1 or ev.inter2) else 0

    civ = (t.event_type == _VAC or roles.civilian_target or ev.inter2 == 7
           or sub == "Excessive force against protesters")
    if t.event_type in ("Battles", "Strategic developments", "Protests") and sub != "Excessive force against protesters":
        civ = False
    ev.civilian_targeting = "Civilian targeting" if civ else ""

    # fatalities: the same deaths told twice are counted once
    figures = [(r.fatalities, _toll_source(r), r.fatalities_victims) for r in g.readings if r.fatalities is not None]
    figures += [x[:3] for x in outcomes if x[4]]  # "the toll later rose to 12": the update counts
    ev.fatalities = combine(figures)
    told = [x for x in outcomes if not x[4]]
    if told:
        # a toll told after the event: its count; beside a count of the event's own sentences it is
        # another report of the same deaths (ACLED: the most conservative figure), unless each names
        # other victims ("eight policemen" ... "Two attackers died")
        extra = combine([x[:3] for x in told])
        own = {x[2] for x in figures}
        if not figures or not ev.fatalities:
            ev.fatalities = extra
        elif "" not in own and all(x[2] and x[2] not in own for x in told):
            ev.fatalities += extra
        else:
            ev.fatalities = min(ev.fatalities, extra)
    spans = [(r.fatalities, r.fatalities_span) for r in g.readings if r.fatalities] + [(x[0], x[3]) for x in outcomes if x[0]]
    if spans and ev.fatalities:
        span = next((sp for v, sp in spans if v == ev.fatalities), spans[0][1])
        ev.provenance["fatalities"] = doc.evidence(*span)

    # evidence, trigger, attribution
    seen = set()
    for r in g.readings:
        if r.sent in seen:
            continue
        seen.add(r.sent)
        ev.evidence.append(doc.evidence(r.sent_start, r.sent_start + len(r.sent_text)))
    ev.provenance["sub_event_type"] = doc.evidence(main.clean_start, main.clean_end)
    ev.attribution = next((r.attribution for r in g.readings if r.attribution), "")

    ev.notes = make_notes(ev, date_from_text)
    ev.confidence = _confidence.score(
        strength=max(r.cand.strength for r in g.readings),
        date_from_text=date_from_text,
        has_location=loc is not None,
        precise_location=loc is not None and loc.geo_precision == 1,
        has_actor1=bool(roles.actor1), has_actor2=bool(roles.actor2),
        has_fatalities=ev.fatalities > 0,
        n_sentences=len(seen),
        hedged=all(r.hedged for r in g.readings),
        attributed=bool(ev.attribution),
        definite_only=all(r.cand.definite for r in g.readings),
        historical=any(r.historical for r in g.readings),
    )
    key = f"{doc.id}|{ev.event_date}|{ev.sub_event_type}|{main.clean_start}"
    ev.event_id = "EW" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12].upper()
    return ev


from .incident import drop_country_level, fold_same_incident  # noqa: E402
from .split import (drop_crowd_battles, fold_leads, narrow_to_clauses,  # noqa: E402 -- after the stage's own imports
                    split_by_day, split_by_place)


def _day_told_next(doc: Document, groups: list[Group]) -> None:
    """An event told without a day whose next sentence, telling no event of its own, names one day
    of the weeks before the story: "Three soldiers were killed when a roadside bomb exploded beside
    their convoy, a military source said. The device, buried under a dirt track, went off as the
    convoy passed on Thursday afternoon." -- the day of that event (the dated follow-up of
    ``_setting_day``'s scene-setting sentence)."""
    told = {r.sent for g in groups for r in g.readings}
    for i, g in enumerate(groups):
        if g.date[0] is not None:
            continue
        nxt = max(r.sent for r in g.readings) + 1
        if i == 0 and _retells_lead(g, [h for h in groups[1:] if h.main.sent == g.main.sent + 1]):
            nxt = g.main.sent + 1
        elif nxt in told:
            continue
        if nxt >= len(doc.sentences) or doc.sentences[nxt].index != nxt:
            continue
        sent = doc.sentences[nxt]
        days = [d for d in find_dates(sent.text, doc.published)
                if d.usable and d.precision == 1 and not d.report_date and d.kind not in ("relative-event", "future")]
        if len({d.date for d in days}) != 1:
            continue
        d = days[0]
        if doc.published is not None and not 0 <= (doc.published - d.date).days <= SETTING_DAYS:
            continue
        g.inherited = Reading(cand=g.main.cand, sent=nxt, sent_start=sent.start, sent_text=sent.text,
                              date=d.date, precision=1, date_mention=d, own_date=True)


def _inherit_by_place(doc: Document, groups: list[Group]) -> None:
    """An undated event that takes its day from the sentence before, when that sentence names two days:
    the day told beside the place where this event is ("Four guards were killed in a clash in Saravan
    late on Thursday, while protesters were shot in Zahedan on Friday. Militants attacked a base on the
    outskirts of Saravan, the agency said." -- Thursday), not the day the event told there settled on."""
    for g in groups:
        r = g.inherited
        loc = g.location
        if r is None or g.dating() or loc is None or loc.geo_precision > 2 or not 0 <= r.sent < len(doc.sentences):
            continue
        names = {n for n in (loc.place.name, loc.mention.text if loc.mention is not None else "") if n and len(n) > 2}
        text = doc.sentences[r.sent].text
        days = [d for d in find_dates(text, doc.published)
                if d.usable and d.precision == 1 and not d.report_date and d.kind != "relative-event"]
        # "Soldiers then searched houses in Zahedan": a step after the event told before, on its day or later
        if len({d.date for d in days}) < 2 or _NEXT_STEP.search(g.main.sent_text):
            continue
        at = [mt.start() for n in names for mt in re.finditer(r"\b" + re.escape(n) + r"\b", text)]
        if len(at) != 1:
            continue
        p = at[0]
        d = min(days, key=lambda d: d.start - p if d.start >= p else p - d.end + 60)
        if abs((d.start if d.start >= p else d.end) - p) > 80 or d.date == r.date:
            continue
        # "..., a day after the group ambushed a patrol outside Zahedan on Wednesday": an earlier event recalled
        if _RECALLED.search(text, max(0, min(p, d.start) - 60), min(p, d.start)):
            continue
        g.inherited = Reading(cand=r.cand, sent=r.sent, sent_start=r.sent_start, sent_text=r.sent_text,
                              date=d.date, precision=1, date_mention=d, own_date=True)


_NEXT_STEP = re.compile(r"\b(?:then|later|afterwards|subsequently|after\s+that|in\s+response)\b", re.I)
_RECALLED = re.compile(r"\b(?:(?:a|one|two|three|four|five|six|several|\d+)\s+(?:days?|weeks?)\s+after|after|since|"
                       r"following)\b[^,;.]*$", re.I)


def _retells_lead(lead: Group, nxt: list[Group]) -> bool:
    """The story's undated lead ("A woman and two children have been killed after shells hit a
    neighbourhood of the city, officials said") told again with its day in the sentence right after
    ("Mortar rounds slammed into houses in the north of the city on Sunday afternoon, killing ..."):
    one event of the same type, the only one that sentence tells, at the lead's place or at a part of
    "the city" it named (not "In Belgrade on Monday, police ...": another town's event)."""
    if not (len(nxt) == 1 and nxt[0].main.cand.event_type == lead.main.cand.event_type
            and not nxt[0].main.distinct and not nxt[0].main.cand.reference):
        return False
    return (_locations_agree(lead.main.location, nxt[0].main.location, True)
            or bool(_BACK_TO_THE_TOWN.search(nxt[0].main.sent_text)))


# "in the north of the city", "the town's northern quarter": the place the sentence before named
_BACK_TO_THE_TOWN = re.compile(r"\b(?:of|in) the (?:city|town|village|capital)\b|\bthe (?:city|town|village|capital)['’]s\b")


def extract_events(doc: Document, settings: Settings) -> list[Event]:
    lex = load_lexicon()
    readings: list[Reading] = []
    for sent in doc.sentences:
        if not lex.find(sent.text):
            continue  # no trigger: the sentence cannot hold an event
        # (a back-reference, "a day after a similar demonstration", tells no event of its own)
        for r in _read_sentence(doc, sent, lex, first=all(x.cand.reference for x in readings)):
            r.roles, r.location = _roles_and_location(doc, r, settings)
            sub = _retype_reading(r, r.roles, lex)
            if sub != r.cand.sub_event_type:  # typed before merging: "the gunbattle" must find its clash
                t = lex.types[sub]
                r.cand.sub_event_type, r.cand.event_type, r.cand.disorder_type = t.name, t.event_type, t.disorder_type
            readings.append(r)
    _day_after(readings, doc)
    _recalled_weeks(readings)
    _background_follow_on(readings, doc)
    all_readings = list(readings)
    groups = merge(_drop_background(_drop_seizures(readings, lex, doc)))
    inherit_dates(groups, doc)
    _inherit_by_place(doc, groups)
    _day_told_next(doc, groups)
    groups = _drop_undated_developments(groups, lex)
    groups = _drop_context_agreements(groups, lex)
    groups = _drop_retold(groups)
    groups = _drop_undated_asides(groups, doc)
    outcomes = _outcomes(doc, groups, all_readings, lex)
    events = drop_crowd_battles(fold_leads(narrow_to_clauses(doc, split_by_place(doc, split_by_day(
        doc, [_build(doc, g, settings, lex, outcomes.get(id(g), ())) for g in groups])))))
    events = drop_country_level(fold_same_incident(events))
    return [e for e in events if e.confidence >= settings.min_confidence]


def run(doc: Document, settings: Settings) -> Document:
    """The events stage: fill ``doc.events``."""
    if not doc.sentences:
        doc.events = []
        return doc
    doc.events = extract_events(doc, settings)
    return doc


def candidates(text: str) -> list[Candidate]:
    """Event candidates of one sentence (a convenience for analysts and tests)."""
    return detect_sentence(text)
