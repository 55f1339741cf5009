"""civcas: civilian harm from airstrikes, from reporting to assessed incidents."""

from __future__ import annotations

from civcas.records import (
    Assessment,
    Claim,
    ClaimKind,
    DateInterval,
    Document,
    Evidence,
    Figure,
    Incident,
    Place,
    Qualifier,
    Span,
    Stance,
)

__version__ = "0.1.0"

__all__ = [
    "Assessment",
    "Claim",
    "ClaimKind",
    "DateInterval",
    "Document",
    "Evidence",
    "Figure",
    "Incident",
    "Place",
    "Qualifier",
    "Span",
    "Stance",
    "__version__",
]
