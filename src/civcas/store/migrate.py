"""Alembic, configured in code: no ``alembic.ini`` to find, the migrations ship inside the package.

``civcas db upgrade`` calls :func:`upgrade`; developers add a migration with

    .venv/bin/python -m civcas.store.migrate revision "add column x" --db sqlite:///dev.db

which autogenerates it from :mod:`civcas.store.models` against a database
at the current head (review it before committing; ``tests/store`` fails
while the models and the migrations disagree).
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection, Engine

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def config(url: str | None = None, connection: Connection | None = None) -> Config:
    """An Alembic config pointing at the bundled migrations (and at ``connection`` when given)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("path_separator", "os")
    if url is not None:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head() -> str:
    """The newest revision the package ships."""
    rev = ScriptDirectory.from_config(config()).get_current_head()
    assert rev is not None  # the package always ships at least the first migration
    return rev


def current(engine: Engine) -> str | None:
    """The revision the database is at (``None``: no civcas schema yet)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> str | None:
    """Migrate the database up to ``revision``; returns the revision it is at afterwards."""
    with engine.begin() as conn:
        command.upgrade(config(connection=conn), revision)
    return current(engine)


def downgrade(engine: Engine, revision: str) -> str | None:
    """Migrate down to ``revision`` (``"base"`` drops every civcas table)."""
    with engine.begin() as conn:
        command.downgrade(config(connection=conn), revision)
    return current(engine)


def _main() -> None:  # pragma: no cover - a developer tool
    parser = argparse.ArgumentParser(prog="python -m civcas.store.migrate", description="Write a new migration.")
    sub = parser.add_subparsers(dest="cmd", required=True)
    rev = sub.add_parser("revision", help="Autogenerate a migration from the models.")
    rev.add_argument("message")
    rev.add_argument("--db", default="sqlite:///civcas-dev.db", help="A database at the current head.")
    args = parser.parse_args()
    from sqlalchemy import create_engine

    engine = create_engine(args.db)
    upgrade(engine)
    with engine.begin() as conn:
        command.revision(config(connection=conn), message=args.message, autogenerate=True)


if __name__ == "__main__":  # pragma: no cover
    _main()
