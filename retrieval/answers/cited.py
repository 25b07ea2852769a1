"""A header fact asked of a document the question's document cites, or of one it names by a number no stored
document has: "Kế hoạch của Sở GDĐT Khánh Hòa mà Cam Ranh thực hiện có số hiệu là gì?", "Quy chế phối hợp giữa
Phòng GD Cam Ranh và Công an thành phố là số mấy?", "Chỉ thị 09-CT/TW của Ban Bí thư ban hành ngày nào?".

The words naming what is asked about (the question without its fact cues) name another type of document than
the one the question is about, or the issuer of a document it cites (and not its own). The answer is the
registry entry's citation string (number, date, issuer, title), cited to the line that cites it.
"""

from __future__ import annotations

import re
from functools import cache

from core.legal_ids import CITED_TYPES
from core.text import fold
from core.types import CitedBy, Conflict, Document, LegalBasis
from ingest.legal import mentions
from retrieval.answers import bases
from retrieval.answers.context import Context
from retrieval.answers.evidence import Draft, Evidence, doc_name, fmt_date
from retrieval.answers.question import Question
from retrieval.extract import Line, section_lines
from retrieval.lexicon import lexicon

#: The facts a citation string states.
ANSWERABLE = frozenset({"number", "date", "issuer", "title"})
MAX_LISTED = 8


@cache
def _kinds() -> tuple[str, ...]:
    """Folded document types, longest first ("quy che phoi hop" before "quy che")."""
    kinds = {fold(t).lower() for t in (*CITED_TYPES, "Luật", "Bộ luật", "Hiến pháp")}
    return tuple(sorted(kinds, key=len, reverse=True))


def words(text: str) -> str:
    """Folded words, padded, abbreviations of the lexicon written out ("sở gdđt" = "sở giáo dục và đào tạo")."""
    table = lexicon().abbreviations
    out = []
    for w in re.findall(r"[a-z0-9]+", fold(text).lower()):
        out.append(fold(table[w]).lower() if w in table else w)
    return " " + " ".join(out) + " "


def first_kind(phrase: str) -> str | None:
    """The first document type a folded phrase names."""
    found = [(phrase.find(f" {k} "), -len(k), k) for k in _kinds() if f" {k} " in phrase]
    return min(found)[2] if found else None


def gather(
    q: Question, doc: Document | None, entries: list[LegalBasis], facts: list[str], ctx: Context
) -> Draft | None:
    """The facts a citation states, of ``entries`` as ``doc`` cites them, else of the documents the question
    names by number wherever they are cited."""
    if not ANSWERABLE & set(facts):
        return None
    return (answer(doc, entries, facts) if doc is not None and entries else None) or by_number(q, ctx)


def asked_of(q: Question, doc: Document, ctx: Context) -> list[LegalBasis] | None:
    """The registry entries a fact is asked of instead of ``doc``: those of the type the question names when it
    is not ``doc``'s type ([] when ``doc`` cites none), those whose issuer it names; None: ``doc`` itself."""
    phrase = words(without_cues(q))
    kind = first_kind(phrase)
    own = words(f"{doc.doc_type or ''} {doc.title or ''}")
    cited = ctx.index.entries_citing(doc.doc_id)
    optional = frozenset(w for cue in ctx.index.places().cues for w in cue.split())
    if kind is not None and f" {kind} " not in own:
        chosen = [e for e in cited if fold(e.type).lower() == kind]
        numbered = {e.id for e in bases.named_entries(q, ctx)}
        chosen = [e for e in chosen if e.id in numbered] or chosen
        return _issued_by_named(chosen, phrase, doc, optional) or chosen
    same = [e for e in cited if kind is None or fold(e.type).lower() == kind]
    return _issued_by_named(same, phrase, doc, optional) or None


def _issued_by_named(
    entries: list[LegalBasis], phrase: str, doc: Document, optional: frozenset[str]
) -> list[LegalBasis]:
    """The entries whose issuer (two words or more, not ``doc``'s own) the phrase names before it names
    ``doc``'s own issuer, if it does ("kế hoạch của Sở … mà Phòng … thực hiện" asks of the Sở's); the words
    that announce a place ("tỉnh", "thành phố") may be left out ("Sở GDĐT Sóc Trăng")."""
    own = _named_at(doc.issuer or "", phrase, optional)
    before = own if own >= 0 else len(phrase)
    out = []
    for e in entries:
        at = _named_at(e.issuer or "", phrase, optional)
        if -1 < at < before and words(e.issuer or "") != words(doc.issuer or ""):
            out.append(e)
    return out


def _named_at(body: str, phrase: str, optional: frozenset[str]) -> int:
    """Where the phrase names a body (-1: it does not, or the body has fewer than two words of its own)."""
    ws = words(body).split()
    if sum(w not in optional for w in ws) < 2:
        return -1
    pattern = " " + "".join(f"(?:{re.escape(w)} )?" if w in optional else f"{re.escape(w)} " for w in ws)
    m = re.search(pattern, phrase)
    return m.start() if m else -1


_NUMBER = re.compile(r"\d+[^\s,;?]*/[^\s,;?]+")  # "141/KH-UBND", "124/2021/TT-BCA"


def without_cues(q: Question) -> str:
    """The question's folded words without its fact cues and without the symbols of the numbers it names (the
    "UBND" of "141/KH-UBND" names no issuer)."""
    key = q.key
    for cue in sorted(q.cues, key=len, reverse=True):
        key = key.replace(f" {cue} ", " ")
    for m in _NUMBER.finditer(q.text):
        key = key.replace(f" {fold(m.group(0)).lower()} ", " ")
    return key


def answer(doc: Document, entries: list[LegalBasis], facts: list[str]) -> Draft | None:
    """Each entry's citation string, cited to the line of ``doc`` that cites it."""
    evidence, legal, notes = [], [], []
    for e in entries[:MAX_LISTED]:
        where = cited_at(doc, e)
        if where is None:
            continue
        section, line = where
        evidence.append(Evidence(doc.doc_id, section, "", [line], statements=[f"{e.citation} {{n}}."]))
        legal.append(e)
        notes += [_conflict(e, c) for c in e.conflicts if c.field in facts]
    if not evidence:
        return None
    return Draft(evidence, intro=f"Theo {doc_name(doc)}:", notes=notes, legal=legal, group_by_doc=False)


def numbered(q: Question, ctx: Context) -> bool:
    """Whether the question names a cited document by its number ("Chỉ thị 09")."""
    return bool((q.legal_keys or q.legal_pairs) and bases.named_entries(q, ctx))


def by_number(q: Question, ctx: Context) -> Draft | None:
    """A fact of a document the question names by number that no stored document has: every line citing it."""
    named = bases.named_entries(q, ctx)
    return bases.cited_by(named, ctx) if named else None


def cited_at(doc: Document, entry: LegalBasis) -> tuple[str, Line] | None:
    """The section and line where a document cites an entry (its preamble first)."""
    places = sorted((c for c in doc.citations if mentions(c, entry)), key=lambda c: (c.section != "preamble", c.start))
    for c in places:
        for ln in section_lines(doc, c.section, own=False):
            if ln.start <= c.start < ln.start + len(ln.text) + 1:
                return c.section, ln
    return None


def _docs(refs: list[CitedBy]) -> list[str]:
    return list(dict.fromkeys(r.doc_id for r in refs))[:3]


def _conflict(e: LegalBasis, c: Conflict) -> str:
    """Where the citing documents disagree about the fact asked (a date, an issuer)."""
    values = "; ".join(
        f"{fmt_date(v.value) if c.field == 'date' else v.value} ({', '.join(_docs(v.cited_by))})" for v in c.values
    )
    what = "ngày" if c.field == "date" else "cơ quan ban hành"
    return f"Lưu ý: các văn bản ghi {what} của {e.id} khác nhau: {values}."
