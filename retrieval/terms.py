"""Terms a document defines ("“Cơ quan” gồm: …", "“Khu dân cư” là …"), found when it is indexed.

Legal texts open with a "Giải thích từ ngữ" article whose khoản each start with the quoted term; the catalog
records which documents define terms (``retrieval.answers.definition`` answers "X là gì?" from their lines).
"""

from __future__ import annotations

import re

from core.text import fold
from core.types import Document

_DEFINES = re.compile(r"^\s*(?:\d{1,2}\.\s*)?[“\"]([^”\"\n]{2,60})[”\"]\s+(?:là|gồm|được hiểu là)\b")
#: (doc_id, content_hash) -> its defined terms: a document's text never changes under one hash
_TERMS: dict[tuple[str, str], list[tuple[str, str]]] = {}


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9/ -]", " ", fold(text).lower()).split())


def defined_terms(doc: Document) -> list[tuple[str, str]]:
    """(folded term, section id) for every section whose text starts by defining a quoted term."""
    key = (doc.doc_id, doc.content_hash)
    if key not in _TERMS:
        found = ((_DEFINES.match(doc.text[sec.start : sec.body_end]), sec.id) for sec in doc.sections)
        _TERMS[key] = [(_key(m.group(1)), sid) for m, sid in found if m]
    return _TERMS[key]
