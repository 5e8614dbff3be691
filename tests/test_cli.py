"""The command line: --version, ingest summaries and exit codes, analyze --json == to_dict(), one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

import storylink
from storylink.cli import cli

from conftest import SEED_TICKER, need

TEXT = ("Gipfel in Hanoi\n\nUS-Präsident Donald Trump traf Nordkoreas Machthaber Kim Jong Un am Mittwoch in Hanoi. "
        "„Wir werden sehen“, sagte Trump.\n")


def test_version_and_module_entry_point():
    out = subprocess.run([sys.executable, "-m", "storylink", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == f"storylink, version {storylink.__version__}"


def test_ingest_reports_each_failure_on_one_line_and_exits_non_zero(tmp_path):
    (tmp_path / "ok.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text('{"text": "' + "Der Bundestag tagte am Donnerstag in Berlin. " * 3 + '"}\n{nope\n',
                                        encoding="utf-8")
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    result = runner.invoke(cli, ["ingest", str(tmp_path / "ok.txt"), str(tmp_path / "empty.txt"),
                                 str(tmp_path / "bad.jsonl"), str(tmp_path / "missing.txt"), "--db", db, "--json"])
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    assert (summary["ingested"], summary["failed"]) == (2, 3)
    assert any(e.endswith("bad.jsonl:2: invalid JSON (Expecting property name enclosed in double quotes at column 2)")
               for e in summary["errors"])
    assert all("\n" not in e for e in summary["errors"])
    again = runner.invoke(cli, ["ingest", str(tmp_path / "ok.txt"), "--db", db, "--json"])
    assert again.exit_code == 0 and json.loads(again.stdout)["unchanged"] == 1


def test_analyze_json_is_to_dict_for_files_and_stored_ids(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    from_file = json.loads(runner.invoke(cli, ["analyze", str(path), "--json", "--db", db]).stdout)
    assert from_file == storylink.analyze(storylink.Article.from_text(TEXT, origin=str(path))).to_dict()
    for key in ("language", "sentences", "entries", "entities", "quotes", "times"):
        assert key in from_file
    assert {"start", "end", "text", "type", "key"} <= set(from_file["entities"][0])
    assert {"start", "end", "text", "speaker", "kind"} <= set(from_file["quotes"][0])
    runner.invoke(cli, ["ingest", str(path), "--db", db])
    stored = json.loads(runner.invoke(cli, ["analyze", from_file["article_id"][:8], "--json", "--db", db]).stdout)
    assert stored == from_file


def test_analyze_terminal_view_of_the_ticker_seed(tmp_path):
    result = CliRunner().invoke(cli, ["analyze", str(need(SEED_TICKER)), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 0
    assert "Live-ticker entries (24)" in result.stdout
    assert "kim jong un" in result.stdout and "donald trump" in result.stdout


def test_bad_reference_is_one_line_and_exit_2(tmp_path):
    result = CliRunner().invoke(cli, ["analyze", "no-such-thing", "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0 and "no-such-thing" in result.stderr


def test_reading_commands_do_not_create_a_mistyped_database(tmp_path):
    db = tmp_path / "typo" / "s.db"
    runner = CliRunner()
    for args in (["stories"], ["cluster"], ["delete", "abc"]):
        result = runner.invoke(cli, [*args, "--db", str(db)])
        assert result.exit_code == 2, args
        assert result.stderr.strip() == f"error: {db}: no database here (storylink ingest, cluster --stream or demo creates one)"
    result = runner.invoke(cli, ["analyze", "abc123", "--db", str(db)])
    assert result.exit_code == 2 and "abc123: neither a file nor a stored article id" in result.stderr
    assert not db.parent.exists()
    # Writing commands still create it.
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    assert runner.invoke(cli, ["cluster", "--stream", str(tmp_path / "a.txt"), "--db", str(db)]).exit_code == 0
    assert db.exists() and runner.invoke(cli, ["stories", "--db", str(db)]).exit_code == 0


def test_delete_removes_an_article_from_its_story_and_keeps_the_rest(tmp_path):
    db = str(tmp_path / "s.db")
    other = TEXT.replace("Gipfel in Hanoi", "Treffen in Hanoi").replace("„Wir werden sehen“", "„Mal sehen“")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(other, encoding="utf-8")
    runner = CliRunner()
    runner.invoke(cli, ["ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--db", db])
    assert runner.invoke(cli, ["cluster", "--db", db]).exit_code == 0
    before = json.loads(runner.invoke(cli, ["stories", "--json", "--db", db]).stdout)
    assert [s["size"] for s in before] == [2]
    gone, kept = before[0]["articles"]
    result = runner.invoke(cli, ["delete", gone[:8], "nosuchid", "--db", db, "--json"])
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    assert summary["deleted"] == [gone] and len(summary["errors"]) == 1 and "nosuchid" in summary["errors"][0]
    after = json.loads(runner.invoke(cli, ["stories", "--json", "--db", db]).stdout)
    assert [s["articles"] for s in after] == [[kept]]
    assert runner.invoke(cli, ["cluster", "--db", db]).exit_code == 0  # replay copes with the gap


def test_settings_come_from_storylink_variables_and_a_bad_one_is_named():
    runner = CliRunner()
    env = {"STORYLINK_STORY_WINDOW_DAYS": "2.5", "STORYLINK_STORY_PROFILES": "off", "STORYLINK_LANGUAGES": "de, en"}
    shown = json.loads(runner.invoke(cli, ["settings", "--json"], env=env).stdout)
    assert (shown["story_window_days"], shown["story_profiles"], shown["languages"]) == (2.5, False, ["de", "en"])
    bad = runner.invoke(cli, ["cluster", "--db", "unused.db"], env={"STORYLINK_MIN_CHARS": "many"})
    assert bad.exit_code == 2
    assert bad.stderr.strip() == "error: STORYLINK_MIN_CHARS: cannot read 'many': invalid literal for int() " \
                                 "with base 10: 'many'"


@pytest.mark.parametrize("days", ["-1", "0", "nan", "inf"])
def test_a_bad_window_option_is_one_line_not_a_traceback(tmp_path, days):
    result = CliRunner().invoke(cli, ["cluster", "--window-days", days, "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 2
    assert result.stderr.strip().startswith("error: settings: story_window_days must be a positive number of days")
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "s.db").exists()
