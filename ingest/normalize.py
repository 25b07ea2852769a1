"""Normalise extracted text before any parsing.

Unicode NFC, one tone-placement convention, Ð→Đ, stray markdown removed,
spaces collapsed, and hard-wrapped lines re-joined into one line per
paragraph. The result is the "normalised source" every section span,
quote and citation refers to.

PDF extractions (kh-08-cdcd-soctrang-2026) separate wrapped lines by blank
lines, so blank lines cannot mark paragraphs; instead a line continues the
previous one unless it opens a new block (a numbering marker, a bullet, a
"Căn cứ…" clause), and a line that starts in lower case, or follows a line
that was cut off at the wrap width or on a function word, always continues.
"""

from __future__ import annotations

import re
import unicodedata

from core.text import place_tones

_CHAR_FIXES = str.maketrans(
    {
        "\u00d0": "Đ",  # Icelandic Eth, a common OCR/PDF confusion
        "\u00f0": "đ",
        "\u0189": "Đ",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u2009": " ",
        "\t": " ",
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\ufeff": None,
        "\u00ad": None,
        "\u2028": "\n",
        "\u2029": "\n",
        "\u2010": "-",
        "\u2011": "-",
        "\u2212": "-",
        "\uf0b7": "-",  # Symbol-font bullet from Word
        "\u25aa": "-",
        "\u25cf": "-",
        "\u2022": "-",
    }
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_MD_EMPHASIS = re.compile(r"\*\*|__")
_MD_HEADING = re.compile(r"^#{1,6}\s+", re.M)
_SPACES = re.compile(r"[ ]{2,}")

# A line that opens a new block: numbering, bullets, articles, preamble clauses, closing parts.
BLOCK_START = re.compile(
    r"^(?:"
    r"(?:[IVXL]+)\.\s"  # I. II. ... (Roman headings)
    r"|\d{1,2}(?:\.\d{1,2})*\.(?:\s|$)"  # 1.  1.1.  2.3.1.
    r"|\d{1,2}\.\d{1,2}(?:\.\d{1,2})*\s"  # 1.1 without the trailing dot
    r"|\d{1,2}\)\s"  # 1)
    r"|[a-zđ]\)\s"  # a) b) đ)
    r"|[-+–•*]\s?"  # bullets
    r"|(?:Điều|ĐIỀU)\s+\d+"
    r"|(?:Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\s+(?:[IVXL]+|\d+|thứ)"
    r"|(?:Căn cứ|CĂN CỨ|Thực hiện|Theo đề nghị|Xét đề nghị)\b"
    r"|(?:Nơi nhận|NƠI NHẬN|Trên đây)\b"
    r"|Số\s*:"
    r"|(?:KT|TM|TL|TUQ|Q)\.\s?[A-ZĐÀ-Ỹ]"
    r")"
)

# Words a Vietnamese phrase cannot end on: a line ending on one was cut mid-phrase.
FUNCTION_WORDS = frozenset(
    [
        "của",
        "và",
        "về",
        "với",
        "các",
        "những",
        "trong",
        "cho",
        "tại",
        "theo",
        "là",
        "được",
        "có",
        "để",
        "đến",
        "từ",
        "giữa",
        "hoặc",
        "như",
        "ở",
        "khi",
        "thì",
        "mà",
        "nhằm",
        "đối",
        "bằng",
        "qua",
        "do",
        "vào",
        "cùng",
        "hay",
        "nếu",
    ]
)
_ARTICLE_HEADING = re.compile(r"^(?:Điều|ĐIỀU)\s+\d+\.\s")
_TERMINAL = re.compile(r"[.;:!?…](?:[”\")\]]*)$")
_HYPHEN_CUT = re.compile(r"[0-9A-Za-zĐđ]-$")
_CONTINUATION_CHARS = frozenset('0123456789(,;.)”"%/&')


def _starts_continuation(line: str) -> bool:
    first = line[:1]
    return first.islower() or first in _CONTINUATION_CHARS


def normalize_text(raw: str) -> str:
    """Return the normalised source: NFC, fixed characters and tones, one paragraph per line."""
    text = unicodedata.normalize("NFC", raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_CHAR_FIXES)
    text = _CONTROL.sub("", text)
    text = _MD_EMPHASIS.sub("", text)
    text = _MD_HEADING.sub("", text)
    text = place_tones(text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = "\n".join(reflow(lines))
    return _fix_spacing(text)


def _fix_spacing(text: str) -> str:
    text = re.sub(r"\b([Ss]ố)(?=\d)", r"\1 ", text)  # "số124/2021" -> "số 124/2021"
    text = re.sub(r",(?=[^\W\d_])", ", ", text)  # ",ngày" -> ", ngày"
    text = re.sub(r"“\s+", "“", text)
    text = re.sub(r"\s+”", "”", text)
    text = re.sub(r"\s+([,;])", r"\1", text)
    return text


def is_all_caps(line: str) -> bool:
    """True for header and signature lines such as "KẾ HOẠCH" or "PHÓ HIỆU TRƯỞNG"."""
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 2 and all(not c.islower() for c in letters)


def wrap_width(lines: list[str]) -> int | None:
    """The width a hard-wrapped text was wrapped at, or None when lines are whole paragraphs."""
    lengths = sorted(len(line) for line in lines if line)
    if len(lengths) < 10:
        return None
    p90 = lengths[int(len(lengths) * 0.9)]
    near = sum(1 for n in lengths if n >= 0.8 * p90)
    if p90 <= 120 and near >= 0.3 * len(lengths):
        return p90
    return None


def _continues(prev: str, line: str, width: int | None) -> bool:
    """Whether ``line`` continues the paragraph whose last line is ``prev``."""
    if _HYPHEN_CUT.search(prev) and line[:1].isalnum() and not BLOCK_START.match(line):
        return True
    if BLOCK_START.match(line):
        return False
    if is_all_caps(prev) or _ARTICLE_HEADING.match(prev):
        if line[:1].islower():
            return True
        # header, signature and article headings end at a capitalised line, except a numbered heading in
        # capitals that the wrap cut: "I. NHIỆM VỤ … BẢO VỆ AN NINH" / "TRẬT TỰ NĂM HỌC"
        return bool(width) and is_all_caps(line) and bool(BLOCK_START.match(prev)) and _cut(prev, line, width or 0)
    if _starts_continuation(line):
        return True
    if _TERMINAL.search(prev):
        return False
    if not width:
        return False  # lines are whole paragraphs; only a lower-case start continues one
    wrapped = _cut(prev, line, width)
    if is_all_caps(line):
        return wrapped  # "ANTQ" cut off a wrapped heading; otherwise a header or signature line
    return wrapped or prev.rsplit(" ", 1)[-1].lower() in FUNCTION_WORDS


def _cut(prev: str, line: str, width: int) -> bool:
    """The wrap cut ``prev``: it is long, or the next word would not have fitted on it.

    Widths are counted in characters while PDFs wrap by glyph widths, hence the tolerance. The price: a
    heading without a final stop whose last line nearly fills the width takes in a capitalised line
    that follows it ("… an ninh" / "Tổ quốc phù hợp …" must join; a new sentence should not).
    """
    next_word = line.split(" ", 1)[0]
    return len(prev) >= 0.8 * width or len(prev) + 1 + len(next_word) >= 0.85 * width


def reflow(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines into paragraphs; blank lines are dropped."""
    width = wrap_width(lines)
    out: list[str] = []
    last_raw = ""
    for line in lines:
        if not line:
            continue
        if out and _continues(last_raw, line, width):
            joiner = "" if _HYPHEN_CUT.search(out[-1]) else " "
            out[-1] = out[-1] + joiner + line
        else:
            out.append(line)
        last_raw = line
    return out
