"""Learn the story clusterer's decision on SemEval-2022 Task 8 *train* data only.

Two teacher-forced streams give the examples: the train split's articles in
file order (gold stories are the connected components of its same-story
pairs, Overall <= 1.5), and a synthetic stream seeded from train articles only
(``bench/synth.py``: copies, trims, reorderings, with publication times). Each
article meets the candidates the clusterer would propose while the window
holds the *gold* stories so far (teacher forcing, as in Miranda et al. 2018);
a candidate is positive when it is the article's gold story, negative
otherwise, and skipped when the article and a story member form an
ambiguous pair (1.5 < Overall < 3). A logistic regression over
``PAIR_FEATURES`` is fitted (fixed seed), then ``threshold`` and
``merge_threshold`` are chosen by running the real clusterer over both
train streams (mean of pairwise F1 on train pairs and BCubed F1 on the
synthetic stream). Dev is never read.

    python -m storylink.train_cluster            # writes models/cluster-decider.json
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .cluster import DECIDER_PATH, PAIR_FEATURES, ClusterItem, Clusterer, Decider
from .evaluate.clusters import (
    DIFFERENT_MIN,
    SAME_MAX,
    bcubed,
    cluster_stream,
    labelled_pairs,
    pairwise,
    semeval_items,
    semeval_split,
    synthetic_items,
    synthetic_stream,
)

__all__ = ["gold_components", "teacher_forced_examples", "train", "main"]

SEED = 20180601
DEFAULT_DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "semeval2022-task8"


def gold_components(ids: Sequence[str], pairs: Sequence[tuple[str, str, float]]) -> dict[str, str]:
    """Gold story per article: connected components over same-story pairs."""
    parent = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b, overall in pairs:
        if overall <= SAME_MAX:
            parent[find(a)] = find(b)
    return {i: find(i) for i in ids}


def teacher_forced_examples(items: Sequence[ClusterItem], gold: dict[str, str],
                            ambiguous: set[frozenset[str]], labelled: set[frozenset[str]] | None = None,
                            ) -> tuple[np.ndarray, np.ndarray]:
    """Features and labels of the (article, candidate story) pairs met while the window holds gold stories.

    With ``labelled`` (SemEval, where most article pairs were never judged),
    only candidates holding an article judged against this one count: an
    unjudged pair of the same topic is as often the same story as not."""
    clusterer = Clusterer(threshold=1.0, decider=Decider([0.0] * len(PAIR_FEATURES), 0.0))
    story_of_gold: dict[str, str] = {}
    xs: list[np.ndarray] = []
    ys: list[np.ndarray] = []
    for item in items:
        clusterer._advance(item.time)
        candidates = clusterer.candidates(item)
        keep = [sid for sid in candidates
                if not any(frozenset((item.id, m)) in ambiguous for m in clusterer.stories[sid].members)
                and (labelled is None
                     or any(frozenset((item.id, m)) in labelled for m in clusterer.stories[sid].members))]
        if keep:
            xs.append(clusterer.features(item, keep))
            target = clusterer.resolve(story_of_gold[gold[item.id]]) if gold[item.id] in story_of_gold else None
            ys.append(np.array([sid == target for sid in keep], dtype=np.int8))
        sid = story_of_gold.get(gold[item.id])
        if sid is not None and clusterer.resolve(sid) in clusterer.stories:
            clusterer._join(clusterer.resolve(sid), item)
        else:
            story_of_gold[gold[item.id]] = clusterer._open(item)
    if not xs:
        return np.zeros((0, len(PAIR_FEATURES))), np.zeros(0, dtype=np.int8)
    return np.vstack(xs), np.concatenate(ys)


def _streams(data_dir: Path, *, stories: int) -> dict[str, Any]:
    articles, pairs = semeval_split(data_dir, "train")
    ids = [a.id for a in articles]
    stream = synthetic_stream(stories=stories, seed=SEED % 1000, splits=("train",), data_dir=data_dir)
    return {
        "semeval_items": semeval_items(articles),
        "semeval_gold": gold_components(ids, pairs),
        "semeval_pairs": labelled_pairs(pairs),
        "ambiguous": {frozenset((a, b)) for a, b, o in pairs if SAME_MAX < o < DIFFERENT_MIN},
        "labelled": {frozenset((a, b)) for a, b, _ in labelled_pairs(pairs)},
        "synthetic_items": synthetic_items(stream),
        "synthetic_gold": {s.id: s.story for s in stream},
    }


def train(data_dir: Path = DEFAULT_DATA, *, stories: int = 150, verbose: bool = True) -> dict[str, Any]:
    """Fit the decider and tune its thresholds; returns the model as a JSON-ready dict."""
    from sklearn.linear_model import LogisticRegression

    s = _streams(data_dir, stories=stories)
    x1, y1 = teacher_forced_examples(s["semeval_items"], s["semeval_gold"], s["ambiguous"], s["labelled"])
    x2, y2 = teacher_forced_examples(s["synthetic_items"], s["synthetic_gold"], set())
    x, y = np.vstack([x1, x2]), np.concatenate([y1, y2])
    model = LogisticRegression(C=1.0, max_iter=2000, random_state=SEED).fit(x, y)
    weights, bias = model.coef_[0].tolist(), float(model.intercept_[0])
    if verbose:
        print(f"examples: semeval {len(y1)} ({int(y1.sum())} positive), synthetic {len(y2)} ({int(y2.sum())} positive)")
        print("weights: " + ", ".join(f"{n}={w:+.2f}" for n, w in zip(PAIR_FEATURES, weights)) + f", bias={bias:+.2f}")

    best: tuple[float, float, float, float, float] = (-1.0, 0.5, 0.9, 0.0, 0.0)
    for threshold in (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7):
        for merge in (0.9, 0.95, 1.01):  # 1.01: never merge
            if merge < threshold:
                continue
            decider = Decider(weights, bias, threshold=threshold, merge_threshold=merge)
            labels, _ = cluster_stream(s["semeval_items"], Clusterer(decider=decider))
            f_pairs = pairwise(labels, s["semeval_pairs"])["f1"]
            labels, _ = cluster_stream(s["synthetic_items"], Clusterer(decider=decider))
            f_bcubed = bcubed(labels, s["synthetic_gold"])["f1"]
            score = (f_pairs + f_bcubed) / 2
            if verbose:
                print(f"threshold {threshold:.2f} merge {merge:.2f}: train pairwise F1 {f_pairs:.3f}, "
                      f"train synthetic BCubed F1 {f_bcubed:.3f}")
            if score > best[0]:
                best = (score, threshold, merge, f_pairs, f_bcubed)
    return {
        "features": list(PAIR_FEATURES),
        "weights": dict(zip(PAIR_FEATURES, weights)),
        "bias": bias,
        "threshold": best[1],
        "merge_threshold": best[2],
        "train": {"pairwise_f1": round(best[3], 4), "synthetic_bcubed_f1": round(best[4], 4),
                  "examples": int(len(y)), "positives": int(y.sum()), "seed": SEED},
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="learn the cluster decider on SemEval train data")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--stories", type=int, default=150, help="stories in the synthetic train stream")
    parser.add_argument("--out", type=Path, default=DECIDER_PATH)
    args = parser.parse_args(argv)
    model = train(args.data, stories=args.stories)
    args.out.write_text(json.dumps(model, indent=2) + "\n", encoding="utf-8")
    print(f"threshold {model['threshold']}, merge {model['merge_threshold']} -> {args.out}")


if __name__ == "__main__":
    main()
