"""Numbering markers of Vietnamese administrative documents and their order.

Plans number I. → 1. → 1.1. → a); normative documents Chương → Mục → Điều →
khoản (1.) → điểm (a)); Party documents write parts as "I-" and items as "1-". Whether a marker
really opens a section is decided by ``ingest.outline`` (in sequence, or a
tolerated skip or repeat); this module only reads markers and their order, and
never fails on a marker it has not seen before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.text import UPPER

#: Order of lettered points (điểm): Vietnamese a b c d đ e g h i k …, with the letters Vietnamese does not
#: use (f, j, w, z) where the Latin alphabet puts them, so that both a, b, c, d, đ, e, g … and a, b, c, d, e,
#: f … read as ordered lists (a step of one or two places; see ``ingest.outline``).
LETTERS = "abcdđefghijklmnopqrstuvwxyz"

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
#: Letters of lettered parts, in order ("A.", "B.", … "Đ." after "D.").
PART_LETTERS = "ABCDĐEFGH"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("phan", re.compile(r"^(?:Phần|PHẦN)\s+([IVXL]+|\d+)\b\s*[.:\-–]?\s*(.*)$")),  # "PHẦN I. …": a plan's parts
    # "Chương I. …", "Chương I: …", and as some offices type it, "Chương I - …", "Chương I – …"
    ("chuong", re.compile(r"^(?:Chương|CHƯƠNG)\s+([IVXL]+|\d+)\b\s*[.:\-–]?\s*(.*)$")),
    ("muc", re.compile(r"^(?:Mục|MỤC)\s+(\d+)\b\s*[.:\-–]?\s*(.*)$")),
    ("dieu", re.compile(r"^(?:Điều|ĐIỀU)\s*(\d{1,3})\s*[.:]\s*(.*)$")),  # "Điều 1." and "Điều 1:"
    # "A. NHIỆM VỤ TRỌNG TÂM", "B. …", "C. TỔ CHỨC THỰC HIỆN": a guidance's lettered parts, above its Roman items
    ("lettered", re.compile(r"^([A-HĐ])\.\s+(\S.*)$")),
    ("roman", re.compile(r"^([IVXL]+)\s*(?:\.|/(?=\s)|-(?!\d)|–)\s*(.*)$")),  # "I.", "I-", "I/ …" (not "V/v")
    ("decimal", re.compile(r"^(\d{1,3}(?:\.\d{1,2})+)(?:[.)]?\s+(.*)|[.)]?$|\.(?=[A-ZĐÀ-Ỹ])(.*))")),  # "1.1.", "1.1)"
    # "1.", "1)", "1/", and as Party documents number their items, "1- Mục đích" (a word after the dash: not a range
    # cut at the wrap, "3- 5 ngày", "10- 15%", nor "1-2 ngày", "10-2025")
    ("num", re.compile(r"^(\d{1,3})(?:[.)]|/(?=\s|$)|[-–](?=\s+[^\W\d_]))(?:\s+(.*)|$)")),
    ("letter", re.compile(rf"^([a-zđ])(?:\)\s*(.*)|/\s+(.*)|\.\s+(?=[{UPPER}])(.*))$")),  # "a)", "a/", "a. A…"
]
#: Kinds a reader takes for headings of a document's main parts.
STRONG = frozenset({"phan", "lettered", "chuong", "muc", "dieu", "roman"})


@dataclass(frozen=True)
class Marker:
    kind: str  # phan, lettered, chuong, muc, dieu, roman, decimal, num, letter
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
    return total if 0 < total < 400 and to_roman(total) == numeral.upper() else 0


def to_roman(value: int) -> str:
    out = []
    for num, sym in (
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
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
            rest = next((g for g in m.groups()[1:] if g is not None), "")
            if kind == "lettered":  # a part's heading is in capitals ("A. Nguyễn Văn …" is a name), but for a
                head = rest.split("(")[0]  # note in brackets ("C. NỘI DUNG BÀI GIẢNG (viết đầy đủ, chi tiết")
                if any(c.islower() for c in head) or sum(c.isalpha() for c in head) < 4:
                    continue
            elif kind in ("roman", "chuong", "phan") and not label.isdigit() and roman_value(label) == 0:
                continue
            return Marker(kind, label, rest.strip())
    return None


def ordinal(marker: Marker) -> int:
    """Position of a marker in its sequence (I=1, 3=3, c=3, 1.2=2)."""
    if marker.kind == "lettered":
        return PART_LETTERS.index(marker.label) + 1
    if marker.kind in ("roman", "chuong", "phan") and not marker.label.isdigit():
        return roman_value(marker.label)
    if marker.kind == "letter":
        pos = LETTERS.find(marker.label)
        return pos + 1 if pos >= 0 else 0
    label = marker.label.split(".")[-1] if marker.kind == "decimal" else marker.label
    return int(label) if label.isdigit() else 0
