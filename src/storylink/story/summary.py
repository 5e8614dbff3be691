"""The story's extractive summary.

It is chosen against the story's *centroid*: the mean, over members, of each
member's mean sentence vector (USE, multilingual), so a long live ticker counts
as one source, not as a hundred sentences.

Summary: candidate sentences are the first ``LEAD_SENTENCES`` of each member in
the summary language (6 to 60 words, no boilerplate, no headline, quotation marks
closed within the sentence). A sentence scores its
cosine to the centroid, plus its *support* (how many other members carry a
sentence within ``SUPPORT_COS`` of it: a fact several sources report) and a
small lead bonus. Sentences are then picked greedily by score minus their
closeness to those already picked (maximal marginal relevance); one within
``SAME_COS`` of a picked sentence is the same fact (a copied passage counts
once), so it is skipped and its member listed under ``also_in``. Only the
``POOL`` best-scoring sentences are compared with everything, which keeps the
cost linear in the story's sentences.

The title is ``stories.story_title``'s, the listing's own rule. A member's own title is never a
summary sentence.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence

import numpy as np

from ..evidence import _words
from .inputs import MemberData
from .model import SummarySentence

__all__ = ["centroid", "build_summary"]

LEAD_SENTENCES = 40
POOL = 300
SUPPORT_COS = 0.75
SAME_COS = 0.8
ALSO_IN_COS = 0.85
MIN_WORDS, MAX_WORDS = 6, 60
MAX_SENTENCES, MIN_SENTENCES = 5, 3


def centroid(members: Sequence[MemberData]) -> np.ndarray | None:
    means = []
    for m in members:
        if m.sentence_use is not None and len(m.sentence_use):
            v = m.sentence_use.mean(axis=0)
            means.append(v / (np.linalg.norm(v) or 1.0))
    if not means:
        return None
    c = np.mean(means, axis=0)
    return c / (np.linalg.norm(c) or 1.0)


def _candidates(members: Sequence[MemberData], language: str | None) -> list[tuple[MemberData, int]]:
    out = []
    for m in members:
        a = m.analysis
        if a is None or m.sentence_use is None or len(m.sentence_use) != len(a.sentences):
            continue
        noise = sorted((n.start, n.end) for n in a.noise)
        # Headlines are the title's business, not the summary's.
        headlines = sorted([(e.headline_start, e.headline_end) for e in a.entries] + _title_span(m))
        taken = 0
        for k, s in enumerate(a.sentences):
            if taken >= LEAD_SENTENCES:
                break
            lang = s.language or a.language
            if language and lang != language:
                continue
            n = len(_words(s.text).tokens)
            if not MIN_WORDS <= n <= MAX_WORDS or _inside(noise, s.start) or _inside(headlines, s.start) \
                    or not _balanced(s.text):
                continue
            out.append((m, k))
            taken += 1
    return out


def _balanced(text: str) -> bool:
    """Quotation marks open and close within the sentence: a sentence cut inside a quote
    ('sagte Trump: "Ich bin in keiner Eile.') reads broken on its own."""
    return (text.count("„") == text.count("“") and text.count("»") == text.count("«")
            and text.count('"') % 2 == 0)


def _title_span(m: MemberData) -> list[tuple[int, int]]:
    title, text = m.article.title, m.article.text
    start = text.find(title) if title else -1
    return [(start, start + len(title))] if title and 0 <= start <= 200 else []  # type: ignore[arg-type]


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    k = bisect.bisect_right(spans, (pos, math.inf)) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def build_summary(members: Sequence[MemberData], language: str | None) -> tuple[SummarySentence, ...]:
    """3-5 extractive sentences in ``language`` (see the module docstring)."""
    c = centroid(members)
    cands = _candidates(members, language)
    if c is None or not cands:
        return ()
    vecs = np.stack([m.sentence_use[k] for m, k in cands]).astype(np.float32)
    base = vecs @ c
    pool = np.argsort(-base)[:POOL]
    pool_vecs = vecs[pool]
    owner = np.array([cands[p][0].position for p in pool])
    # Support: other members with a sentence close to the candidate (one product per member).
    # One product against every sentence, reduced per member: many small products are
    # slow in BLAS, one large one is not.
    with_rows = [m for m in members if m.sentence_use is not None and len(m.sentence_use)]
    bounds = np.cumsum([0] + [len(m.sentence_use) for m in with_rows])[:-1]  # type: ignore[arg-type]
    every = np.concatenate([m.sentence_use for m in with_rows]).astype(np.float32)  # type: ignore[misc]
    best = np.maximum.reduceat(pool_vecs @ every.T, bounds, axis=1)  # (pool, members)
    other = owner[:, None] != np.array([m.position for m in with_rows])[None, :]
    support = ((best >= SUPPORT_COS) & other).sum(axis=1)
    also: list[list[str]] = [[] for _ in pool]
    for x, k in zip(*np.nonzero((best >= ALSO_IN_COS) & other)):
        also[x].append(with_rows[k].id)
    lead = np.array([0.05 if cands[p][1] < 3 else 0.0 for p in pool])
    score = base[pool] + 0.1 * np.log1p(support) + lead
    sims = pool_vecs @ pool_vecs.T
    closeness = np.zeros(len(pool))
    same_member = np.zeros(len(pool))
    available = np.ones(len(pool), dtype=bool)
    picked: list[int] = []
    while len(picked) < MAX_SENTENCES:
        value = np.where(available & (closeness < SAME_COS), score - 0.5 * closeness - 0.05 * same_member, -np.inf)
        best_x = int(np.argmax(value))
        if not np.isfinite(value[best_x]) or (len(picked) >= MIN_SENTENCES and value[best_x] < 0.5 * score[picked[0]]):
            break
        picked.append(best_x)
        available[best_x] = False
        closeness = np.maximum(closeness, sims[best_x])
        same_member += owner == owner[best_x]
    out = []
    for x in picked:
        m, k = cands[pool[x]]
        s = m.analysis.sentences[k]  # type: ignore[union-attr]
        out.append((m.position, s.start, SummarySentence(
            article_id=m.id, start=s.start, end=s.end, text=s.text, language=s.language or m.language,
            score=round(float(score[x]), 4), also_in=tuple(sorted(set(also[x]))),
        )))
    out.sort(key=lambda t: (t[0], t[1]))
    return tuple(s for _, _, s in out)
