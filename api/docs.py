"""OpenAPI: documented problem responses, the problem+json media type, and ReDoc served offline."""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_redoc_html
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, Response

from api.errors import PROBLEM_MEDIA_TYPE
from api.models import Problem
from ingest.format import FactFile

_WHY = {
    400: "The body is not well-formed JSON.",
    401: "No API key sent where one is needed.",
    403: "Wrong API key, or writes are disabled (no key configured).",
    404: "Unknown entity or source; `suggestions` lists the nearest names.",
    409: "The name matches several entities; `candidates` lists them.",
    413: "The body is larger than the upload limit.",
    415: "The body's content type is not accepted.",
    422: "A parameter or body is invalid; `errors` names the parameter and the bound it broke.",
    501: "The capability is not installed on this server.",
    503: "The store cannot be read.",
}

_EXAMPLES: dict[int, dict[str, Any]] = {
    400: {"title": "Bad request", "status": 400, "detail": "There was an error parsing the body"},
    401: {"title": "API key required", "status": 401, "detail": "writes need an API key in the X-API-Key header"},
    403: {"title": "Forbidden", "status": 403, "detail": "the X-API-Key header does not match this server's API key"},
    404: {
        "title": "Unknown entity",
        "status": 404,
        "detail": "no entity is named 'Kanagawa Prefectur'",
        "suggestions": [{"id": "place:kanagawa", "name_en": "Kanagawa Prefecture", "name_ja": "神奈川県"}],
    },
    409: {
        "title": "Ambiguous name",
        "status": 409,
        "detail": "'Kanagawa' names 2 entities; use an id",
        "candidates": [
            {"id": "place:kanagawa", "type": "place", "kind": "region", "name_ja": "神奈川県", "name_en": "Kanagawa"},
            {"id": "org:kanagawa-univ", "type": "organisation", "kind": "university",
             "name_ja": "神奈川大学", "name_en": "Kanagawa University"},
        ],
    },
    413: {"title": "Payload too large", "status": 413, "detail": "the body has 6000000 bytes; the limit is 5000000"},
    415: {"title": "Unsupported media type", "status": 415, "detail": "send application/json or application/yaml"},
    422: {
        "title": "Invalid request",
        "status": 422,
        "detail": "query parameter 'k': Input should be less than or equal to 10 (got 11)",
        "errors": [{"parameter": "k", "location": "query", "message": "Input should be less than or equal to 10",
                    "bound": {"le": 10}, "input": "11"}],
    },
    501: {"title": "Not implemented", "status": 501, "detail": "document extraction is not installed"},
    503: {"title": "Store unavailable", "status": 503, "detail": "embedded store at x.sqlite cannot be read"},
}


HTML_PAGE = "x-html-page"  # marks an error response that is an HTML page, not a problem document


def problems(*codes: int) -> dict[int | str, dict[str, Any]]:
    """``responses=`` entries documenting problem documents for ``codes``."""
    out: dict[int | str, dict[str, Any]] = {}
    for code in codes:
        example = {"type": "https://kizuna.example/problems/" + "-".join(_EXAMPLES[code]["title"].lower().split())}
        example.update(_EXAMPLES[code])
        out[code] = {
            "model": Problem,
            "description": _WHY[code],
            "content": {"application/json": {"example": example}},
        }
    return out


def custom_openapi(app: FastAPI) -> dict[str, Any]:
    """The generated schema, with error bodies declared as application/problem+json."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(
        title=app.title,
        version=app.version,
        description=app.description,
        routes=app.routes,
        tags=app.openapi_tags,
    )
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    facts_schema = FactFile.model_json_schema(ref_template="#/components/schemas/{model}")
    for name, definition in facts_schema.pop("$defs", {}).items():
        components.setdefault(name, definition)
    components["FactFile"] = facts_schema
    for path_item in schema.get("paths", {}).values():
        for operation in path_item.values():
            if not isinstance(operation, dict):
                continue
            for code, response in operation.get("responses", {}).items():
                content = response.get("content", {})
                if response.pop(HTML_PAGE, False):
                    continue
                if code.isdigit() and int(code) >= 400 and content:
                    # FastAPI files the Problem model under the route's media type (JSON or HTML).
                    merged: dict[str, Any] = {}
                    for media in list(content):
                        merged.update(content.pop(media))
                    content[PROBLEM_MEDIA_TYPE] = merged
    app.openapi_schema = schema
    return schema


# ReDoc's sidebar footer loads its vendor's logo from a CDN; offline that is a failed request
# and a console error. The bundled script is served with that one address emptied (the
# image then hides itself through its own error handler).
_REDOC_LOGO = b"https://cdn.redoc.ly/redoc/logo-mini.svg"
REDOC_SCRIPT_URL = "/redoc-offline.js"  # beside the package's static mount, which would shadow it


@functools.cache
def _redoc_script() -> bytes:
    bundled = resources.files("fastapi_offline").joinpath("static", "redoc.standalone.js").read_bytes()
    return bundled.replace(_REDOC_LOGO, b"")


def add_redoc(app: FastAPI, path: str = "/redoc") -> None:
    """ReDoc at ``path``, drawn by the script from the fastapi-offline package (nothing from a CDN)."""

    @app.get(REDOC_SCRIPT_URL, include_in_schema=False)
    def redoc_script() -> Response:
        return Response(_redoc_script(), media_type="text/javascript",
                        headers={"Cache-Control": "public, max-age=86400"})

    @app.get(path, include_in_schema=False)
    def redoc(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return get_redoc_html(
            openapi_url=f"{root}{app.openapi_url}",
            title=f"{app.title} - ReDoc",
            redoc_js_url=f"{root}{REDOC_SCRIPT_URL}",
            redoc_favicon_url=f"{root}/static-offline-docs/favicon.png",
            with_google_fonts=False,
        )
