"""Precision, recall and F1 of extracted facts against an annotated fact file.

Entities match by type and any shared name or alias (whole-name keys).
Agreements and events carry descriptive names in curated data, so an
extracted agreement also matches a gold one of the same kind sharing a party,
and an event matches when one name key contains the other. Relations match
by type and matched endpoints (either direction for symmetric types).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.model import Batch, Entity, EntityType
from graph.names import name_key
from graph.registry import relation_type
from ingest.files import read_fact_file
from ingest.format import FactFile, to_batch


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    # Must-find items found, when recall counts only those (annotations with optional facts):
    # tp then also counts optional items found, which precision credits but recall ignores.
    found: int | None = None

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        hit = self.tp if self.found is None else self.found
        return hit / (hit + self.fn) if hit + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    entities: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    relations: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    errors: list[str] = field(default_factory=list)  # examples of misses and false alarms

    @staticmethod
    def total(scores: dict[str, Score]) -> Score:
        out = Score()
        for s in scores.values():
            out.tp += s.tp
            out.fp += s.fp
            out.fn += s.fn
            if s.found is not None:
                out.found = (out.found or 0) + s.found
        return out

    def add(self, other: Report) -> None:
        """Add another report's counts (scores over several documents)."""
        for mine, theirs in ((self.entities, other.entities), (self.relations, other.relations)):
            for name, s in theirs.items():
                m = mine[name]
                m.tp += s.tp
                m.fp += s.fp
                m.fn += s.fn
                if s.found is not None:
                    m.found = (m.found or 0) + s.found
        self.errors += other.errors

    def table(self, title: str = "") -> str:
        lines = [title] if title else []
        for label, scores in (("entities", self.entities), ("relations", self.relations)):
            total = self.total(scores)
            lines.append(f"{label:<10} {_counts(total)}")
            for name in sorted(scores):
                lines.append(f"  {name:<14} {_counts(scores[name])}")
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        def view(scores: dict[str, Score]) -> dict[str, Any]:
            out = {
                k: {"precision": v.precision, "recall": v.recall, "f1": v.f1, "tp": v.tp, "fp": v.fp, "fn": v.fn}
                for k, v in scores.items()
            }
            t = self.total(scores)
            out["all"] = {"precision": t.precision, "recall": t.recall, "f1": t.f1, "tp": t.tp, "fp": t.fp, "fn": t.fn}
            return out

        return {"entities": view(self.entities), "relations": view(self.relations)}


def _counts(s: Score) -> str:
    found = "" if s.found is None else f" must-found={s.found}"
    return f"P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} (tp={s.tp} fp={s.fp} fn={s.fn}{found})"


def _keys(entity: Entity) -> set[str]:
    return {k for k in (name_key(n.text) for n in entity.names) if k}


def match_entities(gold: Batch, predicted: Batch) -> dict[str, str]:
    """Which gold entity (id) each predicted entity (id) stands for; sectors are left out."""
    gold_entities = {r.entity.id: r.entity for r in gold.entities if r.entity.type is not EntityType.SECTOR}
    pred_entities = {r.entity.id: r.entity for r in predicted.entities if r.entity.type is not EntityType.SECTOR}
    gold_parties: dict[str, set[str]] = defaultdict(set)
    for r in gold.relations:
        if r.type == "party_to":
            gold_parties[r.target].add(r.source)
    pred_parties: dict[str, set[str]] = defaultdict(set)
    for r in predicted.relations:
        if r.type == "party_to":
            pred_parties[r.target].add(r.source)
    by_key: dict[tuple[EntityType, str], set[str]] = defaultdict(set)
    for g in gold_entities.values():
        for k in _keys(g):
            by_key[(g.type, k)].add(g.id)
    mapping: dict[str, str] = {}  # predicted id -> gold id
    for p in pred_entities.values():
        if p.type is EntityType.AGREEMENT:
            continue
        shared: dict[str, int] = defaultdict(int)  # gold id -> name keys in common
        for k in _keys(p):
            for gid in by_key.get((p.type, k), set()):
                shared[gid] += 1
        if not shared and p.type is EntityType.EVENT:
            pk = _keys(p)
            shared = {
                g.id: 1
                for g in gold_entities.values()
                if g.type is EntityType.EVENT
                and any(len(a) >= 4 and len(b) >= 4 and (a in b or b in a) for a in pk for b in _keys(g))
            }
        if shared:
            # the gold entity sharing most names ("熊本市" and "Kumamoto" beat "Kumamoto" alone)
            mapping[p.id] = min(shared, key=lambda gid: (-shared[gid], gid))
    # Agreements by their parties: best-supported pairs first, each gold agreement once.
    candidates: list[tuple[tuple[int, int], str, str]] = []
    for p in pred_entities.values():
        if p.type is not EntityType.AGREEMENT:
            continue
        parties = {mapping.get(x) for x in pred_parties.get(p.id, set())} - {None}
        for g in gold_entities.values():
            if g.type is not EntityType.AGREEMENT:
                continue
            common = parties & gold_parties.get(g.id, set())
            same_year = bool(p.signed and g.signed and p.signed[:4] == g.signed[:4])
            if len(common) >= 2 or (common and (p.kind == g.kind or same_year)):
                rank = (
                    len(common) - len(parties ^ gold_parties.get(g.id, set())),
                    int(p.kind == g.kind) + int(same_year),
                )
                candidates.append((rank, p.id, g.id))
    taken: set[str] = set()
    for _rank, pid, gid in sorted(candidates, key=lambda c: (-c[0][0], -c[0][1], c[1], c[2])):
        if pid not in mapping and gid not in taken:
            mapping[pid] = gid
            taken.add(gid)
    return mapping


def evaluate(gold: Batch, predicted: Batch) -> Report:
    report = Report()
    gold_entities = {r.entity.id: r.entity for r in gold.entities if r.entity.type is not EntityType.SECTOR}
    pred_entities = {r.entity.id: r.entity for r in predicted.entities if r.entity.type is not EntityType.SECTOR}
    mapping = match_entities(gold, predicted)
    matched_gold = set(mapping.values())
    for p in pred_entities.values():
        score = report.entities[p.type.value]
        if p.id in mapping:
            score.tp += 1
        else:
            score.fp += 1
            report.errors.append(f"false entity {p.type.value}: {p.names[0].text}")
    for g in gold_entities.values():
        if g.id not in matched_gold:
            report.entities[g.type.value].fn += 1
            report.errors.append(f"missed entity {g.type.value}: {g.names[0].text}")
    # tp counts gold entities found once even when two predictions map to one gold entity
    for t, s in report.entities.items():
        found = {mapping[p.id] for p in pred_entities.values() if p.id in mapping and p.type.value == t}
        extra = s.tp - len(found)
        s.tp -= extra
        s.fp += extra

    def rel_key(type_: str, a: str, b: str) -> tuple[str, str, str]:
        if relation_type(type_).symmetric and b < a:
            a, b = b, a
        return (type_, a, b)

    gold_rels = {rel_key(r.type, r.source, r.target) for r in gold.relations}
    pred_rels: set[tuple[str, str, str]] = set()
    for r in predicted.relations:
        a = mapping.get(r.source, r.source if r.source.startswith("sector:") else None)
        b = mapping.get(r.target, r.target if r.target.startswith("sector:") else None)
        if a is None or b is None:
            report.relations[r.type].fp += 1
            report.errors.append(f"false relation {r.type}: {r.source} -> {r.target} (unmatched endpoint)")
            continue
        pred_rels.add(rel_key(r.type, a, b))
    names = {i: e.names[0].text for i, e in gold_entities.items()}
    for key in pred_rels:
        if key in gold_rels:
            report.relations[key[0]].tp += 1
        else:
            report.relations[key[0]].fp += 1
            report.errors.append(f"false relation {key[0]}: {names.get(key[1], key[1])} -> {names.get(key[2], key[2])}")
    for key in gold_rels - pred_rels:
        report.relations[key[0]].fn += 1
        report.errors.append(f"missed relation {key[0]}: {names.get(key[1], key[1])} -> {names.get(key[2], key[2])}")
    return report


def gold_batch(path: str | Path, documents: set[str] | None = None) -> Batch:
    """The gold file as a batch, optionally only facts from sources whose file is in ``documents``."""
    facts = read_fact_file(path)
    if documents is not None:
        facts = _restrict(facts, documents)
    return to_batch(facts, str(path))


def _restrict(facts: FactFile, documents: set[str]) -> FactFile:
    keep = {s.id for s in facts.sources if s.file and Path(s.file).name in documents}
    entities = [e for e in facts.entities if not e.sources or set(e.sources) & keep]
    ids = {e.id for e in entities if e.id}
    relations = []
    for r in facts.relations:
        ev = r.evidence
        cited = {ev} if isinstance(ev, str) else {e.source for e in ev} if ev else set()
        if (not cited or cited & keep) and r.source in ids | {r.source} and r.target in ids | {r.target}:
            relations.append(r)
    return facts.model_copy(
        update={"entities": entities, "relations": relations, "sources": [s for s in facts.sources if s.id in keep]}
    )
