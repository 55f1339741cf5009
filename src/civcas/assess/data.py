"""The assessment data file (``data/assess/sources.v1.yaml``): named sources, generic claimants, admission terms."""

from __future__ import annotations

import functools
import re
from datetime import date
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from civcas import datayaml
from civcas.errors import DataFileError

SOURCES_FILE = Path(__file__).resolve().parent.parent / "data" / "assess" / "sources.v1.yaml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class ChangelogEntry(_Strict):
    version: int
    date: date
    note: str


class SourceEntry(_Strict):
    id: str
    name: str
    kind: str
    aliases: list[str] = Field(min_length=1)
    affiliation: str | None = None
    note: str | None = None


class AdmissionTerm(_Strict):
    id: str
    assessment: str
    phrases: list[str] = Field(min_length=1)
    note: str | None = None


class SourcesFile(_Strict):
    schema_: str = Field(alias="schema")
    name: str
    version: int
    sources: list[str]
    license: str
    changelog: list[ChangelogEntry]
    generic_words: list[str]
    same_words: dict[str, str]
    sides: dict[str, str]
    entries: list[SourceEntry]
    admission_terms: list[AdmissionTerm]


def load_sources(path: Path = SOURCES_FILE) -> SourcesFile:
    """Read and validate the sources file; raises :class:`DataFileError` listing every bad entry."""
    try:
        raw = datayaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"{path}:1: cannot read ({exc}); expected a YAML mapping") from None
    try:
        parsed = SourcesFile.model_validate(raw)
    except ValidationError as exc:
        raise DataFileError(
            "\n".join(f"{path}: {'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        ) from None
    problems = []
    for kind, ids in (
        ("entries", [e.id for e in parsed.entries]),
        ("admission_terms", [t.id for t in parsed.admission_terms]),
    ):
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            problems.append(f"{path}: {kind}: duplicate ids {dupes}; ids must be unique")
    stem = re.search(r"\.v(\d+)\.yaml$", path.name)
    if stem and int(stem.group(1)) != parsed.version:
        problems.append(f"{path}:1: header version {parsed.version} does not match the file name")
    if problems:
        raise DataFileError("\n".join(problems))
    return parsed


@functools.cache
def default_sources() -> SourcesFile:
    """The bundled sources file, loaded once per process."""
    return load_sources()
