"""Files in, documents out: read → normalise → parse → legal citations → index, one file at a time.

A bad file is reported and skipped; the rest of the batch goes on, and the
summary counts both. Re-ingesting an unchanged file does no indexing work: the
hash of its extracted text (and the parser version) is compared before parsing.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from core.errors import CancuError, IngestError, NameConflict, ParseError, UnreadableFile, UnsupportedFormat
from core.ports import DocumentIndex
from core.text import fold, fold_key
from core.types import Document
from ingest.abbreviations import find_abbreviations
from ingest.legal import extract_citations
from ingest.loaders import SUPPORTED, extract_text, read_bytes
from ingest.normalize import normalize_text
from ingest.structure import parse_document

if TYPE_CHECKING:
    from ingest.isolation import ParserPool

logger = logging.getLogger(__name__)

#: Bump when parsing changes: re-ingesting then re-parses unchanged files, and a store built by another version
#: re-parses its documents at start (``Engine.reparse_stale``).
PARSER_VERSION = "55"
_DOC_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,120}$")

Status = Literal["added", "updated", "unchanged", "error"]


@dataclass
class FileResult:
    path: str
    doc_id: str | None
    status: Status
    sections: int = 0
    citations: int = 0
    error: str | None = None
    warnings: list[str] = field(default_factory=list)  # what the parser could not read as expected


@dataclass
class IngestReport:
    results: list[FileResult] = field(default_factory=list)

    def count(self, *statuses: Status) -> int:
        return sum(1 for r in self.results if r.status in statuses)

    @property
    def errors(self) -> list[FileResult]:
        return [r for r in self.results if r.status == "error"]

    @property
    def sections(self) -> int:
        return sum(r.sections for r in self.results if r.status != "error")

    @property
    def citations(self) -> int:
        return sum(r.citations for r in self.results if r.status != "error")


def doc_id_for(name: str) -> str:
    """Document id from a file name: the stem, made safe ("Kế hoạch 08.docx" -> "ke-hoach-08")."""
    stem = Path(name).stem
    if _DOC_ID.match(stem):
        return stem
    slug = re.sub(r"[^a-z0-9]+", "-", fold(stem).lower()).strip("-")
    return slug[:120] or "document"


def content_hash(text: str) -> str:
    """Hash of a file's extracted text and the parser version: a re-saved .docx with the same text is unchanged."""
    return hashlib.sha256(PARSER_VERSION.encode() + b"\0" + text.encode("utf-8")).hexdigest()


def read_document(doc_id: str, raw_text: str, *, source: str = "") -> Document:
    """Normalise and parse extracted text into a Document with its legal citations (no safety net)."""
    text = normalize_text(raw_text)
    doc = parse_document(doc_id, text, source=source)
    doc.citations = extract_citations(doc)
    doc.abbreviations = find_abbreviations(text)
    return doc


def build_document(doc_id: str, raw_text: str, *, source: str = "", digest: str = "") -> Document:
    """``read_document``, raising only the project's own errors.

    Anything else the parser meets on a file nobody has seen is that file's ``ParseError``, named, so the rest
    of a batch goes on (the property tests hold ``read_document`` itself to the same standard).
    """
    try:
        doc = read_document(doc_id, raw_text, source=source)
    except (CancuError, MemoryError):
        raise
    except Exception as exc:  # a parser bug on an unseen layout: one file's error, never the batch's
        logger.exception("parser failed on %s", source or doc_id)
        raise ParseError(
            source or doc_id,
            f"could not read the document's structure ({type(exc).__name__}: {exc})",
            message_vi="Không đọc được cấu trúc văn bản.",
        ) from exc
    doc.content_hash = digest or content_hash(raw_text)
    doc.parser_version = PARSER_VERSION
    return doc


def parse_bytes(name: str, data: bytes, *, doc_id: str | None = None, source: str | None = None) -> Document:
    """Parse one file's content (named for its format and for errors) without touching any index."""
    text = extract_text(name, data)
    return build_document(doc_id or doc_id_for(name), text, source=source or Path(name).name, digest=content_hash(text))


def text_digest(name: str, data: bytes) -> str:
    """``content_hash`` of a file's extracted text (what the index compares to know a file unchanged)."""
    return content_hash(extract_text(name, data))


def _is_document_file(path: Path) -> bool:
    """Files a folder contributes: supported types, not hidden, not the folder's README."""
    return (
        path.is_file()
        and path.suffix.lower() in SUPPORTED
        and not path.name.startswith(".")
        and path.stem.upper() != "README"
    )


def collect_paths(paths: Iterable[Path]) -> tuple[list[Path], list[FileResult]]:
    """Expand folders into supported files (sorted); report paths that do not exist."""
    files: list[Path] = []
    missing: list[FileResult] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if _is_document_file(p)))
        elif path.is_file():
            files.append(path)
        else:
            missing.append(FileResult(str(path), None, "error", error=f"{path}: no such file or folder"))
    return files, missing


#: Files parsed per batch; each batch is written to the index as one chunk (units, then one catalog commit).
CHUNK = 64


def ingest_paths(
    paths: Iterable[Path],
    index: DocumentIndex,
    *,
    max_bytes: int,
    on_file: Callable[[FileResult], None] | None = None,
    pool: ParserPool | None = None,
    stage_in_pool: bool = False,
    chunk: int = CHUNK,
) -> IngestReport:
    """Ingest files and folders into an index in chunks; each file succeeds or fails on its own.

    With a ``pool`` (``ingest.isolation``) every file is read and parsed in a worker process bounded in time
    and memory (with ``stage_in_pool``, a large batch, also given the index's ``worker_stage``), in parallel,
    and the next chunk is parsed while the previous one is written; the index gets each chunk's documents in
    file order. Without a pool, files are read here (trusted files only: the evaluation's own sets).
    """
    files, missing = collect_paths(paths)
    report = IngestReport(results=list(missing))
    seen: dict[str, str] = {}
    in_flight: deque[_Chunk] = deque()
    for start in range(0, len(files), chunk):
        in_flight.append(_submit(files[start : start + chunk], index, seen, max_bytes, pool, stage_in_pool))
        if len(in_flight) > 1:  # the previous chunk is written while the workers parse this one
            _finish(in_flight.popleft(), index, report, on_file)
    while in_flight:
        _finish(in_flight.popleft(), index, report, on_file)
    return report


Parsed = tuple[FileResult, Document | None, Any]


@dataclass
class _Chunk:
    results: list[FileResult | None]  # None where the file is being parsed
    parsed: list[tuple[str, str, Future[Parsed] | Parsed]]  # (path, doc id, the worker's answer or the result)


def _submit(
    files: list[Path],
    index: DocumentIndex,
    seen: dict[str, str],
    max_bytes: int,
    pool: ParserPool | None,
    stage_in_pool: bool = False,
) -> _Chunk:
    tasks: list[tuple[str, str, str | None, int]] = []
    results: list[FileResult | None] = []
    for path in files:
        doc_id = doc_id_for(path.name)
        if doc_id in seen:
            err = UnreadableFile(str(path), f"document id {doc_id!r} is already taken by {seen[doc_id]} in this batch")
            results.append(FileResult(str(path), doc_id, "error", error=str(err)))
            continue
        seen[doc_id] = str(path)
        tasks.append((str(path), doc_id, index.content_hash(doc_id), max_bytes))
        results.append(None)
    if pool is not None:
        stage = index.worker_stage() if stage_in_pool else None
        return _Chunk(results, [(t[0], t[1], pool.submit(t[0], _parse_one, t, stage)) for t in tasks])
    return _Chunk(results, [(t[0], t[1], _parse_one(t)) for t in tasks])


def _outcome(path: str, doc_id: str, got: Future[Parsed] | Parsed) -> Parsed:
    """A file's parse result; a worker stopped over its limits (or dead) is that file's error."""
    if not isinstance(got, Future):
        return got
    try:
        return got.result()
    except IngestError as exc:
        return FileResult(path, doc_id, "error", error=str(exc)), None, None
    except CancuError as exc:
        return FileResult(path, doc_id, "error", error=f"{path}: {exc}"), None, None


def _finish(
    chunk: _Chunk, index: DocumentIndex, report: IngestReport, on_file: Callable[[FileResult], None] | None
) -> None:
    parsed = [_same_name(index, *_outcome(*item)) for item in chunk.parsed]
    docs = [doc for _, doc, _ in parsed if doc is not None]
    staged = [got for _, doc, got in parsed if doc is not None]
    failure = _put(index, docs, staged)
    done = iter(parsed)
    for r in chunk.results:
        if r is None:
            r, doc, _ = next(done)
            if doc is not None and failure is not None:
                r = FileResult(r.path, r.doc_id, "error", error=f"{r.path}: {failure}")
        report.results.append(r)
        if r.status == "error":
            logger.warning("ingest failed: %s", r.error)
        if on_file:
            on_file(r)


def _same_name(index: DocumentIndex, result: FileResult, doc: Document | None, staged: Any) -> Parsed:
    """A changed file replaces its document only when it has the document's file name (or the id itself, as
    the corpus folder names uploads): "KH_08.txt" does not silently replace the "KH 08.txt" ingested before."""
    if doc is None or result.status != "updated" or result.doc_id is None:
        return result, doc, staged
    conflict = name_conflict(index.get(result.doc_id).source, result.path, result.doc_id)
    if conflict is None:
        return result, doc, staged
    return FileResult(result.path, result.doc_id, "error", error=str(conflict)), None, None


def name_conflict(had: str, path: str, doc_id: str) -> NameConflict | None:
    """The error when the file at ``path`` would replace document ``doc_id``, read before from a file named
    ``had``, under another name; None when the names match (folded: case, accents, spacing) or either is the id."""
    before, now = Path(had or doc_id).stem, Path(path).stem
    if doc_id in (before, now) or fold_key(before) == fold_key(now):
        return None
    return NameConflict(
        path,
        f"document {doc_id!r} was read from {Path(had).name!r}, another file; rename this one, "
        f"or delete that document first (DELETE /documents/{doc_id})",
    )


def _put(index: DocumentIndex, docs: list[Document], staged: list[Any]) -> CancuError | None:
    """Write a chunk's documents; a store failure fails the chunk (reported for each of its files)."""
    if not docs:
        return None
    try:
        index.put_documents(docs, staged)
    except CancuError as exc:  # store failures and the like: report, keep going
        return exc
    return None


def _parse_one(
    task: tuple[str, str, str | None, int], stage: Callable[[Document], Any] | None = None
) -> tuple[FileResult, Document | None, Any]:
    """Read and parse one file, then apply ``stage`` to it (in a worker process when ingest runs in parallel)."""
    path_s, doc_id, previous, max_bytes = task
    path = Path(path_s)
    try:
        if path.suffix.lower() not in SUPPORTED:
            raise UnsupportedFormat(
                str(path), f"unsupported file type {path.suffix or '(none)'}; use .txt, .md, .docx or .pdf"
            )
        text = extract_text(str(path), read_bytes(path, max_bytes))
        digest = content_hash(text)
        if previous == digest:
            return FileResult(str(path), doc_id, "unchanged"), None, None
        doc = build_document(doc_id, text, source=path.name, digest=digest)
        status: Status = "updated" if previous else "added"
        staged = stage(doc) if stage is not None else None
        result = FileResult(str(path), doc_id, status, len(doc.sections), len(doc.citations), warnings=doc.warnings)
        return result, doc, staged
    except IngestError as exc:
        return FileResult(str(path), doc_id, "error", error=str(exc)), None, None
    except CancuError as exc:
        return FileResult(str(path), doc_id, "error", error=f"{path}: {exc}"), None, None
    except MemoryError:
        raise  # the reading process reports it as over its memory limit
    except Exception as exc:  # a reader's bug on an unseen file: this file's error, never the batch's
        logger.exception("unexpected error on %s", path)
        error = f"{path}: could not read the file ({type(exc).__name__})"
        return FileResult(str(path), doc_id, "error", error=error), None, None
