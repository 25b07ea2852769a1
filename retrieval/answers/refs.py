"""A section the question names ("Điều 9 Thông tư 124 quy định gì?", "mục III.2 của kế hoạch …"): that section."""

from __future__ import annotations

import re

from core.text import fold
from core.types import Document, Section
from retrieval.answers.context import Context
from retrieval.answers.evidence import Draft, Evidence, doc_name, pick_lines
from retrieval.answers.question import Question, ref_owner_kind


def gather(q: Question, ctx: Context) -> Draft | None:
    refs = [r for r in q.refs if r != "preamble"]
    if not refs:
        return None
    target = ctx.target(q)
    if target and _lacks(doc := ctx.index.get(target), refs) and _owns(q, doc, ctx):
        return Draft([], final=True, reason=f"{doc_name(doc)} không có {', '.join(map(said, refs))}.")
    candidates = [target] if target else ctx.documents(q)
    for doc_id in candidates:
        doc = ctx.index.get(doc_id)
        evidence = []
        for ref in refs:
            sec = _held(doc, ref)
            if sec is None:
                continue
            lines = pick_lines(doc, sec.id, "all")
            if lines:
                evidence.append(Evidence(doc.doc_id, sec.id, sec.heading, lines, score=1.0))
        if evidence:
            return Draft(evidence)
    return None


def _owns(q: Question, doc: Document, ctx: Context) -> bool:
    """Whether the sections named are the document's own: the question names it by its number or its kind, and no
    other kind of document is named beside them ("khoản 2 Điều 28 Luật Thủ đô", "Luật Thủ đô Điều 33" asked of a
    resolution carrying it out are the law's articles)."""
    kind = ref_owner_kind(q.key)
    own = fold(doc.doc_type or "").lower()
    if kind is not None:
        return kind == own
    return ctx.held_number(q) == doc.doc_id or f" {own} " in q.key


def _lacks(doc: Document, refs: list[str]) -> bool:
    """Whether the document has none of the sections named, nor headings naming their articles: an amending law's
    "Sửa đổi, bổ sung Điều 22 như sau" (its own articles are Điều 1 to 3) is asked as "Điều 22 Luật … sửa đổi"."""
    if any(_held(doc, ref) for ref in refs):
        return False
    articles = {m.group(1) for r in refs if (m := re.match(r"Điều (\d+)", r))}
    return not any(re.search(rf"\bĐiều {n}\b", s.heading) for n in articles for s in doc.sections)


def said(ref: str) -> str:
    """A section id as a reader says it: "Điều 8.2.b" -> "điểm b khoản 2 Điều 8", "III.2" -> "mục III.2"."""
    m = re.fullmatch(r"Điều (\d+)(?:\.(\d+))?(?:\.(\w+))?", ref)
    if m is None:
        return f"mục {ref}"
    out = f"Điều {m.group(1)}"
    if m.group(2):
        out = f"khoản {m.group(2)} {out}"
    if m.group(3):
        out = f"điểm {m.group(3)} {out}"
    return out


def _held(doc: Document, ref: str) -> Section | None:
    """The document's section named, or the one of that number in a part of its own ("Quy chế.Điều 9" for "Điều
    9" of a decision whose regulation holds the articles) when it has one such part only."""
    if (sec := doc.section(ref)) is not None:
        return sec
    within = [s for s in doc.sections if s.id.endswith("." + ref) and s.id.count(".") == ref.count(".") + 1]
    return within[0] if len(within) == 1 else None
