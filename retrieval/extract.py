"""Evidence inside a section: its lines (paragraphs, bullets), how well each matches a question, and how sure we are.

Everything quoted is cut from the normalised source, so a quote is always a
verbatim substring of its section.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from core.text import fold, has_diacritics, tone_fits
from core.types import Document
from retrieval.analyzer import Analyzer, fold_word, fold_words, token_index, unmarked
from retrieval.lexicon import lexicon
from retrieval.places import province_word_pairs
from retrieval.thesaurus import alternatives

_LX = lexicon()
#: Question words and fillers that say nothing about the content sought (the lexicon's): matched on exact forms
#: when the question has diacritics ("nội quy" is content, "nói" is not), on folded forms when it has none
#: (leaving out those whose unaccented form is also a content word: "bi" is "bị" and "bí mật").
STOPWORDS_EXACT = _LX.question_words_exact
STOPWORDS = _LX.question_words
#: Word sequences that frame a question rather than say what it is about ("được yêu cầu", "văn bản").
STOP_PHRASES = frozenset(tuple(fold_words(" ".join(p)).split()) for p in _LX.frames)
#: Unaccented, "may" before a counted noun is "mấy" ("may lan"), not "máy".
_COUNTED = frozenset(fold_words(w) for w in _LX.counted_nouns)
#: Unaccented, these pairs are one word of the domain though a syllable folds to a question word ("bao ve"), and
#: so are the province names of the places table ("ha noi").
_FOLDED_COMPOUNDS = frozenset(
    tuple(fold_words(" ".join(p)).split()) for p in _LX.folded_compounds | province_word_pairs(STOPWORDS)
)
_NEGATIONS = frozenset(tuple(fold_words(" ".join(p)).split()) for p in _LX.negations)
#: Unaccented words that fold many common words together: they prove nothing by their absence.
_FOLDED_AMBIGUOUS = _LX.folded_ambiguous


# a day/month must be one ("trực 24/24 giờ" is no date)
_DAY_MONTH = r"\b(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])(?:/\d{2,4})?\b"
_DATE = re.compile(
    _DAY_MONTH + r"|\bngày \d{1,2} tháng \d{1,2}|\btháng \d{1,2}\b|\bquý [IV]+\b",
    re.I,
)
_YEAR = re.compile(r"(?:19|20)\d\d")  # a year in a question names the plan more often than it asks about it
#: A line's numbering marker: "II.", "1.", "1.2.", "3)", "a)", "Điều 5."; a number's thousands dot is none ("2.000.000
#: đồng" stays whole: a marker's dot is followed by a space).
_MARKER = re.compile(r"^(?:[IVXL]+\.|\d{1,2}(?:\.\d{1,2})*(?:\)|\.(?=\s|$))|[a-zđ]\)|Điều \d+\.)\s*")
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


def _marker_kind(text: str) -> str | None:
    """The kind of a line's list marker (``_MARKER``, ``_BULLET``): "roman", "letter", "number" ("1.", "1.2.", "3)",
    "Điều 5."), "bullet"; None for an unmarked line."""
    text = text.strip()
    if _BULLET.match(text):
        return "bullet"
    m = _MARKER.match(text)
    if m is None:
        return None
    mark = m.group(0).strip()
    return "roman" if re.fullmatch(r"[IVXL]+\.", mark) else "letter" if re.fullmatch(r"[a-zđ]\)", mark) else "number"


def lead_ins(lines: list[Line]) -> list[int | None]:
    """For each line, the index of the line announcing the list it is an item of ("… như sau:" above "a) …", "b)
    …"), over the items marked alike before it; None for an unmarked line or one no such line announces. One pass:
    an item after a sibling shares the sibling's lead-in."""
    kinds = [_marker_kind(ln.text) for ln in lines]
    ends = [ln.text.rstrip().endswith(":") for ln in lines]
    out: list[int | None] = [None] * len(lines)
    for i in range(1, len(lines)):
        kind = kinds[i]
        if kind is None:
            continue
        if ends[i - 1]:
            out[i] = i - 1 if kinds[i - 1] != kind else None
        elif kinds[i - 1] == kind:
            out[i] = out[i - 1]
    return out


def has_date(text: str) -> bool:
    return bool(_DATE.search(text))


#: The date of a document a line cites ("Kế hoạch số 319-KH/TU ngày 10/4/2025"): when it was issued, not when
#: anything is to be done.
_CITED_DATE = re.compile(
    r"\d[\w.-]*/[\w/.-]*[A-ZĐ][\w/.-]*\s+ngày\s+(?:\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?)"
)


def says_when(text: str) -> bool:
    """Whether a line states a date other than those of the documents it cites."""
    return has_date(_CITED_DATE.sub(" ", text))


_DAY_OF_MONTH = re.compile(
    r"\bngay\s+(\d{1,2})\s+thang\s+(\d{1,2})(?:\s+nam\s+(\d{4}))?\b|\b(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?\b"
)


def days_stated(text: str) -> set[tuple[int, int, int | None]]:
    """The days a text states ("ngày 30 tháng 11", "30/11", "ngày 01 tháng 7 năm 2025", "01/7/2025") as (day, month,
    year or None); "24/24 giờ" and "11/2025" are none."""
    out = set()
    for m in _DAY_OF_MONTH.finditer(fold(text).lower()):
        day, month = int(m.group(1) or m.group(4)), int(m.group(2) or m.group(5))
        year = m.group(3) or m.group(6)
        if 1 <= day <= 31 and 1 <= month <= 12:
            out.add((day, month, (int(year) + (2000 if len(year) == 2 else 0)) if year else None))
    return out


def same_day(asked: Iterable[tuple[int, int, int | None]], stated: Iterable[tuple[int, int, int | None]]) -> bool:
    """Whether a text states a day asked: the same day and month, and the same year when both give one."""
    return any(a[:2] == s[:2] and (a[2] is None or s[2] is None or a[2] == s[2]) for a in asked for s in stated)


class TermWeights:
    """IDF of folded tokens, from document frequencies over retrieval units."""

    def __init__(self, df: Mapping[int, int], n: int) -> None:
        self.df = df
        self.n = max(n, 1)

    def idf(self, token: str) -> float:
        # never below 0 (a guard: the df cache once moved a count a reader had just read by a write's change, and a
        # question answered during an ingest failed with a math domain error; ``DocFrequencies.written``)
        df = max(self.df.get(token_index(token), 0), 0)
        return math.log((self.n - df + 0.5) / (df + 0.5) + 1)


@dataclass
class QueryTerms:
    """A question's content terms, and for those in a thesaurus phrase, what else would cover them."""

    uni: set[str]
    bi: set[str]
    alt_of: dict[str, list[list[str]]]  # term -> alternatives (each a list of folded words)
    exact: dict[str, str] = field(default_factory=dict)  # folded unigram -> exact unigram, for accented questions

    def covered(self, term: str, have: AbstractSet[str]) -> bool:
        """In the text (by exact form when typed with diacritics: "cước" is not "cuộc"), or stood in for."""
        return self.exact.get(term, term) in have or self.stood_in(term, have)

    def stood_in(self, term: str, have: AbstractSet[str]) -> bool:
        """Whether a synonym phrase of the term's thesaurus group is in the text."""
        for alt in self.alt_of.get(term, ()):
            if all(f"f:{w}" in have for w in alt) and all(f"F:{a} {b}" in have for a, b in itertools.pairwise(alt)):
                return True
        return False


def strip_frames(question: str) -> str:
    """The question without the word sequences that frame it ("được yêu cầu", "văn bản"), for the sparse query."""
    matches = list(re.finditer(r"[^\W_]+", question))
    words = [fold(m.group(0)).lower() for m in matches]
    cut: set[int] = set()
    for n in {len(p) for p in STOP_PHRASES}:
        for i in range(len(words) - n + 1):
            if tuple(words[i : i + n]) in STOP_PHRASES:
                cut.update(range(i, i + n))
    if not cut or len(cut) == len(words):
        return question
    out, pos = [], 0
    for i in sorted(cut):
        out.append(question[pos : matches[i].start()])
        pos = matches[i].end()
    out.append(question[pos:])
    return re.sub(r"\s+", " ", "".join(out)).strip()


def _stop(word: str, accented: bool, stop: frozenset[str] | set[str], key: Callable[[str], str]) -> bool:
    """Whether a word is a question word: by its exact form when typed with diacritics, else folded."""
    if accented and not has_diacritics(word):
        return fold(word).lower() in STOPWORDS
    return key(word) in stop


def query_terms(analyzer: Analyzer, question: str) -> QueryTerms:
    """Content unigrams and bigrams of a question (folded): no question words, no words naming a document.

    Bigrams join adjacent content words only, so "bằng những biện pháp" contributes "biện pháp", not
    "bằng những". Terms inside a thesaurus phrase also count as covered by the phrase's synonyms.
    """
    question = unmarked(question)  # "thông tư số 05": the "số" is part of the name
    accented = has_diacritics(question)
    uni: set[str] = set()
    bi: set[str] = set()
    exact: dict[str, str] = {}
    stop, key = (STOPWORDS_EXACT, str.lower) if accented else (STOPWORDS, fold)
    for seg in analyzer.syllables(question):
        # an abbreviation reads as its words ("GDĐT" as "giáo dục và đào tạo"): the words are the terms
        raw = [w for w in analyzer.expand(seg, query=True, reverse=False) if not _expanded(analyzer, w)]
        words = [fold_word(w) for w in raw]
        framed = {
            j
            for n in {len(p) for p in STOP_PHRASES}
            for i in range(len(words) - n + 1)
            if tuple(words[i : i + n]) in STOP_PHRASES
            for j in range(i, i + n)
        }
        compound: set[int] = set()
        if not accented:
            framed.update(j for j, w in enumerate(words[:-1]) if w == "may" and words[j + 1] in _COUNTED)
            compound = {
                j for i in range(len(words) - 1) if tuple(words[i : i + 2]) in _FOLDED_COMPOUNDS for j in (i, i + 1)
            }
        # "xã không có ma túy": a negation before a content word is what is asked, not the frame of a yes/no question
        compound.update(
            j
            for i in range(len(words) - 2)
            if tuple(words[i : i + 2]) in _NEGATIONS
            and any(not _stop(r, accented, stop, key) for r in raw[i + 2 : i + 4])
            for j in (i, i + 1)
        )
        keep = [
            w
            if (not _stop(r, accented, stop, key) or j in compound) and j not in framed and not _YEAR.fullmatch(w)
            else None
            for j, (r, w) in enumerate(zip(raw, words))
        ]
        uni.update(f"f:{w}" for w in keep if w)
        bi.update(f"F:{a} {b}" for a, b in itertools.pairwise(keep) if a and b)
        if accented:  # a word typed without diacritics in an accented question is read folded ("hoc phí"), and so
            # is one whose marks no syllable has ("thưc": a stop ending without sắc or nặng)
            exact.update(
                (f"f:{w}", f"w:{w if w.isdigit() else r}")
                for r, w in zip(raw, keep)
                if w and has_diacritics(r) and tone_fits(r)
            )
    alt_of: dict[str, list[list[str]]] = {}
    for phrase, alts in alternatives(question).items():
        pw = phrase.split()
        terms = [f"f:{w}" for w in pw] + [f"F:{a} {b}" for a, b in itertools.pairwise(pw)]
        for t in terms:
            alt_of.setdefault(t, []).extend(a.split() for a in alts)
    return QueryTerms(uni, bi, alt_of, exact)


def _expanded(analyzer: Analyzer, word: str) -> bool:
    """Whether a question word is an abbreviation the analyzer writes out after it."""
    exp = analyzer.abbreviation_of(word, query=True)
    return bool(exp) and len(exp.split()) > 1


def text_terms(analyzer: Analyzer, text: str) -> frozenset[str]:
    """Folded unigrams and bigrams, and exact unigrams, of a text."""
    return analyzer.terms(text)


def unknown_words(terms: QueryTerms, weights: TermWeights) -> list[str]:
    """Content words of the question that no unit contains and no synonym stands in for ("phở", "cước").

    Typed with diacritics, a word is judged by its exact form: "cước" is unknown though "cuộc" is not.
    """
    out = []
    for t in terms.uni:
        word = t[2:]
        if word.isdigit() or weights.df.get(token_index(terms.exact.get(t, t)), 0):
            continue
        alts = terms.alt_of.get(t, [])
        if any(all(weights.df.get(token_index(f"f:{fold_word(w)}"), 0) for w in alt) for alt in alts):
            continue
        out.append(word)
    return sorted(out)


def coverage(terms: QueryTerms, have: AbstractSet[str], weights: TermWeights) -> float:
    """IDF-weighted share of the question's terms found in a text (unigrams and bigrams averaged)."""
    return Coverage(terms, weights)(have)


def answered_share(terms: QueryTerms, have: AbstractSet[str], weights: TermWeights) -> float:
    """``coverage`` as the refusal check weighs it: one pair alone is too little to lift the share ("mai đà lạt
    có lạnh không, định cho hs đi dã ngoại": its one pair found in a circular's "loài ngoại lai" line), so for a
    question of fewer than two pairs a pair found counts no more than its words' share (a pair missing still
    counts against it)."""
    cu, cb = Coverage(terms, weights).shares(have)
    if cu is None:
        return 0.0
    if cb is None:
        return cu
    return 0.5 * (cu + (min(cb, cu) if len(terms.bi) < 2 else cb))


class Coverage:
    """``coverage`` of one question's terms, for many texts: each term's probe, IDF and the totals read once
    (a question describing a cited document weighs hundreds of entries and headers: 17 ms a question)."""

    def __init__(self, terms: QueryTerms, weights: TermWeights) -> None:
        self._parts = [self._part(terms, group, weights) for group in (terms.uni, terms.bi)]

    @staticmethod
    def _part(
        terms: QueryTerms, group: set[str], weights: TermWeights
    ) -> tuple[list[tuple[str, float, list[frozenset[str]] | None, bool]], float] | None:
        if not group:
            return None
        # each synonym phrase as the tokens a text must hold to stand in for the term (``QueryTerms.stood_in``)
        items = [
            (
                terms.exact.get(t, t),
                weights.idf(t),
                [
                    frozenset([*(f"f:{w}" for w in alt), *(f"F:{a} {b}" for a, b in itertools.pairwise(alt))])
                    for alt in terms.alt_of.get(t, ())
                ]
                or None,
                _doubtful(t, terms, weights),
            )
            for t in group
        ]
        return items, sum(w for _, w, _, doubtful in items if not doubtful)

    def __call__(self, have: AbstractSet[str]) -> float:
        cu, cb = self.shares(have)
        if cu is None:
            return 0.0
        return cu if cb is None else 0.5 * (cu + cb)

    def shares(self, have: AbstractSet[str]) -> tuple[float | None, float | None]:
        """The words' share and the pairs' share (None for a part the question has none of)."""
        shares: list[float | None] = []
        for part in self._parts:
            if part is None:
                shares.append(None)
                continue
            items, total = part
            found = doubtful_found = 0.0
            for probe, w, alts, doubtful in items:
                if probe in have or (alts and any(a.issubset(have) for a in alts)):
                    found += w
                    doubtful_found += w if doubtful else 0.0
            total += doubtful_found
            shares.append(found / total if total else 0.0)
        return shares[0], shares[1]


def _doubtful(term: str, terms: QueryTerms, weights: TermWeights) -> bool:
    """Typed without diacritics, a word folding many together ("minh": "mình", "Minh"; "k": "không") may be no
    content at all: it counts only when found. So does a pair holding one that no document writes ("con minh");
    a pair they do write ("ap dung", "chi minh") counts like any other."""
    words = term[2:].split()
    if terms.exact or not any(w in _FOLDED_AMBIGUOUS for w in words):
        return False
    return len(words) == 1 or not weights.df.get(token_index(term), 0)


def rank_lines(
    lines: list[Line], analyzer: Analyzer, terms: QueryTerms, weights: TermWeights, *, led: bool = False
) -> list[tuple[float, Line]]:
    """Lines with their match score (IDF-weighted covered terms), best first. ``led``: a list item is read with the
    line announcing its list ("4. Người … tự đi khám … thanh toán theo tỷ lệ như sau:" above "g) 40% mức hưởng khi
    … nội trú …"), as a section is with its heading."""
    scored = []
    own = [text_terms(analyzer, line.text) for line in lines]
    leads = lead_ins(lines) if led else [None] * len(lines)
    for line, have, j in zip(lines, own, leads, strict=True):
        if j is not None:
            have = have | own[j]
        score = sum(weights.idf(t) for t in terms.uni if terms.covered(t, have)) + 0.8 * sum(
            weights.idf(t) for t in terms.bi if terms.covered(t, have)
        )
        scored.append((score, line))
    scored.sort(key=lambda x: -x[0])
    return scored
