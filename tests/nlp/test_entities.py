"""Named entities: the shipped German model on held-out GermEval, seed facts, keys."""

from __future__ import annotations

import pytest

from storylink.nlp import entities, gazetteer, keys
from storylink.nlp.entities import find_entities
from storylink.nlp.segment import segment
from conftest import NER_DE, SEMEVAL, need

#: Held-out F1 measured for the shipped model (CRF + rules, with word clusters):
#: all 0.621, PER 0.679, LOC 0.679, ORG 0.503, MISC 0.418; with the news gold's tuned splits also learned
#: (storylink-analyze/5; news heldout 0.671 -> 0.724) 0.608, PER 0.665, LOC 0.686, ORG 0.474, MISC 0.395:
#: the news annotation differs from GermEval's here and there (see train_ner).
#: Floors sit a little below; raise them when a better model ships.
HELD_OUT_F1_FLOOR = 0.60
HELD_OUT_TYPE_FLOORS = {"PER": 0.65, "LOC": 0.65, "ORG": 0.47, "MISC": 0.38}


def _entities(text: str, language: str = "de"):
    return find_entities(text, segment(text)[1], language)


def _keys_of(ents, surface: str) -> set[str]:
    return {e.key for e in ents if e.text == surface}


@pytest.fixture(scope="module")
def held_out():
    from storylink.nlp.train_ner import split

    return split(need(NER_DE))[1]


@pytest.fixture(scope="module")
def agency(seed_agency_text):
    return _entities(seed_agency_text)


@pytest.fixture(scope="module")
def ticker(seed_ticker_text):
    return _entities(seed_ticker_text)


def test_held_out_f1_floor(held_out):
    from storylink.nlp.train_ner import evaluate

    scores = evaluate(held_out)
    assert scores.prf()[2] >= HELD_OUT_F1_FLOOR, scores.table()
    for kind, floor in HELD_OUT_TYPE_FLOORS.items():
        assert scores.prf(kind)[2] >= floor, scores.table()


def test_news_gold_sentences_carry_the_gold_spans_as_labels():
    """The tagger's news training sentences: the analyzer's tokens, BIO labels that give back every gold
    span whose edges are token edges, and never a sentence of the heldout split."""
    from pathlib import Path

    from storylink.evaluate.analysis import load_gold
    from storylink.nlp.entities import _bio_spans
    from storylink.nlp.train_ner import NEWS_SPLITS, news_sentences

    need(SEMEVAL)
    gold_dir = Path(__file__).resolve().parents[1] / "data" / "news_gold"
    sentences = news_sentences(gold_dir, ("dev",))
    dev_docs = {g["doc"] for g in load_gold(gold_dir) if g["split"] == "dev"}
    assert {s.id.split("#")[0] for s in sentences} == dev_docs and "heldout" not in NEWS_SPLITS
    assert all(len(s.words) == len(s.labels) == len(s.offsets) for s in sentences)
    spans = kept = 0
    for s in sentences:
        starts, ends = {a for a, _ in s.offsets}, {b for _, b in s.offsets}
        got = {(s.offsets[a][0], s.offsets[b - 1][1], kind) for a, b, kind in _bio_spans(list(s.labels))}
        aligned = {g for g in s.entities if g[0] in starts and g[1] in ends}
        spans += len(aligned)
        kept += len(aligned & got)
    assert spans > 250 and kept == spans


def test_held_out_is_a_fixed_quarter_never_trained_on(held_out):
    from storylink.nlp.train_ner import is_held_out

    assert 450 <= len(held_out) <= 650
    assert all(is_held_out(s.id) for s in held_out)
    assert is_held_out("germeval14-dev-00002") == is_held_out("germeval14-dev-00002")


def test_word_clusters_group_words_used_alike():
    table = entities._clusters()
    assert 5_000 < len(table) < 100_000
    assert all(len(ids) == 3 for ids in list(table.values())[:100])
    # Distributional clusters from unlabelled text: cities with cities, parties with parties.
    assert table["Berlin"] == table["Hamburg"]
    assert table["SPD"][0] == table["CDU"][0] != table["Berlin"][0]
    feats = entities.word_features(["Die", "SPD", "tagt", "in", "Hamburg"])
    assert feats[4]["c1"] == table["Hamburg"][1] and feats[3]["1.c1"] == table["Hamburg"][1]
    # Upper-case words fall back to their capitalised form.
    assert entities.word_features(["HAMBURG"])[0]["c0"] == table["Hamburg"][0]


def test_offsets_point_into_the_text(agency, ticker, seed_agency_text, seed_ticker_text):
    for ents, text in ((agency, seed_agency_text), (ticker, seed_ticker_text)):
        assert ents
        for e in ents:
            assert text[e.start:e.end] == e.text
            assert e.type in entities.TYPES
            assert e.text == e.text.strip()


def test_kim_spellings_share_one_key_across_articles(agency, ticker):
    assert _keys_of(agency, "Kim Jong-un") == {"kim jong un"}
    assert _keys_of(ticker, "Kim Jong Un") == {"kim jong un"}
    # The short form resolves to the full name within each article.
    assert _keys_of(agency, "Kim") == {"kim jong un"}


def test_trump_and_role_are_one_person(agency, ticker):
    for ents in (agency, ticker):
        assert _keys_of(ents, "Donald Trump") == {"donald trump"}
        assert _keys_of(ents, "Trump") == {"donald trump"}
        # The role is not part of the name.
        assert not any("Präsident" in e.text for e in ents if e.type == "PER")
    assert _keys_of(ticker, "Trumps") == {"donald trump"}


def test_places_and_their_genitives(agency, ticker):
    for ents in (agency, ticker):
        by_text = {e.text: (e.type, e.key) for e in ents}
        assert by_text["Hanoi"] == by_text["Hanois"] == ("LOC", "hanoi")
        assert by_text["Nordkoreas"] == ("LOC", "north korea")
        assert by_text["Pjöngjang"][0] == "LOC"
    assert {e.key for e in agency if e.text == "Nordkorea"} == {"north korea"}


def test_derived_adjectives_are_not_entities(agency):
    assert not any(e.text.lower().startswith(("nordkoreanisch", "vietnamesisch")) for e in agency)


def test_english_article_shares_keys_with_german():
    text = ("North Korean leader Kim Jong Un met President Donald Trump in Hanoi on Wednesday. "
            "Trump said North Korea could become an economic powerhouse.")
    ents = _entities(text, "en")
    found = {(e.text, e.type, e.key) for e in ents}
    assert ("North Korea", "LOC", "north korea") in found
    assert ("Kim Jong Un", "PER", "kim jong un") in found
    assert ("Donald Trump", "PER", "donald trump") in found
    assert ("Hanoi", "LOC", "hanoi") in found
    assert ("Trump", "PER", "donald trump") in found
    assert not any(e.text.startswith("North Korean") for e in ents)
    german = _entities("Nordkorea und Pjöngjang lehnen das ab, sagte Kim Jong-un in Hanoi.")
    assert {e.key for e in german} >= {"north korea", "pyongyang", "kim jong un", "hanoi"}


def test_keys_do_not_depend_on_the_article():
    assert keys.canonical_key("Kim Jong-un") == keys.canonical_key("Kim Jong Un") == "kim jong un"
    assert keys.canonical_key("Pjöngjang") == keys.canonical_key("Pyongyang") == "pyongyang"
    assert keys.canonical_key("Nordkoreas") == keys.canonical_key("North Korea") == "north korea"
    assert keys.canonical_key("Peking") == keys.canonical_key("Beijing")
    assert keys.canonical_key("Wladimir Putin") == keys.canonical_key("Vladimir Putin")
    assert keys.canonical_key("Sarah Sanders") == "sarah sanders"


def test_roles_are_recognised():
    g = gazetteer.gazetteer()
    assert all(g.is_role(w) for w in ("US-Präsident", "Machthaber", "Kanzlerin", "Bundeskanzlerin", "President"))
    assert not any(g.is_role(w) for w in ("Haus", "Beirat", "Präsidentschaft", "Hauptstadt", "Donald"))


def test_role_before_a_short_name_is_cut():
    ents = _entities("Der Gipfel begann am Morgen. Danach sprach Machthaber Kim mit Kanzlerin Merkel über Sanktionen.")
    per = {e.text for e in ents if e.type == "PER"}
    assert "Kim" in per and "Merkel" in per
    assert not any(" " in p for p in per)


def test_no_sentences_and_empty_text():
    text = "Angela Merkel reiste nach Paris."
    ents = find_entities(text, [], "de")
    assert [(e.text, e.type) for e in ents] == [("Angela Merkel", "PER"), ("Paris", "LOC")]
    assert find_entities("", [], "de") == []
    assert find_entities("", [], "en") == []


def _doc_words(text):
    return [(entities._sentence_words(text, s), set()) for s in segment(text)[1]]


def test_a_name_keeps_one_type_within_an_article():
    text = "Werne feiert. In Werne regnet es. Werne ist klein."
    at = [i for i in range(len(text)) if text.startswith("Werne", i)]
    mentions = [(at[0], at[0] + 5, "LOC"), (at[1], at[1] + 5, "ORG"), (at[2], at[2] + 5, "LOC")]
    got = entities._consistent(text, mentions, _doc_words(text), frozenset({"types"}))
    assert [k for _, _, k in got] == ["LOC", "LOC", "LOC"]
    # A tie is no majority: each mention keeps its own type.
    tie = entities._consistent(text, mentions[:2], _doc_words(text), frozenset({"types"}))
    assert [k for _, _, k in tie] == ["LOC", "ORG"]


def test_a_name_tagged_once_is_tagged_where_it_recurs():
    text = "Die Katholische Landjugend lädt ein. Später kam die Katholische Landjugend wieder. Anna Berg lacht. Berg ging."
    first = text.index("Katholische")
    second = text.index("Katholische", first + 1)
    anna = text.index("Anna")
    mentions = [(first, first + len("Katholische Landjugend"), "ORG"), (anna, anna + 9, "PER")]
    got = entities._consistent(text, mentions, _doc_words(text), frozenset({"types", "spread"}))
    assert (second, second + len("Katholische Landjugend"), "ORG") in got
    # People are left to the surname rule (``_repeated_names``), not spread here.
    assert len(got) == 3
    assert entities._consistent(text, mentions, _doc_words(text), frozenset({"types"})) == mentions


def test_optional_feature_groups():
    words = ["Er", "las", "„", "Der", "letzte", "Feind", "“", "gestern"]
    plain = entities.word_features(words, extras=frozenset())
    quoted = entities.word_features(words, extras=frozenset({"quote", "win2", "bigram"}))
    assert [("inq" in f) for f in quoted] == [False, False, False, True, True, True, False, False]
    assert not any("inq" in f for f in plain)
    assert quoted[3]["-1.bi"] == "„|der" and quoted[3]["2.shape"] == plain[5]["shape"]
    assert set(entities.FEATURE_GROUPS) >= entities.FEATURES
