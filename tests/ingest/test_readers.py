"""``ingest.read``: formats by extension, directories in sorted order, and what skip_bad does."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from civcas.errors import ConfigError, InputError
from civcas.ingest import IngestOptions, parse_column_map, read
from civcas.ingest.readers import reader_for

BODY = "Regime helicopters dropped barrel bombs on the village at dawn, killing five civilians, rescuers said."


def _tree(root: Path) -> Path:
    (root / "b" / "deeper").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "b" / "deeper" / "z.txt").write_text(f"Third story headline here\n\n{BODY} Three.", "utf-8")
    (root / "b" / "a.csv").write_text(f'id,text\ncsv1,"{BODY} Two."\n', "utf-8")
    (root / "a.jsonl").write_text(json.dumps({"id": "j1", "text": f"{BODY} One."}) + "\n", "utf-8")
    (root / "notes.pdf").write_bytes(b"%PDF-1.4")
    (root / ".hidden" / "x.txt").write_text(BODY, "utf-8")
    return root


def test_readers_directories_are_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    docs = list(read([_tree(tmp_path)]))
    assert [d.text.rsplit(" ", 1)[-1] for d in docs] == ["One.", "Two.", "Three."]
    assert [d.source for d in docs] == [
        f"{tmp_path}/a.jsonl:1",
        f"{tmp_path}/b/a.csv:2",
        f"{tmp_path}/b/deeper/z.txt",
    ]


def test_readers_paths_are_read_in_the_order_given(tmp_path: Path) -> None:
    _tree(tmp_path)
    docs = list(read([tmp_path / "b" / "a.csv", tmp_path / "a.jsonl"]))
    assert [d.id for d in docs] == ["csv1", "j1"]


@pytest.mark.parametrize(
    ("name", "reader"),
    [
        ("x.txt", "iter_text"),
        ("X.HTML", "iter_html"),
        ("x.htm", "iter_html"),
        ("x.jsonl", "iter_jsonl"),
        ("x.ndjson", "iter_jsonl"),
        ("x.csv", "iter_csv"),
        ("x.tsv", "iter_csv"),
        ("x.rss", "iter_feed"),
        ("x.atom", "iter_feed"),
        ("x.xml", "iter_feed"),
        ("x.warc", "iter_warc"),
        ("x.warc.gz", "iter_warc"),
        ("x.pdf", None),
        ("x.gz", None),
    ],
)
def test_readers_format_by_extension(name: str, reader: str | None) -> None:
    found = reader_for(Path(name))
    assert (found.__name__ if found else None) == reader


def test_readers_missing_file_and_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope.jsonl: no such file or directory"):
        list(read([tmp_path / "nope.jsonl"]))
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    with pytest.raises(InputError, match=r"report.pdf: unknown format '.pdf'; expected one of .atom, .csv"):
        list(read([pdf]))


def test_readers_skip_bad_skips_whole_files_and_records_and_logs_each(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"id": "g1", "text": BODY}) + "\n{oops\n", "utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", "utf-8")
    skipped: list[InputError] = []
    options = IngestOptions(skip_bad=True, on_skip=skipped.append)
    with caplog.at_level(logging.WARNING, logger="civcas.ingest"):
        docs = list(read([tmp_path / "missing.txt", good, empty], options=options))
    assert [d.id for d in docs] == ["g1"]
    assert [e.where for e in skipped] == [str(tmp_path / "missing.txt"), f"{good}:2", str(empty)]
    assert len([r for r in caplog.records if r.levelno == logging.WARNING]) == 3


def test_readers_without_skip_bad_the_first_error_stops_the_read(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps({"id": "g1", "text": BODY}) + "\n{oops\n" + json.dumps({"text": BODY}) + "\n", "utf-8")
    seen = []
    with pytest.raises(InputError, match=r"docs.jsonl:2: not valid JSON"):
        for doc in read([path]):
            seen.append(doc.id)
    assert seen == ["g1"]


def test_readers_error_messages_are_one_line(tmp_path: Path) -> None:
    path = tmp_path / "docs.csv"
    path.write_text('id,text\nc1,"a\nb",x\n', "utf-8")
    with pytest.raises(InputError) as info:
        list(read([path]))
    assert "\n" not in str(info.value) and str(info.value).startswith(f"{path}:2: row has 3 fields")


def test_options_parse_column_map() -> None:
    assert parse_column_map("text=body, published=date,") == {"text": "body", "published": "date"}
    with pytest.raises(ConfigError, match="'text' is not FIELD=COLUMN"):
        parse_column_map("text")
    with pytest.raises(ConfigError, match="unknown field"):
        parse_column_map("body=text")


def test_options_are_frozen_against_later_changes_to_the_mapping() -> None:
    mapping = {"text": "body"}
    options = IngestOptions(column_map=mapping)
    mapping["text"] = "other"
    assert options.column("text") == "body" and options.column("url") == "url"
