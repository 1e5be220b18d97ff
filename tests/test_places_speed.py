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


# ---------------------------------------------------------------- stream speed (issue 4): the shortcuts
def _tokens_by_matches(text: str) -> list[tuple]:
    """The tokenizer as written before its quick path: one match object per word."""
    out = []
    for m in R._TOKEN.finditer(text):
        t = m.group()
        if "-" in t:
            out.extend(R._hyphenated(m.start(), t, None))
            continue
        word, low, cap, upper, poss = R._word_shape(t)
        out.append(R.Token(m.start(), m.start() + len(word), word, low, cap, upper, False, poss))
    return _fields(out)


@pytest.mark.parametrize("text", [
    TEXT,
    "3rd Brigade_HQ in 2nd-district: x_y, 10km S of Mosul; Mosul's U.S. base -- U.S.A. 4x4s (B-52s)",
    "Ma‘arrat an-Nu‘man, Deir ez-Zor’s 1st ward; Şanlıurfa/Gaziantep — ÇUKUROVA, d'Ivoire's al-Hol",
    "  leading spaces\n\nA-B-C-based e.g. i.e. St. Louis's O'Hare; Mosul Mosul Mosul",
    "",
])
def test_tokenize_finds_each_word_where_the_match_does(text):
    """Words are found by findall and located by str.find from the previous word's end: the same
    starts as the match objects, even where a word repeats or follows digits and underscores."""
    assert _fields(R.tokenize(text)) == _tokens_by_matches(text)


@pytest.fixture()
def fresh_gazetteer(settings):
    """A second reader of the same file, with empty caches (a process that has seen no article)."""
    return Gazetteer(Gazetteer.for_settings(settings).path)


def _query(gaz: Gazetteer, norm: str) -> tuple:
    rows = gaz.con.execute(
        "SELECT p.id, p.name, p.lat, p.lon, p.cc, p.admin1, p.admin2, p.fclass, p.fcode, p.population, "
        "p.source, n.kind FROM names n JOIN places p ON p.id = n.place_id WHERE n.norm = ?", (norm,)).fetchall()
    from eventwire.places.gazetteer import Candidate

    return tuple(Candidate(*r) for r in rows)


NAMES = ["Mosul", "New York", "New York Times", "New Yorkers", "Donald Trump", "Al Qamishli", "Al Zzyzx",
         "Al", "San Francisco", "San Zzyzx Bay", "Saint Petersburg", "Deir ez Zor", "Human Rights Watch",
         "Zzyzxqq", "Washington", "the", "Sri Lanka", "Sri", "Kyiv Oblast", ""]


def test_lookups_answered_without_a_query_match_the_query(fresh_gazetteer):
    """Names the bitmap of names rules out without a query ("Al Zzyzx", "New York Times") must be
    ones the query finds nothing for; listed names still come back whole."""
    gaz = fresh_gazetteer
    from eventwire.places.gazetteer import normalise

    for name in NAMES:
        norm = normalise(name)
        want = _query(gaz, norm)
        assert gaz.lookup_norm(norm) == want, name
        if gaz._surely_unlisted(norm):
            assert want == (), name
    assert gaz.lookup("Mosul") and gaz.lookup("New York") and gaz.lookup("Al Qamishli")
    assert gaz.lookup("New York Times") == () and gaz.lookup("Al Zzyzx") == ()
    assert gaz._surely_unlisted("al zzyzx") and not gaz._surely_unlisted("mosul")


def test_lookups_do_not_depend_on_what_was_asked_before(settings):
    """A stream cache of names: the answers for a name are the same whatever came before it."""
    from eventwire.places.gazetteer import normalise

    a = Gazetteer(Gazetteer.for_settings(settings).path)
    b = Gazetteer(Gazetteer.for_settings(settings).path)
    for name in NAMES:
        b.lookup(name)
    for name in reversed(NAMES):
        assert a.lookup(name) == b.lookup(name), name
        first = normalise(name).split(" ")[0]
        assert a.max_words(first) == b.max_words(first)


def test_a_gazetteer_without_the_name_bitmaps_answers_the_same(fresh_gazetteer, settings):
    """A file of an older schema has no bitmaps: every look-up asks SQLite, with the same answers."""
    from eventwire.places.gazetteer import normalise

    plain = Gazetteer(Gazetteer.for_settings(settings).path)
    plain._names_index = plain._firsts_index = None
    assert fresh_gazetteer._names_index is not None and fresh_gazetteer._firsts_index is not None
    for name in NAMES + ["Tripoli", "Paris Texas", "Sanaa", "Mogadishu", "Qamishli", "Cox's Bazar"]:
        assert fresh_gazetteer.lookup(name) == plain.lookup(name), name
        first = normalise(name).split(" ")[0]
        assert fresh_gazetteer.max_words(first) == plain.max_words(first), name


def test_bitmap_never_says_no_for_a_string_it_holds():
    import random

    from eventwire.places.gazetteer import _bitmap, _indexed

    rng = random.Random(4)
    held = {"".join(rng.choice("abcdefghij ’éşı") for _ in range(rng.randint(1, 12))) for _ in range(3000)}
    bits = _bitmap(held, 1 << 16)
    assert all(_indexed(bits, s) for s in held)
    others = [f"zz{k}" for k in range(2000)]
    assert sum(_indexed(bits, s) for s in others) < 200  # 3000 of 65536 bits set: about 5% say yes by chance
    assert _indexed(bits, "\ud800x") in (True, False)  # a lone surrogate from broken input does not raise


def test_resolution_is_the_same_when_priors_come_from_the_article_cache(settings):
    """The resolver reuses each name's prior within an article; a second article starts afresh."""
    from eventwire import places
    from eventwire.models import Document

    text = ("Clashes erupted in Tripoli, Lebanon, on Monday, while in Tripoli, the Libyan capital, "
            "militias fought near the airport. Paris, Texas, held a vigil; Paris was calm.")
    outs = []
    for _ in range(2):
        doc = Document(id="d", text=text, clean=text)
        from eventwire import nlp

        nlp.run(doc, settings)
        places.run(doc, settings)
        outs.append([(m.start, m.text, m.value.geonameid, m.score, m.why) for m in doc.mentions if m.kind == "place"])
    assert outs[0] == outs[1]
    by_text = {}
    for _, t, gid, _, why in outs[0]:
        by_text.setdefault(t, []).append(why)
    assert any("Lebanon" in w for w in by_text["Tripoli"]) and any("Libya" in w for w in by_text["Tripoli"])
    assert any("Texas" in w for w in by_text["Paris"])


@pytest.mark.parametrize("name", ["The Hague", "U.S.", "Deir ez-Zor", "O'Hare Airport", "KHAN  YUNIS", "the",
                                  "St. Louis/East St. Louis", "Ma‘arrat an-Nu‘mān", "İstanbul", "Ærøskøbing"])
def test_normalise_quick_path_for_plain_ascii_names(name):
    """An ASCII name skips the accent folding, which changes nothing in it: same key either way."""
    import unicodedata

    from eventwire.places import gazetteer as G

    s = unicodedata.normalize("NFKD", name.translate(G._SPECIAL))
    s = "".join(c for c in s if not unicodedata.combining(c)).translate(G._APOS)
    s = G._SEP.sub(" ", s).strip().casefold()
    want = s[4:] if s.startswith("the ") else s
    assert G.normalise.__wrapped__(name) == want
