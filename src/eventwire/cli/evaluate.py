"""CLI commands (filled in by a later issue)."""

commands: list = []
