"""The ``eventwire`` command line: thin click commands over the library.

Each module of this package exposes ``commands`` (a list of click commands);
``COMMAND_MODULES`` is the one table of them.
"""

from __future__ import annotations

import importlib

import click

from .. import __version__

COMMAND_MODULES = ("extract", "evaluate", "places", "actors", "store", "serve")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="eventwire")
def main() -> None:
    """eventwire: news reports of conflict and protest -> ACLED-style event records."""
    from ..runtime import tune_gc

    tune_gc()


for _name in COMMAND_MODULES:
    for _cmd in importlib.import_module(f"{__name__}.{_name}").commands:
        main.add_command(_cmd)
