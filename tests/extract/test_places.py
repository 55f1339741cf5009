from __future__ import annotations

import pytest

from civcas.extract.places import find_mentions


def _mentions(text: str) -> list[tuple[str, str | None, str, tuple[str, ...]]]:
    return [(m.text, m.kind_hint, m.relation, m.within) for m in find_mentions(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jets targeted the village of Tal Hamid in Manbij on Tuesday.",
            [("Tal Hamid", "village", "in", ("Manbij",)), ("Manbij", None, "in", ())],
        ),
        (
            "Shelling hit al-Rashid village east of Manbij.",
            [("al-Rashid", "village", "in", ()), ("Manbij", None, "east_of", ())],
        ),
        ("A drone struck a car in Deir ez-Zor province.", [("Deir ez-Zor", "province", "in", ())]),
        (
            "Raids hit the town of Ariha in the Idlib countryside.",
            [("Ariha", "village", "in", ("Idlib",)), ("Idlib", "district", "countryside", ())],
        ),
        # a direction before "countryside" keeps it the area around the city, before or after the name
        ("Drones hit a car in the northern countryside of Aleppo.", [("Aleppo", None, "countryside", ())]),
        ("Drones hit a car in Aleppo's northern countryside.", [("Aleppo", None, "countryside", ())]),
        # where a strike was fired from, with its apposition, is its origin; a city before an agency's initials
        # opening a paragraph is a dateline
        (
            "Jets fired from the direction of the sea, west of Banias, targeting points south of Hama City.",
            [("Banias", None, "origin", ()), ("Hama", "city", "south_of", ())],
        ),
        ("Homs, SANA-Jets struck a farm near Qusayr.", [("Homs", None, "dateline", ()), ("Qusayr", None, "near", ())]),
        # "the outskirts of X": around a town; no hint that X is a district of that name
        ("A drone struck a car on the outskirts of Kobane.", [("Kobane", None, "near", ())]),
        ("An airstrike hit al-Bab's northern outskirts.", [("al-Bab", None, "near", ())]),
        # "outside" and "inside" end in "de", which is no title ("Staffan de Mistura")
        ("The bodies of five men were found outside Sirte.", [("Sirte", None, "near", ())]),
        (
            "Jets struck the towns of Kafr Nabl, Hish and Maar Shurin in Idlib.",
            [
                ("Kafr Nabl", "village", "in", ("Idlib",)),
                ("Hish", "village", "in", ("Idlib",)),
                ("Maar Shurin", "village", "in", ("Idlib",)),
                ("Idlib", None, "in", ()),
            ],
        ),
        # a distance with a parenthesis, and an apposition naming the place, before the name
        (
            "The attack was in Nanga Boguila, about 450 km (280 miles) north of the capital, Bangui.",
            [("Nanga Boguila", None, "in", ()), ("Bangui", None, "km_from", ())],
        ),
        # the names listed after a feature word, past "including" or "such as", are of its kind
        (
            "Herders burned several villages, including Dendora, Matiya and Haraza, on Sunday.",
            [("Dendora", "village", "in", ()), ("Matiya", "village", "in", ()), ("Haraza", "village", "in", ())],
        ),
        (
            "Shells fell on towns such as Kafr Nabl and Hish.",
            [("Kafr Nabl", "village", "in", ()), ("Hish", "village", "in", ())],
        ),
        # a road named by its two ends: near the first, a road's place (no place named "Kunduz-Takhar", no "M4")
        ("Gunmen stopped a bus on the Kunduz-Takhar highway.", [("Kunduz", "road", "near", ())]),
        # ... an end of two words with an article
        ("A strike hit a car on the Idlib-Bab al-Hawa road.", [("Idlib", "road", "near", ())]),
        ("A drone hit a car on the Aleppo-Latakia M4 road near Ariha.",
         [("Aleppo", "road", "near", ()), ("Ariha", None, "near", ())]),
        # a name whose hyphen joins an article is one name, before a road as anywhere
        ("A bomb on the Deir ez-Zor road killed four.", [("Deir ez-Zor", None, "in", ())]),
        # a short weekday before a date is no place ("Sun" is a village in Yemen)
        ("A drone killed two civilians in Ariha on Sun, Mar 7.", [("Ariha", None, "in", ())]),
    ],
)
def test_places_mentions_with_context(text: str, expected: list[tuple[str, str | None, str, tuple[str, ...]]]) -> None:
    assert _mentions(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The victim, named Karim Hasan, was a farmer.",
        "Colonel John Doe told reporters in a statement.",
        "The United Nations Security Council met in an emergency session.",
        "In a statement on Thursday the ministry said nothing.",
        # a post's author before its handle
        "Post | Halab Monitor@HalabMonitorJun 3, 2024 a drone was heard overnight.",
        "Dozens of IDPs fled the shelling overnight.",
        "The remnant looks like the engine used in Shahed-136 drones and Su-24 jets.",
        # a faith or a sect, with or without a prefix, is no place
        "Four Hindu traders and two Shi'ite clerics were shot dead.",
        "Pro-Sunni fighters and anti-Shia gangs clashed on Monday.",
        # a person after the word for their trade
        "Unknown men shot dead the poet Pascal Nkurunziza as he left a bar.",
        # a minority by its name, or any people called a minority
        "The car bomb hit a village mainly populated by members of the Shabak minority.",
        "Gunmen attacked homes of the Qarabash minority overnight.",
        "Clashes broke out between Fulani herdsmen and Idoma farmers overnight.",
        # a person before a long title of a body's role
        "Amira Kanan, associate crisis and conflict director at Rights Watch, said the reports were unconfirmed.",
        # a plural's possessive before a body's word names the body
        "The head of the Sudanese Doctors' Syndicate said 210 protesters had died.",
        # a language ("English" is also a town's name)
        "He was interrupted by a man who told him, in English, to go back.",
    ],
)
def test_places_people_and_bodies_are_not_places(text: str) -> None:
    assert _mentions(text) == []


def test_an_outlets_name_in_a_datelines_parentheses_is_no_place() -> None:
    # the city before it is the dateline (no acronym, however short), the outlet named after a region no place
    got = _mentions("ERBIL (Kurdistan 24) – a drone was heard overnight.")
    assert [m[0] for m in got] == ["ERBIL"] and got[0][2] == "dateline", got
    # a city in title case with its outlet in parentheses and a dash opens the line as a dateline, the outlet named
    # after a region no place
    got = _mentions("Mogadishu (Shabelle) - Four civilians were killed near Kunyo Barrow in Lower Shabelle region.")
    assert got[0] == ("Mogadishu", None, "dateline", ()) and "Shabelle" not in [m[0] for m in got], got


def test_places_spans_point_into_the_text() -> None:
    text = "Intro line.\nWarplanes struck the city of Raqqa on Monday."
    start = text.index("Warplanes")
    (m,) = find_mentions(text, start, len(text))
    assert text[m.span.start : m.span.end] == "Raqqa"


def test_places_unnamed_capital_is_a_capital_mention() -> None:
    text = "A bomb exploded on Sunday in the Somali capital, police said."
    (m,) = find_mentions(text, 0, len(text))
    assert (m.text, m.kind_hint, m.within) == ("the Somali capital", "capital", ("Somali",))


def test_where_aid_or_goods_came_from_is_an_origin() -> None:
    text = "A Kurdish official who distributed aid coming from Turkey was shot dead in Erbil."
    assert [(m.text, m.relation) for m in find_mentions(text, 0, len(text))] == [("Turkey", "origin"), ("Erbil", "in")]


def test_english_place_word_lists_are_data() -> None:
    """The word lists of the place patterns live in places.en (an empty list would match nothing), and the patterns
    are built from them: a word added there is read."""
    import dataclasses

    from civcas.extract.rules import PlacesFile, load_rules

    rules = load_rules()
    arabic_only = {"force_nouns", "abroad_nouns", "place_adjectives"}
    lists = [k for k, f in PlacesFile.model_fields.items() if f.default == [] and k not in arabic_only]
    assert len(lists) > 60
    assert not [k for k in lists if not getattr(rules.places, k)], "empty English place word lists"
    text = "Rockets fell near Baghdad International Airport and near Baghdad Stadium on Monday."
    assert [m.text for m in find_mentions(text, 0, len(text))] == ["Baghdad", "Baghdad Stadium"]
    more = rules.places.model_copy(update={"facility_ends": [*rules.places.facility_ends, "Stadium"]})
    assert [m.text for m in find_mentions(text, 0, len(text), rules=dataclasses.replace(rules, places=more))] == [
        "Baghdad",
        "Baghdad",
    ]



def test_a_local_council_is_an_lga() -> None:
    got = _mentions("Gunmen invaded villages in the Agatu local council, killing five persons.")
    assert got[0][:2] == ("Agatu", "district"), got


def test_a_people_before_a_feature_word_is_not_the_place() -> None:
    got = _mentions("At least 30 people died when herders attacked the Dogon village of Ogossagou in central Mali.")
    assert [m[0] for m in got] == ["Ogossagou", "Mali"], got


def test_places_keep_the_feature_word_they_are_named_by() -> None:
    # the name with the feature word beside it, as written; not for a list's names after "including"
    text = "Jets struck the village of Tal Hamid and al-Rashid village in Deir ez-Zor province."
    assert [(m.text, m.phrase) for m in find_mentions(text, 0, len(text))] == [
        ("Tal Hamid", "village of Tal Hamid"),
        ("al-Rashid", "al-Rashid village"),
        ("Deir ez-Zor", "Deir ez-Zor province"),
    ]
    text = "Herders burned several villages, including Dendora and Matiya."
    assert [m.phrase for m in find_mentions(text, 0, len(text))] == [None, None]


def test_places_mohalla_is_the_word_for_a_quarter() -> None:
    # Pakistani and Indian English put "Mohalla" (a town's quarter) before its name; it is no place itself
    text = "Gunmen shot dead two men in Mohalla Islampura of Peshawar."
    assert next((m.text, m.kind_hint) for m in find_mentions(text, 0, len(text))) == ("Islampura", "neighbourhood")


def test_places_a_long_acronym_amid_lower_case_words_is_no_place() -> None:
    # "MINUSCA", "AFRICOM": acronyms longer than five letters; a word in a dateline in capitals stays a place
    text = "The UN mission MINUSCA said 115 bodies had been recovered in Bangassou."
    assert [m.text for m in find_mentions(text, 0, len(text))] == ["Bangassou"]
    text = "MAIDUGURI, Nigeria (Reuters) - Militants killed 26 people."
    assert "MAIDUGURI" in [m.text for m in find_mentions(text, 0, len(text))]


def test_both_ends_of_a_road_between_two_towns_are_near() -> None:
    text = "A Turkish drone targeted a car on the road between Qamishli and Amuda, killing two men."
    got = [(m.text, m.relation) for m in find_mentions(text, 0, len(text))]
    assert got == [("Qamishli", "near"), ("Amuda", "near")], got


def test_places_a_sudanese_locality_is_a_district() -> None:
    # Sudan's second-level areas are "localities"; the name keeps the word it is named by
    text = "Eight people were killed in Abu Karinka locality, East Darfur, on Sunday."
    m = next(m for m in find_mentions(text, 0, len(text)) if m.text == "Abu Karinka")
    assert (m.kind_hint, m.phrase) == ("district", "Abu Karinka locality")


def test_a_journeys_ends_are_no_place_of_the_attack() -> None:
    # "en route from Nyala ... to Zalingei": the bus was attacked at neither end; the area each is the capital of
    # tells where that end is, no place of its own; a company's name is no place
    got = {m[0]: (m[1], m[2]) for m in _mentions(
        "Militiamen in the area of Tur opened fire on a bus of Abu Salah Travel en route from Nyala, the capital of "
        "South Darfur, to Zalingei, the capital of Central Darfur, killing five.")}
    assert got["Nyala"][1] == "origin" and got["Zalingei"][1] == "origin", got
    assert got["South Darfur"] == (None, "origin") and got["Central Darfur"] == (None, "origin"), got
    assert "Abu Salah Travel" not in got and got["Tur"][1] == "in", got
    # ... while a town in apposition to the capital of its province still lies in it
    got = {m[0]: m for m in _mentions("Five people were killed in Nyala, the capital of South Darfur.")}
    assert got["Nyala"][3] == ("South Darfur",) and got["South Darfur"][1] is None, got
