"""Deduplication across the ways the extractor reads one event differently in different outlets.

Each class of disagreement seen between outlets -- a report dated by the day it was told,
a town the gazetteer cannot place, a protest typed peaceful by one outlet and as broken up
by another, a named group called "gunmen" elsewhere -- is paired with the near-misses that
must stay apart: another town the same day, the same town two days on, a repeat attack, a
breakaway riot next to a peaceful march, a different kind of event at the same place.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

from eventwire.models import Document, Event, Evidence
from eventwire.store import dedup
from eventwire.store.db import open_store


def ev(evidence: str = "", date_words: str = "", **kw) -> Event:
    """An extracted report: its evidence, and (``date_words``) the words of its evidence that dated it."""
    base = dict(event_date="2025-05-16", time_precision=1, event_type="Explosions/Remote violence",
                sub_event_type="Air/drone strike", actor1="Military Forces of Sudan", actor2="Civilians (Sudan)",
                country="Sudan", admin1="North Darfur", admin2="Kutum", location="Kutum", latitude=14.20,
                longitude=24.66, geo_precision=1, published="2025-05-17")
    base.update(kw)
    e = Event(**base)
    if evidence:
        e.evidence = [Evidence(text=evidence, start=100, end=100 + len(evidence))]
        e.provenance["sub_event_type"] = Evidence(text=evidence[:10], start=100, end=110)
        if date_words:
            at = evidence.index(date_words)
            e.provenance["event_date"] = Evidence(text=date_words, start=100 + at, end=100 + at + len(date_words))
    return e


# ------------------------------------------------------------------ dated by the day it was told
STRIKE = "An army warplane bombed the cattle market in Kutum on Friday, killing 14 people, residents said."
TOLD = "An air strike on the market in Kutum killed 14 civilians, a local aid group said on Saturday."


def test_a_report_dated_by_its_statement_day_matches_the_day_before():
    event_day = ev(STRIKE, "on Friday", event_date="2025-05-16")
    told = ev(TOLD, "on Saturday", event_date="2025-05-17", published="2025-05-18")
    assert dedup.dated_when_told(told) and not dedup.dated_when_told(event_day)
    m = dedup.match(told, event_day)
    assert m.ok and "day it was told" in m.reason
    assert dedup.match(event_day, told).ok  # whichever came first


def test_a_statement_day_never_reaches_forward_or_two_days():
    told = ev(TOLD, "on Saturday", event_date="2025-05-17", published="2025-05-18")
    # the event can't have happened after it was told of
    assert not dedup.match(told, ev(STRIKE.replace("Friday", "Sunday"), "on Sunday", event_date="2025-05-18")).ok
    # a strike on the same market two days earlier is another strike
    m = dedup.match(told, ev(STRIKE.replace("Friday", "Thursday"), "on Thursday", event_date="2025-05-15"))
    assert not m.ok and "2 days apart" in m.why_not


def test_date_words_of_the_event_are_not_a_statement_day():
    # "on Saturday" dates the bombing here, not a statement: two market strikes on two days
    saturday = ev("Warplanes bombed the market in Kutum on Saturday, killing six people.", "on Saturday",
                  event_date="2025-05-17")
    assert not dedup.dated_when_told(saturday)
    assert not dedup.match(saturday, ev(STRIKE, "on Friday")).ok


def test_a_report_telling_a_repeat_gets_no_day_of_grace():
    repeat = ev("Another air strike hit the market in Kutum, killing five, a day after 14 died there, "
                "an aid group said on Saturday.", "on Saturday", event_date="2025-05-17")
    assert not dedup.dated_when_told(repeat)
    assert not dedup.match(repeat, ev(STRIKE, "on Friday")).ok


def test_a_statement_day_does_not_bridge_two_towns():
    told = ev(TOLD, "on Saturday", event_date="2025-05-17")
    elsewhere = ev("An army warplane bombed the market in Kabkabiya on Friday, killing 14 people.", "on Friday",
                   admin2="Kabkabiya", location="Kabkabiya", latitude=13.65, longitude=24.09)
    m = dedup.match(told, elsewhere)
    assert not m.ok and "apart" in m.why_not


def test_no_date_words_means_the_publication_day():
    # "in a separate attack the same day": no date the extractor could read, so it took the publication day
    undated = ev("In a separate attack, gunmen fired on a police checkpoint in Kutum, wounding two officers.",
                 event_type="Battles", sub_event_type="Armed clash", actor1="Unidentified Armed Group (Sudan)",
                 actor2="Police Forces of Sudan", event_date="2025-05-17", published="2025-05-17")
    dated = ev("Two policemen were wounded when gunmen attacked a checkpoint in Kutum on Friday evening.",
               "on Friday evening", event_type="Battles", sub_event_type="Armed clash",
               actor1="Unidentified Armed Group (Sudan)", actor2="Police Forces of Sudan", event_date="2025-05-16")
    assert dedup.dated_when_told(undated)
    assert dedup.match(undated, dated).ok
    # a date that is not the publication day came from somewhere: no grace
    assert not dedup.match(dataclasses.replace(undated, published="2025-05-19"), dated).ok
    # a record carrying no trace of its extraction (imported, hand-coded) is taken at its word
    bare = dataclasses.replace(undated, provenance={})
    assert not dedup.dated_when_told(bare) and not dedup.match(bare, dated).ok


# ------------------------------------------------------------------ a town the gazetteer cannot place
def test_an_unplaced_town_matches_a_report_that_names_it_but_is_placed_at_the_setting():
    unplaced = ev("Troops clashed with about 60 SPLM-N fighters near Um Sidr on 16 May, the army said.", "on 16 May",
                  event_type="Battles", sub_event_type="Armed clash", actor2="SPLM-N: Sudan People's Liberation "
                  "Movement-North", country="", admin1="", admin2="", location="Um Sidr", latitude=None,
                  longitude=None, geo_precision=3)
    setting = ev("Separately, fighting between SPLM-N and army troops went on near Um Sidr, 30 km to the east.",
                 event_type="Battles", sub_event_type="Armed clash", actor1="SPLM-N: Sudan People's Liberation "
                 "Movement-North", actor2="Military Forces of Sudan", geo_precision=2)
    m = dedup.match(unplaced, setting)
    assert m.ok and "both reports name Um Sidr" in m.reason
    # near-miss: a report whose evidence puts it at its own town only mentions the other as a landmark
    landmark = "Fighting broke out in Kutum, 30 km west of Um Sidr, between SPLM-N and army troops."
    own_town = dataclasses.replace(setting, evidence=[Evidence(text=landmark, start=100, end=100 + len(landmark))])
    assert not dedup.match(unplaced, own_town).ok


# ------------------------------------------------------------------ protest typings
def demo(sub: str, evidence: str, **kw) -> Event:
    types = {"Peaceful protest": "Protests", "Protest with intervention": "Protests",
             "Excessive force against protesters": "Protests", "Violent demonstration": "Riots",
             "Mob violence": "Riots", "Arrests": "Strategic developments"}
    base = dict(event_type=types[sub], sub_event_type=sub, actor1="Protesters (Kenya)", actor2="", country="Kenya",
                admin1="Nakuru", admin2="Nakuru Town East", location="Nakuru", latitude=-0.30, longitude=36.07,
                event_date="2025-06-25", published="2025-06-25")
    base.update(kw)
    return ev(evidence, **base)


MARCH = demo("Peaceful protest", "Thousands of teachers marched through Nakuru on Wednesday to demand pay arrears.",
             assoc_actor_1="Teachers (Kenya)")


def test_one_march_typed_peaceful_or_as_broken_up_is_one_event():
    broken_up = demo("Protest with intervention", "Police fired tear gas at striking teachers marching in Nakuru.",
                     actor2="Police Forces of Kenya")
    shot_at = demo("Excessive force against protesters", "Police shot and wounded two teachers at a Nakuru march.",
                   actor1="Police Forces of Kenya", actor2="Protesters (Kenya)")
    for other in (broken_up, shot_at):
        assert dedup.match(other, MARCH).ok
    # the police breaking up a march is also the riot an outlet on the other side reports
    riot = demo("Violent demonstration", "Protesting teachers hurled stones at police in Nakuru.",
                actor1="Rioters (Kenya)", actor2="Police Forces of Kenya")
    assert dedup.match(riot, broken_up).ok and dedup.match(riot, shot_at).ok


def test_a_breakaway_riot_is_not_the_peaceful_march():
    riot = demo("Violent demonstration", "Masked youths smashed shop windows and stoned police in central Nakuru.",
                actor1="Rioters (Kenya)", actor2="Police Forces of Kenya")
    m = dedup.match(riot, MARCH)
    assert not m.ok and "never one event" in m.why_not
    looting = demo("Mob violence", "A mob looted shops in Nakuru as the march dispersed.", actor1="Rioters (Kenya)",
                   actor2="Civilians (Kenya)")
    assert not dedup.match(looting, MARCH).ok


def test_arrests_at_the_march_are_another_kind_of_event():
    arrests = demo("Arrests", "Police arrested 12 union officials at their homes in Nakuru on Wednesday.",
                   actor1="Police Forces of Kenya", actor2="Teachers (Kenya)")
    assert not dedup.match(arrests, MARCH).ok


def _doc(doc_id: str, text: str, events: list[Event]) -> Document:
    for e in events:
        start = text.index(e.evidence[0].text)
        e.evidence = [Evidence(text=e.evidence[0].text, start=start, end=start + len(e.evidence[0].text))]
        e.provenance = {}
    return Document(id=doc_id, text=text, clean=text, source=doc_id, url=f"https://{doc_id}.example/a",
                    published=dt.date(2025, 6, 25), events=events)


def test_march_and_breakaway_riot_stay_two_events_in_any_order(tmp_path):
    march_text = "Thousands of teachers marched through Nakuru on Wednesday to demand pay arrears."
    riot_text = "Masked youths smashed shop windows and stoned police in central Nakuru on Wednesday."
    both = f"{march_text.replace('Thousands', 'Tens of thousands')} Later, {riot_text[0].lower()}{riot_text[1:]}"
    docs = {
        "march": lambda: _doc("march", march_text, [demo("Peaceful protest", march_text)]),
        "riot": lambda: _doc("riot", riot_text, [demo("Violent demonstration", riot_text, actor1="Rioters (Kenya)",
                                                      actor2="Police Forces of Kenya")]),
        "both": lambda: _doc("both", both, [
            demo("Peaceful protest", march_text.replace("Thousands", "Tens of thousands")),
            demo("Violent demonstration", riot_text.split(" ", 1)[1], actor1="Rioters (Kenya)",
                 actor2="Police Forces of Kenya")]),
    }
    for n, order in enumerate(itertools.permutations(docs)):
        store = open_store(str(tmp_path / f"s{n}.sqlite"))
        try:
            cluster = {}
            for name in order:
                doc_id = store.add_document(docs[name]())
                for seq, e in enumerate(store.get_document(doc_id)["events"]):
                    cluster[(name, seq)] = e["merged_into"]
        finally:
            store.close()
        assert cluster[("march", 0)] != cluster[("riot", 0)], order
        assert cluster[("march", 0)] == cluster[("both", 0)], order
        assert cluster[("riot", 0)] == cluster[("both", 1)], order


# ------------------------------------------------------------------ the actor pair read differently
ATTACK = dict(event_type="Battles", sub_event_type="Armed clash", actor2="Military Forces of Sudan",
              actor1="Rapid Support Forces")


def test_a_named_group_and_gunmen_swapped_or_as_associate_are_one_side():
    named = ev("RSF fighters attacked an army base in Kutum on Friday.", "on Friday", **ATTACK)
    gunmen = ev("Armed men stormed an army base in Kutum on Friday.", "on Friday",
                **{**ATTACK, "actor1": "Unidentified Armed Group (Sudan)"})
    swapped = ev("Soldiers fought off RSF attackers at their base in Kutum on Friday.", "on Friday",
                 **{**ATTACK, "actor1": "Military Forces of Sudan", "actor2": "Rapid Support Forces"})
    as_assoc = ev("Arab militiamen backed by the RSF attacked an army base in Kutum on Friday.", "on Friday",
                  **{**ATTACK, "actor1": "Janjaweed Militia", "assoc_actor_1": "Rapid Support Forces"})
    for other in (gunmen, swapped, as_assoc):
        assert dedup.match(other, named).ok, other.actor1


def test_gunmen_do_not_bridge_another_town_another_day_or_another_group():
    named = ev("RSF fighters attacked an army base in Kutum on Friday.", "on Friday", **ATTACK)
    gunmen = {**ATTACK, "actor1": "Unidentified Armed Group (Sudan)"}
    other_town = ev("Armed men stormed an army base in Kabkabiya on Friday.", "on Friday", admin2="Kabkabiya",
                    location="Kabkabiya", latitude=13.65, longitude=24.09, **gunmen)
    two_days = ev("Armed men stormed an army base in Kutum on Sunday.", "on Sunday", event_date="2025-05-18",
                  **gunmen)
    other_group = ev("SLA fighters attacked an army base in Kutum on Friday.", "on Friday",
                     **{**ATTACK, "actor1": "SLM/A-Minnawi: Sudan Liberation Movement/Army (Minni Minnawi Faction)"})
    for other in (other_town, two_days, other_group):
        assert not dedup.match(other, named).ok, other.evidence[0].text
