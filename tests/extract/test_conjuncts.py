"""Lists of victims (``civcas.extract.conjuncts``) read through ``find_harms``, on sentences written for civcas."""

from __future__ import annotations

import pytest

from civcas.extract.figures import find_harms


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("text", "value", "groups"),
    [
        ("Militants stormed the church, killing the priest and his three sons.", 4, ["the priest", "three sons"]),
        (
            "The district governor of Kalam [in the north] and his bodyguard were killed by a roadside bomb.",
            2,
            ["The district governor of Kalam", "his bodyguard"],
        ),
        ("The judge Amina Yusuf and her driver were shot dead near the court.", 2, ["The judge", "her driver"]),
        (
            "A teacher, his wife and their four children were shot dead in the night.",
            6,
            ["A teacher", "his wife", "four children"],
        ),
        ("Gunmen raided the house of an elder, killing him and three of his sons.", 4, ["him", "three of his sons"]),
        ("A bomb under his car exploded, killing him and his guard.", 2, ["him", "his guard"]),
        (
            "The night watchman and his assistant were slaughtered inside the warehouse.",
            2,
            ["The night watchman", "his assistant"],
        ),
        (
            "The feast ended in grief when a member of the council and his wife were hacked to death.",
            2,
            ["a member", "his wife"],
        ),
        ("A member of the state assembly, and six others were killed by the gunmen.", 7, ["A member", "six others"]),
        ("His brother and cousin were also killed in the attack.", 2, ["His brother", "cousin"]),
        # companions after the verb: the one the verb implies, and those named with him
        ("A village chief was killed on Friday along with his son near the farm.", 2, ["A village chief", "his son"]),
        ("Mr. Okafor was killed on Friday alongside his nephew near the farm.", 2, ["his nephew"]),
        (
            "The council chairman was shot and killed, along with Sani Garba, a local trader, on the road.",
            2,
            ["The council chairman", "Sani Garba"],
        ),
        ("A teacher was shot dead alongside two other men at the checkpoint.", 3, ["A teacher", "two other men"]),
        (
            "A bomber at the gate has killed a senior tribal sheikh as well as four of his guards.",
            5,
            ["four of his guards"],
        ),
    ],
)
def test_conjuncts_listed_victims_add_up(text: str, value: int, groups: list[str]) -> None:
    (h,) = [h for h in find_harms(text) if h.category == "killed"]
    assert h.value == value
    assert [g.text for g in h.groups] == groups
    for g in h.groups:
        assert text[g.start : g.end] == g.text


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Gunmen killed a Danish engineer working for the water company.", 1),
        ("Attackers shot and killed the Deputy Chairman of the local council on Monday.", 1),
        ("Suspected militants beheaded a village imam on Tuesday.", 1),
        ("Gunmen shot dead deputy director of the state hospital on Monday.", 1),
        # the gunmen did it, though a date stands between the verb and its object
        ("Two men on a motorbike shot dead on Monday a local party official in the market.", 1),
        ("The blast killed most of the passengers.", None),
        # things, not people
        ("The patrol executed an operation near the village.", None),
        ("Gunmen shot a video of the attack.", None),
        ("The raid killed a number of people.", None),
    ],
)
def test_conjuncts_one_person_as_the_object_of_a_killing(text: str, value: int | None) -> None:
    (h,) = [h for h in find_harms(text) if h.category == "killed"]
    assert h.value == value
