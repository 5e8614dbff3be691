"""The Spark job against the single-machine path on SemEval-2022 Task 8 (issue 18, item 3).

The split's distinct articles are one stream in file order, one second apart
(as ``evaluate.clusters.evaluate_semeval_stream`` builds it), written once as
JSONL; then the same file goes through

- the single machine: ``ingest`` into SQLite and ``cluster_store`` (what ``storylink cluster`` runs);
- Spark: ``run_job`` into Parquet, read back through ``ParquetStore``.

Both analyse and embed the texts themselves (neither reuses the other's work),
so the comparison covers the whole job, not only the assembly.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import Settings

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

__all__ = ["semeval_agreement", "write_semeval_stream"]

START = 1.7e9  # epoch seconds of the first article; SemEval texts carry no dates usable here


def write_semeval_stream(articles: list[Any], path: Path) -> Path:
    """``articles`` (``SemevalArticle``) as an ingest JSONL, file order, one second apart."""
    with Path(path).open("w", encoding="utf-8") as fh:
        for i, a in enumerate(articles):
            fh.write(json.dumps({"id": a.id, "text": a.text, "language": a.language, "published": START + i},
                                ensure_ascii=False) + "\n")
    return Path(path)


def _labels(stories: Any) -> dict[str, str]:
    return {a: s.id for s in stories for a in s.articles}


def _duplicates(store: Any) -> set[tuple[str, str]]:
    return {(r["article_id"], r["duplicate_of"]) for r in store.assignments() if r["duplicate_of"]}


def semeval_agreement(data_dir: Path, workdir: Path, *, split: str = "dev", limit: int | None = None,
                      profiles: bool = False, spark: "SparkSession | None" = None, master: str | None = None,
                      bucket_days: float | None = None) -> dict[str, Any]:
    """Run both paths on the split as one stream; agreement and quality of each.

    Returns ``articles``, ``agreement_bcubed`` (BCubed P/R/F1 of the Spark stories against the
    single machine's), ``duplicates_equal`` with both duplicate counts, ``single``/``spark``
    (pairwise P/R/F1 on the labelled pairs as ``storylink eval clusters`` prints them, and the
    story count) and the seconds of each path. ``limit`` keeps the articles of the first
    ``limit`` pairs (a quick test)."""
    from ..evaluate.clusters import bcubed, labelled_pairs, pairwise, semeval_split
    from ..ingest import ingest
    from ..store import SQLiteStore
    from ..stories import cluster_store, list_stories
    from .job import run_job
    from .parquet import ParquetStore

    articles, pairs = semeval_split(Path(data_dir), split)
    if limit is not None:
        pairs = pairs[:limit]
        wanted = {x for a, b, _ in pairs for x in (a, b)}
        articles = [a for a in articles if a.id in wanted]
    gold = labelled_pairs(pairs)
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    stream = write_semeval_stream(articles, workdir / f"semeval-{split}.jsonl")
    db, out = workdir / "single.db", workdir / "spark-out"

    settings = Settings(db=str(db), story_profiles=profiles)
    start = time.perf_counter()
    with SQLiteStore(db) as store:
        ingest([stream], store, settings=settings)
        cluster_store(store, settings=settings, profiles=profiles)
        single, single_dups = _labels(list_stories(store)), _duplicates(store)
    single_s = time.perf_counter() - start

    start = time.perf_counter()
    result = run_job([stream], out, spark=spark, master=master, settings=Settings(story_profiles=profiles),
                     profiles=profiles, bucket_days=bucket_days)
    with ParquetStore(out) as store:
        ours, ours_dups = _labels(list_stories(store)), _duplicates(store)
    spark_s = time.perf_counter() - start

    def quality(labels: dict[str, str]) -> dict[str, Any]:
        return pairwise(labels, gold) | {"stories": len(set(labels.values()))}

    return {
        "split": split, "articles": len(articles), "labelled_pairs": len(gold), "profiles": profiles,
        "buckets": result.buckets, "spark_errors": result.errors,
        "agreement_bcubed": bcubed(ours, single),
        "duplicates_equal": ours_dups == single_dups,
        "duplicates": {"single": len(single_dups), "spark": len(ours_dups),
                       "only_single": sorted(single_dups - ours_dups)[:10],
                       "only_spark": sorted(ours_dups - single_dups)[:10]},
        "single": quality(single), "spark": quality(ours),
        "seconds": {"single": round(single_s, 1), "spark": round(spark_s, 1)},
    }
