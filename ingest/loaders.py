"""Read .txt, .md, .docx and text-layer .pdf files into plain text, with one clear error per bad file."""

from __future__ import annotations

import io
import logging
import re
import unicodedata
import zipfile
from pathlib import Path

from core.errors import (
    EmptyDocument,
    EncodingError,
    FileTooLarge,
    NoTextLayer,
    UnreadableFile,
    UnsupportedFormat,
)

logger = logging.getLogger(__name__)

SUPPORTED = (".txt", ".md", ".docx", ".pdf")
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
        raise UnsupportedFormat(name, f"unsupported file type {suffix or '(none)'}; use .txt, .md, .docx or .pdf")
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
    else:
        if kind is not None and kind not in ("RTF file",):
            raise UnsupportedFormat(name, f"not a text file (content looks like {kind})")
        text = decode_text(name, data)
    if not text.strip():
        raise EmptyDocument(name, "file has no text")
    return text


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
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError as exc:
        raise EncodingError(name, "not UTF-8, UTF-16 (with BOM) or cp1258 text") from exc
    if not _plausible(text):
        raise EncodingError(name, "not UTF-8, UTF-16 (with BOM) or cp1258 text")
    logger.info("%s: decoded as cp1258", name)
    return text


def _plausible(text: str) -> bool:
    """Whether decoded text looks like prose rather than binary noise."""
    if not text:
        return False
    text = unicodedata.normalize("NFC", text)  # cp1258 stores tones as combining marks
    good = sum(1 for c in text if c.isalnum() or c.isspace() or c in ".,;:!?()-–—/\"'“”%&+*[]«»…§")
    return good / len(text) >= 0.9


def _docx_text(name: str, data: bytes) -> str:
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

        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for block in document.element.body.iterchildren():
            tag = block.tag.rsplit("}", 1)[-1]
            if tag == "p":
                lines.append(Paragraph(block, document).text)
            elif tag == "tbl":
                for row in Table(block, document).rows:
                    for cell in row.cells:
                        lines.extend(p.text for p in cell.paragraphs)
        return "\n".join(lines)
    except UnreadableFile:
        raise
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors on broken parts
        raise UnreadableFile(name, f"corrupt .docx: {type(exc).__name__}: {exc}") from exc


def _pdf_text(name: str, data: bytes) -> str:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:  # pragma: no cover - pypdf is a hard dependency
        raise UnreadableFile(name, "pypdf is not installed") from exc
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise UnreadableFile(name, "the PDF is encrypted")
        pages = [page.extract_text() or "" for page in reader.pages]
    except UnreadableFile:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError) as exc:
        raise UnreadableFile(name, f"corrupt PDF: {type(exc).__name__}: {exc}") from exc
    text = "\n".join(pages)
    if len(re.sub(r"\s", "", text)) < 20:
        raise NoTextLayer(name, f"PDF has no text layer ({len(pages)} page(s), likely a scan); OCR it first")
    return text


def load_text(path: Path, max_bytes: int) -> str:
    """Read and extract one file from disk."""
    return extract_text(str(path), read_bytes(path, max_bytes))
