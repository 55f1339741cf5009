"""docs/cli.md is the real ``--help`` of every command: this fails when a command changed and it did not."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_reference_docs_cli_md_is_current() -> None:
    script = ROOT / "scripts" / "cli_reference.py"
    out = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr.strip().splitlines()[-1] if out.stderr.strip() else out.stdout


def test_reference_documents_every_command() -> None:
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for command in ("run", "ingest", "incidents", "incidents merge", "show", "db upgrade", "claims", "report"):
        assert f"## `civcas {command}`" in text
