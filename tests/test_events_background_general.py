"""Background paragraphs of long articles, by structure rather than by wording (session 8, prec2).

A corpus of 12 long articles written for this (tests/fixtures/background, its README) scores the
classes together; the unit tests below check each structural signal on fresh text, with controls
where a similar sentence tells real news and must stay an event:

1. a day named by its calendar date weeks before the story ("On 3 June, ...") is an old episode;
2. a sentence with no day of its own right after one dated to an old episode goes on telling it;
3. "In one of the deadliest raids, earlier this year, ...": the cited case's year opens the sentence;
4. the lead's event told again further down, with another verb, a quote, the other side's version or
   only the day someone spoke ("..., the group said in a statement on Tuesday");
   (also across kinds when told in the past perfect: "said the officials had been 'arrested'");
6. a record named in general with a bare plural ("wanted for bombings of police posts");
Before the fix the corpus scored P 0.333 R 0.714 (45 predicted for 21 gold); after P 0.517 R 0.714 (29 predicted).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.api import extract

PUB = "2025-09-12"  # a Friday
BACKGROUND = Path(__file__).parent / "fixtures" / "background"


def _types(text: str, published: str = PUB) -> list[tuple[str, str]]:
    return sorted((e.sub_event_type, e.event_date) for e in extract(text=text, published=dt.date.fromisoformat(published)))


LEAD = ("Gunmen killed eight villagers in an attack on Kaltungo in Nigeria's Gombe state on Wednesday, "
        "police said. ")
LEAD_TYPES = [("Attack", "2025-09-10")]


# ------------------------------------------------------------- 1. an old calendar day
@pytest.mark.parametrize("tail", [
    "On 3 June, gunmen killed eleven farmers in the same district, according to residents.",
    "On 14 February 2024, a bomb hidden in a market stall killed six traders in the state capital.",
])
def test_an_old_calendar_day_is_background(tail):
    assert _types(LEAD + tail) == LEAD_TYPES


def test_a_recent_calendar_day_stays_news():
    text = LEAD + "On 9 September, soldiers clashed with bandits near Billiri, killing four, the army said."
    assert _types(text) == [("Armed clash", "2025-09-09"), ("Attack", "2025-09-10")]


def test_an_old_episode_alone_stays():
    # a story about nothing newer is about it (a feature, a late report)
    text = "On 3 June, gunmen killed eleven farmers in Kaltungo in Nigeria's Gombe state, residents said."
    assert [t for t, _ in _types(text)] == ["Attack"]


def test_a_late_report_on_an_old_killing_keeps_it():
    # a report on a killing months ago, with only undated talk after it: the killing is the story
    text = ("On 12 March, the land rights activist Ana Quinones was shot dead at her home in Tumaco, her family "
            "said. Human rights groups condemned the killing and police say an investigation is under way.")
    assert [t for t, _ in _types(text)] == ["Attack"]


# ------------------------------------------------------------- 2. the old episode goes on
def test_a_sentence_after_an_old_episode_goes_on_telling_it():
    text = (LEAD + "In April, bandits overran the police post in Billiri and held it for a week. "
            "Soldiers later retook the town after a gunfight, the governor said.")
    assert _types(text) == LEAD_TYPES


def test_a_dated_sentence_after_an_old_episode_stays():
    text = (LEAD + "In April, bandits overran the police post in Billiri and held it for a week. "
            "On Thursday, soldiers clashed with bandits near Billiri, the governor said.")
    assert _types(text) == [("Armed clash", "2025-09-11"), ("Attack", "2025-09-10")]


# ------------------------------------------------------------- 3. a cited case with its year
def test_a_cited_case_earlier_this_year_is_background():
    text = (LEAD + "In one of the deadliest raids, earlier this year, gunmen killed 30 worshippers at a "
            "church in Billiri, sparking protests in the state capital.")
    assert _types(text) == LEAD_TYPES


# ------------------------------------------------------------- 4. the lead retold
@pytest.mark.parametrize("tail", [
    # only the day of the statement
    "The attackers rode into the village on motorcycles and fired on men outside the mosque, "
    "a community leader said in a statement on Thursday.",
    # (this case and the next were already one event before; kept as guards)
    # the other side's account, in the past perfect
    "A local official said the gunmen had burned houses and shot villagers who tried to flee.",
    # witnesses, another verb, no place of its own
    "Witnesses described a shooting that lasted more than an hour.",
])
def test_the_lead_told_again_is_one_event(tail):
    assert _types(LEAD + tail) == LEAD_TYPES


def test_a_retold_drone_strike_with_only_the_statement_day():
    text = ("A military drone strike killed seven people at a market in Kyauktaw in Myanmar's Rakhine state on "
            "Monday, residents said. A jet dropped two bombs on the market in the afternoon, the Arakan Army "
            "said in a statement on Wednesday.")
    assert _types(text) == [("Air/drone strike", "2025-09-08")]


def test_another_actors_strike_the_next_day_stays():
    text = ("Boko Haram fighters abducted 12 fishermen near Bol on the shore of Lake Chad on Monday, officials "
            "said. The army said on Tuesday that its aircraft had bombed Boko Haram positions on the islands "
            "that day.")
    assert [t for t, _ in _types(text)] == ["Abduction/forced disappearance", "Air/drone strike"]


def test_a_clash_told_after_an_attack_stays():
    # the victims fought back: the clash is another reading of the raid, not a retelling to drop
    text = ("At least 15 people were killed when armed youths from Pibor raided a cattle camp near Bor on "
            "Thursday, officials said. The commissioner said the attackers, whom he named as Murle youths, "
            "fought for several hours with armed Dinka herders.")
    assert _types(text) == [("Armed clash", "2025-09-11"), ("Attack", "2025-09-11")]


def test_a_second_event_elsewhere_told_later_stays():
    text = (LEAD + "Separately, gunmen kidnapped a priest in Billiri on Thursday, the diocese said.")
    assert len(_types(text)) == 2


# ------------------------------------------------------------- 6. a record named in general
@pytest.mark.parametrize("tail", [
    "Police said one of the dead had been wanted for bombings of police posts in the region.",
    "The group's leader is accused of kidnappings along the highway to Bauchi.",  # (a guard: passed before)
])
def test_a_record_named_with_a_bare_plural_is_no_event(tail):
    assert _types(LEAD + tail) == LEAD_TYPES


# ------------------------------------------------------------- the corpus
def corpus_scores(path: Path):
    """Events precision/recall of the pipeline over a background corpus (articles + gold_events.jsonl)."""
    from eventwire.evaluation import metrics as M
    from eventwire.evaluation.readers import gold_set
    from eventwire.evaluation.tasks import run_pipeline
    from eventwire.settings import Settings

    ds = gold_set(path)
    docs, failures = run_pipeline(ds.docs, Settings())
    assert not failures, failures
    gold: dict[str, list] = {d.id: [] for d in ds.docs}
    for g in ds.gold:
        gold.setdefault(g.doc_id, []).append(g)
    s = M.score_events(gold, {d.id: d.events for d in docs})
    return s.prf


@pytest.mark.slow
def test_background_corpus_floors():
    prf = corpus_scores(BACKGROUND)
    # before this work: P 0.333 (45 predicted), R 0.714
    assert prf.precision >= 0.51, prf
    assert prf.recall >= 0.71, prf
