"""JSON Lines documents (the claims contract's input) and their bad-input errors."""

from __future__ import annotations

import json
import logging
from datetime import date
from pathlib import Path

import pytest

from civcas.errors import InputError
from civcas.ingest import IngestOptions, content_hash, document_from_record, read_jsonl

ARTICLE = (
    "Share this\n\nWarplanes struck a bakery in the town of Maarat on Monday, killing nine civilians, "
    "rescuers said.\n\nREAD MORE: Shelling hits camp near the border"
)
CLEAN = "Warplanes struck a bakery in the town of Maarat on Monday, killing nine civilians, rescuers said."


def _write(path: Path, *lines: str | bytes) -> Path:
    path.write_bytes(b"\n".join(x if isinstance(x, bytes) else x.encode("utf-8") for x in lines) + b"\n")
    return path


def _rec(**fields: object) -> str:
    return json.dumps({"id": "d1", "text": ARTICLE, "published": "2021-03-08", **fields}, ensure_ascii=False)


def test_jsonl_reads_the_eval_shape_cleaned_with_raw_kept(tmp_path: Path) -> None:
    path = _write(tmp_path / "docs.jsonl", _rec(outlet="Example Agency", url="https://example.org/a", language="en"))
    (doc,) = read_jsonl(path)
    assert doc.id == "d1" and doc.text == CLEAN and doc.raw == ARTICLE
    assert doc.published == date(2021, 3, 8) and doc.outlet == "Example Agency" and doc.language == "en"
    assert doc.source == f"{path}:1" and doc.content_hash == content_hash(CLEAN)


def test_jsonl_id_defaults_to_the_hash_of_the_cleaned_text(tmp_path: Path) -> None:
    path = _write(tmp_path / "docs.jsonl", json.dumps({"text": ARTICLE}), json.dumps({"text": CLEAN}))
    first, second = read_jsonl(path)
    assert first.id == second.id == content_hash(CLEAN)[:16]


def test_jsonl_any_extension_is_read_as_json_lines(tmp_path: Path) -> None:
    (doc,) = read_jsonl(_write(tmp_path / "docs.json", _rec()))
    assert doc.id == "d1"


def test_jsonl_column_map_renames_keys(tmp_path: Path) -> None:
    path = _write(tmp_path / "docs.jsonl", json.dumps({"id": "x", "body": CLEAN, "date": "2020-01-02"}))
    (doc,) = read_jsonl(path, options=IngestOptions(column_map={"text": "body", "published": "date"}))
    assert doc.text == CLEAN and doc.published == date(2020, 1, 2)


def test_jsonl_record_builder_is_what_the_claims_cli_calls() -> None:
    doc = document_from_record({"id": 7, "text": ARTICLE, "published": None}, "docs.jsonl:3")
    assert doc.id == "7" and doc.text == CLEAN and doc.published is None and doc.source == "docs.jsonl:3"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            '{"id": "d2", "text": "unterminated',
            "docs.jsonl:2: not valid JSON (Unterminated string starting at column 22)",
        ),
        ('["a", "list"]', "docs.jsonl:2: a JSON list, not an object; expected one object per line"),
        ('{"id": "d2"}', "docs.jsonl:2: record 'd2': field 'text' is missing; expected the article text"),
        ('{"id": "d2", "text": null}', "docs.jsonl:2: record 'd2': field 'text' is null; expected the article text"),
        ('{"id": "d2", "text": 12}', "docs.jsonl:2: record 'd2': field 'text' is an int, not a string"),
        ('{"id": "d2", "text": "  \\n "}', "docs.jsonl:2: record 'd2': text is empty; expected the article text"),
        (
            '{"id": "d2", "text": "x", "published": "last week"}',
            "docs.jsonl:2: record 'd2': field 'published' is 'last week'; expected YYYY-MM-DD or empty",
        ),
    ],
)
def test_jsonl_bad_line_names_file_line_and_reason(tmp_path: Path, line: str, message: str) -> None:
    path = _write(tmp_path / "docs.jsonl", _rec(), line, _rec(id="d3"))
    with pytest.raises(InputError) as info:
        list(read_jsonl(path))
    assert str(info.value).startswith(f"{tmp_path}/{message}")
    assert "\n" not in str(info.value)


def test_jsonl_wrong_encoding_names_line_and_byte(tmp_path: Path) -> None:
    latin1 = '{"id": "d2", "text": "Caf\xe9 destroyed in raid"}'.encode("latin-1")
    path = _write(tmp_path / "docs.jsonl", _rec(), latin1)
    with pytest.raises(InputError) as info:
        list(read_jsonl(path))
    offset = len(_rec().encode()) + 1 + 25
    assert str(info.value).startswith(f"{path}:2: not valid UTF-8 (byte 0xe9 at byte offset {offset}, column 26)")


def test_jsonl_skip_bad_reports_and_keeps_the_good_lines(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = _write(tmp_path / "docs.jsonl", _rec(), "{broken", b'{"id": "d4", "text": "\xff"}', "", _rec(id="d5"))
    skipped: list[InputError] = []
    with caplog.at_level(logging.WARNING, logger="civcas.ingest"):
        docs = list(read_jsonl(path, options=IngestOptions(skip_bad=True, on_skip=skipped.append)))
    assert [d.id for d in docs] == ["d1", "d5"]
    assert [e.where for e in skipped] == [f"{path}:2", f"{path}:3"]
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings == [f"skipped {e.where}: {e.reason}" for e in skipped]


def test_jsonl_all_furniture_text_is_kept_empty_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = _write(tmp_path / "docs.jsonl", _rec(text="Related News\n\nTwo killed in blast\n\nThree hurt in crash"))
    with caplog.at_level(logging.WARNING, logger="civcas.ingest"):
        (doc,) = read_jsonl(path)
    assert doc.text == "" and doc.raw
    assert "page furniture" in caplog.text


def test_jsonl_clean_off_keeps_the_normalised_text(tmp_path: Path) -> None:
    (doc,) = read_jsonl(_write(tmp_path / "docs.jsonl", _rec()), options=IngestOptions(clean=False))
    assert doc.text == ARTICLE


@pytest.mark.shared
def test_jsonl_reads_the_seed_corpus(shared_dir: Path) -> None:
    docs = list(read_jsonl(shared_dir / "corpus" / "seeds.jsonl"))
    assert len(docs) == 5 and len({d.id for d in docs}) == 5
    assert all(d.text and d.raw and d.content_hash for d in docs)
    assert all("icon" not in d.text.split("\n", 1)[0] for d in docs)
