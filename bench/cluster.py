"""Clustering scale: docs/s and peak RSS at growing stream sizes, vectors costed apart.

    python bench/cluster.py --sizes 10000 100000 1000000

For each size, a synthetic stream (``synth.make_vector_stream``: vectors and
entity keys around random story centres over a year) is clustered online; the
figures are the clustering alone, given vectors. Near-duplicate detection
(MinHash signature + LSH query + insert) is timed on synthetic texts, and the
cost of the vectors themselves (USE-multilingual on real articles) is reported
apart. Baseline in the same run: brute-force single pass over all open story
centroids (no candidate generation).
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time

import numpy as np

from _common import rss_mb, semeval_texts
from synth import make_vector_stream


def bench_clustering(n: int, dim: int) -> tuple[float, float, int]:
    from storylink.cluster import ClusterItem, Clusterer

    items = [
        ClusterItem(d["id"], d["time"], d["vector"], entities=d["entities"])
        for d in make_vector_stream(n, dim=dim)
    ]
    gc.collect()
    clusterer = Clusterer(window_days=4.0)
    start = time.perf_counter()
    for item in items:
        clusterer.add(item)
    seconds = time.perf_counter() - start
    stories = len(clusterer.stories) + len(clusterer.closed)
    return n / seconds, rss_mb(), stories


def bench_baseline(n: int, dim: int) -> float:
    """Single pass against every story centroid of the window, no index (the naive method)."""
    centroids: list[np.ndarray] = []
    last: list[float] = []
    start = time.perf_counter()
    for d in make_vector_stream(n, dim=dim):
        live = [i for i, t in enumerate(last) if d["time"] - t < 4 * 86400]
        best = -1
        if live:
            sims = np.vstack([centroids[i] for i in live]) @ d["vector"]
            j = int(np.argmax(sims))
            if sims[j] > 0.6:
                best = live[j]
        if best < 0:
            centroids.append(d["vector"].astype(np.float32))
            last.append(d["time"])
        else:
            centroids[best] = centroids[best] + d["vector"]
            last[best] = d["time"]
    return n / (time.perf_counter() - start)


def synthetic_texts(n: int, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    vocab = [f"wort{i}" for i in range(20000)]
    base = [" ".join(rng.choices(vocab, k=160)) for _ in range(max(1, n // 3))]
    out = []
    for i in range(n):
        words = base[i % len(base)].split()
        if i >= len(base):  # a near-copy: two words changed
            for _ in range(2):
                words[rng.randrange(len(words))] = rng.choice(vocab)
        out.append(" ".join(words))
    return out


def bench_neardup(n: int) -> tuple[float, int]:
    from storylink.neardup import LSHIndex, signature

    texts = synthetic_texts(n)
    index = LSHIndex()
    found = 0
    start = time.perf_counter()
    for i, text in enumerate(texts):
        sig = signature(text)
        found += bool(index.near_duplicates(sig))
        index.add(str(i), sig)
    return n / (time.perf_counter() - start), found


def bench_vectors(n: int) -> float:
    from storylink.vectors import encode_use

    texts = [t for _, t in semeval_texts(n)]
    encode_use(texts[:2])
    start = time.perf_counter()
    for i in range(0, len(texts), 32):
        encode_use(texts[i : i + 32])
    return len(texts) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--dim", type=int, default=512, help="vector dimension (USE: 512)")
    parser.add_argument("--neardup", type=int, default=50_000)
    parser.add_argument("--vectors", type=int, default=200)
    parser.add_argument("--baseline-size", type=int, default=10_000)
    args = parser.parse_args()

    print(f"start: peak RSS {rss_mb():.0f} MB")
    base = bench_baseline(args.baseline_size, args.dim)
    print(f"baseline single pass, no index       {args.baseline_size:>9,d} docs  {base:9.0f} docs/s")
    for n in args.sizes:
        rate, rss, stories = bench_clustering(n, args.dim)
        print(f"storylink clustering (given vectors) {n:>9,d} docs  {rate:9.0f} docs/s  "
              f"peak RSS {rss:6.0f} MB  {stories:,d} stories  ({rate / base:.1f}x baseline)")
        sys.stdout.flush()
    rate, found = bench_neardup(args.neardup)
    print(f"near-duplicate detection             {args.neardup:>9,d} docs  {rate:9.0f} docs/s  "
          f"({found:,d} near-copies found of {args.neardup - args.neardup // 3:,d} made)")
    if args.vectors:
        print(f"vectors (USE, real articles)         {args.vectors:>9,d} docs  {bench_vectors(args.vectors):9.1f} docs/s")


if __name__ == "__main__":
    main()
