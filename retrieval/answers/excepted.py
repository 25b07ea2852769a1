"""A rule that excepts a sibling ("…, trừ đối tượng quy định tại điểm c khoản này: cấm lưu thông …") gives way to
that sibling when the question holds words only the sibling holds: the question asks the exception."""

from __future__ import annotations

import itertools
import re

from core.types import Document, Section
from ingest.numbering import classify
from retrieval.answers.context import Context
from retrieval.answers.figure_lines import beyond_header
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
    # a sibling setting a case apart by name ("d) Riêng các công trình trên địa bàn huyện Minh Hóa …: … 100%"):
    # first when the question names it, two of its name's words in a row ("huyện mình là Minh Hoa … hỗ trợ 70%?"),
    # as typed when typed with diacritics, and not in what the question says the asker's case is not ("… do xã
    # quản lý (không thuộc Minh Hóa hay Tuyên Hóa)"); a common word of the case ("trên địa bàn", "văn hóa",
    # "tuyến đê") tells nothing
    asked = _pairs(_unsaid(q.typed), q.accented)
    for special, at in close.items():
        sec = doc.section(special)
        case = _case_set_apart(doc, sec) if sec is not None and sec.parent == first.parent and at else None
        if case and _pairs(case, q.accented, names=True) & asked:
            return [hits[at], *hits[:at], *hits[at + 1 :]]
    return hits


#: What a clause of the question says the asker's case is not: a few words after "không thuộc", "không phải" …,
#: up to a word turning to what it is ("xã tôi không phải chủ đầu tư nhưng công trình ở huyện …").
_NEGATED = re.compile(
    r"\b(?:không|chưa|khong|chua) (?:phải|thuộc|nằm trong|ở|phai|thuoc|nam trong|o)\b((?:\s+(?!(?:nhưng|mà|thì|nhung|ma|thi)\b)[^\W_]+){1,6})",
    re.I,
)


def _unsaid(text: str) -> str:
    """The question without what it says the asker's case is not."""
    return _NEGATED.sub(" | ", text)


def _pairs(text: str, accented: bool, *, names: bool = False) -> set[tuple[str, str]]:
    """Two words in a row of a text, lower case, folded unless ``accented``; with ``names``, only those both
    capitalised (a name: "Minh Hóa")."""
    out = set()
    for part in re.split(r"[^\w\s]|\|", text):
        for a, b in itertools.pairwise(re.findall(r"[^\W_]+", part)):
            if names and not (a[:1].isupper() and b[:1].isupper()):
                continue
            pair = (a.lower(), b.lower())
            out.add(pair if accented else (fkey(pair[0]).strip(), fkey(pair[1]).strip()))
    return out


def _case_set_apart(doc: Document, sec: Section) -> str | None:
    """The case a point sets apart, when its own text opens so (lexicon ``special_case``): its words after the
    opener and before its colon, else before its first comma or semicolon."""
    text = doc.section_text(sec.id, own=True).strip()
    marker = classify(text)
    rest = marker.rest if marker is not None and marker.rest else text
    opener = next((o for o in lexicon().special_openers if fkey(rest).startswith(f" {o} ")), None)
    if opener is None:
        return None
    rest = rest.split(maxsplit=len(opener.split()))[-1]  # "Riêng Trường …": the opener is no part of a name
    return rest.split(":", 1)[0] if ":" in rest else re.split(r"[;,]", rest, maxsplit=1)[0]


def _excepted(doc: Document, sec: Section) -> str | None:
    """The point of the same clause a section's own text excepts ("trừ … quy định tại điểm c khoản này"), as a
    section id. Clauses a text excepts ("khoản 3 Điều này") are not followed: in an amending law "Điều này" is the
    article amended, quoted, not the one holding it."""
    m = _EXCEPTS.search(doc.section_text(sec.id, own=True))
    return f"{sec.parent}.{m.group(1).lower()}" if m and sec.parent else None
