"""Gazetteer files of other data versions in a shared cache folder are pruned, not all deleted.

Two installs with different place data (an upgrade beside an old virtualenv, two
branches of a checkout) may share the user cache. Deleting every other version on
each build made them rebuild each other's gazetteer (half a minute each) in turn.
"""

from __future__ import annotations

import os

from eventwire.places.gazetteer import KEEP_OTHER_BUILDS, _prune_old_builds, _touch


def _file(folder, name, mtime):
    p = folder / name
    p.write_bytes(b"x")
    os.utime(p, (mtime, mtime))
    return p


def test_keeps_the_most_recently_used_other_builds(tmp_path):
    current = _file(tmp_path, "gazetteer-v7-aaaaaaaa.sqlite", 5_000)
    others = [_file(tmp_path, f"gazetteer-v{v}-{h}.sqlite", t)
              for v, h, t in ((7, "bbbbbbbb", 4_000), (6, "cccccccc", 3_000), (7, "dddddddd", 2_000), (5, "eeeeeeee", 1_000))]
    unrelated = _file(tmp_path, "notes.sqlite", 10)
    user_copy = _file(tmp_path, "gazetteer-v7-backup.sqlite", 10)  # not one of ours by name: left alone
    _prune_old_builds(current)
    left = {p.name for p in tmp_path.iterdir()}
    assert current.name in left and unrelated.name in left and user_copy.name in left
    assert {p.name for p in others[:KEEP_OTHER_BUILDS]} <= left
    assert not ({p.name for p in others[KEEP_OTHER_BUILDS:]} & left)


def test_using_a_build_makes_it_the_newest(tmp_path):
    old = _file(tmp_path, "gazetteer-v7-bbbbbbbb.sqlite", 1_000)
    _touch(old)
    assert old.stat().st_mtime > 1_000
