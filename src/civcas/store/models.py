"""SQLAlchemy 2 tables: documents, claims, evidence, incidents, links, assessments, decisions, audit, runs.

Rows never leave :mod:`civcas.store`; :mod:`civcas.store.convert` turns them
into :mod:`civcas.records` and back. Nested values that are read whole
(figures, places, date intervals, reason lists) are JSON; the values people
filter on (dates, place names, killed bounds, grade) are also plain columns,
so a query never has to look inside JSON and the same SQL runs on SQLite and
PostgreSQL.

The schema is owned by the Alembic migrations in ``migrations/versions``; a
test compares these models with the migrated database and fails on drift.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

#: Constraint names spelled out, so migrations can name what they alter on every backend.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: JSON kept as text on every backend: what was written is what is read (PostgreSQL's JSONB would
#: re-spell numbers), and a Python ``None`` is SQL NULL rather than the JSON literal ``null``.
JSONValue = JSON(none_as_null=True)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSONValue, list[Any]: JSONValue, str: String()}


class DocumentRow(Base):
    """One cleaned document; ``extracted_hash`` is the content hash its stored claims were extracted from.

    ``source`` is where the document was first read (``path:line``); reading it again from elsewhere
    does not change it. ``extracted_hash`` is ``NULL`` while the document awaits extraction.
    """

    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    raw: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    outlet: Mapped[str | None]
    url: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None]
    title: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    content_hash: Mapped[str | None] = mapped_column(index=True)
    duplicate_of: Mapped[str | None]
    extracted_hash: Mapped[str | None]
    added_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class ClaimRow(Base):
    """One claim; ``incident_id`` is the incident linking put it in (``NULL`` for aggregates)."""

    __tablename__ = "claims"

    id: Mapped[str] = mapped_column(primary_key=True)
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str]
    quote: Mapped[str] = mapped_column(Text)
    quote_start: Mapped[int] = mapped_column(Integer)
    quote_end: Mapped[int] = mapped_column(Integer)
    quote_span_text: Mapped[str | None] = mapped_column(Text)  # NULL when it equals ``quote``
    stance: Mapped[str]
    claimant: Mapped[str | None] = mapped_column(Text)
    claimant_kind: Mapped[str]
    date: Mapped[dict[str, Any] | None]
    date_start: Mapped[dt.date | None] = mapped_column(Date)
    date_end: Mapped[dt.date | None] = mapped_column(Date)
    place: Mapped[dict[str, Any] | None]
    place_name: Mapped[str | None] = mapped_column(Text)
    place_admin1: Mapped[str | None]
    place_country: Mapped[str | None]
    places: Mapped[list[Any]]
    belligerents: Mapped[list[Any]]
    killed: Mapped[dict[str, Any] | None]
    killed_low: Mapped[int | None] = mapped_column(BigInteger)  # counts parsed from text can be huge
    killed_high: Mapped[int | None] = mapped_column(BigInteger)  # counts parsed from text can be huge
    injured: Mapped[dict[str, Any] | None]
    killed_or_injured: Mapped[dict[str, Any] | None]
    victims: Mapped[list[Any]]
    victim_status: Mapped[str]
    targets: Mapped[list[Any]]
    weapons: Mapped[list[Any]]
    rules: Mapped[list[Any]]
    incident_id: Mapped[str | None] = mapped_column(index=True)


class EvidenceRow(Base):
    """One evidence span of a claim, in the claim's order: ``documents.text[start:end] == text``."""

    __tablename__ = "evidence"
    __table_args__ = (UniqueConstraint("claim_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    claim_id: Mapped[str] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    field: Mapped[str]
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    rule: Mapped[str | None] = mapped_column(Text)


class IncidentRow(Base):
    """One incident; ``claim_ids`` keeps linking's order, ``review_ids`` the decisions in its audit trail."""

    __tablename__ = "incidents"

    id: Mapped[str] = mapped_column(primary_key=True)
    claim_ids: Mapped[list[Any]]
    claim_count: Mapped[int] = mapped_column(Integer)
    date: Mapped[dict[str, Any] | None]
    date_start: Mapped[dt.date | None] = mapped_column(Date, index=True)
    date_end: Mapped[dt.date | None] = mapped_column(Date)
    place: Mapped[dict[str, Any] | None]
    place_name: Mapped[str | None] = mapped_column(Text)
    place_admin1: Mapped[str | None]
    place_admin2: Mapped[str | None]
    place_country: Mapped[str | None]
    place_key: Mapped[str] = mapped_column(Text, server_default="")  # "|hajin|deir ez zor|sy|": see convert.fold
    belligerents: Mapped[list[Any]]
    belligerents_key: Mapped[str] = mapped_column(Text)  # "|coalition|US|": filters match one name with LIKE
    reasons: Mapped[list[Any]]
    review_ids: Mapped[list[Any]]


class LinkRow(Base):
    """Why a claim is in its incident: its strongest link, with match weight and reasons."""

    __tablename__ = "links"
    __table_args__ = (UniqueConstraint("incident_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    incident_id: Mapped[str] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    a: Mapped[str]
    b: Mapped[str]
    weight: Mapped[float] = mapped_column(Float)
    probability: Mapped[float] = mapped_column(Float)
    reasons: Mapped[list[Any]]


class AssessmentRow(Base):
    """An incident's grade, ranges and sources; killed bounds and the grade are columns for filters."""

    __tablename__ = "assessments"

    incident_id: Mapped[str] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True)
    grade: Mapped[str] = mapped_column(index=True)
    reasons: Mapped[list[Any]]
    killed: Mapped[dict[str, Any] | None]
    killed_low: Mapped[int | None] = mapped_column(BigInteger)  # counts parsed from text can be huge
    killed_best: Mapped[int | None] = mapped_column(BigInteger)  # counts parsed from text can be huge
    killed_high: Mapped[int | None] = mapped_column(BigInteger)  # counts parsed from text can be huge
    injured: Mapped[dict[str, Any] | None]
    children: Mapped[dict[str, Any] | None]
    women: Mapped[dict[str, Any] | None]
    per_claimant: Mapped[list[Any]]
    original_sources: Mapped[list[Any]]
    source_count: Mapped[int] = mapped_column(Integer)
    relays: Mapped[list[Any]]
    admitted: Mapped[dict[str, Any] | None]
    admission_assessment: Mapped[str | None]


class DecisionRow(Base):
    """The analyst audit table: one row per decision, append-only; ``seq`` is the order recorded."""

    __tablename__ = "decisions"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(unique=True)  # a hash of the decision: recording it twice is one row
    action: Mapped[str]
    incident_ids: Mapped[list[Any]]
    claim_ids: Mapped[list[Any]]
    target: Mapped[str | None]
    reason: Mapped[str] = mapped_column(Text)
    actor: Mapped[str]
    at: Mapped[str]  # ISO 8601 as the analyst's tool gave it (kept verbatim: it orders replay)
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class RunRow(Base):
    """What one command did to the store: inputs and counts (one row even when nothing changed)."""

    __tablename__ = "runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    command: Mapped[str]
    actor: Mapped[str]
    started_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    status: Mapped[str]
    inputs: Mapped[list[Any]]
    counts: Mapped[dict[str, Any]]


class AuditRow(Base):
    """Who changed what, when: documents added or changed, incidents created, changed or removed, decisions."""

    __tablename__ = "audit"
    __table_args__ = (Index("ix_audit_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str]
    action: Mapped[str]
    entity: Mapped[str]
    entity_id: Mapped[str]
    run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id", ondelete="SET NULL"), index=True)
    detail: Mapped[dict[str, Any]]


#: Tables in the order a full copy or a count walks them (parents first).
TABLES = (
    DocumentRow,
    ClaimRow,
    EvidenceRow,
    IncidentRow,
    LinkRow,
    AssessmentRow,
    DecisionRow,
    RunRow,
    AuditRow,
)
