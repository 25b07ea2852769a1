"""The registry of cited documents as answers read it: which entries a question names or asks for, where a
document cites an entry, which entries another replaces, and the warnings where documents disagree.

    named_entries(parse("Mỹ Tú căn cứ Chỉ thị 09 ngày nào?"), ctx)   # [LegalBasis(id="09-CT/TW", …)]
    names_body("Sở Giáo dục và Đào tạo tỉnh Sóc Trăng", "so gddt soc trang")   # True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from core.legal_ids import id_key, leading_number
from core.text import fold
from core.types import Document, LegalBasis, part_of
from ingest.legal import mentions
from ingest.lexicon import lexicon as ingest_lexicon
from retrieval.answers.context import Context
from retrieval.answers.evidence import fmt_date
from retrieval.answers.phrases import fkey
from retrieval.answers.question import Question, named_pair, named_twice
from retrieval.extract import Line, section_lines
from retrieval.lexicon import lexicon


def body_words(name: str) -> list[str]:
    """A body's name as folded words with its abbreviations written out ("UBND tỉnh X" = "Ủy ban nhân dân tỉnh X")."""
    table = lexicon().abbreviations
    words = re.findall(r"[a-z0-9]+", fold(name).lower())
    return " ".join(fold(table[w]).lower() if w in table else w for w in words).split()


def _within(part: list[str], whole: list[str]) -> bool:
    """``part`` is a run of consecutive words of ``whole``."""
    n = len(part)
    return n > 0 and any(whole[i : i + n] == part for i in range(len(whole) - n + 1))


def _abridges(part: list[str], whole: list[str]) -> bool:
    """``part`` starts as ``whole`` does (the kind of body) and its words follow in ``whole`` in order, others
    between ("Sở GDĐT Sóc Trăng" in "Sở … tỉnh Sóc Trăng"; "Trung ương" does not abridge "Ban Tổ chức Trung ương")."""
    it = iter(whole[1:])
    return bool(part) and bool(whole) and part[0] == whole[0] and all(w in it for w in part[1:])


def names_body(name: str, body: str) -> bool:
    """Whether words a question names a body with (``body``) name this one: the body's whole name among them
    ("Bộ trưởng Bộ Công an" names "Bộ Công an"), or an abridgement of it ("UBND tỉnh" names "UBND tỉnh Lào
    Cai"; "Sở GDĐT Sóc Trăng" names "Sở Giáo dục và Đào tạo tỉnh Sóc Trăng")."""
    whole, part = body_words(name), body_words(body)
    return _within(whole, part) or _abridges(part, whole)


def own_bodies(doc: Document, q: Question) -> tuple[str, ...]:
    """The bodies that name a document in a question: its issuer, and the body over it in its header ("Sở Nông
    nghiệp và Môi trường" above a contest's "TM. BAN TỔ CHỨC") unless the question asks the grounds that body issued
    ("Kế hoạch … của Sở GDĐT căn cứ văn bản nào của UBND tỉnh?")."""
    managing = doc.managing_body
    if managing and any(names_body(managing, b) for b in _bodies(q.cited_body)):
        managing = None
    return tuple(b for b in (doc.issuer, managing) if b)


def asked_for(q: Question, entries: list[LegalBasis], own_bodies: tuple[str, ...] = ()) -> list[LegalBasis]:
    """The entries of the kinds the question asks for ("những chỉ thị nào") and of the issuer it names ("của Bộ
    Công an"; not the document's own bodies, ``own_bodies``, which name the document, however shortened); all when
    it names neither."""
    if q.kinds:
        entries = [e for e in entries if e.type in q.kinds]
    own = [body_words(b) for b in own_bodies]
    key = body_words(q.key)
    # the document's own body, also as it calls itself ("UBND Thành phố" in a plan of "UBND thành phố Hà Nội")
    issuers = {e.issuer for e in entries if e.issuer and not any(_within(body_words(e.issuer), o) for o in own)}
    bodies = _bodies(q.cited_body)
    named = {i for i in issuers if _within(body_words(i), key) or any(names_body(i, b) for b in bodies)}
    if not named:
        return entries
    # a text cited without its issuer written ("…, được sửa đổi, bổ sung bởi Thông tư số 03/2021/TT-BNV") is of
    # the body whose other texts carry the same code in their numbers, when no other body's do ("TW" is the
    # Politburo's and the Secretariat's alike)
    codes = {e.issuer_code for e in entries if e.issuer in named and e.issuer_code}
    codes -= {e.issuer_code for e in entries if e.issuer and e.issuer not in named}
    return [e for e in entries if e.issuer in named or (not e.issuer and e.issuer_code in codes)]


def _bodies(cited: str) -> list[str]:
    """The bodies a question names as issuers, each apart ("của Chính phủ và Thủ tướng"; "nghị quyết nào của Chính
    phủ và những quyết định nào của Thủ tướng": folded words)."""
    parts = re.split(r"\b(?:va|voi|hoac)\b|,", cited) if cited else []
    return [p.split(" cua ")[-1].split(" do ")[-1].strip() for p in parts if p.strip()]


def named_entries(
    q: Question, ctx: Context, own: Document | None = None, *, quoted: Sequence[Document] = ()
) -> list[LegalBasis]:
    """Registry entries a question names by number ("124/2021/TT-BCA", "thông tư 124", "chỉ thị 09").

    ``own``: the document the question is about. A kind and number it gives once that are ``own``'s too ("nghị
    quyết 57 của HĐND Hà Nội dựa trên văn bản nào") name that document, not an entry it might cite (57-NQ/TW);
    likewise those of any document an answer ``quoted``."""
    if not q.legal_keys and not q.legal_pairs:
        return []
    owns = [d for d in (own, *quoted) if d is not None]
    mine = {own_pair(d) for d in owns}
    pairs = [p for p in q.legal_pairs if p not in mine or named_twice(q, p)]
    own_keys = {id_key(d.number) for d in owns if d.number}  # their full numbers, likewise
    given = {k for k in q.legal_keys if k not in own_keys or q.legal_keys.count(k) > 1}
    # a year typed with the number ("thông tư 69/2021/TT-BTC") names that year's text, not another of its number
    years = {(t, n): m.group(1) for t, n in pairs if (m := re.search(named_pair(t, n) + r"/((?:19|20)\d\d)", q.key))}
    out = []
    for e in ctx.index.registry():
        keys = entry_keys(e)
        number = e.number.lstrip("0") if e.number else ""
        kind = e.type.lower()
        year = str(e.year)
        if keys & given or any(fold(kind) == t and number == n and years.get((t, n), year) == year for t, n in pairs):
            out.append(e)
    return out


def entry_keys(e: LegalBasis) -> set[str]:
    """The number keys an entry is cited by: its id (without the year a party document's id is told apart by) and
    every variant."""
    return {id_key(v) for v in [e.id.split(" (")[0], *e.variants]}


def titled_entries(q: Question, ctx: Context) -> list[LegalBasis]:
    """Registry entries a question names by their whole title, with no number, as a text cited ("… có căn cứ Luật
    Tổ chức chính quyền địa phương không?", "Luật Thủ đô được những văn bản nào căn cứ?"; lexicon
    ``titles_asked``): titles of three words or more, not inside a longer one the question names, the one of the
    year or number typed after it ("Luật Ngân sách nhà nước năm 2015"), every entry of its id."""
    words = lexicon().titles_asked
    key = q.key
    verbs = [m.end() for v in words["verbs"] for m in re.finditer(f" {v} ", key)]
    found: list[tuple[int, int, LegalBasis]] = []
    for title, e in _titles(ctx.index.registry()):
        if title not in key:
            continue
        for m in re.finditer(re.escape(title), key):
            after = key[m.end() :].split()
            if after and after[0] not in words["ends"] and not lexicon().kind_word.match(key, m.end() - 1):
                continue  # "Luật Giáo dục nghề nghiệp": a longer title ("…, Luật Quản lý thuế": another text)
            if _as_cited(key, m.start(), verbs, after, words["passive"]) and _of_year_or_number(e, after):
                found.append((m.start() + 1, m.end() - 1, e))
    kept = {e.id for s, t, e in found if not any(a <= s and t <= b and b - a > t - s for a, b, _ in found)}
    return [e for e in ctx.index.registry() if e.id in kept]


_TITLES: list[tuple[list[LegalBasis], list[tuple[str, LegalBasis]]]] = []


def _titles(entries: list[LegalBasis]) -> list[tuple[str, LegalBasis]]:
    """The entries' titles of three words or more as questions' keys read them, for the registry in view (kept
    until it changes: the registry hands out the same list while no document does)."""
    if _TITLES and _TITLES[0][0] is entries:
        return _TITLES[0][1]
    titles = [(title, e) for e in entries if len((title := fkey(e.title or "")).split()) >= 3]
    _TITLES[:] = [(entries, titles)]
    return titles


def _as_cited(key: str, start: int, verbs: list[int], after: list[str], passive: tuple[str, ...]) -> bool:
    """Whether a title at ``start`` names a text cited: after a citing verb with no kind named between but its
    own ("căn cứ Nghị định quy định chi tiết …"; the title describing a decree asked, "căn cứ nghị định quy định
    chi tiết Luật …", is not the law's), or before "được"."""
    if after and after[0] in passive:
        return True
    kinds = lexicon().kind_word

    def between(v: int) -> str:
        gap = key[v - 1 : start + 1]
        own = list(kinds.finditer(gap))
        return gap[: own[-1].start() + 1] if own and own[-1].end() == len(gap) else gap  # its own kind word

    return any(v - 1 <= start and not kinds.search(between(v)) for v in verbs)


def _of_year_or_number(e: LegalBasis, after: list[str]) -> bool:
    """Whether the entry is the one of the year or number typed after its title ("… năm 2015", "… số 72"), or
    none is typed."""
    if len(after) >= 2 and after[0] in ("nam", "so") and after[1][:1].isdigit():
        typed = after[1]
    elif after and re.fullmatch(r"(?:19|20)\d\d", after[0]):
        typed = after[0]
    else:
        return True
    number = (e.number or "").lstrip("0")
    return typed.lstrip("0") == number or typed == str(e.year) or f"/{typed}/" in e.id or typed in (e.date or "")


def own_pair(doc: Document | None) -> tuple[str, str] | None:
    """A document's kind and number as a question gives them ("nghi quyet", "57")."""
    if doc is None or not re.match(r"\d", doc.number or "") or not doc.doc_type:
        return None
    return fold(doc.doc_type).lower(), leading_number(doc.number)


def line_of(
    doc: Document, entry: LegalBasis, prefer: str = "preamble", date: str | None = None, within: str | None = None
) -> tuple[str, Line] | None:
    """The section and line where a document cites an entry (its ``prefer`` section first; giving it ``date``;
    only in ``within`` and its parts, when given)."""
    places = sorted(
        (
            c
            for c in doc.citations
            if mentions(c, entry)
            and (date is None or c.date == date)
            and (within is None or part_of(c.section, within))
        ),
        key=lambda c: (c.section != prefer, c.start),
    )
    for c in places:
        for ln in section_lines(doc, c.section, own=False):
            if ln.start <= c.start < ln.start + len(ln.text) + 1:
                return c.section, ln
    return None


#: How a line citing several grounds separates them.
_NEXT_GROUND = re.compile(r"(?:[;,]|\bvà)\s*$")
#: A sentence ending inside a line: a full stop before a capital.
_SENTENCE_END = re.compile(r"\.\s+(?=[A-ZĐÀ-Ỹ])")


def written(doc: Document, entry: LegalBasis, line: Line) -> str:
    """A ground as the document writes it, to paste as it stands ("Luật Tổ chức Chính phủ ngày 18 tháng 02 năm
    2025"): on a line opening as grounds do ("Căn cứ …", "Thực hiện …"), or going on from a line that opens so
    ("Để tiếp tục thực hiện nghiêm" above "Chỉ thị số 05/CT-TTg …"), from where it cites the entry to where it
    cites the next text or the clause or sentence ends; else (a sentence of the body) the registry's citation
    string, its day written as that sentence writes it."""
    end = line.start + len(line.text)
    if in_body(doc, line):
        return _dated_as_written(doc, entry, line.start, end)
    starts = sorted(c.start for c in doc.citations if line.start <= c.start < end)
    for c in doc.citations:
        if line.start <= c.start < end and mentions(c, entry):
            # the next text cited after a separator starts another ground ("…; Luật …", "… và Nghị định …"); one
            # cited without is part of this one's title ("… sửa đổi, bổ sung một số điều của Nghị định số …")
            stop = next((s for s in starts if s > c.start and _NEXT_GROUND.search(doc.text[c.start : s])), end)
            sentence = _SENTENCE_END.search(doc.text, c.start, stop)  # "… của Đảng. Để tiếp tục …": the clause ends
            stop = sentence.start() if sentence else stop
            # so does a ground at a semicolon opening the next ("…năm 2025; Căn cứ Kế hoạch số 77/KH-UBND …"; not
            # one inside a title: "… Đại hội lần thứ XIV của Đảng; tăng tốc, bứt phá …")
            semis = (m.start() for m in re.finditer(";", doc.text[c.start : stop]))
            stop = next((c.start + i for i in semis if _opens_grounds(doc.text[c.start + i + 1 : stop])), stop)
            begin = _opening_start(doc, line, c.start) if c.start == starts[0] else c.start
            text = re.sub(r"(?:[\s;,.]|\bvà$)+$", "", " ".join(doc.text[begin:stop].split()))
            if text:
                return text
    return entry.citation


#: A day written with slashes after a cited number ("… 71-NQ/TW ngày 22/8/2025 …"), a few words on at most.
_WRITTEN_DAY = re.compile(r"\bngày\s+(\d{1,2})/(\d{1,2})/(\d{4})\b")


def in_body(doc: Document, line: Line) -> bool:
    """Whether a line citing grounds is a sentence of the body, neither opening as grounds do nor going on from one
    that does: what it cites is written as the registry writes it (``written``)."""
    return not _opens_grounds(line.text) and not _opens_grounds(_opened_by(doc, line))


def _dated_as_written(doc: Document, entry: LegalBasis, start: int, end: int) -> str:
    """The registry's citation string, its day written as the sentence citing the entry writes it ("ngày 22/8/2025",
    where the registry writes "22/08/2025"): what a drafter pastes matches the text it was read from."""
    if not entry.date:
        return entry.citation
    y, m, d = entry.date.split("-")
    for c in doc.citations:
        if start <= c.start < end and mentions(c, entry):
            day = _WRITTEN_DAY.search(doc.text, c.start, min(end, c.start + 80))
            if day and (int(day[1]), int(day[2]), day[3]) == (int(d), int(m), y):
                return entry.citation.replace(f"ngày {d}/{m}/{y}", day.group(), 1)
    return entry.citation


def _opening_start(doc: Document, line: Line, cited: int) -> int:
    """Where the ground cited first on a line starts with the words the line opens with, when only they come before
    it ("Căn cứ Luật Thủ đô số 39/2024/QH15;": a drafter pastes the line as it stands), or they and the text it
    issued ("Căn cứ Quy chế làm việc của … ban hành kèm theo Quyết định số 12/QĐ-UBND …": the rules are the
    ground); else where it is cited."""
    head = doc.text[line.start : cited]
    opening = re.match(r"[\s\-–•+*]*", head)
    begin = line.start + (opening.end() if opening else 0)
    before = doc.text[begin:cited]
    attached = _opens_grounds(before) and ";" not in before and before.rstrip().endswith(ingest_lexicon().attached_by)
    return begin if _folded(before) in lexicon().grounds_openings or attached else cited


def _folded(text: str) -> str:
    """A text's folded words, one space apart ("Căn cứ" -> "can cu")."""
    return " ".join(re.findall(r"[a-z0-9]+", fold(text).lower()))


def _opens_grounds(text: str) -> bool:
    return _opens_with(text, lexicon().grounds_openings)


def _opens_with(text: str, openings: Iterable[str]) -> bool:
    """Whether a text's folded words open with one of ``openings`` (folded phrases)."""
    words = _folded(text)
    return any(words == o or words.startswith(o + " ") for o in openings)


def _opened_by(doc: Document, line: Line) -> str:
    """The line before, when it opens the clause this one goes on ("Để tiếp tục thực hiện nghiêm" above
    "Chỉ thị số 05/CT-TTg …"): not ended by a stop, a colon or a semicolon."""
    before = doc.text[: line.start].rstrip("\n").rsplit("\n", 1)[-1].strip()
    return "" if not before or before.endswith((".", ";", ":", "!", "?")) else before


def considers(line: Line) -> bool:
    """ "Xét Tờ trình số …", "Theo đề nghị của …": what a preamble weighs, not what it stands on."""
    return _opens_with(line.text, lexicon().considerations)


def replaced(entry: LegalBasis, ctx: Context) -> bool:
    """Whether a document that cites the entry says it is replaced ("… thay thế Thông tư số 23/2012/TT-BCA"):
    read once per catalog version (a much-cited law is cited by thousands of plans)."""
    return ctx.index.remembered(("replaced", entry.id), lambda: _replaced(entry, ctx))


def _replaced(entry: LegalBasis, ctx: Context) -> bool:
    citing = entry.citing_order
    said = ctx.index.remembered("replacing", ctx.index.catalog.replacing)  # few: read once per catalog version
    return any(doc_id in citing and mentions(c, entry) for doc_id, c in said)


def warning(e: LegalBasis) -> str:
    """What the registry notes where documents disagree about an entry (its date or issuer), with who says what."""
    notes = []
    for c in e.conflicts:
        values = "; ".join(
            f"{fmt_date(v.value) if c.field == 'date' else v.value} ({', '.join(r.doc_id for r in v.cited_by[:3])})"
            for v in c.values
        )
        notes.append(
            f"Lưu ý: các văn bản ghi {'ngày' if c.field == 'date' else 'cơ quan ban hành'} của {e.id} khác nhau: {values}."
        )
    return " ".join(notes)


def warnings(entries: list[LegalBasis]) -> list[str]:
    return [warning(e) for e in entries if e.conflicts]


def grounds_of(
    doc: Document, ctx: Context, q: Question | None, *, own_issuer: bool = True
) -> list[tuple[LegalBasis, str, Line]]:
    """A document's grounds (the kinds and issuer asked for; ``own_issuer``: the document's own body named is not an
    issuer asked) with the section and line citing each: those its preamble cites (else all it cites; all for
    "nhắc đến những chỉ thị nào")."""
    entries = ctx.index.entries_citing(doc.doc_id)
    if q is not None:
        entries = asked_for(q, entries, own_bodies(doc, q) if own_issuer else ())
    pre = [e for e in entries if any(r.doc_id == doc.doc_id and r.section == "preamble" for r in e.cited_by)]
    chosen = entries if q is not None and q.asking("mentions") and not q.asking("legal_bases") else pre or entries
    out = []
    for e in chosen:
        where = line_of(doc, e)
        if where is not None and not (where[0] == "preamble" and considers(where[1])):
            out.append((e, *where))
    return sorted(out, key=lambda g: g[2].start)  # as the document lists them (the registry's order is global)
