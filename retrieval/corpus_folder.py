"""The corpus folder beside the index: uploads kept all or nothing, interrupted ones settled, old parses redone.

``Engine`` calls these under its write lock (``add_upload``, ``recover_uploads``, ``reparse_stale``); each
takes the folder, the index and the reading processes it needs.

An upload is written (and synced) to a hidden name that records its document id; the index switches
atomically; then the file takes its final name. A crash between the two is settled at the next start.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from core.errors import (
    CancuError,
    FileTooLarge,
    ReservedName,
    StorageFull,
    StoreError,
    UnsupportedFormat,
)
from core.types import Document
from ingest.isolation import ParserPool
from ingest.loaders import SUPPORTED, read_bytes
from ingest.pipeline import build_document, doc_id_for, name_conflict, parse_bytes, text_digest
from retrieval.index import Index

logger = logging.getLogger(__name__)

UPLOAD_PREFIX = ".upload-"
_UPLOAD_TMP = re.compile(r"\.upload-(?P<doc_id>[a-z0-9][a-z0-9._-]*)\.[0-9a-f]{32}(?P<suffix>\.[a-z]+)\.tmp")


def files_of(folder: Path, doc_id: str) -> list[Path]:
    """A document's files in the corpus folder (one per supported format it has there)."""
    return [folder / f"{doc_id}{suffix}" for suffix in SUPPORTED if (folder / f"{doc_id}{suffix}").exists()]


def accept(filename: str, data: bytes, max_bytes: int) -> tuple[str, str, str]:
    """An upload's name (stem and suffix only, never its path), suffix and document id; refused by name when
    its type is not read, it is too large, or its name is reserved."""
    name = Path(filename.replace("\\", "/")).name
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED:
        raise UnsupportedFormat(
            name or "upload", f"unsupported file type {suffix or '(none)'}; use .txt, .md, .docx or .pdf"
        )
    if len(data) > max_bytes:
        mb = max_bytes / 1048576
        raise FileTooLarge(name, f"file is {len(data) / 1048576:.1f} MB, over the {mb:.0f} MB limit")
    doc_id = doc_id_for(name)
    if doc_id == "readme":  # a folder's README is not one of its documents: a rebuild would skip it
        raise ReservedName(name, "README is the name of a folder's description; rename the file")
    return name, suffix, doc_id


def check_name(index: Index, name: str, doc_id: str) -> None:
    """Two file names that reduce to one id ("Kế hoạch 08.docx", "ke hoach 08.pdf") are two documents:
    the second is refused, not silently put in place of the first (the same name, or the id itself, replaces;
    the same rule as `cancu ingest`, ``ingest.pipeline.name_conflict``)."""
    if doc_id not in index:
        return
    conflict = name_conflict(index.get(doc_id).source, name, doc_id)
    if conflict is not None:
        raise conflict


def keep(folder: Path, index: Index, doc: Document, doc_id: str, data: bytes, suffix: str) -> None:
    """Index a parsed upload and keep its file in the corpus folder: synced under a hidden name first."""
    tmp = folder / f"{UPLOAD_PREFIX}{doc_id}.{uuid.uuid4().hex}{suffix}.tmp"
    try:
        _write_synced(tmp, data)
        index.put(doc)
        _settle(folder, tmp, doc_id, suffix)
    finally:
        tmp.unlink(missing_ok=True)


def recover(folder: Path, index: Index, reader: ParserPool) -> list[str]:
    """Settle uploads a crash interrupted: keep the file when the index holds its version, else drop it."""
    settled = []
    for tmp in sorted(folder.glob(f"{UPLOAD_PREFIX}*.tmp")):
        m = _UPLOAD_TMP.fullmatch(tmp.name)
        try:
            name = f"upload{m['suffix']}" if m else ""
            digest = reader.run(name, text_digest, name, tmp.read_bytes()) if m else None
        except (CancuError, OSError):
            digest = None
        if m and digest and index.content_hash(m["doc_id"]) == digest:
            _settle(folder, tmp, m["doc_id"], m["suffix"])
            logger.warning("completed an upload interrupted after indexing: %s", m["doc_id"])
            settled.append(m["doc_id"])
        else:
            tmp.unlink(missing_ok=True)
            logger.warning("discarded an upload interrupted before indexing: %s", tmp.name)
    return settled


def reparse_stale(
    folder: Path,
    index: Index,
    reader: ParserPool,
    max_bytes: int,
    stale: list[str],
    *,
    chunk: int,
    staging: Callable[[], Callable[[Document], Any] | None] | None = None,
) -> list[str]:
    """Parse again the documents an earlier parser version built (``stale``, in the order they were ingested), from
    their corpus file where there is one, else from the text the store kept; a document that no longer parses, for
    whatever reason, is kept as it was. ``chunk`` documents at a time, read (file and all) by every process of
    ``reader``, which also apply ``staging()`` of the moment to each, as an ingest's workers do; each chunk is
    written as an ingest's is, and the caller settles the store once, after."""
    done: list[str] = []
    for start in range(0, len(stale), chunk):
        stage = staging() if staging is not None else None
        futures = []
        for doc_id in stale[start : start + chunk]:
            files = files_of(folder, doc_id)
            if files:
                task = (str(files[0]), _read_again, stage, _parse_file, str(files[0]), max_bytes, doc_id)
            else:
                doc = index.get(doc_id)
                task = (doc_id, _read_again, stage, _reparse, doc_id, doc.text, doc.source)
            futures.append((doc_id, reader.submit(*task)))
        docs, staged = [], []
        for doc_id, future in futures:
            try:
                doc, got = future.result()
            except CancuError as exc:
                logger.warning("kept %s as parsed before: %s", doc_id, exc)
                continue
            except Exception:  # a parser bug on one stored document must not stop every start
                logger.exception("kept %s as parsed before: the parser failed on it", doc_id)
                continue
            docs.append(doc)
            staged.append(got)
        if docs:
            index.put_documents(docs, staged)
            done += [d.doc_id for d in docs]
    return done


def _read_again(
    stage: Callable[[Document], Any] | None, read: Callable[..., Document], *args: Any
) -> tuple[Document, Any]:
    """``read`` a document (in a reading process), then ``stage`` it there."""
    doc = read(*args)
    return doc, stage(doc) if stage is not None else None


def _parse_file(path: str, max_bytes: int, doc_id: str) -> Document:
    """A corpus file read and parsed (in a reading process: its bytes never travel)."""
    return parse_bytes(path, read_bytes(Path(path), max_bytes), doc_id=doc_id)


def _settle(folder: Path, tmp: Path, doc_id: str, suffix: str) -> None:
    """Give an indexed upload its final name in the corpus folder, replacing other formats of it."""
    for old in files_of(folder, doc_id):
        if old.suffix != suffix:
            old.unlink(missing_ok=True)
    os.replace(tmp, folder / f"{doc_id}{suffix}")


def _reparse(doc_id: str, text: str, source: str) -> Document:
    """A stored document parsed again from its stored text (in a reading process)."""
    return build_document(doc_id, text, source=source)


def _write_synced(path: Path, data: bytes) -> None:
    """Write and fsync a file in the corpus folder; a full disk is a named error, not a 500."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            raise StorageFull(f"no space left to keep the upload in {path.parent}: {exc.strerror}") from exc
        raise StoreError(f"cannot write to {path.parent}: {exc.strerror or exc}") from exc
