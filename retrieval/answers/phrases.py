"""How a question's words are matched against cue phrases: folded, lowercased, padded with spaces.

has(fkey("Ai ký kế hoạch?"), "ai ky")  # True
"""

from __future__ import annotations

import re

from core.text import fold


def fkey(text: str) -> str:
    """Folded, lowercased, punctuation-free form used for cue matching, padded with spaces."""
    return " " + re.sub(r"\s+", " ", re.sub(r"[^a-z0-9/ -]", " ", fold(text).lower())).strip() + " "


def has(key: str, *phrases: str) -> bool:
    return any(f" {p} " in key for p in phrases)
