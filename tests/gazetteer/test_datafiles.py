"""The gazetteer's data files load, and a bad file names every bad entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from civcas.errors import DataFileError
from civcas.gazetteer import build, datafiles


def test_datafiles_countries_load_with_iso_codes() -> None:
    parsed = datafiles.countries()
    ids = [c.id for c in parsed.countries]
    assert {"SY", "IQ", "NG", "SO", "AF", "YE"} <= set(ids)
    assert len(ids) == len(set(ids))


def test_datafiles_regions_load_and_are_in_the_bundled_gazetteer() -> None:
    from civcas import gazetteer

    parsed = datafiles.regions()
    assert {r.id for r in parsed.regions} >= {"darfur", "sinai", "mindanao"}
    assert all(-90 <= r.lat <= 90 and -180 <= r.lon <= 180 for r in parsed.regions)
    gz = gazetteer.load(home=Path("/nonexistent-civcas-home"))
    darfur = [e for e in gz.lookup("Darfur") if e.id == "region:darfur"]
    assert darfur and darfur[0].country == "SD" and darfur[0].kind == "region"


def test_a_mountain_region_lies_in_its_governorate_and_holds_the_villages_near_it() -> None:
    from civcas import gazetteer

    gz = gazetteer.load(home=Path("/nonexistent-civcas-home"))
    zawiya = [e for e in gz.lookup("جبل الزاوية") if e.id == "region:jabal_al_zawiya"]
    assert zawiya and zawiya[0].country == "SY" and zawiya[0].admin1 == "Idlib"
    radii = datafiles.region_radii()
    assert radii["region:jabal_al_zawiya"] > 0
    assert "region:darfur" not in radii  # without a radius only admin names say what lies inside


def test_datafiles_regions_need_a_country(tmp_path: Path) -> None:
    bad = tmp_path / "regions.yaml"
    bad.write_text(
        "schema: civcas.gazetteer.regions\nversion: 1\nsources: [x]\nlicense: CC0-1.0\nchangelog: []\n"
        "regions:\n  - {id: a, names: [A], country: Sudan, lat: 1, lon: 2}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="ISO 3166-1"):
        datafiles.regions(bad)


def test_datafiles_landmarks_load_and_are_in_the_bundled_gazetteer() -> None:
    from civcas import gazetteer

    parsed = datafiles.landmarks()
    assert {r.id for r in parsed.landmarks} >= {"tishreen_dam", "ghuwayran"}
    assert all(-90 <= r.lat <= 90 and -180 <= r.lon <= 180 for r in parsed.landmarks)
    gz = gazetteer.load(home=Path("/nonexistent-civcas-home"))
    for name in ("Tishreen Dam", "سد تشرين"):
        dam = gz.lookup(name)
        assert dam and dam[0].id == "landmark:tishreen_dam" and dam[0].admin1 == "Aleppo", dam[:1]
    prison = gz.lookup("سجن الصناعة")
    assert prison and prison[0].kind == "neighbourhood" and prison[0].country == "SY"


def test_datafiles_landmarks_need_a_country(tmp_path: Path) -> None:
    bad = tmp_path / "landmarks.yaml"
    bad.write_text(
        "schema: civcas.gazetteer.landmarks\nversion: 1\nsources: [x]\nlicense: CC0-1.0\nchangelog: []\n"
        "landmarks:\n  - {id: a, kind: locality, names: [A], country: Syria, admin1: B, lat: 1, lon: 2}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="ISO 3166-1"):
        datafiles.landmarks(bad)


def test_datafiles_arabic_names_load_and_name_their_bundled_towns() -> None:
    from civcas import gazetteer

    parsed = datafiles.arabic_names()
    assert {r.id for r in parsed.names} >= {"tajoura", "mellit"}
    gz = gazetteer.load(home=Path("/nonexistent-civcas-home"))
    for r in parsed.names:
        for name in r.arabic:
            found = gz.lookup(name)
            assert any(e.id == f"geonames:{r.geonames}" and e.country == r.country for e in found), (name, found[:2])


def test_datafiles_arabic_names_must_be_arabic(tmp_path: Path) -> None:
    bad = tmp_path / "names.yaml"
    bad.write_text(
        "schema: civcas.gazetteer.names_ar\nversion: 1\nsources: [x]\nlicense: CC0-1.0\nchangelog: []\n"
        "names:\n  - {id: a, geonames: 1, name: A, country: LY, arabic: [Tajoura]}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="Arabic script"):
        datafiles.arabic_names(bad)


def test_datafiles_stopwords_load() -> None:
    for path in datafiles.STOPWORD_FILES:
        parsed = datafiles.stopwords(path)
        assert all(isinstance(w, str) and w for e in parsed.entries for w in e.words), path


def test_datafiles_bad_entries_are_all_reported(tmp_path: Path) -> None:
    bad = tmp_path / "countries.v1.yaml"
    bad.write_text(
        "schema: x\nversion: 1\nsources: [me]\nlicense: CC0-1.0\nchangelog: []\n"
        "countries:\n  - {id: SY, names: [Syria], colour: red}\n  - {id: IQ}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as err:
        datafiles.countries(bad)
    message = str(err.value)
    assert "2 bad entries" in message and "colour" in message and "countries.1.names" in message


def test_datafiles_bundled_gazetteer_is_current() -> None:
    """The generated file matches the folding rules and builder in the tree (make rebuilds it when not)."""
    assert not build.is_stale(), "run `python -m civcas.gazetteer.build`"


def test_datafiles_english_admin_names() -> None:
    assert build.english_name("Ḩalab", ["Aleppo", "Aleppo Governorate", "حلب"]) == "Aleppo"
    assert build.english_name("Dayr az Zawr", ["Deir ez-Zor", "Deir ez-Zor Governorate"]) == "Deir ez-Zor"
    assert build.english_name("Dimashq", ["Damascus City", "Damascus Governorate", "دمشق"]) == "Damascus"
    assert build.english_name("Shendam", ["Agbègbè Ìjọba Ìbílẹ̀ Shendam"]) == "Shendam"
    # the name the others are built on, not the shortest foreign alias or the Spanish form
    california = ["Alta California", "California Republic", "Golden State", "Kaleponi", "State of California"]
    assert build.english_name("California", california) == "California"
    assert build.english_name("Yucatán", ["Estado de Yucatán", "Yucatan"]) == "Yucatan"
    assert build.english_name("Arusha", ["Mkoa wa Arusha", "Arusha Region"]) == "Arusha"
    # GeoNames' inverted form ("Dagestan, Respublika") gives the name reporting writes
    assert build.english_name("Dagestan, Respublika", ["Dagestan Republic", "Дагестан"]) == "Dagestan"
    assert build.english_name("Bolívar", ["Bolívar State", "Estado Bolívar", "Guayana"]) == "Bolívar"


def test_bundled_admin_area_found_by_its_english_name() -> None:
    """An admin area known abroad by a name only its inverted GeoNames form carries is still found."""
    from civcas import gazetteer

    hits = gazetteer.load().lookup("Dagestan")
    assert any(e.country == "RU" and e.kind == "region" for e in hits), hits[:3]
