"""Plain values the repository hands back besides records: write counts, filters, runs, audit rows."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Self

from civcas.records import Grade


@dataclass
class Changes:
    """Rows a write inserted, updated, deleted or left as they were, per table."""

    inserted: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    deleted: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)

    def __iadd__(self, other: Changes) -> Self:
        self.inserted.update(other.inserted)
        self.updated.update(other.updated)
        self.deleted.update(other.deleted)
        self.unchanged.update(other.unchanged)
        return self

    @property
    def changed(self) -> int:
        """How many rows differ from before (0: the write was a no-op)."""
        return sum(self.inserted.values()) + sum(self.updated.values()) + sum(self.deleted.values())

    def as_dict(self) -> dict[str, dict[str, int]]:
        """``{"inserted": {"claims": 3, ...}, ...}`` with zero counts left out (JSON-ready)."""
        return {
            name: dict(sorted((k, v) for k, v in getattr(self, name).items() if v))
            for name in ("inserted", "updated", "deleted", "unchanged")
        }


@dataclass(frozen=True, slots=True)
class IncidentFilter:
    """What ``civcas incidents`` filters on; every given condition must hold.

    ``place`` matches a substring of the place name, the text's mention of
    it, its admin areas or country, folded (case, accents, apostrophes and
    hyphens do not matter: ``hajin`` finds ``Hajīn``); ``since``/``until`` keep incidents whose
    date interval overlaps them (undated incidents drop out);
    ``belligerent`` is one canonical name (``coalition``, ``US``, ``Russia``);
    ``grade`` one of :class:`~civcas.records.Grade`.
    """

    place: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    belligerent: str | None = None
    grade: Grade | None = None
    limit: int | None = None


@dataclass(frozen=True, slots=True)
class RunInfo:
    """One row of the runs table."""

    id: int
    command: str
    actor: str
    started_at: dt.datetime
    finished_at: dt.datetime | None
    status: str
    inputs: tuple[str, ...]
    counts: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One row of the audit table: who did what to which record, when."""

    at: dt.datetime
    actor: str
    action: str
    entity: str
    entity_id: str
    run_id: int | None
    detail: Mapping[str, Any]
