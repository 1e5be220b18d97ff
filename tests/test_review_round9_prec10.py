"""Review of the round-10 precision change (prec10): real, current events it lost or misdated, each
with text written for this test and a control where the precision rule must still hold.

1. a group named after a day is a calendar day followed by the name ("the June 6 Movement"); a
   weekday ("On Saturday Movement for Democratic Change supporters clashed") or a day told with
   "on" before a name of its own ("On June 25 Generation Z protesters stormed parliament") is the
   day of the event;
2. an agreement named as the moment of the story ("came as a ceasefire took effect") is only the
   one the phrase names: a deal signed later in the sentence ("The talks, which came amid a truce,
   ended when the two sides signed a peace agreement") is an event;
3. "has carried out dozens of airstrikes" is a count of a campaign, but the day of one attack in the
   sentence ("has launched hundreds of drones at Kyiv overnight, killing 14") lifts it;
4. "called on the men to surrender and then shot dead three of them": the caller's own act, told
   after the appeal, happened;
5. "over the following years" is a vague past, lifted by the day an event happened ("held the town
   over the following years before the army retook it on Tuesday");
6. a radio or television station that is the target ("Protesters ransacked the national television on
   Thursday") is no channel of a statement: that day is the event's;
7. a press release's dateline is the issue day only when the body names a day of its own: "BAMAKO,
   12 June 2025 — Jihadists killed 20 soldiers ..., the deadliest in recent months" took place that day;
8. a riot told within two sentences of a protest the police broke up is that crowd, unless it is a
   crowd with a grievance of its own ("Traders protesting against new taxes then blocked roads").
"""

from __future__ import annotations

import datetime as dt

from eventwire.api import extract

PUB = "2025-06-13"  # a Friday


def _types(text: str, published: str = PUB) -> list[tuple[str, str]]:
    return sorted((e.sub_event_type, e.event_date) for e in extract(text=text, published=dt.date.fromisoformat(published)))


def _subtypes(text: str, published: str = PUB) -> list[str]:
    return [t for t, _ in _types(text, published)]


# ------------------------------------------------------------- 1. a day before a name
def test_a_weekday_before_a_party_name_is_the_event_day():
    text = ("On Saturday Movement for Democratic Change supporters clashed with ZANU-PF youths in Harare, "
            "leaving three people injured, police said.")
    assert [d for _, d in _types(text)] == ["2025-06-07"]


def test_a_weekday_before_generation_z_protesters_is_the_event_day():
    text = ("On Tuesday Generation Z protesters stormed the parliament buildings in Nairobi, and police shot "
            "dead five of them.")
    assert [d for _, d in _types(text)] == ["2025-06-10"]


def test_a_calendar_day_told_with_on_before_a_name_is_the_event_day():
    text = ("On June 25 Generation Z protesters stormed the parliament buildings in Nairobi, and police shot "
            "dead five of them.")
    assert [d for _, d in _types(text, "2025-06-27")] == ["2025-06-25"]


def test_a_movement_named_after_a_day_still_gives_no_date():
    # control: the rule of the change holds for a calendar day opening a group's name
    from eventwire.events.dates import find_dates
    s = "Police arrested 20 members of the June 6 Movement in Dakar on Wednesday."
    assert [d.text for d in find_dates(s, dt.date(2025, 6, 13))] == ["on Wednesday"]
    assert _types(s) == [("Arrests", "2025-06-11")]


def test_the_march_23_movement_is_no_date():
    # control: "the March 23 Movement" (M23) names the rebels, the day is Wednesday's
    text = "Fighters of the March 23 Movement seized the town of Walikale on Wednesday, residents said."
    assert [d for _, d in _types(text)] == ["2025-06-11"]


# ------------------------------------------------------------- 2. a ceasefire as the moment of the story
def test_a_deal_signed_after_a_truce_named_as_context_stays():
    text = ("The talks, which came amid a week-long truce, ended on Thursday when the two sides signed a peace "
            "agreement in Jeddah, the mediators said.")
    assert _subtypes(text) == ["Agreement"]


def test_a_deal_signed_days_after_an_attack_amid_a_truce_stays():
    text = ("Two days after the attack, which came amid a fragile truce, the warring parties signed a peace "
            "agreement in Addis Ababa on Thursday.")
    assert _subtypes(text) == ["Agreement"]


def test_a_ceasefire_named_as_the_moment_of_a_shelling_is_still_no_agreement():
    # control
    text = ("Israeli tanks shelled Khan Younis on Tuesday, killing four people, medics said. The shelling "
            "came as a ceasefire took effect in Lebanon.")
    assert _subtypes(text) == ["Shelling/artillery/missile attack"]


# ------------------------------------------------------------- 3. a count of a campaign, and one attack of it
def test_hundreds_of_drones_launched_overnight_are_an_attack():
    text = ("Russia has launched hundreds of drones and missiles at Kyiv overnight, killing at least 14 people, "
            "city officials said.")
    assert _subtypes(text) == ["Air/drone strike"]


def test_dozens_of_strikes_since_dawn_are_an_attack():
    text = ("Israeli jets have carried out dozens of strikes on Gaza City since dawn on Tuesday, killing at "
            "least 30 people, the civil defence agency said.")
    assert _types(text) == [("Air/drone strike", "2025-06-10")]


def test_one_strike_a_count_singles_out_by_its_day_keeps_its_type():
    text = ("Israel has carried out dozens of airstrikes on southern Lebanon since the ceasefire, including one "
            "on Tuesday that killed three people in Nabatieh.")
    assert _subtypes(text) == ["Air/drone strike"]


def test_dozens_of_airstrikes_in_a_dated_story_are_still_no_event():
    # control: a count with no day of its own, next to a dated attack
    text = ("A US drone strike killed four Al-Shabaab fighters near Jilib on Tuesday, the Somali army said. "
            "The United States has carried out dozens of airstrikes against the group in the region.")
    assert _subtypes(text) == ["Air/drone strike"]


# ------------------------------------------------------------- 4. the caller's own act
def test_gunmen_who_called_on_passengers_to_get_off_and_killed_them():
    text = ("Gunmen called on the passengers to get off the bus and killed six of them near Mandera on Tuesday, "
            "police said.")
    assert len(_types(text)) == 1


def test_soldiers_who_called_on_men_to_surrender_and_then_shot_them():
    text = ("Soldiers called on the men to surrender and then shot dead three of them in Kidal on Tuesday, "
            "witnesses said.")
    assert _subtypes(text) == ["Attack"]


def test_police_who_called_on_a_crowd_to_disperse_before_opening_fire():
    text = ("Police called on the crowd to disperse before opening fire, killing two protesters in Kisumu on "
            "Tuesday.")
    assert _subtypes(text) == ["Excessive force against protesters"]


def test_a_call_for_protests_is_still_no_protest():
    # control: what the call asks, with "and" inside it
    text = "Opposition leaders called on supporters to march and protest in Nairobi next week."
    assert _types(text) == []


# ------------------------------------------------------------- 5. a vague past and that day's event
def test_a_town_retaken_on_a_day_after_the_following_years_stays():
    text = ("Al-Shabaab seized Balcad in 2012 and held it over the following years before the army retook the "
            "town on Tuesday.")
    assert _types(text) == [("Government regains territory", "2025-06-10")]


def test_killings_over_the_following_years_are_still_no_event():
    # control
    text = ("Gunmen occupied Balcad for three days in May 2015. Over the following years, dozens of people "
            "were killed in Balcad and the surrounding villages, elders said on Tuesday.")
    assert _types(text) == []


# ------------------------------------------------------------- 6. a station attacked
def test_a_national_television_ransacked_on_a_day_is_that_days_riot():
    text = ("Protesters ransacked the national television on Thursday in Bamako, in recent months a target of "
            "anger over power cuts.")
    assert _types(text) == [("Violent demonstration", "2025-06-12")]


def test_a_television_station_stormed_on_a_day_is_that_days_attack():
    text = ("Gunmen stormed the state television station in Mogadishu on Wednesday, killing two guards, the "
            "second such attack in the past month.")
    assert _types(text) == [("Attack", "2025-06-11")]


def test_a_claim_told_on_a_radio_is_still_dated_by_its_broadcast():
    # control: a verb of speech before the channel
    from eventwire.events.dates import find_dates
    s = "Al-Shabaab said on its Andalus radio on Wednesday that its fighters had killed 19 soldiers."
    assert [(d.text, d.report_date) for d in find_dates(s, dt.date(2025, 6, 13))] == [("on Wednesday", True)]
    s = "The governor told state television on Monday that the death toll had risen to 12."
    assert [(d.text, d.report_date) for d in find_dates(s, dt.date(2025, 6, 13))] == [("on Monday", True)]


# ------------------------------------------------------------- 7. a dateline and a body without a day
def test_a_dateline_with_no_day_in_the_body_dates_the_event():
    text = ("BAMAKO, 12 June 2025 — Jihadists killed 20 soldiers in an attack on a military base near "
            "Boulkessi, the deadliest in recent months, security sources said.")
    assert _types(text) == [("Armed clash", "2025-06-12")]


def test_a_dateline_before_a_body_weekday_is_still_the_issue_day():
    # control: the body names the day of the event
    text = ("KABUL, 12 June 2025 — Gunmen killed five worshippers at a mosque in western Kabul on Monday, "
            "officials said.")
    assert [d for _, d in _types(text)] == ["2025-06-09"]


# ------------------------------------------------------------- 8. another crowd after a dispersed protest
def test_traders_with_their_own_grievance_after_a_dispersed_sit_in_are_another_event():
    text = ("Riot police broke up a sit-in by students at the University of Lome on Tuesday. Traders protesting "
            "against new taxes then blocked roads with burning tyres in the Grand Marche area.")
    assert sorted(_subtypes(text)) == ["Protest with intervention", "Violent demonstration"]


def test_roadblocks_of_the_dispersed_crowd_are_still_that_protest():
    # control
    text = ("Police fired tear gas to disperse hundreds of protesters in Nairobi on Tuesday. Some blocked the "
            "main roads with burning tyres.")
    assert _subtypes(text) == ["Protest with intervention"]
