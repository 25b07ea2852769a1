"""In-process executor for sparse (lexical) queries in embedded mode.

Why: Qdrant's embedded (local) mode scores a sparse query with a pure-Python
merge-join against every stored vector; the profile showed 0.4 ms per unit,
about 30 ms per question on the five plans, and linear growth beyond. The
units still live in Qdrant (the store of record, loaded from it at start and
updated with it); this index only executes the same scoring faster:

    score(unit) = Σ_t  q_t · idf_t · d_t,   idf_t = ln((N − df_t + 0.5) / (df_t + 0.5) + 1)

which is Qdrant's IDF modifier formula, over units sharing at least one token
with the query. ``tests/test_retrieval.py`` checks the rankings against
Qdrant's own ``query_points``. With a Qdrant server (CANCU_QDRANT_URL) the
server executes the query and this module is not used.

Postings are typed arrays (int32 slots, float32 weights), not Python tuples:
at 1,000 plans (25,000 units) the tuples took 300 MB; arrays take a tenth.
"""

from __future__ import annotations

import math
import threading
from array import array
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from retrieval.store import ScoredUnit


class MemoryLexicalIndex:
    """Postings of sparse vectors: token index -> (unit slots, weights), plus per-slot columns for filters."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._payloads: list[dict[str, Any] | None] = []
        self._ids: list[str | None] = []  # point id of each slot
        self._tokens: list[np.ndarray | None] = []  # token indices of each slot, to undo its postings
        self._by_id: dict[str, int] = {}
        self._by_doc: dict[str, set[int]] = defaultdict(set)
        self._post_slots: dict[int, array[int]] = {}
        self._post_weights: dict[int, array[float]] = {}
        self._arrays: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self._df: dict[int, int] = defaultdict(int)
        self._alive = np.zeros(1024, dtype=bool)
        self._doc_code = np.zeros(1024, dtype=np.int32)
        self._codes: dict[str, int] = {}
        self._live = 0

    def __len__(self) -> int:
        return self._live

    @property
    def df(self) -> dict[int, int]:
        """Live document frequency of each token index (units containing it)."""
        return self._df

    def add(self, point_id: str, sparse: tuple[Sequence[int], Sequence[float]], payload: dict[str, Any]) -> None:
        self.add_many([(point_id, sparse, payload)])

    def add_many(self, items: Iterable[tuple[str, tuple[Sequence[int], Sequence[float]], dict[str, Any]]]) -> None:
        """Add units in bulk: postings are grouped by token with numpy, not appended entry by entry.

        Loading 25,000 units at start-up took 8 s appending entry by entry (start-up profile, 1,000 plans).
        """
        with self._lock:
            batch: dict[str, tuple[np.ndarray, np.ndarray, dict[str, Any]]] = {}
            for point_id, (indices, values), payload in items:
                batch[point_id] = (np.asarray(indices, dtype=np.int64), np.asarray(values, dtype=np.float32), payload)
            for point_id in batch:
                if point_id in self._by_id:
                    self._remove_slot(self._by_id[point_id])
            if not batch:
                return
            first = len(self._payloads)
            self._grow(first + len(batch))
            for slot, (point_id, (tokens, _, payload)) in enumerate(batch.items(), first):
                doc_id = str(payload.get("doc_id", ""))
                self._payloads.append(payload)
                self._ids.append(point_id)
                self._tokens.append(tokens)
                self._by_id[point_id] = slot
                self._by_doc[doc_id].add(slot)
                self._alive[slot] = True
                self._doc_code[slot] = self._codes.setdefault(doc_id, len(self._codes))
            self._live += len(batch)
            tokens = np.concatenate([t for t, _, _ in batch.values()])
            weights = np.concatenate([w for _, w, _ in batch.values()])
            slots = np.repeat(
                np.arange(first, first + len(batch), dtype=np.int32), [len(t) for t, _, _ in batch.values()]
            )
            order = np.argsort(tokens, kind="stable")
            tokens, weights, slots = tokens[order], weights[order], slots[order]
            uniq, starts = np.unique(tokens, return_index=True)
            ends = [*starts[1:].tolist(), len(tokens)]
            for idx, a, b in zip(uniq.tolist(), starts.tolist(), ends):
                if idx not in self._post_slots:
                    self._post_slots[idx], self._post_weights[idx] = array("i"), array("f")
                self._post_slots[idx].frombytes(slots[a:b].tobytes())
                self._post_weights[idx].frombytes(weights[a:b].tobytes())
                self._arrays.pop(idx, None)
                self._df[idx] += b - a

    def _grow(self, size: int) -> None:
        while size > len(self._alive):
            self._alive = np.concatenate([self._alive, np.zeros(len(self._alive), dtype=bool)])
            self._doc_code = np.concatenate([self._doc_code, np.zeros(len(self._doc_code), dtype=np.int32)])

    def remove_doc(self, doc_id: str, *, keep_hash: str | None = None) -> None:
        """Forget a document's units (all, or all but one content hash), as the store does."""
        with self._lock:
            for slot in list(self._by_doc.get(doc_id, ())):
                p = self._payloads[slot]
                if p is not None and (keep_hash is None or p.get("content_hash") != keep_hash):
                    self._remove_slot(slot)
            self._compact_if_sparse()

    def remove_ids(self, point_ids: Iterable[str]) -> None:
        """Forget units by point id."""
        with self._lock:
            for pid in point_ids:
                slot = self._by_id.get(pid)
                if slot is not None:
                    self._remove_slot(slot)
            self._compact_if_sparse()

    def _remove_slot(self, slot: int) -> None:
        tokens, payload = self._tokens[slot], self._payloads[slot]
        if tokens is None or payload is None:
            return
        for idx in tokens.tolist():
            self._df[idx] -= 1
            if not self._df[idx]:
                del self._df[idx]
            self._arrays.pop(idx, None)
        doc_id = str(payload.get("doc_id", ""))
        self._by_doc[doc_id].discard(slot)
        if not self._by_doc[doc_id]:
            del self._by_doc[doc_id]
        self._by_id.pop(self._ids[slot] or "", None)
        self._ids[slot] = None
        self._payloads[slot] = None
        self._tokens[slot] = None
        self._alive[slot] = False
        self._live -= 1

    def _compact_if_sparse(self) -> None:
        """Renumber the live slots once dead ones outnumber them (and there are many)."""
        size = len(self._payloads)
        dead = size - self._live
        if dead < 1024 or dead < self._live:
            return
        live = np.flatnonzero(self._alive[:size])
        remap = np.full(size, -1, dtype=np.int64)
        remap[live] = np.arange(len(live))
        for idx in list(self._post_slots):
            slots = np.frombuffer(self._post_slots[idx], dtype=np.int32).copy()
            weights = np.frombuffer(self._post_weights[idx], dtype=np.float32).copy()
            keep = self._alive[slots]
            if not keep.any():
                del self._post_slots[idx], self._post_weights[idx]
                continue
            self._post_slots[idx] = array("i", remap[slots[keep]].astype(np.int32).tobytes())
            self._post_weights[idx] = array("f", weights[keep].tobytes())
        self._payloads = [self._payloads[s] for s in live]
        self._ids = [self._ids[s] for s in live]
        self._tokens = [self._tokens[s] for s in live]
        self._by_id = {pid: new for new, pid in enumerate(self._ids) if pid is not None}
        self._by_doc = defaultdict(set)
        for new, p in enumerate(self._payloads):
            self._by_doc[str((p or {}).get("doc_id", ""))].add(new)
        cap = max(1024, len(live) * 2)
        alive, codes = np.zeros(cap, dtype=bool), np.zeros(cap, dtype=np.int32)
        alive[: len(live)] = True
        codes[: len(live)] = self._doc_code[live]
        self._alive, self._doc_code = alive, codes
        self._arrays.clear()

    def _posting(self, idx: int) -> tuple[np.ndarray, np.ndarray]:
        """Live slots and weights of a token, as numpy arrays (cached until the token's postings change)."""
        arr = self._arrays.get(idx)
        if arr is None:
            slots_buf = self._post_slots.get(idx)
            if slots_buf is None:
                return np.zeros(0, dtype=np.int64), np.zeros(0)
            slots = np.frombuffer(slots_buf, dtype=np.int32).astype(np.int64)
            weights = np.frombuffer(self._post_weights[idx], dtype=np.float32).astype(np.float64)
            keep = self._alive[slots]
            if not keep.all():  # drop removed units from the posting for good
                slots, weights = slots[keep], weights[keep]
                self._post_slots[idx] = array("i", slots.astype(np.int32).tobytes())
                self._post_weights[idx] = array("f", weights.astype(np.float32).tobytes())
            arr = self._arrays[idx] = (slots, weights)
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
                scores[slots] += qv * idf * weights  # a unit appears once in a token's posting
                touched[slots] = True
            if doc_ids:
                codes = [self._codes[d] for d in doc_ids if d in self._codes]
                touched &= np.isin(self._doc_code[:size], codes)
            candidates = np.flatnonzero(touched)
            if filters:
                ranked = candidates[np.lexsort((candidates, -scores[candidates]))]
                chosen = []
                for s in ranked.tolist():
                    if _matches(self._payloads[s], None, filters):
                        chosen.append(s)
                        if len(chosen) == limit:
                            break
            else:
                chosen = _top(candidates, scores, limit)
            return [
                ScoredUnit(payload=dict(self._payloads[s] or {}), score=float(scores[s]), id=self._ids[s] or "")
                for s in chosen
            ]


def _top(candidates: np.ndarray, scores: np.ndarray, limit: int) -> list[int]:
    """The ``limit`` best candidates by score, ties in slot order (as a full stable sort would give)."""
    if not len(candidates):
        return []
    cand_scores = scores[candidates]
    if len(candidates) > limit:
        kth = np.partition(cand_scores, len(cand_scores) - limit)[len(cand_scores) - limit]
        keep = cand_scores >= kth
        candidates, cand_scores = candidates[keep], cand_scores[keep]
    order = np.lexsort((candidates, -cand_scores))[:limit]
    return [int(s) for s in candidates[order]]


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
