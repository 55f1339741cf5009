"""Run every benchmark in this folder (``make bench``) with its default, machine-sized arguments."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    status = 0
    for bench in sorted(HERE.glob("bench_*.py")):
        print(f"== {bench.name}", flush=True)
        status |= subprocess.run([sys.executable, str(bench)], check=False).returncode
    return status


if __name__ == "__main__":
    sys.exit(main())
