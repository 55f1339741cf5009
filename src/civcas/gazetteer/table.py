"""The stored per-key candidate table: every key's merged candidates, computed when layers are loaded.

A name's first lookup used to read its places from both files and merge
them (:func:`civcas.gazetteer.merge.dedupe`: a loaded layer's copy of a
bundled town, twins within a few km), which dominated the first pass over a
corpus. The loaded-layers file now keeps, per key, the result
of that merge as a short array of references (``cands``): a bundled place, a
loaded place, or a merged entry stored once in ``merged`` with its light
folds. Reading a key is one row and no merging; the entries are those the
run-time merge would make, in the same order (the tests compare both). Only
keys of the loaded layers have a row (building it takes seconds, not the
minute all 870,000 keys would): a key only the bundled file knows is read
and merged at run time, as before.

Since table version 3 the candidates of a key with several (or with a
merged entry) are also stored whole, beside the references (``recs``):
every candidate's fields and light folds as one compressed row per key. Such
a key's candidates were scattered over the place rows of two files, read
one B-tree probe per place (about 36,000 on a first pass over the dev
texts); now they come in the key's own row, and only the candidates not
read before are decoded. A key with one place reads that place's row, as
before. The layers file grows by the copies (a place is a candidate of
several keys): about 31 MB of compressed rows for the seven WOF layers.

A fuzzy lookup inside a country compares the name's key with that
country's keys that share its first two letters. Since version 4 the table
holds those runs of keys (``near``: per file, country and two-letter
prefix, the very slice of the sorted ``country_keys`` list the lookup
took), so a lookup reads a few hundred keys instead of decompressing and
splitting a country's whole list (Syria's bundled and loaded keys: over
100,000).

The table depends on the bundled file as well as the layers: it records the
bundled file it was built against and the table version (``meta.cands``), is
dropped whenever a layer changes, and is rebuilt by :func:`ensure` (from
``civcas gazetteer load`` and from :func:`civcas.gazetteer.load`) when
missing or stale. Until then, or when the data directory is read-only, the
gazetteer merges at run time as before.
"""

from __future__ import annotations

import bisect
import dataclasses
import json
import logging
import marshal
import sqlite3
import sys
import zlib
from array import array
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from civcas.gazetteer import datafiles, fold, schema
from civcas.gazetteer.merge import PLACE_COLUMNS, dedupe, entry_from_row
from civcas.gazetteer.schema import NAME_SEP
from civcas.records import GazetteerEntry

log = logging.getLogger(__name__)

#: Bump when the table's layout or the merge changes: a home built by another version is rebuilt.
#: 2: the admin keys (``folds``). 3: each key's candidates stored whole (``recs``). 4: each country's keys by
#: their first two letters (``near``). 5: a ``recs`` row is one marshalled tuple of records whose equal strings are
#: one object (:func:`encode_records`), so reading it makes each string once. 6: each country's entry as
#: :meth:`~civcas.gazetteer.core.Gazetteer.country` finds it (``countries``), so a first pass looks up no country
#: name's hundreds of namesakes to find it; the light folds of big towns' and of regions' own names (``folds``:
#: ``big_towns``, ``regions``), which tell geoparsing that a name is neither without looking it up. 7: the countries
#: where names are transliterated, their Latin keys by consonant skeleton (``skel``), so no process builds that index.
TABLE_VERSION = 7

#: The population from which a town's own name is kept in ``big_towns`` (:func:`big_town_names`).
BIG_TOWN_POPULATION = 100_000

DDL = """
CREATE TABLE IF NOT EXISTS cands (key TEXT PRIMARY KEY, refs BLOB NOT NULL, stable INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS merged (mid INTEGER PRIMARY KEY, rec TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS folds (what TEXT PRIMARY KEY, blob BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS recs (key TEXT PRIMARY KEY, blob BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS near (db INTEGER NOT NULL, country TEXT NOT NULL, prefix TEXT NOT NULL, keys BLOB NOT NULL,
                                 PRIMARY KEY (db, country, prefix)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS countries (iso TEXT PRIMARY KEY, rec BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS skel (country TEXT NOT NULL, skeleton TEXT NOT NULL, keys BLOB NOT NULL,
                                 PRIMARY KEY (country, skeleton)) WITHOUT ROWID;
"""

#: Reference tags (the low two bits): a row of the bundled file, of the loaded layers, of ``merged``.
BUNDLED, LOADED, MERGED = 0, 1, 2
LABELS = {BUNDLED: "bundled", LOADED: "loaded"}


def fingerprint(bundled: Path) -> str:
    """What the table must be rebuilt after: its version and the bundled file it merged (build facts, the digest of
    the build's hand-written inputs, size).

    Not the file's modification time: two checkouts that built the same bundled file at different times (a clean CI
    checkout and a working copy, two worktrees) share one data directory without rebuilding its table, ~25 s, each
    time they take turns.
    """
    conn = sqlite3.connect(f"file:{bundled}?mode=ro", uri=True)
    try:
        meta = schema.get_meta(conn)
    finally:
        conn.close()
    return (f"{TABLE_VERSION}:{meta.get('build_version')}:{meta.get('fold_version')}:{meta.get('schema_version')}:"
            f"{meta.get('places')}:{meta.get('inputs_digest')}:{bundled.stat().st_size}")


def is_fresh(conn: sqlite3.Connection, bundled: Path) -> bool:
    """Whether the loaded-layers file holds a table built for these layers and this bundled file."""
    return schema.get_meta(conn).get("cands") == fingerprint(bundled)


def invalidate(conn: sqlite3.Connection) -> None:
    """Mark the table stale (a layer was loaded, replaced or removed); :func:`ensure` rebuilds it."""
    conn.execute("DELETE FROM meta WHERE k='cands'")


def encode(refs: list[int]) -> bytes:
    """References as little-endian unsigned 32-bit integers (``number << 2 | tag``)."""
    a = array("I", refs)
    if sys.byteorder == "big":
        a.byteswap()
    return a.tobytes()


def decode(blob: bytes) -> array[int]:
    """The references of one ``cands`` row (see :func:`encode`)."""
    a = array("I")
    a.frombytes(blob)
    if sys.byteorder == "big":
        a.byteswap()
    return a


def merged_record(e: GazetteerEntry) -> str:
    """A merged entry as stored in ``merged.rec``: its fields, then the light folds ranking compares."""
    loose = schema.loose_column(e.name, list(e.names), fold.loose).split(schema.NAME_SEP)
    return json.dumps([e.id, e.name, e.lat, e.lon, e.country, e.kind, e.admin1, e.admin2, e.population,
                       list(e.names), e.source, loose], ensure_ascii=False)


def read_merged(rec: str) -> tuple[GazetteerEntry, list[str]]:
    """The entry and light folds of a ``merged.rec`` value."""
    r = json.loads(rec)
    e = GazetteerEntry(id=r[0], name=r[1], lat=r[2], lon=r[3], country=r[4], kind=r[5], admin1=r[6], admin2=r[7],
                       population=r[8], names=tuple(r[9]), source=r[10])
    return e, r[11]


#: One candidate of a ``recs`` row: the entry's fields in their order, then its light folds.
Record = tuple[Any, ...]


def record(e: GazetteerEntry, loose: Sequence[str] | None) -> Record:
    """One candidate as stored in ``recs``: the entry's fields, then its light folds (own name, ``names[:40]``).

    ``loose`` is the stored fold (``places.loose``); when missing or of the wrong length the names are folded
    here, as the run-time gazetteer folds them (``core._entry_info``), so the folds read back are the same.
    """
    if not loose or len(loose) != 1 + min(len(e.names), schema.LOOSE_NAMES):
        loose = (fold.loose(e.name), *(fold.loose(n) for n in e.names[: schema.LOOSE_NAMES]))
    return (e.id, e.name, e.lat, e.lon, e.country, e.kind, e.admin1, e.admin2, e.population, tuple(e.names),
            e.source, tuple(loose))


def has_records(refs: Sequence[int]) -> bool:
    """Whether a key with these references has a ``recs`` row: several candidates, or a merged entry."""
    return len(refs) > 1 or (len(refs) == 1 and refs[0] & 3 == MERGED)


def _shared(records: Sequence[Record]) -> tuple[Record, ...]:
    """``records`` with every string equal to one met before (anywhere in them) replaced by that first object.

    ``marshal`` writes an object it has written before as a back-reference, by identity: a row's candidates share
    many strings (their kind, country, admin names, the folds of common names, a name and its own fold), and each
    is then made once when the row is read, a third less memory and fewer objects for the garbage collector.
    """
    pool: dict[str, str] = {}

    def one(x: Any) -> Any:
        if isinstance(x, str):
            return pool.setdefault(x, x)
        if isinstance(x, tuple):
            return tuple(one(y) for y in x)
        return x

    return tuple(tuple(one(x) for x in r) for r in records)


def encode_records(records: Sequence[Record]) -> bytes:
    """A key's candidates (:func:`record` each, in the order of its references) as one ``recs`` value."""
    return zlib.compress(marshal.dumps(_shared(records)), 6)


def decode_records(blob: bytes) -> tuple[Record, ...]:
    """The records of one ``recs`` value (each read with :func:`read_record`)."""
    out: tuple[Record, ...] = marshal.loads(zlib.decompress(blob))
    return out


_FIELDS = ("id", "name", "lat", "lon", "country", "kind", "admin1", "admin2", "population", "names", "source")
if tuple(f.name for f in dataclasses.fields(GazetteerEntry)) != _FIELDS:  # the order make_entry sets them in
    raise RuntimeError("GazetteerEntry's fields changed: update table.make_entry")
_S0, _S1, _S2, _S3, _S4, _S5, _S6, _S7, _S8, _S9, _S10 = (GazetteerEntry.__dict__[f].__set__ for f in _FIELDS)
_NEW = object.__new__


def make_entry(
    id: str, name: str, lat: float, lon: float, country: str | None, kind: str, admin1: str | None,
    admin2: str | None, population: int, names: tuple[str, ...], source: str,
) -> GazetteerEntry:
    """``GazetteerEntry(id, name, ..., source)`` made twice as fast: each slot set directly, without the frozen
    dataclass's ``__init__`` (eleven ``object.__setattr__`` calls). A first pass makes ~35,000 entries."""
    e: GazetteerEntry = _NEW(GazetteerEntry)
    _S0(e, id)
    _S1(e, name)
    _S2(e, lat)
    _S3(e, lon)
    _S4(e, country)
    _S5(e, kind)
    _S6(e, admin1)
    _S7(e, admin2)
    _S8(e, population)
    _S9(e, names)
    _S10(e, source)
    return e


def read_record(r: Record, strings: dict[str, str]) -> tuple[GazetteerEntry, tuple[str, ...]]:
    """The entry and light folds of one :func:`record`; ``source`` is taken from ``strings`` (one string per value,
    shared by the entries of a process, as its place rows share theirs)."""
    source = strings.setdefault(r[10], r[10])
    # positional, in the fields' order: (id, name, lat, lon, country, kind, admin1, admin2, population, names, source);
    # the first ten unpacked from a slice (a third cheaper than ten subscripts, 35,000 records a first pass)
    return make_entry(*r[:10], source), r[11]  # type: ignore[call-arg]  # mypy counts no starred slice


def near_rows(keys: Sequence[str]) -> Iterator[tuple[str, bytes]]:
    """One country's sorted keys as ``(prefix, blob)`` rows of ``near``: for each two-letter prefix, the keys from
    ``bisect_left(keys, prefix)`` to ``bisect_left(keys, prefix + "\\uffff")``, the slice a fuzzy lookup takes."""
    for prefix in sorted({k[:2] for k in keys if len(k) >= 2}):
        lo, hi = bisect.bisect_left(keys, prefix), bisect.bisect_left(keys, prefix + "\uffff")
        if hi > lo:
            yield prefix, zlib.compress(NAME_SEP.join(keys[lo:hi]).encode("utf-8"), 6)


def skeleton_rows(conns: Sequence[sqlite3.Connection], countries: Iterable[str]) -> list[tuple[str, str, bytes]]:
    """``skel`` rows: for each of ``countries``, its Latin keys (those of ``conns`` in turn, each file's sorted)
    grouped by :func:`fold.latin_skeleton`, as :meth:`~civcas.gazetteer.core.Gazetteer.by_skeleton` reads them."""
    rows: list[tuple[str, str, bytes]] = []
    for country in countries:  # one country's index at a time: the rows are far smaller than the lists
        by: dict[str, list[str]] = {}
        for src in conns:
            stored = src.execute("SELECT keys FROM country_keys WHERE country = ?", (country,)).fetchone()
            latin = [k for k in schema.read_country_keys(stored[0] if stored else None) if k.isascii()]
            for sk, k in zip(fold.latin_skeletons(latin), latin, strict=True):
                if len(sk) >= 3:
                    by.setdefault(sk, []).append(k)
        rows.extend((country, sk, NAME_SEP.join(keys).encode("utf-8")) for sk, keys in by.items())
    return rows


def read_skeleton(conn: sqlite3.Connection, country: str, skeleton: str) -> list[str]:
    """The keys of one ``skel`` row (none when the country has no key of that skeleton)."""
    row = conn.execute("SELECT keys FROM skel WHERE country = ? AND skeleton = ?", (country, skeleton)).fetchone()
    return row[0].decode("utf-8").split(NAME_SEP) if row else []


def read_near(blob: bytes) -> tuple[str, ...]:
    """The keys of one ``near`` row."""
    return tuple(zlib.decompress(blob).decode("utf-8").split(NAME_SEP))


def admin_names(conns: Iterable[sqlite3.Connection]) -> list[str]:
    """Every admin1 and admin2 name, and every admin area's own name, of these files: what resolution folds
    to compare a candidate with the areas a text names (sorted, distinct)."""
    out: set[str] = set()
    for conn in conns:
        for a1, a2 in conn.execute("SELECT DISTINCT admin1, admin2 FROM places"):
            out.update(n for n in (a1, a2) if n)
        out.update(n for (n,) in conn.execute("SELECT DISTINCT name FROM places WHERE kind IN ('region', 'county')"))
    return sorted(out)


def encode_keys(names: list[str]) -> bytes:
    """``names`` and their :func:`fold.key`, as one compressed text (``folds.blob``, see :func:`decode_keys`)."""
    text = NAME_SEP.join(x for n in names for x in (n, fold.key(n)))
    return zlib.compress(text.encode("utf-8"), 6)


def decode_keys(blob: bytes) -> dict[str, str]:
    """The name -> key map of :func:`encode_keys`."""
    parts = zlib.decompress(blob).decode("utf-8").split(NAME_SEP)
    return dict(zip(parts[::2], parts[1::2], strict=True))


def big_town_names(conns: Iterable[sqlite3.Connection]) -> list[str]:
    """The light fold of the own name of every town of :data:`BIG_TOWN_POPULATION` people or more in these files.

    Merging twins keeps one twin's name with that twin's population (:func:`civcas.gazetteer.merge.dedupe`), so
    no merged town has a name and size that no place row has: a name not in this list is no big town's own name.
    """
    out: set[str] = set()
    for conn in conns:
        for name, loose in conn.execute("SELECT name, loose FROM places WHERE kind = 'locality' AND population >= ?",
                                        (BIG_TOWN_POPULATION,)):
            out.add(fold.loose(name))
            if loose:
                out.add(loose.split(NAME_SEP)[0])  # the stored fold, should it ever differ
    return sorted(out)


def region_names(conns: Iterable[sqlite3.Connection]) -> list[str]:
    """Every region's own name, folded lightly, with its country ("raqqa\tSY"): a merge keeps a region's name and
    country, so a name and country not in this list are no region's."""
    out: set[str] = set()
    for conn in conns:
        for name, country in conn.execute("SELECT name, country FROM places WHERE kind = 'region'"):
            out.add(f"{fold.loose(name)}\t{country or ''}")
    return sorted(out)


def encode_names(names: list[str]) -> bytes:
    """A list of strings as one compressed text (``folds.blob``; :func:`decode_names`)."""
    return zlib.compress(NAME_SEP.join(names).encode("utf-8"), 6)


def decode_names(blob: bytes) -> frozenset[str]:
    """The strings of :func:`encode_names`, as a set."""
    text = zlib.decompress(blob).decode("utf-8")
    return frozenset(text.split(NAME_SEP)) if text else frozenset()


def read_names(conn: sqlite3.Connection, what: str) -> frozenset[str] | None:
    """A stored name set (``big_towns``, ``regions``), or None when the table has none."""
    try:
        row = conn.execute("SELECT blob FROM folds WHERE what = ?", (what,)).fetchone()
    except sqlite3.OperationalError:
        return None
    return decode_names(row[0]) if row else None


def read_admin_keys(conn: sqlite3.Connection) -> dict[str, str]:
    """The stored admin keys (:func:`admin_names`), empty when the table has none."""
    try:
        row = conn.execute("SELECT blob FROM folds WHERE what='admin_keys'").fetchone()
    except sqlite3.OperationalError:
        return {}
    return decode_keys(row[0]) if row else {}


def _key_rids(conn: sqlite3.Connection) -> Iterator[tuple[str, list[int]]]:
    """Each key of the layers with its rids, in key order then rid order (the order a key probe reads them)."""
    key: str | None = None
    rids: list[int] = []
    for k, rid in conn.execute("SELECT key, rid FROM keys ORDER BY key, rid"):
        if k != key:
            if key is not None:
                yield key, rids
            key, rids = k, []
        rids.append(rid)
    if key is not None:
        yield key, rids


def _with_bundled(bconn: sqlite3.Connection, layers: Iterator[tuple[str, list[int]]]
                  ) -> Iterator[tuple[str, list[int], list[int]]]:
    """Each key of the layers with its rids in the bundled file and in the layers, a thousand keys per query."""
    while True:
        batch = [x for _ in range(900) if (x := next(layers, None)) is not None]
        if not batch:
            return
        q = ",".join("?" * len(batch))
        brids: dict[str, list[int]] = {}
        for k, rid in bconn.execute(f"SELECT key, rid FROM keys WHERE key IN ({q}) ORDER BY key, rid",
                                    [k for k, _r in batch]):
            brids.setdefault(k, []).append(rid)
        for k, lrids in batch:
            yield k, brids.get(k, []), lrids


def build(conn: sqlite3.Connection, bundled: Path) -> dict[str, int]:
    """(Re)write the table in the loaded-layers file ``conn`` for its layers and ``bundled``; returns counts."""
    bconn = sqlite3.connect(f"file:{bundled}?mode=ro", uri=True)
    try:
        entries: dict[tuple[int, int], GazetteerEntry] = {}

        def entry(tag: int, rid: int) -> GazetteerEntry:
            e = entries.get((tag, rid))
            if e is None:
                src = bconn if tag == BUNDLED else conn
                row = src.execute(f"SELECT {PLACE_COLUMNS} FROM places WHERE rid=?", (rid,)).fetchone()
                e = entries[(tag, rid)] = entry_from_row(row, LABELS[tag])
            return e

        def flush() -> None:
            """The ``recs`` rows of the pending keys: their places read in one query per file."""
            records: dict[int, Record] = {}
            for tag, src in ((BUNDLED, bconn), (LOADED, conn)):
                need = sorted({ref >> 2 for _k, refs in pending for ref in refs if ref & 3 == tag})
                for i in range(0, len(need), 900):
                    chunk = need[i : i + 900]
                    q = ",".join("?" * len(chunk))
                    for r in src.execute(f"SELECT {PLACE_COLUMNS}, loose, rid FROM places WHERE rid IN ({q})", chunk):
                        records[r[13] << 2 | tag] = record(entry_from_row(r, LABELS[tag]), schema.split_loose(r[12]))
            recs.extend((k, encode_records([merged_records[r] if r & 3 == MERGED else records[r] for r in refs]))
                        for k, refs in pending)
            pending.clear()

        merged: dict[GazetteerEntry, int] = {}
        merged_records: dict[int, Record] = {}
        rows: list[tuple[str, bytes, int]] = []
        recs: list[tuple[str, bytes]] = []
        pending: list[tuple[str, list[int]]] = []
        counts = {"keys": 0, "refs": 0, "merged": 0, "unstable": 0}
        for key, brids, lrids in _with_bundled(bconn, _key_rids(conn)):
            if len(brids) + len(lrids) == 1:
                refs = [brids[0] << 2 | BUNDLED] if brids else [lrids[0] << 2 | LOADED]
                stable = 1
            else:
                # the run-time merge's input: the bundled file's rows, then the layers', each in rid order
                ref_of: dict[int, int] = {}
                given: list[GazetteerEntry] = []
                for tag, rids in ((BUNDLED, brids), (LOADED, lrids)):
                    for rid in rids:
                        e = entry(tag, rid)
                        ref_of[id(e)] = rid << 2 | tag
                        given.append(e)
                kept = dedupe(given)
                refs = []
                for e in kept:
                    ref = ref_of.get(id(e))
                    if ref is None:
                        mid = merged.setdefault(e, len(merged) + 1)
                        ref = mid << 2 | MERGED
                        if ref not in merged_records:
                            merged_records[ref] = record(e, None)
                    refs.append(ref)
                stable = int(dedupe(kept) == kept)
                counts["unstable"] += 1 - stable
            rows.append((key, encode(refs), stable))
            if has_records(refs):
                pending.append((key, refs))
                if len(pending) >= 500:
                    flush()
            counts["keys"] += 1
            counts["refs"] += len(refs)
        flush()
        counts["merged"] = len(merged)
        counts["recs"] = len(recs)
        # admin names folded here, once, rather than by every process on first use (~5,000 on a first pass)
        names = admin_names((bconn, conn))
        counts["admin_keys"] = len(names)
        folds = encode_keys(names)
        big_towns = encode_names(big_town_names((bconn, conn)))
        regions = encode_names(region_names((bconn, conn)))
        near = [(tag, country, prefix, blob)
                for tag, src in ((BUNDLED, bconn), (LOADED, conn))
                for country, stored in src.execute("SELECT country, keys FROM country_keys")
                for prefix, blob in near_rows(schema.read_country_keys(stored))]
        counts["near"] = len(near)
        transliterated = sorted(datafiles.countries().transliterated_countries)
        skel = skeleton_rows((bconn, conn), transliterated)
        counts["skel"] = len(skel)
    finally:
        bconn.close()
    conn.executescript(DDL)
    with conn:
        conn.execute("DELETE FROM cands")
        conn.execute("DELETE FROM merged")
        conn.execute("DELETE FROM folds")
        conn.execute("DELETE FROM recs")
        conn.execute("DELETE FROM near")
        conn.execute("DELETE FROM countries")
        conn.execute("DELETE FROM skel")
        conn.execute("INSERT INTO folds(what, blob) VALUES ('admin_keys', ?)", (folds,))
        conn.execute("INSERT INTO folds(what, blob) VALUES ('skel_countries', ?)",
                     (encode_names(transliterated),))
        conn.executemany("INSERT INTO skel(country, skeleton, keys) VALUES (?, ?, ?)", skel)
        conn.execute("INSERT INTO folds(what, blob) VALUES ('big_towns', ?)", (big_towns,))
        conn.execute("INSERT INTO folds(what, blob) VALUES ('regions', ?)", (regions,))
        conn.executemany("INSERT INTO cands(key, refs, stable) VALUES (?, ?, ?)", rows)
        conn.executemany("INSERT INTO recs(key, blob) VALUES (?, ?)", recs)
        conn.executemany("INSERT INTO near(db, country, prefix, keys) VALUES (?, ?, ?, ?)", near)
        conn.executemany("INSERT INTO merged(mid, rec) VALUES (?, ?)",
                         ((mid, merged_record(e)) for e, mid in merged.items()))
        schema.set_meta(conn, [("cands", fingerprint(bundled))])
    return counts


def store_countries(conn: sqlite3.Connection, home_file: Path, bundled: Path) -> int:
    """Store each country's entry as :meth:`~civcas.gazetteer.core.Gazetteer.country` finds it with the table just
    built (``countries``); returns how many.

    Finding it looks up the country's name and takes its country-kind candidate: "Syria" has 327 candidates under
    its key, "Algeria" 438, each read and ranked by the first text that names the country. The entries are found
    here by that very method (a gazetteer opened on the fresh table), so the stored ones are what it returns; a
    country without a row (none stored yet, or none found) is looked up at run time as before.
    """
    from civcas.gazetteer.core import Gazetteer  # core reads this module: imported when building only

    g = Gazetteer(bundled, home_file)
    try:
        isos = [row[0][len("country:"):] for row in g._dbs[0][1].execute(
            "SELECT id FROM places WHERE kind = 'country' AND id LIKE 'country:%' ORDER BY id")]
        rows = []
        for iso in isos:
            e = g.country_by_lookup(iso)
            if e is not None:
                rows.append((iso, marshal.dumps(record(e, g.info(e).loose))))
    finally:
        g.close()
    with conn:
        conn.execute("DELETE FROM countries")
        conn.executemany("INSERT INTO countries(iso, rec) VALUES (?, ?)", rows)
    return len(rows)


def read_country(conn: sqlite3.Connection, iso: str, strings: dict[str, str]
                 ) -> tuple[GazetteerEntry, tuple[str, ...]] | None:
    """The stored entry and light folds of a country (:func:`store_countries`), or None when not stored."""
    try:
        row = conn.execute("SELECT rec FROM countries WHERE iso = ?", (iso,)).fetchone()
    except sqlite3.OperationalError:
        return None
    return read_record(marshal.loads(row[0]), strings) if row else None


def ensure(home_file: Path, bundled: Path) -> bool:
    """Build the table when missing or stale; False when it cannot be (a read-only data directory)."""
    try:
        conn = sqlite3.connect(home_file, timeout=60)
    except sqlite3.OperationalError:
        return False
    try:
        if is_fresh(conn, bundled):
            return True
        # two processes building at once write the same rows, one transaction after the other
        log.info("gazetteer: building the per-key candidate table of %s", home_file)
        counts = build(conn, bundled)
        counts["countries"] = store_countries(conn, home_file, bundled)
        log.info("gazetteer: candidate table: %s", counts)
        return True
    except sqlite3.OperationalError as exc:
        log.warning("gazetteer: cannot write the candidate table in %s (%s); merging at run time", home_file, exc)
        return False
    finally:
        conn.close()
