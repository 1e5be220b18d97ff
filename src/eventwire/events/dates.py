"""Date expressions in a sentence, resolved against the publication date.

``find_dates(text, published)`` returns :class:`DateMention` s with the resolved date and
ACLED ``time_precision`` (1 day, 2 a few days/week -> middle of the span, 3 month).

Weekdays and relative expressions are resolved here by plain calendar arithmetic
("on Saturday" in a story of Saturday 16 Feb 2019 is that day; "on Wednesday" the most
recent Wednesday before it). Calendar dates are read by a small parser; what it cannot read
goes to ``dateparser`` with the publication date as ``RELATIVE_BASE`` (a few ms per call,
so only as a fallback, cached).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "a": 1, "a couple of": 2, "several": 3, "a few": 3}

# the word boundary keeps a place that starts like a month ("in Maru", "in Marib", "in Decatur")
# from being read as "in March"
_MON = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
        r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?")
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ORD = r"(?:st|nd|rd|th)?"
_PART = r"(?:\s+(?:morning|afternoon|evening|night|midnight|dawn))?"

# Order matters: the first alternative that matches at a position wins.
_PATTERNS: list[tuple[str, str]] = [
    ("iso", r"(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)"),
    ("dmy", rf"(?P<dmy_mod>(?i:early|late|mid-?|the night of)\s+)?(?P<dmy_d>[0-3]?\d)(?:\s?/\s?(?P<dmy_d2>[0-3]?\d))?{_ORD}(?:\s+of)?\s+(?P<dmy_m>{_MON})(?:,?\s+(?P<dmy_y>(?:19|20)\d\d))?"),
    ("mdy", rf"(?P<mdy_m>{_MON})\s+(?P<mdy_d>[0-3]?\d){_ORD}(?![\d:])(?:,?\s+(?P<mdy_y>(?:19|20)\d\d))?"),
    ("month", rf"(?P<mo_mod>(?i:since last|last|early|late|mid-?|the end of|the start of|the beginning of|the middle of|earlier in|in|since|during|throughout|until|by)\s+)(?P<mo_m>{_MON})(?:\s+(?P<mo_y>(?:19|20)\d\d))?"),
    ("monthyear", rf"(?P<my_m>{_MON})\s+(?P<my_y>(?:19|20)\d\d)"),
    ("weekday", rf"(?P<wd_mod>(?i:since last|last|this|next|on|early on|late on|early|late|earlier on|later on|since|coming|past|for)\s+)?(?P<wd>{_WD})(?:'s|’s)?(?P<wd_part>{_PART})"),
    ("rel", r"(?i:(?P<rel>(?:the )?day before yesterday|yesterday|today|tonight|this (?:morning|afternoon|evening)|last night|overnight|earlier today|"
            r"late last night|early today|the day before|the previous day|a day earlier|the next day|the following day|"
            r"the previous (?:morning|afternoon|evening|night)|the (?:next|following) (?:morning|afternoon|evening)|"
            r"tomorrow|day after tomorrow))"),
    ("ago", r"(?i:(?P<ago_n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|a couple of|several|a few)\s+"
            r"(?P<ago_u>days?|weeks?|months?|years?)\s+(?P<ago_w>ago|earlier|before|later))"),
    ("span", r"(?i:(?P<span>(?:earlier |late |early )?(?:last|this|past|previous) week(?:end)?|over the (?:past )?weekend|"
             r"(?:earlier |late |early )?(?:last|this|past|previous) month|earlier this month|in recent (?:days|weeks|months)|"
             r"(?:in |over )?the (?:past|last) (?:few |several |two |three )?(?:days|weeks)|"
             r"next (?:week|month|year|weekend)|in the coming (?:days|weeks|months)|last year|this year|earlier this year))"),
    # "killed in violence around the 2018 election", "died in the 2016-2017 crisis": an episode of that year
    # (not one still to come: "ahead of the 2027 elections")
    ("yearnoun", r"(?<!ahead of )(?<!run-up to )(?<!lead-up to )(?<!build-up to )(?i:the)\s+(?P<yn>(?:19|20)\d\d)(?:[-–/](?:19|20)?\d\d)?\s+(?i:(?:presidential\s+|general\s+|post-?election\s+)?"
                 r"(?:elections?|votes?|polls?|crisis|wars?|protests?|uprisings?|coups?|massacres?|genocide|conflicts?|"
                 r"violence|revolution|referendum|unrest|riots?|insurgency|offensive|invasion))\b"),
    ("year", r"(?P<yr_mod>(?i:in|since|during|from|until|by|of|early|late|mid-?)\s+)(?P<yr>(?:19|20)\d\d)(?![\d-])"),
]
_RX = re.compile("|".join(f"(?P<k_{k}>{p})" for k, p in _PATTERNS))

# A day named by reference to the event just told ("in a separate attack the same day", "later
# that day"): it carries no date of its own, the events stage gives it the previous event's date.
SAME_DAY = re.compile(r"(?i:\b(?:(?:on|during|within|earlier|later(?: on)?|(?:late|early) (?:on|in))\s+)?"
                      r"(?:the same day|that (?:same )?(?:day|morning|afternoon|evening|night)|the same (?:morning|afternoon|evening|night))\b"
                      # "Hours later, Russian forces shelled Nikopol": a few hours on from the event just told
                      r"|\b(?:(?:a few|a couple of|several|some|two|three|\d) )?(?:hours|minutes|moments) (?:later|afterwards|after that)\b"
                      r"|\b(?:an hour|half an hour|minutes) later\b|\bshortly (?:afterwards|after that|thereafter)\b)")

# a sentence that tells no event but turns the story to more of the same day: "But the day ended in
# bloodshed elsewhere in the city." -- the event the next sentence tells happened that day too
DAY_LEAD = re.compile(r"(?i:\b(?:the|that) (?:day|evening|night|afternoon) (?:ended|wore on|turned|closed|took an? \w+ turn)\b|"
                      r"\blater (?:that|in the) day\b|\bby (?:the )?end of the day\b)")


def day_lead(text: str, published: dt.date | None) -> bool:
    """Whether ``text`` (the sentence before an event without a date) carries the story's day on:
    it says "the same day" / "the day ended ..." and names no day of its own."""
    if not (SAME_DAY.search(text) or DAY_LEAD.search(text)):
        return False
    return not any(d.usable for d in find_dates(text, published))


SPEECH_BEFORE = re.compile(
    r"(?i:\b(?:said|says|told|announced|reported|stated|tweeted|confirmed|added|claimed|predicted|"
    r"warned|declared|wrote|statement|told reporters|said in a statement"
    # "the union called on Tuesday for a strike", "urged on Sunday", "denied on Monday": the day of
    # an appeal or a reply, not of an event
    r"|called|urged|appealed|vowed|threatened|denied|condemned"
    # "said in a statement on its Amaq news agency on Monday": the channel named between
    r"|news agency|Telegram(?: channel)?|(?:social media|X|Facebook|YouTube) (?:account|page|channel)"
    # "said on its Andalus radio on Wednesday", "told state television on Monday": a broadcast channel
    # after a verb of speech (not "gunmen stormed the state television station on Wednesday": the target)
    r"|(?:said|says|told|announced|claimed|spoke|speaking|broadcast|aired|interview|statement)\b[^.;]{0,25}?"
    r"\b(?:radio|television|TV|website|broadcaster)(?: station| channel)?"
    # "killed 1,200 civilians in 2024, according to a report released on Monday": the report's day
    # (also "in a press note released on Thursday", "a video posted on Friday")
    r"|(?:report|study|survey|figures|data|tally|review|findings|note|press release|communiqu[eé]|statement|"
    r"video|message|recording)\s+(?:[\w-]+\s+){0,2}?(?:released|published|issued|posted|circulated|shared|sent))\b[^.;]{0,20}$)"
)


# "said Michoacan's security secretary at a news conference in the state capital, Morelia, on Thursday",
# "told a press briefing in Kyiv on Monday", "At a news conference on Friday, the governor said ...":
# the day of the briefing where it was told (farther from the verb than SPEECH_BEFORE looks)
# Neither gap may hold a clause of its own: "said at a news conference that gunmen opened fire on a bus on
# Tuesday", "said they were beaten while covering a press conference on Monday" -- there the day is the event's.
_VENUE_CLAUSE = (r"(?!\b(?:that|which|who|whom|when|while|after|before|because|as|and|but|said|says|told)\b"
                 r"|(?-i:\b(?!(?:held|organi[sz]ed|hosted|convened|televised|scheduled|during|morning|evening)\b)"
                 r"[a-z]+(?:ed|ing)\b))")
_VENUE_BEFORE = re.compile(
    r"(?i:(?:\b(?:said|says|told|telling|speaking|spoke|announced|added|explained|stated|according\s+to)\b"
    r"(?:" + _VENUE_CLAUSE + r"[^.;]){0,80}?"
    r"|^\W*(?:at|during|in)\s+)\b(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:(?:news|press|media)\s+(?:conference|briefing)|"
    r"briefing|interview|televised\s+address)\b(?:" + _VENUE_CLAUSE + r"[^.;]){0,50}$)")

_BODY_DATELINE = re.compile(r"(?-i:[A-Z][A-Z.'’ /-]{1,60}),\s*")
_DASH_AFTER = re.compile(r"\s*(?:\([A-Za-z ]{2,20}\)\s*)?[—–-]")


@dataclass(slots=True)
class DateMention:
    """A date expression in a sentence (offsets relative to the sentence text)."""

    start: int
    end: int
    text: str
    date: dt.date | None
    precision: int = 1
    kind: str = ""  # explicit, weekday, relative, span, month, year, future
    report_date: bool = False  # the date of a statement ("said on Monday"), not of an event

    @property
    def usable(self) -> bool:
        return self.date is not None and self.kind not in ("year", "future")


def _month_num(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def _last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def weekday_before(published: dt.date, weekday: int, strictly: bool = False) -> dt.date:
    """The most recent ``weekday`` (0=Monday) on or before ``published`` (before, if strictly)."""
    delta = (published.weekday() - weekday) % 7
    if delta == 0 and strictly:
        delta = 7
    return published - dt.timedelta(days=delta)


@functools.lru_cache(maxsize=4096)
def _dateparser(text: str, base: dt.date | None) -> dt.date | None:
    try:
        import dateparser
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    settings = {"RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day, 12)
    try:
        r = dateparser.parse(text, languages=["en"], settings=settings)
    except Exception:  # dateparser raises a zoo of errors on odd input
        return None
    return r.date() if r else None


def _year_for(m: int, d: int, published: dt.date | None) -> tuple[int, bool]:
    """Year for a day-month without a year: the publication year; (year, is_future)."""
    if published is None:
        return dt.date.today().year, False
    y = published.year
    cand = _safe_date(y, m, min(d, _last_day(y, m)))
    if cand and cand > published + dt.timedelta(days=1):
        # Dates well after publication are either plans or last year (December story about January).
        if (cand - published).days > 200:
            return y - 1, False
        return y, True
    return y, False


def _explicit(y: int | None, m: int, d: int, published: dt.date | None, text: str) -> tuple[dt.date | None, str]:
    future = False
    if y is None:
        y, future = _year_for(m, d, published)
    date = _safe_date(y, m, d)
    if date is None:
        date = _dateparser(text, published)
    if date and published and date > published + dt.timedelta(days=1):
        future = True
    return date, ("future" if future else "explicit")


def _resolve(m: re.Match, published: dt.date | None) -> tuple[dt.date | None, int, str]:
    kind = m.lastgroup or ""
    # lastgroup is the innermost last-closed group; find which k_ alternative matched.
    for k, _ in _PATTERNS:
        if m.group(f"k_{k}") is not None:
            kind = k
            break
    P = published
    text = m.group(0)
    if kind == "iso":
        y, mo, d = (int(x) for x in m.group("iso").split("-"))
        date, k = _explicit(y, mo, d, P, text)
        return date, 1, k
    if kind in ("dmy", "mdy"):
        mo = _month_num(m.group(f"{kind}_m"))
        d = int(m.group(f"{kind}_d"))
        ys = m.group(f"{kind}_y")
        date, k = _explicit(int(ys) if ys else None, mo, d, P, text)
        d2 = m.group("dmy_d2") if kind == "dmy" else None
        if d2 and int(d2) != d + 1:
            # "3/7 May": a span of days, dated (as ACLED does for precision 2) by its middle
            if date is not None and int(d2) > d:
                date = date + dt.timedelta(days=(int(d2) - d) // 2)
                date = min(date, P) if P is not None and k != "future" else date
            return date, 2, k
        return date, 1, k  # "on the night of 12/13 October": the night that began on the 12th
    if kind in ("month", "monthyear"):
        g = "mo" if kind == "month" else "my"
        mo = _month_num(m.group(f"{g}_m"))
        ys = m.group(f"{g}_y")
        mod = (m.group("mo_mod") or "").strip().lower() if kind == "month" else ""
        if ys:
            y = int(ys)
        elif P is not None:
            # "last January" told in March is this January; told in January, the one before
            y = P.year if (mo < P.month if mod in ("last", "since last") else mo <= P.month) else P.year - 1
        else:
            return None, 3, "month"
        if mod in ("early", "the start of", "the beginning of"):
            d = 1
        elif mod in ("late", "the end of"):
            d = _last_day(y, mo)
        else:
            d = 15
        date = dt.date(y, mo, d)
        if P and date > P:
            date = P if (P.year, P.month) == (y, mo) else date
        if mod in ("since", "since last", "throughout", "until", "by"):
            return date, 3, "year"  # a period, not the event's date ("since last November")
        return date, 3, ("future" if P and date > P else "month")
    if kind == "weekday":
        if P is None:
            return None, 1, "weekday"
        wd = WEEKDAYS.index(m.group("wd").lower())
        mod = (m.group("wd_mod") or "").strip().lower()
        if mod in ("next", "coming") or (mod == "for" and not m.group(0).endswith(("'s", "’s"))):
            return None, 1, "future"  # "a strike for Tuesday": what is planned (not "the toll for Sunday's attack")
        if mod in ("since", "since last"):
            # "Since Monday, 14 people have been killed in clashes in Goma": an incident running for
            # a few days up to now, dated to its first day with a few days' precision (ACLED)
            # ("since last Friday" stays a period: "the worst fighting since last Friday")
            return weekday_before(P, wd, strictly=mod == "since last"), 2, "span" if mod == "since" else "year"
        return weekday_before(P, wd, strictly=(mod in ("last", "past"))), 1, "weekday"
    if kind == "rel":
        if P is None:
            return None, 1, "relative"
        r = m.group("rel").lower()
        if r in ("tomorrow", "day after tomorrow"):
            return None, 1, "future"
        if r.endswith("day before yesterday"):  # "the day before yesterday": two days before it was told
            return P - dt.timedelta(days=2), 1, "relative"
        if r in ("yesterday", "last night", "late last night"):
            return P - dt.timedelta(days=1), 1, "relative"
        if r in _DAY_BEFORE or r in _DAY_AFTER:
            return None, 1, "relative-event"  # relative to another event: resolved by the caller
        return P, 1, "relative"
    if kind == "ago":
        if P is None:
            return None, 1, "relative"
        n = NUMBER_WORDS.get(m.group("ago_n").lower())
        n = n if n is not None else int(m.group("ago_n")) if m.group("ago_n").isdigit() else 1
        unit = m.group("ago_u").lower().rstrip("s")
        w = m.group("ago_w").lower()
        if w == "later" or (w == "before" and not _CLAUSE_END.match(m.string, m.end())):
            return None, 1, "relative-event"  # "two days before a rally": counted from another day
        if unit == "day":
            return P - dt.timedelta(days=n), 1, "relative"
        if unit == "week":
            return P - dt.timedelta(days=7 * n), 2, "span"
        if unit == "month":
            return P - dt.timedelta(days=30 * n), 3, "span"
        return None, 3, "year"
    if kind == "span":
        if P is None:
            return None, 2, "span"
        s = " ".join(m.group("span").lower().split())
        if s.startswith("next") or "coming" in s:
            return None, 2, "future"
        if "year" in s:
            return None, 3, "year"
        monday = P - dt.timedelta(days=P.weekday())
        if "weekend" in s:
            sat = weekday_before(P, 5, strictly=P.weekday() in (5,) and "last" in s)
            return sat, 2, "span"
        if "month" in s:
            if "last" in s or "previous" in s or "past" in s:
                prev = (P.replace(day=1) - dt.timedelta(days=1))
                return prev.replace(day=15), 3, "span"
            first = P.replace(day=1)
            return first + (P - first) / 2, 3, "span"
        if "recent weeks" in s or "recent months" in s:
            return P - dt.timedelta(days=14), 3, "span"
        if "days" in s:
            return P - dt.timedelta(days=2), 2, "span"
        if "weeks" in s:
            return P - dt.timedelta(days=10), 3, "span"
        if "this week" in s:
            return monday + (P - monday) / 2, 2, "span"
        # last / past / previous week: the middle (Thursday) of the previous week
        return monday - dt.timedelta(days=4), 2, "span"
    if kind in ("year", "yearnoun"):
        return None, 3, "year"
    return None, 1, kind


_STARTS = frozenset(
    list(MONTHS) + list(WEEKDAYS) + list(NUMBER_WORDS) + [
        "early", "late", "mid", "the", "earlier", "later", "in", "since", "during", "throughout",
        "until", "by", "last", "this", "next", "on", "coming", "past", "yesterday", "today", "for",
        "tonight", "overnight", "tomorrow", "day", "over", "previous", "from", "of", "couple"])
_WORD_AT = re.compile(r"\w+")


def _matches(text: str):
    """Date regex matches, tried only where a word that can open a date expression starts
    (scanning every character with the big pattern is ~10x slower)."""
    end = -1
    for w in _WORD_AT.finditer(text):
        if w.start() < end:
            continue
        t = w.group(0).lower()
        if not (t[0].isdigit() or t in _STARTS or t.rstrip(".") in MONTHS):
            continue
        m = _RX.match(text, w.start())
        if m and m.end() > m.start():
            end = m.end()
            yield m


_NAMED_DAY = re.compile(r"(?:\b(?:19|20)\d\d\s+(?:[A-Z][a-z]+\s+)?|\b(?:Easter|Palm|Bloody|Black|Good|Ash|Holy|Maundy|Orthodox|Super)\s+)$")
_NAMED_AFTER = re.compile(r"['\"’”]?\s+(?-i:Movement|Front|Alliance|Coalition|Brigades?|Collective|Revolution|Uprising|"
                          r"Committee|Group|Party|Platform|Generation)\b"
                          # (but "On Saturday Movement for Democratic Change supporters", "on June 25 Generation Z
                          # protesters": the noun opens a name of its own, told after the day)
                          r"(?!\s+(?:for|of|Z)\b)")
_ON_BEFORE = re.compile(r"(?i)\bon\s+$")
_COMPARED = re.compile(r"(?i)\bthan\s+(?:on\s+|in\s+|at\s+)?$|\bsame as\s+(?:on\s+)?$")


def find_dates(text: str, published: dt.date | None) -> list[DateMention]:
    """All date expressions in ``text``, resolved against ``published``."""
    out: list[DateMention] = []
    dateline_at = None
    for m in _matches(text):
        if _COMPARED.search(text, max(0, m.start() - 12), m.start()):
            continue  # "the crowd is smaller than yesterday": the day compared with, not the event's
        if (m.group("k_weekday") is not None and not m.group("wd_mod")
                and _NAMED_DAY.search(text, max(0, m.start("wd") - 20), m.start("wd"))):
            continue  # "the 2019 Easter Sunday bombings", "Bloody Sunday": a name, not this week's day
            # (but "the deadliest attack of 2025 on Tuesday" is this week's Tuesday)
        if ((m.group("k_dmy") is not None or m.group("k_mdy") is not None) and _NAMED_AFTER.match(text, m.end())
                and not _ON_BEFORE.search(text, max(0, m.start() - 4), m.start())):
            continue  # "the June 6 Movement", "the 23 March Front": a group named after a day (a calendar
            # day, not a weekday: "On Tuesday Party supporters clashed"; and not one told "on June 6")
        date, precision, kind = _resolve(m, published)
        if isinstance(date, dt.datetime):
            date = date.date()
        # "SANA'A / TAIZ, 20 February 2025 — Two children were killed on Monday": the release's
        # dateline opening the body, the day it was issued
        dateline = bool(_BODY_DATELINE.fullmatch(text[:m.start()]) and _DASH_AFTER.match(text, m.end()))
        report = (bool(SPEECH_BEFORE.search(text[max(0, m.start() - 40):m.start()])) or dateline
                  or bool(_VENUE_BEFORE.search(text[max(0, m.start() - 200):m.start()])))
        out.append(DateMention(m.start(), m.end(), m.group(0), date, precision, kind, report))
        if dateline:
            dateline_at = m.start()
    if dateline_at is not None and not any(d.date is not None and d.precision == 1 and not d.report_date
                                           for d in out if d.start != dateline_at):
        # (but "BAMAKO, 12 June 2025 — Jihadists killed 20 soldiers near Boulkessi, the deadliest in
        # recent months": the body names no day of its own, the dateline's is the event's)
        out = [DateMention(d.start, d.end, d.text, d.date, d.precision, d.kind, False) if d.start == dateline_at
               else d for d in out]
    out = _range_years(text, out)
    days = [d for d in out if d.date is not None and d.precision == 1]
    if days and any(d.kind == "relative-event" for d in out):
        # "opened an investigation on Tuesday into the death of a woman killed the previous
        # afternoon": the day before the day the sentence named before it
        out = [_from_anchor(d, days) if d.kind == "relative-event" and _day_step(d)
               and any(x.end <= d.start for x in days) else d for d in out]
    if days and any(d.kind == "relative" and _BACK.search(d.text) for d in out):
        # "said on Monday that troops had killed ten militants three days before": counted from the
        # day the sentence named before it
        out = [_back_from_anchor(d, days) if d.kind == "relative" and _BACK.search(d.text)
               and any(x.end <= d.start for x in days) else d for d in out]
    said = next((d for d in out if d.report_date and d.date is not None and d.precision == 1), None)
    if said is not None:
        # "said on Saturday it had shot down drones launched overnight": the night before the
        # statement, not before the publication
        out = [DateMention(d.start, d.end, d.text, said.date, 1, d.kind, False)
               if d.kind == "relative" and d.text.lower() in _STATEMENT_RELATIVE else d for d in out]
    return out


_YEAR_IN = re.compile(r"\b(?:19|20)\d\d\b")
_RANGE_JOIN = re.compile(r"(?i)\s*(?:and|to|until|till|through|-|–|—)\s*")


def _range_years(text: str, out: list[DateMention]) -> list[DateMention]:
    """"between 15 July and 5 August 2024", "from March 3 to April 9, 2023": the year told at the
    end of a range is the year of its first day too (not the publication's year)."""
    if len(out) < 2:
        return out
    res = list(out)
    for i in range(len(res) - 1):
        a, b = res[i], res[i + 1]
        if (a.kind not in ("explicit", "future") or b.kind not in ("explicit", "future") or a.date is None
                or b.date is None or _YEAR_IN.search(a.text) or not _YEAR_IN.search(b.text)
                or not _RANGE_JOIN.fullmatch(text[a.end:b.start])):
            continue
        y = b.date.year - (1 if (a.date.month, a.date.day) > (b.date.month, b.date.day) else 0)
        d = _safe_date(y, a.date.month, a.date.day)
        if d is not None and d != a.date:
            res[i] = DateMention(a.start, a.end, a.text, d, a.precision, b.kind if a.kind == "future" else a.kind,
                                 a.report_date)
    return res


_DAY_BEFORE = frozenset(["the day before", "the previous day", "a day earlier", "the previous morning",
                         "the previous afternoon", "the previous evening", "the previous night"])
_DAY_AFTER = frozenset(["the next day", "the following day", "the next morning", "the following morning",
                        "the next afternoon", "the following afternoon", "the next evening", "the following evening"])


def _day_step(rel: DateMention) -> int:
    """-1 for "the previous afternoon", +1 for "the next morning", 0 for other relative days."""
    words = " ".join(rel.text.lower().split())
    return -1 if words in _DAY_BEFORE else 1 if words in _DAY_AFTER else 0


_LATER = re.compile(r"(?i)^(\w+|a couple of|a few) days? later$")


def event_step(rel: DateMention) -> int:
    """Days from the event told before to a day told relative to it, with no day of the sentence
    to count from: +1 for "The following day", -1 for "the previous evening", +2 for "two days
    later"; 0 when it is not such a day ("two days before a rally" counts from the rally)."""
    if rel.kind != "relative-event" or rel.date is not None:
        return 0
    step = _day_step(rel)
    if step:
        return step
    m = _LATER.match(" ".join(rel.text.split()))
    if not m:
        return 0
    w = m.group(1).lower()
    n = NUMBER_WORDS.get(w, int(w) if w.isdigit() else 0)
    return n if 0 < n <= 7 else 0


def _from_anchor(rel: DateMention, days: list[DateMention]) -> DateMention:
    """A day told relative to a day the same sentence named before it, resolved against that day
    ("The next day, on 21 January" is not the 22nd: the day named after it is its own)."""
    anchor = [d for d in days if d.end <= rel.start][-1]
    return DateMention(rel.start, rel.end, rel.text, anchor.date + dt.timedelta(days=_day_step(rel)), 1,
                       "relative", False)


# "three days before" closing its clause (no event after it: "three days before the vote") reads
# like "three days earlier"
_CLAUSE_END = re.compile(r"\s*(?:$|[.,;:)\"'”’—–-]|(?:and|but|or|in|at|near|on|outside|according|when|while|as|after)\b)",
                         re.IGNORECASE)
_BACK = re.compile(r"(?i)^(\w+|a couple of|a few) days? (?:earlier|before)$")


def _back_from_anchor(rel: DateMention, days: list[DateMention]) -> DateMention:
    """"N days earlier/before" counted from the day the sentence named before it."""
    anchor = [d for d in days if d.end <= rel.start][-1]
    w = _BACK.match(" ".join(rel.text.split())).group(1).lower()
    n = NUMBER_WORDS.get(w, int(w) if w.isdigit() else 1)
    return DateMention(rel.start, rel.end, rel.text, anchor.date - dt.timedelta(days=n), 1, "relative", False)


_STATEMENT_RELATIVE = frozenset(["overnight", "this morning", "this afternoon", "this evening", "today",
                                 "earlier today", "early today", "tonight"])


def choose(dates: list[DateMention], anchor: int) -> DateMention | None:
    """The date mention that best dates an event whose trigger starts at ``anchor``.

    Event dates beat report dates ("said on Monday"); then the nearest to the trigger.
    """
    usable = [d for d in dates if d.usable]
    if not usable:
        return None
    events = [d for d in usable if not d.report_date] or usable
    return min(events, key=lambda d: (abs(d.start - anchor) if d.start >= anchor else abs(anchor - d.end) + 5))
