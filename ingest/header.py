"""The header of a Vietnamese administrative document: issuing bodies, Số, place and date, type, title.

Layout (Nghị định 30/2020/NĐ-CP): the managing and issuing bodies in capitals on
the left, the national motto on the right (a scrape interleaves the two columns
line by line), "Số: …", "<place>, ngày … tháng … năm …", the type in capitals and
the title (trích yếu); a công văn has "V/v …" instead of a type line. The issuer
is read from the header block; the body's own naming of itself ("Trường … xây
dựng Kế hoạch …") only supplies the casing, or a fuller name of the same body,
or the issuer when the header names none (a law scraped from "Luật số:").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.text import fold_key
from ingest.lexicon import lexicon
from ingest.normalize import is_all_caps
from ingest.outline import Line

PREAMBLE_START = re.compile(r"^(?:-\s*)?(?:Căn cứ|CĂN CỨ|Thực hiện|Theo đề nghị|Xét đề nghị|Xét Tờ trình|Theo)\b")
LEAD_IN = re.compile(
    r"^(?P<who>.+?)\s+(?:xây dựng|ban hành|triển khai|hướng dẫn|phát động)\s+(?:các\s+)?"
    r"(?:Kế hoạch|kế hoạch|Thông tư|Quyết định|Chỉ thị|Hướng dẫn|Chương trình|Nghị quyết|Quy chế|Nghị định|Luật)"
)
_NUMBER_LINE = re.compile(r"^(?:Luật\s+|.*\|\s*Luật\s+)?(?:[Ss]ố|SỐ)\s*[:.]?\s*(?P<rest>.*)$")
#: A công văn's summary line: "V/v …", also typed "V/V …", "v/v …" or spelled out "Về việc …".
_VV = re.compile(r"^(?:[Vv]/[Vv]|Về việc)\b\s*")
_PLACE_DATE = re.compile(
    r",?\s*ngày\s*(?P<d>\d{1,2})?\s*(?:tháng\s*(?P<m>\d{1,2})|(?P<sep>[/.-])\s*(?P<m2>\d{1,2})\s*(?P=sep))"
    r"\s*(?:năm\s*)?(?P<y>\d{4})"  # "ngày 05 tháng 01 năm 2026", "ngày 05/01/2026", "05-01-2026", "05.01.2026"
)
_SEPARATOR = re.compile(r"^[-_=*.–—\s]{3,}$")
#: Lines a header (masthead, number, date, summary, addressees) spans at most.
MAX_HEAD_LINES = 30
_HEAD_TITLES = re.compile(
    r"^(?:Bộ trưởng|Thủ trưởng|Chủ tịch|Giám đốc|Hiệu trưởng|Trưởng phòng|Trưởng ban|Thủ tướng|Cục trưởng|Chánh văn phòng)"
    r"\s+(?=[A-ZĐÀ-Ỹ])"
)
_CAPITALISED = re.compile(r"^[A-ZĐÀ-Ỹ][^\s]*$")
_STOP_TITLE = re.compile(r"^(?:Kính gửi|\(Ban hành kèm|\(Kèm theo|[Vv]/[Vv]\b)")


@dataclass
class Head:
    number: str | None = None
    place: str | None = None
    date: str | None = None
    year: int | None = None
    month: int | None = None
    doc_type: str | None = None
    title: str | None = None
    orgs: list[str] = field(default_factory=list)  # issuing bodies named in capitals, managing body first
    header_end: int = 0  # index of the first line after the header (title included)
    preamble_start: int | None = None

    @property
    def managing_body(self) -> str | None:
        return self.orgs[0] if len(self.orgs) > 1 else None


def type_line(text: str) -> tuple[str, str] | None:
    """(document type, the rest) when a line opens with a type in capitals: "KẾ HOẠCH", "THÔNG TƯQuy định …"; or is
    the type's name alone in ordinary case ("Kế hoạch"), as a text that lost Word's capitals writes it, or spaced
    out letter by letter for show ("K Ế H O Ạ C H")."""
    for name in lexicon().doc_types.values():
        if text.strip(" .:") == name:
            return name, ""
    letters = text.split()
    if len(letters) >= 4 and all(len(c) == 1 for c in letters):  # letter-spaced for show: "K Ế H O Ạ C H"
        spaced = "".join(letters)
        return next(((name, "") for key, name in lexicon().doc_types.items() if key.replace(" ", "") == spaced), None)
    for key, name in lexicon().doc_types.items():
        if not text.startswith(key):
            continue
        rest = text[len(key) :]
        # "KẾ HOẠCH thực hiện …": a text that joined the type with the title under it
        if (
            not rest.strip(" .:")
            or (rest[0] == " " and (is_all_caps(rest) or rest[1:2].islower()))
            or rest[0].isalpha()
        ):
            if rest[:1].isalpha() and rest[:1].islower() and len(key) < 5:
                continue
            return name, rest.strip(" .:")
    return None


def parse_head(lines: list[Line], body_start: int) -> Head:
    """Header fields from the lines before the body (``body_start`` is the index of its first line)."""
    head = Head()
    limit = min(body_start, len(lines))
    preamble = next((i for i in range(limit) if PREAMBLE_START.match(lines[i].text)), None)
    type_idx = next(
        (i for i in range(min(limit, preamble if preamble is not None else limit, 40)) if type_line(lines[i].text)),
        None,
    )
    masthead = lines[: type_idx if type_idx is not None else (preamble if preamble is not None else limit)]
    _read_masthead(head, masthead)
    if type_idx is None:
        head.doc_type = type_from_number(head.number) or ("Công văn" if _has_vv(masthead) else None)
        head.title = _vv_title(masthead)
        end = preamble if preamble is not None else len(masthead)
        if preamble is None and end >= len(lines) and (addressed := _addressed(masthead)) is not None:
            end = addressed  # a letter opening on its own words after "Kính gửi" ("Sở đề nghị …"), no "Căn cứ"
        head.header_end = end
        head.preamble_start = preamble
        return head
    head.doc_type, rest = type_line(lines[type_idx].text) or (None, "")
    title = [rest] if rest else []
    i = type_idx + 1
    while i < limit and (title == [] or _continues_title(lines[i].text, title)):
        title.append(lines[i].text)
        i += 1
    head.title = " ".join(t for t in title if t).strip() or None
    if head.title and head.title.endswith(("-----", "---")):
        head.title = head.title.rstrip("- ").strip()
    head.header_end = i
    head.preamble_start = i if i < limit else None
    return head


def _continues_title(text: str, title: list[str]) -> bool:
    if PREAMBLE_START.match(text) or LEAD_IN.match(text) or _STOP_TITLE.match(text) or _SEPARATOR.match(text):
        return False
    if len(text) > 250 or text.endswith((":", ";")) or (text.endswith(".") and not text.endswith("..")):
        return False
    if is_all_caps(text) and _is_authority(text):
        return False
    if fold_key(text) in fold_key(" ".join(title)):
        return False  # a scrape's doubled title
    return not (is_all_caps(" ".join(title)) and not is_all_caps(text) and not text.startswith("("))


def _is_authority(text: str) -> bool:
    """The enacting formula's authority line: "THỦ TƯỚNG CHÍNH PHỦ", "ỦY BAN NHÂN DÂN TỈNH …", "… QUYẾT ĐỊNH"."""
    lx = lexicon()
    if text.rstrip(": ").endswith(lx.enacting_words):
        return True
    return any(text.startswith(a) for a in lx.authority_lines)


def _read_masthead(head: Head, lines: list[Line]) -> None:
    caps: list[str] = []
    for k, line in enumerate(lines):
        for cell in line.text.split("|"):
            text = cell.strip()
            if _SEPARATOR.match(text):
                caps.append("")
                continue
            m = _NUMBER_LINE.match(text)
            if m and head.number is None and re.match(r"^\s*/?\s*\d|^\s*/", m.group("rest")):
                rest = _read_number(head, m.group("rest"))
                if head.year is None:
                    _read_place_date(head, rest)
                continue
            if head.year is None and _read_place_date(head, text):
                previous = lines[k - 1].text.strip() if k else ""
                if head.place and " " not in head.place and _is_place_fragment(previous):
                    head.place = f"{previous} {head.place}"  # "Thành phố Hồ Chí" / "Minh, ngày …"
                continue
            if _VV.match(text):
                continue
            caps.append(text)
    head.orgs = split_orgs(caps)


def _is_place_fragment(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 4 and not is_all_caps(text) and all(w[0].isupper() or w in ("phố", "thị") for w in words)


def split_orgs(caps_lines: list[str]) -> list[str]:
    """Issuing bodies from the header's capital lines, the national mottos taken out wherever lines split them."""
    lx = lexicon()
    joined = "\n".join(_without_line_mottos(caps_lines, lx.line_mottos))
    for motto in lx.mottos:
        pattern = r"\s+".join(re.escape(w) for w in motto.split())
        joined = re.sub(pattern, "\n", joined, flags=re.I)
    orgs: list[str] = []
    for raw in joined.split("\n"):
        text = raw.strip(" -|")
        if not text or not is_all_caps(text) or _SEPARATOR.match(text):
            continue
        if orgs and (not lx.org_start_re.match(text) or _opens_longer(lx.org_start_re, orgs[-1], text)):
            orgs[-1] = f"{orgs[-1]} {text}"
        else:
            orgs.append(text)
    return orgs


def _without_line_mottos(lines: list[str], mottos: frozenset[str]) -> list[str]:
    """The masthead's lines without a motto that stands alone ("***" / "ĐOÀN TNCS HỒ CHÍ MINH", wrapped over two
    lines or not): after a separator ("") or first; a body's name that holds it ("BAN CHẤP HÀNH" / "ĐOÀN TNCS HỒ CHÍ
    MINH" / "TỈNH HƯNG YÊN") keeps it."""
    out = list(lines)
    for i in range(len(out)):
        for n in (1, 2):
            span = out[i : i + n]
            if len(span) == n and fold_key(" ".join(x.strip(" -|") for x in span)) in mottos:
                if i == 0 or not out[i - 1].strip(" -_=*.–—"):  # "***", normalised to "*"
                    out[i : i + n] = [""] * n
                break
    return out


def _opens_longer(pattern: re.Pattern[str], org: str, text: str) -> bool:
    """ "THỦ TƯỚNG" / "CHÍNH PHỦ": one body's name split over two lines, both of which open a name."""
    m = pattern.match(f"{org} {text}")
    return m is not None and m.end() > len(org)


def _read_number(head: Head, rest: str) -> str:
    """ "08 /KH-CĐCĐ Cần Thơ, ngày 06 …" -> number "08/KH-CĐCĐ"; returns what follows it."""
    tokens = rest.split()
    num: list[str] = []
    while tokens and (any(c.isdigit() for c in tokens[0]) or "/" in tokens[0] or (num and tokens[0].startswith("-"))):
        if tokens[0].startswith("ngày"):
            break
        num.append(tokens.pop(0))
    head.number = "".join(num).strip(",") or None
    return " ".join(tokens)


def _read_place_date(head: Head, text: str) -> bool:
    pd = _PLACE_DATE.search(text)
    if not pd:
        return False
    head.year = int(pd.group("y"))
    month = pd.group("m") or pd.group("m2")
    head.month = int(month) if month else None
    if pd.group("d") and head.month:
        head.date = f"{head.year:04d}-{head.month:02d}-{int(pd.group('d')):02d}"
    head.place = place_before(text[: pd.start()]) or head.place
    return True


def place_before(text: str) -> str | None:
    """The place name that ends ``text``: its run of capitalised words ("Thành phố Hồ Chí Minh", "Đắk Lắk")."""
    words = text.replace("|", " ").split()
    lower_ok = {w for pw in lexicon().place_words for w in pw.split()}
    taken: list[str] = []
    for w in reversed(words):
        if (_CAPITALISED.match(w) and not is_all_caps(w)) or w in lower_ok or (w == "TP." and taken):
            taken.insert(0, w)
            continue
        break
    while taken and taken[0] in lower_ok:
        taken.pop(0)
    return " ".join(taken) or None


def type_from_number(number: str | None) -> str | None:
    """Type from a number's code: 304/2025/NĐ-CP → Nghị định, 74/2025/QH15 → Luật, 58-KH/TU → Kế hoạch (as the
    Party numbers), 5155/SGDĐT-… → Công văn."""
    if not number or "/" not in number:
        return None
    codes = re.split(r"[/\-]", number)[1:]
    kinds = lexicon().kind_codes
    for code in codes:
        key = re.sub(r"\d+$", "", code.upper())
        if key in kinds:
            return kinds[key]
    return "Công văn"


def _addressed(lines: list[Line]) -> int | None:
    """The index of a letter's "Kính gửi" line, when a dated header comes before it."""
    dated = any(_PLACE_DATE.search(line.text) for line in lines[:MAX_HEAD_LINES])
    at = next((i for i, line in enumerate(lines[:MAX_HEAD_LINES]) if line.text.startswith("Kính gửi")), None)
    return at if dated and at is not None and at + 1 < len(lines) else None


def _has_vv(lines: list[Line]) -> bool:
    return any(_VV.match(line.text) for line in lines)


def _vv_title(lines: list[Line]) -> str | None:
    """A công văn's trích yếu: the "V/v …" line(s), up to the place and date."""
    out: list[str] = []
    for line in lines:
        if m := _VV.match(line.text):
            out.append(line.text[m.end() :].strip())
        elif (
            out
            and not _PLACE_DATE.search(line.text)
            and not is_all_caps(line.text)
            and not line.text.startswith("Kính gửi")
        ):
            out.append(line.text)
        elif out:
            break
    return " ".join(out).strip() or None


def issuer_of(head: Head, head_lines: list[Line], text: str) -> str | None:
    """The issuing body: from the header block, named as the body names itself where it does."""
    own = _lead_in_issuer(head_lines[head.header_end :])
    if head.orgs:
        caps = head.orgs[-1]
        if own and fold_key(own).startswith(fold_key(caps)):
            return own  # the same body, as the text writes it (with its place, in its casing)
        return proper_case(caps, text)
    return own


def _lead_in_issuer(lines: list[Line]) -> str | None:
    for line in reversed(lines):
        m = LEAD_IN.match(line.text)
        if m:
            who = m.group("who").split(", ")[-1]
            who = re.sub(r"\s*\([^)]*\)", "", who).strip()
            who = _HEAD_TITLES.sub("", who)
            if who and who[0].isupper() and len(who.split()) <= 12:
                return who
    return None


def proper_case(caps: str, text: str) -> str:
    """A body's name printed in capitals, cased as the document writes it elsewhere, else by common usage."""
    words = caps.split()
    pattern = r"\s+".join(re.escape(w) for w in words)
    for m in re.finditer(pattern, text, flags=re.I):
        found = re.sub(r"\s+", " ", m.group(0))
        if not any(is_all_caps(w) and not _is_abbreviation(w) for w in found.split()):
            return found
    return _usual_case(caps)


def _usual_case(caps: str) -> str:
    """ "ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI" → "Ủy ban nhân dân tỉnh Đồng Nai": known parts as usually written, each
    other syllable capitalised (names of places and people), abbreviations ("PTDTBT", "THCS") kept."""
    known = sorted(lexicon().org_casing, key=len, reverse=True)
    words = caps.split()
    out: list[str] = []
    i = 0
    while i < len(words):
        for phrase in known:
            n = len(phrase.split())
            if fold_key(" ".join(words[i : i + n])) == fold_key(phrase):
                out.append(phrase)
                i += n
                break
        else:
            w = words[i]
            out.append(w if _is_abbreviation(w) else w.capitalize())
            i += 1
    result = " ".join(out)
    return result[:1].upper() + result[1:]


#: One Vietnamese syllable, folded: initial consonant(s), one to three vowels, a final consonant.
_SYLLABLE = re.compile(r"(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(ng|nh|ch|[cmnptk])?")


def _is_abbreviation(word: str) -> bool:
    from core.text import fold

    return not _SYLLABLE.fullmatch(fold(word).lower().strip("(),.;:"))
