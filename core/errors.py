"""Named errors raised by cancu's domain code.

Every error the project raises on purpose derives from ``CancuError``; the
edges (CLI, API, bot) translate them in one place each. Library exceptions
(qdrant, torch, httpx) never leave the module that calls the library.

    CancuError
    ├── ConfigError               a setting is missing or invalid
    ├── IngestError               one input file could not be read or parsed
    │   ├── UnsupportedFormat     not .txt/.md/.docx/.doc/.pdf (or disguised as one)
    │   ├── FileTooLarge          over the configured size limit
    │   ├── EmptyDocument         no text at all
    │   ├── EncodingError         not UTF-8, UTF-16 with BOM or cp1258
    │   ├── NoTextLayer           a PDF with no extractable text, and OCR found none either
    │   ├── ToolUnavailable       a Debian tool this file needs is not installed (the message says how)
    │   │   ├── OcrUnavailable    a scanned PDF, and no Tesseract with Vietnamese data (also a NoTextLayer)
    │   │   └── ConverterUnavailable  a .doc, and no converter
    │   ├── UnreadableFile        corrupt or truncated container (docx, pdf)
    │   │   └── ReaderCrashed     the worker process reading the file died (a crash in a C library)
    │   ├── ParseError            text was read but has no document structure
    │   ├── ParseLimitExceeded    reading the file went over its bound, and the worker was stopped
    │   │   ├── ParseTimeout      over the wall-clock limit (CANCU_PARSE_TIMEOUT_S)
    │   │   └── ParseMemoryExceeded  over the memory limit (CANCU_PARSE_MEMORY_MB)
    │   ├── ReservedName          a file name cancu keeps for itself (README)
    │   └── NameConflict          another document already has this file's id, under another name
    ├── NotFound
    │   ├── DocumentNotFound      a reference (label, id or number) that names no document
    │   ├── DocumentsNotFound     several references, each naming none (listed)
    │   ├── AmbiguousDocument     a reference naming more than one document (their labels listed)
    │   ├── SectionNotFound
    │   └── LegalBasisNotFound
    ├── StoreError                the vector store failed
    │   ├── StoreLocked           embedded store already opened by another process
    │   ├── StoreUnavailable      server unreachable / collection missing
    │   ├── StoreDamaged          catalog and units disagree and cannot be repaired here (the message says how)
    │   └── StorageFull           no space left on the disk of the data or corpus folder
    ├── ServiceStopping           the process is shutting down; work in progress was stopped
    ├── EmbedderUnavailable       the configured dense model cannot be loaded
    └── GeneratorError            the optional LLM failed or timed out
"""

from __future__ import annotations


class CancuError(Exception):
    """Base class of every error cancu raises on purpose."""

    #: Vietnamese text shown to end users; the English ``str(err)`` goes to logs and the CLI.
    message_vi: str = "Đã xảy ra lỗi."

    def __init__(self, message: str, *, message_vi: str | None = None) -> None:
        super().__init__(message)
        if message_vi is not None:
            self.message_vi = message_vi


class ConfigError(CancuError):
    """A setting is missing or invalid."""

    message_vi = "Cấu hình không hợp lệ."


class IngestError(CancuError):
    """One input file could not be ingested; ``path`` names it."""

    message_vi = "Không đọc được tệp."

    def __init__(self, path: str, reason: str, *, message_vi: str | None = None) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}", message_vi=message_vi)

    def __reduce__(self) -> tuple[object, ...]:
        # rebuilt with its own arguments when it comes back from a parsing worker process
        return (type(self), (self.path, self.reason), {"message_vi": self.message_vi})


class UnsupportedFormat(IngestError):
    message_vi = "Định dạng tệp không được hỗ trợ (chỉ nhận .txt, .md, .docx, .doc, .pdf)."


class FileTooLarge(IngestError):
    message_vi = "Tệp quá lớn."


class EmptyDocument(IngestError):
    message_vi = "Tệp không có nội dung."


class EncodingError(IngestError):
    message_vi = "Không nhận ra bảng mã của tệp (thử UTF-8, UTF-16, cp1258, TCVN3, VNI)."


class NoTextLayer(IngestError):
    message_vi = "Tệp PDF không có lớp văn bản (có thể là bản quét)."


class ToolUnavailable(IngestError):
    """Reading this file needs a program that is not installed here; the message names the package."""

    message_vi = "Máy chủ thiếu công cụ cần để đọc tệp này."


class OcrUnavailable(NoTextLayer, ToolUnavailable):
    message_vi = "Tệp PDF là bản quét và cần Tesseract (tesseract-ocr, tesseract-ocr-vie) để nhận dạng chữ."


class ConverterUnavailable(ToolUnavailable):
    message_vi = "Cần LibreOffice (libreoffice-writer) để đọc tệp .doc."


class UnreadableFile(IngestError):
    message_vi = "Tệp bị hỏng hoặc không đọc được."


class ReaderCrashed(UnreadableFile):
    message_vi = "Trình đọc tệp dừng bất thường khi đọc tệp này; tệp có thể bị hỏng."


class ParseError(IngestError):
    message_vi = "Không nhận ra cấu trúc văn bản."


class ParseLimitExceeded(IngestError):
    """Reading one file went over its time or memory bound; the worker process reading it was stopped."""

    message_vi = "Tệp vượt giới hạn đọc."


class ParseTimeout(ParseLimitExceeded):
    message_vi = "Quá thời gian đọc tệp: tệp quá lớn hoặc có cấu trúc bất thường."


class ParseMemoryExceeded(ParseLimitExceeded):
    message_vi = "Đọc tệp cần quá nhiều bộ nhớ: tệp quá lớn hoặc có cấu trúc bất thường."


class ReservedName(IngestError):
    message_vi = "Tên tệp này được dành riêng (README); hãy đổi tên tệp."


class NameConflict(IngestError):
    message_vi = "Đã có một văn bản khác mang mã này (từ một tệp tên khác); hãy đổi tên tệp hoặc xóa văn bản cũ trước."


class NotFound(CancuError):
    message_vi = "Không tìm thấy."


class DocumentNotFound(NotFound):
    message_vi = "Không tìm thấy văn bản."

    def __init__(self, doc_id: str) -> None:
        self.doc_id = doc_id
        super().__init__(f"unknown document: {doc_id}", message_vi=f"Không tìm thấy văn bản: {doc_id}.")


class DocumentsNotFound(NotFound):
    """Several references, none of which names a document (a request's ``doc_ids``)."""

    def __init__(self, refs: list[str]) -> None:
        self.refs = refs
        names = ", ".join(refs)
        super().__init__(f"unknown documents: {names}", message_vi=f"Không tìm thấy văn bản: {names}.")


class AmbiguousDocument(NotFound):
    """A reference that names more than one document; the message lists their labels."""

    def __init__(self, ref: str, labels: list[str]) -> None:
        self.ref = ref
        self.labels = labels
        names = "; ".join(labels)
        super().__init__(
            f"{ref!r} names {len(labels)} documents: {names}",
            message_vi=f"«{ref}» ứng với {len(labels)} văn bản: {names}. Hãy ghi rõ một văn bản.",
        )


class SectionNotFound(NotFound):
    message_vi = "Không tìm thấy mục này trong văn bản."

    def __init__(self, doc_id: str, section: str) -> None:
        self.doc_id = doc_id
        self.section = section
        super().__init__(f"unknown section {section!r} in {doc_id}")


class LegalBasisNotFound(NotFound):
    message_vi = "Không tìm thấy văn bản căn cứ này."

    def __init__(self, legal_id: str) -> None:
        self.legal_id = legal_id
        super().__init__(f"unknown legal basis: {legal_id}")


class StoreError(CancuError):
    message_vi = "Kho dữ liệu đang gặp sự cố."


class StoreLocked(StoreError):
    message_vi = "Kho dữ liệu đang được một tiến trình khác sử dụng."


class StoreUnavailable(StoreError):
    message_vi = "Không kết nối được kho dữ liệu."


class StoreDamaged(StoreError):
    message_vi = "Kho dữ liệu bị hỏng và chưa tự sửa được; quản trị viên cần xem nhật ký máy chủ."


class StorageFull(StoreError):
    message_vi = "Ổ đĩa lưu dữ liệu đã đầy."


class ServiceStopping(CancuError):
    message_vi = "Máy chủ đang dừng; vui lòng thử lại sau."


class EmbedderUnavailable(CancuError):
    message_vi = "Không nạp được mô hình nhúng; đang dùng tìm kiếm từ khóa."


class GeneratorError(CancuError):
    message_vi = "Mô hình ngôn ngữ không phản hồi."
