"""Typos in a question, corrected against the store's own vocabulary ("trj" -> "tri", "vein" -> "vien").

A word of three letters or more that no indexed unit contains by its folded form, typed with or without
diacritics ("vein", "phườngg", "khôg"), is replaced by the folded word one edit away (a letter deleted, inserted,
replaced, or two swapped) that the most units contain, first among those the store writes beside a word typed
next to it ("toi thiu": "thieu", though "thu" is commoner); a word with no such neighbour is left as typed (the refusal
check then sees an unknown word). A word typed with diacritics is corrected only when no Vietnamese syllable is
spelt so ("phườngg", "khôg": ``SYLLABLE``), and then first to a word the store writes with the very marks typed
("dụcc": "dục", though folded "duoc", được, is commoner); "vàng" in a store that never says it was meant as typed. One whose
folded form some unit holds is left alone even when no unit writes it with those marks: "cước" is not "cuộc" with a
slip (reading such words folded was tried: two development questions lost, none of the fresh probes' mistyped
tones gained). The vocabulary is the
document-frequency table the index keeps anyway, so nothing is loaded or downloaded.

    corrections("phong ctsv lam gi vein", frequencies)   # {"vein": "vien"}
    correct("phong ctsv lam gi vein", {"vein": "vien"})  # "phong ctsv lam gi vien"

A corrected question must then cover more of its words to be answered (the refusal check treats a corrected word
as it treats an unknown one), so "gia vang hom nay" does not become an answerable "gia van hop nay".

A word the store does not know that reads as Telex keystrokes the keyboard did not turn into letters ("hoox" for
"hỗ", "ddaauf" for "đầu", "khoong" for "không": vowels doubled, "w" after a vowel, "dd", a last tone letter that
no Vietnamese syllable ends with) is read as the word the store writes so (``telex``): a reading, not a guess, so
it asks no more coverage than the word typed right.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable

from core.text import has_diacritics
from retrieval.analyzer import fold_word, token_index
from retrieval.lexicon import lexicon

#: Letters a folded Vietnamese word is made of (no f, j, w, z): what a replacement or insertion may put.
LETTERS = "abcdeghiklmnopqrstuvxy"
CONSONANTS = "bcdđghklmnpqrstvx"
MIN_LENGTH = 3
#: How a Vietnamese syllable is spelt, folded: an onset, one to three vowels (no letter doubled but "oo", as in
#: "boong"), a coda ("phuong", "khong", "nghieng").
SYLLABLE = re.compile(
    r"^(?!.*(?:aa|ee|ii|uu|yy))(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$"
)

#: A word of the letters Vietnamese words open with, but vowels (a "y" may open "y tế"), that opens with no onset and
#: vowel ("ctv", "nvyt", "thpt"): initials, or a word mistyped with its vowel dropped ("khng"; ``_is_initials`` tells
#: them apart); a word keeping its vowels ("dnah") is neither, nor one with a telex key ("trj").
INITIALS = re.compile(
    r"^(?!(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy])[bcdghklmnpqrstvxy]{2,6}$"
)

Frequencies = Callable[[Iterable[int]], dict[int, int]]  # token indexes -> df of those that occur


def edits(word: str) -> set[str]:
    """Every string one edit away from ``word``."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in LETTERS if c != b[0]}
    inserts = {a + c + b for a, b in splits for c in LETTERS}
    return (deletes | swaps | replaces | inserts) - {word}


def corrections(text: str, frequencies: Frequencies, keep: Iterable[str] = ()) -> dict[str, str]:
    """Typed word -> its correction, for the words of ``text`` the store does not know (``keep``: never these)."""
    kept = set(keep)
    words = {
        w
        for w in re.findall(r"(?<![\w/-])[^\W\d_]+(?![\w/-])", text)
        # "BHYT", "QĐ-UBND" are codes; a word typed with diacritics was meant as typed ("vàng" in a store that
        # never says it) unless no Vietnamese syllable is spelt so ("phườngg", "khôg")
        if len(w) >= MIN_LENGTH and not w.isupper() and not (has_diacritics(w) and SYLLABLE.match(fold_word(w).lower()))
    }
    folded = {w: fold_word(w).lower() for w in words}
    unknown = [w for w in words if folded[w] not in kept]
    known = frequencies(token_index("f:" + folded[w]) for w in unknown)
    out: dict[str, str] = {}
    for w in unknown:
        if token_index("f:" + folded[w]) in known or _is_initials(folded[w], frequencies):
            continue
        if marked := _as_marked(w, frequencies):  # "dụcc": "dục", as its marks say, not the commoner "được"
            out[w] = marked
            continue
        candidates = sorted(edits(folded[w]))
        df = frequencies(token_index("f:" + c) for c in candidates)
        scored = [(df[token_index("f:" + c)], c) for c in candidates if token_index("f:" + c) in df]
        if scored:
            before, after = _beside(text, w)
            pairs = {
                c: [token_index(f"F:{a} {c}") for a in before] + [token_index(f"F:{c} {b}") for b in after]
                for _, c in scored
            }
            seen = frequencies(i for ids in pairs.values() for i in ids)
            # a neighbour the store writes beside the words typed around it first ("toi thiu": "thieu", not the
            # commoner "thu"), then the commonest
            out[w] = max(scored, key=lambda x: (sum(seen.get(i, 0) for i in pairs[x[1]]) > 0, x[0], x[1]))[1]
    return out


def _is_initials(word: str, frequencies: Frequencies) -> bool:
    """Whether a word is initials ("ctv", "nvyt"): spelt as no word is (``INITIALS``), and no word the store knows is
    it with one vowel put back ("khng" is "không" with its vowel dropped, "ngch" "ngạch")."""
    if not INITIALS.match(word):
        return False
    voweled = {word[:i] + v + word[i:] for i in range(1, len(word) + 1) for v in "aeiouy"}
    return not frequencies(token_index("f:" + c) for c in voweled)


def _beside(text: str, word: str) -> tuple[list[str], list[str]]:
    """The folded words typed right before and right after each place ``word`` is typed."""
    words = [fold_word(w).lower() for w in re.findall(r"[^\W_]+", text)]
    at = [i for i, w in enumerate(words) if w == fold_word(word).lower()]
    return [words[i - 1] for i in at if i > 0], [words[i + 1] for i in at if i + 1 < len(words)]


def _as_marked(word: str, frequencies: Frequencies) -> str | None:
    """A word typed with diacritics one slip away from a word the store writes with those very marks ("dụcc":
    "dục", "khôg": "không"): a letter deleted, two swapped, or a consonant put in or replaced (vowels carry the
    marks), the one most units contain."""
    if not has_diacritics(word):
        return None
    low = word.lower()
    splits = [(low[:i], low[i:]) for i in range(len(low) + 1)]
    candidates = sorted(
        {a + b[1:] for a, b in splits if b}
        | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        | {a + c + b for a, b in splits for c in CONSONANTS}
        | {a + c + b[1:] for a, b in splits if b and b[0] in CONSONANTS for c in CONSONANTS if c != b[0]}
    )
    df = frequencies(token_index("w:" + c) for c in candidates)
    scored = [(df[token_index("w:" + c)], c) for c in candidates if token_index("w:" + c) in df]
    return max(scored)[1] if scored else None


#: Telex keystrokes: a doubled or "w"-marked vowel, "dd", and the tone a last letter types.
_TELEX_LETTERS = (
    ("uow", "ươ"),
    ("aa", "â"),
    ("ee", "ê"),
    ("oo", "ô"),
    ("aw", "ă"),
    ("ow", "ơ"),
    ("uw", "ư"),
    ("dd", "đ"),
)
_TELEX_TONES = {"s": "\u0301", "f": "\u0300", "r": "\u0309", "x": "\u0303", "j": "\u0323"}
_VOWELS = "aeiouyâăêôơư"


def telex(text: str, frequencies: Frequencies) -> dict[str, str]:
    """Typed word -> the word its Telex keystrokes spell, for the words of ``text`` the store does not know that
    read so ("hoox": "hỗ"); the tone goes on whichever vowel the store writes it on."""
    out: dict[str, str] = {}
    for w in set(re.findall(r"(?<![\w/-])[^\W\d_]+(?![\w/-])", text)):
        low = w.lower()
        if len(low) < MIN_LENGTH or has_diacritics(low) or frequencies([token_index("f:" + low)]):
            continue
        if (read := _telex_word(low, frequencies)) is not None:
            out[w] = read
    return out


def glued(text: str, frequencies: Frequencies) -> dict[str, str]:
    """Typed word -> the two words it is typed for without the space between them ("tructhuoc": "truc thuoc"), for
    the words of ``text`` the store does not know that split into two syllables the store writes side by side (the
    pair most units write, when several splits do): a reading, as Telex keystrokes are, not a guess."""
    out: dict[str, str] = {}
    for w in set(re.findall(r"(?<![\w/-])[^\W\d_]+(?![\w/-])", text)):
        low = fold_word(w).lower()
        if len(low) < 2 * MIN_LENGTH - 1 or w.isupper() or SYLLABLE.match(low):
            continue
        if frequencies([token_index("f:" + low)]):
            continue
        splits = [
            (low[:i], low[i:]) for i in range(2, len(low) - 1) if SYLLABLE.match(low[:i]) and SYLLABLE.match(low[i:])
        ]
        df = frequencies(token_index(f"F:{a} {b}") for a, b in splits)
        written = [(df[token_index(f"F:{a} {b}")], len(a)) for a, b in splits if token_index(f"F:{a} {b}") in df]
        if written:
            at = max(written)[1]
            out[w] = f"{w[:at]} {w[at:]}" if len(w) == len(low) else f"{low[:at]} {low[at:]}"
    return out


def _telex_word(word: str, frequencies: Frequencies) -> str | None:
    tone = _TELEX_TONES.get(word[-1])
    base = word[:-1] if tone else word
    for keys, letter in _TELEX_LETTERS:
        base = base.replace(keys, letter)
    if base == word or not SYLLABLE.match(fold_word(base)) or any(k in base for k in "fjwz"):
        return None
    spots = [i for i, c in enumerate(base) if c in _VOWELS] if tone else [-1]
    candidates = [unicodedata.normalize("NFC", base[: i + 1] + tone + base[i + 1 :]) if tone else base for i in spots]
    df = frequencies(token_index("w:" + c) for c in candidates)
    scored = [(df[token_index("w:" + c)], c) for c in candidates if token_index("w:" + c) in df]
    return max(scored)[1] if scored else None


def correct(text: str, fixes: dict[str, str]) -> str:
    """The text with the words of ``fixes`` (see ``corrections``) replaced."""
    if not fixes:
        return text
    return re.sub(r"(?<![\w/-])[^\W\d_]+(?![\w/-])", lambda m: fixes.get(m.group(0), m.group(0)), text)


def romans(text: str, frequencies: Frequencies) -> str:
    """Numbers typed in digits where the store writes Roman numerals, written so ("đại hội 14": "đại hội XIV",
    "khóa 15": "khóa XV"): after a cue of the lexicon's ``roman_terms``, unless the store writes the cue's last word
    before the digits or a counted noun follows ("khóa 10 ngày"), when the store writes that word before the
    numeral, or, after a cue of two words or more and from ``roman_alone`` on, writes the numeral at all (a
    title's "ĐẠI HỘI" / "XIV CỦA ĐẢNG" broken over two lines)."""
    lx = lexicon()
    counted = lx.counted_nouns | lx.measures

    def written(m: re.Match[str]) -> str:
        n = int(m.group(2))
        after_words = m.string[m.end() :].split(maxsplit=1)
        if not lx.roman_range[0] <= n <= lx.roman_range[1] or (
            after_words and fold_word(after_words[0].strip(".,;:?!")).lower() in counted
        ):
            return m.group(0)
        numeral = _roman(n)
        cue = m.group(1).split()
        word = fold_word(cue[-1]).lower()
        typed, after = token_index(f"F:{word} {n}"), token_index(f"F:{word} {numeral.lower()}")
        alone = token_index(f"f:{numeral.lower()}")
        seen = frequencies([typed, after, alone])
        read = typed not in seen and (after in seen or (len(cue) > 1 and n >= lx.roman_alone and alone in seen))
        return m.group(1) + numeral if read else m.group(0)

    return lx.roman_after.sub(written, text)


def _roman(n: int) -> str:
    """14 -> "XIV" (up to 39)."""
    tens, units = divmod(n, 10)
    return "X" * tens + ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"][units]
