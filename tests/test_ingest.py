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
from storylink.ingest import IngestReport, decode, ingest, read, read_html, read_jsonl
from storylink.store import SQLiteStore

GERMAN = "Hochwasser in Köln\n\nDie Pegelstände am Rhein steigen weiter, sagte der Oberbürgermeister am Donnerstag. Grüße!"
#: Characters Latin-1 lacks but Windows-1252 has („ “ – €), so cp1252 is told apart from a guess.
TYPOGRAPHIC = "Streik bei der Bahn\n\n„Das kostet 5 € mehr“, sagte Jürgen Weiß – und ärgerte sich über die Maßnahme."
POLISH = ("Wczoraj w Warszawie odbyło się spotkanie ministrów spraw zagranicznych. Przyjechał też ambasador, "
          "który powiedział, że rozmowy były trudne, ale ważne dla całego regionu.")
HTML_DIR = Path(__file__).parent / "data" / "html"
SAARBOTE = HTML_DIR / "bericht.html"  # UTF-8, metadata in <meta> tags
RHEINKURIER = HTML_DIR / "tarifstreit.html"  # Windows-1252, canonical link, <time>, rel=author


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="latin-1"))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1"])
def test_german_text_comes_out_right_in_every_common_encoding(tmp_path, encoding):
    path = tmp_path / f"a-{encoding}.txt"
    path.write_bytes(GERMAN.encode(encoding))
    (article,) = read([path])
    assert isinstance(article, Article)
    assert article.text == GERMAN
    assert article.title == "Hochwasser in Köln"
    assert article.id == article_id(GERMAN)
    assert article.text[: len(article.title)] == article.title


@pytest.mark.parametrize(
    "data, text",
    [
        (b"\xfe\xff" + TYPOGRAPHIC.encode("utf-16-be"), TYPOGRAPHIC),  # UTF-16 BE with its mark
        (TYPOGRAPHIC.encode("cp1252"), TYPOGRAPHIC),
        ("Straße".encode("cp1252"), "Straße"),  # too short for charset-normalizer alone
        ("ÄÖÜ äöü ß".encode("latin-1"), "ÄÖÜ äöü ß"),
        ("В Москве прошла встреча министров иностранных дел.".encode("cp1251"),
         "В Москве прошла встреча министров иностранных дел."),
        (POLISH.encode("cp1250"), POLISH),
    ],
)
def test_decode_detects_rather_than_assumes(data, text):
    assert decode(data, source="x") == text


@pytest.mark.parametrize(
    "data, error",
    [
        (b"", EmptyInput),
        (b" \r\n\t ", EmptyInput),
        (b"\xef\xbb\xbf\n", EmptyInput),  # a BOM and nothing else
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, BinaryInput),
        (b"Bericht\x01\x02\x03\x04\x05\x06\x07\x0e\x0f aus Berlin" * 3, BinaryInput),
        (b"\xff\xfe" + b"\x00\xd8" * 5, EncodingError),  # UTF-16 mark, then lone surrogates
        (b"\xff\xfe" + b"\x01\x00\x02\x00\x03\x00" * 20, BinaryInput),  # UTF-16 of control characters
        (b"\x00\x01" * 50, BinaryInput),  # NULs like UTF-16 without a mark, but control characters
        (b"\xff\xfe" + "\ue000\ue001 privat".encode("utf-16-le") * 10, EncodingError),  # private-use code points
        ("Grüße aus Köln, ".encode("utf-8") * 3 + "Grüße aus Köln".encode("cp1252"), EncodingError),
    ],
)
def test_decode_refuses_what_is_not_text(data, error):
    with pytest.raises(error) as info:
        decode(data, source="in/put.txt")
    assert str(info.value).startswith("in/put.txt: ")


def test_reingest_gives_the_same_id(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(GERMAN, encoding="utf-8")
    b.write_bytes(GERMAN.replace("\n", "\r\n").encode("utf-16"))
    (x,), (y,) = read([a]), read([b])
    assert x.id == y.id
    assert y.text == GERMAN.replace("\n", "\r\n")  # kept whole: offsets index the file's own text


def test_bad_inputs_each_get_one_error_and_the_batch_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GERMAN, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "binary.bin").write_bytes(bytes(range(256)) * 3)
    (tmp_path / "huge.txt").write_bytes(b"a" * 2_000)
    (tmp_path / "mixed.txt").write_bytes(("Grüße aus Köln, " * 5).encode("utf-8") + ("Grüße aus Köln, " * 5).encode("cp1252"))
    (tmp_path / "nothing.html").write_text("<html><head><title>Leer</title></head><body></body></html>", encoding="utf-8")
    items = list(read([tmp_path, tmp_path / "missing.txt"], settings=Settings(max_bytes=1_000)))
    errors = {Path(e.source).name: type(e) for e in items if not isinstance(e, Article)}
    assert errors == {
        "binary.bin": BinaryInput,
        "empty.txt": EmptyInput,
        "huge.txt": TooLarge,
        "mixed.txt": EncodingError,
        "missing.txt": MissingInput,
        "nothing.html": EmptyInput,
    }
    assert [a.text for a in items if isinstance(a, Article)] == [GERMAN]
    for e in items:
        if not isinstance(e, Article):
            assert "\n" not in str(e) and str(e).startswith(e.source + ": ")


def test_a_20_mb_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    with path.open("wb") as fh:
        fh.truncate(20_000_001)

    def refuse(*args, **kwargs):
        raise AssertionError("the file was read")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    monkeypatch.setattr(Path, "open", refuse)
    (err,) = read([path])
    assert isinstance(err, TooLarge) and "20,000,001" in str(err) and str(path) in str(err)


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
        json.dumps({"text": "   "}),
        json.dumps({"text": ["Liste", "statt", "Text"]}),
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    items = list(read([path]))
    good = [x for x in items if isinstance(x, Article)]
    bad = {x.source: x for x in items if not isinstance(x, Article)}
    assert [a.id for a in good][0] == "a1"
    assert good[0].published == "2025-03-13T09:30:00+01:00" and good[0].source == "X"
    assert good[0].origin == f"{path}:1"
    assert good[1].published.startswith("2025-03-13T08:30:00")
    assert good[1].id == article_id("Dritter Text über die Mosel bei Trier und Koblenz.")
    assert set(bad) == {f"{path}:{n}" for n in (2, 3, 4, 5, 6, 9, 10)}
    assert all(isinstance(e, MalformedRecord) for e in bad.values())
    assert "ISO 8601" in str(bad[f"{path}:5"]) and "'language'" in str(bad[f"{path}:6"])
    assert "'text'" in str(bad[f"{path}:9"]) and "'text'" in str(bad[f"{path}:10"])


def test_a_binary_or_utf16_file_named_jsonl_is_one_error_but_a_damaged_line_is_only_that_line(tmp_path):
    binary = tmp_path / "bild.jsonl"
    binary.write_bytes(bytes(range(256)) * 40 + b"\n" * 50)
    utf16 = tmp_path / "utf16.jsonl"
    utf16.write_bytes((json.dumps({"text": GERMAN}) + "\n").encode("utf-16"))
    for path in (binary, utf16):
        (err,) = read([path])
        assert isinstance(err, BinaryInput) and err.source == str(path) and "UTF-8 JSONL" in str(err)
    damaged = tmp_path / "kaputt.jsonl"
    damaged.write_bytes(json.dumps({"text": GERMAN}).encode() + b"\n\x00\x01\x02 Schrott\n"
                        + json.dumps({"text": GERMAN + " Zweiter."}).encode() + b"\n")
    items = list(read([damaged]))
    assert [type(x).__name__ for x in items] == ["Article", "MalformedRecord", "Article"]


def test_jsonl_is_streamed_with_a_limit_per_record(tmp_path):
    path = tmp_path / "s.jsonl"
    small = {"text": "Kurzer Text\u2028mit Zeilentrenner\x85 und Köln."}  # kept raw: still one record
    big = {"text": "x" * 5_000}
    body = "\ufeff" + "\n".join(json.dumps(r, ensure_ascii=False) for r in (small, big, small | {"id": "z"}))
    path.write_bytes(body.encode("utf-8") + b"\n" + "{\"text\": \"Köln\"}".encode("cp1252") + b"\n")
    items = list(read_jsonl(path, settings=Settings(max_bytes=1_000)))
    assert [type(x).__name__ for x in items] == ["Article", "TooLarge", "Article", "EncodingError"]
    assert items[0].text == small["text"] and items[2].id == "z"
    assert items[1].source == f"{path}:2" and items[3].source == f"{path}:4"


def test_an_empty_jsonl_file_is_reported_not_skipped(tmp_path):
    empty, blank, good = tmp_path / "empty.jsonl", tmp_path / "blank.jsonl", tmp_path / "good.jsonl"
    empty.write_bytes(b"")
    blank.write_text("\ufeff\n  \n\n", encoding="utf-8")
    good.write_text(json.dumps({"text": GERMAN}) + "\n", encoding="utf-8")
    items = list(read([empty, good, blank]))
    assert [type(x).__name__ for x in items] == ["EmptyInput", "Article", "EmptyInput"]
    assert items[0].source == str(empty) and items[2].source == str(blank) and "no records" in str(items[0])
    # One oversized record is a record: it is reported as too large, not as an empty file.
    big = tmp_path / "big.jsonl"
    big.write_text(json.dumps({"text": "x" * 5_000}), encoding="utf-8")
    assert [type(x).__name__ for x in read_jsonl(big, settings=Settings(max_bytes=1_000))] == ["TooLarge"]


def test_jsonl_records_may_name_a_file_instead_of_text(tmp_path):
    (tmp_path / "texte").mkdir()
    (tmp_path / "texte" / "koeln.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "seite.html").write_bytes(SAARBOTE.read_bytes())
    index = tmp_path / "index.jsonl"
    rows = [
        {"file": "texte/koeln.txt", "published": "2025-03-13T09:30:00+01:00", "source": "Rheinblatt", "desk": "x"},
        {"file": "fehlt.txt", "source": "Niemand"},
        {"file": "index.jsonl"},
        {"file": "seite.html", "source": "Saarbote (Index)"},
        {"file": 7},
    ]
    index.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    items = list(read([index]))
    koeln, saar = [x for x in items if isinstance(x, Article)]
    errors = {x.source: x for x in items if not isinstance(x, Article)}
    assert koeln.text == GERMAN and koeln.id == article_id(GERMAN) and koeln.title == "Hochwasser in Köln"
    assert (koeln.published, koeln.source, koeln.origin) == ("2025-03-13T09:30:00+01:00", "Rheinblatt",
                                                             str(tmp_path / "texte" / "koeln.txt"))
    # The page's own metadata stays where the index is silent; the index wins where it speaks.
    assert saar.title == "Hochwasser an der Saar: Pegel steigt weiter" and saar.source == "Saarbote (Index)"
    assert saar.published == "2025-02-14T08:15:00+01:00"
    assert set(errors) == {f"{index}:{n}" for n in (2, 3, 5)}
    assert isinstance(errors[f"{index}:2"], MissingInput) and "'fehlt.txt'" in str(errors[f"{index}:2"])
    assert all(isinstance(errors[f"{index}:{n}"], MalformedRecord) for n in (3, 5))


def test_a_folder_with_an_index_reads_each_named_file_once_under_the_index_metadata(tmp_path):
    (tmp_path / "texte").mkdir()
    (tmp_path / "texte" / "koeln.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "texte" / "bonn.txt").write_text(GERMAN + " Bonn meldet ebenfalls Hochwasser.", encoding="utf-8")
    (tmp_path / "README.md").write_text("# Korpus\n\nTexte der Lokalredaktion, Stand März.", encoding="utf-8")
    (tmp_path / "LICENSE").write_text("Alle Rechte vorbehalten.", encoding="utf-8")
    (tmp_path / "index.jsonl").write_text(
        json.dumps({"file": "texte/koeln.txt", "published": "2025-03-13T09:30:00+01:00", "source": "Rheinblatt"})
        + "\n", encoding="utf-8")
    items = list(read([tmp_path]))
    assert all(isinstance(x, Article) for x in items)
    # koeln.txt comes once, with the index's metadata (not a second time without it); bonn.txt, which the
    # index does not name, is read on its own; the folder's notes are no articles.
    assert [Path(a.origin).name for a in items] == ["koeln.txt", "bonn.txt"]
    assert (items[0].source, items[0].published) == ("Rheinblatt", "2025-03-13T09:30:00+01:00")
    assert items[1].source is None
    # A note named on its own is read like any file; a folder of notes only is empty.
    (readme,) = read([tmp_path / "README.md"])
    assert isinstance(readme, Article)
    (tmp_path / "nur").mkdir()
    (tmp_path / "nur" / "README.txt").write_text("Hier kommt noch etwas.", encoding="utf-8")
    (err,) = read([tmp_path / "nur"])
    assert isinstance(err, EmptyInput) and "README" in str(err)


def test_html_pages_lose_their_boilerplate_and_keep_their_metadata():
    saar, rhein = read([SAARBOTE, RHEINKURIER])
    assert saar.title == "Hochwasser an der Saar: Pegel steigt weiter"
    assert saar.author == "Petra Lindner"
    assert saar.url == "https://example.org/saarbote/2025/02/14/hochwasser-saar"
    assert saar.published == "2025-02-14T08:15:00+01:00"
    assert "Einsatzleiter Markus Becker" in saar.text
    for junk in ("Cookies", "Impressum", "Startseite", "Politik", "Saarbote Medien"):
        assert junk not in saar.text

    assert rhein.title == "Tarifstreit: Bahn und GDL einigen sich auf Schlichtung"
    assert rhein.author == "Jonas Weiß"  # declared windows-1252, decoded right
    assert rhein.url == "https://rheinkurier.example/wirtschaft/bahn-gdl-schlichtung-100.html"
    assert rhein.published == "2024-03-26"
    assert "„Wir sind froh, dass die Fahrgäste über Ostern" in rhein.text
    for junk in ("Meistgelesen", "Newsletter", "Impressum", "Jetzt abonnieren", "Derby"):
        assert junk not in rhein.text

    for page in (saar, rhein):
        blocks = page.text.split("\n\n")
        assert blocks[0] == page.title and len(blocks) == 4  # title, then one block per paragraph
        assert page.id == article_id(page.text) and page.origin.endswith(".html")


def test_read_html_takes_a_path_bytes_or_markup_alike():
    from_path = read_html(RHEINKURIER)
    from_bytes = read_html(RHEINKURIER.read_bytes(), origin=str(RHEINKURIER))
    from_markup = read_html(RHEINKURIER.read_bytes().decode("cp1252"), origin=str(RHEINKURIER))
    assert from_path == from_bytes == from_markup


def test_html_in_a_text_file_is_sniffed(tmp_path):
    path = tmp_path / "seite.txt"
    path.write_bytes(SAARBOTE.read_bytes())
    (article,) = read([path])
    assert article.title == "Hochwasser an der Saar: Pegel steigt weiter" and "Cookies" not in article.text


def test_stdin_text_jsonl_html_and_limit(monkeypatch):
    _stdin(monkeypatch, GERMAN.encode("cp1252"))
    (article,) = read(["-"])
    assert article.text == GERMAN and article.origin == "<stdin>"
    _stdin(monkeypatch, (json.dumps({"text": GERMAN}) + "\n{oops\n" + json.dumps({"file": "/etc/hostname"})).encode())
    good, bad, no_file = read(["-"])
    assert good.text == GERMAN and isinstance(bad, MalformedRecord) and bad.source == "<stdin>:2"
    # A stream may not point storylink at the machine's files; a JSONL file's index may.
    assert isinstance(no_file, MalformedRecord) and "JSONL files only" in str(no_file)
    _stdin(monkeypatch, SAARBOTE.read_bytes())
    (page,) = read("-")
    assert page.author == "Petra Lindner" and page.origin == "<stdin>"
    _stdin(monkeypatch, GERMAN.encode() * 20)
    (err,) = read("-", settings=Settings(max_bytes=500))
    assert isinstance(err, TooLarge) and err.source == "<stdin>"


def test_directories_are_read_recursively_in_a_stable_order_skipping_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text(GERMAN + " zwei", encoding="utf-8")
    (tmp_path / "a" / "9.txt").write_text(GERMAN + " neun", encoding="utf-8")
    (tmp_path / "1.txt").write_text(GERMAN + " eins", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / ".git" / "x.txt").write_text(GERMAN, encoding="utf-8")
    names = [str(Path(a.origin).relative_to(tmp_path)) for a in read([tmp_path])]
    assert names == ["1.txt", "a/9.txt", "b/2.txt"]
    (tmp_path / "leer").mkdir()
    (err,) = read(tmp_path / "leer")
    assert isinstance(err, EmptyInput) and err.source == str(tmp_path / "leer")


def test_ingest_counts_and_is_idempotent(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(GERMAN, encoding="utf-8")
    (src / "b.txt").write_bytes(TYPOGRAPHIC.encode("cp1252"))
    (src / "c.bin").write_bytes(b"\x00\x01" * 50)
    (src / "d.jsonl").write_text(json.dumps({"id": "j1", "text": "Dritter Text."}) + "\n[]\n", encoding="utf-8")
    seen: list[tuple[str, str]] = []
    with SQLiteStore(tmp_path / "s.db") as store:
        first = ingest([src], store, progress=lambda item, state: seen.append((type(item).__name__, state)))
        second = ingest([src], store)
        assert store.count_articles() == 3
    assert (first.inserted, first.updated, first.unchanged, first.failed) == (3, 0, 0, 2)
    assert (second.inserted, second.ingested, second.unchanged, second.failed) == (0, 0, 3, 2)
    assert first.ids == second.ids == (article_id(GERMAN), article_id(TYPOGRAPHIC), "j1")
    assert seen == [("Article", "inserted"), ("Article", "inserted"), ("BinaryInput", "failed"),
                    ("Article", "inserted"), ("MalformedRecord", "failed")]
    report = first.to_dict()
    assert report["ingested"] == 3 and report["failed"] == 2
    assert report["errors"] == [str(e) for e in first.errors] and f"{src / 'd.jsonl'}:2" in report["errors"][1]
    assert IngestReport().to_dict()["articles"] == []
