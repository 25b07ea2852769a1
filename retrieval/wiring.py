"""What ``build_engine`` opens from Settings: the dense model and search mode, the units store, the catalog's
file, the reading processes' limits and, for a large ingest, more of them.

Each piece is opened here and wired in ``retrieval.engine`` (the composition root); the evaluation's
baselines open the same store and catalog through these.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from core.config import Settings
from core.errors import EmbedderUnavailable
from core.ports import Embedder
from ingest.isolation import Limits, ParserPool
from retrieval.embedder import SentenceEmbedder
from retrieval.points import UnitStore
from retrieval.search import Mode

logger = logging.getLogger(__name__)

WORKERS = 4  # at most this many worker processes for ingest (bounded by the CPUs)
PARALLEL_FROM = 32  # files in a batch from which ingest runs in worker processes


def load_embedder(settings: Settings) -> tuple[SentenceEmbedder | None, str]:
    """The configured dense model, or None with the reason the lexical path is used."""
    if settings.search_mode == "lexical":
        return None, "lexical search (CANCU_SEARCH_MODE=lexical)"
    if not settings.embed_model:
        return None, "lexical search: no embedding model configured (CANCU_EMBED_MODEL)"
    try:
        emb = SentenceEmbedder(settings.embed_model)
    except EmbedderUnavailable as exc:
        logger.warning("%s; serving lexical results", exc)
        return None, f"lexical search: {exc}"
    return emb, f"embedding model {settings.embed_model} ({emb.dim} dimensions)"


def search_model(settings: Settings, embedder: Embedder | bool | None) -> tuple[Embedder | None, str, Mode]:
    """The dense model (``True``: the configured one, loaded), why it is or is not used, and the search mode."""
    if embedder is True:
        emb, reason = load_embedder(settings)
    else:
        emb = embedder or None  # type: ignore[assignment]
        reason = f"embedding model {emb.name}" if emb else "lexical search"
    mode: Mode
    if emb is None:
        mode = "lexical"
    elif settings.search_mode in ("dense", "hybrid"):
        mode = settings.search_mode  # type: ignore[assignment]
    else:
        mode = "hybrid"
    return emb, reason, mode


def parse_limits(settings: Settings) -> Limits:
    """How long and how much memory reading one file may take."""
    return Limits(settings.parse_timeout_s, settings.parse_memory_mb, settings.ocr_page_timeout_s)


def open_store(settings: Settings, *, dense_dim: int | None) -> UnitStore:
    """The units store: a Qdrant server when CANCU_QDRANT_URL is set, else the embedded Edge shard."""
    if settings.qdrant_url:
        from retrieval.store import ServerStore  # imports qdrant-client only when a server is used

        return ServerStore(settings, dense_dim=dense_dim)
    from retrieval.edge_store import EdgeStore

    return EdgeStore(settings.edge_path, dense_dim=dense_dim)


def catalog_path(settings: Settings) -> Path:
    """The catalog file: the embedded store's own, or this process's replica of a server's catalog."""
    if not settings.qdrant_url:
        return settings.catalog_path
    digest = hashlib.sha1(f"{settings.qdrant_url}|{settings.collection}".encode()).hexdigest()[:12]
    return settings.data_dir / f"catalog-server-{digest}.sqlite"


@contextmanager
def ingest_workers(settings: Settings, reader: ParserPool, paths: list[Path]) -> Iterator[ParserPool]:
    """The reading processes: more of them for a large batch (parsing and vectorising are CPU-bound)."""
    files = sum(1 if p.is_file() else sum(1 for _ in p.rglob("*")) for p in paths if p.exists())
    with reading_workers(settings, reader, files) as pool:
        yield pool


@contextmanager
def reading_workers(settings: Settings, reader: ParserPool, tasks: int) -> Iterator[ParserPool]:
    """``reader`` for a few reading tasks, a pool of more processes for ``PARALLEL_FROM`` of them or more."""
    n = settings.ingest_workers or min(os.cpu_count() or 1, WORKERS)
    if n < 2 or tasks < PARALLEL_FROM:
        yield reader
        return
    pool = ParserPool(reader.limits, workers=n)
    try:
        yield pool
    finally:
        pool.close()
