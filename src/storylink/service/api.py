"""The JSON API under ``/api``; every document is the matching ``to_dict()`` (as the CLI's ``--json``).

Each route wraps a stage function or a store method; none computes a stage itself.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, Field

from .. import __version__
from ..analyze import ANALYZER_VERSION
from ..document import Article, published_datetime
from ..errors import (
    EmptyInput,
    EncodingError,
    InputError,
    MalformedRecord,
    NotFound,
    StorylinkError,
    TooLarge,
    UnsupportedType,
)
from ..ingest import article_from_record, read_jsonl_stream
from ..stories import resolve_redirect
from . import keys
from .app import Service, service_of
from .errors import error_body, status_of
from .index import Filters

__all__ = ["router", "article_document", "compare_refs", "story_page", "story_document", "story_entry", "merged_into"]

router = APIRouter(prefix="/api")

_JSON_TYPES = ("application/json",)
_NDJSON_TYPES = ("application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines")
_MAX_PAGE = 100
#: Past any store's size and inside SQLite's 64-bit integers: a larger offset is a 422, not an overflow.
_MAX_OFFSET = 10**9


def offset_query() -> Any:
    """The ``offset`` query parameter every paged route takes."""
    return Query(0, ge=0, le=_MAX_OFFSET, description="items to skip")


def json_response(doc: Any, status_code: int = 200) -> Response:
    """``doc`` encoded once, as it is: FastAPI's own encoder walks every value first (1 ms for a page
    of 20 stories, five times the work of finding them)."""
    return Response(json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
                    status_code=status_code, media_type="application/json")


# The key dependencies and the hot reads (the story list, a cached story view) are coroutines: a
# plain ``def`` runs in the thread pool, and handing every request to a thread and back costs more
# than the work itself (each hand-off waits for the GIL; a server process then idles at 245 reads/s
# while its threads queue for it). What may take long (building a view, a search) still goes to a thread.


async def reader(request: Request) -> str | None:
    """Dependency of every read: a key only when ``read_key_required`` is set (from a header, or the
    cookie the web pages' key form sets)."""
    service = service_of(request)
    key = keys.key_from_headers(request.headers) or request.cookies.get(keys.COOKIE) or None
    return keys.authorize(key, store=service.store, settings=service.settings,
                          write=False, where=f"{request.method} {request.url.path}")


async def writer(request: Request) -> str | None:
    service = service_of(request)
    return keys.authorize(keys.key_from_headers(request.headers), store=service.store, settings=service.settings,
                          write=True, where=f"{request.method} {request.url.path}")


# -- articles --------------------------------------------------------------------------------


async def _body(request: Request, limit: int) -> bytes:
    """The request body, refused as soon as it passes ``limit`` (never read whole first)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise TooLarge(f"body of {int(declared):,} bytes is over the limit of {limit:,} (setting max_body_bytes)",
                       source="body")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise TooLarge(f"body is over the limit of {limit:,} bytes (setting max_body_bytes)", source="body")
        chunks.append(chunk)
    return b"".join(chunks)


def _records(body: bytes, media: str, service: Service) -> list[Article | InputError]:
    """The articles of a body (JSON object or list, or JSONL), an error in place of each bad record."""
    settings = service.settings
    if not body.strip():
        raise EmptyInput("empty body; post an article object, a list of them, or JSONL records", source="body")
    if media in _NDJSON_TYPES:
        return list(read_jsonl_stream([body], source="body", settings=settings))
    try:
        value = json.loads(body.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise EncodingError(f"JSON must be UTF-8 ({exc.reason} at byte {exc.start})", source="body") from None
    except json.JSONDecodeError as exc:
        raise MalformedRecord(f"invalid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})",
                              source="body") from None
    if isinstance(value, dict):
        items, label = [value], lambda i: "body"
    elif isinstance(value, list):
        items, label = value, lambda i: f"body[{i}]"
    else:
        raise MalformedRecord(f"expected an article object or a list of them, got {type(value).__name__}",
                              source="body")
    if not items:
        raise EmptyInput("an empty list; nothing to store", source="body")
    out: list[Article | InputError] = []
    for i, record in enumerate(items):
        try:
            text = record.get("text") if isinstance(record, dict) else None
            if isinstance(text, str) and len(text.encode("utf-8")) > settings.max_bytes:
                raise TooLarge(f"record is over the limit of {settings.max_bytes:,} bytes (setting max_bytes)",
                               source=label(i))
            out.append(article_from_record(record, source=label(i)))
        except InputError as exc:
            out.append(exc)
    return out


def _error_dict(exc: StorylinkError) -> dict[str, Any]:
    return error_body(exc.code, exc.message, exc.source)["error"]


def _states(service: Service, ids: list[str]) -> dict[str, dict[str, Any]]:
    store = service.store
    states = store.article_states(ids, analyzer=ANALYZER_VERSION)
    redirects = store.redirects()
    for state in states.values():
        if state["story"] is not None:
            state["story"] = resolve_redirect(redirects, state["story"])
    return states


def _store_records(service: Service, items: list[Article | InputError]) -> tuple[int, dict[str, Any]]:
    articles = [dataclasses.replace(x, origin="api") for x in items if isinstance(x, Article)]
    problems = [x for x in items if not isinstance(x, Article)]
    if not articles:
        first = problems[0]
        body = error_body(first.code, first.message, first.source)
        if len(problems) > 1:
            body["errors"] = [_error_dict(p) for p in problems]
            body["error"]["message"] += f" (and {len(problems) - 1} more record(s) refused; see errors)"
        return status_of(first), body
    outcomes = service.store.put_articles(articles)  # one durable transaction: acknowledged means on disk
    states = _states(service, [a.id for a in articles])
    counts = {"inserted": 0, "updated": 0, "unchanged": 0}
    rows = []
    if "updated" in outcomes:
        service.story_views.clear()  # a member's text changed in place: its story's view is stale
    for article, outcome, item in zip(articles, outcomes, [x for x in items if isinstance(x, Article)]):
        counts[outcome] += 1
        rows.append({"id": article.id, "input": item.origin, "stored": outcome} | states.get(article.id, {}))
    # No wake-up call: the worker process polls the store and sees these within a fraction of a second.
    return 202, {"accepted": len(articles), **counts, "failed": len(problems), "articles": rows,
                 "errors": [_error_dict(p) for p in problems]}


@router.post("/articles", status_code=202, summary="Store articles (analysed and clustered in the background)",
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/json": {"schema": {"oneOf": [{"type": "object"}, {"type": "array"}]}},
                 "application/x-ndjson": {"schema": {"type": "string"}}}}})
async def post_articles(request: Request, _key: str | None = Depends(writer)) -> JSONResponse:
    """One article (a JSON object as a JSONL record: ``text``, optional ``id``, ``title``, ``url``,
    ``source``, ``published``, ``language``, ``author``), a JSON list of them, or an
    ``application/x-ndjson`` body of JSONL records. Answers 202 once the articles are committed,
    with each one's id and status; a bad record is listed in ``errors`` and the rest are stored."""
    service = service_of(request)
    media = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media not in _JSON_TYPES + _NDJSON_TYPES:
        raise UnsupportedType(
            f"content type {media or '(none)'!r} not accepted; use application/json (an article or a list) "
            "or application/x-ndjson (JSONL records)", source="Content-Type")
    body = await _body(request, service.settings.max_body_bytes)
    items = await run_in_threadpool(_records, body, media, service)
    status, document = await run_in_threadpool(_store_records, service, items)
    return JSONResponse(document, status_code=status)


def article_document(service: Service, ref: str) -> dict[str, Any]:
    """``{"article": Article.to_dict(), "status", "reason", "story"}`` of an id or unique prefix."""
    store = service.store
    article = store.get_article(store.resolve_id(ref))
    return {"article": article.to_dict()} | _states(service, [article.id]).get(
        article.id, {"status": "stored", "reason": None, "story": None})


@router.get("/articles/{article_id}", summary="An article with its status and story")
def get_article(article_id: str, request: Request, _key: str | None = Depends(reader)) -> dict[str, Any]:
    return article_document(service_of(request), article_id)


@router.delete("/articles/{article_id}", summary="Delete an article with its analyses and story place")
def delete_article(article_id: str, request: Request, _key: str | None = Depends(writer)) -> dict[str, Any]:
    service = service_of(request)
    service.store.delete_article(article_id)  # the full id: a prefix is too loose for a delete
    return {"deleted": article_id}


def stored_analysis(service: Service, ref: str) -> Any:
    """The stored analysis of an article (``None`` with its state when there is none yet)."""
    store = service.store
    article_id = store.resolve_id(ref)
    analysis = store.get_analysis(article_id, analyzer=ANALYZER_VERSION) or store.get_analysis(article_id)
    return article_id, analysis


@router.get("/articles/{article_id}/analysis", summary="The article's analysis (as storylink analyze --json)")
def get_analysis(article_id: str, request: Request, _key: str | None = Depends(reader)) -> Any:
    service = service_of(request)
    full_id, analysis = stored_analysis(service, article_id)
    if analysis is not None:
        return analysis.to_dict()
    state = _states(service, [full_id])[full_id]
    if state["status"] == "failed":
        return JSONResponse(error_body("analysis_failed", state["reason"], full_id), status_code=422)
    return JSONResponse(error_body("not_ready", f"not analysed yet (status {state['status']}); try again shortly",
                                   full_id), status_code=409)


# -- stories ---------------------------------------------------------------------------------


def _date(value: str | None, name: str) -> str | None:
    if value is not None and published_datetime(value) is None:
        raise InputError(f"not an ISO 8601 date or date-time: {value!r}", source=name)
    return value


def story_page(service: Service, *, offset: int, limit: int, since: str | None, until: str | None,
               language: str | None, source: str | None, q: str | None) -> dict[str, Any]:
    # An empty field of the page's filter form means "any", as an absent parameter does.
    filters = Filters(since=_date(since or None, "since"), until=_date(until or None, "until"), language=language or None,
                      source=source or None, q=(q or "").strip() or None)
    return service.index.page(service.store, filters, offset=offset, limit=limit).to_dict()


@router.get("/stories", summary="Stories, newest first (as storylink stories --json, paged and filtered)")
async def get_stories(request: Request, offset: int = offset_query(), limit: int = Query(20, ge=1, le=_MAX_PAGE),
                since: str | None = Query(None, description="last seen at or after (ISO 8601)"),
                until: str | None = Query(None, description="first seen at or before (ISO 8601)"),
                language: str | None = None, source: str | None = None,
                q: str | None = Query(None, description="words its articles hold (full-text search)"),
                _key: str | None = Depends(reader)) -> Any:
    page = functools.partial(story_page, service_of(request), offset=offset, limit=limit, since=since, until=until,
                             language=language, source=source, q=q)
    doc = await run_in_threadpool(page) if (q or "").strip() else page()  # a search may take a while
    return json_response(doc)


def story_document(service: Service, ref: str, *, offset: int = 0, limit: int | None = None,
                   language: str | None = None) -> dict[str, Any]:
    """``storylink.story.story(ref).to_dict()``: the story view (as ``storylink story ID --json``), kept
    in memory until the story's members change (see ``Service.story_views``)."""
    return story_entry(service, ref, offset=offset, limit=limit, language=language)[0]


def story_entry(service: Service, ref: str, *, offset: int = 0, limit: int | None = None,
                language: str | None = None, redirects: dict[str, str] | None = None) -> tuple[dict[str, Any], bytes]:
    """``story_document`` with its JSON encoding (``redirects``: the store's, when the caller has read them).

    While a changed story's view is rebuilt by one request, others get the view it replaces (``_Views``)."""
    key, name, build = story_request(service, ref, offset=offset, limit=limit, language=language, redirects=redirects)
    return service.story_views.get(key, build, name=name)


def story_request(service: Service, ref: str, *, offset: int = 0, limit: int | None = None,
                  language: str | None = None, redirects: dict[str, str] | None = None) -> tuple[Any, Any, Any]:
    """What the cache knows a story view by: ``(key, name, build)`` for ``Service.story_views.get``.

    A story id costs two small reads (the redirects and the members' ``(seq, id)``); a member
    article's id takes ``resolve_story``'s longer way. ``build`` opens its own thread's store, so it
    may run in another thread than this."""
    from ..story import DEFAULT_LIMIT, resolve_story, story

    store = service.store
    redirects = store.redirects() if redirects is None else redirects

    def members_of(story_id: str) -> tuple[tuple[int, str], ...]:
        merged = [old for old in redirects if resolve_redirect(redirects, old) == story_id]
        return tuple(store.story_members([story_id, *merged]))

    members: tuple[tuple[int, str], ...] = ()
    if ref.startswith("s:"):
        members = members_of(resolve_redirect(redirects, ref))
    if not members:  # an article id, or no such story (resolve_story says which, naming the input)
        story_id, _ = resolve_story(store, ref)
        members = members_of(story_id)
    name = (ref, offset, limit, language or None)

    def build() -> dict[str, Any]:
        return story(ref, store=service.store, settings=service.settings, language=language or None,  # type: ignore[no-any-return]
                     offset=offset, limit=limit or DEFAULT_LIMIT).to_dict()

    return (*name, members), name, build


def merged_into(service: Service, story_id: str, redirects: dict[str, str] | None = None) -> str | None:
    """The story an old, merged story id now lives on (``None`` for a current id)."""
    final = resolve_redirect(service.store.redirects() if redirects is None else redirects, story_id)
    return final if final != story_id else None


def _moved(request: Request, path: str) -> RedirectResponse:
    query = f"?{request.url.query}" if request.url.query else ""
    return RedirectResponse(path + query, status_code=301)


@router.get("/stories/{story_id}", summary="The story view (as storylink story ID --json); an old merged id redirects")
async def get_story(story_id: str, request: Request, offset: int = offset_query(),
              limit: int | None = Query(None, ge=1, le=5000, description="members the view is built from"),
              language: str | None = Query(None, description="language of the summary"),
              _key: str | None = Depends(reader)) -> Any:
    service = service_of(request)
    redirects = service.store.redirects()
    moved = merged_into(service, story_id, redirects)
    if moved is not None:
        return _moved(request, f"/api/stories/{quote(moved, safe=':')}")
    key, name, build = story_request(service, story_id, offset=offset, limit=limit, language=language,
                                     redirects=redirects)
    entry = service.story_views.cached(key)
    if entry is None:  # built in a thread: a large story takes a second or two
        entry = await run_in_threadpool(service.story_views.get, key, build, name=name)
    return Response(entry[1], media_type="application/json")  # the cached bytes as they are: no re-encoding


@router.get("/search", summary="Full-text search over titles and texts")
def search(request: Request, q: str = Query(..., min_length=1), offset: int = offset_query(),
           limit: int = Query(20, ge=1, le=_MAX_PAGE), _key: str | None = Depends(reader)) -> dict[str, Any]:
    service = service_of(request)
    hits = service.store.search(q, limit=limit, offset=offset)
    for hit in hits:
        hit["story"] = service.index.story_of(service.store, hit["id"])
    return {"q": q, "offset": offset, "limit": limit, "results": hits}


# -- compare ---------------------------------------------------------------------------------


class CompareRequest(BaseModel):
    a: str = Field(..., min_length=1, description="a stored article id (or unique prefix) or a text")
    b: str = Field(..., min_length=1, description="a stored article id (or unique prefix) or a text")
    evidence: bool = True


def _side(service: Service, ref: str, name: str) -> tuple[Article, Any, bool]:
    """An article, its analysis (``None`` for an unknown language) and whether it is stored."""
    from ..analyze import analyze
    from ..errors import UnknownLanguage

    store = service.store
    if len(ref) <= 64 and not any(ch.isspace() for ch in ref):
        try:
            article = store.get_article(store.resolve_id(ref))
        except NotFound:
            article = None
        if article is not None:
            analysis = store.get_analysis(article.id, analyzer=ANALYZER_VERSION)
            if analysis is None:
                try:
                    analysis = analyze(article, settings=service.settings)
                except UnknownLanguage:
                    analysis = None
            return article, analysis, True
    article = Article.from_text(ref, origin=name)
    try:
        return article, analyze(article, settings=service.settings), False
    except UnknownLanguage:
        return article, None, False
    except EmptyInput:
        if any(ch.isspace() for ch in ref.strip()):
            raise
        raise NotFound(f"neither a stored article id nor a text to compare: {ref[:40]!r}", source=name) from None


def compare_refs(service: Service, a: str, b: str, *, evidence: bool = True) -> tuple[Any, Article, Article]:
    """``compare.compare`` of two ids or texts (stored profiles reused, as ``storylink compare`` does)."""
    from ..compare import compare, stored_profiles

    art_a, an_a, stored_a = _side(service, a, "a")
    art_b, an_b, stored_b = _side(service, b, "b")
    sides = [(art, an) for art, an, stored in ((art_a, an_a, stored_a), (art_b, an_b, stored_b)) if stored]
    found = dict(zip([art.id for art, _ in sides],
                     stored_profiles(service.store, [art for art, _ in sides], [an for _, an in sides])))
    profiles = (found.get(art_a.id) if stored_a else None, found.get(art_b.id) if stored_b else None)
    result = compare(art_a, art_b, settings=service.settings, analyses=(an_a, an_b), profiles=profiles,
                     evidence=evidence)
    return result, art_a, art_b


@router.post("/compare", summary="Compare two articles (as storylink compare --json)")
def post_compare(body: CompareRequest, request: Request, _key: str | None = Depends(reader)) -> dict[str, Any]:
    result, _, _ = compare_refs(service_of(request), body.a, body.b, evidence=body.evidence)
    return result.to_dict()  # type: ignore[no-any-return]


# -- about -----------------------------------------------------------------------------------


@router.get("/ping", summary="Liveness without touching the store (a static document)")
async def ping() -> dict[str, Any]:
    return {"status": "ok"}


@router.get("/health", summary="Liveness, counts and what the background worker is doing")
def health(request: Request) -> dict[str, Any]:
    service = service_of(request)
    store = service.store
    pending = len(store.pending_analysis(ANALYZER_VERSION))
    return {"status": "ok", "version": __version__, "articles": store.count_articles(),
            "pending_analysis": pending,
            "worker": service.worker_state()}


@router.get("/settings", summary="The settings (as storylink settings --json; secrets hidden)")
def settings(request: Request, _key: str | None = Depends(reader)) -> dict[str, Any]:
    return service_of(request).settings.to_dict()
