"""Question in, Answer out: parse once, try the routes in order, check, compose.

answer = engine.ask("Phòng Công tác sinh viên phải làm gì?")
answer.citations[0].section    # "III.2"
answer.citations[0].quote      # a verbatim substring of that section
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING, Any

from core.types import Answer, Document
from retrieval.answers import bases, refusal
from retrieval.answers.compose import compose
from retrieval.answers.context import Context
from retrieval.answers.evidence import Draft
from retrieval.answers.question import Question, parse
from retrieval.answers.router import ROUTES
from retrieval.lexicon import lexicon
from retrieval.policy import DEFAULT, Policy
from retrieval.spelling import correct
from retrieval.units_catalog import UnitCatalog

if TYPE_CHECKING:
    from retrieval.engine import Engine

logger = logging.getLogger(__name__)


class Answerer:
    def __init__(self, engine: Engine, policy: Policy = DEFAULT) -> None:
        self.engine = engine
        self.index = engine.index
        self.searcher = engine.searcher
        self.policy = policy
        self._units: UnitCatalog | None = None

    def ask(
        self,
        question: str,
        *,
        doc_ids: Sequence[str] | None = None,
        top_k: int | None = None,
        qid: str | int | None = None,
        context: dict[str, Any] | None = None,
    ) -> Answer:
        """Answer a question; ``context`` may carry the conversation's documents: {"doc_ids": [...]}."""
        t0 = time.perf_counter()
        q = self._spelled(parse(question))
        scope = [d for d in doc_ids if d in self.index] if doc_ids else None
        focus = [d for d in (context or {}).get("doc_ids", []) if d in self.index] or None
        ctx = Context(self.index, self.searcher, self.policy, top_k or self.engine.settings.top_k, scope, focus)
        draft = self.draft(q, ctx) if q.text and len(self.index) else None
        answer = compose(q.typed, draft, qid, self.index.get, lambda: self._named(q, ctx), ctx.refused)
        answer.took_ms = round((time.perf_counter() - t0) * 1000, 2)
        if self.engine.generator is not None and answer.found:
            answer = self.engine.generator.rewrite(answer)
        return answer

    def draft(self, q: Question, ctx: Context) -> Draft | None:
        """The first route that serves the question and gathers evidence (checked when it comes from search)."""
        for route in ROUTES:
            if not route.when(q):
                continue
            draft = route.gather(q, ctx)
            if draft is None or not draft.evidence:
                continue
            if route.checked:
                draft = refusal.elsewhere(q, draft, ctx)
                if draft is None:
                    return None
                if (why := refusal.reason(q, draft, ctx)) is not None:
                    logger.debug("refused %r: %s", q.text, why)
                    return None
            if not draft.legal:
                draft.legal = bases.mentioned(draft, q, ctx)
            return draft
        return None

    def _spelled(self, q: Question) -> Question:
        """The question with its typos corrected against the store's vocabulary (``retrieval.spelling``)."""
        if not q.text or not len(self.index):
            return q
        fixed = correct(q.text, self.index.catalog.df.many, keep=_known_words())
        return replace(parse(fixed), typed=q.typed) if fixed != q.text else q

    def _named(self, q: Question, ctx: Context) -> list[Document]:
        """The document a refused question clearly names by its header, if any."""
        target = ctx.target(q) if q.text and len(self.index) else None
        return [self.index.get(target)] if target else []

    def units(self) -> UnitCatalog:
        if self._units is None:
            self._units = UnitCatalog(self.index.catalog, self.index.analyzer)
        return self._units


@cache
def _known_words() -> frozenset[str]:
    """Words the lexicon knows though no document writes them (abbreviations, chat shorthand, question words,
    the words of its cues: "soạn" is no typo for "toàn" in a store where no document says "soạn")."""
    lx = lexicon()
    return frozenset({*lx.abbreviations, *lx.shorthand, *lx.question_words, *lx.cue_words})
