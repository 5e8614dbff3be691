"""Who copied whom: the directed text-reuse graph of a story's members.

No all-pairs step: every member's 5-word shingles go into one inverted index,
a shingle carried by more than ``MAX_SHINGLE_MEMBERS`` members (boilerplate,
an agency line everyone prints) proposes nothing, and a pair becomes a
candidate when it shares at least ``MIN_SHARED_SHINGLES`` shingles (a
12-word passage has 8). Each member keeps its ``MAX_PARTNERS`` best
candidates, so the passage search (``evidence.copied_passages``, linear in the
two texts) runs at most ``MAX_PARTNERS`` times per member: the cost grows with
the story's size, not its square.

Direction comes from publication times: the earlier member is the source. When
a time is missing or both are equal the edge keeps story order and says why
its direction is unknown.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from ..document import published_datetime
from ..evidence import _words, copied_passages
from .model import ReuseEdge, ReusePassage

__all__ = ["reuse_edges", "MAX_SHINGLE_MEMBERS", "MIN_SHARED_SHINGLES", "MAX_PARTNERS"]

#: A shingle in more members than this is boilerplate and proposes no pair.
MAX_SHINGLE_MEMBERS = 20
#: Shared shingles a pair needs before its passages are searched.
MIN_SHARED_SHINGLES = 8
#: Candidate partners kept per member (the cap that keeps reuse linear in story size).
MAX_PARTNERS = 8


def candidate_pairs(texts: Sequence[str]) -> list[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, that share enough rare shingles, best first per member."""
    postings: dict[int, list[int]] = defaultdict(list)
    for i, text in enumerate(texts):
        for h in set(_words(text).shingles):
            postings[h].append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for members in postings.values():
        if 1 < len(members) <= MAX_SHINGLE_MEMBERS:
            for a in range(len(members)):
                for b in range(a + 1, len(members)):
                    shared[(members[a], members[b])] += 1
    partners: dict[int, list[tuple[int, tuple[int, int]]]] = defaultdict(list)
    for pair, n in shared.items():
        if n >= MIN_SHARED_SHINGLES:
            partners[pair[0]].append((n, pair))
            partners[pair[1]].append((n, pair))
    keep: set[tuple[int, int]] = set()
    for found in partners.values():
        found.sort(key=lambda x: (-x[0], x[1]))
        keep.update(pair for _, pair in found[:MAX_PARTNERS])
    return sorted(keep)


def reuse_edges(ids: Sequence[str], texts: Sequence[str], published: Sequence[str | None]) -> tuple[ReuseEdge, ...]:
    """The reuse edges among members given in story order (ids, texts, publication times)."""
    edges = []
    for i, j in candidate_pairs(texts):
        src, tgt, direction, reason = _orient(i, j, ids, published)
        passages, share_i, share_j = copied_passages(texts[src], texts[tgt])
        if not passages:
            continue
        edges.append(ReuseEdge(
            source=ids[src], target=ids[tgt], direction=direction, direction_reason=reason,
            share_source=share_i, share_target=share_j, words=sum(p.words for p in passages),
            passages=tuple(ReusePassage(
                source_start=p.a_start, source_end=p.a_end, target_start=p.b_start, target_end=p.b_end,
                words=p.words, similarity=p.similarity, text=texts[src][p.a_start:p.a_end],
            ) for p in passages),
        ))
    position = {article_id: k for k, article_id in enumerate(ids)}
    edges.sort(key=lambda e: (position[e.source], position[e.target]))
    return tuple(edges)


def _orient(i: int, j: int, ids: Sequence[str], published: Sequence[str | None]) -> tuple[int, int, Any, Any]:
    ti, tj = published_datetime(published[i]), published_datetime(published[j])
    if ti is None or tj is None:
        missing = [ids[k] for k, t in ((i, ti), (j, tj)) if t is None]
        return i, j, None, f"publication time unknown for {', '.join(missing)}"
    if ti == tj:
        return i, j, None, "published at the same time"
    src, tgt = (i, j) if ti < tj else (j, i)
    return src, tgt, "source→target", None
