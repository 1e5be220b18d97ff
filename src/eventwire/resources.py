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


class _UniqueKeyLoader(yaml.SafeLoader):
    """A safe loader that refuses a key given twice in one mapping: in a knowledge file the second
    would silently replace the first (two cues of one name, two rules of one type)."""


def _unique_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: set = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"key {key!r} given twice in one mapping", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)


@functools.cache
def load_yaml(name: str) -> Any:
    return yaml.load(data_text(name), Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass


@functools.cache
def load_json(name: str) -> Any:
    return json.loads(data_text(name))


@functools.cache
def load_csv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a packaged CSV (lines starting with '#' are comments)."""
    lines = [ln for ln in data_text(name).splitlines() if not ln.lstrip().startswith("#")]
    return tuple(csv.DictReader(io.StringIO("\n".join(lines))))
