"""Train and evaluate the German NER tagger (``models/ner-de.crfsuite``).

Training data (see ``ner-de/README.md`` in the shared data): three quarters of
the GermEval 2014 dev split. The other quarter, chosen by a hash of the sentence
id, is held out: never trained or tuned on. ``--with-europeana`` adds the
Europeana LFT and SBB newspapers (PER/LOC/ORG only); on a validation quarter of
the training part they did not help (F1 0.600 with them, 0.616 without: OCR
noise and other ORG conventions), so the shipped model is trained without them.

    python -m storylink.nlp.train_ner --data /work/shared/data/ner-de \\
        --out src/storylink/models/ner-de.crfsuite

prints entity-level precision, recall and F1 per type (exact span and type) on
the held-out part, for the CRF alone and with the rule layer of ``entities``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import MissingInput
from .entities import TYPES, mention_spans, word_features

__all__ = ["Sentence", "load", "is_held_out", "split", "train", "evaluate", "Scores"]

#: Europeana files for ``--with-europeana`` (the 18th-century ONB file is left out).
ALT_FILES = ("alt/europeana_de_lft.jsonl", "alt/europeana_de_sbb.jsonl")
#: With Europeana, GermEval (the target convention: MISC, no derived adjectives)
#: counts twice, as crfsuite has no instance weights.
GERMEVAL_REPEAT = 2
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}


@dataclass(frozen=True, slots=True)
class Sentence:
    """A training sentence: words, BIO labels over ``TYPES`` and gold character spans."""

    id: str
    text: str
    words: tuple[str, ...]
    offsets: tuple[tuple[int, int], ...]
    labels: tuple[str, ...]
    entities: tuple[tuple[int, int, str], ...]


def _label(raw: str) -> str:
    """GermEval/Europeana outer label → BIO over ``TYPES``; deriv/part spans become ``O``."""
    if raw == "O" or len(raw) < 3 or raw.endswith(("deriv", "part")):
        return "O"
    kind = {"OTH": "MISC"}.get(raw[2:], raw[2:])
    return f"{raw[:2]}{kind}" if kind in TYPES else "O"


def load(path: Path) -> list[Sentence]:
    """The sentences of one converted JSONL file."""
    if not path.exists():
        raise MissingInput("NER data file not found", source=str(path))
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            text = rec["text"]
            toks = rec["tokens"]
            labels = [_label(t[2]) for t in toks]
            # An I- after O (label typos, a cut deriv span) starts a new span.
            labels = [f"B-{lab[2:]}" if lab.startswith("I-") and (i == 0 or labels[i - 1][2:] != lab[2:]) else lab
                      for i, lab in enumerate(labels)]
            out.append(Sentence(
                id=rec["id"], text=text,
                words=tuple(text[s:e] for s, e, _ in toks),
                offsets=tuple((s, e) for s, e, _ in toks),
                labels=tuple(labels),
                entities=tuple((e["start"], e["end"], e["type"]) for e in rec["entities"]),
            ))
    return out


def is_held_out(sentence_id: str) -> bool:
    """A fixed quarter of the sentences, chosen by a hash of the id (not Python's salted ``hash``)."""
    return hashlib.sha1(sentence_id.encode("utf-8")).digest()[0] % 4 == 0


def split(data_dir: Path, *, europeana: bool = False) -> tuple[list[Sentence], list[Sentence]]:
    """(training sentences, held-out GermEval sentences)."""
    dev = load(data_dir / "dev.jsonl")
    held = [s for s in dev if is_held_out(s.id)]
    train_part = [s for s in dev if not is_held_out(s.id)]
    if europeana:
        train_part *= GERMEVAL_REPEAT
        for name in ALT_FILES:
            train_part += load(data_dir / name)
    return train_part, held


def train(sentences: Iterable[Sentence], out: Path, params: dict[str, object] | None = None) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.select("lbfgs")
    trainer.set_params(dict(PARAMS, **(params or {})))
    for s in sentences:
        trainer.append(word_features(list(s.words)), list(s.labels))
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))


@dataclass
class Scores:
    """Entity-level counts per type: exact span and type must match."""

    tp: Counter[str]
    fp: Counter[str]
    fn: Counter[str]

    def prf(self, kind: str | None = None) -> tuple[float, float, float]:
        """Precision, recall, F1 of one type, or micro-averaged over all."""
        tp, fp, fn = ((c[kind] for c in (self.tp, self.fp, self.fn)) if kind
                      else (sum(c.values()) for c in (self.tp, self.fp, self.fn)))
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def table(self) -> str:
        rows = [f"{'type':6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5}"]
        for kind in (*TYPES, None):
            p, r, f = self.prf(kind)
            gold = self.tp[kind] + self.fn[kind] if kind else sum(self.tp.values()) + sum(self.fn.values())
            rows.append(f"{kind or 'all':6} {p:6.3f} {r:6.3f} {f:6.3f} {gold:5d}")
        return "\n".join(rows)


def evaluate(sentences: Iterable[Sentence], *, rules: bool = True, types: tuple[str, ...] = TYPES) -> Scores:
    """Score the shipped model (plus rules) against the gold spans of ``sentences``."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for s in sentences:
        gold = {g for g in s.entities if g[2] in types}
        pred = {(s.offsets[a][0], s.offsets[b - 1][1], kind)
                for a, b, kind in mention_spans(list(s.words), rules=rules) if kind in types}
        for g in gold:
            (tp if g in pred else fn)[g[2]] += 1
        for p in pred - gold:
            fp[p[2]] += 1
    return Scores(tp, fp, fn)


def main(argv: list[str] | None = None) -> None:
    from . import entities

    parser = argparse.ArgumentParser(prog="python -m storylink.nlp.train_ner", description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the ner-de folder (dev.jsonl, alt/)")
    parser.add_argument("--out", type=Path, default=entities.MODEL_PATH, help="where to write the model")
    parser.add_argument("--with-europeana", action="store_true", help="also train on Europeana LFT and SBB")
    parser.add_argument("--eval-only", action="store_true", help="evaluate the model at --out, do not train")
    args = parser.parse_args(argv)

    train_part, held = split(args.data, europeana=args.with_europeana)
    if not args.eval_only:
        t0 = time.perf_counter()
        train(train_part, args.out)
        print(f"trained on {len(train_part)} sentences in {time.perf_counter() - t0:.0f} s; "
              f"model {args.out.stat().st_size / 1e6:.2f} MB at {args.out}")
    entities.MODEL_PATH = args.out
    entities._tagger.cache_clear()
    print(f"held-out GermEval dev quarter: {len(held)} sentences")
    print("CRF alone:\n" + evaluate(held, rules=False).table())
    print("CRF + rules (what find_entities ships):\n" + evaluate(held).table())
    onb = args.data / "alt" / "europeana_de_onb.jsonl"
    if onb.exists():
        print(f"Europeana ONB (not trained on; PER/LOC/ORG, 18th-century OCR):\n"
              + evaluate(load(onb), types=("PER", "LOC", "ORG")).table())


if __name__ == "__main__":
    main()
