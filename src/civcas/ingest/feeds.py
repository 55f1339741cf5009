"""RSS and Atom feeds through feedparser: one Document per entry.

An entry's text is its full content when the feed carries it, else its
summary; either is an HTML fragment turned into text with paragraph breaks
kept. ``published`` is the entry's published (or updated) date, ``outlet``
the feed's title, ``id`` the entry's guid/id when it has one.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from civcas.errors import InputError
from civcas.ingest.document import build_document
from civcas.ingest.options import IngestOptions
from civcas.records import Document

_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "section", "article", "header", "footer", "table", "tr", "pre", "figure", "figcaption", "hr",
}  # fmt: skip


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one paragraph per block element, separated by blank lines.

    >>> fragment_text("<p>Jets struck <b>Raqqa</b>.</p><p>Twelve were killed.</p>")
    'Jets struck Raqqa.\\n\\nTwelve were killed.'
    """
    import lxml.html

    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises several types on malformed markup; fall back to the raw fragment
        return fragment.strip()
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    parts: list[str] = []

    def walk(el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        block = tag.lower() in _BLOCK_TAGS
        if block:
            parts.append("\n\n")
        if el.text and tag:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n\n")

    walk(root)
    text = "".join(parts)
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


def _entry_html(entry: Any) -> str:
    contents = entry.get("content") or []
    for preferred in ("text/html", "application/xhtml+xml", None):
        for c in contents:
            if c.get("value") and (preferred is None or c.get("type") == preferred):
                return str(c["value"])
    return str(entry.get("summary") or entry.get("description") or "")


def iter_feed(path: Path, options: IngestOptions) -> Iterator[Document | InputError]:
    """Yield a Document, or the :class:`InputError` of an empty entry, for every entry of a feed."""
    import feedparser

    parsed = feedparser.parse(path.read_bytes())
    if not parsed.get("version"):
        problem = parsed.get("bozo_exception")
        detail = f" ({problem})" if problem else ""
        raise InputError(str(path), f"not an RSS or Atom feed{detail}; expected <rss>, <feed> or <rdf:RDF>")
    feed = parsed.get("feed", {})
    for n, entry in enumerate(parsed.get("entries", []), 1):
        where = f"{path}#{n}"
        html = _entry_html(entry)
        text = fragment_text(html)
        title = entry.get("title")
        if not text.strip():
            yield InputError(where, f"entry {title or n!r} has no content or summary; expected the article text")
            continue
        try:
            yield build_document(
                text,
                where=where,
                doc_id=entry.get("id"),
                published=_entry_date(entry),
                outlet=feed.get("title"),
                url=entry.get("link"),
                language=feed.get("language"),
                title=title,
                author=entry.get("author"),
                raw=html,
                clean_text=options.clean,
                furniture=options.furniture,
            )
        except InputError as exc:
            yield exc
