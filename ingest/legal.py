"""Cited legal documents: extraction from text, canonical ids, and the merged registry.

Canonical ids follow the official style: "124/2021/TT-BCA", "510/QĐ-BCA-V05",
"2447/QĐ-TTg", and for Party documents "09-CT/TW", "44-KL/TW", "11-CTr/TU".
Variants seen in plans ("09/CT-TW", "05/CT/TW", "12/CT-TU",
"06/2015/TTLT/ BGDĐT-BCA") reduce to the same key and merge into one entry.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from core.legal_ids import CITATION, KIND_CODES, LAW, PARTY_ISSUERS, TYPE_RE, TYPES, canonical_id, id_key, number_tokens
from core.text import fold
from core.types import CitedBy, Conflict, ConflictValue, Document, LegalBasis, LegalCitation

_DATE_NUM = re.compile(r"^\s*,?\s*(?:ban hành\s+)?ngày\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")
_DATE_WORDS = re.compile(r"^\s*,?\s*(?:ban hành\s+)?ngày\s*(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
_ISSUER = re.compile(
    r"^\s*,?\s*(?:của|giữa)\s+(?P<who>.+?)(?=\s+(?:về|quy định|Quy định|ban hành|Ban hành|ngày|trong|hướng dẫn|hướng|tại|đối với)\b|\s*[“\";,.(]|\s+và\s+(?i:"
    + TYPE_RE
    + r")|$)"
)
_TITLE_START = re.compile(r"^\s*,?\s*(?=(?:về|Về|quy định|Quy định|ban hành|Ban hành|hướng dẫn|“|\"))")
_HEAD_TITLES = re.compile(r"^(?:Bộ trưởng|Thủ trưởng|Chủ tịch|Giám đốc|Cục trưởng)\s+(?=[A-ZĐ])")
_TERM = re.compile(
    r";|\.(?:\s|$)|\s+và\s+(?i:" + TYPE_RE + r")\s+(?:số\s*)?\d|,\s+(?i:" + TYPE_RE + r")\s+(?:số\s*)?\d"
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
        opening = body.find("“")
        if 0 <= opening <= 12 and "”" in body[opening:]:
            body = body[: body.index("”", opening) + 1]  # a quoted title ends at its closing quote
        body = body.strip().rstrip(",.").strip()
        if len(body) > 300:
            body = body[:300].rsplit(" ", 1)[0] + "…"
        title = body or None
    return date, issuer, title


def extract_citations(doc: Document) -> list[LegalCitation]:
    """Every mention of another legal document, with where it was cited."""
    text = doc.text
    out: list[LegalCitation] = []
    own = id_key(doc.number) if doc.number else None
    for m in CITATION.finditer(text):
        raw = m.group("number").strip()
        toks = number_tokens(raw)
        if not any(t.isalpha() or re.search(r"[A-Za-zĐđ]", t) for t in toks[1:]):
            continue  # "Kế hoạch số 12/2024" without a kind code is too ambiguous to cite
        cid = canonical_id(raw)
        if own and id_key(cid) == own:
            continue  # the document's own number
        section = doc.section_at(m.start())
        if section in (None, "header"):
            continue
        date, issuer, title = _tail(text[m.end() : m.end() + 600])
        out.append(
            LegalCitation(
                id=cid,
                variant=re.sub(r"\s+", " ", raw),
                type=_type_name(m.group("type")),
                number=toks[0],
                year=_year_of(cid) or (int(date[:4]) if date else None),
                issuer_code=_issuer_code(cid),
                issuer=issuer,
                date=date,
                title=title,
                section=section,
                start=m.start(),
                end=m.end(),
            )
        )
    for m in LAW.finditer(text):
        section = doc.section_at(m.start())
        if section in (None, "header"):
            continue
        name = re.sub(r"\s+", " ", m.group("name"))
        out.append(
            LegalCitation(
                id=f"{name} {m.group('year')}",
                variant=m.group(0),
                type="Luật",
                number=name,
                year=int(m.group("year")),
                section=section,
                start=m.start(),
                end=m.end(),
            )
        )
    out.sort(key=lambda c: c.start)
    return out


def _type_name(raw: str) -> str:
    low = raw.lower()
    for t in TYPES:
        if t.lower() == low:
            return t
    return raw[:1].upper() + raw[1:]


# ---------------------------------------------------------------- registry


def citation_string(entry: LegalBasis) -> str:
    """Ready-to-paste form: "Thông tư số 124/2021/TT-BCA ngày 28/12/2021 của Bộ Công an quy định …"."""
    if entry.type == "Luật":
        return entry.id.rsplit(" ", 1)[0] + f" năm {entry.year}" if entry.year else entry.id
    parts = [f"{entry.type} số {entry.id}"]
    if entry.date:
        y, m, d = entry.date.split("-")
        parts.append(f"ngày {d}/{m}/{y}")
    if entry.issuer:
        parts.append(f"của {entry.issuer}")
    if entry.title:
        parts.append(entry.title)
    return " ".join(parts)


def build_registry(docs: Iterable[Document]) -> list[LegalBasis]:
    """Merge every citation of every document into one entry per cited document."""
    docs = list(docs)
    by_key: dict[str, list[LegalCitation]] = defaultdict(list)
    cited_in: dict[str, list[tuple[str, LegalCitation]]] = defaultdict(list)
    for doc in docs:
        for c in doc.citations:
            key = id_key(c.id) if c.type != "Luật" else fold(c.id).lower()
            by_key[key].append(c)
            cited_in[key].append((doc.doc_id, c))
    in_corpus = {id_key(d.number): d.doc_id for d in docs if d.number and d.number.split("/")[0].strip()}
    entries = []
    for key, mentions in by_key.items():
        ids = Counter(c.id for c in mentions)
        types = Counter(c.type for c in mentions)
        cid = ids.most_common(1)[0][0]
        cited_by = _unique_cited_by(cited_in[key])
        date, date_conflict = _agree("date", [(c.date, d, c.section) for d, c in cited_in[key]])
        issuer, issuer_conflict = _agree("issuer", [(c.issuer, d, c.section) for d, c in cited_in[key]])
        titles = [c.title for c in mentions if c.title]
        entry = LegalBasis(
            id=cid,
            type=types.most_common(1)[0][0],
            number=mentions[0].number,
            year=_year_of(cid) or (int(date[:4]) if date else mentions[0].year),
            issuer_code=_issuer_code(cid) if mentions[0].type != "Luật" else None,
            issuer=issuer,
            date=date,
            title=max(titles, key=len) if titles else None,
            citation="",
            variants=sorted({c.variant for c in mentions}),
            cited_by=cited_by,
            conflicts=[c for c in (date_conflict, issuer_conflict) if c],
            doc_id=in_corpus.get(key),
        )
        entry.citation = citation_string(entry)
        entries.append(entry)
    entries.sort(key=lambda e: (-len(e.citing_docs), e.id))
    return entries


def _unique_cited_by(items: list[tuple[str, LegalCitation]]) -> list[CitedBy]:
    seen: dict[tuple[str, str], CitedBy] = {}
    for doc_id, c in items:
        seen.setdefault((doc_id, c.section), CitedBy(doc_id=doc_id, section=c.section))
    return list(seen.values())


def _agree(field: str, values: list[tuple[str | None, str, str]]) -> tuple[str | None, Conflict | None]:
    """Majority value of a field across citations, and a conflict when citations disagree."""
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
    ranked = sorted(groups.items(), key=lambda kv: -len(kv[1]))
    best = shown[ranked[0][0]]
    if len(ranked) == 1:
        return best, None
    conflict = Conflict(
        field=field,  # type: ignore[arg-type]
        values=[ConflictValue(value=shown[k], cited_by=list(refs.values())) for k, refs in ranked],
    )
    return best, conflict
