"""Stories over the store: the seeds land together, a killed run resumes to the same stories."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storylink.compare import stored_profiles
from storylink.config import Settings
from storylink.store import open_store
from storylink.stories import cluster_store, list_stories

from conftest import SEMEVAL, SEED_AGENCY, SEED_TICKER, need

STORYLINK = [sys.executable, "-m", "storylink"]


def _cli(*args: str, db: Path | str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*STORYLINK, *args, "--db", str(db)], capture_output=True, text=True, timeout=600)


def test_the_seeds_land_in_one_story(db_url):
    """On both backends: the second stage's profiles go through the store too (compare.stored_profiles)."""
    db = db_url
    result = _cli("ingest", str(need(SEED_AGENCY)), str(need(SEED_TICKER)), db=db)
    assert result.returncode == 0, result.stderr
    result = _cli("cluster", "--json", db=db)
    assert result.returncode == 0, result.stderr
    stories = json.loads(result.stdout)
    assert len(stories) == 1 and stories[0]["size"] == 2
    assert stories[0]["languages"] == ["de"]
    # The second stage ran: each seed's profile was built and kept for the next run.
    from storylink.analyze import ANALYZER_VERSION
    from storylink.compare import PROFILE_MODEL

    with open_store(Settings(db=str(db))) as store:
        kept = store.get_arrays(list(stories[0]["articles"]), f"{PROFILE_MODEL}+{ANALYZER_VERSION}")
    assert len(kept) == 2 and all(len(arrays["e5"]) for arrays in kept.values())


def test_cluster_stream_reports_each_bad_record_and_clusters_the_rest(tmp_path):
    records = [
        {"id": "a1", "published": "2019-02-27T10:00:00+07:00",
         "text": "US-Präsident Donald Trump und Nordkoreas Machthaber Kim Jong Un trafen sich am Mittwoch in Hanoi "
                 "zu ihrem zweiten Gipfel."},
        "{nope",
        {"id": "a2", "text": ""},
        {"id": "a3", "published": "2019-02-27T20:00:00+07:00",
         "text": "Donald Trump und Kim Jong Un haben sich am Mittwochabend in Hanoi getroffen, ihr zweiter Gipfel "
                 "begann mit einem Abendessen."},
    ]
    path = tmp_path / "stream.jsonl"
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records) + "\n",
                    encoding="utf-8")
    db = tmp_path / "stream.db"
    result = _cli("cluster", "--stream", str(path), "--json", db=db)
    assert result.returncode == 1  # some records failed; the rest went through
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2 and errors[0].startswith("failed") and "stream.jsonl:2: invalid JSON" in errors[0]
    assert "stream.jsonl:3: missing or empty 'text'" in errors[1]
    stories = json.loads(result.stdout)
    assert [sorted(s["articles"]) for s in stories] == [["a1", "a3"]]
    assert json.loads(_cli("stories", "--json", db=db).stdout) == stories


def test_cluster_stream_reads_stdin_and_says_what_an_unanalysable_record_became(tmp_path):
    records = [
        {"id": "de1", "text": "Donald Trump und Kim Jong Un trafen sich am Mittwoch in Hanoi zu ihrem zweiten Gipfel."},
        {"id": "sv1", "text": "Regeringen meddelade i går att skatterna sänks kraftigt nästa år, enligt ministern."},
    ]
    db = tmp_path / "stdin.db"
    result = subprocess.run([*STORYLINK, "cluster", "--stream", "-", "--json", "--db", str(db)], capture_output=True,
                            text=True, timeout=600,
                            input="".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    assert result.returncode == 1
    (error,) = result.stderr.strip().splitlines()
    assert error.startswith("failed <stdin>:2: language not recognised") and error.endswith("(stored without analysis)")
    # What the line says is what happened: the Swedish text is kept and clustered by its text alone.
    stories = json.loads(result.stdout)
    assert sorted(a for s in stories for a in s["articles"]) == ["de1", "sv1"]
    assert {tuple(s["languages"]) for s in stories} == {("de",), ()}


def test_no_profiles_clusters_on_vectors_and_entities_alone(tmp_path):
    from storylink.analyze import ANALYZER_VERSION
    from storylink.compare import PROFILE_MODEL

    db = tmp_path / "fast.db"
    assert _cli("ingest", str(need(SEED_AGENCY)), str(need(SEED_TICKER)), db=db).returncode == 0
    result = _cli("cluster", "--no-profiles", "--json", db=db)
    assert result.returncode == 0, result.stderr
    stories = json.loads(result.stdout)
    assert [s["size"] for s in stories] == [2]
    with open_store(Settings(db=str(db))) as store:
        assert store.get_arrays(list(stories[0]["articles"]), f"{PROFILE_MODEL}+{ANALYZER_VERSION}") == {}


def test_the_demo_corpus_forms_its_stories_across_languages(tmp_path):
    """The bundled demo corpus (our own writing, gold story per file in meta.jsonl), as the main job runs it."""
    from importlib.resources import files

    from rich.console import Console

    from storylink.commands import ingest_and_analyze
    from storylink.evaluate.clusters import bcubed
    from storylink.ingest import demo_articles

    settings = Settings(db=str(tmp_path / "demo.db"))
    articles = list(demo_articles())
    ingest_and_analyze(articles, settings, Console(quiet=True))
    meta = [json.loads(line) for line in
            (files("storylink") / "data" / "demo" / "meta.jsonl").read_text(encoding="utf-8").splitlines()]
    story_of_file = {m["file"]: m["story"] for m in meta}
    gold = {a.id: story_of_file[a.origin.removeprefix("demo:")] for a in articles}
    file_of = {a.id: a.origin.removeprefix("demo:") for a in articles}
    with open_store(settings) as store:
        cluster_store(store, settings=settings)
        stories = list_stories(store)
    labels = {aid: s.id for s in stories for aid in s.articles}
    by_file = {file_of[aid]: label for aid, label in labels.items()}
    # Measured: BCubed F1 0.933 (precision 1.0); only the Cochem reportage stays apart from its flood.
    assert bcubed(labels, gold)["f1"] >= 0.9
    assert by_file["04_moselle_floods_en.txt"] == by_file["01_hochwasser_mosel_agentur.txt"]
    assert by_file["08_baltic_summit_en.txt"] == by_file["05_ostseegipfel_ticker.txt"]
    assert by_file["12_handball_rostock.txt"] != by_file["05_ostseegipfel_ticker.txt"]


@pytest.fixture(scope="module")
def stream_dbs(tmp_path_factory) -> tuple[Path, Path]:
    """~100 real articles (German and English SemEval texts) with publication times, ingested once."""
    rows = []
    with need(SEMEVAL / "dev.jsonl").open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            pair = json.loads(line)
            if {pair["lang1"], pair["lang2"]} <= {"de", "en"}:
                day = 1 + n % 20
                for side in ("1", "2"):
                    rows.append({"id": pair["pair_id"].split("_")[int(side) - 1], "text": pair["text" + side],
                                 "published": f"2020-03-{day:02d}T{8 + int(side):02d}:00:00+00:00"})
    folder = tmp_path_factory.mktemp("stream")
    path = folder / "stream.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows[:100]) + "\n", encoding="utf-8")
    db = folder / "base.db"
    _cli("ingest", str(path), db=db)  # one SemEval "en" text is Hindi: stored, not analyzed, reported
    with open_store(Settings(db=str(db))) as store:
        assert store.count_articles() >= 90
        # Profiles (the second stage's input) are built once here, so the clean and the killed run
        # below compare the very same vectors; the killed run still has its USE vectors to compute.
        articles = list(store.articles())
        stored_profiles(store, articles, [store.get_analysis(a.id) for a in articles])
    # A second copy with the clustering vectors already computed, so only one run pays for them.
    warm = folder / "warm.db"
    shutil.copy(db, warm)
    with open_store(Settings(db=str(warm))) as store:
        cluster_store(store)
        store.clear_assignments()
    return db, warm


def _stories(db: Path) -> set[tuple[str, frozenset[str]]]:
    with open_store(Settings(db=str(db))) as store:
        return {(s.id, frozenset(s.articles)) for s in list_stories(store)}


def test_sigkill_mid_run_then_rerun_gives_the_same_stories(stream_dbs, tmp_path):
    cold, warm = stream_dbs
    clean, killed = tmp_path / "clean.db", tmp_path / "killed.db"
    shutil.copy(warm, clean)
    shutil.copy(cold, killed)  # vectors still to compute: the run is slow enough to be killed mid-way
    assert _cli("cluster", db=clean).returncode == 0

    proc = subprocess.Popen([*STORYLINK, "cluster", "--db", str(killed)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    assigned = 0
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with sqlite3.connect(killed, timeout=1) as db:
                assigned = db.execute("SELECT COUNT(*) FROM assignments").fetchone()[0]
        except sqlite3.OperationalError:
            assigned = 0
        if assigned:
            break
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(killed) as db:
        total = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        partial = db.execute("SELECT COUNT(*) FROM assignments").fetchone()[0]
    assert 0 < partial < total, "the kill should land mid-run"

    assert _cli("cluster", db=killed).returncode == 0
    with sqlite3.connect(killed) as db:
        rows = db.execute("SELECT article_id FROM assignments").fetchall()
    assert len(rows) == total == len(set(rows))
    assert _stories(killed) == _stories(clean)


def test_rerun_is_a_no_op_and_deleted_articles_leave_their_story(stream_dbs, tmp_path):
    db = tmp_path / "again.db"
    shutil.copy(stream_dbs[1], db)
    settings = Settings(db=str(db))
    with open_store(settings) as store:
        first = cluster_store(store, settings=settings)
        again = cluster_store(store, settings=settings)
        assert first["assigned"] == first["articles"] and again["assigned"] == 0
        assert again["replayed"] == first["articles"]
        seen: list[tuple[int, int]] = []
        listed = list_stories(store, progress=lambda done, total: seen.append((done, total)))
        assert seen[-1] == (first["articles"], first["articles"]) and len(seen) == len(listed)
        story = max(listed, key=lambda s: s.size)
        victim = story.articles[-1]
        store.delete_article(victim)
        after = {s.id: s for s in list_stories(store)}
    assert victim not in after[story.id].articles
    assert after[story.id].size == story.size - 1
