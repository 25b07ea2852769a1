"""Families of exclusive qualifiers (lexicon ``siblings``: levels of schooling, levels of administration a prize is
set at): an amount asked of one member is not answered by sections that set it member by member for others; of the
one document a question names, the section headed for the member asked answers before one found for another.

A member named after a comparison word (``siblings.compared``: "so với cấp tỉnh") is the measure, not the member
asked: "mức chi cấp trường bằng bao nhiêu % so với cấp tỉnh" asks of the school level.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ingest.layout import APPENDIX_IDS
from retrieval.answers.phrases import fkey, has
from retrieval.lexicon import lexicon
from retrieval.search import SectionHit

if TYPE_CHECKING:
    from core.types import Document, Section
    from retrieval.answers.context import Context
    from retrieval.answers.question import Question

_LEAD_END = re.compile(r":|[.;](?:\s|$)")
#: How deep in the document's sections found a section headed for the member asked is looked for.
HEADED_DEPTH = 40


def _asked(q: Question) -> list[tuple[dict[str, tuple[str, ...]], set[str]]]:
    """Each family the question names members of, with those members (not those it compares with)."""
    lx = lexicon()
    key = functools.reduce(lambda k, w: re.sub(rf" {w}(?: \S+){{1,4}}", " ", k), lx.siblings_compared, q.key)
    key = key if key.strip() else q.key
    out = []
    for family in lx.siblings:
        asked = {m for m, words in family.items() if has(key, *words)}
        if asked:
            out.append((family, asked))
    return out


def _named(family: dict[str, tuple[str, ...]], key: str) -> set[str]:
    return {m for m, words in family.items() if has(key, *words)}


def elsewhere(q: Question, texts: Sequence[str], headings: Sequence[str]) -> str | None:
    """A member asked an amount of ("học phí cao đẳng") where the sections found, with their headings, name two
    other members and none asked: a sum set member by member (one member named in passing is no list)."""
    if not q.asking("amount"):  # a rule may name one level and hold for all
        return None
    said = fkey(" ".join([*texts, *headings]))
    for family, asked in _asked(q):
        named = _named(family, said)
        if len(named) >= 2 and not named & asked:
            return f"asks of {', '.join(sorted(asked))}; the sections found state {', '.join(sorted(named))}"
    return None


def asked_first(q: Question, ctx: Context, doc_id: str, hits: list[SectionHit]) -> list[SectionHit]:
    """An amount asked of one member, of the one document named: when the first section found is an appendix's
    (a table) and names, with its headings, other members of the family and none asked, the best-placed section of
    the document's body whose own heading names a member asked and no other goes first ("hội thi cấp trường" of a
    resolution whose clauses set the rates "cấp tỉnh", "cấp xã, phường" and "tại các cơ sở giáo dục", its tables
    those of the province). Not when the question asks for an appendix or a table (lexicon ``appendix_asked``), nor
    over a section of the body: a rule may name one member and hold for all. Nothing is dropped; the order is as
    it was when no section is so headed or the first already names a member asked."""
    if not q.asking("amount") or not hits or hits[0].doc_id != doc_id:
        return hits
    if not hits[0].section.startswith(APPENDIX_IDS) or has(q.key, *lexicon().appendix_asked):
        return hits
    doc = ctx.index.get(doc_id)
    first = fkey(" ".join([*doc.heading_path(hits[0].section), doc.section_text(hits[0].section, own=True)]))
    for family, asked in _asked(q):
        named = _named(family, first)
        if not named or named & asked:
            continue
        headed = [
            s.id
            for s in doc.sections
            if not s.id.startswith(APPENDIX_IDS) and (own := _named(family, fkey(_lead(doc, s)))) and own <= asked
        ]
        if not headed:
            continue
        found = {h.section: h for h in hits}
        best = next((found[s] for s in headed if s in found), None)
        if best is None:  # the best of those the search finds in the document, scoring as the first
            deep = ctx.sections(q, HEADED_DEPTH, docs=[doc_id])
            got = next((h for h in deep if h.section in headed), None)
            if got is None:
                continue
            best = SectionHit(doc_id, got.section, got.heading, hits[0].score)
        return [best, *(h for h in hits if h is not best)]
    return hits


def _lead(doc: Document, sec: Section) -> str:
    """A section's heading, whole: a clause's run-in heading cut short ("Nội dung chi … giải thể thao cho…") read
    from its first line, to the colon or the end of its first sentence ("… hội thao tại các cơ sở giáo dục")."""
    if not sec.heading.endswith("…"):
        return sec.heading
    first = doc.text[sec.start : sec.body_end].split("\n", 1)[0]
    start = first.find(sec.heading[:-1])  # after its number ("6. ")
    return _LEAD_END.split(first[start:], maxsplit=1)[0] if start >= 0 else sec.heading
