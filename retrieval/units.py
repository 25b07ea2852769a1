"""Retrieval units: one per section (its own text, children excluded), split at paragraph/bullet boundaries.

A unit never straddles two sections; every piece of a long section keeps its
section id. The heading path is prepended for context when the unit is
indexed, not stored in its text, so quotes stay verbatim.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.types import Document

MAX_CHARS = 900


@dataclass(frozen=True)
class Unit:
    doc_id: str
    section: str
    piece: int
    heading: str
    heading_path: tuple[str, ...]
    text: str
    start: int  # span of ``text`` in Document.text
    end: int

    def index_text(self) -> str:
        """Text the vectors are computed from: the heading path, then the unit's own text."""
        return " > ".join(self.heading_path) + "\n" + self.text


def _pieces(doc: Document, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    """Split a span at line (paragraph/bullet) boundaries into pieces of at most ``max_chars``."""
    spans: list[tuple[int, int]] = []
    pos = start
    for line in doc.text[start:end].split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        if line.strip():
            spans.append((a, b))
    pieces: list[tuple[int, int]] = []
    for a, b in spans:
        if pieces and b - pieces[-1][0] <= max_chars:
            pieces[-1] = (pieces[-1][0], b)
        else:
            pieces.append((a, b))
    return pieces


def units_for(doc: Document, max_chars: int = MAX_CHARS) -> list[Unit]:
    """All retrieval units of a document, in document order."""
    out: list[Unit] = []
    for part_id in ("header", "preamble", "closing", "footnotes"):
        part = doc.section(part_id)
        if part is not None:
            for i, (a, b) in enumerate(_pieces(doc, part.start, part.end, max_chars)):
                out.append(Unit(doc.doc_id, part_id, i, part.heading, (part.heading,), doc.text[a:b], a, b))
    for sec in doc.sections:
        own = doc.text[sec.start : sec.body_end].strip()
        has_children = sec.body_end < sec.end
        if has_children and "\n" not in own and not untitled_article(sec.id, own):
            continue  # a bare heading: its words travel in the children's heading paths
        path = tuple(doc.heading_path(sec.id))
        for i, (a, b) in enumerate(_pieces(doc, sec.start, sec.body_end, max_chars)):
            out.append(Unit(doc.doc_id, sec.id, i, sec.heading, path, doc.text[a:b], a, b))
    return out


def untitled_article(section: str, own: str) -> bool:
    """An article whose first line is its rule, not a title ("Điều 2. Đại học … là đơn vị …, trực thuộc …;
    chịu sự quản lý …." above its clauses): a sentence, ended, of its own."""
    words = own.split(".", 1)[-1].split()  # after "Điều 2."
    return section.rpartition(".")[2].startswith("Điều ") and own.endswith((".", ";")) and len(words) >= UNTITLED_WORDS


#: An article's first line of at least this many words, ended, is a rule ("Điều 1. Phạm vi điều chỉnh." is a title).
UNTITLED_WORDS = 12
