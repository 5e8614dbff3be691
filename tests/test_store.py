"""The SQLite store: round trips, idempotent upserts, versioned analyses, vectors, migrations, WAL readers."""

from __future__ import annotations

import sqlite3
import threading

import numpy as np
import pytest

import storylink
from storylink.config import Settings
from storylink.document import Analysis, Article
from storylink.errors import NotFound, StoreError
from storylink.store import MIGRATIONS, SQLiteStore, open_store

TEXT = ("Gipfel in Hanoi\n\nUS-Präsident Donald Trump und Nordkoreas Machthaber Kim Jong Un trafen sich am "
        "Mittwoch in Hanoi. „Wir werden sehen“, sagte Trump.")


@pytest.fixture()
def store(tmp_path):
    with open_store(Settings(db=str(tmp_path / "sub" / "s.db"))) as s:
        yield s


def test_article_round_trip_and_idempotent_upsert(store):
    a = Article.from_text(TEXT, url="https://example.org/x", source="Agentur", published="2019-02-27T10:00:00+07:00")
    assert store.put_article(a) == "inserted"
    assert store.put_article(a) == "unchanged"
    assert store.get_article(a.id) == a
    changed = Article.from_dict(a.to_dict() | {"source": "Zeitung"})
    assert store.put_article(changed) == "updated"
    assert store.get_article(a.id).source == "Zeitung"
    assert store.count_articles() == 1


def test_analysis_round_trip_and_versions(store):
    a = Article.from_text(TEXT, published="2019-02-27")
    store.put_article(a)
    analysis = storylink.analyze(a)
    assert store.needs_analysis(analysis.analyzer) == [a.id]
    store.put_analysis(analysis)
    assert store.get_analysis(a.id, analyzer=analysis.analyzer) == analysis
    assert store.needs_analysis(analysis.analyzer) == []
    newer = Analysis.from_dict(analysis.to_dict() | {"analyzer": "storylink-analyze/999"})
    store.put_analysis(newer)
    assert store.get_analysis(a.id).analyzer == "storylink-analyze/999"
    assert store.get_analysis(a.id, analyzer=analysis.analyzer) == analysis
    assert store.needs_analysis("storylink-analyze/1000") == [a.id]


def test_vectors_round_trip_and_cascade_delete(store):
    a = Article.from_text(TEXT)
    store.put_article(a)
    v = np.random.default_rng(0).standard_normal((3, 512)).astype(np.float32)
    store.put_arrays(a.id, "use", {"whole": v[0], "sentences": v})
    got = store.get_arrays([a.id, "nope"], "use")
    assert list(got) == [a.id]
    assert np.array_equal(got[a.id]["sentences"], v) and got[a.id]["whole"].dtype == np.float32
    store.delete_article(a.id)
    assert store.get_arrays([a.id], "use") == {}
    with pytest.raises(NotFound, match=a.id):
        store.get_article(a.id)
    with pytest.raises(NotFound):
        store.delete_article(a.id)


def test_id_prefixes_and_order(store):
    dated = Article.from_text(TEXT + " zwei", published="2019-02-26")
    undated1 = Article.from_text(TEXT + " eins")
    undated2 = Article.from_text(TEXT + " drei")
    early = Article.from_text(TEXT + " vier", published="2019-02-20")
    for a in (undated1, dated, undated2, early):
        store.put_article(a)
    assert [a.id for a in store.articles()] == [early.id, dated.id, undated1.id, undated2.id]
    assert [a.id for a in store.articles(order="ingested")] == [undated1.id, dated.id, undated2.id, early.id]
    assert store.resolve_id(dated.id[:10]) == dated.id
    with pytest.raises(NotFound, match="at least 4"):
        store.resolve_id("ab")


def test_assignments_are_atomic_and_ordered(store):
    a, b = Article.from_text(TEXT + " a"), Article.from_text(TEXT + " b")
    store.put_article(a)
    store.put_article(b)
    store.put_assignments([{"article_id": a.id, "story_id": f"s:{a.id}", "new_story": True}])
    with pytest.raises(sqlite3.IntegrityError):  # a twice in one batch: nothing of the batch lands
        store.put_assignments([{"article_id": b.id, "story_id": f"s:{a.id}", "merged": ["s:x"]},
                               {"article_id": a.id, "story_id": "s:y"}])
    assert [r["article_id"] for r in store.assignments()] == [a.id]
    assert store.redirects() == {}


def test_migrates_an_older_database(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0])
    db.execute("PRAGMA user_version = 1")
    db.execute("INSERT INTO articles (id, seq, data) VALUES ('abc1', 1, ?)",
               ('{"id": "abc1", "text": "Alter Text über Hanoi und Trump."}',))
    db.commit()
    db.close()
    with SQLiteStore(path) as store:
        assert store.schema_version == len(MIGRATIONS)
        assert store.get_article("abc1").text == "Alter Text über Hanoi und Trump."
        store.put_arrays("abc1", "use", {"v": np.ones(2, dtype=np.float32)})


def test_a_newer_schema_is_refused_and_postgres_is_named(tmp_path):
    path = tmp_path / "new.db"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    db.close()
    with pytest.raises(StoreError, match="newer"):
        SQLiteStore(path)
    with pytest.raises(StoreError, match="PostgreSQL"):
        open_store(Settings(db="postgresql://localhost/news"))


def test_a_reader_sees_committed_rows_while_a_writer_writes(tmp_path):
    path = tmp_path / "wal.db"
    writer = SQLiteStore(path)
    done = threading.Event()
    seen: list[int] = []

    def read() -> None:
        reader = SQLiteStore(path)
        while not done.is_set():
            seen.append(reader.count_articles())
        seen.append(reader.count_articles())
        reader.close()

    thread = threading.Thread(target=read)
    thread.start()
    for i in range(200):
        writer.put_article(Article.from_text(f"{TEXT} {i}"))
    done.set()
    thread.join()
    writer.close()
    assert seen == sorted(seen) and seen[-1] == 200
