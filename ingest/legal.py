"""Cited legal documents: extraction from text, canonical ids, and the merged registry.

Canonical ids follow the official style: "124/2021/TT-BCA", "510/QĐ-BCA-V05",
"2447/QĐ-TTg", and for Party documents "09-CT/TW", "44-KL/TW", "11-CTr/TU".
Variants seen in plans ("09/CT-TW", "05/CT/TW", "12/CT-TU",
"06/2015/TTLT/ BGDĐT-BCA") reduce to the same key and merge into one entry.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable

from core.legal_ids import (
    CITATION,
    CITED_TYPES,
    CONSTITUTION,
    GENERAL_CITED,
    KIND_CODES,
    LAW,
    LAW_NAMED,
    NUMBER,
    PARTY_ISSUERS,
    TYPE_RE,
    canonical_id,
    id_key,
    number_tokens,
)
from core.text import fold
from core.types import CitedBy, Conflict, ConflictValue, Document, LegalBasis, LegalCitation
from ingest.header import type_from_number
from ingest.lexicon import lexicon

_DATE_NUM = re.compile(r"^\s*,?\s*(?:ban hành\s+)?ngày\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")
_DATE_WORDS = re.compile(r"^\s*,?\s*(?:ban hành\s+)?ngày\s*(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
_ISSUER = re.compile(
    r"^\s*,?\s*(?:của|giữa)\s+(?P<who>.+?)(?=\s+(?i:về|quy định|ban hành|ngày|trong|hướng dẫn|hướng|tại|đối với|phê duyệt|sửa đổi|"
    r"thực hiện|triển khai|có thẩm quyền|chi tiết|hết hiệu lực|được|khóa|khoảng|thì)\b|\s*[“\";,.()\n]|\s+và\s+(?i:"
    + TYPE_RE
    + r")|$)"
)
_TITLE_START = re.compile(r"^\s*,?\s*(?=(?:về|Về|quy định|Quy định|ban hành|Ban hành|hướng dẫn|“|\"))")
#: Where a cited document's title has ended at the latest: the line's end, or a clause no title holds (the text
#: citing it says it is repealed, "… hết hiệu lực kể từ ngày …", or goes on, "… thì chỉ được hưởng …").
_TITLE_END = re.compile(r"\n|\s+(?:hết hiệu lực|thì)\s")
#: A further number of the kind just named: "…/TT-BGDĐT, số 12/2019/TT-BGDĐT", "… và 18/2019/TT-BGDĐT".
_MORE_NUMBER = re.compile(rf"\s*(?:,\s*(?:và\s+)?|\s+và\s+)(?:số\s*)?(?P<number>{NUMBER})")
#: A kind named with up to three words more before its number: "Quy chế làm việc số 02-QC/ĐU".
_QUALIFIED = re.compile(rf"(?P<type>{TYPE_RE})(?:\s+[^\W\d_]+){{1,3}}?\s+số\s*(?P<number>{NUMBER})")
_OWN_NUMBER = re.compile(rf"Số\s*:\s*(?P<number>{NUMBER})")
_HEAD_TITLES = re.compile(r"^(?:Bộ trưởng|Thủ trưởng|Chủ tịch|Giám đốc|Cục trưởng)\s+(?=[A-ZĐ])")
_TERM = re.compile(
    r";|\.(?:\s|$)|\s+và\s+(?i:" + TYPE_RE + r")\s+(?:số\s*)?\d|,\s+(?i:" + TYPE_RE + r")\s+(?:số\s*)?\d"
    # the preamble's enacting clause after the last ground: ", UBND tỉnh ban hành Kế hoạch … như sau:"
    r"|,\s+(?:[^,;“”\n]{1,60}?\s)?ban hành\s+(?i:" + TYPE_RE + r")\b|,?\s+(?:cụ thể\s+)?như sau\s*:"
)


def _year_of(canonical: str) -> int | None:
    m = re.match(r"^\d+/(\d{4})/", canonical)
    return int(m.group(1)) if m else None


def _issuer_code(canonical: str) -> str | None:
    toks = number_tokens(canonical)
    rest = toks[2:] if len(toks) > 2 and re.fullmatch(r"\d{4}", toks[1]) else toks[1:]
    if rest and rest[-1].upper() in PARTY_ISSUERS:
        return rest[-1]
    while rest and rest[0].upper() in KIND_CODES:
        rest = rest[1:]
    return "-".join(rest) or None


def normalize_issuer(who: str) -> str:
    """Issuing body without the head's title or the term: "Bộ trưởng Bộ Công an" -> "Bộ Công an"."""
    who = _HEAD_TITLES.sub("", who.strip())
    who = re.sub(r"\s+khóa\s+[IVXL]+$", "", who)
    return who.strip(" ,")


def _date_at(text: str) -> tuple[str | None, int]:
    for pattern in (_DATE_NUM, _DATE_WORDS):
        m = pattern.match(text)
        if m:
            d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
            if 1 <= d <= 31 and 1 <= mo <= 12:
                return f"{y:04d}-{mo:02d}-{d:02d}", m.end()
    return None, 0


def _tail(text: str) -> tuple[str | None, str | None, str | None]:
    """Date, issuing body and title following a document number (in any order)."""
    date = issuer = title = None
    pos = 0
    for _ in range(3):
        rest = text[pos:]
        d, used = _date_at(rest)
        if d and date is None:
            date, pos = d, pos + used
            continue
        m = _ISSUER.match(rest)
        if m and issuer is None:
            issuer, pos = normalize_issuer(m.group("who")), pos + m.end()
            continue
        break
    rest = text[pos:]
    if _TITLE_START.match(rest):
        body = rest.lstrip(" ,")
        stop = _TERM.search(body)
        body = body[: stop.start()] if stop else body
        body = _TITLE_END.split(body, maxsplit=1)[0]  # a line's end, or a clause no title holds
        alias = lexicon().alias_re.search(
            body
        )  # "(sau đây gọi tắt là …)": what the citing text calls it, not its title
        body = body[: alias.start()] if alias else body
        opening = body.find("“")
        if 0 <= opening <= 12 and "”" in body[opening:]:
            body = body[: body.index("”", opening) + 1]  # a quoted title ends at its closing quote
        body = body.strip().rstrip(",./:").strip()  # "./": the end mark of a text that closes on the citation
        if body.endswith("”") and body.count("”") > body.count("“"):
            body = body[:-1].rstrip(",. ")  # the close of a quoted title the number sits inside
        if len(body) > 300:
            body = body[:300].rsplit(" ", 1)[0] + "…"
        title = body or None
    return date, issuer, title


def _coded(raw: str) -> bool:
    """Whether a number carries a kind code ("12/2019/TT-BGDĐT"); "Kế hoạch số 12/2024" alone is too ambiguous."""
    return any(re.search(r"[A-Za-zĐđ]", t) for t in number_tokens(raw)[1:])


def _run(text: str, m: re.Match[str]) -> tuple[list[tuple[str, int, int]], int]:
    """The numbers one kind word introduces ("các Thông tư số 11/2019/TT-BGDĐT, số 12/2019/TT-BGDĐT ngày …"), each
    coded of the same kind, with its span, and where the run ends (what follows the last number, its date and title,
    is the run's)."""
    numbers = [(m.group("number"), m.start(), m.end())]
    kind = type_from_number(canonical_id(m.group("number")))
    pos = m.end()
    while more := _MORE_NUMBER.match(text, pos):
        if not _coded(more.group("number")) or type_from_number(canonical_id(more.group("number"))) != kind:
            break  # "Quyết định số 15/QĐ-UBND, 20/KH-UBND": a plan is no decision the kind word introduces
        numbers.append((more.group("number"), more.start("number"), more.end("number")))
        pos = more.end()
    return numbers, pos


def _own_keys(doc: Document) -> set[str]:
    """The document's own numbers: its number, and each "Số: …" line of its header (a joint plan has one per
    issuer, "Số: 317/KH-SYT" over "Số: 2846/KH-SGDĐT")."""
    own = {id_key(doc.number)} if doc.number else set()
    for part in doc.parts:
        if part.id == "header":
            own.update(id_key(m.group("number")) for m in _OWN_NUMBER.finditer(doc.text, part.start, part.end))
    return own


def _cited(text: str) -> list[re.Match[str]]:
    """Each kind word and the number it introduces: "Quyết định số 15/QĐ-UBND", and a kind named with a few words
    more whose number is coded of that kind ("Quy chế làm việc số 02-QC/ĐU", "Chương trình công tác số 05-CTr/ĐU";
    not "Kế hoạch thực hiện Nghị quyết số 57-NQ/TW", which cites the resolution)."""
    plain = list(CITATION.finditer(text))
    spans = [(m.start("number"), m.end("number")) for m in plain]
    qualified = [
        m
        for m in _QUALIFIED.finditer(text)
        if type_from_number(canonical_id(m.group("number"))) == _type_name(m.group("type"), m.group("number"))
        and not _inside(spans, m.start("number"))
    ]
    return sorted([*plain, *qualified], key=lambda m: m.start())


def _attached_by(text: str, at: int) -> str | None:
    """The name of the text a document cited at ``at`` issued, when its ground names that text first ("Căn cứ Quy chế
    làm việc của … ban hành kèm theo Quyết định số …", lexicon ``attached_by``; not a task "… theo mẫu ban hành kèm
    theo …", nor "Căn cứ Điều 12 Quy chế …", a name holding a number)."""
    line = text[text.rfind("\n", 0, at) + 1 : at]
    m = lexicon().attached_by_re.search(line) if len(line) <= 300 else None
    return m.group("name") if m and " ban hành " not in f" {m.group('name')} " else None


def extract_citations(doc: Document) -> list[LegalCitation]:
    """Every mention of another legal document, with where it was cited."""
    text = doc.text
    out: list[LegalCitation] = []
    own = _own_keys(doc)
    for m in _cited(text):
        if not _coded(m.group("number")):
            continue
        numbers, end = _run(text, m)
        tail = _tail(text[end : end + 600])
        for i, (raw, start, stop) in enumerate(numbers):
            raw = raw.strip()
            cid = canonical_id(raw)
            if id_key(cid) in own:
                continue  # the document's own number
            section = doc.section_at(start)
            if section in (None, "header"):
                continue
            date, issuer, title = tail  # a run shares its date, issuer and title
            if title is None and i == 0 and (named := _attached_by(text, m.start())):
                title = f"ban hành {named}"  # the decision is cited for the text it issued
            if len(numbers) > 1 and date and (own_year := _year_of(cid)) and int(date[:4]) != own_year:
                date = None  # another number's date: "số 24/2021/NĐ-CP, số 13/2023/NĐ-CP ngày 17/4/2023"
            toks = number_tokens(raw)
            out.append(
                LegalCitation(
                    id=cid,
                    variant=re.sub(r"\s+", " ", raw),
                    type=_type_name(m.group("type"), cid),
                    number=toks[0],
                    year=_year_of(cid) or (int(date[:4]) if date else None),
                    issuer_code=_issuer_code(cid),
                    issuer=issuer,
                    date=date,
                    title=title,
                    section=section,
                    start=m.start() if i == 0 else start,
                    end=stop,
                )
            )
    out.extend(_statutes(doc))
    out.sort(key=lambda c: c.start)
    return out


def _statutes(doc: Document) -> list[LegalCitation]:
    """Laws, codes and the Constitution a document cites, by number where it gives one, else by name and year."""
    text = doc.text
    out: list[LegalCitation] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], kind: str, name: str | None, number: str | None, year: int | None) -> None:
        section = doc.section_at(m.start())
        if section in (None, "header"):
            return
        if number and doc.number and id_key(number) == id_key(doc.number):
            return  # the document's own number
        title = f"{kind} {name}" if name else None
        if number:
            cid = number
        elif name:
            cid = f"{kind} {name}" + (f" {year}" if year else "")
        else:
            cid = kind + (f" {year}" if year else "")
        date, issuer, _ = _tail(text[m.end() : m.end() + 200])
        out.append(
            LegalCitation(
                id=cid,
                variant=re.sub(r"\s+", " ", m.group(0)).strip(),
                type=kind,
                number=number.split("/")[0] if number else (name or kind),
                year=year or (int(number.split("/")[1]) if number else None),
                issuer_code=number.split("/")[-1] if number else None,
                issuer=issuer or ("Quốc hội" if kind != "Điều lệ Đảng" else None),
                date=date,
                title=title,
                section=section,
                start=m.start(),
                end=m.end(),
            )
        )
        taken.append((m.start(), m.end()))

    for m in LAW.finditer(text):
        year = m.group("year") or m.group("dyear")
        add(m, m.group("kind"), _law_name(m.group("name")), m.group("number"), int(year) if year else None)
    laws = list(taken)  # sorted: LAW's matches in order (a name found below never holds a later one's start)
    for m in LAW_NAMED.finditer(text):
        grounds = re.search(r"Căn cứ\s+(?:vào\s+)?$", text[max(0, m.start() - 14) : m.start()])
        if grounds and not _inside(laws, m.start()) and m.group("name"):
            add(m, m.group("kind"), _law_name(m.group("name")), None, None)
    for m in CONSTITUTION.finditer(text):
        add(m, m.group("kind"), None, None, int(m.group("year")) if m.group("year") else None)
    return out


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` falls in one of ``spans`` (sorted, not overlapping: the matches of one ``finditer``).

    A bisection: scanning them made a list of thousands of "Căn cứ Luật …" clauses quadratic.
    """
    i = bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _law_name(name: str | None) -> str | None:
    """A statute's name as cited, without what trails it ("Luật Giáo dục và các văn bản …" → "Giáo dục")."""
    if not name:
        return None
    name = re.split(r"\s+(?:và các|được|đã|của Quốc hội)\b", name)[0]
    return re.sub(r"\s+", " ", name).strip() or None


def _type_name(raw: str, cid: str) -> str:
    """A cited text's kind as the citation names it; "văn bản", the general word, is the kind its number codes
    ("Văn bản số 412/KH-UBND" is a Kế hoạch; "Văn bản số 1582/UBND-KT", no kind coded, a Công văn)."""
    low = raw.lower()
    if low == GENERAL_CITED.lower():
        return type_from_number(cid) or GENERAL_CITED
    for t in CITED_TYPES:
        if t.lower() == low:
            return t
    return raw[:1].upper() + raw[1:]


# ---------------------------------------------------------------- registry


def citation_string(entry: LegalBasis) -> str:
    """Ready-to-paste form: "Thông tư số 124/2021/TT-BCA ngày 28/12/2021 của Bộ Công an quy định …"."""
    if entry.type in STATUTES:
        name = entry.title or entry.type
        if entry.id[:1].isdigit():
            return f"{name} số {entry.id.split(' (')[0]}"
        return f"{name} năm {entry.year}" if entry.year else name
    parts = [f"{entry.type} số {entry.id}"]
    if entry.date:
        y, m, d = entry.date.split("-")
        parts.append(f"ngày {d}/{m}/{y}")
    if entry.issuer:
        parts.append(f"của {entry.issuer}")
    if entry.title:
        parts.append(entry.title)
    return " ".join(parts)


def cased_title(title: str, text: str) -> str:
    """A title its header writes in capitals, cased as its own text writes those words mid-sentence ("VỀ VIỆC CHUYỂN
    TRƯỜNG ĐẠI HỌC CÔNG NGHIỆP HÀ NỘI …" → "về việc chuyển Trường Đại học Công nghiệp Hà Nội …"); a word the text
    never writes beside its neighbour is lower case, but a kind of document ("Kế hoạch") and a statute's first word
    after it ("Luật Bảo vệ …"). Words already in lower case (a note in brackets) are kept as they are."""
    letters = [ch for ch in title if ch.isalpha()]
    if sum(ch.islower() for ch in letters) > len(letters) // 5:
        return title
    spans = [(m.start(), m.end()) for m in _WORD.finditer(title)]
    typed = [title[a:b] for a, b in spans]
    words = [w.lower() for w in typed]
    votes: list[Counter[str]] = [Counter() for _ in words]
    seen = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
    where: defaultdict[tuple[str, str], list[int]] = defaultdict(list)
    for j in range(len(seen) - 1):
        if _spaced(text, seen[j][2], seen[j + 1][1]) and not (_caps(seen[j][0]) and _caps(seen[j + 1][0])):
            where[(seen[j][0].lower(), seen[j + 1][0].lower())].append(j)  # prose, not a heading in capitals
    for i in range(len(words) - 1):
        if not _spaced(title, spans[i][1], spans[i + 1][0]):
            continue
        for j in where.get((words[i], words[i + 1]), []):
            votes[i + 1][seen[j + 1][0]] += 1
            if text[max(0, seen[j][1] - 8) : seen[j][1]].rstrip()[-1:] not in (".", ":", ";", "!", "?", ")"):
                votes[i][seen[j][0]] += 1  # not a sentence's first word
    cased = [v.most_common(1)[0][0] if v else w for w, v in zip(words, votes)]
    lx = lexicon()
    kinds = {k.lower(): k for k in lx.doc_types.values()}
    for i in range(len(words)):
        for n in (2, 1):  # "kế hoạch", "luật" (not "pháp luật")
            phrase = " ".join(words[i : i + n])
            around = {" ".join(words[i - 1 : i + 1]), " ".join(words[i + n - 1 : i + n + 1])} if i else set()
            if phrase in kinds and not around & lx.kind_compounds and (cased[i][:1].isupper() or not votes[i]):
                cased[i : i + n] = kinds[phrase].split(" ")
                if kinds[phrase] in STATUTES and i + n < len(words):  # "Luật Bảo hiểm y tế", whatever else writes "bảo"
                    cased[i + n] = words[i + n][:1].upper() + words[i + n][1:]
                break
    out = list(title)
    for (a, b), w, was in zip(spans, cased, typed):
        out[a:b] = w if _caps(was) else was
    return "".join(out)


def _caps(word: str) -> bool:
    """A word with no lower-case letter ("ĐOẠN", "2021")."""
    return not any(ch.islower() for ch in word)


def _spaced(text: str, end: int, start: int) -> bool:
    """Whether two words of a text are apart by spaces only, on one line."""
    return not text[end:start].strip(" ")


_WORD = re.compile(r"\w+")


#: Kinds cited by name ("Luật Giáo dục năm 2019") as well as by number ("43/2019/QH14").
STATUTES = ("Luật", "Bộ luật", "Hiến pháp", "Điều lệ Đảng")
#: Titles sharing less than this share of their words name different documents.
_SAME_TITLE = 0.5


def registry_key(c: LegalCitation) -> str:
    """The group a citation is merged in: every mention that may name the same document shares it.

    A statute's mentions by name and by number ("Luật Giáo dục năm 2019", "Luật Giáo dục số 43/2019/QH14") share
    its name; other documents share their number (variants reduced by ``id_key``), Party documents of one
    number included (their years are told apart inside the group). The index keeps the registry up to date
    group by group, so a group must hold everything that decides its entries.
    """
    if c.type in STATUTES and c.title:
        return "statute:" + fold(c.title).lower()
    if c.type in STATUTES and not c.id[:1].isdigit():
        return "statute:" + fold(c.id).lower()
    return id_key(c.id)


def build_registry(docs: Iterable[Document]) -> list[LegalBasis]:
    """Merge every citation of every document into one entry per cited document."""
    docs = list(docs)
    groups: dict[str, list[tuple[str, LegalCitation]]] = defaultdict(list)
    for doc in docs:
        for c in doc.citations:
            groups[registry_key(c)].append((doc.doc_id, c))
    in_corpus = {id_key(d.number): d for d in docs if d.number and d.number.split("/")[0].strip()}
    entries = []
    for key, items in groups.items():
        if key.startswith("statute:"):
            parts = _statutes_apart(items)
        elif _is_party(items[0][1].id):
            parts = _by_year(items)
        else:
            parts = [items]
        for part in parts:
            held = in_corpus.get(id_key(_numbered_id(part)))
            entry = _entry(part, held.doc_id if held is not None else None)
            if held is not None and held.date and entry.year and entry.year != int(held.date[:4]):
                entry.doc_id = None  # "Kế hoạch số 310/KH-UBND ngày 21/08/2024" is not the stored plan 310 of 2025
            entry.key = key
            if len(parts) > 1 and _is_party(entry.id) and entry.year:
                entry.id = f"{entry.id} ({entry.year})"  # same number, another year: another document
            entries.append(entry)
    entries.sort(key=lambda e: (-len(e.citing_docs), e.id))
    return entries


def _numbered_id(items: list[tuple[str, LegalCitation]]) -> str:
    return next((c.id for _, c in items if c.id[:1].isdigit()), items[0][1].id)


def _statutes_apart(items: list[tuple[str, LegalCitation]]) -> list[list[tuple[str, LegalCitation]]]:
    """Mentions of one statute name split into statutes: one per number, the mentions by name and year joining
    the number of that year (the only one, when they give no year); two laws of one name stay two."""
    by_number: dict[str, list[tuple[str, LegalCitation]]] = defaultdict(list)
    named: list[tuple[str, LegalCitation]] = []
    for item in items:
        c = item[1]
        (by_number[id_key(c.id)] if c.id[:1].isdigit() else named).append(item)
    if not by_number:
        by_year: dict[int | None, list[tuple[str, LegalCitation]]] = defaultdict(list)
        for item in named:
            by_year[item[1].year].append(item)
        return list(by_year.values())
    numbered = list(by_number.values())
    out = [list(group) for group in numbered]
    for item in named:
        year = item[1].year
        same_year = [g for g in out if g[0][1].year == year] if year else []
        target = same_year[0] if len(same_year) == 1 else (out[0] if len(out) == 1 and year is None else None)
        if target is not None:
            target.append(item)
        else:
            out.append([item])
    return out


def _is_party(cid: str) -> bool:
    """Party documents are numbered without a year ("46-CT/TW"): two of different years share a number."""
    toks = number_tokens(cid)
    return bool(toks) and toks[-1].upper() in PARTY_ISSUERS and not any(re.fullmatch(r"\d{4}", t) for t in toks)


def _by_year(items: list[tuple[str, LegalCitation]]) -> list[list[tuple[str, LegalCitation]]]:
    """Mentions of one Party number split into documents: years whose titles differ (or lie far apart) are two."""
    dated: dict[int, list[tuple[str, LegalCitation]]] = defaultdict(list)
    undated: list[tuple[str, LegalCitation]] = []
    for item in items:
        year = int(item[1].date[:4]) if item[1].date else None
        (dated[year] if year else undated).append(item)
    clusters: list[list[tuple[str, LegalCitation]]] = []
    for year in sorted(dated):
        for cluster in clusters:
            if _same_document(cluster, dated[year], year):
                cluster.extend(dated[year])
                break
        else:
            clusters.append(list(dated[year]))
    if not clusters:
        return [undated]
    max(clusters, key=len).extend(undated)
    return clusters


def _same_document(
    cluster: list[tuple[str, LegalCitation]], mentions: list[tuple[str, LegalCitation]], year: int
) -> bool:
    years = {int(c.date[:4]) for _, c in cluster if c.date}
    a = _words([c.title for _, c in cluster])
    b = _words([c.title for _, c in mentions])
    if a and b:
        return len(a & b) / min(len(a), len(b)) >= _SAME_TITLE
    return min(abs(year - y) for y in years) <= 1  # no titles to compare: a one-year slip is a typo


def _words(titles: list[str | None]) -> set[str]:
    return {w for t in titles if t for w in re.findall(r"\w+", fold(t).lower()) if len(w) > 1}


def _consensus(titles: list[str]) -> str | None:
    """The title most mentions give, the longest among equals: one citer's own words run on after it ("… chuyển đổi
    số quốc gia" in five plans, "… chuyển đổi số trên địa bàn tỉnh Đồng Tháp" in a programme carrying it out).
    Mentions, not citing documents: counted by document, a plan giving the title twice, once with its own note
    ("… (Nghị quyết 214/NQ-CP)"), ties with itself and the longer, noted form won (five entries worse on the wide
    documents)."""
    counts = Counter(titles)
    return max(counts, key=lambda t: (counts[t], len(t))) if counts else None


def _entry(items: list[tuple[str, LegalCitation]], doc_id: str | None) -> LegalBasis:
    mentions = [c for _, c in items]
    ids = Counter(c.id for c in mentions)
    types = Counter(c.type for c in mentions)
    cid = ids.most_common(1)[0][0]
    numbered = [c for c in mentions if c.id[:1].isdigit()]
    if numbered:
        cid = Counter(c.id for c in numbered).most_common(1)[0][0]
    date, date_conflict = _agree("date", [(c.date, d, c.section) for d, c in items], _year_of(cid))
    issuer, issuer_conflict = _agree("issuer", [(c.issuer, d, c.section) for d, c in items])
    kind = types.most_common(1)[0][0]
    entry = LegalBasis(
        id=cid,
        type=kind,
        number=mentions[0].number,
        year=_year_of(cid) or (int(date[:4]) if date else mentions[0].year),
        issuer_code=_issuer_code(cid) if kind not in STATUTES else None,
        issuer=issuer,
        date=date,
        title=_consensus([c.title for c in mentions if c.title]),
        citation="",
        variants=sorted({c.variant for c in mentions}),
        cited_by=_unique_cited_by(items),
        conflicts=[c for c in (date_conflict, issuer_conflict) if c],
        doc_id=doc_id,
    )
    entry.citation = citation_string(entry)
    return entry


def _unique_cited_by(items: list[tuple[str, LegalCitation]]) -> list[CitedBy]:
    seen: dict[tuple[str, str], CitedBy] = {}
    for doc_id, c in items:
        seen.setdefault((doc_id, c.section), CitedBy(doc_id=doc_id, section=c.section))
    return list(seen.values())


def _agree(
    field: str, values: list[tuple[str | None, str, str]], year: int | None = None
) -> tuple[str | None, Conflict | None]:
    """Majority value of a field across citations, and a conflict when citations disagree. A number carrying its
    year ("163/2024/QH15") was issued that year: a date of that ``year`` comes before one of another, however
    many give it ("ngày 27/11/2025" typed for 27/11/2024)."""
    groups: dict[str, dict[tuple[str, str], CitedBy]] = defaultdict(dict)  # insertion-ordered, unique refs
    shown: dict[str, str] = {}
    for value, doc_id, section in values:
        if not value:
            continue
        k = fold(value).lower()
        shown.setdefault(k, value)
        groups[k].setdefault((doc_id, section), CitedBy(doc_id=doc_id, section=section))
    if not groups:
        return None, None
    if field == "issuer":
        _merge_prefixes(groups, shown)
    ranked = sorted(groups.items(), key=lambda kv: (year is not None and not kv[0].startswith(str(year)), -len(kv[1])))
    best = shown[ranked[0][0]]
    if len(ranked) == 1:
        return best, None
    conflict = Conflict(
        field=field,  # type: ignore[arg-type]
        values=[ConflictValue(value=shown[k], cited_by=list(refs.values())) for k, refs in ranked],
    )
    return best, conflict


def _merge_prefixes(groups: dict[str, dict[tuple[str, str], CitedBy]], shown: dict[str, str]) -> None:
    """ "Ủy ban nhân dân tỉnh" and "Ủy ban nhân dân tỉnh Bình Định" name one body: the fuller name stands for both."""
    for short in sorted(groups, key=len):
        longer = [k for k in groups if k != short and k.startswith(short + " ")]
        if longer:
            target = max(longer, key=len)
            for ref, cited in groups.pop(short).items():
                groups[target].setdefault(ref, cited)
            shown.pop(short, None)


def mentions(citation: LegalCitation, entry: LegalBasis) -> bool:
    """Whether a citation in a document is a mention of a registry entry (merged variants and names included)."""
    return (
        citation.id == entry.id.split(" (")[0]
        or citation.variant in entry.variants
        or id_key(citation.id) in {id_key(v) for v in [entry.id, *entry.variants]}
    )
