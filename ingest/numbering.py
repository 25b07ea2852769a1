"""Numbering markers of Vietnamese administrative documents and their order.

Plans number I. → 1. → 1.1. → a); normative documents Chương → Mục → Điều →
khoản (1.) → điểm (a)). A marker only opens a section when it is the next in
its sequence, so a stray "2026." at the start of a line is never a section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Vietnamese order of lettered points (điểm): no f, j, w, z; đ after d.
LETTERS = "abcdđeghiklmnopqrstuvxy"

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("chuong", re.compile(r"^(?:Chương|CHƯƠNG)\s+([IVXL]+|\d+)\b[.:]?\s*(.*)$")),
    ("muc", re.compile(r"^(?:Mục|MỤC)\s+(\d+)\b[.:]?\s*(.*)$")),
    ("dieu", re.compile(r"^(?:Điều|ĐIỀU)\s+(\d+)\.\s*(.*)$")),
    ("roman", re.compile(r"^([IVXL]+)\.\s*(.*)$")),
    ("decimal", re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)\.?(?:\s+(.*)|$)")),
    ("num", re.compile(r"^(\d{1,2})[.)](?:\s+(.*)|$)")),
    ("letter", re.compile(r"^([a-zđ])\)\s*(.*)$")),
]


@dataclass(frozen=True)
class Marker:
    kind: str  # chuong, muc, dieu, roman, decimal, num, letter
    label: str  # "III", "2", "1.1", "a", "7"
    rest: str  # text after the marker on the same line


def roman_value(numeral: str) -> int:
    """Value of a Roman numeral ("XIV" -> 14); 0 when malformed."""
    total, prev = 0, 0
    for ch in reversed(numeral.upper()):
        val = _ROMAN.get(ch)
        if val is None:
            return 0
        total = total - val if val < prev else total + val
        prev = max(prev, val)
    return total if to_roman(total) == numeral.upper() else 0


def to_roman(value: int) -> str:
    out = []
    for num, sym in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= num:
            out.append(sym)
            value -= num
    return "".join(out)


def classify(line: str) -> Marker | None:
    """The numbering marker a line opens with, if any."""
    for kind, pattern in _PATTERNS:
        m = pattern.match(line)
        if m:
            label = m.group(1)
            if kind in ("roman", "chuong") and not label.isdigit() and roman_value(label) == 0:
                continue
            return Marker(kind, label, (m.group(2) or "").strip())
    return None


def ordinal(marker: Marker) -> int:
    """Position of a marker in its sequence (I=1, 3=3, c=3, 1.2=2)."""
    if marker.kind in ("roman", "chuong") and not marker.label.isdigit():
        return roman_value(marker.label)
    if marker.kind == "letter":
        return LETTERS.index(marker.label) + 1
    if marker.kind == "decimal":
        return int(marker.label.split(".")[-1])
    return int(marker.label)
