"""``lexicon.CueGate``: a phrase-list regex tried only at the words it can start gives exactly
``rx.search``'s answer (same span, same text), on the modality rules and on made-up patterns
with the traps a word-prefix gate could fall into."""

from __future__ import annotations

import random
import re

import pytest

from eventwire.events.lexicon import CueGate, _top_alternatives, load_lexicon, words
from eventwire.events.modality import check, cue_gate

# written for these tests: reported events, plans, denials, tolls, quotes, accents and odd spacing
TEXTS = [
    "Gunmen killed three villagers in Kaya on Sunday, police said.",
    "Protesters said they'll march on parliament again next week unless the fuel price is cut.",
    "Three days before the vote, soldiers fired tear gas at a rally in the capital.",
    "The army denied that its drones had struck the market, calling the reports false.",
    "Since the insurgency began in 2017, more than 4,000 people have been killed and 1.2 million have been displaced.",
    "Police have arrested protesters every week since March, a rights group said.",
    "'We buried my brother yesterday,' said the victim's sister, whose husband was also shot.",
    "The derby between the two clubs ended in a brawl; fans of Kano Derby threw bottles.",
    "Residents of Sánchez Ramírez said militiamen burned two houses and looted a shop.",
    "A court in Bamako sentenced two men for the 2015 attack on the hotel that killed 20 people.",
    "Will the strike go ahead? Unions may decide on Monday.",
    "KİLL and ſtill and K: letters that fold to ASCII under IGNORECASE were written here.",
    "Forty years after soldiers shot dead dozens of students, mourners marched through the town.",
    "It was a hoax, officials said, after a video of a bus accident circulated online.",
    "Militants attacked a checkpoint near Diffa   and   seized weapons,\tthe ministry said.",
    "The government has banned all rallies; opposition leaders have called for a general strike.",
]


def _stretches(text: str, rng: random.Random, n: int = 25) -> list[str]:
    """The text and random slices of it (starting and ending inside words, too)."""
    out = [text, text.strip(), ""]
    for _ in range(n if text else 0):
        a = rng.randrange(0, len(text))
        b = rng.randrange(a, len(text) + 1)
        out.append(text[a:b])
    return out


def _same(m1, m2) -> bool:
    if m1 is None or m2 is None:
        return m1 is None and m2 is None
    return m1.span() == m2.span() and m1.group(0) == m2.group(0)


def test_modality_rules_answer_as_their_regex():
    lex = load_lexicon()
    gate = cue_gate(lex)
    rng = random.Random(7)
    hits = 0
    for text in TEXTS:
        for stretch in _stretches(text, rng):
            positions = gate.positions(stretch)
            for k, (_name, _why, _scope, rx) in enumerate(lex.modality):
                want = rx.search(stretch)
                assert _same(gate.search(k, rx, stretch, positions), want), (lex.modality[k][0], stretch)
                hits += want is not None
    assert hits > 20  # the texts do fire rules: the check is not only about misses


def test_made_up_patterns_with_traps():
    patterns = [
        re.compile(words(r"will|'ll|is going to|(?:a |two |\d+ )?days? before"), re.IGNORECASE),
        re.compile(words(r"(?-i:May)|might|could"), re.IGNORECASE),  # case-sensitive alternative
        re.compile(words(r"ſtill|kill(?:ed|s)?"), re.IGNORECASE),  # a non-ASCII prefix: "ſ" matches "s"
        re.compile(words(r"[|]pipe|a\|b|x[]|]y"), re.IGNORECASE),  # "|" inside classes and escaped
        re.compile(words(r"\d+ (?:years?|decades?) (?:after|since)|(?:many|several) times"), re.IGNORECASE),
        re.compile(r"\?$"),  # not a phrase list: always searched
    ]
    gate = CueGate(patterns)
    assert 5 in gate.always and 0 in gate.residual and 2 in gate.residual  # ('ll; ſtill)
    texts = [
        "They'll still be killed, it could be, in May: many times, 20 years after it.",
        "he will go two days before; may be; MAY; KILLED; Killing; skill; still",
        "a|b and |pipe and x|y and x]y or ab?",
        "Kİlled, ſtill and Kill -- KİLL",
        "forty years since, 3 decades after; 5 day before",
        "",
    ]
    rng = random.Random(3)
    for text in texts:
        for stretch in _stretches(text, rng, 60):
            positions = gate.positions(stretch)
            for k, rx in enumerate(patterns):
                assert _same(gate.search(k, rx, stretch, positions), rx.search(stretch)), (k, stretch)


def test_a_word_beyond_ascii_at_a_word_start_turns_the_gate_off():
    gate = CueGate([re.compile(words("kill"), re.IGNORECASE)])
    assert gate.positions("KİLL them") is None  # "İ" folds to "i" in the regex, not in str.lower()
    assert gate.positions("Ramírez said") is not None  # (only a word's first three letters matter)
    assert gate.search(0, gate_rx := re.compile(words("kill"), re.IGNORECASE), "KİLL", None).group(0) == "KİLL"
    assert gate_rx.search("KİLL") is not None


@pytest.mark.parametrize("pattern, alternatives", [
    ("a|b|c", ["a", "b", "c"]),
    ("(?:a|b)c|d", ["(?:a|b)c", "d"]),
    (r"x\|y|z", [r"x\|y", "z"]),
    ("[|]a|b", ["[|]a", "b"]),
    ("[]|]a|b", ["[]|]a", "b"]),
    ("[^]|]a|b", ["[^]|]a", "b"]),
    ("(?-i:May)|might", ["(?-i:May)", "might"]),
])
def test_top_alternatives(pattern, alternatives):
    assert _top_alternatives(pattern) == alternatives
    for alt in alternatives:
        re.compile(alt)


@pytest.mark.parametrize("pattern", ["(a|b", "a)|b", "[ab|c", "a\\"])
def test_top_alternatives_refuses_what_it_cannot_split(pattern):
    assert _top_alternatives(pattern) is None


def test_verdicts_unchanged_on_triggers():
    """Control: the modality verdicts of triggers in these texts, with and without dates, are the
    ones the rules' own regexes give (the gate replaced by plain searches)."""
    lex = load_lexicon()
    gate = cue_gate(lex)
    cases = [
        ("Protesters said they'll march on parliament next week.", "march"),
        ("Three days before the vote, soldiers fired tear gas at a rally.", "fired"),
        ("The army denied that its drones had struck the market.", "struck"),
        ("Police have arrested protesters every week since March.", "arrested"),
        ("Gunmen killed three villagers in Kaya on Sunday.", "killed"),
        ("Forty years after soldiers shot dead dozens of students, mourners marched.", "shot"),
    ]
    def verdicts():
        out = []
        for text, word in cases:
            start = text.index(word)
            for has_date in (False, True):
                v = check(text, start, start + len(word), has_date=has_date, lex=lex)
                out.append((v.ok, v.rule, v.cue))
        return out

    gated = verdicts()
    from eventwire.events import modality

    modality._cues_of.cache_clear()
    modality._sentence_cue.cache_clear()
    saved = gate.search
    try:
        gate.search = lambda k, rx, text, positions: rx.search(text)
        searched = verdicts()
    finally:
        gate.search = saved
        modality._cues_of.cache_clear()
        modality._sentence_cue.cache_clear()
    assert gated == searched
    assert {v[0] for v in gated} == {True, False}  # both kinds of verdict are compared
    assert len({v[1] for v in gated if not v[0]}) >= 2  # (several rules fire)
