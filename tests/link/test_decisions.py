"""Analyst decisions replayed over an assignment: idempotent, in time order, validated."""

from __future__ import annotations

import pytest

from civcas.errors import LinkError
from civcas.link.decisions import apply, discounted, kept_apart, split_id, validate
from civcas.records import Decision, DecisionAction

BASE = {"c1": "inc-a", "c2": "inc-a", "c3": "inc-b"}


def _d(action: DecisionAction, at: str = "2026-01-01T00:00:00Z", **kw) -> Decision:  # type: ignore[no-untyped-def]
    return Decision(action, reason=kw.pop("reason", "checked the sources"), actor="tester", at=at, **kw)


def test_decisions_merge_split_move_are_idempotent() -> None:
    ds = [
        _d(DecisionAction.MERGE, incident_ids=("inc-a", "inc-b")),
        _d(DecisionAction.SPLIT, "2026-01-02T00:00:00Z", incident_ids=("inc-a",), claim_ids=("c2",)),
        _d(DecisionAction.MOVE_CLAIM, "2026-01-03T00:00:00Z", claim_ids=("c1",), target=split_id(["c2"])),
    ]
    once, trail = apply(BASE, ds)
    assert once == {"c1": split_id(["c2"]), "c2": split_id(["c2"]), "c3": "inc-a"}
    twice, _ = apply(once, ds)
    assert twice == once
    assert [d.action for d in trail["inc-a"]] == [DecisionAction.MERGE, DecisionAction.SPLIT, DecisionAction.MOVE_CLAIM]


def test_decisions_discount_follows_a_merge_and_restore_lifts_it() -> None:
    ds = [
        _d(DecisionAction.DISCOUNT, incident_ids=("inc-b",), reason="those killed were fighters"),
        _d(DecisionAction.MERGE, "2026-01-02T00:00:00Z", incident_ids=("inc-a", "inc-b")),
    ]
    _, trail = apply(BASE, ds)
    assert discounted(trail["inc-a"]) is not None
    _, trail = apply(BASE, [*ds, _d(DecisionAction.RESTORE, "2026-01-03T00:00:00Z", incident_ids=("inc-a",))])
    assert discounted(trail["inc-a"]) is None


@pytest.mark.parametrize(
    "decision",
    [
        Decision(DecisionAction.MERGE, incident_ids=("inc-a",), reason="x"),
        Decision(DecisionAction.SPLIT, incident_ids=("inc-a",), reason="x"),
        Decision(DecisionAction.MOVE_CLAIM, claim_ids=("c1",), reason="x"),
        Decision(DecisionAction.DISCOUNT, incident_ids=("inc-a",), reason="  "),
    ],
)
def test_decisions_invalid_are_refused(decision: Decision) -> None:
    with pytest.raises(LinkError):
        validate(decision)
    assert apply(BASE, [decision])[0] == BASE


def test_decisions_split_keeps_claims_apart_from_what_was_left() -> None:
    split = _d(DecisionAction.SPLIT, incident_ids=("inc-a",), claim_ids=("c2",))
    assert kept_apart([split], {"c1": "inc-a", "c2": split_id(["c2"])}) == {"c2": {"c1"}, "c1": {"c2"}}
