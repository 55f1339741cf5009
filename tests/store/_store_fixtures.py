"""Records written for the store tests (the ``db_url`` fixture, SQLite and PostgreSQL, is in the root conftest).

The sentences are short passages written for these tests in the style of
real reporting; no evaluation data.
"""

from __future__ import annotations

from datetime import date

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

# --- records written for the tests ---------------------------------------------------------------

TEXTS = {
    "doc-a": (
        "Coalition warplanes struck the village of Tukhar near Manbij on Tuesday, killing at least 56 civilians, "
        "activists said. The US-led coalition said it would look into the reports."
    ),
    "doc-b": (
        "At least 73 civilians were killed in airstrikes on Tukhar, north of Manbij, on Tuesday, "
        "the Syrian Observatory for Human Rights said."
    ),
    "doc-c": (
        "Russian jets hit a market in Ariha on Friday, killing 12 people, including three children, "
        "rescue workers said."
    ),
}
PUBLISHED = {"doc-a": date(2016, 7, 20), "doc-b": date(2016, 7, 21), "doc-c": date(2017, 5, 20)}
OUTLETS = {"doc-a": "Demo Wire", "doc-b": "Example Daily", "doc-c": "Demo Wire"}


def document(doc_id: str, text: str | None = None) -> Document:
    text = text if text is not None else TEXTS[doc_id]
    return Document(
        id=doc_id,
        text=text,
        published=PUBLISHED.get(doc_id),
        outlet=OUTLETS.get(doc_id),
        url=f"https://example.org/{doc_id}",
        language="en",
        raw=text,
        source=f"fixtures.jsonl:{doc_id[-1]}",
    )


def _span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span.of(text, start, start + len(part))


def claim(
    doc_id: str,
    n: int,
    *,
    killed: str,
    value: int,
    qualifier: Qualifier = Qualifier.AT_LEAST,
    place: str = "Tukhar",
    day: date = date(2016, 7, 19),
    claimant: str = "activists",
    incident: str | None = "inc-tukhar",
    belligerents: tuple[str, ...] = ("coalition",),
) -> Claim:
    """A claim whose every value points at characters of ``TEXTS[doc_id]``."""
    text = TEXTS[doc_id]
    quote = _span(text, text.split(". ")[0].rstrip(".") + ".")
    fig_span = _span(text, killed)
    place_span = _span(text, place)
    low = value if qualifier in (Qualifier.AT_LEAST, Qualifier.EXACT) else None
    high = None if qualifier is Qualifier.AT_LEAST else value
    fig = Figure(value, qualifier, text=killed, span=fig_span, low=low, high=high, rule="qualifiers.en@v1#at_least")
    where = Place(
        name=place,
        mention=place,
        span=place_span,
        gazetteer_id="geonames:9100001",
        lat=36.51,
        lon=37.89,
        admin1="Aleppo",
        admin2="Manbij",
        country="SY",
        precision=PlacePrecision.SETTLEMENT,
        confidence=0.91,
        kind="village",
        relation="in",
        reasons=("named with its district",),
    )
    when = DateInterval(day, day, DatePrecision.DAY, span=_span(text, _day_word(text)))
    return Claim(
        id=f"{doc_id}:{n}:{value:04x}",
        doc_id=doc_id,
        kind=ClaimKind.INCIDENT,
        quote=quote.text,
        quote_span=quote,
        stance=Stance.ALLEGES,
        claimant=claimant,
        claimant_kind=ClaimantKind.ACTIVISTS,
        date=when,
        place=where,
        places=(where,),
        belligerents=belligerents,
        killed=fig,
        victims=(("civilians", Figure(value=None, qualifier=Qualifier.MENTIONED)),),
        victim_status=VictimStatus.CIVILIAN,
        targets=("residential",),
        weapons=("airstrike",),
        evidence=(
            Evidence("killed", fig_span, "lexicons/harm.en@v1#kill_active"),
            Evidence("place", place_span, "patterns/places.en@v1#pattern"),
        ),
        rules=("lexicons/harm.en@v1#kill_active", "patterns/places.en@v1#pattern"),
        incident=incident,
    )


def _day_word(text: str) -> str:
    for word in ("Tuesday", "Friday"):
        if word in text:
            return word
    raise AssertionError("fixture text names no day")


def sample() -> tuple[list[Document], list[Claim], list[Incident], list[Assessment]]:
    """Three documents, three claims, two incidents (one across two outlets), their assessments."""
    docs = [document(d) for d in ("doc-a", "doc-b", "doc-c")]
    a = claim("doc-a", 0, killed="at least 56", value=56)
    b = claim("doc-b", 0, killed="At least 73", value=73, claimant="Syrian Observatory for Human Rights")
    c = claim(
        "doc-c",
        0,
        killed="12",
        value=12,
        qualifier=Qualifier.EXACT,
        place="Ariha",
        day=date(2017, 5, 19),
        claimant="rescue workers",
        incident="inc-ariha",
        belligerents=("Russia",),
    )
    tukhar = Incident(
        id="inc-tukhar",
        claim_ids=(a.id, b.id),
        date=a.date,
        place=a.place,
        belligerents=("coalition",),
        links=(
            Link(a.id, b.id, 9.125, 0.9982, ("place: the same place (+4.1)", "date: the same day (+6.6)")),
            Link(b.id, a.id, 9.125, 0.9982, ("place: the same place (+4.1)",)),
        ),
        reasons=("2 claim(s) from 2 document(s)", "model link/model.v1.json@1"),
    )
    ariha = Incident(id="inc-ariha", claim_ids=(c.id,), date=c.date, place=c.place, belligerents=("Russia",))
    assessments = [
        Assessment(
            incident_id="inc-tukhar",
            grade=Grade.FAIR,
            reasons=("two independent sources: activists, Syrian Observatory for Human Rights",),
            killed=FigureRange(56, 56, 73, (a.id, b.id)),
            per_claimant=(
                ("Syrian Observatory for Human Rights", FigureRange(73, 73, None, (b.id,))),
                ("activists", FigureRange(56, 56, None, (a.id,))),
            ),
            original_sources=("Syrian Observatory for Human Rights", "activists"),
            relays=("Demo Wire (relays activists)",),
        ),
        Assessment(
            incident_id="inc-ariha",
            grade=Grade.WEAK,
            reasons=("a single source",),
            killed=FigureRange(12, 12, 12, (c.id,)),
            children=FigureRange(3, 3, 3, (c.id,)),
            original_sources=("rescue workers",),
        ),
    ]
    return docs, [a, b, c], [tukhar, ariha], assessments


def decision(action: DecisionAction = DecisionAction.DISCOUNT, **kw: object) -> Decision:
    fields: dict[str, object] = {
        "incident_ids": ("inc-ariha",),
        "reason": "the dead were fighters, a monitor's follow-up found",
        "actor": "analyst@example.org",
        "at": "2024-05-01T10:00:00+00:00",
    }
    fields.update(kw)
    return Decision(action=action, **fields)  # type: ignore[arg-type]
