"""Ingest: files, directories, HTML pages, JSONL and stdin become ``Article``s.

``read`` yields an ``Article`` or, for an input that cannot be used, the
``InputError`` naming it (a path, ``path:line`` for JSONL, ``<stdin>``), so one
bad input never stops a batch; ``ingest`` puts what ``read`` yields into a
store and counts the outcomes::

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("Gipfel in Hanoi\\n\\nTrump traf Kim Jong Un.", encoding="utf-8")
    >>> [type(x).__name__ for x in read([d / "a.txt", d / "missing.txt"])]
    ['Article', 'MissingInput']

Plain text may come in any common encoding; it is detected, never assumed
(byte-order marks, UTF-8, UTF-16 without a mark, Windows-1252/Latin-1, then
charset-normalizer for the rest). JSONL is streamed line by line, so
``Settings.max_bytes`` limits each record there, not the whole file.
"""

from __future__ import annotations

import json
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from .config import Settings
from .document import Article, article_id
from .errors import (
    BinaryInput,
    EmptyInput,
    EncodingError,
    InputError,
    MalformedRecord,
    MissingInput,
    TooLarge,
)

if TYPE_CHECKING:
    from .store import Store

__all__ = [
    "read",
    "demo_articles",
    "read_text_file",
    "read_html",
    "read_jsonl",
    "read_jsonl_stream",
    "decode",
    "article_from_record",
    "ingest",
    "IngestReport",
]

_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_FIELDS = ("id", "title", "url", "source", "published", "language", "author")
_SAMPLE = 65536
_CHUNK = 1 << 16

# --- decoding ------------------------------------------------------------------------

_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),  # before UTF-16 LE, whose mark is its prefix
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
#: UTF-8 sequences of characters common in European text; beside invalid bytes they
#: mean two encodings in one file, not a single-byte text that happens to contain them.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2\xc3\xc5][\x80-\xbf]|\xe2\x80[\x93\x94\x98\x99\x9a\x9c\x9d\x9e\xa6]|\xe2\x82\xac")
#: Non-ASCII characters a Windows-1252 reading of Western European text produces.
_WESTERN = frozenset(
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿŒœŠšŽžŸ"
    "„“”‚‘’‹›«»–—…€°§·´¨\xa0•™©®½¼¾"
)
_UMLAUTS = frozenset("äöüÄÖÜß")
_UNICODE_ONLY = ["utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be"]


def decode(data: bytes, *, source: str) -> str:
    """Bytes to text in whatever common encoding they are in (detected, not assumed).

    Example::

        >>> decode("Grüße aus Köln".encode("cp1252"), source="x")
        'Grüße aus Köln'

    Raises:
        EmptyInput: nothing but white space.
        BinaryInput: NUL bytes or control characters, not text (checked on the first 64 KiB).
        EncodingError: mixed encodings, or no encoding reads it as text.
    """
    if not data.strip():
        raise EmptyInput("empty input", source=source)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _checked(_strict(data, codec, source, f"invalid {codec} after its byte-order mark"), source)
    sample = data[:_SAMPLE]
    utf16 = _bomless_utf16(sample)
    if utf16:
        return _checked(_strict(data, utf16, source, f"invalid {utf16}"), source)
    if _looks_binary(sample):
        raise BinaryInput("binary data, not text", source=source)
    try:
        return _checked(data.decode("utf-8"), source)
    except UnicodeDecodeError as exc:
        if _UTF8_MULTIBYTE.search(data):
            raise EncodingError(
                f"mixed encodings: UTF-8 text with invalid bytes (first at byte {exc.start})", source=source
            ) from exc
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    # charset-normalizer guesses wildly on short German texts ("Straße" as UTF-16),
    # so a plausible Windows-1252 reading (a superset of Latin-1) goes first.
    if western is not None and _plausibly_western(western):
        return _checked(western, source)
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_exclusion=_UNICODE_ONLY).best()
    if best is None:
        raise EncodingError("the text encoding could not be determined", source=source)
    text = str(best)
    if "\ufffd" in text or best.percent_chaos > 20:
        raise EncodingError(f"mixed or broken encoding (closest: {best.encoding})", source=source)
    return _checked(text, source)


def _looks_binary(sample: bytes) -> bool:
    """NUL bytes, or more than 1% control characters that text does not use."""
    return b"\x00" in sample or sum(b < 9 or 13 < b < 32 for b in sample) > len(sample) * 0.01


def _strict(data: bytes, codec: str, source: str, what: str) -> str:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise EncodingError(f"{what} ({exc.reason} at byte {exc.start})", source=source) from exc
    return text[1:] if text.startswith("\ufeff") else text


def _bomless_utf16(sample: bytes) -> str | None:
    """``utf-16-le``/``-be`` when every other byte is NUL, as in Latin-script UTF-16."""
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even = sample[0 : 2 * pairs : 2].count(0)
    odd = sample[1 : 2 * pairs : 2].count(0)
    if odd >= 0.4 * pairs and even <= 0.02 * pairs:
        return "utf-16-le"
    if even >= 0.4 * pairs and odd <= 0.02 * pairs:
        return "utf-16-be"
    return None


def _plausibly_western(text: str) -> bool:
    """Whether a Windows-1252 reading looks like Western European text, not another code page's."""
    letters = accented = 0
    kinds: set[str] = set()
    for ch in text[:_SAMPLE]:
        if ch.isascii():
            letters += ch.isalpha()
        elif ch not in _WESTERN:
            return False
        elif ch.isalpha():
            letters += 1
            accented += 1
            kinds.add(ch)
    # Cyrillic or Greek read as Windows-1252 is nearly all accented letters, and many
    # different ones; German has a few per cent, mostly umlauts.
    return accented <= 0.3 * max(letters, 1) or kinds <= _UMLAUTS


def _checked(text: str, source: str) -> str:
    """Refuse a decoding that produced control characters (binary data) or private,
    unassigned or surrogate code points (a wrong encoding)."""
    sample = text[:_SAMPLE]
    # isprintable() is a fast filter; only the few characters it rejects are categorised.
    odd = [unicodedata.category(ch) for ch in sample if not ch.isprintable() and ch not in "\t\n\r\f\v"]
    if odd.count("Cc") > len(sample) * 0.01:
        raise BinaryInput("control characters, not text", source=source)
    if sum(odd.count(c) for c in ("Co", "Cn", "Cs")) > len(sample) * 0.01:
        raise EncodingError("the bytes do not decode to readable text", source=source)
    if not text.strip():
        raise EmptyInput("empty input", source=source)
    return text


# --- files ---------------------------------------------------------------------------


def _check_size(path: Path, settings: Settings) -> None:
    size = path.stat().st_size
    if size > settings.max_bytes:
        raise TooLarge(
            f"{size:,} bytes is over the limit of {settings.max_bytes:,} (setting max_bytes)", source=str(path)
        )


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<html" in head and "<body" in text[:_SAMPLE].lower())


def read_text_file(path: str | Path, *, settings: Settings | None = None) -> Article:
    """A plain-text file as an article; a file that turns out to be HTML is read as a page.

    The text is kept whole (a headline-like first line also becomes the title),
    so analysis offsets index the file's full text.

    Example::

        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
        >>> _ = p.write_bytes("Grüße aus Köln\\n\\nDer Dom steht noch.".encode("cp1252"))
        >>> read_text_file(p).title
        'Grüße aus Köln'

    Raises:
        InputError: ``MissingInput``, ``TooLarge``, ``EmptyInput``, ``BinaryInput`` or
            ``EncodingError``, naming the path.
    """
    settings = settings or Settings()
    path = Path(path)
    _check_size(path, settings)
    text = decode(path.read_bytes(), source=str(path))
    if _looks_like_html(text):
        return read_html(text, origin=str(path))
    return Article.from_text(text, origin=str(path))


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def _decode_html(data: bytes, source: str) -> str:
    """Honour a page's declared charset when it decodes cleanly; detect otherwise."""
    declared = _META_CHARSET.search(data[:4096])
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        name = declared.group(1).decode("ascii").lower()
        # As browsers do (WHATWG): pages labelled Latin-1 or ASCII are Windows-1252.
        codec = "cp1252" if name in ("iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii") else name
        try:
            return data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data, source=source)


def read_html(page: str | bytes | Path, *, origin: str | None = None, settings: Settings | None = None) -> Article:
    """The main text, title, author, URL and date of an HTML page (trafilatura + htmldate).

    ``page`` is a path, the page's bytes (charset declared or detected) or its
    markup. Navigation, cookie banners, teasers and footers are dropped; the
    article text is the title, a blank line, then one block per paragraph.
    ``published`` keeps the time of day and zone when the page gives them.

    Example::

        >>> html = ("<html><head><title>Gipfel in Hanoi</title></head><body><nav><ul>"
        ...         "<li><a href='/'>Startseite</a></li><li><a href='/politik'>Politik</a></li></ul></nav>"
        ...         "<article><p>Trump und Kim trafen sich am Mittwoch in Hanoi zu einem Gipfel, "
        ...         "der ohne Einigung endete.</p></article></body></html>")
        >>> read_html(html, origin="x.html").text.split("\\n\\n")
        ['Gipfel in Hanoi', 'Trump und Kim trafen sich am Mittwoch in Hanoi zu einem Gipfel, der ohne Einigung endete.']

    Raises:
        InputError: the page cannot be read or has no article text, naming ``origin``.
    """
    import trafilatura

    if isinstance(page, Path):
        origin = origin or str(page)
        _check_size(page, settings or Settings())
        page = page.read_bytes()
    origin = origin or "<html>"
    html = _decode_html(page, origin) if isinstance(page, bytes) else page
    # Precision over recall: a stray menu or teaser line would link unrelated stories.
    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_precision=True)
    doc: dict[str, Any] = extracted.as_dict() if extracted is not None else {}
    blocks = [line.strip() for line in (doc.get("text") or "").splitlines() if line.strip()]
    if not blocks:
        raise EmptyInput("no article text found in the HTML page", source=origin)
    title = doc.get("title") or None
    if title and blocks[0] != title:
        blocks.insert(0, title)
    text = "\n\n".join(blocks)
    return Article(
        id=article_id(text),
        text=text,
        title=title,
        url=doc.get("url") or None,
        source=doc.get("sitename") or doc.get("hostname") or None,
        published=_page_date(html) or doc.get("date") or None,
        author=doc.get("author") or None,
        origin=origin,
    )


def _page_date(html: str) -> str | None:
    """The publication date-time htmldate finds, as ISO 8601; date only when no time is given."""
    from htmldate import find_date

    found = find_date(html, outputformat="%Y-%m-%dT%H:%M:%S%z", original_date=True, extensive_search=False)
    if not found:
        return None
    when = datetime.fromisoformat(found)
    # htmldate reports a bare date as midnight without a zone; that midnight is not news.
    if when.tzinfo is None and when.time() == datetime.min.time():
        return when.date().isoformat()
    return when.isoformat()


# --- JSONL ---------------------------------------------------------------------------


def article_from_record(record: Any, *, source: str) -> Article:
    """A JSONL record as an article: ``text`` required; ``id``, ``title``, ``url``,
    ``source``, ``published`` (ISO 8601 or a Unix time), ``language``, ``author`` optional.
    (In a JSONL file, ``file`` may stand in for ``text``: see ``read_jsonl``.)

    Example::

        >>> article_from_record({"text": "Trump traf Kim.", "id": "a1"}, source="s.jsonl:1").id
        'a1'

    Raises:
        MalformedRecord: naming ``source`` and what is wrong.
    """
    if not isinstance(record, dict):
        raise MalformedRecord(f"expected a JSON object, got {type(record).__name__}", source=source)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise MalformedRecord("missing or empty 'text' (a non-empty string is required)", source=source)
    meta: dict[str, Any] = {}
    for key in _FIELDS:
        value = record.get(key)
        if value is None:
            continue
        if key == "published" and isinstance(value, (int, float)) and not isinstance(value, bool):
            value = datetime.fromtimestamp(value, tz=timezone.utc).isoformat()
        if not isinstance(value, str):
            raise MalformedRecord(f"'{key}' must be a string, got {type(value).__name__}", source=source)
        meta[key] = value
    if "published" in meta:
        try:
            datetime.fromisoformat(meta["published"].replace("Z", "+00:00"))
        except ValueError as exc:
            raise MalformedRecord(
                f"'published' is not an ISO 8601 date: {meta['published']!r}", source=source
            ) from exc
    return Article.from_text(text, origin=source, **meta)


def read_jsonl(path: str | Path, *, settings: Settings | None = None) -> Iterator[Article | InputError]:
    """One article per line, streamed; a bad line yields its error naming ``path:line``.

    A record may give ``file`` (a text or HTML file, relative to the JSONL's
    folder) instead of ``text``: an index that adds dates, sources and URLs to a
    folder of plain files. The record's fields win over what the file says.

    Example::

        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "s.jsonl"
        >>> _ = p.write_text('{"text": "Trump traf Kim."}\\n{oops\\n', encoding="utf-8")
        >>> [type(x).__name__ for x in read_jsonl(p)]
        ['Article', 'MalformedRecord']
    """
    settings = settings or Settings()
    path = Path(path)
    with path.open("rb") as fh:
        yield from _jsonl(iter(lambda: fh.read(_CHUNK), b""), str(path), settings, base=path.parent)


def read_jsonl_stream(chunks: Iterable[bytes], *, source: str, settings: Settings | None = None
                      ) -> Iterator[Article | InputError]:
    """Records of a JSONL byte stream (an upload, a pipe), each error naming ``source:line``.

    Like ``read_jsonl``, but a ``file`` record is refused: a stream has no folder, and whoever
    writes it must not make storylink read the machine's files.

    Example::

        >>> [type(x).__name__ for x in read_jsonl_stream([b'{"text": "Trump traf Kim."}\\n[1]\\n'], source="post")]
        ['Article', 'MalformedRecord']
    """
    return _jsonl(chunks, source, settings or Settings())


def _is_index_record(record: Any) -> bool:
    """A record that names a file for its text (``file`` and no ``text``)."""
    return isinstance(record, dict) and "file" in record and "text" not in record


def _indexed(record: dict[str, Any], base: Path, where: str, settings: Settings) -> Article:
    """The article of an index record: the named file's text under the record's metadata."""
    name = record["file"]
    if not isinstance(name, str) or not name.strip():
        raise MalformedRecord("'file' must be a non-empty path (relative to the JSONL file)", source=where)
    path = base / name
    if path.suffix.lower() in _JSONL_SUFFIXES:
        raise MalformedRecord(f"'file' {name!r} is JSONL; an index names text or HTML files", source=where)
    (got,) = _read_path(path, settings)
    if isinstance(got, InputError):
        raise type(got)(f"'file' {name!r}: {got.message}", source=where)
    fields = {k: getattr(got, k) for k in _FIELDS if k != "id" and getattr(got, k) is not None}
    article = article_from_record(fields | {k: v for k, v in record.items() if k != "file"} | {"text": got.text},
                                  source=where)
    return replace(article, origin=str(path))


def _jsonl(chunks: Iterable[bytes], label: str, settings: Settings, *, base: Path | None = None
           ) -> Iterator[Article | InputError]:
    """Records of a JSONL byte stream; ``base`` (the file's folder) allows ``file`` records.

    A stream (stdin, an upload) has no folder: there a ``file`` record is refused, so
    that whoever writes the stream cannot make storylink read the machine's files."""
    chunks = iter(chunks)
    head = next(chunks, b"")
    if _looks_binary(head[:_SAMPLE]) and _json_value(head.split(b"\n", 1)[0]) is None:
        # One line for the file: a binary (or UTF-16) file read as JSONL would give an error per "line".
        # A file that opens with a good record is JSONL, and a damaged line further on is that line's error.
        yield BinaryInput("binary data (or UTF-16), not UTF-8 JSONL", source=label)
        return
    records = 0
    for number, line in _lines(chain([head], chunks), settings.max_bytes):
        where = f"{label}:{number}"
        if line is None:
            records += 1
            yield TooLarge(f"record is over the limit of {settings.max_bytes:,} bytes (setting max_bytes)",
                           source=where)
            continue
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        if not line.strip():
            continue
        records += 1
        try:
            record = json.loads(line.decode("utf-8"))
        except UnicodeDecodeError as exc:
            yield EncodingError(f"JSONL must be UTF-8 ({exc.reason} at byte {exc.start})", source=where)
            continue
        except json.JSONDecodeError as exc:
            yield MalformedRecord(f"invalid JSON ({exc.msg} at column {exc.colno})", source=where)
            continue
        try:
            if _is_index_record(record):
                if base is None:
                    raise MalformedRecord("'file' records are read from JSONL files only; give 'text'",
                                          source=where)
                yield _indexed(record, base, where, settings)
            else:
                yield article_from_record(record, source=where)
        except InputError as exc:
            yield exc
    if not records:
        # Said, not skipped: an empty export usually means the job that writes it failed.
        yield EmptyInput("no records (the file is empty or holds only blank lines)", source=label)


def _json_value(line: bytes) -> Any:
    """The JSON value of a line, ``None`` when it holds none (quick looks; the real read reports why)."""
    try:
        return json.loads(line.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None


def _lines(chunks: Iterable[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Numbered ``\\n``-separated lines of a byte stream; a line longer than ``limit``
    bytes comes as ``None`` and is never held in memory whole.

    Splitting bytes on ``\\n`` (not ``str.splitlines``) keeps a record whole when its
    strings hold U+2028 or other characters Python counts as line breaks."""
    number, buf, over = 0, bytearray(), False
    for chunk in chunks:
        start = 0
        while True:
            end = chunk.find(b"\n", start)
            piece = chunk[start:] if end < 0 else chunk[start:end]
            if not over:
                buf += piece
                if len(buf) > limit:
                    over = True
                    buf.clear()
            if end < 0:
                break
            number += 1
            yield number, None if over else bytes(buf)
            buf.clear()
            over, start = False, end + 1
    if buf or over:
        yield number + 1, None if over else bytes(buf)


# --- paths and stdin -----------------------------------------------------------------


#: Files a folder of articles commonly holds that are about the folder, not articles in it.
_NOTES = re.compile(r"(?i)^(readme|licen[cs]e|copying|notice|changelog)(\.[a-z]+)?$")


def _files(directory: Path) -> list[Path]:
    """Article files below ``directory`` in path order: hidden files and folders and the
    folder's notes (README, LICENSE, ...) skipped."""
    found = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(Path(root) / f for f in files if not f.startswith(".") and not _NOTES.match(f))
    return sorted(found, key=lambda p: p.relative_to(directory).parts)


def _read_dir(directory: Path, settings: Settings) -> Iterator[Article | InputError]:
    """A folder's files in path order, except those a JSONL index in it names.

    An index (JSONL records with ``file``) gives a folder's files their dates and sources; the
    files it names come with the index, and reading them again on their own would add them
    twice (or, by id, overwrite the index's metadata with none)."""
    files = _files(directory)
    if not files:
        yield EmptyInput("directory holds no article files (hidden files, README and LICENSE are skipped)",
                         source=str(directory))
    claimed: set[Path] = set()
    for index in (f for f in files if f.suffix.lower() in _JSONL_SUFFIXES):
        claimed |= _named_files(index, settings)
    for child in files:
        if child.resolve() not in claimed:
            yield from _read_path(child, settings)


def _named_files(index: Path, settings: Settings) -> set[Path]:
    """The files the ``file`` records of a JSONL file name (a quick pass: broken lines are left
    for the real read to report)."""
    named: set[Path] = set()
    try:
        with index.open("rb") as fh:
            for _, line in _lines(iter(lambda: fh.read(_CHUNK), b""), settings.max_bytes):
                record = _json_value(line) if line and b'"file"' in line else None
                if _is_index_record(record) and isinstance(record["file"], str):
                    named.add((index.parent / record["file"]).resolve())
    except OSError:
        pass  # the read itself reports it
    return named


def _read_path(path: Path, settings: Settings) -> Iterator[Article | InputError]:
    try:
        suffix = path.suffix.lower()
        if suffix in _JSONL_SUFFIXES:
            yield from read_jsonl(path, settings=settings)
        elif suffix in _HTML_SUFFIXES:
            yield read_html(path, settings=settings)
        else:
            yield read_text_file(path, settings=settings)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield MissingInput(f"cannot read ({exc.strerror or exc})", source=str(path))


def read(
    paths: Iterable[str | Path] | str | Path, *, settings: Settings | None = None
) -> Iterator[Article | InputError]:
    """Articles from files, directories, JSONL (``.jsonl``/``.ndjson``), HTML
    (``.html``/``.htm`` or sniffed) and ``-`` (stdin).

    A directory is read recursively in path order, skipping hidden files and folders,
    its notes (README, LICENSE, ...) and the files that a JSONL index in it names
    (they come with the index's metadata, see ``read_jsonl``).

    Yields an ``InputError`` in place of each input that cannot be used; never raises for one.

    Example::

        >>> [type(x).__name__ for x in read("/nonexistent/x.txt")]
        ['MissingInput']
    """
    settings = settings or Settings()
    if isinstance(paths, (str, Path)):
        paths = [paths]
    for raw in paths:
        if str(raw) == "-":
            yield from _read_stdin(settings)
            continue
        path = Path(raw)
        if not path.exists():
            yield MissingInput("no such file or directory", source=str(path))
        elif path.is_dir():
            yield from _read_dir(path, settings)
        else:
            yield from _read_path(path, settings)


def demo_articles() -> Iterator[Article]:
    """The bundled demo corpus (our own writing): ``meta.jsonl`` indexes its files with their metadata.

    Each article's ``origin`` is ``demo:<file name>``."""
    from importlib.resources import files

    for item in read_jsonl(Path(str(files("storylink") / "data" / "demo" / "meta.jsonl"))):
        if isinstance(item, InputError):
            raise item  # a broken installation, not user input
        yield replace(item, origin=f"demo:{Path(item.origin or '').name}")


def _read_stdin(settings: Settings, stream: BinaryIO | None = None) -> Iterator[Article | InputError]:
    stream = stream or sys.stdin.buffer
    head = stream.read(_CHUNK)
    if head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{":
        # JSONL is streamed like a file: one record per line, max_bytes per record.
        yield from _jsonl(chain([head], iter(lambda: stream.read(_CHUNK), b"")), "<stdin>", settings)
        return
    data = head + stream.read(max(settings.max_bytes + 1 - len(head), 0))
    if len(data) > settings.max_bytes:
        yield TooLarge(f"over the limit of {settings.max_bytes:,} bytes (setting max_bytes)", source="<stdin>")
        return
    try:
        text = decode(data, source="<stdin>")
        yield read_html(text, origin="<stdin>") if _looks_like_html(text) else Article.from_text(text, origin="<stdin>")
    except InputError as exc:
        yield exc


# --- into the store ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What one ``ingest`` run did. ``ids`` lists every stored article of the run, in input order."""

    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: tuple[InputError, ...] = ()
    ids: tuple[str, ...] = ()

    @property
    def ingested(self) -> int:
        """New or changed articles."""
        return self.inserted + self.updated

    @property
    def failed(self) -> int:
        return len(self.errors)

    def to_dict(self) -> dict[str, Any]:
        return {
            "ingested": self.ingested,
            "inserted": self.inserted,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "failed": self.failed,
            "errors": [str(e) for e in self.errors],
            "articles": list(self.ids),
        }


def ingest(
    paths: Iterable[str | Path] | str | Path,
    store: Store,
    *,
    settings: Settings | None = None,
    progress: Callable[[Article | InputError, str], None] | None = None,
) -> IngestReport:
    """Read ``paths`` and put every article into ``store``; bad inputs are counted, not raised.

    ``progress`` is called after each item with the item and its outcome
    (``inserted``, ``updated``, ``unchanged`` or ``failed``). Analysis is not run here.

    Example::

        >>> import tempfile, pathlib
        >>> from storylink.store import SQLiteStore
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> (d / "in").mkdir()
        >>> _ = (d / "in" / "a.txt").write_text("Trump traf Kim Jong Un in Hanoi.", encoding="utf-8")
        >>> with SQLiteStore(d / "s.db") as store:
        ...     first, again = ingest([d / "in"], store), ingest([d / "in"], store)
        >>> (first.inserted, again.unchanged, again.failed)
        (1, 1, 0)

    Raises:
        StoreError: the store itself fails (bad inputs never raise).
    """
    counts = {"inserted": 0, "updated": 0, "unchanged": 0}
    errors: list[InputError] = []
    ids: list[str] = []
    for item in read(paths, settings=settings):
        if isinstance(item, InputError):
            errors.append(item)
            state = "failed"
        else:
            state = store.put_article(item)
            counts[state] += 1
            ids.append(item.id)
        if progress is not None:
            progress(item, state)
    return IngestReport(**counts, errors=tuple(errors), ids=tuple(ids))
