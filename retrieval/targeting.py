"""Which document a question is about: BM25 over each document's header fields, read from the catalog.

A question names its document the way people do, by what its header says: "kế hoạch phát triển kinh tế số
của Bắc Ninh", "Nghị quyết 76 của HĐND Hà Nội", "luật việc làm 2025". Each document's type, number, title,
issuing and managing body, place and year are its *profile*; the catalog keeps the profile's tokens (the
analyzer's, as for units) in a table, and a question is scored against the documents that share its tokens.
The same tokens, once a document is chosen, say which words of the question only named it.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Protocol

from core.legal_ids import leading_number
from core.types import Document
from retrieval.analyzer import Analyzer, token_index
from retrieval.catalog_profile import ProfilePostings

#: BM25 over profiles: short fields, so length matters less than in sections.
K1, B = 1.2, 0.5


class ProfileSource(Protocol):
    def profile_df(self, tokens: Sequence[int]) -> tuple[dict[int, int], int]: ...

    def profile_postings(self, tokens: Sequence[int]) -> ProfilePostings: ...

    def profile_of(self, doc_id: str) -> Mapping[int, float]: ...


def profile_text(doc: Document) -> str:
    """The header fields a question names a document by, as one text."""
    fields = [doc.doc_type, doc.number, doc.title, doc.issuer, doc.managing_body, doc.place, str(doc.year or "")]
    return "\n".join(f for f in fields if f)


def names_text(doc: Document, *, titled: bool = True) -> str:
    """How a question names a document, its kind joined to its title (unless not ``titled``) and to its number
    ("Luật Dữ liệu", "Luật 60/2024/QH15", "Luật số 60", "Kế hoạch 124" of 0124/KH-UBND), one per line:
    ``profile_text`` keeps the fields apart, so the pairs a question forms across them ("luật dữ", "số 60") are in
    neither. A document without a number is named by its title alone."""
    kind = doc.doc_type or ""
    names = [f"{kind} {doc.title}"] if titled and doc.title else []
    if number := leading_number(doc.number):  # "" without a number
        names += [f"{kind} {doc.number}", f"{kind} {number}", f"{kind} số {number}", f"số {number}"]
    return "\n".join(names)


def profile_tokens(doc: Document, analyzer: Analyzer) -> dict[int, float]:
    """Token index -> count of the profile's tokens (the analyzer's, folded and exact, bigrams, legal numbers)."""
    counts: Counter[int] = Counter()
    for token, n in analyzer.tokens(profile_text(doc), exact=True).items():
        counts[token_index(token)] += n
    return dict(counts)


#: A token in the header fields of more documents than this (and more than MAX_DF_SHARE of them) names none of
#: them ("kế hoạch", "ủy ban nhân dân" at 10,000 plans): it is left out of the header match, whose cost grows
#: with its postings. Below 1,000 documents nothing is left out, so every dev figure is unchanged.
MAX_DF, MAX_DF_SHARE = 500, 0.05


def document_scores(source: ProfileSource, query: Mapping[int, float]) -> dict[str, float]:
    """BM25 of a question's weighted tokens against every document's profile (documents with no match: absent)."""
    import numpy as np

    df, n_all = source.profile_df(list(query))
    limit = max(MAX_DF, MAX_DF_SHARE * n_all)
    kept = [t for t in query if df.get(t, 0) <= limit] or sorted(df, key=lambda t: df[t])[:1]
    got = source.profile_postings(kept)
    if not got.postings:
        return {}
    scores = np.zeros(len(got.ids))
    matched = np.zeros(len(got.ids), dtype=bool)
    for token, (at, tf) in got.postings.items():  # tokens in ascending order: each sum in the same order
        idf = math.log(1 + (got.n - len(at) + 0.5) / (len(at) + 0.5))
        weight = query[token] * idf
        norm = K1 * (1 - B + B * got.lengths[at] / got.avg_len)
        scores[at] += weight * tf * (K1 + 1) / (tf + norm)
        matched[at] = True
    return {got.ids[i]: float(scores[i]) for i in np.flatnonzero(matched)}
