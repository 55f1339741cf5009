"""End to end: the seed corpus of ../shared through the installed ``civcas`` console script, twice.

What ``make run`` does. The documents are read from ../shared at run time
(skipped when it is absent); nothing of them is kept in the repository.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from civcas.store import Store


def _civcas(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CIVCAS_DATABASE_URL"}
    cmd = [str(Path(sys.executable).parent / "civcas"), *args]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=cwd, env=env, check=False, timeout=600)


@pytest.mark.shared
def test_seeds_run_twice_stores_everything_once(shared_dir: Path, db_url: str, tmp_path: Path) -> None:
    seeds = shared_dir / "corpus" / "seeds.jsonl"
    first = _civcas("run", str(seeds), "--db", db_url, "--json", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    body = json.loads(first.stdout)
    n_docs = sum(1 for line in seeds.read_text(encoding="utf-8").splitlines() if line.strip())
    assert body["run"]["documents"]["inserted"] == {"documents": n_docs}
    assert body["run"]["claims_extracted"] > 0 and body["incidents"]
    assert all(i["grade"] and i["claims"] >= 1 for i in body["incidents"])
    with Store.open(db_url) as store:
        rows = store.dump(exclude=["runs"])
        claims = store.claims()
        docs = {d.id: d for d in store.documents()}
    for c in claims:  # every stored span still points at its characters
        for e in c.evidence:
            e.span.check(docs[c.doc_id].text, c.id)
    second = _civcas("run", str(seeds), "--db", db_url, "--json", cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    again = json.loads(second.stdout)
    assert again["run"]["rows_changed"] == 0 and again["run"]["extracted_documents"] == 0
    assert again["incidents"] == body["incidents"]
    with Store.open(db_url) as store:
        assert store.dump(exclude=["runs"]) == rows
