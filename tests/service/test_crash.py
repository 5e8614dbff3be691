"""Durability: kill -9 the server while a client posts 1,000 articles, restart, and nothing acknowledged is lost;
the CLI ingesting into the same SQLite file while the server writes; the stories equal ``storylink cluster``'s."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import httpx

from storylink.config import Settings
from storylink.store import SQLiteStore
from storylink.stories import cluster_store

from .conftest import KEY, Server, all_clustered, synthetic_articles

AUTH = {"X-API-Key": KEY}


class Poster(threading.Thread):
    """Posts ``records`` in batches, in order; a batch counts only once answered 202, and an unanswered
    one (the server died under it) is posted again until it is."""

    def __init__(self, url_of, records, batch: int) -> None:
        super().__init__(daemon=True)
        self.url_of, self.records, self.batch = url_of, records, batch
        self.acked: list[str] = []
        self.failures = 0
        self.errors: list[str] = []

    def run(self) -> None:
        i = 0
        while i < len(self.records):
            chunk = self.records[i : i + self.batch]
            try:
                r = httpx.post(self.url_of() + "/api/articles", json=chunk, headers=AUTH, timeout=30)
            except httpx.HTTPError:
                self.failures += 1
                time.sleep(0.05)
                continue
            if r.status_code != 202:
                self.errors.append(f"{r.status_code} {r.text[:200]}")
                return
            self.acked.extend(row["id"] for row in r.json()["articles"])
            i += self.batch


def _assignments(db) -> dict[str, tuple[str, str | None]]:
    with SQLiteStore(db) as store:
        return {row["article_id"]: (row["story_id"], row.get("duplicate_of")) for row in store.assignments()}


def test_kill_9_while_posting_loses_nothing_acknowledged(tmp_path):
    n = 1000
    records = synthetic_articles(n, stories=150)
    server = Server(tmp_path / "s.db").start()
    poster = Poster(lambda: server.url, records, batch=5)
    poster.start()
    try:
        deadline = time.monotonic() + 60
        while len(poster.acked) < 400 and time.monotonic() < deadline and poster.is_alive():
            time.sleep(0.01)
        assert len(poster.acked) >= 400, poster.errors
        acked_before = list(poster.acked)
        server.kill()
        time.sleep(0.5)  # the client keeps trying against a dead port meanwhile
        with SQLiteStore(server.db) as store:  # every write acknowledged before the kill is there
            assert set(store.get_articles(acked_before)) == set(acked_before)
        server.start()
        poster.join(120)
        assert not poster.is_alive() and poster.errors == [], poster.errors
        assert poster.failures >= 1, "the kill fell between two requests; nothing was in flight"
        assert len(set(poster.acked)) == n
        server.wait_until(all_clustered(n), timeout=120, what=f"{n} articles clustered after the restart")
    finally:
        server.stop()
    db = sqlite3.connect(server.db)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("SELECT COUNT(*), COUNT(DISTINCT id) FROM articles").fetchone() == (n, n)
    assert db.execute("SELECT COUNT(*), COUNT(DISTINCT article_id) FROM assignments").fetchone() == (n, n)
    assert db.execute("SELECT COUNT(*) FROM analyses").fetchone()[0] == n
    assert db.execute("SELECT COUNT(*) FROM article_search WHERE article_search MATCH 'Gespräche'").fetchone()[0] > 0
    db.close()
    # The stories are those of one uninterrupted `storylink cluster` over the same articles.
    ref = tmp_path / "ref.db"
    shutil.copy(server.db, ref)
    served = _assignments(ref)
    with SQLiteStore(ref) as store:
        store.clear_assignments()
        counts = cluster_store(store, settings=Settings(story_profiles=False), profiles=False)
    assert counts["assigned"] == n
    assert _assignments(ref) == served
    assert len({story for story, _ in served.values()}) < n * 0.6, "the synthetic events should form stories"


def test_cli_ingest_and_the_server_share_one_sqlite_file(tmp_path):
    records = synthetic_articles(600, stories=100, seed=11)
    cli_part, api_part = records[::2], records[1::2]
    jsonl = tmp_path / "feed.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in cli_part), encoding="utf-8")
    server = Server(tmp_path / "s.db").start()
    try:
        poster = Poster(lambda: server.url, api_part, batch=3)
        env = os.environ | {"STORYLINK_STORY_PROFILES": "0"}
        env.pop("STORYLINK_DB", None)
        ingest = subprocess.Popen([sys.executable, "-m", "storylink", "ingest", str(jsonl), "--db", str(server.db),
                                   "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        poster.start()
        out, err = ingest.communicate(timeout=180)
        poster.join(120)
        assert ingest.returncode == 0, err
        assert "locked" not in err.lower()
        summary = json.loads(out)
        assert summary["ingested"] == len(cli_part) and summary["failed"] == 0
        assert poster.errors == [] and poster.failures == 0 and len(poster.acked) == len(api_part)
        server.wait_until(all_clustered(len(records)), timeout=120, what="both halves clustered")
        assert "locked" not in server.log.read_text().lower()
    finally:
        server.stop()


def _pids(pid: int) -> set[int]:
    """``pid`` and its descendants (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    out, todo = set(), [pid]
    while todo:
        p = todo.pop()
        out.add(p)
        todo.extend(children.get(p, []))
    return out


def _gone(pid: int, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{pid}/stat") as f:
                if f.read().rsplit(")", 1)[1].split()[0] == "Z":
                    return True  # exited, not yet reaped by its parent
        except FileNotFoundError:
            return True
        time.sleep(0.05)
    return False


def test_the_worker_is_one_process_of_its_own_restarted_when_it_dies_and_stopped_with_the_server(tmp_path):
    records = synthetic_articles(40, stories=8, seed=3)
    server = Server(tmp_path / "s.db", workers=2).start()
    try:
        with server.client() as c:
            worker = c.get("/api/health").json()["worker"]
            assert worker["role"] == "active"
            first = worker["pid"]
            family = _pids(server.proc.pid)
            assert first in family and first != server.proc.pid
            # One worker for the database, however many server processes: the others hold no worker.
            cmdlines = [open(f"/proc/{p}/cmdline", "rb").read() for p in family if os.path.exists(f"/proc/{p}")]
            assert sum(b"storylink.service.worker" in c_ for c_ in cmdlines) == 1
            assert c.post("/api/articles", json=records[:20], headers=AUTH).status_code == 202
            server.wait_until(all_clustered(20), timeout=60, what="the first half clustered")
            os.kill(first, signal.SIGKILL)
            assert c.get("/api/health").json()["worker"]["role"] in ("stopped", "active")
            # Posts are still acknowledged while no worker runs, and the next worker does them.
            assert c.post("/api/articles", json=records[20:], headers=AUTH).status_code == 202

            def replaced(c):
                w = c.get("/api/health").json()["worker"]
                return w if w["pid"] != first and w["role"] == "active" else None

            second = server.wait_until(replaced, timeout=30, what="a new worker process")["pid"]
            assert second in _pids(server.proc.pid)
        server.wait_until(all_clustered(40), timeout=60, what="the second half clustered by the new worker")
        assert "exited with -9; starting another" in server.log.read_text()
        # SIGTERM to the server alone (not its process group): it stops its worker on the way out.
        server.proc.send_signal(signal.SIGTERM)
        assert server.proc.wait(20) == 0
        assert _gone(second), "the worker outlived the server"
        assert json.loads((tmp_path / "s.db.worker.json").read_text())["role"] == "stopped"
        # kill -9 of the server alone: the worker does not outlive it either (and frees the lock).
        server.start()
        with server.client() as c:
            third = c.get("/api/health").json()["worker"]["pid"]
        os.kill(server.proc.pid, signal.SIGKILL)
        server.proc.wait(10)
        assert _gone(third), "the worker outlived a killed server"
    finally:
        server.stop()
        try:
            os.killpg(server.proc.pid, signal.SIGKILL)  # server processes a killed supervisor left behind
        except ProcessLookupError:
            pass
