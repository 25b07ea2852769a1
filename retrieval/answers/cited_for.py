"""The texts a document cites for one thing it says, when a legal-basis question asks about that thing: "Nghị
quyết 22 … những nội dung không có trong nghị quyết thì thực hiện theo thông tư nào?" asks the text the clause
on what it leaves out names, not the resolution's grounds; "Kế hoạch 141 nêu mục đích là triển khai những văn
bản nào?" the texts its "Mục đích" names.

    cited_for(q, ctx, doc)  # Draft | None

What the question asks about is its asking sentence's content words without those naming the document (its
header fields) and without the words of asking for grounds (lexicon ``grounds_words``, kinds of text, the
drafter's cues). None is left for "Kế hoạch 308 được ban hành để triển khai nghị quyết nào?": the grounds answer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from core.text import fold
from core.types import Document, LegalBasis
from ingest.legal import mentions
from retrieval.answers.context import Context
from retrieval.answers.evidence import Draft, Evidence, doc_name
from retrieval.answers.header import field_words, rest_terms, unnamed
from retrieval.answers.on_topic import on_topic
from retrieval.answers.question import Question
from retrieval.answers.registry import asked_for, line_of, own_bodies, warnings
from retrieval.extract import Coverage, Line, QueryTerms, text_terms
from retrieval.lexicon import lexicon

#: A kind of text (or "văn bản", "quy định") asked by "nào" or "gì", on folded text.
_ASKS_TEXTS = re.compile(
    rf" (?:{'|'.join(sorted(map(re.escape, lexicon().kind_types), key=len, reverse=True))}|van ban|quy dinh)"
    r"(?: \w+){0,3} (?:nao|gi)\b"
)
#: A question word asking something ("gì", "nào", "sao", "bao nhiêu", "mấy", "ai", "đâu"), on folded text.
_ASKS = re.compile(r" (?:gi|nao|sao|bao nhieu|may|ai|dau)\b")
#: Parts of a document that are not a section saying something of its own.
_NOT_BODY = frozenset({"preamble", "header", "signature", "closing", "recipients"})


def cited_for(q: Question, ctx: Context, doc: Document, named: Sequence[LegalBasis] = ()) -> Draft | None:
    """The texts (of the kinds and issuer asked; not those ``named`` as what the document carries out) cited in
    the section of ``doc`` that holds what the question asks about, each with its line, when that section holds
    at least ``AnswerPolicy.cited_for`` of those words and more of them than the preamble; None otherwise (the
    document's grounds are asked). Sections holding as much are told apart by the story told before the question
    ("… kiêm bí thư đoàn trường. … việc giảm định mức tiết dạy của tôi thực hiện theo văn bản nào?")."""
    subject = _subject(_asking_clause(_asking(q)), ctx, doc)
    if subject is None:
        return None
    entries = [e for e in asked_for(q, ctx.index.entries_citing(doc.doc_id), own_bodies(doc, q)) if e not in named]
    citing: dict[str, list[LegalBasis]] = {}
    for c in doc.citations:
        for e in entries:
            if mentions(c, e) and e not in citing.setdefault(c.section, []):
                citing[c.section].append(e)
    covers = Coverage(subject, ctx.weights())
    order = {s.id: i for i, s in enumerate(doc.sections)}
    body = [s for s in citing if s not in _NOT_BODY and s in order]
    if not body:
        return None
    have = {s: _section_terms(ctx, doc, s) for s in body}
    held = {s: covers(have[s]) for s in body}
    told = _subject(q.text, ctx, doc) if q.told_apart else None
    story = Coverage(told, ctx.weights()) if told is not None else None
    best = max(body, key=lambda s: (held[s], story(have[s]) if story else 0.0, -order[s]))
    grounds = covers(_section_terms(ctx, doc, "preamble")) if any(p.id == "preamble" for p in doc.parts) else 0.0
    if held[best] < ctx.policy.answer.cited_for or held[best] <= grounds:
        return None
    found = [(e, where) for e in citing[best] if (where := line_of(doc, e, prefer=best, within=best)) is not None]
    # a point citing one text for each thing it says: those cited for what is asked
    said = clause_subject(q, ctx, doc)
    kept = on_topic(said, [(doc, e, line) for e, (_, line) in found], ctx) if said else range(len(found))
    lines: dict[str, dict[int, Line]] = {}  # section -> its lines citing them, each once, in order
    legal = []
    for e, (section, line) in (found[i] for i in kept):
        legal.append(e)
        lines.setdefault(section, {})[line.start] = line
    if not legal:
        return None
    evidence = [Evidence(doc.doc_id, sec, "", [by[k] for k in sorted(by)]) for sec, by in lines.items()]
    sec = doc.section(best)
    where = f"mục {best}" + (f" «{sec.heading}»" if sec is not None and sec.heading else "")
    listed = "; ".join(e.citation for e in legal)
    intro = f"{doc_name(doc)} nhắc đến {len(legal)} văn bản ở {where}: {listed}."
    return Draft(evidence, intro=intro, legal=legal, notes=warnings(legal), group_by_doc=False)


def clause_subject(q: Question, ctx: Context, doc: Document) -> QueryTerms | None:
    """What the clause asking for texts asks about in ``doc``, as words to tell apart the clauses of one passage
    citing texts (``retrieval.answers.on_topic``): its content words without the words of asking for texts, the
    issuer it names ("… của Bộ Công an", as a phrase) and the words naming the document; None unless three pairs of
    content words are left (a pair or two of framing, "nội dung", "tiếp tục", tell no clause from another)."""
    said = _subject(_asking_clause(_asking(q)), ctx, doc, [q.cited_body] if q.cited_body else [])
    return said if said is not None and len(said.bi) >= 3 else None


def topics_asked(q: Question, ctx: Context, doc: Document) -> list[QueryTerms]:
    """What a question says the texts it asks for are about, after the kind it asks ("căn cứ nghị định nào về
    phân định thẩm quyền …", "… văn bản nào quy định mức chi …": lexicon ``grounds_words.topic``), each thing
    joined by "và", "cùng" or a punctuation mark apart; none when it says nothing so (what describes the document
    before it names the grounds, "Công văn … về đánh giá … căn cứ những văn bản nào?", is the document's own
    subject). A question whose folded form is not letter for letter the text (decomposed marks) says none."""
    text = _asking(q)
    key = f" {fold(text).lower()} "
    asked = _ASKS_TEXTS.search(key)
    if asked is None or len(key) != len(text) + 2:  # offsets in the folded key are the text's, letter for letter
        return []
    words = "|".join(map(re.escape, lexicon().grounds_topic))
    said = re.compile(rf"(?: cua [^,;?.]*?)? (?:{words}) (?=\w)").match(key, asked.end())
    if said is None:
        return []
    parts = re.split(r"\s+(?:và|va|cùng|cung)\s+|[,;?]", text[said.end() - 1 :])
    topics = [(part, _subject(part, ctx, doc, one_word=True)) for part in parts]
    if any(t is None and rest_terms(ctx.analyzer, part, _asking_words()).uni for part, t in topics):
        return []  # a thing said that names the document ("… luật nào về phí, lệ phí" of a fee circular): any text
    return [t for _, t in topics if t is not None]


def _asking(q: Question) -> str:
    """The sentence that asks, after a story told first; else the whole question."""
    return q.asked if q.told_apart and q.asked else q.text


def _asking_clause(text: str) -> str:
    """The question from after the last clause asking something else, before the one asking for texts ("Kế hoạch
    179 có những nhiệm vụ, giải pháp gì và căn cứ văn bản nào?": "và căn cứ văn bản nào?"): a question word that
    names no kind of text (or "văn bản") before it. Clauses setting the scene stay ("Trong công tác tham mưu, …
    triển khai những văn bản nào của Bộ Công an?")."""
    key = f" {fold(text).lower()} "
    asked = _ASKS_TEXTS.search(key)
    if asked is None:
        return text
    other = [m for m in _ASKS.finditer(key, 0, asked.start())]
    if not other:
        return text
    cut = other[-1].end() - 1  # the folded key is the text padded by one space, letter for letter
    return text[cut:] if len(key) == len(text) + 2 else text


def _subject(
    text: str, ctx: Context, doc: Document, more: Sequence[str] = (), *, one_word: bool = False
) -> QueryTerms | None:
    """What a question asks about, beyond naming the document, asking for grounds and the folded phrases ``more``;
    None when nothing is (two content words in a row at least, or one when ``one_word``: a thing said after the
    kind asked, "… những luật nào về phí, lệ phí …")."""
    terms = rest_terms(ctx.analyzer, text, [*_asking_words(), *more])
    named = field_words(ctx.analyzer, [doc.doc_type, doc.number, doc.issuer, doc.place, doc.title, doc.date])
    rest = unnamed(terms, named)
    if not (rest.bi or (one_word and rest.uni)) or (rest is terms and any(f" {t[2:]} " in named for t in terms.uni)):
        return None  # every word names the document ("unnamed" keeps them all when nothing else is left)
    return rest  # two content words in a row at least: "được ban hành để …" leaves no thing asked about


def _asking_words() -> list[str]:
    """Folded words of asking for texts: for grounds, kinds of text, the drafter's cues."""
    lx = lexicon()
    return [
        *lx.grounds_words,
        *lx.intents["legal_bases"],
        *lx.kind_types,
        *lx.kind_short_folded,
        *lx.intents["drafter"],
    ]


def _section_terms(ctx: Context, doc: Document, section: str) -> frozenset[str]:
    """The words of a section's own text and its heading."""
    sec = doc.section(section)
    heading = sec.heading if sec is not None else ""
    return text_terms(ctx.analyzer, f"{heading}\n{doc.section_text(section, own=True)}")
