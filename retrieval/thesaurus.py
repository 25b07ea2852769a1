"""Near-synonyms of the school-security domain, for expanding questions that paraphrase the plans.

Teachers ask in their own words ("phụ huynh", "hỏa hoạn", "tin giả") while plans
use administrative ones ("cha mẹ học sinh", "cháy nổ", "thông tin sai sự thật").
Without a Vietnamese embedding model offline, a small thesaurus bridges the two:
a phrase of the question also searches for the other phrases of its group
(at a lower weight), and counts as covered when one of them is in the text.

Groups are written from general knowledge of the domain, folded, one per line, in the lexicon
(``retrieval/data/lexicon.json``, "thesaurus"; a deployment's overlay adds its own).
A group with ">" is one-way: the phrases on its left (a teacher's words) also
search for those on its right (the plans' words), not the reverse, so that a
question already in the plans' words is not widened ("6 tháng" stays "6 tháng").
"""

from __future__ import annotations

import re
from functools import lru_cache

from core.text import fold
from retrieval.analyzer import fold_words


def _phrases(part: str) -> tuple[str, ...]:
    return tuple(fold_words(p) for p in part.split("|") if p.strip())


@lru_cache(maxsize=1)
def groups() -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(phrases that expand, phrases they expand to) per line; a two-way group expands all to all."""
    out = []
    from retrieval.lexicon import lexicon

    for line in lexicon().thesaurus:
        left, arrow, right = line.partition(">")
        out.append((_phrases(left), _phrases(right)) if arrow else (_phrases(line), _phrases(line)))
    return [g for g in out if g[0]]


def _words(text: str) -> list[str]:
    return fold_words(re.sub(r"[^a-z0-9 ]", " ", fold(text).lower())).split()


def alternatives(question: str) -> dict[str, set[str]]:
    """Phrases of the question that have synonyms -> the other phrases of their groups (folded)."""
    words = _words(question)
    joined = " " + " ".join(words) + " "
    out: dict[str, set[str]] = {}
    for sources, targets in groups():
        for phrase in sources:
            if f" {phrase} " in joined:
                out.setdefault(phrase, set()).update(p for p in (*sources, *targets) if p != phrase)
    return out
