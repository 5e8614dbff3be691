"""Clustering scale: docs/s and peak RSS at growing stream sizes, vectors costed apart.

    python bench/cluster.py --sizes 10000 100000 1000000

For each size, a synthetic stream (``synth.make_vector_stream``: vectors and
entity keys around random story centres over a year) is clustered online; the
figures are the clustering alone, given vectors. Near-duplicate detection
(MinHash signature + LSH query + insert) is timed on synthetic ~1.5 kB texts, and the
cost of the vectors themselves (USE-multilingual on real articles) is reported
apart. Baseline in the same run: brute-force single pass over all open story
centroids (no candidate generation). ``--svg FILE`` draws the curves. ``--second-stage N`` also times the
clusterer with its second stage (the compare model on the best candidate
stories) on N real SemEval dev articles whose profiles are in the cache.

The machine is shared, so each rate is given by wall clock and per CPU-second
of this process (``time.process_time``); the load average is printed beside.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import random
import subprocess
import sys
import time

import numpy as np

from _common import SEMEVAL, rss_mb, semeval_texts
from synth import make_vector_stream


def bench_clustering(n: int, dim: int, *, quality: bool, window_days: float = 4.0, days: float = 365.0,
                     ann_limit: int = 50_000) -> dict[str, float]:
    """Cluster ``n`` synthetic items online; only ``Clusterer.run`` is timed (items are made in chunks)."""
    from storylink.cluster import ClusterItem, Clusterer
    from storylink.evaluate.clusters import bcubed

    clusterer = Clusterer(window_days=window_days, ann_limit=ann_limit)
    stream = make_vector_stream(n, dim=dim, days=days)
    seconds = cpu = 0.0
    closed = max_window = 0
    predicted: dict[str, str] = {}
    gold: dict[str, str] = {}
    while True:
        chunk = list(itertools.islice(stream, 20_000))
        if not chunk:
            break
        items = [ClusterItem(d["id"], d["time"], d["vector"], entities=d["entities"]) for d in chunk]
        if quality:
            gold.update((d["id"], d["story"]) for d in chunk)
        del chunk
        start, start_cpu = time.perf_counter(), time.process_time()
        assignments = list(clusterer.run(items))
        seconds += time.perf_counter() - start
        cpu += time.process_time() - start_cpu
        if quality:
            predicted.update((a.article_id, a.story_id) for a in assignments)
        max_window = max(max_window, clusterer.window_rows)
        # The store persists closed stories and drops them; here they are only counted.
        closed += len(clusterer.closed)
        clusterer.closed.clear()
    out = {"docs_s": n / seconds, "docs_cpu_s": n / cpu, "rss_mb": rss_mb(), "stories": closed + len(clusterer.stories),
           "window_rows": max_window}
    if quality:
        out |= {f"bcubed_{k}": v for k, v in bcubed({a: clusterer.resolve(s) for a, s in predicted.items()},
                                                     gold).items()}
    return out


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


def bench_neardup(n: int) -> tuple[float, float, int]:
    """Signature + LSH query + insert per text; docs/s by wall clock and per CPU-second."""
    from storylink.neardup import LSHIndex, signatures

    texts = synthetic_texts(n)
    index = LSHIndex()
    found = 0
    start, start_cpu = time.perf_counter(), time.process_time()
    for chunk in range(0, n, 500):  # signatures per ingest batch, then the online LSH step per article
        for i, sig in enumerate(signatures(texts[chunk : chunk + 500]), start=chunk):
            found += bool(index.near_duplicates(sig))
            index.add(str(i), sig)
    return n / (time.perf_counter() - start), n / (time.process_time() - start_cpu), found


def bench_second_stage(n: int) -> dict[str, float]:
    """Both stages on the first ``n`` SemEval dev articles with their profiles (from the compare cache).

    The profiles themselves are costed apart: they are the compare model's input,
    built once per article (``bench/compare.py`` times them)."""
    from storylink.cluster import Clusterer
    from storylink.evaluate.clusters import semeval_items, semeval_split

    articles, _ = semeval_split(SEMEVAL, "dev")
    items = semeval_items(articles[:n], profiles=True)
    rates = {}
    for name, second in (("both stages", True), ("first stage", False)):
        clusterer = Clusterer(second_stage=second)
        start, start_cpu = time.perf_counter(), time.process_time()
        list(clusterer.run(items))
        rates[name] = (len(items) / (time.perf_counter() - start), len(items) / (time.process_time() - start_cpu))
    return rates


def bench_vectors(n: int) -> float:
    from storylink.vectors import encode_use

    texts = [t for _, t in semeval_texts(n)]
    encode_use(texts[:2])
    start = time.perf_counter()
    for i in range(0, len(texts), 32):
        encode_use(texts[i : i + 32])
    return len(texts) / (time.perf_counter() - start)


def scale_svg(curves: list[tuple[int, dict[str, float]]], *, baseline: tuple[float, str] | None = None) -> str:
    """Two panels over stream size (log scale): clustering docs/s (with the 2,000 docs/s target and the
    brute-force baseline's rate) and peak RSS (with the 4 GB target). Plain SVG, no plotting library."""
    width, height, pad = 360, 240, 48
    sizes = [n for n, _ in curves]
    lo, hi = math.log10(min(sizes)) - 0.2, math.log10(max(sizes)) + 0.2

    def panel(x0: int, title: str, values: list[float], target: float, target_label: str,
              extra: tuple[float, str] | None = None) -> list[str]:
        top = max(values + [target] + ([extra[0]] if extra else [])) * 1.15

        def xy(n: float, v: float) -> tuple[float, float]:
            x = x0 + pad + (math.log10(n) - lo) / (hi - lo) * (width - pad - 16)
            return x, height - pad + 8 - v / top * (height - pad - 20)

        left, right = x0 + pad, x0 + width - 16
        out = [f'<text x="{x0 + width / 2}" y="16" text-anchor="middle" font-weight="bold">{title}</text>',
               f'<line x1="{left}" y1="{height - pad + 8}" x2="{right}" y2="{height - pad + 8}" stroke="#444"/>',
               f'<line x1="{left}" y1="20" x2="{left}" y2="{height - pad + 8}" stroke="#444"/>']
        for frac in (0.0, 0.5, 1.0):
            _, y = xy(sizes[0], top / 1.15 * frac)
            out.append(f'<text x="{left - 4}" y="{y + 4:.0f}" text-anchor="end" font-size="10">'
                       f'{top / 1.15 * frac:,.0f}</text>')
        for n in sizes:
            x, _ = xy(n, 0)
            out.append(f'<text x="{x:.0f}" y="{height - pad + 22}" text-anchor="middle" font-size="10">{n:,d}</text>')
        for value, label, colour in ((target, target_label, "#b22"), *([(extra[0], extra[1], "#888")] if extra else [])):
            _, y = xy(sizes[0], value)
            out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" stroke="{colour}" '
                       f'stroke-dasharray="4 3"/><text x="{right}" y="{y - 4:.1f}" text-anchor="end" '
                       f'font-size="10" fill="{colour}">{label}</text>')
        points = [xy(n, v) for n, v in zip(sizes, values)]
        out.append('<polyline fill="none" stroke="#1f5fa8" stroke-width="2" points="'
                   + " ".join(f"{x:.1f},{y:.1f}" for x, y in points) + '"/>')
        for (x, y), v in zip(points, values):
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="#1f5fa8"/>'
                       f'<text x="{x:.1f}" y="{y - 7:.1f}" text-anchor="middle" font-size="10">{v:,.0f}</text>')
        out.append(f'<text x="{x0 + width / 2}" y="{height - 6}" text-anchor="middle" font-size="11">'
                   'articles in the stream (log scale)</text>')
        return out

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{2 * width}" height="{height}" '
             'font-family="sans-serif" font-size="12" role="img">',
             '<title>storylink clustering: docs/s and peak RSS against stream size</title>']
    parts += panel(0, "clustering, given vectors (docs/s)", [r["docs_s"] for _, r in curves],
                   2000, "target 2,000/s", baseline)
    parts += panel(width, "peak RSS (MB)", [r["rss_mb"] for _, r in curves], 4096, "4 GB limit")
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--dim", type=int, default=512, help="vector dimension (USE: 512)")
    parser.add_argument("--neardup", type=int, default=50_000)
    parser.add_argument("--vectors", type=int, default=200)
    parser.add_argument("--baseline-size", type=int, default=10_000)
    parser.add_argument("--second-stage", type=int, default=0,
                        help="also time both stages on this many SemEval dev articles (profiles from the cache)")
    parser.add_argument("--days", type=float, default=365.0, help="time span of the synthetic stream")
    parser.add_argument("--window-days", type=float, default=4.0)
    parser.add_argument("--ann-limit", type=int, nargs="*", default=[50_000],
                        help="window rows above which an HNSW index serves the candidates (several: compare)")
    parser.add_argument("--svg", help="also draw docs/s and peak RSS against stream size into this SVG file")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # one size in this process (clean peak RSS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(bench_clustering(args.one, args.dim, quality=args.one <= 100_000, days=args.days,
                                          window_days=args.window_days, ann_limit=args.ann_limit[0])))
        return

    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (other work shares them)")
    if args.baseline_size:
        base = bench_baseline(args.baseline_size, args.dim)
        print(f"baseline single pass, no index       {args.baseline_size:>9,d} docs  {base:9.0f} docs/s")
    curves: list[tuple[int, dict[str, float]]] = []
    for n, limit in itertools.product(args.sizes, args.ann_limit):
        # Each size runs in a fresh process, so peak RSS is that size's own.
        out = subprocess.run([sys.executable, __file__, "--one", str(n), "--dim", str(args.dim), "--days",
                              str(args.days), "--window-days", str(args.window_days), "--ann-limit", str(limit)],
                             capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        curves.append((n, r))
        quality = f"  BCubed F1 {r['bcubed_f1']:.3f}" if "bcubed_f1" in r else ""
        mode = f"  [HNSW above {limit:,d} rows]" if len(args.ann_limit) > 1 else ""
        print(f"storylink clustering (given vectors) {n:>9,d} docs  {r['docs_s']:9.0f} docs/s "
              f"({r['docs_cpu_s']:.0f} per CPU-second)  "
              f"peak RSS {r['rss_mb']:6.0f} MB  {r['stories']:,d} stories  window <= {r['window_rows']:,d} rows"
              f"{quality}{mode}  (load {os.getloadavg()[0]:.1f})")
        sys.stdout.flush()
    if args.svg and len(args.ann_limit) == 1 and curves:
        with open(args.svg, "w", encoding="utf-8") as fh:
            fh.write(scale_svg(curves, baseline=(base, f"brute force, {args.baseline_size:,d} docs")
                               if args.baseline_size else None))
        print(f"picture: {args.svg}")
    if args.second_stage:
        for name, (rate, rate_cpu) in bench_second_stage(args.second_stage).items():
            print(f"{'storylink ' + name + ' (given profiles)':36} {args.second_stage:>9,d} docs  {rate:9.0f} docs/s "
                  f"({rate_cpu:.0f} per CPU-second)")
    if args.neardup:
        rate, rate_cpu, found = bench_neardup(args.neardup)
        print(f"near-duplicate detection             {args.neardup:>9,d} docs  {rate:9.0f} docs/s "
              f"({rate_cpu:.0f} per CPU-second)  "
              f"({found:,d} near-copies found of {args.neardup - args.neardup // 3:,d} made)")
    if args.vectors:
        print(f"vectors (USE, real articles)         {args.vectors:>9,d} docs  {bench_vectors(args.vectors):9.1f} docs/s")


if __name__ == "__main__":
    main()
