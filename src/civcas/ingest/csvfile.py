"""CSV and TSV documents: a header row, one document per row, columns named by the mapping.

Columns default to the document field names (``id, text, published, outlet,
url, language, title, author``); ``IngestOptions.column_map`` names others
(``text=body,published=date``). Columns nobody maps are ignored. A mapped
column missing from the header is an error for the whole file, since every
row would be wrong the same way.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from civcas.errors import InputError
from civcas.ingest.document import build_document, parse_published
from civcas.ingest.options import FIELDS, IngestOptions
from civcas.records import Document

_SURROGATE = re.compile("[\udc80-\udcff]")
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # article bodies are longer than csv's 128 KiB default


def _decode(data: bytes) -> str:
    # Undecodable bytes become lone surrogates, so a bad row is reported on its own line
    # and the good rows around it still load.
    text = data.decode("utf-8", errors="surrogateescape")
    return text[1:] if text.startswith("\ufeff") else text


def iter_csv(path: Path, options: IngestOptions) -> Iterator[Document | InputError]:
    """Yield a Document, or the :class:`InputError` of a bad row, for every data row."""
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    text = _decode(path.read_bytes())
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(f"{path}:1", "empty file; expected a header row naming the columns") from None
    except csv.Error as exc:
        raise InputError(f"{path}:1", f"malformed header row ({exc}); expected comma-separated column names") from None
    header = [h.strip() for h in header]
    columns = {name: i for i, name in enumerate(header)}
    listed = ", ".join(header) or "(none)"
    for name, column in options.column_map.items():
        if column not in columns:
            raise InputError(
                f"{path}:1", f"column {column!r} (mapped to field {name!r}) is not in the header; columns are: {listed}"
            )
    if options.column("text") not in columns:
        raise InputError(
            f"{path}:1", f"no {options.column('text')!r} column; map one with text=COLUMN; columns are: {listed}"
        )
    index = {name: columns[options.column(name)] for name in FIELDS if options.column(name) in columns}
    line = reader.line_num + 1
    while True:
        start = line
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield InputError(f"{path}:{start}", f"malformed CSV ({exc}); expected {len(header)} fields")
            line = reader.line_num + 1
            continue
        line = reader.line_num + 1
        where = f"{path}:{start}"
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield InputError(where, f"row has {len(row)} fields; the header has {len(header)} ({listed})")
            continue
        values = {name: row[i] for name, i in index.items()}
        label = f"record {values['id']!r}: " if values.get("id") else ""
        bad = next((name for name, v in values.items() if _SURROGATE.search(v)), None)
        if bad is not None:
            byte = _SURROGATE.search(values[bad])
            assert byte is not None
            code = ord(byte.group()) - 0xDC00
            yield InputError(
                where,
                f"{label}column {options.column(bad)!r} is not valid UTF-8 (byte 0x{code:02x}); "
                "expected UTF-8 text; convert the file first (e.g. iconv -f WINDOWS-1256 -t UTF-8)",
            )
            continue
        if not values["text"].strip():
            yield InputError(where, f"{label}column {options.column('text')!r} is empty; expected the article text")
            continue
        try:
            yield build_document(
                values["text"],
                where=where,
                doc_id=values.get("id"),
                published=parse_published(values.get("published"), where),
                outlet=values.get("outlet"),
                url=values.get("url"),
                language=values.get("language"),
                title=values.get("title"),
                author=values.get("author"),
                clean_text=options.clean,
                furniture=options.furniture,
            )
        except InputError as exc:
            yield InputError(exc.where, label + exc.reason)
