"""Analyst decisions, replayed over the machine's incidents on every run.

Decisions are kept in the store's audit table and passed to every
:func:`civcas.link.run`. They are replayed in the order they were taken,
after the machine has linked, so they always win; each is idempotent, so
replaying them over incidents that already reflect them changes nothing.

- ``merge``: every claim of the named incidents (and the claims the
  decision lists) goes to ``target``, or to the first incident named.
- ``split``: the listed claims leave for ``target``, or for a new incident
  whose id is derived from them.
- ``move_claim``: the listed claims go to ``target``.
- ``discount`` / ``restore``: the incident's grade becomes (or stops being)
  ``discounted``; assessment reads it from ``Incident.review``.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Mapping, Sequence

from civcas.errors import LinkError
from civcas.records import Decision, DecisionAction

log = logging.getLogger(__name__)


def split_id(claim_ids: Iterable[str]) -> str:
    """The id of the incident a split creates: a hash of the claims split off (stable on replay)."""
    joined = "\n".join(sorted(claim_ids))
    return "inc-" + hashlib.sha1(("split\n" + joined).encode("utf-8")).hexdigest()[:12]


def validate(decision: Decision) -> None:
    """Raise :class:`LinkError` when a decision cannot be applied whatever the incidents are."""
    where = f"decision {decision.action}"
    a = decision.action
    if a is DecisionAction.MERGE and len(decision.incident_ids) < 2 and not decision.target:
        raise LinkError(f"{where}: merge needs two incidents or more; got {list(decision.incident_ids)}")
    if a is DecisionAction.SPLIT and (len(decision.incident_ids) != 1 or not decision.claim_ids):
        raise LinkError(f"{where}: split needs one incident and the claims to split off")
    if a is DecisionAction.MOVE_CLAIM and (not decision.claim_ids or not decision.target):
        raise LinkError(f"{where}: move_claim needs claims and a target incident")
    if a in (DecisionAction.DISCOUNT, DecisionAction.RESTORE) and len(decision.incident_ids) != 1:
        raise LinkError(f"{where}: {a} needs exactly one incident")
    if not decision.reason.strip():
        raise LinkError(f"{where}: no reason given; every analyst decision records why")


def ordered(decisions: Sequence[Decision]) -> list[Decision]:
    """Decisions in the order they were taken (timestamp, then the order given)."""
    return [d for _, d in sorted(enumerate(decisions), key=lambda x: (x[1].at, x[0]))]


def kept_apart(decisions: Sequence[Decision], existing: Mapping[str, str]) -> dict[str, set[str]]:
    """claim id -> claims the machine must not put it with again, from split decisions.

    The claims a split took out stay apart from the claims left in the
    incident they came from (as stored in ``existing``, claim -> incident),
    so a re-run cannot pull a new claim in that bridges them again.
    """
    out: dict[str, set[str]] = {}
    for d in decisions:
        if d.action is not DecisionAction.SPLIT or len(d.incident_ids) != 1:
            continue
        taken = set(d.claim_ids)
        left = {cid for cid, iid in existing.items() if iid == d.incident_ids[0] and cid not in taken}
        for cid in taken:
            out.setdefault(cid, set()).update(left)
        for cid in left:
            out.setdefault(cid, set()).update(taken)
    return out


def apply(
    assignment: dict[str, str], decisions: Sequence[Decision]
) -> tuple[dict[str, str], dict[str, tuple[Decision, ...]]]:
    """Replay ``decisions`` over claim -> incident ``assignment``.

    Returns the new assignment and, per incident id, the decisions that
    touched it (its review trail; merges are followed, so a discount of an
    incident later merged stays with the merged incident).
    """
    out = dict(assignment)
    trail: dict[str, list[Decision]] = {}
    redirect: dict[str, str] = {}

    def resolve(iid: str) -> str:
        seen = set()
        while iid in redirect and iid not in seen:
            seen.add(iid)
            iid = redirect[iid]
        return iid

    for d in ordered(decisions):
        try:
            validate(d)
        except LinkError as exc:
            log.warning("skipping analyst decision: %s", exc)
            continue
        if d.action is DecisionAction.MERGE:
            target = resolve(d.target or d.incident_ids[0])
            sources = {resolve(i) for i in d.incident_ids}
            for cid, iid in out.items():
                if iid in sources:
                    out[cid] = target
            for cid in d.claim_ids:
                if cid in out:
                    out[cid] = target
            for src in sources - {target}:
                redirect[src] = target
                trail.setdefault(target, []).extend(trail.pop(src, []))
            trail.setdefault(target, []).append(d)
        elif d.action is DecisionAction.SPLIT:
            target = d.target or split_id(d.claim_ids)
            moved = [cid for cid in d.claim_ids if cid in out]
            if not moved:
                log.warning("split of %s: none of its claims are present; skipped", d.incident_ids[0])
                continue
            for cid in moved:
                out[cid] = target
            trail.setdefault(resolve(d.incident_ids[0]), []).append(d)
            trail.setdefault(target, []).append(d)
        elif d.action is DecisionAction.MOVE_CLAIM:
            target = resolve(d.target or "")
            for cid in d.claim_ids:
                if cid in out:
                    source = out[cid]
                    out[cid] = target
                    trail.setdefault(source, []).append(d)
            trail.setdefault(target, []).append(d)
        else:  # discount / restore
            trail.setdefault(resolve(d.incident_ids[0]), []).append(d)
    present = set(out.values())
    return out, {iid: tuple(ds) for iid, ds in trail.items() if iid in present}


def discounted(review: Sequence[Decision]) -> Decision | None:
    """The standing discount decision in a review trail (``None`` if none, or restored since)."""
    state: Decision | None = None
    for d in review:
        if d.action is DecisionAction.DISCOUNT:
            state = d
        elif d.action is DecisionAction.RESTORE:
            state = None
    return state
