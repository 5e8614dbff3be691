"""Store commands of the ``storylink`` group: ``migrate`` and ``copy`` (see ``cli.py``)."""

from __future__ import annotations

from typing import Any

import click
from rich.console import Console

from .cli import _db_option, _echo_json, _errors, _json_option, _settings, cli


@cli.command("migrate")
@_db_option
@_json_option
def migrate_cmd(db: str | None, as_json: bool) -> None:
    """Create the database or bring its schema up to date (every command also does this on open)."""
    from .store import open_store

    with _errors(), open_store(_settings(db)) as store:
        result: dict[str, Any] = {"db": store.name, "backend": type(store).__name__,
                                  "schema_version": store.schema_version, "applied": list(store.applied)}
    if as_json:
        _echo_json(result)
    elif result["applied"]:
        click.echo(f"{result['db']}: applied migrations {', '.join(map(str, result['applied']))}; "
                   f"schema version {result['schema_version']}")
    else:
        click.echo(f"{result['db']}: up to date (schema version {result['schema_version']})")


@cli.command("copy")
@click.option("--from", "source", required=True, metavar="DB", help="the store to copy (path or URL)")
@click.option("--to", "target", required=True, metavar="DB", help="an empty store to copy into (path or URL)")
@_json_option
def copy_cmd(source: str, target: str, as_json: bool) -> None:
    """Copy a whole store (articles, analyses, vectors, stories, redirects) between SQLite and PostgreSQL."""
    from .commands import _progress  # here: importing commands first imports cli, which imports this module
    from .store import open_store
    from .storecopy import copy_store

    console = Console(stderr=True)
    with _errors():
        with open_store(_settings(source), create=False) as src, open_store(_settings(target)) as dst, \
                _progress(console) as progress:
            task = progress.add_task("copying", total=src.count_articles())
            counts = copy_store(src, dst, progress=lambda done, total: progress.update(task, completed=done,
                                                                                        total=total))
            names = {"from": src.name, "to": dst.name}
    if as_json:
        _echo_json(names | counts)
    else:
        click.echo(f"copied {counts['articles']} articles, {counts['analyses']} analyses, {counts['arrays']} "
                   f"vector sets, {counts['assignments']} story assignments, {counts['redirects']} redirects "
                   f"from {names['from']} to {names['to']}")
