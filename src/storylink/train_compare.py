"""Train the compare model on SemEval-2022 Task 8 pairs.

Usage::

    python -m storylink.train_compare --data /path/to/semeval2022-task8 --out src/storylink/models

What it does, with a fixed seed throughout (two runs write identical files):

1. builds a ``Profile`` of every text (chunk and lead vectors are cached under
   ``.cache/compare/`` beside the repository, so a rerun embeds nothing);
2. fits the IDF tables on the training texts and computes ``pair_features``;
3. fits the learned e5 similarity (``features.Metric``: a ridge regression
   per facet on the products of the two articles' e5 whole-text and lead
   vectors). The facet models are trained on *cross-fitted* values of it
   (each pair scored by a metric fitted on the other folds), the shipped
   metric is fitted on all pairs;
4. fits one gradient-boosted regressor per facet (sklearn
   ``HistGradientBoostingRegressor``) blended with a ridge regression
   (0.7/0.3), on all training pairs (original and machine-translated) plus
   60 texts paired with themselves (rated 1 everywhere: the data set has no
   copies, and a copy must score as one); reports 5-fold cross-validated
   Pearson, folds grouped by shared articles (a pair and its machine
   translations count as sharing them) so no article is on both sides, and
   the learned similarity refitted inside every fold;
5. fits the ``same_story`` calibration on the out-of-fold Overall predictions:
   Overall <= 1.5 is "same story" (1), Overall >= 3 is not (0); pairs in
   between are left out (their label is a matter of taste, and keeping them
   blurs the boundary the probability is meant to describe). A Platt
   (logistic) curve on the predicted Overall gives the probability;
6. writes ``compare-v1.npz`` (trees as arrays, ridge head, learned metric,
   IDF tables, calibration) and ``compare-v1.json`` (feature names,
   parameters, CV figures).

5-fold CV Pearson (same grouped folds), before -> after the lead vectors,
sentence coverage, per-type entity overlap and the learned similarity
(36 -> 58 features): Overall 0.782 -> 0.804 (original pairs 0.760 -> 0.784),
Geography 0.629 -> 0.661, Entities 0.760 -> 0.775, Time 0.396 -> 0.448,
Narrative 0.754 -> 0.769, Style 0.432 -> 0.457, Tone 0.484 -> 0.500.
What did not help (CV on Overall, within +-0.002 or worse): training on the
original pairs only (0.755 vs 0.777 with 36 features), other boosting
parameters, ridge weights 0 .. 0.6, monotonic constraints on the cosines, a
linear stack of the facets' predictions for Overall, dropping pairs with large
out-of-fold errors (mostly scraping accidents: a captcha page rated as the
article), IDF-weighted name overlap, a learned similarity over USE vectors.
Nor for the same-story probability (out-of-fold on train, clear pairs): a
boosted classifier on the same-story label itself instead of the Platt curve
on the predicted Overall (AUC 0.954 vs 0.955, best F1 0.825 vs 0.840, at
300-1,200 rounds), or a blend of both (AUC +0.002, F1 no better).

``dev.jsonl`` is never read here: it is for ``storylink eval semeval``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .document import Analysis, Article
from .features import (
    FEATURE_NAMES,
    METRIC_COLUMNS,
    Idf,
    Metric,
    Profile,
    build_profiles,
    metric_inputs,
    pair_features,
)

__all__ = ["FACETS", "SEED", "load_pairs", "cached_encoder", "profiles_for", "feature_matrix", "fit_metric",
           "training_features", "FoldFit", "fit_fold", "cross_validate", "main"]

FACETS = ("Geography", "Entities", "Time", "Narrative", "Overall", "Style", "Tone")
SEED = 20220
PARAMS: dict[str, Any] = {
    "learning_rate": 0.02,
    "max_iter": 600,
    "max_leaf_nodes": 6,
    "min_samples_leaf": 30,
    "l2_regularization": 1.0,
    "max_features": 0.5,
}
#: Share of the ridge head in the blend. 5-fold CV on Overall, 36 features (mean of 3 fold splits): forest
#: alone 0.772, 0.3 -> 0.777; 58 features: 0.3 -> 0.804, 0.45 -> 0.802, 0.6 -> 0.799.
RIDGE_WEIGHT = 0.3
#: Ridge penalty of the learned e5 similarity (``features.Metric``); its inputs are products of unit-vector
#: components (~1e-3 each), so this is a mild penalty. 5-fold CV on Overall: 0.001 0.797, 0.003 0.798, 0.01 0.795.
METRIC_ALPHA = 0.003
IDENTICAL_PAIRS = 60
DEFAULT_CACHE = Path(__file__).resolve().parents[2] / ".cache" / "compare"


def load_pairs(path: Path) -> list[dict[str, Any]]:
    """The pairs of one SemEval JSONL file."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def cached_encoder(kind: str, cache_dir: Path = DEFAULT_CACHE) -> Callable[[Sequence[str]], np.ndarray]:
    """An encoder (``e5`` or ``use``) that keeps every vector it computes under ``cache_dir/kind``.

    The cache is a folder of small ``.npz`` parts (``keys``, ``vecs``), so an
    interrupted run keeps what it had done.
    """
    folder = cache_dir / kind
    store: dict[str, np.ndarray] = {}
    if folder.exists():
        for part in sorted(folder.glob("*.npz")):
            with np.load(part) as data:
                store.update(zip(data["keys"].tolist(), data["vecs"]))

    def encode(texts: Sequence[str]) -> np.ndarray:
        from . import vectors

        keys = [_key(t) for t in texts]
        todo = sorted({k: t for k, t in zip(keys, texts) if k not in store}.items(), key=lambda kv: len(kv[1]))
        fn = vectors.encode_e5 if kind == "e5" else vectors.encode_use
        for start in range(0, len(todo), 32):
            batch = todo[start:start + 32]
            vecs = fn([t for _, t in batch])
            store.update(zip([k for k, _ in batch], vecs))
            folder.mkdir(parents=True, exist_ok=True)
            np.savez(folder / f"part-{time.time_ns()}.npz", keys=np.array([k for k, _ in batch]), vecs=vecs)
        dim = vectors.E5_DIM if kind == "e5" else vectors.USE_DIM
        if not keys:
            return np.zeros((0, dim), dtype=np.float32)
        return np.stack([store[k] for k in keys]).astype(np.float32)

    return encode


def cached_analyses(articles: Sequence[Article], cache_dir: Path) -> list[Analysis | None]:
    """``storylink.analyze`` of each article, cached per analyzer version (``None`` where it fails)."""
    from .analyze import ANALYZER_VERSION, analyze
    from .errors import StorylinkError

    path = cache_dir / f"analyses-{ANALYZER_VERSION.replace('/', '-')}.jsonl"
    known: dict[str, Analysis | None] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            known[row["id"]] = Analysis.from_dict(row["analysis"]) if row["analysis"] else None
    missing = [a for a in articles if a.id not in known]
    if missing:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as fh:
            for article in missing:
                try:
                    result: Analysis | None = analyze(article)
                except StorylinkError:
                    result = None
                known[article.id] = result
                fh.write(json.dumps({"id": article.id, "analysis": result.to_dict() if result else None},
                                    ensure_ascii=False) + "\n")
    return [known[a.id] for a in articles]


def profiles_for(
    pairs: Sequence[dict[str, Any]], cache_dir: Path = DEFAULT_CACHE
) -> dict[str, Profile]:
    """A profile per distinct text of ``pairs`` (keyed by text hash), vectors from the cache.

    Languages come from the data set's labels; each text is analyzed once (the analyses are cached
    beside the vectors) so the entity and date features are learned as they are used at run time.
    """
    texts: dict[str, tuple[str, str]] = {}
    for p in pairs:
        texts.setdefault(_key(p["text1"]), (p["text1"], p["lang1"]))
        texts.setdefault(_key(p["text2"]), (p["text2"], p["lang2"]))
    keys = list(texts)
    articles = [Article(id=k, text=t, language=lang) for k, (t, lang) in texts.items()]
    analyses = cached_analyses(articles, cache_dir)
    profiles = build_profiles(
        articles, analyses, encode_e5=cached_encoder("e5", cache_dir), encode_use=cached_encoder("use", cache_dir)
    )
    return dict(zip(keys, profiles))


def feature_matrix(
    pairs: Sequence[dict[str, Any]], profiles: dict[str, Profile], idf: Idf, metric: Metric | None = None
) -> np.ndarray:
    """``pair_features`` of every pair (``metric``: the shipped one by default)."""
    return np.stack(
        [pair_features(profiles[_key(p["text1"])], profiles[_key(p["text2"])], idf=idf, metric=metric)
         for p in pairs]
    )


def metric_matrix(pairs: Sequence[dict[str, Any]], profiles: dict[str, Profile]) -> np.ndarray:
    """``metric_inputs`` of every pair (what the learned similarity reads)."""
    return np.stack([metric_inputs(profiles[_key(p["text1"])], profiles[_key(p["text2"])]) for p in pairs])


def fit_metric(z: np.ndarray, y: np.ndarray, alpha: float = METRIC_ALPHA) -> Metric:
    """The learned similarity: one ridge regression per facet from ``metric_inputs`` to the ratings."""
    from sklearn.linear_model import Ridge

    ok = ~np.isnan(z).any(axis=1)
    model = Ridge(alpha=alpha).fit(z[ok].astype(np.float64), y[ok])
    return Metric(coef=model.coef_.astype(np.float32), intercept=np.atleast_1d(model.intercept_).astype(np.float32))


def training_features(
    pairs: Sequence[dict[str, Any]], profiles: dict[str, Profile], idf: Idf
) -> tuple[np.ndarray, Metric]:
    """Features of training pairs with the learned similarity cross-fitted, and the metric fitted on all of them.

    Use this, not ``feature_matrix`` (which applies the shipped metric), to fit facet models on SemEval
    training pairs: the shipped metric has seen those pairs' ratings, so its values there are too good.
    """
    x = feature_matrix(pairs, profiles, idf, metric=Metric.none())
    z = metric_matrix(pairs, profiles)
    y = targets(pairs)
    x[:, list(METRIC_COLUMNS)] = cross_fitted_metric(z, y, groups(pairs))
    return x, fit_metric(z, y)


def cross_fitted_metric(z: np.ndarray, y: np.ndarray, grp: np.ndarray, folds: int = 5) -> np.ndarray:
    """Out-of-fold learned similarities: each pair scored by a metric fitted without its group.

    The facet models train on these, never on a metric that has seen the pair's own rating
    (that one would look better on the training pairs than it is on new ones).
    """
    from sklearn.model_selection import GroupKFold

    out = np.full((len(z), y.shape[1]), np.nan, dtype=np.float32)
    for train_idx, test_idx in GroupKFold(n_splits=folds).split(z, y, grp):
        out[test_idx] = fit_metric(z[train_idx], y[train_idx]).apply(z[test_idx])
    return out


def targets(pairs: Sequence[dict[str, Any]]) -> np.ndarray:
    return np.array([[p["scores"][f] for f in FACETS] for p in pairs], dtype=np.float64)


def component_ids(linked: Iterable[Sequence[Hashable]], heads: Sequence[Hashable]) -> np.ndarray:
    """The connected component of each of ``heads`` (numbered by first appearance), where each item of
    ``linked`` joins all of its nodes.

        >>> component_ids([("a", "b"), ("b", "c"), ("d", "e")], ["a", "c", "d"]).tolist()
        [0, 0, 1]
    """
    parent: dict[Hashable, Hashable] = {}

    def find(x: Hashable) -> Hashable:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for nodes in linked:
        first = find(nodes[0])
        for node in nodes[1:]:
            other = find(node)
            if other != first:
                parent[other] = first
    roots: dict[Hashable, int] = {}
    return np.array([roots.setdefault(find(h), len(roots)) for h in heads], dtype=np.int64)


def groups(pairs: Sequence[dict[str, Any]]) -> np.ndarray:
    """Connected components of the article graph, so CV folds share no text.

    Articles are joined by text and by the numeric article id of ``pair_id``
    (``1484039360it_1484180228it`` is a machine translation of the pair
    ``1484039360_1484180228``), so a pair and its translations share a fold.
    """
    linked = [[_key(p["text1"]), _key(p["text2"])]
              + ["id:" + re.sub(r"[a-z]+$", "", part) for part in str(p.get("pair_id", "")).split("_") if part]
              for p in pairs]
    return component_ids(linked, [_key(p["text1"]) for p in pairs])


def fit_facets(x: np.ndarray, y: np.ndarray, params: dict[str, Any] | None = None) -> list[Any]:
    """One regressor per facet, on the columns that have any value.

    Columns that are missing throughout (the entity and date features while
    training runs without analyses) are left out; ``used_columns`` on each
    model maps its feature index back to ``FEATURE_NAMES``.
    """
    from sklearn.ensemble import HistGradientBoostingRegressor

    params = params or PARAMS
    used = np.flatnonzero(~np.isnan(x).all(axis=0))
    models = []
    for i in range(y.shape[1]):
        model = HistGradientBoostingRegressor(random_state=SEED, **params).fit(x[:, used], y[:, i])
        model.used_columns = used
        models.append(model)
    return models


def identical_pairs(
    profiles: dict[str, Profile], idf: Idf, count: int = IDENTICAL_PAIRS, metric: Metric | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Features of texts paired with themselves, rated 1 on every facet.

    SemEval has almost no duplicates, so without these the model has never
    seen the top of the similarity scale and scores a copy like a close
    follow-up. A fixed-seed sample of the training texts.
    """
    chosen = _identical(profiles, count)
    x = np.stack([pair_features(p, p, idf=idf, metric=metric) for p in chosen])
    return x, np.ones((len(x), len(FACETS)))


def _identical(profiles: dict[str, Profile], count: int = IDENTICAL_PAIRS) -> list[Profile]:
    keys = sorted(profiles)
    rng = np.random.default_rng(SEED)
    chosen = rng.choice(len(keys), size=min(count, len(keys)), replace=False)
    return [profiles[keys[i]] for i in chosen]


@dataclass(frozen=True)
class FoldFit:
    """The facet forests, ridge head and learned similarity fitted on one set of training rows."""

    forests: list[Any]
    ridge: dict[str, np.ndarray]
    metric: Metric

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Blended raw facet scores of feature rows whose learned-similarity columns ``metric`` filled."""
        forest = np.stack([m.predict(x[:, m.used_columns]) for m in self.forests], axis=1)
        return (1 - RIDGE_WEIGHT) * forest + RIDGE_WEIGHT * predict_ridge(self.ridge, x)


def fit_fold(
    x: np.ndarray,
    y: np.ndarray,
    grp: np.ndarray,
    rows: np.ndarray,
    z: np.ndarray,
    extra: tuple[np.ndarray, np.ndarray],
    extra_z: np.ndarray,
    *,
    facets: Sequence[int] | None = None,
    params: dict[str, Any] | None = None,
) -> FoldFit:
    """The shipped recipe on the pairs ``rows`` plus the ``extra`` (identical-copy) rows.

    The learned similarity is fitted on all of ``rows`` (for whatever is predicted
    later) but enters the training features cross-fitted, each pair scored by a
    metric that never saw its group, so the forests learn from honest values.
    ``facets`` picks the facets to fit (all by default). ``main``, the CV figures
    and ``train_cluster``'s out-of-fold verdicts all fit through here.
    """
    cols = list(METRIC_COLUMNS)
    metric = fit_metric(z[rows], y[rows])
    xt = x[rows].copy()
    xt[:, cols] = cross_fitted_metric(z[rows], y[rows], grp[rows])
    xx = extra[0].copy()
    xx[:, cols] = metric.apply(extra_z)
    xt, yt = np.vstack([xt, xx]), np.vstack([y[rows], extra[1]])
    if facets is not None:
        yt = yt[:, list(facets)]
    return FoldFit(fit_facets(xt, yt, params), fit_ridge(xt, yt), metric)


def cross_validate(
    x: np.ndarray,
    y: np.ndarray,
    grp: np.ndarray,
    z: np.ndarray,
    extra: tuple[np.ndarray, np.ndarray],
    extra_z: np.ndarray,
    *,
    params: dict[str, Any] | None = None,
    folds: int = 5,
) -> np.ndarray:
    """Out-of-fold predictions of every facet: ``fit_fold`` on the other folds, so the figures
    include the learned similarity's selection."""
    from sklearn.model_selection import GroupKFold

    oof = np.zeros_like(y)
    for train_idx, test_idx in GroupKFold(n_splits=folds).split(x, y, grp):
        fit = fit_fold(x, y, grp, train_idx, z, extra, extra_z, params=params)
        xe = x[test_idx].copy()
        xe[:, list(METRIC_COLUMNS)] = fit.metric.apply(z[test_idx])
        oof[test_idx] = fit.predict(xe)
    return oof


def fit_ridge(x: np.ndarray, y: np.ndarray) -> dict[str, np.ndarray]:
    """A ridge regression per facet on standardised features (missing -> the column mean).

    Columns missing throughout get weight 0, so they stay inert when later
    profiles carry them.
    """
    from sklearn.linear_model import RidgeCV

    used = ~np.isnan(x).all(axis=0)
    mean = np.where(used, np.nanmean(np.where(used, x, 0.0), axis=0), 0.0)
    filled = np.where(np.isnan(x), mean, x)
    scale = np.where(used, filled.std(axis=0), 1.0)
    scale[scale < 1e-6] = 1.0
    z = (filled - mean) / scale
    coef = np.zeros((y.shape[1], x.shape[1]))
    intercept = np.zeros(y.shape[1])
    for i in range(y.shape[1]):
        model = RidgeCV(alphas=np.logspace(-2, 3, 12)).fit(z[:, used], y[:, i])
        coef[i, used] = model.coef_
        intercept[i] = model.intercept_
    return {"ridge_mean": mean, "ridge_scale": scale, "ridge_coef": coef, "ridge_intercept": intercept}


def predict_ridge(ridge: dict[str, np.ndarray], x: np.ndarray) -> np.ndarray:
    filled = np.where(np.isnan(x), ridge["ridge_mean"], x)
    return ((filled - ridge["ridge_mean"]) / ridge["ridge_scale"]) @ ridge["ridge_coef"].T + ridge["ridge_intercept"]


def fit_platt(score: np.ndarray, overall: np.ndarray) -> tuple[float, float]:
    """Logistic curve P(same story | predicted Overall) on the clear-cut pairs."""
    from sklearn.linear_model import LogisticRegression

    keep = (overall <= 1.5) | (overall >= 3.0)
    label = (overall[keep] <= 1.5).astype(int)
    lr = LogisticRegression(C=100.0).fit(score[keep, None], label)
    return float(lr.coef_[0, 0]), float(lr.intercept_[0])


def export_trees(models: Sequence[Any]) -> dict[str, np.ndarray]:
    """All trees of all facet models as padded arrays (see ``compare.Model``)."""
    trees = [(f, tree[0]) for f, m in enumerate(models) for tree in m._predictors]
    width = max(len(t.nodes) for _, t in trees)
    shape = (len(trees), width)
    feature = np.zeros(shape, dtype=np.int16)
    threshold = np.zeros(shape, dtype=np.float32)
    left = np.zeros(shape, dtype=np.int16)
    right = np.zeros(shape, dtype=np.int16)
    missing_left = np.zeros(shape, dtype=bool)
    leaf = np.ones(shape, dtype=bool)
    value = np.zeros(shape, dtype=np.float32)
    for i, (_, t) in enumerate(trees):
        n = t.nodes
        k = len(n)
        feature[i, :k] = models[0].used_columns[n["feature_idx"]]
        threshold[i, :k] = n["num_threshold"]
        left[i, :k] = n["left"]
        right[i, :k] = n["right"]
        missing_left[i, :k] = n["missing_go_to_left"].astype(bool)
        leaf[i, :k] = n["is_leaf"].astype(bool)
        value[i, :k] = n["value"]
    depth = max(int(t.nodes["depth"].max()) for _, t in trees)
    return {
        "tree_facet": np.array([f for f, _ in trees], dtype=np.int8),
        "tree_feature": feature,
        "tree_threshold": threshold,
        "tree_left": left,
        "tree_right": right,
        "tree_missing_left": missing_left,
        "tree_leaf": leaf,
        "tree_value": value,
        "tree_depth": np.array(depth),
        "baseline": np.array([float(np.ravel(m._baseline_prediction)[0]) for m in models], dtype=np.float64),
    }


def pearson(a: np.ndarray, b: np.ndarray) -> float:
    if len(a) < 3 or np.std(a) == 0 or np.std(b) == 0:
        return float("nan")
    return float(np.corrcoef(a, b)[0, 1])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m storylink.train_compare", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="folder with train.jsonl")
    parser.add_argument("--out", type=Path, required=True, help="folder for compare-v1.npz/json")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="vector cache folder")
    args = parser.parse_args(argv)
    from threadpoolctl import threadpool_limits

    # One thread throughout: on 2 shared cores sklearn's OpenMP pool spins and runs many times slower,
    # and threaded BLAS may round differently from one run to the next (the model must be reproducible).
    with threadpool_limits(limits=1):
        return _train(args)


def _train(args: argparse.Namespace) -> int:
    t0 = time.time()
    pairs = load_pairs(args.data / "train.jsonl")
    profiles = profiles_for(pairs, args.cache)
    fitted = Idf.fit(list(profiles.values()))
    # The model ships float16 tables; train on exactly what it will read.
    idf = Idf(words=fitted.words.astype(np.float16).astype(np.float32),
              chars=fitted.chars.astype(np.float16).astype(np.float32))
    # Learned-similarity columns stay NaN here; they are filled per fold / cross-fitted below.
    x = feature_matrix(pairs, profiles, idf, metric=Metric.none())
    z = metric_matrix(pairs, profiles)
    y = targets(pairs)
    grp = groups(pairs)
    print(f"{len(pairs)} pairs, {len(profiles)} texts, {x.shape[1]} features ({time.time() - t0:.0f}s)")

    copies = _identical(profiles)
    same = identical_pairs(profiles, idf, metric=Metric.none())
    same_z = np.stack([metric_inputs(p, p) for p in copies])
    oof = cross_validate(x, y, grp, z, same, same_z)
    cv = {f: round(pearson(oof[:, i], y[:, i]), 4) for i, f in enumerate(FACETS)}
    original = np.array([not p.get("machine_translated", False) for p in pairs])
    cv_original = round(pearson(oof[original, FACETS.index("Overall")], y[original, FACETS.index("Overall")]), 4)
    print("5-fold CV Pearson:", cv, "| Overall on original pairs:", cv_original)
    a, b = fit_platt(oof[:, FACETS.index("Overall")], y[:, FACETS.index("Overall")])

    fit = fit_fold(x, y, grp, np.arange(len(y)), z, same, same_z)
    arrays = export_trees(fit.forests)
    arrays["metric_coef"] = fit.metric.coef
    arrays["metric_intercept"] = fit.metric.intercept
    arrays.update(fit.ridge)
    arrays["ridge_weight"] = np.array(RIDGE_WEIGHT)
    arrays["idf_words"] = idf.words.astype(np.float16)
    arrays["idf_chars"] = idf.chars.astype(np.float16)
    arrays["platt"] = np.array([a, b], dtype=np.float64)
    args.out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out / "compare-v1.npz", **arrays)
    meta = {
        "version": "compare-v1",
        "facets": list(FACETS),
        "features": list(FEATURE_NAMES),
        "seed": SEED,
        "params": PARAMS,
        "ridge_weight": RIDGE_WEIGHT,
        "metric_alpha": METRIC_ALPHA,
        "train_pairs": len(pairs),
        "identical_pairs": len(same[0]),
        "cv_pearson": cv,
        "cv_pearson_overall_original": cv_original,
        "same_story": {
            "positive": "Overall <= 1.5",
            "negative": "Overall >= 3",
            "between": "left out of the calibration",
            "platt": [a, b],
        },
    }
    (args.out / "compare-v1.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    size = (args.out / "compare-v1.npz").stat().st_size
    print(f"wrote {args.out / 'compare-v1.npz'} ({size / 1e6:.2f} MB) in {time.time() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
