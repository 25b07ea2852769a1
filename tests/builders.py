"""Build .docx and .pdf files from text inside tests (no files are checked in)."""

from __future__ import annotations

import io
import os

import matplotlib

FONT = os.path.join(os.path.dirname(matplotlib.__file__), "mpl-data", "fonts", "ttf", "DejaVuSans.ttf")


def make_docx(text: str) -> bytes:
    """One Word paragraph per line of ``text``."""
    import docx

    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def make_pdf(text: str) -> bytes:
    """An A4 PDF with a real text layer; long lines wrap as a word processor would wrap them."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.add_font("dejavu", fname=FONT)
    pdf.set_font("dejavu", size=11)
    for line in text.split("\n"):
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def make_image_pdf() -> bytes:
    """A PDF holding only a picture with nothing legible on it (a blank page through a scanner): no text
    layer, and nothing for OCR to read either. Scans of real text are built in tests/file_builders.py."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (600, 200), "white")
    ImageDraw.Draw(img).rectangle((4, 4, 595, 195), outline=(225, 225, 225))
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(io.BytesIO(buf.getvalue()), x=10, y=10, w=180)
    return bytes(pdf.output())


def make_pdf_with_unknown_encryption() -> bytes:
    """A one-page PDF whose trailer names an encryption handler pypdf does not have (issue 22: an HTTP 500,
    and `cancu ingest` stopped with a traceback before every file sorted after it)."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
        b"<< /Filter /NoSuchHandler /V 9 /R 9 >>",
    ]
    file_id = b"<00112233445566778899aabbccddeeff>"
    return _pdf(objs, b"/Encrypt 4 0 R /ID [%s %s]" % (file_id, file_id))


def make_docx_of_paragraphs(count: int, text: str = "a") -> bytes:
    """A .docx whose body is ``count`` paragraphs of ``text`` (issue 22: 4.4 million one-letter paragraphs, 427 KB
    zipped, 150 MB of XML); the XML is written directly, python-docx would take minutes to add them."""
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(make_docx(text))) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "word/document.xml":
                head, _, rest = data.partition(b"<w:body>")
                paragraph = f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>".encode()
                data = head + b"<w:body>" + paragraph * count + b"</w:body>" + rest.partition(b"</w:body>")[2]
            zout.writestr(info, data)
    return out.getvalue()


def make_pdf_with_stream(stream: bytes, filters: bytes = b"/Filter /FlateDecode") -> bytes:
    """A one-page PDF whose page content is ``stream`` (already encoded by ``filters``), with Helvetica as /F1."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d %s >>\nstream\n" % (len(stream), filters) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return _pdf(objs)


def _pdf(objs: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF of these objects (numbered from 1, the first the catalog), with its cross-reference table; ``trailer``
    adds entries to the trailer dictionary."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\n" % (len(objs) + 1, trailer + b" " if trailer else b"")
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def make_pdf_bomb() -> bytes:
    """A 78 KB PDF whose page content inflates to 80 MB of spaces, past pypdf's 75 MB FlateDecode limit
    (``LimitReachedError``)."""
    import zlib

    return make_pdf_with_stream(zlib.compress(b" " * 80_000_000, 9))


def make_pdf_with_unknown_filter() -> bytes:
    """A PDF whose page content is encoded with a filter pypdf does not know (``NotImplementedError``)."""
    return make_pdf_with_stream(b"BT /F1 12 Tf 72 700 Td (Hello) Tj ET", b"/Filter /NoSuchDecode")


def make_pdf_with_one_huge_stream(tokens: int) -> bytes:
    """A one-page PDF whose single content stream holds ``tokens`` operators and operands (``(a) Tj``
    repeated): 1.9 million tokens are 6.6 MB of content, 10 KB compressed (issue 22's file: 35 KB)."""
    import zlib

    raw = b"BT /F1 12 Tf 72 700 Td " + b"(a) Tj " * (tokens // 2) + b"ET"
    return make_pdf_with_stream(zlib.compress(raw, 9))
