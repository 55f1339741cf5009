"""Analyst commands: train the linkage model (``civcas link train``).

Thin wrappers over :mod:`civcas.link`; the incident decisions
(``civcas incidents merge|split|move-claim|discount|restore``) live with the
store-backed commands that record them.
"""

from __future__ import annotations

import hashlib
import json
import shlex
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from civcas.cli import _common, app
from civcas.errors import InputError

link_app = typer.Typer(name="link", help="The linkage model: train its parameters.", no_args_is_help=True)
app.add_typer(link_app)


def _gold(path: Path) -> list[dict[str, Any]]:
    try:
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(str(path), f"cannot read gold ({exc}); expected JSON Lines") from None


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _command_line(
    sets: list[tuple[str, Path | None, Path | None]], threshold: float, merge_threshold: float, smoothing: float
) -> str:
    """The training command as recorded in the model (file names, not the machine's paths)."""
    parts = ["civcas link train"]
    for kind, gold, docs in sets:
        if gold is not None and docs is not None:
            parts.append(f"--{kind}-gold {shlex.quote(gold.name)} --{kind}-docs {shlex.quote(docs.name)}")
    parts.append(f"--threshold {threshold} --merge-threshold {merge_threshold} --smoothing {smoothing}")
    return " ".join(parts)


@link_app.command("train")
def train_command(
    seed_gold: Annotated[
        Path | None, typer.Option("--seed-gold", help="Gold in the seeds format (claims with incident keys).")
    ] = None,
    seed_docs: Annotated[Path | None, typer.Option("--seed-docs", help="The documents of --seed-gold.")] = None,
    airwars_gold: Annotated[
        list[Path] | None,
        typer.Option("--airwars-gold", help="Gold in the Airwars dev format (repeat for several sets)."),
    ] = None,
    airwars_docs: Annotated[
        list[Path] | None,
        typer.Option("--airwars-docs", help="The documents of each --airwars-gold, in the same order."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Model file (default: the bundled model.v1.json).")
    ] = None,
    version: Annotated[int, typer.Option("--version", help="Model version written in the file.")] = 1,
    threshold: Annotated[
        float, typer.Option("--threshold", help="Match weight a link needs (0 = probability 0.5).")
    ] = 0.0,
    merge_threshold: Annotated[
        float, typer.Option("--merge-threshold", help="Mean weight two clusters need to merge.")
    ] = -1.5,
    smoothing: Annotated[float, typer.Option("--smoothing", help="Pseudo-count per comparison for m and u.")] = 2.0,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print the weights, write nothing.")] = False,
) -> None:
    """Re-estimate the linkage model's parameters from gold-labelled documents.

    Extracts claims from the documents, aligns them to the gold incidents,
    and counts how often matching and non-matching pairs reach each
    comparison level (docs/linking.md). Runs never re-estimate: they load
    the file this writes.

    Example: civcas link train --seed-gold ../shared/eval/seeds.gold.jsonl
    --seed-docs ../shared/corpus/seeds.jsonl --airwars-gold ../shared/eval/dev/airwars_en.gold.jsonl
    --airwars-docs ../shared/eval/dev/airwars_en.docs.jsonl
    """
    from civcas import pipeline
    from civcas.ingest.jsonl import read_jsonl
    from civcas.link import train as link_train
    from civcas.link.model import MODEL_FILE, load_model

    golds, docs_files = list(airwars_gold or []), list(airwars_docs or [])
    if len(golds) != len(docs_files):
        raise typer.BadParameter("give one --airwars-docs for every --airwars-gold, in the same order")
    sets: list[tuple[str, Path | None, Path | None]] = [("seed", seed_gold, seed_docs)]
    sets += [("airwars", g, d) for g, d in zip(golds, docs_files, strict=True)]
    if not any(g for _, g, _ in sets):
        raise typer.BadParameter("give --seed-gold/--seed-docs and/or --airwars-gold/--airwars-docs")
    model = load_model(model_path=None)
    config = pipeline.default_config()
    claims, documents, labels, data = [], [], {}, []
    for kind, gold_path, docs_path in sets:
        if gold_path is None:
            continue
        if docs_path is None:
            raise typer.BadParameter(f"--{kind}-gold needs --{kind}-docs")
        if not docs_path.exists():
            raise InputError(str(docs_path), "no such file")
        docs = list(read_jsonl(docs_path))
        found = pipeline.extract_claims(docs, config=config)
        gold = _gold(gold_path)
        if kind == "seed":
            found_labels = link_train.labels_from_seed_gold(found, gold)
        else:
            found_labels = link_train.labels_from_airwars_gold(found, gold)
        # incident codes are per set: the same code in two gold files is not one incident
        labels.update({cid: f"{kind}:{gold_path.name}:{lab}" for cid, lab in found_labels.items()})
        claims.extend(found)
        documents.extend(docs)
        data.append(
            f"{gold_path.name} (sha256 {_sha(gold_path)[:16]}) over {docs_path.name} (sha256 {_sha(docs_path)[:16]})"
        )
        _common.say(f"{kind}: {len(docs)} documents, {len(found)} claims, {len(found_labels)} aligned to gold")
    trained = link_train.train(
        claims,
        labels,
        model,
        documents=documents,
        smoothing=smoothing,
        threshold=threshold,
        merge_threshold=merge_threshold,
    )
    for comp, weights in trained["weights"].items():
        _common.say(f"{comp}: " + ", ".join(f"{lv} {w:+.2f}" for lv, w in weights.items()))
    _common.say(f"prior {trained['prior']:.5f}; counts {trained['counts']}")
    if dry_run:
        return
    target = output or MODEL_FILE
    doc = link_train.model_document(
        trained,
        model,
        version=version,
        data=data,
        today=date.today(),
        smoothing=smoothing,
        command=_command_line(sets, threshold, merge_threshold, smoothing),
    )
    target.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    _common.say(f"wrote {target}")
