"""One error shape for every 4xx and 5xx: ``{"error": {"code", "message", "input"}}``.

``code`` is the ``StorylinkError`` code (or an HTTP one: ``not_found``,
``method_not_allowed``, ``invalid_request``, ``internal``), ``message`` one line
a person can act on, ``input`` what it is about (a record like ``body[3]``, a
query parameter, an id, a path). Pages get the same content as an HTML page.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException

from ..errors import (
    AccessError,
    AnalysisError,
    BinaryInput,
    EmptyInput,
    EncodingError,
    InputError,
    KeyRequired,
    MalformedRecord,
    ModelError,
    NotFound,
    StoreError,
    StorylinkError,
    TooLarge,
    UnsupportedType,
)

__all__ = ["install", "status_of", "error_body"]

log = logging.getLogger("storylink.service")

#: Most specific first: the first class an error is an instance of gives its status.
_STATUS: tuple[tuple[type[StorylinkError], int], ...] = (
    (KeyRequired, 401),
    (AccessError, 403),
    (NotFound, 404),
    (TooLarge, 413),
    (UnsupportedType, 415),
    ((BinaryInput, EncodingError, MalformedRecord, EmptyInput), 400),  # type: ignore[arg-type]
    (InputError, 422),
    (StoreError, 503),
    ((AnalysisError, ModelError), 500),  # type: ignore[arg-type]
)
_HTTP_CODES = {404: "not_found", 405: "method_not_allowed", 413: "too_large", 415: "unsupported_type"}


def status_of(exc: StorylinkError) -> int:
    for cls, status in _STATUS:
        if isinstance(exc, cls):
            return status
    return 400


def error_body(code: str, message: str, source: str | None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "input": source}}


def _wants_json(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api/") or path.endswith(".json") or path == "/api":
        return True
    return "text/html" not in request.headers.get("accept", "")


def _respond(request: Request, status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> Response:
    if _wants_json(request):
        return JSONResponse(body, status_code=status, headers=headers)
    from .pages import render_error

    return HTMLResponse(render_error(request, status, body["error"]), status_code=status, headers=headers)


async def _storylink_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StorylinkError)
    status = status_of(exc)
    if status >= 500:
        log.error("%s %s: %s", request.method, request.url.path, exc)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return _respond(request, status, error_body(exc.code, exc.message, exc.source), headers)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    code = _HTTP_CODES.get(exc.status_code, "http_error" if exc.status_code < 500 else "internal")
    detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    if exc.status_code == 404 and detail == "Not Found":
        detail = "no such page or endpoint (the API is listed at /docs)"
    return _respond(request, exc.status_code, error_body(code, detail, request.url.path),
                    dict(exc.headers) if exc.headers else None)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    first = errors[0] if errors else {}
    where = ".".join(str(part) for part in first.get("loc", ()) if part != "body") or request.url.path
    message = str(first.get("msg", "invalid request"))
    if len(errors) > 1:
        message += f" (and {len(errors) - 1} more problem{'s' if len(errors) > 2 else ''})"
    return _respond(request, 422, error_body("invalid_request", message, where))


async def _internal_error(request: Request, exc: Exception) -> Response:
    log.exception("%s %s failed", request.method, request.url.path, exc_info=exc)
    return _respond(request, 500, error_body("internal", f"internal error ({type(exc).__name__}); it was logged",
                                             request.url.path))


def install(app: FastAPI) -> None:
    app.add_exception_handler(StorylinkError, _storylink_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _internal_error)
