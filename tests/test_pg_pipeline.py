"""The pipeline on PostgreSQL as on SQLite: the same stories, through copies, kills, a server restart
and several writers at once.

One stream of ~230 real articles (German and English SemEval texts, each at its own minute, so the
clustering order is the publication order alone) is ingested into SQLite once; its stories
(``cluster --no-profiles``) are the reference every PostgreSQL run must reproduce exactly.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storylink.config import Settings
from storylink.store import open_store

from conftest import SEMEVAL, need

STORYLINK = [sys.executable, "-m", "storylink"]


def _cli(*args: str, db: str | Path | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    extra = ["--db", str(db)] if db is not None else []
    return subprocess.run([*STORYLINK, *args, *extra], capture_output=True, text=True, timeout=timeout)


def _popen(*args: str, db: str) -> subprocess.Popen[str]:
    return subprocess.Popen([*STORYLINK, *args, "--db", db], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


@pytest.fixture(scope="module")
def stream(tmp_path_factory) -> dict:
    rows, seen = [], set()
    with need(SEMEVAL / "dev.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            pair = json.loads(line)
            if {pair["lang1"], pair["lang2"]} <= {"de", "en"}:
                for side in ("1", "2"):
                    aid = pair["pair_id"].split("_")[int(side) - 1]
                    if aid not in seen and len(rows) < 160:
                        seen.add(aid)
                        minute = len(rows)
                        rows.append({"id": aid, "text": pair["text" + side],
                                     "published": f"2020-03-{1 + minute // 12:02d}T{8 + minute % 12:02d}:"
                                                  f"{minute % 60:02d}:00+00:00"})
    folder = tmp_path_factory.mktemp("pgstream")
    path = folder / "stream.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    cold = folder / "cold.db"
    assert _cli("ingest", str(path), db=cold).returncode == 1  # one "en" text is Hindi: stored, not analyzed
    ref = folder / "ref.db"
    shutil.copy(cold, ref)
    done = _cli("cluster", "--no-profiles", "--json", db=ref)
    assert done.returncode == 0, done.stderr
    reference = json.loads(done.stdout)
    assert sum(s["size"] for s in reference) == len(rows) and len(reference) < len(rows)
    return {"path": path, "rows": rows, "cold": cold, "reference": reference}


def _count(url: str, sql: str) -> int:
    import psycopg

    with psycopg.connect(url, connect_timeout=2) as conn:
        return int(conn.execute(sql).fetchone()[0])


def _wait_for(url: str, sql: str, least: int, proc: subprocess.Popen[str], *, seconds: float = 120) -> int:
    deadline, seen = time.monotonic() + seconds, 0
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            seen = _count(url, sql)
        except Exception:  # the tables may not exist yet
            seen = 0
        if seen >= least:
            break
        time.sleep(0.01)
    return seen


def test_ingest_cluster_and_list_on_both_backends(db_url, stream):
    """In process, as the stages run: the same stories on SQLite and on PostgreSQL."""
    from rich.console import Console

    from storylink.commands import ingest_and_analyze
    from storylink.ingest import read
    from storylink.stories import cluster_store, list_stories

    settings = Settings(db=db_url)
    summary = ingest_and_analyze(read([stream["path"]], settings=settings), settings, Console(quiet=True))
    assert (summary["ingested"], summary["analyzed"]) == (len(stream["rows"]), len(stream["rows"]) - 1)
    with open_store(settings) as store:
        counts = cluster_store(store, settings=settings, profiles=False)
        assert counts["assigned"] == len(stream["rows"])
        assert [s.to_dict() for s in list_stories(store)] == stream["reference"]


def test_copy_round_trip_sqlite_postgres_sqlite_keeps_the_stories(pg_url, stream, tmp_path):
    cold = tmp_path / "cold.db"
    shutil.copy(stream["cold"], cold)
    done = _cli("copy", "--from", str(cold), "--to", pg_url, "--json")
    assert done.returncode == 0, done.stderr
    counts = json.loads(done.stdout)
    assert counts["articles"] == len(stream["rows"]) and counts["analyses"] == len(stream["rows"]) - 1
    assert counts["to"] == pg_url  # no password in this URL, so the name is the URL itself
    clustered = _cli("cluster", "--no-profiles", "--json", db=pg_url)
    assert clustered.returncode == 0, clustered.stderr
    assert json.loads(clustered.stdout) == stream["reference"]
    back = tmp_path / "back.db"
    done = _cli("copy", "--from", pg_url, "--to", str(back), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["assignments"] == len(stream["rows"])
    assert json.loads(_cli("stories", "--json", db=back).stdout) == stream["reference"]
    # Vectors came along: a re-run on the copy replays every decision and computes nothing new.
    again = _cli("cluster", "--no-profiles", db=back)
    assert f"0 assigned (0 new stories, 0 duplicates), {len(stream['rows'])} already assigned" in again.stderr
    # Into a store that holds articles: one line, nothing changed.
    refused = _cli("copy", "--from", str(cold), "--to", str(back))
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1
    assert "already holds" in refused.stderr and str(back) in refused.stderr


def test_sigkill_of_cluster_on_postgres_then_rerun_gives_the_same_stories(pg_url, stream):
    assert _cli("copy", "--from", str(stream["cold"]), "--to", pg_url).returncode == 0  # vectors still to compute
    proc = _popen("cluster", "--no-profiles", db=pg_url)
    _wait_for(pg_url, "SELECT COUNT(*) FROM assignments", 1, proc)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _count(pg_url, "SELECT COUNT(*) FROM assignments")
    assert 0 < partial < len(stream["rows"]), "the kill should land mid-run"
    # The killed run's advisory lock went with its connection: the re-run is not blocked.
    done = _cli("cluster", "--no-profiles", "--json", db=pg_url, timeout=120)
    assert done.returncode == 0, done.stderr
    assert _count(pg_url, "SELECT COUNT(DISTINCT article_id) FROM assignments") == len(stream["rows"])
    assert _count(pg_url, "SELECT COUNT(*) FROM assignments") == len(stream["rows"])
    assert json.loads(done.stdout) == stream["reference"]


def test_sigkill_of_ingest_on_postgres_then_rerun_loses_nothing(pg_url, stream):
    proc = _popen("ingest", str(stream["path"]), db=pg_url)
    _wait_for(pg_url, "SELECT COUNT(*) FROM analyses", 10, proc)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _count(pg_url, "SELECT COUNT(*) FROM articles")
    assert 0 < partial < len(stream["rows"]), "the kill should land mid-run"
    done = _cli("ingest", "--json", str(stream["path"]), db=pg_url)
    summary = json.loads(done.stdout)
    assert summary["ingested"] == len(stream["rows"]) - partial and summary["unchanged"] == partial
    clustered = _cli("cluster", "--no-profiles", "--json", db=pg_url)
    assert json.loads(clustered.stdout) == stream["reference"]
    assert _count(pg_url, "SELECT COUNT(*) FROM assignments") == len(stream["rows"])


def test_a_postgres_restart_during_ingest_is_one_line_and_the_next_run_completes(pg_server, pg_url, stream):
    from storylink.analyze import ANALYZER_VERSION

    # Trust login: the password is never used, only never shown. The short timeout spares the wait.
    secret_url = pg_url.replace("postgres@", "postgres:hunter2@") + "?connect_timeout=2"
    proc = _popen("ingest", str(stream["path"]), db=secret_url)
    try:
        _wait_for(pg_url, "SELECT COUNT(*) FROM analyses", 10, proc)
        pg_server.stop("fast")
        _, stderr = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
        pg_server.start()
    assert proc.returncode == 2
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in stderr and "hunter2" not in stderr
    name = pg_url.removeprefix("postgresql://")
    assert lines[0].startswith(f"error: postgresql://{name}: ")
    assert "connection" in lines[0]
    # What was committed is whole: each stored article is exactly its record.
    records = {r["id"]: r for r in stream["rows"]}
    with open_store(Settings(db=pg_url)) as store:
        stored = list(store.articles(order="ingested"))
        assert 0 < len(stored) < len(records)
        for article in stored:
            assert (article.text, article.published) == (records[article.id]["text"], records[article.id]["published"])
    done = _cli("ingest", "--json", str(stream["path"]), db=pg_url)
    summary = json.loads(done.stdout)
    assert summary["ingested"] + summary["unchanged"] == len(records)
    with open_store(Settings(db=pg_url)) as store:
        assert store.count_articles() == len(records)
        (hindi,) = store.needs_analysis(ANALYZER_VERSION)  # the one text no supported language fits
    with open_store(Settings(db=str(stream["cold"]))) as cold:
        assert cold.needs_analysis(ANALYZER_VERSION) == [hindi]


def test_two_ingests_and_two_clusterers_at_once_equal_one_writer(pg_url, stream, tmp_path):
    """Overlapping inputs from two processes: every article once; two clusterers: one ordered pass."""
    from storylink.analyze import ANALYZER_VERSION

    rows = stream["rows"]
    by_id = {r["id"]: r for r in rows}
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows[:100]), encoding="utf-8")
    second.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows[60:]), encoding="utf-8")
    ingests = [_popen("ingest", "--json", str(p), db=pg_url) for p in (first, second)]
    outs = [json.loads(p.communicate(timeout=300)[0]) for p in ingests]
    assert [len(o["articles"]) for o in outs] == [100, len(rows) - 60]
    assert all(p.returncode in (0, 1) for p in ingests)  # 1: the Hindi text, stored without analysis
    with open_store(Settings(db=pg_url)) as store:
        order = store.ingest_order()
        assert sorted(order) == sorted(r["id"] for r in rows) and len(set(order.values())) == len(rows)
        # The overlap was stored by both (its origin differs: the other file), analysed, and kept whole.
        assert len(store.needs_analysis(ANALYZER_VERSION)) == 1  # the Hindi text, as in one run
        assert all(a.text == by_id[a.id]["text"] for a in store.articles())
    clusterers = [_popen("cluster", "--no-profiles", db=pg_url) for _ in range(2)]
    results = [p.communicate(timeout=300) for p in clusterers]
    assert all(p.returncode == 0 for p in clusterers), [err for _, err in results]
    # Exactly one pass assigned everything; the other waited for the lock and replayed it.
    assigned = sorted(int(err.split(" assigned")[0].split()[-1]) for _, err in results)
    assert assigned == [0, len(rows)]
    assert json.loads(_cli("stories", "--json", db=pg_url).stdout) == stream["reference"]
    assert _count(pg_url, "SELECT COUNT(*) FROM assignments") == len(rows)


def test_migrate_creates_the_schema_then_reports_it_current(db_url):
    from storylink.store import MIGRATIONS

    first = _cli("migrate", "--json", db=db_url)
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    assert report["applied"] == list(range(1, len(MIGRATIONS) + 1)) and report["schema_version"] == len(MIGRATIONS)
    again = _cli("migrate", db=db_url)
    assert again.returncode == 0 and f"up to date (schema version {len(MIGRATIONS)})" in again.stdout


def test_an_unreachable_postgres_is_one_line_naming_it_without_the_password(stream):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed on leaving: nothing listens there
    url = f"postgresql://editor:hunter2@127.0.0.1:{port}/news?connect_timeout=2"
    for args in (["ingest", str(stream["path"])], ["stories", "--json"]):
        done = _cli(*args, db=url)
        assert done.returncode == 2 and done.stdout == ""
        assert done.stderr.startswith(f"error: postgresql://editor@127.0.0.1:{port}/news: cannot connect")
        assert done.stderr.count("\n") == 1 and "hunter2" not in done.stderr


def test_the_story_view_on_postgres_equals_sqlite(pg_url, tmp_path):
    """The demo corpus clustered on SQLite, copied to PostgreSQL: every story's view is the same there."""
    import storylink
    from storylink.ingest import demo_articles
    from storylink.store import open_store
    from storylink.storecopy import copy_store

    lite = Settings(db=str(tmp_path / "demo.db"), story_profiles=False)
    stories = storylink.cluster(demo_articles(), settings=lite)
    with open_store(lite) as src, open_store(Settings(db=pg_url)) as dst:
        copy_store(src, dst)
    pg = Settings(db=pg_url, story_profiles=False)
    for story in stories[:3]:
        assert storylink.story(story.id, settings=pg).to_dict() == storylink.story(story.id, settings=lite).to_dict()
    done = _cli("story", stories[0].articles[-1][:8], "--json", db=pg_url)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["id"] == stories[0].id


def test_two_ingests_and_a_server_writing_at_once_then_one_pass_equal_one_writer(pg_url, stream, tmp_path):
    """The issue's many writers: two ``storylink ingest`` and a ``storylink serve`` (its POSTs) into one
    database at once, overlapping; nothing lost or doubled, and the clustering pass that follows (one,
    under the advisory lock) gives the single-writer stories. The server runs ``--no-worker`` here, so
    that the pass starts after the last write: a worker clustering mid-stream would see the articles in
    arrival order, not publication order, and could not be compared with a single run."""
    import httpx

    rows = stream["rows"]
    parts = {"first": rows[:70], "second": rows[50:120]}
    for name, part in parts.items():
        (tmp_path / f"{name}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in part),
                                                encoding="utf-8")
    port = _free_port()
    key = "pg-test-key-0123456789"
    env = {k: v for k, v in os.environ.items() if k != "STORYLINK_DB"} | {"STORYLINK_API_KEY": key,
                                                                         "STORYLINK_STORY_PROFILES": "0"}
    log = (tmp_path / "serve.log").open("wb")
    server = subprocess.Popen([*STORYLINK, "serve", "--db", pg_url, "--host", "127.0.0.1", "--port", str(port),
                               "--no-worker"], env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and server.poll() is None:
            try:
                if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        assert server.poll() is None, (tmp_path / "serve.log").read_text()[-2000:]
        ingests = [_popen("ingest", "--json", str(tmp_path / f"{name}.jsonl"), db=pg_url) for name in parts]
        posted = rows[100:]
        with httpx.Client(base_url=base, timeout=60, headers={"X-API-Key": key}) as client:
            for i in range(0, len(posted), 10):
                answer = client.post("/api/articles", json=posted[i : i + 10])
                assert answer.status_code == 202, answer.text
                assert answer.json()["accepted"] == len(posted[i : i + 10])
        outs = [json.loads(p.communicate(timeout=300)[0]) for p in ingests]
        assert [len(o["articles"]) for o in outs] == [70, 70]
        with httpx.Client(base_url=base, timeout=60) as client:
            assert client.get("/api/health").json()["articles"] == len(rows)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(30)
        log.close()
    with open_store(Settings(db=pg_url)) as store:
        order = store.ingest_order()
        assert sorted(order) == sorted(r["id"] for r in rows) and len(set(order.values())) == len(rows)
    done = _cli("cluster", "--no-profiles", "--json", db=pg_url)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == stream["reference"]
    assert _count(pg_url, "SELECT COUNT(DISTINCT article_id) FROM assignments") == len(rows)



def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
