"""What a term means ("Điều phối dữ liệu là gì?"): the line of a document that defines it ("… là …").

Legal texts define their terms in a "Giải thích từ ngữ" article, one khoản per term starting with the term;
plans define theirs in passing ("… (sau đây gọi là …)"). The line whose start is the term answers.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from core.text import fold
from core.types import Document
from retrieval.answers.context import Context
from retrieval.answers.evidence import Draft, Evidence, pick_lines
from retrieval.answers.facts import fact_evidence, names_only
from retrieval.answers.header import header_words, rest_terms
from retrieval.answers.question import Question
from retrieval.extract import section_lines
from retrieval.lexicon import lexicon
from retrieval.search import SectionHit

_MARKER = re.compile(r"^(?:\d{1,3}[.)]|[a-zđ]\))\s*")


def gather(q: Question, ctx: Context) -> Draft | None:
    term = q.definition
    if not term:
        return None
    want = " ".join(term.split())
    for hit in itertools.chain(ctx.sections(q, 8), _term_hits(want, q, ctx)):
        doc = ctx.index.get(hit.doc_id)
        for line in section_lines(doc, hit.section, own=False):
            text = " ".join(re.sub(r"[^a-z0-9 ]", " ", fold(_MARKER.sub("", line.text)).lower()).split())
            if text.startswith(want + " ") and re.match(rf"{re.escape(want)} (?:la|duoc hieu la|bao gom|gom) ", text):
                section = doc.section_at(line.start) or hit.section  # the khoản that starts with the term
                sec = doc.section(section)
                heading = sec.heading if sec is not None else hit.heading
                return Draft([Evidence(hit.doc_id, section, heading, [line], score=hit.score)])
    return None


def _term_hits(term: str, q: Question, ctx: Context) -> Iterator[SectionHit]:
    """The sections the term alone finds within the question's documents, searched only when those the whole
    question found hold no line defining it: a story told first ("Mình là giáo viên THCS, định mức tiết dạy là
    gì?") weighs the whole question's search towards what the story says."""
    docs = ctx.documents(q)
    if docs:
        yield from ctx.searcher.within(ctx.searcher.plan(term, doc_ids=ctx.scope), docs, k=8)


def gist(q: Question, ctx: Context) -> Draft | None:
    """ "Thông tư 124 quy định những gì?": a named document's scope article (or its aims), whole; a document with
    neither ("I. QUAN ĐIỂM, PHẠM VI VÀ ĐỐI TƯỢNG HỖ TRỢ") is about what its title says."""
    if q.legal_keys or q.legal_pairs:  # a number names a stored document, or a cited one (not this route's)
        named = ctx.index.doc_by_number(q.legal_keys, q.legal_pairs)
        target = named.doc_id if named is not None else None
    else:
        target = ctx.target(q)
    if target is None:
        return None
    doc = ctx.index.get(target)
    cues = lexicon().gist["cues"]
    if _dated(q, doc, ctx, cues):  # "tháng 2/2026 … kiểm tra những nội dung gì": that month's, not the gist
        return None
    wanted = lexicon().gist["headings"]
    for sec in doc.sections:
        heading = " ".join(re.sub(r"[^a-z0-9 ]", " ", fold(sec.heading).lower()).split())
        if any(heading == w or heading.startswith(w + " ") for w in wanted):
            lines = pick_lines(doc, sec.id, "all")
            return Draft([Evidence(doc.doc_id, sec.id, sec.heading, lines)]) if lines else None
    if not names_only(q, doc, ctx, cues):  # "… Thuế tỉnh thẩm định nội dung gì": not the gist
        return None
    title = fact_evidence(doc, "title") if doc.title else None
    return Draft([title], group_by_doc=not title.statements) if title is not None else None


def _dated(q: Question, doc: Document, ctx: Context, cues: list[str]) -> bool:
    """Whether the question, beyond its cues and the document's header and title words, gives a figure (a month, a
    day, a number: "tháng 2/2026"): it asks what that one holds, not what the document is about ("Kế hoạch 45 được
    ban hành nhằm mục đích gì?" gives none)."""
    words = header_words(ctx.analyzer, doc, titled=True)
    return any(t[2:].isdigit() for t in rest_terms(ctx.analyzer, q.text, cues).uni if f" {t[2:]} " not in words)
