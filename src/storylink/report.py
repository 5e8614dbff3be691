"""Terminal views of one analysis: the full report and a one-paragraph summary."""

from __future__ import annotations

from collections import defaultdict

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .document import Analysis, Quote

__all__ = ["render_analysis_terminal", "render_analysis_summary"]


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _entity_groups(analysis: Analysis) -> list[tuple[str, str, int, list[str]]]:
    """(type, key, mentions, distinct surface forms with the base-form name first), most mentioned first."""
    from .story.names import display_name

    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for e in analysis.entities:
        groups[(e.type, e.key)].append(e.text)
    rows = []
    for (t, k), v in groups.items():
        name = display_name(v, t)
        rows.append((t, k, len(v), [name] + [f for f in sorted(set(v), key=v.index) if f != name]))
    return sorted(rows, key=lambda r: (-r[2], r[0], r[1]))


def _table(title: str, columns: tuple[str, ...], rows: list[tuple[str, ...]], console: Console) -> None:
    table = Table(title=title)
    for col in columns:
        table.add_column(col)
    for row in rows:
        table.add_row(*row)
    console.print(table)


def _speaker(q: Quote) -> str:
    who = q.speaker or "?"
    if q.addressee or q.date:
        who += f" → {q.addressee or '?'}" + (f", {q.date}" if q.date else "")
    return who


def render_analysis_summary(analysis: Analysis, console: Console) -> None:
    """A few lines per article: title, language, counts, top entities."""
    title = analysis.title or "(no title)"
    console.print(Text(f"{analysis.article_id}  {_short(title, 70)}", style="bold"))
    top = ", ".join(f"{forms[0]} ({t})" for t, _k, _n, forms in _entity_groups(analysis)[:6])
    console.print(
        f"  {analysis.language}  {len(analysis.sentences)} sentences, {len(analysis.entries)} ticker entries, "
        f"{len(analysis.entities)} entities, {len(analysis.quotes)} quotes, {len(analysis.times)} times",
        highlight=False,
    )
    if top:
        console.print(f"  {top}", highlight=False)


def render_analysis_terminal(analysis: Analysis, text: str, console: Console) -> None:
    """The readable report behind ``storylink analyze``."""
    console.rule(Text(analysis.title or analysis.article_id, style="bold"))
    langs = sorted({s.language for s in analysis.sentences if s.language and s.language != analysis.language})
    console.print(
        f"language {analysis.language} ({analysis.language_score:.2f})"
        + (f", also {', '.join(langs)} in places" if langs else "")
        + f"; {len(analysis.paragraphs)} paragraphs, {len(analysis.sentences)} sentences; "
        f"time anchor {analysis.anchor_date or 'unknown'}"
        + (f" ({analysis.anchor_source})" if analysis.anchor_source else ""),
        highlight=False,
    )

    if analysis.entries:
        _table(f"Live-ticker entries ({len(analysis.entries)})", ("#", "headline", "times"),
               [(str(e.order + 1), _short(e.headline, 80), ", ".join(t.value or t.text for t in e.times))
                for e in analysis.entries], console)
    groups = _entity_groups(analysis)
    if groups:
        _table(f"Entities ({len(groups)} distinct, {len(analysis.entities)} mentions)", ("type", "key", "n", "forms"),
               [(t, k, str(n), _short(" · ".join(forms), 60)) for t, k, n, forms in groups], console)
    if analysis.quotes:
        _table(f"Quotes ({len(analysis.quotes)})", ("speaker", "kind", "quote"),
               [(_speaker(q), q.kind, _short(q.text, 80)) for q in analysis.quotes], console)
    if analysis.times:
        _table(f"Times ({len(analysis.times)})", ("kind", "text", "value"),
               [(t.kind, _short(t.text, 40), (t.value or "–") + (" (local)" if t.local else ""))
                for t in analysis.times], console)

    if analysis.noise:
        console.print(
            "noise marked: " + ", ".join(f"{n.kind} «{_short(n.text, 30)}»" for n in analysis.noise),
            highlight=False,
        )
