"""What one stated figure contributes to low/best/high, and how claims combine (docs/figures.md)."""

from __future__ import annotations

import pytest
from _assess_claims import figure

from civcas.assess.figures import Bounds, bounds, combine, describe
from civcas.records import Figure, Qualifier


@pytest.mark.parametrize(
    ("fig", "expected"),
    [
        (figure(45, Qualifier.AT_LEAST), Bounds(45, 45, None)),
        (figure(60, Qualifier.MORE_THAN), Bounds(61, 61, None)),
        (figure(200, Qualifier.APPROX), Bounds(200, 200, 200)),
        (figure(30, Qualifier.UP_TO), Bounds(0, 30, 30)),
        (Figure(20, Qualifier.RANGE, max=30, low=20, high=30), Bounds(20, 25, 30)),
        (Figure(None, Qualifier.VAGUE, text="dozens", low=12), Bounds(12, 12, None)),
        (Figure(None, Qualifier.VAGUE, text="a couple", low=2, high=2), Bounds(2, 2, 2)),
        (Figure(120, Qualifier.EXACT), Bounds(120, 120, 120)),  # bounds missing: from value and qualifier
        (Figure(40, Qualifier.MORE_THAN), Bounds(41, 41, None)),
        (Figure(None, Qualifier.VAGUE, text="many people"), None),
    ],
)
def test_figures_bounds(fig: Figure, expected: Bounds | None) -> None:
    assert bounds(fig) == expected


def test_figures_victim_categories_are_bounded_by_the_total() -> None:
    total = bounds(figure(10))
    assert bounds(Figure(None, Qualifier.MENTIONED), total=total) == Bounds(1, None, 10)
    assert bounds(Figure(None, Qualifier.MOSTLY), total=total) == Bounds(6, None, 10)


def test_figures_combine_min_stated_max_median_best() -> None:
    r = combine([("a", Bounds(120, 120, 120)), ("b", Bounds(200, 200, 200)), ("c", Bounds(45, 45, None))])
    assert r is not None
    assert (r.low, r.best, r.high) == (45, 120, 200)
    assert r.claim_ids == ("a", "b", "c")
    only_open = combine([("a", Bounds(45, 45, None))])
    assert only_open is not None and (only_open.low, only_open.high) == (45, 45)
    assert combine([]) is None
    assert describe(r) == "45-200 (best 120)"
    assert describe(only_open) == "45"
