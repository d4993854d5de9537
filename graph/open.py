"""Open a store from a location: a file path (embedded) or a Neo4j URI."""

from __future__ import annotations

from graph.settings import Settings, get_settings
from graph.store import Store

NEO4J_SCHEMES = ("neo4j://", "neo4j+s://", "neo4j+ssc://", "bolt://", "bolt+s://", "bolt+ssc://")


def open_store(location: str | None = None, settings: Settings | None = None) -> Store:
    """The store at ``location`` (default: the ``store`` setting)."""
    settings = settings or get_settings()
    location = location or settings.store
    if location.startswith(NEO4J_SCHEMES):
        from graph.neo4j_store import Neo4jStore

        return Neo4jStore.connect(location, settings)
    from graph.embedded import EmbeddedStore

    for prefix in ("embedded://", "sqlite://"):
        if location.startswith(prefix):
            location = location[len(prefix) :]
    return EmbeddedStore(location)
