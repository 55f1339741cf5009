"""Link: claims from many documents into incidents.

Pipeline: within-document groups (:mod:`civcas.link.within`), comparison
records (:mod:`civcas.link.features`), pairs scored by the trained Splink
model (:mod:`civcas.link.scoring`, :mod:`civcas.link.model`), constrained
clustering with stable ids (:mod:`civcas.link.cluster`) and analyst
decisions replayed on top (:mod:`civcas.link.decisions`).

Example:
    >>> from civcas import link
    >>> link.run([]).incidents
    ()
"""

from __future__ import annotations

import bisect
import logging
import time
from array import array
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from civcas.link.cluster import cluster, incident_id
from civcas.link.decisions import apply as apply_decisions
from civcas.link.decisions import kept_apart, split_id
from civcas.link.features import columns, day_number, explicit_interval, latest_day, place_rank, report_dates
from civcas.link.model import LinkModel, default_model, load_model
from civcas.link.scoring import PairTable, ScoredPair, score_pairs, unpack
from civcas.link.within import groups as document_groups
from civcas.link.within import index_groups
from civcas.records import Claim, ClaimKind, DateInterval, Decision, Document, Incident, Link, Place

log = logging.getLogger(__name__)

__all__ = [
    "LinkModel",
    "LinkResult",
    "PairTable",
    "ScoredPair",
    "assign_incidents",
    "default_model",
    "explain",
    "incident_id",
    "load_model",
    "run",
    "split_id",
]

#: Above this many claims, pairs far below the threshold are not kept for average linkage.
_KEEP_ALL_PAIRS_UP_TO = 5_000
_FLOOR_BELOW_THRESHOLD = 8.0


@dataclass(frozen=True, slots=True)
class LinkResult:
    """Claims with ``incident`` set, the incidents they form, and the scored pairs behind them."""

    claims: tuple[Claim, ...]
    incidents: tuple[Incident, ...]
    table: PairTable | None = None
    stats: tuple[tuple[str, float], ...] = ()  # phase timings ("<phase>_s") and counts, for logs and benchmarks

    @property
    def pairs(self) -> list[ScoredPair]:
        """Every scored pair (materialised on request: at scale, use ``table``)."""
        return self.table.pairs() if self.table is not None else []


def run(
    claims: Sequence[Claim],
    *,
    documents: Sequence[Document] = (),
    existing: Sequence[Incident] = (),
    decisions: Sequence[Decision] = (),
    model: LinkModel | None = None,
) -> LinkResult:
    """Group incident claims into incidents; aggregate claims pass through with ``incident=None``.

    Args:
        claims: every claim to link: new ones and, incrementally, the stored ones.
        documents: their documents, for publication dates (a report cannot describe a later event).
        existing: stored incidents; their claims keep their incident ids, new claims may join them.
        decisions: analyst decisions from the audit table, replayed after the machine links, so they win.
        model: the linkage model (default: the bundled ``data/link/model.v1.json``).
    """
    model = model or default_model()
    clock = time.perf_counter()
    timings: list[tuple[str, float]] = []

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings.append((f"{name}_s", round(now - clock, 3)))
        clock = now

    # Incident claims in id order, and where each sits in ``claims`` (to hand the claims back in their order).
    order = array(
        "i", sorted((k for k, c in enumerate(claims) if c.kind is ClaimKind.INCIDENT), key=lambda k: claims[k].id)
    )
    incident_claims = [claims[k] for k in order]
    ids = tuple(c.id for c in incident_claims)
    stored = {i: inc.id for inc in existing for cid in inc.claim_ids if (i := _position(ids, cid)) is not None}
    apart = _apart_indexes(kept_apart(decisions, {ids[i]: iid for i, iid in stored.items()}), ids)
    groups = index_groups(incident_claims)
    lap("groups")

    # Only dated documents say anything to linking; a dict of every document would be most of a million entries.
    published = report_dates(incident_claims, documents)
    n = len(incident_claims)
    cap = model.spec.block_cap if n >= model.spec.refine_from else None
    reported = array("i", (_report_day(c, published) for c in incident_claims))
    page_dated = array("i", (_page_day(c) for c in incident_claims))
    cols = columns(incident_claims, model.belligerents, published, cap=cap)
    cols.pop("claim_id", None)  # the same as ``ids``
    del published
    lap("features")
    floor = None if n <= _KEEP_ALL_PAIRS_UP_TO else model.threshold - _FLOOR_BELOW_THRESHOLD
    fresh = {i for i in range(n) if i not in stored} if stored else None
    # score_pairs empties cols as it converts them: the batch never exists twice.
    table = score_pairs(cols, model, ids=ids, floor=floor, only_with=fresh)
    del cols, fresh
    lap("scoring")

    assignment = cluster(
        incident_claims,
        groups,
        table,
        threshold=model.threshold,
        merge_threshold=model.merge_threshold,
        unscored_weight=model.unscored_weight,
        existing=stored,
        apart=apart,
        reported=reported,
        page_dated=page_dated,
    )
    trail: Mapping[str, tuple[Decision, ...]] = {}
    if decisions:
        by_claim, trail = apply_decisions(dict(zip(ids, assignment, strict=True)), decisions)
        assignment = [by_claim[cid] for cid in ids]
        del by_claim
    lap("cluster")

    incidents = _incidents(incident_claims, assignment, table, groups.group_of(n), trail, model)
    del groups
    incident_of: list[str | None] = [None] * len(claims)
    for k, iid in zip(order, assignment, strict=True):
        incident_of[k] = iid
    del assignment
    out = tuple(
        replace(c, incident=incident_of[k]) if c.kind is ClaimKind.INCIDENT else c for k, c in enumerate(claims)
    )
    lap("records")
    log.info(
        "link: %d claims in (%d incident claims, %d stored), %d pairs scored, %d incidents out; %s",
        len(claims),
        n,
        len(stored),
        len(table),
        len(incidents),
        ", ".join(f"{k} {v:.2f}" for k, v in timings),
    )
    stats = (*timings, ("pairs", float(len(table))), ("incidents", float(len(incidents))))
    return LinkResult(claims=out, incidents=incidents, table=table, stats=stats)


def _report_day(claim: Claim, published: Mapping[str, date]) -> int:
    """The last day a claim's report can describe, as a day number (``-2**31`` when nothing says)."""
    day = latest_day(claim.date, published.get(claim.doc_id))
    return -(2**31) if day is None else day


def _page_day(claim: Claim) -> int:
    """The page date an undated claim is bounded by (its date line), as a day number (``-2**31`` for others)."""
    d = claim.date
    if d is None or d.start is not None or d.end is None or d.rule != "on_or_before_dateline":
        return -(2**31)
    return day_number(d.end)


def _position(ids: Sequence[str], cid: str) -> int | None:
    """The index of claim ``cid`` in the sorted ``ids`` (``None`` when absent): no id -> index dict of a million."""
    k = bisect.bisect_left(ids, cid)
    return k if k < len(ids) and ids[k] == cid else None


def _apart_indexes(apart: Mapping[str, set[str]], ids: Sequence[str]) -> dict[int, set[int]]:
    out: dict[int, set[int]] = {}
    for a, bs in apart.items():
        i = _position(ids, a)
        if i is not None:
            out[i] = {j for b in bs if (j := _position(ids, b)) is not None}
    return out


def assign_incidents(claims: Sequence[Claim], *, documents: Sequence[Document] = ()) -> list[Claim]:
    """Return the claims with ``incident`` set; claims about one event share an id."""
    return list(run(claims, documents=documents).claims)


class _Reasons:
    """Link reasons per packed gamma code, built once and shared by every link with the same levels."""

    def __init__(self, model: LinkModel) -> None:
        self.model = model
        self.levels = model.levels()
        self.cache: dict[int, tuple[str, ...]] = {}

    def __call__(self, code: int) -> tuple[str, ...]:
        got = self.cache.get(code)
        if got is None:
            out = [f"prior {self.model.prior_weight:+.1f}"]
            for comp, gamma in zip(
                self.model.spec.comparisons, unpack(code, len(self.model.spec.comparisons)), strict=True
            ):
                info = self.levels[comp.id][gamma]
                out.append(f"{comp.id}: {info.label} ({info.weight:+.1f})")
            got = self.cache[code] = tuple(out)
        return got


_SAME_DOCUMENT = ("same document: another claimant's statement about the same event (same place and date)",)
_BY_ANALYST = ("joined by an analyst decision",)


def _links(
    members: Sequence[int],
    table: PairTable,
    group_of: Sequence[int],
    reasons: _Reasons,
) -> tuple[Link, ...]:
    """Each member's strongest scored link inside the incident (or why it is there without one)."""
    ids = table.ids
    inside = set(members)
    out = []
    for i in members:
        best: tuple[float, int, int] | None = None
        for j, w, code in table.neighbour_codes(i):
            if j in inside and (best is None or w > best[0] or (w == best[0] and j < best[1])):
                best = (w, j, code)
        if best is not None:
            w, j, code = best
            prob = 1.0 / (1.0 + 2.0 ** (-w))
            out.append(Link(a=ids[i], b=ids[j], weight=round(w, 3), probability=round(prob, 4), reasons=reasons(code)))
            continue
        mates = [j for j in members if j != i and group_of[j] == group_of[i]]
        others = [j for j in members if j != i]
        if mates:
            out.append(Link(a=ids[i], b=ids[mates[0]], weight=0.0, probability=1.0, reasons=_SAME_DOCUMENT))
        elif others:
            out.append(Link(a=ids[i], b=ids[others[0]], weight=0.0, probability=1.0, reasons=_BY_ANALYST))
    return tuple(out)


def _incidents(
    claims: Sequence[Claim],
    assignment: Sequence[str],
    table: PairTable,
    group_of: Sequence[int],
    trail: Mapping[str, tuple[Decision, ...]],
    model: LinkModel,
) -> tuple[Incident, ...]:
    members: dict[str, list[int]] = defaultdict(list)
    for i, iid in enumerate(assignment):
        members[iid].append(i)
    reasons = _Reasons(model)
    tag = f"model {model.tag}"
    out = []
    for iid in sorted(members):
        idx = members[iid]
        cs = [claims[i] for i in idx]
        docs = {c.doc_id for c in cs}
        out.append(
            Incident(
                id=iid,
                claim_ids=tuple(c.id for c in cs),
                date=_incident_date(cs),
                place=_incident_place(cs),
                belligerents=_incident_belligerents(cs),
                links=_links(idx, table, group_of, reasons) if len(idx) > 1 else (),
                reasons=(f"{len(cs)} claim(s) from {len(docs)} document(s)", tag),
                review=trail.get(iid, ()),
            )
        )
    return tuple(out)


def _incident_date(claims: Sequence[Claim]) -> DateInterval | None:
    """The narrowest stated interval among the claims (``None`` when none states a date)."""
    dated = [(c, iv) for c in claims if (iv := explicit_interval(c.date)) is not None]
    if not dated:
        return None
    c, _ = min(dated, key=lambda x: (x[1][1] - x[1][0], x[1][0], x[0].id))
    return c.date


def _incident_place(claims: Sequence[Claim]) -> Place | None:
    """The finest place any claim gives (ties: the most often named, then the earliest claim)."""
    placed = [c for c in claims if c.place is not None and c.place.name]
    if not placed:
        return None
    counts = Counter(c.place.name for c in placed if c.place)
    best = min(placed, key=lambda c: (place_rank(c.place), -counts[c.place.name if c.place else None], c.id))
    return best.place


def _incident_belligerents(claims: Sequence[Claim]) -> tuple[str, ...]:
    names = {b for c in claims for b in c.belligerents}
    known = sorted(names - {"unknown"})
    return tuple(known) if known else tuple(sorted(names))


def explain(incident: Incident, claims: Sequence[Claim], *, model: LinkModel | None = None) -> list[str]:
    """Why each claim joined the incident: the match weights of its strongest link.

    Uses ``incident.links`` when the incident carries them; otherwise scores
    the incident's claims again with the model. One line per claim, then
    the analyst decisions that touched the incident.
    """
    model = model or default_model()
    by_id = {c.id: c for c in claims}
    links = {link.a: link for link in incident.links}
    if not links and len(incident.claim_ids) > 1:
        links = _recomputed_links(incident, [by_id[c] for c in incident.claim_ids if c in by_id], model)
    lines = [
        f"incident {incident.id}: {len(incident.claim_ids)} claim(s); "
        f"a link needs match weight >= {model.threshold:+.1f} ({model.tag})"
    ]
    for cid in incident.claim_ids:
        c = by_id.get(cid)
        who = f"{c.claimant or 'outlet'} in {c.doc_id}" if c else "claim not loaded"
        link = links.get(cid)
        if link is None:
            lines.append(
                f"- {cid} ({who}): the incident's only claim"
                if len(incident.claim_ids) == 1
                else f"- {cid} ({who}): no scored link inside the incident"
            )
            continue
        head = f"- {cid} ({who}): joined via {link.b}"
        if link.reasons and link.reasons[0].startswith(("same document", "joined by")):
            lines.append(f"{head}: {link.reasons[0]}")
        else:
            lines.append(f"{head}, weight {link.weight:+.1f} (p={link.probability:.3f}): " + "; ".join(link.reasons))
    for d in incident.review:
        lines.append(f"analyst {d.action} by {d.actor or '?'} at {d.at or '?'}: {d.reason}")
    return lines


def _recomputed_links(incident: Incident, claims: Sequence[Claim], model: LinkModel) -> dict[str, Link]:
    """Links of an incident stored without them: score its claims pairwise again."""
    ordered = sorted(claims, key=lambda c: c.id)
    table = score_pairs(columns(ordered, model.belligerents), model, all_pairs=True)
    index = {c.id: i for i, c in enumerate(ordered)}
    group_of = [0] * len(ordered)
    for gi, g in enumerate(document_groups(ordered)):
        for c in g:
            group_of[index[c.id]] = gi
    links = _links(list(range(len(ordered))), table, group_of, _Reasons(model))
    return {link.a: link for link in links}
