"""What migration 5 adds to the store: full-text search, analysis failures, API keys, batched puts
(on SQLite and, through ``db_url``, on PostgreSQL)."""

from __future__ import annotations

import sqlite3

import pytest

from storylink.document import Article
from storylink.errors import NotFound, StoreError
from storylink.service.keys import add_key, authorize, hash_key
from storylink.config import Settings
from storylink.errors import KeyRefused, KeyRequired
from storylink.store import MIGRATIONS, SQLiteStore, open_store


def _old_database(path, version: int) -> None:
    """A database as storylink left it at schema ``version``, holding two articles."""
    db = sqlite3.connect(path)
    for script in MIGRATIONS[:version]:
        db.executescript(script)
    db.execute(f"PRAGMA user_version = {version}")
    for seq, aid in ((1, "abc1"), (5, "abc5")):
        db.execute("INSERT INTO articles (id, seq, data) VALUES (?, ?, json_object('id', ?, 'text', ?))",
                   (aid, seq, aid, f"Alter Text {aid} über Hanoi."))
    db.commit()
    db.close()


def test_an_old_database_gets_its_articles_into_the_search_index(tmp_path):
    path = tmp_path / "old.db"
    _old_database(path, 4)
    with SQLiteStore(path) as store:
        assert store.schema_version == len(MIGRATIONS) >= 5
        assert {h["id"] for h in store.search("hanoi")} == {"abc1", "abc5"}
        assert [h["id"] for h in store.search("abc5 Hanoi")] == ["abc5"]


def test_search_follows_inserts_updates_and_deletes(db_url):
    with open_store(Settings(db=db_url)) as store:
        outcomes = store.put_articles([
            Article.from_text("Streik bei der Bahn\n\nDie Lokführer legen am Montag die Arbeit nieder.", id="a"),
            Article.from_text("Die Rentenreform stößt auf Protest in Paris.", id="b"),
            Article.from_text("Die Rentenreform stößt auf Protest in Paris.", id="b")])
        assert outcomes == ["inserted", "inserted", "unchanged"]
        assert [h["id"] for h in store.search("lokfuhrer")] == ["a"]  # diacritics folded
        assert store.search("Streik")[0]["snippet"].startswith("[Streik]")
        assert store.search('" OR * NEAR( -') == [] and store.search("   ") == []
        store.put_article(Article(id="a", text="Die Bahn fährt wieder nach Plan."))
        assert store.search("Lokführer") == [] and [h["id"] for h in store.search("Plan")] == ["a"]
        store.delete_article("b")
        assert store.search("Rentenreform") == []
        assert [h["id"] for h in store.search("bahn", limit=1, offset=0)] == ["a"]
        assert store.search("bahn", limit=1, offset=1) == []


def test_failures_and_states(db_url):
    with open_store(Settings(db=db_url)) as store:
        store.put_articles([Article(id="x", text="1234 5678"), Article(id="y", text="Trump traf Kim in Hanoi.")])
        store.record_failure("x", "an/1", "language not recognised")
        assert store.pending_analysis("an/1") == ["y"] and store.pending_analysis("an/2") == ["x", "y"]
        states = store.article_states(["x", "y", "zz"], analyzer="an/1")
        assert states == {"x": {"status": "failed", "reason": "language not recognised", "story": None},
                          "y": {"status": "stored", "reason": None, "story": None}}
        store.put_assignments([{"article_id": "x", "story_id": "s:x"}])
        assert store.article_states(["x"], analyzer="an/1")["x"]["story"] == "s:x"
        store.put_article(Article(id="x", text="Jetzt ein deutscher Text über Hanoi."))  # new text: retried
        assert store.failures(["x"]) == {} and store.pending_analysis("an/1") == ["x", "y"]
        with pytest.raises(NotFound):
            store.record_failure("nope", "an/1", "x")


def test_keys_are_stored_hashed_and_revocable(db_url):
    settings = Settings(db=db_url, api_key="from-env")
    with open_store(settings) as store:
        with pytest.raises(KeyRequired, match="none is configured"):
            authorize(None, store=store, settings=Settings(db=settings.db), write=True, where="POST /x")
        key, row = add_key(store, "feed")
        assert authorize(key, store=store, settings=settings, write=True, where="w") == row["id"]
        assert authorize("from-env", store=store, settings=settings, write=True, where="w") == "env"
        assert authorize(None, store=store, settings=settings, write=False, where="r") is None
        with pytest.raises(KeyRequired):
            authorize(None, store=store, settings=settings.replace(read_key_required=True), write=False, where="r")
        with pytest.raises(KeyRefused):
            authorize(key + "x", store=store, settings=settings, write=True, where="w")
        store.revoke_api_key(row["id"])
        store.revoke_api_key(row["id"])  # again: still revoked, at the first time
        with pytest.raises(KeyRefused, match="revoked"):
            authorize(key, store=store, settings=settings, write=True, where="w")
        with pytest.raises(NotFound):
            store.revoke_api_key("nope")
        with pytest.raises(StoreError):
            store.add_api_key(row["id"], "again", "other")
    if db_url.startswith("postgresql://"):
        import psycopg

        raw = psycopg.connect(db_url)
    else:
        raw = sqlite3.connect(db_url)
    (stored,) = raw.execute("SELECT hash FROM api_keys").fetchone()
    assert stored == hash_key(key) and key not in str(raw.execute("SELECT * FROM api_keys").fetchall())
    raw.close()


def test_story_members_are_the_story_assignments_seq_and_ids(tmp_path):
    from storylink.store import Store

    with SQLiteStore(tmp_path / "s.db") as store:
        store.put_articles([Article(id=i, text=f"Text {i} über Hanoi.") for i in ("a", "b", "c", "d")])
        store.put_assignments([{"article_id": "a", "story_id": "s:a"}, {"article_id": "b", "story_id": "s:b"},
                               {"article_id": "c", "story_id": "s:a"}, {"article_id": "d", "story_id": "s:b"}])
        want = [(row["seq"], row["article_id"]) for row in store.story_assignments(["s:b", "s:a"])]
        assert store.story_members(["s:b", "s:a"]) == want and [a for _, a in want] == ["a", "b", "c", "d"]
        assert store.story_members(["s:a"]) == [(s, a) for s, a in want if a in ("a", "c")]
        assert store.story_members(["s:nope"]) == []
        assert Store.story_members(store, ["s:b"]) == store.story_members(["s:b"])  # the generic version agrees


def test_a_view_is_built_once_however_many_requests_ask_for_it_at_once():
    import threading
    import time

    from storylink.service.app import _Views

    views = _Views(max_size=2)
    calls: list[str] = []
    gate = threading.Event()

    def build(name: str):
        def run():
            calls.append(name)
            gate.wait(5)
            return {"id": name, "text": "Zürich"}
        return run

    got: list[tuple] = []
    threads = [threading.Thread(target=lambda: got.append(views.get("k1", build("k1")))) for _ in range(8)]
    for t in threads:
        t.start()
    time.sleep(0.2)
    # Another view is not held up by the one being built.
    assert views.get("k2", lambda: {"id": "k2"})[1] == b'{"id":"k2"}'
    gate.set()
    for t in threads:
        t.join(5)
    assert calls == ["k1"] and len(got) == 8
    assert all(entry is got[0] for entry in got)
    assert got[0] == ({"id": "k1", "text": "Zürich"}, '{"id":"k1","text":"Zürich"}'.encode())
    assert views.builds == 2

    def broken():
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        views.get("k3", broken)
    assert views.get("k3", lambda: {"id": "k3"})[0] == {"id": "k3"}  # a failed build is not remembered
    assert views.get("k1", build("again"))[0]["id"] == "k1" and calls == ["k1"]  # still cached
    # While a changed view is rebuilt, others asking for it get the one it replaces; its builder the new one.
    named = _Views()
    assert named.get(("v", 1), lambda: {"members": 1}, name="v")[0] == {"members": 1}
    slow = threading.Event()
    rebuilt: list[tuple] = []

    def rebuild():
        slow.wait(5)
        return {"members": 2}

    builder = threading.Thread(target=lambda: rebuilt.append(named.get(("v", 2), rebuild, name="v")))
    builder.start()
    time.sleep(0.2)
    assert named.get(("v", 2), lambda: {"built": "twice"}, name="v")[0] == {"members": 1}
    assert named.get(("w", 2), lambda: {"w": 2}, name="w")[0] == {"w": 2}  # no previous view: built
    slow.set()
    builder.join(5)
    assert rebuilt[0][0] == {"members": 2} and named.get(("v", 2), lambda: {}, name="v")[0] == {"members": 2}
    assert named.builds == 3
    views.get("k4", lambda: {})  # kept: k3, k1 (just read); k3 goes
    views.get("k5", lambda: {})  # kept: k1, k4; k1 goes
    assert views.get("k1", build("evicted"))[0]["id"] == "evicted" and calls == ["k1", "evicted"]
