"""Sibling sections told apart by a number in their headings ("Khi dự báo đến Cấp II", "… Cấp III", "… Cấp IV";
"Năm 2025", "Năm 2026"; "Mức 1", "Mức 2"): a question naming one of those numbers after the same word ("cháy rừng
cấp độ 4 thì …") is answered under the sibling with that number first, when a section under it scores close to
the first one (``AnswerPolicy.runner_up``) and the first one is under a sibling with another number.

The word and the number come from the document's own headings: the word before a number (arabic, or a Roman
numeral in capitals as headings write it) that two or more children of one section carry with different numbers.
A question may put one of the lexicon's ``ordinal_fillers`` between the word and its number ("cấp độ 4" for "Cấp
IV"). Nothing is dropped and nothing refused: only the order of the sections found changes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from core.text import fold
from retrieval.lexicon import lexicon
from retrieval.search import SectionHit

if TYPE_CHECKING:
    from core.types import Document
    from retrieval.answers.context import Context
    from retrieval.answers.question import Question

#: A word and the number after it in a heading: arabic, or Roman in capitals ("Cấp IV", not the "vi" of "đơn vị").
_HEADING_NUMBER = re.compile(r"([^\W\d_]+)\s+(\d{1,4}|[IVXLC]{1,6})(?![\w])")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def asked_first(q: Question, ctx: Context, hits: list[SectionHit], depth: int) -> list[SectionHit]:
    """``hits`` with the first of the ``depth`` best under the sibling whose number the question names moved
    first, when the first hit is under a sibling of the same kind with another number; otherwise as they were."""
    if len(hits) < 2:
        return hits
    asked = _question_numbers(q.asked or q.text)
    if not asked:
        return hits
    doc = ctx.index.get(hits[0].doc_id)
    for word, parent, other in _placed(doc, hits[0].section):
        want = asked.get(word)
        if want is None or want == other:
            continue
        share = ctx.policy.answer.runner_up * hits[0].score
        for i, h in enumerate(hits[1:depth], 1):
            if h.doc_id != hits[0].doc_id or h.score < share:
                continue
            if any(w == word and p == parent and n == want for w, p, n in _placed(doc, h.section)):
                return [h, *hits[:i], *hits[i + 1 :]]
        return hits
    return hits


def _placed(doc: Document, section: str) -> list[tuple[str, str, int]]:
    """For a section and each of its ancestors that is one of numbered siblings: (the word the siblings number
    by, their parent's id, its number)."""
    out = []
    sec = doc.section(section)
    while sec is not None and sec.parent:
        siblings = doc.children(sec.parent)
        numbered = {s.id: _heading_numbers(s.heading) for s in siblings}
        for word, n in numbered.get(sec.id, {}).items():
            values = [nums[word] for nums in numbered.values() if word in nums]
            if len(values) >= 2 and len(set(values)) == len(values):
                out.append((word, sec.parent, n))
        sec = doc.section(sec.parent)
    return out


def _heading_numbers(heading: str) -> dict[str, int]:
    """The words of a heading followed by a number, with it ("Khi dự báo đến Cấp IV" → {"cap": 4})."""
    out: dict[str, int] = {}
    for word, num in _HEADING_NUMBER.findall(heading):
        out.setdefault(fold(word).lower(), _value(num))
    return out


def _question_numbers(text: str) -> dict[str, int]:
    """The words of a question followed by a number, maybe after a filler ("cấp độ 4" → {"cap": 4})."""
    fillers = "|".join(re.escape(f) for f in lexicon().ordinal_fillers)
    between = rf"(?:\s+(?i:{fillers}))?" if fillers else ""
    folded = fold(text)
    out: dict[str, int] = {}
    for word, num in re.findall(rf"([^\W\d_]+){between}\s+(\d{{1,4}}|[IVXLC]{{1,6}})(?![\w])", folded):
        out.setdefault(word.lower(), _value(num))
    return out


def _value(num: str) -> int:
    if num.isdigit():
        return int(num)
    total = 0
    for a, b in zip(num, [*num[1:], ""], strict=True):
        v = _ROMAN[a]
        total += -v if b and _ROMAN[b] > v else v
    return total
