"""Hostile files of issue 22, read as `cancu ingest` and uploads read them: in a worker process bounded in time and
memory (ingest/isolation.py). Each is refused by name with the real reason, and the batch goes on.

The bounds are lowered here (a few seconds, 256 MB) so that each test takes seconds; the figures at the default
bounds are in docs/reliability.md.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from retrieval.engine import build_engine
from tests.builders import make_docx_of_paragraphs, make_pdf_with_one_huge_stream
from tests.conftest import CORPUS, make_settings

PLAN = CORPUS / "kh-pgddt-mytu-2025.txt"


def batch(folder: Path, name: str, data: bytes) -> Path:
    """A folder holding the hostile file and, sorted after it, a plan."""
    folder.mkdir()
    (folder / name).write_bytes(data)
    shutil.copy(PLAN, folder / "b-kh-after.txt")
    return folder


def test_a_docx_of_millions_of_paragraphs_is_refused_at_the_memory_limit_not_called_corrupt(tmp_path: Path) -> None:
    """libxml2 failing to allocate under the worker's address-space limit was reported as "corrupt .docx:
    XMLSyntaxError: unknown error"; it is the memory limit, and the message says so."""
    folder = batch(tmp_path / "batch", "a-paragraphs.docx", make_docx_of_paragraphs(1_500_000))
    engine = build_engine(make_settings(tmp_path / "data", parse_memory_mb=256), embedder=None)
    try:
        report = engine.ingest([folder])
        (error,) = report.errors
        assert Path(error.path).name == "a-paragraphs.docx"
        assert error.error == (
            f"{folder / 'a-paragraphs.docx'}: reading the file needed more than 256 MB and was stopped "
            "(CANCU_PARSE_MEMORY_MB)"
        )
        assert report.count("added") == 1 and engine.document("b-kh-after").doc_id == "b-kh-after"
    finally:
        engine.close()


def test_a_pdf_with_one_huge_content_stream_is_stopped_at_the_time_limit(tmp_path: Path) -> None:
    """1.9 million tokens in one content stream take pypdf about 40 s; past CANCU_PARSE_TIMEOUT_S (3 s here) the
    worker is killed, the file named, and the next file goes to a fresh worker."""
    folder = batch(tmp_path / "batch", "a-one-stream.pdf", make_pdf_with_one_huge_stream(1_900_000))
    engine = build_engine(make_settings(tmp_path / "data", parse_timeout_s=3), embedder=None)
    try:
        started = time.monotonic()
        report = engine.ingest([folder])
        elapsed = time.monotonic() - started
        (error,) = report.errors
        assert Path(error.path).name == "a-one-stream.pdf"
        assert error.error == (
            f"{folder / 'a-one-stream.pdf'}: reading the file took longer than 3 s and was stopped "
            "(CANCU_PARSE_TIMEOUT_S)"
        )
        assert report.count("added") == 1 and engine.document("b-kh-after").doc_id == "b-kh-after"
        assert elapsed < 15  # 3 s for the stopped file, a fresh worker's start and the plan
    finally:
        engine.close()
