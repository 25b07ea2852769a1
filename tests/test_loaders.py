"""Reading files: .txt/.md/.docx/.pdf give the same document; bad files give one clear error and change nothing."""

from __future__ import annotations

import unicodedata
import zipfile
from io import BytesIO
from pathlib import Path

import pytest

from core.errors import EmptyDocument, EncodingError, FileTooLarge, NoTextLayer, UnreadableFile, UnsupportedFormat
from ingest.loaders import extract_text
from ingest.pipeline import parse_bytes
from tests.builders import make_docx, make_image_pdf, make_pdf
from tests.conftest import CORPUS, PLAN_IDS, make_settings


@pytest.mark.parametrize("doc_id", PLAN_IDS)
def test_docx_and_pdf_give_the_same_outline_as_txt(doc_id: str) -> None:
    raw = (CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8")
    txt = parse_bytes(f"{doc_id}.txt", raw.encode("utf-8"))
    docx = parse_bytes(f"{doc_id}.docx", make_docx(raw))
    pdf = parse_bytes(f"{doc_id}.pdf", make_pdf(raw))
    assert docx.outline() == txt.outline()
    assert pdf.outline() == txt.outline()
    assert docx.fields() == txt.fields() == pdf.fields()
    assert {c.id for c in pdf.citations} == {c.id for c in txt.citations}


def test_directive_pdf_gives_the_same_outline(tt124_path: Path) -> None:
    raw = tt124_path.read_text(encoding="utf-8")
    assert parse_bytes("tt.pdf", make_pdf(raw)).outline() == parse_bytes("tt.txt", raw.encode()).outline()


def test_encodings_utf16_and_cp1258_are_read() -> None:
    text = "KẾ HOẠCH\nI. MỤC ĐÍCH\n1. Phòng Công tác sinh viên thực hiện."
    assert extract_text("a.txt", text.encode("utf-16")) == text
    assert extract_text("a.txt", b"\xef\xbb\xbf" + text.encode("utf-8")) == text
    legacy = _to_cp1258("Phòng Giáo dục và Đào tạo Cam Ranh")
    assert unicodedata.normalize("NFC", extract_text("a.txt", legacy)) == "Phòng Giáo dục và Đào tạo Cam Ranh"


def _to_cp1258(text: str) -> bytes:
    """cp1258 stores tones as combining marks after a (possibly precomposed) base letter."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(m for m in parts[1:] if m in "\u0300\u0301\u0303\u0309\u0323")
        base = unicodedata.normalize("NFC", parts[0] + "".join(m for m in parts[1:] if m not in tones))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


def _truncated_docx() -> bytes:
    data = make_docx("KẾ HOẠCH\nI. MỤC ĐÍCH")
    return data[: len(data) // 2]


def _docx_without_document() -> bytes:
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "not word")
    return buf.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "error", "words"),
    [
        ("empty.txt", b"", EmptyDocument, "empty"),
        ("blank.md", b"   \n\n  ", EmptyDocument, "no text"),
        ("binary.txt", bytes(range(256)) * 4, UnsupportedFormat, "binary"),
        ("noise.txt", bytes([0x81, 0x8D, 0x8E, 0x90, 0x9D]) * 50, EncodingError, "cp1258"),
        ("truncated.docx", None, UnreadableFile, "truncated"),
        ("nodoc.docx", None, UnreadableFile, "word/document.xml"),
        ("scan.pdf", None, NoTextLayer, "no text layer"),
        ("program.pdf", b"MZ\x90\x00" + b"\x00" * 200, UnsupportedFormat, "Windows executable"),
        ("picture.docx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, UnsupportedFormat, "PNG"),
        ("slides.pptx", b"PK\x03\x04", UnsupportedFormat, ".pptx"),
        ("broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n", UnreadableFile, "corrupt PDF"),
    ],
)
def test_bad_files_give_one_clear_error_naming_the_file(name: str, data: bytes | None, error: type, words: str) -> None:
    builders = {"truncated.docx": _truncated_docx, "nodoc.docx": _docx_without_document, "scan.pdf": make_image_pdf}
    payload = data if data is not None else builders[name]()
    with pytest.raises(error) as info:
        extract_text(name, payload)
    assert name in str(info.value)
    assert words in str(info.value)


def test_bad_files_leave_the_index_untouched(tmp_path: Path) -> None:
    from retrieval.engine import build_engine

    engine = build_engine(make_settings(tmp_path / "data", max_file_mb=10), embedder=None)
    try:
        assert not engine.ingest([CORPUS]).errors
        before = {d.doc_id: d.content_hash for d in engine.documents()}
        units_before = engine.store.count_units()
        answer_before = engine.search("Phòng Công tác sinh viên", k=1)[0]

        bad = tmp_path / "bad"
        bad.mkdir()
        (bad / "empty.txt").write_bytes(b"")
        (bad / "binary.txt").write_bytes(bytes(range(256)) * 8)
        (bad / "truncated.docx").write_bytes(_truncated_docx())
        (bad / "scan.pdf").write_bytes(make_image_pdf())
        with open(bad / "huge.txt", "wb") as f:  # 20 MB, refused before it is read
            f.truncate(20 * 1024 * 1024)
        # a file that replaces a good document's id but cannot be parsed
        (bad / "kh-cdlc-laocai-2026.txt").write_text("chỉ một dòng, không có mục nào", encoding="utf-8")

        report = engine.ingest([bad])
        errors = {Path(r.path).name: r.error for r in report.errors}
        assert set(errors) == {
            "empty.txt",
            "binary.txt",
            "truncated.docx",
            "scan.pdf",
            "huge.txt",
            "kh-cdlc-laocai-2026.txt",
        }
        assert "20.0 MB, over the 10 MB limit" in errors["huge.txt"]
        assert "no numbered sections" in errors["kh-cdlc-laocai-2026.txt"]
        assert {d.doc_id: d.content_hash for d in engine.documents()} == before
        assert engine.store.count_units() == units_before
        assert engine.search("Phòng Công tác sinh viên", k=1)[0] == answer_before
    finally:
        engine.close()


def test_oversized_file_is_refused_by_size(tmp_path: Path) -> None:
    from ingest.loaders import load_text

    path = tmp_path / "big.txt"
    with open(path, "wb") as f:
        f.truncate(3 * 1024 * 1024)
    with pytest.raises(FileTooLarge, match="over the 2 MB limit"):
        load_text(path, 2 * 1024 * 1024)


def test_a_docx_header_formatted_in_capitals_is_read_in_capitals() -> None:
    """Word's "All caps" formatting (on a run, or on the paragraph's style) shows a header's issuer, kind and parts in
    capitals though they are typed in ordinary case: the file reads as it shows, its kind, title and issuer found."""
    import docx

    document = docx.Document()
    for text, caps in (
        ("Ủy ban nhân dân", True),
        ("tỉnh Đồng Nai", True),
        ("Số: 12/KH-UBND", False),
        ("Đồng Nai, ngày 05 tháng 01 năm 2026", False),
        ("Kế hoạch", True),
        ("Chuyển đổi số năm 2026", False),
    ):
        document.add_paragraph().add_run(text).font.all_caps = caps
    style = document.styles.add_style("Part heading", 1)
    style.font.all_caps = True
    document.add_paragraph("I. Mục đích, yêu cầu", style="Part heading")
    document.add_paragraph("Nâng cao hiệu quả quản lý nhà nước.")
    buf = BytesIO()
    document.save(buf)
    doc = parse_bytes("kh-12-dongnai-2026.docx", buf.getvalue())
    assert (doc.doc_type, doc.title, doc.issuer) == (
        "Kế hoạch",
        "Chuyển đổi số năm 2026",
        "Ủy ban nhân dân tỉnh Đồng Nai",
    )
    assert [(s.id, s.heading) for s in doc.sections] == [("I", "MỤC ĐÍCH, YÊU CẦU")]
