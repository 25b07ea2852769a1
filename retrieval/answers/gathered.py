"""Items of one list that answer a question together: its list, whole, answers first.

"Muốn dự tuyển công chức thì cần điều kiện gì về tuổi và quốc tịch?": the points "a) Có 01 quốc tịch …" and
"c) Đủ 18 tuổi trở lên" each match half of it and a neighbouring clause matches as well as either; the clause
announcing them ("1. Người có đủ các điều kiện sau đây …:") holds both halves. When two or more of the best
sections are items of one section whose own lines announce them, and that section with its items holds clearly
more of the question than any of the best sections alone (``AnswerPolicy.gathered_margin``), it answers first,
quoted whole (a list short enough to read on a phone). So does a section two or more of whose items the question
names by what sets their headings apart ("xếp loại tốt, khá, trung bình": items headed "Loại tốt", "Loại khá",
"Loại trung bình"), when one of them is among the best sections.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable

from retrieval.answers.context import Context
from retrieval.answers.figure_lines import states_in
from retrieval.answers.header import untitled
from retrieval.answers.question import Question, fkey
from retrieval.extract import Coverage, section_lines, text_terms
from retrieval.lexicon import lexicon
from retrieval.search import SectionHit

GATHER_HITS = 4  # best sections read for items of one list
MAX_LIST_LINES = 12
MAX_LIST_CHARS = 1800
MAX_ITEMS = 8  # a section of more items is not named item by item


def gathered(
    q: Question,
    ctx: Context,
    hits: list[SectionHit],
    covers: Coverage,
    margin: float,
    states: Callable[[str], bool] | None = None,
) -> SectionHit | None:
    """The section whose items among the best hits answer together, when it holds more of the question.

    ``states``: what a line answering the question states (a day, an amount); when the best section states it,
    only items that state it too answer together (the one point of a unit's duties stating the day asked is the
    answer, not the duties whole)."""
    if (named := _items_named(q, ctx, hits)) is not None:
        return named
    stating = states if states is not None and states_in(ctx, hits[0], states) else None
    groups: dict[tuple[str, str], list[frozenset[str]]] = defaultdict(list)
    for h in hits[:GATHER_HITS]:
        sec = ctx.index.get(h.doc_id).section(h.section)
        if stating is not None and not states_in(ctx, h, stating):
            continue
        if sec is not None and sec.parent:
            groups[(h.doc_id, sec.parent)].append(_terms(ctx, h.doc_id, h.section))
    best = max(covers(_terms(ctx, h.doc_id, h.section)) for h in hits[:GATHER_HITS])
    # items that each hold what another does not ("tuổi" in one, "quốc tịch" in the next), not near-identical
    # siblings one of which the question asks ("xe mô tô chạy xăng … kinh doanh vận tải" among other vehicles)
    lists = [
        key for key, items in groups.items() if len(items) >= 2 and covers(frozenset().union(*items)) >= best + margin
    ]
    for doc_id, parent in lists:
        doc = ctx.index.get(doc_id)
        own = section_lines(doc, parent)
        if not own or not own[-1].text.rstrip().endswith(":"):
            continue  # items of a section that does not announce them as a list
        if not _short(ctx, doc_id, parent):
            continue
        if covers(_terms(ctx, doc_id, parent)) >= best + margin:
            sec = doc.section(parent)
            return SectionHit(doc_id, parent, sec.heading if sec else "", hits[0].score)
    return None


def _items_named(q: Question, ctx: Context, hits: list[SectionHit]) -> SectionHit | None:
    """The section of a best hit two or more of whose items the question names by their own heading words."""
    seen: set[tuple[str, str]] = set()
    for h in hits[:GATHER_HITS]:
        doc = ctx.index.get(h.doc_id)
        sec = doc.section(h.section)
        if sec is None or not sec.parent or (h.doc_id, sec.parent) in seen:
            continue
        seen.add((h.doc_id, sec.parent))
        items = doc.children(sec.parent)
        if not 2 <= len(items) <= MAX_ITEMS or not _short(ctx, h.doc_id, sec.parent):
            continue
        words = [fkey(i.heading).split() for i in items]
        shared = {w for w, n in Counter(w for ws in words for w in set(ws)).items() if n >= 2}  # "loại" of "Loại tốt"
        own = [" ".join(w for w in ws if w not in shared) for ws in words]
        # the sentences that ask, after a story told first ("con tôi … thấy điểm thấp. Xin hỏi muốn phúc khảo …":
        # the story's "điểm" names no item "a) Điểm thi"), without the title and headings above (not the list's own)
        asked = fkey(q.asked) if q.told_apart and q.asked else q.key
        key = untitled(asked, [doc.title or "", *doc.heading_path(sec.parent)[:-1]])
        if sum(1 for phrase in own if phrase and _names(key, phrase)) >= 2:
            parent = doc.section(sec.parent)
            return SectionHit(h.doc_id, sec.parent, parent.heading if parent else "", hits[0].score)
    return None


def _short(ctx: Context, doc_id: str, section: str) -> bool:
    whole = section_lines(ctx.index.get(doc_id), section, own=False)
    return len(whole) <= MAX_LIST_LINES and sum(len(ln.text) for ln in whole) <= MAX_LIST_CHARS


def _terms(ctx: Context, doc_id: str, section: str) -> frozenset[str]:
    doc = ctx.index.get(doc_id)

    def compute() -> frozenset[str]:
        return text_terms(ctx.analyzer, " ".join(doc.heading_path(section)) + "\n" + doc.section_text(section))

    return ctx.index.remembered(("gathered terms", doc_id, doc.content_hash, section), compute)


def _names(key: str, phrase: str) -> bool:
    """Whether a question's folded words name an item by a phrase of its heading, not only as what it counts
    ("bao nhiêu ngày" names no item "a) Đối với chuyến trải nghiệm trong ngày")."""
    counting = tuple(f" {w} " for w in lexicon().counting["after"])
    return any(not key[: m.start() + 1].endswith(counting) for m in re.finditer(f"(?= {re.escape(phrase)} )", key))
