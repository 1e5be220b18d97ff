"""Fatalities with ACLED's conventions (``data/events_fatalities.yaml``).

* killed, not injured; 0 when no death is reported;
* number words and vague quantities ("several" 3, "dozens" 12, "hundreds" 100);
* the most conservative figure: "at least 10" -> 10, "between 10 and 15" -> 10;
* victims listed in parts are summed ("three soldiers and two civilians were killed" -> 5),
  subsets are not ("12 people, including three children, were killed" -> 12);
* across the sentences of one event the same deaths are not counted twice (see
  :func:`combine`);
* no toll: a subset of the dead told already ("one of the dead was a teacher"), a crowd "over the
  death of" someone, a figure inside another noun phrase ("members of one of the gangs"), a rate
  ("kill 100 people a year"), "the bodies" already counted.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .lexicon import load_lexicon, squash, words  # noqa: F401 (words re-exported)


@dataclass(slots=True)
class Count:
    """A fatality figure read from a sentence (offsets relative to the text given)."""

    value: int
    start: int
    end: int
    text: str
    explicit_zero: bool = False
    kind: str = ""  # the pattern that read it ("toll": a stated total)


@dataclass(slots=True)
class _Rx:
    num: re.Pattern
    after: re.Pattern
    before: re.Pattern
    before_and: re.Pattern
    before_conj: re.Pattern
    toll: re.Pattern
    deaths_of: re.Pattern
    left: re.Pattern
    zero: re.Pattern
    singular_before: re.Pattern
    singular_after: re.Pattern
    plural_passive: re.Pattern
    opening: re.Pattern
    subset: re.Pattern
    any_kill: re.Pattern
    values: dict[str, int]
    multipliers: dict[str, int]
    unknown_plural: int
    singular: int


@functools.cache
def _rx() -> _Rx:
    cfg = load_lexicon().fatalities
    values = {k.lower(): int(v) for k, v in cfg["number_words"].items()}
    mult = {k.lower(): int(v) for k, v in cfg.get("multipliers", {}).items()}
    simple = sorted((w for w in values if w not in ("no",)), key=len, reverse=True)
    word_alt = "|".join(re.escape(w) for w in simple)
    mult_alt = "|".join(re.escape(w) for w in mult)
    num = (
        rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?(?:\s+(?:{mult_alt}))?"
        rf"|(?:(?:{word_alt})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)(?:\s+(?:{mult_alt})s?)?(?:\s+of)?)"
    )
    mod = r"(?:(?:at least|more than|over|nearly|almost|about|around|roughly|some|up to|as many as|an estimated|a total of|approximately|another|a further|further|at most|fewer than|less than|no fewer than|no less than)\s+)?"
    kill = squash(cfg["kill_words"])
    victims = squash(cfg["victim_words"])
    injury = squash(cfg["injury_words"])
    # up to 8 words: "four suspected members of the New People's Army were killed"
    # an injury word ends the stretch ("12 wounded and 3 killed") unless it describes the
    # victims ("18 displaced people died", "five wounded soldiers died")
    # ("five members of the CPI (Maoist) were killed": a bracketed short name is one word)
    # a subordinate clause ("Thousands of protesters gathered at the square where three were
    # killed") or a new figure after a comma ("Thousands marched in the capital, three were killed")
    # opens another subject: the first figure counts the crowd, not the dead
    cardinal = "|".join(re.escape(w) for w in simple if w not in ("some", "many", "both", "a number of", "numerous", "multiple"))
    # ("three of the wounded later died": the wounded are the victims; a quoted qualifier, not words
    # quoted after "said": 'Three soldiers said "we were attacked" and two civilians were killed')
    gap = (rf"(?:(?!(?<!of the )(?:{injury})\b(?!\s+(?:{victims})\b)|and\b|or\b|\d|(?:where|when|whereas|while|after|because|before|until|but|then)\b)"
           rf"(?:[\w'’-]+|\([\w'’ -]{{1,20}}\)|(?<!said )(?<!says )(?<!told )(?<!added )(?<!said, )(?<!says, )[\"“][^\"“”]{{1,80}}[\"”],?)(?:,\s+(?!{mod}(?:{cardinal}|\d)[\w,-]*\s+(?!of\s+(?:them|whom|those)\b))|\s+)){{0,8}}?")
    # "strikes on two villages killed nine people": a number of things is no toll (but a thing
    # word naming people by their trade or post is: "12 market traders", "nine farm workers")
    people_of = rf"(?:{victims}|owners?|keepers?|pilots?|crew(?:s|men|members?)?|staff|vendors?|operators?|drivers?|attendants?|officials?|leaders?|chiefs?|dwellers?|congregants?)"
    things = rf"(?!\s+(?:[\w-]+\s+)?(?:{squash(cfg.get('thing_words', '(?!x)x'))})\b(?!\s+{people_of}\b))"
    # "On 18 April, nine members ...": a day of the month is no toll
    months = ("January|February|March|April|May|June|July|August|September|October|November|December|"
              "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
    not_day = rf"(?!(?:st|nd|rd|th)?\s+(?:of\s+)?(?-i:{months})\b)"
    # (one fixed-width look-behind per month name, case-sensitive: "the march 3 killed" is no date)
    after_month = "".join(f"(?<!{m} )" for m in (
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"))
    # "April 9, two protesters ...", "March 3 2024": a month then a day; "in May 12 people" counts
    day_like = r"(?!\d{1,2}(?:st|nd|rd|th)?(?:,|\s+\d{4}\b|\s+(?:killed|killing|attack|attacks|bombing|massacre|strike|strikes|raid|ambush)\b))"
    # "In 2025 two soldiers were killed", "since 2017 in which thousands were killed": a year is no
    # toll (unless it counts people: "2017 people were killed")
    year = r"(?:19|20)\d\d(?![\d,.])"
    year_cue = "".join(f"(?<!{w} )" for w in ("in", "In", "since", "Since", "from", "during", "of", "until", "by",
                                               "early", "late", "mid", "year", "the", "The"))
    not_year = (rf"(?!{year}(?!\s+(?:(?!(?:{word_alt})\b)[\w-]+\s+)?(?:{victims})\b))"
                rf"(?:{year_cue}|(?!{year}))")
    N = rf"(?<![\w.-])(?:(?<!\d )|(?=[^\W\d]))(?:(?-i:{after_month})|{day_like}){not_year}(?P<num>{num})(?:(?<=[a-z])[\"”’](?=\s))?{things}{not_day}"
    return _Rx(
        num=re.compile(rf"(?i)^{num}$"),
        # killed at least 12 (people); killing three soldiers
        after=re.compile(rf"(?i)\b(?:{kill})\s+(?:(?:a total of|at least|more than|some|about|around|nearly|almost|over|up to|as many as|an estimated|roughly|approximately)\s+)?{N}\b(?!\s*(?:%|per ?cent|years?|km|miles|metres|meters|kilometres|kilometers|hours|minutes|days|weeks|months|a\.m|p\.m|am\b|pm\b))"),
        # "Eight personnel of the DRG and a civilian driver were killed": a figure, the force, then
        # "and" one more victim told in the singular (or another small figure) before the kill word
        before_and=re.compile(rf"(?i)\b{mod}{N}\s+{gap}and\s+(?P<n2>an?|one|\d+|{word_alt})\s+"
                              rf"(?:[\w'’-]+\s+){{1,3}}?(?:were|have been|had been)\s+(?:(?:reportedly|also|later)\s+)?"
                              rf"(?:{kill})\b"),
        # "At least 15 soldiers and pro-government militiamen were killed": one figure for the whole pair
        before_conj=re.compile(rf"(?i)\b{mod}{N}\s+{gap}and\s+(?!an?\b|one\b|\d|{word_alt}\b)(?:[\w'’-]+\s+){{1,3}}?"
                               rf"(?:were|have been|had been)\s+(?:(?:reportedly|also|later)\s+)?(?:{kill})\b"),
        # 12 people (, most of them women,) were killed; 3 dead
        # "Three men described by police as members of one of the city's most feared gangs were killed": a
        # figure opening the sentence with its victims, told dead at the end of a long subject
        opening=re.compile(rf"(?i)^\W*{mod}{N}\s+(?:[\w-]+\s+)?(?:{victims})\b(?:(?!\b(?:where|when|after|because|while|before|who|"
                           rf"which|that|and|or|but|{kill})\b)[^,;:.\d]){{1,120}}?\s(?:were|have been|had been)\s+"
                           rf"(?:(?:reportedly|also|later|all)\s+)?(?:killed|shot dead|gunned down|massacred|murdered|executed)\b"),
        before=re.compile(rf"(?i)\b{mod}{N}\s+{gap}(?:(?:were|was|have been|had been|are|is|been|got|reportedly|also|later|all|both)\s+)*(?:{kill})\b"),
        # ("from Russia's Feb. 18 attack": a month's short name keeps its full stop)
        # "The death toll from Sunday's suicide attack at the market in X, Y State, has risen to 20"
        toll=re.compile(rf"(?i)\b(?:death toll|toll|number of (?:the )?(?:dead|people killed)|fatalities|deaths)\s+(?:(?:\w+\s+){{0,4}}?(?:to|at|of|reached|hit|stands at|stood at|is|was)"
                        rf"|(?:from|of|in)\s(?:[^.;:]|(?<=[A-Z][a-z]{{2}})\.|(?<=[A-Z][a-z]{{3}})\.){{0,120}}?\b(?:(?:has|have|had) (?:risen|climbed|increased|grown|reached)|rose|climbed|jumped|increased|reached)(?: (?:from|by) [\w,]+)?(?: to)?)\s+{mod}{N}\b"),
        deaths_of=re.compile(rf"(?i)\b(?:deaths? of|killings? of|(?:bodies|corpses|remains) of|claim(?:ed|ing) the lives of|took the lives of|taking the lives of|(?:loss|lost) of(?=\s+\S+\s+(?:\S+\s+)?lives\b))\s+{mod}{N}\b(?!\s*(?:years?|%))"),
        left=re.compile(rf"(?i)\b(?:left|leaving|leave|claimed|claiming)\s+{mod}{N}\s+(?:(?:{victims})\s+)?(?:dead|lives|people dead)\b"),
        zero=re.compile(r"(?i)\b(?:no (?:one|deaths?|fatalities|casualties|lives|people|civilians|soldiers)(?: \w+)? (?:was |were |have been |has been )?(?:killed|reported|lost|dead|died)|no (?:deaths|fatalities|casualties) (?:were )?reported|without (?:causing )?(?:any )?(?:casualties|deaths|fatalities)|no one (?:was )?(?:hurt|harmed|injured|killed)|no casualties|no fatalities|caused no (?:casualties|deaths)|nobody was (?:killed|hurt))"),
        singular_before=re.compile(rf"(?i)\b(?:an?|one|the)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{victims.replace('?', '')}|man|woman|boy|girl|child|soldier|policeman|officer|civilian|journalist|teacher|farmer|chief|leader|commander|activist|student|trader|pastor|priest|imam|person|resident|driver|guard|worker|member|rebel|militant|fighter|insurgent|attacker|assailant|gunman|guerrilla|jihadist|bandit|terrorist|militiaman|supporter|miner|protester|demonstrator|passenger|villager|\d{{1,3}}-year-old),?\s+(?:(?:[\w'’,-]+|\([\w'’ -]{{1,20}}\))\s+){{0,6}}?(?:(?:was|has been|had been|(?P<pl>were|have been))\s+(?:(?:reportedly|also|later|allegedly)\s+)?(?:{kill})|died)\b"),
        singular_after=re.compile(r"(?i)\b(?:beat|beating|hacked|hacking|stabbed|stabbing|burned|burnt|burning|stoned|stoning|clubbed|clubbing)\s+(?:an?|one)\s+(?:[\w'’-]+\s+){0,3}?(?:man|woman|boy|girl|child|person|\w+)\s+to death\b|\b(?:killed|killing|murdered|shot dead|gunned down|assassinated|executed|beheaded|lynched|(?:beat|hacked|stabbed|burned|burnt|stoned) to death)\s+(?:an?|one)\s+(?:[\w'’-]+\s+){0,3}?(?:man|woman|boy|girl|child|soldier|policeman|officer|civilian|journalist|teacher|farmer|chief|leader|commander|activist|student|trader|pastor|priest|imam|person|resident|driver|guard|worker|member|\w+)\b|\b(?:eliminat(?:ed|ing)|neutrali[sz](?:ed|ing))\s+(?:an?|one)\s+(?:[\w'’-]+\s+){0,3}?(?:terrorist|militant|insurgent|fighter|operative|commander|gunman|jihadist|rebel|bandit|attacker|sniper|khariji|militiaman|combatant)\b|\b(?:killed|killing|murdered|shot dead|shooting dead|assassinated|executed)\s+(?:him|her)\b|\b(?:killed|killing|killing both|murdered|shot dead|shooting dead|crushing|crushed)\s+(?:its|his|her|their)\s+(?:[\w'’-]+\s+)?(?:driver|son|daughter|wife|husband|father|mother|brother|sister|owner|pilot|bodyguard|guard|leader|commander|chief|occupant|operator|rider|conductor)\b(?!\s+and\b)|\b(?-i:[A-Z][a-z]+),?\s+(?:\d{1,2},\s+)?(?:was|has been)\s+(?:(?:reportedly|allegedly)\s+)?(?:killed|shot dead|murdered|assassinated|gunned down|executed|beheaded|lynched|stabbed to death|beaten to death)\b"),
        plural_passive=re.compile(rf"(?i)\b(?:{victims})\s+(?:[\w'’-]+\s+){{0,3}}?(?:were|have been|had been)\s+(?:(?:reportedly|also|allegedly)\s+)?(?:killed|shot dead|massacred|slaughtered|murdered|executed|gunned down)\b|\b(?:killing|killed|massacred|murdered)\s+(?:scores of\s+)?(?:civilians|villagers|residents|worshippers|people|soldiers|policemen|protesters|students|fighters|militants)\b"),
        subset=re.compile(r"(?i),?\s*\(?(?:including|among them|among whom|of whom|most of them|many of them|mostly|the majority of them|all of them)\b[^,;.)]*[,)]?"),
        any_kill=re.compile(words(kill), re.IGNORECASE),
        values=values,
        multipliers=mult,
        unknown_plural=int(cfg.get("unknown_plural", 10)),
        singular=int(cfg.get("singular", 1)),
    )


_WORD_AT = re.compile(r"\w+")
_MODS = frozenset("at more over nearly almost about around roughly some up as an a approximately another "
                  "further fewer less no".split())


@functools.cache
def _starts(name: str) -> tuple[frozenset[str] | None, tuple[int, ...]]:
    """Word prefixes where the regex ``name`` can start (None: anywhere)."""
    from .lexicon import _prefixes

    rx = _rx()
    if name in ("before", "before_and", "before_conj"):
        firsts = {w.split()[0] for w in rx.values} | set(_MODS)
        return frozenset(firsts), tuple(sorted({len(x) for x in firsts}, reverse=True))
    p = _prefixes(getattr(rx, name).pattern)
    if p is None:
        return None, ()
    return frozenset(p), tuple(sorted({len(x) for x in p}, reverse=True))


def _finditer(name: str, t: str):
    """Like ``regex.finditer`` but only tried where a word the regex can start with begins."""
    rx = getattr(_rx(), name)
    prefs, lengths = _starts(name)
    if prefs is None:
        yield from rx.finditer(t)
        return
    end = -1
    for w in _WORD_AT.finditer(t):
        if w.start() < end:
            continue
        lw = w.group(0).lower()
        if not (lw[0].isdigit() or any(lw[:n] in prefs for n in lengths)):
            continue
        m = rx.match(t, w.start())
        if m:
            end = m.end()
            yield m


def parse_number(text: str) -> int | None:
    """A number written in digits or words ("12", "1,200", "twenty-five", "two dozen", "dozens")."""
    rx = _rx()
    t = " ".join(text.lower().replace("-", " ").split())
    if t.endswith(" of"):
        t = t[:-3]
    if not t:
        return None
    if t.replace(",", "").replace(".", "", 1).isdigit():
        try:
            return int(float(t.replace(",", "")))
        except ValueError:
            return None
    parts = t.split()
    if parts[0].replace(",", "").replace(".", "", 1).isdigit() and len(parts) == 2:
        m = rx.multipliers.get(parts[1].rstrip("s"))
        if m:
            return int(float(parts[0].replace(",", "")) * m)
    if t in rx.values:
        return rx.values[t]
    total = 0
    current = 0
    i = 0
    while i < len(parts):
        p = parts[i]
        two = " ".join(parts[i:i + 2])
        three = " ".join(parts[i:i + 3])
        if three in rx.values:
            current += rx.values[three]
            i += 3
            continue
        if two in rx.values:
            current += rx.values[two]
            i += 2
            continue
        if p in rx.values:
            current += rx.values[p]
        elif p.rstrip("s") in rx.multipliers:
            current = max(current, 1) * rx.multipliers[p.rstrip("s")]
            if rx.multipliers[p.rstrip("s")] >= 1000:
                total += current
                current = 0
        elif p in ("and", "a"):
            pass
        else:
            return None
        i += 1
    return total + current if (total + current) or parts[0] in ("zero",) else None


# "..., bringing to 57 the number of soldiers killed this month": a running total of a period, not
# more deaths of the event ("bringing the death toll from the attack to 21" names none and stays)
_PERIOD = (r"\b(?:this (?:year|month|week)|so far|since|last (?:year|month)|in (?:19|20)\d\d|in the (?:past|last)|to date|"
           r"(?:the|this) (?:conflict|war|insurgency|offensive|year|campaign))\b")
_RUNNING = re.compile(
    r"(?i)\b(?:bringing|brings|brought|taking|takes|raising|raises|pushing)\s+(?:(?:the\s+)?(?:total|overall)\s+)?"
    r"(?:to\s+(?:more than\s+|at least\s+|over\s+|some\s+)?[\d,]+\s+the\s+(?:number|total|tally|toll)(?=[^,;.]{0,80}?" + _PERIOD + r")"
    r"|(?:the|this)\s+(?:year|month|week|weekend|conflict|war|insurgency|campaign)(?:'s|’s)\s+(?:[\w-]+\s+){0,2}?(?:number|total|tally|toll)\b"
    r"|the\s+(?:[\w'’-]+\s+){0,2}?(?:number|total|tally|toll)\b(?:(?=[^,;.]{0,60}?" + _PERIOD + r"[^,;.]{0,40}?\bto\s+[\d,m])"
    r"|(?=[^,;.]{0,60}?\bto\s+(?:more than\s+|at least\s+|over\s+|some\s+)?[\d,]+[^,;.]{0,60}?" + _PERIOD + r")))[^,;.]*")


# "Boko Haram, which has killed more than 35,000 people since 2009, attacked ...": a clause telling
# a group's (or a conflict's) history, never deaths of this event ("the attack, which killed 12"
# in the simple past does tell them and stays)
_HISTORY_CLAUSE = re.compile(
    r"(?i)(?:,|\(|\u2014|--)\s*(?:which|who|that)\s+(?:(?:[\w'’-]+\s+){1,3}?(?:say|says|said|allege|alleges|alleged)\s+)?(?:(?:has|have)\s+(?:(?:now|so far|already|long|since|reportedly|allegedly|also|repeatedly)\s+)*"
    r"(?:killed|claimed|left|cost|been (?:blamed|responsible))"
    r"|(?:is|are|was|were)\s+(?:(?:widely|often|also)\s+)?(?:blamed|responsible)\s+for"
    r"|(?:kills|claims)\b"
    r"|had\s+(?:(?:already|also)\s+)?killed\b(?=[^,;.)\u2014]*\b(?:since|over the (?:past|last)|in (?:the )?(?:past|last|recent)|years?|decades?)\b))"
    r"[^,;.)\u2014]*")

# ("The clashes, which have killed 30 people since Monday, ...": the incident's own toll so far)
_EVENT_NOUN_BEFORE = re.compile(
    r"(?i)\b(?:attacks?|bombings?|blasts?|explosions?|fighting|clash(?:es)?|raids?|ambush(?:es)?|strikes?|"
    r"assaults?|shelling|massacres?|fire|riots?|battle|flare-up|incident|siege)"
    r"(?:\s+(?:in|on|at|near|of)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+)?\s*$")


def _blank_subsets(text: str) -> str:
    """Replace "including three children" style asides, running totals of a period and clauses
    telling a group's history by spaces (offsets kept)."""
    blank = lambda m: " " * len(m.group(0))  # noqa: E731
    text = _HISTORY_CLAUSE.sub(
        lambda m: m.group(0) if _EVENT_NOUN_BEFORE.search(text, 0, m.start())
        else m.group(0)[0] + " " * (len(m.group(0)) - 1), text)
    return _RUNNING.sub(blank, _rx().subset.sub(blank, text))


def _sum_chain(text: str, m: re.Match, value: int, forward: bool) -> tuple[int, int, int]:
    """Extend "three soldiers and two civilians" chains around a match; returns (value, start, end)."""
    start, end = m.start("num"), m.end()
    chain = re.compile(r"(?i)^(?:\s+(?!and\b)[\w'’-]+){0,3}?\s*(?:,|and|,\s*and)\s+(?P<n>[\w,-]+(?:\s+\w+)?)\s+(?:[\w'’-]+\s+){0,2}?(?:people|persons?|civilians?|soldiers?|troops?|militants?|fighters?|policem[ae]n|police officers?|officers?|others|children|child|women|woman|men|man|attackers?|members?|villagers?|residents?|insurgents?|rebels?|gunmen|gunman|protesters?|students?|farmers?|worshippers?|passengers?|militiam[ae]n|vigilantes?|bandits?|jihadists?|assailants?|gendarmes?|terrorists?|suspects?|herders?|traders?|pupils?|servicem[ae]n|personnel|journalists?|bystanders?|drivers?|guards?|bodyguards?|sons?|daughters?|wife|husband|brothers?)\b(?!,?\s+(?:said|says|told|added|reported|confirmed|claimed|announced|stated)\b)(?!,?\s+(?:(?:also|then|later|since|reportedly)\s+)*(?:were|was|are|is|have|has|had|fled|injured|wounded|displaced|abducted|kidnapped|arrested|missing|remain|remained)\b)")
    if forward:
        rest = text[m.end():]
        while True:
            c = chain.match(rest)
            if not c:
                break
            w = c.group("n").split()[0].lower()
            n = parse_number(c.group("n")) or parse_number(w) or (1 if w in ("a", "an") else None)
            if n is None and w in ("his", "her", "their", "its") and not re.search(r"(?i)s\b", c.group(0).split()[-1]):
                n = 1  # "killing five engineers and their driver"
            if n is None:
                break
            value += n
            end += c.end()
            rest = rest[c.end():]
    else:
        back = re.compile(r"(?i)(?P<n>\b[\w,-]+)\s+(?:(?!\d)[\w'’-]+\s+){0,2}?(?:people|persons?|civilians?|soldiers?|troops?|militants?|fighters?|policem[ae]n|police officers?|officers?|others|children|child|women|woman|men|man|attackers?|members?|villagers?|residents?|insurgents?|rebels?|gunmen|gunman|protesters?|students?|farmers?|worshippers?|passengers?|militiam[ae]n|vigilantes?|bandits?|jihadists?|assailants?|gendarmes?|terrorists?|suspects?|herders?|traders?|pupils?|servicem[ae]n|personnel|journalists?|bystanders?)\s*(?:,\s*and|,|and)\s*$")
        # "two soldiers and at least five attackers were killed": the figure's own modifier is not
        # between the two figures of the chain
        head = _MOD_END.sub("", text[:m.start("num")])
        while True:
            c = back.search(head)
            # "leaving one soldier and three militants dead": the figure, not the verb before it
            while c and parse_number(c.group("n").lower()) is None and c.group("n").lower() not in ("a", "an"):
                c = back.search(head, c.end("n"))
            if not c:
                break
            if _NOT_KILLED_BEFORE.search(head, 0, c.start()):
                break  # "wounding 12 people, and at least five attackers were killed": the first figure was hurt
            w = c.group("n").lower()
            n = parse_number(w) if w not in ("a", "an") else 1
            if n is None:
                break
            value += n
            start = c.start()
            head = head[:c.start()]
    return value, start, end


# a figure that is the object of another verb than killing ("wounded nine soldiers", "arrested 14 people")
_NOT_KILLED_BEFORE = re.compile(r"(?i)\b(?:wound(?:ed|ing|s)?|injur(?:ed|ing|es|e)|hurt(?:ing)?|arrest(?:ed|ing|s)?|"
                                r"rescu(?:ed|ing|es|e)|abduct(?:ed|ing|s)?|kidnapp?(?:ed|ing|s)?|captur(?:ed|ing|es|e)|"
                                r"detain(?:ed|ing|s)?|displac(?:ed|ing|es|e)|freed|freeing|evacuat(?:ed|ing)|"
                                r"hospitali[sz](?:ed|ing))\s+(?:(?:at\s+least|about|some|nearly|more\s+than|over|around|"
                                r"up\s+to|another)\s+)?$")
_MOD_END = re.compile(r"(?i)(?<=\s)(?:at least|more than|about|around|some|nearly|almost|over|up to|as many as|an estimated|roughly|approximately)\s+$")
_CHAIN = re.compile(r"(?i)\s*(?:,|and|,\s*and)\s+(?P<n>[\w,-]+)\s+(?:[\w'’-]+\s+){0,2}?(?:people|persons?|civilians?|soldiers?|troops?|militants?|fighters?|policem[ae]n|police officers?|officers?|others|children|child|women|woman|men|man|attackers?|members?|villagers?|residents?|insurgents?|rebels?|gunmen|gunman|protesters?|students?|farmers?|worshippers?|passengers?|militiam[ae]n|vigilantes?|bandits?|jihadists?|assailants?|gendarmes?|terrorists?|suspects?|herders?|traders?|pupils?|servicem[ae]n|personnel|journalists?|bystanders?|drivers?|guards?|bodyguards?|sons?|daughters?|wife|husband|brothers?)\b(?!,?\s+(?:said|says|told|added|reported|confirmed|claimed|announced|stated)\b)(?!,?\s+(?:(?:also|then|later|since|reportedly)\s+)*(?:were|was|are|is|have|has|had|fled|injured|wounded|displaced|abducted|kidnapped|arrested|missing|remain|remained)\b)")


def _chain_forward(t: str, pos: int, value: int) -> tuple[int, int]:
    """"killed a soldier and two civilians": add the figures listed after ``pos``."""
    while True:
        c = _CHAIN.match(t, pos)
        if not c:
            return value, pos
        w = c.group("n").lower()
        n = 1 if w in ("a", "an") else parse_number(w)
        if n is None and w in ("his", "her", "their", "its") and not c.group(0).rstrip().endswith("s"):
            n = 1  # "killed a farmer and his son"
        if n is None:
            return value, pos
        value += n
        pos = c.end()


# a dateline's date at the sentence's start counts nobody: "KABUL, June 12 - Gunmen killed five" is 5, not 17,
# and "Kabul, 12 June 2025 - Gunmen killed five" not 2030 (blanked, offsets kept)
_MONTHS_RX = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
              r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATELINE_DATE = re.compile(
    r"^\s*[A-Z][A-Za-z'’.\- ]{1,40}(?:/\s*[A-Z][A-Za-z'’.\- ]{1,40})*,\s*(?:[A-Z][a-z]+,?\s+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS_RX}|{_MONTHS_RX}\s+\d{{1,2}}(?:st|nd|rd|th)?)(?:,?\s+(?:19|20)\d\d)?"
    r"\s*(?:\([^)]{1,40}\)\s*)?(?=[-–—:])")


def find_counts(text: str) -> list[Count]:
    """Fatality figures in ``text`` (one sentence or part of one)."""
    rx = _rx()
    if not rx.any_kill.search(text) and "no " not in text.lower() and not _BODIES_OF.search(text):
        return []
    t = _DATELINE_DATE.sub(lambda d: " " * len(d.group()), _blank_subsets(text), count=1)
    t = _RANGE.sub(_lower_of_range, t)
    out: list[Count] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    for m in _finditer("zero", t):
        out.append(Count(0, m.start(), m.end(), text[m.start():m.end()], explicit_zero=True))
        taken.append((m.start(), m.end()))
    for name in ("toll", "deaths_of", "left", "before_and", "before_conj", "before", "after"):
        for m in _finditer(name, t):
            if not free(m.start("num"), m.end("num")):
                continue
            n = parse_number(m.group("num"))
            if n is None:
                continue
            if _RATE.match(t, m.end()):
                continue  # "security forces kill about 100 people a year": a rate, no event's toll
            if name.startswith("before") and _ACTIVE_KILL.search(m.group(0)):
                continue  # "attacked two army posts on Sunday, killing nine soldiers": the victims follow
            if name == "before" and (_OF_THE_DEAD.match(t, m.end("num")) or _THE_DEATH.search(m.group(0))
                                     or (_PART_OF.search(t, 0, m.start()) and m.start() == m.start("num")
                                         and (_OF_AFTER.search(m.group("num")) or _OF_AFTER.match(t, m.end("num"))
                                              or _PARENT_OF.search(t, 0, m.start())))):
                # "one of the dead was a mechanic", "two of those killed were children": some of a toll
                # told already; "hundreds of youths rioted over the death of a man", "worshippers
                # chanted against the death penalty": a crowd, not the dead; "members of one of the
                # country's most feared gangs were killed": the figure counts something else
                continue
            if name in ("before_and", "before_conj"):
                # the first figure must open its clause ("Eight DRG personnel and a driver were killed"),
                # not be the object of another verb ("Soldiers rescued 40 hostages and two soldiers were killed")
                head = t[:m.start()].rstrip()
                # ("The two bombers and a policeman were killed": "the" opening the clause opens the figure)
                if head and head[-1] not in ",;:(\u2014-" and not re.search(
                        r"(?i)\b(?:while|as|when|after|before|and|but|that|said|says|say|reported|confirmed|added)$", head) \
                        and not re.search(r"(?:^|[,;:(\u2014-]\s*|\b(?:while|as|when|after|before|and|but|that|said|says|say|"
                                          r"reported|confirmed|added)\s+)(?:The|the|All|all|Both|both|All the|all the)$", head):
                    continue
                if _OWN_CLAUSE.search(m.group(0)):
                    # "Thousands of people protested in Nairobi on Tuesday and three of them were killed":
                    # the first figure is the subject of a clause of its own (a crowd), not a victim
                    continue
            if name == "before_and":
                w = m.group("n2").lower()
                n2 = 1 if w in ("a", "an", "one") else parse_number(w)
                if n2 is None:
                    continue
                n += n2
            start, end = m.start("num"), m.end()
            if name == "before":
                n, start, end = _sum_chain(t, m, n, forward=False)
                one = _AND_ONE_MORE.match(t, end)
                if one:
                    # "six suspects were killed and a police officer died in hospital": one more victim
                    n, end = n + 1, one.end()
            elif name == "after":
                n, start, end = _sum_chain(t, m, n, forward=True)
                start = m.start()
            out.append(Count(n, start, end, text[start:end], kind=name))
            taken.append((m.start(), m.end()))
    if not any(c.value > 0 for c in out):
        m = rx.opening.match(t)
        if m and free(m.start("num"), m.end("num")) and (n := parse_number(m.group("num"))):
            out.append(Count(n, m.start("num"), m.end(), text[m.start("num"):m.end()], kind="before"))
            taken.append((m.start(), m.end()))
    if not any(c.value > 0 for c in out):
        for m in _finditer("singular_after", t):
            if free(m.start(), m.end()):
                n, end = _chain_forward(t, m.end(), rx.singular)
                out.append(Count(n, m.start(), end, text[m.start():end]))
                taken.append((m.start(), end))
        for m in _finditer("singular_before", t):
            if free(m.start(), m.end()):
                # "A 64-year-old man and his neighbour died": each one named in the pair
                n = rx.singular + len(_AND_ONE.findall(m.group(0)))
                if m.group("pl") and (n < 2 or re.search(r"(?i)(?<!s)s\s+and\s", m.group(0))):
                    continue  # "the leader and members of the cell were killed", "the attackers and a guard": not one
                out.append(Count(n, m.start(), m.end(), text[m.start():m.end()]))
                taken.append((m.start(), m.end()))
        if not any(c.value > 0 for c in out):
            for m in _finditer("plural_passive", t):
                if free(m.start(), m.end()):
                    out.append(Count(rx.unknown_plural, m.start(), m.end(), text[m.start():m.end()], kind="plural"))
                    taken.append((m.start(), m.end()))
    return out


# (one companion, not many: "the commander and his bodyguards", "a man and his family" are more than two)
_AND_ONE = re.compile(r"(?i)\band\s+(?:an?|one|his|her|their|its)\s+(?!own\b)(?!(?:\d+|two|three|four|five|six|seven|eight|"
                      r"nine|ten|several|many|family|children|men|women|people|crew|staff|entourage|escort|team|relatives|"
                      r"kin|household|police|troops|folk)\b)(?![\w'’-]*[^s'’]s\b)[\w'’-]+\s+(?:[\w'’,-]+\s+){0,3}?(?=(?:was|has been|had been|were|died)\b)")
# "between 15 and 20 people", "30 to 40 villagers", "five or six", "10-15 civilians": the lower figure
# (ACLED: the most conservative); "from 12 to 15" and "rose by two to 14" are changes, not ranges
_NUM_TOK = (r"(?:\d{1,3}(?:,\d{3})+|\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
            r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
            r"eighty|ninety|a dozen|dozen)")
_RANGE = re.compile(rf"(?i)(?<!from )(?<!\bby )(?<![\w.,-])(?P<between>between\s+)?(?P<a>{_NUM_TOK})"
                    rf"(?P<sep>(?(between)\s+and\s+|(?:\s+(?:to|or)\s+|(?<=\d)\s?[-–]\s?(?=\d))))(?P<b>{_NUM_TOK})(?![\w-]|[,.]\d|\s+(?:hundred|thousand|million)s?\b)"
                    # (no hours, days or distances: "two or three days later", "between 2 and 4 am")
                    r"(?!\s*(?:(?:years?|yrs|days?|hours?|weeks?|months?|minutes?|am|pm|a\.m|p\.m|km|kilomet\w+|miles?"
                    r"|metres?|meters?|per ?cent|o'clock)\b|%))")


def _lower_of_range(m: re.Match) -> str:
    a, b = parse_number(m.group("a")), parse_number(m.group("b"))
    if a is None or b is None or a >= b:
        return m.group(0)
    keep = m.group("a")
    return " " * len(m.group("between") or "") + keep + " " * (len(m.group(0)) - len(m.group("between") or "") - len(keep))


# ("killed 30 people in a week of clashes", "during a month-long siege": a span of time, no rate)
_RATE = re.compile(r"(?i)\s*(?:(?!(?:in|during|within|over|under|for|inside|throughout|across|than)\b)[\w'’-]+\s+){0,2}?"
                   r"(?:(?:a|per|each|every)\s+(?:year|month|week)|annually|yearly)\b(?![-’']|\s+of\b)"
                   r"(?!\s+(?:after|before|ago|later|earlier|since|into|to the day)\b)")
_BODIES_OF = re.compile(r"(?i)\b(?:bodies|corpses|remains) of\b")
# (offsets: right after a figure's kill word)
_AND_ONE_MORE = re.compile(
    r"(?i)\s*,?\s+and\s+(?:an?|one)\s+(?:[\w'’-]+\s+){0,3}?(?:soldier|policeman|police officer|officer|civilian|man|woman|"
    r"boy|girl|child|attacker|militant|fighter|gunman|rebel|guard|driver|resident|bystander|passenger|member|suspect|"
    r"protester|villager|farmer|gendarme|militiaman|commander|journalist)\s+(?:(?:also|later)\s+)?"
    r"(?:died|was\s+(?:also\s+|later\s+)?(?:killed|shot dead))\b")
# (offsets: right after the figure)
_OF_THE_DEAD = re.compile(r"(?i)[\"”’]?\s*(?:of\s+)?(?:the|those)\s+(?:(?!(?:were|was|have|has|had|been|are|is|later|also|"
                          r"reportedly|then)\b)[\w-]+\s+)?(?:dead|killed|slain|deceased|bodies|"
                          r"fatalities|casualties)\b")
# (not "twelve people met their deaths", "sent 14 villagers to their deaths": the dead themselves)
_THE_DEATH = re.compile(r"(?i)(?<!\bmet )(?<!\bmeet )(?<!\bmeets )(?<!\bmeeting )\b(?:the|a|his|her|their|its)\s+deaths?$"
                        r"(?<!\bto their deaths)(?<!\bto their death)(?<!\bto his death)(?<!\bto her death)")
# ("members of one of the gangs", "a mother of three": but "a family of five", "a team of four aid
# workers", "a crew of three" are the victims counted)
_OF_AFTER = re.compile(r"\s+of(?:\b|$)")
_PARENT_OF = re.compile(r"(?i)\b(?:mother|father|parent|grandmother|grandfather|grandparent)\s+of\s+$")
_PART_OF = re.compile(r"(?i)\b(?<!\w)(?!(?:deaths|killings|bodies|lives|tens|dozens|scores|hundreds|thousands|millions|"
                      r"total|number|couple|lot|handful)\s)[\w'’-]+\s+of\s+$")
_OWN_CLAUSE = re.compile(
    r"(?i)\b(?:on|last|early|late)\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\b(?:yesterday|overnight|last night)\b"
    r"|\band\s+\S+\s+(?:of\s+)?(?:them|whom|those)\b")
_ACTIVE_KILL = re.compile(r"(?i)\b(?:killing|kills?|slaughtering|massacring|murdering|executing|beheading)$")
# "the death toll ... has risen to nine after two men died in hospital": the deaths that raised a
# stated total are in it
_RISE_CAUSE = re.compile(r"(?i)[^;]{0,12}?\b(?:after|as|when|with|following)\b")
_MORE = re.compile(r"(?i)\b(?:more|further|another|additional|other)\b")


def sentence_fatalities(text: str) -> Count | None:
    """The fatalities one sentence (or stretch) reports: the sum of distinct figures, or
    the lowest when two figures are alternatives ("10, though residents said 15")."""
    found = find_counts(text)
    counts = [c for c in found if not c.explicit_zero]
    if not counts:
        zeros = [c for c in found if c.explicit_zero]
        return zeros[0] if zeros else None
    if len(counts) == 1:
        return counts[0]
    counts.sort(key=lambda c: c.start)
    tolls = [c for c in counts if c.kind == "toll"]
    if tolls and all(c.kind == "toll" or _MORE.search(c.text) or _RISE_CAUSE.match(text, tolls[0].end, c.start)
                     for c in counts):
        # "seven more bodies were recovered, bringing the death toll to 21": the added deaths are
        # part of the total the sentence states
        return max(tolls, key=lambda c: c.value)
    # Alternatives: a later figure after "said|put|according|toll|while|but" is another claim.
    alt = re.compile(r"(?i)\b(?:said|put|according|while|but|though|although|other|others|claimed|whereas|or)\b")
    best = counts[0]
    total = counts[0].value
    for c in counts[1:]:
        between = text[best.end:c.start]
        if alt.search(between):
            total = min(total, c.value)
        else:
            total += c.value
    return Count(total, counts[0].start, counts[-1].end, text[counts[0].start:counts[-1].end])


def victim_class(count_text: str, after: str = "") -> str:
    """Whose deaths a figure counts: "state", "nonstate", "civilians", or "" (mixed/unknown).

    ``count_text`` is the figure as read ("six protesters were shot dead", "killing eight");
    ``after`` the text that follows it, looked at only when the figure names nobody
    ("killing eight" + " policemen, a council member said")."""
    classes = {name for name, rx in _victim_rx().items() if rx.search(count_text)}
    if not classes and after:
        head = re.split(r",|;|\b(?:by|in|at|near|on|and|as|while|after)\b", after, maxsplit=1)[0]
        classes = {name for name, rx in _victim_rx().items() if rx.search(head)}
    return classes.pop() if len(classes) == 1 else ""


@functools.cache
def _victim_rx() -> dict[str, re.Pattern]:
    cfg = load_lexicon().fatalities.get("victim_classes") or {}
    return {name: re.compile(words(squash(pat)), re.IGNORECASE) for name, pat in cfg.items()}


def combine(per_sentence: list[tuple]) -> int:
    """Fatalities of one event told in several sentences: ``[(value, attribution[, victims]), ...]``.

    The same deaths reported twice are not added: take the highest figure from one source
    (later sentences often restate or update the toll) and, when sources disagree, the most
    conservative of the sources' figures. Figures of different sides ("eight policemen" in one
    sentence, "two Taliban fighters" in the next) are different deaths and add up, as long as
    every figure names whose deaths it counts.
    """
    if not per_sentence:
        return 0
    classes = {x[2] if len(x) > 2 else "" for x in per_sentence}
    if len(classes) >= 2 and "" not in classes:
        return sum(_combine_one([x for x in per_sentence if x[2] == c]) for c in classes)
    return _combine_one(per_sentence)


def _combine_one(per_sentence: list[tuple]) -> int:
    by_source: dict[str, int] = {}
    for value, source, *_ in per_sentence:
        key = source or ""
        by_source[key] = max(by_source.get(key, 0), value)
    named = {k: v for k, v in by_source.items() if k}
    if len(named) >= 2:
        return min(named.values())
    return max(by_source.values())


__all__ = ["Count", "combine", "find_counts", "parse_number", "sentence_fatalities", "victim_class", "words"]
