"""The only module that imports qdrant_client: retrieval units (and catalog records) on a Qdrant server or cluster.

With CANCU_QDRANT_URL set, units live in ``<name>_units`` on the server, with the same vectors, payload
indexes and query as the embedded Edge shard (``retrieval.edge_store``), so results are the same: the
contract test in tests/test_stores.py runs one set of queries through both. ``<name>_docs`` holds one
payload-only point per document (a server keeps those, Edge does not): the catalog record every API
process reads to fill its local catalog (``retrieval.catalog``), so several stateless processes on several
machines can serve one cluster.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from core.config import Settings
from core.errors import CancuError, StoreError, StoreUnavailable
from retrieval.points import (
    DENSE,
    INTEGER_FIELDS,
    KEYWORD_FIELDS,
    PREFETCH,
    SPARSE,
    ScoredUnit,
    Sparse,
    UnitPoint,
    UnitQuery,
    answer_batch,
    point_id,
)

logger = logging.getLogger(__name__)


class ServerStore:
    """Units and catalog records on a Qdrant server (one node or a cluster behind one URL)."""

    remote = True

    def __init__(self, settings: Settings, *, dense_dim: int | None, client: Any = None) -> None:
        """``client``: an already connected qdrant-client (tests pass its in-memory stand-in)."""
        from qdrant_client import QdrantClient

        if not settings.qdrant_url and client is None:
            raise StoreError("ServerStore needs CANCU_QDRANT_URL")
        self._lock = threading.RLock()
        self.docs = f"{settings.collection}_docs"
        self.units = f"{settings.collection}_units"
        self.dense_dim = dense_dim
        self.where = settings.qdrant_url or "a client given by the caller"
        self.shards = settings.qdrant_shards
        self.replicas = settings.qdrant_replicas
        try:
            key = settings.qdrant_api_key.get_secret_value() if settings.qdrant_api_key else None
            self.client = client or QdrantClient(url=settings.qdrant_url, api_key=key, timeout=30)
            self.client.get_collections()  # fail now, not on the first question
        except Exception as exc:  # connection refused, DNS, TLS, timeouts
            raise StoreUnavailable(f"cannot reach Qdrant at {settings.qdrant_url}: {exc}") from exc
        self.rebuilt = self._ensure_collections()

    def _ensure_collections(self) -> bool:
        """Create missing collections; recreate the units collection when its vectors no longer fit.

        Returns True when the units collection was (re)created empty, so units must be rebuilt.
        """
        from qdrant_client import models

        with self._guard():
            if not self.client.collection_exists(self.docs):
                self.client.create_collection(
                    self.docs, vectors_config={}, shard_number=1, replication_factor=self.replicas
                )
                self.client.create_payload_index(self.docs, "doc_id", models.PayloadSchemaType.KEYWORD)
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
                    shard_number=self.shards,
                    replication_factor=self.replicas,
                )
                for key in KEYWORD_FIELDS:
                    self.client.create_payload_index(self.units, key, models.PayloadSchemaType.KEYWORD)
                for key in INTEGER_FIELDS:
                    self.client.create_payload_index(self.units, key, models.PayloadSchemaType.INTEGER)
            return rebuild

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """Serialise calls and translate library errors."""
        with self._lock:
            try:
                yield
            except CancuError:
                raise
            except Exception as exc:
                raise StoreError(f"Qdrant call failed: {type(exc).__name__}: {exc}") from exc

    # ------------------------------------------------------------ catalog records (shared by API processes)

    def doc_records(self, *, fields: Sequence[str] | None = None) -> Iterator[dict[str, Any]]:
        """Every catalog record (or only some of its fields)."""
        offset = None
        while True:
            with self._guard():
                points, offset = self.client.scroll(
                    self.docs,
                    limit=256,
                    offset=offset,
                    with_payload=[*fields, "kind"] if fields else True,
                    with_vectors=False,
                )
            for p in points:
                if p.payload and p.payload.get("kind", "document") == "document":
                    yield p.payload
            if offset is None:
                return

    def catalog_version(self) -> str:
        """A token that changes whenever any process changes the catalog records."""
        with self._guard():
            got = self.client.retrieve(self.docs, [point_id("meta", "version")], with_payload=True)
        return str((got[0].payload or {}).get("token", "")) if got else ""

    def bump_catalog_version(self) -> None:
        from qdrant_client import models

        token = uuid.uuid4().hex
        with self._guard():
            self.client.upsert(
                self.docs,
                points=[
                    models.PointStruct(
                        id=point_id("meta", "version"), vector={}, payload={"kind": "version", "token": token}
                    )
                ],
                wait=True,
            )

    def doc_record(self, doc_id: str) -> dict[str, Any] | None:
        with self._guard():
            got = self.client.retrieve(self.docs, [point_id("doc", doc_id)], with_payload=True)
        return got[0].payload if got else None

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

    def settle(self) -> None:
        """Nothing to do: the server vacuums and flushes on its own."""

    def sparse_of(self, ids: Sequence[str]) -> list[list[int]]:
        out: list[list[int]] = []
        for i in range(0, len(ids), 256):
            with self._guard():
                got = self.client.retrieve(
                    self.units, list(ids[i : i + 256]), with_payload=False, with_vectors=[SPARSE]
                )
            for p in got:
                vec = (p.vector or {}).get(SPARSE) if isinstance(p.vector, dict) else None
                if vec is not None:
                    out.append(list(vec.indices))
        return out

    def _scroll(self, *, with_payload: Any, with_vectors: Any) -> Iterator[Any]:
        offset = None
        while True:
            with self._guard():
                points, offset = self.client.scroll(
                    self.units, limit=1024, offset=offset, with_payload=with_payload, with_vectors=with_vectors
                )
            yield from points
            if offset is None:
                return

    def unit_payloads(self, fields: Sequence[str]) -> Iterator[tuple[str, dict[str, Any]]]:
        """Every unit's id with these payload fields."""
        for p in self._scroll(with_payload=list(fields), with_vectors=False):
            yield str(p.id), p.payload or {}

    def unit_keys(self) -> Iterator[tuple[str, str]]:
        """(doc_id, content_hash) of every unit, for garbage collection."""
        for _, p in self.unit_payloads(("doc_id", "content_hash")):
            yield p.get("doc_id", ""), p.get("content_hash", "")

    def units_with_vectors(self) -> Iterator[tuple[str, Sparse, dict[str, Any]]]:
        for p in self._scroll(with_payload=True, with_vectors=[SPARSE]):
            vec = (p.vector or {}).get(SPARSE) if isinstance(p.vector, dict) else None
            if vec is not None and p.payload:
                yield str(p.id), (list(vec.indices), list(vec.values)), p.payload

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
        sparse: Sparse | None,
        dense: list[float] | None,
        limit: int,
        doc_ids: Sequence[str] | None = None,
        filters: dict[str, Any] | None = None,
        fields: Sequence[str] | None = None,
    ) -> list[ScoredUnit]:
        """Lexical, dense or hybrid (Qdrant's RRF over one prefetch per vector) search."""
        return self.query_batch([UnitQuery(sparse, dense, limit, doc_ids, filters, fields)])[0]

    def query_batch(self, queries: Sequence[UnitQuery]) -> list[list[ScoredUnit]]:
        """Several searches in one request (the server's batch query), each answered as ``query`` would."""

        def run(asked: list[Any]) -> list[Any]:
            with self._guard():
                return [answer.points for answer in self.client.query_batch_points(self.units, requests=asked)]

        return answer_batch([self._request(q) for q in queries], run)

    def _request(self, q: UnitQuery) -> Any:
        """The server's request for one search; None when it has no vector to search with."""
        from qdrant_client import models

        flt = self._filter(q.doc_ids, q.filters)
        sparse_q = models.SparseVector(indices=q.sparse[0], values=q.sparse[1]) if q.sparse and q.sparse[0] else None
        use_dense = q.dense is not None and self.dense_dim is not None
        payload = True if q.fields is None else list(q.fields) or False  # () reads no payload: ids and scores
        if sparse_q is not None and use_dense:
            return models.QueryRequest(
                prefetch=[
                    models.Prefetch(query=sparse_q, using=SPARSE, limit=q.limit * PREFETCH, filter=flt),
                    models.Prefetch(query=q.dense, using=DENSE, limit=q.limit * PREFETCH, filter=flt),
                ],
                query=models.FusionQuery(fusion=models.Fusion.RRF),  # k = RRF_K, the server default
                limit=q.limit,
                with_payload=payload,
            )
        if use_dense:
            return models.QueryRequest(query=q.dense, using=DENSE, filter=flt, limit=q.limit, with_payload=payload)
        if sparse_q is not None:
            return models.QueryRequest(query=sparse_q, using=SPARSE, filter=flt, limit=q.limit, with_payload=payload)
        return None

    def close(self) -> None:
        with self._lock:
            try:
                self.client.close()
            except Exception:  # closing twice or a dead server: nothing left to release
                logger.debug("store close failed", exc_info=True)


def legacy_doc_records(path: str, collection: str) -> Iterator[dict[str, Any]]:
    """Catalog records of a store written by versions before the Edge store (qdrant-client's local mode).

    Raises ``StoreLocked`` when another process holds that folder.
    """
    from qdrant_client import QdrantClient

    from core.errors import StoreLocked

    try:
        client = QdrantClient(path=path)
    except RuntimeError as exc:
        if "already accessed" in str(exc):
            raise StoreLocked(f"the old store {path} is in use by another cancu process; stop it first") from exc
        raise StoreError(f"cannot open the old store {path}: {exc}") from exc
    try:
        name = f"{collection}_docs"
        if not client.collection_exists(name):
            return
        offset = None
        while True:
            points, offset = client.scroll(name, limit=256, offset=offset, with_payload=True, with_vectors=False)
            for p in points:
                if p.payload and p.payload.get("kind") == "document":
                    yield p.payload
            if offset is None:
                return
    except CancuError:
        raise
    except Exception as exc:
        raise StoreError(f"cannot read the old store {path}: {type(exc).__name__}: {exc}") from exc
    finally:
        client.close()
