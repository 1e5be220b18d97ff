"""The benchmark harness (benchmarks/run.py) and its HRDsAttack corpus converter."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCH))

import hrdsattack  # noqa: E402
import run as bench  # noqa: E402


def test_paragraphs_become_plain_text():
    html_text = ("<p>ISTANBUL</p> <p>Seven people were <b>arrested</b> in Istanbul&#8217;s Be&#351;ikta&#351; "
                 "district, police said.</p><p>  </p><p class='x'>No further details\nwere given &amp; "
                 "none was expected.</p>")
    assert hrdsattack.paragraphs(html_text) == [
        "ISTANBUL",
        "Seven people were arrested in Istanbul’s Beşiktaş district, police said.",
        "No further details were given & none was expected.",
    ]
    assert hrdsattack.paragraphs("no markup at all") == ["no markup at all"]


def test_records_carry_id_date_title_and_skip_empty_articles(tmp_path):
    src = tmp_path / "dev.json"
    src.write_text(json.dumps([
        {"sample": {"Input.GLOBALEVENTID": 907181142, "Input.title": "Arrests in Istanbul",
                    "Input.publish_date": "2020-02-20 05:00:00",
                    "Input.article_interface": "<p>Police arrested seven people.</p><p>They were charged.</p>"}},
        {"sample": {"Input.GLOBALEVENTID": 5, "Input.article_interface": "<p> </p>"}},
    ]), encoding="utf-8")
    dest = tmp_path / "out.jsonl"
    assert hrdsattack.write_jsonl(src, dest) == 1
    rec = json.loads(dest.read_text(encoding="utf-8"))
    assert rec == {"id": "hrds-907181142", "text": "Police arrested seven people.\n\nThey were charged.",
                   "title": "Arrests in Istanbul", "published": "2020-02-20", "source": "HRDsAttack"}


def test_report_section_is_replaced_and_history_grows(tmp_path):
    out = tmp_path / "performance.md"
    out.write_text("# Performance\n\n## Store\n\nStore figures written by someone else.\n", encoding="utf-8")
    bench.write_report(out, "### Latest run (A)\n\nfirst", "| 2026-01-01 00:00 UTC | a | cpu | 1 |")
    bench.write_report(out, "### Latest run (B)\n\nsecond", "| 2026-01-02 00:00 UTC | b | cpu | 2 |")
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Performance\n\n## Store\n\nStore figures written by someone else.\n")
    assert text.count(bench.BEGIN) == 1 and text.count(bench.END) == 1
    assert "Latest run (B)" in text and "Latest run (A)" not in text
    assert text.index("| 2026-01-01 00:00 UTC") < text.index("| 2026-01-02 00:00 UTC")
    out.write_text(text + "\n## Later section\n\nkept\n", encoding="utf-8")
    bench.write_report(out, "### Latest run (C)", "| 2026-01-03 00:00 UTC | c | cpu | 3 |")
    text = out.read_text(encoding="utf-8")
    assert text.endswith("## Later section\n\nkept\n") and text.count("| 2026-01-0") == 3


def test_percentiles():
    assert bench._pct([], 0.5) == 0.0
    assert bench._pct([3.0, 1.0, 2.0], 0.5) == 2.0
    assert bench._pct([float(i) for i in range(1, 101)], 0.95) == pytest.approx(95.05)


def test_without_data_the_benchmark_says_so_and_succeeds(tmp_path):
    out = tmp_path / "perf.md"
    r = subprocess.run([sys.executable, str(BENCH / "run.py"), "--data", str(tmp_path / "none"), "--out", str(out)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0
    assert "benchmark skipped: no corpus" in r.stdout and "--corpus" in r.stdout
    assert not out.exists()
    r = subprocess.run([sys.executable, str(BENCH / "run.py"), "--corpus", str(tmp_path / "missing.jsonl")],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and "does not exist" in r.stdout
