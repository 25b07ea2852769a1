"""Shared fixtures: paths to the corpus and ../shared/directives, settings in a temp folder, a built engine."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.config import Settings

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
DIRECTIVES = Path(os.environ.get("CANCU_TEST_DIRECTIVES", REPO.parent / "shared" / "directives"))
TT124 = DIRECTIVES / "tt-124-2021-bca.txt"
PLAN_IDS = sorted(p.stem for p in CORPUS.glob("*.txt"))

os.environ.setdefault("HF_HUB_OFFLINE", "1")


@pytest.fixture
def tt124_path() -> Path:
    if not TT124.exists():
        pytest.skip(f"public legal text not found at {TT124} (../shared/directives is not beside this checkout)")
    return TT124


def make_settings(data_dir: Path, **overrides: object) -> Settings:
    """Settings isolated from the developer's environment and .env file."""
    base: dict[str, object] = {
        "data_dir": data_dir,
        "corpus_dir": CORPUS,
        "embed_model": None,
        "qdrant_url": None,
        "llm_base_url": None,
        "llm_model": None,
        "telegram_token": None,
        "admin_token": None,
    }
    base.update(overrides)
    return Settings(_env_file=None, **base)  # type: ignore[call-arg]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path / "data")


@pytest.fixture(scope="session")
def corpus_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """One lexical engine over the five plans and, where present, Thông tư 124 (read-only use)."""
    from retrieval.engine import build_engine

    engine = build_engine(make_settings(tmp_path_factory.mktemp("engine") / "data"), embedder=None)
    paths = [CORPUS] + ([TT124] if TT124.exists() else [])
    report = engine.ingest(paths)
    assert not report.errors, report.errors
    yield engine
    engine.close()
