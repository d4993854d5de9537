"""The extraction pipeline: documents -> GiNZA -> mentions -> rules -> fact files.

Parsing (GiNZA, the slow part) is kept apart from the rules so the same parse
can be read against different gazetteers (a cold start and a warm store).
Entities resolve to stored ones by whole-name keys only; a near miss is
flagged for review in the entity's description, never merged.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.errors import InvalidFact
from graph.limits import PARSE_PIECE_BYTES
from graph.model import Entity, EntityType, Lang, Name, NameKind
from graph.names import name_key
from graph.registry import check_endpoints
from graph.store import Store
from ingest.extract.documents import Document, DocumentError, iter_documents
from ingest.extract.gazetteer import Gazetteer, base_gazetteer, span_keys, with_store
from ingest.extract.langs import name_lang
from ingest.extract.mentions import capture_aliases, recognise
from ingest.extract.resolve import Resolution, Status, StoreResolver
from ingest.extract.rules import Extraction, extract_relations

VERSION = "0.1"
ASSERTED_BY = f"kizuna-extract/{VERSION}"
# The dependency parser stays: the argument rules read verbs' subjects and objects from it.
# Compound splitting is off in ja_ginza and bunsetu spans are not read.
PIPES_EXCLUDED = ("compound_splitter", "bunsetu_recognizer")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


@functools.cache
def load_nlp() -> Any:
    """GiNZA with only the components the rules read (tokens, tags, dependencies, entities)."""
    import spacy

    return spacy.load("ja_ginza", exclude=list(PIPES_EXCLUDED))


@dataclass
class Parsed:
    document: Document
    doc: Any  # spacy Doc


@dataclass
class DocResult:
    path: str
    facts: dict[str, Any] | None = None  # a FactFile dict
    error: str | None = None
    review: list[str] = field(default_factory=list)
    resolution: dict[str, int] = field(default_factory=dict)  # matched / new / uncertain counts


_PIECE_END = re.compile(r"[\n。．.!?！？]")


def pieces(text: str, limit: int = PARSE_PIECE_BYTES) -> list[str]:
    """``text`` cut into consecutive pieces of at most ``limit`` UTF-8 bytes, each
    ending at a line or sentence end where there is one; joined they are ``text``."""
    out: list[str] = []
    start = 0
    while True:
        window = text[start : start + limit].encode("utf-8")  # limit characters are at least limit bytes
        if len(window) <= limit and start + limit >= len(text):
            out.append(text[start:])
            return out
        end = start + len(window[:limit].decode("utf-8", "ignore"))  # a character cut in two is left out
        cut = max((m.end() for m in _PIECE_END.finditer(text, start + (end - start) // 2, end)), default=end)
        out.append(text[start:cut])
        start = cut


def parse(document: Document) -> Parsed:
    """Parse in pieces the tokenizer accepts (it refuses inputs over ~49 KB), then
    join them into one Doc whose text is the document's: spans keep their offsets."""
    nlp = load_nlp()
    parts = pieces(document.text)
    if len(parts) == 1:
        return Parsed(document, nlp(document.text))
    import warnings

    from spacy.tokens import Doc

    docs = list(nlp.pipe(parts))
    with warnings.catch_warnings():
        # The tokenizer's per-token user data (sub-token splits, which nothing here reads) has no merge rule.
        warnings.filterwarnings("ignore", message=r"\[W102\]", category=UserWarning)
        return Parsed(document, Doc.from_docs(docs, ensure_whitespace=False))


def _lang(text: str) -> Lang:
    return Lang.JA if _CJK.search(text) else Lang.EN


Resolver = StoreResolver  # the name the evaluation and bench code know it by

_PRIMARY_KEY = {Lang.JA: "ja", Lang.EN: "en", Lang.ZH: "zh", Lang.ZH_HANS: "zh", Lang.ZH_HANT: "zh",
                Lang.ROMAJI: "romaji"}


def to_facts(parsed: Parsed, gaz: Gazetteer, resolver: Resolver) -> tuple[dict[str, Any], list[str]]:
    """One document's facts as a FactFile dict, plus review notes."""
    document = parsed.document
    mentions = recognise(parsed.doc, document.text, gaz)
    capture_aliases(document.text, mentions)
    extraction = extract_relations(document, mentions, gaz, parsed.doc)
    return build_fact_file(document, extraction, resolver)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    s = max(text.rfind(ch, 0, start) for ch in "。!?\n") + 1
    ends = [i for i in (text.find(ch, end) for ch in "。!?\n") if i >= 0]
    e = min(ends) + 1 if ends else len(text)
    return s, min(e, s + 300)


def _names_with_langs(texts: list[str], known: dict[str, Lang]) -> tuple[dict[str, str], list[dict[str, str]]]:
    """Primary names per language plus language-and-script tagged aliases, each text once.

    A text the store or gazetteer already holds keeps its tag there (so 辽宁省
    stays the stored zh name rather than coming back as a second copy).
    """
    primary: dict[str, str] = {}
    aliases: list[dict[str, str]] = []
    for text in dict.fromkeys(texts):
        lang = known.get(text) or name_lang(text)
        slot = _PRIMARY_KEY.get(lang, "en")
        if slot not in primary:
            primary[slot] = text
        else:
            aliases.append({"text": text, "lang": lang.value})
    return primary, aliases


def _review_note(names: list[str], res: Resolution) -> str:
    listed = ", ".join(f"{c.name!r} ({c.id}, {c.score:.0f})" for c in res.candidates)
    return f"review: {names[0]!r} may be stored {listed}"


def build_fact_file(document: Document, extraction: Extraction, resolver: Resolver) -> tuple[dict[str, Any], list[str]]:
    """One document's facts: matched and new entities as records, uncertain ones under ``_review``."""
    source = document.source
    ids: dict[str, str] = {}
    entities: dict[str, Entity] = {}
    records: list[dict[str, Any]] = []
    by_id: dict[str, dict[str, Any]] = {}
    review: list[str] = []
    pending: dict[str, dict[str, Any]] = {}  # uncertain entity id -> review item fields
    counts = {status.value: 0 for status in Status}
    shared = _shared_place_names(extraction)
    for key, ent in extraction.entities.items():
        if ent.type is EntityType.SECTOR:
            ids[key] = key
            continue
        entry = next((m.entry for m in ent.mentions if m.entry is not None), None)
        names = list(dict.fromkeys(n for n in ent.names if name_key(n)))
        if not names:
            continue
        res = resolver.resolve(ent.type, names, entry)
        ident = res.id
        ids[key] = ident
        etype = res.type or ent.type
        stored = resolver.stored(ident) if res.status is Status.MATCHED else None
        known: dict[str, Lang] = {}
        extra: list[str] = []
        for holder in ([entry.names] if entry is not None else []) + ([stored.names] if stored else []):
            for n in holder:
                if n.lang is not Lang.UND:
                    known.setdefault(n.text, n.lang)
                extra.append(n.text)
        if etype is EntityType.PLACE:
            extra = [t for t in extra if t not in shared or t in ent.names]
        if etype is ent.type:
            names += [t for t in extra if t not in names]
        else:  # an organisation that is a governing place: its names are the place's aliases
            names = [t for t in extra if t not in names] + names
        primary, aliases = _names_with_langs(names, known)
        kind = stored.kind if stored is not None else ent.kind or (entry.kind if entry else None)
        if etype is EntityType.ORGANISATION and kind is None:
            kind = "other"
        if etype is EntityType.PLACE and kind is None:
            kind = "area"
        if etype is EntityType.EVENT and kind is None:
            kind = "meeting"
        if etype is EntityType.PERSON:
            kind = None
        record: dict[str, Any] = {"id": ident, "type": etype.value, "name": primary, "sources": [source.id]}
        if kind:
            record["kind"] = kind
        if aliases:
            record["aliases"] = aliases
        if entry is not None and entry.iso_code and etype is EntityType.PLACE and stored is None:
            record["iso_code"] = entry.iso_code
        if etype is ent.type:  # a stored entity keeps its dates: the document only fills gaps
            for attr in ("signed", "start"):
                value = ent.attrs.get(attr)
                if isinstance(value, str) and not (stored is not None and getattr(stored, attr)):
                    record[attr] = value
            renewed = ent.attrs.get("renewed")
            if isinstance(renewed, list) and renewed and not (stored is not None and stored.renewed):
                record["renewed"] = sorted(set(renewed))
        try:
            entities[ident] = Entity(
                id=ident,
                type=etype,
                kind=kind,
                names=tuple(Name(text=n, lang=Lang.UND, kind=NameKind.PRIMARY) for n in primary.values()),
            )
        except ValueError:
            continue
        record["_confidence"] = round(ent.confidence, 2)
        if ent.mentions:
            first = min(ent.mentions, key=lambda m: m.start)
            record["_span"] = [first.start, first.end]
        if res.status is Status.UNCERTAIN:
            if ident not in pending:
                counts[res.status.value] += 1
                review.append(_review_note(names, res))
                pending[ident] = {"record": record, "candidates": [c.model_dump() for c in res.candidates],
                                  "relations": []}
            else:
                _absorb(pending[ident]["record"], record)
            continue
        earlier = by_id.get(ident)
        if earlier is not None:  # two local entities resolved to one stored entity: one record
            _absorb(earlier, record)
            continue
        counts[res.status.value] += 1
        by_id[ident] = record
        records.append(record)
    relations: list[dict[str, Any]] = []
    dropped: list[dict[str, Any]] = []  # facts the registry refuses: reported, never silently lost
    seen: set[tuple[str, str, str]] = set()
    for fact in extraction.facts:
        a, b = ids.get(fact.source), ids.get(fact.target)
        if not a or not b or a == b or (fact.type, a, b) in seen:
            continue
        ea, eb = entities.get(a), entities.get(b)
        if eb is None and b.startswith("sector:"):
            eb = Entity(id=b, type=EntityType.SECTOR, names=(Name(text=b),))
        if ea is None or eb is None:
            continue
        try:
            check_endpoints(fact.type, ea, eb)
        except InvalidFact as exc:
            dropped.append({"record": f"relation {fact.type} {a} -> {b}", "reason": exc.message,
                            "start": fact.start, "end": fact.end})
            continue
        seen.add((fact.type, a, b))
        s, e = _sentence(document.text, fact.start, fact.end)
        rel: dict[str, Any] = {
            "type": fact.type,
            "source": a,
            "target": b,
            "evidence": [
                {
                    "source": source.id,
                    "locator": f"chars {fact.start}-{fact.end}",
                    "asserted_by": ASSERTED_BY,
                    "confidence": round(fact.confidence, 2),
                    "quote": document.text[s:e].strip()[:300],
                }
            ],
        }
        if fact.role:
            rel["role"] = fact.role
        if fact.valid_from:
            rel["valid_from"] = fact.valid_from
        waiting = [pending[i] for i in (a, b) if i in pending]
        for item in waiting:  # it goes in when the entity is decided
            item["relations"].append(rel)
        if not waiting:
            relations.append(rel)
    facts = {
        "kizuna": 1,
        "sources": [source.model_dump(mode="json", exclude_none=True)],
        "entities": records,
        "relations": relations,
        "_review": list(pending.values()),
        "_resolution": counts,
        "_dropped": dropped,
    }
    return facts, review


def _shared_place_names(extraction: Extraction) -> set[str]:
    """Names the gazetteer gives to two places of one page (熊本 and Kumamoto for both 熊本県 and 熊本市):
    on that page they tell neither apart, so each place keeps only those of them the page writes for it."""
    holders: dict[str, set[str]] = {}
    for ent in extraction.entities.values():
        if ent.type is not EntityType.PLACE:
            continue
        entry = next((m.entry for m in ent.mentions if m.entry is not None), None)
        for n in ([x.text for x in entry.names] if entry is not None else []) + list(ent.names):
            holders.setdefault(n, set()).add(entry.id if entry is not None else ent.key)
    return {n for n, ids in holders.items() if len(ids) > 1}


def _absorb(record: dict[str, Any], other: dict[str, Any]) -> None:
    """Fold ``other`` (the same entity met again in one document) into ``record``."""
    have = set(record["name"].values()) | {a["text"] for a in record.get("aliases", [])}
    extra = [{"text": t, "lang": lang} for lang, t in other["name"].items()] + list(other.get("aliases", []))
    for alias in extra:
        if alias["text"] not in have:
            record.setdefault("aliases", []).append(alias)
            have.add(alias["text"])
    for key, value in other.items():
        record.setdefault(key, value)
    record["_confidence"] = max(record.get("_confidence", 0.0), other.get("_confidence", 0.0))


def strip_private(facts: dict[str, Any], threshold: float = 0.0) -> dict[str, Any]:
    """A valid FactFile dict: private keys dropped, facts under ``threshold`` left out."""
    facts = {k: v for k, v in facts.items() if not k.startswith("_")}
    relations = [r for r in facts["relations"] if max(e["confidence"] for e in r["evidence"]) >= threshold]
    used = {r["source"] for r in relations} | {r["target"] for r in relations}
    entities = []
    for record in facts["entities"]:
        conf = record.get("_confidence", 1.0)
        if conf >= threshold or record["id"] in used:
            entities.append({k: v for k, v in record.items() if not k.startswith("_")})
    kept = {e["id"] for e in entities}
    relations = [
        r
        for r in relations
        if (r["source"] in kept or r["source"].startswith("sector:"))
        and (r["target"] in kept or r["target"].startswith("sector:"))
    ]
    return {**facts, "entities": entities, "relations": relations}


Progress = Callable[[str, int, int], None]


def extract_paths(
    paths: Iterable[str | Path],
    store: Store | None = None,
    progress: Progress | None = None,
    gazetteer: Gazetteer | None = None,
) -> list[DocResult]:
    """Extract every document under ``paths``; a bad document is reported and skipped."""
    gaz = gazetteer or base_gazetteer()
    resolver = StoreResolver(gaz, store)
    per_document = store is not None and gazetteer is None
    docs = list(iter_documents(paths))
    results: list[DocResult] = []
    for index, (path, item) in enumerate(docs):
        if progress:
            progress(str(path), index, len(docs))
        if isinstance(item, DocumentError):
            results.append(DocResult(str(path), error=str(item)))
            continue
        try:
            parsed = parse(item)
            if per_document:  # the stored entities this document names join the gazetteer (and win)
                tokens = [(t.idx, t.idx + len(t.text)) for t in parsed.doc if not t.text.isspace()]
                gaz = resolver.gaz = with_store(store, span_keys(item.text, tokens))
            facts, review = to_facts(parsed, gaz, resolver)
        except Exception as exc:
            results.append(DocResult(str(path), error=f"{type(exc).__name__}: {exc}"))
            continue
        results.append(DocResult(str(path), facts=facts, review=review, resolution=facts.get("_resolution", {})))
    if progress:
        progress("done", len(docs), len(docs))
    return results


def merge_fact_files(files: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """One FactFile dict from many: entities with one id merge names and sources."""
    sources: dict[str, Any] = {}
    entities: dict[str, dict[str, Any]] = {}
    relations: list[dict[str, Any]] = []
    for facts in files:
        for s in facts["sources"]:
            sources[s["id"]] = s
        for e in facts["entities"]:
            old = entities.get(e["id"])
            if old is None:
                entities[e["id"]] = {**e, "aliases": list(e.get("aliases", [])), "sources": list(e["sources"])}
                continue
            have = {(a["text"]) for a in old["aliases"]} | set(old["name"].values())
            for lang, text in e["name"].items():
                if text not in have:
                    old["aliases"].append({"text": text, "lang": lang})
                    have.add(text)
            for a in e.get("aliases", []):
                if a["text"] not in have:
                    old["aliases"].append(a)
                    have.add(a["text"])
            old["sources"] = sorted(set(old["sources"]) | set(e["sources"]))
            for k, v in e.items():
                old.setdefault(k, v)
        relations += facts["relations"]
    for e in entities.values():
        if not e["aliases"]:
            del e["aliases"]
    return {"kizuna": 1, "sources": list(sources.values()), "entities": list(entities.values()), "relations": relations}
