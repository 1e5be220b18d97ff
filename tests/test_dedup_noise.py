"""Deduplication rules that hold up under realistic extraction noise.

Reports of one event reach the store as an extractor codes them, not as an analyst
would: a village the gazetteer lacks coded to its township, a town it cannot place at
all, a strike called an attack on civilians, an umbrella name for a member group.
Each test pairs a noisy-but-same case with the near-miss that must stay apart.
"""

from __future__ import annotations

from eventwire.models import Event, Evidence
from eventwire.store import dedup


def ev(evidence: str = "", **kw) -> Event:
    base = dict(event_date="2024-03-14", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                actor1="Military Forces of Myanmar", actor2="Civilians (Myanmar)", country="Myanmar",
                admin1="Magway", admin2="Gangaw", location="Gangaw", latitude=22.17, longitude=94.13, geo_precision=1)
    base.update(kw)
    e = Event(**base)
    if evidence:
        e.evidence = [Evidence(text=evidence, start=0, end=len(evidence))]
    return e


# ------------------------------------------------------------------ villages the gazetteer lacks
def test_two_named_villages_coded_to_one_township_are_two_places():
    a = ev("Junta jets bombed Thit Chauk village in Gangaw Township on Thursday, killing nine.")
    b = ev("A military aircraft struck the village of Ohn Taw in Gangaw Township on Thursday, killing three.")
    m = dedup.match(a, b)
    assert not m.ok and "different places named" in m.why_not and "thit chauk" in m.why_not


def test_same_village_in_different_words_still_merges():
    a = ev("Junta jets bombed Thit Chauk village in Gangaw Township on Thursday, killing nine.")
    b = ev("Nine people died when the village of Thit Chauk was bombed from the air on Thursday.",
           location="Myanmar", admin1="", admin2="", latitude=21.0, longitude=96.0, geo_precision=3)
    assert dedup.match(a, b).ok
    # a report naming both villages does not set them apart
    c = ev("Aircraft hit Ohn Taw village, 5 km from Thit Chauk village, on Thursday.")
    assert dedup.match(a, c).ok


def test_camps_named_differently_are_two_places():
    a = ev("Shells hit Zamzam camp on Friday, killing six.", event_type="Explosions/Remote violence",
           sub_event_type="Shelling/artillery/missile attack", country="Sudan", admin1="North Darfur",
           admin2="El Fasher", location="El Fasher", latitude=13.63, longitude=25.35)
    b = ev("Artillery fire struck Abu Shouk camp on Friday, killing four.", event_type="Explosions/Remote violence",
           sub_event_type="Shelling/artillery/missile attack", country="Sudan", admin1="North Darfur",
           admin2="El Fasher", location="El Fasher", latitude=13.63, longitude=25.35)
    assert not dedup.match(a, b).ok
    # only one report names a camp: nothing to set them apart
    c = ev("RSF shelling of El Fasher killed ten civilians on Friday.", event_type="Explosions/Remote violence",
           sub_event_type="Shelling/artillery/missile attack", country="Sudan", admin1="North Darfur",
           admin2="El Fasher", location="El Fasher", latitude=13.63, longitude=25.35)
    assert dedup.match(a, c).ok


# ------------------------------------------------------------------ a town the gazetteer cannot place
def test_unplaced_town_matches_a_country_level_report_that_names_it():
    unplaced = ev("Gunmen killed 14 villagers in Tin-Akoff on Sunday.", event_type="Violence against civilians",
                  sub_event_type="Attack", actor1="Unidentified Armed Group (Burkina Faso)",
                  actor2="Civilians (Burkina Faso)", country="", admin1="", admin2="", location="Tin-Akoff",
                  latitude=None, longitude=None, geo_precision=3)
    country = ev("Fourteen villagers were killed in an attack on Tin-Akoff in northern Burkina Faso on Sunday.",
                 event_type="Violence against civilians", sub_event_type="Attack",
                 actor1="Unidentified Armed Group (Burkina Faso)", actor2="Civilians (Burkina Faso)",
                 country="Burkina Faso", admin1="", admin2="", location="Burkina Faso", latitude=12.5,
                 longitude=-1.5, geo_precision=3)
    m = dedup.match(unplaced, country)
    assert m.ok and "both reports name Tin-Akoff" in m.reason
    # the country-level report of an attack on another village does not name it
    other = ev("Fourteen villagers were killed in an attack on Markoye on Sunday.",
               event_type="Violence against civilians", sub_event_type="Attack",
               actor1="Unidentified Armed Group (Burkina Faso)", actor2="Civilians (Burkina Faso)",
               country="Burkina Faso", admin1="", admin2="", location="Burkina Faso", latitude=12.5,
               longitude=-1.5, geo_precision=3)
    assert not dedup.places_match(unplaced, other)[0]
    # nor does a precisely placed report elsewhere
    placed = ev("Gunmen killed 14 villagers near Dori on Sunday.", event_type="Violence against civilians",
                sub_event_type="Attack", actor1="Unidentified Armed Group (Burkina Faso)",
                actor2="Civilians (Burkina Faso)", country="Burkina Faso", admin1="Sahel", admin2="Seno",
                location="Dori", latitude=14.03, longitude=-0.03, geo_precision=1)
    assert not dedup.places_match(unplaced, placed)[0]


def test_vague_report_joins_the_one_candidate_its_evidence_names():
    base = dict(event_type="Explosions/Remote violence", sub_event_type="Suicide bomb",
                actor1="Unidentified Armed Group (Nigeria)", actor2="Civilians (Nigeria)", country="Nigeria",
                admin1="Borno")
    gwoza = ev("A suicide bomber struck a wedding in Gwoza on Saturday.", admin2="Gwoza", location="Gwoza",
               latitude=11.08, longitude=13.69, **base)
    bama = ev("A suicide bomber attacked a market in Bama on Saturday.", admin2="Bama", location="Bama",
              latitude=11.52, longitude=13.69, **base)
    vague = ev("Eighteen guests died when a bomber blew herself up at a wedding in Gwoza, Borno State, on "
               "Saturday.", admin2="", location="Borno", latitude=11.5, longitude=13.0, geo_precision=3, **base)
    found = dedup.best_match(vague, [bama, gwoza])
    assert found is not None and found[0] == 1 and "its evidence names Gwoza" in found[1].reason
    # naming the district: the report is not about Bama at all, whatever else is stored
    lga = ev("Eighteen guests died when a bomber blew herself up at a wedding in Gwoza Local Government Area "
             "of Borno State on Saturday.", admin2="", location="Borno", latitude=11.5, longitude=13.0,
             geo_precision=3, **base)
    m = dedup.match(lga, bama)
    assert not m.ok and "one report names gwoza, the other is at Bama" in m.why_not
    assert dedup.match(lga, gwoza).ok and dedup.match(bama, lga).ok is False
    # naming neither: ambiguous, joins none
    silent = ev("Eighteen people died in a suicide bombing in Borno State on Saturday.", admin2="",
                location="Borno", latitude=11.5, longitude=13.0, geo_precision=3, **base)
    assert dedup.best_match(silent, [bama, gwoza]) is None


# ------------------------------------------------------------------ types coded differently
def test_air_strike_and_shelling_differ_only_when_each_names_its_weapon():
    air = ev("Warplanes bombed the market in Gangaw on Thursday.")
    shelling = ev("Artillery shelled Gangaw on Thursday.", sub_event_type="Shelling/artillery/missile attack")
    m = dedup.match(air, shelling)
    assert not m.ok and "different weapons" in m.why_not
    # "a missile hit the town" names no class: it may be the air strike
    missile = ev("A missile hit the market in Gangaw on Thursday, killing 12.",
                 sub_event_type="Shelling/artillery/missile attack")
    assert dedup.match(air, missile).ok
    # an attack on civilians told with artillery is not the air strike either
    vac = ev("Soldiers fired artillery shells into Gangaw on Thursday, killing villagers.",
             event_type="Violence against civilians", sub_event_type="Attack")
    assert not dedup.match(air, vac).ok


def test_clash_and_attack_merge_only_with_the_same_named_armed_actor():
    kw = dict(country="Burkina Faso", admin1="Centre-Nord", admin2="Sanmatenga", location="Barsalogho",
              latitude=13.42, longitude=-1.06, event_date="2024-08-24")
    clash = ev(event_type="Battles", sub_event_type="Armed clash",
               actor1="JNIM: Group for Support of Islam and Muslims", actor2="", **kw)
    attack = ev(event_type="Violence against civilians", sub_event_type="Attack",
                actor1="JNIM: Group for Support of Islam and Muslims", actor2="Civilians (Burkina Faso)", **kw)
    assert dedup.match(clash, attack).ok
    # unidentified attackers on both sides: a clash and a massacre in one town are two events
    anon = ev(event_type="Violence against civilians", sub_event_type="Attack",
              actor1="Unidentified Armed Group (Burkina Faso)", actor2="Civilians (Burkina Faso)", **kw)
    m = dedup.match(clash, anon)
    assert not m.ok and "without an armed actor named in both" in m.why_not
    # the clash with soldiers is not the attack on villagers
    army = ev(event_type="Battles", sub_event_type="Armed clash",
              actor1="JNIM: Group for Support of Islam and Muslims", actor2="Military Forces of Burkina Faso", **kw)
    assert not dedup.match(army, attack).ok
    # other sub-event types of the pair stay apart
    abduction = ev(event_type="Violence against civilians", sub_event_type="Abduction/forced disappearance",
                   actor1="JNIM: Group for Support of Islam and Muslims", actor2="Civilians (Burkina Faso)", **kw)
    assert not dedup.match(clash, abduction).ok


# ------------------------------------------------------------------ actors
def test_umbrella_name_matches_members_but_members_do_not_match_each_other():
    assert dedup._names_match("FARC Dissidents", "EMC: FARC-EP Central General Staff")
    assert dedup._names_match("Al Qaeda", "JNIM: Group for Support of Islam and Muslims")
    assert not dedup._names_match("EMC: FARC-EP Central General Staff", "Segunda Marquetalia")
    assert not dedup._names_match("JNIM: Group for Support of Islam and Muslims", "Al Shabaab")
    assert not dedup._names_match("FARC Dissidents", "ELN: National Liberation Army")


# ------------------------------------------------------------------ a place borrowed from what the article tells next
def _borrowing(text: str, sentence: str, place: str, **kw) -> Event:
    """A report read from ``sentence`` of ``text`` whose place was read at ``place`` further on."""
    e = ev(**kw)
    start = text.index(sentence)
    e.evidence = [Evidence(text=sentence, start=start, end=start + len(sentence))]
    at = text.index(place, start)
    e.provenance["location"] = Evidence(text=place, start=at, end=at + len(place))
    return e


def test_place_of_a_later_sentence_does_not_match_by_coordinates():
    text = ("Israeli aircraft struck a tent camp west of Rafah on Saturday, killing 40. "
            "Hours later another strike hit a house in Nuseirat, killing six.")
    kw = dict(country="Palestine", admin1="Deir al-Balah", admin2="", location="An Nusayrat", latitude=31.448,
              longitude=34.392, actor1="Military Forces of Israel", actor2="Civilians (Palestine)")
    first = _borrowing(text, text.split(". ")[0] + ".", "Nuseirat", **kw)
    assert dedup.borrowed_place(first)
    nuseirat = ev("Six people were killed when warplanes bombed a house in Nuseirat on Saturday.", **kw)
    m = dedup.match(first, nuseirat)
    assert not m.ok and "comes from a later sentence" in m.why_not
    # ... but its own words may still put it where another report is
    rafah = ev("Forty people died in an air strike on tents west of Rafah on Saturday.", country="Palestine",
               admin1="Rafah", admin2="", location="Rafah", latitude=31.29, longitude=34.25,
               actor1="Military Forces of Israel", actor2="Civilians (Palestine)")
    m = dedup.match(first, rafah)
    assert m.ok and "evidence names Rafah" in m.reason


def test_place_of_an_earlier_sentence_is_the_setting():
    text = ("Police fired tear gas at protesters in Nairobi on Tuesday. "
            "Police also arrested a dozen activists at their homes in the city on Tuesday.")
    kw = dict(event_type="Strategic developments", sub_event_type="Arrests", actor1="Police Forces of Kenya",
              actor2="Civilians (Kenya)", country="Kenya", admin1="Nairobi", admin2="Starehe", location="Nairobi",
              latitude=-1.286, longitude=36.817)
    arrests = ev(**kw)
    sent = text.split(". ")[1]
    start = text.index(sent)
    arrests.evidence = [Evidence(text=sent, start=start, end=start + len(sent))]
    arrests.provenance["location"] = Evidence(text="Nairobi", start=text.index("Nairobi"),
                                              end=text.index("Nairobi") + 7)
    assert not dedup.borrowed_place(arrests)
    other = ev("Police on Tuesday arrested several activists in Nairobi, their lawyers said.", **kw)
    assert dedup.match(arrests, other).ok


def test_merged_record_prefers_a_place_its_evidence_names():
    text = ("Armed men attacked residents of Tin-Akoff on Saturday. In the afternoon soldiers fought JNIM "
            "near Kaya.")
    kw = dict(event_type="Violence against civilians", sub_event_type="Attack",
              actor1="Unidentified Armed Group (Burkina Faso)", actor2="Civilians (Burkina Faso)",
              country="Burkina Faso", admin1="Centre-Nord", admin2="Sanmatenga")
    borrowed = _borrowing(text, text.split(". ")[0] + ".", "Kaya", location="Kaya", latitude=13.09,
                          longitude=-1.08, geo_precision=1, **kw)
    named = ev("Gunmen killed villagers in Tin-Akoff on Saturday.", location="Tin-Akoff", latitude=13.3,
               longitude=-1.2, geo_precision=2, **kw)
    named.provenance["location"] = Evidence(text="Tin-Akoff", start=34, end=43)
    merged = dedup.merge([borrowed, named], "ev-1")
    assert merged.location == "Tin-Akoff" and merged.provenance["location"].text == "Tin-Akoff"


def test_a_night_straddles_two_dates():
    night = ev(event_date="2024-10-14")
    night.provenance["event_date"] = Evidence(text="on Monday night", start=0, end=15)
    told_next_day = ev(event_date="2024-10-15")
    told_next_day.provenance["event_date"] = Evidence(text="overnight", start=0, end=9)
    ok, why, _ = dedup.dates_match(night, told_next_day)
    assert ok and "across one night" in why
    # by day, the next day is another day; and a night is still not two nights
    day = ev(event_date="2024-10-14")
    day.provenance["event_date"] = Evidence(text="on Monday", start=0, end=9)
    assert not dedup.dates_match(day, ev(event_date="2024-10-15"))[0]
    assert not dedup.dates_match(night, ev(event_date="2024-10-16"))[0]


def test_strike_on_an_armed_group_told_as_an_attack_on_civilians():
    kw = dict(country="Yemen", admin1="Al Hudaydah", admin2="Al Hawak", location="Al Hudaydah", latitude=14.8,
              longitude=42.95, event_date="2024-07-20")
    strike = ev(actor1="Military Forces of Israel", actor2="Houthis (Ansar Allah)", **kw)
    told = ev(event_type="Violence against civilians", sub_event_type="Attack", actor1="Military Forces of Israel",
              actor2="Civilians (Yemen)", **kw)
    m = dedup.match(told, strike)
    assert m.ok and "target described differently" in m.reason
    # another attacker: two events
    other = ev(event_type="Violence against civilians", sub_event_type="Attack", actor1="Houthis (Ansar Allah)",
               actor2="Civilians (Yemen)", **kw)
    assert not dedup.match(other, strike).ok


def test_third_set_hand_coded_reports():
    """The set written after the rules were made: every merge and every near-miss right."""
    from pathlib import Path

    from eventwire.store.dedup_eval import evaluate

    r = evaluate(Path(__file__).parent / "fixtures" / "dedup" / "fresh.yaml")
    assert (r["precision"], r["recall"]) == (1.0, 1.0), r["errors"]
    assert r["true_events"] == 10 and r["merged_events"] == 10


def test_police_shooting_told_with_and_without_the_protest():
    kw = dict(country="Kenya", admin1="Nairobi", admin2="Starehe", location="Nairobi", latitude=-1.286,
              longitude=36.817, event_date="2024-06-25")
    force = ev(event_type="Protests", sub_event_type="Excessive force against protesters",
               actor1="Police Forces of Kenya", actor2="Protesters (Kenya)", **kw)
    shot = ev(event_type="Violence against civilians", sub_event_type="Attack", actor1="Police Forces of Kenya",
              actor2="Civilians (Kenya)", **kw)
    assert dedup.match(shot, force).ok
    # gunmen killing people that day is not the police's shooting
    gunmen = ev(event_type="Violence against civilians", sub_event_type="Attack",
                actor1="Unidentified Armed Group (Kenya)", actor2="Civilians (Kenya)", **kw)
    assert not dedup.match(gunmen, force).ok
    # nor is a peaceful march an attack
    march = ev(event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters (Kenya)", actor2="",
               **kw)
    assert not dedup.match(shot, march).ok


def test_a_named_place_the_gazetteer_could_only_put_in_the_region():
    kw = dict(country="Palestine", actor1="Military Forces of Israel", actor2="Civilians (Palestine)",
              event_date="2024-07-13")
    mawasi = ev("An air strike on the al-Mawasi area west of Khan Younis killed 90 people on Saturday.",
                admin1="Gaza Strip", admin2="", location="al-Mawasi", latitude=31.40, longitude=34.40,
                geo_precision=3, **kw)
    nuseirat = ev("Six people were killed when warplanes bombed a house in Nuseirat on Saturday.",
                  admin1="Deir al-Balah", admin2="", location="An Nusayrat", latitude=31.448, longitude=34.392, **kw)
    nuseirat.provenance["location"] = Evidence(text="Nuseirat", start=64, end=72)
    m = dedup.match(mawasi, nuseirat)
    assert not m.ok and "one report names mawasi, the other is at An Nusayrat" in m.why_not
    khan_younis = ev("An Israeli strike killed 71 people in Khan Younis on Saturday.", admin1="Khan Yunis",
                     admin2="", location="Khan Yunis", latitude=31.34, longitude=34.306, **kw)
    khan_younis.provenance["location"] = Evidence(text="Khan Younis", start=39, end=50)
    assert dedup.match(mawasi, khan_younis).ok


def test_a_province_report_coded_to_its_capital_joins_a_town_of_that_province():
    """ACLED codes a report naming only a province to the province's capital (precision 3);
    the capital is not a place the report names, so it does not set the reports apart."""
    kw = dict(event_type="Battles", sub_event_type="Armed clash", country="Philippines",
              actor1="Military Forces of the Philippines", actor2="NPA: New People's Army", event_date="2024-03-04")
    province = ev("Three suspected communist guerrillas were killed in a firefight with troops on Monday in "
                  "Negros Occidental province, the military said.", admin1="Western Visayas",
                  admin2="Negros Occidental", location="Bacolod", latitude=10.67, longitude=122.95,
                  geo_precision=3, **kw)
    town = ev("Soldiers and communist rebels clashed in Himamaylan City on Monday morning, leaving three rebels dead.",
              admin1="Western Visayas", admin2="Negros Occidental", location="Himamaylan", latitude=10.10,
              longitude=122.87, **kw)
    assert dedup.match(province, town).ok
    # a province report that does name another town (coded there) stays apart from this one
    named = ev("Troops clashed with rebels near Kabankalan in Negros Occidental province on Monday.",
               admin1="Western Visayas", admin2="Negros Occidental", location="Kabankalan", latitude=9.99,
               longitude=122.81, geo_precision=3, **kw)
    assert not dedup.match(named, town).ok
