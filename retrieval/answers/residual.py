"""The clause for everyone else, asked by someone who says they are not in a case its siblings provide for.

"Công ty tôi muốn khai thác dữ liệu trong Cơ sở dữ liệu tổng hợp quốc gia (không phải dữ liệu của chính công ty), có
phải nộp phí không?" of an article whose clause 2 exempts "dữ liệu của mình" and whose clause 3 charges "Tổ chức, cá
nhân không thuộc quy định tại khoản 1 và khoản 2 Điều này": clause 2 holds more of the question's words ("không
phải", "dữ liệu của"), clause 3 answers it. How an asker says they are not in a case and how a clause covers those
left over are general legal language (lexicon ``residual``), so the left-over clause goes first when the first
section found is one it leaves out and the words negated are not that clause's own.

    left_over_first(q, ctx, doc_id, hits)  # hits, the left-over clause first when asked so
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from core.text import fold
from retrieval.lexicon import lexicon
from retrieval.search import SectionHit

if TYPE_CHECKING:
    from retrieval.answers.context import Context
    from retrieval.answers.question import Question


def left_over_first(q: Question, ctx: Context, doc_id: str, hits: list[SectionHit]) -> list[SectionHit]:
    """``hits`` with a sibling clause covering those its siblings leave out first, when the first hit is a clause
    of ``doc_id`` it leaves out and the question negates words that clause does not hold; as they were else."""
    lx = lexicon()
    if not hits or hits[0].doc_id != doc_id:
        return hits
    negated = [m.group(1).strip() for p in lx.residual_asked for m in p.finditer(q.key)]
    if not negated:
        return hits
    doc = ctx.index.get(doc_id)
    first = doc.section(hits[0].section)
    if first is None or not first.parent:
        return hits
    own = _folded(doc.section_text(first.id, own=True))
    if all(f" {words} " in own for words in negated):  # "không phải nộp phí" is the clause's own words
        return hits
    number = first.id.rsplit(".", 1)[-1]
    for sibling in doc.children(first.parent):
        if sibling.id == first.id:
            continue
        text = _folded(doc.section_text(sibling.id, own=True))
        left = [m.group(1) for p in lx.residual_rule for m in p.finditer(text)]
        if any(number in re.findall(r"\w+", span) for span in left):
            hit = next((h for h in hits if (h.doc_id, h.section) == (doc_id, sibling.id)), None)
            if hit is None:
                hit = SectionHit(doc_id, sibling.id, sibling.heading, hits[0].score)
            return [hit, *(h for h in hits if h is not hit)]
    return hits


def _folded(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", fold(text).lower())) + " "
