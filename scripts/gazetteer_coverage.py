# ruff: noqa: T201
"""Measure the gazetteer against the dev gold: coverage within 5 km and lookup accuracy, by country.

Reads ``../shared/eval/dev/{airwars_en,pitf}.gold.jsonl`` at run time (never
copied). Run once with an empty ``CIVCAS_HOME`` (bundled only) and once after
``civcas gazetteer load ../shared/gazetteer/*.tsv.gz`` (bundled + loaded):

    CIVCAS_HOME=$(mktemp -d) .venv/bin/python scripts/gazetteer_coverage.py
    .venv/bin/python scripts/gazetteer_coverage.py --json
"""

from __future__ import annotations

import argparse
import json
import math
import sqlite3
from collections import defaultdict
from pathlib import Path

from civcas import gazetteer
from civcas.gazetteer.core import distance_km
from civcas.records import PlaceMention, Span

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev"
ISO3 = {"NGA": "NG", "IRQ": "IQ", "SYR": "SY", "AFG": "AF", "SOM": "SO", "PAK": "PK", "YEM": "YE", "LBY": "LY",
        "SDN": "SD", "SSD": "SS", "CAF": "CF", "COD": "CD", "MLI": "ML", "CMR": "CM", "NER": "NE", "TCD": "TD",
        "KEN": "KE", "ETH": "ET", "EGY": "EG", "LBN": "LB", "PSE": "PS", "UKR": "UA", "MMR": "MM", "IND": "IN",
        "PHL": "PH", "BFA": "BF", "BDI": "BI", "MOZ": "MZ", "TUR": "TR", "ISR": "IL", "THA": "TH", "BGD": "BD",
        "MEX": "MX", "BRA": "BR", "CHN": "CN", "VEN": "VE", "HND": "HN", "COL": "CO", "RUS": "RU", "NPL": "NP",
        "UGA": "UG", "ZWE": "ZW", "GIN": "GN", "TZA": "TZ", "SYR ": "SY", "IRN": "IR", "SAU": "SA", "GTM": "GT"}


def _points(g: gazetteer.Gazetteer) -> dict[tuple[int, int], list[tuple[float, float]]]:
    grid: dict[tuple[int, int], list[tuple[float, float]]] = defaultdict(list)
    paths = [g.bundled_path] + ([g.home_file] if g.home_file and g.home_file.exists() else [])
    for path in paths:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        for lat, lon in conn.execute("SELECT lat, lon FROM places"):
            grid[(math.floor(lat * 10), math.floor(lon * 10))].append((lat, lon))
        conn.close()
    return grid


def _near(grid: dict[tuple[int, int], list[tuple[float, float]]], lat: float, lon: float, km: float) -> bool:
    ci, cj = math.floor(lat * 10), math.floor(lon * 10)
    return any(
        distance_km(lat, lon, a, b) <= km
        for di in (-1, 0, 1) for dj in (-1, 0, 1) for a, b in grid.get((ci + di, cj + dj), ())
    )


def _gold() -> list[tuple[str, str, float, float, list[str], tuple[str, ...]]]:
    """(set, country ISO2, lat, lon, names, enclosing areas) for every gold place with coordinates."""
    out = []
    seen = set()
    for line in (DEV / "airwars_en.gold.jsonl").open(encoding="utf-8"):
        for inc in json.loads(line)["incidents"]:
            if inc.get("lat") is None or inc["code"] in seen:
                continue
            seen.add(inc["code"])
            within = (inc["governorate"],) if inc.get("governorate") else ()
            out.append(("airwars_en", "SY", inc["lat"], inc["lon"], [n for n in inc["names"] if n], within))
    for line in (DEV / "pitf.gold.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        if d.get("lat") is None:
            continue
        names = [n for n in (d.get("locality"), d.get("district")) if n]
        within = tuple(n for n in (d.get("district"), d.get("region")) if n)
        out.append(("pitf", ISO3.get(d["country"], d["country"]), d["lat"], d["lon"], names, within))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    g = gazetteer.load()
    grid = _points(g)
    rows: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    for dataset, cc, lat, lon, names, within in _gold():
        r = rows[(dataset, cc)]
        r[0] += 1
        r[1] += _near(grid, lat, lon, 5.0)
        names = [n.removeprefix("near ").strip() for n in names]
        if not names:
            continue
        r[2] += 1
        per_name = [g.lookup(n) for n in names]
        r[3] += any(distance_km(lat, lon, e.lat, e.lon) <= 10 for cands in per_name for e in cands)
        first = next((c for c in per_name if c), [])
        r[4] += bool(first) and distance_km(lat, lon, first[0].lat, first[0].lon) <= 10
        name = next((n for n, c in zip(names, per_name, strict=True) if c), names[0])
        mention = PlaceMention(name, Span(0, len(name), name), within=within)
        place = gazetteer.resolve(mention, gazetteer=g, context=gazetteer.ResolveContext(country=cc))
        r[5] += place.lat is not None and distance_km(lat, lon, place.lat, place.lon) <= 10
    result = {
        "layers": g.stats(),
        "rows": [
            {"set": d, "country": c, "places": r[0], "within_5km": r[1], "coverage": round(r[1] / r[0], 3),
             "named": r[2], "lookup_any_10km": round(r[3] / max(r[2], 1), 3),
             "lookup_top_10km": round(r[4] / max(r[2], 1), 3),
             "resolved_10km": round(r[5] / max(r[2], 1), 3)}
            for (d, c), r in sorted(rows.items(), key=lambda kv: (kv[0][0], -kv[1][0]))
        ],
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"layers: {result['layers']}")
    print("| set | country | places | within 5 km | lookup: any ≤10 km | top ≤10 km "
          "| resolve(name, governorate, country) ≤10 km |")
    print("|---|---|---|---|---|---|---|")
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    for (d, c), r in sorted(rows.items(), key=lambda kv: (kv[0][0], -kv[1][0])):
        totals[d] = [a + b for a, b in zip(totals[d], r, strict=True)]
        if r[0] >= 5:
            n = max(r[2], 1)
            print(f"| {d} | {c} | {r[0]} | {r[1] / r[0]:.3f} | {r[3] / n:.3f} | {r[4] / n:.3f} | {r[5] / n:.3f} |")
    for d, r in totals.items():
        n = max(r[2], 1)
        print(f"| {d} | all | {r[0]} | {r[1] / r[0]:.3f} | {r[3] / n:.3f} | {r[4] / n:.3f} | {r[5] / n:.3f} |")


if __name__ == "__main__":
    main()
