"""The store: articles, analyses, vectors and stories behind one interface.

``Store`` is what the stages use; ``SQLiteStore`` is the embedded default (the
standard library's sqlite3, WAL mode, numbered migrations applied on open).
A PostgreSQL backend implements the same interface. ``open_store`` picks the
backend from the settings::

    >>> import tempfile, os
    >>> from storylink.config import Settings
    >>> from storylink.document import Article
    >>> path = os.path.join(tempfile.mkdtemp(), "s.db")
    >>> with open_store(Settings(db=path)) as store:
    ...     store.put_article(Article.from_text("Trump traf Kim in Hanoi.")), store.count_articles()
    ('inserted', 1)
"""

from __future__ import annotations

import io
import json
import sqlite3
import threading
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import numpy as np

from .config import Settings
from .document import Analysis, Article
from .errors import NotFound, StoreError

__all__ = ["Store", "SQLiteStore", "open_store", "MIGRATIONS", "StoredAssignment"]

#: Numbered migrations; ``PRAGMA user_version`` says how many ran. Append only.
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
)


class StoredAssignment(dict):  # type: ignore[type-arg]
    """An assignment row as stored (``Assignment.to_dict()`` plus ``seq``)."""


class Store(ABC):
    """What the pipeline stages need from a database."""

    # -- articles ------------------------------------------------------------------
    @abstractmethod
    def put_article(self, article: Article) -> str:
        """Insert or update; returns ``inserted``, ``updated`` or ``unchanged``."""

    @abstractmethod
    def get_article(self, article_id: str) -> Article:
        """Raises ``NotFound`` naming the id."""

    @abstractmethod
    def resolve_id(self, ref: str) -> str:
        """A full article id from an id or a unique prefix (at least 4 characters)."""

    @abstractmethod
    def articles(self, *, order: str = "published") -> Iterator[Article]:
        """All articles by publication time (ingest order when unknown) or by ingest order."""

    @abstractmethod
    def count_articles(self) -> int: ...

    @abstractmethod
    def delete_article(self, article_id: str) -> None:
        """Delete an article with its analyses, vectors and assignment."""

    # -- analyses ------------------------------------------------------------------
    @abstractmethod
    def put_analysis(self, analysis: Analysis) -> None: ...

    @abstractmethod
    def get_analysis(self, article_id: str, *, analyzer: str | None = None) -> Analysis | None:
        """The analysis of that analyzer version, or the newest one; ``None`` when absent."""

    @abstractmethod
    def needs_analysis(self, analyzer: str) -> list[str]:
        """Ids of articles without an analysis by ``analyzer``."""

    # -- vectors -------------------------------------------------------------------
    @abstractmethod
    def put_arrays(self, article_id: str, model: str, arrays: dict[str, np.ndarray]) -> None: ...

    @abstractmethod
    def get_arrays(self, ids: Sequence[str], model: str) -> dict[str, dict[str, np.ndarray]]: ...

    # -- stories -------------------------------------------------------------------
    @abstractmethod
    def put_assignments(self, rows: Iterable[dict[str, Any]]) -> None:
        """Store assignments (``Assignment.to_dict()``) atomically, in order."""

    @abstractmethod
    def assignments(self) -> Iterator[StoredAssignment]: ...

    @abstractmethod
    def redirects(self) -> dict[str, str]: ...

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
    """The embedded store: one SQLite file, safe for one writer and many readers."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._lock = threading.RLock()
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=30.0, isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the database ({exc})", source=self.path) from exc

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):
            raise StoreError(
                f"database schema version {version} is newer than this storylink ({len(MIGRATIONS)}); upgrade storylink",
                source=self.path,
            )
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            with self._lock:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    for statement in script.split(";"):
                        if statement.strip():
                            self._db.execute(statement)
                    self._db.execute(f"PRAGMA user_version = {number}")
                    self._db.execute("COMMIT")
                except BaseException:
                    self._db.execute("ROLLBACK")
                    raise

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def _write(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        with self._lock:
            return self._db.execute(sql, params)

    # -- articles ------------------------------------------------------------------
    def put_article(self, article: Article) -> str:
        data = json.dumps(article.to_dict(), ensure_ascii=False, sort_keys=True)
        with self._lock:
            row = self._db.execute("SELECT data FROM articles WHERE id = ?", (article.id,)).fetchone()
            if row is not None and row[0] == data:
                return "unchanged"
            if row is None:
                seq = self._db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM articles").fetchone()[0]
                self._db.execute(
                    "INSERT INTO articles (id, seq, data, published) VALUES (?, ?, ?, ?)",
                    (article.id, seq, data, article.published),
                )
                return "inserted"
            self._db.execute(
                "UPDATE articles SET data = ?, published = ? WHERE id = ?", (data, article.published, article.id)
            )
            return "updated"

    def get_article(self, article_id: str) -> Article:
        row = self._db.execute("SELECT data FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise NotFound("no such article in the store", source=article_id)
        return Article.from_dict(json.loads(row[0]))

    def resolve_id(self, ref: str) -> str:
        if self._db.execute("SELECT 1 FROM articles WHERE id = ?", (ref,)).fetchone():
            return ref
        if len(ref) < 4:
            raise NotFound("no such article (give at least 4 characters of an id)", source=ref)
        rows = self._db.execute(
            "SELECT id FROM articles WHERE id >= ? AND id < ? LIMIT 2", (ref, ref + "\U0010ffff")
        ).fetchall()
        if not rows:
            raise NotFound("no such article in the store", source=ref)
        if len(rows) > 1:
            raise NotFound("ambiguous id prefix: give more characters", source=ref)
        return str(rows[0][0])

    def articles(self, *, order: str = "published") -> Iterator[Article]:
        if order not in ("published", "ingested"):
            raise ValueError(f"order must be 'published' or 'ingested', not {order!r}")
        # Undated articles keep their ingest position relative to each other, after the dated ones.
        sql = ("SELECT data FROM articles ORDER BY published IS NULL, published, seq" if order == "published"
               else "SELECT data FROM articles ORDER BY seq")
        for (data,) in self._db.execute(sql).fetchall():
            yield Article.from_dict(json.loads(data))

    def ingest_order(self) -> dict[str, int]:
        return {aid: seq for aid, seq in self._db.execute("SELECT id, seq FROM articles")}

    def count_articles(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def delete_article(self, article_id: str) -> None:
        with self._lock:
            cur = self._db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
            if cur.rowcount == 0:
                raise NotFound("no such article in the store", source=article_id)

    # -- analyses ------------------------------------------------------------------
    def put_analysis(self, analysis: Analysis) -> None:
        self._write(
            "INSERT INTO analyses (article_id, analyzer, data) VALUES (?, ?, ?) "
            "ON CONFLICT(article_id, analyzer) DO UPDATE SET data = excluded.data, created_at = excluded.created_at",
            (analysis.article_id, analysis.analyzer, json.dumps(analysis.to_dict(), ensure_ascii=False)),
        )

    def get_analysis(self, article_id: str, *, analyzer: str | None = None) -> Analysis | None:
        if analyzer is None:
            row = self._db.execute(
                "SELECT data FROM analyses WHERE article_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1",
                (article_id,),
            ).fetchone()
        else:
            row = self._db.execute(
                "SELECT data FROM analyses WHERE article_id = ? AND analyzer = ?", (article_id, analyzer)
            ).fetchone()
        return Analysis.from_dict(json.loads(row[0])) if row else None

    def needs_analysis(self, analyzer: str) -> list[str]:
        rows = self._db.execute(
            "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM analyses WHERE analyzer = ?) ORDER BY seq",
            (analyzer,),
        ).fetchall()
        return [r[0] for r in rows]

    # -- vectors -------------------------------------------------------------------
    def put_arrays(self, article_id: str, model: str, arrays: dict[str, np.ndarray]) -> None:
        self._write(
            "INSERT INTO vectors (article_id, model, data) VALUES (?, ?, ?) "
            "ON CONFLICT(article_id, model) DO UPDATE SET data = excluded.data",
            (article_id, model, _pack(arrays)),
        )

    def get_arrays(self, ids: Sequence[str], model: str) -> dict[str, dict[str, np.ndarray]]:
        out: dict[str, dict[str, np.ndarray]] = {}
        ids = list(ids)
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for aid, blob in self._db.execute(
                f"SELECT article_id, data FROM vectors WHERE model = ? AND article_id IN ({marks})", (model, *chunk)
            ):
                out[aid] = _unpack(blob)
        return out

    # -- stories -------------------------------------------------------------------
    def put_assignments(self, rows: Iterable[dict[str, Any]]) -> None:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                for row in rows:
                    self._db.execute(
                        "INSERT INTO assignments (article_id, story_id, data) VALUES (?, ?, ?)",
                        (row["article_id"], row["story_id"], json.dumps(row, ensure_ascii=False)),
                    )
                    for old in row.get("merged", ()):
                        self._db.execute(
                            "INSERT OR REPLACE INTO story_redirects (old_id, new_id, article_id) VALUES (?, ?, ?)",
                            (old, row["story_id"], row["article_id"]),
                        )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def assignments(self) -> Iterator[StoredAssignment]:
        for seq, data in self._db.execute("SELECT seq, data FROM assignments ORDER BY seq").fetchall():
            yield StoredAssignment(json.loads(data), seq=seq)

    def redirects(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT old_id, new_id FROM story_redirects").fetchall())

    def clear_assignments(self) -> None:
        with self._lock:
            self._db.execute("DELETE FROM assignments")
            self._db.execute("DELETE FROM story_redirects")

    def close(self) -> None:
        self._db.close()


def open_store(settings: Settings | None = None) -> Store:
    """The store named by ``settings.db_path``: a SQLite file path, or a ``postgresql://`` URL.

    Raises:
        StoreError: the database cannot be opened, or its backend is not available.
    """
    settings = settings or Settings()
    target = settings.db_path
    if target.startswith(("postgresql://", "postgres://")):
        raise StoreError("the PostgreSQL backend is not available yet; use a SQLite path", source=target)
    return SQLiteStore(target)
