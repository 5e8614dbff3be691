"""Live-ticker entries.

Two forms of live blog are recognised, each at the start of a paragraph:

- ``plus``: a headline between ``+++`` markers ("+++ Kim reist ab +++",
  "+++ 10.15 Uhr: Kim reist ab +++"), the body in the paragraphs that follow;
- ``timestamp``: a time stamp followed by a separator or a line end
  ("14:05 Uhr: …", "14.05 Uhr –", "Update 12:30 –", "10:15 am:",
  "Update, 3.45pm:"). The headline is the rest of the stamp's line when that
  reads like a headline, else its first sentence; a stamp alone on its line
  takes the next line. A text needs two such stamps to count as a ticker, so
  an ordinary paragraph that opens with a time is no entry.

A body runs to the next entry; paragraphs of noise at either end of it (a
"Fullscreen" button, a "Lesen Sie auch" teaser, an ad marker) are left out.
Headlines never include the markers or the time stamp. Times are attached by
the orchestrator, so ``Entry.times`` is empty here.

Example::

    >>> text = "Vorspann.\\n\\n+++ Kim reist ab +++\\n\\nEr fährt.\\n\\n+++ Trump landet +++\\n\\nEr winkt."
    >>> from storylink.nlp.segment import segment
    >>> [(e.order, e.headline, text[e.body_start:e.body_end]) for e in find_entries(text, segment(text)[0])]
    [(0, 'Kim reist ab', 'Er fährt.'), (1, 'Trump landet', 'Er winkt.')]
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..document import Entry, Paragraph
from .noise import paragraph_noise
from .segment import sentence_spans

__all__ = ["find_entries"]

_PLUS = regex.compile(r"(?P<open>\+{3,}|\+\+(?=.*?\+\+))[ \t]*(?P<head>[^\n]*?)[ \t]*(?P<close>\+{2,}|$)",
                      regex.M)
_STAMP = regex.compile(
    r"""
    \[?(?:(?:Update|Aktualisierung|Aktualisiert|UPDATE)\b[\s,:.-]{0,3})?
    (?:\d{1,2}[:.]\d{2}(?:\s*(?:Uhr|h\b|[ap]\.?m\b\.?))? | \d{1,2}\s*(?:Uhr|[ap]\.?m\b\.?))
    (?:\s*(?:GMT|BST|ET|EST|EDT|PT|MEZ|MESZ|CET|CEST|UTC|Ortszeit)\b)?\]?
    [ \t]*(?:[:|–—-][ \t]*|(?=\n|$))
    """,
    regex.X | regex.I,
)
_TERMINAL_END = regex.compile(r"[.!?…][\"'“”»«’]?$")
#: Longest line taken whole as a headline.
_MAX_HEADLINE = 160
#: Timestamp entries a text needs before they count as a live ticker.
_MIN_STAMPS = 2


@dataclass(frozen=True, slots=True)
class _Head:
    paragraph: int
    style: str
    head_start: int
    head_end: int
    body_from: int  # where the body may start (after the headline and a closing marker)


def _plus_head(text: str, index: int, p: Paragraph) -> _Head | None:
    m = _PLUS.match(text, p.start, p.end)
    if m is None or not m.group("head").strip("+ \t") or paragraph_noise(m.group()):
        return None  # "+++ Verfolgen Sie alles im Liveticker +++" is a teaser, not an entry
    start, end = m.start("head"), m.end("head")
    stamp = _STAMP.match(text, start, end)
    if stamp and stamp.end() < end:
        start = stamp.end()
    return _Head(index, "plus", start, end, m.end())


def _stamp_head(text: str, index: int, p: Paragraph, paragraphs: list[Paragraph]) -> _Head | None:
    m = _STAMP.match(text, p.start, p.end)
    if m is None:
        return None
    line_end = text.find("\n", m.end(), p.end)
    line_end = p.end if line_end < 0 else line_end
    start = m.end()
    if start >= line_end:  # the stamp stands alone: the headline is the next line
        nxt = _next_line(text, line_end, p, paragraphs, index)
        if nxt is None:
            return None
        start, line_end = nxt
    end = line_end
    if end - start > _MAX_HEADLINE or (_TERMINAL_END.search(text[start:end]) and end < p.end
                                       and end - start > _MAX_HEADLINE // 2):
        end = sentence_spans(text, start, line_end)[0][1]
    while end > start and text[end - 1] in " \t:–—-|":
        end -= 1
    return _Head(index, "timestamp", start, end, end) if end > start else None


def _next_line(text: str, line_end: int, p: Paragraph, paragraphs: list[Paragraph],
               index: int) -> tuple[int, int] | None:
    if line_end < p.end:
        start = line_end + 1
        while text[start].isspace():
            start += 1
    elif index + 1 < len(paragraphs):
        start = paragraphs[index + 1].start
        p = paragraphs[index + 1]
    else:
        return None
    end = text.find("\n", start, p.end)
    return start, (p.end if end < 0 else end)


def _body(text: str, head: _Head, paragraphs: list[Paragraph], stop: int) -> tuple[int, int]:
    """Body span from ``head.body_from`` to the paragraph before ``stop``, noise trimmed at both ends."""
    own = paragraphs[head.paragraph]
    parts: list[tuple[int, int]] = []
    start = head.body_from
    while start < own.end and text[start].isspace():
        start += 1
    if start < own.end and head.head_end < own.end:
        parts.append((start, own.end))
    for j in range(head.paragraph + 1, stop):
        if j == head.paragraph + 1 and head.body_from > paragraphs[j].start:
            continue  # that paragraph held the headline (a stamp alone on its line)
        parts.append((paragraphs[j].start, paragraphs[j].end))
    while parts and paragraph_noise(text[parts[-1][0]:parts[-1][1]]):
        parts.pop()
    while parts and paragraph_noise(text[parts[0][0]:parts[0][1]]):
        parts.pop(0)
    if not parts:
        empty = max(own.end, head.body_from)
        return empty, empty
    return parts[0][0], parts[-1][1]


def find_entries(text: str, paragraphs: list[Paragraph]) -> list[Entry]:
    """Live-ticker entries of ``text`` in text order; an ordinary article has none.

    Args:
        text: the article text the offsets refer to.
        paragraphs: its paragraphs (``segment``), whose first lines may open entries.

    Example::

        >>> text = "14:05 Uhr: Kim reist ab\\nEr fährt.\\n\\n14:30 Uhr: Trump landet\\nEr winkt."
        >>> from storylink.nlp.segment import segment
        >>> [(e.style, e.headline) for e in find_entries(text, segment(text)[0])]
        [('timestamp', 'Kim reist ab'), ('timestamp', 'Trump landet')]
    """
    plus: list[_Head] = []
    stamps: list[_Head] = []
    for i, p in enumerate(paragraphs):
        head = _plus_head(text, i, p)
        if head is not None:
            plus.append(head)
            continue
        head = _stamp_head(text, i, p, paragraphs)
        if head is not None:
            stamps.append(head)
    heads = sorted(plus + (stamps if len(stamps) >= _MIN_STAMPS else []), key=lambda h: h.paragraph)
    # A stamp alone on its line takes the next paragraph as headline; that paragraph opens no entry.
    heads = [h for k, h in enumerate(heads) if k == 0 or heads[k - 1].body_from <= paragraphs[h.paragraph].start]
    entries = []
    for order, head in enumerate(heads):
        stop = heads[order + 1].paragraph if order + 1 < len(heads) else len(paragraphs)
        body_start, body_end = _body(text, head, paragraphs, stop)
        start = paragraphs[head.paragraph].start
        end = max(body_end, head.body_from)
        entries.append(Entry(
            start=start, end=end, text=text[start:end], order=order,
            headline=text[head.head_start:head.head_end],
            headline_start=head.head_start, headline_end=head.head_end,
            body_start=body_start, body_end=body_end, style=head.style,
        ))
    return entries
