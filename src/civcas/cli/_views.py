"""How incidents look on the command line: the Rich incident table, ``show``'s page, and their JSON.

Pure functions of records (no database), shared by ``run``, ``incidents``
and ``show``, so every command prints an incident the same way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from civcas.cli import _common
from civcas.records import Assessment, Claim, DateInterval, Document, Figure, FigureRange, Incident, Place, Qualifier

#: Evidence fields shown bold inside a quote (the rest are underlined): the figures a reader checks first.
_FIGURES = {"killed", "injured", "killed_or_injured"}


def console() -> Console:
    """stdout; when it is not a terminal (a pipe, a file, ``make run`` in CI), 160 columns rather than Rich's 80."""
    if _common.stdout.is_terminal:
        return _common.stdout
    return Console(width=160, soft_wrap=False)


def date_text(d: DateInterval | None) -> str:
    """``2017-03-21``, ``2017-03-20..2017-03-22``, or ``undated``."""
    if d is None or (d.start is None and d.end is None):
        return "undated"
    start = d.start.isoformat() if d.start else "?"
    end = d.end.isoformat() if d.end else "?"
    return start if start == end else f"{start}..{end}"


def place_text(p: Place | None) -> str:
    """The place name with its governorate and country when known."""
    if p is None or not (p.name or p.mention):
        return "unknown place"
    name = p.name or p.mention or ""
    around = [x for x in (p.admin1, p.country) if x and x != name]
    return f"{name} ({', '.join(around)})" if around else name


def figure_text(f: Figure | None) -> str:
    """A figure as a reader says it: ``at least 12``, ``20-30``, ``'dozens'``; ``-`` when absent."""
    if f is None:
        return "-"
    v = f.value
    q = f.qualifier
    if q is Qualifier.RANGE and v is not None and f.max is not None:
        return f"{v}-{f.max}"
    if v is None:
        return repr(f.text) if f.text else str(q)
    words = {
        Qualifier.AT_LEAST: "at least ",
        Qualifier.MORE_THAN: "more than ",
        Qualifier.APPROX: "about ",
        Qualifier.UP_TO: "up to ",
    }
    return f"{words.get(q, '')}{v}"


def range_text(r: FigureRange | None) -> str:
    """``12``, ``12-15``, ``12+`` (no upper bound) or ``?``."""
    if r is None or (r.low is None and r.high is None):
        return "?"
    if r.high is None:
        return f"{r.low}+"
    if r.low is None:
        return f"up to {r.high}"
    return str(r.low) if r.low == r.high else f"{r.low}-{r.high}"


def _range_json(r: FigureRange | None) -> dict[str, Any] | None:
    return None if r is None else {"low": r.low, "best": r.best, "high": r.high}


def per_claimant_text(a: Assessment | None, sep: str = "; ") -> str:
    """Killed per original source: ``SOHR 12-15; Syrian ministry 20``."""
    if a is None:
        return "not assessed"
    if not a.per_claimant:
        return range_text(a.killed) if a.killed else "-"
    return sep.join(f"{name}: {range_text(r)}" for name, r in a.per_claimant)


def incident_summary(inc: Incident, assessment: Assessment | None, claims: Mapping[str, Claim]) -> dict[str, Any]:
    """One incident as JSON: what the table shows, with the numbers unformatted."""
    mine = [claims[c] for c in inc.claim_ids if c in claims]
    p = inc.place
    return {
        "id": inc.id,
        "date": {
            "start": inc.date.start.isoformat() if inc.date and inc.date.start else None,
            "end": inc.date.end.isoformat() if inc.date and inc.date.end else None,
        },
        "place": None
        if p is None
        else {
            "name": p.name,
            "admin1": p.admin1,
            "admin2": p.admin2,
            "country": p.country,
            "lat": p.lat,
            "lon": p.lon,
            "precision": str(p.precision),
        },
        "belligerents": list(inc.belligerents),
        "grade": str(assessment.grade) if assessment else None,
        "grade_reasons": list(assessment.reasons) if assessment else [],
        "killed": _range_json(assessment.killed) if assessment else None,
        "injured": _range_json(assessment.injured) if assessment else None,
        "killed_per_claimant": {name: _range_json(r) for name, r in assessment.per_claimant} if assessment else {},
        "admitted": _range_json(assessment.admitted) if assessment else None,
        "sources": len(assessment.original_sources) if assessment else 0,
        "original_sources": list(assessment.original_sources) if assessment else [],
        "relays": list(assessment.relays) if assessment else [],
        "claims": len(inc.claim_ids),
        "documents": len({c.doc_id for c in mine}),
        "review": [{"action": str(d.action), "actor": d.actor, "at": d.at, "reason": d.reason} for d in inc.review],
    }


def incident_summaries(
    incidents: Sequence[Incident], assessments: Mapping[str, Assessment], claims: Sequence[Claim]
) -> list[dict[str, Any]]:
    by_id = {c.id: c for c in claims}
    return [incident_summary(i, assessments.get(i.id), by_id) for i in incidents]


def incident_table(
    incidents: Sequence[Incident], assessments: Mapping[str, Assessment], *, title: str | None = None
) -> Table:
    """The incident table: place, date, belligerents, killed per claimant, grade, sources."""
    table = Table(title=title, show_lines=True, expand=False)
    table.add_column("incident", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("place", min_width=14)
    table.add_column("belligerents", min_width=12)
    table.add_column("killed per claimant", min_width=24)
    table.add_column("grade", no_wrap=True)
    table.add_column("sources", justify="right", no_wrap=True)
    for inc in incidents:
        a = assessments.get(inc.id)
        table.add_row(
            inc.id,
            date_text(inc.date),
            escape(place_text(inc.place)),
            escape(", ".join(inc.belligerents) or "-"),
            escape(per_claimant_text(a, "\n")),
            str(a.grade) if a else "-",
            str(len(a.original_sources)) if a else "-",
        )
    return table


def print_incident_table(
    incidents: Sequence[Incident],
    assessments: Mapping[str, Assessment],
    claims: Sequence[Claim] = (),
    *,
    total: int | None = None,
) -> None:
    """Print the incident table on stdout (a line saying so when there is none)."""
    if not incidents:
        console().print("No incidents.", highlight=False)
        return
    shown = len(incidents)
    title = f"{shown} incident(s)" + (f" of {total}" if total is not None and total != shown else "")
    console().print(incident_table(incidents, assessments, title=title))


def quote_text(claim: Claim) -> Text:
    """The claim's quote with the evidence spans inside it in bold (the characters each value came from)."""
    text = Text(claim.quote)
    if claim.quote_span.text != claim.quote:
        return text
    base = claim.quote_span.start
    for e in claim.evidence:
        start, end = e.span.start - base, e.span.end - base
        if 0 <= start < end <= len(claim.quote):
            text.stylize("bold" if e.field.removesuffix("_cue") in _FIGURES else "underline", start, end)
    return text


def claims_table(claims: Sequence[Claim], documents: Mapping[str, Document]) -> Table:
    """Every claim of an incident side by side."""
    table = Table(show_lines=True)
    table.add_column("#", justify="right")
    table.add_column("source")
    table.add_column("claimant")
    table.add_column("stance")
    table.add_column("killed", justify="right")
    table.add_column("injured", justify="right")
    table.add_column("date", no_wrap=True)
    table.add_column("place")
    for n, c in enumerate(claims, 1):
        doc = documents.get(c.doc_id)
        source = c.doc_id
        if doc is not None and (doc.outlet or doc.published):
            source = f"{doc.outlet or c.doc_id}, {doc.published.isoformat() if doc.published else 'undated'}"
        table.add_row(
            str(n),
            escape(source),
            escape(c.claimant or "outlet"),
            str(c.stance),
            escape(figure_text(c.killed)),
            escape(figure_text(c.injured)),
            date_text(c.date),
            escape(place_text(c.place)),
        )
    return table


def print_incident(
    inc: Incident,
    assessment: Assessment | None,
    claims: Sequence[Claim],
    documents: Mapping[str, Document],
    *,
    explain: Sequence[str] = (),
) -> None:
    """``civcas show``: the incident, its grade and reasons, every claim side by side, their quotes."""
    out = console()
    out.print(Text(f"Incident {inc.id}", style="bold"))
    out.print(f"  date          {date_text(inc.date)}", highlight=False)
    out.print(f"  place         {escape(place_text(inc.place))}", highlight=False)
    out.print(f"  belligerents  {escape(', '.join(inc.belligerents) or '-')}", highlight=False)
    if assessment is not None:
        out.print(f"  grade         {assessment.grade}", highlight=False)
        out.print(f"  killed        {range_text(assessment.killed)} (best {_best(assessment.killed)})", highlight=False)
        if assessment.injured:
            out.print(f"  injured       {range_text(assessment.injured)}", highlight=False)
        out.print(f"  per claimant  {escape(per_claimant_text(assessment))}", highlight=False)
        if assessment.admitted:
            admitted = range_text(assessment.admitted)
            note = f" ({assessment.admission_assessment})" if assessment.admission_assessment else ""
            out.print(f"  admitted      {admitted}{note}", highlight=False)
        out.print(
            f"  sources       {len(assessment.original_sources)} original: "
            + escape(", ".join(assessment.original_sources) or "-"),
            highlight=False,
        )
        if assessment.relays:
            out.print(f"  relays        {escape(', '.join(assessment.relays))}", highlight=False)
        out.print("Grade reasons:")
        for r in assessment.reasons:
            out.print(f"  - {escape(r)}", highlight=False)
    out.print(claims_table(claims, documents))
    out.print("Quotes:")
    for n, c in enumerate(claims, 1):
        out.print(Text(f"  [{n}] {c.claimant or 'outlet'} ({c.doc_id}): ", style="dim") + quote_text(c))
    if inc.review:
        out.print("Analyst decisions:")
        for d in inc.review:
            out.print(f"  - {d.action} by {escape(d.actor or '?')} at {d.at}: {escape(d.reason)}", highlight=False)
    if explain:
        out.print("Why these claims are one incident:")
        for line in explain:
            out.print(f"  {escape(line)}", highlight=False)


def _best(r: FigureRange | None) -> str:
    return "?" if r is None or r.best is None else str(r.best)
