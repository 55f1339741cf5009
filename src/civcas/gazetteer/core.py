"""The gazetteer at run time: the bundled file plus the user's loaded layers, queried by folded key.

Nothing is read into memory up front: both SQLite files are opened read-only
and each lookup or spot is one batched ``key IN (...)`` probe per file, so
loading takes milliseconds whatever the layers hold, and a document costs
one query per file for all of its candidate n-grams. What a process has read
stays in memory: each key's ranked candidates, each place row (shared by the
many keys that name it), and each entry's folded names and admin keys
(:class:`EntryInfo`), so the next document pays dictionary probes.
"""

from __future__ import annotations

import bisect
import functools
import logging
import math
import re
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, overload

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from civcas.errors import GazetteerError
from civcas.gazetteer import datafiles, fold, schema, table
from civcas.gazetteer.build import BUILD_VERSION
from civcas.gazetteer.build import DEFAULT_OUT as BUNDLED_PATH
from civcas.gazetteer.layers import connect as connect_home
from civcas.gazetteer.layers import home_db
from civcas.gazetteer.merge import PLACE_COLUMNS
from civcas.gazetteer.merge import dedupe as _dedupe
from civcas.gazetteer.merge import distance_km as distance_km
from civcas.records import GazetteerEntry, Place

log = logging.getLogger(__name__)

ATTRIBUTION = (
    "Place names and coordinates: GeoNames (geonames.org), CC BY 4.0; "
    "loaded layers: Who's On First (whosonfirst.org), CC0, with GeoNames properties, CC BY 4.0."
)

#: Breaks ties between equally well spelled candidates: a bare name most often means the town ("Idlib",
#: "Sanaa"), then the country, then the admin areas named after it.
KIND_RANK = {"locality": 0, "country": 1, "neighbourhood": 2, "region": 3, "county": 4, "campus": 5}
MAX_NGRAM = 6
MAX_ARABIC_NGRAM = 4
MAX_CANDIDATES = 300

# Arabic vowel marks and shadda are marks, not letters: "كرهّوك" is one word (folding drops them)
_WORD = re.compile(r"[^\W\d_]+(?:[\u0610-\u061a\u064b-\u065f\u0670]+[^\W\d_]*)*(?:['’ʿʾ`][^\W\d_]+)*")
_JOIN = re.compile(r"[ \t\u00a0]*[-‐‑–_]?[ \t\u00a0]*")  # "_" joins a hashtag's words: "#سد_تشرين"
_POSSESSIVE = ("'s", "’s")
#: a possessive at the end of a name, or ending one of its words (compiled once: asked per mention)
_POSSESSIVE_END = re.compile(r"['’]s$")
_POSSESSIVE_WORD = re.compile(r"['’]s\b")
_PARTICLES = frozenset({"bin", "ibn", "bani", "beni", "wa", "de", "du", "la", "of"})


class Candidates(Sequence[GazetteerEntry]):
    """A spotted name's candidates, read and ranked on first use.

    Finding where names are needs only the key index; reading, merging and
    ranking every candidate of every spotted name is the costly part, and a
    caller that only needs the offsets (extraction) never pays it. Behaves as
    a tuple: indexing, ``len``, iteration, equality with a tuple.
    """

    __slots__ = ("_args", "_gazetteer", "_items")

    def __init__(
        self, gazetteer: Gazetteer, surface: str, ks: tuple[str, ...], wanted: frozenset[str] | None
    ) -> None:
        self._gazetteer: Gazetteer | None = gazetteer
        self._args = (surface, ks, wanted)
        self._items: tuple[GazetteerEntry, ...] | None = None

    def _get(self) -> tuple[GazetteerEntry, ...]:
        items = self._items
        if items is None:
            assert self._gazetteer is not None
            items = self._items = self._gazetteer.ranked_candidates(*self._args)
            self._gazetteer = None
        return items

    @overload
    def __getitem__(self, i: int) -> GazetteerEntry: ...

    @overload
    def __getitem__(self, i: slice) -> tuple[GazetteerEntry, ...]: ...

    def __getitem__(self, i: int | slice) -> GazetteerEntry | tuple[GazetteerEntry, ...]:
        return self._get()[i]

    def __len__(self) -> int:
        return len(self._get())

    def __iter__(self) -> Iterator[GazetteerEntry]:
        return iter(self._get())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Candidates):
            return self._get() == other._get()
        if isinstance(other, tuple):
            return self._get() == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._get())

    def __repr__(self) -> str:
        return repr(self._get())


@dataclass(frozen=True, slots=True)
class Spotted:
    """A stretch of text that names a gazetteer place: offsets into the text, and every candidate.

    ``candidates`` are ranked (closest spelling, then coarser kind and larger
    population first), read on first use (:class:`Candidates`); the caller
    picks one with :func:`civcas.gazetteer.resolve`.
    """

    start: int
    end: int
    text: str
    key: str
    candidates: Sequence[GazetteerEntry]


ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")


class EntryInfo:
    """The folded forms of one entry, computed once per process: what ranking and resolution compare.

    ``loose`` holds :func:`fold.loose` of the entry's own name, then of
    ``names[:40]``: ranking compares ``loose_names`` (the names), resolution
    ``loose13`` and ``loose41`` (own name and the first 12 / 40 names). The
    keys (:func:`fold.key` of admin1, admin2, and of an admin area's own name)
    are folded on first use: most candidates are never checked against an area.
    """

    __slots__ = ("_arabic", "_keys", "entry", "loose", "near")

    def __init__(self, entry: GazetteerEntry, loose: tuple[str, ...]) -> None:
        self.entry = entry
        self.loose = loose
        self._keys: tuple[str | None, str | None, str | None] | None = None
        self._arabic: tuple[str, ...] | None = None
        #: the last Latin-script ranking of this entry (:meth:`Gazetteer.rank`): the target, the distance to the
        #: nearest of ``loose_names`` and that name's position, for :meth:`spelling13` of the same target (one
        #: tuple, set and read whole: threads ranking other names may share the entry)
        self.near: tuple[str, float, int] | None = None

    @property
    def arabic(self) -> tuple[str, ...]:
        """The entry's Arabic-script names, folded: a big city's Arabic name may come after its first 40 names
        ("دمشق" is Damascus' 67th), and an Arabic mention must be compared with them all the same."""
        if self._arabic is None:
            self._arabic = tuple(dict.fromkeys(fold.loose(n) for n in self.entry.names if ARABIC_SCRIPT.search(n)))
        return self._arabic

    def names_for(self, target: str, base: tuple[str, ...]) -> tuple[str, ...]:
        """``base`` (one of the folded name lists), plus the Arabic names when ``target`` is Arabic."""
        return base + self.arabic if ARABIC_SCRIPT.search(target) else base

    def spelled(self, target: str, arabic: bool) -> bool:
        """``target in self.names_for(target, self.loose41)``, where ``arabic`` tells whether ``target`` is Arabic:
        for loops over a name's candidates, which test the script once rather than once per candidate."""
        return target in self.loose or (arabic and target in self.arabic)

    def spelling13(self, target: str) -> float:
        """:func:`nearest` from ``target`` (Latin script) to ``loose13``, from the last ranking when it tells.

        A ranking by ``target`` found the nearest of ``loose_names`` (``loose[1:41]``); when that name is among
        the first 12, it is also the nearest of ``loose[1:13]``, and only the own name is left to compare.
        """
        near = self.near
        loose = self.loose
        if near is not None and near[2] < 12 and near[0] == target and target:
            d = near[1]
            if d == 0.0 or target == loose[0]:
                return 0.0
            own = loose[0]
            if own in loose[1:13]:
                return d
            return min(d, Levenshtein.normalized_distance(target, own))
        return nearest(target, loose[:13])

    @property
    def loose_name(self) -> str:
        return self.loose[0]

    @property
    def loose_names(self) -> tuple[str, ...]:
        return self.loose[1:]

    @property
    def loose13(self) -> tuple[str, ...]:
        return self.loose[:13]

    @property
    def loose41(self) -> tuple[str, ...]:
        return self.loose

    def admin_keys(self, key: Callable[[str], str] = fold.key) -> tuple[str | None, str | None, str | None]:
        """The keys of admin1, admin2 and (an admin area's) own name; ``key`` folds (:meth:`Gazetteer.admin_key`)."""
        if self._keys is None:
            e = self.entry
            self._keys = (
                key(e.admin1) if e.admin1 else None,
                key(e.admin2) if e.admin2 else None,
                key(e.name) if e.kind in ("region", "county") else None,
            )
        return self._keys

    @property
    def admin1_key(self) -> str | None:
        return self.admin_keys()[0]

    @property
    def admin2_key(self) -> str | None:
        return self.admin_keys()[1]

    @property
    def own_key(self) -> str | None:
        return self.admin_keys()[2]


def _entry_info(e: GazetteerEntry, stored: list[str] | None = None) -> EntryInfo:
    """Fold the entry's names, or take them from ``stored`` (``places.loose``: own name, then ``names[:40]``)."""
    if stored and len(stored) == 1 + min(len(e.names), schema.LOOSE_NAMES):
        return EntryInfo(e, tuple(stored))
    return EntryInfo(e, (fold.loose(e.name), *(fold.loose(n) for n in e.names[: schema.LOOSE_NAMES])))


@dataclass(slots=True)  # not frozen: a frozen dataclass's __init__ costs twice as much, per word
class _Token:
    start: int
    end: int
    text: str
    arabic: bool
    upper: bool
    lower_form: str
    folded: str


#: compass words on the stop list that may start a longer name ("Eastern Cape", "Northern Bahr el Ghazal")
_COMPASS_STARTS = frozenset({"eastern", "western", "northern", "southern", "north", "south", "east", "west", "central",
                             "upper", "lower"})

#: countries the countries file does not list are found by their GeoNames name from this population up
_OWN_NAME_POPULATION = 1_000_000


def _is_abbrev(name: str) -> bool:
    letters = name.replace(".", "")
    return letters.isupper() and len(letters) <= 4


#: how much more a place in an Arab League country weighs for a name written in Arabic script, other things equal
ARABIC_PRIOR_FACTOR = 1.5


@functools.cache
def arabic_countries() -> frozenset[str]:
    """Where a place named in Arabic script most likely is (``arabic_countries`` of the countries file)."""
    return frozenset(datafiles.countries().arabic_countries)


@functools.cache
def transliterated_countries() -> frozenset[str]:
    """Where a close spelling may be the same name (``transliterated_countries`` of the countries file)."""
    return frozenset(datafiles.countries().transliterated_countries)


#: the size a town with no population gets when it gives its name to its district (a district seat)
SEAT_POPULATION = 10_000


def effective_population(e: GazetteerEntry, own: bool = True) -> int:
    """A place's population, or for a town the layers give none but whose district bears its name ("Ariha" in
    Ariha district, Idlib: a district seat, a town of some size, not a hamlet) that of a small town, when the
    text names it by its ``own`` name (an alternate name may be a layer's error: one lists "Kobani" for Afrin)."""
    if e.population or not own or e.kind != "locality" or not e.admin2:
        return e.population
    # the district's name as the town's, or as another transliteration of it ("Ras Al Ain" district, Ra's al `Ayn;
    # "Hawiga" district, Al Hawijah: ج written g as in Egypt, j elsewhere)
    a2, own_key = fold.key(e.admin2), fold.key(e.name)
    same = fold.loose(e.admin2) == fold.loose(e.name) or a2 == own_key or (
        a2.replace("k", "j") == own_key.replace("k", "j"))
    return SEAT_POPULATION if same else 0


_DOUBLED = re.compile(r"(.)\1+")
#: the shortest folded name whose doubled letters may be written once and still vote for an admin area's country
_UNDOUBLED_MIN = 8


@functools.lru_cache(maxsize=50_000)
def undoubled(folded: str) -> str:
    """A folded name with each run of one letter written once ("shabeelle" -> "shabele", "galgaduud" -> "galgadud")."""
    return _DOUBLED.sub(r"\1", folded)


def country_shares(
    name: str, candidates: Iterable[GazetteerEntry], info: Callable[[GazetteerEntry], EntryInfo] = _entry_info
) -> dict[str, float]:
    """One vote for the country ``name`` points to, shared among the countries of its exactly spelled candidates.

    Each country's share grows with its most prominent such place (admin
    areas and big towns first), so "Basra" votes mostly for Iraq, not for the
    hamlet of that name in Pakistan.
    """
    target = fold.loose(name)
    own_core = fold.core(name)
    arabic = ARABIC_SCRIPT.search(target) is not None
    prior = arabic_countries() if arabic else frozenset()
    weight: dict[str, float] = {}
    for e in candidates:
        if not e.country:
            continue
        folded = info(e)
        own = folded.loose_name == target or fold.has_core(folded.loose_name, own_core) or (
            arabic and folded.arabic[:1] == (target,))  # in Arabic, the first Arabic name its record gives
        if not (own or folded.spelled(target, arabic) or (
            e.kind in ("region", "county") and not arabic and len(target) >= _UNDOUBLED_MIN
            and undoubled(target) in map(undoubled, folded.loose)
        )):
            # its own name is spelled so, its article aside ("Qamishli", Al Qamishli), or another name; an admin
            # area's long name also with its letters doubled otherwise ("Lower Shabelle", Lower Shabeelle; a short
            # one is too often another name: "Jama'a" is no Jama)
            continue
        w = 1.0 + math.log10(effective_population(e, own) + 1) + (4.0 if e.kind in ("country", "region") else 0.0)
        if own:
            w *= 3.0  # its own name ("Nahiyat al Iskandariyah" for "Iskandariyah"), not one of its alternate names
        elif not arabic and _lowercase_alias_only(e, folded, target):
            w *= 0.2  # "dawr" of Dover, Florida: a machine's transliteration of a label in another script
        if e.country in prior:
            w *= ARABIC_PRIOR_FACTOR  # written in Arabic: "بنش" points to Syria's Binnish before Belgium's Binche
        weight[e.country] = max(weight.get(e.country, 0.0), w)
    total = sum(weight.values())
    return {code: w / total for code, w in weight.items()} if total else {}


def _lowercase_alias_only(e: GazetteerEntry, folded: EntryInfo, target: str) -> bool:
    """Whether every name of ``e`` spelled as ``target`` (folded, among the names its info folds) is an alias written
    all in lower case, as a machine's transliteration of a label in another script is ("dawr" of Dover, Florida),
    not as names are written."""
    spelled = [e.names[i] for i, n in enumerate(folded.loose[1:]) if n == target and i < len(e.names)]
    return bool(spelled) and all(n.islower() and n.isascii() for n in spelled)


def nearest(target: str, names: Sequence[str]) -> float:
    """The smallest normalised Levenshtein distance from ``target`` to any of ``names`` (1.0 for none)."""
    if not names:
        return 1.0
    if target and target in names:
        return 0.0  # spelled exactly as one of them (most candidates of a name): no call into rapidfuzz
    found = process.extractOne(target, names, scorer=Levenshtein.normalized_distance)
    return float(found[1]) if found is not None else 1.0


def nearest_at(target: str, names: Sequence[str]) -> tuple[float, int]:
    """:func:`nearest`, and the position of a name at that distance (12 when unknown: none, or not needed)."""
    if not names:
        return 1.0, 12
    if target and target in names:
        return 0.0, names.index(target)
    found = process.extractOne(target, names, scorer=Levenshtein.normalized_distance)
    return (float(found[1]), found[2]) if found is not None else (1.0, 12)


class Gazetteer:
    """Bundled + loaded places, looked up by any spelling; cheap to open, safe to share between threads."""

    def __init__(self, bundled: Path = BUNDLED_PATH, home_file: Path | None = None) -> None:
        if not bundled.exists():
            raise GazetteerError(
                f"{bundled}: the bundled gazetteer is missing; build it with "
                "`civcas gazetteer build` (run by `make` and by `pip install`)"
            )
        self._dbs: list[tuple[str, sqlite3.Connection]] = [("bundled", self._open(bundled, immutable=True))]
        meta = schema.get_meta(self._dbs[0][1])
        if (
            meta.get("fold_version") != str(fold.FOLD_VERSION)
            or meta.get("build_version") != str(BUILD_VERSION)
            or meta.get("schema_version") != str(schema.SCHEMA_VERSION)
        ):
            raise GazetteerError(
                f"{bundled}: built with fold version {meta.get('fold_version')} / build {meta.get('build_version')}; "
                f"expected {fold.FOLD_VERSION} / {BUILD_VERSION}: rebuild with `civcas gazetteer build`"
            )
        self.bundled_path = bundled
        self.home_file = home_file
        if home_file is not None and home_file.exists():
            self._dbs.append(("loaded", self._open(home_file)))
        self._lock = threading.Lock()
        self._loaded_countries: tuple[str, ...] | None = None  # read on first use (loaded_countries)
        self._cache: OrderedDict[str, tuple[GazetteerEntry, ...]] = OrderedDict()
        # place rows by (database, rid): one place is named by many keys
        # (one dict per database, and one for the table's merged entries: no tuple per cached row)
        self._rows: dict[str, dict[int, GazetteerEntry]] = {"bundled": {}, "loaded": {}, "merged": {}}
        # an entry's ``source`` by (places.source, places.layer, database): a few dozen strings, shared
        self._sources: dict[tuple[str | None, str | None, str], str] = {}
        # the same strings by value, for entries read from the candidate table's records
        self._source_names: dict[str, str] = {}
        # EntryInfo by id() of the entry, holding the entry so the id stays its own
        self._infos: dict[int, EntryInfo] = {}
        self._country_keys: OrderedDict[tuple[str, str], tuple[str, ...]] = OrderedDict()
        self._skeletons: OrderedDict[str, dict[str, list[str]]] = OrderedDict()
        self._token_cache: OrderedDict[str, _Words] = OrderedDict()
        self._singles: dict[tuple[str, str], GazetteerEntry | None] = {}
        self._exists: dict[str, bool] = {}
        self._by_id: dict[str, GazetteerEntry | None] = {}
        # a country's keys that start with two letters, from the candidate table (fuzzy lookups)
        self._near_keys: OrderedDict[tuple[str, str, str], tuple[str, ...]] = OrderedDict()
        # a layers file from before schema 4 (not yet migrated by `load()`) has no stored folds
        self._loose_col = {
            label: "loose" if any(r[1] == "loose" for r in conn.execute("PRAGMA table_info(places)")) else "''"
            for label, conn in self._dbs
        }
        # the stored per-key candidate table (:mod:`table`), when built for these layers and this bundled file:
        # a key's merged candidates in one row; without it (bundled only, or not yet built) merged here
        self._table: sqlite3.Connection | None = None
        if len(self._dbs) > 1 and table.is_fresh(self._dbs[1][1], bundled):
            self._table = self._dbs[1][1]
        self._conn_of = dict(self._dbs)
        # admin names and their keys, stored with the table (read on first use: most texts name no area)
        self._admin_keys: dict[str, str] | None = None
        # stored name sets (table.read_names), read on first use; None inside: not stored
        self._name_sets: dict[str, frozenset[str] | None] = {}
        # a table row read by a key probe (spotting), kept until the key's candidates are asked for
        self._refs: dict[str, tuple[bytes, int]] = {}
        # keys whose merged candidates a second merge leaves as they are (lookup skips it for such a key alone)
        self._stable: dict[str, bool] = {}
        # a lookup's merge of several keys' candidates, by the keys
        self._merges: OrderedDict[tuple[str, ...], tuple[GazetteerEntry, ...]] = OrderedDict()
        self.stopwords = frozenset(
            fold.arabic_token(w) if fold.script_of(w) == "arabic" else fold.latin_token(w)
            for path in datafiles.STOPWORD_FILES
            for e in datafiles.stopwords(path).entries
            for w in e.words
        )
        self._prefixes = frozenset(p for _label, conn in self._dbs for (p,) in conn.execute("SELECT p FROM prefixes"))
        self._memo: dict[str, OrderedDict[object, Any]] = {}
        self._lookups: OrderedDict[tuple[str, bool, str | None], tuple[GazetteerEntry, ...]] = OrderedDict()
        self._country_of_memo: OrderedDict[str, str | None] = OrderedDict()
        self._ranked: OrderedDict[tuple[object, ...], tuple[GazetteerEntry, ...]] = OrderedDict()
        self._countries = self._country_index()
        self._demonyms = frozenset(fold.key(d) for c in datafiles.countries().countries for d in c.demonyms)
        self._demonym_words = frozenset(fold.loose(d) for c in datafiles.countries().countries for d in c.demonyms)

    @staticmethod
    def _open(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
        """A read-only connection; ``immutable`` for the bundled file, which is never written in place (a rebuild
        writes a new file and renames it over the old one, so an open connection keeps reading the old): SQLite
        then takes no file lock, looks for no hot journal and rereads no header per statement (five system calls
        saved on each of the ~4,000 statements a first pass sends it)."""
        flags = "mode=ro&immutable=1" if immutable else "mode=ro"
        conn = sqlite3.connect(f"file:{path}?{flags}", uri=True, check_same_thread=False)
        conn.execute("PRAGMA query_only=1")
        return conn

    def _country_index(self) -> dict[str, str]:
        out: dict[str, str] = {}
        self._abbrevs: dict[str, str] = {}
        countries = datafiles.countries()
        for n in countries.not_countries:
            out[fold.loose(n)] = ""  # found like a country's name, then skipped: "North America" is not "America"
        for c in countries.countries:
            for n in [*c.names, *c.demonyms]:
                if _is_abbrev(n):
                    # "CAR", "US", "UAE" only in capitals: "car" and "us" are words
                    self._abbrevs.setdefault(n.replace(".", ""), c.id)
                    continue
                # exact words (case and accents folded): demonyms are short and fold-collide easily
                out.setdefault(fold.loose(n), c.id)
        # every other country of a million people by its own GeoNames name ("Eswatini", "Mongolia"): the file lists
        # those that conflict reporting names most, with demonyms; a country's other names ("Salvador") and small
        # territories' names ("Jersey", "Reunion") are towns or words too often to be read so
        listed = {c.id for c in countries.countries}
        for _label, conn in self._dbs:
            try:
                rows = conn.execute(
                    "SELECT name, country FROM places WHERE kind = 'country' AND population >= ?",
                    (_OWN_NAME_POPULATION,),
                ).fetchall()
            except sqlite3.Error:
                continue
            for name, cc in rows:
                if cc and cc not in listed and name and not _is_abbrev(name):
                    out.setdefault(fold.loose(name), cc)
        # the longest country name in words ("Democratic Republic of the Congo"), for n-gram loops
        self._country_words = max(len(k.split(" ")) for k in out)
        # the first folded word of every country word: countries_in tries n-grams only from these
        self._country_first = frozenset(
            {k.split(" ")[0] for k in out} | {fold.latin_token(a.split(" ")[0]) for a in self._abbrevs}
        )
        return out

    def _code(self, words: list[str]) -> str | None:
        joined = " ".join(words)
        if joined in self._abbrevs:
            return self._abbrevs[joined]
        return self._countries.get(fold.loose(joined))

    # ------------------------------------------------------------------ queries

    def _fetch(self, keys: Iterable[str]) -> dict[str, tuple[GazetteerEntry, ...]]:
        """Candidates for many keys at once: cached, else one batched query per database."""
        wanted = [k for k in dict.fromkeys(keys) if k]
        out: dict[str, tuple[GazetteerEntry, ...]] = {}
        missing: list[str] = []
        with self._lock:
            for k in wanted:
                hit = self._cache.get(k)
                if hit is None:
                    if self._exists.get(k) is False:
                        # a key the spotter's probe found in neither file (:meth:`_known`): nothing to read
                        hit = self._cache[k] = ()
                        out[k] = hit
                        continue
                    missing.append(k)
                else:
                    self._cache.move_to_end(k)
                    out[k] = hit
        if not missing:
            return out
        if self._table is not None:
            return self._fetch_table(missing, out)
        return self._fetch_merge(missing, out, self._dbs)

    def _fetch_merge(
        self, missing: list[str], out: dict[str, tuple[GazetteerEntry, ...]],
        dbs: Sequence[tuple[str, sqlite3.Connection]],
    ) -> dict[str, tuple[GazetteerEntry, ...]]:
        """:meth:`_fetch` by reading each key's place rows from ``dbs`` and merging them here."""
        found: dict[str, list[GazetteerEntry]] = {k: [] for k in missing}
        for label, conn in dbs:
            for i in range(0, len(missing), 900):
                chunk = missing[i : i + 900]
                q = ",".join("?" * len(chunk))
                pairs = conn.execute(f"SELECT key, rid FROM keys WHERE key IN ({q})", chunk).fetchall()
                if not pairs:
                    continue
                rows = self._places(label, conn, {rid for _k, rid in pairs})
                for k, rid in pairs:
                    found[k].append(rows[rid])
        with self._lock:
            for k, entries in found.items():
                ranked = tuple(_dedupe(entries))
                self._cache[k] = ranked
                out[k] = ranked
            while len(self._cache) > 200_000:
                self._cache.popitem(last=False)
        return out

    def _fetch_table(
        self, missing: list[str], out: dict[str, tuple[GazetteerEntry, ...]]
    ) -> dict[str, tuple[GazetteerEntry, ...]]:
        """:meth:`_fetch` from the stored table: each key's merged candidates as references, no merging here."""
        assert self._table is not None
        rows: dict[str, tuple[bytes, int]] = {}
        ask: list[str] = []
        with self._lock:
            for k in missing:
                hit = self._refs.pop(k, None)
                if hit is None:
                    ask.append(k)
                else:
                    rows[k] = hit
        for i in range(0, len(ask), 900):
            chunk = ask[i : i + 900]
            q = ",".join("?" * len(chunk))
            query = f"SELECT key, refs, stable FROM cands WHERE key IN ({q})"
            for k, blob, stable in self._table.execute(query, chunk):
                rows[k] = (blob, stable)
        decoded = {k: table.decode(blob) for k, (blob, _stable) in rows.items()}
        # a key of several candidates from its own ``recs`` row, decoding only the places not read before;
        # a key of one place from that place's row
        caches = [self._rows[label] for label in ("bundled", "loaded", "merged")]
        for cache in caches:
            if len(cache) > 400_000:
                cache.clear()
        unread: list[str] = []
        singles: dict[int, set[int]] = {table.BUNDLED: set(), table.LOADED: set()}
        for k, refs in decoded.items():
            if any(ref >> 2 not in caches[ref & 3] for ref in refs):
                if table.has_records(refs):
                    unread.append(k)
                else:
                    singles[refs[0] & 3].add(refs[0] >> 2)
        for tag, rids in singles.items():
            if rids:
                self._places(table.LABELS[tag], self._conn_of[table.LABELS[tag]], rids)
        infos, sources = self._infos, self._source_names
        entry_info, make_entry = EntryInfo, table.make_entry
        got: dict[str, tuple[GazetteerEntry, ...]] = {}
        for i in range(0, len(unread), 900):
            chunk = unread[i : i + 900]
            q = ",".join("?" * len(chunk))
            for k, blob in self._table.execute(f"SELECT key, blob FROM recs WHERE key IN ({q})", chunk):
                recs = table.decode_records(blob)
                entries: list[GazetteerEntry] = []
                for ref, r in zip(decoded[k], recs, strict=True):
                    cache = caches[ref & 3]
                    e = cache.get(ref >> 2)
                    if e is None:
                        # table.read_record inlined (35,000 records a first pass): the same entry and folds
                        source = sources.setdefault(r[10], r[10])
                        e = cache[ref >> 2] = make_entry(*r[:10], source)  # type: ignore[call-arg]
                        infos[id(e)] = entry_info(e, r[11])
                    entries.append(e)
                got[k] = tuple(entries)
        with self._lock:
            for k, refs in decoded.items():
                entries_k = got.get(k)
                if entries_k is None:
                    entries_k = tuple(caches[ref & 3][ref >> 2] for ref in refs)
                self._cache[k] = entries_k
                self._stable[k] = bool(rows[k][1])
                out[k] = entries_k
            while len(self._cache) > 200_000:
                self._cache.popitem(last=False)
            if len(self._stable) > 400_000:
                self._stable.clear()
        # a key of the bundled file alone: merged here, as without the table
        rest = [k for k in missing if k not in decoded]
        return self._fetch_merge(rest, out, self._dbs[:1]) if rest else out

    def _places(self, label: str, conn: sqlite3.Connection, rids: Iterable[int]) -> dict[int, GazetteerEntry]:
        """The place rows with these rids, from memory when read before, else in batched queries."""
        cache = self._rows[label]
        out, need = _split_cached(cache, rids)
        if len(cache) + len(need) > 400_000:
            cache.clear()
        infos, sources, sep, most = self._infos, self._sources, schema.NAME_SEP, schema.LOOSE_NAMES
        make_entry = table.make_entry
        for i in range(0, len(need), 900):
            chunk = need[i : i + 900]
            q = ",".join("?" * len(chunk))
            # entry_from_row and _entry_info inlined (36,000 rows on a first pass): the same entries and folds,
            # one source string per (source, layer) instead of one per row
            for r in conn.execute(
                f"SELECT {PLACE_COLUMNS}, {self._loose_col[label]}, rid FROM places WHERE rid IN ({q})", chunk
            ):
                names = tuple(r[9].split(sep))
                source = sources.get((r[10], r[11], label))
                if source is None:
                    source = sources[(r[10], r[11], label)] = f"{r[10] or 'geonames'}:{r[11] or label}"
                # in the fields' order: (id, name, lat, lon, country, kind, admin1, admin2, population, names, source)
                e = make_entry(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8] or 0, names, source)
                out[r[13]] = cache[r[13]] = e
                # the names' light folds were stored at build/load time: no folding in a fresh process
                stored = tuple(r[12].split(sep)) if r[12] else None
                infos[id(e)] = (EntryInfo(e, stored) if stored and len(stored) == 1 + min(len(names), most)
                                else _entry_info(e))
        return out

    def admin_key(self, name: str) -> str:
        """:func:`fold.key` of an admin area's name, from the candidate table's stored map when it has the name.

        Resolution compares each candidate's admin1/admin2 with the areas a text names; folding those
        names (~5,000 on a first pass over the dev texts) cost more than reading them folded.
        """
        keys = self._admin_keys
        if keys is None:
            keys = self._admin_keys = table.read_admin_keys(self._table) if self._table is not None else {}
        k = keys.get(name)
        return fold.key(name) if k is None else k

    def _names(self, what: str) -> frozenset[str] | None:
        sets = self._name_sets
        if what not in sets:
            sets[what] = table.read_names(self._table, what) if self._table is not None else None
        return sets[what]

    def may_be_big_town(self, loose_name: str, population: int) -> bool:
        """False only when no town of ``population`` people or more has ``loose_name`` (:func:`fold.loose`) as its
        own name's fold; True when it may, or when the gazetteer cannot tell (no stored table).

        Lets geoparsing skip looking up a name (its candidates read and ranked) to find a big town of that name.
        """
        names = self._names("big_towns") if population >= table.BIG_TOWN_POPULATION else None
        return names is None or loose_name in names

    def may_be_region(self, loose_name: str, country: str | None) -> bool:
        """False only when no region of ``country`` has ``loose_name`` (:func:`fold.loose`) as its own name's fold;
        True when one may, or when the gazetteer cannot tell (no stored table)."""
        names = self._names("regions")
        return names is None or f"{loose_name}\t{country or ''}" in names

    def info(self, e: GazetteerEntry) -> EntryInfo:
        """The entry's folded names and admin keys, computed once per entry object."""
        hit = self._infos.get(id(e))
        if hit is not None and hit.entry is e:
            return hit
        if len(self._infos) > 400_000:
            self._infos.clear()
        info = _entry_info(e)
        self._infos[id(e)] = info
        return info

    def lookup(self, name: str, *, country: str | None = None, fuzzy: bool = False) -> list[GazetteerEntry]:
        """Candidate places for ``name`` in any spelling or script, best spelling match first.

        ``country`` (ISO2) keeps only that country's places. ``fuzzy`` also
        tries keys one or two edits away (long names only) when no key
        matches exactly: for a spelling the folding rules do not cover, never
        for short names. With ``country`` the fuzzy search reads only that
        country's keys (one stored row; with the candidate table, only those
        sharing the name's first two letters), which is what resolution uses.

        >>> [e.name for e in load().lookup("Dayr az Zawr", country="SY")][:1]  # doctest: +SKIP
        ['Deir ez-Zor']
        """
        if len(name) == 2 and name.isupper() and name.isalpha():
            # an ISO 3166-1 code: the country itself
            entry = self.country(name)
            if entry is not None and (country is None or country.upper() == name):
                return [entry]
        code = country.upper() if country else None
        cache_key = (name, fuzzy, code)
        with self._lock:
            hit = self._lookups.get(cache_key)
        if hit is None:
            if fuzzy and code:
                exact = self.lookup(name, fuzzy=False)
                hit = tuple(e for e in exact if e.country == code) if exact else tuple(
                    e for e in self._lookup(name, fuzzy=True, country=code) if e.country == code
                )
                every = None
            else:
                every = self._lookups.get((name, fuzzy, None)) if code else None
                if every is None:
                    every = tuple(self._lookup(name, fuzzy=fuzzy))
                hit = tuple(e for e in every if e.country == code) if code else every
            with self._lock:
                if every is not None:
                    self._lookups[(name, fuzzy, None)] = every
                self._lookups[cache_key] = hit
                while len(self._lookups) > 50_000:
                    self._lookups.popitem(last=False)
        return list(hit)

    def _lookup(self, name: str, *, fuzzy: bool, country: str | None = None) -> list[GazetteerEntry]:
        parts = [name]
        if "(" in name:
            # "Taji (At Taji)", "Tuz Khormato (Tuz Khurmatu)": either spelling
            outer, _, inner = name.partition("(")
            parts = [outer.strip(), inner.rstrip(") ").strip()]
        ks: set[str] = set()
        for part in parts:
            ks |= fold.keys(part) | {fold.key(fold.base_name(part))}
        ks.discard("")
        # the feminine ending is written or dropped ("Ghandour" / "al-Ghandoura"): the other form is a
        # candidate too, ranked below exact spellings by the edit distance (one batched read for both)
        alt = {k[:-1] if k.endswith("a") else k + "a" for k in ks if len(k) >= 5 and k.isascii()} - ks
        found = self._fetch(ks | alt)
        given = [k for k in (*ks, *alt) if found.get(k)]
        if not given:
            # an Arabic name spoken with the nisba ending (ي) that the gazetteers write with ة ("الشدادي", "الشدادة"),
            # read only when nothing is spelled as written
            nisba = {k[:-1] + "ه" for k in ks if len(k) >= 5 and not k.isascii() and k.endswith("ي")} - ks
            if nisba:
                found = self._fetch(nisba)
                given = [k for k in nisba if found.get(k)]
        if len(given) == 1 and self._stable.get(given[0]):
            # one key's merged candidates, which merging again would leave as they are (stored table)
            return self.rank(name, found[given[0]])
        if not given:
            return self.rank(name, _dedupe(self._fuzzy(fold.key(name), country))) if fuzzy else []
        # the merge of these keys' candidates is the same for every name that has them ("Raqqa", "al-Raqqah")
        merge_key = tuple(given)
        with self._lock:
            merged = self._merges.get(merge_key)
        if merged is None:
            merged = tuple(_dedupe([e for k in given for e in found[k]]))
            with self._lock:
                self._merges[merge_key] = merged
                while len(self._merges) > 20_000:
                    self._merges.popitem(last=False)
        return self.rank(name, merged)

    def _fuzzy(self, k: str, country: str | None = None) -> list[GazetteerEntry]:
        """Places under keys one edit (two from 10 letters) from ``k`` that share its first two letters."""
        if len(k) < 6:
            return []
        limit = 1 if len(k) < 10 else 2
        near: list[str] = []
        for label, conn in self._dbs:
            if country:
                if self._table is not None:
                    # the stored slice of the country's sorted keys that share the first two letters
                    run = self._near(label, country, k[:2])
                else:
                    keys = self._keys_of_country(label, conn, country)
                    lo, hi = bisect.bisect_left(keys, k[:2]), bisect.bisect_left(keys, k[:2] + "\uffff")
                    run = keys[lo:hi]
                # every key within ``limit`` edits, in key order (rapidfuzz's loop, not Python's)
                close = process.extract(k, run, scorer=Levenshtein.distance, score_cutoff=limit, limit=None)
                near.extend(c for c, _d, _i in sorted(close, key=lambda hit: hit[2]))
                continue
            rows = conn.execute(
                "SELECT DISTINCT key FROM keys WHERE key >= ? AND key < ? AND length(key) BETWEEN ? AND ?",
                (k[:2], k[:2] + "\uffff", len(k) - limit, len(k) + limit),
            ).fetchall()
            near.extend(r[0] for r in rows if Levenshtein.distance(k, r[0], score_cutoff=limit) <= limit)
        found = self._fetch(near)
        return [e for key in near for e in found.get(key, ())]

    def by_skeleton(self, skeleton: str, country: str) -> list[GazetteerEntry]:
        """One country's places whose Latin key has these consonants (:func:`fold.latin_skeleton`).

        For an Arabic name the gazetteers spell only in Latin letters ("الصبحة", "As Sabhah"); many places share
        a skeleton, so the caller keeps only those inside the area the text names. The index of a country is
        built on first use (its keys, read once) and the last 8 are kept.
        """
        if len(skeleton) < 3:
            return []
        stored = self._names("skel_countries")
        if self._table is not None and stored is not None and country in stored:
            # the table's row for it (built with the table, for the countries where names are transliterated)
            keys = table.read_skeleton(self._table, country, skeleton)
            found = self._fetch(keys)
            return [e for k in keys for e in found.get(k, ()) if e.country == country]
        with self._lock:
            index = self._skeletons.get(country)
            if index is not None:
                self._skeletons.move_to_end(country)
        if index is None:
            index = {}
            for label, conn in self._dbs:
                latin = [k for k in self._keys_of_country(label, conn, country) if k.isascii()]
                for sk, k in zip(fold.latin_skeletons(latin), latin, strict=True):
                    index.setdefault(sk, []).append(k)
            with self._lock:
                self._skeletons[country] = index
                while len(self._skeletons) > 8:
                    self._skeletons.popitem(last=False)
        keys = index.get(skeleton, [])
        found = self._fetch(keys)
        return [e for k in keys for e in found.get(k, ()) if e.country == country]

    def _keys_of_country(self, label: str, conn: sqlite3.Connection, country: str) -> tuple[str, ...]:
        """One country's distinct keys in one database, sorted (one stored row; the last 48 used are kept)."""
        with self._lock:
            hit = self._country_keys.get((label, country))
            if hit is not None:
                self._country_keys.move_to_end((label, country))
        if hit is not None:
            return hit
        try:
            row = conn.execute("SELECT keys FROM country_keys WHERE country=?", (country,)).fetchone()
        except sqlite3.OperationalError:
            row = None  # a layers file from before schema 3 (re-keyed on the next `load()`)
        keys = schema.read_country_keys(row[0] if row else None)
        with self._lock:
            self._country_keys[(label, country)] = keys
            while len(self._country_keys) > 48:
                self._country_keys.popitem(last=False)
        return keys

    def _near(self, label: str, country: str, prefix: str) -> tuple[str, ...]:
        """One country's sorted keys in one database that start with ``prefix`` (two letters), from the table."""
        assert self._table is not None
        memo = (label, country, prefix)
        with self._lock:
            hit = self._near_keys.get(memo)
        if hit is not None:
            return hit
        row = self._table.execute(
            "SELECT keys FROM near WHERE db=? AND country=? AND prefix=?",
            (table.BUNDLED if label == "bundled" else table.LOADED, country, prefix),
        ).fetchone()
        keys = table.read_near(row[0]) if row else ()
        with self._lock:
            self._near_keys[memo] = keys
            while len(self._near_keys) > 4096:
                self._near_keys.popitem(last=False)
        return keys

    def rank(self, name: str, entries: Iterable[GazetteerEntry]) -> list[GazetteerEntry]:
        """Order candidates by edit distance of their closest name to ``name`` (loosely folded), then kind, then
        whether that closest name is their own, then size."""
        target = fold.loose(name)
        arabic = ARABIC_SCRIPT.search(target) is not None
        info, infos, kinds = self.info, self._infos, KIND_RANK
        given = list(entries)
        # each candidate's sort key, in one loop rather than one call of a key function per candidate (a first pass
        # ranks ~60,000); sorting the positions by these keys is stable as ``sorted(given, key=...)`` is, so the
        # order is the same
        scores: list[tuple[float, int, int, int]] = []
        for e in given:
            i = infos.get(id(e))
            if i is None or i.entry is not e:
                i = info(e)
            at = -1
            if arabic:
                d = nearest(target, i.loose[1:] + i.arabic)  # names_for(target, loose_names)
            else:
                near = i.near
                if near is not None and near[0] == target:
                    # ranked by this very name before (the spotter's keys, then the lookup's wider merge of the
                    # same name: 38 % of a first pass's distances): the same inputs, the same distance
                    d, at = near[1], near[2]
                else:
                    d, at = nearest_at(target, i.loose[1:])
                    i.near = (target, d, at)  # resolution's static scores of this name start from it (spelling13)
            # of two places of a kind as near, the one whose own name it is before one that lists it among its other
            # names ("Baghouz": Baghuz of Deir ez-Zor before Kasan of Hasakah, whose record also lists "Bāghūz")
            own = 0 if at == 0 and i.loose[0] == i.loose[1] else 1
            # a name matched only through an alias written all in lower case ("dawr", "dawr flwryda" of Dover,
            # Florida: a machine's transliteration of a label in another script) after one matched through a name
            # written as names are ("Dawr" of Ad Dawr, Iraq)
            if own and 0 <= at < len(e.names) and e.names[at].islower() and e.names[at].isascii():
                own = 2
            scores.append((round(d, 2), kinds.get(e.kind, 9), own, -e.population))
        return [given[n] for n in sorted(range(len(given)), key=scores.__getitem__)]

    def memo_get(self, table: str, key: object) -> Any:
        """A value remembered by :func:`~civcas.gazetteer.resolve` (per-document work), or None."""
        with self._lock:
            memo = self._memo.get(table)
            return memo.get(key) if memo is not None else None

    def memo_put(self, table: str, key: object, value: object) -> None:
        """Remember a value; each table keeps its last 4,096 entries at most."""
        with self._lock:
            memo = self._memo.setdefault(table, OrderedDict())
            memo[key] = value
            while len(memo) > 4096:
                memo.popitem(last=False)

    def _rank_cached(
        self, surface: str, entries: tuple[GazetteerEntry, ...] | list[GazetteerEntry], cache_key: tuple[object, ...]
    ) -> tuple[GazetteerEntry, ...]:
        """``rank`` remembered by ``cache_key``, which must determine ``entries`` (the keys and country filter)."""
        with self._lock:
            hit = self._ranked.get(cache_key)
        if hit is None:
            hit = tuple(self.rank(surface, entries)[:MAX_CANDIDATES])
            with self._lock:
                self._ranked[cache_key] = hit
                while len(self._ranked) > 50_000:
                    self._ranked.popitem(last=False)
        return hit

    def get(self, place_id: str) -> GazetteerEntry | None:
        """The entry with this id (``geonames:170794``, ``wof:890449891``, ``country:SY``), or None."""
        if place_id in self._by_id:
            return self._by_id[place_id]
        found = self._get(place_id)
        if len(self._by_id) > 50_000:
            self._by_id.clear()
        self._by_id[place_id] = found
        return found

    def _get(self, place_id: str) -> GazetteerEntry | None:
        for label, conn in self._dbs:
            r = conn.execute("SELECT rid FROM places WHERE id=?", (place_id,)).fetchone()
            if r:
                # the row a lookup read (or reads now), with its stored folds: a place resolved in a document is
                # asked for by id again (its size, its spelling), and an entry of its own would be folded anew
                return self._places(label, conn, (r[0],))[r[0]]
        return None

    def country_code(self, name: str) -> str | None:
        """The ISO2 code when ``name`` as a whole is a country name or demonym ("Syria", "Iraqi"), else None."""
        return self._code([_POSSESSIVE_END.sub("", name.strip()).replace(".", "")]) or None

    def is_demonym(self, word: str) -> bool:
        """Whether ``word`` names a country's people rather than the country ("Lebanese", "Iraqis").

        A country's entry lists its demonyms among its names, so a name match alone cannot tell them apart.
        """
        key = fold.loose(_POSSESSIVE_END.sub("", word.strip()))
        return key in self._demonym_words or (key.endswith("s") and key[:-1] in self._demonym_words)

    def country(self, iso2: str) -> GazetteerEntry | None:
        """The country's entry (a loaded layer's copy when there is one, else the bundled one)."""
        iso2 = iso2.upper()
        if ("country", iso2) in self._singles:
            return self._singles[("country", iso2)]
        stored = table.read_country(self._table, iso2, self._source_names) if self._table is not None else None
        if stored is not None:
            # found by :meth:`country_by_lookup` when the table was built (table.store_countries)
            found: GazetteerEntry | None = stored[0]
            self._infos[id(stored[0])] = EntryInfo(stored[0], stored[1])
        else:
            found = self.country_by_lookup(iso2)
        self._singles[("country", iso2)] = found
        return found

    def country_by_lookup(self, iso2: str) -> GazetteerEntry | None:
        """:meth:`country` without the stored entries: the country-kind candidate of a lookup of its name."""
        bundled = self.get(f"country:{iso2}")
        found = bundled
        if bundled is not None:
            found = next(
                (e for e in self.lookup(bundled.name) if e.kind == "country" and e.country == iso2), bundled
            )
        return found

    def capital(self, iso2: str) -> GazetteerEntry | None:
        """The country's capital ("SY" -> Damascus, "YE" -> Sanaa), as resolution would return it; None if unknown.

        The bundled file names each country's capital (GeoNames'
        ``countries.json``); a loaded layer's copy of the same town within
        10 km is returned in its place, as :meth:`lookup` would rank it.
        """
        iso2 = iso2.upper()
        if ("capital", iso2) in self._singles:
            return self._singles[("capital", iso2)]
        found: GazetteerEntry | None = None
        row = self._dbs[0][1].execute("SELECT id FROM capitals WHERE country=?", (iso2,)).fetchone()
        bundled = self.get(row[0]) if row else None
        seat = datafiles.countries().reporting_capitals.get(iso2)
        if seat:
            # "Burundi's capital" in reporting is Bujumbura, the seat of government, not GeoNames' Gitega
            named = [e for e in self.lookup(seat, country=iso2) if e.kind == "locality"]
            bundled = max(named, key=lambda e: e.population) if named else bundled
        if bundled is not None:
            found = next(
                (e for e in self.lookup(bundled.name, country=iso2)
                 if e.kind == "locality" and distance_km(e.lat, e.lon, bundled.lat, bundled.lon) < 10),
                bundled,
            )
        self._singles[("capital", iso2)] = found
        return found

    def area_named(self, place: Place | GazetteerEntry, *, kind: str = "region") -> GazetteerEntry | None:
        """The admin area a town shares its name with: "Idlib" the city -> Idlib governorate; else None.

        A bare "Idlib", "Raqqa" or "Deir ez-Zor" may mean the provincial
        capital or its governorate; event clustering can treat "killed in
        Idlib" as compatible with a strike anywhere in the governorate.
        ``kind="county"`` asks for the district of the same name ("Manbij").
        Only a town (``kind`` locality, or a settlement-precision place)
        inside that very area counts: Mosul (Nineveh) gives None.
        """
        if isinstance(place, Place):
            if place.kind not in (None, "locality") or place.precision.value not in ("settlement", "near"):
                return None
            names: tuple[str, ...] = tuple(n for n in (place.name, place.mention) if n)
        else:
            if place.kind != "locality":
                return None
            names = (place.name, *place.names[:10])
        area_name = place.admin1 if kind == "region" else place.admin2
        if not area_name or not place.country or not names:
            return None
        target = fold.key(fold.base_name(area_name))
        if not target or not any(fold.key(fold.base_name(n)) == target for n in names):
            return None
        for e in self.lookup(area_name, country=place.country):
            if e.kind == kind and (e.name == area_name or fold.key(fold.base_name(e.name)) == target):
                return e
        return None

    def likely_country(self, text: str, spots: list[Spotted] | None = None) -> str | None:
        """The country a text is most likely about: countries it names, then where its place names point.

        Each country name counts 2, a demonym or abbreviation 0.5 (it names
        people or a belligerent more often than the place); each spotted name spelled
        exactly like places in k countries gives each 1/k. Returns None when
        no country gets a third of the votes.
        """
        votes: dict[str, float] = {}
        for start, end, code in self.countries_in(text):
            # a country's name says where more surely than a demonym ("Iranian pilgrims north of Baghdad")
            word = text[start:end]
            votes[code] = votes.get(code, 0.0) + (
                0.5 if word in self._abbrevs or self._demonym_codes(word) else 2.0
            )
        for spotted in spots if spots is not None else self.spot(text):
            for code, share in country_shares(spotted.text, spotted.candidates, self.info).items():
                votes[code] = votes.get(code, 0.0) + share
        if not votes:
            return None
        code, best = max(votes.items(), key=lambda kv: kv[1])
        return code if best >= sum(votes.values()) / 3 else None

    def _demonym_codes(self, word: str) -> set[str]:
        return {self._countries[k] for k in (fold.loose(word),) if k in self._demonym_words}

    def country_of(self, name: str) -> str | None:
        """The ISO2 code a country name or demonym refers to: "Iraqi", "Nigeria's", "Somali" -> IQ, NG, SO.

        >>> load().country_of("northern Iraqi")  # doctest: +SKIP
        'IQ'
        """
        with self._lock:
            if name in self._country_of_memo:
                return self._country_of_memo[name]
        code = self._country_of(name)
        with self._lock:
            self._country_of_memo[name] = code
            while len(self._country_of_memo) > 50_000:
                self._country_of_memo.popitem(last=False)
        return code

    def _country_of(self, name: str) -> str | None:
        text = _POSSESSIVE_WORD.sub("", name.strip())
        words = fold.split_words(text)
        for n in range(min(self._country_words, len(words)), 0, -1):
            for i in range(len(words) - n + 1):
                code = self._code(words[i : i + n])
                if code is not None and (code or n > 1):
                    return code or None  # "North America" names no country
        # another name of a country ("Syrian Arab Republic"), spelled exactly: a key match alone is too loose
        # ("al-Mayadin" shares a key with a name of Martinique)
        target = fold.loose(text)
        found = self._fetch(fold.keys(text) | {fold.key(fold.base_name(text))})
        best: GazetteerEntry | None = None
        for entries in found.values():
            for e in entries:
                if e.kind != "country" or (best is not None and best.population >= e.population):
                    continue
                if target in self.info(e).loose41 or target in {fold.loose(n) for n in e.names[40:]}:
                    best = e
        return best.country if best is not None else None

    def countries_in(self, text: str) -> list[tuple[int, int, str]]:
        """Every country name or demonym in ``text`` as ``(start, end, ISO2)``, longest first at each place."""
        words = self._words(text)
        first_words = self._country_first
        out: list[tuple[int, int, str]] = []
        free = 0  # the first word not inside a country name found already
        for i in words.capitalised_or_foreign():
            if i < free:
                continue
            tok = words[i]
            first = tok.folded if tok.arabic else tok.lower_form
            skip = 0
            if tok.arabic and first and first not in first_words and len(tok.text) > 3 and tok.text[0] == "و":
                # "والسودان وسوريا": the conjunction written onto the name (not ب, ل: "المرتبطة بروسيا" is whose)
                stripped = fold.loose(tok.text[1:])
                if stripped in first_words:
                    first, skip = stripped, 1
            if (not tok.upper and not tok.arabic) or (first and first not in first_words):
                # no country word starts with this word
                continue
            for n in range(min(self._country_words, len(words) - i), 0, -1):
                if not all(words.chained(k) for k in range(i, i + n - 1)):
                    continue
                code = self._code([words[k].text[skip:] if k == i else words[k].text for k in range(i, i + n)])
                if code is not None and (code or n > 1):
                    if code:
                        out.append((tok.start + skip, words[i + n - 1].end, code))
                    free = i + n
                    break
        return out

    # ------------------------------------------------------------------ spotting

    def spot(self, text: str, *, countries: Collection[str] | None = None) -> list[Spotted]:
        """Every stretch of ``text`` that names a gazetteer place, longest matches first, in text order.

        Latin-script names must start with a capital (or an article such as
        "al-" before one); a single word on the stop list
        (``stopwords.en.v1.yaml``) or of one or two letters is never a name.
        ``countries`` (ISO2) keeps only places in those countries, plus
        countries themselves. Many candidates per name are normal: the caller
        resolves them with context.

        >>> [(s.text, s.candidates[0].country) for s in load().spot("Jets struck Deir Ezzor.")]  # doctest: +SKIP
        [('Deir Ezzor', 'SY')]
        """
        words = self._words(text)
        tokens = words.seq()
        grams: list[tuple[int, int, int, list[str]]] = []
        for i in words.possible_starts():
            if not self._can_start(text, tokens, i):
                continue
            tok = tokens[i]
            first_forms = [(tok.folded, 0)]
            if tok.arabic and len(tok.folded) >= 3 and tok.folded[0] in fold.ARABIC_PROCLITICS:
                # "وإدلب", "بدير الزور": a conjunction or preposition written onto the name; onto a short first
                # word ("وتل زيوان", "وأم الريش") only a name of several words is read
                first_forms.append((fold.arabic_token(tok.text[1:]), 1))
            for first, skip in first_forms:
                got = self._grams(words, tokens, i, first, skip)
                if skip and len(tok.folded) == 3:
                    got = [g for g in got if g[1] > g[0]]
                grams.extend(got)
        wanted = frozenset(c.upper() for c in countries) if countries else None
        hits: list[tuple[int, int, int, list[str]]] = []
        if wanted is None:
            # which n-grams name a place needs only the key index: candidates are read when asked for
            known = self._known(k for _i, _j, _s, ks in grams for k in ks)
            hits = [(i, j, skip, ks) for i, j, skip, ks in grams
                    if any(k in known for k in ks)
                    and not (i == j and (ks[0] in self._demonyms or self._stop(tokens[i])))]
        else:
            hits = [(i, j, skip, ks) for i, j, skip, ks in grams
                    if self._spot_candidates(ks, wanted)
                    and not (i == j and (ks[0] in self._demonyms or self._stop(tokens[i])))]
        hits.sort(key=lambda h: (-(tokens[h[1]].end - tokens[h[0]].start), h[0]))
        taken = bytearray(len(tokens))
        out: list[Spotted] = []
        for i, j, skip, ks in hits:
            if any(taken[i : j + 1]):
                continue
            taken[i : j + 1] = b"\x01" * (j + 1 - i)
            start, end = tokens[i].start + skip, tokens[j].end
            surface = text[start:end]
            out.append(Spotted(start, end, surface, ks[0], Candidates(self, surface, tuple(ks), wanted)))
        out.sort(key=lambda s: s.start)
        return out

    def _spot_candidates(self, ks: tuple[str, ...] | list[str], wanted: frozenset[str] | None) -> list[GazetteerEntry]:
        """The places under a spotted n-gram's keys (in ``wanted`` countries, or countries), unranked."""
        found = self._fetch(ks)
        entries: list[GazetteerEntry] | tuple[GazetteerEntry, ...] = found.get(ks[0], ())
        if len(ks) > 1 and found.get(ks[1]):
            entries = _dedupe([*entries, *found[ks[1]]])
        if wanted is not None:
            entries = [e for e in entries if e.kind == "country" or e.country in wanted]
        return list(entries)

    def ranked_candidates(
        self, surface: str, ks: tuple[str, ...], wanted: frozenset[str] | None
    ) -> tuple[GazetteerEntry, ...]:
        """A spotted name's candidates, ranked (see :class:`Candidates`)."""
        return self._rank_cached(surface, self._spot_candidates(ks, wanted), (surface, *ks, wanted))

    def _known(self, keys: Iterable[str]) -> set[str]:
        """Which of ``keys`` name some place: from the caches, else one index-only query per database."""
        wanted = [k for k in dict.fromkeys(keys) if k]
        out: set[str] = set()
        missing: list[str] = []
        with self._lock:
            for k in wanted:
                hit = self._cache.get(k)
                seen = self._exists.get(k) if hit is None else bool(hit)
                if seen is None:
                    missing.append(k)
                elif seen:
                    out.add(k)
        if missing and self._table is not None:
            # the table has one row per key of either file: read it now, the key's candidates may be asked next
            found: set[str] = set()
            stash: dict[str, tuple[bytes, int]] = {}
            for i in range(0, len(missing), 900):
                chunk = missing[i : i + 900]
                q = ",".join("?" * len(chunk))
                for k, blob, stable in self._table.execute(
                    f"SELECT key, refs, stable FROM cands WHERE key IN ({q})", chunk
                ):
                    found.add(k)
                    stash[k] = (blob, stable)
            rest = [k for k in missing if k not in found]
            for i in range(0, len(rest), 900):
                chunk = rest[i : i + 900]
                q = ",".join("?" * len(chunk))
                found.update(k for (k,) in self._dbs[0][1].execute(
                    f"SELECT DISTINCT key FROM keys WHERE key IN ({q})", chunk
                ))
            with self._lock:
                if len(self._refs) + len(stash) > 100_000:
                    self._refs.clear()
                self._refs.update(stash)
                if len(self._exists) + len(missing) > 500_000:
                    self._exists.clear()
                for k in missing:
                    self._exists[k] = k in found
            return out | found
        if missing:
            found = set()
            for _label, conn in self._dbs:
                for i in range(0, len(missing), 900):
                    chunk = missing[i : i + 900]
                    q = ",".join("?" * len(chunk))
                    found.update(k for (k,) in conn.execute(f"SELECT DISTINCT key FROM keys WHERE key IN ({q})", chunk))
            with self._lock:
                if len(self._exists) + len(missing) > 500_000:
                    self._exists.clear()
                for k in missing:
                    self._exists[k] = k in found
            out |= found
        return out

    def _grams(
        self, words: _Words, tokens: Sequence[_Token], i: int, first: str, skip: int
    ) -> list[tuple[int, int, int, list[str]]]:
        """The n-grams starting at token ``i`` (its first ``skip`` characters left out) worth a key probe."""
        tok = tokens[i]
        out: list[tuple[int, int, int, list[str]]] = []
        acc = ""
        for j in range(i, min(i + (MAX_ARABIC_NGRAM if tok.arabic else MAX_NGRAM), len(tokens))):
            if j > i and not words.chained(j - 1):
                break
            last = tokens[j]
            folded_last = first if j == i else last.folded
            if tok.arabic:
                # extend only while some Arabic name still starts with these words
                acc += folded_last
                if acc not in self._prefixes:
                    break
            if not last.arabic and not last.upper and last.lower_form not in _FEATURE_WORDS:
                if last.lower_form in fold.ARTICLES or last.lower_form in _PARTICLES:
                    continue
                break
            if j == i and self._junk(last, first):
                continue
            if tok.arabic:
                ks = [acc]
            else:
                folded = tuple(tokens[k].folded for k in range(i, j + 1))
                ks = [fold.latin_key(folded)]
                if len(first) >= 6 and first[:2] in ("al", "el"):
                    ks.append(fold.latin_key((first[2:], *folded[1:])))
            out.append((i, j, skip, ks))
        return out

    def _words(self, text: str) -> _Words:
        """The words of ``text`` (see :class:`_Words`), remembered for the last few texts."""
        with self._lock:
            hit = self._token_cache.get(text)
        if hit is None:
            hit = _Words(text)
            with self._lock:
                self._token_cache[text] = hit
                while len(self._token_cache) > 16:
                    self._token_cache.popitem(last=False)
        return hit

    def _can_start(self, text: str, tokens: Sequence[_Token], i: int) -> bool:
        tok = tokens[i]
        if tok.arabic:
            return True
        if tok.upper:
            # "The US", "In Raqqa": a capitalised common word does not start a name; a compass word starts a
            # longer one ("Eastern Cape", "Northern Bahr el Ghazal"), never a name alone (``spot``)
            return tok.lower_form in fold.ARTICLES or tok.lower_form not in self.stopwords or (
                tok.lower_form in _COMPASS_STARTS and i + 1 < len(tokens) and tokens[i + 1].upper
            )
        if i + 1 < len(tokens) and (tok.lower_form in fold.ARTICLES or tok.lower_form in ("abu", "abou", "bou")):
            nxt = tokens[i + 1]
            # "al-Bab", "al Bab", "ash-Shaddadi": an article counts only right before a capitalised word,
            # and one that is also an English word ("an", "at", "as") only when hyphenated
            return nxt.upper and (tok.lower_form in ("al", "el", "abu", "abou", "bou") or (nxt.start == tok.end + 1
                                  and text[nxt.start - 1] == "-"))
        return False
    def _stop(self, tok: _Token) -> bool:
        """A Latin word on the stop list ("Eastern"): it may start a longer name, it names nothing alone."""
        return not tok.arabic and tok.lower_form in self.stopwords and tok.lower_form not in fold.ARTICLES

    def _junk(self, tok: _Token, folded: str) -> bool:
        if tok.arabic:
            return len(folded) < 3 or folded in self.stopwords or fold.arabic_token(tok.text) in self.stopwords
        return len(tok.lower_form) < 3 or tok.lower_form in self.stopwords

    def close(self) -> None:
        """Close the database connections."""
        for _label, conn in self._dbs:
            conn.close()
        self._dbs = []

    def stats(self) -> dict[str, int]:
        """Places per database (``bundled``, ``loaded``)."""
        return {label: conn.execute("SELECT COUNT(*) FROM places").fetchone()[0] for label, conn in self._dbs}

    def loaded_countries(self) -> tuple[str, ...]:
        """The countries the user's loaded layers cover (ISO2, sorted); read once, on first use."""
        got = self._loaded_countries
        if got is None:
            got = tuple(sorted({
                row[0] for label, conn in self._dbs if label == "loaded"
                for row in conn.execute("SELECT DISTINCT country FROM places") if row[0]
            }))
            self._loaded_countries = got
        return got


_FEATURE_WORDS = frozenset(
    {*fold.REGION_SUFFIXES, "district", "subdistrict", "lga"}
)


_START_LOWER = frozenset({*fold.ARTICLES, "abu", "abou", "bou"})


def _token_of(m: re.Match[str]) -> _Token:
    """One word with its folded forms (a possessive "'s" is left out)."""
    w = m.group()
    start, end = m.span()
    if len(w) > 3 and w.endswith(_POSSESSIVE):
        w, end = w[:-2], end - 2
    arabic = not w.isascii() and fold.script_of(w) == "arabic"
    lower = fold.latin_token(w)
    return _Token(start, end, w, arabic, (not arabic) and w[0].isupper(), lower,
                  fold.arabic_token(w) if arabic else lower)


def _fold_all(matches: list[re.Match[str]]) -> list[_Token]:
    """:func:`_token_of` of every word, in one loop (no call per word)."""
    out: list[_Token] = []
    latin_token, arabic_token, script_of = fold.latin_token, fold.arabic_token, fold.script_of
    for m in matches:
        w = m.group()
        start, end = m.span()
        if len(w) > 3 and w.endswith(_POSSESSIVE):
            w, end = w[:-2], end - 2
        arabic = not w.isascii() and script_of(w) == "arabic"
        lower = latin_token(w)
        out.append(_Token(start, end, w, arabic, (not arabic) and w[0].isupper(), lower,
                          arabic_token(w) if arabic else lower))
    return out


class _Words(Sequence[_Token]):
    """The words of a text, each folded on first use: most words (lower-case English) are never looked at.

    ``chained(i)``: words ``i`` and ``i + 1`` are consecutive words of one
    name (same script, only spaces or one hyphen between them).
    """

    __slots__ = ("_chained", "_matches", "_tokens", "eager", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._matches = list(_WORD.finditer(text))
        self._chained: list[bool | None] = [None] * len(self._matches)
        #: every word folded, for Arabic-script text (where almost every word may start a name): a plain list
        self.eager: list[_Token] | None = None
        if not text.isascii() and fold.script_of(text) == "arabic":
            self.eager = _fold_all(self._matches)
            self._tokens: list[_Token | None] = list(self.eager)
        else:
            self._tokens = [None] * len(self._matches)

    def seq(self) -> Sequence[_Token]:
        """The words to index in a loop: the plain list when folded up front, else this lazy list."""
        return self.eager if self.eager is not None else self

    def __len__(self) -> int:
        return len(self._matches)

    @overload
    def __getitem__(self, i: int) -> _Token: ...

    @overload
    def __getitem__(self, i: slice) -> list[_Token]: ...

    def __getitem__(self, i: int | slice) -> _Token | list[_Token]:
        tok = self._tokens[i]
        if tok.__class__ is _Token:  # a word folded before: the common case, first (spotting asks ~60 times a text)
            return tok
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        tok = self._tokens[i] = _token_of(self._matches[i])
        return tok

    def capitalised_or_foreign(self) -> list[int]:
        """The words that are not ASCII starting in lower case: only these can start a country name."""
        return [i for i, m in enumerate(self._matches) if not ((w := m.group()).isascii() and not w[0].isupper())]

    def possible_starts(self) -> list[int]:
        """The words that are not lower-case ASCII letters other than an article: only these can start a name."""
        return [
            i for i, m in enumerate(self._matches)
            if not ((w := m.group()).isascii() and w.isalpha() and not w[0].isupper() and w.lower() not in _START_LOWER)
        ]

    def chained(self, i: int) -> bool:
        c = self._chained[i]
        if c is None:
            c = False
            if i + 1 < len(self._matches):
                a, b = (self.eager[i], self.eager[i + 1]) if self.eager is not None else (self[i], self[i + 1])
                gap = b.start - a.end
                c = a.arabic == b.arabic and (
                    (gap == 1 and self.text[a.end] in " -") or _JOIN.fullmatch(self.text, a.end, b.start) is not None
                )
            self._chained[i] = c
        return c


def _split_cached(
    cache: Mapping[int, GazetteerEntry], ids: Iterable[int]
) -> tuple[dict[int, GazetteerEntry], list[int]]:
    """The entries already read, by id, and the ids still to read."""
    out: dict[int, GazetteerEntry] = {}
    need: list[int] = []
    for i in ids:
        e = cache.get(i)
        if e is None:
            need.append(i)
        else:
            out[i] = e
    return out, need


_LOADED: dict[tuple[str, str], Gazetteer] = {}
_LOAD_LOCK = threading.Lock()


def load(home: Path | None = None) -> Gazetteer:
    """The bundled gazetteer plus every layer loaded into ``home`` (``CIVCAS_HOME``); cached per process.

    >>> g = load()  # doctest: +SKIP
    """
    path = home_db(home)
    cache_key = (str(BUNDLED_PATH), str(path))
    with _LOAD_LOCK:
        g = _LOADED.get(cache_key)
        if g is None:
            if path.exists():
                connect_home(home, create=False).close()  # re-keys layers after a change of folding rules
                # (re)builds the per-key candidate table once after a layer or the bundled file changed
                table.ensure(path, BUNDLED_PATH)
            g = Gazetteer(BUNDLED_PATH, path if path.exists() else None)
            _LOADED[cache_key] = g
            log.info("gazetteer: loaded %s", g.stats())
        return g


def clear_cache() -> None:
    """Forget the per-process gazetteers (after loading a layer, in tests).

    They are not closed: a caller may still hold one (an extraction config made earlier), and closing
    it under that caller would leave every later place unresolved. Their connections close when the
    last holder lets go.
    """
    with _LOAD_LOCK:
        _LOADED.clear()
