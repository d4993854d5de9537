"""The query commands of the ``kizuna`` CLI: path, neighbours, region, brokers, partners.

``register(app)`` adds them to the main typer app (``cli.app``). Every command
takes ``--store`` (default: the ``store`` setting) and ``--json`` (the result
model as JSON); otherwise it prints rich tables. Errors go through
``cli.common`` (suggestions and candidates included in the JSON form).
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.text import Text

from cli.common import AsOfOpt, JsonOpt, MinConfOpt, StoreOpt, console, emit, parse_date, store_at
from cli.tables import TITLE_CHARS, joined, row, short, source_labels, table
from graph.model import Lang
from queries.brokers import DEFAULT_SAMPLES
from queries.brokers import brokers as run_brokers
from queries.paths import DEFAULT_HOPS, DEFAULT_K, Via, introduction_paths
from queries.results import IntroductionPath, Step


def _step_text(step: Step) -> Text:
    """The step in English and Japanese, the agreement's or event's long title shortened (the same
    way each time it appears) with its id, for ``kizuna show``, on a line of its own."""
    en, ja = step.text_en, step.text_ja
    if step.via is not None:
        en = en.replace(step.via.name_en, short(step.via.name_en))
        ja = ja.replace(step.via.name_ja, short(step.via.name_ja, TITLE_CHARS // 2))
    out = Text(en + "\n")
    out.append(ja, style="dim")
    if step.via is not None:
        out.append(f"\nvia {step.via.id}", style="dim")
    return out


def _print_path(path: IntroductionPath) -> None:
    weakest = f", weakest: step {path.weakest_step}" if path.weakest_step else ""
    inferred = ", rests on inferred facts" if path.inferred else ""
    console.print(path.summary_en, style="bold")
    console.print(path.summary_ja, style="dim")
    if path.same_actor:
        console.print(f"Path {path.rank}: no step — {path.note_en}", style="yellow")
        console.print(path.note_ja, style="yellow")
        return
    out = table("#", "Step", "Date", "Sources", lines=True,
                title=f"Path {path.rank}: {path.hops} step(s), {path.label} ({path.strength:.4g}){weakest}{inferred}")
    for i, step in enumerate(path.steps, start=1):
        sources = "\n".join(f"{s.title} ({s.published or 'undated'})" + (f"\n{s.url}" if s.url else "")
                            for s in step.sources)
        row(out, str(i), _step_text(step), step.date, sources)
    console.print(out)


def register(app: typer.Typer) -> None:
    """Add the query commands to ``app``."""

    @app.command("path")
    def path_cmd(
        source: Annotated[str, typer.Argument(help="Where you are: id or name.")],
        target: Annotated[str, typer.Argument(help="Whom you want to reach: id or name.")],
        k: Annotated[int, typer.Option("--k", "-k", min=1, max=10,
                help="How many different paths to find (1-10).")] = DEFAULT_K,
        hops: Annotated[int, typer.Option("--hops", min=1, max=10, help="Most steps per path (1-10).")] = DEFAULT_HOPS,
        as_of: AsOfOpt = None,
        exclude: Annotated[list[str] | None, typer.Option("--exclude", "-x",
                help="Never pass through this entity (id or name; repeatable).")] = None,
        via: Annotated[str | None, typer.Option(
            "--via", metavar="people|organisations",
            help="Pass only through people, or only through organisations.")] = None,
        min_confidence: MinConfOpt = 0.0,
        context: Annotated[bool, typer.Option("--context",
                help="Also let a shared place or sector link two steps.")] = False,
        store: StoreOpt = None,
        as_json: JsonOpt = False,
    ) -> None:
        """Who can introduce SOURCE to TARGET: the k best different chains of real ties."""
        if via not in (None, "people", "organisations"):
            raise typer.BadParameter("use 'people' or 'organisations'", param_hint="--via")
        via_opt: Via | None = via  # type: ignore[assignment]
        with store_at(store, as_json) as s:
            result = introduction_paths(
                s, source, target, k=k, hops=hops, as_of=parse_date(as_of, "--as-of"), exclude=exclude or (),
                via=via_opt, min_confidence=min_confidence, context=context,
            )

            def human(r: Any) -> None:
                console.print(f"{r.source.name_en} ({r.source.name_ja}) → {r.target.name_en} ({r.target.name_ja})",
                              style="bold")
                if not r.paths:
                    console.print(r.reason, style="yellow")
                for p in r.paths:
                    _print_path(p)

            emit(result, as_json, human)

    @app.command("neighbours")
    def neighbours_cmd(
        entity: Annotated[str, typer.Argument(help="The entity at the centre: id or name.")],
        radius: Annotated[int, typer.Option("--radius", "-r", min=1, max=3,
                                            help="How many relations away from ENTITY to go (1-3).")] = 1,
        entity_type: Annotated[list[str] | None, typer.Option("--type",
                help="Keep only entities of this type (repeatable).")] = None,
        kind: Annotated[list[str] | None, typer.Option("--kind",
                help="Keep only entities of this kind, e.g. university (repeatable).")] = None,
        relation: Annotated[list[str] | None, typer.Option("--relation",
                help="Follow only relations of this type (repeatable).")] = None,
        sector: Annotated[list[str] | None, typer.Option("--sector",
                help="Keep only entities focusing on this sector (repeatable).")] = None,
        date_from: Annotated[str | None, typer.Option("--date-from", metavar="YYYY-MM-DD",
                                                      help="Only relations still valid on or after this date.")] = None,
        date_to: Annotated[str | None, typer.Option(
            "--date-to", metavar="YYYY-MM-DD", help="Only relations already valid on or before this date.")] = None,
        min_confidence: MinConfOpt = 0.0,
        max_nodes: Annotated[int, typer.Option("--max-nodes", min=1, help="Stop after this many entities.")] = 100,
        max_per_node: Annotated[int, typer.Option(
            "--max-per-node", min=1, help="Follow at most this many relations from any one entity.")] = 25,
        store: StoreOpt = None,
        as_json: JsonOpt = False,
    ) -> None:
        """Entities and relations around ENTITY, capped and marked when truncated."""
        from queries.neighbourhood import neighbourhood

        with store_at(store, as_json) as s:
            result = neighbourhood(
                s, entity, radius=radius, entity_types=entity_type, kinds=kind, relation_types=relation,
                sectors=sector, date_from=parse_date(date_from, "--date-from"),
                date_to=parse_date(date_to, "--date-to"),
                min_confidence=min_confidence, max_nodes=max_nodes, max_per_node=max_per_node,
            )

            def human(r: Any) -> None:
                names = {n.entity.id: n.entity.label() for n in r.nodes}
                titles = source_labels(s, (src for e in r.edges for src in e.relation.sources))
                shown = sum(1 for n in r.nodes if n.matched and n.entity.id != r.center.id)
                out = table("From", "Relation", "To", "Conf.", "Sources", lines=True,
                            title=f"Around {r.center.label()} (radius {r.radius}): {shown} entities")
                for e in r.edges:
                    rel = e.relation
                    row(out, names.get(rel.source, rel.source), rel.type + ("" if e.tie else " (context)"),
                        names.get(rel.target, rel.target), f"{rel.confidence:.2f}", joined(rel.sources, titles))
                console.print(out)
                if r.truncated:
                    console.print("Truncated: " + "; ".join(
                        f"{t.entity} ({t.omitted} left out, {t.why})" for t in r.truncations))

            emit(result, as_json, human)

    @app.command("region")
    def region_cmd(
        place: Annotated[str, typer.Argument(help="A city, region or country: id or name.")],
        as_of: AsOfOpt = None,
        min_confidence: MinConfOpt = 0.0,
        people: Annotated[bool, typer.Option("--people/--no-people",
                help="Count people working for members as members.")] = True,
        max_ties: Annotated[int, typer.Option("--max-ties", min=1, help="List at most this many ties.")] = 2000,
        store: StoreOpt = None,
        as_json: JsonOpt = False,
    ) -> None:
        """Everyone located in PLACE and their ties; cross-border ties marked."""
        from queries.region import region_network

        with store_at(store, as_json) as s:
            result = region_network(s, place, as_of=parse_date(as_of, "--as-of"), min_confidence=min_confidence,
                                    include_people=people, max_ties=max_ties)

            def human(r: Any) -> None:
                console.print(f"{r.place.label()}: {len(r.members)} members, {len(r.ties)} ties"
                              + (" (truncated)" if r.truncated else ""), style="bold")
                members = table("Member", "Why", title="Members")
                for m in r.members:
                    row(members, m.entity.label(), m.why)
                console.print(members)
                titles = source_labels(s, (src for t in r.ties for src in t.sources))
                out = table("Member", "Other", "Via", "Relations", "Cross-border", "Sources", title="Ties", lines=True)
                for t in r.ties:
                    row(out, t.member.label(), t.other.label(), short(t.via.label()) if t.via else "",
                        ", ".join(t.relation_types), "yes" if t.cross_border else "", joined(t.sources, titles))
                console.print(out)
                agreements = {a for pairs in (r.region_pairs, r.country_pairs) for p in pairs for a in p.agreements}
                named = {i: rec.entity.name(Lang.EN) for i, rec in s.get_entities(sorted(agreements)).items()}
                for title, pairs in (("Region pairs", r.region_pairs), ("Country pairs", r.country_pairs)):
                    agg = table("A", "B", "Relationships", "Agreements", "Counted", title=title, lines=True)
                    for p in pairs:
                        row(agg, p.a_name, p.b_name, str(p.ties), joined(p.agreements, named),
                            "; ".join(p.relationships))
                    console.print(agg)

            emit(result, as_json, human)

    @app.command("brokers")
    def brokers_cmd(
        top: Annotated[int, typer.Option("--top", min=1, help="How many brokers to list.")] = 10,
        between: Annotated[
            list[str] | None,
            typer.Option("--between",
                    help="Two groups (countries or continents) to bridge, e.g. --between Japan --between Europe."),
        ] = None,
        cross_border: Annotated[bool, typer.Option("--cross-border",
                help="Count only chains whose ends lie in different countries.")] = False,
        as_of: AsOfOpt = None,
        min_confidence: MinConfOpt = 0.0,
        samples: Annotated[
            int, typer.Option("--samples", min=1, help="On large graphs, estimate from this many sampled sources.")
        ] = DEFAULT_SAMPLES,
        seed: Annotated[int, typer.Option("--random-seed", help="Seed for the sampling (same seed, same answer).")] = 0,
        countries: Annotated[bool, typer.Option("--countries",
                help="Also count chains through countries and rank them (left out by default).")] = False,
        store: StoreOpt = None,
        as_json: JsonOpt = False,
    ) -> None:
        """Entities that bridge otherwise separate groups (betweenness on the tie graph)."""
        if between is not None and len(between) != 2:
            raise typer.BadParameter("give exactly two groups", param_hint="--between")
        with store_at(store, as_json) as s:
            result = run_brokers(s, top=top, between=(between[0], between[1]) if between else None,
                                 cross_border=cross_border, as_of=parse_date(as_of, "--as-of"),
                                 min_confidence=min_confidence, samples=samples, seed=seed, countries=countries)

            def human(r: Any) -> None:
                title = f"Brokers ({r.mode}" + (f": {r.sources_label} ↔ {r.targets_label}" if r.sources_label else "")
                title += f", {r.nodes} nodes" + (f", sampled {r.samples}" if r.sampled else "") + ")"
                out = table("#", "Entity", "Score", "Degree", "Country", title=title)
                for i, b in enumerate(r.brokers, start=1):
                    row(out, str(i), b.entity.label(), f"{b.score:.3f}", str(b.degree), b.country)
                console.print(out)

            emit(result, as_json, human)

    @app.command("partners")
    def partners_cmd(
        sector: Annotated[str, typer.Option("--sector", help="The sector: id (healthcare) or name.")],
        origin: Annotated[str, typer.Option("--from", help="Where you are: an entity id or name.")],
        hops: Annotated[int, typer.Option("--hops", min=1, max=10, help="Most steps per path (1-10).")] = DEFAULT_HOPS,
        top: Annotated[int, typer.Option("--top", min=1, help="How many partners to list.")] = 10,
        as_of: AsOfOpt = None,
        min_confidence: MinConfOpt = 0.0,
        store: StoreOpt = None,
        as_json: JsonOpt = False,
    ) -> None:
        """Partners focusing on a sector, reachable from you, strongest path first."""
        from queries.partners import sector_partners

        with store_at(store, as_json) as s:
            result = sector_partners(s, sector, origin, hops=hops, top=top, as_of=parse_date(as_of, "--as-of"),
                                     min_confidence=min_confidence)

            def human(r: Any) -> None:
                out = table("#", "Partner", "Strength", "Steps", "Best path", lines=True,
                            title=f"{r.sector.label()} partners reachable from {r.origin.label()} "
                                  f"({r.candidates} focus on it, {r.unreachable} unreachable)")
                for i, p in enumerate(r.partners, start=1):
                    steps = [_step_text(step).plain.split("\n")[0] for step in p.path.steps]
                    row(out, str(i), p.entity.label(), f"{p.strength:.4g}", str(p.hops), "\n".join(steps))
                console.print(out)

            emit(result, as_json, human)
