"""Recognise the parts of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP layout).

header (``ingest.header``) → preamble ("Căn cứ…", "Thực hiện…", "Theo đề nghị…",
then the lead-in) → body (``ingest.outline``: I → 1 → 1.1 → a) for plans; Chương →
Điều → khoản → điểm for normative texts) → closing, "Nơi nhận", signature
(``ingest.tail``) → attached texts, appendices and footnotes (``ingest.layout``).
A document with no numbered sections at all (a công văn) is a header, a preamble
and one body section.

Input is the normalised source (one paragraph per line, see
``ingest.normalize``); every section and part gets a character span in it.
"""

from __future__ import annotations

import re

from core.errors import ParseError
from core.text import fold_key
from core.types import Document, Section
from ingest.header import PREAMBLE_START, Head, issuer_of, parse_head, proper_case, type_line
from ingest.headings import heading_of
from ingest.layout import Region, find_regions
from ingest.normalize import is_all_caps
from ingest.numbering import classify, ordinal
from ingest.outline import Line, parse_outline
from ingest.tail import SIGN_PREFIX, Tail, parse_tail, passed_on

_QUOTE_OPEN = ("“", '"', "‘")
_QUOTE_CLOSE = re.compile(r"[”\"’](?:\s*[.;,:])*(?:\s*\(\d+\))?$")
#: How far a quotation may run before it is taken for a stray quote mark.
_MAX_QUOTE_LINES = 400


def split_lines(text: str) -> list[Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        if raw.strip():
            out.append(Line(raw, pos))
        pos += len(raw) + 1
    return out


def parse_document(doc_id: str, text: str, *, source: str = "") -> Document:
    """Parse normalised text into a Document with header fields, sections and parts."""
    lines = split_lines(text)
    if not lines:
        raise ParseError(source or doc_id, "the document has no text", message_vi="Tệp không có nội dung.")
    first_type = next((i for i in range(min(len(lines), 40)) if type_line(lines[i].text)), None)
    regions = find_regions(lines, first_type if first_type is not None else 0)
    main_stop = regions[0].start if regions else len(lines)
    quoted = quoted_lines(lines, 0, main_stop)
    body_start = find_body_start(lines, main_stop, quoted)
    numbered = body_start is not None
    if body_start is None:
        body_start = main_stop
    head = parse_head(lines, body_start)
    if not numbered:
        if not (head.number or head.doc_type or head.year or head.orgs):
            raise ParseError(
                source or doc_id,
                "no document structure: no numbered sections (I., 1., Điều 1.) and no header (Số, date, type)",
                message_vi="Không nhận ra văn bản: không có mục đánh số (I., 1., Điều 1.) và không có phần đầu "
                "(Số, ngày tháng, loại văn bản).",
            )
        body_start = _plain_body_start(lines, head, main_stop)
    tail = parse_tail(lines, body_start, main_stop)
    body_end = lines[tail.start].start if tail.start < len(lines) else len(text)
    body_lines = lines[body_start : tail.start]
    skip = frozenset(i - body_start for i in quoted if body_start <= i < tail.start)
    sections, skipped = parse_outline(body_lines, body_end, skip=skip) if numbered else ([], [])
    if not sections and body_lines:
        heading = heading_of(body_lines[0].text)
        start = body_lines[0].start
        sections = [Section(id="body", heading=heading, level=1, start=start, end=body_end, body_end=body_end)]
    if not sections:
        raise ParseError(
            source or doc_id,
            "no body text found after the header",
            message_vi="Không tìm thấy nội dung sau phần đầu văn bản.",
        )
    extra, notes = _regions(lines, regions, len(text))
    sections.extend(extra)
    parts = [*_head_parts(lines, head, body_start), *tail.parts, *notes]
    kind = (
        "normative"
        if any(s.id.startswith("Điều") for s in sections)
        else ("plan" if head.doc_type in (None, "Kế hoạch") else "other")
    )
    _date_from_closing(head, lines, tail)
    issuer = issuer_of(head, lines[:body_start], text)
    managing = proper_case(head.managing_body, text) if head.managing_body else None
    issuer, managing = _signed_for(issuer, managing, head, tail, text)
    warnings = [f"đề mục ngoài thứ tự, đọc như văn bản: {line}" for line in skipped]
    warnings += [f"phần đầu không ghi {what}" for what, value in _header_fields(head, issuer) if value is None]
    if tail.signature is None:
        warnings.append("không tìm thấy chữ ký")
    return Document(
        doc_id=doc_id,
        source=source,
        kind=kind,  # type: ignore[arg-type]
        doc_type=head.doc_type,
        number=head.number,
        date=head.date,
        year=head.year,
        month=head.month,
        issuer=issuer,
        managing_body=managing,
        place=head.place,
        title=head.title,
        signer=tail.signature.signer if tail.signature else None,
        signer_title=tail.signature.title if tail.signature else None,
        text=text,
        sections=sections,
        parts=parts,
        warnings=warnings,
    )


def _header_fields(head: Head, issuer: str | None) -> list[tuple[str, object]]:
    return [("loại văn bản", head.doc_type), ("số", head.number), ("ngày", head.year), ("cơ quan ban hành", issuer)]


def find_body_start(lines: list[Line], stop: int, quoted: set[int]) -> int | None:
    """Index of the first line of the body: Phần / Chương / Điều / a Roman part (at whatever number the body opens),
    else 1. (or 2., a list that lost its first item) when there are no such headings."""
    first_num = None
    for i in range(1, stop):
        if i in quoted:
            continue
        m = classify(lines[i].text)
        if m is None:
            continue
        if m.kind in ("phan", "chuong", "dieu") or (m.kind == "lettered" and first_num is None):
            return i  # a lettered part ("A. NHIỆM VỤ TRỌNG TÂM") only before any numbered item
        if m.kind == "roman" and (ordinal(m) == 1 or (is_all_caps(m.rest) and m.rest)):
            return i
        if m.kind == "num" and ordinal(m) <= 2 and first_num is None:
            first_num = i
    return first_num


def quoted_lines(lines: list[Line], start: int, stop: int) -> set[int]:
    """Lines inside a quotation that an amending text opens after "… như sau:" (they cannot open sections)."""
    out: set[int] = set()
    i = start + 1
    while i < stop:
        text = lines[i].text
        if text.startswith(_QUOTE_OPEN) and lines[i - 1].text.rstrip().endswith(":"):
            end = next(
                (j for j in range(i, min(stop, i + _MAX_QUOTE_LINES)) if _QUOTE_CLOSE.search(lines[j].text.rstrip())),
                None,
            )
            if end is not None:
                out.update(range(i, end + 1))
                i = end + 1
                continue
            out.add(i)
        i += 1
    return out


def _plain_body_start(lines: list[Line], head: Head, stop: int) -> int:
    """First body line of a text without numbered sections: after the header, "Kính gửi" and the căn cứ clauses."""
    i = head.header_end
    if i < stop and lines[i].text.startswith("Kính gửi"):
        i += 1
        while i < stop and lines[i].text.startswith(("-", "+")):
            i += 1
    opened = i
    while i < stop and PREAMBLE_START.match(lines[i].text):
        i += 1
    if i >= stop and i > opened:
        i = stop - 1  # a letter of one "Thực hiện …, Sở đề nghị …" paragraph: its last paragraph is its body
    if head.preamble_start is None and i > head.header_end:
        head.preamble_start = head.header_end
    return min(i, stop)


def _head_parts(lines: list[Line], head: Head, body_start: int) -> list[Section]:
    out = []
    if head.header_end > 0:
        end = lines[head.header_end - 1].end
        out.append(Section(id="header", heading="Phần đầu văn bản", level=0, start=0, end=end, body_end=end))
    pre = head.preamble_start
    if pre is not None and pre < body_start:
        while pre < body_start and lines[pre].text.startswith("Kính gửi"):
            pre += 1
            while pre < body_start and lines[pre].text.startswith(("-", "+")):
                pre += 1
        if pre < body_start:
            start, end = lines[pre].start, lines[body_start - 1].end
            out.append(Section(id="preamble", heading="Căn cứ ban hành", level=0, start=start, end=end, body_end=end))
    return out


def _regions(lines: list[Line], regions: list[Region], text_end: int) -> tuple[list[Section], list[Section]]:
    """Sections of attached texts and appendices, and the footnotes part."""
    sections: list[Section] = []
    notes: list[Section] = []
    ends = [lines[regions[k + 1].start].start if k + 1 < len(regions) else text_end for k in range(len(regions))]
    for k, region in enumerate(regions):
        start = lines[region.start].start
        end = ends[k]
        for j in range(k + 1, len(regions)):  # an appendix spans the forms it holds
            if regions[j].parent != region.root_id:
                break
            end = ends[j]
        if region.kind == "footnotes":
            notes.append(Section(id="footnotes", heading="Chú thích", level=0, start=start, end=end, body_end=end))
            continue
        inner = lines[region.body : region.end]
        own_end = ends[k]
        quoted = quoted_lines(lines, region.body, region.end)
        skip = frozenset(i - region.body for i in quoted)
        level = 2 if region.parent else 1
        tables = region.kind in ("appendix", "form")
        children, _ = parse_outline(
            inner,
            own_end,
            prefix=f"{region.root_id}.",
            root_id=region.root_id,
            base_level=level,
            skip=skip,
            tables=tables,
        )
        forms = [r for r in regions[k + 1 :] if r.parent == region.root_id]
        first_child = min([c.start for c in children] + [lines[r.start].start for r in forms[:1]], default=end)
        body_end = first_child
        heading = _region_heading(region)
        sections.append(
            Section(
                id=region.root_id,
                heading=heading,
                level=level,
                parent=region.parent,
                start=start,
                end=end,
                body_end=body_end,
            )
        )
        sections.extend(children)
    return sections, notes


def _region_heading(region: Region) -> str:
    heading = re.sub(r"\s+", " ", region.heading).strip()
    if region.kind == "attachment" and fold_key(heading).startswith(fold_key(region.root_id.split("-")[0])):
        return heading
    return heading or region.root_id


def _date_from_closing(head: Head, lines: list[Line], tail: Tail) -> None:
    """A law states when it was passed in its closing, not its header."""
    if head.date is not None:
        return
    passed = passed_on(lines, tail.start, len(lines))
    if passed is not None:
        y, m, d = passed
        head.year, head.month, head.date = y, m, f"{y:04d}-{m:02d}-{d:02d}"


def _signed_for(
    issuer: str | None, managing: str | None, head: Head, tail: Tail, text: str
) -> tuple[str | None, str | None]:
    """A body that signs "TM. <body>" other than the header's issuer is the issuer (Ban Bí thư under the Ban Chấp
    hành Trung ương's header), the header's body then managing it; or the issuer when the header names none."""
    sig = tail.signature
    line = next((t for t in sig.titles if re.match(r"^(?:TM|T/M)\b", t)), None) if sig else None
    if line is None:
        return issuer, managing
    body = SIGN_PREFIX.sub("", line).strip()
    if not body or not is_all_caps(body):
        return issuer, managing
    if issuer is None:
        return proper_case(body, text), managing
    if fold_key(issuer).startswith(fold_key(body)) or fold_key(body) in fold_key(issuer):
        return issuer, managing
    if head.orgs and fold_key(head.orgs[-1]) == fold_key(issuer):
        return proper_case(body, text), issuer
    return issuer, managing
