"""Quality gate: the reference scorers on the seed and dev sets must stay above pinned floors.

Floors live in ``tests/quality_floors.json`` with the sha256 of each set's documents and gold, so a
floor is only compared on the corpus it was measured on. ``pytest --update-floors`` raises floors to
what was just measured (less a small margin); it never lowers one. Lowering a floor is a hand edit of
the JSON, reviewed like code. Ceilings (``max_*``) bound error rates from above.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from civcas import pipeline
from civcas.ingest.jsonl import read_jsonl

FLOORS = Path(__file__).resolve().parent / "quality_floors.json"
MARGIN = 0.02
SETS = {
    "seeds": ("corpus/seeds.jsonl", "eval/seeds.gold.jsonl"),
    "airwars_en": ("eval/dev/airwars_en.docs.jsonl", "eval/dev/airwars_en.gold.jsonl"),
    "pitf": ("eval/dev/pitf.docs.jsonl", "eval/dev/pitf.gold.jsonl"),
    "airwars_ar": ("eval/dev/airwars_ar.docs.jsonl", "eval/dev/airwars_ar.gold.jsonl"),
}


def _module(path: Path, name: str) -> ModuleType:
    sys.path.insert(0, str(path.parent))
    sys.path.insert(0, str(path.parent.parent))
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _sha(*paths: Path) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(p.read_bytes())
    return h.hexdigest()


def _flatten(prefix: str, value: Any, out: dict[str, float]) -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            _flatten(f"{prefix}.{k}" if prefix else str(k), v, out)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        out[prefix] = float(value)


def measure(name: str, shared: Path, config: Any) -> tuple[str, dict[str, float]]:
    """Run the claims contract on one set and score it with its reference scorer."""
    docs_path, gold_path = (shared / rel for rel in SETS[name])
    docs = list(read_jsonl(docs_path))
    rows = [json.loads(json.dumps(_json(c))) for c in pipeline.claims_for_documents(docs, config=config)]
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if name == "seeds":
        result = _module(shared / "eval" / "score.py", "civcas_ref_score").score(rows, gold)
    else:
        dev = _module(shared / "eval" / "dev" / "score_dev.py", "civcas_ref_score_dev")
        result = (dev.score_airwars if name.startswith("airwars") else dev.score_pitf)(rows, gold)
    flat: dict[str, float] = {}
    _flatten("", result, flat)
    return _sha(docs_path, gold_path), flat


def _json(claim: Any) -> dict[str, Any]:
    from civcas.export.claims import claim_to_json

    return claim_to_json(claim)


@pytest.mark.shared
@pytest.mark.parametrize("name", list(SETS))
def test_quality_gate_floors(name: str, shared_dir: Path, village_config: Any, request: pytest.FixtureRequest) -> None:
    sha, got = measure(name, shared_dir, village_config)
    floors = json.loads(FLOORS.read_text(encoding="utf-8")) if FLOORS.exists() else {}
    pinned = floors.get(name, {})
    if request.config.getoption("--update-floors"):
        metrics = pinned.get("floors", {})
        for key in metrics:
            if not key.startswith("max_") and key in got:
                metrics[key] = max(metrics[key], round(got[key] - MARGIN, 3))
        floors[name] = {"corpus_sha256": sha, "floors": metrics}
        FLOORS.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        pinned = floors[name]
    assert pinned, f"{FLOORS}: no floors for {name!r}; add them by hand (see the module docstring)"
    assert pinned["corpus_sha256"] == sha, (
        f"{name}: the set changed since its floors were pinned; re-measure and re-pin them in {FLOORS}"
    )
    failures = []
    for key, floor in pinned["floors"].items():
        if key.startswith("max_"):
            value = got.get(key[4:])
            if value is None or value > floor:
                failures.append(f"{key[4:]} = {value} above its ceiling {floor}")
        else:
            value = got.get(key)
            if value is None or value < floor:
                failures.append(f"{key} = {value} below its floor {floor}")
    assert not failures, f"{name}: " + "; ".join(failures)
