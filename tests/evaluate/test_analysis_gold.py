"""The gold annotations are well-formed, and the scorer counts what it should."""

from __future__ import annotations

import hashlib
import json
from importlib.resources import files

import pytest

import storylink
from storylink.document import Analysis, Article, Entity, Entry, Quote, TimeExpr
from storylink.evaluate.analysis import demo_meta, format_table, load_gold, match_spans, score_gold

from conftest import GOLD, SEED_AGENCY, SEED_TICKER, SEEDS, need

GOLD_FILE = GOLD / "gold.jsonl"
DEMO = files("storylink") / "data" / "demo"
TYPES = {"PER", "LOC", "ORG", "MISC"}
TIME_KINDS = {"date", "time", "weekday", "relative", "duration", "set"}


def _text(doc: str) -> str:
    kind, _, name = doc.partition(":")
    if kind == "demo":
        return (DEMO / name).read_text(encoding="utf-8")
    return need(SEEDS / name).read_text(encoding="utf-8")


GOLD_DOCS = load_gold(GOLD_FILE)


@pytest.mark.parametrize("gold", GOLD_DOCS, ids=[g["doc"] for g in GOLD_DOCS])
def test_gold_document_is_well_formed(gold):
    text = _text(gold["doc"])
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == gold["sha256"]
    for layer in ("entities", "quotes", "times"):
        for item in gold[layer]:
            assert 0 <= item["start"] < item["end"] <= len(text)
            assert text[item["start"]:item["end"]] == item["text"], (layer, item)
    for e in gold["entities"]:
        assert e["type"] in TYPES
        assert e["text"] == e["text"].strip()
    for q in gold["quotes"]:
        assert q["kind"] in {"direct", "indirect"}
        assert q["speaker"] is None or (q["speaker"] == q["speaker"].lower() and "-" not in q["speaker"])
    for t in gold["times"]:
        assert t["kind"] in TIME_KINDS
    for entry in gold["entries"]:
        assert entry["headline"] in text and not entry["headline"].startswith("+")
    # Entities of one document never overlap (outer spans only).
    spans = sorted((e["start"], e["end"]) for e in gold["entities"])
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_gold_covers_both_seeds_and_most_of_the_demo():
    docs = {g["doc"]: g for g in GOLD_DOCS}
    assert {"seed:000_2f782dc55725f6ff.txt", "seed:002_a1bbd4968d3fdb89.txt"} <= set(docs)
    assert sum(d.startswith("demo:") for d in docs) >= 8
    ticker = docs["seed:002_a1bbd4968d3fdb89.txt"]
    assert len(ticker["entries"]) == 24
    assert ticker["entries"][0]["headline"].startswith("Kein gemeinsames Mittagessen")
    assert docs["seed:000_2f782dc55725f6ff.txt"]["entries"] == []
    # The time-stamped demo ticker has its entries too, newest first.
    assert [e["headline"] for e in docs["demo:06_ostseegipfel_ticker_zweiter_tag.txt"]["entries"]][-1] == (
        "Zweiter Gipfeltag beginnt"
    )


def test_demo_corpus_matches_its_meta():
    meta = demo_meta()
    names = sorted(p.name for p in DEMO.iterdir() if p.name.endswith(".txt"))
    assert sorted(meta) == names
    assert 12 <= len(names) <= 15
    assert len({m["story"] for m in meta.values()}) >= 3
    for name in names:
        text = (DEMO / name).read_text(encoding="utf-8")
        assert 800 <= len(text) <= 2500, name
        assert Article.from_text(text).title, name  # first line is a headline
        assert meta[name]["url"].startswith("https://example.org/")
        assert meta[name]["published"][:4] == "2025"


def _from_gold(gold: dict, article: Article) -> Analysis:
    """An analysis that reproduces the gold annotations exactly."""
    text = article.text
    entries = []
    for i, e in enumerate(gold["entries"]):
        s = text.index(e["headline"])
        entries.append(Entry(start=s, end=s + len(e["headline"]), text=e["headline"], order=i,
                             headline=e["headline"], headline_start=s, headline_end=s + len(e["headline"]),
                             body_start=s, body_end=s))
    return Analysis(
        article_id=article.id, analyzer="gold", language="de", language_score=1.0, text_length=len(text),
        entities=tuple(Entity(e["start"], e["end"], e["text"], e["type"], e["text"].lower())
                       for e in gold["entities"]),
        quotes=tuple(Quote(q["start"], q["end"], q["text"], q["kind"], q["speaker"]) for q in gold["quotes"]),
        entries=tuple(entries),
        times=tuple(TimeExpr(t["start"], t["end"], t["text"], t["kind"], t["value"]) for t in gold["times"]),
    )


def _analysis(article: Article, **layers) -> Analysis:
    return Analysis(article_id=article.id, analyzer="test", language="de", language_score=1.0,
                    text_length=len(article.text), **layers)


def test_gold_scored_against_itself_is_perfect():
    by_doc = {g["doc"]: g for g in GOLD_DOCS}
    scores = score_gold(GOLD_FILE, analyze_fn=lambda a: _from_gold(by_doc[a.origin], a))
    assert scores["failed"] == []
    assert scores["entities"]["exact"]["f1"] == 1.0
    assert scores["entities"]["lenient"]["f1"] == 1.0
    assert scores["quotes"]["detection"]["f1"] == 1.0
    assert scores["quotes"]["speaker_accuracy"] == scores["quotes"]["kind_accuracy"] == 1.0
    assert scores["times"]["detection"]["f1"] == 1.0 and scores["times"]["value_accuracy"] == 1.0
    if not scores["skipped"]:
        assert scores["entries"]["f1"] == 1.0
        assert scores["entries"]["tp"] == sum(len(g["entries"]) for g in GOLD_DOCS)
    assert "entities (exact)" in format_table(scores)


def test_scorer_counts_partial_and_wrong_predictions(tmp_path):
    text = (DEMO / "01_hochwasser_mosel_agentur.txt").read_text(encoding="utf-8")
    start = text.index("Katrin Vollmer")
    q = text.index("Die Lage ist ernst")
    gold = {
        "doc": "demo:01_hochwasser_mosel_agentur.txt",
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "entities": [{"start": start, "end": start + 14, "text": "Katrin Vollmer", "type": "PER"}],
        "quotes": [{"start": q, "end": q + 46, "text": text[q:q + 46], "kind": "direct",
                    "speaker": "katrin vollmer"}],
        "entries": [],
        "times": [],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    seen = {}

    def fake(article: Article) -> Analysis:
        seen["published"] = article.published
        return _analysis(
            article,
            # "Vollmer" alone overlaps: wrong for exact, right for lenient; the ORG is a false positive.
            entities=(Entity(start + 7, start + 14, "Vollmer", "PER", "vollmer"),
                      Entity(0, 10, text[:10], "ORG", "x")),
            # Two thirds of the quote, wrong speaker; a second, unmatched quote.
            quotes=(Quote(q, q + 30, text[q:q + 30], "direct", "stefan hornig"),
                    Quote(0, 5, text[:5], "indirect", None)),
        )

    scores = score_gold(path, analyze_fn=fake)
    assert seen["published"] == "2025-03-13T09:30:00+01:00"
    assert scores["entities"]["exact"] == pytest.approx(
        {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 2, "fn": 1})
    assert scores["entities"]["lenient"]["precision"] == 0.5 and scores["entities"]["lenient"]["recall"] == 1.0
    assert scores["quotes"]["detection"]["tp"] == 1 and scores["quotes"]["detection"]["fp"] == 1
    assert scores["quotes"]["speaker_accuracy"] == 0.0 and scores["quotes"]["kind_accuracy"] == 1.0


def test_a_failing_analyzer_is_recorded_and_counts_as_misses():
    def broken(article: Article) -> Analysis:
        raise RuntimeError("layer not ready")

    scores = score_gold(GOLD_FILE, analyze_fn=broken)
    assert len(scores["failed"]) == scores["documents"] >= 12
    assert scores["entities"]["exact"]["recall"] == 0.0 and scores["entities"]["exact"]["fn"] > 0


def test_missing_seeds_are_skipped(tmp_path):
    scores = score_gold(GOLD_FILE, analyze_fn=lambda a: _analysis(a), seeds_dir=tmp_path)
    assert sorted(scores["skipped"]) == ["seed:000_2f782dc55725f6ff.txt", "seed:002_a1bbd4968d3fdb89.txt"]
    assert "skipped seed:000" in format_table(scores)


def test_a_nested_fragment_does_not_take_an_identical_span():
    # Gold: an indirect clause and a direct fragment inside it; the prediction equals the clause.
    assert match_spans([(10, 60), (30, 40)], [(10, 60)], min_ratio=0.5) == [(0, 0)]
    assert match_spans([(0, 10)], [(8, 30)], min_ratio=0.5) == []


def test_analyzer_on_gold_meets_floors():
    # The floors are figures of all 14 documents; without the shared seeds only the demo's 12 are scored.
    need(SEED_AGENCY), need(SEED_TICKER)
    scores = score_gold(GOLD_FILE, analyze_fn=storylink.analyze)
    print(format_table(scores))
    # Floors only move up: a little below what the analyzer reached when they were set
    # (entities 0.846 / 0.879, quotes 0.876 with speakers 0.735, entries 1.0, times 0.884 / values 0.663;
    # quotes raised with storylink-analyze/2: 0.895, speakers 0.764; storylink-analyze/3: times 0.898 / values
    # 0.674; quotes, tuned on the news gold, 0.892, speakers 0.758, as the news gold counts "vermuten, dass" and
    # zu-infinitives and this one not); storylink-analyze/5 (the tagger also learns from the news gold's tuned
    # splits): entities 0.877 / 0.902, speakers 0.766).
    assert scores["entities"]["exact"]["f1"] >= 0.85
    assert scores["entities"]["lenient"]["f1"] >= 0.88
    assert scores["quotes"]["detection"]["f1"] >= 0.87
    assert scores["quotes"]["speaker_accuracy"] >= 0.73
    assert scores["entries"]["f1"] >= 0.97
    assert scores["times"]["detection"]["f1"] >= 0.88
    assert scores["times"]["value_accuracy"] >= 0.66
