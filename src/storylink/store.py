"""The store: articles, analyses, vectors and stories behind one interface.

``Store`` is what the stages use; ``SQLiteStore`` is the embedded default (the
standard library's sqlite3, WAL mode so readers never wait for the writer,
numbered migrations applied on open). A PostgreSQL backend implements the
same interface. ``open_store`` picks the backend from the settings::

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
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import timezone
from pathlib import Path
from types import TracebackType
from typing import Any

import numpy as np

from .config import Settings
from .document import Analysis, Article, published_datetime
from .errors import MissingInput, NotFound, StoreError

__all__ = ["Store", "SQLiteStore", "open_store", "MIGRATIONS", "StoredAssignment", "published_key"]

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
    ``put_vectors``/``get_vectors`` are built on them."""

    # -- articles ------------------------------------------------------------------
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
    def needs_analysis(self, analyzer: str) -> list[str]:
        """Ids of articles without an analysis by ``analyzer``, in ingest order."""

    # -- vectors -------------------------------------------------------------------
    @abstractmethod
    def put_arrays(self, article_id: str, model: str, arrays: dict[str, np.ndarray]) -> None:
        """Store named arrays of one article for one model (replacing earlier ones)."""

    @abstractmethod
    def get_arrays(self, ids: Sequence[str], model: str) -> dict[str, dict[str, np.ndarray]]:
        """Named arrays per article id; ids without arrays for ``model`` are left out."""

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

    @abstractmethod
    def clear_assignments(self) -> None:
        """Forget every story assignment and redirect (articles and analyses stay)."""

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def _pack(arrays: dict[str, np.ndarray]) -> bytes:
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    return buf.getvalue()


def _unpack(blob: bytes) -> dict[str, np.ndarray]:
    with np.load(io.BytesIO(blob)) as data:
        return {k: data[k] for k in data.files}


class SQLiteStore(Store):
    """The embedded store: one SQLite file, one writer and many readers at a time.

    One connection per store, shared by the threads that use it (a lock
    serialises them); other processes open their own store on the same file.

    Raises:
        StoreError: the file cannot be created, is not a database, or has a newer schema.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._lock = threading.RLock()
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=30.0, isolation_level=None, check_same_thread=False)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open the database ({exc})", source=self.path) from exc
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise StoreError(f"cannot open the database ({exc})", source=self.path) from exc
        except StoreError:
            self._db.close()
            raise

    def _migrate(self) -> None:
        version = self.schema_version
        if version > len(MIGRATIONS):
            raise StoreError(
                f"database schema version {version} is newer than this storylink's "
                f"({len(MIGRATIONS)}); upgrade storylink",
                source=self.path,
            )
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            with self._lock:
                # One script per transaction: executescript would commit a BEGIN
                # issued separately, so the BEGIN/COMMIT travel inside the script.
                try:
                    self._db.executescript(
                        f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;"
                    )
                except BaseException:
                    if self._db.in_transaction:
                        self._db.execute("ROLLBACK")
                    raise

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
        record = article.to_dict()
        data = json.dumps(record, ensure_ascii=False, sort_keys=True)
        with self._transaction() as db:
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
            return "updated"

    def get_article(self, article_id: str) -> Article:
        row = self._one("SELECT data FROM articles WHERE id = ?", (article_id,))
        if row is None:
            raise NotFound("no such article in the store", source=article_id)
        return Article.from_dict(json.loads(row[0]))

    def get_articles(self, ids: Sequence[str]) -> dict[str, Article]:
        return {aid: Article.from_dict(json.loads(data))
                for aid, data in self._batched("SELECT id, data FROM articles WHERE id IN ({})", ids)}

    def _batched(self, sql: str, ids: Sequence[str], params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        """Rows of ``sql`` (its ``{}`` is the id list) for ``ids`` in chunks SQLite's limits allow."""
        ids = list(ids)
        for i in range(0, len(ids), _BATCH):
            chunk = ids[i : i + _BATCH]
            yield from self._rows(sql.format(",".join("?" * len(chunk))), [*chunk, *params])

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
            db.execute(
                "INSERT INTO analyses (article_id, analyzer, data) VALUES (?, ?, ?) "
                "ON CONFLICT(article_id, analyzer) DO UPDATE SET data = excluded.data, created_at = excluded.created_at",
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

    def clear_assignments(self) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM assignments")
            db.execute("DELETE FROM story_redirects")

    def close(self) -> None:
        with self._lock:
            self._db.close()


def open_store(settings: Settings | None = None, *, create: bool = True) -> Store:
    """The store named by ``settings.db_path``: a SQLite file path (its folder is
    created), a ``postgresql://`` URL, or a ``storylink spark`` output folder
    (read-only, ``spark.parquet.ParquetStore``).

    ``create=False`` is for commands that only read or change what is stored:
    a database that does not exist then is an error, not a new empty one (a
    mistyped ``--db`` would otherwise list "0 stories" and leave a stray file).

    Raises:
        StoreError: the database cannot be opened, or its backend is not available.
        MissingInput: ``create=False`` and there is no database at the path.
    """
    settings = settings or Settings()
    target = settings.db_path
    from .spark.parquet import ParquetStore, is_output

    if is_output(target):  # a ``storylink spark`` output folder (its marker file): read-only
        return ParquetStore(target)
    if target.startswith(("postgresql://", "postgres://")):
        raise StoreError("PostgreSQL backend not available yet; give a SQLite file path", source=target)
    if not create and target != ":memory:" and not Path(target).exists():
        raise MissingInput("no database here (storylink ingest, cluster --stream or demo creates one)",
                           source=target)
    return SQLiteStore(target)
