"""Time expressions: found by rules, normalised against an anchor date.

A fast tagger for German first, English second, and numeric dates in any
language. Every pattern is a regular expression compiled once at import; no
Java, no HeidelTime, no ``dateparser`` at run time (its ``search_dates`` reads
German badly, and the forms news use are few and regular).

Kinds (``TimeExpr.kind``) and values (ISO 8601, TIMEX3 where ISO has no form):

* ``date``      "22. September 2017" ``2017-09-22``, "Februar 2019" ``2019-02``,
  "im Jahr 1953" ``1953``, "28.02.2019", "February 28, 2019", "1990er Jahre"
  ``199``, "erstes Quartal 2019" ``2019-Q1``, "Sommer 2018" ``2018-SU``.
  A date without a year ("am 3. Oktober", "im Mai") takes the year that puts
  it nearest to the anchor (history text: see below).
  History forms: bare years in German ("1914 begann", "die 1920 gegründete",
  "Sturmflut 1872"; not "1914 Soldaten", "rund 2000", "Windows 2000"), one
  date per year of a range or pair ("1914–1918", "von 1618 bis 1648",
  "1870/71" ``1870`` + ``1871``), centuries TIMEX3-style ("im 19. Jahrhundert"
  ``18``, before Christ ``BC04`` for the 5th), decades in words
  ("Zwanzigerjahre", "der 20er Jahre" ``192``), eras ("44 v. Chr." ``BC0044``,
  "im Jahr 800" ``0800``), parts of a year with the year's value ("Anfang
  1920", "Ende des Jahres").
* ``weekday``   "am Donnerstag", "Mittwochabend", "an diesem Donnerstag",
  "on Thursday": the date of that weekday near the anchor (see below).
* ``time``      "13.25 Uhr (Ortszeit)", "um 8 Uhr", "10:15 am": ``T13:25``, or
  ``2019-02-28T13:25`` when a day-precise date stands in the same sentence;
  ``local`` is true when "(Ortszeit)" or "local time" follows.
* ``relative``  "heute", "vor acht Monaten" ``2018-06``, "nächste Woche"
  ``2019-W10``, "am Wochenende" ``2019-W09-WE``, "seit 2018" ``2018``,
  "two days ago"; ``None`` when nothing anchors it ("am zweiten Tag").
  Offsets from the date the text last named, not from the anchor: "1912 ...
  zwei Jahre später" ``1914``, "im folgenden Jahr", "am Tag darauf", "damals",
  "Ende des Jahrhunderts". In news that date must stand in the same sentence;
  with none, "eine Stunde später" is a ``duration`` ``PT1H``.
* ``duration``  "zwei Stunden" ``PT2H``, "acht Monate" ``P8M``, "zehn Jahre
  lang" ``P10Y``, "anderthalb Stunden" ``PT1H30M``, "– 4:26" (a track)
  ``PT4M26S``; vague counts take TIMEX3's ``X``: "einige Jahre",
  "jahrzehntelang", "ein bis zwei Jahre" ``PXY`` (decades and centuries in
  years, as ISO has no unit for them). Ages are none ("im Alter von 40
  Jahren", "mit 80 Jahren", "40-jährig").
* ``set``       "jeden Morgen" ``P1D``, "montags" (``None``), "jährliche"
  ``P1Y``; in history text a season without a year in a sentence of habit
  ("Heute finden im Sommer Konzerte statt") ``XXXX-SU``.

Anchor rule: with ``published`` the anchor is its date (``"published"``).
Without it the anchor comes from the text (``"text"``): first a dateline
("Hanoi, 28. Februar (dpa)"), whose missing year is taken from the latest full
date in the text; else the latest full date (day, month and year) in the text,
leaving out dates after "bis", "seit", "ab", "geboren", "until", "since"... and
dates in sentences that speak of the future only. A text is written on or after
the last day it reports, so such a date is only a lower bound: weekdays are then
resolved to the nearest such day (three days either side), not to the last one
before it. With no anchor, relative and weekday values stay ``None``.

History rule: a text without ``published`` reads as history, not news, when
it has no dateline, no weekday, weekend or day word ("gestern", "morgen"), and
either no full date or at least three distinct years. History text jumps in
time, so there a date without a year takes the year the text named last
before it (the first one after it when none comes before), not the one
nearest the anchor; a news text keeps the anchor rule.

Weekday rule: "kommenden/nächsten/next" is the next such day after the anchor,
"vergangenen/letzten/last" the one before it, "diesem/this" the nearest one; a
plain weekday is the latest on or before the anchor, or the nearest (three days
either side) when its sentence speaks of the future only ("wollen am Donnerstag
... beenden"). Not always the next one: a live ticker is published with its last
update, and its older entries say "werden sich am Mittwochabend sehen" of a day
already past. A day and month without a year ("am 12.03.") take the nearest
year, on the side the sentence's tense points to.

Example::

    >>> times, anchor, source = find_times(
    ...     "Trump verließ am Mittwochabend um 20.47 Uhr (Ortszeit) das Hotel.",
    ...     [], published="2019-02-28", language="de")
    >>> for t in times:
    ...     print(t.text, t.kind, t.value, t.local)
    am Mittwochabend weekday 2019-02-27 False
    um 20.47 Uhr (Ortszeit) time 2019-02-27T20:47 True
    >>> anchor, source
    ('2019-02-28', 'published')
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from ..document import Sentence, TimeExpr
from ..errors import InputError

__all__ = ["find_times", "parse_published", "WEEKDAYS"]


# --------------------------------------------------------------------------- vocabulary

_MONTHS: dict[str, int] = {
    "januar": 1, "jänner": 1, "january": 1, "jan": 1,
    "februar": 2, "feber": 2, "february": 2, "feb": 2, "febr": 2,
    "märz": 3, "maerz": 3, "march": 3, "mär": 3, "mrz": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mai": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11,
    "dezember": 12, "december": 12, "dez": 12, "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4,
    "samstag": 5, "sonnabend": 5, "sonntag": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}
_NUMBERS: dict[str, int] = {
    "ein": 1, "eine": 1, "einem": 1, "einen": 1, "einer": 1,
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
    "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "fünfzehn": 15, "zwanzig": 20,
    "dreizehn": 13, "vierzehn": 14, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19,
    "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80,
    "neunzig": 90, "hundert": 100,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}
#: Counts too vague to compute with; "vor wenigen Tagen" is found, valued None.
_VAGUE = ("wenigen", "einigen", "mehreren", "ein paar", "few", "a few", "several", "a couple of")
#: Counts of a vague duration ("einige Jahre" ``PXY``); "wenige"/"viele" only here, not before "vor".
_VAGUE_DURATION = ("einige", "einigen", "mehrere", "mehreren", "wenige", "wenigen", "viele", "vielen",
                   "etliche", "etlichen", "zahlreiche", "zahlreichen", "ein paar", "several", "a few", "many")
_ORDINALS: dict[str, int] = {
    "ersten": 1, "zweiten": 2, "dritten": 3, "vierten": 4,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4,
    "1.": 1, "2.": 2, "3.": 3, "4.": 4,
}
_SEASONS: dict[str, str] = {
    "frühjahr": "SP", "frühling": "SP", "sommer": "SU", "herbst": "FA", "winter": "WI",
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA",
}
#: Words of a sentence that tell of what happens every year ("Heute finden im Sommer Konzerte statt").
_HABITUAL = re.compile(r"(?i)\b(?:heute|meist|meistens|oft|häufig|regelmäßig|gewöhnlich|normalerweise"
                       r"|üblicherweise|immer|jedes Jahr|alljährlich|jährlich)\b")
#: A month in each season, so that "im Sommer" takes a year by tense as "im Juli" does.
_SEASON_MONTH = {"-SP": 4, "-SU": 7, "-FA": 10, "-WI": 1}
_SET_PERIODS: dict[str, str] = {
    "täglich": "P1D", "tag": "P1D", "morgen": "P1D", "abend": "P1D", "nacht": "P1D", "day": "P1D",
    "morning": "P1D", "evening": "P1D", "night": "P1D", "wöchentlich": "P1W", "woche": "P1W",
    "week": "P1W", "monatlich": "P1M", "monat": "P1M", "month": "P1M", "jährlich": "P1Y",
    "alljährlich": "P1Y", "jahr": "P1Y", "year": "P1Y",
}
_DAY_PARTS = "morgen|vormittag|mittag|nachmittag|abend|nacht|früh"


def _cased(words: Sequence[str]) -> str:
    """An alternation of words in lower and capitalised form, each spelled out:
    ``re`` skips ahead fast only over literal first letters, not ``[Mm]``."""
    return _alt([v for w in words for v in (w, w.capitalize())])


def _alt(words: Sequence[str]) -> str:
    """A regex alternation, longest first so that "Juni" wins over "Jun"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_MONTH_FULL = _alt([
    "Januar", "Jänner", "Februar", "Feber", "März", "Maerz", "April", "Mai", "Juni", "Juli",
    "August", "September", "Oktober", "November", "Dezember", "January", "February",
    "March", "May", "June", "July", "October", "December",
])
_MONTH_ABBR = _alt(["Jan", "Feb", "Febr", "Mär", "Mrz", "Mar", "Apr", "Jun", "Jul", "Aug",
                    "Sep", "Sept", "Okt", "Oct", "Nov", "Dez", "Dec"])
#: One flat alternation (abbreviations with an optional period): nested groups
#: would keep ``re`` from skipping ahead to the letters a month name starts with.
_OPTIONAL_DOT = r"\.?"
MONTH = rf"(?:{_MONTH_FULL}|{'|'.join(a + _OPTIONAL_DOT for a in _MONTH_ABBR.split('|'))})(?![\w-])"
WEEKDAY = _alt([w.capitalize() for w in WEEKDAYS])
#: 1000 to 2099: history text names the Middle Ages ("1066", "1348") as plainly as news name 2019.
YEAR = r"(?:1\d|20)\d\d"
END_NUM = r"(?!\d|[.,:]\d)"
#: A day or hour number; the look-behind sits after the first digit so that the
#: pattern still opens with a digit (see the note on rules below).
DAY = r"\d(?<![\w.,]\d)\d?"
HOUR = r"\d(?<![\d.,:]\d)\d?"
#: An optional year after a day and month: " 2019", ", 2019".
THEN_YEAR = rf"(?:,?\s+(?P<y>{YEAR}){END_NUM})?"
NUM_WORD = rf"(?i:{_alt(list(_NUMBERS))})"
VAGUE = rf"(?i:{_alt(_VAGUE)})"
VAGUE_DURATION = rf"(?i:{_alt(_VAGUE_DURATION)})"
UNIT_DE = (r"(?:Sekunde|Minute|Stunde|Woche)n?|Tag(?:e|en)?|Monat(?:e|en|s)?|Jahr(?:e|en|es)?"
           r"|Jahrzehnt(?:e|en|s)?|Jahrhundert(?:e|en|s)?")
UNIT_EN = r"(?:second|minute|hour|day|week|month|year|decade|centur(?:y|ie))s?"
UNIT = rf"(?:{UNIT_DE}|{UNIT_EN})(?![\w-])"

_UNIT_KEYS = (  # prefix -> unit; longer prefixes first ("Jahrz" before "Jahr")
    ("jahrz", "decade"), ("jahrh", "century"), ("jahr", "year"), ("year", "year"),
    ("decade", "decade"), ("centur", "century"), ("monat", "month"), ("month", "month"),
    ("woche", "week"), ("week", "week"), ("tag", "day"), ("day", "day"),
    ("stunde", "hour"), ("hour", "hour"), ("minute", "minute"), ("sekunde", "second"),
    ("second", "second"),
)
_ISO_DURATION = {
    "second": "PT{}S", "minute": "PT{}M", "hour": "PT{}H", "day": "P{}D", "week": "P{}W",
    "month": "P{}M", "year": "P{}Y", "decade": "P{}0Y", "century": "P{}00Y",
}

#: Tense cues: a sentence with only future cues (or only past ones) steers weekdays and years.
_FUTURE = re.compile(
    r"\b(?:wird|werden|werde|will|wollen|soll|sollen|plant|planen|voraussichtlich"
    r"|shall|'ll|scheduled|upcoming|plans? to|(?:is|are) (?:set|expected|due|going) to)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:hatte|hatten|war|waren|wurde|wurden|sagte|sagten|hat|kam|kamen|ging|gingen|traf|trafen"
    r"|gab|gaben|fand|fanden|lag|lagen|gestern"
    r"|was|were|had|did|said|told|came|went|met|fell|rose|left|took|gave|made|held|won|lost|began"
    r"|ago|yesterday)\b",
    re.IGNORECASE,
)
#: Words before a date that make it no report date ("bis zum 3. Oktober", "born").
_NOT_REPORT_DATE = re.compile(
    r"(?i)\b(?:bis|ab|seit|until|since|by|from|born|geboren|geb\.|spätestens|frühestens)\b"
    r"(?:\s+\S+){0,2}\s*\Z"
)
#: After a bare number these make it a count or amount, not a year ("2000 Menschen").
_QUANTITY_AFTER = re.compile(
    r"\s*(?:%|‰|€|\$|£)|\s+(?i:prozent|percent|euro|dollar|franken|pfund|pounds|km|kilometer\w*"
    r"|meter\w*|metres?|miles?|kg|tonnen|tons?|menschen|people|personen|persons|soldaten"
    r"|soldiers|troops|einwohner|residents|mitarbeiter|employees|jobs|stellen|stimmen|votes"
    r"|fälle|cases|tote|deaths|dead|mal|times|stück|units|mio|mrd|millionen|million"
    r"|milliarden|billion|jahre\w*|years?|m|cm|mm|ha|qm|m²|km²|g|t|l|mann|stück)(?![\w²])"
)
_NOUN_AFTER = re.compile(r"\s+[A-ZÄÖÜ][a-zäöüß]")
_MONTH_OR_WEEKDAY_AFTER = re.compile(rf"\s+(?:{MONTH}|{WEEKDAY})")
_VERSION_BEFORE = re.compile(r"(?i)\b(?:version|v|nr|no|release|ver)\.?\s*$")


# --------------------------------------------------------------------------- meanings


@dataclass(frozen=True, slots=True)
class _Date:
    """A calendar date of year, month or day precision; ``year`` None: from the anchor."""

    year: int | None
    month: int | None = None
    day: int | None = None
    suffix: str = ""  # appended to a bare year: "-Q1", "-SU"

    def as_date(self) -> date:
        """The date of a day-precise ``_Date`` with its year (callers make sure of both)."""
        return date(self.year or 0, self.month or 0, self.day or 0)


@dataclass(frozen=True, slots=True)
class _Fixed:
    value: str | None


@dataclass(frozen=True, slots=True)
class _Weekday:
    dow: int
    mode: str  # "plain", "next", "last", "this", "since"


@dataclass(frozen=True, slots=True)
class _Shift:
    """``n`` units from the anchor (negative: back); ``n`` None: a vague count."""

    unit: str
    n: int | None


@dataclass(frozen=True, slots=True)
class _Weekend:
    mode: str


@dataclass(frozen=True, slots=True)
class _Clock:
    hour: int
    minute: int


@dataclass(frozen=True, slots=True)
class _Offset:
    """``n`` units from the date the text last named ("zwei Jahre später", "im
    folgenden Jahr", "am Tag darauf"), not from the anchor; ``n`` None: vague.
    With no such date, a counted offset is a ``duration`` of ``length``
    ("eine Stunde später" ``PT1H``)."""

    unit: str
    n: int | None
    length: str | None = None


_Meaning = _Date | _Fixed | _Weekday | _Shift | _Weekend | _Clock | _Offset


@dataclass(frozen=True, slots=True)
class _Cand:
    start: int
    end: int
    kind: str
    meaning: _Meaning
    local: bool = False
    #: Read off the text as written, with a year: may serve as the anchor.
    report_date: bool = False


@dataclass(frozen=True, slots=True)
class _Anchor:
    day: date
    moment: datetime | None
    source: str
    #: False when the anchor is a date the text mentions: a lower bound only.
    exact: bool


# --------------------------------------------------------------------------- rules
#
# Each rule's pattern opens with a word or a digit, never with an optional group
# or an assertion: then ``re`` can skip ahead to the characters that may start a
# match, which makes the scan about ten times faster. Words before the core
# ("am", "an diesem", "vor") are read by a second pattern that ends where the
# core begins (``_left``).

_Rule = Callable[[re.Match[str], str, str], Iterator[_Cand]]
_RULES: list[tuple[re.Pattern[str], _Rule]] = []


def _rule(pattern: str, flags: int = 0) -> Callable[[_Rule], _Rule]:
    compiled = re.compile(pattern, flags)

    def register(fn: _Rule) -> _Rule:
        _RULES.append((compiled, fn))
        return fn

    return register


def _before(pattern: str) -> re.Pattern[str]:
    """A pattern for the words just before a core match, ending where the core begins."""
    return re.compile(rf"(?<![\w.-])(?:{pattern})\Z")


def _left(pattern: re.Pattern[str], text: str, pos: int) -> re.Match[str] | None:
    return pattern.search(text, max(0, pos - 40), pos)


def _word_start(text: str, pos: int) -> bool:
    return pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] in "_-")


def _month(token: str) -> int:
    return _MONTHS[token.rstrip(".").lower()]


def _valid(year: int | None, month: int, day: int) -> bool:
    try:
        date(year or 2000, month, day)  # 2000 was a leap year: 29 February passes
    except ValueError:
        return False
    return True


def _day_date(text: str, start: int, end: int, day: int, mon: int, year: int | None) -> Iterator[_Cand]:
    if not _valid(year, mon, day):
        return
    report = year is not None and not _NOT_REPORT_DATE.search(text, max(0, start - 30), start)
    yield _Cand(start, end, "date", _Date(year, mon, day), report_date=report)


_DATE_LEFT = _before(rf"(?:(?:am|Am|on|On)\s+)?(?:(?:{WEEKDAY}),?\s+(?:(?:den|dem|the)\s+)?)?")


@_rule(rf"(?P<d>{DAY})\.\s?(?P<m>{MONTH}){THEN_YEAR}")
def _de_day_month(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "22. September 2017", "am 3. Oktober", "Donnerstag, 28. Feb. 2019"."""
    left = _left(_DATE_LEFT, text, m.start())
    start = left.start() if left else m.start()
    yield from _day_date(text, start, m.end(), int(m["d"]), _month(m["m"]), int(m["y"]) if m["y"] else None)


@_rule(rf"(?P<d1>{DAY})\.\s*(?:bis|und|-|–)\s*\d\d?\.\s?(?P<m>{MONTH}){THEN_YEAR}")
def _de_day_range(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """The first day of "27. bis 28. Februar 2019" (the second is a date of its own)."""
    end = m.start() + len(m["d1"]) + 1
    yield from _day_date(text, m.start(), end, int(m["d1"]), _month(m["m"]), int(m["y"]) if m["y"] else None)


@_rule(rf"(?P<m>{MONTH})\s+(?P<d>\d\d?)(?:st|nd|rd|th)?\b(?!\.\d|:){THEN_YEAR}")
def _en_month_day(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "February 28, 2019", "Feb. 28", "Thursday, Feb. 28"."""
    if not _word_start(text, m.start()):
        return
    left = _left(_DATE_LEFT, text, m.start())
    start = left.start() if left else m.start()
    yield from _day_date(text, start, m.end(), int(m["d"]), _month(m["m"]), int(m["y"]) if m["y"] else None)


_EN_DAY_LEFT = _before(r"(?:(?:on|On)\s+)?the\s+|(?:on|On)\s+")


@_rule(rf"(?P<d>{DAY})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{MONTH}){THEN_YEAR}")
def _en_day_month(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "28 February 2019", "on the 28th of February"."""
    left = _left(_EN_DAY_LEFT, text, m.start())
    start = left.start() if left else m.start()
    yield from _day_date(text, start, m.end(), int(m["d"]), _month(m["m"]), int(m["y"]) if m["y"] else None)


@_rule(rf"(?P<d>{DAY})\.\s?(?P<m>\d\d?)\.\s?(?P<y>{YEAR}|\d\d){END_NUM}")
def _numeric_dmy(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "28.02.2019", "28.2.19"."""
    if _VERSION_BEFORE.search(text, max(0, m.start() - 10), m.start()):
        return
    year = int(m["y"]) if len(m["y"]) == 4 else 2000 + int(m["y"])
    yield from _day_date(text, m.start(), m.end(), int(m["d"]), int(m["m"]), year)


_NUMERIC_DM_LEFT = _before(r"(?i:am|vom|bis|zum|ab|seit|den|dem)\s+")


@_rule(rf"(?P<d>{DAY})\.(?P<m>\d\d?)\.(?!\s?\d|[.\w])")
def _numeric_dm(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "am 28.02." - without a year only after a preposition, so "Version 12.1." stays out."""
    left = _left(_NUMERIC_DM_LEFT, text, m.start())
    mon, day = int(m["m"]), int(m["d"])
    if left and _valid(None, mon, day):
        start = left.start() if left.group().lower().startswith("am") else m.start()
        yield _Cand(start, m.end(), "date", _Date(None, mon, day))


@_rule(r"(?P<a>\d(?<![\w.,/-]\d)\d?)/(?P<b>\d\d?)/(?P<y>(?:19|20)\d\d)(?![\d/])")
def _numeric_slash(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "2/28/2019" (US) or "28/02/2019"; when both read, US order in English only."""
    a, b = int(m["a"]), int(m["b"])
    day, mon = (a, b) if a > 12 or (b <= 12 and lang != "en") else (b, a)
    yield from _day_date(text, m.start(), m.end(), day, mon, int(m["y"]))


@_rule(r"(?:19|20)\d\d-(?P<m>[01]\d)(?:-(?P<d>[0-3]\d))?(?![\w-])")
def _iso(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "2019-02-28", "2019-02"."""
    if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in ".-"):
        return
    year, mon = int(m.group()[:4]), int(m["m"])
    if m["d"]:
        yield from _day_date(text, m.start(), m.end(), int(m["d"]), mon, year)
    elif 1 <= mon <= 12 and mon <= year % 100:  # else a range: "from 2003-07" is 2003 to 2007
        yield _Cand(m.start(), m.end(), "date", _Date(year, mon))


_MONTH_LEFT = _before(r"(?:im|Im|in|In|Anfang|Ende|Mitte|bis|ab|seit|Seit|Ab|zum|vom|early|late|Early|Late)\s+"
                     r"|(?:mid|Mid)-")
#: "im März und April 1915": the first month takes the year of the second.
_LATER_YEAR = re.compile(rf"\s*(?:und|bis|oder|–|-|/|and|to)\s*(?:{MONTH})\s+(?P<y>{YEAR}){END_NUM}")


@_rule(rf"(?P<m>{MONTH})\s+(?P<y>{YEAR}){END_NUM}")
def _month_year(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "Februar 2019", "Anfang März 2018", "in May 2017"."""
    if _word_start(text, m.start()):
        left = _left(_MONTH_LEFT, text, m.start())
        yield _Cand(left.start() if left else m.start(), m.end(), "date", _Date(int(m["y"]), _month(m["m"])))


@_rule(rf"(?P<m>{_MONTH_FULL})\b(?!\s*\d)")
def _month_alone(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "im Februar", "Ende Mai", "in March": the year comes from the anchor."""
    left = _left(_MONTH_LEFT, text, m.start())
    if left and _word_start(text, m.start()):
        later = _LATER_YEAR.match(text, m.end())
        yield _Cand(left.start(), m.end(), "date", _Date(int(later["y"]) if later else None, _month(m["m"])))


_IN_THE_LEFT = _before(r"(?:(?:im|Im|in|In)\s+)?(?:(?:des|der|the)\s+)?")


@_rule(rf"(?:Jahr(?:e|es|en)?|year|Anfang|Ende|Mitte|Jahresbeginn|Jahresende|early|late|mid-)\s*"
       rf"(?P<y>{YEAR}){END_NUM}"
       r"|Jahr(?:e|es)?\s+(?P<y3>[1-9]\d\d)(?![\d.,:]\d|[\w/-])")
def _year_cued(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "im Jahr 1953", "Ende 2018", "in the year 2000", "im Jahr 800"."""
    if _word_start(text, m.start()):
        left = _left(_IN_THE_LEFT, text, m.start())
        yield _Cand(left.start() if left else m.start(), m.end(), "date", _Date(int(m["y"] or m["y3"])))


_WEAK_CUE_LEFT = _before(
    r"(?P<cue>(?i:im|in|seit|bis|ab|von|vor|nach|zwischen|um|since|until|till|by|from|between|before"
    r"|after|during|of))\s+"
)
_GERMAN_CUES = ("im", "von", "vor", "nach", "zwischen", "um", "ab")


@_rule(rf"{YEAR}{END_NUM}(?![\w/-])")
def _year_weak(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "seit 2018", "bis 2030", "in 2019" - but not "von 2000 Menschen"."""
    left = _left(_WEAK_CUE_LEFT, text, m.start())
    if not left or not _word_start(text, m.start()):
        return
    after = text[m.end():m.end() + 30]
    if _QUANTITY_AFTER.match(after):
        return
    cue = left["cue"].lower()
    if (cue in _GERMAN_CUES or (cue == "in" and lang != "en")) and _NOUN_AFTER.match(after) \
            and not _MONTH_OR_WEEKDAY_AFTER.match(after):
        return
    if cue in ("seit", "since"):
        yield _Cand(left.start(), m.end(), "relative", _Date(int(m.group())))
    else:
        yield _Cand(m.start(), m.end(), "date", _Date(int(m.group())))


@_rule(rf"(?P<y1>{YEAR})\s*(?:bis|–|-|to|und|and)\s*(?P<y2>{YEAR}|\d\d){END_NUM}(?![\w/-])")
def _year_range(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "(1950 bis 1953)", "1950-53": two dates."""
    if not _word_start(text, m.start()) or text[m.start() - 1:m.start()] in (".", ","):
        return
    y1 = int(m["y1"])
    y2 = int(m["y2"]) if len(m["y2"]) == 4 else y1 // 100 * 100 + int(m["y2"])
    if y2 <= y1 or _QUANTITY_AFTER.match(text, m.end()) or _NOUN_AFTER.match(text, m.end()):
        return
    yield _Cand(m.start("y1"), m.end("y1"), "date", _Date(y1))
    yield _Cand(m.start("y2"), m.end("y2"), "date", _Date(y2))


@_rule(rf"\((?P<y>{YEAR})\)")
def _year_parenthesised(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    yield _Cand(m.start("y"), m.end("y"), "date", _Date(int(m["y"])))


_DECADE_LEFT = _before(r"(?:(?:[Ii]n|[Ss]eit|[Bb]is\s+in|[Aa]b|[Aa]us)\s+)?den\s+|the\s+"
                      r"|(?:(?:[Ii]n|[Ss]eit|[Aa]b)\s+)?(?:(?:Anfang|Mitte|Ende|Beginn)\s+)?der\s+")


@_rule(r"(?:1\d|20)\d0(?:er(?:n|-?\s?Jahren?)?|'?s)\b")
def _decade(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "in den 1990er Jahren", "der 1970ern", "the 1990s": the ISO decade "199"."""
    if _word_start(text, m.start()):
        left = _left(_DECADE_LEFT, text, m.start())
        yield _Cand(left.start() if left else m.start(), m.end(), "date", _Fixed(m.group()[:3]))


_QUARTER_LEFT = _before(
    r"(?:(?:im|Im|in|In)\s+)?(?:(?:the|des|der)\s+)?"
    r"(?P<q>(?i:ersten|zweiten|dritten|vierten|first|second|third|fourth|final)|[1-4]\.)\s+"
)


@_rule(rf"(?:Quartal(?:s|es)?|quarter)\b(?:\s+(?:of\s+)?(?P<y>{YEAR}){END_NUM})?")
def _quarter(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "im ersten Quartal 2019": ``2019-Q1``."""
    left = _left(_QUARTER_LEFT, text, m.start())
    if left:
        year = int(m["y"]) if m["y"] else None
        yield _Cand(left.start(), m.end(), "date", _Date(year, suffix=f"-Q{_ORDINALS[left['q'].lower()]}"))


@_rule(rf"Q(?P<q>[1-4])[/ ](?P<y>{YEAR})\b")
def _quarter_short(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "Q1 2019"."""
    if _word_start(text, m.start()):
        yield _Cand(m.start(), m.end(), "date", _Date(int(m["y"]), suffix=f"-Q{m['q']}"))


@_rule(rf"(?P<s>Frühjahr|Frühling|Sommer|Herbst|Winter|spring|summer|autumn|fall|Spring|Summer|Autumn|Fall)"
       rf"s?\s+(?:of\s+|des\s+Jahres\s+)?(?P<y>{YEAR})(?:/\d\d(?:\d\d)?)?{END_NUM}")
def _season(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "im Sommer 2018", "des Sommers 1915", "im Herbst des Jahres 1915": ``2018-SU``."""
    if _word_start(text, m.start()):
        left = _left(_IN_THE_LEFT, text, m.start())
        yield _Cand(left.start() if left else m.start(), m.end(), "date",
                    _Date(int(m["y"]), suffix="-" + _SEASONS[m["s"].lower()]))


_WEEKDAY_MODS = {
    "next": "next", "coming": "next", "kommend": "next", "nächst": "next",
    "last": "last", "past": "last", "previous": "last", "vergangen": "last", "letzt": "last",
    "vorig": "last", "this": "this", "dies": "this", "heutig": "this", "laufend": "this",
}
_MOD_WORDS = (r"diese[mnrs]?|kommende[mnrs]?|nächste[mnrs]?|vergangene[mnrs]?|letzte[mnrs]?|vorige[mnrs]?"
              r"|laufende[mnrs]?|this|next|last|coming|past|previous")
_WEEKDAY_LEFT = _before(
    rf"(?:(?P<prep>am|Am|an|An|on|On|seit|Seit|since|Since)\s+)?"
    rf"(?:(?P<mod>(?i:{_MOD_WORDS}|frühe[mnrs]?|späte[mnrs]?|heutige[mnrs]?|gestrige[mnrs]?))\s+)?"
)


def _mode(mod: str | None) -> str:
    if not mod:
        return "plain"
    mod = mod.lower()
    return next((mode for stem, mode in _WEEKDAY_MODS.items() if mod.startswith(stem)), "plain")


@_rule(rf"(?P<wd>{WEEKDAY})(?:{_DAY_PARTS})?(?:\s+(?:morning|afternoon|evening|night|früh))?\b")
def _weekday(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "am Donnerstag", "Mittwochabend", "an diesem Donnerstag", "last Thursday"."""
    if not _word_start(text, m.start()):
        return
    left = _left(_WEEKDAY_LEFT, text, m.start())
    start, mode = (left.start(), _mode(left["mod"])) if left else (m.start(), "plain")
    prep = (left["prep"] or "").lower() if left else ""
    if prep in ("seit", "since"):
        start, mode = left.start("mod") if left["mod"] else m.start(), "since"
    elif lang == "en" and prep in ("am", "an"):  # "10 am Monday"
        start = left.end("prep") + 1
    yield _Cand(start, m.end(), "weekday", _Weekday(WEEKDAYS[m["wd"].lower()], mode))


_WEEKLY = _cased(["montags", "dienstags", "mittwochs", "donnerstags", "freitags", "samstags", "sonntags"])


@_rule(rf"(?P<d>{_WEEKLY})\b"
       r"|(?P<every>täglich|wöchentlich|monatlich|alljährlich|jährlich)(?:e[nmrs]?)?\b"
       rf"|(?:{_cased(['jeden', 'jede', 'jedes', 'every'])})\s+(?P<u>Tag|Morgen|Abend|Nacht|Woche|Monat|Jahr"
       rf"|day|morning|evening|night|week|month|year|{WEEKDAY})\b")
def _set(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "jeden Morgen" ``P1D``, "wöchentlich" ``P1W``, "montags" (no value)."""
    if _word_start(text, m.start()):
        word = (m["every"] or m["u"] or "").lower()  # "jährliche" has the period of "jährlich"
        yield _Cand(m.start(), m.end(), "set", _Fixed(_SET_PERIODS.get(word)))


_DEICTIC = {"heute": 0, "today": 0, "tonight": 0, "this": 0, "gestern": -1, "yesterday": -1,
            "last": -1, "vorgestern": -2, "morgen": 1, "tomorrow": 1, "übermorgen": 2}


@_rule(r"(?P<w>heute|gestern|vorgestern|morgen|übermorgen|Heute|Gestern|Vorgestern|Übermorgen"
       r"|today|yesterday|tomorrow|tonight|Today|Yesterday|Tomorrow|Tonight)"
       r"(?:\s+(?:Morgen|Vormittag|Mittag|Nachmittag|Abend|Nacht|früh|morgen"
       r"|morning|afternoon|evening|night))?\b"
       r"|this\s+(?:morning|afternoon|evening)\b|This\s+(?:morning|afternoon|evening)\b"
       r"|last\s+night\b|Last\s+night\b")
def _deictic(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "heute", "gestern Abend", "morgen früh", "yesterday", "last night"."""
    if _word_start(text, m.start()):
        word = (m["w"] or m.group()).split()[0].lower()
        yield _Cand(m.start(), m.end(), "relative", _Shift("day", _DEICTIC[word]))


def _unit(word: str) -> str:
    word = word.lower()
    return next(unit for prefix, unit in _UNIT_KEYS if word.startswith(prefix))


def _count(word: str) -> int | None:
    word = word.lower()
    return int(word) if word.isdigit() else _NUMBERS.get(word)


_MODIFIERS = (r"(?:(?P<approx>(?i:knapp|rund|etwa|gut|fast|mehr als|über|weniger als|genau|ungefähr"
              r"|nahezu|beinahe|nur|erst|bereits|schon|about|nearly|almost|more than|some|just|only|over"
              r"|roughly))\s+)?")
_COUNT = rf"(?:(?P<n>{NUM_WORD}|\d{{1,4}})|(?P<v>{VAGUE}))"


@_rule(rf"(?P<dir>vor|Vor|in|In)\s+{_MODIFIERS}(?:(?P<big>\d{{5,6}})|{_COUNT})"
       rf"(?P<range>\s*(?:bis|-|–)\s*(?:{NUM_WORD}|\d{{1,6}}))?\s+(?P<u>{UNIT})")
def _shift_in_vor(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "vor acht Monaten", "in drei Tagen", "in two weeks", "vor wenigen Tagen" and "vor 12000 bis
    13000 Jahren" (no value)."""
    if not _word_start(text, m.start()) or not (m["n"] or m["v"] or m["big"]):
        return
    if m["dir"].lower() == "in" and m["approx"]:
        return  # "the most in nearly 30 years" looks back: left to the duration rule
    # "vor etwa 12000 bis 13000 Jahren": a range, or a year before ISO's, has no value
    n = _count(m["n"]) if m["n"] and not m["range"] else None
    sign = -1 if m["dir"].lower() == "vor" else 1
    yield _Cand(m.start(), m.end(), "relative", _Shift(_unit(m["u"]), None if n is None else sign * n))


_AGO_LEFT = _before(rf"(?:{_COUNT}|(?P<a>[Aa]n?))\s+(?P<u>{UNIT_EN})\s+")


@_rule(r"ago\b")
def _ago(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "two days ago", "a year ago", "a few weeks ago" (no value)."""
    left = _left(_AGO_LEFT, text, m.start())
    if left:
        n = 1 if left["a"] else (_count(left["n"]) if left["n"] else None)
        yield _Cand(left.start(), m.end(), "relative", _Shift(_unit(left["u"]), None if n is None else -n))


_DURATION_LEFT = _before(rf"(?P<n>{NUM_WORD}|\d{{1,4}})(?P<sep>\s+|-)")
_AGE_AFTER = re.compile(r"[\s-]+old\b|\s+alt\b")
_AGE_BEFORE = re.compile(r"\b(?:Alter|age)\s+(?:von|of)\s+(?:\S+\s+(?:bis|und|to|and)\s+)?\Z")
_VAGUE_DURATION_LEFT = _before(
    rf"(?:(?P<p>seit|Seit|über|Über|für|Für)\s+)?(?:(?P<v>{VAGUE_DURATION})\s+)?"
)
_PLURAL_UNITS = {"Jahren", "Jahrzehnten", "Jahrhunderten", "Monaten", "Jahre", "Jahrzehnte", "Jahrhunderte", "Monate"}
_COUNT_RANGE_LEFT = _before(rf"(?:{NUM_WORD}|\d{{1,4}})\s*(?:bis|-|–|oder)\s*")
_AGE_WITH = re.compile(r"\b[Mm]it\s+\Z")
#: "zehn Jahre lang": the "lang" belongs to the duration.
_LANG_AFTER = re.compile(r"\s+lang\b")


@_rule(rf"(?:{UNIT_DE}|{UNIT_EN})(?![\w-])")
def _duration(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "zwei Stunden" ``PT2H``, "acht Monate" ``P8M``, "a two-day summit"."""
    left = _left(_DURATION_LEFT, text, m.start())
    if not left:
        vague = _left(_VAGUE_DURATION_LEFT, text, m.start())
        plural = m.group() in _PLURAL_UNITS
        if vague and (vague["v"] or (plural and vague["p"])):  # "einige Jahre", "seit Jahren": TIMEX3's unknown count
            lang_ = _LANG_AFTER.match(text, m.end())
            yield _Cand(vague.start("v") if vague["v"] else m.start(), lang_.end() if lang_ else m.end(),
                        "duration", _Fixed(_VAGUE_UNITS[_unit(m.group())]))
        return
    if left["sep"] == "-" and m.group()[0].isupper():
        return
    if text[left.start() - 1:left.start()] in (":", ",", "."):  # "27:30 Minuten", "1.000 Jahre"
        return
    if _AGE_AFTER.match(text, m.end()) or _AGE_BEFORE.search(text, max(0, left.start() - 30), left.start()):
        return  # an age: "80 Jahre alt", "a 22-year old", "im Alter von 40 Jahren"
    if m.group().startswith("Jahr") and _AGE_WITH.search(text, max(0, left.start() - 5), left.start()) \
            and not _NOUN_AFTER.match(text, m.end()):
        return  # "starb mit 80 Jahren" is an age; "mit zwei Jahren Verspätung" is not
    n = _count(left["n"])
    lang_ = _LANG_AFTER.match(text, m.end())
    span = _COUNT_RANGE_LEFT.search(text, max(0, left.start() - 20), left.start())
    if span and n is not None:  # "ein bis zwei Tage", "1 - 2 Jahre": one span, a vague count
        yield _Cand(span.start(), lang_.end() if lang_ else m.end(), "duration", _Fixed(_VAGUE_UNITS[_unit(m.group())]))
    elif n is not None:
        yield _Cand(left.start(), lang_.end() if lang_ else m.end(), "duration",
                    _Fixed(_ISO_DURATION[_unit(m.group())].format(n)))


_REL_LEFT = _before(
    r"(?:(?:Anfang|Ende|Mitte|earlier|later|Earlier|Later)\s+(?:(?:des|der)\s+)?)?"
    rf"(?:(?:in der|im|in|In der|Im|In|the|The)\s+)?(?P<mod>(?i:{_MOD_WORDS}))\s+"
)


@_rule(r"(?:Woche|Monat(?:s|es)?|Jahr(?:es|s)?|Jahrzehnt(?:s|es)?|week|month|year|decade)\b")
def _this_next_last(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "nächste Woche", "im vergangenen Jahr", "last month", "earlier this year"."""
    left = _left(_REL_LEFT, text, m.start())
    if left:
        n = {"next": 1, "last": -1}.get(_mode(left["mod"]), 0)
        yield _Cand(left.start(), m.end(), "relative", _Shift(_unit(m.group()), n))


_IM_LEFT = _before(r"(?:im|Im)\s+")


@_rule(r"Vor(?P<u>jahr|monat|woche)(?:es|s)?\b")
def _previous(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "im Vorjahr", "des Vormonats"."""
    if _word_start(text, m.start()):
        left = _left(_IM_LEFT, text, m.start())
        yield _Cand(left.start() if left else m.start(), m.end(), "relative", _Shift(_unit(m["u"]), -1))


_WEEKEND_LEFT = _before(
    r"(?:(?:am|Am|zum|Zum|übers|Übers|over the|at the|on the|during the|Over the|At the|On the)\s+)?"
    rf"(?:(?P<mod>(?i:{_MOD_WORDS}))\s+)?"
)


@_rule(r"(?:Wochenende|weekend)\b")
def _weekend(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "am Wochenende", "bis zum Wochenende", "last weekend": ``2019-W09-WE``."""
    if _word_start(text, m.start()):
        left = _left(_WEEKEND_LEFT, text, m.start())
        start, mode = (left.start(), _mode(left["mod"])) if left else (m.start(), "plain")
        yield _Cand(start, m.end(), "relative", _Weekend(mode))


_EVENT_DAY_LEFT = _before(r"(?:(?:am|Am|an|An|vom|Vom)\s+)?(?:dem\s+)?|(?:(?:on|On)\s+)?the\s+")


_ORDINAL_DAYS = _cased(["ersten", "erstem", "zweiten", "zweitem", "dritten", "drittem", "vierten", "fünften",
                         "letzten"])


@_rule(rf"(?:{_ORDINAL_DAYS})\s+"
       r"(?!(?:Mon|Diens|Frei|Sams|Sonn|Bundes|Land|Reichs|Kreis)tag\b)(?:Tag|[A-ZÄÖÜ][a-zäöüß]*tag)\b"
       r"|(?:first|second|third|fourth|fifth|final|last|next|following)\s+day\b"
       r"|on\s+day\s+(?:one|two|three|four|five|\d)\b|On\s+day\s+(?:one|two|three|four|five|\d)\b")
def _event_day(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "am zweiten Tag", "an zweitem Gipfeltag", "on the second day": counted from an
    event the rules cannot date, so valued None."""
    if not _word_start(text, m.start()):
        return
    left = _left(_EVENT_DAY_LEFT, text, m.start())
    english = m.group().endswith("day") and not m.group().lower().startswith("on")
    if english and not (left and "the" in left.group()):
        return  # "the next day" needs its article; "next day" alone is too loose
    yield _Cand(left.start() if left else m.start(), m.end(), "relative", _Fixed(None))

# --------------------------------------------------------------------------- history text
#
# Encyclopedic text names years bare ("1914 begann der Krieg", "die 1920
# gegründete Firma"), in pairs ("1870/71", "von 1618 bis 1648"), by century and
# decade, for eras ("44 v. Chr."), and counts from the year it last named
# ("zwei Jahre später", "im folgenden Jahr"): ``_Offset``, resolved in
# ``_resolve_all``.

#: Words before a bare number that make it an amount: "rund 2000", "auf 1900 gestiegen".
_QUANTITY_BEFORE = re.compile(
    r"(?i:\b(?:rund|etwa|ca\.|circa|zirka|über|mehr als|weniger als|knapp|fast|insgesamt|nur|bis zu|mindestens"
    r"|höchstens|nahezu|annähernd|auf|mit|je|pro|gut|exakt|genau|ganze|zusammen|nummer|nr\.|no\.|platz))\s*\Z"
)
#: A name or designation a number belongs to ("Windows 2000", "Agenda 2030", "Seite 1914"). After
#: other capitalised words a year stays a year: history text writes "Sturmflut 1872", "Berlin 1898".
_DESIGNATION_BEFORE = re.compile(
    r"(?:\b(?:Windows|Agenda|Euro|Expo|Office|Version|Modell|Typ|Nummer|Seite|Seiten|Platz|Linie|Zimmer|Kapitel"
    r"|Artikel|Paragraf|Paragraph|Postfach|Bus|Route|Flug|Band|Heft|Punkte?|Punkten|Stimmen|Summe|Zahl)"
    r"|\b(?:S|Nr|Bd|Abs|Art|Vol|No|Kap|Tel|Fig|Abb|Tab|Jg|Aufl|Ausg|Sp|Bl)\.|§)\s*\Z"
)
#: A capitalised word after a number that reads as a plural (a count of things: "1914 Soldaten",
#: "2000 Einwohner", "1552 Einträge") or a designation letter ("1980 S 3"); "1937 Generaldirektor" is a year.
_PLURAL_NOUN_AFTER = re.compile(r"\s+(?:[A-ZÄÖÜ][a-zäöüß-]*(?:e|en|n|er|s|el|ern|innen)\b|[A-Z]\b|Mann\b)")
_AMOUNT_EARLIER = re.compile(r"\d\s+[A-ZÄÖÜ][a-zäöüß]+\b[^.!?;\d]*\Z")
#: "1500 bis 2000 Euro", "1300 der 1500 Mitarbeiter": the amount's noun comes after a second number.
_RANGE_AMOUNT_AFTER = re.compile(r"\s*(?:bis|-|–|und|oder|der|von|aus)\s*(?:\w+\s+)??\d[\d.,]*")
_CLAUSE_END = re.compile(r"\s*(?:[.,;!?)]|\Z)")
_RANGE_OR_PAIR_BEFORE = re.compile(r"\d{3}\s*[-–/]\s*\Z|\d[.,]\Z")


def _bare_year_ok(text: str, start: int, end: int) -> bool:
    """Whether a bare number 1000-2099 with no cue word reads as a year."""
    before = text[max(0, start - 40):start]
    if _RANGE_OR_PAIR_BEFORE.search(before) or _QUANTITY_BEFORE.search(before):
        return False
    after = text[end:end + 30]
    if _QUANTITY_AFTER.match(after) or _PLURAL_NOUN_AFTER.match(after) or _DESIGNATION_BEFORE.search(before):
        return False
    more = _RANGE_AMOUNT_AFTER.match(after)
    if more and (_QUANTITY_AFTER.match(after, more.end()) or _PLURAL_NOUN_AFTER.match(after, more.end())):
        return False  # "1500 bis 2000 Euro"
    if _AMOUNT_EARLIER.search(before) and _CLAUSE_END.match(after):
        return False  # "von 2000 Menschen kamen 1500.": an amount again, its noun left out
    return True


@_rule(rf"(?:1\d|20)\d\d(?!\d|[.,:]\d|[\w/–-])")
def _year_bare(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "1914 begann der Krieg", "nachdem er 1937 Generaldirektor wurde", "die 1920 gegründete Firma",
    "Sturmflut 1872" (German): a year without a cue word, but not "1914 Soldaten", "rund 2000", "Windows 2000"."""
    if lang != "en" and _word_start(text, m.start()) and _bare_year_ok(text, m.start(), m.end()):
        yield _Cand(m.start(), m.end(), "date", _Date(int(m.group())))


@_rule(rf"(?P<y1>{YEAR})/(?P<y2>\d\d|{YEAR})(?!\d|[.,:]\d|[\w/-])")
def _year_pair(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "1870/71", "1914/1915": two dates, one per year."""
    if not _word_start(text, m.start()) or _RANGE_OR_PAIR_BEFORE.search(text, max(0, m.start() - 3), m.start()):
        return
    y1 = int(m["y1"])
    y2 = int(m["y2"]) if len(m["y2"]) == 4 else y1 // 100 * 100 + int(m["y2"])
    if y1 < y2 <= y1 + 10 and not _QUANTITY_AFTER.match(text, m.end()):
        yield _Cand(m.start("y1"), m.end("y1"), "date", _Date(y1))
        yield _Cand(m.start("y2"), m.end("y2"), "date", _Date(y2))


@_rule(r"[*†]\s*(?P<y>[1-9]\d{2,3})(?![\d\w.,:/-])")
def _life_year(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "(† 551)", "(* 1850 in Berlin)": birth and death years, three digits too."""
    yield _Cand(m.start("y"), m.end("y"), "date", _Date(int(m["y"])))


_ERA = (r"(?:(?P<bc>v\.\s?Chr\.|vor Christus|v\.\s?u\.\s?Z\.|B\.\s?C\.|BC|BCE)"
        r"|n\.\s?Chr\.|nach Christus|n\.\s?u\.\s?Z\.|A\.\s?D\.|AD|CE)(?![\w])")
_ERA_LEFT = _before(r"(?:(?:im|Im)\s+Jahre?|um|Um|ab|Ab|bis|in|In|seit|Seit|gegen|Gegen|etwa|ca\.)\s+")


_ERA_YEAR_LEFT = _before(r"(?:(?P<y0>\d{1,4})\s*(?:–|-|bis)\s*)?(?P<y>\d{1,4})\s*")


@_rule(_ERA)
def _era_year(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "44 v. Chr." ``BC0044`` (TIMEX3's form for years before Christ), "im Jahr 800 n. Chr." ``0800``."""
    num = _left(_ERA_YEAR_LEFT, text, m.start())
    if not num or not _word_start(text, m.start()) or int(num["y"]) == 0:
        return
    year, era = int(num["y"]), "BC" if m["bc"] else ""
    if num["y0"]:  # "753–509 v. Chr.": the first year of the range is a date of its own
        yield _Cand(num.start("y0"), num.end("y0"), "date", _Fixed(f"{era}{int(num['y0']):04d}"))
        yield _Cand(num.start("y"), m.end(), "date", _Fixed(f"{era}{year:04d}"))
        return
    left = _left(_ERA_LEFT, text, num.start())
    yield _Cand(left.start() if left else num.start(), m.end(), "date", _Fixed(f"{era}{year:04d}"))


_CENTURY_ORDINALS = {
    "erst": 1, "zweit": 2, "dritt": 3, "viert": 4, "fünft": 5, "sechst": 6, "siebt": 7, "acht": 8, "neunt": 9,
    "zehnt": 10, "elft": 11, "zwölft": 12, "dreizehnt": 13, "vierzehnt": 14, "fünfzehnt": 15, "sechzehnt": 16,
    "siebzehnt": 17, "achtzehnt": 18, "neunzehnt": 19, "zwanzigst": 20, "einundzwanzigst": 21,
}
_CENTURY = r"(?:Jahrhundert(?:s|es)?|Jh\.|Jhd?t?\.)"
_CENTURY_LEFT = _before(
    r"(?:(?:[Ii]n\s+der|[Dd]er|[Dd]ie)\s+(?:ersten|zweiten|frühen|späten)\s+Hälfte\s+"
    r"|(?:Anfang|Ende|Mitte|Beginn|Laufe|Verlauf|Wende)\s+)?"
    r"(?:[Ii]m|[Ii]ns|[Dd]es|[Dd]em|[Dd]as|[Vv]om|[Zz]um|(?:[Ss]eit|[Aa]b|[Bb]is\s+zum|[Bb]is\s+ins)\s+dem?)\s+"
    r"(?:(?:frühen|späten|ausgehenden|beginnenden)\s+)?"
    r"|(?:[Ii]n\s+)?the\s+(?:(?:early|late|mid-?)\s*)?"
)


def _century_value(n: int, bc: bool) -> str | None:
    """TIMEX3 centuries: the 19th century is ``18`` (its years are 18xx); before Christ ``BC04``."""
    if not 1 <= n <= 21:
        return None
    return f"{'BC' if bc else ''}{n - 1:02d}"


_CENTURY_NUMBER_LEFT = _before(
    rf"(?P<n>\d\d?)(?:\.|st|nd|rd|th)\s*|(?P<w>{_cased(list(_CENTURY_ORDINALS))})(?:e|en|es|em)\s+")


@_rule(rf"(?:Jahrhundert(?:s|es)?\b|Jh\.|Jhd?t?\.|centur(?:y|ies)\b)(?:\s*{_ERA})?")
def _century(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "im 19. Jahrhundert" ``18``, "des 5. Jahrhunderts v. Chr." ``BC04``, "the 19th century"."""
    num = _left(_CENTURY_NUMBER_LEFT, text, m.start())
    if not num:
        return
    n = int(num["n"]) if num["n"] else _CENTURY_ORDINALS[num["w"].lower()]
    value = _century_value(n, bool(m["bc"]))
    if value is not None:
        left = _left(_CENTURY_LEFT, text, num.start())
        yield _Cand(left.start() if left else num.start(), m.end(), "date", _Fixed(value))


@_rule(rf"(?P<n>\d(?<![\w.,]\d)\d?)\.\s*(?:und|bis|oder|–|-|/)\s*"
       rf"(?:(?:Anfang|Ende|Mitte|Beginn)\s+(?:des|dem)\s+)?(?:(?:frühen|späten)\s+)?\d\d?\.\s*{_CENTURY}"
       rf"(?:\s*{_ERA})?")
def _century_pair(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """The "12." of "im 12. und 13. Jahrhundert" (the second is a century of its own)."""
    value = _century_value(int(m["n"]), bool(m["bc"]))
    if value is not None and _word_start(text, m.start()):
        left = _left(_CENTURY_LEFT, text, m.start())
        yield _Cand(left.start() if left else m.start(), m.start() + len(m["n"]) + 1, "date", _Fixed(value))


_DECADE_WORDS = {"zwanziger": 2, "dreißiger": 3, "vierziger": 4, "fünfziger": 5, "sechziger": 6, "siebziger": 7,
                 "achtziger": 8, "neunziger": 9}


@_rule(rf"(?P<w>{_cased(list(_DECADE_WORDS))})(?:jahren?|-?\s?Jahren?)\b")
def _decade_word(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "der Zwanzigerjahre", "in den zwanziger Jahren", "der 20er Jahre": ``192`` (the 1900s)."""
    if _word_start(text, m.start()):
        left = _left(_DECADE_LEFT, text, m.start())
        yield _Cand(left.start() if left else m.start(), m.end(), "date", _Fixed(f"19{_DECADE_WORDS[m['w'].lower()]}"))


@_rule(r"[1-9]0er(?:jahren?|-?\s?Jahren?)\b")
def _decade_short(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "der 20er Jahre", "50er Jahren": ``192``, ``195`` (the 1900s)."""
    if _word_start(text, m.start()):
        left = _left(_DECADE_LEFT, text, m.start())
        yield _Cand(left.start() if left else m.start(), m.end(), "date", _Fixed(f"19{m.group()[0]}"))


_SEASON_LEFT = _before(
    r"(?:(?:Anfang|Ende|Mitte|Beginn|Laufe|Verlauf)\s+)?(?:im|Im|des|Des|dem|den|zum|vom|seit dem|bis zum|ab dem)\s+"
    r"(?:(?:frühen|späten)\s+)?"
)


@_rule(r"(?P<s>Frühjahr|Frühling|Sommer|Herbst|Winter)s?\b(?!\s+(?:des\s+Jahres\s+)?\d|-)")
def _season_alone(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "im Frühjahr", "Ende des Sommers": the year comes from the text (or the anchor)."""
    left = _left(_SEASON_LEFT, text, m.start())
    if left and _word_start(text, m.start()):
        yield _Cand(left.start(), m.end(), "date", _Date(None, suffix="-" + _SEASONS[m["s"].lower()]))


@_rule(r"(?:Anfang|Ende|Mitte|Beginn|Laufe|Verlauf|Hälfte)\s+(?P<w>des|desselben|jenes)\s+Jahres\b(?!\s+\d)")
def _part_of_year(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "Ende des Jahres", "Mitte desselben Jahres": the year the text speaks of."""
    if _word_start(text, m.start()):
        left = _left(_IM_LEFT, text, m.start())
        start = left.start() if left else m.start()
        meaning = _Date(None) if m["w"] == "des" else _Offset("year", 0)
        yield _Cand(start, m.end(), "date", meaning)


_OFFSET_WORDS = {
    "folgend": 1, "darauffolgend": 1, "darauf folgend": 1, "nachfolgend": 1, "anschließend": 1, "nächst": 1,
    "darauf": 1, "danach": 1, "später": 1, "selb": 0, "gleich": 0, "selbig": 0, "demselb": 0,
    "vorangegangen": -1, "vorhergehend": -1, "vorherig": -1, "zuvor": -1, "davor": -1, "vorher": -1,
    "früher": -1, "following": 1, "next": 1, "same": 0, "previous": -1, "later": 1, "before": -1,
    "earlier": -1,
}


def _offset_sign(word: str) -> int:
    word = word.lower()
    return next(v for k, v in sorted(_OFFSET_WORDS.items(), key=lambda kv: -len(kv[0])) if word.startswith(k))


_FOLLOWING = r"folgenden|darauffolgenden|darauf folgenden|nachfolgenden|anschließenden|selben|gleichen|selbigen"
_OFFSET_UNIT = r"Jahr|Monat|Tag|Woche|Jahrzehnt"


@_rule(rf"(?:im|Im|in|In)\s+(?:de[mn]\s+)?(?P<w>{_FOLLOWING}|demselben|vorangegangenen|vorhergehenden|vorherigen)"
       rf"\s+(?P<u>Jahr|Monat|Jahrzehnt)\b"
       rf"|(?:am|Am|an|An)\s+(?P<w2>{_FOLLOWING}|nächsten|demselben)\s+(?P<u2>Tag)\b"
       rf"|(?:im|Im|am|Am)\s+(?P<u3>Jahr|Monat|Tag)\s+(?P<w3>darauf|danach|zuvor|davor)\b"
       rf"|(?:im|Im)\s+Folge(?P<u4>jahr|monat)\b"
       rf"|(?:tags|Tags)\s+(?P<w5>darauf|zuvor)\b"
       rf"|(?:the|The)\s+(?P<w6>following|next|same|previous)\s+(?P<u6>year|month)\b")
def _offset_named(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "im folgenden Jahr", "im selben Jahr", "am Tag darauf", "tags zuvor", "the following year"."""
    if not _word_start(text, m.start()):
        return
    word = m["w"] or m["w2"] or m["w3"] or m["w5"] or m["w6"] or "folgend"
    unit = m["u"] or m["u2"] or m["u3"] or m["u4"] or m["u6"] or "tag"
    yield _Cand(m.start(), m.end(), "relative", _Offset(_unit(unit), _offset_sign(word)))


_OFFSET_COUNT_LEFT = _before(rf"(?:(?P<n>{NUM_WORD}|\d{{1,3}})|(?P<v>{VAGUE_DURATION}))\s+(?P<u>{UNIT})\s+")


@_rule(r"(?P<dir>später|danach|darauf|zuvor|vorher|früher|davor|later|earlier|before)\b")
def _offset_counted(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "zwei Jahre später" (after "1912": ``1914``), "drei Tage zuvor", "wenige Jahre später" (no value)."""
    left = _left(_OFFSET_COUNT_LEFT, text, m.start())
    if not left:
        return
    n = _count(left["n"]) if left["n"] else None
    sign, unit = _offset_sign(m["dir"]), _unit(left["u"])
    length = _VAGUE_UNITS[unit] if n is None else _ISO_DURATION[unit].format(n)
    yield _Cand(left.start(), m.end(), "relative", _Offset(unit, None if n is None else sign * n, length))


@_rule(rf"(?:{_cased(['damals', 'zu jener Zeit', 'zu dieser Zeit', 'zu der damaligen Zeit', 'zu diesem Zeitpunkt', 'zur damaligen Zeit'])})\b"
       rf"|(?P<vague>(?:{_cased(['kurze', 'einige', 'geraume'])})\s+Zeit\s+(?:später|danach|darauf|zuvor|vorher))")
def _then(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "damals", "zu jener Zeit": the year the text last named; "kurze Zeit später" (no value)."""
    if _word_start(text, m.start()):
        yield _Cand(m.start(), m.end(), "relative", _Offset("year", None if m["vague"] else 0))


@_rule(r"(?:Anfang|Ende|Mitte|Beginn|Wende)\s+(?:des|dieses|jenes)\s+Jahrhunderts\b")
def _part_of_century(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "Ende des Jahrhunderts": the century of the year the text last named (1890: ``18``)."""
    if _word_start(text, m.start()):
        yield _Cand(m.start(), m.end(), "relative", _Offset("century", 0))


@_rule(r"(?:gegenwärtig|Gegenwärtig|heutzutage|Heutzutage)\b")
def _present(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "gegenwärtig": the time of writing, which the text does not date."""
    if _word_start(text, m.start()):
        yield _Cand(m.start(), m.end(), "relative", _Fixed(None))


#: Decades and centuries are counted in years, as ISO 8601 has no unit for them ("sechs Jahrhunderte" ``P600Y``).
@_rule(rf"(?:{_cased(['anderthalb', 'eineinhalb'])})\s+(?P<u>{UNIT})")
def _one_and_a_half(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "anderthalb Stunden" ``PT1H30M``, "eineinhalb Jahre" ``P1.5Y``."""
    if _word_start(text, m.start()):
        unit = _unit(m["u"])
        value = {"hour": "PT1H30M", "minute": "PT1M30S"}.get(unit) or _ISO_DURATION[unit].format("1.5")
        yield _Cand(m.start(), m.end(), "duration", _Fixed(value))


_VAGUE_UNITS = {"year": "PXY", "decade": "PXY", "century": "PXY", "month": "PXM", "week": "PXW", "day": "PXD",
                "hour": "PTXH", "minute": "PTXM", "second": "PTXS"}


_LANG_WORDS = {"jahrelang": "year", "jahrzehntelang": "decade", "jahrhundertelang": "century",
               "monatelang": "month", "wochenlang": "week", "tagelang": "day", "stundenlang": "hour",
               "minutenlang": "minute"}


@_rule(rf"(?P<w>{_cased(list(_LANG_WORDS))})\b")
def _vague_duration(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "jahrzehntelang" ``PXY``, "wochenlang" ``PXW``: TIMEX3's unknown count (more in ``_duration``)."""
    if _word_start(text, m.start()):
        yield _Cand(m.start(), m.end(), "duration", _Fixed(_VAGUE_UNITS[_LANG_WORDS[m["w"].lower()]]))


_ZONE = (r"(?P<zone>\s*\((?:Ortszeit|local time)\)|\s+(?:Ortszeit|MEZ|MESZ|UTC|GMT|CET|CEST|deutscher Zeit"
         r"|(?:mittel)?europäischer (?:Sommer)?zeit|local time|ET|EST|EDT|PT|PST|PDT|BST)\b)?")
_NOUN_OR_NUMBER_AFTER = re.compile(r"\s+[A-ZÄÖÜ\d]")
_LOCAL_AFTER = re.compile(r"\s*\(\s*(?:Ortszeit|local time)\b")
_AT_LEFT = _before(r"(?:um|Um|gegen|Gegen|at|At|around|by)\s+")


def _clock(m: re.Match[str], hour: int, minute: int) -> Iterator[_Cand]:
    if hour > 24 or minute > 59 or (hour == 24 and minute):
        return
    zone = m.groupdict().get("zone") or ""
    local = "Ortszeit" in zone or "local time" in zone or bool(_LOCAL_AFTER.match(m.string, m.end()))
    left = _left(_AT_LEFT, m.string, m.start())
    yield _Cand(left.start() if left else m.start(), m.end(), "time", _Clock(hour, minute), local=local)


@_rule(rf"(?P<h>{HOUR})(?:[.:](?P<mi>[0-5]\d))?\s*Uhr\b"
       rf"(?:\s+(?P<part>morgens|früh|vormittags|mittags|nachmittags|abends|nachts)\b)?{_ZONE}")
def _uhr(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "13.25 Uhr (Ortszeit)", "um 8 Uhr", "8.00 Uhr MEZ", "7 Uhr abends"."""
    hour = int(m["h"])
    if m["part"] in ("nachmittags", "abends") and hour < 12:
        hour += 12
    yield from _clock(m, hour, int(m["mi"] or 0))


@_rule(rf"(?P<h>{HOUR})(?:[.:](?P<mi>[0-5]\d))?(?=\s*(?:bis|-|–)\s*\d\d?(?:[.:][0-5]\d)?\s*Uhr\b)")
def _uhr_range_start(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """The "9" of "von 9 bis 17 Uhr"."""
    yield from _clock(m, int(m["h"]), int(m["mi"] or 0))


@_rule(rf"(?P<h>{HOUR})(?:[.:](?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.m\.|[ap]m\b|[AP]M\b|o'clock\b){_ZONE}")
def _am_pm(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "10:15 am", "3.45pm", "3 p.m. local time"; German "am" only when no noun follows."""
    ap, hour = m["ap"].lower(), int(m["h"])
    german_am = ap == "am" and lang != "en" and _NOUN_OR_NUMBER_AFTER.match(text, m.end("ap"))
    if not 1 <= hour <= 12 or german_am:
        return
    if not ap.startswith("o"):
        hour = hour % 12 + (12 if ap.startswith("p") else 0)
    yield from _clock(m, hour, int(m["mi"] or 0))


@_rule(rf"(?:um|Um|gegen|Gegen|at|At|ab|bis|seit|from|until|since)\s+(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)"
       rf"(?![\d:.]\d){_ZONE}")
def _colon_time(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "um 14:30", "at 14:30" - a colon alone could be a score ("2:1")."""
    if _word_start(text, m.start()):
        yield from _clock(m, int(m["h"]), int(m["mi"]))


@_rule(r"^[ \t]*(?P<h>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)(?=[ \t]*(?:[-–—|:]|\n))", re.MULTILINE)
def _line_time(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """A ticker line opening with a clock time: "14:30 - Trump landet"."""
    yield from _clock(m, int(m["h"]), int(m["mi"]))


@_rule(r"(?P<mi>\d(?<=[–-]\s\d)\d?):(?P<s>[0-5]\d)(?![\d:.,]|\s*(?:Uhr|h)\b)")
def _track_length(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    """ "– 4:26" after a title in a track list: minutes and seconds, ``PT4M26S``."""
    yield _Cand(m.start(), m.end(), "duration", _Fixed(f"PT{int(m['mi'])}M{int(m['s'])}S"))


@_rule(r"(?P<w>Mitternacht|midnight|noon)\b")
def _noon(m: re.Match[str], text: str, lang: str) -> Iterator[_Cand]:
    if _word_start(text, m.start()):
        yield from _clock(m, 12 if m["w"] == "noon" else 0, 0)


_DATELINE = re.compile(
    rf"^[ \t]*[A-ZÄÖÜ][^\n,()]{{1,40}},[ \t]+(?:(?:{WEEKDAY}),?[ \t]+)?"
    rf"(?:(?P<d>[0-3]?\d)\.[ \t]*(?P<m>{MONTH})|(?P<m2>{MONTH})[ \t]+(?P<d2>[0-3]?\d)"
    rf"|(?P<d3>[0-3]?\d)\.(?P<m3>[01]?\d)\.)(?:,?[ \t]*(?P<y>{YEAR}))?[ \t]*\([^()\n]{{2,25}}\)",
    re.MULTILINE,
)
#: Stand-in sentence ends: a period after a lower-case letter or a quote, so that
#: "22. September" and "Donald J. Trump" stay whole
#: (a year may end a sentence: "im Jahr 2018. Danach").
_SENTENCE_BREAK = re.compile(
    r"\n+|(?:(?<=[a-zäöüß)\"“”'»][.!?])|(?<=\d{4}[.!?]))\s+(?=[A-ZÄÖÜ„\"“(])"
)


# --------------------------------------------------------------------------- public


def parse_published(published: str) -> tuple[date, datetime | None]:
    """The date (and clock time, when given) of an ISO 8601 ``published`` value.

    Raises:
        InputError: ``published`` is no ISO 8601 date or date-time.

    Example::

        >>> parse_published("2019-02-28T10:30:00+01:00")[0]
        datetime.date(2019, 2, 28)
    """
    value = published.strip()
    try:
        day = date.fromisoformat(value[:10])
        moment = datetime.fromisoformat(value.replace("Z", "+00:00")) if len(value) > 10 else None
    except ValueError:
        raise InputError(
            f"published {published!r} is not an ISO 8601 date (YYYY-MM-DD or YYYY-MM-DDTHH:MM)",
            source="published",
        ) from None
    return day, moment


def find_times(
    text: str, sentences: Sequence[Sentence], *, published: str | None, language: str | None
) -> tuple[list[TimeExpr], str | None, str | None]:
    """Find and normalise the time expressions of a text.

    Args:
        text: the article text; offsets point into it.
        sentences: its sentences; times take a date from their own sentence.
            When empty, a simple splitter stands in.
        published: ISO 8601 publication date or date-time, the anchor when given.
        language: ISO 639-1 code; decides ambiguous forms ("10 am", "2/3/2019").

    Returns:
        The expressions in text order (none overlap), the anchor date
        (``YYYY-MM-DD``) and where it came from (``published``, ``text``), the
        last two ``None`` when no anchor was found.

    Raises:
        InputError: ``published`` is not an ISO 8601 date.

    Example::

        >>> times, anchor, source = find_times(
        ...     "Hanoi, 28. Februar 2019 (dpa) - Gestern kam Kim an.",
        ...     [], published=None, language="de")
        >>> anchor, source
        ('2019-02-28', 'text')
        >>> [(t.text, t.value, t.anchor) for t in times]
        [('28. Februar 2019', '2019-02-28', None), ('Gestern', '2019-02-27', 'text')]
    """
    lang = (language or "de").lower()
    spans = _Sentences(text, sentences)
    cands = _non_overlapping(c for pattern, rule in _RULES for m in pattern.finditer(text)
                             for c in rule(m, text, lang))
    anchor = _published_anchor(published) if published else _text_anchor(text, cands, spans)
    history = published is None and _history_like(text, cands)
    exprs = _with_dates(_resolve_all(cands, text, anchor, spans, history=history), spans)
    return exprs, (anchor.day.isoformat() if anchor else None), (anchor.source if anchor else None)


# --------------------------------------------------------------------------- internals


class _Sentences:
    """Which sentence a position is in, and the tense that sentence speaks in."""

    def __init__(self, text: str, sentences: Sequence[Sentence]) -> None:
        if sentences:
            bounds = [(s.start, s.end) for s in sentences]
        else:
            bounds, start = [], 0
            for m in _SENTENCE_BREAK.finditer(text):
                bounds.append((start, m.start()))
                start = m.end()
            bounds.append((start, len(text)))
        self.text = text
        self.starts = [b[0] for b in bounds]
        self.ends = [b[1] for b in bounds]
        self._tense: dict[int, str | None] = {}

    def index(self, pos: int) -> int:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i if i >= 0 and pos < self.ends[i] else -1

    def sentence(self, pos: int) -> str:
        i = self.index(pos)
        return self.text[self.starts[i]:self.ends[i]] if i >= 0 else ""

    def tense(self, pos: int) -> str | None:
        """``future`` or ``past`` when the sentence shows only one of them, else None."""
        i = self.index(pos)
        if i not in self._tense:
            sentence = self.text[self.starts[i]:self.ends[i]] if i >= 0 else ""
            future, past = bool(_FUTURE.search(sentence)), bool(_PAST.search(sentence))
            self._tense[i] = "future" if future and not past else "past" if past and not future else None
        return self._tense[i]


def _non_overlapping(cands: Iterator[_Cand]) -> list[_Cand]:
    """The longest candidates that do not overlap, in text order (ties: found first)."""
    ranked = sorted(enumerate(cands), key=lambda ic: (ic[1].start - ic[1].end, ic[0]))
    kept: list[_Cand] = []
    taken: list[tuple[int, int]] = []
    for _, c in ranked:
        i = bisect.bisect_left(taken, (c.start, c.end))
        if (i > 0 and taken[i - 1][1] > c.start) or (i < len(taken) and taken[i][0] < c.end):
            continue
        taken.insert(i, (c.start, c.end))
        kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def _published_anchor(published: str) -> _Anchor:
    day, moment = parse_published(published)
    return _Anchor(day, moment, "published", exact=True)


def _text_anchor(text: str, cands: list[_Cand], spans: _Sentences) -> _Anchor | None:
    reported = [c.meaning.as_date() for c in cands
                if c.report_date and isinstance(c.meaning, _Date) and spans.tense(c.start) != "future"]
    latest = max(reported, default=None)
    m = _DATELINE.search(text, 0, 1000)
    if m:
        day = int(m["d"] or m["d2"] or m["d3"])
        mon = _month(m["m"] or m["m2"]) if (m["m"] or m["m2"]) else int(m["m3"])
        year = int(m["y"]) if m["y"] else (latest.year if latest else None)
        if year and _valid(year, mon, day):
            found = date(year, mon, day)
            if latest and not m["y"] and found < latest:
                found = date(year + 1, mon, day) if _valid(year + 1, mon, day) else found
            return _Anchor(found, None, "text", exact=True)
    return _Anchor(latest, None, "text", exact=False) if latest else None


def _history_like(text: str, cands: list[_Cand]) -> bool:
    """Whether a text without ``published`` reads as history, not news.

    News speak of days around their own ("am Donnerstag", "gestern", "am
    Wochenende") or open with a dateline; history text does neither and jumps
    between years. So: no dateline, no weekday, weekend or day-deictic, and
    either no full date to anchor on or at least three distinct years named.
    """
    if _DATELINE.search(text, 0, 1000):
        return False
    if any(isinstance(c.meaning, (_Weekday, _Weekend))
           or (isinstance(c.meaning, _Shift) and c.meaning.unit == "day" and c.meaning.n) for c in cands):
        return False
    years = {c.meaning.year for c in cands if isinstance(c.meaning, _Date) and c.meaning.year is not None}
    return not any(c.report_date for c in cands) or len(years) >= 3


def _resolve_all(cands: list[_Cand], text: str, anchor: _Anchor | None, spans: _Sentences, *,
                 history: bool) -> list[TimeExpr]:
    """Values in text order, with the date the text last named carried along.

    That date resolves ``_Offset`` ("zwei Jahre später": in news only when it
    stands in the same sentence) and, in history text, dates without a year
    ("am 12. März", "im Frühjahr"), which there take the year last named (or
    the first one named after them) instead of the anchor's.
    """
    named = [(c.start, c.meaning.year) for c in cands if isinstance(c.meaning, _Date) and c.meaning.year is not None]
    last: tuple[_Date, int] | None = None  # the date last named or resolved, and its sentence
    out = []
    for c in cands:
        meaning, sentence = c.meaning, spans.index(c.start)
        value: str | None
        kind = c.kind
        if isinstance(meaning, _Shift) and meaning.n and meaning.n > 0 and c.start < len(text) \
                and text[c.start:c.start + 3].lower() == "in " \
                and ((history and spans.tense(c.start) == "past") or (last is not None and last[1] == sentence)):
            # "Am 7. Juli 2007 fuhr er in 24 Stunden 600 km": "in" of a past or dated event is how
            # long it took, not when from now
            value, anchored, kind = _ISO_DURATION[meaning.unit].format(meaning.n), False, "duration"
        elif history and isinstance(meaning, _Date) and meaning.year is None and meaning.suffix in _SEASON_MONTH \
                and spans.tense(c.start) != "past" and _HABITUAL.search(spans.sentence(c.start)) \
                and not any(spans.index(pos) == sentence for pos, _ in named):
            # "Heute finden im Sommer Gottesdienste statt": every summer, TIMEX3 ``XXXX-SU``
            value, anchored, kind = f"XXXX{meaning.suffix}", False, "set"
        elif history and isinstance(meaning, _Shift) and meaning.unit == "year" and meaning.n in (1, -1) \
                and last is not None and c.start < len(text) and text[c.start:c.start + 3].lower() in ("im ", "des"):
            # "im nächsten Jahr", "im Vorjahr" of a history text: next to the year it last named
            moved = _offset_date(last[0], _Offset("year", meaning.n))
            value, anchored = (_date_value(moved.year or 0, moved), True) if moved else (None, False)
            if moved:
                last = (moved, sentence)
        elif isinstance(meaning, _Offset):
            ref = last[0] if last and (history or last[1] == sentence) else None
            moved = _offset_date(ref, meaning) if ref else None
            value, anchored = (_date_value(moved.year or 0, moved) if moved else None), moved is not None
            if moved and moved.suffix == "century":
                value, moved = f"{(moved.year or 0) // 100:02d}", None
            if moved:
                last = (moved, sentence)
            elif meaning.length:
                value, kind = meaning.length, "duration"
        elif isinstance(meaning, _Date) and meaning.year is None and history and named:
            year = last[0].year if last and last[0].year else next(
                (y for pos, y in named if pos > c.start), named[-1][1])
            dated = replace(meaning, year=year)
            value, anchored = _date_value(year or 0, dated), True
            last = (dated, sentence)
        else:
            value, anchored = _value(c, anchor, spans)
            if isinstance(meaning, _Date) and value and value[:4].isdigit():
                last = (replace(meaning, year=int(value[:4])), sentence)
        out.append(TimeExpr(
            start=c.start, end=c.end, text=text[c.start:c.end], kind=kind, value=value,
            anchor=("text" if history or not anchor else anchor.source) if anchored else None, local=c.local,
        ))
    return out


def _offset_date(ref: _Date, off: _Offset) -> _Date | None:
    """``ref`` moved by ``off``, at the precision of the unit (None when ``ref`` is too coarse)."""
    if off.n is None or ref.year is None:
        return None
    if off.unit == "century":
        return _Date(ref.year, suffix="century")
    if off.unit in ("year", "decade"):
        return _Date(ref.year + off.n * (10 if off.unit == "decade" else 1))
    if off.unit == "month" and ref.month is not None:
        months = ref.year * 12 + ref.month - 1 + off.n
        return _Date(months // 12, months % 12 + 1)
    if off.unit in ("day", "week") and ref.month is not None and ref.day is not None:
        day = ref.as_date() + timedelta(days=off.n * (7 if off.unit == "week" else 1))
        return _Date(day.year, day.month, day.day)
    return None


def _value(c: _Cand, anchor: _Anchor | None, spans: _Sentences) -> tuple[str | None, bool]:
    """The ISO value of a candidate, and whether the anchor went into it."""
    meaning = c.meaning
    if isinstance(meaning, _Fixed):
        return meaning.value, False
    if isinstance(meaning, _Clock):
        return f"T{meaning.hour:02d}:{meaning.minute:02d}", False
    if isinstance(meaning, _Offset):
        return None, False  # resolved in ``_resolve_all`` from the date the text last named
    if isinstance(meaning, _Date) and meaning.year is not None:
        return _date_value(meaning.year, meaning), False
    if anchor is None:
        return None, False
    if isinstance(meaning, _Date):
        return _date_value(_year_for(meaning, anchor.day, spans.tense(c.start)), meaning), True
    if isinstance(meaning, _Weekday):
        return _weekday_date(meaning, anchor, spans.tense(c.start)).isoformat(), True
    if isinstance(meaning, _Weekend):
        return _weekend_value(meaning, anchor.day, spans.tense(c.start)), True
    if meaning.n is None:
        return None, False
    value = _shift(meaning.unit, meaning.n, anchor)
    return value, value is not None


def _date_value(year: int, d: _Date) -> str:
    if d.month is None:
        return f"{year:04d}{d.suffix}"
    if d.day is None:
        return f"{year:04d}-{d.month:02d}"
    return f"{year:04d}-{d.month:02d}-{d.day:02d}"


def _year_for(d: _Date, anchor: date, tense: str | None) -> int:
    """The year of a date given without one: the nearest to the anchor, or the
    nearest on the side the sentence's tense points to."""
    if d.month is None and d.suffix not in _SEASON_MONTH:
        return anchor.year
    month, day = d.month or _SEASON_MONTH[d.suffix], d.day or 15

    def distance(year: int) -> int:
        if not _valid(year, month, day):
            return 10**6  # 29 February in a common year
        days = (date(year, month, day) - anchor).days
        if d.day is None:  # "im Februar" on 28 February is this month, not a side of it
            here, there = (anchor.year, anchor.month), (year, month)
            ahead, behind = there > here, there < here
        else:
            ahead, behind = days > 0, days < 0
        if (tense == "past" and ahead) or (tense == "future" and behind):
            return 10**5 + abs(days)  # the wrong side: only when no year fits the tense
        return abs(days)

    return min((anchor.year, anchor.year - 1, anchor.year + 1), key=distance)


def _weekday_date(w: _Weekday, anchor: _Anchor, tense: str | None) -> date:
    back = (anchor.day.weekday() - w.dow) % 7  # days back to the latest such day, 0..6
    if w.mode == "next":
        return anchor.day + timedelta(days=7 - back if back else 7)
    if w.mode == "last":
        return anchor.day - timedelta(days=back or 7)
    if w.mode == "since":
        return anchor.day - timedelta(days=back)
    if w.mode == "this" or tense == "future" or not anchor.exact:
        return anchor.day + timedelta(days=-back if back <= 3 else 7 - back)
    return anchor.day - timedelta(days=back)


def _weekend_value(w: _Weekend, anchor: date, tense: str | None) -> str:
    on_weekend = anchor.weekday() >= 5
    if w.mode == "next":
        offset = 1 if on_weekend else 0
    elif w.mode == "last":
        offset = -1
    elif tense == "future" or on_weekend:
        offset = 0
    elif tense == "past":
        offset = -1
    else:
        offset = -1 if anchor.weekday() <= 1 else 0
    year, week, _ = (anchor + timedelta(weeks=offset)).isocalendar()
    return f"{year:04d}-W{week:02d}-WE"


def _shift(unit: str, n: int, anchor: _Anchor) -> str | None:
    day = anchor.day
    if unit == "day":
        return (day + timedelta(days=n)).isoformat()
    if unit == "week":
        year, week, _ = (day + timedelta(weeks=n)).isocalendar()
        return f"{year:04d}-W{week:02d}"
    if unit == "month":
        months = day.year * 12 + day.month - 1 + n
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    if unit in ("year", "decade", "century"):
        year = day.year + n * {"year": 1, "decade": 10, "century": 100}[unit]
        if year < 1:
            return None  # "vor 3000 Jahren": before the years ISO 8601 writes plainly
        return f"{year:04d}" if unit == "year" else str(year // (10 if unit == "decade" else 100))
    if anchor.moment is None:  # hours back from a date alone: that day is the best guess
        return day.isoformat()
    seconds = {"hour": 3600, "minute": 60, "second": 1}[unit] * n
    return (anchor.moment + timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M")


_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _with_dates(exprs: list[TimeExpr], spans: _Sentences) -> list[TimeExpr]:
    """Clock times joined with the nearest day-precise date of their sentence."""
    days = [e for e in exprs if e.value and _DAY_VALUE.match(e.value)]
    if not days:
        return exprs
    out = []
    for e in exprs:
        if e.kind == "time" and e.value:
            sentence = spans.index(e.start)
            near = [d for d in days if sentence >= 0 and spans.index(d.start) == sentence]
            if near:
                best = min(near, key=lambda d: abs(d.start - e.start))
                e = replace(e, value=f"{best.value}{e.value}", anchor=best.anchor)
        out.append(e)
    return out
