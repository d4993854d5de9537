"""``kizuna show`` and ``kizuna search``: look entities up by id or name."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table

from cli.common import JsonOpt, StoreOpt, console, print_json, store_at
from graph.model import Lang, NameKind
from graph.registry import relation_type
from graph.store import Store
from queries.resolve import resolve_entity, search


def entity_detail(store: Store, text: str) -> dict[str, Any]:
    """An entity with its names, relations (both ways) and their sources."""
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


def register(app: typer.Typer) -> None:
    @app.command()
    def show(
        entity: Annotated[str, typer.Argument(help="An id or a name (ja, en, zh, romaji, alias).")],
        store: StoreOpt = None,
        as_json: JsonOpt = False,
    ) -> None:
        """An entity with its relations and their sources."""
        with store_at(store, as_json) as st:
            detail = entity_detail(st, entity)
            if as_json:
                print_json(detail)
                return
            record = st.get_entity(detail["entity"]["id"])
        assert record is not None
        e = record.entity
        console.print(f"[bold]{e.name(Lang.JA)}[/] / [bold]{e.name(Lang.EN)}[/]  ({e.id}, {e.type.value}"
                      + (f", {e.kind}" if e.kind else "") + ")", highlight=False)
        others = [n for n in e.names if n.kind is not NameKind.PRIMARY]
        if others:
            console.print("also: " + ", ".join(n.text for n in others), highlight=False)
        table = Table("relation", "other", "dates", "sources")
        for rel in detail["relations"]:
            label = relation_type(rel["type"]).label_en
            arrow = f"{label} →" if rel["direction"] == "out" else f"← {label}"
            if rel["role"]:
                arrow += f" ({rel['role']})"
            dates = " – ".join(d for d in (rel["valid_from"], rel["valid_to"]) if d)
            srcs = ", ".join(sorted({ev["source"] for ev in rel["evidence"]}))
            table.add_row(arrow, f"{rel['other']['name_en']} ({rel['other']['id']})", dates, srcs)
        console.print(table)
        for source in detail["sources"]:
            console.print(f"[dim]{source['id']}: {source['title']} {source.get('published', '')} "
                          f"{source.get('url', '')}[/]", highlight=False)

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
        table = Table("id", "ja", "en", "type", "matched", "score")
        for h in hits:
            table.add_row(h.entity.id, h.entity.name_ja, h.entity.name_en, h.entity.type, h.matched, f"{h.score:.0f}")
        console.print(table)
