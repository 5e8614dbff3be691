"""Ingest: files, directories, HTML pages, JSONL and stdin become ``Article``s.

``read`` yields an ``Article`` or, for an input that cannot be used, the
``InputError`` naming it (path, ``path:line`` for JSONL), so one bad input
never stops a batch::

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("Gipfel in Hanoi\\n\\nTrump traf Kim Jong Un.", encoding="utf-8")
    >>> [type(x).__name__ for x in read([d / "a.txt", d / "missing.txt"])]
    ['Article', 'MissingInput']
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

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

__all__ = ["read", "read_text_file", "read_html", "read_jsonl", "decode", "article_from_record"]

_UTF8_MULTIBYTE = re.compile(rb"[\xc3\xc5][\x80-\xbf]|\xe2\x80[\x93\x94\x9c\x9d\x9e\xa6]")
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_FIELDS = {"id": str, "title": str, "text": str, "url": str, "source": str, "published": str,
           "language": str, "author": str}


def decode(data: bytes, *, source: str) -> str:
    """Bytes to text in whatever common encoding they are in (detected, not assumed).

    Raises:
        EmptyInput, BinaryInput, EncodingError: naming ``source``.
    """
    if not data.strip():
        raise EmptyInput("empty input", source=source)
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise EncodingError(f"invalid {codec} after its byte-order mark ({exc.reason})", source=source) from exc
    sample = data[:65536]
    if b"\x00" in sample or sum(b < 9 or 13 < b < 32 for b in sample) > len(sample) * 0.01:
        raise BinaryInput("binary data, not text", source=source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # Valid UTF-8 multi-byte sequences beside invalid bytes: two encodings in one file.
        if _UTF8_MULTIBYTE.search(data):
            raise EncodingError(
                f"mixed encodings: UTF-8 text with invalid bytes (first at byte {exc.start})", source=source
            ) from exc
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise EncodingError("the text encoding could not be determined", source=source)
    text = str(best)
    if "\ufffd" in text or best.percent_chaos > 20:
        raise EncodingError(f"mixed or broken encoding (closest: {best.encoding})", source=source)
    return text


def _check_size(path: Path, settings: Settings) -> None:
    size = path.stat().st_size
    if size > settings.max_bytes:
        raise TooLarge(f"{size:,} bytes is over the limit of {settings.max_bytes:,} (setting max_bytes)",
                       source=str(path))


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<html" in head and "<body" in text[:65536].lower())


def read_text_file(path: Path, *, settings: Settings | None = None) -> Article:
    """A plain-text (or sniffed HTML) file as an article."""
    settings = settings or Settings()
    _check_size(path, settings)
    text = decode(path.read_bytes(), source=str(path))
    if _looks_like_html(text):
        return read_html(text, origin=str(path))
    if not text.strip():
        raise EmptyInput("empty input", source=str(path))
    return Article.from_text(text, origin=str(path))


def read_html(html: str | bytes, *, origin: str) -> Article:
    """The main text, title, author, URL and date of an HTML page (trafilatura + htmldate)."""
    import trafilatura

    if isinstance(html, bytes):
        html = decode(html, source=origin)
    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    doc: dict[str, Any] = extracted.as_dict() if hasattr(extracted, "as_dict") else (extracted or {})
    text = (doc.get("text") or "").strip()
    if not text:
        raise EmptyInput("no article text found in the HTML page", source=origin)
    published = doc.get("date")
    if not published:
        from htmldate import find_date

        published = find_date(html, extensive_search=False)
    title = doc.get("title")
    body = f"{title}\n\n{text}" if title and not text.startswith(title) else text
    return Article(
        id=article_id(body), text=body, title=title or None, url=doc.get("url") or None,
        source=doc.get("sitename") or doc.get("hostname") or None, published=published or None,
        author=doc.get("author") or None, language=None, origin=origin,
    )


def article_from_record(record: Any, *, source: str) -> Article:
    """A JSONL record (``text`` required; ``id``, ``title``, ``url``, ``source``, ``published``,
    ``language``, ``author`` optional) as an article.

    Raises:
        MalformedRecord: naming ``source`` and what is wrong.
    """
    if not isinstance(record, dict):
        raise MalformedRecord(f"expected a JSON object, got {type(record).__name__}", source=source)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise MalformedRecord("missing or empty 'text'", source=source)
    meta: dict[str, Any] = {}
    for key, kind in _FIELDS.items():
        value = record.get(key)
        if value is None or key == "text":
            continue
        if key == "published" and isinstance(value, (int, float)) and not isinstance(value, bool):
            from datetime import datetime, timezone

            value = datetime.fromtimestamp(value, tz=timezone.utc).isoformat()
        if not isinstance(value, kind):
            raise MalformedRecord(f"'{key}' must be a string, got {type(value).__name__}", source=source)
        meta[key] = value
    if "published" in meta:
        _check_date(meta["published"], source=source)
    return Article.from_text(text, origin=source, **meta)


def _check_date(value: str, *, source: str) -> None:
    from datetime import datetime

    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise MalformedRecord(f"'published' is not an ISO 8601 date: {value!r}", source=source) from exc


def read_jsonl(path: Path | None, *, settings: Settings | None = None,
               lines: Iterable[str] | None = None, name: str | None = None) -> Iterator[Article | InputError]:
    """One article per line; a bad line yields a ``MalformedRecord`` naming ``path:line``."""
    settings = settings or Settings()
    label = name or str(path)
    if lines is None:
        assert path is not None
        _check_size(path, settings)
        lines = path.open(encoding="utf-8", errors="strict")
    try:
        for number, line in enumerate(lines, start=1):
            where = f"{label}:{number}"
            if not line.strip():
                continue
            if len(line) > settings.max_bytes:
                yield TooLarge(f"line is over the limit of {settings.max_bytes:,} bytes", source=where)
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield MalformedRecord(f"invalid JSON ({exc.msg} at column {exc.colno})", source=where)
                continue
            try:
                yield article_from_record(record, source=where)
            except InputError as exc:
                yield exc
    except UnicodeDecodeError as exc:
        yield EncodingError(f"JSONL must be UTF-8 ({exc.reason} at byte {exc.start})", source=label)


def _files(directory: Path) -> Iterator[Path]:
    for path in sorted(directory.rglob("*")):
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(directory).parts):
            yield path


def _read_path(path: Path, settings: Settings) -> Iterator[Article | InputError]:
    try:
        if path.suffix.lower() in _JSONL_SUFFIXES:
            yield from read_jsonl(path, settings=settings)
        elif path.suffix.lower() in _HTML_SUFFIXES:
            _check_size(path, settings)
            yield read_html(path.read_bytes(), origin=str(path))
        else:
            yield read_text_file(path, settings=settings)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield MissingInput(f"cannot read ({exc.strerror or exc})", source=str(path))


def read(paths: Iterable[str | Path] | str | Path, *, settings: Settings | None = None) -> Iterator[Article | InputError]:
    """Articles from files, directories (recursive, hidden files skipped), JSONL and ``-`` (stdin).

    Yields an ``InputError`` in place of each input that cannot be used; never raises for one.
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
            for child in _files(path):
                yield from _read_path(child, settings)
        else:
            yield from _read_path(path, settings)


def _read_stdin(settings: Settings) -> Iterator[Article | InputError]:
    data = sys.stdin.buffer.read(settings.max_bytes + 1)
    if len(data) > settings.max_bytes:
        yield TooLarge(f"over the limit of {settings.max_bytes:,} bytes", source="<stdin>")
        return
    try:
        text = decode(data, source="<stdin>")
    except InputError as exc:
        yield exc
        return
    first = text.lstrip()[:1]
    if first == "{":
        yield from read_jsonl(None, settings=settings, lines=text.splitlines(), name="<stdin>")
    elif _looks_like_html(text):
        try:
            yield read_html(text, origin="<stdin>")
        except InputError as exc:
            yield exc
    else:
        yield Article.from_text(text, origin="<stdin>")
