"""Legal bases: what a document cites as its grounds, whether it cites a named one, which documents cite one.

Answers are registry entries as citation strings ready to paste ("Thông tư số 124/2021/TT-BCA ngày 28/12/2021
của Bộ Công an …"), each cited to the line of the document that cites it, with the registry's warnings where
documents disagree about one (its date or issuer). What drafters cite most is ``drafting``; a cited document
described by its title, or asked its date, is ``described``.
"""

from __future__ import annotations

from core.types import Document, LegalBasis
from ingest.legal import mentions
from retrieval.answers import described, drafting
from retrieval.answers.context import Context
from retrieval.answers.evidence import Draft, Evidence, doc_name
from retrieval.answers.question import Question
from retrieval.answers.registry import asked_for, considers, line_of, named_entries, warning, warnings

MAX_LISTED = 12


def serves(q: Question) -> bool:
    """Whether a question is about legal bases or about a document cited by the ones held (not what a document
    says it replaces: "… thay thế kế hoạch nào?" is a fact of its own body)."""
    if "replaces" in q.facts:
        return False
    if q.asking("legal_bases", "mentions", "drafter", "most_cited", "cited_by") or "preamble" in q.refs:
        return True
    if (q.legal_keys or q.legal_pairs) and (q.asking("does_cite", "dated") or "date" in q.facts):
        return True
    return bool(q.kinds) or bool(set(q.facts) & set(described.FACTS))


def gather(q: Question, ctx: Context) -> Draft | None:
    """Route within legal bases: the drafter's ranking, whether a plan cites a named document (and its date),
    who cites a named document, one document's grounds, or a cited document described by its words."""
    if q.asking("drafter", "most_cited"):
        return drafting.ranking(q, ctx)
    named = named_entries(q, ctx)
    target = ctx.target(q)
    others = [e for e in named if target is None or e.doc_id != target]
    if others and (q.asking("does_cite", "dated") or "date" in q.facts):
        doc = ctx.index.get(target) if target else None
        if doc is not None and q.asking("does_cite"):
            return _with_others(does_cite(doc, others, ctx), doc, q, ctx)
        cited = [e for e in others if doc is not None and doc.doc_id in e.citing_docs]
        if doc is not None and cited:
            return described.dates(cited, ctx, doc)
        return described.dates([e for e in others if e.doc_id is None], ctx)
    if named and q.asking("cited_by") and not q.asking("legal_bases"):
        return cited_by(named, ctx)
    if q.asking("legal_bases", "mentions") or "preamble" in q.refs:
        if target is None:
            return None
        doc = ctx.index.get(target)
        if named and others == named:
            return _with_others(does_cite(doc, others, ctx), doc, q, ctx)
        return grounds(doc, ctx, q)
    if not named and not q.legal_keys and not q.legal_pairs:
        return described.gather(q, ctx)
    return None


def _with_others(draft: Draft | None, doc: Document, q: Question, ctx: Context) -> Draft | None:
    """ "… có căn cứ X không, còn căn cứ văn bản nào khác?": the document's other grounds after the answer."""
    if draft is not None and q.asking("other_bases"):
        rest = grounds(doc, ctx, q)
        draft.evidence += rest.evidence if rest else []
        draft.legal += [e for e in (rest.legal if rest else []) if e not in draft.legal]
    return draft


def mentioned(draft: Draft, q: Question, ctx: Context) -> list[LegalBasis]:
    """Registry entries the question names, else those the quoted lines cite, to paste beside any answer."""
    out = {e.id: e for e in named_entries(q, ctx)}
    if out:
        return list(out.values())
    for ev in draft.evidence:
        doc = ctx.index.get(ev.doc_id)
        spans = [(ln.start, ln.start + len(ln.text)) for ln in ev.lines]
        cited = [c for c in doc.citations if any(a <= c.start < b for a, b in spans)]
        if not cited:
            continue
        for e in asked_for(q, ctx.index.entries_citing(doc.doc_id), doc.issuer):
            if e.id not in out and any(mentions(c, e) for c in cited):
                out[e.id] = e
    return list(out.values())


def grounds(doc: Document, ctx: Context, q: Question | None = None) -> Draft | None:
    """ "Kế hoạch này căn cứ những văn bản nào?": the documents its preamble cites (else all it cites); "nhắc đến
    những chỉ thị nào": all it cites; only the kinds and issuer the question asks for."""
    entries = ctx.index.entries_citing(doc.doc_id)
    if q is not None:
        entries = asked_for(q, entries, doc.issuer)
    pre = [e for e in entries if any(r.doc_id == doc.doc_id and r.section == "preamble" for r in e.cited_by)]
    chosen = entries if q is not None and q.asking("mentions") and not q.asking("legal_bases") else pre or entries
    evidence, legal, notes = [], [], []
    for e in chosen:
        where = line_of(doc, e)
        if where is None or (where[0] == "preamble" and considers(where[1])):
            continue
        section, line = where
        evidence.append(Evidence(doc.doc_id, section, "", [line], statements=[f"- {e.citation} {{n}}"]))
        legal.append(e)
        if e.conflicts:
            notes.append(warning(e))
    if not evidence:
        return None
    intro = f"{doc_name(doc)} căn cứ {len(evidence)} văn bản:"
    return Draft(evidence, intro=intro, notes=notes, legal=legal, group_by_doc=False)


def does_cite(doc: Document, entries: list[LegalBasis], ctx: Context) -> Draft | None:
    """ "Kế hoạch X có căn cứ Thông tư 124 không?": yes with the line, or no with its grounds."""
    evidence, legal = [], []
    for e in entries:
        where = line_of(doc, e) if doc.doc_id in e.citing_docs else None
        if where is not None:
            section, line = where
            evidence.append(
                Evidence(
                    doc.doc_id, section, "", [line], statements=[f"Có: {doc_name(doc)} căn cứ {e.citation} {{n}}."]
                )
            )
            legal.append(e)
    if evidence:
        return Draft(evidence, legal=legal, notes=warnings(legal), group_by_doc=False)
    draft = grounds(doc, ctx, None)
    if draft is not None:
        draft.intro = f"Không: {doc_name(doc)} không căn cứ {', '.join(e.id for e in entries)}. " + draft.intro
    return draft


def cited_by(entries: list[LegalBasis], ctx: Context) -> Draft | None:
    """ "Những kế hoạch nào căn cứ Thông tư 124?": every document that cites it, each at the line it does."""
    evidence, legal = [], []
    for e in entries:
        for doc_id in e.citing_docs[:MAX_LISTED]:
            doc = ctx.index.get(doc_id)
            where = line_of(doc, e)
            if where is None:
                continue
            section, line = where
            evidence.append(Evidence(doc_id, section, "", [line], statements=[f"- {doc_name(doc)} {{n}}"]))
        legal.append(e)
    if not evidence:
        return None
    intro = f"{len(evidence)} văn bản căn cứ {', '.join(e.citation for e in entries)}:"
    return Draft(evidence, intro=intro, legal=legal, notes=warnings(legal), group_by_doc=False)
