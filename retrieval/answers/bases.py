"""Legal bases: what a document cites as its grounds, whether it cites a named one, which documents cite one.

Answers are registry entries as citation strings ready to paste ("Thông tư số 124/2021/TT-BCA ngày 28/12/2021
của Bộ Công an …"), each cited to the line of the document that cites it, with the registry's warnings where
documents disagree about one (its date or issuer). What drafters cite most is ``drafting``; a cited document
described by its title, or asked its date, is ``described``.
"""

from __future__ import annotations

import re
from collections import Counter

from core.legal_ids import id_key
from core.types import Document, LegalBasis
from ingest.legal import mentions
from retrieval.answers import described, drafting
from retrieval.answers.carried import carried_out
from retrieval.answers.cited_for import cited_for, clause_subject, topics_asked
from retrieval.answers.context import Context
from retrieval.answers.evidence import Draft, Evidence, doc_name
from retrieval.answers.on_topic import on_topic
from retrieval.answers.phrases import clause_key
from retrieval.answers.question import Question, fkey, has, parse
from retrieval.answers.registry import (
    asked_for,
    entry_keys,
    grounds_of,
    in_body,
    line_of,
    named_entries,
    own_bodies,
    own_pair,
    titled_entries,
    warning,
    warnings,
    written,
)
from retrieval.extract import Line, query_terms, section_lines
from retrieval.lexicon import lexicon

MAX_LISTED = 12


def serves(q: Question) -> bool:
    """Whether a question is about legal bases or about a document cited by the ones held (not what a document
    says it replaces: "… thay thế kế hoạch nào?" is a fact of its own body)."""
    if "replaces" in q.facts:
        return False
    if q.asking("legal_bases", "mentions", "drafter", "most_cited", "cited_by") or "preamble" in q.refs:
        return True
    if (q.legal_keys or q.legal_pairs) and (q.asking("does_cite", "dated") or "date" in q.facts):
        return True
    return bool(q.kinds) or bool(set(q.facts) & set(described.FACTS))


def _asked_without_story(q: Question, ctx: Context, doc: Document) -> Question | None:
    """The sentence that asks, read alone, when the documents the question names by number are named only in the
    story told before it ("… đang soạn kế hoạch triển khai Nghị quyết 214/NQ-CP. KH 308 căn cứ những văn bản
    nào?"): the asker's own work, not a text asked about; None otherwise."""
    if not q.told_apart:
        return None
    asking = parse(q.asked)
    return None if named_entries(asking, ctx, doc) else asking


def gather(q: Question, ctx: Context) -> Draft | None:
    """Route within legal bases: the drafter's ranking, whether a plan cites a named document (and its date),
    who cites a named document, one document's grounds, or a cited document described by its words."""
    if q.asking("drafter", "most_cited") and not _consulting(q):
        return drafting.ranking(q, ctx)
    target = ctx.target(q)
    # who cites a text asked by its kind and number ("Những kế hoạch nào căn cứ Thông tư 124?"): the number names
    # the text cited, though the search leads to that text itself
    who = _asks_who_cites(q, ctx, target)
    named = named_entries(q, ctx, ctx.index.get(target) if target and not who else None)
    titled = not named and (q.asking("cited_by") or (target and q.asking("does_cite"))) and not q.asking("legal_bases")
    if titled:
        # "… có căn cứ Luật Tổ chức chính quyền địa phương không?" (not a title describing the document whose
        # grounds are asked: "qđ 2623 thi hành luật bảo vệ dữ liệu cá nhân căn cứ những văn bản nào")
        named = titled_entries(q, ctx)
    others = [e for e in named if target is None or e.doc_id != target]
    if others and (q.asking("does_cite", "dated") or "date" in q.facts):
        doc = ctx.index.get(target) if target else None
        if doc is not None and q.asking("does_cite"):
            mention = bool(titled) and has(q.key, *lexicon().titles_asked["mention_verbs"])
            return _with_others(does_cite(doc, others, ctx, by_title=mention), doc, q, ctx)
        cited = [e for e in others if doc is not None and doc.doc_id in e.citing_docs]
        if doc is not None and cited:
            return described.dates(cited, ctx, doc)
        return described.dates([e for e in others if e.doc_id is None], ctx)
    if named and q.asking("cited_by") and not q.asking("legal_bases"):
        return cited_by(named, ctx, q.kinds)
    if q.asking("legal_bases", "mentions") or "preamble" in q.refs:
        if ctx.apart and not has(q.key, *lexicon().grounds_shared):  # "Kế hoạch 308 và 310 …": each one's
            return each_grounds(q, ctx)
        if target is None:  # several documents alike ("… cùng căn cứ văn bản nào?"): the grounds they share
            return shared_grounds(q, ctx)
        doc = ctx.index.get(target)
        if not named and (carried := carried_out(q, ctx, doc)) is not None:
            return carried  # "… giao Sở X thực hiện những nghị quyết nào?": the texts of that unit's tasks
        # "… nhiệm vụ rà soát Chiến lược dữ liệu được giao dựa trên quyết định nào?": the texts its section cites
        if (not named or q.kinds) and (said := cited_for(q, ctx, doc, named)) is not None:
            return said
        # a document named beside a kind of text asked ("… (thay NQ 47/2024) căn cứ những luật nào?") only names
        # the one asked about: its grounds of that kind are listed, not whether it cites the one named
        if named and (asking := _asked_without_story(q, ctx, doc)) is not None:
            return grounds(doc, ctx, asking)  # what the sentence that asks asks for (its kinds, issuer)
        if named and others == named and not q.kinds:
            return _with_others(does_cite(doc, others, ctx), doc, q, ctx)
        return grounds(doc, ctx, q)
    if not named and not q.legal_keys and not q.legal_pairs:
        return described.gather(q, ctx)
    return None


def _asks_who_cites(q: Question, ctx: Context, target: str | None) -> bool:
    """Whether the question asks which documents cite a text it names by kind and number: documents of a kind
    asked ("những kế hoạch nào", "văn bản nào") before a citing verb ("căn cứ", "triển khai": lexicon
    ``titles_asked``), not what that text itself cites ("Thông tư 124 nhắc đến những văn bản nào?", "văn bản nào
    là căn cứ của …") nor who carries out a task ("Cơ quan nào thực hiện …"); and, when a stored document has the
    kind and number, it is the one cited, or the question says no more of it than of a text of that number that
    stored ones cite ("Nghị quyết 57 của HĐND Hà Nội …" is the stored one, not 57-NQ/TW)."""
    lx = lexicon()
    if not q.legal_pairs or not q.asking("cited_by") or q.asking("legal_bases", "does_cite", "mentions"):
        return False
    asked = lx.asked_kinds.search(q.key)
    verbs = [*lx.titles_asked["verbs"], *lx.titles_asked["cited_by_verbs"]]
    at = min((m.start() for v in verbs for m in re.finditer(f" {v} ", q.key)), default=None)
    if asked is None or at is None or asked.start() > at or q.key[max(at - 3, 0) : at] == " la":
        return False
    doc = ctx.index.get(target) if target else None
    own = own_pair(doc)
    if doc is None or own is None or own not in q.legal_pairs:
        return True
    if any(e.doc_id == doc.doc_id for e in named_entries(q, ctx)):
        return True  # the stored text is cited: its citers are asked
    if q.years and not any(str(y) in f"{doc.number} {doc.date}" for y in q.years):
        return True  # "… kế hoạch 310/KH-UBND năm 2024": not the stored plan of 2025
    own_key = id_key(doc.number or "")
    if q.legal_keys and own_key in q.legal_keys:
        # "Nghị quyết 57/2025/NQ-HĐND …": the stored one, which nothing here cites, unless a cited text has that
        # full number too ("310/KH-UBND": plans are numbered without a year)
        return any(e.doc_id != doc.doc_id and own_key in entry_keys(e) for e in ctx.index.registry())
    return ctx.cited_instead(q, *own, doc.doc_id, ties=True)


def _consulting(q: Question) -> bool:
    """A drafter who names the one document they consult ("Tôi đang soạn kế hoạch … . Kế hoạch 159 của Cần Thơ căn
    cứ những văn bản nào?", "… muốn tham khảo kế hoạch 308: kế hoạch đó …"): that document's grounds are asked, not
    what every plan cites most. The drafting is told, not asked, when the sentence that asks has no drafting cue."""
    if not q.asking("legal_bases") or not (q.legal_keys or q.legal_pairs or q.asked):
        return False
    asked = fkey(q.asked) if q.asked else _named_after_drafting(q)
    if asked is not None and not (q.told_apart or q.legal_keys or q.legal_pairs or _names_a_kind(asked)):
        asked = None  # "Tôi soạn kế hoạch …, nên căn cứ văn bản nào?": the clause after the story names no document
    return q.asking("consults") or (asked is not None and not has(asked, *lexicon().intents["drafter"]))


def _named_after_drafting(q: Question) -> str | None:
    """The clauses after the one telling the drafting, in one sentence, when they name a document by its number and
    that one does not ("Đang soạn tờ trình bên Sở GD, cho mình hỏi QĐ 48/2025 về … căn cứ những văn bản nào?"; not
    "Soạn kế hoạch triển khai Nghị quyết 214, nên căn cứ văn bản nào?", which drafts on that resolution)."""
    numbers = {n for _, n in q.legal_pairs}  # "quyết định 48/2025": "48"
    clauses = clause_key(q.text).split(" | ")
    told = next((i for i, c in enumerate(clauses) if has(f" {c} ", *lexicon().intents["drafter"])), None)
    if told is None or not numbers:
        return None
    rest = " ".join(clauses[told + 1 :])

    def names(text: str) -> bool:
        return any(re.search(rf"(?<![\w/]){n}(?!\d)", text) for n in numbers)

    return f" {rest} " if names(rest) and not names(clauses[told]) else None


_GROUNDS_CUE = re.compile(r" (?:can cu|dua tren|dua vao|thuc hien|trien khai) ")


def _names_a_kind(asked: str) -> bool:
    """Whether the words before the grounds are asked name a kind of document ("công văn hướng dẫn của Sở … căn
    cứ những thông tư nào": a công văn; "nên căn cứ văn bản nào": none)."""
    before = _GROUNDS_CUE.split(asked, maxsplit=1)[0] + " "
    lx = lexicon()
    return has(before, *lx.kind_types, *lx.kind_short_folded)  # "KH chuyển đổi số …"


def _with_others(draft: Draft | None, doc: Document, q: Question, ctx: Context) -> Draft | None:
    """ "… có căn cứ X không, còn căn cứ văn bản nào khác?": the document's other grounds after the answer."""
    if draft is not None and q.asking("other_bases"):
        rest = grounds(doc, ctx, q)
        draft.evidence += rest.evidence if rest else []
        draft.legal += [e for e in (rest.legal if rest else []) if e not in draft.legal]
    return draft


def mentioned(draft: Draft, q: Question, ctx: Context) -> list[LegalBasis]:
    """Registry entries the question names (not a document quoted, named as it is: "Kế hoạch 310 của UBND Hà Nội
    …" is no plan 310 it cites), else those the quoted lines cite, to paste beside any answer."""
    quoted = [ctx.index.get(d) for d in dict.fromkeys(ev.doc_id for ev in draft.evidence)]
    out = {e.id: e for e in named_entries(q, ctx, quoted=quoted)}
    if out:
        return list(out.values())
    found: list[tuple[Document, LegalBasis, Line]] = []
    for ev in draft.evidence:
        doc = ctx.index.get(ev.doc_id)
        cited = [(c, ln) for c in doc.citations for ln in ev.lines if ln.start <= c.start < ln.start + len(ln.text)]
        for e in asked_for(q, ctx.index.entries_citing(doc.doc_id), own_bodies(doc, q)) if cited else []:
            if e.id not in out and (ln := next((ln for c, ln in cited if mentions(c, e)), None)) is not None:
                out[e.id] = e
                found.append((doc, e, ln))
    if found and q.kinds and (subject := clause_subject(q, ctx, found[0][0])) is not None:
        # "… tuân thủ thời hạn … theo nghị định nào?" of a point citing one decree for each thing it says
        return [found[i][1] for i in on_topic(subject, found, ctx)]
    return list(out.values())


def shared_grounds(q: Question, ctx: Context) -> Draft | None:
    """ "Các kế hoạch thi đua … đều thực hiện quyết định nào của Thủ tướng?": the question is about several
    documents alike (none leads the others); the grounds asked for that two or more of them cite, each cited to
    every one of them that does."""
    docs = [ctx.index.get(d) for d in ctx.leading(q)]
    if len(docs) < 2:
        return None
    found = {doc.doc_id: grounds_of(doc, ctx, q) for doc in docs}
    counts = Counter(e.key for got in found.values() for e in {x.key: x for x, _, _ in got}.values())
    shared = [e for e, _, _ in found[docs[0].doc_id] if counts[e.key] >= 2]
    if not shared:
        return None
    evidence = [
        Evidence(doc.doc_id, section, "", [line], statements=[f"- {written(doc, e, line)}, theo {doc_name(doc)} {{n}}"])
        for e in shared
        for doc in docs
        for x, section, line in found[doc.doc_id]
        if x.key == e.key
    ]
    intro = f"Cả {len({ev.doc_id for ev in evidence})} văn bản cùng căn cứ:"
    return Draft(evidence, intro=intro, legal=shared, notes=warnings(shared), group_by_doc=False)


def each_grounds(q: Question, ctx: Context) -> Draft | None:
    """ "Kế hoạch 308 và Kế hoạch 310 căn cứ những văn bản nào?": each document's grounds, one after the other."""
    docs = [ctx.index.get(doc_id) for doc_id in ctx.scope or []]
    found = {doc.doc_id: grounds(doc, ctx, q) for doc in docs}
    drafts = [d for d in found.values() if d is not None]
    if not drafts:
        return None
    for d in drafts:  # each list under its own intro ("Kế hoạch 308/KH-UBND … căn cứ 1 văn bản:")
        d.evidence[0].statements = [d.intro, *d.evidence[0].statements]
    legal = list({e.id: e for d in drafts for e in d.legal}.values())
    notes = [f"{doc_name(doc)} không căn cứ văn bản nào được hỏi." for doc in docs if found[doc.doc_id] is None]
    evidence = [ev for d in drafts for ev in d.evidence]
    return Draft(evidence, legal=legal, notes=[*notes, *warnings(legal)], group_by_doc=False)


def grounds(doc: Document, ctx: Context, q: Question | None = None) -> Draft | None:
    """ "Kế hoạch này căn cứ những văn bản nào?": the documents its preamble cites (else all it cites); "nhắc đến
    những chỉ thị nào": all it cites; only the kinds and issuer the question asks for."""
    evidence, legal, notes = [], [], []
    every = grounds_of(doc, ctx, q)
    asked = _named_ground(q, ctx, every)
    if q is not None and (topics := topics_asked(q, ctx, doc)):
        # "… căn cứ nghị định nào về phân định thẩm quyền …": the grounds cited for that, of several on their own
        cited = [(doc, e, line) for e, _, line in asked]
        kept = {i for topic in topics for i in on_topic(topic, cited, ctx)}
        asked = [g for i, g in enumerate(asked) if i in kept]
    last = {line.start: i for i, (_, _, line) in enumerate(asked)}
    for i, (e, section, line) in enumerate(asked):
        # a text its body names is followed by the sentence naming it, after the last text it names ("… triển khai
        # Nghị quyết số 50/NQ-CP ngày 13 tháng 3 năm 2025 …"): the citation string is the registry's words
        words = written(doc, e, line)
        shown = section != "preamble" and in_body(doc, line) and last[line.start] == i
        evidence.append(Evidence(doc.doc_id, section, "", [line], statements=[f"- {words} {{n}}"], show_lines=shown))
        legal.append(e)
        if e.conflicts:
            notes.append(warning(e))
    if not evidence:
        return None
    verb = "căn cứ" if any(ev.section == "preamble" for ev in evidence) else "nhắc đến"
    intro = f"{doc_name(doc)} {verb} {len(evidence)} văn bản:"
    if verb != "căn cứ" and not has_grounds(doc):
        # a directive opening with the situation, no grounds: the texts its body names, said so
        kind = (doc.doc_type or "văn bản").lower()
        intro = f"{doc_name(doc)} không có phần căn cứ; trong nội dung, {kind} nhắc đến {len(evidence)} văn bản:"
    if len(asked) < len(every):
        intro = f"Trong {len(every)} văn bản {doc_name(doc)} {verb}, văn bản được hỏi:"
    return Draft(evidence, intro=intro, notes=notes, legal=legal, group_by_doc=False)


def _named_ground(
    q: Question | None, ctx: Context, found: list[tuple[LegalBasis, str, Line]]
) -> list[tuple[LegalBasis, str, Line]]:
    """ "… căn cứ Luật Kinh doanh bất động sản số mấy?": the grounds whose whole title the question names, when it
    asks a number; else every ground."""
    if q is None or "number" not in (*q.facts, *q.weak):
        return found
    asked = ctx.terms(q).uni
    named = [g for g in found if g[0].title and (own := _title_words(ctx, g[0].title)) and own <= asked]
    return named or found


def _title_words(ctx: Context, title: str) -> set[str]:
    return query_terms(ctx.analyzer, title).uni  # read as a question's words are


def does_cite(doc: Document, entries: list[LegalBasis], ctx: Context, *, by_title: bool = False) -> Draft | None:
    """ "Kế hoạch X có căn cứ Thông tư 124 không?": yes with the line, or no with its grounds. A text asked whether
    mentioned by its title alone (``by_title``: "… có nhắc đến Luật Ngân sách nhà nước không?") is also there where
    the document names it so without a number, unless it cites a text of that title (another year's law)."""
    evidence, legal = [], []
    cited_titles = {fkey(x.title or "") for x in ctx.index.entries_citing(doc.doc_id)} if by_title else set()
    for e in entries:
        where = line_of(doc, e) if doc.doc_id in e.citing_docs else None
        mentioned = by_title and len(fkey(e.title or "").split()) >= 3 and fkey(e.title or "") not in cited_titles
        if where is None and mentioned and (named := _titled_in(doc, e)) is not None:
            section, line = named
            if any(ev.lines[0].start == line.start for ev in evidence):
                continue  # two texts of one title ("Luật Ngân sách nhà nước" of 2015 and of 2025): named once
            statement = f"Có: {doc_name(doc)} nhắc đến {e.title} {{n}}."
            evidence.append(Evidence(doc.doc_id, section, "", [line], statements=[statement]))
        elif where is not None:
            section, line = where
            evidence.append(
                Evidence(
                    doc.doc_id,
                    section,
                    "",
                    [line],
                    statements=[f"Có: {doc_name(doc)} {_cites(section)} {e.citation} {{n}}."],
                )
            )
            legal.append(e)
    if evidence:
        return Draft(evidence, legal=legal, notes=warnings(legal), group_by_doc=False)
    draft = grounds(doc, ctx, None)
    if draft is not None:
        draft.intro = f"Không: {doc_name(doc)} không căn cứ {', '.join(e.id for e in entries)}. " + draft.intro
    return draft


def has_grounds(doc: Document) -> bool:
    """Whether a document's preamble cites a text (a directive may open with the situation, no grounds)."""
    return any(c.section == "preamble" for c in doc.citations)


def _cites(section: str) -> str:
    """How a document cites a text where it does: as a ground in its preamble, else it mentions it (a task
    carrying out another plan, a footnote, a text it ends)."""
    return "căn cứ" if section == "preamble" else "nhắc đến"


def _titled_in(doc: Document, entry: LegalBasis) -> tuple[str, Line] | None:
    """The first section and line of a document naming an entry by its whole title."""
    title = fkey(entry.title or "")
    for s in [*doc.parts, *doc.sections]:
        for line in section_lines(doc, s.id, own=True):
            if title in fkey(line.text):
                return s.id, line
    return None


def cited_by(entries: list[LegalBasis], ctx: Context, kinds: list[str] | None = None) -> Draft | None:
    """ "Những kế hoạch nào căn cứ Thông tư 124?": every document (of the kinds asked) that cites it, each at the
    line it does; none of those kinds doing so is said ("Có kế hoạch nào căn cứ Luật Thủ đô không?")."""
    evidence, legal, listed = [], [], set()
    for e in entries:
        citing = [d for d in e.citing_docs if not kinds or ctx.index.head(d).doc_type in kinds]
        for doc_id in citing[:MAX_LISTED]:
            if doc_id in listed:
                continue  # two texts asked ("… căn cứ Nghị quyết 57 và Nghị quyết 71"): each document once
            listed.add(doc_id)
            doc = ctx.index.get(doc_id)
            where = line_of(doc, e)
            if where is None:
                continue
            section, line = where
            evidence.append(Evidence(doc_id, section, "", [line], statements=[f"- {doc_name(doc)} {{n}}"]))
        legal.append(e)
    if not evidence and kinds and any(e.citing_docs for e in entries):
        asked = ", ".join(k.lower() for k in kinds)
        cited = ", ".join(e.citation for e in entries)
        return Draft([], final=True, reason=f"Không {asked} nào hiện có căn cứ {cited}.")
    if not evidence:
        return None
    # a text named only in a document's body is mentioned, not a ground ("… không còn hiệu lực": it ends it)
    cites = {_cites(ev.section) for ev in evidence}
    cites = cites.pop() if len(cites) == 1 else "căn cứ hoặc nhắc đến"
    intro = f"{len(evidence)} văn bản {cites} {', '.join(e.citation for e in entries)}:"
    return Draft(evidence, intro=intro, legal=legal, notes=warnings(legal), group_by_doc=False)
