"""The landing page: a search box leading to the network views, and the graph's counts.

The search runs in the page against the JSON search (``GET /entities?q=``), so
the page itself is static apart from the counts; like the views it fetches
nothing from elsewhere. It is rendered from ``viz/templates/home.html`` by the
views' jinja2 environment, which escapes every value.
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from api.deps import ReadAuth, StoreDep
from api.docs import problems
from api.routers.system import stats_out
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
               **problems(401, 403)},
)
def home(store: StoreDep) -> HTMLResponse:
    return HTMLResponse(templates().get_template("home.html").render(stats=stats_out(store)))
