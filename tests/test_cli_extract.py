"""``eventwire extract`` end to end: formats, and bad input that must not stop a batch."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import run_cli
from eventwire.models import ACLED_COLUMNS

ARTICLE = (
    "Gunmen kill villagers in northern Burkina Faso\n"
    "Reuters\n"
    "Published: Tue 9 Mar 2021 10.00 GMT\n"
    "Armed men killed at least 15 civilians in an attack on the village of Koumbri in northern Burkina Faso on Monday, "
    "local officials said. The attackers also burned the village market, residents said.\n"
)


@pytest.fixture
def batch(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    jl = tmp_path / "batch.jsonl"
    jl.write_text(
        json.dumps({"id": "j1", "text": ARTICLE, "source": "Reuters"}) + "\n" + "oops not json\n"
        + json.dumps({"id": "j3"}) + "\n",
        encoding="utf-8",
    )
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "blob.html").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "broken.html").write_text("<html><body><p>Unclosed <b>tags <div><p>Soldiers clashed with rebels", encoding="utf-8")
    (tmp_path / "latin.txt").write_bytes("Des soldats ont été tués à Ménaka lundi.".encode("latin-1"))
    return tmp_path


def test_batch_with_bad_inputs_keeps_going(batch, tmp_path):
    out = tmp_path / "out.jsonl"
    r = run_cli("extract", str(batch), "-o", str(out))
    err = r.stderr.decode()
    assert r.returncode == 1, err
    lines = [ln for ln in err.splitlines() if ln.startswith("eventwire: skipped")]
    # one line per bad input, each naming the file (and line)
    assert any(f"{batch / 'batch.jsonl'}:2" in ln and "not valid JSON" in ln for ln in lines)
    assert any(f"{batch / 'batch.jsonl'}:3" in ln and "no 'text'" in ln for ln in lines)
    assert any("empty.txt" in ln and "empty file" in ln for ln in lines)
    assert any("blob.html" in ln and "binary" in ln for ln in lines)
    assert len(lines) == 4
    assert "latin.txt: not valid UTF-8" in err
    # output of the good documents is kept
    assert out.exists()
    for line in out.read_text(encoding="utf-8").splitlines():
        json.loads(line)


def test_huge_file_is_truncated_with_a_warning(tmp_path):
    big = tmp_path / "big.txt"
    para = ("Protesters marched through the capital on Friday demanding the release of detained activists. " * 10 + "\n")
    with open(big, "w", encoding="utf-8") as fh:
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(para * 100)
    r = run_cli("extract", str(big), "--model", "blank", "-o", str(tmp_path / "o.jsonl"))
    err = r.stderr.decode()
    assert "big.txt" in err and ("truncated" in err or "ignored" in err)
    assert r.returncode == 0, err


def test_stdin_to_csv_has_acled_columns_first():
    r = run_cli("extract", "-", "--format", "csv", input=ARTICLE.encode())
    assert r.returncode == 0, r.stderr.decode()
    reader = csv.reader(io.StringIO(r.stdout.decode()))
    header = next(reader)
    assert header[: len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)
    assert "evidence" in header and "confidence" in header


def test_geojson_is_a_feature_collection(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    r = run_cli("extract", str(p), "--format", "geojson")
    assert r.returncode == 0, r.stderr.decode()
    fc = json.loads(r.stdout)
    assert fc["type"] == "FeatureCollection" and isinstance(fc["features"], list)
    for f in fc["features"]:
        assert f["type"] == "Feature" and "event_type" in f["properties"]


def test_missing_input_is_reported(tmp_path):
    r = run_cli("extract", str(tmp_path / "missing.txt"))
    assert r.returncode == 1 and "missing.txt" in r.stderr.decode() and "no such file" in r.stderr.decode()


def test_bad_published_option_is_a_usage_error(tmp_path):
    r = run_cli("extract", "-", "--published", "yesterday-ish nonsense", input=b"text")
    assert r.returncode == 2 and "published" in r.stderr.decode()
