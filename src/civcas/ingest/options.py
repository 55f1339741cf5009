"""Options for reading documents: one frozen object instead of flags on every reader."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from civcas.errors import ConfigError, InputError
from civcas.ingest.furniture import Furniture

#: Document fields a CSV column (or a JSON key) can fill; the default column name is the field name.
FIELDS: tuple[str, ...] = ("id", "text", "published", "outlet", "url", "language", "title", "author")


def parse_column_map(spec: str) -> dict[str, str]:
    """Parse ``"text=body,published=date"`` into ``{"text": "body", "published": "date"}``.

    Raises :class:`ConfigError` on a malformed pair or an unknown field, so a
    typo fails before any file is read.

    >>> parse_column_map("text=body, published=date")
    {'text': 'body', 'published': 'date'}
    """
    out: dict[str, str] = {}
    for part in (p.strip() for p in spec.split(",")):
        if not part:
            continue
        name, sep, column = part.partition("=")
        if not sep or not name.strip() or not column.strip():
            raise ConfigError(f"column_map: {part!r} is not FIELD=COLUMN; expected e.g. text=body,published=date")
        out[name.strip()] = column.strip()
    _check_fields(out)
    return out


def _check_fields(mapping: Mapping[str, str]) -> None:
    unknown = sorted(set(mapping) - set(FIELDS))
    if unknown:
        raise ConfigError(f"column_map: unknown field(s) {', '.join(unknown)}; expected some of {', '.join(FIELDS)}")


def _log_only(_error: InputError) -> None:
    """Default ``on_skip``: the WARNING logged by the reader is the whole report."""


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """How :func:`civcas.ingest.read` treats its inputs.

    Attributes:
        skip_bad: report a bad record (or an unreadable file) and go on, instead of raising.
        column_map: document field -> CSV column name, for columns not named after the field
            (``{"text": "body", "published": "date"}``); see :func:`parse_column_map`.
        on_skip: called with each skipped :class:`InputError` when ``skip_bad`` is on, after the
            WARNING is logged; pass ``errors.append`` to collect them.
        clean: remove page furniture (the default); off keeps the normalised text as read.
        furniture: furniture rules to clean with (default: the bundled ``furniture.v1.yaml``).

    >>> skipped: list[InputError] = []
    >>> opts = IngestOptions(skip_bad=True, on_skip=skipped.append, column_map={"text": "body"})
    """

    skip_bad: bool = False
    column_map: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    on_skip: Callable[[InputError], None] = _log_only
    clean: bool = True
    furniture: Furniture | None = None

    def __post_init__(self) -> None:
        _check_fields(self.column_map)
        # Frozen all the way down: a caller's dict changed later must not change these options.
        object.__setattr__(self, "column_map", MappingProxyType(dict(self.column_map)))

    def column(self, name: str) -> str:
        """The CSV column that fills document field ``name``."""
        return self.column_map.get(name, name)
