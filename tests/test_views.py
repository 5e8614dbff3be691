"""Views of a comparison: the HTML page (texts, highlights, SVG, tables) and the terminal report."""

from __future__ import annotations

from html.parser import HTMLParser

from rich.console import Console

from storylink.evidence import CopiedPassage, Evidence, EventDates, QuoteMatch, SharedEntity
from storylink.views import render_comparison_html, render_comparison_terminal

A = ('Kanzler & Präsident trafen sich in <Berlin>. "Wir werden das Abkommen bald unterschreiben", '
     "sagte Scholz. Der Verkehr in der Hauptstadt lag am Dienstag wegen des Treffens weitgehend lahm.")
B = ("Berlin – Scholz kündigte an: „Wir werden das Abkommen bald unterschreiben“. Der Verkehr in der "
     "Hauptstadt lag am Dienstag wegen des Treffens weitgehend lahm, berichtete die Polizei.")


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _comparison(scores: dict[str, float] | None = None) -> dict:
    copied = "Der Verkehr in der Hauptstadt lag am Dienstag wegen des Treffens weitgehend lahm"
    quote = "Wir werden das Abkommen bald unterschreiben"
    (a0, a1), (b0, b1) = _span(A, copied), _span(B, copied)
    (qa0, qa1), (qb0, qb1) = _span(A, quote), _span(B, quote)
    (ea0, ea1), (eb0, eb1) = _span(A, "Berlin"), _span(B, "Berlin")
    evidence = Evidence(
        copied_passages=(CopiedPassage(a0, a1, b0, b1, words=13, similarity=1.0),),
        copied_share_a=0.5, copied_share_b=0.45, direction="a→b",
        quotes=(QuoteMatch(qa0, qa1, qb0, qb1, quote, quote, speaker="olaf scholz", similarity=0.99,
                           overlap=1.0, kind="verbatim"),),
        entities=(SharedEntity("berlin", "LOC", 1, 1, ea0, ea1, eb0, eb1, "Berlin", "Berlin",
                               ((ea0, ea1),), ((eb0, eb1),)),),
        times=EventDates("2024-05-14", "2024-05-14", 0),
    )
    out = {"a": "a1", "b": "b1", "same_story": 0.93, "evidence": evidence.to_dict()}
    if scores is not None:
        out["scores"] = scores
    return out


class _Page(HTMLParser):
    """Text of the two text panes and of every ``<mark>`` in them (nested marks included)."""

    def __init__(self) -> None:
        super().__init__()
        self.pane: str | None = None
        self.depth = 0
        self.texts: dict[str, str] = {"text-a": "", "text-b": ""}
        self.open_marks: list[list[str]] = []
        self.marks: dict[str, list[tuple[str, str, str]]] = {"text-a": [], "text-b": []}
        self.svg = 0
        self.bars: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "div" and attrs.get("id") in self.texts:
            self.pane, self.depth = attrs["id"], 0
        elif self.pane and tag == "div":
            self.depth += 1
        if self.pane and tag == "mark":
            self.open_marks.append([attrs.get("class", ""), attrs.get("title", ""), ""])
        if tag == "svg":
            self.svg += 1
        if tag == "rect" and "data-facet" in attrs:
            self.bars.append(attrs["data-facet"])

    def handle_endtag(self, tag):
        if self.pane and tag == "mark":
            css, title, text = self.open_marks.pop()
            self.marks[self.pane].append((css, title, text))
        if self.pane and tag == "div":
            if self.depth == 0:
                self.pane = None
            else:
                self.depth -= 1

    def handle_data(self, data):
        if self.pane:
            self.texts[self.pane] += data
            for m in self.open_marks:
                m[2] += data


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    return parser


def test_html_shows_both_texts_escaped_with_highlights_at_the_offsets():
    comparison = _comparison({"geography": 1.2, "entities": 1.4, "time": 1.0, "narrative": 2.2,
                              "overall": 1.6, "style": 3.1, "tone": 2.5})
    page = render_comparison_html(comparison, A, B, a_title="A <eins>", b_title="B & zwei")
    assert "<Berlin>" not in page and "&lt;Berlin&gt;" in page
    assert "A &lt;eins&gt;" in page and "B &amp; zwei" in page
    parsed = _parse(page)
    assert parsed.texts == {"text-a": A, "text-b": B}
    ev = comparison["evidence"]
    for pane, text, side in (("text-a", A, "a"), ("text-b", B, "b")):
        marks = parsed.marks[pane]
        copied = [m for m in marks if m[0] == "copied"]
        quotes = [m for m in marks if m[0] == "quote"]
        p, q = ev["copied_passages"][0], ev["quotes"][0]
        assert [m[2] for m in copied] == [text[p[f"{side}_start"]:p[f"{side}_end"]]]
        assert [m[2] for m in quotes] == [text[q[f"{side}_start"]:q[f"{side}_end"]]]
        assert "13 words" in copied[0][1] and "olaf scholz" in quotes[0][1]
    assert parsed.svg == 1 and set(parsed.bars) == set(comparison["scores"])
    assert "http" not in page.split("<body>")[0]  # no external assets


def test_html_nests_a_quote_inside_a_copied_passage():
    comparison = _comparison()
    ev = comparison["evidence"]
    # the copied passage now covers the whole of A, the quote sits inside it
    ev["copied_passages"][0].update(a_start=0, a_end=len(A))
    parsed = _parse(render_comparison_html(comparison, A, B))
    marks = {m[0]: m[2] for m in parsed.marks["text-a"]}
    assert marks["copied"] == A and marks["quote"] == "Wir werden das Abkommen bald unterschreiben"
    assert parsed.texts["text-a"] == A


def test_html_without_scores_or_evidence_still_renders():
    page = render_comparison_html({"a": "x", "b": "y"}, "Text A & mehr", "Text B")
    parsed = _parse(page)
    assert parsed.texts == {"text-a": "Text A & mehr", "text-b": "Text B"}
    assert parsed.bars == [] and parsed.marks == {"text-a": [], "text-b": []}


def test_terminal_report_names_the_facets_and_the_evidence():
    console = Console(record=True, width=140, color_system=None)
    comparison = _comparison({"geography": 1.2, "entities": 1.4, "time": 1.0, "narrative": 2.2,
                              "overall": 1.6, "style": 3.1, "tone": 2.5})
    render_comparison_terminal(comparison, A, B, console)
    out = console.export_text()
    for facet in ("geography", "entities", "time", "narrative", "overall", "style", "tone"):
        assert facet in out
    assert "93%" in out and "olaf scholz" in out and "berlin" in out and "2024-05-14" in out
    assert "Copied passages (1" in out and "Der Verkehr" in out


def test_the_seed_comparison_page_marks_the_found_evidence(seed_agency, seed_agency_text, seed_ticker,
                                                         seed_ticker_text):
    from storylink.evidence import find_evidence

    ev = find_evidence(seed_agency_text, seed_agency, None, seed_ticker_text, seed_ticker, None).to_dict()
    parsed = _parse(render_comparison_html({"evidence": ev}, seed_agency_text, seed_ticker_text))
    assert parsed.texts == {"text-a": seed_agency_text, "text-b": seed_ticker_text}
    copied = [m[2] for m in parsed.marks["text-a"] if m[0] == "copied"]
    assert copied == [seed_agency_text[p["a_start"]:p["a_end"]] for p in ev["copied_passages"]]
    assert len(copied) >= 2 and any("Viele Vietnamesen" in c for c in copied)
    quotes = [m[2] for m in parsed.marks["text-b"] if m[0] == "quote"]
    assert "Geschwindigkeit ist nicht wichtig für mich." in quotes
