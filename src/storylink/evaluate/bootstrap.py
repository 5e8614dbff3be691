"""Seeded percentile bootstrap over independent units (documents, pair components).

Figures on a few dozen documents or a few hundred pairs move a lot with the
sample; an interval says how much. Each unit contributes a row of counts
(tp, fp, fn, …); a resample draws units with replacement and sums their rows,
so a statistic is computed from the summed counts exactly as the figure is.

    >>> sums = resampled_sums(np.array([[1.0, 0.0], [0.0, 1.0]]), resamples=4, seed=1)
    >>> sums.shape, bool((sums.sum(axis=1) == 2).all())
    ((4, 2), True)
"""

from __future__ import annotations

import numpy as np

__all__ = ["resampled_sums", "percentile_interval"]


def resampled_sums(stats: np.ndarray, *, resamples: int = 1000, seed: int = 20180601) -> np.ndarray:
    """``(resamples, k)`` column sums of ``stats`` (``(units, k)``) over units drawn with replacement."""
    n = stats.shape[0]
    rng = np.random.default_rng(seed)
    return rng.multinomial(n, np.full(n, 1.0 / n), size=resamples) @ stats


def percentile_interval(values: np.ndarray, level: float = 0.95) -> tuple[float, float]:
    """The central ``level`` percentile interval of ``values``."""
    lo, hi = (1 - level) / 2 * 100, (1 + level) / 2 * 100
    return float(np.percentile(values, lo)), float(np.percentile(values, hi))
