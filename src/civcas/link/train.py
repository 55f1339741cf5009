"""Train the linkage model's parameters from claims labelled with gold incidents.

Fellegi-Sunter parameters, estimated the way Splink's training methods do,
but counted exactly on small labelled data:

- ``u`` (how often two claims about *different* events reach a level): the
  share of every cross-document pair of the training claims at that level.
  With a few hundred claims all pairs fit in memory, so no sampling is
  needed (Splink's ``estimate_u_using_random_sampling`` samples the same
  population).
- ``m`` (how often two claims about *one* event reach a level): the share of
  the labelled matching cross-document pairs at that level, with additive
  smoothing towards uniform so a level never seen in a small gold set keeps
  a finite weight (Splink's ``estimate_m_from_label_column`` counts the same
  pairs, unsmoothed).
- the prior: matching pairs over all cross-document pairs of labelled claims.

Splink computes every comparison level (the SQL of the spec), so training
and linking share one definition. Labels come from aligning extracted
claims to a gold file (:func:`labels_from_airwars_gold`,
:func:`labels_from_seed_gold`); the gold is read at training time only and
nothing of it is stored but counts.
"""

from __future__ import annotations

import logging
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from civcas.gazetteer.fold import key as fold_key
from civcas.link.features import report_dates, row
from civcas.link.model import LinkModel
from civcas.link.scoring import score_pairs, unpack
from civcas.link.within import km
from civcas.records import Claim, ClaimKind, Document

log = logging.getLogger(__name__)


def _claim_names(claim: Claim) -> set[str]:
    out = set()
    for place in (claim.place, *claim.places):
        if place is None:
            continue
        for name in (place.name, place.mention):
            if name:
                out.add(fold_key(name))
    return out


def _near(claim: Claim, lat: float | None, lon: float | None, limit_km: float) -> bool:
    p = claim.place
    if p is None or p.lat is None or p.lon is None or lat is None or lon is None:
        return False
    return km(p.lat, p.lon, lat, lon) <= limit_km


def _day(value: Any) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def labels_from_airwars_gold(claims: Sequence[Claim], gold: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """claim id -> Airwars incident code, for claims that match exactly one incident of their document.

    A claim matches when its place is one of the incident's names (folded) or
    within 10 km, and its stated dates, if any, overlap the incident's ±2 days:
    the criteria of the dev-set scorer (../shared/eval/dev/README.md).
    """
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.kind is ClaimKind.INCIDENT:
            by_doc[c.doc_id].append(c)
    out: dict[str, str] = {}
    for g in gold:
        for c in by_doc.get(str(g["doc"]), []):
            names = _claim_names(c)
            codes = set()
            for inc in g.get("incidents", []):
                gnames = {fold_key(n) for n in inc.get("names") or [] if n}
                if not (names & gnames or _near(c, inc.get("lat"), inc.get("lon"), 10.0)):
                    continue
                start, end = _day(inc.get("date")), _day(inc.get("date_end")) or _day(inc.get("date"))
                if c.date and c.date.start and start and end:
                    cs, ce = c.date.start, c.date.end or c.date.start
                    if not (cs <= end + timedelta(days=2) and start - timedelta(days=2) <= ce):
                        continue
                codes.add(str(inc["code"]))
            if len(codes) == 1:
                out[c.id] = codes.pop()
    return out


def labels_from_seed_gold(claims: Sequence[Claim], gold: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """claim id -> gold incident key, for claims matching gold claims of one incident in their document.

    A claim matches a gold claim on place (a listed spelling, folded, or
    within 25 km) and the killed value, as ../shared/eval/score.py aligns them.
    """
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.kind is ClaimKind.INCIDENT:
            by_doc[c.doc_id].append(c)
    out: dict[str, str] = {}
    for g in gold:
        for c in by_doc.get(str(g["doc"]), []):
            names = _claim_names(c)
            keys = set()
            for gc in g.get("claims", []):
                if gc.get("kind", "incident") != "incident" or not gc.get("incident"):
                    continue
                place = gc.get("place") or {}
                gnames = {fold_key(n) for n in place.get("names") or [] if n}
                if not (names & gnames or _near(c, place.get("lat"), place.get("lon"), 25.0)):
                    continue
                gk = (gc.get("killed") or {}).get("value")
                ck = c.killed.value if c.killed else None
                if gk != ck:
                    continue
                keys.add(str(gc["incident"]))
            if len(keys) == 1:
                out[c.id] = keys.pop()
    return out


def _gamma_counts(
    rows: Sequence[dict[str, Any]], model: LinkModel, where: str | None = None
) -> dict[str, Counter[int]]:
    """Per comparison, how many cross-document pairs reach each gamma value (all pairs, levels computed by Splink)."""
    indexed = [{**r, "unique_id": i} for i, r in enumerate(rows)]
    table = score_pairs(indexed, model, ids=[str(i) for i in range(len(rows))], all_pairs=True, where=where)
    out: dict[str, Counter[int]] = {c.id: Counter() for c in model.spec.comparisons}
    n = len(model.spec.comparisons)
    for code in table.g:
        for comp, gamma in zip(model.spec.comparisons, unpack(code, n), strict=True):
            out[comp.id][gamma] += 1
    return out


def _pool_violators(
    order: Sequence[Sequence[str]], mc: Mapping[str, float], uc: Mapping[str, float]
) -> dict[str, tuple[float, float, tuple[str, ...]]]:
    """Pool adjacent levels of each ordered chain whose likelihood ratios are out of order (PAV).

    Returns level -> (pooled m count, pooled u count, pooled level ids).
    """
    out: dict[str, tuple[float, float, tuple[str, ...]]] = {lv: (mc[lv], uc[lv], (lv,)) for lv in mc}
    for chain in order:
        blocks: list[tuple[float, float, tuple[str, ...]]] = []
        for lv in chain:
            blocks.append(out[lv])
            # A more alike level must not weigh less than a less alike one: pool backwards while violated.
            while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] < blocks[-1][0] / blocks[-1][1]:
                b = blocks.pop()
                a = blocks.pop()
                members = tuple(dict.fromkeys(a[2] + b[2]))
                blocks.append((sum(mc[x] for x in members), sum(uc[x] for x in members), members))
        for block in blocks:
            for lv in block[2]:
                out[lv] = block
    return out


def train(
    claims: Sequence[Claim],
    labels: Mapping[str, str],
    model: LinkModel,
    *,
    documents: Sequence[Document] = (),
    smoothing: float = 2.0,
    threshold: float = 0.0,
    merge_threshold: float = 0.0,
) -> dict[str, Any]:
    """Estimate ``m``, ``u`` and the prior; returns the ``parameters``/``prior``/``training`` parts of a model file.

    Args:
        claims: every training claim (incident claims are used; ``u`` counts all of their cross-document pairs).
        labels: claim id -> gold incident, for the claims aligned to gold: ``"<set>:<incident>"`` when several
            training sets are pooled (pairs across sets count for ``u`` but not for the prior).
        model: the spec to train (its current parameters are ignored).
        documents: the claims' documents (publication dates).
        smoothing: pseudo-count spread evenly over a comparison's levels when estimating ``m``.
        threshold, merge_threshold: recorded as given (chosen on development data, docs/linking.md).
    """
    incident_claims = [c for c in claims if c.kind is ClaimKind.INCIDENT]
    published = report_dates(incident_claims, documents)  # as linking reads them
    rows = [
        {"unique_id": i, **row(c, model.belligerents, published.get(c.doc_id))} for i, c in enumerate(incident_claims)
    ]
    for r in rows:
        del r["claim_id"]
    u_counts = _gamma_counts(rows, model)
    # Labels as integers: the comparison table types every column it does not know as an integer.
    label_ids = {lab: i for i, lab in enumerate(sorted(set(labels.values())))}
    labelled = [
        {**r, "label": label_ids[labels[c.id]]} for r, c in zip(rows, incident_claims, strict=True) if c.id in labels
    ]
    m_counts = _gamma_counts(labelled, model, where="l.label = r.label")
    n = len(labelled)
    # The prior is the share of matching pairs among the pairs a run could compare: pairs of one corpus.
    # Claims of two training sets (the seeds, each dev set) never meet in a run, so their cross pairs do
    # not count; labels are "<set>:<incident>" (the set may hold ':', the incident may not).
    by_set: dict[str, Counter[str]] = {}
    for r, c in zip(rows, incident_claims, strict=True):
        if c.id in labels:
            label = labels[c.id]
            by_set.setdefault(label.rsplit(":", 1)[0] if ":" in label else "", Counter())[r["doc_id"]] += 1
    cross_pairs = sum(
        (sum(docs.values()) ** 2 - sum(k * k for k in docs.values())) // 2 for docs in by_set.values()
    )
    matching = sum(m_counts[model.spec.comparisons[0].id].values())
    total_u = sum(u_counts[model.spec.comparisons[0].id].values())
    levels = model.levels()
    parameters: dict[str, dict[str, dict[str, Any]]] = {}
    for comp in model.spec.comparisons:
        table = levels[comp.id]
        non_null = [info for info in table.values() if not info.is_null]
        m_total = sum(m_counts[comp.id][info.gamma] for info in non_null)
        u_total = sum(u_counts[comp.id][info.gamma] for info in non_null)
        k = len(non_null)
        mc = {info.id: m_counts[comp.id][info.gamma] + smoothing / k for info in non_null}
        uc = {info.id: u_counts[comp.id][info.gamma] + smoothing / k for info in non_null}
        pooled = _pool_violators(comp.order, mc, uc)
        parameters[comp.id] = {}
        for info in non_null:
            pm, pu, members = pooled[info.id]
            # Pooled levels share one likelihood ratio; each keeps its share of the pooled mass.
            share_m = mc[info.id] / sum(mc[x] for x in members)
            share_u = uc[info.id] / sum(uc[x] for x in members)
            ratio = (pm / (m_total + smoothing)) / (pu / (u_total + smoothing))
            m = (pm * share_m) / (m_total + smoothing)
            u = m / ratio if len(members) > 1 else (pu * share_u) / (u_total + smoothing)
            parameters[comp.id][info.id] = {
                "m": round(m, 6),
                "u": round(min(u, 1.0), 8),
                "matches": m_counts[comp.id][info.gamma],
            }
    prior = max(matching, 1) / max(cross_pairs, 1)
    log.info(
        "trained on %d claims (%d labelled, %d matching pairs of %d cross-document pairs; %d pairs for u)",
        len(incident_claims),
        n,
        matching,
        cross_pairs,
        total_u,
    )
    return {
        "prior": round(prior, 8),
        "threshold": threshold,
        "merge_threshold": merge_threshold,
        "parameters": parameters,
        "counts": {
            "labelled_claims": n,
            "matching_pairs": matching,
            "compared_pairs": cross_pairs,
            "u_pairs": total_u,
        },
        "weights": {
            comp: {lv: round(math.log2(p["m"] / p["u"]), 2) for lv, p in levels_.items()}
            for comp, levels_ in parameters.items()
        },
    }


def model_document(
    trained: Mapping[str, Any],
    model: LinkModel,
    *,
    version: int,
    data: Sequence[str],
    command: str,
    today: date,
    smoothing: float,
    changelog: Sequence[Mapping[str, Any]] = (),
) -> dict[str, Any]:
    """The JSON document of a trained model (``data/link/model.v<version>.json``).

    ``data`` names the training sets (with their SHA-256); the gold itself is never stored.
    """
    from civcas.link.model import spec_sha256

    counts = trained["counts"]
    return {
        "schema": "civcas.link-model/1",
        "name": "model",
        "version": version,
        "spec": model.spec_path.name,
        "spec_sha256": spec_sha256(model.spec_path),
        "sources": [
            "Parameters estimated by `civcas link train` (civcas.link.train) from claims extracted from the "
            "training sets below and aligned to their gold incidents; only counts are kept, no text.",
            *data,
        ],
        "license": "CC0-1.0",
        "changelog": list(changelog) or [{"version": version, "date": today.isoformat(), "note": "trained"}],
        "prior": trained["prior"],
        "threshold": trained["threshold"],
        "merge_threshold": trained["merge_threshold"],
        "training": {
            "date": today.isoformat(),
            "command": command,
            "data": list(data),
            "smoothing": smoothing,
            **counts,
        },
        "parameters": trained["parameters"],
    }
