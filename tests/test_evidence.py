"""Evidence between two articles: copied passages, matched quotes, aligned sentences, shared entities."""

from __future__ import annotations

import re

import pytest

from storylink.document import Analysis, Quote
from storylink.evidence import copied_passages, find_evidence


def _sentences_of_last_paragraph(text: str) -> list[tuple[int, int]]:
    start = text.rstrip().rfind("\n\n") + 2
    return [(start + m.start(), start + m.end()) for m in re.finditer(r"[^.!?]+[.!?]", text[start:])]


def test_the_traffic_paragraph_is_copied_into_the_ticker(seed_agency_text, seed_ticker_text):
    a, b = seed_agency_text, seed_ticker_text
    passages, share_a, share_b = copied_passages(a, b)
    last_three = _sentences_of_last_paragraph(a)[-3:]
    covering = [p for p in passages if p.a_start <= last_three[0][0] + 1 and p.a_end >= last_three[-1][1] - 1]
    assert covering, "the closing paragraph of 000 must be found in 002"
    p = covering[0]
    assert p.words >= 40 and p.similarity >= 0.8
    assert a[p.a_start:p.a_end].endswith("Viele Vietnamesen kamen Stunden zu spät zur Arbeit")
    assert b[p.b_start:p.b_end].endswith("Viele Vietnamesen kamen Stunden zu spät zur Arbeit")
    assert "Hanois Straßen zu einem völligen Chaos" in b[p.b_start:p.b_end]
    assert 0.1 < share_a < 0.5 and share_b < share_a  # the short report is copied more than the long ticker


def test_an_article_against_itself_is_one_passage_covering_all(seed_ticker_text):
    passages, share_a, share_b = copied_passages(seed_ticker_text, seed_ticker_text)
    assert len(passages) == 1 and share_a == share_b == 1.0
    body = seed_ticker_text.strip()
    assert passages[0].a_start == 0 and passages[0].a_end >= len(body) - 1


def test_unrelated_texts_share_no_passage(seed_agency_text):
    other = ("Der Stadtrat von Freiburg hat am Dienstagabend einen neuen Haushalt beschlossen. Die Ausgaben für "
             "Schulen und Radwege steigen deutlich, die Grundsteuer bleibt unverändert, teilte die Stadt mit.")
    assert copied_passages(seed_agency_text, other)[0] == []


def test_the_reworded_trump_quote_is_matched(seed_agency, seed_agency_text, seed_ticker, seed_ticker_text):
    ev = find_evidence(seed_agency_text, seed_agency, None, seed_ticker_text, seed_ticker, None)
    speed = [q for q in ev.quotes if "Geschwindigkeit" in q.a_text]
    assert speed and speed[0].speaker == "donald trump" and speed[0].kind == "paraphrase"
    assert "Geschwindigkeit ist nicht wichtig für mich" in seed_ticker_text[speed[0].b_start:speed[0].b_end]
    assert speed[0].similarity >= 0.8
    keys = {e.key for e in ev.entities}
    assert {"donald trump", "kim jong un", "hanoi"} <= keys
    assert "hanoi" in {p.key for p in ev.places}
    for e in ev.entities:
        assert all(seed_agency_text[s:t] for s, t in e.a_mentions) and len(e.b_mentions) == e.b_count


def test_the_liaison_office_passages_are_aligned(seed_agency, seed_agency_text, seed_ticker, seed_ticker_text):
    ev = find_evidence(seed_agency_text, seed_agency, None, seed_ticker_text, seed_ticker, None)
    liaison = [s for s in ev.aligned_sentences
               if "Verbindungsbüros in Nordkorea" in seed_agency_text[s.a_start:s.a_end]
               and "Verbindungsbüros in seinem Land" in seed_ticker_text[s.b_start:s.b_end]]
    assert liaison and liaison[0].similarity >= 0.6
    # many-to-many: some sentence of the report aligns with several ticker entries' sentences
    per_a: dict[int, int] = {}
    for s in ev.aligned_sentences:
        per_a[s.a_start] = per_a.get(s.a_start, 0) + 1
    assert len(ev.aligned_sentences) >= 10


def test_quote_matching_needs_the_same_speaker():
    a = Analysis("a", "t", "de", 1.0, 60, quotes=(Quote(1, 40, "Wir werden das Abkommen bald unterschreiben", "direct",
                                                         "olaf scholz"),))
    b_same = Analysis("b", "t", "de", 1.0, 60, quotes=(Quote(1, 40, "Wir werden das Abkommen bald unterschreiben",
                                                              "direct", "olaf scholz"),))
    b_other = Analysis("b", "t", "de", 1.0, 60, quotes=(Quote(1, 40, "Wir werden das Abkommen bald unterschreiben",
                                                               "direct", "emmanuel macron"),))
    text = "x" * 60
    assert [q.kind for q in find_evidence(text, a, None, text, b_same, None).quotes] == ["verbatim"]
    assert find_evidence(text, a, None, text, b_other, None).quotes == ()


@pytest.mark.parametrize("pa,pb,direction", [("2019-02-28T08:00:00+07:00", "2019-02-28T10:00:00+07:00", "a→b"),
                                              ("2019-02-28T12:00:00+01:00", "2019-02-28T10:00:00+00:00", "b→a"),
                                              (None, "2019-02-28", None)])
def test_copy_direction_from_publication_times(seed_agency_text, pa, pb, direction):
    ev = find_evidence(seed_agency_text, None, None, seed_agency_text, None, None, published_a=pa, published_b=pb)
    assert ev.direction == direction


# --- added by the second evidence helper -------------------------------------------------------

def test_every_offset_points_at_its_text_in_both_articles(seed_agency, seed_agency_text, seed_ticker,
                                                           seed_ticker_text):
    from storylink.evidence import Evidence

    a, b = seed_agency_text, seed_ticker_text
    ev = find_evidence(a, seed_agency, None, b, seed_ticker, None)
    for q in ev.quotes:
        assert a[q.a_start:q.a_end] == q.a_text and b[q.b_start:q.b_end] == q.b_text
    for e in ev.entities:
        assert a[e.a_start:e.a_end] == e.a_text and b[e.b_start:e.b_end] == e.b_text
        assert e.a_count == len(e.a_mentions) and e.b_count == len(e.b_mentions)
    for item in ev.copied_passages + ev.aligned_sentences:
        assert a[item.a_start:item.a_end].strip() and b[item.b_start:item.b_end].strip()
    for s in ev.aligned_sentences:
        assert any((x.start, x.end) == (s.a_start, s.a_end) for x in seed_agency.sentences)
        assert any((x.start, x.end) == (s.b_start, s.b_end) for x in seed_ticker.sentences)
    assert Evidence.from_dict(ev.to_dict()) == ev


def test_a_reordered_clause_and_a_dropped_word_stay_one_passage():
    a = ("Wegen des Gipfels kam es auf den Straßen der Hauptstadt zu einem völligen Chaos. Der Verkehr lag am "
         "Vormittag weitgehend lahm, viele Menschen kamen Stunden zu spät zur Arbeit.")
    b = ("Vorspann ohne Bezug. Wegen des Gipfels es auf den Straßen der Hauptstadt zu einem völligen Chaos "
         "gekommen. Der Verkehr lag am Vormittag lahm, viele Menschen kamen Stunden zu spät zur Arbeit.")
    passages, share_a, share_b = copied_passages(a, b)
    assert len(passages) == 1
    p = passages[0]
    assert a[p.a_start:p.a_end] == a.rstrip(".") and b[p.b_start:p.b_end].startswith("Wegen des Gipfels es")
    assert share_a == 1.0 and 0.8 < share_b < 1.0 and 0.85 < p.similarity < 1.0


def test_event_dates_are_the_most_named_days():
    from storylink.document import TimeExpr

    def dated(*values: str) -> Analysis:
        times = tuple(TimeExpr(10 * k, 10 * k + 5, "xxxxx", "date", v) for k, v in enumerate(values))
        return Analysis("x", "t", "de", 1.0, 100, times=times)

    a = dated("2019-02-26", "2019-02-28", "2019-02-28", "2019-02")  # a month is not a day
    b = dated("2019-03-01T10:00", "2019-02-20")
    ev = find_evidence("x" * 100, a, None, "x" * 100, b, None)
    assert (ev.times.a_event, ev.times.b_event, ev.times.distance_days) == ("2019-02-28", "2019-03-01", 1)
    assert (ev.times.a_start, ev.times.b_start) == (10, 0)
    assert [d.date for d in ev.times.a_dates] == ["2019-02-26", "2019-02-28", "2019-02-28"]


def test_quotes_match_across_languages_without_word_overlap():
    de = 'Trump sagte: "Geschwindigkeit ist für mich nicht so wichtig."'
    en = 'Trump said: "Speed is not that important to me."'
    qa = Quote(de.index("G"), len(de) - 1, "Geschwindigkeit ist für mich nicht so wichtig.", "direct", "donald trump")
    qb = Quote(en.index("S"), len(en) - 1, "Speed is not that important to me.", "direct", "donald trump")
    a = Analysis("a", "t", "de", 1.0, len(de), quotes=(qa,))
    b = Analysis("b", "t", "en", 1.0, len(en), quotes=(qb,))
    (m,) = find_evidence(de, a, None, en, b, None).quotes
    assert m.kind == "paraphrase" and m.overlap is None and m.similarity >= 0.7
    assert (de[m.a_start:m.a_end], en[m.b_start:m.b_end]) == (qa.text, qb.text)


def test_sentence_vectors_of_a_profile_are_used_as_given():
    from types import SimpleNamespace

    import numpy as np

    from storylink.document import Sentence

    text = "Erster Satz mit vier Wörtern. Zweiter Satz mit vier Wörtern."
    cut = text.index("Zweiter")
    sents = (Sentence(0, cut - 1, text[:cut - 1]), Sentence(cut, len(text), text[cut:]))
    an = Analysis("a", "t", "de", 1.0, len(text), sentences=sents)
    # the profile says sentence 0 of A is sentence 1 of B and nothing else matches
    pa = SimpleNamespace(sentence_use=np.array([[1, 0, 0], [0, 1, 0]], dtype=np.float32))
    pb = SimpleNamespace(sentence_use=np.array([[0, 0, 1], [1, 0, 0]], dtype=np.float32))
    ev = find_evidence(text, an, pa, text, an, pb)
    assert [(s.a_start, s.b_start, s.similarity) for s in ev.aligned_sentences] == [(0, cut, 1.0)]
