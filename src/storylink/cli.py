"""The ``storylink`` command line: one group, ``--json`` wherever results are printed.

Errors raised on purpose (``StorylinkError``) become one line on stderr and a
non-zero exit; batch commands record each failure and go on.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import click

from . import __version__
from .config import SETTINGS, Settings
from .errors import StorylinkError

F = TypeVar("F", bound=Callable[..., Any])

__all__ = ["main", "cli"]


def _settings(db: str | None, **options: Any) -> Settings:
    """The settings from the environment with the command's ``--db`` and other options (``None``: not given)."""
    with _errors():  # a bad STORYLINK_* variable or option value is one line naming it, like any other bad input
        return Settings.from_env().replace(db=db, **options)


def _db_option(f: F) -> F:
    return click.option("--db", metavar="PATH|URL", help=SETTINGS[0].help, envvar="STORYLINK_DB")(f)


def _json_option(f: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="print the result as JSON")(f)


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@contextmanager
def _errors() -> Iterator[None]:
    try:
        yield
    except StorylinkError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="storylink")
def cli() -> None:
    """Which of these news articles tell the same story, how closely, and why."""


def main() -> None:
    cli(prog_name="storylink")


# The commands live in their own module so this one stays the thin entry point.
from . import commands, dbcommands  # noqa: E402,F401  (register the commands on ``cli``)
from .service import cli as _service_cli  # noqa: E402,F401  (registers serve and keys)
from .spark import command as _spark_command  # noqa: E402,F401  (registers ``storylink spark``; pyspark loads lazily)
