"""The store-backed run: new documents in, the whole pipeline over what changed, everything stored.

:func:`run` is what ``civcas run`` calls. It is incremental and idempotent:

- documents already stored with the same content are not extracted again;
  new and changed ones are, and their claims are linked against the stored
  claims, so they can join stored incidents (``civcas.pipeline.process``
  with the stored claims, incidents and analyst decisions);
- a run with nothing new (no pending document, no new analyst decision)
  does not run the pipeline at all, and writes nothing but its row in
  ``runs``;
- every write is an upsert that leaves equal rows untouched, inside one
  transaction: a failure leaves the store as it was.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from civcas.records import Document, Incident, Link
from civcas.store.repository import Store
from civcas.store.types import Changes

if TYPE_CHECKING:
    from civcas.extract import ExtractConfig

log = logging.getLogger(__name__)

#: Reasons link gives a claim it could not tie to another by a scored pair (see ``civcas.link._links``).
_UNSCORED = ("same document", "joined by")


@dataclass(frozen=True, slots=True)
class RunReport:
    """What one run did: documents read and extracted, rows changed, and how long it took."""

    run_id: int | None
    committed: bool
    documents_read: int
    documents: Changes
    extracted: tuple[str, ...]
    claims_extracted: int
    changes: Changes
    processed: bool
    decisions: int
    seconds: float
    skipped: tuple[str, ...] = ()
    touched_incidents: tuple[str, ...] = field(default=())

    @property
    def changed(self) -> int:
        """Rows inserted, updated or deleted (0: the store is exactly as before)."""
        return self.documents.changed + self.changes.changed

    def as_dict(self) -> dict[str, Any]:
        """The counts recorded in the ``runs`` table and printed by ``civcas run --json``."""
        return {
            "documents_read": self.documents_read,
            "documents": self.documents.as_dict(),
            "extracted_documents": len(self.extracted),
            "claims_extracted": self.claims_extracted,
            "processed": self.processed,
            "decisions": self.decisions,
            "changes": self.changes.as_dict(),
            "rows_changed": self.changed,
            "skipped": list(self.skipped),
            "seconds": round(self.seconds, 3),
        }


def _unscored(link: Link) -> bool:
    return bool(link.reasons) and link.reasons[0].startswith(_UNSCORED)


def keep_scored_links(incidents: Sequence[Incident], stored: Mapping[str, Incident]) -> tuple[Incident, ...]:
    """Keep each claim's stored scored link when an incremental pass could not score it again.

    An incremental link run scores only pairs with a new claim in them, so a
    stored claim's best link inside its incident comes back as a fallback
    ("same document", "joined by an analyst decision"). Where the stored
    incident had a scored link for that claim to a claim still in the
    incident, the stronger scored link of the two is kept; what ``show
    --explain`` says then stays true and a re-run changes nothing.
    """
    out = []
    for inc in incidents:
        old = stored.get(inc.id)
        if old is None or not old.links:
            out.append(inc)
            continue
        members = set(inc.claim_ids)
        before = {k.a: k for k in old.links if k.b in members and k.a in members and not _unscored(k)}
        links = []
        for k in inc.links:
            prev = before.get(k.a)
            if prev is not None and (_unscored(k) or prev.weight > k.weight):
                links.append(prev)
            else:
                links.append(k)
        out.append(replace(inc, links=tuple(links)))
    return tuple(out)


def with_copies_marked(store: Store, documents: Sequence[Document]) -> list[Document]:
    """Mark wire copies (``duplicate_of``) among ``documents`` and against the stored documents.

    Stored documents go first and keep their marks (``ingest.dedup`` keeps a
    ``duplicate_of`` already set), so a document already stored gets the
    same mark again and a re-run changes nothing.
    """
    from civcas import ingest

    if not documents:
        return []
    given = {d.id for d in documents}
    stored = [d for d in store.documents() if d.id not in given]
    marked = ingest.dedup([*stored, *documents])
    return marked[len(stored) :]


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What ``civcas ingest`` did: documents read, stored (new, changed, unchanged), pending extraction."""

    run_id: int | None
    committed: bool
    documents_read: int
    documents: Changes
    copies: int
    pending: int
    seconds: float
    skipped: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents_read": self.documents_read,
            "documents": self.documents.as_dict(),
            "copies": self.copies,
            "pending": self.pending,
            "rows_changed": self.documents.changed,
            "skipped": list(self.skipped),
            "seconds": round(self.seconds, 3),
        }


def ingest(
    store: Store,
    documents: Sequence[Document],
    *,
    commit: bool = True,
    inputs: Sequence[str] = (),
    skipped: Sequence[str] = (),
    actor: str = "",
) -> IngestReport:
    """Store documents without extracting them (``civcas ingest``); the next :func:`run` extracts them."""
    clock = time.perf_counter()
    store.check()
    with store.transaction(commit=commit):
        run_id = store.begin_run("ingest", inputs, actor=actor)
        marked = with_copies_marked(store, documents)
        changes = store.save_documents(marked, actor=actor, run_id=run_id)
        report = IngestReport(
            run_id=run_id if commit else None,
            committed=commit,
            documents_read=len(documents),
            documents=changes,
            copies=sum(1 for d in marked if d.duplicate_of),
            pending=len(store.pending_documents()),
            seconds=time.perf_counter() - clock,
            skipped=tuple(skipped),
        )
        store.finish_run(run_id, status="ok", counts=report.as_dict())
    return report


def _no_extraction_config() -> ExtractConfig:
    """Options for a pass with no document to extract (re-linking after a decision): no gazetteer to open."""
    from civcas.extract import ExtractConfig

    return ExtractConfig()


def _last_applied_decisions(store: Store) -> int:
    for r in store.runs(limit=50):
        if r.status == "ok" and isinstance(r.counts.get("decisions"), int):
            return int(r.counts["decisions"])
    return 0


def run(
    store: Store,
    documents: Sequence[Document] = (),
    *,
    config: ExtractConfig | None = None,
    progress: Callable[[Document], None] | None = None,
    on_extract: Callable[[int], None] | None = None,
    commit: bool = True,
    reextract: bool = False,
    command: str = "run",
    inputs: Sequence[str] = (),
    skipped: Sequence[str] = (),
    actor: str = "",
) -> RunReport:
    """Store ``documents``, run the pipeline over every pending document, store its results.

    Args:
        store: an open store at the current migration (:meth:`Store.check`).
        documents: documents read by ingest (may be empty: then only documents
            stored earlier by ``civcas ingest`` and new analyst decisions are processed).
        config: extraction options (default: :func:`civcas.pipeline.default_config`, built only when needed).
        progress: called once per document extracted (the CLI's progress bar).
        on_extract: called with the number of documents about to be extracted.
        commit: false for ``--dry-run``: everything runs, then the transaction is rolled back.
        reextract: extract every stored document again (after the extraction rules changed).
        command, inputs, skipped, actor: recorded in the ``runs`` table.

    Example:
        >>> from civcas.store import Store
        >>> store = Store.open("sqlite://"); _ = store.upgrade()
        >>> run(store, []).changed
        0
    """
    from civcas import pipeline

    clock = time.perf_counter()
    store.check()
    with store.transaction(commit=commit):
        run_id = store.begin_run(command, inputs, actor=actor)
        doc_changes = store.save_documents(with_copies_marked(store, documents), actor=actor, run_id=run_id)
        pending = store.pending_documents()
        if reextract:
            pending = [d.id for d in store.documents()]
        decisions = store.decisions()
        applied = _last_applied_decisions(store)
        processed = bool(pending) or len(decisions) != applied
        changes = Changes()
        claims_extracted = 0
        touched: tuple[str, ...] = ()
        if processed:
            pending_set = set(pending)
            stored_docs = store.documents()
            fresh = [d for d in stored_docs if d.id in pending_set]
            others = [d for d in stored_docs if d.id not in pending_set]
            stored_claims = [c for c in store.claims() if c.doc_id not in pending_set]
            stored_incidents = store.incidents()
            log.info(
                "run: %d documents to extract, %d stored claims, %d stored incidents, %d analyst decisions",
                len(fresh),
                len(stored_claims),
                len(stored_incidents),
                len(decisions),
            )
            if on_extract is not None:
                on_extract(len(fresh))
            result = pipeline.process(
                fresh,
                config=config or (pipeline.default_config() if fresh else _no_extraction_config()),
                existing_claims=stored_claims,
                existing_incidents=stored_incidents,
                decisions=decisions,
                progress=progress,
                existing_documents=others,
            )
            claims_extracted = sum(1 for c in result.claims if c.doc_id in pending_set)
            incidents = keep_scored_links(result.incidents, {i.id: i for i in stored_incidents})
            changes = store.save_result(
                result.claims,
                incidents,
                result.assessments,
                replace_documents=pending,
                actor=actor,
                run_id=run_id,
            )
            store.mark_extracted(pending)
            touched = tuple(
                e.entity_id
                for e in store.audit(run_id=run_id)
                if e.entity == "incident" and e.action != "incident.removed"
            )
        report = RunReport(
            run_id=run_id if commit else None,
            committed=commit,
            documents_read=len(documents),
            documents=doc_changes,
            extracted=tuple(pending) if processed else (),
            claims_extracted=claims_extracted,
            changes=changes,
            processed=processed,
            decisions=len(decisions),
            seconds=time.perf_counter() - clock,
            skipped=tuple(skipped),
            touched_incidents=tuple(sorted(set(touched))),
        )
        store.finish_run(run_id, status="ok", counts=report.as_dict())
    log.info(
        "run: %d documents read (%d new, %d changed), %d extracted, %d claims; %d rows changed in %.2fs%s",
        len(documents),
        doc_changes.inserted["documents"],
        doc_changes.updated["documents"],
        len(report.extracted),
        claims_extracted,
        report.changed,
        report.seconds,
        "" if commit else " (dry run: rolled back)",
    )
    return report
