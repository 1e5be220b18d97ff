"""Background told as events on unseen articles (session 9, prec9): classes of error, each with
text written for this test and a control where similar wording tells real news and must stay.

1. a claim or the other side's version dated only by the day it was said ("X said in a statement on
   Friday that its fighters had killed ..."), when a merged mention from further down made it look new;
2. the day of an appeal is not the day of what it calls for ("called on Tuesday for a strike ... to
   protest"), and a press note or a video "released on Thursday" dates a statement;
3. a cumulative toll counted from an event ("since the coup, 52 have been killed");
4. an event named by its year ("the 2021 attack") is recalled, even in a sentence with a day;
5. vigils, memorials and funerals held for the dead of earlier violence: the violence they recall is
   not an event and does not type them; "N years after" with any number word;
6. people named by what was done to them ("the boy killed on Tuesday") are the victims of the event
   told before;
7. "fearing more attacks"; "anyone who attacks ... will face"; "they attack us from the air now" (an
   act told in the present of a pronoun); "has been hit by attacks"; "the continued detention of"; an
   episode dated more than a year before the story by its calendar day, further down the story;
8. the police's version of a protest ("12 workers had been detained and later released").

The corpus tests/fixtures/background2 (written before these fixes, its README) scores them together.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.api import extract
from test_events_background_general import corpus_scores  # the same corpus scorer

PUB = "2025-03-14"  # a Friday
BACKGROUND2 = Path(__file__).parent / "fixtures" / "background2"


def _types(text: str, published: str = PUB) -> list[tuple[str, str]]:
    return sorted((e.sub_event_type, e.event_date) for e in extract(text=text, published=dt.date.fromisoformat(published)))


def _subtypes(text: str, published: str = PUB) -> list[str]:
    return [t for t, _ in _types(text, published)]


LEAD = ("Suspected jihadists attacked an army post near the town of Tessit in northeastern Mali on Wednesday, "
        "killing nine soldiers, security sources said. ")
LEAD_TYPES = [("Armed clash", "2025-03-12")]


# ------------------------------------------------------------- 1. a claim dated by its statement
def test_a_claim_with_a_later_mention_of_it_is_the_lead():
    text = (LEAD + "The al Qaeda-linked JNIM said in a statement on Thursday that its fighters had killed "
            "more than 20 soldiers and seized two vehicles. "
            "The army has lost dozens of men in the region since the start of the year. "
            "The group also claimed that attack on its Telegram channel.")
    assert _types(text) == LEAD_TYPES


def test_a_claim_dated_after_its_channel_is_the_lead():
    # "in a statement on its news agency on Thursday": the day of the statement, told after the channel
    text = (LEAD + "The group said in a statement on its Amaq news agency on Thursday that its fighters had killed "
            "dozens of soldiers near Tessit.")
    assert _types(text) == LEAD_TYPES


def test_a_claim_of_another_attack_with_its_own_day_stays():
    text = (LEAD + "The group said in a statement on Thursday that its fighters had also attacked a convoy near "
            "Ansongo on Thursday morning.")
    assert len(_types(text)) == 2


# ------------------------------------------------------------- 2. the day of an appeal
@pytest.mark.parametrize("tail", [
    "The main teachers' union called on Thursday for a strike in all schools of the region from Monday to "
    "protest against the insecurity.",
])
def test_a_call_for_a_strike_is_no_event(tail):
    assert _types(LEAD + tail) == LEAD_TYPES


def test_a_called_dead_city_strike_is_no_event():
    # the call's cue was read for the word before the strike ("dead"); the strike is called for too
    text = 'The opposition has called for a "dead city" general strike in Lome on Monday.'
    assert _types(text) == []


def test_a_dead_city_strike_that_happened_is_a_peaceful_protest():
    # "dead city" (ville morte) is the name of a general strike, not a toll
    text = 'Traders in Lome observed a "dead city" general strike on Monday, the opposition said.'
    assert _subtypes(text) == ["Peaceful protest"]


def test_a_strike_that_happened_stays():
    text = LEAD + "Teachers in Gao went on strike on Thursday to protest against the insecurity, the union said."
    assert ("Peaceful protest", "2025-03-13") in _types(text)


def test_a_press_note_released_on_a_day_dates_a_statement():
    text = ("Security forces killed six suspected militants in a gunfight in a forest near Sukma in "
            "Chhattisgarh on Tuesday, police said. In a press note released on Wednesday, the insurgents' "
            "regional committee said the police had killed unarmed villagers.")
    assert _subtypes(text) == ["Armed clash"]


# ------------------------------------------------------------- 3. a cumulative toll from an event
@pytest.mark.parametrize("text", [
    "Since the coup, at least 52 people have been killed during protests in Conakry, rights groups say.",
    "At least 31 people have been killed in protests in the capital since the elections, the ombudsman said.",
])
def test_a_toll_since_an_event_is_no_event(text):
    assert _types(text) == []


def test_a_toll_of_one_day_stays():
    text = "At least four people were killed during protests in Conakry on Thursday, rights groups said."
    assert _subtypes(text) == ["Excessive force against protesters"]


# ------------------------------------------------------------- 4. an event named by its year
@pytest.mark.parametrize("text", [
    "On Thursday, the minister visited the market in Gao destroyed in the 2022 attack.",
    "On Thursday, the governor laid a wreath at the bus station in Gao hit in the 2022 bombing.",
])
def test_an_attack_named_by_its_year_in_a_dated_sentence_is_background(text):
    assert _types(text) == []


def test_a_dated_bombing_today_stays():
    text = LEAD + "On Thursday, a bombing at the bus station in Gao killed three people, officials said."
    assert ("Armed clash", "2025-03-12") in _types(text) and len(_types(text)) == 2


# ------------------------------------------------------------- 5. vigils, funerals, "years after"
def test_a_vigil_for_the_dead_of_old_raids_is_not_typed_by_them():
    text = ("On Sunday, relatives and activists held a vigil in Iloilo for the nine farmers killed by soldiers "
            "in raids in the province in 2021.")
    assert "Excessive force against protesters" not in _subtypes(text, "2025-03-18")
    assert "Attack" not in _subtypes(text, "2025-03-18")


def test_a_funeral_of_the_leads_dead_is_no_second_event():
    # (a guard: one event before too)
    text = LEAD + "Hundreds of people attended the funeral on Thursday of the soldiers killed in the attack."
    assert _types(text) == LEAD_TYPES


def test_soldiers_shooting_at_a_funeral_stay():
    text = "Soldiers opened fire on mourners at a funeral in Gao on Thursday, killing two people, witnesses said."
    assert _subtypes(text) != []


@pytest.mark.parametrize("number", ["Eleven", "Fifteen", "Several"])
def test_years_after_a_massacre_is_background(number):
    text = (f"{number} years after soldiers shot dead dozens of protesters in Abidjan, a court on Thursday "
            "opened the trial of four officers.")
    assert _types(text) == []


def test_days_after_a_killing_stays():
    text = ("Two days after soldiers shot dead six protesters in Abidjan, police on Thursday fired tear gas at "
            "mourners, witnesses said.")
    assert "Protest with intervention" in _subtypes(text)


def test_an_undated_sentence_after_a_month_last_year_goes_on_telling_it():
    # (a guard: one event before too, as the lead told again; the old month now also marks it background)
    text = (LEAD + "Two opposition leaders, whose homes in Bamako were raided by soldiers in May last year, have "
            "not been seen since. Their party says they were abducted by the security forces.")
    assert _types(text) == LEAD_TYPES


def test_a_dated_sentence_after_a_month_last_year_stays():
    text = (LEAD + "Two opposition leaders, whose homes in Bamako were raided by soldiers in May last year, have "
            "not been seen since. On Thursday, gunmen abducted their lawyer in Bamako, his family said.")
    assert len(_types(text)) == 2


# ------------------------------------------------------------- 6. the victims named by a participle
@pytest.mark.parametrize("tail", [
    "The family of the corporal killed on Wednesday said he had joined the army a year ago.",  # (a guard)
    "The army said the soldiers killed on Wednesday would be buried in Bamako on Saturday.",
])
def test_the_victims_named_again_are_no_new_event(tail):
    assert _types(LEAD + tail) == LEAD_TYPES


def test_an_active_killing_with_its_object_stays():
    text = LEAD + "The rebels shot dead two herders near Menaka on Thursday, residents said."
    assert len(_types(text)) == 2


# ------------------------------------------------------------- the police version of a protest
PROTEST = ("Police fired tear gas on Sunday to disperse thousands of garment workers who blocked a highway in "
           "Gazipur near Dhaka to demand unpaid wages. ")


def test_workers_detained_and_later_released_are_part_of_the_protest():
    text = PROTEST + "The police said in a statement that 12 workers had been detained and later released."
    assert _subtypes(text, "2025-11-03") == ["Protest with intervention"]


def test_the_police_account_of_stones_is_the_protest_told_again():
    # (a guard: one event before too in this short form; in a long story the police's account of
    # stone-throwing, told without a day, was kept as a riot beside the protest)
    text = ("Police in Hyderabad fired tear gas and used batons on Tuesday to disperse hundreds of relatives of "
            "missing men who had marched to the provincial assembly, witnesses said. Several marchers were "
            "detained. A police spokesman said officers acted after the marchers threw stones and tried to "
            "force their way into the building.")
    assert _subtypes(text) == ["Protest with intervention"]


def test_a_riot_after_a_march_told_as_news_stays():
    text = ("Police in Hyderabad fired tear gas on Tuesday to disperse hundreds of relatives of missing men "
            "who had marched to the provincial assembly, witnesses said. Several marchers were detained. "
            "Later, youths threw stones at a police station and set fire to two police vehicles in the city, "
            "police said.")
    assert sorted(_subtypes(text)) == ["Protest with intervention", "Violent demonstration"]


def test_leaders_arrested_later_stay_an_arrest():
    text = PROTEST + "Police later arrested three union leaders in Gazipur, the union said."
    assert sorted(_subtypes(text, "2025-11-03")) == ["Arrests", "Protest with intervention"]


# ------------------------------------------------------------- 7. fears, warnings, states
def test_fearing_more_attacks_is_no_event():
    text = LEAD + "Residents said many families had left for Gao in recent weeks, fearing more attacks."
    assert _types(text) == LEAD_TYPES


def test_anyone_who_attacks_in_a_warning_is_no_event():
    text = ("Anyone who attacks police stations, loots shops or burns property will face the full force of "
            "the law, the police chief told reporters in Nairobi on Thursday.")
    assert _types(text) == []


def test_whoever_attacked_the_convoy_stays():
    text = "Whoever attacked the police convoy near Garissa on Thursday will be hunted down, the minister said."
    assert _subtypes(text) != []


@pytest.mark.parametrize("text", [
    '"They attack us from the air now because they cannot beat us on the ground," the commander said at '
    'the funeral of a soldier in Popayan on Thursday.',
    "Gunmen who attack convoys on the road to Bria are rarely caught, police said on Thursday.",
])
def test_an_act_told_in_the_present_of_a_pronoun_is_no_event(text):
    assert _types(text) == []


@pytest.mark.parametrize("text", [
    "They attacked the village near Bria on Thursday, killing 12 people, police said.",
    "Gunmen kill 12 villagers in Zamfara, police say",  # a headline in the present
    "That attack killed 12 people in Bria on Thursday, police said.",
])
def test_an_act_in_the_past_or_a_headline_stays(text):
    assert _subtypes(text) != []


def test_a_place_hit_by_attacks_in_general_is_no_event():
    text = LEAD + "The region has also been hit by attacks on local officials and traders."
    assert _types(text) == LEAD_TYPES


def test_a_continued_detention_is_no_arrest():
    text = ("Amnesty International said on Thursday that the continued detention of 14 activists in Harare "
            "was a chilling message to critics of the government.")
    assert _types(text) == []


def test_an_arrest_today_stays():
    text = "Police in Harare detained 14 activists at a private home on Thursday, their lawyers said."
    assert _subtypes(text) == ["Arrests"]


def test_a_calendar_day_years_ago_is_history_even_alone():
    # further down a preview with no news of its own (a story that opens with it is about it)
    text = ("Opposition groups plan rallies across Kenya on Monday to mark the anniversary of the 1990 "
            "pro-democracy protests. Police have deployed in Nairobi and warned against violence. Shops in "
            "the city centre said they would close. On July 7, 1990, police crushed a pro-democracy rally in "
            "Nairobi, killing at least 20 people. On 25 June 2023, protesters stormed the county offices in "
            "Nakuru and set them on fire.")
    assert _types(text, "2025-07-03") == []


def test_a_calendar_day_this_year_alone_stays():
    text = "On 25 June, protesters stormed the county offices in Nakuru and set them on fire, police said."
    assert _subtypes(text, "2025-07-03") != []


# ------------------------------------------------------------- the corpus
@pytest.mark.slow
def test_background2_corpus_floors():
    s = corpus_scores(BACKGROUND2)
    # before this work: P 0.423 (26 predicted), R 0.917
    assert s.precision >= 0.54, s
    assert s.recall >= 0.91, s
