"""Claims as flat comparison records: the columns the linkage model compares.

Every column is a scalar (strings, integers, floats), so one set of SQL
conditions runs on DuckDB and on Spark alike; sets (belligerents) become
bit masks and the quote becomes a MinHash signature, whose equal slots
estimate the Jaccard similarity of the two quotes' words.

Place names are folded with :func:`civcas.gazetteer.fold.key`, the function
the gazetteer indexes its names with, so "Deir ez-Zor", "Dayr az Zawr" and
"Deir Ezzor" compare equal here exactly when the gazetteer treats them as
one name.
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import Any

import pyarrow as pa

from civcas.extract.dates import captured_post_day
from civcas.gazetteer.fold import key as fold_key
from civcas.records import Claim, DateInterval, DatePrecision, Document, Figure, Place, PlacePrecision, Qualifier

#: Stand-in for "no upper bound" in figure columns, so SQL needs no COALESCE.
UNBOUNDED = 1_000_000_000

#: Precision ranks, finest first; ``>= COARSE`` says nothing finer than a district.
PRECISION_RANK: Mapping[PlacePrecision, int] = {
    PlacePrecision.NEIGHBOURHOOD: 0,
    PlacePrecision.SETTLEMENT: 1,
    PlacePrecision.NEAR: 2,
    PlacePrecision.DISTRICT: 3,
    PlacePrecision.GOVERNORATE: 4,
    PlacePrecision.COUNTRY: 5,
    PlacePrecision.REGION: 6,
    # A name the gazetteer does not know is most often a village: compared by name like a town, without coordinates.
    PlacePrecision.UNRESOLVED: 2,
}
NO_PLACE = 7
COARSE = 3
COUNTRY_LEVEL = 5

#: Date precisions that state when an event happened; ``period`` ("since 2014", "before publication") does not.
EXPLICIT_DATES = frozenset({DatePrecision.DAY, DatePrecision.DAYS, DatePrecision.WEEK, DatePrecision.MONTH})

_EPOCH = date(1970, 1, 1)
_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_MINHASH_SLOTS = 8


def day_number(d: date) -> int:
    """Days since 1970-01-01: dates as integers that every SQL dialect compares alike."""
    return (d - _EPOCH).days


def name_key(name: str | None) -> str | None:
    """The folded match key of a place name, or ``None`` when nothing is left of it."""
    if not name:
        return None
    k = fold_key(name)
    return k or None


def place_names(place: Place | None) -> tuple[str, ...]:
    """Folded keys a claim's place goes by: the resolved name and the mention, in that order."""
    if place is None:
        return ()
    keys = [k for k in (name_key(place.name), name_key(place.mention)) if k]
    return tuple(dict.fromkeys(keys))


def place_areas(claim: Claim) -> tuple[str, ...]:
    """Folded keys of the areas around a claim's place: district, governorate, and the town it is "near"."""
    place = claim.place
    if place is None:
        return ()
    keys = [name_key(place.admin2), name_key(place.admin1)]
    for other in claim.places:
        if other.relation != "in" or place.relation != "in":
            keys.extend((name_key(other.name), name_key(other.mention)))
    own = set(place_names(place))
    return tuple(k for k in dict.fromkeys(keys) if k and k not in own)


def place_rank(place: Place | None) -> int:
    """Precision rank of a place (see :data:`PRECISION_RANK`); no place at all ranks :data:`NO_PLACE`."""
    if place is None:
        return NO_PLACE
    return PRECISION_RANK.get(place.precision, PRECISION_RANK[PlacePrecision.UNRESOLVED])


def explicit_interval(interval: DateInterval | None) -> tuple[int, int] | None:
    """The event's interval as day numbers, when the text stated one (not "before publication")."""
    if interval is None or interval.start is None or interval.precision not in EXPLICIT_DATES:
        return None
    end = interval.end or interval.start
    return day_number(interval.start), day_number(end)


def day_of_year(interval: DateInterval | None) -> int | None:
    """The day of the year (1-366, as in a leap year) of a claim stated to one day, with its year or without
    ("on Thursday 25 August" in an undated page): what two reports of one strike share when a year is missing."""
    if interval is None:
        return None
    if interval.month_day is not None:
        month, day = interval.month_day
    elif interval.start is not None and interval.precision is DatePrecision.DAY and (
        interval.end is None or (interval.end - interval.start).days <= 1
    ):
        month, day = interval.start.month, interval.start.day
    else:
        return None
    try:
        return date(2024, month, day).timetuple().tm_yday
    except ValueError:
        return None


#: claim date rules whose end is the day the report appeared: a captured post's own stamp, the date its address
#: carries (a page's date line is not one: it may be the day the page was captured)
REPORT_DAY_RULES = frozenset({"on_or_before_post_stamp", "on_or_before_url_date"})


def report_dates(claims: Iterable[Claim], documents: Iterable[Document]) -> dict[str, date]:
    """Each document's day of appearance, where known: its publication date, else the day its undated claims are
    bounded by (its post's stamp, its address's date). A document's dated claims then know it too.

    A captured post filed under the day it was archived (a publication date a year after the post's own stamp)
    appeared on its stamp's day, as extraction reads its "today" (:func:`civcas.extract.dates.captured_post_day`).
    """
    out = {d.id: captured_post_day(d.text, d.published) or d.published for d in documents if d.published is not None}
    for c in claims:
        if c.doc_id not in out and c.date is not None and c.date.rule in REPORT_DAY_RULES and c.date.end is not None:
            out[c.doc_id] = c.date.end
    return out


def latest_day(interval: DateInterval | None, published: date | None = None) -> int | None:
    """The last day a report can describe: its publication, else the end of an undated claim's "before" interval."""
    if published is not None:
        return day_number(published)
    if interval is None or interval.end is None or interval.start is not None:
        return None
    if interval.rule == "on_or_before_dateline":
        # a page's date line is often the day it was captured (a site's "today" bar), not when the report
        # appeared: a true bound for the event, too loose to say two reports appeared far apart
        return None
    return day_number(interval.end)


def figure_bounds(fig: Figure | None) -> tuple[int, int] | None:
    """``(low, high)`` of a figure for comparison, ``high`` = :data:`UNBOUNDED` when open-ended.

    Uses the bounds extraction set (``Figure.low``/``high``, the convention of
    docs/figures.md) and falls back to the stated value and qualifier.
    """
    if fig is None:
        return None
    if fig.low is not None or fig.high is not None:
        low, high = fig.low or 0, fig.high
    elif fig.value is None:
        return None
    elif fig.qualifier is Qualifier.AT_LEAST:
        low, high = fig.value, None
    elif fig.qualifier is Qualifier.MORE_THAN:
        low, high = fig.value + 1, None
    elif fig.qualifier is Qualifier.UP_TO:
        low, high = 0, fig.value
    elif fig.qualifier is Qualifier.RANGE and fig.max is not None:
        low, high = fig.value, fig.max
    else:
        low, high = fig.value, fig.value
    return low, UNBOUNDED if high is None else max(high, low)


def quote_words(text: str, stopwords: frozenset[str] = frozenset()) -> frozenset[str]:
    """Content words of a quote (lower case, three letters or more, ``stopwords`` dropped)."""
    return frozenset(w for w in (m.group(0).casefold() for m in _WORD.finditer(text)) if w not in stopwords)


@functools.lru_cache(maxsize=500_000)
def _word_hashes(word: str) -> tuple[int, ...]:
    """Eight independent 31-bit hashes of a word: the slices of one BLAKE2b digest (stable across runs)."""
    digest = hashlib.blake2b(word.encode("utf-8"), digest_size=4 * _MINHASH_SLOTS, person=b"civcas-minhash").digest()
    return tuple(int.from_bytes(digest[4 * k : 4 * k + 4], "big") & 0x7FFFFFFF for k in range(_MINHASH_SLOTS))


def minhash(words: Iterable[str]) -> tuple[int, ...] | None:
    """A MinHash signature of a word set; equal slots estimate Jaccard similarity (Broder 1997).

    Each slot is the minimum of one of eight hash functions over the words;
    values are 31-bit so every SQL engine holds them in an INTEGER.
    """
    hashes = [_word_hashes(w) for w in words]
    if len(hashes) < 3:
        return None
    return tuple(min(h[k] for h in hashes) for k in range(_MINHASH_SLOTS))


class Belligerents:
    """Bit masks for belligerent sets and the families reports confuse with each other (plus quote stopwords).

    ``families`` maps a canonical belligerent to its family ("US" -> "coalition"); a
    family shares one bit, so "coalition" and "France" meet in the family mask while
    "Russia" and "coalition" do not.
    """

    def __init__(
        self,
        canonical: Iterable[str],
        families: Mapping[str, str],
        ignore: Iterable[str],
        stopwords: Iterable[str] = (),
        *,
        weapon_families: Mapping[str, str] | None = None,
    ) -> None:
        self.bit = {name: 1 << i for i, name in enumerate(canonical)}
        self.families = dict(families)
        self.ignore = frozenset(ignore)
        self.stopwords = frozenset(stopwords)
        self.weapon_family = dict(weapon_families or {})
        self.weapon_bit = {name: 1 << i for i, name in enumerate(sorted(self.weapon_family))}
        self.weapon_family_bit = {name: 1 << i for i, name in enumerate(sorted(set(self.weapon_family.values())))}

    def weapon_masks(self, names: Iterable[str]) -> tuple[int, int]:
        """``(specific, family)`` masks of the weapons named; weapons the spec does not list are ignored."""
        spec = fam = 0
        for name in names:
            if name in self.weapon_bit:
                spec |= self.weapon_bit[name]
                fam |= self.weapon_family_bit[self.weapon_family[name]]
        return spec, fam

    def masks(self, names: Iterable[str]) -> tuple[int, int]:
        """``(specific, family)`` masks; unknown or ignored names count as no information."""
        spec = fam = 0
        for name in names:
            if name in self.ignore:
                continue
            bit = self.bit.get(name) or self.bit.get("other", 0)
            spec |= bit
            fam |= self.bit.get(self.families.get(name, name), bit)
        return spec, fam


def row(claim: Claim, belligerents: Belligerents, published: date | None = None) -> dict[str, Any]:
    """The comparison record of one incident claim (see ``data/link/comparisons.v1.yaml`` for columns).

    ``published`` is the claim's document's publication date, when known.
    """
    place = claim.place
    names = place_names(place)
    areas = place_areas(claim)
    rank = place_rank(place)
    interval = explicit_interval(claim.date)
    killed = figure_bounds(claim.killed)
    injured = figure_bounds(claim.injured)
    spec, fam = belligerents.masks(claim.belligerents)
    wspec, wfam = belligerents.weapon_masks(claim.weapons)
    sig = minhash(quote_words(claim.quote, belligerents.stopwords))
    a1 = name_key(place.admin1) if place else None
    a2 = name_key(place.admin2) if place else None
    out: dict[str, Any] = {
        "claim_id": claim.id,
        "doc_id": claim.doc_id,
        "country": (place.country or None) if place else None,
        "n1": names[0] if names else None,
        "n2": names[1] if len(names) > 1 else (names[0] if names else None),
        "a1": a1,
        "a2": a2,
        "a3": next((a for a in areas if a not in (a1, a2)), None),
        "prec": rank,
        "lat": place.lat if place and place.lat is not None and rank < COUNTRY_LEVEL else None,
        "lon": place.lon if place and place.lon is not None and rank < COUNTRY_LEVEL else None,
        "d0": interval[0] if interval else None,
        "d1": interval[1] if interval else None,
        "dmax": (dmax := latest_day(claim.date, published)),
        "md": day_of_year(claim.date),
        "wk": interval[0] // 14 if interval else None,
        "wk2": (interval[0] + 7) // 14 if interval else None,
        "rd": dmax // 6 if dmax is not None else None,
        "rd2": (dmax + 3) // 6 if dmax is not None else None,
        "bs": spec or None,
        "bf": fam or None,
        "k_lo": killed[0] if killed else None,
        "k_hi": killed[1] if killed else None,
        "j_lo": injured[0] if injured else None,
        "j_hi": injured[1] if injured else None,
        "ws": wspec or None,
        "wf": wfam or None,
    }
    for i in range(_MINHASH_SLOTS):
        out[f"h{i}"] = sig[i] if sig else None
    return out


#: Column types of the comparison table: strings and floats by name, everything else a 64-bit integer.
STRING_COLUMNS = frozenset(
    {"claim_id", "doc_id", "country", "n1", "n2", "a1", "a2", "a3", "bn1", "bn2", "ba1", "ba2", "ba3"}
)
FLOAT_COLUMNS = frozenset({"lat", "lon"})
#: Columns kept as Python lists until the block keys exist: the place names they refine and the claim ids
#: (both strings the claims and the fold cache already hold, so a list costs only its pointers).
_KEPT_AS_LISTS = frozenset({"n1", "n2", "a1", "a2", "a3", "claim_id"})
_CHUNK = 65_536


def arrow_type(name: str) -> pa.DataType:
    """The Arrow type of a comparison column."""
    if name in STRING_COLUMNS:
        return pa.string()
    return pa.float64() if name in FLOAT_COLUMNS else pa.int64()


def columns(
    claims: Sequence[Claim],
    belligerents: Belligerents,
    published: Mapping[str, date | None] | None = None,
    *,
    cap: int | None = None,
) -> dict[str, Any]:
    """Comparison records of ``claims`` as columns, ``unique_id`` = the claim's index in ``claims``.

    Built column by column so a million claims never exist as a million
    dicts, and turned into Arrow arrays every 65,536 claims, so their Python
    values never pile up either; only the place names and ids (shared
    strings) stay lists until the block keys exist. ``cap`` refines the
    block keys (:func:`add_block_keys`) for busy places. ``claim_id`` is a
    list, every other column an Arrow chunked array (the place names and
    block keys dictionary-encoded).
    """
    published = published or {}
    cols: dict[str, list[Any]] = {}
    done: dict[str, list[pa.Array]] = {}

    def flush() -> None:
        for k, values in cols.items():
            if k not in _KEPT_AS_LISTS and values:
                done.setdefault(k, []).append(pa.array(values, type=arrow_type(k)))
                cols[k] = []

    for i, claim in enumerate(claims):
        r = row(claim, belligerents, published.get(claim.doc_id))
        if not cols:
            cols = {"unique_id": [], **{k: [] for k in r}}
        cols["unique_id"].append(i)
        for k, v in r.items():
            cols[k].append(v)
        if (i + 1) % _CHUNK == 0:
            flush()
    if not cols:
        return {}
    flush()
    out: dict[str, Any] = {k: pa.chunked_array(done.pop(k), type=arrow_type(k)) for k in list(cols) if k in done}
    out.update((k, cols[k]) for k in _KEPT_AS_LISTS)
    add_block_keys(out, cap=cap if cap is not None else len(claims) + 1)
    for k in (*BLOCK_COLUMNS, *(f"b{c}" for c in BLOCK_COLUMNS)):
        # Dictionary-encoded: a place is named by many claims (SQL reads the column as plain strings).
        out[k] = pa.chunked_array([pa.array(out[k], type=pa.string()).dictionary_encode()])
    # The column order of row(), then the block keys: the order Splink and the SQL see.
    return {k: out.pop(k) for k in [*cols, *(f"b{c}" for c in BLOCK_COLUMNS)]}


#: Columns whose values blocking rules join on; their block keys are ``b<column>``.
BLOCK_COLUMNS = ("n1", "n2", "a1", "a2", "a3")
#: A refinement value for "not stated" (months, masks, buckets and hash slots are never this low).
_UNSTATED = -(2**63)


def _values(column: Sequence[Any] | pa.ChunkedArray) -> Iterator[Any]:
    """A column's Python values, one Arrow chunk at a time (never the whole column as Python objects)."""
    if isinstance(column, pa.ChunkedArray):
        for chunk in column.chunks:
            yield from chunk.to_pylist()
    else:
        yield from column


def _refinement_columns(cols: Mapping[str, Any]) -> list[array]:  # type: ignore[type-arg]
    """Per claim, what a busy value is split by, in order: month, belligerent family, killed bucket, quote slot.

    Compact integer arrays (:data:`_UNSTATED` for "not stated"), so the
    split needs no Python object per claim.
    """
    month, fam, fig, quote = (array("q") for _ in range(4))
    rows = zip(*(_values(cols[k]) for k in ("d0", "dmax", "bf", "k_lo", "h0")), strict=True)
    for d0, dmax, bf, k, h in rows:
        day = d0 if d0 is not None else dmax
        month.append(_UNSTATED if day is None else day // 30)
        fam.append(_UNSTATED if bf is None else bf)
        fig.append(_UNSTATED if k is None else int(math.log(k + 1, 1.5)))
        quote.append(_UNSTATED if h is None else h % 32)
    return [month, fam, fig, quote]


#: How each refinement writes "not stated" in a block key.
_UNSTATED_LABELS = ("u", "n", "n", "n")


def add_block_keys(cols: dict[str, Any], *, cap: int) -> int:
    """Add ``b<column>`` block keys: the value itself, refined where it would make a block over ``cap`` claims.

    A place named by more than ``cap`` claims (a busy city over years of
    reporting) is split by month, then by belligerent family, then by
    killed-figure bucket, then by a MinHash slot of the quote, until each
    part is within ``cap``. The split of a value is the same in every
    column, so cross-column rules ("a town and the district named after
    it") still meet. The place columns are lists; ``d0``, ``dmax``, ``bf``,
    ``k_lo`` and ``h0`` lists or Arrow arrays. Returns how many values were split.
    """
    for col in BLOCK_COLUMNS:
        cols["b" + col] = list(cols[col])
    n = len(cols[BLOCK_COLUMNS[0]])
    if n <= cap:
        return 0
    named = [cols[col] for col in BLOCK_COLUMNS]
    # How many claims name each value (in any column), then the claims of the busy ones only.
    held: Counter[str] = Counter()
    for values in zip(*named, strict=True):
        held.update({v for v in values if v is not None})
    busy = {v: array("i") for v, k in held.items() if k > cap}
    del held
    if not busy:
        return 0
    for i, values in enumerate(zip(*named, strict=True)):
        for v in {v for v in values if v in busy}:
            busy[v].append(i)
    parts = _refinement_columns(cols)
    for value, idx in busy.items():
        for members, key in _refine(value, idx, parts, cap, 0):
            for col in BLOCK_COLUMNS:
                own, block = cols[col], cols["b" + col]
                for i in members:
                    if own[i] == value:
                        block[i] = key
    return len(busy)


def _refine(
    key: str,
    idx: array,  # type: ignore[type-arg]
    parts: Sequence[array],  # type: ignore[type-arg]
    cap: int,
    level: int,
) -> Iterator[tuple[array, str]]:  # type: ignore[type-arg]
    """The claims ``idx`` of a block ``key`` split into parts of at most ``cap`` (while refinements remain)."""
    if len(idx) <= cap or level == len(parts):
        yield idx, key
        return
    split: dict[int, array] = {}  # type: ignore[type-arg]
    column = parts[level]
    for i in idx:
        v = column[i]
        got = split.get(v)
        if got is None:
            got = split[v] = array("i")
        got.append(i)
    for v, members in split.items():
        yield from _refine(f"{key}|{_UNSTATED_LABELS[level] if v == _UNSTATED else v}", members, parts, cap, level + 1)
