"""The Spark job on a real local session agrees with the single-machine path on the same input.

Single machine: ``ingest`` into SQLite, then ``cluster_store`` (what ``storylink cluster`` runs).
Spark: ``run_job`` into Parquet, read back through ``ParquetStore``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from storylink.cli import cli
from storylink.config import Settings
from storylink.errors import StoreError
from storylink.evaluate.clusters import bcubed
from storylink.ingest import ingest
from storylink.spark import ParquetStore
from storylink.spark.job import run_job
from storylink.store import SQLiteStore, open_store
from storylink.stories import cluster_store, list_stories

from conftest import SEMEVAL, need

DEMO = Path(__file__).resolve().parents[2] / "src" / "storylink" / "data" / "demo"


def single_machine(paths: list[Path], db: Path, *, profiles: bool) -> list:
    settings = Settings(db=str(db), story_profiles=profiles)
    with SQLiteStore(db) as store:
        ingest(paths, store, settings=settings)
        cluster_store(store, settings=settings, profiles=profiles)
        return list_stories(store)


def labels(stories) -> dict[str, str]:
    return {a: s.id for s in stories for a in s.articles}


def duplicates(store) -> set[tuple[str, str]]:
    return {(r["article_id"], r["duplicate_of"]) for r in store.assignments() if r["duplicate_of"]}


def agreement(ours, theirs) -> float:
    """BCubed F1 of one clustering against the other (symmetric in F1)."""
    return bcubed(labels(ours), labels(theirs))["f1"]


@pytest.fixture(scope="session")
def demo_runs(spark, tmp_path_factory):
    """The demo corpus both ways, with profiles (the default: both stages decide)."""
    base = tmp_path_factory.mktemp("demo")
    result = run_job([DEMO], base / "out", spark=spark, settings=Settings(story_profiles=True))
    theirs = single_machine([DEMO], base / "single.db", profiles=True)
    return result, base / "out", base / "single.db", theirs


def test_demo_stories_equal_the_single_machine(demo_runs):
    result, out, db, theirs = demo_runs
    assert result.articles == 12 and result.analyzed == 12 and result.errors == 0 and result.buckets == 1
    with ParquetStore(out) as ours_store, SQLiteStore(db) as their_store:
        ours = list_stories(ours_store)
        assert agreement(ours, theirs) >= 0.95
        # One bucket is the single pass itself: the very same stories, ids and all.
        assert [s.to_dict() for s in ours] == [s.to_dict() for s in theirs]
        assert duplicates(ours_store) == duplicates(their_store) != set()
        # The job's own stories table is the listing.
        table = sorted(ours_store.table("stories"), key=lambda r: (-r["size"], r["first_seen"] or "", r["id"]))
        assert table == [s.to_dict() | {"languages": list(s.languages), "sources": list(s.sources),
                                        "articles": list(s.articles)} for s in ours]
        # What the job stored is what the single machine computed and stored.
        ids = [a.id for a in their_store.articles()]
        assert [a.id for a in ours_store.articles()] == ids
        from storylink.stories import DOC_VECTOR_MODEL

        mine, single = ours_store.get_arrays(ids, DOC_VECTOR_MODEL), their_store.get_arrays(ids, DOC_VECTOR_MODEL)
        assert all((mine[i]["minhash"] == single[i]["minhash"]).all() for i in ids)
        assert max(float(abs(mine[i]["use"] - single[i]["use"]).max()) for i in ids) < 1e-4
        assert ours_store.get_analysis(ids[0]).to_dict() == their_store.get_analysis(ids[0]).to_dict()


def test_band_join_finds_the_copies_the_online_pass_marks(demo_runs):
    _, out, _, _ = demo_runs
    with ParquetStore(out) as store:
        pairs = {(r["article_id"], r["original_id"]) for r in store.table("neardups")}
        assert duplicates(store) <= pairs and pairs


def test_stories_command_reads_the_output_folder(demo_runs):
    _, out, _, theirs = demo_runs
    result = CliRunner().invoke(cli, ["stories", "--db", str(out), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [s.to_dict() for s in theirs]


def test_copy_loads_the_output_folder_into_sqlite_with_its_stories(demo_runs, tmp_path):
    _, out, _, theirs = demo_runs
    target = tmp_path / "loaded.db"
    result = CliRunner().invoke(cli, ["copy", "--from", str(out), "--to", str(target)])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(cli, ["stories", "--db", str(target), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [s.to_dict() for s in theirs]
    with open_store(Settings(db=str(target))) as store:
        assert store.count_articles() == 12 and len(store.get_analyses([a.id for a in store.articles()])) == 12


def test_the_output_is_read_only(demo_runs):
    _, out, _, _ = demo_runs
    store = open_store(Settings(db=str(out)))
    assert isinstance(store, ParquetStore)
    article = next(store.articles())
    for write in (lambda: store.put_article(article), lambda: store.put_assignments([]),
                  lambda: store.delete_article(article.id), lambda: store.clear_assignments()):
        with pytest.raises(StoreError, match="read-only"):
            write()
    assert store.resolve_id(article.id[:6]) == article.id


def test_bad_records_and_failed_analyses_go_to_the_errors_table(spark, tmp_path):
    good = ("Die Feuerwehr in Trier hat am Donnerstag vor dem steigenden Pegel der Mosel gewarnt. "
            "Anwohner sollten Keller räumen, hieß es von der Stadt.")
    lines = [json.dumps({"id": "ok1", "text": good, "published": "2025-03-13T09:30:00+01:00"}),
             "{not json",
             json.dumps({"id": "empty", "text": ""}),
             json.dumps({"id": "fi", "text": "Tämä on pitkä suomenkielinen lause, jolla testataan kielen tunnistusta "
                                               "järjestelmässä tänään.",
                         "published": "2025-03-13T11:00:00+01:00"}),
             json.dumps({"id": "ok2", "text": good + " Der Pegel stieg weiter.",
                         "published": "2025-03-13T12:00:00+01:00"})]
    stream = tmp_path / "stream.jsonl"
    stream.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # A Parquet input with the ingest fields as columns: one good row, one without text.
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = tmp_path / "more.parquet"
    pq.write_table(pa.table({"id": ["pq1", "pq2"], "text": [good + " Auch in Koblenz.", None],
                             "published": ["2025-03-13T15:00:00+01:00", None]}), table)
    out = tmp_path / "out"
    result = run_job([stream, table], out, spark=spark, settings=Settings(story_profiles=False))
    with ParquetStore(out) as store:
        errors = {(e["stage"], e["input"], e["article_id"]): e for e in store.errors()}
        assert set(errors) == {("read", f"{stream}:2", None), ("read", f"{stream}:3", None),
                               ("read", f"{table}:row 2", None), ("analyze", str(stream), "fi")}
        assert errors[("analyze", str(stream), "fi")]["error"] == "unknown_language"
        assert "language" in errors[("analyze", str(stream), "fi")]["message"]
        assert errors[("read", f"{table}:row 2", None)]["error"] == "malformed"
        # The job completed: the unanalysable article is still clustered, by its text.
        assert {r["article_id"] for r in store.assignments()} == {"ok1", "fi", "ok2", "pq1"}
        assert result.errors == 4 and result.articles == 4 and result.analyzed == 3
        assert store.get_analysis("fi") is None
        assert store.get_article("pq1").published == "2025-03-13T15:00:00+01:00"


def test_cli_runs_the_job_and_refuses_a_foreign_folder(spark, tmp_path):
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(cli, ["spark", str(DEMO), "--out", str(foreign), "--no-profiles"])
    assert result.exit_code == 2 and "not empty" in result.output
    assert (foreign / "notes.txt").read_text(encoding="utf-8") == "mine"
    result = CliRunner().invoke(cli, ["spark", str(tmp_path / "absent"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "no such file" in result.output and not (tmp_path / "o").exists()


def test_python_m_storylink_spark_runs_as_spark_submit_would(spark, tmp_path):
    """Its own process and session (``python -m storylink.spark`` is what spark-submit runs)."""
    import subprocess
    import sys

    stream = tmp_path / "two.jsonl"
    text = "Die Feuerwehr in Trier hat am Donnerstag vor dem steigenden Pegel der Mosel gewarnt, hieß es."
    stream.write_text(json.dumps({"id": "a", "text": text}) + "\n" + json.dumps({"id": "b", "text": text + " Neu."})
                      + "\n", encoding="utf-8")
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "storylink.spark", str(stream), "--out", str(out),
                           "--master", "local[1]", "--no-profiles", "--json"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout)
    assert result["articles"] == 2 and result["stories"] == 1 and result["duplicates"] == 1
    assert "stories (online per bucket)" in done.stderr  # progress, one line per stage off a terminal
    with open_store(Settings(db=str(out))) as store:
        assert [r["duplicate_of"] for r in store.assignments()] == [None, "a"]


# -- the synthetic stream (real SemEval articles and derived copies, over 30 days) -------------------

@pytest.fixture(scope="session")
def synthetic(tmp_path_factory):
    from storylink.evaluate.synth import make_stream

    stream = make_stream(stories=40, seed=5, data_dir=need(SEMEVAL))
    path = tmp_path_factory.mktemp("synth") / "stream.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for s in stream:
            fh.write(json.dumps({"id": s.id, "text": s.text, "language": s.language,
                                 "published": 1.7e9 + s.published}, ensure_ascii=False) + "\n")
    gold = {s.id: s.story for s in stream}
    theirs = single_machine([path], path.with_suffix(".db"), profiles=False)
    return path, gold, theirs


@pytest.mark.parametrize("bucket_days", [None, 7.0])
def test_synthetic_stream_agrees_with_the_single_machine(spark, synthetic, tmp_path, bucket_days):
    path, gold, theirs = synthetic
    out = tmp_path / "out"
    result = run_job([path], out, spark=spark, settings=Settings(story_profiles=False), bucket_days=bucket_days)
    with ParquetStore(out) as store, SQLiteStore(path.with_suffix(".db")) as single:
        ours = list_stories(store)
        assert duplicates(store) == duplicates(single) != set()
        # Every copy the online pass marks is a pair of the band join (its stories are shorter than the window).
        assert duplicates(store) <= {(r["article_id"], r["original_id"]) for r in store.table("neardups")}
        f1 = agreement(ours, theirs)
        quality = bcubed(labels(ours), gold)["f1"], bcubed(labels(theirs), gold)["f1"]
    print(f"buckets {result.buckets}, stitched {result.stitched}: agreement BCubed F1 {f1:.3f}; "
          f"against gold {quality[0]:.3f} (single machine {quality[1]:.3f})")
    assert f1 >= 0.95
    assert quality[0] >= quality[1] - 0.02
    if bucket_days is None:
        assert result.buckets == 1 and f1 == 1.0
    else:
        assert result.buckets >= 4
