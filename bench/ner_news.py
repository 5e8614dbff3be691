"""German NER with hand-annotated news as extra training text, against GermEval alone, in one run.

    nice -n 19 python bench/ner_news.py [--json bench/results/ner-news.json]

(about 30 minutes on two cores). Candidates, each the shipped CRF recipe (``storylink.nlp.train_ner``)
on the GermEval training three quarters plus:

- ``germeval only``: nothing (the recipe up to storylink-analyze/4);
- ``+ tuned news``: the news gold's tuned splits (dev, dev2, dev3, dev4: what ships);
- ``+ tuned news + ner``: those and the entities-only part ``ner`` (documents 171-290);
- ``… MISC filled``: the same news, where a GermEval-only model tags MISC on words the news annotators
  left O. The news annotators marked half as many MISC as GermEval's (5-6 % of their entities against
  12 %), so the news text taught the tagger that titles, events and products are nothing.

Selection figures, both on training text: 4-fold cross-validation over the tuned splits (each fold's
model learns GermEval and, but for the first candidate, the other three splits and the candidate's
extra; counts pooled, exact span and type), and a fifth of the GermEval training part (by a hash of
the sentence id) scored by a model that learned the other four fifths and the candidate's news (its
MISC filled by a model of those four fifths only).
Then every candidate learns everything it may and is scored once on the GermEval held quarter, the news
``dev5`` (the old ``heldout``: its entities are never trained on nor looked at) and ``heldout2``
(aggregates only). Last figures: ``bench/results/ner-news.txt``.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storylink.evaluate.analysis import score_gold  # noqa: E402
from storylink.nlp import entities, train_ner  # noqa: E402

GOLD = ROOT / "tests" / "data" / "news_gold"
NER_DE = ROOT.parent / "shared" / "data" / "ner-de"
TUNED = ("dev", "dev2", "dev3", "dev4")
#: name -> (extra news splits or None for no news at all, MISC filled)
CANDIDATES = {"germeval only": (None, False), "+ tuned news": ((), False), "+ tuned news, MISC filled": ((), True),
              "+ tuned news + ner": (("ner",), False), "+ tuned news + ner, MISC filled": (("ner",), True)}


def _use(model: Path) -> None:
    entities.MODEL_PATH = model
    entities._tagger.cache_clear()


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _validation(sentence: train_ner.Sentence) -> bool:
    return hashlib.sha1(sentence.id.encode("utf-8")).digest()[1] % 5 == 0


def misc_filled(sentences: Sequence[train_ner.Sentence]) -> list[train_ner.Sentence]:
    """``sentences`` with the current model's MISC mentions added where every word was ``O``."""
    out = []
    for s in sentences:
        labels = list(s.labels)
        for a, b, kind in entities.mention_spans(list(s.words), rules=False):
            if kind == "MISC" and all(label == "O" for label in labels[a:b]):
                labels[a:b] = ["B-MISC"] + ["I-MISC"] * (b - a - 1)
        out.append(dataclasses.replace(s, labels=tuple(labels)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    germeval, held = train_ner.split(NER_DE)
    fit = [s for s in germeval if not _validation(s)]
    val = [s for s in germeval if _validation(s)]
    shipped = entities.MODEL_PATH
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        news = {s: train_ner.news_sentences(GOLD, (s,)) for s in (*TUNED, "ner")}
        filled: dict[str, dict[str, list[train_ner.Sentence]]] = {}
        for source, part in (("all", germeval), ("fit", fit)):
            model = Path(tmp) / f"misc-{source}.crfsuite"
            train_ner.train(part, model)
            _use(model)
            filled[source] = {s: misc_filled(sents) for s, sents in news.items()}

        def extra_news(splits: Sequence[str], misc: bool, source: str = "all") -> list[train_ner.Sentence]:
            return [x for s in splits for x in (filled[source][s] if misc else news[s])]

        for name, (extra, misc) in CANDIDATES.items():
            t0 = time.perf_counter()
            row: dict[str, object] = {"candidate": name}
            counts = [0, 0, 0]
            for fold in TUNED:
                model = Path(tmp) / f"{len(rows)}-{fold}.crfsuite"
                others = () if extra is None else tuple(s for s in TUNED if s != fold) + extra
                train_ner.train(germeval + extra_news(others, misc), model)
                _use(model)
                exact = score_gold(GOLD, split=fold)["entities"]["exact"]
                counts = [c + exact[k] for c, k in zip(counts, ("tp", "fp", "fn"))]
            row["cv_exact_f1"] = round(_f1(*counts), 4)
            splits = () if extra is None else TUNED + extra
            model = Path(tmp) / f"{len(rows)}-val.crfsuite"
            train_ner.train(fit + extra_news(splits, misc, "fit"), model)
            _use(model)
            row["germeval_val_f1"] = round(train_ner.evaluate(val).prf()[2], 4)
            model = Path(tmp) / f"{len(rows)}-all.crfsuite"
            train_ner.train(germeval + extra_news(splits, misc), model)
            _use(model)
            scores = train_ner.evaluate(held)
            row["germeval_held_f1"] = round(scores.prf()[2], 4)
            row["germeval_held_by_type"] = {t: round(scores.prf(t)[2], 3) for t in entities.TYPES}
            for split in ("dev5", "heldout2"):
                found = score_gold(GOLD, split=split)["entities"]
                row[f"news_{split}_exact_f1"] = round(found["exact"]["f1"], 4)
                row[f"news_{split}_lenient_f1"] = round(found["lenient"]["f1"], 4)
            row["seconds"] = round(time.perf_counter() - t0)
            rows.append(row)
            print(json.dumps(row), flush=True)
    _use(shipped)
    print(f"\n{'candidate':32} {'CV news':>8} {'GE val':>7} {'GE held':>8} {'dev5':>6} {'heldout2':>9}")
    for r in rows:
        print(f"{r['candidate']:32} {r['cv_exact_f1']:>8.3f} {r['germeval_val_f1']:>7.3f} "
              f"{r['germeval_held_f1']:>8.3f} {r['news_dev5_exact_f1']:>6.3f} {r['news_heldout2_exact_f1']:>9.3f}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
