"""Within one document: per-claimant statements of one event group; different events stay apart."""

from __future__ import annotations

from _link_claims import claim

from civcas.link.within import dates_conflict, groups, index_groups
from civcas.records import ClaimantKind


def _ids(gs: list[tuple]) -> list[list[str]]:  # type: ignore[type-arg]
    return [[c.id for c in g] for g in gs]


def test_within_same_place_and_date_is_one_group() -> None:
    a = claim(
        "d:0",
        "d",
        "The ministry said 45 died in Raqqa.",
        where="Raqqa",
        day="2017-06-01",
        killed=45,
        claimant="the ministry",
        claimant_kind=ClaimantKind.GOVERNMENT,
    )
    b = claim(
        "d:1",
        "d",
        "Activists counted 51 dead in Raqqa.",
        where="Raqqa",
        day="2017-06-01",
        killed=51,
        claimant="activists",
        claimant_kind=ClaimantKind.ACTIVISTS,
    )
    assert _ids(groups([b, a])) == [["d:0", "d:1"]]


def test_within_different_dates_at_one_place_are_different_events() -> None:
    a = claim("d:0", "d", "Strikes on Manbij killed 20 on Monday.", where="Manbij", day="2016-07-18", killed=20)
    b = claim("d:1", "d", "More strikes on Manbij killed 30 on Friday.", where="Manbij", day="2016-07-22", killed=30)
    assert _ids(groups([a, b])) == [["d:0"], ["d:1"]]


def test_within_governorate_claim_joins_the_single_town_inside_it() -> None:
    town = claim("d:0", "d", "At least 31 were killed in Abu Kamal, the ministry said.", where="Abu Kamal", killed=31)
    area = claim(
        "d:1", "d", "Over 40 civilians died in Deir ez-Zor province on Sunday.", where="Deir ez-Zor province", killed=41
    )
    other = claim("d:2", "d", "A separate raid killed 7 in Raqqa.", where="Raqqa", killed=7)
    assert _ids(groups([town, area, other])) == [["d:0", "d:1"], ["d:2"]]


def test_within_placeless_claim_joins_only_an_unambiguous_event() -> None:
    town = claim("d:0", "d", "Jets killed 12 in Mayadin on Sunday.", where="Mayadin", day="2017-08-20", killed=12)
    denial = claim("d:1", "d", "The coalition denied carrying out the raid.", day="2017-08-20")
    assert _ids(groups([town, denial])) == [["d:0", "d:1"]]
    second = claim("d:2", "d", "Jets killed 9 in Raqqa on Sunday.", where="Raqqa", day="2017-08-20", killed=9)
    assert _ids(groups([town, denial, second])) == [["d:0"], ["d:1"], ["d:2"]]


def test_within_dates_conflict_tolerance() -> None:
    assert dates_conflict((10, 10), (11, 11))
    assert not dates_conflict((10, 10), (11, 11), tolerance=1)
    assert not dates_conflict((10, 12), None)


def _batch():  # type: ignore[no-untyped-def]
    """Claims of several documents in id order: one-claim documents, one event told twice, two events in one text."""
    out = [
        claim("b:0", "b", "Jets hit Raqqa, killing 12.", where="Raqqa", day="2017-06-01", killed=12),
        claim("a:1", "a", "Activists counted 14 dead in Raqqa.", where="Raqqa", day="2017-06-01", killed=14),
        claim("a:0", "a", "The ministry said 12 died in Raqqa.", where="Raqqa", day="2017-06-01", killed=12),
        claim("c:0", "c", "Strikes on Manbij killed 20 on Monday.", where="Manbij", day="2016-07-18", killed=20),
        claim("c:1", "c", "Strikes on Manbij killed 9 on Friday.", where="Manbij", day="2016-07-22", killed=9),
        claim("a:2", "a", "A raid on Tabqa killed 3 a week later.", where="Tabqa", day="2017-06-08", killed=3),
        claim("d:0", "d", "Dozens died, the monitor said."),
    ]
    return sorted(out, key=lambda c: c.id)


def test_within_index_groups_match_groups_per_document() -> None:
    claims = _batch()
    got = [[claims[i].id for i in g] for g in index_groups(claims)]
    want = [
        [c.id for c in g]
        for doc in sorted({c.doc_id for c in claims})
        for g in groups([c for c in claims if c.doc_id == doc])
    ]
    assert got == want
    assert ["a:0", "a:1"] in got and ["c:0"] in got and ["c:1"] in got


def test_within_index_groups_sequence_and_group_of() -> None:
    claims = _batch()
    gs = index_groups(claims)
    assert len(gs) == len(list(gs)) and list(gs[-1]) == list(gs[len(gs) - 1])
    of = gs.group_of(len(claims))
    assert all(of[i] == k for k, g in enumerate(gs) for i in g)
    assert len(index_groups([])) == 0


def test_within_a_town_and_a_village_of_its_district_with_tolls_of_their_own_are_two_events() -> None:
    # Manbij's district bears its name: "Manbij" names the area Tukhar lies in, but each has its own toll here
    town = claim("d:0", "d", "Shelling on Manbij killed four people.", where="Manbij", day="2022-01-20", killed=4)
    village = claim("d:1", "d", "A separate rocket attack killed a woman in Tukhar.", where="Tukhar",
                    published="2022-01-20", killed=1)
    assert _ids(groups([town, village])) == [["d:0"], ["d:1"]]
    # ... while a village's claim with no toll of its own (or the same toll) is the town's event told closer
    village = claim("d:1", "d", "The rockets fell on Tukhar.", where="Tukhar", published="2022-01-20")
    assert _ids(groups([town, village])) == [["d:0", "d:1"]]
