"""Families of exclusive qualifiers (lexicon ``siblings``: levels of schooling, levels of administration a prize is
set at): an amount asked of one member is not answered by sections that set it member by member for others.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from retrieval.answers.phrases import fkey, has
from retrieval.lexicon import lexicon

if TYPE_CHECKING:
    from retrieval.answers.question import Question


def _asked(q: Question) -> list[tuple[dict[str, tuple[str, ...]], set[str]]]:
    """Each family the question names members of, with those members."""
    out = []
    for family in lexicon().siblings:
        asked = {m for m, words in family.items() if has(q.key, *words)}
        if asked:
            out.append((family, asked))
    return out


def _named(family: dict[str, tuple[str, ...]], key: str) -> set[str]:
    return {m for m, words in family.items() if has(key, *words)}


def elsewhere(q: Question, texts: Sequence[str], headings: Sequence[str]) -> str | None:
    """A member asked an amount of ("học phí cao đẳng") where the sections found, with their headings, name two
    other members and none asked: a sum set member by member (one member named in passing is no list)."""
    if not q.asking("amount"):  # a rule may name one level and hold for all
        return None
    said = fkey(" ".join([*texts, *headings]))
    for family, asked in _asked(q):
        named = _named(family, said)
        if len(named) >= 2 and not named & asked:
            return f"asks of {', '.join(sorted(asked))}; the sections found state {', '.join(sorted(named))}"
    return None
