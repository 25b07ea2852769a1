"""A document named by its number that no stored document is and none cites ("Kế hoạch 999/KH-UBND của …",
"nghị quyết 45/2025 …"): the question is about a text the store does not hold, so no other text answers it.

Numbers are compared by their digits before the first separator, leading zeros dropped ("0124/KH-UBND" is 124),
against every stored document's own number and every number the stored documents cite (the registry), read once
per catalog version. A kind and a four-digit year ("luật 2026", "kế hoạch 2025") names a year, not a number.
"""

from __future__ import annotations

import re

from core.legal_ids import NUMBER, id_key, names_a_text
from core.text import fold
from retrieval.answers.context import Context
from retrieval.answers.question import KINDS, TYPE_WORDS, Question

_DIGITS = re.compile(r"\d+")
_NUMBER = re.compile(rf"(?<!\b[a-z])(?<!\d){NUMBER}", re.I)  # not "t3-t7/2026" (months): as question._LEGAL_IN_Q
_LETTER = re.compile(r"[A-Za-z]")
_YEAR = re.compile(r"(?:19|20)\d\d")
#: A kind and number written as a document's number: "số" before it, or its "/…", "-…" part after it ("kế hoạch
#: số 42", "Kế hoạch 42/KH-UBND", "nq 45/2025"); not "kế hoạch 3 năm", "quy định 19 tiết", "chương trình 2 buổi".
_NUMBERED = re.compile(rf"\b({KINDS})\s+(?:so\s+(\d{{1,5}})\b|(\d{{1,5}})(?=[/-][a-z0-9]))")


def _digits(number: str | None) -> str | None:
    m = _DIGITS.match((number or "").strip())
    return (m.group(0).lstrip("0") or "0") if m else None


def _known(ctx: Context) -> tuple[frozenset[str], frozenset[tuple[str, str]], frozenset[str]]:
    """The numbers (digits) of every stored document; the kinds and numbers, and the full numbers' keys, of every
    stored document and every document they cite."""

    def compute() -> tuple[frozenset[str], frozenset[tuple[str, str]], frozenset[str]]:
        heads = ctx.index.heads().values()
        entries = ctx.index.registry()
        held = frozenset(d for h in heads if (d := _digits(h.number)))
        pairs = {(fold(h.doc_type or "").lower(), _digits(h.number)) for h in heads}
        pairs |= {(fold(e.type or "").lower(), _digits(e.number)) for e in entries}
        keys = {id_key(h.number) for h in heads if h.number}
        keys |= {id_key(v) for e in entries for v in [e.id.split(" (")[0], *e.variants]}
        return held, frozenset(p for p in pairs if p[1]), frozenset(keys)

    return ctx.index.remembered("known numbers", compute)


def unheld(q: Question, ctx: Context) -> str | None:
    """What the question names by number that the store knows nowhere ("Kế hoạch số 999"), when every document it
    names by number is such; None when it names none, or one the store holds (whatever kind it is called) or one
    of that kind the store cites."""
    pairs = [
        (m.group(1), (m.group(2) or m.group(3)).lstrip("0") or "0")
        for m in _NUMBERED.finditer(fold(q.text).lower())
        if not _YEAR.fullmatch(m.group(2) or m.group(3))
    ]
    typed = [
        m.group(0) for m in _NUMBER.finditer(fold(q.text)) if _LETTER.search(m.group(0)) and names_a_text(m.group(0))
    ]
    typed = typed if q.legal_keys else []
    if not pairs and not typed:
        return None
    held, known_pairs, known_keys = _known(ctx)
    if any(num in held or (kind, num) in known_pairs for kind, num in pairs):
        return None
    if any(id_key(t) in known_keys or _digits(t) in held for t in typed):
        return None
    if pairs:
        return f"{TYPE_WORDS.get(pairs[0][0], 'Văn bản')} số {pairs[0][1]}"
    return f"văn bản số {typed[0].upper()}"
