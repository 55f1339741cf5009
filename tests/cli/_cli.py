"""Run the ``civcas`` console entry point in-process and capture what it prints and its exit status."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "demo.jsonl"


@dataclass(frozen=True)
class Result:
    code: int
    stdout: str
    stderr: str


def civcas(capsys: pytest.CaptureFixture[str], *args: str) -> Result:
    """``civcas ARGS...`` through :func:`civcas.cli.main`: error handling and exit codes as a user sees them."""
    from civcas.cli import main

    capsys.readouterr()
    saved = sys.argv
    sys.argv = ["civcas", *args]
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    finally:
        sys.argv = saved
    out, err = capsys.readouterr()
    return Result(code, out, err)
