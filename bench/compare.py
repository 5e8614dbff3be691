"""Compare speed: warm pairs/s with evidence and scores-only, cold CLI start, beside TF-IDF cosine.

    python bench/compare.py [--pairs 300]

Pairs: SemEval-2022 Task 8 dev pairs from ../shared/data. "Warm" means the
analyses and profiles (vectors) of both articles are cached, as they are for
stored articles; their one-off cost is reported apart. The baseline is TF-IDF
cosine over the same pairs (vectoriser fitted once, as a cached model would be).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time

from _common import REPO, SEMEVAL, SHARED, rss_mb, timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=300)
    args = parser.parse_args()

    rows = [json.loads(line) for line in (SEMEVAL / "dev.jsonl").open(encoding="utf-8")][: args.pairs]
    print(f"{len(rows)} dev pairs; start: peak RSS {rss_mb():.0f} MB")
    results: dict[str, float] = {}

    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [r["text1"] for r in rows] + [r["text2"] for r in rows]
    vectoriser = TfidfVectorizer(sublinear_tf=True).fit(texts)
    with timed("baseline: TF-IDF cosine", len(rows), results):
        for r in rows:
            m = vectoriser.transform([r["text1"], r["text2"]])
            float((m[0] @ m[1].T).toarray()[0, 0])

    import storylink
    from storylink.compare import compare
    from storylink.errors import StorylinkError
    from storylink.features import build_profile
    from storylink.train_compare import cached_encoder

    # Vectors come from the training cache (.cache/compare) when there: the one-off
    # figure below is then analysis + cache reads, not model time (e5 is ~3 texts/s).
    encoders = {"encode_e5": cached_encoder("e5"), "encode_use": cached_encoder("use")}

    start = time.perf_counter()
    cache = {}
    for r in rows:
        for key in ("text1", "text2"):
            if r[key] in cache:
                continue
            article = storylink.Article.from_text(r[key])
            try:
                analysis = storylink.analyze(article)
            except StorylinkError:
                analysis = None
            cache[r[key]] = (article, analysis, build_profile(article, analysis, **encoders))
    prep = time.perf_counter() - start
    print(f"one-off: analysis + profile of {len(cache)} articles: {prep:.1f} s = {len(cache) / prep:.1f} articles/s")

    def run(evidence: bool) -> None:
        for r in rows:
            (a1, an1, p1), (a2, an2, p2) = cache[r["text1"]], cache[r["text2"]]
            compare(a1, a2, analyses=(an1, an2), profiles=(p1, p2), evidence=evidence)

    with timed("storylink compare, scores only (warm)", len(rows), results):
        run(False)
    with timed("storylink compare, full evidence (warm)", len(rows), results):
        run(True)
    base = results["baseline: TF-IDF cosine"]
    for label in ("storylink compare, scores only (warm)", "storylink compare, full evidence (warm)"):
        print(f"  {label}: {results[label]:.0f} pairs/s = {results[label] / base:.2f}x the TF-IDF baseline")

    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    if len(seeds) >= 2:
        cold = []
        for _ in range(3):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "storylink", "compare", str(seeds[0]), str(seeds[1]), "--json"],
                           check=True, capture_output=True, cwd=REPO)
            cold.append(time.perf_counter() - t)
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import sklearn.feature_extraction.text"], check=True)
        python_start = time.perf_counter() - t
        print(f"cold CLI compare of the seeds: best {min(cold):.2f} s of 3 (python + sklearn import alone: "
              f"{python_start:.2f} s)")


if __name__ == "__main__":
    main()
