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

Every learned choice is made **out of fold**: five folds of connected article
groups (``group_splits``: a pair, its translations and every pair sharing a
text in one fold, the folds ``out_of_fold_compare`` uses too). Each fold gets
its own fits without its articles, and ``FoldClusterer`` runs the real
clusterer over the *whole* train stream deciding each article with the fits of
its fold: since every labelled pair lies inside one fold, the pooled figures
over all train pairs are out of fold (2,221 first-stage examples, 1,274
labelled pairs, 3,002 articles in one window: a denser stream than dev's 694).
Thresholds are chosen on those pooled figures; the shipped weights are then
fitted on all of train. The figures (with bootstrap intervals) are stored in
the model file and printed by ``storylink eval clusters`` beside dev.

1. **First stage**: a logistic regression over ``PAIR_FEATURES`` (fixed seed)
   on both streams; ``threshold`` and ``merge_threshold`` are chosen from
   ``FIRST_GRID`` by the mean of out-of-fold pairwise F1 on the train stream
   and BCubed F1 on the synthetic train stream.
2. **Second stage**: a logistic regression over ``SECOND_STAGE_FEATURES`` on
   the SemEval train stream (the synthetic one has no profiles: its derived
   texts would all need e5 vectors), for the candidates it decides at run
   time (the first stage's best few and the stories of the nearest e5
   neighbours), each fold on its own fold's first stage; thresholds from
   ``SECOND_GRID`` by out-of-fold pairwise F1. The compare model was *fitted*
   on these very pairs, so its in-sample verdicts are better than it is; the
   second stage learns from **out-of-fold** verdicts instead
   (``out_of_fold_compare``: the compare model refitted five times, each
   article judged by the fit that never saw its pairs). It needs compare
   profiles of all ~3,000 train texts (e5 over ~6,650 passages: hours on two
   shared cores, minutes on a GPU); ``--first-stage-only`` refits the first
   stage and keeps the stored second stage.

Dev is never read. Shipped (2026-12-04, storylink-analyze/8 analyses, the protagonist veto and the
street and dateline slots on): the whole run (about 12 minutes on two cores once the e5 train profiles are cached under
``.cache/compare``; embedding them first took about 40 more). First stage at 0.45/0.9: out-of-fold
pairwise P 0.812 [0.77, 0.86], R 0.772 [0.72, 0.82], F1 0.791 [0.75, 0.83], synthetic BCubed F1 0.974
(0.5/0.9 gave F1 0.793 with synthetic 0.971: the criterion's mean 0.8825 against 0.882). Second stage at
0.7/0.8: **both stages out of fold P 0.892 [0.85, 0.93], R 0.789 [0.74, 0.83], F1 0.837 [0.80, 0.87]**;
the grid's next best were 0.6/0.8 and 0.65/0.8 (F1 0.833 with the street slot alone; P 0.861 and 0.871).
Without the dateline slot the same choice gave P 0.889, F1 0.836; without the street slot too, P 0.886,
F1 0.835. The second stage shipped before was chosen in sample
(F1 0.845 on the very pairs it was fitted on). A first refit, on storylink-analyze/6 analyses and before
the protagonist veto, chose the first stage at 0.5/0.9 and split the bundled demo's Cochem flood report
from its story in the first-stage-only pass (its probability 0.477); with the veto the criterion moved
back to 0.45 and the report joins. The model file records
which compare model the second stage learned from, and a test fails when the
shipped one differs: retrain after every compare retrain.

    python -m storylink.train_cluster --workers 3      # writes models/cluster-decider.json
    python -m storylink.train_cluster --first-stage-only
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
    Assignment,
    ClusterItem,
    Clusterer,
    CompareFn,
    Decider,
    SecondStage,
)
from .evaluate.clusters import (
    DIFFERENT_MIN,
    SAME_MAX,
    _cache_dir,
    bcubed,
    cluster_stream,
    labelled_pairs,
    pairwise,
    semeval_items,
    semeval_split,
    synthetic_items,
    synthetic_stream,
    with_ci,
)
from .features import Profile

__all__ = ["gold_components", "teacher_forced_examples", "second_stage_examples", "out_of_fold_compare",
           "group_splits", "train_folds", "FoldClusterer", "first_stage_out_of_fold", "train", "main"]

SEED = 20180601
FOLDS = 5
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
    x, y, _ = _first_examples(items, gold, ambiguous, labelled)
    return x, y


def _first_examples(items: Sequence[ClusterItem], gold: dict[str, str], ambiguous: set[frozenset[str]],
                    labelled: set[frozenset[str]] | None = None) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """``teacher_forced_examples`` and the article of each row (to split the rows by fold)."""
    clusterer = Clusterer(threshold=1.0, decider=Decider([0.0] * len(PAIR_FEATURES), 0.0), second_stage=False)
    xs: list[np.ndarray] = []
    ys: list[np.ndarray] = []
    owners: list[str] = []
    for item, target in _teacher_forced(clusterer, items, gold):
        keep = [sid for sid in clusterer.candidates(item) if _judged(clusterer, item, sid, ambiguous, labelled)]
        if keep:
            xs.append(clusterer.features(item, keep))
            ys.append(np.array([sid == target for sid in keep], dtype=np.int8))
            owners.extend([item.id] * len(keep))
    if not xs:
        return np.zeros((0, len(PAIR_FEATURES))), np.zeros(0, dtype=np.int8), []
    return np.vstack(xs), np.concatenate(ys), owners


def second_stage_examples(items: Sequence[ClusterItem], gold: dict[str, str], decider: Decider,
                          compare: CompareFn, ambiguous: set[frozenset[str]],
                          labelled: set[frozenset[str]] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Second-stage features and labels: like ``teacher_forced_examples``, for the first stage's best
    ``SECOND_STORIES`` candidates only (those the second stage sees at run time)."""
    x, y, _ = _second_examples(items, gold, decider, compare, ambiguous, labelled)
    return x, y


def _second_examples(items: Sequence[ClusterItem], gold: dict[str, str], decider: Decider, compare: CompareFn,
                     ambiguous: set[frozenset[str]], labelled: set[frozenset[str]] | None = None,
                     ) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """``second_stage_examples`` and the article of each row."""
    stage = SecondStage([0.0] * len(SECOND_STAGE_FEATURES), 0.0, stories=SECOND_STORIES, members=SECOND_MEMBERS,
                        neighbours=SECOND_NEIGHBOURS)
    clusterer = Clusterer(decider=decider, second_stage=stage, compare=compare)
    xs: list[np.ndarray] = []
    ys: list[np.ndarray] = []
    owners: list[str] = []
    for item, target in _teacher_forced(clusterer, items, gold):
        if item.profile is None:
            continue
        ranked = [(sid, p) for sid, p in clusterer.second_stage_candidates(item, clusterer.first_stage(item))
                  if _judged(clusterer, item, sid, ambiguous, labelled)]
        if ranked:
            ids, x = clusterer.second_stage_features(item, ranked)
            xs.append(x)
            ys.append(np.array([sid == target for sid in ids], dtype=np.int8))
            owners.extend([item.id] * len(ids))
    if not xs:
        return np.zeros((0, len(SECOND_STAGE_FEATURES))), np.zeros(0, dtype=np.int8), []
    return np.vstack(xs), np.concatenate(ys), owners


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
    for k, (train_idx, test_idx) in enumerate(group_splits(rows, folds=folds)):
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


def group_splits(rows: Sequence[dict[str, Any]], *, folds: int = FOLDS) -> list[tuple[np.ndarray, np.ndarray]]:
    """(train rows, held-out rows) of each fold: ``GroupKFold`` over connected article groups
    (``train_compare.groups``: a pair, its translations and every pair sharing a text in one fold).

    The compare model's out-of-fold verdicts and the clusterer's out-of-fold
    figures use these same folds, so an article held out of one is held out of
    both."""
    from sklearn.model_selection import GroupKFold

    from .train_compare import groups

    grp = groups(rows)
    return list(GroupKFold(n_splits=folds).split(np.zeros((len(rows), 1)), None, grp))


def train_folds(rows: Sequence[dict[str, Any]], *, folds: int = FOLDS) -> dict[str, int]:
    """Held-out fold of each train text, keyed by ``train_compare._key`` of the text."""
    from .train_compare import _key

    fold_of: dict[str, int] = {}
    for k, (_, held) in enumerate(group_splits(rows, folds=folds)):
        for i in held.tolist():
            fold_of[_key(rows[i]["text1"])] = fold_of[_key(rows[i]["text2"])] = k
    return fold_of


class FoldClusterer(Clusterer):
    """A clusterer that decides each article with the models of the fold holding it out.

    One stream of all train articles then gives *out-of-fold* figures for
    every labelled pair at once: all labelled pairs lie inside one fold (folds
    are connected article groups), and both articles of a pair were decided by
    models that never saw that fold's pairs. Articles of other folds are only
    candidates, as any article in the window is. Articles without a fold use
    the last models."""

    def __init__(self, fold_of: dict[str, int], deciders: Sequence[Decider],
                 seconds: Sequence[SecondStage | None], *, compare: CompareFn | None = None) -> None:
        super().__init__(decider=deciders[-1], second_stage=seconds[-1] or False, compare=compare)
        self._fold_of, self._deciders, self._seconds = fold_of, list(deciders), list(seconds)

    def add(self, item: ClusterItem) -> Assignment:
        k = self._fold_of.get(item.id, len(self._deciders) - 1)
        self.decide = self._deciders[k]
        self.threshold, self.merge_threshold = self._deciders[k].threshold, self._deciders[k].merge_threshold
        self.second = self._seconds[k]
        return super().add(item)


def _streams(data_dir: Path, *, stories: int, profiles: bool = True, limit: int | None = None) -> dict[str, Any]:
    """The train streams, their gold, and each article's fold (``profiles``: also the second stage's inputs;
    ``limit``: the articles of the first ``limit`` pairs only, folds as for all of them)."""
    from .train_compare import _key, load_pairs

    articles, pairs = semeval_split(data_dir, "train")
    rows = load_pairs(data_dir / "train.jsonl")
    by_text = train_folds(rows)
    fold = {a.id: by_text[_key(a.text)] for a in articles}
    if limit is not None:
        pairs = pairs[:limit]
        wanted = {x for a, b, _ in pairs for x in (a, b)}
        articles = [a for a in articles if a.id in wanted]
    ids = [a.id for a in articles]
    items = semeval_items(articles)
    stream = synthetic_stream(stories=stories, seed=SEED % 1000, splits=("train",), data_dir=data_dir)
    # Synthetic members are SemEval train articles or texts derived from one (``<id>-<kind><n>``).
    fold.update({x.id: fold[x.id.split("-")[0]] for x in stream})
    out: dict[str, Any] = {
        "semeval_items": items,
        "semeval_gold": gold_components(ids, pairs),
        "semeval_pairs": labelled_pairs(pairs),
        "ambiguous": {frozenset((a, b)) for a, b, o in pairs if SAME_MAX < o < DIFFERENT_MIN},
        "labelled": {frozenset((a, b)) for a, b, _ in labelled_pairs(pairs)},
        "synthetic_items": synthetic_items(stream),
        "synthetic_gold": {x.id: x.story for x in stream},
        "fold": fold,
    }
    if profiles:
        from .train_compare import profiles_for

        by_key = profiles_for(rows, _cache_dir() / "compare")
        out["semeval_profiled"] = [dataclasses.replace(i, profile=by_key[_key(a.text)])
                                   for i, a in zip(items, articles)]
        out["compare"] = out_of_fold_compare(rows, by_key)
    return out


def _fit(x: np.ndarray, y: np.ndarray) -> tuple[list[float], float]:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=1.0, max_iter=2000, random_state=SEED).fit(x, y)
    return model.coef_[0].tolist(), float(model.intercept_[0])


def _fit_folds(x: np.ndarray, y: np.ndarray, owners: Sequence[str], fold: dict[str, int]
               ) -> list[tuple[list[float], float]]:
    """One fit per fold without that fold's rows, then the fit on all rows (the shipped one) last."""
    of = np.array([fold.get(o, -1) for o in owners])
    fits = [_fit(x[of != k], y[of != k]) for k in range(FOLDS)]
    return [*fits, _fit(x, y)]


#: Threshold grids; ``1.01`` as a merge threshold means never merge.
FIRST_GRID = tuple((t, m) for t in (0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7) for m in (0.9, 1.01) if m >= t)
SECOND_GRID = tuple((t, m) for t in (0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75) for m in (0.7, 0.8, 0.9, 1.01)
                    if m >= t)


def _figures(labels: dict[str, str], pairs: Sequence[tuple[str, str, bool]]) -> dict[str, Any]:
    """Pooled pairwise figures with bootstrap intervals, rounded for the model file."""
    row = with_ci({}, labels, pairs) | pairwise(labels, pairs)
    return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in row.items()}


def first_stage_out_of_fold(data_dir: Path = DEFAULT_DATA, *, stories: int = 150, limit: int | None = None,
                            grid: Sequence[tuple[float, float]] = FIRST_GRID, verbose: bool = False,
                            workers: int = 1) -> dict[str, Any]:
    """The first stage as ``train`` fits it (fold fits, thresholds chosen from ``grid`` on out-of-fold
    figures), with its out-of-fold figures under ``["train"]["out_of_fold"]``; ``limit`` keeps the
    articles of the first ``limit`` train pairs (a quick check)."""
    s = _streams(data_dir, stories=stories, profiles=False, limit=limit)
    out = _train_first(s, print if verbose else (lambda _: None), grid=grid, workers=workers)
    out.pop("_fits")
    return out


_GRID_STATE: Any = None  # what forked grid workers read (set before the pool forks)


def _map_grid(fn: Callable[[Any, tuple[float, float]], Any], state: Any, grid: Sequence[tuple[float, float]],
              workers: int) -> list[Any]:
    """``fn(state, config)`` for every grid point, in grid order; ``workers`` > 1 forks processes (the
    streams are shared copy-on-write; each run of the clusterer is single-threaded)."""
    global _GRID_STATE
    if workers <= 1:
        return [fn(state, config) for config in grid]
    import multiprocessing

    _GRID_STATE = state
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return pool.map(_grid_call, [(fn, config) for config in grid])
    finally:
        _GRID_STATE = None


def _grid_call(job: tuple[Callable[[Any, tuple[float, float]], Any], tuple[float, float]]) -> Any:
    fn, config = job
    return fn(_GRID_STATE, config)


def _first_config(state: tuple[dict[str, Any], list[tuple[list[float], float]]], config: tuple[float, float]
                  ) -> tuple[float, float, dict[str, str], float]:
    """One first-stage grid point: out-of-fold labels of the train stream and synthetic BCubed F1."""
    s, fits = state
    threshold, merge = config
    deciders = [Decider(w, b, threshold=threshold, merge_threshold=merge) for w, b in fits]
    seconds: list[SecondStage | None] = [None] * len(fits)
    labels, _ = cluster_stream(s["semeval_items"], FoldClusterer(s["fold"], deciders, seconds))
    labels_syn, _ = cluster_stream(s["synthetic_items"], FoldClusterer(s["fold"], deciders, seconds))
    return threshold, merge, labels, bcubed(labels_syn, s["synthetic_gold"])["f1"]


def _train_first(s: dict[str, Any], say: Callable[[str], None],
                 grid: Sequence[tuple[float, float]] = FIRST_GRID, workers: int = 1) -> dict[str, Any]:
    x1, y1, o1 = _first_examples(s["semeval_items"], s["semeval_gold"], s["ambiguous"], s["labelled"])
    x2, y2, o2 = _first_examples(s["synthetic_items"], s["synthetic_gold"], set())
    x, y = np.vstack([x1, x2]), np.concatenate([y1, y2])
    fits = _fit_folds(x, y, [*o1, *o2], s["fold"])
    weights, bias = fits[-1]
    say(f"first stage examples: semeval {len(y1)} ({int(y1.sum())} positive), "
        f"synthetic {len(y2)} ({int(y2.sum())} positive)")
    say("weights: " + ", ".join(f"{n}={w:+.2f}" for n, w in zip(PAIR_FEATURES, weights)) + f", bias={bias:+.2f}")

    # Thresholds are chosen on out-of-fold figures: each article decided by the fold fit that never saw it.
    best: tuple[float, float, float, dict[str, Any], float] = (-1.0, 0.5, 0.9, {}, 0.0)
    for threshold, merge, labels, f_bcubed in _map_grid(_first_config, (s, fits), grid, workers):
        scores = pairwise(labels, s["semeval_pairs"])
        say(f"threshold {threshold:.2f} merge {merge:.2f}: train out-of-fold pairwise F1 {scores['f1']:.3f} "
            f"(P {scores['precision']:.3f} R {scores['recall']:.3f}), synthetic BCubed F1 {f_bcubed:.3f}")
        if (scores["f1"] + f_bcubed) / 2 > best[0]:
            best = ((scores["f1"] + f_bcubed) / 2, threshold, merge, _figures(labels, s["semeval_pairs"]), f_bcubed)
    return _logistic(PAIR_FEATURES, weights, bias, best[1], best[2]) | {
        "train": {"out_of_fold": best[3], "synthetic_bcubed_f1": round(best[4], 4),
                  "chosen_on": f"out-of-fold train figures ({FOLDS} folds of connected article groups)",
                  "examples": int(len(y)), "positives": int(y.sum()), "seed": SEED},
        "_fits": fits,
    }


def _logistic(names: Sequence[str], weights: Sequence[float], bias: float, threshold: float,
              merge: float) -> dict[str, Any]:
    """A decider's stored form: named weights, bias and its join and merge thresholds."""
    return {"features": list(names), "weights": dict(zip(names, weights)), "bias": bias,
            "threshold": threshold, "merge_threshold": merge}


def _second_config(state: tuple[dict[str, Any], list[Decider], list[tuple[list[float], float]]],
                   config: tuple[float, float]) -> tuple[float, float, dict[str, str]]:
    s, deciders, fits = state
    threshold, merge = config
    seconds: list[SecondStage | None] = [
        SecondStage(w, b, threshold=threshold, merge_threshold=merge, stories=SECOND_STORIES,
                    members=SECOND_MEMBERS, neighbours=SECOND_NEIGHBOURS) for w, b in fits]
    labels, _ = cluster_stream(s["semeval_profiled"], FoldClusterer(s["fold"], deciders, seconds,
                                                                    compare=s["compare"]))
    return threshold, merge, labels


def _train_second(s: dict[str, Any], first: dict[str, Any], say: Callable[[str], None],
                  workers: int = 1) -> dict[str, Any]:
    deciders = [Decider(w, b, threshold=first["threshold"], merge_threshold=first["merge_threshold"])
                for w, b in first["_fits"]]
    fits: list[tuple[list[float], float]] = []
    n_examples = n_positive = 0
    for k, decider in enumerate(deciders):
        # The second stage reads the first stage's logit: each fold learns on its own first stage's.
        x, y, owners = _second_examples(s["semeval_profiled"], s["semeval_gold"], decider, s["compare"],
                                        s["ambiguous"], s["labelled"])
        keep = np.array([s["fold"].get(o, -1) != k for o in owners]) if k < FOLDS else np.ones(len(y), bool)
        fits.append(_fit(x[keep], y[keep]))
        if k == FOLDS:
            n_examples, n_positive = int(len(y)), int(y.sum())
    weights, bias = fits[-1]
    say(f"second stage examples: {n_examples} ({n_positive} positive)")
    say("weights: " + ", ".join(f"{n}={w:+.2f}" for n, w in zip(SECOND_STAGE_FEATURES, weights))
        + f", bias={bias:+.2f}")
    best: tuple[float, float, float, dict[str, Any]] = (-1.0, 0.5, 0.9, {})
    for threshold, merge, labels in _map_grid(_second_config, (s, deciders, fits), SECOND_GRID, workers):
        scores = pairwise(labels, s["semeval_pairs"])
        say(f"second stage threshold {threshold:.2f} merge {merge:.2f}: train out-of-fold pairwise F1 "
            f"{scores['f1']:.3f} (P {scores['precision']:.3f} R {scores['recall']:.3f})")
        if scores["f1"] > best[0]:
            best = (scores["f1"], threshold, merge, _figures(labels, s["semeval_pairs"]))
    return _logistic(SECOND_STAGE_FEATURES, weights, bias, best[1], best[2]) | {
        # Which compare model the weights were learned with: retrain when it changes.
        "compare": _compare_fingerprint(),
        "stories": SECOND_STORIES,
        "neighbours": SECOND_NEIGHBOURS,
        "members": SECOND_MEMBERS,
        "train": {"out_of_fold": best[3], "examples": n_examples, "positives": n_positive,
                  "chosen_on": f"out-of-fold train figures ({FOLDS} folds of connected article groups)",
                  "verdicts": f"out-of-fold ({FOLDS} folds)", "seed": SEED},
    }


def _compare_fingerprint() -> dict[str, Any]:
    from .compare import MODEL_NAME, load_model

    model = load_model()
    return {"model": MODEL_NAME, "features": int(model.ridge_mean.shape[0]),
            "platt": [round(x, 6) for x in model.platt]}


def train(data_dir: Path = DEFAULT_DATA, *, stories: int = 150, verbose: bool = True,
          second: bool = True, workers: int = 1) -> dict[str, Any]:
    """Fit both stages and choose their thresholds on out-of-fold train figures; returns the model as a
    JSON-ready dict. ``second=False`` refits the first stage only and keeps the stored second stage (its
    inputs, compare profiles of every train text, take hours to embed on two cores)."""
    say: Callable[[str], None] = print if verbose else (lambda _: None)
    s = _streams(data_dir, stories=stories, profiles=second)
    first = _train_first(s, say, workers=workers)
    if second:
        stage = _train_second(s, first, say, workers=workers)
    else:
        stage = json.loads(DECIDER_PATH.read_text(encoding="utf-8"))["second_stage"]
    first.pop("_fits")
    return first | {"second_stage": stage}


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="learn the cluster decider on SemEval train data")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--stories", type=int, default=150, help="stories in the synthetic train stream")
    parser.add_argument("--first-stage-only", action="store_true",
                        help="refit the first stage, keep the stored second stage")
    parser.add_argument("--workers", type=int, default=1, help="processes for the threshold grid")
    parser.add_argument("--out", type=Path, default=DECIDER_PATH)
    args = parser.parse_args(argv)
    model = train(args.data, stories=args.stories, second=not args.first_stage_only, workers=args.workers)
    args.out.write_text(json.dumps(model, indent=2) + "\n", encoding="utf-8")
    second = model["second_stage"]
    print(f"threshold {model['threshold']}, merge {model['merge_threshold']}; second stage threshold "
          f"{second['threshold']}, merge {second['merge_threshold']} -> {args.out}")


if __name__ == "__main__":
    main()
