"""Whether a question's words only name documents by their header fields, and which documents' fields hold them.

"Kế hoạch Sóc Trăng số mấy, ngày nào?" without its fact cues is "Kế hoạch Sóc Trăng", which the header of the
Sóc Trăng plan holds (its type, its issuer): the cues ask its header. "Xe buýt số mấy đi qua trường?" keeps
"xe buýt", which no header holds. The same test says whether "Kế hoạch nào do UBND ban hành?" only picks
documents by their header (``retrieval.answers.listing``). Fields are matched folded, abbreviations written
out ("UBND" is "ủy ban nhân dân"), without reading a document's body.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from core.text import cut_folded, fold
from core.types import Document
from retrieval.analyzer import Analyzer, fold_word
from retrieval.answers.question import KINDS, fkey
from retrieval.extract import QueryTerms, query_terms
from retrieval.lexicon import lexicon

_WORD = re.compile(r"[^\W_]+")


def without(text: str, phrases: Iterable[str]) -> str:
    """The text without the runs of words whose folded form is one of ``phrases`` (folded, space-separated)."""
    wanted = {tuple(p.split()) for p in phrases if p.strip()}
    if not wanted:
        return text
    matches = list(_WORD.finditer(text))
    words = [fold(m.group(0)).lower() for m in matches]
    cut: set[int] = set()
    for n in {len(p) for p in wanted}:
        for i in range(len(words) - n + 1):
            if tuple(words[i : i + n]) in wanted:
                cut.update(range(i, i + n))
    out, pos = [], 0
    for i in sorted(cut):
        out.append(text[pos : matches[i].start()])
        pos = matches[i].end()
    out.append(text[pos:])
    return re.sub(r"\s+", " ", "".join(out)).strip()


def header_words(analyzer: Analyzer, doc: Document, *, titled: bool = False) -> str:
    """A document's header fields (type, number, issuer, managing body, place, year; its title when ``titled``) as
    padded folded words."""
    year = f"năm {doc.year}" if doc.year else None
    fields = [doc.doc_type, doc.number, doc.issuer, doc.managing_body, doc.place, year, doc.title if titled else None]
    return field_words(analyzer, fields)


def field_words(analyzer: Analyzer, fields: Iterable[str | int | None]) -> str:
    """Header fields as folded words, padded with spaces, an abbreviation followed by its words."""
    words: list[str] = []
    for value in fields:
        if not value:
            continue
        for w in _WORD.findall(str(value)):
            low = fold_word(w.lower())
            words.append(low)
            exp = analyzer.abbreviations.get(low)
            if exp:
                words += [fold_word(fold(x).lower()) for x in _WORD.findall(exp)]
    return " " + " ".join(words) + " "


def holds(terms: QueryTerms, words: str) -> bool:
    """Whether padded folded words hold every content word of a question."""
    return all(f" {t[2:]} " in words for t in terms.uni)


def unnamed(terms: QueryTerms, words: str) -> QueryTerms:
    """The terms without those of the padded folded ``words`` (a document's header fields): a bigram goes with
    either of its words. The same terms when nothing else would be left."""
    uni = {t for t in terms.uni if f" {t[2:]} " not in words}
    if not uni:
        return terms
    bi = {t for t in terms.bi if not any(f" {w} " in words for w in t[2:].split())}
    if len(uni) == len(terms.uni) and len(bi) == len(terms.bi):
        return terms  # nothing named: the same object (its coverage is read once)
    return QueryTerms(uni, bi, terms.alt_of, terms.exact)


def rest_terms(analyzer: Analyzer, text: str, drop: Iterable[str] = ()) -> QueryTerms:
    """The content terms of a question without the phrases in ``drop`` (its cues)."""
    return query_terms(analyzer, without(text, drop))


_SHORT_KINDS = "|".join(map(re.escape, lexicon().kind_short_folded))  # "kh", "qd" (lexicon chat.kind_shorthand)
#: A document's kind and number as typed ("Kế hoạch số 308", "qd 96/2025/QĐ-UBND", "kh153", "qđ.96", "luật 60"), on
#: folded text: a dot or no space between kind and number is read as typed so.
_NAMED_NUMBER = re.compile(rf"(?i)\b(?:{KINDS}|{_SHORT_KINDS})\.?\s*(?:so\s+)?\d+(?:\s*[/-]\s*[\w.-]+)*")


def without_number(text: str) -> str:
    """The text without the words naming a document by kind and number ("Kế hoạch 308 căn cứ gì" -> "căn cứ gì")."""
    return " ".join(cut_folded(text, [_NAMED_NUMBER]).split())


def without_places(text: str, places: set[str], cues: tuple[str, ...]) -> str:
    """The text without the words naming these places (folded keys), a cue before one with it ("tỉnh Quảng Ninh")."""
    cue = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    spaced = [r"\s+".join(map(re.escape, p.split())) for p in places]
    names = [re.compile(rf"\b(?:(?:{cue})\s+)?{name}\b") for name in spaced]
    return " ".join(cut_folded(text, names).split())


def untitled(key: str, titles: list[str]) -> str:
    """A folded question without the runs of three words or more it shares with one of ``titles``: words naming a
    text by its title ask nothing of what it holds ("quy chế kiến tập, thực tập …" names none of its items
    "Kiến tập nghề nghiệp")."""
    words, heads = key.split(), [f" {fkey(t).strip()} " for t in titles if t]
    kept, i = [], 0
    while i < len(words):
        n = 0
        while i + n < len(words) and any(f" {' '.join(words[i : i + n + 1])} " in h for h in heads):
            n += 1
        if n >= 3:
            i += n
            kept.append("|")  # a run masked: the words either side are not read as one phrase
        else:
            kept.append(words[i])
            i += 1
    return f" {' '.join(kept)} "
