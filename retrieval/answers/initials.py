"""Initials a question types for a phrase its document writes in full: "nvyt" for "nhân viên y tế", "ctv" for "cộng
tác viên". People shorten the long names of a text's subjects so in chat, and no document need define them; the
refusal check would count such a word as one no section holds and refuse the question.

A document's phrases of three to six words, each written at least twice within a clause of its text and holding
none of the little words that join phrases (lexicon ``initials``: "của", "và", "về"), give their initials, kept
only when no Vietnamese syllable is spelt so (``spelling.INITIALS``: "ctv", "nvyt", not "cho"): a question's word
that is one of them is held where the document is quoted.

    spelled_out(ctx, doc)  # {"f:nvyt", "f:ctv", …}, read once per catalog version
    written(ctx, doc)      # {"nvyt": "nhan vien y te", …}: a question typing them searches for the phrase too
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from core.text import fold
from retrieval.lexicon import lexicon
from retrieval.spelling import INITIALS

if TYPE_CHECKING:
    from core.types import Document
    from retrieval.answers.context import Context

#: How many words a phrase shortened to its initials has (fewer: "hs" is too often another phrase's).
SHORTEST, LONGEST = 3, 6
#: How often a document writes a phrase for its initials to stand for it.
TIMES = 2


def spelled_out(ctx: Context, doc: Document) -> frozenset[str]:
    """The folded terms ("f:nvyt") of the initials of the phrases the document writes repeatedly."""
    return frozenset(f"f:{i}" for i in written(ctx, doc))


def spelled_in(ctx: Context, doc_ids: Iterable[str]) -> frozenset[str]:
    """``spelled_out`` of each document, together."""
    return frozenset().union(*(spelled_out(ctx, ctx.index.get(d)) for d in set(doc_ids)))


def written(ctx: Context, doc: Document) -> dict[str, str]:
    """The initials of the phrases the document writes repeatedly, each with the phrase (folded) it writes most
    ("htxs": "hoan thanh xuat sac"): what a question typing them searches for."""
    return ctx.index.remembered(("initials", doc.doc_id, doc.content_hash), lambda: _initials(doc.text))


def _initials(text: str) -> dict[str, str]:
    """The initials of the phrases (the same words, not only the same first letters) written ``TIMES`` or more."""
    counts: Counter[tuple[str, ...]] = Counter()
    for clause in re.split(r"[,.;:!?()\[\]\"“”]|\n\s*\n", fold(text).lower()):
        words = re.findall(r"[a-z]+", clause)
        for n in range(SHORTEST, LONGEST + 1):
            counts.update(tuple(words[i : i + n]) for i in range(len(words) - n + 1))
    little = lexicon().initials_not_in  # "chính trị về", "của tỉnh và": no name
    out: dict[str, str] = {}
    for p, times in counts.most_common():
        if times < TIMES:
            break
        if not little.intersection(p) and INITIALS.match(first := "".join(w[0] for w in p)):
            out.setdefault(first, " ".join(p))
    return out
