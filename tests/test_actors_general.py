"""General role conventions (ACLED-NOTES) on sentences written for these tests.

Unidentified attackers, ethnic-community militias, arrests by generic security
forces, civilian owners of destroyed property and victims named before a
chemical/air attack.
"""

from __future__ import annotations

import pytest

from eventwire import nlp
from eventwire.actors import assign_roles, run
from eventwire.models import Document
from eventwire.settings import Settings


def _has_model() -> bool:
    try:
        return nlp.load_nlp(Settings()).meta.get("eventwire_model") != "blank"
    except Exception:
        return False


pytestmark = [pytest.mark.model, pytest.mark.skipif(not _has_model(), reason="no English model")]


def roles_for(text: str, trigger: str, event_type: str, sub: str = ""):
    settings = Settings()
    doc = Document(id="t", text=text, clean=text)
    nlp.run(doc, settings)
    run(doc, settings)
    start = text.index(trigger)
    sent = doc.sentence_of(start)
    return assign_roles(doc, sent.index, start, start + len(trigger), event_type, sub, settings)


def n(m):
    return m.value.name if m is not None else None


@pytest.mark.parametrize("text,trigger", [
    ("Unknown men riding a motorcycle hurled an explosive device at a bar in Garissa, Kenya, late on Saturday.",
     "hurled"),
    ("Unidentified attackers opened fire on a bus near Bunia in the Democratic Republic of Congo on Monday.",
     "opened fire"),
])
def test_unidentified_men_attack(text, trigger):
    r = roles_for(text, trigger, "Violence against civilians", "Attack")
    assert n(r.actor1).startswith("Unidentified Armed Group (")
    assert r.actor1.value.inter == 3


def test_bodies_of_men_are_not_attackers():
    r = roles_for("Police found the bodies of two men dumped near a road in Tijuana, Mexico, on Sunday.",
                  "found", "Violence against civilians", "Attack")
    assert r.actor1 is None or r.actor1.value.inter != 7 or n(r.actor2) != n(r.actor1)


@pytest.mark.parametrize("text,trigger,group", [
    ("Armed youths from the Murle community raided a village in Pibor, South Sudan, on Friday, abducting six children.",
     "raided", "Murle Ethnic Militia (South Sudan)"),
    ("Gunmen from the Tiv community attacked farmers in Benue state, Nigeria, killing four.",
     "attacked", "Tiv Ethnic Militia (Nigeria)"),
])
def test_militia_of_an_ethnic_community(text, trigger, group):
    r = roles_for(text, trigger, "Violence against civilians", "Attack")
    assert n(r.actor1) == group and r.actor1.value.inter == 4


def test_community_without_a_known_group_stays_generic():
    r = roles_for("Armed youths from a neighbouring community attacked a cattle camp in Lakes state, South Sudan.",
                  "attacked", "Violence against civilians", "Attack")
    assert "Ethnic Militia" not in (n(r.actor1) or "")


def test_security_forces_arrest_is_police():
    r = roles_for("Ugandan security forces detained an opposition activist in Kampala on Tuesday.",
                  "detained", "Strategic developments", "Arrests")
    assert n(r.actor1) == "Police Forces of Uganda"


def test_soldiers_arrest_stays_military():
    r = roles_for("Ugandan soldiers detained an opposition activist in Kampala on Tuesday.",
                  "detained", "Strategic developments", "Arrests")
    assert n(r.actor1) == "Military Forces of Uganda"


def test_security_forces_in_clash_stay_military():
    r = roles_for("Nigerian security forces clashed with bandits in Zamfara state on Monday.",
                  "clashed", "Battles", "Armed clash")
    assert n(r.actor1) == "Military Forces of Nigeria"


def test_property_in_a_community_belongs_to_its_civilians():
    r = roles_for("Israeli settlers set fire to homes and vehicles in the Palestinian town of Turmus Ayya on Friday.",
                  "set fire", "Strategic developments", "Looting/property destruction")
    assert n(r.actor2) == "Civilians (Palestine)"


def test_victims_named_before_a_chemical_attack():
    r = roles_for("Eleven residents suffocated after regime helicopters dropped chlorine barrels on Douma, Syria.",
                  "dropped", "Explosions/Remote violence", "Chemical weapon")
    assert n(r.actor2) == "Civilians (Syria)"


def test_fighters_killed_before_an_air_strike_are_not_civilians():
    r = roles_for("Twelve militants died after warplanes struck a hideout in Idlib, Syria.",
                  "struck", "Explosions/Remote violence", "Air/drone strike")
    assert n(r.actor2) != "Civilians (Syria)"
