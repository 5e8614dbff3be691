"""German NER with hand-annotated news as extra training text, against GermEval alone, in one run.

    nice -n 19 python bench/ner_news.py [--json bench/results/ner-news.json]

(about 8 minutes on two cores). Candidates, each the shipped CRF recipe (``storylink.nlp.train_ner``)
on the GermEval training three quarters plus:

- ``germeval only``: nothing (the recipe up to storylink-analyze/4);
- ``+ tuned news``: the news gold's tuned splits (dev, dev2, dev3, dev4: what ships);
- ``+ tuned news + ner``: those and the entities-only part ``ner`` (documents 171-290).

Selection figure: 4-fold cross-validation over the tuned splits (each fold's model learns GermEval
and, but for the first candidate, the other three splits and the candidate's extra; counts pooled,
exact span and type).
Then every candidate learns everything it may and is scored once on the GermEval held quarter and
the news ``dev5`` (the old ``heldout``: its entities are never trained on nor looked at; aggregates
only). Last figures:
``bench/results/ner-news.txt``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storylink.evaluate.analysis import score_gold  # noqa: E402
from storylink.nlp import entities, train_ner  # noqa: E402

GOLD = ROOT / "tests" / "data" / "news_gold"
NER_DE = ROOT.parent / "shared" / "data" / "ner-de"
TUNED = ("dev", "dev2", "dev3", "dev4")
CANDIDATES = {"germeval only": None, "+ tuned news": (), "+ tuned news + ner": ("ner",)}


def _use(model: Path) -> None:
    entities.MODEL_PATH = model
    entities._tagger.cache_clear()


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    germeval, held = train_ner.split(NER_DE)
    shipped = entities.MODEL_PATH
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, extra in CANDIDATES.items():
            t0 = time.perf_counter()
            row: dict[str, object] = {"candidate": name}
            counts = [0, 0, 0]
            for fold in TUNED:
                model = Path(tmp) / f"{len(rows)}-{fold}.crfsuite"
                others = () if extra is None else tuple(s for s in TUNED if s != fold) + extra
                train_ner.train(germeval + (train_ner.news_sentences(GOLD, others) if others else []), model)
                _use(model)
                exact = score_gold(GOLD, split=fold)["entities"]["exact"]
                counts = [c + exact[k] for c, k in zip(counts, ("tp", "fp", "fn"))]
            row["cv_exact_f1"] = round(_f1(*counts), 4)
            model = Path(tmp) / f"{len(rows)}-all.crfsuite"
            news = train_ner.news_sentences(GOLD, TUNED + extra) if extra is not None else []
            train_ner.train(germeval + news, model)
            _use(model)
            row["germeval_held_f1"] = round(train_ner.evaluate(held).prf()[2], 4)
            heldout = score_gold(GOLD, split="dev5")["entities"]
            row["news_heldout_exact_f1"] = round(heldout["exact"]["f1"], 4)
            row["news_heldout_lenient_f1"] = round(heldout["lenient"]["f1"], 4)
            row["seconds"] = round(time.perf_counter() - t0)
            rows.append(row)
            print(json.dumps(row), flush=True)
    _use(shipped)
    print(f"\n{'candidate':22} {'CV tuned news':>14} {'GermEval held':>14} {'news heldout':>13} {'lenient':>8}")
    for r in rows:
        print(f"{r['candidate']:22} {r['cv_exact_f1']:>14.3f} {r['germeval_held_f1']:>14.3f} {r['news_heldout_exact_f1']:>13.3f} "
              f"{r['news_heldout_lenient_f1']:>8.3f}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
