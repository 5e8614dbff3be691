"""Analyzer throughput and memory on real articles, beside a naive baseline.

    python bench/analyze.py [--n 1000]

Texts: distinct SemEval-2022 Task 8 articles from ../shared/data (German first,
then the other languages). The baseline is a plain regex sentence splitter plus a
capitalised-word "entity" finder, run in the same process on the same texts.
"""

from __future__ import annotations

import argparse
import re
import sys
import time

from _common import rss_mb, semeval_texts, timed

_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ])")
_CAP = re.compile(r"\b[A-ZÄÖÜ][a-zäöüß]+(?:\s+[A-ZÄÖÜ][a-zäöüß]+)*")


def baseline(text: str) -> tuple[int, int]:
    return len(_SENT.split(text)), len(_CAP.findall(text))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    args = parser.parse_args()

    every = semeval_texts(10**6)
    texts = ([x for x in every if x[0] == "de"] + [x for x in every if x[0] != "de"])[: args.n]
    german = [x for x in texts if x[0] == "de"]
    kb = sum(len(t) for _, t in texts) / 1024
    print(f"{len(texts)} articles ({len(german)} German), {kb:.0f} kB, mean {kb * 1024 / len(texts):.0f} chars")
    print(f"start: peak RSS {rss_mb():.0f} MB")
    results: dict[str, float] = {}

    with timed("baseline: regex sentences + capitals", len(texts), results):
        for _, text in texts:
            baseline(text)

    import storylink
    from storylink.errors import StorylinkError

    t0 = time.perf_counter()
    storylink.analyze("US-Präsident Donald Trump traf Nordkoreas Machthaber Kim Jong Un in Hanoi.")
    print(f"analyzer warm-up (model loading): {time.perf_counter() - t0:.2f} s, peak RSS {rss_mb():.0f} MB")

    failures = 0
    with timed("storylink.analyze (all layers)", len(texts), results):
        for _, text in texts:
            try:
                storylink.analyze(text)
            except StorylinkError:
                failures += 1
    de = [t for lang, t in texts if lang == "de"]
    with timed("storylink.analyze (German only)", len(de), results):
        for text in de:
            try:
                storylink.analyze(text)
            except StorylinkError:
                pass
    print(f"failures (empty/unknown language): {failures}")
    ratio = results["baseline: regex sentences + capitals"] / results["storylink.analyze (all layers)"]
    print(f"baseline is {ratio:.0f}x faster than the full analyzer; full analyzer "
          f"{results['storylink.analyze (all layers)']:.1f} articles/s")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
