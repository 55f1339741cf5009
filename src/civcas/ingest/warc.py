"""WARC archives (web-archive captures, ``.warc`` or ``.warc.gz``): one Document per HTML capture.

For archive backfills. Each ``response`` record with a successful HTML
payload goes through the HTML reader with the record's target URI as its
URL; other records (requests, metadata, images, redirects) are passed over.
A record is located as ``path@offset``, the byte offset a CDX index uses.
The capture date is not the publication date, so ``published`` comes only
from the page itself.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

from civcas.errors import InputError
from civcas.ingest.encoding import decode_html
from civcas.ingest.html import document_from_html
from civcas.ingest.options import IngestOptions
from civcas.records import Document

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def iter_warc(path: Path, options: IngestOptions) -> Iterator[Document | InputError]:
    """Yield a Document, or the :class:`InputError` of an unreadable capture, per HTML response record."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    with path.open("rb") as fh:
        records = ArchiveIterator(fh)
        try:
            for record in records:
                if not record.format.startswith("warc"):
                    # warcio falls back to the older ARC format on anything else, garbage included.
                    raise ArchiveLoadFailed(f"a {record.format!r} record where WARC/1.x was expected")
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                ctype = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
                status = record.http_headers.get_statuscode()
                if ctype not in _HTML_TYPES or status != "200":
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                payload = record.content_stream().read()
                where = f"{path}@{records.get_record_offset()}"  # valid once the payload is read
                try:
                    html = decode_html(payload, where)
                    yield document_from_html(html, where=where, options=options, url=url)
                except InputError as exc:
                    yield InputError(where, exc.reason)
        except ArchiveLoadFailed as exc:
            raise InputError(
                str(path), f"not a readable WARC archive ({exc}); expected WARC/1.0 or 1.1 records (ARC is not read)"
            ) from None
