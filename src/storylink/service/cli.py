"""``storylink serve`` and ``storylink keys`` (registered on the ``storylink`` group by ``storylink.cli``)."""

from __future__ import annotations

import os
import signal

import click

from ..cli import _db_option, _echo_json, _errors, _json_option, _settings, cli

__all__ = ["serve", "keys_group"]


@cli.command()
@_db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="address to listen on")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="port to listen on")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="server processes (a worker process beside them analyses and clusters)")
@click.option("--no-worker", is_flag=True, help="serve only; another process analyses and clusters")
def serve(db: str | None, host: str, port: int, workers: int, no_worker: bool) -> None:
    """Serve the JSON API (/api, docs at /docs) and the web UI over the store."""
    import uvicorn

    with _errors():
        settings = _settings(db)
        from .app import create_app

        create_app(settings, worker=False)  # a bad database or setting fails here, on one line, not per process
    # Each server process builds its app from the environment, so the options travel there; none of
    # them runs the worker: this process runs the one worker process (worker.py says why apart).
    os.environ["STORYLINK_DB"] = settings.db_path
    os.environ["STORYLINK_SERVE_WORKER"] = "0"
    from .worker import WorkerProcess

    worker = None if no_worker else WorkerProcess(settings)

    def _exit(signum: int, frame: object) -> None:
        # uvicorn re-raises the SIGTERM it handled once it has shut down; end here, through the
        # ``finally`` below, so the worker process is stopped rather than left to notice.
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, _exit)
    try:
        if worker is not None:
            worker.start()
        click.echo(f"storylink serving {settings.db_path} on http://{host}:{port} (API docs: /docs)", err=True)
        uvicorn.run("storylink.service.app:create_app_from_env", factory=True, host=host, port=port,
                    workers=workers, log_level="warning", timeout_graceful_shutdown=5)
    finally:
        if worker is not None:
            worker.stop()


@cli.group("keys")
def keys_group() -> None:
    """API keys that may write through the service (stored hashed; STORYLINK_API_KEY also works)."""


@keys_group.command("add")
@click.argument("name")
@_db_option
@_json_option
def keys_add(name: str, db: str | None, as_json: bool) -> None:
    """Make a key named NAME; it is shown once, only its hash is stored."""
    from ..store import open_store
    from .keys import add_key

    with _errors(), open_store(_settings(db)) as store:
        key, row = add_key(store, name)
    if as_json:
        _echo_json(row | {"key": key})
    else:
        click.echo(key)
        click.echo(f"key {row['id']} ({name}) added; it is shown only now: keep it", err=True)


@keys_group.command("list")
@_db_option
@_json_option
def keys_list(db: str | None, as_json: bool) -> None:
    """List keys: id, name, created, revoked."""
    from ..store import open_store

    with _errors(), open_store(_settings(db), create=False) as store:
        rows = store.api_keys()
    if as_json:
        _echo_json(rows)
        return
    for row in rows:
        revoked = f"revoked {row['revoked_at']}" if row["revoked_at"] else "active"
        click.echo(f"{row['id']}  {row['name']:<20} created {row['created_at']}  {revoked}")


@keys_group.command("revoke")
@click.argument("key_id")
@_db_option
@_json_option
def keys_revoke(key_id: str, db: str | None, as_json: bool) -> None:
    """Revoke the key KEY_ID (as keys list shows it); requests with it then get 403."""
    from ..store import open_store

    with _errors(), open_store(_settings(db), create=False) as store:
        store.revoke_api_key(key_id)
    if as_json:
        _echo_json({"revoked": key_id})
    else:
        click.echo(f"revoked {key_id}")
