"""Extraction options: one typed, frozen object passed in explicitly."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True, slots=True)
class ExtractConfig:
    """Options for :func:`civcas.extract.run`.

    ``gazetteer`` is the loaded gazetteer used to spot and resolve places
    (``None``: mentions stay unresolved). ``as_of`` is the day the reading happens: on a page with no date nor year
    of its own, a day written with its weekday ("Monday 27 September") takes the one year of the decade before it
    that fits (``dates.weekday_year``); ``None`` leaves such days without a year. ``pipeline.extract_claims`` sets it
    to the batch's newest publication date when it is not given (``pipeline.batch_as_of``), never to the clock.
    """

    gazetteer: Any = None
    language: str = "en"
    as_of: date | None = None
