"""Learn the story clusterer's two decisions on SemEval-2022 Task 8 *train* data only.

Two teacher-forced streams give the examples: the train split's articles in
file order (gold stories are the connected components of its same-story
pairs, Overall <= 1.5), and a synthetic stream seeded from train articles only
(``evaluate/synth.py``: copies, trims, reorderings, with publication times). Each
article meets the candidates the clusterer would propose while the window
holds the *gold* stories so far (teacher forcing, as in Miranda et al. 2018);
a candidate is positive when it is the article's gold story, negative
otherwise, and skipped when the article and a story member form an
ambiguous pair (1.5 < Overall < 3).

1. **First stage**: a logistic regression over ``PAIR_FEATURES`` (fixed seed)
   on both streams; ``threshold`` and ``merge_threshold`` are chosen by running
   the real clusterer over both (mean of pairwise F1 on train pairs and BCubed
   F1 on the synthetic stream).
2. **Second stage**: a logistic regression over ``SECOND_STAGE_FEATURES`` on
   the SemEval train stream (the synthetic one has no profiles: its derived
   texts would all need e5 vectors), for the candidates it decides at run
   time (the first stage's best few and the stories of the nearest e5
   neighbours); thresholds chosen by pairwise F1 of the real clusterer on the
   train stream. The compare model was *fitted* on these very pairs, so its
   in-sample verdicts are better than it is; the second stage learns from
   **out-of-fold** verdicts instead (``out_of_fold_compare``: the compare
   model refitted five times, folds grouped by connected articles as in
   ``train_compare``, each article judged by the fit that never saw its pairs).

Dev is never read. Train pairwise F1 at the chosen thresholds: 0.795 for the
first stage, 0.842 with the second (out-of-fold verdicts); about six minutes
on two cores once the compare cache holds the train vectors. The model file
records which compare model the second stage learned from, and a test fails
when the shipped one differs: retrain after every compare retrain.

    python -m storylink.train_cluster            # writes models/cluster-decider.json
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .cluster import (
    DECIDER_PATH,
    PAIR_FEATURES,
    SECOND_STAGE_FEATURES,
    ClusterItem,
    Clusterer,
    CompareFn,
    Decider,
    SecondStage,
)
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
from .features import Profile

__all__ = ["gold_components", "teacher_forced_examples", "second_stage_examples", "out_of_fold_compare",
           "train", "main"]

SEED = 20180601
DEFAULT_DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "semeval2022-task8"
#: The second stage re-decides the first stage's best stories and those of the nearest e5 neighbours,
#: comparing the article with each story's members closest to it.
SECOND_STORIES, SECOND_NEIGHBOURS, SECOND_MEMBERS = 3, 3, 3


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


def _teacher_forced(clusterer: Clusterer, items: Sequence[ClusterItem], gold: dict[str, str],
                    ) -> Iterator[tuple[ClusterItem, str | None]]:
    """Yield each item with its gold story's id in ``clusterer`` (``None``: a new story), then add it there.

    The caller looks at the clusterer's candidates between the two steps."""
    story_of_gold: dict[str, str] = {}
    for item in items:
        clusterer._advance(item.time)
        sid = story_of_gold.get(gold[item.id])
        target = clusterer.resolve(sid) if sid is not None else None
        if target is not None and target not in clusterer.stories:
            target = None  # the gold story left the window
        yield item, target
        if target is not None:
            clusterer._join(target, item)
        else:
            story_of_gold[gold[item.id]] = clusterer._open(item)


def _judged(clusterer: Clusterer, item: ClusterItem, sid: str, ambiguous: set[frozenset[str]],
            labelled: set[frozenset[str]] | None) -> bool:
    members = clusterer.stories[sid].members
    return (not any(frozenset((item.id, m)) in ambiguous for m in members)
            and (labelled is None or any(frozenset((item.id, m)) in labelled for m in members)))


def teacher_forced_examples(items: Sequence[ClusterItem], gold: dict[str, str],
                            ambiguous: set[frozenset[str]], labelled: set[frozenset[str]] | None = None,
                            ) -> tuple[np.ndarray, np.ndarray]:
    """First-stage features and labels of the (article, candidate story) pairs met while the window holds
    gold stories.

    With ``labelled`` (SemEval, where most article pairs were never judged),
    only candidates holding an article judged against this one count: an
    unjudged pair of the same topic is as often the same story as not."""
    clusterer = Clusterer(threshold=1.0, decider=Decider([0.0] * len(PAIR_FEATURES), 0.0), second_stage=False)
    xs: list[np.ndarray] = []
    ys: list[np.ndarray] = []
    for item, target in _teacher_forced(clusterer, items, gold):
        keep = [sid for sid in clusterer.candidates(item) if _judged(clusterer, item, sid, ambiguous, labelled)]
        if keep:
            xs.append(clusterer.features(item, keep))
            ys.append(np.array([sid == target for sid in keep], dtype=np.int8))
    if not xs:
        return np.zeros((0, len(PAIR_FEATURES))), np.zeros(0, dtype=np.int8)
    return np.vstack(xs), np.concatenate(ys)


def second_stage_examples(items: Sequence[ClusterItem], gold: dict[str, str], decider: Decider,
                          compare: CompareFn, ambiguous: set[frozenset[str]],
                          labelled: set[frozenset[str]] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Second-stage features and labels: like ``teacher_forced_examples``, for the first stage's best
    ``SECOND_STORIES`` candidates only (those the second stage sees at run time)."""
    stage = SecondStage([0.0] * len(SECOND_STAGE_FEATURES), 0.0, stories=SECOND_STORIES, members=SECOND_MEMBERS,
                        neighbours=SECOND_NEIGHBOURS)
    clusterer = Clusterer(decider=decider, second_stage=stage, compare=compare)
    xs: list[np.ndarray] = []
    ys: list[np.ndarray] = []
    for item, target in _teacher_forced(clusterer, items, gold):
        if item.profile is None:
            continue
        ranked = [(sid, p) for sid, p in clusterer.second_stage_candidates(item, clusterer.first_stage(item))
                  if _judged(clusterer, item, sid, ambiguous, labelled)]
        if ranked:
            ids, x = clusterer.second_stage_features(item, ranked)
            xs.append(x)
            ys.append(np.array([sid == target for sid in ids], dtype=np.int8))
    if not xs:
        return np.zeros((0, len(SECOND_STAGE_FEATURES))), np.zeros(0, dtype=np.int8)
    return np.vstack(xs), np.concatenate(ys)


def out_of_fold_compare(rows: Sequence[dict[str, Any]], profiles: dict[str, Profile], *,
                        folds: int = 5) -> CompareFn:
    """A ``compare_profiles`` stand-in whose verdict on a pair comes from a compare model fitted without the
    first article's fold.

    The folds and the fitting are ``train_compare.fit_fold``'s (grouped by
    connected articles; the learned similarity cross-fitted inside the training
    part, refitted on all of it for the held-out part), with the shipped IDF
    and same-story calibration; only the facets the second stage reads are
    refitted. Verdicts are memoised by article pair: threshold tuning replays
    the same stream many times."""
    from sklearn.model_selection import GroupKFold
    from threadpoolctl import threadpool_limits

    from .compare import FACETS, load_model
    from .features import Metric, metric_inputs, pair_features
    from .train_compare import (
        _identical,
        _key,
        feature_matrix,
        fit_fold,
        groups,
        identical_pairs,
        metric_matrix,
        targets,
    )

    model = load_model()
    needed = [FACETS.index(f) for f in ("time", "narrative", "overall")]
    x = feature_matrix(rows, profiles, model.idf, metric=Metric.none())
    z = metric_matrix(rows, profiles)
    y = targets(rows)
    grp = groups(rows)
    copies = identical_pairs(profiles, model.idf, metric=Metric.none())
    copies_z = np.stack([metric_inputs(p, p) for p in _identical(profiles)])
    fold_of: dict[str, int] = {}
    fitted = []
    for k, (train_idx, test_idx) in enumerate(GroupKFold(n_splits=folds).split(x, y, grp)):
        fitted.append(fit_fold(x, y, grp, train_idx, z, copies, copies_z, facets=needed))
        for i in test_idx:
            fold_of[_key(rows[i]["text1"])] = fold_of[_key(rows[i]["text2"])] = k
    a, b = model.platt
    memo: dict[tuple[str, str], tuple[np.ndarray, float]] = {}

    def verdicts(pairs: list[tuple[Profile, Profile]], fold: int) -> tuple[np.ndarray, np.ndarray]:
        if fold < 0:  # a text outside the training pairs: the shipped model never saw it either
            feats = np.stack([pair_features(p, q, idf=model.idf) for p, q in pairs])
            return model.predict(feats)
        fit = fitted[fold]
        feats = np.stack([pair_features(p, q, idf=model.idf, metric=fit.metric) for p, q in pairs])
        raw = fit.predict(feats)
        facets = np.full((len(feats), len(FACETS)), np.nan)
        facets[:, needed] = np.clip(raw, 1.0, 4.0)
        return facets, 1.0 / (1.0 + np.exp(-(a * raw[:, needed.index(FACETS.index("overall"))] + b)))

    def compare(pairs: list[tuple[Profile, Profile]]) -> tuple[np.ndarray, np.ndarray]:
        given = {(p.article_id, q.article_id): (p, q) for p, q in pairs}
        todo = [key for key in given if key not in memo]
        fold = np.array([fold_of.get(key[0], -1) for key in todo], dtype=np.int64)
        # One thread: sklearn's OpenMP pool spinning on a few rows costs more than it saves.
        with threadpool_limits(limits=1):
            for k in np.unique(fold).tolist():
                keys = [todo[i] for i in np.flatnonzero(fold == k)]
                facets, same = verdicts([given[key] for key in keys], k)
                memo.update((key, (f, float(s))) for key, f, s in zip(keys, facets, same))
        found = [memo[(p.article_id, q.article_id)] for p, q in pairs]
        return np.stack([f for f, _ in found]), np.array([s for _, s in found])

    return compare


def _streams(data_dir: Path, *, stories: int) -> dict[str, Any]:
    from .evaluate.clusters import _cache_dir
    from .train_compare import _key, load_pairs, profiles_for

    articles, pairs = semeval_split(data_dir, "train")
    ids = [a.id for a in articles]
    rows = load_pairs(data_dir / "train.jsonl")
    by_key = profiles_for(rows, _cache_dir() / "compare")
    items = semeval_items(articles)
    stream = synthetic_stream(stories=stories, seed=SEED % 1000, splits=("train",), data_dir=data_dir)
    return {
        "semeval_items": items,
        "semeval_profiled": [dataclasses.replace(i, profile=by_key[_key(a.text)]) for i, a in zip(items, articles)],
        "compare": out_of_fold_compare(rows, by_key),
        "semeval_gold": gold_components(ids, pairs),
        "semeval_pairs": labelled_pairs(pairs),
        "ambiguous": {frozenset((a, b)) for a, b, o in pairs if SAME_MAX < o < DIFFERENT_MIN},
        "labelled": {frozenset((a, b)) for a, b, _ in labelled_pairs(pairs)},
        "synthetic_items": synthetic_items(stream),
        "synthetic_gold": {s.id: s.story for s in stream},
    }


def _fit(x: np.ndarray, y: np.ndarray) -> tuple[list[float], float]:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=1.0, max_iter=2000, random_state=SEED).fit(x, y)
    return model.coef_[0].tolist(), float(model.intercept_[0])


def _train_first(s: dict[str, Any], say: Callable[[str], None]) -> dict[str, Any]:
    x1, y1 = teacher_forced_examples(s["semeval_items"], s["semeval_gold"], s["ambiguous"], s["labelled"])
    x2, y2 = teacher_forced_examples(s["synthetic_items"], s["synthetic_gold"], set())
    x, y = np.vstack([x1, x2]), np.concatenate([y1, y2])
    weights, bias = _fit(x, y)
    say(f"first stage examples: semeval {len(y1)} ({int(y1.sum())} positive), "
        f"synthetic {len(y2)} ({int(y2.sum())} positive)")
    say("weights: " + ", ".join(f"{n}={w:+.2f}" for n, w in zip(PAIR_FEATURES, weights)) + f", bias={bias:+.2f}")

    best: tuple[float, float, float, float, float] = (-1.0, 0.5, 0.9, 0.0, 0.0)
    for threshold in (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7):
        for merge in (0.9, 0.95, 1.01):  # 1.01: never merge
            if merge < threshold:
                continue
            decider = Decider(weights, bias, threshold=threshold, merge_threshold=merge)
            labels, _ = cluster_stream(s["semeval_items"], Clusterer(decider=decider, second_stage=False))
            f_pairs = pairwise(labels, s["semeval_pairs"])["f1"]
            labels, _ = cluster_stream(s["synthetic_items"], Clusterer(decider=decider, second_stage=False))
            f_bcubed = bcubed(labels, s["synthetic_gold"])["f1"]
            say(f"threshold {threshold:.2f} merge {merge:.2f}: train pairwise F1 {f_pairs:.3f}, "
                f"train synthetic BCubed F1 {f_bcubed:.3f}")
            if (f_pairs + f_bcubed) / 2 > best[0]:
                best = ((f_pairs + f_bcubed) / 2, threshold, merge, f_pairs, f_bcubed)
    return _logistic(PAIR_FEATURES, weights, bias, best[1], best[2]) | {
        "train": {"pairwise_f1": round(best[3], 4), "synthetic_bcubed_f1": round(best[4], 4),
                  "examples": int(len(y)), "positives": int(y.sum()), "seed": SEED},
    }


def _logistic(names: Sequence[str], weights: Sequence[float], bias: float, threshold: float,
              merge: float) -> dict[str, Any]:
    """A decider's stored form: named weights, bias and its join and merge thresholds."""
    return {"features": list(names), "weights": dict(zip(names, weights)), "bias": bias,
            "threshold": threshold, "merge_threshold": merge}


def _train_second(s: dict[str, Any], decider: Decider, say: Callable[[str], None]) -> dict[str, Any]:
    x, y = second_stage_examples(s["semeval_profiled"], s["semeval_gold"], decider, s["compare"],
                                 s["ambiguous"], s["labelled"])
    weights, bias = _fit(x, y)
    say(f"second stage examples: {len(y)} ({int(y.sum())} positive)")
    say("weights: " + ", ".join(f"{n}={w:+.2f}" for n, w in zip(SECOND_STAGE_FEATURES, weights))
        + f", bias={bias:+.2f}")
    best: tuple[float, float, float, dict[str, float]] = (-1.0, 0.5, 0.9, {})
    for threshold in (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7):
        for merge in (0.6, 0.7, 0.8, 0.9, 1.01):
            if merge < threshold:
                continue
            stage = SecondStage(weights, bias, threshold=threshold, merge_threshold=merge,
                                stories=SECOND_STORIES, members=SECOND_MEMBERS, neighbours=SECOND_NEIGHBOURS)
            labels, _ = cluster_stream(s["semeval_profiled"],
                                       Clusterer(decider=decider, second_stage=stage, compare=s["compare"]))
            scores = pairwise(labels, s["semeval_pairs"])
            say(f"second stage threshold {threshold:.2f} merge {merge:.2f}: train pairwise F1 {scores['f1']:.3f} "
                f"(P {scores['precision']:.3f} R {scores['recall']:.3f})")
            if scores["f1"] > best[0]:
                best = (scores["f1"], threshold, merge, scores)
    return _logistic(SECOND_STAGE_FEATURES, weights, bias, best[1], best[2]) | {
        # Which compare model the weights were learned with: retrain when it changes.
        "compare": _compare_fingerprint(),
        "stories": SECOND_STORIES,
        "neighbours": SECOND_NEIGHBOURS,
        "members": SECOND_MEMBERS,
        "train": {"pairwise_f1": round(best[0], 4), "precision": round(best[3]["precision"], 4),
                  "recall": round(best[3]["recall"], 4), "examples": int(len(y)), "positives": int(y.sum()),
                  "verdicts": "out-of-fold (5 folds)", "seed": SEED},
    }


def _compare_fingerprint() -> dict[str, Any]:
    from .compare import MODEL_NAME, load_model

    model = load_model()
    return {"model": MODEL_NAME, "features": int(model.ridge_mean.shape[0]),
            "platt": [round(x, 6) for x in model.platt]}


def train(data_dir: Path = DEFAULT_DATA, *, stories: int = 150, verbose: bool = True) -> dict[str, Any]:
    """Fit both stages and tune their thresholds; returns the model as a JSON-ready dict."""
    say: Callable[[str], None] = print if verbose else (lambda _: None)
    s = _streams(data_dir, stories=stories)
    first = _train_first(s, say)
    decider = Decider(list(first["weights"].values()), first["bias"], threshold=first["threshold"],
                      merge_threshold=first["merge_threshold"])
    return first | {"second_stage": _train_second(s, decider, say)}


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="learn the cluster decider on SemEval train data")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--stories", type=int, default=150, help="stories in the synthetic train stream")
    parser.add_argument("--out", type=Path, default=DECIDER_PATH)
    args = parser.parse_args(argv)
    model = train(args.data, stories=args.stories)
    args.out.write_text(json.dumps(model, indent=2) + "\n", encoding="utf-8")
    second = model["second_stage"]
    print(f"threshold {model['threshold']}, merge {model['merge_threshold']}; second stage threshold "
          f"{second['threshold']}, merge {second['merge_threshold']} -> {args.out}")


if __name__ == "__main__":
    main()
