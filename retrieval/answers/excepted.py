"""A rule that excepts a sibling ("…, trừ đối tượng quy định tại điểm c khoản này: cấm lưu thông …") gives way to
that sibling when the question holds words only the sibling holds: the question asks the exception."""

from __future__ import annotations

import re

from core.text import fold
from core.types import Document, Section
from retrieval.answers.context import Context
from retrieval.answers.figure_lines import beyond_header
from retrieval.answers.question import Question
from retrieval.extract import text_terms
from retrieval.search import SectionHit

EXCEPTION_DEPTH = 4  # first sections read for the sibling a first one excepts

#: "trừ đối tượng quy định tại điểm c khoản này", "trừ trường hợp quy định tại khoản 2 Điều này" (folded)
_EXCEPTS = re.compile(
    r"\btru (?:\w+ ){0,4}?quy dinh tai (?:(diem) ([a-zđ])\b(?! khoan \d)|(khoan) (\d{1,2})\b(?! dieu \d))"
)


def exception_first(ctx: Context, q: Question, hits: list[SectionHit]) -> list[SectionHit]:
    """Among the first ``EXCEPTION_DEPTH`` sections scoring ``runner_up`` of the first one, a rule that is the first
    one or its sibling and excepts another of them (a point of its clause, a clause of its article): the excepted
    sibling first when the question holds more of the words it holds and neither the rule nor the first one does
    than of the rule's own ("chạy grab bằng xe máy xăng … bị cấm hẳn hay chỉ theo khung giờ": the point on
    ride-hailing motorbikes, not the one on other motorbikes excepting it, nor the one on cars; "xe tải chạy dầu
    diesel …": the point on lorries first stays, the zone's words being the rule's and the exception's alike), and,
    the rule not first, more of its own than of the first one's ("Ủy ban nhân dân cấp tỉnh có trách nhiệm gì": the
    province's point first stays, not the defence ministry's that the police ministry's excepts). The question's
    words naming the document ("Luật Dữ liệu") are not weighed."""
    if len(hits) < 2:
        return hits
    top = hits[0]
    doc = ctx.index.get(top.doc_id)
    first = doc.section(top.section) if doc is not None else None
    if first is None or not first.parent:
        return hits
    p = ctx.policy.answer
    close = {
        h.section: i
        for i, h in enumerate(hits[:EXCEPTION_DEPTH])
        if h.doc_id == top.doc_id and h.score >= p.runner_up * top.score
    }
    terms, weights = beyond_header(ctx, doc, ctx.terms(q)), ctx.weights()  # "Luật Dữ liệu" tells no point apart
    held: dict[str, set[str]] = {}

    def words(section_id: str) -> set[str]:
        if section_id not in held:
            held[section_id] = text_terms(ctx.analyzer, doc.section_text(section_id))
        return held[section_id]

    def own(a: str, *others: str) -> float:
        """The question's words section ``a`` holds and none of ``others`` does, weighed."""
        return sum(
            weights.idf(t)
            for t in terms.uni
            if terms.covered(t, words(a)) and not any(terms.covered(t, words(o)) for o in others)
        )

    for rule in close:
        sec = doc.section(rule)
        if sec is None or sec.parent != first.parent:
            continue
        excepted = _excepted(doc, sec)
        at = close.get(excepted) if excepted else None
        # what sets the exception apart from its rule, and from the first section too (words both rule and exception
        # write, "vùng phát thải thấp", tell neither from a third sibling first)
        if (
            at
            and own(excepted, rule, top.section) > own(rule, excepted)
            and (rule == top.section or own(excepted, top.section) > own(top.section, excepted))
        ):
            return [hits[at], *hits[:at], *hits[at + 1 :]]
    return hits


def _excepted(doc: Document, sec: Section) -> str | None:
    """The sibling a section's text excepts ("trừ … quy định tại điểm c khoản này"), as a section id."""
    m = _EXCEPTS.search(fold(doc.section_text(sec.id)).lower())
    if m is None or not sec.parent:
        return None
    if m.group(1):  # a point of the same clause
        return f"{sec.parent}.{m.group(2)}"
    parent = doc.section(sec.parent)  # a clause of the same article: the point's clause's parent
    article = sec.parent if parent is None or not parent.parent or sec.id.count(".") < 2 else parent.parent
    return f"{article}.{m.group(4)}"
