"""The lexicons and patterns are data: they validate, and a broken file is reported in full."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from civcas.errors import DataFileError
from civcas.extract.rules import data_files, load_file, load_rules

MANIFEST = Path(__file__).resolve().parent.parent / "data" / "manifest.json"


def test_rules_every_data_file_validates() -> None:
    rules = load_rules()
    assert set(rules.tags) == set(data_files())
    for kind, path in data_files().items():
        assert load_file(path).version >= 1, kind


def test_rules_bad_file_lists_every_problem_with_line(tmp_path: Path) -> None:
    bad = tmp_path / "qualifiers.en.v1.yaml"
    bad.write_text(
        "schema: civcas.qualifiers/1\nname: q\nversion: 1\nsources: [x]\nlicense: CC0-1.0\n"
        "changelog: [{version: 1, date: 2026-11-22, note: x}]\nentries:\n"
        "  - {id: a, qualifier: nearly, phrases: [x]}\n"
        "  - {id: b, qualifier: exact, phrases: [y], lable: z}\n"
    )
    with pytest.raises(DataFileError) as err:
        load_file(bad)
    message = str(err.value)
    assert f"{bad}:8: entries.0.qualifier" in message
    assert f"{bad}:9: entries.1.lable" in message


def test_rules_file_name_version_matches_header(tmp_path: Path) -> None:
    src = data_files()["stance"].read_text(encoding="utf-8")
    wrong = tmp_path / "stance.en.v2.yaml"
    wrong.write_text(src, encoding="utf-8")
    with pytest.raises(DataFileError, match="does not match the file name"):
        load_file(wrong)


def _snapshot() -> dict[str, dict[str, object]]:
    out = {}
    for kind, path in sorted(data_files().items()):
        parsed = load_file(path)
        out[kind] = {
            "file": f"{path.parent.name}/{path.name}",
            "version": parsed.version,
            "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        }
    return out


def test_rules_manifest_snapshot(update_golden: bool) -> None:
    """Changing a data file is a reviewed decision: refresh with ``pytest --update-golden``."""
    snap = _snapshot()
    if update_golden or not MANIFEST.exists():
        MANIFEST.parent.mkdir(parents=True, exist_ok=True)
        MANIFEST.write_text(json.dumps(snap, indent=2) + "\n", encoding="utf-8")
    assert json.loads(MANIFEST.read_text(encoding="utf-8")) == snap
