"""Evidence inside a section: its lines (paragraphs, bullets), how well each matches a question, and how sure we are.

Everything quoted is cut from the normalised source, so a quote is always a
verbatim substring of its section.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from core.text import fold, has_diacritics
from core.types import Document
from retrieval.analyzer import Analyzer, token_index
from retrieval.thesaurus import alternatives

#: Question words and fillers that say nothing about the content sought.
STOPWORDS = frozenset(
    """gi nao sao the nhu ai dau khi bao gio nhieu lam co khong phai can nhung cac cua la va duoc ve trong cho
    theo voi o tai nay do thi ma hay biet toi em oi a nhe mot moi hoac cung vay neu bang viec dieu gom
    van ban ke hoach truong quy dinh noi den nhac toi ra nam gap muon biet giup nen hoi xin hien nay day kia tram tranh dat giu lo""".split()
)
_DATE = re.compile(
    r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\bngày \d{1,2} tháng \d{1,2}|\btháng \d{1,2}\b|\bquý [IV]+\b|\b\d{1,2} tháng\b",
    re.I,
)
_YEAR = re.compile(r"(?:19|20)\d\d")  # a year in a question names the plan more often than it asks about it
_MARKER = re.compile(r"^(?:[IVXL]+\.|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|Điều \d+\.)\s*")
_BULLET = re.compile(r"^[-+–•]\s*")


@dataclass(frozen=True)
class Line:
    text: str
    start: int  # offset in Document.text
    heading: bool = False  # the section's own numbered heading line

    @property
    def clean(self) -> str:
        """The line without its bullet or numbering marker."""
        return _BULLET.sub("", _MARKER.sub("", self.text)).strip()


def section_lines(doc: Document, section_id: str, *, own: bool = True) -> list[Line]:
    """Lines of a section in document order; the first is its heading line (for numbered sections)."""
    sec = doc.section(section_id)
    if sec is None:
        return []
    end = sec.body_end if own else sec.end
    out: list[Line] = []
    pos = sec.start
    for i, raw in enumerate(doc.text[sec.start : end].split("\n")):
        if raw.strip():
            out.append(Line(raw, pos, heading=(i == 0 and sec.level > 0)))
        pos += len(raw) + 1
    return out


def has_date(text: str) -> bool:
    return bool(_DATE.search(text))


class TermWeights:
    """IDF of folded tokens, from document frequencies over retrieval units."""

    def __init__(self, df: Mapping[int, int], n: int) -> None:
        self.df = df
        self.n = max(n, 1)

    def idf(self, token: str) -> float:
        df = self.df.get(token_index(token), 0)
        return math.log((self.n - df + 0.5) / (df + 0.5) + 1)


@dataclass
class QueryTerms:
    """A question's content terms, and for those in a thesaurus phrase, what else would cover them."""

    uni: set[str]
    bi: set[str]
    alt_of: dict[str, list[list[str]]]  # term -> alternatives (each a list of folded words)
    exact: dict[str, str] = field(default_factory=dict)  # folded unigram -> exact unigram, for accented questions

    def covered(self, term: str, have: set[str]) -> bool:
        return term in have or self.stood_in(term, have)

    def stood_in(self, term: str, have: set[str]) -> bool:
        """Whether a synonym phrase of the term's thesaurus group is in the text."""
        for alt in self.alt_of.get(term, ()):
            if all(f"f:{w}" in have for w in alt) and all(f"F:{a} {b}" in have for a, b in itertools.pairwise(alt)):
                return True
        return False


def query_terms(analyzer: Analyzer, question: str, drop: Iterable[str] = ()) -> QueryTerms:
    """Content unigrams and bigrams of a question (folded): no question words, no words naming a document.

    Bigrams join adjacent content words only, so "bằng những biện pháp" contributes "biện pháp", not
    "bằng những". Terms inside a thesaurus phrase also count as covered by the phrase's synonyms.
    """
    dropped = {fold(w).lower() for phrase in drop for w in phrase.split()}
    accented = has_diacritics(question)
    uni: set[str] = set()
    bi: set[str] = set()
    exact: dict[str, str] = {}
    for seg in analyzer.syllables(question):
        # words naming a document go before abbreviations are expanded ("CĐCĐ" takes "cao đẳng cộng đồng" along)
        seg = [w for w in seg if fold(w).lower() not in dropped]
        raw = analyzer.expand(seg, query=True, reverse=False)
        words = [fold(w) for w in raw]
        keep = [w if (w not in STOPWORDS and w not in dropped and not _YEAR.fullmatch(w)) else None for w in words]
        uni.update(f"f:{w}" for w in keep if w)
        bi.update(f"F:{a} {b}" for a, b in itertools.pairwise(keep) if a and b)
        if accented:
            exact.update((f"f:{w}", f"w:{r}") for r, w in zip(raw, keep) if w)
    alt_of: dict[str, list[list[str]]] = {}
    for phrase, alts in alternatives(question).items():
        pw = phrase.split()
        terms = [f"f:{w}" for w in pw] + [f"F:{a} {b}" for a, b in itertools.pairwise(pw)]
        for t in terms:
            alt_of.setdefault(t, []).extend(a.split() for a in alts)
    return QueryTerms(uni, bi, alt_of, exact)


def text_terms(analyzer: Analyzer, text: str) -> set[str]:
    """Folded unigrams and bigrams, and exact unigrams, of a text."""
    return {t for t in analyzer.tokens(text, exact=True) if t[0] in "fFw"}


def unknown_words(terms: QueryTerms, weights: TermWeights) -> list[str]:
    """Content words of the question that no unit contains and no synonym stands in for ("phở", "thời tiết")."""
    out = []
    for t in terms.uni:
        word = t[2:]
        if word.isdigit() or weights.df.get(token_index(t), 0):
            continue
        alts = terms.alt_of.get(t, [])
        if any(all(weights.df.get(token_index(f"f:{fold(w)}"), 0) for w in alt) for alt in alts):
            continue
        out.append(word)
    return sorted(out)


def missing_anchor(terms: QueryTerms, weights: TermWeights, sections: list[set[str]]) -> str | None:
    """The question's rarest word (exact form when typed with diacritics) if none of ``sections`` has it.

    "Lương giáo viên …": "lương" is rare (one typo in the corpus) and absent from the sections found,
    so those sections answer a different question.
    """
    best: tuple[float, str, str] | None = None
    for t in terms.uni:
        if t[2:].isdigit():
            continue
        probe = terms.exact.get(t, t)
        if not weights.df.get(token_index(probe), 0):
            continue  # unknown words are judged separately
        idf = weights.idf(probe)
        if best is None or idf > best[0]:
            best = (idf, t, probe)
    if best is None:
        return None
    _, folded, probe = best
    if any(probe in have or terms.stood_in(folded, have) for have in sections):
        return None  # present, or stood in for by a synonym
    return probe[2:]


def coverage(terms: QueryTerms, have: set[str], weights: TermWeights) -> float:
    """IDF-weighted share of the question's terms found in a text (unigrams and bigrams averaged)."""

    def part(group: set[str]) -> float | None:
        if not group:
            return None
        total = sum(weights.idf(t) for t in group)
        return sum(weights.idf(t) for t in group if terms.covered(t, have)) / total if total else 0.0

    cu, cb = part(terms.uni), part(terms.bi)
    if cu is None:
        return 0.0
    return cu if cb is None else 0.5 * (cu + cb)


def rank_lines(
    lines: list[Line], analyzer: Analyzer, terms: QueryTerms, weights: TermWeights
) -> list[tuple[float, Line]]:
    """Lines with their match score (IDF-weighted covered terms), best first."""
    scored = []
    for line in lines:
        have = text_terms(analyzer, line.text)
        score = sum(weights.idf(t) for t in terms.uni if terms.covered(t, have)) + 0.8 * sum(
            weights.idf(t) for t in terms.bi if terms.covered(t, have)
        )
        scored.append((score, line))
    scored.sort(key=lambda x: -x[0])
    return scored
