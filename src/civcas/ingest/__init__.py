"""Ingest: read documents from files into cleaned, normalised :class:`~civcas.records.Document` records.

The public surface:

- :func:`read` (paths -> Documents; every format, directories, ``IngestOptions``),
- :func:`dedup` (mark exact and near copies with ``duplicate_of``),
- :func:`clean` (remove page furniture, line-wise) and :func:`normalise`,
- :func:`read_jsonl` / :func:`document_from_record` (the claims contract's reader).

See ``docs/ingest.md`` for formats, the column mapping, cleaning rules and error messages.
"""

from __future__ import annotations

from civcas.ingest.dedup import DedupConfig, dedup
from civcas.ingest.document import build_document, content_hash
from civcas.ingest.furniture import CleanResult, Furniture, Removal, clean, load_furniture
from civcas.ingest.jsonl import document_from_record, read_jsonl
from civcas.ingest.normalise import normalise
from civcas.ingest.options import FIELDS, IngestOptions, parse_column_map
from civcas.ingest.readers import READERS, read

__all__ = [
    "FIELDS",
    "READERS",
    "CleanResult",
    "DedupConfig",
    "Furniture",
    "IngestOptions",
    "Removal",
    "build_document",
    "clean",
    "content_hash",
    "dedup",
    "document_from_record",
    "load_furniture",
    "normalise",
    "parse_column_map",
    "read",
    "read_jsonl",
]
