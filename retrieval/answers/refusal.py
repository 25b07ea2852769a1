"""Whether the evidence found answers the question at all, measured the same way for every document.

The cited sections (with their headings and their document's header) must hold enough of the question's
content terms, IDF-weighted; more when a content word of the question is unknown to every document. A question
for an amount needs a figure in the lines quoted. Thresholds: ``retrieval.policy.AnswerPolicy``.
"""

from __future__ import annotations

import re

from retrieval.answers.context import Context
from retrieval.answers.evidence import Draft
from retrieval.answers.question import Question
from retrieval.extract import coverage, text_terms, unknown_words
from retrieval.targeting import profile_text

_FIGURE = re.compile(r"\d")


def covered(q: Question, draft: Draft, ctx: Context) -> float:
    """IDF-weighted share of the question's content terms the cited sections and their documents' headers hold."""
    terms = ctx.terms(q)
    have: set[str] = set()
    for doc_id in {e.doc_id for e in draft.evidence}:
        doc = ctx.index.get(doc_id)
        have |= text_terms(ctx.analyzer, profile_text(doc))
    for e in draft.evidence:
        doc = ctx.index.get(e.doc_id)
        text = " ".join(doc.heading_path(e.section)) + "\n" + doc.section_text(e.section)
        have |= text_terms(ctx.analyzer, text)
    return coverage(terms, have, ctx.weights())


def reason(q: Question, draft: Draft, ctx: Context) -> str | None:
    """Why the draft does not answer the question, or None when it does."""
    terms = ctx.terms(q)
    if not terms.uni:
        return None
    p = ctx.policy.answer
    unknown = unknown_words(terms, ctx.weights())
    need = p.min_coverage_unknown if unknown else p.min_coverage
    share = covered(q, draft, ctx)
    if share < need:
        return f"coverage {share:.2f} < {need}" + (f" (unknown: {', '.join(unknown)})" if unknown else "")
    if q.asking("amount") and not any(_FIGURE.search(ln.text) for e in draft.evidence for ln in e.lines):
        return "no figure in the lines found"
    return None
