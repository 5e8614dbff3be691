"""The background worker: analyze what was posted, then cluster it, in one ordered pass.

A POST only commits the article; this worker finds the work in the store itself
(``Store.pending_analysis``, and articles without a story), so nothing lives only
in memory: after a crash or restart it simply goes on where the store says.
Clustering is ``stories.cluster_store``: crash-safe, replays what is assigned and
assigns the rest in publication order, exactly as ``storylink cluster`` would.

One worker per database: server processes (``--workers N``) race for a lock file
beside the database and the others only serve; when the holder dies the lock is
free and another takes over within seconds.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import StorylinkError
from ..store import Store, open_store

__all__ = ["Worker", "lock_path"]

log = logging.getLogger("storylink.service.worker")
_IDLE_S = 1.0  # how often an idle worker looks for work posted through another process
_BACKOFF_S = 5.0
_MAX_REST_S = 10.0


def lock_path(settings: Settings) -> str:
    """The lock file beside a SQLite database (a URL gets one in the temp folder, per machine)."""
    target = settings.db_path
    if "://" in target:
        return str(Path(tempfile.gettempdir()) / f"storylink-{hashlib.sha256(target.encode()).hexdigest()[:16]}.lock")
    return target + ".worker.lock"


class Worker:
    """A daemon thread doing the store's pending analysis and clustering.

    ``state()`` says what it is doing; ``wake()`` starts a pass now (a POST calls it)."""

    def __init__(self, settings: Settings, *, on_pass: Callable[[], None] | None = None) -> None:
        self.settings = settings
        self._on_pass = on_pass
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="storylink-worker", daemon=True)
        self._state: dict[str, Any] = {"role": "starting", "passes": 0, "analyzed": 0, "failed": 0,
                                       "clustered": 0, "last_error": None, "last_pass_s": None}
        self._lock_fd: int | None = None

    def start(self) -> None:
        self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout)

    def state(self) -> dict[str, Any]:
        return dict(self._state)

    def _take_lock(self) -> bool:
        fd = os.open(lock_path(self.settings), os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._lock_fd = fd
        return True

    def _run(self) -> None:
        while not self._stop.is_set() and not self._take_lock():
            self._state["role"] = "standby"  # another process works this database
            self._stop.wait(_IDLE_S)
        if self._stop.is_set():
            return
        self._state["role"] = "active"
        try:
            with open_store(self.settings) as store:
                self._loop(store)
        except Exception as exc:  # noqa: BLE001 - the server keeps serving; health shows why work stopped
            log.exception("worker stopped")
            self._state.update(role="stopped", last_error=f"{type(exc).__name__}: {exc}")
        finally:
            if self._lock_fd is not None:
                os.close(self._lock_fd)  # closing releases the lock

    def _loop(self, store: Store) -> None:
        seen = None
        while not self._stop.is_set():
            try:
                analyzed = self._analyze(store)
                version = store.stories_version()
                if analyzed or version != seen:
                    self._cluster(store)
                    seen = store.stories_version()
                    self._state["last_error"] = None
            except Exception as exc:  # noqa: BLE001 - a failed pass is retried; the store still holds the work
                log.exception("worker pass failed")
                self._state["last_error"] = f"{type(exc).__name__}: {exc}"
                self._stop.wait(_BACKOFF_S)
                continue
            # Rest at least as long as the pass took: the pass replays every stored assignment, so under a
            # steady stream back-to-back passes would take the CPU from the requests (and each
            # longer rest gathers more articles into the next pass).
            self._stop.wait(min(self._state["last_pass_s"] or 0.0, _MAX_REST_S))
            self._wake.wait(_IDLE_S)
            self._wake.clear()

    def _analyze(self, store: Store) -> int:
        from ..analyze import ANALYZER_VERSION, analyze

        done = 0
        for article_id in store.pending_analysis(ANALYZER_VERSION):
            if self._stop.is_set():
                break
            try:
                article = store.get_article(article_id)
            except StorylinkError:
                continue  # deleted meanwhile
            try:
                store.put_analysis(analyze(article, settings=self.settings))
                self._state["analyzed"] += 1
            except StorylinkError as exc:
                self._record(store, article_id, ANALYZER_VERSION, exc.message)
            except Exception as exc:  # noqa: BLE001 - one article's bug must not stall the queue
                self._record(store, article_id, ANALYZER_VERSION, f"{type(exc).__name__}: {exc}")
            done += 1
        return done

    def _record(self, store: Store, article_id: str, analyzer: str, reason: str) -> None:
        try:
            store.record_failure(article_id, analyzer, reason)
            self._state["failed"] += 1
        except StorylinkError:
            pass  # deleted meanwhile

    def _cluster(self, store: Store) -> None:
        from ..stories import cluster_store

        started = time.perf_counter()
        counts = cluster_store(store, settings=self.settings, profiles=self.settings.story_profiles,
                               analyze_missing=True)
        self._state["clustered"] += counts["assigned"]
        self._state["passes"] += 1
        self._state["last_pass_s"] = round(time.perf_counter() - started, 3)
        if self._on_pass is not None:
            self._on_pass()
