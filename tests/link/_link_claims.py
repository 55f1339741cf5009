"""Claims built from short sentences written for these tests (no evaluation data)."""

from __future__ import annotations

from datetime import date

from civcas.records import (
    Claim,
    ClaimantKind,
    ClaimKind,
    DateInterval,
    DatePrecision,
    Document,
    Figure,
    Place,
    PlacePrecision,
    Qualifier,
    Span,
    Stance,
)

#: Places as a gazetteer would resolve them (rounded coordinates of real towns, for distances only).
PLACES = {
    "Manbij": ("Manbij", 36.53, 37.95, "Aleppo", "Manbij", PlacePrecision.SETTLEMENT),
    "Tukhar": ("Tukhar", 36.51, 37.89, "Aleppo", "Manbij", PlacePrecision.SETTLEMENT),
    "Raqqa": ("Ar Raqqah", 35.95, 39.01, "Raqqa", "Ar-Raqqa", PlacePrecision.SETTLEMENT),
    "Tabqa": ("Al-Tabqa", 35.84, 38.55, "Raqqa", "Ath-Thawrah", PlacePrecision.SETTLEMENT),
    "Mayadin": ("Al Mayadin", 35.02, 40.45, "Deir ez-Zor", "Al Mayadin", PlacePrecision.SETTLEMENT),
    "Deir ez-Zor province": ("Deir ez-Zor", 35.33, 40.14, "Deir ez-Zor", None, PlacePrecision.GOVERNORATE),
    "Abu Kamal": ("Abu Kamal", 34.45, 40.92, "Deir ez-Zor", "Abu Kamal", PlacePrecision.SETTLEMENT),
    "Syria": ("Syria", 35.0, 38.5, None, None, PlacePrecision.COUNTRY),
}


def place(name: str, mention: str | None = None) -> Place:
    resolved, lat, lon, admin1, admin2, precision = PLACES[name]
    return Place(
        name=resolved,
        mention=mention or name,
        lat=lat,
        lon=lon,
        admin1=admin1,
        admin2=admin2,
        country="SY",
        precision=precision,
        confidence=0.9,
    )


def claim(
    cid: str,
    doc: str,
    quote: str,
    *,
    where: str | None = None,
    mention: str | None = None,
    day: str | None = None,
    until: str | None = None,
    published: str | None = None,
    belligerents: tuple[str, ...] = ("coalition",),
    killed: int | None = None,
    qualifier: Qualifier = Qualifier.EXACT,
    claimant: str | None = "outlet",
    claimant_kind: ClaimantKind = ClaimantKind.OUTLET,
    stance: Stance = Stance.ALLEGES,
    kind: ClaimKind = ClaimKind.INCIDENT,
    victims: tuple[tuple[str, Figure], ...] = (),
) -> Claim:
    """One claim whose quote is the whole (test-written) sentence."""
    interval = None
    if day is not None:
        start = date.fromisoformat(day)
        end = date.fromisoformat(until) if until else start
        interval = DateInterval(start, end, DatePrecision.DAY if start == end else DatePrecision.DAYS)
    elif published is not None:
        interval = DateInterval(None, date.fromisoformat(published), DatePrecision.PERIOD)
    fig = None
    if killed is not None:
        fig = figure(killed, qualifier)
    return Claim(
        id=cid,
        doc_id=doc,
        kind=kind,
        quote=quote,
        quote_span=Span(0, len(quote), quote),
        stance=stance,
        claimant=claimant,
        claimant_kind=claimant_kind,
        date=interval,
        place=place(where, mention) if where else None,
        belligerents=belligerents,
        killed=fig,
        victims=victims,
    )


def figure(value: int | None, qualifier: Qualifier = Qualifier.EXACT, text: str = "") -> Figure:
    """A figure with the bounds extraction gives it (docs/figures.md)."""
    low: int | None
    high: int | None
    if value is None:
        low, high = None, None
    elif qualifier is Qualifier.AT_LEAST:
        low, high = value, None
    elif qualifier is Qualifier.MORE_THAN:
        low, high = value + 1, None
    elif qualifier is Qualifier.UP_TO:
        low, high = 0, value
    else:
        low, high = value, value
    return Figure(value=value, qualifier=qualifier, text=text or str(value), low=low, high=high)


def document(
    doc_id: str,
    text: str = "",
    *,
    outlet: str | None = None,
    published: str | None = None,
    duplicate_of: str | None = None,
) -> Document:
    return Document(
        id=doc_id,
        text=text or doc_id,
        outlet=outlet,
        published=date.fromisoformat(published) if published else None,
        duplicate_of=duplicate_of,
    )
