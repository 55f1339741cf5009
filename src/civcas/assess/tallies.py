"""Tallies per belligerent and period, against the belligerents' own admissions and the monitors' estimates.

Headline sums count incidents graded ``fair`` or ``confirmed`` only, as
Airwars' headline figures do; every table built from :class:`Tally` says
so. Next to them:

- *admissions*: aggregate claims in which a belligerent acknowledges a
  total ("the coalition acknowledged 352 civilian deaths");
- *estimates*: aggregate claims with stance ``estimates`` ("Airwars
  estimated at least 3,100").

An incident naming several belligerents counts under each of them (the
rows then overlap; the report says so). Undated incidents count in the
period ``undated``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from civcas.assess.figures import bounds
from civcas.assess.grade import BELLIGERENT_VOICES
from civcas.records import Assessment, Claim, ClaimKind, Grade, Incident, Stance

#: The grades a headline tally counts (Airwars counts fair and confirmed incidents).
HEADLINE_GRADES = (Grade.CONFIRMED, Grade.FAIR)
UNDATED = "undated"


@dataclass(frozen=True, slots=True)
class TallyRow:
    """The sum over one belligerent's counted incidents in one period."""

    belligerent: str
    period: str
    incidents: int
    low: int
    high: int
    best: int
    by_grade: tuple[tuple[str, int], ...]
    incident_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AggregateFigure:
    """A total stated in the text: an admission or a monitor's estimate."""

    belligerent: str
    claimant: str
    stance: str
    low: int
    high: int | None
    start: date | None
    end: date | None
    claim_id: str
    quote: str

    @property
    def as_of(self) -> str:
        return self.end.isoformat() if self.end else "undated"


@dataclass(frozen=True, slots=True)
class Tally:
    """Rows per belligerent and period, and the admissions and estimates to compare them with."""

    rows: tuple[TallyRow, ...]
    admissions: tuple[AggregateFigure, ...]
    estimates: tuple[AggregateFigure, ...]
    grades: tuple[Grade, ...]
    skipped: int

    def totals(self) -> dict[str, TallyRow]:
        """One row per belligerent over every period."""
        out: dict[str, TallyRow] = {}
        for r in self.rows:
            prev = out.get(r.belligerent)
            if prev is None:
                out[r.belligerent] = TallyRow(
                    r.belligerent, "all", r.incidents, r.low, r.high, r.best, r.by_grade, r.incident_ids
                )
                continue
            grades: dict[str, int] = dict(prev.by_grade)
            for g, n in r.by_grade:
                grades[g] = grades.get(g, 0) + n
            out[r.belligerent] = TallyRow(
                r.belligerent,
                "all",
                prev.incidents + r.incidents,
                prev.low + r.low,
                prev.high + r.high,
                prev.best + r.best,
                tuple(sorted(grades.items())),
                prev.incident_ids + r.incident_ids,
            )
        return out

    def caption(self) -> str:
        """The sentence every table carries: what the sums count."""
        names = " and ".join(str(g) for g in self.grades)
        return (
            f"Sums over incidents graded {names} only (as Airwars' headline figures); "
            f"{self.skipped} incident(s) with other grades or no killed figure are not counted."
        )


def period_of(d: date | None, granularity: str = "year") -> str:
    """``"2017"`` or ``"2017-06"``; ``"undated"`` without a date."""
    if d is None:
        return UNDATED
    return f"{d.year}" if granularity == "year" else f"{d.year}-{d.month:02d}"


def _aggregates(claims: Sequence[Claim]) -> tuple[list[AggregateFigure], list[AggregateFigure]]:
    admissions, estimates = [], []
    for c in claims:
        if c.kind is not ClaimKind.AGGREGATE or c.stance not in (Stance.ACKNOWLEDGES, Stance.ESTIMATES):
            continue
        b = bounds(c.killed)
        if b is None:
            continue
        names = [x for x in c.belligerents if x != "unknown"] or ["unknown"]
        start = c.date.start if c.date else None
        end = c.date.end if c.date else None
        for name in names:
            fig = AggregateFigure(name, c.claimant or "outlet", str(c.stance), b.low, b.high, start, end, c.id, c.quote)
            if c.stance is Stance.ACKNOWLEDGES and c.claimant_kind in BELLIGERENT_VOICES:
                admissions.append(fig)
            elif c.stance is Stance.ESTIMATES:
                estimates.append(fig)
    key = lambda f: (f.belligerent, f.end or date.min, f.claim_id)  # noqa: E731
    return sorted(admissions, key=key), sorted(estimates, key=key)


def tally(
    incidents: Sequence[Incident],
    assessments: Mapping[str, Assessment],
    claims: Sequence[Claim] = (),
    *,
    granularity: str = "year",
    grades: Sequence[Grade] = HEADLINE_GRADES,
) -> Tally:
    """Sum the monitors' killed ranges per belligerent and period over incidents of the given grades.

    Example:
        >>> tally([], {}).rows
        ()
    """
    acc: dict[tuple[str, str], list[tuple[Incident, Assessment]]] = defaultdict(list)
    skipped = 0
    for inc in incidents:
        a = assessments.get(inc.id)
        if a is None or a.grade not in grades or a.killed is None or a.killed.low is None:
            skipped += 1
            continue
        period = period_of(inc.date.start if inc.date else None, granularity)
        for name in [b for b in inc.belligerents if b != "unknown"] or ["unknown"]:
            acc[(name, period)].append((inc, a))
    rows = []
    for (name, period), items in sorted(acc.items()):
        grade_counts: dict[str, int] = defaultdict(int)
        for _, a in items:
            grade_counts[str(a.grade)] += 1
        rows.append(
            TallyRow(
                belligerent=name,
                period=period,
                incidents=len(items),
                low=sum(a.killed.low or 0 for _, a in items if a.killed),
                high=sum((a.killed.high or a.killed.low or 0) for _, a in items if a.killed),
                best=sum((a.killed.best or a.killed.low or 0) for _, a in items if a.killed),
                by_grade=tuple(sorted(grade_counts.items())),
                incident_ids=tuple(sorted(inc.id for inc, _ in items)),
            )
        )
    admissions, estimates = _aggregates(claims)
    return Tally(tuple(rows), tuple(admissions), tuple(estimates), tuple(grades), skipped)
