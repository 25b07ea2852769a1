"""What every unit store speaks: point ids, unit points, scored units, the fusion constants, the store's role.

Two stores play the role (``UnitStore``): ``retrieval.edge_store.EdgeStore`` (Qdrant Edge, embedded in the
process, the default) and ``retrieval.store.ServerStore`` (a Qdrant server or cluster, CANCU_QDRANT_URL).
Both hold one point per retrieval unit with the same vectors, payload and payload indexes, and run the same
query: sparse with Qdrant's IDF modifier, dense, or both fused by reciprocal rank in one request.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

SPARSE = "lexical"
DENSE = "dense"
_NS = uuid.UUID("6f1c2a1e-3f7b-4c1e-9a57-1d2b3c4d5e6f")
PREFETCH = 4  # each vector's prefetch is this many times the fused limit
RRF_K = 2  # Qdrant's reciprocal-rank-fusion constant: score = Σ 1 / (rank + RRF_K - 1), rank from 1
#: Payload fields with an index (filters on them never scan): keyword fields, then integer ones.
KEYWORD_FIELDS = ("doc_id", "content_hash", "unit_kind", "doc_type", "issuer", "section")
INTEGER_FIELDS = ("year",)
#: What a search shows of each unit it finds. The catalog keeps these by point id (``Catalog.hits``) and a search
#: asks the store for ids and scores only (``query(fields=())``): reading payloads from Qdrant Edge costs about
#: 30 µs a unit (at 10,000 plans a 120-unit query took 6.1 ms with its payload, 3.7 ms without).
HIT_FIELDS = ("doc_id", "content_hash", "section", "heading", "start", "end")

Sparse = tuple[list[int], list[float]]


def point_id(*parts: object) -> str:
    """Stable point id derived from its parts (doc id, content hash, section, piece)."""
    return str(uuid.uuid5(_NS, "|".join(str(p) for p in parts)))


@dataclass(frozen=True)
class UnitPoint:
    id: str
    sparse: Sparse
    dense: list[float] | None
    payload: dict[str, Any]


@dataclass(frozen=True)
class UnitQuery:
    """One search of a store: lexical (``sparse``), dense, or both fused by RRF; over ``doc_ids`` (or all) and
    payload ``filters``; ``fields``: payload fields to read (None all, () none: ids and scores)."""

    sparse: Sparse | None
    dense: list[float] | None
    limit: int
    doc_ids: Sequence[str] | None = None
    filters: dict[str, Any] | None = None
    fields: Sequence[str] | None = None


@dataclass(frozen=True)
class ScoredUnit:
    payload: dict[str, Any]
    score: float
    id: str = ""


class UnitStore(Protocol):
    """Retrieval units with their vectors; the catalog lives elsewhere (``retrieval.catalog``)."""

    where: str
    remote: bool
    dense_dim: int | None
    rebuilt: bool  # the units were (re)created empty at open: every document's units must be written again

    def upsert_units(self, points: Sequence[UnitPoint]) -> None: ...

    def delete_unit_ids(self, ids: Sequence[str]) -> None: ...

    def delete_units(self, doc_id: str, *, keep_hash: str | None = None) -> None: ...

    def sparse_of(self, ids: Sequence[str]) -> list[list[int]]: ...

    def unit_keys(self) -> Iterator[tuple[str, str]]: ...

    def unit_payloads(self, fields: Sequence[str]) -> Iterator[tuple[str, dict[str, Any]]]: ...

    def units_with_vectors(self) -> Iterator[tuple[str, Sparse, dict[str, Any]]]: ...

    def count_units(self) -> int: ...

    def query(
        self,
        *,
        sparse: Sparse | None,
        dense: list[float] | None,
        limit: int,
        doc_ids: Sequence[str] | None = None,
        filters: dict[str, Any] | None = None,
        fields: Sequence[str] | None = None,  # payload fields to read: None all, () none
    ) -> list[ScoredUnit]: ...

    def query_batch(self, queries: Sequence[UnitQuery]) -> list[list[ScoredUnit]]:
        """Several searches in one request, each answered as ``query`` would, in order."""
        ...

    def settle(self) -> None: ...

    def close(self) -> None: ...


def answer_batch(
    requests: Sequence[Any | None], run: Callable[[list[Any]], Iterable[Iterable[Any]]]
) -> list[list[ScoredUnit]]:
    """Each search's scored units, in the order asked: ``run`` sends the requests that have a vector in one call
    and returns each one's points; a request that is None (nothing to search with) gets no units."""
    asked = [r for r in requests if r is not None]
    answers = iter(run(asked) if asked else [])
    return [
        [ScoredUnit(payload=p.payload or {}, score=float(p.score), id=str(p.id)) for p in next(answers)]
        if r is not None
        else []
        for r in requests
    ]


def reciprocal_rank_fusion(rankings: Sequence[Sequence[ScoredUnit]], limit: int) -> list[ScoredUnit]:
    """Qdrant's RRF over several rankings of the same points (a query with prefetches and RRF fusion): each
    point scores Σ 1 / (position + RRF_K) over the rankings it is in (position from 0), ties in order of first
    appearance. The stores fuse in the engine; this is the reference the tests hold them to."""
    scores: dict[str, float] = {}
    first: dict[str, ScoredUnit] = {}
    for ranking in rankings:
        for pos, unit in enumerate(ranking):
            scores[unit.id] = scores.get(unit.id, 0.0) + 1.0 / (pos + RRF_K)
            first.setdefault(unit.id, unit)
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)[:limit]
    return [ScoredUnit(payload=first[pid].payload, score=score, id=pid) for pid, score in ranked]
