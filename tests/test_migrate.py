"""A store written by the version before the Edge store moves to the new layout with nothing lost."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from tests.conftest import CORPUS, REPO, make_settings

_NS = uuid.UUID("6f1c2a1e-3f7b-4c1e-9a57-1d2b3c4d5e6f")  # the earlier version's point-id namespace


def _legacy_store(data: Path) -> list[str]:
    """Write data/qdrant as the earlier version did: qdrant-client's local mode, one payload-only point per
    document in ``cancu_docs`` (the parsed Document and its unit ids), units in ``cancu_units``."""
    from qdrant_client import QdrantClient, models

    from ingest.pipeline import parse_bytes

    client = QdrantClient(path=str(data / "qdrant"))
    client.create_collection("cancu_docs", vectors_config={})
    client.create_collection(
        "cancu_units",
        vectors_config={},
        sparse_vectors_config={"lexical": models.SparseVectorParams(modifier=models.Modifier.IDF)},
    )
    ids = []
    for path in sorted(CORPUS.glob("*.txt")):
        doc = parse_bytes(path.name, path.read_bytes())
        record = {
            "kind": "document",
            "doc_id": doc.doc_id,
            "content_hash": doc.content_hash,
            "unit_ids": [],
            "analyzer": "1",
            "document": doc.model_dump(mode="json"),
        }
        pid = str(uuid.uuid5(_NS, f"doc|{doc.doc_id}"))
        client.upsert("cancu_docs", points=[models.PointStruct(id=pid, vector={}, payload=record)])
        ids.append(doc.doc_id)
    client.close()
    return ids


def test_an_earlier_store_is_migrated_at_start(tmp_path: Path) -> None:
    from retrieval.engine import build_engine

    data = tmp_path / "data"
    ids = _legacy_store(data)
    engine = build_engine(make_settings(data), embedder=None)
    try:
        assert [d.doc_id for d in engine.documents()] == ids
        assert engine.store.count_units() > 0 and engine.index.term_weights().n == engine.store.count_units()
        answer = engine.ask("Phòng Công tác sinh viên trường Cao đẳng Lào Cai phải làm gì?")
        assert answer.found and answer.citations[0].doc_id == "kh-cdlc-laocai-2026"
    finally:
        engine.close()
    assert not (data / "qdrant").exists() and (data / "qdrant.migrated").is_dir()  # kept, not deleted


def test_cancu_migrate_says_what_it_did(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _legacy_store(data)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "CANCU_DATA_DIR": str(data), "CANCU_LOG_LEVEL": "ERROR"}
    run = [sys.executable, "-m", "cli", "migrate"]
    first = subprocess.run(run, cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == f"migrated at start; 5 documents in {data}; the old store is kept as qdrant.migrated"
    again = subprocess.run(run, cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert again.stdout.strip() == f"nothing to migrate: no store of an earlier version in {data}"


@pytest.mark.parametrize("schema", [1, 2])
def test_a_catalog_of_an_earlier_schema_is_brought_up_to_date_at_start(
    tmp_path: Path, tt124_path: Path, schema: int
) -> None:
    """Schema 1 had no ``unit_hits`` (what a search shows of each unit, by point id), schema 2 no ``replacing``
    (the citations saying what they cite is replaced): at start both are filled, from the units' payloads and
    the documents' texts, and the same questions get the same sections and the same legal bases."""
    from retrieval.engine import build_engine

    data = tmp_path / "data"
    engine = build_engine(make_settings(data), embedder=None)
    questions = ["Phòng Công tác sinh viên phải làm gì?", "báo cáo sơ kết nộp trước ngày nào?"]
    drafter = "Xây dựng kế hoạch phong trào thì phải căn cứ thông tư nào?"
    try:
        engine.ingest([CORPUS, tt124_path])
        before = [[(h.doc_id, h.section) for h in engine.search(q, k=5)] for q in questions]
        bases = [b.id for b in engine.ask(drafter).legal_bases]
    finally:
        engine.close()
    assert all(before) and bases[:1] == ["124/2021/TT-BCA"] and "23/2012/TT-BCA" not in bases  # it is replaced
    with sqlite3.connect(data / "catalog.sqlite") as conn:  # the file as the earlier version left it
        conn.execute("DROP TABLE replacing")
        if schema == 1:
            conn.execute("DROP TABLE unit_hits")
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema'", (str(schema),))
    engine = build_engine(make_settings(data), embedder=None)
    try:
        assert [[(h.doc_id, h.section) for h in engine.search(q, k=5)] for q in questions] == before
        assert [b.id for b in engine.ask(drafter).legal_bases] == bases
        units = engine.store.count_units()
    finally:
        engine.close()
    with sqlite3.connect(data / "catalog.sqlite") as conn:
        assert conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() == ("3",)
        assert conn.execute("SELECT COUNT(*) FROM unit_hits").fetchone() == (units,)
        assert conn.execute("SELECT doc_id FROM replacing").fetchall() == [("tt-124-2021-bca",)]


def test_a_catalog_of_a_later_schema_is_refused_saying_so(tmp_path: Path) -> None:
    from core.errors import StoreError
    from retrieval.catalog import Catalog

    path = tmp_path / "catalog.sqlite"
    Catalog(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema'")
    with pytest.raises(StoreError, match=r"has schema 99, this version reads 3"):
        Catalog(path)
