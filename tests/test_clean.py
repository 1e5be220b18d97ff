"""Cleaning: furniture removed, metadata kept, offsets mapped back."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire import clean
from eventwire.api import make_document
from eventwire.models import Document
from eventwire.settings import Settings


def _clean(text: str, **kw) -> Document:
    doc = Document(id="t", text=text, **kw)
    return clean.run(doc, Settings())


def test_furniture_article_drops_caption_teaser_and_close(fixtures):
    doc = _clean((fixtures / "furniture_article.txt").read_text(encoding="utf-8"))
    assert doc.title == "Rebels seize town in eastern Congo after two days of fighting"
    assert doc.source == "AFP"
    assert doc.published == dt.date(2022, 11, 7)
    assert doc.published_from == "text"
    assert "Photograph" not in doc.clean
    assert "Kenyan court" not in doc.clean  # teaser headline of another story
    assert "Read more" not in doc.clean
    assert "Share this article" not in doc.clean and "Close" not in doc.clean
    assert doc.clean.startswith("M23 rebels seized the town of Kiwanja")
    assert "The army said its troops had withdrawn" in doc.clean
    reasons = {r for _, _, r in doc.dropped}
    assert {"headline", "caption", "teaser headline", "teaser marker", "page furniture", "date line"} <= reasons


def test_segments_map_every_clean_char_back(fixtures):
    doc = _clean((fixtures / "furniture_article.txt").read_text(encoding="utf-8"))
    for cs, ts, ln in doc.segments:
        assert doc.clean[cs:cs + ln] == doc.text[ts:ts + ln]
    i = doc.clean.index("Kiwanja")
    ev = doc.evidence(i, i + len("Kiwanja"))
    assert ev.text == "Kiwanja" and doc.text[ev.start:ev.end] == "Kiwanja"


def test_teaser_headline_after_marker_and_inline_teaser():
    text = (
        "Police fired tear gas at protesters in Khartoum on Monday, witnesses said.\n"
        "READ MORE\n"
        "Ethiopia and Eritrea sign border accord\n"
        "Read more: Sudan's generals agree to talks in Jeddah\n"
        "At least three protesters were wounded, a doctors' committee said.\n"
    )
    doc = _clean(text)
    assert "Ethiopia and Eritrea" not in doc.clean
    assert "Jeddah" not in doc.clean
    assert "Police fired tear gas" in doc.clean and "doctors' committee" in doc.clean


def test_body_sentence_is_never_a_teaser_headline():
    # the line before "Read more" ends with a full stop: it is story text, not a teaser title
    text = "Gunmen killed two farmers in Benue on Sunday, police said.\nRead more\nMore text follows here."
    doc = _clean(text)
    assert "Gunmen killed two farmers" in doc.clean


def test_byline_and_agency_dateline():
    text = (
        "By AHMED SAID, Associated Press\n"
        "MOGADISHU, Somalia (AP) — A suicide bomber struck a checkpoint in Mogadishu on Tuesday.\n"
        "Police said six people died.\n"
    )
    doc = _clean(text)
    assert doc.source == "Associated Press"
    assert doc.clean.startswith("A suicide bomber struck")
    assert doc.meta["dateline"] == "Mogadishu"
    i = doc.clean.index("suicide")
    assert doc.text[doc.evidence(i, i + 7).start:][:7] == "suicide"


def test_given_metadata_is_not_overwritten():
    text = "Headline about something here\nAssociated Press\nLast modified on Sat 16 Feb 2019 23.39 EST\nBody text one. More.\nBody two."
    doc = _clean(text, title="Given", source="Given source", published=dt.date(2020, 1, 1))
    assert doc.title == "Given" and doc.source == "Given source" and doc.published == dt.date(2020, 1, 1)


def test_single_line_snippet_is_kept_whole():
    doc = _clean("Troops clashed with rebels near Goma on Friday")
    assert doc.clean == "Troops clashed with rebels near Goma on Friday"
    assert doc.title == ""


def test_html_page_metadata_and_main_text(fixtures):
    doc = make_document(html=(fixtures / "page_article.html").read_text(encoding="utf-8"))
    assert doc.published == dt.date(2022, 8, 28)
    assert "rival militias" in doc.title
    clean.run(doc, Settings())
    assert "Heavy fighting broke out on Saturday" in doc.clean
    assert "cookies" not in doc.clean and "window.dataLayer" not in doc.clean
    assert "Egypt court" not in doc.clean  # related-links box
    assert "Photograph" not in doc.clean


@pytest.mark.parametrize("line", ["Last modified on Sat 16 Feb 2019 23.39 EST", "Published: 16 February 2019", "Updated Feb 16, 2019"])
def test_date_lines(line):
    assert clean.parse_date_line(line) == dt.date(2019, 2, 16)


def test_html_with_no_text_is_an_empty_page_not_an_error():
    # lxml answers "Document is empty" for markup without any text ('</0' was found
    # by the property test); that is a page to extract nothing from, not a bad file.
    from eventwire.clean import html_to_text

    for html in ("</0", "<p></p>", "<html><body></body></html>"):
        text, _meta = html_to_text(html, origin="page.html")
        assert text.strip() == ""
