"""A real ``storylink serve`` on a free loopback port, and synthetic news to post to it."""

from __future__ import annotations

import os
import random
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import httpx
import pytest

KEY = "test-key-0123456789"
_PERSONS = ["Angela Merkel", "Olaf Scholz", "Emmanuel Macron", "Donald Trump", "Kim Jong Un", "Ursula von der Leyen",
            "Wladimir Putin", "Wolodymyr Selenskyj", "Giorgia Meloni", "Pedro Sánchez", "Recep Tayyip Erdoğan",
            "Xi Jinping", "Joe Biden", "Rishi Sunak", "Karl Lauterbach", "Annalena Baerbock"]
_PLACES = ["Berlin", "Paris", "Hanoi", "Brüssel", "Rom", "Madrid", "Ankara", "Peking", "Washington", "London",
           "Kiew", "Moskau", "Hamburg", "München", "Wien", "Warschau"]
_TOPICS = [("Gipfel", "über Handel und Zölle"), ("Streik", "der Lokführer bei der Bahn"),
           ("Hochwasser", "an der Elbe und der Oder"), ("Wahl", "des neuen Parlaments"),
           ("Haushalt", "für das kommende Jahr"), ("Klimakonferenz", "über den Ausstieg aus der Kohle"),
           ("Flugausfälle", "wegen eines Sturms"), ("Rentenreform", "und die Proteste dagegen")]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def synthetic_articles(n: int, *, stories: int | None = None, seed: int = 7,
                       start: datetime = datetime(2024, 3, 1, tzinfo=timezone.utc)) -> list[dict[str, Any]]:
    """``n`` JSONL records in publication order, a few per event (who, where, what), in wordings that differ."""
    rng = random.Random(seed)
    stories = stories or max(1, n // 5)
    events = []
    for k in range(stories):
        topic, detail = _TOPICS[k % len(_TOPICS)]
        events.append((rng.sample(_PERSONS, 2), rng.choice(_PLACES), topic, detail, k))
    out = []
    for i in range(n):
        (a, b), place, topic, detail, k = events[(i * 7919) % stories if i >= stories else i]
        when = start + timedelta(minutes=10 * i)
        lines = [f"{a} und {b} beraten in {place} {detail}.",
                 f"Beim {topic} in {place} sagte {a}: \"Wir sind uns in vielen Punkten einig.\"",
                 f"{b} kündigte weitere Gespräche an, berichtete die Agentur am {when:%d.%m.%Y}.",
                 f"Nummer {k} der Woche: Beobachter in {place} erwarten eine Einigung bis zum Abend."]
        rng.shuffle(lines)
        out.append({"id": f"syn-{i:05d}", "title": f"{topic} in {place}: {a} trifft {b}",
                    "text": " ".join(lines[: 2 + rng.randrange(3)]),
                    "published": when.isoformat(), "source": rng.choice(["dpa", "afp", "reuters", "spiegel"])})
    return out


class Server:
    """One ``storylink serve`` subprocess; ``start``/``kill``/``stop`` it, ``client`` talks to it."""

    def __init__(self, db: Path | str, *, env: dict[str, str] | None = None, workers: int = 1,
                 log: Path | None = None) -> None:
        self.db = db  # a SQLite path, or a postgresql:// URL (then ``log`` names the server's log file)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = os.environ | {"STORYLINK_STORY_PROFILES": "0", "STORYLINK_API_KEY": KEY} | (env or {})
        self.env.pop("STORYLINK_DB", None)
        self.workers = workers
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = log or Path(db).with_suffix(f".{self.port}.log")

    def start(self, timeout: float = 60.0) -> "Server":
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "storylink", "serve", "--db", str(self.db), "--host", "127.0.0.1",
                 "--port", str(self.port), "--workers", str(self.workers)],
                env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}:\n{self.log.read_text()[-3000:]}")
            try:
                if httpx.get(self.url + "/api/health", timeout=2).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"server did not answer in {timeout} s:\n{self.log.read_text()[-3000:]}")

    def kill(self) -> None:
        """kill -9: no shutdown, no flush, nothing finished."""
        assert self.proc is not None
        os.killpg(self.proc.pid, signal.SIGKILL)  # its own session: the server and any worker processes
        self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(5)

    def client(self, **kw: Any) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=60, **kw)

    def wait_until(self, done: Any, timeout: float = 90.0, what: str = "condition") -> Any:
        deadline = time.monotonic() + timeout
        with self.client(headers={"X-API-Key": KEY}) as c:  # also where reads need a key
            while time.monotonic() < deadline:
                value = done(c)
                if value:
                    return value
                time.sleep(0.2)
        raise AssertionError(f"{what} not reached in {timeout} s; server log:\n{self.log.read_text()[-3000:]}")


def all_clustered(n: int):
    """A ``wait_until`` test: the store holds ``n`` articles, none waiting for analysis, all in stories."""
    def check(c: httpx.Client) -> bool:
        health = c.get("/api/health").json()
        if health["articles"] != n or health["pending_analysis"]:
            return False
        stories = c.get("/api/stories", params={"limit": 100}).json()
        total = stories["total"]
        got = sum(s["size"] for s in stories["stories"])
        offset = 100
        while offset < total:
            got += sum(s["size"] for s in c.get("/api/stories", params={"limit": 100, "offset": offset}).json()["stories"])
            offset += 100
        return got == n
    return check


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    # Small limits, so that "too large" is cheap to provoke.
    srv = Server(tmp_path_factory.mktemp("serve") / "s.db",
                 env={"STORYLINK_MAX_BODY_BYTES": "300000", "STORYLINK_MAX_BYTES": "100000"}).start()
    yield srv
    srv.stop()
