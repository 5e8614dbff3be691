"""Stories over the store: run the online clusterer on stored articles, and list the result.

``cluster_store`` walks the stored articles in publication order (ingest order
when no date is known), skips those already assigned, and commits each batch
of assignments atomically after the vectors it used. A run that is killed and
started again first *replays* the stored assignments into a fresh
``Clusterer`` (no decision is made twice), then goes on: the stories come out
the same as from an uninterrupted run, no article lost or assigned twice.
Each article also gets its compare-model profile (built once, kept in the
store), which turns on the clusterer's second stage; after a replay the
articles still in the window get theirs back before anything is decided.

``list_stories`` resolves merges (the older id survives) and describes each
story: title, size, duplicates, languages, sources, first and last seen.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .config import Settings
from .document import Analysis, Article, Record, published_datetime
from .neardup import Signature
from .store import Store

__all__ = ["Story", "cluster", "cluster_store", "list_stories", "story_from", "story_order", "story_title",
           "published_seconds", "resolve_redirect", "vector_text", "DOC_VECTOR_MODEL", "GENRE_LABELS"]

#: Store key of the whole-text USE vector and MinHash signature of an article.
DOC_VECTOR_MODEL = "cluster-v2"
_MAX_VECTOR_CHARS = 4000  # USE reads a text's head well; the tail adds cost, not signal


@dataclass(frozen=True, slots=True)
class Story(Record):
    id: str
    title: str | None
    size: int
    duplicates: int
    languages: tuple[str, ...]
    sources: tuple[str, ...]
    first_seen: str | None
    last_seen: str | None
    articles: tuple[str, ...] = ()

    def summary(self) -> dict[str, Any]:
        """``to_dict`` without the article ids (the terminal listing)."""
        return {k: v for k, v in self.to_dict().items() if k != "articles"}


def published_seconds(value: str | None) -> float | None:
    """Seconds since the epoch of an ISO date/date-time (naive values taken as UTC)."""
    when = published_datetime(value)
    return None if when is None else when.timestamp()


def vector_text(article: Article) -> str:
    """The text whose USE vector places an article for clustering (title first, head only)."""
    text = article.text
    if article.title and not text.lstrip().startswith(article.title):
        text = f"{article.title}\n{text}"
    return text[:_MAX_VECTOR_CHARS]


def _cluster_arrays(store: Store, articles: list[Article]) -> dict[str, dict[str, np.ndarray]]:
    """Vector + signature per article, from the store or computed (and stored) now."""
    from .neardup import signatures
    from .vectors import encode_use

    by_id = {a.id: a for a in articles}

    def compute(ids: list[str]) -> list[dict[str, np.ndarray]]:
        todo = [by_id[i] for i in ids]
        vectors = encode_use([vector_text(a) for a in todo])
        return [
            {"use": vector.astype(np.float32), "minhash": sig.values, "shingles": np.array([sig.size])}
            for vector, sig in zip(vectors, signatures([a.text for a in todo]))
        ]

    return store.cached_arrays(list(by_id), DOC_VECTOR_MODEL, compute)


def _items(store: Store, articles: list[Article], times: list[float], *, profiles: bool = False,
           analyses: dict[str, Analysis] | None = None) -> list[Any]:
    """Cluster items; with ``profiles`` each carries its compare-model profile (built once, then stored).

    ``analyses`` (by id) spares reading them again when the caller has them."""
    from .cluster import item_from

    arrays = _cluster_arrays(store, articles)
    known = store.get_analyses([a.id for a in articles]) if analyses is None else analyses
    analyses_ = [known.get(a.id) for a in articles]
    found = _profiles(store, articles, analyses_) if profiles else [None] * len(articles)
    items = []
    for article, t, analysis, profile in zip(articles, times, analyses_, found):
        a = arrays[article.id]
        sig = Signature(a["minhash"].astype(np.uint32), int(a["shingles"][0]))
        item = item_from(article.id, t, article.text, analysis, a["use"], sig=sig)
        items.append(dataclasses.replace(item, profile=profile))
    return items


def _profiles(store: Store, articles: list[Article], analyses: list[Analysis | None]) -> list[Any]:
    from .compare import stored_profiles

    return stored_profiles(store, articles, analyses)


def _timeline(articles: list[Article]) -> list[float]:
    """Publication seconds; undated articles (sorted last) take the latest time seen before them."""
    out, latest = [], 0.0
    for article in articles:
        t = published_seconds(article.published)
        if t is None:
            t = latest
        latest = max(latest, t)
        out.append(t)
    return out


def cluster_store(
    store: Store,
    *,
    settings: Settings | None = None,
    batch: int = 32,
    progress: Callable[[int, int], None] | None = None,
    analyze_missing: bool = True,
    profiles: bool = True,
) -> dict[str, int]:
    """Assign every unassigned stored article to a story; returns counts.

    ``profiles`` turns on the clusterer's second stage (the compare model on the
    best candidate stories): each article's profile is built once (e5 and USE
    chunk vectors, the slow part: a few articles per second on two cores) and
    kept in the store. Off, stories rest on whole-text vectors and entity keys
    alone, which scales to streams a profile per article cannot keep up with.

    Safe to kill at any point and run again (see the module docstring). Passes over one
    store never interleave: each holds ``store.clustering_lock()`` (on PostgreSQL an
    advisory lock), and one that waited for it replays what the other assigned."""
    with store.clustering_lock():
        return _cluster_store(store, settings=settings, batch=batch, progress=progress,
                              analyze_missing=analyze_missing, profiles=profiles)


def _cluster_store(store: Store, *, settings: Settings | None, batch: int,
                   progress: Callable[[int, int], None] | None, analyze_missing: bool,
                   profiles: bool) -> dict[str, int]:
    from .analyze import ANALYZER_VERSION, analyze
    from .cluster import Assignment, Clusterer
    from .errors import StorylinkError

    settings = settings or Settings()
    articles = list(store.articles(order="published"))
    times = _timeline(articles)
    clusterer = Clusterer(window_days=settings.story_window_days, second_stage=profiles)
    profiles = clusterer.second is not None  # a model file without a second stage needs no profiles
    done: dict[str, dict[str, Any]] = {row["article_id"]: row for row in store.assignments()}
    counts = {"articles": len(articles), "replayed": 0, "assigned": 0, "new_stories": 0, "duplicates": 0}

    position = {a.id: i for i, a in enumerate(articles)}
    replay = sorted((position[aid], aid) for aid in done if aid in position)
    for i in range(0, len(replay), 256):
        chunk = [articles[p] for p, _ in replay[i : i + 256]]
        for item in _items(store, chunk, [times[position[a.id]] for a in chunk]):
            clusterer.replay(item, Assignment.from_dict(done[item.id]))
            counts["replayed"] += 1
        clusterer.closed.clear()
    if profiles and clusterer.story_of:
        # Replay decides nothing, so it reads no profiles; the articles still in the window get
        # theirs now, and later decisions compare against the same profiles as an unbroken run.
        window = [articles[position[aid]] for aid in clusterer.story_of]
        known = store.get_analyses([a.id for a in window])
        found = _profiles(store, window, [known.get(a.id) for a in window])
        clusterer.attach_profiles({a.id: p for a, p in zip(window, found)})

    todo = [i for i, a in enumerate(articles) if a.id not in done]
    for start in range(0, len(todo), batch):
        chunk = [articles[i] for i in todo[start : start + batch]]
        analyses = store.get_analyses([a.id for a in chunk])
        if analyze_missing:
            for article in chunk:
                if article.id not in analyses or analyses[article.id].analyzer != ANALYZER_VERSION:
                    try:
                        analyses[article.id] = analyze(article, settings=settings)
                        store.put_analysis(analyses[article.id])
                    except StorylinkError:
                        pass  # no analysis: clustered on its vector and signature alone
        rows = []
        items = _items(store, chunk, [times[position[a.id]] for a in chunk], profiles=profiles, analyses=analyses)
        for assignment in clusterer.run(items):
            rows.append(assignment.to_dict())
            counts["assigned"] += 1
            counts["new_stories"] += assignment.new_story
            counts["duplicates"] += assignment.duplicate_of is not None
        store.put_assignments(rows)
        clusterer.closed.clear()  # closed stories are already persisted through their assignments
        if progress:
            progress(counts["replayed"] + counts["assigned"], len(articles))
    return counts


def cluster(
    articles: Iterable[Article | str] = (),
    *,
    store: Store | None = None,
    settings: Settings | None = None,
    profiles: bool | None = None,
) -> list[Story]:
    """Store ``articles`` (texts become ``Article.from_text``), analyse and cluster every
    unassigned stored article, and return the stories of the store (``list_stories``).

    ``store`` defaults to ``open_store(settings)`` (created when absent); ``profiles``
    to ``settings.story_profiles``. Articles whose analysis fails are clustered by their
    text alone, as in ``cluster_store``.

    Example::

        >>> import storylink, tempfile, os
        >>> s = storylink.Settings(db=os.path.join(tempfile.mkdtemp(), "s.db"), story_profiles=False)
        >>> found = storylink.cluster(["Trump traf Kim Jong Un am Mittwoch in Hanoi zum Gipfel.",
        ...                            "Kim Jong Un und Trump trafen sich am Mittwoch in Hanoi zum Gipfel."], settings=s)
        >>> [story.size for story in found]
        [2]
    """
    from .store import open_store

    settings = settings or Settings()
    if store is None:
        with open_store(settings) as own:
            return cluster(articles, store=own, settings=settings, profiles=profiles)
    for item in articles:
        store.put_article(Article.from_text(item) if isinstance(item, str) else item)
    cluster_store(store, settings=settings, profiles=settings.story_profiles if profiles is None else profiles)
    return list_stories(store)


def resolve_redirect(redirects: dict[str, str], story_id: str) -> str:
    """The story an id ends at, following merge redirects (old id -> surviving id)."""
    seen = set()
    while story_id in redirects and story_id not in seen:
        seen.add(story_id)
        story_id = redirects[story_id]
    return story_id


def list_stories(store: Store, *, min_size: int = 1,
                 progress: Callable[[int, int], None] | None = None) -> list[Story]:
    """Stories from the stored assignments, largest first, then by first appearance.

    ``progress(articles read, articles to read)`` is called after each batch read."""
    redirects = store.redirects()
    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in store.assignments():
        members[resolve_redirect(redirects, row["story_id"])].append(row)
    stories = []
    groups = [(story_id, rows) for story_id, rows in members.items() if len(rows) >= min_size]
    total, done = sum(len(rows) for _, rows in groups), 0
    for story_id, rows, arts, langs in _with_articles(store, groups):
        done += len(rows)
        if progress:
            progress(done, total)
        stories.append(story_from(story_id, rows, arts, langs))
    return sorted(stories, key=story_order)


def story_order(story: Story) -> tuple[int, str, str]:
    """The listing order of ``list_stories``: largest first, then by first appearance, then id."""
    return -story.size, story.first_seen or "", story.id


def story_from(story_id: str, rows: Sequence[Mapping[str, Any]], arts: Sequence[Article],
               langs: Mapping[str, str]) -> Story:
    """One story from its assignment rows (in assignment order), its articles and their languages
    (the title: ``story_title``).

    ``list_stories`` calls it per story; the Spark job per group of the same rows."""
    languages = sorted({langs[a.id] for a in arts if a.id in langs})
    dates = sorted(a.published for a in arts if a.published)
    title, _ = story_title(title_candidates(arts, langs))
    return Story(
        id=story_id,
        title=title,
        size=len(rows),
        duplicates=sum(1 for r in rows if r.get("duplicate_of")),
        languages=tuple(languages),
        sources=tuple(sorted({a.source for a in arts if a.source})),
        first_seen=dates[0] if dates else None,
        last_seen=dates[-1] if dates else None,
        articles=tuple(r["article_id"] for r in rows),
    )


#: Headline labels of opinion and format pieces: a story is named by its news, not by a comment on it.
GENRE_LABELS = frozenset("kommentar meinung leitartikel kolumne analyse interview glosse liveticker newsblog live "
                         "ticker opinion comment editorial analysis column".split())
_TITLE_WORD = re.compile(r"[^\W\d_]{4,}")
_TITLE_PREFIX = 6  # "Rostock" and "Rostocker", "Gipfel" and "Gipfeltreffen" meet
#: A title ending in one of these names a format, not the news ("Alle Entwicklungen im Liveticker").
_FORMATS = frozenset("liveticker newsblog ticker liveblog blog live".split())
_FORMAT_WORDS = frozenset(w[:_TITLE_PREFIX] for w in GENRE_LABELS | _FORMATS)  # shared by formats, not news


def title_candidates(arts: Sequence[Article], langs: Mapping[str, str]) -> list[tuple[str, str, str | None]]:
    """``story_title``'s candidates: the articles in publication order (undated last, in the given
    order) as (id, title or first line, language)."""
    order = sorted(range(len(arts)), key=lambda k: (published_seconds(arts[k].published) is None,
                                                    published_seconds(arts[k].published) or 0.0, k))
    return [(arts[k].id, arts[k].title or _first_line(arts[k].text), langs.get(arts[k].id) or arts[k].language)
            for k in order]


def story_title(candidates: Sequence[tuple[str, str, str | None]],
                language: str | None = None) -> tuple[str | None, str | None]:
    """The one rule that names a story, in the listing, the story view and the Spark job: (title, its
    article's id).

    ``candidates`` are the members in publication order as (id, title, language) (``title_candidates``).
    Titles in ``language`` (default: the members' most common language, the earliest on a tie) are
    preferred; among them the most representative wins: the one with the most words (their first
    letters, so "Rostock" meets "Rostocker") that other titles share, so a later report the others
    agree with names the story over a first one they do not; on a tie, the earlier article. A title
    labelled as opinion or format ("Kommentar: …", "Liveticker: …", "… im Newsblog") is taken only
    when no other is there. Titles only: the listing reads no vectors (a whole-text vector per
    member made it 13 times slower).

        >>> story_title([("a", "Liveticker: Gipfel in Hanoi", "de"), ("b", "Trump reist ab", "de"),
        ...              ("c", "Hanoi: Gipfel ohne Einigung", "de"), ("d", "Summit in Hanoi ends", "en")])
        ('Hanoi: Gipfel ohne Einigung', 'c')
    """
    if not candidates:
        return None, None
    languages = [lang for _, _, lang in candidates if lang]
    language = language or (max(languages, key=lambda x: (languages.count(x), -languages.index(x)))
                            if languages else None)
    pool = [c for c in candidates if c[2] == language] or list(candidates)

    def labelled(title: str) -> bool:
        label, colon, _ = title.partition(":")
        last = _TITLE_WORD.findall(title)[-1:]
        return bool(colon) and label.strip().lower() in GENRE_LABELS or bool(last) and last[0].lower() in _FORMATS

    bags = [{w.lower()[:_TITLE_PREFIX] for w in _TITLE_WORD.findall(c[1])} - _FORMAT_WORDS for c in pool]
    df = Counter(w for bag in bags for w in bag)
    shared = [sum(df[w] - 1 for w in bag) for bag in bags]
    best = max(range(len(pool)), key=lambda k: (not labelled(pool[k][1]), shared[k], -k))
    return pool[best][1], pool[best][0]


def _with_articles(store: Store, groups: list[tuple[str, list[dict[str, Any]]]], *, batch: int = 500,
                   ) -> Iterable[tuple[str, list[dict[str, Any]], list[Article], dict[str, str]]]:
    """Each story with its articles and their languages, read a few hundred articles per query."""
    start = 0
    while start < len(groups):
        end, size = start, 0
        while end < len(groups) and (end == start or size + len(groups[end][1]) <= batch):
            size += len(groups[end][1])
            end += 1
        ids = [r["article_id"] for _, rows in groups[start:end] for r in rows]
        found, langs = store.get_articles(ids), store.languages(ids)
        for story_id, rows in groups[start:end]:
            yield story_id, rows, [found[r["article_id"]] for r in rows if r["article_id"] in found], langs
        start = end


def _first_line(text: str, width: int = 90) -> str:
    line = text.strip().split("\n", 1)[0]
    return line if len(line) <= width else line[: width - 1] + "…"
