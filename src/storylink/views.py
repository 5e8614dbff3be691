"""Views of a comparison: a terminal report and one self-contained HTML page.

Both read the comparison as a dict (``Comparison.to_dict()``, the same document
``storylink compare --json`` prints), so a stored or remote result renders the
same way as a fresh one.
"""

from __future__ import annotations

import html
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

__all__ = ["render_comparison_terminal", "render_comparison_html", "marked_html", "FACET_ORDER"]

FACET_ORDER = ("overall", "geography", "entities", "time", "narrative", "style", "tone")
_BAR = 24


def _snippet(text: str, start: int, end: int, width: int = 70) -> str:
    s = " ".join(text[start:end].split())
    return s if len(s) <= width else s[: width // 2 - 1] + " … " + s[-(width // 2 - 2):]


def _similarity_label(score: float) -> str:
    return ("very similar", "somewhat similar", "somewhat dissimilar", "very dissimilar")[
        min(3, max(0, int(round(score)) - 1))]


def render_comparison_terminal(comparison: dict[str, Any], a_text: str, b_text: str, console: Console) -> None:
    """Facet scores as bars (1 = very similar … 4 = very dissimilar), same-story probability, evidence."""
    scores = comparison.get("scores") or {}
    console.rule(Text("storylink compare", style="bold"))
    langs = comparison.get("languages") or [None, None]
    console.print(f"A {comparison.get('a')} ({langs[0] or '?'})   B {comparison.get('b')} ({langs[1] or '?'})",
                  highlight=False)
    same = comparison.get("same_story")
    if same is not None:
        style = "green" if same >= 0.5 else "red"
        console.print(Text.assemble("same story: ", (f"{same:.0%}", f"bold {style}")))
    for facet in FACET_ORDER:
        if facet not in scores:
            continue
        score = float(scores[facet])
        filled = int(round((4.0 - score) / 3.0 * _BAR))
        bar = Text("█" * filled, style="green" if score <= 2 else "yellow" if score <= 3 else "red")
        bar.append("░" * (_BAR - filled), style="dim")
        console.print(Text.assemble(f"{facet:<10} ", bar, f" {score:.2f}  {_similarity_label(score)}"))

    ev = comparison.get("evidence") or {}
    passages = ev.get("copied_passages") or []
    if passages:
        table = Table(title=f"Copied passages ({len(passages)}; {ev.get('copied_share_a', 0):.0%} of A, "
                            f"{ev.get('copied_share_b', 0):.0%} of B" + (f", {ev['direction']}" if ev.get("direction")
                                                                         else "") + ")")
        table.add_column("words", justify="right")
        table.add_column("sim", justify="right")
        table.add_column("A")
        table.add_column("B")
        for p in passages[:10]:
            table.add_row(str(p["words"]), f"{p['similarity']:.2f}", _snippet(a_text, p["a_start"], p["a_end"], 50),
                          _snippet(b_text, p["b_start"], p["b_end"], 50))
        console.print(table)
    quotes = ev.get("quotes") or []
    if quotes:
        table = Table(title=f"Matched quotes ({len(quotes)})")
        for col in ("speaker", "kind", "sim", "A", "B"):
            table.add_column(col)
        for q in quotes[:10]:
            table.add_row(q["speaker"], q["kind"], f"{q['similarity']:.2f}",
                          _snippet(a_text, q["a_start"], q["a_end"], 45), _snippet(b_text, q["b_start"], q["b_end"], 45))
        console.print(table)
    entities = ev.get("entities") or []
    if entities:
        console.print("shared entities: " + ", ".join(
            f"{e['key']} ({e['type']}, {e['a_count']}/{e['b_count']})" for e in entities[:15]), highlight=False)
    times = ev.get("times")
    if times:
        console.print(f"event days: A {times.get('a_event') or '?'}, B {times.get('b_event') or '?'}"
                      + (f", {times['distance_days']} days apart" if times.get("distance_days") is not None else ""),
                      highlight=False)
    aligned = ev.get("aligned_sentences") or []
    if aligned:
        console.print(f"aligned sentences: {len(aligned)} pairs, best:", highlight=False)
        for s in sorted(aligned, key=lambda s: -s["similarity"])[:5]:
            console.print(f"  {s['similarity']:.2f}  {_snippet(a_text, s['a_start'], s['a_end'], 50)}  ⇄  "
                          f"{_snippet(b_text, s['b_start'], s['b_end'], 50)}", highlight=False)


def _marked(text: str, marks: list[tuple[int, int, str, str]]) -> str:
    """``text`` escaped, with ``<mark>`` around each (start, end, css class, title).

    A mark inside another nests (a quote inside a copied passage); one that
    crosses the end of an open mark is cut there, so the HTML stays well formed.
    """
    out: list[str] = []
    pos = 0
    open_ends: list[int] = []

    def close() -> None:
        nonlocal pos
        end = open_ends.pop()
        out.append(html.escape(text[pos:end]) + "</mark>")
        pos = end

    for start, end, css, title in sorted(marks, key=lambda m: (m[0], -m[1])):
        while open_ends and open_ends[-1] <= start:
            close()
        if open_ends:
            end = min(end, open_ends[-1])
        if end <= start:
            continue
        out.append(html.escape(text[pos:start]) + f'<mark class="{css}" title="{html.escape(title)}">')
        pos = start
        open_ends.append(end)
    while open_ends:
        close()
    out.append(html.escape(text[pos:]))
    return "".join(out)


#: Public name of ``_marked`` (the service's article page marks annotations with it).
marked_html = _marked


def _svg_scores(scores: dict[str, float], same: float | None) -> str:
    rows = [f for f in FACET_ORDER if f in scores]
    height = 28 * len(rows) + 48
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="520" height="{height}" role="img" '
             f'aria-label="facet scores">']
    for n, facet in enumerate(rows):
        y = 10 + n * 28
        score = float(scores[facet])
        width = (4.0 - score) / 3.0 * 300
        colour = "#2e7d32" if score <= 2 else "#f9a825" if score <= 3 else "#c62828"
        parts.append(f'<text x="0" y="{y + 15}" font-size="13">{facet}</text>'
                     f'<rect x="90" y="{y}" width="300" height="18" fill="#eee"/>'
                     f'<rect class="bar" data-facet="{facet}" x="90" y="{y}" width="{width:.1f}" height="18" '
                     f'fill="{colour}"/><text x="398" y="{y + 14}" font-size="12">{score:.2f}</text>')
    if same is not None:
        parts.append(f'<text x="0" y="{height - 26}" font-size="13" font-weight="bold">same story: {same:.0%}</text>')
    parts.append(f'<text x="0" y="{height - 8}" font-size="12" fill="#555">'
                 f'longer bar = more similar; 1 = very similar … 4 = very dissimilar</text>')
    parts.append("</svg>")
    return "".join(parts)


_CSS = """
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222}
h1{font-size:1.3rem}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:1.5rem}
.text{white-space:pre-wrap;line-height:1.45;font-size:.92rem;border:1px solid #ddd;padding:1rem;border-radius:6px}
mark.copied{background:#ffe08a}
mark.quote{background:#b6e3ff;outline:1px solid #5aa9d6}
table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0 1rem}
td,th{border:1px solid #ddd;padding:.25rem .5rem;vertical-align:top;text-align:left}
.legend span{padding:0 .4rem;margin-right:.6rem}
mark mark.quote{outline:2px solid #1565c0}
"""


def render_comparison_html(comparison: dict[str, Any], a_text: str, b_text: str, *,
                           a_title: str | None = None, b_title: str | None = None) -> str:
    """One self-contained page: both texts side by side, copied passages and matched quotes
    highlighted in both, facet scores drawn as SVG, evidence tables."""
    ev = comparison.get("evidence") or {}
    marks_a: list[tuple[int, int, str, str]] = []
    marks_b: list[tuple[int, int, str, str]] = []
    for n, p in enumerate(ev.get("copied_passages") or [], start=1):
        title = f"copied passage {n}: {p['words']} words, similarity {p['similarity']:.2f}"
        marks_a.append((p["a_start"], p["a_end"], "copied", title))
        marks_b.append((p["b_start"], p["b_end"], "copied", title))
    for n, q in enumerate(ev.get("quotes") or [], start=1):
        title = f"quote {n} by {q['speaker']}: {q['kind']}, similarity {q['similarity']:.2f}"
        marks_a.append((q["a_start"], q["a_end"], "quote", title))
        marks_b.append((q["b_start"], q["b_end"], "quote", title))
    esc = html.escape
    rows_entities = "".join(f"<tr><td>{esc(e['key'])}</td><td>{esc(e['type'])}</td><td>{e['a_count']}</td>"
                            f"<td>{e['b_count']}</td></tr>" for e in (ev.get("entities") or [])[:30])
    rows_quotes = "".join(f"<tr><td>{esc(q['speaker'])}</td><td>{esc(q['kind'])}</td><td>{q['similarity']:.2f}</td>"
                          f"<td>{esc(a_text[q['a_start']:q['a_end']])}</td><td>{esc(b_text[q['b_start']:q['b_end']])}"
                          f"</td></tr>" for q in ev.get("quotes") or [])
    times = ev.get("times") or {}
    time_line = (f"<p>Event day: A {esc(str(times.get('a_event') or '?'))}, B {esc(str(times.get('b_event') or '?'))}"
                 + (f" ({times['distance_days']} days apart)" if times.get("distance_days") is not None else "")
                 + "</p>") if times else ""
    rows_passages = "".join(
        f"<tr><td>{p['words']}</td><td>{p['similarity']:.2f}</td><td>{esc(_snippet(a_text, p['a_start'], p['a_end'], 160))}"
        f"</td><td>{esc(_snippet(b_text, p['b_start'], p['b_end'], 160))}</td></tr>"
        for p in ev.get("copied_passages") or [])
    aligned = sorted(ev.get("aligned_sentences") or [], key=lambda x: -x["similarity"])
    rows_aligned = "".join(
        f"<tr><td>{x['similarity']:.2f}</td><td>{esc(a_text[x['a_start']:x['a_end']])}</td>"
        f"<td>{esc(b_text[x['b_start']:x['b_end']])}</td></tr>" for x in aligned[:40])
    rows_dates = "".join(
        f"<tr><td>{side}</td><td>{esc(d['date'])}</td><td>{esc(d['text'])}</td></tr>"
        for side in ("A", "B") for d in times.get(f"{side.lower()}_dates") or [])
    share = (f"<p>Copied: {ev.get('copied_share_a', 0):.0%} of A, {ev.get('copied_share_b', 0):.0%} of B"
             + (f"; direction {esc(ev['direction'])}" if ev.get("direction") else "") + "</p>")
    return f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>storylink compare</title><style>{_CSS}</style></head>
<body>
<h1>storylink compare</h1>
{_svg_scores(comparison.get("scores") or {}, comparison.get("same_story"))}
{share}{time_line}
<p class="legend"><span style="background:#ffe08a">copied passage</span><span style="background:#b6e3ff">matched quote</span></p>
<div class="cols">
<section><h2>A: {esc(a_title or str(comparison.get("a", "")))}</h2><div class="text" id="text-a">{_marked(a_text, marks_a)}</div></section>
<section><h2>B: {esc(b_title or str(comparison.get("b", "")))}</h2><div class="text" id="text-b">{_marked(b_text, marks_b)}</div></section>
</div>
<h2>Matched quotes</h2><table><tr><th>speaker</th><th>kind</th><th>sim</th><th>A</th><th>B</th></tr>{rows_quotes}</table>
<h2>Copied passages</h2><table><tr><th>words</th><th>sim</th><th>A</th><th>B</th></tr>{rows_passages}</table>
<h2>Shared entities</h2><table><tr><th>key</th><th>type</th><th>A</th><th>B</th></tr>{rows_entities}</table>
<h2>Dates</h2><table><tr><th>article</th><th>day</th><th>as written</th></tr>{rows_dates}</table>
<h2>Aligned sentences ({len(aligned)}, best first)</h2><table><tr><th>sim</th><th>A</th><th>B</th></tr>{rows_aligned}</table>
</body></html>
"""
