"""Geoparsing's first-pass cost in instructions (valgrind's cachegrind), which other jobs on the machine cannot disturb.

Timings on the shared two-core machine wander by 20-30 %; instruction counts repeat to the last digits. Four
processes run under ``valgrind --tool=cachegrind --cache-sim=no`` with ``PYTHONHASHSEED=0`` over every fourth
bench document (341 of airwars_en + pitf), under ``civcas claims``' collector thresholds:

- ``bare1``: one pass without a gazetteer; ``bare2``: two (their difference is one bare pass);
- ``load``: a bare pass, then ``gazetteer.load()``; ``first``: the same, then a first pass with the gazetteer.

First-pass geoparsing = (first - load) - (bare2 - bare1): a pass with the gazetteer minus a pass without it.
Not run by ``benchmarks/run.py`` (about ten minutes). Not a ``bench_`` file for that reason.

    python benchmarks/instructions_first_pass.py            # all four, then the figures
    python benchmarks/instructions_first_pass.py --mode first   # one pass mode, in this process (what valgrind runs)
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
MODES = ("bare1", "bare2", "load", "first")


def run_mode(mode: str) -> None:
    """The passes of one mode, in this process."""
    from civcas import gazetteer, gctune
    from civcas.extract import ExtractConfig, run
    from civcas.ingest.jsonl import read_jsonl

    gc.set_threshold(*gctune.BATCH_THRESHOLDS)
    docs = [d for s in ("airwars_en", "pitf") for d in read_jsonl(SHARED / "eval" / "dev" / f"{s}.docs.jsonl")][::4]
    bare = ExtractConfig(gazetteer=None)
    for d in docs:
        run(d, config=bare)
    if mode == "bare2":
        for d in docs:
            run(d, config=bare)
    elif mode in ("load", "first"):
        gz = gazetteer.load()
        if mode == "first":
            full = ExtractConfig(gazetteer=gz)
            for d in docs:
                run(d, config=full)


def count(mode: str, out_dir: Path) -> int:
    """Instructions of one mode's process under cachegrind."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    proc = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", f"--cachegrind-out-file={out_dir / (mode + '.out')}",
         sys.executable, __file__, "--mode", mode],
        env=env, capture_output=True, text=True, check=True,
    )
    found = re.search(r"I\s+refs:\s+([\d,]+)", proc.stderr)
    if found is None:
        raise RuntimeError(f"no instruction count in valgrind's output:\n{proc.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mode", choices=MODES, help="run one mode's passes in this process (what valgrind runs)")
    args = ap.parse_args(argv)
    if not (SHARED / "eval" / "dev" / "pitf.docs.jsonl").exists():
        print("instructions_first_pass: skipped, ../shared/eval/dev not found", file=sys.stderr)
        return 0
    if args.mode:
        run_mode(args.mode)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        n = {mode: count(mode, Path(tmp)) for mode in MODES}
    bare = n["bare2"] - n["bare1"]
    geo = (n["first"] - n["load"]) - bare
    print(f"bare pass {bare / 1e9:.3f} G, load {(n['load'] - n['bare1']) / 1e9:.3f} G, "
          f"first-pass geoparsing {geo / 1e9:.3f} G (+{100 * geo / bare:.1f} % of a bare pass)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
