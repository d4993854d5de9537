"""Dependencies shared by the routers: the store, settings, auth and language.

The store and settings live on ``app.state`` (set by the lifespan), so a test
builds an app around its own settings and never touches globals.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.security import APIKeyHeader
from pydantic import BeforeValidator

from api.errors import Forbidden, Unauthorized
from api.models import DisplayLang
from graph.errors import StoreUnavailable
from graph.settings import Settings
from graph.store import Store

API_KEY_HEADER = "X-API-Key"

# Declared for writes only, so the OpenAPI schema shows which operations need a key.
_write_key = APIKeyHeader(name=API_KEY_HEADER, auto_error=False, description="Required for writes.")


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_store(request: Request) -> Store:
    store: Store | None = getattr(request.app.state, "store", None)
    if store is None:
        raise StoreUnavailable("the store is not open (the app is starting or shutting down)")
    return store


SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[Store, Depends(get_store)]


def _check_key(settings: Settings, sent: str | None, action: str) -> None:
    if settings.api_key is None or not settings.api_key.get_secret_value():
        raise Forbidden(f"{action} are disabled: this server has no API key configured (set KIZUNA_API_KEY)")
    if not sent:
        raise Unauthorized(f"{action} need an API key in the {API_KEY_HEADER} header")
    if not secrets.compare_digest(sent.encode("utf-8"), settings.api_key.get_secret_value().encode("utf-8")):
        raise Forbidden(f"the {API_KEY_HEADER} header does not match this server's API key")


def require_write_key(settings: SettingsDep, key: Annotated[str | None, Depends(_write_key)]) -> None:
    """Writes always need the configured key; without one they are refused."""
    _check_key(settings, key, "writes")


def require_read_key(request: Request, settings: SettingsDep) -> None:
    """Reads are public unless ``private_reads``; the header is read directly so
    public deployments do not advertise a security requirement on reads."""
    if settings.private_reads:
        _check_key(settings, request.headers.get(API_KEY_HEADER), "reads")


WriteAuth = Depends(require_write_key)
ReadAuth = Depends(require_read_key)


def _accept_language(header: str | None) -> DisplayLang | None:
    """The preferred of ja/en in an Accept-Language header (q-values honoured)."""
    if not header:
        return None
    best: tuple[float, int, DisplayLang] | None = None
    for position, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        primary = tag.strip().lower().split("-")[0]
        if primary not in ("ja", "en"):
            continue
        q = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        lang: DisplayLang = "ja" if primary == "ja" else "en"
        if q > 0 and (best is None or (q, -position) > (best[0], best[1])):
            best = (q, -position, lang)
    return best[2] if best else None


def display_lang(
    request: Request,
    lang: Annotated[
        DisplayLang | None,
        Query(description="Language of the display `name` (ja or en); defaults to Accept-Language, then en."),
    ] = None,
) -> DisplayLang:
    if lang is not None:
        return lang
    return _accept_language(request.headers.get("accept-language")) or "en"


LangDep = Annotated[DisplayLang, Depends(display_lang)]


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date(value: object) -> object:
    """Only YYYY-MM-DD: lax parsing would read ``0`` as 1970-01-01."""
    if isinstance(value, dt.date) or (isinstance(value, str) and _ISO_DATE.fullmatch(value)):
        return value
    raise ValueError("expected a date as YYYY-MM-DD")


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
