"""Cross-outlet dedup through the real pipeline (issue 7, order6 set): the extraction errors that
made reports of two neighbouring days' protests look alike or unlike, and the store's reading of a
region named after its capital. Text written for these tests (fictional incidents, real places).

* one sentence telling two days, each with its own place ("On Tuesday police teargassed nurses in
  Nakuru; on Wednesday the Naivasha branch was teargassed in Naivasha"): each event's evidence is
  its own clause, so the first day's words do not name the second day's town, and its trigger is
  its clause's own word;
* a lead that tells at region level the event a later sentence places in a town ("for the third day
  in a row, police broke up protesting farmers in Punjab province. On Monday ... in Okara; on
  Tuesday ... near Sahiwal"): one event, not two;
* "Farmers and police clashed ..., where officers cleared a road blockade": a protest broken up,
  not also an armed clash;
* an event told right after the sentence that sets its scene on a day ("Nurses in Njoro were back
  on the streets on Tuesday, a day after a similar demonstration. Police broke up their
  gathering"): that day, not the publication day;
* a region-level report ("Police in Nakuru County on Monday") does not name the town that shares
  the region's name: it joins the event known on its very day.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import tempfile

import pytest

from eventwire.models import Document, Event, Evidence
from eventwire.pipeline import Pipeline
from eventwire.store import dedup, open_store


@pytest.fixture(scope="module")
def pipe(settings):
    return Pipeline(settings)


def events(pipe, text: str, published: dt.date = dt.date(2025, 6, 27)):
    # published on a Friday: Monday is the 23rd, Tuesday the 24th, Wednesday the 25th
    return pipe(Document(id="t", text=text, published=published)).events


def _ev_text(e) -> str:
    return " ".join(x.text for x in e.evidence)


# ------------------------------------------------------------------ one clause per event
@pytest.mark.parametrize("text, first, second", [
    ("On Tuesday police teargassed nurses at the county hospital in Nakuru; on Wednesday the union's "
     "Naivasha branch was teargassed outside the sub-county offices in Naivasha.", "Nakuru", "Naivasha"),
    ("Police fired tear gas at striking teachers in Thika on Monday and on Tuesday dispersed a second "
     "march in Ruiru.", "Thika", "Ruiru"),
])
def test_each_day_of_one_sentence_has_its_own_clause_as_evidence(pipe, text, first, second):
    evs = sorted(events(pipe, text), key=lambda e: e.event_date)
    assert [e.location for e in evs] == [first, second]
    a, b = evs
    assert first in _ev_text(a) and second not in _ev_text(a)
    assert second in _ev_text(b) and first not in _ev_text(b)
    # the second day's trigger is a word of its own clause, not the first day's
    trig = b.provenance["sub_event_type"]
    assert any(x.start <= trig.start and trig.end <= x.end for x in b.evidence), trig


def test_the_head_telling_the_action_is_kept_for_every_day(pipe):
    evs = sorted(events(pipe, "Security forces cleared farmers' road blockades on two consecutive days: on "
                              "Monday in Multan and on Tuesday in Lahore, in both cases with batons."),
                 key=lambda e: e.event_date)
    assert [e.location for e in evs] == ["Multan", "Lahore"]
    assert "road blockades" in _ev_text(evs[1]) and "Multan" not in _ev_text(evs[1])
    assert "Lahore" not in _ev_text(evs[0])


def test_control_a_list_of_towns_on_one_day_keeps_the_whole_sentence(pipe):
    text = "Protesters marched in Nairobi, Mombasa and Kisumu on Tuesday against the finance bill."
    evs = events(pipe, text)
    assert sorted(e.location for e in evs) == ["Kisumu", "Mombasa", "Nairobi"]
    assert all(_ev_text(e) == text for e in evs)


# ------------------------------------------------------------------ a lead told again in detail
def test_a_region_level_lead_told_again_in_a_town_is_one_event(pipe):
    evs = events(pipe, "For the third day in a row, police broke up protesting farmers in Punjab province. "
                       "On Monday officers baton-charged farmers in Okara; on Tuesday farmers who blocked "
                       "the highway near Sahiwal were also teargassed.")
    assert sorted((e.event_date, e.location) for e in evs) == [("2025-06-23", "Okara"), ("2025-06-24", "Sahiwal")]


def test_control_a_town_event_of_another_day_leaves_the_lead_alone(pipe):
    evs = events(pipe, "Police teargassed protesting traders in Kano on Thursday. On Wednesday officers had "
                       "dispersed a sit-in by nurses in Fagge.")
    assert sorted(e.event_date for e in evs) == ["2025-06-25", "2025-06-26"]


# ------------------------------------------------------------------ a crowd is not an armed group
def test_a_clash_of_protesters_and_police_broken_up_is_a_protest_only(pipe):
    evs = events(pipe, "Nurses and police clashed on Wednesday in Kaduna State, where officers cleared a "
                       "road blockade by the nurses' union with teargas.")
    assert [e.event_type for e in evs] == ["Protests"]
    evs = events(pipe, "Farmers and police clashed again on Monday in Punjab province, where officers cleared "
                       "a road blockade by the farmers' union with batons.")
    assert [e.event_type for e in evs] == ["Protests"]


def test_control_an_armed_clash_stays_a_battle(pipe):
    evs = events(pipe, "Gunmen and police clashed on Monday near Birnin Gwari in Kaduna State, killing two "
                       "officers. On Sunday villagers had blocked the highway to protest kidnappings.")
    assert "Battles" in [e.event_type for e in evs]
    evs = events(pipe, "Soldiers and Ansaru fighters clashed on Wednesday near Birnin Gwari in Kaduna State, "
                       "residents said.")
    assert [e.sub_event_type for e in evs] == ["Armed clash"]


# ------------------------------------------------------------------ the day of the scene
def test_the_scene_setting_sentence_dates_the_first_event(pipe):
    text = ("Nurses in Njoro were back on the streets on Tuesday, a day after a similar demonstration. "
            "Police broke up their gathering with teargas and arrested three union officials.")
    for published in (dt.date(2025, 6, 24), dt.date(2025, 6, 26)):
        evs = events(pipe, text, published)
        assert [e.event_date for e in evs] == ["2025-06-24"]
        assert evs[0].provenance["event_date"].text == "on Tuesday"
        # its date is the event's, told in the article, not the day it was told
        assert not dedup.dated_when_told(evs[0])


def test_control_a_statement_day_does_not_date_the_event(pipe):
    evs = events(pipe, "The union said on Tuesday that nurses in Zaria would not return to work. Police "
                       "broke up their gathering with teargas and arrested two union officials.")
    assert [e.event_date for e in evs] == ["2025-06-27"]
    assert "event_date" not in evs[0].provenance


# ------------------------------------------------------------------ a region named after its capital
def _report(**kw) -> Event:
    base = dict(event_type="Protests", sub_event_type="Protest with intervention", actor1="Protesters (Kenya)",
                actor2="Police Forces of Kenya", country="Kenya", admin1="Nakuru", time_precision=1)
    base.update(kw)
    text = base.pop("text")
    ev = Event(**base)
    ev.evidence = [Evidence(text=text, start=0, end=len(text))]
    return ev


def test_a_county_report_does_not_name_its_namesake_town():
    county = _report(event_date="2025-06-23", location="Nakuru", geo_precision=3, latitude=-0.5, longitude=36.1,
                     text="Police in Nakuru County on Monday lobbed teargas at hundreds of nurses.")
    town_tuesday = _report(event_date="2025-06-24", location="Nakuru", geo_precision=1, latitude=-0.28,
                           longitude=36.07, text="Police broke up their gathering with teargas.")
    njoro_monday = _report(event_date="2025-06-23", location="Njoro", geo_precision=1, latitude=-0.33,
                           longitude=35.94, text="Police fired teargas at nurses marching in Njoro on Monday.")
    # no date words of its own, published that Tuesday: it may be Monday's protest told a day later
    town_tuesday.published = "2025-06-24"
    town_tuesday.provenance["sub_event_type"] = Evidence(text="broke up", start=7, end=15)
    assert dedup.match(county, town_tuesday).ok and dedup.match(county, njoro_monday).ok
    best = dedup.best_match(county, [town_tuesday, njoro_monday])
    assert best is not None and best[0] == 1  # the only one known on Monday, not the town named "Nakuru"


def test_control_a_region_report_naming_a_town_still_joins_it():
    county = _report(event_date="2025-06-23", location="Nakuru", geo_precision=3, latitude=-0.5, longitude=36.1,
                     text="Police in Nakuru County on Monday lobbed teargas at nurses marching in Njoro.")
    other = _report(event_date="2025-06-23", location="Gilgil", geo_precision=1, latitude=-0.5, longitude=36.32,
                    text="Police fired teargas at nurses in Gilgil on Monday.")
    njoro = _report(event_date="2025-06-23", location="Njoro", geo_precision=1, latitude=-0.33, longitude=35.94,
                    text="Police fired teargas at nurses marching in Njoro on Monday.")
    best = dedup.best_match(county, [other, njoro])
    assert best is not None and best[0] == 1


# ------------------------------------------------------------------ end to end, every order
ARTICLES = [  # (id, published, text); truth: the protest of Monday 23 June (Nakuru) or Tuesday 24 June (Njoro)
    ("nk-1", "2025-06-23", "Police in Nakuru County on Monday lobbed teargas at hundreds of nurses who were "
                           "demonstrating over unpaid allowances, scattering them before they reached the county "
                           "health offices."),
    ("nk-2", "2025-06-23", "NAKURU -- Anti-riot police on Monday fired teargas at nurses marching along Kenyatta "
                           "Avenue in Nakuru town, as the union pressed its demand for allowances."),
    ("nk-3", "2025-06-24", "Nurses in Njoro were back on the streets on Tuesday, a day after a similar "
                           "demonstration. Police broke up their gathering with teargas and arrested three union "
                           "officials."),
    ("nk-4", "2025-06-25", "For the second day running, police dispersed protesting nurses in Nakuru County. On "
                           "Monday officers fired teargas at marchers in Nakuru town; on Tuesday nurses who gathered "
                           "outside the Njoro sub-county health office were also teargassed and three of their "
                           "leaders arrested."),
    ("nk-5", "2025-06-24", "NJORO -- Three officials of the nurses' union were arrested on Tuesday after police "
                           "dispersed a demonstration outside the Njoro sub-county health office, the county police "
                           "commander said."),
]
TRUTH = {"2025-06-23": "Monday", "2025-06-24": "Tuesday"}


def test_two_days_of_county_protests_merge_exactly_in_every_order(pipe):
    docs = [pipe(Document(id=i, text=t, published=dt.date.fromisoformat(p), source=i,
                          url=f"https://news.example/{i}")) for i, p, t in ARTICLES]
    assert sorted(e.event_date for d in docs for e in d.events) == ["2025-06-23"] * 3 + ["2025-06-24"] * 3
    failures = []
    for perm in itertools.permutations(range(len(docs))):
        with tempfile.TemporaryDirectory() as tmp:
            store = open_store(os.path.join(tmp, "s.sqlite"))
            try:
                for k in perm:
                    store.add_document(docs[k])
                clusters: dict[str, set[str]] = {}
                for d in docs:
                    for e, got in zip(d.events, store.get_document(d.id)["events"]):
                        clusters.setdefault(TRUTH[e.event_date], set()).add(got["merged_into"])
            finally:
                store.close()
        if any(len(v) != 1 for v in clusters.values()) or len(set().union(*clusters.values())) != 2:
            failures.append(perm)
    assert not failures, f"{len(failures)} of 120 orders merge wrongly, e.g. {failures[:3]}"
