from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from civcas.extract.numbers import find_numbers, words_value
from civcas.extract.rules import load_rules


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("killing 120 civilians", [("120", 120)]),
        ("at least 3,100 civilians", [("3,100", 3100)]),
        ("forty-five people", [("forty-five", 45)]),
        ("two hundred and fifty dead", [("two hundred and fifty", 250)]),
        # "and" joins a number's words only after a scale word: "between five and seven" is two numbers, not 12
        ("between five and seven civilians", [("five", 5), ("seven", 7)]),
        ("half a dozen houses", [("half a dozen", 6)]),
        ("a dozen wounded", [("a dozen", 12)]),
        ("over 1.5 million displaced", [("1.5 million", 1_500_000)]),
        ("dozens were hurt", [("dozens", None)]),
        ("tens of thousands fled", [("tens of thousands", None)]),
        ("at 00:22 on the 22nd", []),
    ],
)
def test_numbers_find_values(text: str, expected: list[tuple[str, int | None]]) -> None:
    assert [(n.text, n.value) for n in find_numbers(text)] == expected


def test_numbers_vague_words_carry_documented_bounds() -> None:
    found = {n.text: (n.low, n.high) for n in find_numbers("dozens, tens, hundreds, a couple")}
    assert found["dozens"] == (12, None)
    assert found["tens"] == (10, None)
    assert found["hundreds"] == (100, None)
    assert found["a couple"] == (2, 2)


_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


@given(st.integers(1, 9), st.integers(0, 7), st.integers(0, 9))
def test_numbers_word_compounds_round_trip(hundreds: int, tens: int, units: int) -> None:
    words = f"{_UNITS[hundreds - 1]} hundred and {_TENS[tens]}" + (f"-{_UNITS[units - 1]}" if units else "")
    nums = load_rules().numbers
    assert words_value(words, dict(nums.units), dict(nums.scales)) == hundreds * 100 + (tens + 2) * 10 + units


@given(st.text(max_size=200))
def test_numbers_never_raise_and_spans_round_trip(text: str) -> None:
    for n in find_numbers(text):
        assert text[n.start : n.end] == n.text
        assert n.value is None or n.value >= 0
