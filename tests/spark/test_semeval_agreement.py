"""SemEval dev as one stream through both paths (``storylink.spark.agreement``): the Spark job agrees
with ``storylink cluster`` and its pairwise quality on the labelled pairs is the single machine's."""

from __future__ import annotations

from conftest import SEMEVAL, need

from storylink.spark.agreement import semeval_agreement


def test_semeval_dev_subset_agrees_with_the_single_machine(spark, tmp_path):
    r = semeval_agreement(need(SEMEVAL), tmp_path, split="dev", limit=40, profiles=False, spark=spark)
    print(r["agreement_bcubed"], r["single"], r["spark"], r["duplicates"])
    assert r["articles"] >= 60 and r["labelled_pairs"] >= 20 and r["buckets"] == 1
    assert r["single"]["pairs"] == r["spark"]["pairs"] == r["labelled_pairs"]
    # One bucket is the single pass itself: the same stories, the same copies.
    assert r["agreement_bcubed"]["f1"] >= 0.95
    assert r["duplicates_equal"], r["duplicates"]
    assert abs(r["spark"]["f1"] - r["single"]["f1"]) <= 0.02
    assert r["single"]["stories"] < r["articles"]  # something was put together: the check can fail


def test_a_split_that_does_not_exist_is_named(spark, tmp_path):
    import pytest

    from storylink.errors import MissingInput

    with pytest.raises(MissingInput, match="nosuch"):
        semeval_agreement(need(SEMEVAL), tmp_path, split="nosuch", spark=spark)
