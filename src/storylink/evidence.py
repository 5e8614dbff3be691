"""Evidence for a comparison: what two articles share, with offsets into both texts.

``find_evidence`` collects five kinds of evidence, each item pointing into
both texts (``a_start``/``a_end`` into A, ``b_start``/``b_end`` into B):

* ``copied_passages``: verbatim and near-verbatim runs of words. Exact
  5-word shingles seed them; seeds on one diagonal make a run; a run grows
  over a changed, dropped or inserted word when the next words agree again;
  runs close to each other merge (a reordered clause). ``copied_share_a/b``
  say how much of each article is copied, ``direction`` which one came
  first when both publication times are known.
* ``quotes``: the same speaker (entity key) quoted alike on both sides,
  verbatim or paraphrased, also across languages (USE cosine of the quote
  sentences, plus word overlap when both articles share a language).
* ``aligned_sentences``: every sentence of A with its closest sentence of B
  and vice versa, above a cosine threshold; a long live ticker and a short
  report align many-to-many.
* ``entities`` and ``places`` (the ``LOC`` subset): shared canonical keys of
  one type with their mentions on each side.
* ``times``: each article's event date (its most frequent day-precise date,
  earlier mention first on ties) and the distance in days.

Sentence vectors are read from a profile's ``sentence_use`` (and quote
vectors from ``quote_use``, rows as ``quote_units`` lists them) when present;
otherwise they are encoded once per article and kept in a small cache, so a
pair of known articles costs numpy and a few dictionary look-ups.

Example::

    >>> t = "Der Verkehr in Vietnams Hauptstadt lag am Donnerstag wegen des Gipfels weitgehend lahm."
    >>> ev = find_evidence(t, None, None, "Chaos in Hanoi. " + t, None, None)
    >>> [(p.a_start, p.a_end, p.b_start, p.words, p.similarity) for p in ev.copied_passages]
    [(0, 86, 16, 13, 1.0)]
    >>> ev.copied_share_a, ev.copied_share_b
    (1.0, 0.8125)
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
import threading
from collections import Counter, OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from rapidfuzz import fuzz

from .document import Analysis, Entity, Record, published_datetime

__all__ = [
    "SharedEntity",
    "DateMention",
    "EventDates",
    "QuoteMatch",
    "CopiedPassage",
    "AlignedSentence",
    "Evidence",
    "copied_passages",
    "find_evidence",
    "quote_units",
    "sentence_units",
    "unit_texts",
]

#: Words per shingle that seed a copied passage.
SHINGLE = 5
#: A copied passage needs this many words; shorter shared runs are names and set phrases
#: ("US-Präsident Donald Trump und Nordkoreas Machthaber Kim Jong Un" is ten).
MIN_PASSAGE_WORDS = 12
#: Words that must agree after a skipped or changed word before a passage grows over it.
CONFIRM_WORDS = 3
#: A shingle seen more often than this in one article (a refrain, a boilerplate line) seeds nothing.
MAX_SHINGLE_REPEATS = 8
#: Sentence pairs at or above this USE cosine are aligned.
ALIGN_THRESHOLD = 0.7
#: Sentences shorter than this (in words) are not aligned: captions, "Fullscreen", bylines.
MIN_SENTENCE_WORDS = 4
#: Quote pairs of one speaker at or above this USE cosine are paraphrases.
QUOTE_THRESHOLD = 0.7
#: ... or at or above this cosine when at least half their words are shared (same language).
QUOTE_OVERLAP_THRESHOLD = 0.55
#: Articles whose unit vectors are cached.
CACHE_ARTICLES = 512

_WORD = re.compile(r"\w+")
_QUOTE_SENT = re.compile(r"(?<=[.!?…])[\"'»«“”’]?\s+")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


# --- records -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SharedEntity(Record):
    """An entity (canonical ``key`` and ``type``) both articles mention.

    The offsets and texts are the first mention on each side; ``a_mentions``
    and ``b_mentions`` list all of them.
    """

    key: str
    type: str
    a_count: int
    b_count: int
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    a_text: str
    b_text: str
    a_mentions: tuple[tuple[int, int], ...] = ()
    b_mentions: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class DateMention(Record):
    """A time expression resolved to a day (``date`` is ``YYYY-MM-DD``)."""

    date: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class EventDates(Record):
    """Each article's event date and how far apart they are.

    ``a_event``/``b_event`` are ``None`` when an article has no time expression
    resolved to a day; the offsets are the first mention of each event date.
    """

    a_event: str | None
    b_event: str | None
    distance_days: int | None
    a_start: int | None = None
    a_end: int | None = None
    b_start: int | None = None
    b_end: int | None = None
    a_dates: tuple[DateMention, ...] = ()
    b_dates: tuple[DateMention, ...] = ()


@dataclass(frozen=True, slots=True)
class QuoteMatch(Record):
    """One speaker quoted alike in both articles.

    The offsets cover the matching sentence of each quote (a long quote is
    matched sentence by sentence). ``similarity`` is the USE cosine;
    ``overlap`` the share of words in common (Dice), ``None`` across languages.
    """

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    a_text: str
    b_text: str
    speaker: str
    similarity: float
    overlap: float | None
    kind: str


@dataclass(frozen=True, slots=True)
class CopiedPassage(Record):
    """A verbatim or near-verbatim passage; ``words`` counts A's words, ``similarity`` is 0..1."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    words: int
    similarity: float


@dataclass(frozen=True, slots=True)
class AlignedSentence(Record):
    """A sentence of A and its counterpart in B (USE cosine ``similarity``)."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    similarity: float


@dataclass(frozen=True, slots=True)
class Evidence(Record):
    """Everything ``find_evidence`` found; see the module docstring."""

    copied_passages: tuple[CopiedPassage, ...] = ()
    copied_share_a: float = 0.0
    copied_share_b: float = 0.0
    direction: str | None = None
    quotes: tuple[QuoteMatch, ...] = ()
    aligned_sentences: tuple[AlignedSentence, ...] = ()
    entities: tuple[SharedEntity, ...] = ()
    places: tuple[SharedEntity, ...] = ()
    times: EventDates | None = None


# --- entry point -------------------------------------------------------------------


def find_evidence(
    a_text: str,
    a: Analysis | None,
    a_profile: Any,
    b_text: str,
    b: Analysis | None,
    b_profile: Any,
    *,
    published_a: str | None = None,
    published_b: str | None = None,
) -> Evidence:
    """The evidence two articles share.

    Args:
        a_text, b_text: the original texts (all offsets point into them).
        a, b: their analyses; ``None`` (language not recognised) leaves only
            copied passages and sentence alignment over text chunks.
        a_profile, b_profile: ``storylink.features.Profile`` or ``None``; their
            ``sentence_use``/``quote_use`` vectors are used when present.
        published_a, published_b: ISO publication times (default: the
            analyses'); the earlier article is the source of copied passages.
    """
    passages, share_a, share_b = copied_passages(a_text, b_text)
    published_a = published_a or (a.published if a else None)
    published_b = published_b or (b.published if b else None)
    return Evidence(
        copied_passages=tuple(passages),
        copied_share_a=share_a,
        copied_share_b=share_b,
        direction=_direction(published_a, published_b) if passages else None,
        quotes=_quote_matches(a, a_profile, b, b_profile),
        aligned_sentences=_aligned_sentences(a_text, a, a_profile, b_text, b, b_profile),
        entities=(shared := _shared_entities(a, b)),
        places=tuple(e for e in shared if e.type == "LOC"),
        times=_event_dates(a, b),
    )


# --- copied passages ---------------------------------------------------------------


@dataclass(frozen=True, slots=True, eq=False)
class _Words:
    """Lower-cased words of a text with offsets and their hashed shingles."""

    tokens: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    shingles: tuple[int, ...]
    index: dict[int, list[int]]


@functools.lru_cache(maxsize=CACHE_ARTICLES)
def _words(text: str) -> _Words:
    matches = list(_WORD.finditer(text))
    tokens = tuple(m.group().lower() for m in matches)
    shingles = tuple(hash(tokens[i:i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))
    index: dict[int, list[int]] = {}
    for i, h in enumerate(shingles):
        index.setdefault(h, []).append(i)
    return _Words(
        tokens=tokens,
        starts=tuple(m.start() for m in matches),
        ends=tuple(m.end() for m in matches),
        shingles=shingles,
        index={h: pos for h, pos in index.items() if len(pos) <= MAX_SHINGLE_REPEATS},
    )


def copied_passages(a_text: str, b_text: str) -> tuple[list[CopiedPassage], float, float]:
    """Verbatim and near-verbatim passages of two texts and the share of each text's words they cover.

    Example::

        >>> a = "eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf"
        >>> b = "null eins zwei drei vier fünf 6 sieben acht neun zehn elf zwölf"
        >>> found, share_a, share_b = copied_passages(a, b)
        >>> [(p.a_start, p.a_end, p.b_start, p.b_end, p.words, p.similarity) for p in found], share_a, share_b
        ([(0, 62, 5, 63, 12, 0.95)], 1.0, 0.9231)
    """
    wa, wb = _words(a_text), _words(b_text)
    passages = _passages(wa, wb)
    return passages, _share(passages, wa, "a"), _share(passages, wb, "b")


def _passages(wa: _Words, wb: _Words) -> list[CopiedPassage]:
    runs = _seed_runs(wa, wb)
    grown = sorted({_grow(wa.tokens, wb.tokens, *r) for r in runs})
    merged = _merge(grown)
    # Longest first, and a passage whose words were already given to a longer one
    # on either side is an echo (a phrase repeated in one article), not a new copy.
    merged.sort(key=lambda r: (-(r[1] - r[0]), r[0]))
    taken_a: list[tuple[int, int]] = []
    taken_b: list[tuple[int, int]] = []
    out = []
    for i0, i1, j0, j1 in merged:
        if i1 - i0 < MIN_PASSAGE_WORDS or j1 - j0 < MIN_PASSAGE_WORDS:
            continue
        if _overlaps(taken_a, i0, i1) or _overlaps(taken_b, j0, j1):
            continue
        taken_a.append((i0, i1))
        taken_b.append((j0, j1))
        sim = fuzz.ratio(" ".join(wa.tokens[i0:i1]), " ".join(wb.tokens[j0:j1])) / 100.0
        out.append(CopiedPassage(
            wa.starts[i0], wa.ends[i1 - 1], wb.starts[j0], wb.ends[j1 - 1], words=i1 - i0, similarity=round(sim, 4)
        ))
    out.sort(key=lambda p: p.a_start)
    return out


def _seed_runs(wa: _Words, wb: _Words) -> list[tuple[int, int, int, int]]:
    """Maximal runs of consecutive shared shingles on one diagonal, as word ranges ``(i0, i1, j0, j1)``."""
    seeds = []
    for i, h in enumerate(wa.shingles):
        if h in wb.index and h in wa.index:
            seeds.extend((j - i, i) for j in wb.index[h])
    seeds.sort()
    runs = []
    k = 0
    while k < len(seeds):
        d, i0 = seeds[k]
        i1 = i0
        while k + 1 < len(seeds) and seeds[k + 1] == (d, i1 + 1):
            k += 1
            i1 += 1
        runs.append((i0, i1 + SHINGLE, i0 + d, i1 + d + SHINGLE))
        k += 1
    return runs


#: Ways to step over a difference: (words skipped in A, words skipped in B).
_SKIPS = ((0, 1), (1, 0), (1, 1), (0, 2), (2, 0), (2, 2), (1, 2), (2, 1))


def _grow(a: Sequence[str], b: Sequence[str], i0: int, i1: int, j0: int, j1: int) -> tuple[int, int, int, int]:
    """Extend a run in both directions over equal words and small confirmed differences."""
    i1, j1 = _grow_right(a, b, i1, j1)
    ra, rb = a[::-1], b[::-1]
    ri, rj = _grow_right(ra, rb, len(a) - i0, len(b) - j0)
    return len(a) - ri, i1, len(b) - rj, j1


def _grow_right(a: Sequence[str], b: Sequence[str], i: int, j: int) -> tuple[int, int]:
    na, nb = len(a), len(b)
    while True:
        while i < na and j < nb and a[i] == b[j]:
            i += 1
            j += 1
        for di, dj in _SKIPS:
            ii, jj = i + di, j + dj
            n = min(CONFIRM_WORDS, na - ii, nb - jj)
            # At a text's end fewer confirming words are enough, but never one alone.
            if n >= 2 and all(a[ii + t] == b[jj + t] for t in range(n)):
                i, j = ii + n, jj + n
                break
        else:
            return i, j


def _merge(runs: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Join runs that touch in both texts and lie near one diagonal (a reordered clause)."""
    gap, shift = CONFIRM_WORDS, 2 * SHINGLE
    out: list[tuple[int, int, int, int]] = []
    for run in runs:
        i0, i1, j0, j1 = run
        for k, (p0, p1, q0, q1) in enumerate(out):
            if i0 <= p1 + gap and j0 <= q1 + gap and j1 >= q0 - gap and abs((j0 - i0) - (q0 - p0)) <= shift:
                out[k] = (min(p0, i0), max(p1, i1), min(q0, j0), max(q1, j1))
                break
        else:
            out.append(run)
    return out


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < e and s < end for s, e in spans)


def _share(passages: list[CopiedPassage], words: _Words, side: str) -> float:
    if not words.tokens or not passages:
        return 0.0
    spans = [(p.a_start, p.a_end) if side == "a" else (p.b_start, p.b_end) for p in passages]
    starts = np.array(words.starts)
    covered = np.zeros(len(starts), dtype=bool)
    for s, e in spans:
        covered |= (starts >= s) & (starts < e)
    return round(float(covered.mean()), 4)


def _direction(published_a: str | None, published_b: str | None) -> str | None:
    ta, tb = published_datetime(published_a), published_datetime(published_b)
    if ta is None or tb is None or ta == tb:
        return None
    return "a→b" if ta < tb else "b→a"


# --- unit vectors ------------------------------------------------------------------


def sentence_units(text: str, analysis: Analysis | None) -> list[tuple[int, int]]:
    """The sentence spans that are aligned: the analysis' sentences (chunks without one).

    A profile's ``sentence_use`` has one row per ``analysis.sentences`` item;
    short sentences and boilerplate are dropped here, after the lookup.
    """
    if analysis is None:
        from .features import chunk_spans

        return chunk_spans(text)
    return [(s.start, s.end) for s in analysis.sentences]


def quote_units(analysis: Analysis | None) -> list[tuple[int, int, int]]:
    """The quote sentences matched across articles, as ``(start, end, quote index)``.

    A long quote is cut at its sentence ends, so one sentence quoted in
    another article still finds its counterpart. A profile's ``quote_use``
    holds one vector per unit, in this order.

    Example::

        >>> from storylink.document import Quote
        >>> q = Quote(10, 34, "Ich bin da. Gehen wir.", "direct")
        >>> a = Analysis("x", "t", "de", 1.0, 40, quotes=(q,))
        >>> quote_units(a)
        [(10, 21, 0), (22, 34, 0)]
    """
    if analysis is None:
        return []
    out = []
    for k, q in enumerate(analysis.quotes):
        pos = 0
        for m in _QUOTE_SENT.finditer(q.text):
            out.append((q.start + pos, q.start + m.start() + len(m.group().rstrip()), k))
            pos = m.end()
        if pos < len(q.text):
            out.append((q.start + pos, q.end, k))
    return out


def unit_texts(analysis: Analysis, units: list[tuple[int, int, int]] | None = None) -> list[str]:
    """The texts of ``quote_units`` (the rows of a profile's ``quote_use``)."""
    quotes = analysis.quotes
    units = quote_units(analysis) if units is None else units
    return [quotes[k].text[s - quotes[k].start:e - quotes[k].start] for s, e, k in units]


_cache: OrderedDict[tuple[Any, ...], np.ndarray] = OrderedDict()
_cache_lock = threading.Lock()


def _vectors(texts: list[str], given: Any) -> np.ndarray:
    """USE vectors of ``texts``: ``given`` when it has one row per text, else encoded once and cached."""
    if given is not None and len(given) == len(texts):
        return np.asarray(given, dtype=np.float32)
    key = tuple(texts)
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    from .vectors import encode_use

    vecs = encode_use(texts)
    with _cache_lock:
        _cache[key] = vecs
        while len(_cache) > 2 * CACHE_ARTICLES:
            _cache.popitem(last=False)
    return vecs


# --- aligned sentences -------------------------------------------------------------


def _aligned_sentences(
    a_text: str, a: Analysis | None, a_profile: Any, b_text: str, b: Analysis | None, b_profile: Any
) -> tuple[AlignedSentence, ...]:
    sa, va = _sentence_matrix(a_text, a, a_profile)
    sb, vb = _sentence_matrix(b_text, b, b_profile)
    if not sa or not sb:
        return ()
    sim = va @ vb.T
    best_b = sim.argmax(axis=1)
    best_a = sim.argmax(axis=0)
    pairs = {(i, int(best_b[i])) for i in range(len(sa))} | {(int(best_a[j]), j) for j in range(len(sb))}
    return tuple(
        AlignedSentence(sa[i][0], sa[i][1], sb[j][0], sb[j][1], similarity=round(float(sim[i, j]), 4))
        for i, j in sorted(pairs)
        if sim[i, j] >= ALIGN_THRESHOLD
    )


def _sentence_matrix(text: str, analysis: Analysis | None, profile: Any) -> tuple[list[tuple[int, int]], np.ndarray]:
    """The alignable sentences and their vectors: the profile's when it has them."""
    if analysis is None and profile is not None and getattr(profile, "use_spans", None) is not None:
        spans = [(int(s), int(e)) for s, e in profile.use_spans]
        vecs = np.asarray(profile.use, dtype=np.float32)
    else:
        spans = sentence_units(text, analysis)
        vecs = _vectors([text[s:e] for s, e in spans], getattr(profile, "sentence_use", None))
    noise = [(n.start, n.end) for n in analysis.noise] if analysis is not None else []
    starts = _words(text).starts
    keep = [
        k for k, (s, e) in enumerate(spans)
        if bisect.bisect_left(starts, e) - bisect.bisect_left(starts, s) >= MIN_SENTENCE_WORDS
        and not _overlaps(noise, s, e)
    ]
    return [spans[k] for k in keep], vecs[keep] if len(vecs) else vecs


# --- quotes ------------------------------------------------------------------------


def _quote_matches(a: Analysis | None, a_profile: Any, b: Analysis | None, b_profile: Any) -> tuple[QuoteMatch, ...]:
    if a is None or b is None:
        return ()
    ua, ub = quote_units(a), quote_units(b)
    speakers_b = {q.speaker for q in b.quotes if q.speaker}
    if not ua or not ub or not any(q.speaker in speakers_b for q in a.quotes):
        return ()
    ta, tb = unit_texts(a, ua), unit_texts(b, ub)
    va = _vectors(ta, getattr(a_profile, "quote_use", None))
    vb = _vectors(tb, getattr(b_profile, "quote_use", None))
    sim = va @ vb.T
    same_language = a.language is not None and a.language == b.language
    words_a = [_WORD.findall(t.lower()) for t in ta]
    words_b = [_WORD.findall(t.lower()) for t in tb]
    # Padded word strings: a quote inside another is a substring of it, found in C.
    flat_a = [f" {' '.join(w)} " for w in words_a]
    flat_b = [f" {' '.join(w)} " for w in words_b]
    speakers = {name: k for k, name in enumerate(speakers_b)}
    ids_a = np.array([speakers.get(a.quotes[k].speaker, -1) for _, _, k in ua])
    ids_b = np.array([speakers[s] if (s := b.quotes[k].speaker) else -2 for _, _, k in ub])
    candidates = []
    for i, j in zip(*np.nonzero(ids_a[:, None] == ids_b[None, :])):
        cos = float(sim[i, j])
        na, nb = len(words_a[i]), len(words_b[j])
        verbatim = min(na, nb) >= 2 and (flat_a[i] in flat_b[j] if na <= nb else flat_b[j] in flat_a[i])
        # A paraphrase needs room to be one: two-word fragments match by chance.
        if not verbatim and (cos < QUOTE_OVERLAP_THRESHOLD or min(na, nb) < 4):
            continue
        overlap = _dice(words_a[i], words_b[j]) if same_language else None
        if verbatim or cos >= QUOTE_THRESHOLD or (overlap is not None and overlap >= 0.5):
            kind = "verbatim" if verbatim else "paraphrase"
            candidates.append((verbatim, cos, int(i), int(j), a.quotes[ua[i][2]].speaker, overlap, kind))
    candidates.sort(key=lambda c: (not c[0], -c[1], c[2], c[3]))
    taken_a: list[tuple[int, int]] = []
    taken_b: list[tuple[int, int]] = []
    out = []
    for _, cos, i, j, speaker, overlap, kind in candidates:
        (a0, a1, _), (b0, b1, _) = ua[i], ub[j]
        # One match per place: a quote nested in a longer one (a direct phrase inside
        # reported speech) must not be reported twice.
        if _overlaps(taken_a, a0, a1) or _overlaps(taken_b, b0, b1):
            continue
        taken_a.append((a0, a1))
        taken_b.append((b0, b1))
        out.append(QuoteMatch(
            a0, a1, b0, b1, ta[i], tb[j], speaker=speaker,
            similarity=round(cos, 4), overlap=None if overlap is None else round(overlap, 4), kind=kind,
        ))
    out.sort(key=lambda m: m.a_start)
    return tuple(out)


def _dice(a: list[str], b: list[str]) -> float:
    if not a or not b:
        return 0.0
    shared = sum((Counter(a) & Counter(b)).values())
    return 2.0 * shared / (len(a) + len(b))


# --- entities and times ------------------------------------------------------------


def _shared_entities(a: Analysis | None, b: Analysis | None) -> tuple[SharedEntity, ...]:
    if a is None or b is None:
        return ()
    by_a = _group(a.entities)
    by_b = _group(b.entities)
    out = []
    for key in by_a.keys() & by_b.keys():
        ma, mb = by_a[key], by_b[key]
        out.append(SharedEntity(
            key=key[0], type=key[1], a_count=len(ma), b_count=len(mb),
            a_start=ma[0].start, a_end=ma[0].end, b_start=mb[0].start, b_end=mb[0].end,
            a_text=ma[0].text, b_text=mb[0].text,
            a_mentions=tuple((e.start, e.end) for e in ma),
            b_mentions=tuple((e.start, e.end) for e in mb),
        ))
    out.sort(key=lambda e: (-(e.a_count + e.b_count), e.key))
    return tuple(out)


def _group(entities: Sequence[Entity]) -> dict[tuple[str, str], list[Entity]]:
    out: dict[tuple[str, str], list[Entity]] = {}
    for e in sorted(entities, key=lambda e: e.start):
        out.setdefault((e.key, e.type), []).append(e)
    return out


def _event_dates(a: Analysis | None, b: Analysis | None) -> EventDates | None:
    if a is None or b is None:
        return None
    da, db = _dates(a), _dates(b)
    if not da and not db:
        return None
    ea, eb = _event(da), _event(db)
    days = None
    if ea and eb:
        days = abs((dt.date.fromisoformat(ea.date) - dt.date.fromisoformat(eb.date)).days)
    return EventDates(
        a_event=ea.date if ea else None, b_event=eb.date if eb else None, distance_days=days,
        a_start=ea.start if ea else None, a_end=ea.end if ea else None,
        b_start=eb.start if eb else None, b_end=eb.end if eb else None,
        a_dates=tuple(da), b_dates=tuple(db),
    )


def _dates(analysis: Analysis) -> list[DateMention]:
    out = []
    for t in sorted(analysis.times, key=lambda t: t.start):
        if t.value and t.kind not in ("duration", "set") and _ISO_DAY.match(t.value):
            try:
                dt.date.fromisoformat(t.value[:10])
            except ValueError:
                continue
            out.append(DateMention(t.value[:10], t.start, t.end, t.text))
    return out


def _event(dates: list[DateMention]) -> DateMention | None:
    """The most often named day; on ties the one named first (the lead tells the event)."""
    if not dates:
        return None
    counts = Counter(d.date for d in dates)
    best = max(counts.values())
    return next(d for d in dates if counts[d.date] == best)

