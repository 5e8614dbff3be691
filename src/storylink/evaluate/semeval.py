"""The compare model on SemEval-2022 Task 8 dev pairs, beside a TF-IDF baseline.

For every facet, Pearson correlation of the model's score with the human
rating, over all dev pairs and per language pair, separately for the
original pairs (``machine_translated`` false) and for all pairs. The baseline
is the TF-IDF cosine of the two texts (word unigrams, sublinear tf, fitted
on the train and dev texts in the same run); its sign is flipped so that,
like the ratings, larger means less similar and both correlations read the
same way. ``same_story`` is scored on the clear-cut pairs (Overall <= 1.5 or
>= 3) by Brier score, log-loss and expected calibration error (10 bins).

Usage::

    report = evaluate("/path/to/semeval2022-task8")
    print(format_table(report))
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..document import Record
from ..errors import MissingInput

__all__ = ["SemevalRow", "SemevalReport", "evaluate", "format_table", "calibration"]

FACETS = ("Overall", "Geography", "Entities", "Time", "Narrative", "Style", "Tone")


@dataclass(frozen=True, slots=True)
class SemevalRow(Record):
    """Pearson per facet for one subset (``original``/``all``) and language pair (``*`` = every pair)."""

    subset: str
    languages: str
    pairs: int
    ours: dict[str, float]
    tfidf: dict[str, float]


@dataclass(frozen=True, slots=True)
class SemevalReport(Record):
    rows: tuple[SemevalRow, ...]
    same_story: dict[str, dict[str, float]]
    pairs_per_second: float
    model: str


def pearson(a: np.ndarray, b: np.ndarray) -> float:
    if len(a) < 3 or float(np.std(a)) == 0.0 or float(np.std(b)) == 0.0:
        return math.nan
    return round(float(np.corrcoef(a, b)[0, 1]), 4)


def calibration(prob: np.ndarray, label: np.ndarray, bins: int = 10) -> dict[str, float]:
    """Brier score, log-loss and expected calibration error of probabilities against 0/1 labels.

    Example::

        >>> calibration(np.array([0.9, 0.1]), np.array([1, 0]))["brier"]
        0.01
    """
    p = np.clip(prob.astype(np.float64), 1e-6, 1 - 1e-6)
    y = label.astype(np.float64)
    edges = np.minimum((p * bins).astype(int), bins - 1)
    ece = sum(
        abs(float(p[edges == k].mean()) - float(y[edges == k].mean())) * float((edges == k).mean())
        for k in range(bins)
        if (edges == k).any()
    )
    return {
        "pairs": int(len(p)),
        "brier": round(float(np.mean((p - y) ** 2)), 4),
        "log_loss": round(float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))), 4),
        "ece": round(ece, 4),
        "positives": int(y.sum()),
    }


def _tfidf_cosines(train: Sequence[dict[str, Any]], dev: Sequence[dict[str, Any]]) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(sublinear_tf=True)
    vec.fit([t for p in (*train, *dev) for t in (p["text1"], p["text2"])])
    a = vec.transform([p["text1"] for p in dev])
    b = vec.transform([p["text2"] for p in dev])
    return np.asarray(a.multiply(b).sum(axis=1)).ravel()


def evaluate(data_dir: str | Path, *, cache_dir: Path | None = None) -> SemevalReport:
    """Score the shipped compare model on ``data_dir/dev.jsonl``.

    Text vectors are cached under ``cache_dir`` (default ``.cache/compare``
    beside the repository): the first run embeds ~700 texts (minutes), later
    runs take seconds.

    Raises:
        MissingInput: ``dev.jsonl`` is not in ``data_dir``.
    """
    from ..compare import MODEL_NAME, load_model
    from ..train_compare import DEFAULT_CACHE, feature_matrix, load_pairs, profiles_for

    data_dir = Path(data_dir)
    dev_path = data_dir / "dev.jsonl"
    if not dev_path.exists():
        raise MissingInput("no dev.jsonl here (expected the SemEval-2022 Task 8 folder)", source=str(data_dir))
    dev = load_pairs(dev_path)
    train = load_pairs(data_dir / "train.jsonl") if (data_dir / "train.jsonl").exists() else []
    model = load_model()
    profiles = profiles_for(dev, cache_dir or DEFAULT_CACHE)
    started = time.perf_counter()
    x = feature_matrix(dev, profiles, model.idf)
    scores, same = model.predict(x)
    speed = len(dev) / max(time.perf_counter() - started, 1e-9)

    gold = np.array([[p["scores"][f] for f in FACETS] for p in dev])
    model_order = ("Geography", "Entities", "Time", "Narrative", "Overall", "Style", "Tone")
    ours = scores[:, [model_order.index(f) for f in FACETS]]
    base = -_tfidf_cosines(train, dev)
    original = np.array([not p["machine_translated"] for p in dev])
    langs = np.array([f"{p['lang1']}-{p['lang2']}" for p in dev])

    rows = []
    for subset, keep in (("original", original), ("all", np.ones(len(dev), dtype=bool))):
        groups = ["*"] + sorted(set(langs[keep]), key=lambda g: (-int((langs[keep] == g).sum()), g))
        for group in groups:
            sel = keep & ((langs == group) if group != "*" else True)
            rows.append(
                SemevalRow(
                    subset=subset,
                    languages=group,
                    pairs=int(sel.sum()),
                    ours={f: pearson(ours[sel, i], gold[sel, i]) for i, f in enumerate(FACETS)},
                    tfidf={f: pearson(base[sel], gold[sel, i]) for i, f in enumerate(FACETS)},
                )
            )
    overall = gold[:, 0]
    clear = (overall <= 1.5) | (overall >= 3.0)
    label = (overall <= 1.5).astype(int)
    same_story = {
        "original": calibration(same[clear & original], label[clear & original]),
        "all": calibration(same[clear], label[clear]),
    }
    return SemevalReport(rows=tuple(rows), same_story=same_story, pairs_per_second=round(speed, 1), model=MODEL_NAME)


def format_table(report: SemevalReport) -> str:
    """The report as a plain-text table (Pearson; ``ours`` then the TF-IDF baseline)."""
    head = f"{'subset':<9}{'pair':<7}{'n':>4}  {'Overall':>7} {'tfidf':>6} " + " ".join(
        f"{f[:5]:>6}" for f in FACETS[1:]
    )
    lines = [f"SemEval-2022 Task 8 dev, Pearson ({report.model}; tfidf = TF-IDF cosine baseline)", head]
    for r in report.rows:
        lines.append(
            f"{r.subset:<9}{r.languages:<7}{r.pairs:>4}  {_f(r.ours['Overall']):>7} {_f(r.tfidf['Overall']):>6} "
            + " ".join(f"{_f(r.ours[f]):>6}" for f in FACETS[1:])
        )
    lines.append("")
    lines.append("TF-IDF baseline per facet (all languages):")
    for r in report.rows:
        if r.languages == "*":
            lines.append(f"  {r.subset:<9}" + " ".join(f"{f[:5]} {_f(r.tfidf[f])}" for f in FACETS))
    lines.append("")
    lines.append("same_story (clear-cut pairs: Overall <= 1.5 vs >= 3):")
    for subset, m in report.same_story.items():
        lines.append(
            f"  {subset:<9} n={m['pairs']} positives={m['positives']} brier={m['brier']:.4f} "
            f"log_loss={m['log_loss']:.4f} ece={m['ece']:.4f}"
        )
    lines.append(f"scoring speed (features + model, cached profiles): {report.pairs_per_second:.0f} pairs/s")
    return "\n".join(lines)


def _f(x: float) -> str:
    return "  -  " if x is None or math.isnan(x) else f"{x:.3f}"
