"""Store-backed commands: ``civcas run``, ``civcas ingest`` and ``civcas db upgrade|status``.

Thin wrappers: read the inputs with :func:`civcas.ingest.read`, call
:mod:`civcas.store.runner`, print. Data (the incident table, or JSON with
``--json``) goes to stdout; summaries, skipped records and progress bars go
to stderr.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from civcas.cli import _common, app
from civcas.cli._views import incident_summaries, print_incident_table

if TYPE_CHECKING:
    from civcas.records import Document
    from civcas.store import Store

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="Database URL (default: $CIVCAS_DATABASE_URL, else sqlite:///civcas.db).", show_default=False
    ),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars or summaries on stderr.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON on stdout instead of a table.")]
SkipBadOption = Annotated[
    bool, typer.Option("--skip-bad", help="Report a bad record on stderr and go on, instead of stopping.")
]
DryRunOption = Annotated[bool, typer.Option("--dry-run", help="Do everything, then roll back: the store is unchanged.")]
ColumnMapOption = Annotated[
    str | None,
    typer.Option("--columns", help="CSV columns for document fields, e.g. text=body,published=date."),
]

db_app = typer.Typer(
    name="db", help="The database: create or migrate its tables, show what it holds.", no_args_is_help=True
)
app.add_typer(db_app)


def say(message: str) -> None:
    """A summary line on stderr, unwrapped (scripts grep it), unless ``--quiet``."""
    if not _common.STATE.quiet:
        typer.echo(message, err=True)


def quiet(flag: bool) -> None:
    """A command's own ``--quiet`` does what ``civcas --quiet`` does."""
    if flag:
        _common.STATE.quiet = True


def open_store(db: str | None, *, create: bool, dry_run: bool = False) -> Store:
    """Open the database; ``create`` migrates it to the current schema (writers), else it must be there (readers).

    A dry run against a database without civcas tables works on an empty
    in-memory database instead, so that it creates nothing either.
    """
    from civcas.store import Store

    store = Store.open(_common.database_url(db))
    if dry_run and not store.has_schema():
        store.close()
        say(f"{store.shown_url}: no civcas tables yet; the dry run works on an empty in-memory database")
        store = Store.open("sqlite://")
        store.upgrade()
    elif create and not dry_run:
        store.upgrade()
    else:
        store.check()
    return store


def read_inputs(paths: Sequence[Path], *, skip_bad: bool, column_map: str | None) -> tuple[list[Document], list[str]]:
    """Every document in ``paths``, and the bad records skipped (each ``where: reason``; ingest logs each one).

    Without ``skip_bad`` the first bad record raises :class:`InputError`, before anything is written.
    """
    from civcas import ingest
    from civcas.errors import InputError

    skipped: list[str] = []

    def report(err: InputError) -> None:  # ingest has logged it (WARNING, one line naming file and line)
        skipped.append(str(err))

    options = ingest.IngestOptions(
        skip_bad=skip_bad,
        on_skip=report,
        column_map=ingest.parse_column_map(column_map) if column_map else {},
    )
    return list(ingest.read(list(paths), options=options)), skipped


@contextmanager
def extraction_progress() -> Iterator[tuple[Callable[[int], None] | None, Callable[[Any], None] | None]]:
    """``(on_extract, progress)`` callbacks driving a Rich bar on stderr, or ``(None, None)`` when nobody watches."""
    if not _common.show_progress():
        yield None, None
        return
    from rich.progress import Progress

    with Progress(console=_common.stderr, transient=True) as bar:
        task = bar.add_task("extracting", total=None)

        def on_extract(total: int) -> None:
            bar.update(task, total=total)

        yield on_extract, lambda _doc: bar.advance(task)


def _inputs(paths: Sequence[Path]) -> list[str]:
    return [str(p) for p in paths]


@app.command("run")
def run_command(
    inputs: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files or directories to ingest first (.jsonl .csv .txt .html RSS/Atom .warc).",
            show_default=False,
            metavar="INPUT",
        ),
    ] = None,
    db: DbOption = None,
    skip_bad: SkipBadOption = False,
    dry_run: DryRunOption = False,
    reextract: Annotated[
        bool, typer.Option("--re-extract", help="Extract every stored document again (after the rules changed).")
    ] = False,
    column_map: ColumnMapOption = None,
    limit: Annotated[int, typer.Option("--limit", help="Show at most this many incidents (0: all).")] = 0,
    as_json: JsonOption = False,
    quiet_: QuietOption = False,
) -> None:
    """Ingest INPUTS, extract, link, assess and store; print the incident table.

    Idempotent and incremental: documents stored with the same content are
    not extracted again, new documents' claims join stored incidents, and a
    second identical run changes nothing. Analyst decisions in the store are
    replayed. Without INPUTS, processes documents stored by `civcas ingest`.

    Example: civcas run ../shared/corpus/seeds.jsonl
    """
    from civcas.store import runner

    quiet(quiet_)
    paths = inputs or []
    documents, skipped = read_inputs(paths, skip_bad=skip_bad, column_map=column_map)
    with (
        open_store(db, create=True, dry_run=dry_run) as store,
        extraction_progress() as (on_extract, progress),
        store.transaction(commit=not dry_run),  # a dry run shows the incidents it would store, then rolls back
    ):
        report = runner.run(
            store,
            documents,
            commit=not dry_run,
            reextract=reextract,
            inputs=_inputs(paths),
            skipped=skipped,
            on_extract=on_extract,
            progress=progress,
        )
        incidents = store.incidents()
        shown = incidents[:limit] if limit else incidents
        assessments = store.assessments([i.id for i in shown])
        claims = store.claims(ids=[c for i in shown for c in i.claim_ids])
    if as_json:
        body = {
            "run": report.as_dict(),
            "dry_run": dry_run,
            "incidents": incident_summaries(shown, assessments, claims),
        }
        typer.echo(json.dumps(body, indent=2, ensure_ascii=False, default=str))
    else:
        print_incident_table(shown, assessments, claims, total=len(incidents))
    d = report.documents
    say(
        f"{report.documents_read} documents read ({d.inserted['documents']} new, {d.updated['documents']} changed, "
        f"{d.unchanged['documents']} unchanged"
        + (f", {len(skipped)} skipped" if skipped else "")
        + f"); {len(report.extracted)} extracted into {report.claims_extracted} claims; "
        f"{len(incidents)} incidents stored; {report.changed} rows changed in {report.seconds:.1f}s"
        + (" (dry run: nothing written)" if dry_run else "")
    )


@app.command("ingest")
def ingest_command(
    paths: Annotated[
        list[Path], typer.Argument(help="Files or directories of documents.", show_default=False, metavar="PATH")
    ],
    db: DbOption = None,
    skip_bad: SkipBadOption = False,
    dry_run: DryRunOption = False,
    column_map: ColumnMapOption = None,
    as_json: JsonOption = False,
    quiet_: QuietOption = False,
) -> None:
    """Store documents without extracting them; the next `civcas run` extracts what is new or changed.

    Reads .jsonl .csv/.tsv .txt .html RSS/Atom .warc files and directories of
    them; marks wire copies (duplicate_of). A bad record stops the command
    before anything is written, unless --skip-bad.

    Example: civcas ingest inbox/ --skip-bad
    """
    from civcas.store import runner

    quiet(quiet_)
    documents, skipped = read_inputs(paths, skip_bad=skip_bad, column_map=column_map)
    with open_store(db, create=True, dry_run=dry_run) as store:
        report = runner.ingest(store, documents, commit=not dry_run, inputs=_inputs(paths), skipped=skipped)
    d = report.documents
    if as_json:
        typer.echo(json.dumps({**report.as_dict(), "dry_run": dry_run}, indent=2, ensure_ascii=False))
    say(
        f"{report.documents_read} documents read: {d.inserted['documents']} new, {d.updated['documents']} changed, "
        f"{d.unchanged['documents']} unchanged, {report.copies} copies of another"
        + (f", {len(skipped)} skipped" if skipped else "")
        + f"; {report.pending} awaiting extraction (civcas run)"
        + (" (dry run: nothing written)" if dry_run else "")
    )


@db_app.command("upgrade")
def db_upgrade_command(
    db: DbOption = None,
    revision: Annotated[str, typer.Option("--revision", help="Migrate to this revision.")] = "head",
    quiet_: QuietOption = False,
) -> None:
    """Create the tables, or migrate them to this civcas's schema (safe to repeat).

    Example: civcas db upgrade --db postgresql+psycopg://postgres@127.0.0.1:5432/test
    """
    from civcas.store import Store

    quiet(quiet_)
    with Store.open(_common.database_url(db)) as store:
        before = store.revision()
        after = store.upgrade(revision)
        say(
            f"{store.shown_url}: "
            + (f"already at {after}" if before == after else f"migrated {before or 'empty'} -> {after}")
        )


@db_app.command("status")
def db_status_command(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Show the schema revision, rows per table and the last runs.

    Example: civcas db status --json
    """
    from civcas.store import Store
    from civcas.store.migrate import head

    with Store.open(_common.database_url(db)) as store:
        at = store.revision()
        counts = store.counts() if at is not None else {}
        runs = store.runs(limit=5) if at is not None else []
        runs_json = [
            {
                "id": r.id,
                "command": r.command,
                "status": r.status,
                "started_at": r.started_at.isoformat(),
                "rows_changed": r.counts.get("rows_changed"),
                "inputs": list(r.inputs),
            }
            for r in runs
        ]
        body: dict[str, Any] = {
            "database": store.shown_url,
            "revision": at,
            "head": head(),
            "rows": counts,
            "runs": runs_json,
        }
    if as_json:
        typer.echo(json.dumps(body, indent=2))
        return
    typer.echo(f"database  {body['database']}")
    typer.echo(f"revision  {at or '(no civcas tables)'} (this civcas: {body['head']})")
    for name, n in counts.items():
        typer.echo(f"{name:<12}{n:>10,}")
    for r in runs_json:
        typer.echo(
            f"run {r['id']}: {r['command']} {r['status']} at {r['started_at']}, {r['rows_changed']} rows changed"
        )
