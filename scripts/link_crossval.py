# ruff: noqa: T201
"""Held-out linkage figures: train the link model without one Airwars set, score linking on that set.

The bundled model is trained on the seeds and both Airwars dev sets, so its figures on those sets are
in-sample. This script estimates how it links reporting it has not seen: for each Airwars set it trains
on the seeds and the *other* set (``civcas link train`` into a temporary file), links the held-out set's
claims with that model at each threshold pair asked for, and scores them with the dev scorer. Reads
``../shared`` at run time; writes nothing into the project.

    .venv/bin/python scripts/link_crossval.py                       # the bundled thresholds
    .venv/bin/python scripts/link_crossval.py --thresholds=0:-1.5,-1:-1.5,1:-1.5
"""

from __future__ import annotations

import argparse
import dataclasses
import subprocess
import sys
import tempfile
from pathlib import Path

from civcas import link, pipeline
from civcas.export.claims import claim_to_json
from civcas.ingest.jsonl import read_jsonl
from civcas.link.model import load_model

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "eval" / "dev"
SETS = ("airwars_en", "airwars_ar")


def _scorer():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(DEV))
    sys.path.insert(0, str(DEV.parent))
    import score_dev  # type: ignore[import-not-found]

    return score_dev


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--thresholds", default="", help="comma-separated THRESHOLD:MERGE pairs (default: the bundled)")
    args = ap.parse_args()
    score_dev = _scorer()
    civcas = str(Path(sys.executable).parent / "civcas")
    config = pipeline.default_config()
    bundled = load_model()  # its thresholds are the default pair (training here records the CLI's defaults)
    assert bundled.params is not None
    extracted = {}
    for name in SETS:
        docs = list(read_jsonl(DEV / f"{name}.docs.jsonl"))
        extracted[name] = (docs, pipeline.extract_claims(docs, config=config))
    with tempfile.TemporaryDirectory() as tmp:
        for held in SETS:
            train = [s for s in SETS if s != held]
            out = Path(tmp) / f"without_{held}.json"
            cmd = [civcas, "-q", "link", "train", "--seed-gold", str(SHARED / "eval" / "seeds.gold.jsonl"),
                   "--seed-docs", str(SHARED / "corpus" / "seeds.jsonl"), "-o", str(out)]
            for s in train:
                cmd += ["--airwars-gold", str(DEV / f"{s}.gold.jsonl"), "--airwars-docs", str(DEV / f"{s}.docs.jsonl")]
            subprocess.run(cmd, check=True, capture_output=True)
            base = load_model(model_path=out)
            assert base.params is not None
            pairs = [tuple(float(x) for x in t.split(":")) for t in args.thresholds.split(",") if t] or [
                (bundled.params.threshold, bundled.params.merge_threshold)
            ]
            docs, claims = extracted[held]
            gold = score_dev.read_jsonl(DEV / f"{held}.gold.jsonl")
            for threshold, merge in pairs:
                params = base.params.model_copy(update={"threshold": threshold, "merge_threshold": merge})
                model = dataclasses.replace(base, params=params)
                linked = link.run(claims, documents=docs, model=model).claims
                res = score_dev.score_airwars([claim_to_json(c) for c in linked], gold)
                lp = res["linkage_pairs"]
                print(f"{held} held out (trained on seeds + {', '.join(train)}), threshold {threshold:+.1f} "
                      f"merge {merge:+.1f}: linkage P {lp['p']:.3f} R {lp['r']:.3f} F1 {lp['f1']:.3f} "
                      f"(tp {lp['tp']}, fp {lp['fp']}, fn {lp['fn']}); B-cubed F1 {res['linkage_bcubed_f1']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
