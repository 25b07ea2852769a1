"""The text answers: the best sections of the documents the question is about, and their lines that answer.

Which lines depends on what is asked: a unit's duties or a list answer with the whole section; "when" with the
lines that state a date (a dated section close behind an undated best one answers first); "how much" with the
lines that state an amount; anything else with the lines that match the question best, in context. A section
close in score to the best is cited beside it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from core.text import fold
from core.types import Document, Section
from retrieval.analyzer import fold_word
from retrieval.answers import cumulation, ordinals, ranges, residual, siblings
from retrieval.answers.context import Context
from retrieval.answers.evidence import Draft, Evidence, Pick, cut_short, has_amount, pick_lines
from retrieval.answers.excepted import exception_first
from retrieval.answers.facts import names_only
from retrieval.answers.figure_lines import beyond_header, body_before_appendix, figure_line_first, stating_first
from retrieval.answers.forms import forms_last
from retrieval.answers.gathered import asked_whole, gathered
from retrieval.answers.header import field_words, unnamed
from retrieval.answers.priced import states_per_unit as per_unit
from retrieval.answers.question import Question, fkey, has
from retrieval.answers.refusal import says_day, states_asked, states_day
from retrieval.answers.titled import headed_anywhere, held_sibling_first, named_item_first, titled_section
from retrieval.answers.unit_order import (
    UNIT_HITS,
    give_way,
    named_unit_before_other,
    part_of,
    recipient_not_first,
    unit_first,
)
from retrieval.extract import Coverage, QueryTerms, days_stated, rank_lines, same_day, says_when, section_lines
from retrieval.lexicon import lexicon
from retrieval.search import CONTENT, SectionHit
from retrieval.targeting import profile_text

MAX_INTRO_LINES = 4  # a parent that announces a list in more lines is a section of its own
MAX_LIST_LINES = 10  # an announced list this short is quoted whole after its item
MAX_LIST_CHARS = 1500
DAY_HITS = 30  # sections read for the documents stating a day asked ("những kế hoạch nào … trước ngày 30/11")
MAX_DAY_LINES = 3
MAX_DAY_DOCUMENTS = 10
LENGTH_DEPTH = 8  # sections read for one stating a length of time asked ("trong bao lâu"): one rarely states one
_DURATION = lexicon().amount_kinds["duration"].figure
_WHEN = lexicon().time_statements


def _states_time(text: str) -> bool:
    """Whether a line says when: a date, a length of time ("45 (bốn mươi lăm) ngày"), a period or a time label."""
    return says_when(text) or bool(_DURATION.search(text) or _WHEN.search(text))


def _beside_effect(states: Callable[[str], bool]) -> Callable[[str], bool]:
    """``states``, not of a clause stating when a text or some of its provisions take effect ("2. Quy định liên
    quan đến … đăng ký khám bệnh, chữa bệnh bảo hiểm y tế ban đầu … có hiệu lực thi hành từ ngày 01 tháng 01 năm
    2025"): it says when the rule applies from, not when the thing asked is done ("được đổi nơi đăng ký vào thời
    điểm nào": "trong 15 ngày đầu của mỗi quý")."""
    effective = lexicon().effective_line

    def check(text: str) -> bool:
        return states(text) and not effective.search(text)

    return check


def _states_any(figures: list[re.Pattern[str]], text: str) -> bool:
    return any(f.search(text) for f in figures)


def _states_length(text: str) -> bool:
    """Whether a line states a length of time ("trong thời hạn 10 ngày", "05 (năm) ngày làm việc", "vĩnh viễn")."""
    return bool(_DURATION.search(text) or lexicon().lasting.search(text))


def _asking_when(q: Question) -> tuple[str, ...]:
    """The question's "when" cues that ask ("thoi gian nao", "khi nao", "bao lau": lexicon ``time_statements.asking``),
    not a label a line may hold too ("thoi gian thuc hien")."""
    lx = lexicon()
    return tuple(c for c in lx.intents["deadline"] if has(q.key, c) and lx.when_asking.intersection(c.split()))


_LEADS = re.compile(r"\bchủ trì\b", re.I)
_RECIPIENT = re.compile("|".join(lexicon().units["recipient_line"]))


def _states_lead(text: str) -> bool:
    """Whether a line names who leads: "Đơn vị chủ trì: Công an Thành phố" (every ``units.lead_label`` says
    "chủ trì"), "Sở Tư pháp chủ trì, phối hợp …"."""
    return bool(_LEADS.search(text))


def mode(q: Question) -> Pick:
    if q.asking("deadline"):
        return "dated"
    if q.asking("amount"):
        return "amount"
    if q.asking("duty", "list"):
        return "all"
    return "best"


def gather(q: Question, ctx: Context) -> Draft | None:
    if q.kinds and q.days:  # no document of the kind stating the day asked: none answers (no loose match)
        return _stating_day(q, ctx)
    p = ctx.policy.answer
    target = ctx.target(q)  # a question naming one document is answered from it alone
    hits = ctx.sections(q, max(ctx.k, 6), docs=[target] if target else None)
    if not hits:
        return None
    how = mode(q)
    if how == "amount" and target and _names_its_document(q, ctx.index.get(target)):
        how = "best"
    if how == "dated" and target and (span := _span(q, ctx, ctx.index.get(target), hits[0].score)) is not None:
        hits = [span, *(h for h in hits if (h.doc_id, h.section) != (span.doc_id, span.section))]
    counted = states_asked(q) if how == "amount" else None  # "bao nhiêu học viên": a number of học viên
    per = per_unit(q) if how == "amount" else None  # "bao nhiêu tiền 1 ha": "3 triệu đồng/ha"
    if how in ("dated", "amount"):
        day = says_day if not has(q.key, *lexicon().span_asked) else says_when  # "từ ngày nào đến …": dates
        stating = (day if q.asks_day else _states_time) if how == "dated" else counted or has_amount
        if how == "dated" and not has(q.key, *lexicon().effect_asked):  # not when a provision takes effect
            stating = _beside_effect(stating)
        asking = _asking_when(q) if how == "dated" else ()
        tabled = how == "amount" and counted is None  # a table's rows of bare figures, its unit given above them
        first = stating_first(ctx, hits, per, p.dated_runner_up)  # one stating a sum per the unit asked, else:
        if first is hits:
            first = stating_first(ctx, hits, stating, p.dated_runner_up, lead=q, tabled=tabled)
        hits = figure_line_first(ctx, q, first, stating, asking, headed=how == "dated")
        if how == "dated" and target:  # "Sở Tài chính báo cáo trước ngày nào?": not another unit's own date first
            # another unit's own day, of the month too ("trước ngày 20 hằng tháng"), gives way to the unit asked
            hits = named_unit_before_other(q, ctx, target, hits, states_day if q.asks_day else stating)
        if how == "dated" and q.asks_often:  # "bao lâu 1 lần": a recurrence, not one date
            recurs = lexicon().recurrence.search
            hits = stating_first(ctx, hits, lambda text: recurs(fold(text).lower()), p.dated_runner_up, lead=q)
            if target:
                hits = _period_first(q, ctx, target, hits)
    elif cued := [f for f, nouns in q.figures if not nouns]:  # "khiếu nại trong mấy ngày": asked by its words,
        # a section stating a figure of the kind (a length of time), the body's before an appendix's row; not a
        # noun's ("mức chi" may name the document)
        hits = stating_first(ctx, hits, figured := partial(_states_any, cued), p.dated_runner_up, lead=q)
        hits = body_before_appendix(ctx, q, hits, figured)
    if q.asking("lead") and how in ("best", "all"):  # "đơn vị nào chủ trì …": the task's line naming its lead
        hits = stating_first(ctx, hits, _states_lead, p.dated_runner_up)
    if q.asking("recipient") and how != "dated":  # "báo cáo gửi về đâu": a line naming where ("… (qua Sở Nội vụ)")
        hits = stating_first(ctx, hits, _RECIPIENT.search, p.dated_runner_up)
    # not "trong mấy ngày", "mấy điểm"; nor "đơn vị nào chủ trì …", asking which unit (one named is the asker's)
    if how in ("best", "all") and target and not (q.figures or q.counted or (q.asking("lead") and q.asked)):
        hits = unit_first(q, ctx, target, hits)
    hits = recipient_not_first(q, ctx, hits)
    hits = ordinals.asked_first(q, ctx, hits, UNIT_HITS)  # "cấp độ 4": under "Cấp IV", not "Cấp III"
    if target:  # "mức chi hội thi cấp trường": the clause headed for the school level, not the province's table
        hits = siblings.asked_first(q, ctx, target, hits, has_amount)
        hits = cumulation.rule_first(q, ctx, target, hits)  # "vừa … vừa …": the rule for both, not either's row
        hits = residual.left_over_first(q, ctx, target, hits)  # "không phải …": the clause for everyone else
    hits = _repeal_not_first(q, ctx, hits)
    # "cấp chứng chỉ": not its sibling "cấp lại chứng chỉ" (stating what is asked, when a date or an amount is)
    hits = held_sibling_first(ctx, hits, ctx.terms(q), stating if how in ("dated", "amount") else None)
    hits = exception_first(ctx, q, hits)
    if how in ("dated", "amount"):  # a blank form echoes its procedure's words and leaves the figures blank
        hits = forms_last(q, ctx, hits, [target] if target else None)
        if how == "amount":  # a table's row of points or sums is not the body's target
            hits = body_before_appendix(ctx, q, hits, stating)
    if how == "dated" and q.asks_length and not q.asks_day:  # "trong bao lâu": a line stating a length first
        hits = stating_first(ctx, hits, _states_length, p.dated_runner_up, depth=LENGTH_DEPTH, lead=q)
    if target and has(q.key, *lexicon().applies_cues):  # "… có áp dụng với giáo viên không?": its scope article
        hits = _scope_first(q, ctx, target, hits)
    counting = counted if q.counted else None  # lines stating the number counted answer too
    terms = ctx.terms(q)
    weights = ctx.weights()
    # a heading holding the question's words but the document's name answers whole; two parts' headings holding
    # them together only when they hold its name too (a story's words spread over two parts ask neither whole)
    whole = Coverage(terms, weights)
    unnamed_terms = _unnamed(ctx, terms, target)
    named = whole if unnamed_terms is terms else Coverage(unnamed_terms, weights)
    titled = titled_section(ctx, hits, unnamed_terms, named, p.titled, joint=whole)
    if titled is None and target and unnamed_terms is not terms:  # its document named: a heading anywhere in it
        titled = headed_anywhere(ctx, target, unnamed_terms, named, p.titled, hits[0].score)
    states = stating if how in ("dated", "amount") else None
    listed = None
    if titled is None and (listed := gathered(q, ctx, hits, whole, p.gathered_margin, states)) is not None:
        titled = listed  # items of one list answering together: the list, whole
    if titled is not None:  # the section the question names by its title answers first, whole
        hits = [titled, *[h for h in hits if not _within(h, titled)]]
    if listed is None or not asked_whole(q, ctx, listed.doc_id, listed.section):  # not one member asked whole
        hits = named_item_first(q, ctx, hits, unnamed_terms)
    if numbers := ranges.given(q.text):  # "được 82 điểm thì xếp loại gì": the band holding 82
        hits = _holding_first(ctx, q, hits, numbers, target)
    top = hits[0].score or 1.0
    chosen = [hits[0], *[h for h in hits[1 : p.sections] if h.score >= p.runner_up * top]]
    evidence = []
    place = how == "dated" and has(q.key, *lexicon().place_asked)  # "… ngày nào, ở đâu": a short item whole
    for h in chosen:
        doc = ctx.index.get(h.doc_id)
        scores = {
            ln.start: s
            for s, ln in rank_lines(section_lines(doc, h.section, own=False), ctx.analyzer, terms, weights, led=True)
        }
        # a day asked with who leads ("… do cơ quan nào chủ trì, hạn khi nào?"): the line naming the lead too
        lead = _states_lead if how == "dated" and q.asking("lead") else None
        lasting = _states_length if how == "dated" and q.asks_length and not q.asks_day else None
        pick = "all" if h is titled else how
        lines = pick_lines(doc, h.section, pick, scores, counting, also=lead, lasting=lasting, place=place)
        if lines:
            evidence.append(Evidence(h.doc_id, h.section, h.heading, lines, score=h.score))
    if evidence:
        quoted = {(ev.doc_id, ev.section) for ev in evidence}  # a list quoted already is not announced again
        evidence += [ev for ev in _announced(ctx, evidence[0]) if (ev.doc_id, ev.section) not in quoted]
    # a whole section quoted in part says so: every one asked whole, or the one the question names by its heading
    whole = (
        evidence if how == "all" else [e for e in evidence[:1] if titled is not None and e.section == titled.section]
    )
    return Draft(evidence, notes=cut_short(ctx.index.get, whole)) if evidence else None


def _unnamed(ctx: Context, terms: QueryTerms, target: str | None) -> QueryTerms:
    """The question's terms without the words of the kind, number and year of the document it names ("Mục đích của
    kế hoạch 141 là gì?": "141" is no word a heading "Mục đích" must hold). Not its issuer's or place's, nor the
    letters of its number ("BCA" is "Bộ Công an"): "cơ sở giáo dục" asked of a Phòng Giáo dục's plan, "an ninh" of
    a circular 124/2021/TT-BCA, are the question's own words."""
    if target is None:
        return terms
    doc = ctx.index.get(target)
    number = " ".join(fold_word(w) for w in re.findall(r"[^\W_]+", (doc.number or "").lower()))  # not written out
    return unnamed(terms, f"{field_words(ctx.analyzer, [doc.doc_type, doc.year])}{number} ")


def _period_first(q: Question, ctx: Context, doc_id: str, hits: list[SectionHit]) -> list[SectionHit]:
    """ "… báo cáo kết quả bao lâu 1 lần?" of a plan whose period is in its closing ("Định kỳ hằng năm (trước ngày
    30 tháng 11) báo cáo …"): when the first section states no period (lexicon ``frequency.period``), the best of
    the document's sections that does (within ``given_depth``) answers first."""
    period = lexicon().period.search
    doc = ctx.index.get(doc_id)

    def states(h: SectionHit) -> bool:
        return any(period(fold(ln.text).lower()) for ln in section_lines(doc, h.section, own=False))

    if doc is None or not hits or states(hits[0]):
        return hits
    deep = ctx.sections(q, ctx.policy.answer.given_depth, docs=[doc_id])
    best = next((h for h in deep if states(h)), None)
    if best is None:
        return hits
    return [best, *(h for h in hits if (h.doc_id, h.section) != (best.doc_id, best.section))]


def _holding_first(
    ctx: Context, q: Question, hits: list[SectionHit], numbers: list[tuple[float, str]], target: str | None
) -> list[SectionHit]:
    """Among the first ``given_depth`` sections, when some state bands of what a number the question gives measures
    and others' bands leave it out, the best one scoring like the best (``runner_up``) whose band holds it, first
    (``retrieval.answers.ranges``; the others stay: "… 84,5 điểm thì xếp loại gì, phải bao nhiêu mới được loại
    tốt?" asks another band too)."""
    p = ctx.policy.answer
    deep = ctx.sections(q, p.given_depth, docs=[target] if target else None)
    own = {(h.doc_id, h.section): _own_text(ctx, h) for h in deep}
    best = next(
        (
            h
            for h in deep
            if h.score >= p.runner_up * deep[0].score and ranges.holds(own[(h.doc_id, h.section)], numbers)
        ),
        None,
    )
    others = [h for h in deep if ranges.states_other(own[(h.doc_id, h.section)], numbers)]
    if best is None or not others:  # bands of one measure told apart by the number, or nothing to tell
        return hits
    return [best, *(h for h in hits if (h.doc_id, h.section) != (best.doc_id, best.section))]


def _own_text(ctx: Context, h: SectionHit) -> str:
    doc = ctx.index.get(h.doc_id)
    sec = doc.section(h.section)
    return doc.text[sec.start : sec.body_end] if sec is not None else ""


def _stating_day(q: Question, ctx: Context) -> Draft | None:
    """ "Những kế hoạch nào yêu cầu báo cáo … trước ngày 30 tháng 11?": the documents of the kinds asked whose
    sections state the day asked, each at its best such section and the lines stating it. One search over every
    document (not only the few the question is most about): which documents is what is asked."""
    heads, terms, weights = ctx.index.heads(), ctx.terms(q), ctx.weights()
    hits = ctx.searcher.sections(q.text, k=DAY_HITS, doc_ids=ctx.scope, filters=CONTENT, use_names=False)
    # each document's section whose lines stating the day match best
    best: dict[str, tuple[tuple[float, int], Evidence]] = {}
    for h in hits:
        head = heads.get(h.doc_id)
        if head is None or head.doc_type not in q.kinds:
            continue
        doc = ctx.index.get(h.doc_id)
        lines = [ln for ln in section_lines(doc, h.section, own=False) if same_day(q.days, days_stated(ln.text))]
        if lines:  # matched by the words that do not name the document ("bảo hiểm y tế" of the health insurance law)
            score, line = rank_lines(lines, ctx.analyzer, beyond_header(ctx, doc, terms), weights)[0]
            match = (score, -len(line.text))  # alike, the shorter line says it more plainly
            if h.doc_id not in best or match > best[h.doc_id][0]:
                best[h.doc_id] = (match, Evidence(h.doc_id, h.section, h.heading, lines[:MAX_DAY_LINES], score=h.score))
    evidence = [ev for _, ev in best.values()]  # documents in the order their first such section was found
    return Draft(evidence[:MAX_DAY_DOCUMENTS]) if evidence else None


def _within(h: SectionHit, outer: SectionHit) -> bool:
    """Whether a hit is the section ``outer`` or one of its parts (quoted whole with it)."""
    return h.doc_id == outer.doc_id and part_of(h.section, outer.section)


def _heading_key(sec: Section) -> str:
    """A section's heading as folded words, for the lexicon's heading patterns."""
    return " ".join(fold(sec.heading).lower().split())


def _announced(ctx: Context, ev: Evidence) -> list[Evidence]:
    """The parent's own lines when they announce the list the best section is an item of ("Nội dung quản lý
    nhà nước về dữ liệu bao gồm:" above "a) …"), cited to the parent after the item."""
    doc = ctx.index.get(ev.doc_id)
    sec = doc.section(ev.section)
    parent = doc.section(sec.parent) if sec is not None and sec.parent else None
    if parent is None:
        return []
    own = section_lines(doc, parent.id)
    if not own or not own[-1].text.rstrip().endswith(":") or len(own) > MAX_INTRO_LINES:
        return []
    whole = section_lines(doc, parent.id, own=False)
    if len(whole) <= MAX_LIST_LINES and sum(len(ln.text) for ln in whole) <= MAX_LIST_CHARS:
        return [Evidence(doc.doc_id, parent.id, parent.heading, whole, score=ev.score)]  # a short list: all of it
    return [Evidence(doc.doc_id, parent.id, parent.heading, own, score=ev.score)]


def _repeal_not_first(q: Question, ctx: Context, hits: list[SectionHit]) -> list[SectionHit]:
    """A clause repealing other texts first ("Bãi bỏ cụm từ … Nghị quyết số 38/2024 …") gives way to one of the
    first sections scoring alike that is none, unless the question asks about repeal or validity (lexicon
    ``repeal``): it shares the cited texts' names with the question, not what is asked of them."""
    lx = lexicon().repeal
    if len(hits) < 2 or has(q.key, *lx["asked"]):
        return hits
    amending = not has(q.key, *lx["amend_asked"])

    def repeals(h: SectionHit) -> bool:  # its heading, or its parent's, opens with a repeal heading
        doc = ctx.index.get(h.doc_id)
        sec = doc.section(h.section)
        heads = [sec.heading, doc.section(sec.parent).heading if sec.parent else ""] if sec else []
        if any(f" {c} " in fkey(head)[:40] for head in heads for c in lx["headings"]):
            return True
        # an article amending a text its own heading names by number ("Sửa đổi khoản 9 Điều 1 Quyết định số 373/…")
        own = fkey(sec.heading)[:20] if sec else ""
        return amending and any(f" {c} " in own for c in lx["amends"]) and bool(ctx.analyzer.legal_tokens(sec.heading))

    return give_way(ctx, hits, repeals)


def _scope_first(q: Question, ctx: Context, doc_id: str, hits: list[SectionHit]) -> list[SectionHit]:
    """A question asking whom a text applies to: the best of the document's sections (``given_depth`` deep) that
    lies in its article on its scope (lexicon ``applies_to.heading``: "Phạm vi điều chỉnh và đối tượng áp dụng"),
    first; the order as it was when the document has none or none of it is found."""
    doc = ctx.index.get(doc_id)
    heading = lexicon().applies_heading
    scope = [s.id for s in doc.sections if heading.search(_heading_key(s))] if doc else []
    if not scope:
        return hits
    deep = ctx.sections(q, ctx.policy.answer.given_depth, docs=[doc_id])
    best = next((h for h in deep if any(part_of(h.section, s) for s in scope)), None)
    if best is None:
        return hits
    return [best, *(h for h in hits if (h.doc_id, h.section) != (best.doc_id, best.section))]


def _names_its_document(q: Question, doc: Document | None) -> bool:
    """ "nq 22 vinh long ve muc chi to chuc ky thi: … thi duoc huong the nao?": the amount words ("mức chi") only
    name the document, whose title holds them, and no amount word ("bao nhiêu", "mấy") asks one."""
    lx = lexicon()
    cues = [c for c in lx.intents["amount"] if has(q.key, c)]
    if doc is None or not cues or has(q.key, *lx.counting["after"]):
        return False
    header = " " + " ".join(fold(profile_text(doc)).lower().split()) + " "
    named = [f" {n} " in header for _, nouns in q.figures for n in nouns or [""]]
    return all(named) and all(f" {c} " in header for c in cues)


def _span(q: Question, ctx: Context, doc: Document, score: float) -> SectionHit | None:
    """ "Đợt thi đua … của tỉnh Đắk Lắk kéo dài từ khi nào đến khi nào?": a question that, besides naming the
    document (its header and title), only asks when its activity runs is answered by the document's section headed
    so ("2. Thời gian thực hiện: Từ tháng 10/2025 …"; lexicon ``time_statements.span_cues``, ``span_heading``)."""
    lx = lexicon()
    headed = [s for s in doc.sections if lx.span_heading.match(_heading_key(s))]
    top = [s for s in headed if s.level == min(h.level for h in headed)] if headed else []
    # the plan's own span, not one of many tasks' ("c) Thời gian thực hiện" under each task): one at its level
    if len(top) != 1 or not names_only(q, doc, ctx, lx.span_cues, titled=True):
        return None
    return SectionHit(doc.doc_id, top[0].id, top[0].heading, score)
