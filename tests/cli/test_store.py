"""``civcas run``, ``ingest`` and ``db`` through the console entry point, on SQLite and PostgreSQL.

Bad input: one line on stderr naming file, line and reason, exit 1, and the
store exactly as it was; ``--skip-bad`` reports and goes on.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _cli import DEMO, civcas

from civcas.store import Store
from civcas.store.migrate import head

Capsys = pytest.CaptureFixture[str]


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No loaded gazetteer layers from the machine, no database from the environment, a fixed actor."""
    monkeypatch.setenv("CIVCAS_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("CIVCAS_DATABASE_URL", raising=False)
    monkeypatch.setenv("CIVCAS_ACTOR", "tester")
    monkeypatch.chdir(tmp_path)


def _dump(url: str) -> dict[str, list[dict[str, object]]]:
    with Store.open(url) as store:
        return store.dump(exclude=["runs"])


def test_store_run_twice_changes_nothing(capsys: Capsys, db_url: str) -> None:
    first = civcas(capsys, "run", str(DEMO), "--db", db_url)
    assert first.code == 0, first.stderr
    assert "incident(s)" in first.stdout and "contested" in first.stdout
    assert "6 documents read (6 new, 0 changed, 0 unchanged); 6 extracted" in first.stderr
    rows = _dump(db_url)
    assert len(rows["documents"]) == 6 and rows["claims"] and rows["incidents"]
    second = civcas(capsys, "run", str(DEMO), "--db", db_url)
    assert second.code == 0, second.stderr
    assert "(0 new, 0 changed, 6 unchanged); 0 extracted" in second.stderr and "0 rows changed" in second.stderr
    assert second.stdout == first.stdout  # the same table
    assert _dump(db_url) == rows


def test_store_run_json_reports_counts_and_incidents(capsys: Capsys, db_url: str) -> None:
    out = civcas(capsys, "--quiet", "run", str(DEMO), "--db", db_url, "--json")
    assert out.code == 0 and out.stderr == ""
    body = json.loads(out.stdout)
    assert body["run"]["documents"]["inserted"] == {"documents": 6}
    assert body["run"]["rows_changed"] > 0 and body["dry_run"] is False
    hajin = [i for i in body["incidents"] if i["documents"] == 3]
    assert len(hajin) == 1 and hajin[0]["grade"] == "contested" and hajin[0]["sources"] >= 2


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _demo_lines() -> list[bytes]:
    return DEMO.read_bytes().splitlines(keepends=True)


BAD_INPUTS = {
    "malformed-json-mid-file": (
        "docs.jsonl",
        lambda: b"".join(_demo_lines()[:2]) + b'{"id": "x9", "text": "Jets struck\n' + _demo_lines()[2],
        (),
        "docs.jsonl:3: not valid JSON",
    ),
    "empty-text": (
        "docs.jsonl",
        lambda: _demo_lines()[0] + b'{"id": "x9", "text": "   ", "published": "2017-03-14"}\n',
        (),
        "docs.jsonl:2: record 'x9': text is empty",
    ),
    "unknown-column": (
        "docs.csv",
        lambda: b"id,body,published\nx9,Jets struck Raqqa on Monday killing four civilians.,2017-06-05\n",
        ("--columns", "text=content"),
        "docs.csv:1: column 'content' (mapped to field 'text') is not in the header",
    ),
    "wrong-encoding": (
        "docs.jsonl",
        lambda: _demo_lines()[0] + '{"id": "x9", "text": "Jets struck Mayadin café"}\n'.encode("cp1252"),
        (),
        "docs.jsonl:2: not valid UTF-8",
    ),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_store_bad_input_is_one_line_exit_1_and_the_store_intact(capsys: Capsys, tmp_path: Path, case: str) -> None:
    name, content, options, message = BAD_INPUTS[case]
    url = f"sqlite:///{tmp_path / 'civcas.db'}"
    assert civcas(capsys, "run", str(DEMO), "--db", url).code == 0
    before = _dump(url)
    bad = _write(tmp_path / name, content())
    for verb in ("run", "ingest"):
        out = civcas(capsys, verb, str(bad), *options, "--db", url)
        assert out.code == 1, out
        assert out.stderr.count("\n") == 1, out.stderr
        assert out.stderr.startswith(f"civcas: error: {bad.parent}/") and message in out.stderr
        assert _dump(url) == before


def test_store_skip_bad_reports_the_record_and_keeps_the_rest(capsys: Capsys, tmp_path: Path) -> None:
    _, content, _, _ = BAD_INPUTS["malformed-json-mid-file"]
    bad = _write(tmp_path / "docs.jsonl", content())
    url = f"sqlite:///{tmp_path / 'civcas.db'}"
    out = civcas(capsys, "run", str(bad), "--skip-bad", "--db", url, "--json")
    assert out.code == 0, out.stderr
    assert "skipped" in out.stderr and "docs.jsonl:3: not valid JSON" in out.stderr
    body = json.loads(out.stdout)
    assert body["run"]["skipped"] == [s for s in body["run"]["skipped"] if "docs.jsonl:3" in s] != []
    with Store.open(url) as store:
        assert [d.id for d in store.documents()] == ["demo-001", "demo-002", "demo-003"]
        assert store.runs()[0].counts["skipped"] == body["run"]["skipped"]


def test_store_dry_run_writes_nothing(capsys: Capsys, tmp_path: Path) -> None:
    db = tmp_path / "fresh.db"
    out = civcas(capsys, "run", str(DEMO), "--db", f"sqlite:///{db}", "--dry-run")
    assert out.code == 0, out.stderr
    assert "incident(s)" in out.stdout and "dry run" in out.stderr
    assert not db.exists()
    url = f"sqlite:///{tmp_path / 'civcas.db'}"
    civcas(capsys, "ingest", str(DEMO), "--db", url)
    before = _dump(url)
    out = civcas(capsys, "run", "--db", url, "--dry-run")
    assert out.code == 0 and "6 extracted" in out.stderr
    assert _dump(url) == before


def test_store_ingest_then_run_extracts_what_was_ingested(capsys: Capsys, db_url: str) -> None:
    out = civcas(capsys, "ingest", str(DEMO), "--db", db_url)
    assert out.code == 0 and "6 new" in out.stderr and "6 awaiting extraction" in out.stderr
    out = civcas(capsys, "run", "--db", db_url)
    assert out.code == 0 and "6 extracted" in out.stderr and "incident(s)" in out.stdout
    again = civcas(capsys, "ingest", str(DEMO), "--db", db_url, "--json")
    assert json.loads(again.stdout)["documents"]["unchanged"] == {"documents": 6}
    assert json.loads(again.stdout)["pending"] == 0


def test_store_db_upgrade_then_status(capsys: Capsys, db_url: str) -> None:
    out = civcas(capsys, "db", "upgrade", "--db", db_url)
    assert out.code == 0 and f"migrated empty -> {head()}" in out.stderr
    out = civcas(capsys, "db", "upgrade", "--db", db_url)
    assert out.code == 0 and f"already at {head()}" in out.stderr
    status = json.loads(civcas(capsys, "db", "status", "--db", db_url, "--json").stdout)
    assert status["revision"] == status["head"] == head()
    assert status["rows"]["documents"] == 0 and status["runs"] == []


def test_store_readers_on_an_empty_database_say_how_to_create_it(capsys: Capsys, db_url: str) -> None:
    for args in (("incidents",), ("show", "inc-1"), ("report",)):
        out = civcas(capsys, *args, "--db", db_url)
        assert out.code == 1 and out.stderr.count("\n") == 1, out
        assert "no civcas tables; run `civcas db upgrade`" in out.stderr


def test_store_bad_database_url_is_one_line(capsys: Capsys) -> None:
    out = civcas(capsys, "incidents", "--db", "mysqlx://nowhere/db")
    assert out.code == 1 and out.stderr.count("\n") == 1 and "not a database URL" in out.stderr


def test_store_database_from_the_environment(capsys: Capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CIVCAS_DATABASE_URL", f"sqlite:///{tmp_path / 'env.db'}")
    assert civcas(capsys, "--quiet", "run", str(DEMO)).code == 0
    assert (tmp_path / "env.db").exists() and not (tmp_path / "civcas.db").exists()
    monkeypatch.delenv("CIVCAS_DATABASE_URL")
    assert civcas(capsys, "--quiet", "db", "upgrade").code == 0
    assert (tmp_path / "civcas.db").exists()  # the default: civcas.db in the working directory
