"""Stored documents a question names by number, beyond the one it is about: several named one by one ("Kế hoạch
308 và Kế hoạch 310 của Hà Nội …"), or the one a story told first names for the sentence that asks about "it"
("… theo Quyết định 2500/QĐ-TTg. Xin hỏi quyết định này quy định …").

    numbered_apart(q, ctx)  # ["kh-308-…", "kh-310-…"] or []
    story_held(q, ctx)  # "qd-2500-ttg-2025" or None
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from core.legal_ids import leading_number
from retrieval.answers.question import Question, named_pair
from retrieval.lexicon import lexicon

if TYPE_CHECKING:
    from retrieval.answers.context import Context


def numbered_apart(q: Question, ctx: Context) -> list[str]:
    """The stored documents the question names one by one by kind and number, in the order named, each number
    naming one of them only: a full number that one has, or a kind and number not typed in full otherwise, not
    after words citing a text ("… cùng triển khai Nghị quyết 57") and not better read as a text stored ones cite;
    none when it names fewer than two."""
    if len({*map(leading_number, q.legal_keys), *(n for _, n in q.legal_pairs)}) < 2:
        return []  # one number, typed in full and by kind alike ("Quyết định 2500/QĐ-TTg"): no lookup
    found: dict[str, int] = {}
    for key in q.legal_keys:
        docs = ctx.index.catalog.numbered([key], [])
        if len(docs) == 1 and (at := _named_at(q, leading_number(key))) is not None:
            found.setdefault(docs[0], at)
    typed = {leading_number(k) for k in q.legal_keys}
    for kind, number in q.legal_pairs:
        if number in typed:
            continue  # "Luật 60/2024/QH15": its full number says which text
        docs = ctx.index.catalog.numbered([], [f"{kind}|{number}"])
        at = _named_at(q, number, kind)
        if len(docs) != 1 or at is None or cited_words_before(q.key, at):
            continue
        if not ctx.cited_instead(q, kind, number, docs[0]):
            found.setdefault(docs[0], at)
    return sorted(found, key=found.__getitem__) if len(found) >= 2 else []


def story_held(q: Question, ctx: Context) -> str | None:
    """The one stored text a story names by number: the one whose full number the question gives, else the one
    stored text of the only kind and number it gives, when not better read as a text stored ones cite ("… theo
    Nghị quyết 57-NQ/TW của Bộ Chính trị", "Nghị quyết 57 về khoa học công nghệ" are no stored council resolution
    57) nor about another place than the question names."""
    if q.legal_keys:
        docs = ctx.index.catalog.numbered(list(q.legal_keys), [])
    elif len(set(q.legal_pairs)) == 1:
        kind, number = q.legal_pairs[0]
        docs = ctx.index.catalog.numbered([], [f"{kind}|{number}"])
        docs = [] if len(docs) == 1 and ctx.cited_instead(q, kind, number, docs[0]) else docs
    else:
        return None
    return docs[0] if len(docs) == 1 and not ctx.elsewhere(q, docs[0]) else None


def cited_words_before(key: str, at: int) -> bool:
    """Whether words citing a text ("triển khai", "thực hiện", "theo": lexicon ``grounds_openings``,
    ``cited_before``) come right before position ``at`` of a question's folded key."""
    before = key[:at].split()
    lx = lexicon()
    return any(before[-len(o.split()) :] == o.split() for o in (*lx.grounds_openings, *lx.cited_before))


def _named_at(q: Question, number: str, kind: str | None = None) -> int | None:
    """Where the question's key names a number (after its kind, when given)."""
    at = re.search(named_pair(kind, number) if kind else rf"(?<![\w/]){re.escape(number)}\b", q.key)
    return at.start() if at else None
