"""The ``kizuna`` command line: the same jobs as the HTTP API, for a terminal.

Human-readable output by default, ``--json`` for machines (one JSON document on
stdout, the result or the error; see ``cli.common``). Errors name what is wrong
and where, and exit with status 1 (2 for usage errors).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from copy import copy as shallow_copy
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup
from typer.main import get_command_name, get_group, get_install_completion_arguments

from cli import bench, copy, extract, queries, review, serve, show, viz
from cli.common import (
    JsonOpt,
    KizunaGroup,
    StoreOpt,
    console,
    err_console,
    fail,
    print_json,
    reporting,
    store_at,
)
from cli.helptext import Commands
from cli.viz import LabelLang
from graph.sectors import SECTORS


class Root(Commands, KizunaGroup):
    """The root group: plain value words in ``--help``; usage errors as JSON under ``--json``."""


class Kizuna(typer.Typer):
    """The ``kizuna`` entry point. Run as ``kizuna COMMAND ...`` it builds only COMMAND: typer
    otherwise reads the signature of every command (some forty) before running one."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        lean = None if args or kwargs else self.lean_group(sys.argv[1:])
        return super().__call__(*args, **kwargs) if lean is None else lean()

    def lean_group(self, argv: Sequence[str]) -> TyperGroup | None:
        """The group holding only the command ``argv`` starts with; None when it names none
        (``--help``, a typo: those need every command, for the list and the suggestions)."""
        chosen = argv[0] if argv else None
        commands = [c for c in self.registered_commands
                    if (c.name or get_command_name(c.callback.__name__ if c.callback else "")) == chosen]
        groups = [g for g in self.registered_groups
                  if (g.name or (g.typer_instance.info.name if g.typer_instance else None)) == chosen]
        if not commands and not groups:
            return None
        lean = shallow_copy(self)
        lean.registered_commands, lean.registered_groups = commands, groups
        group = get_group(lean)
        if self._add_completion:
            group.params.extend(get_install_completion_arguments())
        return group


app = Kizuna(
    name="kizuna",
    help="Kizuna (絆): a knowledge graph of cross-border innovation ties.",
    no_args_is_help=True,
    cls=Root,
    pretty_exceptions_enable=False,
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
        fail("name files to load, or --seed", as_json=as_json, title="Invalid usage", exit_code=2)
    with store_at(store, as_json) as st:
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
    from rich.table import Table

    with store_at(store, as_json) as st:
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


class ExportFormat(StrEnum):
    """What ``export`` writes."""

    FACTS = "facts"
    GRAPHML = "graphml"
    GEXF = "gexf"
    CSV = "csv"
    NEO4J_ADMIN = "neo4j-admin"


@app.command()
def export(
    output: Annotated[Path, typer.Option("-o", "--output", help="Where to write (for csv: NAME.nodes.csv and "
                                         "NAME.edges.csv beside it).")],
    fmt: Annotated[ExportFormat | None, typer.Option(
        "--format", help="What to write: a fact file (facts, reloadable with `kizuna load`), graphml (Cytoscape, "
        "yEd, Gephi), gexf (Gephi), csv (node and edge tables) or neo4j-admin (CSV files for `neo4j-admin database "
        "import full` into the folder OUTPUT; the command is printed); default: from the output's suffix.")] = None,
    region: Annotated[str | None, typer.Option(
        "--region", help="Only this place's region network (as `kizuna region` answers it).")] = None,
    path: Annotated[tuple[str, str] | None, typer.Option(
        "--path", metavar="FROM TO", help="Only the introduction paths from FROM to TO (as `kizuna path`).")] = None,
    lang: Annotated[LabelLang, typer.Option("--lang", help="Language of the label columns.")] = LabelLang.EN,
    store: StoreOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Write the graph, a region network or introduction paths for other tools, or as a fact file."""
    import yaml

    from ingest.format import to_fact_file

    if fmt is ExportFormat.NEO4J_ADMIN:
        if region or path:
            fail("neo4j-admin exports the whole graph: leave out --region and --path", as_json=as_json,
                 title="Invalid usage", exit_code=2)
        export_neo4j_admin(output, store, as_json)
        return
    by_suffix = (f for f in ExportFormat if output.suffix.lower() == f".{f.value}")
    chosen: ExportFormat = fmt or next(by_suffix, ExportFormat.FACTS)
    if chosen is ExportFormat.FACTS and (region or path):
        fail("--region and --path export graphs: add --format graphml, gexf or csv", as_json=as_json,
             title="Invalid usage", exit_code=2)
    if region and path:
        fail("give --region or --path, not both", as_json=as_json, title="Invalid usage", exit_code=2)
    if chosen is ExportFormat.FACTS:
        with store_at(store, as_json) as st:
            data = to_fact_file(st.export())
        contents = {output: (
            json.dumps(data, ensure_ascii=False, indent=1)
            if output.suffix == ".json"
            else yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        ).encode("utf-8")}
        counts = {"entities": len(data["entities"]), "relations": len(data["relations"]),
                  "sources": len(data["sources"])}
        said = f"wrote {counts['entities']} entities and {counts['relations']} relations to {output}"
    else:
        from queries.export import path_graph, region_graph, serialise, store_graph, tables

        with store_at(store, as_json) as st:
            graph = (region_graph(st, region, lang=lang) if region else
                     path_graph(st, path[0], path[1], lang=lang) if path else store_graph(st, lang=lang))
        if chosen is ExportFormat.CSV:
            nodes, edges = tables(graph)
            # The BOM lets spreadsheet programs read the UTF-8.
            contents = {output.with_name(f"{output.stem}.nodes.csv"): nodes.encode("utf-8-sig"),
                        output.with_name(f"{output.stem}.edges.csv"): edges.encode("utf-8-sig")}
        else:
            contents = {output: serialise(graph, chosen.value)}  # type: ignore[arg-type]
        counts = {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}
        said = (f"wrote {counts['nodes']} nodes and {counts['edges']} edges to "
                + " and ".join(str(w) for w in contents))
    with reporting(as_json):
        for target, content in contents.items():
            try:
                target.write_bytes(content)
            except OSError as exc:
                fail(f"cannot write {target}: {exc.strerror or exc}", as_json=as_json, where=str(target))
    if as_json:
        where: dict[str, object] = (
            {"file": str(output)} if len(contents) == 1 else {"files": [str(t) for t in contents]}
        )
        print_json({**where, **({} if chosen is ExportFormat.FACTS else {"format": chosen.value}), **counts})
        return
    console.print(said, highlight=False)


def export_neo4j_admin(folder: Path, store: str | None, as_json: bool) -> None:
    """The whole graph as CSV files for Neo4j's bulk import, and the command that imports them."""
    from graph.neo4j_admin import import_command, write_import_files

    with store_at(store, as_json) as st:
        batch = st.export()
    with reporting(as_json):
        try:
            files = write_import_files(batch, folder)
        except OSError as exc:
            fail(f"cannot write {folder}: {exc.strerror or exc}", as_json=as_json, where=str(folder))
    command = import_command(files)
    if as_json:
        print_json({"folder": str(folder), "files": {f.path.name: f.rows for f in files}, "command": command})
        return
    console.print(f"wrote {len(files)} files to {folder}; import them into a new database with:", highlight=False)
    console.print(command, highlight=False, soft_wrap=True)


@app.command()
def check(store: StoreOpt = None, as_json: JsonOpt = False) -> None:
    """Run the store's integrity check (exit status 1 when it finds problems)."""
    with store_at(store, as_json) as st:
        problems = st.check()
    if as_json:
        print_json({"sound": not problems, "problems": problems})
    else:
        for problem in problems:
            console.print(f"problem: {problem}", style="red", highlight=False, soft_wrap=True)
        if not problems:
            console.print("store is sound")
    if problems:
        raise typer.Exit(1)


# Each module registers its commands; heavy imports (FastAPI, the NLP stack, pyvis,
# the bench harness) happen inside the commands, so the CLI starts quickly.
for _register in (show.register, queries.register, serve.register, extract.register, copy.register,
                  bench.register, viz.register, review.register):
    _register(app)
