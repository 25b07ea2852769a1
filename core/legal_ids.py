"""Legal document numbers: canonical ids in the official style and separator-free comparison keys.

"124/2021/TT-BCA", "510/QĐ-BCA-V05", "2447/QĐ-TTg"; Party documents are
numbered "09-CT/TW". Printed variants ("09/CT-TW", "05/CT/TW",
"06/2015/TTLT/ BGDĐT-BCA") reduce to the same ``id_key``.
"""

from __future__ import annotations

import re

from core.text import fold

TYPES = (
    "Thông tư liên tịch",
    "Thông tư",
    "Chỉ thị",
    "Quyết định",
    "Nghị định",
    "Nghị quyết",
    "Kế hoạch",
    "Kết luận",
    "Chương trình hành động",
    "Chương trình",
    "Quy chế phối hợp",
    "Quy chế",
    "Công văn",
    "Hướng dẫn",
    "Thông báo",
    "Quy định",
    "Pháp lệnh",
)
TYPE_RE = "|".join(re.escape(t) for t in TYPES)
#: Kinds a text cites by number besides the question words above ("Văn bản hợp nhất số 10/VBHN-BGDĐT",
#: "Phương án số 728/PA-UBND"); read into the registry, not used to read questions.
CITED_TYPES = ("Văn bản hợp nhất", "Phương án", "Đề án", "Tờ trình", "Báo cáo", "Công điện", *TYPES)
#: The general word a text cites another by ("Căn cứ Văn bản số 1582/UBND-KT …"): read into the registry, its kind
#: taken from the number; never a kind a question asks of ("Văn bản số 4127/SGDĐT-QLCL ban hành ngày nào?" asks of
#: any kind).
GENERAL_CITED = "Văn bản"
_CITED_RE = "|".join(re.escape(t) for t in sorted((*CITED_TYPES, GENERAL_CITED), key=len, reverse=True))
SEG = r"[0-9A-Za-zĐđ&]+"
NUMBER = rf"\d{{1,5}}(?:\s?[/-]\s?{SEG})+"
CITATION = re.compile(
    rf"(?P<type>(?i:{_CITED_RE}))(?:\s+số)?\s*(?P<number>{NUMBER})",
)
_UPPER = "A-ZĐÀÁẢÃẠÂẤẦẨẪẬĂẮẰẲẴẶÈÉẺẼẸÊẾỀỂỄỆÌÍỈĨỊÒÓỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÙÚỦŨỤƯỨỪỬỮỰỲÝỶỸỴ"
_LOWER = "a-zđàáảãạâấầẩẫậăắằẳẵặèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ"
#: A statute named in a text: "Luật Giáo dục số 43/2019/QH14", "Luật Thủy sản năm 2017", "Bộ luật Lao động ngày 20
#: tháng 11 năm 2019", "Luật Thi đua, khen thưởng ngày 15/6/2022", "Luật số 96/2025/QH15". Names are bounded (a clause
#: never runs past a stop), which keeps the search linear on hostile input.
_LAW_NAME = (
    r"(?P<kind>Bộ luật|Luật)"
    r"(?:\s+(?P<name>(?:sửa đổi, bổ sung một số điều của (?:các )?(?:Bộ luật|Luật)\s+)?"
    rf"[{_UPPER}][^;,.:()“”\"\n]{{0,110}}?(?:,\s+[{_LOWER}][^;,.:()“”\"\n]{{0,60}}?){{0,3}}))"
)
LAW = re.compile(
    _LAW_NAME + r"?"
    r"\s*,?\s*(?:số\s*(?P<number>\d{1,3}/\d{4}/QH\d{1,2})"
    r"|năm\s+(?P<year>\d{4})"
    r"|ngày\s*\d{1,2}\s*(?:tháng\s*\d{1,2}\s*năm\s*|[/.-]\s*\d{1,2}\s*[/.-]\s*)(?P<dyear>\d{4}))"
)
#: A statute named without number or year ("Căn cứ Luật Thủ đô;"), read where ``LAW`` finds nothing.
LAW_NAMED = re.compile(_LAW_NAME + r"(?=\s*(?:[;,.:]|$|và\b|được\b|đã\b))")
#: Texts cited by name alone: the Constitution ("Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam (năm 2013)") and
#: the Party's charter ("Điều lệ Đảng").
CONSTITUTION = re.compile(
    r"(?P<kind>Hiến pháp|Điều lệ Đảng)(?:\s+nước\s+Cộng hòa xã hội chủ nghĩa Việt Nam|\s+Cộng sản Việt Nam)?"
    r"(?:\s+năm\s+(?P<year>\d{4}))?"
)

#: Issuer codes of Party bodies: their documents are numbered "09-CT/TW".
PARTY_ISSUERS = {"TW", "TU", "HU", "ĐU", "DU", "QU", "TƯ", "BCS", "ĐUK", "BBT", "BCT"}
#: Kind codes that may stand between the number and the issuer.
KIND_CODES = {
    "TT", "TTLT", "CT", "QĐ", "QD", "NĐ", "ND", "NQ", "KH", "KL", "CTR", "QCPH", "QC", "HD", "TB", "BC", "TTR",
    "CV", "PL", "QĐ-TTG", "VBHN", "PA", "ĐA", "CĐ",
}  # fmt: skip
_CODES_FOLDED = {fold(c).upper() for c in KIND_CODES | PARTY_ISSUERS}


def names_a_text(raw: str) -> bool:
    """Whether a number typed in a question can be a document's: it has a slash ("36/KH-UBND", "45/2025") or a kind
    or Party code ("09-CT", "45-KL"); "khu 4 - khu 9", "lớp 6-7" name places and ranges."""
    if "/" in raw:
        return True
    return any(fold(t).upper() in _CODES_FOLDED for t in number_tokens(raw)[1:])


def number_tokens(raw: str) -> list[str]:
    """Alphanumeric segments of a document number: "09/CT-TW" -> ["09", "CT", "TW"]."""
    return [t for t in re.split(r"[\s/\-]+", raw.strip()) if t]


def leading_number(number: str | None) -> str:
    """A document's number as a question gives it after the kind: its leading digits without leading zeros ("1147"
    of "1147-QĐ/BTGDVTW", "124" of "0124/KH-UBND"); a number not opening with digits, its first part."""
    m = re.match(r"\d+", number or "")
    return (m.group(0).lstrip("0") or "0") if m else (number or "").split("/")[0].lstrip("0")


def id_key(raw: str) -> str:
    """Comparison key of a document number: separators, case and diacritics removed."""
    return fold("".join(number_tokens(raw))).upper()


def canonical_id(raw: str) -> str:
    """Official-style id of a document number as printed in a plan."""
    toks = number_tokens(raw)
    if not toks:
        return raw.strip()
    up = [t.upper() for t in toks]
    if len(toks) >= 3 and up[-1] in PARTY_ISSUERS and not re.fullmatch(r"\d{4}", toks[1]):
        kind = "-".join(toks[1:-1])
        return f"{toks[0]}-{kind}/{toks[-1]}"
    if len(toks) >= 3 and re.fullmatch(r"\d{4}", toks[1]):
        return f"{toks[0]}/{toks[1]}/{'-'.join(toks[2:])}"
    compact = re.sub(r"\s+", "", raw.strip())
    # a mass organisation's own style, as the Party's: the kind after a dash, the issuer after a slash ("14-CTr/TWĐTN-
    # PTTN", "31-KH/HSV"): kept as written, as drafters paste it
    if (m := re.fullmatch(rf"(\d+)-({SEG})/({SEG}(?:-{SEG})*)", compact)) and m.group(2).upper() in KIND_CODES:
        return compact
    if re.fullmatch(rf"\d+/{SEG}(?:[-/]{SEG})*", compact):
        return compact
    return f"{toks[0]}/{'-'.join(toks[1:])}"
