"""Review of the round-9 precision change (prec9): real, current events it dropped, each with text
written for this test and a control where the precision rule must still hold.

1. a cumulative toll "since ..." counted from a few hours or days ago ("since early Sunday", "since
   the weekend") is the toll of the fighting itself; one that singles out an incident by its day
   ("..., including six on Friday in Kisumu, where police fired live rounds") tells that incident;
2. a funeral or a vigil that itself turned violent ("mourners at the funeral of ... clashed with
   soldiers", "a funeral ... turned violent when police fired tear gas"): what the gathering did is
   not the violence it was held for;
3. "plans" a noun before its subject's past verb ("Residents opposed to mining plans clashed");
4. an appeal that follows an event told in a clause of its own ("called on Tuesday for calm after
   youths torched a police station"): that event happened; "youths answering a call on Monday for
   protests clashed": the youths' verb, not a noun the call names;
5. an event named by the story's own year ("the 2025 Pride march" in a 2025 story) is today's news.
"""

from __future__ import annotations

import datetime as dt

from eventwire.api import extract

PUB = "2025-06-13"  # a Friday


def _types(text: str, published: str = PUB) -> list[tuple[str, str]]:
    return sorted((e.sub_event_type, e.event_date) for e in extract(text=text, published=dt.date.fromisoformat(published)))


def _subtypes(text: str, published: str = PUB) -> list[str]:
    return [t for t, _ in _types(text, published)]


# ------------------------------------------------------------- 1. tolls "since"
def test_a_toll_since_early_sunday_is_the_fighting_itself():
    text = ("Since early Sunday, at least 15 people have been killed in fighting between rival militias in "
            "Tripoli, the health ministry said.")
    assert _types(text) == [("Armed clash", "2025-06-08")]


def test_a_toll_since_the_weekend_is_the_clashes_themselves():
    text = ("Since the weekend, at least 12 people have been killed in clashes between herders and farmers in "
            "Bokkos in Plateau State, police said on Tuesday.")
    assert _subtypes(text) == ["Armed clash"]


def test_an_incident_a_toll_singles_out_by_its_day_stays():
    text = ("Since the elections, at least 40 people have been killed in political violence in Kenya, "
            "including six on Friday in Kisumu, where police fired live rounds at protesters.")
    assert ("Excessive force against protesters", "2025-06-13") in _types(text)


def test_a_toll_since_the_elections_alone_is_still_cumulative():
    # control: nothing singled out
    text = ("Since the elections in August, at least 40 people have been killed in political violence in "
            "Kenya, rights groups say.")
    assert _types(text) == []


def test_a_toll_since_the_coup_is_still_cumulative():
    text = ("Since the coup, at least 52 people have been killed by security forces in protests across the "
            "country, including many children, according to a medics' group.")
    assert _types(text) == []


# ------------------------------------------------------------- 2. funerals that turned violent
def test_mourners_who_clashed_at_a_funeral_stay():
    text = ("Mourners at the funeral of a student killed by police clashed with security forces in Khartoum "
            "on Thursday, and one person was shot dead, medics said.")
    assert _subtypes(text) != []


def test_a_funeral_that_turned_violent_stays():
    text = ("A funeral for three protesters turned violent in Omdurman on Thursday when police fired tear gas "
            "at mourners who threw stones, witnesses said.")
    assert _subtypes(text) != []


def test_a_funeral_turned_protest_stays():
    text = ("The funeral of a slain activist turned into a protest in Kisumu on Tuesday when police fired "
            "tear gas at mourners.")
    assert _types(text) == [("Protest with intervention", "2025-06-10")]


def test_the_dead_a_vigil_is_held_for_still_do_not_type_it():
    # control: the raids are the dead's, not the vigil's
    text = ("On Sunday, relatives and activists held a vigil in Iloilo for the nine farmers killed by "
            "soldiers in raids in the province in 2021.")
    assert "Attack" not in _subtypes(text, "2025-03-18")
    assert "Excessive force against protesters" not in _subtypes(text, "2025-03-18")


# ------------------------------------------------------------- 3. "plans" a noun
def test_opponents_of_plans_who_clashed_stay():
    text = ("Residents opposed to mining plans clashed with police in the town of Cajamarca on Tuesday, "
            "leaving several injured, local media reported.")
    assert _subtypes(text) != []


def test_groups_that_plan_rallies_still_plan():
    text = "Opposition groups plan rallies across Kenya on Monday, police said on Thursday."
    assert _types(text) == []


# ------------------------------------------------------------- 4. an appeal after an event
def test_the_riot_an_appeal_follows_stays():
    text = "The governor called on Tuesday for calm after youths torched a police station in Kano, officials said."
    assert _subtypes(text) == ["Violent demonstration"]


def test_youths_answering_a_call_who_clashed_stay():
    # "clashed" is the youths' verb, not a noun named in the call ("a call for protests and clashes")
    text = ("Youths answering an opposition call on Monday for protests clashed with police in Conakry, "
            "leaving two dead, witnesses said.")
    assert _subtypes(text) == ["Violent demonstration"]


def test_the_riot_an_appeal_follows_a_day_after_keeps_its_type():
    # control: "a day after" is an antecedent of its own, typed by what it tells
    text = ("The opposition leader urged on Sunday an end to the killings, a day after soldiers shot dead "
            "12 protesters in Bamako.")
    assert "Peaceful protest" not in _subtypes(text)


def test_a_called_strike_is_still_called():
    text = "The union called on Tuesday for a general strike after Friday prayers in Kano."
    assert _types(text) == []


def test_calm_after_the_killings_names_no_new_event():
    text = "The governor called on Tuesday for calm after the killings in Kano."
    assert _types(text) == []


# ------------------------------------------------------------- 5. this year's named event
def test_this_years_pride_march_stays():
    text = ("Tens of thousands of people joined the 2025 Pride march in Budapest on Saturday in defiance of a "
            "police ban.")
    assert _types(text) == [("Peaceful protest", "2025-06-07")]


def test_an_earlier_years_named_event_is_still_recalled():
    text = ("Youths who took part in the 2023 Dakar riots were sentenced on Wednesday to two years in prison, "
            "their lawyers said.")
    assert _types(text) == []
    text = "Organisers of the 2024 Pride march in Budapest said on Saturday they expected a bigger crowd this year."
    assert _types(text) == []
