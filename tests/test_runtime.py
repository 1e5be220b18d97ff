"""Process-wide tuning for batch runs (eventwire.runtime): applied by the command line and
workers, not on import; EVENTWIRE_GC=default keeps Python's collector settings."""

from __future__ import annotations

import gc
import subprocess
import sys

from eventwire import runtime


def test_tune_gc_raises_thresholds_and_can_be_declined(monkeypatch):
    before = gc.get_threshold()
    try:
        monkeypatch.setenv("EVENTWIRE_GC", "default")
        assert runtime.tune_gc() is False
        assert gc.get_threshold() == before
        monkeypatch.delenv("EVENTWIRE_GC")
        assert runtime.tune_gc() is True
        assert gc.get_threshold() == runtime.GC_THRESHOLDS
    finally:
        gc.set_threshold(*before)


def test_importing_the_library_changes_nothing():
    code = ("import gc; t = gc.get_threshold(); import eventwire, eventwire.pipeline, eventwire.places; "
            "assert gc.get_threshold() == t, gc.get_threshold()")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_command_line_tunes_the_collector():
    code = ("import gc; from click.testing import CliRunner; from eventwire.cli import main; "
            "r = CliRunner().invoke(main, ['gazetteer', '--help']); assert r.exit_code == 0, r.output; "
            "from eventwire.runtime import GC_THRESHOLDS; assert gc.get_threshold() == GC_THRESHOLDS")
    subprocess.run([sys.executable, "-c", code], check=True)
