"""Compose the pure stages: documents -> claims -> incidents.

The CLI, the store-backed ``run`` and the Spark jobs all call these, so the
claims a user sees are the same whichever way they were produced.
"""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from civcas import assess, extract, gctune, link
from civcas.errors import InputError
from civcas.records import Assessment, Claim, Decision, Document, Incident

log = logging.getLogger(__name__)


def default_config() -> extract.ExtractConfig:
    """Extraction options with the gazetteer (bundled plus every loaded layer), if one can be opened."""
    from civcas import gazetteer
    from civcas.errors import GazetteerError

    try:
        gz = gazetteer.load()
    except GazetteerError as exc:
        log.warning("gazetteer unavailable, places stay unresolved: %s", exc)
        gz = None
    return extract.ExtractConfig(gazetteer=gz, as_of=as_of())


def as_of() -> date | None:
    """The day of the reading when one is set: ``CIVCAS_AS_OF`` (an ISO date), else None, and the batch's newest
    publication date stands for it (:func:`batch_as_of`)."""
    raw = os.environ.get("CIVCAS_AS_OF", "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError as exc:
        raise InputError("CIVCAS_AS_OF", f"not an ISO date (YYYY-MM-DD): {raw!r}") from exc


def batch_as_of(documents: Sequence[Document]) -> date | None:
    """The newest date a document of the batch was published (or its address dates it): the day the batch was read,
    as far as the batch itself says. A batch with no dated document gives None, and undated pages' weekdays no year
    (``ExtractConfig.as_of``): neither the clock nor a guess stands for it, so the same batch reads the same any day."""
    days = [d.published for d in documents if d.published is not None]
    days += [b[0] for d in documents if d.published is None and (b := d.publication_bound()) is not None]
    return max(days) if days else None


def extract_claims(
    documents: Iterable[Document],
    *,
    config: extract.ExtractConfig | None = None,
    progress: Callable[[Document], None] | None = None,
) -> list[Claim]:
    """Extract every document's claims, in document order."""
    config = config or default_config()
    documents = list(documents)
    if config.as_of is None:
        config = dataclasses.replace(config, as_of=batch_as_of(documents))
    out: list[Claim] = []
    n_docs = 0
    failed = 0
    with gctune.batch():  # the gazetteer's caches grow through the batch: fewer collections over them
        for doc in documents:
            try:
                out.extend(extract.run(doc, config=config))
            except Exception:
                failed += 1
                log.exception("extract: document %s failed; its claims are missing from this run", doc.id)
            n_docs += 1
            if progress:
                progress(doc)
    log.info("extract: %d documents in, %d claims out, %d failed", n_docs, len(out), failed)
    if failed:
        log.warning("extract: %d of %d documents failed (run with -v for details)", failed, n_docs)
    return out


def claims_for_documents(
    documents: Sequence[Document],
    *,
    config: extract.ExtractConfig | None = None,
    progress: Callable[[Document], None] | None = None,
) -> list[Claim]:
    """Extract and link: the claims contract (``civcas claims``), no database, no network."""
    claims = extract_claims(documents, config=config, progress=progress)
    return link.assign_incidents(claims, documents=documents)


@dataclass(frozen=True, slots=True)
class ProcessResult:
    """What one pipeline pass produces for the store."""

    claims: tuple[Claim, ...]
    incidents: tuple[Incident, ...]
    assessments: tuple[Assessment, ...]


def process(
    documents: Sequence[Document],
    *,
    config: extract.ExtractConfig | None = None,
    existing_claims: Sequence[Claim] = (),
    existing_incidents: Sequence[Incident] = (),
    decisions: Sequence[Decision] = (),
    progress: Callable[[Document], None] | None = None,
    existing_documents: Sequence[Document] = (),
) -> ProcessResult:
    """Extract, link (incrementally, against what is stored) and assess.

    ``existing_*`` come from the store; analyst ``decisions`` win over the
    machine's links. ``existing_documents`` (the stored claims' documents)
    are not extracted again; linking and assessment read their dates and
    outlets. Returns every claim, incident and assessment affected.
    """
    new_claims = extract_claims(documents, config=config, progress=progress)
    all_documents = [*existing_documents, *documents]
    linked = link.run(
        [*existing_claims, *new_claims],
        documents=all_documents,
        existing=existing_incidents,
        decisions=decisions,
    )
    by_id = {c.id: c for c in linked.claims}
    docs = {d.id: d for d in all_documents}
    assessments = tuple(
        assess.run(inc, [by_id[cid] for cid in inc.claim_ids if cid in by_id], documents=docs)
        for inc in linked.incidents
    )
    return ProcessResult(claims=linked.claims, incidents=linked.incidents, assessments=assessments)
