"""Outlets that disagree about one event: the merge rules for extraction disagreements
(issue 7, round 4), each with near-misses that must stay apart. Text written for these tests."""

from __future__ import annotations

from eventwire.models import Event, Evidence
from eventwire.store import dedup


def ev(text: str, **kw) -> Event:
    base = dict(event_date="2025-03-07", time_precision=1, country="Myanmar", admin1="Kachin", admin2="Bhamo",
                location="Bhamo", latitude=24.2591, longitude=97.2355, geo_precision=1)
    base.update(kw)
    e = Event(**base)
    e.evidence = [Evidence(text=text, start=0, end=len(text))]
    return e


MIL, KIA = "Military Forces of Myanmar (2021-)", "KIA: Kachin Independence Army"


# ------------------------------------------------------------ a strike told as a clash
def strike(text="Myanmar military aircraft bombed Kachin Independence Army positions on the edge of Bhamo on "
                "Friday, the group said.", **kw) -> Event:
    base = dict(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike", actor1=MIL, actor2=KIA)
    base.update(kw)
    return ev(text, **base)


def clash(text: str, **kw) -> Event:
    base = dict(event_type="Battles", sub_event_type="Armed clash", actor1=KIA, actor2=MIL)
    base.update(kw)
    return ev(text, **base)


def test_clash_whose_words_name_the_strikes_weapon_merges_with_the_strike():
    told = clash("Junta fighter jets pounded KIA positions outside Bhamo on Friday as the battle for the town "
                 "entered its third week.")
    m = dedup.match(told, strike())
    assert m.ok, m.why_not
    assert "armed clash told with the weapon" in m.reason
    assert dedup.match(strike(), told).ok  # either order
    # one side unidentified, the army named in both
    told = clash("Soldiers said drones dropped bombs on rebel positions near Bhamo on Friday.",
                 actor1="Unidentified Armed Group (Myanmar)")
    assert dedup.match(told, strike(actor2="Unidentified Armed Group (Myanmar)")).ok


def test_clash_without_the_weapon_or_with_another_weapon_or_other_sides_stays_apart():
    ground = clash("Soldiers and KIA fighters exchanged fire for hours on the outskirts of Bhamo on Friday.")
    assert not dedup.match(ground, strike()).ok
    shelled = clash("Army artillery shelled KIA trenches outside Bhamo on Friday.")
    assert not dedup.match(shelled, strike()).ok
    # the same weapon, but the army fought another group that day
    other = clash("Army helicopters backed troops fighting the People's Defence Force near Bhamo on Friday.",
                  actor1="PDF: People's Defence Force")
    assert not dedup.match(other, strike()).ok
    # both sides unidentified but the army: no armed actor is named on the clash side
    anon = clash("Aircraft were heard as gunmen fought near Bhamo on Friday.",
                 actor1="Unidentified Armed Group (Myanmar)", actor2="")
    assert not dedup.match(anon, strike(actor2="Unidentified Armed Group (Myanmar)")).ok
    # a roadside bomb the same day is no drone strike
    ied = strike("A roadside bomb hit an army truck outside Bhamo on Friday.",
                 sub_event_type="Remote explosive/landmine/IED")
    assert not dedup.match(clash("Drones circled as KIA fighters fought troops outside Bhamo on Friday."), ied).ok
    # the next day: a second strike
    told = clash("Junta fighter jets pounded KIA positions outside Bhamo on Saturday.", event_date="2025-03-08")
    assert not dedup.match(told, strike()).ok
    # another town, some 45 km away, the same day (coded to its own township)
    shwegu = clash("Junta jets bombed KIA positions near Shwegu on Friday.", location="Shwegu",
                   admin2="Shwegu", latitude=24.2267, longitude=96.7933)
    assert not dedup.match(shwegu, strike()).ok


# ------------------------------------------------------------ soldiers coded as civilians
NG = dict(country="Nigeria", admin1="Zamfara", admin2="Tsafe", location="Tsafe", latitude=11.9577,
          longitude=6.9206, geo_precision=1, event_date="2025-07-15")


def test_attack_whose_words_name_only_soldiers_hit_merges_with_the_clash():
    vac = ev("Bandits killed nine soldiers in an ambush on a military convoy near Tsafe on Tuesday, security "
             "sources said.", event_type="Violence against civilians", sub_event_type="Attack",
             actor1="Unidentified Armed Group (Nigeria)", actor2="Civilians (Nigeria)", **NG)
    fight = ev("Troops repelled an attack by armed bandits on a convoy on the Tsafe road on Tuesday, losing "
               "several men, the army said.", event_type="Battles", sub_event_type="Armed clash",
               actor1="Military Forces of Nigeria (2023-)", actor2="Unidentified Armed Group (Nigeria)", **NG)
    m = dedup.match(vac, fight)
    assert m.ok, m.why_not
    assert dedup.match(fight, vac).ok


def test_attack_on_villagers_the_day_of_a_clash_stays_apart():
    fight = ev("Troops fought bandits on the Tsafe road on Tuesday.", event_type="Battles",
               sub_event_type="Armed clash", actor1="Military Forces of Nigeria (2023-)",
               actor2="Unidentified Armed Group (Nigeria)", **NG)
    villagers = ev("Gunmen killed 12 villagers in Tsafe on Tuesday hours after soldiers fought bandits on the "
                   "main road, residents said.", event_type="Violence against civilians", sub_event_type="Attack",
                   actor1="Unidentified Armed Group (Nigeria)", actor2="Civilians (Nigeria)", **NG)
    assert not dedup.match(villagers, fight).ok
    # soldiers of another country do not make the victims soldiers of this one
    foreign = ev("Gunmen killed nine soldiers near Tsafe on Tuesday.", event_type="Violence against civilians",
                 sub_event_type="Attack", actor1="Unidentified Armed Group (Nigeria)", actor2="Civilians (Niger)",
                 **NG)
    assert not dedup.match(foreign, fight).ok


# ------------------------------------------------------------ an attack on civilians coded against the army
ML = dict(country="Mali", admin1="Mopti", admin2="Bandiagara", location="Bandiagara", latitude=14.3501,
          longitude=-3.6104, geo_precision=1, event_date="2025-02-11", event_type="Violence against civilians",
          sub_event_type="Abduction/forced disappearance")


def test_victims_coded_as_the_army_in_an_attack_on_civilians_are_not_compared():
    a = ev("JNIM fighters seized four aid workers and their driver at a checkpoint outside Bandiagara on "
           "Tuesday.", actor1="JNIM: Group for Support of Islam and Muslims", actor2="Military Forces of Mali (2021-)",
           **ML)
    b = ev("Jihadists abducted five employees of a humanitarian NGO near Bandiagara on Tuesday, the NGO said.",
           actor1="JNIM: Group for Support of Islam and Muslims", actor2="Civilians (Mali)", **ML)
    assert dedup.match(a, b).ok, dedup.match(a, b).why_not
    # another perpetrator named
    c = ev("Dozo hunters abducted five men near Bandiagara on Tuesday.", actor1="Dan Na Ambassagou",
           actor2="Civilians (Mali)", **ML)
    assert not dedup.match(a, c).ok
    # the next day, or a town 60 km away
    assert not dedup.match(a, ev(b.evidence[0].text, actor1=b.actor1, actor2=b.actor2,
                                 **{**ML, "event_date": "2025-02-12"})).ok
    far = dict(ML, location="Bankass", admin2="Bankass", latitude=14.0781, longitude=-3.5178)
    assert not dedup.match(a, ev("JNIM abducted five aid workers in Bankass on Tuesday.", actor1=b.actor1,
                                 actor2=b.actor2, **far)).ok
    # a clash with the army is no attack on civilians
    fight = ev("JNIM fighters attacked an army post outside Bandiagara on Tuesday.", actor1=a.actor1,
               actor2="Military Forces of Mali (2021-)", **{**ML, "event_type": "Battles",
                                                              "sub_event_type": "Armed clash"})
    assert not dedup.match(fight, b).ok


# ------------------------------------------------------------ an attack on a march by unidentified men
KE = dict(country="Kenya", admin1="Uasin Gishu", admin2="Eldoret", location="Eldoret", latitude=0.5143,
          longitude=35.2698, geo_precision=1, event_date="2025-10-13")


def test_excessive_force_and_an_attack_on_the_marchers_by_unidentified_men_merge():
    force = ev("Police fired live rounds at traders marching to the county offices in Eldoret on Monday, "
               "wounding four.", event_type="Protests", sub_event_type="Excessive force against protesters",
               actor1="Police Forces of Kenya (2022-)", actor2="Protesters (Kenya)", **KE)
    shot = ev("Unidentified men opened fire on hawkers who were marching to the county offices in Eldoret on "
              "Monday, a witness said.", event_type="Violence against civilians", sub_event_type="Attack",
              actor1="Unidentified Armed Group (Kenya)", actor2="Civilians (Kenya)", **KE)
    assert dedup.match(shot, force).ok, dedup.match(shot, force).why_not
    # gunmen who shot herders that day told no march: two events
    herders = ev("Gunmen shot dead two herders on the outskirts of Eldoret on Monday.",
                 event_type="Violence against civilians", sub_event_type="Attack",
                 actor1="Unidentified Armed Group (Kenya)", actor2="Civilians (Kenya)", **KE)
    assert not dedup.match(herders, force).ok


# ------------------------------------------------------------ a report coded to its dateline
SO = dict(country="Somalia", event_date="2025-06-03", event_type="Explosions/Remote violence",
          sub_event_type="Suicide bomb", actor1="Al Shabaab", actor2="Civilians (Somalia)")
MOGADISHU = dict(admin1="Banaadir", admin2="Mogadishu", location="Mogadishu", latitude=2.0371, longitude=45.3438,
                 geo_precision=1)
BAIDOA = dict(admin1="Bay", admin2="Baydhaba", location="Baidoa", latitude=3.1136, longitude=43.6498,
              geo_precision=1)


def test_report_coded_to_its_dateline_merges_with_the_town_its_words_tell():
    wire = ev("MOGADISHU, June 3 (Reuters) - A suicide bomber blew himself up in a crowded restaurant in Baidoa "
              "on Tuesday, killing seven people, police said.", **SO, **MOGADISHU)
    local = ev("Seven people died when a suicide bomber struck a restaurant in Baidoa town on Tuesday evening.",
               **SO, **BAIDOA)
    m = dedup.match(wire, local)
    assert m.ok and "dateline" in m.reason, m.why_not
    assert dedup.match(local, wire).ok


def test_dateline_report_naming_the_town_only_as_a_distance_stays_apart():
    wire = ev("MOGADISHU, June 3 (Reuters) - A suicide bomber struck a checkpoint in Burhakaba, about 60 km "
              "from Baidoa, on Tuesday, killing seven people.", **SO, **MOGADISHU)
    local = ev("A suicide blast at a restaurant in Baidoa killed seven people on Tuesday.", **SO, **BAIDOA)
    assert not dedup.match(wire, local).ok
    # the dateline city is where its words put the event too: another blast it mentions is background
    there = ev("MOGADISHU, June 3 (Reuters) - A suicide bomber killed seven people at a cafe in Mogadishu on "
               "Tuesday, hours after a blast in Baidoa.", **SO, **MOGADISHU)
    assert not dedup.match(there, local).ok
    # no dateline: a Mogadishu report that mentions Baidoa as where victims came from keeps its place
    plain = ev("A suicide bomber killed seven traders from Baidoa at a market in Mogadishu on Tuesday.",
               **SO, **MOGADISHU)
    assert not dedup.match(plain, local).ok


# ------------------------------------------------------------ a region-level report fitting two events
UA = dict(country="Ukraine", admin1="Kharkiv", event_date="2025-08-20")


def test_region_level_report_joins_the_only_candidate_of_its_kind():
    vague = ev("A Russian drone hit a bus stop in the Kharkiv region on Wednesday, killing two people.",
               event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
               actor1="Military Forces of Russia (2000-)", actor2="Civilians (Ukraine)", location="Kharkiv",
               admin2="", latitude=49.9935, longitude=36.2304, geo_precision=3, **UA)
    drone = ev("A drone struck a bus stop in Chuhuiv on Wednesday morning, killing two.",
               event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
               actor1="Military Forces of Russia (2000-)", actor2="Civilians (Ukraine)", location="Chuhuiv",
               admin2="Chuhuiv", latitude=49.8353, longitude=36.6857, geo_precision=1, **UA)
    shooting = ev("Russian saboteurs shot a farmer near Vovchansk on Wednesday.",
                  event_type="Violence against civilians", sub_event_type="Attack",
                  actor1="Military Forces of Russia (2000-)", actor2="Civilians (Ukraine)", location="Vovchansk",
                  admin2="Chuhuiv", latitude=50.2907, longitude=36.9411, geo_precision=1, **UA)
    best = dedup.best_match(vague, [shooting, drone])
    assert best is not None and best[0] == 1
    # two drone strikes in the region that day: it is ambiguous and joins neither
    other = ev("A drone hit a house in Izium on Wednesday.", event_type="Explosions/Remote violence",
               sub_event_type="Air/drone strike", actor1="Military Forces of Russia (2000-)",
               actor2="Civilians (Ukraine)", location="Izium", admin2="Izium", latitude=49.2128,
               longitude=37.2569, geo_precision=1, **UA)
    assert dedup.best_match(vague, [shooting, drone, other]) is None
