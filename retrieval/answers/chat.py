"""A chat message as a question: courtesy and the group it is addressed to dropped, chat shorthand and kinds'
shorthand written out ("bc so ket 6 thang nop truoc ngay nao ad?" -> "bao cao so ket 6 thang nop truoc ngay nao"),
and whether it was typed with diacritics. All of it is data (lexicon ``chat``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from core.text import fold, has_diacritics
from retrieval.lexicon import Lexicon, lexicon


def typed_accented(question: str, lx: Lexicon | None = None) -> bool:
    """Whether a message was typed with diacritics: its own words, not its courtesy ("cho mình hỏi"), chat
    particles ("ạ") or shorthand ("qđ", "đc"), which people type with their marks either way."""
    lx = lx or lexicon()
    shorthand = {*lx.shorthand, *lx.kind_shorthand, *lx.numbered_shorthand}
    words = [w for w in lx.courtesy.sub(" ", question).split() if w.strip(".,:;!?").lower() not in shorthand]
    own = [w for w in words if w.strip(".,:;!?").lower() not in lx.particles]
    return has_diacritics(" ".join(own) if own else question)  # "đc ko": only shorthand, read as typed


def _glued(q: str, lx: Lexicon, plain: Callable[[str], str]) -> str:
    """Shorthand glued to a number written out ("hk1" -> "học kỳ 1"), that of ``glued_dated`` only before a year
    ("t3/2026" -> "tháng 3/2026"; "T7" alone is a weekday), a dash between two read as a range ("t3-t7/2026" ->
    "tháng 3 đến tháng 7/2026"), a unit set apart ("12m" -> "12 mét"): lexicon ``glued_shorthand``, ``glued_dated``,
    ``glued_range``, ``glued_units``."""
    between = plain(lx.glued_range)
    for table, year in ((lx.glued_dated, r"(?=/\d{4}(?!\d))"), (lx.glued_shorthand, "")):
        if not table:
            continue
        heads = "|".join(re.escape(w) for w in sorted(table, key=len, reverse=True))
        one = rf"({heads})(\d{{1,2}})"

        def out(head: str, n: str, table: dict[str, str] = table) -> str:
            return f"{plain(table[head.lower()])} {n}"

        q = re.sub(
            rf"(?<![\w/.-]){one}\s?[-–]\s?{one}{year}(?![\w-])",
            lambda m, out=out: f"{out(m.group(1), m.group(2))} {between} {out(m.group(3), m.group(4))}",
            q,
            flags=re.I,
        )
        q = re.sub(rf"(?<![\w/.-]){one}{year}(?![\w-])", lambda m, out=out: out(m.group(1), m.group(2)), q, flags=re.I)
    if lx.glued_units:  # "tàu dài 12m", "quá 6h", "7h-11h": the number, then its unit as texts write it
        units = "|".join(re.escape(w) for w in sorted(lx.glued_units, key=len, reverse=True))
        grade = "".join(f"(?<!{re.escape(w)} )" for w in {lx.grade_word, fold(lx.grade_word)})  # "lớp 6h": a class
        q = re.sub(
            rf"{grade}(?<![\w/.])(\d+(?:[.,]\d+)?)({units})(?![\w/])",
            lambda m: f"{m.group(1)} {plain(lx.glued_units[m.group(2).lower()])}",
            q,
            flags=re.I,
        )
    return q


def normalize(question: str, lx: Lexicon | None = None, *, accented: bool | None = None) -> str:
    """A chat message as a question: courtesy dropped, shorthand written out ("tt 124" -> "Thông tư 124");
    ``accented``: ``typed_accented`` of it, when the caller already knows."""
    lx = lx or lexicon()
    q = lx.courtesy.sub(" ", lx.address.sub(lambda m: m.group(1) or "", question))
    accented = typed_accented(question, lx) if accented is None else accented
    plain = (lambda w: w) if accented else fold
    words = "|".join(re.escape(w) for w in sorted(lx.shorthand, key=len, reverse=True))
    measured = re.compile(rf"(?:\d|\b(?:{'|'.join(lx.counting['after'])}))\s*$")  # "bao nhiêu kg gạo": kilograms

    def written_out(m: re.Match[str]) -> str:
        kept = m.group(1).lower() in lx.measures and measured.search(fold(m.string[: m.start()]).lower())
        return m.group(1) if kept else plain(lx.shorthand[m.group(1).lower()])

    q = re.sub(rf"(?<![\w/.-])({words})(?![\w/-])", written_out, q, flags=re.I)
    kinds = "|".join(re.escape(w) for w in sorted(lx.kind_shorthand, key=len, reverse=True))
    before = "|".join(re.escape(w) for w in lx.kind_shorthand_before)
    q = re.sub(
        rf"(?<!\w)({kinds})\.?\s*(?=\d|(?:{before})\b)",
        lambda m: plain(lx.kind_shorthand[m.group(1).lower()]) + " ",
        q,
        flags=re.I,
    )
    if lx.kind_shorthand_after:  # "theo cv của sở gd": the letter, whatever follows
        after = "|".join(re.escape(w) for w in lx.kind_shorthand_after)
        table = {**lx.kind_shorthand, **lx.kind_shorthand_after_only}  # "theo qc": only there a regulation
        named = "|".join(re.escape(w) for w in sorted(table, key=len, reverse=True))
        q = re.sub(
            rf"(?<!\w)((?:{after})\s+)({named})\.?(?=\s)",
            lambda m: m.group(1) + plain(table[m.group(2).lower()]),
            q,
            flags=re.I,
        )
    if lx.numbered_shorthand:  # "dh 14": the congress, where "dh" alone is "đại học"
        numbered = "|".join(re.escape(w) for w in sorted(lx.numbered_shorthand, key=len, reverse=True))
        q = re.sub(
            # a congress's number ("dh 14", "ĐH XIV"): two digits or a Roman numeral of two letters or more, as a
            # word of its own (not "QĐ-ĐHV", "đh 2025" a year, "dh 4 nam" a university's years)
            rf"(?<![\w/.-])({numbered})\s+(?=(?:\d{{2}}|(?-i:[IVXL]{{2,}}))(?![\w/-]))",
            lambda m: plain(lx.numbered_shorthand[m.group(1).lower()]) + " ",
            q,
            flags=re.I,
        )
    q = _glued(q, lx, plain)
    q = re.sub(r"(?<![\w/-])vb(?![\w/-])", "văn bản", q, flags=re.I)
    q = lx.whenever.sub(r"\1", q)  # "ngày nào … thì … có … không": whenever, not asking a day
    q = lx.grade_entry.sub(lambda m: f"{m.group(1)} {plain(lx.grade_word)} {m.group(2)}", q)  # "vào 10": vào lớp 10
    return re.sub(r"\s+", " ", q).strip(" ?.!,") or question.strip()
