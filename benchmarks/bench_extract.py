"""Extraction throughput on the dev texts, against the floor of merely tokenising them.

Prints documents/s, words/s and peak memory for: a regular-expression tokeniser (the floor),
extraction without a gazetteer, and extraction with the bundled and loaded gazetteers (what
``civcas claims`` runs), so the cost of geoparsing reads off the same run.

The first pass with the gazetteer runs after the bare passes in one process, so it pays the gazetteer's
start-up (its memos fill) but not extraction's own (rules read, patterns compiled). ``--fresh N`` also runs
each mode N times in a new process and times its one pass, start-up included: what a ``civcas claims`` run
costs with and without geoparsing.

    python benchmarks/bench_extract.py [--sets airwars_en pitf] [--repeat 3] [--fresh 3]
"""

from __future__ import annotations

import argparse
import gc
import json
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

from civcas import gazetteer, gctune
from civcas.extract import ExtractConfig, run
from civcas.ingest.jsonl import read_jsonl

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
WORD = re.compile(r"\w+")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _best(fn, repeat: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """The best wall-clock and the best CPU time of ``repeat`` runs.

    CPU time (``time.process_time``) wanders less than wall-clock time when other jobs share the cores.
    """
    times, cpus = [], []
    for _ in range(repeat):
        gc.collect()
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        times.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    return min(times), min(cpus)


def _one_pass(docs: list, with_gazetteer: bool) -> dict[str, float]:  # type: ignore[type-arg]
    """One extraction pass in this process, from nothing read yet: what ``--one-pass`` prints for ``--fresh``."""
    config = ExtractConfig(gazetteer=gazetteer.load() if with_gazetteer else None)
    gc.collect()
    t0, c0 = time.perf_counter(), time.process_time()
    for d in docs:
        run(d, config=config)
    return {"wall": time.perf_counter() - t0, "cpu": time.process_time() - c0}


def _fresh(argv: list[str], mode: str) -> tuple[float, float]:
    """The wall-clock and CPU time of one pass in ``mode``, timed in a new process."""
    out = subprocess.run([sys.executable, __file__, *argv, "--one-pass", mode], check=True,
                         capture_output=True, text=True).stdout
    got = json.loads(out.strip().splitlines()[-1])
    return got["wall"], got["cpu"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", nargs="+", default=["airwars_en", "pitf"])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--fresh", type=int, default=3, help="new processes per mode for the one-run figures (0: none)")
    ap.add_argument("--one-pass", choices=["bare", "full"], help=argparse.SUPPRESS)
    ap.add_argument("--default-gc", action="store_true",
                    help="keep Python's collector thresholds (civcas claims runs with gctune.batch's)")
    args = ap.parse_args(argv)
    if not args.default_gc:
        # every stage, bare extraction included, with the settings `civcas claims` extracts under
        gc.set_threshold(*gctune.BATCH_THRESHOLDS)
    paths = [SHARED / "eval" / "dev" / f"{s}.docs.jsonl" for s in args.sets]
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"bench_extract: skipped, {missing[0]} not found", file=sys.stderr)
        return 0
    docs = [d for p in paths for d in read_jsonl(p)]
    if args.one_pass:
        print(json.dumps(_one_pass(docs, args.one_pass == "full")))
        return 0
    n_docs = len(docs)
    n_words = sum(len(WORD.findall(d.text)) for d in docs)
    n_chars = sum(len(d.text) for d in docs)
    print(f"corpus: {n_docs} documents, {n_words} words, {n_chars} characters ({', '.join(args.sets)})")

    floor_t = _best(lambda: [WORD.findall(d.text) for d in docs], args.repeat)
    floor = floor_t[0]
    bare = ExtractConfig(gazetteer=None)
    bare_t = _best(lambda: [run(d, config=bare) for d in docs], args.repeat)
    t_load0 = time.perf_counter()
    gz = gazetteer.load()
    t_load = time.perf_counter() - t_load0
    full = ExtractConfig(gazetteer=gz)
    # The first pass is what one `civcas claims` run costs: the gazetteer's memos (a name's candidates and
    # their scores, area readings) start empty. Later passes over the same texts find them filled.
    cold_t = _best(lambda: [run(d, config=full) for d in docs], 1)
    full_t = _best(lambda: [run(d, config=full) for d in docs], args.repeat)

    rows = [("regex tokenise (floor)", floor_t), ("extract, no gazetteer", bare_t),
            ("extract + geoparse, first pass", cold_t), ("extract + geoparse, warm", full_t)]
    (t_bare, c_bare), (t_cold, c_cold), (t_full, c_full) = bare_t, cold_t, full_t
    print(f"{'stage':32} {'seconds':>8} {'docs/s':>9} {'words/s':>11} {'x floor':>8} {'CPU s':>8}")
    for name, (t, cpu) in rows:
        print(f"{name:32} {t:8.3f} {n_docs / t:9.0f} {n_words / t:11.0f} {floor / t:8.3f} {cpu:8.3f}")
    print(f"gazetteer load: {t_load:.3f} s; geoparsing adds {100 * (t_cold - t_bare) / t_bare:.0f}% to extraction "
          f"on a first pass, {100 * (t_full - t_bare) / t_bare:.0f}% warm")
    print(f"in CPU time: {100 * (c_cold - c_bare) / c_bare:.0f}% on a first pass, "
          f"{100 * (c_full - c_bare) / c_bare:.0f}% warm")
    print(f"extraction speed: {floor / t_cold:.3f} of the floor on a first pass (aim: at least 0.2)")
    if args.fresh > 0:
        # alternate the modes so a slow spell of the machine falls on both
        sub = ["--sets", *args.sets]
        got: dict[str, list[tuple[float, float]]] = {"bare": [], "full": []}
        for _ in range(args.fresh):
            for mode in ("bare", "full"):
                got[mode].append(_fresh(sub, mode))
        (fb, fbc), (ff, ffc) = ((min(t for t, _ in got[m]), min(c for _, c in got[m])) for m in ("bare", "full"))
        print(f"one run, each mode in a new process (best of {args.fresh}): no gazetteer {fb:.3f} s, with it "
              f"{ff:.3f} s: geoparsing adds {100 * (ff - fb) / fb:.0f}% ({100 * (ffc - fbc) / fbc:.0f}% in CPU time)")
    print(f"peak memory (max RSS): {_peak_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
