"""Use cases over a store: what users come for.

=====================  =============================================  ==========================
use case               function                                       module
=====================  =============================================  ==========================
introduction path      ``introduction_paths(store, a, b, ...)``       ``queries.paths``
neighbourhood          ``neighbourhood(store, x, radius=1..3, ...)``  ``queries.neighbourhood``
region network         ``region_network(store, place, ...)``          ``queries.region``
brokers                ``brokers(store, between=(x, y), ...)``        ``queries.brokers``
sector partners        ``sector_partners(store, sector, a, ...)``     ``queries.partners``
search / resolution    ``search``, ``resolve_entity``                 ``queries.resolve``
=====================  =============================================  ==========================

How introduction paths are ranked (details in ``queries.ties`` and ``queries.paths``):

* Only introduction ties count (``graph.registry.TIE_TYPES``); sharing a place
  or sector (``located_in``, ``focuses_on``) only with ``context=True``, at
  strength 0.1.
* A relation's strength = registry strength of its type x best over its
  evidence of (confidence x 0.5 ** (age / 6 years)); age runs from the
  document's publication to the as-of date or today; undated evidence counts
  as 6 years old.
* Agreements and events are meeting points: "A and B are both parties to the
  MOU" is one step; each half carries the square root of its decay, so the
  step decays once.
* Paths (``queries.ranking``, one objective): fewest steps first (a tie, or
  a meeting at one agreement or event; moving inside one actor is no step,
  ``queries.actors``), then the strongest (ties' strengths times each
  intermediary's hub factor), then node ids. All fewest-step paths are found
  by one bidirectional bucket search, ranked by a best-first search inside
  their union; a candidate is kept only if it shares less than half of its
  intermediaries with every path already kept; when that leaves fewer than
  k, the search is repeated without the kept paths' steps, then without
  their intermediaries. Countries never stand between the ends.
* As-of: dated relations must be valid that day, undated ones documented by
  then; agreements signed and events starting later do not exist yet, nor
  organisations and places founded later or dissolved before.

Results are immutable pydantic models (``queries.results``), dumped as they are by the CLI and the API.
Every walk reads the store through the read view (``queries.view``): the
embedded backend answers it from an in-memory index of compact rows
(``store.rows()``), cached by ``store.version()`` (``queries.index``); the
Neo4j backend answers each call with one Cypher statement over the frontier.
"""
