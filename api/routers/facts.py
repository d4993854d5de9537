"""Writing structured facts: the same format as fact files, as JSON or YAML."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import ValidationError

from api.body import read_limited
from api.deps import SettingsDep, StoreDep, WriteAuth
from api.docs import problems
from api.errors import UnsupportedMediaType
from api.models import WriteOut
from graph.errors import InvalidFile
from graph.store import Store
from ingest.files import parse_text
from ingest.load import ensure_vocabulary, load_facts

router = APIRouter(tags=["facts"])

JSON_TYPES = ("application/json",)
YAML_TYPES = ("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml")

FACTS_EXAMPLE = {
    "kizuna": 1,
    "defaults": {"source": "example-note-2024"},
    "sources": [{"id": "example-note-2024", "title": "Meeting note", "published": "2024-03"}],
    "entities": [
        {"id": "org:example-cluster", "type": "organisation", "kind": "cluster",
         "name": {"en": "Example Medical Cluster", "ja": "例示医療クラスター"}, "sectors": ["sector:medical_devices"]},
        {"id": "person:example-director", "type": "person", "name": {"en": "Taro Example", "ja": "例示太郎"}},
    ],
    "relations": [{"type": "works_for", "source": "person:example-director", "target": "org:example-cluster",
                   "role": "director", "valid_from": "2022"}],
}

FACTS_YAML_EXAMPLE = """kizuna: 1
defaults: {source: example-note-2024}
sources:
  - {id: example-note-2024, title: Meeting note, published: 2024-03}
entities:
  - id: org:example-cluster
    type: organisation
    kind: cluster
    name: {en: Example Medical Cluster, ja: 例示医療クラスター}
"""


@router.post(
    "/facts",
    response_model=WriteOut,
    status_code=201,
    summary="Write structured facts",
    description=(
        "The body is a fact file (see `ingest.format`): `sources`, `entities`, `relations`, as JSON "
        "(`application/json`) or YAML (`application/yaml`). The whole body is one atomic batch: on any error "
        "nothing is written, and the problem names the record and field. Writing the same facts twice changes "
        "nothing. Needs the API key."
    ),
    dependencies=[WriteAuth],
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/FactFile"}, "example": FACTS_EXAMPLE},
                "application/yaml": {"schema": {"$ref": "#/components/schemas/FactFile"},
                                     "example": FACTS_YAML_EXAMPLE},
            },
        }
    },
    responses={
        201: {"content": {"application/json": {"example": {"entities": 2, "relations": 2, "sources": 1}}}},
        **problems(401, 403, 413, 415, 422),
    },
)
async def post_facts(request: Request, store: StoreDep, settings: SettingsDep) -> WriteOut:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type in JSON_TYPES or content_type.endswith("+json"):
        suffix = ".json"
    elif content_type in YAML_TYPES:
        suffix = ".yaml"
    else:
        raise UnsupportedMediaType(
            f"content type {content_type or '(none)'!r} is not accepted; send application/json or application/yaml"
        )
    raw = await read_limited(request, settings.max_upload_bytes)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidFile(f"body: not UTF-8 (byte {exc.start})") from None
    return await run_in_threadpool(_load, store, text, suffix)


def _load(store: Store, text: str, suffix: str) -> WriteOut:
    """Parse and write in a worker thread: both touch disk or burn CPU."""
    facts = parse_text(text, suffix, "body")
    ensure_vocabulary(store)
    try:
        result = load_facts(store, facts, "body")
    except ValidationError as exc:  # merging with stored records can still break a model rule
        raise InvalidFile(f"body: {exc.errors()[0]['msg']}") from None
    return WriteOut(entities=result.entities, relations=result.relations, sources=result.sources)
