"""Sentence splitting (``civcas.extract.text``) on sentences written for civcas."""

from __future__ import annotations

import pytest

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
    ],
)
def test_text_sentences_and_editors_brackets(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected
