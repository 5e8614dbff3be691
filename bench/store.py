"""Store throughput and latency: SQLite (the baseline) and PostgreSQL in the same run.

    python bench/store.py                      # 10,000 articles; listing at 10k and 100k
    python bench/store.py --n 2000 --listing 10000 --pg postgresql://me@127.0.0.1/bench

For each backend, on the same synthetic stream (short texts in stories, one per
minute, ``synth.synthetic_stream``):

* ingest: ``put_article`` per article, one transaction each, as ``storylink ingest`` does;
* vectors: writing the clustering vectors and signatures (computed once, beforehand,
  and reported apart: they cost the same on both backends);
* cluster: ``cluster_store`` without profiles and without analysing (the ``--no-profiles``
  path; store reads, the online clusterer and the assignment commits);
* listing: ``list_stories`` wall time over 10k and 100k stored, assigned articles.

Without ``--pg`` a throwaway PostgreSQL server is started like the tests do (``tests/pg.py``).
Rates are wall clock; the machine may be shared, so the load average is printed beside.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from _common import REPO, rss_mb

sys.path.insert(0, str(REPO / "tests"))

from storylink.config import Settings  # noqa: E402
from storylink.document import Article  # noqa: E402
from storylink.store import Store, open_store  # noqa: E402


def synthetic_stream(n: int, *, seed: int = 5, size: int = 5) -> tuple[list[Article], dict[str, dict]]:
    """``n`` short articles in stories of about ``size``, one per minute, with their clustering arrays:
    a 512-d vector drawn around the story's centre (as ``synth.make_vector_stream`` does; real USE
    vectors would cost minutes and the same on both backends) and the text's MinHash signature."""
    from storylink.neardup import signatures

    rng = random.Random(seed)
    nrng = np.random.default_rng(seed)
    vocab = [f"wort{i}" for i in range(5000)]
    n_stories = max(1, n // size)
    texts = [" ".join(rng.choices(vocab, k=60)) for _ in range(n_stories)]
    centres = nrng.standard_normal((n_stories, 512)).astype(np.float32)
    articles, story_of = [], []
    for i in range(n):
        story = rng.randrange(max(0, i // size - 3), min(n_stories, i // size + 1))
        words = texts[story].split()
        for _ in range(8):
            words[rng.randrange(len(words))] = rng.choice(vocab)
        articles.append(Article(id=f"b{i:06d}", text=" ".join(words),
                                published=f"2021-{1 + i // 40320 % 12:02d}-{1 + i // 1440 % 28:02d}T"
                                          f"{i // 60 % 24:02d}:{i % 60:02d}:00Z"))
        story_of.append(story)
    vectors = centres[story_of] / np.sqrt(512) + 0.35 * nrng.standard_normal((n, 512)).astype(np.float32) / np.sqrt(512)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    arrays = {}
    for i in range(0, n, 1000):
        chunk = articles[i : i + 1000]
        for j, (a, sig) in enumerate(zip(chunk, signatures([a.text for a in chunk])), start=i):
            arrays[a.id] = {"use": vectors[j].astype(np.float32), "minhash": sig.values,
                            "shingles": np.array([sig.size])}
    return articles, arrays


def bench_backend(name: str, db: str, articles: list[Article], arrays: dict) -> dict[str, float]:
    from storylink.stories import DOC_VECTOR_MODEL, cluster_store, list_stories

    out: dict[str, float] = {}
    with open_store(Settings(db=db)) as store:
        start = time.perf_counter()
        for a in articles:
            store.put_article(a)
        out["ingest_docs_s"] = len(articles) / (time.perf_counter() - start)
        start = time.perf_counter()
        for a in articles:
            store.put_arrays(a.id, DOC_VECTOR_MODEL, arrays[a.id])
        out["vector_writes_s"] = len(articles) / (time.perf_counter() - start)
        start = time.perf_counter()
        counts = cluster_store(store, settings=Settings(db=db), profiles=False, analyze_missing=False)
        out["cluster_docs_s"] = counts["assigned"] / (time.perf_counter() - start)
        start = time.perf_counter()
        stories = list_stories(store)
        out[f"listing_{len(articles) // 1000}k_s"] = time.perf_counter() - start
        out["stories"] = len(stories)
    print(f"  {name}: done", flush=True)
    return out


def fill(store: Store, n: int, *, size: int = 5) -> None:
    """``n`` articles with assignments in stories of ``size`` (no vectors): the listing's input."""
    batch = 2000
    for start in range(0, n, batch):
        chunk = [Article(id=f"l{i:07d}", text=f"Bericht {i} über die Lage, Folge {i // size}.",
                         source=f"Agentur {i % 7}", published=f"2022-01-01T00:{i // 60 % 60:02d}:{i % 60:02d}Z")
                 for i in range(start, min(n, start + batch))]
        store.put_articles(chunk)
        store.put_assignments([{"article_id": a.id, "story_id": f"s:l{(int(a.id[1:]) // size) * size:07d}",
                                "new_story": int(a.id[1:]) % size == 0} for a in chunk])


def bench_listing(db: str, n: int) -> float:
    from storylink.stories import list_stories

    with open_store(Settings(db=db)) as store:
        fill(store, n)
        start = time.perf_counter()
        stories = list_stories(store)
        seconds = time.perf_counter() - start
    assert len(stories) == n // 5
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="articles to ingest and cluster")
    parser.add_argument("--listing", type=int, nargs="*", default=[10_000, 100_000],
                        help="stored articles at which to time the story listing")
    parser.add_argument("--pg", help="a postgresql:// URL of an empty database (default: a throwaway server)")
    args = parser.parse_args()

    server = None
    if args.pg:
        pg_db = lambda: args.pg  # noqa: E731 - one database, reused: each use starts from an empty store
    else:
        from pg import start_server

        server = start_server()
        pg_db = lambda: server.url(server.create_database())  # noqa: E731
    tmp = Path(tempfile.mkdtemp(prefix="storylink-bench-"))
    try:
        articles, arrays = synthetic_stream(args.n)
        print(f"{args.n} synthetic articles in stories of about 5, vectors and signatures made beforehand "
              f"(the same on both backends); load average {os.getloadavg()[0]:.1f}")
        # Imports and first-call costs (the clusterer's index, numpy paths) before anything is timed.
        bench_backend("warm-up", str(tmp / "warm.db"), articles[:200], arrays)
        rows = {"sqlite": bench_backend("sqlite", str(tmp / "bench.db"), articles, arrays)}
        if args.pg:
            _clear(args.pg)
        rows["postgresql"] = bench_backend("postgresql", pg_db(), articles, arrays)
        if rows["sqlite"]["stories"] != rows["postgresql"]["stories"]:
            print(f"  WARNING: stories differ ({rows['sqlite']['stories']} vs {rows['postgresql']['stories']})")
        keys = [k for k in rows["sqlite"] if k != "stories"]
        for n in args.listing:
            rows["sqlite"][f"list_{n // 1000}k_stored_s"] = bench_listing(str(tmp / f"list{n}.db"), n)
            if args.pg:
                _clear(args.pg)
            rows["postgresql"][f"list_{n // 1000}k_stored_s"] = bench_listing(pg_db(), n)
            keys.append(f"list_{n // 1000}k_stored_s")
        print(f"\n{'figure':<24}{'sqlite':>14}{'postgresql':>14}{'pg / sqlite':>14}")
        for key in keys:
            s, p = rows["sqlite"][key], rows["postgresql"][key]
            print(f"{key:<24}{s:>14,.2f}{p:>14,.2f}{p / s:>14.2f}")
        print(f"stories: {rows['sqlite']['stories']} on both; peak RSS {rss_mb():,.0f} MB; "
              f"load average {os.getloadavg()[0]:.1f}")
        print("(*_s rates: docs per second, higher is better; list_* and listing_*: seconds, lower is better)")
    finally:
        if server is not None:
            server.close()
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)


def _clear(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")


if __name__ == "__main__":
    main()
