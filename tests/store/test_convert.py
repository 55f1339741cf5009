"""Records read back from the store equal the records written (Hypothesis), on SQLite and PostgreSQL."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest
from _store_fixtures import document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from civcas.errors import StoreError
from civcas.records import (
    Assessment,
    Claim,
    ClaimantKind,
    ClaimKind,
    DateInterval,
    DatePrecision,
    Decision,
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
from civcas.store import Store

# PostgreSQL text cannot hold NUL; ingest's normalisation removes control characters from every text
# (a NUL in metadata is refused with a clear error: test_convert_nul_is_refused_clearly_on_postgresql).
_TEXT = st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=40)
_NAME = st.none() | _TEXT
_COUNT = st.none() | st.integers(0, 10**12)
_FLOAT = st.floats(-180, 180, allow_nan=False)
_ids = itertools.count()


@st.composite
def _span(draw: st.DrawFn, text: str) -> Span:
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return Span.of(text, start, end)


def _figure(text: str) -> st.SearchStrategy[Figure]:
    return st.builds(
        Figure,
        value=_COUNT,
        qualifier=st.sampled_from(Qualifier),
        max=_COUNT,
        text=_TEXT,
        span=st.none() | _span(text),
        low=_COUNT,
        high=_COUNT,
        rule=_NAME,
    )


def _place(text: str) -> st.SearchStrategy[Place]:
    return st.builds(
        Place,
        name=_NAME,
        mention=_NAME,
        span=st.none() | _span(text),
        gazetteer_id=_NAME,
        lat=st.none() | _FLOAT,
        lon=st.none() | _FLOAT,
        admin1=_NAME,
        admin2=_NAME,
        country=_NAME,
        precision=st.sampled_from(PlacePrecision),
        confidence=st.floats(0, 1),
        kind=_NAME,
        relation=_TEXT,
        reasons=st.lists(_TEXT, max_size=3).map(tuple),
        names=st.lists(_TEXT, max_size=3).map(tuple),
        phrase=_NAME,
    )


def _interval(text: str) -> st.SearchStrategy[DateInterval]:
    return st.builds(
        DateInterval,
        start=st.none() | st.dates(),
        end=st.none() | st.dates(),
        precision=st.sampled_from(DatePrecision),
        span=st.none() | _span(text),
        rule=_NAME,
        month_day=st.none() | st.tuples(st.integers(1, 12), st.integers(1, 28)),
    )


def _tuple(s: st.SearchStrategy[object], n: int = 3) -> st.SearchStrategy[tuple[object, ...]]:
    return st.lists(s, max_size=n).map(tuple)


@st.composite
def _claim(draw: st.DrawFn, doc: Document, n: int) -> Claim:
    text = doc.text
    quote_span = draw(_span(text))
    quote = draw(st.just(quote_span.text) | _TEXT)  # usually the covered text; the record allows otherwise
    return Claim(
        id=f"{doc.id}:{n}",
        doc_id=doc.id,
        kind=draw(st.sampled_from(ClaimKind)),
        quote=quote,
        quote_span=quote_span,
        stance=draw(st.sampled_from(Stance)),
        claimant=draw(_NAME),
        claimant_kind=draw(st.sampled_from(ClaimantKind)),
        date=draw(st.none() | _interval(text)),
        place=draw(st.none() | _place(text)),
        places=draw(_tuple(_place(text), 2)),
        belligerents=draw(_tuple(_TEXT)),
        killed=draw(st.none() | _figure(text)),
        injured=draw(st.none() | _figure(text)),
        killed_or_injured=draw(st.none() | _figure(text)),
        victims=draw(_tuple(st.tuples(_TEXT, _figure(text)), 2)),
        victim_status=draw(st.sampled_from(VictimStatus)),
        targets=draw(_tuple(_TEXT)),
        weapons=draw(_tuple(_TEXT)),
        evidence=draw(_tuple(st.builds(Evidence, field=_TEXT, span=_span(text), rule=_NAME), 4)),
        rules=draw(_tuple(_TEXT)),
    )


def _range() -> st.SearchStrategy[FigureRange]:
    return st.builds(FigureRange, low=_COUNT, best=_COUNT, high=_COUNT, claim_ids=_tuple(_TEXT))


@st.composite
def _batch(draw: st.DrawFn) -> tuple[list[Document], list[Claim], list[Incident], list[Assessment]]:
    """Documents, their claims, incidents grouping the claims, and an assessment per incident."""
    tag = next(_ids)
    docs = [
        Document(
            id=f"d{tag}-{i}",
            text=draw(st.text(min_size=1, max_size=80).filter(lambda t: "\x00" not in t)),
            published=draw(st.none() | st.dates()),
            outlet=draw(_NAME),
            url=draw(_NAME),
            language=draw(_NAME),
            title=draw(_NAME),
            author=draw(_NAME),
            raw=draw(_NAME),
            source=draw(_NAME),
            content_hash=draw(_NAME),
            duplicate_of=draw(_NAME),
        )
        for i in range(draw(st.integers(1, 3)))
    ]
    claims = [draw(_claim(d, n)) for d in docs for n in range(draw(st.integers(0, 3)))]
    groups = draw(st.lists(st.integers(0, 2), min_size=len(claims), max_size=len(claims)))
    incidents, assessments = [], []
    for g in sorted(set(groups)):
        iid = f"inc-{tag}-{g}"
        members = [c for c, k in zip(claims, groups, strict=True) if k == g]
        some = members[0]
        links = draw(
            _tuple(
                st.builds(
                    Link,
                    a=st.sampled_from([c.id for c in members]),
                    b=st.sampled_from([c.id for c in members]),
                    weight=st.floats(-50, 50),
                    probability=st.floats(0, 1),
                    reasons=_tuple(_TEXT),
                ),
                3,
            )
        )
        incidents.append(
            Incident(
                id=iid,
                claim_ids=tuple(draw(st.permutations([c.id for c in members]))),
                date=some.date,
                place=some.place,
                belligerents=draw(_tuple(_TEXT)),
                links=links,
                reasons=draw(_tuple(_TEXT)),
            )
        )
        assessments.append(
            Assessment(
                incident_id=iid,
                grade=draw(st.sampled_from(Grade)),
                reasons=draw(_tuple(_TEXT)),
                killed=draw(st.none() | _range()),
                injured=draw(st.none() | _range()),
                children=draw(st.none() | _range()),
                women=draw(st.none() | _range()),
                per_claimant=draw(_tuple(st.tuples(_TEXT, _range()), 2)),
                original_sources=draw(_tuple(_TEXT)),
                relays=draw(_tuple(_TEXT)),
                admitted=draw(st.none() | _range()),
                admission_assessment=draw(_NAME),
            )
        )
        for c in members:
            claims[claims.index(c)] = replace(c, incident=iid)
    return docs, claims, incidents, assessments


def test_convert_records_read_back_equal_records_written(db_url: str) -> None:
    examples = 25 if db_url.startswith("postgresql") else 60
    with Store.open(db_url) as store:
        store.upgrade()

        @settings(max_examples=examples, deadline=None, suppress_health_check=[HealthCheck.too_slow])
        @given(_batch())
        def check(batch: tuple[list[Document], list[Claim], list[Incident], list[Assessment]]) -> None:
            docs, claims, incidents, assessments = batch
            store.save_documents(docs)
            store.save_result(claims, incidents, assessments)
            assert store.documents([d.id for d in docs]) == sorted(docs, key=lambda d: d.id)
            assert store.claims(ids=[c.id for c in claims]) == sorted(claims, key=lambda c: c.id)
            for inc in incidents:
                assert store.incident(inc.id) == inc
            assert store.assessments([a.incident_id for a in assessments]) == {a.incident_id: a for a in assessments}
            again = store.save_documents(docs)
            again += store.save_result(claims, incidents, assessments)
            assert again.changed == 0

        check()


def test_convert_nul_is_refused_clearly_on_postgresql(db_url: str) -> None:
    doc = replace(document("doc-a"), raw="Coalition\x00 warplanes")
    with Store.open(db_url) as store:
        store.upgrade()
        if db_url.startswith("postgresql"):
            with pytest.raises(StoreError, match=r"document doc-a: raw holds a NUL character"):
                store.save_documents([doc])
        else:
            store.save_documents([doc])
            assert store.document("doc-a") == doc


#: Every field of every record the store keeps. A field added to ``records.py`` fails this test until the
#: store keeps it too: a column (and a migration) or a key in a JSON column, in ``store/convert.py``.
STORED_FIELDS = {
    Document: "id text published outlet url language title raw source content_hash duplicate_of author",
    Claim: "id doc_id kind quote quote_span stance claimant claimant_kind date place places belligerents killed "
    "injured killed_or_injured victims victim_status targets weapons evidence rules incident",
    Incident: "id claim_ids date place belligerents links reasons review",
    Assessment: "incident_id grade reasons killed injured children women per_claimant original_sources relays "
    "admitted admission_assessment",
    Figure: "value qualifier max text span low high rule",
    Place: "name mention span gazetteer_id lat lon admin1 admin2 country precision confidence kind relation reasons "
    "names phrase",
    DateInterval: "start end precision span rule month_day",
    Evidence: "field span rule",
    Span: "start end text",
    Link: "a b weight probability reasons",
    FigureRange: "low best high claim_ids",
    Decision: "action incident_ids claim_ids target reason actor at",
}


@pytest.mark.parametrize("record", list(STORED_FIELDS), ids=lambda r: r.__name__)
def test_convert_keeps_every_field_of_the_records(record: type) -> None:
    from dataclasses import fields

    have = [f.name for f in fields(record)]
    kept = STORED_FIELDS[record].split()
    assert sorted(have) == sorted(kept), (
        f"records.{record.__name__} has fields {sorted(set(have) - set(kept))} the store does not keep "
        f"(or lost {sorted(set(kept) - set(have))}): store them in civcas/store/convert.py, add a migration "
        "if they need a column, then list them here"
    )
