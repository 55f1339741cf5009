"""Harm figures on sentences written for civcas in the style of real reporting."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from civcas.extract.figures import find_harms
from civcas.records import Qualifier


def _main(text: str) -> list[tuple[str, int | None, str | None]]:
    out = []
    for h in find_harms(text):
        if h.negated:
            continue
        q = h.groups[0].qualifier.value if h.groups else None
        out.append((h.category, h.value, q))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian jets struck the market, killing 14 civilians.", [("killed", 14, "exact")]),
        ("At least 32 people were killed in the raid on Saraqib.", [("killed", 32, "at_least")]),
        (
            "The strike killed nine and wounded more than 20 others.",
            [("killed", 9, "exact"), ("injured", 20, "more_than")],
        ),
        ("Some 60 civilians perished under the rubble.", [("killed", 60, "approx")]),
        ("The death toll rose to 31 on Monday, medics said.", [("killed", 31, "exact")]),
        ("The bombing left 17 people dead.", [("killed", 17, "exact")]),
        ("Between 20 and 30 villagers were killed.", [("killed", 20, "range")]),
        ("At least 15 people were killed and injured in the shelling.", [("killed_or_injured", 15, "at_least")]),
        (
            "The raid caused the death of 6 citizens and the injury of 10 others.",
            [("killed", 6, "exact"), ("injured", 10, "exact")],
        ),
        ("Shelling on the town injured tens of residents.", [("injured", None, "vague")]),
        ("A drone struck a car near the village, injuring a child.", [("injured", 1, "exact")]),
        ("A local council member was killed on Sunday.", [("killed", 1, "exact")]),
        ("Gunmen killed religious teacher Ahmad Karim Hasan in the town.", [("killed", 1, None)]),
        ("Six people, two aid workers and four farmers, were confirmed killed.", [("killed", 6, "exact")]),
        ("Nine civilians including four children have been killed in the raid.", [("killed", 9, "exact")]),
        ("Fighters took two shepherds from the field and killed them.", [("killed", 2, "exact")]),
        ("The attack killed five civilians and a soldier, officials said.", [("killed", 6, "exact")]),
        ("No casualties were reported after the strike.", []),
        (
            "On March 3, 2022, three farmers, a father from Tal Hamid village and his two sons working nearby, "
            "were killed by a landmine.",
            [("killed", 3, "exact")],
        ),
        ("Mr. Ahmad Karim Hasan, from Idlib governorate, died in the shelling of his village.", [("killed", 1, None)]),
        ("Local sources said three people killed due to the attack.", [("killed", 3, "exact")]),
        (
            "Seven farmers fleeing their village after the raid have been killed by the militants, elders said.",
            [("killed", 7, "exact")],
        ),
        ("Four guards who were abducted on the road last week have been killed.", [("killed", 4, "exact")]),
        (
            "Twelve people, including a teacher and two infants, were killed by the gunmen in the market.",
            [("killed", 12, "exact")],
        ),
        ("Nine herders were on Tuesday beheaded near the river.", [("killed", 9, "exact")]),
        ("At least six people including two children were killed in the blast.", [("killed", 6, "at_least")]),
        ("Four boys who were swimming in the canal were killed by the shelling.", [("killed", 4, "exact")]),
        ("The mortar attack on the camp left eleven labourers dead.", [("killed", 11, "exact")]),
        ("A farmer, Hassan al-Omar, 47, was shot dead by border guards near his land.", [("killed", 1, "exact")]),
        ("Hassan al-Omar, 47, was shot dead by border guards near his land.", [("killed", 1, None)]),
        ("The death toll from Friday's shelling of the market has risen to 23.", [("killed", 23, "exact")]),
        ("The number of people killed in the raid on the village rose to 14.", [("killed", 14, "exact")]),
    ],
)
def test_figures_join_cues_and_counts(text: str, expected: list[tuple[str, int | None, str | None]]) -> None:
    assert _main(text) == expected


def test_figures_categories_after_including_are_victims_not_figures() -> None:
    (h,) = find_harms("The airstrike claimed the lives of at least 30 more, including 11 children and six women.")
    assert h.value == 30
    assert {cat: (g.value, g.qualifier) for cat, g in h.victims} == {
        "children": (11, Qualifier.EXACT),
        "women": (6, Qualifier.EXACT),
    }


def test_figures_mostly_and_mentioned_categories() -> None:
    (h,) = find_harms("The raid killed 7 civilians, mostly women and children.")
    assert dict((c, g.qualifier) for c, g in h.victims) == {"women": Qualifier.MOSTLY, "children": Qualifier.MOSTLY}


def test_figures_category_only_sentence_keeps_categories() -> None:
    (h,) = find_harms("Among the dead were reportedly at least 11 children and six women.")
    assert h.form == "categories"
    assert [c for c, _ in h.victims] == ["children", "women"]


def test_figures_units_are_not_people() -> None:
    assert _main("The jets fired three missiles at 50 km from the border, killing two.") == [("killed", 2, "exact")]


@given(st.text(max_size=300))
def test_figures_never_raise_and_spans_stay_inside(text: str) -> None:
    for h in find_harms(text):
        assert text[h.cue.start : h.cue.end] == h.cue.text
        for g in h.groups:
            assert text[g.start : g.end] == g.text
