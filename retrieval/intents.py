"""What a question asks for: a unit's duties, a deadline, a document fact, legal bases, or plain content.

Rules, not a model: the five intents below are recognised from Vietnamese cue
phrases (matched without diacritics, so "ai ky" and "ai ký" are the same) and
from what the catalog knows (units named in "Tổ chức thực hiện", legal
numbers in the registry, document aliases).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from core.legal_ids import NUMBER, TYPES, id_key
from core.text import fold, has_diacritics

Kind = Literal["drafter", "plan_bases", "legal_lookup", "doc_fact", "catalog", "duty", "content"]


def fkey(text: str) -> str:
    """Folded, lowercased, punctuation-free form used for cue matching."""
    return " " + re.sub(r"\s+", " ", re.sub(r"[^a-z0-9/ -]", " ", fold(text).lower())).strip() + " "


def has(q: str, *phrases: str) -> bool:
    return any(f" {p} " in q for p in phrases)


_DRAFTER = ("soan", "du thao", "xay dung ke hoach", "viet ke hoach", "lam ke hoach")
_BASES = (
    "can cu nhung van ban nao", "can cu van ban nao", "can cu vao nhung van ban nao", "can cu vao van ban nao",
    "can cu nhung gi", "can cu gi", "can cu vao dau", "dua tren van ban nao", "dua tren nhung van ban nao",
    "nhac den nhung", "nhac toi nhung", "trich dan nhung", "dan chieu",
    "can cu phap ly", "co so phap ly",
)  # fmt: skip
# "dựa trên những văn bản pháp lý nào", "các văn bản của Bộ Công an mà kế hoạch … trích dẫn", "cơ sở pháp lý … là gì"
_BASES_RE = re.compile(
    r" (?:can cu|dua tren|dua vao|trich dan|vien dan|dan chieu)(?: vao| theo)?(?: nhung| cac)?(?: van ban| chi thi| thong tu| quyet dinh| nghi dinh| ke hoach| ket luan| luat)?(?: phap ly)? (?:nao|gi|ra sao) "
    r"| (?:van ban|chi thi|thong tu|quyet dinh|nghi dinh|ket luan)\b.* (?:trich dan|can cu|vien dan|nhac den|nhac toi)\b"
    r"| (?:co so|can cu) phap ly "
    # "thực hiện theo kế hoạch nào của Sở": the document a plan implements ("triển khai những văn bản nào"
    # without "theo" asks what one section rolls out, a content question)
    r"| (?:thuc hien|trien khai|ban hanh|xay dung) theo(?: nhung| cac)? (?:van ban|chi thi|thong tu|quyet dinh|nghi dinh|ke hoach|ket luan) nao "
    # "căn cứ ban hành Thông tư 124 là gì?"
    r"| can cu ban hanh "
    # "… thực hiện kế hoạch nào của Sở …": the one document above it that a plan implements
    r"| thuc hien (?:van ban|chi thi|quyet dinh|ke hoach|ket luan) nao cua "
    # "… triển khai kế hoạch nào của Sở …", "… thực hiện chương trình hành động nào của Tỉnh ủy": a named kind of
    # document from a named body ("triển khai những văn bản nào" alone may ask what one section rolls out)
    r"| (?:thuc hien|trien khai) (?:nhung |cac )?(?:chi thi|thong tu|quyet dinh|nghi dinh|nghi quyet|ke hoach|ket luan"
    r"|chuong trinh(?: hanh dong)?|quy che(?: phoi hop)?) nao cua "
    # "được xây dựng trên cơ sở những văn bản nào"
    r"| tren co so (?:nhung |cac )?(?:van ban|chi thi|thong tu|quyet dinh|ke hoach)(?: phap ly)? nao "
)
#: "Thông tư nào quy định cơ sở giáo dục đạt tiêu chuẩn …?", "… quy định ở văn bản nào?": a cited document
#: found by what its title says (no plan named, so not one plan's grounds)
_WHICH_REGULATES = re.compile(
    r" (?:van ban|chi thi|thong tu|quyet dinh|nghi dinh|nghi quyet|ket luan|chuong trinh) nao (?:quy dinh|ban hanh|huong dan) "
    r"| (?:duoc )?quy dinh (?:o|tai|trong|boi) (?:van ban|chi thi|thong tu|quyet dinh|nghi dinh|nghi quyet) nao "
    # "Chương trình phòng chống HIV … của Khánh Hòa là văn bản nào?": a document described by its title
    r"| la (?:van ban|chi thi|thong tu|quyet dinh|nghi dinh|nghi quyet|ket luan) nao $"
)
#: "Văn bản nào được nhiều kế hoạch trích dẫn nhất?": the drafter's ranking, over every plan
_MOST_CITED = re.compile(
    r" (?:van ban|chi thi|thong tu|quyet dinh|can cu) nao (?:hay )?(?:duoc )?(?:nhieu ke hoach |cac ke hoach )?"
    r"(?:trich dan|can cu|nhac den|su dung|dung) (?:nhieu )?nhat | duoc nhieu ke hoach (?:trich dan|can cu|nhac den)"
)
_CITED_BY = ("ke hoach nao", "nhung ke hoach nao", "van ban nao trich dan", "duoc trich dan", "trich dan o", "o dau")
_FACT_FIELDS: dict[str, tuple[str, ...]] = {
    "signer": ("ai ky", "nguoi ky", "ky boi", "do ai ky", "ky ten", "ky ke hoach"),
    "date": ("ban hanh ngay nao", "ngay ban hanh", "ban hanh thang may", "ban hanh khi nao", "ngay nao ban hanh",
             "ban hanh vao ngay nao", "duoc ban hanh ngay", "ban hanh luc nao", "thang may", "ban hanh ngay",
             "ban hanh nam nao", "ban hanh vao nam nao", "nam nao ban hanh", "nam ban hanh", "ky ngay nao",
             "ky vao ngay nao", "ky khi nao", "ky luc nao", "ngay ky", "ban hanh nam", "ban hanh trong nam"),
    "number": ("so hieu", "so ky hieu", "ky hieu", "so bao nhieu", "la so may", "so may", "mang so"),
    "issuer": ("co quan ban hanh", "ai ban hanh", "don vi ban hanh", "cua ai", "do ai ban hanh", "cua co quan nao",
               "co quan nao ban hanh", "don vi nao ban hanh", "ban hanh boi", "cua don vi nao", "cap nao ban hanh"),
    "title": ("noi ve gi", "trich yeu", "ten ke hoach", "tieu de", "ten day du", "ten goi", "ten van ban",
              "ten cua ke hoach"),
    # narrow on purpose: "do đơn vị nào chủ trì", "mô hình có tên là gì", "có mấy mục tiêu" are content questions
    "outline": ("nhung muc lon nao", "nhung muc chinh nao", "cac muc lon", "gom nhung phan nao", "gom may phan",
                "co may phan", "bo cuc", "dan y", "muc luc", "bao nhieu chuong", "co may chuong", "gom may chuong",
                "co may muc", "may muc lon", "bao nhieu muc", "gom may muc"),
    "place": ("ban hanh o dau", "ban hanh tai dau", "noi ban hanh", "dia diem ban hanh", "ban hanh o tinh nao"),
    # not "trực thuộc" alone: "các cơ sở giáo dục trực thuộc", "đầu mối trực thuộc" are content
    "managing_body": ("truc thuoc co quan nao", "truc thuoc don vi nao", "truc thuoc cap nao", "truc thuoc ai",
                      "truc thuoc dau", "co quan chu quan", "cap tren cua", "thuoc co quan nao", "thuoc ubnd nao",
                      "thuoc uy ban nao", "thuoc so nao", "thuoc bo nao"),
    "recipients": ("noi nhan", "gui toi nhung", "gui den nhung", "gui cho nhung", "duoc gui toi", "duoc gui den",
                   "gui toi dau", "gui den dau", "gui cho ai", "gui nhung dau", "gui nhung ai", "gui di dau"),
}  # fmt: skip
#: "Ai là hiệu trưởng trường …?": the head of the issuing body, as far as the documents say, is whoever signed
#: (only of a named document: "Ai là chủ tịch nước?" is no question about the plans)
#: (the plans name no holder of the others: "giáo viên chủ nhiệm lớp em là ai?" is refused)
_ROLES = (
    r"(?:pho )?(?:hieu truong|truong phong|chu tich|bo truong|giam doc|truong khoa|bi thu)"
    r"|giao vien chu nhiem|gvcn|co van hoc tap|cvht|lop truong"
)
_SIGNER_ROLE = re.compile(
    rf" ai la (?P<a>{_ROLES}) | (?P<b>{_ROLES}) (?!cac )(?:\w+ ){{0,8}}(?:la ai|ten (?:la )?gi|ho ten la gi) "
)
#: "… số mấy, ngày nào?": "ngày nào" asks for the issue date only beside another header fact (alone it is a deadline)
_DATE_WITH_OTHER_FACT = ("ngay nao", "ngay bao nhieu", "ngay may")
#: "Có bao nhiêu kế hoạch?", "Hệ thống có những văn bản nào?": a question about the catalog itself
_CATALOG = re.compile(r" (?:bao nhieu|nhung|cac|danh sach(?: cac)?) (?:ke hoach|van ban)(?: nao)? ")
_CATALOG_FILLER = frozenset(
    "co bao nhieu nhung cac danh sach ke hoach van ban nao trong he thong hien dang duoc luu da nap kho du lieu "
    "tat ca la gi ban cho toi biet xem liet ke minh".split()
)
_DEADLINE = ("truoc ngay", "han chot", "han cuoi", "thoi han", "han nop", "han bao cao", "khi nao", "bao gio", "ngay nao",
             "dinh ky", "moc thoi gian", "thoi gian nao", "luc nao", "han bao nhieu", "han ngay", "han la ngay",
             "han may", "han den ngay", "co han")  # fmt: skip
_DUTY = ("lam gi", "nhiem vu", "trach nhiem", "phai lam", "can lam", "phu trach", "lam nhung gi", "lam nhung viec",
         "giao nhiem vu", "chiu trach nhiem", "co viec gi", "phan cong")  # fmt: skip
_CROSS = (
    "nhung ke hoach nao",
    "ke hoach nao",
    "cac ke hoach",
    "truong nao",
    "don vi nao",
    "van ban nao",
    "nhung van ban",
)

_TYPE_WORDS = {fold(t).lower(): t for t in TYPES} | {"luat": "Luật"}  # "căn cứ những luật nào" (not "pháp luật nào")
_ISSUER_WORDS = {
    "bo cong an": "Bộ Công an",
    "ban bi thu": "Ban Bí thư",
    "bo chinh tri": "Bộ Chính trị",
    "thu tuong": "Thủ tướng Chính phủ",
    "chinh phu": "Chính phủ",
    "tinh uy": "Tỉnh ủy",
    "ubnd": "UBND",
    "uy ban nhan dan": "UBND",
    "so giao duc": "Sở Giáo dục và Đào tạo",
    "so gddt": "Sở Giáo dục và Đào tạo",
    "so gd dt": "Sở Giáo dục và Đào tạo",
}
_LEGAL_IN_Q = re.compile(rf"(?P<number>{NUMBER})", re.I)
_TYPE_NUM_Q = re.compile(
    r"(?P<type>"
    + "|".join(re.escape(k) for k in sorted(_TYPE_WORDS, key=len, reverse=True))
    + r")(?:\s+so)?\s+(?P<num>\d{1,5})\b"
)


@dataclass
class Intent:
    kind: Kind
    legal_keys: list[str] = field(default_factory=list)  # id_key of numbers named in the question
    legal_type_nums: list[tuple[str, str]] = field(default_factory=list)  # ("thong tu", "124")
    fact: str | None = None
    facts: list[str] = field(default_factory=list)  # every header fact asked, in cue order ("số mấy, ngày nào")
    deadline: bool = False
    cross: bool = False
    type_filter: str | None = None
    issuer_filter: str | None = None
    asks_cited_by: bool = False
    asks_bases: bool = False
    by_title: bool = False  # "thông tư nào quy định …": found by its title, or not a question about bases


#: chat shorthand for a document's kind before its number ("tt 124", "QĐ 510", "ct 07") and for "văn bản"
_KIND_SHORTHAND = {"tt": "Thông tư", "qđ": "Quyết định", "qd": "Quyết định", "ct": "Chỉ thị", "nđ": "Nghị định",
                   "nd": "Nghị định", "kh": "Kế hoạch"}  # fmt: skip
_SHORTHAND = re.compile(r"(?<!\w)(tt|qđ|qd|ct|nđ|nd|kh)\.?\s*(?=\d)", re.I)
_VB = re.compile(r"(?<![\w/-])vb(?![\w/-])", re.I)
#: greetings and courtesy that frame a chat message ("ad ơi", "cảm ơn", "hỏi nhanh:")
_COURTESY = re.compile(
    r"(?<!\w)(?:cảm ơn|cám ơn|xin chào|chào bot|chào bạn|chào ad|ad ơi|admin ơi|bot ơi|hỏi nhanh|cho hỏi nhanh)"
    r"(?!\w)[\s.,:!]*",
    re.I,
)


#: texting shorthand, written out where it is unambiguous ("ko" is "không"; not "k", which is also "điểm k")
_CHAT_WORDS = {"ko": "không", "kg": "không", "khg": "không", "hok": "không", "hông": "không", "dc": "được",
               "đc": "được", "bc": "báo cáo", "ntn": "như thế nào", "j": "gì", "bn": "bao nhiêu", "vs": "với",
               "tg": "thời gian", "tgian": "thời gian", "ktra": "kiểm tra"}  # fmt: skip
_CHAT = re.compile(r"(?<![\w/.-])(" + "|".join(_CHAT_WORDS) + r")(?![\w/-])", re.I)
#: "Đoàn TN" is the youth union; "P.QT", "P. CTSV" a Phòng
_CHAT_UNITS = re.compile(r"(?<!\w)(?:(?P<doan>đoàn|doan)\s+tn(?!\w)|p\.\s?(?=[A-ZĐ]{2,}))", re.I)


def _write_out_chat(q: str) -> str:
    """Shorthand written out, without diacritics in a message typed without them (its words are matched folded)."""
    plain = (lambda w: w) if has_diacritics(q) else fold
    q = _CHAT_UNITS.sub(lambda m: m.group("doan") + plain(" thanh niên") if m.group("doan") else plain("Phòng "), q)
    return _CHAT.sub(lambda m: plain(_CHAT_WORDS[m.group(1).lower()]), q)


def normalize_question(question: str) -> str:
    """A chat message as a question: courtesy dropped, kind shorthand written out ("tt 124" -> "Thông tư 124")."""
    q = _write_out_chat(_COURTESY.sub(" ", question))
    q = _SHORTHAND.sub(lambda m: _KIND_SHORTHAND[m.group(1).lower()] + " ", q)
    q = _VB.sub("văn bản", q)
    return re.sub(r"\s+", " ", q).strip() or question.strip()


def legal_mentions(question: str) -> tuple[list[str], list[tuple[str, str]]]:
    """Legal numbers a question names: full numbers ("46-CT/TW") and type + number ("thông tư 124")."""
    folded = fold(question)
    keys = []
    for m in _LEGAL_IN_Q.finditer(folded):
        raw = m.group("number")
        if re.search(r"[A-Za-z]", raw):
            keys.append(id_key(raw))
    pairs = [(m.group("type"), m.group("num").lstrip("0") or "0") for m in _TYPE_NUM_Q.finditer(fkey(question))]
    return keys, pairs


_TYPE_ORIG = "|".join(re.escape(t) for t in sorted({*TYPES, *(fold(t) for t in TYPES)}, key=len, reverse=True))
_MENTION = re.compile(
    rf"(?i:(?:{_TYPE_ORIG})(?:\s+s[oố])?\s*)?{NUMBER}|(?i:(?:{_TYPE_ORIG}))(?:\s+s[oố])?\s+\d{{1,5}}\b"
)


def strip_legal_mentions(question: str) -> str:
    """The question without the legal numbers it names ("Thông tư 124 thay thế …" -> "thay thế …")."""
    return re.sub(r"\s+", " ", _MENTION.sub(" ", question)).strip()


_REF_DIEM = re.compile(r" diem ([a-z]) (?:cua )?khoan (\d{1,2}) (?:cua )?dieu (\d{1,3}) ")
_REF_KHOAN = re.compile(r" khoan (\d{1,2}) (?:cua )?dieu (\d{1,3}) ")
_REF_DIEU = re.compile(r" dieu (\d{1,3}) ")
_REF_MUC = re.compile(r" (?:muc|phan) ([ivxl]+(?:[ .]\d{1,2}){0,2}(?:[ .][a-z])?) ")


def section_refs(question: str) -> list[str]:
    """Section ids a question names: "khoản 2 Điều 8" -> "Điều 8.2", "mục III.2" -> "III.2", "phần căn cứ" -> "preamble"."""
    q = " " + re.sub(r"\s+", " ", re.sub(r"[^a-z0-9. ]", " ", fold(question).lower())).strip() + " "
    q = q.replace(". ", " ")
    refs: list[str] = []
    for m in _REF_DIEM.finditer(q):
        letter = "đ" if m.group(1) == "d" and " diem dd " in q else m.group(1)
        refs.append(f"Điều {m.group(3)}.{m.group(2)}.{letter}")
    for m in _REF_KHOAN.finditer(q):
        ref = f"Điều {m.group(2)}.{m.group(1)}"
        if not any(r.startswith(ref + ".") for r in refs):
            refs.append(ref)
    if not refs:
        refs += [f"Điều {m.group(1)}" for m in _REF_DIEU.finditer(q)]
    for m in _REF_MUC.finditer(q):
        parts = re.split(r"[ .]", m.group(1))
        refs.append(".".join([parts[0].upper(), *parts[1:]]))
    if " phan can cu " in q:
        refs.append("preamble")
    return list(dict.fromkeys(refs))


_TIME_ASKED = ("khi nao", "ngay nao", "thang nao", "nam nao", "thang may", "nam may", "bao gio", "luc nao",
               "thoi diem", "thoi gian nao", "ngay may", "ngay bao nhieu")  # fmt: skip
_NUMBER_ASKED = ("so hieu", "ky hieu", "so")
_ABOUT_THE_DOCUMENT = frozenset(
    "ke hoach van ban nay do duoc lap ban hanh lam ra doi soan thao xay dung ky phat hanh vao tu luc tai co la gi "
    "bao nhieu may mang cua the nao ap dung thuc hien trien khai hieu luc trong".split()
)


def asks_beyond_the_header(question: str, fact: str) -> bool:
    """ "Ai ký quyết định công nhận trường đạt an toàn?": a header cue ("ai ký") about something no header holds.

    What is left once the fact's cue words and words about a document are taken away says what it is about;
    two content words or more make it a question about the text.
    """
    q = fkey(question)
    for p in sorted(_FACT_FIELDS.get(fact, ()), key=len, reverse=True):
        q = q.replace(f" {p} ", " ")
    rest = [w for w in q.split() if w not in _ABOUT_THE_DOCUMENT and w not in _QUESTION_WORDS]
    return len(rest) >= 2


_QUESTION_WORDS = frozenset("ai gi nao dau sao nhu the khi nay do la cua va cho voi ve".split())

#: kinds of document a question can name as its subject; not "quy định", "hướng dẫn", "thông báo" (verbs too)
_SUBJECT_KINDS = tuple(
    k for k in sorted(_TYPE_WORDS, key=len, reverse=True) if k not in ("quy dinh", "huong dan", "thong bao", "luat")
)


def other_kind_named(question: str, kinds: list[str | None]) -> bool:
    """ "Quy chế phối hợp giữa Phòng GD Cam Ranh và Công an là số mấy?": a header cue about another document.

    The named plan's own header does not answer it; the text that cites that document does.
    """
    q = fkey(question)
    own = {fold(k).lower() for k in kinds if k}
    return any(has(q, k) and k not in own for k in _SUBJECT_KINDS)


#: "ai" as the subject, before what it does ("Ai lo …", "Ở Lào Cai ai phụ trách …", "giao ai đăng bài"); not
#: the object ("khen thưởng ai trong …", "dành cho ai?", "của ai")
_WHO = re.compile(
    r"(?<! cua)(?<! cho)(?<! toi)(?<! den)(?<! voi)(?<! gui) ai "
    r"(?!(?:trong|o|tai|khi|vay|the|a|nhi|ha|de|va|voi|ve|nhat|ca|het|khong|duoc|nua|khac) )\w"
)


def asks_who(question: str) -> bool:
    """ "Ai lo đăng bài tuyên truyền?": asks who does something (not whom, nor whose it is)."""
    return bool(_WHO.search(fkey(question)))


def header_facts(question: str) -> list[str]:
    """Header facts a question about a named document asks for, in words no cue list foresaw.

    Called with the document's name already removed: what is left must be only a time question ("được
    lập khi nào", "ra đời năm nào") or a number question ("có số là gì") and words about the document
    itself; anything else makes it a question about the content.
    """
    q = fkey(question)
    out = []
    for fact, phrases in (("date", _TIME_ASKED), ("number", _NUMBER_ASKED)):
        if not has(q, *phrases):
            continue
        rest = q
        for p in sorted(phrases, key=len, reverse=True):
            rest = rest.replace(f" {p} ", " ")
        if set(rest.split()) <= _ABOUT_THE_DOCUMENT:
            out.append(fact)
    return out


_FOLLOW_UP_START = (" con ", " the con ", " vay con ", " con ve ", " the ", " vay ")
_FOLLOW_UP = ("thi sao", "o do", "ke hoach nay", "ke hoach do", "truong nay", "truong do", "van ban nay", "van ban do",
              "don vi nay", "don vi do", "cung vay")  # fmt: skip


def is_follow_up(question: str) -> bool:
    """ "còn Văn phòng thì sao?", "kế hoạch này ký ngày nào?": a question that leans on the previous one.

    Only these stay within the plan the chat was about; a new question ("báo cáo sơ kết 6 tháng nộp trước
    ngày nào?") is asked of every plan again.
    """
    q = fkey(question)
    return q.startswith(_FOLLOW_UP_START) or has(q, *_FOLLOW_UP)


def asks_head(question: str) -> str | None:
    """The role a question asks the holder of ("Ai là hiệu trưởng trường …?" -> "hieu truong"), folded."""
    m = _SIGNER_ROLE.search(fkey(question))
    return (m.group("a") or m.group("b")) if m else None


def asks_most_cited(question: str) -> bool:
    """ "Văn bản nào được nhiều kế hoạch trích dẫn nhất?": a superlative, answered by the top of the ranking."""
    return bool(_MOST_CITED.search(fkey(question)))


def issuer_named(question: str) -> str | None:
    """The issuing body a question restricts cited documents to ("… của Bộ Công an")."""
    q = fkey(question)
    # "của Bộ Công an", "của Bộ trưởng Bộ Công an", "của Sở Giáo dục tỉnh …"
    return next((v for k, v in _ISSUER_WORDS.items() if re.search(rf" cua (?:\w+ ){{0,2}}{k} ", q)), None)


#: words that hold a header cue but ask about the text: "Ai ký cam kết …?" signs a pledge, not the plan
_NOT_CUES = (("ky cam ket", "cam ket"), ("ky giay", "cap giay"))  # "ký giấy công nhận": the authority that grants it


def _masked(q: str) -> str:
    for phrase, kept in _NOT_CUES:
        q = q.replace(f" {phrase} ", f" {kept} ")
    return q


def detect(question: str) -> Intent:
    """Classify a question (see the module docstring)."""
    q = fkey(question)
    keys, pairs = legal_mentions(question)
    type_filter = next(
        (t for k, t in _TYPE_WORDS.items() if re.search(rf"(?: (?:nhung|cac) {k} |(?<!phap) {k} (?:nao|gi) )", q)),
        None,
    )
    issuer_filter = issuer_named(question)
    deadline = has(q, *_DEADLINE)
    cross = has(q, *_CROSS)
    facts = [f for f, cues in _FACT_FIELDS.items() if has(_masked(q), *cues)]
    if facts and "date" not in facts and has(q, *_DATE_WITH_OTHER_FACT):
        facts.append("date")
    fact = facts[0] if facts else None
    asks_bases = has(q, *_BASES) or bool(_BASES_RE.search(q))
    if (has(q, *_DRAFTER) and (" can cu " in q or asks_bases)) or _MOST_CITED.search(q):
        return Intent("drafter", keys, pairs, type_filter=type_filter, issuer_filter=issuer_filter)
    if keys or pairs:
        cited_by = has(q, *_CITED_BY) or " trich dan " in q
        return Intent(
            "legal_lookup", keys, pairs, fact=fact, deadline=deadline, cross=cross,
            type_filter=type_filter, issuer_filter=issuer_filter, asks_cited_by=cited_by, asks_bases=asks_bases,
        )  # fmt: skip
    # "những chỉ thị nào … nhắc đến" asks for cited documents; "những kế hoạch nào nhắc đến camera" asks which plans
    mentions_type = type_filter not in (None, "Kế hoạch") and has(
        q, "nhac den", "nhac toi", "trich dan", "neu", "de cap"
    )
    if asks_bases or mentions_type:
        return Intent("plan_bases", type_filter=type_filter, issuer_filter=issuer_filter, asks_bases=True)
    if _WHICH_REGULATES.search(q):
        return Intent(
            "plan_bases", type_filter=type_filter, issuer_filter=issuer_filter, asks_bases=True, by_title=True
        )
    # a report's date or destination ("báo cáo gửi cho ai?") is in the text, not in the plan's header
    if fact in ("signer", "number", "issuer", "title", "managing_body", "place", "outline") or (
        fact in ("date", "recipients") and not has(q, "bao cao", "nop")
    ):
        return Intent("doc_fact", fact=fact, facts=facts)
    if _CATALOG.search(q) and set(q.split()) <= _CATALOG_FILLER:
        return Intent("catalog")
    if has(q, *_DUTY):
        return Intent("duty", deadline=deadline, cross=cross, type_filter=type_filter, issuer_filter=issuer_filter)
    return Intent("content", deadline=deadline, cross=cross, type_filter=type_filter, issuer_filter=issuer_filter)
