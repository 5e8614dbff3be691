"""The story view's renderers: the terminal view (rich) and the self-contained HTML page.

The views are built by hand from the two seeds (the agency report and the live ticker of the
Hanoi summit) through the ``StoryView`` records, with every offset found in the seed texts, so
a renderer that draws a mark at the wrong place, drops a section or leaks unescaped text fails.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

import pytest
from rich.console import Console

from storylink.document import article_id
from storylink.story.html import render_story_html
from storylink.story.model import (
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
from storylink.story.terminal import render_story_terminal

SECTIONS = ("summary", "timeline", "quotes", "sources", "reuse", "entities", "history", "texts")

# Times of the ticker's 24 entries (newest first, as the ticker prints them): (time, precision,
# anchor, inferred). Entries without a time of their own sit on their neighbours' day.
TICKER_TIMES = [
    ("2019-02-28T13:25:00+07:00", "minute", "text", False),
    ("2019-02-28", "day", "neighbours", True),
    ("2019-02-28", "day", "text", False),
    ("2019-02-28", "day", "text", False),
    ("2019-02-27T20:47:00+07:00", "minute", "text", False),
    *[("2019-02-27", "day", "neighbours", True)] * 7,
    ("2019-02-27", "day", None, False),
    ("2019-02-27T18:30:00+07:00", "minute", "text", False),
    ("2019-02-26", "day", None, False),
    *[("2019-02-26", "day", "neighbours", True)] * 8,
    ("2019-02-26", "day", "text", False),
]


def span(text: str, part: str, start: int = 0) -> tuple[int, int]:
    """Offsets of ``part`` in ``text`` (the test fails loudly when a seed changes)."""
    at = text.find(part, start)
    assert at >= 0, f"{part!r} not in the seed"
    return at, at + len(part)


def _quote(aid: str, text: str, part: str, kind: str, speaker: str, date: str | None = None) -> StatementQuote:
    start, end = span(text, part)
    s0, s1 = span(text, speaker)
    return StatementQuote(aid, start, end, part, kind, date=date, speaker_text=speaker, speaker_start=s0,
                          speaker_end=s1, language="de")


def seed_view(agency: str, ticker: str, *, empty: bool = False) -> tuple[dict[str, Any], dict[str, str]]:
    """The seeds' story view, by hand: 2 members, 31 timeline items (24 ticker entries, 4 background
    quotes), 4 speakers (one unnamed), one reuse edge carrying the traffic-chaos paragraph.
    ``empty`` drops the reuse edges, quotes, timeline, summary and entities."""
    a, t = article_id(agency), article_id(ticker)
    texts = {a: agency, t: ticker}
    members = (
        Member(t, None, None, None, "de", None, len(ticker), "original"),
        Member(a, None, None, None, "de", None, len(agency), "original"),
    )
    timeline: list[TimelineItem] = []
    heads = list(re.finditer(r"^\+\+\+ (.+?) \++[ \t]*$", ticker, re.M))
    assert len(heads) == 24
    for n, (m, (time, precision, anchor, inferred)) in enumerate(zip(heads, TICKER_TIMES)):
        end = heads[n + 1].start() if n + 1 < len(heads) else len(ticker)
        body = ticker[m.start():end].rstrip()
        timeline.append(TimelineItem("entry", time, precision, anchor, inferred, t, m.start(),
                                     m.start() + len(body), body, headline=m.group(1), order=n))
    tweet = "Just arrived in Vietnam. Thank you to all of the people for the great reception in Hanoi. " \
            "Tremendous crowds, and so much love!"
    timeline.append(TimelineItem("statement", "2019-02-26", "day", None, False, t, *span(ticker, tweet), tweet))
    for part, day in (("Ich werde den geisteskranken, dementen US-Greis gewiss und auf jeden Fall mit Feuer "
                       "bändigen.", "2017-09-22"),
                      ("Viele Leute in der Welt werden dies für eine Art Fantasie halten, aus einem "
                       "Science-Fiction-Film.", "2018-06-12"),
                      ("Wir haben uns verliebt.", "2018-09-29"),
                      ("Würde jemand aus seinem verarmten und ausgehungerten Regime ihn bitte darüber informieren",
                       "2018-01-02")):
        timeline.append(TimelineItem("statement", day, "day", None, False, t, *span(ticker, part), part,
                                     background=True))
    meeting = "Trump und Kim hatten sich am Mittwoch zu einem kurzen Vieraugengespräch und einem gemeinsamen " \
              "Abendessen getroffen."
    timeline.append(TimelineItem("event", "2019-02-27", "day", "text", False, a, *span(agency, meeting), meeting))
    first = agency[: agency.index(".") + 1]
    timeline.append(TimelineItem("publication", "2019-02-28", "day", "text", True, a, 0, len(first), first))
    timeline.sort(key=lambda i: (i.time or "")[:10] + ("" if i.order is None else f"{99 - i.order:02d}"))

    speed_a = _quote(a, agency, "Geschwindigkeit ist für mich nicht so wichtig.", "direct", "Trump")
    speed_t = _quote(t, ticker, "Ich bin in keiner Eile. Geschwindigkeit ist nicht wichtig für mich. Für mich ist "
                     "wichtig, dass wir das richtige Abkommen kriegen.", "direct", "Trump")
    office_a = _quote(a, agency, "Kim würde die Eröffnung eines US-Verbindungsbüros in Nordkorea begrüßen",
                      "indirect", "meinte er")
    office_t = _quote(t, ticker, "Kim Jong Un würde nach eigenen Worten die Eröffnung eines US-Verbindungsbüros "
                      "in seinem Land begrüßen", "indirect", "Kim Jong Un")
    see_a = _quote(a, agency, "Wir werden sehen, wohin das alles führt.", "direct", "Trump")
    see_t = _quote(t, ticker, "Wir werden sehen, was passiert.", "direct", "Trump")
    arrived = _quote(t, ticker, tweet, "direct", "Donald J. Trump", date="2019-02-26")
    sanders = _quote(t, ticker, "die Pressekonferenz Trumps zum Abschluss des Gipfels werde um zwei Stunden auf "
                     "14.00 Uhr (Ortszeit/8.00 Uhr MEZ) vorgezogen", "indirect", "Sie")
    official = _quote(t, ticker, "der Billigflieger VietJet kaufe 100 Boeing 737 Max sowie 215 Triebwerke des "
                      "Joint Ventures CFM, an dem der US-Konzern General Electrics beteiligt ist", "indirect",
                      "Ein hochrangiger US-Regierungsmitarbeiter")
    speakers = (
        Speaker("donald trump", "Donald Trump", True, "US-Präsident", ("US-Präsident",), 5, (
            Statement("s1", (speed_a, speed_t), 2),
            Statement("s2", (see_a, see_t), 2),
            Statement("s3", (arrived,), 1, first_date="2019-02-26"),
        )),
        Speaker("kim jong un", "Kim Jong Un", True, "Machthaber", ("Machthaber", "Diktator"), 2, (
            Statement("s4", (office_a, office_t), 2),)),
        Speaker("sarah sanders", "Sarah Sanders", True, "Sprecherin des Weißen Hauses",
                ("Sprecherin des Weißen Hauses",), 1, (Statement("s5", (sanders,), 1),)),
        Speaker(None, "Ein hochrangiger US-Regierungsmitarbeiter", False, None, (), 1,
                (Statement("s6", (official,), 1),)),
    )
    copied = ('Der Verkehr in Vietnams Hauptstadt lag am Donnerstagvormittag weitgehend lahm. Rund um das Hotel '
              '"Metropole" in der Innenstadt, dem Schauplatz des Treffens, ging wegen der strengen '
              "Sicherheitsvorkehrungen überhaupt nichts mehr. Viele Vietnamesen kamen Stunden zu spät zur Arbeit.")
    (s0, s1), (t0, t1) = span(agency, copied), span(ticker, copied)
    words = len(copied.split())
    reuse = (ReuseEdge(a, t, None, "neither member has a publication time", round((s1 - s0) / len(agency), 3),
                       round((t1 - t0) / len(ticker), 3), words,
                       (ReusePassage(s0, s1, t0, t1, words, 1.0, copied),)),)
    entities = tuple(
        StoryEntity(key, kind, name, agency.count(form) + ticker.count(form), 2,
                    {t: ticker.count(form), a: agency.count(form)})
        for key, kind, name, form in (("donald trump", "PER", "Donald Trump", "Trump"),
                                      ("kim jong un", "PER", "Kim Jong Un", "Kim"),
                                      ("hanoi", "LOC", "Hanoi", "Hanoi"),
                                      ("north korea", "LOC", "Nordkorea", "Nordkorea"),
                                      ("vietnam", "LOC", "Vietnam", "Vietnam")))
    summary = tuple(
        SummarySentence(aid, *span(text, part), part, "de", score, also_in=also)
        for aid, text, part, score, also in (
            (a, agency, agency[: agency.index(".") + 1], 0.91, ()),
            (t, ticker, "Das geplante gemeinsame Arbeitsessen fand nicht statt.", 0.84, ()),
            (a, agency, copied.split(". ")[0] + ".", 0.77, (t,)),
        ))
    view = StoryView(
        id=t, requested=a, title="Trump und Kim setzen Gipfeltreffen in Hanoi fort", title_article=a,
        language="de", languages=("de",), size=2, duplicates=0, first_seen="2019-02-26", last_seen="2019-02-28",
        offset=0, limit=100,
        summary=() if empty else summary, timeline=() if empty else tuple(timeline),
        quotes=() if empty else speakers, sources=members, reuse=() if empty else reuse,
        entities=() if empty else entities,
        history=(HistoryEvent("opened", t, t), HistoryEvent("redirected", a, a)),
        notes=("both members are undated: placed by the dates their texts name",),
    )
    return view.to_dict(), texts


@pytest.fixture(scope="module")
def seeds(seed_agency_text, seed_ticker_text):
    return seed_view(seed_agency_text, seed_ticker_text)


@pytest.fixture(scope="module")
def empty_seeds(seed_agency_text, seed_ticker_text):
    return seed_view(seed_agency_text, seed_ticker_text, empty=True)


class Page(HTMLParser):
    """What a reader of the page sees: section ids and headings, member texts and their marks
    (nested marks included), SVG items and their tooltips, statement grids."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.ids: dict[str, str] = {}
        self.headings: dict[str, str] = {}
        self.lang: str | None = None
        self.texts: dict[str, str] = {}
        self.marks: dict[str, list[tuple[str, str, str]]] = {}
        self.open_marks: list[list[str]] = []
        self.svg: dict[str, list[str]] = {}
        self.tips: dict[str, list[str]] = {}
        self.edges: list[dict[str, str | None]] = []
        self.statements: dict[str, list[list[str]]] = {}
        self.title = ""

    def _where(self, key: str) -> str | None:
        for tag, attrs in reversed(self.stack):
            if key == "section" and tag == "section":
                return attrs.get("id")
            if key == "member" and tag == "article":
                return (attrs.get("id") or "").removeprefix("text-")
            if key == "statement" and tag == "table" and "statement" in (attrs.get("class") or ""):
                return attrs.get("id")
        return None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if a.get("id"):
            self.ids[a["id"]] = tag
        void = tag in ("meta", "link", "br", "circle", "rect", "line", "path", "img", "input")
        if not void:
            self.stack.append((tag, a))
        section = self._where("section")
        if tag in ("circle", "rect", "path", "line", "text", "g") and section:
            self.svg.setdefault(section, []).append(tag + ("." + a["class"] if a.get("class") else ""))
        if tag == "path" and section == "reuse":
            self.edges.append(a)
        if tag == "mark" and self._where("member"):
            self.open_marks.append([a.get("class") or "", a.get("title") or "", ""])
        statement = self._where("statement")
        if statement and tag == "td":
            self.statements.setdefault(statement, []).append([])
        if statement and tag == "th":
            self.statements.setdefault(statement + ":head", []).append([])

    def handle_endtag(self, tag):
        if tag == "mark" and self._where("member"):
            css, title, text = self.open_marks.pop()
            self.marks.setdefault(self._where("member") or "", []).append((css, title, text))
        if tag not in (t for t, _ in self.stack):  # a void or self-closed element: nothing open to close
            return
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break

    def handle_data(self, data):
        tags = [t for t, _ in self.stack]
        section = self._where("section")
        if tags and tags[-1] == "h2" and section:
            self.headings[section] = self.headings.get(section, "") + data
        if tags and tags[-1] == "title" and "svg" in tags and section:
            self.tips.setdefault(section, []).append(data)
        if tags and tags[-1] == "title" and "head" in tags:
            self.title += data
        member = self._where("member")
        if member and any(t == "div" and (a.get("class") == "text") for t, a in self.stack):
            self.texts[member] = self.texts.get(member, "") + data
            for m in self.open_marks:
                m[2] += data
        statement = self._where("statement")
        if statement and "blockquote" in tags:
            self.statements[statement][-1].append(data)
        if statement and "th" in tags:
            self.statements[statement + ":head"][-1].append(data)


def parse(page: str) -> Page:
    p = Page()
    p.feed(page)
    p.close()
    return p


# ---------------------------------------------------------------- HTML


def test_html_has_every_section_with_a_heading_and_the_story_language(seeds):
    view, texts = seeds
    page = render_story_html(view, texts)
    parsed = parse(page)
    for section in SECTIONS:
        assert parsed.ids.get(section) == "section", section
        assert parsed.headings.get(section, "").strip(), f"section {section} has no heading"
    assert parsed.lang == "de"
    assert view["title"] in parsed.title
    assert "Trump und Kim setzen Gipfeltreffen in Hanoi fort</h1>" in page
    assert parsed.ids.get("text-" + view["sources"][0]["article_id"]) == "article"


def test_html_member_texts_are_whole_and_marks_sit_at_the_offsets(seeds):
    view, texts = seeds
    parsed = parse(render_story_html(view, texts))
    assert parsed.texts == texts  # escaped on the way in, every character back on the way out
    edge = view["reuse"][0]
    passage = edge["passages"][0]
    src_text, tgt_text = texts[edge["source"]], texts[edge["target"]]
    copied_src = [m for m in parsed.marks[edge["source"]] if m[0] == "copied"]
    copied_tgt = [m for m in parsed.marks[edge["target"]] if m[0] == "copied"]
    assert [m[2] for m in copied_src] == [src_text[passage["source_start"]:passage["source_end"]]]
    assert [m[2] for m in copied_tgt] == [tgt_text[passage["target_start"]:passage["target_end"]]]
    assert "Der Verkehr in Vietnams Hauptstadt" in copied_tgt[0][2]
    assert f"copied by {edge['target'][:8]}" in copied_src[0][1]
    assert f"copied from {edge['source'][:8]}" in copied_tgt[0][1]
    expected: dict[str, list[str]] = {}
    for speaker in view["quotes"]:
        for statement in speaker["statements"]:
            for q in statement["quotes"]:
                expected.setdefault(q["article_id"], []).append(texts[q["article_id"]][q["start"]:q["end"]])
    for aid, quotes in expected.items():
        got = [m[2] for m in parsed.marks[aid] if m[0] == "quote"]
        assert sorted(got) == sorted(quotes)
    assert len(expected[view["sources"][0]["article_id"]]) == 6


def test_html_timeline_svg_spans_the_storys_own_days_and_keeps_background_off_the_axis(seeds):
    view, texts = seeds
    page = render_story_html(view, texts)
    parsed = parse(page)
    items = [s for s in parsed.svg["timeline"] if s == "g.item"]
    on_axis = [i for i in view["timeline"] if not i["background"] and i["time"]]
    assert len(items) == len(on_axis) == 27
    assert len(parsed.tips["timeline"]) == 27  # every mark has its tooltip
    assert any("Kein gemeinsames Mittagessen" in tip and "2019-02-28 13:25" in tip for tip in parsed.tips["timeline"])
    assert sum("inferred from neighbours" in tip for tip in parsed.tips["timeline"]) == 16
    timeline_svg = page.split('<section id="timeline">')[1].split("</svg>")[0]
    axis = re.findall(r'class="axis">([^<]+)<', timeline_svg)
    assert axis == ["Tue 26 Feb 2019", "Wed 27 Feb 2019", "Thu 28 Feb 2019"]  # background: listed, not on the axis
    assert not any("2017" in tip or "2018-01-02" in tip for tip in parsed.tips["timeline"])
    timeline_section = page.split('<section id="timeline">')[1].split("</section>")[0]
    assert timeline_section.count('<tr class="bg">') == 4
    assert "4 background items" in timeline_section
    # one lane per member: the ticker's lane first (publication order), then the agency's
    lanes = re.findall(r'class="lanelabel">([^<]+)<', timeline_svg)
    assert lanes == [m["article_id"][:8] for m in view["sources"]]


def test_html_reuse_graph_draws_each_edge_with_width_by_share_and_direction(seeds):
    view, texts = seeds
    parsed = parse(render_story_html(view, texts))
    circles = [s for s in parsed.svg["reuse"] if s == "circle"]
    assert len(circles) == 2 and len(parsed.edges) == 1 + 1  # the arrowhead's marker path and the edge
    edge = [e for e in parsed.edges if e.get("stroke-width")][0]
    assert edge.get("stroke-dasharray") and not edge.get("marker-end")  # no publication times: no arrow
    assert any("reuses" in tip and "direction unknown" in tip for tip in parsed.tips["reuse"])

    directed = dict(view)
    a, t = view["sources"][1]["article_id"], view["sources"][0]["article_id"]
    e0 = dict(view["reuse"][0], direction=f"{a}→{t}", direction_reason=None, share_target=0.1)
    e1 = dict(view["reuse"][0], source=t, target=a, share_target=0.6)
    directed["reuse"] = [e0, e1]
    parsed = parse(render_story_html(directed, texts))
    widths = [float(e["stroke-width"]) for e in parsed.edges if e.get("stroke-width")]
    assert len(widths) == 2 and widths[1] > widths[0] * 3
    assert [bool(e.get("marker-end")) for e in parsed.edges if e.get("stroke-width")] == [True, False]


def test_html_quotes_put_each_sources_wording_side_by_side(seeds):
    view, texts = seeds
    page = render_story_html(view, texts)
    parsed = parse(page)
    cells = parsed.statements["statement-s1"]
    assert len(cells) == 2
    assert "".join(cells[0]).startswith("Ich bin in keiner Eile")  # the ticker's column first
    assert "".join(cells[1]) == "Geschwindigkeit ist für mich nicht so wichtig."
    head = ["".join(h) for h in parsed.statements["statement-s1:head"]]
    assert head == [m["article_id"][:8] for m in view["sources"]]
    assert len(parsed.statements["statement-s3"]) == 1
    quotes = page.split('<section id="quotes">')[1].split("</section>")[0]
    assert "Sprecherin des Weißen Hauses" in quotes and "US-Präsident" in quotes
    assert "<em>Ein hochrangiger US-Regierungsmitarbeiter</em> (not named)" in quotes
    assert quotes.index("Donald Trump") < quotes.index("Kim Jong Un") < quotes.index("Sarah Sanders")


def test_html_sources_and_entities_tables(seeds):
    view, texts = seeds
    page = render_story_html(view, texts)
    sources = page.split('<section id="sources">')[1].split("</section>")[0]
    assert sources.count("<tr>") == 3 and f"{len(texts[view['sources'][0]['article_id']]):,}" in sources
    entities = page.split('<section id="entities">')[1].split("</section>")[0]
    trump = view["entities"][0]
    assert f'<td>Donald Trump</td><td>PER</td><td class="num">{trump["mentions"]}</td>' in entities
    assert "Nordkorea</td>" in entities and "Nordkoreas" not in entities


def test_html_empty_sections_render_with_a_note(empty_seeds):
    view, texts = empty_seeds
    page = render_story_html(view, texts)
    parsed = parse(page)
    for section in SECTIONS:
        assert parsed.ids.get(section) == "section" and parsed.headings.get(section, "").strip()
    assert "no text reuse between these members" in page
    assert "No quotes found." in page and "No dated items." in page and "No summary." in page
    assert [s for s in parsed.svg["reuse"] if s == "circle"] and not parsed.edges[1:]
    assert "<svg" in page.split('<section id="timeline">')[1].split("</section>")[0]
    assert parsed.texts == texts and not any(parsed.marks.values())


def test_html_escapes_every_text_and_loads_nothing_from_outside(seeds):
    view, texts = seeds
    evil = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    view = dict(view, title=f"Gipfel {evil}", language='de" onload="x', notes=[evil])
    view["quotes"] = [dict(view["quotes"][0], name=f"Trump {evil}", role=evil)] + view["quotes"][1:]
    view["sources"] = [dict(view["sources"][0], source=evil, url="https://example.org/?a=<b>")] + view["sources"][1:]
    aid = view["sources"][1]["article_id"]
    texts = dict(texts, **{aid: texts[aid].replace("Hanoi", "<u>Hanoi</u> & Co", 1)})
    page = render_story_html(view, texts)
    assert "<script" not in page and "<img" not in page and "<u>" not in page and 'onload="x' not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;u&gt;Hanoi&lt;/u&gt; &amp; Co" in page
    assert parse(page).texts[aid] == texts[aid]
    # self-contained: the only URL on the page is the member's own, shown as text
    assert re.findall(r"https?://[^\s<\"']+", page) == ["https://example.org/?a=&lt;b&gt;"]
    markup = re.sub(r'"[^"]*"', '""', page)  # attribute values hold (escaped) text, not markup
    assert not re.search(r"<[^>]*\s(src|srcset)=|@import|url\((?!#)", markup)


def test_html_drops_marks_whose_offsets_fall_outside_the_text(seeds):
    view, texts = seeds
    aid = view["sources"][1]["article_id"]
    short = dict(texts, **{aid: texts[aid][:200]})
    parsed = parse(render_story_html(view, short))
    assert parsed.texts[aid] == short[aid]
    assert all(len(m[2]) <= 200 for m in parsed.marks.get(aid, []))
    assert [m[2] for m in parsed.marks.get(aid, [])] == []  # every mark of the agency lies beyond 200


def test_html_paged_and_redirected_view_says_so(seeds):
    view, texts = seeds
    page = render_story_html(dict(view, size=5000, offset=100), texts)
    assert "Members 101–102 of 5000" in page
    assert f"Asked for <code>{view['requested']}</code>" in page
    missing = {k: v for k, v in texts.items() if k != view["sources"][1]["article_id"]}
    assert "Text not available for this member." in render_story_html(view, missing)


# ---------------------------------------------------------------- terminal


def _terminal(view: dict[str, Any], texts: dict[str, str] | None = None, **kw: Any) -> tuple[str, str]:
    console = Console(width=140, record=True, force_terminal=True, color_system="standard")
    render_story_terminal(view, console, texts=texts, **kw)
    styled = console.export_text(styles=True, clear=False)
    return console.export_text(), styled


def test_terminal_shows_every_section_in_order(seeds):
    view, texts = seeds
    out, _ = _terminal(view, texts)
    order = [out.index(h) for h in ("Trump und Kim setzen Gipfeltreffen", "Summary", "Timeline (31)",
                                    "Who said what (4)", "Sources (2)", "Reuse (1)", "Entities (5)", "History")]
    assert order == sorted(order)
    t, a = (m["article_id"] for m in view["sources"])
    assert f"story {t}" in out and "2 articles" in out and "languages de" in out
    assert "seen 2019-02-26 → 2019-02-28" in out
    assert f"asked for {a}: shown as its story {t}" in out
    edge = view["reuse"][0]  # "B reuses A": the target first
    assert f"{edge['target'][:8]} reuses {edge['source'][:8]}" in out
    assert f"{edge['source'][:8]} reuses" not in out
    assert "direction unknown: neither member has a publication time" in out
    assert "Der Verkehr in Vietnams Hauptstadt" in out
    assert "both members are undated" in out and "opened by" in out and "redirected here" in out


def test_terminal_timeline_marks_precision_inference_and_background_and_caps(seeds):
    view, texts = seeds
    out, styled = _terminal(view, texts)
    # 27 items on the story's days come first, then background quotes fill the cap of 30 in time order
    assert "… 1 more items (1 of them background)" in out
    assert "Kein gemeinsames Mittagessen" in out and "2017-09-22" in out and "2018-09-29" not in out
    row = next(line for line in out.splitlines() if "2019-02-27 20:47 +07:00" in line)
    assert "◷" in row and "Abendessen von Trump und Kim" in row
    assert out.index("2019-02-28 13:25 +07:00") < out.index("2017-09-22")
    on_days = [i for i in view["timeline"] if not i["background"]]
    assert out.count("≈ 2019") == sum(i["inferred"] for i in on_days) == 17
    # background quotes are dimmed: their rows carry the dim style (ESC[2m)
    background_row = next(line for line in styled.splitlines() if "2017-09-22" in line)
    assert "\x1b[2m" in background_row
    dated_row = next(line for line in styled.splitlines() if "20:47" in line)
    assert "\x1b[2m" not in dated_row.split("20:47")[0]
    out, _ = _terminal(view, texts, max_items=5)
    assert "… 26 more items (4 of them background)" in out
    assert "Kein gemeinsames Mittagessen" not in out and "2017" not in out  # the first five, in time order
    assert out.index("Just arrived in Vietnam") < out.index("Sonderzug von Kim Jong Un") < out.index("Diese vier Kims")


def test_terminal_who_said_what_groups_statements_under_speakers(seeds):
    view, texts = seeds
    out, styled = _terminal(view, texts)
    quotes = out[out.index("Who said what"):out.index("Sources (2)")]
    assert "Donald Trump, US-Präsident  5 quotes, 3 statements" in quotes
    assert "Sarah Sanders, Sprecherin des Weißen Hauses" in quotes
    assert "Ein hochrangiger US-Regierungsmitarbeiter  (not named)" in quotes
    first = quotes.index("▸ 2 sources")
    block = quotes[first:quotes.index("▸", first + 1)]
    t, a = (m["article_id"][:8] for m in view["sources"])
    assert "„Geschwindigkeit ist für mich nicht so wichtig.“  direct" in block and a in block
    assert "„Ich bin in keiner Eile." in block and t in block
    assert "first 2019-02-26" in quotes
    out, _ = _terminal(view, texts, max_items=1)
    assert "… 2 more statements" in out and "… 3 more speakers" in out


def test_terminal_sources_table_gives_roles_with_of_whom(seeds):
    view, texts = seeds
    t, a = (m["article_id"] for m in view["sources"])
    view = dict(view, sources=[dict(view["sources"][0], source="stern.de", published="2019-02-28T08:10:00+01:00"),
                               dict(view["sources"][1], source="dpa", role="copy", copy_of=t, analysis="reanalysed")])
    out, _ = _terminal(view, texts)
    sources = out[out.index("Sources (2)"):out.index("Reuse (1)")]
    assert "stern.de" in sources and "2019-02-28 08:10 +01:00" in sources
    assert "copy of stern.de (analysis reanalysed)" in sources
    assert f"{len(texts[t]):,}" in sources
    assert "dpa reuses stern.de" not in out and "stern.de reuses dpa" in out  # labels follow the outlet


def test_terminal_empty_sections_say_so(empty_seeds):
    view, texts = empty_seeds
    out, _ = _terminal(view, texts)
    for line in ("no summary", "no dated items", "no quotes found", "no text reuse between members", "no entities"):
        assert line in out
    assert "Sources (2)" in out


def test_terminal_paged_view_and_bad_cap(seeds):
    view, texts = seeds
    out, _ = _terminal(dict(view, size=5000, offset=2000), texts)
    assert "members 2001–2002 of 5000" in out
    with pytest.raises(ValueError, match="max_items"):
        _terminal(view, texts, max_items=0)
