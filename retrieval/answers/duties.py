"""Duties of a named unit: "Sở Tư pháp được giao nhiệm vụ gì?", "P. CTSV phải làm gì?".

A unit is named in a document by its own section under "Tổ chức thực hiện" (its whole text is its task list) or
by a line that opens with it ("Giao Văn phòng chủ trì …"), both read when the document is indexed
(``retrieval.units_catalog``). Looked up only within the documents the question is about, so a unit every
plan has ("Văn phòng") is answered from the plan asked about, not from all of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from core.legal_ids import NUMBER
from core.text import fold, has_diacritics
from core.types import Document
from retrieval.answers.context import Context
from retrieval.answers.evidence import Draft, Evidence, cut_short, doc_name, whole_lines
from retrieval.answers.group_tasks import assigns_tasks, group_tasks
from retrieval.answers.question import Question, fkey, has
from retrieval.answers.refusal import states_day
from retrieval.answers.registry import named_entries
from retrieval.extract import text_terms
from retrieval.lexicon import lexicon
from retrieval.targeting import profile_text
from retrieval.unit_names import headed, unit_heads, unit_words
from retrieval.units_catalog import UnitCatalog, UnitMatch

#: Sections naming a unit that answer for it in a document that gives it no task list of its own.
MAX_NAMING = 3
#: What a question may ask besides a unit's duties and still be asked them of a unit its document's title names.
DUTY_ONLY = frozenset({"duty", "list"})
_NUMBERED = re.compile(NUMBER, re.I)  # a document's full number ("2476/HD-SGDĐT")
_KINDS = (*lexicon().kind_types, *lexicon().kind_short_folded)
#: Who issued a text named with it: a kind, its number ("0000": a full number as "2476/HD-SGDĐT", read before the
#: abbreviations in it are written out), or a number of three digits or more that is no year, then "của", perhaps
#: after "về" and its topic.
_ISSUED = re.compile(
    rf" (?:(?:{'|'.join(map(re.escape, _KINDS))})(?: so)?(?: \d+)?|(?!(?:19|20)\d\d )\d{{3,}})(?: ve(?: \S+){{1,6}})? cua $"
)


def gather(q: Question, ctx: Context) -> Draft | None:
    # the document the question names, by its header, or by its kind and number when it is a plan ("kế hoạch 141
    # Bắc Ninh": not the province's other plan that names the unit, kế hoạch 144); a law or resolution named so is
    # often the one the plans carry out ("Nghị quyết 57 giao Sở Xây dựng …"), which they answer
    held = ctx.held_number(q)
    planned = held is not None and _kind(ctx, held) in lexicon().units.get("numbered_target_kinds", ())
    target = ctx.named_target(q) or (held if planned else None)
    docs = [target] if target else ctx.documents(q)
    catalog = UnitCatalog(ctx.index.catalog, ctx.analyzer)
    found = catalog.find(q.text, focus=docs)
    if q.asking("lead") and q.asked:  # "Mình làm ở UBND phường …, đơn vị nào chủ trì …": which unit, not the asker's
        named = {m.key for m in catalog.find(q.asked, focus=docs)}
        found = [m for m in found if m.key in named]
    # a unit named as where a report goes ("phường mình phải báo cáo qua Sở KHCN …") is not who is asked
    gone_to = catalog.sent_to(q.text, {m.key for m in found})

    def asked(found: list[UnitMatch]) -> list[UnitMatch]:  # units with lines, named as typed, not where things go
        return [m for m in found if m.has_lines and _typed_as_named(q.text, m.name) and m.key not in gone_to]

    matches = asked(found)
    if len({m.key for m in found}) > 1:  # two units or more named
        if (two := _two_asked(q, catalog, docs, found, matches)) is None:
            return None
        matches = two
    if not matches:
        named = target or held  # the document the question names, by its header or its number
        return _not_given(q, ctx, catalog, named) if named else None
    # a decision or law named by its number ("Theo quyết định 143, Sở KH&CN phải làm gì?"): its own task list for
    # the unit, else its sections naming the unit ("… phối hợp với Bộ trưởng Bộ Công an …" of QĐ 2500), not the task
    # list another document gives the unit
    if held and not target and not ctx.elsewhere(q, held) and not _cited_otherwise(q, ctx, held):
        if listed := asked(catalog.find(q.text, focus=[held])):
            matches = listed
        elif (naming := _naming_sections(ctx, held, matches)) is not None:
            return naming
        elif not (matches := _carrying_out(ctx, held, matches)):
            # "luật 60 giao sở tài chính làm gì": neither the law nor a plan carrying it out gives the unit a task
            return _not_given(q, ctx, catalog, held)
    # a unit named only by words of its document's title ("… khu công nghiệp của Hà Nội": the plan's title, also a
    # part of "Ban Quản lý các khu công nghệ cao và khu công nghiệp") names the plan, when another unit is named;
    # when every unit matched is one the title names, it is asked its duties only when nothing else is asked
    # ("… hội đồng trường còn làm nhiệm vụ đến bao giờ?": the text that answers is searched for) and not as the
    # name of the document
    own = [m for m in matches if f" {m.key} " not in _title_words(ctx, m.doc_id)]
    if not own and set(q.asks) - DUTY_ONLY:
        return None
    named_with = {m.key for m in matches if _names_document(q.text, m.key, catalog.expanded)}
    if set(q.asks) - DUTY_ONLY and all(m.key in named_with for m in matches):
        return None  # "theo HD 2391 của Sở Nội vụ thì tôi có phải …": the body named as the issuer is not asked
    matches = own or [m for m in matches if m.key not in named_with]
    # "theo HD 2476 của SGD, UBND phường …": the body that issued the text is named with it, another is asked
    if len(matches) > 1 and (asked_units := [m for m in matches if m.key not in named_with]):
        matches = asked_units
    if not matches:
        return None
    found: list[tuple[bool, Evidence]] = []
    for m in matches:
        doc = ctx.index.get(m.doc_id)
        lines = whole_lines(doc, m.section) if m.whole_section else [m.line] if m.line else []
        if lines:
            sec = doc.section(m.section)
            label = sec.heading if m.led and sec is not None else m.name  # a led item by its own heading
            found.append((m.led, Evidence(m.doc_id, m.section, label if m.whole_section else "", lines, score=m.score)))
    # a unit's own task list before a one-paragraph item that names it ("2. Công an thành phố chủ trì, …"), both
    # before the task items it leads ("Đơn vị chủ trì: Sở Tư pháp.")
    # … and, alike, the document the question is most about first (not the first by id)
    rank = {d: i for i, d in enumerate(docs)}
    found.sort(key=lambda f: (f[0], all(ln.heading for ln in f[1].lines), rank.get(f[1].doc_id, len(rank))))
    evidence = [e for _, e in found]
    # a day asked by a sentence that asks no duties, the duty's word only in the story told first ("Mình … được giao
    # theo dõi KH 552. Hằng năm phường phải gửi báo cáo về đâu, trước ngày nào?"), which the unit's lines do not
    # state: the text that states it is searched for
    asks_duties = not q.asked or has(fkey(q.asked), *lexicon().intents["duty"])
    if q.asks_day and not asks_duties and not any(states_day(ln.text) for e in evidence for ln in e.lines):
        return None
    # the unit's own task list, its tasks items of it (not a task item it leads, nor an item naming the unit
    # elsewhere: "1. Sở Giáo dục và Đào tạo có trách nhiệm định kỳ báo cáo …" beside the unit's own article)
    lists = [m for m in matches if m.whole_section and not m.led and ctx.index.get(m.doc_id).children(m.section)]
    first = (evidence[0].doc_id, evidence[0].section) if evidence else None
    own_list = (  # one unit asked ("Sở Tư pháp phối hợp với Sở Y tế …" asks two: as before, neither list cut)
        len(lists) == 1 and first == (lists[0].doc_id, lists[0].section) and all(m.key == lists[0].key for m in matches)
    )
    if evidence and own_list and (part := _asked_part(q, ctx, evidence[0])):
        evidence = [part, *evidence]  # "Sở … chủ trì tiểu dự án nào?": the task asked, then the whole list
    return Draft(evidence, notes=cut_short(ctx.index.get, evidence)) if evidence else None


def _two_asked(
    q: Question, catalog: UnitCatalog, docs: list[str], found: list[UnitMatch], matches: list[UnitMatch]
) -> list[UnitMatch] | None:
    """Units of a question naming two or more: None (the text that answers is searched for) when the longest name
    is a unit whose task is its heading line alone ("3. Sở VHTTDL: Phối hợp …"), as when it was named alone; those
    the sentences that ask name, after a story told first ("Mình làm ở Sở Tài chính …. Công an thành phố phải làm
    gì?"); else all of them."""
    longest = max(len(m.key.split()) for m in found)
    if any(len(m.key.split()) == longest for m in found if not m.has_lines) and not any(
        len(m.key.split()) == longest for m in matches
    ):
        return None
    if q.asked and (named := {m.key for m in catalog.find(q.asked, focus=docs)} & {m.key for m in matches}):
        return [m for m in matches if m.key in named]
    return matches


def _kind(ctx: Context, doc_id: str) -> str:
    """A stored document's kind ("Kế hoạch"), from its header row."""
    head = ctx.index.head(doc_id)
    return (head.doc_type if head is not None else None) or ""


def _not_given(q: Question, ctx: Context, catalog: UnitCatalog, target: str) -> Draft | None:
    """The refusal for a unit the question names, a unit of some stored document, that the document it names never
    mentions outside its list of recipients ("Sở Tài chính … trong Kế hoạch 157" of a plan that gives it nothing):
    its text, searched, would answer with another unit's tasks."""
    header = catalog.expanded(profile_text(ctx.index.get(target)))  # its issuer, its title: they name it
    asked = q.asked or q.text  # not the asker's own unit in a story told first ("Mình làm ở Sở Tư pháp, …")
    named = [
        m
        for m in catalog.find(asked)
        if m.doc_id != target
        and _typed_as_named(asked, m.name)
        and f" {m.key} " not in header
        and headed(m.name)  # a body, not a label read as a unit
    ]
    gone_to = catalog.sent_to(asked, {m.key for m in named})
    named = [m for m in named if m.key not in gone_to]
    if not named:
        return None
    doc = ctx.index.get(target)
    body = " ".join(
        doc.section_text(s.id, own=True) for s in [*doc.sections, *doc.parts] if s.id not in ("recipients", "header")
    )
    said = catalog.expanded(body)
    # the unit as the question names it: a name whose words it typed whole (not a heading listing several units)
    whole = [m for m in named if unit_words(m.name) == m.key]
    if not whole:
        return None
    unit = min(whole, key=lambda m: len(m.name))
    head = next(h for h in unit_heads() if f"{unit.key} ".startswith(f"{h} "))
    rest = unit.key[len(head) :].strip()
    # named: whole, without its "và" ("Sở Văn hoá Thể thao du lịch"), by initials or in a head-less list
    if _loose(unit.key) in _loose(said) or _named_short(unit.name, body, rest):
        return None
    if any(f" {k} " in said for k in (f"cac {head}", f"{head} ban nganh", f"cac {rest}", f"xa {rest}")):
        # a group of its kind ("các sở, ban, ngành", "Sở, ban ngành", "các xã, phường" for UBND phường), anywhere:
        # named in passing it may still give the unit a task ("các sở, ngành … chủ động đề xuất"); the sections
        # opening with it as who acts answer, when duties alone are asked; when none does in a plan saying who does
        # what, of a head forming such groups (sở, bộ), the group was named in passing: the unit has no task
        if not _duties_alone(q, ctx, doc, unit.name):
            return None
        tasks = group_tasks(catalog, doc, unit.name, head)
        if tasks is None and head in lexicon().units.get("grouped_heads", ()) and assigns_tasks(doc):
            return _gives_nothing(doc, unit.name)
        return tasks
    return _gives_nothing(doc, unit.name)


def _gives_nothing(doc: Document, unit: str) -> Draft:
    return Draft([], final=True, reason=f"{doc_name(doc)} không giao riêng việc gì cho {unit}.")


def _naming_sections(ctx: Context, held: str, matches: list[UnitMatch]) -> Draft | None:
    """The sections of the document named by its number whose own text names a unit matched (``MAX_NAMING`` at
    most: those whose heading names it first, then in document order); None when none names one."""
    doc = ctx.index.get(held)
    names = [_written(m.key) for m in matches]
    found = []
    for s in doc.sections:
        own = fold(doc.section_text(s.id, own=True))
        if any(n.search(own) for n in names) and (lines := whole_lines(doc, s.id)):
            titled = any(n.search(fold(s.heading)) for n in names)  # "Điều 12. Trách nhiệm của Sở KH&CN"
            found.append((not titled, len(found), Evidence(doc.doc_id, s.id, s.heading, lines)))
    return Draft([e for *_, e in sorted(found)[:MAX_NAMING]]) if found else None


def _written(key: str) -> re.Pattern[str]:
    """A unit's folded words as a text writes its name: its first word capitalised, the words in one run ("Sở
    Giáo dục", not the "cơ sở giáo dục" of schools nor "dữ liệu số; xây dựng")."""
    first, *rest = key.split()
    tail = "".join(rf"\s+{re.escape(w)}" for w in rest)
    return re.compile(rf"(?<!\w){re.escape(first[:1].upper())}(?i:{re.escape(first[1:])}{tail})(?!\w)")


def _carrying_out(ctx: Context, held: str, matches: list[UnitMatch]) -> list[UnitMatch]:
    """The unit's task lists in documents carrying out the one the question names: that cite it, or whose title
    names it ("Triển khai Luật An toàn trường học năm 2026"), not any document that names the unit."""
    citing = {d for e in ctx.index.registry() if e.doc_id == held for d in e.citing_docs}
    head = ctx.index.head(held)
    name = fkey(f"{head.doc_type or ''} {head.title or ''}")
    return [
        m
        for m in matches
        if m.doc_id in citing or (len(name.split()) >= 3 and name in fkey(ctx.index.head(m.doc_id).title or ""))
    ]


def _cited_otherwise(q: Question, ctx: Context, held: str) -> bool:
    """Whether a stored document cites another text of the kind and number the question gives: the store's
    Nghị quyết 57/2025/NQ-HĐND beside the 57-NQ/TW the plans carry out, which the number may name as well."""
    return any(e.doc_id != held and e.citing_docs for e in named_entries(q, ctx))


def _named_short(name: str, body: str, rest: str) -> bool:
    """Whether a text names a unit by the initials of its words after its head word ("Sở NN&MT", "Sở GD&ĐT", "Sở
    TC" for "Sở Tài chính"), or in a list that drops the head word ("Giám đốc các Sở: Giáo dục và Đào tạo, Nội vụ")."""
    first = name.split()[0]
    initials = "".join(w[0] for w in rest.split() if w != "va")
    for m in re.finditer(rf"\b{re.escape(first)}\s+([A-ZĐ]{{1,4}}(?:\s*&\s*[A-ZĐ]{{1,4}})*)\b", body):
        if fold(re.sub(r"[\s&]", "", m.group(1))).lower() == initials:
            return True
    # "các Sở: A, B, C": each item a unit with the head word dropped
    lists = re.finditer(rf"\bcác\s+{re.escape(first)}\s*:\s*([^.;\n]+)", body, re.I)
    items = [i for m in lists for part in m.group(1).split(",") for i in (part, *re.split(r"\bvà\b", part))]
    return any(fold(i).lower().split() == rest.split() for i in items)


def _loose(words: str) -> str:
    """Folded words without the "và" a name may drop."""
    return f" {' '.join(w for w in words.split() if w != 'va')} "


def _duties_alone(q: Question, ctx: Context, doc: Document, unit: str) -> bool:
    """Whether a question asks a unit's duties and nothing more: no other intent, and no word besides the unit's
    name and its document's header ("Kinh phí để Sở Y tế thực hiện nhiệm vụ … lấy từ đâu?" asks the funds)."""
    if set(q.asks) - DUTY_ONLY:
        return False
    named = _naming_terms(ctx, doc, unit)
    return not any(t.startswith("f:") and t not in named for t in text_terms(ctx.analyzer, q.topic))


def _naming_terms(ctx: Context, doc: Document, unit: str) -> frozenset[str]:
    """The words a duty question may hold besides what it asks: the unit's name, its document's header (and the
    words naming a text annexed to it: "Quy định … ban hành kèm theo Quyết định 96", lexicon ``units.annexed``),
    and the words that give a unit its tasks ("Kế hoạch 153 giao … những nhiệm vụ gì?": ``units.assign``)."""
    units = lexicon().units
    return text_terms(ctx.analyzer, "\n".join([unit, profile_text(doc), *units["assign"], *units["annexed"]]))


def _asked_part(q: Question, ctx: Context, whole: Evidence) -> Evidence | None:
    """The part of a unit's own section that the question's words find first in its document, if a part of it is
    what they find first and the question asks more than the unit's duties (words besides the unit's name and its
    document's header, or which one of something: "tiểu dự án" of "Sở Y tế chủ trì tiểu dự án nào?", though the
    plan's title names its "tiểu dự án": ``_which``): one task among the unit's tasks."""
    doc = ctx.index.get(whole.doc_id)
    named = _naming_terms(ctx, doc, whole.heading)
    beyond = any(t.startswith("f:") and t not in named for t in text_terms(ctx.analyzer, q.topic))
    if not beyond and not _which(q):
        return None
    hits = ctx.sections(q, 6, docs=[whole.doc_id])
    if not hits or not hits[0].section.startswith(whole.section + "."):
        return None
    h = hits[0]
    return Evidence(h.doc_id, h.section, h.heading, whole_lines(doc, h.section), score=h.score)


def _which(q: Question) -> bool:
    """Whether the question asks which one of something other than a duty ("… chủ trì tiểu dự án nào?", though the
    plan's title names its "tiểu dự án"): a thing among the unit's tasks, not the tasks themselves, nor a list of
    them ("phụ trách những mảng nào": lexicon ``which_asked``)."""
    lx = lexicon()
    for m in lx.which_asked.finditer(q.key):
        words = m.group(1).split()
        if set(words) & lx.which_list_words:
            continue
        noun = " ".join(w for w in words if w not in lx.question_words)
        if noun and not has(f" {noun} ", *lx.intents["duty"]):
            return True
    return False


def _title_words(ctx: Context, doc_id: str) -> str:
    """A document's title as padded folded words (not its issuer: a unit may be the body that issued it)."""
    return f" {unit_words(ctx.index.head(doc_id).title or '')} "


def _names_document(question: str, key: str, expand: Callable[[str], str]) -> bool:
    """Whether the words naming a unit only ever follow a kind of document in their clause, or a kind or a number
    and "của": "theo luật cán bộ công chức" names the law (whose title holds them), not the unit "Cán bộ, công
    chức"; "theo HD 2476 của SGD, UBND phường …" names the Sở as who issued the text, not as asked (``expand``
    writes out "SGD"); not after "năm 2025 của", "lớp 10 của"; "theo quyết định, sở …" does not name the decision."""
    seen = False
    for clause in re.split(r"[,;:.!?()]", question):
        words = f" {' '.join(expand(_NUMBERED.sub(' 0000 ', clause)).split())} "
        for m in re.finditer(re.escape(f" {key} "), words):
            seen = True
            before = words[: m.start() + 1]
            if not any(before.endswith(f" {k} ") for k in _KINDS) and not _ISSUED.search(before):
                return False
    return seen


def _typed_as_named(question: str, name: str) -> bool:
    """Whether the words the question shares with a unit's name are typed as the name writes them, when typed
    with diacritics ("chuyển đổi số xây dựng" does not name "Sở Xây dựng"); a run typed without them, or an
    abbreviation, is taken as it is."""
    qw = re.findall(r"[^\W_]+", question.lower())
    nw = re.findall(r"[^\W_]+", name.lower())
    qf, nf = [fold(w) for w in qw], [fold(w) for w in nw]
    for n in range(len(nf), 1, -1):
        for j in range(len(nf) - n + 1):
            run = nf[j : j + n]
            for i in range(len(qf) - n + 1):
                if qf[i : i + n] == run:
                    typed = qw[i : i + n]
                    return not has_diacritics(" ".join(typed)) or typed == nw[j : j + n]
    return True
