"""How a question's words are matched against cue phrases: folded, lowercased, padded with spaces.

has(fkey("Ai ký kế hoạch?"), "ai ky")  # True
"""

from __future__ import annotations

import functools
import re

from core.text import fold, y_form


def fkey(text: str) -> str:
    """Folded, lowercased, punctuation-free form used for cue matching, padded with spaces ("kí" read "ký" as the
    lexicon writes it: ``core.text.y_form``)."""
    return " " + re.sub(r"\s+", " ", y_form(re.sub(r"[^a-z0-9/ -]", " ", fold(text).lower()))).strip() + " "


def has(key: str, *phrases: str) -> bool:
    return any(f" {p} " in key for p in phrases)


@functools.cache
def holds_any(cue: str, phrases: tuple[str, ...]) -> bool:
    """Whether a cue phrase holds one of ``phrases`` (read once per cue and phrases, not for every question)."""
    return any(f" {p} " in f" {cue} " for p in phrases)


_CLAUSE_MARK = re.compile(r"[,;:?!()]")


def clause_key(text: str) -> str:
    """``fkey`` with a bar where a comma, colon, bracket or question mark parts clauses, so that a cue phrase is
    matched within a clause: "chậm nhất ngày nào, kỳ báo cáo tính từ …" asks no "nào ký" (who signed)."""
    return " " + " | ".join(fkey(part).strip() for part in _CLAUSE_MARK.split(text)) + " "
