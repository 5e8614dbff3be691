"""The store: articles, analyses, vectors and stories behind one interface.

``Store`` is what the stages use; ``SQLiteStore`` is the embedded default (the
standard library's sqlite3, WAL mode so readers never wait for the writer,
numbered migrations applied on open); ``storylink.pgstore.PostgresStore`` is the
shared one, with the same migrations in PostgreSQL's dialect. ``open_store``
picks the backend from the settings (a path or ``sqlite:///path``, or a
``postgresql://`` URL)::

    >>> import tempfile, os
    >>> from storylink.config import Settings
    >>> from storylink.document import Article
    >>> path = os.path.join(tempfile.mkdtemp(), "s.db")
    >>> with open_store(Settings(db=path)) as store:
    ...     store.put_article(Article.from_text("Trump traf Kim in Hanoi.")), store.count_articles()
    ('inserted', 1)

Every article gets an ingest sequence number that only grows (a deleted
article's number is never reused); "published" order sorts by the UTC instant
of ``published`` and puts undated articles last, in ingest order.
"""

from __future__ import annotations

import io
import json
import sqlite3
import threading
import time
from contextlib import suppress
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import timezone
from pathlib import Path
from types import TracebackType
from typing import Any

import numpy as np

from .config import Settings, without_password
from .document import Analysis, Article, published_datetime
from .errors import MissingInput, NotFound, StoreError

__all__ = ["Store", "SQLiteStore", "open_store", "MIGRATIONS", "StoredAssignment", "published_key", "is_postgres"]

#: Numbered migrations; ``PRAGMA user_version`` says how many ran. Append only:
#: a database at version ``n`` runs ``MIGRATIONS[n:]``, each in its own transaction.
MIGRATIONS: tuple[str, ...] = (
    # 1: articles and versioned analyses
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE,
        data TEXT NOT NULL,
        published TEXT,
        ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    );
    CREATE INDEX articles_published ON articles(published);
    CREATE TABLE analyses (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        analyzer TEXT NOT NULL,
        data TEXT NOT NULL,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        PRIMARY KEY (article_id, analyzer)
    );
    """,
    # 2: cached vectors and profiles per model
    """
    CREATE TABLE vectors (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        model TEXT NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (article_id, model)
    );
    """,
    # 3: stories: one assignment per article, merges as redirects, MinHash signatures
    """
    CREATE TABLE assignments (
        seq INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
        story_id TEXT NOT NULL,
        data TEXT NOT NULL
    );
    CREATE INDEX assignments_story ON assignments(story_id);
    CREATE TABLE story_redirects (
        old_id TEXT PRIMARY KEY,
        new_id TEXT NOT NULL,
        article_id TEXT NOT NULL
    );
    """,
    # 4: publication order by UTC instant (mixed time zones sort right); an ingest
    #    counter that survives deletes, so sequence numbers are never reused
    """
    ALTER TABLE articles ADD COLUMN published_utc TEXT;
    UPDATE articles SET published_utc = strftime('%Y-%m-%dT%H:%M:%f', published);
    DROP INDEX articles_published;
    CREATE INDEX articles_published_utc ON articles(published_utc IS NULL, published_utc, seq);
    CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
    INSERT INTO counters (name, value) SELECT 'article_seq', COALESCE(MAX(seq), 0) FROM articles;
    """,
    # 5: for the service: full-text search over titles and texts (kept by triggers, so every
    #    writer, CLI or server, keeps it current), API keys stored hashed, analysis failures
    """
    CREATE VIRTUAL TABLE article_search USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2');
    INSERT INTO article_search (rowid, title, text)
        SELECT seq, COALESCE(json_extract(data, '$.title'), ''), json_extract(data, '$.text') FROM articles;
    CREATE TRIGGER article_search_insert AFTER INSERT ON articles BEGIN
        INSERT INTO article_search (rowid, title, text)
        VALUES (new.seq, COALESCE(json_extract(new.data, '$.title'), ''), json_extract(new.data, '$.text'));
    END;
    CREATE TRIGGER article_search_delete AFTER DELETE ON articles BEGIN
        DELETE FROM article_search WHERE rowid = old.seq;
    END;
    CREATE TRIGGER article_search_update AFTER UPDATE OF data ON articles BEGIN
        DELETE FROM article_search WHERE rowid = old.seq;
        INSERT INTO article_search (rowid, title, text)
        VALUES (new.seq, COALESCE(json_extract(new.data, '$.title'), ''), json_extract(new.data, '$.text'));
    END;
    CREATE TABLE api_keys (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        revoked_at TEXT
    );
    CREATE TABLE analysis_failures (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        analyzer TEXT NOT NULL,
        reason TEXT NOT NULL,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    );
    """,
)

#: Article fields an analysis or a vector is computed from; when one changes, those go stale.
_CONTENT_FIELDS = ("text", "title", "published", "language")
_BATCH = 500


def published_key(published: str | None) -> str | None:
    """The UTC sort key of an ISO 8601 date or date-time (naive means UTC), as SQLite's
    ``strftime('%Y-%m-%dT%H:%M:%f', …)`` writes it; ``None`` when unparseable.

    Example::

        >>> published_key("2019-02-27T10:00:00+07:00"), published_key("2019-02-27")
        ('2019-02-27T03:00:00.000', '2019-02-27T00:00:00.000')
    """
    when = published_datetime(published)
    if when is None:
        return None
    when = when.astimezone(timezone.utc)
    return when.strftime("%Y-%m-%dT%H:%M:%S.") + f"{when.microsecond // 1000:03d}"


class StoredAssignment(dict):  # type: ignore[type-arg]
    """An assignment row as stored (``Assignment.to_dict()`` plus ``seq``)."""


class Store(ABC):
    """What the pipeline stages need from a database.

    A backend implements the abstract methods; ``resolve_id`` and the single-array
    ``put_vectors``/``get_vectors`` are built on them. ``name`` is how messages name
    the database (a path, or a URL without its password); ``applied`` lists the
    migrations this open ran."""

    name: str = ""
    applied: tuple[int, ...] = ()

    # -- articles ------------------------------------------------------------------
    @property
    @abstractmethod
    def schema_version(self) -> int:
        """How many of the backend's numbered migrations the database has run."""

    @abstractmethod
    def put_article(self, article: Article) -> str:
        """Insert or update; returns ``inserted``, ``updated`` or ``unchanged``.

        When the text, title, date or language changes, the article's analyses and
        vectors are dropped: their offsets and inputs no longer match."""

    @abstractmethod
    def get_article(self, article_id: str) -> Article:
        """Raises ``NotFound`` naming the id."""

    def get_articles(self, ids: Sequence[str]) -> dict[str, Article]:
        """Articles by id (absent ids left out); backends override this with a batched read."""
        out = {}
        for article_id in ids:
            try:
                out[article_id] = self.get_article(article_id)
            except NotFound:
                pass
        return out

    def published(self, ids: Sequence[str]) -> dict[str, str | None]:
        """Each id's ``published`` value (absent ids left out), without reading the texts;
        backends override it with a column read."""
        return {i: a.published for i, a in self.get_articles(ids).items()}

    @abstractmethod
    def find_articles(self, prefix: str, *, limit: int = 10) -> list[str]:
        """Ids starting with ``prefix``, sorted, at most ``limit``."""

    @abstractmethod
    def articles(self, *, order: str = "published") -> Iterator[Article]:
        """All articles by publication instant (undated last, in ingest order) or by ingest order."""

    @abstractmethod
    def ingest_order(self) -> dict[str, int]:
        """Each article's ingest sequence number (grows with every new article)."""

    @abstractmethod
    def count_articles(self) -> int: ...

    @abstractmethod
    def delete_article(self, article_id: str) -> None:
        """Delete an article with its analyses, vectors and assignment; ``NotFound`` when absent."""

    def resolve_id(self, ref: str) -> str:
        """A full article id from an id or a unique prefix of at least 4 characters (like git).

        Raises:
            NotFound: no article, too short a prefix, or several matches (listed).
        """
        if ref in self.find_articles(ref, limit=1):
            return ref
        if len(ref) < 4:
            raise NotFound("no such article (give at least 4 characters of an id)", source=ref)
        matches = self.find_articles(ref, limit=6)
        if not matches:
            raise NotFound("no such article in the store", source=ref)
        if len(matches) > 1:
            more = ", …" if len(matches) > 5 else ""
            raise NotFound(f"ambiguous id prefix, matches {', '.join(matches[:5])}{more}", source=ref)
        return matches[0]

    # -- analyses ------------------------------------------------------------------
    @abstractmethod
    def put_analysis(self, analysis: Analysis) -> None:
        """Store (or replace) the analysis of its ``analyzer`` version."""

    @abstractmethod
    def get_analysis(self, article_id: str, *, analyzer: str | None = None) -> Analysis | None:
        """The analysis of that analyzer version, or the latest stored one; ``None`` when absent."""

    def get_analyses(self, ids: Sequence[str], *, analyzer: str | None = None) -> dict[str, Analysis]:
        """``get_analysis`` for many ids (those without one left out); backends override it batched."""
        found = {i: self.get_analysis(i, analyzer=analyzer) for i in ids}
        return {i: a for i, a in found.items() if a is not None}

    def languages(self, ids: Sequence[str]) -> dict[str, str]:
        """The language of each id's latest analysis, without reading the analyses whole."""
        return {i: a.language for i, a in self.get_analyses(ids).items() if a.language}

    @abstractmethod
    def analysis_history(self, ids: Sequence[str]) -> list[Analysis]:
        """Every stored analysis of ``ids`` (all analyzer versions), oldest write first, so that
        putting them in this order elsewhere leaves the same one latest (``storylink copy``)."""

    @abstractmethod
    def needs_analysis(self, analyzer: str) -> list[str]:
        """Ids of articles without an analysis by ``analyzer``, in ingest order."""

    # -- vectors -------------------------------------------------------------------
    @abstractmethod
    def put_arrays(self, article_id: str, model: str, arrays: dict[str, np.ndarray]) -> None:
        """Store named arrays of one article for one model (replacing earlier ones)."""

    @abstractmethod
    def get_arrays(self, ids: Sequence[str], model: str) -> dict[str, dict[str, np.ndarray]]:
        """Named arrays per article id; ids without arrays for ``model`` are left out."""

    @abstractmethod
    def all_arrays(self, ids: Sequence[str]) -> list[tuple[str, str, dict[str, np.ndarray]]]:
        """``(article_id, model, arrays)`` for every model stored for ``ids``."""

    def cached_arrays(
        self,
        ids: Sequence[str],
        model: str,
        compute: Callable[[list[str]], list[dict[str, np.ndarray]]],
    ) -> dict[str, dict[str, np.ndarray]]:
        """Arrays of ``ids`` for ``model``: stored ones read, the rest computed in one batch and stored.

        ``compute`` gets the missing ids (in the order given) and returns their
        arrays in that order; one call, so encoders see one batch.
        """
        found = self.get_arrays(ids, model)
        missing = [i for i in dict.fromkeys(ids) if i not in found]
        if missing:
            for article_id, arrays in zip(missing, compute(missing), strict=True):
                self.put_arrays(article_id, model, arrays)
                found[article_id] = arrays
        return found

    def put_vectors(self, article_id: str, model: str, array: np.ndarray) -> None:
        """Store one float32 array (a vector, or a matrix of sentence vectors)."""
        self.put_arrays(article_id, model, {"vectors": np.asarray(array, dtype=np.float32)})

    def get_vectors(self, ids: Sequence[str], model: str) -> dict[str, np.ndarray]:
        """The arrays ``put_vectors`` stored, per article id; missing ids are left out."""
        return {k: v["vectors"] for k, v in self.get_arrays(ids, model).items() if "vectors" in v}

    # -- stories -------------------------------------------------------------------
    @abstractmethod
    def put_assignments(self, rows: Iterable[dict[str, Any]]) -> None:
        """Store assignments (``Assignment.to_dict()``) atomically, in order."""

    @abstractmethod
    def assignments(self) -> Iterator[StoredAssignment]: ...

    @abstractmethod
    def redirects(self) -> dict[str, str]: ...

    def story_assignments(self, story_ids: Sequence[str]) -> list[StoredAssignment]:
        """The assignments stored under any of ``story_ids`` (merged ids included as given),
        in assignment order; backends override it with an indexed read."""
        wanted = set(story_ids)
        return [row for row in self.assignments() if row["story_id"] in wanted]

    def story_members(self, story_ids: Sequence[str]) -> list[tuple[int, str]]:
        """``(seq, article_id)`` of the assignments under any of ``story_ids``, in assignment order:
        what ``story_assignments`` says about membership, without reading the rows (the service keys
        its cached story views by it on every request)."""
        return [(row["seq"], row["article_id"]) for row in self.story_assignments(story_ids)]

    def assignment_of(self, article_id: str) -> StoredAssignment | None:
        """The assignment of one article; ``None`` when it is not clustered yet."""
        return next((row for row in self.assignments() if row["article_id"] == article_id), None)

    @abstractmethod
    def redirect_rows(self) -> dict[str, tuple[str, str]]:
        """Each redirect as ``old_id: (new_id, article_id)`` (the article whose assignment merged it)."""

    @abstractmethod
    def put_redirects(self, redirects: dict[str, tuple[str, str]]) -> None:
        """Store redirects as ``redirect_rows`` gives them (replacing those with the same old id)."""

    @contextmanager
    def clustering_lock(self) -> Iterator[None]:
        """Held for one clustering pass, so that passes over one store never interleave
        (``cluster_store`` takes it). A backend for a single process may leave it a no-op."""
        yield

    @abstractmethod
    def clear_assignments(self) -> None:
        """Forget every story assignment and redirect (articles and analyses stay)."""

    # -- for the service ---------------------------------------------------------------
    # Not abstract, so a backend without a service face still instantiates; one that serves
    # overrides them (the defaults say what is missing, or fall back on the methods above).

    def put_articles(self, articles: Sequence[Article]) -> list[str]:
        """``put_article`` for many, in order; a backend commits them in one transaction."""
        return [self.put_article(a) for a in articles]

    def search(self, query: str, *, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """Articles whose title or text hold every word of ``query`` (plain words, no query
        syntax), best match first: ``{"id", "title", "snippet"}`` (the snippet marks hits with
        ``[`` ``]``). A backend uses its own full-text index."""
        raise StoreError(f"{type(self).__name__} has no full-text search", source="search")

    def record_failure(self, article_id: str, analyzer: str, reason: str) -> None:
        """Remember that ``analyzer`` failed on an article (cleared when its text changes)."""
        raise StoreError(f"{type(self).__name__} cannot record analysis failures", source=article_id)

    def failures(self, ids: Sequence[str]) -> dict[str, str]:
        """The recorded analysis failure of each id that has one."""
        return {}

    def pending_analysis(self, analyzer: str) -> list[str]:
        """``needs_analysis`` less the articles ``analyzer`` already failed on, in ingest order."""
        todo = self.needs_analysis(analyzer)
        failed = self.failures(todo)
        return [i for i in todo if i not in failed]

    def article_states(self, ids: Sequence[str], *, analyzer: str) -> dict[str, dict[str, Any]]:
        """Where each stored id stands: ``{"status", "reason", "story"}``; status is ``clustered``
        (it has a story), ``analyzed`` (by ``analyzer``), ``failed`` (analysis failed: ``reason``;
        it may still have a story, placed by its text alone) or ``stored``. Absent ids are left out."""
        present = self.get_articles(ids)
        stories = {r["article_id"]: r["story_id"] for r in self.assignments() if r["article_id"] in present}
        analyzed = self.get_analyses(list(present), analyzer=analyzer)
        failed = self.failures(list(present))
        return {i: _state(i in analyzed, failed.get(i), stories.get(i)) for i in present}

    def stories_version(self) -> Any:
        """A value that changes whenever assignments or redirects change (a cache key)."""
        rows = list(self.assignments())
        return (len(rows), rows[-1]["seq"] if rows else 0, len(self.redirects()), self.count_articles())

    def add_api_key(self, key_id: str, name: str, key_hash: str) -> None:
        """Store a new API key by its hash (the key itself is never stored)."""
        raise StoreError(f"{type(self).__name__} cannot store API keys", source=key_id)

    def api_keys(self) -> list[dict[str, Any]]:
        """Every key: ``{"id", "name", "created_at", "revoked_at"}``, oldest first (no hashes)."""
        return []

    def api_key_by_hash(self, key_hash: str) -> dict[str, Any] | None:
        """The key with this hash (as ``api_keys`` lists it), or ``None``."""
        return None

    def revoke_api_key(self, key_id: str) -> None:
        """Mark a key revoked (kept, so the id is not reused); ``NotFound`` when absent."""
        raise NotFound("no such API key", source=key_id)

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def _state(analyzed: bool, failure: str | None, story: str | None) -> dict[str, Any]:
    status = "failed" if failure and not analyzed else "clustered" if story else "analyzed" if analyzed else "stored"
    return {"status": status, "reason": failure if status == "failed" else None, "story": story}


def _fts_query(query: str) -> str | None:
    """Plain words as an FTS5 query: each word quoted (so ``AND``, ``*``, ``"`` or ``-`` in what a
    person typed is text, never syntax), all required; ``None`` when there is no word."""
    import regex

    words = regex.findall(r"[\p{L}\p{N}]+", query)
    return " ".join(f'"{w}"' for w in words[:32]) or None


def _pack(arrays: dict[str, np.ndarray]) -> bytes:
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    return buf.getvalue()


def _unpack(blob: bytes) -> dict[str, np.ndarray]:
    with np.load(io.BytesIO(blob)) as data:
        return {k: data[k] for k in data.files}


def _statements(script: str) -> Iterator[str]:
    """The statements of a migration script, one by one (``executescript`` would commit
    the transaction around them)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            yield statement.strip()
            statement = ""
    if statement.strip():
        yield statement.strip()


class SQLiteStore(Store):
    """The embedded store: one SQLite file, one writer and many readers at a time.

    One connection per store, shared by the threads that use it (a lock
    serialises them); other processes open their own store on the same file.

    Raises:
        StoreError: the file cannot be created, is not a database, or has a newer schema.
    """

    def __init__(self, path: str | Path, *, durable: bool = False) -> None:
        self.path = self.name = str(path)
        self._lock = threading.RLock()
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=30.0, isolation_level=None, check_same_thread=False)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open the database ({exc})", source=self.path) from exc
        try:
            self._wal()
            # NORMAL survives a crashed process, FULL also a lost machine: what acknowledges writes needs it.
            self._db.execute(f"PRAGMA synchronous={'FULL' if durable else 'NORMAL'}")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise StoreError(f"cannot open the database ({exc})", source=self.path) from exc
        except StoreError:
            self._db.close()
            raise

    def _wal(self, wait: float = 30.0) -> None:
        """Switch the file to WAL unless it is already. SQLite answers a mode switch that meets another
        connection's lock with "database is locked" at once, without its busy timeout (threads opening
        one new file together), so the switch is retried here for up to ``wait`` seconds."""
        deadline = time.monotonic() + wait
        while True:
            try:
                if self._db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    self._db.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.02)

    def _migrate(self) -> None:
        """Run the missing migrations, each in its own write transaction.

        The version is read inside that transaction: two processes opening a new
        file at once (two ``storylink ingest``) then migrate it once, not twice."""
        applied = []
        while True:
            version = self.schema_version
            if version > len(MIGRATIONS):
                raise StoreError(
                    f"database schema version {version} is newer than this storylink's "
                    f"({len(MIGRATIONS)}); upgrade storylink",
                    source=self.path,
                )
            if version == len(MIGRATIONS):
                break
            with self._transaction() as db:
                if int(db.execute("PRAGMA user_version").fetchone()[0]) != version:
                    continue  # another process ran this one meanwhile: look again
                for statement in _statements(MIGRATIONS[version]):
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {version + 1}")
                applied.append(version + 1)
        self.applied = tuple(applied)

    @property
    def schema_version(self) -> int:
        return int(self._one("PRAGMA user_version")[0])

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        with self._lock:
            return self._db.execute(sql, params).fetchone()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction; ``IMMEDIATE`` takes the write lock up front, so two
        processes never both read the old state and then collide."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    # -- articles ------------------------------------------------------------------
    def put_article(self, article: Article) -> str:
        with self._transaction() as db:
            return self._put(db, article)

    def put_articles(self, articles: Iterable[Article]) -> list[str]:
        with self._transaction() as db:
            return [self._put(db, article) for article in articles]

    def _put(self, db: sqlite3.Connection, article: Article) -> str:
        record = article.to_dict()
        data = json.dumps(record, ensure_ascii=False, sort_keys=True)
        row = db.execute("SELECT data FROM articles WHERE id = ?", (article.id,)).fetchone()
        if row is not None and row[0] == data:
            return "unchanged"
        if row is None:
            db.execute("UPDATE counters SET value = value + 1 WHERE name = 'article_seq'")
            seq = db.execute("SELECT value FROM counters WHERE name = 'article_seq'").fetchone()[0]
            db.execute(
                "INSERT INTO articles (id, seq, data, published, published_utc) VALUES (?, ?, ?, ?, ?)",
                (article.id, seq, data, article.published, published_key(article.published)),
            )
            return "inserted"
        old = json.loads(row[0])
        db.execute(
            "UPDATE articles SET data = ?, published = ?, published_utc = ? WHERE id = ?",
            (data, article.published, published_key(article.published), article.id),
        )
        if any(old.get(f) != record.get(f) for f in _CONTENT_FIELDS):
            db.execute("DELETE FROM analyses WHERE article_id = ?", (article.id,))
            db.execute("DELETE FROM vectors WHERE article_id = ?", (article.id,))
            db.execute("DELETE FROM analysis_failures WHERE article_id = ?", (article.id,))
        return "updated"

    def get_article(self, article_id: str) -> Article:
        row = self._one("SELECT data FROM articles WHERE id = ?", (article_id,))
        if row is None:
            raise NotFound("no such article in the store", source=article_id)
        return Article.from_dict(json.loads(row[0]))

    def get_articles(self, ids: Sequence[str]) -> dict[str, Article]:
        return {aid: Article.from_dict(json.loads(data))
                for aid, data in self._batched("SELECT id, data FROM articles WHERE id IN ({})", ids)}

    def _batched(self, sql: str, ids: Sequence[str], params: Sequence[Any] = (), *,
                 lead: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        """Rows of ``sql`` (its ``{}`` is the id list) for ``ids`` in chunks SQLite's limits allow;
        ``lead`` are parameters before the list, ``params`` after it."""
        ids = list(ids)
        for i in range(0, len(ids), _BATCH):
            chunk = ids[i : i + _BATCH]
            yield from self._rows(sql.format(",".join("?" * len(chunk))), [*lead, *chunk, *params])

    def published(self, ids: Sequence[str]) -> dict[str, str | None]:
        return dict(self._batched("SELECT id, published FROM articles WHERE id IN ({})", ids))

    def find_articles(self, prefix: str, *, limit: int = 10) -> list[str]:
        # A range on the primary key, not LIKE: ids may hold '%' or '_' when given in JSONL.
        rows = self._rows(
            "SELECT id FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
            (prefix, prefix + "\U0010ffff", limit),
        )
        return [r[0] for r in rows]

    def articles(self, *, order: str = "published") -> Iterator[Article]:
        if order not in ("published", "ingested"):
            raise ValueError(f"order must be 'published' or 'ingested', not {order!r}")
        sql = ("SELECT id FROM articles ORDER BY published_utc IS NULL, published_utc, seq"
               if order == "published" else "SELECT id FROM articles ORDER BY seq")
        # Ids first, bodies in batches: a large store is never held in memory whole.
        ids = [r[0] for r in self._rows(sql)]
        for i in range(0, len(ids), _BATCH):
            chunk = ids[i : i + _BATCH]
            found = self.get_articles(chunk)
            yield from (found[aid] for aid in chunk if aid in found)  # absent: deleted meanwhile

    def ingest_order(self) -> dict[str, int]:
        return dict(self._rows("SELECT id, seq FROM articles"))

    def count_articles(self) -> int:
        return int(self._one("SELECT COUNT(*) FROM articles")[0])

    def delete_article(self, article_id: str) -> None:
        with self._transaction() as db:
            if db.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount == 0:
                raise NotFound("no such article in the store", source=article_id)

    # -- analyses ------------------------------------------------------------------
    def put_analysis(self, analysis: Analysis) -> None:
        with self._transaction() as db:
            if db.execute("SELECT 1 FROM articles WHERE id = ?", (analysis.article_id,)).fetchone() is None:
                raise NotFound("no such article in the store; put the article first", source=analysis.article_id)
            # Replaced, not updated in place: the newest row then also has the highest rowid, which
            # decides "latest" when two writes fall in the same millisecond of created_at.
            db.execute("DELETE FROM analyses WHERE article_id = ? AND analyzer = ?",
                       (analysis.article_id, analysis.analyzer))
            db.execute(
                "INSERT INTO analyses (article_id, analyzer, data) VALUES (?, ?, ?)",
                (analysis.article_id, analysis.analyzer, json.dumps(analysis.to_dict(), ensure_ascii=False)),
            )

    def get_analysis(self, article_id: str, *, analyzer: str | None = None) -> Analysis | None:
        if analyzer is None:
            row = self._one(
                "SELECT data FROM analyses WHERE article_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1",
                (article_id,),
            )
        else:
            row = self._one(
                "SELECT data FROM analyses WHERE article_id = ? AND analyzer = ?", (article_id, analyzer)
            )
        return Analysis.from_dict(json.loads(row[0])) if row else None

    def get_analyses(self, ids: Sequence[str], *, analyzer: str | None = None) -> dict[str, Analysis]:
        return {aid: Analysis.from_dict(json.loads(data)) for aid, data in self._latest_analyses("data", ids, analyzer)}

    def languages(self, ids: Sequence[str]) -> dict[str, str]:
        rows = self._latest_analyses("json_extract(data, '$.language')", ids, None)
        return {aid: lang for aid, lang in rows if lang}

    def _latest_analyses(self, column: str, ids: Sequence[str], analyzer: str | None) -> Iterator[tuple[str, Any]]:
        if analyzer is not None:
            yield from self._batched(f"SELECT article_id, {column} FROM analyses WHERE article_id IN ({{}}) "
                                     "AND analyzer = ?", ids, (analyzer,))
            return
        # Ordered oldest first, so the newest analysis of an article is the one kept.
        latest: dict[str, Any] = {}
        for aid, value in self._batched(f"SELECT article_id, {column} FROM analyses WHERE article_id IN ({{}}) "
                                        "ORDER BY created_at, rowid", ids):
            latest[aid] = value
        yield from latest.items()

    def analysis_history(self, ids: Sequence[str]) -> list[Analysis]:
        rows = sorted(self._batched("SELECT created_at, rowid, data FROM analyses WHERE article_id IN ({})", ids))
        return [Analysis.from_dict(json.loads(data)) for _, _, data in rows]

    def needs_analysis(self, analyzer: str) -> list[str]:
        rows = self._rows(
            "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM analyses WHERE analyzer = ?) "
            "ORDER BY seq",
            (analyzer,),
        )
        return [r[0] for r in rows]

    # -- vectors -------------------------------------------------------------------
    def put_arrays(self, article_id: str, model: str, arrays: dict[str, np.ndarray]) -> None:
        try:
            with self._transaction() as db:
                db.execute(
                    "INSERT INTO vectors (article_id, model, data) VALUES (?, ?, ?) "
                    "ON CONFLICT(article_id, model) DO UPDATE SET data = excluded.data",
                    (article_id, model, _pack(arrays)),
                )
        except sqlite3.IntegrityError as exc:
            raise NotFound("no such article in the store; put the article first", source=article_id) from exc

    def get_arrays(self, ids: Sequence[str], model: str) -> dict[str, dict[str, np.ndarray]]:
        rows = self._batched("SELECT article_id, data FROM vectors WHERE article_id IN ({}) AND model = ?",
                             ids, (model,))
        return {aid: _unpack(blob) for aid, blob in rows}

    def all_arrays(self, ids: Sequence[str]) -> list[tuple[str, str, dict[str, np.ndarray]]]:
        rows = sorted(self._batched("SELECT article_id, model, data FROM vectors WHERE article_id IN ({})", ids))
        return [(aid, model, _unpack(blob)) for aid, model, blob in rows]

    # -- stories -------------------------------------------------------------------
    def put_assignments(self, rows: Iterable[dict[str, Any]]) -> None:
        with self._transaction() as db:
            for row in rows:
                db.execute(
                    "INSERT INTO assignments (article_id, story_id, data) VALUES (?, ?, ?)",
                    (row["article_id"], row["story_id"], json.dumps(row, ensure_ascii=False)),
                )
                for old in row.get("merged", ()):
                    db.execute(
                        "INSERT OR REPLACE INTO story_redirects (old_id, new_id, article_id) VALUES (?, ?, ?)",
                        (old, row["story_id"], row["article_id"]),
                    )

    def assignments(self) -> Iterator[StoredAssignment]:
        for seq, data in self._rows("SELECT seq, data FROM assignments ORDER BY seq"):
            yield StoredAssignment(json.loads(data), seq=seq)

    def redirects(self) -> dict[str, str]:
        return dict(self._rows("SELECT old_id, new_id FROM story_redirects"))

    def redirect_rows(self) -> dict[str, tuple[str, str]]:
        return {old: (new, aid) for old, new, aid in self._rows("SELECT old_id, new_id, article_id "
                                                                 "FROM story_redirects")}

    def put_redirects(self, redirects: dict[str, tuple[str, str]]) -> None:
        with self._transaction() as db:
            db.executemany("INSERT OR REPLACE INTO story_redirects (old_id, new_id, article_id) VALUES (?, ?, ?)",
                           [(old, new, aid) for old, (new, aid) in redirects.items()])

    def story_assignments(self, story_ids: Sequence[str]) -> list[StoredAssignment]:
        rows = sorted(self._batched("SELECT seq, data FROM assignments WHERE story_id IN ({})", story_ids))
        return [StoredAssignment(json.loads(data), seq=seq) for seq, data in rows]

    def story_members(self, story_ids: Sequence[str]) -> list[tuple[int, str]]:
        return sorted(self._batched("SELECT seq, article_id FROM assignments WHERE story_id IN ({})", story_ids))

    def assignment_of(self, article_id: str) -> StoredAssignment | None:
        row = self._one("SELECT seq, data FROM assignments WHERE article_id = ?", (article_id,))
        return StoredAssignment(json.loads(row[1]), seq=row[0]) if row else None

    def clear_assignments(self) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM assignments")
            db.execute("DELETE FROM story_redirects")

    @contextmanager
    def clustering_lock(self) -> Iterator[None]:
        """An exclusive ``flock`` on ``<database>-lock`` beside the file (like SQLite's own
        ``-wal``/``-shm``): not on the database file itself, whose POSIX locks SQLite holds
        and any close of another descriptor of it would drop. Released when the process dies."""
        if self.path == ":memory:":
            yield
            return
        import fcntl

        with open(self.path + "-lock", "a+b") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                with suppress(OSError):
                    fcntl.flock(fh, fcntl.LOCK_UN)

    # -- for the service ---------------------------------------------------------------
    def search(self, query: str, *, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        match = _fts_query(query)
        if match is None:
            return []
        rows = self._rows(
            "SELECT a.id, json_extract(a.data, '$.title'), snippet(article_search, -1, '[', ']', '…', 24) "
            "FROM article_search JOIN articles a ON a.seq = article_search.rowid "
            "WHERE article_search MATCH ? ORDER BY rank LIMIT ? OFFSET ?",
            (match, limit, offset),
        )
        return [{"id": i, "title": t, "snippet": snip} for i, t, snip in rows]

    def record_failure(self, article_id: str, analyzer: str, reason: str) -> None:
        try:
            with self._transaction() as db:
                db.execute(
                    "INSERT INTO analysis_failures (article_id, analyzer, reason) VALUES (?, ?, ?) "
                    "ON CONFLICT(article_id) DO UPDATE SET analyzer = excluded.analyzer, reason = excluded.reason, "
                    "created_at = excluded.created_at",
                    (article_id, analyzer, reason),
                )
        except sqlite3.IntegrityError as exc:
            raise NotFound("no such article in the store", source=article_id) from exc

    def failures(self, ids: Sequence[str]) -> dict[str, str]:
        return dict(self._batched("SELECT article_id, reason FROM analysis_failures WHERE article_id IN ({})", ids))

    def pending_analysis(self, analyzer: str) -> list[str]:
        rows = self._rows(
            "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM analyses WHERE analyzer = ?) "
            "AND id NOT IN (SELECT article_id FROM analysis_failures WHERE analyzer = ?) ORDER BY seq",
            (analyzer, analyzer),
        )
        return [r[0] for r in rows]

    def article_states(self, ids: Sequence[str], *, analyzer: str) -> dict[str, dict[str, Any]]:
        rows = self._batched(
            "SELECT a.id, EXISTS (SELECT 1 FROM analyses n WHERE n.article_id = a.id AND n.analyzer = ?), "
            "f.reason, s.story_id FROM articles a LEFT JOIN analysis_failures f ON f.article_id = a.id "
            "LEFT JOIN assignments s ON s.article_id = a.id WHERE a.id IN ({})",
            ids, (), lead=(analyzer,),
        )
        return {aid: _state(bool(analyzed), reason, story) for aid, analyzed, reason, story in rows}

    def stories_version(self) -> Any:
        return tuple(self._one(
            "SELECT (SELECT COUNT(*) FROM assignments), (SELECT COALESCE(MAX(seq), 0) FROM assignments), "
            "(SELECT COUNT(*) FROM story_redirects), (SELECT value FROM counters WHERE name = 'article_seq'), "
            "(SELECT COUNT(*) FROM articles)"
        ))

    def add_api_key(self, key_id: str, name: str, key_hash: str) -> None:
        try:
            with self._transaction() as db:
                db.execute("INSERT INTO api_keys (id, name, hash) VALUES (?, ?, ?)", (key_id, name, key_hash))
        except sqlite3.IntegrityError as exc:
            raise StoreError("an API key with this id or hash exists already", source=key_id) from exc

    def api_keys(self) -> list[dict[str, Any]]:
        rows = self._rows("SELECT id, name, created_at, revoked_at FROM api_keys ORDER BY created_at, id")
        return [dict(zip(("id", "name", "created_at", "revoked_at"), r)) for r in rows]

    def api_key_by_hash(self, key_hash: str) -> dict[str, Any] | None:
        row = self._one("SELECT id, name, created_at, revoked_at FROM api_keys WHERE hash = ?", (key_hash,))
        return dict(zip(("id", "name", "created_at", "revoked_at"), row)) if row else None

    def revoke_api_key(self, key_id: str) -> None:
        with self._transaction() as db:
            found = db.execute(
                "UPDATE api_keys SET revoked_at = COALESCE(revoked_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) "
                "WHERE id = ?", (key_id,)).rowcount
        if not found:
            raise NotFound("no such API key (storylink keys list shows them)", source=key_id)

    def close(self) -> None:
        with self._lock:
            self._db.close()


def is_postgres(target: str) -> bool:
    """Whether a ``--db`` value names a PostgreSQL database (a ``postgresql://`` or ``postgres://`` URL)."""
    return target.startswith(("postgresql://", "postgres://"))


def sqlite_path(target: str) -> str:
    """The file path of a ``--db`` value for SQLite: a plain path, or a ``sqlite://`` URL
    whose path part is the file (``sqlite:///var/news.db`` is ``/var/news.db``).

    Example::

        >>> sqlite_path("sqlite:///tmp/news.db"), sqlite_path("news.db"), sqlite_path("sqlite://:memory:")
        ('/tmp/news.db', 'news.db', ':memory:')
    """
    if not target.startswith("sqlite://"):
        return target
    path = target.removeprefix("sqlite://")
    return ":memory:" if path in (":memory:", "/:memory:") else path


def open_store(settings: Settings | None = None, *, create: bool = True, durable: bool = False) -> Store:
    """The store named by ``settings.db_path``: a SQLite file path or ``sqlite:///path``
    (its folder is created), a ``postgresql://`` URL (its schema is migrated on open), or a
    ``storylink spark`` output folder (read-only, ``spark.parquet.ParquetStore``).

    ``durable=True`` makes each commit reach the disk before it returns (the service
    acknowledges writes only then); the default survives a crashed process, not a lost machine.

    ``create=False`` is for commands that only read or change what is stored:
    a database that does not exist (or, on PostgreSQL, holds no storylink schema)
    then is an error, not a new empty one (a mistyped ``--db`` would otherwise
    list "0 stories" and leave a stray file).

    Raises:
        StoreError: the database cannot be opened, or its backend is not available.
        MissingInput: ``create=False`` and there is no database at the path.
    """
    settings = settings or Settings()
    target = settings.db_path
    from .spark.parquet import ParquetStore, is_output

    if is_output(target):  # a ``storylink spark`` output folder (its marker file): read-only
        return ParquetStore(target)
    if is_postgres(target):
        try:
            from .pgstore import PostgresStore
        except ImportError as exc:
            raise StoreError(f"{exc}", source=without_password(target)) from None
        return PostgresStore(target, create=create)  # its commits are durable already (synchronous_commit)
    target = sqlite_path(target)
    if not create and target != ":memory:" and not Path(target).exists():
        raise MissingInput("no database here (storylink ingest, cluster --stream or demo creates one)",
                           source=target)
    return SQLiteStore(target, durable=durable)
