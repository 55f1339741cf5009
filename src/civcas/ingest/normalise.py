"""Text normalisation, defined once: every offset in civcas refers to its result."""

from __future__ import annotations

import re
import unicodedata

_CONTROL = {c: None for c in range(32) if c not in (9, 10)}
_CONTROL.update({0x7F: None, 0xFEFF: None, 0x200B: None})
# Bold and italic tags left in a plain-text export split a cue from its count ("<b>killed</b> six people").
_INLINE_TAG = re.compile(r"</?(?:b|i|em|strong|u)>", re.IGNORECASE)


def normalise(text: str) -> str:
    """NFC-normalise, unify line endings, drop control characters and stray bold/italic tags.

    No-break spaces and typographic quotes are kept, so a quote cut from the
    result is still verbatim from the published text.

    >>> normalise("caf\\u0065\\u0301\\r\\n<b>killed</b>")
    'café\\nkilled'
    """
    text = _INLINE_TAG.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return unicodedata.normalize("NFC", text).translate(_CONTROL)
