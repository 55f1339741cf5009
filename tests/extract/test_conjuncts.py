"""Lists of victims (``civcas.extract.conjuncts``) read through ``find_harms``, on sentences written for civcas."""

from __future__ import annotations

import pytest

from civcas.extract.figures import find_harms


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("text", "value", "groups"),
    [
        ("The raiders set the compound alight, killing the imam and his three sons.", 4, ["the imam", "three sons"]),
        # a phrase on the first conjunct, the second's possessive pointing back to it
        ("A roadside bomb killed the mayor of Dera [a hill town] and his driver.", 2, ["the mayor", "his driver"]),
        # the "of" phrase and then a name in apposition
        (
            "Gunmen killed the district head of Gamawa, Alhaji Musa Bello and his brother on Saturday.",
            2,
            ["the district head", "his brother"],
        ),
        (
            "Gunmen ambushed the convoy and killed the engineer Paul Okon and his driver.",
            2,
            ["the engineer", "his driver"],
        ),
        (
            "A shopkeeper, his wife and their four daughters died when the house was shelled.",
            6,
            ["A shopkeeper", "his wife", "four daughters"],
        ),
        ("An elder refused to pay, and the militia killed him and three of his sons.", 4, ["him", "three of his sons"]),
        ("The gunmen stopped the judge's car, killing him and his guard.", 2, ["him", "his guard"]),
        # singular phrases the lexicon need not know, as the subject of a passive verb
        (
            "The ferry captain and his deckhand were hacked to death on the jetty.",
            2,
            ["The ferry captain", "his deckhand"],
        ),
        (
            "Neighbours found that a retired colonel of the army and his wife had been stabbed to death.",
            2,
            ["a retired colonel", "his wife"],
        ),
        ("An officer of the port authority, and four others died in the blast.", 5, ["An officer", "four others"]),
        # a short "of" phrase completes a noun that asks for one before "and" joins the next conjunct
        (
            "A Turkish drone struck the car, killing two members of the Asayish and a civilian driver.",
            3,
            ["two members", "a civilian driver"],
        ),
        # "others" past an apposition of the first conjunct
        (
            "A strike in Rafah killed Khaled Mansour, its commander in the south, along with two other militants.",
            3,
            ["Khaled Mansour", "two other militants"],
        ),
        (
            "The bomber struck a wedding, killing a village elder, his apparent target, and six others.",
            7,
            ["a village elder", "six others"],
        ),
        ("Her husband and son also died in the fire.", 2, ["Her husband", "son"]),
        # bare person nouns the lexicon knows, after a sentence adverb; one shared article
        ("Earlier, man and woman were killed in a blast in a house in the village.", 2, ["man", "woman"]),
        ("Earlier today, a man and woman were killed when a shell hit their car.", 2, ["a man", "woman"]),
        # companions after the verb: the one the verb implies, and those named with him
        (
            "The headmaster was killed on Friday along with his deputy when the school was shelled.",
            2,
            ["his deputy"],
        ),
        ("A nurse died alongside three patients when the clinic was bombed.", 4, ["A nurse", "three patients"]),
        (
            "A sniper on the roof has killed a village imam as well as two of his pupils.",
            3,
            ["a village imam", "two of his pupils"],
        ),
        ("The market's treasurer was killed on Monday together with Ada Nwosu, a trader.", 2, ["Ada Nwosu"]),
        # a body's commander, his body named after "of", then the next conjunct
        ("Turkish drones killed a commander of the YPG and two civilians near Qamishli.", 3,
         ["a commander", "two civilians"]),
    ],
)
def test_conjuncts_listed_victims_add_up(text: str, value: int, groups: list[str]) -> None:
    (h,) = [h for h in find_harms(text) if h.category == "killed"]
    assert h.value == value
    assert [g.text for g in h.groups] == groups
    for g in h.groups:
        assert text[g.start : g.end] == g.text


@pytest.mark.issue(4)
def test_conjuncts_no_companions_without_a_count_for_the_first() -> None:
    (h,) = [h for h in find_harms("The headmaster died on Friday along with his deputy.") if h.category == "killed"]
    assert h.value is None


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Militants killed a visiting Danish engineer at the dam site.", 1),
        ("Unknown assailants killed the Deputy Registrar of the university on Monday.", 1),
        ("Insurgents beheaded a captured ranger in the forest.", 1),
        ("Assailants murdered chief engineer of the power plant on Monday.", 1),
        # the gunmen did it, though a date stands between the verb and its object
        ("Three gunmen on a scooter shot dead on Friday a respected union leader.", 1),
        # things, not people
        ("The patrol executed an operation near the village.", None),
        ("Gunmen shot a video of the attack.", None),
        ("The raid killed a number of people.", None),
        ("The blast killed most of the passengers.", None),
    ],
)
def test_conjuncts_one_person_as_the_object_of_a_killing(text: str, value: int | None) -> None:
    killed = [h for h in find_harms(text) if h.category == "killed"]
    # (a verb whose object is a thing is no harm cue at all: harm.en thing_objects)
    assert [h.value for h in killed] in ([value], [] if value is None else [value])


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the toll of the bombing had risen to four people killed and 19 others wounded.",
        "A police source said the toll climbed to four people were killed and 19 others injured in the market blast.",
    ],
)
def test_conjuncts_others_after_a_harm_word_are_another_harms(text: str) -> None:
    # "four people killed and 19 others wounded": the words between the counts are no name, so "others" is a
    # second harm's group, not four more dead
    killed = [h for h in find_harms(text) if h.category == "killed"]
    assert killed and killed[0].value == 4, [(h.category, h.value) for h in find_harms(text)]


def test_conjuncts_their_with_a_singular_noun_is_one_person() -> None:
    # "their grandmother" is one more, as "his mother" was
    (h,) = [h for h in find_harms("Three children and their grandmother were killed when a drone struck their car.")
            if h.category == "killed"]
    assert h.value == 4 and [g.text for g in h.groups] == ["Three children", "their grandmother"]
