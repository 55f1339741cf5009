"""Constrained clustering of scored pairs into incidents, with stable ids.

Start from the within-document groups (and, incrementally, the incidents
already stored, which keep their claims and ids). Links above the model's
threshold are taken strongest first; two clusters merge only when

- no document contributes two different groups (different events of one text),
- no two stated dates lie more than a day apart,
- no analyst decision keeps them apart,
- two stored incidents are never merged by the machine (only by an analyst),
- and the mean weight over every scored pair between them reaches the
  model's ``merge_threshold`` (average linkage, so one vague claim cannot
  chain two strikes together).

A new incident's id is derived from its earliest claim id, so the same
claims always give the same ids. Claims are addressed by their index in the
id-sorted claim list; cluster records are made only for groups that merge,
so a million claims cost little more than their groups.
"""

from __future__ import annotations

import hashlib
import logging
import math
from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from civcas.link.features import explicit_interval
from civcas.link.scoring import PairTable
from civcas.link.within import dates_conflict
from civcas.records import Claim

log = logging.getLogger(__name__)

#: Cross-document reports of one strike may differ by a day (time zones, "overnight", late reporting).
DATE_TOLERANCE_DAYS = 1


def incident_id(claim_ids: Iterable[str]) -> str:
    """The id of a new incident: a short hash of its earliest claim id (stable across runs).

    >>> incident_id(["doc-b:0:x", "doc-a:1:y"]) == incident_id(["doc-a:1:y"])
    True
    """
    first = min(claim_ids)
    return "inc-" + hashlib.sha1(first.encode("utf-8")).hexdigest()[:12]


_NOBODY: frozenset[int] = frozenset()


#: Undated reports that appeared further apart than this are about different strikes (docs/linking.md).
REPORTED_APART_DAYS = 30
_NO_DAY = -(2**31)


@dataclass(slots=True)
class _Cluster:
    members: list[int]
    docs: dict[str, int]
    intervals: list[tuple[int, int]]
    fixed_id: str | None = None
    apart: frozenset[int] = _NOBODY
    # when its reports appeared (the last day each can describe): over every claim, and over undated claims
    bound: tuple[int, int] | None = None
    undated_bound: tuple[int, int] | None = None
    # the earliest page date over its undated claims that have only one: their reports appeared by then
    ceiling: int | None = None


def _span(a: tuple[int, int] | None, b: tuple[int, int] | None) -> tuple[int, int] | None:
    if a is None:
        return b
    if b is None:
        return a
    return min(a[0], b[0]), max(a[1], b[1])


class _Forest:
    """Union-find over nodes (stored incidents, then within-document groups); records only for merged clusters.

    A group's node keeps nothing but its group number, and a cluster record
    (members, documents, dates) is built when a link is weighed and kept
    only once two nodes merge: at a million claims there are some 900,000
    groups, and a record for each cost several hundred MB.
    """

    def __init__(
        self,
        claims: Sequence[Claim],
        groups: Sequence[Sequence[int]],
        apart: Mapping[int, set[int]],
        reported: Sequence[int] | None = None,
        page_dated: Sequence[int] | None = None,
    ) -> None:
        self.claims = claims
        self.reported = reported
        self.page_dated = page_dated
        self.groups = groups
        self.apart = apart
        self.parent = array("i")
        self.group = array("i")  # the group a node stands for (-1: a stored incident)
        self.listed: dict[int, list[int]] = {}  # members of the nodes that are not exactly their group
        self.fixed_id: dict[int, str] = {}
        self.fixed_docs: dict[int, dict[str, int]] = {}
        self.data: dict[int, _Cluster] = {}

    def add(self, *, group: int = -1, members: list[int] | None = None, fixed: str | None = None) -> int:
        node = len(self.parent)
        self.parent.append(node)
        self.group.append(group)
        if members is not None:
            self.listed[node] = members
        if fixed is not None:
            self.fixed_id[node] = fixed
            self.fixed_docs[node] = {}
        return node

    def members(self, node: int) -> Sequence[int]:
        """The claims of a node that has not merged."""
        got = self.listed.get(node)
        return got if got is not None else self.groups[self.group[node]]

    def find(self, node: int) -> int:
        root = node
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[node] != root:
            self.parent[node], node = root, self.parent[node]
        return root

    def size(self, root: int) -> int:
        """How many claims a root holds (a cluster's state: it changes only by growing, when it merges)."""
        got = self.data.get(root)
        return len(got.members) if got is not None else len(self.members(root))

    def cluster(self, root: int) -> _Cluster:
        """The record of a root: kept for a merged cluster, built afresh for a node that has not merged."""
        got = self.data.get(root)
        if got is not None:
            return got
        members = list(self.members(root))
        intervals = [iv for i in members if (iv := explicit_interval(self.claims[i].date)) is not None]
        apart = frozenset().union(*(self.apart[i] for i in members if i in self.apart)) if self.apart else _NOBODY
        if root in self.fixed_docs:
            docs = dict(self.fixed_docs[root])
        else:
            gi = self.group[root]
            docs = {self.claims[self.groups[gi][0]].doc_id: gi}
        bound = undated = None
        if self.reported is not None:
            for i in members:
                day = self.reported[i]
                if day == _NO_DAY:
                    continue
                bound = _span(bound, (day, day))
                if explicit_interval(self.claims[i].date) is None:
                    undated = _span(undated, (day, day))
        ceiling = None
        if self.page_dated is not None:
            days = [d for i in members if (d := self.page_dated[i]) != _NO_DAY]
            ceiling = min(days) if days else None
        return _Cluster(members, docs, intervals, self.fixed_id.get(root), apart, bound, undated, ceiling)

    def union(self, a: int, b: int, ca: _Cluster, cb: _Cluster) -> None:
        """Merge root ``b`` (record ``cb``) into root ``a`` (``ca``); a stored incident stays the root."""
        if ca.fixed_id is None and cb.fixed_id is not None:
            a, b, ca, cb = b, a, cb, ca
        ca.members.extend(cb.members)
        ca.docs.update(cb.docs)
        ca.intervals.extend(cb.intervals)
        ca.bound = _span(ca.bound, cb.bound)
        ca.undated_bound = _span(ca.undated_bound, cb.undated_bound)
        if cb.ceiling is not None and (ca.ceiling is None or cb.ceiling < ca.ceiling):
            ca.ceiling = cb.ceiling
        if cb.apart:
            ca.apart = ca.apart | cb.apart
        self.parent[b] = a
        self.data[a] = ca
        self.data.pop(b, None)


def _conflict(x: _Cluster, y: _Cluster) -> str | None:
    """Why two clusters must stay apart, or ``None``."""
    if x.fixed_id is not None and y.fixed_id is not None:
        return f"both stored ({x.fixed_id}, {y.fixed_id}); only an analyst merges stored incidents"
    shared = [doc for doc, grp in x.docs.items() if doc in y.docs and y.docs[doc] != grp]
    if shared:
        return f"document {shared[0]} reports them as different events"
    if x.apart.intersection(y.members) or y.apart.intersection(x.members):
        return "an analyst split them"
    if any(dates_conflict(i, j, DATE_TOLERANCE_DAYS) for i in x.intervals for j in y.intervals):
        return "their stated dates are more than a day apart"
    for a, b in ((x, y), (y, x)):
        if a.bound is not None and b.intervals and a.bound[0] + DATE_TOLERANCE_DAYS < max(s for s, _ in b.intervals):
            return "a report appeared before the other's stated date"
        # an undated report and another report that appeared more than a month apart
        ua, bb = a.undated_bound, b.bound
        if ua is not None and bb is not None and (
            ua[0] + REPORTED_APART_DAYS < bb[1] or bb[0] + REPORTED_APART_DAYS < ua[1]
        ):
            return f"undated reports appeared more than {REPORTED_APART_DAYS} days apart"
        # an undated report on a page dated D (it appeared by D, a capture's date line being later than that) and a
        # report that appeared more than a month after D
        if a.ceiling is not None and bb is not None and a.ceiling + REPORTED_APART_DAYS < bb[1]:
            return f"a report appeared more than {REPORTED_APART_DAYS} days after an undated report's page date"
    return None


def cluster(
    claims: Sequence[Claim],
    groups: Sequence[Sequence[int]],
    table: PairTable,
    *,
    threshold: float,
    merge_threshold: float,
    unscored_weight: float | None = None,
    existing: Mapping[int, str] | None = None,
    apart: Mapping[int, set[int]] | None = None,
    reported: Sequence[int] | None = None,
    page_dated: Sequence[int] | None = None,
) -> list[str]:
    """The incident id of every claim (by index into ``claims``, which is sorted by claim id).

    Args:
        claims: the incident claims, sorted by id (``table`` indexes them).
        groups: within-document groups as claim indexes (:func:`civcas.link.within.groups`).
        table: scored cross-document pairs.
        threshold: the match weight a pair needs to be considered a link.
        merge_threshold: the mean weight over the pairs between two clusters needed to merge them.
        unscored_weight: what a pair between them that blocking never compared (two villages apart, undated)
            counts as in that mean; ``None`` leaves such pairs out, so a claim at a governorate could chain
            every village in it.
        existing: claim index -> stored incident id; those claims stay where they are.
        apart: claim index -> claim indexes an analyst kept apart from it.
        reported: per claim, the last day its report can describe (publication, a dated address; day number,
            ``-2**31`` when unknown): a report that appeared before another's stated date, or undated reports
            that appeared more than a month apart, are different strikes.
        page_dated: per undated claim known only by its page's date line, that date (day number, ``-2**31`` for
            others): the report appeared by then, so a report that appeared more than a month later is of
            another strike.
    """
    existing = existing or {}
    forest = _Forest(claims, groups, apart or {}, reported, page_dated)
    node_of = array("i", [-1]) * len(claims)
    fixed_node: dict[str, int] = {}

    for i, iid in sorted(existing.items()):
        if iid not in fixed_node:
            fixed_node[iid] = forest.add(members=[], fixed=iid)
        forest.listed[fixed_node[iid]].append(i)
        node_of[i] = fixed_node[iid]

    for gi, group in enumerate(groups):
        stored = sorted({existing[i] for i in group if i in existing})
        new = [i for i in group if node_of[i] < 0]
        if stored:
            # New claims of a document already linked join the incident of its stored claims.
            node = fixed_node[stored[0]]
            forest.listed[node].extend(new)
            forest.fixed_docs[node].setdefault(claims[group[0]].doc_id, gi)
        elif len(new) == len(group):
            node = forest.add(group=gi)
        elif new:
            node = forest.add(group=gi, members=new)  # a claim given in two groups stays in the first
        else:
            continue
        for i in new:
            node_of[i] = node

    group_of = array("i", [-1]) * len(claims)
    for gi, group in enumerate(groups):
        for i in group:
            if group_of[i] < 0:
                group_of[i] = gi
    ids = table.ids
    # Two clusters refused once stay refused until one of them grows: many edges join the same two clusters (ten
    # reports against ten), and the mean over their reports is the costly part. A root and its size name a state.
    refused: set[tuple[int, int, int, int]] = set()
    for i, j, w in table.edges(threshold):
        if node_of[i] < 0 or node_of[j] < 0:
            continue
        ra, rb = forest.find(node_of[i]), forest.find(node_of[j])
        if ra == rb:
            continue
        state = (ra, forest.size(ra), rb, forest.size(rb)) if ra < rb else (rb, forest.size(rb), ra, forest.size(ra))
        if state in refused:
            continue
        ca, cb = forest.cluster(ra), forest.cluster(rb)
        why = _conflict(ca, cb)
        if why is not None:
            log.debug("not linking %s and %s (weight %.2f): %s", ids[i], ids[j], w, why)
            refused.add(state)
            continue
        small, other = (ca, rb) if len(ca.members) <= len(cb.members) else (cb, ra)
        total, count = 0.0, 0
        if unscored_weight is None:
            for x in small.members:
                for y, wxy in table.neighbours(x):
                    if node_of[y] >= 0 and forest.find(node_of[y]) == other:
                        total += wxy
                        count += 1
        else:
            # Average over reports, not claims: each pair of a document's event in one cluster and a document's
            # event in the other weighs as its best claim pair, and a pair blocking never proposed (two villages,
            # undated) at ``unscored_weight``, so a claim placed only at a governorate cannot chain its villages.
            best: dict[tuple[int, int], float] = {}
            for x in small.members:
                gx = group_of[x]
                for y, wxy in table.neighbours(x):
                    if node_of[y] >= 0 and forest.find(node_of[y]) == other:
                        key = (gx, group_of[y])
                        if wxy > best.get(key, -math.inf):
                            best[key] = wxy
            pairs = len({group_of[x] for x in ca.members}) * len({group_of[y] for y in cb.members})
            total = sum(best.values()) + (pairs - len(best)) * unscored_weight
            count = pairs
        if count and total / count < merge_threshold:
            refused.add(state)
            log.debug(
                "not linking %s and %s (weight %.2f): mean weight %.2f over %d pairs is below %.2f",
                ids[i],
                ids[j],
                w,
                total / count,
                count,
                merge_threshold,
            )
            continue
        log.debug("linking %s and %s (weight %.2f)", ids[i], ids[j], w)
        forest.union(ra, rb, ca, cb)

    out = [""] * len(claims)
    named: dict[int, str] = {}
    for i in range(len(claims)):
        if node_of[i] < 0:
            out[i] = incident_id([claims[i].id])
            continue
        root = forest.find(node_of[i])
        if root not in named:
            record = forest.data.get(root)
            fixed = record.fixed_id if record is not None else forest.fixed_id.get(root)
            members = record.members if record is not None else forest.members(root)
            # Claims are sorted by id, so the smallest index is the earliest claim id.
            named[root] = fixed or incident_id([claims[min(members)].id])
        out[i] = named[root]
    return out
