"""Which section answers a "when" or "how much" question first: one whose line states what is asked.

The search ranks sections by all of the question's words; a question asking a figure (a date, an amount, a
percentage) is answered by the line that states it, so among close sections the one whose stating line holds
more of the question comes first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from core.types import Document, part_of
from ingest.layout import APPENDIX_IDS
from retrieval.answers.context import Context
from retrieval.answers.evidence import under_table_unit
from retrieval.answers.header import rest_terms
from retrieval.answers.question import Question, has
from retrieval.extract import Coverage, QueryTerms, section_lines, text_terms
from retrieval.lexicon import lexicon
from retrieval.search import SectionHit
from retrieval.targeting import profile_text

FIGURE_LINE_DEPTH = 3  # sections a "when" or "how much" question compares by their lines stating it


def beyond_header(ctx: Context, doc: Document, terms: QueryTerms) -> QueryTerms:
    """The question's terms without those its document's header holds."""
    header = text_terms(ctx.analyzer, profile_text(doc))
    return replace(terms, uni={t for t in terms.uni if t not in header}, bi={t for t in terms.bi if t not in header})


def figure_line_first(
    ctx: Context,
    q: Question,
    hits: list[SectionHit],
    states: Callable[[str], bool],
    asking: tuple[str, ...] = (),
    *,
    headed: bool = False,
) -> list[SectionHit]:
    """Among the first sections scoring ``runner_up`` of the first one, the one whose line stating what is asked (a
    time, an amount) holds clearly more of the question (``figure_line_margin``), first: a long article stating
    other dates does not answer "được đổi vào thời gian nào" before the short one that says when ("trong 15 ngày
    đầu của mỗi quý"), nor an appendix's scoring table "chỉ tiêu bao nhiêu %" before the target itself. A line is
    read with its section's headings ("Các trường hợp hộp thư … bị tạm khóa" above "a) … 45 ngày"), without its
    list marker ("5. Hồ sơ học viên" counts no học viên; ``headed``, a "when" asked: a heading stating it states it for
    every line below, "b) Ban Thường vụ Đảng ủy (họp ngày 07/9/2026)" dates its items), against the question's terms beyond its document's
    header (naming the document tells no section apart), nor the phrases that ask it (``asking``, folded: "vào thời
    gian nào" matches no line's "có thời gian tham gia bảo hiểm y tế 5 năm"; a word also used elsewhere in the
    question still counts)."""
    p = ctx.policy.answer
    terms, weights = _without_asking(ctx, q, asking), ctx.weights()

    def best_line(h: SectionHit) -> float:
        doc = ctx.index.get(h.doc_id)
        covers = Coverage(beyond_header(ctx, doc, terms), weights)
        head = text_terms(ctx.analyzer, " ".join(doc.heading_path(h.section)))  # read once, not with every line
        sec = doc.section(h.section)
        dated = headed and sec is not None and bool(sec.heading) and states(sec.heading)  # "b) BTV (họp ngày 07/9)"
        lines = [ln for ln in section_lines(doc, h.section, own=False) if dated or states(ln.clean)]
        return max((covers(head | text_terms(ctx.analyzer, ln.text)) for ln in lines), default=-1.0)

    close = [i for i, h in enumerate(hits[:FIGURE_LINE_DEPTH]) if h.score >= p.runner_up * hits[0].score]
    if len(close) < 2:
        return hits
    shares = {i: best_line(hits[i]) for i in close}
    i = max(close, key=lambda j: (shares[j], -j))
    if i == 0 or shares[i] < shares[0] + p.figure_line_margin:
        return hits
    return [hits[i], *hits[:i], *hits[i + 1 :]]


def _without_asking(ctx: Context, q: Question, asking: tuple[str, ...]) -> QueryTerms:
    """The question's terms without those only the phrases ``asking`` hold."""
    terms = ctx.terms(q)
    if not asking:
        return terms
    rest = rest_terms(ctx.analyzer, q.text, asking)
    return replace(terms, uni=terms.uni & rest.uni, bi=terms.bi & rest.bi)


def states_in(ctx: Context, h: SectionHit, check: Callable[[str], bool], *, tabled: bool = False) -> bool:
    """Whether a line of a section found, its parts' included, states what ``check`` looks for (not a worked
    example's line: "Ví dụ: … còn lại 14 tháng" illustrates); ``tabled`` (an amount asked), or it is rows of a table
    whose unit a heading above gives (``under_table_unit``)."""
    doc = ctx.index.get(h.doc_id)
    example = lexicon().worked_example.match
    return any(check(ln.text) and not example(ln.text) for ln in section_lines(doc, h.section, own=False)) or (
        tabled and under_table_unit(doc, h.section)
    )


def stating_first(
    ctx: Context,
    hits: list[SectionHit],
    states: object,
    share: float,
    depth: int = 4,
    *,
    lead: Question | None = None,
    tabled: bool = False,
) -> list[SectionHit]:
    """Move the best section among the first ``depth`` that states a date (or amount) first when it scores
    ``share`` of the best one; given ``lead`` (the question), else a point whose clause states it in the lines
    announcing its points, the clause (``_announcing``). ``tabled``: see ``states_in``."""
    check = states if callable(states) else None
    if check is None:
        return hits

    def stated(h: SectionHit) -> bool:
        return states_in(ctx, h, check, tabled=tabled)

    if stated(hits[0]):
        return hits
    for i, h in enumerate(hits[1:depth], 1):
        if h.score >= share * hits[0].score and stated(h):
            return [h, *hits[:i], *hits[i + 1 :]]
    if lead is not None and (up := _announcing(ctx, lead, hits[:depth], check, share)) is not None:
        return [up, *(x for x in hits if not (x.doc_id == up.doc_id and part_of(x.section, up.section)))]
    return hits


def _announcing(
    ctx: Context, q: Question, hits: list[SectionHit], check: Callable[[str], bool], share: float
) -> SectionHit | None:
    """The clause of a point among ``hits`` whose lines announcing its points state what is asked and, with the
    point, hold as much of the question as the first section does ("1. Trong thời hạn 05 ngày làm việc kể từ ngày
    nhận đủ hồ sơ, … gửi cơ quan quản lý trực tiếp như sau:" over "a) Gửi Sở …", asked "sau khi nhận đủ hồ sơ …
    bao nhiêu ngày"); not a clause on another duty than the first section's ("công khai danh sách … trong bao nhiêu
    ngày" of a clause on making the list; "đào tạo, bồi dưỡng … bao lâu một lần" of "Thời gian nghỉ hằng năm …
    gồm:")."""
    covers = Coverage(ctx.terms(q), ctx.weights())  # read only here: most questions never get this far
    first = ctx.index.get(hits[0].doc_id)
    bar = covers(text_terms(ctx.analyzer, first.section_text(hits[0].section)))
    for h in hits:
        if h.score < share * hits[0].score:
            break
        doc = ctx.index.get(h.doc_id)
        sec = doc.section(h.section)
        clause = doc.section(sec.parent) if sec is not None and sec.parent else None
        if clause is None:
            continue
        own = section_lines(doc, clause.id)
        if not own or not own[-1].text.rstrip().endswith(":") or not any(check(ln.text) for ln in own):
            continue
        said = "\n".join([*(ln.text for ln in own), doc.section_text(h.section)])  # the clause's lead and the point
        if covers(text_terms(ctx.analyzer, said)) >= bar:
            return SectionHit(h.doc_id, clause.id, clause.heading, hits[0].score)
    return None


def body_before_appendix(
    ctx: Context, q: Question, hits: list[SectionHit], states: Callable[[str], bool]
) -> list[SectionHit]:
    """An appendix first ("Phụ lục I. Thang điểm …": a table repeating, row by row, the words of what it scores)
    gives way to a section of the body scoring ``runner_up`` of it whose line states what is asked (a target's
    "ít nhất 85%", a level's "bằng 60% mức chi"), unless the question asks for an appendix or a table (lexicon
    ``appendix_asked``)."""
    if len(hits) < 2 or not hits[0].section.startswith(APPENDIX_IDS) or has(q.key, *lexicon().appendix_asked):
        return hits
    share = ctx.policy.answer.runner_up * hits[0].score
    for i, h in enumerate(hits[1:FIGURE_LINE_DEPTH], 1):
        if h.score < share or h.section.startswith(APPENDIX_IDS):
            continue
        doc = ctx.index.get(h.doc_id)
        if any(states(ln.clean) for ln in section_lines(doc, h.section, own=False)):
            return [h, *hits[:i], *hits[i + 1 :]]
    return hits
