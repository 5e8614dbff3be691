"""Online story clustering: mechanics on toy vectors, quality floors on real data."""

from __future__ import annotations

import dataclasses
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
    facts,
    item_from,
)
from storylink.neardup import signature

HOUR = 3600.0
#: Pinned floor of pairwise F1 on the first 120 original SemEval dev pairs (both stages). Only moves up.
SEMEVAL_FLOOR = 0.86
#: Pinned floors on the hard stream (evaluate/hardsynth.py, default seed; measured 0.822, 0.639 and 0.975
#: with the fact veto on amounts, ages and scores and the German topic veto, 0.669, 0.601 and 0.975
#: without the topic veto (0.657 for the first with storylink-analyze/5's entities), 0.278, 0.187 and 1.000 without either: the compare model joins same-template
#: stories, see cluster.py; weekdays as a slot reached 0.850 and split follow-ups, see
#: test_a_follow_up_naming_the_next_weekday_joins_its_story) and of the first stage's out-of-fold pairwise F1
#: on the articles of the first 400 train pairs (measured 0.788). Only move up (the recall floor gave 0.01
#: for the veto: 0.975 against 0.98). With the protagonist veto and the street slot (storylink-analyze/8):
#: 0.858, 0.899 and 0.989; with the dateline slot 0.894, 0.935 and 0.986.
HARD_B3_PRECISION_FLOOR = 0.88
HARD_FIRST_B3_PRECISION_FLOOR = 0.92
HARD_B3_RECALL_FLOOR = 0.98
OOF_FIRST_F1_FLOOR = 0.76


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


def test_hnsw_search_agrees_with_exact_search_and_follows_the_window() -> None:
    items, _ = _stream(n_stories=80, per_story=5, dim=256, hours=2.0)
    exact = Clusterer(exact_limit=10**9, window_days=1.0)
    ann = Clusterer(ann_limit=60, window_days=1.0)
    a = exact.labels(exact.run(items[:200]))
    b = {}
    for item in items[:200]:
        b[item.id] = ann.add(item).story_id
        if ann.window_rows > 60:  # the index exists exactly while the window is large
            assert ann._ann is not None and len(ann._ann) == ann.window_rows
    b = ann.labels(Assignment(i, s, False, 1.0) for i, s in b.items())
    assert sum(a[i] == b[i] for i in a) >= 0.98 * len(a)
    # The nearest rows of a fresh vector: the graph finds what the exact scan finds.
    probe = items[150].vector
    assert ann._ann is not None
    rows_ann = {ann._ids[r] for r in ann._nearest_rows(probe)[0].tolist()}
    ann._ann, saved = None, ann._ann
    rows_exact = {ann._ids[r] for r in ann._nearest_rows(probe)[0].tolist()}
    ann._ann = saved
    assert len(rows_ann & rows_exact) >= 0.9 * len(rows_exact)
    # A window shrinking below half the limit drops the index; a scan serves again.
    ann.add(ClusterItem("late", items[199].time + 10 * 86400, items[0].vector))
    assert ann._ann is None and ann.window_rows == 1


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


def test_facts_name_amounts_ages_and_scores_not_years_or_clock_times() -> None:
    found = facts("Am 3. März 2026 gegen 18:15 Uhr: ein 46-Jähriger, 2.000 Euro Schaden, Endstand 3:2, "
                  "Anstoß 20:30, a 43-year-old paid $5 million.")
    slots = {(k, v) for k, v in found if not k.startswith("figure:")}
    assert slots == {("age", "46"), ("age", "43"), ("money", "2000"), ("score", "3:2"), ("clock", "18:15")}
    assert not any(v == "2026" for _, v in found)  # a year is no figure of a unit
    assert ("score", "20:30") not in found  # a time of day, not a match score
    # Weekdays in one form across languages; "die Nacht zum Samstag" is also Friday's night.
    assert {v for k, v in facts("Am Montag, on Monday") if k == "weekday"} == {"Montag"}
    assert {v for k, v in facts("in der Nacht zum Samstag") if k == "weekday"} == {"Freitag", "Samstag"}
    assert {v for k, v in facts("in der Nacht von Freitag auf den Folgetag") if k == "weekday"} == \
        {"Freitag", "Samstag"}


def _fact_items(n: int = 3) -> list[ClusterItem]:
    v = np.eye(4, dtype=np.float32)[0]
    texts = ["Einbruch: Schaden 2000 Euro.", "Einbruch: Schaden 2000 Euro, Täter gefasst.",
             "Einbruch: Schaden 5000 Euro."]
    return [ClusterItem(f"a{i}", 60.0 * i, v, entities=frozenset({"bergheim"}), facts=facts(t))
            for i, t in enumerate(texts[:n])]


def test_a_conflicting_amount_vetoes_the_join_a_shared_one_does_not() -> None:
    decider = Decider([10] + [0] * (len(PAIR_FEATURES) - 1), -5.0)  # same vector: p 0.99
    on = Clusterer(decider=decider, second_stage=False, threshold=0.5, merge_threshold=0.9)
    labels = on.labels(list(on.run(_fact_items())))
    assert labels["a1"] == labels["a0"] and labels["a2"] != labels["a0"]
    off = Clusterer(decider=decider, second_stage=False, threshold=0.5, merge_threshold=0.9, fact_veto=0)
    assert len(set(off.labels(list(off.run(_fact_items()))).values())) == 1
    # A text naming more amounts than its ``fact_slots`` cap (2) reports several: one that differs says nothing.
    many = dataclasses.replace(_fact_items()[2], facts=facts("Schaden 5000 Euro, Beute 300 Euro, Lohn 40 Euro."))
    c = Clusterer(decider=decider, second_stage=False, threshold=0.5, merge_threshold=0.9)
    assert c.labels(list(c.run([*_fact_items(2), many])))["a2"] == "s:a0"


def test_reports_from_different_streets_of_one_town_are_different_events() -> None:
    import storylink

    def item(i: int, text: str) -> ClusterItem:
        analysis = storylink.analyze(text)
        return ClusterItem(f"a{i}", 60.0 * i, np.eye(4, dtype=np.float32)[0], language="de",
                           entities=frozenset(e.key for e in analysis.entities if e.key), facts=facts(text, analysis))

    texts = ["Einbrecher sind in Mühlbach in eine Gartenlaube in der Bergstraße eingedrungen.",
             "In der Bergstraße in Mühlbach brachen Unbekannte eine Gartenlaube auf.",
             "Einbrecher sind in Mühlbach in eine Bäckerei in der Schillerstraße eingedrungen."]
    items = [item(i, t) for i, t in enumerate(texts)]
    assert ("street", "bergstrasse") in items[0].facts and ("street", "schillerstrasse") in items[2].facts
    decider = Decider([10] + [0] * (len(PAIR_FEATURES) - 1), -5.0)  # same vector: p 0.99
    c = Clusterer(decider=decider, second_stage=False, threshold=0.5, merge_threshold=0.9)
    labels = c.labels(list(c.run(items)))
    assert labels["a1"] == labels["a0"] != labels["a2"]
    # A report naming no street, or the same one, stays free to join.
    assert c.add(item(3, "Einbruch in Mühlbach: die Polizei sucht Zeugen.")).story_id in {labels["a0"], labels["a2"]}


def test_two_releases_datelined_in_two_towns_are_two_events() -> None:
    assert ("dateline", "grunwalde") in facts("POL-PP Bergheim: Zeugen gesucht\nGrünwalde (ots) - In der Nacht …")
    assert ("dateline", "lindenau") in facts("Lindenau sagt Ja\nLindenau. Der Gemeinderat hat beschlossen.")
    assert not {v for k, v in facts("Er kam. Sie ging. Dann regnete es.") if k == "dateline"}
    v = np.eye(4, dtype=np.float32)[0]
    texts = ["Einbruch\nGrünwalde (ots) - Unbekannte brachen ein.", "Festnahme\nGrünwalde (ots) - Ein Mann wurde gefasst.",
             "Einbruch\nMühlbach (ots) - Unbekannte brachen ein."]
    items = [ClusterItem(f"a{i}", 60.0 * i, v, entities=frozenset({"bergheim"}), facts=facts(t))
             for i, t in enumerate(texts)]
    decider = Decider([10] + [0] * (len(PAIR_FEATURES) - 1), -5.0)  # same vector: p 0.99
    c = Clusterer(decider=decider, second_stage=False, threshold=0.5, merge_threshold=0.9)
    labels = c.labels(list(c.run(items)))
    assert labels["a1"] == labels["a0"] != labels["a2"]


def _lead_item(i: int, who: str, names: tuple[str, ...]) -> ClusterItem:
    import storylink

    text = f"{who} eröffnet die Landesgartenschau in Altmühlen. Die Schau läuft bis Oktober."
    analysis = storylink.analyze(text)
    keys = frozenset(e.key for e in analysis.entities if e.key) | frozenset(names)
    return ClusterItem(f"a{i}", 60.0 * i, np.eye(4, dtype=np.float32)[0], entities=keys, language="de",
                       facts=facts(text, analysis))


def test_a_story_led_by_somebody_the_article_never_names_is_not_joined() -> None:
    decider = Decider([10] + [0] * (len(PAIR_FEATURES) - 1), -5.0)  # same vector: p 0.99
    hoffmann = [_lead_item(0, "Innenminister Stefan Hoffmann", ()), _lead_item(1, "Minister Stefan Hoffmann", ())]
    brandt = _lead_item(2, "Wirtschaftsministerin Claudia Brandt", ())
    assert ("lead", "claudia brandt") in brandt.facts
    c = Clusterer(decider=decider, second_stage=False, threshold=0.5, merge_threshold=0.9)
    labels = c.labels(list(c.run([*hoffmann, brandt])))
    assert labels["a1"] == labels["a0"] and labels["a2"] != labels["a0"]
    off = Clusterer(decider=decider, second_stage=False, threshold=0.5, merge_threshold=0.9, lead_veto=False)
    assert len(set(off.labels(list(off.run([*hoffmann, brandt]))).values())) == 1
    # Led by another person but naming the story's protagonist (or named by it), one story: Trump and Kim.
    both = _lead_item(2, "Wirtschaftsministerin Claudia Brandt", ("stefan hoffmann",))
    c = Clusterer(decider=decider, second_stage=False, threshold=0.5, merge_threshold=0.9)
    assert len(set(c.labels(list(c.run([*hoffmann, both]))).values())) == 1


def test_an_article_naming_no_conflicting_fact_does_not_merge_two_conflicting_stories() -> None:
    decider = Decider([10] + [0] * (len(PAIR_FEATURES) - 1), -5.0)
    v = np.eye(4, dtype=np.float32)[0]
    c = Clusterer(decider=decider, second_stage=False, threshold=0.5, merge_threshold=0.9)
    a, b = _fact_items()[0], _fact_items()[2]
    bridge = ClusterItem("z", 300.0, v, entities=frozenset({"bergheim"}), facts=facts("Einbruch in Bergheim."))
    out = [c.add(a), c.add(b), c.add(bridge)]
    assert out[1].new_story and not out[2].merged and len(c.stories) == 2


def test_an_article_naming_neither_protagonist_does_not_merge_two_stories_led_by_them() -> None:
    decider = Decider([10] + [0] * (len(PAIR_FEATURES) - 1), -5.0)
    hoffmann, brandt = _lead_item(0, "Innenminister Stefan Hoffmann", ()), _lead_item(1, "Ministerin Claudia Brandt", ())
    # Both stories open, then a report naming neither person fits both (same vector).
    bridge = dataclasses.replace(_lead_item(2, "Der Landrat", ()), entities=frozenset({"altmuhlen"}))
    assert not {v for slot, v in bridge.facts if slot == "lead"}
    c = Clusterer(decider=decider, second_stage=False, threshold=0.5, merge_threshold=0.9)
    assert c.add(hoffmann).new_story and c.add(brandt).new_story  # the protagonist veto keeps them apart
    out = c.add(bridge)
    assert not out.new_story and not out.merged and len(c.stories) == 2
    off = Clusterer(decider=decider, second_stage=False, threshold=0.5, merge_threshold=0.9, lead_veto=False)
    off._open(hoffmann), off._open(brandt)  # as the veto left them
    assert off.add(bridge).merged and len(off.stories) == 1


def test_bridging_article_merges_stories_and_old_id_survives() -> None:
    e = np.eye(8, dtype=np.float32)
    base, a, b = e[0], _unit(e[0] + 0.6 * e[1]), _unit(e[0] + 0.6 * e[2])  # cos(a, b) 0.74, cos(a, base) 0.86
    c = Clusterer(threshold=0.5, merge_threshold=0.5, decider=Decider([10] + [0] * (len(PAIR_FEATURES) - 1), -8.0))
    assert c.add(ClusterItem("x", 0.0, a)).new_story
    assert c.add(ClusterItem("y", 10.0, b)).new_story
    out = c.add(ClusterItem("z", 20.0, base))  # close to both
    assert out.story_id == "s:x" and out.merged == ("s:y",)
    assert c.resolve("s:y") == "s:x" and set(c.stories["s:x"].members) == {"x", "y", "z"}


@pytest.mark.parametrize("ann_limit", [50_000, 6])  # the default scan, and the HNSW graph past 6 rows
def test_replay_rebuilds_the_same_state(ann_limit: int) -> None:
    items, _ = _stream(n_stories=12, per_story=4, hours=30.0)
    first = Clusterer(window_days=2.0, ann_limit=ann_limit)
    assignments = [first.add(i) for i in items[:30]]
    stored = [Assignment.from_dict(a.to_dict()) for a in assignments]
    second = Clusterer(window_days=2.0, ann_limit=ann_limit)
    for item, a in zip(items[:30], stored):
        second.replay(item, a)
    rest_a = [first.add(i) for i in items[30:]]
    rest_b = [second.add(i) for i in items[30:]]
    assert rest_a == rest_b
    assert first.redirects == second.redirects and set(first.closed) == set(second.closed)
    assert (first._ann is None) == (second._ann is None) == (ann_limit > 10)


def _profile(article_id: str, topic: int):
    """A stand-in profile: the fake compare below reads only ``length`` (the topic) and the id."""
    from storylink.features import Profile

    empty = np.zeros(0, dtype=np.int64)
    vec = np.ones((1, 4), dtype=np.float32) / 2
    return Profile(article_id, "de", topic, vec, np.array([[0, 1]]), vec, np.array([[0, 1]]), empty,
                   np.zeros(0, dtype=np.float32), empty, np.zeros(0, dtype=np.float32), empty, empty, empty)


def _topic_compare(calls: list[tuple[str, str]]):
    """Same story exactly when the two profiles carry the same topic; records the pairs it was asked."""
    def compare(pairs):
        calls.extend((p.article_id, q.article_id) for p, q in pairs)
        same = np.array([0.99 if p.length == q.length else 0.01 for p, q in pairs])
        return np.full((len(pairs), 7), 2.0), same
    return compare


def test_second_stage_overrules_the_first_when_items_carry_profiles() -> None:
    from storylink.cluster import SECOND_STAGE_FEATURES, SecondStage

    v = _unit(np.ones(16))
    # The vectors are identical, so the first stage alone puts all three together.
    first_only = Clusterer(second_stage=False)
    assert len({a.story_id for a in first_only.run(ClusterItem(x, i * 60.0, v) for i, x in enumerate("abc"))}) == 1
    weights = [0.0] * len(SECOND_STAGE_FEATURES)
    weights[SECOND_STAGE_FEATURES.index("same_max")] = 1.0
    calls: list[tuple[str, str]] = []
    c = Clusterer(second_stage=SecondStage(weights, 0.0, stories=2, members=1), compare=_topic_compare(calls))
    topics = {"a": 1, "b": 2, "c": 1, "d": 2}
    out = {x: c.add(ClusterItem(x, i * 60.0, v, profile=_profile(x, topics[x]))) for i, x in enumerate("abcd")}
    assert out["b"].new_story and out["c"].story_id == "s:a" and out["d"].story_id == "s:b"
    assert ("d", "a") in calls or ("d", "c") in calls  # both stories were asked about, one member each
    assert sum(1 for x, _ in calls if x == "d") == 2
    # Without a profile the item is decided by the first stage, whatever the second would say.
    assert not c.add(ClusterItem("e", 300.0, v)).new_story


def test_a_confident_first_stage_join_stands_unless_the_compare_model_vetoes_it() -> None:
    from storylink.cluster import SECOND_STAGE_FEATURES, SecondStage

    v = _unit(np.ones(16))  # identical vectors: the first stage is sure
    weights = [0.0] * len(SECOND_STAGE_FEATURES)
    weights[SECOND_STAGE_FEATURES.index("same_max")] = 1.0

    def joined(same: float) -> bool:
        def compare(pairs):
            return np.full((len(pairs), 7), 2.0), np.full(len(pairs), same)
        c = Clusterer(second_stage=SecondStage(weights, 0.0, threshold=0.5), compare=compare)
        c.add(ClusterItem("a", 0.0, v, profile=_profile("a", 1)))
        return not c.add(ClusterItem("b", 60.0, v, profile=_profile("b", 2))).new_story

    assert SecondStage.VETO < 0.3 < 0.5
    assert joined(0.3)  # the second stage alone (p 0.3 < 0.5) would have split them
    assert not joined(SecondStage.VETO / 2)


def test_replay_then_attached_profiles_decide_like_an_unbroken_run() -> None:
    from storylink.cluster import SECOND_STAGE_FEATURES, SecondStage

    items, _ = _stream(n_stories=8, per_story=4, hours=2.0)
    # The compare verdict splits each vector story by member parity: without the profiles
    # after replay, the resumed run would join what the unbroken one keeps apart.
    items = [dataclasses.replace(i, profile=_profile(i.id, int(i.id[1:].split("-")[0]) * 2 + int(i.id[-1]) % 2))
             for i in items]
    weights = [0.0] * len(SECOND_STAGE_FEATURES)
    weights[:2] = [1.0, 1.0]

    def clusterer() -> Clusterer:
        return Clusterer(second_stage=SecondStage(weights, 0.0, stories=3, members=2), compare=_topic_compare([]))

    whole = clusterer()
    expected = list(whole.run(items))
    resumed = clusterer()
    for item, a in zip(items[:12], expected[:12]):
        resumed.replay(dataclasses.replace(item, profile=None), a)
    assert resumed.attach_profiles({i.id: i.profile for i in items}) == len(resumed.story_of)
    assert list(resumed.run(items[12:])) == expected[12:]
    assert len({a.story_id for a in expected}) == 16


def test_batched_scan_gives_the_same_assignments_as_one_by_one() -> None:
    from threadpoolctl import threadpool_limits

    items, _ = _stream(n_stories=150, per_story=4, dim=128, hours=0.5)
    for exact_limit in (10**9, 50):  # exact scan, and the projected one once the window passes 50 rows
        batched = Clusterer(exact_limit=exact_limit, window_days=0.5)
        got = list(batched.run(items, batch=16))
        single = Clusterer(exact_limit=exact_limit, window_days=0.5)
        with threadpool_limits(limits=1, user_api="blas"):
            want = [single.add(i) for i in items]
        assert got == want
        assert batched.closed.keys() == single.closed.keys() and len(batched.closed) > 100
        # Closed rows are compacted away between batches too, so the scanned matrix follows the window.
        assert batched._n < 0.6 * len(items)


def test_item_from_takes_entity_keys_and_language(seed_agency, seed_agency_text) -> None:
    item = item_from("agency", 0.0, seed_agency_text, seed_agency, np.ones(512, dtype=np.float32))
    assert item.language == "de"
    assert {"hanoi", "kim jong un"} <= item.entities or any("kim" in k for k in item.entities)
    assert item.signature is not None and item.signature.size > 50
    assert item.vector.dtype == np.float32 and item.vector.shape == (512,)


# -- quality floors on real data (vectors from the cache when present, else encoded) -----------

def test_semeval_dev_stream_beats_baselines() -> None:
    from storylink.evaluate.clusters import evaluate_semeval_stream

    # The first 120 original dev pairs (~235 articles): the texts the compare tests embed too,
    # so a clean clone pays for their vectors once.
    rows = {r["method"].split(" (")[0]: r
            for r in evaluate_semeval_stream(need(SEMEVAL), limit=120, machine_translated=False)}
    ours, first = rows["storylink"], rows["storylink, first stage only"]
    # Measured: both stages F1 0.893-0.912 (P 0.93-0.96, R 0.86-0.90) over 104 pairs (e5 vectors move in the
    # last digits with batch padding, and a few verdicts sit near the threshold); first stage alone 0.793;
    # TF-IDF 0.731; MinHash 0.0.
    assert ours["pairs"] >= 90
    assert ours["f1"] >= SEMEVAL_FLOOR
    assert ours["f1"] > first["f1"] + 0.03  # the compare model's verdict is what lifts it
    assert ours["f1"] > rows["minhash only"]["f1"] + 0.5
    assert ours["f1"] > rows["tfidf single pass"]["f1"] + 0.1  # although TF-IDF's threshold is tuned on this stream
    # The listed errors are exactly the wrong pairs the figures count.
    joined = [e for e in ours["errors"] if e["error"] == "joined"]
    apart = [e for e in ours["errors"] if e["error"] == "apart"]
    assert all(e["overall"] >= 3.0 for e in joined) and all(e["overall"] <= 1.5 for e in apart)
    if ours["errors"]:  # F1 = 2tp / (2tp + fp + fn) gives tp, then precision must agree
        tp = ours["f1"] * (len(joined) + len(apart)) / (2 * (1 - ours["f1"]))
        assert tp / (tp + len(joined)) == pytest.approx(ours["precision"])
    else:
        assert ours["f1"] == 1.0
    assert all(0.0 <= e["same_story"] <= 1.0 and all(e["headlines"]) for e in ours["errors"])
    # The compare model on the same pairs one by one, no stream: the evidence the clustering decides by.
    alone, best = rows["compare model, each pair alone"], rows["  same, best cut on these pairs"]
    assert alone["pairs"] == best["pairs"] == ours["pairs"]
    assert best["f1"] >= alone["f1"] >= SEMEVAL_FLOOR - 0.05


def test_decider_was_trained_with_the_shipped_compare_model() -> None:
    from storylink.compare import MODEL_NAME, load_model

    data = json.loads(DECIDER_PATH.read_text(encoding="utf-8"))["second_stage"]
    # The second stage reads the compare model's probabilities: a new compare model means retraining it.
    assert data["compare"] == {"model": MODEL_NAME, "features": int(load_model().ridge_mean.shape[0]),
                               "platt": [round(x, 6) for x in load_model().platt]}
    # Its weights and thresholds were chosen out of fold too, and the file keeps those figures.
    oof = data["train"]["out_of_fold"]
    assert "out-of-fold" in data["train"]["chosen_on"] and oof["pairs"] > 1000
    assert oof["ci_precision"][0] <= oof["precision"] <= oof["ci_precision"][1]


def test_synthetic_stream_bcubed() -> None:
    from storylink.evaluate.clusters import evaluate_synthetic

    rows = {r["method"].split(" (")[0]: r for r in evaluate_synthetic(need(SEMEVAL), stories=40, seed=3)}
    # Measured: BCubed F1 0.981, ARI 0.957; TF-IDF (tuned here) 0.937; MinHash only 0.882.
    assert rows["storylink"]["f1"] >= 0.96
    assert rows["storylink"]["ari"] >= 0.92
    assert rows["storylink"]["f1"] > rows["minhash only"]["f1"] + 0.05


def test_seeds_land_in_one_story() -> None:
    from storylink.evaluate.clusters import seeds_together

    out = seeds_together([need(SEED_AGENCY), need(SEED_TICKER)])
    assert out["together"], out


# -- out-of-fold figures, intervals, the hard stream -----------------------------------------------

def test_fold_clusterer_decides_each_article_with_its_folds_models() -> None:
    from storylink.train_cluster import FoldClusterer

    v = _unit(np.ones(8))
    join = Decider([0.0] * len(PAIR_FEATURES), 10.0, threshold=0.5, merge_threshold=0.9)  # p = 1 for anything
    apart = Decider([0.0] * len(PAIR_FEATURES), -10.0, threshold=0.5, merge_threshold=0.9)  # p = 0
    fold_of = {"a": 0, "b": 1, "c": 0, "d": 1}
    c = FoldClusterer(fold_of, [join, apart, join], [None, None, None])
    out = [c.add(ClusterItem(x, i * 60.0, v)) for i, x in enumerate("abcd")]
    # Fold 1 never joins: b and d open stories; c (fold 0) joins the best story.
    assert [a.new_story for a in out] == [True, True, False, True]


def test_train_folds_keep_every_pair_inside_one_fold() -> None:
    from storylink.train_cluster import FOLDS, train_folds
    from storylink.train_compare import _key, load_pairs

    rows = load_pairs(need(SEMEVAL) / "train.jsonl")
    fold = train_folds(rows)
    assert all(fold[_key(r["text1"])] == fold[_key(r["text2"])] for r in rows)
    sizes = np.bincount(list(fold.values()), minlength=FOLDS)
    assert len(sizes) == FOLDS and sizes.min() > 0.5 * sizes.mean()


def test_bootstrap_interval_brackets_the_figure_and_narrows_with_more_pairs() -> None:
    from storylink.evaluate.clusters import bootstrap_pairwise, format_ci, pairwise

    rng = np.random.default_rng(3)

    def stream(n: int) -> tuple[dict[str, int], list[tuple[str, str, bool]]]:
        labels: dict[str, int] = {}
        pairs = []
        for i in range(n):  # one pair per component, right 85% of the time
            same = bool(rng.random() < 0.5)
            right = bool(rng.random() < 0.85)
            labels[f"a{i}"], labels[f"b{i}"] = 2 * i, 2 * i if same == right else 2 * i + 1
            pairs.append((f"a{i}", f"b{i}", same))
        return labels, pairs

    small, large = stream(60), stream(2000)
    for labels, pairs in (small, large):
        point, ci = pairwise(labels, pairs), bootstrap_pairwise(labels, pairs, resamples=400)
        for m in ("precision", "recall", "f1"):
            assert ci[m][0] <= point[m] <= ci[m][1]
    width = lambda ci: ci["f1"][1] - ci["f1"][0]  # noqa: E731
    assert width(bootstrap_pairwise(*large, resamples=400)) < 0.5 * width(bootstrap_pairwise(*small, resamples=400))
    assert bootstrap_pairwise(*small, resamples=400) == bootstrap_pairwise(*small, resamples=400)  # seeded
    assert format_ci(0.9141, (0.881, 0.9449)) == "0.914 [0.88, 0.94]"


def test_first_stage_out_of_fold_on_train() -> None:
    from storylink.train_cluster import first_stage_out_of_fold

    data = json.loads(DECIDER_PATH.read_text(encoding="utf-8"))
    # The shipped thresholds, chosen on the full train stream out of fold; here on a part of it.
    out = first_stage_out_of_fold(need(SEMEVAL), stories=40, limit=400,
                                  grid=((data["threshold"], data["merge_threshold"]),))
    oof = out["train"]["out_of_fold"]
    assert oof["pairs"] >= 250
    assert oof["f1"] >= OOF_FIRST_F1_FLOOR
    assert oof["ci_f1"][0] <= oof["f1"] <= oof["ci_f1"][1]
    # The stored decider records the figures its thresholds were chosen on.
    assert "out-of-fold" in data["train"]["chosen_on"] and data["train"]["out_of_fold"]["pairs"] > 1000


def test_hard_stream_of_near_topic_stories() -> None:
    from storylink.evaluate.clusters import evaluate_hard_stream
    from storylink.evaluate.hardsynth import make_hard_stream

    stream = make_hard_stream()
    assert stream == make_hard_stream()  # seeded
    families = {s.family for s in stream}
    assert len(families) >= 5 and len({s.story for s in stream}) == 6 * len(families)
    rows = {r["method"].split(" (")[0]: r for r in evaluate_hard_stream()}
    ours, first = rows["storylink"], rows["storylink, first stage only"]
    assert ours["b3_p"] >= HARD_B3_PRECISION_FLOOR and ours["b3_r"] >= HARD_B3_RECALL_FLOOR
    assert first["b3_p"] >= HARD_FIRST_B3_PRECISION_FLOOR
    assert rows["minhash only"]["b3_p"] == 1.0  # no two texts are near-duplicates across stories
    # The topic veto is what lifts precision from the fact veto's 0.67, recall kept.
    off = {r["method"].split(" (")[0]: r for r in evaluate_hard_stream(clusterer=Clusterer(topic_veto=0))}
    assert off["storylink"]["b3_p"] + 0.1 <= ours["b3_p"] and off["storylink"]["b3_r"] <= ours["b3_r"]


def test_topic_terms_leave_out_names_titles_and_weekdays() -> None:
    """The topic veto's evidence is what an article is about: not who (entity mentions and the title
    before a name), not the weekday every report of a template names."""
    import storylink
    from storylink.cluster import topic_terms

    text = "Innenminister Stefan Hoffmann eröffnet am Dienstagabend die Landesgartenschau in Heidelberg."
    terms = {v for _, v in topic_terms(text, storylink.analyze(text))}
    assert {"eröffnet", "landesga"} <= terms
    assert not terms & {"innenmin", "stefan", "hoffmann", "dienstag", "heidelbe"}
    plain = {v for _, v in topic_terms(text)}  # without an analysis no mention is known
    assert {"innenmin", "hoffmann", "heidelbe"} <= plain and "dienstag" not in plain


FIRE = "Köln. {day} ist in einer Lagerhalle im Stadtteil Ehrenfeld ein Großbrand ausgebrochen. Die Feuerwehr " \
       "war mit 120 Einsatzkräften vor Ort, eine dichte Rauchwolke zog über die Stadt."
FOLLOW_UP = "Köln. Nach dem Großbrand in einer Lagerhalle in Ehrenfeld hat die Polizei {day} die Ermittlungen " \
            "zur Brandursache aufgenommen. Die Feuerwehr hatte die Flammen erst in der Nacht gelöscht."


def test_a_follow_up_naming_the_next_weekday_joins_its_story(tmp_path) -> None:
    """A story runs over days: a follow-up that names only the next weekday is no other event (a weekday
    slot in the fact veto split exactly this pair)."""
    import storylink
    from storylink.config import Settings
    from storylink.document import Article

    settings = Settings(db=str(tmp_path / "s.db"), story_profiles=False)
    first = Article(id="fire", text=FIRE.format(day="Am Montag"), published="2024-05-06T18:00:00+02:00")
    later = Article(id="fire-2", text=FOLLOW_UP.format(day="am Dienstag"), published="2024-05-07T11:00:00+02:00")
    stories = storylink.cluster([first, later], settings=settings)
    assert [sorted(s.articles) for s in stories] == [["fire", "fire-2"]]
    assert ("weekday", "Montag") in facts(first.text)  # read, but not a slot the veto compares
