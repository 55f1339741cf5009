"""The stored per-key candidate table: built on load, equal to the run-time merge, rebuilt when stale."""

from __future__ import annotations

import bisect
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from _gazetteer_fixtures import GEONAMES_ROWS, write_geonames_dump, write_wof

from civcas import gazetteer
from civcas.gazetteer import fold, table
from civcas.gazetteer.core import BUNDLED_PATH, Gazetteer
from civcas.records import PlaceMention, Span

# a loaded copy of the bundled Ar Raqqah (3 km apart, no population): merged with it, names and size together
TWIN = (9100010, "Raqqa City", "Raqqa,Ar Raqqah,الرقة", 35.96, 39.02, "P", "PPL", "SY", "04", "", 0)
NAMES = ["Tell Samra", "Tall Samrah", "Khirbet Qasem", "Al-Mashlab", "Mashlab", "Samra District", "Raqqa",
         "Ar Raqqah", "الرقة", "Raqqa City", "Hamrat Nasir", "حمرة ناصر", "Ath Thawrah", "Syria", "Aleppo",
         "Samra", "Deir ez-Zor", "Mosul"]
TEXT = "Strikes near Tell Samra and Raqqa City, in Ar Raqqah governorate; Hamrat Nasir and الرقة were hit."


@pytest.fixture(autouse=True)
def _fresh() -> None:
    gazetteer.clear_cache()


def _home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    gazetteer.load_file(write_geonames_dump(tmp_path / "SY.txt", [*GEONAMES_ROWS, TWIN]), home=home)
    gazetteer.load_file(write_wof(tmp_path / "wof_sy.tsv.gz"), home=home)
    return home


def _run_time_merge(tmp_path: Path, home: Path) -> Gazetteer:
    """The same layers without the table: every key's candidates merged at run time."""
    copy = tmp_path / "copy" / "gazetteer.sqlite"
    copy.parent.mkdir()
    shutil.copy(home / "gazetteer.sqlite", copy)
    with sqlite3.connect(copy) as conn:
        table.invalidate(conn)
    g = Gazetteer(BUNDLED_PATH, copy)
    assert g._table is None
    return g


def _meta(home: Path) -> str | None:
    row = sqlite3.connect(home / "gazetteer.sqlite").execute("SELECT v FROM meta WHERE k='cands'").fetchone()
    return row[0] if row else None


def test_table_built_on_load_gives_what_the_run_time_merge_gives(tmp_path: Path) -> None:
    home = _home(tmp_path)
    assert _meta(home) is None  # loading layers leaves it to the first `load()`
    stored = gazetteer.load(home)
    assert stored._table is not None and _meta(home) == table.fingerprint(BUNDLED_PATH)
    merged_here = _run_time_merge(tmp_path, home)
    conn = sqlite3.connect(home / "gazetteer.sqlite")
    assert conn.execute("SELECT COUNT(*) FROM merged").fetchone()[0] >= 1  # the twin of Ar Raqqah
    keys = [k for (k,) in conn.execute("SELECT key FROM cands")]
    assert len(keys) == conn.execute("SELECT COUNT(DISTINCT key) FROM keys").fetchone()[0]
    got, want = stored._fetch(keys), merged_here._fetch(keys)
    assert got == want
    # the folds read with a key's stored records (``recs``) are those of the place rows
    pairs = [(a, b) for k in keys for a, b in zip(got[k], want[k], strict=True)]
    assert all(stored.info(a).loose == merged_here.info(b).loose for a, b in pairs)
    for name in NAMES:
        assert stored.lookup(name) == merged_here.lookup(name), name
    assert [(s.start, s.text, tuple(s.candidates)) for s in stored.spot(TEXT)] == [
        (s.start, s.text, tuple(s.candidates)) for s in merged_here.spot(TEXT)
    ]
    raqqa = next(e for e in stored.lookup("Raqqa City") if e.id == "geonames:172955")
    assert "Raqqa City" in raqqa.names and raqqa.population > 500_000  # the merged entry, read from the table


def test_table_is_rebuilt_after_a_layer_changes_and_only_then(tmp_path: Path) -> None:
    home = _home(tmp_path)
    gazetteer.load(home)
    db = home / "gazetteer.sqlite"
    built = db.stat().st_mtime_ns
    assert table.ensure(db, BUNDLED_PATH)
    assert db.stat().st_mtime_ns == built  # fresh: nothing written
    gazetteer.remove_layer("wof_sy", home=home)
    assert _meta(home) is None
    gazetteer.clear_cache()
    g = gazetteer.load(home)
    assert g._table is not None and _meta(home) == table.fingerprint(BUNDLED_PATH)
    assert g.lookup("Hamrat Nasir") == []
    assert [e.source for e in g.lookup("Khirbet Qasem")] == ["geonames:SY"]


def test_table_an_older_home_gets_it_on_load(tmp_path: Path) -> None:
    home = _home(tmp_path)
    db = home / "gazetteer.sqlite"
    with sqlite3.connect(db) as conn:
        # a data directory written before the table existed, or for another bundled file
        conn.execute("INSERT OR REPLACE INTO meta(k, v) VALUES ('cands', 'an older build')")
    assert Gazetteer(BUNDLED_PATH, db)._table is None  # a stale table is never read
    g = gazetteer.load(home)
    assert g._table is not None
    assert [e.name for e in g.lookup("حمرة ناصر")] == ["Hamrat Naser"]


def test_table_records_only_for_keys_of_several_places_or_a_merged_one(tmp_path: Path) -> None:
    home = _home(tmp_path)
    gazetteer.load(home)
    conn = sqlite3.connect(home / "gazetteer.sqlite")
    with_recs = {k for (k,) in conn.execute("SELECT key FROM recs")}
    for k, blob in conn.execute("SELECT key, refs FROM cands"):
        refs = list(table.decode(blob))
        assert (k in with_recs) == table.has_records(refs), k
        if k in with_recs:
            (rec,) = conn.execute("SELECT blob FROM recs WHERE key=?", (k,)).fetchone()
            assert len(table.decode_records(rec)) == len(refs)
    assert with_recs


def test_table_records_share_equal_strings_and_read_back_as_stored(tmp_path: Path) -> None:
    home = _home(tmp_path)
    g = gazetteer.load(home)
    conn = sqlite3.connect(home / "gazetteer.sqlite")
    rows = conn.execute("SELECT key, blob FROM recs").fetchall()
    assert rows
    for key, blob in rows:
        recs = table.decode_records(blob)
        seen: dict[str, str] = {}

        def strings(x: object) -> list[str]:
            if isinstance(x, str):
                return [x]
            return [s for y in x for s in strings(y)] if isinstance(x, tuple) else []

        for s in strings(recs):
            assert seen.setdefault(s, s) is s, (key, s)  # one object per value in a row (marshal back-references)
        # each record reads back as the entry and folds the gazetteer hands out for that key
        got = [table.read_record(r, {}) for r in recs]
        assert [e for e, _loose in got] == list(g._fetch([key])[key])
        assert [tuple(loose) for _e, loose in got] == [g.info(e).loose for e in g._fetch([key])[key]]


def test_table_near_rows_are_the_slices_a_fuzzy_lookup_takes(tmp_path: Path) -> None:
    home = _home(tmp_path)
    stored = gazetteer.load(home)
    merged_here = _run_time_merge(tmp_path, home)
    for label, conn in merged_here._dbs:
        keys = merged_here._keys_of_country(label, conn, "SY")
        for prefix in [*sorted({k[:2] for k in keys})[:50], "zz", "q\uffff"]:
            lo, hi = bisect.bisect_left(keys, prefix), bisect.bisect_left(keys, prefix + "\uffff")
            assert stored._near(label, "SY", prefix) == keys[lo:hi], (label, prefix)
    for name in ("Tal Samraa", "Khirbat Qasim", "Hamrat Nassir"):
        assert stored.lookup(name, country="SY", fuzzy=True) == merged_here.lookup(name, country="SY", fuzzy=True)


def test_table_skeleton_rows_are_the_index_a_process_would_build(tmp_path: Path) -> None:
    home = _home(tmp_path)
    stored = gazetteer.load(home)
    merged_here = _run_time_merge(tmp_path, home)
    assert stored._table is not None and "SY" in (stored._names("skel_countries") or ())
    skeletons = {fold.latin_skeleton(k) for label, conn in merged_here._dbs
                 for k in merged_here._keys_of_country(label, conn, "SY") if k.isascii()}
    assert len(skeletons) > 10
    for sk in [*sorted(skeletons), "zzzz"]:
        assert stored.by_skeleton(sk, "SY") == merged_here.by_skeleton(sk, "SY"), sk


def test_table_references_round_trip() -> None:
    refs = [1 << 2 | table.BUNDLED, 270_000 << 2 | table.LOADED, 5 << 2 | table.MERGED]
    assert list(table.decode(table.encode(refs))) == refs


def test_table_admin_keys_are_the_folds_resolution_would_make(tmp_path: Path) -> None:
    home = _home(tmp_path)
    g = gazetteer.load(home)
    conn = sqlite3.connect(home / "gazetteer.sqlite")
    stored = table.read_admin_keys(conn)
    names = table.admin_names((sqlite3.connect(BUNDLED_PATH), conn))
    assert len(stored) == len(names) > 1000
    assert all(stored[n] == fold.key(n) for n in names)
    assert "Raqqa" in stored and g.admin_key("Raqqa") == stored["Raqqa"] == fold.key("Raqqa")
    assert g.admin_key("Not An Area Anywhere") == fold.key("Not An Area Anywhere")  # folded when not stored
    assert _run_time_merge(tmp_path, home).admin_key("Raqqa") == fold.key("Raqqa")  # no table: folded


def test_table_country_entries_are_what_a_lookup_of_the_name_finds(tmp_path: Path) -> None:
    home = _home(tmp_path)
    g = gazetteer.load(home)
    merged_here = _run_time_merge(tmp_path, home)
    conn = sqlite3.connect(home / "gazetteer.sqlite")
    stored = [iso for (iso,) in conn.execute("SELECT iso FROM countries")]
    assert len(stored) > 200 and "SY" in stored
    for iso in stored:
        e = g.country(iso)
        assert e is not None and e == g.country_by_lookup(iso) == merged_here.country(iso), iso
        assert g.info(e).loose == merged_here.info(merged_here.country(iso)).loose  # the folds stored with it
    assert g.country("XX") is None and g.country_by_lookup("XX") is None


NAMESAKES = ["Mosul", "Raqqa", "Aleppo", "Damascus", "Baghdad", "Sanaa", "Kano", "Maiduguri", "Homs", "Idlib",
             "Syria", "Kenya", "Ghana", "Algeria", "Deir ez-Zor", "Tikrit", "Alexandria", "Kabul", "Kandahar", "Lagos"]


def test_table_big_town_and_region_names_hold_every_such_place(tmp_path: Path) -> None:
    home = _home(tmp_path)
    g = gazetteer.load(home)
    assert g._names("big_towns") and g._names("regions")
    seen_town = seen_region = 0
    for name in [*NAMES, *NAMESAKES]:
        for e in g.lookup(name):
            if e.kind == "locality" and e.population >= table.BIG_TOWN_POPULATION:
                seen_town += 1
                assert g.may_be_big_town(g.info(e).loose_name, table.BIG_TOWN_POPULATION), e
            if e.kind == "region":
                seen_region += 1
                assert g.may_be_region(fold.loose(e.name), e.country), e
    assert seen_town > 10 and seen_region > 5
    assert not g.may_be_big_town(fold.loose("Syria"), 100_000) and g.may_be_big_town(fold.loose("Syria"), 99_999)
    assert not g.may_be_region(fold.loose("Mosul"), "SY")
    # without the table nothing is ruled out
    merged_here = _run_time_merge(tmp_path, home)
    assert merged_here.may_be_big_town("syria", 100_000) and merged_here.may_be_region("mosul", "SY")


def test_table_name_sets_change_no_vote_nor_area(tmp_path: Path) -> None:
    from civcas.extract import geoparse
    from civcas.gazetteer.resolve import ResolveContext, _completed

    home = _home(tmp_path)
    g = gazetteer.load(home)

    class Unruled:
        """The gazetteer with its name sets hidden: every name is looked up, as before them."""

        def __getattr__(self, name: str) -> object:
            if name in ("may_be_big_town", "memo_get", "memo_put"):
                raise AttributeError(name)
            return getattr(g, name)

        def may_be_region(self, loose_name: str, country: str | None) -> bool:
            return True

    for name in [*NAMES, *NAMESAKES]:
        target = fold.loose(name)
        assert geoparse._prominent_country(g, name, target) == geoparse._prominent_country(Unruled(), name, target)
    mentions = tuple(PlaceMention(n, Span(0, len(n), n)) for n in [*NAMES, *NAMESAKES])
    for country in ("SY", "IQ", "NG", None):
        ctx = ResolveContext(country=country, mentions=mentions)
        assert _completed(g, ctx) == _completed(Unruled(), ctx)  # type: ignore[arg-type]


def test_table_make_entry_is_the_dataclass_constructor() -> None:
    from civcas.records import GazetteerEntry

    fields = ("geonames:1", "Kara", 35.5, 38.25, "SY", "locality", "Aleppo", None, 1200, ("Kara", "قرة"),
              "geonames:bundled")
    made, built = table.make_entry(*fields), GazetteerEntry(*fields)
    assert made == built and hash(made) == hash(built) and repr(made) == repr(built)
    with pytest.raises(AttributeError):
        made.name = "other"  # type: ignore[misc]  # still frozen


def test_table_fingerprint_is_the_bundled_files_content_not_its_time(tmp_path: Path) -> None:
    # another checkout's bundled file, built from the same inputs at another time, keeps the shared table fresh
    copy = tmp_path / "bundled.sqlite"
    shutil.copyfile(BUNDLED_PATH, copy)
    os.utime(copy, ns=(1_000_000_000, 1_000_000_000))
    assert table.fingerprint(copy) == table.fingerprint(BUNDLED_PATH)
    # ... and one built from other hand-written inputs does not
    with sqlite3.connect(copy) as conn:
        conn.execute("INSERT OR REPLACE INTO meta(k, v) VALUES ('inputs_digest', 'other regions')")
    assert table.fingerprint(copy) != table.fingerprint(BUNDLED_PATH)
