"""The story view as one self-contained HTML page: no CDN, no script, no external URL.

Sections, each with an id and a heading: ``summary``, ``timeline`` (an SVG time axis over
the story's own days, one lane per member, marks coloured by kind; background items are
listed apart instead of stretching the axis), ``quotes`` (who said what: per statement a
grid with one column per member carrying it, so the wordings sit side by side), ``sources``,
``reuse`` (an SVG arc diagram: members in publication order, an arrow from the copied
member to the copying one, its width the share of the copying text), ``entities``,
``history`` and ``texts`` (every member text with copied passages and quotes marked).

It reads the view as a dict (``StoryView.to_dict()``) plus the member texts, because the view
carries offsets, not whole texts.
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from typing import Any

from ..views import _marked
from .terminal import format_time, history_line, label_of, member_labels, parse_time, role_text, snippet

__all__ = ["render_story_html"]

KIND_COLOURS = {"publication": "#6a1b9a", "entry": "#1565c0", "statement": "#2e7d32", "event": "#e65100"}
ROLE_COLOURS = {"original": "#263238", "copy": "#e65100", "update": "#00796b", "translation": "#6a1b9a"}
_OTHER = "#757575"


def esc(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _pct(value: Any) -> str:
    return f"{float(value or 0):.0%}"


# ---------------------------------------------------------------- timeline


def _plot_time(value: str | None, zone: timezone | None) -> datetime | None:
    """The time on the page's one clock: aware times converted to ``zone``, naive ones read in it."""
    when = parse_time(value)
    if when is None:
        return None
    if when.tzinfo is not None:
        when = when.astimezone(zone or timezone.utc)
    return when.replace(tzinfo=None)


def _zone(items: list[Mapping[str, Any]]) -> timezone | None:
    # The first zoned time sets the page's clock: a ticker's local times stay local.
    for item in items:
        when = parse_time(item.get("time"))
        if when is not None and when.tzinfo is not None:
            offset = when.utcoffset()
            return timezone(offset) if offset is not None else None
    return None


KIND_ORDER = ("publication", "entry", "statement", "event")


def _svg_timeline(items: list[Mapping[str, Any]], labels: Mapping[str, str], member_order: list[str]) -> str:
    """Lanes per member and kind over the story's own days. A minute-exact item sits at its time
    (a circle); day-only items of one lane and day are spread across that day in story order
    (squares over a faint band), so twenty ticker entries of one day stay apart and hoverable."""
    zone = _zone(items)
    placed = []
    for item in items:
        if item.get("background"):
            continue
        when = _plot_time(item.get("time"), zone)
        if when is not None:
            placed.append((when, item))
    if not placed:
        return ('<svg class="timeline" viewBox="0 0 1000 60" role="img" aria-label="timeline">'
                '<text x="10" y="34" class="note">no dated items on the story’s own days</text></svg>')
    present = {(str(i.get("article_id")), str(i.get("kind"))) for _, i in placed}
    members = [m for m in member_order if any(p[0] == m for p in present)]
    members += sorted({p[0] for p in present} - set(members))
    kinds = [k for k in KIND_ORDER if any(p[1] == k for p in present)]
    kinds += sorted({p[1] for p in present} - set(kinds))
    lanes = [(m, k) for m in members for k in kinds if (m, k) in present]
    start = min(w for w, _ in placed).replace(hour=0, minute=0, second=0, microsecond=0)
    end = max(w for w, _ in placed).replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
    days = max(1, round((end - start) / timedelta(days=1)))
    # Member names (up to 16 characters, bold) and kind labels side by side need ~230 units.
    left, right, top, lane_h = 240, 985, 46, 26
    height = top + lane_h * len(lanes) + 44
    span = (end - start).total_seconds()

    def x(when: datetime) -> float:
        return left + (right - left) * min(1.0, max(0.0, (when - start).total_seconds() / span))

    out = [f'<svg class="timeline" viewBox="0 0 1000 {height}" role="img" '
           f'aria-label="timeline of {len(placed)} dated items over {days} days">']
    for n, (member, kind) in enumerate(lanes):
        y = top + n * lane_h
        shade = members.index(member) % 2
        out.append(f'<rect x="0" y="{y}" width="1000" height="{lane_h}" class="lane{shade}"/>')
        if n == 0 or lanes[n - 1][0] != member:
            out.append(f'<line x1="0" y1="{y}" x2="1000" y2="{y}" class="member"/>'
                       f'<text x="8" y="{y + 17}" class="lanelabel">{esc(snippet(label_of(labels, member), 16))}'
                       f'</text>')
        out.append(f'<text x="{left - 8}" y="{y + 17}" class="lanekind">{esc(kind)}</text>')
    step = max(1, math.ceil(days / 10))
    hours = 6 if days <= 4 else 12 if days <= 8 else 24
    for h in range(0, days * 24 + 1, hours):
        xx = x(start + timedelta(hours=h))
        major = h % 24 == 0
        out.append(f'<line x1="{xx:.1f}" y1="{top - 6}" x2="{xx:.1f}" y2="{height - 38}" '
                   f'class="{"day" if major else "hour"}"/>')
        if major and (h // 24) % step == 0 and h // 24 < days:
            day = start + timedelta(hours=h)
            out.append(f'<text x="{xx + 4:.1f}" y="{top - 16}" class="axis">{day:%a %d %b %Y}</text>')
        elif not major and days <= 4:
            out.append(f'<text x="{xx + 2:.1f}" y="{top - 3}" class="tick">{h % 24:02d}:00</text>')
    # Day-only items: their rank among the lane's items of that day, in story order.
    groups: dict[tuple[int, datetime], list[int]] = {}
    for n, (when, item) in enumerate(placed):
        if (item.get("precision") or "day") == "day":
            lane = lanes.index((str(item.get("article_id")), str(item.get("kind"))))
            groups.setdefault((lane, when.replace(hour=0, minute=0, second=0, microsecond=0)), []).append(n)
    rank = {n: (k, len(ns)) for ns in groups.values() for k, n in enumerate(ns)}
    for (lane, day), _ns in groups.items():
        y0 = top + lane * lane_h
        out.append(f'<rect x="{x(day) + 2:.1f}" y="{y0 + 5}" width="{x(day + timedelta(days=1)) - x(day) - 4:.1f}" '
                   f'height="{lane_h - 10}" rx="4" class="dayband"/>')
    # Day-only marks first, so a minute-exact mark on the same spot is drawn over them.
    drawing = sorted(enumerate(placed), key=lambda p: (p[1][1].get("precision") or "day") == "minute")
    for n, (when, item) in drawing:
        lane = lanes.index((str(item.get("article_id")), str(item.get("kind"))))
        precision = item.get("precision") or "day"
        colour = KIND_COLOURS.get(str(item.get("kind")), _OTHER)
        inferred = bool(item.get("inferred"))
        tip = (f"{format_time(item.get('time'), item.get('precision'))}"
               + (f" (inferred from {item.get('anchor')})" if inferred else "")
               + f" · {item.get('kind')} · {label_of(labels, item.get('article_id'))}\n"
               + (f"{item['headline']}\n" if item.get("headline") else "") + snippet(item.get("text") or "", 200))
        cy = top + lane * lane_h + lane_h / 2
        fill = "#fff" if inferred else colour
        dash = ' stroke-dasharray="2 1.5"' if inferred else ""
        if precision == "minute":
            shape = (f'<circle cx="{x(when):.1f}" cy="{cy}" r="6" fill="{fill}" stroke="{colour}" '
                     f'stroke-width="2"{dash}/>')
        elif precision == "day":
            k, count = rank[n]
            day = when.replace(hour=0, minute=0, second=0, microsecond=0)
            cx = x(day) + (x(day + timedelta(days=1)) - x(day)) * (k + 1) / (count + 1)
            shape = (f'<rect x="{cx - 4.5:.1f}" y="{cy - 4.5}" width="9" height="9" fill="{fill}" stroke="{colour}" '
                     f'stroke-width="1.5"{dash}/>')
        else:
            length = timedelta(days=365) if precision == "year" else timedelta(days=30)
            x0, x1 = x(when), x(when + length)
            shape = (f'<rect x="{x0:.1f}" y="{cy - 4}" width="{max(4.0, x1 - x0):.1f}" height="8" rx="3" '
                     f'fill="{colour}" fill-opacity="0.3" stroke="{colour}"{dash}/>')
        out.append(f'<g class="item" data-kind="{esc(item.get("kind"))}"><title>{esc(tip)}</title>{shape}</g>')
    legend_y = height - 12
    out.append(f'<circle cx="{left}" cy="{legend_y - 4}" r="5" fill="{_OTHER}"/>'
               f'<text x="{left + 9}" y="{legend_y}" class="legend">at its time</text>'
               f'<rect x="{left + 100}" y="{legend_y - 8.5}" width="9" height="9" fill="{_OTHER}"/>'
               f'<text x="{left + 114}" y="{legend_y}" class="legend">day only (spread over the day, in order)</text>'
               f'<circle cx="{left + 370}" cy="{legend_y - 4}" r="5" fill="#fff" stroke="{_OTHER}" stroke-width="2" '
               f'stroke-dasharray="2 1.5"/><text x="{left + 379}" y="{legend_y}" class="legend">hollow: time '
               f'inferred (hover for how)</text>')
    out.append("</svg>")
    return "".join(out)


def _timeline_section(view: Mapping[str, Any], labels: Mapping[str, str], member_order: list[str]) -> str:
    items = list(view.get("timeline") or [])
    if not items:
        return '<section id="timeline"><h2>Timeline</h2><p class="note">No dated items.</p>' + \
               _svg_timeline([], labels, member_order) + "</section>"
    background = [i for i in items if i.get("background")]
    rows = []
    for item in items:
        inferred = bool(item.get("inferred"))
        when = format_time(item.get("time"), item.get("precision"))
        marker = (f'<span class="inferred" title="inferred from {esc(item.get("anchor"))}">≈</span> '
                  if inferred else "")
        head = f'<strong>{esc(item["headline"])}</strong><br>' if item.get("headline") else ""
        cls = ' class="bg"' if item.get("background") else ""
        rows.append(f'<tr{cls}><td class="nowrap">{marker}{esc(when)}</td><td>{esc(item.get("precision") or "—")}'
                    f'</td><td><span class="kind" style="color:{KIND_COLOURS.get(str(item.get("kind")), _OTHER)}">'
                    f'{esc(item.get("kind"))}</span></td><td class="nowrap">'
                    f'<a href="#text-{esc(item.get("article_id"))}">'
                    f'{esc(label_of(labels, item.get("article_id")))}</a></td>'
                    f'<td>{head}{esc(snippet(item.get("text") or "", 240))}</td></tr>')
    bg_note = (f'<p class="note">{len(background)} background item{"s" if len(background) != 1 else ""} '
               f'(far outside the story’s own days) are left off the axis and greyed in the list.</p>'
               if background else "")
    return (f'<section id="timeline"><h2>Timeline <span class="count">{len(items)} items</span></h2>'
            f'{_svg_timeline(items, labels, member_order)}{bg_note}'
            f'<details{" open" if len(items) <= 40 else ""}><summary>All {len(items)} items in order</summary>'
            f'<table class="timeline-list"><thead><tr><th>when</th><th>precision</th><th>kind</th><th>member</th>'
            f'<th>text</th></tr></thead><tbody>{"".join(rows)}</tbody></table></details></section>')


# ---------------------------------------------------------------- reuse graph


def _svg_reuse(view: Mapping[str, Any], labels: Mapping[str, str]) -> str:
    members = list(view.get("sources") or [])
    edges = list(view.get("reuse") or [])
    ids = [str(m["article_id"]) for m in members]
    for e in edges:  # an edge to a member outside this page (paged view) still gets a node
        for end in (str(e.get("source")), str(e.get("target"))):
            if end not in ids:
                ids.append(end)
    n = max(1, len(ids))
    width, base = 1000, 190
    gap = (width - 160) / (n - 1) if n > 1 else 0
    xs = {aid: (80 + i * gap if n > 1 else width / 2) for i, aid in enumerate(ids)}
    height = base + 70
    out = [f'<svg class="reuse" viewBox="0 0 {width} {height}" role="img" '
           f'aria-label="text reuse between {len(ids)} members: {len(edges)} edges">'
           '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" '
           'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#c62828"/></marker></defs>']
    for e in edges:
        src, tgt = str(e.get("source")), str(e.get("target"))
        x0, x1 = xs[src], xs[tgt]
        lift = min(base - 50, 30 + abs(x1 - x0) * 0.22)
        mid = (x0 + x1) / 2
        share = float(e.get("share_target") or 0)
        directed = bool(e.get("direction"))
        tip = (f"{label_of(labels, tgt)} reuses {label_of(labels, src)}: {_pct(share)} of "
               f"{label_of(labels, tgt)}, {_pct(e.get('share_source'))} of {label_of(labels, src)}, "
               f"{e.get('words', 0)} words in {len(e.get('passages') or [])} passages"
               + ("" if directed else f"; direction unknown ({e.get('direction_reason') or 'no reason given'})"))
        # Arcs end a node's radius short of the centre so the arrowhead stays visible.
        sign = 1 if x1 >= x0 else -1
        out.append(f'<g class="edge"><title>{esc(tip)}</title><path d="M{x0 + sign * 16:.1f},{base - 6} '
                   f'Q{mid:.1f},{base - 2 * lift:.1f} {x1 - sign * 16:.1f},{base - 6}" fill="none" stroke="#c62828" '
                   f'stroke-opacity="0.75" stroke-width="{1.5 + 12 * share:.1f}"'
                   + (' marker-end="url(#arrow)"' if directed else ' stroke-dasharray="8 5"') + '/>'
                   f'<text x="{mid:.1f}" y="{base - lift - 6:.1f}" class="edgelabel">{_pct(share)}, '
                   f'{e.get("words", 0)} words</text></g>')
    roles = {str(m["article_id"]): m for m in members}
    for aid in ids:
        m = roles.get(aid, {})
        colour = ROLE_COLOURS.get(str(m.get("role")), _OTHER)
        tip = f"{label_of(labels, aid)} ({aid}): {role_text(m, labels) if m else 'outside this page'}"
        if m.get("published"):
            tip += f", published {format_time(m['published'])}"
        out.append(f'<g class="node"><title>{esc(tip)}</title><circle cx="{xs[aid]:.1f}" cy="{base}" r="14" '
                   f'fill="{colour}"/><text x="{xs[aid]:.1f}" y="{base + 34}" class="nodelabel">'
                   f'{esc(snippet(label_of(labels, aid), 18))}</text><text x="{xs[aid]:.1f}" y="{base + 52}" '
                   f'class="noderole">{esc(m.get("role") or "")}</text></g>')
    if not edges:
        out.append(f'<text x="{width / 2}" y="{base - 80}" class="note" text-anchor="middle">'
                   'no text reuse between these members</text>')
    out.append("</svg>")
    return "".join(out)


def _reuse_section(view: Mapping[str, Any], labels: Mapping[str, str]) -> str:
    edges = list(view.get("reuse") or [])
    rows = []
    for e in edges:
        src, tgt = label_of(labels, e.get("source")), label_of(labels, e.get("target"))
        passages = "".join(f"<li>„{esc(snippet(p.get('text') or '', 220))}“ "
                           f"<span class=\"meta\">{p.get('words', 0)} "
                           f"words, similarity {float(p.get('similarity') or 0):.2f}</span></li>"
                           for p in e.get("passages") or [])
        direction = (esc(e["direction"]) if e.get("direction")
                     else f'<span class="warn">unknown: {esc(e.get("direction_reason") or "no reason given")}</span>')
        rows.append(f"<tr><td><strong>{esc(tgt)}</strong> reuses <strong>{esc(src)}</strong></td>"
                    f"<td>{_pct(e.get('share_target'))} of {esc(tgt)}<br>"
                    f"{_pct(e.get('share_source'))} of {esc(src)}</td>"
                    f"<td>{e.get('words', 0)}</td><td>{direction}</td><td><ol>{passages}</ol></td></tr>")
    table = ("<table><thead><tr><th>edge</th><th>share</th><th>words</th><th>direction</th><th>copied passages</th>"
             f"</tr></thead><tbody>{''.join(rows)}</tbody></table>" if rows
             else '<p class="note">No text reuse between these members: each tells the story in its own words.</p>')
    return (f'<section id="reuse"><h2>Who copied whom <span class="count">{len(edges)} edges</span></h2>'
            f'{_svg_reuse(view, labels)}<p class="legend">Arrow from the copied text to the one that reuses it; '
            f'width: share of the reusing text; dashed: direction unknown.</p>{table}</section>')


# ---------------------------------------------------------------- quotes


def _statement_table(view: Mapping[str, Any], statement: Mapping[str, Any], labels: Mapping[str, str],
                     member_order: list[str]) -> str:
    by_member: dict[str, list[Mapping[str, Any]]] = {}
    for q in statement.get("quotes") or []:
        by_member.setdefault(str(q.get("article_id")), []).append(q)
    cols = [m for m in member_order if m in by_member] + [m for m in by_member if m not in member_order]
    n = int(statement.get("sources") or len(cols))
    first = f", first {esc(format_time(statement['first_date']))}" if statement.get("first_date") else ""
    head = "".join(f'<th><a href="#text-{esc(m)}">{esc(label_of(labels, m))}</a></th>' for m in cols)
    cells = []
    for m in cols:
        # A one-source statement shows no header row: its source goes into each wording's line.
        where = f'<a href="#text-{esc(m)}">{esc(label_of(labels, m))}</a> · ' if len(cols) == 1 else ""
        wordings = "".join(
            f'<blockquote lang="{esc(q.get("language") or view.get("language") or "und")}">{esc(q.get("text"))}'
            f'</blockquote><p class="meta">{where}{esc(q.get("kind"))}'
            + (f" · {esc(format_time(q['date']))}" if q.get("date") else "")
            + (f" · „{esc(q['speaker_text'])}“" if q.get("speaker_text") else "") + "</p>" for q in by_member[m])
        cells.append(f"<td>{wordings}</td>")
    single = " single" if len(cols) == 1 else ""
    return (f'<table class="statement{single}" id="statement-{esc(statement.get("id"))}"><caption>'
            f'{n} source{"s" if n != 1 else ""}{first}</caption><thead><tr>{head}</tr></thead>'
            f'<tbody><tr>{"".join(cells)}</tr></tbody></table>')


def _quotes_section(view: Mapping[str, Any], labels: Mapping[str, str], member_order: list[str]) -> str:
    speakers = list(view.get("quotes") or [])
    if not speakers:
        return '<section id="quotes"><h2>Who said what</h2><p class="note">No quotes found.</p></section>'
    parts = [f'<section id="quotes"><h2>Who said what <span class="count">{len(speakers)} speakers</span></h2>'
             '<p class="legend">Each statement: what one speaker said, with every source’s wording side by side.</p>']
    for s_no, speaker in enumerate(speakers):
        statements = list(speaker.get("statements") or [])
        named = speaker.get("named", True)
        name = esc(speaker.get("name")) if named else f"<em>{esc(speaker.get('name'))}</em> (not named)"
        roles = [r for r in speaker.get("roles") or [] if r != speaker.get("role")]
        role = (f' <span class="role">{esc(speaker["role"])}</span>' if speaker.get("role") else "") + \
               (f' <span class="meta">also: {esc(", ".join(roles))}</span>' if roles else "")
        shared = sum(1 for st in statements if int(st.get("sources") or 0) > 1)
        parts.append(f'<div class="speaker" id="speaker-{s_no}"><h3>{name}{role}</h3><p class="meta">'
                     f'{speaker.get("quotes", 0)} quotes in {len(statements)} statements'
                     + (f", {shared} of them in more than one source" if shared else "") + "</p>")
        # Statements several sources carry come first and stay open; a long tail of one-source
        # statements folds away so the page stays a page.
        ranked = sorted(statements, key=lambda st: -int(st.get("sources") or 0))
        shown = [st for st in ranked if int(st.get("sources") or 0) > 1]
        rest = [st for st in ranked if int(st.get("sources") or 0) <= 1]
        keep = max(0, 3 - len(shown))
        shown, rest = shown + rest[:keep], rest[keep:]
        parts.extend(_statement_table(view, st, labels, member_order) for st in shown)
        if rest:
            parts.append(f'<details><summary>{len(rest)} more statement{"s" if len(rest) != 1 else ""} in one '
                         f'source</summary>{"".join(_statement_table(view, st, labels, member_order) for st in rest)}'
                         "</details>")
        parts.append("</div>")
    parts.append("</section>")
    return "".join(parts)


# ---------------------------------------------------------------- tables, texts


def _sources_section(view: Mapping[str, Any], labels: Mapping[str, str]) -> str:
    members = list(view.get("sources") or [])
    rows = []
    for m in members:
        aid = str(m.get("article_id"))
        url = m.get("url")
        # Links stay text: the page must not send a reader's browser anywhere by itself.
        url_cell = f'<span class="url">{esc(url)}</span>' if url else "—"
        analysis = "" if (m.get("analysis") or "stored") == "stored" else \
            f' <span class="warn">analysis {esc(m.get("analysis"))}</span>'
        colour = ROLE_COLOURS.get(str(m.get("role")), _OTHER)
        rows.append(f'<tr><td><a href="#text-{esc(aid)}"><code>{esc(aid)}</code></a></td>'
                    f'<td>{esc(m.get("source") or "—")}</td>'
                    f'<td>{esc(snippet(m.get("title") or "", 80) or "—")}</td>'
                    f'<td>{esc(m.get("language") or "?")}</td><td class="nowrap">{esc(format_time(m.get("published")))}'
                    f'</td><td class="num">{int(m.get("length") or 0):,}</td>'
                    f'<td><span class="rolechip" style="background:{colour}">{esc(m.get("role"))}</span> '
                    f'{esc(role_text(m, labels).partition(" ")[2])}{analysis}</td><td>{url_cell}</td></tr>')
    body = ("<table><thead><tr><th>id</th><th>outlet</th><th>title</th><th>language</th><th>published</th>"
            f"<th>length</th><th>role</th><th>URL</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
            if rows else '<p class="note">No members.</p>')
    return f'<section id="sources"><h2>Sources <span class="count">{len(members)}</span></h2>{body}</section>'


_ENTITIES_OPEN = 20


def _entities_section(view: Mapping[str, Any], labels: Mapping[str, str]) -> str:
    entities = list(view.get("entities") or [])

    def table(part: list[Mapping[str, Any]]) -> str:
        rows = "".join(
            f'<tr><td>{esc(e.get("name"))}</td><td>{esc(e.get("type"))}</td><td class="num">{e.get("mentions", 0)}'
            f'</td><td class="num">{e.get("sources", 0)}</td><td class="meta">'
            + esc(" · ".join(f"{label_of(labels, k)} {v}" for k, v in (e.get("by_source") or {}).items()))
            + "</td></tr>" for e in part)
        return ('<table class="entities"><thead><tr><th>name</th><th>type</th><th>mentions</th><th>sources</th>'
                f"<th>by source</th></tr></thead><tbody>{rows}</tbody></table>")

    rest = entities[_ENTITIES_OPEN:]
    body = (table(entities[:_ENTITIES_OPEN])
            + (f"<details><summary>{len(rest)} more entities</summary>{table(rest)}</details>" if rest else "")
            if entities else '<p class="note">No entities.</p>')
    return f'<section id="entities"><h2>Entities <span class="count">{len(entities)}</span></h2>{body}</section>'


def _history_section(view: Mapping[str, Any], labels: Mapping[str, str]) -> str:
    events = "".join(f"<li>{esc(history_line(e, labels))}</li>" for e in view.get("history") or [])
    notes = "".join(f"<li>{esc(n)}</li>" for n in view.get("notes") or [])
    return ('<section id="history"><h2>History and notes</h2>'
            + (f"<ul>{events}</ul>" if events else '<p class="note">No history recorded.</p>')
            + (f'<ul class="notes">{notes}</ul>' if notes else "") + "</section>")


def _marks(view: Mapping[str, Any], labels: Mapping[str, str]) -> dict[str, list[tuple[int, int, str, str]]]:
    marks: dict[str, list[tuple[int, int, str, str]]] = {}
    for e in view.get("reuse") or []:
        src, tgt = str(e.get("source")), str(e.get("target"))
        for p in e.get("passages") or []:
            words = f"{p.get('words', 0)} words, similarity {float(p.get('similarity') or 0):.2f}"
            marks.setdefault(src, []).append((int(p["source_start"]), int(p["source_end"]), "copied",
                                              f"copied by {label_of(labels, tgt)} ({words})"))
            marks.setdefault(tgt, []).append((int(p["target_start"]), int(p["target_end"]), "copied",
                                              f"copied from {label_of(labels, src)} ({words})"))
    for speaker in view.get("quotes") or []:
        for statement in speaker.get("statements") or []:
            n = int(statement.get("sources") or 0)
            for q in statement.get("quotes") or []:
                marks.setdefault(str(q.get("article_id")), []).append(
                    (int(q["start"]), int(q["end"]), "quote",
                     f"{speaker.get('name')}: {q.get('kind')} quote, statement in {n} source{'s' if n != 1 else ''}"))
    return marks


def _texts_section(view: Mapping[str, Any], texts: Mapping[str, str], labels: Mapping[str, str]) -> str:
    marks = _marks(view, labels)
    parts = ['<section id="texts"><h2>Texts</h2><p class="legend"><mark class="copied">copied passage</mark> '
             '<mark class="quote">quote</mark> (hover a mark for who copied or said it)</p>']
    for m in view.get("sources") or []:
        aid = str(m.get("article_id"))
        text = texts.get(aid)
        head = (f'<h3>{esc(label_of(labels, aid))} <span class="meta">{esc(role_text(m, labels))} · '
                f'{esc(format_time(m.get("published")))} · <code>{esc(aid)}</code></span></h3>')
        if text is None:
            parts.append(f'<article class="member" id="text-{esc(aid)}">{head}'
                         '<p class="note">Text not available for this member.</p></article>')
            continue
        # Offsets outside the text (a stale view over a changed text) are dropped, not drawn wrong.
        own = [mk for mk in marks.get(aid, []) if 0 <= mk[0] < mk[1] <= len(text)]
        parts.append(f'<article class="member" id="text-{esc(aid)}" lang="{esc(m.get("language") or "und")}">{head}'
                     f'<div class="text">{_marked(text, own)}</div></article>')
    parts.append("</section>")
    return "".join(parts)


_CSS = """
:root{--ink:#1f2328;--muted:#59636e;--rule:#d8dee4;--paper:#fff;--tint:#f6f8fa}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);
 background:var(--paper);margin:0}
main{max-width:1180px;margin:0 auto;padding:1.2rem 1.6rem 3rem}
header.story{border-bottom:3px solid var(--ink);padding-bottom:.6rem;margin-bottom:.4rem}
header.story h1{font:700 1.9rem/1.2 Georgia,"Noto Serif","DejaVu Serif",serif;margin:.2rem 0 .4rem}
.kicker{text-transform:uppercase;letter-spacing:.08em;font-size:.75rem;color:var(--muted);margin:0}
.facts{display:flex;flex-wrap:wrap;gap:.3rem 1.4rem;margin:.3rem 0 0;padding:0;list-style:none;font-size:.9rem}
.facts b{font-weight:600}
nav{position:sticky;top:0;background:var(--paper);border-bottom:1px solid var(--rule);padding:.4rem 0;z-index:2;
 font-size:.88rem}
nav a{margin-right:1rem;color:var(--ink);text-decoration:none;border-bottom:2px solid transparent}
nav a:hover{border-bottom-color:#c62828}
section{margin-top:1.8rem}
h2{font:700 1.3rem/1.3 Georgia,"Noto Serif","DejaVu Serif",serif;border-bottom:1px solid var(--rule);
 padding-bottom:.2rem;margin:0 0 .7rem}
h3{font-size:1.05rem;margin:1.1rem 0 .3rem}
.count{font:400 .85rem system-ui,sans-serif;color:var(--muted);margin-left:.4rem}
.meta,.note,.legend{color:var(--muted);font-size:.85rem}
.note{font-style:italic}
.warn{color:#b45309}
#summary ol{font:1.05rem/1.6 Georgia,"Noto Serif","DejaVu Serif",serif;padding-left:1.4rem;margin:0}
#summary li{margin-bottom:.4rem}
#summary li a{font:.78rem system-ui,sans-serif;color:var(--muted);margin-left:.3rem}
svg{width:100%;height:auto;display:block;font-family:system-ui,sans-serif}
svg .axis{font-size:13px;font-weight:600;fill:var(--ink)}
svg .tick{font-size:10px;fill:var(--muted)}
svg .lanelabel{font-size:13px;font-weight:600;fill:var(--ink)}
svg .lanekind{font-size:12px;fill:var(--muted);text-anchor:end}
svg line.member{stroke:#8c959f;stroke-width:1}
svg .dayband{fill:#8c959f;fill-opacity:.08}
svg .legend{font-size:12px;fill:var(--muted)}
svg .note{font-size:15px;fill:var(--muted);font-style:italic}
svg .lane0{fill:#f6f8fa}svg .lane1{fill:#fff}
svg line.day{stroke:#8c959f;stroke-width:1}svg line.hour{stroke:#d8dee4;stroke-width:1;stroke-dasharray:2 3}
svg .edgelabel{font-size:12px;fill:#c62828;text-anchor:middle}
svg .nodelabel{font-size:13px;font-weight:600;text-anchor:middle;fill:var(--ink)}
svg .noderole{font-size:11px;text-anchor:middle;fill:var(--muted)}
svg g.item:hover circle,svg g.item:hover rect{stroke-width:3;cursor:help}
table{border-collapse:collapse;width:100%;font-size:.88rem;margin:.4rem 0 1rem}
th,td{border-bottom:1px solid var(--rule);padding:.35rem .5rem;vertical-align:top;text-align:left}
thead th{background:var(--tint);font-weight:600}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.nowrap{white-space:nowrap}
tr.bg td{color:#8c959f}
table.entities td:first-child{width:30%}
table.entities td:nth-child(2){width:8%}
.inferred{color:#b45309;font-weight:700;cursor:help}
.kind{font-weight:600}
details summary{cursor:pointer;color:var(--muted);font-size:.88rem;margin:.4rem 0}
.speaker{border-left:3px solid var(--rule);padding-left:.9rem;margin:1rem 0}
.speaker h3{margin-top:0}
.role{font-weight:400;color:var(--muted)}
table.statement{table-layout:fixed;margin:.2rem 0 .7rem}
table.statement.single thead{display:none}
table.statement.single caption{display:none}
table.statement.single td{border-bottom:1px dotted var(--rule);padding:.2rem .5rem}
table.statement td p.meta{margin:.1rem 0 .3rem}
table.statement caption{text-align:left;font-size:.8rem;color:var(--muted);padding-bottom:.2rem}
table.statement th{font-size:.8rem}
blockquote{margin:0;font:1rem/1.5 Georgia,"Noto Serif","DejaVu Serif",serif;quotes:"„" "“"}
blockquote::before{content:open-quote}blockquote::after{content:close-quote}
.rolechip{color:#fff;border-radius:3px;padding:0 .35rem;font-size:.78rem}
.url{word-break:break-all;color:var(--muted)}
code{font-size:.82rem}
.member{margin-bottom:1.6rem}
.text{white-space:pre-wrap;font:1rem/1.65 Georgia,"Noto Serif","DejaVu Serif",serif;border:1px solid var(--rule);
 border-radius:6px;padding:1rem 1.2rem;max-width:52rem;background:#fffdf8}
mark{border-radius:2px;padding:0 1px;color:inherit}
mark.copied{background:#ffe08a}
mark.quote{background:#cfe8ff;box-shadow:inset 0 -2px 0 #1f6feb}
mark mark.quote{background:#a8d5ff}
ul.notes li{color:#b45309}
@media print{nav{display:none}details{display:block}}
"""


def render_story_html(view: Mapping[str, Any], texts: Mapping[str, str]) -> str:
    """One self-contained page for a story view (``StoryView.to_dict()``); ``texts`` maps member ids
    to their texts, which the view's offsets point into.

        >>> page = render_story_html({"id": "s1", "title": "Gipfel <Hanoi>", "language": "de"}, {})
        >>> page.startswith("<!DOCTYPE html>") and '<html lang="de">' in page and "Gipfel &lt;Hanoi&gt;" in page
        True
    """
    labels = member_labels(view)
    member_order = [str(m.get("article_id")) for m in view.get("sources") or []]
    size, dups = int(view.get("size") or 0), int(view.get("duplicates") or 0)
    title = view.get("title") or "(untitled story)"
    first, last = view.get("first_seen"), view.get("last_seen")
    facts = [f"<li><b>{size}</b> article{'s' if size != 1 else ''}</li>"]
    if dups:
        facts.append(f"<li><b>{dups}</b> duplicate{'s' if dups != 1 else ''}</li>")
    facts.append(f"<li>languages <b>{esc(', '.join(view.get('languages') or []) or '?')}</b></li>")
    facts.append(f"<li>first seen <b>{esc(format_time(first))}</b></li>"
                 f"<li>last seen <b>{esc(format_time(last))}</b></li>"
                 if first or last else "<li>undated</li>")
    facts.append(f'<li class="meta">story <code>{esc(view.get("id"))}</code></li>')
    requested = view.get("requested")
    extra = ""
    if requested and requested != view.get("id"):
        extra += f'<p class="meta">Asked for <code>{esc(requested)}</code>, shown as its story.</p>'
    shown = len(member_order)
    if shown < size:
        offset = int(view.get("offset") or 0)
        extra += (f'<p class="warn">Members {offset + 1}–{offset + shown} of {size}: every section covers these '
                  f"members only.</p>")
    summary = "".join(
        f'<li>{esc(" ".join(str(s.get("text") or "").split()))}<a href="#text-{esc(s.get("article_id"))}">'
        f'{esc(label_of(labels, s.get("article_id")))}'
        + (f", also in {len(s['also_in'])}" if s.get("also_in") else "") + "</a></li>"
        for s in view.get("summary") or [])
    summary_html = f"<ol>{summary}</ol>" if summary else '<p class="note">No summary.</p>'
    nav = "".join(f'<a href="#{sid}">{name}</a>' for sid, name in (
        ("summary", "Summary"), ("timeline", "Timeline"), ("quotes", "Who said what"), ("sources", "Sources"),
        ("reuse", "Who copied whom"), ("entities", "Entities"), ("history", "History"), ("texts", "Texts")))
    lang = esc(view.get("language") or "und")
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)} · storylink</title><link rel="icon" href="data:,"><style>{_CSS}</style></head>
<body><main>
<header class="story"><p class="kicker">storylink · story</p><h1>{esc(title)}</h1>
<ul class="facts">{"".join(facts)}</ul>
{extra}</header>
<nav>{nav}</nav>
<section id="summary"><h2>Summary</h2>{summary_html}</section>
{_timeline_section(view, labels, member_order)}
{_quotes_section(view, labels, member_order)}
{_sources_section(view, labels)}
{_reuse_section(view, labels)}
{_entities_section(view, labels)}
{_history_section(view, labels)}
{_texts_section(view, texts, labels)}
</main></body></html>
"""
