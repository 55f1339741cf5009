from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from civcas.errors import ExtractionError
from civcas.records import Document, Span, url_date


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


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://twitter.com/someone/status/1457359374272303113", (date(2021, 11, 7), "day")),
        ("https://x.com/i/web/status/1457359374272303113", (date(2021, 11, 7), "day")),
        ("https://news.example.org/world/2022/01/26/prison-siege-ends/", (date(2022, 1, 26), "day")),
        ("https://www.example.com/20250615-missiles-hit-refinery/", (date(2025, 6, 15), "day")),
        ("https://press.example.net/en/2022/01/statement/", (date(2022, 1, 31), "month")),
        ("https://www.example.com/en/227616/?fbclid=IwAR0m2", None),
        ("https://www.example.com/news/article/20221345", None),  # not a calendar day
        (None, None),
    ],
)
def test_records_url_date(url: str | None, expected: tuple[date, str] | None) -> None:
    assert url_date(url) == expected


def test_records_publication_bound_prefers_the_stated_date() -> None:
    url = "https://twitter.com/someone/status/1457359374272303113"
    assert Document(id="d", text="x", published=date(2021, 11, 9), url=url).publication_bound() == (
        date(2021, 11, 9), "published")
    assert Document(id="d", text="x", url=url).publication_bound() == (date(2021, 11, 7), "url")
    assert Document(id="d", text="x").publication_bound() is None
