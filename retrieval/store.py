"""The only module that imports qdrant_client: the catalog and the retrieval units in Qdrant.

Two collections: ``<name>_docs`` holds one payload-only point per document
(the parsed Document, the catalog), ``<name>_units`` one point per retrieval
unit with a sparse lexical vector (IDF modifier: BM25-style scoring in
Qdrant) and, when an embedding model is configured, a dense vector.

Embedded mode (a folder under CANCU_DATA_DIR) is the default; with
CANCU_QDRANT_URL the same code talks to a Qdrant server. The embedded store
admits one process: a second one gets ``StoreLocked``, not a stack trace.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from core.config import Settings
from core.errors import CancuError, StoreError, StoreLocked, StoreUnavailable

logger = logging.getLogger(__name__)

SPARSE = "lexical"
DENSE = "dense"
_NS = uuid.UUID("6f1c2a1e-3f7b-4c1e-9a57-1d2b3c4d5e6f")
SCHEMA_VERSION = 1
PREFETCH = 4  # each vector's prefetch is this many times the fused limit
RRF_K = 2  # Qdrant's reciprocal-rank-fusion constant: score = Σ 1 / (rank + RRF_K - 1), rank from 1


def point_id(*parts: object) -> str:
    """Stable point id derived from its parts (doc id, content hash, section, piece)."""
    return str(uuid.uuid5(_NS, "|".join(str(p) for p in parts)))


@dataclass(frozen=True)
class UnitPoint:
    id: str
    sparse: tuple[list[int], list[float]]
    dense: list[float] | None
    payload: dict[str, Any]


@dataclass(frozen=True)
class ScoredUnit:
    payload: dict[str, Any]
    score: float
    id: str = ""


class QdrantStore:
    """Catalog records and retrieval units in Qdrant (embedded folder or server)."""

    def __init__(self, settings: Settings, *, dense_dim: int | None) -> None:
        from qdrant_client import QdrantClient

        self._lock = threading.RLock()
        self.docs = f"{settings.collection}_docs"
        self.units = f"{settings.collection}_units"
        self.dense_dim = dense_dim
        self.remote = bool(settings.qdrant_url)
        try:
            if settings.qdrant_url:
                key = settings.qdrant_api_key.get_secret_value() if settings.qdrant_api_key else None
                self.client = QdrantClient(url=settings.qdrant_url, api_key=key, timeout=30)
                self.client.get_collections()  # fail now, not on the first question
                self.where = settings.qdrant_url
            else:
                settings.qdrant_path.mkdir(parents=True, exist_ok=True)
                self.client = QdrantClient(path=str(settings.qdrant_path))
                self.where = str(settings.qdrant_path)
        except RuntimeError as exc:
            if "already accessed" in str(exc):
                raise StoreLocked(
                    f"the embedded store {settings.qdrant_path} is in use by another cancu process; "
                    "stop it (one process serves API and bot) or set CANCU_QDRANT_URL to share a Qdrant server",
                ) from exc
            raise StoreError(f"cannot open the store: {exc}") from exc
        except Exception as exc:  # connection refused, DNS, TLS, timeouts
            raise StoreUnavailable(
                f"cannot reach Qdrant at {settings.qdrant_url or settings.qdrant_path}: {exc}"
            ) from exc
        self.rebuilt = self._ensure_collections()
        if not self.remote:
            self._tune_embedded_storage()

    # ------------------------------------------------------------ schema

    def _ensure_collections(self) -> bool:
        """Create missing collections; recreate the units collection when its vectors no longer fit.

        Returns True when the units collection was (re)created empty, so units must be rebuilt.
        """
        from qdrant_client import models

        with self._guard():
            if not self.client.collection_exists(self.docs):
                self.client.create_collection(self.docs, vectors_config={})
            rebuild = False
            if self.client.collection_exists(self.units):
                info = self.client.get_collection(self.units)
                vectors = info.config.params.vectors or {}
                have = vectors.get(DENSE).size if isinstance(vectors, dict) and DENSE in vectors else None
                if have != self.dense_dim:
                    logger.warning(
                        "dense vector size changed (%s -> %s): rebuilding the units collection", have, self.dense_dim
                    )
                    self.client.delete_collection(self.units)
                    rebuild = True
            else:
                rebuild = True
            if rebuild:
                dense = (
                    {DENSE: models.VectorParams(size=self.dense_dim, distance=models.Distance.COSINE)}
                    if self.dense_dim
                    else {}
                )
                self.client.create_collection(
                    self.units,
                    vectors_config=dense,
                    sparse_vectors_config={SPARSE: models.SparseVectorParams(modifier=models.Modifier.IDF)},
                )
                if self.remote:
                    for key in ("doc_id", "content_hash", "doc_type", "issuer", "section"):
                        self.client.create_payload_index(self.units, key, models.PayloadSchemaType.KEYWORD)
                    self.client.create_payload_index(self.units, "year", models.PayloadSchemaType.INTEGER)
            return rebuild

    def _tune_embedded_storage(self) -> None:
        """WAL journal, fsync at checkpoints: the embedded store commits once per point.

        qdrant-client's local mode writes every point in its own SQLite transaction; with the default
        rollback journal each commit is an fsync, and the ingest profile showed commits taking 25 % of
        ingest time. In WAL mode with ``synchronous=NORMAL`` a killed process loses nothing committed
        and the file stays consistent; only a power cut can drop the last commits, which re-ingest
        (content-hash checks) restores. The connection is private to qdrant-client, so this is best effort.
        """
        collections = getattr(getattr(self.client, "_client", None), "collections", {})
        for name in (self.docs, self.units):
            conn = getattr(getattr(collections.get(name), "storage", None), "storage", None)
            if conn is None:
                logger.debug("embedded storage of %s not found; default SQLite settings", name)
                continue
            with self._guard():
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """Serialise calls (the embedded client is not thread-safe) and translate library errors."""
        with self._lock:
            try:
                yield
            except CancuError:
                raise
            except Exception as exc:
                raise StoreError(f"Qdrant call failed: {type(exc).__name__}: {exc}") from exc

    # ------------------------------------------------------------ catalog

    def doc_records(self) -> Iterator[dict[str, Any]]:
        """Every catalog record (the payload of each document point)."""
        offset = None
        while True:
            with self._guard():
                points, offset = self.client.scroll(
                    self.docs, limit=256, offset=offset, with_payload=True, with_vectors=False
                )
            for p in points:
                if p.payload and p.payload.get("kind") == "document":
                    yield p.payload
            if offset is None:
                return

    def put_doc_record(self, doc_id: str, record: dict[str, Any]) -> None:
        from qdrant_client import models

        with self._guard():
            self.client.upsert(
                self.docs, points=[models.PointStruct(id=point_id("doc", doc_id), vector={}, payload=record)], wait=True
            )

    def delete_doc_record(self, doc_id: str) -> None:
        from qdrant_client import models

        with self._guard():
            self.client.delete(
                self.docs, points_selector=models.PointIdsList(points=[point_id("doc", doc_id)]), wait=True
            )

    # ------------------------------------------------------------ units

    def upsert_units(self, points: Sequence[UnitPoint], batch: int = 256) -> None:
        from qdrant_client import models

        for i in range(0, len(points), batch):
            structs = []
            for p in points[i : i + batch]:
                vector: dict[str, Any] = {SPARSE: models.SparseVector(indices=p.sparse[0], values=p.sparse[1])}
                if p.dense is not None and self.dense_dim:
                    vector[DENSE] = p.dense
                structs.append(models.PointStruct(id=p.id, vector=vector, payload=p.payload))
            with self._guard():
                self.client.upsert(self.units, points=structs, wait=True)

    def delete_units(self, doc_id: str, *, keep_hash: str | None = None) -> None:
        """Delete a document's units (all, or all but those of one content hash)."""
        from qdrant_client import models

        must: list[Any] = [models.FieldCondition(key="doc_id", match=models.MatchValue(value=doc_id))]
        must_not: list[Any] = []
        if keep_hash:
            must_not.append(models.FieldCondition(key="content_hash", match=models.MatchValue(value=keep_hash)))
        with self._guard():
            self.client.delete(
                self.units,
                points_selector=models.FilterSelector(filter=models.Filter(must=must, must_not=must_not or None)),
                wait=True,
            )

    def delete_unit_ids(self, ids: Sequence[str], batch: int = 1024) -> None:
        """Delete units by point id."""
        from qdrant_client import models

        for i in range(0, len(ids), batch):
            with self._guard():
                self.client.delete(
                    self.units, points_selector=models.PointIdsList(points=list(ids[i : i + batch])), wait=True
                )

    def unit_keys(self) -> Iterator[tuple[str, str]]:
        """(doc_id, content_hash) of every unit, for garbage collection."""
        offset = None
        while True:
            with self._guard():
                points, offset = self.client.scroll(
                    self.units, limit=1024, offset=offset, with_payload=["doc_id", "content_hash"], with_vectors=False
                )
            for p in points:
                if p.payload:
                    yield p.payload.get("doc_id", ""), p.payload.get("content_hash", "")
            if offset is None:
                return

    def units_with_vectors(self) -> Iterator[tuple[str, tuple[list[int], list[float]], dict[str, Any]]]:
        """Every unit with its sparse vector, to load an in-process lexical executor."""
        offset = None
        while True:
            with self._guard():
                points, offset = self.client.scroll(
                    self.units, limit=1024, offset=offset, with_payload=True, with_vectors=[SPARSE]
                )
            for p in points:
                vec = (p.vector or {}).get(SPARSE) if isinstance(p.vector, dict) else None
                if vec is not None and p.payload:
                    yield str(p.id), (list(vec.indices), list(vec.values)), p.payload
            if offset is None:
                return

    def count_units(self) -> int:
        with self._guard():
            return self.client.count(self.units, exact=True).count

    # ------------------------------------------------------------ search

    def _filter(self, doc_ids: Sequence[str] | None, filters: dict[str, Any] | None) -> Any:
        from qdrant_client import models

        must: list[Any] = []
        if doc_ids:
            must.append(models.FieldCondition(key="doc_id", match=models.MatchAny(any=list(doc_ids))))
        for key, value in (filters or {}).items():
            if value is None:
                continue
            match = (
                models.MatchAny(any=list(value))
                if isinstance(value, list | tuple | set)
                else models.MatchValue(value=value)
            )
            must.append(models.FieldCondition(key=key, match=match))
        return models.Filter(must=must) if must else None

    def query(
        self,
        *,
        sparse: tuple[list[int], list[float]] | None,
        dense: list[float] | None,
        limit: int,
        doc_ids: Sequence[str] | None = None,
        filters: dict[str, Any] | None = None,
    ) -> list[ScoredUnit]:
        """Lexical, dense or hybrid (Qdrant's RRF over one prefetch per vector) search."""
        from qdrant_client import models

        flt = self._filter(doc_ids, filters)
        sparse_q = models.SparseVector(indices=sparse[0], values=sparse[1]) if sparse and sparse[0] else None
        use_dense = dense is not None and self.dense_dim is not None
        with self._guard():
            if sparse_q is not None and use_dense:
                res = self.client.query_points(
                    self.units,
                    prefetch=[
                        models.Prefetch(query=sparse_q, using=SPARSE, limit=limit * PREFETCH, filter=flt),
                        models.Prefetch(query=dense, using=DENSE, limit=limit * PREFETCH, filter=flt),
                    ],
                    query=models.FusionQuery(fusion=models.Fusion.RRF),
                    limit=limit,
                    with_payload=True,
                )
            elif use_dense:
                res = self.client.query_points(
                    self.units, query=dense, using=DENSE, query_filter=flt, limit=limit, with_payload=True
                )
            elif sparse_q is not None:
                res = self.client.query_points(
                    self.units, query=sparse_q, using=SPARSE, query_filter=flt, limit=limit, with_payload=True
                )
            else:
                return []
        return [ScoredUnit(payload=p.payload or {}, score=float(p.score), id=str(p.id)) for p in res.points]

    def close(self) -> None:
        with self._lock:
            try:
                self.client.close()
            except Exception:  # closing twice or a dead server: nothing left to release
                logger.debug("store close failed", exc_info=True)


def reciprocal_rank_fusion(rankings: Sequence[Sequence[ScoredUnit]], limit: int) -> list[ScoredUnit]:
    """Qdrant's RRF over several rankings of the same points (``query_points`` with prefetches and
    ``Fusion.RRF``): each point scores Σ 1 / (position + RRF_K) over the rankings it is in (position from
    0), ties in order of first appearance."""
    scores: dict[str, float] = {}
    first: dict[str, ScoredUnit] = {}
    for ranking in rankings:
        for pos, unit in enumerate(ranking):
            scores[unit.id] = scores.get(unit.id, 0.0) + 1.0 / (pos + RRF_K)
            first.setdefault(unit.id, unit)
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)[:limit]
    return [ScoredUnit(payload=first[pid].payload, score=score, id=pid) for pid, score in ranked]
