"""Plain-text documents: one file, one document; the first line may be its title."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from civcas.errors import InputError
from civcas.ingest.document import build_document
from civcas.ingest.encoding import decode_utf8
from civcas.ingest.options import IngestOptions
from civcas.records import Document

_SENTENCE_END = re.compile(r"[.:;,]\W*$")
_WORD = re.compile(r"[^\W\d_]{2,}")
_TITLE_MAX = 200


def title_of(text: str) -> str | None:
    """The title line: one of the first two lines, set off by a blank line, short, not ending like a sentence.

    A dateline such as "17 May, 2017 01:44" (fewer than three words) may come
    first and is passed over. The title stays in the text too: headlines carry
    claims ("... airstrikes that killed dozens") and offsets must cover them.

    >>> title_of("US denies responsibility for strikes\\n\\nThe coalition said on Tuesday ...")
    'US denies responsibility for strikes'
    """
    lines = text.split("\n")
    seen = 0
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        seen += 1
        if seen > 2:
            return None
        followed_by_blank = i + 1 < len(lines) and not lines[i + 1].strip()
        if (
            followed_by_blank
            and len(line) <= _TITLE_MAX
            and not _SENTENCE_END.search(line)
            and len(_WORD.findall(line)) >= 3
        ):
            return line
    return None


def iter_text(path: Path, options: IngestOptions) -> Iterator[Document | InputError]:
    """Yield the one Document of a UTF-8 text file; an empty file is an :class:`InputError`."""
    text = decode_utf8(path.read_bytes(), path)
    if not text.strip():
        raise InputError(str(path), "file is empty; expected the article text")
    doc = build_document(text, where=str(path), clean_text=options.clean, furniture=options.furniture)
    yield _with_title(doc, title_of(doc.text))


def _with_title(doc: Document, title: str | None) -> Document:
    from dataclasses import replace

    return replace(doc, title=title) if title else doc
