"""The ASGI application: ``create_app(settings)``.

Request handlers share nothing but the store file: each thread of the server's
pool opens its own connection (SQLite in WAL mode lets them read while the
worker writes), opened durable so that a write is on disk before it is
acknowledged. Analysis and clustering happen in the worker process
(``worker.py``), not here: ``storylink serve`` runs one per database beside its
server processes, and ``create_app(worker=True)`` runs one for an application
started some other way.
"""

from __future__ import annotations

import json
import os
import threading
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from importlib.resources import files
from typing import Any


from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..config import Settings
from ..store import Store, open_store
from . import errors
from .index import StoryIndex
from .worker import WorkerProcess, read_state

__all__ = ["create_app", "create_app_from_env", "Service", "service_of"]


class _StorePool:
    """One store per thread, all closed together."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._local = threading.local()
        self._all: list[Store] = []
        self._lock = threading.Lock()

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self._settings, durable=True)
            self._local.store = store
            with self._lock:
                self._all.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            for store in self._all:
                store.close()
            self._all.clear()
        self._local = threading.local()


class _Views:
    """The last story views built, by what they were built from (an LRU of ``max_size`` documents).

    A key names the story's current members, so a view is rebuilt exactly when its story
    changes; the many other stories' views stay valid while the store grows. Each is kept with
    its JSON bytes, encoded once, which the API serves as they are (a large view takes longer to
    encode than to look up). One request builds a missing view, in its own thread, and sees the
    new view; requests for the same view meanwhile get the one it replaces (current until
    moments ago, as the story list may lag the store) when there is one, else wait for the build
    instead of building it again: a changed story read by many clients otherwise costs a build
    per client, all fighting for the GIL, and a story of 1,000 members takes a second or two.
    A warm view is served from the event loop (``cached``) without a thread: 1,188/s alone and
    1,966/s beside a writer, p99 28 ms (``bench/serve.py``, README "Serving")."""

    def __init__(self, max_size: int = 1024) -> None:
        self._docs: OrderedDict[Any, tuple[dict[str, Any], bytes]] = OrderedDict()
        self._building: dict[Any, threading.Event] = {}
        self._latest: dict[Any, Any] = {}  # view name -> key of its newest entry
        self._lock = threading.Lock()
        self.max_size = max_size
        self.builds = 0

    def get(self, key: Any, build: Callable[[], dict[str, Any]], *,
            name: Any = None) -> tuple[dict[str, Any], bytes]:
        """The document and its JSON bytes; ``name``: what the view is of, whatever its members
        (its previous entry is what others get while this one is built)."""
        while True:
            with self._lock:
                if key in self._docs:
                    self._docs.move_to_end(key)
                    return self._docs[key]
                pending = self._building.get(key)
                if pending is None:
                    self._building[key] = done = threading.Event()
                    break
                previous = self._latest.get(name) if name is not None else None
                if previous is not None and previous in self._docs:
                    return self._docs[previous]
            pending.wait()  # built by another request: take it from the cache (or build it, had that one failed)
        try:
            doc = build()
            entry = (doc, json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
            with self._lock:
                self._docs[key] = entry
                if name is not None:
                    self._latest[name] = key
                self.builds += 1
                while len(self._docs) > self.max_size:
                    self._docs.popitem(last=False)
                if len(self._latest) > 2 * self.max_size:
                    self._latest = {n: k for n, k in self._latest.items() if k in self._docs}
            return entry
        finally:
            with self._lock:
                del self._building[key]
            done.set()

    def cached(self, key: Any) -> tuple[dict[str, Any], bytes] | None:
        """The entry of ``key`` when it is built already (never builds or waits)."""
        with self._lock:
            entry = self._docs.get(key)
            if entry is not None:
                self._docs.move_to_end(key)
            return entry

    def clear(self) -> None:
        with self._lock:
            self._docs.clear()
            self._latest.clear()


class Service:
    """What the routes share: settings, the store pool, the story index and, when this application
    runs it, the worker process."""

    def __init__(self, settings: Settings, *, worker: bool = True) -> None:
        self.settings = settings
        self.stores = _StorePool(settings)
        self.index = StoryIndex(lambda: open_store(settings))
        self.story_views = _Views()
        self.worker = WorkerProcess(settings) if worker else None

    def worker_state(self) -> dict[str, Any] | None:
        """What the database's worker process says it is doing, whichever process started it."""
        return read_state(self.settings)

    @property
    def store(self) -> Store:
        return self.stores.get()


def service_of(request: Request) -> Service:
    return request.app.state.service  # type: ignore[no-any-return]


def create_app(settings: Settings | None = None, *, worker: bool = True) -> FastAPI:
    """The storylink service over ``settings.db_path``; ``worker=True`` also runs the worker process
    that analyses and clusters what is posted for as long as the application runs; ``worker=False``
    (what ``storylink serve`` uses: it runs the worker itself) leaves that to another process.

    Example::

        >>> import tempfile, os
        >>> from fastapi.testclient import TestClient
        >>> app = create_app(Settings(db=os.path.join(tempfile.mkdtemp(), "s.db")), worker=False)
        >>> with TestClient(app) as client:
        ...     client.get("/api/health").json()["articles"]
        0
    """
    settings = settings or Settings.from_env()
    service = Service(settings, worker=worker)
    with open_store(settings) as store:  # create and migrate before the first request, not during one
        store.count_articles()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if service.worker is not None:
            service.worker.start()
        yield
        if service.worker is not None:
            service.worker.stop()
        service.stores.close()

    app = FastAPI(
        title="storylink",
        version=__version__,
        description="Which of these news articles tell the same story, how closely, and why. "
                    "Errors: `{\"error\": {\"code\", \"message\", \"input\"}}`. Writes need an API key "
                    "(`X-API-Key` or `Authorization: Bearer`).",
        lifespan=lifespan,
    )
    app.state.service = service
    errors.install(app)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                           allow_methods=["GET", "POST", "DELETE"],
                           allow_headers=["X-API-Key", "Authorization", "Content-Type"])
    from . import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(files("storylink.service") / "static")), name="static")
    return app


def create_app_from_env() -> FastAPI:
    """``create_app`` with the settings of the environment (what ``storylink serve`` starts in each
    process, with ``STORYLINK_SERVE_WORKER=0``: the command runs the one worker process itself)."""
    return create_app(Settings.from_env(), worker=os.environ.get("STORYLINK_SERVE_WORKER", "1") != "0")


