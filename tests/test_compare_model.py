"""The compare model: quality floor on SemEval dev, ranges, self-comparison, round trips.

The dev floor embeds the original dev texts once (cached under
``.cache/compare``; several minutes on a clean clone, seconds afterwards).
"""

from __future__ import annotations

import numpy as np
import pytest

from conftest import SEMEVAL, need
from storylink.compare import FACETS, Comparison, compare, compare_profiles, load_model
from storylink.features import FEATURE_NAMES, Profile, build_profile, chunk_spans, pair_features

#: Pinned floor: Pearson of predicted vs. human Overall on original dev pairs. Only moves up.
OVERALL_FLOOR = 0.80


@pytest.fixture(scope="module")
def dev_predictions():
    from storylink.train_compare import feature_matrix, load_pairs, profiles_for

    pairs = [p for p in load_pairs(need(SEMEVAL / "dev.jsonl")) if not p["machine_translated"]]
    model = load_model()
    x = feature_matrix(pairs, profiles_for(pairs), model.idf)
    scores, same = model.predict(x)
    gold = np.array([[p["scores"][f.capitalize()] for f in FACETS] for p in pairs])
    return scores, same, gold


def test_overall_pearson_floor_on_original_dev_pairs(dev_predictions):
    scores, _, gold = dev_predictions
    i = FACETS.index("overall")
    r = float(np.corrcoef(scores[:, i], gold[:, i])[0, 1])
    assert r >= OVERALL_FLOOR, f"Overall Pearson {r:.3f} < {OVERALL_FLOOR}"


def test_every_facet_correlates(dev_predictions):
    scores, _, gold = dev_predictions
    for i, facet in enumerate(FACETS):
        r = float(np.corrcoef(scores[:, i], gold[:, i])[0, 1])
        assert r > 0.3, f"{facet}: {r:.3f}"


def test_ranges_and_same_story_follows_overall(dev_predictions):
    scores, same, gold = dev_predictions
    assert scores.min() >= 1.0 and scores.max() <= 4.0
    assert same.min() >= 0.0 and same.max() <= 1.0
    overall = gold[:, FACETS.index("overall")]
    assert same[overall <= 1.5].mean() > 0.6 > 0.3 > same[overall >= 3.0].mean()


def test_article_against_itself(seed_agency_text):
    c = compare(seed_agency_text, seed_agency_text, evidence=False)
    assert c.scores["overall"] <= 1.25
    assert c.same_story >= 0.9
    assert set(c.scores) == set(FACETS)
    assert all(1.0 <= v <= 4.0 for v in c.scores.values())


def test_unrelated_articles_score_apart(seed_agency_text):
    other = (
        "Der FC Bayern hat am Samstag gegen Borussia Dortmund mit 3:1 gewonnen. "
        "Die Tore fielen in der zweiten Halbzeit, der Trainer lobte die Abwehr."
    )
    c = compare(seed_agency_text, other, evidence=False)
    assert c.scores["overall"] >= 3.0
    assert c.same_story <= 0.2


def test_comparison_round_trip(seed_agency_text, seed_ticker_text):
    c = compare(seed_agency_text, seed_ticker_text, evidence=True)
    assert Comparison.from_dict(c.to_dict()) == c
    assert 0.0 <= c.same_story <= 1.0
    assert c.languages[0] == "de"


def test_profile_round_trip_and_symmetry(seed_agency_text, seed_ticker_text):
    p, q = build_profile(seed_agency_text), build_profile(seed_ticker_text)
    again = Profile.from_arrays(p.to_arrays())
    f = pair_features(p, q)
    assert f.shape == (len(FEATURE_NAMES),)
    np.testing.assert_allclose(pair_features(again, q), f, equal_nan=True)
    np.testing.assert_allclose(pair_features(q, p), f, rtol=1e-5, atol=1e-6, equal_nan=True)
    scores, _ = compare_profiles([(p, q), (q, p)])
    np.testing.assert_allclose(scores[0], scores[1], atol=1e-5)


def test_chunks_are_pieces_of_the_text(seed_ticker_text):
    spans = chunk_spans(seed_ticker_text, max_chars=300)
    assert len(spans) > 3
    for (s, e), (s2, _) in zip(spans, spans[1:] + [(len(seed_ticker_text), 0)]):
        piece = seed_ticker_text[s:e]
        assert piece == piece.strip() and piece
        assert e <= s2
    def solid(t: str) -> int:
        return len("".join(t.split()))

    # Only white space between chunks is left out.
    assert sum(solid(seed_ticker_text[s:e]) for s, e in spans) == solid(seed_ticker_text)


def test_stored_profiles_are_built_once_and_carry_evidence_vectors(tmp_path, seed_agency_text, seed_ticker_text,
                                                                    seed_agency, seed_ticker):
    from storylink.compare import stored_profiles
    from storylink.config import Settings
    from storylink.document import Article
    from storylink.evidence import quote_units, sentence_units
    from storylink.store import open_store

    analyses = [seed_agency, seed_ticker]
    seed_agency, seed_ticker = Article.from_text(seed_agency_text), Article.from_text(seed_ticker_text)
    with open_store(Settings(db=str(tmp_path / "s.db"))) as store:
        for article in (seed_agency, seed_ticker):
            store.put_article(article)
        first = stored_profiles(store, [seed_agency, seed_ticker], analyses)
        calls = []
        store_compute = store.cached_arrays

        def counting(ids, model, compute):
            return store_compute(ids, model, lambda missing: calls.append(missing) or compute(missing))

        store.cached_arrays = counting
        again = stored_profiles(store, [seed_agency, seed_ticker], analyses)
    assert calls == []  # the second read builds nothing
    for p, q, article, analysis in zip(first, again, [seed_agency, seed_ticker], analyses):
        assert len(p.sentence_use) == len(sentence_units(article.text, analysis))
        assert len(p.quote_use) == len(quote_units(analysis)) > 0
        np.testing.assert_array_equal(p.sentence_use, q.sentence_use)
        np.testing.assert_allclose(pair_features(p, first[1]), pair_features(q, again[1]), equal_nan=True)
    # With stored vectors, evidence encodes nothing and finds the same as from scratch.
    with_profiles = compare(seed_agency, seed_ticker, analyses=tuple(analyses), profiles=tuple(again))
    fresh = compare(seed_agency, seed_ticker, analyses=tuple(analyses))
    assert with_profiles.evidence == fresh.evidence
    assert with_profiles.scores == fresh.scores
