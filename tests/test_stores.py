"""One contract for both unit stores: the embedded Qdrant Edge shard and a Qdrant server (CANCU_QDRANT_URL).

Every backend runs the same queries over the same units (the five plans) and must give the same ranking
and scores: sparse with Qdrant's IDF modifier, filtered by payload, dense, and hybrid fused by RRF in one
request; deletes by id and by filter; the sparse vectors the term statistics are kept from.

Backends: ``edge`` (always); ``server``, a real Qdrant at CANCU_TEST_QDRANT_URL (default
http://127.0.0.1:6333; skipped with the reason when none answers: no Qdrant server can be installed on
the development machines); ``server-api``, the same ServerStore code against qdrant-client's in-memory
stand-in of the server API, so the server path's own code runs everywhere.
"""

from __future__ import annotations

import math
import os
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from retrieval.analyzer import Analyzer
from retrieval.points import HIT_FIELDS, PREFETCH, ScoredUnit, UnitPoint, UnitQuery, reciprocal_rank_fusion
from retrieval.search import CONTENT
from tests.conftest import CORPUS, make_settings

SERVER = os.environ.get("CANCU_TEST_QDRANT_URL", "http://127.0.0.1:6333")
QUERIES = ["Phòng Công tác sinh viên phải làm gì?", "bao cao so ket 6 thang", "camera giám sát", "Thông tư 124"]
DIM = 8


def _dense(text: str) -> list[float]:
    """A deterministic stand-in embedding (the contract is about the store, not the model): eight numbers hashed
    from the text with crc32, so that no two points tie. (Python's ``hash`` and a few coarse buckets made ties,
    which the stores may order differently from one query to the next: a fused ranking then differed from the
    fusion of the two rankings asked apart, in one CI run in many.)"""
    return [(zlib.crc32(f"{i}:{text}".encode()) % 2001 - 1000) / 1000 for i in range(DIM)]


def _points() -> list[UnitPoint]:
    from ingest.pipeline import parse_bytes
    from retrieval.prepared import prepare

    analyzer = Analyzer()
    docs = [parse_bytes(p.name, p.read_bytes()) for p in sorted(CORPUS.glob("*.txt"))]
    for d in docs:
        analyzer.add_abbreviations(d.abbreviations)
    points = []
    for d in docs:
        for pt in prepare(d, analyzer).points:
            points.append(UnitPoint(pt.id, pt.sparse, _dense(f"{pt.id} {pt.payload['heading']}"), pt.payload))
    return points


POINTS = _points()


def _server_reachable() -> str | None:
    import httpx

    try:
        httpx.get(f"{SERVER}/healthz", timeout=1.0).raise_for_status()
    except Exception as exc:
        return f"no Qdrant server answers at {SERVER} ({type(exc).__name__}); set CANCU_TEST_QDRANT_URL to run"
    return None


@pytest.fixture(params=["edge", "server", "server-api"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[object]:
    if request.param == "edge":
        from retrieval.edge_store import EdgeStore

        s: object = EdgeStore(tmp_path / "edge", dense_dim=DIM)
    elif request.param == "server":
        why = _server_reachable()
        if why:
            pytest.skip(why)
        from retrieval.store import ServerStore

        s = ServerStore(
            make_settings(tmp_path, qdrant_url=SERVER, collection=f"cancu_test_{os.getpid()}"), dense_dim=DIM
        )
    else:
        from qdrant_client import QdrantClient

        from retrieval.store import ServerStore

        s = ServerStore(make_settings(tmp_path), dense_dim=DIM, client=QdrantClient(":memory:"))
    s.upsert_units(POINTS)  # type: ignore[attr-defined]
    s.settle()  # type: ignore[attr-defined]
    yield s
    if request.param == "server":
        s.client.delete_collection(s.units)  # type: ignore[attr-defined]
        s.client.delete_collection(s.docs)  # type: ignore[attr-defined]
    s.close()  # type: ignore[attr-defined]


def _expected_sparse(query: tuple[list[int], list[float]], points: list[UnitPoint]) -> dict[str, float]:
    """Qdrant's IDF modifier, by brute force: Σ q_t · ln((N − df_t + 0.5)/(df_t + 0.5) + 1) · d_t."""
    n = len(points)
    df: dict[int, int] = {}
    for p in points:
        for t in set(p.sparse[0]):
            df[t] = df.get(t, 0) + 1
    out = {}
    for p in points:
        mine = dict(zip(*p.sparse))
        shared = [(t, q) for t, q in zip(*query) if t in mine]
        if shared:
            out[p.id] = sum(q * math.log((n - df[t] + 0.5) / (df[t] + 0.5) + 1) * mine[t] for t, q in shared)
    return out


def _ranked(units: list[ScoredUnit]) -> list[str]:
    return [u.id for u in units]


def test_sparse_scores_are_qdrants_idf_formula(store) -> None:
    analyzer = Analyzer()
    for q in QUERIES:
        vec = analyzer.query_vector(q)
        expected = _expected_sparse(vec, POINTS)
        got = store.query(sparse=vec, dense=None, limit=30)
        best = sorted(expected.values(), reverse=True)[:30]
        assert [u.score for u in got] == pytest.approx(best, rel=1e-4), q
        assert all(u.score == pytest.approx(expected[u.id], rel=1e-4) for u in got), q


def test_filters_use_the_payload(store) -> None:
    vec = Analyzer().query_vector("nhiệm vụ tuyên truyền")
    only = store.query(
        sparse=vec, dense=None, limit=50, doc_ids=["kh-cdlc-laocai-2026"], filters={"unit_kind": "section"}
    )
    assert only and {(u.payload["doc_id"], u.payload["unit_kind"]) for u in only} == {
        ("kh-cdlc-laocai-2026", "section")
    }
    parts = store.query(sparse=vec, dense=None, limit=50, filters={"unit_kind": ["part"]})
    assert parts and {u.payload["section"] for u in parts} <= {"header", "preamble"}


def test_a_search_reads_only_the_fields_it_asks_for(store) -> None:
    """``fields``: the same units and scores, each with those payload fields only (what a search reads)."""
    vec = Analyzer().query_vector("nhiệm vụ tuyên truyền")
    whole = store.query(sparse=vec, dense=None, limit=20)
    some = store.query(sparse=vec, dense=None, limit=20, fields=HIT_FIELDS)
    assert [(u.id, u.score) for u in some] == [(u.id, u.score) for u in whole] and whole
    assert all(u.payload == {f: w.payload[f] for f in HIT_FIELDS} for u, w in zip(some, whole))
    assert all("heading_path" in w.payload for w in whole)


def test_hybrid_is_one_rrf_query_over_both_vectors(store) -> None:
    analyzer = Analyzer()
    for q in QUERIES:
        sparse, dense = analyzer.query_vector(q), _dense(q)
        fused = store.query(sparse=sparse, dense=dense, limit=10)
        alone = [
            store.query(sparse=sparse, dense=None, limit=10 * PREFETCH),
            store.query(sparse=None, dense=dense, limit=10 * PREFETCH),
        ]
        reference = reciprocal_rank_fusion(alone, 10)
        assert [u.score for u in fused] == pytest.approx([u.score for u in reference]), q
        assert set(_ranked(fused)) <= {u.id for ranking in alone for u in ranking}


def _tied(units: list[ScoredUnit]) -> list[tuple[float, frozenset[str]]]:
    """A ranking as its score levels, each with the units tied on it: RRF ties come in no fixed order (Qdrant
    Edge's order among them varies from one call to the next). The lowest level is left out: the limit may cut
    through it."""
    levels: dict[float, set[str]] = {}
    for u in units:
        levels.setdefault(round(u.score, 5), set()).add(u.id)
    return [(score, frozenset(ids)) for score, ids in sorted(levels.items(), reverse=True)][:-1]


def test_a_batch_answers_as_its_queries_one_by_one(store) -> None:
    """A search's second pass asks several documents at once: each answer is the one its query alone gets (the
    same units, scores and order), an empty query gets nothing, and the answers come in the order asked."""
    analyzer = Analyzer()
    docs = [store.query(sparse=analyzer.query_vector(q), dense=None, limit=1)[0].payload["doc_id"] for q in QUERIES]
    queries = [
        UnitQuery(analyzer.query_vector(q), _dense(q) if i % 2 else None, 15, [d], CONTENT, ())
        for i, (q, d) in enumerate(zip(QUERIES, docs))
    ]
    queries.insert(2, UnitQuery(None, None, 10))
    queries.append(UnitQuery(analyzer.query_vector(QUERIES[0]), None, 25))
    batch = store.query_batch(queries)
    alone = [
        store.query(
            sparse=q.sparse, dense=q.dense, limit=q.limit, doc_ids=q.doc_ids, filters=q.filters, fields=q.fields
        )
        for q in queries
    ]
    assert [_tied(got) for got in batch] == [_tied(got) for got in alone]
    assert batch[2] == [] and all(batch[i] for i in (0, 1, 3, 4, 5))
    assert {u.id for u in batch[0]} <= {p.id for p in POINTS if p.payload["doc_id"] == docs[0]}


def test_deletes_and_the_vectors_statistics_are_kept_from(store) -> None:
    first = [p.id for p in POINTS[:5]]
    assert sorted(map(tuple, store.sparse_of(first))) == sorted(tuple(p.sparse[0]) for p in POINTS[:5])
    store.delete_unit_ids(first)
    store.delete_units("kh-ubnd-kienhai-2026")
    store.settle()
    left = [p for p in POINTS[5:] if p.payload["doc_id"] != "kh-ubnd-kienhai-2026"]
    assert store.count_units() == len(left)
    assert sorted(store.unit_keys()) == sorted((p.payload["doc_id"], p.payload["content_hash"]) for p in left)
    vec = Analyzer().query_vector("camera giám sát")
    got = store.query(sparse=vec, dense=None, limit=10)
    expected = _expected_sparse(vec, left)
    assert all(u.score == pytest.approx(expected[u.id], rel=1e-4) for u in got)


def test_both_backends_answer_alike(tmp_path: Path) -> None:
    """The embedded shard and the server path (its in-memory stand-in here) return the same ranking."""
    from qdrant_client import QdrantClient

    from retrieval.edge_store import EdgeStore
    from retrieval.store import ServerStore

    edge = EdgeStore(tmp_path / "edge", dense_dim=DIM)
    server = ServerStore(make_settings(tmp_path), dense_dim=DIM, client=QdrantClient(":memory:"))
    analyzer = Analyzer()
    try:
        for s in (edge, server):
            s.upsert_units(POINTS)
            s.settle()
        for q in QUERIES:
            sparse = analyzer.query_vector(q)
            a, b = (s.query(sparse=sparse, dense=None, limit=20) for s in (edge, server))
            assert [u.score for u in a] == pytest.approx([u.score for u in b], rel=1e-4), q
            assert [u.payload["section"] for u in a[:5]] == [u.payload["section"] for u in b[:5]], q
    finally:
        edge.close()
        server.close()


def test_processes_sharing_a_server_see_each_others_documents(tmp_path: Path) -> None:
    """Two API processes on one server (its in-memory stand-in here): what one ingests, the other answers from
    at its next read, with the same term statistics; a deletion reaches it too."""
    from qdrant_client import QdrantClient

    from ingest.pipeline import parse_bytes
    from retrieval.catalog import Catalog
    from retrieval.index import Index
    from retrieval.store import ServerStore

    client = QdrantClient(":memory:")

    def process(name: str) -> Index:
        store = ServerStore(make_settings(tmp_path), dense_dim=None, client=client)
        return Index(store, Catalog(tmp_path / f"{name}.sqlite"), Analyzer())

    a, b = process("a"), process("b")
    docs = [parse_bytes(p.name, p.read_bytes()) for p in sorted(CORPUS.glob("*.txt"))]
    a.put_documents(docs)
    assert len(b) == 0 and b.maybe_sync(interval=0)
    assert sorted(b.catalog.ids()) == sorted(d.doc_id for d in docs)
    wa, wb = a.term_weights(), b.term_weights()
    assert wa.n == wb.n and dict(wa.df.items()) == dict(wb.df.items())
    assert b.names_in("Văn phòng trường CĐ Lào Cai làm gì?")[0] == ["kh-cdlc-laocai-2026"]
    a.remove("kh-cdlc-laocai-2026")
    assert b.maybe_sync(interval=0) and "kh-cdlc-laocai-2026" not in b
    assert b.term_weights().n == a.term_weights().n
    assert not b.maybe_sync(interval=0)  # nothing changed since: no work


class _RecordsOnly:
    """The catalog records a Qdrant server keeps for other processes (``ServerStore``'s record methods)."""

    remote = True

    def __init__(self, records: list[dict[str, Any]]) -> None:
        self.records = {r["doc_id"]: r for r in records}

    def doc_records(self, *, fields: Sequence[str] | None = None) -> Iterator[dict[str, Any]]:
        yield from self.records.values()

    def doc_record(self, doc_id: str) -> dict[str, Any] | None:
        return self.records.get(doc_id)


@pytest.mark.parametrize("published_by", ["this version", "an earlier version"])
def test_a_process_sharing_a_server_finds_the_units_another_wrote(tmp_path: Path, published_by: str) -> None:
    """A record pulled from the server gives this process's catalog what a search shows of each unit (its
    section, heading and span by point id); a record an earlier version published, without them, has its
    units cut again: the same ids, the same sections."""
    from ingest.pipeline import parse_bytes
    from retrieval.analyzer import Analyzer
    from retrieval.catalog import Catalog
    from retrieval.prepared import prepare, server_record
    from retrieval.server_sync import ServerSync

    path = CORPUS / "kh-ubnd-kienhai-2026.txt"
    written = prepare(parse_bytes(path.name, path.read_bytes()), Analyzer())
    record = server_record(written.record)
    if published_by == "an earlier version":
        del record["hits"]
    catalog = Catalog(tmp_path / "replica.sqlite")
    try:
        ServerSync(_RecordsOnly([record]), catalog, Analyzer()).pull()  # type: ignore[arg-type]
        ids = [p.id for p in written.points]
        got = catalog.hits(ids)
        assert [(got[i]["section"], got[i]["start"], got[i]["end"]) for i in ids] == [
            (p.payload["section"], p.payload["start"], p.payload["end"]) for p in written.points
        ]
        assert {h["doc_id"] for h in got.values()} == {"kh-ubnd-kienhai-2026"}
    finally:
        catalog.close()
