"""Decode input bytes: UTF-8 or a clear error naming the line and byte, never a silent guess.

A guessed encoding turns Arabic place names into mojibake that no gazetteer
finds, and nobody notices; so text files must be UTF-8 (a byte-order mark is
allowed) and anything else is reported with where it broke. HTML is the one
exception: a page that declares its charset (``<meta charset=...>``) is
decoded with that declaration, since browsers and archives do the same.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from civcas.errors import InputError

_HINT = "expected UTF-8 text; convert the file first (e.g. iconv -f WINDOWS-1256 -t UTF-8)"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def utf8_error(
    data: bytes, exc: UnicodeDecodeError, path: Path | str, *, first_line: int = 1, first_byte: int = 0
) -> InputError:
    """An :class:`InputError` naming ``path:line`` and the byte offset where UTF-8 decoding failed.

    ``first_line`` and ``first_byte`` place ``data`` in its file when it is one line of it.
    """
    line = first_line + data.count(b"\n", 0, exc.start)
    line_start = data.rfind(b"\n", 0, exc.start) + 1
    bad = data[exc.start : exc.start + 1].hex()
    return InputError(
        f"{path}:{line}",
        f"not valid UTF-8 (byte 0x{bad} at byte offset {first_byte + exc.start}, column {exc.start - line_start + 1}); "
        f"{_HINT}",
    )


def decode_utf8(data: bytes, path: Path | str, *, first_line: int = 1) -> str:
    """Decode UTF-8 (dropping a byte-order mark) or raise an error naming the line and byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise utf8_error(data, exc, path, first_line=first_line) from None


def decode_html(data: bytes, path: Path | str) -> str:
    """Decode an HTML page: UTF-8, else the charset the page declares in its first 4 KiB."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            name = declared.group(1).decode("ascii", "replace")
            try:
                codecs.lookup(name)
                return data.decode(name)
            except (LookupError, UnicodeDecodeError):
                err = utf8_error(data, exc, path)
                raise InputError(
                    err.where, f"not valid UTF-8 and not valid in its declared charset {name!r}; {_HINT}"
                ) from None
        raise utf8_error(data, exc, path) from None
