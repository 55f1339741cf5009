"""Gazetteer benchmark: load time, spot and spot+resolve throughput on the dev texts, peak memory.

Reads the dev documents from ``../shared/eval/dev`` at run time. Uses the
layers loaded into ``CIVCAS_HOME`` (run ``make gazetteer`` first to measure
bundled + loaded; point ``CIVCAS_HOME`` at an empty folder for bundled only).

    .venv/bin/python benchmarks/bench_gazetteer.py [--limit N]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev"
SETS = ("airwars_en", "pitf", "airwars_ar")


def _cold_load_seconds() -> float:
    """Import + load in a fresh interpreter, as `civcas claims` pays it."""
    code = (
        "import time; t=time.perf_counter(); from civcas import gazetteer; g=gazetteer.load(); "
        "g.lookup('Raqqa'); print(time.perf_counter()-t)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=0, help="Documents per set (0 = all).")
    args = parser.parse_args()
    if not DEV.exists():
        print(f"bench_gazetteer: {DEV} not present; nothing to measure")
        return
    from civcas import gazetteer
    from civcas.records import PlaceMention, Span

    cold = [_cold_load_seconds() for _ in range(3)]
    t0 = time.perf_counter()
    g = gazetteer.load()
    first = time.perf_counter() - t0
    gazetteer.clear_cache()
    t0 = time.perf_counter()
    g = gazetteer.load()
    warm = time.perf_counter() - t0
    print(f"layers: {g.stats()}")
    print(f"load: fresh process (import + open + first lookup) {min(cold):.3f}-{max(cold):.3f} s; "
          f"in-process open {first * 1000:.1f} ms, re-open {warm * 1000:.1f} ms")
    for name in SETS:
        path = DEV / f"{name}.docs.jsonl"
        if not path.exists():
            continue
        docs = [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
        if args.limit:
            docs = docs[: args.limit]
        chars = sum(len(d) for d in docs)
        t0 = time.perf_counter()
        spots = [g.spot(d) for d in docs]
        t_spot = time.perf_counter() - t0
        t0 = time.perf_counter()
        spots = [g.spot(d) for d in docs]
        t_spot_warm = time.perf_counter() - t0
        # spot reads and ranks a name's candidates only when asked: what likely_country and callers pay
        t0 = time.perf_counter()
        n_cands = sum(len(s.candidates) for doc_spots in spots for s in doc_spots)
        t_rank = time.perf_counter() - t0
        t0 = time.perf_counter()
        resolved = 0
        for text, doc_spots in zip(docs, spots, strict=True):
            codes = Counter(cc for _s, _e, cc in g.countries_in(text))
            ctx = gazetteer.ResolveContext(country=codes.most_common(1)[0][0] if codes else None)
            for s in doc_spots:
                gazetteer.resolve(PlaceMention(s.text, Span(s.start, s.end, s.text)), gazetteer=g, context=ctx)
                resolved += 1
        t_resolve = time.perf_counter() - t0
        n = len(docs)
        print(
            f"{name}: {n} docs, {chars / n:.0f} chars/doc, {sum(len(s) for s in spots) / n:.1f} spots/doc; "
            f"spot cold {t_spot / n * 1000:.2f} ms/doc ({chars / t_spot / 1e3:.0f}k chars/s), "
            f"warm {t_spot_warm / n * 1000:.2f} ms/doc ({chars / t_spot_warm / 1e3:.0f}k chars/s); "
            f"reading and ranking their candidates {t_rank / n * 1000:.2f} ms/doc ({n_cands / n:.0f}/doc); "
            f"countries_in + resolve every spot {t_resolve / n * 1000:.2f} ms/doc ({resolved} resolved)"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS): {peak:.0f} MB")


if __name__ == "__main__":
    main()
