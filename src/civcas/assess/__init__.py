"""Assess: figure ranges, source independence and a grade for each incident.

:func:`run` turns one incident and its claims into an
:class:`~civcas.records.Assessment`: monitors' min/best/max for killed,
injured, children and women (overall and per original source), the
original sources and the outlets relaying them, the grade with its
reasons, and the belligerent's own admission kept apart. Conventions are in
docs/figures.md and docs/assessment.md.

Example:
    >>> from civcas.records import Incident
    >>> run(Incident(id="inc-1", claim_ids=()), []).grade
    <Grade.WEAK: 'weak'>
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Mapping, Sequence

from civcas.assess.data import SourcesFile, default_sources
from civcas.assess.figures import Bounds, bounds, combine, describe
from civcas.assess.grade import grade, is_admission
from civcas.assess.sources import Attribution, attribute
from civcas.records import (
    Assessment,
    Claim,
    Decision,
    DecisionAction,
    Document,
    FigureRange,
    Incident,
    Stance,
    VictimStatus,
)

log = logging.getLogger(__name__)

__all__ = ["Bounds", "admission_assessment", "bounds", "combine", "describe", "run"]

#: Stances whose figures enter the monitors' range: what sources allege or estimate happened.
_ALLEGING = (Stance.ALLEGES, Stance.ESTIMATES)


def _discount(review: Sequence[Decision]) -> Decision | None:
    state: Decision | None = None
    for d in review:
        if d.action is DecisionAction.DISCOUNT:
            state = d
        elif d.action is DecisionAction.RESTORE:
            state = None
    return state


def _category(claim: Claim, name: str) -> Bounds | None:
    total = bounds(claim.killed)
    for key, fig in claim.victims:
        if key == name:
            return bounds(fig, total=total)
    return None


def _ranges(claims: Sequence[Claim]) -> dict[str, FigureRange | None]:
    per: dict[str, list[tuple[str, Bounds]]] = defaultdict(list)
    for c in claims:
        if c.victim_status is VictimStatus.COMBATANT:
            continue
        for name, b in (
            ("killed", bounds(c.killed)),
            ("injured", bounds(c.injured)),
            ("children", _category(c, "children")),
            ("women", _category(c, "women")),
        ):
            if b is not None:
                per[name].append((c.id, b))
    return {name: combine(per.get(name, [])) for name in ("killed", "injured", "children", "women")}


def admission_assessment(
    claims: Sequence[Claim], attributions: Mapping[str, Attribution], data: SourcesFile
) -> str | None:
    """The belligerent's own assessment: credible, non-credible, not yet assessed (``None``: it said nothing)."""
    statements = [
        c
        for c in claims
        if is_admission(c, attributions.get(c.id))
        or (c.stance in (Stance.DENIES, Stance.DISPUTES) and c.id in attributions and attributions[c.id].affiliation)
    ]
    if not statements:
        return None
    for c in statements:
        text = c.quote.casefold()
        for term in data.admission_terms:
            if any(p.casefold() in text for p in term.phrases):
                return term.assessment
    if any(c.stance is Stance.ACKNOWLEDGES for c in statements):
        return "credible"
    return "non-credible"


def run(
    incident: Incident,
    claims: Sequence[Claim],
    *,
    documents: Mapping[str, Document] | None = None,
    data: SourcesFile | None = None,
) -> Assessment:
    """Assess one incident from its claims.

    Args:
        incident: the incident (its ``review`` carries analyst discounts).
        claims: its claims (others are ignored).
        documents: documents by id (outlets, copies); claims whose document is missing count as their own outlet.
        data: the sources file (default: ``data/assess/sources.v1.yaml``).
    """
    data = data or default_sources()
    documents = documents or {}
    ids = set(incident.claim_ids)
    mine = [c for c in claims if c.id in ids]
    attributions = attribute(mine, documents, data)
    alleging = [c for c in mine if c.stance in _ALLEGING]
    overall = _ranges(alleging)

    per_source: dict[str, list[Claim]] = defaultdict(list)
    for c in alleging:
        per_source[attributions[c.id].original].append(c)
    per_claimant = tuple(
        (name, r) for name in sorted(per_source) if (r := _ranges(per_source[name])["killed"]) is not None
    )

    admissions = [c for c in mine if is_admission(c, attributions.get(c.id))]
    admitted = _ranges(admissions)["killed"] if admissions else None

    grade_, reasons = grade(mine, attributions, incident.belligerents, _discount(incident.review), data.sides)
    originals = tuple(sorted({a.original for a in attributions.values()}))
    relays = tuple(
        sorted({f"{a.relay} (relays {a.original})" for a in attributions.values() if a.relay and a.relay != a.original})
    )
    # a claim counting only fighters gives no civilian figure (``_ranges`` skips it): not counted here either
    n_alleging = sum(1 for c in alleging if c.victim_status is not VictimStatus.COMBATANT)
    extra = [f"monitors' killed range {describe(overall['killed'])} over {n_alleging} alleging claim(s)"]
    if admitted is not None:
        extra.append(f"conceded by the belligerent: {describe(admitted)}")
    log.debug("assessed %s: %s (%s)", incident.id, grade_, "; ".join(reasons))
    return Assessment(
        incident_id=incident.id,
        grade=grade_,
        reasons=(*reasons, *extra),
        killed=overall["killed"],
        injured=overall["injured"],
        children=overall["children"],
        women=overall["women"],
        per_claimant=per_claimant,
        original_sources=originals,
        relays=relays,
        admitted=admitted,
        admission_assessment=admission_assessment(mine, attributions, data),
    )
