"""Ingest: encodings, HTML, JSONL, directories, stdin, and bad inputs that never stop a batch."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from storylink.config import Settings
from storylink.document import Article, article_id
from storylink.errors import (
    BinaryInput,
    EmptyInput,
    EncodingError,
    MalformedRecord,
    MissingInput,
    TooLarge,
)
from storylink.ingest import decode, read

GERMAN = "Hochwasser in Köln\n\nDie Pegelstände am Rhein steigen weiter, sagte der Oberbürgermeister am Donnerstag. Grüße!"
HTML = Path(__file__).parent / "data" / "html" / "bericht.html"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"])
def test_encodings_are_detected(tmp_path, encoding):
    path = tmp_path / f"a-{encoding}.txt"
    path.write_bytes(GERMAN.encode(encoding))
    (article,) = read([path])
    assert isinstance(article, Article)
    assert article.text == GERMAN
    assert article.title == "Hochwasser in Köln"
    assert article.id == article_id(GERMAN)


def test_reingest_gives_the_same_id(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(GERMAN, encoding="utf-8")
    b.write_text(GERMAN.replace("\n", "\r\n"), encoding="utf-8")
    (x,), (y,) = read([a]), read([b])
    assert x.id == y.id


def test_bad_inputs_each_get_one_error_and_the_batch_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GERMAN, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "binary.bin").write_bytes(bytes(range(256)) * 3)
    (tmp_path / "huge.txt").write_bytes(b"a" * 2_000)
    (tmp_path / "mixed.txt").write_bytes(("Grüße aus Köln, " * 5).encode("utf-8") + ("Grüße aus Köln, " * 5).encode("cp1252"))
    items = list(read([tmp_path, tmp_path / "missing.txt"], settings=Settings(max_bytes=1_000)))
    errors = {Path(e.source).name: type(e) for e in items if not isinstance(e, Article)}
    assert errors == {
        "binary.bin": BinaryInput,
        "empty.txt": EmptyInput,
        "huge.txt": TooLarge,
        "mixed.txt": EncodingError,
        "missing.txt": MissingInput,
    }
    assert [a.text for a in items if isinstance(a, Article)] == [GERMAN]
    for e in items:
        if not isinstance(e, Article):
            assert "\n" not in str(e) and Path(e.source).name in str(e)


def test_a_20_mb_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "big.txt"
    with path.open("wb") as fh:
        fh.truncate(20_000_001)
    (err,) = read([path])
    assert isinstance(err, TooLarge) and "20,000,001" in str(err)


def test_undecodable_text_is_an_encoding_error():
    with pytest.raises(EncodingError):
        decode(b"\xff\xfe" + b"\x00\xd8" * 5, source="x")  # UTF-16 BOM, then lone surrogates


def test_jsonl_lines_with_line_numbers(tmp_path):
    path = tmp_path / "s.jsonl"
    rows = [
        json.dumps({"id": "a1", "text": GERMAN, "published": "2025-03-13T09:30:00+01:00", "source": "X"}),
        "{not json",
        json.dumps(["a list"]),
        json.dumps({"title": "no text"}),
        json.dumps({"text": GERMAN, "published": "yesterday"}),
        json.dumps({"text": "Zweiter Text über den Rhein bei Köln und Düsseldorf.", "language": 7}),
        "",
        json.dumps({"text": "Dritter Text über die Mosel bei Trier und Koblenz.", "published": 1741854600}),
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    items = list(read([path]))
    good = [x for x in items if isinstance(x, Article)]
    bad = {x.source: x for x in items if not isinstance(x, Article)}
    assert [a.id for a in good][0] == "a1"
    assert good[0].published == "2025-03-13T09:30:00+01:00" and good[0].source == "X"
    assert good[1].published.startswith("2025-03-13T08:30:00")
    assert set(bad) == {f"{path}:2", f"{path}:3", f"{path}:4", f"{path}:5", f"{path}:6"}
    assert all(isinstance(e, MalformedRecord) for e in bad.values())
    assert "ISO 8601" in str(bad[f"{path}:5"]) and "'language'" in str(bad[f"{path}:6"])


def test_html_page_main_text_and_metadata():
    (article,) = read([HTML])
    assert isinstance(article, Article)
    assert article.title == "Hochwasser an der Saar: Pegel steigt weiter"
    assert "Einsatzleiter Markus Becker" in article.text
    assert "Cookies" not in article.text and "Impressum" not in article.text and "Startseite" not in article.text
    assert article.published and article.published.startswith("2025-02-14")
    assert article.author == "Petra Lindner"
    assert article.url == "https://example.org/saarbote/2025/02/14/hochwasser-saar"


def test_stdin_text_and_jsonl(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GERMAN.encode("cp1252")), encoding="cp1252"))
    (article,) = read(["-"])
    assert article.text == GERMAN and article.origin == "<stdin>"
    lines = json.dumps({"text": GERMAN}) + "\n{oops\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines.encode()), encoding="utf-8"))
    good, bad = read(["-"])
    assert good.text == GERMAN and bad.source == "<stdin>:2"


def test_directories_are_read_recursively_in_a_stable_order_skipping_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text(GERMAN + " zwei", encoding="utf-8")
    (tmp_path / "1.txt").write_text(GERMAN + " eins", encoding="utf-8")
    (tmp_path / ".git" / "x.txt").write_text(GERMAN, encoding="utf-8")
    names = [Path(a.origin).name for a in read([tmp_path])]
    assert names == ["1.txt", "2.txt"]
