"""Items of one list that answer a question together: its list, whole, answers first.

"Muốn dự tuyển công chức thì cần điều kiện gì về tuổi và quốc tịch?": the points "a) Có 01 quốc tịch …" and
"c) Đủ 18 tuổi trở lên" each match half of it and a neighbouring clause matches as well as either; the clause
announcing them ("1. Người có đủ các điều kiện sau đây …:") holds both halves. When two or more of the best
sections are items of one section whose own lines announce them, and that section with its items holds clearly
more of the question than any of the best sections alone (``AnswerPolicy.gathered_margin``), it answers first,
quoted whole (a list short enough to read on a phone). So does a section two or more of whose items the question
names by what sets their headings apart ("xếp loại tốt, khá, trung bình": items headed "Loại tốt", "Loại khá",
"Loại trung bình"), when one of them is among the best sections. And so does one member of near-identical siblings
that a question asking several things names by its whole heading ("vòng chung khảo … hình thức nào và diễn ra ngày
nào" of "2. Vòng chung khảo" beside "1. Vòng sơ khảo", ``asked_whole``), when one of its points is among the best
sections and it holds more of the question than they do.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable

from core.types import Document, Section
from retrieval.answers.context import Context
from retrieval.answers.figure_lines import states_in
from retrieval.answers.header import untitled
from retrieval.answers.question import Question, fkey
from retrieval.extract import Coverage, Line, section_lines, text_terms
from retrieval.lexicon import lexicon
from retrieval.search import SectionHit

GATHER_HITS = 4  # best sections read for items of one list
MAX_LIST_LINES = 12
MAX_LIST_CHARS = 1800
MAX_ITEMS = 8  # a section of more items is not named item by item
#: The id of an article, a chapter or a part ("Quy định.Điều 6", "Chương II", "IV"): no member of a family.
_PART = re.compile(r"(?:^|\.)(?:Điều \d+\w*|Chương [IVXLC]+|Mục \d+|[IVXLC]+)$")


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
    # siblings one of which the question asks ("xe mô tô chạy xăng … kinh doanh vận tải" among other vehicles);
    # or one item of a list the question names by its heading and no sibling by theirs ("học bổng loại giỏi …
    # điểm rèn luyện bao nhiêu, được bao nhiêu tiền": the clause "2. Học bổng loại giỏi" and its points), when it
    # holds more of the question than its points found alone
    lists: list[tuple[tuple[str, str], float | None]] = []
    for key, items in groups.items():
        if len(items) >= 2 and covers(frozenset().union(*items)) >= best + margin:
            lists.append((key, None))
        elif asked_whole(q, ctx, *key):
            lists.append((key, max(map(covers, items))))
    for (doc_id, parent), alone in lists:
        doc = ctx.index.get(doc_id)
        if not _announces(section_lines(doc, parent), headed=alone is not None):
            continue  # items of a section that does not announce them as a list
        if not _short(ctx, doc_id, parent):
            continue
        got = covers(_terms(ctx, doc_id, parent))
        if (got > alone) if alone is not None else (got >= best + margin):
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
        own = _own_phrases(items)  # "tốt" of "Loại tốt"
        key = _asked_key(q, doc, sec.parent)
        if sum(1 for phrase in own if phrase and _names(key, phrase)) >= 2:
            parent = doc.section(sec.parent)
            return SectionHit(h.doc_id, sec.parent, parent.heading if parent else "", hits[0].score)
    return None


def _announces(own: list[Line], *, headed: bool) -> bool:
    """Whether a section's own lines announce its items: a lead ending with a colon ("… gồm:"), or, for a member
    the question names by its heading (``headed``), that heading alone ("2. Vòng chung khảo"), a name over its
    points (items found together under a heading alone answer apart: "Điều 6. Quỹ học bổng" holds clauses, no
    list)."""
    if not own:
        return False
    last = own[-1].text.rstrip()
    return last.endswith(":") or (headed and len(own) == 1 and own[0].heading and not last.endswith((".", ";")))


def asked_whole(q: Question, ctx: Context, doc_id: str, section: str) -> bool:
    """Whether the question asks several things (``several_asked``: "thi theo hình thức nào và diễn ra ngày nào") of
    one member of near-identical siblings it names by its heading (``named_member``)."""
    return len(lexicon().several_asked.findall(_asking(q))) >= 2 and named_member(q, ctx, doc_id, section)


def named_member(q: Question, ctx: Context, doc_id: str, section: str) -> bool:
    """Whether the question names this section by its whole heading, and none of its siblings by theirs, where
    that heading is one of near-identical siblings' (more than half its words shared with their headings: "học bổng
    loại giỏi" of "2. Học bổng loại giỏi" beside "1. Học bổng loại xuất sắc", "3. Học bổng loại khá"; not "Tổ chức
    thực hiện" beside "Kinh phí thực hiện", nor "Sở Tài chính" among departments, none of its words its own)."""
    doc = ctx.index.get(doc_id)
    sec = doc.section(section)
    if sec is None or not sec.parent or _PART.search(section):
        return False  # articles and parts each have a topic of their own ("Mức học bổng", "Quỹ học bổng")
    items = doc.children(sec.parent)
    if not 2 <= len(items) <= MAX_ITEMS:
        return False
    key = _asked_key(q, doc, sec.parent)
    named = [i for i in items if _names(key, fkey(i.heading).strip())]
    if [i.id for i in named] != [section]:
        return False
    own, words = _own_phrases(items)[items.index(named[0])].split(), fkey(sec.heading).split()
    return bool(own) and len(words) - len(own) > ctx.policy.answer.member_shared * len(words)


def _asked_key(q: Question, doc: Document, parent: str) -> str:
    """The sentences that ask, after a story told first ("con tôi … thấy điểm thấp. Xin hỏi muốn phúc khảo …": the
    story's "điểm" names no item "a) Điểm thi"), without the title and headings above the list (not its own)."""
    return untitled(_asking(q), [doc.title or "", *doc.heading_path(parent)[:-1]])


def _asking(q: Question) -> str:
    """The folded sentences that ask: after a story told apart, those alone."""
    return fkey(q.asked) if q.told_apart and q.asked else q.key


def _own_phrases(items: list[Section]) -> list[str]:
    """Each item's heading without the words two or more items' headings share ("loại" of "Loại tốt")."""
    words = [fkey(i.heading).split() for i in items]
    shared = {w for w, n in Counter(w for ws in words for w in set(ws)).items() if n >= 2}
    return [" ".join(w for w in ws if w not in shared) for ws in words]


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
