"""Clustering quality: pairwise and BCubed precision/recall/F1, ARI, and baselines.

Baselines run on the same stream in the same process:

- ``tfidf``: single-pass clustering with TF-IDF cosine to each story's
  centroid and a threshold tuned on the stream itself (an upper bound for
  that method, as in Miranda et al. 2018);
- ``minhash``: near-duplicate links only (MinHash LSH), every other article
  opens its own story.

On SemEval (task a) storylink runs with compare-model profiles (both stages)
and, beside it, on vectors and entity keys alone (first stage only); the
synthetic stream (task b) has no profiles (its derived texts would each need
e5 vectors), so it measures the first stage.

    >>> bcubed({"a": 1, "b": 1, "c": 2}, {"a": "x", "b": "x", "c": "x"})["precision"]
    1.0
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import os
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from .bootstrap import percentile_interval, resampled_sums

if TYPE_CHECKING:
    from ..cluster import Assignment, ClusterItem, Clusterer
    from ..features import Profile

__all__ = [
    "pairwise",
    "bcubed",
    "ari",
    "tfidf_single_pass",
    "minhash_only",
    "format_table",
    "SemevalArticle",
    "semeval_split",
    "semeval_items",
    "labelled_pairs",
    "vectors_for",
    "entities_for",
    "profiles_for",
    "synthetic_stream",
    "synthetic_items",
    "cluster_stream",
    "evaluate_semeval_stream",
    "pair_errors",
    "pair_probabilities",
    "pair_model_rows",
    "evaluate_synthetic",
    "seeds_together",
    "pair_components",
    "bootstrap_pairwise",
    "format_ci",
    "with_ci",
    "story_pairs",
    "hard_items",
    "evaluate_hard_stream",
    "out_of_fold_rows",
    "ci_cells",
]


def _prf(tp: float, fp: float, fn: float) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def pairwise(predicted: Mapping[str, Hashable], pairs: Sequence[tuple[str, str, bool]]) -> dict[str, float]:
    """P/R/F1 of "in the same story" over labelled pairs ``(a, b, same)``."""
    tp = fp = fn = tn = 0
    for a, b, same in pairs:
        if a not in predicted or b not in predicted:
            continue
        together = predicted[a] == predicted[b]
        tp += together and same
        fp += together and not same
        fn += (not together) and same
        tn += (not together) and not same
    return _prf(tp, fp, fn) | {"pairs": tp + fp + fn + tn}


def bcubed(predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> dict[str, float]:
    """BCubed precision/recall/F1 (Bagga & Baldwin) over the items of ``gold``."""
    by_pred: dict[Hashable, set[str]] = defaultdict(set)
    by_gold: dict[Hashable, set[str]] = defaultdict(set)
    items = [i for i in gold if i in predicted]
    for i in items:
        by_pred[predicted[i]].add(i)
        by_gold[gold[i]].add(i)
    p = r = 0.0
    for i in items:
        pc, gc = by_pred[predicted[i]], by_gold[gold[i]]
        inter = len(pc & gc)
        p += inter / len(pc)
        r += inter / len(gc)
    n = len(items) or 1
    p, r = p / n, r / n
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def ari(predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> float:
    from sklearn.metrics import adjusted_rand_score

    items = [i for i in gold if i in predicted]
    return float(adjusted_rand_score([str(gold[i]) for i in items], [str(predicted[i]) for i in items]))


def tfidf_single_pass(ids: Sequence[str], texts: Sequence[str], threshold: float) -> dict[str, int]:
    """Single-pass clustering: join the story with the most similar TF-IDF centroid above ``threshold``.

    A centroid is the sum of its members, so its dot product with an article is
    a sum of Gram-matrix entries: one sparse product up front, then O(stories)
    per article instead of a dense centroid matrix over the whole vocabulary."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    if not texts:
        return {}
    x = TfidfVectorizer(sublinear_tf=True, min_df=1).fit_transform(texts)
    gram = (x @ x.T).toarray()
    cluster = np.full(len(ids), -1, dtype=np.int64)
    norm2: list[float] = []
    out: dict[str, int] = {}
    for i, aid in enumerate(ids):
        best = -1
        if norm2:
            dots = np.bincount(cluster[:i], weights=gram[:i, i], minlength=len(norm2))
            sims = dots / np.maximum(np.sqrt(norm2) * math.sqrt(gram[i, i] or 1.0), 1e-9)
            j = int(np.argmax(sims))
            if sims[j] >= threshold:
                best = j
                norm2[j] += 2 * dots[j] + gram[i, i]
        if best < 0:
            norm2.append(float(gram[i, i]))
            best = len(norm2) - 1
        cluster[i] = best
        out[aid] = best
    return out


def minhash_only(ids: Sequence[str], texts: Sequence[str]) -> dict[str, str]:
    """Stories made of near-duplicate links only."""
    from ..neardup import LSHIndex, signature

    index = LSHIndex()
    story: dict[str, str] = {}
    for aid, text in zip(ids, texts):
        sig = signature(text)
        dups = index.near_duplicates(sig)
        story[aid] = story[dups[0][0]] if dups else aid
        index.add(aid, sig)
    return story


def format_table(rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> str:
    """A plain aligned text table (``rows`` are dicts with a ``method`` key)."""
    head = ["method", *columns]
    body = [[str(r.get("method", ""))] + [f"{r[c]:.3f}" if isinstance(r.get(c), float) else str(r.get(c, ""))
                                          for c in columns] for r in rows]
    widths = [max(len(x) for x in col) for col in zip(head, *body)]
    line = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths))  # noqa: E731
    return "\n".join([line(head), line(["-" * w for w in widths]), *map(line, body)])


# -- SemEval-2022 Task 8 as a stream -----------------------------------------------------------

SAME_MAX, DIFFERENT_MIN = 1.5, 3.0  # Overall score bounds of "same story" / "different story"


@dataclass(frozen=True, slots=True)
class SemevalArticle:
    id: str  # one half of a pair_id (machine-translated copies carry a language suffix)
    language: str
    text: str


def semeval_split(data_dir: Path, split: str, *, machine_translated: bool = True,
                  ) -> tuple[list[SemevalArticle], list[tuple[str, str, float]]]:
    """Distinct articles of ``<split>.jsonl`` in file order, and its pairs ``(a, b, Overall)``.

    ``machine_translated=False`` leaves out the pairs the task organisers made by translation."""
    path = Path(data_dir) / f"{split}.jsonl"
    if not path.exists():
        from ..errors import MissingInput

        raise MissingInput(f"SemEval split {split!r} not found; expected {path}", source=str(path))
    articles: dict[str, SemevalArticle] = {}
    pairs: list[tuple[str, str, float]] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if not machine_translated and row.get("machine_translated"):
                continue
            a, b = row["pair_id"].split("_")
            articles.setdefault(a, SemevalArticle(a, row["lang1"], row["text1"]))
            articles.setdefault(b, SemevalArticle(b, row["lang2"], row["text2"]))
            pairs.append((a, b, float(row["scores"]["Overall"])))
    return list(articles.values()), pairs


def labelled_pairs(pairs: Iterable[tuple[str, str, float]]) -> list[tuple[str, str, bool]]:
    """``(a, b, same)`` for the clear pairs only (Overall <= 1.5 or >= 3.0)."""
    return [(a, b, o <= SAME_MAX) for a, b, o in pairs if o <= SAME_MAX or o >= DIFFERENT_MIN]


def _cache_dir() -> Path:
    env = os.environ.get("STORYLINK_CACHE")
    return Path(env) if env else Path(__file__).resolve().parents[3] / ".cache"


def _text_key(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def vectors_for(articles: Sequence[SemevalArticle], *, cache: Path | None = None) -> np.ndarray:
    """USE vectors of what clustering embeds in the product (``stories.vector_text``), cached by text hash."""
    from ..document import Article
    from ..stories import vector_text

    cache = cache or _cache_dir()
    texts = [vector_text(Article(id=a.id, text=a.text, language=a.language)) for a in articles]
    # Derived texts (trimmed, reordered copies) make an id-keyed cache useless; the hash finds repeats.
    path = cache / "cluster_use.npz"
    known: dict[str, np.ndarray] = {}
    if path.exists():
        with np.load(path) as stored:
            known = dict(zip(stored["keys"].tolist(), stored["vectors"]))
    missing = {key: text for key, text in ((_text_key(t), t) for t in texts) if key not in known}
    if missing:
        from ..vectors import encode_use

        keys = list(missing)
        for start in range(0, len(keys), 32):
            chunk = keys[start : start + 32]
            known.update(zip(chunk, encode_use([missing[k] for k in chunk])))
        cache.mkdir(parents=True, exist_ok=True)
        np.savez(path, keys=np.array(list(known)), vectors=np.stack(list(known.values())))
    if not texts:
        return np.zeros((0, 512), dtype=np.float32)
    return np.stack([known[_text_key(t)] for t in texts]).astype(np.float32)


def entities_for(articles: Sequence[SemevalArticle], *, cache: Path | None = None) -> list["Any"]:
    """``Analysis`` per article, from the compare model's analysis cache (``.cache/compare``).

    Sharing that cache means a text analysed for a comparison is not analysed
    again for clustering. Where analysis fails the article keeps its labelled
    language and clusters without entity keys."""
    from ..document import Analysis, Article
    from ..train_compare import _key, cached_analyses

    cache = cache or _cache_dir()
    found = cached_analyses([Article(id=_key(a.text), text=a.text, language=a.language) for a in articles],
                            cache / "compare")
    return [an if an is not None else Analysis(a.id, "none", a.language, 0.0, len(a.text))
            for a, an in zip(articles, found)]


def profiles_for(articles: Sequence[SemevalArticle], *, cache: Path | None = None) -> list["Profile"]:
    """Compare-model profiles of ``articles``, vectors from the compare cache (``.cache/compare``).

    The same cache serves ``train_compare`` and ``storylink eval semeval``, so
    texts they embedded cost nothing here."""
    from ..train_compare import _key
    from ..train_compare import profiles_for as compare_profiles_for

    cache = cache or _cache_dir()
    texts = [{"text1": a.text, "lang1": a.language, "text2": a.text, "lang2": a.language} for a in articles]
    found = compare_profiles_for(texts, cache / "compare")
    return [found[_key(a.text)] for a in articles]


def semeval_items(articles: Sequence[SemevalArticle], times: Sequence[float] | None = None, *,
                  cache: Path | None = None, profiles: bool = False) -> list["ClusterItem"]:
    """Cluster items of ``articles`` (times default to file order, one second apart).

    ``profiles`` attaches compare-model profiles, which turns on the second stage."""
    import dataclasses

    from ..cluster import item_from

    vectors = vectors_for(articles, cache=cache)
    analyses = entities_for(articles, cache=cache)
    times = times if times is not None else [float(i) for i in range(len(articles))]
    items = [item_from(a.id, t, a.text, an, v) for a, t, an, v in zip(articles, times, analyses, vectors)]
    if profiles:
        items = [dataclasses.replace(item, profile=p) for item, p in zip(items, profiles_for(articles, cache=cache))]
    return items


def cluster_stream(items: Iterable["ClusterItem"], clusterer: "Clusterer | None" = None
                   ) -> tuple[dict[str, str], list["Assignment"]]:
    """Run a clusterer over ``items``; final story id per article (merges resolved)."""
    from ..cluster import Clusterer

    clusterer = clusterer or Clusterer()
    assignments = list(clusterer.run(items))
    return clusterer.labels(assignments), assignments


def _tuned_tfidf(ids: Sequence[str], texts: Sequence[str], score: Any) -> tuple[dict[str, int], float]:
    """TF-IDF single pass at the threshold that scores best on this stream (an upper bound)."""
    best: tuple[float, dict[str, int], float] = (-1.0, {}, 0.0)
    for threshold in (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6):
        labels = tfidf_single_pass(ids, texts, threshold)
        value = score(labels)
        if value > best[0]:
            best = (value, labels, threshold)
    return best[1], best[2]


def evaluate_semeval_stream(data_dir: Path, *, split: str = "dev", limit: int | None = None,
                            machine_translated: bool = True, cache: Path | None = None) -> list[dict[str, Any]]:
    """Task (a): all articles of a split as one stream (file order, no dates).

    Pairwise P/R/F1 of "same story" over the split's clear pairs, for storylink
    (both stages, and the first stage alone: vectors and entity keys only; each
    with bootstrap intervals, ``ci_precision`` etc., see ``bootstrap_pairwise``) and
    both baselines (TF-IDF threshold tuned on this very stream). ``limit`` keeps
    the articles of the first ``limit`` pairs (a quick test);
    ``machine_translated=False`` keeps only the original pairs."""
    from ..cluster import Clusterer

    articles, pairs = semeval_split(data_dir, split, machine_translated=machine_translated)
    if limit is not None:
        pairs = pairs[:limit]
        wanted = {x for a, b, _ in pairs for x in (a, b)}
        articles = [a for a in articles if a.id in wanted]
    gold = labelled_pairs(pairs)
    ids, texts = [a.id for a in articles], [a.text for a in articles]
    items = semeval_items(articles, cache=cache, profiles=True)
    ours, _ = cluster_stream(items)
    first, _ = cluster_stream(items, Clusterer(second_stage=False))
    tfidf, threshold = _tuned_tfidf(ids, texts, lambda labels: pairwise(labels, gold)["f1"])
    minhash = minhash_only(ids, texts)
    verdicts = pair_probabilities(gold, items)
    return [
        with_ci({"method": "storylink"} | pairwise(ours, gold) | {"stories": len(set(ours.values()))}
                | {"errors": pair_errors(ours, gold, articles, pairs, verdicts)}, ours, gold),
        with_ci({"method": "storylink, first stage only"} | pairwise(first, gold)
                | {"stories": len(set(first.values()))}, first, gold),
        {"method": f"tfidf single pass (t={threshold})"} | pairwise(tfidf, gold)
        | {"stories": len(set(tfidf.values()))},
        {"method": "minhash only"} | pairwise(minhash, gold) | {"stories": len(set(minhash.values()))},
        *pair_model_rows(gold, verdicts),
    ]


def pair_probabilities(gold: Sequence[tuple[str, str, bool]], items: Sequence["ClusterItem"]
                       ) -> dict[tuple[str, str], float]:
    """The compare model's same-story probability of each labelled pair judged alone (``items`` carry profiles)."""
    from ..compare import compare_profiles

    profile = {item.id: item.profile for item in items}
    known = [(a, b) for a, b, _ in gold if a in profile and b in profile]
    _, same_story = compare_profiles([(profile[a], profile[b]) for a, b in known])
    return {pair: float(p) for pair, p in zip(known, same_story)}


def pair_model_rows(gold: Sequence[tuple[str, str, bool]], verdicts: Mapping[tuple[str, str], float]
                    ) -> list[dict[str, Any]]:
    """The compare model on the labelled pairs themselves, no stream: what the clustering's evidence allows.

    One row at the model's own cut (same-story probability > 0.5) and one at the threshold that scores
    best on these very pairs: a ceiling for any clusterer that decides by this model's verdicts (only
    transitivity, a third article linking two, can pass it). ``verdicts``: ``pair_probabilities``."""
    known = [(a, b, same) for a, b, same in gold if (a, b) in verdicts]
    p = np.array([verdicts[(a, b)] for a, b, _ in known])
    label = np.array([same for _, _, same in known], dtype=bool)

    def at(cut: float) -> dict[str, float]:
        yes = p > cut
        return _prf(int((yes & label).sum()), int((yes & ~label).sum()), int((~yes & label).sum())) | {
            "pairs": len(known)}

    best = max((float(c) for c in np.unique(p)), key=lambda c: (at(c)["f1"], -abs(c - 0.5)), default=0.5)
    return [{"method": "compare model, each pair alone (p>0.5)"} | at(0.5),
            {"method": f"  same, best cut on these pairs (p>{best:.2f})"} | at(best)]


def pair_errors(labels: Mapping[str, Hashable], gold: Sequence[tuple[str, str, bool]],
                articles: Sequence[SemevalArticle], pairs: Sequence[tuple[str, str, float]],
                verdicts: Mapping[tuple[str, str], float]) -> list[dict[str, Any]]:
    """The labelled pairs the clustering got wrong, with what decided them.

    ``joined`` errors are different stories put together, ``apart`` the same
    story kept apart; each with the human Overall score, the compare model's
    same-story probability for the pair alone (``verdicts``: ``pair_probabilities``)
    and both headlines, so that a regression can be read, not only counted."""
    wrong = [(a, b) for a, b, same in gold if a in labels and b in labels and (labels[a] == labels[b]) != same]
    by_id = {a.id: a for a in articles}
    overall = {(a, b): o for a, b, o in pairs}
    return [
        {"error": "joined" if labels[a] == labels[b] else "apart", "a": a, "b": b,
         "languages": f"{by_id[a].language}-{by_id[b].language}", "overall": round(overall[(a, b)], 2),
         "same_story": round(verdicts[(a, b)], 3), "headlines": [_headline(by_id[a].text), _headline(by_id[b].text)]}
        for a, b in wrong
    ]


def _headline(text: str) -> str:
    """The headline line, else the opening words (SemEval texts run title and body together)."""
    from ..document import headline_of

    return headline_of(text) or " ".join(text[:100].split()[:12])


def evaluate_synthetic(data_dir: Path, *, stories: int = 200, seed: int = 7, splits: Sequence[str] = ("train", "dev"),
                       cache: Path | None = None) -> list[dict[str, Any]]:
    """Task (b): the synthetic stream of ``evaluate/synth.py``; BCubed P/R/F1 and ARI for all three methods."""
    stream = synthetic_stream(stories=stories, seed=seed, splits=splits, data_dir=data_dir)
    gold = {s.id: s.story for s in stream}
    ids, texts = [s.id for s in stream], [s.text for s in stream]
    items = synthetic_items(stream, cache=cache)
    ours, _ = cluster_stream(items)
    tfidf, threshold = _tuned_tfidf(ids, texts, lambda labels: bcubed(labels, gold)["f1"])
    rows = []
    for method, labels in (("storylink", ours), (f"tfidf single pass (t={threshold})", tfidf),
                           ("minhash only", minhash_only(ids, texts))):
        rows.append({"method": method} | bcubed(labels, gold) | {"ari": ari(labels, gold),
                                                                   "stories": len(set(labels.values()))})
    return rows


def synthetic_stream(*, stories: int, seed: int, splits: Sequence[str], data_dir: Path) -> list[Any]:
    """The synthetic stream of ``evaluate/synth.py`` (seeded from ``splits`` of ``data_dir``)."""
    from .synth import make_stream

    return make_stream(stories=stories, seed=seed, splits=splits, data_dir=data_dir)


def synthetic_items(stream: Sequence[Any], *, cache: Path | None = None) -> list["ClusterItem"]:
    """Items of a synthetic stream: derived texts get their own vectors and analyses."""
    articles = [SemevalArticle(s.id, s.language, s.text) for s in stream]
    return semeval_items(articles, [s.published for s in stream], cache=cache)


def seeds_together(paths: Sequence[Path]) -> dict[str, Any]:
    """Task (c): cluster the seed texts as one stream; do they share one story?"""
    import dataclasses

    from .. import analyze
    from ..cluster import item_from
    from ..features import build_profiles
    from ..vectors import encode_use

    texts = [Path(p).read_text(encoding="utf-8") for p in paths]
    vectors = encode_use(texts)
    analyses = [analyze(t) for t in texts]
    profiles = build_profiles(texts, analyses)
    items = [dataclasses.replace(item_from(Path(p).stem, float(i), t, an, v), profile=pr)
             for i, (p, t, an, v, pr) in enumerate(zip(paths, texts, analyses, vectors, profiles))]
    labels, assignments = cluster_stream(items)
    return {"together": len(set(labels.values())) == 1, "stories": sorted(set(labels.values())),
            "probabilities": [a.probability for a in assignments], "duplicate_of": [a.duplicate_of for a in assignments]}


# -- uncertainty: bootstrap over connected components of labelled pairs ----------------------------

def pair_components(pairs: Sequence[tuple[str, str, Any]]) -> np.ndarray:
    """Connected component of each pair over its articles: the unit a bootstrap resamples.

    Pairs sharing an article are not independent evidence (one wrong join
    can fail several of them), so they are drawn together.

        >>> pair_components([("a", "b", True), ("b", "c", False), ("d", "e", True)]).tolist()
        [0, 0, 1]
    """
    from ..train_compare import component_ids

    return component_ids([(a, b) for a, b, _ in pairs], [a for a, _, _ in pairs])


def bootstrap_pairwise(predicted: Mapping[str, Hashable], pairs: Sequence[tuple[str, str, bool]], *,
                       resamples: int = 1000, seed: int = 20180601, level: float = 0.95
                       ) -> dict[str, tuple[float, float]]:
    """Percentile intervals of pairwise precision, recall and F1, resampling connected components of
    ``pairs`` with replacement (seeded, so a figure and its interval reproduce).

        >>> ci = bootstrap_pairwise({"a": 1, "b": 1, "c": 2}, [("a", "b", True), ("a", "c", False)], resamples=50)
        >>> ci["precision"]
        (1.0, 1.0)
    """
    known = [(a, b, same) for a, b, same in pairs if a in predicted and b in predicted]
    if not known:
        return {m: (0.0, 0.0) for m in ("precision", "recall", "f1")}
    comp = pair_components(known)
    together = np.array([predicted[a] == predicted[b] for a, b, _ in known])
    same = np.array([s for _, _, s in known], dtype=bool)
    stats = np.stack([np.bincount(comp, weights=(together & same).astype(float)),
                      np.bincount(comp, weights=(together & ~same).astype(float)),
                      np.bincount(comp, weights=(~together & same).astype(float))], axis=1)
    tp, fp, fn = resampled_sums(stats, resamples=resamples, seed=seed).T
    with np.errstate(invalid="ignore", divide="ignore"):
        p = np.where(tp + fp > 0, tp / (tp + fp), 0.0)
        r = np.where(tp + fn > 0, tp / (tp + fn), 0.0)
        f = np.where(p + r > 0, 2 * p * r / (p + r), 0.0)
    return {m: percentile_interval(v, level) for m, v in (("precision", p), ("recall", r), ("f1", f))}


def format_ci(value: float, interval: tuple[float, float]) -> str:
    """``0.914 [0.88, 0.94]``: a figure and its bootstrap interval."""
    return f"{value:.3f} [{interval[0]:.2f}, {interval[1]:.2f}]"


def with_ci(row: dict[str, Any], labels: Mapping[str, Hashable], gold: Sequence[tuple[str, str, bool]], *,
            resamples: int = 1000) -> dict[str, Any]:
    """``row`` (pairwise figures of ``labels``) with ``ci_precision``/``ci_recall``/``ci_f1`` added."""
    ci = bootstrap_pairwise(labels, gold, resamples=resamples)
    return row | {f"ci_{m}": [round(lo, 4), round(hi, 4)] for m, (lo, hi) in ci.items()}


# -- the hard stream: near-topic stories (evaluate/hardsynth.py) -------------------------------------

def hard_items(stream: Sequence[Any], *, cache: Path | None = None, profiles: bool = True) -> list["ClusterItem"]:
    """Cluster items of a hard stream (``hardsynth.make_hard_stream``), with compare profiles when asked."""
    articles = [SemevalArticle(s.id, s.language, s.text) for s in stream]
    return semeval_items(articles, [s.published for s in stream], cache=cache, profiles=profiles)


def story_pairs(gold: Mapping[str, Hashable]) -> list[tuple[str, str, bool]]:
    """Every article pair of a fully labelled stream, ``(a, b, same story)``."""
    ids = sorted(gold)
    return [(a, b, gold[a] == gold[b]) for i, a in enumerate(ids) for b in ids[i + 1:]]


def evaluate_hard_stream(*, seed: int = 11, per_family: int = 6, cache: Path | None = None,
                         clusterer: "Clusterer | None" = None) -> list[dict[str, Any]]:
    """Many near-topic stories (same template or place or person, different facts) as one stream.

    Every pair is labelled (the stream is generated), so both pairwise P/R/F1
    over all pairs and BCubed are exact. Rows: storylink (both stages: the
    texts get compare profiles), its first stage alone, the baselines, and the
    compare model judging each pair of one family alone; ``near_p`` is
    pairwise precision over the pairs of one family (same story, or same
    template and different facts), the hard ones."""
    from ..cluster import Clusterer
    from .hardsynth import make_hard_stream

    stream = make_hard_stream(seed=seed, per_family=per_family)
    gold = {s.id: s.story for s in stream}
    family = {s.id: s.family.rstrip("2") for s in stream}
    pairs = story_pairs(gold)
    near = [(a, b, same) for a, b, same in pairs if same or family[a] == family[b]]
    ids, texts = [s.id for s in stream], [s.text for s in stream]
    items = hard_items(stream, cache=cache)
    ours, _ = cluster_stream(items, clusterer)
    first, _ = cluster_stream([dataclasses.replace(i, profile=None) for i in items], Clusterer(second_stage=False))
    tfidf, threshold = _tuned_tfidf(ids, texts, lambda labels: bcubed(labels, gold)["f1"])
    rows = []
    for method, labels in (("storylink", ours), ("storylink, first stage only", first),
                           (f"tfidf single pass (t={threshold})", tfidf), ("minhash only", minhash_only(ids, texts))):
        pw, b3 = pairwise(labels, pairs), bcubed(labels, gold)
        rows.append({"method": method, "pair_p": pw["precision"], "pair_r": pw["recall"], "pair_f1": pw["f1"],
                     "near_p": pairwise(labels, near)["precision"],
                     "b3_p": b3["precision"], "b3_r": b3["recall"], "b3_f1": b3["f1"],
                     "stories": len(set(labels.values())), "gold_stories": len(set(gold.values())),
                     "articles": len(ids)})
    # The compare model on the pairs of one family, one by one: the evidence the second stage decides by.
    verdicts = pair_probabilities(near, items)
    alone = pair_model_rows(near, verdicts)[0]
    rows.append({"method": "compare model, same-family pairs alone (p>0.5)", "near_p": alone["precision"],
                 "pair_r": alone["recall"]})
    return rows


def out_of_fold_rows(path: Path | None = None) -> list[dict[str, Any]]:
    """The train out-of-fold figures ``train_cluster`` recorded in the decider file (the figures its
    thresholds were chosen on), as rows beside the dev ones."""
    from ..cluster import DECIDER_PATH

    data = json.loads((path or DECIDER_PATH).read_text(encoding="utf-8"))
    rows = []
    second = data.get("second_stage", {}).get("train", {})
    if second.get("out_of_fold"):
        rows.append({"method": "storylink, train out-of-fold"} | second["out_of_fold"])
    elif "pairwise_f1" in second:  # a second stage trained before out-of-fold selection: say so
        rows.append({"method": "storylink, train IN SAMPLE (second stage not refitted out of fold)",
                     "precision": second["precision"], "recall": second["recall"], "f1": second["pairwise_f1"]})
    if data.get("train", {}).get("out_of_fold"):
        rows.append({"method": "storylink, first stage only, train out-of-fold"} | data["train"]["out_of_fold"])
    return rows


def ci_cells(row: Mapping[str, Any]) -> dict[str, Any]:
    """``row`` with precision, recall and F1 printed with their intervals (``format_ci``)."""
    out = dict(row)
    for m in ("precision", "recall", "f1"):
        if f"ci_{m}" in row:
            out[m] = format_ci(row[m], tuple(row[f"ci_{m}"]))  # type: ignore[arg-type]
    return out
