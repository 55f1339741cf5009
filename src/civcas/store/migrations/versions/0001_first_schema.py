"""First schema: documents, claims, evidence, incidents, links, assessments, decisions, runs, audit.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

JSON = sa.JSON(none_as_null=True)
WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("raw", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("outlet", sa.String(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("language", sa.String(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("content_hash", sa.String(), nullable=True),
        sa.Column("duplicate_of", sa.String(), nullable=True),
        sa.Column("extracted_hash", sa.String(), nullable=True),
        sa.Column("added_at", WHEN, nullable=False),
        sa.Column("updated_at", WHEN, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
    )
    op.create_index(op.f("ix_documents_content_hash"), "documents", ["content_hash"])
    op.create_index(op.f("ix_documents_published"), "documents", ["published"])

    op.create_table(
        "claims",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("doc_id", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("quote_start", sa.Integer(), nullable=False),
        sa.Column("quote_end", sa.Integer(), nullable=False),
        sa.Column("quote_span_text", sa.Text(), nullable=True),
        sa.Column("stance", sa.String(), nullable=False),
        sa.Column("claimant", sa.Text(), nullable=True),
        sa.Column("claimant_kind", sa.String(), nullable=False),
        sa.Column("date", JSON, nullable=True),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.Column("place", JSON, nullable=True),
        sa.Column("place_name", sa.Text(), nullable=True),
        sa.Column("place_admin1", sa.String(), nullable=True),
        sa.Column("place_country", sa.String(), nullable=True),
        sa.Column("places", JSON, nullable=False),
        sa.Column("belligerents", JSON, nullable=False),
        sa.Column("killed", JSON, nullable=True),
        sa.Column("killed_low", sa.BigInteger(), nullable=True),
        sa.Column("killed_high", sa.BigInteger(), nullable=True),
        sa.Column("injured", JSON, nullable=True),
        sa.Column("killed_or_injured", JSON, nullable=True),
        sa.Column("victims", JSON, nullable=False),
        sa.Column("victim_status", sa.String(), nullable=False),
        sa.Column("targets", JSON, nullable=False),
        sa.Column("weapons", JSON, nullable=False),
        sa.Column("rules", JSON, nullable=False),
        sa.Column("incident_id", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["doc_id"], ["documents.id"], name=op.f("fk_claims_doc_id_documents"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
    )
    op.create_index(op.f("ix_claims_doc_id"), "claims", ["doc_id"])
    op.create_index(op.f("ix_claims_incident_id"), "claims", ["incident_id"])

    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("claim_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("rule", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_evidence_claim_id_claims"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence")),
        sa.UniqueConstraint("claim_id", "position", name=op.f("uq_evidence_claim_id")),
    )
    op.create_index(op.f("ix_evidence_claim_id"), "evidence", ["claim_id"])

    op.create_table(
        "incidents",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("claim_ids", JSON, nullable=False),
        sa.Column("claim_count", sa.Integer(), nullable=False),
        sa.Column("date", JSON, nullable=True),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.Column("place", JSON, nullable=True),
        sa.Column("place_name", sa.Text(), nullable=True),
        sa.Column("place_admin1", sa.String(), nullable=True),
        sa.Column("place_admin2", sa.String(), nullable=True),
        sa.Column("place_country", sa.String(), nullable=True),
        sa.Column("belligerents", JSON, nullable=False),
        sa.Column("belligerents_key", sa.Text(), nullable=False),
        sa.Column("reasons", JSON, nullable=False),
        sa.Column("review_ids", JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incidents")),
    )
    op.create_index(op.f("ix_incidents_date_start"), "incidents", ["date_start"])

    op.create_table(
        "links",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("incident_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("a", sa.String(), nullable=False),
        sa.Column("b", sa.String(), nullable=False),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.Column("probability", sa.Float(), nullable=False),
        sa.Column("reasons", JSON, nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"], ["incidents.id"], name=op.f("fk_links_incident_id_incidents"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_links")),
        sa.UniqueConstraint("incident_id", "position", name=op.f("uq_links_incident_id")),
    )
    op.create_index(op.f("ix_links_incident_id"), "links", ["incident_id"])

    op.create_table(
        "assessments",
        sa.Column("incident_id", sa.String(), nullable=False),
        sa.Column("grade", sa.String(), nullable=False),
        sa.Column("reasons", JSON, nullable=False),
        sa.Column("killed", JSON, nullable=True),
        sa.Column("killed_low", sa.BigInteger(), nullable=True),
        sa.Column("killed_best", sa.BigInteger(), nullable=True),
        sa.Column("killed_high", sa.BigInteger(), nullable=True),
        sa.Column("injured", JSON, nullable=True),
        sa.Column("children", JSON, nullable=True),
        sa.Column("women", JSON, nullable=True),
        sa.Column("per_claimant", JSON, nullable=False),
        sa.Column("original_sources", JSON, nullable=False),
        sa.Column("source_count", sa.Integer(), nullable=False),
        sa.Column("relays", JSON, nullable=False),
        sa.Column("admitted", JSON, nullable=True),
        sa.Column("admission_assessment", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["incident_id"], ["incidents.id"], name=op.f("fk_assessments_incident_id_incidents"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("incident_id", name=op.f("pk_assessments")),
    )
    op.create_index(op.f("ix_assessments_grade"), "assessments", ["grade"])

    op.create_table(
        "decisions",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("incident_ids", JSON, nullable=False),
        sa.Column("claim_ids", JSON, nullable=False),
        sa.Column("target", sa.String(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("actor", sa.String(), nullable=False),
        sa.Column("at", sa.String(), nullable=False),
        sa.Column("recorded_at", WHEN, nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_decisions")),
        sa.UniqueConstraint("id", name=op.f("uq_decisions_id")),
    )

    op.create_table(
        "runs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("command", sa.String(), nullable=False),
        sa.Column("actor", sa.String(), nullable=False),
        sa.Column("started_at", WHEN, nullable=False),
        sa.Column("finished_at", WHEN, nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("inputs", JSON, nullable=False),
        sa.Column("counts", JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_runs")),
    )

    op.create_table(
        "audit",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", WHEN, nullable=False),
        sa.Column("actor", sa.String(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("entity", sa.String(), nullable=False),
        sa.Column("entity_id", sa.String(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.Column("detail", JSON, nullable=False),
        sa.ForeignKeyConstraint(["run_id"], ["runs.id"], name=op.f("fk_audit_run_id_runs"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit")),
    )
    op.create_index("ix_audit_entity", "audit", ["entity", "entity_id"])
    op.create_index(op.f("ix_audit_run_id"), "audit", ["run_id"])


def downgrade() -> None:
    for table in ("audit", "runs", "decisions", "assessments", "links", "incidents", "evidence", "claims", "documents"):
        op.drop_table(table)
