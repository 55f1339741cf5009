"""``civcas claims`` writes the claim shape of ../shared/eval/README.md, and every span points at its text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from civcas.ingest.jsonl import read_jsonl

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def seed_claims(shared_dir: Path, village_gazetteer_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("claims") / "seeds.claims.jsonl"
    env = {**os.environ, "CIVCAS_HOME": str(village_gazetteer_home)}
    cli = Path(sys.executable).parent / "civcas"
    subprocess.run(
        [str(cli), "--quiet", "claims", str(shared_dir / "corpus" / "seeds.jsonl"), "-o", str(out)], check=True, env=env
    )
    return out


def test_claims_contract_validates_against_the_schema(seed_claims: Path, shared_dir: Path) -> None:
    schema = json.loads((shared_dir / "eval" / "claim.schema.json").read_text(encoding="utf-8"))
    rows = [json.loads(line) for line in seed_claims.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert rows, "the seed corpus yields claims"
    for row in rows:
        jsonschema.validate(row, schema)
    assert len({r["id"] for r in rows}) == len(rows)


def test_claims_contract_spans_point_into_documents(seed_claims: Path, shared_dir: Path) -> None:
    docs = {d.id: d for d in read_jsonl(shared_dir / "corpus" / "seeds.jsonl")}
    for line in seed_claims.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        text = docs[row["doc"]].text
        assert row["quote"] in text
        for ev in row["evidence"]:
            assert 0 <= ev["start"] <= ev["end"] <= len(text)


def test_claims_contract_is_deterministic(
    seed_claims: Path, shared_dir: Path, village_gazetteer_home: Path, tmp_path: Path
) -> None:
    again = tmp_path / "again.jsonl"
    env = {**os.environ, "CIVCAS_HOME": str(village_gazetteer_home)}
    cli = Path(sys.executable).parent / "civcas"
    subprocess.run(
        [str(cli), "--quiet", "claims", str(shared_dir / "corpus" / "seeds.jsonl"), "-o", str(again)],
        check=True,
        env=env,
    )
    assert again.read_text(encoding="utf-8") == seed_claims.read_text(encoding="utf-8")
