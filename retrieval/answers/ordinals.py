"""Sibling sections told apart by a number in their headings ("Khi dự báo đến Cấp II", "… Cấp III", "… Cấp IV";
"Năm 2025", "Năm 2026"; "Khu vực đường Vành đai 1", "… Vành đai 2"): a question naming one of those numbers after
the same word ("cháy rừng cấp độ 4 thì …") is answered under the sibling with that number first, when a section
under it scores close to the first one (``AnswerPolicy.runner_up``) and the first one is under a sibling with
another number.

Only words that number things in a series count (lexicon ``ordinals.words``: cấp, mức, năm, giai đoạn, vành đai, …;
not the values of "là 1 năm", "giảm 02 tiết", "gồm 09 phường"), and only between siblings whose headings agree
before that word ("Khi dự báo ở Cấp I" / "Khi dự báo đến Cấp IV"; not "Chi cục Hải quan khu vực V" / "Ngân hàng
Nhà nước chi nhánh khu vực XII", two bodies). A question may put a filler between the word and its number
(``ordinals.fillers``: "cấp độ 4" for "Cấp IV"); one naming two numbers after the same word ("vành đai 1 hay vành
đai 2", "trường cấp 2 … cháy rừng cấp IV") or the document's own year moves nothing. Nothing is dropped and
nothing refused: only the order of the sections found changes.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from core.text import fold
from retrieval.lexicon import lexicon
from retrieval.search import SectionHit

if TYPE_CHECKING:
    from core.types import Document
    from retrieval.answers.context import Context
    from retrieval.answers.question import Question

#: How much of the words before the numbering word two sibling headings must share (Jaccard) to be one series.
SAME_LEAD = 0.5
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def asked_first(q: Question, ctx: Context, hits: list[SectionHit], depth: int) -> list[SectionHit]:
    """``hits`` with the first of the ``depth`` best under the sibling whose number the question names moved
    first, when the first hit is under a sibling of the same series with another number; otherwise as they were."""
    if len(hits) < 2:
        return hits
    asked = _question_numbers(q.asked or q.text)
    if not asked:
        return hits
    doc = ctx.index.get(hits[0].doc_id)
    own_year = int(doc.date[:4]) if doc.date and doc.date[:4].isdigit() else None
    for word, parent, other, lead in _placed(doc, hits[0].section):
        want = asked.get(word)
        if want is None or want in (other, own_year):  # the document's own year names the document
            continue
        share = ctx.policy.answer.runner_up * hits[0].score
        for i, h in enumerate(hits[1:depth], 1):
            if h.doc_id != hits[0].doc_id or h.score < share:
                continue
            if any(
                w == word and p == parent and n == want and _alike(ld, lead) for w, p, n, ld in _placed(doc, h.section)
            ):
                return [h, *hits[:i], *hits[i + 1 :]]
        return hits
    return hits


def _placed(doc: Document, section: str) -> list[tuple[str, str, int, frozenset[str]]]:
    """For a section and each of its ancestors that is one of numbered siblings: (the word they number by, their
    parent's id, its number, the words of its heading before that word)."""
    out = []
    sec = doc.section(section)
    while sec is not None and sec.parent:
        numbered = {s.id: _heading_numbers(s.heading) for s in doc.children(sec.parent)}
        for word, (n, lead) in numbered.get(sec.id, {}).items():
            values = [nums[word][0] for nums in numbered.values() if word in nums]
            if len(values) >= 2 and len(set(values)) == len(values):
                out.append((word, sec.parent, n, lead))
        sec = doc.section(sec.parent)
    return out


def _alike(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two headings' words before their numbering word are those of one series."""
    return a == b or len(a & b) >= SAME_LEAD * len(a | b)


def _heading_numbers(heading: str) -> dict[str, tuple[int, frozenset[str]]]:
    """The numbering words of a heading with the number after each and the words before it ("Khi dự báo đến Cấp
    IV" → {"cap": (4, {"khi", "du", "bao", "den"})}); Roman numerals only in capitals, as headings write them."""
    folded = fold(heading)
    out: dict[str, tuple[int, frozenset[str]]] = {}
    for m in _patterns()[0].finditer(folded):
        lead = frozenset(re.findall(r"[^\W_]+", folded[: m.start()].lower()))
        out.setdefault(m.group(1).lower(), (_value(m.group(2)), lead))
    return out


def _question_numbers(text: str) -> dict[str, int]:
    """The numbering words of a question with the number it names after each ("cấp độ 4" → {"cap": 4}); a word
    named with two numbers asks none of them."""
    seen: dict[str, set[int]] = {}
    for word, num in _patterns()[1].findall(fold(text)):
        seen.setdefault(word.lower(), set()).add(_value(num.upper()))
    return {w: next(iter(ns)) for w, ns in seen.items() if len(ns) == 1}


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A numbering word and its number: in a heading (Roman in capitals, not the "vi" of "đơn vị"), and in a
    question (any case, a filler allowed between)."""
    lx = lexicon().ordinals
    words = "|".join(re.escape(w) for w in sorted(lx["words"], key=len, reverse=True))
    fillers = "|".join(re.escape(f) for f in lx["fillers"])
    heading = re.compile(rf"(?<![^\W_])((?i:{words}))\s+(\d{{1,4}}|[IVXLC]{{1,6}})(?!\w)")
    question = re.compile(rf"(?i)(?<![^\W_])({words})(?:\s+(?:{fillers}))?\s+(\d{{1,4}}|[ivxlc]{{1,6}})(?!\w)")
    return heading, question


def _value(num: str) -> int:
    if num.isdigit():
        return int(num)
    total = 0
    for a, b in zip(num, [*num[1:], ""], strict=True):
        v = _ROMAN[a]
        total += -v if b and _ROMAN[b] > v else v
    return total
