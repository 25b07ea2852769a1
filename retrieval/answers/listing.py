"""Documents picked by their header fields: "Kế hoạch nào do UBND ban hành?", "Những kế hoạch nào của Phòng
GDĐT?", "Kế hoạch nào ban hành năm 2023?", "Có bao nhiêu kế hoạch …?".

A question asking for documents of a kind (lexicon intent ``catalog``) only picks them by their header when
every content word it has besides the words that ask about a field ("ban hành", "năm", "trong hệ thống") is held
by the type, number, issuer, place or year of the documents it lists; then they are listed, each cited to its
header, and counted when asked how many. A topic ("… nói về camera giám sát") is not in any header: the text
answers. Candidates come from the header-profile BM25 (``retrieval.targeting``) and ``Index.heads()``, so no
body is read but those listed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from core.text import fold
from retrieval.analyzer import Analyzer, fold_word, token_index
from retrieval.answers.context import Context
from retrieval.answers.evidence import Draft, Evidence, doc_name
from retrieval.answers.header import field_words, holds, rest_terms
from retrieval.answers.question import Question
from retrieval.catalog_rows import DocHead
from retrieval.extract import section_lines
from retrieval.lexicon import lexicon
from retrieval.targeting import document_scores

MAX_LISTED = 10


def gather(q: Question, ctx: Context) -> Draft | None:
    """The documents of the kind asked whose header fields hold the whole question, or None."""
    asked = _asked(q)
    if asked is None:
        return None
    kind, count = asked
    lx = lexicon()
    terms = rest_terms(ctx.analyzer, q.text, [*lx.catalog_fields, *lx.kind_types, "van ban"])
    heads = ctx.index.heads()
    if terms.uni:
        scores = document_scores(ctx.index.catalog, {token_index(t): 1.0 for t in terms.uni})
        candidates = sorted(scores, key=lambda d: (-scores[d], d))
    else:
        candidates = sorted(heads)
    signed = _signed_by(ctx, terms)  # not in the header match: a signer's name is not a header field it reads
    candidates = [*signed, *(d for d in candidates if d not in signed)]
    if ctx.scope:
        candidates = [d for d in candidates if d in ctx.scope]
    picked = [d for d in candidates if d in heads and _fits(heads[d], kind, q.years, terms, ctx)]
    if not picked:
        return None
    picked.sort(key=lambda d: -(heads[d].year or 0))
    what = (lx.kind_types.get(kind, "văn bản") if kind else "văn bản").lower()
    intro = f"Có {len(picked)} {what}" + (":" if count else " phù hợp:")
    evidence = [ev for d in picked[:MAX_LISTED] if (ev := _listed(ctx.index.get(d), terms)) is not None]
    notes = [f"Còn {len(picked) - MAX_LISTED} {what} khác."] if len(picked) > MAX_LISTED else []
    return Draft(evidence, intro=intro, notes=notes, group_by_doc=False)


def _asked(q: Question) -> tuple[str | None, bool] | None:
    """The kind of document asked for (None: any) and whether it is counted, when the question asks for some."""
    for pattern in lexicon().intent_patterns.get("catalog", ()):
        m = pattern.search(q.key)
        if m:
            kind = m.group("kind")
            return (None if kind == "van ban" else kind), bool(m.groupdict().get("count"))
    return None


def _fits(head: DocHead, kind: str | None, years: list[int], terms: Any, ctx: Context) -> bool:
    """Whether a document's header is of the kind and year asked and holds every content word of the question."""
    if kind is not None and not fold(head.doc_type or "").lower().startswith(kind):
        return False
    if years and head.year not in years:
        return False
    return not terms.uni or holds(terms, _head_words(ctx.analyzer, head))


@lru_cache(maxsize=1 << 15)
def _head_words(analyzer: Analyzer, head: DocHead) -> str:
    """A header's fields as folded words (kept across questions: a catalog of 10,000 takes 0.3 s to read)."""
    fields = [
        head.doc_type,
        head.number,
        head.issuer,
        head.place,
        f"năm {head.year}" if head.year else None,
        f"tháng {head.month}" if head.month else None,
        head.signer,
        head.signer_title,
    ]
    return field_words(analyzer, fields)


def _signed_by(ctx: Context, terms: Any) -> list[str]:
    """The documents whose signer the question names (every word of the name), in id order."""

    def signers() -> dict[tuple[str, ...], list[str]]:
        by_name: dict[tuple[str, ...], list[str]] = {}
        for d, h in sorted(ctx.index.heads().items()):
            if h.signer:
                by_name.setdefault(_name_words(h.signer), []).append(d)
        return by_name

    named = ctx.index.remembered("documents by signer", signers)
    return [d for name, docs in named.items() if _names(terms, name) for d in docs]


def _name_words(name: str) -> tuple[str, ...]:
    return tuple(fold_word(w.lower()) for w in name.split())


def _names(terms: Any, name: tuple[str, ...]) -> bool:
    """Whether the question's terms hold every word of a person's name."""
    return bool(name) and all(f"f:{w}" in terms.uni for w in name)


def _listed(doc: Any, terms: Any) -> Evidence | None:
    """A document as a list item, cited to the header line that names its issuer (else its first), or to the
    signature's line naming its signer when the question names the signer ("… Nguyễn Thành Diệu đã ký những kế
    hoạch nào?")."""
    header = section_lines(doc, "header")
    if not header:
        return None
    signer = _name_words(doc.signer or "")
    if _names(terms, signer):
        named = [ln for ln in section_lines(doc, "signature") if _name_words(ln.text) == signer]
        if named:
            statement = f"- {doc_name(doc)}, do {doc.signer} ký {{n}}"
            return Evidence(doc.doc_id, "signature", "", named[:1], statements=[statement])
    issuer = re.sub(r"\s+", " ", fold(doc.issuer or "").lower()).strip()
    line = next((ln for ln in header if issuer and issuer[:20] in fold(ln.text).lower()), header[0])
    return Evidence(doc.doc_id, "header", "", [line], statements=[f"- {doc_name(doc)} {{n}}"])
