"""A throwaway PostgreSQL server for the tests (the ``pg_server`` / ``pg_url`` fixtures in conftest).

The server is Debian's ``postgresql`` package (``/usr/lib/postgresql/<version>/bin``;
``.ci/run`` installs it). ``initdb`` and ``postgres`` refuse to run as root, and CI
runs as root, so then the cluster belongs to an unprivileged user (``storylink-ci``,
created when missing) and is driven through ``runuser``. It lives in a temporary
directory, listens on 127.0.0.1 at a free port (its socket in that directory),
trusts local logins and runs without fsync (a throwaway cluster need not survive
a power cut; a server restart or a killed client, which the tests do, is safe).

``STORYLINK_TEST_PG_BINDIR`` names the binaries' folder where they live elsewhere;
``STORYLINK_TEST_PG`` (a ``postgresql://`` URL of a server whose user may create
databases) uses that server instead of starting one.

When no server can be had the tests that need it skip, saying why, unless ``CI``
is set: there they fail, so a CI run can never pass with PostgreSQL silently left out.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

USER = "storylink-ci"
PREFIX = "storylink-pg-"


class PgUnavailable(RuntimeError):
    """No PostgreSQL server could be started here (the reason is the message)."""


def _bindir() -> Path:
    given = os.environ.get("STORYLINK_TEST_PG_BINDIR")
    if given:
        if not (Path(given) / "initdb").exists():
            raise PgUnavailable(f"no initdb in STORYLINK_TEST_PG_BINDIR={given}")
        return Path(given)
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise PgUnavailable("PostgreSQL server binaries not found (apt-get install postgresql)")


def _sweep(bindir: Path) -> None:
    """Stop and remove the clusters of test runs that died without their teardown (SIGKILL, a
    killed CI job): their ``owner.pid`` names a process that is gone."""
    for root in Path(tempfile.gettempdir()).glob(f"{PREFIX}*"):
        try:
            owner = int((root / "owner.pid").read_text())
            os.kill(owner, 0)
            continue  # its run is alive
        except ProcessLookupError:
            pass
        except (OSError, ValueError):
            continue  # not ours to judge (unreadable, or another user's process)
        if (root / "data" / "postmaster.pid").exists():
            as_user = ["runuser", "-u", USER, "--"] if os.geteuid() == 0 else []
            subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(root / "data"), "-m", "immediate", "-w",
                            "stop"], capture_output=True, timeout=60)
        shutil.rmtree(root, ignore_errors=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgServer:
    """One PostgreSQL cluster in a temporary directory; ``url(db)`` names a database on it."""

    def __init__(self) -> None:
        self.bindir = _bindir()
        _sweep(self.bindir)
        self.root = Path(tempfile.mkdtemp(prefix=PREFIX))
        (self.root / "owner.pid").write_text(str(os.getpid()))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.port = _free_port()
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            self._ensure_user()
            shutil.chown(self.root, USER, USER)
            self.as_user = ["runuser", "-u", USER, "--"]
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                  "--locale=C.UTF-8", "--no-sync", timeout=120)
        self.start()

    def _ensure_user(self) -> None:
        try:
            pwd.getpwnam(USER)
        except KeyError:
            subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", USER],
                           check=True, capture_output=True, timeout=60)

    def _run(self, tool: str, *args: str, timeout: float = 60) -> None:
        done = subprocess.run([*self.as_user, str(self.bindir / tool), *args], capture_output=True, text=True,
                              timeout=timeout)
        if done.returncode != 0:
            raise PgUnavailable(f"{tool} failed: {(done.stderr or done.stdout).strip()[-500:]}")

    def start(self) -> None:
        options = (f"-c listen_addresses=127.0.0.1 -p {self.port} -c unix_socket_directories={self.root} "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "-t", "60", "start",
                  timeout=90)

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop", timeout=90)

    def url(self, dbname: str = "postgres", *, password: str | None = None) -> str:
        secret = f":{password}" if password else ""
        return f"postgresql://postgres{secret}@127.0.0.1:{self.port}/{dbname}"

    def create_database(self) -> str:
        import psycopg

        name = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return name

    def drop_database(self, name: str) -> None:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def close(self) -> None:
        try:
            self.stop("immediate")
        except (PgUnavailable, subprocess.TimeoutExpired):
            pass
        shutil.rmtree(self.root, ignore_errors=True)


class ExternalServer(PgServer):
    """A server given by ``STORYLINK_TEST_PG``; databases are made and dropped on it, nothing else."""

    def __init__(self, url: str) -> None:  # noqa: D107 - no cluster of our own to set up
        from psycopg.conninfo import conninfo_to_dict

        self.base = url
        self.parts = conninfo_to_dict(url)
        self.port = int(self.parts.get("port") or 5432)

    def url(self, dbname: str = "postgres", *, password: str | None = None) -> str:
        from psycopg.conninfo import make_conninfo

        return make_conninfo(self.base, dbname=dbname)

    def start(self) -> None:
        raise PgUnavailable("cannot restart an external server")

    stop = start  # type: ignore[assignment]

    def close(self) -> None:
        pass


def start_server() -> PgServer:
    """A running server, or ``PgUnavailable`` saying why not."""
    external = os.environ.get("STORYLINK_TEST_PG")
    if external:
        return ExternalServer(external)
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:
        raise PgUnavailable("psycopg not installed (pip install -e '.[test]')") from exc
    started = time.monotonic()
    try:
        server = PgServer()
    except (OSError, subprocess.SubprocessError) as exc:
        raise PgUnavailable(f"cannot start PostgreSQL: {exc}") from exc
    server.startup_seconds = time.monotonic() - started  # type: ignore[attr-defined]
    return server
