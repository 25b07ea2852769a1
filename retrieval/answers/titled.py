"""The section a question names by its title: "Điều kiện đăng ký dự tuyển công chức là gì?" asks for "Điều 19.
Điều kiện đăng ký dự tuyển công chức" whole, not the points of it that matched best.

    titled_section(ctx, hits, Coverage(terms, weights), floor=1.0)  # SectionHit | None
"""

from __future__ import annotations

from core.types import Document, Section
from ingest.outline import QUOTED_ARTICLE
from retrieval.answers.context import Context
from retrieval.extract import Coverage, text_terms
from retrieval.search import SectionHit

TITLED_HITS = 3  # best hits whose sections (and those above them) are read for a heading naming the question
MAX_JOINT_PARTS = 6  # a section of more parts is not answered whole for the headings of two of them
QUOTED_READ = 600  # characters read after a heading for a quoted title


def titled_section(ctx: Context, hits: list[SectionHit], covers: Coverage, floor: float) -> SectionHit | None:
    """The section, among the best hits and the sections above them, whose own heading holds the question's
    content terms (``floor``: all of them), the most specific one first: "Điều kiện đăng ký dự tuyển công chức là
    gì?" asks for "Điều 19. Điều kiện đăng ký dự tuyển công chức", not the points of it that matched best.

    Failing one, a short section whose heading with those of two of its parts holds them: "hiệu lực khi nào, thay
    thế văn bản nào?" asks for the whole "Hiệu lực thi hành", whose clauses each answer half."""
    best: tuple[float, int, SectionHit] | None = None
    read: list[tuple[Document, Section, frozenset[str]]] = []
    seen: set[tuple[str, str]] = set()
    for h in hits[:TITLED_HITS]:
        doc = ctx.index.get(h.doc_id)
        sec = doc.section(h.section)
        while sec is not None:
            if (h.doc_id, sec.id) not in seen:
                seen.add((h.doc_id, sec.id))
                own = _heading_terms(ctx, doc, sec)
                read.append((doc, sec, own))
                share = covers(own)
                if best is None or (share, sec.level) > best[:2]:
                    best = (share, sec.level, SectionHit(h.doc_id, sec.id, sec.heading, hits[0].score))
            sec = doc.section(sec.parent) if sec.parent else None
    if best is not None and best[0] >= floor:
        return best[2]
    joint = [(sec.level, doc, sec) for doc, sec, own in read if _with_parts(ctx, doc, sec, own, covers) >= floor]
    if not joint:
        return None
    _, doc, sec = max(joint, key=lambda j: j[0])
    return SectionHit(doc.doc_id, sec.id, sec.heading, hits[0].score)


def _heading_terms(ctx: Context, doc: Document, sec: Section) -> frozenset[str]:
    """A section's heading as terms, with the title of the article an amending clause quotes ("16. Sửa đổi, bổ
    sung Điều 21 như sau:" above "“Điều 21. Phạm vi được hưởng …"): that title is what the clause is about."""

    def compute() -> frozenset[str]:
        text = sec.heading
        second = doc.text[sec.start : min(sec.body_end, sec.start + QUOTED_READ)].split("\n")[1:2]
        if second and (quoted := QUOTED_ARTICLE.match(second[0].strip())):
            text += "\n" + quoted.group(2)
        return text_terms(ctx.analyzer, text)

    return ctx.index.remembered(("heading terms", doc.doc_id, doc.content_hash, sec.id), compute)


def _with_parts(ctx: Context, doc: Document, sec: Section, own: frozenset[str], covers: Coverage) -> float:
    """How much of the question a short section's heading holds with the headings of two of its parts (the best
    one, then the one adding most); 0 when the section has one part or more than ``MAX_JOINT_PARTS``."""
    parts = doc.children(sec.id)
    if not 2 <= len(parts) <= MAX_JOINT_PARTS:
        return 0.0
    terms = [_heading_terms(ctx, doc, p) for p in parts]
    first = max(range(len(terms)), key=lambda i: covers(own | terms[i]))
    return max(covers(own | terms[first] | t) for i, t in enumerate(terms) if i != first)
