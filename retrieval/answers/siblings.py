"""Families of exclusive qualifiers (lexicon ``siblings``: levels of schooling, levels of administration a prize is
set at): an amount asked of one member is not answered by sections that set it member by member for others; of the
one document a question names, the section headed for the member asked answers before one found for another.

A member named after a comparison word (``siblings.compared``: "so với cấp tỉnh") is the measure, not the member
asked: "mức chi cấp trường bằng bao nhiêu % so với cấp tỉnh" asks of the school level.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ingest.layout import APPENDIX_IDS
from retrieval.answers.phrases import clause_key, fkey, has
from retrieval.answers.titled import whole_heading
from retrieval.extract import section_lines
from retrieval.lexicon import lexicon
from retrieval.search import SectionHit

if TYPE_CHECKING:
    from retrieval.answers.context import Context
    from retrieval.answers.question import Question

#: How deep in the document's sections found a section headed for the member asked is looked for.
HEADED_DEPTH = 40


def _asked(q: Question) -> list[tuple[dict[str, tuple[str, ...]], set[str]]]:
    """Each family the question names members of, with those members (not those it compares with)."""
    lx = lexicon()
    out = []
    for family in lx.siblings:
        key = _uncompared(clause_key(q.text), family, lx.siblings_compared)
        if asked := members(family, key):
            out.append((family, asked))
    return out


def _uncompared(key: str, family: dict[str, tuple[str, ...]], compared: Sequence[str]) -> str:
    """A question's clause key without the members it names as a measure: a member's phrase within two words after
    a comparison word of the same clause ("so với hội thi cấp tỉnh"), the words between kept."""
    phrases = "|".join(re.escape(w) for words in family.values() for w in words)
    if not phrases or not compared:
        return key
    marks = "|".join(re.escape(c) for c in compared)
    return re.sub(rf" ((?:{marks})(?: [^ |]+){{0,2}}?) (?:{phrases})(?= )", r" \1", key)


def members(family: dict[str, tuple[str, ...]], key: str) -> set[str]:
    """The members of a family folded words name by their phrases."""
    return {m for m, words in family.items() if has(key, *words)}


def _written(family: dict[str, tuple[str, ...]], key: str) -> set[str]:
    """The members a document's text names (folded ``key``): by their words or the phrases that name one in a
    text only (``siblings.headed``: a clause "… tại các cơ sở giáo dục:" is the school level's)."""
    headed = lexicon().siblings_headed
    return {m for m, words in family.items() if has(key, *words, *headed.get(m, ()))}


def elsewhere(q: Question, texts: Sequence[str], headings: Sequence[str]) -> str | None:
    """A member asked an amount of ("học phí cao đẳng") where the sections found, with their headings, name two
    other members and none asked: a sum set member by member (one member named in passing is no list)."""
    if not q.asking("amount"):  # a rule may name one level and hold for all
        return None
    said = fkey(" ".join([*texts, *headings]))
    for family, asked in _asked(q):
        named = _written(family, said)
        if len(named) >= 2 and not named & asked:
            return f"asks of {', '.join(sorted(asked))}; the sections found state {', '.join(sorted(named))}"
    return None


def asked_first(
    q: Question, ctx: Context, doc_id: str, hits: list[SectionHit], states: Callable[[str], bool]
) -> list[SectionHit]:
    """An amount asked of one member, of the one document named: when the first section found is an appendix's
    (a table) and names, with its headings, other members of the family and none asked, the best-placed section of
    the document's body whose own heading names a member asked and no other goes first ("hội thi cấp trường" of a
    resolution whose clauses set the rates "cấp tỉnh", "cấp xã, phường" and "tại các cơ sở giáo dục", its tables
    those of the province). Not when the question asks for an appendix or a table (lexicon ``appendix_asked``), nor
    over a section of the body: a rule may name one member and hold for all; and only a section with a line that
    ``states`` an amount (one referring to the tables, "… thực hiện theo Phụ lục II", answers nothing). Nothing is
    dropped; the order is as it was when no section is so headed or the first already names a member asked."""
    if not q.asking("amount") or not hits or hits[0].doc_id != doc_id:
        return hits
    if not hits[0].section.startswith(APPENDIX_IDS) or has(q.key, *lexicon().appendix_asked):
        return hits
    doc = ctx.index.get(doc_id)
    first = fkey(" ".join([*doc.heading_path(hits[0].section), doc.section_text(hits[0].section, own=True)]))
    for family, asked in _asked(q):
        named = _written(family, first)
        if not named or named & asked:
            continue
        headed = {
            s.id
            for s in doc.sections
            if not s.id.startswith(APPENDIX_IDS)
            and (own := _written(family, fkey(whole_heading(doc, s))))
            and own <= asked
            and any(states(ln.text) for ln in section_lines(doc, s.id, own=False))
        }
        if not headed:
            continue
        best = next((h for h in hits if h.section in headed), None)
        if best is None:  # the best of those the search finds in the document, scoring as the first
            deep = ctx.sections(q, HEADED_DEPTH, docs=[doc_id])
            got = next((h for h in deep if h.section in headed), None)
            if got is None:
                continue
            best = SectionHit(doc_id, got.section, got.heading, hits[0].score)
        return [best, *(h for h in hits if h is not best)]
    return hits
