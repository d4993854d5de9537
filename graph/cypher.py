"""Every Cypher statement the Neo4j backend runs, in one registry.

Why one place: each statement here is linted by Neo4j's official linter
(tests/test_cypher_lint_statements.py) with its declared parameters, and a test
proves the backend runs nothing else. User input never becomes Cypher text:
values travel as parameters; the only text substituted in is the namespace
(validated identifiers, see ``Namespace``).

Graph layout (one label namespace; ``Entity`` stands for ``Entity<suffix>``):

* ``(:Entity {id, type, data, sources, names_text, exists_from, exists_to})`` — ``data``
  is the entity's JSON exactly as the embedded store keeps it, so models
  round-trip unchanged; ``sources`` lists the source ids that asserted the
  entity; ``names_text`` (all names, one per line) feeds the full-text index;
  ``exists_from`` is the first day an agreement/event/organisation/place exists
  (signed, started, founded; else null), ``exists_to`` the last day an
  organisation or place exists (dissolved; else null).
* ``(:Entity)-[:HAS_NAME]->(:Name {key, text, entity})`` — one node per name
  text, ``key`` is ``graph.names.name_key`` (indexed, for ``resolve``).
* ``(:Source {id, data, published_day})`` — ``published_day`` is the first day
  of the partial publication date (evidence filtering on as-of dates).
* Relations are ONE relationship type, ``(:Entity)-[:REL]->(:Entity)``, with a
  ``type`` property holding the registry name. A single type keeps every
  statement fixed text (relation types are parameters, never identifiers),
  so the linted set is exactly the run set. Properties: ``id, type, data
  (JSON), confidence, sources, role, valid_from, valid_to, from_day, to_day,
  ev_source, ev_confidence`` (the last two list each evidence's source and
  confidence in ``data`` order, for evidence filtering in Cypher);
  ``from_day``/``to_day`` are the ISO days a partial validity bound covers at
  its widest (``graph.dates.earliest``/``latest``), so an as-of filter is a
  string comparison with the same meaning as ``graph.dates.valid_on``.
  Direction is the relation's source -> target (symmetric relations are
  stored canonically by ``graph.store.canonical``).
* ``claims`` (JSON text, on entities and relations asserted by more than one
  source): what each source asserted (``graph.store.Claims``); retracting a
  source rebuilds the record from the other sources' claims.
* ``(:Judgement {pair, left, right, data})``, ``(:ReviewItem {key, entity, source,
  data})`` and ``(:Merge {id, merged, survivor, undone, data})`` — identity
  decisions, the review queue and merge records (``graph.review``), kept as the
  models' JSON beside the graph and never linked into it.
* ``(:KizunaMeta {key: 'store', epoch, seq})`` — ``seq`` grows with every
  write, so ``version()`` changes whenever the graph does.

Templates mark namespace identifiers with ``%``: ``%Entity``, ``%Source``,
``%Name``, ``%Meta``, ``%Judgement``, ``%ReviewItem``, ``%Merge``, ``%REL``,
``%HAS_NAME`` and ``%{ns}`` (the suffix, used in index and constraint names). ``%`` is not otherwise used in our Cypher.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
SUFFIX = re.compile(r"^(?:_[a-z0-9]{1,24})?$")
PARAMETER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")

STORE_KEY = "store"


class _Template(string.Template):
    delimiter = "%"


@dataclass(frozen=True)
class Namespace:
    """Labels, relationship types and schema names of one Kizuna graph.

    The default (empty suffix) is the production layout; tests use a random
    suffix so they can share a server (Community Edition has one user database)
    and remove exactly what they created.
    """

    suffix: str = ""

    def __post_init__(self) -> None:
        if not SUFFIX.fullmatch(self.suffix):
            raise ValueError(f"invalid namespace suffix {self.suffix!r}: expected '' or '_' + 1-24 of [a-z0-9]")

    @property
    def names(self) -> dict[str, str]:
        sfx = self.suffix
        names = {
            "Entity": f"Entity{sfx}",
            "Source": f"Source{sfx}",
            "Name": f"Name{sfx}",
            "Meta": f"KizunaMeta{sfx}",
            "REL": f"REL{sfx}",
            "HAS_NAME": f"HAS_NAME{sfx}",
            "Judgement": f"Judgement{sfx}",
            "ReviewItem": f"ReviewItem{sfx}",
            "Merge": f"Merge{sfx}",
            "ns": sfx,
        }
        for key, value in names.items():
            if key != "ns" and not IDENTIFIER.fullmatch(value):  # unreachable given SUFFIX; kept as the guard
                raise ValueError(f"invalid identifier {value!r}")
        return names

    @property
    def labels(self) -> list[str]:
        n = self.names
        return [n["Entity"], n["Source"], n["Name"], n["Meta"], n["Judgement"], n["ReviewItem"], n["Merge"]]

    @property
    def relationship_types(self) -> list[str]:
        n = self.names
        return [n["REL"], n["HAS_NAME"]]


@dataclass(frozen=True)
class Statement:
    """A named Cypher template and the parameters it takes (all required)."""

    name: str
    template: str
    params: tuple[str, ...]

    def render(self, namespace: Namespace) -> str:
        return _Template(self.template).substitute(namespace.names)


STATEMENTS: dict[str, Statement] = {}


def _statement(name: str, template: str, params: tuple[str, ...] = ()) -> Statement:
    if name in STATEMENTS:
        raise ValueError(f"statement {name!r} is defined twice")
    stmt = Statement(name, " ".join(template.split()), params)
    STATEMENTS[name] = stmt
    return stmt


# -- schema ------------------------------------------------------------------
# Community Edition supports node and relationship uniqueness constraints and
# range / full-text indexes; nothing here needs Enterprise.
SCHEMA_ENTITY_ID = _statement(
    "schema_entity_id",
    "CREATE CONSTRAINT kizuna_entity_id%{ns} IF NOT EXISTS FOR (n:%Entity) REQUIRE n.id IS UNIQUE",
)
SCHEMA_SOURCE_ID = _statement(
    "schema_source_id",
    "CREATE CONSTRAINT kizuna_source_id%{ns} IF NOT EXISTS FOR (n:%Source) REQUIRE n.id IS UNIQUE",
)
SCHEMA_META_KEY = _statement(
    "schema_meta_key",
    "CREATE CONSTRAINT kizuna_meta_key%{ns} IF NOT EXISTS FOR (n:%Meta) REQUIRE n.key IS UNIQUE",
)
SCHEMA_REL_ID = _statement(
    "schema_rel_id",
    "CREATE CONSTRAINT kizuna_rel_id%{ns} IF NOT EXISTS FOR ()-[r:%REL]-() REQUIRE r.id IS UNIQUE",
)
SCHEMA_NAME_KEY = _statement(
    "schema_name_key",
    "CREATE INDEX kizuna_name_key%{ns} IF NOT EXISTS FOR (n:%Name) ON (n.key)",
)
SCHEMA_NAME_TEXT = _statement(
    "schema_name_text",
    "CREATE INDEX kizuna_name_text%{ns} IF NOT EXISTS FOR (n:%Name) ON (n.text)",
)
SCHEMA_ENTITY_TYPE = _statement(
    "schema_entity_type",
    "CREATE INDEX kizuna_entity_type%{ns} IF NOT EXISTS FOR (n:%Entity) ON (n.type)",
)
SCHEMA_REL_TYPE = _statement(
    "schema_rel_type",
    "CREATE INDEX kizuna_rel_type%{ns} IF NOT EXISTS FOR ()-[r:%REL]-() ON (r.type)",
)
# The 'cjk' analyzer indexes CJK text as character bigrams, so 神奈川 finds
# 神奈川県 while whole-name lookups stay on the exact Name.key index.
SCHEMA_NAMES_FULLTEXT = _statement(
    "schema_names_fulltext",
    """CREATE FULLTEXT INDEX kizuna_names%{ns} IF NOT EXISTS FOR (n:%Entity) ON EACH [n.names_text]
    OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}""",
)
SCHEMA = (
    SCHEMA_ENTITY_ID,
    SCHEMA_SOURCE_ID,
    SCHEMA_META_KEY,
    SCHEMA_REL_ID,
    SCHEMA_NAME_KEY,
    SCHEMA_NAME_TEXT,
    SCHEMA_ENTITY_TYPE,
    SCHEMA_REL_TYPE,
    SCHEMA_NAMES_FULLTEXT,
)

# Dropping the schema is only done for test namespaces (Neo4jStore.for_tests).
DROP_SCHEMA = tuple(
    _statement(f"drop_{name}", f"DROP {kind} kizuna_{name}%{{ns}} IF EXISTS")
    for kind, name in (
        ("CONSTRAINT", "entity_id"),
        ("CONSTRAINT", "source_id"),
        ("CONSTRAINT", "meta_key"),
        ("CONSTRAINT", "rel_id"),
        ("INDEX", "name_key"),
        ("INDEX", "name_text"),
        ("INDEX", "entity_type"),
        ("INDEX", "rel_type"),
        ("INDEX", "names"),
    )
)
DELETE_NAMESPACE_CHUNK = _statement(
    "delete_namespace_chunk",
    """MATCH (n) WHERE n:%Entity OR n:%Source OR n:%Name OR n:%Meta OR n:%Judgement OR n:%ReviewItem OR n:%Merge
    WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS deleted""",
    ("limit",),
)

# -- writing -----------------------------------------------------------------
UPSERT_SOURCES = _statement(
    "upsert_sources",
    "UNWIND $rows AS row MERGE (s:%Source {id: row.id}) SET s.data = row.data, s.published_day = row.published_day",
    ("rows",),
)
UPSERT_ENTITIES = _statement(
    "upsert_entities",
    """UNWIND $rows AS row MERGE (e:%Entity {id: row.id})
    SET e.type = row.type, e.data = row.data, e.sources = row.sources, e.names_text = row.names_text,
        e.exists_from = row.exists_from, e.exists_to = row.exists_to""",
    ("rows",),
)
DELETE_NAMES = _statement(
    "delete_names",
    "UNWIND $ids AS id MATCH (:%Entity {id: id})-[:%HAS_NAME]->(n:%Name) DETACH DELETE n",
    ("ids",),
)
CREATE_NAMES = _statement(
    "create_names",
    """UNWIND $rows AS row MATCH (e:%Entity {id: row.entity})
    CREATE (e)-[:%HAS_NAME]->(:%Name {key: row.key, text: row.text, entity: row.entity})""",
    ("rows",),
)
# A relation id whose endpoints changed is re-created rather than left pointing
# at the old pair (MERGE on the new pair would otherwise hit the id constraint).
DELETE_MOVED_RELATIONS = _statement(
    "delete_moved_relations",
    """UNWIND $rows AS row MATCH (a:%Entity)-[r:%REL {id: row.id}]->(b:%Entity)
    WHERE a.id <> row.source OR b.id <> row.target DELETE r""",
    ("rows",),
)
UPSERT_RELATIONS = _statement(
    "upsert_relations",
    """UNWIND $rows AS row
    MATCH (a:%Entity {id: row.source}) MATCH (b:%Entity {id: row.target})
    MERGE (a)-[r:%REL {id: row.id}]->(b) SET r += row.props""",
    ("rows",),
)
BUMP_VERSION = _statement(
    "bump_version",
    """MERGE (m:%Meta {key: $key}) ON CREATE SET m.epoch = $epoch, m.seq = 0
    SET m.seq = m.seq + 1 RETURN m.epoch AS epoch, m.seq AS seq""",
    ("key", "epoch"),
)

SET_ENTITY_CLAIMS = _statement(
    "set_entity_claims",
    "UNWIND $rows AS row MATCH (e:%Entity {id: row.id}) SET e.claims = row.claims",
    ("rows",),
)
SET_RELATION_CLAIMS = _statement(
    "set_relation_claims",
    "UNWIND $rows AS row MATCH ()-[r:%REL {id: row.id}]->() SET r.claims = row.claims",
    ("rows",),
)
GET_ENTITY_CLAIMS = _statement(
    "get_entity_claims",
    """UNWIND $ids AS id MATCH (e:%Entity {id: id}) WHERE e.claims IS NOT NULL
    RETURN e.id AS id, e.claims AS claims""",
    ("ids",),
)
GET_RELATION_CLAIMS = _statement(
    "get_relation_claims",
    """UNWIND $ids AS id MATCH ()-[r:%REL {id: id}]->() WHERE r.claims IS NOT NULL
    RETURN r.id AS id, r.claims AS claims""",
    ("ids",),
)

# -- retracting a source (one transaction, see Neo4jStore.retract_source) ------
RELATIONS_TO_REBUILD = _statement(
    "relations_to_rebuild",
    """MATCH ()-[r:%REL]->() WHERE $source IN r.sources
    RETURN r.id AS id, r.data AS data, r.claims AS claims ORDER BY id""",
    ("source",),
)
ENTITIES_TO_REBUILD = _statement(
    "entities_to_rebuild",
    """MATCH (e:%Entity) WHERE $source IN e.sources AND e.claims IS NOT NULL
    RETURN e.id AS id, e.claims AS claims ORDER BY id""",
    ("source",),
)
RELATIONS_CITING = _statement(
    "relations_citing",
    "MATCH ()-[r:%REL]->() WHERE $source IN r.sources RETURN r.id AS id, r.data AS data ORDER BY id",
    ("source",),
)
UPDATE_RELATIONS = _statement(
    "update_relations",
    """UNWIND $rows AS row MATCH ()-[r:%REL {id: row.id}]->()
    SET r += row.props""",
    ("rows",),
)
DELETE_RELATIONS = _statement(
    "delete_relations",
    "UNWIND $ids AS id MATCH ()-[r:%REL {id: id}]->() DELETE r",
    ("ids",),
)
ORPHANS_OF_SOURCE = _statement(
    "orphans_of_source",
    """MATCH (e:%Entity) WHERE e.sources = [$source] AND NOT (e)-[:%REL]-()
    RETURN e.id AS id ORDER BY id""",
    ("source",),
)
UNCITE_ENTITIES = _statement(
    "uncite_entities",
    "MATCH (e:%Entity) WHERE $source IN e.sources SET e.sources = [s IN e.sources WHERE s <> $source]",
    ("source",),
)
DELETE_ENTITIES = _statement(
    "delete_entities",
    """UNWIND $ids AS id MATCH (e:%Entity {id: id})
    OPTIONAL MATCH (e)-[:%HAS_NAME]->(n:%Name) DETACH DELETE n, e""",
    ("ids",),
)
DELETE_SOURCE = _statement(
    "delete_source",
    "MATCH (s:%Source {id: $source}) DELETE s",
    ("source",),
)

# -- reading -----------------------------------------------------------------
GET_ENTITIES = _statement(
    "get_entities",
    """UNWIND $ids AS id MATCH (e:%Entity {id: id})
    RETURN e.id AS id, e.data AS data, e.sources AS sources""",
    ("ids",),
)
GET_RELATIONS = _statement(
    "get_relations",
    "UNWIND $ids AS id MATCH ()-[r:%REL {id: id}]->() RETURN r.id AS id, r.data AS data",
    ("ids",),
)
GET_SOURCES = _statement(
    "get_sources",
    "UNWIND $ids AS id MATCH (s:%Source {id: id}) RETURN DISTINCT s.id AS id, s.data AS data ORDER BY id",
    ("ids",),
)
ALL_SOURCES = _statement(
    "all_sources",
    "MATCH (s:%Source) RETURN s.id AS id, s.data AS data ORDER BY id",
)
RESOLVE = _statement(
    "resolve",
    """MATCH (e:%Entity)-[:%HAS_NAME]->(:%Name {key: $key})
    WHERE $type IS NULL OR e.type = $type
    RETURN DISTINCT e.id AS id, e.data AS data ORDER BY id""",
    ("key", "type"),
)
ITER_NAMES = _statement(
    "iter_names",
    "MATCH (e:%Entity)-[:%HAS_NAME]->(n:%Name) RETURN n.key AS key, e.id AS entity, n.text AS text",
)
NEIGHBOURS = _statement(
    "neighbours",
    """MATCH (a:%Entity {id: $id})-[r:%REL]-(b:%Entity)
    WHERE r.confidence >= $min_confidence AND ($types IS NULL OR r.type IN $types)
    WITH r, b, startNode(r) = a AS outgoing
    WHERE $direction = 'both' OR (outgoing AND $direction = 'out') OR (NOT outgoing AND $direction = 'in')
    RETURN r.id AS id, r.data AS relation, b.data AS entity, outgoing""",
    ("id", "min_confidence", "types", "direction"),
)
SUBGRAPH_RELATIONS = _statement(
    "subgraph_relations",
    """UNWIND $ids AS id MATCH (a:%Entity {id: id})-[r:%REL]->(b:%Entity)
    WHERE b.id IN $ids RETURN r.id AS id, r.data AS data ORDER BY id""",
    ("ids",),
)
STATS_ENTITIES = _statement(
    "stats_entities",
    "MATCH (e:%Entity) RETURN e.type AS type, count(*) AS count ORDER BY type",
)
STATS_RELATIONS = _statement(
    "stats_relations",
    "MATCH ()-[r:%REL]->() RETURN r.type AS type, count(*) AS count ORDER BY type",
)
STATS_SOURCES = _statement(
    "stats_sources",
    "MATCH (s:%Source) RETURN count(s) AS count",
)
# Keyset pages (id order) so export and copy never hold a server cursor open
# across client work and never skip or repeat a record.
ENTITIES_PAGE = _statement(
    "entities_page",
    """MATCH (e:%Entity) WHERE e.id > $after
    RETURN e.id AS id, e.data AS data, e.sources AS sources ORDER BY id LIMIT $limit""",
    ("after", "limit"),
)
RELATIONS_PAGE = _statement(
    "relations_page",
    "MATCH ()-[r:%REL]->() WHERE r.id > $after RETURN r.id AS id, r.data AS data ORDER BY id LIMIT $limit",
    ("after", "limit"),
)
VERSION = _statement(
    "version",
    "OPTIONAL MATCH (m:%Meta {key: $key}) RETURN m.epoch AS epoch, m.seq AS seq",
    ("key",),
)
PING = _statement("ping", "RETURN 1 AS ok")
SEARCH_NAMES = _statement(
    "search_names",
    """CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score
    RETURN node.id AS id, node.data AS data, score ORDER BY score DESC, id LIMIT $limit""",
    ("index", "query", "limit"),
)

# -- integrity check -----------------------------------------------------------
CHECK_ENTITIES = _statement(
    "check_entities",
    """MATCH (e:%Entity)
    RETURN e.id AS id, e.data AS data, COUNT { (e)-[:%HAS_NAME]->(:%Name) } AS names ORDER BY id""",
)
CHECK_RELATIONS = _statement(
    "check_relations",
    """MATCH (a:%Entity)-[r:%REL]->(b:%Entity)
    RETURN r.id AS id, r.data AS data, r.sources AS sources, a.id AS source, b.id AS target ORDER BY id""",
)
CHECK_STRAY_NAMES = _statement(
    "check_stray_names",
    "MATCH (n:%Name) WHERE NOT (:%Entity)-[:%HAS_NAME]->(n) RETURN n.text AS text, n.entity AS entity",
)

# -- the read view (graph.neo4j_store.Neo4jView; the operations of queries.view) --
# Each answers one call of a query walk over its frontier; the walks themselves
# live in queries/. Relations come back as compact rows (ends, type, validity,
# each evidence's source and confidence), never with their JSON records.
# The tie filter of queries.ties.TieFilter, in Cypher:
# * relation valid on $as_of: graph.dates.valid_on over the stored widest days;
# * confidence: the best evidence reaches $min_confidence (``confidence`` is the
#   best evidence's; an as-of date asks which ties held then, judged on
#   everything known now, so evidence published later still counts);
# * the other end exists on $as_of: agreements signed / events started / organisations and
#   places founded by then (``exists_from`` is earliest(signed) or earliest(start), else null),
#   organisations and places not dissolved before it (``exists_to`` is latest(end), else null).
# $as_of is an ISO day string or null (no date filter at all).
VIEW_ADJACENT = _statement(
    "view_adjacent",
    """UNWIND $frontier AS id
    MATCH (a:%Entity {id: id})-[r:%REL]-(b:%Entity)
    WHERE r.type IN $types AND ($direction = 'both' OR (startNode(r) = a) = ($direction = 'out'))
    RETURN id AS node, r.id AS id, r.type AS type, startNode(r).id AS source, endNode(r).id AS target,
           r.ev_source AS ev_source, r.ev_confidence AS ev_confidence, r.valid_from AS valid_from,
           r.valid_to AS valid_to, r.role AS role""",
    ("frontier", "types", "direction"),
)
VIEW_TIES = _statement(
    "view_ties",
    """UNWIND $frontier AS id
    MATCH (a:%Entity {id: id})-[r:%REL]-(b:%Entity)
    WHERE r.type IN $types AND r.confidence >= $min_confidence
      AND ($as_of IS NULL OR ((r.from_day IS NULL OR r.from_day <= $as_of)
                              AND (r.to_day IS NULL OR r.to_day >= $as_of)
                              AND (b.exists_from IS NULL OR b.exists_from <= $as_of)
                              AND (b.exists_to IS NULL OR b.exists_to >= $as_of)))
    RETURN id AS node, r.id AS id, r.type AS type, startNode(r).id AS source, endNode(r).id AS target,
           r.ev_source AS ev_source, r.ev_confidence AS ev_confidence, r.valid_from AS valid_from,
           r.valid_to AS valid_to, r.role AS role""",
    ("frontier", "types", "min_confidence", "as_of"),
)
VIEW_ENTITIES_OF_TYPE = _statement(
    "view_entities_of_type",
    "MATCH (e:%Entity) WHERE e.type = $type RETURN e.id AS id, e.data AS data ORDER BY id",
    ("type",),
)
VIEW_ENTITY_COUNT = _statement(
    "view_entity_count",
    "MATCH (e:%Entity) WHERE $type IS NULL OR e.type = $type RETURN count(e) AS count",
    ("type",),
)
VIEW_ENTITY_PAGE = _statement(
    "view_entity_page",
    """MATCH (e:%Entity) WHERE $type IS NULL OR e.type = $type
    RETURN e.id AS id, e.data AS data ORDER BY id SKIP $start LIMIT $limit""",
    ("type", "start", "limit"),
)
# Brokers only: the whole tie graph, a keyset page of ends at a time (no records, no evidence).
VIEW_TIE_PAGE = _statement(
    "view_tie_page",
    """MATCH (a:%Entity)-[r:%REL]->(b:%Entity)
    WHERE r.id > $after AND r.type IN $types AND r.confidence >= $min_confidence
      AND ($as_of IS NULL OR ((r.from_day IS NULL OR r.from_day <= $as_of)
                              AND (r.to_day IS NULL OR r.to_day >= $as_of)
                              AND (a.exists_from IS NULL OR a.exists_from <= $as_of)
                              AND (a.exists_to IS NULL OR a.exists_to >= $as_of)
                              AND (b.exists_from IS NULL OR b.exists_from <= $as_of)
                              AND (b.exists_to IS NULL OR b.exists_to >= $as_of)))
    RETURN r.id AS id, a.id AS source, a.type AS source_type, b.id AS target, b.type AS target_type
    ORDER BY id LIMIT $limit""",
    ("after", "types", "min_confidence", "as_of", "limit"),
)
# Brokers on a server with Graph Data Science: betweenness counted in the server on an
# in-memory projection of the usable ties, one undirected edge per tied pair as in the
# embedded tie graph (dropped right after). GDS_PROCEDURES tells
# whether the procedures are installed; without them brokers stream VIEW_TIE_PAGE.
GDS_PROCEDURES = _statement(
    "gds_procedures",
    "SHOW PROCEDURES YIELD name WHERE name IN $names RETURN collect(name) AS names",
    ("names",),
)
GDS_PROJECT_TIES = _statement(
    "gds_project_ties",
    """MATCH (a:%Entity)-[r:%REL]->(b:%Entity)
    WHERE r.type IN $types AND r.confidence >= $min_confidence
      AND ($as_of IS NULL OR ((r.from_day IS NULL OR r.from_day <= $as_of)
                              AND (r.to_day IS NULL OR r.to_day >= $as_of)
                              AND (a.exists_from IS NULL OR a.exists_from <= $as_of)
                              AND (a.exists_to IS NULL OR a.exists_to >= $as_of)
                              AND (b.exists_from IS NULL OR b.exists_from <= $as_of)
                              AND (b.exists_to IS NULL OR b.exists_to >= $as_of)))
    WITH DISTINCT CASE WHEN a.id < b.id THEN [a, b] ELSE [b, a] END AS pair
    WITH gds.graph.project($graph, pair[0], pair[1], {}, {undirectedRelationshipTypes: ['*']}) AS g,
         count(*) AS ties
    RETURN g.nodeCount AS nodes, ties""",
    ("types", "min_confidence", "as_of", "graph"),
)
GDS_BETWEENNESS = _statement(
    "gds_betweenness",
    """CALL gds.betweenness.stream($graph, {samplingSize: $samples, samplingSeed: $seed})
    YIELD nodeId, score
    RETURN gds.util.asNode(nodeId).id AS id, gds.util.asNode(nodeId).type AS type, score""",
    ("graph", "samples", "seed"),
)
GDS_DROP = _statement(
    "gds_drop",
    "CALL gds.graph.drop($graph, false) YIELD graphName RETURN graphName",
    ("graph",),
)
# The GDS procedures and functions the statements above call (declared to the linter).
GDS_NAMES = {
    "procedures": ["gds.betweenness.stream", "gds.graph.drop"],
    "functions": ["gds.graph.project", "gds.util.asNode"],
}
AWAIT_INDEXES = _statement("await_indexes", "CALL db.awaitIndexes($seconds)", ("seconds",))


def params_in(text: str) -> set[str]:
    """The ``$parameters`` a statement text uses."""
    return set(PARAMETER.findall(text))


# -- identity decisions, the review queue, merges (graph.review) ----------------------------
UPSERT_JUDGEMENTS = _statement(
    "upsert_judgements",
    """UNWIND $rows AS row MERGE (j:%Judgement {pair: row.pair})
    SET j.left = row.left, j.right = row.right, j.data = row.data""",
    ("rows",),
)
JUDGEMENTS_FOR = _statement(
    "judgements_for",
    "MATCH (j:%Judgement) WHERE j.left IN $ids OR j.right IN $ids RETURN j.data AS data ORDER BY j.pair",
    ("ids",),
)
ALL_JUDGEMENTS = _statement(
    "all_judgements",
    "MATCH (j:%Judgement) RETURN j.data AS data ORDER BY j.pair",
)
DELETE_REVIEW_OF_SOURCE = _statement(
    "delete_review_of_source",
    "MATCH (r:%ReviewItem {source: $source}) DELETE r",
    ("source",),
)
UPSERT_REVIEW_ITEMS = _statement(
    "upsert_review_items",
    """UNWIND $rows AS row MERGE (r:%ReviewItem {key: row.key})
    SET r.entity = row.entity, r.source = row.source, r.data = row.data""",
    ("rows",),
)
REVIEW_ITEMS = _statement(
    "review_items",
    "MATCH (r:%ReviewItem) WHERE $entity IS NULL OR r.entity = $entity RETURN r.data AS data ORDER BY r.key",
    ("entity",),
)
DELETE_REVIEW_ITEMS = _statement(
    "delete_review_items",
    "UNWIND $keys AS key MATCH (r:%ReviewItem {key: key}) DELETE r",
    ("keys",),
)
UPSERT_MERGE = _statement(
    "upsert_merge",
    """MERGE (m:%Merge {id: $id})
    SET m.merged = $merged, m.survivor = $survivor, m.undone = $undone, m.data = $data""",
    ("id", "merged", "survivor", "undone", "data"),
)
ALL_MERGES = _statement(
    "all_merges",
    "MATCH (m:%Merge) RETURN m.data AS data ORDER BY m.id",
)

# -- name lookups that cost what is asked, not the store's size ------------------------------
NAMES_FOR_KEYS = _statement(
    "names_for_keys",
    "UNWIND $keys AS k MATCH (n:%Name {key: k}) RETURN n.key AS key, n.entity AS entity, n.text AS text",
    ("keys",),
)
NAMES_WITH_PREFIX = _statement(
    "names_with_prefix",
    "MATCH (n:%Name) WHERE n.key STARTS WITH $prefix RETURN n.key AS key, n.entity AS entity, n.text AS text",
    ("prefix",),
)
