"""The storylink service: a JSON API and a web UI over the store (``storylink serve``).

``create_app(settings)`` builds the FastAPI application; request handlers wrap the
stage functions and store methods, a background worker in a process of its own
(``worker.py``) analyses and clusters what is posted, ``keys.py`` decides who may write::

    app.py      the application, a store connection per thread, the story views kept as JSON bytes
    api.py      /api/...: the JSON documents (each a ``to_dict()``)
    pages.py    the HTML pages, each with a ``.json`` twin
    errors.py   one JSON error shape for every 4xx and 5xx
    index.py    the story list between requests (``list_stories``, rebuilt when the store changes)
    worker.py   analysis and clustering in the worker process, restart-safe, and its supervisor
    keys.py     API keys, stored hashed
    cli.py      ``storylink serve`` and ``storylink keys``
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    # Lazy, so the CLI (which imports ``service.cli``) does not load FastAPI for every command.
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(name)
