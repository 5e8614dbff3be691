"""Story-view quality against hand-made gold (``tests/data/story_gold.json``).

The gold names, per story of the bundled demo corpus and the seeds, its
documents, every quote grouped into statements, the timeline in true order and
the reuse edges with their direction. The view is judged on the gold stories
themselves (their documents stored, analysed and assigned to one story), so
the figures measure the view, not the clustering:

- **statements**: gold quotes are matched to the view's quotes of the same
  document (overlap at least half of the shorter span, one to one); over the
  matched quotes, a pair is *same* when both sit in one statement. Pair
  precision and recall of the view's "same" against the gold's;
- **timeline**: gold publications and ticker entries matched to the view's
  (same document; an entry by its headline); order accuracy is the share of
  matched pairs the view orders as the gold does, day accuracy the share of
  dated gold entries on the right day;
- **reuse**: an edge is found when the view links the two documents; with a
  known gold direction it must point the same way, with an unknown one the
  view must not claim a direction. Precision, recall, F1.

``storylink`` has no command for it: the test suite pins the floors
(``tests/story/test_story_quality.py``); ``python -m storylink.evaluate.story``
prints the table.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable
from itertools import combinations
from pathlib import Path
from typing import Any

from ..config import Settings
from ..document import Article
from ..ingest import demo_articles
from ..store import open_store
from .analysis import _default_seeds, _doc_article, _prf, match_spans

__all__ = ["gold_views", "score_story_gold", "format_story_table"]


def _find(text: str, needle: str, occurrence: int = 1) -> tuple[int, int] | None:
    pos = -1
    for _ in range(occurrence):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            return None
    return pos, pos + len(needle)


def gold_views(gold: dict[str, Any], *, seeds: Path, settings: Settings | None = None
               ) -> list[tuple[dict[str, Any], dict[str, str], Any]]:
    """(gold story, {doc: article id}, StoryView) per gold story whose documents are at hand."""
    from ..analyze import analyze
    from ..story import story

    demo = {a.origin: a for a in demo_articles()}
    out = []
    with tempfile.TemporaryDirectory(prefix="storylink-story-gold-") as tmp:
        settings = (settings or Settings()).replace(db=str(Path(tmp) / "gold.db"))
        with open_store(settings) as store:
            for entry in gold["stories"]:
                articles: dict[str, Article] = {}
                for doc in entry["docs"]:
                    article = _doc_article(doc, seeds, demo)
                    if article is not None:
                        articles[doc] = article
                if len(articles) < len(entry["docs"]):
                    continue
                for article in articles.values():
                    store.put_article(article)
                    store.put_analysis(analyze(article, settings=settings))
                first = next(iter(articles.values())).id
                store.put_assignments([{"article_id": a.id, "story_id": f"s:{first}", "new_story": a.id == first,
                                        "probability": 1.0, "duplicate_of": None, "merged": []}
                                       for a in articles.values()])
                view = story(f"s:{first}", store=store, settings=settings)
                out.append((entry, {doc: a.id for doc, a in articles.items()}, view))
    return out


def _statement_pairs(entry: dict[str, Any], ids: dict[str, str], view: Any, texts: dict[str, str]
                     ) -> tuple[int, int, int, int, int]:
    """(tp, fp, fn, gold quotes, matched quotes) of same-statement pairs."""
    gold_quotes: list[tuple[str, tuple[int, int], int]] = []
    for n, statement in enumerate(entry["statements"]):
        for q in statement["quotes"]:
            span = _find(texts[ids[q["doc"]]], q["text"], q.get("occurrence", 1))
            if span is not None:
                gold_quotes.append((ids[q["doc"]], span, n))
    view_quotes = [(q.article_id, (q.start, q.end), st.id) for sp in view.quotes for st in sp.statements
                   for q in st.quotes]
    matched: dict[int, str] = {}
    for article_id in {g[0] for g in gold_quotes}:
        gi = [k for k, g in enumerate(gold_quotes) if g[0] == article_id]
        pi = [k for k, p in enumerate(view_quotes) if p[0] == article_id]
        for a, b in match_spans([gold_quotes[k][1] for k in gi], [view_quotes[k][1] for k in pi], min_ratio=0.5):
            matched[gi[a]] = view_quotes[pi[b]][2]
    tp = fp = fn = 0
    for i, j in combinations(sorted(matched), 2):
        gold_same = gold_quotes[i][2] == gold_quotes[j][2]
        view_same = matched[i] == matched[j]
        tp += gold_same and view_same
        fp += view_same and not gold_same
        fn += gold_same and not view_same
    return tp, fp, fn, len(gold_quotes), len(matched)


def _timeline(entry: dict[str, Any], ids: dict[str, str], view: Any) -> tuple[int, int, int, int, int]:
    """(ordered pairs right, pairs, entries on the right day, dated entries, matched items)."""
    position: list[int] = []
    day_right = dated = 0
    for g in entry["timeline"]:
        article_id = ids[g["doc"]]
        found = None
        for k, item in enumerate(view.timeline):
            if item.article_id != article_id or item.kind != g["item"]:
                continue
            if g["item"] == "entry" and " ".join(g["headline"].split()) not in " ".join(item.text.split()):
                continue
            found = k
            break
        if found is None:
            continue
        position.append(found)
        if g["item"] == "entry" and g.get("time"):
            dated += 1
            day_right += (view.timeline[found].time or "")[:10] == g["time"][:10]
    pairs = list(combinations(range(len(position)), 2))
    right = sum(1 for a, b in pairs if position[a] < position[b])
    return right, len(pairs), day_right, dated, len(position)


def _reuse(entry: dict[str, Any], ids: dict[str, str], view: Any) -> tuple[int, int, int]:
    found = {(e.source, e.target): e for e in view.reuse}
    tp = 0
    for g in entry["reuse"]:
        s, t = ids[g["source"]], ids[g["target"]]
        edge = found.get((s, t)) or found.get((t, s))
        if edge is None:
            continue
        if g["direction_known"]:
            tp += edge.direction is not None and (edge.source, edge.target) == (s, t)
        else:
            tp += edge.direction is None
    return tp, len(view.reuse) - tp, len(entry["reuse"]) - tp


def score_story_gold(gold_path: str | Path, *, seeds: Path | None = None) -> dict[str, Any]:
    """Statement pair P/R/F1, timeline order and day accuracy, reuse-edge P/R/F1, per story and overall."""
    gold_path = Path(gold_path)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    seeds = seeds or _default_seeds(gold_path)
    rows: list[dict[str, Any]] = []
    totals = {"st": [0, 0, 0, 0, 0], "tl": [0, 0, 0, 0, 0], "re": [0, 0, 0]}
    for entry, ids, view in gold_views(gold, seeds=seeds):
        texts = _texts(entry, seeds)
        st = _statement_pairs(entry, ids, view, texts)
        tl = _timeline(entry, ids, view)
        re_ = _reuse(entry, ids, view)
        for key, values in (("st", st), ("tl", tl), ("re", re_)):
            totals[key] = [a + b for a, b in zip(totals[key], values)]
        rows.append(_row(entry["story"], st, tl, re_))
    rows.append(_row("all", tuple(totals["st"]), tuple(totals["tl"]), tuple(totals["re"])))
    return {"stories": rows}


def _texts(entry: dict[str, Any], seeds: Path) -> dict[str, str]:
    demo = {a.origin: a for a in demo_articles()}
    out = {}
    for doc in entry["docs"]:
        article = _doc_article(doc, seeds, demo)
        if article is not None:
            out[article.id] = article.text
    return out


def _row(name: str, st: Iterable[int], tl: Iterable[int], re_: Iterable[int]) -> dict[str, Any]:
    tp, fp, fn, quotes, matched = st
    right, pairs, day_right, dated, items = tl
    rtp, rfp, rfn = re_
    # No pair or edge on either side: nothing to score (None), not a score of 0.
    statements = _prf(tp, fp, fn) if tp + fp + fn else dict.fromkeys(("precision", "recall", "f1"))
    reuse = _prf(rtp, rfp, rfn) if rtp + rfp + rfn else dict.fromkeys(("precision", "recall", "f1"))
    return {
        "story": name,
        "statement_precision": statements["precision"], "statement_recall": statements["recall"],
        "statement_f1": statements["f1"], "quotes_matched": matched, "quotes": quotes,
        "timeline_order": round(right / pairs, 4) if pairs else None,
        "timeline_day": round(day_right / dated, 4) if dated else None, "timeline_items": items,
        "reuse_precision": reuse["precision"], "reuse_recall": reuse["recall"], "reuse_f1": reuse["f1"],
    }


def format_story_table(scores: dict[str, Any]) -> str:
    cols = ("statement_precision", "statement_recall", "statement_f1", "timeline_order", "timeline_day",
            "reuse_precision", "reuse_recall", "reuse_f1")
    short = ("st.P", "st.R", "st.F1", "order", "day", "re.P", "re.R", "re.F1")
    lines = [f"{'story':<28}" + "".join(f"{c:>8}" for c in short) + "  quotes matched"]
    for row in scores["stories"]:
        cells = "".join(f"{row[c]:>8.3f}" if isinstance(row[c], float) else f"{'–':>8}" for c in cols)
        lines.append(f"{row['story']:<28}{cells}  {row['quotes_matched']}/{row['quotes']}")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    print(format_story_table(score_story_gold(Path(__file__).resolve().parents[3] / "tests/data/story_gold.json")))
