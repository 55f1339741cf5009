"""One entry per place: the merge of a name's candidates that the stored candidate table precomputes.

Shared by the run-time gazetteer (:mod:`civcas.gazetteer.core`) and the
table builder (:mod:`civcas.gazetteer.table`), so both merge alike.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from civcas.gazetteer import fold
from civcas.gazetteer.schema import NAME_SEP
from civcas.records import GazetteerEntry


def merge_names(a: GazetteerEntry, b: GazetteerEntry) -> tuple[str, ...]:
    """``b``'s names, then ``a``'s not among them: the names of a merged twin."""
    return tuple(dict.fromkeys((*b.names, *a.names)))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def dedupe(entries: Iterable[GazetteerEntry]) -> list[GazetteerEntry]:
    """One entry per place: a loaded layer's copy wins over the bundled copy of the same place.

    Two entries of one kind and country within 3 km (admin areas of the
    same name within 60 km, whose centroids differ by method; any two of the
    same name within 15 km) are one place: Who's On First repeats
    some GeoNames places, and every loaded locality also sits in the bundled
    ``cities500``. The kept entry takes the larger population, so a WOF
    town keeps the size the bundled copy knew.

    Twins are looked for in a grid of cells one reach wide, one grid per kind and country; the first entry of
    its group looks in none (a first lookup merges ~30,000 entries, most of which have no twin).
    """
    unique: dict[str, GazetteerEntry] = {}
    for e in entries:
        unique.setdefault(e.id, e)
    if len(unique) < 2:
        return list(unique.values())
    ordered = sorted(unique.values(), key=_is_bundled)
    # only entries of one kind and country can be twins: an entry alone in its group is kept as it is
    groups = Counter([(e.kind, e.country) for e in ordered])
    kept: list[GazetteerEntry] = []
    # per (kind, country): cell -> positions in ``kept`` of the entries placed there, in the order kept
    grids: dict[tuple[str, str | None], dict[tuple[int, int], list[int]]] = {}
    for e in ordered:
        group = (e.kind, e.country)
        if groups[group] == 1:
            kept.append(e)
            continue
        if e.kind == "country":
            twin_country = next((n for n, o in enumerate(kept) if o.kind == "country" and o.country == e.country), None)
            if twin_country is None:
                kept.append(e)
            else:
                o = kept[twin_country]
                kept[twin_country] = replace(o, population=max(o.population, e.population))
            continue
        area = e.kind in ("region", "county")
        limit = 60.0 if area else 3.0
        reach = max(limit, 15.0)
        cell = reach / 111.0
        ci, cj = int(e.lat // cell), int(e.lon // (2 * cell))
        twin = None
        grid = grids.get(group)
        if grid is None:
            grid = grids[group] = {}
        else:
            e_key: str | None = None
            for di in (-1, 0, 1):
                for dj in (-1, 0, 1):
                    for n in grid.get((ci + di, cj + dj), ()):
                        o = kept[n]
                        d = distance_km(o.lat, o.lon, e.lat, e.lon)
                        if d >= reach:
                            continue
                        if d < limit and not area:
                            twin = n
                            break
                        # an admin area within 60 km, or any place within 15 km, of the same name
                        if e_key is None:
                            e_key = fold.key(e.name)
                        if fold.key(o.name) == e_key:
                            twin = n
                            break
                    if twin is not None:
                        break
                if twin is not None:
                    break
        if twin is None:
            grid.setdefault((ci, cj), []).append(len(kept))
            kept.append(e)
            continue
        o = kept[twin]
        if e.population > o.population and e.kind == "locality":
            # a town GeoNames counts people for: its point is the town centre (WOF's may be an area's centroid)
            kept[twin] = replace(e, admin1=e.admin1 or o.admin1, admin2=e.admin2 or o.admin2, names=merge_names(o, e))
        elif o.admin1 is None and e.admin1:
            kept[twin] = replace(o, admin1=e.admin1, admin2=o.admin2 or e.admin2)
    return kept


def _is_bundled(e: GazetteerEntry) -> bool:
    return e.source.endswith(":bundled")


#: The ``places`` columns an entry is made of, in the order :func:`entry_from_row` reads them.
PLACE_COLUMNS = "id, name, lat, lon, country, kind, admin1, admin2, population, names, source, layer"


def entry_from_row(r: Sequence[Any], label: str) -> GazetteerEntry:
    """A ``places`` row (:data:`PLACE_COLUMNS`) of the database ``label`` (``bundled``/``loaded``) as an entry."""
    return GazetteerEntry(
        id=r[0], name=r[1], lat=r[2], lon=r[3], country=r[4], kind=r[5], admin1=r[6], admin2=r[7],
        population=r[8] or 0, names=tuple(r[9].split(NAME_SEP)), source=f"{r[10] or 'geonames'}:{r[11] or label}",
    )
