"""Review of the session-8 background and recall rules: real events they dropped or folded on other text.

1. a trend or habit cue read anywhere in the clause ("still being", "continue to be", "for years to
   come") dropped a dated attack told in the same clause -- "still being" now only right before its
   trigger, the others only in a clause that names no day;
2. a hoax device named in the sentence dropped the real attack beside it;
3. an aside "where X have/has ..." that counts or dates its incident tells it;
4. a bare plural after "victim(s) of", "targets of" in a sentence that counts the dead tells how
   they died (the type it gives stays);
5. a sentence opening on an incident of its own ("A bomb exploded ...", "On Wednesday, a separate
   gunfight broke out ...") is not the undated lead, or the retaking, told again.
Each with controls that keep the rules' own answers.
"""

from __future__ import annotations

import datetime as dt

from eventwire.api import extract
from eventwire.events.detect import detect_sentence

PUB = "2025-03-14"  # a Friday


def _brief(text: str, published: str = PUB):
    return sorted((e.sub_event_type, e.event_date, e.fatalities)
                  for e in extract(text=text, published=dt.date.fromisoformat(published)))


# ------------------------------------------------------------------ 1. trend cues beside a dated attack
def test_still_being_far_from_the_trigger_keeps_the_strike():
    got = _brief("Firefighters were still being called to burning homes after a Russian missile strike on a "
                 "residential block in Zaporizhzhia on Thursday killed 11 people, officials said.")
    assert got == [("Shelling/artillery/missile attack", "2025-03-13", 11)], got


def test_still_being_undated_keeps_the_strike():
    got = _brief("Bodies are still being recovered from the rubble after a Russian missile strike on a "
                 "hospital in Sumy killed eight people, the regional governor said.")
    assert [t for t, _, _ in got] == ["Shelling/artillery/missile attack"], got


def test_continued_to_be_shelled_on_a_day_is_an_event():
    got = _brief("The town of Huliaipole continued to be shelled by Russian forces on Wednesday, and a strike "
                 "on a bakery killed three people, the regional governor said.")
    assert [(t, d) for t, d, _ in got] == [("Shelling/artillery/missile attack", "2025-03-12")], got


def test_scars_for_years_to_come_keep_the_dated_bombing():
    got = _brief("A car bomb killed nine people outside a courthouse in Baidoa on Tuesday, and survivors said "
                 "the town would live with the scars for years to come.")
    assert [(t, d) for t, d, _ in got] == [("Remote explosive/landmine/IED", "2025-03-11")], got


def test_control_traders_still_being_abducted_is_no_event():
    text = "Community leaders say the road is unsafe, with farmers still being kidnapped on their way to market."
    assert [c for c in detect_sentence(text) if not c.reference] == []


def test_control_undated_trend_stays_dropped():
    got = _brief("Women's groups held monthly vigils outside the ministry for years afterwards.")
    assert got == [], got


def test_control_a_trend_that_went_on_for_weeks_beside_a_weekday_stays_dropped():
    # ("Sunday" names when the sit-ins were held, not the day of one event)
    got = _brief("Sit-ins outside the governor's office after Sunday mass went on for weeks afterwards.")
    assert got == [], got


# ------------------------------------------------------------------ 2. a hoax beside a real attack
def test_a_hoax_beside_a_real_grenade_attack_keeps_the_attack():
    got = _brief("A grenade hurled into a nightclub in Cali on Thursday night wounded six people, and police "
                 "said a second package left at the door was a hoax.")
    assert [(t, d) for t, d, _ in got] == [("Grenade", "2025-03-13")], got


def test_control_a_hoax_alone_is_no_event():
    got = _brief("Police evacuated a shopping centre in Cali on Thursday after a suspicious bag was found, but "
                 "it turned out to be a hoax device made of wires and tape.")
    assert got == [], got


# ------------------------------------------------------------------ 3. "where" asides that tell an incident
def test_where_a_bomb_has_killed_is_an_event():
    got = _brief("Ambulances rushed on Thursday to the cattle market in Bannu, where a bomb has killed at least "
                 "seven people, police said.")
    assert len(got) == 1 and got[0][2] == 7, got


def test_where_people_have_been_killed_since_a_day_is_an_event():
    got = _brief("The army sent reinforcements on Thursday to Mangu, where 25 people have been killed by "
                 "gunmen since Monday, officials said.")
    assert any(t == "Attack" and f == 25 for t, _, f in got), got


def test_control_where_militants_have_attacked_convoys_is_no_event():
    got = _brief("Al-Shabaab fighters raided a police post in Garissa on Wednesday, killing two officers. The "
                 "post lies in Garissa county, where militants have attacked buses, quarry workers and police "
                 "patrols.")
    assert [(t, d) for t, d, _ in got] == [("Armed clash", "2025-03-12")], got


# ------------------------------------------------------------------ 4. a bare plural with the dead counted
def test_victims_of_airstrikes_counted_keep_the_airstrike():
    got = _brief("Six herders were killed near Menaka when their camp was hit, the latest victims of airstrikes "
                 "by the army, residents said.")
    assert [t for t, _, _ in got] == ["Air/drone strike"], got


def test_targets_of_suicide_attacks_with_a_toll_keep_the_suicide_bomb():
    got = _brief("Two checkpoints in Kunduz were targets of suicide attacks, killing five policemen, officials "
                 "said.")
    assert [t for t, _, _ in got] == ["Suicide bomb"], got


def test_control_a_victim_of_attacks_in_general_is_no_event():
    got = _brief("Burkina Faso says it is itself a victim of jihadist attacks launched from across the border.")
    assert got == [], got


# ------------------------------------------------------------------ 5. a fresh incident after the lead
def test_a_new_bomb_after_an_undated_lead_is_its_own_event():
    got = _brief("Two rangers were killed when a roadside bomb exploded in Pattani province, police said. A bomb "
                 "exploded at a tea shop in Sai Buri district on Monday, wounding four people.")
    assert len(got) == 2, got


def test_a_separate_gunfight_after_a_retaking_is_its_own_event():
    got = _brief("Soldiers retook the town of Bamenda on Wednesday from separatist fighters, officials said. On "
                 "Wednesday, a separate gunfight broke out in Bamenda between troops and separatists in which "
                 "three soldiers died.")
    assert sorted(t for t, _, _ in got) == ["Armed clash", "Government regains territory"], got


def test_control_the_bomb_retold_with_its_day_is_one_event():
    got = _brief("Two rangers were killed when a roadside bomb exploded in Pattani province, police said. The bomb, "
                 "buried under a culvert in Sai Buri district, was detonated as their truck passed on Monday "
                 "morning, an officer said.")
    bombs = [x for x in got if x[0] == "Remote explosive/landmine/IED"]
    assert len(bombs) == 1 and bombs[0][1] == "2025-03-10", got
