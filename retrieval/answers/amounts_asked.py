"""What amount a question asks: the kinds of figure (money, a percentage, a length of time …) and the nouns it
counts ("bao nhiêu vụ", "mấy sinh viên", "tầng mấy"), read once when the question is parsed
(``retrieval.answers.question.parse``) from the lexicon's ``amount_kinds`` and ``counting``.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from core.text import fold, has_diacritics
from retrieval.answers.phrases import clause_key, fkey, has
from retrieval.lexicon import Lexicon

if TYPE_CHECKING:
    from retrieval.answers.question import Question


def amounts(q: Question, lx: Lexicon) -> list[tuple[re.Pattern[str], list[str]]]:
    """The kinds of amount asked (money, a percentage): by a cue, or by a noun of the kind ("học phí")."""
    out = []
    accented = " " + " ".join(re.findall(r"[^\W_]+", q.text.lower())) + " "
    # asking whether, a rule; unless an amount word asks the sum too ("… có nói mức phạt là bao nhiêu không?")
    whether = "whether" in q.asks and not has(q.key, *lx.counting["after"])
    # the sentences that ask, when a story is told in sentences of its own first ("Tôi … cung cấp họ tên, số điện
    # thoại. … có quyền yêu cầu xóa không?" asks no phone number); a first clause may name the topic ("Em hỏi về
    # tiền ăn …, bao nhiêu một tháng?")
    key = fkey(q.asked) if q.told_apart else q.key
    for kind in lx.amount_kinds.values():
        cued = key
        for phrase in kind.not_cued:  # "… là ai làm vậy": who does it (a body), not a person's name
            cued = re.sub(f" {phrase} ", " ", cued)
        if has(cued, *kind.cues):
            out.append((kind.figure, []))
            continue
        masked = key
        for phrase in kind.cancelled:
            masked = masked.replace(f" {phrase} ", " ")
        for counting in lx.counting["after"]:  # "mấy mức hỗ trợ": a count of levels, not a sum
            masked = re.sub(rf" {counting} \w+(?: \w+)?", " ", masked)
        if "amount" not in q.asks or whether:  # "… được hưởng cả hai mức hỗ trợ không?": a rule
            continue
        if q.counted:  # "tối đa bao nhiêu nhiệm vụ, nếu đã nhận phụ cấp thì …": the count is asked, not a sum
            continue
        nouns = [fold(n).lower() for n in kind.nouns_exact if f" {n} " in accented and has(masked, fold(n).lower())]
        if not q.accented:
            nouns += [n for n in kind.nouns if has(masked, n)]
        if nouns:
            out.append((kind.figure, sorted(set(nouns))))
    if "%" in q.text and "amount" in q.asks:
        out.append((lx.amount_kinds["percent"].figure, []))
    if any(not nouns for _, nouns in out):  # a kind asked outright: the nouns only describe what is measured
        out = [(f, nouns) for f, nouns in out if not nouns]
    return out


def _cues_amount(words: list[str], lx: Lexicon) -> bool:
    """Whether folded words from a counting word on open with a cue of a kind of amount that names one of its
    nouns ("bao nhieu kinh phi"); not a unit of it ("bao nhiêu triệu" counts triệu: a number beside them)."""
    said = " " + " ".join(words) + " "
    return any(
        said.startswith(f" {c} ") and c.split(maxsplit=len(w.split()))[-1] in kind.nouns
        for kind in lx.amount_kinds.values()
        for c in kind.cues
        for w in lx.counting["after"]
        if c.startswith(f"{w} ")
    )


def _classified(
    at: int,
    typed: list[str],
    words: list[str],
    joined: list[bool],
    skip: set[str],
    classifiers: set[str],
    accented: bool,
) -> str | None:
    """The thing a classifier at ``at`` counts ("cây bút bi": "but bi", with "bút bi" as typed when the question has
    diacritics, "but bi|bút bi"): the one or two words after it, in the same clause, neither a question word nor a
    number; None when the word is no classifier as typed ("tổ công tác", "hợp đồng") or nothing follows it.
    ``classifiers`` as the question is typed: with diacritics, or folded."""
    if (typed[at] if accented else words[at]) not in classifiers:
        return None
    thing = []
    for j in range(at + 1, min(at + 3, len(words))):
        if not joined[j - 1] or words[j] in skip or words[j].isdigit():
            break
        thing.append(j)
    if not thing:
        return None
    return " ".join(words[j] for j in thing) + "|" + (" ".join(typed[j] for j in thing) if accented else "")


def counted(text: str, lx: Lexicon, accented: bool | None = None) -> list[str]:
    """Nouns a question counts: "bao nhiêu vụ", "mấy sinh viên" (the word after), "tầng mấy" (the word before).
    Typed without diacritics, "may" counts only a noun that is counted ("may lan"), else it is "máy"."""
    found = list(re.finditer(r"[^\W_]+", text.lower()))
    typed = [m.group(0) for m in found]
    words = [fold(w) for w in typed]
    # words in one clause: "dung lượng bao nhiêu, tệp gửi kèm …" counts no "tệp"
    joined = [not text[a.end() : b.start()].strip() for a, b in itertools.pairwise(found)]
    skip = set(lx.counting["not_counted"]) | lx.question_words
    told = set(lx.counting.get("told", ()))
    bodies = set(lx.counting.get("bodies", ()))
    classifiers = set(lx.counting.get("classifiers", ()))
    # typed with diacritics (the question's own words, ``typed_accented``; not a shorthand written out, "QD" ->
    # "Quyết định"): classifiers and things are read as typed
    q_accented = any(has_diacritics(w) for w in typed) if accented is None else accented
    if not q_accented:
        classifiers = {fold(c) for c in classifiers}  # typed without diacritics: matched folded
    told_exact = set(lx.counting.get("told_exact", ()))  # "vì" typed so: "vi" folded is also "vị", "vi phạm"
    out = []
    for cue in lx.counting["after"]:
        n = len(cue.split())
        for i in range(len(words) - n + 1):
            if " ".join(words[i : i + n]) != cue:
                continue
            if cue == "may" and typed[i] != "mấy" and not (i + 1 < len(words) and words[i + 1] in lx.counted_nouns):
                continue  # "xe máy", "máy tính"
            if _cues_amount(words[i : i + n + 3], lx):
                continue  # "bao nhiêu kinh phí": a sum asked (a cue naming a noun of its kind), no count of "kinh"
            after = words[i + n] if i + n < len(words) and joined[i + n - 1] else None
            before = words[i - 1] if i > 0 and joined[i - 1] else None
            if (
                i + n + 2 < len(words)
                and joined[i + n]  # in one clause: "mấy bộ, nay tôi nộp …" counts "bộ"
                and (words[i + n + 1] in told or typed[i + n + 1] in told_exact)
            ):
                continue  # "nghỉ mấy buổi rồi, phải học đủ …": a count told, more is asked after it; "mấy hôm nay"
            pair = f"{after} {words[i + n + 1]}" if after and i + n + 1 < len(words) and joined[i + n] else ""
            if pair in bodies:
                out.append(pair)  # "bao nhiêu đơn vị": bodies of any kind ("30 cơ quan, doanh nghiệp"), not "đơn"
                continue
            if after and (thing := _classified(i + n, typed, words, joined, skip, classifiers, q_accented)):
                out.append(f"{after}|{thing}")  # "bao nhiêu cây bút bi": a number beside "cây" or "bút bi"
                continue
            if after and after not in skip and not after.isdigit():
                # an abbreviation is counted as the words it stands for ("bao nhiêu dn" counts "doanh nghiệp")
                out.append(fold(lx.abbreviations[after]).lower() if after in lx.abbreviations else after)
            elif cue == "may" and after is None and before and before not in skip and not before.isdigit():
                out.append(before)  # "tầng mấy?" ends the question
    return out


#: Where a line's clauses end: a figure read in another clause is not the measured noun's ("… được hưởng phụ cấp
#: đứng lớp nếu …); giảng viên kiêm … 40%").
_CLAUSE = re.compile(r"[;()]|\.(?:\s|$)")


def measured_nouns(q: Question, lx: Lexicon) -> list[str]:
    """What a question asks an amount of (folded): a money noun with the word that tells which one ("phụ cấp
    đứng lớp … bao nhiêu phần trăm": "phu cap dung"); none for a bare noun ("bao nhiêu tiền") or one followed by
    a question word ("mức hỗ trợ là bao nhiêu")."""
    kind = lx.amount_kinds["money"]
    sums = (kind.figure, lx.amount_kinds["percent"].figure)
    if not any(f in sums for f, _ in q.figures):  # "đợt hai làm mấy ngày" of a plan on trợ cấp xã hội
        return []
    cues = [c for k in ("money", "percent") for c in lx.amount_kinds[k].cues] + list(lx.counting["after"])
    out = []
    # the clause that asks the amount: not a condition ("… bao nhiêu phần trăm định mức thì được hưởng phụ cấp đứng
    # lớp?"), nor a yes/no clause beside it ("… được hưởng phụ cấp đứng lớp không, giảng bao nhiêu phần trăm …")
    for clause in re.split(r" \| | thi ", clause_key(q.asked if q.told_apart else q.text)):
        key = f" {clause.strip()} "
        if not has(key, *cues):
            continue
        for phrase in kind.cancelled:  # "tiền mặt": no sum
            key = key.replace(f" {phrase} ", " ")
        for noun in kind.nouns:
            for m in re.finditer(rf"(?<= ){noun} (\w+)(?= )", key):
                if m.group(1) not in lx.question_words and not m.group(1).isdigit():
                    out.append(f"{noun} {m.group(1)}")
    return out


#: A short parenthesis belongs to its clause: a unit ("Tiền công (1.000đ)"), an abbreviation.
_SHORT_PARENTHESIS = re.compile(r"\(([^()]{0,20})\)")


def unbound(q: Question, lines: list[str], headings: str, lx: Lexicon) -> str | None:
    """A measured noun the quoted lines speak of only in clauses stating no figure of a kind asked, though other
    clauses of those lines do state one: the figures found are another thing's. None when the noun is bound to a
    figure, or ``headings`` (the sections' and the documents' own) hold it: what the document or section is about,
    its figures the rows below."""
    nouns = measured_nouns(q, lx)
    if not nouns:
        return None
    figures = [f for f, _ in q.figures]
    head = " " + " ".join(re.findall(r"[^\W_]+", fold(headings).lower())) + " "
    spoken = None
    for line in lines:
        clauses = _CLAUSE.split(_SHORT_PARENTHESIS.sub(r" \1 ", line))
        if not any(f.search(c) for f in figures for c in clauses):
            continue  # a line stating no figure at all: a label, a lead-in
        for clause in clauses:
            key = " " + " ".join(re.findall(r"[^\W_]+", fold(clause).lower())) + " "
            for noun in nouns:
                if f" {noun} " not in key:
                    continue
                if f" {noun.rsplit(' ', 1)[0]} " in head:  # the money noun itself, without its "which"
                    return None
                if any(f.search(clause) for f in figures):
                    return None
                spoken = noun
    return spoken
