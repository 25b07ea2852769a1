"""Vietnamese lexical analysis for the sparse vector: syllables, bigrams, folding, abbreviations, legal numbers.

Every token is emitted twice, with and without diacritics (đ→d), so an
unaccented query ("phong cong tac sinh vien") matches accented text while an
accented query also scores the exact forms. Abbreviations (ANTT, CTSV, …,
plus those a document defines itself) are expanded in documents and queries
alike, and legal document numbers stay single tokens in every variant
("124/2021/TT-BCA", "124/2021", "thông tư 124"). Tokens become sparse indices
through a stable hash, so no vocabulary file exists.

    a = Analyzer()
    a.query_vector("CTSV phai lam gi")   # -> (indices, values)
"""

from __future__ import annotations

import functools
import itertools
import math
import re
import sys
import threading
import unicodedata
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping

from core.legal_ids import NUMBER, TYPES, id_key, number_tokens
from core.text import cut_folded, fold, has_diacritics, y_form


def _abbreviations() -> dict[str, str]:
    """The lexicon's abbreviations (general administrative language, data), folded lowercase -> expansion."""
    from retrieval.lexicon import lexicon

    return dict(lexicon().abbreviations)


def _in_capitals() -> frozenset[str]:
    """Abbreviations a question reads as such only in capitals: lower case, they are words ("ca nhân")."""
    from retrieval.lexicon import lexicon

    return lexicon().abbreviations_in_capitals


#: Bump when document tokens change, or what the catalog derives from a document at ingest (its unit entries): an
#: index built by another version re-vectorises its units and derives its records again at start-up. 11: unit
#: entries of articles headed by a unit's name ("Điều 2. Sở Giáo dục và Đào tạo"), none for "Tổ chức thực hiện".
#: 12: no unit entry for a bare head word ("Cơ quan thực hiện") or a phrase that only opens like one ("Báo cáo");
#: entries for task items whose label names their lead unit ("Đơn vị chủ trì: Sở Nội vụ."). 13: a number glued to
#: a unit ("500MB") is read as the number and the unit. 14: more administrative abbreviations ("CHQS", "DTNT",
#: "TNMT", "Sở NV", …) in the lexicon. 15: "HN" is Hà Nội. 16: a unit of local government is also named by
#: its level's other forms ("UBND xã, phường" is "UBND phường", "UBND cấp xã"); "Sở X và Y" is also "Sở x".
#: 17: "daklak" is Đắk Lắk. 18: a unit's name as a question written out reads it ("UBND các xã" is "ủy ban nhân
#: dân xã"). 19: a unit whose name ends with its province is also named without it ("Thuế tỉnh"). 20: units'
#: tasks also under headings opening a plan's implementation part in other words ("Trách nhiệm thực hiện"). 21: a
#: month and its year ("tháng 12/2025") is no legal number. 22: "PTDT", "PTDTBT" (phổ thông dân tộc, … bán trú).
#: 23: a ministry ("b) Bộ Công Thương: …") is a unit. 24: in a text with no implementation part, a top-level item
#: headed by a unit's name ("1. Ủy ban nhân dân các xã, phường" of a directive) is that unit's section.
#: 25: a syllable of h, k, l, m, s or t and "i" alone folds with "y" ("chiến sĩ" is "chiến sỹ", "tỉ lệ" "tỷ lệ").
#: 26: a unit headed "Đề nghị Ủy ban Mặt trận …" is also named without "Đề nghị" (lexicon ``units.assign``).
#: 27: a document's kind and number are stored as a question gives them, its number's leading digits ("quyết định
#: 1147" of "1147-QĐ/BTGDVTW"; retrieval/prepared.py): records derived again at start. 28: an article headed
#: "Trách nhiệm của <unit>" or "Nhiệm vụ của <unit>" (a regulation's) is that unit's section (lexicon ``units.assign``).
#: 30: an item deeper in the implementation part opening with a unit and its verb ("a) Sở Y tế chủ trì …" under "1.
#: Giao Ủy ban nhân dân tỉnh … chỉ đạo:") is that unit's section. 31: so is, in a text with no implementation part
#: and no articles, any item opening with a unit and its verb ("d) Phòng GDĐT tổng hợp …"; lexicon ``units.verbs``).
#: 32: "TCCB", "KHTC" (tổ chức cán bộ, kế hoạch tài chính) in the lexicon. 33: so is (24) a top-level item headed
#: by a unit's name in a text whose implementation part is a top-level item of its own ("15. Tổ chức thực hiện").
#: 34: "sp" (sản phẩm) in the lexicon. 35: "sxh", "tcm" (sốt xuất huyết, tay chân miệng). 36: "bch", "btv" (ban chấp
#: hành, ban thường vụ). 37: a unit headed with a person's name in a parenthesis ("Phó Hiệu trưởng (bà Đào Thị Mai
#: Lan)") is also named by that name. 38: only a name in capitals ("(bà con ngư dân)" names no one). 39: a preamble
#: piece that recounts is searched as content (retrieval/prepared.py ``_recounts``). 40: a unit labelling its tasks
#: in a list of the implementation part ("- Trạm Y tế: tổ chức …"). 41: only a proper name after its head word, its
#: brackets closed, no figure after the colon ("- Phòng đọc: 02 phòng" is none).
ANALYZER_VERSION = "41"

_WORD = re.compile(r"[^\W_]+")
_PERCENT = re.compile(r"(?<=\d)\s*%")
_SEGMENT_BREAK = re.compile(r"[.;:!?()\[\]“”\"\n]")
#: A number glued to a unit of two or more Latin letters ("500MB", "20kg", not "5G"): two words, as "500 MB" is.
_GLUED_UNIT = re.compile(r"\b(\d+)([A-Za-z]{2,})\b")
# matched on folded text, so "thong tu 124" typed without diacritics is the same token as "Thông tư 124"
_FOLDED_TYPES = "|".join(re.escape(fold(t).lower()) for t in TYPES)
# the look-ahead for a type's first letter spares trying every type name at every position (same matches,
# a third of the time: these two were 0.75 s of 2.1 s vectorising 1,786 units)
_TYPE_FIRST = "".join(sorted({fold(t)[0].lower() for t in TYPES}))
_LEGAL = re.compile(rf"(?:(?=[{_TYPE_FIRST}])(?P<type>{_FOLDED_TYPES})(?:\s+so)?\s*)?(?P<number>{NUMBER})", re.I)
_TYPE_NUM = re.compile(rf"(?=[{_TYPE_FIRST}])(?P<type>{_FOLDED_TYPES})(?:\s+so)?\s+(?P<num>\d{{1,5}})\b(?![/-])", re.I)
#: "số" between a document's kind and its number ("thông tư số 05"): in a question it only marks the number; as a
#: word it matched the lines citing other documents ("thay thế Thông tư số 28/2009 …") ahead of the one asked.
_NUMBER_MARK = re.compile(rf"(?=[{_TYPE_FIRST}])(?:{_FOLDED_TYPES})\s+(?P<mark>so)\s+(?=\d)", re.I)
_ANY_NUMBER = re.compile(NUMBER)  # every _LEGAL match holds one: texts without skip the slower pattern
#: "tháng 12/2025", "thang 6/2026" (folded): a month and its year, not a document's number and year.
_MONTH_BEFORE = re.compile(r"\bthang\s*$", re.I)

# token families and their query weights; documents carry BM25 term weights
W_FOLD, W_EXACT, W_BIGRAM, W_LEGAL = 1.0, 0.35, 0.8, 3.0
W_SYNONYM = 0.5
W_INSERTED = 0.5  # tokens a query has only through an abbreviation added after the words it stands for
#: BM25's saturation and length normalisation of a unit's term weights: checked on 2026-12-06 against every
#: development set (3,918 questions): B 0.5 and 0.9, K1 0.9 and 1.6 each lost more first citations than they won
#: (probe +17 −49, +10 −24, +13 −19, +9 −17).
K1, B, AVG_LEN = 1.2, 0.75, 90.0


@functools.lru_cache(maxsize=1 << 16)
def fold_word(word: str) -> str:
    """The folded form of one word, cached (a corpus has a few thousand distinct syllables, met millions of
    times); numbers lose leading zeros, so "06 tháng" and "6 tháng" are the same words; "sĩ" is "sy" as "sỹ" is
    (``core.text.y_form``)."""
    folded = fold(word)
    if folded.isdigit():
        return folded.lstrip("0") or "0"
    return y_form(folded)


def fold_words(text: str) -> str:
    """``fold_word`` of each word of a folded phrase ("ki thuat" -> "ky thuat"): lexicon phrases as tokens read them."""
    return " ".join(fold_word(w) for w in text.split())


#: How many term slots the cache of texts' term sets may hold (about 20 MB; tokens are interned).
TERM_CACHE_TERMS = 1_000_000


@functools.lru_cache(maxsize=1 << 18)
def token_index(token: str) -> int:
    """Stable 32-bit sparse index of a token (no vocabulary file); cached: ingest hashes the same tokens over
    and over (3.4 s of a 100-plan ingest profile)."""
    return zlib.crc32(token.encode("utf-8"))


class Analyzer:
    """Turns text into weighted tokens and sparse vectors; knows the abbreviation table."""

    def __init__(self, extra_abbreviations: Mapping[str, str] | None = None) -> None:
        self.abbreviations: dict[str, str] = _abbreviations()
        self.in_capitals = _in_capitals()  # "CA" is công an; "ca nhân" is cá nhân
        self._expansions: dict[tuple[str, ...], str] = {}
        self._by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self._terms: dict[str, frozenset[str]] = {}
        self._terms_size = 0
        self._terms_lock = threading.Lock()  # answers run on the server's worker threads
        self.add_abbreviations(extra_abbreviations or {})

    def add_abbreviations(self, table: Mapping[str, str]) -> None:
        """Learn abbreviations (as written, e.g. {"ANTT": "an ninh, trật tự"})."""
        before = len(self.abbreviations)
        for abbr, expansion in table.items():
            self.abbreviations.setdefault(fold(abbr).lower(), expansion.lower())
        if len(self.abbreviations) == before and self._by_first:
            return  # nothing new (most documents at ingest): the expansions stand
        self._expansions = {}
        for abbr, expansion in self.abbreviations.items():
            words = tuple(fold_word(w.lower()) for w in _WORD.findall(expansion))
            if len(words) >= 2:
                self._expansions.setdefault(words, abbr)
        by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for words, abbr in sorted(self._expansions.items(), key=lambda kv: len(kv[0])):
            by_first.setdefault(words[0], []).append((words, abbr))
        self._by_first = by_first  # expansions by their first word: only those can start at a position
        with self._terms_lock:
            self._terms, self._terms_size = {}, 0  # expansions changed: cached term sets are stale

    # ------------------------------------------------------------ tokens

    def syllables(self, text: str) -> list[list[str]]:
        """Syllables as written, grouped into segments that bigrams must not cross."""
        text = unicodedata.normalize("NFC", text).replace("&", "")
        text = _PERCENT.sub(" phần trăm", text)  # "70%" is read "70 phần trăm", and asked that way
        text = _GLUED_UNIT.sub(r"\1 \2", text)
        return [ws for seg in _SEGMENT_BREAK.split(text) if (ws := _WORD.findall(seg))]

    def legal_tokens(self, text: str) -> list[str]:
        """Single tokens for legal document numbers in all their variants."""
        out: list[str] = []
        text = fold(unicodedata.normalize("NFC", text))
        for m in _LEGAL.finditer(text) if _ANY_NUMBER.search(text) else ():
            raw = m.group("number")
            toks = number_tokens(raw)
            if not any(re.search(r"[A-Za-zĐđ]", t) for t in toks[1:]):
                if len(toks) >= 2 and re.fullmatch(r"\d{4}", toks[1]) and not _MONTH_BEFORE.search(text, 0, m.start()):
                    out.append("L:" + id_key(raw))  # "124/2021"; not "tháng 12/2025", a month
                continue
            out.append("L:" + id_key(raw))
            if len(toks) >= 2 and re.fullmatch(r"\d{4}", toks[1]):
                out.append("L:" + toks[0].lstrip("0") + toks[1])  # "124/2021" of "124/2021/TT-BCA"
            kind = m.group("type")
            if kind:
                out.append(f"L:{kind.lower()} {toks[0].lstrip('0') or '0'}")
        for m in _TYPE_NUM.finditer(text):  # "thông tư 124", "chỉ thị 09"
            out.append(f"L:{m.group('type').lower()} {m.group('num').lstrip('0') or '0'}")
        return out

    def abbreviation_of(self, word: str, *, query: bool) -> str | None:
        """Expansion of a word that is an abbreviation: capitals in documents, any case in queries."""
        if not query and not word.isupper():
            return None
        low = word.lower()
        if has_diacritics(low.replace("đ", "d")) or (not word.isupper() and low in self.in_capitals):
            return None  # "cả" is a word, not the abbreviation "CA"; "ca nhan" (cá nhân) typed without marks too
        return self.abbreviations.get(low.replace("đ", "d"))

    def expand(self, raw: list[str], *, query: bool, reverse: bool = True) -> list[str]:
        """Lowercased words with expansions after abbreviations, and (``reverse``) abbreviations after expansions.

        Every expansion found adds its abbreviation, nested ones too: "bảo vệ an ninh Tổ quốc" adds both
        "bvantq" and "antq".
        """
        return self._expanded(raw, query=query, reverse=reverse)[0]

    def _expanded(self, raw: list[str], *, query: bool, reverse: bool = True) -> tuple[list[str], list[str]]:
        """``expand``'s words and their folded forms."""
        words = [w.lower() for w in raw]
        folded = [fold_word(w) for w in words]
        after: dict[int, list[str]] = {}
        if reverse:
            by_first = self._by_first
            for i in [i for i, f in enumerate(folded) if f in by_first]:
                for exp_words, abbr in by_first[folded[i]]:
                    n = len(exp_words)
                    if tuple(folded[i : i + n]) == exp_words:
                        after.setdefault(i + n - 1, []).append(abbr)
        if query:
            out = [w for w, _ in self._expand_marked(raw, words, folded, after, query=True)]
            return out, [fold_word(w) for w in out]
        # a document's abbreviations are in capitals: only those words and the expansions found add anything
        added: dict[int, list[str]] = {}
        for i in [i for i, w in enumerate(raw) if w.isupper()]:
            exp = self.abbreviation_of(raw[i], query=False)
            if exp:
                added[i] = _WORD.findall(exp)
        for i, abbrs in after.items():
            added.setdefault(i, []).extend(abbrs)
        if not added:
            return words, folded  # most segments
        out, start = [], 0
        for i in sorted(added):
            out += words[start : i + 1]
            out += added[i]
            start = i + 1
        out += words[start:]
        return out, [fold_word(w) for w in out]

    def _expand_marked(
        self, raw: list[str], words: list[str], folded: list[str], after: dict[int, list[str]], *, query: bool
    ) -> list[tuple[str, bool]]:
        out: list[tuple[str, bool]] = []
        for i, word in enumerate(words):
            out.append((word, False))
            exp = self.abbreviation_of(raw[i], query=query)
            if exp:
                out.extend((w, False) for w in _WORD.findall(exp))  # "KTX": the user's word, read out
            out.extend((a, True) for a in after.get(i, ()))
        return out

    def inserted_tokens(self, text: str) -> set[str]:
        """Query tokens that exist only through an abbreviation added after its expansion (no written word).

        "cán bộ giáo viên" is also "cb", "gv", "cbgv" and the bigrams across them ("cb giao", "vien cbgv"):
        six more matches for one concept, which outweighed the rest of a question ("… phải ký cam kết gì?").
        """
        written: set[str] = set()
        added: set[str] = set()
        for seg in self.syllables(text):
            words = [w.lower() for w in seg]
            folded = [fold_word(w) for w in words]
            after: dict[int, list[str]] = {}
            for i, first in enumerate(folded):
                for exp_words, abbr in self._by_first.get(first, ()):
                    if tuple(folded[i : i + len(exp_words)]) == exp_words:
                        after.setdefault(i + len(exp_words) - 1, []).append(abbr)
            marked = self._expand_marked(seg, words, folded, after, query=True)
            for w, ins in marked:
                f = fold_word(w)
                (added if ins else written).update(("f:" + f, "w:" + (f if f.isdigit() else w)))
            for (a, ia), (b, ib) in itertools.pairwise(marked):
                (added if ia or ib else written).add(f"F:{fold_word(a)} {fold_word(b)}")
        return added - written

    def tokens(self, text: str, *, exact: bool = True, query: bool = False) -> Counter[str]:
        """Token counts: folded syllables and bigrams, exact (accented) syllables when ``exact``, legal numbers."""
        found: list[str] = []  # counted once at the end: Counter counts a list in C
        for part in self._segment_tokens(text, exact=exact, query=query):
            found += part
        found += self.legal_tokens(text)
        return Counter(found)

    def _segment_tokens(self, text: str, *, exact: bool, query: bool) -> Iterator[list[str]]:
        """Each segment's folded syllables, exact syllables (when ``exact``) and folded pairs."""
        for seg in self.syllables(text):
            words, folded = self._expanded(seg, query=query)
            exacts = ["w:" + (f if f.isdigit() else w) for w, f in zip(words, folded, strict=True)] if exact else []
            yield ["f:" + f for f in folded] + exacts + [f"F:{a} {b}" for a, b in itertools.pairwise(folded)]

    def terms(self, text: str) -> frozenset[str]:
        """Folded unigrams and bigrams and exact unigrams of a document text, cached per text.

        Answers measure question coverage against whole sections and their lines; the profile showed
        that re-tokenising them on every question took 70 % of an answer's time.
        """
        got = self._terms.get(text)
        if got is None:
            found: set[str] = set()  # no counts, no legal numbers
            for part in self._segment_tokens(text, exact=True, query=False):
                found.update(part)
            got = frozenset(map(sys.intern, found))
            with self._terms_lock:
                while self._terms and self._terms_size + len(got) > TERM_CACHE_TERMS:
                    self._terms_size -= len(self._terms.pop(next(iter(self._terms))))  # oldest first
                if text not in self._terms:
                    self._terms[text] = got
                    self._terms_size += len(got)
        return got

    # ------------------------------------------------------------ vectors

    @staticmethod
    def _family_weight(token: str) -> float:
        return {"f": W_FOLD, "w": W_EXACT, "F": W_BIGRAM, "L": W_LEGAL}[token[0]]

    def document_vector(self, text: str) -> tuple[list[int], list[float]]:
        """Sparse vector of a retrieval unit: BM25 term-frequency weights (Qdrant adds IDF)."""
        counts = self.tokens(text, exact=True)
        length = sum(c for t, c in counts.items() if t[0] == "f") or 1
        norm = K1 * (1 - B + B * length / AVG_LEN)
        indices = [token_index(tok) for tok in counts]
        if len(set(indices)) < len(indices):  # two tokens share a hash: their weights add up
            weights: dict[int, float] = {}
            for idx, tf in zip(indices, counts.values(), strict=True):
                weights[idx] = weights.get(idx, 0.0) + tf * (K1 + 1) / (tf + norm)
            return _sorted(weights)
        # one weight per distinct term frequency (a unit has a handful), rounded as _sorted rounds
        by_tf = {tf: _rounded(tf * (K1 + 1) / (tf + norm)) for tf in set(counts.values())}
        pairs = sorted(zip(indices, [by_tf[tf] for tf in counts.values()], strict=True))
        return [i for i, _ in pairs], [w for _, w in pairs]

    def query_tokens(self, text: str) -> Counter[str]:
        """Query tokens: exact forms only when the query itself carries diacritics; "số" marking a document's
        number is no word of the question."""
        return self.tokens(unmarked(text), exact=has_diacritics(text), query=True)

    def query_vector(
        self, text: str, synonyms: Iterable[str] = (), strong: Iterable[str] = ()
    ) -> tuple[list[int], list[float]]:
        """Sparse vector of a query: one weight per token family; ``synonyms`` (folded phrases) count half,
        ``strong`` ones (standing in for a phrase the corpus never uses) count in full."""
        weights: dict[int, float] = {}
        for phrases, factor in ((synonyms, W_SYNONYM), (strong, 1.0)):
            for phrase in phrases:
                for tok in self.tokens(phrase, exact=False, query=True):
                    idx = token_index(tok)
                    weights[idx] = max(weights.get(idx, 0.0), factor * self._family_weight(tok))
        inserted = self.inserted_tokens(text)
        for tok in set(self.query_tokens(text)):
            idx = token_index(tok)
            factor = W_INSERTED if tok in inserted else 1.0
            weights[idx] = max(weights.get(idx, 0.0), factor * self._family_weight(tok))
        return _sorted(weights)


def unmarked(text: str) -> str:
    """The text without the "số" between a document's kind and its number ("thông tư số 05" → "thông tư 05")."""
    return cut_folded(text, [_NUMBER_MARK], "mark")


def _sorted(weights: dict[int, float]) -> tuple[list[int], list[float]]:
    items = sorted(weights.items())
    return [i for i, _ in items], [_rounded(v) for _, v in items]


def _rounded(weight: float) -> float:
    return round(weight, 6) if math.isfinite(weight) else 0.0
