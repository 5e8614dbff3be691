"""Live-ticker entries (``storylink.nlp.ticker``)."""

from __future__ import annotations

import pytest

from storylink.nlp.segment import segment
from storylink.nlp.ticker import find_entries


def entries_of(text):
    entries = find_entries(text, segment(text)[0])
    for order, e in enumerate(entries):
        assert e.order == order and e.times == ()
        assert text[e.start:e.end] == e.text
        assert text[e.headline_start:e.headline_end] == e.headline
        assert e.start <= e.headline_start < e.headline_end <= e.end
        assert e.headline_end <= e.body_start <= e.body_end <= e.end
        assert e.headline == e.headline.strip() and "+++" not in e.headline
    assert all(a.end <= b.start for a, b in zip(entries, entries[1:]))
    return entries


def body(text, e):
    return text[e.body_start:e.body_end]


def test_seed_ticker_entries(seed_ticker_text):
    text = seed_ticker_text
    entries = entries_of(text)
    assert len(entries) == 24
    assert {e.style for e in entries} == {"plus"}
    heads = [e.headline for e in entries]
    assert heads[0] == "Kein gemeinsames Mittagessen: Kim und Trump haben Gipfel offenbar beendet"
    assert heads[2] == 'Trump hat "keine Eile" bei der nuklearen Abrüstung'
    assert heads[11] == "Wo ist Kim? Hanoi sucht den Diktator"
    assert heads[16] == "Warum Hanoi?"
    assert heads[17] == "Das Verhältnis von Trump und Kim in vier Zitaten"
    assert heads[-1] == "Sonderzug von Kim Jong Un erreicht nach 66 Stunden und 4000 Kilometern Vietnam"
    assert body(text, entries[0]).startswith("US-Präsident Donald Trump und der nordkoreanische Machthaber")
    assert body(text, entries[0]).endswith("(Ortszeit/8.00 Uhr MEZ) vorgezogen.")
    # The teaser after the traffic entry and the "Fullscreen" buttons stay out of the bodies.
    assert body(text, entries[3]).endswith("Kim will bis zum Wochenende bleiben.")
    assert body(text, entries[9]).startswith("US-Präsident Donald Trump hofft")
    assert body(text, entries[16]) == ""  # "Warum Hanoi?" holds only a teaser
    assert body(text, entries[17]).endswith("(Trump am 29. September 2018 vor Anhängern in West Virginia)")
    assert body(text, entries[-1]).endswith("zu der 4000 Kilometer langen Zugreise aufgebrochen.")


def test_seed_agency_has_no_entries(seed_agency_text):
    assert entries_of(seed_agency_text) == []


GERMAN_TICKER = """Streik bei der Bahn: Alle Entwicklungen

Die Lokführer streiken seit dem Morgen. Wir berichten laufend.

16:45 Uhr: Bahn kündigt Notfahrplan an
Die Bahn will am Abend einen Notfahrplan vorlegen. Rund ein Drittel der Fernzüge soll fahren.

Pendler sollten sich vorab informieren.

15.10 Uhr – Gewerkschaft droht mit Ausweitung
Der Gewerkschaftschef sagte, der Streik könne bis Freitag dauern.

14:05 Uhr
Erste Züge fallen aus
In Hamburg und Berlin standen die ersten Züge still.

Lesen Sie auch: So kommen Sie trotzdem ans Ziel
"""

ENGLISH_TICKER = """Election night live: the latest results

Update, 11.45pm: Turnout hits record
Officials say turnout passed 70 percent for the first time since 1992.

10:15 pm: Polls close in the east
Polling stations in eastern states have closed. Counting has begun.

9:30 pm – Candidates vote
Both candidates cast their ballots in their home towns.
"""


def test_german_timestamp_ticker():
    entries = entries_of(GERMAN_TICKER)
    assert [(e.style, e.headline) for e in entries] == [
        ("timestamp", "Bahn kündigt Notfahrplan an"),
        ("timestamp", "Gewerkschaft droht mit Ausweitung"),
        ("timestamp", "Erste Züge fallen aus"),
    ]
    assert body(GERMAN_TICKER, entries[0]).startswith("Die Bahn will am Abend")
    assert body(GERMAN_TICKER, entries[0]).endswith("Pendler sollten sich vorab informieren.")
    assert body(GERMAN_TICKER, entries[2]) == "In Hamburg und Berlin standen die ersten Züge still."


def test_english_timestamp_ticker():
    entries = entries_of(ENGLISH_TICKER)
    assert [e.headline for e in entries] == ["Turnout hits record", "Polls close in the east", "Candidates vote"]
    assert body(ENGLISH_TICKER, entries[1]) == "Polling stations in eastern states have closed. Counting has begun."


def test_plus_entry_with_time_stamp_and_inline_body():
    text = "+++ 10.15 Uhr: Kim verlässt Hanoi +++ Der Zug fährt ab.\n\n+++ Trump fliegt heim +++\n\nDie Maschine startet."
    entries = entries_of(text)
    assert [e.headline for e in entries] == ["Kim verlässt Hanoi", "Trump fliegt heim"]
    assert body(text, entries[0]) == "Der Zug fährt ab."
    assert body(text, entries[1]) == "Die Maschine startet."


@pytest.mark.parametrize("text", [
    "Die Partei kam auf 5 Prozent (+2 Punkte). C++ ist eine Sprache.\n\nDas Ergebnis lag bei +3,5 Prozent.",
    "Um 14:05 Uhr landete Trump. Der Gipfel beginnt um 18.30 Uhr.\n\n13.25 Uhr war es, als die Kolonne abfuhr.",
    "14:05 Uhr: Trump landet in Hanoi.\n\nDanach fuhr er ins Hotel und schlief bis zum Abend.",
    "+++ Verfolgen Sie alle Entwicklungen in unserem Liveticker +++\n\nKim reist ab.",
])
def test_ordinary_articles_have_no_entries(text):
    assert entries_of(text) == []
