"""Clustering quality: pairwise and BCubed precision/recall/F1, ARI, and baselines.

Baselines run on the same stream in the same process:

- ``tfidf``: single-pass clustering with TF-IDF cosine to each story's
  centroid and a threshold tuned on the stream itself (an upper bound for
  that method, as in Miranda et al. 2018);
- ``minhash``: near-duplicate links only (MinHash LSH), every other article
  opens its own story.

    >>> bcubed({"a": 1, "b": 1, "c": 2}, {"a": "x", "b": "x", "c": "x"})["precision"]
    1.0
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping, Sequence
from typing import Any

import numpy as np

__all__ = ["pairwise", "bcubed", "ari", "tfidf_single_pass", "minhash_only", "format_table"]


def _prf(tp: float, fp: float, fn: float) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def pairwise(predicted: Mapping[str, Hashable], pairs: Sequence[tuple[str, str, bool]]) -> dict[str, float]:
    """P/R/F1 of "in the same story" over labelled pairs ``(a, b, same)``."""
    tp = fp = fn = tn = 0
    for a, b, same in pairs:
        if a not in predicted or b not in predicted:
            continue
        together = predicted[a] == predicted[b]
        tp += together and same
        fp += together and not same
        fn += (not together) and same
        tn += (not together) and not same
    return _prf(tp, fp, fn) | {"pairs": tp + fp + fn + tn}


def bcubed(predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> dict[str, float]:
    """BCubed precision/recall/F1 (Bagga & Baldwin) over the items of ``gold``."""
    by_pred: dict[Hashable, set[str]] = defaultdict(set)
    by_gold: dict[Hashable, set[str]] = defaultdict(set)
    items = [i for i in gold if i in predicted]
    for i in items:
        by_pred[predicted[i]].add(i)
        by_gold[gold[i]].add(i)
    p = r = 0.0
    for i in items:
        pc, gc = by_pred[predicted[i]], by_gold[gold[i]]
        inter = len(pc & gc)
        p += inter / len(pc)
        r += inter / len(gc)
    n = len(items) or 1
    p, r = p / n, r / n
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def ari(predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> float:
    from sklearn.metrics import adjusted_rand_score

    items = [i for i in gold if i in predicted]
    return float(adjusted_rand_score([str(gold[i]) for i in items], [str(predicted[i]) for i in items]))


def tfidf_single_pass(ids: Sequence[str], texts: Sequence[str], threshold: float) -> dict[str, int]:
    """Single-pass clustering: join the story with the most similar TF-IDF centroid above ``threshold``."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    x = TfidfVectorizer(sublinear_tf=True, min_df=1).fit_transform(texts)
    x = x.toarray().astype(np.float32) if x.shape[1] < 50_000 else x
    centroids: list[np.ndarray] = []
    out: dict[str, int] = {}
    for i, aid in enumerate(ids):
        row = np.asarray(x[i].todense()).ravel() if hasattr(x[i], "todense") else x[i]
        best, best_sim = -1, threshold
        if centroids:
            c = np.vstack(centroids)
            sims = c @ row / np.maximum(np.linalg.norm(c, axis=1) * (np.linalg.norm(row) or 1.0), 1e-9)
            j = int(np.argmax(sims))
            if sims[j] >= best_sim:
                best = j
        if best < 0:
            centroids.append(row.copy())
            best = len(centroids) - 1
        else:
            centroids[best] = centroids[best] + row
        out[aid] = best
    return out


def minhash_only(ids: Sequence[str], texts: Sequence[str]) -> dict[str, str]:
    """Stories made of near-duplicate links only."""
    from ..neardup import LSHIndex, signature

    index = LSHIndex()
    story: dict[str, str] = {}
    for aid, text in zip(ids, texts):
        sig = signature(text)
        dups = index.near_duplicates(sig)
        story[aid] = story[dups[0][0]] if dups else aid
        index.add(aid, sig)
    return story


def format_table(rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> str:
    """A plain aligned text table (``rows`` are dicts with a ``method`` key)."""
    head = ["method", *columns]
    body = [[str(r.get("method", ""))] + [f"{r[c]:.3f}" if isinstance(r.get(c), float) else str(r.get(c, ""))
                                          for c in columns] for r in rows]
    widths = [max(len(x) for x in col) for col in zip(head, *body)]
    line = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths))  # noqa: E731
    return "\n".join([line(head), line(["-" * w for w in widths]), *map(line, body)])
