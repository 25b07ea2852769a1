"""A batch of real files never stops at one bad file, and a parser fix reaches what was ingested before it."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

import ingest.structure
from ingest.pipeline import PARSER_VERSION, build_document, ingest_paths
from retrieval.engine import build_engine
from tests.builders import make_pdf_with_unknown_encryption
from tests.conftest import CORPUS, make_settings

WIDE = Path(__file__).resolve().parent.parent.parent / "shared" / "wide" / "docs"


@pytest.mark.skipif(not WIDE.is_dir(), reason=f"{WIDE} is not beside this checkout (../shared/wide)")
def test_the_whole_wide_set_ingests_in_one_batch_and_is_parsed_again_by_a_new_parser(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """54 documents in one batch; then, as if an earlier parser had built them all, parsed again at the next start
    (that many by a pool of reading processes, which also vectorise them) to the outlines they had, searchable."""
    settings = make_settings(tmp_path / "data")
    engine = build_engine(settings, embedder=None)
    try:
        report = engine.ingest([WIDE, CORPUS])
        assert [r.error for r in report.errors] == []
        assert report.count("added") == len(list(WIDE.glob("*.txt"))) + len(list(CORPUS.glob("*.txt")))
        assert engine.document("kh-179-ubnd-dongnai-2025").number == "179/KH-UBND"
        outlines = {d.doc_id: [s.id for s in d.sections] for d in engine.index.documents()}
    finally:
        engine.close()
    with sqlite3.connect(settings.catalog_path) as db:
        db.execute("UPDATE docs SET parser = '4'")
    with caplog.at_level("WARNING"):
        engine = build_engine(settings, embedder=None)
    try:
        assert f"parsed {len(outlines)} documents again for parser version {PARSER_VERSION}" in caplog.messages
        assert {d.doc_id: [s.id for s in d.sections] for d in engine.index.documents()} == outlines
        assert engine.search("hiệu lực thi hành luật dữ liệu", k=1)[0].doc_id == "luat-60-2024-qh15"
    finally:
        engine.close()


def test_a_parser_failure_is_that_files_error_and_the_rest_goes_in(tmp_path: Path, monkeypatch) -> None:
    """An unforeseen exception inside the parser names its file; the files after it are ingested."""
    real = ingest.structure.parse_document

    def breaks_on_one(doc_id: str, text: str, *, source: str = ""):
        if doc_id == "kh-cdlc-laocai-2026":
            raise ValueError("substring not found")
        return real(doc_id, text, source=source)

    monkeypatch.setattr("ingest.pipeline.parse_document", breaks_on_one)
    engine = build_engine(make_settings(tmp_path / "data"), embedder=None)
    try:  # read in this process (no reading pool), where the patched parser is
        report = ingest_paths([CORPUS], engine.index, max_bytes=engine.settings.max_file_bytes)
        assert [Path(r.path).name for r in report.errors] == ["kh-cdlc-laocai-2026.txt"]
        assert "could not read the document's structure (ValueError: substring not found)" in report.errors[0].error
        assert report.count("added") == len(list(CORPUS.glob("*.txt"))) - 1
    finally:
        engine.close()


def test_documents_an_older_parser_built_are_parsed_again_at_start(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    settings = make_settings(tmp_path / "data", corpus_dir=corpus)
    engine = build_engine(settings, embedder=None)
    try:
        engine.ingest([corpus])
        # what a store written by the previous parser holds: its version and a flatter outline
        old = build_document("kh-cdlc-laocai-2026", (corpus / "kh-cdlc-laocai-2026.txt").read_text(encoding="utf-8"))
        old.parser_version, old.content_hash = "1", "a hash salted with parser version 1"
        old.sections = [s for s in old.sections if s.level == 1]
        engine.put(old)
        assert len(engine.document("kh-cdlc-laocai-2026").sections) == 5
    finally:
        engine.close()
    engine = build_engine(settings, embedder=None)  # the next start
    try:
        doc = engine.document("kh-cdlc-laocai-2026")
        assert doc.parser_version == PARSER_VERSION
        assert [s.id for s in doc.children("IV")] == ["IV.1", "IV.2", "IV.3"]
        assert engine.search("Văn phòng trường Lào Cai", k=1)[0].doc_id == "kh-cdlc-laocai-2026"
    finally:
        engine.close()


def test_a_document_an_older_parser_and_analyzer_built_is_written_once_at_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A release that changes both the parser and the analyzer: the document parsed again is vectorised by the
    current analyzer as it is written, so only the other documents are re-vectorised (10,000 plans are not
    written twice at the next start)."""
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    settings = make_settings(tmp_path / "data", corpus_dir=corpus)
    with monkeypatch.context() as m:  # the previous release: analyzer version "1"
        m.setattr("retrieval.index.ANALYZER_VERSION", "1")
        m.setattr("retrieval.prepared.ANALYZER_VERSION", "1")
        engine = build_engine(settings, embedder=None)
        try:
            engine.ingest([corpus])
            old = build_document("kh-cdlc-laocai-2026", (corpus / "kh-cdlc-laocai-2026.txt").read_text("utf-8"))
            old.parser_version, old.content_hash = "1", "a hash salted with parser version 1"
            engine.put(old)
        finally:
            engine.close()
    with caplog.at_level("WARNING"):
        engine = build_engine(settings, embedder=None)  # the next start
    try:
        said = [r.getMessage() for r in caplog.records]
        assert f"parsed 1 documents again for parser version {PARSER_VERSION}" in said
        assert "re-vectorising 4 documents indexed by another analyzer version" in said
        assert engine.document("kh-cdlc-laocai-2026").parser_version == PARSER_VERSION
    finally:
        engine.close()


def test_an_unreadable_encrypted_pdf_is_its_own_error_and_the_files_after_it_go_in(tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a-encrypted.pdf").write_bytes(make_pdf_with_unknown_encryption())
    shutil.copy(CORPUS / "kh-pgddt-mytu-2025.txt", folder / "b-kh-after.txt")
    engine = build_engine(make_settings(tmp_path / "data"), embedder=None)
    try:
        report = engine.ingest([folder])
        (error,) = report.errors
        assert Path(error.path).name == "a-encrypted.pdf"
        assert "the PDF is encrypted in a way that cannot be read" in (error.error or "")
        assert report.count("added") == 1 and engine.document("b-kh-after").doc_id == "b-kh-after"
    finally:
        engine.close()


def test_files_whose_names_reduce_to_one_id_never_silently_replace_each_other(tmp_path: Path) -> None:
    """Issue 22: "KH 08.txt" and "KH_08.txt" are both document "kh-08". In one batch the second is refused naming
    the first; in a later batch it was taken as an update ("updated", the Mỹ Tú plan replaced by Kiên Hải's) and is
    now refused naming the file the document came from. The same name, folded, still updates it."""
    first, later = tmp_path / "first", tmp_path / "later"
    first.mkdir()
    later.mkdir()
    shutil.copy(CORPUS / "kh-pgddt-mytu-2025.txt", first / "KH 08.txt")
    shutil.copy(CORPUS / "kh-ubnd-kienhai-2026.txt", first / "KH_08.txt")
    shutil.copy(CORPUS / "kh-ubnd-kienhai-2026.txt", later / "KH_08.txt")
    engine = build_engine(make_settings(tmp_path / "data"), embedder=None)
    try:
        report = engine.ingest([first])
        assert [(Path(r.path).name, r.status) for r in report.results] == [
            ("KH 08.txt", "added"),
            ("KH_08.txt", "error"),
        ]
        assert report.errors[0].error == (
            f"{first / 'KH_08.txt'}: document id 'kh-08' is already taken by {first / 'KH 08.txt'} in this batch"
        )
        kept = engine.document("kh-08").content_hash
        assert engine.document("kh-08").place == "Mỹ Tú"

        (error,) = engine.ingest([later]).results
        assert error.status == "error" and error.error == (
            f"{later / 'KH_08.txt'}: document 'kh-08' was read from 'KH 08.txt', another file; rename this one, "
            "or delete that document first (DELETE /documents/kh-08)"
        )
        assert engine.document("kh-08").content_hash == kept and engine.document("kh-08").source == "KH 08.txt"

        shutil.copy(CORPUS / "kh-ubnd-kienhai-2026.txt", later / "kh  08.TXT")  # the same name, folded
        (same,) = engine.ingest([later / "kh  08.TXT"]).results
        assert same.status == "updated" and engine.document("kh-08").place == "Kiên Hải"
    finally:
        engine.close()
