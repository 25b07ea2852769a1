"""The kind of things a question asks to be listed ("… gồm những trường thành viên nào?"), read against the
sections found: a kind whose words they never write is not what they list (lexicon ``listed``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from retrieval.answers.phrases import fkey
from retrieval.lexicon import Lexicon

if TYPE_CHECKING:
    from retrieval.answers.question import Question


def unlisted(q: Question, texts: list[str], lx: Lexicon) -> str | None:
    """The words of the kind asked ("truong thanh vien") that the texts found never write, but the generic ones a
    section answers in its own terms ("những văn bản nào", "nội dung nào"); None when they write them all."""
    m = lx.listed.search(fkey(q.asked) if q.told_apart else q.key)
    if not m:
        return None
    said = fkey(" ".join(texts))
    # an abbreviation as the words it stands for ("những CSDL nào": "cơ sở dữ liệu")
    words = [x for w in m.group(1).split() for x in fkey(lx.abbreviations.get(w, w)).split()]
    missing = [w for w in words if w not in lx.listed_generic and f" {w} " not in said]
    return " ".join(missing) or None
