"""Building what queries read (the whole tie graph, or the in-memory index for stores without a snapshot)
before queries need it.

The embedded store's view is a mapped snapshot that answers a first query at
once. A big store's tie graph is read from arrays beside it (``queries.array_ties``):
the warm-up only makes sure they are there. A smaller one grows its tie graph
frontier by frontier until the warm-up has built it whole. Geography and the hubs'
ranked relations are found for every entity. The API starts this in a background
thread, so the server answers at once (``/health``) and no user query waits for it.
"""

from __future__ import annotations

import logging
import threading
import time

from graph.embedded import EmbeddedStore
from graph.store import Store
from queries.geo import Geography
from queries.index import GraphIndex
from queries.neighbourhood import HUB_DEGREE, warm_neighbourhoods
from queries.paths import Introductions
from queries.snapshot import SnapshotView, warm
from queries.ties import TieFilter
from queries.view import GraphView, WholeTieGraph, view_of

log = logging.getLogger("kizuna.queries")


def _search_arrays(view: GraphView) -> None:
    """The default tie graph and, when it is big, its search arrays (``queries.search``)."""
    rule = TieFilter()
    if isinstance(view, WholeTieGraph):
        Introductions(view, view.tie_graph(rule), rule).arrays()


def warm_up(store: Store) -> None:
    """Build the index, the default tie graph, every entity's country and region and the hubs'
    ranked relations of the store's current version."""
    started = time.perf_counter()
    current = view_of(store)
    if isinstance(store, EmbeddedStore) and isinstance(current, SnapshotView):
        # A big store's tie graph is read from arrays (its search arrays built now when missing);
        # a smaller one is held whole.
        view: SnapshotView = current
        if current.array_tie_graph(TieFilter()) is None:
            view = warm(store.path, store.version(), TieFilter())
            _search_arrays(view)
        Geography.of(view).locate_all(e.decode("ascii") for e in view.a["entity_id"].tolist())
        warm_neighbourhoods(view, view.hubs(HUB_DEGREE))
        log.info("query view ready: %d entities, %d relations in %.1f s",
                 len(view.a["entity_id"]), len(view.a["relation_id"]), time.perf_counter() - started)
        return
    index = current
    if not isinstance(index, GraphIndex):
        return  # the backend answers the view natively; nothing to build here
    _search_arrays(index)
    Geography.of(index).locate_all(index.entities)
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
