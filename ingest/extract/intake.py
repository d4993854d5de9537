"""Documents into a store: extract, check each fact, write each document as one batch.

Shared by ``kizuna ingest`` and ``POST /documents`` so both report the same
structured list: per document what was written and every fact left out (with
its character span and reason). An invalid fact is left out and the rest of
the document goes in; a document is held back whole only when it cannot be
read or its checked batch is still refused by the store. Re-ingesting a
document replaces what it asserted before.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.errors import KizunaError
from graph.model import EntityType, Lang, Name, NameKind
from graph.review import Candidate, ReviewItem
from graph.store import Store
from ingest.extract.checks import Problem, align_with_stored, check_facts
from ingest.extract.pipeline import DocResult, Progress, extract_paths, strip_private
from ingest.format import parse_fact_file, to_batch
from ingest.load import ensure_vocabulary


@dataclass
class DocumentReport:
    """What became of one document."""

    file: str
    loaded: bool = False
    sources: list[str] = field(default_factory=list)
    entities: int = 0
    relations: int = 0
    problems: list[Problem] = field(default_factory=list)
    review: list[str] = field(default_factory=list)
    resolution: dict[str, int] = field(default_factory=dict)  # matched / new / uncertain counts

    @property
    def clean(self) -> bool:
        return self.loaded and not self.problems

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "loaded": self.loaded,
            "sources": self.sources,
            "entities": self.entities,
            "relations": self.relations,
            "problems": [p.as_dict() for p in self.problems],
            "review": self.review,
            "resolution": self.resolution,
        }


def checked(result: DocResult, store: Store | None, threshold: float) -> tuple[dict[str, Any] | None, DocumentReport]:
    """One extraction result as storable facts plus its report (facts None: nothing to store)."""
    report = DocumentReport(file=result.path, review=list(result.review), resolution=dict(result.resolution))
    if not result.facts:
        report.problems.append(Problem(result.path, "document", result.error or "no facts", held=True))
        return None, report
    report.problems += [Problem(result.path, **d) for d in result.facts.get("_dropped", [])]
    facts = align_with_stored(result.facts, store) if store is not None else result.facts
    facts, problems = check_facts(facts, result.path, store)
    report.problems += problems
    return strip_private(facts, threshold), report


def ingest_documents(
    store: Store,
    paths: Iterable[str | Path],
    threshold: float = 0.6,
    cold: bool = False,
    progress: Progress | None = None,
) -> list[DocumentReport]:
    """Extract (resolving against ``store`` unless ``cold``) and write each document."""
    ensure_vocabulary(store)
    results = extract_paths(paths, store=None if cold else store, progress=progress)
    reports: list[DocumentReport] = []
    for result in results:
        facts, report = checked(result, store, threshold)
        reports.append(report)
        if facts is None:
            continue
        try:
            batch = to_batch(parse_fact_file(facts, result.path), result.path)
            for source in batch.sources:
                if store.get_sources([source.id]):
                    store.retract_source(source.id)
            written = store.write(batch)
        except KizunaError as exc:
            report.problems.append(Problem(result.path, "document", exc.message, held=True))
            continue
        report.loaded = True
        report.sources = [s.id for s in batch.sources]
        report.entities = written.entities
        report.relations = written.relations
        for source in batch.sources:  # what waits for a person replaces what this document queued before
            store.replace_review_items(source.id, review_items(result, source.id))
    return reports


def review_items(result: DocResult, source: str) -> list[ReviewItem]:
    """The document's uncertain entities as review items (with the facts that wait on them)."""
    items = []
    for pending in (result.facts or {}).get("_review", []):
        record = pending["record"]
        start, end = (record.get("_span") or [None, None])[:2]
        public = {k: v for k, v in record.items() if not k.startswith("_")}
        names = [Name(text=t, lang=Lang(lang), kind=NameKind.PRIMARY) for lang, t in public["name"].items()]
        names += [Name(text=a["text"], lang=Lang(a["lang"])) for a in public.get("aliases", [])]
        items.append(ReviewItem(
            entity=public["id"], source=source, document=Path(result.path).name, type=EntityType(public["type"]),
            names=tuple(names), start=start, end=end,
            candidates=tuple(Candidate.model_validate(c) for c in pending["candidates"]),
            record=public, relations=pending["relations"],
        ))
    return items
