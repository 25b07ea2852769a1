"""From a draft to the Answer: number the evidence (one citation per section), verify every quote, word it.

Every quote is cut from the section it cites and checked to be a verbatim substring of it; evidence that
cannot be verified is dropped, and a draft with no verified evidence becomes the refusal.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from core.text import fold
from core.types import Answer, Citation, Document, LegalBasis, LegalBasisRef, Section
from retrieval.answers.evidence import Draft, Evidence, doc_name
from retrieval.extract import Line

logger = logging.getLogger(__name__)

REFUSAL = "Không tìm thấy thông tin này trong các văn bản hiện có."
MAX_CITED = 10  # sections one answer cites; the rest is counted in a note
MAX_QUOTE = 700


def compose(
    question: str,
    draft: Draft | None,
    qid: str | int | None,
    get: Callable[[str], Document],
    named: Callable[[], list[Document]],
    why: str | None = None,
) -> Answer:
    """The Answer of a draft (``get`` reads a document; a refusal says ``why`` and which ``named`` documents,
    the question's own, were read)."""
    citations: list[Citation] = []
    body: list[str] = []
    if draft is not None:
        shown = _first_sections(draft.evidence, MAX_CITED)
        hidden = len({(e.doc_id, e.section) for e in draft.evidence}) - len({(e.doc_id, e.section) for e in shown})
        if hidden > 0:
            draft.notes.append(f"Còn {hidden} mục khác cũng phù hợp; hãy nêu tên kế hoạch hoặc văn bản để xem cụ thể.")
        groups: dict[str, list[Evidence]] = {}
        for ev in shown:
            groups.setdefault(ev.doc_id if draft.group_by_doc else "", []).append(ev)
        for group_doc, evs in groups.items():
            name = doc_name(get(group_doc)) if group_doc else ""
            if name and name not in draft.intro:
                body.append(f"Theo {name}:")
            for ev in evs:
                n = _cite(ev, citations, get(ev.doc_id))
                if n is None:
                    continue
                body.extend(_words(ev, n, get(ev.doc_id)))
    if not citations:
        names = "; ".join(doc_name(d) for d in named())
        text = REFUSAL + (f" {why}" if why else "")
        text += f" Đã đọc: {names}." if names else ""
        return Answer(id=qid, question=question, found=False, answer=text)
    parts = [draft.intro] if draft and draft.intro else []
    parts += body
    if draft and draft.notes:
        parts += ["", *draft.notes]
    return Answer(
        id=qid,
        question=question,
        found=True,
        answer="\n".join(parts).strip(),
        citations=citations,
        legal_bases=[legal_ref(e) for e in (draft.legal if draft else [])],
    )


def legal_ref(e: LegalBasis) -> LegalBasisRef:
    return LegalBasisRef(
        id=e.id,
        type=e.type,
        date=e.date,
        issuer=e.issuer,
        title=e.title,
        citation=e.citation,
        cited_by=e.cited_by,
        conflicts=e.conflicts,
    )


def _words(ev: Evidence, n: int, doc: Document) -> list[str]:
    if ev.statements:
        out = [s.replace("{n}", f"[{n}]") for s in ev.statements]
        if ev.show_lines:
            out += [f"- {ln.clean} [{n}]" for ln in ev.lines]
        return out
    out = []
    label = "" if ev.section in ("preamble", "header", "signature", "closing", "body") else f"Mục {ev.section}"
    if label and ev.heading:
        label += f" «{ev.heading}»"
    top = _top(doc, ev.section) if label else None
    if top is not None:
        sec = doc.section(ev.section)
        parent = doc.section(sec.parent) if sec is not None and sec.parent else None
        # the item's own parent too ("a) Tổ chức trực tổng đài 112 …" of "3. Bộ Chỉ huy quân sự tỉnh"): who or
        # what the item belongs to is often said there only
        near = (
            f"{parent.id} «{parent.heading}», " if parent is not None and parent is not top and parent.heading else ""
        )
        label += f" (thuộc {near}{top.id} «{top.heading}»)"
    if label:
        out.append(f"{label}:")
    lines = [ln for ln in ev.lines if not (label and _only_heading(ln, ev.heading))] or ev.lines
    # a line that opens a section keeps its label ("2. Bãi bỏ …", "a) …"): the khoản or điểm a reader cites
    opens = {s.start for s in doc.sections}
    out += [f"- {ln.text.strip() if ln.heading or ln.start in opens else ln.clean} [{n}]" for ln in lines]
    return out


def _top(doc: Document, section: str) -> Section | None:
    """The top-level section a nested one belongs to (its article, its part), when it has a heading."""
    sec = doc.section(section)
    top = sec
    while top is not None and top.parent:
        top = doc.section(top.parent)
    return top if top is not None and top is not sec and top.heading else None


def _only_heading(line: Line, heading: str) -> bool:
    """A section's own heading line with nothing else on it ("1. Văn phòng"), already shown in the label."""
    return line.heading and bool(heading) and fold(line.clean).strip(" .:").lower() == fold(heading).strip().lower()


def _cite(ev: Evidence, citations: list[Citation], doc: Document) -> int | None:
    """Number a piece of evidence (one citation per section), after checking its quote is verbatim."""
    for c in citations:
        if c.doc_id == ev.doc_id and c.section == ev.section:
            return c.n
    sec = doc.section(ev.section)
    if sec is None or not ev.lines:
        return None
    quote = _quote(doc, ev.lines)
    if not quote or quote not in doc.section_text(ev.section):
        logger.warning("dropping unverifiable citation %s %s", ev.doc_id, ev.section)
        return None
    n = len(citations) + 1
    citations.append(
        Citation(
            n=n,
            doc_id=doc.doc_id,
            doc_number=doc.number or "",
            doc_title=doc.title or "",
            section=ev.section,
            heading=ev.heading or sec.heading,
            quote=quote,
            score=round(float(ev.score), 4),
        )
    )
    return n


def _first_sections(evidence: list[Evidence], limit: int) -> list[Evidence]:
    keys: set[tuple[str, str]] = set()
    out = []
    for ev in evidence:
        key = (ev.doc_id, ev.section)
        if key not in keys and len(keys) >= limit:
            continue
        keys.add(key)
        out.append(ev)
    return out


def _quote(doc: Document, lines: list[Line]) -> str:
    """The span from the first to the last line (if short enough), else the longest line."""
    start = min(ln.start for ln in lines)
    end = max(ln.start + len(ln.text) for ln in lines)
    if end - start <= MAX_QUOTE:
        return doc.text[start:end].strip()
    best = max(lines, key=lambda ln: len(ln.text))
    return best.text.strip()[: MAX_QUOTE * 2]
