"""Sentence splitting (``civcas.extract.text``) on sentences written for civcas."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from civcas.extract.text import split_sentences


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an editor's query inside square brackets does not end the sentence it interrupts
        (
            "The governor of Kunar [? -- see note] Province and two guards were killed. Police said so.",
            ["The governor of Kunar [? -- see note] Province and two guards were killed.", "Police said so."],
        ),
        ("Ten died [in the town. Later 12] on Monday.", ["Ten died [in the town. Later 12] on Monday."]),
        # a bracket that closes right after the stop is no insertion in progress
        ("He said it [sic.] Then he left.", ["He said it [sic.]", "Then he left."]),
        ("U.S. jets struck Raqqa. Ten died.", ["U.S. jets struck Raqqa.", "Ten died."]),
        # a word broken with tatweels around a dot and a space to slip past filters ("اعـ. ـدمت") goes on
        ("اعـ. ـ دمت الميليشيا شابين. وقالت مصادر محلية", ["اعـ. ـ دمت الميليشيا شابين.", "وقالت مصادر محلية"]),
        # a full stop run into the next Arabic word by a capture that lost the space ends the sentence ...
        ("قتل طفل بقصف على البلدة.وقال ناشطون إن القصف مستمر",
         ["قتل طفل بقصف على البلدة.", "وقال ناشطون إن القصف مستمر"]),
        ("بينهم ثلاث نساء).وأدان الفريق القصف", ["بينهم ثلاث نساء).", "وأدان الفريق القصف"]),
        # ... but a word broken up with a dot to slip past filters goes on
        ("استش.هاد مدني بقصف على البلدة", ["استش.هاد مدني بقصف على البلدة"]),
        # a full stop slipped before the cause of the harm it told ("... عفرين. بقصف طائرة") goes on
        ("استشهاد الصحفي من مدينة عفرين. بقصف طائرة حربية في محيط السد.",
         ["استشهاد الصحفي من مدينة عفرين. بقصف طائرة حربية في محيط السد."]),
    ],
)
def test_text_sentences_and_editors_brackets(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected


def _flat_phrase_regex(phrases: list[str], case_sensitive: bool) -> re.Pattern[str]:
    """The plain alternation, longest phrase first, that the phrase tree stands for."""
    from civcas.extract.text import _phrase_pattern

    body = "|".join(_phrase_pattern(p) for p in sorted(set(phrases), key=len, reverse=True) if p.strip())
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])", 0 if case_sensitive else re.IGNORECASE)


_WORDS = st.sampled_from(["kill", "killed", "killing", "al", "Al", "Bab", "bab", "and", "injure", "Ma'arat", "x",
                          "dead", "de", "a"])
_SEPARATORS = st.sampled_from([" ", "-", "  "])


@settings(max_examples=300, deadline=None)
@given(
    phrases=st.lists(st.builds(lambda ws, sep: sep.join(ws), st.lists(_WORDS, min_size=1, max_size=3), _SEPARATORS),
                     min_size=1, max_size=8),
    text=st.lists(st.one_of(_WORDS, st.sampled_from([" ", "  ", "-", ", ", "’", "'", "s"])), max_size=14).map("".join),
    case_sensitive=st.booleans(),
)
def test_phrase_regex_matches_as_the_plain_longest_first_alternation(
    phrases: list[str], text: str, case_sensitive: bool
) -> None:
    from civcas.extract.text import phrase_regex

    tree = phrase_regex(phrases, case_sensitive=case_sensitive)
    flat = _flat_phrase_regex(phrases, case_sensitive)
    assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)], tree.pattern


def test_phrase_regex_shares_beginnings_and_keeps_the_longest_phrase() -> None:
    from civcas.extract.text import phrase_regex

    rx = phrase_regex(["kill", "killed", "killing", "kill and injure"])
    assert rx.pattern.count("kill") == 1
    assert [m.group() for m in rx.finditer("They kill and injure; killed, killings, kill.")] == [
        "kill and injure", "killed", "kill"]
