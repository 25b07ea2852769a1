"""A damaged store never starts silently (retrieval/integrity.py, issue 22): each store file is emptied in turn
and the next start answers as before, or refuses naming what is wrong and the command that repairs it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from core.errors import StoreDamaged
from tests.conftest import CORPUS, make_settings

QUESTION = "Phòng Công tác sinh viên phải làm gì?"
EXPECTED = [("kh-08-cdcd-soctrang-2026", "III.2"), ("kh-cdlc-laocai-2026", "IV.2")]


def _store(tmp_path: Path, extra: Path | None = None):
    """Settings over a fresh store of the five plans (and ``extra``, a plan from outside the corpus folder)."""
    from retrieval.engine import build_engine

    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    settings = make_settings(tmp_path / "data", corpus_dir=corpus)
    engine = build_engine(settings, embedder=None)
    assert not engine.ingest([corpus, *([extra] if extra else [])]).errors
    engine.close()
    return settings


def _answers(settings) -> tuple[int, int, list[tuple[str, str]]]:
    from retrieval.engine import build_engine

    engine = build_engine(settings, embedder=None)
    try:
        answer = engine.ask(QUESTION)
        return engine.document_count(), engine.store.count_units(), [(c.doc_id, c.section) for c in answer.citations]
    finally:
        engine.close()


def test_an_emptied_units_file_is_rebuilt_from_the_catalog(tmp_path: Path) -> None:
    settings = _store(tmp_path)
    docs, units, cited = _answers(settings)
    files = sorted((p for p in settings.edge_path.rglob("*") if p.is_file()), key=lambda p: p.stat().st_size)
    files[-1].write_bytes(b"")  # the biggest file of the units store
    assert _answers(settings) == (docs, units, cited) and cited[:2] == EXPECTED


def test_an_emptied_catalog_is_read_again_from_the_corpus_folder(tmp_path: Path) -> None:
    settings = _store(tmp_path)
    before = _answers(settings)
    settings.catalog_path.write_bytes(b"")
    assert _answers(settings) == before and before[2][:2] == EXPECTED


def test_units_the_catalog_lost_and_the_folder_lacks_refuse_the_start_naming_the_fix(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere" / "kh-ngoai-thu-muc.txt"
    outside.parent.mkdir()
    shutil.copy(CORPUS / "kh-pgddt-mytu-2025.txt", outside)
    settings = _store(tmp_path, extra=outside)
    settings.catalog_path.write_bytes(b"")
    with pytest.raises(StoreDamaged) as refused:
        _answers(settings)
    message = str(refused.value)
    assert "kh-ngoai-thu-muc" in message and "cancu ingest" in message
