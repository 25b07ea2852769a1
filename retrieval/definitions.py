"""Terms a document defines ("“Cơ quan” gồm: …", "“Khu dân cư” là …") and questions that ask for one.

Directives open with a "Giải thích từ ngữ" article whose khoản each start with the
quoted term. "Cơ quan là gì theo Thông tư 124?" is answered by that khoản, not by
every section that happens to say "cơ quan".
"""

from __future__ import annotations

import re

from core.types import Document
from retrieval.intents import fkey, strip_legal_mentions

_DEFINES = re.compile(r"^\s*(?:\d{1,2}\.\s*)?[“\"]([^”\"\n]{2,60})[”\"]\s+(?:là|gồm|được hiểu là)\b")
# the term must sit right beside the asking words: "tiêu chí công nhận cơ quan là gì" asks for criteria
_ASKING_AFTER = r"(?:la gi|la the nao|duoc hieu (?:la gi|the nao|nhu the nao)|nghia la gi|gom nhung gi|bao gom nhung gi|gom nhung ai|gom nhung (?:co quan|to chuc) nao|duoc dinh nghia)"
_ASKING_BEFORE = r"(?:dinh nghia(?: ve)?|khai niem(?: ve)?|the nao (?:la|duoc goi la)|giai thich(?: tu)?)"

# all that may come before the term: "Theo Thông tư 124, cơ quan là gì?", "Cho hỏi khu dân cư là gì?"
_LEAD = frozenset(
    "theo trong cho hoi xin toi em ban oi a thi vay the nao la khai niem dinh nghia ve giai thich tu".split()
)


_ASKS = re.compile(rf" {_ASKING_AFTER} | {_ASKING_BEFORE} ")
#: (doc_id, content_hash) -> its defined terms: a document's text never changes under one hash
_TERMS: dict[tuple[str, str], list[tuple[str, str]]] = {}


def defined_terms(doc: Document) -> list[tuple[str, str]]:
    """(folded term, section id) for every section whose text starts by defining a quoted term."""
    key = (doc.doc_id, doc.content_hash)
    if key not in _TERMS:
        found = ((_DEFINES.match(doc.text[sec.start : sec.body_end]), sec.id) for sec in doc.sections)
        _TERMS[key] = [(fkey(m.group(1)).strip(), sid) for m, sid in found if m]
    return _TERMS[key]


def asked_definitions(question: str, docs: list[Document]) -> list[tuple[str, str]]:
    """(doc_id, section id) of the definitions a question asks for; the longest matching term wins."""
    q = fkey(strip_legal_mentions(question))  # "Cơ quan trong Thông tư 124 được hiểu là gì?"
    if not _ASKS.search(q):
        return []  # most questions ask no definition: no document is scanned for them
    found: list[tuple[int, str, str]] = []
    for doc in docs:
        for term, section in defined_terms(doc):
            t = re.escape(term)
            m = re.search(
                rf" (?:{_ASKING_BEFORE} )?{t} (?:(?:theo|trong|tai|o) )?{_ASKING_AFTER} | {_ASKING_BEFORE} {t} ", q
            )
            if m and set(q[: m.start()].split()) <= _LEAD:
                found.append((len(term), doc.doc_id, section))
    if not found:
        return []
    longest = max(n for n, _, _ in found)
    return [(d, s) for n, d, s in found if n == longest]
