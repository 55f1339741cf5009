"""Build a :class:`~civcas.records.Document` from text read by any reader: normalise, clean, hash, id.

Every reader ends here, so a document read from JSON Lines, CSV, HTML, a feed
or a WARC record gets the same text for the same published words, and the
same id when none was given.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import date, datetime

from civcas.errors import InputError
from civcas.ingest.deobfuscate import deobfuscate
from civcas.ingest.furniture import Furniture, clean
from civcas.ingest.normalise import normalise
from civcas.records import Document

log = logging.getLogger(__name__)


def content_hash(text: str) -> str:
    """SHA-256 of the cleaned text: the exact-duplicate key and the default id's source."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_published(value: object, where: str) -> date | None:
    """A publication date from ``YYYY-MM-DD`` (a longer ISO timestamp is cut to its day), or None when empty.

    >>> parse_published("2017-05-17T01:44:00Z", "x:1")
    datetime.date(2017, 5, 17)
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise InputError(where, f"field 'published' is {value!r}; expected YYYY-MM-DD or empty") from None


def _opt(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def build_document(
    text: str,
    *,
    where: str,
    doc_id: object = None,
    published: date | None = None,
    outlet: object = None,
    url: object = None,
    language: object = None,
    title: object = None,
    author: object = None,
    raw: str | None = None,
    clean_text: bool = True,
    furniture: Furniture | None = None,
) -> Document:
    """Normalise and clean ``text`` into a Document; raises :class:`InputError` when it is empty.

    ``raw`` (default: ``text``) is kept for audit. A text that is only page
    furniture becomes a Document with empty text and a WARNING: it is a real
    record of the source, and dropping it would hide that the source said
    nothing usable.

    >>> build_document("Share this\\n\\nJets struck Raqqa.", where="a.txt").text
    'Jets struck Raqqa.'
    """
    normalised = normalise(text)
    if not normalised.strip():
        raise InputError(where, "text is empty; expected the article text")
    if clean_text:
        result = clean(normalised, rules=furniture)
        cleaned = result.text
        if result.removed:
            log.debug("%s: removed %d lines of page furniture", where, len(result.removed))
        if not cleaned.strip():
            log.warning(
                "%s: all %d non-blank lines are page furniture; kept with empty text", where, len(result.removed)
            )
    else:
        cleaned = normalised
    cleaned = deobfuscate(cleaned)
    digest = content_hash(cleaned)
    given = _opt(doc_id)
    return Document(
        id=given or digest[:16],
        text=cleaned,
        published=published,
        outlet=_opt(outlet),
        url=_opt(url),
        language=_opt(language),
        title=_opt(title),
        author=_opt(author),
        raw=text if raw is None else raw,
        source=where,
        content_hash=digest,
    )
