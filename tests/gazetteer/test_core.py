"""Lookup, spotting and country names against the bundled gazetteer alone (an empty CIVCAS_HOME)."""

from __future__ import annotations

from pathlib import Path

import pytest

from civcas import gazetteer
from civcas.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    home = tmp_path_factory.mktemp("empty-home")
    return gazetteer.load(home)


@pytest.mark.parametrize("name", ["Deir ez-Zor", "Deir Ezzor", "Dayr az Zawr", "Deir er-Zor", "دير الزور"])
def test_core_lookup_spellings_find_deir_ez_zor(bundled: Gazetteer, name: str) -> None:
    hits = bundled.lookup(name, country="SY")
    assert {e.kind for e in hits} >= {"locality", "region"}
    city = next(e for e in hits if e.kind == "locality")
    assert city.admin1 == "Deir ez-Zor"
    assert abs(city.lat - 35.34) < 0.05 and abs(city.lon - 40.14) < 0.05


@pytest.mark.parametrize("name", ["Al-Bukamal", "Abu Kamal", "al-BouKamal", "Albu Kamal", "البوكمال"])
def test_core_lookup_spellings_find_abu_kamal(bundled: Gazetteer, name: str) -> None:
    top = bundled.lookup(name)[0]
    assert top.country == "SY" and top.admin1 == "Deir ez-Zor" and top.kind == "locality"


@pytest.mark.parametrize(
    ("name", "kind", "country", "admin1"),
    [
        ("Nigeria", "country", "NG", None),
        ("Yobe state", "region", "NG", "Yobe"),
        ("Idlib governorate", "region", "SY", "Idlib"),
        ("Deir ez-Zor province", "region", "SY", "Deir ez-Zor"),
        ("Raqqa Governorate", "region", "SY", "Raqqa"),
        ("Syria", "country", "SY", None),
    ],
)
def test_core_lookup_admin_areas_and_countries(
    bundled: Gazetteer, name: str, kind: str, country: str, admin1: str | None
) -> None:
    top = bundled.lookup(name)[0]
    assert (top.kind, top.country, top.admin1) == (kind, country, admin1)


def test_core_lookup_unknown_name_is_empty(bundled: Gazetteer) -> None:
    assert bundled.lookup("Qaryat Zzyzxqa") == []


def test_core_get_country_entry(bundled: Gazetteer) -> None:
    entry = bundled.get("country:IQ")
    assert entry is not None and entry.kind == "country" and entry.name == "Iraq"


def test_core_spot_finds_names_with_offsets(bundled: Gazetteer) -> None:
    text = (
        "US-led coalition jets struck al-BouKamal and Deir Ezzor on Monday, killing 12 civilians "
        "in Deir ez-Zor province, the Syrian Observatory said."
    )
    spots = bundled.spot(text)
    assert [s.text for s in spots] == ["al-BouKamal", "Deir Ezzor", "Deir ez-Zor province"]
    for s in spots:
        assert text[s.start : s.end] == s.text
    assert spots[2].candidates[0].kind == "region"


def test_core_spot_skips_stop_words_and_demonyms(bundled: Gazetteer) -> None:
    text = "Several witnesses said the Syrian Civil Defence reached the Monday market. Tweet Copy link"
    assert bundled.spot(text) == []


def test_core_spot_needs_a_capital_in_latin_script(bundled: Gazetteer) -> None:
    assert bundled.spot("the strike hit aleppo at dawn") == []
    assert [s.text for s in bundled.spot("the strike hit Aleppo at dawn")] == ["Aleppo"]


def test_core_spot_does_not_join_words_across_lines_or_commas(bundled: Gazetteer) -> None:
    spots = bundled.spot("Raqqa, Aleppo\nIdlib")
    assert [s.text for s in spots] == ["Raqqa", "Aleppo", "Idlib"]


def test_core_spot_arabic_with_proclitics(bundled: Gazetteer) -> None:
    text = "قصفت طائرات التحالف مدينة البوكمال وإدلب بريف دير الزور"
    spots = bundled.spot(text)
    assert [s.text for s in spots] == ["البوكمال", "إدلب", "دير الزور"]
    for s in spots:
        assert text[s.start : s.end] == s.text


def test_core_spot_possessive_is_not_part_of_the_name(bundled: Gazetteer) -> None:
    spots = bundled.spot("Nigeria's Yobe state")
    assert [s.text for s in spots] == ["Nigeria", "Yobe state"]


def test_core_spot_country_filter_keeps_countries(bundled: Gazetteer) -> None:
    spots = bundled.spot("Fighting in Aleppo, Syria", countries={"SY"})
    assert all(e.country == "SY" for s in spots for e in s.candidates)


@pytest.mark.parametrize(
    ("text", "iso2"),
    [("northern Iraqi", "IQ"), ("Nigeria's", "NG"), ("Somali", "SO"), ("the Syrian", "SY"), ("Afghan", "AF"),
     ("United States", "US"), ("Iraq", "IQ")],
)
def test_core_country_of_names_and_demonyms(bundled: Gazetteer, text: str, iso2: str) -> None:
    assert bundled.country_of(text) == iso2


@pytest.mark.parametrize(
    ("word", "demonym"),
    [("Lebanese", True), ("Iraqis", True), ("Kenyan", True), ("Lebanon", False), ("Sudan", False), ("Iraq's", False)],
)
def test_core_is_demonym_tells_people_from_country(bundled: Gazetteer, word: str, demonym: bool) -> None:
    # the country entries list demonyms among their names, so a name match cannot tell them apart
    assert bundled.is_demonym(word) is demonym


def test_core_countries_in_text(bundled: Gazetteer) -> None:
    text = "Gunmen attacked a northern Iraqi town, while in Nigeria's Yobe state a market was bombed."
    found = bundled.countries_in(text)
    assert [(text[s:e], c) for s, e, c in found] == [("Iraqi", "IQ"), ("Nigeria", "NG")]


def test_core_load_is_cached_per_home(tmp_path: Path) -> None:
    assert gazetteer.load(tmp_path) is gazetteer.load(tmp_path)


@pytest.mark.parametrize(
    ("text", "iso2"),
    [
        ("Two car bombs exploded in Kandahar, killing nine.", "AF"),
        ("Gunmen shot a council member in the southern port of Basra.", "IQ"),
        ("A bus carrying Iranian pilgrims was bombed north of Baghdad.", "IQ"),
        ("قصفت طائرات مواقع في سوريا قرب الحدود", "SY"),
    ],
)
def test_core_likely_country(bundled: Gazetteer, text: str, iso2: str) -> None:
    assert bundled.likely_country(text) == iso2


def test_core_likely_country_none_without_evidence(bundled: Gazetteer) -> None:
    assert bundled.likely_country("a roadside bomb killed nine civilians on a bus.") is None


def test_core_lookup_iso_code_is_the_country(bundled: Gazetteer) -> None:
    assert [e.id for e in bundled.lookup("SY")] == ["country:SY"]


def test_core_country_abbreviations_need_capitals(bundled: Gazetteer) -> None:
    assert bundled.country_code("CAR") == "CF"
    assert bundled.country_code("Car") is None
    assert bundled.country_of("US-led") == "US"


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_core_spot_spans_round_trip_on_any_text(bundled: Gazetteer, text: str) -> None:
    for s in bundled.spot(text):
        assert text[s.start : s.end] == s.text and s.candidates


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["Deir", "ez-Zor", "al-Bab", "Raqqa,", "الرقة", "و", "killed", "in", "Idlib\n", " "]),
                max_size=12))
def test_core_spot_spans_round_trip_on_place_like_text(bundled: Gazetteer, words: list[str]) -> None:
    text = " ".join(words)
    for s in bundled.spot(text):
        assert text[s.start : s.end] == s.text


@pytest.mark.parametrize(("name", "found"), [("Maskan", "Maskanah"), ("Manbej", "Manbij")])
def test_core_lookup_tries_the_other_feminine_ending(bundled: Gazetteer, name: str, found: str) -> None:
    assert bundled.lookup(name, country="SY")[0].name == found


@pytest.mark.parametrize(
    ("iso2", "capital"),
    # the seat of government reporting means where GeoNames names another capital (reporting_capitals)
    [("SY", "Damascus"), ("IQ", "Baghdad"), ("YE", "Sanaa"), ("SO", "Mogadishu"), ("HN", "Tegucigalpa"),
     ("BI", "Bujumbura"), ("BO", "La Paz")],
)
def test_core_capital_of_a_country(bundled: Gazetteer, iso2: str, capital: str) -> None:
    e = bundled.capital(iso2)
    assert e is not None and (e.name, e.kind, e.country) == (capital, "locality", iso2)


def test_core_capital_of_an_unknown_code_is_none(bundled: Gazetteer) -> None:
    assert bundled.capital("XX") is None


@pytest.mark.parametrize(
    ("town", "governorate", "district"),
    [("Idlib", "Idlib", None), ("Raqqa", "Raqqa", None), ("Deir ez-Zor", "Deir ez-Zor", None),
     ("Mosul", None, "Mosul"), ("Jisr al-Shughur", None, None)],
)
def test_core_area_named_after_a_town(
    bundled: Gazetteer, town: str, governorate: str | None, district: str | None
) -> None:
    entry = next(e for e in bundled.lookup(town) if e.kind == "locality")
    region = bundled.area_named(entry)
    county = bundled.area_named(entry, kind="county")
    assert (region.name if region else None) == governorate
    assert region is None or (region.kind, region.country) == ("region", entry.country)
    assert (county.name if county else None) == district


@pytest.mark.parametrize(
    ("text", "iso2"),
    [("Syrian Arab Republic", "SY"), ("Democratic Republic of the Congo", "CD"), ("Republic of the Congo", "CG"),
     ("al-Mayadin", None), ("al-A’shara", None), ("Raqqa", None)],
)
def test_core_country_of_answers_only_for_country_words(bundled: Gazetteer, text: str, iso2: str | None) -> None:
    assert bundled.country_of(text) == iso2


def test_core_a_continent_holding_a_countrys_name_is_no_country(bundled: Gazetteer) -> None:
    text = "The correspondent covers news across North America and Latin America from Washington for America's press."
    assert [(text[s:e], c) for s, e, c in bundled.countries_in(text)] == [("America", "US")]
    assert bundled.country_code("North America") is None and bundled.country_code("America") == "US"


def test_core_countries_in_five_word_names(bundled: Gazetteer) -> None:
    text = "Rebels attacked Beni in the Democratic Republic of the Congo, near the border with Uganda."
    assert [(text[s:e], c) for s, e, c in bundled.countries_in(text)] == [
        ("Democratic Republic of the Congo", "CD"), ("Uganda", "UG")
    ]


def test_core_spot_candidates_read_on_use_behave_as_a_tuple(bundled: Gazetteer) -> None:
    spot = bundled.spot("Jets struck Deir Ezzor at dawn.")[0]
    ranked = tuple(spot.candidates)
    assert ranked and spot.candidates == ranked and len(spot.candidates) == len(ranked)
    assert spot.candidates[0] is ranked[0] and spot.candidates[:2] == ranked[:2]
    assert ranked[0].kind == "locality" and ranked[0].admin1 == "Deir ez-Zor"


def test_core_fuzzy_lookup_inside_a_country_reads_that_country_only(bundled: Gazetteer) -> None:
    # "Qamihli" (a dropped letter) is no spelling the folding rules know; one edit from Qamishli
    assert bundled.lookup("Qamihli") == []
    inside = bundled.lookup("Qamihli", country="SY", fuzzy=True)
    assert inside and inside[0].admin1 == "Al-Hasakah" and all(e.country == "SY" for e in inside)
    everywhere = [e for e in bundled.lookup("Qamihli", fuzzy=True) if e.country == "SY"]
    assert [e.id for e in inside] == [e.id for e in everywhere]
    assert bundled.lookup("Qamihli", country="IQ", fuzzy=True) == []


def test_core_clear_cache_leaves_a_held_gazetteer_usable(tmp_path: Path) -> None:
    # An extraction config made before a layer is loaded keeps working: forgetting is not closing.
    held = gazetteer.load(tmp_path / "home")
    gazetteer.clear_cache()
    assert held.lookup("Manbij"), "a gazetteer someone still holds must still answer"
    assert gazetteer.load(tmp_path / "home") is not held


@pytest.mark.parametrize("name", ["Raqqa", "Al Hasakah", "Idlib", "Abu Kamal", "Springfield", "Aleppo", "Mosul",
                                  "Sanaa", "Kabul", "Maiduguri", "الرقة", "حلب", "San Jose", "Alexandria"])
def test_core_rank_orders_as_a_key_function_would(bundled: Gazetteer, name: str) -> None:
    """``rank`` computes its sort keys in one loop: the order is that of ``sorted`` with a key function."""
    from rapidfuzz.distance import Levenshtein

    from civcas.gazetteer import fold
    from civcas.gazetteer.core import ARABIC_SCRIPT, KIND_RANK, nearest

    candidates = list(bundled._fetch(fold.keys(name)).values())
    entries = [e for group in candidates for e in group][::-1]  # an order of its own, not the lookup's
    assert entries
    target = fold.loose(name)

    def score(e: object) -> tuple[float, int, int, int]:
        info = bundled.info(e)  # type: ignore[arg-type]
        arabic = ARABIC_SCRIPT.search(target) is not None
        names = info.loose[1:] + info.arabic if arabic else info.loose[1:]
        own = 1  # 0: its own name is the nearest of its names (a place named so before one listing the name)
        if not arabic and names:
            dists = [Levenshtein.normalized_distance(target, n) for n in names]
            at = dists.index(min(dists))
            if at == 0 and info.loose[0] == info.loose[1]:
                own = 0
            elif at < len(e.names) and e.names[at].islower() and e.names[at].isascii():  # type: ignore[attr-defined]
                own = 2  # nearest through an alias written all in lower case, a machine's transliteration
        return (round(nearest(target, names), 2), KIND_RANK.get(e.kind, 9), own, -e.population)  # type: ignore[attr-defined]

    assert bundled.rank(name, entries) == sorted(entries, key=score)
    assert bundled.rank(name, iter(entries)) == sorted(entries, key=score)  # any iterable


def test_a_name_spelled_only_by_a_lower_case_alias_ranks_and_votes_after_one_written_as_names_are(
    bundled: Gazetteer,
) -> None:
    from civcas.gazetteer.core import country_shares

    # Dover, Florida lists "dawr" (a machine's transliteration of an Arabic label); Ad Dawr of Iraq is "Dawr"
    first = bundled.lookup("Dawr")[0]
    assert (first.name, first.country) == ("Ad Dawr", "IQ")
    shares = country_shares("Dawr", bundled.lookup("Dawr")[:50], bundled.info)
    assert max(shares, key=shares.__getitem__) == "IQ"


def test_a_town_named_alone_is_the_one_spelled_so_not_a_bigger_namesake_by_a_machine_alias(bundled: Gazetteer) -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    text = "The death toll from Saturday's bombing in the town of Dawr rose to 14, including three policemen."
    (claim,) = run(Document(id="dawr", text=text), config=ExtractConfig(gazetteer=bundled))
    assert claim.place is not None and claim.place.country == "IQ"
