"""What a strategy may read while answering one question: the index, the search and its first pass, the policy.

The first pass (``Searcher.plan``) is run once per question and shared: it says which documents the question
is about, which the fact, legal-basis and content strategies all need.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from core.legal_ids import leading_number
from core.text import fold
from retrieval.analyzer import token_index
from retrieval.answers.header import unnamed
from retrieval.answers.initials import written
from retrieval.answers.numbered import cited_words_before
from retrieval.answers.phrases import clause_key, has
from retrieval.answers.question import Question, named_pair
from retrieval.extract import QueryTerms, TermWeights, query_terms
from retrieval.lexicon import lexicon
from retrieval.policy import Policy
from retrieval.search import Searcher, SearchPlan, SectionHit


def about_bases(q: Question) -> bool:
    """A question about what a document cites: its grounds, or whether it cites a named document."""
    return q.asking("legal_bases", "mentions", "does_cite") or "preamble" in q.refs


def question_terms(analyzer: Any, q: Question) -> QueryTerms:
    """A question's content terms: no question words, no frames, and not "hạn" of a deadline asked by it ("hạn báo
    cáo là khi nào?" asks the day, which "chậm nhất ngày 17 tháng 12" states without the word), unless a length of
    time is asked ("thời hạn bổ nhiệm … là mấy năm")."""
    terms = query_terms(analyzer, q.text)
    if q.asking("deadline") and not q.figures and has(q.key, *_deadline_words()):
        terms = unnamed(terms, " han ")
    return terms


@functools.cache
def _deadline_words() -> tuple[str, ...]:
    """The deadline cues that ask by the word "hạn" ("thời hạn", "hạn nộp", "hạn báo cáo": lexicon intents)."""
    return tuple(c for c in lexicon().intents["deadline"] if "han" in c.split())


_NUMBER_NEXT = re.compile(r"(?:so )?\d")  # after a kind word: the number naming its document
_SENTENCE_END = re.compile(r"\.(?=\s|$)")


def _kind_before(q: Question, kind: str, number: str) -> bool:
    """Whether a kind is named without a number earlier in the clause naming this kind and number: that kind is
    the one asked about ("kế hoạch triển khai nghị quyết 57 căn cứ …" asks a plan), not in a clause before it
    ("Em đang làm kế hoạch cho xã, kế hoạch 153 … căn cứ …")."""
    key = clause_key(_SENTENCE_END.sub(";", q.text))
    named = list(re.finditer(named_pair(kind, number) + "(?=[ /])", key))

    def after_a_kind(at: re.Match[str]) -> bool:
        start = key.rfind("|", 0, at.start()) + 1  # the clause's first character (its bar's, or the key's)
        return any(
            m.start() < at.start() and not _NUMBER_NEXT.match(key, m.end())
            for m in lexicon().kind_word.finditer(key, start)
        )

    return bool(named) and all(map(after_a_kind, named))  # named again on its own ("… KH 552. KH 552 căn cứ …")


@dataclass
class Context:
    index: Any  # retrieval.index.Index
    searcher: Searcher
    policy: Policy
    k: int
    scope: list[str] | None = None  # the documents the caller restricts the answer to
    focus: list[str] | None = None  # the conversation's documents, for a follow-up that names none
    refused: str | None = None  # why the question is refused, in words a reader is told
    apart: bool = False  # the scope is the documents the question names one by one (``numbered_apart``)
    named: Sequence[str] = ()  # the documents the question names one by one (``apart``, or one asked alone)
    _plan: SearchPlan | None = field(default=None, repr=False)
    _hits: dict[tuple[str, int], list[SectionHit]] = field(default_factory=dict, repr=False)
    _terms: QueryTerms | None = field(default=None, repr=False)
    _own: SearchPlan | None = field(default=None, repr=False)

    @property
    def analyzer(self) -> Any:
        return self.index.analyzer

    def weights(self) -> TermWeights:
        return self.index.term_weights()

    def terms(self, q: Question) -> QueryTerms:
        """The question's content terms (``question_terms``)."""
        if self._terms is None:
            self._terms = question_terms(self.analyzer, q)
        return self._terms

    def plan(self, q: Question) -> SearchPlan:
        if self._plan is None:
            self._plan = self.searcher.plan(q.text, doc_ids=self.scope)
        return self._plan

    def documents(self, q: Question) -> list[str]:
        """The documents the question is most about (the conversation's, for a follow-up naming none)."""
        plan = self.plan(q)
        if self.focus and self.target(q) is None:
            return list(self.focus)
        chosen = plan.chosen(self.policy.search.documents)
        if self._kinds_asked(q) and not self.scope:
            # "những kế hoạch nào nhắc đến …": documents of the kinds asked (not the kinds of a cited one)
            heads = self.index.heads()
            ranked = plan.chosen(len(plan.match))
            kinds = [d for d in ranked if d in heads and heads[d].doc_type in q.kinds]
            chosen = kinds[: self.policy.search.documents] or chosen
        places = self.index.places()
        asked = places.named_in(q.typed)
        if asked:  # a place named: the documents about it, when any is in the running, answer alone
            heads = self.index.heads()
            times = self.policy.search.place_named  # a national text naming the place again and again is about it
            about = {d: places.of_document(heads[d]) for d in chosen if d in heads}
            local = [d for d, a in about.items() if a & asked or (not a and self.index.names_places(d, asked, times))]
            return local or chosen
        return chosen

    def target(self, q: Question) -> str | None:
        """The one document the question names by its header (type, number, title, issuer, place, year), when
        it clearly does; the scope's, when the caller gave one; else none."""
        if self.scope and len(self.scope) == 1:
            return self.scope[0]
        if about_bases(q):
            return self._named_by_header(q)
        if held := self.held_number(q):
            return held
        plan = self.plan(q)
        decided = self._decide(plan)
        if decided and self._kinds_asked(q) and self._other_kind_near(q, decided):
            return None  # "những kế hoạch nào về …": the resolution the words lead to is not one of them
        if decided and self._held_focus(plan) not in (None, decided):
            # the one document in focus (the conversation's), when the question's words are in it, before one its
            # words lead to: "vậy Sở Khoa học và Công nghệ phải làm gì?" after a plan asks that plan, not the
            # circular the ministry of that name issued
            return None
        return decided

    def _held_focus(self, plan: SearchPlan) -> str | None:
        """The one document in focus, when the question's words match it at all."""
        one = self.focus[0] if self.focus and len(self.focus) == 1 else None
        return one if one is not None and plan.match.get(one) else None

    def _other_kind_near(self, q: Question, decided: str) -> bool:
        """Whether the document decided is of none of the kinds asked (nor holds a part of one: a decision issuing a
        "Kế hoạch") while one of them matches the question nearly as well (``kinds_margin`` of its match): a kind
        named wrongly ("Thông tư nào quy định danh mục bí mật …" of a decision) still gets the document that is."""
        doc = self.index.get(decided)
        if doc.doc_type in q.kinds or any(p.id in q.kinds for p in doc.parts):
            return False
        plan = self.plan(q)
        heads = self.index.heads()
        best = max((m for d, m in plan.match.items() if d in heads and heads[d].doc_type in q.kinds), default=0.0)
        return best >= self.policy.answer.kinds_margin * plan.match[decided]

    @staticmethod
    def _kinds_asked(q: Question) -> bool:
        """Whether the question asks for documents of some kinds ("những kế hoạch nào nhắc đến …"), not for the
        kinds of what a document cites."""
        return bool(q.kinds) and not q.asking("legal_bases", "mentions", "drafter")

    def held_number(self, q: Question) -> str | None:
        """The one stored document whose kind and number (or full number) the question gives ("kế hoạch 308 của
        Hà Nội"), when no other stored document has any number it gives."""
        if not (q.legal_keys or q.legal_pairs):
            return None
        found = self.index.catalog.numbered(q.legal_keys, [f"{k}|{n}" for k, n in q.legal_pairs])
        if len(found) != 1 or (self.scope and found[0] not in self.scope):
            return None
        return found[0]

    def leading(self, q: Question) -> list[str]:
        """The documents a legal-basis question is about alike: those whose match is within ``target_margin`` of
        the best's (when there are several, no one is its target)."""
        plan = self._own_plan(q)
        ranked = plan.chosen(self.policy.search.documents)
        top = plan.match[ranked[0]] if ranked else 0.0
        return [d for d in ranked if top > 0 and plan.match[d] >= self.policy.answer.target_margin * top]

    def _named_by_header(self, q: Question) -> str | None:
        """The document a legal-basis question names, the words naming the cited documents' issuer left out
        ("Trường Sóc Trăng căn cứ chỉ thị nào [của Bộ trưởng Bộ Công an]?"): they name what it cites, not it."""
        own = self._own_plan(q)
        return self._numbered(q, own) or self._decide(own)

    def _own_plan(self, q: Question) -> SearchPlan:
        """The plan of the question's own text: without the words naming the issuer of the documents it asks for."""
        if self._own is None:
            self._own = self.searcher.plan(q.own_text, doc_ids=self.scope) if q.own_text != q.text else self.plan(q)
        return self._own

    def _numbered(self, q: Question, plan: SearchPlan) -> str | None:
        """The one leading document whose kind and number the question opens with ("kế hoạch 141 ubnd bắc ninh
        thực hiện nghị quyết nào"): a number names its document more surely than words its title shares with
        another's. A number after the kinds asked for ("… những thông tư nào") names what is cited."""
        asked = lexicon().asked_kinds.search(q.key)  # "… nghị quyết nào": what is cited starts there
        end = asked.start() if asked else len(q.key)
        if q.asking("does_cite"):  # "kế hoạch 310 có căn cứ nghị quyết 57 không": what is cited comes after "có"
            cue = min(
                (m.start() for p in lexicon().intent_patterns.get("does_cite", ()) if (m := p.search(q.key))),
                default=end,
            )
            end = min(end, cue)
        # the number as typed may keep its leading zeros ("kế hoạch số 0124"): the pair holds it without them
        subject = [
            (k, n)
            for k, n in q.legal_pairs
            if (at := re.search(named_pair(k, n) + "(?=[ /])", q.key)) is not None
            and at.start() < end
            and not _kind_before(q, k, n)
        ]
        # a year typed with the number ("thông tư 69/2017") names that year's text only
        years = {m.group(1) for k, n in subject for m in re.finditer(named_pair(k, n) + r"/((?:19|20)\d\d)\b", q.key)}
        if not subject:
            return None
        heads = self.index.heads()
        hits = [
            d
            for d in plan.chosen(self.policy.search.documents)
            if d in heads
            and any(
                fold(heads[d].doc_type or "").lower() == k and leading_number(heads[d].number) == n for k, n in subject
            )
            and all(y in f"{heads[d].number} {heads[d].date}" for y in years)
        ]
        if not hits:
            return self._numbered_held(q, subject)
        return hits[0] if len(hits) == 1 else None

    def _numbered_held(self, q: Question, subject: list[tuple[str, str]]) -> str | None:
        """The one stored document of the kind and number the question asks about, when the search led elsewhere
        ("kế hoạch 308 căn cứ những văn bản nào?": the words beside the number are every plan's): the only number
        the question names (or the one before "có căn cứ …"), not itself a ground ("thực hiện nghị quyết 57, …"), of
        the place, year and issuer the question names, and not better described as a text stored ones cite."""
        if len(set(subject)) != 1 or (len(set(q.legal_pairs)) != 1 and not q.asking("does_cite")):
            return None  # "theo nghị quyết 57, kế hoạch 597 căn cứ gì": which one is asked is the search's to say
        if q.legal_keys and not q.asking("does_cite"):
            return None
        kind, number = subject[0]
        if cited_words_before(q.key, q.key.find(f" {kind} ")):
            return None
        found = self.index.catalog.numbered([], [f"{kind}|{number}"])
        if len(found) != 1 or (self.scope and found[0] not in self.scope) or self.elsewhere(q, found[0]):
            return None  # "kế hoạch 310 của Đồng Tháp …": not Hà Nội's plan 310
        if not self._as_named(q, kind, number, found[0]) or self.cited_instead(q, kind, number, found[0]):
            return None
        return found[0]

    def _as_named(self, q: Question, kind: str, number: str, held: str) -> bool:
        """Whether the stored document is the one the question describes beside its kind and number: of a year
        it gives ("kế hoạch 552 năm 2023" is not the plan 552 of 2025) and of the issuer after "của" ("quyết định
        2500 của Bộ Giáo dục" is not the Prime Minister's)."""
        head = self.index.head(held)
        own = fold(" ".join(x or "" for x in (head.number, head.date, head.title, head.issuer))).lower()
        if q.years and not any(str(y) in own for y in q.years):
            return False
        after = re.search(named_pair(kind, number) + r"(?:/\S*)? cua ((?:\S+ ){1,4})", q.key)
        return after is None or bool(set(after.group(1).split()) & set(re.findall(r"\w+", own)))

    def cited_instead(self, q: Question, kind: str, number: str, held: str, *, ties: bool = False) -> bool:
        """Whether the question means a document stored ones cite, of the same kind and number, rather than the
        stored one: its words share more with that one's title and issuer ("nghị quyết 57 của Bộ Chính trị …": 57-NQ/TW,
        not the stored council resolution 57; "nghị quyết 57 căn cứ những văn bản nào" is the stored one's), or as
        much when ``ties`` (who cites "nghị quyết 57": the one cited, not the stored one nothing here cites)."""
        words = set(fold(q.topic).lower().split()) - set(kind.split()) - {"so", number}

        def shared(*texts: str | None) -> int:
            return len(words & set(fold(" ".join(t or "" for t in texts)).lower().split()))

        head = self.index.head(held)
        mine = shared(head.title, head.issuer)
        return any(
            e.doc_id is None
            and (e.number or "").lstrip("0") == number
            and fold(e.type).lower() == kind
            and (shared(e.title, e.issuer) > mine or (ties and shared(e.title, e.issuer) == mine))
            for e in self.index.registry()
        )

    def _decide(self, plan: SearchPlan) -> str | None:
        """The best document when it clearly leads the next one (by the question's match to it)."""
        ranked = plan.chosen(2)
        focus = self.focus[0] if self.focus and len(self.focus) == 1 else None
        if not ranked or plan.named.get(ranked[0], 0.0) <= 0.0:
            return focus
        if len(ranked) > 1 and plan.match[ranked[1]] > self.policy.answer.target_margin * plan.match[ranked[0]]:
            return focus if focus in ranked else None
        return ranked[0]

    def named_target(self, q: Question) -> str | None:
        """The target when its header is also the one the question's words match best (named, not only found by
        its text): "Phòng CTSV trường CĐ Lào Cai làm gì?" names the plan, "Phòng CTSV làm gì?" names none."""
        target = self.target(q)
        named = self.plan(q).named
        if target is None or (self.scope and len(self.scope) == 1):
            return target
        return target if named and named.get(target, 0.0) >= max(named.values()) else None

    def fact_target(self, q: Question) -> str | None:
        """The document a header fact is asked of: the stored one whose number the question gives ("Thông tư
        124"), else ``target``, else the one its header words alone name clearly (the text may name others too:
        "Thông tư 124 gửi tới những ai?" matches the plans that cite it)."""
        if self.scope and len(self.scope) == 1:
            return self.scope[0]
        if q.legal_keys or q.legal_pairs:
            doc = self.index.doc_by_number(q.legal_keys, q.legal_pairs)
            if doc is not None and (not self.scope or doc.doc_id in self.scope):
                return str(doc.doc_id)
        target = self.target(q)
        if target is None:
            named = self.plan(q).named
            ranked = sorted(named, key=lambda d: -named[d])[:2] or [""]
            top, second = named.get(ranked[0], 0.0), named.get(ranked[-1], 0.0) if len(ranked) > 1 else 0.0
            target = ranked[0] if top > 0.0 and second <= self.policy.answer.target_margin * top else None
        if target is not None and self.elsewhere(q, target):
            self.refused = self.nothing_about(q)
            return None
        return target

    def elsewhere(self, q: Question, doc_id: str) -> bool:
        """Whether the document is about another place than the question names ("Đà Nẵng … từ ngày nào?" is
        not asked of Hà Nội's resolution, however alike their words)."""
        places = self.index.places()
        asked = places.named_in(q.typed)
        about = places.of_document(self.index.head(doc_id)) if asked else set()
        return bool(about) and not about & asked

    def _spelled(self, q: Question, docs: Sequence[str]) -> list[str]:
        """The phrases the documents write whose initials the question types as a word no document holds, but
        those their headers hold ("gvdg" of a decision recognising "giáo viên dạy giỏi", "ktcn" of the college that
        issued it: they name the text)."""
        df = self.weights().df
        unknown = [w for w in dict.fromkeys(q.key.split()) if not df.get(token_index(f"f:{w}"), 0)]
        found = []
        for d in docs if unknown else ():
            head, phrases = self.index.head(d), written(self, self.index.get(d))
            named = " ".join(f or "" for f in (head.title, head.issuer, head.managing_body)) if head is not None else ""
            header = f" {' '.join(fold(named).lower().split())} "
            found += [p for w in unknown if (p := phrases.get(w)) and f" {p} " not in header]
        return list(dict.fromkeys(found))

    def nothing_about(self, q: Question) -> str:
        """What a reader is told when no document about the places the question names says what it asks."""
        places = self.index.places()
        named = ", ".join(sorted(places.display(p) for p in places.named_in(q.typed)))
        return f"Không văn bản nào về {named} hiện có nói đến điều này."

    def sections(
        self, q: Question, k: int, *, docs: Sequence[str] | None = None, filters: Any = None
    ) -> list[SectionHit]:
        """Best sections within ``docs`` (default: the documents the question is about)."""
        chosen = list(docs) if docs is not None else self.documents(q)
        key = (",".join(chosen) + repr(filters), k)
        if key not in self._hits:
            plan = self.plan(q)
            if q.told_apart:  # a story told first: the sentences that ask say where in the documents the answer is
                plan = self.searcher.stressed(plan, q.asked, self.policy.search.story_weight)
            elif q.stress:  # a follow-up's own words before the last question's
                plan = self.searcher.stressed(plan, q.stress, self.policy.search.follow_weight)
            if spelled := self._spelled(q, chosen):  # "htxs" typed, "hoàn thành xuất sắc" written
                plan = self.searcher.widened(plan, spelled)
            self._hits[key] = self.searcher.within(plan, chosen, k=k, filters=filters)
        return self._hits[key]
