"""The repository on SQLite and on the real PostgreSQL server: one test body, both backends."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from _store_fixtures import TEXTS, claim, decision, document, sample

from civcas.errors import StoreError
from civcas.records import DecisionAction, Grade
from civcas.store import IncidentFilter, Store, load_for_report
from civcas.store.migrate import head


def _open(url: str) -> Store:
    store = Store.open(url)
    store.upgrade()
    return store


def _save_sample(store: Store) -> None:
    docs, claims, incidents, assessments = sample()
    store.save_documents(docs)
    store.save_result(claims, incidents, assessments)


def test_repository_upgrade_creates_the_schema_and_repeats_safely(db_url: str) -> None:
    with Store.open(db_url) as store:
        assert store.revision() is None
        assert store.upgrade() == head()
        assert store.upgrade() == head()
        counts = store.counts()
        assert set(counts) == {
            "documents",
            "claims",
            "evidence",
            "incidents",
            "links",
            "assessments",
            "decisions",
            "runs",
            "audit",
        }
        assert {k: v for k, v in counts.items() if k != "audit"} == dict.fromkeys(counts.keys() - {"audit"}, 0)
        assert [e.action for e in store.audit()] == ["schema.upgraded"]  # the second upgrade did nothing


def test_repository_models_match_the_migrations(db_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from civcas.store.models import Base

    with _open(db_url) as store, store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == [], "models and migrations disagree: write a migration (docs/store.md)"


def test_repository_downgrade_to_base_removes_every_table(db_url: str) -> None:
    from civcas.store import migrate

    with _open(db_url) as store:
        _save_sample(store)
        assert migrate.downgrade(store.engine, "base") is None
        with pytest.raises(StoreError, match="no civcas tables; run `civcas db upgrade`"):
            store.check()


def test_repository_check_says_how_to_create_the_tables(db_url: str) -> None:
    with Store.open(db_url) as store, pytest.raises(StoreError, match=r"civcas db upgrade"):
        store.check()


def test_repository_records_read_back_equal_records_written(db_url: str) -> None:
    docs, claims, incidents, assessments = sample()
    with _open(db_url) as store:
        store.save_documents(docs)
        store.save_result(claims, incidents, assessments)
        assert store.documents() == sorted(docs, key=lambda d: d.id)
        assert store.claims() == sorted(claims, key=lambda c: c.id)
        assert store.claims(incident_id="inc-tukhar") == sorted(claims[:2], key=lambda c: c.id)
        assert store.claims(doc_ids=["doc-c"]) == [claims[2]]
        assert {i.id: i for i in store.incidents()} == {i.id: i for i in incidents}
        assert store.incident("inc-tukhar") == incidents[0]
        assert store.incident("inc-missing") is None
        assert store.assessments() == {a.incident_id: a for a in assessments}
        for c in store.claims():
            doc = store.document(c.doc_id)
            assert doc is not None
            for e in c.evidence:
                e.span.check(doc.text, c.id)


def test_repository_second_identical_write_changes_nothing(db_url: str) -> None:
    docs, claims, incidents, assessments = sample()
    with _open(db_url) as store:
        first = store.save_documents(docs)
        first += store.save_result(claims, incidents, assessments)
        assert first.as_dict()["inserted"] == {
            "documents": 3,
            "claims": 3,
            "evidence": 6,
            "incidents": 2,
            "links": 2,
            "assessments": 2,
        }
        counts, rows = store.counts(), store.dump()
        again = store.save_documents(docs)
        again += store.save_result(claims, incidents, assessments)
        assert again.changed == 0
        assert again.as_dict()["unchanged"] == {"documents": 3, "claims": 3, "incidents": 2, "assessments": 2}
        assert store.counts() == counts
        assert store.dump() == rows  # not even a timestamp moved


def test_repository_changed_values_are_updated_in_place(db_url: str) -> None:
    docs, claims, incidents, assessments = sample()
    with _open(db_url) as store:
        store.save_documents(docs)
        store.save_result(claims, incidents, assessments)
        store.mark_extracted([d.id for d in docs])
        assert store.pending_documents() == []
        edited = replace(docs[0], outlet="Demo Wire (corrected)")
        changes = store.save_documents([edited, docs[1]])
        assert changes.as_dict()["updated"] == {"documents": 1} and changes.as_dict()["unchanged"] == {"documents": 1}
        assert store.pending_documents() == ["doc-a"]  # metadata decides independence: extract again
        regraded = replace(assessments[1], grade=Grade.CONTESTED, reasons=("Russia denies the strike",))
        changes = store.save_result([], [], [regraded])
        assert changes.as_dict()["updated"] == {"assessments": 1}
        assert store.assessment("inc-ariha") == regraded
        audit = store.audit(entity_id="inc-ariha")
        assert audit[0].action == "incident.changed" and audit[0].detail["grade"] == ["weak", "contested"]


def test_repository_replacing_a_document_drops_its_vanished_claims_and_orphan_incidents(db_url: str) -> None:
    docs, claims, incidents, assessments = sample()
    with _open(db_url) as store:
        store.save_documents(docs)
        store.save_result(claims, incidents, assessments)
        kept = [c for c in claims if c.doc_id != "doc-c"]
        changes = store.save_result(kept, incidents[:1], assessments[:1], replace_documents=["doc-c"])
        assert changes.as_dict()["deleted"] == {"claims": 1, "evidence": 2, "incidents": 1, "assessments": 1}
        assert [i.id for i in store.incidents()] == ["inc-tukhar"]
        assert store.assessment("inc-ariha") is None
        assert store.audit(entity_id="inc-ariha")[0].action == "incident.removed"


def test_repository_a_failing_batch_leaves_what_was_stored(db_url: str) -> None:
    docs, claims, incidents, assessments = sample()
    with _open(db_url) as store:
        store.save_documents(docs)
        store.save_result(claims, incidents, assessments)
        before = store.dump()
        orphan = claim("doc-a", 7, killed="at least 56", value=56)
        orphan = replace(orphan, doc_id="doc-not-stored")  # violates the documents foreign key
        newer = replace(claims[0], claimant="local activists")
        with pytest.raises(StoreError, match="cannot write"):
            store.save_result([newer, orphan], incidents, assessments)
        with pytest.raises(RuntimeError), store.transaction():
            store.save_documents([document("doc-d", "Jets struck Raqqa on Monday, killing four civilians.")])
            raise RuntimeError("the caller failed half-way")
        assert store.dump() == before


def test_repository_same_id_twice_with_different_content_is_refused(db_url: str) -> None:
    with _open(db_url) as store, pytest.raises(StoreError, match="doc-a: given twice"):
        store.save_documents([document("doc-a"), document("doc-a", "Another text.")])


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (IncidentFilter(), ["inc-tukhar", "inc-ariha"]),
        (IncidentFilter(place="tukh"), ["inc-tukhar"]),
        (IncidentFilter(place="TUKHÂR"), ["inc-tukhar"]),  # case and accents folded
        (IncidentFilter(place="%"), []),  # LIKE wildcards match literally
        (IncidentFilter(place="aleppo"), ["inc-tukhar", "inc-ariha"]),  # admin1 of both fixture places
        (IncidentFilter(since=date(2017, 1, 1)), ["inc-ariha"]),
        (IncidentFilter(until=date(2016, 12, 31)), ["inc-tukhar"]),
        (IncidentFilter(since=date(2016, 7, 19), until=date(2016, 7, 19)), ["inc-tukhar"]),
        (IncidentFilter(belligerent="russia"), ["inc-ariha"]),
        (IncidentFilter(belligerent="Russ"), []),  # one whole name, not a substring
        (IncidentFilter(grade=Grade.FAIR), ["inc-tukhar"]),
        (IncidentFilter(grade=Grade.FAIR, belligerent="Russia"), []),
        (IncidentFilter(limit=1), ["inc-tukhar"]),
    ],
)
def test_repository_incident_filters(db_url: str, filters: IncidentFilter, expected: list[str]) -> None:
    with _open(db_url) as store:
        _save_sample(store)
        assert [i.id for i in store.incidents(filters)] == expected


def test_repository_decisions_are_append_only_and_kept_in_incident_reviews(db_url: str) -> None:
    with _open(db_url) as store:
        _save_sample(store)
        d1 = decision()
        d2 = decision(DecisionAction.RESTORE, reason="new evidence of civilian victims", at="2024-05-02T09:00:00+00:00")
        assert store.record_decision(d1) is True
        assert store.record_decision(d1) is False  # the same decision twice is one row
        assert store.record_decision(d2) is True
        assert store.decisions() == [d1, d2]
        assert store.counts()["decisions"] == 2
        _, _, incidents, _ = sample()
        reviewed = replace(incidents[1], review=(d1, d2))
        store.save_result([], [reviewed], [])
        assert store.incident("inc-ariha") == reviewed
        assert {e.action for e in store.audit(entity_id="inc-ariha")} >= {"decision.discount", "decision.restore"}


def test_repository_runs_record_counts(db_url: str) -> None:
    with _open(db_url) as store:
        run_id = store.begin_run("run", ["docs.jsonl"], actor="tester")
        store.finish_run(run_id, status="ok", counts={"rows_changed": 0})
        (info,) = store.runs()
        assert (info.command, info.actor, info.status, info.inputs, info.counts) == (
            "run",
            "tester",
            "ok",
            ("docs.jsonl",),
            {"rows_changed": 0},
        )


def test_repository_find_incident_by_prefix(db_url: str) -> None:
    with _open(db_url) as store:
        _save_sample(store)
        assert store.find_incident("inc-t") == ["inc-tukhar"]
        assert store.find_incident("inc-") == ["inc-ariha", "inc-tukhar"]
        assert store.find_incident("inc_") == []  # LIKE wildcards are escaped


def test_repository_load_for_report_gives_what_tally_needs(db_url: str) -> None:
    from civcas.assess.tallies import tally

    with _open(db_url) as store:
        _save_sample(store)
    incidents, assessments, claims = load_for_report(db_url)
    t = tally(incidents, assessments, claims)
    assert [(r.belligerent, r.period, r.low, r.high) for r in t.rows] == [("coalition", "2016", 56, 73)]


def test_repository_bad_urls_are_one_line_store_errors() -> None:
    with pytest.raises(StoreError, match="not a database URL"):
        Store.open("nosuchdb://x")
    with pytest.raises(StoreError, match="cannot connect"):
        Store.open("postgresql+psycopg://postgres@127.0.0.1:1/test?connect_timeout=2").revision()


def test_repository_default_url_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from civcas.store import resolve_url

    monkeypatch.delenv("CIVCAS_DATABASE_URL", raising=False)
    assert resolve_url() == "sqlite:///civcas.db"
    monkeypatch.setenv("CIVCAS_DATABASE_URL", "sqlite:///elsewhere.db")
    assert resolve_url() == "sqlite:///elsewhere.db"
    assert resolve_url("sqlite:///given.db") == "sqlite:///given.db"


def test_repository_reading_a_document_from_another_path_is_no_change(db_url: str) -> None:
    with _open(db_url) as store:
        store.save_documents([document("doc-a")])
        store.mark_extracted(["doc-a"])
        moved = replace(document("doc-a"), source="elsewhere/docs.jsonl:9")
        assert store.save_documents([moved]).changed == 0
        assert store.document("doc-a").source == "fixtures.jsonl:a"  # type: ignore[union-attr]
        rebyline = replace(document("doc-a"), raw="<p>" + TEXTS["doc-a"] + "</p>", author="A. Reporter")
        assert store.save_documents([rebyline]).as_dict()["updated"] == {"documents": 1}
        assert store.pending_documents() == []  # raw and author are kept; extraction does not read them


def test_repository_migrating_from_the_first_schema_keeps_the_rows(db_url: str) -> None:
    import json

    from sqlalchemy import text

    from civcas.records import Place
    from civcas.store.convert import place_json

    with Store.open(db_url) as store:
        store.upgrade("0001")
        place = place_json(Place(name="Arīḩā", mention="Ariha", admin1="Idlib", country="SY"))
        with store.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO documents (id, text, published, added_at, updated_at) "
                    "VALUES ('doc-old', 'Jets struck Ariha on Monday.', '2017-06-05', :t, :t)"
                ),
                {"t": "2017-06-06 10:00:00+00:00"},
            )
            conn.execute(
                text(
                    "INSERT INTO incidents (id, claim_ids, claim_count, place, place_name, belligerents, "
                    "belligerents_key, reasons, review_ids) VALUES ('inc-old', '[]', 0, :place, 'Arīḩā', '[]', '', "
                    "'[]', '[]')"
                ),
                {"place": json.dumps(place)},
            )
        assert store.upgrade() == head()
        doc = store.document("doc-old")
        assert doc is not None and doc.author is None and doc.published == date(2017, 6, 5)
        assert [i.id for i in store.incidents(IncidentFilter(place="ariha"))] == ["inc-old"]  # 0003 filled the key
