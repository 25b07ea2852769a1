"""The only module that imports qdrant_edge: retrieval units in a Qdrant Edge shard, embedded in the process.

Qdrant Edge is Qdrant's Rust engine as a library: the same sparse scoring with the IDF modifier, dense
search and prefetch + RRF fusion as a Qdrant server, on a folder under CANCU_DATA_DIR. It replaced
qdrant-client's local mode (a pure-Python reference engine: 295 s to start and 7.2 GB at 10,000 plans) and
the in-process lexical index that stood in for it.

The shard holds units only (Edge keeps no payload-only points): the catalog is in ``retrieval.catalog``.
It admits one process: a second one gets ``StoreLocked``, not a stack trace.

    store = EdgeStore(Path("data/edge"), dense_dim=None)
    store.upsert_units(points)
    store.query(sparse=analyzer.query_vector("camera giám sát"), dense=None, limit=30)
"""

from __future__ import annotations

import json
import logging
import shutil
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from core.errors import CancuError, StorageFull, StoreError, StoreLocked
from retrieval.points import (
    DENSE,
    INTEGER_FIELDS,
    KEYWORD_FIELDS,
    PREFETCH,
    RRF_K,
    SPARSE,
    ScoredUnit,
    Sparse,
    UnitPoint,
    UnitQuery,
    answer_batch,
)

logger = logging.getLogger(__name__)

#: What the shard was created for; a different dense size (another model, or none) rebuilds the units.
LAYOUT_FILE = "cancu-layout.json"
LAYOUT_VERSION = 1
BATCH = 512
#: What the library raises: its own errors, and Rust panics (pyo3's PanicException derives from BaseException,
#: so ``except Exception`` lets a damaged shard's panic through); an interrupt is not the library's.
_LIBRARY_ERRORS = BaseException


class EdgeStore:
    """Retrieval units in a Qdrant Edge shard (one folder, one process)."""

    remote = False

    def __init__(self, path: Path, *, dense_dim: int | None) -> None:
        self.path = path
        self.where = str(path)
        self.dense_dim = dense_dim
        self.rebuilt = False
        self._lock = threading.RLock()
        self._dirty = False  # written since the last settle(): segments to optimise, deleted points to vacuum
        layout = {"version": LAYOUT_VERSION, "dense_dim": dense_dim}
        meta = path / LAYOUT_FILE
        try:
            have = json.loads(meta.read_text()) if meta.exists() else None
        except (OSError, ValueError):
            have = None
        if have is not None and have != layout:
            logger.warning("the units were indexed for %s, now %s: rebuilding them", have, layout)
            self._check_free(path)
            shutil.rmtree(path)
            have = None
        self.shard = self._open(path, create=have is None)
        if have is None:
            meta.write_text(json.dumps(layout))
            self.rebuilt = True

    def recreate(self) -> Path:
        """Put a damaged shard aside (kept, as ``edge.damaged-<time>``) and begin an empty one: ``rebuilt``."""
        with self._lock:
            try:
                self.shard.close()
            except (KeyboardInterrupt, SystemExit):
                raise
            except _LIBRARY_ERRORS:  # a damaged shard may fail to close: its files are moved all the same
                logger.debug("closing the damaged shard failed", exc_info=True)
            aside = self.path.with_name(f"{self.path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
            shutil.move(str(self.path), str(aside))
            self.shard = self._open(self.path, create=True)
            (self.path / LAYOUT_FILE).write_text(json.dumps({"version": LAYOUT_VERSION, "dense_dim": self.dense_dim}))
            self.rebuilt = True
            self._dirty = False
            return aside

    @staticmethod
    def _check_free(path: Path) -> None:
        """Refuse to rebuild a shard another process has open."""
        from qdrant_edge import EdgeShard

        try:
            EdgeShard.load(str(path)).close()
        except (KeyboardInterrupt, SystemExit):
            raise
        except _LIBRARY_ERRORS as exc:
            raise _translate_open(path, exc) from exc

    def _config(self) -> Any:
        from qdrant_edge import (
            Distance,
            EdgeConfig,
            EdgeOptimizersConfig,
            EdgeSparseVectorParams,
            EdgeVectorParams,
            Memory,
            Modifier,
        )

        dense = {DENSE: EdgeVectorParams(size=self.dense_dim, distance=Distance.Cosine)} if self.dense_dim else None
        return EdgeConfig(
            vectors=dense,
            # the sparse index memory-mapped, not read into RAM at load: 0.5 s instead of 1.3 s to open 41,000
            # units, same query time (measured on synthetic plans)
            sparse_vectors={SPARSE: EdgeSparseVectorParams(modifier=Modifier.Idf, memory=Memory.Cold)},
            # vacuum any segment with deletions: until then deleted points still count in the IDF statistics
            optimizers=EdgeOptimizersConfig(deleted_threshold=0.0001, vacuum_min_vector_number=1),
        )

    def _open(self, path: Path, *, create: bool) -> Any:
        from qdrant_edge import EdgeShard, PayloadSchemaType, UpdateOperation

        try:
            if create:
                path.mkdir(parents=True, exist_ok=True)
                shard = EdgeShard.create(str(path), self._config())
                for key in KEYWORD_FIELDS:
                    shard.update(UpdateOperation.create_field_index(key, PayloadSchemaType.Keyword))
                for key in INTEGER_FIELDS:
                    shard.update(UpdateOperation.create_field_index(key, PayloadSchemaType.Integer))
                return shard
            _room(path)
            return EdgeShard.load(str(path))
        except (CancuError, KeyboardInterrupt, SystemExit):
            raise
        except _LIBRARY_ERRORS as exc:
            raise _translate_open(path, exc) from exc

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """Serialise calls and translate the library's errors."""
        with self._lock:
            try:
                yield
            except (CancuError, KeyboardInterrupt, SystemExit):
                raise
            except _LIBRARY_ERRORS as exc:
                raise _translate(exc) from exc

    # ------------------------------------------------------------ writing

    def upsert_units(self, points: Sequence[UnitPoint]) -> None:
        from qdrant_edge import Point, SparseVector, UpdateOperation

        for i in range(0, len(points), BATCH):
            batch = []
            for p in points[i : i + BATCH]:
                vector: dict[str, Any] = {SPARSE: SparseVector(p.sparse[0], p.sparse[1])}
                if p.dense is not None and self.dense_dim:
                    vector[DENSE] = p.dense
                batch.append(Point(p.id, vector, p.payload))
            with self._guard():
                self.shard.update(UpdateOperation.upsert_points(batch))
                self._dirty = True

    def delete_unit_ids(self, ids: Sequence[str]) -> None:
        from qdrant_edge import UpdateOperation

        for i in range(0, len(ids), BATCH):
            with self._guard():
                self.shard.update(UpdateOperation.delete_points(list(ids[i : i + BATCH])))
                self._dirty = True

    def delete_units(self, doc_id: str, *, keep_hash: str | None = None) -> None:
        """Delete a document's units (all, or all but those of one content hash)."""
        from qdrant_edge import Filter, UpdateOperation

        flt = Filter(
            must=[_match("doc_id", doc_id)], must_not=[_match("content_hash", keep_hash)] if keep_hash else None
        )
        with self._guard():
            self.shard.update(UpdateOperation.delete_points_by_filter(flt))
            self._deleted = True

    def settle(self) -> None:
        """After a batch of writes: optimise the segments and vacuum deleted points (IDF counts them until then),
        and flush. An unoptimised shard of 150,000 units took 15–19 s to open, optimised 5 s or less."""
        with self._guard():
            if self._dirty:
                self.shard.optimize()
                self._dirty = False
            self.shard.flush()

    # ------------------------------------------------------------ reading

    def sparse_of(self, ids: Sequence[str]) -> list[list[int]]:
        """Token indices of the sparse vector of each stored unit among ``ids`` (for the df statistics)."""
        out: list[list[int]] = []
        for i in range(0, len(ids), BATCH):
            with self._guard():
                records = self.shard.retrieve(list(ids[i : i + BATCH]), with_payload=False, with_vector=[SPARSE])
            for r in records:
                vec = (r.vector or {}).get(SPARSE) if isinstance(r.vector, dict) else None
                if vec is not None:
                    out.append(list(vec.indices))
        return out

    def _scroll(self, *, with_payload: Any, with_vector: Any) -> Iterator[Any]:
        from qdrant_edge import ScrollRequest

        offset = None
        while True:
            with self._guard():
                records, offset = self.shard.scroll(
                    ScrollRequest(offset=offset, limit=2048, with_payload=with_payload, with_vector=with_vector)
                )
            yield from records
            if offset is None:
                return

    def unit_payloads(self, fields: Sequence[str]) -> Iterator[tuple[str, dict[str, Any]]]:
        """Every unit's id with these payload fields."""
        for r in self._scroll(with_payload=list(fields), with_vector=False):
            yield str(r.id), r.payload or {}

    def unit_keys(self) -> Iterator[tuple[str, str]]:
        """(doc_id, content_hash) of every unit."""
        for _, p in self.unit_payloads(("doc_id", "content_hash")):
            yield p.get("doc_id", ""), p.get("content_hash", "")

    def units_with_vectors(self) -> Iterator[tuple[str, Sparse, dict[str, Any]]]:
        """Every unit with its sparse vector."""
        for r in self._scroll(with_payload=True, with_vector=[SPARSE]):
            vec = (r.vector or {}).get(SPARSE) if isinstance(r.vector, dict) else None
            if vec is not None:
                yield str(r.id), (list(vec.indices), list(vec.values)), r.payload or {}

    def dense_of(self, point_id: str) -> list[float] | None:
        with self._guard():
            records = self.shard.retrieve([point_id], with_payload=False, with_vector=[DENSE])
        vec = (records[0].vector or {}).get(DENSE) if records and isinstance(records[0].vector, dict) else None
        return list(vec) if vec is not None else None

    def count_units(self) -> int:
        from qdrant_edge import CountRequest

        with self._guard():
            return int(self.shard.count(CountRequest(exact=True)))

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
        """Lexical, dense or hybrid (one request: a prefetch per vector, fused by RRF) search."""
        return self.query_batch([UnitQuery(sparse, dense, limit, doc_ids, filters, fields)])[0]

    def query_batch(self, queries: Sequence[UnitQuery]) -> list[list[ScoredUnit]]:
        """Several searches as one planned batch (Edge's ``query_batch``: one call, one pass over the segments)."""
        from qdrant_edge import QueryBatchRequest

        def run(asked: list[Any]) -> list[Any]:
            with self._guard():
                return (
                    self.shard.query_batch(QueryBatchRequest(asked)) if len(asked) > 1 else [self.shard.query(asked[0])]
                )

        return answer_batch([self._request(q) for q in queries], run)

    def _request(self, q: UnitQuery) -> Any:
        """The Edge request for one search; None when it has no vector to search with."""
        from qdrant_edge import Fusion, Prefetch, Query, QueryRequest, SparseVector

        flt = _filter(q.doc_ids, q.filters)
        payload = True if q.fields is None else list(q.fields) or False  # () reads no payload: ids and scores
        sparse = q.sparse
        sparse_q = Query.Nearest(SparseVector(sparse[0], sparse[1]), using=SPARSE) if sparse and sparse[0] else None
        dense_q = Query.Nearest(q.dense, using=DENSE) if q.dense is not None and self.dense_dim else None
        if sparse_q is not None and dense_q is not None:
            return QueryRequest(
                limit=q.limit,
                prefetches=[
                    Prefetch(limit=q.limit * PREFETCH, query=sparse_q, filter=flt),
                    Prefetch(limit=q.limit * PREFETCH, query=dense_q, filter=flt),
                ],
                query=Fusion.Rrf(k=RRF_K),
                with_payload=payload,
            )
        if sparse_q is not None or dense_q is not None:
            return QueryRequest(limit=q.limit, query=sparse_q or dense_q, filter=flt, with_payload=payload)
        return None

    def close(self) -> None:
        with self._lock:
            try:
                self.shard.flush()
                self.shard.close()
            except Exception:  # closing twice: nothing left to release
                logger.debug("edge store close failed", exc_info=True)


def _match(key: str, value: Any) -> Any:
    from qdrant_edge import FieldCondition, MatchAny, MatchValue

    if isinstance(value, list | tuple | set):
        return FieldCondition(key, match=MatchAny(list(value)))
    return FieldCondition(key, match=MatchValue(value))


def _filter(doc_ids: Sequence[str] | None, filters: dict[str, Any] | None) -> Any:
    from qdrant_edge import Filter

    must = [_match("doc_id", list(doc_ids))] if doc_ids else []
    must += [_match(k, v) for k, v in (filters or {}).items() if v is not None]
    return Filter(must=must) if must else None


def _translate(exc: BaseException) -> CancuError:
    text = f"Qdrant Edge call failed: {type(exc).__name__}: {exc}"
    return StorageFull(text) if "No space left" in str(exc) else StoreError(text)


def _room(path: Path) -> None:
    """Refuse to open a shard whose disk could not back its files: Qdrant Edge maps them into memory, sparse
    (32 MB pages and WAL segments mostly holes), and fills pages as it loads and writes; a page the disk cannot
    back kills the process with SIGBUS, no message (seen: a restart with 40 MB free on a 200 MB store's disk).
    What must be free is what its files may still claim: their size less what the disk already holds of them."""
    unbacked = 0
    for f in path.rglob("*"):
        st = f.lstat()
        if f.is_file():
            unbacked += max(0, st.st_size - st.st_blocks * 512)
    free = shutil.disk_usage(path).free
    if free < unbacked:
        raise StorageFull(
            f"cannot open the store {path}: its disk has {free // 2**20} MB free and the store's files may need "
            f"{-(-unbacked // 2**20)} MB more as they are read and written; free space on that disk (or move "
            "CANCU_DATA_DIR) and start again"
        )


def _translate_open(path: Path, exc: BaseException) -> CancuError:
    text = str(exc)
    if "WouldBlock" in text or "lock" in text.lower():
        return StoreLocked(
            f"the embedded store {path} is in use by another cancu process; "
            "stop it (one process serves API and bot) or set CANCU_QDRANT_URL to share a Qdrant server",
        )
    if "No space left" in text:
        return StorageFull(f"cannot open the store {path}: the disk is full ({text})")
    return StoreError(f"cannot open the store {path}: {type(exc).__name__}: {exc}")


def qdrant_bm25() -> tuple[Any, Any]:
    """Qdrant's own BM25 embedder (the token ids and weights of its server-side text search), as two
    functions from texts to sparse vectors (documents, queries): what a llama-index + Qdrant hybrid pipeline
    uses offline in place of FastEmbed's "Qdrant/bm25" model, which is fetched from a hub. Benchmarks only."""
    from qdrant_edge import Bm25

    bm25 = Bm25()

    def encode(texts: list[str], query: bool) -> tuple[list[list[int]], list[list[float]]]:
        vecs = [bm25.embed_query(t) if query else bm25.embed_document(t) for t in texts]
        return [list(v.indices) for v in vecs], [list(v.values) for v in vecs]

    return (lambda texts: encode(texts, False)), (lambda texts: encode(texts, True))
