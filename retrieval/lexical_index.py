"""In-process executor for sparse (lexical) queries in embedded mode.

Why: Qdrant's embedded (local) mode scores a sparse query with a pure-Python
merge-join against every stored vector; the profile showed 0.4 ms per unit,
about 30 ms per question on the five plans, and linear growth beyond. The
units still live in Qdrant (the store of record, loaded from it at start and
updated with it); this index only executes the same scoring faster:

    score(unit) = Σ_t  q_t · idf_t · d_t,   idf_t = ln((N − df_t + 0.5) / (df_t + 0.5) + 1)

which is Qdrant's IDF modifier formula, over units sharing at least one token
with the query. ``tests/test_lexical_index.py`` checks the rankings against
Qdrant's own ``query_points``. With a Qdrant server (CANCU_QDRANT_URL) the
server executes the query and this module is not used.
"""

from __future__ import annotations

import math
import threading
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from retrieval.store import ScoredUnit


class MemoryLexicalIndex:
    """Postings of sparse vectors: token index -> (unit slots, weights)."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._payloads: list[dict[str, Any] | None] = []
        self._vectors: list[tuple[list[int], list[float]] | None] = []
        self._by_id: dict[str, int] = {}
        self._postings: dict[int, list[tuple[int, float]]] = defaultdict(list)
        self._arrays: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self._df: dict[int, int] = defaultdict(int)
        self._live = 0

    def __len__(self) -> int:
        return self._live

    @property
    def df(self) -> dict[int, int]:
        """Live document frequency of each token index (units containing it)."""
        return self._df

    def add(self, point_id: str, sparse: tuple[list[int], list[float]], payload: dict[str, Any]) -> None:
        with self._lock:
            if point_id in self._by_id:
                self._remove_slot(self._by_id[point_id])
            slot = len(self._payloads)
            self._payloads.append(payload)
            self._vectors.append(sparse)
            self._by_id[point_id] = slot
            for idx, w in zip(*sparse):
                self._postings[idx].append((slot, w))
                self._arrays.pop(idx, None)
                self._df[idx] += 1
            self._live += 1

    def add_many(self, items: Iterable[tuple[str, tuple[list[int], list[float]], dict[str, Any]]]) -> None:
        for point_id, sparse, payload in items:
            self.add(point_id, sparse, payload)

    def remove_doc(self, doc_id: str, *, keep_hash: str | None = None) -> None:
        """Forget a document's units (all, or all but one content hash), as the store does."""
        with self._lock:
            for pid, slot in list(self._by_id.items()):
                p = self._payloads[slot]
                if (
                    p is not None
                    and p.get("doc_id") == doc_id
                    and (keep_hash is None or p.get("content_hash") != keep_hash)
                ):
                    self._remove_slot(slot)
                    del self._by_id[pid]
            self._compact_if_sparse()

    def _remove_slot(self, slot: int) -> None:
        vec = self._vectors[slot]
        if vec is None:
            return
        for idx in vec[0]:
            self._df[idx] -= 1
            self._arrays.pop(idx, None)
        self._payloads[slot] = None
        self._vectors[slot] = None
        self._live -= 1

    def _compact_if_sparse(self) -> None:
        dead = len(self._payloads) - self._live
        if dead < 1024 or dead < self._live:
            return
        items = [(pid, self._vectors[s], self._payloads[s]) for pid, s in self._by_id.items()]
        self.__init__()  # type: ignore[misc]
        for pid, vec, payload in items:
            if vec is not None and payload is not None:
                self.add(pid, vec, payload)

    def _posting(self, idx: int) -> tuple[np.ndarray, np.ndarray]:
        arr = self._arrays.get(idx)
        if arr is None:
            live = [(s, w) for s, w in self._postings.get(idx, ()) if self._vectors[s] is not None]
            self._postings[idx] = live
            arr = (
                np.fromiter((s for s, _ in live), dtype=np.int64, count=len(live)),
                np.fromiter((w for _, w in live), dtype=np.float64, count=len(live)),
            )
            self._arrays[idx] = arr
        return arr

    def query(
        self,
        sparse: tuple[list[int], list[float]],
        *,
        limit: int,
        doc_ids: Sequence[str] | None = None,
        filters: dict[str, Any] | None = None,
    ) -> list[ScoredUnit]:
        """Top units by Qdrant's IDF-weighted dot product; units without a shared token are never returned."""
        with self._lock:
            n = self._live
            size = len(self._payloads)
            if n == 0 or not sparse[0]:
                return []
            scores = np.zeros(size, dtype=np.float64)
            touched = np.zeros(size, dtype=bool)
            for idx, qv in zip(*sparse):
                slots, weights = self._posting(idx)
                if not len(slots):
                    continue
                df = self._df[idx]
                idf = math.log((n - df + 0.5) / (df + 0.5) + 1)
                np.add.at(scores, slots, qv * idf * weights)
                touched[slots] = True
            candidates = np.nonzero(touched)[0]
            if doc_ids or filters:
                keep = [s for s in candidates if _matches(self._payloads[s], doc_ids, filters)]
                candidates = np.asarray(keep, dtype=np.int64)
            if not len(candidates):
                return []
            order = candidates[np.argsort(-scores[candidates], kind="stable")][:limit]
            return [ScoredUnit(payload=dict(self._payloads[s] or {}), score=float(scores[s])) for s in order]


def _matches(payload: dict[str, Any] | None, doc_ids: Sequence[str] | None, filters: dict[str, Any] | None) -> bool:
    if payload is None:
        return False
    if doc_ids and payload.get("doc_id") not in doc_ids:
        return False
    for key, value in (filters or {}).items():
        if value is None:
            continue
        have = payload.get(key)
        if isinstance(value, list | tuple | set):
            if have not in value:
                return False
        elif have != value:
            return False
    return True
