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
        # editors' brackets are glue, like parentheses
        (
            "No fewer than 40 people [some reports say more], including a policeman, were reportedly killed.",
            [("killed", 40, "at_least")],
        ),
        ("Four volunteers for [opposition leader] Karimi have been killed in the district.", [("killed", 4, "exact")]),
        (
            "Six farmers abducted by the gunmen on Friday [3 March] from the market have been killed.",
            [("killed", 6, "exact")],
        ),
        # "as many as" is one hedge, not the vague word "many"
        (
            "As many as seven traders were killed and another 30 injured in the clashes.",
            [("killed", 7, "up_to"), ("injured", 30, "exact")],
        ),
        # the head of a subject, not the noun inside its phrase
        ("Five cousins of a local council candidate were gunned down on Sunday.", [("killed", 5, "exact")]),
        ("Six young men from two rival groups were killed in a shootout.", [("killed", 6, "exact")]),
        # counts with nouns the lexicon does not list
        ("Eleven Congolese were killed when the boat was shelled.", [("killed", 11, "exact")]),
        ("Raids across the province left 21 suspected cattle thieves dead.", [("killed", 21, "exact")]),
        (
            "Three local health workers vaccinating children in the camp have been killed.",
            [("killed", 3, "exact")],
        ),
        ("Nine members of one family were killed when a shell hit their home.", [("killed", 9, "exact")]),
        # verbs and nouns of killing
        ("Insurgents slit the throats of nine villagers near the well.", [("killed", 9, "exact")]),
        ("Five men were hanged by the militants in the square.", [("killed", 5, "exact")]),
        ("Soldiers committed at least 30 extrajudicial executions in the town.", [("killed", 30, "at_least")]),
        # subjects set off by dashes, appositions and quotes
        ('Two reporters with a local radio station were "assassinated" in the city.', [("killed", 2, "exact")]),
        ("Nine men -- all guards at a private farm -- were found dead near the road.", [("killed", 9, "exact")]),
        (
            "Six people, four local traders and a visitor, were on Saturday night killed in the market.",
            [("killed", 6, "exact")],
        ),
        # an auxiliary inside the cue makes it passive: the count before it, not the one after
        (
            "More than 20 persons have been killed, dozens injured in the clashes.",
            [("killed", 20, "more_than"), ("injured", None, "vague")],
        ),
        ("Three more farmers were wounded in the attack.", [("injured", 3, "exact")]),
        ("He said 14 Misseriya were killed and nine were wounded.", [("killed", 14, "exact"), ("injured", 9, "exact")]),
        # "9 of them civilians" is a part of the figure before it, not more dead
        ("At least 19 people, 9 of them civilians, were killed in the blast.", [("killed", 19, "at_least")]),
        # "and <nouns>" and a participle between the subject and its verb
        (
            "No fewer than 20 traders and farmers travelling on the highway were reportedly killed.",
            [("killed", 20, "at_least")],
        ),
        # a preposition is no modifier of the noun after a count
        (
            "The death toll in the clashes has risen to five after another person was killed on Monday.",
            [("killed", 5, "exact"), ("killed", 1, "exact")],
        ),
        # a later count in brackets updates the figure
        ("A suicide bomber killed eight [later 11] people at the market.", [("killed", 11, "exact")]),
        ("Gunmen killed 40 (later updated to 52) villagers in the raid.", [("killed", 52, "exact")]),
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

