"""What a drafter should cite: the documents the plans held cite most, newest first among equals.

"Soạn kế hoạch phong trào … nên căn cứ văn bản nào?" counts, for each cited document, the distinct plans that
cite it anywhere in their text (a legal text's own grounds are not a plan's choice), among the plans about the
question's topic and, when the question names a kind of body ("cho trường cao đẳng"), among that body's plans.
The kinds and issuer asked ("chỉ thị nào của Bộ Công an") filter the list; a replaced document is left out.
"""

from __future__ import annotations

import re
from typing import Any

from core.legal_ids import leading_number
from core.text import fold
from core.types import Document, LegalBasis
from ingest.legal import STATUTES, cased_title, citation_string
from retrieval.answers.context import Context
from retrieval.answers.evidence import Draft, Evidence, doc_name
from retrieval.answers.phrases import fkey, has
from retrieval.answers.question import Question
from retrieval.answers.registry import (
    asked_for,
    considers,
    grounds_of,
    line_of,
    named_entries,
    names_body,
    own_bodies,
    replaced,
    warnings,
)
from retrieval.extract import query_terms, section_lines
from retrieval.lexicon import lexicon

MAX_LISTED = 12
PLAN = "plan"


def ranking(q: Question, ctx: Context) -> Draft | None:
    """The bases the plans cite most, each cited to the line of a plan that cites it (preamble first); for a plan
    that carries out a text held here, that text and its grounds (``implementing``)."""
    heads = ctx.index.heads()
    carries = has(q.key, *lexicon().carrying_out)
    target, carried = _carried_out(q, ctx, heads) if carries else (None, [])
    if target is not None and (got := implementing(q, ctx, target)) is not None:
        return got
    plans = {d for d, h in heads.items() if h.kind == PLAN}
    notes: list[str] = []
    intro = "Các văn bản được các kế hoạch hiện có căn cứ nhiều nhất (mới nhất trước khi bằng nhau):"
    if carried:  # a text only cited here: what the documents standing on it stand on too
        weight = _standing_on(carried, heads)
        intro = f"{len(weight)} văn bản hiện có căn cứ {', '.join(e.id for e in carried)}; các văn bản chúng căn cứ"
    if q.drafted_for:
        issuers = {heads[d].issuer for d in plans if heads[d].issuer}  # once per body, not per plan
        naming = {i for i in issuers if names_body(i, q.drafted_for)}
        theirs = {d for d in plans if heads[d].issuer in naming}
        if theirs:
            plans = theirs
        else:
            notes.append(
                f"Chưa có kế hoạch nào của {_words_of(q)} trong các văn bản hiện có; dưới đây là căn cứ của các kế hoạch khác."
            )
    if not carried:
        weight = _on_topic(q, ctx, plans)
    counted: list[tuple[float, str, list[str], LegalBasis]] = []
    for e in asked_for(q, ctx.index.registry()):
        citing = [d for d in e.citing_docs if weight.get(d, 0.0) > 0.0]
        if citing:
            counted.append((round(sum(weight[d] for d in citing), 6), e.date or "", citing, e))
    carried_ids = {e.id for e in carried}
    counted.sort(
        key=lambda x: (x[3].id not in carried_ids, -x[0], _negated(x[1]), x[3].id)
    )  # the text carried out first
    evidence: list[Evidence] = []
    legal: list[LegalBasis] = []
    for _, _, citing, e in counted:
        if len(evidence) >= MAX_LISTED:
            break
        if replaced(e, ctx):
            continue
        # the plan that counts most (the first of them): a plan counts at most 1, so the first that does is it
        first = next((d for d in citing if weight[d] >= 1.0), None) or max(citing, key=lambda d: weight[d])
        doc = ctx.index.get(first)
        where = line_of(doc, e)
        if where is None:
            continue
        section, line = where
        if section == "preamble" and considers(line):
            continue
        who = f"{len(citing)} {'văn bản' if carried else 'kế hoạch'} căn cứ; ví dụ {doc_name(doc)}"
        evidence.append(Evidence(first, section, "", [line], statements=[f"- {e.citation} ({who}) {{n}}"]))
        legal.append(e)
    if not evidence:
        return None
    if carried:  # the text itself heads the list unless the kinds or issuer asked leave it out
        intro += " (" + ("văn bản đó trước, " if legal[0].id in carried_ids else "") + "nhiều nhất trước):"
    return Draft(
        evidence,
        intro=intro,
        legal=legal,
        notes=notes + warnings(legal),
        group_by_doc=False,
    )


def implementing(q: Question, ctx: Context, doc_id: str) -> Draft | None:
    """A plan carrying out a text held here ("soạn kế hoạch triển khai Luật Bảo vệ dữ liệu cá nhân …": the question
    is about the Prime Minister's decision issuing the plan to enforce that law) stands on that text and on what it
    stands on: the text first (unless the kinds or issuer asked leave it out), then the grounds its preamble cites,
    in its order, of the kinds and issuer asked (``registry.grounds_of``)."""
    doc = ctx.index.get(doc_id)
    own = next((e for e in ctx.index.registry() if e.doc_id == doc_id), None) or _as_basis(doc)
    # "… căn cứ văn bản nào của Bộ Công an?" asks that body's texts, though it issued the text carried out; "… triển
    # khai Quyết định 1234 của Thủ tướng …" names the decision by its body
    asked = bool(q.cited_body)
    found = grounds_of(doc, ctx, q, own_issuer=not asked)
    grounds = [(e, line) for e, section, line in found if section == "preamble" and not replaced(e, ctx)]
    evidence: list[Evidence] = []
    legal: list[LegalBasis] = []
    header = section_lines(doc, "header")
    cited = ctx.index.entries_citing(doc_id)
    if header and not _set_aside(q, doc) and own in asked_for(q, [own, *cited], () if asked else own_bodies(doc, q)):
        title = fold(doc.title or "").lower()[:40]
        line = next((ln for ln in header if title and title in fold(ln.text).lower()), header[0])
        evidence.append(Evidence(doc_id, "header", "", [line], statements=[f"- {own.citation} {{n}}"]))
        legal.append(own)
    for e, line in grounds[: MAX_LISTED - len(evidence)]:
        evidence.append(Evidence(doc_id, "preamble", "", [line], statements=[f"- {e.citation} {{n}}"]))
        legal.append(e)
    if not evidence:
        return None
    return Draft(
        evidence,
        intro=f"Kế hoạch thực hiện {doc_name(doc)} căn cứ:",
        legal=legal,
        notes=warnings(legal),
        group_by_doc=False,
    )


def _as_basis(doc: Document) -> LegalBasis:
    """A held document no other cites, as a registry entry would name it (its title cased as a citation writes it,
    a statute's with its kind: "Luật Cán bộ, công chức")."""
    title = cased_title(doc.title, doc.text) if doc.title else None
    if title and doc.doc_type in STATUTES:
        title = f"{doc.doc_type} {title[:1].upper()}{title[1:]}"
    entry = LegalBasis(
        id=doc.number or doc.doc_id,
        type=doc.doc_type or "Văn bản",
        number=(doc.number or "").split("/")[0],
        year=doc.year,
        issuer=doc.issuer,
        date=doc.date,
        title=title,
        citation="",
        variants=[],
        cited_by=[],
        doc_id=doc.doc_id,
    )
    entry.citation = citation_string(entry) if doc.number else f"{doc_name(doc)} {doc.title or ''}".strip()
    return entry


def _carried_out(q: Question, ctx: Context, heads: dict[str, Any]) -> tuple[str | None, list[LegalBasis]]:
    """The text a plan carrying one out stands on: (a held text, or None; texts only cited here).

    The one document a caller scoped to; else a held text the question names by kind and number, unless texts of that
    number only cited here are the grounds of stored documents and the question names nothing of the held one's header
    (57-NQ/TW, in five plans' preambles, before the council's resolution 57 no one cites; "nghị quyết 57 của HĐND Hà
    Nội" is the council's); else those cited texts; else, unless the question names the body drafting, a held text
    named by kind and whole title, else the one the question's words lead to (no plan: a topic is no text carried
    out)."""
    if ctx.scope and len(ctx.scope) == 1:
        return (ctx.scope[0] if heads[ctx.scope[0]].kind != PLAN else None), []
    named = named_entries(q, ctx)
    grounds = [
        e
        for e in named
        if e.doc_id is None and any(c.section == "preamble" for c in e.cited_by) and not replaced(e, ctx)
    ]
    # "triển khai Quyết định 2536 …"; a plan only when the question carries it out by its kind and number and names
    # its place or issuer ("… triển khai Kế hoạch 27-KH/ĐTN-HSV của Đoàn trường … Hải Phòng"): plans of many bodies
    # share a number, and one named as a model ("giống như Kế hoạch 08 …") is not carried out
    held = ctx.held_number(q)
    if held is not None and heads[held].kind == PLAN:
        doc = ctx.index.get(held)
        if not (_names_header(q, ctx, held) and _after(q, doc, lexicon().carrying_out)):
            held = None
    if held is not None and (not grounds or _names_header(q, ctx, held)):
        return held, []
    if grounds:
        return None, grounds
    if q.drafted_for:  # "soạn kế hoạch cho trường cao đẳng …": the words name the drafter's body, not a text
        return None, []
    target = _held_by_title(q, heads) or ctx.target(q)
    return (target if target is not None and heads[target].kind != PLAN else None), []


def _set_aside(q: Question, doc: Document) -> bool:
    """Whether the question sets the text carried out aside ("Ngoài kế hoạch 27, tôi nên căn cứ …": lexicon
    ``bodies.set_aside`` before its kind and number; not "ngoài ra kế hoạch 27 giao …", "ngoài 27 đoàn viên")."""
    return _after(q, doc, lexicon().set_aside)


def _after(q: Question, doc: Document, cues: tuple[str, ...]) -> bool:
    """Whether the question names the document by its kind and number (leading zeros optional: "0124" is "124")
    within three words after one of the folded ``cues`` ("triển khai Kế hoạch số 27", "ngoài việc căn cứ Kế hoạch
    27"); never after "ngoài ra"."""
    number = leading_number(doc.number)
    kind = fold(doc.doc_type or "").lower()
    if not number or not kind:
        return False
    cue = "|".join(re.escape(c) for c in cues)
    pattern = rf"\b(?:{cue}) (?!ra\b)(?:[^\W\d_]+ ){{0,3}}?{re.escape(kind)} (?:so )?0*{re.escape(number)}\b"
    return re.search(pattern, q.key) is not None


def _names_header(q: Question, ctx: Context, doc_id: str) -> bool:
    """Whether the question names a place the document is about or its issuer ("… của HĐND Hà Nội")."""
    places = ctx.index.places()
    head = ctx.index.head(doc_id)
    return bool(places.named_in(q.typed) & places.of_document(head)) or bool(
        head.issuer and q.cited_body and names_body(head.issuer, q.cited_body)
    )


def _held_by_title(q: Question, heads: dict[str, Any]) -> str | None:
    """A held text, no plan, the question names by its kind and whole title ("soạn kế hoạch triển khai Luật Dữ liệu
    thì …", whose other words every plan's header shares): the longest such name the question holds whole (the next
    word ends it, lexicon ``titles_asked``: not "luật dữ liệu cá nhân")."""
    words = lexicon().titles_asked
    ends = {*words["ends"], *words["drafted_ends"]}
    named = []
    for d, h in heads.items():
        name = fkey(f"{h.doc_type} {h.title}") if h.kind != PLAN and h.doc_type and h.title else ""
        if len(name.split()) < 3:
            continue
        for m in re.finditer(re.escape(name), q.key):
            after = q.key[m.end() :].split()[:1]
            if not after or after[0] in ends:
                named.append((len(name), d))
    return max(named)[1] if named else None


def _standing_on(entries: list[LegalBasis], heads: dict[str, Any]) -> dict[str, float]:
    """The documents whose grounds (preamble) cite any of ``entries``, each counting 1: plans when there are any,
    else every kind ("soạn kế hoạch thực hiện Nghị quyết 57-NQ/TW …")."""
    citing = {c.doc_id for e in entries for c in e.cited_by if c.section == "preamble"}
    plans = {d for d in citing if heads.get(d) is not None and heads[d].kind == PLAN}
    return dict.fromkeys(sorted(plans or citing), 1.0)


def _on_topic(q: Question, ctx: Context, plans: set[str]) -> dict[str, float]:
    """How much each plan counts: 1 when its header (title above all) matches the question's topic ("kế hoạch
    phong trào …") at least a share of the best plan's, less in proportion below; 1 for every plan when the
    question names no topic (only how it asks) or no plan's header matches it."""
    if not query_terms(ctx.analyzer, q.topic).uni:
        return dict.fromkeys(plans, 1.0)
    named = ctx.searcher.plan(q.topic, doc_ids=sorted(plans)).named
    best = max((named.get(d, 0.0) for d in plans), default=0.0)
    if best <= 0.0:
        return dict.fromkeys(plans, 1.0)
    full = ctx.policy.answer.drafting_topic * best
    return {d: min(1.0, named.get(d, 0.0) / full) for d in plans}


def _negated(iso: str) -> tuple[int, ...]:
    """Sorts newer dates first (undated last)."""
    return tuple(-int(p) for p in iso.split("-")) if iso else (1,)


def _words_of(q: Question) -> str:
    """The body a question names, as typed ("trường đại học")."""
    words = q.drafted_for.split()
    typed = q.text.split()
    folded = [fold(w).lower().strip(",.?!") for w in typed]
    for i in range(len(folded) - len(words) + 1):
        if folded[i : i + len(words)] == words:
            return " ".join(typed[i : i + len(words)])
    return q.drafted_for
