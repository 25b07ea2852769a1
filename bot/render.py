"""Answer -> Telegram HTML messages: escaped document text, sources, splitting under 4096 characters.

Tags never span a line, so splitting at line (paragraph) boundaries never cuts inside a tag.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from core.types import Answer, Citation
from retrieval.render import source_label

LIMIT = 4096


def source_line(c: Citation) -> str:
    """ "[1] 08/KH-CĐCĐ · III.2 Phòng Công tác sinh viên" (escaped)."""
    return f"[{c.n}] {escape(source_label(c))}"


def answer_html(answer: Answer) -> str:
    """The whole answer as Telegram HTML (before splitting)."""
    lines = [escape(line) for line in answer.answer.split("\n")]
    if answer.citations:
        lines += ["", "<b>Nguồn:</b>", *(source_line(c) for c in answer.citations)]
    return "\n".join(lines).strip()


def refusal_html(answer: Answer, covers: str, example: str) -> str:
    """A refusal in three short lines: why (for an English question, a line in both languages), what the
    documents cover, and a question they answer."""
    return "\n".join([escape(answer.answer), escape(covers), f"Hỏi thử: «{escape(example)}»"])


def split_message(html: str, limit: int = LIMIT) -> list[str]:
    """Chunks of at most ``limit`` characters, cut at paragraph boundaries, then line boundaries."""
    return _pack((piece for para in html.split("\n\n") for piece in _fit(para, limit)), "\n\n", limit) or [""]


def _fit(paragraph: str, limit: int) -> list[str]:
    """A paragraph split at line boundaries (and, for one over-long plain line, at spaces) to fit."""
    if len(paragraph) <= limit:
        return [paragraph]
    return _pack((part for line in paragraph.split("\n") for part in _hard_wrap(line, limit)), "\n", limit)


def _pack(pieces: Iterable[str], sep: str, limit: int) -> list[str]:
    """Pieces (each within ``limit``) joined by ``sep`` greedily into as few chunks of at most ``limit`` as fit."""
    chunks: list[str] = []
    current = ""
    for piece in pieces:
        candidate = f"{current}{sep}{piece}" if current else piece
        if len(candidate) <= limit:
            current = candidate
        else:
            if current:
                chunks.append(current)
            current = piece
    if current:
        chunks.append(current)
    return chunks


def _hard_wrap(line: str, limit: int) -> list[str]:
    if len(line) <= limit:
        return [line]
    words, parts, current = line.split(" "), [], ""
    for w in words:
        while len(w) > limit:  # a single unbroken run: cut it, taking care not to split an entity like &amp;
            cut = limit - len(current) - 1 if current else limit
            cut = _safe_cut(w, max(cut, 1))
            parts.append((current + " " + w[:cut]).strip())
            current, w = "", w[cut:]
        candidate = f"{current} {w}" if current else w
        if len(candidate) <= limit:
            current = candidate
        else:
            parts.append(current)
            current = w
    if current:
        parts.append(current)
    return parts


def _safe_cut(text: str, at: int) -> int:
    amp = text.rfind("&", max(0, at - 8), at)
    if amp != -1 and ";" not in text[amp:at]:
        return amp or at
    return at
