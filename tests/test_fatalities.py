"""Fatalities with ACLED's conventions."""

from __future__ import annotations

import pytest

from eventwire.events.fatalities import combine, parse_number, sentence_fatalities


@pytest.mark.parametrize("text,value", [
    ("12", 12), ("1,200", 1200), ("twenty-five", 25), ("a dozen", 12), ("two dozen", 24),
    ("three hundred", 300), ("several", 3), ("dozens", 12), ("hundreds", 100), ("a few", 3),
])
def test_parse_number(text: str, value: int) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text,value", [
    ("Gunmen killed 12 villagers in Zamfara.", 12),
    ("At least 20 people were killed and 35 wounded in the blast.", 20),  # killed, not injured
    ("Twelve people, including three children, were killed.", 12),  # a subset is not added
    ("The attack killed three soldiers and two civilians.", 5),  # parts are summed
    ("Three soldiers and two civilians were killed.", 5),
    ("Several people were killed in the shelling.", 3),
    ("Dozens were killed in the clashes.", 12),
    ("Hundreds of people died in the massacre.", 100),
    ("The death toll rose to 45 on Sunday.", 45),
    ("The blast left seven people dead.", 7),
    ("Officials said 10 died, while residents said 15 were killed.", 10),  # most conservative
    ("A policeman was killed when gunmen opened fire.", 1),
    ("Unidentified gunmen shot dead a journalist.", 1),
    ("Journalist Maria Lopez was shot dead outside her home.", 1),
    ("No one was killed in the attack.", 0),
    ("A soldier and two civilians were killed.", 3),
    ("The attack killed a soldier and two civilians.", 3),
    ("The clashes resulted in the deaths of two separatists.", 2),
    ("The blast claimed the lives of 12 people.", 12),
])
def test_sentence_fatalities(text: str, value: int) -> None:
    c = sentence_fatalities(text)
    assert c is not None and c.value == value


@pytest.mark.parametrize("text", [
    "Ten people were wounded in the explosion.",
    "Five soldiers were injured and two abducted.",
    "The 25-year-old activist was arrested on Monday.",
    "More than 300 protesters marched through the city.",
])
def test_no_deaths_no_figure(text: str) -> None:
    c = sentence_fatalities(text)
    assert c is None or c.value == 0


def test_same_deaths_reported_twice_count_once() -> None:
    assert combine([(9, ""), (9, "police")]) == 9
    assert combine([(5, ""), (7, "")]) == 7  # an update of the toll, not new deaths
    assert combine([(10, "officials"), (15, "residents")]) == 10  # sources disagree: conservative
    assert combine([]) == 0


def test_article_fatalities_not_double_counted() -> None:
    from eventwire.api import extract

    text = ("Suicide bomber kills 14 at Kabul mosque\n"
            "A suicide bomber blew himself up inside a mosque in Kabul on Friday, killing 14 worshippers.\n"
            "The blast, which killed 14 people, also wounded 30 others, a health official said.\n")
    evs = extract(text=text, published="2022-04-30")
    assert [(e.sub_event_type, e.fatalities) for e in evs] == [("Suicide bomb", 14)]
    assert "fatalities" in evs[0].provenance


def test_a_possessive_singular_after_and_counts_one() -> None:
    from eventwire.events.fatalities import sentence_fatalities

    assert sentence_fatalities("Gunmen killed a trader and his driver near Kano.").value == 2
    assert sentence_fatalities("The blast killed four officials and their bodyguard.").value == 5
    assert sentence_fatalities("The blast killed four officials and their bodyguards.").value == 4  # how many: unknown


def test_an_injury_word_describing_the_victims_does_not_end_the_count():
    from eventwire.events.fatalities import sentence_fatalities

    assert sentence_fatalities("At least 18 displaced people died on Friday when bombs fell on the camps").value == 18
    assert sentence_fatalities("Five wounded soldiers died in hospital on Sunday.").value == 5
    assert sentence_fatalities("12 displaced civilians were killed in the shelling.").value == 12
    # an injury figure beside the toll still is not the toll
    assert sentence_fatalities("20 injured people were taken to hospital and four were killed.").value == 4
    assert sentence_fatalities("The blast left 12 wounded and 3 killed.").value == 3
