"""Analyzer quality against hand-made gold annotations.

Two gold sets: ``tests/data/gold.jsonl`` (the demo corpus and the seeds; the
rules were written on it) and ``tests/data/news_gold/`` (218 German SemEval
train texts annotated without the analyzer's output: ``dev``, ``dev2`` and
``dev3``, 30 each, and ``dev4`` and ``dev5`` (the old ``heldout``), 40 each,
may be looked at and tuned on; ``heldout2``, 48, is for figures only).

Each gold line is one document: ``doc`` names its text (``demo:NN_slug.txt``
in the packaged demo corpus, ``seed:NAME`` in ``<repo>/../shared/seeds``,
``semeval-train:<pair_id>:<side>`` for ``text<side>`` of that pair in
``<repo>/../shared/data/semeval2022-task8/train.jsonl``), ``sha256`` pins that
text, and ``entities``, ``quotes`` and, in the first set, ``entries`` and
``times`` hold the annotations (a layer a document does not carry is not
scored on it). Every layer is scored micro-averaged over all documents:

- entities: exact span and type; "lenient" counts a one-to-one match of
  overlapping spans of the same type;
- quotes: a prediction matches a gold quote when their spans overlap by at
  least half of the shorter one (pairs with the larger overlap ratio first),
  over all quotes and, kind against kind, for ``direct`` and ``indirect``
  apart; among matches, speaker and kind accuracy. A gold speaker given as a
  key (first set) must equal the predicted key; one given as a span (news
  set) is right when the predicted speaker span overlaps it, or, for a
  pronoun with ``speaker_refers_to``, when the predicted key is that name's
  key; a gold quote without a speaker is right when none is predicted;
- entries: ticker headlines, compared after trimming ``+++`` markers and a
  leading time stamp, in order (longest common subsequence);
- times: any overlap, one to one; among matches whose gold value is known,
  value accuracy.

A third set, ``tests/data/time_gold/docs.jsonl`` (36 documents of eight
GermEval-2014 Wikipedia sentences, times only, ``dev``/``heldout`` as above),
measures the time tagger on encyclopedic text: ``score_time_gold`` rebuilds
each text from ``<repo>/../shared/data/ner-de/dev.jsonl`` (the sentences
joined with ``"\n"``), checks its sha256 and scores the times layer alone,
with no ``published`` date (history text has none).

Usage: ``format_table(score_gold("tests/data/gold.jsonl"))``,
``format_sets({"gold": ..., **score_news_gold("tests/data/news_gold")})``,
``format_time_sets({"gold": ..., **score_time_gold("tests/data/time_gold")})``, or
``storylink eval analysis``. The matching rule, on spans::

    >>> match_spans([(0, 10)], [(2, 8)], min_ratio=0.5)
    [(0, 0)]
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from importlib.resources import files
from pathlib import Path
from typing import Any

import numpy as np

from ..document import Analysis, Article
from ..errors import InputError, MalformedRecord, MissingInput
from ..ingest import demo_articles
from ..nlp.keys import canonical_key
from .bootstrap import percentile_interval, resampled_sums

__all__ = ["score_gold", "score_news_gold", "score_time_gold", "format_table", "format_sets",
           "format_time_sets", "load_gold", "gold_articles", "load_time_gold", "demo_meta", "match_spans",
           "speaker_right"]

AnalyzeFn = Callable[[Article], Analysis]
Span = tuple[int, int]

_LAYERS = ("entities", "quotes", "entries", "times")
#: Layers every gold document carries; ``entries`` and ``times`` only where annotated.
_REQUIRED = ("entities", "quotes")
_SEMEVAL_TRAIN = Path("semeval2022-task8") / "train.jsonl"
_GERMEVAL_DEV = Path("ner-de") / "dev.jsonl"


def demo_meta() -> dict[str, dict[str, Any]]:
    """The packaged demo corpus's ``meta.jsonl``, by file name."""
    meta = files("storylink") / "data" / "demo" / "meta.jsonl"
    rows = [json.loads(line) for line in meta.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {row["file"]: row for row in rows}


def _gold_files(gold_path: Path) -> list[Path]:
    if gold_path.is_dir():
        found = sorted(gold_path.glob("*.jsonl"))
        if not found:
            raise MissingInput("no *.jsonl gold file in the folder", source=str(gold_path))
        return found
    return [gold_path]


def load_gold(gold_path: str | Path) -> list[dict[str, Any]]:
    """The gold documents of a JSONL file (or of every ``*.jsonl`` in a folder).

    Each document is checked for ``doc``, ``sha256``, ``entities`` and
    ``quotes``; demo and seed documents also for ``entries`` and ``times``.

    Raises:
        MissingInput: the file (or folder) does not exist.
        MalformedRecord: a line is not a gold document.
    """
    path = Path(gold_path)
    if not path.exists():
        raise MissingInput("gold file not found", source=str(path))
    docs = []
    for file in _gold_files(path):
        docs += _load_file(file)
    return docs


def _json_lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(line number, object)`` of each non-blank line of a gold file."""
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise MalformedRecord(f"not JSON: {exc}", source=f"{path}:{n}") from exc
        if not isinstance(row, dict):
            raise MalformedRecord("not a JSON object", source=f"{path}:{n}")
        yield n, row


def _load_file(path: Path) -> list[dict[str, Any]]:
    docs = []
    for n, row in _json_lines(path):
        layers = _LAYERS if str(row.get("doc", "")).startswith(("demo:", "seed:")) else _REQUIRED
        missing = [k for k in ("doc", "sha256", *layers) if k not in row]
        if missing:
            raise MalformedRecord(f"gold document lacks {missing}", source=f"{path}:{n}")
        docs.append(row)
    return docs


def _default_shared(gold_path: Path) -> Path:
    # The gold files sit under <repo>/tests; the shared data beside the repository.
    resolved = gold_path.resolve()
    for parent in resolved.parents:
        if parent.name == "tests":
            return parent.parent.parent / "shared"
    return resolved.parents[2].parent / "shared"


def _default_seeds(gold_path: Path) -> Path:
    return _default_shared(gold_path) / "seeds"


def _doc_article(doc: str, seeds: Path, demo: dict[str | None, Article]) -> Article | None:
    """The article a ``demo:`` or ``seed:`` gold ``doc`` names (None if its seed file is absent)."""
    kind, _, name = doc.partition(":")
    if kind == "demo":
        if doc not in demo:
            raise InputError("not in the bundled demo corpus's meta.jsonl", source=doc)
        return demo[doc]
    if kind == "seed":
        path = seeds / name
        return Article.from_text(path.read_text(encoding="utf-8"), origin=doc) if path.exists() else None
    raise InputError(f"unknown document kind {kind!r}; valid: demo:, seed:", source=doc)


class _Sources:
    """Where gold documents' texts come from; the SemEval file is read once, on first use."""

    def __init__(self, seeds: Path, data: Path) -> None:
        self.seeds = seeds
        self.semeval = data / _SEMEVAL_TRAIN
        self.demo = {a.origin: a for a in demo_articles()}
        self._pairs: dict[str, dict[str, Any]] | None = None

    def pairs(self) -> dict[str, dict[str, Any]]:
        if self._pairs is None:
            self._pairs = {}
            with self.semeval.open(encoding="utf-8") as handle:
                for line in handle:
                    if line.strip():
                        row = json.loads(line)
                        self._pairs[str(row["pair_id"])] = row
        return self._pairs

    def article(self, doc: str) -> Article | None:
        """The article a gold ``doc`` names (None when its shared file is absent)."""
        kind, _, name = doc.partition(":")
        if kind in ("demo", "seed"):
            return _doc_article(doc, self.seeds, self.demo)
        if kind == "semeval-train":
            pair_id, _, side = name.rpartition(":")
            if side not in ("1", "2") or not pair_id:
                raise InputError("expected semeval-train:<pair_id>:<1|2>", source=doc)
            if not self.semeval.exists():
                return None
            row = self.pairs().get(pair_id)
            if row is None:
                raise InputError(f"no pair {pair_id!r} in {self.semeval}", source=doc)
            return Article.from_text(row[f"text{side}"], origin=doc, language=row.get(f"lang{side}"))
        raise InputError(f"unknown document kind {kind!r}; valid: demo:, seed:, semeval-train:", source=doc)

    def checked(self, gold: dict[str, Any]) -> Article | None:
        """``article`` of a gold document, checked against the text it was annotated on."""
        article = self.article(gold["doc"])
        if article is not None and hashlib.sha256(article.text.encode("utf-8")).hexdigest() != gold["sha256"]:
            raise InputError("text differs from the one annotated (sha256 mismatch); re-annotate it",
                             source=gold["doc"])
        return article

    def missing_note(self, doc: str) -> str:
        kind = doc.partition(":")[0]
        return f"{self.semeval} not found" if kind == "semeval-train" else f"{self.seeds} has no such file"


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "tp": tp, "fp": fp, "fn": fn}


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_spans(
    gold: Sequence[Span], pred: Sequence[Span], *, min_ratio: float = 0.0,
    compatible: Callable[[int, int], bool] = lambda g, p: True,
) -> list[tuple[int, int]]:
    """One-to-one matches ``(gold_index, pred_index)`` of overlapping spans.

    A pair qualifies when the overlap is more than ``min_ratio`` of the shorter
    span (any overlap at 0.0); the pairs with the best overlap/union go first,
    so a nested fragment does not take the place of an identical span.

        >>> match_spans([(0, 10), (2, 4)], [(0, 10)], min_ratio=0.5)
        [(0, 0)]
    """
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            inter = _overlap(g, p)
            shorter = min(g[1] - g[0], p[1] - p[0]) or 1
            if inter and inter / shorter >= min_ratio and compatible(gi, pi):
                union = max(g[1], p[1]) - min(g[0], p[0])
                pairs.append((inter / union, gi, pi))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return sorted(out)


_STAMP = re.compile(r"^\s*\d{1,2}[:.]\d{2}(\s*Uhr)?\s*[:\-–]?\s*")


def _headline(text: str) -> str:
    text = _STAMP.sub("", text.strip().strip("+").strip())
    return " ".join(text.split())


def _lcs(a: Sequence[str], b: Sequence[str]) -> int:
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


class _Tally:
    """Counts summed over documents (micro-averaging)."""

    def __init__(self) -> None:
        self.c: dict[str, int] = {}

    def add(self, **counts: int) -> None:
        for k, v in counts.items():
            self.c[k] = self.c.get(k, 0) + v

    def __getitem__(self, k: str) -> int:
        return self.c.get(k, 0)


def speaker_right(gold: dict[str, Any], pred: Any) -> bool:
    """Whether a matched quote's predicted speaker is the gold one (the rules in the module docstring).

        >>> from storylink.document import Quote
        >>> gold = {"speaker_start": 10, "speaker_end": 12, "speaker_text": "er", "speaker_refers_to": "Olaf Scholz"}
        >>> speaker_right(gold, Quote(0, 5, "Gut.", "direct", "olaf scholz", "Scholz", 40, 46))
        True
        >>> speaker_right({"speaker_start": None}, Quote(0, 5, "Gut.", "direct", "x", "X", 40, 41))
        False
    """
    if "speaker_start" not in gold:
        return bool(gold.get("speaker") == pred.speaker)
    if gold["speaker_start"] is None:
        return pred.speaker is None and pred.speaker_start is None
    if pred.speaker_start is not None and pred.speaker_end is not None and _overlap(
            (gold["speaker_start"], gold["speaker_end"]), (pred.speaker_start, pred.speaker_end)):
        return True
    refers = gold.get("speaker_refers_to")
    return bool(refers) and pred.speaker is not None and pred.speaker == canonical_key(refers)


def _score_doc(gold: dict[str, Any], analysis: Analysis | None, t: _Tally) -> None:
    ents = [(e["start"], e["end"], e["type"]) for e in gold["entities"]]
    pents = [(e.start, e.end, e.type) for e in analysis.entities] if analysis else []
    exact = len(set(ents) & set(pents))
    t.add(ent_tp=exact, ent_fp=len(pents) - exact, ent_fn=len(ents) - exact)
    for typ in {e[2] for e in ents} | {e[2] for e in pents}:
        g = {e for e in ents if e[2] == typ}
        p = {e for e in pents if e[2] == typ}
        t.add(**{f"ent_{typ}_tp": len(g & p), f"ent_{typ}_fp": len(p - g), f"ent_{typ}_fn": len(g - p)})
    lenient = match_spans([e[:2] for e in ents], [e[:2] for e in pents],
                          compatible=lambda gi, pi: ents[gi][2] == pents[pi][2])
    t.add(len_tp=len(lenient), len_fp=len(pents) - len(lenient), len_fn=len(ents) - len(lenient))
    for typ in {e[2] for e in ents} | {e[2] for e in pents}:
        hits = sum(ents[gi][2] == typ for gi, _ in lenient)
        t.add(**{f"len_{typ}_tp": hits, f"len_{typ}_fp": sum(e[2] == typ for e in pents) - hits,
                 f"len_{typ}_fn": sum(e[2] == typ for e in ents) - hits})

    quotes = gold["quotes"]
    pquotes = list(analysis.quotes) if analysis else []
    matched = match_spans([(q["start"], q["end"]) for q in quotes], [(q.start, q.end) for q in pquotes],
                          min_ratio=0.5)
    t.add(q_tp=len(matched), q_fp=len(pquotes) - len(matched), q_fn=len(quotes) - len(matched))
    t.add(q_speaker=sum(speaker_right(quotes[g], pquotes[p]) for g, p in matched),
          q_kind=sum(quotes[g]["kind"] == pquotes[p].kind for g, p in matched))
    for kind in ("direct", "indirect"):
        g_kind = [(q["start"], q["end"]) for q in quotes if q["kind"] == kind]
        p_kind = [(q.start, q.end) for q in pquotes if q.kind == kind]
        hits = len(match_spans(g_kind, p_kind, min_ratio=0.5))
        t.add(**{f"q_{kind}_tp": hits, f"q_{kind}_fp": len(p_kind) - hits, f"q_{kind}_fn": len(g_kind) - hits})

    if "entries" not in gold or "times" not in gold:
        return
    t.add(docs_entries_times=1)
    heads = [_headline(e["headline"]) for e in gold["entries"]]
    pheads = [_headline(e.headline) for e in analysis.entries] if analysis else []
    common = _lcs(heads, pheads)
    t.add(e_tp=common, e_fp=len(pheads) - common, e_fn=len(heads) - common)

    _score_times(gold["times"], analysis, t)


def _score_times(times: list[dict[str, Any]], analysis: Analysis | None, t: _Tally) -> None:
    """Times: any overlap, one to one; values compared where the gold one is known."""
    ptimes = list(analysis.times) if analysis else []
    tmatched = match_spans([(x["start"], x["end"]) for x in times], [(x.start, x.end) for x in ptimes])
    valued = [(g, p) for g, p in tmatched if times[g]["value"] is not None]
    t.add(t_tp=len(tmatched), t_fp=len(ptimes) - len(tmatched), t_fn=len(times) - len(tmatched),
          t_valued=len(valued), t_value=sum(times[g]["value"] == ptimes[p].value for g, p in valued),
          t_kind=sum(times[g]["kind"] == ptimes[p].kind for g, p in tmatched))


def _times_scores(t: _Tally) -> dict[str, Any]:
    return {
        "detection": _prf(t["t_tp"], t["t_fp"], t["t_fn"]),
        "value_accuracy": _ratio(t["t_value"], t["t_valued"]),
        "valued": t["t_valued"],
        "kind_accuracy": _ratio(t["t_kind"], t["t_tp"]),
        "matched": t["t_tp"],
    }


def _quote_intervals(per_doc: list[tuple[int, int, int, int]], resamples: int = 1000) -> dict[str, list[float]]:
    """95% intervals of quote F1 and speaker accuracy, resampling documents (a text's quotes fail together).

        >>> _quote_intervals([(2, 0, 0, 2), (0, 1, 1, 0)])["ci_f1"][1]
        1.0
    """
    if not per_doc or not any(tp for tp, *_ in per_doc):
        return {}
    tp, fp, fn, right = resampled_sums(np.array(per_doc, dtype=float), resamples=resamples).T
    with np.errstate(invalid="ignore", divide="ignore"):
        f1 = np.where(tp > 0, 2 * tp / (2 * tp + fp + fn), 0.0)
        speakers = np.where(tp > 0, right / tp, 0.0)
    return {"ci_f1": [round(v, 4) for v in percentile_interval(f1)],
            "ci_speaker_accuracy": [round(v, 4) for v in percentile_interval(speakers)]}


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def score_gold(
    gold_path: str | Path, analyze_fn: AnalyzeFn | None = None, *, seeds_dir: str | Path | None = None,
    data_dir: str | Path | None = None, split: str | None = None,
) -> dict[str, Any]:
    """Precision/recall/F1 per layer of ``analyze_fn`` on every gold document.

    Demo documents are the bundled corpus's articles (``ingest.demo_articles``,
    with the ``published`` date of its ``meta.jsonl``). Seed documents are read from ``seeds_dir``
    (default ``<repo>/../shared/seeds``), SemEval documents from ``data_dir``
    (default ``<repo>/../shared/data``); either is skipped, and listed under
    ``skipped`` (why under ``notes``), when absent. With ``split``, only the
    documents of that ``split`` are scored. A document the analyzer fails on
    is listed under ``failed`` and its gold items count as misses. ``quotes`` carries
    ``ci_f1``/``ci_speaker_accuracy``: 95% intervals resampling documents (1,000 seeded draws).

    Raises:
        MissingInput: the gold file does not exist.
        MalformedRecord: a gold line is not a gold document.
        InputError: a document's text no longer has the gold file's sha256.
    """
    if analyze_fn is None:
        from ..analyze import analyze as analyze_fn
    gold_path = Path(gold_path)
    shared = _default_shared(gold_path)
    sources = _Sources(Path(seeds_dir) if seeds_dir else shared / "seeds",
                       Path(data_dir) if data_dir else shared / "data")
    docs = [g for g in load_gold(gold_path) if split is None or g.get("split") == split]
    return _score_docs(docs, analyze_fn, sources)


def gold_articles(gold_path: str | Path, splits: Iterable[str], *, data_dir: str | Path | None = None
                  ) -> Iterator[tuple[dict[str, Any], Article]]:
    """The gold documents of ``splits`` with their articles (as ``score_gold`` reads them); documents
    whose shared file is absent are left out.

    Raises:
        MissingInput: the gold file does not exist.
        InputError: a document's text no longer has the gold file's sha256.
    """
    gold_path = Path(gold_path)
    shared = _default_shared(gold_path)
    sources = _Sources(shared / "seeds", Path(data_dir) if data_dir else shared / "data")
    wanted = set(splits)
    for gold in load_gold(gold_path):
        if gold.get("split") not in wanted:
            continue
        article = sources.checked(gold)
        if article is not None:
            yield gold, article


def score_news_gold(
    gold_dir: str | Path, analyze_fn: AnalyzeFn | None = None, *, data_dir: str | Path | None = None,
) -> dict[str, dict[str, Any]]:
    """``score_gold`` on the news gold, once per split: ``{"news dev": …, "news dev2": …, "news dev3": …,
    "news dev4": …, "news dev5": …, "news heldout2": …}``
    (``dev`` first, then the others by name).

    Only the aggregate figures of ``heldout2`` are meant to be read: no rule is tuned on it.
    """
    docs = load_gold(gold_dir)
    splits = sorted({str(g.get("split")) for g in docs}, key=lambda s: (s != "dev", s))
    out = {}
    for name in splits:
        out[f"news {name}"] = score_gold(gold_dir, analyze_fn, data_dir=data_dir, split=name)
    return out


def load_time_gold(gold_path: str | Path) -> list[dict[str, Any]]:
    """The documents of the time gold (a ``docs.jsonl``, or the folder holding it).

    Each is checked for ``doc``, ``split``, ``sentences``, ``sha256`` and ``times``.

    Raises:
        MissingInput: the file (or folder) does not exist.
        MalformedRecord: a line is not a time-gold document.
    """
    path = Path(gold_path)
    path = path / "docs.jsonl" if path.is_dir() else path
    if not path.exists():
        raise MissingInput("time gold not found", source=str(path))
    docs = []
    for n, row in _json_lines(path):
        missing = [k for k in ("doc", "split", "sentences", "sha256", "times") if k not in row]
        if missing:
            raise MalformedRecord(f"time gold document lacks {missing}", source=f"{path}:{n}")
        docs.append(row)
    return docs


def _germeval_sentences(data: Path) -> dict[str, str]:
    source = data / _GERMEVAL_DEV
    if not source.exists():
        raise MissingInput("GermEval-2014 dev sentences not found: the time gold's texts are rebuilt from them "
                           "(the shared data sits beside the repository, or pass data_dir)", source=str(source))
    out = {}
    with source.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                out[row["id"]] = row["text"]
    return out


def score_time_gold(
    gold_path: str | Path, analyze_fn: AnalyzeFn | None = None, *, data_dir: str | Path | None = None,
) -> dict[str, dict[str, Any]]:
    """The times layer on the history gold, once per split: ``{"history dev": …, "history heldout": …}``.

    Each text is its GermEval sentences joined with ``"\n"``, analysed as German with no ``published``
    date. Only the aggregate figures of ``heldout`` are meant to be read: no rule is tuned on it.

    Raises:
        MissingInput: the gold, or ``<data_dir>/ner-de/dev.jsonl`` (default ``<repo>/../shared/data``), is absent.
        InputError: a sentence id is unknown, or a rebuilt text no longer has the gold's sha256.
    """
    if analyze_fn is None:
        from ..analyze import analyze as analyze_fn
    gold_path = Path(gold_path)
    docs = load_time_gold(gold_path)
    sentences = _germeval_sentences(Path(data_dir) if data_dir else _default_shared(gold_path) / "data")
    splits = sorted({str(g["split"]) for g in docs}, key=lambda s: (s != "dev", s))
    out: dict[str, dict[str, Any]] = {}
    for name in splits:
        tally, scored, failed = _Tally(), [], []
        for gold in (g for g in docs if g["split"] == name):
            unknown = [i for i in gold["sentences"] if i not in sentences]
            if unknown:
                raise InputError(f"sentence ids {unknown[:3]} not in {_GERMEVAL_DEV}", source=gold["doc"])
            text = "\n".join(sentences[i] for i in gold["sentences"])
            if hashlib.sha256(text.encode("utf-8")).hexdigest() != gold["sha256"]:
                raise InputError("text differs from the one annotated (sha256 mismatch); re-annotate it",
                                 source=gold["doc"])
            try:
                analysis: Analysis | None = analyze_fn(Article.from_text(text, origin=gold["doc"], language="de",
                                                                         title=""))
            except Exception as exc:  # noqa: BLE001 - one failing document must not hide the others
                analysis = None
                failed.append({"doc": gold["doc"], "error": f"{type(exc).__name__}: {exc}"})
            _score_times(gold["times"], analysis, tally)
            scored.append(gold["doc"])
        out[f"history {name}"] = {"documents": len(scored), "scored": scored, "skipped": [], "notes": [],
                                  "failed": failed, "times": _times_scores(tally)}
    return out


def format_time_sets(sets: dict[str, dict[str, Any]]) -> str:
    """The times figures of several gold sets side by side (one column per set).

        >>> t = {"detection": _prf(9, 1, 3), "value_accuracy": 0.5, "kind_accuracy": 1.0, "valued": 8, "matched": 9}
        >>> print(format_time_sets({"history dev": {"documents": 2, "failed": [], "times": t}}).splitlines()[4])
        times F1                      0.818
    """
    names = list(sets)
    width = max(12, *(len(n) for n in names))

    def shown(scores: dict[str, Any], value: float | int | None) -> str:
        if value is None or not scores["documents"]:
            return "–"
        return str(value) if isinstance(value, int) else f"{value:.3f}"

    rows = [("times P", lambda t: t["detection"]["precision"]), ("times R", lambda t: t["detection"]["recall"]),
            ("times F1", lambda t: t["detection"]["f1"]), ("value agreement", lambda t: t["value_accuracy"]),
            ("kind accuracy", lambda t: t["kind_accuracy"]),
            ("gold times", lambda t: t["detection"]["tp"] + t["detection"]["fn"]),
            ("valued matches", lambda t: t["valued"])]
    rule = "-" * (22 + (width + 1) * len(names))
    lines = [f"{'figure':<22}" + "".join(f" {n:>{width}}" for n in names), rule]
    lines += [f"{label:<22}" + "".join(f" {shown(sets[n], get(sets[n]['times'])):>{width}}" for n in names)
              for label, get in rows]
    lines.append(rule)
    lines += [f"{n}: {sets[n]['documents']} documents, {len(sets[n]['failed'])} failed" for n in names]
    return "\n".join(lines)


def _score_docs(docs: Iterable[dict[str, Any]], analyze_fn: AnalyzeFn, sources: _Sources) -> dict[str, Any]:
    tally = _Tally()
    per_doc: list[tuple[int, int, int, int]] = []  # quotes tp, fp, fn, speakers right: the bootstrap's units
    scored: list[str] = []
    skipped: list[str] = []
    notes: list[str] = []
    failed: list[dict[str, str]] = []
    for gold in docs:
        doc = gold["doc"]
        article = sources.checked(gold)
        if article is None:
            skipped.append(doc)
            if (note := sources.missing_note(doc)) not in notes:
                notes.append(note)
            continue
        try:
            analysis: Analysis | None = analyze_fn(article)
        except Exception as exc:  # noqa: BLE001 - one failing document must not hide the others
            analysis = None
            failed.append({"doc": doc, "error": f"{type(exc).__name__}: {exc}"})
        before = (tally["q_tp"], tally["q_fp"], tally["q_fn"], tally["q_speaker"])
        _score_doc(gold, analysis, tally)
        per_doc.append(tuple(now - then for now, then in zip(
            (tally["q_tp"], tally["q_fp"], tally["q_fn"], tally["q_speaker"]), before)))
        scored.append(doc)

    types = sorted({k.split("_")[1] for k in tally.c if k.startswith("ent_") and k.count("_") == 2})
    return {
        "documents": len(scored),
        "scored": scored,
        "skipped": skipped,
        "notes": notes,
        "failed": failed,
        "entities": {
            "exact": _prf(tally["ent_tp"], tally["ent_fp"], tally["ent_fn"]),
            "lenient": _prf(tally["len_tp"], tally["len_fp"], tally["len_fn"]),
            "by_type": {typ: _prf(tally[f"ent_{typ}_tp"], tally[f"ent_{typ}_fp"], tally[f"ent_{typ}_fn"])
                        for typ in types},
            "by_type_lenient": {typ: _prf(tally[f"len_{typ}_tp"], tally[f"len_{typ}_fp"], tally[f"len_{typ}_fn"])
                                for typ in types},
        },
        "quotes": {
            "detection": _prf(tally["q_tp"], tally["q_fp"], tally["q_fn"]),
            "direct": _prf(tally["q_direct_tp"], tally["q_direct_fp"], tally["q_direct_fn"]),
            "indirect": _prf(tally["q_indirect_tp"], tally["q_indirect_fp"], tally["q_indirect_fn"]),
            "speaker_accuracy": _ratio(tally["q_speaker"], tally["q_tp"]),
            "kind_accuracy": _ratio(tally["q_kind"], tally["q_tp"]),
            **_quote_intervals(per_doc),
            "matched": tally["q_tp"],
        },
        # Entries and times count only the documents that annotate them.
        "annotated_entries_times": tally["docs_entries_times"],
        "entries": _prf(tally["e_tp"], tally["e_fp"], tally["e_fn"]),
        "times": _times_scores(tally),
    }


def _rows(scores: dict[str, Any]) -> Iterable[tuple[str, dict[str, Any]]]:
    yield "entities (exact)", scores["entities"]["exact"]
    yield "entities (lenient)", scores["entities"]["lenient"]
    for typ, prf in scores["entities"]["by_type"].items():
        yield f"  {typ} (exact)", prf
    yield "quotes (overlap ≥ 50%)", scores["quotes"]["detection"]
    yield "entries (headlines)", scores["entries"]
    yield "times (overlap)", scores["times"]["detection"]


def format_table(scores: dict[str, Any]) -> str:
    """A plain-text table of ``score_gold``'s result.

        >>> print(format_table({"documents": 0, "skipped": [], "failed": [],
        ...     "entities": {"exact": _prf(1, 0, 1), "lenient": _prf(1, 0, 1), "by_type": {}},
        ...     "quotes": {"detection": _prf(0, 0, 0), "speaker_accuracy": None, "kind_accuracy": None},
        ...     "entries": _prf(0, 0, 0),
        ...     "times": {"detection": _prf(0, 0, 0), "value_accuracy": None, "kind_accuracy": None}}).splitlines()[2])
        entities (exact)           1.000   0.500   0.667      1      0      1
    """
    def pct(x: float | None) -> str:
        return "  –" if x is None else f"{x:.3f}"

    lines = [f"{'layer':<24} {'P':>7} {'R':>7} {'F1':>7} {'tp':>6} {'fp':>6} {'fn':>6}", "-" * 68]
    for name, prf in _rows(scores):
        lines.append(f"{name:<24} {prf['precision']:>7.3f} {prf['recall']:>7.3f} {prf['f1']:>7.3f} "
                     f"{prf['tp']:>6} {prf['fp']:>6} {prf['fn']:>6}")
    q, t = scores["quotes"], scores["times"]
    lines += [
        "-" * 68,
        f"quote speaker accuracy {pct(q['speaker_accuracy'])}   kind accuracy {pct(q['kind_accuracy'])}",
        f"time value accuracy    {pct(t['value_accuracy'])}   kind accuracy {pct(t['kind_accuracy'])}",
        f"documents {scores['documents']}, skipped {len(scores['skipped'])}, failed {len(scores['failed'])}",
    ]
    for doc in scores["skipped"]:
        lines.append(f"  skipped {doc} (text not found)")
    for item in scores["failed"]:
        lines.append(f"  failed {item['doc']}: {item['error']}")
    return "\n".join(lines)


def _set_rows(scores: dict[str, Any]) -> Iterable[tuple[str, float | None]]:
    q, e = scores["quotes"], scores["entities"]
    yield "quotes P", q["detection"]["precision"]
    yield "quotes R", q["detection"]["recall"]
    yield "quotes F1 (all)", q["detection"]["f1"]
    for kind in ("direct", "indirect"):
        yield f"  {kind} F1", q[kind]["f1"] if q[kind]["tp"] + q[kind]["fn"] else None
    yield "speaker accuracy", q["speaker_accuracy"]
    yield "kind accuracy", q["kind_accuracy"]
    yield "entities exact F1", e["exact"]["f1"]
    yield "entities lenient F1", e["lenient"]["f1"]
    for typ in ("PER", "LOC", "ORG", "MISC"):
        exact, lenient = e["by_type"].get(typ), e.get("by_type_lenient", {}).get(typ)
        yield f"  {typ} exact F1", exact["f1"] if exact else None
        yield f"  {typ} lenient F1", lenient["f1"] if lenient else None


def format_sets(sets: dict[str, dict[str, Any]]) -> str:
    """The quote and entity figures of several gold sets side by side (one column per set).

    A set none of whose documents could be read prints ``–`` and a note why.

        >>> empty = {"documents": 0, "skipped": ["semeval-train:1_2:1"], "notes": ["train.jsonl not found"],
        ...          "failed": [], "entities": {"exact": _prf(0, 0, 0), "lenient": _prf(0, 0, 0), "by_type": {}},
        ...          "quotes": {"detection": _prf(0, 0, 0), "direct": _prf(0, 0, 0), "indirect": _prf(0, 0, 0),
        ...                     "speaker_accuracy": None, "kind_accuracy": None}}
        >>> print(format_sets({"news dev": empty}).splitlines()[-1])
        news dev: 0 documents, 1 skipped (train.jsonl not found), 0 failed
    """
    names = list(sets)
    rows: dict[str, list[str]] = {}
    for name in names:
        scores = sets[name]
        for label, value in _set_rows(scores):
            shown = "–" if value is None or not scores["documents"] else f"{value:.3f}"
            rows.setdefault(label, []).append(shown)
    width = max(12, *(len(n) for n in names))
    lines = [f"{'figure':<22}" + "".join(f" {n:>{width}}" for n in names), "-" * (22 + (width + 1) * len(names))]
    lines += [f"{label:<22}" + "".join(f" {v:>{width}}" for v in values) for label, values in rows.items()]
    lines.append("-" * (22 + (width + 1) * len(names)))
    for name in names:
        scores = sets[name]
        matched = scores["quotes"].get("matched", scores["quotes"]["detection"]["tp"])
        counts = (f"{name}: {scores['documents']} documents, {len(scores['skipped'])} skipped"
                  + (f" ({'; '.join(scores.get('notes', []))})" if scores["skipped"] and scores.get("notes") else "")
                  + f", {len(scores['failed'])} failed")
        if scores["documents"]:
            counts += f"; {matched} quotes matched of {scores['quotes']['detection']['tp'] + scores['quotes']['detection']['fn']} gold"
        ci, ci_speakers = scores["quotes"].get("ci_f1"), scores["quotes"].get("ci_speaker_accuracy")
        if ci and ci_speakers:
            counts += (f"; 95% intervals over documents: quotes F1 [{ci[0]:.2f}, {ci[1]:.2f}],"
                       f" speakers [{ci_speakers[0]:.2f}, {ci_speakers[1]:.2f}]")
        lines.append(counts)
    return "\n".join(lines)
