"""Outlets name one perpetrator at different levels of its organisation.

One outlet credits an attack to a sub-unit ("Katiba Macina"), another to the coalition it
belongs to (JNIM), a third to the network behind that (Al Qaeda), a fourth only to
"terrorist armed groups". All four are one event; two different sub-units of one coalition
are two groups, and an acronym two groups share (ADF) does not make them one.
"""

from __future__ import annotations

from eventwire.models import Event, Evidence
from eventwire.store import dedup

JNIM = "JNIM: Group for Support of Islam and Muslims"
MALI = dict(country="Mali", admin1="Segou", admin2="Niono", location="Dogofry", latitude=14.73, longitude=-5.52,
            geo_precision=1)


def ev(evidence: str = "", **kw) -> Event:
    base = dict(event_date="2025-02-11", event_type="Battles", sub_event_type="Armed clash",
                actor1=JNIM, actor2="Military Forces of Mali", **MALI)
    base.update(kw)
    e = Event(**base)
    if evidence:
        e.evidence = [Evidence(text=evidence, start=0, end=len(evidence))]
    return e


# ------------------------------------------------------------------ nested umbrellas
def test_sub_unit_coalition_and_network_are_one_perpetrator():
    unit = ev("Fighters of Katiba Macina overran an army post at Dogofry on Tuesday.", actor1="Katiba Macina")
    coalition = ev("JNIM said its men attacked the Dogofry military camp on Tuesday.")
    network = ev("An al-Qaeda affiliate stormed a base in Dogofry on Tuesday, the army said.", actor1="Al Qaeda")
    for a, b in ((unit, coalition), (unit, network), (coalition, network)):
        m = dedup.match(a, b)
        assert m.ok, m.why_not
        assert dedup.match(b, a).ok


def test_sibling_units_of_one_coalition_are_two_groups():
    macina = ev("Katiba Macina fighters attacked soldiers at Dogofry on Tuesday.", actor1="Katiba Macina")
    serma = ev("Katiba Serma gunmen ambushed a patrol near Dogofry on Tuesday.", actor1="Katiba Serma")
    m = dedup.match(macina, serma)
    assert not m.ok and "different actors" in m.why_not
    # a unit of JNIM is not a unit of AQIM, though both are under Al Qaeda
    aqim = ev("AQIM claimed an attack on troops at Dogofry on Tuesday.",
              actor1="AQIM: Al Qaeda in the Islamic Maghreb")
    assert not dedup.match(macina, aqim).ok
    assert not dedup._names_match("Ansar Dine", "Al Mourabitoun")


def test_sibling_units_in_two_towns_on_one_day_stay_apart():
    macina = ev("Katiba Macina attacked an army post at Dogofry on Tuesday.", actor1="Katiba Macina")
    serma = ev("Katiba Serma attacked a gendarmerie post at Boni on Tuesday.", actor1="Katiba Serma",
               admin1="Mopti", admin2="Douentza", location="Boni", latitude=15.05, longitude=-1.88)
    assert not dedup.match(macina, serma).ok
    # the coalition named for the Boni attack still does not reach the Dogofry one
    jnim_boni = ev("JNIM attacked a gendarmerie post at Boni on Tuesday.", admin1="Mopti", admin2="Douentza",
                   location="Boni", latitude=15.05, longitude=-1.88)
    assert not dedup.match(macina, jnim_boni).ok


def test_one_coalition_in_one_town_two_days_apart_is_two_attacks():
    first = ev("Katiba Macina attacked an army post at Dogofry on Tuesday.", actor1="Katiba Macina")
    second = ev("JNIM attacked the army post at Dogofry again on Thursday.", event_date="2025-02-13")
    m = dedup.match(first, second)
    assert not m.ok and "date" in m.why_not


def test_islamic_state_and_its_provinces():
    kw = dict(country="Nigeria", admin1="Borno", admin2="Gwoza", location="Gwoza", latitude=11.08, longitude=13.69)
    province = ev("ISWAP fighters raided a military base in Gwoza on Tuesday.",
                  actor1="Islamic State West Africa Province (ISWAP)", actor2="Military Forces of Nigeria", **kw)
    umbrella = ev("Islamic State claimed an attack on soldiers in Gwoza on Tuesday.",
                  actor1="Islamic State (Nigeria)", actor2="Military Forces of Nigeria", **kw)
    assert dedup.match(province, umbrella).ok
    # two provinces are two groups
    assert not dedup._names_match("Islamic State West Africa Province (ISWAP)", "Islamic State Sahel Province")
    assert dedup._names_match("Islamic State", "Islamic State Khorasan Province (ISKP)")


def test_adf_in_congo_is_iscap_but_not_the_ambazonian_adf():
    congo = dict(country="Democratic Republic of Congo", admin1="Nord-Kivu", admin2="Beni", location="Beni",
                 latitude=0.49, longitude=29.47)
    adf = ev("ADF rebels killed villagers near Beni on Tuesday.", event_type="Violence against civilians",
             sub_event_type="Attack", actor1="ADF: Allied Democratic Forces",
             actor2="Civilians (Democratic Republic of Congo)", **congo)
    iscap = ev("Islamic State's Central Africa Province said it killed Christians in Beni on Tuesday.",
               event_type="Violence against civilians", sub_event_type="Attack",
               actor1="Islamic State Central Africa Province (ISCAP)",
               actor2="Civilians (Democratic Republic of Congo)", **congo)
    assert dedup.match(adf, iscap).ok
    # transitively, "Islamic State" names it too
    assert dedup._names_match("Islamic State (Democratic Republic of Congo)", "ADF: Allied Democratic Forces")
    cameroon = ev("Ambazonia Defence Forces fighters killed villagers near Bamenda on Tuesday.",
                  event_type="Violence against civilians", sub_event_type="Attack",
                  actor1="Ambazonian Separatists", actor2="Civilians (Cameroon)", country="Cameroon",
                  admin1="North-West", admin2="Mezam", location="Bamenda", latitude=5.96, longitude=10.15)
    assert not dedup.match(adf, cameroon).ok
    assert not dedup._names_match("Ambazonian Separatists", "ADF: Allied Democratic Forces")
    assert not dedup._names_match("Ambazonian Separatists", "Islamic State Central Africa Province (ISCAP)")
    assert dedup._names_match("Ambazonian Separatists", "Amba Boys")


def test_haitian_gangs_and_their_coalition():
    haiti = dict(country="Haiti", admin1="Ouest", admin2="Port-au-Prince", location="Port-au-Prince",
                 latitude=18.54, longitude=-72.34)
    gang = ev("400 Mawozo gunmen attacked a police station in Port-au-Prince on Tuesday.", actor1="400 Mawozo",
              actor2="Police Forces of Haiti", **haiti)
    coalition = ev("The Viv Ansanm gang alliance attacked a police station on Tuesday.", actor1="Viv Ansanm",
                   actor2="Police Forces of Haiti", **haiti)
    assert dedup.match(gang, coalition).ok
    # G9 and G-Pep fought each other for years: allies under Viv Ansanm are still two gangs
    g9 = ev("G9 fighters clashed with G-Pep in Cite Soleil on Tuesday.", actor1="G9 Family and Allies",
            actor2="Police Forces of Haiti", **haiti)
    gpep = ev("G-Pep members fought police in Port-au-Prince on Tuesday.", actor1="G-Pep",
              actor2="Police Forces of Haiti", **haiti)
    assert not dedup.match(g9, gpep).ok
    assert dedup._names_match("Viv Ansanm", "5 Segonn Gang")


def test_armed_wings_match_their_parties():
    assert dedup._names_match("Hezbollah", "Islamic Resistance in Lebanon")
    assert dedup._names_match("CPI (Maoist): Communist Party of India (Maoist)",
                              "PLGA: People's Liberation Guerrilla Army")
    assert not dedup._names_match("Islamic Resistance in Lebanon", "Islamic Resistance in Iraq")


# ------------------------------------------------------------------ generic wording for a named group
def test_unidentified_group_matches_a_named_group_at_the_same_place_and_day():
    named = ev("JNIM fighters attacked an army post at Dogofry on Tuesday, killing 12 soldiers.")
    for words in ("Terrorist armed groups attacked the Dogofry post on Tuesday.",
                  "Armed bandits stormed a military camp at Dogofry on Tuesday.",
                  "Unknown gunmen killed 12 soldiers at Dogofry on Tuesday."):
        generic = ev(words, actor1="Unidentified Armed Group (Mali)")
        m = dedup.match(generic, named)
        assert m.ok, (words, m.why_not)
    # ... but not one a day later, nor elsewhere
    assert not dedup.match(ev(actor1="Unidentified Armed Group (Mali)", event_date="2025-02-12"), named).ok
    elsewhere = ev(actor1="Unidentified Armed Group (Mali)", admin1="Mopti", admin2="Douentza", location="Boni",
                   latitude=15.05, longitude=-1.88)
    assert not dedup.match(elsewhere, named).ok


def test_two_different_named_groups_do_not_match():
    jnim = ev("JNIM attacked an army post at Dogofry on Tuesday.")
    issp = ev("Islamic State Sahel fighters attacked an army post at Dogofry on Tuesday.",
              actor1="Islamic State Sahel Province")
    m = dedup.match(jnim, issp)
    assert not m.ok and "different actors" in m.why_not
    # the two umbrellas are not each other's either
    assert not dedup._names_match("Al Qaeda", "Islamic State Sahel Province")
    assert not dedup._names_match("Islamic State", "Katiba Macina")
