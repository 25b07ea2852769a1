"""What a drafter should cite: the documents the plans held cite most, newest first among equals.

"Soạn kế hoạch phong trào … nên căn cứ văn bản nào?" counts, for each cited document, the distinct plans that
cite it anywhere in their text (a legal text's own grounds are not a plan's choice), among the plans about the
question's topic and, when the question names a kind of body ("cho trường cao đẳng"), among that body's plans.
The kinds and issuer asked ("chỉ thị nào của Bộ Công an") filter the list; a replaced document is left out.
"""

from __future__ import annotations

from core.text import fold
from core.types import LegalBasis
from retrieval.answers.context import Context
from retrieval.answers.evidence import Draft, Evidence, doc_name
from retrieval.answers.question import Question
from retrieval.answers.registry import asked_for, considers, line_of, names_body, replaced, warnings
from retrieval.extract import query_terms

MAX_LISTED = 12
PLAN = "plan"


def ranking(q: Question, ctx: Context) -> Draft | None:
    """The bases the plans cite most, each cited to the line of a plan that cites it (preamble first)."""
    heads = ctx.index.heads()
    plans = {d for d, h in heads.items() if h.kind == PLAN}
    notes: list[str] = []
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
    weight = _on_topic(q, ctx, plans)
    counted: list[tuple[float, str, list[str], LegalBasis]] = []
    for e in asked_for(q, ctx.index.registry()):
        citing = [d for d in e.citing_docs if weight.get(d, 0.0) > 0.0]
        if citing:
            counted.append((round(sum(weight[d] for d in citing), 6), e.date or "", citing, e))
    counted.sort(key=lambda x: (-x[0], _negated(x[1]), x[3].id))
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
        who = f"{len(citing)} kế hoạch căn cứ; ví dụ {doc_name(doc)}"
        evidence.append(Evidence(first, section, "", [line], statements=[f"- {e.citation} ({who}) {{n}}"]))
        legal.append(e)
    if not evidence:
        return None
    return Draft(
        evidence,
        intro="Các văn bản được các kế hoạch hiện có căn cứ nhiều nhất (mới nhất trước khi bằng nhau):",
        legal=legal,
        notes=notes + warnings(legal),
        group_by_doc=False,
    )


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
