"""HTML pages through trafilatura: the article body plus its title, date, author and site name.

trafilatura drops navigation, sidebars and comment threads from the DOM;
the furniture cleaner then takes what survives as text (share rows, "READ
MORE" lines). Its metadata maps onto the Document: ``date`` -> ``published``,
``sitename`` -> ``outlet``, ``author``, ``title``, ``url``, ``language``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from civcas.errors import InputError
from civcas.ingest.document import build_document, parse_published
from civcas.ingest.encoding import decode_html
from civcas.ingest.options import IngestOptions
from civcas.records import Document

log = logging.getLogger(__name__)

_HTML_LANG = re.compile(r"""<html[^>]*\slang\s*=\s*["']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?""", re.IGNORECASE)

# Publication date, not last-modified; no guessing from free text or the URL.
_DATE_PARAMS = {"original_date": True, "extensive_search": False}


def document_from_html(
    html: str, *, where: str, options: IngestOptions, url: str | None = None, raw: str | None = None
) -> Document:
    """Extract one page's article into a Document; raises :class:`InputError` when nothing readable is found."""
    import trafilatura

    if not html.strip():
        raise InputError(where, "file is empty; expected an HTML page")
    # trafilatura logs a warning and returns None on pages it cannot parse; turn that into one clear error.
    try:
        extracted = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except (ValueError, TypeError) as exc:
        raise InputError(where, f"unreadable HTML ({exc}); expected a page with an article body") from None
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not text.strip():
        raise InputError(
            where, "no article text could be extracted from the HTML; expected a page with an article body"
        )
    meta: Any = extracted
    published = None
    page_date = getattr(meta, "date", None)
    if page_date:
        try:
            published = parse_published(page_date, where)
        except InputError:
            log.debug("%s: page date %r is not a day; published left empty", where, page_date)
    return build_document(
        text,
        where=where,
        published=published,
        outlet=getattr(meta, "sitename", None),
        url=url or getattr(meta, "url", None),
        language=getattr(meta, "language", None) or _page_language(html),
        title=getattr(meta, "title", None),
        author=getattr(meta, "author", None),
        raw=html if raw is None else raw,
        clean_text=options.clean,
        furniture=options.furniture,
    )


def _page_language(html: str) -> str | None:
    """The page's declared language (``<html lang="ar">``), lower-cased primary subtag."""
    found = _HTML_LANG.search(html[:4096])
    return found.group(1).lower() if found else None


def iter_html(path: Path, options: IngestOptions) -> Iterator[Document | InputError]:
    """Yield the one Document of an HTML file; an unreadable page is an :class:`InputError`."""
    html = decode_html(path.read_bytes(), path)
    yield document_from_html(html, where=str(path), options=options)
