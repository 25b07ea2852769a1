"""The files schools actually have, made inside the tests from a plan's text (none is checked in).

- ``scan_pdf``: the plan printed on A4 pages with a DejaVu font (Pillow), header in its two columns, a red stamp
  over the signature, saved as an image-only PDF, as a scanner makes it.
- ``numbered_docx``: the plan as a .docx whose "I.", "1.", "-" and "+" are Word's automatic numbering.
- ``encode_legacy``: the plan's bytes in TCVN3 (ABC) or VNI, as an old editor saved them.
"""

from __future__ import annotations

import io
import os
import re
import unicodedata

import matplotlib

_FONTS = os.path.join(os.path.dirname(matplotlib.__file__), "mpl-data", "fonts", "ttf")
SERIF = os.path.join(_FONTS, "DejaVuSerif.ttf")
SERIF_BOLD = os.path.join(_FONTS, "DejaVuSerif-Bold.ttf")

# ---------------------------------------------------------------- scanned PDF

_RIGHT = re.compile(r"CỘNG HÒA|Độc lập|^\S.*,\s*ngày\s+\d+\s+tháng")
_NUMBER_AND_DATE = re.compile(r"^(Số\s*:\s*\d*\s*/\s*\S+)\s+(.+,\s*ngày\s+\d+\s+tháng.*)$")
_BOLD = re.compile(r"^(?:[IVX]+\.\s|KẾ HOẠCH|CỘNG HÒA|Nơi nhận|[A-ZĐ ]{6,}$)")


def _split_plan(text: str) -> tuple[list[str], list[str], list[str], list[str], list[str]]:
    """Header left / right, body, "Nơi nhận" block, signature block, from a plan's plain text."""
    from ingest.normalize import normalize_text

    raw = [line.strip() for line in text.splitlines() if line.strip()]
    title = next(i for i, line in enumerate(raw) if line.startswith("KẾ HOẠCH"))
    lines = raw[:title] + [line for line in normalize_text("\n".join(raw[title:])).splitlines() if line.strip()]
    left, right = [], []
    for line in lines[:title]:
        m = _NUMBER_AND_DATE.match(line)
        if m:
            left.append(m.group(1))
            right.append(m.group(2))
        elif _RIGHT.search(line):
            right.append(line)
        else:
            left.append(line)
    recipients = next(i for i, line in enumerate(lines) if line.startswith("Nơi nhận"))
    tail = lines[recipients:]
    signature_at = next(i for i, line in enumerate(tail) if not line.startswith(("Nơi nhận", "-")))
    return left, right, lines[title:recipients], tail[:signature_at], tail[signature_at:]


def scan_pages(text: str, *, dpi: int = 200, stamp: bool = True) -> list[object]:
    """The plan as A4 page images (RGB), typeset in 13 pt DejaVu Serif with 2 cm margins."""
    from PIL import Image, ImageDraw, ImageFont

    px = dpi / 72  # pixels per point
    width, height = int(595 * px), int(842 * px)
    margin = int(57 * px)
    size = int(12.5 * px)
    font = ImageFont.truetype(SERIF, size)
    bold = ImageFont.truetype(SERIF_BOLD, size)
    head = ImageFont.truetype(SERIF, int(11 * px))
    head_bold = ImageFont.truetype(SERIF_BOLD, int(11 * px))
    leading = int(size * 1.45)
    left, right, body, recipients, signature = _split_plan(text)
    pages: list[Image.Image] = []
    page = draw = None
    y = 0

    def new_page() -> None:
        nonlocal page, draw, y
        page = Image.new("RGB", (width, height), "white")
        draw = ImageDraw.Draw(page)
        pages.append(page)
        y = margin

    def need(lines: int) -> None:
        if y + lines * leading > height - margin:
            new_page()

    def wrap(line: str, face: ImageFont.FreeTypeFont, room: int) -> list[str]:
        words, out, current = line.split(), [], ""
        for word in words:
            trial = f"{current} {word}".strip()
            if face.getlength(trial) <= room or not current:
                current = trial
            else:
                out.append(current)
                current = word
        return [*out, current] if current else out

    new_page()
    assert draw is not None
    column = (width - 2 * margin) // 2
    split = int((width - 2 * margin) * 0.4)  # the header: the issuing body in 40 % of the width, the motto in 60 %
    for i in range(max(len(left), len(right))):
        for x0, room, items in (
            (margin - int(20 * px), split, left),
            (margin + split, width - 2 * margin - split, right),
        ):
            if i < len(items):
                face = head_bold if items[i].isupper() or items[i].startswith("Độc") else head
                w = face.getlength(items[i])
                draw.text((x0 + (room - w) / 2, y), items[i], font=face, fill="black")
        y += leading
    y += leading
    for line in body:
        face = bold if _BOLD.match(line) else font
        centred = line.startswith("KẾ HOẠCH") or (body.index(line) < 3 and not line.startswith("Căn cứ"))
        for part in wrap(line, face, width - 2 * margin):
            need(1)
            x = (width - face.getlength(part)) / 2 if centred else margin
            draw.text((x, y), part, font=face, fill="black")
            y += leading
    need(max(len(recipients), len(signature) + 3) + 1)
    y += leading
    top = y
    small = ImageFont.truetype(SERIF, int(11 * px))
    for line in recipients:  # "Nơi nhận" on the left, the signature block on the right, side by side
        draw.text((margin, y), line, font=small if not line.startswith("Nơi") else bold, fill="black")
        y += int(leading * 0.9)
    y = top
    for k, line in enumerate(signature):
        face = bold
        w = face.getlength(line)
        draw.text((margin + column + (column - w) / 2, y), line, font=face, fill="black")
        y += leading * (5 if k == len(signature) - 2 else 1)  # room for the signature above the name
    if stamp:
        _stamp(page, (margin + column + column // 2 - int(90 * px), top + int(5 * px)), int(110 * px), font)
    return pages


def _stamp(page: object, corner: tuple[int, int], diameter: int, font: object) -> None:
    """A red round stamp and a blue signature stroke over the signature block, printed as ink prints:
    multiplied into the page, so black text under the red stays black."""
    from PIL import Image, ImageChops, ImageDraw

    layer = Image.new("RGB", page.size, "white")  # type: ignore[attr-defined]
    draw = ImageDraw.Draw(layer)
    x, y = corner
    red = (210, 40, 50)
    draw.ellipse((x, y, x + diameter, y + diameter), outline=red, width=max(3, diameter // 40))
    inner = diameter // 6
    draw.ellipse((x + inner, y + inner, x + diameter - inner, y + diameter - inner), outline=red, width=3)
    draw.text((x + diameter * 0.3, y + diameter * 0.42), "CĐCĐ", font=font, fill=red)
    draw.line((x - 20, y + diameter * 0.55, x + diameter * 0.5, y + diameter * 0.3, x + diameter, y + diameter * 0.6),
              fill=(30, 50, 170), width=5)  # fmt: skip
    page.paste(ImageChops.multiply(page, layer))  # type: ignore[attr-defined, arg-type]


def scan_pdf(text: str, *, dpi: int = 200, stamp: bool = True, pages: slice | None = None) -> bytes:
    """An image-only PDF of the plan (no text layer): what a scanner hands a school."""
    images = scan_pages(text, dpi=dpi, stamp=stamp)
    if pages is not None:
        images = images[pages]
    buf = io.BytesIO()
    images[0].save(buf, format="PDF", save_all=True, append_images=images[1:], resolution=dpi)  # type: ignore[attr-defined]
    return buf.getvalue()


# ---------------------------------------------------------------- auto-numbered .docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#: One multilevel list as Word writes it: I. → 1. → - → +
PLAN_LIST = [("upperRoman", "%1."), ("decimal", "%2."), ("bullet", "-"), ("bullet", "+")]
_MARKERS = [
    (0, re.compile(r"^([IVX]+)\.\s+")),
    (1, re.compile(r"^(\d{1,2})\.\s+")),
    (2, re.compile(r"^-\s*")),
    (3, re.compile(r"^\+\s*")),
]


def numbering_xml(levels: list[tuple[str, str]], *, abstract_id: int = 0, num_id: int = 1, extra: str = "") -> str:
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
        f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{360 * (i + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    return (
        f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>'
        f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>{extra}</w:numbering>'
    )


def docx_with_numbering(paragraphs: list[tuple[str, tuple[int, int] | None]], numbering: str) -> bytes:
    """A .docx of (text, (numId, level) or None) paragraphs over the given numbering.xml."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    part = document.part.numbering_part
    new = parse_xml(numbering)
    root = part.element
    for child in list(root):
        root.remove(child)
    for child in list(new):
        root.append(child)
    for text, numbered in paragraphs:
        paragraph = document.add_paragraph(text)
        if numbered is not None:
            num_id, level = numbered
            ppr = paragraph._p.get_or_add_pPr()
            ppr.append(
                parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
            )
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def numbered_paragraphs(text: str) -> list[tuple[str, tuple[int, int] | None]]:
    """The plan's lines with their typed markers taken out and replaced by list levels of PLAN_LIST."""
    out: list[tuple[str, tuple[int, int] | None]] = []
    for line in text.split("\n"):
        stripped = line.strip()
        for level, marker in _MARKERS:
            m = marker.match(stripped)
            if m:
                out.append((stripped[m.end() :], (1, level)))
                break
        else:
            out.append((line, None))
    return out


def numbered_docx(text: str) -> bytes:
    """The plan as a .docx whose numbering is automatic: no "I." or "1." is in its text."""
    return docx_with_numbering(numbered_paragraphs(text), numbering_xml(PLAN_LIST))


# ---------------------------------------------------------------- TCVN3 and VNI


def encode_legacy(text: str, charset: str) -> bytes:
    """The text's bytes in TCVN3 or VNI, from the project's tables read backwards.

    TCVN3 has no capitals with tone marks: like a typist using an all-capitals font (.VnTimeH), such a capital
    is written with its lowercase byte. Anything outside the table is written in cp1252.
    """
    from ingest.legacy_charsets import _tables

    inverse = {uni: raw for raw, uni in _tables()[charset].items()}
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ch in inverse:
            out += inverse[ch]
        elif ch.lower() in inverse:
            out += inverse[ch.lower()]
        else:
            out += ch.encode("cp1252")
    return bytes(out)
