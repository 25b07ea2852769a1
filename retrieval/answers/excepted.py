"""A rule that excepts a sibling ("…, trừ đối tượng quy định tại điểm c khoản này: cấm lưu thông …") gives way to
that sibling when the question holds words only the sibling holds: the question asks the exception."""

from __future__ import annotations

import re

from core.types import Document, Section
from ingest.numbering import classify
from retrieval.answers.context import Context
from retrieval.answers.figure_lines import beyond_header
from retrieval.answers.phrases import clause_key
from retrieval.answers.question import Question, fkey
from retrieval.extract import text_terms
from retrieval.lexicon import lexicon
from retrieval.search import SectionHit

EXCEPTION_DEPTH = 4  # first sections read for the sibling a first one excepts

#: "trừ đối tượng quy định tại điểm c khoản này": a point of the same clause, as the text writes it ("khấu trừ", "tạm
#: trú" are none; a point of another clause, "điểm e, khoản 5, Điều 9", is not this clause's)
_EXCEPTS = re.compile(r"\btrừ (?:\w+ ){0,4}?quy định tại điểm ([a-zđ])\b(?![,\s]*(?:khoản|điều) \d)", re.I)


def exception_first(ctx: Context, q: Question, hits: list[SectionHit]) -> list[SectionHit]:
    """Among the first ``EXCEPTION_DEPTH`` sections scoring ``runner_up`` of the first one, a rule that is the first
    one or its sibling and excepts another of them (a point of its clause): the excepted
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
    # a sibling setting a case apart ("d) Riêng các công trình trên địa bàn huyện Minh Hóa …: … 100%"): first when
    # the question holds words of that case the first section does not ("huyện mình là Minh Hóa … hỗ trợ 70%?"),
    # as typed when typed with diacritics ("tuyến đê" is no "Tuyên Hóa"), not words it negates ("… do xã quản lý
    # (không thuộc Minh Hóa hay Tuyên Hóa)")
    content = {t[2:] for t in ctx.terms(q).uni}
    unsaid = {
        w
        for clause in clause_key(q.text).split("|")
        if (m := _NEGATED.search(f" {clause} "))
        for w in m.group(1).split()
    }
    asked = {w for w in _words(q.typed, q.accented) if (f := fkey(w).strip()) in content and f not in unsaid}
    for special, at in close.items():
        sec = doc.section(special)
        case = _case_set_apart(doc, sec) if sec is not None and sec.parent == first.parent and at else None
        if case and (_words(case, q.accented) - _words(doc.section_text(top.section), q.accented)) & asked:
            return [hits[at], *hits[:at], *hits[at + 1 :]]
    return hits


#: What a clause of the question says the asker's case is not: all of it after "không thuộc", "không phải" …
_NEGATED = re.compile(r" (?:khong|chua) (?:phai|thuoc|nam trong|o)((?: \w+)+)")


def _words(text: str, accented: bool) -> set[str]:
    """A text's words, lower case, folded unless ``accented``."""
    words = re.findall(r"[^\W_]+", text.lower())
    return set(words) if accented else {fkey(w).strip() for w in words}


def _case_set_apart(doc: Document, sec: Section) -> str | None:
    """The case a point sets apart, when its own text opens so (lexicon ``special_case``): its words before its
    colon, else before its first comma or semicolon."""
    text = doc.section_text(sec.id, own=True).strip()
    marker = classify(text)
    rest = marker.rest if marker is not None and marker.rest else text
    if not any(fkey(rest).startswith(f" {o} ") for o in lexicon().special_openers):
        return None
    return re.split(r"[:;,]", rest, maxsplit=1)[0]


def _excepted(doc: Document, sec: Section) -> str | None:
    """The point of the same clause a section's own text excepts ("trừ … quy định tại điểm c khoản này"), as a
    section id. Clauses a text excepts ("khoản 3 Điều này") are not followed: in an amending law "Điều này" is the
    article amended, quoted, not the one holding it."""
    m = _EXCEPTS.search(doc.section_text(sec.id, own=True))
    return f"{sec.parent}.{m.group(1).lower()}" if m and sec.parent else None
