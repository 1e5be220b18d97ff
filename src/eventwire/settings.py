"""One settings object: packaged defaults, then a user file, then arguments."""

from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


def _default_cache_dir() -> Path:
    env = os.environ.get("EVENTWIRE_CACHE")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("eventwire"))


def _default_data_dir() -> Path:
    env = os.environ.get("EVENTWIRE_HOME")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("eventwire"))


@dataclass(slots=True)
class Settings:
    """Options every stage may read. Build once, pass everywhere."""

    # nlp: "auto" -> official en_core_web_sm, else the packaged re-upload,
    # else a blank English pipeline with rules (degraded). "blank" forces that.
    model: str = "auto"
    cache_dir: Path = field(default_factory=_default_cache_dir)
    data_dir: Path = field(default_factory=_default_data_dir)
    gazetteer_path: Path | None = None  # default: cache_dir / "gazetteer-<v>.sqlite"
    min_confidence: float = 0.0  # events below are dropped
    max_chars: int = 200_000  # longer texts are truncated (with a warning)
    default_source: str = ""
    # nlp: where the spaCy model runs (see eventwire.nlp): "events" -> parse and
    # entities only in sentences the events detector finds an event in (fastest);
    # "candidates" -> entities everywhere, parse where a trigger word is;
    # "entities" -> entities everywhere, no parse; "all" -> everything everywhere.
    # Default from $EVENTWIRE_PARSE_SCOPE.
    parse_scope: str = field(default_factory=lambda: os.environ.get("EVENTWIRE_PARSE_SCOPE", "events"))
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | os.PathLike | None = None, **overrides: Any) -> "Settings":
        """Defaults, then a JSON settings file (``path`` or $EVENTWIRE_SETTINGS), then overrides."""
        values: dict[str, Any] = {}
        path = path or os.environ.get("EVENTWIRE_SETTINGS")
        if path:
            values.update(json.loads(Path(path).read_text(encoding="utf-8")))
        values.update({k: v for k, v in overrides.items() if v is not None})
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = set(values) - names
        if unknown:
            raise ValueError(f"unknown settings: {', '.join(sorted(unknown))}")
        for key in ("cache_dir", "data_dir", "gazetteer_path"):
            if values.get(key) is not None:
                values[key] = Path(values[key])
        return cls(**values)
