"""State and helpers shared by the command modules (console, progress, options)."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

from rich.console import Console


@dataclass
class _State:
    quiet: bool = False
    debug: bool = False


STATE = _State()
stdout = Console(soft_wrap=True)
stderr = Console(stderr=True)

DEFAULT_DB = "sqlite:///civcas.db"


def database_url(option: str | None) -> str:
    """``--db`` if given, else ``CIVCAS_DATABASE_URL``, else the SQLite file in the working directory."""
    return option or os.environ.get("CIVCAS_DATABASE_URL") or DEFAULT_DB


def show_progress() -> bool:
    """Progress bars only for a person watching: stderr a TTY and not ``--quiet``."""
    return not STATE.quiet and sys.stderr.isatty()


def say(message: str) -> None:
    """A summary line on stderr (stdout carries data), unless ``--quiet``."""
    if not STATE.quiet:
        stderr.print(message, highlight=False)
