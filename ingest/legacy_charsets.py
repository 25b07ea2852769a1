"""TCVN3 (ABC) and VNI text, detected and converted to Unicode.

Old Vietnamese files keep their letters in 8-bit font encodings: a .txt saved from a .VnTime document holds
TCVN3 bytes, and a .doc/.docx/.pdf typed in such a font holds the same bytes as Latin-1/cp1252 characters
("KÕ ho¹ch" for "Kế hoạch" in TCVN3, "Keá hoaïch" in VNI). The tables are data
(``tables/legacy_charsets.tsv``); this module only reads them.

Detection is a vote of Vietnamese syllables. Every word with a non-ASCII letter is read three ways (as it is,
through TCVN3, through VNI) and each reading is scored by the share of such words that are well-formed
Vietnamese syllables: an onset, a vowel cluster Vietnamese has, a coda allowed after it, and at most one tone
mark. Real Vietnamese scores about 1.0 as it is; TCVN3 and VNI read as Latin-1 score low, because their bytes
are punctuation ("¹", "µ") or letters Vietnamese does not have ("ï", "ø") in the middle of words, or make
vowel clusters no syllable has ("ea" in "Keá"). A conversion is applied only when its reading is clearly
better (``POLICY``); ASCII-only words are the same in every reading and do not vote.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "tables" / "legacy_charsets.tsv"


@dataclass(frozen=True)
class Policy:
    """When a legacy reading replaces the text (fitted on the five plans encoded both ways and on the plans as
    they are: the right reading scores ≥ 0.97, the wrong ones ≤ 0.45)."""

    #: the winning reading's share of well-formed syllables must reach this
    min_score: float = 0.8
    #: and beat the text as it is by this much
    min_gain: float = 0.25
    #: words with non-ASCII letters needed before anything is decided
    min_words: int = 3


POLICY = Policy()

_TONES = "\u0300\u0301\u0303\u0309\u0323"
_ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?"
#: Vowel clusters of Vietnamese rimes (tone marks removed); those ending in a glide take no final consonant.
_OPEN_ONLY = "ai ao au ay âu ây eo êu iu oi ôi ơi ui ưi ưu iêu oai oao oay oeo uây uôi ươi ươu yêu uyu"
_ANY = "a ă â e ê i o ô ơ u ư y ia iê oa oă oe oo ua uâ uê uô uơ uy ưa ươ yê uya uyê"
_RIME = (
    r"(?:(?:"
    + "|".join(sorted(_OPEN_ONLY.split(), key=len, reverse=True))
    + r")|(?:"
    + "|".join(sorted(_ANY.split(), key=len, reverse=True))
    + r")(?:ch|ng|nh|[cmnpt])?)"
)
_SYLLABLE = re.compile(rf"{_ONSET}{_RIME}")
_WORD = re.compile(r"\S+")
#: Punctuation stripped from a word's edges: ASCII and the General Punctuation block (“ ” – …), never the
#: Latin-1 symbols that are letters in TCVN3 ("®" is đ, "«" is ô, the soft hyphen is ư).
_PUNCT = r"\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f\u2000-\u206f"
_EDGE = re.compile(rf"^[{_PUNCT}]+|[{_PUNCT}]+$")


@lru_cache(maxsize=1 << 16)
def is_syllable(word: str) -> bool:
    """Whether a word (no punctuation) is a well-formed Vietnamese syllable: "trường" yes, "hoaïch" no."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(decomposed.count(t) for t in _TONES) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return _SYLLABLE.fullmatch(base) is not None


def score(words: list[str]) -> float:
    """Share of the words that are well-formed syllables (words joined by hyphens count part by part, and an
    ASCII part such as "KH" in "KH-CĐCĐ" does not vote)."""
    parts = [p for w in words for p in w.split("-") if p and not p.isascii()]
    if not parts:
        return 0.0
    return sum(1 for p in parts if is_syllable(p)) / len(parts)


def _voters(text: str) -> list[str]:
    """Words carrying a non-ASCII character, stripped of punctuation at their edges."""
    out = []
    for raw in _WORD.findall(text):
        if raw.isascii():
            continue
        word = _EDGE.sub("", raw)
        if word and not word.isascii():
            out.append(word)
    return out


# ---------------------------------------------------------------- tables


@cache
def _tables() -> dict[str, dict[bytes, str]]:
    tables: dict[str, dict[bytes, str]] = {"tcvn3": {}, "vni": {}}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("charset\t"):
            continue
        charset, hexbytes, unicode = line.split("\t")
        tables[charset][bytes.fromhex(hexbytes)] = unicode
    return tables


def _views(raw: bytes) -> set[str]:
    """How a legacy byte sequence shows up inside Unicode text: through cp1252 (Word, most PDFs) or Latin-1."""
    views = {raw.decode("latin-1")}
    with contextlib.suppress(UnicodeDecodeError):
        views.add(raw.decode("cp1252"))
    return views


@cache
def _char_maps(charset: str) -> tuple[dict[str, str], re.Pattern[str]]:
    """Legacy character sequences (as they appear in Unicode text) to Unicode, and a longest-first pattern."""
    mapping: dict[str, str] = {}
    for raw, uni in _tables()[charset].items():
        for view in _views(raw):
            mapping[view] = uni
            if len(view) == 2:  # a base letter and a mark byte: the mark's case is the font's business
                base, mark = view[0], view[1]
                for m in {mark.lower(), mark.upper()}:
                    mapping.setdefault(base + m, uni)
    keys = sorted(mapping, key=len, reverse=True)
    return mapping, re.compile("|".join(re.escape(k) for k in keys))


def convert(text: str, charset: str) -> str:
    """Text whose characters are a legacy charset's bytes seen as Latin-1/cp1252, in Unicode."""
    mapping, pattern = _char_maps(charset)
    out = pattern.sub(lambda m: mapping[m.group(0)], text)
    return restore_capitals(out) if charset == "tcvn3" else out


def decode_bytes(data: bytes, charset: str) -> str:
    """Bytes in a legacy charset, in Unicode (bytes outside the table are read as cp1252, else Latin-1)."""
    return convert(data.decode("cp1252", errors="ignore") if _cp1252_ok(data) else data.decode("latin-1"), charset)


def _cp1252_ok(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


# ---------------------------------------------------------------- capitals lost by TCVN3

_TOKEN = re.compile(r"[^\s/()\-:;,.“”\"']+")


def restore_capitals(text: str) -> str:
    """Capitals TCVN3 cannot write, restored where the ASCII letters around them show the case.

    TCVN3 has no byte for "Ế": "KẾ" was typed as "K" and the byte of "ế" in an all-capitals font (.VnTimeH),
    so the text reads "Kế". A word with two or more ASCII letters, all capitals, is all capitals ("HOạCH" →
    "HOẠCH"); a word with at most one ASCII letter, a capital, is all capitals when a neighbouring word is an
    all-capitals Vietnamese syllable ("Kế HOẠCH" → "KẾ HOẠCH", but "Số: 12/KH-UBND" and "Sở GDĐT" stay). A capital at the start
    of an otherwise lowercase word ("Ủy ban") cannot be told from a lowercase letter and stays lowercase.
    """
    return "\n".join(_line_capitals(line) for line in text.split("\n"))


def _ascii_letters(word: str) -> list[str]:
    return [c for c in word if c.isascii() and c.isalpha()]


def _caps_word(word: str) -> bool:
    """An all-capitals Vietnamese syllable with a letter outside ASCII ("HOẠCH"; not the acronym "GDĐT")."""
    return len(word) >= 2 and word.isupper() and not word.isascii() and is_syllable(word)


def _line_capitals(line: str) -> str:
    spans = [(m.start(), m.end()) for m in _TOKEN.finditer(line)]
    words = [line[a:b] for a, b in spans]
    for i, word in enumerate(words):
        letters = _ascii_letters(word)
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            words[i] = word.upper()
    for i, word in enumerate(words):
        letters = _ascii_letters(word)
        if len(letters) > 1 or not all(c.isupper() for c in letters) or word.isupper():
            continue
        if not any(c.islower() and not c.isascii() for c in word):
            continue
        neighbours = words[max(i - 1, 0) : i] + words[i + 1 : i + 2]
        if any(_caps_word(n) for n in neighbours):
            words[i] = word.upper()
    out, last = [], 0
    for (a, b), word in zip(spans, words):
        out.append(line[last:a] + word)
        last = b
    return "".join(out) + line[last:]


# ---------------------------------------------------------------- detection


@dataclass(frozen=True)
class Reading:
    charset: str  # "unicode", "tcvn3", "vni"
    text: str
    score: float


def best_reading(text: str, policy: Policy = POLICY) -> Reading:
    """The text as it is, or converted from TCVN3 or VNI when that reads clearly more like Vietnamese."""
    voters = _voters(text)
    as_is = Reading("unicode", text, score(voters))
    if len(voters) < policy.min_words or as_is.score >= 1.0:
        return as_is
    best = as_is
    for charset in ("tcvn3", "vni"):
        converted = convert(text, charset)
        reading = Reading(charset, converted, score(_voters(converted)))
        if reading.score > best.score:
            best = reading
    if best is as_is or best.score < policy.min_score or best.score - as_is.score < policy.min_gain:
        return as_is
    return best


def _may_vote_legacy(line: str, policy: Policy) -> bool:
    """Whether ``best_reading`` could choose a legacy charset for a line: only one that may be legacy bytes,
    with enough voting words, not all of them well-formed already."""
    if line.isascii() or not _legacy_possible(line):
        return False
    voters = _voters(line)
    return len(voters) >= policy.min_words and score(voters) < 1.0


def _legacy_possible(line: str) -> bool:
    """Whether a line could be legacy bytes seen through cp1252/Latin-1: a letter outside them ("Ă", "ơ", "ạ")
    proves the line is Unicode already."""
    try:
        line.encode("cp1252")
    except UnicodeEncodeError:
        try:
            line.encode("latin-1")
        except UnicodeEncodeError:
            return False
    return True


def to_unicode(text: str, policy: Policy = POLICY) -> str:
    """TCVN3 or VNI text converted, anything else unchanged, decided line by line.

    A .docx may hold a header typed in Unicode above a body pasted from a .VnTime document, so each line with
    ``policy.min_words`` voting words decides for itself (``best_reading``); a line with a character neither
    cp1252 nor Latin-1 has ("Ă", "ơ", "ạ") is Unicode already and stays. A shorter line ("I. MôC TI£U") is
    converted to the charset most long lines chose when that makes its words read better, or as well when most
    long lines were converted.
    """
    lines = text.split("\n")
    if not any(_may_vote_legacy(line, policy) for line in lines):
        return text  # no line could choose a legacy charset, so none is converted (most files)
    decided: list[Reading | None] = []
    for line in lines:
        if not _legacy_possible(line):
            decided.append(Reading("unicode", line, 1.0))
            continue
        voters = _voters(line)
        decided.append(best_reading(line, policy) if len(voters) >= policy.min_words else None)
    voted = [r for r in decided if r is not None]
    chosen = Counter(r.charset for r in voted if r.charset != "unicode")
    fallback = chosen.most_common(1)[0][0] if chosen else None
    mostly_legacy = sum(chosen.values()) * 2 >= len(voted)
    out = []
    for line, reading in zip(lines, decided, strict=True):
        if reading is not None:
            out.append(reading.text)
        elif fallback is not None and _voters(line):
            converted = convert(line, fallback)
            before, after = score(_voters(line)), score(_voters(converted))
            # "quèc" is a syllable too: a tie goes to the charset most of the document is in
            out.append(converted if after > before or (after == before and mostly_legacy) else line)
        else:
            out.append(line)
    return "\n".join(out)


def text_score(text: str) -> float:
    """Share of well-formed syllables among a text's words with non-ASCII letters (NFC first)."""
    return score(_voters(unicodedata.normalize("NFC", text)))


def best_legacy_reading(data: bytes, policy: Policy = POLICY) -> Reading | None:
    """Bytes that are not UTF-8 read as TCVN3 or VNI, whichever makes Vietnamese; None when neither does."""
    best: Reading | None = None
    for charset in ("tcvn3", "vni"):
        text = decode_bytes(data, charset)
        reading = Reading(charset, text, text_score(text))
        if best is None or reading.score > best.score:
            best = reading
    if best is None or best.score < policy.min_score:
        return None
    return best
