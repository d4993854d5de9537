"""The landing page: a search box leading to the network views, and the graph's counts.

The search runs in the page against the JSON search (``GET /entities?q=``), so
the page itself is static apart from the counts; like the views it fetches
nothing from elsewhere. It is rendered from ``viz/templates/home.html`` by the
views' jinja2 environment, which escapes every value; its words come from the
views' message catalogue (``viz.messages``), in Japanese or English (``lang``).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from api.deps import LangDep, ReadAuth, StoreDep
from api.docs import problems
from api.routers.system import stats_out
from viz.messages import home_script_words, relation_name, text, type_name
from viz.network import templates

router = APIRouter(tags=["views"])


@router.get(
    "/",
    response_class=HTMLResponse,
    summary="Home page",
    description=(
        "A small HTML page: a search box leading to the network views (`/viz/...`), the graph's counts and "
        "links to the API docs."
    ),
    dependencies=[ReadAuth],
    responses={200: {"content": {"text/html": {"example": "<!doctype html><title>Kizuna</title>..."}}},
               **problems(401, 403, 422)},
)
def home(store: StoreDep, lang: LangDep) -> HTMLResponse:
    return HTMLResponse(home_page(stats_out(store), lang))


def home_page(stats: Any, lang: str) -> str:
    """The landing page's HTML for ``stats`` in ``lang`` (ja or en)."""
    return templates().get_template("home.html").render(
        stats=stats, lang=lang, other="en" if lang == "ja" else "ja",
        t=lambda key, **values: text(lang, key, **values),
        type_name=lambda name: type_name(lang, name), relation_name=lambda name: relation_name(lang, name),
        words=home_script_words(lang),
    )
