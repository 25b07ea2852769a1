"""Legal bases: what a document cites as its grounds, which documents cite a given one, what drafters cite most.

Answers are registry entries as citation strings ready to paste ("Thông tư số 124/2021/TT-BCA ngày 28/12/2021
của Bộ Công an …"), each cited to the line of the document that cites it, with the registry's warnings where
documents disagree about one (its date or issuer).
"""

from __future__ import annotations

import re

from core.legal_ids import id_key
from core.text import fold
from core.types import Document, LegalBasis
from ingest.legal import mentions
from retrieval.answers.context import Context
from retrieval.answers.evidence import Draft, Evidence, doc_name, fmt_date
from retrieval.answers.question import Question
from retrieval.extract import Line, section_lines
from retrieval.lexicon import lexicon

MAX_LISTED = 12


def gather(q: Question, ctx: Context) -> Draft | None:
    """Route within legal bases: the drafter's ranking, who cites a named document, or one document's grounds."""
    if q.asking("drafter", "most_cited"):
        return ranking(q, ctx)
    named = named_entries(q, ctx)
    target = ctx.target(q)
    if named and q.asking("cited_by") and not q.asking("legal_bases"):
        return cited_by(named, ctx)
    if q.asking("legal_bases", "mentions") or "preamble" in q.refs:
        if target is None:
            return None
        doc = ctx.index.get(target)
        if named and not any(e.doc_id == target for e in named):
            draft = does_cite(doc, [e for e in named if e.doc_id != target], ctx)
            if draft is not None and q.asking("other_bases"):  # "… không, còn căn cứ văn bản nào khác?"
                rest = grounds(doc, ctx, q)
                draft.evidence += rest.evidence if rest else []
                draft.legal += [e for e in (rest.legal if rest else []) if e not in draft.legal]
            return draft
        return grounds(doc, ctx, q)
    return None


def asked_for(q: Question, entries: list[LegalBasis], own_issuer: str | None = None) -> list[LegalBasis]:
    """The entries of the kinds the question asks for ("những chỉ thị nào") and of the issuer it names ("của Bộ
    Công an"; not the document's own issuer, which names the document); all when it names neither."""
    if q.kinds:
        entries = [e for e in entries if e.type in q.kinds]
    own = _body(own_issuer or "")
    key = _body(q.key)
    issuers = {e.issuer for e in entries if e.issuer and _body(e.issuer) != own}
    named = {i for i in issuers if f" {_body(i)} " in f" {key} "}
    return [e for e in entries if e.issuer in named] if named else entries


def _considers(line: Line) -> bool:
    """ "Xét Tờ trình số …", "Theo đề nghị của …": what the preamble weighs, not what it stands on."""
    words = " ".join(re.findall(r"[a-z0-9]+", fold(line.text).lower()))
    return any(words == c or words.startswith(c + " ") for c in lexicon().considerations)


def _body(name: str) -> str:
    """A body's name folded with its abbreviations written out ("UBND tỉnh X" = "Ủy ban nhân dân tỉnh X")."""
    table = lexicon().abbreviations
    words = re.findall(r"[a-z0-9]+", fold(name).lower())
    return " ".join(fold(table[w]).lower() if w in table else w for w in words)


def named_entries(q: Question, ctx: Context) -> list[LegalBasis]:
    """Registry entries a question names by number ("124/2021/TT-BCA", "thông tư 124", "chỉ thị 09")."""
    if not q.legal_keys and not q.legal_pairs:
        return []
    out = []
    for e in ctx.index.registry():
        keys = {id_key(v) for v in [e.id.split(" (")[0], *e.variants]}
        number = e.number.lstrip("0") if e.number else ""
        kind = e.type.lower()
        if keys & set(q.legal_keys) or any(fold(kind) == t and number == n for t, n in q.legal_pairs):
            out.append(e)
    return out


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


def _line_of(doc: Document, entry: LegalBasis, prefer: str = "preamble") -> tuple[str, Line] | None:
    """The section and line where a document cites an entry (its preamble first)."""
    places = sorted((c for c in doc.citations if mentions(c, entry)), key=lambda c: (c.section != prefer, c.start))
    for c in places:
        for ln in section_lines(doc, c.section, own=False):
            if ln.start <= c.start < ln.start + len(ln.text) + 1:
                return c.section, ln
    return None


def _warning(e: LegalBasis) -> str:
    notes = []
    for c in e.conflicts:
        values = "; ".join(
            f"{fmt_date(v.value) if c.field == 'date' else v.value} ({', '.join(r.doc_id for r in v.cited_by[:3])})"
            for v in c.values
        )
        notes.append(
            f"Lưu ý: các văn bản ghi {'ngày' if c.field == 'date' else 'cơ quan ban hành'} của {e.id} khác nhau: {values}."
        )
    return " ".join(notes)


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
        where = _line_of(doc, e)
        if where is None or (where[0] == "preamble" and _considers(where[1])):
            continue
        section, line = where
        evidence.append(Evidence(doc.doc_id, section, "", [line], statements=[f"- {e.citation} {{n}}"]))
        legal.append(e)
        if e.conflicts:
            notes.append(_warning(e))
    if not evidence:
        return None
    intro = f"{doc_name(doc)} căn cứ {len(evidence)} văn bản:"
    return Draft(evidence, intro=intro, notes=notes, legal=legal, group_by_doc=False)


def does_cite(doc: Document, entries: list[LegalBasis], ctx: Context) -> Draft | None:
    """ "Kế hoạch X có căn cứ Thông tư 124 không?": yes with the line, or no with its grounds."""
    evidence, legal = [], []
    for e in entries:
        where = _line_of(doc, e) if doc.doc_id in e.citing_docs else None
        if where is not None:
            section, line = where
            evidence.append(
                Evidence(
                    doc.doc_id, section, "", [line], statements=[f"Có: {doc_name(doc)} căn cứ {e.citation} {{n}}."]
                )
            )
            legal.append(e)
    if evidence:
        return Draft(evidence, legal=legal, notes=[_warning(e) for e in legal if e.conflicts], group_by_doc=False)
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
            where = _line_of(doc, e)
            if where is None:
                continue
            section, line = where
            evidence.append(Evidence(doc_id, section, "", [line], statements=[f"- {doc_name(doc)} {{n}}"]))
        legal.append(e)
    if not evidence:
        return None
    intro = f"{len(evidence)} văn bản căn cứ {', '.join(e.citation for e in entries)}:"
    return Draft(
        evidence, intro=intro, legal=legal, notes=[_warning(e) for e in legal if e.conflicts], group_by_doc=False
    )


def ranking(q: Question, ctx: Context) -> Draft | None:
    """ "Soạn kế hoạch … nên căn cứ văn bản nào?": the bases the plans cite most in their preambles, each cited to
    the preamble line of a plan that cites it (the claim "cited by N plans" names them)."""
    docs = {d for d in ctx.documents(q)} if ctx.target(q) is not None else None
    counted: list[tuple[int, LegalBasis]] = []
    for e in ctx.index.registry():
        plans = sorted({r.doc_id for r in e.cited_by if r.section == "preamble"})
        if docs is not None:
            plans = [p for p in plans if p in docs] or plans
        if len(plans) >= 1:
            counted.append((len(plans), e))
    counted.sort(key=lambda x: (-x[0], x[1].id))
    evidence, legal = [], []
    for n, e in counted[:MAX_LISTED]:
        first = next((r.doc_id for r in e.cited_by if r.section == "preamble"), None)
        if first is None:
            continue
        doc = ctx.index.get(first)
        where = _line_of(doc, e)
        if where is None:
            continue
        section, line = where
        who = f"{n} văn bản căn cứ" if n > 1 else "1 văn bản căn cứ"
        evidence.append(
            Evidence(first, section, "", [line], statements=[f"- {e.citation} ({who}; ví dụ {doc_name(doc)}) {{n}}"])
        )
        legal.append(e)
    if not evidence:
        return None
    return Draft(
        evidence,
        intro="Các văn bản được các kế hoạch, văn bản hiện có căn cứ nhiều nhất:",
        legal=legal,
        group_by_doc=False,
    )
