"""CSV/TSV documents with a column mapping, and every bad-row case."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from civcas.errors import ConfigError, InputError
from civcas.ingest import IngestOptions, read

BODY = "Artillery shells hit a school in the village of Kafr Nabl on Tuesday, wounding four children, medics said."
BODY2 = "A drone strike on a car near the dam killed two men, a monitor reported on Friday."


def _csv(tmp_path: Path, text: str, name: str = "docs.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_csvfile_default_columns(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "id,text,published,outlet,url,language,title,extra\n"
        f'a1,"{BODY}",2022-04-05,Example Daily,https://example.org/1,en,School hit,ignored\n'
        f'a2,"{BODY2}\n\nShare this",,,,,,\n',
    )
    first, second = read([path])
    assert (first.id, first.text, first.published, first.outlet, first.title) == (
        "a1", BODY, date(2022, 4, 5), "Example Daily", "School hit"
    )  # fmt: skip
    assert first.source == f"{path}:2"
    assert second.id == "a2" and second.text == BODY2 and second.published is None and second.outlet is None
    assert second.source == f"{path}:3"  # the row starts on line 3 and spans three lines


def test_csvfile_column_map(tmp_path: Path) -> None:
    path = _csv(tmp_path, f'key,body,date,site\nb1,"{BODY}",2019-01-02,Example\n')
    options = IngestOptions(column_map={"id": "key", "text": "body", "published": "date", "outlet": "site"})
    (doc,) = read([path], options=options)
    assert (doc.id, doc.text, doc.published, doc.outlet) == ("b1", BODY, date(2019, 1, 2), "Example")


def test_csvfile_tsv_is_tab_separated(tmp_path: Path) -> None:
    (doc,) = read([_csv(tmp_path, f"id\ttext\nt1\t{BODY}\n", name="docs.tsv")])
    assert doc.id == "t1" and doc.text == BODY


def test_csvfile_unknown_mapped_column_names_file_and_column(tmp_path: Path) -> None:
    path = _csv(tmp_path, f'id,content\nc1,"{BODY}"\n')
    with pytest.raises(InputError) as info:
        list(read([path], options=IngestOptions(column_map={"text": "body"})))
    assert str(info.value) == (
        f"{path}:1: column 'body' (mapped to field 'text') is not in the header; columns are: id, content"
    )


def test_csvfile_missing_text_column(tmp_path: Path) -> None:
    path = _csv(tmp_path, f'id,content\nc1,"{BODY}"\n')
    with pytest.raises(InputError, match=r":1: no 'text' column; map one with text=COLUMN; columns are: id, content$"):
        list(read([path]))


def test_csvfile_unknown_field_in_the_mapping_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="column_map: unknown field"):
        IngestOptions(column_map={"txt": "body"})


@pytest.mark.parametrize(
    ("rows", "line", "reason"),
    [
        (f'c2,"{BODY}",extra\n', 3, "row has 3 fields; the header has 2 (id, text)"),
        ("c2\n", 3, "row has 1 fields; the header has 2 (id, text)"),
        ('c2,"  "\n', 3, "record 'c2': column 'text' is empty; expected the article text"),
        ('c2,"unterminated\n', 3, "malformed CSV"),
    ],
)
def test_csvfile_bad_row_names_line_and_reason(tmp_path: Path, rows: str, line: int, reason: str) -> None:
    path = _csv(tmp_path, f'id,text\nc1,"{BODY}"\n{rows}')
    with pytest.raises(InputError) as info:
        list(read([path]))
    assert str(info.value).startswith(f"{path}:{line}: {reason}")


def test_csvfile_wrong_encoding_is_one_bad_row(tmp_path: Path) -> None:
    path = tmp_path / "docs.csv"
    path.write_bytes(f'id,text\nc1,"{BODY}"\n'.encode() + b'c2,"Caf\xe9 hit by shell"\n' + f'c3,"{BODY2}"\n'.encode())
    skipped: list[InputError] = []
    docs = list(read([path], options=IngestOptions(skip_bad=True, on_skip=skipped.append)))
    assert [d.id for d in docs] == ["c1", "c3"]
    assert [str(e) for e in skipped] == [
        f"{path}:3: record 'c2': column 'text' is not valid UTF-8 (byte 0xe9); expected UTF-8 text; "
        "convert the file first (e.g. iconv -f WINDOWS-1256 -t UTF-8)"
    ]


def test_csvfile_empty_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"docs.csv:1: empty file; expected a header row"):
        list(read([_csv(tmp_path, "")]))


def test_csvfile_blank_rows_are_passed_over(tmp_path: Path) -> None:
    docs = list(read([_csv(tmp_path, f'id,text\n\nc1,"{BODY}"\n,\n')]))
    assert [d.id for d in docs] == ["c1"]
