"""Untrusted files are read in worker processes, each bounded in wall-clock time and in memory.

Read in the server's own process, a hostile file is a denial of service: a PDF whose one content stream holds
millions of operators, a .docx of millions of empty paragraphs or a crash inside a C library cannot be stopped
from outside a thread, and memory once taken stays. Here each file is read in a child process whose address
space is limited (``RLIMIT_AS``) and which is killed when its time is up; the caller gets that file's named
error (``ParseTimeout``, ``ParseMemoryExceeded``, ``ReaderCrashed``) and the next file goes to a fresh process.
A scanned PDF gets ``Limits.ocr_page_seconds`` more for each page it sends to OCR (the page count is known as
soon as OCR starts; its progress is relayed to the caller's ``ocr.reporting`` callback).

Children are spawned (the parent runs the store's threads, so it is not forked), wait for tasks on a pipe and
end with their parent; an idle one ends after ``idle_seconds``. Starting one costs 1–3 s of imports, so a
pool that closes hands its idle children to the next pool of the same process (tests build many engines).

    pool = ParserPool(Limits(seconds=60, memory_mb=1024), workers=2)
    doc = pool.run("plan.pdf", parse_bytes, "plan.pdf", data)
    pool.close()
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import queue
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from core.errors import (
    CancuError,
    ParseMemoryExceeded,
    ParseTimeout,
    ReaderCrashed,
    ServiceStopping,
    UnreadableFile,
)
from ingest import ocr

logger = logging.getLogger(__name__)

T = TypeVar("T")
START_SECONDS = 120.0  # a child's imports on a loaded machine (measured 1–3 s; not counted against a file)
POLL = 0.2  # how often a waiting supervisor looks at its deadline and at close()
MAX_SPARES = 4


@dataclass(frozen=True)
class Limits:
    """Bounds of reading one file (from Settings: CANCU_PARSE_TIMEOUT_S, _PARSE_MEMORY_MB, _OCR_PAGE_TIMEOUT_S)."""

    seconds: float = 120.0
    memory_mb: int = 1024
    ocr_page_seconds: float = 60.0


@dataclass
class _Task:
    name: str
    fn: Callable[..., Any]
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    progress: ocr.Progress | None
    future: Future[Any] = field(default_factory=Future)


class _Child:
    """One worker process and the parent's end of its pipe."""

    def __init__(self) -> None:
        ctx = multiprocessing.get_context("spawn")
        self.conn, theirs = ctx.Pipe()
        self.proc = ctx.Process(target=_child_main, args=(theirs, os.getpid()), name="cancu-reader", daemon=True)
        self.proc.start()
        theirs.close()
        if not self.conn.poll(START_SECONDS):
            self.kill()
            raise UnreadableFile("(worker)", "a reading process did not start")
        try:
            self.conn.recv()  # "ready": imports done
        except (EOFError, OSError) as exc:
            self.kill()
            raise UnreadableFile("(worker)", "a reading process failed to start") from exc

    def alive(self) -> bool:
        return self.proc.is_alive()

    def kill(self) -> None:
        with contextlib.suppress(Exception):
            self.proc.kill()
            self.proc.join(5)
        with contextlib.suppress(Exception):
            self.conn.close()


_SPARES: list[_Child] = []
_SPARES_LOCK = threading.Lock()


def _acquire() -> _Child:
    with _SPARES_LOCK:
        while _SPARES:
            child = _SPARES.pop()
            if child.alive():
                return child
            child.kill()
    return _Child()


def _release(child: _Child) -> None:
    with _SPARES_LOCK:
        if child.alive() and len(_SPARES) < MAX_SPARES:
            _SPARES.append(child)
            return
    child.kill()


class ParserPool:
    """Runs reading tasks in up to ``workers`` child processes, each task within ``limits``."""

    def __init__(self, limits: Limits, workers: int = 1, *, idle_seconds: float = 300.0) -> None:
        self.limits = limits
        self.workers = max(1, workers)
        self.idle_seconds = idle_seconds
        self._tasks: queue.Queue[_Task | None] = queue.Queue()
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self._closing = threading.Event()

    def submit(self, name: str, fn: Callable[..., T], *args: Any, **kwargs: Any) -> Future[T]:
        """Read ``fn(*args, **kwargs)`` in a child (``fn`` importable, arguments picklable); ``name`` names the
        file in errors. OCR progress goes to the ``ocr.reporting`` callback active here."""
        if self._closing.is_set():
            raise ServiceStopping("the reading processes are stopping")
        task = _Task(name, fn, args, kwargs, ocr.current_progress())
        with self._lock:
            if len(self._threads) < self.workers:
                thread = threading.Thread(target=self._supervise, name="cancu-reader-supervisor", daemon=True)
                self._threads.append(thread)
                thread.start()
        self._tasks.put(task)
        return task.future

    def run(self, name: str, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """``submit`` and wait: the result, or the file's named error."""
        return self.submit(name, fn, *args, **kwargs).result()

    def close(self) -> None:
        """Stop: a file being read is abandoned (its caller gets ``ServiceStopping``), idle children are kept
        for the next pool of this process."""
        self._closing.set()
        for _ in self._threads:
            self._tasks.put(None)
        for thread in self._threads:
            thread.join(10)
        while True:
            try:
                task = self._tasks.get_nowait()
            except queue.Empty:
                break
            if task is not None and task.future.set_running_or_notify_cancel():
                task.future.set_exception(ServiceStopping("the reading processes are stopping"))

    # ------------------------------------------------------------ the supervisor of one child

    def _supervise(self) -> None:
        child: _Child | None = None
        while True:
            try:
                task = self._tasks.get(timeout=self.idle_seconds)
            except queue.Empty:
                if child is not None:  # idle: give the memory back
                    child.kill()
                    child = None
                continue
            if task is None or self._closing.is_set():
                if task is not None and task.future.set_running_or_notify_cancel():
                    task.future.set_exception(ServiceStopping("the reading processes are stopping"))
                break
            if not task.future.set_running_or_notify_cancel():
                continue
            try:
                if child is None or not child.alive():
                    child = _acquire()
                task.future.set_result(self._execute(child, task))
            except BaseException as exc:
                if child is not None and not child.alive():
                    child.kill()
                    child = None
                task.future.set_exception(exc)
        if child is not None:
            _release(child)

    def _execute(self, child: _Child, task: _Task) -> Any:
        limits = self.limits
        memory = limits.memory_mb * 1024 * 1024
        try:
            child.conn.send((task.fn, task.args, task.kwargs, memory, task.progress is not None))
        except (BrokenPipeError, ConnectionResetError):
            raise self._crashed(child, task.name) from None
        deadline = time.monotonic() + limits.seconds
        allowed = limits.seconds
        extended = False
        while True:
            if self._closing.is_set():
                child.kill()
                raise ServiceStopping(f"{task.name}: reading was stopped: the process is shutting down")
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                child.kill()
                logger.warning("%s: reading stopped after %.0f s", task.name, allowed)
                raise ParseTimeout(
                    task.name,
                    f"reading the file took longer than {allowed:.0f} s and was stopped (CANCU_PARSE_TIMEOUT_S)",
                    message_vi=f"Quá thời gian đọc tệp ({allowed:.0f} giây): tệp quá lớn hoặc có cấu trúc bất thường.",
                )
            if not child.conn.poll(min(remaining, POLL)):
                continue
            try:
                kind, payload = child.conn.recv()
            except (EOFError, OSError):
                raise self._crashed(child, task.name) from None
            if kind == "progress":
                name, done, total = payload
                if not extended and total:
                    extended = True
                    deadline += total * limits.ocr_page_seconds
                    allowed += total * limits.ocr_page_seconds
                if task.progress is not None:
                    with contextlib.suppress(Exception):
                        task.progress(name, done, total)
            elif kind == "done":
                return payload
            elif kind == "memory":
                child.kill()
                logger.warning("%s: reading stopped at the %d MB memory limit", task.name, limits.memory_mb)
                raise ParseMemoryExceeded(
                    task.name,
                    f"reading the file needed more than {limits.memory_mb} MB and was stopped (CANCU_PARSE_MEMORY_MB)",
                    message_vi=f"Đọc tệp cần hơn {limits.memory_mb} MB bộ nhớ: tệp quá lớn hoặc có cấu trúc bất thường.",
                )
            else:  # "error": the exception the task raised, the project's own or the reader's
                raise payload

    @staticmethod
    def _crashed(child: _Child, name: str) -> CancuError:
        child.proc.join(5)
        code = child.proc.exitcode
        child.kill()
        how = f"signal {signal.Signals(-code).name}" if code is not None and code < 0 else f"exit code {code}"
        logger.warning("%s: the reading process died (%s)", name, how)
        return ReaderCrashed(name, f"the process reading the file died ({how}); the file may be damaged")


# ---------------------------------------------------------------- the child


def _child_main(conn: Connection, parent: int) -> None:
    """A reading process: tasks in, ("done" | "error" | "memory" | "progress", payload) out."""
    import resource

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group: the parent decides
    _watch_parent(parent)
    import ingest.pipeline  # noqa: F401 - the imports a task needs, before the first file's clock starts

    conn.send(("ready", None))
    soft0, hard = resource.getrlimit(resource.RLIMIT_AS)
    while True:
        try:
            fn, args, kwargs, memory, report = conn.recv()
        except (EOFError, OSError):
            return
        resource.setrlimit(resource.RLIMIT_AS, (memory if hard == resource.RLIM_INFINITY else min(memory, hard), hard))
        progress = (lambda name, done, total: conn.send(("progress", (name, done, total)))) if report else None
        try:
            with ocr.reporting(progress):
                result = fn(*args, **kwargs)
            outcome: tuple[str, Any] = ("done", result)
        except MemoryError:
            outcome = ("memory", None)
        except BaseException as exc:
            outcome = ("error", exc)
        finally:
            resource.setrlimit(resource.RLIMIT_AS, (soft0, hard))
        try:
            conn.send(outcome)
        except Exception as exc:  # an exception that does not pickle: its text will do
            conn.send(("error", UnreadableFile("(worker)", f"{type(exc).__name__}: {exc}")))
        if outcome[0] == "memory":
            os._exit(0)  # a heap that hit the limit is not reused


def _watch_parent(parent: int) -> None:
    """End with the parent (a killed `cancu ingest` or server leaves no readers behind)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, daemon=True, name="exit-with-parent").start()
