"""Events stage: detection and typing (every sub-event type), modality traps, merging,
confidence, notes, and the lexicon file itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.errors import ResourceError
from eventwire.events import may_hold_event
from eventwire.events.evaluate import classify_text, labelled, sentence_types, weighted_f1
from eventwire.events.lexicon import _trigger_list, load_lexicon

FIXTURES = Path(__file__).parent / "fixtures"
LABELLED = FIXTURES / "labelled_sentences.jsonl"

# One fresh sentence per sub-event type (not in the labelled file).
TYPED = [
    ("Soldiers and ADF rebels fought for hours near Oicha on Friday.", "Armed clash"),
    ("The army said it had recaptured the town of Mueda from insurgents.", "Government regains territory"),
    ("Al-Shabaab fighters seized the town of Mahas after heavy fighting with government troops.", "Non-state actor overtakes territory"),
    ("An Israeli air strike hit a house in Khan Younis, killing six people.", "Air/drone strike"),
    ("Rebels fired mortar rounds at the presidential palace in Mogadishu.", "Shelling/artillery/missile attack"),
    ("Two soldiers died when their truck struck a landmine near Menaka.", "Remote explosive/landmine/IED"),
    ("A female suicide bomber blew herself up at a checkpoint in Konduga.", "Suicide bomb"),
    ("Attackers hurled a grenade into a church in Garissa on Sunday.", "Grenade"),
    ("Witnesses described a chlorine gas attack on the rebel-held suburb of Douma.", "Chemical weapon"),
    ("Gunmen massacred 20 villagers in a night raid on Solhan.", "Attack"),
    ("Kidnappers abducted a French tourist from her hotel in Timbuktu.", "Abduction/forced disappearance"),
    ("Militiamen raped several women in a village near Bunia.", "Sexual violence"),
    ("Hundreds of nurses demonstrated outside the health ministry in Harare over unpaid wages.", "Peaceful protest"),
    ("Police used water cannon against students protesting tuition fees in Santiago.", "Protest with intervention"),
    ("Troops fired live rounds at demonstrators in Khartoum, killing five protesters.", "Excessive force against protesters"),
    ("Protesters hurled stones at police and set a government building on fire in Dhaka.", "Violent demonstration"),
    ("A mob attacked and burned the house of a man accused of witchcraft.", "Mob violence"),
    ("The warring parties signed a peace agreement in Juba on Thursday.", "Agreement"),
    ("Police arrested 40 opposition activists in Harare ahead of the vote.", "Arrests"),
    ("The governor imposed a dusk-to-dawn curfew on the town after the clashes.", "Change to group/activity"),
    ("Police defused a bomb planted near a polling station in Peshawar.", "Disrupted weapons use"),
    ("JNIM fighters set up a base in a forest near the border with Niger.", "Headquarters or base established"),
    ("Armed men looted the health centre and stole medicine in Kalehe.", "Looting/property destruction"),
    ("The rebels withdrew from the town of Kibumba and handed it over to regional troops.", "Non-violent transfer of territory"),
    ("More than 10,000 people were displaced by the fighting in the district, the UN said.", "Other"),
]

# Sentences that must give no event (modality traps and non-events).
TRAPS = [
    ("The rebels will attack the capital next week, their leader said.", "future"),
    ("Analysts predicted that the army would recapture the town by March.", "predicted"),
    ("The group threatened to bomb polling stations during the vote.", "threatened"),
    ("Residents fear that militants could abduct more children.", "feared"),
    ("The army denied that its jets had bombed the market.", "denied"),
    ("No clashes were reported in the city overnight.", "negated"),
    ("If the ceasefire collapses, fighting would resume within days.", "hypothetical"),
    ("The militants have been driven out of most of the territory they once held.", "background"),
    ("The insurgency has killed more than 30,000 people since 2009.", "background total"),
    ("A court convicted three men over the 2019 bombing of a hotel.", "legal"),
    ("The European Union condemned the attack in a statement.", "reaction"),
    ("Three people were killed in a car crash on the Nairobi-Mombasa highway.", "non-conflict"),
    ("The opposition plans to hold a rally in the capital on Saturday.", "planned"),
    ("Can the government stop the kidnappings?", "question"),
    ("The minister promised to arrest those responsible.", "promised"),
]


def _types(text: str) -> list[str]:
    return sentence_types(text)


@pytest.mark.parametrize("text,expected", TYPED, ids=[t for _, t in TYPED])
def test_each_sub_event_type(text: str, expected: str) -> None:
    assert classify_text(text) == expected


def test_typed_list_covers_all_25_sub_event_types() -> None:
    assert {t for _, t in TYPED} == set(load_lexicon().types)
    assert len(load_lexicon().types) == 25


@pytest.mark.parametrize("text,trap", TRAPS, ids=[t for _, t in TRAPS])
def test_modality_traps_give_no_event(text: str, trap: str) -> None:
    assert _types(text) == [], trap


def test_reported_claim_is_an_event_with_attribution() -> None:
    from eventwire.events.modality import attribution

    text = "The Syrian Observatory for Human Rights said regime helicopters dropped barrel bombs on Daraya."
    assert _types(text) == ["Air/drone strike"]
    assert attribution(text) == "Syrian Observatory for Human Rights"
    assert attribution("Two people were killed, according to local officials.") == "local officials"


def test_two_distinct_events_in_one_sentence() -> None:
    text = ("Earlier on Saturday, militants attacked army positions near the border, "
            "triggering airstrikes by government jets.")
    assert _types(text) == ["Armed clash", "Air/drone strike"]


def test_outcome_words_join_the_event_they_describe() -> None:
    assert _types("Seven people were killed after a bomb exploded at a bus stop.") == ["Remote explosive/landmine/IED"]
    assert _types("Two civilians were wounded.") == []  # an injury alone is no event


def test_generic_violence_typed_by_target() -> None:
    assert _types("Gunmen killed four farmers in Benue.") == ["Attack"]
    assert _types("Gunmen killed four soldiers in Benue.") == ["Armed clash"]
    assert _types("Police shot dead two protesters in Lagos.") == ["Excessive force against protesters"]


def test_territory_typed_by_who_takes_it() -> None:
    assert _types("Government troops captured the town of Bambari.") == ["Government regains territory"]
    assert _types("Rebels captured the town of Bambari.") == ["Non-state actor overtakes territory"]
    assert _types("Rebels took over the town of Bambari without a fight.") == ["Non-violent transfer of territory"]


def test_disrupted_weapons_use_wins_over_the_weapon() -> None:
    assert _types("Air defences shot down a drone over the city.") == ["Disrupted weapons use"]


def test_may_hold_event_prefilter() -> None:
    assert may_hold_event("Gunmen stormed a village.")
    assert not may_hold_event("The minister opened a new hospital wing on Tuesday.")


@pytest.mark.parametrize("name", ["labelled_sentences_holdout.jsonl", "labelled_sentences_fresh.jsonl",
                                  "labelled_sentences_fresh2.jsonl", "labelled_sentences_fresh3.jsonl",
                                  "labelled_sentences_fresh4.jsonl", "labelled_sentences_fresh5.jsonl"])
def test_further_labelled_sets(name: str) -> None:
    r = labelled(FIXTURES / name)
    assert r["sub_event_type_weighted_f1"] >= 0.9
    assert r["non_event_rejection"] >= 0.9


def test_labelled_set_figures() -> None:
    r = labelled(LABELLED)
    rows = [json.loads(x) for x in LABELLED.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert {row["sub_event_type"] for row in rows} - {"none"} == set(load_lexicon().types)
    assert r["sub_event_type_weighted_f1"] >= 0.9
    assert r["non_event_rejection"] >= 0.95
    assert r["event_date_exact"] >= 0.9
    assert r["fatalities_exact"] >= 0.85


def test_weighted_f1_arithmetic() -> None:
    r = weighted_f1(["a", "a", "b"], ["a", "b", "b"])
    # a: p=1 r=.5 f=.667 (support 2); b: p=.5 r=1 f=.667 (support 1)
    assert r["weighted_f1"] == pytest.approx(0.6667, abs=1e-3)


def test_lexicon_rejects_capturing_groups() -> None:
    with pytest.raises(ResourceError, match="non-capturing"):
        _trigger_list([{"pattern": "kill(ed)"}], "triggers.yaml [test]")
    with pytest.raises(ResourceError, match="bad pattern"):
        _trigger_list(["kill(?:ed"], "triggers.yaml [test]")


def test_every_type_has_definition_precedence_and_note() -> None:
    lex = load_lexicon()
    precs = [t.precedence for t in lex.types.values()]
    assert len(set(precs)) == len(precs)
    for t in lex.types.values():
        assert t.definition and t.note and t.disorder_type


# ----------------------------------------------------------------- whole articles
ARTICLE = """Gunmen kill 9 in attack on Nigerian village
Gunmen on motorcycles attacked the village of Kukawa in Zamfara state on Sunday, killing nine villagers, police said.
The attack lasted for about two hours, residents said.
The attackers also torched several houses before fleeing into the forest.
State governor Dauda Lawal condemned the attack and promised that the killers would be arrested.
Separately, on Monday, troops repelled an assault by bandits on a military base in Katsina state, killing 5 of the attackers.
"""


@pytest.fixture(scope="module")
def article_events():
    from eventwire.api import extract

    return extract(text=ARTICLE, published="2024-03-12", source="Test Wire")


def test_article_merges_sentences_and_keeps_distinct_events(article_events) -> None:
    evs = sorted(article_events, key=lambda e: e.event_date)
    assert [(e.event_date, e.sub_event_type) for e in evs] == [
        ("2024-03-10", "Attack"), ("2024-03-11", "Armed clash")]
    attack, clash = evs
    assert len(attack.evidence) >= 2  # headline/lead/"The attack lasted" told once
    assert attack.fatalities == 9  # headline and lead report the same nine deaths
    assert clash.fatalities == 5
    assert attack.civilian_targeting == "Civilian targeting"
    assert clash.civilian_targeting == ""


def test_article_event_fields(article_events) -> None:
    from eventwire.models import Event

    for ev in article_events:
        assert isinstance(ev, Event)
        assert ev.source == "Test Wire" and ev.published == "2024-03-12"
        assert ev.event_id.startswith("EW")
        assert ev.notes.startswith("On ") and ev.notes.endswith("reported.")
        assert "sub_event_type" in ev.provenance and "event_date" in ev.provenance
        for e in [*ev.evidence, *ev.provenance.values()]:
            assert ARTICLE[e.start:e.end] == e.text
        assert ev.disorder_type == "Political violence"
        assert 0 < ev.confidence < 1


def test_event_ids_are_stable() -> None:
    from eventwire.api import extract

    a = [e.event_id for e in extract(text=ARTICLE, published="2024-03-12")]
    b = [e.event_id for e in extract(text=ARTICLE, published="2024-03-12")]
    assert a == b and len(set(a)) == len(a)


def test_confidence_ranks_dated_detailed_events_above_vague_ones() -> None:
    from eventwire.api import extract

    strong = extract(text="On Tuesday, a roadside bomb killed four soldiers near Gao, the army said.",
                     published="2024-03-14")
    vague = extract(text="There was reportedly an attack.", published="2024-03-14")
    assert strong and vague
    assert strong[0].confidence > vague[0].confidence + 0.2


def test_notes_sentence() -> None:
    from eventwire.events.notes import make_notes
    from eventwire.models import Event

    ev = Event(event_date="2019-02-16", time_precision=1, sub_event_type="Armed clash",
               actor1="SDF", assoc_actor_1="Coalition", actor2="Islamic State",
               location="Baghuz", admin1="Deir ez-Zor", geo_precision=1, fatalities=0)
    assert make_notes(ev) == ("On 16 February 2019, SDF, backed by Coalition, clashed with Islamic State "
                              "in Baghuz (Deir ez-Zor). No fatalities were reported.")
    ev.fatalities, ev.time_precision = 3, 3
    assert make_notes(ev).startswith("In February 2019, ")
    assert make_notes(ev).endswith("3 fatalities were reported.")


def test_location_fields_fall_back_to_pycountry(monkeypatch) -> None:
    import eventwire.places as places
    from eventwire.events import _country_info, _interaction

    monkeypatch.delattr(places, "country_info", raising=False)
    info = _country_info("ML")
    assert info["iso_numeric"] == 466 and info["iso3"] == "MLI"
    assert _interaction(1, 7) == 17 and _interaction(7, 1) == 17 and _interaction(2, 0) == 20


def test_empty_roles_and_no_location_are_coped_with(monkeypatch) -> None:
    import eventwire.actors as actors
    import eventwire.places as places
    from eventwire.api import extract
    from eventwire.models import Roles

    monkeypatch.setattr(actors, "assign_roles", lambda *a, **k: Roles())
    monkeypatch.setattr(places, "locate_event", lambda *a, **k: None)
    evs = extract(text="Police fired tear gas at students protesting in Nairobi on Monday.", published="2024-03-14")
    assert [(e.sub_event_type, e.actor1, e.inter1, e.event_date) for e in evs] == [
        ("Protest with intervention", "Protesters", 6, "2024-03-11")]
    assert evs[0].location == "" and evs[0].geo_precision == 3
