"""Score candidate pairs of claims with Splink (DuckDB in memory; Spark through the same settings).

Splink generates the pairs from the spec's blocking rules, evaluates every
comparison level as SQL and sums the trained match weights. The result is a
:class:`PairTable`: compact arrays (claim indexes, weight, the level each
comparison reached packed into one integer), so a million claims' pairs fit
in memory, and each pair can still be explained without Splink.

An in-memory DuckDB connection is a compute engine here, not a store:
nothing is written anywhere, and it is closed when scoring ends.
"""

from __future__ import annotations

import bisect
import gc
import itertools
import logging
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from civcas.link.features import arrow_type
from civcas.link.model import LinkModel

log = logging.getLogger(__name__)

#: DuckDB's working-memory limit while scoring; larger work spills to disk.
_MEMORY_LIMIT = "512MB"
#: Above this many claims, scoring runs per partition of governorates (bounded memory; see docs/linking.md).
_PARTITION_ROWS = 200_000
#: A partition of more claims is scored in 2 x 2 chunks of their ids (Splink's ``predict_chunk``): the same pairs,
#: about 180 MB less at the peak for a partition of 375,000 claims, for a few seconds more.
_CHUNK_ROWS = 250_000
#: Gamma values (-1..14) packed four bits per comparison.
_BITS = 4


@dataclass(frozen=True, slots=True)
class ScoredPair:
    """Two claims, their match weight (prior included) and the level each comparison reached."""

    a: str
    b: str
    weight: float
    gammas: tuple[int, ...]

    @property
    def probability(self) -> float:
        return float(1.0 / (1.0 + 2.0 ** (-self.weight)))


def unpack(code: int, n: int) -> tuple[int, ...]:
    """The gamma values packed by :meth:`LinkModel.gamma_sql` (first comparison in the lowest bits)."""
    return tuple(((code >> (_BITS * k)) & 0xF) - 1 for k in range(n))


def _ints(column: pa.ChunkedArray, typecode: str) -> array:  # type: ignore[type-arg]
    out: array = array(typecode)  # type: ignore[type-arg]
    for chunk in column.chunks:
        if len(chunk) == 0:
            continue
        width = out.itemsize
        buf = chunk.buffers()[1]
        assert buf is not None
        out.frombytes(memoryview(buf)[chunk.offset * width : (chunk.offset + len(chunk)) * width])
    return out


def _partitions(table: pa.Table) -> list[pa.Array]:
    """Row numbers grouped by governorate (``a1``), packed into partitions of about ``_PARTITION_ROWS`` claims.

    Every blocking rule that pairs two resolved places pairs places of one
    governorate (a town and its district or governorate share it), so
    pairs across partitions are only same-named towns of two governorates
    and copies placed in different governorates: those are not scored in
    a partitioned run. Computed with Arrow kernels, so a million claims'
    governorates never become Python strings; each partition's row
    numbers are ascending.
    """
    area = table.column("a1")
    if pa.types.is_dictionary(area.type):
        area = area.cast(area.type.value_type)
    counts = pc.value_counts(area)
    sizes = sorted(
        zip(counts.field("values").to_pylist(), counts.field("counts").to_pylist(), strict=True),
        key=lambda kv: (-kv[1], str(kv[0])),
    )
    groups: list[list[str | None]] = []
    current: list[str | None] = []
    filled = 0
    for value, size in sizes:
        if current and filled + size > _PARTITION_ROWS:
            groups.append(current)
            current, filled = [], 0
        current.append(value)
        filled += size
    if current:
        groups.append(current)
    return [
        pc.indices_nonzero(pc.is_in(area, value_set=pa.array(values, type=area.type), skip_nulls=False))
        for values in groups
    ]


def _fetch(con: Any, sql: str, typecodes: str) -> list[array]:  # type: ignore[type-arg]
    """A query's columns as compact arrays, read in batches (never the whole result as Arrow and arrays at once)."""
    out: list[array] = [array(t) for t in typecodes]  # type: ignore[type-arg]
    for batch in con.sql(sql).to_arrow_reader(1 << 20):
        for arr, column in zip(out, batch.columns, strict=True):
            arr.extend(_ints(pa.chunked_array([column]), arr.typecode))
    return out


@dataclass(frozen=True, slots=True, eq=False)
class PairTable:
    """Scored pairs over claims ``ids`` (index order = id order), strongest first, with a neighbour index.

    ``a``/``b`` are claim indexes (``a < b``), ``w`` the match weight, ``g`` the packed gammas;
    ``offsets``/``nbr``/``nbr_w``/``nbr_g`` list every claim's scored neighbours (sorted), weights and gammas.
    """

    ids: tuple[str, ...]
    n_comparisons: int
    a: array  # type: ignore[type-arg]
    b: array  # type: ignore[type-arg]
    w: array  # type: ignore[type-arg]
    g: array  # type: ignore[type-arg]
    offsets: array  # type: ignore[type-arg]
    nbr: array  # type: ignore[type-arg]
    nbr_w: array  # type: ignore[type-arg]
    nbr_g: array  # type: ignore[type-arg]

    def __len__(self) -> int:
        return len(self.a)

    @classmethod
    def empty(cls, ids: Sequence[str], n_comparisons: int) -> PairTable:
        return cls(
            tuple(ids),
            n_comparisons,
            array("i"),
            array("i"),
            array("f"),
            array("q"),
            array("q", [0] * (len(ids) + 1)),
            array("i"),
            array("f"),
            array("q"),
        )

    def weight(self, i: int, j: int) -> float | None:
        """The weight of the pair (i, j), ``None`` when it was not scored (not blocked together, or below the floor)."""
        lo, hi = self.offsets[i], self.offsets[i + 1]
        k = bisect.bisect_left(self.nbr, j, lo, hi)
        return self.nbr_w[k] if k < hi and self.nbr[k] == j else None

    def neighbours(self, i: int) -> Iterator[tuple[int, float]]:
        for k in range(self.offsets[i], self.offsets[i + 1]):
            yield self.nbr[k], self.nbr_w[k]

    def neighbour_codes(self, i: int) -> Iterator[tuple[int, float, int]]:
        """Neighbours with their weights and packed gammas."""
        for k in range(self.offsets[i], self.offsets[i + 1]):
            yield self.nbr[k], self.nbr_w[k], self.nbr_g[k]

    def edges(self, threshold: float) -> Iterator[tuple[int, int, float]]:
        """Pairs at or above ``threshold``, strongest first (ties by claim id)."""
        for k in range(len(self.a)):
            if self.w[k] < threshold:
                break
            yield self.a[k], self.b[k], self.w[k]

    def pair(self, k: int) -> ScoredPair:
        return ScoredPair(self.ids[self.a[k]], self.ids[self.b[k]], self.w[k], unpack(self.g[k], self.n_comparisons))

    def pairs(self) -> list[ScoredPair]:
        """Every pair as a :class:`ScoredPair` (for small inputs and tests), in claim-id order."""
        return sorted((self.pair(k) for k in range(len(self.a))), key=lambda p: (p.a, p.b))


def arrow_table(rows: Sequence[dict[str, Any]] | dict[str, Any]) -> pa.Table:
    """Comparison records (a list of rows or a dict of columns) as an Arrow table with fixed column types.

    Column values may be lists or Arrow arrays. A dict of columns is emptied
    as it is converted (it is usually the only copy of a large batch).
    """
    columns = rows if isinstance(rows, dict) else {k: [r[k] for r in rows] for k in (rows[0] if rows else {})}
    if not columns:
        raise ValueError("arrow_table: no rows")
    arrays, fields = [], []
    for name in list(columns):
        # Convert and forget column by column: a million claims' lists never coexist with their Arrow copy.
        values = columns.pop(name) if isinstance(rows, dict) and rows is columns else columns[name]
        kind = arrow_type(name)
        if name == "unique_id" and isinstance(values, list) and values and isinstance(values[0], str):
            kind = pa.string()
        if isinstance(values, pa.ChunkedArray | pa.Array):
            if pa.types.is_dictionary(values.type) and values.type.value_type == kind:
                kind = values.type  # dictionary-encoded strings stay so (SQL reads them as strings)
            arrays.append(values.cast(kind) if values.type != kind else values)
        else:
            arrays.append(pa.array(values, type=kind))
        fields.append(pa.field(name, kind))
        del values
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def score_pairs(
    records: Sequence[dict[str, Any]] | dict[str, list[Any]] | pa.Table,
    model: LinkModel,
    *,
    ids: Sequence[str] | None = None,
    floor: float | None = None,
    only_with: set[int] | None = None,
    all_pairs: bool = False,
    where: str | None = None,
) -> PairTable:
    """Score every blocked pair of ``records``; pairs below ``floor`` (a match weight) are dropped.

    ``records`` (rows, columns or an Arrow table, :func:`civcas.link.features.columns`)
    carry ``unique_id`` = the claim's index (0..n-1, in claim-id order) and,
    unless ``ids`` is given, ``claim_id``; ``only_with`` keeps pairs with at
    least one of these indexes (new claims against stored ones);
    ``all_pairs`` scores every cross-document pair; ``where`` is one more
    condition on the pairs (``l.<column>``/``r.<column>``, for training).

    Example:
        >>> from civcas.link.model import default_model
        >>> len(score_pairs([], default_model()))
        0
    """
    names = [c.id for c in model.spec.comparisons]
    if isinstance(records, pa.Table):
        table = records
    else:
        # A dict of columns is converted (and emptied) in place: at scale it is the only copy of the batch.
        cols = (
            records
            if isinstance(records, dict)
            else ({k: [r[k] for r in records] for k in records[0]} if records else {})
        )
        if not cols:
            return PairTable.empty(ids or (), len(names))
        if "claim_id" in cols:
            found = cols.pop("claim_id")
            ids = ids if ids is not None else found
        table = arrow_table(cols)
    if ids is None:
        raise ValueError("score_pairs: no claim ids; give ids= or a claim_id column")
    ids = tuple(ids)
    n = len(ids)
    if n < 2 or len(table.column("doc_id").unique()) < 2:
        return PairTable.empty(ids, n_comparisons=len(names))
    import duckdb
    from splink import DuckDBAPI, Linker

    extra = where
    if only_with is not None:
        table = table.append_column("fresh", pa.array([int(i in only_with) for i in range(n)], type=pa.int64()))
        extra = "l.fresh + r.fresh > 0" + (f" and ({where})" if where else "")
    compared = [c for c in table.column_names if c not in ("unique_id", "doc_id", "fresh")]
    # Bounded memory: DuckDB spills to a temporary directory beyond the limit instead of growing with the pairs.
    con = duckdb.connect(config={"memory_limit": _MEMORY_LIMIT, "preserve_insertion_order": False})
    try:
        db_api = DuckDBAPI(connection=con)
        settings = model.splink_settings(extra_condition=extra, all_pairs=all_pairs)
        sides = ", ".join(f"l.{c} AS {c}_l, r.{c} AS {c}_r" for c in compared)
        # The partitions are copies: once they are taken, the whole table is not needed (and not kept).
        parts: list[pa.Table | None] = (
            [table.take(rows) for rows in _partitions(table)] if n > _PARTITION_ROWS else [table]
        )
        del table
        # Arrow's allocator keeps freed memory for reuse; DuckDB cannot reuse it, so hand it back to the system.
        pa.default_memory_pool().release_unused()
        gamma = model.gamma_sql()
        created = False
        for k in range(len(parts)):
            part, parts[k] = parts[k], None
            assert part is not None
            chunks = 2 if part.num_rows > _CHUNK_ROWS else 1
            sdf = db_api.register(part, dataset_display_name=f"claims_{k}")
            del part
            linker = Linker(sdf, settings, log_level=None)
            for left, right in itertools.product(range(1, chunks + 1), repeat=2):
                # Each pair's two ids fall in one (left, right) chunk: the chunks' pairs are the partition's pairs.
                pred = (
                    linker.inference.predict(threshold_match_weight=floor, warning_mode="never")
                    if chunks == 1
                    else linker.inference.predict_chunk(
                        left_chunk=(left, chunks),
                        right_chunk=(right, chunks),
                        threshold_match_weight=floor,
                        warning_mode="never",
                    )
                )
                con.execute(
                    ("INSERT INTO civcas_pairs " if created else "CREATE TABLE civcas_pairs AS ")
                    + f"SELECT a, b, w, CAST({gamma} AS BIGINT) AS g FROM ("
                    "SELECT CAST(p.unique_id_l AS BIGINT) AS a, CAST(p.unique_id_r AS BIGINT) AS b, "
                    f"CAST(p.match_weight AS DOUBLE) AS w, {sides} FROM {pred.physical_name} p "
                    f"JOIN {sdf.physical_name} l ON l.unique_id = p.unique_id_l "
                    f"JOIN {sdf.physical_name} r ON r.unique_id = p.unique_id_r "
                    "WHERE NOT isnan(p.match_weight))"
                )
                created = True
                pred.drop_table_from_database_and_remove_from_cache()
                del pred
            db_api.delete_tables_created_by_splink_from_db()  # type: ignore[no-untyped-call]
            con.unregister(sdf.physical_name)  # the input is a view over the Arrow table
            # Splink's linker and data frames hold each other (reference cycles): free them, and the Arrow
            # partition they view, now rather than when the collector next runs.
            del linker, sdf
            gc.collect()
            pa.default_memory_pool().release_unused()
            if len(parts) > 1:
                log.info("scored partition %d of %d", k + 1, len(parts))
        a, b, w, g = _fetch(
            con,
            "SELECT CAST(least(a, b) AS INTEGER) AS a, CAST(greatest(a, b) AS INTEGER) AS b, CAST(w AS FLOAT) AS w, "
            "g FROM civcas_pairs ORDER BY w DESC, a, b",
            "iifq",
        )
        nbr, nbr_w, nbr_g = _fetch(
            con,
            "SELECT CAST(y AS INTEGER) AS y, CAST(w AS FLOAT) AS w, g FROM ("
            "SELECT a AS x, b AS y, w, g FROM civcas_pairs UNION ALL SELECT b AS x, a AS y, w, g FROM civcas_pairs) "
            "ORDER BY x, y",
            "ifq",
        )
        x, degree = _fetch(
            con,
            "SELECT CAST(x AS INTEGER) AS x, count(*) AS k FROM ("
            "SELECT a AS x FROM civcas_pairs UNION ALL SELECT b AS x FROM civcas_pairs) GROUP BY x",
            "iq",
        )
    finally:
        con.close()
    counts = array("q", bytes(8 * (n + 1)))
    for i, k in zip(x, degree, strict=True):
        counts[i + 1] = k
    del x, degree
    for i in range(n):
        counts[i + 1] += counts[i]
    log.debug("scored %d pairs of %d claims", len(a), n)
    return PairTable(ids, len(names), a, b, w, g, counts, nbr, nbr_w, nbr_g)
