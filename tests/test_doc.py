"""Word 97-2003 .doc files, read through LibreOffice (ingest/legacy_doc.py).

The fixture is made by the chosen converter's counterpart: LibreOffice writes the .doc from a .docx the test
builds (automatic numbering included), and reads it back. Where LibreOffice is absent the tests that need it skip,
saying why, and the error a user gets says how to install it.
"""

from __future__ import annotations

import subprocess
import tempfile
from functools import cache
from pathlib import Path

import pytest

from core.errors import ConverterUnavailable, UnsupportedFormat
from ingest import legacy_doc
from ingest.loaders import extract_text
from ingest.pipeline import parse_bytes
from tests.builders import make_docx
from tests.conftest import CORPUS
from tests.file_builders import numbered_docx

PLAN = "kh-08-cdcd-soctrang-2026"
needs_libreoffice = pytest.mark.skipif(
    legacy_doc.missing() is not None,
    reason=f".doc unavailable: {legacy_doc.missing()} (scripts/test.sh installs it as root)",
)


@cache
def _raw() -> str:
    return (CORPUS / f"{PLAN}.txt").read_text(encoding="utf-8")


def _to_doc(docx: bytes) -> bytes:
    """A .doc as Word 97-2003 stores it, written by LibreOffice from a .docx."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "plan.docx").write_bytes(docx)
        subprocess.run(
            [legacy_doc.soffice() or "soffice", "--headless", "--norestore", f"-env:UserInstallation={(folder / 'p').as_uri()}",
             "--convert-to", "doc:MS Word 97", "--outdir", str(folder), str(folder / "plan.docx")],
            capture_output=True, timeout=180, check=True,
        )  # fmt: skip
        return (folder / "plan.doc").read_bytes()


@needs_libreoffice
@pytest.mark.slow
def test_a_doc_with_automatic_numbering_is_ingested_with_the_typed_outline(tmp_path: Path) -> None:
    data = _to_doc(numbered_docx(_raw()))
    assert data.startswith(b"\xd0\xcf\x11\xe0")  # an OLE2 compound file, what Word 97-2003 writes
    typed = parse_bytes(f"{PLAN}.txt", _raw().encode("utf-8"))
    doc = parse_bytes(f"{PLAN}.doc", data)
    assert doc.outline() == typed.outline()
    assert doc.fields() == typed.fields()

    from retrieval.engine import build_engine
    from tests.conftest import make_settings

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / f"{PLAN}.doc").write_bytes(data)
    engine = build_engine(make_settings(tmp_path / "data"), embedder=None)
    try:
        report = engine.ingest([folder])
        assert not report.errors and report.count("added") == 1
        assert engine.search("Phòng Công tác sinh viên", k=1)[0].doc_id == PLAN
    finally:
        engine.close()


def test_without_libreoffice_a_doc_is_refused_saying_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(legacy_doc, "soffice", lambda: None)
    with pytest.raises(ConverterUnavailable) as info:
        extract_text("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    assert "old.doc" in str(info.value) and "apt-get install --no-install-recommends libreoffice-writer-nogui" in str(
        info.value
    )


def test_a_docx_saved_as_doc_is_read_as_docx_and_other_content_is_refused() -> None:
    assert "KẾ HOẠCH" in extract_text("renamed.doc", make_docx("KẾ HOẠCH\nI. MỤC ĐÍCH"))
    with pytest.raises(UnsupportedFormat, match=r"not a Word \.doc file"):
        extract_text("photo.doc", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
