"""Event dates: relative expressions resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.events.dates import choose, find_dates, weekday_before

SAT = dt.date(2019, 2, 16)  # a Saturday


def _one(text: str, published: dt.date | None = SAT):
    ds = find_dates(text, published)
    assert len(ds) == 1, ds
    return ds[0]


@pytest.mark.parametrize("text,expected,precision", [
    ("the offensive began on Saturday", "2019-02-16", 1),  # the publication day itself
    ("fighting on Wednesday", "2019-02-13", 1),  # most recent Wednesday before it
    ("late on Friday night", "2019-02-15", 1),
    ("last Saturday", "2019-02-09", 1),  # "last" skips the publication day
    ("yesterday", "2019-02-15", 1),
    ("three days ago", "2019-02-13", 1),
    ("on 3 February", "2019-02-03", 1),
    ("on February 3, 2018", "2018-02-03", 1),  # an explicit date wins over the publication date
    ("on Feb. 3", "2019-02-03", 1),
    ("last week", "2019-02-07", 2),  # midpoint of the previous week
    ("earlier this week", "2019-02-13", 2),
    ("in January", "2019-01-15", 3),  # month only: mid-month
    ("in early January", "2019-01-01", 3),
    ("in late January", "2019-01-31", 3),
    ("last month", "2019-01-15", 3),
    ("in December", "2018-12-15", 3),  # a later month is last year's
])
def test_resolution(text: str, expected: str, precision: int) -> None:
    d = _one(text)
    assert d.date is not None and d.date.isoformat() == expected
    assert d.precision == precision


@pytest.mark.parametrize("text", ["next week", "tomorrow", "next Monday", "on 3 March"])
def test_future_expressions_are_not_event_dates(text: str) -> None:
    d = _one(text)
    assert not d.usable and d.kind == "future"


def test_year_only_is_background() -> None:
    d = _one("in 2014")
    assert not d.usable and d.kind == "year"


def test_weekday_before() -> None:
    assert weekday_before(SAT, 5) == SAT
    assert weekday_before(SAT, 5, strictly=True) == dt.date(2019, 2, 9)
    assert weekday_before(SAT, 6) == dt.date(2019, 2, 10)


def test_report_date_loses_to_event_date() -> None:
    text = "Police said on Monday that gunmen had attacked the village on Sunday."
    ds = find_dates(text, dt.date(2024, 3, 12))
    assert [d.report_date for d in ds] == [True, False]
    assert choose(ds, text.index("attacked")).date == dt.date(2024, 3, 10)


def test_no_publication_date_leaves_relative_dates_unresolved() -> None:
    assert _one("on Saturday", None).date is None
    assert _one("on 3 February 2019", None).date == dt.date(2019, 2, 3)


# ------------------------------------------------------------------ through the pipeline
def test_event_date_from_text_and_publication_fallback() -> None:
    from eventwire.api import extract

    dated = extract(text="Gunmen attacked a bus near Kaduna on Wednesday, killing three passengers.",
                    published="2019-02-16")
    undated = extract(text="Gunmen attacked a bus near Kaduna, killing three passengers.",
                      published="2019-02-16")
    assert [e.event_date for e in dated] == ["2019-02-13"]
    assert "event_date" in dated[0].provenance
    assert dated[0].provenance["event_date"].text == "on Wednesday"
    assert [e.event_date for e in undated] == ["2019-02-16"]  # the publication date ...
    assert "event_date" not in undated[0].provenance
    assert undated[0].confidence < dated[0].confidence  # ... with lower confidence
    assert "as reported" in undated[0].notes


def test_planned_event_with_future_date_gives_nothing() -> None:
    from eventwire.api import extract

    assert extract(text="Opposition groups will march through Harare on Monday next week.",
                   published="2019-02-16") == []


def test_undated_event_right_after_a_dated_one_takes_its_date() -> None:
    from eventwire.api import extract

    text = ("Gunmen attacked the village of Kukawa on Sunday, killing nine villagers.\n"
            "Soldiers later exchanged fire with the gunmen in the forest.\n"
            "Separately, police arrested two opposition activists.\n")
    evs = {e.sub_event_type: e for e in extract(text=text, published="2024-03-12")}
    assert evs["Attack"].event_date == "2024-03-10"
    assert evs["Armed clash"].event_date == "2024-03-10"
    assert evs["Armed clash"].confidence < evs["Attack"].confidence
    # two sentences on, nothing ties the arrests to Sunday: the publication date
    assert evs["Arrests"].event_date == "2024-03-12"


def test_abduction_told_after_a_massacre_is_part_of_it() -> None:
    from eventwire.api import extract

    # ACLED codes one event per attack; the abductions during it go with the killings
    text = ("Gunmen attacked the village of Kukawa on Sunday, killing nine villagers.\n"
            "They abducted 20 women and children before fleeing into the forest.\n")
    evs = extract(text=text, published="2024-03-12")
    assert [(e.sub_event_type, e.event_date, e.fatalities, len(e.evidence)) for e in evs] == [
        ("Attack", "2024-03-10", 9, 2)]


def test_a_weekday_after_for_is_what_is_planned() -> None:
    import datetime as dt

    from eventwire.events.dates import find_dates

    wed = dt.date(2024, 3, 13)
    (d,) = find_dates("The union called a general strike for Tuesday.", wed)
    assert d.kind == "future" and not d.usable
    (d,) = find_dates("The toll for Sunday's bombing rose to 14.", wed)
    assert d.usable and d.date == dt.date(2024, 3, 10)
