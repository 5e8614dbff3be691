"""``ParquetStore``: a Spark job's output folder read through the ``Store`` interface (read-only).

``storylink spark … --out DIR`` writes one Parquet table per folder and, last,
the marker file ``DIR/_storylink.json``; ``open_store`` hands such a folder to
``ParquetStore``, so ``storylink stories --db DIR`` lists the job's stories
and ``storylink copy --from DIR`` can load them into SQLite or PostgreSQL
through the same methods every other store has. Every write raises
``StoreError('read-only')``. It reads with pyarrow (no Spark, no Java), table
by table when first asked, and keeps what it read in memory: a listing on one
machine, not a server for 100M articles.

Tables (columns):

- ``articles``: the ``Article`` fields, ``seq`` (ingest order), ``input``, ``published_utc``, ``undated``, ``time``
- ``analyses``: ``article_id``, ``analyzer``, ``language``, ``data`` (``Analysis.to_dict()`` as JSON)
- ``vectors``: ``article_id``, ``model``, ``vector`` (little-endian float32, the whole-text USE vector)
- ``signatures``: ``article_id``, ``size`` (shingles), ``minhash`` (64 little-endian uint32), ``bands``
- ``profiles``: ``article_id``, ``model``, ``data`` (the compare profile, ``np.savez`` as the store keeps it)
- ``assignments``: ``Assignment.to_dict()`` fields, ``story`` (final id), ``bucket``, the order key
- ``redirects``: ``old_id`` -> ``new_id`` (merges, and stories stitched across bucket cuts)
- ``stories``: ``Story.to_dict()``; ``neardups``: ``article_id``, ``original_id``, ``jaccard``
- ``errors``: ``stage``, ``input``, ``article_id``, ``error`` (code), ``message``
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..document import Analysis, Article
from ..errors import NotFound, StoreError
from ..store import Store, StoredAssignment, _unpack

__all__ = ["ParquetStore", "MARKER", "FORMAT", "TABLES", "is_output"]

MARKER = "_storylink.json"
FORMAT = "storylink-parquet"
TABLES = ("articles", "analyses", "vectors", "signatures", "profiles", "assignments", "redirects", "stories",
          "neardups", "errors")
_ARTICLE_FIELDS = ("id", "text", "title", "url", "source", "published", "language", "author", "origin")


def is_output(path: str | Path) -> bool:
    """True for a folder holding a finished ``storylink spark`` output (its marker file)."""
    return Path(path).is_dir() and (Path(path) / MARKER).is_file()


class ParquetStore(Store):
    """The ``Store`` interface over a ``storylink spark`` output folder; reads only.

        >>> ParquetStore("/nonexistent")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        storylink.errors.StoreError: /nonexistent: not a storylink spark output (no _storylink.json marker)
    """

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if not is_output(path):
            raise StoreError(f"not a storylink spark output (no {MARKER} marker)", source=self.path)
        try:
            self.meta = json.loads((Path(path) / MARKER).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise StoreError(f"unreadable marker {MARKER} ({exc})", source=self.path) from exc
        if self.meta.get("format") != FORMAT:
            raise StoreError(f"marker names format {self.meta.get('format')!r}, expected {FORMAT!r}",
                             source=self.path)
        try:
            import pyarrow.parquet  # noqa: F401
        except ImportError as exc:
            raise StoreError("reading a Spark output needs pyarrow: pip install 'storylink[spark]'",
                             source=self.path) from exc
        self._cache: dict[str, list[dict[str, Any]]] = {}
        self._by_id: dict[str, dict[str, dict[str, Any]]] = {}

    # -- reading ------------------------------------------------------------------------
    def table(self, name: str, columns: Sequence[str] | None = None) -> list[dict[str, Any]]:
        """Rows of one table as dicts (cached when read whole)."""
        import pyarrow.parquet as pq

        if columns is None and name in self._cache:
            return self._cache[name]
        folder = Path(self.path) / name
        if not folder.is_dir():
            raise StoreError(f"table {name!r} is missing from the output", source=self.path)
        try:
            rows = pq.read_table(folder, columns=list(columns) if columns else None).to_pylist()
        except Exception as exc:  # noqa: BLE001 - pyarrow raises many kinds; say which table
            raise StoreError(f"cannot read table {name!r} ({exc})", source=self.path) from exc
        if columns is None:
            self._cache[name] = rows
        return rows

    def _index(self, name: str, key: str = "article_id") -> dict[str, dict[str, Any]]:
        if name not in self._by_id:
            self._by_id[name] = {r[key]: r for r in self.table(name)}
        return self._by_id[name]

    def _read_only(self, what: str) -> StoreError:
        return StoreError(f"read-only: a Spark output cannot {what} (copy it into a database first)",
                          source=self.path)

    # -- articles ------------------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        """An output folder has no migrations; it reads like a store of the current schema."""
        from ..store import MIGRATIONS

        return len(MIGRATIONS)

    def put_article(self, article: Article) -> str:
        raise self._read_only("store articles")

    def get_article(self, article_id: str) -> Article:
        row = self._index("articles", "id").get(article_id)
        if row is None:
            raise NotFound("no such article in the store", source=article_id)
        return Article(**{k: row[k] for k in _ARTICLE_FIELDS})

    def get_articles(self, ids: Sequence[str]) -> dict[str, Article]:
        index = self._index("articles", "id")
        return {i: Article(**{k: index[i][k] for k in _ARTICLE_FIELDS}) for i in ids if i in index}

    def _sorted_ids(self) -> list[str]:
        return sorted(self._index("articles", "id"))

    def find_articles(self, prefix: str, *, limit: int = 10) -> list[str]:
        ids = self._sorted_ids()
        start = bisect.bisect_left(ids, prefix)
        out = []
        for i in ids[start:]:
            if not i.startswith(prefix) or len(out) >= limit:
                break
            out.append(i)
        return out

    def articles(self, *, order: str = "published") -> Iterator[Article]:
        if order not in ("published", "ingested"):
            raise ValueError(f"order must be 'published' or 'ingested', not {order!r}")
        rows = self.table("articles")
        key = ((lambda r: (r["undated"], r["published_utc"] or "", r["seq"])) if order == "published"
               else (lambda r: r["seq"]))
        for row in sorted(rows, key=key):
            yield Article(**{k: row[k] for k in _ARTICLE_FIELDS})

    def ingest_order(self) -> dict[str, int]:
        return {r["id"]: int(r["seq"]) for r in self.table("articles", ["id", "seq"])}

    def count_articles(self) -> int:
        return len(self._index("articles", "id"))

    def delete_article(self, article_id: str) -> None:
        raise self._read_only("delete articles")

    # -- analyses ------------------------------------------------------------------------
    def put_analysis(self, analysis: Analysis) -> None:
        raise self._read_only("store analyses")

    def get_analysis(self, article_id: str, *, analyzer: str | None = None) -> Analysis | None:
        row = self._index("analyses").get(article_id)
        if row is None or (analyzer is not None and row["analyzer"] != analyzer):
            return None
        return Analysis.from_dict(json.loads(row["data"]))

    def get_analyses(self, ids: Sequence[str], *, analyzer: str | None = None) -> dict[str, Analysis]:
        found = {i: self.get_analysis(i, analyzer=analyzer) for i in ids}
        return {i: a for i, a in found.items() if a is not None}

    def languages(self, ids: Sequence[str]) -> dict[str, str]:
        if "analyses" not in self._by_id:
            rows = self.table("analyses", ["article_id", "language"])
            langs = {r["article_id"]: r["language"] for r in rows}
        else:
            langs = {k: r["language"] for k, r in self._by_id["analyses"].items()}
        return {i: langs[i] for i in ids if langs.get(i)}

    def analysis_history(self, ids: Sequence[str]) -> list[Analysis]:
        """The job writes one analysis per article: that one."""
        return list(self.get_analyses(ids).values())

    def needs_analysis(self, analyzer: str) -> list[str]:
        done = {r["article_id"] for r in self.table("analyses", ["article_id", "analyzer"]) if r["analyzer"] == analyzer}
        return [r["id"] for r in sorted(self.table("articles", ["id", "seq"]), key=lambda r: r["seq"])
                if r["id"] not in done]

    # -- vectors -------------------------------------------------------------------------
    def put_arrays(self, article_id: str, model: str, arrays: dict[str, np.ndarray]) -> None:
        raise self._read_only("store vectors")

    def get_arrays(self, ids: Sequence[str], model: str) -> dict[str, dict[str, np.ndarray]]:
        """``cluster-v2`` (``stories.DOC_VECTOR_MODEL``) as ``cluster_store`` keeps it (``use``,
        ``minhash``, ``shingles``); a profile model's arrays from ``profiles``."""
        from ..stories import DOC_VECTOR_MODEL

        if model == DOC_VECTOR_MODEL:
            vectors = {r["article_id"]: r for r in self._index("vectors").values() if r["model"] == model}
            sigs = self._index("signatures")
            return {i: {"use": np.frombuffer(vectors[i]["vector"], dtype="<f4").astype(np.float32),
                        "minhash": np.frombuffer(sigs[i]["minhash"], dtype="<u4").astype(np.uint32),
                        "shingles": np.array([sigs[i]["size"]])}
                    for i in ids if i in vectors and i in sigs}
        profiles = self._index("profiles")
        return {i: _unpack(profiles[i]["data"]) for i in ids if i in profiles and profiles[i]["model"] == model}

    def all_arrays(self, ids: Sequence[str]) -> list[tuple[str, str, dict[str, np.ndarray]]]:
        from ..stories import DOC_VECTOR_MODEL

        models = [DOC_VECTOR_MODEL] + sorted({r["model"] for r in self._index("profiles").values()})
        return [(i, model, arrays) for model in models for i, arrays in self.get_arrays(ids, model).items()]

    # -- stories -------------------------------------------------------------------------
    def put_assignments(self, rows: Iterable[dict[str, Any]]) -> None:
        raise self._read_only("store assignments")

    def assignments(self) -> Iterator[StoredAssignment]:
        """In the order they were decided (publication order), ``seq`` numbering them from 1."""
        rows = sorted(self.table("assignments"), key=lambda r: (r["undated"], r["published_utc"] or "", r["seq"]))
        for n, r in enumerate(rows, start=1):
            yield StoredAssignment(article_id=r["article_id"], story_id=r["story_id"], new_story=r["new_story"],
                                   probability=r["probability"], duplicate_of=r["duplicate_of"],
                                   merged=list(r["merged"] or ()), seq=n)

    def redirects(self) -> dict[str, str]:
        return {r["old_id"]: r["new_id"] for r in self.table("redirects")}

    def redirect_rows(self) -> dict[str, tuple[str, str]]:
        """Each redirect with the article whose assignment merged it; a story joined across a
        bucket cut has none, and names its surviving story's first article."""
        merged_by = {old: row["article_id"] for row in self.assignments() for old in row.get("merged", ())}
        return {old: (new, merged_by.get(old, new.removeprefix("s:"))) for old, new in self.redirects().items()}

    def put_redirects(self, redirects: dict[str, tuple[str, str]]) -> None:
        raise self._read_only("store redirects")

    def clear_assignments(self) -> None:
        raise self._read_only("clear assignments")

    def errors(self) -> list[dict[str, Any]]:
        """The ``errors`` table: what could not be read or analysed, with the input's name."""
        return self.table("errors")

    def close(self) -> None:
        self._cache.clear()
        self._by_id.clear()
