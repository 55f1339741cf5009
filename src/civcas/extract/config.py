"""Extraction options: one typed, frozen object passed in explicitly."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class ExtractConfig:
    """Options for :func:`civcas.extract.run`.

    ``gazetteer`` is the loaded gazetteer used to spot and resolve places
    (``None``: mentions stay unresolved).
    """

    gazetteer: Any = None
    language: str = "en"
