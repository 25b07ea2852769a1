"""Years asked that the documents found do not speak of: "học phí năm học 2026-2027" of a resolution on 2025-2026,
"năm 2024 tỷ lệ … là bao nhiêu" of a plan whose 2024 is only its background.

    unspoken(q, draft, texts, ctx)  # why the draft does not answer the year asked, or None
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from core.legal_ids import NUMBER
from retrieval.targeting import profile_text

if TYPE_CHECKING:
    from core.types import Document
    from retrieval.answers.context import Context
    from retrieval.answers.evidence import Draft
    from retrieval.answers.question import Question

#: How a question offers a choice between things: "X hay Y", "X hoặc là Y".
OR_WORDS = r"(?:hay|hoặc|hoac)(?: là| la)?"
_YEAR_CHOICE = re.compile(rf"\b(?:19|20)\d\d(?: {OR_WORDS}(?: năm| nam)? (?:19|20)\d\d\b)+", re.I)
_NUMBER_IN = re.compile(NUMBER, re.I)
#: A title naming a period: a year, or "giai đoạn".
_PERIOD = re.compile(r"\b(?:19|20)\d\d\b|giai đoạn", re.I)


def unspoken(q: Question, draft: Draft, texts: list[str], ctx: Context) -> str | None:
    """Why the draft does not answer a year the question asks (``texts``: its sections' texts), or None."""
    whole = [ctx.index.get(d).text for d in {e.doc_id for e in draft.evidence}]
    # a year of a story told first ("… được tuyển dụng từ năm 2010. … còn bị xử lý kỷ luật không?", or in a first
    # clause: "Tôi được tuyển dụng từ năm 2010, vậy …?") is not asked
    asked_years = [y for y in q.years if str(y) in q.asked] if q.asked else q.years
    choice = _year_choice(q.text)
    unseen = _unchosen([y for y in asked_years if not any(str(y) in t for t in whole)], choice)
    if unseen:  # "học phí năm học 2026-2027" of a resolution that speaks of 2025-2026 only
        return f"asked of {', '.join(map(str, unseen))}, which no document found mentions"
    if asked_years and (far := _unchosen(_year_elsewhere(q, asked_years, draft, texts, ctx), choice)):
        return f"asked of {', '.join(map(str, far))}, which the text found does not state where it answers"
    return None


def _periodic(doc: Document) -> bool:
    """Whether a text's title names the period it is for ("… giai đoạn 2025 - 2027", "… năm 2025")."""
    return bool(_PERIOD.search(doc.title or ""))


def _year_choice(text: str) -> set[int]:
    """The years a question asks to choose between ("mốc là năm 2030 hay 2035?"): one of them is asked."""
    return {int(y) for m in _YEAR_CHOICE.finditer(text) for y in re.findall(r"\d{4}", m.group(0))}


def _unchosen(years: list[int], choice: set[int]) -> list[int]:
    """The years missing where a question answers, a choice between years missing only when every side is."""
    return years if choice <= set(years) else [y for y in years if y not in choice]


def _year_elsewhere(q: Question, years: list[int], draft: Draft, texts: list[str], ctx: Context) -> list[int]:
    """The years asked of plans that none of the cited sections, their headings or their plans' headers names.

    A plan sets its work and targets year by year, so a year asked of it is stated where it answers: "năm 2024 tỷ
    lệ … là bao nhiêu" of a plan for 2025 whose background names 2024 is not answered by its 2025 target; so does a
    text without articles whose title names its period (a programme's resolution "giai đoạn 2025 - 2027": its 2030
    is only its background), not one whose tasks stand (a Government resolution's standing task asked "sang năm
    2026"). A legal text's rule holds in any year after it (a year of the law's own dates says nothing of where it
    answers), and a year within a document number the question cites ("Nghị quyết 38/2024/NQ-HĐND") names that
    document."""
    docs = [ctx.index.get(e.doc_id) for e in draft.evidence]
    if not all(d.kind == "plan" or (d.kind == "other" and _periodic(d)) for d in docs):
        return []
    outside = _NUMBER_IN.sub(" ", q.text)
    years = [y for y in years if str(y) in outside]
    near = [" ".join([*d.heading_path(e.section), profile_text(d), t]) for d, e, t in zip(docs, draft.evidence, texts)]
    return [y for y in years if not any(str(y) in t for t in near)]
