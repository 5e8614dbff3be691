"""The story view's records: what ``storylink.story`` returns, section by section.

Every item points back into a member article: ``article_id`` plus ``start``/``end``
character offsets into that article's text (end exclusive) and the ``text`` they
cover, like every annotation of an ``Analysis``. ``StoryView.to_dict()`` is the
document ``storylink story --json`` prints and the service serves.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..document import Record

__all__ = [
    "Member",
    "SummarySentence",
    "TimelineItem",
    "StatementQuote",
    "Statement",
    "Speaker",
    "ReusePassage",
    "ReuseEdge",
    "StoryEntity",
    "HistoryEvent",
    "StoryView",
]


@dataclass(frozen=True, slots=True)
class Member(Record):
    """One article of the story and its role in it.

    ``role``: ``original`` (an own report), ``copy`` (a near-duplicate or a text mostly
    copied from an earlier member: ``copy_of``), ``update`` (a later text of the same
    outlet: ``update_of``) or ``translation`` (another language, close to an
    earlier member: ``translation_of``). ``duplicate_of`` is the clustering's near-duplicate
    verdict; ``copy_of`` names the member copied (that one, or the source of a reuse edge
    covering ``COPY_SHARE`` of this text). ``analysis`` says how its analysis was read:
    ``stored``, ``reanalysed`` (missing or outdated: analysed now and stored) or
    ``missing`` (could not be analysed; the reason is in the view's ``notes``).
    """

    article_id: str
    title: str | None
    source: str | None
    url: str | None
    language: str | None
    published: str | None
    length: int
    role: str
    duplicate_of: str | None = None
    copy_of: str | None = None
    update_of: str | None = None
    translation_of: str | None = None
    analysis: str = "stored"


@dataclass(frozen=True, slots=True)
class SummarySentence(Record):
    """An extractive summary sentence; ``also_in`` lists members that carry the same
    sentence (copied or near-identical), which is why it is not repeated."""

    article_id: str
    start: int
    end: int
    text: str
    language: str | None
    score: float
    also_in: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TimelineItem(Record):
    """A dated item. ``kind``: ``publication``, ``entry`` (a live-ticker entry),
    ``statement`` (a dated quote) or ``event`` (a sentence naming a day).

    ``time`` is ISO 8601 at its ``precision`` (``minute``, ``day``, ``month``, ``year``);
    ``anchor`` what it was resolved against: ``published``, ``text`` (the article's
    inferred date), ``neighbours`` (a ticker entry without a time of its own, placed
    between the dated entries around it), ``story`` (an undated article whose text implies
    no date, placed by the story's other members), ``entries`` (an undated live ticker,
    placed at its newest entry) or ``None`` (an absolute date in the text).
    ``inferred`` is true when the time is not written at the item itself.
    Times written in a text ("13.25 Uhr (Ortszeit)") are kept as written, in the article's
    local time, without a zone; publication times keep their offset.
    ``background`` marks items far outside the story's own days (a 2017 quote recalled
    in a 2019 report). ``headline`` is set for ticker entries.
    """

    kind: str
    time: str | None
    precision: str | None
    anchor: str | None
    inferred: bool
    article_id: str
    start: int
    end: int
    text: str
    headline: str | None = None
    order: int | None = None
    background: bool = False


@dataclass(frozen=True, slots=True)
class StatementQuote(Record):
    """One source's wording of a statement (a quote of the analysis, with its offsets)."""

    article_id: str
    start: int
    end: int
    text: str
    kind: str
    date: str | None = None
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Statement(Record):
    """Quotes of one speaker that say the same thing, verbatim or paraphrased,
    within and across articles and languages. ``sources`` counts the members."""

    id: str
    quotes: tuple[StatementQuote, ...]
    sources: int
    first_date: str | None = None


@dataclass(frozen=True, slots=True)
class Speaker(Record):
    """Who said what. ``key`` is the canonical entity key (``None`` for a speaker the
    texts do not name: then ``name`` is the mention, e.g. "ein Sprecher des
    Ministeriums", and ``named`` is false). ``role`` is the role the texts give most
    often ("US-Präsident"), ``roles`` all of them."""

    key: str | None
    name: str
    named: bool
    role: str | None
    roles: tuple[str, ...]
    quotes: int
    statements: tuple[Statement, ...]


@dataclass(frozen=True, slots=True)
class ReusePassage(Record):
    """A copied passage: offsets into the source (``source_*``) and the target (``target_*``);
    ``text`` is the source's wording."""

    source_start: int
    source_end: int
    target_start: int
    target_end: int
    words: int
    similarity: float
    text: str


@dataclass(frozen=True, slots=True)
class ReuseEdge(Record):
    """"``target`` reuses ``source``": the passages copied, the share of each text they
    cover. ``direction`` is the literal ``"source→target"`` when publication times say who was first,
    else ``None`` with ``direction_reason``; then source/target are in story order."""

    source: str
    target: str
    direction: str | None
    direction_reason: str | None
    share_source: float
    share_target: float
    words: int
    passages: tuple[ReusePassage, ...]


@dataclass(frozen=True, slots=True)
class StoryEntity(Record):
    """A main person, place or organisation under its base-form display ``name``;
    ``by_source`` maps member ids to mention counts."""

    key: str
    type: str
    name: str
    mentions: int
    sources: int
    by_source: dict[str, int]


@dataclass(frozen=True, slots=True)
class HistoryEvent(Record):
    """The story's history: ``opened`` (its first article), ``merged`` (story ``story``
    was merged into this one when ``article_id`` arrived) and ``redirected`` (the id
    asked for was an old, merged id)."""

    kind: str
    story: str
    article_id: str | None = None
    at: str | None = None


@dataclass(frozen=True, slots=True)
class StoryView(Record):
    """Everything ``storylink.story`` shows about one story.

    ``quotes`` is who said what (speakers, each with their statements), ``sources`` the
    members. Stories larger than ``limit`` are paged: ``sources`` and every section are
    built from the ``limit`` members from ``offset`` on (in publication order); ``size``
    is the whole story's size.
    """

    id: str
    requested: str
    title: str | None
    title_article: str | None
    language: str | None
    languages: tuple[str, ...]
    size: int
    duplicates: int
    first_seen: str | None
    last_seen: str | None
    offset: int
    limit: int
    summary: tuple[SummarySentence, ...]
    timeline: tuple[TimelineItem, ...]
    quotes: tuple[Speaker, ...]
    sources: tuple[Member, ...]
    reuse: tuple[ReuseEdge, ...]
    entities: tuple[StoryEntity, ...]
    history: tuple[HistoryEvent, ...]
    notes: tuple[str, ...] = ()
