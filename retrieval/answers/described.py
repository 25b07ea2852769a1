"""A cited document found by what the question says of it, and the dates documents give a named one.

"Chương trình phòng chống HIV … năm 2023 của Khánh Hòa là văn bản nào?", "Thông tư nào quy định …?",
"Kế hoạch của Sở GDĐT Khánh Hòa mà Cam Ranh thực hiện có số hiệu là gì?": each registry entry is described
by its kind, title and issuer and by the header of a document citing it ("mà Cam Ranh thực hiện"); the
entry whose description holds most of the question's words answers, when it holds them clearly better than
any held document's header does (a question about a held document is answered from that document). Among
entries described alike, one no document says is replaced comes first.
"""

from __future__ import annotations

import heapq
import sys
from dataclasses import replace
from functools import lru_cache
from typing import Any

from core.types import ConflictValue, Document, LegalBasis
from retrieval.answers.context import Context
from retrieval.answers.evidence import Draft, Evidence, doc_name, fmt_date
from retrieval.answers.question import Question, has
from retrieval.answers.registry import asked_for, line_of, replaced, warnings
from retrieval.catalog_rows import TERMS_SEP, DocHead, head_text
from retrieval.extract import Coverage, Line, QueryTerms, TermWeights, text_terms
from retrieval.lexicon import lexicon

#: Header facts a cited document's registry entry states (its citation string holds them all).
FACTS = ("number", "date", "issuer", "title")


def gather(q: Question, ctx: Context) -> Draft | None:
    """The cited document the question describes, as its citation string cited to a line that cites it."""
    if not (q.asking("cited_by") or q.kinds or set(q.facts) & set(FACTS)):
        return None
    best = best_described(q, ctx)
    if best is None:
        return None
    if "date" in q.facts and best.conflicts:
        return dates([best], ctx)
    where = _cited_at(best, ctx)
    if where is None:
        return None
    doc_id, section, line = where
    ev = Evidence(doc_id, section, "", [line], statements=[f"{best.citation} {{n}}."])
    return Draft([ev], intro="Văn bản được trích dẫn:", legal=[best], notes=warnings([best]), group_by_doc=False)


MAX_SCORED = 300  # entries (and held headers) whose coverage is read, those sharing most of the question's words
MAX_HEADS = 1_000  # headers read for a question: those the header match ranks first (at dev scale, every one)


def best_described(q: Question, ctx: Context) -> LegalBasis | None:
    """The registry entry the question's words describe best, when they do clearly (see the module docstring)."""
    terms = _description(q, ctx.terms(q))
    if not terms.uni:
        return None
    asked = asked_for(q, ctx.index.registry())
    if not asked:
        return None
    weights, analyzer, p = _Idf(ctx.weights()), ctx.analyzer, ctx.policy.answer
    # Only the headers sharing the question's words can add to an entry's description or be a held document it
    # describes: those the header match found (its postings), the best MAX_HEADS of them; not every header.
    shared = ctx.plan(q).named
    all_heads = ctx.index.heads()
    heads = {
        d: _head_terms(analyzer, d, h)
        for d in heapq.nlargest(MAX_HEADS, shared, key=shared.__getitem__)
        if (h := all_heads.get(d)) is not None
    }
    # Coverage (with synonyms) is read for the texts sharing the most of the question's words (IDF-weighted),
    # not for every entry and header: at 10,000 plans that is seconds a question; on the dev store, no change.
    words = terms.uni

    sums: dict[frozenset[str], float] = {}

    def overlap(have: frozenset[str]) -> float:
        key = frozenset(words & have)
        if key not in sums:
            sums[key] = sum(weights.idf(t) for t in key)
        return sums[key]

    shares = {d: words & h for d, h in heads.items()}  # each header's words of the question, read once

    # a held document's header the question describes (its words in the header match's best): an entry must be
    # described clearly better, and none can be when that header already holds over 1 - described_over_held of
    # them (a question about a held plan's date, "Kế hoạch của … ban hành ngày nào?"): stop before the entries
    entries = {e.doc_id for e in asked if e.doc_id}
    others = sorted((h for d, h in heads.items() if d not in entries), key=overlap, reverse=True)[:MAX_SCORED]
    covers = Coverage(terms, weights)
    held = max((covers(h) for h in others), default=0.0)
    if held + p.described_over_held > 1.0:
        return None
    citers: dict[tuple[str, str], list[str]] = {}  # the headers above citing each entry (not every citer read)
    for d in heads:
        for e in ctx.index.entries_citing(d):
            citers.setdefault((e.key, e.id), []).append(d)
    candidates = []
    for e in asked:
        own = _terms(analyzer, " ".join(x for x in (e.type, e.title, e.issuer) if x))
        mine = sorted(citers.get((e.key, e.id), []), key=e.citing_order.__getitem__)  # in the entry's order
        own_share = words & own
        joint = {d: overlap(own_share | shares[d]) for d in mine}  # the entry's own words with each citer's
        best = heapq.nlargest(3, mine, key=joint.__getitem__)  # its three best citers (none: its own words)
        candidates.append((joint[best[0]] if best else overlap(own), e, [own | heads[d] for d in best] or [own]))
    candidates.sort(key=lambda c: -c[0])
    scored: list[tuple[float, LegalBasis]] = [
        (max((covers(t) for t in texts), default=0.0) if i < MAX_SCORED else 0.0, e)
        for i, (_, e, texts) in enumerate(candidates)
    ]
    top = max(s for s, _ in scored)  # at most 1.0, as a coverage is
    if top < p.described_min or top < held + p.described_over_held:
        return None
    near = sorted(((s, e) for s, e in scored if s >= p.described_margin * top), key=lambda x: -x[0])
    return min(near, key=lambda x: replaced(x[1], ctx))[1]  # the best one not replaced, if any


class _Idf(TermWeights):
    """The index's IDF, each term's looked up once (a question is scored against every entry)."""

    def __init__(self, weights: TermWeights) -> None:
        super().__init__(weights.df, weights.n)
        self._seen: dict[str, float] = {}

    def idf(self, token: str) -> float:
        if token not in self._seen:
            self._seen[token] = super().idf(token)
        return self._seen[token]


_HEAD_TERMS: dict[str, tuple[Any, DocHead, frozenset[str]]] = {}


def _head_terms(analyzer: Any, doc_id: str, head: DocHead) -> frozenset[str]:
    """A header's terms, kept by document id while its header object stands (one per catalog version): as stored
    at ingest, or (a store written before they were) analysed here. Analysing a thousand headers the first time
    a question read them took 0.3 s at 1,000 plans, and joining their fields again for every question 3 ms."""
    got = _HEAD_TERMS.get(doc_id)
    if got is None or got[0] is not analyzer or got[1] is not head:
        if len(_HEAD_TERMS) >= 262_144:
            _HEAD_TERMS.clear()
        terms = (
            frozenset(map(sys.intern, head.terms.split(TERMS_SEP))) if head.terms else _terms(analyzer, head_text(head))
        )
        got = _HEAD_TERMS[doc_id] = (analyzer, head, terms)
    return got[2]


@lru_cache(maxsize=262_144)  # every header and entry of a large store (a few hundred bytes each)
def _terms(analyzer: Any, text: str) -> frozenset[str]:
    """A header's or an entry's terms (read again for every question otherwise)."""
    return text_terms(analyzer, text)


def _description(q: Question, terms: QueryTerms) -> QueryTerms:
    """The question's terms without the words asking for a fact ("số hiệu", "số mấy"): what describes a document."""
    facts = lexicon().facts
    asked = {w for f in q.facts for cue in facts.get(f, ()) if has(q.key, cue) for w in cue.split()}
    if not asked:
        return terms
    uni = {t for t in terms.uni if t[2:] not in asked}
    bi = {t for t in terms.bi if not set(t[2:].split()) & asked}
    return replace(terms, uni=uni, bi=bi)


def dates(entries: list[LegalBasis], ctx: Context, doc: Document | None = None) -> Draft | None:
    """ "Chỉ thị 09-CT/TW ban hành ngày nào?": every date the documents give each entry, each cited to a line
    that writes it, with the registry's warning where they disagree; asked of one document ("Mỹ Tú căn cứ Chỉ
    thị 09 ngày nào?"), the dates that document writes."""
    evidence, legal = [], []
    for e in entries:
        values = next((c.values for c in e.conflicts if c.field == "date"), None)
        for v in values or [ConflictValue(value=e.date or "", cited_by=e.cited_by)]:
            refs = [r for r in v.cited_by if doc is None or r.doc_id == doc.doc_id]
            if not refs:
                continue
            source = doc or ctx.index.get(refs[0].doc_id)
            where = line_of(source, e, prefer=refs[0].section, date=v.value if values else None)
            if where is None:
                continue
            when = f"ngày {fmt_date(v.value)}" if v.value else "không ghi ngày"
            name = f"{e.type} số {e.id}" + (f" của {e.issuer}" if e.issuer else "")
            statement = f"- {name}: {when}, theo {doc_name(source)} {{n}}"
            evidence.append(Evidence(source.doc_id, where[0], "", [where[1]], statements=[statement]))
        legal.append(e)
    if not evidence:
        return None
    return Draft(evidence, legal=legal, notes=warnings(legal), group_by_doc=False)


def _cited_at(e: LegalBasis, ctx: Context) -> tuple[str, str, Line] | None:
    """The first document citing an entry, and the section and line where it does (preamble first)."""
    for doc_id in e.citing_docs:
        where = line_of(ctx.index.get(doc_id), e)
        if where is not None:
            return doc_id, where[0], where[1]
    return None
