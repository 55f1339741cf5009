"""One entry point for every input format: files by extension, directories recursively.

Each format's reader yields Documents and, for a bad record, the
:class:`InputError` naming it; a problem with the whole file is raised. Here
both are either raised (the default) or, with ``skip_bad``, logged as a
WARNING, handed to ``on_skip`` and skipped, so a batch never half-fails
silently and never stops on one bad line when told not to.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from civcas.errors import InputError
from civcas.ingest.csvfile import iter_csv
from civcas.ingest.feeds import iter_feed
from civcas.ingest.html import iter_html
from civcas.ingest.jsonl import iter_jsonl
from civcas.ingest.options import IngestOptions
from civcas.ingest.textfile import iter_text
from civcas.ingest.warc import iter_warc
from civcas.records import Document

log = logging.getLogger(__name__)

Reader = Callable[[Path, IngestOptions], Iterator[Document | InputError]]

#: File name endings and their readers; the longest matching ending wins (``.warc.gz`` before ``.gz``).
READERS: dict[str, Reader] = {
    ".txt": iter_text,
    ".text": iter_text,
    ".html": iter_html,
    ".htm": iter_html,
    ".xhtml": iter_html,
    ".jsonl": iter_jsonl,
    ".ndjson": iter_jsonl,
    ".csv": iter_csv,
    ".tsv": iter_csv,
    ".xml": iter_feed,
    ".rss": iter_feed,
    ".atom": iter_feed,
    ".warc": iter_warc,
    ".warc.gz": iter_warc,
}


def reader_for(path: Path) -> Reader | None:
    """The reader for ``path``'s extension (case-insensitive), or None for a format civcas does not read."""
    name = path.name.lower()
    for ending in sorted(READERS, key=len, reverse=True):
        if name.endswith(ending):
            return READERS[ending]
    return None


def _report(error: InputError, options: IngestOptions) -> None:
    if not options.skip_bad:
        raise error
    log.warning("skipped %s: %s", error.where, error.reason)
    options.on_skip(error)


def read_with(reader: Reader, path: Path, options: IngestOptions) -> Iterator[Document]:
    """Run one reader over one file, raising or skipping bad records as ``options`` say."""
    count = skipped = 0
    try:
        for item in reader(path, options):
            if isinstance(item, InputError):
                skipped += 1
                _report(item, options)
            else:
                count += 1
                yield item
    except InputError as exc:
        skipped += 1
        _report(exc, options)
    except OSError as exc:
        skipped += 1
        _report(InputError(str(path), f"cannot read ({exc.strerror or exc}); expected a readable file"), options)
    log.info("ingest: %s: %d documents, %d skipped", path, count, skipped)


def _walk(directory: Path) -> Iterator[Path]:
    """Readable files under ``directory``, in sorted path order so every run reads them alike."""
    for path in sorted(directory.rglob("*"), key=lambda p: p.relative_to(directory).as_posix()):
        rel = path.relative_to(directory)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        if reader_for(path) is None:
            log.debug("ingest: %s: not a format civcas reads; passed over", path)
            continue
        yield path


def read(paths: Sequence[Path], *, options: IngestOptions | None = None) -> Iterator[Document]:
    """Read documents from files and directories, in the order given (directories sorted, recursive).

    Formats by extension: ``.txt``, ``.html``/``.htm``, ``.jsonl``, ``.csv``/``.tsv``,
    RSS/Atom (``.xml``, ``.rss``, ``.atom``), ``.warc``/``.warc.gz``. A bad record
    raises :class:`InputError` naming ``path:line`` unless ``options.skip_bad``.

    >>> skipped: list[InputError] = []
    >>> opts = IngestOptions(skip_bad=True, on_skip=skipped.append)
    >>> # docs = list(read([Path("inbox/")], options=opts))
    """
    options = options or IngestOptions()
    for raw_path in paths:
        path = Path(raw_path)
        if path.is_dir():
            for file in _walk(path):
                yield from read_with(_checked_reader(file), file, options)
            continue
        if not path.exists():
            _report(
                InputError(str(path), "no such file or directory; expected a document file or a directory"), options
            )
            continue
        reader = reader_for(path)
        if reader is None:
            known = ", ".join(sorted(READERS))
            _report(
                InputError(str(path), f"unknown format {path.suffix or '(no extension)'!r}; expected one of {known}"),
                options,
            )
            continue
        yield from read_with(reader, path, options)


def _checked_reader(path: Path) -> Reader:
    reader = reader_for(path)
    assert reader is not None  # _walk yields only readable formats
    return reader
