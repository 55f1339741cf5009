"""``civcas claims`` (the evaluation contract) and ``civcas evaluate``."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from civcas import pipeline
from civcas.cli import _common, app
from civcas.errors import InputError
from civcas.export.claims import write_claims
from civcas.ingest.jsonl import read_jsonl
from civcas.records import Document


def _read_documents(path: Path) -> list[Document]:
    if not path.exists():
        raise InputError(str(path), "no such file")
    return list(read_jsonl(path))


def _extract(docs: list[Document]) -> list:  # type: ignore[type-arg]
    if not _common.show_progress():
        return pipeline.claims_for_documents(docs)
    from rich.progress import Progress

    with Progress(console=_common.stderr, transient=True) as bar:
        task = bar.add_task("extracting", total=len(docs))
        return pipeline.claims_for_documents(docs, progress=lambda _d: bar.advance(task))


@app.command("claims")
def claims_command(
    documents: Annotated[Path, typer.Argument(help="Documents as JSON Lines (id, text, published, outlet, url).")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write claims here (default: stdout).")] = None,
) -> None:
    """Extract and link claims from DOCUMENTS: no database, no network.

    Writes one claim per line in the shape of ../shared/eval/README.md.

    Example: civcas claims seeds.jsonl -o claims.jsonl
    """
    docs = _read_documents(documents)
    claims = _extract(docs)
    n = write_claims(claims, sys.stdout) if output is None else write_claims(claims, output)
    _common.say(f"{n} claims from {len(docs)} documents" + (f" -> {output}" if output else ""))


@app.command("evaluate")
def evaluate_command(
    gold: Annotated[Path, typer.Argument(help="Gold claims (JSON Lines, one document per line).")],
    docs: Annotated[Path, typer.Option("--docs", help="The documents the gold describes.")],
    scorer: Annotated[
        Path | None, typer.Option("--scorer", help="Reference scorer (default: score.py beside GOLD).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scorer's JSON.")] = False,
) -> None:
    """Run the claims contract on DOCS and score it against GOLD with the reference scorer.

    Example: civcas evaluate ../shared/eval/seeds.gold.jsonl --docs ../shared/corpus/seeds.jsonl
    """
    scorer = scorer or gold.parent / "score.py"
    if not scorer.exists():
        raise InputError(str(scorer), "reference scorer not found; pass --scorer")
    claims = _extract(_read_documents(docs))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "claims.jsonl"
        write_claims(claims, out)
        cmd = [sys.executable, str(scorer), str(out), str(gold)] + (["--json"] if as_json else [])
        result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise InputError(str(scorer), f"scorer failed: {result.stderr.strip()}")
    if as_json:
        typer.echo(json.dumps(json.loads(result.stdout), indent=2))
    else:
        typer.echo(result.stdout.rstrip())
