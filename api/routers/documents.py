"""Uploading documents for extraction; extraction runs as a job polled at /jobs/{id}."""

from __future__ import annotations

import importlib.util
import re
import shutil
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser

from api.body import check_declared_size, limited_stream
from api.deps import ReadAuth, SettingsDep, StoreDep, WriteAuth
from api.docs import problems
from api.errors import BadParameter, NotInstalled, UnsupportedMediaType
from api.jobs import Job, JobRunner
from api.models import JobOut
from graph.errors import QueueFull, StoreUnavailable
from graph.open import open_store
from graph.settings import Settings
from graph.store import Store
from ingest.extract.documents import DOC_SUFFIXES

router = APIRouter(tags=["documents"])

MAX_FILES = 20
DEFAULT_THRESHOLD = 0.6  # the CLI's `kizuna ingest` default: load facts at least this confident


def extractor() -> None:
    """501 unless the extraction pipeline is installed (looked up, not imported: the
    model and tokenizer never load in the server process)."""
    for module in ("spacy", "ginza", "ingest.extract.intake"):
        if importlib.util.find_spec(module) is None:
            raise NotInstalled(
                f"document extraction is not installed on this server (no module {module!r}); install the 'nlp' extra"
            )


def extract_job(settings: Settings, paths: list[str], threshold: float) -> dict[str, Any]:
    """One extraction job, run in the extraction process with its own store connection.

    Why a process: loading the Japanese model holds the interpreter lock for
    seconds, and parsing is CPU-bound; in a separate process neither can hold up
    the server (``/health`` keeps answering).
    """
    store = open_store(settings.store, settings)
    try:
        return _extract(store, [Path(p) for p in paths], threshold)
    finally:
        store.close()


def _extract(store: Store, paths: list[Path], threshold: float) -> dict[str, Any]:
    """Extract, check each fact, then load each document as one batch (re-uploading replaces its facts).

    Facts left out and documents held back are listed with their character spans and reasons
    under each document's ``problems``; ``complete`` is False when there are any.
    """
    from ingest.extract.intake import ingest_documents

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



def _before_the_body(request: Request, settings: SettingsDep) -> None:
    """Refuse by Content-Length and by queue length before a byte of the upload is read."""
    check_declared_size(request, settings.max_upload_bytes, "the upload")
    jobs: JobRunner | None = request.app.state.jobs
    if jobs is None:
        raise StoreUnavailable("the job queue is not running (the app is starting or shutting down)")
    jobs.check_room()


def job_out(job: Job) -> JobOut:
    return JobOut(id=job.id, kind=job.kind, status=job.status, created=job.created, finished=job.finished,
                  result=job.result, error=job.error)


_JOB_EXAMPLE = {"id": "3f1c9e0a2b4d4c6e8f0a1b2c3d4e5f60", "kind": "extract", "status": "queued",
                "created": "2025-01-01T09:00:00+00:00", "finished": None, "result": None, "error": None}


_UPLOAD_SCHEMA = {
    "type": "object",
    "required": ["files"],
    "properties": {
        "files": {"type": "array", "items": {"type": "string", "format": "binary"}, "minItems": 1,
                  "maxItems": MAX_FILES, "description": f"Documents to extract from (1-{MAX_FILES})."},
        "threshold": {"type": "number", "minimum": 0.0, "maximum": 1.0, "default": DEFAULT_THRESHOLD,
                      "description": "Load facts at least this confident (0-1)."},
    },
}


def _threshold(form: FormData) -> float:
    raw = form.get("threshold")
    if raw is None:
        return DEFAULT_THRESHOLD
    try:
        value = float(str(raw))
    except ValueError:
        value = -1.0
    if not 0.0 <= value <= 1.0:
        raise BadParameter(f"form parameter 'threshold': expected a number from 0 to 1 (got {str(raw)[:40]!r})")
    return value


def _file_name(upload: UploadFile, index: int) -> str:
    name = re.sub(r"[^\w.\-]+", "_", Path(upload.filename or "").name).strip("._")[:100]
    if Path(name).suffix.lower() not in DOC_SUFFIXES:
        name = f"document-{index}.txt" if not name else f"{name}.txt"
    return name


def _spool(uploads: list[UploadFile]) -> tuple[Path, list[Path]]:
    """Move the uploads into a folder of their own on disk (each file in its own
    subfolder: source ids derive from the file name, as in `kizuna ingest`)."""
    folder = Path(tempfile.mkdtemp(prefix="kizuna-upload-"))
    paths = []
    for index, upload in enumerate(uploads):
        target = folder / str(index) / _file_name(upload, index)
        target.parent.mkdir()
        upload.file.seek(0)
        with target.open("wb") as out:
            shutil.copyfileobj(upload.file, out)
        paths.append(target)
    return folder, paths


@router.post(
    "/documents",
    response_model=JobOut,
    status_code=202,
    summary="Upload documents to extract facts from",
    description=(
        "Multipart upload (`files`, up to 20; text, HTML or Markdown). Extraction runs in the background: the "
        "answer is a job to poll at `/jobs/{id}` (also in the Location header). Needs the API key, checked "
        "before the upload is read. 429 with Retry-After while the extraction queue is full; 501 when the "
        "extraction pipeline is not installed."
    ),
    dependencies=[WriteAuth, Depends(extractor), Depends(_before_the_body)],
    openapi_extra={"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": _UPLOAD_SCHEMA}}}},
    responses={202: {"content": {"application/json": {"example": _JOB_EXAMPLE}}},
               **problems(401, 403, 413, 415, 422, 429, 501)},
)
async def post_documents(request: Request, response: Response, store: StoreDep, settings: SettingsDep) -> JobOut:
    # The body is parsed here, after the key, size and queue checks, never before them.
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        raise UnsupportedMediaType("send the documents as multipart/form-data in the 'files' field")
    parser = MultiPartParser(request.headers, limited_stream(request, settings.max_upload_bytes),
                             max_files=MAX_FILES, max_fields=5, max_part_size=64_000)
    try:
        form = await parser.parse()
    except MultiPartException as exc:
        raise BadParameter(f"the multipart body cannot be read: {exc.message}") from None
    try:
        uploads = [u for u in form.getlist("files") if isinstance(u, UploadFile)]
        if not uploads:
            raise BadParameter("form parameter 'files': give at least one document")
        threshold = _threshold(form)
        folder, paths = await run_in_threadpool(_spool, uploads)
    finally:
        await form.close()

    def work() -> dict[str, Any]:
        try:
            return jobs.in_process(extract_job, settings, [str(p) for p in paths], threshold)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    jobs: JobRunner = request.app.state.jobs
    try:
        job = jobs.submit("extract", work)
    except QueueFull:
        shutil.rmtree(folder, ignore_errors=True)
        raise
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
