"""A few documents' units scored in the process, as the store would score them, without a request to it.

The second pass of a search (``Searcher.within``) reads each of the few documents a question is about, its
weights changed by what that document's header holds. Qdrant walks each query token's whole posting list even
when a filter keeps one document's dozen units: at 10,000 plans 0.7 ms a document, the largest part of a search.
Here a document's units (their sparse vectors and the payload fields filters ask) are read once, by id, and kept;
a lexical search of one to ``LOCAL_DOCS`` documents is then scored as Qdrant's IDF modifier scores it::

    score(unit) = Σ over the tokens both hold of  query weight · idf(token) · unit weight
    idf(token) = ln(1 + (N − n + 0.5) / (n + 0.5))

N and n read from the catalog's live units and df table, in float32 as the store does (scores agree to about
1e-6 of their value, measured against Qdrant Edge on 10,000 plans). A search with a dense vector, over more
documents or everything, or with a filter on another field, goes to the store.

    local = DocUnits(store, catalog)
    found = local.query_batch(queries)  # as UnitStore.query_batch
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from retrieval.points import ScoredUnit, Sparse, UnitQuery

#: Documents one search may score here; the second pass reads three.
LOCAL_DOCS = 4
#: Payload fields kept per unit: what the searches' filters ask of it.
LOCAL_FIELDS = ("unit_kind",)
#: Documents kept (about 60 KB each at 15 units of 300 tokens); the least recently read is dropped.
KEPT_DOCS = 512
_NO_TOKENS = np.zeros(0, dtype=np.int64)
_NO_VALUES = np.zeros(0, dtype=np.float32)


class VectorSource(Protocol):
    def units_of(self, ids: Sequence[str], fields: Sequence[str]) -> list[tuple[str, Sparse, dict[str, Any]]]: ...

    def query_batch(self, queries: Sequence[UnitQuery]) -> list[list[ScoredUnit]]: ...


class Frequencies(Protocol):
    def get(self, token: int, default: Any = None) -> Any: ...


class UnitCatalog(Protocol):
    @property
    def generation(self) -> int: ...

    @property
    def units(self) -> int: ...

    @property
    def df(self) -> Frequencies: ...

    def unit_ids(self, doc_id: str) -> list[str] | None: ...


@dataclass(frozen=True)
class _Units:
    """One document's units: ids, kept payload fields, and their sparse vectors end to end (CSR)."""

    ids: list[str]
    fields: list[dict[str, Any]]
    indices: np.ndarray  # int64, each unit's tokens ascending
    values: np.ndarray  # float32
    starts: np.ndarray  # where each unit's tokens begin in ``indices`` (every unit has one)


class DocUnits:
    """Lexical searches over one to ``LOCAL_DOCS`` documents answered from kept unit vectors; the rest from the
    store, in one request."""

    def __init__(self, store: VectorSource, catalog: UnitCatalog, *, kept: int = KEPT_DOCS) -> None:
        self.store = store
        self.catalog = catalog
        self.kept = kept
        self._lock = threading.Lock()
        self._gen = -1
        self._docs: OrderedDict[str, _Units] = OrderedDict()

    def query_batch(self, queries: Sequence[UnitQuery]) -> list[list[ScoredUnit]]:
        """Each search's scored units, as ``UnitStore.query_batch`` answers them."""
        local = [self._answerable(q) for q in queries]
        sent = [q for q, here in zip(queries, local) if not here]
        answers = iter(self.store.query_batch(sent) if sent else [])
        if not any(local):
            return list(answers)
        idf = self._idf({i for q, here in zip(queries, local) if here and q.sparse for i in q.sparse[0]})
        return [self._score(q, idf) if here else next(answers) for q, here in zip(queries, local)]

    @staticmethod
    def _answerable(q: UnitQuery) -> bool:
        return (
            q.dense is None
            and bool(q.sparse and q.sparse[0])
            and bool(q.doc_ids)
            and len(q.doc_ids or ()) <= LOCAL_DOCS
            and all(k in LOCAL_FIELDS for k in (q.filters or {}))
            and q.fields is not None
            and not q.fields
        )

    def _idf(self, tokens: set[int]) -> dict[int, np.float32]:
        n_all = self.catalog.units
        df = self.catalog.df
        out = {}
        for t in tokens:
            n = df.get(t, 0) or 0
            out[t] = np.float32(math.log(1 + (n_all - n + 0.5) / (n + 0.5)))
        return out

    def _score(self, q: UnitQuery, idf: Mapping[int, np.float32]) -> list[ScoredUnit]:
        assert q.sparse is not None and q.doc_ids
        tokens = np.asarray(q.sparse[0], dtype=np.int64)
        order = np.argsort(tokens, kind="stable")
        tokens = tokens[order]
        weights = np.asarray([np.float32(w) * idf[i] for i, w in zip(q.sparse[0], q.sparse[1])], dtype=np.float32)[
            order
        ]
        wanted = _wanted(q.filters)
        found: list[tuple[float, str]] = []
        for doc_id in dict.fromkeys(q.doc_ids):
            units = self._units(doc_id)
            if units is None or not units.ids:
                continue
            scores = _dot(units, tokens, weights)
            for s, uid, fields in zip(scores.tolist(), units.ids, units.fields):
                if s > 0 and wanted(fields):
                    found.append((s, uid))
        found.sort(key=lambda t: (-t[0], t[1]))
        return [ScoredUnit(payload={}, score=s, id=uid) for s, uid in found[: q.limit]]

    def _units(self, doc_id: str) -> _Units | None:
        gen = self.catalog.generation
        with self._lock:
            if gen != self._gen:
                self._gen, self._docs = gen, OrderedDict()
            got = self._docs.get(doc_id)
            if got is not None:
                self._docs.move_to_end(doc_id)
                return got
        ids = self.catalog.unit_ids(doc_id)
        if ids is None:
            return None
        got = _pack(self.store.units_of(ids, LOCAL_FIELDS))
        with self._lock:
            if gen == self._gen:
                self._docs[doc_id] = got
                while len(self._docs) > self.kept:
                    self._docs.popitem(last=False)
        return got


def _pack(rows: list[tuple[str, Sparse, dict[str, Any]]]) -> _Units:
    rows = [r for r in rows if r[1][0]]  # a unit without a token scores nothing
    lens = np.asarray([len(v[0]) for _, v, _ in rows], dtype=np.int64)
    return _Units(
        ids=[i for i, _, _ in rows],
        fields=[p for _, _, p in rows],
        indices=np.concatenate([np.asarray(v[0], dtype=np.int64) for _, v, _ in rows]) if rows else _NO_TOKENS,
        values=np.concatenate([np.asarray(v[1], dtype=np.float32) for _, v, _ in rows]) if rows else _NO_VALUES,
        starts=np.concatenate([[0], np.cumsum(lens)[:-1]]).astype(np.int64) if rows else _NO_TOKENS,
    )


def _dot(units: _Units, tokens: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Each unit's Σ weight · value over the tokens it shares with the query (``tokens`` ascending)."""
    if not units.ids:
        return _NO_VALUES
    at = np.searchsorted(tokens, units.indices)
    at[at >= len(tokens)] = 0
    shared = tokens[at] == units.indices
    products = np.where(shared, units.values * weights[at], np.float32(0))
    return np.add.reduceat(products, units.starts)


def _wanted(filters: Mapping[str, Any] | None) -> Callable[[dict[str, Any]], bool]:
    """The payload match of a store filter: each field equal to the value, or to one of a list's."""
    if not filters:
        return lambda _: True
    tests = {k: set(v) if isinstance(v, list | tuple | set) else {v} for k, v in filters.items() if v is not None}
    return lambda fields: all(fields.get(k) in allowed for k, allowed in tests.items())
