"""Plain-text rendering of an Answer for the terminal (the bot and the web page render their own)."""

from __future__ import annotations

from core.types import PART_LABELS, Answer, Citation


def source_label(c: Citation) -> str:
    """ "08/KH-CĐCĐ · III.2 Phòng Công tác sinh viên": the document's label (``retrieval.labels``), which every
    door accepts back; for an Answer made without one, the number, else the id."""
    label = c.doc_label or (
        c.doc_number if c.doc_number and c.doc_number.split("/")[0].strip() else (c.doc_number.lstrip("/") or c.doc_id)
    )
    section = PART_LABELS.get(c.section, c.section)
    heading = "" if c.section in PART_LABELS else f" {c.heading}"
    return f"{label} · {section}{heading}"


def answer_text(answer: Answer) -> str:
    """The answer followed by its numbered sources."""
    lines = [answer.answer]
    if answer.citations:
        lines += ["", "Nguồn:"]
        lines += [f"[{c.n}] {source_label(c)}" for c in answer.citations]
    return "\n".join(lines)
