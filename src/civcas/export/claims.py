"""The claims contract: one claim as one JSON object, in the shape of ``../shared/eval/README.md``.

This shape is what every evaluation reads, so it is kept stable; additions
(``evidence``, ``rules``, ``place.mentions``) are optional fields the schema
allows.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from civcas.records import Claim, DateInterval, Figure, Place, Qualifier


def figure_to_json(fig: Figure | None) -> dict[str, Any] | None:
    """A figure as ``{"value", "qualifier", "max"?, "text"?}``; ``None`` stays ``None``."""
    if fig is None:
        return None
    out: dict[str, Any] = {"value": fig.value, "qualifier": str(fig.qualifier)}
    if fig.qualifier is Qualifier.RANGE and fig.max is not None:
        out["max"] = fig.max
    if fig.text:
        out["text"] = fig.text
    return out


def date_to_json(interval: DateInterval | None) -> dict[str, Any]:
    """The date interval; an undated claim is ``{"start": null, "end": null}``, with ``month_day`` ("--08-25")
    when the text gives a day and month but nothing gives the year."""
    if interval is None:
        return {"start": None, "end": None}
    out = {
        "start": interval.start.isoformat() if interval.start else None,
        "end": interval.end.isoformat() if interval.end else None,
        "precision": str(interval.precision),
    }
    if interval.month_day is not None:
        # ISO 8601's day without a year ("--08-25"): the text gives the day, nothing gives the year
        out["month_day"] = "--{:02d}-{:02d}".format(*interval.month_day)
    return out


def place_to_json(place: Place | None, places: Iterable[Place] = ()) -> dict[str, Any]:
    """The claim's place, with the mentions the text used for it (all of them, for multi-place claims)."""
    if place is None:
        return {"name": None}
    # as the text names each place, and with the feature word it names it by ("الشاهر", "قرية الشاهر")
    mentions = [m for p in (place, *places) for m in (p.mention, p.phrase) if m]
    out: dict[str, Any] = {
        "name": place.name,
        "lat": place.lat,
        "lon": place.lon,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "country": place.country,
        "precision": str(place.precision),
        "gazetteer_id": place.gazetteer_id,
        "confidence": round(place.confidence, 3),
    }
    if mentions:
        out["mentions"] = list(dict.fromkeys(mentions))
    if place.names:
        out["names"] = list(place.names)
    return out


def claim_to_json(claim: Claim) -> dict[str, Any]:
    """One claim as the contract's JSON object."""
    out: dict[str, Any] = {
        "id": claim.id,
        "doc": claim.doc_id,
        "kind": str(claim.kind),
        "incident": claim.incident,
        "date": date_to_json(claim.date),
        "place": place_to_json(claim.place, claim.places),
        "belligerents": list(claim.belligerents),
        "killed": figure_to_json(claim.killed),
        "injured": figure_to_json(claim.injured),
        "killed_or_injured": figure_to_json(claim.killed_or_injured),
        "claimant": claim.claimant,
        "stance": str(claim.stance),
        "quote": claim.quote,
        "evidence": [{"field": e.field, "start": e.span.start, "end": e.span.end} for e in claim.evidence],
    }
    if claim.victims:
        out["victims"] = {k: figure_to_json(v) for k, v in claim.victims}
    if claim.targets:
        out["targets"] = list(claim.targets)
    if claim.weapons:
        out["weapons"] = list(claim.weapons)
    if claim.rules:
        out["rules"] = list(claim.rules)
    out["claimant_kind"] = str(claim.claimant_kind)
    out["victim_status"] = str(claim.victim_status)
    return out


def write_claims(claims: Iterable[Claim], out: IO[str] | Path) -> int:
    """Write claims as JSON Lines; returns how many were written."""
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8") as fh:
            return write_claims(claims, fh)
    n = 0
    for claim in claims:
        out.write(json.dumps(claim_to_json(claim), ensure_ascii=False) + "\n")
        n += 1
    return n
