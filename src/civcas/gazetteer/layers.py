"""Loaded gazetteer layers: Who's On First TSVs and GeoNames country dumps in the user's data directory.

``civcas gazetteer load FILE...`` puts each file's places into one SQLite
file, ``$CIVCAS_HOME/gazetteer.sqlite`` (default
``platformdirs.user_data_dir("civcas")``), as a *layer* named after the file.
Loading is idempotent: a file whose SHA-256 matches the loaded layer is
skipped, and a changed file replaces its layer's rows in one transaction.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import logging
import math
import os
import sqlite3
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from civcas.errors import GazetteerError
from civcas.gazetteer import fold, schema, table
from civcas.gazetteer.build import BUILD_VERSION, english_name, usable_names
from civcas.gazetteer.build import DEFAULT_OUT as BUNDLED_PATH

log = logging.getLogger(__name__)

HOME_DB = "gazetteer.sqlite"
WOF_ATTRIBUTION = "Data from Who's On First (whosonfirst.org), GeoNames (geonames.org), CC BY 4.0"
GEONAMES_ATTRIBUTION = "Data from GeoNames (geonames.org), CC BY 4.0"

csv.field_size_limit(10_000_000)


def home_dir(home: Path | None = None) -> Path:
    """The civcas data directory: ``home``, else ``$CIVCAS_HOME``, else the platform's user data dir."""
    if home is not None:
        return Path(home)
    env = os.environ.get("CIVCAS_HOME")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("civcas"))


def home_db(home: Path | None = None) -> Path:
    """The loaded layers' SQLite file inside the data directory."""
    return home_dir(home) / HOME_DB


@dataclass(frozen=True, slots=True)
class LoadResult:
    """What loading one file did: ``loaded`` (new), ``replaced`` (changed file) or ``unchanged``."""

    layer: str
    path: str
    status: str
    places: int
    format: str


@dataclass(frozen=True, slots=True)
class LayerInfo:
    """One layer as ``civcas gazetteer info`` lists it."""

    name: str
    path: str
    format: str
    places: int
    sha256: str
    loaded_at: str
    attribution: str


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def layer_name(path: Path) -> str:
    """A layer is named after its file: ``wof_sy.tsv.gz`` -> ``wof_sy``, ``SY.zip`` -> ``SY``."""
    name = path.name
    for suffix in (".gz", ".zip", ".tsv", ".txt"):
        name = name.removesuffix(suffix)
    return name


def _open_text(path: Path) -> io.TextIOBase:
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", newline="")
    if path.suffix == ".zip":
        zf = zipfile.ZipFile(path)
        members = [n for n in zf.namelist() if n.endswith(".txt") and not n.lower().startswith("readme")]
        if not members:
            raise GazetteerError(f"{path}: no .txt member in the zip; expected a GeoNames dump such as SY.txt")
        return io.TextIOWrapper(zf.open(members[0]), encoding="utf-8", newline="")
    return open(path, encoding="utf-8", newline="")


def _detect(path: Path) -> str:
    with _open_text(path) as fh:
        first = fh.readline()
    if first.startswith("wof_id\tplacetype"):
        return "wof"
    cols = first.rstrip("\r\n").split("\t")
    if len(cols) == 19 and cols[0].isdigit():
        return "geonames"
    raise GazetteerError(
        f"{path}:1: unknown gazetteer format; expected a Who's On First TSV (header 'wof_id\\tplacetype...') "
        "or a 19-column GeoNames dump"
    )


Row = tuple[str, str, float, float, str | None, str, str | None, str | None, int, list[str], int | None]


class _Bundled:
    """Read-only access to the bundled file, for admin display names and country codes."""

    def __init__(self) -> None:
        self.conn: sqlite3.Connection | None = None
        if BUNDLED_PATH.exists():
            self.conn = sqlite3.connect(f"file:{BUNDLED_PATH}?mode=ro", uri=True)

    def admin1_name(self, country: str, code: str) -> str | None:
        if self.conn is None:
            return None
        row = self.conn.execute("SELECT name FROM admin_names WHERE country=? AND code=?", (country, code)).fetchone()
        return row[0] if row else None

    def same_area(
        self, names: list[str], kind: str, country: str | None, lat: float, lon: float
    ) -> str | None:
        """The bundled display name of the admin area with one of ``names``, in ``country``, within 150 km."""
        if self.conn is None or not country:
            return None
        ks = sorted({k for n in names for k in fold.keys(n)})
        if not ks:
            return None
        q = ",".join("?" * len(ks))
        rows = self.conn.execute(
            f"SELECT p.name, p.lat, p.lon, COUNT(*) c FROM keys k JOIN places p ON p.rid=k.rid WHERE k.key IN ({q}) "
            "AND p.kind=? AND p.country=? GROUP BY p.rid ORDER BY c DESC",
            (*ks, kind, country),
        ).fetchall()
        from civcas.gazetteer.merge import distance_km

        for name, plat, plon, _c in rows:
            if distance_km(lat, lon, plat, plon) < 150:
                return str(name)
        return None

    def country_code(self, names: list[str]) -> str | None:
        if self.conn is None:
            return None
        for n in names:
            k = fold.key(n)
            row = self.conn.execute(
                "SELECT p.country FROM keys k JOIN places p ON p.rid=k.rid WHERE k.key=? AND p.kind='country'", (k,)
            ).fetchone()
            if row:
                return str(row[0])
        return None

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()


def _read_wof(path: Path, bundled: _Bundled) -> Iterator[Row]:
    with _open_text(path) as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    expected = {"wof_id", "placetype", "lat", "lon", "geonames_id", "region_id", "county_id", "is_current", "name"}
    if rows and not expected <= set(rows[0]):
        raise GazetteerError(f"{path}:1: missing columns {sorted(expected - set(rows[0]))}; see the WOF README")

    def names_of(r: dict[str, str]) -> list[str]:
        latin = [n for n in (r.get("latin_names") or "").split("|") if n]
        arabic = [n for n in (r.get("arabic_names") or "").split("|") if n]
        return usable_names([r["name"], *latin, *arabic])

    country: str | None = None
    for r in rows:
        if r["placetype"] == "country":
            country = bundled.country_code(names_of(r))
    if country is None:
        stem = layer_name(path).split("_")[-1].upper()
        country = stem if len(stem) == 2 else None

    display: dict[str, str] = {}
    for r in rows:
        if r["placetype"] in ("region", "county"):
            names = names_of(r)
            if r["placetype"] == "county":
                display[r["wof_id"]] = r["name"]
                continue
            own = english_name(r["name"].split(" (")[0], names)
            try:
                lat, lon = float(r["lat"]), float(r["lon"])
            except ValueError:
                display[r["wof_id"]] = own
                continue
            display[r["wof_id"]] = bundled.same_area(names, "region", country, lat, lon) or own

    county_region = {r["wof_id"]: r.get("region_id") or "" for r in rows if r["placetype"] == "county"}
    inferred = _nearby_admin(rows)
    for n, r in enumerate(rows, start=2):
        if r["is_current"] == "0":
            continue
        try:
            lat, lon = float(r["lat"]), float(r["lon"])
        except ValueError as exc:
            raise GazetteerError(f"{path}:{n}: bad lat/lon {r['lat']!r},{r['lon']!r}; expected numbers") from exc
        names = names_of(r)
        if not names:
            continue
        kind = r["placetype"]
        name = display.get(r["wof_id"], r["name"]) if kind in ("region", "county") else r["name"]
        if name not in names:
            names.insert(0, name)
        gid = int(r["geonames_id"]) if r.get("geonames_id", "").isdigit() else None
        near_region, near_county = inferred.get(r["wof_id"], ("", ""))
        region, county = r.get("region_id") or near_region, r.get("county_id") or near_county
        yield (
            f"wof:{r['wof_id']}",
            name,
            lat,
            lon,
            country,
            kind,
            display.get(region) or display.get(county_region.get(county, "")),
            display.get(county),
            0,
            names,
            gid,
        )


#: how far (km) the settlements whose areas a WOF place without its own is given may lie, and how many are asked
_NEARBY_KM = 8.0
_NEARBY_N = 4


def _nearby_admin(rows: list[dict[str, str]]) -> dict[str, tuple[str, str]]:
    """Region and county ids for the WOF settlements that carry none, from their nearest neighbours that do.

    About one place in fifteen of the Who's On First exports has no ``region_id`` (a village of Saada with no
    governorate), so "in Saada governorate" could not vouch for it and an export would show no admin area. The
    nearest settlements within :data:`_NEARBY_KM` that carry ids give theirs when they agree (all of the up to
    :data:`_NEARBY_N` nearest on the region; on the county too, else the county stays empty); a place alone,
    or on a border where neighbours disagree, stays without."""
    located: dict[tuple[int, int], list[tuple[float, float, str, str]]] = {}
    missing: list[tuple[str, float, float]] = []
    for r in rows:
        if r["placetype"] in ("country", "region", "county") or r["is_current"] == "0":
            continue
        try:
            lat, lon = float(r["lat"]), float(r["lon"])
        except ValueError:
            continue
        region, county = r.get("region_id") or "", r.get("county_id") or ""
        if region:
            located.setdefault((math.floor(lat * 10), math.floor(lon * 10)), []).append((lat, lon, region, county))
        elif not county:
            missing.append((r["wof_id"], lat, lon))
    out: dict[str, tuple[str, str]] = {}
    for wof_id, lat, lon in missing:
        kx = math.cos(math.radians(lat)) * 111.2
        near: list[tuple[float, str, str]] = []
        cy, cx = math.floor(lat * 10), math.floor(lon * 10)
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for la, lo, region, county in located.get((cy + dy, cx + dx), ()):
                    d = math.hypot((la - lat) * 111.2, (lo - lon) * kx)
                    if d <= _NEARBY_KM:
                        near.append((d, region, county))
        if not near:
            continue
        near.sort()
        near = near[:_NEARBY_N]
        regions = {x[1] for x in near}
        if len(regions) != 1:
            continue
        counties = {x[2] for x in near}
        out[wof_id] = (near[0][1], near[0][2] if len(counties) == 1 else "")
    return out


_GN_KIND = {"ADM1": "region", "ADM2": "county", "ADM3": "county", "PPLX": "neighbourhood"}


def _read_geonames(path: Path, bundled: _Bundled) -> Iterator[Row]:
    rows: list[list[str]] = []
    with _open_text(path) as fh:
        for n, line in enumerate(fh, start=1):
            cols = line.rstrip("\r\n").split("\t")
            if len(cols) != 19:
                raise GazetteerError(f"{path}:{n}: {len(cols)} columns; expected the 19 of a GeoNames dump")
            rows.append(cols)
    admin1: dict[tuple[str, str], str] = {}
    admin2: dict[tuple[str, str, str], str] = {}
    for c in rows:
        if c[7] == "ADM1":
            admin1[(c[8], c[10])] = bundled.admin1_name(c[8], c[10]) or c[1]
        elif c[7] == "ADM2":
            admin2[(c[8], c[10], c[11])] = c[1]
    for n, c in enumerate(rows, start=1):
        fclass, fcode, cc = c[6], c[7], c[8]
        if fclass == "P":
            kind = _GN_KIND.get(fcode, "locality")
        elif fclass == "A" and fcode in _GN_KIND:
            kind = _GN_KIND[fcode]
        elif fclass == "A" and fcode.startswith("PCL"):
            kind = "country"
        else:
            continue
        try:
            lat, lon = float(c[4]), float(c[5])
        except ValueError as exc:
            raise GazetteerError(f"{path}:{n}: bad lat/lon {c[4]!r},{c[5]!r}; expected numbers") from exc
        a1 = admin1.get((cc, c[10])) or bundled.admin1_name(cc, c[10])
        name = a1 if kind == "region" and a1 else c[1]
        names = usable_names([name, c[1], c[2], *c[3].split(",")])
        if not names:
            continue
        yield (
            f"geonames:{c[0]}",
            name,
            lat,
            lon,
            cc or None,
            kind,
            a1,
            admin2.get((cc, c[10], c[11])),
            int(c[14]) if c[14].isdigit() else 0,
            names,
            int(c[0]),
        )


#: what a loaded layer was read with: the bundled build (admin names) and the readers' own version (2: WOF places
#: without areas take their neighbours'); a layer read with another is read again by the next ``load``
READER_VERSION = 2
_LOADED_WITH = f"{BUILD_VERSION}.{READER_VERSION}"


def connect(home: Path | None = None, *, create: bool = True) -> sqlite3.Connection:
    """Open (and create) the loaded-layers database."""
    path = home_db(home)
    if create:
        path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    schema.create(conn)
    meta = schema.get_meta(conn)
    if not meta:
        schema.set_meta(
            conn, [("schema_version", str(schema.SCHEMA_VERSION)), ("fold_version", str(fold.FOLD_VERSION))]
        )
        conn.commit()
    elif (
        meta.get("fold_version") != str(fold.FOLD_VERSION)
        or meta.get("schema_version") != str(schema.SCHEMA_VERSION)
        or schema.ensure_loose_column(conn)
    ):
        rekey(conn)
    return conn


def rekey(conn: sqlite3.Connection) -> int:
    """Recompute every key from the stored names after a change of folding rules."""
    log.info("gazetteer: folding rules or layout changed; re-keying the loaded layers")
    schema.ensure_loose_column(conn)
    rows = conn.execute("SELECT rid, names, kind, name FROM places").fetchall()
    with conn:
        conn.executemany(
            "UPDATE places SET loose=? WHERE rid=?",
            ((schema.loose_column(name, names.split(schema.NAME_SEP), fold.loose), rid)
             for rid, names, _kind, name in rows),
        )
        conn.execute("DELETE FROM keys")
        conn.execute("DELETE FROM prefixes")
        conn.executemany(
            "INSERT OR IGNORE INTO keys(key, rid) VALUES (?, ?)",
            ((k, rid) for rid, names, kind, _name in rows for k in fold.place_keys(names.split(schema.NAME_SEP), kind)),
        )
        conn.executemany(
            "INSERT OR IGNORE INTO prefixes(p) VALUES (?)",
            ((p,) for _rid, names, kind, _name in rows
             for p in fold.arabic_prefixes(names.split(schema.NAME_SEP), kind)),
        )
        _refresh_country_keys(conn)
        table.invalidate(conn)
        schema.set_meta(
            conn, [("fold_version", str(fold.FOLD_VERSION)), ("schema_version", str(schema.SCHEMA_VERSION))]
        )
    return len(rows)


def load_file(path: Path, *, home: Path | None = None, dry_run: bool = False) -> LoadResult:
    """Load one gazetteer file as a layer; a no-op when the same file (by SHA-256) is already loaded.

    >>> load_file(Path("../shared/gazetteer/wof_sy.tsv.gz")).status  # doctest: +SKIP
    'loaded'
    """
    path = Path(path)
    if not path.is_file():
        raise GazetteerError(f"{path}: no such file; expected a WOF .tsv.gz or a GeoNames dump (.txt or .zip)")
    digest = _sha256(path)
    name = layer_name(path)
    fmt = _detect(path)
    conn = connect(home)
    try:
        row = conn.execute("SELECT sha256, places FROM layers WHERE name=?", (name,)).fetchone()
        # admin names come from the bundled file too: a rebuilt bundled file means a reload
        same_bundled = schema.get_meta(conn).get(f"bundled_build:{name}") == _LOADED_WITH
        if row and row[0] == digest and same_bundled:
            return LoadResult(name, str(path), "unchanged", int(row[1]), fmt)
        bundled = _Bundled()
        try:
            reader = _read_wof if fmt == "wof" else _read_geonames
            places = list(reader(path, bundled))
        finally:
            bundled.close()
        status = "replaced" if row else "loaded"
        if dry_run:
            return LoadResult(name, str(path), status, len(places), fmt)
        with conn:
            _delete_layer(conn, name)
            next_rid = (conn.execute("SELECT COALESCE(MAX(rid), 0) FROM places").fetchone()[0]) + 1
            place_rows: list[tuple[object, ...]] = []
            key_rows: list[tuple[str, int]] = []
            for i, p in enumerate(places):
                rid = next_rid + i
                pid, pname, lat, lon, cc, kind, a1, a2, pop, names, gid = p
                source = "wof" if fmt == "wof" else "geonames"
                place_rows.append(
                    (rid, pid, pname, lat, lon, cc, kind, a1, a2, pop, schema.NAME_SEP.join(names), source, name, gid,
                     schema.loose_column(pname, names, fold.loose))
                )
                key_rows.extend((k, rid) for k in fold.place_keys(names, kind))
            # the same place id from another file (two dumps of one country): the later load wins
            ids = _json_list([p[0] for p in places])
            conn.execute(
                "DELETE FROM keys WHERE rid IN (SELECT rid FROM places WHERE id IN (SELECT value FROM json_each(?)))",
                (ids,),
            )
            conn.execute("DELETE FROM places WHERE id IN (SELECT value FROM json_each(?))", (ids,))
            conn.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", place_rows)
            conn.executemany("INSERT OR IGNORE INTO keys(key, rid) VALUES (?, ?)", key_rows)
            conn.executemany(
                "INSERT OR IGNORE INTO prefixes(p) VALUES (?)",
                ((p,) for p in set().union(*(fold.arabic_prefixes(p[9], p[5]) for p in places))),
            )
            _refresh_country_keys(conn)
            table.invalidate(conn)
            schema.set_meta(conn, [(f"bundled_build:{name}", _LOADED_WITH)])
            conn.execute(
                "INSERT OR REPLACE INTO layers VALUES (?,?,?,?,?,?,?)",
                (name, str(path.resolve()), digest, fmt, len(places), datetime.now(UTC).isoformat(timespec="seconds"),
                 WOF_ATTRIBUTION if fmt == "wof" else GEONAMES_ATTRIBUTION),
            )
        log.info("gazetteer: %s layer %s: %d places from %s", status, name, len(places), path)
        return LoadResult(name, str(path), status, len(places), fmt)
    finally:
        conn.close()


def _json_list(items: list[str]) -> str:
    import json

    return json.dumps(items)


def _refresh_country_keys(conn: sqlite3.Connection) -> None:
    """Recompute the per-country key lists (fuzzy lookups) from the layers' keys."""
    schema.write_country_keys(conn, conn.execute("SELECT p.country, k.key FROM keys k JOIN places p ON p.rid = k.rid"))


def _delete_layer(conn: sqlite3.Connection, name: str) -> None:
    conn.execute("DELETE FROM keys WHERE rid IN (SELECT rid FROM places WHERE layer=?)", (name,))
    conn.execute("DELETE FROM places WHERE layer=?", (name,))
    conn.execute("DELETE FROM layers WHERE name=?", (name,))


def remove_layer(name: str, *, home: Path | None = None) -> bool:
    """Drop a loaded layer; True when it existed."""
    conn = connect(home)
    try:
        with conn:
            existed = conn.execute("SELECT 1 FROM layers WHERE name=?", (name,)).fetchone() is not None
            _delete_layer(conn, name)
            _refresh_country_keys(conn)
            table.invalidate(conn)
        return existed
    finally:
        conn.close()


def layers(home: Path | None = None) -> list[LayerInfo]:
    """The loaded layers, in name order (empty when nothing was loaded)."""
    if not home_db(home).exists():
        return []
    conn = connect(home, create=False)
    try:
        return [
            LayerInfo(*r)
            for r in conn.execute(
                "SELECT name, path, format, places, sha256, loaded_at, attribution FROM layers ORDER BY name"
            )
        ]
    finally:
        conn.close()
