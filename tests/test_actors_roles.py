"""Who did what to whom (eventwire.actors.assign_roles), with and without a parse.

Each case is a sentence written for the test, a trigger word in it, the
event type, and the actors ACLED would code. Parse-mode tests need the spaCy
English model (skipped without it); the blank-mode ones run everywhere.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eventwire import nlp
from eventwire.actors import assign_roles, interaction_code, run
from eventwire.models import Document
from eventwire.settings import Settings

COALITION = "Coalition Forces: US-led Coalition (Operation Inherent Resolve)"


def _has_model() -> bool:
    try:
        return nlp.load_nlp(Settings()).meta.get("eventwire_model") != "blank"
    except Exception:
        return False


MODES = [
    pytest.param("auto", marks=[pytest.mark.model, pytest.mark.skipif(not _has_model(), reason="no English model")]),
    "blank",
]


def roles_for(text: str, trigger: str, event_type: str, sub: str = "", mode: str = "auto", nth: int = 0,
              focus: str = "", with_places: bool = False):
    settings = Settings(model=mode)
    doc = Document(id="t", text=text, clean=text)
    if focus:
        doc.meta["focus_country"] = focus
    nlp.run(doc, settings)
    if with_places:  # the places stage locates the event (its country names generic actors)
        from eventwire import places

        places.run(doc, settings)
    run(doc, settings)
    start = -1
    for _ in range(nth + 1):
        start = text.index(trigger, start + 1)
    sent = doc.sentence_of(start)
    return assign_roles(doc, sent.index, start, start + len(trigger), event_type, sub, settings)


def n(m):
    return m.value.name if m is not None else None


# ---------------------------------------------------------------- role patterns (both modes)
@pytest.mark.parametrize("mode", MODES)
def test_active_voice(mode):
    r = roles_for("Isis militants attacked SDF fighters near an oil field in eastern Syria.",
                  "attacked", "Battles", "Armed clash", mode)
    assert (n(r.actor1), n(r.actor2)) == ("Islamic State (Syria)", "SDF: Syrian Democratic Forces")
    assert (r.actor1.value.inter, r.actor2.value.inter) == (2, 2)


@pytest.mark.parametrize("mode", MODES)
def test_passive_voice_with_agent(mode):
    r = roles_for("Three soldiers were killed by al-Shabaab militants in an ambush near Mogadishu, Somalia.",
                  "killed", "Battles", "Armed clash", mode)
    assert (n(r.actor1), n(r.actor2)) == ("Al Shabaab", "Military Forces of Somalia")
    assert interaction_code(r.actor1.value.inter, r.actor2.value.inter) == 12


@pytest.mark.parametrize("mode", MODES)
def test_came_under_fire_from(mode):
    r = roles_for("A Nigerian army patrol came under fire from Boko Haram fighters near Maiduguri.",
                  "fire", "Battles", "Armed clash", mode)
    assert n(r.actor1) == "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"
    assert n(r.actor2) == "Military Forces of Nigeria"


@pytest.mark.parametrize("mode", MODES)
def test_nominal_trigger_by_agent_targets_the_earlier_attacker(mode):
    text = ("Earlier on Saturday, Isis militants attacked SDF fighters near an oil field in the country's east, "
            "triggering airstrikes by the US-led coalition.")
    r = roles_for(text, "airstrikes", "Explosions/Remote violence", "Air/drone strike", mode, focus="Syria")
    assert (n(r.actor1), n(r.actor2)) == (COALITION, "Islamic State (Syria)")
    assert interaction_code(r.actor1.value.inter, r.actor2.value.inter) == 28
    assert r.civilian_target is False


@pytest.mark.parametrize("mode", MODES)
def test_between_x_and_y(mode):
    r = roles_for("Clashes between the Syrian army and HTS fighters erupted near Idlib.", "Clashes",
                  "Battles", "Armed clash", mode)
    assert (n(r.actor1), n(r.actor2)) == ("Military Forces of Syria", "HTS: Hayat Tahrir al Sham")


@pytest.mark.parametrize("mode", MODES)
def test_state_modifier_of_a_nominal_trigger(mode):
    r = roles_for("Israeli airstrikes killed 10 civilians in Gaza City on Tuesday.", "airstrikes",
                  "Explosions/Remote violence", "Air/drone strike", mode)
    assert n(r.actor1) == "Military Forces of Israel"
    assert n(r.actor2).startswith("Civilians")
    assert r.civilian_target is True


@pytest.mark.parametrize("mode", MODES)
def test_coordination_gives_an_associate(mode):
    r = roles_for("Malian troops and Wagner mercenaries attacked JNIM militants near Mopti, Mali.",
                  "attacked", "Battles", "Armed clash", mode)
    assert n(r.actor1) == "Military Forces of Mali"
    assert [n(m) for m in r.assoc1] == ["Wagner Group"]
    assert n(r.actor2) == "JNIM: Group for Support of Islam and Muslims"


@pytest.mark.parametrize("mode", MODES)
def test_apposition_backed_by_gives_the_coalition(mode):
    r = roles_for("The SDF, backed by US air power, attacked Isis positions in Deir ez-Zor province, Syria.",
                  "attacked", "Battles", "Armed clash", mode)
    assert n(r.actor1) == "SDF: Syrian Democratic Forces"
    assert [n(m) for m in r.assoc1] == [COALITION]
    assert n(r.actor2) == "Islamic State (Syria)"


@pytest.mark.parametrize("mode", MODES)
def test_x_backed_y(mode):
    r = roles_for("Turkish-backed Syrian National Army fighters attacked YPG positions near Manbij in Syria.",
                  "attacked", "Battles", "Armed clash", mode)
    assert n(r.actor1) == "SNA: Syrian National Army"
    assert "Military Forces of Turkey" in [n(m) for m in r.assoc1]
    assert n(r.actor2) == "YPG: People's Protection Units"


@pytest.mark.parametrize("mode", MODES)
def test_violence_against_civilians(mode):
    r = roles_for("Gunmen killed 12 villagers in Zamfara, Nigeria, on Sunday.", "killed",
                  "Violence against civilians", "Attack", mode)
    assert (n(r.actor1), n(r.actor2)) == ("Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)")
    assert r.civilian_target is True
    assert interaction_code(r.actor1.value.inter, r.actor2.value.inter) == 37


@pytest.mark.parametrize("mode", MODES)
def test_unnamed_perpetrator_is_implied(mode):
    r = roles_for("Five civilians were shot dead in northern Burkina Faso on Friday.", "shot dead",
                  "Violence against civilians", "Attack", mode)
    assert n(r.actor1) == "Unidentified Armed Group (Burkina Faso)"
    assert r.actor1.meta.get("implicit") is True
    assert n(r.actor2) == "Civilians (Burkina Faso)" and r.actor2.text == "civilians"


# ---------------------------------------------------------------- protests and riots
@pytest.mark.parametrize("mode", MODES)
def test_peaceful_protest(mode):
    r = roles_for("Hundreds of students protested in Baghdad, Iraq, against corruption.", "protested",
                  "Protests", "Peaceful protest", mode)
    assert n(r.actor1) == "Protesters (Iraq)" and r.actor1.value.inter == 6
    assert r.actor2 is None
    assert [n(m) for m in r.assoc1] == ["Students (Iraq)"]


@pytest.mark.parametrize("mode", MODES)
def test_protest_with_intervention(mode):
    r = roles_for("Police fired tear gas to disperse protesters in Nairobi, Kenya.", "fired",
                  "Protests", "Protest with intervention", mode)
    assert (n(r.actor1), n(r.actor2)) == ("Protesters (Kenya)", "Police Forces of Kenya")
    assert interaction_code(r.actor1.value.inter, r.actor2.value.inter) == 16


@pytest.mark.parametrize("mode", MODES)
def test_excessive_force(mode):
    r = roles_for("Security forces opened fire on protesters in Basra, Iraq, killing four.", "opened fire",
                  "Protests", "Excessive force against protesters", mode)
    assert (n(r.actor1), n(r.actor2)) == ("Military Forces of Iraq", "Protesters (Iraq)")


@pytest.mark.parametrize("mode", MODES)
def test_riot(mode):
    r = roles_for("Rioters torched a police station in Kano, Nigeria.", "torched", "Riots",
                  "Violent demonstration", mode)
    assert n(r.actor1) == "Rioters (Nigeria)" and r.actor1.value.inter == 5


# ---------------------------------------------------------------- conventions
@pytest.mark.parametrize("mode", MODES)
def test_state_forces_abroad_are_external(mode):
    r = roles_for("Turkish forces shelled Kurdish positions near Kobani in northern Syria.", "shelled",
                  "Explosions/Remote violence", "Shelling/artillery/missile attack", mode)
    assert n(r.actor1) == "Military Forces of Turkey"
    assert r.actor1.value.inter == 8
    home = roles_for("Turkish forces shelled PKK positions near Cizre in southeastern Turkey.", "shelled",
                     "Explosions/Remote violence", "Shelling/artillery/missile attack", mode)
    assert home.actor1.value.inter == 1
    assert n(home.actor2) == "PKK: Kurdistan Workers Party"


@pytest.mark.parametrize("mode", MODES)
def test_generic_actor_country_comes_from_the_event(mode):
    text = ("Nigerian officials met in Abuja on Monday. In Niger, gunmen attacked a village near Tillaberi, "
            "killing seven villagers.")
    r = roles_for(text, "attacked", "Violence against civilians", "Attack", mode)
    assert n(r.actor1) == "Unidentified Armed Group (Niger)"


# ---------------------------------------------------------------- a Baghuz-like report (own words)
BAGHUZ_LIKE = (
    "US-backed and Kurdish-led Syrian forces have launched a final push to defeat the Islamic State group in "
    "its last pocket in eastern Syria.\n"
    "The SDF, backed by US air power, has driven Isis from most of the territory it once held.\n"
    "Earlier on Saturday, Isis militants attacked SDF fighters near an oil field in the country's east, "
    "triggering airstrikes by the US-led coalition."
)


@pytest.mark.parametrize("mode", MODES)
def test_baghuz_like_report(mode):
    e1 = roles_for(BAGHUZ_LIKE, "launched a final push", "Battles", "Armed clash", mode)
    assert (n(e1.actor1), n(e1.actor2)) == ("SDF: Syrian Democratic Forces", "Islamic State (Syria)")
    assert [n(m) for m in e1.assoc1] == [COALITION]
    e2 = roles_for(BAGHUZ_LIKE, "attacked", "Battles", "Armed clash", mode)
    assert (n(e2.actor1), n(e2.actor2)) == ("Islamic State (Syria)", "SDF: Syrian Democratic Forces")
    e3 = roles_for(BAGHUZ_LIKE, "airstrikes", "Explosions/Remote violence", "Air/drone strike", mode)
    assert (n(e3.actor1), n(e3.actor2)) == (COALITION, "Islamic State (Syria)")


def _shared_example() -> Path | None:
    base = Path(os.environ.get("EVENTWIRE_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
    p = base.parent / "examples" / "baghuz-2019" / "article.txt"
    return p if p.exists() else None


@pytest.mark.slow
@pytest.mark.skipif(_shared_example() is None, reason="shared Baghuz example not available")
def test_baghuz_example_article():
    from eventwire.actors.evaluate import evaluate_baghuz

    res = evaluate_baghuz(_shared_example(), Settings())
    assert all(v["ok"] for v in res.values()), res


@pytest.mark.parametrize("mode", MODES)
def test_pronoun_subject_refers_back(mode):
    text = ("Taliban fighters stormed a police compound in Kunduz province on Monday. "
            "They killed seven policemen before withdrawing.")
    r = roles_for(text, "killed", "Battles", "Armed clash", mode)
    assert n(r.actor1) == "Taliban"
    assert n(r.actor2) == "Police Forces of Afghanistan"


@pytest.mark.parametrize("mode", MODES)
def test_vehicle_hits_a_mine_is_the_target(mode):
    text = "Two UN peacekeepers were killed in northern Mali when their convoy hit a roadside bomb."
    r = roles_for(text, "hit", "Explosions/Remote violence", "Remote explosive/landmine/IED", mode)
    assert n(r.actor1) == "Unidentified Armed Group (Mali)"
    assert n(r.actor2) == "UN: United Nations"


@pytest.mark.parametrize("mode", MODES)
def test_numeric_victims_are_civilians(mode):
    r = roles_for("A bomb exploded at a market in Maiduguri, Nigeria, killing 19.", "exploded",
                  "Explosions/Remote violence", "Remote explosive/landmine/IED", mode)
    assert n(r.actor2) == "Civilians (Nigeria)" and r.actor2.text == "19"
    assert r.civilian_target is True


@pytest.mark.parametrize("mode", MODES)
def test_ethnic_militia_attack(mode):
    r = roles_for("Lou Nuer militiamen attacked Murle villagers in Pibor, South Sudan.", "attacked",
                  "Violence against civilians", "Attack", mode)
    assert n(r.actor1) == "Lou Nuer Ethnic Militia (South Sudan)" and r.actor1.value.inter == 4
    assert n(r.actor2) == "Civilians (South Sudan)"


@pytest.mark.parametrize("mode", MODES)
def test_coordinated_subjects_of_a_clash_fight_each_other(mode):
    r = roles_for("Fano militiamen and federal troops clashed near Gondar in Ethiopia.", "clashed",
                  "Battles", "Armed clash", mode)
    assert (n(r.actor1), n(r.actor2)) == ("Fano Militia", "Military Forces of Ethiopia")
    assert r.assoc1 == []


@pytest.mark.parametrize("mode", MODES)
def test_claimed_responsibility_and_reported_speech(mode):
    r = roles_for("Al-Shabaab claimed responsibility for the attack on an army base in Somalia.", "attack",
                  "Battles", "Armed clash", mode)
    assert n(r.actor1) == "Al Shabaab"
    r = roles_for("The army said it killed 20 militants in Borno state, Nigeria.", "killed", "Battles",
                  "Armed clash", mode)
    assert (n(r.actor1), n(r.actor2)) == ("Military Forces of Nigeria", "Unidentified Armed Group (Nigeria)")


def test_pro_country_forces_are_not_that_state():
    from eventwire.actors import lookup

    assert lookup("pro-Russian forces", country="Ukraine").name == "DPR/LPR Forces"
    assert lookup("anti-government fighters", country="Syria").name == "Unidentified Armed Group (Syria)"


@pytest.mark.parametrize("mode", MODES)
def test_victims_named_by_who_they_are_are_civilians(mode):
    r = roles_for("Unidentified gunmen kidnapped 30 students from a school in Kaduna, Nigeria.", "kidnapped",
                  "Violence against civilians", "Abduction/forced disappearance", mode)
    assert (n(r.actor1), n(r.actor2)) == ("Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)")


@pytest.mark.parametrize("mode", MODES)
def test_people_hit_beat_the_facility(mode):
    r = roles_for("A suicide bomber blew himself up at a checkpoint in Kabul, Afghanistan, killing two policemen.",
                  "blew himself up", "Explosions/Remote violence", "Suicide bomb", mode)
    assert n(r.actor2) == "Police Forces of Afghanistan"


@pytest.mark.parametrize("mode", MODES)
def test_country_after_a_town_is_the_location(mode):
    r = roles_for("Russian warplanes carried out airstrikes on rebel-held towns in Idlib, Syria.",
                  "carried out airstrikes", "Explosions/Remote violence", "Air/drone strike", mode)
    assert n(r.actor1) == "Military Forces of Russia" and r.actor1.value.inter == 8


CASES = Path(__file__).parent / "fixtures" / "actor_roles_cases.jsonl"


@pytest.mark.slow
@pytest.mark.parametrize("mode", MODES)
def test_hand_written_cases(mode):
    """103 sentences written for eventwire (varied regions, voices, actor classes), exact ACLED names."""
    from eventwire.actors.evaluate import evaluate_cases

    res = evaluate_cases(CASES, Settings(model=mode), places=False)
    for role in ("actor1", "actor2", "inter1"):
        assert res[role]["total"] == 103
        assert res[role]["accuracy"] >= 0.9, (role, res["misses"][role])


@pytest.mark.parametrize("mode", MODES)
def test_second_clause_has_its_own_subject(mode):
    r = roles_for("Troops killed five militants and police arrested two suspects in Kano, Nigeria.", "arrested",
                  "Strategic developments", "Arrests", mode)
    assert n(r.actor1) == "Police Forces of Nigeria"
    r = roles_for("Troops killed five militants and police arrested two suspects in Kano, Nigeria.", "killed",
                  "Battles", "Armed clash", mode)
    assert (n(r.actor1), n(r.actor2)) == ("Military Forces of Nigeria", "Unidentified Armed Group (Nigeria)")


@pytest.mark.parametrize("mode", MODES)
def test_arrests_without_agent_are_by_the_police(mode):
    r = roles_for("The activist was arrested when his plane landed in Minsk, Belarus.", "arrested",
                  "Strategic developments", "Arrests", mode)
    assert n(r.actor1) == "Police Forces of Belarus" and r.actor1.meta.get("implicit")


@pytest.mark.parametrize("mode", MODES)
def test_victims_of_coordinated_passive_verbs_are_not_perpetrators(mode):
    r = roles_for("Journalists were harassed, abducted and tortured in Karachi, Pakistan.", "abducted",
                  "Violence against civilians", "Abduction/forced disappearance", mode)
    assert n(r.actor1) == "Unidentified Armed Group (Pakistan)"
    assert n(r.actor2) == "Civilians (Pakistan)" and r.actor2.text == "Journalists"


# ---------------------------------------------------------------- the event's place names generic actors
@pytest.mark.parametrize("mode", MODES)
def test_victims_take_the_country_of_the_place_not_of_the_attacker(mode):
    r = roles_for("A Russian drone hit an apartment block in the city of Zaporizhzhia on Tuesday, killing four people.",
                  "hit", "Explosions/Remote violence", "Air/drone strike", mode, with_places=True)
    assert n(r.actor1) == "Military Forces of Russia" and r.actor1.value.inter == 8
    assert n(r.actor2) == "Civilians (Ukraine)"


@pytest.mark.parametrize("mode", MODES)
def test_group_branch_follows_the_place_not_a_foreign_ally(mode):
    r = roles_for("Rwandan soldiers clashed with Islamic State-linked insurgents near the town of Macomia in Cabo "
                  "Delgado province on Monday.", "clashed", "Battles", "Armed clash", mode, with_places=True)
    assert n(r.actor1) == "Military Forces of Rwanda" and r.actor1.value.inter == 8
    assert n(r.actor2) == "Islamic State Mozambique Province"


@pytest.mark.parametrize("mode", MODES)
def test_home_state_forces_lead_and_foreign_allies_are_associated(mode):
    r = roles_for("Kenyan and Somali troops recaptured the town of Bulo Marer in Somalia's Lower Shabelle region "
                  "on Monday.", "recaptured", "Battles", "Government regains territory", mode, with_places=True)
    assert n(r.actor1) == "Military Forces of Somalia" and r.actor1.value.inter == 1
    assert [n(m) for m in r.assoc1] == ["Military Forces of Kenya"]
    assert r.assoc1[0].value.inter == 8


# ---------------------------------------------------------------- targets named beyond the place
@pytest.mark.parametrize("mode", MODES)
def test_state_noun_naming_a_facility_is_not_the_target(mode):
    r = roles_for("A suicide bomber blew himself up outside a police academy in Quetta, Pakistan, on Wednesday, "
                  "killing four civilians, officials said.", "blew himself up", "Explosions/Remote violence",
                  "Suicide bomb", mode)
    assert n(r.actor2) == "Civilians (Pakistan)"
    assert n(r.actor1) == "Unidentified Armed Group (Pakistan)"
    # with no one else named, the forces are still the target
    r = roles_for("A roadside bomb hit an army convoy near Gao, Mali, on Friday.", "hit",
                  "Explosions/Remote violence", "Remote explosive/landmine/IED", mode)
    assert n(r.actor2) == "Military Forces of Mali"


@pytest.mark.parametrize("mode", MODES)
def test_gunmen_with_a_modifier_are_the_attackers(mode):
    r = roles_for("Gunmen on motorcycles killed at least 30 villagers in Zamfara state, Nigeria, on Sunday.",
                  "killed", "Violence against civilians", "Attack", mode)
    assert (n(r.actor1), n(r.actor2)) == ("Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)")


@pytest.mark.parametrize("mode", MODES)
def test_weapon_owner_is_the_attacker_in_a_passive_sentence(mode):
    r = roles_for("A Houthi missile was fired at the Saudi port city of Jizan on Tuesday, wounding two people.",
                  "fired", "Explosions/Remote violence", "Shelling/artillery/missile attack", mode)
    assert n(r.actor1) == "Houthis (Ansar Allah)"
    assert n(r.actor2) != "Houthis (Ansar Allah)"


# ---------------------------------------------------------------- strategic developments
@pytest.mark.parametrize("mode", MODES)
def test_disrupted_weapons_use_interceptor_first_launcher_second(mode):
    r = roles_for("Israel's military said its air defences intercepted a rocket fired by Hezbollah at the town of "
                  "Kiryat Shmona on Monday.", "intercepted", "Strategic developments", "Disrupted weapons use", mode)
    assert (n(r.actor1), n(r.actor2)) == ("Military Forces of Israel", "Hezbollah")
    r = roles_for("Poland's army said on Wednesday it had shot down two drones launched by Belarus over the Lublin "
                  "region, Poland.", "shot down", "Strategic developments", "Disrupted weapons use", mode)
    assert (n(r.actor1), n(r.actor2)) == ("Military Forces of Poland", "Military Forces of Belarus")
    assert (r.actor1.value.inter, r.actor2.value.inter) == (1, 8)


@pytest.mark.parametrize("mode", MODES)
def test_disrupted_weapons_use_with_the_weapon_named_first(mode):
    r = roles_for("On Tuesday, a Houthi missile was fired at the Saudi port city of Jizan, but Saudi air defences "
                  "shot it down, the coalition said.", "shot it down", "Strategic developments",
                  "Disrupted weapons use", mode)
    assert (n(r.actor1), n(r.actor2)) == ("Military Forces of Saudi Arabia", "Houthis (Ansar Allah)")


@pytest.mark.parametrize("mode", MODES)
def test_agreement_parties_named_in_the_next_sentence(mode):
    text = ("Sudan's warring parties have agreed to a seven-day ceasefire, mediators said on Thursday. "
            "The ceasefire between the army and the Rapid Support Forces takes effect in Khartoum on Friday.")
    r = roles_for(text, "agreed", "Strategic developments", "Agreement", mode, focus="Sudan")
    assert (n(r.actor1), n(r.actor2)) == ("Military Forces of Sudan", "RSF: Rapid Support Forces")


@pytest.mark.parametrize("mode", MODES)
def test_agreement_puts_the_domestic_party_first(mode):
    r = roles_for("The truce between Israeli forces and Hamas took effect in the Gaza Strip on Friday morning.",
                  "truce", "Strategic developments", "Agreement", mode, focus="Palestine")
    assert (n(r.actor1), n(r.actor2)) == ("Hamas Movement", "Military Forces of Israel")


@pytest.mark.parametrize("mode", MODES)
def test_arrest_of_a_party_official_targets_the_party(mode):
    r = roles_for("Police in Pakistan arrested the vice chairman of the opposition Pakistan Tehreek-e-Insaf, "
                  "Shah Mahmood Qureshi, in Islamabad on Saturday.", "arrested", "Strategic developments",
                  "Arrests", mode)
    assert (n(r.actor1), n(r.actor2)) == ("Police Forces of Pakistan", "PTI: Pakistan Tehreek-e-Insaf")
    assert r.actor2.value.inter == 6


@pytest.mark.parametrize("mode", MODES)
def test_party_supporters_protest_as_protesters_with_the_party_associated(mode):
    r = roles_for("Hundreds of PTI supporters protested in Lahore, Pakistan, on Sunday against the arrest of "
                  "their leader.", "protested", "Protests", "Peaceful protest", mode)
    assert n(r.actor1) == "Protesters (Pakistan)"
    assert [n(m) for m in r.assoc1] == ["PTI: Pakistan Tehreek-e-Insaf"]


@pytest.mark.parametrize("mode", MODES)
def test_the_assailants_refers_back_to_the_named_group(mode):
    text = ("Suspected Allied Democratic Forces (ADF) rebels killed 20 villagers in Beni territory, Democratic "
            "Republic of Congo. Soldiers later exchanged fire with the assailants, the army said.")
    r = roles_for(text, "exchanged fire", "Battles", "Armed clash", mode)
    assert n(r.actor1) == "Military Forces of the Democratic Republic of Congo"
    assert n(r.actor2) == "ADF: Allied Democratic Forces"
    first = roles_for(text, "killed", "Violence against civilians", "Attack", mode)
    assert n(first.actor1) == "ADF: Allied Democratic Forces"


@pytest.mark.parametrize("mode", MODES)
def test_demonym_town_of_names_the_event_country(mode):
    r = roles_for("Azerbaijani forces shelled the Armenian town of Jermuk on Tuesday, killing two soldiers.",
                  "shelled", "Explosions/Remote violence", "Shelling/artillery/missile attack", mode)
    assert n(r.actor1) == "Military Forces of Azerbaijan" and r.actor1.value.inter == 8


@pytest.mark.parametrize("mode", MODES)
def test_named_group_inside_the_trigger_and_bare_militants_beside_it(mode):
    text = ("The Kenyan army said its soldiers repelled an al-Shabaab attack on a military camp in Lamu county, "
            "Kenya, on Thursday, killing 10 militants.")
    r = roles_for(text, "repelled an al-Shabaab attack", "Battles", "Armed clash", mode)
    assert (n(r.actor1), n(r.actor2)) == ("Military Forces of Kenya", "Al Shabaab")
    r = roles_for(text, "killing", "Battles", "Armed clash", mode)
    assert n(r.actor2) == "Al Shabaab"
    # two named groups: a bare noun is not guessed to be either
    r = roles_for("ISWAP and Boko Haram fighters clashed near Lake Chad in Borno, Nigeria, and gunmen later "
                  "killed five farmers.", "killed", "Violence against civilians", "Attack", mode)
    assert n(r.actor1) == "Unidentified Armed Group (Nigeria)"


@pytest.mark.parametrize("mode", MODES)
def test_two_ethnic_militias_sharing_a_noun(mode):
    r = roles_for("Clashes between rival Fulani and Dogon militias left 20 dead in the village of Ogossagou in "
                  "central Mali.", "Clashes", "Battles", "Armed clash", mode)
    assert (n(r.actor1), n(r.actor2)) == ("Fulani Ethnic Militia (Mali)", "Dogon Ethnic Militia (Mali)")


@pytest.mark.parametrize("mode", MODES)
def test_killed_in_clashes_with_x(mode):
    r = roles_for("Eight soldiers were killed in clashes with JNIM fighters near the town of Djibo in northern "
                  "Burkina Faso on Saturday.", "clashes", "Battles", "Armed clash", mode)
    assert (n(r.actor1), n(r.actor2)) == ("JNIM: Group for Support of Islam and Muslims",
                                          "Military Forces of Burkina Faso")


@pytest.mark.parametrize("mode", MODES)
def test_country_after_an_admin_area_is_the_location(mode):
    # the places stage may resolve a small village abroad; the sentence names the country
    r = roles_for("Soldiers killed 17 civilians in the village of Kani in Sagaing region, Myanmar, witnesses said.",
                  "killed", "Violence against civilians", "Attack", mode, with_places=True)
    assert (n(r.actor1), n(r.actor2)) == ("Military Forces of Myanmar", "Civilians (Myanmar)")
    assert r.actor1.value.inter == 1


@pytest.mark.parametrize("mode", MODES)
def test_those_who_suffered_injuries_are_the_victims(mode):
    r = roles_for("Officials in Bujumbura, Burundi, said nine traders had suffered serious injuries in the market on "
                  "Sunday.", "injuries", "Violence against civilians", "Attack", mode)
    assert n(r.actor2) == "Civilians (Burundi)"
    assert n(r.actor1) == "Unidentified Armed Group (Burundi)"


@pytest.mark.parametrize("mode", MODES)
def test_defused_bomb_planted_by_a_group(mode):
    r = roles_for("Police defused a bomb planted by Islamic State militants near a church in Mosul, Iraq, on Monday.",
                  "defused", "Strategic developments", "Disrupted weapons use", mode)
    assert (n(r.actor1), n(r.actor2)) == ("Police Forces of Iraq", "Islamic State (Iraq)")


@pytest.mark.parametrize("mode", MODES)
def test_strike_blamed_on_a_state(mode):
    r = roles_for("A drone strike blamed on the Turkish military killed four SDF fighters near Qamishli in Syria.",
                  "drone strike", "Explosions/Remote violence", "Air/drone strike", mode)
    assert n(r.actor1) == "Military Forces of Turkey" and r.actor1.value.inter == 8
    assert n(r.actor2) == "SDF: Syrian Democratic Forces"


@pytest.mark.parametrize("mode", MODES)
def test_vehicle_hitting_a_device_named_as_the_trigger(mode):
    r = roles_for("Two UN peacekeepers were killed when their convoy hit an explosive device near Kidal in Mali.",
                  "explosive device", "Explosions/Remote violence", "Remote explosive/landmine/IED", mode)
    assert n(r.actor2) == "UN: United Nations"
    assert n(r.actor1) == "Unidentified Armed Group (Mali)"


@pytest.mark.parametrize("mode", MODES)
def test_named_group_home_beats_a_gazetteer_guess_the_text_never_names(mode):
    text = "Sudan's paramilitary Rapid Support Forces attacked the town of Tawila in North Darfur, killing 20 people."
    settings = Settings(model=mode)
    doc = Document(id="t", text=text, clean=text)
    nlp.run(doc, settings)
    run(doc, settings)
    # a places stage that put "Tawila" abroad
    from eventwire.models import Mention, Place

    a = text.index("Tawila")
    doc.mentions.append(Mention(start=a, end=a + 6, text="Tawila", kind="place", sent=0, why="test",
                                value=Place(name="Tawila", country_code="YE", feature_code="PPL")))
    start = text.index("attacked")
    r = assign_roles(doc, 0, start, start + 8, "Violence against civilians", "Attack", settings)
    assert n(r.actor2) == "Civilians (Sudan)"


@pytest.mark.parametrize("mode", MODES)
def test_agreement_between_coordinated_parties_at_talks_abroad(mode):
    r = roles_for("The Colombian government and the ELN agreed to a six-month ceasefire at talks in Havana, Cuba, "
                  "on Friday.", "agreed", "Strategic developments", "Agreement", mode)
    assert (n(r.actor1), n(r.actor2)) == ("Military Forces of Colombia", "ELN: National Liberation Army")
    assert r.actor1.value.inter == 1  # the venue does not make the government external
    assert r.assoc1 == []


@pytest.mark.parametrize("mode", MODES)
def test_mob_victims_named_as_suspects_are_civilians(mode):
    r = roles_for("Villagers lynched two suspected kidnappers in the town of Uromi in Edo state, Nigeria, on "
                  "Thursday.", "lynched", "Riots", "Mob violence", mode)
    assert (n(r.actor1), n(r.actor2)) == ("Rioters (Nigeria)", "Civilians (Nigeria)")


@pytest.mark.parametrize("mode", MODES)
def test_a_named_group_does_not_act_on_itself(mode):
    r = roles_for("The M23 withdrew from the town of Kibumba in North Kivu, DR Congo, handing it over to East "
                  "African regional forces.", "withdrew", "Strategic developments", "Non-violent transfer of territory",
                  mode)
    assert n(r.actor1) == "M23: March 23 Movement"
    assert n(r.actor2) != "M23: March 23 Movement"


@pytest.mark.parametrize("mode", MODES)
def test_claim_in_a_later_sentence_names_the_attacker(mode):
    text = ("A suicide car bomber rammed into a convoy of African Union troops near Mogadishu, Somalia, on Tuesday, "
            "killing four soldiers. Al-Shabaab said it carried out the attack.")
    r = roles_for(text, "rammed", "Explosions/Remote violence", "Suicide bomb", mode)
    assert n(r.actor1) == "Al Shabaab"
    # no claim: the attacker stays unidentified
    r = roles_for(text.split(" Al-Shabaab")[0], "rammed", "Explosions/Remote violence", "Suicide bomb", mode)
    assert n(r.actor1) == "Unidentified Armed Group (Somalia)"


@pytest.mark.parametrize("mode", MODES)
def test_country_before_a_named_weapon(mode):
    r = roles_for("US Reaper strikes killed four al-Shabaab fighters near Jilib, Somalia, on Monday.", "strikes",
                  "Explosions/Remote violence", "Air/drone strike", mode)
    assert n(r.actor1) == "Military Forces of the United States"
    assert n(r.actor2) == "Al Shabaab"


@pytest.mark.parametrize("mode", MODES)
def test_gunmen_near_a_named_group_office_stay_unidentified(mode):
    r = roles_for("Gunmen killed two people near a Hamas office in Sidon, Lebanon, on Monday.", "killed",
                  "Violence against civilians", "Attack", mode)
    assert n(r.actor1) == "Unidentified Armed Group (Lebanon)"
