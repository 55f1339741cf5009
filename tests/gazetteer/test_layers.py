"""Loaded layers: GeoNames dumps and Who's On First files into CIVCAS_HOME, idempotently."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from _gazetteer_fixtures import GEONAMES_ROWS, WOF_ROWS, write_geonames_dump, write_wof

from civcas import gazetteer
from civcas.errors import GazetteerError


@pytest.fixture(autouse=True)
def _fresh() -> None:
    gazetteer.clear_cache()


def test_layers_geonames_dump_loads_places_with_admin_names(tmp_path: Path) -> None:
    dump = write_geonames_dump(tmp_path / "SY.txt")
    result = gazetteer.load_file(dump, home=tmp_path / "home")
    assert (result.layer, result.status, result.format) == ("SY", "loaded", "geonames")
    assert result.places == 6  # the mountain (class T) is not a place of settlement or administration
    g = gazetteer.load(tmp_path / "home")
    samra = [e for e in g.lookup("Tell Samra") if e.source == "geonames:SY"]
    assert sorted(e.admin1 for e in samra) == ["Aleppo", "Hama", "Raqqa"]
    assert all(e.country == "SY" and e.kind == "locality" for e in samra)
    khirbat = g.lookup("Khirbet Qasem")[0]
    assert (khirbat.admin1, khirbat.admin2) == ("Raqqa", "Mintaqat Samra")
    assert g.lookup("Al-Mashlab")[0].kind == "neighbourhood"


def test_layers_reload_same_file_is_a_no_op(tmp_path: Path) -> None:
    dump = write_geonames_dump(tmp_path / "SY.txt")
    home = tmp_path / "home"
    gazetteer.load_file(dump, home=home)
    db = home / "gazetteer.sqlite"
    before = sqlite3.connect(db).execute("SELECT COUNT(*), MAX(rid) FROM places").fetchone()
    again = gazetteer.load_file(dump, home=home)
    assert again.status == "unchanged"
    assert sqlite3.connect(db).execute("SELECT COUNT(*), MAX(rid) FROM places").fetchone() == before


def test_layers_changed_file_replaces_its_rows(tmp_path: Path) -> None:
    home = tmp_path / "home"
    dump = write_geonames_dump(tmp_path / "SY.txt")
    gazetteer.load_file(dump, home=home)
    write_geonames_dump(dump, GEONAMES_ROWS[:2])
    result = gazetteer.load_file(dump, home=home)
    assert (result.status, result.places) == ("replaced", 2)
    conn = sqlite3.connect(home / "gazetteer.sqlite")
    assert conn.execute("SELECT COUNT(*) FROM places").fetchone()[0] == 2
    orphans = conn.execute("SELECT COUNT(*) FROM keys WHERE rid NOT IN (SELECT rid FROM places)").fetchone()[0]
    assert orphans == 0
    g = gazetteer.load(home)
    assert g.lookup("Khirbet Qasem") == []


def test_layers_wof_file_loads_hierarchy_and_skips_old_places(tmp_path: Path) -> None:
    wof = write_wof(tmp_path / "wof_sy.tsv.gz")
    result = gazetteer.load_file(wof, home=tmp_path / "home")
    assert (result.format, result.places) == ("wof", 4)
    g = gazetteer.load(tmp_path / "home")
    hamra = g.lookup("Hamrat Nasir")[0]
    assert (hamra.country, hamra.admin1, hamra.admin2, hamra.source) == ("SY", "Raqqa", "Ath Thawrah", "wof:wof_sy")
    assert g.lookup("Old Hamrat") == []
    assert [e.name for e in g.lookup("حمرة ناصر")] == ["Hamrat Naser"]


def test_layers_wof_place_without_areas_takes_its_neighbours(tmp_path: Path) -> None:
    # a village exported with no region or county id, 2 km from villages of Ath Thawrah, and one 4 km from
    # villages of two governorates (a border: nothing is guessed), and one alone 50 km from any
    rows = [
        *WOF_ROWS[:4],
        "9200006\tregion\t36.5\t38.0\t\t9200006\t\t1\tAleppo\tAleppo|Aleppo Governorate\tمحافظة حلب",
        "9200007\tlocality\t35.88\t38.57\t\t9200002\t9200003\t1\tJurn Aswad\tJurn Aswad\t",
        "9200008\tlocality\t35.875\t38.565\t\t\t\t-1\tQaryat Nasir\tQaryat Nasir\tقرية ناصر",
        "9200009\tlocality\t36.30\t38.30\t\t9200002\t\t1\tTall Abyad Saghir\tTall Abyad Saghir\t",
        "9200010\tlocality\t36.36\t38.30\t\t9200006\t\t1\tKhirbat Halab\tKhirbat Halab\t",
        "9200011\tlocality\t36.33\t38.30\t\t\t\t1\tMazraat Wasat\tMazraat Wasat\t",
        "9200012\tlocality\t34.9\t40.0\t\t\t\t1\tBir Bayda\tBir Bayda\t",
    ]
    gazetteer.load_file(write_wof(tmp_path / "wof_sy.tsv.gz", rows), home=tmp_path / "home")
    g = gazetteer.load(tmp_path / "home")
    qaryat = g.lookup("Qaryat Nasir")[0]
    assert (qaryat.admin1, qaryat.admin2) == ("Raqqa", "Ath Thawrah")
    assert g.lookup("Mazraat Wasat")[0].admin1 is None  # its neighbours disagree
    assert g.lookup("Bir Bayda")[0].admin1 is None  # no neighbour within reach


def test_layers_dry_run_writes_nothing(tmp_path: Path) -> None:
    dump = write_geonames_dump(tmp_path / "SY.txt")
    result = gazetteer.load_file(dump, home=tmp_path / "home", dry_run=True)
    assert result.places == 6
    assert gazetteer.layers(tmp_path / "home") == []


def test_layers_remove_layer(tmp_path: Path) -> None:
    home = tmp_path / "home"
    gazetteer.load_file(write_geonames_dump(tmp_path / "SY.txt"), home=home)
    assert gazetteer.remove_layer("SY", home=home)
    assert not gazetteer.remove_layer("SY", home=home)
    assert gazetteer.layers(home) == []


@pytest.mark.parametrize(
    ("content", "message"),
    [("just some text\n", "unknown gazetteer format"), ("1\t2\t3\n", "unknown gazetteer format")],
)
def test_layers_bad_file_is_a_clear_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GazetteerError, match=message):
        gazetteer.load_file(path, home=tmp_path / "home")


def test_layers_bad_row_names_file_and_line(tmp_path: Path) -> None:
    dump = write_geonames_dump(tmp_path / "SY.txt")
    dump.write_text(dump.read_text(encoding="utf-8") + "123\tonly\tthree\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"SY\.txt:8: 3 columns"):
        gazetteer.load_file(dump, home=tmp_path / "home")


def test_layers_missing_file(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="no such file"):
        gazetteer.load_file(tmp_path / "nope.tsv.gz", home=tmp_path / "home")


def test_layers_home_defaults_to_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CIVCAS_HOME", str(tmp_path / "env-home"))
    assert gazetteer.home_dir() == tmp_path / "env-home"


@pytest.mark.shared
def test_layers_real_wof_syria_file(shared_dir: Path, tmp_path: Path) -> None:
    path = shared_dir / "gazetteer" / "wof_sy.tsv.gz"
    if not path.exists():
        pytest.skip(f"{path} not present")
    home = tmp_path / "home"
    first = gazetteer.load_file(path, home=home)
    assert first.status == "loaded" and first.places > 10_000
    assert gazetteer.load_file(path, home=home).status == "unchanged"
    g = gazetteer.load(home)
    for spelling in ("Hajin", "Hajeen", "هجين"):
        hajin = [e for e in g.lookup(spelling, country="SY") if e.kind == "locality"]
        assert any(e.admin1 == "Deir ez-Zor" and abs(e.lat - 34.69) < 0.1 for e in hajin), spelling
    regions = {e.name for e in g.lookup("Raqqa province", country="SY") if e.kind == "region"}
    assert regions == {"Raqqa"}
