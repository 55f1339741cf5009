"""The repository: records in, records out; SQLAlchemy stays behind this class.

Every write is an upsert by stable id that compares what is stored with
what would be stored and touches only rows that differ, so writing the same
records twice changes nothing (not even a timestamp). Writes run in one
transaction per call, or per :meth:`Store.transaction` block: a failure
rolls the whole batch back and leaves what was stored before intact.

Example:
    >>> from civcas.store import Store
    >>> with Store.open("sqlite://") as store:
    ...     _ = store.upgrade()
    ...     store.counts()["documents"]
    0
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self

from sqlalchemy import Engine, create_engine, event, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from civcas.errors import StoreError
from civcas.records import Assessment, Claim, Decision, Document, Incident
from civcas.store import convert, migrate, sync
from civcas.store.models import (
    TABLES,
    AssessmentRow,
    AuditRow,
    Base,
    ClaimRow,
    DecisionRow,
    DocumentRow,
    EvidenceRow,
    IncidentRow,
    LinkRow,
    RunRow,
)
from civcas.store.types import AuditEntry, Changes, IncidentFilter, RunInfo

log = logging.getLogger(__name__)

DEFAULT_URL = "sqlite:///civcas.db"

#: Where a document was first read: reading it again from another path is not a change.
_PROVENANCE = frozenset({"source"})
#: Document fields extraction, linking and assessment do not read: a change is stored, nothing is re-extracted.
_NOT_EXTRACTED = frozenset({"raw", "author"})


def resolve_url(url: str | None = None) -> str:
    """``url`` if given, else ``$CIVCAS_DATABASE_URL``, else the SQLite file ``civcas.db`` in the working directory."""
    return url or os.environ.get("CIVCAS_DATABASE_URL") or DEFAULT_URL


def _engine(url: str) -> Engine:
    shown = url
    try:
        parsed = make_url(url)
        shown = parsed.render_as_string(hide_password=True)
        if parsed.get_backend_name() == "sqlite":
            engine = create_engine(parsed, connect_args={"timeout": 30})

            @event.listens_for(engine, "connect")
            def _pragmas(dbapi_conn: Any, _record: Any) -> None:
                cur = dbapi_conn.cursor()
                cur.execute("PRAGMA foreign_keys=ON")
                cur.close()

            return engine
        return create_engine(parsed, pool_pre_ping=True)
    except (ArgumentError, NoSuchModuleError, ValueError) as exc:
        raise StoreError(
            f"--db {shown}: not a database URL civcas can open ({exc}); "
            "expected sqlite:///PATH or postgresql+psycopg://USER@HOST/DB"
        ) from None


class Store:
    """The civcas database: documents, claims, evidence, incidents, assessments and the audit trail.

    Open it with :meth:`open`; create or migrate its tables with
    :meth:`upgrade`. Reads return :mod:`civcas.records` objects; writes take
    them. Use it as a context manager to release connections.
    """

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._session: Session | None = None

    # --- opening and schema ---------------------------------------------------------------------

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """Open the database at ``url`` (default: :func:`resolve_url`); connects lazily."""
        url = resolve_url(url)
        return cls(_engine(url), url)

    @property
    def shown_url(self) -> str:
        """The URL with any password hidden, for messages."""
        return make_url(self.url).render_as_string(hide_password=True)

    def close(self) -> None:
        """Release every pooled connection."""
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _fail(self, exc: Exception, doing: str) -> StoreError:
        detail = str(exc.orig) if isinstance(exc, DBAPIError) and exc.orig is not None else str(exc)
        detail = detail.strip().splitlines()[0] if detail.strip() else type(exc).__name__
        return StoreError(f"{self.shown_url}: cannot {doing} ({detail})")

    def revision(self) -> str | None:
        """The migration the database is at (``None``: no civcas tables yet)."""
        try:
            return migrate.current(self.engine)
        except SQLAlchemyError as exc:
            raise self._fail(exc, "connect") from None

    def has_schema(self) -> bool:
        """Whether civcas tables exist (a SQLite file that does not exist is not created to find out)."""
        url = make_url(self.url)
        on_disk = url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:")
        if on_disk and not Path(str(url.database)).exists():
            return False
        return self.revision() is not None

    def upgrade(self, revision: str = "head") -> str | None:
        """Create or migrate the tables up to ``revision``; a database already there is left alone."""
        before = self.revision()
        try:
            after = migrate.upgrade(self.engine, revision)
        except SQLAlchemyError as exc:
            raise self._fail(exc, f"migrate to {revision}") from None
        if after != before:
            log.info("store %s: migrated %s -> %s", self.shown_url, before or "empty", after)
            self._audit_now("schema.upgraded", "schema", after or "", {"from": before, "to": after})
        return after

    def check(self) -> None:
        """Raise :class:`StoreError` unless the tables are at the migration this civcas ships."""
        at, head = self.revision(), migrate.head()
        if at == head:
            return
        if at is None:
            raise StoreError(
                f"{self.shown_url}: no civcas tables; run `civcas db upgrade` (or `civcas run`, which creates them)"
            )
        raise StoreError(
            f"{self.shown_url}: tables are at migration {at}, this civcas expects {head}; run `civcas db upgrade`"
        )

    # --- transactions ---------------------------------------------------------------------------

    @contextmanager
    def transaction(self, *, commit: bool = True) -> Iterator[Session]:
        """One transaction around every write inside the block (nested calls join it).

        On an exception, or when ``commit`` is false (``--dry-run``), every
        write in the block is rolled back.
        """
        if self._session is not None:
            yield self._session
            return
        session = self._sessions()
        self._session = session
        try:
            session.begin()
            yield session
            if commit:
                session.commit()
            else:
                session.rollback()
        except SQLAlchemyError as exc:
            session.rollback()
            raise self._fail(exc, "write") from None
        except BaseException:
            session.rollback()
            raise
        finally:
            self._session = None
            session.close()

    @contextmanager
    def _reading(self) -> Iterator[Session]:
        if self._session is not None:
            yield self._session
            return
        try:
            with self._sessions() as session:
                yield session
        except SQLAlchemyError as exc:
            raise self._fail(exc, "read") from None

    def _audit_now(self, action: str, entity: str, entity_id: str, detail: Mapping[str, Any]) -> None:
        with self.transaction() as s:
            sync.audit(s, action, entity, entity_id, detail, actor=current_actor(), run_id=None)

    # --- documents ------------------------------------------------------------------------------

    def save_documents(self, documents: Iterable[Document], *, actor: str = "", run_id: int | None = None) -> Changes:
        """Insert new documents and update changed ones (by id); identical ones are left untouched.

        A new or changed document is marked pending: its claims are
        extracted again by the next run (metadata matters too: ``published``
        resolves relative dates, ``outlet`` decides source independence).
        ``source`` keeps where the document was first read; a change of
        ``raw`` or ``author`` alone is stored without re-extraction.
        """
        docs: dict[str, Document] = {}
        for d in documents:
            prev = docs.get(d.id)
            if prev is not None and convert.document_values(prev) != convert.document_values(d):
                raise StoreError(
                    f"document {d.id}: given twice with different content ({prev.source or '?'}, {d.source or '?'}); "
                    "expected one version per id"
                )
            docs[d.id] = d
        if self.engine.dialect.name == "postgresql":
            for d in docs.values():
                bad = [k for k, v in convert.document_values(d).items() if isinstance(v, str) and "\x00" in v]
                if bad:
                    raise StoreError(
                        f"document {d.id}: {', '.join(bad)} holds a NUL character, which PostgreSQL cannot store; "
                        "expected text without control characters (clean the input file)"
                    )
        changes = Changes()
        actor = actor or current_actor()
        with self.transaction() as s:
            stored = {r.id: r for r in sync.rows(s, DocumentRow, DocumentRow.id, sorted(docs))}
            now = sync.now()
            for doc_id in sorted(docs):
                values = convert.document_values(docs[doc_id])
                row = stored.get(doc_id)
                if row is None:
                    s.add(DocumentRow(**values, extracted_hash=None, added_at=now, updated_at=now))
                    changes.inserted["documents"] += 1
                    sync.audit(
                        s,
                        "document.added",
                        "document",
                        doc_id,
                        {"source": values["source"]},
                        actor=actor,
                        run_id=run_id,
                    )
                    continue
                diff = sorted(k for k, v in values.items() if k not in _PROVENANCE and getattr(row, k) != v)
                if not diff:
                    changes.unchanged["documents"] += 1
                    continue
                for k in diff:
                    setattr(row, k, values[k])
                row.updated_at = now
                if set(diff) - _NOT_EXTRACTED:
                    row.extracted_hash = None
                changes.updated["documents"] += 1
                sync.audit(s, "document.changed", "document", doc_id, {"fields": diff}, actor=actor, run_id=run_id)
        return changes

    def documents(self, ids: Sequence[str] | None = None) -> list[Document]:
        """Stored documents (all, or those with the given ids), ordered by id."""
        with self._reading() as s:
            if ids is None:
                rows = list(s.scalars(select(DocumentRow).order_by(DocumentRow.id)))
            else:
                rows = sorted(sync.rows(s, DocumentRow, DocumentRow.id, list(ids)), key=lambda r: r.id)
            return [convert.document_record(r) for r in rows]

    def document(self, doc_id: str) -> Document | None:
        """One stored document, or ``None``."""
        got = self.documents([doc_id])
        return got[0] if got else None

    def pending_documents(self) -> list[str]:
        """Ids of documents whose claims are missing or stale (added or changed since they were extracted)."""
        with self._reading() as s:
            return list(
                s.scalars(select(DocumentRow.id).where(DocumentRow.extracted_hash.is_(None)).order_by(DocumentRow.id))
            )

    def mark_extracted(self, doc_ids: Iterable[str]) -> None:
        """Record that the stored claims of these documents come from their current content."""
        ids = sorted(set(doc_ids))
        with self.transaction() as s:
            for row in sync.rows(s, DocumentRow, DocumentRow.id, ids):
                key = convert.content_key(convert.document_record(row))
                if row.extracted_hash != key:
                    row.extracted_hash = key

    # --- claims, incidents, assessments ---------------------------------------------------------

    def save_result(
        self,
        claims: Sequence[Claim],
        incidents: Sequence[Incident] = (),
        assessments: Sequence[Assessment] = (),
        *,
        replace_documents: Iterable[str] = (),
        actor: str = "",
        run_id: int | None = None,
    ) -> Changes:
        """Upsert claims (with evidence), incidents (with links) and assessments in one transaction.

        ``replace_documents`` names documents extracted again: their stored
        claims missing from ``claims`` are deleted. Incidents no stored claim
        points at any more are deleted with their links and assessments.
        Rows equal to what would be written are not touched.
        """
        changes = Changes()
        actor = actor or current_actor()
        with self.transaction() as s:
            changes += sync.save_claims(s, claims, set(replace_documents))
            changes += sync.save_incidents(s, incidents, assessments, actor=actor, run_id=run_id)
        return changes

    def save_process_result(self, result: Any, **kwargs: Any) -> Changes:
        """:meth:`save_result` for a :class:`civcas.pipeline.ProcessResult` (its claims, incidents, assessments)."""
        return self.save_result(result.claims, result.incidents, result.assessments, **kwargs)

    def claims(
        self,
        *,
        ids: Sequence[str] | None = None,
        doc_ids: Sequence[str] | None = None,
        incident_id: str | None = None,
    ) -> list[Claim]:
        """Stored claims, ordered by id: all of them, or those with the given ids, documents or incident."""
        with self._reading() as s:
            if ids is not None:
                rows = sync.rows(s, ClaimRow, ClaimRow.id, list(ids))
            elif doc_ids is not None:
                rows = sync.rows(s, ClaimRow, ClaimRow.doc_id, list(doc_ids))
            elif incident_id is not None:
                rows = list(s.scalars(select(ClaimRow).where(ClaimRow.incident_id == incident_id)))
            else:
                rows = list(s.scalars(select(ClaimRow)))
            rows.sort(key=lambda r: r.id)
            evidence: dict[str, list[EvidenceRow]] = {}
            if ids is None and doc_ids is None and incident_id is None:
                ev_rows: Iterable[EvidenceRow] = s.scalars(select(EvidenceRow))
            else:
                ev_rows = sync.rows(s, EvidenceRow, EvidenceRow.claim_id, [r.id for r in rows])
            for e in ev_rows:
                evidence.setdefault(e.claim_id, []).append(e)
            return [convert.claim_record(r, evidence.get(r.id, [])) for r in rows]

    def incidents(self, filters: IncidentFilter | None = None) -> list[Incident]:
        """Stored incidents matching ``filters``, oldest first (undated last), then by id."""
        f = filters or IncidentFilter()
        q = select(IncidentRow)
        if f.place:
            q = q.where(IncidentRow.place_key.like(f"%{_like_escaped(convert.fold(f.place))}%", escape="\\"))
        if f.since is not None:
            q = q.where(func.coalesce(IncidentRow.date_end, IncidentRow.date_start) >= f.since)
        if f.until is not None:
            q = q.where(func.coalesce(IncidentRow.date_start, IncidentRow.date_end) <= f.until)
        if f.belligerent:
            q = q.where(func.lower(IncidentRow.belligerents_key).like(f"%|{f.belligerent.lower()}|%"))
        if f.grade is not None:
            q = q.join(AssessmentRow, AssessmentRow.incident_id == IncidentRow.id).where(
                AssessmentRow.grade == str(f.grade)
            )
        q = q.order_by(IncidentRow.date_start.is_(None), IncidentRow.date_start, IncidentRow.id)
        if f.limit is not None:
            q = q.limit(f.limit)
        with self._reading() as s:
            rows = list(s.scalars(q))
            return self._incident_records(s, rows)

    def _incident_records(self, s: Session, rows: Sequence[IncidentRow]) -> list[Incident]:
        links: dict[str, list[LinkRow]] = {}
        for k in sync.rows(s, LinkRow, LinkRow.incident_id, [r.id for r in rows]):
            links.setdefault(k.incident_id, []).append(k)
        wanted = sorted({d for r in rows for d in r.review_ids})
        decisions = {d.id: convert.decision_record(d) for d in sync.rows(s, DecisionRow, DecisionRow.id, wanted)}
        return [convert.incident_record(r, links.get(r.id, []), decisions) for r in rows]

    def incident(self, incident_id: str) -> Incident | None:
        """One incident, or ``None``."""
        with self._reading() as s:
            row = s.get(IncidentRow, incident_id)
            return self._incident_records(s, [row])[0] if row is not None else None

    def find_incident(self, prefix: str) -> list[str]:
        """Ids of the incidents starting with ``prefix`` (so people can type ``inc-37f5``)."""
        with self._reading() as s:
            q = select(IncidentRow.id).where(IncidentRow.id.like(_like_escaped(prefix) + "%", escape="\\"))
            q = q.order_by(IncidentRow.id)
            return list(s.scalars(q.limit(20)))

    def assessments(self, incident_ids: Sequence[str] | None = None) -> dict[str, Assessment]:
        """Stored assessments by incident id (all, or those of the given incidents)."""
        with self._reading() as s:
            if incident_ids is None:
                rows = list(s.scalars(select(AssessmentRow)))
            else:
                rows = sync.rows(s, AssessmentRow, AssessmentRow.incident_id, list(incident_ids))
            return {r.incident_id: convert.assessment_record(r) for r in sorted(rows, key=lambda r: r.incident_id)}

    def assessment(self, incident_id: str) -> Assessment | None:
        """One incident's assessment, or ``None``."""
        return self.assessments([incident_id]).get(incident_id)

    # --- analyst decisions (the audit table) ----------------------------------------------------

    def record_decision(self, decision: Decision, *, run_id: int | None = None) -> bool:
        """Append an analyst decision to the audit table; returns ``False`` if that very decision is there already.

        Decisions are never edited or deleted: a later decision (``restore``
        after ``discount``) undoes an earlier one, and every run replays them
        all in order (:func:`civcas.link.run`).
        """
        with self.transaction() as s:
            new = sync.insert_decision(s, decision, Changes())
            if new:
                for iid in dict.fromkeys((*decision.incident_ids, *([decision.target] if decision.target else []))):
                    sync.audit(
                        s,
                        f"decision.{decision.action}",
                        "incident",
                        iid,
                        {"decision": convert.decision_id(decision), "reason": decision.reason},
                        actor=decision.actor or current_actor(),
                        run_id=run_id,
                    )
        return new

    def decisions(self) -> list[Decision]:
        """Every analyst decision, in the order recorded."""
        with self._reading() as s:
            return [convert.decision_record(r) for r in s.scalars(select(DecisionRow).order_by(DecisionRow.seq))]

    # --- runs and audit -------------------------------------------------------------------------

    def begin_run(self, command: str, inputs: Sequence[str] = (), *, actor: str = "") -> int:
        """Record that a command started; returns its run id (for :meth:`finish_run` and the audit rows)."""
        with self.transaction() as s:
            row = RunRow(
                command=command,
                actor=actor or current_actor(),
                started_at=sync.now(),
                finished_at=None,
                status="running",
                inputs=list(inputs),
                counts={},
            )
            s.add(row)
            s.flush()
            return row.id

    def finish_run(self, run_id: int, *, status: str, counts: Mapping[str, Any]) -> None:
        """Record how a run ended and what it did."""
        with self.transaction() as s:
            row = s.get(RunRow, run_id)
            if row is None:
                raise StoreError(f"run {run_id}: not in the runs table")
            row.finished_at = sync.now()
            row.status = status
            row.counts = dict(counts)

    def runs(self, *, limit: int | None = None) -> list[RunInfo]:
        """The most recent runs first."""
        with self._reading() as s:
            q = select(RunRow).order_by(RunRow.id.desc())
            rows = s.scalars(q.limit(limit) if limit else q)
            return [
                RunInfo(r.id, r.command, r.actor, r.started_at, r.finished_at, r.status, tuple(r.inputs), r.counts)
                for r in rows
            ]

    def audit(
        self, *, entity_id: str | None = None, run_id: int | None = None, limit: int | None = None
    ) -> list[AuditEntry]:
        """Audit rows, most recent first (all, those about one record, or those one run wrote)."""
        with self._reading() as s:
            q = select(AuditRow).order_by(AuditRow.id.desc())
            if entity_id is not None:
                q = q.where(AuditRow.entity_id == entity_id)
            if run_id is not None:
                q = q.where(AuditRow.run_id == run_id)
            rows = s.scalars(q.limit(limit) if limit else q)
            return [AuditEntry(r.at, r.actor, r.action, r.entity, r.entity_id, r.run_id, r.detail) for r in rows]

    # --- whole-store views ----------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        with self._reading() as s:
            return {m.__tablename__: s.scalar(select(func.count()).select_from(m)) or 0 for m in TABLES}

    def dump(self, *, exclude: Sequence[str] = ()) -> dict[str, list[dict[str, Any]]]:
        """Every row of every table as plain values, in primary-key order (for checks and debugging)."""
        out: dict[str, list[dict[str, Any]]] = {}
        with self._reading() as s:
            for m in TABLES:
                if m.__tablename__ in exclude:
                    continue
                table = Base.metadata.tables[m.__tablename__]
                q = select(*table.columns).order_by(*table.primary_key.columns)
                out[m.__tablename__] = [dict(r._mapping) for r in s.execute(q)]
        return out


def _like_escaped(text: str) -> str:
    """``text`` with LIKE's wildcards escaped (escape character ``\\``), so user input matches literally."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def current_actor() -> str:
    """Who is writing: ``$CIVCAS_ACTOR``, else the login name."""
    actor = os.environ.get("CIVCAS_ACTOR")
    if actor:
        return actor
    try:
        import getpass

        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


def load_for_report(url: str | None = None) -> tuple[list[Incident], dict[str, Assessment], list[Claim]]:
    """Everything ``civcas report`` tallies: incidents, their assessments by id, and every claim."""
    with Store.open(url) as store:
        store.check()
        return store.incidents(), store.assessments(), store.claims()
