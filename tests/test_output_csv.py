"""CSV written for spreadsheets: ACLED columns, and no live formulas from article text.

The text of an article is untrusted; an analyst opens the CSV in a spreadsheet.
A text cell that starts like a formula ("=HYPERLINK(...)", "+cmd", "@SUM") must
not be live; numbers such as a negative longitude stay numbers.
"""

from __future__ import annotations

import csv
import io

from eventwire.models import Event, Evidence
from eventwire.output import CsvWriter, csv_safe
from eventwire.store.export import csv_row as store_csv_row


def _event() -> Event:
    ev = Event(event_id="t-1", event_date="2024-03-02", event_type="Protests", sub_event_type="Peaceful protest",
               actor1="Protesters (Burkina Faso)", assoc_actor_1='=HYPERLINK("http://evil.example","click")',
               country="Burkina Faso", location="Kaya", latitude=13.09, longitude=-1.08,
               notes="@SUM(1+1) was written on the banners", source="+Radio Omega")
    ev.evidence = [Evidence(start=0, end=10, text="-- KAYA --")]
    return ev


def test_csv_safe_defuses_formulas_but_keeps_numbers():
    assert csv_safe("=1+1") == "'=1+1"
    assert csv_safe("+cmd") == "'+cmd" and csv_safe("@SUM(A1)") == "'@SUM(A1)" and csv_safe("\tx") == "'\tx"
    assert csv_safe("-1.08") == "-1.08" and csv_safe(-1.08) == -1.08 and csv_safe("Kaya") == "Kaya"
    assert csv_safe("") == "" and csv_safe(None) is None


def test_extract_csv_writer_defuses_text_cells():
    buf = io.StringIO()
    w = CsvWriter(buf)
    w.write([_event()])
    row = next(csv.DictReader(io.StringIO(buf.getvalue())))
    assert row["assoc_actor_1"].startswith("'=HYPERLINK")
    assert row["notes"].startswith("'@SUM") and row["source"] == "'+Radio Omega"
    assert row["longitude"] == "-1.08" and row["location"] == "Kaya"


def test_store_export_rows_defuse_text_cells():
    d = _event().as_dict()
    d["sources"] = [{"url": "https://a.example/1"}]
    row = store_csv_row(d)
    assert row["assoc_actor_1"].startswith("'=HYPERLINK") and row["notes"].startswith("'@SUM")
    assert str(row["longitude"]) == "-1.08"
    assert row["evidence"].startswith("'-- KAYA")  # evidence text is article text too
