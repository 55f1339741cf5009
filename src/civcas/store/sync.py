"""Writes that compare before they touch: claims with evidence, incidents with links, assessments, decisions.

Each function takes the open session, computes the row values a record
would be stored as (:mod:`civcas.store.convert`), compares them with the
stored row and writes only what differs, counting what it did in a
:class:`~civcas.store.types.Changes`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, TypeVar

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from civcas.records import Assessment, Claim, Decision, Incident
from civcas.store import convert
from civcas.store.models import (
    AssessmentRow,
    AuditRow,
    Base,
    ClaimRow,
    DecisionRow,
    EvidenceRow,
    IncidentRow,
    LinkRow,
)
from civcas.store.types import Changes

CHUNK = 500  # ids per IN (...) clause: well under SQLite's and PostgreSQL's parameter limits

R = TypeVar("R", bound=Base)


def now() -> dt.datetime:
    """The time written in audit rows and runs: UTC."""
    return dt.datetime.now(dt.UTC)


def chunks(ids: Sequence[str]) -> Iterator[Sequence[str]]:
    """``ids`` in slices small enough for one ``IN (...)``."""
    for i in range(0, len(ids), CHUNK):
        yield ids[i : i + CHUNK]


def rows(s: Session, model: type[R], column: Any, ids: Sequence[str]) -> list[R]:
    """Rows of ``model`` whose ``column`` is one of ``ids``."""
    out: list[R] = []
    for chunk in chunks(ids):
        out.extend(s.scalars(select(model).where(column.in_(chunk))))
    return out


def audit(
    s: Session,
    action: str,
    entity: str,
    entity_id: str,
    detail: Mapping[str, Any],
    *,
    actor: str,
    run_id: int | None,
) -> None:
    """Add one audit row: who did ``action`` to which record."""
    s.add(
        AuditRow(
            at=now(),
            actor=actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            run_id=run_id,
            detail=dict(detail),
        )
    )


def insert_decision(s: Session, d: Decision, changes: Changes) -> bool:
    """Append a decision unless that very decision (same hash) is stored; returns whether it was new."""
    values = convert.decision_values(d)
    if s.scalar(select(DecisionRow.seq).where(DecisionRow.id == values["id"])) is not None:
        changes.unchanged["decisions"] += 1
        return False
    s.add(DecisionRow(**values, recorded_at=now()))
    s.flush()
    changes.inserted["decisions"] += 1
    return True


def save_claims(s: Session, claims: Sequence[Claim], replace: set[str]) -> Changes:
    """Upsert claims and their evidence; delete the stored claims of ``replace`` documents not among them."""
    changes = Changes()
    by_id: dict[str, Claim] = {}
    for c in claims:
        by_id[c.id] = c
    if replace:
        gone = [
            cid
            for chunk in chunks(sorted(replace))
            for cid in s.scalars(select(ClaimRow.id).where(ClaimRow.doc_id.in_(chunk)))
            if cid not in by_id
        ]
        for chunk in chunks(gone):
            n_ev = s.scalar(select(func.count()).where(EvidenceRow.claim_id.in_(chunk))) or 0
            changes.deleted["evidence"] += n_ev
            s.execute(delete(EvidenceRow).where(EvidenceRow.claim_id.in_(chunk)))
            s.execute(delete(ClaimRow).where(ClaimRow.id.in_(chunk)))
        changes.deleted["claims"] += len(gone)
    ids = sorted(by_id)
    stored = {r.id: r for r in rows(s, ClaimRow, ClaimRow.id, ids)}
    evidence: dict[str, list[EvidenceRow]] = {}
    for r in rows(s, EvidenceRow, EvidenceRow.claim_id, [i for i in ids if i in stored]):
        evidence.setdefault(r.claim_id, []).append(r)
    for cid in ids:
        c = by_id[cid]
        values = convert.claim_values(c)
        ev = convert.evidence_values(c)
        row = stored.get(cid)
        if row is None:
            s.add(ClaimRow(**values))
            s.add_all(EvidenceRow(**e) for e in ev)
            changes.inserted["claims"] += 1
            changes.inserted["evidence"] += len(ev)
            continue
        diff = [k for k, v in values.items() if getattr(row, k) != v]
        old_ev = sorted(evidence.get(cid, []), key=lambda e: e.position)
        same_ev = [_evidence_dict(e) for e in old_ev] == ev
        if not diff and same_ev:
            changes.unchanged["claims"] += 1
            continue
        for k in diff:
            setattr(row, k, values[k])
        if not same_ev:
            s.execute(delete(EvidenceRow).where(EvidenceRow.claim_id == cid))
            s.add_all(EvidenceRow(**e) for e in ev)
            changes.deleted["evidence"] += len(old_ev)
            changes.inserted["evidence"] += len(ev)
        changes.updated["claims"] += 1
    s.flush()
    return changes


def save_incidents(
    s: Session,
    incidents: Sequence[Incident],
    assessments: Sequence[Assessment],
    *,
    actor: str,
    run_id: int | None,
) -> Changes:
    """Upsert incidents (with links) and assessments; delete incidents no stored claim points at any more.

    Audit rows say which incidents were created, changed (which fields,
    claims added and removed, grade before and after) or removed.
    """
    changes = Changes()
    by_id = {i.id: i for i in incidents}
    for i in incidents:
        for d in i.review:
            insert_decision(s, d, changes)
    ids = sorted(by_id)
    stored = {r.id: r for r in rows(s, IncidentRow, IncidentRow.id, ids)}
    links: dict[str, list[LinkRow]] = {}
    for r in rows(s, LinkRow, LinkRow.incident_id, [i for i in ids if i in stored]):
        links.setdefault(r.incident_id, []).append(r)
    touched: dict[str, dict[str, Any]] = {}
    for iid in ids:
        inc = by_id[iid]
        values = convert.incident_values(inc)
        lk = convert.link_values(inc)
        row = stored.get(iid)
        if row is None:
            s.add(IncidentRow(**values))
            s.add_all(LinkRow(**v) for v in lk)
            changes.inserted["incidents"] += 1
            changes.inserted["links"] += len(lk)
            touched[iid] = {"created": True, "claims": len(inc.claim_ids)}
            continue
        diff = [k for k, v in values.items() if getattr(row, k) != v]
        old = sorted(links.get(iid, []), key=lambda k: k.position)
        same_links = [_link_dict(k) for k in old] == lk
        if not diff and same_links:
            changes.unchanged["incidents"] += 1
            continue
        detail: dict[str, Any] = {"fields": diff + ([] if same_links else ["links"])}
        if "claim_ids" in diff:
            detail["claims_added"] = sorted(set(values["claim_ids"]) - set(row.claim_ids))
            detail["claims_removed"] = sorted(set(row.claim_ids) - set(values["claim_ids"]))
        for k in diff:
            setattr(row, k, values[k])
        if not same_links:
            s.execute(delete(LinkRow).where(LinkRow.incident_id == iid))
            s.add_all(LinkRow(**v) for v in lk)
            changes.deleted["links"] += len(old)
            changes.inserted["links"] += len(lk)
        changes.updated["incidents"] += 1
        touched[iid] = detail
    s.flush()

    by_incident = {a.incident_id: a for a in assessments}
    aids = sorted(by_incident)
    stored_a = {r.incident_id: r for r in rows(s, AssessmentRow, AssessmentRow.incident_id, aids)}
    for iid in aids:
        values = convert.assessment_values(by_incident[iid])
        row_a = stored_a.get(iid)
        if row_a is None:
            s.add(AssessmentRow(**values))
            changes.inserted["assessments"] += 1
            touched.setdefault(iid, {})["grade"] = values["grade"]
            continue
        diff = [k for k, v in values.items() if getattr(row_a, k) != v]
        if not diff:
            changes.unchanged["assessments"] += 1
            continue
        entry = touched.setdefault(iid, {})
        entry["assessment"] = diff
        if "grade" in diff:
            entry["grade"] = [row_a.grade, values["grade"]]
        for k in diff:
            setattr(row_a, k, values[k])
        changes.updated["assessments"] += 1
    s.flush()

    # Incidents no claim points at any more: their claims went elsewhere (or their documents changed).
    referenced = select(ClaimRow.incident_id).where(ClaimRow.incident_id.is_not(None)).distinct()
    orphans = list(s.scalars(select(IncidentRow.id).where(IncidentRow.id.not_in(referenced))))
    for chunk in chunks(orphans):
        changes.deleted["links"] += s.scalar(select(func.count()).where(LinkRow.incident_id.in_(chunk))) or 0
        changes.deleted["assessments"] += (
            s.scalar(select(func.count()).where(AssessmentRow.incident_id.in_(chunk))) or 0
        )
        s.execute(delete(LinkRow).where(LinkRow.incident_id.in_(chunk)))
        s.execute(delete(AssessmentRow).where(AssessmentRow.incident_id.in_(chunk)))
        s.execute(delete(IncidentRow).where(IncidentRow.id.in_(chunk)))
    changes.deleted["incidents"] += len(orphans)
    for iid in orphans:
        touched.pop(iid, None)
        audit(s, "incident.removed", "incident", iid, {}, actor=actor, run_id=run_id)
    for iid in sorted(touched):
        action = "incident.created" if touched[iid].pop("created", False) else "incident.changed"
        audit(s, action, "incident", iid, touched[iid], actor=actor, run_id=run_id)
    return changes


def _evidence_dict(e: EvidenceRow) -> dict[str, Any]:
    return {
        "claim_id": e.claim_id,
        "position": e.position,
        "field": e.field,
        "start": e.start,
        "end": e.end,
        "text": e.text,
        "rule": e.rule,
    }


def _link_dict(k: LinkRow) -> dict[str, Any]:
    return {
        "incident_id": k.incident_id,
        "position": k.position,
        "a": k.a,
        "b": k.b,
        "weight": k.weight,
        "probability": k.probability,
        "reasons": k.reasons,
    }
