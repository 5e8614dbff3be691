"""Online story clustering: mechanics on toy vectors, quality floors on real data."""

from __future__ import annotations

import json

import numpy as np
import pytest

from conftest import SEED_AGENCY, SEED_TICKER, SEMEVAL, need
from storylink.cluster import (
    DECIDER_PATH,
    PAIR_FEATURES,
    Assignment,
    ClusterItem,
    Clusterer,
    Decider,
    item_from,
)
from storylink.neardup import signature

HOUR = 3600.0


def _unit(v: np.ndarray) -> np.ndarray:
    return (v / np.linalg.norm(v)).astype(np.float32)


def _stream(n_stories: int = 30, per_story: int = 4, dim: int = 64, seed: int = 5, hours: float = 6.0,
            ) -> tuple[list[ClusterItem], dict[str, str]]:
    """Stories as noisy copies of random centres, a few hours apart, with story-specific entity keys."""
    rng = np.random.default_rng(seed)
    items, gold = [], {}
    for s in range(n_stories):
        centre = rng.standard_normal(dim)
        for k in range(per_story):
            vec = _unit(centre / np.linalg.norm(centre) + 0.3 * rng.standard_normal(dim) / np.sqrt(dim))
            aid = f"s{s}-{k}"
            items.append(ClusterItem(aid, s * hours * HOUR + k * 600.0, vec, entities=frozenset({f"e{s}", "berlin"})))
            gold[aid] = f"s{s}"
    items.sort(key=lambda i: i.time)
    return items, gold


def test_decider_loads_the_committed_model() -> None:
    data = json.loads(DECIDER_PATH.read_text(encoding="utf-8"))
    assert list(data["weights"]) == list(PAIR_FEATURES)
    d = Decider()
    assert 0.0 < d.threshold < 1.0 and d.merge_threshold >= d.threshold
    # More similar and more shared entities is never less likely the same story.
    low = np.zeros(len(PAIR_FEATURES))
    high = low.copy()
    high[[0, 1, 3, 4, 7]] = [0.9, 0.9, 0.8, np.log1p(3), 1.0]
    p_low, p_high = d(np.vstack([low, high]))
    assert p_high > 0.9 and p_low < 0.05


def test_decider_rejects_wrong_weights() -> None:
    from storylink.errors import ModelError

    with pytest.raises(ModelError, match="max_cos"):
        Decider([1.0, 2.0], 0.0)


def test_stream_is_clustered_into_its_stories() -> None:
    from storylink.evaluate.clusters import ari, bcubed

    items, gold = _stream()
    clusterer = Clusterer()
    labels = clusterer.labels(clusterer.run(items))
    assert bcubed(labels, gold)["f1"] >= 0.97
    assert ari(labels, gold) >= 0.95
    first = {a for a in labels if a.endswith("-0")}
    assert {labels[a] for a in first} == {f"s:{a}" for a in first}  # story id = first article


def test_projected_search_agrees_with_exact_search() -> None:
    items, gold = _stream(n_stories=60, per_story=5, dim=256, hours=0.5)
    exact = Clusterer(exact_limit=10**9)
    projected = Clusterer(exact_limit=0, search_dim=32)
    a = exact.labels(exact.run(items))
    b = projected.labels(projected.run(items))
    assert sum(a[i] == b[i] for i in a) >= 0.98 * len(a)


def test_near_duplicate_joins_its_original_and_is_marked() -> None:
    rng = np.random.default_rng(1)
    text = " ".join(f"wort{i}" for i in rng.integers(0, 5000, 120))
    v = _unit(rng.standard_normal(32))
    other = _unit(rng.standard_normal(32))
    c = Clusterer()
    c.add(ClusterItem("a", 0.0, v, signature(text)))
    # A copy whose vector is far off (a different encoder run) still joins via the signature.
    out = c.add(ClusterItem("b", 60.0, other, signature(text + " ergänzt")))
    assert out.duplicate_of == "a" and out.story_id == "s:a" and not out.new_story


def test_window_closes_stories_and_frees_their_rows() -> None:
    items, _ = _stream(n_stories=20, per_story=3, hours=48.0)
    c = Clusterer(window_days=1.0)
    list(c.run(items))
    assert len(c.closed) >= 17 and len(c.stories) <= 2
    assert c.window_rows == sum(len(s.members) for s in c.stories.values())
    assert all(m not in c.story_of for s in c.closed.values() for m in s.members)


def test_bridging_article_merges_stories_and_old_id_survives() -> None:
    e = np.eye(8, dtype=np.float32)
    base, a, b = e[0], _unit(e[0] + 0.6 * e[1]), _unit(e[0] + 0.6 * e[2])  # cos(a, b) 0.74, cos(a, base) 0.86
    c = Clusterer(threshold=0.5, merge_threshold=0.5, decider=Decider([10, 0, 0, 0, 0, 0, 0, 0, 0], -8.0))
    assert c.add(ClusterItem("x", 0.0, a)).new_story
    assert c.add(ClusterItem("y", 10.0, b)).new_story
    out = c.add(ClusterItem("z", 20.0, base))  # close to both
    assert out.story_id == "s:x" and out.merged == ("s:y",)
    assert c.resolve("s:y") == "s:x" and set(c.stories["s:x"].members) == {"x", "y", "z"}


def test_replay_rebuilds_the_same_state() -> None:
    items, _ = _stream(n_stories=12, per_story=4, hours=30.0)
    first = Clusterer(window_days=2.0)
    assignments = [first.add(i) for i in items[:30]]
    stored = [Assignment.from_dict(a.to_dict()) for a in assignments]
    second = Clusterer(window_days=2.0)
    for item, a in zip(items[:30], stored):
        second.replay(item, a)
    rest_a = [first.add(i) for i in items[30:]]
    rest_b = [second.add(i) for i in items[30:]]
    assert rest_a == rest_b
    assert first.redirects == second.redirects and set(first.closed) == set(second.closed)


def test_item_from_takes_entity_keys_and_language(seed_agency, seed_agency_text) -> None:
    item = item_from("agency", 0.0, seed_agency_text, seed_agency, np.ones(512, dtype=np.float32))
    assert item.language == "de"
    assert {"hanoi", "kim jong un"} <= item.entities or any("kim" in k for k in item.entities)
    assert item.signature is not None and item.signature.size > 50
    assert item.vector.dtype == np.float32 and item.vector.shape == (512,)


# -- quality floors on real data (vectors from the cache when present, else encoded) -----------

def test_semeval_dev_stream_beats_baselines() -> None:
    from storylink.evaluate.clusters import evaluate_semeval_stream

    # The first 120 dev pairs (~230 articles): small enough to encode on a clean clone.
    rows = {r["method"].split(" (")[0]: r for r in evaluate_semeval_stream(need(SEMEVAL), limit=120)}
    ours = rows["storylink"]
    # Measured: storylink F1 0.831 (P 0.818, R 0.844) over 105 pairs; TF-IDF 0.655; MinHash 0.0.
    assert ours["pairs"] >= 100
    assert ours["f1"] >= 0.80
    assert ours["f1"] > rows["minhash only"]["f1"] + 0.5
    assert ours["f1"] > rows["tfidf single pass"]["f1"] + 0.1  # although TF-IDF's threshold is tuned on this stream


def test_synthetic_stream_bcubed() -> None:
    from storylink.evaluate.clusters import evaluate_synthetic

    need(SEMEVAL)
    rows = {r["method"].split(" (")[0]: r for r in evaluate_synthetic(stories=40, seed=3)}
    # Measured: BCubed F1 0.981, ARI 0.957; TF-IDF (tuned here) 0.937; MinHash only 0.882.
    assert rows["storylink"]["f1"] >= 0.96
    assert rows["storylink"]["ari"] >= 0.92
    assert rows["storylink"]["f1"] > rows["minhash only"]["f1"] + 0.05


def test_seeds_land_in_one_story() -> None:
    from storylink.evaluate.clusters import seeds_together

    out = seeds_together([need(SEED_AGENCY), need(SEED_TICKER)])
    assert out["together"], out
