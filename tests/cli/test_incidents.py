"""``civcas incidents`` (filters, analyst decisions), ``civcas show`` and ``civcas report`` over a stored demo run."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from _cli import DEMO, civcas

from civcas.store import Store

Capsys = pytest.CaptureFixture[str]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo corpus run once into a SQLite file; each test works on its own copy."""
    import os

    from civcas.extract import ExtractConfig
    from civcas.ingest import read
    from civcas.store import runner

    home = tmp_path_factory.mktemp("home")
    saved = os.environ.get("CIVCAS_HOME")
    os.environ["CIVCAS_HOME"] = str(home)
    try:
        from civcas import gazetteer

        config = ExtractConfig(gazetteer=gazetteer.load(home))
    finally:
        if saved is None:
            os.environ.pop("CIVCAS_HOME", None)
        else:
            os.environ["CIVCAS_HOME"] = saved
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with Store.open(f"sqlite:///{path}") as store:
        store.upgrade()
        runner.run(store, list(read([DEMO])), config=config, actor="tester")
    return path


@pytest.fixture
def db(demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    copy = tmp_path / "civcas.db"
    shutil.copy(demo_db, copy)
    monkeypatch.setenv("CIVCAS_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("CIVCAS_ACTOR", "analyst@example.org")
    return f"sqlite:///{copy}"


def _incidents(capsys: Capsys, db: str, *args: str) -> list[dict[str, object]]:
    out = civcas(capsys, "incidents", *args, "--db", db, "--json")
    assert out.code == 0, out.stderr
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def _by_documents(items: list[dict[str, object]], n: int) -> dict[str, object]:
    (found,) = [i for i in items if i["documents"] == n]
    return found


def test_incidents_table_lists_every_incident(capsys: Capsys, db: str) -> None:
    out = civcas(capsys, "incidents", "--db", db)
    assert out.code == 0
    for column in ("incident", "date", "place", "belligerents", "killed per claimant", "grade", "sources"):
        assert column in out.stdout
    with Store.open(db) as store:
        for inc in store.incidents():
            assert inc.id in out.stdout


def _incident_of(db: str, doc_id: str) -> str:
    with Store.open(db) as store:
        (iid,) = {c.incident for c in store.claims(doc_ids=[doc_id]) if c.incident}
        return iid


@pytest.mark.parametrize(
    ("args", "docs"),
    [
        (("--place", "hajin"), {"demo-001"}),  # the gazetteer spells it Hajīn
        (("--place", "Idlib"), {"demo-005"}),
        (("--place", "IQ"), {"demo-004"}),
        (("--belligerent", "Russia"), {"demo-005"}),
        (("--since", "2017-05-01"), {"demo-005"}),
        (("--until", "2017-03-31"), {"demo-001"}),
        (("--grade", "contested", "--belligerent", "coalition", "--place", "Deir ez-Zor"), {"demo-001"}),
        (("--place", "Aleppo"), set()),
    ],
)
def test_incidents_filters(capsys: Capsys, db: str, args: tuple[str, ...], docs: set[str]) -> None:
    assert {i["id"] for i in _incidents(capsys, db, *args)} == {_incident_of(db, d) for d in docs}


def test_incidents_bad_filter_is_a_usage_error(capsys: Capsys, db: str) -> None:
    out = civcas(capsys, "incidents", "--since", "last week", "--db", db)
    assert out.code == 2 and "expected YYYY-MM-DD" in out.stderr


def test_incidents_show_puts_every_claim_side_by_side(capsys: Capsys, db: str) -> None:
    hajin = _by_documents(_incidents(capsys, db), 3)
    out = civcas(capsys, "show", str(hajin["id"])[:8], "--db", db, "--explain")
    assert out.code == 0, out.stderr
    assert f"Incident {hajin['id']}" in out.stdout and "contested" in out.stdout
    assert "Grade reasons:" in out.stdout and "Quotes:" in out.stdout
    with Store.open(db) as store:
        claims = store.claims(incident_id=str(hajin["id"]))
    assert len(claims) >= 3
    for c in claims:
        assert c.claimant in out.stdout
    assert "Why these claims are one incident:" in out.stdout and "joined via" in out.stdout
    body = json.loads(civcas(capsys, "show", str(hajin["id"]), "--db", db, "--json", "--explain").stdout)
    assert {c["doc"] for c in body["claims"]} == {"demo-001", "demo-002", "demo-003"}
    assert all(c["quote"] and c["outlet"].endswith("(fictional)") for c in body["claims"])
    assert body["explain"][0].startswith(f"incident {hajin['id']}")
    assert body["links"] and all(k["reasons"] for k in body["links"])


def test_incidents_show_unknown_incident_is_one_line(capsys: Capsys, db: str) -> None:
    out = civcas(capsys, "show", "inc-nothere", "--db", db)
    assert out.code == 1 and out.stderr.count("\n") == 1 and "not in the store" in out.stderr
    out = civcas(capsys, "show", "inc-", "--db", db)
    assert out.code == 1 and "give more" in out.stderr


def test_incidents_merge_is_recorded_applied_and_kept_by_later_runs(capsys: Capsys, db: str) -> None:
    items = _incidents(capsys, db)
    hajin, mosul = _incident_of(db, "demo-001"), _incident_of(db, "demo-004")
    out = civcas(capsys, "incidents", "merge", str(hajin), str(mosul), "--reason", "one raid, misplaced", "--db", db)
    assert out.code == 0, out.stderr
    assert "merge recorded by analyst@example.org" in out.stderr
    after = _incidents(capsys, db)
    assert len(after) == len(items) - 1
    merged = next(i for i in after if i["id"] == hajin)
    assert merged["documents"] == 4 and merged["review"][0]["action"] == "merge"  # type: ignore[index]
    with Store.open(db) as store:
        rows = store.dump(exclude=["runs"])
        (d,) = store.decisions()
        assert (d.action, d.incident_ids, d.reason, d.actor) == (
            "merge",
            (hajin, mosul),
            "one raid, misplaced",
            "analyst@example.org",
        )
    rerun = civcas(capsys, "run", str(DEMO), "--db", db)
    assert rerun.code == 0 and "0 rows changed" in rerun.stderr
    with Store.open(db) as store:
        assert store.dump(exclude=["runs"]) == rows


def test_incidents_discount_then_restore(capsys: Capsys, db: str) -> None:
    ariha = next(i for i in _incidents(capsys, db) if i["id"] == _incident_of(db, "demo-005"))
    out = civcas(capsys, "incidents", "discount", str(ariha["id"]), "--reason", "fighters, per follow-up", "--db", db)
    assert out.code == 0, out.stderr
    assert next(i for i in _incidents(capsys, db) if i["id"] == ariha["id"])["grade"] == "discounted"
    assert _incidents(capsys, db, "--grade", "discounted")[0]["id"] == ariha["id"]
    out = civcas(capsys, "incidents", "restore", str(ariha["id"]), "--reason", "civilians after all", "--db", db)
    assert out.code == 0
    assert next(i for i in _incidents(capsys, db) if i["id"] == ariha["id"])["grade"] == ariha["grade"]


def test_incidents_split_and_move_claim(capsys: Capsys, db: str) -> None:
    hajin = _by_documents(_incidents(capsys, db), 3)
    with Store.open(db) as store:
        denial = next(c for c in store.claims(incident_id=str(hajin["id"])) if c.doc_id == "demo-003")
    out = civcas(
        capsys, "incidents", "split", str(hajin["id"]), denial.id, "--reason", "another day", "--db", db, "--json"
    )
    assert out.code == 0, out.stderr
    with Store.open(db) as store:
        moved = store.claims(ids=[denial.id])[0]
        assert moved.incident not in (None, hajin["id"])
        assert denial.id not in store.incident(str(hajin["id"])).claim_ids  # type: ignore[union-attr]
    out = civcas(
        capsys, "incidents", "move-claim", denial.id, "--to", str(hajin["id"]), "--reason", "same raid", "--db", db
    )
    assert out.code == 0, out.stderr
    with Store.open(db) as store:
        assert store.claims(ids=[denial.id])[0].incident == hajin["id"]


def test_incidents_decisions_need_a_reason_and_known_records(capsys: Capsys, db: str) -> None:
    hajin = _by_documents(_incidents(capsys, db), 3)
    out = civcas(capsys, "incidents", "discount", str(hajin["id"]), "--db", db)
    assert out.code == 2 and "--reason" in out.stderr
    out = civcas(capsys, "incidents", "discount", str(hajin["id"]), "--reason", "  ", "--db", db)
    assert out.code == 2 and "every analyst decision records why" in out.stderr
    out = civcas(
        capsys, "incidents", "move-claim", "no-such-claim", "--to", str(hajin["id"]), "--reason", "x", "--db", db
    )
    assert out.code == 1 and "claim no-such-claim: not in the store" in out.stderr
    with Store.open(db) as store:
        assert store.decisions() == []


def test_incidents_decision_dry_run_records_nothing(capsys: Capsys, db: str) -> None:
    hajin = _by_documents(_incidents(capsys, db), 3)
    with Store.open(db) as store:
        before = store.dump()
    out = civcas(
        capsys, "incidents", "discount", str(hajin["id"]), "--reason", "test", "--db", db, "--dry-run", "--json"
    )
    assert out.code == 0 and json.loads(out.stdout)["incidents"][0]["grade"] == "discounted"
    with Store.open(db) as store:
        assert store.dump() == before


def test_incidents_report_reads_the_store(capsys: Capsys, db: str) -> None:
    out = civcas(capsys, "report", "--db", db)
    assert out.code == 0, out.stderr
    assert "belligerent" in out.stdout and "admissions" in out.stdout
