"""Extractive answers with verified, section-level citations.

    answer = engine.ask("Phòng Công tác sinh viên phải làm gì?")
    answer.citations[0].section    # "III.2"
    answer.citations[0].quote      # a verbatim substring of that section

Each intent (see ``retrieval.intents``) has a handler that gathers evidence:
lines cut from sections, plus optional statements built from parsed fields
(who signed, a legal basis as a citation string). ``compose`` numbers the
evidence, checks every quote against its section, drops what cannot be
verified, and writes the Vietnamese answer with [n] markers. A question the
documents do not cover gets ``found: false`` and a plain refusal.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from core.errors import CancuError
from core.legal_ids import NUMBER, id_key
from core.text import fold
from core.types import Answer, Citation, CitedBy, Document, LegalBasis, LegalBasisRef
from ingest.legal import mentions
from retrieval.catalog import DocHead
from retrieval.definitions import asked_definitions
from retrieval.extract import (
    STOPWORDS,
    Line,
    QueryTerms,
    coverage,
    has_date,
    missing_anchor,
    query_terms,
    rank_lines,
    section_lines,
    text_terms,
    unknown_bigram_share,
    unknown_words,
)
from retrieval.intents import (
    Intent,
    asks_beyond_the_header,
    asks_head,
    asks_most_cited,
    asks_who,
    detect,
    fkey,
    has,
    header_facts,
    is_follow_up,
    issuer_named,
    normalize_question,
    other_kind_named,
    section_refs,
    strip_legal_mentions,
)
from retrieval.units_catalog import UnitCatalog, unit_words

if TYPE_CHECKING:
    from retrieval.engine import Engine

logger = logging.getLogger(__name__)

REFUSAL = "Không tìm thấy thông tin này trong các văn bản hiện có."
#: Minimum share of a question's terms the best sections must cover for a content answer. Set on the dev
#: split at the middle of the gap between its out-of-scope questions (highest 0.29) and its in-scope ones
#: (lowest 0.40).
MIN_COVERAGE = 0.35
MIN_COVERAGE_CLEAR = 0.25  # when the best section scores CLEAR_LEAD times the next one
CLEAR_LEAD = 2.5
COVERAGE_LEAD = 0.4
MAX_CITED = 10  # sections one answer cites; the rest is counted in a note
LIST_LEAD = 1.5  # an item of a list that scores this much above the next item answers alone
WHO_RUNNER_UP = 0.5  # a runner-up scoring this share of the leader, under "Tổ chức thực hiện", answers "ai …?"
DATED_RUNNER_UP = 0.4  # a runner-up scoring this share of an undated leader answers "trước ngày nào" with its date
#: Required instead when a content word is unknown to the corpus ("phở", "cước"), the question's rarest word
#: is missing from the sections found ("lương"), or most of its word pairs never occur ("danh sách lớp"):
#: the middle of the dev gap between out-of-scope (0.49) and in-scope (0.57) questions in that situation.
MIN_COVERAGE_STRICT = 0.53
UNKNOWN_BIGRAMS = 0.75
MAX_QUOTE = 700
MAX_SECTION_LINES = 40
#: Share of a question a cited document's title must cover to be named as the answer.
TITLE_MATCH = 0.6


@dataclass
class Evidence:
    doc_id: str
    section: str
    heading: str
    lines: list[Line] = field(default_factory=list)
    score: float = 0.0
    statements: list[str] = field(default_factory=list)  # text with "{n}" where the citation marker goes
    show_lines: bool = False  # with statements, list the quoted lines too


@dataclass
class Draft:
    evidence: list[Evidence]
    intro: str = ""
    notes: list[str] = field(default_factory=list)
    legal: list[LegalBasis] = field(default_factory=list)
    group_by_doc: bool = True


#: "bao nhiêu …?": the line with the number must cover this much of the question
NUMBER_LINE = 0.25
_MONEY = ("muc phat", "muc luong", "tien luong", "tien thuong", "muc thuong", "muc phu cap", "tien phu cap",
          "muc ho tro", "bao nhieu tien", "muc thu", "hoc phi", "muc chi", "muc dong", "gia bao nhieu",
          "gia tien", "gia ca")  # fmt: skip
#: a prison term and a time of day: "bị phạt bao nhiêu năm tù", "mấy giờ đóng cửa" want a figure no line of
#: these plans gives
_PRISON = ("nam tu", "phat tu", "di tu", "ngoi tu")
_TERM = re.compile(r"\d+\s*(?:năm|tháng)\s*tù", re.I)
_CLOCK = ("may gio", "gio nao", "gio mo cua", "gio dong cua")
_HOUR = re.compile(r"(?<![/\d])(?:[01]?\d|2[0-3])\s*(?:giờ|h)(?:\s*\d{2})?\b(?!\s*/)", re.I)
_HOUR_OR_ALL_DAY = re.compile(rf"24/24|{_HOUR.pattern}", re.I)
#: kinds of issuing body a drafter may name ("soạn kế hoạch cho trường cao đẳng"), matched on the plans' issuers
_BODY_KINDS = {
    "trường cao đẳng": ("truong cao dang", "cao dang"),
    "trường đại học": ("truong dai hoc", "dai hoc"),
    "phòng giáo dục và đào tạo": ("phong giao duc", "phong gddt", "phong gd dt", "phong gd"),
    "sở giáo dục và đào tạo": ("so giao duc", "so gddt", "so gd dt"),
    "Ủy ban nhân dân": ("uy ban nhan dan", "ubnd"),
}
#: buying advice ("mua ở đâu rẻ", "hiệu nào tốt"): no plan recommends a shop or a brand
_SHOPPING = ("o dau re", "mua o dau", "ban o dau", "re nhat", "hang nao", "hieu nao", "loai nao tot", "nen mua")
#: numbers that count nothing: years, dates, "24/24 giờ" ("Trường có bao nhiêu sinh viên?" is not answered by "năm 2026")
_NOT_A_COUNT = re.compile(
    rf"\b\d{{1,2}}/\d{{1,2}}\s*(?:h|giờ)\b|\b{NUMBER}|\b(?:19|20)\d{{2}}\b"
    r"|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\bngày \d{1,2}|\btháng \d{1,2}",
    re.I,
)  # "24/24h", document numbers ("05/CT-TW", "124/2021/TT-BCA"), years and dates
#: "Trường có bao nhiêu sinh viên?" asks a census, which a target ("phấn đấu 100% … sinh viên") does not answer
_CENSUS = re.compile(r" (?:hien |tong cong )?co (?:tat ca |tong cong )?bao nhieu (?:\w+ ){1,3}(?:(?:hien )?nay )?$")
_PERCENT_NUMBER = re.compile(r"\d[\d.,]*\s*(?:%|phần trăm)", re.I)
_AMOUNT = re.compile(r"\d[\d.,]*\s*(?:đồng|đ\b|triệu|nghìn|ngàn|tỷ|vnđ|vnd)", re.I)

#: who proposed a legal text ("Theo đề nghị của Cục trưởng …" in its preamble)
_PROPOSER = ("de nghi ban hanh", "ai de nghi", "theo de nghi", "co quan nao de nghi", "don vi nao de nghi",
             "soan thao")  # fmt: skip

#: what is left of "Nội dung chính của Thông tư 124 là gì?" once the document is named: it asks for the gist
_GIST = frozenset({"noi", "dung", "chinh", "tom", "tat", "chu", "yeu"})


def doc_name(doc: Document | DocHead) -> str:
    """How an answer names a document: "Kế hoạch 08/KH-CĐCĐ của Trường Cao đẳng Cộng đồng Sóc Trăng"."""
    kind = doc.doc_type or "Văn bản"
    name = f"{kind} {doc.number}" if doc.number and doc.number.split("/")[0].strip() else kind
    issuer = doc.issuer or ""
    if issuer:
        name += f" của {issuer}"
    if doc.place and fold(doc.place).lower() not in fold(issuer).lower():
        name += f" ({doc.place})"
    if not (doc.number and doc.number.split("/")[0].strip()):
        if doc.date:
            y, m, d = doc.date.split("-")
            name += f", ngày {d}/{m}/{y}"
        elif doc.year:
            name += f", tháng {doc.month}/{doc.year}" if doc.month else f", năm {doc.year}"
    return name


def _fmt_date(iso: str | None) -> str:
    if not iso:
        return "không ghi ngày"
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


class Answerer:
    """Answers questions from one engine's catalog, registry and search."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.index = engine.index
        self.searcher = engine.searcher
        self.analyzer = engine.index.analyzer
        self._units: UnitCatalog | None = None

    # ------------------------------------------------------------ entry point

    def ask(
        self,
        question: str,
        *,
        doc_ids: Sequence[str] | None = None,
        top_k: int | None = None,
        qid: str | int | None = None,
        context: dict[str, Any] | None = None,
    ) -> Answer:
        """Answer a question; ``context`` may carry the chat's focus: {"doc_ids": [...], "unit": "..."}."""
        t0 = time.perf_counter()
        question = (question or "").strip()
        asked = normalize_question(question)  # what is answered; the answer echoes what was typed
        scope = [d for d in doc_ids if d in self.index] if doc_ids else None
        named, unnamed = self.index.names_in(asked)
        focus = scope or named or None
        if focus is None and context and context.get("doc_ids") and is_follow_up(asked):
            focus = [d for d in context["doc_ids"] if d in self.index] or None
        draft = None
        if asked and len(self.index):
            intent = detect(asked)
            k = top_k or self.engine.settings.top_k
            draft = self._dispatch(asked, unnamed if named and not scope else asked, intent, focus, k, context or {})
        answer = self._compose(question, draft, qid)
        answer.took_ms = round((time.perf_counter() - t0) * 1000, 2)
        if self.engine.generator is not None and answer.found:
            answer = self.engine.generator.rewrite(answer)
        return answer

    def _dispatch(
        self, q: str, q_content: str, intent: Intent, focus: list[str] | None, k: int, context: dict[str, Any]
    ) -> Draft | None:
        """Route by intent; ``q_content`` is the question without the words that name a document."""
        if q_content != q:
            intent.issuer_filter = issuer_named(q_content)  # "kế hoạch của UBND Kiên Hải" names the plan, not an issuer
        refs = section_refs(q)
        if refs == ["preamble"]:
            # "phần căn cứ của kế hoạch Cam Ranh gồm những văn bản nào?": the plan's grounds, as citation strings
            bases = Intent("plan_bases", type_filter=intent.type_filter, issuer_filter=intent.issuer_filter)
            draft = self._plan_bases(q, bases, focus)
            if draft is not None:
                return draft
        if refs:
            draft = self._section_refs(refs, intent, focus)
            if draft is not None:
                return draft
        draft = self._definition(q, focus)
        if draft is not None:
            return draft
        if intent.kind == "drafter":
            draft = self._drafter(q, intent, focus)
            if draft is not None:
                return draft
        if intent.kind == "legal_lookup":
            draft = self._legal_lookup(q, intent, focus, k)
            if draft is not None:
                return draft
            if intent.fact in ("recipients", "managing_body") and self._corpus_doc_for(intent) is not None:
                return None  # "Thông tư 124 gửi tới những ai?": its text in the corpus has no "Nơi nhận"
        if intent.kind in ("content", "catalog") and not focus:
            named = self._plans_by_issuer(q)
            if named:
                # "Kế hoạch nào do UBND ban hành?": the plans whose issuing body that is
                return self._doc_fact(Intent("doc_fact", fact="issuer", facts=["issuer"]), named)
        if intent.kind == "plan_bases":
            draft = self._plan_bases(q, intent, focus)
            if draft is not None:
                return draft  # else the question may still be answered by the text itself
        if intent.kind == "content" and focus and (facts := header_facts(q_content)):
            intent = Intent("doc_fact", fact=facts[0], facts=facts)  # "Kế hoạch Kiên Hải được lập khi nào?"
        role = asks_head(q) if intent.kind in ("content", "duty") else None
        if role and not focus:
            return None  # "Ai là giám đốc Công an tỉnh?": the plans name no holder of a role they only mention
        if role:
            # the signer answers only when signing in that role: "KT. HIỆU TRƯỞNG / PHÓ HIỆU TRƯỞNG" is the
            # deputy, and the document does not name the head
            holders = [d for d in focus if _signs_as(self.index.get(d).signer_title, role)]
            return self._doc_fact(Intent("doc_fact", fact="signer", facts=["signer"]), holders) if holders else None
        if intent.kind == "doc_fact" and intent.fact in ("number", "date", "title"):
            cited = self._cited_by_issuer(q)
            if cited:
                # "Kế hoạch của Sở GDĐT Khánh Hòa mà Cam Ranh thực hiện có số hiệu là gì?": the cited plan's facts
                return self._legal_lookup_entries(cited, intent)
        if (
            intent.kind == "doc_fact"
            and not focus
            and intent.fact in ("signer", "date", "number", "issuer")
            and asks_beyond_the_header(q_content, intent.fact)
            # "Trường học Xanh - Sạch - Đẹp … là mô hình của ai?" names no document; "Kế hoạch … là của ai?" does
            and (intent.fact != "issuer" or not (other_kind_named(q_content, []) or has(fkey(q_content), "van ban")))
        ):
            intent = Intent("content")  # "Ai ký quyết định công nhận …?" asks the text, not the plans' signatures
        if (
            intent.kind == "doc_fact"
            and focus
            and intent.fact in ("signer", "date", "number")
            and other_kind_named(q_content, [self.index.get(d).doc_type for d in focus])
        ):
            intent = Intent("content")  # the plan's text cites that document with its number and date
        if intent.kind == "doc_fact" and (focus or intent.fact == "outline" or not self._has_unknown_words(q_content)):
            # without a named document, "Xe buýt số mấy đi qua trường?" is not about the plans' numbers (an
            # outline's own cues, "bố cục", are in no document: unnamed, it offers the catalog)
            draft = self._doc_fact(intent, focus, q)
            if draft is not None:
                return draft
            if focus and intent.fact in ("managing_body", "recipients"):
                return None  # "Trường CĐ Lào Cai trực thuộc cơ quan nào?": its header does not say; its text won't
        if intent.kind == "catalog" and not focus:
            return self._catalog()
        draft = self._duties(q, intent, focus, context, dated_only=intent.deadline)
        if draft is not None:
            return draft
        if focus and not intent.deadline and not asks_who(q_content):
            # "ai … tuyên truyền?" asks who, not for the part headed "Công tác tuyên truyền"
            draft = self._heading_lookup(q_content, focus)
            if draft is not None:
                return draft
        draft = self._content(q_content, intent, focus, k)
        if draft is None and intent.deadline:
            return self._duties(q, intent, focus, context)  # no dated line anywhere: the unit's tasks still answer
        return draft

    def _has_unknown_words(self, q: str) -> bool:
        """Whether the question has a content word no document contains ("xe buýt")."""
        return bool(unknown_words(query_terms(self.analyzer, q), self.index.term_weights()))

    # ------------------------------------------------------------ sections named in the question

    def _section_refs(self, refs: list[str], intent: Intent, focus: list[str] | None) -> Draft | None:
        """ "Điều 9 Thông tư 124 quy định gì?", "mục III.2 của kế hoạch Lào Cai": the named section, whole."""
        if focus is None:
            own = self._corpus_doc_for(intent) if intent.legal_keys or intent.legal_type_nums else None
            focus = [own.doc_id] if own else None
        docs = [self.index.get(d) for d in focus] if focus else None
        evidence = []
        for ref in refs:
            if docs is not None:
                holders = [d for d in docs if d.section(ref) is not None][:3]
            else:  # looked up, not scanned: the documents that have a section with that id
                ids = self.index.holders_of(ref)
                if ref.startswith("Điều"):
                    ids = self.index.holders_of(ref, kind="normative") or ids
                holders = [self.index.get(d) for d in ids[:3]]
            for doc in holders:
                sec = doc.section(ref)
                lines = [ln for ln in section_lines(doc, ref, own=False) if not ln.heading][:MAX_SECTION_LINES]
                if sec is not None and lines:
                    evidence.append(Evidence(doc.doc_id, ref, sec.heading, lines, score=1.0))
        return Draft(evidence) if evidence else None

    def _definition(self, q: str, focus: list[str] | None) -> Draft | None:
        """ "Cơ quan là gì theo Thông tư 124?": the khoản that defines the term, whole."""
        # only documents that define terms can answer: looked up, not scanned
        docs = [self.index.get(d) for d in (focus or self.index.defining())]
        evidence = []
        for doc_id, section in asked_definitions(q, docs)[:3]:
            doc = self.index.get(doc_id)
            lines = section_lines(doc, section, own=False)
            body = [ln for ln in lines if not ln.heading] or lines
            evidence.append(
                Evidence(doc_id, section, doc.section(section).heading, body[:MAX_SECTION_LINES], score=1.0)
            )
        return Draft(evidence) if evidence else None

    def _heading_lookup(self, q: str, focus: list[str]) -> Draft | None:
        """ "Nhiệm vụ trọng tâm của Kiên Hải là gì?": a question that is a section's heading gets that whole section."""
        terms = query_terms(self.analyzer, q)
        if not terms.uni:
            return None
        best: tuple[float, int, Document, str] | None = None
        for doc in (self.index.get(d) for d in focus):
            title = text_terms(self.analyzer, doc.title or "")
            for sec in doc.sections:
                have = text_terms(self.analyzer, sec.heading)
                heading_words = {t for t in have if t.startswith("f:") and t[2:] not in STOPWORDS}
                if all(terms.covered(t, have) for t in terms.uni):
                    share = min(1.0, len(terms.uni) / len(heading_words)) if heading_words else 0.0
                elif (
                    heading_words
                    and heading_words <= terms.uni
                    and all(terms.covered(t, have | title) for t in terms.uni)
                ):
                    share = 1.0  # the whole heading, and the plan's own title: "Mục đích của phong trào thi đua 2026"
                else:
                    continue  # every content word of the question must be in the heading (or a synonym of it)
                if share >= 0.5 and (best is None or (share, sec.level) > (best[0], best[1])):
                    best = (share, sec.level, doc, sec.id)
        if best is None:
            return None
        _, _, doc, sid = best
        sec = doc.section(sid)
        lines = [ln for ln in section_lines(doc, sid, own=False) if not (ln.heading and ln.start == sec.start)][
            :MAX_SECTION_LINES
        ]
        return Draft([Evidence(doc.doc_id, sid, sec.heading, lines, score=1.0)]) if lines and sec else None

    # ------------------------------------------------------------ units and duties

    def units(self) -> UnitCatalog:
        if self._units is None:
            self._units = UnitCatalog(self.index.catalog, self.analyzer)
        return self._units

    def _duties(
        self, q: str, intent: Intent, focus: list[str] | None, context: dict[str, Any], *, dated_only: bool = False
    ) -> Draft | None:
        """All tasks a named unit is given, from the section(s) assigning them, grouped by document."""
        catalog = self.units()
        matches = catalog.find(q, focus)
        if matches and intent.kind != "duty":
            rest = self.index.names_in(q)[1] or q  # without the words that name the plan ("Sóc Trăng")
            terms = query_terms(self.analyzer, rest)
            unknown = unknown_words(terms, self.index.term_weights())
            if unknown and _only_unknown_besides_unit(matches, terms, unknown):
                return None  # "Phòng Công tác sinh viên ở tầng mấy?" names a unit but asks nothing of its tasks
        if not matches and context.get("unit") and has(fkey(q), "con", "the con", "thi sao", "nhu the nao", "lam gi"):
            matches = catalog.find(str(context["unit"]), focus)
        usable = [m for m in matches if m.has_lines]  # a section with only its heading line gives no task
        if not usable:
            return None
        if intent.deadline:
            # "Văn phòng nộp báo cáo trước ngày nào?": the line that dates the task leads ("Giao Văn phòng … trước
            # ngày 15/11/2026" in V before the undated list of IV.1); with none, the text may say it elsewhere
            usable.sort(key=lambda m: not m.dated)
            if dated_only and not usable[0].dated:
                return None
        # an answer shows the first MAX_CITED sections and counts the others: only those shown are read (a unit
        # named in thousands of plans would otherwise read every one of them)
        shown = set(list(dict.fromkeys((m.doc_id, m.section) for m in usable))[:MAX_CITED])
        evidence: list[Evidence] = []
        for m in usable:
            if (m.doc_id, m.section) not in shown:
                evidence.append(Evidence(m.doc_id, m.section, m.name, [], score=m.score))  # counted, not shown
                continue
            doc = self.index.get(m.doc_id)
            lines = [ln for ln in section_lines(doc, m.section) if not ln.heading] if m.whole_section else [m.line]
            sec = doc.section(m.section)
            evidence.append(Evidence(m.doc_id, m.section, sec.heading if sec else m.name, lines, score=m.score))
        return Draft(
            evidence, intro=f"Nhiệm vụ của {matches[0].name}:" if len({m.doc_id for m in matches}) == 1 else ""
        )

    # ------------------------------------------------------------ content

    def _stands_out(self, lead: Any, others: list[Any], terms: QueryTerms) -> bool:
        """ "Trường có bạo lực học đường thì sao?": the leading item alone holds most of what the question asks.

        Words and word pairs of the question in the lead's text but in no sibling's outweigh those they share.
        """
        weights = self.index.term_weights()

        def own(hit: Any) -> frozenset[str]:
            return text_terms(self.analyzer, self.index.get(hit.doc_id).section_text(hit.section, own=False))

        mine = own(lead)
        theirs: set[str] = set().union(*(own(o) for o in others))
        found = [t for t in (*terms.uni, *terms.bi) if terms.covered(t, mine)]
        only = sum(weights.idf(t) for t in found if not terms.covered(t, theirs))
        return only > sum(weights.idf(t) for t in found if terms.covered(t, theirs))

    def _content(self, q: str, intent: Intent, focus: list[str] | None, k: int) -> Draft | None:
        # numbered sections only: header and preamble are answered from parsed fields by their own handlers
        filters: dict[str, Any] = {"unit_kind": "section"}
        if intent.cross and has(fkey(q), "ke hoach nao", "nhung ke hoach", "cac ke hoach", "truong nao"):
            # "kế hoạch nào …?", "trường nào …?" ask about plans, not the directives they cite
            filters["doc_type"] = "Kế hoạch"
        if has(fkey(q), *_SHOPPING):
            return None
        hits = self.searcher.sections(q, k=max(k, 5), doc_ids=focus, use_names=focus is None, filters=filters)
        if not hits:
            return None
        weights = self.index.term_weights()
        terms = query_terms(self.analyzer, q)
        hits = _prefer_listing_parent(hits, self.index, lambda lead, others: self._stands_out(lead, others, terms))
        scored = [(coverage(terms, _section_terms(self, h), weights), h) for h in hits]
        best_cov = max(c for c, _ in scored[:3])
        # a close runner-up that answers far more of the question leads ("chỉ tiêu": the section that says
        # "phấn đấu 100 %" over one that only shares the word "chỉ" of "chỉ đạo")
        for cov, h in scored[1:3]:
            if cov >= scored[0][0] + COVERAGE_LEAD and h.score >= 0.5 * hits[0].score:
                hits = [h, *(x for x in hits if x is not h)]
                break
        if asks_who(q) and not intent.deadline and not self._assigns(hits[0]):
            # "ai lo đăng bài tuyên truyền?": a close runner-up under "Tổ chức thực hiện" names who does it
            lead = next((h for h in hits[1:3] if h.score >= WHO_RUNNER_UP * hits[0].score and self._assigns(h)), None)
            if lead is not None:
                hits = [lead, *(x for x in hits if x is not lead)]
        if intent.deadline and not self._dated(hits[0]):
            # "trước ngày nào …?": a close runner-up that states a date answers it, the leader does not
            lead = next((h for h in hits[1:3] if h.score >= DATED_RUNNER_UP * hits[0].score and self._dated(h)), None)
            if lead is not None:
                hits = [lead, *(x for x in hits if x is not lead)]
        unknown = unknown_words(terms, weights)
        if unknown and _only_unknown_besides_unit(self.units().find(q, focus), terms, unknown):
            logger.debug("refusing %r: beside the unit it names, only unknown words %s", q, unknown)
            return None
        # a rare word missing from the sections found is telling; when the question names its plans, only a
        # word missing from those plans altogether is ("lương giáo viên Lào Cai": Lào Cai never says "lương")
        where = (
            [text_terms(self.analyzer, self.index.get(d).text) for d in focus]
            if focus
            else [_section_terms(self, h) for h in hits[:3]]
        )
        missing = missing_anchor(terms, weights, where)
        strange = unknown_bigram_share(terms, weights) >= UNKNOWN_BIGRAMS
        threshold = MIN_COVERAGE_STRICT if unknown or missing or strange else MIN_COVERAGE
        if threshold == MIN_COVERAGE and len(hits) > 1 and hits[0].score >= CLEAR_LEAD * hits[1].score:
            threshold = MIN_COVERAGE_CLEAR  # one section stands far above the rest: the search is sure of it
        if best_cov < threshold:
            logger.debug(
                "refusing %r: coverage %.2f, unknown %s, missing %s, unknown bigrams %s",
                q,
                best_cov,
                unknown,
                missing,
                strange,
            )
            return None
        top = hits[0].score
        chosen = [hits[0]]
        if intent.cross or (len({h.doc_id for h in hits[:4]}) > 1 and (focus is None)):
            for h in hits[1:]:
                if len(chosen) >= (5 if intent.cross else 3):
                    break
                if h.score >= (0.35 if intent.cross else 0.6) * top and not any(
                    _related(h.section, c.section) and h.doc_id == c.doc_id for c in chosen
                ):
                    chosen.append(h)
        else:
            for h in hits[1:3]:
                if h.score >= 0.75 * top and not any(
                    _related(h.section, c.section) and h.doc_id == c.doc_id for c in chosen
                ):
                    chosen.append(h)
        evidence = []
        for h in chosen:
            doc = self.index.get(h.doc_id)
            lines = self._pick_lines(doc, h.section, terms, deadline=intent.deadline)
            if lines:
                evidence.append(Evidence(h.doc_id, h.section, h.heading, lines, score=h.score))
        if not evidence:
            return None
        if not self._states_the_number(q, evidence, terms, weights):
            return None
        legal = self._bases_in(evidence, intent) if intent.type_filter or has(fkey(q), "van ban nao") else []
        return Draft(evidence, legal=legal)

    def _states_the_number(self, q: str, evidence: list[Evidence], terms: QueryTerms, weights: Any) -> bool:
        """A question for an amount is answered only by a line that states one about what it asks.

        "Có bao nhiêu vụ bạo lực học đường?" is not answered by "100% cơ sở giáo dục đăng ký …"; "mức phạt",
        "tiền lương" want a sum of money, which plans of this kind rarely state.
        """
        fq = fkey(q)
        lines = [ln for ev in evidence for ln in ev.lines]
        if has(fq, *_MONEY):
            return any(_AMOUNT.search(ln.clean) for ln in lines)
        if has(fq, *_PRISON):
            return any(_TERM.search(ln.clean) for ln in lines)
        if has(fq, *_CLOCK):
            # "mấy giờ bảo vệ trực?" is answered by "24/24 giờ"; an opening or closing time is not
            hour = _HOUR if has(fq, "dong cua", "mo cua") else _HOUR_OR_ALL_DAY
            return any(hour.search(ln.clean) for ln in lines)
        if not has(fq, "bao nhieu"):
            return True
        census = bool(_CENSUS.search(fq))

        def counts(text: str) -> bool:
            text = _NOT_A_COUNT.sub(" ", text)
            return bool(re.search(r"\d", _PERCENT_NUMBER.sub(" ", text) if census else text))

        return any(
            counts(ln.clean) and coverage(terms, text_terms(self.analyzer, ln.clean), weights) >= NUMBER_LINE
            for ln in lines
        )

    def _bases_in(self, evidence: list[Evidence], intent: Intent) -> list[LegalBasis]:
        """Cited documents inside the quoted lines ("theo quy chế nào?" -> the quy chế the line names)."""
        found: list[LegalBasis] = []
        for ev in evidence:
            doc = self.index.get(ev.doc_id)
            spans = [(ln.start, ln.start + len(ln.text)) for ln in ev.lines]
            ids = [c.id for c in doc.citations if any(a <= c.start < b for a, b in spans)]
            for cid in ids:
                try:
                    entry = self.index.legal_basis(cid)
                except CancuError:
                    continue
                if _matches_filters(entry, intent):
                    found.append(entry)
        return _unique(found)

    def _assigns(self, hit: Any) -> bool:
        """Whether a section lies under the part that assigns the tasks ("Tổ chức thực hiện")."""
        headings = self.index.get(hit.doc_id).heading_path(hit.section)
        return any("to chuc thuc hien" in unit_words(h) for h in headings)

    def _dated(self, hit: Any) -> bool:
        return has_date(self.index.get(hit.doc_id).section_text(hit.section, own=True))

    def _pick_lines(self, doc: Document, section: str, terms: QueryTerms, *, deadline: bool) -> list[Line]:
        own = [ln for ln in section_lines(doc, section) if not ln.heading]
        if _announces_list(doc, section):
            # "… khi đạt đủ các tiêu chí sau:" — the items are the answer, all of them
            return [
                ln
                for ln in section_lines(doc, section, own=False)
                if not ln.heading or ln.start != doc.section(section).start
            ]
        if not own:
            return [ln for ln in section_lines(doc, section)]
        if deadline:
            dated = [ln for ln in own if has_date(ln.text)]
            if dated:
                ranked = rank_lines(dated, self.analyzer, terms, self.index.term_weights())
                keep = {id(ln) for _, ln in ranked[:3]}
                return [ln for ln in dated if id(ln) in keep]
        total = sum(len(ln.text) for ln in own)
        if total <= 900:
            return own
        ranked = rank_lines(own, self.analyzer, terms, self.index.term_weights())
        best = ranked[0][0] if ranked else 0
        keep = {id(ln) for s, ln in ranked[:4] if s >= 0.4 * best and s > 0}
        return [ln for ln in own if id(ln) in keep] or own[:3]

    # ------------------------------------------------------------ document facts

    def _doc_fact(self, intent: Intent, focus: list[str] | None, q: str = "") -> Draft | None:
        docs = [self.index.get(d) for d in focus] if focus else [d for d in self.index.documents() if d.kind == "plan"]
        years = {int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", q)}
        if not focus and years:
            # "kế hoạch năm 2025" is the plan for 2025 (its title) before the one signed in 2025
            docs = (
                [d for d in docs if any(str(y) in (d.title or "") for y in years)]
                or [d for d in docs if d.year in years]
                or docs
            )
        if not docs:
            return None
        facts = intent.facts or [intent.fact or "title"]
        if facts == ["outline"]:
            return self._outline(docs)
        evidence = []
        for doc in docs:
            for fact in facts:
                ev = _fact_evidence(doc, fact)
                if ev is not None:
                    evidence.append(ev)
        return Draft(evidence, group_by_doc=False) if evidence else None

    def _outline(self, docs: list[Document]) -> Draft | None:
        """ "Kế hoạch Mỹ Tú gồm những mục nào?": the top-level sections of one document, each cited to its heading.

        Without a named document the question cannot be answered: the catalog is offered, to pick one.
        """
        if len(docs) != 1:
            catalog = self._catalog()
            if catalog is not None:
                catalog.intro = "Hãy nêu tên văn bản để xem bố cục của nó. " + catalog.intro
            return catalog
        doc = docs[0]
        top = [s for s in doc.sections if s.parent is None]
        evidence = [
            Evidence(doc.doc_id, s.id, s.heading, lines[:1], statements=[f"{s.id}. {s.heading} {{n}}"])
            for s in top
            if (lines := section_lines(doc, s.id))
        ]
        unit = (
            "điều"
            if top and top[0].id.startswith("Điều")
            else "chương"
            if top and top[0].id.startswith("Chương")
            else "phần"
        )
        intro = f"{doc_name(doc)} gồm {len(evidence)} {unit}"
        intro += f"; {MAX_CITED} {unit} đầu:" if len(evidence) > MAX_CITED else ":"
        return Draft(evidence[:MAX_CITED], intro=intro, group_by_doc=False) if evidence else None

    def _catalog(self) -> Draft | None:
        """ "Có bao nhiêu kế hoạch?": the documents held, each cited to the title in its header."""
        docs = self.index.documents()
        plans = sum(1 for d in docs if d.kind == "plan")
        evidence = [ev for d in docs if (ev := _fact_evidence(d, "title")) is not None]
        intro = f"Hiện có {len(docs)} văn bản ({plans} kế hoạch, {len(docs) - plans} văn bản khác):"
        return Draft(evidence, intro=intro, group_by_doc=False) if evidence else None

    # ------------------------------------------------------------ legal bases

    def _ref(self, e: LegalBasis) -> LegalBasisRef:
        return LegalBasisRef(
            id=e.id,
            type=e.type,
            date=e.date,
            issuer=e.issuer,
            title=e.title,
            citation=e.citation,
            cited_by=e.cited_by,
            conflicts=e.conflicts,
        )

    def _mention_evidence(
        self, entry: LegalBasis, doc_id: str | None = None, statement: str | None = None, limit: int = MAX_CITED
    ) -> list[Evidence]:
        """Evidence for a cited document: the line(s) where each citing document mentions it (the first ``limit``)."""
        out: list[Evidence] = []
        seen: set[tuple[str, str]] = set()
        for ref in entry.cited_by:
            if len(out) >= limit:
                break
            if doc_id and ref.doc_id != doc_id:
                continue
            if (ref.doc_id, ref.section) in seen:
                continue
            seen.add((ref.doc_id, ref.section))
            doc = self.index.get(ref.doc_id)
            line = _line_mentioning(doc, ref.section, entry)
            if line is None:
                continue
            sec = doc.section(ref.section)
            out.append(
                Evidence(
                    ref.doc_id,
                    ref.section,
                    sec.heading if sec else ref.section,
                    [line],
                    statements=[statement] if statement else [],
                )
            )
        return out

    def _plan_bases(self, q: str, intent: Intent, focus: list[str] | None) -> Draft | None:
        if not focus:
            by_title = self._bases_by_title(q, intent)
            if by_title:
                return self._legal_lookup_entries(by_title, intent)
        if intent.by_title:
            return None  # no cited document's title says it: the plans' text may
        docs = [self.index.get(d) for d in focus] if focus else [d for d in self.index.documents() if d.kind == "plan"]
        # "căn cứ / dựa trên / cơ sở pháp lý / thực hiện theo": the grounds in the preamble; "nhắc đến / trích
        # dẫn" and a named type ("những chỉ thị nào") reach into the body as well
        strict_preamble = (
            has(
                fkey(q),
                "can cu",
                "dua tren",
                "dua vao",
                "co so phap ly",
                "tren co so",
                "thuc hien theo",
                "ban hanh theo",
                "thuc hien ke hoach",
            )
            and not has(fkey(q), "nhac den", "nhac toi", "trich dan", "de cap")
            and not intent.type_filter
        )
        evidence: list[Evidence] = []
        legal: list[LegalBasis] = []
        for doc in docs:
            entries = [e for e in self.index.entries_citing(doc.doc_id) if _matches_filters(e, intent)]
            if strict_preamble:
                pre = [
                    e for e in entries if any(c.doc_id == doc.doc_id and c.section == "preamble" for c in e.cited_by)
                ]
                entries = pre or entries
            entries.sort(key=lambda e: min((c.start for c in doc.citations if mentions(c, e)), default=len(doc.text)))
            for e in entries:
                refs = [c for c in e.cited_by if c.doc_id == doc.doc_id]
                section = (
                    "preamble" if strict_preamble and any(c.section == "preamble" for c in refs) else refs[0].section
                )
                line = _line_mentioning(doc, section, e)
                if line is None:
                    continue
                sec = doc.section(section)
                evidence.append(
                    Evidence(
                        doc.doc_id, section, sec.heading if sec else section, [line], statements=[f"{e.citation} {{n}}"]
                    )
                )
                legal.append(e)
        if not evidence:
            return None
        intro = (
            f"{doc_name(docs[0])} căn cứ các văn bản sau:"
            if len(docs) == 1
            else "Các văn bản căn cứ theo từng kế hoạch:"
        )
        return Draft(
            _merge_same_section(evidence), intro=intro, legal=_unique(legal), notes=_conflict_notes(legal, self.index)
        )

    def _bases_by_title(self, q: str, intent: Intent) -> list[LegalBasis]:
        """ "Văn bản nào quy định tiêu chí đánh giá, phân loại phong trào …?": entries whose title says it."""
        terms = query_terms(self.analyzer, q)
        if len(terms.uni) < 3:
            return []
        weights = self.index.term_weights()
        scored = []
        for e in self.index.registry():
            if not e.title or not _matches_filters(e, intent):
                continue
            scored.append((coverage(terms, text_terms(self.analyzer, f"{e.type} {e.title}"), weights), e))
        scored.sort(key=lambda x: -x[0])
        if not scored or scored[0][0] < TITLE_MATCH:
            return []
        best = [e for c, e in scored if c >= 0.9 * scored[0][0]]
        in_force = [e for e in best if not self._replaced(e)]
        return (in_force or best)[:3]

    def _plans_by_issuer(self, q: str) -> list[str]:
        """Plans a question picks by their issuing body ("kế hoạch nào do UBND ban hành?")."""
        m = _BY_ISSUER.search(f" {self.units().expand(q)} ")
        if not m:
            return []
        body = set(m.group("body").split()) - _PLACE_FILLERS
        if not body:
            return []
        found = []
        for doc in sorted(self.index.heads().values(), key=lambda h: h.doc_id):  # header fields only
            issuer = self.units().expand(doc.issuer or "")
            if doc.kind == "plan" and body <= set(issuer.split()):
                found.append(doc.doc_id)
        return found

    def _cited_by_issuer(self, q: str) -> list[LegalBasis]:
        """Cited documents a question names by kind and issuing body ("kế hoạch của Sở GDĐT Khánh Hòa")."""
        text = f" {self.units().expand(q)} "
        words = set(text.split())
        found = []
        for e in self.index.registry():
            if not e.issuer or e.doc_id is not None:
                continue  # a document the corpus holds is answered from its own header
            body = set(self.units().expand(e.issuer).split()) - _PLACE_FILLERS
            kind = unit_words(e.type)
            if len(body) >= 2 and body <= words and kind and f" {kind} " in text:
                found.append(e)
        return found if len(found) <= MAX_CITED else []

    def _replaced(self, e: LegalBasis) -> bool:
        """Whether a document in the corpus says it replaces this one ("… và thay thế Thông tư số 23/2012/TT-BCA")."""
        for doc_id in e.citing_docs:
            doc = self.index.get(doc_id)
            for c in doc.citations:
                if mentions(c, e):
                    before = fold(doc.text[max(0, c.start - 40) : c.start]).lower()
                    if re.search(
                        r"thay the(?: cho)?(?: (?:thong tu|quyet dinh|nghi dinh|chi thi)(?: so)?)?\s*$", before
                    ):
                        return True
        return False

    def _resolve_legal(self, intent: Intent) -> list[LegalBasis]:
        found: list[LegalBasis] = []
        registry = self.index.registry()
        for key in intent.legal_keys:
            for e in registry:
                if id_key(e.id) == key or any(id_key(v) == key for v in e.variants):
                    found.append(e)
        for kind, num in intent.legal_type_nums:
            for e in registry:
                if fold(e.type).lower() == kind and e.number.lstrip("0") == num:
                    found.append(e)
        return _unique(found)

    def _corpus_doc_for(self, intent: Intent) -> Document | None:
        """The document of the corpus a question names by number ("Thông tư 124"), looked up by its number."""
        return self.index.doc_by_number(intent.legal_keys, intent.legal_type_nums)

    def _legal_lookup(self, q: str, intent: Intent, focus: list[str] | None, k: int) -> Draft | None:
        own = self._corpus_doc_for(intent)
        entries = self._resolve_legal(intent)
        citing = [d for d in (focus or []) if own is None or d != own.doc_id]
        if entries and citing and has(fkey(q), "can cu", "trich dan", "nhac den", "nhac toi", "dua tren", "dan chieu"):
            return self._does_cite(citing, entries, dated=intent.fact == "date" or intent.deadline)
        if own is not None and not intent.asks_cited_by:
            if intent.asks_bases:
                return self._plan_bases(q, intent, [own.doc_id])
            draft = self._own_document(q, intent, own, k)
            if (
                draft is not None
                and not draft.legal
                and all(ev.section in ("header", "signature") for ev in draft.evidence)
            ):
                draft.legal = entries  # a fact of its header: the document's citation string goes with it
            return draft
        if not entries:
            return None
        return self._legal_lookup_entries(entries, intent)

    def _own_document(self, q: str, intent: Intent, own: Document, k: int) -> Draft | None:
        """A question about a legal document the corpus holds in full: its header or its text."""
        rest = strip_legal_mentions(q)
        if intent.fact is None and not has(fkey(q), "hieu luc") and (facts := header_facts(rest)):
            # "Thông tư 124 ngày bao nhiêu?" asks its header; "có hiệu lực từ ngày nào?" asks its Điều 11
            intent = Intent("doc_fact", fact=facts[0], facts=facts)
        elif intent.fact is None and {t.removeprefix("f:") for t in query_terms(self.analyzer, rest).uni} <= _GIST:
            # "Thông tư 124 quy định những gì?": its title, and its "Phạm vi điều chỉnh" where it has one
            draft = self._doc_fact(Intent("doc_fact", fact="title", facts=["title"]), [own.doc_id])
            scope = next((x for x in own.sections if "pham vi dieu chinh" in fkey(x.heading)), None)
            if draft is not None and scope is not None:
                lines = [ln for ln in section_lines(own, scope.id, own=False) if not ln.heading]
                draft.evidence.append(Evidence(own.doc_id, scope.id, scope.heading, lines[:MAX_SECTION_LINES]))
            return draft
        if has(fkey(rest), *_PROPOSER):
            # "Ai đề nghị ban hành Thông tư 124?": the preamble's "Theo đề nghị của …" line
            line = next(
                (ln for ln in section_lines(own, "preamble") if fkey(ln.clean).startswith(" theo de nghi ")), None
            )
            if line is not None:
                return Draft([Evidence(own.doc_id, "preamble", "Căn cứ ban hành", [line], score=1.0)])
        if intent.fact in _DOC_FACTS:
            return self._doc_fact(intent, [own.doc_id])
        # "Thông tư 124 thay thế thông tư nào?": the documents its quoted lines name, other than itself
        asked = detect(rest)
        draft = self._content(
            rest, Intent("content", deadline=intent.deadline, type_filter=asked.type_filter), [own.doc_id], k
        )
        if draft is not None:
            draft.legal = [e for e in draft.legal if e.doc_id != own.doc_id]
        return draft

    def _does_cite(self, doc_ids: list[str], entries: list[LegalBasis], *, dated: bool = False) -> Draft | None:
        """ "Kế hoạch Sóc Trăng có căn cứ Thông tư 124 không?": yes with the lines, or no with the plan's bases.

        Asked for a date ("Mỹ Tú căn cứ Chỉ thị 09 ngày nào?"), the yes gives the date(s) as that plan writes
        them; where plans disagree on a date, the warning goes with the answer either way.
        """
        evidence: list[Evidence] = []
        for doc_id in doc_ids:
            doc = self.index.get(doc_id)
            for e in entries:
                found = self._mention_evidence(e, doc_id=doc_id)
                if found:
                    where = ", ".join(_where(ev.section) for ev in found)
                    found[0].statements = [
                        f"{doc_name(doc)} ghi {e.type} {e.id} ngày {_dates_written(e, doc_id)} {{n}}."
                        if dated and e.date
                        else f"Có. {doc_name(doc)} trích dẫn {e.type} {e.id} ({where}) {{n}}."
                    ]
                    evidence.extend(found)
                    continue
                bases = section_lines(doc, "preamble")
                if bases:
                    statement = (
                        f"Không. {doc_name(doc)} không trích dẫn {e.type} {e.id}; phần căn cứ của kế hoạch {{n}}:"
                    )
                    evidence.append(
                        Evidence(doc_id, "preamble", "Căn cứ ban hành", bases, statements=[statement], show_lines=True)
                    )
        notes = _conflict_notes(entries, self.index)
        return Draft(evidence, legal=entries, notes=notes, group_by_doc=False) if evidence else None

    def _legal_lookup_entries(self, entries: list[LegalBasis], intent: Intent) -> Draft | None:
        """What is known of some cited documents: citation string, date or citing plans, with the citing lines."""
        evidence: list[Evidence] = []
        for e in entries:
            docs = sorted(set(e.citing_docs))
            labels = _listing([doc_name(self.index.get(d)) for d in docs[:MAX_CITED]], len(docs))
            if intent.asks_cited_by or intent.cross:
                head = f"{e.citation} được {len(docs)} văn bản trích dẫn: {labels} {{n}}"
            elif intent.fact == "date" or intent.deadline:
                head = f"{e.type} {e.id} ban hành ngày {_fmt_date(e.date)} {{n}}"
            else:
                head = f"{e.citation} {{n}}"
            for i, ev in enumerate(self._mention_evidence(e)):
                if i == 0:
                    ev.statements = [head]
                else:
                    ev.statements = []
                evidence.append(ev)
        notes = _conflict_notes(entries, self.index)
        return Draft(evidence, legal=entries, notes=notes, group_by_doc=False)

    def _drafter(self, q: str, intent: Intent, focus: list[str] | None) -> Draft | None:
        heads = self.index.heads()  # header fields only: unnamed, every plan takes part
        plans = (
            [heads[d] for d in focus]
            if focus
            else sorted((h for h in heads.values() if h.kind == "plan"), key=lambda h: h.doc_id)
        )
        notes: list[str] = []
        scope = ""
        # not "… văn bản nào của UBND tỉnh?": that names the cited documents' issuer
        kind = (
            None
            if focus or intent.issuer_filter
            else next((k for k in _BODY_KINDS if has(fkey(q), *_BODY_KINDS[k])), None)
        )
        if kind is not None:
            # "tôi soạn kế hoạch cho trường cao đẳng …": the bases plans of that kind of body use
            same = [d for d in plans if has(fkey(d.issuer or ""), *_BODY_KINDS[kind])]
            if same:
                plans = same
                scope = f"{len(same)} kế hoạch của {kind}"
            else:
                notes.append(f"Chưa có kế hoạch nào của {kind} trong kho; dưới đây là căn cứ của mọi kế hoạch.")
        plan_ids = {d.doc_id for d in plans}
        ranked = []
        if intent.type_filter == "Kế hoạch":
            intent = replace(intent, type_filter=None)  # "trong các kế hoạch": the citing plans, not a cited kind
        for e in self.index.registry():
            citing = sorted(set(e.citing_docs) & plan_ids)
            if citing and _matches_filters(e, intent):  # "… căn cứ chỉ thị nào của Bộ Công an?"
                ranked.append((len(citing), e.year or 0, e, citing))
        ranked.sort(key=lambda x: (-x[0], -x[1], x[2].id))
        recommended = [r for r in ranked if r[0] >= 2] or ranked[:3]
        if ranked and asks_most_cited(q):
            recommended = [r for r in ranked if r[0] == ranked[0][0]]  # "… nhiều nhất": the most cited only
        if not recommended:
            return None
        evidence: list[Evidence] = []
        for count, _, e, citing in recommended:
            where = _listing([doc_name(heads[d]) for d in citing[:MAX_CITED]], len(citing), sep="; ")
            statement = f"{e.citation} — được {count}/{len(plan_ids)} kế hoạch căn cứ hoặc trích dẫn ({where}) {{n}}"
            mentions = self._mention_evidence(e)
            mentions.sort(key=lambda ev: (ev.section != "preamble", -(self.index.get(ev.doc_id).year or 0)))
            if mentions:
                mentions[0].statements = [statement]
                evidence.append(mentions[0])
        others = [r for r in ranked if r not in recommended]
        notes += _conflict_notes([r[2] for r in recommended], self.index)
        if others:
            notes.append("Văn bản chỉ được một kế hoạch trích dẫn: " + ", ".join(r[2].id for r in others[:12]) + ".")
        scope = scope or f"{len(plan_ids)} kế hoạch"
        intro = f"Các văn bản được nhiều kế hoạch cùng loại ({scope}) căn cứ nhất, mới nhất trước trong cùng số lượt:"
        return Draft(evidence, intro=intro, notes=notes, legal=[r[2] for r in recommended], group_by_doc=False)

    # ------------------------------------------------------------ composing

    def _compose(self, question: str, draft: Draft | None, qid: str | int | None) -> Answer:
        citations: list[Citation] = []
        body: list[str] = []
        if draft is not None:
            groups: dict[str, list[Evidence]] = {}
            shown = _first_sections(draft.evidence, MAX_CITED)
            hidden = len({(e.doc_id, e.section) for e in draft.evidence}) - len({(e.doc_id, e.section) for e in shown})
            if hidden > 0:
                draft.notes.append(
                    f"Còn {hidden} mục khác cũng phù hợp; hãy nêu tên kế hoạch hoặc văn bản để xem cụ thể."
                )
            for ev in shown:
                groups.setdefault(ev.doc_id if draft.group_by_doc else "", []).append(ev)
            for group_doc, evs in groups.items():
                name = doc_name(self.index.get(group_doc)) if group_doc else ""
                if name and name not in draft.intro:  # unless the intro already names the plan
                    body.append(f"Theo {name}:")
                for ev in evs:
                    n = self._cite(ev, citations)
                    if n is None:
                        continue
                    if ev.statements:
                        body.extend(s.replace("{n}", f"[{n}]") for s in ev.statements)
                        if ev.show_lines:
                            body.extend(f"- {ln.clean} [{n}]" for ln in ev.lines)
                        continue
                    label = "" if ev.section in ("preamble", "header", "signature") else f"Mục {ev.section}"
                    if label and ev.heading:
                        label += f" «{ev.heading}»"
                    if label:
                        body.append(f"{label}:")
                    for ln in ev.lines:
                        text = ln.clean if not ln.heading else ln.text
                        body.append(f"- {text} [{n}]")
        if not citations:
            covered = ", ".join(doc_name(d) for d in self.index.first_documents(6))
            text = REFUSAL + (f" Các văn bản hiện có: {covered}." if covered else " Chưa có văn bản nào được nạp.")
            return Answer(id=qid, question=question, found=False, answer=text)
        parts = [draft.intro] if draft and draft.intro else []
        parts += body
        if draft and draft.notes:
            parts += ["", *draft.notes]
        cited_legal = [self._ref(e) for e in (draft.legal if draft else [])]
        return Answer(
            id=qid,
            question=question,
            found=True,
            answer="\n".join(parts).strip(),
            citations=citations,
            legal_bases=cited_legal,
        )

    def _cite(self, ev: Evidence, citations: list[Citation]) -> int | None:
        """Number a piece of evidence (one citation per section), after checking its quote is verbatim."""
        for c in citations:
            if c.doc_id == ev.doc_id and c.section == ev.section:
                return c.n
        doc = self.index.get(ev.doc_id)
        sec = doc.section(ev.section)
        if sec is None or not ev.lines:
            return None
        quote = _quote(doc, ev.lines)
        if not quote or quote not in doc.section_text(ev.section):
            logger.warning("dropping unverifiable citation %s %s", ev.doc_id, ev.section)
            return None
        n = len(citations) + 1
        citations.append(
            Citation(
                n=n,
                doc_id=doc.doc_id,
                doc_number=doc.number or "",
                doc_title=doc.title or "",
                section=ev.section,
                heading=ev.heading or sec.heading,
                quote=quote,
                score=round(float(ev.score), 4),
            )
        )
        return n


# ---------------------------------------------------------------- helpers


def _only_unknown_besides_unit(matches: list[Any], terms: QueryTerms, unknown: list[str]) -> bool:
    """ "Phòng Công tác sinh viên ở tầng mấy?": the unit is all the plans know of the question."""
    if not matches:
        return False
    rest = {t[2:] for t in terms.uni} - set(unit_words(matches[0].name).split())
    return bool(rest) and rest <= set(unknown)


def _signs_as(title: str | None, role: str) -> bool:
    """Whether a signature block is signed in ``role`` (folded): "HIỆU TRƯỞNG" is; "KT. HIỆU TRƯỞNG / PHÓ
    HIỆU TRƯỞNG" signs as "pho hieu truong" on the head's behalf; "TM. ỦY BAN … CHỦ TỊCH" as "chu tich"."""
    t = fkey(title or "")
    return t.endswith(f" {role} ") and not t.endswith(f" pho {role} ")


def _first_sections(evidence: list[Evidence], limit: int) -> list[Evidence]:
    """Evidence of the first ``limit`` distinct sections (an answer cites at most that many)."""
    keys: set[tuple[str, str]] = set()
    out = []
    for ev in evidence:
        key = (ev.doc_id, ev.section)
        if key not in keys and len(keys) >= limit:
            continue
        keys.add(key)
        out.append(ev)
    return out


def _listing(names: list[str], total: int, sep: str = ", ") -> str:
    """ "A, B, C" or, past the names shown, "A, B, C và 9.997 văn bản khác"."""
    text = sep.join(names)
    more = f"{total - len(names):,}".replace(",", ".")  # Vietnamese thousands separator
    return text if total <= len(names) else f"{text} và {more} văn bản khác"


def _section_terms(answerer: Answerer, hit: Any) -> frozenset[str]:
    """Folded terms of a section: its heading path and its whole text."""
    doc = answerer.index.get(hit.doc_id)
    return text_terms(
        answerer.analyzer, " ".join(doc.heading_path(hit.section)) + "\n" + doc.section_text(hit.section, own=False)
    )


def _announces_list(doc: Document, section: str) -> bool:
    """A section whose own text, after its heading line, ends with ":" — its children are the items it announces."""
    sec = doc.section(section)
    if sec is None or sec.body_end >= sec.end:
        return False
    own = doc.text[sec.start : sec.body_end].strip()
    return "\n" in own and own.endswith(":")


def _prefer_listing_parent(hits: list[Any], index: Any, stands_out: Callable[[Any, list[Any]], bool]) -> list[Any]:
    """When several items of one list match (Điều 5.1, 5.2, 5.3), answer with the list (Điều 5) instead.

    Not when one item leads: by score, or by holding the words of the question its siblings lack.
    """
    top = hits[:4]
    by_parent: dict[tuple[str, str], list[Any]] = {}
    for h in top:
        sec = index.get(h.doc_id).section(h.section)
        if sec is not None and sec.parent:
            by_parent.setdefault((h.doc_id, sec.parent), []).append(h)
    for (doc_id, parent), kids in by_parent.items():
        doc = index.get(doc_id)
        scores = sorted((k.score for k in kids), reverse=True)
        if len(kids) < 2 or not _announces_list(doc, parent) or hits[0] not in kids:
            continue
        if scores[0] >= LIST_LEAD * scores[1]:
            continue  # one item stands out ("bạo lực học đường": Điều 7.4 alone, not all of Điều 7)
        if hits[0] is kids[0] and stands_out(kids[0], kids[1:]):
            continue  # checked last: it reads the items' texts
        psec = doc.section(parent)
        lead = type(hits[0])(
            doc_id,
            parent,
            psec.heading if psec else parent,
            max(k.score for k in kids),
            [u for k in kids for u in k.units],
        )
        rest = [h for h in hits if h not in kids and not (h.doc_id == doc_id and h.section == parent)]
        return [lead, *rest]
    return hits


def _related(a: str, b: str) -> bool:
    return a == b or a.startswith(b + ".") or b.startswith(a + ".")


def _quote(doc: Document, lines: list[Line]) -> str:
    """The span from the first to the last line (if short enough), else the longest line."""
    start = min(ln.start for ln in lines)
    end = max(ln.start + len(ln.text) for ln in lines)
    if end - start <= MAX_QUOTE:
        return doc.text[start:end].strip()
    best = max(lines, key=lambda ln: len(ln.text))
    return best.text.strip()[: MAX_QUOTE * 2]


def _line_mentioning(doc: Document, section: str, entry: LegalBasis) -> Line | None:
    for c in doc.citations:
        if c.section == section and mentions(c, entry):
            lines = section_lines(doc, section, own=False)
            for ln in lines:
                if ln.start <= c.start < ln.start + len(ln.text) + 1:
                    return ln
    return None


#: "kế hoạch nào do <body> ban hành", "những kế hoạch nào của <body>"
_BY_ISSUER = re.compile(r" ke hoach nao (?:do|cua) (?P<body>(?:\w+ ){1,8}?)(?:ban hanh|lap|xay dung)? ?$")

#: words of a body's name a question may leave out ("Sở GDĐT Khánh Hòa" for "Sở … và Đào tạo tỉnh Khánh Hòa")
_PLACE_FILLERS = frozenset("va tinh thanh pho tp huyen quan".split())


def _matches_filters(e: LegalBasis, intent: Intent) -> bool:
    if intent.type_filter and not fold(e.type).lower().startswith(fold(intent.type_filter).lower()):
        return False  # "chương trình" covers "Chương trình hành động", "thông tư" covers "Thông tư liên tịch"
    if intent.issuer_filter:
        want = fold(intent.issuer_filter).lower()
        have = fold(e.issuer or "").lower()
        code = (e.issuer_code or "").upper()
        if want not in have and not (want == "bo cong an" and code.startswith("BCA")):
            return False
    return True


def _unique(entries: list[LegalBasis]) -> list[LegalBasis]:
    seen: set[str] = set()
    out = []
    for e in entries:
        if e.id not in seen:
            seen.add(e.id)
            out.append(e)
    return out


def _merge_same_section(evidence: list[Evidence]) -> list[Evidence]:
    """One evidence per (doc, section): statements and lines of the same section are pooled."""
    merged: dict[tuple[str, str], Evidence] = {}
    for ev in evidence:
        key = (ev.doc_id, ev.section)
        if key in merged:
            m = merged[key]
            m.statements.extend(ev.statements)
            m.lines.extend(ln for ln in ev.lines if ln not in m.lines)
        else:
            merged[key] = Evidence(ev.doc_id, ev.section, ev.heading, list(ev.lines), ev.score, list(ev.statements))
    return list(merged.values())


def _conflict_notes(entries: list[LegalBasis], index: Any) -> list[str]:
    notes = []
    for e in entries:
        for c in e.conflicts:
            field_vi = "ngày ban hành" if c.field == "date" else "cơ quan ban hành"
            parts = []
            for v in c.values:
                where = ", ".join(f"{_short(index, r)}" for r in v.cited_by)
                value = _fmt_date(v.value) if c.field == "date" else v.value
                parts.append(f"{value} ({where})")
            notes.append(
                f"Lưu ý: các văn bản ghi {field_vi} khác nhau cho {e.type} {e.id}: "
                + "; ".join(parts)
                + ". Cần kiểm tra lại bản gốc."
            )
    return notes


def _dates_written(e: LegalBasis, doc_id: str) -> str:
    """The date(s) one document gives a cited one, each with where it says so when they differ."""
    for c in e.conflicts:
        if c.field != "date":
            continue
        mine = [(v.value, [r for r in v.cited_by if r.doc_id == doc_id]) for v in c.values]
        mine = [(value, refs) for value, refs in mine if refs]
        if len(mine) > 1:
            return " và ".join(f"{_fmt_date(value)} ({_places(refs)})" for value, refs in mine)
        if mine:
            return _fmt_date(mine[0][0])
    return _fmt_date(e.date)


def _places(refs: list[CitedBy]) -> str:
    return ", ".join(_where(r.section) for r in refs)


def _where(section: str) -> str:
    """A section as a reader finds it: "phần căn cứ" or "mục II.1"."""
    return "phần căn cứ" if section == "preamble" else f"mục {section}"


def _short(index: Any, ref: CitedBy) -> str:
    doc = index.head(ref.doc_id)  # header fields only: a conflict may name thousands of citing plans
    label = (
        doc.number
        if doc.number and doc.number.split("/")[0].strip()
        else f"{doc.doc_type or 'văn bản'} {doc.place or doc.doc_id}"
    )
    return f"{label}, {_where(ref.section)}"


#: Header facts a question about one named document can ask for.
_DOC_FACTS = frozenset(
    {"signer", "issuer", "number", "date", "place", "title", "recipients", "managing_body", "outline"}
)


def _fact_evidence(doc: Document, fact: str) -> Evidence | None:
    """A header fact as a statement, cited to the header or signature line that states it."""
    header = section_lines(doc, "header")
    name = doc_name(doc)
    if fact == "signer":
        sig = section_lines(doc, "signature")
        if not doc.signer or not sig:
            return None
        title = f" ({doc.signer_title})" if doc.signer_title else ""
        return Evidence(doc.doc_id, "signature", "Chữ ký", sig, statements=[f"{name} do {doc.signer}{title} ký {{n}}."])
    if fact == "date":
        line = next((ln for ln in header if re.search(r"ngày\s*\d*\s*tháng", ln.text)), None)
        if line is None:
            return None
        if doc.date:
            when = f"ngày {_fmt_date(doc.date)}"
        elif doc.month and doc.year:
            when = f"tháng {doc.month}/{doc.year} (văn bản để trống ngày)"
        else:
            when = f"năm {doc.year}"
        return Evidence(doc.doc_id, "header", "Phần đầu văn bản", [line], statements=[f"{name} ban hành {when} {{n}}."])
    if fact == "place":
        line = next((ln for ln in header if doc.place and re.search(r"ngày\s*\d*\s*tháng", ln.text)), None)
        if line is None or not doc.place or doc.place not in line.text:
            return None
        return Evidence(
            doc.doc_id, "header", "Phần đầu văn bản", [line], statements=[f"{name} ban hành tại {doc.place} {{n}}."]
        )
    if fact == "number":
        line = next((ln for ln in header if ln.text.startswith("Số")), None)
        if line is None or not doc.number:
            return (
                Evidence(
                    doc.doc_id,
                    "header",
                    "Phần đầu văn bản",
                    header[:1],
                    statements=[f"{name} không ghi số hiệu {{n}}."],
                )
                if header
                else None
            )
        blank = " (phần số để trống)" if not doc.number.split("/")[0].strip() else ""
        return Evidence(
            doc.doc_id, "header", "Phần đầu văn bản", [line], statements=[f"Số hiệu: {doc.number}{blank} {{n}}."]
        )
    if fact == "issuer":
        where = f" ({doc.place})" if doc.place and fold(doc.place).lower() not in fold(doc.issuer or "").lower() else ""
        statement = f"Cơ quan ban hành: {doc.issuer}{where} {{n}}."
        line = next((ln for ln in header if doc.issuer and fold(doc.issuer).lower() in fold(ln.text).lower()), None)
        pre = section_lines(doc, "preamble")
        if line is None and doc.issuer:
            line = next((ln for ln in pre if fold(doc.issuer).lower() in fold(ln.text).lower()), None)
            if line is not None:
                return Evidence(
                    doc.doc_id,
                    "preamble",
                    "Căn cứ ban hành",
                    [line],
                    statements=[statement],
                )
        if line is None:
            return None
        return Evidence(
            doc.doc_id,
            "header",
            "Phần đầu văn bản",
            [line],
            statements=[statement],
        )
    if fact == "managing_body":
        line = next(
            (ln for ln in header if doc.managing_body and fold(doc.managing_body).lower() in fold(ln.text).lower()),
            None,
        )
        if line is None:
            return None
        return Evidence(
            doc.doc_id, "header", "Phần đầu văn bản", [line],
            statements=[f"{name} thuộc {doc.managing_body} (cơ quan chủ quản) {{n}}."],
        )  # fmt: skip
    if fact == "recipients":
        lines = section_lines(doc, "recipients")
        items = [ln for ln in lines if not re.match(r"(?i)nơi nhận", ln.text)] or lines
        if not items:
            return None
        return Evidence(
            doc.doc_id, "recipients", "Nơi nhận", items[:MAX_SECTION_LINES],
            statements=[f"{name} gửi tới {{n}}:"], show_lines=True,
        )  # fmt: skip
    title_line = next((ln for ln in header if doc.title and ln.text.strip() == doc.title.strip()), None)
    if title_line is None:
        return None
    return Evidence(doc.doc_id, "header", "Phần đầu văn bản", [title_line], statements=[f"{name}: {doc.title} {{n}}."])
