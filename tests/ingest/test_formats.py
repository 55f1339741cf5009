"""Plain text, HTML (trafilatura), RSS/Atom (feedparser) and WARC readers, with their bad-input errors.

The pages and feeds in ``tests/fixtures/ingest`` were written for civcas.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from civcas.errors import InputError
from civcas.ingest import IngestOptions, read
from civcas.ingest.feeds import fragment_text
from civcas.ingest.textfile import title_of

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"
LEDE = (
    "Warplanes struck a crowded vegetable market in the northern town of Sarmada on Sunday morning, killing at "
    "least nine civilians, including two children, and wounding more than 20 others, rescue workers said."
)


# --- plain text ---------------------------------------------------------------------------------


def test_textfile_reads_one_document_with_its_title(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(
        "icon bookmark-bicon bookmarkicon cameraicon checkicon chevron downicon closeicon editicon\n"
        "17 May, 2017 01:44\n\nCoalition denies strikes on eastern town\n\nCoalition denies strikes on eastern town\n\n"
        "Over 40 civilians were reportedly killed in the raids on Sunday, the ministry said.\n",
        encoding="utf-8",
    )
    (doc,) = read([path])
    assert doc.title == "Coalition denies strikes on eastern town"
    assert doc.text == (
        "17 May, 2017 01:44\n\nCoalition denies strikes on eastern town\n\n"
        "Over 40 civilians were reportedly killed in the raids on Sunday, the ministry said.\n"
    )
    assert doc.source == str(path) and doc.id == doc.content_hash[:16]  # type: ignore[index]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Jets strike fuel depot near border\n\nThe strike happened at dawn.", "Jets strike fuel depot near border"),
        ("The strike happened at dawn, residents said.\n\nMore follows.", None),
        ("Jets strike fuel depot near border\nThe strike happened at dawn.", None),
        ("17 May 2017\n\nJets strike fuel depot near border\n\nBody.", "Jets strike fuel depot near border"),
    ],
)
def test_textfile_title_is_a_set_off_first_line(text: str, title: str | None) -> None:
    assert title_of(text) == title


def test_textfile_empty_and_wrongly_encoded_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    latin = tmp_path / "latin.txt"
    latin.write_bytes(b"First line\nShells hit the caf\xe9 on Sunday.\n")
    with pytest.raises(InputError, match=r"empty.txt: file is empty; expected the article text$"):
        list(read([empty]))
    with pytest.raises(InputError) as info:
        list(read([latin]))
    assert str(info.value).startswith(f"{latin}:2: not valid UTF-8 (byte 0xe9 at byte offset 29, column 19); ")


def test_textfile_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffShells hit the café on Sunday, wounding two.".encode())
    (doc,) = read([path])
    assert doc.text == "Shells hit the café on Sunday, wounding two."


# --- HTML ---------------------------------------------------------------------------------------


def test_html_extracts_article_and_metadata() -> None:
    (doc,) = read([FIXTURES / "strike_report.html"])
    assert doc.published == date(2021, 6, 14)
    assert doc.outlet == "Example Daily" and doc.author == "Lina Haddad" and doc.language == "en"
    assert doc.title == "Airstrike on market kills nine in northern town"
    assert doc.url == "https://example.org/news/market-strike"
    assert LEDE in doc.text
    for furniture in ("Related Articles", "Shelling kills three", "Share this", "All rights reserved", "Politics"):
        assert furniture not in doc.text
    assert doc.raw is not None and doc.raw.startswith("<!DOCTYPE html>")


def test_html_declared_charset_is_honoured(tmp_path: Path) -> None:
    page = (FIXTURES / "strike_report.html").read_text(encoding="utf-8")
    page = page.replace('<meta charset="utf-8">', '<meta charset="windows-1252">').replace("Sarmada", "Sarmadé")
    path = tmp_path / "cp1252.html"
    path.write_bytes(page.encode("cp1252"))
    (doc,) = read([path])
    assert "Sarmadé" in doc.text


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "file is empty; expected an HTML page"),
        (b"<html><head><title>x</title></head><body></body></html>", "no article text could be extracted"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "not valid UTF-8"),
    ],
)
def test_html_unreadable_page_is_an_input_error(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        list(read([path]))
    assert str(info.value).startswith(str(path)) and reason in str(info.value)


# --- RSS / Atom -----------------------------------------------------------------------------------


def test_feeds_rss_entries_become_documents_and_an_empty_entry_is_reported() -> None:
    skipped: list[InputError] = []
    docs = list(read([FIXTURES / "feed.rss"], options=IngestOptions(skip_bad=True, on_skip=skipped.append)))
    (doc,) = docs
    assert doc.id == "https://monitor.example.org/?p=101"
    assert doc.text == (
        "A drone strike on a car near the dam killed two civilians on Monday evening, the monitor's sources said."
        "\n\nThe vehicle was travelling between two villages when it was hit."
    )
    assert doc.published == date(2022, 2, 8) and doc.outlet == "Example Monitor" and doc.language == "en"
    assert doc.url == "https://monitor.example.org/2022/drone-dam" and doc.source == f"{FIXTURES / 'feed.rss'}#1"
    (error,) = skipped
    assert error.where == f"{FIXTURES / 'feed.rss'}#2" and "has no content or summary" in error.reason


def test_feeds_atom_prefers_full_content_over_summary() -> None:
    (doc,) = read([FIXTURES / "feed.atom"])
    assert doc.text == (
        "Artillery shells hit a primary school in the western countryside on Wednesday, wounding four pupils "
        "and a teacher, local medics said."
    )
    assert doc.id == "urn:example:wire:7781" and doc.published == date(2023, 3, 1)
    assert doc.author == "Omar Said" and doc.outlet == "Example Wire"


def test_feeds_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "sitemap.xml"
    path.write_text('<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>', "utf-8")
    with pytest.raises(InputError, match=r"sitemap.xml: not an RSS or Atom feed"):
        list(read([path]))


def test_feeds_fragment_text_keeps_paragraphs() -> None:
    html = "<div><p>Jets struck <b>Raqqa</b>.</p><ul><li>One</li><li>Two</li></ul><script>x()</script>tail</div>"
    assert fragment_text(html) == "Jets struck Raqqa.\n\nOne\n\nTwo\n\ntail"


# --- WARC ---------------------------------------------------------------------------------------


def _warc(path: Path, pages: list[tuple[str, bytes, str]]) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=path.suffix == ".gz")
        for url, body, ctype in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            writer.write_record(record)
    return path


@pytest.mark.parametrize("name", ["capture.warc", "capture.warc.gz"])
def test_warc_html_responses_become_documents(tmp_path: Path, name: str) -> None:
    page = (FIXTURES / "strike_report.html").read_bytes()
    path = _warc(
        tmp_path / name,
        [
            ("https://example.org/news/market-strike", page, "text/html; charset=utf-8"),
            ("https://example.org/logo.png", b"\x89PNG....", "image/png"),
            ("https://example.org/empty", b"<html><body></body></html>", "text/html"),
        ],
    )
    skipped: list[InputError] = []
    docs = list(read([path], options=IngestOptions(skip_bad=True, on_skip=skipped.append)))
    (doc,) = docs
    assert LEDE in doc.text and doc.url == "https://example.org/news/market-strike"
    assert doc.source is not None and doc.source.startswith(f"{path}@")
    (error,) = skipped
    assert error.where.startswith(f"{path}@") and "no article text" in error.reason


def test_warc_corrupt_archive(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc"
    path.write_bytes(b"this is not a web archive\r\n\r\n")
    with pytest.raises(InputError, match=r"broken.warc: not a readable WARC archive"):
        list(read([path]))
