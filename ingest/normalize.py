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
from itertools import pairwise

from core.text import INVISIBLE, SPACES, UPPER, place_tones
from ingest.lexicon import lexicon
from ingest.numbering import classify
from ingest.table_rows import table_rows
from ingest.wrapped_names import Unbroken, name_cut, name_pairs, title_word

_CHAR_FIXES = (
    str.maketrans(
        {
            "\u00d0": "Đ",  # Icelandic Eth, a common OCR/PDF confusion
            "\u00f0": "đ",
            "\u0189": "Đ",
            "\t": " ",
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
    | INVISIBLE
    | SPACES
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_MD_EMPHASIS = re.compile(r"\*\*|__")
_MD_HEADING = re.compile(r"^#{1,6}\s+", re.M)
_SPACES = re.compile(r"[ ]{2,}")

# A line that opens a new block: numbering, bullets, articles, preamble clauses, closing parts.
BLOCK_START = re.compile(
    r"^(?:"
    r"(?:[IVXL]+)\.(?:\s|$)"  # I. II. ... (Roman headings)
    r"|[IVXL]+\s?[-–]\s|\d{1,3}[-–]\s+(?=[^\W\d_])"  # I- II-, 1- 2- (Party documents; not "3- 5 ngày")
    r"|\d{1,3}(?:\.\d{1,2})*\.(?:\s|$)"  # 1.  1.1.  2.3.1.  127.
    r"|\d{1,2}\.\d{1,2}(?:\.\d{1,2})*\)?\s"  # 1.1 without the trailing dot, 1.1)
    rf"|\d{{1,2}}\.\d{{1,2}}\.(?=[{UPPER}])"  # 2.4.Tủ sách (no space)
    r"|\d{1,2}\)\s"  # 1)
    r"|[a-zđ]\)(?:\s|$)"  # a) b) đ)
    r"|(?:[IVXL]+|\d{1,3}|[a-zđ])/\s"  # I/ 1/ a/ (numbers written with a slash)
    rf"|[a-zđ]\.\s+[{UPPER}]"  # a. b. (points written with a full stop)
    r"|[-+–•*]\s?"  # bullets
    rf"|o\s(?=[{UPPER}])"  # Word's second-level bullet, a letter "o" ("o Bám sát nhiệm vụ …")
    r"|(?:Điều|ĐIỀU)\s+\d+"
    r"|(?:Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\s+(?:[IVXL]+|\d+|thứ)"
    r"|(?:Căn cứ|CĂN CỨ|Thực hiện|Theo đề nghị|Xét đề nghị)\b"
    r"|(?:Nơi nhận|NƠI NHẬN|Nơi gửi|NƠI GỬI|Trên đây|Kính gửi|KÍNH GỬI)\b"
    r"|(?:Số|SỐ)\s*:"
    r"|[Vv]/[Vv]\s"  # a công văn's summary, "v/v …" typed in lower case too
    r"|(?:KT|TM|TL|TUQ|Q)\.\s?[A-ZĐÀ-Ỹ]"
    r")"
)

#: A month alone on its line ("9/2025", "Tháng 10/2025"): a cell of a timetable the table reader did not rebuild.
_LONE_MONTH = re.compile(r"(?:Tháng\s+)?(?:\d{1,2}\s?[-–]\s?)?\d{1,2}/\d{4}\s*$")
#: Words a date wrapped before its month ends on ("… trước ngày 15 tháng" / "12/2025"): the month continues it.
_BEFORE_MONTH = frozenset({"tháng", "ngày", "từ", "đến", "tới", "năm"})

#: Blank lines as many as this share of the other lines or more are a PDF extraction's, one between every two
#: wrapped lines (kh-pgddt-mytu: 0.52); typed texts whose blank lines mark paragraphs have fewer (the wide and
#: unseen documents: 0.18 to 0.36).
PARAGRAPH_BLANKS = 0.4
#: A numbered heading of at most this many words that ends on a function word ("1- Kết quả đạt được") ends at a
#: blank line; a longer line ending so is a sentence wrapped across a page break.
HEADING_WORDS = 8
#: Function words that also close a phrase ("đạt được", "nhà ở"), unlike "của", "các", "và": a short numbered
#: heading ending on one ends at a blank line.
PHRASE_CLOSING = frozenset({"được", "ở"})

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
#: Capital lines that open an appendix, never the rest of a numbered heading.
_APPENDIX_LINE = re.compile(r"^(?:PHỤ LỤC|DANH MỤC)\b")
#: Parts whose heading is written in capitals after a mixed-case marker ("Mục 1. GIÁO DỤC …").
_PART_KINDS = frozenset({"phan", "chuong", "muc"})
_RULE = re.compile(r"^[-_=–—]{3,}$")
#: A line opening with an article's number, and what a line ends with when a reference to it was cut after it.
_ARTICLE_REF = re.compile(r"^(?:Điều|ĐIỀU)\s*\d+")
_REFERENCE_CUT = re.compile(r"\b(?:khoản \d+|điểm [a-zđ]|tại|của|theo|và|hoặc)$")
_ARTICLE_HEADING = re.compile(r"^(?:Điều|ĐIỀU)\s*\d+\s*[.:]\s")
_ROMAN_CELL = re.compile(r"^[IVX]{1,5}$")
_BULLETS = ("- ", "+ ", "– ", "• ")
#: How much longer than the document's first-line width an indented bullet's first line may be (glyph widths vary).
FIRST_LINE_SLACK = 1.15
_TERMINAL = re.compile(r"[.;:!?…](?:[”\")\]]*)$")
_YEAR_SPAN = re.compile(r"\d{4}(?![\d/])")
_HYPHEN_CUT = re.compile(r"[0-9A-Za-zĐđ]-$")
_CONTINUATION_CHARS = frozenset('0123456789(,;.)”"%/&')
# A marker whose text is on the next line: "Điều" / "1. Ban hành …", "Số:" / "08/KH-…", "3." / "Quyết định …".
_BARE_WORD = re.compile(r"^(?:Điều|ĐIỀU|Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN|(?:Luật\s+)?[Ss]ố\s*:?|Luật số)$")
_BARE_MARKER = re.compile(
    r"^(?:(?:Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\s+(?:[IVXL]+|\d+)\s*[.:]?|(?:Điều|ĐIỀU)\s*\d{1,3}\s*[.:]|[IVXL]+\s*[.\-–]|\d{1,3}(?:\.\d{1,2})*\s*[.)]"
    r"|[a-zđ]\)|[-+–•])$"
)
# Clauses that run to their terminal punctuation however they are wrapped.
_SENTENCE_OPENER = re.compile(r"^(?:-\s*)?(?:Căn cứ|Theo đề nghị|Xét đề nghị|Thực hiện|Trên đây)\b")
# "Chương IQUY ĐỊNH CHUNG": a chapter number glued to its heading.
_GLUED_CHAPTER = re.compile(r"^((?:Chương|CHƯƠNG)\s+[IVXL]+)(?=[A-HJKMNOPQRSTUWYZĐÀ-Ỹ][A-ZĐÀ-Ỹ])", re.M)
_DOC_TYPE_LINE = re.compile(
    r"^(?:KẾ HOẠCH|THÔNG TƯ|CHỈ THỊ|QUYẾT ĐỊNH|NGHỊ ĐỊNH|NGHỊ QUYẾT|LUẬT|QUY ĐỊNH|QUY CHẾ|HƯỚNG DẪN|CÔNG VĂN"
    r"|BÁO CÁO|THÔNG BÁO|CHƯƠNG TRÌNH|ĐỀ ÁN|PHƯƠNG ÁN|PHỤ LỤC|DANH MỤC)\b"
)


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
    lines = [_GLUED_CHAPTER.sub(r"\1 ", line) for line in lines]
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
    letters = 0
    for c in line:
        if c.isalpha():
            if c.islower():
                return False  # most lines stop at their second letter
            letters += 1
    return letters >= 2


def wrap_width(lines: list[str]) -> int | None:
    """The width a hard-wrapped text was wrapped at, or None when lines are whole paragraphs."""
    lengths = sorted(len(line) for line in lines if line)
    if len(lengths) < 10:
        return None
    p90 = lengths[int(len(lengths) * 0.9)]
    near = sum(1 for n in lengths if n >= 0.8 * p90)
    if p90 <= 120 and near >= 0.3 * len(lengths):
        return p90
    # fewer lines run to the width (a PDF's header, short "Căn cứ" lines and table cells between), but hardly any
    # line runs past it: a ceiling no whole paragraph keeps to
    over = sum(1 for n in lengths if n > 1.1 * p90)
    if 60 <= p90 <= 120 and near >= 0.2 * len(lengths) and over <= 0.01 * len(lengths):
        return p90
    return None


def _words(line: str) -> int:
    return line.count(" ") + 1


def _caps_continues(para: str, prev: str, line: str, width: int | None) -> bool:
    """Whether an all-capitals line ``line`` continues the capitals line ``prev`` (a wrapped heading or name).

    Header and signature lines are separate lines in capitals, so only these join: a numbered heading cut
    at the wrap ("II. NỘI" / "DUNG"), a line of one word ("CHÍNH" / "PHỦ", "PHÁT" / "TRIỂN KINH TẾ SỐ …"),
    and one word left over ("UBND THÀNH PHỐ HÀ" / "NỘI").
    """
    if _DOC_TYPE_LINE.match(para) or _ROMAN_CELL.match(prev):
        return False  # a type line, or a table's group number ("II" / "HỖ TRỢ …")
    if (own := classify(line)) is not None and own.kind in (*_PART_KINDS, "lettered"):
        return False  # a part's own heading after one: "PHẦN I. DANH MỤC …" / "A. THỦ TỤC HÀNH CHÍNH CẤP TỈNH"
    marker = classify(para)
    if " " in line and marker is not None and marker.rest.startswith(line):
        return False  # the heading written again, as a scrape repeats a chapter's ("Chương I QUY ĐỊNH CHUNG" / …)
    numbered = classify(prev) is not None or marker is not None
    if _DOC_TYPE_LINE.match(line) and (not numbered or _APPENDIX_LINE.match(line)):
        return False  # a header's type line; after a numbered heading, its words ("V. CHẾ ĐỘ" / "BÁO CÁO")
    if numbered:
        return not _TERMINAL.search(prev)
    if (" " not in para and para == prev) or " " not in line:
        return not _TERMINAL.search(prev)
    return bool(width) and numbered and _cut(prev, line, width or 0)


def _caps_heading(line: str) -> bool:
    """A line in capitals, or a part's heading whose text after the marker is ("Mục 1. GIÁO DỤC THỂ CHẤT")."""
    if is_all_caps(line):
        return True
    marker = classify(line)
    return bool(marker and marker.kind in _PART_KINDS and is_all_caps(marker.rest))


def first_line_width(lines: list[str], width: int | None) -> int | None:
    """The width a bullet's first line wraps at, when the text indents it (a PDF's first-line indent: "- Sở Văn hóa,
    Thể thao và Du lịch phối hợp với Ban" / "Tuyên giáo …", 50 characters in a text wrapped at 80): the median
    length of the bullet first lines a lower-case line continues, when there are five, it is short of ``width``
    and the lines continuing them are not; else None."""
    if not width:
        return None
    pairs = [
        (len(a), len(b))
        for a, b in pairwise(lines)
        if a.startswith(_BULLETS) and b[:1].islower() and not _TERMINAL.search(a) and not BLOCK_START.match(b)
    ]
    if len(pairs) < 5:
        return None
    firsts, nexts = sorted(a for a, _ in pairs), sorted(b for _, b in pairs)
    typical = firsts[len(firsts) // 2]
    # the lines continuing them run to the full width (in a table's narrow cells every line is short: no indent)
    return typical if typical < 0.8 * width <= nexts[len(nexts) // 2] else None


def _continues(
    para: str,
    prev: str,
    line: str,
    nxt: str | None,
    width: int | None,
    names: frozenset[tuple[str, str]] = frozenset(),
    first: int | None = None,
    unbroken: Unbroken | None = None,
    apart: bool = False,
) -> bool:
    """Whether ``line`` continues the paragraph ``para`` whose last raw line is ``prev``; ``nxt`` follows.

    ``names`` holds the pairs of capitalised words the document writes side by side on one line ("Đồng Nai");
    ``first`` is the width an indented bullet's first line wraps at (``first_line_width``); ``apart``: a blank
    line stands between them in a document whose blank lines mark paragraphs (not one between every wrapped line).
    """
    if _BARE_WORD.match(prev):
        # a lower-case "số" alone is a wrapped heading's last word ("4. Phát triển nền tảng, ứng dụng" / "số"),
        # not a number's marker, when numbering follows ("4.1. Ứng dụng …")
        return not (prev == "số" and BLOCK_START.match(line))
    if (_BARE_MARKER.match(prev) and para.startswith(prev)) or _BARE_MARKER.match(para):  # "Chương" / "I" / "…"
        return classify(line) is None and not line.startswith(("-", "+", "–", "•"))
    if _HYPHEN_CUT.search(prev) and line[:1].isalnum() and not BLOCK_START.match(line):
        return True
    if _ARTICLE_REF.match(line) and not _ARTICLE_HEADING.match(line) and _REFERENCE_CUT.search(prev):
        return True  # a cross-reference cut at the wrap: "… quy định tại khoản 2" / "Điều 3 Nghị định này."
    if _dash_continues(para, prev, line, nxt, width, unbroken):
        return True
    if BLOCK_START.match(line) or _ROMAN_CELL.match(line):
        return False
    last = prev.rsplit(" ", 1)[-1].lower()
    if _LONE_MONTH.match(line) and last not in _BEFORE_MONTH and last not in FUNCTION_WORDS:
        return False  # a month alone on its line is a timetable's cell ("9/2025"), no wrapped date's end
    if prev.count("(") > prev.count(")") and line.count(")") > line.count("("):
        return True  # a bracket opened closes on the next line: "5. Các chủ rừng là tổ chức (các" / "Ban quản lý …)"
    if _RULE.match(prev) or _RULE.match(line):
        return False  # a rule under the masthead ("-------" / "Luật số:") belongs to no paragraph
    caps = _caps_heading(prev)
    if caps or _ARTICLE_HEADING.match(prev):
        if line[:1].islower() or (not caps and prev.endswith(",")):
            return True  # "Điều 3. Bộ trưởng," / "Thủ trưởng cơ quan ngang bộ, …": a heading never ends at a comma
        if caps and is_all_caps(line):
            return _caps_continues(para, prev, line, width)
        # article headings end at a capitalised line, unless a phrase the document writes whole was cut there
        return bool(
            unbroken and _ARTICLE_HEADING.match(prev) and not _TERMINAL.search(prev) and unbroken.across(prev, line)
        )
    if line.startswith(("“", '"')) and prev.endswith(":"):
        return False  # a quotation opens: "… như sau:" / "“Điều 9. …"
    if para.startswith("(") and prev.endswith(")"):
        return False  # a parenthesised line closes itself: "(Ban hành kèm theo Công văn số …)" / "TIÊU CHÍ"
    if _starts_continuation(line):
        return True
    if _TERMINAL.search(prev):
        return False
    if _words(line) <= 3 and _TERMINAL.search(line) and not is_all_caps(line):
        return True  # "… Ngân hàng Nhà nước Việt" / "Nam;": a sentence's last words
    if _SENTENCE_OPENER.match(para) and not is_all_caps(line):
        return True  # a "Căn cứ …" clause runs to its ";"
    if prev.rsplit(" ", 1)[-1].lower() in FUNCTION_WORDS:
        # not a numbered heading ending on one ("1- Kết quả đạt được") before a blank line and a capitalised line
        heading = para == prev and BLOCK_START.match(para) and not para.startswith(_BULLETS)
        closing = prev.rsplit(" ", 1)[-1].lower() in PHRASE_CLOSING and _words(prev) <= HEADING_WORDS
        return not (apart and heading and closing and line[:1].isupper())
    if (prev.rsplit(" ", 1)[-1].rsplit("/", 1)[-1], line.split(" ", 1)[0].rstrip(",:;")) in names:
        # a name cut at the wrap: "… tỉnh Đồng" / "Nai …", "Ngân hàng Nhà nước Việt" / "Nam …", after a slash too
        # ("- Phó Chủ tịch Hội đồng/Phó" / "Trưởng ban": "Phó Trưởng ban" is written whole elsewhere)
        return True
    if name_cut(prev, line):
        return True  # a list of names after a colon cut inside one: "… gồm 09 phường: Hai Bà" / "Trưng, Cửa Nam, …"
    if (
        BLOCK_START.match(para)
        and _words(line) <= 3
        and not is_all_caps(line)
        and (nxt is None or BLOCK_START.match(nxt))
    ):
        return True  # "2.5. Sở" / "Y tế" / "- …": the last words of a wrapped heading
    if (
        para == prev
        and BLOCK_START.match(prev)
        and not prev.startswith(_BULLETS)
        and _name_across(prev, line, unbroken)
    ):
        return True  # a heading cut inside a name it writes whole elsewhere: "c) … Thư viện thành phố" / "Đà Nẵng tổ chức …"
    if not width:
        return False  # lines are whole paragraphs; only a lower-case start continues one
    if (
        first
        and para == prev
        and prev.startswith(_BULLETS)
        and len(prev) <= FIRST_LINE_SLACK * first  # an indented first line, not a bullet running to the full width
        and not is_all_caps(line)  # "PHỤ LỤC", "CHỦ TỊCH": a heading or a signature
        and len(prev) + 1 + len(line.split(" ", 1)[0]) > first
    ):
        return True  # an indented bullet's first line, the next word not fitting: "… phối hợp với Ban" / "Tuyên …"
    if apart and line[:1].isupper() and BLOCK_START.match(para) and not para.startswith(_BULLETS):
        return False  # a blank line marks a paragraph: a long numbered heading before it is no wrap (no stop)
    wrapped = _cut(prev, line, width)
    if is_all_caps(line):
        return wrapped  # "ANTQ" cut off a wrapped heading; otherwise a header or signature line
    return wrapped


def _name_across(prev: str, line: str, unbroken: Unbroken | None) -> bool:
    """Whether the break between ``prev`` and ``line`` falls inside a proper name the document writes unbroken
    elsewhere: the words either side written together, and a capitalised name going on across the break ("thành
    phố" / "Đà Nẵng …", "Hội khỏe" / "Phù Đổng"); not a capitalised sentence after a heading ("Thời gian thực hiện"
    / "Đợt thi đua …", though "thực hiện Đợt thi đua" is written elsewhere)."""
    words = [w.strip(',.;:()“”"') for w in line.split()[:2]]
    last = prev.split()[-1] if prev.split() else ""
    named = len(words) == 2 and title_word(words[0]) and (title_word(words[1]) or title_word(last))
    return bool(named and unbroken and unbroken.across(prev, line))


def _dash_continues(
    para: str, prev: str, line: str, nxt: str | None, width: int | None, unbroken: Unbroken | None
) -> bool:
    """A wrapped line opening with the dash of two words joined, not a bullet, after a line ending no clause nor item
    (";", ".", ","): the later year of a span ("giai đoạn 2026" / "- 2030 phấn đấu …", unless the next line is
    another year's bullet: "- 2027: …"); or, after a line that is no heading nor short item of its own ("2. Nội dung
    tuyên truyền" / "- tuyên truyền …", "II. THÀNH PHẦN" / "- đại diện …"), a word in lower case ("… phát triển kinh
    tế" / "- xã hội …"), the second half of a name joined by a dash (lexicon ``dash_compounds``: "Ban Văn hóa" / "-
    Xã hội …") or words the document writes across the break unbroken elsewhere ("Phòng Thi đua" / "- Khen
    thưởng")."""
    if not line.startswith(("- ", "– ")) or _TERMINAL.search(prev) or prev.endswith(","):
        return False
    after, before = line[2:].split(), prev.split()
    if len(after) < 2 or not before:
        return False
    year = _YEAR_SPAN.match(after[0])
    if year and before[-1].isdigit() and len(before[-1]) == 4:
        spans = 0 < int(year.group(0)) - int(before[-1]) <= 10
        return spans and not (nxt and nxt.startswith(("- ", "– ")) and _YEAR_SPAN.match(nxt[2:]))
    short = para == prev and BLOCK_START.match(prev) and not (width and _cut(prev, line, width))
    if short or _caps_heading(prev) or len(after[0]) < 2:  # "- a = tổng số …": a formula's terms
        return False
    if after[0][:1].islower():
        return True
    halves = (" ".join(before[-2:]).lower(), " ".join(after[:2]).lower().rstrip(",.;:"))
    return halves in lexicon().dash_compounds or bool(unbroken and unbroken.across(prev, line))


def _cut(prev: str, line: str, width: int) -> bool:
    """The wrap cut ``prev``: it is long, or the next word would not have fitted on it.

    Widths are counted in characters while PDFs wrap by glyph widths, hence the tolerance. The price: a
    heading without a final stop whose last line nearly fills the width takes in a capitalised line
    that follows it ("… an ninh" / "Tổ quốc phù hợp …" must join; a new sentence should not).
    """
    next_word = line.split(" ", 1)[0]
    return len(prev) >= 0.8 * width or len(prev) + 1 + len(next_word) >= 0.85 * width


def reflow(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines into paragraphs; blank lines are dropped. Linear in the input."""
    width = wrap_width(lines)
    present: list[str] = []
    gaps: set[int] = set()  # indices in ``present`` of the lines a blank line comes before
    for line in lines:
        if line:
            present.append(line)
        elif present:
            gaps.add(len(present))
    if len(lines) - len(present) >= PARAGRAPH_BLANKS * len(present):
        gaps = set()  # a PDF extraction's blank line between every wrapped line marks no paragraph
    names = name_pairs(present)
    unbroken = Unbroken(present)
    first = first_line_width(present, width)
    rows = table_rows(present, BLOCK_START)  # a table's header and rows, one cell a line: one line each
    paras: list[list[str]] = []
    last_raw = ""
    i = 0
    while i < len(present):
        line = present[i]
        if i in rows:
            paras.append([" ".join(present[i : rows[i]])])
            last_raw, i = "", rows[i]
            continue
        nxt = present[i + 1] if i + 1 < len(present) else None
        # how the paragraph so far opens (bare markers: "Chương" / "I" / "QUY ĐỊNH CHUNG"), bounded for long ones
        para = "".join(paras[-1][:3]) if paras else ""
        apart = i in gaps
        if paras and last_raw and _continues(para, last_raw, line, nxt, width, names, first, unbroken, apart):
            joiner = "" if _HYPHEN_CUT.search(paras[-1][-1]) else " "
            paras[-1].append(joiner + line)
        else:
            paras.append([line])
        last_raw = line
        i += 1
    return [part for p in paras for part in _next_points("".join(p))]


#: The letters of points (điểm) in order: "đ" follows "d", "g" follows "e" (no "f").
POINT_LETTERS = "abcdđeghiklmnopqrstuvxy"


def _next_points(para: str) -> list[str]:
    """A point whose marker the scrape left inside the point before it ("e) Đào kênh … khi cần thiết. g) Các
    biện pháp …"): split where, after a sentence ends, the marker of the next letter opens a capitalised text."""
    m = re.match(r"([a-zđ])\)\s", para)
    if not m or m.group(1) not in POINT_LETTERS[:-1]:
        return [para]
    nxt = POINT_LETTERS[POINT_LETTERS.index(m.group(1)) + 1]
    cut = re.search(rf"(?<=[.;])\s+(?={nxt}\)\s+[{UPPER}])", para)
    if cut is None:
        return [para]
    return [para[: cut.start()], *_next_points(para[cut.end() :])]
