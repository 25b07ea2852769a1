"""Whether the evidence found answers the question at all, measured the same way for every document.

The cited sections (with their headings and their document's header) must hold enough of the question's
content terms, IDF-weighted; more when a content word of the question is unknown to every document. A question
that tells a story first ("Nhà tôi ở … . Vậy tôi …?") may be covered by the sentences that ask alone. A question
for an amount needs a figure in the lines quoted, and what it prices must be something the documents found speak
of (``retrieval.answers.priced``); a year it names must be one the documents found mention, and, asked of a plan,
one its cited sections or header name. A question naming a place is not answered by its documents when another
place's document, titled closer to it, covers it much better (the topic is that place's); nor one naming only
levels of education that the titles of the documents found do not name. Thresholds: ``retrieval.policy.AnswerPolicy``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import replace

from core.legal_ids import NUMBER
from core.text import fold
from core.types import Document
from ingest.lexicon import lexicon as ingest_lexicon
from retrieval.answers import periods, siblings
from retrieval.answers.amounts_asked import unbound
from retrieval.answers.context import Context
from retrieval.answers.evidence import Draft, doc_name
from retrieval.answers.initials import spelled_in, spelled_out
from retrieval.answers.levels import level_elsewhere
from retrieval.answers.priced import unspoken_price, unstated_unit
from retrieval.answers.question import Question, fkey, has
from retrieval.extract import Coverage, QueryTerms, answered_share, query_terms, says_when, text_terms, unknown_words
from retrieval.lexicon import lexicon
from retrieval.places import Places
from retrieval.targeting import names_text, profile_text

_FIGURE = re.compile(r"\d")
#: Digits that state no amount: a cited document's number ("Thông báo số 99-TB/TW") and a full date ("ngày 21
#: tháng 11 năm 2025", "21/11/2025", "năm 2025").
_NO_AMOUNT = re.compile(
    NUMBER + r"|\bngày \d{1,2} tháng \d{1,2}(?: năm \d{4})?|\b\d{1,2}/\d{1,2}/\d{4}\b|\bnăm \d{4}\b", re.I
)


def _states_figure(text: str) -> bool:
    """Whether a line states a figure: a digit outside the numbers and dates of what it cites."""
    return bool(_FIGURE.search(_NO_AMOUNT.sub(" ", text)))


def held(draft: Draft, ctx: Context) -> set[str]:
    """The terms of the cited sections (with their headings) and of their documents' headers, which the question's
    content terms are weighed against.

    (Leaving out the terms the headers hold, so that only what is asked beyond naming the document counts, was
    tried: at its best threshold it refused 0.64 of the wide dev set's out-of-scope questions at 0.088 of its
    in-scope ones, against 0.64 at 0.026 for this.)"""
    have: set[str] = set()
    quoted = {e.doc_id for e in draft.evidence}
    for doc_id in quoted:
        doc = ctx.index.get(doc_id)
        have |= text_terms(ctx.analyzer, profile_text(doc) + "\n" + names_text(doc)) | spelled_out(ctx, doc)
    for doc_id in set(ctx.named) - quoted:  # "KH 153 và KH 159 …" asked of 159 alone: 153 as named, not its title
        have |= text_terms(ctx.analyzer, names_text(ctx.index.get(doc_id), titled=False))
    for e in draft.evidence:
        doc = ctx.index.get(e.doc_id)
        text = " ".join(doc.heading_path(e.section)) + "\n" + doc.section_text(e.section)
        have |= text_terms(ctx.analyzer, text)
    return have


def elsewhere(q: Question, draft: Draft, ctx: Context, *, of_documents: bool = False) -> Draft | None:
    """The evidence without what comes from a document about another place than the question names (a national
    text, about no place, stays; a section that names the place itself stays); None when nothing is left.

    ``of_documents``: the evidence states facts of documents themselves (number, date, signer), so a question
    naming a local body of the place ("UBND tỉnh Lạng Sơn có quyết định … không, số hiệu?") asks for that body's
    document, which no national text is. (What a national text asks of such a body, "UBND tỉnh … có trách nhiệm
    gì theo Luật …", is still answered by it.) So is a question asking whether such a body issued a document ("HĐND
    thành phố HCM có nghị quyết hỗ trợ … không"), whatever route answers it: no national text is that document,
    not even one whose section names the place."""
    places = ctx.index.places()
    asked = places.named_in(q.typed)
    if not asked:
        return draft
    own = _asks_own_document(q.typed, asked, places)
    bodies = own or (of_documents and bool(places.bodies_named(q.typed, asked)))
    kept = []
    for e in draft.evidence:
        about = places.of_document(ctx.index.head(e.doc_id))
        if own and not about:
            continue
        national = not about and not bodies
        if national or about & asked or places.mentioned(asked, ctx.index.get(e.doc_id).section_text(e.section)):
            kept.append(e)
    if not kept:
        ctx.refused = ctx.nothing_about(q)
        return None
    draft.evidence = kept
    return draft


def _asks_own_document(typed: str, asked: set[str], places: Places) -> bool:
    """Whether a clause names a local body of a place asked, or the place with its level word ("Tỉnh An Giang có kế
    hoạch … không"), and asks whether it issued a document ("HĐND thành phố HCM có nghị quyết hỗ trợ … không":
    lexicon ``own_document_asked``)."""
    lx = lexicon()
    return any(
        lx.own_document.search(fkey(clause)) and places.bodies_named(clause, asked, lx.own_document_levels)
        for clause in re.split(r"[,;:?!.]", typed)
    )


_MONEY = lexicon().amount_kinds["money"].figure  # a sum of money asked: not read in a preamble's account of losses
#: Words before an amount word that make it ask an ordinal or a number, not an amount ("kỳ họp thứ mấy", "số mấy").
_ORDINAL = frozenset(lexicon().counting.get("ordinal", ()))
#: How a length of time is written ("trong 30 ngày") and a day of a month ("trước ngày 15 hằng tháng"; not "ngày 10/4").
_DURATION = lexicon().amount_kinds["duration"].figure
_DAY = re.compile(r"\bngày \d{1,2}\b(?!/)", re.I)
_DAYS_NAMED = lexicon().days_named


def says_day(text: str) -> bool:
    """Whether a line dates a day: a date or a day of the month ("chậm nhất ngày 10 của tháng liền kề")."""
    return bool(says_when(text) or _DAY.search(text))


def states_day(text: str) -> bool:
    """Whether a section answers a day asked: a day, a day named ("vào thứ Hai hằng tuần") or a length of time."""
    return says_day(text) or bool(_DURATION.search(text) or _DAYS_NAMED.search(fold(text).lower()))


def reason(q: Question, draft: Draft, ctx: Context) -> str | None:
    """Why the draft does not answer the question, or None when it does."""
    terms = ctx.terms(q)
    if not terms.uni:
        return None
    p = ctx.policy.answer
    weights = ctx.weights()
    have, spelled = held(draft, ctx), spelled_in(ctx, (e.doc_id for e in draft.evidence))
    # a corrected typo counts as unknown; initials the documents found spell out ("hsg") do not
    unknown = [w for w in unknown_words(terms, weights) if f"f:{w}" not in spelled] + q.corrected
    need = p.min_coverage_unknown if unknown else p.min_coverage
    share = answered_share(terms, have, weights)
    used = terms
    # a story told first, in a sentence or a first clause ("Nhà tôi có mấy héc-ta keo …"): what is asked may answer
    if q.asked and share < need:
        asked = used = query_terms(ctx.analyzer, q.asked)
        unknown = [w for w in unknown_words(asked, weights) if f"f:{w}" not in spelled] + q.corrected
        need = p.min_coverage_unknown if unknown else p.min_coverage
        share = answered_share(asked, have, weights)
    if share < need:
        return f"coverage {share:.2f} < {need}" + (f" (unknown: {', '.join(unknown)})" if unknown else "")
    if (other := _topic_elsewhere(q, draft, ctx, used, have)) is not None:  # the words the evidence was judged on
        return other
    if level := level_elsewhere(q, draft, ctx):
        return level
    docs = {e.doc_id for e in draft.evidence}
    whole = functools.cache(lambda: [ctx.index.get(d).text for d in docs])  # read once, by either check
    thing = unspoken_price(q, terms, weights, whole, ctx.analyzer)
    if thing:
        return f"asks the price of {thing!r}, which the documents found never speak of"
    if unit := unstated_unit(q, whole):
        return f"asks a sum per {unit!r}, a unit the documents found never write"
    if q.asking("amount") and not any(_states_figure(ln.text) for e in draft.evidence for ln in e.lines):
        return "no figure in the lines found"
    texts = [ctx.index.get(e.doc_id).section_text(e.section) for e in draft.evidence]
    if q.moment and not any(f" {m} " in f" {' '.join(fold(t).lower().split())} " for m in q.moment for t in texts):
        return f"asked of the present day ({', '.join(q.moment)}), which no section found speaks of"
    if (period := periods.unspoken(q, draft, texts, ctx)) is not None:
        return period
    header = " ".join(fold(profile_text(ctx.index.get(d))).lower() for d in {e.doc_id for e in draft.evidence})
    # a noun the header holds names the document ("mức chi … tính thế nào"), unless an amount word closing the
    # question asks it ("học phí … là bao nhiêu một tháng"; not "… kỳ họp thứ mấy", "… bãi bỏ mấy nghị quyết")
    words = [w for i, w in enumerate(q.key.split()) if not (i and q.key.split()[i - 1] in _ORDINAL)]
    named = not has(" " + " ".join(words[-4:]) + " ", *lexicon().counting["after"])
    asked = [f for f, nouns in q.figures if not (nouns and named) or any(f" {n} " not in f" {header} " for n in nouns)]
    lines = [ln.text for e in draft.evidence for ln in e.lines]
    told = [ln.text for e in draft.evidence if e.section != "preamble" for ln in e.lines]  # an account sets no sum
    if asked and not any(f.search(t) for f in asked for t in (told if f is _MONEY else lines)):
        return "no figure of the kind asked (money, a percentage, a length of time …) in the lines quoted"
    headings = [h for e in draft.evidence for h in ctx.index.get(e.doc_id).heading_path(e.section)]
    if noun := unbound(q, lines, header + " " + " ".join(headings), lexicon()):
        return f"the lines found speak of {noun!r} but state its figure nowhere"
    # the sections found together, or the first one's own text alone: what the answer opens with ("giải nhất … quốc
    # gia" of the prize table for tỉnh, xã and the school, though a budget line below it trains the national team;
    # not its headings, which may name who founds the schools: "… do các trường đại học, cao đẳng … thành lập")
    if sibling := siblings.elsewhere(q, texts, headings) or siblings.elsewhere(q, texts[:1], []):
        return sibling
    if q.asks_day and not any(states_day(t) for t in texts):
        return "asks a day, which no section found states (nor a length of time)"
    if q.often_last and not any(lexicon().period.search(fold(t).lower()) for t in texts):
        return 'asks how often, which no section found states ("định kỳ" alone says not how often)'
    for noun in q.counted:
        if not any(map(count_check(noun), texts)):
            return f"no number of {noun.split('|')[0]!r} in the sections found"
    return None


def topic_elsewhere(q: Question, draft: Draft, ctx: Context) -> str | None:
    """``_topic_elsewhere`` for evidence not weighed otherwise: a unit's duties in the plan of the place named
    ("Sở Nội vụ Đắk Lắk … trong kế hoạch chuyển đổi số giao thông" where only another province has that plan), when
    the question describes the document it asks of by its kind (the unit's section answers "Sở … Bắc Ninh có nhiệm
    vụ gì về hạ tầng 5G?" though another province's plan holds more of its words)."""
    if not lexicon().kind_named.search(q.key):
        return None
    return _topic_elsewhere(q, draft, ctx, ctx.terms(q), held(draft, ctx))


def _topic_elsewhere(q: Question, draft: Draft, ctx: Context, terms: QueryTerms, have: set[str]) -> str | None:
    """A question naming a place whose documents found answer it much worse than a section of another place's
    document the search put first ("quy chế thư điện tử công vụ của Cần Thơ …": Đồng Tháp's regulation says it,
    Cần Thơ's plans only share words with it): the topic is another place's, so nothing here answers."""
    p = ctx.policy.answer
    places = ctx.index.places()
    asked = places.named_in(q.typed)
    if not asked:
        return None
    if any(not places.of_document(ctx.index.head(e.doc_id)) for e in draft.evidence):
        return None  # a national text answers anywhere
    weights = ctx.weights()
    drop = text_terms(ctx.analyzer, " ".join(asked))
    topic = replace(terms, uni={t for t in terms.uni if t not in drop}, bi={t for t in terms.bi if t not in drop})
    if not topic.uni:
        return None
    covers = Coverage(topic, weights)
    here = covers(have)
    # a document of the place on the same topic (one of several places' plans alike, titled alike) is no sign that
    # the topic is another place's: only a title holding more of the question than the place's own ones is
    titled = max(covers(_title_terms(ctx, e.doc_id)) for e in draft.evidence)
    best, where = 0.0, ""
    described = bool(lexicon().kind_named.search(q.key))  # "… trong kế hoạch chuyển đổi số giao thông"
    for u in ctx.plan(q).first[: p.elsewhere_read]:
        d, sec = u.payload.get("doc_id", ""), u.payload.get("section", "")
        head = ctx.index.head(d)
        if head is None or not (about := places.of_document(head)) or about & asked:
            continue
        if (title := covers(_title_terms(ctx, d))) <= titled:
            continue
        doc = ctx.index.get(d)
        share = covers(_section_terms(ctx, doc, sec))
        # a question describing its document ("… trong kế hoạch chuyển đổi số giao thông") whose title holds much
        # more of it than the place's own: that document is the topic's whenever its section holds more too (not a
        # topic asked alone, "Bắc Ninh phát triển hạ tầng 5G …", which a broad plan of the place may answer)
        titled_closer = described and title - titled >= p.elsewhere_titled
        if share > best and (share - here >= p.elsewhere_margin or titled_closer):
            best, where = share, f"{doc_name(doc)}, mục {sec}"
    if best <= here:
        return None
    ctx.refused = f"{ctx.nothing_about(q)} Điều tương tự có ở {where}."  # what the reader is told
    return f"a document of another place covers the question {best:.2f} against {here:.2f} here"


def _title_terms(ctx: Context, doc_id: str) -> frozenset[str]:
    """A document's title as terms, from its header row (read once per catalog version)."""
    head = ctx.index.head(doc_id)
    title = head.title if head is not None else None
    return ctx.index.remembered(("title terms", doc_id, title), lambda: text_terms(ctx.analyzer, title or ""))


def _section_terms(ctx: Context, doc: Document, sec: str) -> frozenset[str]:
    """A section as the refusal weighs it, with its headings and its document's header (read once)."""

    def compute() -> frozenset[str]:
        text = profile_text(doc) + "\n" + " ".join(doc.heading_path(sec)) + "\n" + doc.section_text(sec)
        return text_terms(ctx.analyzer, text)

    return ctx.index.remembered(("refusal section terms", doc.doc_id, doc.content_hash, sec), compute)


def _count_of(noun: str) -> re.Pattern[str]:
    """A number beside a counted noun, in folded text: "25 hoc vien", "tang 3", "tong so diem dat duoc tu 85"; or in
    its clause, of a classifier (``counting.counted_by``): "tau ca … tu 15 met tro len: 56 chiec"."""
    n, by = re.escape(noun), "|".join(re.escape(fold(w)) for w in lexicon().counting["counted_by"])
    beside = rf"\d[\d.,]*\s*%?\s*(?:\w+\s+){{0,2}}{n}\b|\b{n}\s+(?:\w+\s+){{0,3}}\d"
    return re.compile(rf"{beside}|\b{n}\b[^.;\n]{{0,80}}?(?<![\w/.,])\d[\d.,]*\s+(?:{by})\b")


@functools.cache
def _bodies() -> re.Pattern[str]:
    """A number of bodies of any kind, in folded text: a number before a noun of a body (lexicon counting
    ``body_nouns``): "30 co quan, doanh nghiep", "05 truong"; not "45 hoc sinh", "khoan 2 Dieu 5"."""
    nouns = "|".join(re.escape(w) for w in sorted(lexicon().counting.get("body_nouns", ()), key=len, reverse=True))
    return re.compile(rf"(?<![\d/.,])\d+(?:[.,]\d+)*\s+(?:{nouns})\b")


def _share_of(noun: str) -> re.Pattern[str]:
    """The noun counted, then in its clause a share of a total (lexicon ``counting.share_of``), folded."""
    totals = "|".join(re.escape(w) for w in lexicon().counting["share_of"])
    return re.compile(rf"\b{re.escape(noun)}\b[^.;:]{{0,80}}?\d[\d.,]*\s*%\s+(?:cua\s+)?(?:{totals})\b")


def count_check(noun: str) -> Callable[[str], bool]:
    """Whether a text states a number of a noun counted; of a classifier's ("cây|but bi|bút bi"), a number beside
    the classifier or beside the thing, matched as typed when typed with diacritics ("Bút bi | Cái | 20"). The
    patterns are compiled once, for the many lines and sections a noun is looked for in."""
    word, _, thing = noun.partition("|")
    things, _, typed = thing.partition("|")
    counts = _bodies() if word in lexicon().counting.get("bodies", ()) else _count_of(word)
    beside = _thing_count(typed or things) if things else None
    share = _share_of(word)

    def check(text: str) -> bool:
        folded = fold(text).lower()
        if counts.search(folded) or _headed_count(folded, word):
            return True
        if share.search(folded):
            return True  # "tối đa bao nhiêu Chiến sĩ thi đua": "… không quá 15% tổng số cá nhân …", a share of a count
        return beside is not None and bool(beside.search(text.lower() if typed else folded))

    return check


#: A table's header line opening with its first header cell (ingest lexicon ``table_heads``: "STT", "Số thứ tự"),
#: folded, longest first.
_TABLE_HEADS = tuple(sorted({fold(h).lower() for h in ingest_lexicon().table_heads}, key=len, reverse=True))
_NUMBERED_ROW = re.compile(r"^\d{1,3} .*\d$")  # "6 xin man 01 06": a numbered row ending with its figure


def _headed_count(folded: str, noun: str) -> bool:
    """Whether a table's header line names the noun counted and a numbered row below it ends with a figure ("STT
    Huyện, thành phố … Homestay đạt chuẩn công nhận mới" / "6 Xín Mần 01 06")."""
    lines = [" ".join(re.findall(r"\w+", ln)) for ln in folded.splitlines()]
    for i, line in enumerate(lines):
        if any(f"{line} ".startswith(f"{h} ") for h in _TABLE_HEADS) and f" {noun} " in f" {line} ":
            return any(_NUMBERED_ROW.match(row) for row in lines[i + 1 :])
    return False


def _thing_count(thing: str) -> re.Pattern[str]:
    """A number right beside a thing counted: a table's row, the thing then its unit then the number ("bút bi cái
    20"), or the number before it ("20 bút bi"); not a numbered heading ("2. Du lịch") nor a figure a few words on
    ("du lịch đạt tối thiểu 70%")."""
    t = re.escape(thing)
    return re.compile(rf"\b{t}\s+(?:\w+\s+)?\d|(?<![\d.,])\d+(?:[.,]\d+)*\s+{t}\b")


def states_asked(q: Question) -> Callable[[str], bool] | None:
    """Whether a text states what a "how many" question counts ("bao nhiêu học viên": a number of học viên) or
    the kind of figure it asks ("bao nhiêu tiền": a sum of money); None when it asks neither."""
    if q.counted:
        checks = [count_check(noun) for noun in q.counted]
        return lambda text: all(check(text) for check in checks)
    if q.figures:  # "bao nhiêu tiền", "bao nhiêu phần trăm": a figure of that kind
        figures = [f for f, _ in q.figures]
        return lambda text: any(f.search(text) for f in figures)
    return None


#: "X hay Y", "X hoặc Y hay Z": a choice between things, each side one word.
_CHOICE = re.compile(rf"(?<!\w)[^\W\d_]+(?: {periods.OR_WORDS} [^\W\d_]+)+(?!\w)", re.I)
_OR = re.compile(rf" {periods.OR_WORDS} ", re.I)


def unknown_choice(
    q: Question, texts: Callable[[], list[str]], known: Callable[[str], bool], abbreviated: Callable[[str], bool]
) -> str | None:
    """Named things a question asks to choose between, as typed, when the documents found (their ``texts``) write
    none of them ("giao cho nhà mạng nào, Viettel hay VNPT?"): whichever route answers, they do not say which.
    A side is a name when unknown to the store (``known``, of a folded word) or typed with a capital (not the
    question's first word, nor in a question typed all in capitals), and no abbreviation the analyzer writes out
    ("THCS hay THPT", "BHXH hay UBND": ``abbreviated``): "cấm hẳn hay chỉ theo khung giờ" offers no names. None
    when it asks no such choice."""
    shouting = q.text.isupper()

    def name(word: str, first: bool) -> bool:
        if abbreviated(word):
            return False
        return not known(fold(word).lower()) or (word[0].isupper() and not first and not shouting)

    written: str | None = None
    for m in _CHOICE.finditer(q.text):
        sides = _OR.split(m.group(0))
        if not all(name(w, i == 0 and m.start() == 0) for i, w in enumerate(sides)):
            continue
        if written is None:
            written = " ".join(" ".join(fold(t).lower().split()) for t in texts())
        if not any(re.search(rf"(?<!\w){re.escape(fold(w).lower())}(?!\w)", written) for w in sides):
            return m.group(0)
    return None
