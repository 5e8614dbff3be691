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
