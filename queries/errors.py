"""Query errors (the graph-level ones live in ``graph.errors``)."""

from __future__ import annotations

from graph.errors import KizunaError


class InvalidQuery(KizunaError):
    """A query's options contradict each other or leave the allowed range."""

    status = 422
    title = "Invalid query"
