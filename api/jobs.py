"""Background jobs for uploads that take minutes (a scanned PDF read by OCR), and ``GET /jobs/{id}``.

``POST /documents`` with a scan answers 202 at once with the job; the job runs the same upload as a text file
would (parse, index, keep the file; all or nothing) on one background thread, counting OCR pages as it goes,
and ends "done" with the document's outline or "failed" with the same error body a synchronous upload gives.
Jobs live in the server's memory (the last ``KEEP`` of them): a restart forgets them, never half an upload.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel

from api.deps import AdminDep
from api.schemas import DocumentDetail, ErrorBody
from core.errors import CancuError, IngestError, NotFound

logger = logging.getLogger(__name__)

KEEP = 200
Status = Literal["queued", "running", "done", "failed"]
#: work(progress) -> (document detail, "added" | "updated" | "unchanged"); progress(pages done, pages in all)
Work = Callable[[Callable[[int, int], None]], tuple[DocumentDetail, str]]


class JobStatus(BaseModel):
    id: str
    status: Status
    file: str
    pages_done: int
    pages_total: int
    created_at: float
    finished_at: float | None = None
    upload_status: str | None = None  # added, updated or unchanged, once done
    document: DocumentDetail | None = None
    error: ErrorBody | None = None


class JobNotFound(NotFound):
    message_vi = "Không tìm thấy công việc này (máy chủ chỉ nhớ các công việc gần đây, đến khi khởi động lại)."

    def __init__(self, job_id: str) -> None:
        super().__init__(f"unknown job: {job_id}")


@dataclass
class _Job:
    status: JobStatus
    work: Work = field(repr=False)


class JobRunner:
    """One background thread running jobs in order (OCR itself uses every core)."""

    def __init__(self, keep: int = KEEP) -> None:
        self._jobs: OrderedDict[str, _Job] = OrderedDict()
        self._queue: queue.Queue[_Job] = queue.Queue()
        self._lock = threading.Lock()
        self._keep = keep
        self._thread = threading.Thread(target=self._run, name="cancu-jobs", daemon=True)
        self._thread.start()

    def submit(self, file: str, pages_total: int, work: Work) -> JobStatus:
        job = _Job(
            JobStatus(
                id=uuid.uuid4().hex,
                status="queued",
                file=file,
                pages_done=0,
                pages_total=pages_total,
                created_at=time.time(),
            ),
            work,
        )
        with self._lock:
            self._jobs[job.status.id] = job
            while len(self._jobs) > self._keep:
                oldest = next(iter(self._jobs))
                if self._jobs[oldest].status.status in ("queued", "running"):
                    break
                del self._jobs[oldest]
        self._queue.put(job)
        return job.status.model_copy()

    def get(self, job_id: str) -> JobStatus:
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None:
                raise JobNotFound(job_id)
            return job.status.model_copy()

    def _run(self) -> None:
        while True:
            job = self._queue.get()
            self._execute(job)

    def _execute(self, job: _Job) -> None:
        status = job.status

        def progress(done: int, total: int) -> None:
            with self._lock:
                status.pages_done, status.pages_total = done, total

        with self._lock:
            status.status = "running"
        try:
            document, upload_status = job.work(progress)
        except CancuError as exc:
            message = exc.reason if isinstance(exc, IngestError) else str(exc)
            logger.warning("job %s (%s) failed: %s", status.id, status.file, exc)
            self._finish(
                status, "failed", error=ErrorBody(error=type(exc).__name__, message=message, message_vi=exc.message_vi)
            )
        except Exception:
            logger.exception("job %s (%s) failed", status.id, status.file)
            body = ErrorBody(
                error="internal_error",
                message="internal error; it has been logged",
                message_vi="Lỗi hệ thống; sự cố đã được ghi lại.",
            )
            self._finish(status, "failed", error=body)
        else:
            self._finish(status, "done", document=document, upload_status=upload_status)

    def _finish(self, status: JobStatus, outcome: Status, **fields: Any) -> None:
        with self._lock:
            for key, value in fields.items():
                setattr(status, key, value)
            if outcome == "done":
                status.pages_done = status.pages_total
            status.status = outcome
            status.finished_at = time.time()


def runner(request: Request) -> JobRunner:
    """The app's job runner, started on first use."""
    state = request.app.state
    with _START:
        if getattr(state, "jobs", None) is None:
            state.jobs = JobRunner()
    return state.jobs  # type: ignore[no-any-return]


_START = threading.Lock()
router = APIRouter()


@router.get("/jobs/{job_id}", response_model=JobStatus, tags=["admin"], dependencies=[AdminDep])
def job(job_id: str, request: Request) -> JobStatus:
    """A background upload: queued, running (OCR pages done of pages in all), done with the document, or failed."""
    return runner(request).get(job_id)
