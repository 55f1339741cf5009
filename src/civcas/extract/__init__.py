"""Extract: every casualty claim in a document, each tied to the text it rests on."""

from __future__ import annotations

from civcas.extract.config import ExtractConfig
from civcas.extract.pipeline import run

__all__ = ["ExtractConfig", "run"]
