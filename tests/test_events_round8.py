"""Events, round 8: events whose parts are spread over the sentences of a report.

``events_multisentence.jsonl`` (41 short articles written for this round, 40 events, varied
outlets and countries) was scored before any code was changed: event F1 0.821 (P 0.842 / R 0.800),
fatalities exact 0.719 on matched events, dates 0.938, actors 0.789. Its traps: casualties of
another event in the next sentence, running tolls ("since January"), wounded vs killed, bodies
found later, a toll update of an event the article already told, counts that differ. The classes
fixed, each checked here on other text, each with a control:

1. the outcome in a sentence of its own ("Gunmen attacked a police post on Monday. Six officers
   died."): the toll of the event just told; not a running toll, not one with a day of its own;
   a differing count is another report (most conservative), an update ("later rose to 12") wins;
2. a standalone toll update ("The toll from Sunday's attack on a mosque in Djibo has climbed to
   50") is a report of that event: its day from "Sunday's", its toll;
   "seven more bodies ..., bringing the death toll to 21" states the total (21, not 28);
   "the bodies of 18 people were found" is a toll;
3. "rival factions of the SPLA-IO clashed": the group on both sides (ACLED's intra-group clash);
4. "Al-Shabaab moved into the town after Ethiopian troops pulled out": a handover -- ACLED's
   Non-violent transfer of territory, actor1 the group moving in; families moving into a camp
   after aid workers left, or protesters into a square as police pull back, are not.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from eventwire.api import extract
from eventwire.events.fatalities import sentence_fatalities

SET = Path(__file__).parent / "fixtures" / "events_multisentence.jsonl"

_TYPES = {"Armed clash": "Battles", "Non-state actor overtakes territory": "Battles",
          "Attack": "Violence against civilians", "Abduction/forced disappearance": "Violence against civilians",
          "Excessive force against protesters": "Protests", "Peaceful protest": "Protests",
          "Non-violent transfer of territory": "Strategic developments"}


def _events(text: str, published: str = "2025-06-12"):
    return extract(text=text, published=dt.date.fromisoformat(published))


def _one(text: str, published: str = "2025-06-12"):
    evs = _events(text, published)
    assert len(evs) == 1, [(e.sub_event_type, e.event_date, e.fatalities) for e in evs]
    return evs[0]


def score(path: Path = SET) -> dict:
    """Events meet gold on event type (sub-event type scored apart) and, where gold has one, date."""
    tp = fp = fn = fat = sub = date_ok = act_n = act_ok = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        a = json.loads(line)
        pred = _events(a["text"], a["published"])
        used: set[int] = set()
        for g in a["events"]:
            et = _TYPES.get(g["sub_event_type"], "Explosions/Remote violence")
            same = [i for i, p in enumerate(pred) if i not in used
                    and (p.event_type == et or p.sub_event_type == g["sub_event_type"])]
            if not same:
                fn += 1
                continue
            dated = [i for i in same if not g["date"] or pred[i].event_date == g["date"]]
            i = (dated or same)[0]
            used.add(i)
            p = pred[i]
            tp += 1
            date_ok += bool(dated)
            fat += p.fatalities == g["fatalities"]
            sub += p.sub_event_type == g["sub_event_type"]
            for k in ("actor1", "actor2"):
                if k in g:
                    act_n += 1
                    act_ok += g[k].lower() in (getattr(p, k) or "").lower()
        fp += len(pred) - len(used)
    prec, rec = tp / (tp + fp), tp / (tp + fn)
    return {"f1": 2 * prec * rec / (prec + rec), "precision": prec, "recall": rec,
            "fatalities_exact": fat / tp, "sub_event_accuracy": sub / tp, "date_exact": date_ok / tp,
            "actor_accuracy": act_ok / act_n}


# ----------------------------------------------------------------- the set itself
def test_multisentence_set_figures():
    r = score()
    assert r["f1"] >= 0.88  # 0.900 at the end of round 8 (0.821 before)
    assert r["fatalities_exact"] >= 0.97  # 1.000 (0.719 before)
    assert r["date_exact"] >= 0.92  # 0.944 (0.938 before)
    assert r["actor_accuracy"] >= 0.88  # 0.909 (0.789 before)


# ----------------------------------------------------------------- 1. the outcome told next
def test_outcome_in_the_next_sentence_is_the_events_toll():
    ev = _one("Bandits stormed a vigilante checkpoint near Tsafe on Wednesday. Seven vigilantes died, "
              "a local chief said.")
    assert ev.event_date == "2025-06-11" and ev.fatalities == 7
    ev = _one("Unknown attackers ambushed a supply truck on the Juba-Nimule road on Friday. "
              "The bodies of three drivers were found beside the burnt truck, a transport union official "
              "told Eye Radio.")
    assert ev.fatalities == 3


def test_outcomes_of_both_sides_add_up_and_reports_that_differ_take_the_lowest():
    ev = _one("Jihadists attacked a gendarmerie post in Tera on Saturday. Five gendarmes died. "
              "Eight assailants were also killed, the army said.")
    assert ev.fatalities == 13
    ev = _one("Gunmen attacked worshippers at a mosque in Katsina on Friday, killing 9 people, police "
              "said. Residents put the toll at 14.")
    assert ev.fatalities == 9


def test_control_running_tolls_wounded_and_other_days_are_not_the_events_toll():
    ev = _one("Militants attacked a police station in Lakki Marwat on Tuesday. More than 40 policemen have "
              "been killed in the district since January, officials said.")
    assert ev.fatalities == 0
    ev = _one("A hand grenade exploded at a bar in Bujumbura on Monday. Eleven people were injured, "
              "police said.")
    assert ev.fatalities == 0
    evs = _events("Gunmen attacked a village in Bokkos on Sunday and burned houses. On Tuesday, "
                  "four farmers were killed in a separate raid nearby.")
    sunday = [e for e in evs if e.event_date == "2025-06-08"]
    assert sunday and all(e.fatalities == 0 for e in sunday)


def test_control_vague_or_already_named_victims_told_apart_are_no_count():
    # "neutralised several terrorists, without giving a figure": no count of the report's own
    ev = _one("Jihadists ambushed an army patrol near Djibasso on Friday, killing four soldiers, the army "
              "said. The troops fought back and neutralised several assailants, it added.")
    assert ev.fatalities == 4
    # "the men had died": the victims of the event just told, not a new (singular) figure
    ev = _one("A crowd beat five suspected thieves to death in Gonaives on Sunday, witnesses said. "
              "Police arrived after the men had died.")
    assert ev.fatalities == 5


def test_a_later_update_of_the_told_toll_wins():
    ev = _one("A bomb hidden in a cart exploded at a cattle market in Konduga on Saturday, killing five "
              "people. By Sunday the death toll had risen to nine, hospital staff said.")
    assert ev.event_date == "2025-06-07" and ev.fatalities == 9


# ----------------------------------------------------------------- 2. a standalone toll update
def test_standalone_toll_update_is_the_report_of_that_event():
    ev = _one("The death toll from Friday's attack on a bus in Zamfara has risen to 17, police said.")
    assert ev.event_date == "2025-06-06" and ev.fatalities == 17
    assert ev.event_type in ("Violence against civilians", "Battles")


def test_control_a_war_toll_and_a_toll_without_a_day_make_no_event():
    assert _events("The death toll in Myanmar's civil war has risen to more than 6,000 since the coup, "
                   "a monitoring group said on Monday.") == []


def test_more_bodies_bringing_the_toll_to_a_total_is_the_total():
    c = sentence_fatalities("Rescuers pulled four more bodies from the debris on Tuesday, bringing the "
                            "death toll to 15.")
    assert c is not None and c.value == 15
    c = sentence_fatalities("The bodies of six herders were found in the bush, the police said.")
    assert c is not None and c.value == 6
    # control: two distinct figures still add up
    c = sentence_fatalities("Three soldiers and two civilians were killed.")
    assert c is not None and c.value == 5


# ----------------------------------------------------------------- 3. intra-group clashes
def test_rival_factions_of_one_group_are_both_sides():
    ev = _one("Two factions of the Ambazonia Defence Forces fought each other near Batibo on Monday, "
              "leaving three separatists dead.", )
    assert ev.actor1 and ev.actor1 == ev.actor2
    assert not ev.actor2.startswith("Unidentified")


def test_control_a_group_against_the_army_keeps_two_sides():
    ev = _one("Al-Shabaab fighters clashed with Somali soldiers near Jilib on Sunday, residents said.")
    assert ev.actor1 != ev.actor2


# ----------------------------------------------------------------- 4. handovers
def test_armed_group_moving_in_after_a_withdrawal_is_a_transfer():
    ev = _one("ISWAP fighters moved into the town of Marte on Thursday after Nigerian troops withdrew, "
              "residents said.", "2025-06-14")
    assert ev.sub_event_type == "Non-violent transfer of territory"
    assert "Islamic State" in ev.actor1 or "ISWAP" in ev.actor1
    ev = _one("Rebels entered the town of Nyunzu on Tuesday, hours after the army withdrew from its "
              "positions there.")
    assert ev.sub_event_type == "Non-violent transfer of territory"


def test_control_moving_in_without_an_armed_withdrawal_is_no_transfer():
    for text in ("Thousands of supporters moved into the city centre of Lusaka on Monday after the rally "
                 "ended.",
                 "Protesters moved into Tahrir Square on Friday after the police withdrew."):
        assert all(e.event_type != "Strategic developments" and "territory" not in e.sub_event_type
                   for e in _events(text)), text


def test_control_unarmed_people_pulling_out_hand_over_nothing():
    assert all("territory" not in e.sub_event_type for e in _events(
        "Dozens of families moved into the stadium on Sunday after aid groups pulled out of the district."))
    ev = _one("Government troops pulled out of the town of Kamanyola on Sunday, residents said.")
    assert ev.sub_event_type == "Non-violent transfer of territory"


def test_control_capture_after_fighting_stays_a_takeover():
    ev = _one("Fano militiamen seized the town of Debre Tabor on Sunday after heavy fighting with the "
              "army, residents said.")
    assert ev.sub_event_type == "Non-state actor overtakes territory"
