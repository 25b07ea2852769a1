"""Read .txt, .md, .docx, .doc and .pdf files into plain text, with one clear error per bad file.

Scanned PDF pages are read by OCR (``ingest.ocr``), .doc files through LibreOffice (``ingest.legacy_doc``),
Word's automatic numbering is rendered (``ingest.docx_numbering``) and TCVN3/VNI text is converted to Unicode
(``ingest.legacy_charsets``), so every format reaches the parser as the text a reader sees.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

from core.errors import (
    EmptyDocument,
    EncodingError,
    FileTooLarge,
    NoTextLayer,
    OcrUnavailable,
    UnreadableFile,
    UnsupportedFormat,
)
from ingest import legacy_charsets, ocr

logger = logging.getLogger(__name__)

SUPPORTED = (".txt", ".md", ".docx", ".doc", ".pdf")
#: A .docx whose parts inflate beyond this is refused (zip bombs).
MAX_UNZIPPED = 200 * 1024 * 1024
_MAGIC = {
    b"%PDF": "PDF",
    b"PK\x03\x04": "ZIP/DOCX",
    b"MZ": "Windows executable",
    b"\x7fELF": "ELF executable",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"\xd0\xcf\x11\xe0": "legacy Office (.doc) file",
    b"{\\rtf": "RTF file",
}


def sniff(data: bytes) -> str | None:
    """What the first bytes say a file is, if they say anything."""
    for magic, name in _MAGIC.items():
        if data.startswith(magic):
            return name
    return None


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """Read a file, refusing it before reading when it is over the size limit."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnreadableFile(str(path), f"cannot read file: {exc.strerror or exc}") from exc
    if size > max_bytes:
        raise FileTooLarge(
            str(path),
            f"file is {size / 1048576:.1f} MB, over the {max_bytes / 1048576:.0f} MB limit",
            message_vi=f"Tệp {size / 1048576:.1f} MB, vượt giới hạn {max_bytes / 1048576:.0f} MB.",
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(str(path), f"cannot read file: {exc.strerror or exc}") from exc


def extract_text(name: str, data: bytes) -> str:
    """Plain text of a file's content; ``name`` gives the format (by suffix) and names the file in errors."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED:
        raise UnsupportedFormat(name, f"unsupported file type {suffix or '(none)'}; use .txt, .md, .docx, .doc or .pdf")
    if not data:
        raise EmptyDocument(name, "file is empty (0 bytes)")
    kind = sniff(data)
    if suffix == ".pdf":
        if kind != "PDF":
            raise UnsupportedFormat(name, f"not a PDF file (content looks like {kind or 'something else'})")
        text = _pdf_text(name, data)
    elif suffix == ".docx":
        if kind != "ZIP/DOCX":
            raise UnsupportedFormat(name, f"not a .docx file (content looks like {kind or 'something else'})")
        text = _docx_text(name, data)
    elif suffix == ".doc":
        text = _doc_text(name, data, kind)
    else:
        if kind is not None and kind not in ("RTF file",):
            raise UnsupportedFormat(name, f"not a text file (content looks like {kind})")
        text = decode_text(name, data)
    if suffix != ".txt" and suffix != ".md":
        text = legacy_charsets.to_unicode(text)  # a .docx or .pdf typed in a TCVN3/VNI font
    if not text.strip():
        raise EmptyDocument(name, "file has no text")
    return text


def _doc_text(name: str, data: bytes, kind: str | None) -> str:
    if kind == "ZIP/DOCX":  # a .docx saved under the old name: read it as what it is
        return _docx_text(name, data)
    if kind not in ("legacy Office (.doc) file", "RTF file"):
        raise UnsupportedFormat(name, f"not a Word .doc file (content looks like {kind or 'something else'})")
    from ingest.legacy_doc import doc_to_docx

    return _docx_text(name, doc_to_docx(name, data))


def decode_text(name: str, data: bytes) -> str:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16 with BOM, then cp1258."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise EncodingError(name, f"invalid UTF-16 text: {exc.reason}") from exc
    if b"\x00" in data[:4096]:
        raise UnsupportedFormat(name, "binary content (NUL bytes), not a text file")
    try:
        return legacy_charsets.to_unicode(data.decode("utf-8-sig"))  # TCVN3/VNI pasted into a UTF-8 file
    except UnicodeDecodeError:
        pass
    readings = []
    try:
        cp1258 = data.decode("cp1258")
        if _plausible(cp1258):
            readings.append(legacy_charsets.Reading("cp1258", cp1258, legacy_charsets.text_score(cp1258)))
    except UnicodeDecodeError:
        pass
    legacy = legacy_charsets.best_legacy_reading(data)
    if legacy is not None:
        readings.append(legacy)
    if not readings:
        raise EncodingError(name, "not UTF-8, UTF-16 (with BOM), cp1258, TCVN3 or VNI text")
    best = max(readings, key=lambda r: r.score)
    logger.info("%s: decoded as %s", name, best.charset)
    return best.text


def _plausible(text: str) -> bool:
    """Whether decoded text looks like prose rather than binary noise."""
    if not text:
        return False
    text = unicodedata.normalize("NFC", text)  # cp1258 stores tones as combining marks
    good = sum(1 for c in text if c.isalnum() or c.isspace() or c in ".,;:!?()-–—/\"'“”%&+*[]«»…§")
    return good / len(text) >= 0.9


def _docx_text(name: str, data: bytes) -> str:
    """Paragraphs and table cells in document order, each numbered paragraph with the label Word shows."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            total = sum(info.file_size for info in zf.infolist())
            if total > MAX_UNZIPPED:
                raise UnreadableFile(name, f"compressed content inflates to {total / 1048576:.0f} MB; refused")
            if "word/document.xml" not in zf.namelist():
                raise UnreadableFile(name, "not a Word document (word/document.xml is missing)")
    except zipfile.BadZipFile as exc:
        raise UnreadableFile(name, f"corrupt or truncated .docx: {exc}") from exc
    try:
        import docx  # python-docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        from ingest.docx_numbering import Numbering

        document = docx.Document(io.BytesIO(data))
        numbering = Numbering.of(document)

        def line(p: Paragraph) -> str:
            label = numbering.label(p._p)
            text = _shown(p)
            return f"{label} {text}" if label else text

        lines: list[str] = []
        for block in document.element.body.iterchildren():
            tag = block.tag.rsplit("}", 1)[-1]
            if tag == "p":
                lines.append(line(Paragraph(block, document)))
            elif tag == "tbl":
                for row in Table(block, document).rows:
                    for cell in row.cells:
                        lines.extend(line(p) for p in cell.paragraphs)
        return "\n".join(lines)
    except (UnreadableFile, MemoryError):
        raise
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors on broken parts
        if _libxml2_out_of_memory(exc):  # the reading process's memory limit, not a corrupt file
            raise MemoryError(f"{name}: libxml2 could not allocate memory") from exc
        raise UnreadableFile(name, f"corrupt .docx: {type(exc).__name__}: {exc}") from exc


def _shown(p: Any) -> str:
    """A paragraph's text as Word shows it: a run formatted in capitals ("All caps", on the run, its character style
    or the paragraph's style chain) in capitals, as a header's "KẾ HOẠCH" or "ỦY BAN NHÂN DÂN" often is."""
    style_caps = _style_caps(p.style)
    parts = []
    caps_seen = False
    for item in p.iter_inner_content():
        for run in getattr(item, "runs", None) or [item]:
            caps = run.font.all_caps
            if caps is None and run.style is not None:
                caps = run.style.font.all_caps
            caps = style_caps if caps is None else caps
            caps_seen = caps_seen or caps
            parts.append(run.text.upper() if caps else run.text)
    return "".join(parts) if caps_seen else p.text


def _style_caps(style: Any) -> bool:
    """Whether a paragraph style, or one it is based on, sets "All caps"."""
    while style is not None:
        if style.font.all_caps is not None:
            return bool(style.font.all_caps)
        style = style.base_style
    return False


def _libxml2_out_of_memory(exc: Exception) -> bool:
    """libxml2's ``ERR_NO_MEMORY``, which lxml raises as ``XMLSyntaxError("unknown error")``: a .docx of
    millions of paragraphs read under the worker's address-space limit (``ingest.isolation``)."""
    from lxml import etree

    if not isinstance(exc, etree.LxmlError):
        return False
    no_memory = etree.ErrorTypes.ERR_NO_MEMORY
    return getattr(exc, "code", None) == no_memory or any(e.type == no_memory for e in exc.error_log)


def _pdf_text(name: str, data: bytes) -> str:
    try:
        from pypdf import PdfReader
    except ImportError as exc:  # pragma: no cover - pypdf is a hard dependency
        raise UnreadableFile(name, "pypdf is not installed") from exc
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise UnreadableFile(name, "the PDF is encrypted", message_vi=_ENCRYPTED_VI)
        pages = [page.extract_text() or "" for page in reader.pages]
    except (UnreadableFile, MemoryError):
        raise
    except Exception as exc:  # whatever pypdf raises on a file nobody has seen is this file's error
        raise _pdf_error(name, exc) from exc
    scanned = ocr.needs_ocr(pages)
    if scanned:
        pages = _ocr_pages(name, data, pages, scanned)
    text = "\n".join(pages)
    if len(re.sub(r"\s", "", text)) < 20:
        raise NoTextLayer(name, f"PDF has no text layer and OCR found no text on its {len(pages)} page(s)")
    return text


_ENCRYPTED_VI = "Tệp PDF được mã hóa (đặt mật khẩu); hãy gửi bản không mã hóa."


def _pdf_error(name: str, exc: Exception) -> UnreadableFile:
    """pypdf's many exceptions as one named error: LimitReachedError (a stream inflating past its limit),
    NotImplementedError and DependencyError (a security handler it cannot read), and plain ValueError,
    KeyError, RecursionError … on a damaged file."""
    kind = type(exc).__name__
    text = str(exc)
    cannot_decrypt = isinstance(exc, NotImplementedError) or kind in ("DependencyError", "FileNotDecryptedError")
    if cannot_decrypt and any(w in text.lower() for w in ("encrypt", "security", "decrypt")):
        return UnreadableFile(
            name, f"the PDF is encrypted in a way that cannot be read ({text})", message_vi=_ENCRYPTED_VI
        )
    if kind == "LimitReachedError":
        return UnreadableFile(name, f"the PDF holds a stream larger than allowed ({text})"[:500], message_vi=_LIMIT_VI)
    if isinstance(exc, NotImplementedError):  # a valid PDF using what pypdf does not read (a filter): not corrupt
        return UnreadableFile(
            name, f"the PDF uses a feature that cannot be read here ({text})"[:500], message_vi=_UNSUPPORTED_VI
        )
    return UnreadableFile(name, f"corrupt PDF: {kind}: {text}"[:500])


_LIMIT_VI = "Tệp PDF chứa một luồng dữ liệu vượt giới hạn cho phép khi giải nén; không đọc được."
_UNSUPPORTED_VI = "Tệp PDF dùng một tính năng chưa được hỗ trợ; hãy xuất lại thành PDF thông thường."


def _ocr_pages(name: str, data: bytes, pages: list[str], scanned: list[int]) -> list[str]:
    """The PDF's pages with the scanned ones read by OCR. Without Tesseract a scan is refused, saying how to
    install it; a mixed PDF keeps its text pages and the skipped pages are logged."""
    try:
        read = ocr.read_pages(name, data, scanned)
    except OcrUnavailable:
        if len(scanned) == len(pages) or not "".join(pages).strip():
            raise
        logger.warning("%s: pages %s are scans and were skipped: %s", name, [i + 1 for i in scanned], ocr.missing())
        return pages
    return [read.get(i, text) for i, text in enumerate(pages)]


def scanned_pages(name: str, data: bytes) -> int:
    """How many pages of a PDF upload need OCR (0 for anything else, or a PDF that cannot be opened)."""
    if Path(name).suffix.lower() != ".pdf" or sniff(data) != "PDF":
        return 0
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            return 0
        return len(ocr.needs_ocr([page.extract_text() or "" for page in reader.pages]))
    except MemoryError:
        raise
    except Exception:  # a broken PDF is reported by extract_text, where it is read for real
        return 0


def load_text(path: Path, max_bytes: int) -> str:
    """Read and extract one file from disk."""
    return extract_text(str(path), read_bytes(path, max_bytes))
