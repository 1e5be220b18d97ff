"""Reading inputs: every bad input becomes one InputError naming file and line."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest

from eventwire.errors import InputError
from eventwire.ingest import iter_documents, parse_published
from eventwire.models import Document


def _items(paths, **kw):
    return list(iter_documents([str(p) for p in paths], **kw))


def test_jsonl_good_and_bad_lines(tmp_path):
    p = tmp_path / "batch.jsonl"
    p.write_text(
        json.dumps({"id": "a", "text": "Troops clashed with rebels.", "published": "2020-05-01T10:00:00Z"}) + "\n"
        + "{not json\n"
        + "\n"
        + json.dumps({"id": "c", "title": "no text"}) + "\n"
        + json.dumps(["a", "list"]) + "\n"
        + json.dumps({"id": "d", "text": "x", "published": "not a date at all"}) + "\n"
        + json.dumps({"html": "<html><body><p>Police arrested ten protesters in Dhaka on Friday, officials said.</p></body></html>"}) + "\n",
        encoding="utf-8",
    )
    items = _items([p])
    docs = [i for i in items if isinstance(i, Document)]
    errs = [i for i in items if isinstance(i, InputError)]
    assert [d.id for d in docs] == ["a", "batch-7"]
    assert docs[0].published == dt.date(2020, 5, 1) and docs[0].published_from == "field"
    assert docs[0].origin == f"{p}:1"
    assert [e.origin for e in errs] == [f"{p}:2", f"{p}:4", f"{p}:5", f"{p}:6"]
    assert "not valid JSON" in errs[0].message
    assert "no 'text' or 'html'" in errs[1].message
    assert "not a date" in errs[3].message


def test_directory_is_walked_in_order(tmp_path):
    (tmp_path / "b.txt").write_text("Second article text.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First article text.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.html").write_text("<html><body><p>Third article body with enough words to keep.</p></body></html>", encoding="utf-8")
    (tmp_path / "ignore.png").write_bytes(b"\x89PNG\r\n")
    ids = [i.id for i in _items([tmp_path]) if isinstance(i, Document)]
    assert ids == ["a", "b", "c"]


def test_bad_files(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 10)
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Soldats tués à Ménaka.".encode("latin-1"))
    missing = tmp_path / "nope.txt"
    items = _items([empty, binary, latin, missing])
    assert isinstance(items[0], InputError) and "empty" in items[0].message and items[0].origin == str(empty)
    assert isinstance(items[1], InputError) and "binary" in items[1].message
    assert isinstance(items[2], Document) and "\ufffd" in items[2].text
    assert any("not valid UTF-8" in w for w in items[2].warnings)
    assert isinstance(items[3], InputError) and "no such file" in items[3].message


def test_stdin_text_and_jsonl():
    items = list(iter_documents(["-"], stdin=io.BytesIO(b"Rebels attacked a base on Monday.")))
    assert isinstance(items[0], Document) and items[0].text.startswith("Rebels")
    items = list(iter_documents(["-"], stdin=io.BytesIO(b'{"id": "s1", "text": "x y"}\n{"bad"\n')))
    assert items[0].id == "s1" and isinstance(items[1], InputError) and items[1].origin == "<stdin>:2"


@pytest.mark.parametrize("value,expected", [
    ("2019-02-16", dt.date(2019, 2, 16)),
    ("2019-02-16T23:39:00-05:00", dt.date(2019, 2, 16)),
    ("16 February 2019", dt.date(2019, 2, 16)),
    ("", None),
    (None, None),
])
def test_parse_published(value, expected):
    assert parse_published(value) == expected


def test_a_page_without_an_article_is_an_empty_document_for_the_api_and_a_skip_for_the_batch(tmp_path):
    """The library API gives an empty document (no events) for a page with no main text;
    a batch names the file and goes on (the same condition, raised as NoText)."""
    from eventwire.api import make_document
    from eventwire.errors import InputError, NoText
    from eventwire.ingest import document_from_fields

    nav_only = "<html><body><script>var x = 1;</script><style>p { color: red }</style></body></html>"
    doc = make_document(html=nav_only)
    assert doc.text == "" and doc.events == []
    with pytest.raises(NoText, match="no readable main text"):
        document_from_fields({"html": nav_only}, origin="feed.jsonl:3")
    with pytest.raises(NoText, match="no 'text' or 'html'"):
        document_from_fields({"title": "only a title"}, origin="feed.jsonl:4")
    with pytest.raises(InputError, match="not a date"):  # other bad input is not swallowed by the API
        make_document(html="<p>x</p>", published="not a date at all")
