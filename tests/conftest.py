"""One root conftest: shared fixtures and the ../shared locations."""

from __future__ import annotations

import itertools
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="Rewrite tests/golden/*.claims.json.")
    parser.addoption("--update-floors", action="store_true", help="Raise the quality floors to what was measured.")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared``; tests that read real documents skip with a reason when it is absent."""
    if not SHARED.exists():
        pytest.skip(f"{SHARED} not present: real-document tests need the shared evaluation folder")
    return SHARED


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def village_gazetteer_home(tmp_path_factory: pytest.TempPathFactory, shared_dir: Path) -> Path:
    """A data directory with the Who's On First layers of ``../shared/gazetteer`` loaded, as ``make run`` does."""
    from civcas import gazetteer

    files = sorted((shared_dir / "gazetteer").glob("*.tsv.gz"))
    if not files:
        pytest.skip(f"{shared_dir / 'gazetteer'} holds no gazetteer files")
    home = tmp_path_factory.mktemp("civcas_home")
    for f in files:
        gazetteer.load_file(f, home=home)
    return home


@pytest.fixture(scope="session")
def village_config(village_gazetteer_home: Path):  # type: ignore[no-untyped-def]
    """Extraction options with the bundled and village-level gazetteers, as an evaluation runs them."""
    from civcas import gazetteer
    from civcas.extract import ExtractConfig

    return ExtractConfig(gazetteer=gazetteer.load(village_gazetteer_home))


# --- databases for the store and CLI tests: the same test body on SQLite and on the real PostgreSQL server ---

POSTGRES_URL = os.environ.get("CIVCAS_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
_PG_SESSION = f"civcas_test_{os.getpid()}_{secrets.token_hex(3)}"
_pg_schemas = itertools.count()


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The PostgreSQL URL once a server answers (else skip, saying why); drops this session's schemas at the end."""
    import psycopg

    try:
        psycopg.connect(_libpq(POSTGRES_URL), connect_timeout=3, autocommit=True).close()
    except psycopg.Error as exc:
        pytest.skip(f"PostgreSQL at {POSTGRES_URL}: no server answers ({str(exc).strip().splitlines()[0]})")
    yield POSTGRES_URL
    with psycopg.connect(_libpq(POSTGRES_URL), autocommit=True) as conn:
        for (name,) in conn.execute(
            "SELECT nspname FROM pg_namespace WHERE nspname LIKE %s", (_PG_SESSION + "%",)
        ).fetchall():
            conn.execute(f'DROP SCHEMA "{name}" CASCADE')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database: a fresh SQLite file, or a fresh schema (this session's prefix) on the PostgreSQL server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'civcas.db'}"
        return
    import psycopg

    server = request.getfixturevalue("postgres_server")
    schema = f"{_PG_SESSION}_{next(_pg_schemas)}"
    with psycopg.connect(_libpq(server), autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    yield f"{server}{'&' if '?' in server else '?'}options=-csearch_path%3D{schema}"
    with psycopg.connect(_libpq(server), autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
