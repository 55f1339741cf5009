"""Constrained clustering over scored pairs: strongest links first, constraints veto, ids stable."""

from __future__ import annotations

from array import array

from _link_claims import claim

from civcas.link.cluster import cluster, incident_id
from civcas.link.scoring import PairTable
from civcas.link.within import IndexGroups
from civcas.records import Claim

A = claim("a:0", "a", "Jets killed 12 in Raqqa.", where="Raqqa", day="2017-06-01", killed=12)
B = claim("b:0", "b", "Twelve died in Raqqa.", where="Raqqa", day="2017-06-01", killed=12)
C = claim("c:0", "c", "Raqqa raid killed 12.", where="Raqqa", day="2017-06-09", killed=12)
C_UNDATED = claim("c:0", "c", "A raid killed 12 in Raqqa.", where="Raqqa", killed=12)
D1 = claim("d:0", "d", "A raid killed 12 in Raqqa on June 1.", where="Raqqa", day="2017-06-01", killed=12)
D2 = claim("d:1", "d", "Another raid killed 5 in Tabqa on June 3.", where="Tabqa", day="2017-06-03", killed=5)


def _table(claims: list[Claim], weights: dict[tuple[str, str], float]) -> PairTable:
    """A pair table as scoring builds it: claims in id order, edges strongest first, both-way neighbours."""
    ids = tuple(c.id for c in claims)
    idx = {cid: i for i, cid in enumerate(ids)}
    edges = sorted(((w, *sorted((idx[a], idx[b]))) for (a, b), w in weights.items()), key=lambda e: (-e[0], e[1], e[2]))
    nbrs: list[list[tuple[int, float]]] = [[] for _ in ids]
    for w, i, j in edges:
        nbrs[i].append((j, w))
        nbrs[j].append((i, w))
    offsets, nbr, nbr_w, nbr_g = array("q", [0]), array("q"), array("d"), array("q")
    for lst in nbrs:
        for j, w in sorted(lst):
            nbr.append(j)
            nbr_w.append(w)
            nbr_g.append(0)
        offsets.append(len(nbr))
    return PairTable(
        ids,
        0,
        array("q", [e[1] for e in edges]),
        array("q", [e[2] for e in edges]),
        array("d", [e[0] for e in edges]),
        array("q", [0] * len(edges)),
        offsets,
        nbr,
        nbr_w,
        nbr_g,
    )


def _run(claims: list[Claim], weights: dict[tuple[str, str], float], groups=None, **kw) -> dict[str, str]:  # type: ignore[no-untyped-def]
    claims = sorted(claims, key=lambda c: c.id)
    idx = {c.id: i for i, c in enumerate(claims)}
    groups = [[i] for i in range(len(claims))] if groups is None else [[idx[c] for c in g] for g in groups]
    for key in ("existing", "apart"):
        if key in kw:
            kw[key] = {idx[k]: (v if key == "existing" else {idx[x] for x in v}) for k, v in kw[key].items()}
    out = cluster(claims, groups, _table(claims, weights), threshold=0.0, merge_threshold=-1.5, **kw)
    return {c.id: out[i] for i, c in enumerate(claims)}


def test_cluster_links_above_threshold_and_names_by_earliest_claim() -> None:
    out = _run([B, A], {("a:0", "b:0"): 5.0})
    assert out["a:0"] == out["b:0"] == incident_id(["a:0", "b:0"])
    assert _run([A, B], {("a:0", "b:0"): -0.5})["a:0"] != _run([A, B], {("a:0", "b:0"): -0.5})["b:0"]


def test_cluster_stated_dates_apart_veto_a_link() -> None:
    out = _run([A, C], {("a:0", "c:0"): 9.0})
    assert out["a:0"] != out["c:0"]


def test_cluster_one_document_two_events_never_join() -> None:
    # b links to both events of document d: only the stronger link is drawn.
    out = _run([B, D1, D2], {("b:0", "d:0"): 6.0, ("b:0", "d:1"): 2.0})
    assert out["b:0"] == out["d:0"] != out["d:1"]


def test_cluster_average_linkage_blocks_chaining() -> None:
    weights = {("a:0", "b:0"): 6.0, ("b:0", "c:0"): 1.0, ("a:0", "c:0"): -9.0}
    out = _run([A, B, C_UNDATED], weights)
    assert out["a:0"] == out["b:0"] != out["c:0"]


def test_cluster_stored_incidents_keep_ids_and_are_not_merged() -> None:
    out = _run([A, B, C], {("a:0", "b:0"): 6.0}, existing={"a:0": "inc-x", "b:0": "inc-y"})
    assert out["a:0"] == "inc-x" and out["b:0"] == "inc-y"
    out = _run([A, B], {("a:0", "b:0"): 6.0}, existing={"a:0": "inc-x"})
    assert out == {"a:0": "inc-x", "b:0": "inc-x"}


def test_cluster_kept_apart_by_analyst() -> None:
    out = _run([A, B], {("a:0", "b:0"): 6.0}, apart={"a:0": {"b:0"}, "b:0": {"a:0"}})
    assert out["a:0"] != out["b:0"]


def test_cluster_pair_table_lookups() -> None:
    t = _table([A, B, C], {("a:0", "b:0"): 6.0, ("b:0", "c:0"): -2.0})
    assert t.weight(0, 1) == 6.0 and t.weight(1, 0) == 6.0 and t.weight(0, 2) is None
    assert list(t.edges(0.0)) == [(0, 1, 6.0)]
    assert [(p.a, p.b) for p in t.pairs()] == [("a:0", "b:0"), ("b:0", "c:0")]


def test_cluster_takes_flat_groups_and_keeps_apart_across_merges() -> None:
    claims = sorted([A, B, D1, D2], key=lambda c: c.id)
    weights = {("a:0", "b:0"): 6.0, ("b:0", "d:0"): 5.0, ("a:0", "d:1"): 4.0}
    as_lists = _run(claims, weights, groups=[["a:0"], ["b:0"], ["d:0"], ["d:1"]])
    flat = IndexGroups(array("i", [0, 1, 2, 3]), array("q", [0, 1, 2, 3, 4]))
    got = cluster(claims, flat, _table(claims, weights), threshold=0.0, merge_threshold=-1.5)
    assert dict(zip((c.id for c in claims), got, strict=True)) == as_lists
    assert as_lists["a:0"] == as_lists["b:0"] == as_lists["d:0"] != as_lists["d:1"]
    # An analyst's split of a from d:0 holds after a and b merged, when b's link to d:0 comes up.
    apart = _run(claims, weights, groups=[["a:0"], ["b:0"], ["d:0"], ["d:1"]], apart={"a:0": {"d:0"}})
    assert apart["a:0"] == apart["b:0"] != apart["d:0"]
