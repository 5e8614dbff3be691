"""Analyze one article into an ``Analysis``.

Each component adds one layer, in this order (later layers read earlier ones):

1. ``segment``  paragraphs, sentences, tokens, and a language for each
2. ``noise``    boilerplate (teasers, photo credits, embedded tweets) marked
3. ``ticker``   live-ticker entries
4. ``entities`` PER/LOC/ORG/MISC with canonical keys
5. ``quotes``   direct and indirect quotes with speakers
6. ``times``    time expressions normalised against the publication date

Example::

    >>> a = analyze("US-Präsident Donald Trump traf Kim Jong Un am Mittwoch in Hanoi zu einem zweiten Gipfel.")
    >>> a.language
    'de'
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator

from .config import Settings
from .document import Analysis, Article, Entry, TimeExpr
from .errors import AnalysisError, EmptyInput, StorylinkError, UnknownLanguage
from .nlp import entities as _entities
from .nlp import noise as _noise
from .nlp import quotes as _quotes
from .nlp import segment as _segment
from .nlp import ticker as _ticker
from .nlp import times as _times

__all__ = ["ANALYZER_VERSION", "analyze", "pipe"]

#: Bumped whenever a component changes its output, so stored analyses re-run.
ANALYZER_VERSION = "storylink-analyze/8"


def analyze(article: Article | str, *, settings: Settings | None = None) -> Analysis:
    """Analyze an article (or a plain text) into an ``Analysis``.

    Raises:
        EmptyInput: the text has fewer than ``settings.min_chars`` characters.
        UnknownLanguage: no language of ``settings.languages`` was detected.
    """
    settings = settings or Settings()
    if isinstance(article, str):
        article = Article.from_text(article)
    text = article.text
    source = article.origin or article.id
    if len("".join(text.split())) < settings.min_chars:
        raise EmptyInput(
            f"text has fewer than {settings.min_chars} non-space characters", source=source
        )

    language, score = _segment.detect_language(text, tuple(settings.languages))
    if article.language:
        language, score = article.language, 1.0
    elif language is None or score < settings.min_language_score or language not in settings.languages:
        raise UnknownLanguage(
            f"language not recognised (best guess {language!r}, score {score:.2f}); "
            f"supported: {', '.join(settings.languages)}",
            source=source,
        )

    layer = "segment"
    try:
        paragraphs, sentences = _segment.segment(text, language)
        layer = "noise"
        noise = _noise.find_noise(text, paragraphs, sentences)
        layer = "ticker"
        entries = _ticker.find_entries(text, paragraphs)
        layer = "entities"
        entities = _entities.find_entities(text, sentences, language)
        layer = "quotes"
        quotes = _quotes.find_quotes(text, sentences, entities, language)
        layer = "times"
        times, anchor, anchor_source = _times.find_times(
            text, sentences, published=article.published, language=language
        )
    except StorylinkError:
        raise
    except Exception as exc:  # a bug in one layer must not take a batch down; say where it happened
        raise AnalysisError(f"the {layer} layer failed ({type(exc).__name__}: {exc})", source=source) from exc
    return Analysis(
        article_id=article.id,
        analyzer=ANALYZER_VERSION,
        language=language,
        language_score=round(float(score), 4),
        text_length=len(text),
        title=article.title,
        published=article.published,
        anchor_date=anchor,
        anchor_source=anchor_source,
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        noise=tuple(noise),
        entries=tuple(_with_times(entries, times)),
        entities=tuple(entities),
        quotes=tuple(quotes),
        times=tuple(times),
    )


def pipe(
    articles: Iterable[Article], *, settings: Settings | None = None
) -> Iterator[Analysis | Exception]:
    """Analyze many articles; a failing article yields its error, the rest go on."""
    settings = settings or Settings()
    for article in articles:
        try:
            yield analyze(article, settings=settings)
        except Exception as exc:  # noqa: BLE001 - batch work records and goes on
            yield exc


def _with_times(entries: list[Entry], times: list[TimeExpr]) -> list[Entry]:
    return [
        dataclasses.replace(e, times=tuple(t for t in times if e.start <= t.start and t.end <= e.end))
        for e in entries
    ]
