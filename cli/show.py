"""``kizuna show`` and ``kizuna search``: look entities up by id or name."""

from __future__ import annotations

import functools
from collections import defaultdict
from typing import Annotated, Any

import typer
from rich.text import Text

from cli.common import JsonOpt, StoreOpt, console, print_json, store_at
from cli.tables import row, source_label, table
from graph.model import Entity, EntityType, Lang, Name, NameKind, Source
from graph.registry import RELATION_TYPES, relation_type
from graph.store import Store
from queries.resolve import resolve_entity, search


def entity_detail(store: Store, text: str) -> dict[str, Any]:
    """What the terminal page shows: the entity's records with each relation's sources resolved for display."""
    entity = resolve_entity(store, text)
    record = store.get_entity(entity.id)
    assert record is not None
    neighbours = store.neighbours(entity.id)
    cited = {s for n in neighbours for s in n.relation.sources} | set(record.sources)
    sources = {s.id: s for s in store.get_sources(sorted(cited))}
    relations = []
    for n in neighbours:
        rel = n.relation
        relations.append(
            {
                "id": rel.id,
                "type": rel.type,
                "direction": "out" if n.outgoing else "in",
                "other": {"id": n.entity.id, "name_ja": n.entity.name(Lang.JA), "name_en": n.entity.name(Lang.EN)},
                "role": rel.role,
                "valid_from": rel.valid_from,
                "valid_to": rel.valid_to,
                "confidence": rel.confidence,
                "evidence": [e.model_dump(mode="json", exclude_none=True) for e in rel.evidence],
            }
        )
    return {
        "entity": entity.model_dump(mode="json", exclude_none=True, exclude_defaults=True),
        "sources": [sources[s].model_dump(mode="json", exclude_none=True) for s in sorted(sources)],
        "relations": relations,
    }


def script_of(name: Name) -> str:
    """The language (and, for Chinese, the script) a name is written in: ja, en, zh-Hans, zh-Hant, romaji…"""
    if name.lang is not Lang.ZH:
        return name.lang.value
    simplified, traditional = _chinese()
    if simplified.convert(name.text) != name.text:
        return "zh-Hant"  # it changes when made simplified, so it was written traditional
    if traditional.convert(name.text) != name.text:
        return "zh-Hans"
    return "zh"


@functools.cache
def _chinese() -> tuple[Any, Any]:
    import opencc

    return opencc.OpenCC("t2s"), opencc.OpenCC("s2t")


_SCRIPT_ORDER = ("ja", "en", "zh-Hans", "zh-Hant", "zh", "romaji", "und")


def print_entity(e: Entity, detail: dict[str, Any]) -> None:
    """Everything stored about an entity: names by language, facts, relations by type and date, sources."""
    head = Text(f"{e.name(Lang.JA)} / {e.name(Lang.EN)}", style="bold")
    head.append(f"  ({e.id}, {e.type.value}" + (f", {e.kind}" if e.kind else "") + ")", style="")
    console.print(head)
    names = table("language", "name", "kind", title="Names")
    for n in sorted(e.names, key=lambda n: (_SCRIPT_ORDER.index(script_of(n)) if script_of(n) in _SCRIPT_ORDER
                                           else 99, n.kind is not NameKind.PRIMARY, n.text)):
        row(names, script_of(n), n.text, n.kind.value)
    console.print(names)
    facts = table("field", "value", title="Facts")
    lifetime = ("start", "end") if e.type is EntityType.EVENT else ("founded", "dissolved")
    for field, value in (("description", e.description), ("purpose", e.purpose),
                         ("signed", e.signed), ("renewed", ", ".join(map(str, e.renewed))), ("status", e.status),
                         (lifetime[0], e.start), (lifetime[1], e.end), ("url", e.url), ("ISO code", e.iso_code)):
        if value:
            row(facts, field, str(value))
    if facts.row_count:
        console.print(facts)
    labels = {s["id"]: source_label(Source.model_validate(s), s["id"]) for s in detail["sources"]}
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rel in detail["relations"]:
        by_type[rel["type"]].append(rel)
    for name in [t for t in RELATION_TYPES if t in by_type]:
        rt = relation_type(name)
        rels = sorted(by_type[name], key=lambda r: (r["valid_from"] is None, str(r["valid_from"] or ""),
                                                   r["other"]["name_en"]))
        out = table("", "other", "role", "dates", "source", "locator", "conf.", lines=True,
                    title=f"{rt.label_en} ({name}, {len(rels)})")
        for rel in rels:
            arrow = "→" if rel["direction"] == "out" else "←"
            other = rel["other"]
            ja, en = other["name_ja"], other["name_en"]
            both = ja if ja == en else f"{ja} / {en}"
            dates = " – ".join(str(d) for d in (rel["valid_from"], rel["valid_to"]) if d)
            evidence = rel["evidence"]
            row(out, arrow, f"{both}\n{other['id']}", rel["role"], dates,
                "\n".join(labels.get(ev["source"], ev["source"]) for ev in evidence),
                "\n".join(ev.get("locator") or "" for ev in evidence),
                "\n".join(f"{ev.get('confidence', 1.0):.2f}" for ev in evidence))
        console.print(out)
    sources = table("source", "published", "url", title="Sources")
    for source in sorted(detail["sources"], key=lambda s: (str(s.get("published") or ""), s["title"])):
        row(sources, f"{source['title']}\n{source['id']}", source.get("published"), source.get("url"))
    console.print(sources)


def register(app: typer.Typer) -> None:
    @app.command()
    def show(
        entity: Annotated[str, typer.Argument(help="An id or a name (ja, en, zh, romaji, alias).")],
        store: StoreOpt = None,
        as_json: JsonOpt = False,
    ) -> None:
        """An entity with its relations and their sources."""
        with store_at(store, as_json) as st:
            if as_json:  # the document GET /entities/{id} answers
                from queries.entity import entity_detail as detail_document

                found = resolve_entity(st, entity)
                print_json(detail_document(st, found).model_dump(mode="json", context={"lang": "en"}))
                return
            detail = entity_detail(st, entity)
            record = st.get_entity(detail["entity"]["id"])
        assert record is not None
        print_entity(record.entity, detail)

    @app.command("search")
    def search_cmd(
        text: Annotated[str, typer.Argument(help="Any name or part of one, in any language.")],
        limit: Annotated[int, typer.Option(min=1, max=100, help="Show at most this many matches (1-100).")] = 10,
        store: StoreOpt = None,
        as_json: JsonOpt = False,
    ) -> None:
        """Entities whose names match TEXT (whole names first, then near misses)."""
        with store_at(store, as_json) as st:
            hits = search(st, text, limit=limit)
        if as_json:
            print_json(hits)
            return
        if not hits:
            console.print(f"nothing matches {text!r}")
            raise typer.Exit(1)
        out = table("id", "ja", "en", "type", "matched", "score")
        for h in hits:
            row(out, h.entity.id, h.entity.name_ja, h.entity.name_en, h.entity.type, h.matched, f"{h.score:.0f}")
        console.print(out)
