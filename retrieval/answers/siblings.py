"""Families of exclusive qualifiers (lexicon ``siblings``: levels of schooling, levels of administration a prize is
set at, graded levels "cấp I"–"cấp V", grades "lớp 1"–"lớp 12"): a question naming one member is not answered for
another.

* ``kept``: the evidence without the sections a heading scopes to another member than the one asked ("cấp II"
  asked, the items under "Khi dự báo đến Cấp III"), None when none is left;
* ``elsewhere``: why sections that set an amount member by member answer no member they never name.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from retrieval.answers.phrases import fkey, has
from retrieval.lexicon import lexicon

if TYPE_CHECKING:
    from core.types import Document
    from retrieval.answers.context import Context
    from retrieval.answers.evidence import Draft
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


def scopes(doc: Document, section: str) -> list[str]:
    """The headings that scope a section: its ancestors', and its own when it is a title, over children of its own
    or written in capitals ("PHỤ LỤC II … THI TUYỂN SINH … VÀO LỚP 10"), not an item's first sentence ("… ở trường
    tiểu học được giảm 04 tiết/tuần, … ở các cơ sở giáo dục khác …")."""
    path = doc.heading_path(section)
    own = path[-1:] if path and (doc.children(section) or path[-1].isupper()) else []
    return [*path[:-1], *own]


def headed_elsewhere(q: Question, doc: Document, section: str) -> bool:
    """Whether headings scoping the section name another member of a family the question asks a member of, and
    neither they nor the section's text name one asked."""
    families = _asked(q)
    if not families:
        return False
    heads = fkey(" ".join(scopes(doc, section)))
    said = fkey(" ".join([doc.section_text(section), *doc.heading_path(section)]))
    return any(_named(family, heads) and not _named(family, said) & asked for family, asked in families)


def kept(q: Question, draft: Draft, ctx: Context) -> Draft | None:
    """The draft without the sections headed for another member than the one asked; None when none is left."""
    if not _asked(q):
        return draft
    left = [e for e in draft.evidence if not headed_elsewhere(q, ctx.index.get(e.doc_id), e.section)]
    if not left:
        return None
    draft.evidence = left
    return draft


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
