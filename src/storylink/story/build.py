"""``story``: the view of one stored story, read from stored data.

The view reads what clustering stored: assignments and redirects, articles, the
current analyses and the USE vectors of sentences and quotes (from the
article's compare profile, else encoded once and kept in the store under
``STORY_UNITS_MODEL``). It never analyses a stored article again, except one
whose analysis is missing or made by an older analyzer: that one is analysed
now, stored, and named in ``notes``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

import numpy as np

from ..config import Settings
from ..document import Analysis, Article, published_datetime
from ..errors import NotFound, StorylinkError
from ..evidence import quote_units, unit_texts
from ..store import Store, StoredAssignment, open_store
from ..stories import DOC_VECTOR_MODEL, resolve_redirect, story_title, title_candidates
from .inputs import MemberData
from .model import HistoryEvent, Member, StoryEntity, StoryView
from .names import display_name, person_aliases
from .reuse import reuse_edges
from .statements import build_quotes
from .summary import build_summary
from .timeline import build_timeline

__all__ = ["story", "resolve_story", "STORY_UNITS_MODEL", "DEFAULT_LIMIT", "COPY_SHARE", "TRANSLATION_COS"]

#: Store key of the sentence and quote vectors a story view reads (with the analyzer version).
STORY_UNITS_MODEL = "story-units-v1"
#: Members a view is built from at most; larger stories are paged (``offset``).
DEFAULT_LIMIT = 500
#: A member this much of whose text an earlier member already published is a copy.
COPY_SHARE = 0.8
#: Whole-text USE cosine above which a member in another language translates an earlier one.
TRANSLATION_COS = 0.85
MAX_ENTITIES = 40


def resolve_story(store: Store, ref: str) -> tuple[str, str | None]:
    """(story id, old id it redirected from) for a story id, an old merged id or a member
    article id (or unique prefix).

    Raises:
        NotFound: no such story, or the article is stored but not clustered yet.
    """
    redirects = store.redirects()
    candidates = [ref] if ref.startswith("s:") else []
    if not ref.startswith("s:"):
        try:
            article_id = store.resolve_id(ref)
        except NotFound:
            article_id = None
        if article_id is not None:
            row = store.assignment_of(article_id)
            if row is None:
                raise NotFound("the article is stored but not in a story yet (run storylink cluster)", source=ref)
            return resolve_redirect(redirects, row["story_id"]), None
        candidates = [f"s:{ref}"]
    for story_id in candidates:
        final = resolve_redirect(redirects, story_id)
        if store.story_assignments([story_id]) or final != story_id:
            return final, story_id if final != story_id else None
    raise NotFound("no such story or article in the store", source=ref)


def _story_rows(store: Store, story_id: str) -> list[StoredAssignment]:
    redirects = store.redirects()
    ids = [story_id] + [old for old in redirects if resolve_redirect(redirects, old) == story_id]
    return store.story_assignments(ids)


def story(
    ref: str,
    *,
    store: Store | None = None,
    settings: Settings | None = None,
    language: str | None = None,
    offset: int = 0,
    limit: int = DEFAULT_LIMIT,
) -> StoryView:
    """The view of the story ``ref`` names: a story id (``s:…``), an old merged story id,
    or any member's article id or unique id prefix.

    Args:
        store: the store to read (default: ``open_store(settings)``, which must exist).
        language: the summary's language (default: the story's dominant language).
        offset, limit: the members (in publication order) the view is built from.

    Raises:
        NotFound: no such story or article; ``offset`` past the story's end.
        StoreError: the store cannot be opened.

    Example::

        >>> import storylink, tempfile, os
        >>> db = os.path.join(tempfile.mkdtemp(), "s.db")
        >>> texts = ["Trump traf Kim Jong Un in Hanoi. Der Gipfel endete am Donnerstag ohne Einigung.",
        ...          "Trump und Kim Jong Un trafen sich in Hanoi. Der Gipfel endete ohne Einigung, sagte ein Sprecher."]
        >>> stories = storylink.cluster(texts, settings=storylink.Settings(db=db))
        >>> view = storylink.story(stories[0].id, settings=storylink.Settings(db=db))
        >>> view.size, [s.article_id for s in view.sources] == list(stories[0].articles)
        (2, True)
    """
    settings = settings or Settings()
    if offset < 0 or limit < 1:
        raise NotFound(f"offset must be >= 0 and limit >= 1, got {offset} and {limit}", source=ref)
    if store is None:
        with open_store(settings, create=False) as own:
            return story(ref, store=own, settings=settings, language=language, offset=offset, limit=limit)
    story_id, redirected_from = resolve_story(store, ref)
    rows = _story_rows(store, story_id)
    if not rows:
        raise NotFound("the story has no articles (they were deleted)", source=ref)
    seq_of = {r["article_id"]: r["seq"] for r in rows}
    published = store.published(list(seq_of))
    order = sorted(seq_of, key=lambda i: (_sort_time(published.get(i)), seq_of[i]))
    if offset >= len(order):
        raise NotFound(f"offset {offset} is past the story's {len(order)} articles", source=ref)
    page = order[offset:offset + limit]
    notes: list[str] = []
    if len(order) > len(page):
        notes.append(f"articles {offset + 1}-{offset + len(page)} of {len(order)} shown (offset, limit)")
    members = _members(store, page, {r["article_id"]: r for r in rows}, settings, notes)
    langs = [m.language for m in members if m.language]
    dominant = Counter(langs).most_common(1)[0][0] if langs else None
    target = language or dominant
    edges = reuse_edges([m.id for m in members], [m.article.text for m in members],
                        [m.article.published for m in members])
    all_langs = store.languages(order) if len(order) > len(page) else {m.id: m.language for m in members}
    # Named as the listing names it (``stories.story_title``), from every member, not this page's.
    everyone = [m.article for m in members] if len(order) == len(page) else \
        [a for a in map(store.get_articles(order).get, order) if a is not None]
    title, title_article = story_title(title_candidates(everyone, all_langs), language)
    aliases = person_aliases({e.key for m in members if m.analysis for e in m.analysis.entities if e.type == "PER"}
                             | {q.speaker for m in members if m.analysis for q in m.analysis.quotes if q.speaker})
    dates = sorted((d for d in published.values() if d), key=_sort_time)
    return StoryView(
        id=story_id,
        requested=ref,
        title=title,
        title_article=title_article,
        language=target,
        languages=tuple(sorted({lang for lang in all_langs.values() if lang})),
        size=len(order),
        duplicates=sum(1 for r in rows if r.get("duplicate_of")),
        first_seen=dates[0] if dates else None,
        last_seen=dates[-1] if dates else None,
        offset=offset,
        limit=limit,
        summary=build_summary(members, target),
        timeline=build_timeline(members),
        quotes=build_quotes(members, aliases),
        sources=_sources(store, members, edges),
        reuse=edges,
        entities=_entities(members, aliases),
        history=_history(story_id, redirected_from, rows, published),
        notes=tuple(notes),
    )


def _sort_time(published: str | None) -> float:
    when = published_datetime(published)
    return when.timestamp() if when else float("inf")


def _members(store: Store, ids: list[str], rows: dict[str, StoredAssignment], settings: Settings,
             notes: list[str]) -> list[MemberData]:
    from ..analyze import ANALYZER_VERSION, analyze

    articles = store.get_articles(ids)
    analyses: dict[str, Analysis | None] = dict(store.get_analyses(ids, analyzer=ANALYZER_VERSION))
    reanalysed = set()
    for article_id in ids:
        if article_id in analyses:
            continue
        older = store.get_analysis(article_id)
        why = "missing" if older is None else f"made by {older.analyzer}"
        try:
            analyses[article_id] = analyze(articles[article_id], settings=settings)
            store.put_analysis(analyses[article_id])  # type: ignore[arg-type]
            reanalysed.add(article_id)
            notes.append(f"{article_id}: analysis {why}, analysed again and stored")
        except StorylinkError as exc:
            analyses[article_id] = None
            notes.append(f"{article_id}: analysis {why} and none possible ({exc.message})")
    units = _units(store, [articles[i] for i in ids], [analyses[i] for i in ids])
    out = []
    for position, article_id in enumerate(ids):
        sentence_use, quote_use = units.get(article_id, (None, None))
        out.append(MemberData(article=articles[article_id], analysis=analyses[article_id],
                              assignment=rows[article_id], position=position,
                              sentence_use=sentence_use, quote_use=quote_use,
                              reanalysed=article_id in reanalysed))
    return out


def _units(store: Store, articles: list[Article], analyses: list[Analysis | None]
           ) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Sentence and quote-unit vectors per member: stored, or taken from the compare
    profile, or encoded now; the missing ones are stored for the next view."""
    from ..analyze import ANALYZER_VERSION
    from ..compare import PROFILE_MODEL

    model = f"{STORY_UNITS_MODEL}+{ANALYZER_VERSION}"
    with_analysis = [(a, an) for a, an in zip(articles, analyses) if an is not None]
    found = store.get_arrays([a.id for a, _ in with_analysis], model)
    missing = [(a, an) for a, an in with_analysis if a.id not in found]
    if missing:
        profiles = store.get_arrays([a.id for a, _ in missing], f"{PROFILE_MODEL}+{ANALYZER_VERSION}")
        to_encode: list[tuple[Article, Analysis]] = []
        for a, an in missing:
            p = profiles.get(a.id, {})
            if "sentence_use" in p and "quote_use" in p:
                found[a.id] = {"sentence_use": p["sentence_use"], "quote_use": p["quote_use"]}
            else:
                to_encode.append((a, an))
        found.update(_encode(to_encode))
        for a, _ in missing:
            store.put_arrays(a.id, model, found[a.id])
    return {i: (v["sentence_use"].astype(np.float32), v["quote_use"].astype(np.float32)) for i, v in found.items()}


def _encode(items: list[tuple[Article, Analysis]]) -> dict[str, dict[str, np.ndarray]]:
    from ..vectors import encode_use

    texts: list[str] = []
    spans: list[tuple[str, int, int]] = []
    for article, analysis in items:
        sentences = [s.text for s in analysis.sentences]
        quotes = unit_texts(analysis, quote_units(analysis))
        spans.append((article.id, len(sentences), len(quotes)))
        texts.extend(sentences + quotes)
    vectors = encode_use(texts) if texts else np.zeros((0, 512), dtype=np.float32)
    out, pos = {}, 0
    for article_id, n_sent, n_quote in spans:
        out[article_id] = {"sentence_use": vectors[pos:pos + n_sent],
                           "quote_use": vectors[pos + n_sent:pos + n_sent + n_quote]}
        pos += n_sent + n_quote
    return out


def _sources(store: Store, members: Sequence[MemberData], edges: Sequence[Any]) -> tuple[Member, ...]:
    copied_from = {}
    for e in edges:
        if e.direction and e.share_target >= COPY_SHARE:
            copied_from.setdefault(e.target, e.source)
    vectors = {k: v["use"] for k, v in store.get_arrays([m.id for m in members], DOC_VECTOR_MODEL).items()
               if "use" in v}
    out = []
    seen_outlets: dict[str, str] = {}
    for k, m in enumerate(members):
        a = m.article
        duplicate_of = m.assignment.get("duplicate_of")
        copy_of = duplicate_of or copied_from.get(a.id)
        update_of = None
        key = a.url or a.source
        if a.source and a.source in seen_outlets:
            update_of = seen_outlets[a.source]
        translation_of = None
        if m.language and a.id in vectors:
            for earlier in members[:k]:
                if earlier.language and earlier.language != m.language and earlier.id in vectors \
                        and float(vectors[a.id] @ vectors[earlier.id]) >= TRANSLATION_COS:
                    translation_of = earlier.id
                    break
        role = ("copy" if copy_of else "translation" if translation_of else "update" if update_of else "original")
        if key and a.source:
            seen_outlets.setdefault(a.source, a.id)
        out.append(Member(
            article_id=a.id, title=a.title, source=a.source, url=a.url, language=m.language,
            published=a.published, length=len(a.text), role=role, duplicate_of=duplicate_of, copy_of=copy_of,
            update_of=update_of, translation_of=translation_of,
            analysis="missing" if m.analysis is None else "reanalysed" if m.reanalysed else "stored",
        ))
    return tuple(out)


def _entities(members: Sequence[MemberData], aliases: dict[str, str]) -> tuple[StoryEntity, ...]:
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    forms: dict[tuple[str, str], list[str]] = defaultdict(list)
    for m in members:
        if m.analysis is None:
            continue
        for e in m.analysis.entities:
            key = aliases.get(e.key, e.key) if e.type == "PER" else e.key
            counts[(key, e.type)][m.id] += 1
            forms[(key, e.type)].append(e.text)
    ranked = sorted(counts, key=lambda k: (-len(counts[k]), -sum(counts[k].values()), k))
    return tuple(StoryEntity(
        key=key, type=etype, name=display_name(forms[(key, etype)], etype),
        mentions=sum(counts[(key, etype)].values()), sources=len(counts[(key, etype)]),
        by_source=dict(counts[(key, etype)]),
    ) for key, etype in ranked[:MAX_ENTITIES])


def _history(story_id: str, redirected_from: str | None, rows: list[StoredAssignment],
             published: dict[str, str | None]) -> tuple[HistoryEvent, ...]:
    out = []
    first = story_id[2:] if story_id.startswith("s:") else story_id
    out.append(HistoryEvent("opened", story_id, article_id=first, at=published.get(first)))
    for row in rows:
        for old in row.get("merged", ()):
            out.append(HistoryEvent("merged", old, article_id=row["article_id"], at=published.get(row["article_id"])))
    if redirected_from:
        out.append(HistoryEvent("redirected", redirected_from))
    return tuple(out)
