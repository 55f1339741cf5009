"""Tallies per belligerent and period against admissions and estimates, and the report built from them."""

from __future__ import annotations

from xml.etree import ElementTree

from _assess_claims import claim

from civcas.assess.tallies import tally
from civcas.cli.report import render_html, render_text
from civcas.records import (
    Assessment,
    ClaimantKind,
    ClaimKind,
    DateInterval,
    FigureRange,
    Grade,
    Incident,
    Qualifier,
    Stance,
)


def _inc(iid: str, day: str | None, belligerents: tuple[str, ...]) -> Incident:
    from datetime import date

    interval = DateInterval(date.fromisoformat(day), date.fromisoformat(day)) if day else None
    return Incident(id=iid, claim_ids=(), date=interval, belligerents=belligerents)


def _a(iid: str, grade: Grade, low: int, high: int, best: int) -> Assessment:
    return Assessment(incident_id=iid, grade=grade, reasons=(), killed=FigureRange(low, best, high))


INCIDENTS = [
    _inc("i1", "2017-06-01", ("coalition",)),
    _inc("i2", "2017-08-20", ("coalition", "US")),
    _inc("i3", "2017-09-01", ("coalition",)),
    _inc("i4", None, ("Russia",)),
]
ASSESSMENTS = {
    "i1": _a("i1", Grade.FAIR, 20, 40, 25),
    "i2": _a("i2", Grade.CONFIRMED, 10, 12, 12),
    "i3": _a("i3", Grade.WEAK, 100, 100, 100),
    "i4": _a("i4", Grade.FAIR, 3, 5, 4),
}
AGGREGATES = [
    claim(
        "t:0",
        "t",
        "The coalition acknowledged 352 civilian deaths since 2014.",
        where="Syria",
        killed=352,
        kind=ClaimKind.AGGREGATE,
        stance=Stance.ACKNOWLEDGES,
        claimant="the coalition",
        claimant_kind=ClaimantKind.BELLIGERENT,
        day="2014-08-08",
        until="2017-05-31",
    ),
    claim(
        "t:1",
        "t",
        "Airwars estimated at least 3,100 civilians were killed by coalition strikes.",
        where="Syria",
        killed=3100,
        qualifier=Qualifier.AT_LEAST,
        kind=ClaimKind.AGGREGATE,
        stance=Stance.ESTIMATES,
        claimant="Airwars",
        claimant_kind=ClaimantKind.MONITOR,
        day="2014-08-08",
        until="2017-03-31",
    ),
    claim("t:2", "t", "Activists say 14 died in Raqqa.", where="Raqqa", killed=14, kind=ClaimKind.AGGREGATE),
]


def test_tallies_count_fair_and_confirmed_per_belligerent_and_period() -> None:
    t = tally(INCIDENTS, ASSESSMENTS, AGGREGATES)
    rows = {(r.belligerent, r.period): r for r in t.rows}
    assert set(rows) == {("coalition", "2017"), ("US", "2017"), ("Russia", "undated")}
    coalition = rows[("coalition", "2017")]
    assert (coalition.incidents, coalition.low, coalition.high, coalition.best) == (2, 30, 52, 37)
    assert coalition.by_grade == (("confirmed", 1), ("fair", 1))
    assert t.skipped == 1  # the weak incident
    assert "graded confirmed and fair only" in t.caption()
    assert [(f.belligerent, f.low, f.as_of) for f in t.admissions] == [("coalition", 352, "2017-05-31")]
    assert [(f.belligerent, f.low, f.high) for f in t.estimates] == [("coalition", 3100, None)]
    assert t.totals()["coalition"].high == 52
    monthly = tally(INCIDENTS, ASSESSMENTS, AGGREGATES, granularity="month")
    assert {r.period for r in monthly.rows if r.belligerent == "coalition"} == {"2017-06", "2017-08"}


def test_tallies_report_text_and_self_contained_html() -> None:
    t = tally(INCIDENTS, ASSESSMENTS, AGGREGATES)
    text = render_text(t)
    assert text.startswith("Sums over incidents graded confirmed and fair only")
    assert "coalition: 352 (the coalition, as of 2017-05-31)" in text
    page = render_html(t, title="Raqqa & the coalition")
    assert "Raqqa &amp; the coalition" in page
    assert "http" not in page.replace("http://www.w3.org/2000/svg", "")  # nothing fetched from elsewhere
    assert "<script" not in page
    assert "GeoNames" in page and "CC BY 4.0" in page  # the place data's attribution (issue 5)
    svg = page[page.index("<svg") : page.index("</svg>") + len("</svg>")]
    root = ElementTree.fromstring(svg)  # well-formed inline SVG
    titles = [el.text or "" for el in root.iter("{http://www.w3.org/2000/svg}title")]
    assert any(x.startswith("admitted 352") for x in titles)
    assert any(x.startswith("estimated 3,100+") for x in titles)
