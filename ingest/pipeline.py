"""Files in, documents out: read → normalise → parse → legal citations → index, one file at a time.

A bad file is reported and skipped; the rest of the batch goes on, and the
summary counts both. Re-ingesting an unchanged file does no indexing work: the
hash of its extracted text (and the parser version) is compared before parsing.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from core.errors import CancuError, IngestError, ParseError, UnreadableFile, UnsupportedFormat
from core.ports import DocumentIndex
from core.text import fold
from core.types import Document
from ingest.abbreviations import find_abbreviations
from ingest.legal import extract_citations
from ingest.loaders import SUPPORTED, extract_text, read_bytes
from ingest.normalize import normalize_text
from ingest.structure import parse_document

logger = logging.getLogger(__name__)

#: Bump when parsing changes: re-ingesting then re-parses unchanged files, and a store built by another version
#: re-parses its documents at start (``Engine.reparse_stale``).
PARSER_VERSION = "2"
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
    except CancuError:
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


def parse_bytes(name: str, data: bytes, *, doc_id: str | None = None) -> Document:
    """Parse one file's content (named for its format and for errors) without touching any index."""
    text = extract_text(name, data)
    return build_document(doc_id or doc_id_for(name), text, source=Path(name).name, digest=content_hash(text))


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


def ingest_paths(
    paths: Iterable[Path],
    index: DocumentIndex,
    *,
    max_bytes: int,
    on_file: Callable[[FileResult], None] | None = None,
) -> IngestReport:
    """Ingest files and folders into an index; each file succeeds or fails on its own."""
    files, missing = collect_paths(paths)
    report = IngestReport(results=list(missing))
    seen: dict[str, str] = {}
    for path in files:
        result = _ingest_one(path, index, max_bytes=max_bytes, seen=seen)
        report.results.append(result)
        if result.status == "error":
            logger.warning("ingest failed: %s", result.error)
        if on_file:
            on_file(result)
    return report


def _ingest_one(path: Path, index: DocumentIndex, *, max_bytes: int, seen: dict[str, str]) -> FileResult:
    doc_id = doc_id_for(path.name)
    try:
        if path.suffix.lower() not in SUPPORTED:
            raise UnsupportedFormat(
                str(path), f"unsupported file type {path.suffix or '(none)'}; use .txt, .md, .docx or .pdf"
            )
        if doc_id in seen:
            raise UnreadableFile(str(path), f"document id {doc_id!r} is already taken by {seen[doc_id]} in this batch")
        seen[doc_id] = str(path)
        text = extract_text(str(path), read_bytes(path, max_bytes))
        digest = content_hash(text)
        previous = index.content_hash(doc_id)
        if previous == digest:
            return FileResult(str(path), doc_id, "unchanged")
        doc = build_document(doc_id, text, source=path.name, digest=digest)
        index.put(doc)
        status: Status = "updated" if previous else "added"
        return FileResult(str(path), doc_id, status, len(doc.sections), len(doc.citations), warnings=doc.warnings)
    except IngestError as exc:
        return FileResult(str(path), doc_id, "error", error=str(exc))
    except CancuError as exc:  # store failures and the like: report, keep going
        return FileResult(str(path), doc_id, "error", error=f"{path}: {exc}")
    except Exception as exc:  # a reader's bug on an unseen file: this file's error, never the batch's
        logger.exception("unexpected error on %s", path)
        return FileResult(str(path), doc_id, "error", error=f"{path}: could not read the file ({type(exc).__name__})")
