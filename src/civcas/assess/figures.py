"""Figures as ranges: what one stated figure contributes to low/best/high, and how claims combine.

The convention (docs/figures.md), following Airwars and UCDP:

- a claim's figure gives ``low``..``high`` (``high=None`` = unbounded) as
  extraction set it (``Figure.low``/``high``: "at least 45" 45.., "more than
  60" 61.., "up to 30" 0..30, "some 200" 200..200, "dozens" 12..), and a
  ``best``: the stated number (exact, approximate), a range's midpoint, an
  open figure's low, "up to" its high;
- a victim category named without a count ("including children") is 1..,
  "mostly" more than half of the total; neither exceeds the total;
- an incident's minimum is the lowest ``low`` among the credible claims,
  its maximum the highest *stated* number (an open "at least 45" asserts
  45, not more: Airwars records it so), its best the median of the
  claims' bests (UCDP's best is the most reliable estimate; with no way
  to rank sources, the median is the robust choice).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from civcas.records import Figure, FigureRange, Qualifier


@dataclass(frozen=True, slots=True)
class Bounds:
    """One figure's contribution: ``high=None`` is unbounded; ``stated`` is what it asserts at most."""

    low: int
    best: int | None
    high: int | None

    @property
    def stated(self) -> int:
        return self.high if self.high is not None else self.low


def bounds(fig: Figure | None, *, total: Bounds | None = None) -> Bounds | None:
    """The low/best/high a figure contributes (``None`` when it states no count).

    ``total`` bounds a victim category by the claim's total killed.

    >>> from civcas.records import Figure, Qualifier
    >>> bounds(Figure(45, Qualifier.AT_LEAST))
    Bounds(low=45, best=45, high=None)
    >>> bounds(Figure(60, Qualifier.MORE_THAN))
    Bounds(low=61, best=61, high=None)
    """
    if fig is None:
        return None
    q = fig.qualifier
    cap = total.high if total is not None else None
    if q is Qualifier.MENTIONED:
        return Bounds(1, None, cap)
    if q is Qualifier.MOSTLY:
        low = total.low // 2 + 1 if total is not None and total.low else 1
        return Bounds(low, None, cap)
    if fig.low is not None or fig.high is not None:
        low, high = fig.low or 0, fig.high
    elif fig.value is None:
        return None
    elif q is Qualifier.AT_LEAST:
        low, high = fig.value, None
    elif q is Qualifier.MORE_THAN:
        low, high = fig.value + 1, None
    elif q is Qualifier.UP_TO:
        low, high = 0, fig.value
    elif q is Qualifier.RANGE and fig.max is not None:
        low, high = fig.value, fig.max
    else:
        low, high = fig.value, fig.value
    if high is not None and high < low:
        high = low
    if q is Qualifier.UP_TO:
        best = high
    elif q is Qualifier.RANGE and high is not None:
        best = (low + high) // 2
    elif q in (Qualifier.EXACT, Qualifier.APPROX) and fig.value is not None:
        best = fig.value
    else:
        best = low
    if cap is not None and high is not None:
        high = min(high, cap)
    return Bounds(low, best, high)


def _median_low(values: Sequence[int]) -> int:
    ordered = sorted(values)
    return ordered[(len(ordered) - 1) // 2]


def combine(items: Iterable[tuple[str, Bounds]]) -> FigureRange | None:
    """Reconcile several claims' bounds into one range (``None`` when none states a count)."""
    pairs = list(items)
    if not pairs:
        return None
    lows = [b.low for _, b in pairs]
    bests = [b.best for _, b in pairs if b.best is not None]
    return FigureRange(
        low=min(lows),
        best=_median_low(bests) if bests else None,
        high=max(b.stated for _, b in pairs),
        claim_ids=tuple(sorted({cid for cid, _ in pairs})),
    )


def describe(r: FigureRange | None) -> str:
    """``"120-200 (best 120)"``, ``"45"`` or ``"-"``: a range as tables print it."""
    if r is None or r.low is None:
        return "-"
    span = str(r.low) if r.high == r.low else f"{r.low}-{r.high if r.high is not None else ''}"
    return span if r.best in (None, r.low) and r.high == r.low else f"{span} (best {r.best})"
