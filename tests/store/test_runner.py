"""The store-backed run: idempotent, incremental, respecting analyst decisions; on SQLite and PostgreSQL.

The documents are sentences written for these tests. Extraction runs without
a gazetteer (places stay as the text names them), so the assertions are
about what the run does with claims, not about extraction quality.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from civcas.errors import StoreError
from civcas.extract import ExtractConfig
from civcas.records import DecisionAction, Document, Grade, Incident, Link
from civcas.store import Store, runner

TEXTS = {
    "doc-1": (
        "Coalition warplanes struck a residential building in Hajin on Sunday, killing at least 14 civilians, "
        "local activists said.",
        date(2017, 3, 14),
        "Demo Wire",
    ),
    "doc-2": (
        "An airstrike by the US-led coalition on Hajin killed 16 civilians on Sunday, a medical source said.",
        date(2017, 3, 13),
        "Example Daily",
    ),
    "doc-3": (
        "Russian warplanes bombed a market in Ariha on Friday, killing 21 people, rescue workers said.",
        date(2017, 5, 20),
        "Demo Wire",
    ),
}
DOCS = {k: Document(id=k, text=t, published=p, outlet=o, source=f"{k}.txt") for k, (t, p, o) in TEXTS.items()}
CONFIG = ExtractConfig()  # no gazetteer: fast, and the same wherever the tests run


def _store(url: str) -> Store:
    store = Store.open(url)
    store.upgrade()
    return store


def _partition(store: Store) -> set[frozenset[str]]:
    return {frozenset(i.claim_ids) for i in store.incidents()}


def test_runner_second_identical_run_changes_nothing(db_url: str) -> None:
    docs = list(DOCS.values())
    with _store(db_url) as store:
        first = runner.run(store, docs, config=CONFIG)
        assert first.processed and first.extracted == ("doc-1", "doc-2", "doc-3")
        assert first.changes.inserted["claims"] >= 3 and first.changes.inserted["incidents"] >= 2
        counts, rows = store.counts(), store.dump(exclude=["runs"])
        second = runner.run(store, docs, config=CONFIG)
        assert not second.processed and second.extracted == () and second.changed == 0
        assert store.dump(exclude=["runs"]) == rows
        assert store.counts() == {**counts, "runs": counts["runs"] + 1}  # the run itself is recorded
        assert store.runs()[0].counts["rows_changed"] == 0


def test_runner_new_documents_alone_are_extracted_and_join_stored_incidents(db_url: str, tmp_path: Path) -> None:
    with _store(db_url) as incremental, _store(f"sqlite:///{tmp_path / 'oneshot.db'}") as oneshot:
        runner.run(incremental, [DOCS["doc-1"], DOCS["doc-3"]], config=CONFIG)
        stored = {c.id: c for c in incremental.claims()}
        report = runner.run(incremental, list(DOCS.values()), config=CONFIG)
        assert report.extracted == ("doc-2",)
        assert report.changes.unchanged["claims"] == len(stored)
        runner.run(oneshot, list(DOCS.values()), config=CONFIG)
        # Fed in two runs or one, the claims make the same incidents with the same links.
        assert _partition(incremental) == _partition(oneshot)
        hajin = [i for i in incremental.incidents() if any(c.startswith("doc-2") for c in i.claim_ids)]
        assert len(hajin) == 1 and {c.split(":")[0] for c in hajin[0].claim_ids} == {"doc-1", "doc-2"}
        assert [i.links for i in incremental.incidents()] == [i.links for i in oneshot.incidents()]


def test_runner_changed_document_replaces_its_claims(db_url: str) -> None:
    with _store(db_url) as store:
        runner.run(store, list(DOCS.values()), config=CONFIG)
        others = [c for c in store.claims() if c.doc_id != "doc-3"]
        edited = replace(DOCS["doc-3"], text="Rescue workers said 23 people were killed. " + DOCS["doc-3"].text)
        report = runner.run(store, [edited], config=CONFIG)
        assert report.extracted == ("doc-3",)
        assert report.documents.as_dict()["updated"] == {"documents": 1}
        new = store.claims(doc_ids=["doc-3"])
        assert new and all(c.killed is None or c.killed.value in (21, 23) for c in new)
        for c in new:  # every span points into the new text: no claim of the old text survived
            for e in c.evidence:
                e.span.check(edited.text, c.id)
        assert [c for c in store.claims() if c.doc_id != "doc-3"] == others
        assert report.changes.changed > 0


def test_runner_analyst_decision_is_applied_and_survives_reruns(db_url: str) -> None:
    from civcas.records import Decision

    with _store(db_url) as store:
        runner.run(store, list(DOCS.values()), config=CONFIG)
        ariha = next(i for i in store.incidents() if any(c.startswith("doc-3") for c in i.claim_ids))
        assert store.assessment(ariha.id).grade is not Grade.DISCOUNTED  # type: ignore[union-attr]
        store.record_decision(
            Decision(
                DecisionAction.DISCOUNT,
                incident_ids=(ariha.id,),
                reason="fighters, not civilians",
                actor="tester",
                at="2024-05-01T10:00:00+00:00",
            )
        )
        applied = runner.run(store, [], config=CONFIG)
        assert applied.processed and applied.extracted == ()
        assert store.assessment(ariha.id).grade is Grade.DISCOUNTED  # type: ignore[union-attr]
        assert [d.action for d in store.incident(ariha.id).review] == [DecisionAction.DISCOUNT]  # type: ignore[union-attr]
        rows = store.dump(exclude=["runs"])
        again = runner.run(store, list(DOCS.values()), config=CONFIG)
        assert again.changed == 0 and store.dump(exclude=["runs"]) == rows


def test_runner_dry_run_rolls_everything_back(db_url: str) -> None:
    with _store(db_url) as store:
        before = store.dump()
        report = runner.run(store, list(DOCS.values()), config=CONFIG, commit=False)
        assert report.changes.inserted["claims"] >= 3 and not report.committed
        assert store.dump() == before


def test_runner_ingest_stores_documents_for_a_later_run(db_url: str) -> None:
    with _store(db_url) as store:
        report = runner.ingest(store, list(DOCS.values()))
        assert report.pending == 3 and store.counts()["claims"] == 0
        run = runner.run(store, [], config=CONFIG)
        assert run.extracted == ("doc-1", "doc-2", "doc-3") and store.pending_documents() == []


def test_runner_marks_wire_copies_against_stored_documents(db_url: str) -> None:
    copy = replace(DOCS["doc-1"], id="doc-1-copy", outlet="Copying Wire")
    with _store(db_url) as store:
        runner.run(store, [DOCS["doc-1"]], config=CONFIG)
        runner.run(store, [copy], config=CONFIG)
        assert store.document("doc-1-copy").duplicate_of == "doc-1"  # type: ignore[union-attr]


def test_runner_needs_the_schema(tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path}/empty.db") as store, pytest.raises(StoreError, match="db upgrade"):
        runner.run(store, [DOCS["doc-1"]], config=CONFIG)


def test_runner_keep_scored_links_prefers_the_stored_scored_link() -> None:
    scored = Link("a", "b", 7.5, 0.99, ("prior -6.5", "place: the same place (+4.1)"))
    fallback = Link("a", "c", 0.0, 1.0, ("same document: another claimant's statement about the same event",))
    weaker = Link("a", "c", 2.0, 0.8, ("prior -6.5",))
    stored = {"inc": Incident("inc", ("a", "b", "c"), links=(scored,))}
    kept = runner.keep_scored_links([Incident("inc", ("a", "b", "c"), links=(fallback,))], stored)
    assert kept[0].links == (scored,)
    kept = runner.keep_scored_links([Incident("inc", ("a", "b", "c"), links=(weaker,))], stored)
    assert kept[0].links == (scored,)
    gone = runner.keep_scored_links([Incident("inc", ("a", "c"), links=(fallback,))], stored)
    assert gone[0].links == (fallback,)  # b left the incident: its link cannot explain a any more
