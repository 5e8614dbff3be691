"""The German time-expression gold (tests/data/time_gold) is well formed and pinned to its source text.

No tagger is run here: these tests only check the data (its sha256 against the rebuilt GermEval sentences,
every span, kind and value), that the selection script still picks exactly these sentences, and that the
checker itself reports the mistakes it is there to catch.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

import pytest

from conftest import GOLD, NER_DE, need

TIME_GOLD = GOLD / "time_gold"


def _module(name: str):
    spec = importlib.util.spec_from_file_location(f"time_gold_{name}", TIME_GOLD / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


check = _module("check")
make_docs = _module("make_docs")
DOCS = check.load_docs(TIME_GOLD / "docs.jsonl")


@pytest.fixture(scope="module")
def sentences() -> dict[str, str]:
    return check.load_sentences(need(NER_DE / "dev.jsonl"))


def test_time_gold_has_two_halves_with_every_common_kind():
    assert check.structure_problems(DOCS) == []
    for split in ("dev", "heldout"):
        docs = [d for d in DOCS if d["split"] == split]
        kinds = Counter(t["kind"] for d in docs for t in d["times"])
        assert len(docs) >= 18, split
        assert sum(kinds.values()) >= 120, (split, kinds)
        # Both halves hold the kinds encyclopedic text has, so neither figure is about dates alone.
        assert {"date", "relative", "duration", "set"} <= set(kinds), (split, kinds)
        assert kinds["date"] >= 80 and kinds["relative"] >= 15, (split, kinds)


def test_time_gold_values_are_well_formed():
    problems = [f"{d['doc']}: {p}" for d in DOCS for t in d["times"] for p in check.value_problems(t)]
    assert problems == []


def test_time_gold_matches_the_germeval_sentences(sentences):
    problems = []
    for doc in DOCS:
        assert all(sid in sentences for sid in doc["sentences"]), doc["doc"]
        problems += check.doc_problems(doc, check.rebuild(doc, sentences))
    assert problems == []


def test_time_gold_keeps_sentences_without_time_expressions(sentences):
    # About a fifth of the sentences have no time expression, so precision is measured too.
    for split in ("dev", "heldout"):
        empty = total = 0
        for doc in (d for d in DOCS if d["split"] == split):
            base = 0
            for sid in doc["sentences"]:
                end = base + len(sentences[sid])
                empty += not any(base <= t["start"] < end for t in doc["times"])
                total += 1
                base = end + 1
        assert 0.15 <= empty / total <= 0.35, (split, empty, total)


def test_selection_script_picks_exactly_these_sentences():
    rows = [json.loads(line) for line in need(NER_DE / "dev.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    picked = [[r["id"] for r in doc] for doc in make_docs.select(rows)]
    assert picked == [d["sentences"] for d in DOCS]


def test_docs_jsonl_is_built_from_annotations_tsv():
    rows = [json.loads(line) for line in need(NER_DE / "dev.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    built = make_docs.build(make_docs.select(rows), make_docs.read_annotations(TIME_GOLD / "annotations.tsv"))
    assert built == DOCS


@pytest.mark.parametrize("mutate, expected", [
    (lambda d: d["times"][0].update(start=d["times"][0]["start"] + 1), "text["),
    (lambda d: d["times"][0].update(kind="timex"), "kind 'timex'"),
    (lambda d: d["times"][0].update(value="1990-13"), None),
    (lambda d: d.update(sha256="0" * 64), "sha256"),
    (lambda d: d["times"].reverse(), "overlaps or precedes"),
])
def test_checker_reports_broken_annotations(sentences, mutate, expected):
    doc = copy.deepcopy(next(d for d in DOCS if len(d["times"]) >= 2))
    text = check.rebuild(doc, sentences)
    assert check.doc_problems(doc, text) == []
    mutate(doc)
    problems = check.doc_problems(doc, text)
    assert problems, doc["doc"]
    if expected:
        assert any(expected in p for p in problems), problems


def test_checker_catches_a_value_that_contradicts_its_span():
    assert check.value_problems({"text": "3. Oktober 1990", "kind": "date", "value": "1990-10-03"}) == []
    assert check.value_problems({"text": "3. Oktober 1990", "kind": "date", "value": "1991-10-03"})
    assert check.value_problems({"text": "3. Oktober 1990", "kind": "date", "value": "1990-11-03"})
    assert check.value_problems({"text": "3. Oktober 1990", "kind": "date", "value": "1990-10"})
    assert check.value_problems({"text": "drei Jahre", "kind": "duration", "value": None})
    assert check.value_problems({"text": "drei Jahre", "kind": "duration", "value": "3Y"})
    assert check.value_problems({"text": "drei Jahre", "kind": "duration", "value": "P3Y"}) == []
