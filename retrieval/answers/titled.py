"""The section a question names by its title: "Điều kiện đăng ký dự tuyển công chức là gì?" asks for "Điều 19.
Điều kiện đăng ký dự tuyển công chức" whole, not the points of it that matched best.

    titled_section(ctx, hits, Coverage(terms, weights), floor=1.0)  # SectionHit | None

One item of a list named by the words of its heading no other item holds ("kế toán … tiền xăng xe") goes before the
list it is part of: ``named_item_first``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from core.types import Document, Section
from ingest.outline import QUOTED_ARTICLE
from retrieval.answers.context import Context
from retrieval.answers.header import header_words, unnamed
from retrieval.answers.question import Question
from retrieval.extract import Coverage, QueryTerms, query_terms, section_lines, text_terms
from retrieval.search import SectionHit

TITLED_HITS = 3  # best hits whose sections (and those above them) are read for a heading naming the question
SIBLING_HITS = 5  # best hits read for a sibling whose heading the question holds, without the first one's added words
MAX_JOINT_PARTS = 6  # a section of more parts is not answered whole for the headings of two of them
QUOTED_READ = 600  # characters read after a heading for a quoted title
HEADING_HELD = 2 / 3  # share of a heading's own content words the question must hold for the heading to name it
HEADING_HELD_ANYWHERE = 1.0  # … for a heading of the document named, read beyond the best hits: all of them
_LEAD_END = re.compile(r":|[.;](?:\s|$)")  # where a run-in heading ends


def titled_section(
    ctx: Context,
    hits: list[SectionHit],
    terms: QueryTerms,
    covers: Coverage,
    floor: float,
    *,
    joint: Coverage | None = None,
) -> SectionHit | None:
    """The section, among the best hits and the sections above them, whose own heading holds the question's
    content terms (``floor``: all of them), the most specific one first: "Điều kiện đăng ký dự tuyển công chức là
    gì?" asks for "Điều 19. Điều kiện đăng ký dự tuyển công chức", not the points of it that matched best.

    Failing one, a short section whose heading with those of two of its parts holds them: "hiệu lực khi nào, thay
    thế văn bản nào?" asks for the whole "Hiệu lực thi hành", whose clauses each answer half (``joint``: the
    coverage read there, default ``covers``, which is ``terms``').

    A heading counts only when the question holds at least ``HEADING_HELD`` of its own words: an item's opening
    sentence that mentions the words asked in passing ("Trên cơ sở kết quả …, Sở Y tế …") is no title of it."""
    alts = _alternatives(terms)
    best: tuple[float, int, int, SectionHit] | None = None
    read: list[tuple[Document, Section, frozenset[str]]] = []
    seen: set[tuple[str, str]] = set()
    for h in hits[:TITLED_HITS]:
        doc = ctx.index.get(h.doc_id)
        sec = doc.section(h.section)
        while sec is not None:
            if (h.doc_id, sec.id) not in seen:
                seen.add((h.doc_id, sec.id))
                own = _heading_terms(ctx, doc, sec)
                read.append((doc, sec, own))
                share = covers(own) if _held(ctx, terms, alts, doc, sec) >= HEADING_HELD else 0.0
                direct = sum(t in own for t in terms.uni)  # its own words before a thesaurus phrase standing in
                if best is None or (share, direct, sec.level) > best[:3]:
                    best = (share, direct, sec.level, SectionHit(h.doc_id, sec.id, sec.heading, hits[0].score))
            sec = doc.section(sec.parent) if sec.parent else None
    if best is not None and best[0] >= floor:
        return best[3]
    whole = joint or covers
    found = [(sec.level, doc, sec) for doc, sec, own in read if _with_parts(ctx, doc, sec, own, whole) >= floor]
    if not found:
        return None
    _, doc, sec = max(found, key=lambda j: j[0])
    return SectionHit(doc.doc_id, sec.id, sec.heading, hits[0].score)


def headed_anywhere(
    ctx: Context, doc_id: str, terms: QueryTerms, covers: Coverage, floor: float, score: float
) -> SectionHit | None:
    """The section of the one document a question names, anywhere in it, whose heading the question holds whole
    and which holds the question's content terms (``floor``), the most specific first: "Tổ chức thực hiện của kế
    hoạch 153 là gì?" asks the part so headed, though the search found a point that says "tổ chức thực hiện" in
    passing and the part was not above any of the best hits."""
    alts = _alternatives(terms)
    doc = ctx.index.get(doc_id)
    best: tuple[float, int, int, Section] | None = None
    for sec in doc.sections:
        if _held(ctx, terms, alts, doc, sec) < HEADING_HELD_ANYWHERE:
            continue
        own = _heading_terms(ctx, doc, sec)
        key = (covers(own), sum(t in own for t in terms.uni), sec.level)
        if key[0] >= floor and (best is None or key > best[:3]):
            best = (*key, sec)
    return SectionHit(doc_id, best[3].id, best[3].heading, score) if best is not None else None


def _alternatives(terms: QueryTerms) -> frozenset[str]:
    """The words of the thesaurus phrases standing in for the question's terms."""
    return frozenset(f"f:{w}" for groups in terms.alt_of.values() for alt in groups for w in alt)


def _held(ctx: Context, terms: QueryTerms, alts: frozenset[str], doc: Document, sec: Section) -> float:
    """The share of a heading's content words the question holds (in its words or a thesaurus phrase of them); of
    an amending clause, those of the article title it quotes ("Sửa đổi, bổ sung Điều 21 như sau:" says only how)."""
    own = ctx.index.remembered(
        ("heading words", doc.doc_id, doc.content_hash, sec.id),
        lambda: frozenset(query_terms(ctx.analyzer, _quoted_title(doc, sec) or sec.heading).uni),
    )
    return _share_held(own, terms, alts)


def _share_held(own: frozenset[str], terms: QueryTerms, alts: frozenset[str]) -> float:
    """The share of a heading's words the question holds, in its words or a thesaurus phrase of them (0: none)."""
    return sum(t in terms.uni or t in alts for t in own) / len(own) if own else 0.0


def held_sibling_first(
    ctx: Context, hits: list[SectionHit], terms: QueryTerms, states: Callable[[str], bool] | None = None
) -> list[SectionHit]:
    """Of two sibling sections close in score whose whole headings differ only by words the first one's adds ("Cấp
    lại Chứng chỉ hành nghề …" beside "Cấp Chứng chỉ hành nghề …"), the one whose heading the question holds
    (``HEADING_HELD``) goes first when the question holds none of the words added: they name a case not asked (a
    fee for a first certificate is not the one for its reissue). With ``states`` (a date or an amount asked), only
    a sibling with a line stating it. Nothing is dropped."""
    if len(hits) < 2:
        return hits
    first = hits[0]
    doc = ctx.index.get(first.doc_id)
    sec = doc.section(first.section)
    if sec is None:
        return hits
    alts = _alternatives(terms)
    own_first = _whole_heading_words(ctx, doc, sec)
    share = ctx.policy.answer.runner_up * first.score
    for i, h in enumerate(hits[1:SIBLING_HITS], 1):
        other = doc.section(h.section) if h.doc_id == first.doc_id and h.score >= share else None
        if other is None or other.parent != sec.parent:
            continue
        own = _whole_heading_words(ctx, doc, other)
        if not own < own_first or any(t in terms.uni or t in alts for t in own_first - own):
            continue
        if _share_held(own, terms, alts) < HEADING_HELD:
            continue
        if states is None or any(states(ln.text) for ln in section_lines(doc, other.id, own=False)):
            return [h, *hits[:i], *hits[i + 1 :]]
    return hits


def _whole_heading_words(ctx: Context, doc: Document, sec: Section) -> frozenset[str]:
    """The content words of a section's whole heading (``whole_heading``)."""
    return ctx.index.remembered(
        ("whole heading words", doc.doc_id, doc.content_hash, sec.id),
        lambda: frozenset(query_terms(ctx.analyzer, whole_heading(doc, sec)).uni),
    )


def whole_heading(doc: Document, sec: Section) -> str:
    """A section's heading, whole: a clause's run-in heading cut short ("Nội dung chi … giải thể thao cho…") read
    from its first line, to the colon or the end of its first sentence ("… hội thao tại các cơ sở giáo dục")."""
    if not sec.heading.endswith("…"):
        return sec.heading
    end = doc.text.find("\n", sec.start, sec.body_end)
    first = doc.text[sec.start : end if end >= 0 else sec.body_end]
    start = first.find(sec.heading[:-1])  # after its number ("6. ")
    return _LEAD_END.split(first[start:], maxsplit=1)[0] if start >= 0 else sec.heading


def _heading_terms(ctx: Context, doc: Document, sec: Section) -> frozenset[str]:
    """A section's heading as terms, with the title of the article an amending clause quotes ("16. Sửa đổi, bổ
    sung Điều 21 như sau:" above "“Điều 21. Phạm vi được hưởng …"): that title is what the clause is about."""

    return ctx.index.remembered(
        ("heading terms", doc.doc_id, doc.content_hash, sec.id),
        lambda: text_terms(ctx.analyzer, _heading_text(doc, sec)),
    )


def _heading_text(doc: Document, sec: Section) -> str:
    """A section's heading, and the title of the article an amending clause quotes below it."""
    quoted = _quoted_title(doc, sec)
    return f"{sec.heading}\n{quoted}" if quoted else sec.heading


def _quoted_title(doc: Document, sec: Section) -> str | None:
    """The title of the article an amending clause quotes on its second line ("“Điều 21. Phạm vi được hưởng …")."""
    second = doc.text[sec.start : min(sec.body_end, sec.start + QUOTED_READ)].split("\n")[1:2]
    quoted = QUOTED_ARTICLE.match(second[0].strip()) if second else None
    return quoted.group(2) if quoted else None


def _with_parts(ctx: Context, doc: Document, sec: Section, own: frozenset[str], covers: Coverage) -> float:
    """How much of the question a short section's heading holds with the headings of two of its parts (the best
    one, then the one adding most); 0 when the section has one part or more than ``MAX_JOINT_PARTS``."""
    parts = doc.children(sec.id)
    if not 2 <= len(parts) <= MAX_JOINT_PARTS:
        return 0.0
    terms = [_heading_terms(ctx, doc, p) for p in parts]
    first = max(range(len(terms)), key=lambda i: covers(own | terms[i]))
    return max(covers(own | terms[first] | t) for i, t in enumerate(terms) if i != first)


def named_item_first(q: Question, ctx: Context, hits: list[SectionHit], terms: QueryTerms) -> list[SectionHit]:
    """When the first section found has parts and the name of exactly one part (its heading before a colon or a
    bracket) holds two words of the question together that neither the first section's own text with its heading
    path nor any of its other parts holds, that part goes first, scored as the first: the question names that item
    ("kế toán … tiền xăng xe" of "Điều 10. Hỗ trợ tiền xăng xe … như sau:" and its items "1. Hiệu trưởng: …", "3. Kế
    toán (giao dịch Kho bạc Nhà nước …): 250.000 đồng/tháng.", whose bracket names nothing). Words of the document's
    header fields name no item; a question asking a list ("những ai …") names no one item. Nothing is dropped; the
    order is as it was otherwise."""
    if not hits or q.asking("list"):
        return hits
    first = hits[0]
    doc = ctx.index.get(first.doc_id)
    sec = doc.section(first.section) if doc is not None else None
    if doc is None or sec is None or sec.body_end >= sec.end:
        return hits
    parts = [s for s in doc.sections if s.parent == sec.id]
    if len(parts) < 2:
        return hits
    # two words together, not those naming the document: one alone names no item ("cấp" of "cấp trên", "cấp xã")
    asked = unnamed(terms, header_words(ctx.analyzer, doc)).bi
    above = text_terms(ctx.analyzer, "\n".join([*doc.heading_path(sec.id), doc.section_text(sec.id, own=True)]))
    texts = {p.id: _part_words(ctx, doc, p) for p in parts}
    named = [p for p in parts if _only((text_terms(ctx.analyzer, _item_name(doc, p)) & asked) - above, p, texts)]
    if len(named) != 1:
        return hits
    item = named[0]
    rest = [h for h in hits if (h.doc_id, h.section) != (doc.doc_id, item.id)]
    return [SectionHit(doc.doc_id, item.id, item.heading, first.score), *rest]


def _item_name(doc: Document, sec: Section) -> str:
    """An item's name: its whole heading before a colon or a bracket ("Kế toán" of "Kế toán (giao dịch …)")."""
    return re.split(r"[:(]", whole_heading(doc, sec), maxsplit=1)[0]


def _only(held: frozenset[str], part: Section, texts: dict[str, frozenset[str]]) -> bool:
    """Whether a pair of words held is in no other part's text."""
    return any(all(t not in words for pid, words in texts.items() if pid != part.id) for t in held)


def _part_words(ctx: Context, doc: Document, sec: Section) -> frozenset[str]:
    """The words of a section's whole text, read once per document version."""
    return ctx.index.remembered(
        ("part words", doc.doc_id, doc.content_hash, sec.id),
        lambda: text_terms(ctx.analyzer, doc.section_text(sec.id, own=False)),
    )
