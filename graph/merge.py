"""Merging two stored entities into one, and undoing it.

A merge keeps everything: the surviving entity takes the other's names (as
aliases) and sources, every relation of the merged entity is re-pointed at the
survivor with all its evidence (evidence for a relation the survivor already
had is added to it), and the merge record keeps both entities and every
touched relation as they were. The old id stays resolvable through
``Store.merged_into``; ``undo_merge`` puts the graph back from the record.
Both steps are one backend transaction (``Store._persist_merge``).
"""

from __future__ import annotations

from graph.errors import InvalidFact, NotFound
from graph.ids import digest, relation_id
from graph.model import Batch, EntityRecord, NameKind, Relation
from graph.review import Judgement, MergeRecord, Verdict, now
from graph.store import Store, canonical, merge_names, merge_relation


def _repointed(rel: Relation, merged: str, survivor: str) -> Relation | None:
    source = survivor if rel.source == merged else rel.source
    target = survivor if rel.target == merged else rel.target
    if source == target:  # a relation between the two: kept in the merge record only
        return None
    moved = rel.model_copy(update={"source": source, "target": target,
                                   "id": relation_id(rel.type, source, target, rel.role)})
    return canonical(moved)


def merge_entities(store: Store, survivor: str, merged: str, user: str = "kizuna") -> MergeRecord:
    """Fold ``merged`` into ``survivor``; returns the merge record (its id undoes it)."""
    if survivor == merged:
        raise InvalidFact(f"cannot merge {survivor} into itself")
    records = store.get_entities([survivor, merged])
    for ident in (survivor, merged):
        if ident not in records:
            raise NotFound(f"no stored entity has id {ident!r}")
    keep, gone = records[survivor], records[merged]
    if keep.entity.type is not gone.entity.type:
        raise InvalidFact(f"cannot merge {gone.entity.type.value} {merged} into {keep.entity.type.value} {survivor}")
    touched: dict[str, Relation] = {}
    for ident in (survivor, merged):
        for n in store.neighbours(ident):
            touched[n.relation.id] = n.relation
    moved: dict[str, Relation] = {}
    for rel in touched.values():
        if merged not in (rel.source, rel.target):
            continue
        new = _repointed(rel, merged, survivor)
        if new is not None:
            moved[new.id] = merge_relation(moved.get(new.id), new)
    existing = store.get_relations(sorted(moved))
    written = [merge_relation(existing.get(i), r) for i, r in moved.items()]
    aliases = tuple(n.model_copy(update={"kind": NameKind.ALIAS}) if n.kind is NameKind.PRIMARY else n
                    for n in gone.entity.names)
    entity = keep.entity.model_copy(update={"names": merge_names(keep.entity.names, aliases)})
    survivor_record = EntityRecord(entity=entity, sources=tuple(sorted({*keep.sources, *gone.sources})))
    at = now()
    record = MergeRecord(
        id=f"merge:{digest(survivor, merged, at)}",
        survivor=survivor,
        merged=merged,
        user=user,
        at=at,
        before=Batch(entities=[keep, gone], relations=sorted(touched.values(), key=lambda r: r.id)),
        after_relations=tuple(sorted(moved)),
    )
    gone_relations = [i for i, r in touched.items() if merged in (r.source, r.target)]
    store._persist_merge(record, gone_relations, [merged], [survivor_record], written)
    store.add_judgements([Judgement(left=merged, right=survivor, verdict=Verdict.SAME, user=user, at=at)])
    return record


def undo_merge(store: Store, merge_id: str, user: str = "kizuna") -> MergeRecord:
    """Put back both entities and every relation the merge touched, as they were before it."""
    record = next((m for m in store.merges() if m.id == merge_id), None)
    if record is None:
        raise NotFound(f"no merge has id {merge_id!r}")
    if record.undone:
        raise InvalidFact(f"merge {merge_id} was already undone")
    undone = record.model_copy(update={"undone": True})
    before = record.before
    store._persist_merge(undone, list(record.after_relations), [], list(before.entities), list(before.relations))
    store.add_judgements([Judgement(left=record.merged, right=record.survivor, verdict=Verdict.DIFFERENT,
                                    user=user)])
    return undone
