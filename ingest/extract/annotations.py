"""Annotated documents: fact files whose records may carry ``must: false``, and
scores of extracted facts against them, one document at a time.

An annotation is an ordinary fact file (the same format as curated data) plus
one field on entities and relations: ``must`` (default true) says whether an
extractor has to find the fact; optional facts count for precision when found
and are not missed when absent.

Only ties are scored as relations: ``located_in`` and ``focuses_on`` are
context (an annotation may record them; they are neither found nor missed).

Relations are scored as unlabelled pairs of entities: a predicted relation of
any type between the entities standing for two gold entities finds every gold
relation between them. A tie between two parties of one
gold agreement restates the agreement and is neither found nor false.
Documents are scored separately (the same name in two documents is two facts)
and the counts added.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from graph.errors import InvalidFile
from graph.model import Batch, EntityType
from ingest.extract.evaluate import Report, _restrict, match_entities
from ingest.files import yaml_error
from ingest.format import FactFile, parse_fact_file, to_batch

CONTEXT = frozenset({"located_in", "focuses_on"})  # context, not ties: left out of relation scores


@dataclass
class Annotations:
    path: str
    facts: FactFile
    optional_entities: set[str] = field(default_factory=set)
    optional_relations: set[tuple[str, str, str]] = field(default_factory=set)

    def files(self) -> list[str]:
        """File names of the annotated documents, in file order."""
        return [Path(s.file).name for s in self.facts.sources if s.file]

    def batch_for(self, file_name: str) -> Batch:
        """The facts annotated for one document."""
        return to_batch(_restrict(self.facts, {file_name}), self.path)


def read_annotations(path: str | Path) -> Annotations:
    """Read an annotation file; a problem raises ``InvalidFile`` naming the file and record."""
    origin = str(path)
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise InvalidFile(f"{origin}: cannot read: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        raise yaml_error(origin, exc) from None
    if not isinstance(data, dict):
        raise InvalidFile(f"{origin}: expected a mapping with sources, entities and relations")
    optional_entities: set[str] = set()
    optional_relations: set[tuple[str, str, str]] = set()
    for section in ("entities", "relations"):
        for index, record in enumerate(data.get(section) or []):
            if not isinstance(record, dict) or "must" not in record:
                continue
            must = record.pop("must")
            if not isinstance(must, bool):
                raise InvalidFile(f"{origin}: {section}[{index}]: 'must' is true or false, not {must!r}")
            if must:
                continue
            if section == "entities":
                optional_entities.add(str(record.get("id")))
            else:
                optional_relations.add((str(record.get("type")), str(record.get("source")), str(record.get("target"))))
    return Annotations(origin, parse_fact_file(data, origin), optional_entities, optional_relations)


def _pair(a: str, b: str) -> frozenset[str]:
    return frozenset((a, b))


def score_document(gold: Batch, predicted: Batch, annotations: Annotations) -> Report:
    """Entity and unlabelled-pair relation scores of one document's extraction."""
    report = Report()
    gold_entities = {r.entity.id: r.entity for r in gold.entities if r.entity.type is not EntityType.SECTOR}
    pred_entities = {r.entity.id: r.entity for r in predicted.entities if r.entity.type is not EntityType.SECTOR}
    mapping = match_entities(gold, predicted)
    counted: set[str] = set()
    for p in pred_entities.values():
        score = report.entities[p.type.value]
        target = mapping.get(p.id)
        if target is None or target in counted:
            score.fp += 1
            report.errors.append(f"false entity {p.type.value}: {p.names[0].text}")
        else:
            counted.add(target)
            score.tp += 1
    for g in gold_entities.values():
        score = report.entities[g.type.value]
        must = g.id not in annotations.optional_entities
        if score.found is None:
            score.found = 0
        if g.id in counted:
            score.found += int(must)
        elif must:
            score.fn += 1
            report.errors.append(f"missed entity {g.type.value}: {g.names[0].text}")

    gold_type: dict[frozenset[str], str] = {}
    must_pairs: set[frozenset[str]] = set()
    for r in gold.relations:
        if r.type in CONTEXT or r.source == r.target:
            continue
        pair = _pair(r.source, r.target)
        must = (r.type, r.source, r.target) not in annotations.optional_relations
        if must:
            must_pairs.add(pair)
        if pair not in gold_type or must:
            gold_type[pair] = r.type
    # Two parties of one gold agreement are one step apart through it: a tie between them
    # restates the agreement, neither found nor false.
    parties: dict[str, set[str]] = {}
    for r in gold.relations:
        if r.type == "party_to":
            parties.setdefault(r.target, set()).add(r.source)
    implied = {_pair(a, b) for group in parties.values() for a in group for b in group if a != b}
    predicted_pairs: dict[frozenset[str], str] = {}
    unmatched: dict[frozenset[str], str] = {}
    for r in predicted.relations:
        if r.type in CONTEXT:
            continue
        a, b = mapping.get(r.source), mapping.get(r.target)
        if a is None or b is None:
            unmatched.setdefault(_pair(r.source, r.target), r.type)
        elif a != b and (_pair(a, b) in gold_type or _pair(a, b) not in implied):
            predicted_pairs.setdefault(_pair(a, b), r.type)
    for kind in set(gold_type.values()) | set(predicted_pairs.values()) | set(unmatched.values()):
        report.relations[kind].found = report.relations[kind].found or 0
    names = {i: e.names[0].text for i, e in gold_entities.items()}
    for pair, kind in unmatched.items():
        report.relations[kind].fp += 1
        report.errors.append(f"false relation {kind}: {' - '.join(sorted(pair))} (unmatched endpoint)")
    for pair, kind in predicted_pairs.items():
        if pair in gold_type:
            score = report.relations[gold_type[pair]]
            score.tp += 1
            score.found = (score.found or 0) + int(pair in must_pairs)
        else:
            report.relations[kind].fp += 1
            report.errors.append(f"false relation {kind}: {' - '.join(sorted(names.get(x, x) for x in pair))}")
    for pair in must_pairs - set(predicted_pairs):
        report.relations[gold_type[pair]].fn += 1
        report.errors.append(f"missed relation {gold_type[pair]}: {' - '.join(sorted(names.get(x, x) for x in pair))}")
    return report


def score_documents(annotations: Annotations, extracted: Iterable[tuple[str, dict[str, Any]]]) -> Report:
    """Scores summed over documents; ``extracted`` yields (file name, extracted fact file)."""
    total = Report()
    for name, facts in extracted:
        predicted = to_batch(parse_fact_file(facts, name), name)
        report = score_document(annotations.batch_for(name), predicted, annotations)
        report.errors = [f"{name}: {e}" for e in report.errors]
        total.add(report)
    return total
