"""Question in, Answer out: parse once, try the routes in order, check, compose.

answer = engine.ask("Phòng Công tác sinh viên phải làm gì?")
answer.citations[0].section    # "III.2"
answer.citations[0].quote      # a verbatim substring of that section
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING, Any

from core.types import Answer, Document
from retrieval.analyzer import fold_word, token_index
from retrieval.answers import bases, content, levels, refusal
from retrieval.answers.compose import compose
from retrieval.answers.context import Context, question_terms
from retrieval.answers.evidence import Draft, table_headings
from retrieval.answers.header import without_number, without_places
from retrieval.answers.numbered import numbered_apart, story_held
from retrieval.answers.question import Question, parse
from retrieval.answers.router import ROUTES, Route
from retrieval.answers.unheld import unheld
from retrieval.conversation import Conversations, Turn
from retrieval.extract import Coverage, text_terms
from retrieval.lexicon import lexicon
from retrieval.policy import DEFAULT, Policy
from retrieval.spelling import correct, corrections, glued, romans, telex
from retrieval.units_catalog import UnitCatalog

if TYPE_CHECKING:
    from retrieval.engine import Engine

logger = logging.getLogger(__name__)

MAX_FOCUS = 20  # documents a follow-up naming a place keeps in focus


class Answerer:
    def __init__(self, engine: Engine, policy: Policy = DEFAULT) -> None:
        self.engine = engine
        self.index = engine.index
        self.searcher = engine.searcher
        self.policy = policy
        self._units: UnitCatalog | None = None
        self.conversations = Conversations(self._unit_of, self._documents_named, lambda d: engine.labels().of(d))

    def ask(
        self,
        question: str,
        *,
        doc_ids: Sequence[str] | None = None,
        top_k: int | None = None,
        qid: str | int | None = None,
        context: dict[str, Any] | None = None,
        conversation: str | None = None,
    ) -> Answer:
        """Answer a question; ``context`` may carry the documents in focus ({"doc_ids": [...]}), ``conversation``
        a conversation's key (a follow-up is read against its last question: ``retrieval.conversation``)."""
        turn = self.conversations.resolve(conversation, question) if conversation else Turn(question)
        if turn.focus and not (context or {}).get("doc_ids"):
            context = {**(context or {}), "doc_ids": turn.focus}
        scope = doc_ids or (turn.focus if turn.held and turn.focus else None)
        answer = self._ask(turn.question, scope, top_k, qid, context, turn.stress)
        if turn.leaning and not doc_ids and not (context or {}).get("doc_ids"):
            answer = self._leaned(turn.question, turn.leaning, answer, top_k, qid)
        if turn.rewritten:
            answer.question = question
            answer.answer = f"Hiểu là: {turn.question}\n{answer.answer}"
        if conversation and answer.found:
            self.conversations.remember(conversation, turn.question, [c.doc_id for c in answer.citations])
        elif conversation:  # refused, still what was asked ("… hiệu lực từ ngày nào?" then "thế còn luật 51?"), of
            # the documents it names, else of those the conversation was about
            named = self._documents_named(turn.question)[0]
            self.conversations.remember(conversation, turn.question, named or turn.focus or turn.leaning[:1])
        return answer

    def _leaned(
        self, question: str, docs: Sequence[str], answer: Answer, top_k: int | None, qid: str | int | None
    ) -> Answer:
        """The answer from the first of the documents a conversation leans to that ``_stayed`` keeps, else ``answer``."""
        for doc_id in docs:
            stayed = self._stayed(question, doc_id, answer, top_k, qid)
            if stayed is not answer or (answer.found and answer.citations and answer.citations[0].doc_id in docs):
                return stayed
        return answer

    def _stayed(self, question: str, doc_id: str, answer: Answer, top_k: int | None, qid: str | int | None) -> Answer:
        """The answer from the document a conversation was about, instead of ``answer`` (over all documents), when
        its first source (its document's kind and title, its headings, the lines quoted) holds as much of the
        question's words as ``answer``'s does (a
        question whose words name no document by themselves, ``lean_share`` as much: "liên hệ số điện thoại nào"
        after a letter's answer is that letter's line, not another's on the same words):
        "nguồn kinh phí từ đâu?" after a decision's answer is its article on funds, though another province's plan
        matched as well; "giáo viên THCS dạy bao nhiêu tiết?" is still the circular that says it; what a term
        means ("dữ liệu mở là gì?") is the text defining it, whatever was asked before."""
        if answer.found and answer.citations and answer.citations[0].doc_id == doc_id:
            return answer
        q = parse(question)
        if q.definition:
            return answer
        near = self._ask(question, [doc_id], top_k, qid, None)
        if not near.found or not near.citations:
            return answer
        covers = Coverage(question_terms(self.index.analyzer, q), self.index.term_weights())
        # words naming no document by themselves ("liên hệ số điện thoại nào", "ai ký") are elliptical: they stay
        # with it unless the answer over all documents holds clearly more of them; words naming one, only if not
        share = self.policy.answer.lean_share if self._context(top_k).target(self._spelled(q)) is None else 1.0
        if answer.found and self._first_source_share(near, covers) < share * self._first_source_share(answer, covers):
            return answer
        return near

    def _first_source_share(self, answer: Answer, covers: Coverage) -> float:
        """How much of a question (``covers``) an answer's first source holds: its section's headings, from the top
        part down ("Cơ quan thực hiện" of "Về đảm bảo an toàn thông tin"), and the lines quoted from it."""
        first = answer.citations[0]
        lines = [ln for ln in answer.answer.splitlines() if ln.rstrip().endswith(f"[{first.n}]")]
        doc = self.index.get(first.doc_id) if first.doc_id in self.index else None
        path = doc.heading_path(first.section) if doc is not None else []
        title = [f"{doc.doc_type or ''} {doc.title or ''}"] if doc is not None else []
        return covers(text_terms(self.index.analyzer, "\n".join([*title, *(path or [first.heading]), *lines])))

    def _context(self, top_k: int | None, scope: list[str] | None = None, focus: list[str] | None = None) -> Context:
        return Context(self.index, self.searcher, self.policy, top_k or self.engine.settings.top_k, scope, focus)

    def _ask(
        self,
        question: str,
        doc_ids: Sequence[str] | None,
        top_k: int | None,
        qid: str | int | None,
        context: dict[str, Any] | None,
        stress: str = "",
    ) -> Answer:
        t0 = time.perf_counter()
        q = self._spelled(parse(question))
        q.stress = self._spelled(parse(stress)).text if stress else ""  # its typos corrected as the question's
        scope = [d for d in doc_ids if d in self.index] if doc_ids else None
        focus = [d for d in (context or {}).get("doc_ids", []) if d in self.index] or None
        ctx = self._context(top_k, scope, focus)
        if not scope and (apart := numbered_apart(q, ctx)):  # "Kế hoạch 308 và Kế hoạch 310 …": those two alone
            ctx = replace(self._context(top_k, apart, focus), apart=True, named=apart)
        draft = self.draft(q, ctx) if q.text and len(self.index) else None
        if draft is not None and ctx.apart:
            draft = self._each_named(q, draft, ctx, top_k, focus)
        answer = compose(q.typed, draft, qid, self.index.get, lambda: self._named(q, ctx), ctx.refused)
        answer.took_ms = round((time.perf_counter() - t0) * 1000, 2)
        if self.engine.generator is not None and answer.found:
            answer = self.engine.generator.rewrite(answer)
        return answer

    def _each_named(self, q: Question, draft: Draft, ctx: Context, top_k: int | None, focus: list[str] | None) -> Draft:
        """A question naming documents one by one ("Nghị quyết 20 … và Nghị quyết 22 … lần lượt có hiệu lực từ ngày
        nào?") is answered from each: a document the draft quotes nothing of is asked alone, and what it answers
        joins the draft, in the order the documents are named."""
        quoted = {e.doc_id for e in draft.evidence}
        for doc_id in ctx.scope or ():
            if doc_id in quoted:
                continue
            alone = self.draft(q, replace(self._context(top_k, [doc_id], focus), named=ctx.scope or ()))
            if alone is None:
                continue
            # its own sections only: a route reading the whole question may quote another text it names
            if joined := [e for e in alone.evidence if e.doc_id == doc_id]:
                draft.evidence += joined
                draft.legal += [b for b in alone.legal if b not in draft.legal]
        order = {d: i for i, d in enumerate(ctx.scope or ())}
        draft.evidence.sort(key=lambda e: order.get(e.doc_id, len(order)))
        return draft

    def draft(self, q: Question, ctx: Context) -> Draft | None:
        """The first route that serves the question and gathers evidence (checked when it comes from search)."""
        if (unknown := unheld(q, ctx)) is not None:  # "Kế hoạch 999/KH-UBND …": no text here is it or cites it
            ctx.refused = f"Không văn bản nào hiện có là {unknown} hay dẫn đến nó."
            return None
        for route in ROUTES:
            if not route.when(q):
                continue
            draft = route.gather(q, ctx)
            if draft is not None and draft.final and not draft.evidence:
                ctx.refused = draft.reason
                return None
            if draft is None or not draft.evidence:
                continue
            if route.checked:
                draft = levels.member_first(q, draft, ctx)  # "chuyển trường THCS": not THPT's procedure first
                checked = self._checked(q, draft, ctx)
                if checked is None:
                    checked = self._named_instead(q, route, draft, ctx)
                if checked is None:
                    checked = self._asked_instead(q, route, draft, ctx)
                if checked is None:
                    return None
                draft = checked
            elif route.placed:
                # a unit's duties are exact, but not in a plan of the place on another topic than the one asked
                draft = refusal.elsewhere(q, draft, ctx, of_documents=route.of_documents)
                if draft is None:
                    return None
                # not the document the question names alone ("… không nêu riêng Sở Y tế"): another place's may hold
                # the topic
                if not (route.of_documents or draft.named_only) and refusal.topic_elsewhere(q, draft, ctx):
                    return None
            if self._unchosen(q, draft, ctx):
                return None
            if route.checked and content.mode(q) == "amount":  # after the checks: context, not evidence weighed
                draft.evidence += table_headings(self.index.get, draft.evidence)
            if not draft.legal:
                draft.legal = bases.mentioned(draft, q, ctx)
            return draft
        return None

    @staticmethod
    def _checked(q: Question, draft: Draft, ctx: Context) -> Draft | None:
        """The draft when the refusal check lets it answer, else None."""
        kept = refusal.elsewhere(q, draft, ctx)
        if kept is None:
            return None
        if (why := refusal.reason(q, kept, ctx)) is not None:
            logger.debug("refused %r: %s", q.text, why)
            return None
        return kept

    def _named_instead(self, q: Question, route: Route, draft: Draft, ctx: Context) -> Draft | None:
        """The same route within the document whose header the question's words match best, when the documents
        its text found did not answer and that one was not first among them ("Hạn báo cáo kế hoạch đổi mới
        công nghệ Đồng Tháp …": another plan of the province held more of "báo cáo … ngày")."""
        if ctx.scope:
            return None
        named = ctx.plan(q).named
        best = max(named, key=named.__getitem__, default=None)
        if best is None or named[best] <= 0.0 or draft.evidence[0].doc_id == best:
            return None
        again = replace(ctx, focus=[best], refused=None)  # the same question's plan and hits, not searched again
        retry = route.gather(q, again)
        if retry is None or not retry.evidence or retry.evidence[0].doc_id != best:
            return None
        return self._checked(q, retry, again)

    def _asked_instead(self, q: Question, route: Route, draft: Draft, ctx: Context) -> Draft | None:
        """The same route with what is asked alone, within the documents the whole question found, when a story
        told in sentences of its own drew the sections ("… người hưởng trợ cấp mở tài khoản … . Cho mình hỏi đợt 2
        làm vét kéo dài mấy ngày?": the story's words found the plan, its question the section). The whole question
        is checked against both the sections the story drew and those the question found; those answer."""
        if not q.told_apart or ctx.scope:
            return None
        asked = replace(parse(q.asked), typed=q.typed)
        # the story named the one stored text the question asks of ("… theo Quyết định 2500/QĐ-TTg. Xin hỏi quyết
        # định này quy định …"): the question is asked of it alone, not of another text on the topic
        held = story_held(q, ctx) if not (asked.legal_keys or asked.legal_pairs) else None
        focus = [held] if held is not None else ctx.documents(q)
        again = replace(ctx, focus=focus, refused=None, _plan=None, _hits={}, _terms=None, _own=None)
        retry = route.gather(asked, again)
        if retry is None or not retry.evidence:
            return None
        found = {(e.doc_id, e.section) for e in retry.evidence}
        story = [e for e in draft.evidence if (e.doc_id, e.section) not in found]
        both = self._checked(q, replace(retry, evidence=[*retry.evidence, *story]), replace(ctx, refused=None))
        if both is None:
            return None
        return replace(retry, evidence=[e for e in both.evidence if (e.doc_id, e.section) in found])

    def _spelled(self, q: Question) -> Question:
        """The question with its typos corrected against the store's vocabulary (``retrieval.spelling``)."""
        if not q.text or not len(self.index):
            return q
        df = self.index.catalog.df.many
        read = telex(q.text, df)  # keystrokes the keyboard did not turn into letters, then words typed as one
        read |= {w: pair for w, pair in glued(q.text, df).items() if w not in read}
        text = correct(romans(q.text, self._written), read)
        fixes = corrections(text, df, keep=_known_words())
        if not fixes and text == q.text:
            return q
        return replace(parse(correct(text, fixes)), typed=q.typed, corrected=sorted(fixes))

    def _unchosen(self, q: Question, draft: Draft, ctx: Context) -> bool:
        """Whether the question asks to choose between two things the documents found never write ("Viettel hay
        VNPT?"): then it is refused, saying so."""
        docs = dict.fromkeys(e.doc_id for e in draft.evidence)
        df = self.index.catalog.df.many
        known = lambda word: bool(df([token_index(f"f:{fold_word(word)}")]))  # noqa: E731
        analyzer = self.index.analyzer
        abbreviated = lambda word: analyzer.abbreviation_of(word, query=True) is not None  # noqa: E731
        choice = refusal.unknown_choice(q, lambda: [self.index.get(d).text for d in docs], known, abbreviated)
        if choice is None:
            return False
        logger.debug("refused %r: asks to choose %r, which the documents found never write", q.text, choice)
        ctx.refused = f"Các văn bản tìm được không nhắc đến «{choice}»."
        return True

    def _written(self, tokens: Iterable[int]) -> dict[int, int]:
        """How many units and document headers hold each token (a title's "Đại hội XIV" is in no unit)."""
        tokens = list(tokens)
        units, headers = self.index.catalog.df.many(tokens), self.index.catalog.profile_df(tokens)[0]
        return {t: n for t in tokens if (n := units.get(t, 0) + headers.get(t, 0))}

    def _named(self, q: Question, ctx: Context) -> list[Document]:
        """The document a refused question clearly names by its header, if any."""
        target = ctx.target(q) if q.text and len(self.index) else None
        return [self.index.get(target)] if target else []

    def _unit_of(self, text: str, focus: Sequence[str]) -> str | None:
        """The unit a text names (its folded key), within the focus documents when there are any."""
        matches = self.units().find(text, focus=list(focus) or None)
        return max((m.key for m in matches), key=lambda k: len(k.split()), default=None) or None

    def _documents_named(self, text: str) -> tuple[list[str], str]:
        """The documents a text names by their header's names and numbers (else by the place they are about),
        and the text without the words that name them."""
        named, rest = self.index.names_in(text)
        if named:
            return named, rest
        q = parse(text)  # "còn kế hoạch 310 thì sao?": the one stored document of that kind and number
        found = self.index.catalog.numbered(q.legal_keys, [f"{k}|{n}" for k, n in q.legal_pairs]) if q.text else []
        places = self.index.places()
        if len(found) == 1:  # its place goes with it ("Quyết định 96 Quảng Ninh …": not asked of another's)
            own = places.named_in(text) & places.of_document(self.index.heads()[found[0]])
            return found, without_places(without_number(text), own, places.cues)
        asked = places.named_in(text)
        if not asked:
            return [], text
        heads = self.index.heads()
        return [d for d, h in sorted(heads.items()) if places.of_document(h) & asked][:MAX_FOCUS], text

    def units(self) -> UnitCatalog:
        if self._units is None:
            self._units = UnitCatalog(self.index.catalog, self.index.analyzer)
        return self._units


@cache
def _known_words() -> frozenset[str]:
    """Words the lexicon knows though no document writes them (abbreviations, chat shorthand, question words,
    the words of its cues: "soạn" is no typo for "toàn" in a store where no document says "soạn"; of its
    thesaurus: "app" is no typo for "ấp", it stands for "ứng dụng")."""
    lx = lexicon()
    return frozenset({*lx.abbreviations, *lx.shorthand, *lx.question_words, *lx.cue_words, *lx.thesaurus_words})
