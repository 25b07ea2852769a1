"""Header facts: who signed, when and where it was issued, its number, issuer, title, recipients, outline.

Each fact is a statement about a parsed field, cited to the header, signature, closing or "Nơi nhận" lines
that state it. Asked of the document the question names; without one, the question goes on to the text.
"""

from __future__ import annotations

import re

from core.text import fold
from core.types import Document
from retrieval.answers.context import Context
from retrieval.answers.evidence import Draft, Evidence, doc_name, fmt_date
from retrieval.answers.question import Question
from retrieval.extract import Line, section_lines

_DATE_LINE = re.compile(r"ngày\s*\d*\s*tháng|thông qua ngày", re.I)
MAX_LISTED = 30  # recipients or top-level sections listed


def gather(q: Question, ctx: Context) -> Draft | None:
    """Header facts of the document a question names."""
    if not q.facts:
        return None
    doc_id = ctx.target(q)
    if doc_id is None:
        return None
    doc = ctx.index.get(doc_id)
    if q.facts == ["outline"]:
        return outline(doc)
    evidence = [ev for fact in q.facts if (ev := fact_evidence(doc, fact)) is not None]
    return Draft(evidence, group_by_doc=False) if evidence else None


def outline(doc: Document) -> Draft | None:
    """ "Kế hoạch … gồm những mục nào?": the top-level sections, each cited to its heading line."""
    top = [s for s in doc.sections if s.parent is None]
    evidence = [
        Evidence(doc.doc_id, s.id, s.heading, lines[:1], statements=[f"{s.id}. {s.heading} {{n}}"])
        for s in top[:MAX_LISTED]
        if (lines := section_lines(doc, s.id))
    ]
    if not evidence:
        return None
    unit = "điều" if top[0].id.startswith("Điều") else "chương" if top[0].id.startswith("Chương") else "phần"
    return Draft(evidence, intro=f"{doc_name(doc)} gồm {len(top)} {unit}:", group_by_doc=False)


def _holding(lines: list[Line], phrase: str) -> list[Line]:
    """The run of consecutive lines whose text holds ``phrase`` (a header prints a body's name over two lines)."""
    want = re.sub(r"\s+", " ", fold(phrase).lower()).strip()
    for i in range(len(lines)):
        joined = ""
        for j in range(i, min(i + 3, len(lines))):
            joined = (joined + " " + fold(lines[j].text).lower()).strip()
            if want in joined:
                return lines[i : j + 1]
    return []


def fact_evidence(doc: Document, fact: str) -> Evidence | None:
    """A header fact as a statement, cited to the lines that state it."""
    header = section_lines(doc, "header")
    name = doc_name(doc)
    if fact == "signer":
        sig = section_lines(doc, "signature")
        if not doc.signer or not sig:
            return None
        title = f" ({doc.signer_title})" if doc.signer_title else ""
        return Evidence(doc.doc_id, "signature", "Chữ ký", sig, statements=[f"{name} do {doc.signer}{title} ký {{n}}."])
    if fact in ("date", "place"):
        part, lines = "header", header
        line = next((ln for ln in header if _DATE_LINE.search(ln.text)), None)
        if line is None and fact == "date":
            part, lines = "closing", section_lines(doc, "closing")
            line = next((ln for ln in lines if _DATE_LINE.search(ln.text)), None)
        if line is None:
            return None
        if fact == "place":
            if not doc.place or doc.place not in line.text:
                return None
            return Evidence(doc.doc_id, part, "", [line], statements=[f"{name} ban hành tại {doc.place} {{n}}."])
        if doc.date:
            when = f"ngày {fmt_date(doc.date)}"
        elif doc.month and doc.year:
            when = f"tháng {doc.month}/{doc.year} (văn bản để trống ngày)"
        elif doc.year:
            when = f"năm {doc.year}"
        else:
            return None
        verb = "được thông qua" if part == "closing" else "ban hành"
        return Evidence(doc.doc_id, part, "", [line], statements=[f"{name} {verb} {when} {{n}}."])
    if fact == "number":
        line = next((ln for ln in header if re.match(r"(?:Luật\s+)?[Ss]ố\b", ln.text) or " số" in ln.text[:12]), None)
        if line is None or not doc.number:
            return (
                Evidence(doc.doc_id, "header", "", header[:1], statements=[f"{name} không ghi số hiệu {{n}}."])
                if header
                else None
            )
        blank = " (phần số để trống)" if not doc.number.split("/")[0].strip() else ""
        return Evidence(doc.doc_id, "header", "", [line], statements=[f"Số hiệu: {doc.number}{blank} {{n}}."])
    if fact in ("issuer", "managing_body"):
        body = doc.issuer if fact == "issuer" else doc.managing_body
        if not body:
            return None
        lines = _holding(header, body) or _holding(section_lines(doc, "preamble"), body)
        if not lines:
            lines = _holding(header, body.split(" ", 3)[-1]) if len(body.split()) > 3 else []
        if not lines:
            return None
        part = "header" if lines[0] in header else "preamble"
        if fact == "issuer":
            where = f" ({doc.place})" if doc.place and fold(doc.place).lower() not in fold(body).lower() else ""
            statement = f"Cơ quan ban hành: {body}{where} {{n}}."
        else:
            statement = f"{name} thuộc {body} (cơ quan chủ quản) {{n}}."
        return Evidence(doc.doc_id, part, "", lines, statements=[statement])
    if fact == "recipients":
        lines = section_lines(doc, "recipients")
        items = [ln for ln in lines if not re.match(r"(?i)nơi nhận", ln.text)] or lines
        if not items:
            return None
        return Evidence(
            doc.doc_id,
            "recipients",
            "Nơi nhận",
            items[:MAX_LISTED],
            statements=[f"{name} gửi tới {{n}}:"],
            show_lines=True,
        )
    if not doc.title:
        return None
    lines = _holding(header, doc.title[:60])
    if not lines:
        return None
    return Evidence(doc.doc_id, "header", "", lines, statements=[f"{name}: {doc.title} {{n}}."])
