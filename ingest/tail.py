"""The end of a document's main text: closing ("Trên đây là …"), "Nơi nhận" and the signature block.

A signature is one to four title lines (KT./TM./T/M …, or a position such as
"PHÓ CHỦ TỊCH") and then the signer's name, maybe after "(Đã ký)". Scrapes put
it before or after "Nơi nhận"; decisions carry attached texts and appendices
after it, so the search stops where those begin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from core.types import Section
from ingest.lexicon import lexicon
from ingest.normalize import is_all_caps
from ingest.numbering import classify
from ingest.outline import Line

SIGN_PREFIX = re.compile(r"^(?:KT|TM|TL|TUQ|Q|K/T|T/M|T/L)\s*[./]?\s*(?=[A-ZĐÀ-Ỹ])")
#: The prefix alone on its line, the body or title it signs for on the next ("TM." / "ỦY BAN NHÂN DÂN").
_BARE_PREFIX = re.compile(r"^(?:KT|TM|TL|TUQ|K/T|T/M|T/L)\s*[./]?$")
_RANKS = re.compile(
    r"^(?:(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy)|(?:GS|PGS|TS|ThS|BS|KS|NGƯT|NGND)\.?(?:\s*TS\.?)?|Ông|Bà)\s+",
    re.I,
)
#: A line between a signature's titles and its name: "(Đã ký)", "Đã ký", "(Ký tên, đóng dấu)", or a bare page
#: number a PDF left there ("3").
_SIGNED = re.compile(r"^(?:\((?:Đã ký|đã ký|Ký tên[^)]*|ký, ghi rõ[^)]*|Ký, đóng dấu[^)]*)\)|Đã ký|\d{1,3})\.?$", re.I)


def signed_mark(line: str) -> bool:
    """Whether a signature's line only marks the signing ("(Đã ký)", "(Ký tên, đóng dấu)", a bare page number)."""
    return bool(_SIGNED.match(line.strip()))


_CLOSING = re.compile(r"^(?:Trên đây\b|(?:Luật|Bộ luật|Nghị quyết|Pháp lệnh) này (?:đã )?được .{0,80}thông qua\b)")
_RECIPIENTS = re.compile(r"^Nơi (?:nhận|gửi)\b", re.I)  # "Nơi gửi" in some offices' letters
PASSED_ON = re.compile(r"thông qua ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})")


@dataclass(frozen=True)
class Signature:
    start: int  # index of its first line
    end: int  # index after its last line
    signer: str | None
    titles: tuple[str, ...]  # "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"

    @property
    def title(self) -> str | None:
        return " ".join(self.titles) or None


@dataclass(frozen=True)
class Tail:
    start: int  # index of the first line after the main body
    parts: list[Section]
    signature: Signature | None


def is_name(text: str) -> bool:
    """A person's name: two to seven capitalised words, no digits or punctuation."""
    words = text.split()
    return (
        2 <= len(words) <= 7
        and not any(c.isdigit() for c in text)
        and not re.search(r"[,;:()/“”\"]", text)
        and all(w[0].isupper() for w in words)
    )


def _is_title(text: str) -> bool:
    if SIGN_PREFIX.match(text):
        return True
    if not is_all_caps(text) or len(text.split()) > 9 or text.startswith(("-", "+")) or classify(text):
        return False
    lx = lexicon()
    alone = any(text == t or text.startswith(t + " ") for t in lx.signing_alone)  # "THƯ KÝ HỘI NGHỊ", not "TỔ THƯ KÝ"
    return any(t in text for t in lx.signing_titles) or alone or text in ("QUỐC HỘI", "CHÍNH PHỦ")


def _signs_for(text: str) -> bool:
    """A line a signature's prefix may stand above: a body or a position in capitals ("ỦY BAN NHÂN DÂN")."""
    return is_all_caps(text) and len(text.split()) <= 9 and not text.startswith(("-", "+")) and not classify(text)


def _signature_at(lines: list[Line], i: int) -> Signature | None:
    """A signature whose name is line ``i``."""
    raw = lines[i].text.strip()
    name = _RANKS.sub("", raw).strip()
    if not is_name(name) or SIGN_PREFIX.match(name) or _is_title(name):
        return None
    j = i - 1
    while j >= 0 and _SIGNED.match(lines[j].text.strip()):
        j -= 1
    titles: list[str] = []
    while j >= 0 and len(titles) < 4:
        text = lines[j].text.strip()
        if _is_title(text):
            titles.insert(0, text)
            j -= 1
        elif j >= 1 and _BARE_PREFIX.match(lines[j - 1].text.strip()) and _signs_for(text):
            titles.insert(0, f"{lines[j - 1].text.strip()} {text}")  # a scrape cut "TM. ỦY BAN NHÂN DÂN" in two
            j -= 2
        else:
            break
    if not titles:
        return None
    signer = name.title() if is_all_caps(name) else name
    return Signature(start=j + 1, end=i + 1, signer=signer, titles=tuple(titles))


def find_signature(lines: list[Line], start: int, stop: int) -> Signature | None:
    """The last signature in ``lines[start:stop]``, the main text's, its block from where it begins
    (``_block_start``)."""
    for i in range(stop - 1, start, -1):
        sig = _signature_at(lines, i)
        if sig is not None:
            return replace(sig, start=_block_start(lines, start, sig))
    return None


def _block_start(lines: list[Line], start: int, sig: Signature) -> int:
    """Where a signature's block begins: at its titles, or at the body it signs for written in capitals above them
    ("SỞ Y TẾ" over "KT. GIÁM ĐỐC", "TRƯỜNG THCS …" over "HIỆU TRƯỞNG") after a line that ends a sentence; and at
    the first of the signatures of a text two bodies sign ("chương trình phối hợp", "kế hoạch liên tịch"), side by
    side in print, one after another in the text, each maybe under its body's name."""
    begin = sig.start
    while begin - 1 > start:
        text = lines[begin - 1].text.strip()
        named = _signs_for(text) and not text.endswith((".", ";", ":", ","))  # a body's name, no clause or list line
        above = begin - 1 if named else begin
        prev = _signature_at(lines, above - 1) if above - 1 > start else None
        if prev is not None:  # another body's signature just before
            begin = prev.start
            continue
        if above < begin and lines[above - 1].text.rstrip().endswith("."):  # after a sentence ("…./."), not a lead
            begin = above
        break
    return begin


def parse_tail(lines: list[Line], body_start: int, stop: int) -> Tail:
    """Closing, recipients and signature of the main text, which ends before ``stop`` (its attachments)."""
    closing = next((i for i in range(body_start + 1, stop) if _CLOSING.match(lines[i].text)), None)
    recipients = next((i for i in range(body_start + 1, stop) if _RECIPIENTS.match(lines[i].text)), None)
    sig = find_signature(lines, body_start, stop)
    sig_start = sig.start if sig else None
    if closing is None:
        closing = _closing_line(lines, body_start, min(i for i in (recipients, sig_start, stop) if i is not None))
    starts = [i for i in (closing, recipients, sig_start) if i is not None]
    tail_start = min(starts) if starts else stop
    parts: list[Section] = []

    def add(pid: str, heading: str, a: int | None, b: int) -> None:
        if a is None or b <= a:
            return
        s, e = lines[a].start, lines[b - 1].end
        parts.append(Section(id=pid, heading=heading, level=0, start=s, end=e, body_end=e))

    def next_after(a: int | None) -> int:
        later = [i for i in (closing, recipients, sig_start) if i is not None and a is not None and i > a]
        return min(later) if later else stop

    add("closing", "Phần kết", closing, next_after(closing))
    if recipients is not None:
        end = sig_start if sig_start is not None and sig_start > recipients else _list_end(lines, recipients, stop)
        add("recipients", "Nơi nhận", recipients, end)
    if sig is not None:
        end = sig.end
        while end < stop and _SIGNED.match(lines[end].text.strip()):
            end += 1
        add("signature", "Chữ ký", sig.start, end)
    return Tail(start=tail_start, parts=parts, signature=sig)


def _closing_line(lines: list[Line], body_start: int, end: int) -> int | None:
    """The last line of the body when it is an unnumbered closing paragraph ("Trong quá trình thực hiện, nếu có
    khó khăn …./.", "Yêu cầu … thực hiện nghiêm túc Chỉ thị này./."), after a line with text of its own."""
    last = end - 1
    if last <= body_start + 1:
        return None
    text = lines[last].text.strip()
    before = lines[last - 1].text.strip()
    lx = lexicon()
    if classify(text) is not None or text.startswith(("-", "+", "•")):
        return None
    if not (lx.closing_re.match(text) or (lx.effect_re.match(text) and not _after_article(lines, body_start, last))):
        return None
    return last if classify(before) is None or len(before) >= 60 else None


def _after_article(lines: list[Line], body_start: int, at: int) -> bool:
    """Whether the last numbered line above ``at`` opens an article ("Điều 3. …"), whose last paragraph a sentence on
    the text taking effect is."""
    above = next((m for i in range(at - 1, body_start - 1, -1) if (m := classify(lines[i].text))), None)
    return above is not None and above.kind == "dieu"


def _list_end(lines: list[Line], start: int, stop: int) -> int:
    """End of a "Nơi nhận" list: its bullet lines (and the line heading it)."""
    i = start + 1
    while i < stop and (lines[i].text.startswith(("-", "+", "–")) or lines[i].text[:1].islower()):
        i += 1
    return i


def passed_on(lines: list[Line], start: int, stop: int) -> tuple[int, int, int] | None:
    """The date a law or resolution was passed, from its closing ("… thông qua ngày 16 tháng 6 năm 2025")."""
    for line in lines[start:stop]:
        m = PASSED_ON.search(line.text)
        if m:
            return int(m.group(3)), int(m.group(2)), int(m.group(1))
    return None
