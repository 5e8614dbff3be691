"""Compare two articles: SemEval-2022 Task 8 facets and a same-story probability.

``compare(a, b)`` scores two articles (texts or ``Article``s, any supported
language, also across languages) on the seven facets of SemEval-2022 Task 8,
each on its 1-4 scale where 1 means very similar: ``geography``,
``entities``, ``time``, ``narrative``, ``overall``, ``style``, ``tone``.
``same_story`` is the calibrated probability that the two tell the same
story (trained as: Overall <= 1.5 yes, Overall >= 3 no).

The model is a small gradient-boosted forest per facet, blended with a ridge head, over
``storylink.features.pair_features`` (chunk-level USE and e5 cosines, the
headline/lead's own e5 vector, a learned per-facet similarity of the e5
vectors, sentence coverage, TF-IDF, shared names, numbers, years, entity keys
by type, dates), shipped as arrays in
``models/compare-v1.npz`` and evaluated here with numpy, all trees at once;
``python -m storylink.train_compare`` rebuilds it.

Example::

    >>> c = compare("Trump traf Kim Jong Un in Hanoi. Der Gipfel endete ohne Einigung.",
    ...             "Trump met Kim Jong Un in Hanoi. The summit ended without a deal.")
    >>> c.scores["overall"] < 2.0, c.same_story > 0.5
    (True, True)
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib.resources import files
from typing import Any

import numpy as np

from .config import Settings
from .document import Analysis, Article, Record
from .errors import ModelError, UnknownLanguage
from .features import FEATURE_NAMES, Idf, Profile, build_profile, build_profiles, pair_features

__all__ = ["FACETS", "PROFILE_MODEL", "Comparison", "Model", "compare", "compare_profiles", "load_model",
           "stored_profiles"]

#: The SemEval facets, lower-case, in the model's order.
FACETS = ("geography", "entities", "time", "narrative", "overall", "style", "tone")
MODEL_NAME = "compare-v1"
#: Store key of an article's ``Profile``; bump it when what a profile holds changes.
PROFILE_MODEL = "profile-v3"


@dataclass(frozen=True, slots=True)
class Comparison(Record):
    """The result of ``compare``.

    ``scores`` maps each facet to 1.0 (very similar) .. 4.0 (very dissimilar);
    ``same_story`` is a probability; ``evidence`` is ``Evidence.to_dict()``
    (shared entities, aligned passages, ...) or ``None`` when not asked for.
    """

    a: str
    b: str
    scores: dict[str, float]
    same_story: float
    languages: tuple[str | None, str | None] = (None, None)
    evidence: dict[str, Any] | None = None
    model: str = MODEL_NAME


@dataclass(frozen=True, slots=True, eq=False)
class Model:
    """The facet forests as padded node arrays, a ridge head, the IDF tables and the Platt curve.

    A facet score is ``(1 - ridge_weight) * forest + ridge_weight * ridge``.

    Tree ``t`` belongs to facet ``tree_facet[t]``; a node goes left when its
    feature is ``<= threshold`` (or missing and ``missing_left``).
    """

    facet: np.ndarray
    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    missing_left: np.ndarray
    leaf: np.ndarray
    value: np.ndarray
    depth: int
    baseline: np.ndarray
    ridge_mean: np.ndarray
    ridge_scale: np.ndarray
    ridge_coef: np.ndarray
    ridge_intercept: np.ndarray
    ridge_weight: float
    platt: tuple[float, float]
    idf: Idf = field(repr=False)

    def predict(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Facet scores ``(n, 7)`` clipped to 1..4 and ``same_story`` ``(n,)`` for features ``(n, F)``."""
        x = np.atleast_2d(np.asarray(x, dtype=np.float32))
        n, trees = len(x), len(self.facet)
        tree_idx = np.arange(trees)[None, :]
        node = np.zeros((n, trees), dtype=np.int64)
        rows = np.arange(n)[:, None]
        for _ in range(self.depth):
            feat = self.feature[tree_idx, node]
            val = x[rows, feat]
            go_left = np.where(np.isnan(val), self.missing_left[tree_idx, node], val <= self.threshold[tree_idx, node])
            nxt = np.where(go_left, self.left[tree_idx, node], self.right[tree_idx, node])
            node = np.where(self.leaf[tree_idx, node], node, nxt)
        leaf_values = self.value[tree_idx, node]
        raw = np.zeros((n, len(self.baseline)))
        np.add.at(raw.T, self.facet, leaf_values.T)
        raw += self.baseline[None, :]
        filled = np.where(np.isnan(x), self.ridge_mean, x)
        linear = ((filled - self.ridge_mean) / self.ridge_scale) @ self.ridge_coef.T + self.ridge_intercept
        raw = (1.0 - self.ridge_weight) * raw + self.ridge_weight * linear
        a, b = self.platt
        same = 1.0 / (1.0 + np.exp(-(a * raw[:, FACETS.index("overall")] + b)))
        return np.clip(raw, 1.0, 4.0), same


@functools.lru_cache(maxsize=1)
def load_model() -> Model:
    """The shipped model (loaded once per process).

    Raises:
        ModelError: the model file is missing or unreadable.
    """
    resource = files("storylink") / "models" / f"{MODEL_NAME}.npz"
    try:
        with resource.open("rb") as fh, np.load(fh) as data:
            arrays = {k: data[k] for k in data.files}
    except (OSError, ValueError, KeyError) as exc:
        raise ModelError(
            f"cannot read the compare model ({exc}); rebuild it with python -m storylink.train_compare",
            source=str(resource),
        ) from exc
    if arrays["tree_feature"].max() >= len(FEATURE_NAMES):
        raise ModelError("model expects more features than storylink.features has; retrain", source=str(resource))
    return Model(
        facet=arrays["tree_facet"].astype(np.int64),
        feature=arrays["tree_feature"].astype(np.int64),
        threshold=arrays["tree_threshold"],
        left=arrays["tree_left"].astype(np.int64),
        right=arrays["tree_right"].astype(np.int64),
        missing_left=arrays["tree_missing_left"],
        leaf=arrays["tree_leaf"],
        value=arrays["tree_value"],
        depth=int(arrays["tree_depth"]),
        baseline=arrays["baseline"],
        ridge_mean=arrays["ridge_mean"],
        ridge_scale=arrays["ridge_scale"],
        ridge_coef=arrays["ridge_coef"],
        ridge_intercept=arrays["ridge_intercept"],
        ridge_weight=float(arrays["ridge_weight"]),
        platt=(float(arrays["platt"][0]), float(arrays["platt"][1])),
        idf=Idf(words=arrays["idf_words"].astype(np.float32), chars=arrays["idf_chars"].astype(np.float32)),
    )


def compare_profiles(pairs: list[tuple[Profile, Profile]]) -> tuple[np.ndarray, np.ndarray]:
    """Scores of many profile pairs at once: facets ``(n, 7)`` and ``same_story`` ``(n,)``.

    This is the fast path for stored articles (no text, no analysis needed).
    """
    model = load_model()
    if not pairs:
        return np.zeros((0, len(FACETS))), np.zeros(0)
    x = np.stack([pair_features(p, q, idf=model.idf) for p, q in pairs])
    return model.predict(x)


def stored_profiles(store: Any, articles: Sequence[Article], analyses: Sequence[Analysis | None]) -> list[Profile]:
    """Profiles of stored articles: read from ``store``, the missing ones built in one batch and stored.

    A profile is the expensive part of a comparison (sentence vectors), so
    articles compared or clustered again cost numpy only.
    """
    from .analyze import ANALYZER_VERSION

    given = {a.id: (a, an) for a, an in zip(articles, analyses)}

    def build(ids: list[str]) -> list[dict[str, np.ndarray]]:
        built = build_profiles([given[i][0] for i in ids], [given[i][1] for i in ids])
        return [p.to_arrays() for p in built]

    # Entity keys and dates come from the analysis, so a new analyzer means new profiles.
    found = store.cached_arrays([a.id for a in articles], f"{PROFILE_MODEL}+{ANALYZER_VERSION}", build)
    return [Profile.from_arrays(found[a.id]) for a in articles]


def compare(
    a: Article | str,
    b: Article | str,
    *,
    settings: Settings | None = None,
    evidence: bool = True,
    analyses: tuple[Analysis | None, Analysis | None] | None = None,
    profiles: tuple[Profile | None, Profile | None] | None = None,
) -> Comparison:
    """Compare two articles.

    Args:
        a, b: the articles (plain texts become ``Article.from_text``).
        settings: pipeline settings (for ``analyze``).
        evidence: also collect the evidence (shared entities, aligned passages);
            ``None`` when the evidence module is not installed.
        analyses, profiles: cached ones to reuse (either side may be ``None``).

    Raises:
        EmptyInput: a text is empty.
        ModelError: the shipped model is missing.
    """
    settings = settings or Settings()
    arts = [Article.from_text(x) if isinstance(x, str) else x for x in (a, b)]
    given_an = analyses or (None, None)
    given_pr = profiles or (None, None)
    ans = [an if an is not None else _analyze(art, settings) for art, an in zip(arts, given_an)]
    profs = [pr if pr is not None else build_profile(art, an) for art, an, pr in zip(arts, ans, given_pr)]
    scores, same = compare_profiles([(profs[0], profs[1])])
    ev = _evidence(arts, ans, profs) if evidence else None
    return Comparison(
        a=arts[0].id,
        b=arts[1].id,
        scores={f: round(float(s), 4) for f, s in zip(FACETS, scores[0])},
        same_story=round(float(same[0]), 4),
        languages=(profs[0].language, profs[1].language),
        evidence=ev,
    )


def _analyze(article: Article, settings: Settings) -> Analysis | None:
    """The article's analysis; ``None`` when its language is not recognised.

    The facet model reads multilingual vectors and works without an analysis,
    so an unrecognised language loses the entity/date evidence, not the score.
    Empty input still raises.
    """
    from .analyze import analyze

    try:
        return analyze(article, settings=settings)
    except UnknownLanguage:
        return None


def _evidence(arts: list[Article], ans: list[Analysis | None], profs: list[Profile]) -> dict[str, Any] | None:
    try:
        from .evidence import find_evidence
    except ImportError:
        return None
    found = find_evidence(
        arts[0].text, ans[0], profs[0], arts[1].text, ans[1], profs[1],
        published_a=arts[0].published, published_b=arts[1].published,
    )
    return found.to_dict()
