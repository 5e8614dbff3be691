"""Time expressions: forms, values, anchors, offsets, and numbers that are no times."""

from __future__ import annotations

import pytest

from storylink.document import Sentence, TimeExpr
from storylink.errors import InputError
from storylink.nlp.times import find_times, parse_published

PUBLISHED = "2019-02-28"  # a Thursday


def run(text: str, published: str | None = PUBLISHED, language: str = "de") -> list[TimeExpr]:
    times, _, _ = find_times(text, [], published=published, language=language)
    assert_well_formed(text, times)
    return times


def triples(times: list[TimeExpr]) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.kind, t.value) for t in times]


def assert_well_formed(text: str, times: list[TimeExpr]) -> None:
    for t in times:
        assert text[t.start:t.end] == t.text
    for a, b in zip(times, times[1:]):
        assert a.end <= b.start, f"{a.text!r} overlaps {b.text!r}"


# --------------------------------------------------------------------------- German

GERMAN = [
    ("Kim über Trump am 22. September 2017.", [("am 22. September 2017", "date", "2017-09-22")]),
    ("Am 3. Oktober wurde gefeiert.", [("Am 3. Oktober", "date", "2018-10-03")]),
    ("Das Treffen war am 28.02.2019 in Hanoi.", [("28.02.2019", "date", "2019-02-28")]),
    ("Am 28. Feb. 2019 endete der Gipfel.", [("Am 28. Feb. 2019", "date", "2019-02-28")]),
    ("Im Februar 2019 kam es zum Gipfel.", [("Im Februar 2019", "date", "2019-02")]),
    ("Der Krieg endete im Jahr 1953.", [("im Jahr 1953", "date", "1953")]),
    ("Der Koreakrieg (1950 bis 1953) ist nicht beendet.", [("1950", "date", "1950"), ("1953", "date", "1953")]),
    ("Die Gespräche laufen seit 2018.", [("seit 2018", "relative", "2018")]),
    ("Donnerstag, 28. Februar 2019, 13:25 Uhr",
     [("Donnerstag, 28. Februar 2019", "date", "2019-02-28"), ("13:25 Uhr", "time", "2019-02-28T13:25")]),
    ("Vom 27. bis 28. Februar 2019 tagte der Gipfel.",
     [("27.", "date", "2019-02-27"), ("28. Februar 2019", "date", "2019-02-28")]),
    ("Im ersten Quartal 2019 und im Sommer 2018 stieg der Absatz.",
     [("Im ersten Quartal 2019", "date", "2019-Q1"), ("im Sommer 2018", "date", "2018-SU")]),
    ("In den 1990er Jahren begann es.", [("In den 1990er Jahren", "date", "199")]),
    ("Er wurde am 12.03. entlassen.", [("am 12.03.", "date", "2018-03-12")]),
    ("Ende Mai will er zurückkehren.", [("Ende Mai", "date", "2019-05")]),
    ("Die beiden trafen sich am Donnerstag im Hotel.", [("am Donnerstag", "weekday", "2019-02-28")]),
    ("Sie hatten sich am Mittwoch getroffen.", [("am Mittwoch", "weekday", "2019-02-27")]),
    ("Der Gipfel geht an diesem Donnerstag zu Ende.", [("an diesem Donnerstag", "weekday", "2019-02-28")]),
    ("Am vergangenen Freitag traf er ihn, am nächsten Freitag wieder.",
     [("Am vergangenen Freitag", "weekday", "2019-02-22"), ("am nächsten Freitag", "weekday", "2019-03-01")]),
    ("Am kommenden Montag reist er ab.", [("Am kommenden Montag", "weekday", "2019-03-04")]),
    ("Die Polizei sucht ihn seit Sonntag.", [("Sonntag", "weekday", "2019-02-24")]),
    ("Er kam am Samstagabend heim.", [("am Samstagabend", "weekday", "2019-02-23")]),
    ("Gestern sagte er, morgen komme er zurück.",
     [("Gestern", "relative", "2019-02-27"), ("morgen", "relative", "2019-03-01")]),
    ("Vorgestern war es heute Morgen ruhig.",
     [("Vorgestern", "relative", "2019-02-26"), ("heute Morgen", "relative", "2019-02-28")]),
    ("Der erste Gipfel in Singapur vor acht Monaten war ein Erfolg.",
     [("vor acht Monaten", "relative", "2018-06")]),
    ("Vor zwei Wochen und in drei Tagen, nächste Woche und letzten Monat.",
     [("Vor zwei Wochen", "relative", "2019-W07"), ("in drei Tagen", "relative", "2019-03-03"),
      ("nächste Woche", "relative", "2019-W10"), ("letzten Monat", "relative", "2019-01")]),
    ("Im vergangenen Jahr und im Vorjahr stieg der Umsatz.",
     [("Im vergangenen Jahr", "relative", "2018"), ("im Vorjahr", "relative", "2018")]),
    ("Kim will bis zum Wochenende bleiben.", [("zum Wochenende", "relative", "2019-W09-WE")]),
    ("Vor wenigen Tagen kam er an.", [("Vor wenigen Tagen", "relative", None)]),
    ("Trump sagte am zweiten Tag des Treffens, er habe keine Eile.", [("am zweiten Tag", "relative", None)]),
    ("Acht Monate nach dem Gipfel wurde um zwei Stunden verschoben.",
     [("Acht Monate", "duration", "P8M"), ("zwei Stunden", "duration", "PT2H")]),
    ("Die Zugreise dauerte 66 Stunden und zwölf Minuten.",
     [("66 Stunden", "duration", "PT66H"), ("zwölf Minuten", "duration", "PT12M")]),
    ("Hunderttausende kämpfen sich jeden Morgen durch die Staus, montags und täglich.",
     [("jeden Morgen", "set", "P1D"), ("montags", "set", None), ("täglich", "set", "P1D")]),
    ("Die Sitzung beginnt um 8 Uhr und dauert von 9 bis 17 Uhr. Um 14:30 gibt es Kaffee.",
     [("um 8 Uhr", "time", "T08:00"), ("9", "time", "T09:00"), ("17 Uhr", "time", "T17:00"),
      ("Um 14:30", "time", "T14:30")]),
    ("Sie treffen sich erstmals am Mittwochabend um 18.30 Uhr Ortszeit, das ist 12.30 Uhr deutscher Zeit.",
     [("am Mittwochabend", "weekday", "2019-02-27"), ("um 18.30 Uhr Ortszeit", "time", "2019-02-27T18:30"),
      ("12.30 Uhr deutscher Zeit", "time", "2019-02-27T12:30")]),
    ("Er kam um 7 Uhr abends und ging um Mitternacht.",
     [("um 7 Uhr abends", "time", "T19:00"), ("um Mitternacht", "time", "T00:00")]),
]


@pytest.mark.parametrize(("text", "expected"), GERMAN, ids=[t[:40] for t, _ in GERMAN])
def test_german(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert triples(run(text)) == expected


# --------------------------------------------------------------------------- English

ENGLISH = [
    ("The summit ended on Thursday, Feb. 28, 2019 at 10:15 am local time.",
     [("on Thursday, Feb. 28, 2019", "date", "2019-02-28"), ("at 10:15 am local time", "time", "2019-02-28T10:15")]),
    ("Trump met Kim on February 28, 2019 and in 28 February 2019 again.",
     [("on February 28, 2019", "date", "2019-02-28"), ("28 February 2019", "date", "2019-02-28")]),
    ("He left at 3.45pm and returned at 7 p.m. ET.",
     [("at 3.45pm", "time", "T15:45"), ("at 7 p.m. ET", "time", "T19:00")]),
    ("The deal was signed on Feb. 28 in Hanoi.", [("on Feb. 28", "date", "2019-02-28")]),
    ("Two days ago he said that last week was tough.",
     [("Two days ago", "relative", "2019-02-26"), ("last week", "relative", "2019-W08")]),
    ("Yesterday, a year ago, in two weeks, since 2018.",
     [("Yesterday", "relative", "2019-02-27"), ("a year ago", "relative", "2018"),
      ("in two weeks", "relative", "2019-W11"), ("since 2018", "relative", "2018")]),
    ("They met last Thursday and meet again next Thursday.",
     [("last Thursday", "weekday", "2019-02-21"), ("next Thursday", "weekday", "2019-03-07")]),
    ("Kim arrived on Tuesday.", [("on Tuesday", "weekday", "2019-02-26")]),
    ("Earlier this year the two-day summit lasted 12 hours.",
     [("Earlier this year", "relative", "2019"), ("two-day", "duration", "P2D"), ("12 hours", "duration", "PT12H")]),
    ("Over the weekend, prices fell in 2019 to the 1990s level.",
     [("Over the weekend", "relative", "2019-W08-WE"), ("2019", "date", "2019"), ("the 1990s", "date", "199")]),
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH, ids=[t[:40] for t, _ in ENGLISH])
def test_english(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert triples(run(text, language="en")) == expected


# --------------------------------------------------------------------------- not times

NOT_TIMES = [
    ("de", "Rund 1.000 Menschen kamen, das sind 3.5 Prozent mehr."),
    ("de", "Nr. 12 gewann 2:1 (1:0) gegen Köln."),
    ("de", "In der Stadt leben etwa acht Millionen Menschen, von 2000 Menschen kamen 1500."),
    ("de", "Die Agenda 2030, Windows 2000 und die Euro 2024 sind Namen."),
    ("de", "Die Version 2.1.3 erschien, iOS 12.1. ist neu, Kapitel 3.4 auch."),
    ("de", "Vietjet kauft 100 Boeing 737 Max und 215 Triebwerke für 21 Milliarden Dollar."),
    ("de", "Der Zug legte 4000 Kilometer zurück, der Kurs stieg um 2.50 Euro auf 1.234,56 Punkte."),
    ("de", "Er lief 10.000 Meter in 27:30 Minuten, die beiden sind 80 Jahre alt."),
    ("de", "Viele Vietnamesen kamen Stunden zu spät, das wird einige Zeit dauern."),
    ("en", "The score was 2:1 with 3.5 percent turnout and 1,000 votes."),
    ("en", "Version 3.2.1 shipped to 2000 people; the 22-year old left."),
    ("en", "Theresa May spoke to the Bundestag about the Agenda 2030."),
]


@pytest.mark.parametrize(("language", "text"), NOT_TIMES, ids=[t[:40] for _, t in NOT_TIMES])
def test_numbers_that_are_no_times(language: str, text: str) -> None:
    assert run(text, language=language) == []


def test_german_am_is_no_meridiem() -> None:
    times = run("Um 10 am Montag kam er.")
    assert [t.kind for t in times] == ["weekday"]


# --------------------------------------------------------------------------- clocks


def test_local_time_marks() -> None:
    text = "Die Pressekonferenz wird auf 14.00 Uhr (Ortszeit/8.00 Uhr MEZ) vorgezogen."
    local, mez = run(text)
    assert (local.text, local.value, local.local) == ("14.00 Uhr", "T14:00", True)
    assert (mez.text, mez.value, mez.local) == ("8.00 Uhr MEZ", "T08:00", False)


def test_time_takes_date_of_its_own_sentence_only() -> None:
    text = "Trump landete am 26. Februar 2019. Er fuhr um 13.25 Uhr (Ortszeit) los."
    date, clock = run(text)
    assert date.value == "2019-02-26"
    assert (clock.value, clock.local) == ("T13:25", True)


def test_time_uses_given_sentences() -> None:
    text = "Am Mittwoch tagten sie. Um 9 Uhr begann es."
    one_sentence = [Sentence(0, len(text), text)]
    times, _, _ = find_times(text, one_sentence, published=PUBLISHED, language="de")
    assert times[-1].value == "2019-02-27T09:00"
    assert run(text)[-1].value == "T09:00"


# --------------------------------------------------------------------------- anchors


def test_published_anchor() -> None:
    times, anchor, source = find_times("Gestern kam er an.", [], published="2019-02-28T10:30:00+01:00",
                                       language="de")
    assert (anchor, source) == ("2019-02-28", "published")
    assert (times[0].value, times[0].anchor) == ("2019-02-27", "published")


def test_hours_back_from_a_published_time() -> None:
    times = run("Vor zwei Stunden endete der Gipfel.", published="2019-02-28T10:30:00+01:00")
    assert times[0].value == "2019-02-28T08:30"


def test_invalid_published_names_the_value() -> None:
    with pytest.raises(InputError, match="28/02/2019"):
        find_times("Gestern.", [], published="28/02/2019", language="de")
    assert parse_published("2019-02-28")[1] is None


def test_anchor_from_dateline_without_year() -> None:
    text = "Hanoi, 28. Februar (dpa) - Der Gipfel endete am Donnerstag. Am 26. Februar 2019 kam Trump an."
    times, anchor, source = find_times(text, [], published=None, language="de")
    assert (anchor, source) == ("2019-02-28", "text")
    weekday = next(t for t in times if t.kind == "weekday")
    assert (weekday.value, weekday.anchor) == ("2019-02-28", "text")


def test_anchor_from_latest_report_date_skips_deadlines() -> None:
    text = ("Am 26. Februar 2019 kam Trump an, am 1. Januar 2019 war Neujahr. "
            "Die Frist läuft bis zum 31. Dezember 2019. Gestern sprach er.")
    times, anchor, source = find_times(text, [], published=None, language="de")
    assert (anchor, source) == ("2019-02-26", "text")
    assert times[-1].value == "2019-02-25"


def test_text_anchor_is_a_lower_bound_for_weekdays() -> None:
    text = "Am 27. Februar 2019 kam Trump an. Am Donnerstag trafen sie sich."
    times, anchor, _ = find_times(text, [], published=None, language="de")
    assert anchor == "2019-02-27"
    assert times[-1].value == "2019-02-28"  # the nearest Thursday, not the one before


def test_no_anchor_no_invented_values() -> None:
    times, anchor, source = find_times("Am Donnerstag, vor acht Monaten und gestern.", [],
                                       published=None, language="de")
    assert (anchor, source) == (None, None)
    assert [t.value for t in times] == [None, None, None]
    assert all(t.anchor is None for t in times)


def test_future_sentence_moves_weekday_forward() -> None:
    times = run("Am Samstag will er nach Washington fliegen.")
    assert times[0].value == "2019-03-02"
    assert run("Am Samstag flog er nach Washington.")[0].value == "2019-02-23"


# --------------------------------------------------------------------------- seeds


def by_text(times: list[TimeExpr]) -> dict[str, list[TimeExpr]]:
    out: dict[str, list[TimeExpr]] = {}
    for t in times:
        out.setdefault(t.text, []).append(t)
    return out


def test_seed_ticker_clock_times(seed_ticker_text: str) -> None:
    times, anchor, source = find_times(seed_ticker_text, [], published=PUBLISHED, language="de")
    assert_well_formed(seed_ticker_text, times)
    assert (anchor, source) == ("2019-02-28", "published")
    found = by_text(times)
    assert [(t.value, t.local) for t in found["13.25 Uhr (Ortszeit)"]] == [("T13:25", True)]
    local = found["14.00 Uhr"][0]
    mez = found["8.00 Uhr MEZ"][0]
    assert local.local and not mez.local and local.end < mez.start
    assert found["am 22. September 2017"][0].value == "2017-09-22"
    evening = found["um 20.47 Uhr (Ortszeit)"][0]
    assert (evening.value, evening.local) == ("2019-02-27T20:47", True)
    assert found["am Mittwochabend"][0].value == "2019-02-27"
    assert {t.value for t in found["vor acht Monaten"]} == {"2018-06"}
    assert [t.value for t in found["1950"] + found["1953"]] == ["1950", "1953"]
    texts = " | ".join(found)
    for number in ("Millionen", "4000", "Milliarden", "737", "0,15"):
        assert number not in texts


def test_seed_ticker_without_published(seed_ticker_text: str) -> None:
    times, anchor, source = find_times(seed_ticker_text, [], published=None, language="de")
    assert source == "text"
    assert anchor in ("2019-02-26", "2019-02-27")  # the latest tweet date the text reports
    weekdays = [t for t in times if t.kind == "weekday"]
    assert len(weekdays) >= 6
    for t in weekdays:
        assert t.value == ("2019-02-27" if "Mittwoch" in t.text else "2019-02-28"), t.text


def test_seed_agency_weekdays(seed_agency_text: str) -> None:
    times, _, _ = find_times(seed_agency_text, [], published=PUBLISHED, language="de")
    assert_well_formed(seed_agency_text, times)
    weekdays = [(t.text, t.value) for t in times if t.kind == "weekday"]
    assert weekdays == [
        ("am Donnerstag", "2019-02-28"),
        ("am Mittwoch", "2019-02-27"),
        ("am Donnerstag", "2019-02-28"),
        ("am Donnerstagvormittag", "2019-02-28"),
    ]
    unanchored, anchor, _ = find_times(seed_agency_text, [], published=None, language="de")
    assert anchor is None
    assert [t.value for t in unanchored if t.kind == "weekday"] == [None] * 4


def test_tense_picks_the_year_of_a_month() -> None:
    assert run("Im Mai war er in Singapur.")[0].value == "2018-05"
    assert run("Im Mai will er nach Singapur.")[0].value == "2019-05"
    assert run("Im Februar kam er an.")[0].value == "2019-02"


def test_seed_ticker_through_analyze(seed_ticker, seed_ticker_text: str) -> None:
    assert seed_ticker.anchor_source == "text"
    assert_well_formed(seed_ticker_text, list(seed_ticker.times))
    local = [t.text for t in seed_ticker.times if t.local]
    assert local[:3] == ["13.25 Uhr (Ortszeit)", "14.00 Uhr", "um 20.47 Uhr (Ortszeit)"]


# --------------------------------------------------------------------------- history text
#
# Encyclopedic German with no publication date: own example sentences (not from any gold set).


def history(text: str) -> list[tuple[str, str, str | None]]:
    return triples(run(text, published=None))


HISTORY = [
    ("1866 begann der Krieg.", [("1866", "date", "1866")]),
    ("Die 1887 gegründete Werft baute 1412 Schiffe.", [("1887", "date", "1887")]),
    ("Nachdem er 1931 Präsident geworden war, trat er zurück.", [("1931", "date", "1931")]),
    ("Der Hof wurde durch die Sturmflut 1634 zerstört.", [("1634", "date", "1634")]),
    ("Im Siebenjährigen Krieg 1756–1763 kämpfte er.", [("1756", "date", "1756"), ("1763", "date", "1763")]),
    ("Die Belagerung 1870/71 dauerte lange.", [("1870", "date", "1870"), ("71", "date", "1871")]),
    ("Er regierte von 1740 bis 1786 und lebte zwischen 1712 und 1786.",
     [("1740", "date", "1740"), ("1786", "date", "1786"), ("1712", "date", "1712"), ("1786", "date", "1786")]),
    ("Der Bau (1961–64) war teuer.", [("1961", "date", "1961"), ("64", "date", "1964")]),
    ("Im Herbst 1813 und des Sommers 1815 zog das Heer.",
     [("Im Herbst 1813", "date", "1813-FA"), ("des Sommers 1815", "date", "1815-SU")]),
    ("Anfang 1871 und Mitte 1866 gab es Frieden.", [("Anfang 1871", "date", "1871"), ("Mitte 1866", "date", "1866")]),
    ("Im 17. Jahrhundert blühte der Handel, im 3. Jahrhundert v. Chr. lag hier ein Hafen.",
     [("Im 17. Jahrhundert", "date", "16"), ("im 3. Jahrhundert v. Chr.", "date", "BC02")]),
    ("Ende des 15. und Anfang des 16. Jahrhunderts wuchs die Stadt.",
     [("Ende des 15.", "date", "14"), ("Anfang des 16. Jahrhunderts", "date", "15")]),
    ("In den 1880er Jahren, in der Dreißigerjahre, der sechziger Jahre und Mitte der 1970er Jahre.",
     [("In den 1880er Jahren", "date", "188"), ("in der Dreißigerjahre", "date", "193"),
      ("der sechziger Jahre", "date", "196"), ("Mitte der 1970er Jahre", "date", "197")]),
    ("Augustus starb 14 n. Chr., die Stadt wurde 146 v. Chr. zerstört, im Jahr 732 kam die Schlacht.",
     [("14 n. Chr.", "date", "0014"), ("146 v. Chr.", "date", "BC0146"), ("im Jahr 732", "date", "0732")]),
    ("Sie lebte neun Jahre in Rom, vier Jahre lang in Wien, für 20 Jahre in Prag.",
     [("neun Jahre", "duration", "P9Y"), ("vier Jahre lang", "duration", "P4Y"), ("20 Jahre", "duration", "P20Y")]),
    ("Mehrere Monate und jahrzehntelang, ein bis zwei Wochen, eineinhalb Jahre.",
     [("Mehrere Monate", "duration", "PXM"), ("jahrzehntelang", "duration", "PXY"),
      ("ein bis zwei Wochen", "duration", "PXW"), ("eineinhalb Jahre", "duration", "P1.5Y")]),
    ("Seit 1871 gehört der Ort zum Reich.", [("Seit 1871", "relative", "1871")]),
    ("1905 zog er nach Paris, drei Jahre später nach Rom; im folgenden Jahr starb er.",
     [("1905", "date", "1905"), ("drei Jahre später", "relative", "1908"), ("im folgenden Jahr", "relative", "1909")]),
    ("Am 4. Mai 1849 brach der Aufstand aus, am Tag darauf floh er.",
     [("Am 4. Mai 1849", "date", "1849-05-04"), ("am Tag darauf", "relative", "1849-05-05")]),
    ("1987 war Bonn noch Hauptstadt; damals lebte er dort.", [("1987", "date", "1987"), ("damals", "relative", "1987")]),
    ("Um 1890 wuchs die Stadt, Ende des Jahrhunderts kam die Bahn.",
     [("1890", "date", "1890"), ("Ende des Jahrhunderts", "relative", "18")]),
    ("Die Republik bestand 509–27 v. Chr. und endete.", [("509", "date", "BC0509"), ("27 v. Chr.", "date", "BC0027")]),
    ("Sie starb († 604) in Rom.", [("604", "date", "0604")]),
    ("Die Asche fiel vor etwa 9000 bis 10000 Jahren.", [("vor etwa 9000 bis 10000 Jahren", "relative", None)]),
    ("Titel: Blue Train – 10:43 # Moment's Notice – 9:10", [("10:43", "duration", "PT10M43S"),
                                                            ("9:10", "duration", "PT9M10S")]),
    ("Der Verein zahlte jährliche Beiträge und wöchentlichen Lohn.",
     [("jährliche", "set", "P1Y"), ("wöchentlichen", "set", "P1W")]),
]


@pytest.mark.parametrize(("text", "expected"), HISTORY, ids=[t[:40] for t, _ in HISTORY])
def test_history_forms(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert history(text) == expected


HISTORY_NOT_TIMES = [
    "Die Armee zählte 1914 Soldaten, die Stadt hatte 2000 Einwohner und 1552 Einträge.",
    "Rund 1800 kamen, von 1500 Menschen blieben 1300, mehr als 1200 gingen.",
    "Der Preis stieg auf 1900, das Gebiet misst 1250 ha und 1500 bis 2000 Euro.",
    "Sie starb im Alter von 40 Jahren, 40-jährig; er starb mit 80 Jahren.",
    "Der Körper wurde zunächst 1980 S 3 genannt, siehe S. 1914 und Nr. 1915.",
    "Von den Beschäftigten blieben 1300 der 1500 Mitarbeiter.",
]


@pytest.mark.parametrize("text", HISTORY_NOT_TIMES, ids=[t[:40] for t in HISTORY_NOT_TIMES])
def test_history_numbers_that_are_no_times(text: str) -> None:
    assert history(text) == []


def test_history_dates_without_year_take_the_year_last_named() -> None:
    text = ("1912 heiratete er. Am 12. März zog er nach Rom. 1920 starb sein Vater, im Mai verkaufte er das Haus. "
            "Im Frühjahr zog er fort, Ende des Jahres kehrte er zurück.")
    times, anchor, _ = find_times(text, [], published=None, language="de")
    assert [(t.text, t.value) for t in times] == [
        ("1912", "1912"), ("Am 12. März", "1912-03-12"), ("1920", "1920"), ("im Mai", "1920-05"),
        ("Im Frühjahr", "1920-SP"), ("Ende des Jahres", "1920")]
    assert anchor is None
    assert {t.anchor for t in times if not t.text[0].isdigit()} == {"text"}


def test_history_month_takes_the_year_after_it_in_a_pair() -> None:
    assert history("Im März und April 1915 kämpfte er.") == [
        ("Im März", "date", "1915-03"), ("April 1915", "date", "1915-04")]


def test_history_like_text_needs_no_news_markers() -> None:
    # A news text without ``published``: a weekday and "gestern" keep the anchor rule of news.
    news = "Am 26. Februar 2019 kam Trump an. Gestern sprach er, im Mai 2018 und 2017 auch, im Mai wieder."
    times, anchor, _ = find_times(news, [], published=None, language="de")
    assert anchor == "2019-02-26"
    assert times[-1].text == "im Mai" and times[-1].value == "2018-05"  # the May nearest the anchor
    # The same year-less May in a history text takes the year named last before it.
    times, _, _ = find_times("Am 26. Februar 1819 kam er an, 1817 und 1818 auch, im Mai wieder.", [],
                             published=None, language="de")
    assert times[-1].value == "1818-05"


def test_offsets_in_news_need_a_date_in_their_sentence() -> None:
    text = "Im Jahr 2012 kam er. Zwei Jahre später ging er, eine Stunde später kam sie."
    assert triples(run(text)) == [
        ("Im Jahr 2012", "date", "2012"), ("Zwei Jahre später", "duration", "P2Y"),
        ("eine Stunde später", "duration", "PT1H")]
    assert triples(run("Im Jahr 2012 kam er, zwei Jahre später ging er.")) == [
        ("Im Jahr 2012", "date", "2012"), ("zwei Jahre später", "relative", "2014")]


def test_habitual_season_in_history_text_is_a_set() -> None:
    assert history("Die Burg stammt aus dem Jahr 1200. Heute finden im Sommer Konzerte statt.") == [
        ("Jahr 1200", "date", "1200"), ("Heute", "relative", None), ("im Sommer", "set", "XXXX-SU")]


def test_english_history_forms() -> None:
    assert triples(run("In the 19th century and in 44 BC, two years later.", published=None, language="en")) == [
        ("In the 19th century", "date", "18"), ("in 44 BC", "date", "BC0044"), ("two years later", "duration", "P2Y")]
