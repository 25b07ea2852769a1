"""Word's automatic numbering: a .docx whose "I.", "1.", "-" live only in numbering.xml gets the typed outline."""

from __future__ import annotations

import io
import zipfile

import pytest

from ingest.docx_numbering import format_number
from ingest.loaders import extract_text
from ingest.pipeline import parse_bytes
from tests.conftest import CORPUS
from tests.file_builders import W_NS, docx_with_numbering, numbered_docx, numbering_xml

PLAN = "kh-08-cdcd-soctrang-2026"


def test_auto_numbered_docx_gives_the_typed_outline() -> None:
    raw = (CORPUS / f"{PLAN}.txt").read_text(encoding="utf-8")
    data = numbered_docx(raw)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        body = zf.read("word/document.xml").decode("utf-8")
    assert "MỤC ĐÍCH - YÊU CẦU" in body and "I. MỤC ĐÍCH" not in body and "1. Mục đích" not in body
    assert body.count("<w:numPr>") == 55  # 3 Roman headings, 14 numbered items, 38 bullets: all automatic
    typed = parse_bytes(f"{PLAN}.txt", raw.encode("utf-8"))
    auto = parse_bytes(f"{PLAN}.docx", data)
    assert [o["section"] for o in auto.outline()] == [o["section"] for o in typed.outline()]
    assert auto.outline() == typed.outline()
    assert auto.fields() == typed.fields()


def _text(
    levels: list[tuple[str, str]], paragraphs: list[tuple[str, tuple[int, int] | None]], extra: str = ""
) -> list[str]:
    data = docx_with_numbering(paragraphs, numbering_xml(levels, extra=extra))
    return [line for line in extract_text("a.docx", data).split("\n") if line]


def test_levels_restart_under_their_parent_and_labels_combine_levels() -> None:
    levels = [("upperRoman", "%1."), ("decimal", "%1.%2."), ("lowerLetter", "%3)")]
    paragraphs = [
        ("Một", (1, 0)),
        ("a", (1, 1)),
        ("b", (1, 1)),
        ("x", (1, 2)),
        ("y", (1, 2)),
        ("Hai", (1, 0)),
        ("c", (1, 1)),
        ("z", (1, 2)),
    ]
    assert _text(levels, paragraphs) == ["I. Một", "I.1. a", "I.2. b", "a) x", "b) y", "II. Hai", "II.1. c", "a) z"]


def test_a_list_with_a_start_override_restarts_and_lists_sharing_a_definition_continue() -> None:
    levels = [("decimal", "%1.")]
    extra = (
        '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    )
    paragraphs = [("a", (1, 0)), ("b", (1, 0)), ("c", (2, 0)), ("plain", None), ("d", (3, 0)), ("e", (3, 0))]
    assert _text(levels, paragraphs, extra) == ["1. a", "2. b", "3. c", "plain", "1. d", "2. e"]


def test_numbering_from_a_paragraph_style_and_numid_zero() -> None:
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    for child in parse_xml(numbering_xml([("upperRoman", "%1."), ("decimal", "%2.")])):
        numbering.append(child)
    heading = document.styles["Heading 1"].element
    heading.get_or_add_pPr().append(
        parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')
    )
    document.add_paragraph("MỤC ĐÍCH", style="Heading 1")
    document.add_paragraph("NỘI DUNG", style="Heading 1")
    plain = document.add_paragraph("KHÔNG ĐÁNH SỐ", style="Heading 1")
    plain._p.get_or_add_pPr().append(parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:numId w:val="0"/></w:numPr>'))
    buf = io.BytesIO()
    document.save(buf)
    assert [line for line in extract_text("a.docx", buf.getvalue()).split("\n") if line] == [
        "I. MỤC ĐÍCH",
        "II. NỘI DUNG",
        "KHÔNG ĐÁNH SỐ",
    ]


def test_bullets_and_legal_numbering() -> None:
    levels = [("decimal", "Điều %1."), ("bullet", "\uf0b7")]
    assert _text(levels, [("Phạm vi", (1, 0)), ("một ý", (1, 1)), ("Đối tượng", (1, 0))]) == [
        "Điều 1. Phạm vi",
        "• một ý",
        "Điều 2. Đối tượng",
    ]


@pytest.mark.parametrize(
    ("n", "fmt", "out"),
    [
        (4, "upperRoman", "IV"),
        (14, "lowerRoman", "xiv"),
        (4, "lowerLetter", "d"),
        (27, "upperLetter", "AA"),
        (3, "decimalZero", "03"),
        (7, "none", ""),
    ],
)
def test_number_formats(n: int, fmt: str, out: str) -> None:
    assert format_number(n, fmt) == out
