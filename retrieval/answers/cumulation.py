"""Two things held or done at once, asked of a document that rules on that.

"Cùng một ngày tôi vừa làm giám thị vừa làm thư ký ban làm phách thì được nhận cả hai khoản không?" of a resolution
whose tables price each task and whose clause says "Trường hợp một người làm nhiều nhiệm vụ khác nhau trong một
ngày thì chỉ được hưởng một mức thù lao cao nhất": the rows naming the two tasks hold more of the question's
words, the clause answers it. How a question asks of two things at once and how a text rules on them are general
administrative language (lexicon ``cumulation``), so the document's one section so ruling goes first.

    rule_first(q, ctx, doc_id, hits)  # hits, the ruling section first when asked so
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.text import fold
from retrieval.answers.phrases import has
from retrieval.lexicon import lexicon
from retrieval.search import SectionHit, put_first

if TYPE_CHECKING:
    from retrieval.answers.context import Context
    from retrieval.answers.question import Question


def _ruling(ctx: Context, doc_id: str) -> list[str]:
    """The sections of a document whose own text rules on things held at once (read once per catalog version)."""
    doc = ctx.index.get(doc_id)
    rule = lexicon().cumulation_rule

    def compute() -> list[str]:
        return [
            s.id for s in doc.sections if rule.search(" ".join(fold(doc.section_text(s.id, own=True)).lower().split()))
        ]

    return ctx.index.remembered(("cumulation rule", doc_id, doc.content_hash), compute)


def rule_first(q: Question, ctx: Context, doc_id: str, hits: list[SectionHit]) -> list[SectionHit]:
    """``hits`` with the one section of ``doc_id`` ruling on things held at once first, when the question asks of
    two things at once and of being paid or granted for them (lexicon ``cumulation``); as they were when it does
    not, or when the document has no such section or several (each for its own case: the search tells them
    apart)."""
    lx = lexicon()
    if not hits or not lx.cumulation_asked.search(q.key) or not has(q.key, *lx.cumulation_paid):
        return hits
    ruled = _ruling(ctx, doc_id)
    if len(ruled) != 1:
        return hits
    section = ruled[0]
    if (hits[0].doc_id, hits[0].section) == (doc_id, section):
        return hits
    sec = ctx.index.get(doc_id).section(section)
    return put_first(hits, doc_id, section, sec.heading if sec is not None else "")
