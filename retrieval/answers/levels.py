"""Levels of education a question asks of, against those the documents found are about.

"Định mức tiết dạy của giáo viên mầm non" asks of mầm non; the circular found is about "giáo viên phổ thông, dự bị
đại học": not its people. A level named as a qualification or an exam ("thi tốt nghiệp THPT được 15 điểm, xét vào
cao đẳng") asks of no level (lexicon ``qualifications``).

    level_elsewhere(q, draft, ctx)  # "asks of mam non; the documents found are about pho thong", or None
"""

from __future__ import annotations

import functools

from retrieval.answers.context import Context
from retrieval.answers.evidence import Draft
from retrieval.answers.question import Question, fkey, has
from retrieval.lexicon import lexicon


def _levels(key: str) -> set[str]:
    """The levels of education folded words name (lexicon ``education_levels``)."""
    return {level for level, words in lexicon().education_levels.items() if has(key, *words)}


def level_elsewhere(q: Question, draft: Draft, ctx: Context) -> str | None:
    """A question naming only levels of education that the titles of the documents found name none of, when they
    name one ("giáo viên mầm non" of the circular for "giáo viên phổ thông"; "thi tốt nghiệp THPT" asks of no level)."""
    asked = _levels(functools.reduce(lambda k, p: k.replace(f" {p} ", " "), lexicon().qualifications, q.key))
    if not asked:
        return None
    titled: set[str] = set()
    for d in {e.doc_id for e in draft.evidence}:
        head = ctx.index.head(d)
        title = (head.title if head is not None else None) or ""
        named = _levels(fkey(title))  # folded as the question's key is
        if not named:
            return None  # a document about no one level may answer any
        titled |= named
    if asked & titled:
        return None
    return f"asks of {', '.join(sorted(asked))}; the documents found are about {', '.join(sorted(titled))}"
