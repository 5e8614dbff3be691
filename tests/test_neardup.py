"""MinHash signatures and the banded LSH index."""

from __future__ import annotations

import random

import numpy as np
import pytest

from storylink.neardup import NUM_PERM, LSHIndex, Signature, containment, is_near_duplicate, jaccard, signature

WORDS = [f"wort{i}" for i in range(5000)]


def _text(rng: random.Random, n: int = 200) -> str:
    return " ".join(rng.choices(WORDS, k=n))


def test_signature_is_stable_and_round_trips() -> None:
    sig = signature("Die Gespräche in Hanoi wurden am Donnerstag fortgesetzt, hieß es aus Delegationskreisen.")
    assert sig.values.dtype == np.uint32 and sig.values.shape == (NUM_PERM,)
    again = Signature.from_bytes(sig.to_bytes())
    assert again.size == sig.size and np.array_equal(again.values, sig.values)
    # Case and punctuation do not change the shingles.
    assert jaccard(sig, signature("die gespräche in HANOI wurden am donnerstag fortgesetzt hieß es aus delegationskreisen")) == 1.0


def test_jaccard_estimate_tracks_true_overlap() -> None:
    rng = random.Random(1)
    base = _text(rng).split()
    for changed, low, high in ((0, 1.0, 1.0), (4, 0.6, 1.0), (60, 0.0, 0.35)):
        words = list(base)
        for i in rng.sample(range(len(words)), changed):
            words[i] = rng.choice(WORDS)
        j = jaccard(signature(" ".join(base)), signature(" ".join(words)))
        assert low <= j <= high, (changed, j)


def test_trimmed_update_is_a_duplicate_but_a_quote_in_a_ticker_is_not() -> None:
    rng = random.Random(2)
    story = _text(rng, 150)
    update = story + " " + _text(rng, 30)  # an added paragraph
    ticker = _text(rng, 600) + " " + " ".join(story.split()[:60]) + " " + _text(rng, 600)
    assert is_near_duplicate(signature(story), signature(update))
    assert containment(signature(story), signature(update)) > 0.8
    assert not is_near_duplicate(signature(" ".join(story.split()[:60])), signature(ticker))


def test_empty_and_short_texts() -> None:
    empty = signature("  ... ")
    assert empty.size == 0 and jaccard(empty, empty) == 0.0
    short = signature("Trump traf Kim")
    assert short.size == 1 and jaccard(short, signature("trump traf kim")) == 1.0
    index = LSHIndex()
    index.add("e", empty)
    assert index.candidates(empty) == [] and "e" in index


def test_lsh_finds_near_copies_and_forgets_removed_keys() -> None:
    rng = random.Random(3)
    originals = [_text(rng) for _ in range(200)]
    index = LSHIndex()
    for i, text in enumerate(originals):
        index.add(f"o{i}", signature(text))
    found = 0
    for i, text in enumerate(originals[:50]):
        words = text.split()
        words[rng.randrange(len(words))] = "geändert"
        hits = index.near_duplicates(signature(" ".join(words)))
        found += bool(hits) and hits[0][0] == f"o{i}"
    assert found >= 48  # J ~ 0.95: a candidate with probability ~1
    index.remove("o0")
    assert "o0" not in index and "o0" not in index.candidates(signature(originals[0]))
    assert len(index) == 199


@pytest.mark.parametrize("key", ["a", "b"])
def test_re_adding_a_key_replaces_its_signature(key: str) -> None:
    index = LSHIndex()
    index.add(key, signature("eins zwei drei vier fünf sechs sieben"))
    index.add(key, signature("acht neun zehn elf zwölf dreizehn vierzehn"))
    assert index.candidates(signature("eins zwei drei vier fünf sechs sieben")) == []
    assert len(index) == 1
