"""The story list the service pages through: ``stories.list_stories``, kept between requests.

``list_stories`` reads every assignment and article once; a page of 20 stories
must not. The index keeps its result with the store's ``stories_version`` and
computes it again only when that changes: at once while a rebuild is quick
(a small store is never stale), in a background thread once it is slow, and
then at most once per few times its length (the previous list is served
meanwhile, so a busy writer cannot slow the readers; the list may lag a few
seconds behind the store).
Filters and pages are then list slices.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..document import published_datetime
from ..store import Store
from ..stories import Story, list_stories, published_seconds

__all__ = ["StoryIndex", "StoryPage", "Filters"]

_QUICK_S = 0.25  # a rebuild faster than this is done in the request; slower ones in the background
_REST = 4.0  # a slow rebuild waits this many times its length after the last one
_SEARCH_LIMIT = 5000  # articles a ``q`` filter looks at (best matches first)


@dataclass(frozen=True, slots=True)
class Filters:
    since: str | None = None
    until: str | None = None
    language: str | None = None
    source: str | None = None
    q: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("since", "until", "language", "source", "q")
                if getattr(self, k) is not None}


@dataclass(frozen=True, slots=True)
class StoryPage:
    stories: list[Story]
    total: int
    offset: int
    limit: int
    filters: Filters = field(default_factory=Filters)

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "offset": self.offset, "limit": self.limit, "filters": self.filters.to_dict(),
                "stories": [s.to_dict() for s in self.stories]}


def _newest_first(story: Story) -> tuple[int, float, str]:
    last = published_seconds(story.last_seen)
    return (last is None, -(last or 0.0), story.id)


class StoryIndex:
    def __init__(self, open_store: Callable[[], Store]) -> None:
        self._open = open_store
        self._lock = threading.Lock()
        self._building = False
        self._version: Any = object()
        self._stories: list[Story] = []
        self._story_of: dict[str, str] = {}
        self._by_id: dict[str, Story] = {}
        self._took = 0.0
        self._built = False
        self._built_at = 0.0

    def _rebuild(self, store: Store) -> None:
        version = store.stories_version()
        started = time.perf_counter()
        stories = sorted(list_stories(store), key=_newest_first)
        took = time.perf_counter() - started
        story_of = {a: s.id for s in stories for a in s.articles}
        with self._lock:
            self._stories, self._story_of = stories, story_of
            self._by_id = {s.id: s for s in stories}
            self._version, self._took, self._built = version, took, True
            self._built_at = time.monotonic()

    def _background(self) -> None:
        try:
            with self._open() as store:
                self._rebuild(store)
        finally:
            with self._lock:
                self._building = False

    def fresh(self, store: Store) -> None:
        """Bring the list up to date (see the module docstring for when it waits)."""
        version = store.stories_version()
        if version == self._version:
            return
        with self._lock:
            if self._built and self._took > _QUICK_S:
                # At most one rebuild per few times its own length: under a steady stream of
                # writes the list is a second or two behind instead of the CPU rebuilding it all the time.
                if not self._building and time.monotonic() - self._built_at > _REST * self._took:
                    self._building = True
                    threading.Thread(target=self._background, name="storylink-index", daemon=True).start()
                return
        self._rebuild(store)

    def story_of(self, store: Store, article_id: str) -> str | None:
        self.fresh(store)
        return self._story_of.get(article_id)

    def get(self, store: Store, story_id: str) -> Story | None:
        self.fresh(store)
        return self._by_id.get(story_id)

    def page(self, store: Store, filters: Filters, *, offset: int = 0, limit: int = 20) -> StoryPage:
        self.fresh(store)
        stories = self._stories
        if filters.language:
            stories = [s for s in stories if filters.language in s.languages]
        if filters.source:
            stories = [s for s in stories if filters.source in s.sources]
        if filters.since:
            since = published_datetime(filters.since)
            stories = [s for s in stories if s.last_seen and published_datetime(s.last_seen) >= since]  # type: ignore[operator]
        if filters.until:
            until = published_datetime(filters.until)
            stories = [s for s in stories if s.first_seen and published_datetime(s.first_seen) <= until]  # type: ignore[operator]
        if filters.q:
            hits = {self._story_of.get(h["id"]) for h in store.search(filters.q, limit=_SEARCH_LIMIT)}
            stories = [s for s in stories if s.id in hits]
        return StoryPage(stories[offset : offset + limit], len(stories), offset, limit, filters)

    def languages_and_sources(self) -> tuple[list[str], list[str]]:
        """Every language and source in the list (for the filter menus)."""
        stories = self._stories
        return (sorted({lang for s in stories for lang in s.languages}),
                sorted({src for s in stories for src in s.sources}))
