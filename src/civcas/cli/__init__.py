"""The ``civcas`` command line: thin Typer commands over the stage functions.

Each command group lives in its own module; this one builds the app,
installs logging and turns every :class:`~civcas.errors.CivcasError` into one
line on stderr and exit status 1 (2 for bad usage).
"""

from __future__ import annotations

import logging
import sys
from typing import Annotated

import typer
from typer.exceptions import TyperException

from civcas.cli import _common
from civcas.errors import CivcasError

app = typer.Typer(
    name="civcas",
    help="Civilian harm from airstrikes: casualty claims from reporting, linked into incidents and assessed.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.callback()
def _root(
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars or summaries on stderr.")] = False,
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True, help="More log output (-vv for debug).")] = 0,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
) -> None:
    """Civilian harm from airstrikes: casualty claims from reporting, linked into incidents and assessed."""
    _common.STATE.quiet = quiet
    _common.STATE.debug = debug
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("civcas")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False


def _register() -> None:
    from civcas.cli import (
        analyst,  # noqa: F401
        claims,  # noqa: F401  (commands register on import)
        gazetteer,  # noqa: F401
        incidents,  # noqa: F401
        report,  # noqa: F401
        store,  # noqa: F401
    )


_register()


def main() -> None:
    """Console-script entry point."""
    try:
        app(standalone_mode=False)
    except CivcasError as exc:
        if _common.STATE.debug:
            raise
        print(f"civcas: error: {exc}", file=sys.stderr)  # noqa: T201
        sys.exit(1)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        print("civcas: aborted", file=sys.stderr)  # noqa: T201
        sys.exit(1)
    except TyperException as exc:  # usage errors (exit 2) and other command-line problems
        show = getattr(exc, "show", None)
        if callable(show):
            show()
        else:
            print(f"civcas: error: {exc.format_message()}", file=sys.stderr)  # noqa: T201
        sys.exit(exc.exit_code)
    except Exception as exc:
        if _common.STATE.debug:
            raise
        print(f"civcas: internal error: {type(exc).__name__}: {exc} (rerun with --debug)", file=sys.stderr)  # noqa: T201
        sys.exit(1)
