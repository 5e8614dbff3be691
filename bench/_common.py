"""Shared helpers for the benchmarks (outside the package on purpose)."""

from __future__ import annotations

import json
import resource
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEMEVAL = SHARED / "data" / "semeval2022-task8"


def rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def semeval_texts(limit: int, *, languages: tuple[str, ...] | None = None) -> list[tuple[str, str]]:
    """(language, text) of distinct SemEval articles, train then dev, in file order."""
    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    for name in ("train.jsonl", "dev.jsonl"):
        path = SEMEVAL / name
        if not path.exists():
            raise SystemExit(f"{path} not found: the benchmarks read ../shared/data")
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                for lang, text in ((row["lang1"], row["text1"]), (row["lang2"], row["text2"])):
                    if text in seen or (languages and lang not in languages):
                        continue
                    seen.add(text)
                    out.append((lang, text))
                    if len(out) >= limit:
                        return out
    return out


@contextmanager
def timed(label: str, n: int, results: dict[str, float]) -> Iterator[None]:
    start = time.perf_counter()
    yield
    seconds = time.perf_counter() - start
    results[label] = n / seconds if seconds else float("inf")
    print(f"{label:40} {n:6d} items in {seconds:7.2f} s = {results[label]:9.1f}/s   peak RSS {rss_mb():7.0f} MB")
