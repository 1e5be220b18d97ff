"""Outlets that disagree about one event (issue 7, round 5): a place told as a road between two
towns, a possessive district name, a report whose only own place is the region, a night told as
"late on Sunday" or "the night of 12/13", a day told as "the previous afternoon"; and the
near-misses that must stay apart: an abduction beside an air strike, a march told as peaceful
beside police firing on another crowd. Text written for these tests."""

from __future__ import annotations

import datetime as dt

from eventwire.events.dates import find_dates
from eventwire.models import Event, Evidence
from eventwire.store import dedup


def ev(text: str, date_words: str = "", place_words: str = "", *, later_place: bool = False, **kw) -> Event:
    """An extracted report: its evidence, the words that dated it and those that placed it
    (``later_place``: read from a sentence after the evidence)."""
    base = dict(event_date="2025-02-09", time_precision=1, event_type="Battles", sub_event_type="Armed clash",
                actor1="Unidentified Armed Group (Afghanistan)", actor2="Police Forces of Afghanistan (2021-)",
                country="Afghanistan", admin1="Nangarhar", admin2="Jalalabad", location="Jalalabad",
                latitude=34.4265, longitude=70.4515, geo_precision=1, published="2025-02-10")
    base.update(kw)
    e = Event(**base)
    e.evidence = [Evidence(text=text, start=100, end=100 + len(text))]
    e.provenance["sub_event_type"] = Evidence(text=text[:8], start=100, end=108)
    for key, words in (("event_date", date_words), ("location", place_words)):
        if words:
            at = text.index(words) if not later_place or key != "location" else len(text) + 50
            e.provenance[key] = Evidence(text=words, start=100 + at, end=100 + at + len(words))
    return e


TORKHAM = dict(location="Torkham", admin2="Momand Dara", latitude=34.1106, longitude=71.0817)


# ------------------------------------------------------------ a road between two towns
def test_report_on_a_road_between_two_towns_matches_a_report_at_the_other_end():
    # one outlet codes the checkpoint on the highway to the town at one end, another to the other
    road = ev("Gunmen stormed a police checkpoint on the Jalalabad-Torkham highway late on Sunday, killing "
              "four officers, provincial officials said.", "late on Sunday", "Torkham", **TORKHAM)
    town = ev("Four policemen were killed when attackers raided a checkpoint outside Jalalabad on Sunday night.",
              "on Sunday night", "Jalalabad")
    assert dedup.haversine_km(34.4265, 70.4515, 34.1106, 71.0817) > 60
    m = dedup.match(road, town)
    assert m.ok, m.why_not
    assert "road between" in m.reason
    assert dedup.match(town, road).ok
    assert dedup.member_conflict(road, town) == ""
    # the other wording of a road: "the road between X and Y"
    between = ev("Four officers died when their post on the road between Torkham and Jalalabad came under fire "
                 "on Sunday.", "on Sunday", "Torkham", **TORKHAM)
    assert dedup.match(between, town).ok


def test_road_that_does_not_reach_the_other_report_s_town_stays_apart():
    town = ev("Four policemen were killed when attackers raided a checkpoint outside Jalalabad on Sunday night.",
              "on Sunday night", "Jalalabad")
    # a road from Torkham to somewhere else: Jalalabad is neither end
    other_road = ev("Gunmen stormed a police checkpoint on the Torkham-Landi Kotal road on Sunday, killing four "
                    "officers.", "on Sunday", "Torkham", **TORKHAM)
    assert not dedup.match(other_road, town).ok
    # a road named by both towns, but the report is coded to a third place it does not name
    asadabad = ev("A checkpoint on the Jalalabad-Torkham highway was attacked on Sunday.", "on Sunday",
                  location="Asadabad", admin1="Kunar", admin2="Asadabad", latitude=34.8741, longitude=71.1528)
    assert not dedup.match(asadabad, ev("Gunmen attacked police in Torkham on Sunday.", "on Sunday", "Torkham",
                                        **TORKHAM)).ok
    # the right road, but two days apart: another attack
    later = ev("Gunmen stormed a police checkpoint on the Jalalabad-Torkham highway on Tuesday.", "on Tuesday",
               "Torkham", event_date="2025-02-11", **TORKHAM)
    assert not dedup.match(later, town).ok


def test_roads_are_read_with_their_two_ends():
    e = ev("Bandits ambushed a bus on the Kaduna–Abuja expressway and on the road linking Gusau and Funtua.")
    assert set(dedup.roads(e)) == {frozenset({"kaduna", "abuja"}), frozenset({"gusau", "funtua"})}
    assert dedup.roads(ev("Troops cleared the main road into the town on Friday.")) == []


# ------------------------------------------------------------ a district named with its city's possessive
LIMA = dict(country="Peru", admin1="Lima", admin2="", location="Lima", latitude=-12.0432, longitude=-77.0282,
            event_type="Riots", sub_event_type="Violent demonstration", actor1="Rioters (Peru)",
            actor2="Police Forces of Peru (2000-)", event_date="2025-06-03")


def test_possessive_district_name_is_the_plain_one():
    a = ev("Hooded youths set fire to tyres and threw rocks at police in Lima's Rimac district on Tuesday.",
           "on Tuesday", "Lima", **LIMA)
    b = ev("The National Police reported that vandals attacked officers in the Lima Rimac district yesterday.",
           "yesterday", **{**LIMA, "location": "Peru", "admin1": "", "latitude": None, "longitude": None,
                           "geo_precision": 3})
    assert dedup.settlements(a) == dedup.settlements(b) == {"district": {"lima rimac"}}
    m = dedup.match(b, a)
    assert m.ok, m.why_not


def test_possessive_district_of_another_name_stays_apart():
    a = ev("Hooded youths set fire to tyres and threw rocks at police in Lima's Rimac district on Tuesday.",
           "on Tuesday", "Lima", **LIMA)
    c = ev("Vandals attacked officers in Lima's Comas district on Tuesday.", "on Tuesday", "Lima", **LIMA)
    m = dedup.match(c, a)
    assert not m.ok and "different places named" in m.why_not


# ------------------------------------------------------------ a borrowed place, the region named
SOM = dict(country="Somalia", admin1="Lower Shabelle", admin2="Marka", location="Marka", latitude=1.7159,
           longitude=44.7717, geo_precision=1, actor1="Al Shabaab", actor2="Military Forces of Somalia (2022-)")


def test_report_placed_by_a_later_sentence_matches_in_the_region_its_words_name():
    told = ev("Al-Shabaab fighters overran an army base in the Lower Shabelle region on Thursday, killing seven "
              "soldiers, a military officer said.", "on Thursday", "Marka", later_place=True,
              event_date="2025-04-17", **SOM)
    assert dedup.borrowed_place(told)
    near = ev("Seven soldiers died when militants stormed a base near Awdheegle on Thursday.", "on Thursday",
              "Awdheegle", event_date="2025-04-17",
              **{**SOM, "location": "Awdheegle", "admin2": "Afgooye", "latitude": 2.0086, "longitude": 45.0889})
    m = dedup.match(told, near)
    assert m.ok, m.why_not
    assert "names only the region" in m.reason


def test_borrowed_place_whose_words_name_no_region_or_another_one_stays_apart():
    near = ev("Seven soldiers died when militants stormed a base near Awdheegle on Thursday.", "on Thursday",
              "Awdheegle", event_date="2025-04-17",
              **{**SOM, "location": "Awdheegle", "admin2": "Afgooye", "latitude": 2.0086, "longitude": 45.0889})
    silent = ev("Al-Shabaab fighters overran an army base on Thursday, killing seven soldiers.", "on Thursday",
                "Marka", later_place=True, event_date="2025-04-17", **SOM)
    assert not dedup.match(silent, near).ok
    # its words name another region than the one both are coded to
    other = ev("Al-Shabaab fighters overran an army base in the Middle Shabelle region on Thursday.",
               "on Thursday", "Marka", later_place=True, event_date="2025-04-17", **SOM)
    assert not dedup.match(other, near).ok


# ------------------------------------------------------------ a night told two ways
def test_late_on_a_weekday_is_a_night_and_the_night_of_two_days_the_first():
    ds = find_dates("Militants attacked the post late on Sunday, police said.", dt.date(2025, 2, 10))
    assert [(d.text, d.date) for d in ds] == [("late on Sunday", dt.date(2025, 2, 9))]
    ds = find_dates("KABUL, 10 February 2025: On the night of 9/10 February 2025, attackers struck a post.",
                    dt.date(2025, 2, 10))
    assert ("the night of 9/10 February 2025", dt.date(2025, 2, 9), 1) in [(d.text, d.date, d.precision) for d in ds]
    # three days apart is a span, dated by its middle (ACLED, time precision 2)
    ds = find_dates("Clashes on 3/6 May 2025 killed dozens.", dt.date(2025, 5, 8))
    assert [(d.date, d.precision) for d in ds] == [(dt.date(2025, 5, 4), 2)]
    late = ev("Gunmen attacked a police post in Jalalabad late on Sunday.", "late on Sunday", "Jalalabad")
    told = ev("Attackers hit a police post in Jalalabad overnight, officials said on Monday.", "overnight",
              "Jalalabad", event_date="2025-02-10")
    assert dedup.match(told, late).ok
    # "on Sunday" alone is the day: a report of the Tuesday is another attack
    day = ev("Gunmen attacked a police post in Jalalabad on Sunday.", "on Sunday", "Jalalabad")
    assert not dedup.match(ev("Gunmen attacked a police post in Jalalabad on Tuesday.", "on Tuesday", "Jalalabad",
                              event_date="2025-02-11"), day).ok


# ------------------------------------------------------------ the previous afternoon
def test_the_previous_afternoon_is_the_day_before_the_day_the_sentence_names():
    ds = find_dates("Prosecutors opened an inquiry on Wednesday into the death of a farmer, shot the previous "
                    "afternoon near his fields.", dt.date(2025, 3, 13))
    assert [(d.text, d.date, d.kind) for d in ds] == [("on Wednesday", dt.date(2025, 3, 12), "weekday"),
                                                     ("the previous afternoon", dt.date(2025, 3, 11), "relative")]
    ds = find_dates("Police said on Friday that the bodies had been dumped the day before.", dt.date(2025, 3, 15))
    assert [d.date for d in ds] == [dt.date(2025, 3, 14), dt.date(2025, 3, 13)]
    ds = find_dates("Troops arrived on Monday and left the next morning.", dt.date(2025, 3, 12))
    assert [d.date for d in ds] == [dt.date(2025, 3, 10), dt.date(2025, 3, 11)]
    # with no day to count from, it stays relative to the event the caller knows
    ds = find_dates("The convoy had been ambushed the previous evening.", dt.date(2025, 3, 12))
    assert [(d.date, d.kind) for d in ds] == [(None, "relative-event")]


# ------------------------------------------------------------ an abduction is no strike
ZAM = dict(country="Nigeria", admin1="Katsina", admin2="Faskari", location="Faskari", latitude=11.7167,
           longitude=7.0333, geo_precision=2, event_date="2025-08-15")


def test_abduction_never_merges_with_a_strike_the_same_day_nearby():
    kidnap = ev("Bandits abducted 26 worshippers from a mosque near Faskari on Friday, residents said.", "on Friday",
                "Faskari", event_type="Violence against civilians", sub_event_type="Abduction/forced disappearance",
                actor1="Unidentified Armed Group (Nigeria)", actor2="Civilians (Nigeria)", **ZAM)
    jets = ev("Air force jets bombed bandit camps in the forest near Faskari on Friday, killing villagers held "
              "there.", "on Friday", "Faskari", event_type="Explosions/Remote violence",
              sub_event_type="Air/drone strike", actor1="Military Forces of Nigeria (2023-)",
              actor2="Civilians (Nigeria)", **ZAM)
    m = dedup.match(jets, kidnap)
    assert not m.ok and "never one event" in m.why_not
    assert dedup.member_conflict(jets, kidnap)
    # an attack on civilians the bomb killed still matches the strike (an outlet naming no weapon)
    attack = ev("Eleven villagers were killed near Faskari on Friday, a local leader said.", "on Friday", "Faskari",
                event_type="Violence against civilians", sub_event_type="Attack",
                actor1="Unidentified Armed Group (Nigeria)", actor2="Civilians (Nigeria)", **ZAM)
    assert dedup.match(attack, jets).ok


# ------------------------------------------------------------ a march told as peaceful
DHAKA = dict(country="Bangladesh", admin1="Dhaka", admin2="Dhaka", location="Dhaka", latitude=23.7104,
             longitude=90.4074, geo_precision=1, event_date="2025-10-20", event_type="Protests")


def test_march_told_as_peaceful_stays_apart_from_police_firing_on_protesters():
    nurses = ev("More than 500 nurses marched from Shahbagh to the secretariat on Monday to demand permanent posts. "
                "The rally remained peaceful.", "on Monday", sub_event_type="Peaceful protest",
                actor1="Protesters (Bangladesh)", assoc_actor_1="Labor Group (Bangladesh)", actor2="", **DHAKA)
    fired = ev("Police fired rubber bullets and live rounds at students protesting a quota in Dhaka on Monday, "
               "killing one.", "on Monday", "Dhaka", sub_event_type="Excessive force against protesters",
               actor1="Police Forces of Bangladesh (2024-)", actor2="Protesters (Bangladesh)", **DHAKA)
    m = dedup.match(fired, nurses)
    assert not m.ok and "told as peaceful" in m.why_not
    assert dedup.member_conflict(fired, nurses)
    ended = ev("The students' march in Dhaka ended without incident in the evening.", "", "Dhaka",
               sub_event_type="Peaceful protest", actor1="Protesters (Bangladesh)", actor2="", **DHAKA)
    assert not dedup.match(fired, ended).ok


def test_peaceful_protest_that_says_nothing_of_how_it_went_may_be_the_one_fired_on():
    gathered = ev("Thousands of students gathered at Shahbagh in Dhaka on Monday to demand an end to the quota.",
                  "on Monday", "Dhaka", sub_event_type="Peaceful protest", actor1="Protesters (Bangladesh)",
                  actor2="", **DHAKA)
    fired = ev("Police fired live rounds at students protesting a quota in Dhaka on Monday, killing one.",
               "on Monday", "Dhaka", sub_event_type="Excessive force against protesters",
               actor1="Police Forces of Bangladesh (2024-)", actor2="Protesters (Bangladesh)", **DHAKA)
    m = dedup.match(fired, gathered)
    assert m.ok, m.why_not
    # the force report's own words may call the march peaceful until the police came
    until = ev("Students marched peacefully in Dhaka on Monday until police opened fire, killing one.", "on Monday",
               "Dhaka", sub_event_type="Excessive force against protesters",
               actor1="Police Forces of Bangladesh (2024-)", actor2="Protesters (Bangladesh)", **DHAKA)
    assert dedup.match(until, gathered).ok


# ------------------------------------------------------------ end to end: three outlets, one ambush
OUTLETS = [
    ("garissa-county", dt.date(2025, 2, 10),
     "GARISSA, Kenya - Suspected al-Shabaab militants ambushed a police vehicle on the Garissa-Dadaab road late on "
     "Sunday, killing four officers, a county security official said.\nThe attackers fled towards the Somali "
     "border, police said."),
    ("wire", dt.date(2025, 2, 10),
     "Four police officers were killed when al-Shabaab fighters attacked their vehicle near Dadaab overnight, "
     "officials said on Monday.\nThe group claimed the attack on its radio station."),
    ("ministry", dt.date(2025, 2, 11),
     "NAIROBI, 11 February 2025 - On the night of 9/10 February 2025, armed men attacked a police patrol near "
     "Dadaab in Garissa County. Four officers lost their lives."),
]
# the same road two nights later: another ambush
LATER = ("ministry-2", dt.date(2025, 2, 13),
         "NAIROBI, 13 February 2025 - On the night of 11/12 February 2025, armed men attacked a police patrol near "
         "Dadaab in Garissa County. Two officers lost their lives.")


def test_three_outlets_telling_one_night_ambush_merge_end_to_end(settings, tmp_path):
    from eventwire.models import Document
    from eventwire.pipeline import Pipeline
    from eventwire.store.db import open_store

    pipeline = Pipeline(settings)
    store = open_store(str(tmp_path / "round5.sqlite"))
    try:
        clusters = {}
        for doc_id, published, text in [*OUTLETS, LATER]:
            doc = pipeline(Document(id=doc_id, text=text, published=published, source=doc_id))
            assert doc.events, doc_id
            stored = store.add_document(doc)
            clusters[doc_id] = {e["merged_into"] for e in store.get_document(stored)["events"]}
        first = clusters["garissa-county"]
        assert len(first) == 1
        assert clusters["wire"] == first and clusters["ministry"] == first
        assert not clusters["ministry-2"] & first
    finally:
        store.close()


# ------------------------------------------------------------ extraction read alike across outlets
def _events(settings, text: str, published: dt.date):
    from eventwire.models import Document
    from eventwire.pipeline import Pipeline

    return Pipeline(settings)(Document(id="t", text=text, published=published)).events


def test_arrests_days_before_a_rally_are_arrests_dated_by_their_own_day(settings):
    # the rally is the plan the arrests came before: not the event, not the date ("three days before")
    evs = _events(settings, "Ugandan police arrested five members of the opposition National Unity Platform at "
                            "their homes in Kampala before dawn on Tuesday, three days before a rally against the "
                            "new land law, the party said.", dt.date(2025, 3, 13))
    assert [(e.sub_event_type, e.event_date) for e in evs] == [("Arrests", "2025-03-11")]
    evs = _events(settings, "Security agents detained a student leader in Harare on Monday, a week before planned "
                            "demonstrations over fuel prices, his lawyer said.", dt.date(2025, 3, 12))
    assert [(e.sub_event_type, e.event_date) for e in evs] == [("Arrests", "2025-03-10")]
    # arrests at the march itself are the police intervening in it
    evs = _events(settings, "Police arrested dozens of demonstrators in Harare on Monday as they marched against "
                            "fuel prices.", dt.date(2025, 3, 12))
    assert [e.sub_event_type for e in evs] == ["Protest with intervention"]


def test_days_before_or_later_count_from_another_day_not_from_publication():
    ds = find_dates("Two days before the vote, gunmen attacked a polling station.", dt.date(2025, 3, 13))
    assert [(d.date, d.kind) for d in ds] == [(None, "relative-event")]
    ds = find_dates("He was abducted two days ago.", dt.date(2025, 3, 13))
    assert [d.date for d in ds] == [dt.date(2025, 3, 11)]


def test_turkish_occupation_army_is_turkey_s_forces_whatever_country_the_event_is_in(settings):
    evs = _events(settings, "Yesterday evening, a drone of the Turkish occupation army struck a car near Qamishli, "
                            "killing three members of the Asayish, the Kurdish security forces said.",
                  dt.date(2025, 3, 12))
    assert evs and evs[0].country == "Syria"
    assert evs[0].actor1.startswith("Military Forces of Turkey")


def test_drone_strike_told_as_fighting_by_a_side_naming_the_occupation_army_merges(settings):
    # the outlet of the side hit calls the drone strike an attack by the "occupation army": coded as
    # fighting, it names the drone, and the attacker is the one the monitor names
    told = _events(settings, "Yesterday evening, a drone of the Turkish occupation army targeted a car on the "
                             "road into Qamishli, killing three members of the Asayish, the Kurdish security "
                             "forces said.", dt.date(2025, 3, 12))
    monitor = _events(settings, "A Turkish drone targeted a vehicle in Qamishli on Tuesday, killing three members "
                                "of the Kurdish Asayish, the monitor said.", dt.date(2025, 3, 11))
    assert told and monitor
    assert monitor[0].sub_event_type == "Air/drone strike"
    m = dedup.match(told[0], monitor[0])
    assert m.ok, m.why_not


# ------------------------------------------------------------ a town the gazetteer lacks, placed elsewhere
def test_report_coded_elsewhere_for_want_of_the_town_its_words_name_matches_that_town():
    base = dict(country="Myanmar", admin1="Sagaing", admin2="Shwebo", event_date="2025-01-20",
                actor1="Military Forces of Myanmar (2021-)", actor2="PDF: People's Defence Force")
    unplaced = ev("Junta troops clashed with resistance fighters near Letpanhla on 20 January, state media said.",
                  "on 20 January", "Letpanhla", **{**base, "country": "", "admin1": "", "admin2": "",
                                                   "location": "Letpanhla", "latitude": None, "longitude": None,
                                                   "geo_precision": 3})
    fallback = ev("Separately, fighting between the PDF and regime troops went on near Letpanhla, about 30 "
                  "kilometres to the north, the group said.", "", "Letpanhla",
                  **{**base, "location": "Shwebo", "latitude": 22.5683, "longitude": 95.6983, "geo_precision": 2})
    assert dedup._placed_instead(fallback, "Letpanhla")
    m = dedup.match(unplaced, fallback)
    assert m.ok, m.why_not
    assert "both reports name Letpanhla" in m.reason
    # a report at its own town that only mentions the unplaced one as a distance does not count
    own = ev("Regime troops clashed with the PDF in Shwebo, 30 kilometres from Letpanhla, on 20 January.",
             "on 20 January", "Shwebo",
             **{**base, "location": "Shwebo", "latitude": 22.5683, "longitude": 95.6983, "geo_precision": 1})
    assert not dedup._placed_instead(own, "Letpanhla")
    assert not dedup.match(unplaced, own).ok


def test_a_day_named_after_the_relative_one_is_its_own_date():
    ds = find_dates("The next day, on 21 January, the office of the union was raided.", dt.date(2025, 1, 30))
    assert [(d.text, d.date) for d in ds] == [("The next day", None), ("21 January", dt.date(2025, 1, 21))]


def test_a_night_told_by_its_small_hours_or_its_dawn_spans_two_dates():
    sunday = ev("Gunmen attacked a police post in Jalalabad on Sunday night.", "on Sunday night", "Jalalabad")
    for words in ("in the early hours of Monday", "before dawn on Monday", "early on Monday"):
        said = words.split(" of ")[-1] if "hours" in words else words.replace("before dawn ", "")
        monday = ev(f"Attackers hit a police post in Jalalabad {words}, officials said.", said, "Jalalabad",
                    event_date="2025-02-10")
        assert dedup._at_night(monday), words
        m = dedup.match(monday, ev("Gunmen attacked a police post in Jalalabad on Sunday.", "on Sunday",
                                   "Jalalabad"))
        assert m.ok and "across one night" in m.reason, (words, m.why_not)
    # a Monday afternoon is a day after the Sunday night, not the same night
    afternoon = ev("Attackers hit a police post in Jalalabad on Monday afternoon.", "on Monday afternoon",
                   "Jalalabad", event_date="2025-02-10")
    assert not dedup._at_night(afternoon)
    assert not dedup.match(afternoon, ev("Gunmen attacked a police post in Jalalabad on Sunday.", "on Sunday",
                                         "Jalalabad")).ok
