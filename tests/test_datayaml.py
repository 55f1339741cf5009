"""The data files' YAML reader: the C loader builds what the Python safe loader builds, and refuses what it refuses."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from civcas import datayaml
from civcas.errors import DataFileError
from civcas.extract import rules

DATA = Path(datayaml.__file__).resolve().parent / "data"


@pytest.mark.parametrize("path", sorted(DATA.rglob("*.yaml")), ids=lambda p: str(p.relative_to(DATA)))
def test_every_data_file_reads_as_the_python_safe_loader_reads_it(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert datayaml.safe_load(text) == yaml.safe_load(text)


def test_python_objects_are_refused() -> None:
    with pytest.raises(yaml.YAMLError):
        datayaml.safe_load("a: !!python/object/apply:os.system ['true']\n")


def test_a_broken_rules_file_names_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "harm.en.v1.yaml"
    bad.write_text("schema: harm\nchangelog:\n  - date: 2026-12-05\n    note: [unclosed\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"harm\.en\.v1\.yaml:\d+: not valid YAML"):
        rules.load_file(bad)
