"""Story-view build time against story size, beside listing the story's members alone.

    python bench/story.py [--sizes 10 100 1000]

A story of N members is N distinct SemEval-2022 Task 8 articles from
../shared/data, stored with their analyses (made once, before timing: the view
never analyses a stored article) and assigned to one story. Per size: the
*cold* view (the first one: sentence and quote vectors encoded once and
stored), the *warm* view (everything stored), and the baseline in the same
run: reading the story's assignments and member articles, what listing it
costs. Growth must be near-linear: the view has no all-pairs step over members
(reuse pairs come from a shingle index capped at ``reuse.MAX_PARTNERS`` partners
per member, statements compare at most ``statements.MAX_QUOTES_PER_SPEAKER``
quotes of one speaker, the summary ``summary.POOL`` candidates against all
sentences).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from _common import rss_mb, semeval_texts


def build_store(db: str, texts: list[str]):
    from storylink.analyze import analyze
    from storylink.config import Settings
    from storylink.document import Article
    from storylink.store import open_store

    settings = Settings(db=db)
    store = open_store(settings)
    articles = [Article.from_text(t, published=f"2021-03-{1 + k % 28:02d}T{k % 24:02d}:00") for k, t in
                enumerate(texts)]
    for a in articles:
        store.put_article(a)
        try:
            store.put_analysis(analyze(a, settings=settings))
        except Exception:  # an unsupported language stays without analysis, as in a real store
            pass
    first = articles[0].id
    store.put_assignments([{"article_id": a.id, "story_id": f"s:{first}", "new_story": a.id == first,
                            "probability": 1.0, "merged": []} for a in articles])
    return store, settings, f"s:{first}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import storylink

    texts = [t for _, t in semeval_texts(max(args.sizes))]
    print(f"{'members':>8} {'list (s)':>9} {'cold (s)':>9} {'warm (s)':>9} {'warm/list':>10} "
          f"{'warm ms/member':>15} {'peak RSS MB':>12}")
    rows = []
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            store, settings, story_id = build_store(str(Path(tmp) / "b.db"), texts[:n])
            start = time.perf_counter()
            storylink.story(story_id, store=store, settings=settings)
            cold = time.perf_counter() - start
            warm_runs, list_runs = [], []
            for _ in range(args.repeat):
                start = time.perf_counter()
                rows_ = store.story_assignments([story_id])
                store.get_articles([r["article_id"] for r in rows_])
                list_runs.append(time.perf_counter() - start)
                start = time.perf_counter()
                view = storylink.story(story_id, store=store, settings=settings)
                warm_runs.append(time.perf_counter() - start)
            assert view.size == n
            listed, warm = statistics.median(list_runs), statistics.median(warm_runs)
            rows.append((n, warm))
            print(f"{n:8d} {listed:9.3f} {cold:9.2f} {warm:9.3f} {warm / listed:10.1f} {1000 * warm / n:15.2f} "
                  f"{rss_mb():12.0f}")
            store.close()
    if len(rows) > 1:
        (n0, t0), (n1, t1) = rows[0], rows[-1]
        print(f"growth {n0}->{n1} members: time x{t1 / t0:.1f} for size x{n1 / n0:.0f} "
              "(linear would be equal; below it, fixed costs dominate small stories)")


if __name__ == "__main__":
    main()
