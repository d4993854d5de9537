"""Uploading documents for extraction; extraction runs as a job polled at /jobs/{id}."""

from __future__ import annotations

import importlib
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Request, Response, UploadFile
from fastapi import Path as PathParam

from api.deps import ReadAuth, SettingsDep, StoreDep, WriteAuth
from api.docs import problems
from api.errors import NotInstalled, PayloadTooLarge
from api.jobs import Job, JobRunner
from api.models import JobOut
from graph.store import Store
from ingest.extract.documents import DOC_SUFFIXES

router = APIRouter(tags=["documents"])

MAX_FILES = 20
DEFAULT_THRESHOLD = 0.6  # the CLI's `kizuna ingest` default: load facts at least this confident
Extractor = Callable[[Store, list[Path], float], dict[str, Any]]


def extractor() -> Extractor:
    """The extraction pipeline as a job body, or 501 when it is not installed."""
    try:
        importlib.import_module("ingest.extract.intake")
        importlib.import_module("spacy")
    except ImportError as exc:
        raise NotInstalled(
            f"document extraction is not installed on this server ({exc}); install the 'nlp' extra"
        ) from None
    from ingest.extract.intake import ingest_documents

    def run(store: Store, paths: list[Path], threshold: float) -> dict[str, Any]:
        """Extract, check each fact, then load each document as one batch (re-uploading replaces its facts).

        Facts left out and documents held back are listed with their character spans and reasons
        under each document's ``problems``; ``complete`` is False when there are any.
        """
        reports = ingest_documents(store, paths, threshold=threshold)
        documents = []
        for report in reports:
            item = report.as_dict()
            item["file"] = Path(report.file).name
            for problem in item["problems"]:
                problem["document"] = item["file"]
            documents.append(item)
        return {
            "documents": documents,
            "threshold": threshold,
            "complete": all(r.clean for r in reports),
            "entities": sum(r.entities for r in reports),
            "relations": sum(r.relations for r in reports),
            "sources": sum(len(r.sources) for r in reports),
        }

    return run


def _size_limit(request: Request, settings: SettingsDep) -> None:
    """Refuse by Content-Length before the multipart body is parsed."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > settings.max_upload_bytes:
        raise PayloadTooLarge(
            f"the upload has {declared} bytes; the limit is {settings.max_upload_bytes} (max_upload_bytes)"
        )


def job_out(job: Job) -> JobOut:
    return JobOut(id=job.id, kind=job.kind, status=job.status, created=job.created, finished=job.finished,
                  result=job.result, error=job.error)


_JOB_EXAMPLE = {"id": "3f1c9e0a2b4d4c6e8f0a1b2c3d4e5f60", "kind": "extract", "status": "queued",
                "created": "2025-01-01T09:00:00+00:00", "finished": None, "result": None, "error": None}


@router.post(
    "/documents",
    response_model=JobOut,
    status_code=202,
    summary="Upload documents to extract facts from",
    description=(
        "Multipart upload (`files`, up to 20; text, HTML or Markdown). Extraction runs in the background: the "
        "answer is a job to poll at `/jobs/{id}` (also in the Location header). Needs the API key. 501 when the "
        "extraction pipeline is not installed."
    ),
    dependencies=[WriteAuth, Depends(extractor), Depends(_size_limit)],
    responses={202: {"content": {"application/json": {"example": _JOB_EXAMPLE}}},
               **problems(401, 403, 413, 422, 501)},
)
async def post_documents(
    request: Request,
    response: Response,
    store: StoreDep,
    settings: SettingsDep,
    files: Annotated[list[UploadFile], File(min_length=1, max_length=MAX_FILES,
                                            description=f"Documents to extract from (1-{MAX_FILES}).")],
    threshold: Annotated[float, Form(ge=0.0, le=1.0, description="Load facts at least this confident (0-1).")] = (
        DEFAULT_THRESHOLD
    ),
) -> JobOut:
    run = extractor()
    contents: list[tuple[str, bytes]] = []
    total = 0
    for index, upload in enumerate(files):
        data = await upload.read()
        total += len(data)
        if total > settings.max_upload_bytes:
            raise PayloadTooLarge(f"the uploads exceed {settings.max_upload_bytes} bytes (max_upload_bytes)")
        name = re.sub(r"[^\w.\-]+", "_", Path(upload.filename or "").name).strip("._")[:100]
        if Path(name).suffix.lower() not in DOC_SUFFIXES:
            name = f"document-{index}.txt" if not name else f"{name}.txt"
        contents.append((name, data))

    def work() -> dict[str, Any]:
        # Each file keeps its own name (in its own folder): source ids derive from it, as in `kizuna ingest`.
        with tempfile.TemporaryDirectory(prefix="kizuna-upload-") as tmp:
            paths = []
            for index, (name, data) in enumerate(contents):
                folder = Path(tmp) / str(index)
                folder.mkdir()
                (folder / name).write_bytes(data)
                paths.append(folder / name)
            return run(store, paths, threshold)

    jobs: JobRunner = request.app.state.jobs
    job = jobs.submit("extract", work)
    response.headers["Location"] = f"/jobs/{job.id}"
    return job_out(job)


@router.get(
    "/jobs/{id}",
    response_model=JobOut,
    summary="A background job's status and result",
    dependencies=[ReadAuth],
    responses={
        200: {"content": {"application/json": {"example": {**_JOB_EXAMPLE, "status": "done",
                                                            "finished": "2025-01-01T09:00:04+00:00",
                                                            "result": {"documents": 1, "relations": 5}}}}},
        **problems(401, 403, 404, 422),
    },
)
def get_job(
    id: Annotated[str, PathParam(description="Job id from POST /documents.", max_length=64)], request: Request
) -> JobOut:
    jobs: JobRunner = request.app.state.jobs
    return job_out(jobs.get(id))
