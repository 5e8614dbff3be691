"""The story view: what one story is made of, read from stored data.

``story(ref)`` returns a ``StoryView``: title and extractive summary, the
timeline (publications, live-ticker entries, dated statements and events), who
said what (speakers and their statements across sources and languages), the
sources with their roles, the directed text-reuse graph, the main entities and
the story's history. ``to_dict()`` is what ``storylink story --json`` prints.
Sections live in their own modules (``timeline``, ``statements``, ``summary``,
``reuse``, ``names``); ``terminal`` and ``html`` render a view's dict.
"""

from __future__ import annotations

from .build import DEFAULT_LIMIT, STORY_UNITS_MODEL, resolve_story, story
from .model import (
    HistoryEvent,
    Member,
    ReuseEdge,
    ReusePassage,
    Speaker,
    Statement,
    StatementQuote,
    StoryEntity,
    StoryView,
    SummarySentence,
    TimelineItem,
)

__all__ = [
    "story",
    "resolve_story",
    "DEFAULT_LIMIT",
    "STORY_UNITS_MODEL",
    "StoryView",
    "Member",
    "SummarySentence",
    "TimelineItem",
    "Speaker",
    "Statement",
    "StatementQuote",
    "ReuseEdge",
    "ReusePassage",
    "StoryEntity",
    "HistoryEvent",
]
