"""The stores, SQLite and PostgreSQL alike: round trips, idempotent upserts, versioned analyses, vectors,
migrations, concurrent readers and writers.

Tests taking the ``store`` (or ``db_url``) fixture run once per backend; a new
``Store`` method gets its test here, written once against the interface."""

from __future__ import annotations

import json
import sqlite3
import threading
import time

import numpy as np
import pytest

import storylink
from storylink.config import Settings
from storylink.document import Analysis, Article
from storylink.errors import NotFound, StoreError
from storylink.ingest import ingest
from storylink.store import MIGRATIONS, SQLiteStore, Store, open_store, published_key

try:
    import psycopg

    INTEGRITY_ERRORS: tuple[type[Exception], ...] = (sqlite3.IntegrityError, psycopg.IntegrityError)
except ImportError:  # the PostgreSQL tests skip then, saying why
    INTEGRITY_ERRORS = (sqlite3.IntegrityError,)

TEXT = ("Gipfel in Hanoi\n\nUS-Präsident Donald Trump und Nordkoreas Machthaber Kim Jong Un trafen sich am "
        "Mittwoch in Hanoi. „Wir werden sehen“, sagte Trump.")


@pytest.fixture()
def store(db_url):
    with open_store(Settings(db=db_url)) as s:
        yield s


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return storylink.analyze(Article.from_text(TEXT, published="2019-02-27"))


def test_open_store_creates_the_folder_and_uses_wal(tmp_path):
    path = tmp_path / "a" / "b" / "s.db"
    with open_store(Settings(db=str(path))) as s:
        assert isinstance(s, SQLiteStore) and isinstance(s, Store)
        assert s.schema_version == len(MIGRATIONS)
    assert path.exists()
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_article_round_trip_and_idempotent_upsert(store):
    a = Article(id="x1", text=TEXT, title="Gipfel in Hanoi", url="https://example.org/x", source="Agentur",
                published="2019-02-27T10:00:00+07:00", language="de", author="Anna Beispiel", origin="a.txt")
    assert store.put_article(a) == "inserted"
    assert store.put_article(a) == "unchanged"
    assert store.get_article(a.id) == a
    assert Article.from_dict(store.get_article(a.id).to_dict()) == a
    changed = Article.from_dict(a.to_dict() | {"source": "Zeitung"})
    assert store.put_article(changed) == "updated"
    assert store.get_article(a.id).source == "Zeitung"
    assert store.count_articles() == 1
    with pytest.raises(NotFound, match="nope"):
        store.get_article("nope")


def test_analysis_round_trip_and_versions(store, analysis):
    a = Article.from_text(TEXT, published="2019-02-27")
    store.put_article(a)
    assert store.needs_analysis(analysis.analyzer) == [a.id]
    assert store.get_analysis(a.id) is None
    store.put_analysis(analysis)
    stored = store.get_analysis(a.id, analyzer=analysis.analyzer)
    assert stored == analysis and Analysis.from_dict(stored.to_dict()) == analysis
    assert all(a.text[x.start:x.end] == x.text for x in stored.entities + stored.sentences)
    assert store.needs_analysis(analysis.analyzer) == []
    newer = Analysis.from_dict(analysis.to_dict() | {"analyzer": "storylink-analyze/999"})
    store.put_analysis(newer)
    assert store.get_analysis(a.id).analyzer == "storylink-analyze/999"
    assert store.get_analysis(a.id, analyzer=analysis.analyzer) == analysis
    assert store.get_analysis(a.id, analyzer="storylink-analyze/0") is None
    assert store.needs_analysis("storylink-analyze/1000") == [a.id]
    assert store.get_analyses([a.id, "absent"]) == {a.id: newer}  # the batched read agrees
    assert store.get_analyses([a.id], analyzer=analysis.analyzer) == {a.id: analysis}
    store.put_analysis(analysis)  # re-storing an old version makes it the latest again
    assert store.get_analysis(a.id).analyzer == analysis.analyzer
    assert store.get_analyses([a.id]) == {a.id: analysis}
    assert store.languages([a.id, "absent"]) == {a.id: "de"}
    with pytest.raises(NotFound, match="put the article first"):
        store.put_analysis(Analysis.from_dict(analysis.to_dict() | {"article_id": "elsewhere"}))


def test_a_changed_text_drops_stale_analyses_and_vectors(store, analysis):
    a = Article.from_text(TEXT, published="2019-02-27")
    store.put_article(a)
    store.put_analysis(analysis)
    store.put_vectors(a.id, "use", np.ones(4))
    store.put_article(Article.from_dict(a.to_dict() | {"source": "Zeitung", "origin": "b.txt"}))
    assert store.get_analysis(a.id) == analysis and a.id in store.get_vectors([a.id], "use")
    # Same id (white space folded), other text: offsets of the old analysis would be wrong.
    crlf = Article.from_dict(a.to_dict() | {"text": TEXT.replace("\n", "\r\n")})
    assert crlf.id == a.id and store.put_article(crlf) == "updated"
    assert store.get_analysis(a.id) is None and store.get_vectors([a.id], "use") == {}
    assert store.needs_analysis(analysis.analyzer) == [a.id]


def test_vectors_round_trip_and_cascade_delete(store):
    a = Article.from_text(TEXT)
    store.put_article(a)
    v = np.random.default_rng(0).standard_normal((3, 512)).astype(np.float32)
    store.put_arrays(a.id, "use", {"whole": v[0], "sentences": v})
    got = store.get_arrays([a.id, "nope"], "use")
    assert list(got) == [a.id]
    assert np.array_equal(got[a.id]["sentences"], v) and got[a.id]["whole"].dtype == np.float32
    store.put_vectors(a.id, "e5", v.astype(np.float64))
    vectors = store.get_vectors([a.id], "e5")
    assert vectors[a.id].dtype == np.float32 and np.array_equal(vectors[a.id], v)
    assert store.get_vectors([a.id], "other-model") == {}
    with pytest.raises(NotFound, match="put the article first"):
        store.put_vectors("missing", "e5", v)
    store.delete_article(a.id)
    assert store.get_arrays([a.id], "use") == {} and store.get_vectors([a.id], "e5") == {}
    with pytest.raises(NotFound, match=a.id):
        store.get_article(a.id)
    with pytest.raises(NotFound):
        store.delete_article(a.id)


def test_many_ids_are_fetched_in_batches(store):
    ids = []
    for i in range(1_200):
        a = Article(id=f"id{i:05d}", text=f"Text {i}")
        store.put_article(a)
        store.put_vectors(a.id, "m", np.full(2, i))
        ids.append(a.id)
    got = store.get_vectors(ids, "m")
    assert len(got) == 1_200 and got["id01199"].tolist() == [1199.0, 1199.0]
    found = store.get_articles([*ids, "absent"])
    assert len(found) == 1_200 and found["id01199"].text == "Text 1199"
    assert [a.id for a in store.articles(order="ingested")] == ids


def test_publication_order_is_by_utc_instant_then_ingest_order(store):
    rows = [
        ("undated1", None),
        ("hanoi", "2019-02-27T10:00:00+07:00"),  # 03:00 UTC
        ("berlin", "2019-02-27T05:00:00+01:00"),  # 04:00 UTC, though its string sorts first
        ("undated2", None),
        ("day", "2019-02-26"),
        ("zulu", "2019-02-27T03:30:00Z"),
    ]
    for aid, published in rows:
        store.put_article(Article(id=aid, text=f"Text {aid}", published=published))
    assert [a.id for a in store.articles()] == ["day", "hanoi", "zulu", "berlin", "undated1", "undated2"]
    assert [a.id for a in store.articles(order="ingested")] == [aid for aid, _ in rows]
    with pytest.raises(ValueError, match="published"):
        list(store.articles(order="random"))
    assert published_key("2019-02-27T10:00:00+07:00") == "2019-02-27T03:00:00.000"
    assert published_key("gestern") is None


def test_ingest_sequence_only_grows(store):
    for name in ("a", "b", "c"):
        store.put_article(Article(id=name, text=f"Text {name}"))
    store.delete_article("c")
    store.put_article(Article(id="d", text="Text d"))
    order = store.ingest_order()
    assert order["a"] < order["b"] < order["d"] and order["d"] == 4  # c's number 3 is not reused


def test_id_prefixes_resolve_like_git(store):
    for aid in ("abcd1111", "abcd2222", "abce3333"):
        store.put_article(Article(id=aid, text=f"Text {aid}"))
    assert store.find_articles("abc") == ["abcd1111", "abcd2222", "abce3333"]
    assert store.find_articles("abc", limit=2) == ["abcd1111", "abcd2222"]
    assert store.find_articles("zz") == []
    assert store.resolve_id("abce") == "abce3333"
    assert store.resolve_id("abcd2") == "abcd2222"
    assert store.resolve_id("abcd1111") == "abcd1111"
    with pytest.raises(NotFound, match="abcd1111, abcd2222"):
        store.resolve_id("abcd")
    with pytest.raises(NotFound, match="at least 4"):
        store.resolve_id("ab")
    with pytest.raises(NotFound, match="no such article"):
        store.resolve_id("ffff")


def test_assignments_are_atomic_and_ordered(store):
    a, b = Article.from_text(TEXT + " a"), Article.from_text(TEXT + " b")
    store.put_article(a)
    store.put_article(b)
    store.put_assignments([{"article_id": a.id, "story_id": f"s:{a.id}", "new_story": True}])
    with pytest.raises(INTEGRITY_ERRORS):  # a twice in one batch: nothing of the batch lands
        store.put_assignments([{"article_id": b.id, "story_id": f"s:{a.id}", "merged": ["s:x"]},
                               {"article_id": a.id, "story_id": "s:y"}])
    assert [r["article_id"] for r in store.assignments()] == [a.id]
    assert store.redirects() == {}
    store.put_assignments([{"article_id": b.id, "story_id": "s:b", "merged": [f"s:{a.id}"]}])
    assert store.redirects() == {f"s:{a.id}": "s:b"}
    store.clear_assignments()
    assert list(store.assignments()) == [] and store.redirects() == {} and store.count_articles() == 2


def _old_database(path, version: int) -> None:
    db = sqlite3.connect(path)
    for script in MIGRATIONS[:version]:
        db.executescript(script)
    db.execute(f"PRAGMA user_version = {version}")
    for seq, aid, published in ((1, "abc1", "2019-02-27T10:00:00+07:00"), (5, "abc5", "2019-02-27T05:00:00+01:00")):
        data = json.dumps({"id": aid, "text": f"Alter Text {aid} über Hanoi.", "published": published})
        db.execute("INSERT INTO articles (id, seq, data, published) VALUES (?, ?, ?, ?)", (aid, seq, data, published))
    db.commit()
    db.close()


@pytest.mark.parametrize("version", [1, 3])
def test_an_older_database_is_migrated_on_open(tmp_path, version):
    path = tmp_path / "old.db"
    _old_database(path, version)
    with SQLiteStore(path) as store:
        assert store.schema_version == len(MIGRATIONS)
        assert store.get_article("abc1").text == "Alter Text abc1 über Hanoi."
        assert [a.id for a in store.articles()] == ["abc1", "abc5"]  # backfilled UTC keys
        assert store.put_article(Article(id="new", text="Neuer Text.")) == "inserted"
        assert store.ingest_order() == {"abc1": 1, "abc5": 5, "new": 6}
        store.put_vectors("abc1", "use", np.ones(2))
    with SQLiteStore(path) as again:  # opening a current database changes nothing
        assert again.schema_version == len(MIGRATIONS) and again.count_articles() == 3


def test_a_failing_migration_leaves_the_database_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    _old_database(path, 3)
    import storylink.store as store_module

    monkeypatch.setattr(store_module, "MIGRATIONS", MIGRATIONS + ("CREATE TABLE counters (x);",))
    with pytest.raises(StoreError, match="already exists"):
        SQLiteStore(path)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)  # real ones committed, the bad one rolled back whole
    assert db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 2


def test_unusable_databases_are_named(tmp_path):
    path = tmp_path / "new.db"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    db.close()
    with pytest.raises(StoreError, match="newer") as info:
        SQLiteStore(path)
    assert str(path) in str(info.value)
    junk = tmp_path / "notes.txt"
    junk.write_text("Das ist keine Datenbank, sondern ein Einkaufszettel.\n" * 100, encoding="utf-8")
    with pytest.raises(StoreError, match="not a database"):
        SQLiteStore(junk)


def test_a_bad_input_in_a_batch_loses_neither_the_rest_nor_stored_data(tmp_path, db_url, analysis):
    src = tmp_path / "in"
    src.mkdir()
    (src / "1.txt").write_text(TEXT, encoding="utf-8")
    (src / "2.bin").write_bytes(b"\x00" * 100)
    (src / "3.jsonl").write_text('{"text": "Zweiter Bericht aus Hanoi."}\n{"text": 3}\n', encoding="utf-8")
    (src / "4.txt").write_text("Dritter Bericht\n\nKim reiste mit dem Zug an.", encoding="utf-8")
    with open_store(Settings(db=db_url)) as store:
        store.put_article(Article(id="earlier", text="Schon gespeichert."))
        report = ingest([src, tmp_path / "missing.txt"], store)
        assert (report.inserted, report.failed) == (3, 3)
        assert sorted(e.code for e in report.errors) == ["binary", "malformed", "missing"]
        assert store.count_articles() == 4 and store.get_article("earlier").text == "Schon gespeichert."
        store.put_analysis(analysis)
        again = ingest([src], store)
        assert (again.inserted, again.updated, again.unchanged) == (0, 0, 3)
        assert store.get_analysis(analysis.article_id) == analysis  # re-ingest keeps analyses


def test_a_reader_sees_committed_rows_while_a_writer_writes(db_url):
    writer = open_store(Settings(db=db_url))
    done = threading.Event()
    seen: list[int] = []
    failures: list[BaseException] = []

    def read() -> None:
        try:
            reader = open_store(Settings(db=db_url))
            while not done.is_set():
                seen.append(reader.count_articles())
                list(reader.articles())
            seen.append(reader.count_articles())
            reader.close()
        except BaseException as exc:  # surfaced below: a thread's exception would vanish
            failures.append(exc)

    thread = threading.Thread(target=read)
    thread.start()
    for i in range(200):
        writer.put_article(Article.from_text(f"{TEXT} {i}"))
    done.set()
    thread.join()
    writer.close()
    assert failures == []
    assert seen == sorted(seen) and seen[-1] == 200 and len(seen) > 1


def test_history_arrays_and_redirects_read_back_whole(store, analysis):
    """What ``storylink copy`` reads: every analysis version oldest first, every model's arrays, redirects."""
    a = Article.from_text(TEXT, published="2019-02-27")
    store.put_article(a)
    newer = Analysis.from_dict(analysis.to_dict() | {"analyzer": "storylink-analyze/999"})
    store.put_analysis(newer)
    store.put_analysis(analysis)
    assert [x.analyzer for x in store.analysis_history([a.id, "absent"])] == [newer.analyzer, analysis.analyzer]
    store.put_arrays(a.id, "use", {"v": np.arange(3, dtype=np.float32)})
    store.put_arrays(a.id, "e5", {"v": np.ones(2)})
    got = store.all_arrays([a.id])
    assert [(aid, model) for aid, model, _ in got] == [(a.id, "e5"), (a.id, "use")]
    assert got[1][2]["v"].tolist() == [0.0, 1.0, 2.0]
    store.put_assignments([{"article_id": a.id, "story_id": "s:new", "merged": ["s:old"]}])
    assert store.redirect_rows() == {"s:old": ("s:new", a.id)}
    store.put_redirects({"s:old": ("s:newer", a.id), "s:gone": ("s:new", "deleted-article")})
    assert store.redirects() == {"s:old": "s:newer", "s:gone": "s:new"}
    assert store.put_articles([a, Article(id="b", text="Text b")]) == ["unchanged", "inserted"]
    assert store.ingest_order()["b"] == 2


def test_one_clustering_pass_at_a_time(store):
    """The second holder waits until the first lets go (PostgreSQL: advisory lock; SQLite: flock)."""
    events: list[str] = []
    entered = threading.Event()

    def second() -> None:
        with open_store(Settings(db=getattr(store, "conninfo", store.name))) as other:
            entered.set()
            with other.clustering_lock():
                events.append("second")

    with store.clustering_lock():
        thread = threading.Thread(target=second)
        thread.start()
        assert entered.wait(30)
        time.sleep(0.3)  # the second one is at the lock now, and must wait there
        events.append("first done")
    thread.join(30)
    assert events == ["first done", "second"]


def test_many_threads_writing_one_store_lose_and_duplicate_nothing(db_url):
    """Writers racing on the same ids: every article stored once, numbers unique and growing."""
    failures: list[BaseException] = []

    def write(worker: int) -> None:
        try:
            with open_store(Settings(db=db_url)) as store:
                for i in range(60):
                    store.put_article(Article(id=f"a{(i + worker * 7) % 60:03d}", text=f"Text {i}"))
        except BaseException as exc:  # surfaced below
            failures.append(exc)

    threads = [threading.Thread(target=write, args=(w,)) for w in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    with open_store(Settings(db=db_url)) as store:
        order = store.ingest_order()
        assert sorted(order) == [f"a{i:03d}" for i in range(60)]
        assert len(set(order.values())) == 60 and store.count_articles() == 60


# -- PostgreSQL only ---------------------------------------------------------------------

def _old_pg_database(url: str, version: int) -> None:
    from storylink.pgstore import PG_MIGRATIONS

    with psycopg.connect(url) as conn:
        for script in PG_MIGRATIONS[:version]:
            conn.execute(script.encode())
        conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        conn.execute("INSERT INTO schema_version VALUES (%s)", (version,))
        for seq, aid, published in ((1, "abc1", "2019-02-27T10:00:00+07:00"), (5, "abc5", "2019-02-27T05:00:00+01:00")):
            data = json.dumps({"id": aid, "text": f"Alter Text {aid} über Hanoi.", "published": published})
            conn.execute("INSERT INTO articles (id, seq, data, published) VALUES (%s, %s, %s, %s)",
                         (aid, seq, data, published))


@pytest.mark.parametrize("version", [1, 3])
def test_an_older_postgres_database_is_migrated_on_open(pg_url, version):
    from storylink.pgstore import PG_MIGRATIONS, PostgresStore

    assert len(PG_MIGRATIONS) == len(MIGRATIONS)  # one numbering for both dialects
    _old_pg_database(pg_url, version)
    with open_store(Settings(db=pg_url)) as store:
        assert isinstance(store, PostgresStore) and store.applied == tuple(range(version + 1, len(MIGRATIONS) + 1))
        assert store.schema_version == len(PG_MIGRATIONS)
        assert [a.id for a in store.articles()] == ["abc1", "abc5"]  # backfilled UTC keys: 03:00 before 04:00
        assert store.put_article(Article(id="new", text="Neuer Text.")) == "inserted"
        assert store.ingest_order() == {"abc1": 1, "abc5": 5, "new": 6}
    with open_store(Settings(db=pg_url)) as again:
        assert again.applied == () and again.count_articles() == 3


def test_a_failing_postgres_migration_is_rolled_back_whole(pg_url, monkeypatch):
    import storylink.pgstore as pgstore

    _old_pg_database(pg_url, 3)
    real = len(pgstore.PG_MIGRATIONS)
    monkeypatch.setattr(pgstore, "PG_MIGRATIONS", pgstore.PG_MIGRATIONS + ("CREATE TABLE z (x int); CREATE TABLE counters (x int);",))
    with pytest.raises(StoreError, match=f"migration {real + 1} failed .*already exists") as info:
        open_store(Settings(db=pg_url))
    assert "127.0.0.1" in str(info.value)
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT version FROM schema_version").fetchone()[0] == real  # the real ones committed
        assert conn.execute("SELECT to_regclass('z')").fetchone()[0] is None
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 2


def test_unusable_postgres_databases_are_one_line_naming_them(pg_server, pg_url):
    with psycopg.connect(pg_url) as conn:
        conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        conn.execute("INSERT INTO schema_version VALUES (99)")
    with pytest.raises(StoreError, match="newer than this storylink's"):
        open_store(Settings(db=pg_url))
    # Nothing listens on the port: a StoreError naming the database, never the password.
    closed = f"postgresql://editor:hunter2@127.0.0.1:{_closed_port()}/news"
    with pytest.raises(StoreError, match="cannot connect to the database") as info:
        open_store(Settings(db=closed))
    message = str(info.value)
    assert message.startswith("postgresql://editor@127.0.0.1:") and "hunter2" not in message
    assert "\n" not in message
    with pytest.raises(StoreError, match='database "nope_absent" does not exist'):
        open_store(Settings(db=pg_server.url("nope_absent")))


def test_read_only_commands_refuse_an_empty_postgres_database(pg_url):
    from storylink.errors import MissingInput

    with pytest.raises(MissingInput, match="no storylink database here"):
        open_store(Settings(db=pg_url), create=False)
    with open_store(Settings(db=pg_url)):
        pass
    with open_store(Settings(db=pg_url), create=False) as store:
        assert store.count_articles() == 0


def test_db_values_select_the_backend(tmp_path):
    from storylink.store import sqlite_path

    with open_store(Settings(db=f"sqlite://{tmp_path}/u.db")) as store:
        assert isinstance(store, SQLiteStore) and store.path == f"{tmp_path}/u.db"
    assert sqlite_path("news.db") == "news.db"
    # What `storylink settings` lists never shows a password.
    shown = Settings(db="postgresql://ed:s3cret@db:5432/news?password=s3cret&sslmode=require").to_dict()["db"]
    assert shown == "postgresql://ed@db:5432/news?password=***&sslmode=require"


def _closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # closed again on return: nothing listens there


@pytest.mark.parametrize("ci", ["", "true"])
def test_without_a_postgres_server_the_tests_skip_saying_why_but_fail_in_ci(tmp_path, ci):
    """The fixture's own contract: no server is a visible skip locally, a failure under CI."""
    import os
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    tests = Path(__file__).parent
    for name in ("conftest.py", "pg.py"):
        shutil.copy(tests / name, tmp_path / name)
    (tmp_path / "test_needs_pg.py").write_text("def test_it(pg_url):\n    assert pg_url\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "STORYLINK_TEST_PG")}
    env |= {"STORYLINK_TEST_PG_BINDIR": str(tmp_path / "nowhere"), "CI": ci}
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", "test_needs_pg.py"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    if ci:
        assert done.returncode == 1 and "1 error" in done.stdout
        assert "PostgreSQL is required in CI: no initdb in STORYLINK_TEST_PG_BINDIR" in done.stdout
    else:
        assert done.returncode == 0 and "1 skipped" in done.stdout
        assert "no PostgreSQL server: no initdb in STORYLINK_TEST_PG_BINDIR" in done.stdout


def test_story_view_reads_by_story_article_and_date(store):
    """The story view's indexed reads (``published``, ``story_assignments``, ``assignment_of``)."""
    for aid, published in (("a", "2019-02-27T10:00:00+07:00"), ("b", None), ("c", "2019-02-28")):
        store.put_article(Article(id=aid, text=f"Text {aid}", published=published))
    assert store.published(["a", "b", "absent"]) == {"a": "2019-02-27T10:00:00+07:00", "b": None}
    store.put_assignments([{"article_id": "a", "story_id": "s:a", "new_story": True},
                           {"article_id": "b", "story_id": "s:b", "new_story": True},
                           {"article_id": "c", "story_id": "s:a", "merged": ["s:b"]}])
    rows = store.story_assignments(["s:a", "s:nope"])
    assert [r["article_id"] for r in rows] == ["a", "c"] and rows[0]["seq"] < rows[1]["seq"]
    assert [r["article_id"] for r in store.story_assignments(["s:b", "s:a"])] == ["a", "b", "c"]
    assert store.assignment_of("c")["story_id"] == "s:a" and store.assignment_of("absent") is None
    # Each backend's indexed read agrees with the interface's generic one.
    assert Store.story_assignments(store, ["s:a"]) == rows
    assert Store.assignment_of(store, "b") == store.assignment_of("b")


def test_the_latest_analysis_is_the_last_one_written_even_within_a_millisecond(store, analysis):
    """Writes faster than the clock's resolution still order (SQLite's created_at has milliseconds:
    an upsert kept the older row's rowid, and the other version won the tie 283 times in 300)."""
    a = Article.from_text(TEXT, published="2019-02-27")
    store.put_article(a)
    newer = Analysis.from_dict(analysis.to_dict() | {"analyzer": "storylink-analyze/999"})
    wrong = 0
    for _ in range(50):
        store.put_analysis(analysis)
        store.put_analysis(newer)
        store.put_analysis(analysis)
        wrong += store.get_analysis(a.id).analyzer != analysis.analyzer
        wrong += store.get_analyses([a.id])[a.id].analyzer != analysis.analyzer
        wrong += store.languages([a.id]) != {a.id: "de"}
    assert wrong == 0
    assert [x.analyzer for x in store.analysis_history([a.id])] == [newer.analyzer, analysis.analyzer]


def test_postgres_search_stems_german_once_the_language_is_known(pg_url, analysis):
    """PostgreSQL's tsvector: German stemming for German articles (by their analysis), 'simple' before."""
    with open_store(Settings(db=pg_url)) as store:
        a = Article.from_text(TEXT, published="2019-02-27")
        store.put_article(a)
        assert store.search("Machthabers") == [] and [h["id"] for h in store.search("Machthaber")] == [a.id]
        store.put_analysis(analysis)  # language de: the article is indexed again, stemmed
        (hit,) = store.search("Machthabers Hanoi")
        assert hit["id"] == a.id and "[Machthaber]" in hit["snippet"]
        assert [h["id"] for h in store.search("praesident prasident")] == []  # every word must match
        assert [h["id"] for h in store.search("Prasident")] == [a.id]  # diacritics folded
