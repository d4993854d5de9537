"""The ``kizuna`` command line: the same jobs as the HTTP API, for a terminal.

Human-readable output by default, ``--json`` for machines. Errors print their
message (which names what is wrong and where) and exit with status 1.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from cli import bench, copy, extract, queries, serve, show, viz
from cli.common import JsonOpt, StoreOpt, console, err_console, print_json, store_at
from cli.helptext import Commands
from graph.sectors import SECTORS

app = typer.Typer(
    help="Kizuna (絆): a knowledge graph of cross-border innovation ties.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    cls=Commands,
)

@app.command()
def load(
    files: Annotated[list[Path] | None, typer.Argument(help="Fact files (YAML, JSON, CSV) or folders.")] = None,
    seed: Annotated[bool, typer.Option("--seed", help="Load the bundled seed dataset.")] = False,
    store: StoreOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Load fact files; each file is stored whole or not at all."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from ingest.load import load_files, seed_path

    paths: list[Path] = ([seed_path()] if seed else []) + list(files or [])
    if not paths:
        err_console.print("error: name files to load, or --seed")
        raise typer.Exit(2)
    with store_at(store) as st:
        with Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=err_console,
            disable=as_json or not err_console.is_terminal,
        ) as bar:
            task = bar.add_task("loading", total=None)

            def progress(what: str, done: int, total: int) -> None:
                bar.update(task, description=what, completed=done, total=total)

            loaded = load_files(st, paths, progress)
        totals = st.stats()
        if as_json:
            print_json([{"file": f.path, "unchanged": f.unchanged, **f.result.__dict__} for f in loaded])
            return
        for item in loaded:
            r = item.result
            if item.unchanged:
                console.print(f"unchanged {item.path}: already loaded, nothing written since", highlight=False)
                continue
            console.print(f"loaded {item.path}: {r.entities} entities, {r.relations} relations, {r.sources} sources",
                          highlight=False)
        # `stats` counts the sector vocabulary too, which every store holds besides what was loaded.
        console.print(f"the store now holds {totals.entity_total} entities (including the "
                      f"{len(SECTORS)} sectors of the built-in vocabulary), {totals.relation_total} relations, "
                      f"{totals.sources} sources", highlight=False)


@app.command()
def stats(store: StoreOpt = None, as_json: JsonOpt = False) -> None:
    """Counts of entities and relations by type."""
    with store_at(store) as st:
        s = st.stats()
    if as_json:
        print_json({"entities": s.entities, "relations": s.relations, "sources": s.sources})
        return
    table = Table("kind", "type", "count")
    for kind, counts in (("entity", s.entities), ("relation", s.relations)):
        for name, count in sorted(counts.items()):
            table.add_row(kind, name, str(count))
    console.print(table)
    console.print(f"{s.entity_total} entities, {s.relation_total} relations, {s.sources} sources")


@app.command()
def export(
    output: Annotated[Path, typer.Option("-o", "--output", help="Where to write the fact file (YAML or JSON).")],
    store: StoreOpt = None,
) -> None:
    """Write the whole graph as one fact file (reloadable with `kizuna load`)."""
    import yaml

    from ingest.format import to_fact_file

    with store_at(store) as st:
        data = to_fact_file(st.export())
    text = (
        json.dumps(data, ensure_ascii=False, indent=1)
        if output.suffix == ".json"
        else yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    )
    output.write_text(text, encoding="utf-8")
    console.print(f"wrote {len(data['entities'])} entities and {len(data['relations'])} relations to {output}")


@app.command()
def check(store: StoreOpt = None) -> None:
    """Run the store's integrity check."""
    with store_at(store) as st:
        problems = st.check()
    for problem in problems:
        console.print(f"[red]problem:[/] {problem}")
    if problems:
        raise typer.Exit(1)
    console.print("store is sound")


# Each module registers its commands; heavy imports (FastAPI, the NLP stack, pyvis,
# the bench harness) happen inside the commands, so the CLI starts quickly.
for _register in (show.register, queries.register, serve.register, extract.register, copy.register,
                  bench.register, viz.register):
    _register(app)
