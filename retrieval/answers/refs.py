"""A section the question names ("Điều 9 Thông tư 124 quy định gì?", "mục III.2 của kế hoạch …"): that section."""

from __future__ import annotations

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
    if target and not any(_held(doc := ctx.index.get(target), ref) for ref in refs) and _owns(q, doc):
        return Draft([], final=True, reason=f"{doc_name(doc)} không có {', '.join(refs)}.")
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


def _owns(q: Question, doc: Document) -> bool:
    """Whether the sections named are the document's own: no other kind of document is named after them ("khoản 2
    Điều 28 Luật Thủ đô" asked of a resolution carrying it out is the law's article)."""
    kind = ref_owner_kind(q.key)
    return kind is None or kind == fold(doc.doc_type or "").lower()


def _held(doc: Document, ref: str) -> Section | None:
    """The document's section named, or the one of that number in a part of its own ("Quy chế.Điều 9" for "Điều
    9" of a decision whose regulation holds the articles) when it has one such part only."""
    if (sec := doc.section(ref)) is not None:
        return sec
    within = [s for s in doc.sections if s.id.endswith("." + ref) and s.id.count(".") == ref.count(".") + 1]
    return within[0] if len(within) == 1 else None
