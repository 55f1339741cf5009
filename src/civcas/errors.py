"""One error hierarchy for civcas.

Messages read "where: what is wrong; what was expected". Where is
``path:line`` for files, ``document_id[start:end]`` for text and the dotted
name for a setting.
"""

from __future__ import annotations


class CivcasError(Exception):
    """Base of every error civcas raises on purpose."""


class DataFileError(CivcasError, ValueError):
    """A lexicon, pattern or gazetteer file is malformed."""


class ConfigError(CivcasError, ValueError):
    """A setting is missing or has a bad value."""


class InputError(CivcasError, ValueError):
    """An input document file is unreadable or malformed (names file, line and reason)."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


class ExtractionError(CivcasError, ValueError):
    """Extraction met text it cannot represent faithfully (for example a stale span)."""


class LinkError(CivcasError):
    """Linking could not run (bad model file, inconsistent analyst decisions)."""


class StoreError(CivcasError):
    """The database could not be read or written."""


class GazetteerError(CivcasError):
    """A gazetteer could not be loaded or queried."""
