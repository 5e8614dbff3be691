"""Copy a whole store to another, across backends (SQLite ↔ PostgreSQL).

``copy_store`` moves articles in ingest order (so sequence numbers keep their
order; a deleted article's gap closes), every analysis version oldest first (the
latest stays the latest), every model's arrays, then the story assignments in
their order and the redirects, so the copy lists the very same stories::

    >>> import tempfile, os
    >>> from storylink.document import Article
    >>> from storylink.store import SQLiteStore
    >>> d = tempfile.mkdtemp()
    >>> with SQLiteStore(os.path.join(d, "a.db")) as src, SQLiteStore(os.path.join(d, "b.db")) as dst:
    ...     _ = src.put_article(Article(id="x1", text="Trump traf Kim in Hanoi."))
    ...     copy_store(src, dst)["articles"], dst.get_article("x1").text
    (1, 'Trump traf Kim in Hanoi.')

The destination must hold no articles: merging two stores would interleave two
ingest orders and two sets of story decisions, which no clustering pass made.
A copy that fails midway leaves a partial destination; copy again into an empty one.
"""

from __future__ import annotations

from collections.abc import Callable

from .errors import StoreError
from .store import Store

__all__ = ["copy_store"]

_BATCH = 500


def copy_store(src: Store, dst: Store, *, progress: Callable[[int, int], None] | None = None) -> dict[str, int]:
    """Copy everything ``src`` holds into the empty ``dst``; returns counts of what was copied.

    ``progress(articles copied, articles)`` is called after each batch.

    Raises:
        StoreError: ``dst`` already holds articles, or either store fails.
    """
    held = dst.count_articles()
    if held:
        raise StoreError(f"the destination already holds {held} articles; copy wants an empty store",
                         source=dst.name)
    counts = {"articles": 0, "analyses": 0, "arrays": 0, "assignments": 0, "redirects": 0}
    total = src.count_articles()
    batch = []
    for article in src.articles(order="ingested"):
        batch.append(article)
        if len(batch) == _BATCH:
            _copy_batch(src, dst, batch, counts)
            batch = []
            if progress:
                progress(counts["articles"], total)
    if batch:
        _copy_batch(src, dst, batch, counts)
    if progress:
        progress(counts["articles"], total)
    rows: list[dict] = []
    for row in src.assignments():
        rows.append({k: v for k, v in row.items() if k != "seq"})
        if len(rows) == 2000:
            dst.put_assignments(rows)
            counts["assignments"] += len(rows)
            rows = []
    dst.put_assignments(rows)
    counts["assignments"] += len(rows)
    # Replayed assignments wrote their merges again; the source's own table also keeps the
    # redirects of deleted articles, so it is written over them, last.
    redirects = src.redirect_rows()
    dst.put_redirects(redirects)
    counts["redirects"] = len(redirects)
    return counts


def _copy_batch(src: Store, dst: Store, articles: list, counts: dict[str, int]) -> None:
    ids = [a.id for a in articles]
    dst.put_articles(articles)
    counts["articles"] += len(articles)
    for analysis in src.analysis_history(ids):
        dst.put_analysis(analysis)
        counts["analyses"] += 1
    for article_id, model, arrays in src.all_arrays(ids):
        dst.put_arrays(article_id, model, arrays)
        counts["arrays"] += 1
