"""Online story clustering: each article joins a story or opens one, in publication order.

The pieces are separable so that a Spark job can run them on partitions:

1. **near-duplicates** (``neardup``): MinHash LSH over the open window; a copy
   joins its original's story and is marked ``duplicate_of`` (not a new report);
2. **candidates**: the nearest article vectors in the window (exact inner
   product over a few thousand rows, or an ANN index beyond that) plus an
   inverted index of canonical entity keys;
3. **decision**: a learned same-story probability over cheap pair features
   (``Decider``), compared with ``threshold``;
4. **merge**: when an article links two open stories, the younger story is
   merged into the older one, whose id survives; the other id redirects.

Story ids are the id of the story's first article (``s:<article id>``), so a
re-run over the same stream reproduces the same ids.

    >>> import numpy as np
    >>> c = Clusterer()
    >>> v = np.eye(4, dtype=np.float32)
    >>> c.add(ClusterItem("a", 0.0, v[0], entities=frozenset({"hanoi"}))).story_id
    's:a'
    >>> c.add(ClusterItem("b", 60.0, v[0], entities=frozenset({"hanoi"}))).story_id
    's:a'
    >>> c.add(ClusterItem("c", 120.0, v[1])).new_story
    True
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import numpy as np

from .document import Record
from .neardup import LSHIndex, Signature

__all__ = ["ClusterItem", "Assignment", "Decider", "Clusterer", "PAIR_FEATURES"]

DAY = 86400.0


@dataclass(frozen=True, slots=True, eq=False)
class ClusterItem:
    """What clustering needs of one article: no text, so items are cheap to ship."""

    id: str
    time: float  # seconds since the epoch; ingest order when no date is known
    vector: np.ndarray  # L2-normalised whole-text vector (USE-multilingual)
    signature: Signature | None = None
    entities: frozenset[str] = frozenset()
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Assignment(Record):
    """Where one article went."""

    article_id: str
    story_id: str
    new_story: bool
    probability: float
    duplicate_of: str | None = None
    merged: tuple[str, ...] = ()


@dataclass(slots=True)
class _Story:
    id: str
    first: float
    last: float
    members: list[str] = field(default_factory=list)
    entity_counts: Counter[str] = field(default_factory=Counter)
    languages: set[str] = field(default_factory=set)
    vec_sum: np.ndarray | None = None


PAIR_FEATURES = ("max_cos", "centroid_cos", "entity_share", "shared_entities", "gap_days", "same_language")


class Decider:
    """Logistic same-story probability over ``PAIR_FEATURES``.

    The weights are learned (``storylink.train_cluster``) on labelled pairs;
    the defaults here are that model's output, committed with the code."""

    def __init__(self, weights: Iterable[float] | None = None, bias: float | None = None) -> None:
        self.weights = np.array(
            list(weights) if weights is not None else [9.0, 3.0, 3.0, 0.3, -0.4, 0.3], dtype=np.float64
        )
        self.bias = -8.0 if bias is None else bias

    def __call__(self, features: np.ndarray) -> float:
        z = float(features @ self.weights + self.bias)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


class Clusterer:
    """Assigns items to stories online; see the module docstring."""

    def __init__(
        self,
        *,
        window_days: float = 4.0,
        threshold: float = 0.5,
        merge_threshold: float = 0.8,
        neighbours: int = 20,
        decider: Callable[[np.ndarray], float] | None = None,
        max_entity_df: int = 200,
    ) -> None:
        self.window = window_days * DAY
        self.threshold = threshold
        self.merge_threshold = merge_threshold
        self.neighbours = neighbours
        self.decide = decider or Decider()
        self.max_entity_df = max_entity_df
        self.stories: dict[str, _Story] = {}
        self.redirects: dict[str, str] = {}
        self.story_of: dict[str, str] = {}
        self._lsh = LSHIndex()
        self._ids: list[str] = []
        self._times: list[float] = []
        self._vectors: np.ndarray | None = None
        self._alive: list[bool] = []
        self._row: dict[str, int] = {}
        self._entity_index: dict[str, dict[str, None]] = defaultdict(dict)
        self._now = -math.inf
        self._expiry: list[tuple[float, str]] = []  # (last seen, story id), lazily checked
        #: Stories that left the window, for the caller to persist and drop.
        self.closed: dict[str, _Story] = {}

    # -- public -----------------------------------------------------------------
    def resolve(self, story_id: str) -> str:
        """The surviving id of a story (merged stories redirect)."""
        while story_id in self.redirects:
            story_id = self.redirects[story_id]
        return story_id

    def add(self, item: ClusterItem) -> Assignment:
        """Place one item; items should come in time order (late items are accepted)."""
        self._now = max(self._now, item.time)
        self._expire()
        duplicate_of = None
        if item.signature is not None:
            dups = self._lsh.near_duplicates(item.signature)
            if dups:
                duplicate_of = dups[0][0]
        if duplicate_of is not None:
            story_id = self.resolve(self.story_of[duplicate_of])
            self._join(story_id, item)
            return Assignment(item.id, story_id, False, 1.0, duplicate_of=duplicate_of)

        scored = self._score_candidates(item)
        if not scored or scored[0][1] < self.threshold:
            story_id = self._open(item)
            return Assignment(item.id, story_id, True, scored[0][1] if scored else 0.0)
        story_id, probability = scored[0]
        merged = []
        for other, p in scored[1:]:
            if p >= self.merge_threshold:
                story_id = self._merge(story_id, other)
                merged.append(other if self.resolve(other) != other else story_id)
        self._join(story_id, item)
        return Assignment(item.id, story_id, False, probability, merged=tuple(m for m in merged if m != story_id))

    def replay(self, item: ClusterItem, assignment: Assignment) -> None:
        """Rebuild state from a stored assignment without deciding again (crash recovery)."""
        self._now = max(self._now, item.time)
        self._expire()
        for old in assignment.merged:
            if self.resolve(old) in self.stories and self.resolve(old) != self.resolve(assignment.story_id):
                self._merge(assignment.story_id, old)
        if assignment.new_story:
            self._open(item)
        else:
            self._join(self.resolve(assignment.story_id), item)

    def run(self, items: Iterable[ClusterItem]) -> Iterator[Assignment]:
        for item in items:
            yield self.add(item)

    # -- candidates and decision ---------------------------------------------------
    def pair_features(self, item: ClusterItem, story: _Story, max_cos: float) -> np.ndarray:
        centroid = story.vec_sum / max(np.linalg.norm(story.vec_sum), 1e-9) if story.vec_sum is not None else None
        centroid_cos = float(item.vector @ centroid) if centroid is not None else 0.0
        shared = [k for k in item.entities if k in story.entity_counts]
        share = len(shared) / max(1, min(len(item.entities), len(story.entity_counts)))
        gap = abs(item.time - story.last) / DAY
        same_lang = 1.0 if item.language and item.language in story.languages else 0.0
        return np.array([max_cos, centroid_cos, share, min(len(shared), 10), gap, same_lang])

    def _score_candidates(self, item: ClusterItem) -> list[tuple[str, float]]:
        best_cos: dict[str, float] = {}
        if self._vectors is not None and self._ids:
            alive = np.flatnonzero(self._alive)
            if alive.size:
                sims = self._vectors[alive] @ item.vector
                top = alive[np.argsort(-sims)[: self.neighbours]]
                for row in top.tolist():
                    sid = self.resolve(self.story_of[self._ids[row]])
                    cos = float(self._vectors[row] @ item.vector)
                    best_cos[sid] = max(best_cos.get(sid, -1.0), cos)
        for key in item.entities:
            stories = self._entity_index.get(key)
            if stories and len(stories) <= self.max_entity_df:
                for sid in stories:
                    sid = self.resolve(sid)
                    if sid in self.stories and sid not in best_cos:
                        best_cos[sid] = self._max_cos(item, self.stories[sid])
        scored = [
            (sid, self.decide(self.pair_features(item, self.stories[sid], cos)))
            for sid, cos in best_cos.items()
            if sid in self.stories
        ]
        return sorted(scored, key=lambda kv: (-kv[1], kv[0]))

    def _max_cos(self, item: ClusterItem, story: _Story) -> float:
        rows = [self._row[m] for m in story.members if m in self._row and self._alive[self._row[m]]]
        if not rows or self._vectors is None:
            return 0.0
        return float(np.max(self._vectors[rows] @ item.vector))

    # -- state -------------------------------------------------------------------------
    def _open(self, item: ClusterItem) -> str:
        story_id = f"s:{item.id}"
        self.stories[story_id] = _Story(story_id, item.time, item.time)
        self._join(story_id, item)
        return story_id

    def _join(self, story_id: str, item: ClusterItem) -> None:
        story = self.stories[story_id]
        story.members.append(item.id)
        story.first = min(story.first, item.time)
        story.last = max(story.last, item.time)
        story.entity_counts.update(item.entities)
        if item.language:
            story.languages.add(item.language)
        story.vec_sum = item.vector.astype(np.float64) if story.vec_sum is None else story.vec_sum + item.vector
        heapq.heappush(self._expiry, (story.last, story_id))
        self.story_of[item.id] = story_id
        for key in item.entities:
            self._entity_index[key][story_id] = None
        if item.signature is not None:
            self._lsh.add(item.id, item.signature)
        self._append_vector(item)

    def _merge(self, keep: str, other: str) -> str:
        keep, other = self.resolve(keep), self.resolve(other)
        if keep == other:
            return keep
        a, b = self.stories[keep], self.stories[other]
        if (b.first, b.id) < (a.first, a.id):
            a, b = b, a
        a.members.extend(b.members)
        a.first, a.last = min(a.first, b.first), max(a.last, b.last)
        a.entity_counts.update(b.entity_counts)
        a.languages |= b.languages
        if b.vec_sum is not None:
            a.vec_sum = b.vec_sum if a.vec_sum is None else a.vec_sum + b.vec_sum
        for m in b.members:
            self.story_of[m] = a.id
        for key in b.entity_counts:
            self._entity_index[key].pop(b.id, None)
            self._entity_index[key][a.id] = None
        del self.stories[b.id]
        self.redirects[b.id] = a.id
        return a.id

    def _append_vector(self, item: ClusterItem) -> None:
        vec = np.asarray(item.vector, dtype=np.float32)
        if self._vectors is None:
            self._vectors = np.zeros((1024, vec.shape[0]), dtype=np.float32)
        if len(self._ids) == self._vectors.shape[0]:
            self._compact()
            if len(self._ids) == self._vectors.shape[0]:
                self._vectors = np.concatenate([self._vectors, np.zeros_like(self._vectors)])
        self._row[item.id] = len(self._ids)
        self._vectors[len(self._ids)] = vec
        self._ids.append(item.id)
        self._times.append(item.time)
        self._alive.append(True)

    def _compact(self) -> None:
        keep = [i for i, alive in enumerate(self._alive) if alive]
        if len(keep) == len(self._ids) or self._vectors is None:
            return
        self._vectors[: len(keep)] = self._vectors[keep]
        self._ids = [self._ids[i] for i in keep]
        self._times = [self._times[i] for i in keep]
        self._alive = [True] * len(keep)
        self._row = {aid: i for i, aid in enumerate(self._ids)}

    def _expire(self) -> None:
        """Close stories whose last article is older than the window; drop their rows."""
        horizon = self._now - self.window
        while self._expiry and self._expiry[0][0] < horizon:
            last, sid = heapq.heappop(self._expiry)
            story = self.stories.get(sid)
            if story is None:
                continue
            if story.last >= horizon:  # it grew since this entry was pushed
                heapq.heappush(self._expiry, (story.last, sid))
                continue
            self.closed[sid] = self.stories.pop(sid)
            for m in story.members:
                row = self._row.pop(m, None)
                if row is not None:
                    self._alive[row] = False
                self._lsh.remove(m)
            for key in story.entity_counts:
                self._entity_index[key].pop(sid, None)
                if not self._entity_index[key]:
                    del self._entity_index[key]
