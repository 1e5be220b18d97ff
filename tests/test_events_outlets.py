"""Event typing where outlets word one event differently (what cross-article dedup sees).

Each case pairs the wording that was mistyped with a control that must keep its type."""

from __future__ import annotations

import datetime as dt

from eventwire.api import extract

PUB = dt.date(2024, 6, 26)  # a Wednesday


def _types(text: str) -> list[tuple[str, str]]:
    return [(e.event_type, e.sub_event_type) for e in extract(text=text, published=PUB)]


def test_arrests_of_activists_linked_to_protests_are_arrests():
    assert _types("Police on Tuesday arrested several activists linked to the anti-tax protests in Kampala, "
                  "their lawyers said.") == [("Strategic developments", "Arrests")]
    assert _types("Security forces on Tuesday detained two organisers of last week's demonstrations in Harare.") \
        == [("Strategic developments", "Arrests")]
    # arrests at the protest itself are the protest's intervention
    assert _types("Police arrested 40 protesters during a march in Kampala on Tuesday.") \
        == [("Protests", "Protest with intervention")]


def test_arrests_at_homes_after_a_protest_are_their_own_event():
    text = ("Police fired live rounds at demonstrators in Kampala on Tuesday, killing two people, witnesses said. "
            "Police also arrested a dozen activists at their homes in the city, a rights group said.")
    assert sorted(_types(text)) == [("Protests", "Excessive force against protesters"),
                                    ("Strategic developments", "Arrests")]
    # "27 people were detained" right after the dispersed protest: part of it
    text2 = ("Police fired tear gas at demonstrators in Kampala on Tuesday. "
             "Police said 27 people were detained.")
    assert _types(text2) == [("Protests", "Protest with intervention")]


def test_bombs_landing_on_a_place_were_dropped():
    # not an attack on civilians by whoever is named nearby: remote violence
    assert _types("Bombs hit a camp for displaced people near Bunia on Tuesday, killing nine people.") \
        == [("Explosions/Remote violence", "Air/drone strike")]
    assert _types("Kharkiv mourned on Monday for the 19 people killed when Russian bombs hit a DIY store on "
                  "Saturday.") == [("Explosions/Remote violence", "Air/drone strike")]
    # shells that land are artillery
    assert _types("Shells landed on a camp for displaced people near Bunia on Tuesday, killing nine people.") \
        == [("Explosions/Remote violence", "Shelling/artillery/missile attack")]
    # a bomb that was planted is a remote explosive
    assert _types("A roadside bomb hit an army patrol near Tuz Khurmatu, Iraq on Tuesday.") \
        == [("Explosions/Remote violence", "Remote explosive/landmine/IED")]


def test_aerial_and_glide_bombs_are_air_strikes():
    assert _types("Russia struck a supermarket in Kharkiv with two guided aerial bombs on Tuesday, "
                  "killing seven people.") == [("Explosions/Remote violence", "Air/drone strike")]
    assert _types("A glide bomb hit an apartment block in Zaporizhzhia on Tuesday, killing three people.") \
        == [("Explosions/Remote violence", "Air/drone strike")]


def test_an_armed_group_attacking_a_town_is_a_clash_only_with_an_armed_target():
    # the attackers' own word ("jihadists") names no armed target
    assert _types("Dozens of people, many of them farmers, were killed on Tuesday when jihadists attacked "
                  "Djibo in northern Burkina Faso, security sources said.") \
        == [("Violence against civilians", "Attack")]
    assert _types("Jihadists attacked the town of Djibo, Burkina Faso on Tuesday, killing five soldiers.") \
        == [("Battles", "Armed clash")]


def test_police_firing_on_rioters_is_the_riot():
    assert _types("Protesters stormed the parliament in Kampala and set part of it ablaze on Tuesday, and police "
                  "fired live rounds at the crowds.") == [("Riots", "Violent demonstration")]


def test_an_armed_target_under_attack_is_a_clash():
    assert _types("An army supply convoy came under attack on Tuesday afternoon in the Mopti region, Mali, "
                  "local sources said.") == [("Battles", "Armed clash")]
    assert _types("Villagers came under attack on Tuesday in the Mopti region, Mali.") \
        == [("Violence against civilians", "Attack")]


def test_a_drone_operated_by_an_army_is_an_air_strike():
    assert _types("A drone operated by Mali's armed forces struck a group of people near the town of Kidal, Mali "
                  "on Tuesday, killing eight civilians.") == [("Explosions/Remote violence", "Air/drone strike")]


def test_the_toll_of_an_earlier_event_is_not_a_new_one():
    events = extract(text="Suspected jihadists ambushed another army convoy near Douentza, Mali on Wednesday, a day "
                          "after an attack on the same road killed 12 soldiers, a local official said.",
                     published=PUB)
    assert [(e.sub_event_type, e.event_date) for e in events] == [("Armed clash", "2024-06-26")]


def test_israeli_forces_as_their_enemies_name_them():
    events = extract(text="The Israeli enemy launched raids on Saturday on the port of Hodeidah, Yemen, killing "
                          "three citizens.", published=PUB)
    assert [e.actor1 for e in events] == ["Military Forces of Israel"]


def test_no_attacker_taken_from_a_clause_about_other_fighting():
    events = extract(text="Several bombs struck two camps sheltering displaced people near Goma, DR Congo on Tuesday, "
                          "killing many, as fighting between the army and M23 rebels raged around the town of Sake.",
                     published=PUB)
    assert [(e.sub_event_type, e.actor1) for e in events] == [("Air/drone strike", "Unidentified Military Forces")]
    # an actor of the same clause still acts
    events = extract(text="Several bombs struck two camps near Goma, DR Congo on Tuesday, killing many, and M23 "
                          "rebels blamed the army.", published=PUB)
    assert [e.actor1 for e in events] == ["Unidentified Military Forces"]
    events = extract(text="Army jets bombed a camp near Goma, DR Congo on Tuesday, killing 12 people.", published=PUB)
    assert [e.actor1 for e in events] == ["Military Forces of the Democratic Republic of Congo"]
