"""Text normalisation, defined once: every offset in civcas refers to its result."""

from __future__ import annotations

import unicodedata

_CONTROL = {c: None for c in range(32) if c not in (9, 10)}
_CONTROL.update({0x7F: None, 0xFEFF: None, 0x200B: None})


def normalise(text: str) -> str:
    """NFC-normalise, unify line endings and drop control characters.

    No-break spaces and typographic quotes are kept, so a quote cut from the
    result is still verbatim from the published text.

    >>> normalise("caf\\u0065\\u0301\\r\\nkilled")
    'café\\nkilled'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text).translate(_CONTROL)
