"""Store: documents, claims, evidence, incidents, assessments and the audit trail in SQLite or PostgreSQL.

The public surface is :class:`Store` (a repository over
:mod:`civcas.records`; no SQLAlchemy object leaves this package),
:func:`resolve_url`, :func:`load_for_report` and, in
:mod:`civcas.store.runner`, the incremental ``civcas run``. Schema,
migrations and idempotency are described in ``docs/store.md``.

Example:
    >>> from civcas.store import Store
    >>> with Store.open("sqlite://") as store:
    ...     _ = store.upgrade()
    ...     store.incidents()
    []
"""

from __future__ import annotations

from civcas.store.repository import (
    DEFAULT_URL,
    Store,
    current_actor,
    load_for_report,
    resolve_url,
)
from civcas.store.types import AuditEntry, Changes, IncidentFilter, RunInfo

__all__ = [
    "DEFAULT_URL",
    "AuditEntry",
    "Changes",
    "IncidentFilter",
    "RunInfo",
    "Store",
    "current_actor",
    "load_for_report",
    "resolve_url",
]
