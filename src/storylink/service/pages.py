"""Server-rendered pages (Jinja2 templates and static files shipped in the package).

Every page has a JSON twin, the same path with ``.json``: the document the page
was rendered from, which is also what the API serves.
"""

from __future__ import annotations

from importlib.resources import files
from typing import Any
from urllib.parse import parse_qs, quote, urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from .. import __version__
from ..errors import AccessError, EmptyInput, EncodingError, InputError, MalformedRecord
from ..views import marked_html, render_comparison_html
from . import keys
from .api import (
    _MAX_PAGE,
    _body,
    _moved,
    article_document,
    compare_refs,
    merged_into,
    offset_query,
    reader,
    stored_analysis,
    story_entry,
    story_page,
)
from .app import service_of
from .errors import status_of

__all__ = ["router", "render_error", "article_marks"]

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(files("storylink.service") / "templates"))
templates.env.globals["version"] = __version__


def _page(request: Request, name: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context)


def render_error(request: Request, status: int, error: dict[str, Any]) -> str:
    return templates.get_template("error.html").render(request=request, status=status, error=error)


@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/stories", status_code=302)


# -- the reader's key (pages cannot send headers: the key form keeps it in a cookie) ----------

_KEY_FORM_BYTES = 4096


def _local_path(target: str | None) -> str:
    """Where to go after the key form: a path on this site only (never ``//elsewhere`` or a URL)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/stories"
    return target


@router.get("/key", response_class=HTMLResponse)
def key_form(request: Request, next: str | None = None) -> HTMLResponse:
    return _page(request, "key.html", next=_local_path(next), problem=None, title="API key")


@router.post("/key", response_class=HTMLResponse)
async def key_submit(request: Request) -> Response:
    """Check the key (any valid, unrevoked key may read) and keep it in an HttpOnly cookie."""
    body = await _body(request, _KEY_FORM_BYTES)
    try:
        form = parse_qs(body.decode("utf-8"), max_num_fields=4)
    except UnicodeDecodeError as exc:
        raise EncodingError(f"the key form must be UTF-8 ({exc.reason} at byte {exc.start})", source="body") from None
    except ValueError as exc:
        raise MalformedRecord(f"not a form (application/x-www-form-urlencoded): {exc}", source="body") from None
    key = (form.get("key") or [""])[0].strip()
    target = _local_path((form.get("next") or [None])[0])
    service = service_of(request)
    try:
        if not key:
            raise EmptyInput("enter an API key", source="key")
        await run_in_threadpool(keys.authorize, key, store=service.store, settings=service.settings,
                                write=False, where="key")
    except (AccessError, InputError) as exc:
        page = _page(request, "key.html", next=target, problem=exc.message, title="API key")
        page.status_code = status_of(exc)
        return page
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(keys.COOKIE, key, httponly=True, samesite="strict", path="/",
                        secure=request.url.scheme == "https")
    return response


@router.post("/key/forget")
def key_forget() -> RedirectResponse:
    response = RedirectResponse("/stories", status_code=303)
    response.delete_cookie(keys.COOKIE, path="/")
    return response


def _stories(request: Request, offset: int, limit: int, since: str | None, until: str | None,
             language: str | None, source: str | None, q: str | None) -> dict[str, Any]:
    return story_page(service_of(request), offset=offset, limit=limit, since=since, until=until,
                      language=language, source=source, q=q)


@router.get("/stories.json")
def stories_json(request: Request, offset: int = offset_query(), limit: int = Query(20, ge=1, le=_MAX_PAGE),
                 since: str | None = None, until: str | None = None, language: str | None = None,
                 source: str | None = None, q: str | None = None,
                 _key: str | None = Depends(reader)) -> dict[str, Any]:
    return _stories(request, offset, limit, since, until, language, source, q)


@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request, offset: int = offset_query(), limit: int = Query(20, ge=1, le=_MAX_PAGE),
                 since: str | None = None, until: str | None = None, language: str | None = None,
                 source: str | None = None, q: str | None = None,
                 _key: str | None = Depends(reader)) -> HTMLResponse:
    doc = _stories(request, offset, limit, since, until, language, source, q)
    languages, sources = service_of(request).index.languages_and_sources()
    query = {k: v for k, v in doc["filters"].items()} | {"limit": limit}

    def link(at: int) -> str:
        return "/stories?" + urlencode(query | {"offset": at})

    prev_link = link(max(0, offset - limit)) if offset > 0 else None
    next_link = link(offset + limit) if offset + limit < doc["total"] else None
    json_link = "/stories.json?" + urlencode(query | {"offset": offset})
    return _page(request, "stories.html", doc=doc, languages=languages, sources=sources, prev_link=prev_link,
                 next_link=next_link, json_link=json_link, title="Stories")


# -- one story -------------------------------------------------------------------------------


def _story(request: Request, story_id: str, offset: int, limit: int | None, language: str | None,
           twin: bool) -> Any:
    service = service_of(request)
    redirects = service.store.redirects()
    moved = merged_into(service, story_id, redirects)
    if moved is not None:
        return _moved(request, f"/stories/{quote(moved, safe=':')}{'.json' if twin else ''}")
    doc, body = story_entry(service, story_id, offset=offset, limit=limit, language=language, redirects=redirects)
    return Response(body, media_type="application/json") if twin else doc


@router.get("/stories/{story_id}.json")
def story_json(story_id: str, request: Request, offset: int = offset_query(),
               limit: int | None = Query(None, ge=1, le=5000), language: str | None = None,
               _key: str | None = Depends(reader)) -> Any:
    return _story(request, story_id, offset, limit, language, twin=True)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_html(story_id: str, request: Request, offset: int = offset_query(),
               limit: int | None = Query(None, ge=1, le=5000), language: str | None = None,
               _key: str | None = Depends(reader)) -> Any:
    doc = _story(request, story_id, offset, limit, language, twin=False)
    if not isinstance(doc, dict):
        return doc  # the redirect of an old, merged id
    from ..story.html import render_story_html

    members = [m["article_id"] for m in doc["sources"]]
    texts = {i: a.text for i, a in service_of(request).store.get_articles(members).items()}
    query = {k: v for k, v in {"offset": offset or None, "limit": limit, "language": language}.items() if v}
    json_link = f"/stories/{quote(doc['id'], safe=':')}.json" + (f"?{urlencode(query)}" if query else "")
    # The view is the story package's own page (also what ``storylink story --html`` writes), in its own
    # document below the site's header, as the compare page embeds the comparison view.
    return _page(request, "story.html", doc=doc, view=render_story_html(doc, texts), json_link=json_link,
                 title=doc["title"] or doc["id"])


# -- articles --------------------------------------------------------------------------------

_ENTITY_NAMES = {"PER": "person", "LOC": "place", "ORG": "organisation", "MISC": "other name"}


def article_marks(analysis: dict[str, Any]) -> list[tuple[int, int, str, str]]:
    """(start, end, css class, title) of each annotation to highlight, from ``Analysis.to_dict()``."""
    marks: list[tuple[int, int, str, str]] = []
    for n in analysis.get("noise") or []:
        marks.append((n["start"], n["end"], "noise", f"noise: {n['kind']}"))
    for e in analysis.get("entries") or []:
        marks.append((e["headline_start"], e["headline_end"], "entry", f"ticker entry {e['order']}"))
    for q in analysis.get("quotes") or []:
        who = q.get("speaker") or q.get("speaker_text") or "unknown speaker"
        marks.append((q["start"], q["end"], f"quote quote-{q['kind']}", f"{q['kind']} quote by {who}"))
        if q.get("speaker_start") is not None and q.get("speaker_end") is not None:
            marks.append((q["speaker_start"], q["speaker_end"], "speaker", f"speaker: {who}"))
    for e in analysis.get("entities") or []:
        marks.append((e["start"], e["end"], f"ent ent-{e['type']}", f"{_ENTITY_NAMES.get(e['type'], e['type'])}: "
                                                                   f"{e['key']}"))
    return marks


def _article(request: Request, article_id: str) -> dict[str, Any]:
    service = service_of(request)
    doc = article_document(service, article_id)
    _, analysis = stored_analysis(service, doc["article"]["id"])
    return doc | {"analysis": analysis.to_dict() if analysis is not None else None}


@router.get("/articles/{article_id}.json")
def article_json(article_id: str, request: Request, _key: str | None = Depends(reader)) -> dict[str, Any]:
    return _article(request, article_id)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(article_id: str, request: Request, _key: str | None = Depends(reader)) -> HTMLResponse:
    doc = _article(request, article_id)
    text = doc["article"]["text"]
    analysis = doc["analysis"]
    body = Markup(marked_html(text, article_marks(analysis) if analysis else []))
    entities: dict[str, dict[str, int]] = {}
    for e in (analysis or {}).get("entities") or []:
        entities.setdefault(e["type"], {})
        entities[e["type"]][e["key"]] = entities[e["type"]].get(e["key"], 0) + 1
    return _page(request, "article.html", doc=doc, body=body, entities=entities,
                 title=doc["article"].get("title") or doc["article"]["id"])


# -- compare ---------------------------------------------------------------------------------


@router.get("/compare.json")
def compare_json(request: Request, a: str = Query(..., min_length=1), b: str = Query(..., min_length=1),
                 _key: str | None = Depends(reader)) -> dict[str, Any]:
    result, _, _ = compare_refs(service_of(request), a, b)
    return result.to_dict()  # type: ignore[no-any-return]


@router.get("/compare", response_class=HTMLResponse)
async def compare_page(request: Request, a: str | None = None, b: str | None = None,
                       _key: str | None = Depends(reader)) -> HTMLResponse:
    if not a or not b:
        return _page(request, "compare.html", a=a or "", b=b or "", result=None, title="Compare")
    result, art_a, art_b = await run_in_threadpool(compare_refs, service_of(request), a, b)
    page = render_comparison_html(result.to_dict(), art_a.text, art_b.text, a_title=art_a.title or art_a.id,
                                  b_title=art_b.title or art_b.id)
    # The comparison view is one self-contained page (also what ``storylink compare --html`` writes);
    # here it sits below the form, in its own document so its styles stay its own.
    json_link = "/compare.json?" + urlencode({"a": a, "b": b})
    return _page(request, "compare.html", a=a, b=b, result=page, json_link=json_link, title="Compare",
                 ids=(art_a.id, art_b.id))
