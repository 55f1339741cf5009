"""Toponym resolution with context, on short sentences written for the tests."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from _gazetteer_fixtures import write_geonames_dump

from civcas import gazetteer
from civcas.gazetteer import Gazetteer, ResolveContext, resolve
from civcas.records import PlaceMention, PlacePrecision, Span


@pytest.fixture(scope="module")
def gz(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    """Bundled + a synthetic GeoNames layer with one village name in three governorates."""
    tmp = tmp_path_factory.mktemp("resolve")
    gazetteer.load_file(write_geonames_dump(tmp / "SY.txt"), home=tmp / "home")
    gazetteer.clear_cache()
    return gazetteer.load(tmp / "home")


def mention(text: str, name: str, **kw: object) -> PlaceMention:
    """The mention of ``name`` in ``text``, with its real offsets."""
    m = re.search(re.escape(name), text)
    assert m, name
    return PlaceMention(name, Span(m.start(), m.end(), name), **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("sentence", "within", "admin1"),
    [
        ("A drone strike hit Tell Samra in Raqqa province on Tuesday, killing four.", ("Raqqa province",), "Raqqa"),
        ("Shelling of Tal Samra in Aleppo governorate killed a child.", ("Aleppo governorate",), "Aleppo"),
        ("Russian jets bombed Tell Samra, in the Hama countryside.", ("Hama",), "Hama"),
    ],
)
def test_resolve_shared_village_name_by_named_governorate(
    gz: Gazetteer, sentence: str, within: tuple[str, ...], admin1: str
) -> None:
    name = "Tell Samra" if "Tell Samra" in sentence else "Tal Samra"
    place = resolve(mention(sentence, name, within=within, kind_hint="village"), gazetteer=gz,
                    context=ResolveContext(country="SY"))
    assert (place.admin1, place.country, place.precision) == (admin1, "SY", PlacePrecision.SETTLEMENT)
    assert place.gazetteer_id and place.gazetteer_id.startswith("geonames:91")
    assert place.span is not None and sentence[place.span.start : place.span.end] == name


def test_resolve_shared_village_by_nearby_place(gz: Gazetteer) -> None:
    sentence = "Strikes hit Tell Samra and nearby Ar Raqqah overnight."
    raqqa = resolve(mention(sentence, "Ar Raqqah"), gazetteer=gz, context=ResolveContext(country="SY"))
    assert raqqa.admin1 == "Raqqa"
    place = resolve(mention(sentence, "Tell Samra"), gazetteer=gz,
                    context=ResolveContext(country="SY", places=(raqqa,)))
    assert place.admin1 == "Raqqa"
    assert any("km from another place" in r for r in place.reasons)


def test_resolve_uses_admin_areas_named_elsewhere_in_the_document(gz: Gazetteer) -> None:
    sentence = "In Aleppo governorate, activists said a strike on Tell Samra killed three."
    place = resolve(mention(sentence, "Tell Samra"), gazetteer=gz,
                    context=ResolveContext(country="SY", admin_areas=("Aleppo governorate",)))
    assert place.admin1 == "Aleppo"


@pytest.mark.parametrize("spelling", ["Deir Ezzor", "Dayr az Zawr", "Deir er-Zor", "Deir ez-Zor"])
def test_resolve_city_spellings(gz: Gazetteer, spelling: str) -> None:
    sentence = f"Coalition aircraft struck {spelling} city at night."
    place = resolve(mention(sentence, spelling, kind_hint="city"), gazetteer=gz, context=ResolveContext())
    assert (place.name, place.kind, place.country) == ("Deir ez-Zor", "locality", "SY")
    assert place.precision == PlacePrecision.SETTLEMENT


def test_resolve_province_mention_is_the_governorate(gz: Gazetteer) -> None:
    sentence = "Clashes continued in Deir ez-Zor province."
    place = resolve(mention(sentence, "Deir ez-Zor province"), gazetteer=gz, context=ResolveContext(country="SY"))
    assert (place.kind, place.precision, place.admin1) == ("region", PlacePrecision.GOVERNORATE, "Deir ez-Zor")


def test_resolve_countryside_is_coarser_than_the_town(gz: Gazetteer) -> None:
    sentence = "Regime helicopters dropped barrel bombs on the Idlib countryside."
    place = resolve(mention(sentence, "Idlib", relation="countryside"), gazetteer=gz,
                    context=ResolveContext(country="SY"))
    assert place.precision in (PlacePrecision.DISTRICT, PlacePrecision.GOVERNORATE)
    assert place.kind in ("county", "region") and place.admin1 == "Idlib"


@pytest.mark.parametrize("relation", ["near", "east_of", "km_from"])
def test_resolve_relative_place_is_the_anchor_with_precision_near(gz: Gazetteer, relation: str) -> None:
    sentence = "The strike hit a farm 23 kilometres east of Manbij."
    place = resolve(mention(sentence, "Manbij", relation=relation, distance_km=23.0), gazetteer=gz,
                    context=ResolveContext(country="SY"))
    assert (place.name, place.precision, place.relation) == ("Manbij", PlacePrecision.NEAR, relation)


def test_resolve_known_neighbourhood(gz: Gazetteer) -> None:
    sentence = "An airstrike on the al-Mashlab neighbourhood of Raqqa killed a family."
    place = resolve(mention(sentence, "al-Mashlab", kind_hint="neighbourhood", within=("Raqqa",)), gazetteer=gz,
                    context=ResolveContext(country="SY"))
    assert (place.kind, place.precision) == ("neighbourhood", PlacePrecision.NEIGHBOURHOOD)


def test_resolve_unknown_neighbourhood_falls_back_to_its_city(gz: Gazetteer) -> None:
    sentence = "An airstrike on the Jomeili neighbourhood of Raqqa killed a family."
    place = resolve(mention(sentence, "Jomeili", kind_hint="neighbourhood", within=("Raqqa",)), gazetteer=gz,
                    context=ResolveContext(country="SY"))
    assert (place.name, place.precision, place.mention) == ("Ar Raqqah", PlacePrecision.SETTLEMENT, "Jomeili")
    assert place.admin1 == "Raqqa"


def test_a_neighbourhood_with_namesakes_abroad_only_is_placed_in_its_city_not_the_district(gz: Gazetteer) -> None:
    # "Al-Jadida" is a Moroccan city's name too; Mosul names a city and the district around it
    sentence = "An airstrike on the Al-Jadida neighbourhood of Mosul killed more than 100 civilians."
    place = resolve(mention(sentence, "Al-Jadida", kind_hint="neighbourhood", within=("Mosul",)), gazetteer=gz,
                    context=ResolveContext(country="IQ"))
    assert (place.country, place.kind, place.precision, place.mention) == (
        "IQ", "locality", PlacePrecision.SETTLEMENT, "Al-Jadida"
    ), place


@pytest.mark.parametrize(
    ("sentence", "name", "country", "city"),
    [
        ("Coalition strikes on the Mosul Jadida neighbourhood killed dozens.", "Mosul Jadida", "IQ", "Mosul"),
        ("Shelling of the New Baghdad neighbourhood wounded five.", "New Baghdad", None, "Baghdad"),
    ],
)
def test_an_unknown_quarter_named_after_its_city_is_in_that_city(
    gz: Gazetteer, sentence: str, name: str, country: str | None, city: str
) -> None:
    # a large city's name begins or ends the quarter's; no city is named beside it and no "of Mosul" follows
    place = resolve(mention(sentence, name, kind_hint="neighbourhood"), gazetteer=gz,
                    context=ResolveContext(country=country))
    assert (place.name, place.kind, place.precision, place.mention) == (
        city, "locality", PlacePrecision.SETTLEMENT, name), place


def test_a_small_towns_name_inside_an_unknown_quarters_name_places_nothing(gz: Gazetteer) -> None:
    sentence = "Shelling of the Tell Samra Jadida neighbourhood wounded five."
    place = resolve(mention(sentence, "Tell Samra Jadida", kind_hint="neighbourhood"), gazetteer=gz,
                    context=ResolveContext(country="SY"))
    assert place.precision != PlacePrecision.SETTLEMENT, place


def test_a_quarter_named_hay_that_the_gazetteer_lacks_is_in_its_city(gz: Gazetteer) -> None:
    # "Hay" (Arabic حي, a quarter) opens the name: unknown, it is placed in the city named with it
    sentence = "A coalition strike hit a house in Hay al-Tanak, western Mosul, killing a family of eight."
    place = resolve(mention(sentence, "Hay al-Tanak", within=("Mosul",)), gazetteer=gz,
                    context=ResolveContext(country="IQ"))
    assert (place.country, place.kind, place.precision) == ("IQ", "locality", PlacePrecision.SETTLEMENT), place


def test_a_name_written_without_the_article_the_gazetteer_spells_is_the_same_name(gz: Gazetteer) -> None:
    # "Qaim" for "Al Qa'im": the article of the gazetteer's spelling is no difference of name
    sentence = "Iraqi officials said the strike killed eight people in Qaim."
    place = resolve(mention(sentence, "Qaim"), gazetteer=gz, context=ResolveContext(country="IQ"))
    assert (place.country, place.precision, place.admin1) == ("IQ", PlacePrecision.SETTLEMENT, "Anbar"), place


def test_resolve_unknown_village_keeps_mention_and_enclosing_area(gz: Gazetteer) -> None:
    sentence = "A strike hit the village of Zzyzxqa Kabira in Raqqa province, killing two."
    place = resolve(mention(sentence, "Zzyzxqa Kabira", within=("Raqqa province",), kind_hint="village"),
                    gazetteer=gz, context=ResolveContext(country="SY"))
    assert place.mention == "Zzyzxqa Kabira" and place.name == "Zzyzxqa Kabira"
    assert (place.precision, place.admin1, place.kind) == (PlacePrecision.GOVERNORATE, "Raqqa", "region")
    region = gz.lookup("Raqqa province")[0]
    assert (place.lat, place.lon) == (region.lat, region.lon)


def test_resolve_unknown_village_outside_named_area_is_not_swapped(gz: Gazetteer) -> None:
    # "Tell Samra" exists in Raqqa, Aleppo and Hama, but not in Idlib: keep the mention, place it in Idlib
    sentence = "Jets struck Tell Samra in Idlib province."
    place = resolve(mention(sentence, "Tell Samra", within=("Idlib province",)), gazetteer=gz,
                    context=ResolveContext(country="SY"))
    assert (place.name, place.admin1, place.precision) == ("Tell Samra", "Idlib", PlacePrecision.GOVERNORATE)


def test_resolve_unknown_name_without_context_is_unresolved(gz: Gazetteer) -> None:
    sentence = "Witnesses in Zzyzxqa said the market was hit."
    place = resolve(mention(sentence, "Zzyzxqa"), gazetteer=gz, context=ResolveContext())
    assert (place.precision, place.lat, place.gazetteer_id) == (PlacePrecision.UNRESOLVED, None, None)
    assert place.mention == "Zzyzxqa"


def test_resolve_unknown_name_with_document_country_is_the_country(gz: Gazetteer) -> None:
    sentence = "Gunmen attacked Zzyzxqa, a village in Nigeria's Yobe state."
    place = resolve(mention(sentence, "Zzyzxqa", within=("Nigeria's Yobe state",)), gazetteer=gz,
                    context=ResolveContext(country="NG"))
    assert (place.precision, place.country, place.admin1) == (PlacePrecision.GOVERNORATE, "NG", "Yobe")


def test_resolve_country_in_context_picks_the_right_country(gz: Gazetteer) -> None:
    # Idlib is only in Syria, but a same-named town elsewhere must lose to the document's country
    sentence = "Fighting near Damascus left five dead."
    place = resolve(mention(sentence, "Damascus"), gazetteer=gz, context=ResolveContext(country="SY"))
    assert place.country == "SY" and place.kind == "locality"
    assert 0.0 < place.confidence <= 1.0


@pytest.mark.shared
def test_resolve_real_wof_village_shared_by_governorates(shared_dir: Path, tmp_path: Path) -> None:
    """A village name that Who's On First has in several Syrian governorates: the named one wins."""
    path = shared_dir / "gazetteer" / "wof_sy.tsv.gz"
    if not path.exists():
        pytest.skip(f"{path} not present")
    gazetteer.load_file(path, home=tmp_path)
    g = gazetteer.load(tmp_path)
    import sqlite3

    conn = sqlite3.connect(tmp_path / "gazetteer.sqlite")
    rows = conn.execute(
        "SELECT name, GROUP_CONCAT(DISTINCT admin1) FROM places WHERE kind='locality' AND admin1 IS NOT NULL "
        "GROUP BY name HAVING COUNT(DISTINCT admin1) >= 3 ORDER BY name LIMIT 5"
    ).fetchall()
    assert rows, "expected shared village names in the Syria file"
    for name, admins in rows:
        for admin1 in admins.split(","):
            sentence = f"A strike hit {name} in {admin1} province."
            place = resolve(mention(sentence, name, within=(f"{admin1} province",)), gazetteer=g,
                            context=ResolveContext(country="SY"))
            assert place.admin1 == admin1, (name, admin1, place)


@pytest.fixture(scope="module")
def far_district(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    """A fictional district in Suwayda and a fictional village 300 km north, in Aleppo, with a namesake in Hama."""
    tmp = tmp_path_factory.mktemp("containers")
    rows = [
        (9300001, "Mintaqat Zarqun", "Zarqun,Zarqun District", 32.85, 36.65, "A", "ADM2", "SY", "05", "SY0503", 0),
        (9300002, "Zarqun", "", 32.86, 36.64, "P", "PPL", "SY", "05", "SY0503", 4000),
        (9300005, "Mintaqat Qarnas", "Qarnas District", 36.5, 37.1, "A", "ADM2", "SY", "09", "SY0907", 0),
        (9300003, "Tall Zumurrud", "Tal Zumurrud,Tell Zumrud", 36.45, 37.12, "P", "PPL", "SY", "09", "SY0907", 2500),
        (9300006, "Mintaqat Jubb", "Jubb District", 35.3, 36.9, "A", "ADM2", "SY", "10", "SY1004", 0),
        (9300004, "Tall Zumurrud", "Tal Zumurrud", 35.30, 36.90, "P", "PPL", "SY", "10", "SY1004", 800),
    ]
    return _syria_layer(tmp, rows)


def _syria_layer(tmp: Path, rows: list[tuple[Any, ...]]) -> Gazetteer:
    """The bundled gazetteer and a GeoNames layer of ``rows`` in a new data directory under ``tmp``."""
    gazetteer.load_file(write_geonames_dump(tmp / "SY.txt", rows), home=tmp / "home")
    # a new home: no cache to clear (clearing would close the module's other gazetteer)
    return gazetteer.load(tmp / "home")


def test_resolve_far_weak_container_does_not_move_an_exact_name(far_district: Gazetteer) -> None:
    # "Zarqun Canton" is no admin area the gazetteer knows; its only Zarqun is 300 km from every Tall Zumurrud
    sentence = "Shelling hit the centre of Tal Zumurrud in Zarqun Canton, killing two."
    place = resolve(mention(sentence, "Tal Zumurrud", within=("Zarqun",)), gazetteer=far_district,
                    context=ResolveContext(country="SY"))
    assert place.precision == PlacePrecision.SETTLEMENT and place.admin1 in ("Aleppo", "Hama")
    assert place.gazetteer_id in ("geonames:9300003", "geonames:9300004")
    assert any("not taken as its container" in r for r in place.reasons)


def test_resolve_container_named_as_a_district_stands(far_district: Gazetteer) -> None:
    # the text calls it a district: a village missing there keeps the district, not a namesake elsewhere
    sentence = "Shelling hit Tal Zumurrud in Zarqun district, killing two."
    place = resolve(mention(sentence, "Tal Zumurrud", within=("Zarqun district",)), gazetteer=far_district,
                    context=ResolveContext(country="SY"))
    assert (place.precision, place.admin1, place.name) == (PlacePrecision.DISTRICT, "Suwayda", "Tal Zumurrud")


def test_resolve_container_named_elsewhere_as_an_area_stands(far_district: Gazetteer) -> None:
    sentence = "Shelling hit Tal Zumurrud in Zarqun. The Zarqun district council said two died."
    place = resolve(mention(sentence, "Tal Zumurrud", within=("Zarqun",)), gazetteer=far_district,
                    context=ResolveContext(country="SY", admin_areas=("Zarqun district",)))
    assert (place.precision, place.admin1) == (PlacePrecision.DISTRICT, "Suwayda")


@pytest.mark.parametrize(
    ("name", "country", "governorate"),
    [("Idlib", "SY", "Idlib"), ("Deir ez-Zor", "SY", "Deir ez-Zor"), ("Mosul", "IQ", None)],
)
def test_resolve_bare_provincial_capital_says_it_also_names_the_governorate(
    gz: Gazetteer, name: str, country: str, governorate: str | None
) -> None:
    sentence = f"Two civilians were killed in {name} on Friday."
    place = resolve(mention(sentence, name), gazetteer=gz, context=ResolveContext(country=country))
    assert place.precision == PlacePrecision.SETTLEMENT
    notes = [r for r in place.reasons if r.startswith("also names the governorate")]
    assert notes == ([f"also names the governorate {governorate}"] if governorate else [])


def test_resolve_city_named_as_a_city_is_not_also_the_governorate(gz: Gazetteer) -> None:
    sentence = "Two civilians were killed in the city of Idlib on Friday."
    place = resolve(mention(sentence, "Idlib", kind_hint="city"), gazetteer=gz, context=ResolveContext(country="SY"))
    assert place.admin1 == "Idlib" and not any(r.startswith("also names") for r in place.reasons)


def test_resolve_fuzzy_spelling_is_found_inside_the_document_country(gz: Gazetteer) -> None:
    sentence = "Jets struck a market in Qamihli, killing five."
    place = resolve(mention(sentence, "Qamihli"), gazetteer=gz, context=ResolveContext(country="SY"))
    assert (place.admin1, place.precision) == ("Al-Hasakah", PlacePrecision.SETTLEMENT)


@pytest.mark.issue(5)
def test_resolve_an_arabic_name_far_down_a_big_citys_name_list(village_config: Any) -> None:
    # Damascus carries dozens of names in other scripts before its Arabic one: "مدينة دمشق" is still Damascus
    gz = village_config.gazetteer
    m = PlaceMention("دمشق", Span(0, 4, "دمشق"), kind_hint="city")
    p = resolve(m, gazetteer=gz, context=ResolveContext(country="SY"))
    assert p.name == "Damascus" and p.precision is PlacePrecision.SETTLEMENT, (p.name, p.reasons)


@pytest.mark.parametrize("name", ["Tell Samra", "Raqqa", "Ariha", "Idlib", "Abu Kamal", "Mosul", "Aleppo", "الرقة",
                                  "Nahiyat al Iskandariyah", "Iskandariyah", "Springfield", "Alexandria"])
def test_resolve_statics_equal_the_plain_computation(gz: Gazetteer, name: str) -> None:
    """``_statics`` inlines the entry's info, ``fold.has_core`` and ``effective_population``: the same values as
    the plain calls (every field, floats exactly), on names with district seats, own names and aliases."""
    import math

    from rapidfuzz.distance import Levenshtein

    from civcas.gazetteer import fold
    from civcas.gazetteer.core import ARABIC_SCRIPT, arabic_countries, effective_population, nearest
    from civcas.gazetteer.resolve import _BARE_KIND_BONUS, _OWN_NAME_KINDS, _OWN_NEAREST, KIND_RANK_ORDER, _statics

    candidates = gz.lookup(name)
    assert candidates
    target, own_core = fold.loose(name), fold.core(name)
    arabic = ARABIC_SCRIPT.search(target) is not None
    got = _statics(gz, name, candidates, cache=False)
    assert len(got) == min(150, len(candidates))
    for c, e in zip(got, candidates, strict=False):
        info = gz.info(e)
        assert c.entry is e and c.info is info
        assert c.spelling == nearest(target, info.loose13 + (info.arabic if arabic else ()))
        own = info.loose[0] == target or fold.has_core(info.loose[0], own_core)
        assert c.own_spelled == own
        assert c.population == min(math.log10(effective_population(e, own) + 1), 7.0) * 0.35
        assert c.names == 0.6 * math.log10(1 + len(e.names))
        assert c.kind_rank == KIND_RANK_ORDER.get(e.kind, 9)
        layer = 0.0 if e.source.endswith(":bundled") else 0.2
        static = -3.0 * c.spelling + c.population + c.names + layer
        if not own and not arabic and info.loose[0] == info.loose[1] and e.kind in ("locality", "neighbourhood"):
            # its own name the nearest of its names to the one written (the lookup's ranking measured it)
            dists = [Levenshtein.normalized_distance(target, n) for n in info.loose[1:]]
            if dists[0] == min(dists):
                static += _OWN_NEAREST
        assert c.static == (static + 0.5 if arabic and e.country in arabic_countries() else static)
        bare = c.static + _BARE_KIND_BONUS.get(e.kind, 0.0)
        assert c.bare == bare and c.bare_own == (bare + 1.0 if own and e.kind in _OWN_NAME_KINDS else bare)


@pytest.fixture(scope="module")
def town_area(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    """A fictional town no admin area is named after, in Aleppo; a village namesake of it 10 km off and one in Hama."""
    tmp = tmp_path_factory.mktemp("town_area")
    rows = [
        (9400001, "Qasr Harunat", "", 36.20, 37.60, "P", "PPL", "SY", "09", "SY0901", 30000),
        (9400002, "Bayt Salimat", "", 36.25, 37.70, "P", "PPL", "SY", "09", "SY0901", 300),
        (9400003, "Kafr Dunayat", "", 35.10, 36.70, "P", "PPL", "SY", "10", "SY1004", 900),
        (9400004, "Bayt Salimat", "", 35.12, 36.72, "P", "PPL", "SY", "10", "SY1004", 2500),
    ]
    return _syria_layer(tmp, rows)


def test_resolve_area_known_only_as_a_town_bounds_the_village(town_area: Gazetteer) -> None:
    # "Qasr Harunat district": no district is called so, but the town is; of the two Bayt Salimat, the one near it
    sentence = "A strike on Bayt Salimat village in Qasr Harunat district killed three."
    place = resolve(mention(sentence, "Bayt Salimat", within=("Qasr Harunat district",), kind_hint="village"),
                    gazetteer=town_area, context=ResolveContext(country="SY"))
    assert (place.gazetteer_id, place.admin1) == ("geonames:9400002", "Aleppo")


def test_resolve_village_missing_near_the_town_keeps_its_name_near_the_town(town_area: Gazetteer) -> None:
    # the only Kafr Dunayat is in Hama, 150 km away: not the village meant; the mention is kept, near the town
    sentence = "Shelling hit the village of Kafr Dunayat east of Qasr Harunat, killing a child."
    place = resolve(mention(sentence, "Kafr Dunayat", within=("Qasr Harunat",), kind_hint="village"),
                    gazetteer=town_area, context=ResolveContext(country="SY"))
    assert (place.name, place.precision, place.admin1) == ("Kafr Dunayat", PlacePrecision.NEAR, "Aleppo")
    assert place.gazetteer_id is None and (place.lat, place.lon) == (36.20, 37.60)  # at the town, not the town
    assert any("the town the area named with it is named after" in r for r in place.reasons)


def test_resolve_town_area_outside_the_documents_governorate_is_a_misreading(town_area: Gazetteer) -> None:
    # the document puts the event in Hama; a town of Aleppo read as the village's area does not overrule it
    sentence = "Shelling hit Kafr Dunayat in Qasr Harunat plain in the Hama countryside, killing a child."
    place = resolve(mention(sentence, "Kafr Dunayat", within=("Qasr Harunat",), kind_hint="village"),
                    gazetteer=town_area, context=ResolveContext(country="SY", admin_areas=("Hama",)))
    assert (place.gazetteer_id, place.precision) == ("geonames:9400003", PlacePrecision.SETTLEMENT)
