"""Deciding review items: the extracted entity is a stored one, a different one, or new.

Every decision is recorded as judgements first (``graph.review``), then the
item is *settled* from the judgements alone: a "same" sends its record and
waiting facts to the stored entity; "different" from every candidate keeps it
as a new entity; anything else leaves it waiting. Settling reads only
judgements, so the same entity queued by another document settles the same
way without asking again, and so does a re-ingest of the same document.
Facts are written through the same per-fact checks as an ingest.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from graph.errors import InvalidFact, KizunaError, NotFound
from graph.review import Judgement, ReviewItem, Verdict
from graph.store import Store
from ingest.extract.checks import Problem, check_facts
from ingest.format import parse_fact_file, to_batch


class Decision(StrEnum):
    SAME = "same"  # the candidate is this entity
    DIFFERENT = "different"  # the candidate (or, with none named, every candidate) is not
    NEW = "new"  # none of the candidates: keep it as a new entity
    UNSURE = "unsure"  # record doubt, keep waiting


@dataclass
class Outcome:
    """What a decision did to the queue and the graph."""

    key: str
    status: str  # "merged" into a stored entity, "new", or "waiting"
    entity: str | None = None  # the stored id the item's facts now live on
    relations: int = 0
    problems: list[Problem] = field(default_factory=list)
    settled: list[str] = field(default_factory=list)  # other items settled by the same judgements

    def as_dict(self) -> dict[str, Any]:
        return {"key": self.key, "status": self.status, "entity": self.entity, "relations": self.relations,
                "problems": [p.as_dict() for p in self.problems], "settled": self.settled}


def find_item(store: Store, key: str) -> ReviewItem:
    """The waiting item with ``key`` (``source#entity``) or, unambiguously, with entity id ``key``."""
    items = store.review_items()
    found = [i for i in items if i.key == key] or [i for i in items if i.entity == key]
    if not found:
        raise NotFound(f"no review item has key {key!r} (see `kizuna review list`)")
    if len(found) > 1:
        raise InvalidFact(f"{key!r} is waiting in {len(found)} documents; name one: "
                          + ", ".join(i.key for i in found))
    return found[0]


def decide(store: Store, key: str, decision: Decision, candidate: str | None = None,
           user: str = "kizuna") -> Outcome:
    """Record ``decision`` on the item ``key`` as judgements, then settle what they decide."""
    item = find_item(store, key)
    ids = [c.id for c in item.candidates]
    if candidate is not None and candidate not in ids:
        raise InvalidFact(f"{candidate!r} is not a candidate of {item.key}: candidates are {', '.join(ids)}")
    if decision in (Decision.SAME, Decision.UNSURE) and candidate is None:
        if len(ids) != 1:
            raise InvalidFact(f"name the candidate ({', '.join(ids)}) for a '{decision.value}' decision")
        candidate = ids[0]
    if decision is Decision.SAME:
        judged = [(candidate, Verdict.SAME)]
    elif decision is Decision.UNSURE:
        judged = [(candidate, Verdict.UNSURE)]
    elif decision is Decision.DIFFERENT and candidate is not None:
        judged = [(candidate, Verdict.DIFFERENT)]
    else:  # NEW, or DIFFERENT from all
        judged = [(c, Verdict.DIFFERENT) for c in ids]
    store.add_judgements([Judgement(left=item.entity, right=str(c), verdict=v, user=user) for c, v in judged])
    outcome = settle(store, item)
    for other in store.review_items(item.entity):
        if other.key != item.key and settle(store, other).status != "waiting":
            outcome.settled.append(other.key)
    return outcome


def _target(store: Store, item: ReviewItem) -> tuple[str, str | None]:
    """("merged", stored id) / ("new", None) / ("waiting", None), from the judgements alone."""
    judgements = store.judgements([item.entity])
    for j in judgements:
        if j.verdict is Verdict.SAME:
            other = j.other(item.entity)
            return "merged", store.merged_into(other) or other
    different = {j.other(item.entity) for j in judgements if j.verdict is Verdict.DIFFERENT}
    if all(c.id in different for c in item.candidates):
        return "new", None
    return "waiting", None


def _endpoint(store: Store, ident: str, mapping: dict[str, str]) -> str | None:
    if ident in mapping:
        return mapping[ident]
    if store.get_entity(ident) is not None:
        return ident
    for j in store.judgements([ident]):
        if j.verdict is Verdict.SAME:
            other = j.other(ident)
            return store.merged_into(other) or other
    return store.merged_into(ident)


def settle(store: Store, item: ReviewItem) -> Outcome:
    """Write the item's facts if its judgements decide it; drop it from the queue then."""
    status, target = _target(store, item)
    outcome = Outcome(item.key, status)
    if status == "waiting":
        return outcome
    record = copy.deepcopy(item.record)
    if target is not None:
        stored = store.get_entity(target)
        if stored is None:
            raise NotFound(f"{item.key}: the stored entity {target!r} is gone")
        record["id"] = target
        record["type"] = stored.entity.type.value
        if stored.entity.kind:
            record["kind"] = stored.entity.kind
        for attr in ("iso_code", "signed", "start", "end", "renewed"):
            if attr in record and stored.entity.type.value != item.type.value:
                del record[attr]
    mapping = {item.entity: record["id"]}
    relations = []
    for rel in item.relations:
        ends = [_endpoint(store, rel[k], mapping) for k in ("source", "target")]
        if ends[0] is None or ends[1] is None or ends[0] == ends[1]:
            continue  # the other end still waits: it goes in with that item
        relations.append({**rel, "source": ends[0], "target": ends[1]})
    source = store.get_sources([item.source])
    facts = {"kizuna": 1, "sources": [s.model_dump(mode="json", exclude_none=True) for s in source],
             "entities": [{**record, "_span": [item.start, item.end]} if item.start is not None else record],
             "relations": relations}
    clean, problems = check_facts(facts, item.document, store)
    outcome.problems = problems
    public = {**clean, "entities": [{k: v for k, v in e.items() if not k.startswith("_")}
                                    for e in clean["entities"]]}
    try:
        written = store.write(to_batch(parse_fact_file(public, item.document), item.document))
    except KizunaError as exc:
        outcome.problems.append(Problem(item.document, "document", exc.message, held=True))
        outcome.status = "waiting"
        return outcome
    outcome.entity = record["id"]
    outcome.relations = written.relations
    store.remove_review_items([item.key])
    return outcome
