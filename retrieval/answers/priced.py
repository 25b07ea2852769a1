"""What a money question prices, and whether the documents found speak of it at all.

"Phí dự thi sát hạch để lấy chứng chỉ môi giới bất động sản là bao nhiêu?" asks the price of an exam; the circular
found sets the fee of the certificate and never says "sát hạch". Coverage of the question's words does not tell
the two apart (every other word is there), so the words a money noun governs ("phí | dự thi sát hạch …", up to the
lexicon's ``priced_until``: "là", "bao nhiêu", "theo", "của" …) are read on their own: a pair of them that the store
writes together (a real phrase somewhere), which the documents found never write together and of which one word they
never write at all, is something they do not price. So is whom a sum is paid to, after "cho" in its clause, after a
money noun or a verb of paying ("mức hỗ trợ hằng tháng cho | thành viên tổ bảo vệ an ninh, trật tự" of a resolution
on the commune police's support), the
unit a price is asked per ("bao nhiêu một tín chỉ" of a resolution that sets fees per month), and the act a fine is
asked for, read back from "… bị phạt bao nhiêu" ("cơ sở không mua bảo hiểm cháy nổ bắt buộc" of a resolution that
fines other acts).

    unspoken_price(q, terms, weights, lambda: [doc.text], analyzer)  # "sat hach", or None
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from core.text import has_diacritics
from retrieval.analyzer import Analyzer, fold_words, token_index
from retrieval.answers.phrases import clause_key
from retrieval.answers.question import Question, fkey, has, sentences
from retrieval.extract import QueryTerms, TermWeights, text_terms
from retrieval.lexicon import lexicon

_MONEY = lexicon().amount_kinds["money"]
#: folded money noun -> how it is written ("luong": "lương", not the "lượng" of "dung lượng")
_WRITTEN: dict[str, set[str]] = {}
for _noun in _MONEY.nouns_exact:
    _WRITTEN.setdefault(fkey(_noun).strip(), set()).add(_noun)
_PRICED = re.compile(
    r" ("
    + "|".join(re.escape(n) for n in sorted({*_MONEY.nouns, *_WRITTEN}, key=len, reverse=True))
    + r")((?: \w+){0,14}?)(?= (?:"
    + "|".join(re.escape(w) for w in _MONEY.priced_until)
    + r")\b| ?$)"
)

#: The unit a price is asked per: "bao nhiêu (tiền) một tín chỉ", "mấy tiền 1 tiết học" (chat's "bn" is written
#: out before a question is read).
_PER = re.compile(r" (?:bao nhieu|may)(?: tien| dong)? (?:mot|moi|1)((?: \w+){2})\b")

#: Whom a sum is paid to, in the rest of its clause: "… cho | thành viên tổ bảo vệ an ninh, trật tự | ở cơ sở".
_FOR = re.compile(
    r" cho((?: \w+){1,10}?)(?= (?:" + "|".join(re.escape(w) for w in _MONEY.priced_until if w != "cho") + r")\b| ?$)"
)

#: A verb of paying, whose "cho …" names whom as a money noun's does ("hỗ trợ hàng tháng cho …").
_PAID = re.compile(r" (?:" + "|".join(re.escape(v) for v in _MONEY.paid) + r")\b")

#: A fee the asker pays right after a verb of paying: what follows is no one paid ("chi trả | học phí cho …").
_CHARGED_NEXT = tuple(f" {c} " for c in _MONEY.charged)

#: The act a fine is asked for: "cơ sở không mua bảo hiểm cháy nổ bắt buộc | thì bị phạt bao nhiêu".
_FINED = re.compile(r"((?: \w+){2,8}?)(?: thi)? bi (?:xu )?phat(?: tien)? (?:bao nhieu|may)")


#: The unit a sum is asked per, of those whose absence tells (lexicon ``per_units``): "bao nhiêu tiền 1 khối",
#: "tối đa bao nhiêu 1 đêm", "bao nhiêu đ/m2".
_UNITS = lexicon().per_units
_UNIT = "(" + "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True)) + r")\b"
_PER_UNIT = re.compile(
    r" (?:bao nhieu|bn|may)(?: tien| dong| nghin| ngan| trieu)?(?: cho)? (?:mot|moi|1) "
    + _UNIT
    + r"|(?:\d|\b)(?:d|dong|trieu|nghin|ngan|tien) ?/ ?"
    + _UNIT
)


def _units_asked(q: Question) -> list[str]:
    """The units an amount question asks a sum per ("bao nhiêu tiền 1 ha": "ha"), folded, in order."""
    # as typed too: a unit the store does not know is read as a word it does ("1 dem" -> "1 dam")
    keys = [fkey(s) for text in (q.text, q.typed) for s in sentences(text)]
    return [m.group(1) or m.group(2) for key in keys for m in _PER_UNIT.finditer(key)]


def states_per_unit(q: Question) -> Callable[[str], bool] | None:
    """For a sum asked per a unit ("hỗ trợ bao nhiêu tiền 1 ha"), whether a line states a sum per it ("3 triệu
    đồng/ha", "… đồng một héc-ta"); None when no unit is asked. Asked "bao nhiêu … 1 ha", a unit that is another word
    too ("hạ") is the unit: this orders sections, it refuses nothing."""
    units = dict.fromkeys(_units_asked(q)) if q.asking("amount") else {}
    if not units:
        return None
    forms = "|".join(re.escape(f) for u in units for f in sorted(_UNITS[u], key=len, reverse=True))
    per = re.compile(rf"(?:/\s?|\b(?:một|mỗi|1)\s)(?:{forms})(?!\w)", re.I)
    return lambda text: bool(per.search(text) and _MONEY.figure.search(text))


def unstated_unit(q: Question, texts: Callable[[], list[str]]) -> str | None:
    """The unit an amount question asks a sum per that the documents' ``texts`` never write in any form, or None."""
    if not q.asking("amount"):
        return None
    asked = _units_asked(q)
    # typed with diacritics, a unit is asked in a written form ("một ca", not "mỗi cá nhân"); folded, not one that
    # is another word too ("chuyen" of "chuyên đề")
    typed = set(re.findall(r"[^\W_]+", q.typed.lower()))
    asked = [u for u in asked if (typed & set(_UNITS[u]) if q.accented else u not in lexicon().per_units_ambiguous)]
    if not asked:
        return None
    written = " ".join(texts()).lower()
    for unit in dict.fromkeys(asked):
        if not any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", written) for f in _UNITS[unit]):
            return unit
    return None


def priced(q: Question) -> list[str]:
    """The folded words each money noun of the question governs ("phi thi sat hach de" -> "thi sat hach de")."""
    # read sentence by sentence: "… để nhận trợ cấp. Đợt 1 kéo dài bao nhiêu ngày?" prices nothing
    keys = [fkey(s) for s in sentences(q.text)]
    per = [m.group(1).strip() for key in keys for m in _PER.finditer(key)]
    fined = [m.group(1).strip() for key in keys for m in _FINED.finditer(key)]
    governed = [m.group(2).strip() for key, m in _nouns(q, keys) if m.group(2)]
    # whom a sum is paid to, within its clause: "mức hỗ trợ hằng tháng | cho thành viên tổ bảo vệ an ninh, trật tự
    # | ở cơ sở" ("… cho công an cấp xã, cụ thể là bn tiền": not "cụ thể"); not whom a fee is for ("học phí cho
    # con tôi học lớp 10")
    clauses = [clause_key(s) for s in sentences(q.text)]
    paid_to = [
        f.group(1).strip()
        for key, m in _nouns(q, clauses)
        if m.group(1) not in _MONEY.charged and (f := _FOR.search(_clause_after(key, m.end())))
    ]
    # after a verb of paying too: "hỗ trợ hàng tháng cho | lực lượng tham gia bảo vệ an ninh, trật tự"
    paid_to += [
        f.group(1).strip()
        for key in clauses
        for v in _PAID.finditer(key)
        if not (rest := _clause_after(key, v.end())).startswith(_CHARGED_NEXT)  # "chi trả học phí cho con tôi"
        and (f := _FOR.search(rest))
        and not has(f"{f.group(0)} ", *_MONEY.cancelled)  # "hỗ trợ cho vay": lending
    ]
    return list(dict.fromkeys(per + fined + governed + paid_to))  # "mức hỗ trợ … cho X": X once


def _clause_after(key: str, at: int) -> str:
    """The rest of the clause of a ``clause_key`` from ``at`` (clauses are parted by " | ")."""
    end = key.find(" |", at)
    return key[at:] if end < 0 else key[at:end]


def charged(q: Question) -> list[str]:
    """The fees the asker pays that the question names ("le phi", "hoc phi": lexicon
    ``amount_kinds.money.charged``)."""
    return [m.group(1) for _, m in _nouns(q, [fkey(s) for s in sentences(q.text)]) if m.group(1) in _MONEY.charged]


def _nouns(q: Question, keys: list[str]) -> list[tuple[str, re.Match[str]]]:
    """Each money noun of the keys with what it governs; not one cancelled ("tiền mặt"), and, typed with
    diacritics, only one written so ("dung lượng" is no "lương")."""
    typed = q.typed.lower() if has_diacritics(q.typed) else None
    return [
        (key, m)
        for key in keys
        for m in _PRICED.finditer(key)
        if not has(m.group(0) + " ", *_MONEY.cancelled)
        and (typed is None or m.group(1) not in _WRITTEN or any(w in typed for w in _WRITTEN[m.group(1)]))
    ]


def _rates(q: Question) -> list[str]:
    """The rates the asker pays that the question names ("lãi suất vay vốn là bao nhiêu": lexicon ``charged`` of the
    kinds besides money), which a document found must name as they are to answer."""
    key = fkey(q.asked or q.text)
    kinds = [k for name, k in lexicon().amount_kinds.items() if name != "money"]
    return [r for kind in kinds for r in kind.charged if has(key, r)]


def unspoken_price(
    q: Question, terms: QueryTerms, weights: TermWeights, texts: Callable[[], list[str]], analyzer: Analyzer
) -> str | None:
    """The pair of words of what an amount question prices that the documents' ``texts`` never speak of, or None."""
    if not q.asking("amount"):
        return None
    # what is priced may be written with its words apart; a fee the asker pays is named as it is ("lệ phí")
    spans = [(span, True) for span in priced(q)] + [(fee, False) for fee in [*charged(q), *_rates(q)]]
    if not spans:
        return None
    have: set[str] = set()
    for text in texts():
        have |= text_terms(analyzer, text)
    for span, apart in spans:
        for a, b in itertools.pairwise(fold_words(span).split()):
            pair = f"F:{a} {b}"
            if pair not in terms.bi or a.isdigit() or b.isdigit() or not weights.df.get(token_index(pair), 0):
                continue  # not a content pair of the question, or no phrase any document writes
            if terms.covered(pair, have) or (apart and all(terms.covered(f"f:{w}", have) for w in (a, b))):
                continue
            return f"{a} {b}"
    return None
