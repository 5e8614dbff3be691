"""German NER candidates against the current CRF, trained and scored in one run (issue 19, item 4).

    nice -n 19 python bench/ner.py --jobs 2 --clusters4 /tmp/clusters4.tsv --json bench/results/ner-compare.json

(about 30 minutes on two busy cores; ``--only NAME,NAME`` runs fewer candidates, ``--folds 0`` skips
cross-validation). Last figures: ``bench/results/ner-compare.txt``.

Data (all from ../shared/data and tests/data):

- GermEval 2014 dev, split as ``storylink.nlp.train_ner.split`` does: the training three
  quarters, and the held quarter (chosen by a hash of the sentence id), never trained or tuned on.
- the news gold (``tests/data/news_gold``: German SemEval train texts, entities by hand):
  ``dev`` may be looked at; ``dev5`` (the old ``heldout``) is for entity figures only: its quotes are
  tuned on from storylink-analyze/7, its entities never trained on nor looked at.
- unlabelled German news for self-training: the German SemEval 2022 task 8 texts (train and
  dev), without the 60 news-gold texts.

Each candidate is a feature set (``entities.FEATURE_GROUPS``), a self-training recipe, crfsuite
parameters and a document-level consistency setting (``entities.DOC_CONSISTENCY``). The run
first scores every candidate by ``--folds``-fold cross-validation on the training part only
(CRF + rules, exact span and type, counts pooled over the folds) and picks the best, if it beats
the baseline by ``MARGIN``; then it
trains every candidate on the whole training part and scores it once on the held quarter and
the news sets. The pick is made before those figures are seen. The first candidate, ``baseline``,
is the CRF recipe of ``storylink-analyze/2`` retrained in this run, without document rules;
``shipped model file`` is the model file with the shipped features and document rules.
Document-level consistency does not act on GermEval (one sentence is not an article), so it is
chosen on the news ``dev`` half.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from _common import REPO, SEMEVAL, SHARED, rss_mb

from storylink.evaluate.analysis import load_gold
from storylink.nlp import entities, train_ner
from storylink.nlp.segment import segment
from storylink.nlp.train_ner import Scores, Sentence

NER_DE = SHARED / "data" / "ner-de"
NEWS = REPO / "tests" / "data" / "news_gold"


@dataclass(frozen=True)
class Candidate:
    """One way to build the tagger."""

    name: str
    extras: frozenset[str] = frozenset()
    #: Self-training: (rounds, minimum sequence probability, at most this many added sentences).
    self_train: tuple[int, float, int] | None = None
    params: dict[str, Any] = field(default_factory=dict)
    doc: frozenset[str] = frozenset()
    #: Another word-cluster table (``--clusters4``: the shipped table plus a fourth, finer granularity) instead of the shipped one.
    clusters: bool = False
    #: Chosen on the news dev half, not by cross-validation (document-level only).
    news_choice: bool = False


def candidates() -> list[Candidate]:
    fs = frozenset
    rich = fs({"win2", "allc", "lowknown", "bigram", "quote"})
    return [
        Candidate("baseline"),
        Candidate("self-train 1 round p>=0.9", self_train=(1, 0.9, 3000)),
        Candidate("self-train 2 rounds p>=0.9", self_train=(2, 0.9, 3000)),
        Candidate("+win2", extras=fs({"win2"})),
        Candidate("+allc", extras=fs({"allc"})),
        Candidate("+lowknown", extras=fs({"lowknown"})),
        Candidate("+bigram", extras=fs({"bigram"})),
        Candidate("+quote", extras=fs({"quote"})),
        Candidate("+clusters 2000", clusters=True),
        Candidate("+all features", extras=rich),
        Candidate("+all features, self-train 1 round", extras=rich, self_train=(1, 0.9, 3000)),
        Candidate("baseline + doc types", doc=fs({"types"}), news_choice=True),
        Candidate("baseline + doc types+spread", doc=fs({"types", "spread"}), news_choice=True),
    ]


#: A candidate replaces the baseline only when its cross-validated F1 is higher by this much: about
#: half the standard error of F1 on ~1,700 entities, so that noise does not pick.
MARGIN = 0.005


# --- data ---------------------------------------------------------------------------------


def _fold(sentence_id: str, folds: int) -> int:
    # A second hash byte: independent of the held-out quarter's first byte.
    return hashlib.sha1(sentence_id.encode("utf-8")).digest()[1] % folds


def news_docs() -> list[dict[str, Any]]:
    """Gold news documents with their text and the analyzer's sentences."""
    pairs = {}
    with (SEMEVAL / "train.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            pairs[str(row["pair_id"])] = row
    docs = []
    for gold in load_gold(NEWS):
        pair_id, _, side = gold["doc"].split(":", 1)[1].rpartition(":")
        text = pairs[pair_id][f"text{side}"]
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != gold["sha256"]:
            raise SystemExit(f"{gold['doc']}: text differs from the gold's sha256")
        docs.append({**gold, "text": text, "sentences": segment(text, "de")[1]})
    return docs


def unlabelled(exclude: set[str]) -> list[list[str]]:
    """Word lists of the German SemEval sentences (4 to 60 words), news-gold texts left out."""
    seen = set(exclude)
    out = []
    for name in ("train.jsonl", "dev.jsonl"):
        with (SEMEVAL / name).open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                for k in "12":
                    text = row[f"text{k}"]
                    if row[f"lang{k}"] != "de" or text in seen:
                        continue
                    seen.add(text)
                    for s in segment(text, "de")[1]:
                        words = [t.text for t in s.tokens]
                        if 4 <= len(words) <= 60:
                            out.append(words)
    return out


# --- training and scoring ---------------------------------------------------------------


class Featurizer:
    """crfsuite item sequences per feature set, computed once (they do not depend on the model)."""

    def __init__(self) -> None:
        self.cache: dict[tuple[frozenset[str], str], list[Any]] = {}

    def get(self, cand: Candidate, key: str, seqs: list[list[str]]) -> list[Any]:
        import pycrfsuite

        kind = (cand.extras, cand.clusters)
        if (kind, key) not in self.cache:
            # Only one feature set at a time stays in memory.
            self.cache = {k: v for k, v in self.cache.items() if k[0] == kind}
            self.cache[kind, key] = [pycrfsuite.ItemSequence(entities.word_features(w, extras=cand.extras))
                                     for w in seqs]
        return self.cache[kind, key]


def _train(xs: list[Any], ys: list[list[str]], out: Path, params: dict[str, Any]) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.select("lbfgs")
    trainer.set_params(dict(train_ner.PARAMS, **params))
    for x, y in zip(xs, ys, strict=True):
        trainer.append(x, y)
    trainer.train(str(out))


def build(cand: Candidate, train: list[Sentence], feats: Featurizer, pool: list[list[str]], out: Path,
          key: str) -> dict[str, Any]:
    """Train ``cand`` on ``train`` into ``out``; returns what self-training added."""
    import pycrfsuite

    use_clusters(cand)
    xs = feats.get(cand, key, [list(s.words) for s in train])
    ys = [list(s.labels) for s in train]
    _train(xs, ys, out, cand.params)
    info: dict[str, Any] = {}
    if cand.self_train:
        rounds, threshold, cap = cand.self_train
        px = feats.get(cand, "pool", pool)
        for r in range(rounds):
            tagger = pycrfsuite.Tagger()
            tagger.open(str(out))
            picked = []
            for i, x in enumerate(px):
                y = tagger.tag(x)
                if any(lab != "O" for lab in y):
                    p = tagger.probability(y)
                    if p >= threshold:
                        picked.append((p, i, y))
            tagger.close()
            picked.sort(key=lambda t: (-t[0], t[1]))
            picked = picked[:cap]
            info[f"round {r + 1} added"] = len(picked)
            _train(xs + [px[i] for _, i, _ in picked], ys + [y for _, _, y in picked], out, cand.params)
    return info


SHIPPED_CLUSTERS = entities.CLUSTERS_PATH
SHIPPED_DOC = entities.DOC_CONSISTENCY
CLUSTERS4: Path | None = None


def use_clusters(cand: Candidate) -> None:
    path = CLUSTERS4 if cand.clusters else SHIPPED_CLUSTERS
    if entities.CLUSTERS_PATH != path:
        entities.CLUSTERS_PATH = path
        entities._clusters.cache_clear()


def use(cand: Candidate, model: Path) -> None:
    """Make ``entities`` tag with this candidate's model, features and document rules."""
    use_clusters(cand)
    entities.MODEL_PATH = model
    entities.FEATURES = cand.extras
    entities.DOC_CONSISTENCY = cand.doc
    entities._tagger.cache_clear()


def score_news(docs: list[dict[str, Any]], split: str) -> Scores:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for d in docs:
        if d["split"] != split:
            continue
        gold = {(e["start"], e["end"], e["type"]) for e in d["entities"]}
        pred = {(e.start, e.end, e.type) for e in entities.find_entities(d["text"], d["sentences"], "de")}
        for g in gold:
            (tp if g in pred else fn)[g[2]] += 1
        for p in pred - gold:
            fp[p[2]] += 1
    return Scores(tp, fp, fn)


def _add(a: Scores, b: Scores) -> Scores:
    return Scores(a.tp + b.tp, a.fp + b.fp, a.fn + b.fn)


def _row(name: str, sc: Scores) -> str:
    cells = [f"{sc.prf()[0]:.3f} {sc.prf()[1]:.3f} {sc.prf()[2]:.3f}"]
    cells += [f"{sc.prf(k)[2]:.3f}" for k in entities.TYPES]
    return f"{name:42} " + "  ".join(cells)


HEADER = f"{'candidate':42} {'P':>5} {'R':>5} {'F1':>5}  " + "  ".join(f"{k:>5}" for k in entities.TYPES)


def _as_dict(sc: Scores) -> dict[str, Any]:
    return {k or "all": dict(zip(("precision", "recall", "f1"), sc.prf(k), strict=True))
            for k in (None, *entities.TYPES)}


#: What every worker needs, set before the pool forks.
CTX: dict[str, Any] = {}


def run_candidate(cand: Candidate) -> tuple[Candidate, Scores | None, dict[str, Scores], dict[str, Any], float]:
    """Cross-validation on the training part, then one model on all of it, scored on the test sets."""
    t = time.perf_counter()
    train, held, docs, pool, folds, out = (CTX[k] for k in ("train", "held", "docs", "pool", "folds", "out"))
    feats = Featurizer()
    tmp = Path(tempfile.mkdtemp(prefix="ner-bench-"))
    total = None
    if folds and not cand.news_choice:
        total = Scores(Counter(), Counter(), Counter())
        for k in range(folds):
            fit = [s for s in train if _fold(s.id, folds) != k]
            test = [s for s in train if _fold(s.id, folds) == k]
            model = tmp / f"cv{k}.crfsuite"
            build(cand, fit, feats, pool, model, f"cv{k}")
            use(cand, model)
            total = _add(total, train_ner.evaluate(test))
    model = out / f"{cand.name.replace(' ', '_').replace('/', '_')}.crfsuite"
    info = build(cand, train, feats, pool, model, "train")
    info["model MB"] = round(model.stat().st_size / 1e6, 2)
    use(cand, model)
    final = {"held": train_ner.evaluate(held), "held CRF alone": train_ner.evaluate(held, rules=False),
             "news dev": score_news(docs, "dev"), "news dev5": score_news(docs, "dev5")}
    return cand, total, final, info, time.perf_counter() - t


def make_clusters4(path: Path) -> None:
    """The shipped cluster table plus a fourth column, 2,000 clusters over the same words.

    Rebuilding the table does not give the shipped ids again (k-means over BLAS is not
    bit-for-bit repeatable), so only the new column is taken from the rebuild."""
    rebuilt = path.with_suffix(".rebuilt.tsv")
    train_ner.build_clusters(NER_DE, SEMEVAL, rebuilt, sizes=(*train_ner.CLUSTER_SIZES, 2000))
    finest = {}
    for line in rebuilt.read_text(encoding="utf-8").splitlines():
        word, *ids = line.split("\t")
        finest[word] = ids[-1]
    with path.open("w", encoding="utf-8") as fh:
        for line in SHIPPED_CLUSTERS.read_text(encoding="utf-8").splitlines():
            fh.write(f"{line}\t{finest.get(line.split(chr(9), 1)[0], '-1')}\n")


def main() -> None:
    import multiprocessing

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=4, help="cross-validation folds (0: none)")
    parser.add_argument("--only", help="comma-separated candidate names (baseline is always run)")
    parser.add_argument("--jobs", type=int, default=2, help="candidates trained at once")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--clusters4", type=Path, help="where the shipped cluster table with a fourth "
                        "column (2,000 clusters) is, or is to be built, for the '+clusters 2000' candidate")
    parser.add_argument("--keep", type=Path, help="folder to keep each candidate's final model in")
    args = parser.parse_args()

    t0 = time.perf_counter()
    global CLUSTERS4
    CLUSTERS4 = args.clusters4
    if CLUSTERS4 and not CLUSTERS4.exists():
        print(f"building {CLUSTERS4} (minutes)", flush=True)
        make_clusters4(CLUSTERS4)
    cands = [c for c in candidates() if CLUSTERS4 or not c.clusters]
    if args.only:
        wanted = {"baseline", *args.only.split(",")}
        cands = [c for c in cands if c.name in wanted]
    train, held = train_ner.split(NER_DE)
    docs = news_docs()
    pool = unlabelled({d["text"] for d in docs}) if any(c.self_train for c in cands) else []
    print(f"GermEval training part {len(train)} sentences, held quarter {len(held)}; news gold "
          f"{sum(d['split'] == 'dev' for d in docs)} dev + {sum(d['split'] == 'dev5' for d in docs)} dev5 "
          f"documents; unlabelled pool {len(pool)} sentences ({time.perf_counter() - t0:.0f} s)")
    out = args.keep or Path(tempfile.mkdtemp(prefix="ner-bench-"))
    out.mkdir(parents=True, exist_ok=True)
    CTX.update(train=train, held=held, docs=docs, pool=pool, folds=args.folds, out=out)

    final: dict[str, dict[str, Scores]] = {}
    use(Candidate("shipped", extras=entities.FEATURES, doc=SHIPPED_DOC), entities.MODEL_PATH)
    final["shipped model file"] = {"held": train_ner.evaluate(held), "news dev": score_news(docs, "dev"),
                                   "news dev5": score_news(docs, "dev5")}
    cv: dict[str, Scores] = {}
    infos: dict[str, Any] = {}
    # The slowest first, so the pool's workers finish together.
    todo = sorted(cands, key=lambda c: (c.self_train is None, c.news_choice))
    with multiprocessing.get_context("fork").Pool(args.jobs, maxtasksperchild=1) as workers:
        for cand, total, parts, info, seconds in workers.imap_unordered(run_candidate, todo):
            if total is not None:
                cv[cand.name] = total
            final[cand.name] = parts
            infos[cand.name] = info
            print(f"  {cand.name}: {seconds:.0f} s, {info}", flush=True)
    best = max(cv, key=lambda n: cv[n].prf()[2]) if cv else None
    pick = best if best and cv[best].prf()[2] >= cv["baseline"].prf()[2] + MARGIN else "baseline" if cv else None
    order = ["shipped model file", *[c.name for c in cands]]
    if cv:
        print(f"\n{args.folds}-fold cross-validation on the training part (CRF + rules, exact; counts pooled):")
        print(HEADER)
        for name in order:
            if name in cv:
                print(_row(name, cv[name]))
        print(f"best by cross-validation: {best}; pick (best if {MARGIN} over baseline): {pick}")
    print("\nTrained on the whole training part; each scored once (exact span and type; CRF + rules unless said):")
    for part in ("held", "held CRF alone", "news dev", "news dev5"):
        title = {"held": "GermEval held quarter (never trained or tuned on)",
                 "held CRF alone": "GermEval held quarter, CRF alone (no rule layer)",
                 "news dev": "news gold dev (30 documents; document rules chosen here)",
                 "news dev5": "news gold dev5, the old heldout (40 documents; entities never trained on)"}[part]
        print(f"\n{title}:\n{HEADER}")
        for name in order:
            if part in final[name]:
                print(_row(name + (" *" if name == pick else ""), final[name][part]))
    results = {"cv": {name: _as_dict(sc) for name, sc in cv.items()}, "pick": pick, "info": infos,
               "final": {name: {part: _as_dict(sc) for part, sc in parts.items()} for name, parts in final.items()}}
    print(f"\n* picked by cross-validation. {time.perf_counter() - t0:.0f} s, peak RSS {rss_mb():.0f} MB (main)")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
