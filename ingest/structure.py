"""Recognise the parts of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP layout).

header (managing and issuing body, Số, place and date, type, title) →
preamble ("Căn cứ…", "Thực hiện…", "Theo đề nghị…", then the lead-in) →
body (I → 1 → 1.1 → a) for plans; Chương → Điều → khoản → điểm for
normative documents) → closing ("Trên đây là…") → "Nơi nhận" → signature.

Input is the normalised source (one paragraph per line, see
``ingest.normalize``); every section and part gets a character span in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.errors import ParseError
from core.text import fold
from core.types import Document, Section
from ingest.normalize import is_all_caps
from ingest.numbering import Marker, classify, ordinal

DOC_TYPES = {
    "KẾ HOẠCH": "Kế hoạch",
    "THÔNG TƯ LIÊN TỊCH": "Thông tư liên tịch",
    "THÔNG TƯ": "Thông tư",
    "CHỈ THỊ": "Chỉ thị",
    "QUYẾT ĐỊNH": "Quyết định",
    "NGHỊ ĐỊNH": "Nghị định",
    "NGHỊ QUYẾT": "Nghị quyết",
    "LUẬT": "Luật",
    "PHÁP LỆNH": "Pháp lệnh",
    "CÔNG VĂN": "Công văn",
    "BÁO CÁO": "Báo cáo",
    "TỜ TRÌNH": "Tờ trình",
    "THÔNG BÁO": "Thông báo",
    "HƯỚNG DẪN": "Hướng dẫn",
    "CHƯƠNG TRÌNH": "Chương trình",
    "QUY CHẾ": "Quy chế",
    "QUY ĐỊNH": "Quy định",
    "KẾT LUẬN": "Kết luận",
    "CÔNG ĐIỆN": "Công điện",
    "ĐỀ ÁN": "Đề án",
    "PHƯƠNG ÁN": "Phương án",
}
_PREAMBLE_START = re.compile(r"^(?:Căn cứ|Thực hiện|Theo đề nghị|Xét đề nghị|Theo)\b")
_LEAD_IN = re.compile(
    r"^(?P<who>.+?)\s+(?:xây dựng|ban hành|triển khai|hướng dẫn)\s+(?:các\s+)?"
    r"(?:Kế hoạch|kế hoạch|Thông tư|Quyết định|Chỉ thị|Hướng dẫn|Chương trình|Nghị quyết|Quy chế)"
)
_NUMBER_LINE = re.compile(r"^Số\s*:?\s*(?P<rest>.*)$")
_PLACE_DATE = re.compile(
    r"(?P<place>[^\W\d_][^,]{0,40}?),\s*ngày\s*(?P<d>\d{1,2})?\s*tháng\s*(?P<m>\d{1,2})\s*năm\s*(?P<y>\d{4})"
)
_NATIONAL = re.compile(r"^(?:CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM|Độc lập\s*-\s*Tự do)", re.I)
_ORG_START = re.compile(
    r"^(?:UBND|ỦY BAN|BỘ|SỞ|PHÒNG|TRƯỜNG|BAN|CÔNG AN|TỈNH ỦY|HUYỆN ỦY|THÀNH ỦY|ĐẢNG ỦY|ĐẢNG BỘ|"
    r"CHÍNH PHỦ|THỦ TƯỚNG|QUỐC HỘI|HỘI ĐỒNG|CỤC|TỔNG CỤC|VĂN PHÒNG|ĐẠI HỌC|HỌC VIỆN|TRUNG TÂM|ĐOÀN|HĐND)\b"
)
_SIGN_PREFIX = re.compile(r"^(?:KT|TM|TL|TUQ|Q)\.\s*")
_RANKS = re.compile(
    r"^(?:(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy)|(?:GS|PGS|TS|ThS|BS|KS|NGƯT|NGND)\.?(?:\s*TS\.?)?|Ông|Bà)\s+",
    re.I,
)
_HEAD_TITLES = re.compile(
    r"^(?:Bộ trưởng|Thủ trưởng|Chủ tịch|Giám đốc|Hiệu trưởng|Trưởng phòng|Thủ tướng|Cục trưởng|Chánh văn phòng)\s+(?=[A-ZĐÀ-Ỹ])"
)
# A heading that runs into its body: "… năm 2026 Tiếp tục đăng ký …" (a year or a closing quote, then a sentence).
_SENTENCE_START = re.compile(
    r"(?:(?<=\d{4})|(?<=[”\"\)]))\s+"
    r"(?!(?:Thông tư|Nghị định|Quyết định|Chỉ thị|Luật|Điều|Kế hoạch)\b)"
    r"(?=[A-ZĐÀÁẢÃẠĂÂÈÉẺẼẸÊÌÍỈĨỊÒÓỎÕỌÔƠÙÚỦŨỤƯỲÝỶỸỴ]\S*\s+[a-zđà-ỹ])"
)


@dataclass
class _Line:
    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass
class _Open:
    section: dict[str, object]
    marker: Marker
    last_child: dict[str, int] = field(default_factory=dict)  # kind -> last ordinal among children


def split_lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        if raw.strip():
            out.append(_Line(raw, pos))
        pos += len(raw) + 1
    return out


def parse_document(doc_id: str, text: str, *, source: str = "") -> Document:
    """Parse normalised text into a Document with header fields, sections and parts."""
    lines = split_lines(text)
    if not lines:
        raise ParseError(source or doc_id, "the document has no text")
    body_start = _find_body_start(lines)
    if body_start is None:
        raise ParseError(
            source or doc_id,
            "no numbered sections found (expected I., 1., Điều 1. or Chương I)",
            message_vi="Không tìm thấy mục đánh số nào (I., 1., Điều 1., Chương I).",
        )
    head = _parse_head(lines[:body_start])
    tail_start, parts_tail, signer, signer_title = _parse_tail(lines, body_start)
    body_end = lines[tail_start].start if tail_start < len(lines) else len(text)
    sections = _parse_body(lines[body_start:tail_start], body_end)
    if not sections:
        raise ParseError(source or doc_id, "no numbered sections found")
    parts = [*head.parts(lines, body_start), *parts_tail]
    doc_type = head.doc_type
    kind = (
        "normative"
        if any(s.id.startswith("Điều") for s in sections)
        else ("plan" if doc_type in (None, "Kế hoạch") else "other")
    )
    return Document(
        doc_id=doc_id,
        source=source,
        kind=kind,  # type: ignore[arg-type]
        doc_type=doc_type,
        number=head.number,
        date=head.date,
        year=head.year,
        month=head.month,
        issuer=head.issuer(lines[:body_start]),
        managing_body=head.managing_body,
        place=head.place,
        title=head.title,
        signer=signer,
        signer_title=signer_title,
        text=text,
        sections=sections,
        parts=parts,
    )


# ---------------------------------------------------------------- header and preamble


@dataclass
class _Head:
    number: str | None = None
    place: str | None = None
    date: str | None = None
    year: int | None = None
    month: int | None = None
    doc_type: str | None = None
    title: str | None = None
    orgs: list[str] = field(default_factory=list)
    header_end: int = 0  # index of the first line after the header (title included)
    preamble_start: int | None = None

    @property
    def managing_body(self) -> str | None:
        return self.orgs[0] if len(self.orgs) > 1 else None

    def issuer(self, head_lines: list[_Line]) -> str | None:
        """The issuing body, as the document names itself in its lead-in, else from the header."""
        for line in reversed(head_lines[self.header_end :]):
            m = _LEAD_IN.match(line.text)
            if m:
                who = m.group("who").split(", ")[-1]
                who = re.sub(r"\s*\([^)]*\)", "", who).strip()
                who = _HEAD_TITLES.sub("", who)
                if who and who[0].isupper() and len(who.split()) <= 12:
                    return who
        if self.orgs:
            return _title_case(self.orgs[-1])
        return None

    def parts(self, lines: list[_Line], body_start: int) -> list[Section]:
        out = []
        if self.header_end > 0:
            end = lines[self.header_end - 1].end
            out.append(Section(id="header", heading="Phần đầu văn bản", level=0, start=0, end=end, body_end=end))
        if self.preamble_start is not None and self.preamble_start < body_start:
            start = lines[self.preamble_start].start
            end = lines[body_start - 1].end
            out.append(Section(id="preamble", heading="Căn cứ ban hành", level=0, start=start, end=end, body_end=end))
        return out


def _find_body_start(lines: list[_Line]) -> int | None:
    """Index of the first line of the body: Chương I / Điều 1 / I. (or 1. when there are no Roman headings)."""
    first_num = None
    for i, line in enumerate(lines):
        m = classify(line.text)
        if m is None:
            continue
        if m.kind in ("chuong", "roman") and ordinal(m) == 1:
            return i
        if m.kind == "dieu" and ordinal(m) == 1:
            return i
        if m.kind == "num" and ordinal(m) == 1 and first_num is None and i > 0:
            first_num = i
    return first_num


def _parse_head(lines: list[_Line]) -> _Head:
    head = _Head()
    type_idx = None
    for i, line in enumerate(lines):
        text = line.text.strip()
        key = text.rstrip(".:").strip()
        if type_idx is None and key in DOC_TYPES:
            head.doc_type = DOC_TYPES[key]
            type_idx = i
            break
        m = _NUMBER_LINE.match(text)
        if m and head.number is None:
            _read_number_line(head, m.group("rest"))
            continue
        if head.date is None and head.year is None and _read_place_date(head, text):
            continue
        if is_all_caps(text) and not _NATIONAL.match(text):
            if head.orgs and not _ORG_START.match(text):
                head.orgs[-1] = f"{head.orgs[-1]} {text}"
            else:
                head.orgs.append(text)
    if type_idx is None:
        # no type line: the header is whatever precedes the first preamble clause
        start = next((i for i, line in enumerate(lines) if _PREAMBLE_START.match(line.text)), None)
        head.header_end = start if start is not None else 0
        head.preamble_start = start
        return head
    title_end = type_idx + 1
    if title_end < len(lines):
        title = [lines[title_end].text]
        title_end += 1
        while title_end < len(lines):
            nxt = lines[title_end].text
            if _PREAMBLE_START.match(nxt) or _LEAD_IN.match(nxt) or len(nxt) > 200 or nxt.endswith((":", ";", ".")):
                break
            title.append(nxt)
            title_end += 1
        head.title = " ".join(title).strip()
    head.header_end = title_end
    head.preamble_start = title_end if title_end < len(lines) else None
    return head


def _read_number_line(head: _Head, rest: str) -> None:
    """ "08 /KH-CĐCĐ Cần Thơ, ngày 06 tháng 01 năm 2026" -> number, then place and date if on the same line."""
    tokens = rest.split()
    num: list[str] = []
    while tokens and (any(c.isdigit() for c in tokens[0]) or "/" in tokens[0] or (num and tokens[0].startswith("-"))):
        if _PLACE_DATE.match(" ".join(tokens)) and num:
            break
        num.append(tokens.pop(0))
    head.number = "".join(num) or None
    _read_place_date(head, " ".join(tokens))


def _read_place_date(head: _Head, text: str) -> bool:
    pd = _PLACE_DATE.search(text)
    if not pd:
        return False
    _apply_place_date(head, pd)
    return True


def _apply_place_date(head: _Head, pd: re.Match[str]) -> None:
    place = pd.group("place").strip()
    head.place = place or None
    head.year = int(pd.group("y"))
    head.month = int(pd.group("m"))
    if pd.group("d"):
        head.date = f"{head.year:04d}-{head.month:02d}-{int(pd.group('d')):02d}"


#: One Vietnamese syllable, folded: initial consonant(s), one to three vowels, a final consonant.
_SYLLABLE = re.compile(r"(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(ng|nh|ch|[cmnpt])?")


def _title_case(text: str) -> str:
    """ "TRƯỜNG THCS NGUYỄN DU" → "Trường THCS Nguyễn Du": words that cannot be one syllable stay as written."""
    return " ".join(w.capitalize() if _SYLLABLE.fullmatch(fold(w).lower().strip("(),.;:")) else w for w in text.split())


# ---------------------------------------------------------------- closing, recipients, signature


def _parse_tail(lines: list[_Line], body_start: int) -> tuple[int, list[Section], str | None, str | None]:
    """Find closing, recipients and signature; return (first tail line index, parts, signer, signer title)."""
    n = len(lines)
    closing = next((i for i in range(body_start + 1, n) if lines[i].text.startswith("Trên đây")), None)
    recipients = next((i for i in range(body_start + 1, n) if re.match(r"^Nơi nhận\b", lines[i].text, re.I)), None)
    sig_start, signer, signer_title = _find_signature(lines, body_start)
    starts = [i for i in (closing, recipients, sig_start) if i is not None]
    tail_start = min(starts) if starts else n
    parts: list[Section] = []

    def add(pid: str, heading: str, a: int | None, stop_candidates: list[int | None]) -> None:
        if a is None:
            return
        b = min([s for s in stop_candidates if s is not None and s > a] + [n])
        start, end = lines[a].start, lines[b - 1].end
        parts.append(Section(id=pid, heading=heading, level=0, start=start, end=end, body_end=end))

    add("closing", "Phần kết", closing, [recipients, sig_start])
    add(
        "recipients",
        "Nơi nhận",
        recipients,
        [sig_start if sig_start and recipients and sig_start > recipients else None],
    )
    if sig_start is not None:
        end = lines[-1].end if sig_start > (recipients or -1) else lines[(recipients or n) - 1].end
        parts.append(
            Section(id="signature", heading="Chữ ký", level=0, start=lines[sig_start].start, end=end, body_end=end)
        )
    return tail_start, parts, signer, signer_title


def _is_name(text: str) -> bool:
    words = text.split()
    return (
        2 <= len(words) <= 7
        and not any(c.isdigit() for c in text)
        and not re.search(r"[,;:()/“”]", text)
        and all(w[0].isupper() for w in words)
    )


def _find_signature(lines: list[_Line], body_start: int) -> tuple[int | None, str | None, str | None]:
    """Signature block: title lines in capitals (KT./TM. …) followed by the signer's name."""
    i = len(lines) - 1
    signer = None
    last = _RANKS.sub("", lines[i].text).strip()
    if i > body_start and _is_name(last) and not is_all_caps(last):
        signer = last
        i -= 1
    elif (
        i - 1 > body_start
        and _is_name(last)
        and not _SIGN_PREFIX.match(last)
        and (is_all_caps(lines[i - 1].text) or _SIGN_PREFIX.match(lines[i - 1].text))
    ):
        signer = last.title()  # a name printed in capitals directly under a title line
        i -= 1
    titles: list[str] = []
    while i > body_start and len(titles) < 4:
        text = lines[i].text
        if (is_all_caps(text) and len(text.split()) <= 8 and not text.startswith("-")) or _SIGN_PREFIX.match(text):
            titles.insert(0, text)
            i -= 1
            continue
        break
    if not titles:
        return (None, signer, None) if signer is None else (len(lines) - 1, signer, None)
    return i + 1, signer, " ".join(titles)


# ---------------------------------------------------------------- body


def _parse_body(lines: list[_Line], body_end: int) -> list[Section]:
    markers = [classify(line.text) for line in lines]
    normative = any(m is not None and m.kind == "dieu" for m in markers)
    stack: list[_Open] = []
    root = _Open(section={"id": None, "level": 0}, marker=Marker("root", "", ""))
    made: list[dict[str, object]] = []

    for line, marker in zip(lines, markers):
        if marker is None:
            continue
        placed = _place(marker, stack, root, normative)
        if placed is None:
            continue  # out of sequence: body text that happens to start with a number
        parent, sid = placed
        while stack and stack[-1] is not parent:
            stack.pop()
        parent.last_child[marker.kind] = ordinal(marker)
        sec = {
            "id": sid,
            "heading": _heading(marker),
            "level": int(parent.section["level"]) + 1,  # type: ignore[call-overload]
            "parent": parent.section["id"],
            "start": line.start,
        }
        made.append(sec)
        stack.append(_Open(section=sec, marker=marker))

    # spans: a section ends where the next section at its level or above starts
    for i, sec in enumerate(made):
        end = body_end
        first_child = None
        for nxt in made[i + 1 :]:
            if first_child is None and nxt["parent"] == sec["id"]:
                first_child = nxt["start"]
            if nxt["level"] <= sec["level"]:  # type: ignore[operator]
                end = nxt["start"]  # type: ignore[assignment]
                break
        sec["end"] = end
        sec["body_end"] = first_child if first_child is not None else end
    return [Section(**s) for s in made]  # type: ignore[arg-type]


def _place(marker: Marker, stack: list[_Open], root: _Open, normative: bool) -> tuple[_Open, str] | None:
    """Find the parent a marker belongs under and its id, or None when it is out of sequence."""
    chain = [root, *stack]

    def nearest(*kinds: str) -> _Open | None:
        for node in reversed(chain):
            if node.marker.kind in kinds:
                return node
        return None

    def expects(parent: _Open, kind: str) -> bool:
        last = parent.last_child.get(kind)
        return ordinal(marker) == (last + 1 if last is not None else 1)

    kind = marker.kind
    if kind == "chuong":
        parent = root
        sid = f"Chương {marker.label}"
    elif kind == "muc":
        parent = nearest("chuong") or root
        sid = f"{parent.section['id']}.Mục {marker.label}" if parent is not root else f"Mục {marker.label}"
    elif kind == "dieu":
        parent = nearest("muc", "chuong") or root
        last = root.last_child.get("dieu")  # articles are numbered through the whole document
        if last is not None and ordinal(marker) != last + 1:
            return None
        root.last_child["dieu"] = ordinal(marker)
        return parent, f"Điều {marker.label}"
    elif kind == "roman":
        if normative:
            return None
        parent = root
        sid = marker.label
    elif kind == "num":
        parent = (nearest("dieu") if normative else nearest("roman", "chuong")) or root
        if normative and parent is root:
            return None
        sid = _child_id(parent, marker.label)
    elif kind == "decimal":
        parts = marker.label.split(".")
        anchor = nearest("roman", "chuong") or root
        parent = _find_path(chain, anchor, parts[:-1])
        if parent is None:
            return None
        sid = _child_id(parent, parts[-1])
    else:  # letter
        parent = nearest("decimal", "num", "dieu", "roman") or root
        if parent is root:
            return None
        sid = _child_id(parent, marker.label)
    if not expects(parent, kind):
        return None
    return parent, sid


def _child_id(parent: _Open, label: str) -> str:
    pid = parent.section["id"]
    return f"{pid}.{label}" if pid else label


def _find_path(chain: list[_Open], anchor: _Open, labels: list[str]) -> _Open | None:
    """The open section numbered ``labels`` (e.g. ["1"] for 1.1) below ``anchor``."""
    prefix = anchor.section["id"]
    want = ".".join([prefix, *labels]) if prefix else ".".join(labels)  # type: ignore[list-item]
    for node in chain:
        if node.section["id"] == want:
            return node
    return None


# ---------------------------------------------------------------- headings


def _heading(marker: Marker) -> str:
    rest = marker.rest.strip()
    if marker.kind in ("chuong", "muc", "dieu", "roman"):
        return rest.rstrip(":.").strip()
    return heading_of(rest)


def heading_of(text: str) -> str:
    """Heading of a numbered paragraph: the heading line, or the start of a paragraph that runs on."""
    text = text.strip()
    if not text:
        return ""
    run_in = _SENTENCE_START.search(text[:220])
    if run_in and not re.search(r"[.;:]", text[: run_in.start()]):
        return text[: run_in.start()].rstrip(" ,")
    inner_stop = re.search(r"[.;:!?]\s", text)
    if not inner_stop and (len(text) <= 120 or (len(text) <= 250 and not text.endswith((".", ";")))):
        return text.rstrip(":;.,").strip()  # a heading line, however long
    colon = text.find(":")
    first_stop = re.search(r"[.;]\s|[.;]$", text)
    if 0 < colon <= 100 and (first_stop is None or colon < first_stop.start()):
        return text[:colon].strip()
    clause = text[: first_stop.start()] if first_stop else text
    if len(clause) <= 120:
        return clause.strip()
    cut = clause[:100].rsplit(" ", 1)[0].rstrip(" ,;:")
    return cut + "…"
