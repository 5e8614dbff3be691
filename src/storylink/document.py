"""The document objects that flow through the pipeline.

``Article`` is what ingest produces; ``Analysis`` is what analyze adds to it.
Both are frozen dataclasses with ``to_dict``/``from_dict``. Every annotation
keeps ``start``/``end`` character offsets (Python ``str`` indices, end
exclusive) into ``Article.text``, and ``text == article.text[start:end]``::

    >>> a = Article.from_text("Hanoi\\n\\nTrump traf Kim.")
    >>> a.title, a.text[:5]
    ('Hanoi', 'Hanoi')
    >>> Article.from_dict(a.to_dict()) == a
    True
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import types
import typing
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, TypeVar

__all__ = [
    "Record",
    "Article",
    "article_id",
    "published_datetime",
    "Paragraph",
    "Sentence",
    "Token",
    "Noise",
    "Entry",
    "Entity",
    "Quote",
    "TimeExpr",
    "Analysis",
]

R = TypeVar("R", bound="Record")


class Record:
    """Mixin: ``to_dict``/``from_dict`` for frozen dataclasses of plain values,
    nested records and tuples of them."""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            if f.metadata.get("internal"):
                continue
            out[f.name] = _dump(getattr(self, f.name))
        return out

    @classmethod
    def from_dict(cls: type[R], data: dict[str, Any]) -> R:
        kwargs = {}
        for name, hint in _fields(cls):
            if name in data:
                kwargs[name] = _load(hint, data[name])
        return cls(**kwargs)


@functools.cache
def _fields(cls: type) -> tuple[tuple[str, Any], ...]:
    """(name, resolved type hint) of a record's fields: resolving the hints is slow, and a
    store read builds thousands of records."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))


def _dump(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, (tuple, list)):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    return value


def _load(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return _load(args[0], value) if len(args) == 1 else value
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_load(args[0], v) for v in value)
        return tuple(_load(a, v) for a, v in zip(args, value))
    if isinstance(hint, type) and issubclass(hint, Record):
        return hint.from_dict(value)
    return value


def published_datetime(value: str | None) -> datetime | None:
    """An ISO 8601 date or date-time as an aware datetime (naive values are UTC); ``None`` when
    absent or unparseable, so dated and undated, zoned and naive values all order.

        >>> published_datetime("2019-02-28T10:00:00+07:00").isoformat()
        '2019-02-28T10:00:00+07:00'
        >>> published_datetime("2019-02-28").tzinfo, published_datetime("gestern")
        (datetime.timezone.utc, None)
    """
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


def article_id(text: str) -> str:
    """Stable id of a text: the first 16 hex digits of its SHA-256.

    White space is folded first, so a re-ingested copy with other line
    endings keeps its id."""
    folded = " ".join(text.split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Article(Record):
    """One news article as ingested. Only ``text`` is required.

    ``published`` is an ISO 8601 date or date-time string. ``origin`` says where
    the article came from (a path, ``path:line`` for JSONL, ``<stdin>``)."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    language: str | None = None
    author: str | None = None
    origin: str | None = None

    @classmethod
    def from_text(cls, text: str, *, id: str | None = None, **meta: Any) -> "Article":
        """An article from plain text; a headline-like first line becomes the title."""
        title = meta.pop("title", None)
        if title is None:
            title = headline_of(text)
        return cls(id=id or article_id(text), text=text, title=title, **meta)


def headline_of(text: str) -> str | None:
    """The first line when it reads like a headline: short, alone, no final period."""
    stripped = text.lstrip()
    first, sep, rest = stripped.partition("\n")
    first = first.strip()
    if not sep or not rest.strip() or not first:
        return None
    if len(first) > 200 or len(first.split()) > 25:
        return None
    if first.endswith((".", ",", ";", ":")) and not first.endswith("..."):
        return None
    return first


@dataclass(frozen=True, slots=True)
class Paragraph(Record):
    start: int
    end: int
    text: str
    language: str | None = None
    language_score: float = 0.0


@dataclass(frozen=True, slots=True)
class Token(Record):
    """A token; ``pos`` is an STTS tag (German) or ``None``."""

    start: int
    end: int
    text: str
    pos: str | None = None
    lemma: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence(Record):
    start: int
    end: int
    text: str
    language: str | None = None
    paragraph: int = 0
    #: Tokens are kept for the later layers but are not part of the JSON.
    tokens: tuple[Token, ...] = field(default=(), metadata={"internal": True}, compare=False)


@dataclass(frozen=True, slots=True)
class Noise(Record):
    """Boilerplate marked, not deleted. ``kind`` is one of ``fullscreen``,
    ``teaser``, ``social``, ``credit``, ``other``."""

    start: int
    end: int
    text: str
    kind: str


@dataclass(frozen=True, slots=True)
class TimeExpr(Record):
    """A time expression. ``kind``: ``date``, ``time``, ``weekday``,
    ``relative``, ``duration`` or ``set``. ``value`` is ISO 8601 (``2019-02-28``,
    ``2019-02-28T13:25``, ``2019-02``) or ``None`` when it cannot be resolved.
    ``anchor`` names what a relative value was resolved against:
    ``published``, ``text`` (a date inferred from the article) or ``None``."""

    start: int
    end: int
    text: str
    kind: str
    value: str | None = None
    anchor: str | None = None
    local: bool = False


@dataclass(frozen=True, slots=True)
class Entry(Record):
    """A live-ticker entry: headline, body, order and its own times."""

    start: int
    end: int
    text: str
    order: int
    headline: str
    headline_start: int
    headline_end: int
    body_start: int
    body_end: int
    style: str = "plus"
    times: tuple[TimeExpr, ...] = ()


@dataclass(frozen=True, slots=True)
class Entity(Record):
    """A named entity. ``type`` is ``PER``, ``LOC``, ``ORG`` or ``MISC``;
    ``key`` is canonical across variants and articles (``kim jong un`` for
    "Kim Jong-un", "Kim", "Machthaber Kim")."""

    start: int
    end: int
    text: str
    type: str
    key: str


@dataclass(frozen=True, slots=True)
class Quote(Record):
    """A quotation. ``kind`` is ``direct`` or ``indirect`` (Konjunktiv I
    reported speech). ``speaker`` is the speaker's canonical entity key
    (``None`` when unknown); ``speaker_text`` with its offsets is the mention
    the attribution was read from (a name, a role, a pronoun)."""

    start: int
    end: int
    text: str
    kind: str
    speaker: str | None = None
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    addressee: str | None = None
    date: str | None = None
    cue: str | None = None


@dataclass(frozen=True, slots=True)
class Analysis(Record):
    """Everything analyze finds in one article."""

    article_id: str
    analyzer: str
    language: str | None
    language_score: float
    text_length: int
    title: str | None = None
    published: str | None = None
    anchor_date: str | None = None
    anchor_source: str | None = None
    paragraphs: tuple[Paragraph, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    noise: tuple[Noise, ...] = ()
    entries: tuple[Entry, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    times: tuple[TimeExpr, ...] = ()

    def entity_keys(self, type: str | None = None) -> dict[str, int]:
        """Count of mentions per canonical key (optionally of one type)."""
        counts: dict[str, int] = {}
        for e in self.entities:
            if type is None or e.type == type:
                counts[e.key] = counts.get(e.key, 0) + 1
        return counts
