"""Header facts: who signed, when and where it was issued, its number, issuer, title, recipients, outline, who
proposed it (the preamble's "Theo đề nghị …" lines); and when a legal text takes effect (the clause of its own body
that says so).

Each fact is a statement about a parsed field, cited to the header, signature, closing or "Nơi nhận" lines
that state it. Asked of the document the question names by its header (``Context.fact_target``); without one,
the question goes on to the text. A fact the header does not state is a refusal saying so; a fact asked of a
document it cites is that document's citation (``retrieval.answers.cited``); a role ("ai là hiệu trưởng") is
the signer's when it is the title they sign with.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from core.text import fold
from core.types import Document
from ingest.tail import signed_mark
from retrieval.answers import cited
from retrieval.answers.context import Context
from retrieval.answers.evidence import Draft, Evidence, doc_name, fmt_date
from retrieval.answers.header import field_words, header_words, holds, rest_terms
from retrieval.answers.question import Question, has
from retrieval.answers.registry import considers
from retrieval.extract import Line, says_when, section_lines, text_terms
from retrieval.lexicon import lexicon

_DATE_LINE = re.compile(r"ngày\s*\d*\s*tháng|thông qua ngày", re.I)
PART_WORDS = 3  # words of a question naming a part of a text whose own start date it asks
MAX_LISTED = 30  # recipients or top-level sections listed


def gather(q: Question, ctx: Context) -> Draft | None:
    """Header facts of the document a question names; of a document it cites when the question names that one."""
    asked = [*q.facts, *q.weak]
    if not asked and not q.role:
        return None
    doc_id = ctx.fact_target(q)
    doc = ctx.index.get(doc_id) if doc_id else None
    # a weak cue ("ngày nào", "của cơ quan nào") is asked of a cited document named by number, unless a deadline's
    # word asks the day ("… kế hoạch nq 48 … báo cáo chậm nhất ngày nào": lexicon ``deadline_day``)
    if q.facts or (cited.numbered(q, ctx) and not has(q.key, *lexicon().deadline_day)):
        entries = cited.asked_of(q, doc, ctx) if doc is not None else []
        if entries is not None:  # asked of another document than ``doc``
            return cited.gather(q, doc, entries, asked, ctx)
    if doc is None:
        return None
    # a weak cue asks when the other words only name the document; its issuer's ("… là của đơn vị nào?") also when
    # they name it by its title: "của … nào" follows the thing whose owner is asked
    facts = [*q.facts, *(f for f in q.weak if names_only(q, doc, ctx, titled=f == "issuer"))]
    if not facts:
        return by_role(q, doc) if q.role else None
    if facts == ["outline"]:
        return outline(doc) or _lacks(doc, facts)
    found = {f: ev for f in facts if (ev := fact_evidence(doc, f)) is not None}
    if facts == ["replaces"] and not found and (ended := own_clause(doc, lexicon().ended_line)) is not None:
        found["replaces"] = ended  # asked alone, no clause saying so: a text it names said to end
    missing = [f for f in facts if f not in found]
    if not found:
        return _lacks(doc, missing)
    quoted = any(not ev.statements for ev in found.values())  # lines quoted as they are: say whose
    evidence = list(found.values())
    for clause in (found[f] for f in ("effective", "replaces") if f in found):
        rest = [ev for ev in rest_of_article(doc, clause) if ev.section not in {e.section for e in evidence}]
        if facts == ["effective"] and _dated_elsewhere(q, doc, ctx, [clause, *rest]):
            return None
        at = evidence.index(clause)  # the other facts asked keep their places; the article's clauses are ordered
        evidence[at : at + 1] = _topical_first(q, doc, ctx, [clause, *rest])
    return Draft(evidence, group_by_doc=quoted, notes=[_unstated(doc, missing)] if missing else [])


def _topical_first(q: Question, doc: Document, ctx: Context, evidence: list[Evidence]) -> list[Evidence]:
    """The article's clauses, the one holding most of what the question asks besides its cues and the document's
    name first: "quy định về đánh giá công chức áp dụng từ ngày nào" is the clause that dates that part, not the
    law's own entry into force (ties keep the clause that says so first)."""
    topic = _topic(q, doc, ctx)
    if not topic:
        return evidence

    def held(ev: Evidence) -> int:
        have = text_terms(ctx.analyzer, " ".join(ln.text for ln in ev.lines))
        return sum(t in have for t in topic)

    return sorted(evidence, key=lambda ev: -held(ev))


def _topic(q: Question, doc: Document, ctx: Context, asking: Sequence[str] = ()) -> list[str]:
    """The question's content words besides its cues (and the phrases ``asking`` a day) and the words that name its
    document."""
    terms = rest_terms(ctx.analyzer, q.text, [*q.cues, *asking])
    named = field_words(ctx.analyzer, [doc.doc_type, doc.number, doc.issuer, doc.place, doc.title])
    return [t for t in terms.uni if f" {t[2:]} " not in named]


def _dated_elsewhere(q: Question, doc: Document, ctx: Context, article: list[Evidence]) -> bool:
    """Whether "… khu vực vành đai 2 bắt đầu áp dụng từ ngày nào" asks the date of a part the article on entry into
    force does not speak of: its clauses hold fewer than half the words of the question's topic, and another section
    of the document holds them all and dates a start (a roadmap's "Kể từ ngày 01 tháng 01 năm 2028", "chậm nhất là
    ngày …": lexicon ``time_statements.start_date``; not a report due "trước ngày 20/6", nor "trong 15 ngày")."""
    topic = _topic(q, doc, ctx, [c for c in lexicon().day_asked if has(q.key, c)])
    if len(topic) < PART_WORDS:  # a part named ("khu vực vành đai 2"), not a word or two put otherwise ("ngành",
        return False  # "tuyển dụng" of a law that dates only the placing of those recruited before it)
    said = text_terms(ctx.analyzer, " ".join(ln.text for ev in article for ln in ev.lines))
    if 2 * sum(t in said for t in topic) >= len(topic):  # (a stray "3." or "cơ" of the article's own is no topic)
        return False
    inside = {ev.section for ev in article}
    for s in doc.sections:
        text = doc.section_text(s.id, own=True)
        starts = s.id not in inside and says_when(text) and lexicon().start_date.search(fold(text).lower())
        if starts and all(t in text_terms(ctx.analyzer, text) for t in topic):
            return True
    return False


def names_only(
    q: Question, doc: Document, ctx: Context, cues: Sequence[str] | None = None, *, titled: bool = False
) -> bool:
    """Whether the question without its fact cues (or ``cues``) only names ``doc`` by its header fields (type,
    number, issuer, managing body, place, year; its title only when ``titled``: the text shares its words)."""
    terms = rest_terms(ctx.analyzer, q.text, q.cues if cues is None else cues)
    return holds(terms, header_words(ctx.analyzer, doc, titled=titled))


def by_role(q: Question, doc: Document) -> Draft | None:
    """ "Ai là hiệu trưởng …?", "Phó chủ tịch … tên gì?": the signer, when the role is the title they sign
    with (the signature's last title line); a refusal when they sign for that role ("KT. CHỦ TỊCH")."""
    sig = section_lines(doc, "signature")
    at = next((i for i, ln in enumerate(sig) if doc.signer and doc.signer in ln.text), 0)
    titles = [(ln, _title_words(ln.text)) for ln in sig[:at]]
    role = (q.role or "").split()
    if not titles or not role:
        return None
    if role[: len(titles[-1][1])] == titles[-1][1]:
        return Draft([ev], group_by_doc=False) if (ev := fact_evidence(doc, "signer")) else None
    for line, title in titles[:-1]:
        if title and role[: len(title)] == title:
            reason = (
                f"{doc_name(doc)} do {doc.signer} ({titles[-1][0].text.strip()}) ký thay "
                f"{' '.join(line.text.split()[1:])}; văn bản không ghi tên người giữ chức danh này."
            )
            return Draft([], final=True, reason=reason)
    return None


def _signer_titles(doc: Document, sig: list[Line]) -> tuple[str, str]:
    """The title the signer signs with, as printed ("PHÓ CHỦ TỊCH"), and the one signed for ("KT. CHỦ TỊCH"); the
    header's signer title alone when the signature's lines do not show them apart."""
    at = next((i for i, ln in enumerate(sig) if doc.signer and doc.signer in ln.text), 0)
    titles = [ln.text.strip() for ln in sig[:at] if ln.text.strip() and not signed_mark(ln.text)]  # not "(Đã ký)"
    if not titles:
        return doc.signer_title or "", ""
    return titles[-1], " ".join(titles[:-1])


def _title_words(text: str) -> list[str]:
    """A title line's folded words, without the mark of signing for someone ("KT.", "TM.")."""
    ws = re.findall(r"[a-z0-9]+", fold(text).lower())
    return ws[1:] if ws and ws[0] in lexicon().signed_for else ws


#: How a refusal names a fact the header does not state.
FACT_NAMES = {
    "signer": "người ký",
    "date": "ngày ban hành",
    "number": "số hiệu",
    "issuer": "cơ quan ban hành",
    "title": "tên văn bản",
    "outline": "các phần, mục",
    "place": "nơi ban hành",
    "managing_body": "cơ quan chủ quản",
    "recipients": "nơi nhận",
    "effective": "ngày có hiệu lực",
    "replaces": "văn bản được thay thế",
    "proposer": "cơ quan đề nghị ban hành",
}


def _unstated(doc: Document, facts: list[str]) -> str:
    return f"{doc_name(doc)} không ghi {', '.join(FACT_NAMES.get(f, f) for f in facts)}."


def _lacks(doc: Document, facts: list[str]) -> Draft:
    """A refusal: the document does not state these facts (no other route answers them)."""
    return Draft([], final=True, reason=_unstated(doc, facts))


def outline(doc: Document) -> Draft | None:
    """ "Kế hoạch … gồm những mục nào?": the top-level sections, each cited to its heading line."""
    top = [s for s in doc.sections if s.parent is None]
    evidence = [
        Evidence(doc.doc_id, s.id, s.heading, lines[:1], statements=[f"{s.id}. {s.heading} {{n}}"])
        for s in top[:MAX_LISTED]
        if (lines := section_lines(doc, s.id))
    ]
    if not evidence:
        return None
    unit = "điều" if top[0].id.startswith("Điều") else "chương" if top[0].id.startswith("Chương") else "phần"
    return Draft(evidence, intro=f"{doc_name(doc)} gồm {len(top)} {unit}:", group_by_doc=False)


def _holding(lines: list[Line], phrase: str) -> list[Line]:
    """The run of consecutive lines whose text holds ``phrase`` (a header prints a body's name over two lines)."""
    want = re.sub(r"\s+", " ", fold(phrase).lower()).strip()
    for i in range(len(lines)):
        joined = ""
        for j in range(i, min(i + 3, len(lines))):
            joined = (joined + " " + fold(lines[j].text).lower()).strip()
            if want in joined:
                return lines[i : j + 1]
    return []


def fact_evidence(doc: Document, fact: str) -> Evidence | None:
    """A header fact as a statement, cited to the lines that state it."""
    if fact == "effective":
        return own_clause(doc, lexicon().effective_line)
    if fact == "replaces":
        return own_clause(doc, lexicon().replaces_line)
    header = section_lines(doc, "header")
    name = doc_name(doc)
    if fact == "proposer":  # "Theo đề nghị của Cục trưởng …", "Xét Tờ trình số …": the preamble's lines that say it
        said = [ln for ln in section_lines(doc, "preamble") if considers(ln)]
        return Evidence(doc.doc_id, "preamble", "", said) if said else None
    if fact == "signer":
        sig = section_lines(doc, "signature")
        if not doc.signer or not sig:
            return None
        own, behalf = _signer_titles(doc, sig)
        who = f"{own} {doc.signer}" if own else doc.signer
        said = f"{name} do {who} ký" + (f" ({behalf})" if behalf else "")
        return Evidence(doc.doc_id, "signature", "Chữ ký", sig, statements=[f"{said} {{n}}."])
    if fact in ("date", "place"):
        part, lines = "header", header
        line = next((ln for ln in header if _DATE_LINE.search(ln.text)), None)
        if line is None and fact == "date":
            part, lines = "closing", section_lines(doc, "closing")
            line = next((ln for ln in lines if _DATE_LINE.search(ln.text)), None)
        if line is None:
            return None
        if fact == "place":
            if not doc.place or doc.place not in line.text:
                return None
            return Evidence(doc.doc_id, part, "", [line], statements=[f"{name} ban hành tại {doc.place} {{n}}."])
        if doc.date:
            when = f"ngày {fmt_date(doc.date)}"
        elif doc.month and doc.year:
            when = f"tháng {doc.month}/{doc.year} (văn bản để trống ngày)"
        elif doc.year:
            when = f"năm {doc.year}"
        else:
            return None
        verb = "được thông qua" if part == "closing" else "ban hành"
        # the dated line quoted under the statement: the date as the document writes it, to check
        return Evidence(doc.doc_id, part, "", [line], statements=[f"{name} {verb} {when} {{n}}."], show_lines=True)
    if fact == "number":
        line = next((ln for ln in header if re.match(r"(?:Luật\s+)?[Ss]ố\b", ln.text) or " số" in ln.text[:12]), None)
        if line is None or not doc.number:
            return (
                Evidence(doc.doc_id, "header", "", header[:1], statements=[f"{name} không ghi số hiệu {{n}}."])
                if header
                else None
            )
        blank = " (phần số để trống)" if not doc.number.split("/")[0].strip() else ""
        return Evidence(doc.doc_id, "header", "", [line], statements=[f"Số hiệu: {doc.number}{blank} {{n}}."])
    if fact in ("issuer", "managing_body"):
        body = doc.issuer if fact == "issuer" else doc.managing_body
        if not body:
            return None
        lines = _holding(header, body) or _holding(section_lines(doc, "preamble"), body)
        if not lines:
            lines = _holding(header, body.split(" ", 3)[-1]) if len(body.split()) > 3 else []
        if not lines:
            return None
        part = "header" if lines[0] in header else "preamble"
        if fact == "issuer":
            where = f" ({doc.place})" if doc.place and fold(doc.place).lower() not in fold(body).lower() else ""
            statement = f"Cơ quan ban hành: {body}{where} {{n}}."
        else:
            statement = f"{name} thuộc {body} (cơ quan chủ quản) {{n}}."
        return Evidence(doc.doc_id, part, "", lines, statements=[statement])
    if fact == "recipients":
        lines = section_lines(doc, "recipients")
        items = [ln for ln in lines if not re.match(r"(?i)nơi nhận", ln.text)] or lines
        if not items:
            return None
        return Evidence(
            doc.doc_id,
            "recipients",
            "Nơi nhận",
            items[:MAX_LISTED],
            statements=[f"{name} gửi tới {{n}}:"],
            show_lines=True,
        )
    if not doc.title:
        return None
    lines = _holding(header, doc.title[:60])
    if not lines:
        return None
    return Evidence(doc.doc_id, "header", "", lines, statements=[f"{name}: {doc.title} {{n}}."])


MAX_EFFECTIVE_LINES = 8  # an article on taking effect this short is quoted whole (what it replaces, too)


def own_clause(doc: Document, said: re.Pattern[str]) -> Evidence | None:
    """When a legal text takes effect, or what it replaces: the first section of its body with a clause that says
    so ("Quyết định này có hiệu lực …", "Kế hoạch này thay thế …"; the document's own article comes before any
    regulation it attaches), its closing in the order of the text ("Chương trình này có hiệu lực … ./.": of itself,
    "… này", not "Thông tư số 31 … có hiệu lực …" it passes on), cited to that clause."""
    closing = next((p for p in doc.parts if p.id == "closing"), None)
    sections = list(doc.sections)
    if closing is not None:  # after the main text's sections, before those of what it attaches
        at = next((i for i, s in enumerate(sections) if s.start >= closing.start), len(sections))
        sections.insert(at, closing)
    for sec in sections:
        lines = section_lines(doc, sec.id)
        joined = " ".join(ln.text.strip() for ln in lines)  # a text wrapped mid-clause ("Điều 2. Quyết\nđịnh này …")
        found = [m for m in (*(said.search(ln.text) for ln in lines), said.search(joined)) if m]
        if sec is closing:
            found = [m for m in found if " này " in f" {m.group(0)} "]
        if found:
            return Evidence(doc.doc_id, sec.id, sec.heading, lines)
    return None


def rest_of_article(doc: Document, clause: Evidence) -> list[Evidence]:
    """The other clauses of a short article on taking effect (what it replaces, who carries it out), each cited to
    its own clause after the one asked: "Điều 3. 1. … có hiệu lực …; 2. … hết hiệu lực …"."""
    sec = doc.section(clause.section)
    parent = doc.section(sec.parent) if sec is not None and sec.parent else None
    if parent is None or "Điều" not in parent.id or len(section_lines(doc, parent.id, own=False)) > MAX_EFFECTIVE_LINES:
        return []  # an article's clauses; not the other points of a letter's "6. Tổ chức thực hiện"
    return [
        Evidence(doc.doc_id, c.id, c.heading, lines)
        for c in doc.children(parent.id)
        if c.id != sec.id and (lines := section_lines(doc, c.id, own=False))
    ]
