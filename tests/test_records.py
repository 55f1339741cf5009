from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from civcas.errors import ExtractionError
from civcas.records import Span


def test_records_span_of_cuts_the_covered_text() -> None:
    text = "French warplanes targeted the village, killing 120 civilians."
    span = Span.of(text, 47, 50)
    assert span.text == "120"
    span.check(text)


def test_records_span_rejects_offsets_outside_the_text() -> None:
    with pytest.raises(ExtractionError, match="outside a text"):
        Span.of("short", 2, 9)


def test_records_span_rejects_text_of_wrong_length() -> None:
    with pytest.raises(ExtractionError):
        Span(0, 3, "four")


@given(st.text(), st.data())
def test_records_span_round_trips_on_any_text(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    span = Span.of(text, start, end)
    assert text[span.start : span.end] == span.text
