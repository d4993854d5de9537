"""Background jobs for long work (document extraction), polled via GET /jobs/{id}.

One worker thread: extraction is CPU-heavy and the machine is small, so jobs
queue rather than compete. The queue is bounded (``MAX_QUEUED_JOBS``): a full
queue answers 429 with Retry-After instead of holding uploads without end.
Finished jobs are kept (bounded) for polling.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Literal

from graph.errors import KizunaError, NotFound, QueueFull
from graph.limits import MAX_QUEUED_JOBS

Status = Literal["queued", "running", "done", "failed"]
KEEP = 500


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass
class Job:
    id: str
    kind: str
    status: Status = "queued"
    created: str = field(default_factory=_now)
    finished: str | None = None
    result: dict[str, Any] | None = None
    error: str | None = None


class JobRunner:
    def __init__(self, workers: int = 1, max_queued: int = MAX_QUEUED_JOBS) -> None:
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="kizuna-job")
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self.max_queued = max_queued
        self._processes: ProcessPoolExecutor | None = None

    def in_process(self, work: Callable[..., dict[str, Any]], *args: Any) -> dict[str, Any]:
        """Run ``work(*args)`` in the job process and wait for it (from a job thread).

        One long-lived process, started on first use ("spawn": never a fork of a
        threaded server); what it loads (the NLP model) stays loaded for the next job.
        """
        with self._lock:
            if self._processes is None:
                self._processes = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
            pool = self._processes
        return pool.submit(work, *args).result()

    def pending(self) -> int:
        """Jobs queued or running."""
        with self._lock:
            return sum(1 for job in self._jobs.values() if job.status in ("queued", "running"))

    def check_room(self) -> None:
        """Refuse new work (503) while the queue is full; called before an upload is read."""
        if self.pending() >= self.max_queued:
            raise QueueFull(f"the extraction queue is full ({self.max_queued} jobs, MAX_QUEUED_JOBS); try again later",
                       retry_after=30)

    def submit(self, kind: str, work: Callable[[], dict[str, Any]]) -> Job:
        job = Job(id=uuid.uuid4().hex, kind=kind)
        with self._lock:
            if sum(1 for j in self._jobs.values() if j.status in ("queued", "running")) >= self.max_queued:
                raise QueueFull(f"the extraction queue is full ({self.max_queued} jobs, MAX_QUEUED_JOBS); "
                           "try again later", retry_after=30)
            self._jobs[job.id] = job
            while len(self._jobs) > KEEP:
                self._jobs.popitem(last=False)

        def run() -> None:
            job.status = "running"
            try:
                job.result = work()
                job.status = "done"
            except KizunaError as exc:
                job.error = f"{exc.title}: {exc.message}"
                job.status = "failed"
            except Exception as exc:
                job.error = f"{type(exc).__name__}: {exc}"
                job.status = "failed"
            finally:
                job.finished = _now()

        self._pool.submit(run)
        return job

    def get(self, job_id: str) -> Job:
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None:
            raise NotFound(f"no job has id {job_id!r} (jobs live in memory and are lost on restart)")
        return job

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        if self._processes is not None:
            self._processes.shutdown(wait=True, cancel_futures=True)
