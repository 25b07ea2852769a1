"""The texts a passage cites for the thing a question names, when it cites several for different things: "Chỉ
thị … yêu cầu tuân thủ thời hạn tham gia ý kiến theo nghị định nào?" of a point citing one decree for who answers
for the appraisal and another for the time limits; "… căn cứ nghị định nào về phân định thẩm quyền …" of grounds
listing several decrees, each on its own subject.

    on_topic(subject, [(doc, entry, line), ...], ctx)  # indexes of the texts kept

Each text cited is read with its clause: the words from the separator before it to the one after it (";", a
sentence's end, the line's ends), which is what the passage says it is cited for ("tuân thủ thời hạn … theo quy
định tại Nghị định số 239/2025/NĐ-CP …"; "Căn cứ Nghị định số 142/2025/NĐ-CP … quy định về phân định thẩm quyền
…;"). When the best clause holds at least half the question's subject (IDF-weighted, bigrams too:
``AnswerPolicy.on_topic_held``) and some hold clearly less (``AnswerPolicy.on_topic_margin`` less), only the texts
of the clauses holding about as much as it are kept; otherwise every text is (no clause tells them apart, or the
words left are the question's framing: "… yêu cầu tiếp tục quán triệt những chỉ thị nào").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from core.types import Document, LegalBasis
from ingest.legal import mentions
from retrieval.answers.context import Context
from retrieval.extract import Coverage, Line, QueryTerms, text_terms

#: Where a clause ends inside a line: a semicolon, or a full stop before a capital (a sentence's end).
_CLAUSE_END = re.compile(r";|\.\s+(?=[A-ZĐÀ-Ỹ])")


def _clause_span(doc: Document, at: int, line: Line) -> tuple[int, int]:
    """Where the clause of ``line`` holding the offset ``at`` begins and ends (offsets in ``doc.text``)."""
    text = doc.text[line.start : line.start + len(line.text)]
    cut = max(at - line.start, 0)
    ends = list(_CLAUSE_END.finditer(text))  # the whole line: a sentence's end is read with the capital after it
    begin = max((m.end() for m in ends if m.end() <= cut), default=0)
    stop = next((m.start() for m in ends if m.start() >= cut), len(text))
    return line.start + begin, line.start + stop


def _cited_at(doc: Document, entry: LegalBasis, line: Line) -> int:
    """Where ``line`` cites ``entry`` (as ``registry.line_of`` finds it; the line's start when it does not)."""
    end = line.start + len(line.text)
    return next((c.start for c in doc.citations if line.start <= c.start <= end and mentions(c, entry)), line.start)


def on_topic(subject: QueryTerms, cited: Sequence[tuple[Document, LegalBasis, Line]], ctx: Context) -> list[int]:
    """The indexes of ``cited`` (a document, a text it cites, the line citing it) whose clauses hold the subject
    asked about about as much as the best one does, when it holds enough of it."""
    every = list(range(len(cited)))
    if len(cited) < 2:
        return every
    p = ctx.policy.answer
    covers = Coverage(subject, ctx.weights())
    spans = [_clause_span(doc, _cited_at(doc, e, line), line) for doc, e, line in cited]
    held = [
        covers(text_terms(ctx.analyzer, " ".join(doc.text[a:b].split()))) for (doc, _, _), (a, b) in zip(cited, spans)
    ]
    best = max(held)
    if best < p.on_topic_held:
        return every
    kept = [i for i in every if held[i] >= best - p.on_topic_margin]
    # a text cited for carrying out one kept ("Nghị quyết số 50/NQ-CP … ban hành Kế hoạch triển khai thực hiện
    # Nghị quyết 163/2024/QH15"): about the same thing
    texts = [cited[k][1] for k in kept]
    return [i for i in every if i in kept or _cites(cited[i], spans[i], texts)]


def _cites(item: tuple[Document, LegalBasis, Line], span: tuple[int, int], texts: list[LegalBasis]) -> bool:
    """Whether the clause (``span``) citing ``item``'s text also cites one of ``texts``."""
    doc, entry, _ = item
    return any(span[0] <= c.start < span[1] and mentions(c, e) for c in doc.citations for e in texts if e is not entry)
