"""``kizuna viz region|entity|path|countries -o page.html``.

The exported pages are the ones the API serves under ``/viz/...`` (minus the
side-panel links, which need the server), self-contained and offline.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from cli.common import AsOfOpt, JsonOpt, MinConfOpt, StoreOpt, console, fail, new_app, parse_date, print_json, store_at
from queries.neighbourhood import MAX_RADIUS
from queries.paths import DEFAULT_HOPS, DEFAULT_K, MAX_HOPS, MAX_K
from viz.limits import CONTEXT_PER_NODE, MAX_NODES

OutOpt = Annotated[Path, typer.Option("-o", "--output", help="Where to write the HTML page.")]
class LabelLang(StrEnum):
    """The languages a view can be labelled in."""

    JA = "ja"
    EN = "en"
    ZH = "zh"
    ROMAJI = "romaji"


LangOpt = Annotated[LabelLang, typer.Option(
    "--lang", help="Language of labels and text: ja, en, zh or romaji (text other than names in en).")]

viz_app = new_app(help="Export interactive network views as self-contained HTML pages.", no_args_is_help=True)


def _write(output: Path, html: str, view: str, as_json: bool) -> None:
    """Write the page; ``--json`` reports the file, its view and size."""
    data = html.encode("utf-8")
    try:
        output.write_bytes(data)
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}", as_json=as_json, where=str(output))
    if as_json:
        print_json({"file": str(output), "view": view, "bytes": len(data)})
        return
    console.print(f"wrote {output} ({len(data) / 1e6:.1f} MB)")


@viz_app.command("region")
def region_cmd(
    place: Annotated[str, typer.Argument(help="A place id or name.")],
    output: OutOpt,
    lang: LangOpt = LabelLang.EN,
    people: Annotated[bool, typer.Option("--people/--no-people", help="Draw people working for members.")] = True,
    min_confidence: MinConfOpt = 0.0,
    as_of: AsOfOpt = None,
    store: StoreOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """The network of a place: its members and everything tied to them, cross-border ties in red."""
    from viz.render import region_html

    when = parse_date(as_of, "--as-of")
    with store_at(store, as_json) as st:
        html = region_html(st, place, lang=lang, include_people=people, min_confidence=min_confidence, as_of=when)
    _write(output, html, "region", as_json)


@viz_app.command("entity")
def entity_cmd(
    entity: Annotated[str, typer.Argument(help="An entity id or name.")],
    output: OutOpt,
    radius: Annotated[int, typer.Option(min=1, max=MAX_RADIUS, help="How many relations away from ENTITY to go.")] = 1,
    max_nodes: Annotated[int, typer.Option(min=1, max=MAX_NODES, help="Draw at most this many entities.")] = 500,
    lang: LangOpt = LabelLang.EN,
    store: StoreOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """An entity's neighbourhood."""
    from viz.render import neighbourhood_html

    with store_at(store, as_json) as st:
        html = neighbourhood_html(st, entity, lang=lang, radius=radius, max_nodes=max_nodes)
    _write(output, html, "entity", as_json)


@viz_app.command("path")
def path_cmd(
    source: Annotated[str, typer.Argument(help="Where you are: id or name.")],
    target: Annotated[str, typer.Argument(help="Whom you want to reach: id or name.")],
    output: OutOpt,
    k: Annotated[int, typer.Option("--k", "-k", min=1, max=MAX_K,
            help="How many different paths to find.")] = DEFAULT_K,
    hops: Annotated[int, typer.Option("--hops", min=1, max=MAX_HOPS, help="Most steps per path.")] = DEFAULT_HOPS,
    surroundings: Annotated[int, typer.Option(
        min=0, max=20, help="Surrounding entities drawn (faded) around each entity on a path.")] = CONTEXT_PER_NODE,
    lang: LangOpt = LabelLang.EN,
    min_confidence: MinConfOpt = 0.0,
    as_of: AsOfOpt = None,
    store: StoreOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """The introduction paths from SOURCE to TARGET, steps numbered, inside their surroundings."""
    from viz.render import paths_html

    when = parse_date(as_of, "--as-of")
    with store_at(store, as_json) as st:
        html = paths_html(
            st, source, target, lang=lang, context_per_node=surroundings, k=k, hops=hops,
            min_confidence=min_confidence, as_of=when,
        )
    _write(output, html, "path", as_json)


@viz_app.command("countries")
def countries_cmd(
    output: OutOpt,
    lang: LangOpt = LabelLang.EN,
    people: Annotated[bool, typer.Option("--people/--no-people", help="Count ties of people too.")] = True,
    min_confidence: MinConfOpt = 0.0,
    as_of: AsOfOpt = None,
    store: StoreOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Countries and the number of ties between each pair of them."""
    from viz.render import countries_html

    when = parse_date(as_of, "--as-of")
    with store_at(store, as_json) as st:
        html = countries_html(st, lang=lang, include_people=people, min_confidence=min_confidence, as_of=when)
    _write(output, html, "countries", as_json)


def register(app: typer.Typer) -> None:
    """Add ``viz ...`` to ``app``."""
    app.add_typer(viz_app, name="viz")
