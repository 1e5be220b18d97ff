"""Packaged knowledge files (under ``eventwire/data``), loaded once per process."""

from __future__ import annotations

import csv
import functools
import io
import json
from importlib import resources
from typing import Any

import yaml


def data_text(name: str) -> str:
    """The text of a packaged data file, e.g. ``data_text("triggers.yaml")``."""
    return resources.files("eventwire").joinpath("data", name).read_text(encoding="utf-8")


def data_path(name: str):
    """A Traversable for a packaged data file (use ``as_file`` for a real path)."""
    return resources.files("eventwire").joinpath("data", name)


@functools.cache
def load_yaml(name: str) -> Any:
    return yaml.safe_load(data_text(name))


@functools.cache
def load_json(name: str) -> Any:
    return json.loads(data_text(name))


@functools.cache
def load_csv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a packaged CSV (lines starting with '#' are comments)."""
    lines = [ln for ln in data_text(name).splitlines() if not ln.lstrip().startswith("#")]
    return tuple(csv.DictReader(io.StringIO("\n".join(lines))))
