"""Review of the session-10 background rules: what they must not drop.

1. "N years/months ago" in a relative clause about a person ("a soldier who joined the army three
   months ago was killed") tells the person's past, not the event of the sentence;
2. a counted subject in the present ("Three protesters are killed as police open fire", "Dozens
   are arrested as ...") is a headline-style report of one incident, not a habit;
3. ", and two more died of their wounds the following day" adds to the toll of the same event (the
   "next day" separator must not cut it off);
4. "condemned the killing of 12 civilians in an air strike": without "as", a label follows its
   object at once ("branded the raid a terrorist attack"), never after a prepositional phrase.
Controls keep the change's intent (habits, anniversaries, labels) dropped.
"""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.api import extract

from eventwire.events.detect import detect_sentence


@pytest.mark.parametrize("sentence", [
    "A soldier who joined the army three months ago was killed when a roadside bomb hit his patrol near Gao.",
    "Gunmen killed a French aid worker who arrived in Niamey six months ago, officials said.",
    "A man who survived the massacre a decade ago was shot dead by gunmen in Bunia.",
    "A lawyer whose brother was abducted two years ago was stabbed to death outside a court in Quetta.",
])
def test_a_persons_past_in_a_relative_clause_does_not_drop_the_event(sentence):
    assert detect_sentence(sentence, has_date=True)


@pytest.mark.parametrize("sentence", [
    "Five years ago, gunmen who stormed the hotel killed 22 guests.",
    "Gunmen who attacked the church nine years ago were never found.",
])
def test_control_an_old_episode_stays_dropped(sentence):
    assert not [c for c in detect_sentence(sentence, has_date=True) if c.event_type != "Strategic developments"]


@pytest.mark.parametrize("sentence", [
    "Three protesters are killed as police open fire on a crowd in Khartoum, medics say.",
    "Dozens are arrested as police break up an opposition rally in Istanbul.",
    "At least 12 villagers are killed in an attack by gunmen in Zamfara, police say.",
    "Belarus: Five journalists are detained in Minsk after covering protest",
])
def test_counted_subject_in_the_present_is_one_incident(sentence):
    assert detect_sentence(sentence)


@pytest.mark.parametrize("sentence", [
    "Rights groups say dissidents are detained by the secret police without trial.",
    "Critics say hundreds of activists are routinely arrested and held for weeks.",
    "Journalists are often detained and beaten in the region, the union says.",
])
def test_control_habit_in_the_present_stays_dropped(sentence):
    assert detect_sentence(sentence) == []


@pytest.mark.parametrize("sentence, sub", [
    ("Amnesty International condemned the killing of 12 civilians in an air strike on a market in Maarat al-Numan.",
     "Air/drone strike"),
    ("Local leaders denounced the abduction of 40 pupils in a raid on a school in Kuriga.", None),
])
def test_a_condemned_event_in_a_prepositional_phrase_is_not_a_label(sentence, sub):
    got = detect_sentence(sentence, has_date=True)
    assert got
    if sub:
        assert sub in {c.sub_event_type for c in got}


@pytest.mark.parametrize("sentence", [
    "Rights groups branded the arrests an attack on free speech.",
    "The minister called the bombing an attack on democracy.",
])
def test_control_a_label_right_after_its_object_is_no_second_event(sentence):
    assert not any(c.sub_event_type == "Attack" for c in detect_sentence(sentence))


@pytest.mark.parametrize("text, dead", [
    ("Gunmen killed five people in a village in Nigeria's Kano state on Saturday and two more died of their "
     "wounds the following day, police said.", 7),
    ("A roadside bomb killed four Malian soldiers near Gao on Friday, and three more soldiers died in hospital "
     "the next day, the army said.", 7),
])
def test_later_deaths_the_next_day_add_to_the_same_event(text, dead):
    got = extract(text=text, published=dt.date(2024, 5, 15))
    assert len(got) == 1
    assert got[0].fatalities == dead
