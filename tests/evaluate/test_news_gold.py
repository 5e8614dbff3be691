"""The German news gold (tests/data/news_gold): well-formed, scored as it should be, and the analyzer's floors.

Only aggregate figures of the ``heldout2`` split are ever computed here: no rule is tuned on it.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json

import pytest

import storylink
from storylink.document import Analysis, Article, Entity, Quote
from storylink.evaluate.analysis import format_sets, load_gold, score_gold, score_news_gold, speaker_right
from storylink.nlp.keys import canonical_key

from conftest import GOLD, SEMEVAL, need

NEWS = GOLD / "news_gold"
TYPES = {"PER", "LOC", "ORG", "MISC"}
NEWS_DOCS = load_gold(NEWS)


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    rows = [json.loads(line) for line in need(SEMEVAL / "train.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    by_pair = {r["pair_id"]: r for r in rows}
    out = {}
    for gold in NEWS_DOCS:
        _, pair_id, side = gold["doc"].split(":")
        out[gold["doc"]] = by_pair[pair_id][f"text{side}"]
    return out


def _import_select_docs():
    spec = importlib.util.spec_from_file_location("select_docs", NEWS / "select_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


#: Documents per split, in the order score_news_gold reports them.
SPLITS = {"dev": 30, "dev2": 30, "dev3": 30, "dev4": 40, "dev5": 40, "heldout2": 48}


def test_news_gold_has_its_documents_in_six_splits():
    total = sum(SPLITS.values())
    assert len(NEWS_DOCS) == total and len({g["doc"] for g in NEWS_DOCS}) == total
    splits = [g["split"] for g in NEWS_DOCS]
    assert {split: splits.count(split) for split in SPLITS} == SPLITS
    assert all(g["doc"].startswith("semeval-train:") for g in NEWS_DOCS)
    # Enough quotes on every split for figures that mean something.
    for split, n in SPLITS.items():
        quotes = [q for g in NEWS_DOCS if g["split"] == split for q in g["quotes"]]
        assert len(quotes) >= 5 * n // 3
        assert {q["kind"] for q in quotes} == {"direct", "indirect"}


def test_news_gold_documents_are_the_ones_the_rule_selects():
    # The README's rule, as select_docs.py applies it: the first 60 texts are dev and dev3, the next 30 dev2,
    # the next 40 dev5 (the old heldout), the next 40 dev4; after the 120 of the tagger's part_f, 48 heldout2.
    select_docs = _import_select_docs()
    chosen = [doc for doc, _ in select_docs.select(need(SEMEVAL / "train.jsonl"))]
    assert {g["doc"] for g in NEWS_DOCS if g["split"] in ("dev", "dev3")} == set(chosen[:60])
    assert [g["doc"] for g in NEWS_DOCS if g["split"] == "dev2"] == chosen[60:90]
    assert [g["doc"] for g in NEWS_DOCS if g["split"] == "dev5"] == chosen[90:130]
    assert [g["doc"] for g in NEWS_DOCS if g["split"] == "dev4"] == chosen[130:170]
    assert [g["doc"] for g in NEWS_DOCS if g["split"] == "heldout2"] == chosen[290:338]


@pytest.mark.parametrize("part", ["c", "d", "e", "f", "g"])
def test_news_gold_parts_are_what_their_specs_place(part):
    # part_c/d/e/f/g.jsonl are written from the annotations as strings: a hand edit of the file, or a spec
    # changed without re-running make_part.py, shows here.
    need(SEMEVAL / "train.jsonl")
    spec = importlib.util.spec_from_file_location("make_part", NEWS / "make_part.py")
    make_part = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_part)
    built = make_part.build(part, make_part.load_spec(NEWS / f"part_{part}_spec.py"))
    path = make_part.FOLDERS.get(part, NEWS) / f"part_{part}.jsonl"
    stored = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert built == stored and len(stored) == make_part.PARTS[part][1]


def test_news_ner_part_is_entities_only_and_out_of_the_quote_scoring():
    """part_f (documents 171-290): candidate training text of the German tagger, entities only, in ``ner/``
    where ``score_news_gold`` (which reads the folder's own files) never counts it."""
    docs = load_gold(NEWS / "ner")
    chosen = [doc for doc, _ in _import_select_docs().select(need(SEMEVAL / "train.jsonl"))]
    assert [g["doc"] for g in docs] == chosen[170:290]
    assert {g["split"] for g in docs} == {"ner"} and all(g["quotes"] == [] for g in docs)
    assert not {g["doc"] for g in docs} & {g["doc"] for g in NEWS_DOCS}
    rows = [json.loads(line) for line in need(SEMEVAL / "train.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    by_pair = {r["pair_id"]: r for r in rows}
    for gold in docs:
        _, pair_id, side = gold["doc"].split(":")
        text = by_pair[pair_id][f"text{side}"]
        assert hashlib.sha256(text.encode("utf-8")).hexdigest() == gold["sha256"], gold["doc"]
        for e in gold["entities"]:
            assert text[e["start"]:e["end"]] == e["text"] and e["type"] in TYPES, (gold["doc"], e)
    assert sum(len(g["entities"]) for g in docs) >= 600


def test_news_gold_documents_are_well_formed(texts):
    for gold in NEWS_DOCS:
        text = texts[gold["doc"]]
        assert hashlib.sha256(text.encode("utf-8")).hexdigest() == gold["sha256"], gold["doc"]
        for e in gold["entities"]:
            assert text[e["start"]:e["end"]] == e["text"] and e["type"] in TYPES, (gold["doc"], e)
        for q in gold["quotes"]:
            assert text[q["start"]:q["end"]] == q["text"], (gold["doc"], q)
            assert q["kind"] in ("direct", "indirect")
            if q["speaker_start"] is None:
                assert q["speaker_text"] is None and q["speaker_end"] is None
            else:
                assert text[q["speaker_start"]:q["speaker_end"]] == q["speaker_text"], (gold["doc"], q)
            if q.get("speaker_refers_to"):
                assert q["speaker_start"] is not None and q["speaker_refers_to"] in text, (gold["doc"], q)


def _from_gold(gold: dict, article: Article) -> Analysis:
    """An analysis that reproduces the gold quotes and entities exactly."""
    quotes = tuple(
        Quote(q["start"], q["end"], q["text"], q["kind"],
              canonical_key(q["speaker_text"]) if q["speaker_text"] else None,
              q["speaker_text"], q["speaker_start"], q["speaker_end"])
        for q in gold["quotes"])
    return Analysis(article_id=article.id, analyzer="gold", language="de", language_score=1.0,
                    text_length=len(article.text), quotes=quotes,
                    entities=tuple(Entity(e["start"], e["end"], e["text"], e["type"], e["text"].lower())
                                   for e in gold["entities"]))


def test_news_gold_scored_against_itself_is_perfect():
    need(SEMEVAL / "train.jsonl")
    by_doc = {g["doc"]: g for g in NEWS_DOCS}
    sets = score_news_gold(NEWS, analyze_fn=lambda a: _from_gold(by_doc[a.origin], a))
    assert list(sets) == [f"news {split}" for split in SPLITS]
    for split, scores in sets.items():
        assert scores["documents"] == SPLITS[split.split()[1]] and scores["failed"] == [] and scores["skipped"] == []
        q = scores["quotes"]
        assert q["detection"]["f1"] == q["direct"]["f1"] == q["indirect"]["f1"] == 1.0
        assert q["speaker_accuracy"] == q["kind_accuracy"] == 1.0
        assert q["ci_f1"] == q["ci_speaker_accuracy"] == [1.0, 1.0]
        assert scores["entities"]["exact"]["f1"] == scores["entities"]["lenient"]["f1"] == 1.0
        # No entries or times were annotated, so none are scored.
        assert scores["annotated_entries_times"] == 0 and scores["times"]["detection"]["fp"] == 0
    assert "news dev5" in format_sets(sets) and "news heldout2" in format_sets(sets)


def test_kinds_are_scored_kind_against_kind():
    need(SEMEVAL / "train.jsonl")
    by_doc = {g["doc"]: g for g in NEWS_DOCS}

    def swapped(article: Article) -> Analysis:
        a = _from_gold(by_doc[article.origin], article)
        flip = {"direct": "indirect", "indirect": "direct"}
        return Analysis(article_id=a.article_id, analyzer="x", language="de", language_score=1.0,
                        text_length=a.text_length, entities=a.entities,
                        quotes=tuple(Quote(q.start, q.end, q.text, flip[q.kind], q.speaker, q.speaker_text,
                                           q.speaker_start, q.speaker_end) for q in a.quotes))

    q = score_gold(NEWS, analyze_fn=swapped, split="dev")["quotes"]
    assert q["detection"]["f1"] == 1.0 and q["kind_accuracy"] == 0.0
    # Only a direct quote nested in an indirect one still finds a partner of the other kind.
    assert q["direct"]["tp"] + q["indirect"]["tp"] <= 0.1 * q["matched"]
    assert q["direct"]["f1"] < 0.2 and q["indirect"]["f1"] < 0.2


def _q(speaker: str | None, text: str | None, start: int | None) -> Quote:
    end = None if start is None or text is None else start + len(text)
    return Quote(0, 10, "x" * 10, "direct", speaker, text, start, end)


def test_speaker_rule():
    gold = {"speaker_start": 100, "speaker_end": 122, "speaker_text": "ein Sprecher der Polizei"}
    assert speaker_right(gold, _q(None, "Sprecher", 104))          # overlapping span, no key needed
    assert not speaker_right(gold, _q("polizei", "Polizei", 140))  # elsewhere
    assert not speaker_right(gold, _q(None, None, None))
    pronoun = {"speaker_start": 50, "speaker_end": 52, "speaker_text": "er", "speaker_refers_to": "Olaf Scholz"}
    assert speaker_right(pronoun, _q("olaf scholz", "Scholz", 10))  # resolved to the right person
    assert speaker_right(pronoun, _q("someone", "er", 50))          # the pronoun itself
    assert not speaker_right(pronoun, _q("friedrich merz", "Merz", 10))
    nobody = {"speaker_start": None, "speaker_end": None, "speaker_text": None}
    assert speaker_right(nobody, _q(None, None, None))
    assert not speaker_right(nobody, _q(None, "man", 3))
    # The first gold set gives keys.
    assert speaker_right({"speaker": "olaf scholz"}, _q("olaf scholz", "er", 3))


def test_news_gold_is_skipped_with_a_note_without_the_shared_data(tmp_path):
    sets = score_news_gold(NEWS, analyze_fn=storylink.analyze, data_dir=tmp_path)
    for split, scores in sets.items():
        assert scores["documents"] == 0 and len(scores["skipped"]) == SPLITS[split.split()[1]]
    table = format_sets(sets)
    assert "30 skipped" in table and "train.jsonl not found" in table


def test_a_bad_semeval_document_name_is_an_error(tmp_path):
    from storylink.errors import InputError

    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps({"doc": "semeval-train:nopair", "sha256": "0", "entities": [], "quotes": []}) + "\n",
                    encoding="utf-8")
    with pytest.raises(InputError, match="semeval-train:nopair"):
        score_gold(path, analyze_fn=storylink.analyze, data_dir=SEMEVAL.parent)


@pytest.fixture(scope="module")
def news_scores() -> dict[str, dict]:
    need(SEMEVAL / "train.jsonl")
    return score_news_gold(NEWS, analyze_fn=storylink.analyze)


#: Floors only move up: a little below what the analyzer reached when they were set (issue 19).
#: Before the quote work (storylink-analyze/1) dev was quotes F1 0.516 (direct 0.625, indirect 0.400),
#: speakers 0.750; heldout 0.574 (0.684 / 0.326), speakers 0.600. With storylink-analyze/2:
#: dev 0.819 (0.818 / 0.820), speakers 0.953; heldout 0.707 (0.811 / 0.542), speakers 0.638;
#: dev2, annotated later and not yet looked at, 0.752 (0.800 / 0.692), speakers 0.680.
#: With storylink-analyze/3 (quotes tuned on dev and dev2 only): dev 0.841 (0.837 / 0.844), speakers 0.956;
#: dev2 0.881 (0.873 / 0.864), speakers 0.889; heldout 0.727 (0.857 / 0.581), speakers 0.646.
#: Entities: storylink-analyze/2 dev exact 0.675 / lenient 0.714, dev2 0.676 / 0.721, heldout 0.680 / 0.723;
#: storylink-analyze/3 (document-level entity consistency, chosen on dev): dev 0.686 / 0.725,
#: dev2 0.682, heldout 0.682 / 0.728.
#: Then the old heldout became dev3 (its quote errors looked at) and 40 texts annotated last became heldout;
#: 40 more, dev4, were measured once unseen and then tuned on. storylink-analyze/3 -> /4 (gold placement fixes
#: counted in both): dev 0.841, speakers 0.956 -> 0.978; dev2 0.881, speakers 0.921; dev3 0.727 -> 0.842
#: (direct 0.857 -> 0.906, indirect 0.581 -> 0.783), speakers 0.667 -> 0.750; dev4 unseen 0.716 -> 0.721,
#: speakers 0.642 -> 0.679, then tuned 0.781 / 0.763; heldout, never looked at, 0.657 -> 0.672 [95% document
#: bootstrap 0.58, 0.74] (direct 0.764, indirect 0.582 -> 0.610), speakers 0.568 -> 0.565 [0.36, 0.80];
#: entities there exact 0.671, lenient 0.727.
#: dev3 keeps (and raises) the old heldout's floors; the new heldout's start below them: it is another set.
#: storylink-analyze/5: the German tagger also learns from the entities of dev, dev2, dev3 and dev4 (so their
#: entity figures, 0.97-0.99 exact, are in sample: the floors there say that it learned them). Trained on dev,
#: dev2 and dev4 only, dev3 (entities never looked at) went 0.682 -> 0.725 exact (lenient 0.728 -> 0.764);
#: the shipped model: heldout exact 0.671 -> 0.724, lenient 0.727 -> 0.776; quotes there 0.672 -> 0.662 (one
#: quote fewer of 76), speakers 0.565 -> 0.578; dev4 quotes 0.781 -> 0.787, speakers 0.763 -> 0.780.
#: heldout2 (48 texts annotated after part_f, never tuned on) scored storylink-analyze/5 quotes 0.753 (direct
#: 0.857, indirect 0.654), speakers 0.781, entities exact 0.684, lenient 0.753 before any rule of /6 was written.
#: storylink-analyze/6 (titles after a work's kind, run-on reported speech across paragraphs, feelings voiced,
#: a quote's own attribution first, repeated words said by the body's speaker): dev 0.841 -> 0.849, dev2 0.881 ->
#: 0.887 (speakers 0.921 -> 0.937), dev3 0.842 -> 0.855 (speakers 0.750 -> 0.768), dev4 0.787 -> 0.800 (speakers
#: 0.780 -> 0.833); unseen: heldout 0.662 -> 0.667 (direct 0.764 -> 0.778, indirect 0.593), speakers 0.578 ->
#: 0.644; heldout2 0.753 -> 0.760 (indirect 0.654 -> 0.667), speakers 0.781 -> 0.769.
#: Then heldout became dev5: its quote errors were looked at (its entities were not, and are never trained on),
#: and heldout2 is the one set no rule is tuned on. storylink-analyze/7 (a view inside a noun phrase, "laut"
#: owning a sentence whose verb reported nothing, listed subjects before a Konjunktiv, demands and denials as
#: cues): dev, dev2, dev3 unchanged; dev4 0.800 -> 0.808 (speakers 0.833 -> 0.852); dev5 0.667 -> 0.715
#: (indirect 0.593 -> 0.675), speakers 0.644 -> 0.694; with a headline's speaker after its colon, dev5 speakers
#: 0.714. heldout2, never looked at, measured once after: 0.760 -> 0.767 (P 0.835, R 0.710; indirect 0.667 ->
#: 0.679) [0.68, 0.84], speakers 0.769 -> 0.803 [0.70, 0.89].
#: storylink-analyze/8 (a sentence of its own in Konjunktiv I is reported speech, by the last speaker of the
#: six sentences before or by nobody named): dev 0.852 -> 0.860, dev2 0.887 -> 0.889, dev3 unchanged, dev4
#: 0.808 -> 0.826 (speakers 0.852 -> 0.844), dev5 0.715 -> 0.743 (indirect 0.675 -> 0.721, speakers 0.714 ->
#: 0.712); heldout2, never looked at: 0.767 -> 0.782 [0.69, 0.85] (P 0.840, R 0.731; indirect 0.679 -> 0.703),
#: speakers 0.803 -> 0.809 [0.70, 0.89] (measured after the rule, and again, unchanged, after "gelte" and
#: "handele" joined its verb forms).
FLOORS = {
    "news dev": {"all": 0.85, "direct": 0.81, "indirect": 0.86, "speaker": 0.96, "exact": 0.93, "lenient": 0.95},
    "news dev2": {"all": 0.88, "direct": 0.87, "indirect": 0.86, "speaker": 0.92, "exact": 0.93, "lenient": 0.95},
    "news dev3": {"all": 0.84, "direct": 0.92, "indirect": 0.77, "speaker": 0.75, "exact": 0.93, "lenient": 0.95},
    "news dev4": {"all": 0.82, "direct": 0.83, "indirect": 0.79, "speaker": 0.84, "exact": 0.93, "lenient": 0.95},
    "news dev5": {"all": 0.74, "direct": 0.77, "indirect": 0.72, "speaker": 0.70, "exact": 0.70, "lenient": 0.75},
    "news heldout2": {"all": 0.78, "direct": 0.84, "indirect": 0.70, "speaker": 0.80, "exact": 0.67,
                      "lenient": 0.74},
}


@pytest.mark.parametrize("split", list(FLOORS))
def test_analyzer_on_news_gold_meets_floors(news_scores, split):
    scores = news_scores[split]
    print(format_sets({split: scores}))
    assert scores["documents"] == SPLITS[split.split()[1]] and scores["failed"] == []
    q, e, floor = scores["quotes"], scores["entities"], FLOORS[split]
    assert q["detection"]["f1"] >= floor["all"]
    assert q["direct"]["f1"] >= floor["direct"]
    assert q["indirect"]["f1"] >= floor["indirect"]
    assert q["speaker_accuracy"] >= floor["speaker"]
    # The interval resamples documents; it holds the figure and is not a point.
    assert q["ci_f1"][0] <= q["detection"]["f1"] <= q["ci_f1"][1] and q["ci_f1"][0] < q["ci_f1"][1]
    assert q["ci_speaker_accuracy"][0] <= q["speaker_accuracy"] <= q["ci_speaker_accuracy"][1]
    assert e["exact"]["f1"] >= floor["exact"]
    assert e["lenient"]["f1"] >= floor["lenient"]
