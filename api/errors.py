"""Every error leaves the API as an RFC 9457 problem document.

Domain errors (``graph.errors.KizunaError`` children) carry their own HTTP
status and title, and their ``extra`` (suggestions, candidates) becomes
extension members, so a client sees *why* and *what to try instead*. Request
validation errors name the parameter and the bound it broke.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from graph.errors import Busy, KizunaError
from graph.model import Entity, EntityRecord, entity_summary

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_BASE = "https://kizuna.example/problems/"

log = logging.getLogger("kizuna.api")

_BOUNDS = ("le", "lt", "ge", "gt", "max_length", "min_length")
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def loggable(text: str) -> str:
    """Client-supplied text made safe for one log line: a decoded %0A (or any
    control character) becomes a visible escape, so no request can forge a line."""
    return _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


class Unauthorized(KizunaError):
    """No API key was sent where one is needed."""

    status = 401
    title = "API key required"


class Forbidden(KizunaError):
    """A key was sent but is wrong, or writes are disabled on this server."""

    status = 403
    title = "Forbidden"


class PayloadTooLarge(KizunaError):
    status = 413
    title = "Payload too large"


class UnsupportedMediaType(KizunaError):
    status = 415
    title = "Unsupported media type"


class BadParameter(KizunaError):
    """A parameter is well-typed but unusable (e.g. a cursor from another query)."""

    status = 422
    title = "Invalid parameter"


class NotInstalled(KizunaError):
    """An optional capability (document extraction) is missing from this install."""

    status = 501
    title = "Not implemented"


def _slug(title: str) -> str:
    return PROBLEM_BASE + "-".join(title.lower().split())


def _jsonable(value: Any) -> Any:
    """Entities in ``extra`` (candidates) become compact bilingual summaries."""
    if isinstance(value, EntityRecord):
        value = value.entity
    if isinstance(value, Entity):
        return entity_summary(value)
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, Iterable) and not isinstance(value, str | bytes):
        return [_jsonable(v) for v in value]
    return jsonable_encoder(value)


def problem(
    status: int,
    title: str,
    detail: str,
    request: Request | None = None,
    headers: Mapping[str, str] | None = None,
    **extra: Any,
) -> JSONResponse:
    """One problem document; ``extra`` members go beside the standard ones."""
    body: dict[str, Any] = {"type": _slug(title), "title": title, "status": status, "detail": detail}
    if request is not None:
        body["instance"] = request.url.path
        request_id = getattr(request.state, "request_id", None)
        if request_id:
            body["request_id"] = request_id
    for key, value in extra.items():
        if key not in body and value is not None:
            body[key] = _jsonable(value)
    return JSONResponse(body, status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=dict(headers or {}))


def _describe_validation(err: Mapping[str, Any]) -> dict[str, Any]:
    """One validation error as parameter, location, message and bound."""
    loc = [str(p) for p in err.get("loc", ())]
    location = loc[0] if loc else "request"
    parameter = loc[1] if len(loc) > 1 else location
    for part in loc[2:]:
        parameter += f"[{part}]" if part.isdigit() else f".{part}"
    ctx = err.get("ctx") or {}
    bound = {k: ctx[k] for k in _BOUNDS if k in ctx}
    message = str(err.get("msg", "invalid"))
    item: dict[str, Any] = {"parameter": parameter, "location": location, "message": message}
    if bound:
        item["bound"] = jsonable_encoder(bound)
    if "input" in err and location != "body":
        item["input"] = jsonable_encoder(err["input"]) if isinstance(err["input"], str | int | float) else None
    return item


def validation_detail(items: list[dict[str, Any]]) -> str:
    parts = []
    for item in items:
        text = f"{item['location']} parameter {item['parameter']!r}: {item['message']}"
        if item.get("input") is not None:
            text += f" (got {item['input']!r})"
        parts.append(text)
    return "; ".join(parts)


async def _kizuna_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, KizunaError)
    if exc.status >= 500:
        log.error("%s: %s", exc.title, loggable(exc.message))
    headers = {"WWW-Authenticate": 'ApiKey header="X-API-Key"'} if exc.status == 401 else {}
    if isinstance(exc, Busy):
        headers["Retry-After"] = str(exc.retry_after)
    return problem(exc.status, exc.title, exc.message, request, headers, **exc.extra)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    items = [_describe_validation(e) for e in exc.errors()]
    return problem(422, "Invalid request", validation_detail(items), request, errors=items)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    titles = {404: "Not found", 405: "Method not allowed", 400: "Bad request"}
    detail = exc.detail if isinstance(exc.detail, str) else "request failed"
    if exc.status_code == 404 and detail == "Not Found":
        detail = f"no route for {request.method} {request.url.path}; see /docs for the API"
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        allowed = _allowed_methods(request)
        headers["Allow"] = ", ".join(allowed)
        detail = f"{request.method} is not allowed on {request.url.path}; allowed: {', '.join(allowed)}"
    title = titles.get(exc.status_code, "HTTP error")
    return problem(exc.status_code, title, detail, request, headers)


def _allowed_methods(request: Request) -> list[str]:
    """Documented methods of the path (Starlette's Allow lists only the first matching route's)."""
    table: list[tuple[re.Pattern[str], set[str]]] | None = getattr(request.app.state, "allow_table", None)
    if table is None:
        table = []
        for template, item in request.app.openapi().get("paths", {}).items():
            pattern = re.escape(template)
            pattern = re.sub(r"\\\{[^/]+?\\\}", "[^/]+", pattern)
            table.append((re.compile(f"^{pattern}$"), {m.upper() for m in item}))
        request.app.state.allow_table = table
    path = request.url.path
    return sorted({m for regex, methods in table if regex.match(path) for m in methods})


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, loggable(request.url.path))
    return problem(500, "Internal error", "the server failed to answer; the request id is in the log", request)


def install(app: FastAPI) -> None:
    """Register the problem+json handlers on ``app``."""
    app.add_exception_handler(KizunaError, _kizuna_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
