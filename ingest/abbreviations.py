"""Abbreviations a document defines for itself: "an ninh, trật tự (ANTT)", "(CB, CC, GV, NV, NLĐ, HS)".

An abbreviation in parentheses is matched against the words before it by
their initials (function words like "và" may be skipped), so a definition is
only learnt when the letters really spell it.
"""

from __future__ import annotations

import re

from core.text import fold

_PAREN = re.compile(r"\(([A-ZĐ]{2,8}(?:,\s*[A-ZĐ]{2,8})*)\)")
_SKIPPABLE = {"và", "về", "của", "các", "trong", "với"}
_WORD = re.compile(r"[^\W\d_]+")


def _initials_match(words: list[str], abbr: str) -> bool:
    """Whether words spell the abbreviation by initials, allowing skipped function words."""
    target = fold(abbr).lower()

    def walk(i: int, j: int) -> bool:
        if j == len(target):
            return i == len(words)
        if i == len(words):
            return False
        w = fold(words[i]).lower()
        if w and w[0] == target[j] and walk(i + 1, j + 1):
            return True
        return words[i].lower() in _SKIPPABLE and walk(i + 1, j)

    return walk(0, 0)


def _expansion(before: str, abbr: str) -> str | None:
    """The shortest run of trailing words of ``before`` whose initials spell ``abbr``."""
    spans = list(_WORD.finditer(before))
    for n in range(len(abbr), min(len(abbr) * 2 + 2, len(spans)) + 1):
        tail = spans[-n:]
        words = [m.group(0) for m in tail]
        if words[0].lower() in _SKIPPABLE:
            continue
        if _initials_match(words, abbr):
            return before[tail[0].start() : tail[-1].end()]
    return None


def find_abbreviations(text: str) -> dict[str, str]:
    """Map each abbreviation the text defines to its expansion as written."""
    found: dict[str, str] = {}
    for m in _PAREN.finditer(text):
        abbrs = [a.strip() for a in m.group(1).split(",")]
        before = text[max(0, m.start() - 300) : m.start()]
        if len(abbrs) == 1:
            exp = _expansion(before, abbrs[0])
            if exp:
                found.setdefault(abbrs[0], exp)
            continue
        # a list: align the last k phrases before the parenthesis with the k abbreviations
        phrases = [p.strip() for p in re.split(r",|\bvà\b", before.split("\n")[-1]) if p.strip()]
        if len(phrases) < len(abbrs):
            continue
        tail = phrases[-len(abbrs) :]
        for abbr, phrase in zip(abbrs, tail):
            exp = _expansion(phrase, abbr)
            if exp:
                found.setdefault(abbr, exp)
    return found
