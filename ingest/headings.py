"""The heading of a numbered paragraph: a heading line, or where a paragraph's run-in heading ends."""

from __future__ import annotations

import re

# A heading that runs into its body: "… năm 2026 Tiếp tục đăng ký …" (a year or a closing quote, then a sentence).
_SENTENCE_START = re.compile(
    r"(?:(?<=\d{4})|(?<=[”\"\)]))\s+"
    r"(?!(?:Thông tư|Nghị định|Quyết định|Chỉ thị|Luật|Điều|Kế hoạch)\b)"
    r"(?=[A-ZĐÀÁẢÃẠĂÂÈÉẺẼẸÊÌÍỈĨỊÒÓỎÕỌÔƠÙÚỦŨỤƯỲÝỶỸỴ]\S*\s+[a-zđà-ỹ])"
)


def heading_of(text: str) -> str:
    """Heading of a numbered paragraph: the heading line, or the start of a paragraph that runs on."""
    text = text.strip()
    if not text:
        return ""
    run_in = _SENTENCE_START.search(text[:220])
    if run_in and not re.search(r"[.;:]", text[: run_in.start()]):
        return text[: run_in.start()].rstrip(" ,")
    inner_stop = re.search(r"[.;:!?]\s", text)
    if not inner_stop and (len(text) <= 120 or (len(text) <= 250 and not text.endswith((".", ";")))):
        return text.rstrip(":;.,").strip()  # a heading line, however long
    colon = text.find(":")
    first_stop = re.search(r"[.;]\s|[.;]$", text)
    if 0 < colon <= 100 and (first_stop is None or colon < first_stop.start()):
        return text[:colon].strip()
    clause = text[: first_stop.start()] if first_stop else text
    if len(clause) <= 120:
        return clause.strip()
    if not re.search(r"\w", clause):
        return ""  # a blank form's run of dots ("1.1 ……………") heads nothing
    cut = clause[:100].rsplit(" ", 1)[0].rstrip(" ,;:")
    return cut + "…"
