"""Shared fixtures. Tests run offline and need nothing from ../shared."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[1]
EVENTWIRE_BIN = str(Path(sys.executable).with_name("eventwire"))


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def settings():
    from eventwire.settings import Settings

    return Settings()


@pytest.fixture(scope="session")
def blank_settings():
    from eventwire.settings import Settings

    return Settings(model="blank")


def run_cli(*args: str, input: bytes | None = None, env: dict | None = None, cwd=None):
    """Run the installed ``eventwire`` console script; returns CompletedProcess."""
    import subprocess

    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run([EVENTWIRE_BIN, *args], input=input, capture_output=True, env=full_env, cwd=cwd, timeout=600)
