"""The review queue and duplicate finding over HTTP: the same decisions as ``kizuna review`` / ``kizuna dedupe``.

Reads follow the server's read policy; every decision needs the API key and is
stored as a judgement (who, when), so it is never asked again.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field

from api.deps import ReadAuth, StoreDep, WriteAuth
from api.docs import problems
from graph.merge import undo_merge
from graph.review import Verdict
from ingest.dedupe import candidate_pairs, judge_pair
from ingest.review import Decision, decide

router = APIRouter(tags=["review"])

_ITEM = {"entity": "organisation:5b98e8c69f0d3313", "source": "doc:note-e748fec8", "document": "note.md",
         "type": "organisation", "names": [{"text": "神戸医療産業都市推進機構", "lang": "ja", "kind": "primary"}],
         "start": 46, "end": 58,
         "candidates": [{"id": "org:kobe-fbri", "name": "神戸医療産業都市推進機関", "score": 91.7}],
         "record": {"id": "organisation:5b98e8c69f0d3313", "type": "organisation"}, "relations": [],
         "created": "2025-01-01T09:00:00+00:00"}
_OUTCOME = {"key": "doc:note-e748fec8#organisation:5b98e8c69f0d3313", "status": "merged", "entity": "org:kobe-fbri",
            "relations": 3, "problems": [], "settled": []}
_PAIR = {"left": "place:kanagawa", "right": "place:kanagawa-ken", "type": "place", "left_name": "神奈川県",
         "right_name": "神奈川縣", "score": 100.0}
_MERGE = {"id": "merge:0123456789abcdef", "survivor": "place:kanagawa", "merged": "place:kanagawa-ken",
          "user": "ann", "at": "2025-01-01T09:00:00+00:00", "undone": False}

_JUDGED = {"left": "place:kanagawa", "right": "place:kanagawa-ken", "verdict": "same", "merge": _MERGE["id"]}


def _ok(example: object) -> dict[int | str, dict[str, Any]]:
    return {200: {"content": {"application/json": {"example": example}}}}

Id = Annotated[str, Field(min_length=1, max_length=300)]
User = Annotated[str, Field(min_length=1, max_length=100, description="Who decides (recorded with the judgement).")]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DecisionIn(_In):
    key: Annotated[str, Field(min_length=1, max_length=600, description="The item's key (document#entity).")]
    decision: Literal["same", "different", "new", "unsure"]
    candidate: Id | None = Field(None, description="The candidate decided about (needed with several).")
    user: User = "api"


class OutcomeOut(BaseModel):
    key: str
    status: Literal["merged", "new", "waiting"]
    entity: str | None
    relations: int
    problems: list[dict[str, Any]]
    settled: list[str]


class PairOut(BaseModel):
    left: str
    right: str
    type: str
    left_name: str
    right_name: str
    score: float


class JudgementIn(_In):
    left: Id = Field(description="With `same`: the id that survives.")
    right: Id = Field(description="With `same`: the id merged into `left` (it stays resolvable).")
    verdict: Literal["same", "different", "unsure"]
    user: User = "api"


class JudgedOut(BaseModel):
    left: str
    right: str
    verdict: str
    merge: str | None = Field(description="The merge's id when the verdict merged the pair (undo with it).")


class UndoIn(_In):
    merge: Id
    user: User = "api"


class MergeOut(BaseModel):
    id: str
    survivor: str
    merged: str
    user: str
    at: str
    undone: bool


@router.get("/review", summary="Extracted entities waiting for a decision", dependencies=[ReadAuth],
            responses={**_ok([_ITEM]), **problems(401, 403)})
def list_review(store: StoreDep) -> list[dict[str, Any]]:
    """Each item: the extracted names, document and character span, ranked candidates, the waiting facts."""
    return [i.model_dump(mode="json") for i in store.review_items()]


@router.post("/review/decisions", response_model=OutcomeOut, summary="Decide a review item",
             dependencies=[WriteAuth], responses={**_ok(_OUTCOME), **problems(400, 401, 403, 404, 422)})
def post_decision(body: DecisionIn, store: StoreDep) -> OutcomeOut:
    """`same`: the item is the candidate; `different`: the candidate (or every one) is not; `new`: keep it
    as a new entity; `unsure`: record doubt. Settled items' facts are written at once."""
    outcome = decide(store, body.key, Decision(body.decision), body.candidate, user=body.user)
    return OutcomeOut.model_validate(outcome.as_dict())


@router.get("/dedupe", response_model=list[PairOut], summary="Likely duplicate entities", dependencies=[ReadAuth],
            responses={**_ok([_PAIR]), **problems(401, 403, 422)})
def list_pairs(
    store: StoreDep,
    min_score: Annotated[float, Query(ge=0, le=100, description="Lowest name score.")] = 90.0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
) -> list[PairOut]:
    """Pairs blocked by type and folded name, scored, best first; pairs already judged are left out."""
    return [PairOut.model_validate(p.as_dict()) for p in candidate_pairs(store, min_score=min_score, limit=limit)]


@router.post("/dedupe/judgements", response_model=JudgedOut, summary="Judge a pair (same merges it)",
             dependencies=[WriteAuth],
             responses={**_ok(_JUDGED), **problems(400, 401, 403, 404, 422)})
def post_judgement(body: JudgementIn, store: StoreDep) -> JudgedOut:
    record = judge_pair(store, body.left, body.right, Verdict(body.verdict), user=body.user)
    return JudgedOut(left=body.left, right=body.right, verdict=body.verdict, merge=record.id if record else None)


@router.get("/dedupe/merges", response_model=list[MergeOut], summary="Every merge", dependencies=[ReadAuth],
            responses={**_ok([_MERGE]), **problems(401, 403)})
def list_merges(store: StoreDep) -> list[MergeOut]:
    return [MergeOut(id=m.id, survivor=m.survivor, merged=m.merged, user=m.user, at=m.at, undone=m.undone)
            for m in store.merges()]


@router.post("/dedupe/undo", response_model=MergeOut, summary="Undo a merge", dependencies=[WriteAuth],
             responses={**_ok({**_MERGE, "undone": True}), **problems(400, 401, 403, 404, 422)})
def post_undo(body: UndoIn, store: StoreDep) -> MergeOut:
    m = undo_merge(store, body.merge, user=body.user)
    return MergeOut(id=m.id, survivor=m.survivor, merged=m.merged, user=m.user, at=m.at, undone=m.undone)



