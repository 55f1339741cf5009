"""The SQLite layout shared by the bundled gazetteer and the user's loaded layers.

Standard library only: the build hook imports this module by path.

``places`` holds one row per place (admin names resolved to names, not
codes); ``keys`` maps every folded key (see :mod:`civcas.gazetteer.fold`) to
the places it names, as a ``WITHOUT ROWID`` table so the key index is the
table itself. ``prefixes`` holds the folded word prefixes of Arabic-script names, so
spotting starts and extends an n-gram only where some name could still match.
``meta`` records the schema and fold versions so a stale file is
recognised instead of silently mis-matching. ``country_keys`` holds each
country's distinct keys as one sorted, separator-joined, zlib-compressed row, so a fuzzy
lookup inside a country reads one row instead of scanning the key index;
``capitals`` names each country's capital (bundled file only).
``places.loose`` holds the light folds (:func:`fold.loose`) of the place's
own name and first 40 names, which ranking compares: computing them at
build or load time keeps a fresh process from folding every candidate's names.
"""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Callable, Iterable

SCHEMA_VERSION = 4
NAME_SEP = "\x1f"

DDL = """
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS places (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    country TEXT,
    kind TEXT NOT NULL,
    admin1 TEXT,
    admin2 TEXT,
    population INTEGER NOT NULL DEFAULT 0,
    names TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL,
    layer TEXT NOT NULL,
    geonames_id INTEGER,
    loose TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS keys (
    key TEXT NOT NULL,
    rid INTEGER NOT NULL,
    PRIMARY KEY (key, rid)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS prefixes (p TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS layers (
    name TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    format TEXT NOT NULL,
    places INTEGER NOT NULL,
    loaded_at TEXT NOT NULL,
    attribution TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS admin_names (
    country TEXT NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (country, code)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS country_keys (country TEXT PRIMARY KEY, keys BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS capitals (country TEXT PRIMARY KEY, id TEXT NOT NULL) WITHOUT ROWID;
"""

#: Indexes only the user's (writable) layers need: replacing one layer's rows.
LAYER_DDL = """
CREATE INDEX IF NOT EXISTS places_layer ON places(layer);
CREATE INDEX IF NOT EXISTS keys_rid ON keys(rid);
"""


def create(conn: sqlite3.Connection, *, writable: bool = True) -> None:
    """Create the tables (idempotent); ``writable`` adds the indexes that replacing a layer needs."""
    conn.executescript(DDL)
    if writable:
        conn.executescript(LAYER_DDL)


LOOSE_NAMES = 40


def loose_column(name: str, names: list[str], loose: Callable[[str], str]) -> str:
    """The ``places.loose`` value: ``loose`` (:func:`fold.loose`) of the own name and the first 40 names, in order."""
    return NAME_SEP.join(loose(n) for n in [name, *names[:LOOSE_NAMES]])


def split_loose(value: str) -> list[str]:
    """The light folds stored by :func:`loose_column` (own name first)."""
    return value.split(NAME_SEP) if value else []


def ensure_loose_column(conn: sqlite3.Connection) -> bool:
    """Add ``places.loose`` to a file from before schema 4; True when it was missing."""
    cols = {r[1] for r in conn.execute("PRAGMA table_info(places)")}
    if "loose" in cols:
        return False
    conn.execute("ALTER TABLE places ADD COLUMN loose TEXT NOT NULL DEFAULT ''")
    return True


def write_country_keys(conn: sqlite3.Connection, rows: Iterable[tuple[str | None, str]]) -> int:
    """Replace the per-country key lists with the distinct keys of ``(country, key)`` rows."""
    by_country: dict[str, set[str]] = {}
    for country, key in rows:
        if country and key:
            by_country.setdefault(country, set()).add(key)
    conn.execute("DELETE FROM country_keys")
    conn.executemany(
        "INSERT INTO country_keys(country, keys) VALUES (?, ?)",
        ((c, zlib.compress(NAME_SEP.join(sorted(ks)).encode("utf-8"), 6)) for c, ks in sorted(by_country.items())),
    )
    return len(by_country)


def read_country_keys(blob: bytes | str | None) -> tuple[str, ...]:
    """The sorted keys of one ``country_keys`` row (compressed; plain text is read too)."""
    if not blob:
        return ()
    text = blob if isinstance(blob, str) else zlib.decompress(blob).decode("utf-8")
    return tuple(text.split(NAME_SEP))


def set_meta(conn: sqlite3.Connection, items: Iterable[tuple[str, str]]) -> None:
    """Record build facts (schema and fold versions, sources, counts)."""
    conn.executemany("INSERT OR REPLACE INTO meta(k, v) VALUES (?, ?)", list(items))


def get_meta(conn: sqlite3.Connection) -> dict[str, str]:
    """All meta facts of a gazetteer file."""
    return dict(conn.execute("SELECT k, v FROM meta").fetchall())
