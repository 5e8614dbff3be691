"""The background worker: analyze what was posted, then cluster it, in one ordered pass.

A POST only commits the article; this worker finds the work in the store itself
(``Store.pending_analysis``, and articles without a story), so nothing lives only
in memory: after a crash or restart it simply goes on where the store says.
Clustering is ``stories.cluster_store``: crash-safe, replays what is assigned and
assigns the rest in publication order, exactly as ``storylink cluster`` would.

It runs in a process of its own (``python -m storylink.service.worker --db …``),
started, restarted when it dies and stopped by ``storylink serve``
(``WorkerProcess``): a pass is seconds of CPU-bound Python, and inside a server
process it held the GIL against the request threads. ``bench/serve.py`` (10,000
articles, 2 loaded cores), GET /api/stories/{id} beside a writer posting 10/s:
77/s with p99 4.9 s and 172/s with p99 749 ms with the worker in a server process,
194/s with p99 464 ms in its own at nice 10 (120/s, p99 1.2 s at nice 0). It notices
new posts by polling the store (``stories_version``, a fraction of a millisecond)
every ``_POLL_S``, so no server process needs to reach it. What it is doing is
written to a small JSON file beside the database (``state_path``) that
``/api/health`` reads.

One worker per database: a worker takes a lock file beside the database
(``lock_path``) and a second one started on the same file waits in standby
until the lock is free.
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import json
import logging
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import StorylinkError
from ..store import Store, open_store

__all__ = ["Worker", "WorkerProcess", "lock_path", "state_path", "read_state", "main"]

log = logging.getLogger("storylink.service.worker")
_IDLE_S = 1.0  # how often an idle worker looks for work posted through another process
_BACKOFF_S = 5.0
_MAX_REST_S = 10.0
_POLL_S = 0.2  # how often an idle worker checks the store for new posts
# The worker process's niceness: out of the server's process it no longer takes the GIL from the
# requests, but it still takes a core, and on two cores the server processes (and whatever else
# runs there) should come first; an idle machine still gives it all the CPU it wants.
_NICE = 10


class _Stopped(BaseException):
    """Raised in the worker process's main thread by SIGTERM/SIGINT during a pass: the pass unwinds
    (open transactions roll back), which is no worse than the crash ``cluster_store`` is safe against."""


def lock_path(settings: Settings) -> str:
    """The lock file beside a SQLite database (a URL gets one in the temp folder, per machine)."""
    target = settings.db_path
    if "://" in target:
        return str(Path(tempfile.gettempdir()) / f"storylink-{hashlib.sha256(target.encode()).hexdigest()[:16]}.lock")
    return target + ".worker.lock"


def state_path(settings: Settings) -> str:
    """The worker's state file, beside its lock file."""
    return lock_path(settings).removesuffix(".lock") + ".json"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def read_state(settings: Settings) -> dict[str, Any] | None:
    """What the database's worker process last wrote about itself (``None`` when none ever ran);
    a worker whose process is gone reads as ``role: "stopped"``."""
    try:
        state = json.loads(Path(state_path(settings)).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(state, dict):
        return None
    if state.get("role") not in ("stopped", None) and isinstance(state.get("pid"), int) and not _alive(state["pid"]):
        state["role"] = "stopped"
    return state


class Worker:
    """The store's pending analysis and clustering, in a loop: ``run()`` in the calling thread
    (what the worker process does) or ``start()`` in a daemon thread.

    ``state()`` says what it is doing (also written to ``state_path`` with ``publish=True``);
    ``wake()`` starts a pass now; ``stop()`` ends the loop after the current step."""

    def __init__(self, settings: Settings, *, on_pass: Callable[[], None] | None = None,
                 publish: bool = False) -> None:
        self.settings = settings
        self._on_pass = on_pass
        self._publish_to = state_path(settings) if publish else None
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="storylink-worker", daemon=True)
        self._state: dict[str, Any] = {"role": "starting", "pid": os.getpid(), "passes": 0, "analyzed": 0,
                                       "failed": 0, "clustered": 0, "last_error": None, "last_pass_s": None}
        self._lock_fd: int | None = None
        self.in_pass = False

    def start(self) -> None:
        self._thread.start()

    def run(self) -> None:
        self._run()

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def state(self) -> dict[str, Any]:
        return dict(self._state)

    def _set(self, **changes: Any) -> None:
        self._state.update(changes)
        if self._publish_to is None:
            return
        tmp = f"{self._publish_to}.{os.getpid()}.tmp"
        try:
            Path(tmp).write_text(json.dumps(self._state | {"updated_at": time.time()}), encoding="utf-8")
            os.replace(tmp, self._publish_to)  # readers see the old state or the new, never half of one
        except OSError:
            log.warning("cannot write the worker state to %s", self._publish_to)

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
            if self._state["role"] != "standby":
                self._set(role="standby")  # another process works this database
            self._stop.wait(_IDLE_S)
        if self._stop.is_set():
            return
        self._set(role="active")
        try:
            with open_store(self.settings) as store:
                self._loop(store)
            self._set(role="stopped")
        except _Stopped:
            self._set(role="stopped")
        except Exception as exc:  # noqa: BLE001 - the server keeps serving; health shows why work stopped
            log.exception("worker stopped")
            self._set(role="stopped", last_error=f"{type(exc).__name__}: {exc}")
        finally:
            if self._lock_fd is not None:
                os.close(self._lock_fd)  # closing releases the lock
                self._lock_fd = None

    def _loop(self, store: Store) -> None:
        seen = None
        while not self._stop.is_set():
            try:
                self.in_pass = True
                try:
                    analyzed = self._analyze(store)
                    version = store.stories_version()
                    if analyzed or version != seen:
                        self._cluster(store)
                        seen = store.stories_version()
                        self._set(last_error=None)
                finally:
                    self.in_pass = False
            except Exception as exc:  # noqa: BLE001 - a failed pass is retried; the store still holds the work
                log.exception("worker pass failed")
                self._set(last_error=f"{type(exc).__name__}: {exc}")
                self._stop.wait(_BACKOFF_S)
                continue
            # Rest at least as long as the pass took: the pass replays every stored assignment, so under a
            # steady stream back-to-back passes would take the CPU from the requests (and each
            # longer rest gathers more articles into the next pass).
            self._stop.wait(min(self._state["last_pass_s"] or 0.0, _MAX_REST_S))
            self._idle(store, seen)

    def _idle(self, store: Store, seen: Any) -> None:
        """Wait until woken, the store changes (a post through any process) or ``_IDLE_S`` pass."""
        deadline = time.monotonic() + _IDLE_S
        while not self._stop.is_set() and time.monotonic() < deadline:
            if self._wake.wait(_POLL_S):
                break
            if store.stories_version() != seen:
                break
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
                self._state["analyzed"] += 1  # published with the pass
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
        self._set(clustered=self._state["clustered"] + counts["assigned"], passes=self._state["passes"] + 1,
                  last_pass_s=round(time.perf_counter() - started, 3))
        if self._on_pass is not None:
            self._on_pass()


# -- the worker process ---------------------------------------------------------------------


def _die_with_parent() -> None:
    """Linux: have the kernel send SIGTERM when the process that started this one ends, so that a
    server killed with -9 leaves no worker behind (the getppid watch in ``main`` covers other systems)."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m storylink.service.worker --db PATH [--parent PID]``: the worker loop in this
    process until SIGTERM/SIGINT or the end of process ``--parent``. Settings come from the
    environment (``STORYLINK_*``), as the server's do."""
    parser = argparse.ArgumentParser(prog="python -m storylink.service.worker", description=main.__doc__)
    parser.add_argument("--db", required=True, help="the database the server serves")
    parser.add_argument("--parent", type=int, default=None, help="stop when this process is gone")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="storylink worker: %(levelname)s %(message)s")
    settings = Settings.from_env().replace(db=args.db)
    try:
        os.nice(_NICE)
    except OSError:
        pass
    worker = Worker(settings, publish=True)

    def stop(signum: int, frame: Any) -> None:
        first = not worker.stopping
        worker.stop(timeout=0)
        if first and worker.in_pass:
            raise _Stopped  # a pass can take many seconds; unwind it now (safe, see _Stopped)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    if args.parent is not None:
        _die_with_parent()

        def watch() -> None:
            while not worker.stopping:
                if os.getppid() != args.parent:
                    os.kill(os.getpid(), signal.SIGTERM)
                    return
                time.sleep(0.5)

        threading.Thread(target=watch, name="storylink-parent-watch", daemon=True).start()
    try:
        worker.run()
    except _Stopped:
        pass
    return 0


class WorkerProcess:
    """The worker process of one database, as ``storylink serve`` runs it: ``start()`` launches it
    (and waits until it reports in), a watching thread starts it again when it dies (after a pause
    that grows while it keeps dying quickly), ``stop()`` asks it to finish (SIGTERM) and kills it only
    when it does not within ``timeout``."""

    def __init__(self, settings: Settings, *, env: dict[str, str] | None = None) -> None:
        self.settings = settings
        self.env = env
        self.restarts = 0
        self._proc: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="storylink-worker-watch", daemon=True)

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    def _launch(self) -> None:
        with self._lock:
            if self._stop.is_set():
                return
            self._proc = subprocess.Popen(
                [sys.executable, "-m", "storylink.service.worker", "--db", self.settings.db_path,
                 "--parent", str(os.getpid())], env=self.env)

    def start(self, wait: float = 30.0) -> "WorkerProcess":
        self._launch()
        assert self._proc is not None
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline and self._proc.poll() is None:
            state = read_state(self.settings)
            if state and state.get("pid") == self._proc.pid and state.get("role") != "starting":
                break
            time.sleep(0.05)
        self._thread.start()
        return self

    def _watch(self) -> None:
        pause = 0.0
        while not self._stop.is_set():
            proc = self._proc
            if proc is None:
                return
            started = time.monotonic()
            code = proc.wait()
            # At once after a long life; a worker that keeps dying quickly is given longer and longer;
            # one that ended as asked (0: SIGINT from a terminal reaches the whole group) is likely
            # being shut down with the server, so a little later.
            pause = 0.25 if time.monotonic() - started > 60 else min(max(pause * 2, 0.25), 30.0)
            if code == 0:
                pause = max(pause, 2.0)
            if self._stop.wait(pause):
                return  # stopping: the server's SIGTERM reached the whole process group
            log.warning("worker process %s exited with %s; starting another", proc.pid, code)
            self.restarts += 1
            self._launch()

    def stop(self, timeout: float = 10.0) -> None:
        with self._lock:
            self._stop.set()
            proc = self._proc
        if proc is not None and proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                log.warning("worker process %s did not stop in %s s; killing it", proc.pid, timeout)
                proc.kill()
                proc.wait(5)
        if self._thread.is_alive():
            self._thread.join(timeout)


if __name__ == "__main__":
    sys.exit(main())
