"""Boilerplate marking (``storylink.nlp.noise``)."""

from __future__ import annotations

import json
import random

import pytest

from conftest import SEMEVAL, need
from storylink.nlp.noise import KINDS, find_noise, paragraph_noise
from storylink.nlp.segment import segment


def noise_of(text):
    found = find_noise(text, *segment(text))
    for n in found:
        assert text[n.start:n.end] == n.text and n.kind in KINDS
    assert all(a.end <= b.start for a, b in zip(found, found[1:])), "noise spans overlap or are unsorted"
    return [(n.kind, n.text) for n in found]


def test_seed_ticker_noise(seed_ticker_text):
    found = noise_of(seed_ticker_text)
    assert [t for k, t in found if k == "fullscreen"] == ["Fullscreen"] * 4
    assert [t for k, t in found if k == "social"] == [
        "— Donald J. Trump (@realDonaldTrump) February 27, 2019",
        "— Donald J. Trump (@realDonaldTrump) February 26, 2019",
    ]
    teasers = [t for k, t in found if k == "teaser"]
    assert teasers[0] == "Lesen Sie hier die Nachrichten vom ersten Gifpeltag"
    assert teasers[1].startswith("Lesen Sie hier, warum sich die USA") and teasers[1].endswith("haben+++")
    assert teasers[2] == "Lesen Sie, wer Kim in Hanoi beiseite steht."
    assert len(teasers) == 3  # the intro's "- lesen Sie hier alles, ..." is part of a content sentence


def test_seed_agency_has_no_noise(seed_agency_text):
    assert noise_of(seed_agency_text) == []


@pytest.mark.parametrize("text, expected", [
    ("Kim winkt den Fotografen zu.\n\nFoto: dpa", [("credit", "Foto: dpa")]),
    ("Kim winkt. (Bild: AFP/Getty Images) Trump lacht.", [("credit", "Bild: AFP/Getty Images")]),
    ("Der Zug erreicht Dong Dang. © Reuters\n\nKim steigt aus.", [("credit", "© Reuters")]),
    ("Die Brücke ist gesperrt.\nFoto: Thomas Frey/dpa\n\nAm Abend fiel der Pegel.", [("credit", "Foto: Thomas Frey/dpa")]),
    ("Der Gipfel beginnt.\n\nAnzeige\n\nKim kommt an.\n\nWERBUNG", [("other", "Anzeige"), ("other", "WERBUNG")]),
    ("Kim kommt an.\n\nMehr zum Thema\n\nTrump wartet.", [("teaser", "Mehr zum Thema")]),
    ("Trump landet.\n\nRead more: Trump and Kim meet in Hanoi", [("teaser", "Read more: Trump and Kim meet in Hanoi")]),
    ("Kim kommt an.\n\nLeggi anche: il vertice di Hanoi", [("teaser", "Leggi anche: il vertice di Hanoi")]),
    ("Kim kommt an. +++ Immer aktuell: Hier geht’s zum Liveblog +++ Trump wartet.",
     [("teaser", "+++ Immer aktuell: Hier geht’s zum Liveblog +++")]),
    ("Great crowds! pic.twitter.com/AbC123xyz — Jane Doe (@jane_doe) 26. Februar 2019\n\nDann kam Kim.",
     [("social", "pic.twitter.com/AbC123xyz"), ("social", "— Jane Doe (@jane_doe) 26. Februar 2019")]),
    ("Kim kommt an.\n\nA post shared by Kim Fan (@kimfan) on Feb 26, 2019 at 3:15am PST",
     [("social", "A post shared by Kim Fan (@kimfan) on Feb 26, 2019 at 3:15am PST")]),
    ("Kim kommt an.\n\nMelden Sie sich für unseren Newsletter an und erhalten Sie alle News.",
     [("other", "Melden Sie sich für unseren Newsletter an und erhalten Sie alle News.")]),
    ("Kim kommt an.\n\nWir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.",
     [("other", "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.")]),
])
def test_noise_kinds(text, expected):
    assert noise_of(text) == expected


@pytest.mark.parametrize("text", [
    "Das Foto zeigt Kim und Trump beim Handschlag. Die Bild berichtete zuerst darüber.",
    "Er las die Zeitung und sagte: Lesen Sie doch selbst nach, wenn Sie mir nicht glauben.",
    "Die Werbung für das Treffen lief seit Wochen. Eine Anzeige erschien in der Zeitung.",
    "Trump twitterte am Mittwoch, er freue sich auf Kim (@realDonaldTrump war früh wach).",
    "Der Newsletter-Markt wächst, sagte die Verlegerin. Cookies backt sie selbst.",
])
def test_content_is_not_noise(text):
    assert noise_of(text) == []


def test_paragraph_noise():
    assert paragraph_noise("Fullscreen") == "fullscreen"
    assert paragraph_noise("Vollbild") == "fullscreen"
    assert paragraph_noise("Lesen Sie auch: Kim reist ab") == "teaser"
    assert paragraph_noise("Advertisement") == "other"
    assert paragraph_noise("Foto: Kay Nietfeld/dpa") == "credit"
    assert paragraph_noise("Kim lacht über Trump.") is None


def test_semeval_noise_is_rare_and_valid():
    with need(SEMEVAL / "dev.jsonl").open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    texts = random.Random(11).sample([r["text1"] for r in rows], 60)
    marked = total = 0
    for text in texts:
        found = noise_of(text)
        marked += sum(len(t) for _, t in found)
        total += len(text)
    # Boilerplate is a small share of real articles: a runaway pattern would mark far more.
    assert 0 < marked < 0.05 * total
