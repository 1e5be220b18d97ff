"""The toponym recogniser's quick paths must give the answers of the slow ones.

Geoparsing runs over every article, so the recogniser keeps per-process caches (word shapes, name
look-ups), flags tokens instead of scanning span lists, and checks for a plain word before running a
costly pattern. Each test pins a behaviour those shortcuts must share with the straightforward code.
"""

from __future__ import annotations

import pytest

from eventwire.places import recognize as R
from eventwire.places.gazetteer import Gazetteer

TEXT = "Iraq's army entered al-Bab, near the U.S.-backed SDF's base; anti-Russian protests in KYIV."


def _fields(tokens: list[R.Token]) -> list[tuple]:
    return [(t.start, t.end, t.text, t.lower, t.cap, t.upper, t.adj_tail, t.possessive) for t in tokens]


def test_tokenize_gives_the_same_tokens_from_its_shape_cache():
    R._SHAPES.clear()
    first = _fields(R.tokenize(TEXT))  # shapes worked out
    second = _fields(R.tokenize(TEXT))  # shapes from the cache
    assert first == second
    by_text = {f[2]: f for f in first}
    assert by_text["Iraq"][:2] == (0, 4) and by_text["Iraq"][7]  # "Iraq's": the token is Iraq, possessive
    assert by_text["SDF"][5] and by_text["SDF"][7]  # an acronym in the possessive
    assert by_text["KYIV"][4:6] == (True, True)
    assert by_text["army"][4:6] == (False, False)
    assert by_text["al-Bab"][4]  # a name after a lower-case Arabic article is capitalised
    assert by_text["Russian"][0] == TEXT.index("Russian")  # "anti-Russian" -> "Russian"


def test_tokenize_shape_cache_keeps_possessive_and_plain_forms_apart():
    R._SHAPES.clear()
    a = R.tokenize("Syria's")
    b = R.tokenize("Syria")
    assert (a[0].text, a[0].end, a[0].possessive) == ("Syria", 5, True)
    assert (b[0].text, b[0].end, b[0].possessive) == ("Syria", 5, False)


def test_take_flags_the_tokens_whose_start_lies_in_the_span():
    text = "Gunmen from Boko Haram attacked Maiduguri on Monday"
    tokens = R.tokenize(text)
    starts = [t.start for t in tokens]
    taken = bytearray(len(tokens))
    R._take(taken, starts, text.index("oko"), text.index("Haram") + 5, R.BLOCKED)  # starts inside "Boko"
    m = text.index("Maiduguri")
    R._take(taken, starts, m, m + len("Maiduguri"), R.COVERED)
    R._take(taken, starts, m, m + 3, R.BLOCKED)  # a second kind on the same token adds its bit
    assert [t.text for t, f in zip(tokens, taken) if f & R.BLOCKED] == ["Haram", "Maiduguri"]
    assert [t.text for t, f in zip(tokens, taken) if f & R.COVERED] == ["Maiduguri"]
    assert taken[[t.text for t in tokens].index("Maiduguri")] == R.COVERED | R.BLOCKED


def test_zones_by_token_gives_each_token_the_first_zone_listed():
    text = "the Kabul University hospital in Herat"
    tokens = R.tokenize(text)
    starts = [t.start for t in tokens]
    org = (text.index("Kabul"), text.index("hospital") + len("hospital"), "ORG")
    fac = (text.index("University"), text.index("hospital") + len("hospital"), "FAC")
    zones = R._zones_by_token([org, fac], starts)
    assert [z[2] if z else None for z in zones] == [None, "ORG", "ORG", "ORG", None, None]
    zones = R._zones_by_token([fac, org], starts)
    assert [z[2] if z else None for z in zones] == [None, "ORG", "FAC", "FAC", None, None]


def test_token_index_by_end_needs_no_table():
    tokens = R.tokenize(TEXT)
    for k, t in enumerate(tokens):
        assert R._tok_index({}, t.end, tokens, end=True) == k
    # a position inside a token: the last token ending before it
    inside = TEXT.index("entered") + 3
    assert tokens[R._tok_index({}, inside, tokens, end=True)].text == "army"


@pytest.fixture(scope="module")
def recognizer(settings):
    return R.Recognizer(Gazetteer.for_settings(settings))


@pytest.mark.parametrize("text, wanted", [
    ("Fighting spread to the country's north and to the east of the nation.", ["north", "east"]),
    ("FIGHTING SPREAD TO THE COUNTRY'S FAR SOUTH", ["south"]),  # the pattern ignores case; so must its pre-check
    ("The nationalist party met the national press.", []),
])
def test_relative_regions_found_whatever_the_case(recognizer, text, wanted):
    _, regions = recognizer(text)
    assert [r.direction for r in regions] == wanted


def test_bare_capital_only_in_lower_case(recognizer):
    _, regions = recognizer("Troops entered the capital on Monday.")
    assert [r.direction for r in regions] == ["capital"]
    _, regions = recognizer("Troops entered the Capital Mall on Monday.")  # the pattern reads lower case only
    assert regions == []


def test_variant_lookups_are_the_same_when_cached(recognizer):
    first = recognizer._lookup_variants("Qamishli")  # "Qamishli" ~ "Al Qamishli"
    again = recognizer._lookup_variants("Qamishli")
    assert first and first == again
    assert all(c.feature_class in ("P", "A") for c in first)
    assert recognizer._lookup_variants("Zzyzxqq") == ()


def test_candidate_kinds_are_worked_out_once_and_do_not_change_identity():
    import dataclasses

    from eventwire.places.gazetteer import Candidate

    country = Candidate(1, "Mali", 17.0, -4.0, "ML", "", "", "A", "PCLI", 20_000_000, "test", "name")
    region = Candidate(2, "Kidal", 18.4, 1.4, "ML", "ML.08", "", "A", "ADM1", 0, "test", "name")
    town = Candidate(3, "Kidal", 18.44, 1.41, "ML", "ML.08", "", "P", "PPLA", 25_000, "test", "alt")
    assert (country.is_country, country.is_admin1, country.is_admin) == (True, False, True)
    assert (region.is_country, region.is_admin1, region.is_admin) == (False, True, True)
    assert (town.is_country, town.is_admin1, town.is_admin) == (False, False, False)
    assert dataclasses.replace(town, feature_code="PCLI", feature_class="A").is_country  # recomputed
    assert town == Candidate(3, "Kidal", 18.44, 1.41, "ML", "ML.08", "", "P", "PPLA", 25_000, "test", "alt")
    assert len({town, dataclasses.replace(town)}) == 1
    assert "is_country" not in repr(town)
