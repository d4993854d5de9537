"""The review queue and duplicate finding from a terminal: ``kizuna review …`` and ``kizuna dedupe …``.

The same decisions as the API's /review and /dedupe: each is stored as a
judgement (who, when) in the store, so it is never asked again.
"""

from __future__ import annotations

import getpass
from typing import Annotated

import typer

from cli.common import JsonOpt, StoreOpt, console, print_json, store_at

review_app = typer.Typer(help="Extracted entities waiting for a decision: list, accept, different, new, unsure.",
                         no_args_is_help=True)
dedupe_app = typer.Typer(help="Entities the store may hold twice: list pairs, merge, mark different, undo.",
                         no_args_is_help=True)

UserOpt = Annotated[str | None, typer.Option("--user", help="Who decides (default: the login name).")]
KeyArg = Annotated[str, typer.Argument(help="The item's key (document#entity) or its entity id.")]
PairLeft = Annotated[str, typer.Argument(help="One entity id of the pair.")]
PairRight = Annotated[str, typer.Argument(help="The other entity id of the pair.")]
CandidateArg = Annotated[str | None, typer.Argument(help="A candidate's entity id (needed with several).")]


def _user(user: str | None) -> str:
    if user:
        return user
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "cli"


def _show_outcome(outcome: object, as_json: bool) -> None:
    from ingest.review import Outcome

    assert isinstance(outcome, Outcome)
    if as_json:
        print_json(outcome.as_dict())
    else:
        where = f" as {outcome.entity}" if outcome.entity else ""
        console.print(f"{outcome.key}: {outcome.status}{where} ({outcome.relations} relations written)",
                      highlight=False)
        for other in outcome.settled:
            console.print(f"  settled by the same judgement: {other}", highlight=False)
        for problem in outcome.problems:
            console.print(f"  left out {problem.line()}", style="yellow", highlight=False)
    if any(p.held for p in outcome.problems):
        raise typer.Exit(1)


def _decide(key: str, decision: str, candidate: str | None, store: str | None, user: str | None,
            as_json: bool) -> None:
    from ingest.review import Decision, decide

    with store_at(store, as_json) as st:
        outcome = decide(st, key, Decision(decision), candidate, user=_user(user))
    _show_outcome(outcome, as_json)


@review_app.command("list")
def review_list(store: StoreOpt = None, as_json: JsonOpt = False) -> None:
    """Waiting items with their ranked candidates."""
    with store_at(store, as_json) as st:
        items = st.review_items()
    if as_json:
        print_json([i.model_dump(mode="json") for i in items])
        return
    if not items:
        console.print("nothing waits for review")
        return
    from rich.table import Table

    table = Table("key", "names", "document (chars)", "candidates (score)")
    for item in items:
        span = f" ({item.start}-{item.end})" if item.start is not None else ""
        table.add_row(item.key, " / ".join(n.text for n in item.names[:3]), item.document + span,
                      "\n".join(f"{c.id} {c.name} ({c.score:.0f})" for c in item.candidates))
    console.print(table)


@review_app.command("accept")
def review_accept(key: KeyArg, candidate: CandidateArg = None, store: StoreOpt = None, user: UserOpt = None,
                  as_json: JsonOpt = False) -> None:
    """The extracted entity IS the candidate: its facts go onto the stored entity."""
    _decide(key, "same", candidate, store, user, as_json)


@review_app.command("different")
def review_different(key: KeyArg, candidate: CandidateArg = None, store: StoreOpt = None, user: UserOpt = None,
                     as_json: JsonOpt = False) -> None:
    """The candidate (or, with none named, every candidate) is a different entity."""
    _decide(key, "different", candidate, store, user, as_json)


@review_app.command("new")
def review_new(key: KeyArg, store: StoreOpt = None, user: UserOpt = None, as_json: JsonOpt = False) -> None:
    """Keep it as a new entity (different from every candidate)."""
    _decide(key, "new", None, store, user, as_json)


@review_app.command("unsure")
def review_unsure(key: KeyArg, candidate: CandidateArg = None, store: StoreOpt = None, user: UserOpt = None,
                  as_json: JsonOpt = False) -> None:
    """Record doubt about a candidate; the item keeps waiting."""
    _decide(key, "unsure", candidate, store, user, as_json)


@dedupe_app.command("list")
def dedupe_list(
    store: StoreOpt = None,
    min_score: Annotated[float, typer.Option("--min-score", min=0, max=100, help="Lowest name score shown.")] = 90.0,
    limit: Annotated[int, typer.Option("--limit", min=1, max=10_000, help="Show at most this many pairs.")] = 50,
    as_json: JsonOpt = False,
) -> None:
    """Candidate duplicate pairs (blocked by type and folded name), best first; judged pairs are left out."""
    from ingest.dedupe import candidate_pairs

    with store_at(store, as_json) as st:
        pairs = candidate_pairs(st, min_score=min_score, limit=limit)
    if as_json:
        print_json([p.as_dict() for p in pairs])
        return
    if not pairs:
        console.print("no likely duplicates")
        return
    from rich.table import Table

    table = Table("score", "type", "left", "right")
    for p in pairs:
        table.add_row(f"{p.score:.0f}", p.type, f"{p.left} {p.left_name}", f"{p.right} {p.right_name}")
    console.print(table)


def _judge(left: str, right: str, verdict: str, store: str | None, user: str | None, as_json: bool) -> None:
    from graph.review import Verdict
    from ingest.dedupe import judge_pair

    with store_at(store, as_json) as st:
        record = judge_pair(st, left, right, Verdict(verdict), user=_user(user))
    if as_json:
        print_json({"left": left, "right": right, "verdict": verdict, "merge": record.id if record else None})
    elif record is not None:
        console.print(f"merged {right} into {left} ({record.id}; `kizuna dedupe undo {record.id}` reverts it)",
                      highlight=False)
    else:
        console.print(f"recorded: {left} and {right} are {verdict}", highlight=False)


@dedupe_app.command("merge")
def dedupe_merge(
    survivor: Annotated[str, typer.Argument(help="The id that stays.")],
    merged: Annotated[str, typer.Argument(help="The id folded into it (it stays resolvable).")],
    store: StoreOpt = None, user: UserOpt = None, as_json: JsonOpt = False,
) -> None:
    """Merge MERGED into SURVIVOR: names, sources and every relation with its evidence move over."""
    _judge(survivor, merged, "same", store, user, as_json)


@dedupe_app.command("different")
def dedupe_different(left: PairLeft, right: PairRight, store: StoreOpt = None, user: UserOpt = None,
                     as_json: JsonOpt = False) -> None:
    """Record that LEFT and RIGHT are different entities (the pair is not proposed again)."""
    _judge(left, right, "different", store, user, as_json)


@dedupe_app.command("unsure")
def dedupe_unsure(left: PairLeft, right: PairRight, store: StoreOpt = None, user: UserOpt = None,
                  as_json: JsonOpt = False) -> None:
    """Record doubt about a pair (it stays proposed)."""
    _judge(left, right, "unsure", store, user, as_json)


@dedupe_app.command("undo")
def dedupe_undo(merge_id: Annotated[str, typer.Argument(help="The merge's id (see `kizuna dedupe merges`).")],
                store: StoreOpt = None, user: UserOpt = None, as_json: JsonOpt = False) -> None:
    """Undo a merge: both entities and every relation it touched come back as they were."""
    from graph.merge import undo_merge

    with store_at(store, as_json) as st:
        record = undo_merge(st, merge_id, user=_user(user))
    if as_json:
        print_json({"merge": record.id, "undone": True})
    else:
        console.print(f"undid {record.id}: {record.merged} is separate from {record.survivor} again",
                      highlight=False)


@dedupe_app.command("merges")
def dedupe_merges(store: StoreOpt = None, as_json: JsonOpt = False) -> None:
    """Every merge, undone ones included."""
    with store_at(store, as_json) as st:
        merges = st.merges()
    if as_json:
        print_json([{"id": m.id, "survivor": m.survivor, "merged": m.merged, "user": m.user, "at": m.at,
                     "undone": m.undone} for m in merges])
        return
    for m in merges:
        state = " (undone)" if m.undone else ""
        console.print(f"{m.id}: {m.merged} -> {m.survivor} by {m.user} at {m.at}{state}", highlight=False)


def register(app: typer.Typer) -> None:
    """Add ``review`` and ``dedupe`` to the ``kizuna`` app."""
    app.add_typer(review_app, name="review")
    app.add_typer(dedupe_app, name="dedupe")
