"""Actor dictionary and recognition (eventwire.actors.dictionary / .recognize).

Text-only: no spaCy model needed (recognition does not use the parse).
"""

from __future__ import annotations

import json

import pytest

from eventwire.actors import interaction_code, lookup
from eventwire.actors.dictionary import EXTRA_KINDS, KINDS, load_dictionary
from eventwire.actors.recognize import recognize_text
from eventwire.models import Document, Sentence

from conftest import run_cli


def names(text: str, country: str = "") -> list[tuple[str, str]]:
    return [(m.text, m.value.name) for m in recognize_text(text, country=country)]


def name_of(text: str, surface: str, country: str = "") -> str:
    for m in recognize_text(text, country=country):
        if m.text == surface:
            return m.value.name
    raise AssertionError(f"{surface!r} not recognised in {text!r}: {names(text, country)}")


# ---------------------------------------------------------------- the dictionary as data
def test_dictionary_is_large_and_consistent():
    d = load_dictionary()
    assert len(d.entries) >= 400
    # at least 400 named groups (state forces by pattern and generic classes not counted)
    named = [e for e in d.entries.values() if not e.generic and not e.noun_class
             and not e.name.startswith(("Military Forces of", "Police Forces of"))]
    assert len(named) >= 400, len(named)
    for e in d.entries.values():
        assert 1 <= e.inter <= 8, e
        assert e.kind in KINDS.values() or EXTRA_KINDS.get(e.kind) == e.inter, e
        assert not e.country or e.country in d.countries, e
        assert e.source, f"{e.name} has no source"
    # state forces of every country
    for c in d.countries.values():
        assert f"Military Forces of {c.of_name}" in d.entries
        assert f"Police Forces of {c.of_name}" in d.entries


def test_every_inter_class_is_represented():
    d = load_dictionary()
    assert {e.inter for e in d.entries.values()} == set(range(1, 9))


def test_islamic_state_aliases_and_branches():
    for alias in ("Islamic State", "ISIS", "ISIL", "Isis", "Daesh", "IS"):
        assert lookup(alias, country="Syria").name == "Islamic State (Syria)", alias
    assert lookup("Islamic State", country="Iraq").name == "Islamic State (Iraq)"
    assert lookup("ISIS fighters", country="Nigeria").name == "Islamic State West Africa Province (ISWAP)"
    assert lookup("Islamic State", country="Afghanistan").name == "Islamic State Khorasan Province (ISKP)"
    assert lookup("Daesh", country="Somalia").name == "Islamic State (Somalia)"
    assert lookup("ISWAP").name == "Islamic State West Africa Province (ISWAP)"
    assert lookup("Islamic State").name == "Islamic State"  # no context: no country invented


def test_is_pronoun_trap():
    # "is" the verb and "Is" at a sentence start are not the Islamic State
    assert names("This is what Is said", country="Syria") == []


@pytest.mark.parametrize("surface,country,expected", [
    ("Syrian army", "", "Military Forces of Syria"),
    ("Iraqi security forces", "", "Military Forces of Iraq"),
    ("Nigerian troops", "", "Military Forces of Nigeria"),
    ("Kenyan police", "", "Police Forces of Kenya"),
    ("Syria's army", "", "Military Forces of Syria"),
    ("US troops", "", "Military Forces of the United States"),
    ("the Nigerian Air Force", "", "Military Forces of Nigeria"),
    ("Congolese soldiers", "", "Military Forces of the Democratic Republic of Congo"),
    ("regime forces", "Syria", "Military Forces of Syria"),
    ("riot police", "Iraq", "Police Forces of Iraq"),
])
def test_state_forces(surface, country, expected):
    assert lookup(surface, country=country).name == expected
    assert lookup(surface, country=country).inter == 1


@pytest.mark.parametrize("surface,expected", [
    ("gunmen", "Unidentified Armed Group (Nigeria)"),
    ("unidentified armed men", "Unidentified Armed Group (Nigeria)"),
    ("militants", "Unidentified Armed Group (Nigeria)"),
    ("protesters", "Protesters (Nigeria)"),
    ("demonstrators", "Protesters (Nigeria)"),
    ("rioters", "Rioters (Nigeria)"),
    ("villagers", "Civilians (Nigeria)"),
    ("aid workers", "Civilians (Nigeria)"),
    ("journalists", "Civilians (Nigeria)"),
    ("Fulani herdsmen", "Fulani Ethnic Militia (Nigeria)"),
])
def test_generic_actors_take_the_context_country(surface, expected):
    actor = lookup(surface, country="Nigeria")
    assert actor.name == expected


@pytest.mark.parametrize("surface,expected,inter", [
    ("SDF", "SDF: Syrian Democratic Forces", 2),
    ("YPG fighters", "YPG: People's Protection Units", 2),
    ("Hayat Tahrir al-Sham", "HTS: Hayat Tahrir al Sham", 2),
    ("al-Shabab militants", "Al Shabaab", 2),
    ("Boko Haram", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", 2),
    ("JNIM", "JNIM: Group for Support of Islam and Muslims", 2),
    ("the Taliban", "Taliban", 2),
    ("Ansar Allah", "Houthis (Ansar Allah)", 2),
    ("Hezbollah", "Hezbollah", 2),
    ("Hamas", "Hamas Movement", 2),
    ("Kurdistan Workers' Party", "PKK: Kurdistan Workers Party", 2),
    ("Rapid Support Forces", "RSF: Rapid Support Forces", 2),
    ("M23 rebels", "M23: March 23 Movement", 2),
    ("Africa Corps", "Wagner Group", 8),
    ("Fano militia", "Fano Militia", 4),
    ("Arakan Army", "AA: Arakan Army", 2),
    ("US-led coalition", "Coalition Forces: US-led Coalition (Operation Inherent Resolve)", 8),
    ("Operation Inherent Resolve", "Coalition Forces: US-led Coalition (Operation Inherent Resolve)", 8),
    ("AMISOM", "AMISOM: African Union Mission in Somalia (2007-2022)", 8),
    ("UN peacekeepers", "UN: United Nations", 8),
    ("MINUSMA", "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali (2013-2023)", 8),
])
def test_named_groups(surface, expected, inter):
    actor = lookup(surface)
    assert (actor.name, actor.inter, actor.listed) == (expected, inter, True)


@pytest.mark.parametrize("surface,expected,inter", [
    # groups added for held-out recall: Sahel, Great Lakes, Horn, Myanmar, Syria/Iraq, South Asia, Americas
    ("Dan Na Ambassagou", "Dan Na Ambassagou", 4),
    ("G9 an Fanmi e Alye", "G9 Family and Allies", 3),
    ("Ogaden National Liberation Front", "ONLF: Ogaden National Liberation Front", 2),
    ("Karenni Army", "KNPP/KA: Karenni National Progressive Party/Karenni Army", 2),
    ("Turkistan Islamic Party", "TIP: Turkistan Islamic Party", 2),
    ("Kataib al-Imam Ali", "Kataib al-Imam Ali", 3),
    ("Babbar Khalsa", "BKI: Babbar Khalsa International", 2),
    ("Segunda Marquetalia", "Segunda Marquetalia", 2),
    ("Cartel del Noreste", "Cartel del Noreste", 3),
    ("400 Mawozo", "400 Mawozo", 3),
    ("Bangladesh Nationalist Party", "BNP: Bangladesh Nationalist Party", 6),
])
def test_more_named_groups(surface, expected, inter):
    actor = lookup(surface)
    assert (actor.name, actor.inter, actor.listed) == (expected, inter, True)


def test_party_entries_are_parties():
    actor = lookup("Pakistan Tehreek-e-Insaf")
    assert (actor.name, actor.kind, actor.inter) == ("PTI: Pakistan Tehreek-e-Insaf", "political_party", 6)
    # "PTI" is also the Press Trust of India: only a party where Pakistan is in play
    india = recognize_text("PTI reported that police in Delhi, India, detained 12 people.", country="India")
    assert all("Tehreek" not in m.value.name for m in india)


def test_militia_names_that_are_common_words_elsewhere_do_not_match():
    # Libya's Rada force vs Ukraine's parliament; Daraa's Eighth Brigade vs any army's 8th Brigade
    ms = recognize_text("The Verkhovna Rada voted on Tuesday as the 8th Brigade moved to Kharkiv.", country="Ukraine")
    assert all("Rada" not in m.value.name and "Eighth" not in m.value.name for m in ms)


def test_acronym_in_brackets_stays_in_the_mention():
    text = "Suspected Allied Democratic Forces (ADF) rebels attacked Mukondi village in North Kivu."
    got = names(text, country="Democratic Republic of Congo")
    assert ("Allied Democratic Forces (ADF) rebels", "ADF: Allied Democratic Forces") in got
    assert all(name.startswith("ADF") for _, name in got if "rebels" in _)


def test_press_description_of_the_sdf_needs_syria():
    text = "US-backed and Kurdish-led Syrian forces attacked the town of Hajin in Syria."
    assert name_of(text, "US-backed and Kurdish-led Syrian forces") == "SDF: Syrian Democratic Forces"
    # the same words about Iraq are not the SDF; plain "Syrian forces" are the state
    other = recognize_text("Kurdish-led forces entered Kirkuk in Iraq.", country="Iraq")
    assert all("SDF" not in m.value.name for m in other)
    assert name_of("Syrian forces shelled the town.", "Syrian forces") == "Military Forces of Syria"


def test_ambiguous_acronym_needs_its_country():
    assert name_of("AA fighters seized a base in Rakhine, Myanmar.", "AA fighters", "Myanmar") == "AA: Arakan Army"
    kenya = recognize_text("The AA said roads in Kenya were closed.", country="Kenya")
    assert all(m.value.name != "AA: Arakan Army" for m in kenya)


def test_unlisted_group_keeps_its_name_and_acronym():
    text = ("Fighters of the Tawhid Liberation Front (TLF) stormed a checkpoint near Homs, Syria. "
            "TLF commanders said the raid lasted an hour.")
    ms = recognize_text(text, country="Syria")
    tlf = [m for m in ms if "Tawhid" in m.value.name]
    assert len(tlf) == 2
    assert tlf[0].value.name == "TLF: Tawhid Liberation Front"
    assert tlf[0].value.listed is False and tlf[0].value.inter == 2
    assert lookup("Kurdistan Freedom Brigade").listed is False
    militia = lookup("Shabelle Valley Militia")
    assert (militia.listed, militia.inter) == (False, 3)


def test_not_groups_are_not_actors():
    text = "The Syrian Observatory for Human Rights and the International Committee of the Red Cross said so."
    assert all(m.value.listed for m in recognize_text(text, country="Syria"))


def test_head_nouns_linking_and_anaphora():
    text = ("Houthi rebels fired missiles at Marib. Fighters from the Islamic State attacked a checkpoint, "
            "and the extremists later withdrew.")
    got = names(text, country="Yemen")
    assert ("Houthi rebels", "Houthis (Ansar Allah)") in got
    assert ("Fighters from the Islamic State", "Islamic State (Yemen)") in got
    assert ("extremists", "Islamic State (Yemen)") in got


def test_plural_demonyms_are_people():
    assert name_of("Israeli soldiers arrested 100 Palestinians.", "Palestinians") == "Civilians (Palestine)"
    assert name_of("Up to 100 ethnic Albanians demonstrated.", "ethnic Albanians") == "Civilians (Albania)"


def test_run_adds_mentions_with_clean_offsets_and_sentences(settings):
    from eventwire.actors import run

    text = "Gunmen attacked a bus in Borno, Nigeria.\nNigerian troops later killed five Boko Haram fighters."
    doc = Document(id="t", text=text, clean=text,
                   sentences=[Sentence(0, 40, text[:40], 0), Sentence(41, len(text), text[41:], 1)])
    run(doc, settings)
    ms = doc.mentions_of("actor")
    assert [m.sent for m in ms] == [0, 1, 1]
    for m in ms:
        assert doc.clean[m.start:m.end] == m.text
    assert ms[1].value.name == "Military Forces of Nigeria"
    run(doc, settings)  # idempotent
    assert len(doc.mentions_of("actor")) == 3


def test_interaction_code():
    assert interaction_code(1, 2) == 12
    assert interaction_code(2, 1) == 12
    assert interaction_code(2, 8) == 28
    assert interaction_code(7, 0) == 70
    assert interaction_code(0, 3) == 30
    assert interaction_code(0, 0) == 0
    assert interaction_code(6, 6) == 66


def test_cli_lookup():
    r = run_cli("actors", "lookup", "Isis militants", "--country", "Iraq", "--json")
    assert r.returncode == 0, r.stderr
    got = json.loads(r.stdout)
    assert got["name"] == "Islamic State (Iraq)" and got["inter"] == 2 and got["listed"] is True
    r = run_cli("actors", "lookup", "Kurdistan Freedom Brigade")
    assert r.returncode == 0 and "not in the dictionary" in r.stdout.decode()
    r = run_cli("actors", "list", "--inter", "8", "--search", "coalition")
    assert r.returncode == 0 and b"Operation Inherent Resolve" in r.stdout


# ---------------------------------------------------------------- one case per ACLED actor class
@pytest.mark.parametrize("text,surface,country,inter,name", [
    ("Malian soldiers patrolled the road.", "Malian soldiers", "Mali", 1, "Military Forces of Mali"),
    ("Kachin Independence Army fighters ambushed a convoy.", "Kachin Independence Army fighters", "Myanmar", 2,
     "KIA: Kachin Independence Army"),
    ("Unidentified gunmen opened fire on a bus.", "Unidentified gunmen", "Cameroon", 3,
     "Unidentified Armed Group (Cameroon)"),
    ("Dinka militiamen raided a cattle camp.", "Dinka militiamen", "South Sudan", 4,
     "Dinka Ethnic Militia (South Sudan)"),
    ("Angry rioters looted shops in the market.", "rioters", "Kenya", 5, "Rioters (Kenya)"),
    ("Demonstrators gathered outside parliament.", "Demonstrators", "Serbia", 6, "Protesters (Serbia)"),
    ("Gunmen shot two aid workers in Ituri.", "aid workers", "Democratic Republic of Congo", 7,
     "Civilians (Democratic Republic of Congo)"),
    ("MONUSCO peacekeepers patrolled Beni.", "MONUSCO peacekeepers", "Democratic Republic of Congo", 8,
     "MONUSCO: United Nations Organization Stabilization Mission in the Democratic Republic of Congo"),
])
def test_each_actor_class(text, surface, country, inter, name):
    ms = {m.text: m.value for m in recognize_text(text, country=country)}
    assert surface in ms, ms
    assert (ms[surface].name, ms[surface].inter) == (name, inter)


def test_context_aliases_depend_on_the_country():
    assert lookup("Kurdish fighters", country="Syria").name == "SDF: Syrian Democratic Forces"
    assert lookup("Kurdish fighters", country="Turkey").name == "PKK: Kurdistan Workers Party"
    assert lookup("Kurdish fighters", country="Iraq").name == "Military Forces of Iraq (Kurdistan Regional Government)"
    assert lookup("US air power", country="Syria").name.startswith("Coalition Forces")
    assert lookup("US air power", country="Somalia").name == "Military Forces of the United States"


def test_the_group_refers_back():
    text = "Al-Shabaab claimed the bombing. The militant group said it targeted soldiers."
    got = names(text, country="Somalia")
    assert ("The militant group", "Al Shabaab") in got


def test_taliban_as_state_forces_only_after_august_2021():
    import datetime as dt

    text = "Taliban forces detained two journalists in Kabul, Afghanistan."
    for published, expected in ((None, "Taliban"), (dt.date(2019, 5, 1), "Taliban"),
                                (dt.date(2023, 5, 1), "Military Forces of Afghanistan")):
        doc = Document(id="t", text=text, clean=text, published=published)
        from eventwire.actors.recognize import recognize

        first = recognize(doc)[0]
        assert (first.text, first.value.name) == ("Taliban forces", expected)


def test_bad_dictionary_rows_are_reported_by_file(monkeypatch):
    from eventwire.actors import dictionary
    from eventwire.errors import ResourceError

    real = dictionary.load_csv

    def fake(name):
        rows = real(name)
        if name == dictionary.ACTORS_FILE:
            return rows + ({"name": "Broken Brigade", "aliases": "Broken Brigade", "inter": "nine",
                            "kind": "rebel", "country": "", "source": "test"},)
        return rows

    monkeypatch.setattr(dictionary, "load_csv", fake)
    with pytest.raises(ResourceError, match=r"actors\.csv: data row \d+ \(Broken Brigade\)"):
        dictionary.load_dictionary.__wrapped__()

    def fake_country(name):
        rows = real(name)
        if name == dictionary.ACTORS_FILE:
            return rows + ({"name": "Lost Militia", "aliases": "Lost Militia", "inter": "3", "kind": "political_militia",
                            "country": "Atlantis", "source": "test"},)
        return rows

    monkeypatch.setattr(dictionary, "load_csv", fake_country)
    with pytest.raises(ResourceError, match="unknown country 'Atlantis'"):
        dictionary.load_dictionary.__wrapped__()


def test_au_troops_in_somalia_follow_the_mission_of_the_date():
    old = Document(id="a", text="AU troops repelled an attack in Somalia.", clean="AU troops repelled an attack in Somalia.",
                   sentences=[Sentence(0, 40, "AU troops repelled an attack in Somalia.", 0)])
    import datetime

    from eventwire.actors.recognize import recognize

    old.published = datetime.date(2019, 5, 1)
    old.meta["focus_country"] = "Somalia"
    assert recognize(old)[0].value.name.startswith("AMISOM")
    new = Document(id="b", text=old.text, clean=old.clean, sentences=list(old.sentences))
    new.published = datetime.date(2023, 5, 1)
    new.meta["focus_country"] = "Somalia"
    assert recognize(new)[0].value.name.startswith("ATMIS")


def test_the_gunmen_after_bare_gunmen_stay_unidentified():
    text = ("Gunmen shot dead a Hamas commander in Sidon, Lebanon, on Monday. The gunmen fled on motorcycles. "
            "Al-Shabaab fighters attacked a base. The militants later withdrew.")
    got = names(text, country="Lebanon")
    assert ("gunmen", "Unidentified Armed Group (Lebanon)") in got
    assert ("militants", "Al Shabaab") in got
