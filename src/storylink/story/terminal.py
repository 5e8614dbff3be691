"""The story view in a terminal (rich): header, summary, timeline, who said what, sources,
reuse, entities, history and notes.

It reads the view as a dict (``StoryView.to_dict()``, the document ``storylink story --json``
prints), so a stored or remote view renders the same way as a fresh one. Long sections are
capped at ``max_items`` rows with a "… N more" line; the HTML page shows everything.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

__all__ = ["render_story_terminal", "member_labels", "format_time", "role_text"]

# One mark per precision, so a minute-exact ticker time and a day-only date read apart at a glance.
_PRECISION_MARK = {"minute": "◷", "day": "d", "month": "m", "year": "y"}


def member_labels(view: Mapping[str, Any]) -> dict[str, str]:
    """A short, unique label per member: its outlet, else the first 8 digits of its id.

    >>> member_labels({"sources": [{"article_id": "769840e5e5c8a94a", "source": None},
    ...                            {"article_id": "71630e119a52c22c", "source": "dpa"}]})
    {'769840e5e5c8a94a': '769840e5', '71630e119a52c22c': 'dpa'}
    """
    members = list(view.get("sources") or [])
    outlets = [m.get("source") for m in members]
    labels: dict[str, str] = {}
    for m in members:
        aid = str(m["article_id"])
        outlet = m.get("source")
        if outlet and outlets.count(outlet) == 1:
            labels[aid] = str(outlet)
        elif outlet:  # two texts of one outlet: the id tells them apart
            labels[aid] = f"{outlet} {aid[:6]}"
        else:
            labels[aid] = aid[:8]
    return labels


def label_of(labels: Mapping[str, str], article_id: str | None) -> str:
    """The member's label; an id that is not a member of this page (paged views) keeps its short id."""
    if not article_id:
        return "?"
    return labels.get(article_id, article_id[:8])


def parse_time(value: str | None) -> datetime | None:
    """An ISO 8601 time at any precision (``2019``, ``2019-02``, ``2019-02-28``, ``…T13:25+07:00``)."""
    if not value:
        return None
    text = value.replace("Z", "+00:00")
    for candidate in (text, text + "-01", text + "-01-01"):
        try:
            return datetime.fromisoformat(candidate)
        except ValueError:
            continue
    return None


def format_time(value: str | None, precision: str | None = None) -> str:
    """The time as a reader writes it, no finer than its precision.

    >>> format_time("2019-02-28T13:25:00+07:00", "minute"), format_time("2019-02-28T00:00", "day")
    ('2019-02-28 13:25 +07:00', '2019-02-28')
    >>> format_time("2017-09", "month"), format_time(None), format_time("gestern")
    ('2017-09', 'undated', 'gestern')
    """
    if not value:
        return "undated"
    when = parse_time(value)
    if when is None:
        return value
    if precision == "year":
        return f"{when:%Y}"
    if precision == "month":
        return f"{when:%Y-%m}"
    if precision == "day" or (precision is None and "T" not in value):
        return f"{when:%Y-%m-%d}"
    zone = when.strftime("%z")
    return f"{when:%Y-%m-%d %H:%M}" + (f" {zone[:3]}:{zone[3:]}" if zone else "")


def role_text(member: Mapping[str, Any], labels: Mapping[str, str]) -> str:
    """``copy of dpa``, ``update of 71630e11``, ``original``: the role with of whom."""
    role = str(member.get("role") or "?")
    of = (member.get(f"{role}_of") or (member.get("duplicate_of") if role == "copy" else None))
    return f"{role} of {label_of(labels, of)}" if of else role


def snippet(text: str, width: int = 90) -> str:
    """``text`` on one line, cut in the middle when longer than ``width``."""
    s = " ".join(str(text).split())
    if len(s) <= width:
        return s
    head = width * 2 // 3
    return s[:head].rstrip() + " … " + s[-(width - head - 3):].lstrip()


def _more(console: Console, shown: int, total: int, what: str) -> None:
    if total > shown:
        console.print(Text(f"… {total - shown} more {what}", style="dim italic"))


def _section(console: Console, title: str, count: int | None = None) -> None:
    console.print()
    console.rule(Text(title + (f" ({count})" if count is not None else ""), style="bold"), align="left")


def _header(view: Mapping[str, Any], console: Console) -> None:
    console.rule(Text(view.get("title") or "(untitled story)", style="bold cyan"))
    size, dups = int(view.get("size") or 0), int(view.get("duplicates") or 0)
    parts = [f"story {view.get('id')}", f"{size} article{'s' if size != 1 else ''}"]
    if dups:
        parts.append(f"{dups} duplicate{'s' if dups != 1 else ''}")
    parts.append("languages " + (", ".join(view.get("languages") or []) or "?"))
    first, last = view.get("first_seen"), view.get("last_seen")
    parts.append(f"seen {format_time(first)} → {format_time(last)}" if first or last else "undated")
    console.print("  ·  ".join(parts), highlight=False)
    requested = view.get("requested")
    if requested and requested != view.get("id"):
        console.print(Text(f"asked for {requested}: shown as its story {view.get('id')}", style="dim"))
    shown = len(view.get("sources") or [])
    if shown < size:
        offset = int(view.get("offset") or 0)
        console.print(Text(f"members {offset + 1}–{offset + shown} of {size} (paged: every section covers these)",
                           style="yellow"))


def _summary(view: Mapping[str, Any], console: Console, labels: Mapping[str, str]) -> None:
    sentences = list(view.get("summary") or [])
    _section(console, "Summary")
    if not sentences:
        console.print(Text("no summary (no sentences to draw from)", style="dim"))
    for s in sentences:
        also = s.get("also_in") or []
        line = Text(f"• {' '.join(str(s.get('text', '')).split())}")
        line.append(f"  [{label_of(labels, s.get('article_id'))}"
                    + (f", also in {len(also)}" if also else "") + "]", style="dim")
        console.print(line)


def _timeline(view: Mapping[str, Any], console: Console, labels: Mapping[str, str], max_items: int) -> None:
    items = list(view.get("timeline") or [])
    _section(console, "Timeline", len(items))
    if not items:
        console.print(Text("no dated items", style="dim"))
        return
    table = Table(box=None, pad_edge=False, show_header=True, header_style="bold")
    for col, kw in (("when", {"no_wrap": True}), ("", {"no_wrap": True}), ("kind", {"no_wrap": True}),
                    ("member", {"no_wrap": True}), ("text", {"ratio": 1})):
        table.add_column(col, **kw)
    # The story's own days come first; background items (a 2017 quote recalled) fill what the cap leaves.
    main = [i for i in items if not i.get("background")]
    background = [i for i in items if i.get("background")]
    shown = main[:max_items] + background[:max(0, max_items - len(main))]
    for item in shown:
        inferred = bool(item.get("inferred"))
        mark = _PRECISION_MARK.get(item.get("precision") or "", "·")
        when = format_time(item.get("time"), item.get("precision"))
        if inferred:
            when = "≈ " + when
        text = Text()
        if item.get("headline"):
            text.append(snippet(item["headline"], 80), style="bold")
            text.append("  ")
        text.append(snippet(item.get("text") or "", 100 if not item.get("headline") else 60))
        if inferred and item.get("anchor"):
            text.append(f"  (placed by {item['anchor']})", style="italic dim")
        style = "dim" if item.get("background") else ("italic" if inferred else "")
        table.add_row(when, mark, str(item.get("kind") or ""), label_of(labels, item.get("article_id")), text,
                      style=style or None)
    console.print(table)
    hidden_bg = len(background) - sum(1 for i in shown if i.get("background"))
    _more(console, len(shown), len(items), "items" + (f" ({hidden_bg} of them background)" if hidden_bg else ""))
    console.print(Text("◷ minute  d day  m month  y year  ≈ inferred  dim: background (outside the story's days)",
                       style="dim"))


def _quotes(view: Mapping[str, Any], console: Console, labels: Mapping[str, str], max_items: int) -> None:
    speakers = list(view.get("quotes") or [])
    _section(console, "Who said what", len(speakers))
    if not speakers:
        console.print(Text("no quotes found", style="dim"))
        return
    for speaker in speakers[:max_items]:
        statements = list(speaker.get("statements") or [])
        line = Text(str(speaker.get("name") or "?"), style="bold" if speaker.get("named", True) else "bold italic")
        if speaker.get("role"):
            line.append(f", {speaker['role']}")
        if not speaker.get("named", True):
            line.append("  (not named)", style="dim")
        line.append(f"  {speaker.get('quotes', 0)} quotes, {len(statements)} statements", style="dim")
        console.print(line)
        for statement in statements[:max_items]:
            n = int(statement.get("sources") or 0)
            head = Text(f"  ▸ {n} source{'s' if n != 1 else ''}", style="cyan")
            if statement.get("first_date"):
                head.append(f", first {format_time(statement['first_date'])}", style="cyan")
            console.print(head)
            for q in statement.get("quotes") or []:
                wording = Text(f"    {label_of(labels, q.get('article_id')):<10} ", style="dim")
                wording.append(f"„{snippet(q.get('text') or '', 110)}“")
                wording.append(f"  {q.get('kind') or '?'}" + (f", {format_time(q['date'])}" if q.get("date") else ""),
                               style="dim")
                console.print(wording)
        _more(console, min(max_items, len(statements)), len(statements), "statements")
    _more(console, min(max_items, len(speakers)), len(speakers), "speakers")


def _sources(view: Mapping[str, Any], console: Console, labels: Mapping[str, str], max_items: int) -> None:
    members = list(view.get("sources") or [])
    _section(console, "Sources", len(members))
    if not members:
        console.print(Text("no members", style="dim"))
        return
    table = Table(show_header=True, header_style="bold")
    for col in ("id", "outlet", "lang", "published", "length", "role"):
        table.add_column(col, justify="right" if col == "length" else "left", no_wrap=col != "outlet")
    for m in members[:max_items]:
        role = role_text(m, labels)
        if m.get("analysis") and m["analysis"] != "stored":
            role += f" (analysis {m['analysis']})"
        table.add_row(str(m.get("article_id")), str(m.get("source") or "—"), str(m.get("language") or "?"),
                      format_time(m.get("published")), f"{int(m.get('length') or 0):,}", role)
    console.print(table)
    _more(console, min(max_items, len(members)), len(members), "members")


def _reuse(view: Mapping[str, Any], console: Console, labels: Mapping[str, str],
           texts: Mapping[str, str] | None, max_items: int) -> None:
    edges = list(view.get("reuse") or [])
    _section(console, "Reuse", len(edges))
    if not edges:
        console.print(Text("no text reuse between members", style="dim"))
        return
    for edge in edges[:max_items]:
        src, tgt = label_of(labels, edge.get("source")), label_of(labels, edge.get("target"))
        line = Text.assemble((tgt, "bold"), " reuses ", (src, "bold"),
                             f"  {float(edge.get('share_target') or 0):.0%} of {tgt}, "
                             f"{float(edge.get('share_source') or 0):.0%} of {src}, {edge.get('words', 0)} words")
        if not edge.get("direction"):
            line.append(f"  (direction unknown: {edge.get('direction_reason') or 'no reason given'})", style="yellow")
        console.print(line)
        passages = list(edge.get("passages") or [])
        for p in passages[:3]:
            text = p.get("text") or ""
            target_text = (texts or {}).get(str(edge.get("target")))
            if not text and target_text:
                text = target_text[p["target_start"]:p["target_end"]]
            console.print(Text(f"    „{snippet(text, 110)}“  {p.get('words', 0)} words, "
                               f"similarity {float(p.get('similarity') or 0):.2f}", style="dim"))
        _more(console, min(3, len(passages)), len(passages), "passages")
    _more(console, min(max_items, len(edges)), len(edges), "edges")


def _entities(view: Mapping[str, Any], console: Console, max_items: int) -> None:
    entities = list(view.get("entities") or [])
    _section(console, "Entities", len(entities))
    if not entities:
        console.print(Text("no entities", style="dim"))
        return
    table = Table(show_header=True, header_style="bold", box=None)
    for col in ("name", "type", "mentions", "sources"):
        table.add_column(col, justify="right" if col in ("mentions", "sources") else "left")
    for e in entities[:max_items]:
        table.add_row(str(e.get("name")), str(e.get("type")), str(e.get("mentions", 0)), str(e.get("sources", 0)))
    console.print(table)
    _more(console, min(max_items, len(entities)), len(entities), "entities")


def history_line(event: Mapping[str, Any], labels: Mapping[str, str]) -> str:
    """One history event in words."""
    kind, story = event.get("kind"), event.get("story")
    at = f" ({format_time(event['at'])})" if event.get("at") else ""
    if kind == "opened":
        return f"opened by {label_of(labels, event.get('article_id'))}{at}"
    if kind == "merged":
        return f"story {story} merged in when {label_of(labels, event.get('article_id'))} arrived{at}"
    if kind == "redirected":
        return f"asked for old id {story}: redirected here{at}"
    return f"{kind} {story}{at}"


def _history(view: Mapping[str, Any], console: Console, labels: Mapping[str, str]) -> None:
    events, notes = list(view.get("history") or []), list(view.get("notes") or [])
    _section(console, "History")
    if not events:
        console.print(Text("no history recorded", style="dim"))
    for event in events:
        console.print(f"• {history_line(event, labels)}", highlight=False)
    if notes:
        _section(console, "Notes", len(notes))
        for note in notes:
            console.print(Text(f"! {note}", style="yellow"))


def render_story_terminal(view: Mapping[str, Any], console: Console, *, texts: Mapping[str, str] | None = None,
                          max_items: int = 30) -> None:
    """Print a story view: header, summary, timeline, who said what, sources, reuse, entities, history.

    ``texts`` (member id → text) fills in passage snippets a view carries only as offsets;
    every section shows at most ``max_items`` rows and says how many more there are.

        >>> import io
        >>> from rich.console import Console
        >>> console = Console(width=100, record=True, file=io.StringIO())
        >>> render_story_terminal({"id": "s1", "title": "Gipfel in Hanoi", "size": 1}, console)
        >>> out = console.export_text()
        >>> "Gipfel in Hanoi" in out, "no text reuse between members" in out, "no quotes found" in out
        (True, True, True)
    """
    if max_items < 1:
        raise ValueError(f"max_items must be at least 1, got {max_items}")
    labels = member_labels(view)
    _header(view, console)
    _summary(view, console, labels)
    _timeline(view, console, labels, max_items)
    _quotes(view, console, labels, max_items)
    _sources(view, console, labels, max_items)
    _reuse(view, console, labels, texts, max_items)
    _entities(view, console, max_items)
    _history(view, console, labels)

