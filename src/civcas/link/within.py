"""Within one document: which claims are per-claimant statements about one event, which are different events.

Extraction emits one claim per claimant for an event ("the ministry said 120",
"local reports put it at 200", "France disputes the figures"), all with the
event's place and date; and separate claims for separate events ("a day after
a US strike killed 20 in Manbij"). Here claims of one document are grouped:

1. claims naming the same place (not a whole country) with dates that do not
   exclude each other are one group; undated claims at a district or
   governorate only must also agree on the killed figure;
2. a group placed at an area (a governorate, a district, the town a village
   is "near") joins the one group inside that area, when exactly one is;
3. a claim without a usable place (none, or only the country) joins the
   one group its dates allow, when exactly one does.

Different groups of one document are never one incident: that is the
constraint the clustering enforces.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from civcas.link.features import (
    COARSE,
    COUNTRY_LEVEL,
    PRECISION_RANK,
    explicit_interval,
    figure_bounds,
    place_areas,
    place_names,
    place_rank,
)
from civcas.records import Claim, PlacePrecision

_SAME_PLACE_KM = 2.0
#: place ranks finer than this are points (a neighbourhood, a settlement), not areas (PRECISION_RANK)
_NEAR = PRECISION_RANK[PlacePrecision.NEAR]


@dataclass(frozen=True, slots=True)
class _Info:
    claim: Claim
    names: frozenset[str]
    areas: frozenset[str]
    rank: int
    interval: tuple[int, int] | None
    killed: tuple[int, int] | None
    country: str | None

    @property
    def placeless(self) -> bool:
        return not self.names or self.rank >= COUNTRY_LEVEL


def _info(claim: Claim) -> _Info:
    return _Info(
        claim=claim,
        names=frozenset(place_names(claim.place)),
        areas=frozenset(place_areas(claim)),
        rank=place_rank(claim.place),
        interval=explicit_interval(claim.date),
        killed=figure_bounds(claim.killed),
        country=claim.place.country if claim.place else None,
    )


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def dates_conflict(a: tuple[int, int] | None, b: tuple[int, int] | None, tolerance: int = 0) -> bool:
    """Both intervals stated and more than ``tolerance`` days apart."""
    if a is None or b is None:
        return False
    return max(a[0], b[0]) > min(a[1], b[1]) + tolerance


def _figures_agree(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is None or b is None or (a[0] <= b[1] and b[0] <= a[1])


def _same_place(x: _Info, y: _Info) -> bool:
    if x.placeless or y.placeless:
        return False
    if x.names & y.names:
        return True
    px, py = x.claim.place, y.claim.place
    if (
        px is not None
        and py is not None
        and px.lat is not None
        and px.lon is not None
        and py.lat is not None
        and py.lon is not None
        and x.rank < COARSE
        and y.rank < COARSE
    ):
        return km(px.lat, px.lon, py.lat, py.lon) <= _SAME_PLACE_KM
    return False


def _one_event(x: _Info, y: _Info) -> bool:
    """Phase 1: the same place and dates that do not exclude each other (coarse places also need figures)."""
    if not _same_place(x, y) or dates_conflict(x.interval, y.interval):
        return False
    if max(x.rank, y.rank) >= COARSE and (x.interval is None or y.interval is None):
        # "In Idlib province" twice in one text, undated: one event only if the figures allow it.
        return _figures_agree(x.killed, y.killed)
    return True


def _inside(outer: _Info, inner: _Info) -> bool:
    """``outer`` names an area (or anchor town) that ``inner`` lies in, and their dates allow one event."""
    if outer.placeless or inner.placeless or dates_conflict(outer.interval, inner.interval):
        return False
    if outer.rank < _NEAR and inner.rank < _NEAR and not _figures_agree(outer.killed, inner.killed):
        # "4 killed in Afrin ..., and a separate attack killed a woman in Maryamayn": a town (whose district bears
        # its name) and a village of that district, each with a toll of its own, are two strikes, not a village
        # inside an area
        return False
    return bool(outer.names & inner.areas)


def groups(claims: Sequence[Claim]) -> list[tuple[Claim, ...]]:
    """Partition one document's incident claims into events, in a deterministic order.

    Example:
        A ministry's and local reports' figures for one strike on one village
        form one group; a strike "a day earlier" in the nearby town forms another.
    """
    if len(claims) == 1:
        return [(claims[0],)]  # most documents of a large batch: nothing to decide
    infos = [_info(c) for c in sorted(claims, key=lambda c: c.id)]
    placed = [i for i in infos if not i.placeless]
    placeless = [i for i in infos if i.placeless]

    # Phase 1: complete-linkage on "one event", in claim order.
    grouped: list[list[_Info]] = []
    for info in placed:
        for g in grouped:
            if all(_one_event(info, other) for other in g):
                g.append(info)
                break
        else:
            grouped.append([info])

    # Phase 2: a group named after an area joins the single group inside that area.
    changed = True
    while changed:
        changed = False
        for g in grouped:
            candidates = [
                h for h in grouped if h is not g and all(_inside(x, y) or _one_event(x, y) for x in g for y in h)
            ]
            if len(candidates) == 1:
                candidates[0].extend(g)
                grouped.remove(g)
                changed = True
                break

    # Phase 3: claims without a usable place join the single group their dates (and country) allow.
    loose: list[list[_Info]] = []
    for info in placeless:
        fits = [
            g
            for g in grouped
            if all(not dates_conflict(info.interval, o.interval) for o in g)
            and (info.country is None or all(o.country in (None, info.country) for o in g))
        ]
        if len(fits) == 1:
            fits[0].append(info)
            continue
        for g in loose:
            if all(
                o.names == info.names
                and not dates_conflict(info.interval, o.interval)
                and _figures_agree(info.killed, o.killed)
                for o in g
            ):
                g.append(info)
                break
        else:
            loose.append([info])
    out = [tuple(sorted((i.claim for i in g), key=lambda c: c.id)) for g in (*grouped, *loose)]
    out.sort(key=lambda g: g[0].id)
    return out


@dataclass(frozen=True, slots=True)
class IndexGroups(Sequence[Sequence[int]]):
    """Within-document groups as claim indexes, stored flat: group ``k`` is ``members[starts[k]:starts[k + 1]]``.

    A million claims make some 900,000 groups, most of one claim; as a list of
    lists they cost about 100 MB of small objects, as two integer arrays 8 MB.
    """

    members: array  # type: ignore[type-arg]
    starts: array  # type: ignore[type-arg]

    def __len__(self) -> int:
        return len(self.starts) - 1

    def __getitem__(self, k: int) -> array:  # type: ignore[override,type-arg]
        if not -len(self) <= k < len(self):
            raise IndexError(k)
        k %= len(self)
        return self.members[self.starts[k] : self.starts[k + 1]]

    def __iter__(self) -> Iterator[array]:  # type: ignore[type-arg]
        for k in range(len(self)):
            yield self.members[self.starts[k] : self.starts[k + 1]]

    def group_of(self, n: int) -> array:  # type: ignore[type-arg]
        """The group number of each of ``n`` claims (0 for a claim in no group)."""
        out = array("i", bytes(4 * n))
        for k in range(len(self)):
            for i in self.members[self.starts[k] : self.starts[k + 1]]:
                out[i] = k
        return out


def index_groups(claims: Sequence[Claim]) -> IndexGroups:
    """The within-document groups of ``claims`` (sorted by id) as indexes, documents in id order.

    The same groups, in the same order, as :func:`groups` called on each
    document's claims, without a list per document or per group.

    Example:
        >>> index_groups([]).starts.tolist()
        [0]
    """
    # A stable sort keeps each document's claims in id order.
    order = sorted(range(len(claims)), key=lambda i: claims[i].doc_id)
    members, starts = array("i"), array("q", [0])
    k = 0
    while k < len(order):
        doc = claims[order[k]].doc_id
        end = k + 1
        while end < len(order) and claims[order[end]].doc_id == doc:
            end += 1
        if end == k + 1:
            members.append(order[k])
            starts.append(len(members))
        else:
            at = {claims[i].id: i for i in order[k:end]}
            for g in groups([claims[i] for i in order[k:end]]):
                members.extend(at[c.id] for c in g)
                starts.append(len(members))
        k = end
    return IndexGroups(members, starts)
