"""The story's timeline: publications, live-ticker entries, dated statements and events.

Times come from the analyses (``TimeExpr.value``, already resolved against each
article's publication time or the date its text implies); nothing is parsed again.

* **publications**: each member at its ``published`` time; an undated member at the
  date its text implies (``Analysis.anchor_date``, ``anchor="text"``, inferred), and
  one whose text implies none at the latest weekday it names near the story's day
  (the median day of the other members), or at that day (``anchor="story"``); an
  undated live ticker right after its newest entry (``anchor="entries"``).
* **ticker entries**: an entry's day is the first day-precise time it names within
  ``ENTRY_DAYS_BEFORE`` days before and ``ENTRY_DAYS_AFTER`` after its article's
  anchor (a 2017 quote recalled in a 2019 entry does not date the entry), kept only
  where it agrees with the ticker's order (the longest run of entries whose days
  follow the ticker's direction, newest first or oldest first; a timestamped entry,
  "08:05 Uhr: …", only by a date it writes out). An entry without a
  day of its own takes the day of its nearest dated neighbour (``anchor="neighbours"``,
  inferred); when no entry names a day, all take the article's own day. Its first clock time ("13.25 Uhr") makes it minute-precise.
* **statements**: quotes with a date of their own (a tweet's date line).
* **events**: sentences outside ticker entries and quotes that name a day
  (at most ``MAX_EVENTS_PER_MEMBER`` per member, the first ones; a day resolved from a
  weekday or a relative phrase only when it lies within ``RESOLVED_DAYS`` of the
  article's own day). An event or statement a later member repeats word for word
  (a copy) is shown once.

Items far outside the story's days (``BACKGROUND_DAYS``) are kept and marked
``background``. Order: by time; within a day a ticker keeps its own order.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone, tzinfo

from ..document import Analysis, TimeExpr, published_datetime
from ..nlp.times import WEEKDAYS
from .inputs import MemberData
from .model import TimelineItem

__all__ = ["build_timeline", "entry_days", "story_day"]

ENTRY_DAYS_BEFORE = 14
ENTRY_DAYS_AFTER = 3
RESOLVED_DAYS = 3
MAX_EVENTS_PER_MEMBER = 12
BACKGROUND_DAYS = 14

_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?")
_CLOCK = re.compile(r"^T(\d{2}:\d{2})")
_FAR_FUTURE = datetime.max.replace(tzinfo=timezone.utc)


def _day_of(value: str | None) -> str | None:
    m = _DAY.match(value or "")
    if not m:
        return None
    try:
        date.fromisoformat(m.group(1))
    except ValueError:
        return None
    return m.group(1)


def _clock_of(value: str | None, day: str) -> str | None:
    """``hh:mm`` of a clock time (``T13:25``) or of a date-time on ``day``."""
    if not value:
        return None
    m = _CLOCK.match(value)
    if m:
        return m.group(1)
    m = _DAY.match(value)
    if m and m.group(1) == day and m.group(2):
        return m.group(2)
    return None


def _anchor_day(member: MemberData) -> date | None:
    when = published_datetime(member.article.published)
    if when is not None:
        return when.date()
    if member.analysis and member.analysis.anchor_date:
        try:
            return date.fromisoformat(member.analysis.anchor_date[:10])
        except ValueError:
            return None
    return None


def _plausible(t: TimeExpr, day: str, anchor: date | None) -> bool:
    """A day an item can happen on: near its article's own day; a day resolved from a
    weekday or a relative phrase ("Freitagabend", "gestern") only within
    ``RESOLVED_DAYS`` of it (the resolution guesses the direction and can be a week off)."""
    if anchor is None:
        return True
    d = date.fromisoformat(day)
    if t.anchor is not None:
        return abs((d - anchor).days) <= RESOLVED_DAYS
    return anchor - timedelta(days=ENTRY_DAYS_BEFORE) <= d <= anchor + timedelta(days=ENTRY_DAYS_AFTER)


def entry_days(analysis: Analysis, anchor: date | None) -> list[tuple[str | None, str | None, str | None]]:
    """Per ticker entry: (day, clock time, how the day was found: ``None`` written at the
    entry, ``neighbours`` or ``article``), see the module docstring.

    Example: the middle entry has no time of its own and sits between two on one day::

        >>> from storylink.document import Entry, TimeExpr
        >>> def entry(n, *times):
        ...     return Entry(0, 1, "x", n, "h", 0, 1, 1, 1, times=tuple(TimeExpr(0, 1, "x", "date", v) for v in times))
        >>> a = Analysis("a", "t", "de", 1.0, 1, entries=(entry(0, "T13:25", "2019-02-28"), entry(1), entry(2, "2019-02-28")))
        >>> entry_days(a, None)
        [('2019-02-28', '13:25', None), ('2019-02-28', None, 'neighbours'), ('2019-02-28', None, None)]
    """
    entries = analysis.entries
    own: list[str | None] = []
    for e in entries:
        # A timestamped entry ("08:05 Uhr: …") happens on the ticker's day unless it writes
        # a date: its "am Donnerstag" looks back at yesterday, it does not date the entry.
        own.append(next((d for t in e.times if (d := _day_of(t.value)) and _plausible(t, d, anchor)
                         and (e.style != "timestamp" or t.anchor is None)), None))
    dated = [(k, d) for k, d in enumerate(own) if d]
    newest_first = _newest_first([d for _, d in dated])
    keep = _monotone([d for _, d in dated], decreasing=newest_first)
    kept = {dated[k][0]: dated[k][1] for k in keep}
    out: list[tuple[str | None, str | None, str | None]] = []
    positions = sorted(kept)
    for k, e in enumerate(entries):
        if k in kept:
            day, how = kept[k], None
        elif positions:
            # The nearest dated neighbour; on a tie the older one (a ticker entry is
            # written after what the entry below it reports).
            at = bisect.bisect_left(positions, k)
            around = [positions[n] for n in (at - 1, at) if 0 <= n < len(positions)]
            older = max(around) if newest_first else min(around)
            nearest = min(around, key=lambda p: (abs(p - k), p != older))
            day, how = kept[nearest], "neighbours"
        else:
            # No entry names a day: the ticker's own day.
            day, how = (anchor.isoformat() if anchor else None), "article"
        clock = next((c for t in e.times if day and (c := _clock_of(t.value, day))), None) if day else None
        out.append((day, clock, how))
    return out


def _monotone(days: Sequence[str], *, decreasing: bool) -> list[int]:
    """Indices of a longest non-increasing (``decreasing``) or non-decreasing run, in order."""
    keys = [(-date.fromisoformat(d).toordinal() if decreasing else date.fromisoformat(d).toordinal()) for d in days]
    tails: list[int] = []
    tail_idx: list[int] = []
    prev = [-1] * len(keys)
    for i, key in enumerate(keys):
        at = bisect.bisect_right(tails, key)
        if at == len(tails):
            tails.append(key)
            tail_idx.append(i)
        else:
            tails[at] = key
            tail_idx[at] = i
        prev[i] = tail_idx[at - 1] if at > 0 else -1
    out = []
    k = tail_idx[-1] if tail_idx else -1
    while k >= 0:
        out.append(k)
        k = prev[k]
    return out[::-1]


def _instant(day: str | None, clock: str | None, tz: tzinfo | None = None) -> datetime:
    """The sort instant of a day and clock time written in the text: in ``tz`` (the
    zone of the article's publication time) when known, else read as UTC."""
    if day is None:
        return _FAR_FUTURE
    return datetime.fromisoformat(f"{day}T{clock or '00:00'}").replace(tzinfo=tz or timezone.utc)


def story_day(members: Sequence[MemberData]) -> date | None:
    """The median of the members' own days (published, else the date their text implies)."""
    days = sorted(d for m in members if (d := _anchor_day(m)) is not None)
    return days[len(days) // 2] if days else None


def _placed_by_story(m: MemberData, story: date | None) -> str | None:
    """The day of a member that has neither a date nor an anchor of its own: the latest
    weekday its text names near the story's day ("am Donnerstag"), else the story's day."""
    if story is None:
        return None
    named = set()
    for t in m.analysis.times if m.analysis else ():
        if t.kind == "weekday":
            word = t.text.lower()
            named |= {n for name, n in WEEKDAYS.items() if name in word}
    near = [story + timedelta(days=k) for k in range(-3, 4)]
    matching = [d for d in near if d.weekday() in named]
    return (max(matching) if matching else story).isoformat()


def build_timeline(members: Sequence[MemberData]) -> tuple[TimelineItem, ...]:
    """The timeline items of the members, in order (see the module docstring)."""
    keyed: list[tuple[tuple[datetime, int, int], TimelineItem]] = []
    story = story_day(members)
    for m in members:
        publication = _publication(m, story)
        if m.analysis is None:
            keyed.append(publication)
            continue
        entries = _entries(m)
        if entries and not m.article.published:
            publication = _after_newest_entry(publication[1], entries)
        keyed.append(publication)
        keyed.extend(entries)
        keyed.extend(_statements(m))
        keyed.extend(_events(m))
    keyed.sort(key=lambda x: x[0])
    items = _without_repeats([item for _, item in keyed])
    return tuple(_mark_background(items))


def _publication(m: MemberData, story: date | None) -> tuple[tuple[datetime, int, int], TimelineItem]:
    text = m.article.title or (m.article.text.strip().split("\n", 1)[0][:160])
    start = max(0, m.article.text.find(text)) if text else 0
    end = start + len(text) if m.article.text[start:start + len(text)] == text else start
    when = published_datetime(m.article.published)
    if when is not None:
        minute = bool(m.article.published and "T" in m.article.published)
        time = when.isoformat(timespec="minutes") if minute else when.date().isoformat()
        item = TimelineItem("publication", time, "minute" if minute else "day", "published", False,
                            m.id, start, end, m.article.text[start:end])
        return (when, m.position, -1), item
    day, how = (m.analysis.anchor_date[:10], "text") if m.analysis and m.analysis.anchor_date else (None, None)
    if day is None:
        day, how = _placed_by_story(m, story), "story"
    item = TimelineItem("publication", day, "day" if day else None, how if day else None, True,
                        m.id, start, end, m.article.text[start:end])
    return (_instant(day, None), m.position, -1), item


def _after_newest_entry(item: TimelineItem, entries: list[tuple[tuple[datetime, int, int], TimelineItem]]
                        ) -> tuple[tuple[datetime, int, int], TimelineItem]:
    """An undated live ticker was last published with its newest entry: placed right after it."""
    key, newest = max(entries, key=lambda e: e[0])
    if newest.time is None:
        return (_FAR_FUTURE, key[1], -1), item
    placed = dataclasses.replace(item, time=newest.time, precision=newest.precision, anchor="entries", inferred=True)
    return (key[0], key[1], key[2] + 1), placed


def _entries(m: MemberData) -> list[tuple[tuple[datetime, int, int], TimelineItem]]:
    assert m.analysis is not None
    entries = m.analysis.entries
    if not entries:
        return []
    days = entry_days(m.analysis, _anchor_day(m))
    published = published_datetime(m.article.published)
    tz = published.tzinfo if published is not None and m.article.published and "T" in m.article.published else None
    chronological = list(range(len(entries)))
    if _newest_first([d for d, _, how in days if d and how is None]):
        chronological.reverse()
    out = []
    # A day-precise entry sorts just after the entry written before it on that day.
    last: dict[str, datetime] = {}
    for rank, k in enumerate(chronological):
        e = entries[k]
        day, clock, how = days[k]
        instant = _instant(day, clock, tz) if clock or day is None else last.get(day, _instant(day, None, tz))
        if day:
            last[day] = max(instant, last.get(day, instant))
        time = f"{day}T{clock}" if day and clock else day
        if how == "article":
            anchor = "published" if m.article.published else "text"
        else:
            anchor = how or (_entry_anchor(e.times, day) if day else None)
        item = TimelineItem("entry", time, ("minute" if clock else "day") if day else None, anchor, how is not None,
                            m.id, e.headline_start, e.headline_end, e.headline, headline=e.headline, order=e.order)
        out.append(((instant, m.position, rank), item))
    return out


def _newest_first(days: Sequence[str]) -> bool:
    """Whether the entries' own days (in ticker order) run backwards; a tie says newest
    first, the common ticker layout."""
    down = sum(1 for a, b in zip(days, days[1:]) if a > b)
    up = sum(1 for a, b in zip(days, days[1:]) if a < b)
    return down >= up


def _entry_anchor(times: Sequence[TimeExpr], day: str) -> str | None:
    return next((t.anchor for t in times if _day_of(t.value) == day), None)


def _statements(m: MemberData) -> list[tuple[tuple[datetime, int, int], TimelineItem]]:
    assert m.analysis is not None
    out = []
    for q in m.analysis.quotes:
        day = _day_of(q.date)
        if not day:
            continue
        clock = _clock_of(q.date, day)
        item = TimelineItem("statement", f"{day}T{clock}" if clock else day, "minute" if clock else "day", None,
                            False, m.id, q.start, q.end, q.text)
        out.append(((_instant(day, clock), m.position, q.start), item))
    return out


def _events(m: MemberData) -> list[tuple[tuple[datetime, int, int], TimelineItem]]:
    a = m.analysis
    assert a is not None
    anchor = _anchor_day(m)
    # A ticker entry is its own item; what its body dates is told by the entry.
    skip = [(e.start, e.end) for e in a.entries] + [(q.start, q.end) for q in a.quotes]
    starts = [s.start for s in a.sentences]
    seen: set[tuple[int, str]] = set()
    out = []
    for t in sorted(a.times, key=lambda t: t.start):
        day = _day_of(t.value)
        if not day or t.kind in ("duration", "set") or any(s <= t.start < e for s, e in skip) \
                or not _plausible(t, day, anchor) and t.anchor is not None:
            continue
        k = bisect.bisect_right(starts, t.start) - 1
        if k < 0 or (k, day) in seen:
            continue
        seen.add((k, day))
        s = a.sentences[k]
        clock = next((c for u in a.times if s.start <= u.start < s.end and (c := _clock_of(u.value, day))), None)
        item = TimelineItem("event", f"{day}T{clock}" if clock else day, "minute" if clock else "day", t.anchor,
                            t.kind in ("relative", "weekday") or t.anchor is not None, m.id, s.start, s.end, s.text)
        out.append(((_instant(day, clock), m.position, s.start), item))
        if len(out) >= MAX_EVENTS_PER_MEMBER:
            break
    return out


def _without_repeats(items: list[TimelineItem]) -> list[TimelineItem]:
    """Events and statements said again in a later member (a copy) are shown once."""
    seen: set[tuple[str, str | None, str]] = set()
    out = []
    for item in items:
        if item.kind in ("event", "statement"):
            key = (item.kind, item.time, " ".join(item.text.lower().split()))
            if key in seen:
                continue
            seen.add(key)
        out.append(item)
    return out


def _mark_background(items: list[TimelineItem]) -> list[TimelineItem]:
    core = sorted(date.fromisoformat(i.time[:10]) for i in items if i.time and i.kind in ("publication", "entry"))
    if not core:
        return items
    lo = core[0] - timedelta(days=BACKGROUND_DAYS)
    hi = core[-1] + timedelta(days=BACKGROUND_DAYS)
    return [dataclasses.replace(i, background=True) if i.time and not lo <= date.fromisoformat(i.time[:10]) <= hi
            else i for i in items]
