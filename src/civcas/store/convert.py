"""Records to row values and back.

Each ``*_values`` function returns the column values a record is stored as
(a plain dict, JSON-ready), and each ``*_record`` function rebuilds the
record from a row. The store compares the values a record *would* be
stored as with the row's current values, so an identical second write
touches nothing: serialisation must be deterministic and lossless (a test
checks that records read back equal the records written).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from civcas.records import (
    Assessment,
    Claim,
    ClaimantKind,
    ClaimKind,
    DateInterval,
    DatePrecision,
    Decision,
    DecisionAction,
    Document,
    Evidence,
    Figure,
    FigureRange,
    Grade,
    Incident,
    Link,
    Place,
    PlacePrecision,
    Qualifier,
    Span,
    Stance,
    VictimStatus,
)
from civcas.store.models import AssessmentRow, ClaimRow, DecisionRow, DocumentRow, EvidenceRow, IncidentRow, LinkRow

Json = dict[str, Any]


# --- nested values (JSON) -------------------------------------------------------------------------


def _span(s: Span | None) -> list[Any] | None:
    return None if s is None else [s.start, s.end, s.text]


def _span_of(v: Sequence[Any] | None) -> Span | None:
    return None if v is None else Span(int(v[0]), int(v[1]), str(v[2]))


def _day(d: dt.date | None) -> str | None:
    return None if d is None else d.isoformat()


def _day_of(v: str | None) -> dt.date | None:
    return None if v is None else dt.date.fromisoformat(v)


def figure_json(f: Figure | None) -> Json | None:
    """A figure with every field (span and rule included), or ``None``."""
    if f is None:
        return None
    return {
        "value": f.value,
        "qualifier": str(f.qualifier),
        "max": f.max,
        "text": f.text,
        "span": _span(f.span),
        "low": f.low,
        "high": f.high,
        "rule": f.rule,
    }


def figure_of(v: Mapping[str, Any] | None) -> Figure | None:
    if v is None:
        return None
    return Figure(
        value=v["value"],
        qualifier=Qualifier(v["qualifier"]),
        max=v["max"],
        text=v["text"],
        span=_span_of(v["span"]),
        low=v["low"],
        high=v["high"],
        rule=v["rule"],
    )


def place_json(p: Place | None) -> Json | None:
    if p is None:
        return None
    return {
        "name": p.name,
        "mention": p.mention,
        "span": _span(p.span),
        "gazetteer_id": p.gazetteer_id,
        "lat": p.lat,
        "lon": p.lon,
        "admin1": p.admin1,
        "admin2": p.admin2,
        "country": p.country,
        "precision": str(p.precision),
        "confidence": p.confidence,
        "kind": p.kind,
        "relation": p.relation,
        "reasons": list(p.reasons),
        "names": list(p.names),
        "phrase": p.phrase,
    }


def place_of(v: Mapping[str, Any] | None) -> Place | None:
    if v is None:
        return None
    return Place(
        name=v["name"],
        mention=v["mention"],
        span=_span_of(v["span"]),
        gazetteer_id=v["gazetteer_id"],
        lat=v["lat"],
        lon=v["lon"],
        admin1=v["admin1"],
        admin2=v["admin2"],
        country=v["country"],
        precision=PlacePrecision(v["precision"]),
        confidence=v["confidence"],
        kind=v["kind"],
        relation=v["relation"],
        reasons=tuple(v["reasons"]),
        names=tuple(v.get("names") or ()),  # rows stored before the field existed have none
        phrase=v.get("phrase"),
    )


def interval_json(d: DateInterval | None) -> Json | None:
    if d is None:
        return None
    return {
        "start": _day(d.start),
        "end": _day(d.end),
        "precision": str(d.precision),
        "span": _span(d.span),
        "rule": d.rule,
        "month_day": list(d.month_day) if d.month_day is not None else None,
    }


def interval_of(v: Mapping[str, Any] | None) -> DateInterval | None:
    if v is None:
        return None
    return DateInterval(
        start=_day_of(v["start"]),
        end=_day_of(v["end"]),
        precision=DatePrecision(v["precision"]),
        span=_span_of(v["span"]),
        rule=v["rule"],
        month_day=(int(v["month_day"][0]), int(v["month_day"][1])) if v.get("month_day") else None,
    )


def range_json(r: FigureRange | None) -> Json | None:
    if r is None:
        return None
    return {"low": r.low, "best": r.best, "high": r.high, "claim_ids": list(r.claim_ids)}


def range_of(v: Mapping[str, Any] | None) -> FigureRange | None:
    if v is None:
        return None
    return FigureRange(low=v["low"], best=v["best"], high=v["high"], claim_ids=tuple(v["claim_ids"]))


# --- documents ------------------------------------------------------------------------------------


def document_values(d: Document) -> Json:
    """The stored columns of a document (timestamps and ``extracted_hash`` are the store's own)."""
    return {
        "id": d.id,
        "text": d.text,
        "raw": d.raw,
        "published": d.published,
        "outlet": d.outlet,
        "url": d.url,
        "language": d.language,
        "title": d.title,
        "author": d.author,
        "source": d.source,
        "content_hash": d.content_hash,
        "duplicate_of": d.duplicate_of,
    }


def document_record(r: DocumentRow) -> Document:
    return Document(
        id=r.id,
        text=r.text,
        published=r.published,
        outlet=r.outlet,
        url=r.url,
        language=r.language,
        title=r.title,
        author=r.author,
        raw=r.raw,
        source=r.source,
        content_hash=r.content_hash,
        duplicate_of=r.duplicate_of,
    )


def content_key(d: Document) -> str:
    """What decides whether a document must be extracted again: its hash, or one of its text."""
    return d.content_hash or hashlib.sha256(d.text.encode("utf-8")).hexdigest()


# --- claims ---------------------------------------------------------------------------------------


def claim_values(c: Claim) -> Json:
    """The stored columns of a claim (evidence goes to its own table: :func:`evidence_values`)."""
    killed = c.killed
    return {
        "id": c.id,
        "doc_id": c.doc_id,
        "kind": str(c.kind),
        "quote": c.quote,
        "quote_start": c.quote_span.start,
        "quote_end": c.quote_span.end,
        "quote_span_text": None if c.quote_span.text == c.quote else c.quote_span.text,
        "stance": str(c.stance),
        "claimant": c.claimant,
        "claimant_kind": str(c.claimant_kind),
        "date": interval_json(c.date),
        "date_start": c.date.start if c.date else None,
        "date_end": c.date.end if c.date else None,
        "place": place_json(c.place),
        "place_name": c.place.name if c.place else None,
        "place_admin1": c.place.admin1 if c.place else None,
        "place_country": c.place.country if c.place else None,
        "places": [place_json(p) for p in c.places],
        "belligerents": list(c.belligerents),
        "killed": figure_json(killed),
        "killed_low": killed.low if killed else None,
        "killed_high": killed.high if killed else None,
        "injured": figure_json(c.injured),
        "killed_or_injured": figure_json(c.killed_or_injured),
        "victims": [[name, figure_json(f)] for name, f in c.victims],
        "victim_status": str(c.victim_status),
        "targets": list(c.targets),
        "weapons": list(c.weapons),
        "rules": list(c.rules),
        "incident_id": c.incident,
    }


def evidence_values(c: Claim) -> list[Json]:
    """One row per evidence span, in the claim's order."""
    return [
        {
            "claim_id": c.id,
            "position": i,
            "field": e.field,
            "start": e.span.start,
            "end": e.span.end,
            "text": e.span.text,
            "rule": e.rule,
        }
        for i, e in enumerate(c.evidence)
    ]


def claim_record(r: ClaimRow, evidence: Sequence[EvidenceRow]) -> Claim:
    quote_text = r.quote if r.quote_span_text is None else r.quote_span_text
    return Claim(
        id=r.id,
        doc_id=r.doc_id,
        kind=ClaimKind(r.kind),
        quote=r.quote,
        quote_span=Span(r.quote_start, r.quote_end, quote_text),
        stance=Stance(r.stance),
        claimant=r.claimant,
        claimant_kind=ClaimantKind(r.claimant_kind),
        date=interval_of(r.date),
        place=place_of(r.place),
        places=tuple(p for p in (place_of(v) for v in r.places) if p is not None),
        belligerents=tuple(r.belligerents),
        killed=figure_of(r.killed),
        injured=figure_of(r.injured),
        killed_or_injured=figure_of(r.killed_or_injured),
        victims=tuple((str(name), f) for name, v in r.victims if (f := figure_of(v)) is not None),
        victim_status=VictimStatus(r.victim_status),
        targets=tuple(r.targets),
        weapons=tuple(r.weapons),
        evidence=tuple(
            Evidence(field=e.field, span=Span(e.start, e.end, e.text), rule=e.rule)
            for e in sorted(evidence, key=lambda e: e.position)
        ),
        rules=tuple(r.rules),
        incident=r.incident_id,
    )


_DROP = str.maketrans("", "", "'`ʿʾ’‘")


def fold(text: str) -> str:
    """Case, accents, apostrophes and hyphens folded away, so ``Hajin`` finds ``Hajīn`` and ``Ma'arrat`` ``Maarrat``.

    Migration 0003 keeps a copy of this function for the rows it fills; a change here needs a migration that
    recomputes ``incidents.place_key``.

    >>> fold("Arīḩā"), fold("Deir ez-Zor"), fold("Ma`arrat al-Nu'man")
    ('ariha', 'deir ez zor', 'maarrat al numan')
    """
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_DROP)
    return " ".join(bare.casefold().replace("-", " ").split())


def place_key(p: Place | None) -> str:
    """The folded names a place filter matches: the gazetteer name, the text's mention, admin areas, country."""
    if p is None:
        return ""
    names = (p.name, p.mention, p.admin1, p.admin2, p.country)
    return "|" + "|".join(fold(n) for n in names if n) + "|"


# --- incidents, links, assessments ----------------------------------------------------------------


def incident_values(i: Incident) -> Json:
    """The stored columns of an incident; its links go to :func:`link_values`, its review to decision ids."""
    return {
        "id": i.id,
        "claim_ids": list(i.claim_ids),
        "claim_count": len(i.claim_ids),
        "date": interval_json(i.date),
        "date_start": i.date.start if i.date else None,
        "date_end": i.date.end if i.date else None,
        "place": place_json(i.place),
        "place_name": i.place.name if i.place else None,
        "place_admin1": i.place.admin1 if i.place else None,
        "place_admin2": i.place.admin2 if i.place else None,
        "place_country": i.place.country if i.place else None,
        "place_key": place_key(i.place),
        "belligerents": list(i.belligerents),
        "belligerents_key": "|" + "|".join(i.belligerents) + "|" if i.belligerents else "",
        "reasons": list(i.reasons),
        "review_ids": [decision_id(d) for d in i.review],
    }


def link_values(i: Incident) -> list[Json]:
    return [
        {
            "incident_id": i.id,
            "position": n,
            "a": k.a,
            "b": k.b,
            "weight": k.weight,
            "probability": k.probability,
            "reasons": list(k.reasons),
        }
        for n, k in enumerate(i.links)
    ]


def incident_record(r: IncidentRow, links: Sequence[LinkRow], decisions: Mapping[str, Decision]) -> Incident:
    return Incident(
        id=r.id,
        claim_ids=tuple(r.claim_ids),
        date=interval_of(r.date),
        place=place_of(r.place),
        belligerents=tuple(r.belligerents),
        links=tuple(
            Link(a=k.a, b=k.b, weight=k.weight, probability=k.probability, reasons=tuple(k.reasons))
            for k in sorted(links, key=lambda k: k.position)
        ),
        reasons=tuple(r.reasons),
        review=tuple(decisions[d] for d in r.review_ids if d in decisions),
    )


def assessment_values(a: Assessment) -> Json:
    killed = a.killed
    return {
        "incident_id": a.incident_id,
        "grade": str(a.grade),
        "reasons": list(a.reasons),
        "killed": range_json(killed),
        "killed_low": killed.low if killed else None,
        "killed_best": killed.best if killed else None,
        "killed_high": killed.high if killed else None,
        "injured": range_json(a.injured),
        "children": range_json(a.children),
        "women": range_json(a.women),
        "per_claimant": [[name, range_json(r)] for name, r in a.per_claimant],
        "original_sources": list(a.original_sources),
        "source_count": len(a.original_sources),
        "relays": list(a.relays),
        "admitted": range_json(a.admitted),
        "admission_assessment": a.admission_assessment,
    }


def assessment_record(r: AssessmentRow) -> Assessment:
    return Assessment(
        incident_id=r.incident_id,
        grade=Grade(r.grade),
        reasons=tuple(r.reasons),
        killed=range_of(r.killed),
        injured=range_of(r.injured),
        children=range_of(r.children),
        women=range_of(r.women),
        per_claimant=tuple((str(name), fr) for name, v in r.per_claimant if (fr := range_of(v)) is not None),
        original_sources=tuple(r.original_sources),
        relays=tuple(r.relays),
        admitted=range_of(r.admitted),
        admission_assessment=r.admission_assessment,
    )


# --- decisions ------------------------------------------------------------------------------------


def decision_id(d: Decision) -> str:
    """A decision's identity: a hash of everything in it, so recording it twice stores one row."""
    body = [str(d.action), list(d.incident_ids), list(d.claim_ids), d.target, d.reason, d.actor, d.at]
    return "dec-" + hashlib.sha1(json.dumps(body, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def decision_values(d: Decision) -> Json:
    return {
        "id": decision_id(d),
        "action": str(d.action),
        "incident_ids": list(d.incident_ids),
        "claim_ids": list(d.claim_ids),
        "target": d.target,
        "reason": d.reason,
        "actor": d.actor,
        "at": d.at,
    }


def decision_record(r: DecisionRow) -> Decision:
    return Decision(
        action=DecisionAction(r.action),
        incident_ids=tuple(r.incident_ids),
        claim_ids=tuple(r.claim_ids),
        target=r.target,
        reason=r.reason,
        actor=r.actor,
        at=r.at,
    )
