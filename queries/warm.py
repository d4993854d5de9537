"""Building the in-memory index before the first query needs it.

On a million relations the index and the default tie graph take tens of
seconds to build; the API starts this in a background thread, so the server
answers at once (``/health``) and the first user query does not pay for it.
"""

from __future__ import annotations

import logging
import threading
import time

from graph.store import Store
from queries.geo import Geography
from queries.index import GraphIndex
from queries.neighbourhood import warm_neighbourhoods
from queries.ties import TieFilter
from queries.view import view_of

log = logging.getLogger("kizuna.queries")


def warm_up(store: Store) -> None:
    """Build the index, the default tie graph, the geography and the hubs' ranked relations
    of the store's current version."""
    started = time.perf_counter()
    index = view_of(store)
    if not isinstance(index, GraphIndex):
        return  # the backend answers the view natively; nothing to build here
    index.tie_graph(TieFilter())
    Geography.of(index)
    warm_neighbourhoods(index)
    log.info("query index ready: %d entities, %d relations in %.1f s",
             len(index.entities), len(index.relations), time.perf_counter() - started)


def warm_up_in_background(store: Store) -> threading.Thread:
    def run() -> None:
        try:
            warm_up(store)
        except Exception:  # the first query will build it (and report any error) instead
            log.exception("warming the query index failed")

    thread = threading.Thread(target=run, name="kizuna-warm-up", daemon=True)
    thread.start()
    return thread
