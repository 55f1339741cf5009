"""JSON Lines documents in the shape of ``../shared/eval/README.md``: one object per line.

Keys: ``id``, ``text``, ``published`` (``YYYY-MM-DD`` or null), ``outlet``,
``url``, ``language`` and optionally ``title`` and ``author``; other keys are
ignored. ``IngestOptions.column_map`` renames keys as it renames CSV columns.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path

from civcas.errors import InputError
from civcas.ingest.document import build_document, parse_published
from civcas.ingest.encoding import utf8_error
from civcas.ingest.options import IngestOptions
from civcas.records import Document


def document_from_record(record: Mapping[str, object], where: str, *, options: IngestOptions | None = None) -> Document:
    """Build a cleaned Document from one decoded record; raises :class:`InputError` naming ``where``.

    >>> document_from_record({"id": "d1", "text": "Jets struck Raqqa."}, "docs.jsonl:1").id
    'd1'
    """
    options = options or IngestOptions()
    key = options.column
    doc_id = record.get(key("id"))
    label = f"record {doc_id!r}: " if doc_id not in (None, "") else ""
    text = record.get(key("text"))
    if not isinstance(text, str):
        found = ("missing" if key("text") not in record else "null") if text is None else (
            f"{'an' if type(text).__name__[0] in 'aeiou' else 'a'} {type(text).__name__}, not a string")
        raise InputError(where, f"{label}field {key('text')!r} is {found}; expected the article text")
    try:
        published = parse_published(record.get(key("published")), where)
        return build_document(
            text,
            where=where,
            doc_id=doc_id,
            published=published,
            outlet=record.get(key("outlet")),
            url=record.get(key("url")),
            language=record.get(key("language")),
            title=record.get(key("title")),
            author=record.get(key("author")),
            clean_text=options.clean,
            furniture=options.furniture,
        )
    except InputError as exc:
        raise InputError(exc.where, label + exc.reason) from None


def iter_jsonl(path: Path, options: IngestOptions) -> Iterator[Document | InputError]:
    """Yield a Document, or the :class:`InputError` of a bad line, for every non-blank line.

    Lines are decoded one by one, so one badly encoded line is one bad record,
    not a lost file.
    """
    offset = 0
    with path.open("rb") as fh:
        for lineno, data in enumerate(fh, 1):
            where = f"{path}:{lineno}"
            start, offset = offset, offset + len(data)
            try:
                line = data.decode("utf-8-sig" if lineno == 1 else "utf-8").rstrip("\r\n")
            except UnicodeDecodeError as exc:
                yield utf8_error(data, exc, path, first_line=lineno, first_byte=start)
                continue
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                at = f"{exc.msg} column" if exc.msg.endswith(" at") else f"{exc.msg} at column"
                yield InputError(where, f"not valid JSON ({at} {exc.colno}); expected one object per line")
                continue
            if not isinstance(record, dict):
                yield InputError(where, f"a JSON {type(record).__name__}, not an object; expected one object per line")
                continue
            try:
                yield document_from_record(record, where, options=options)
            except InputError as exc:
                yield exc


def read_jsonl(path: Path, *, options: IngestOptions | None = None) -> Iterator[Document]:
    """Yield one Document per non-blank line, whatever the file's extension.

    A bad line raises :class:`InputError` naming ``path:line``, unless
    ``options.skip_bad`` reports and skips it.
    """
    from civcas.ingest.readers import read_with

    return read_with(iter_jsonl, path, options or IngestOptions())
