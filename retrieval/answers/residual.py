"""The clause for everyone else, asked by someone who says they are not in a case its siblings provide for.

"Công ty tôi muốn khai thác dữ liệu trong Cơ sở dữ liệu tổng hợp quốc gia (không phải dữ liệu của chính công ty), có
phải nộp phí không?" of an article whose clause 2 exempts "dữ liệu của mình" and whose clause 3 charges "Tổ chức, cá
nhân không thuộc quy định tại khoản 1 và khoản 2 Điều này": clause 2 holds more of the question's words ("không
phải", "dữ liệu của"), clause 3 answers it. How an asker says they are not in a case and how a clause opens by
covering those left over are general legal language (lexicon ``residual``). The left-over clause goes first when the
first section found is a clause (or point) it names as left out, and the words the asker negates, within one clause
of the question, are that first clause's own and not the left-over one's: the asker is telling they are not in it.

    left_over_first(q, ctx, doc_id, hits)  # hits, the left-over clause first when asked so
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from retrieval.answers.phrases import clause_key, fkey
from retrieval.lexicon import lexicon
from retrieval.search import SectionHit, put_first

if TYPE_CHECKING:
    from core.types import Document, Section
    from retrieval.answers.context import Context
    from retrieval.answers.question import Question

#: Words a left-over clause opens with before saying whom it leaves out ("Tổ chức, cá nhân không thuộc …").
OPENING_WORDS = 12
#: Words after the negation read as the case the asker says they are not in (at least two must be the clause's).
NEGATED_WORDS = 3

#: The clauses (or points) a left-over clause names, folded: "khoan 1 va khoan 2", "cac khoan 1 2 va 3".
_LISTED = re.compile(r"(?:khoan|diem) ([0-9a-z]{1,2})|(?<= )(?:va )?([0-9]{1,2}|[a-z])(?= )")


def left_over_first(q: Question, ctx: Context, doc_id: str, hits: list[SectionHit]) -> list[SectionHit]:
    """``hits`` with the sibling covering those its siblings leave out first, when the first hit is one it leaves
    out and the question negates words of the first hit's own case; as they were else."""
    if not hits or hits[0].doc_id != doc_id:
        return hits
    negated = _negated(q)
    if not negated:
        return hits
    doc = ctx.index.get(doc_id)
    first = doc.section(hits[0].section)
    if first is None or not first.parent:
        return hits
    own = fkey(doc.section_text(first.id, own=True))
    label = first.id.rsplit(".", 1)[-1]
    for sibling in doc.children(first.parent):
        if sibling.id == first.id or label not in _left_out(doc, sibling):
            continue
        other = fkey(doc.section_text(sibling.id, own=True))
        if not any(_told_apart(words, own, other) for words in negated):
            return hits
        return put_first(hits, doc_id, sibling.id, sibling.heading)
    return hits


def _negated(q: Question) -> list[list[str]]:
    """The words after each negation of the question ("không phải dữ liệu của …"), read within one of its clauses:
    "… có phải nộp phí không, phải nộp ở đâu?" negates nothing."""
    out = []
    for sentence in re.split(r"[.?!]", q.text):
        for clause in clause_key(sentence).split("|"):
            out += _after_negation(f" {clause.strip()} ")
    return [words for words in out if len(words) >= 2]


def _after_negation(key: str) -> list[list[str]]:
    """The words after each negation of a folded, padded text (lexicon ``residual.asked``)."""
    return [m.group(1).split()[:NEGATED_WORDS] for p in lexicon().residual_asked for m in p.finditer(key)]


def _told_apart(words: list[str], own: str, other: str) -> bool:
    """Whether the words negated name the first clause's case: their longest opening of two words or more is in the
    first clause's text and not the left-over clause's, and the first clause does not say it negated ("không phải
    nộp phí" is the exempting clause's own rule)."""
    for n in range(len(words), 1, -1):
        phrase = " ".join(words[:n])
        if f" {phrase} " in own:
            negated_there = any(" ".join(w[:n]) == phrase for w in _after_negation(own))
            return f" {phrase} " not in other and not negated_there
    return False


def _left_out(doc: Document, sibling: Section) -> set[str]:
    """The clauses (or points) a section opens by leaving out ("Tổ chức, cá nhân không thuộc quy định tại khoản 1 và
    khoản 2 Điều này …"): their numbers (or letters), when the reference ends at this article ("Điều này") for
    clauses or this clause ("khoản này") for points."""
    opening = " ".join(fkey(doc.section_text(sibling.id, own=True)).split()[: OPENING_WORDS + 12])
    out: set[str] = set()
    for p in lexicon().residual_rule:
        for m in p.finditer(f" {opening} "):
            listed, tail = m.group(1), m.group(2)
            if len(opening[: m.start()].split()) > OPENING_WORDS:
                continue
            kind = "khoan" if "khoan" in listed.split()[:2] else "diem"
            if (kind, tail) not in (("khoan", "dieu"), ("diem", "khoan")):
                continue
            out |= {a or b for a, b in _LISTED.findall(f" {listed} ")}
    return out
