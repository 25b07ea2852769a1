"""A section the question names ("Điều 9 Thông tư 124 quy định gì?", "mục III.2 của kế hoạch …"): that section."""

from __future__ import annotations

from retrieval.answers.context import Context
from retrieval.answers.evidence import Draft, Evidence, pick_lines
from retrieval.answers.question import Question


def gather(q: Question, ctx: Context) -> Draft | None:
    refs = [r for r in q.refs if r != "preamble"]
    if not refs:
        return None
    target = ctx.target(q)
    candidates = [target] if target else ctx.documents(q)
    for doc_id in candidates:
        doc = ctx.index.get(doc_id)
        evidence = []
        for ref in refs:
            sec = doc.section(ref)
            if sec is None:
                continue
            lines = pick_lines(doc, ref, "all")
            if lines:
                evidence.append(Evidence(doc.doc_id, ref, sec.heading, lines, score=1.0))
        if evidence:
            return Draft(evidence)
    return None
