"""The tasks a document gives a group its unit belongs to, for a unit it never names: "Sở Y tế phải làm gì theo kế
hoạch 982?" of a plan whose part "Trách nhiệm thực hiện" opens with "- Các cơ quan, đơn vị căn cứ Kế hoạch này …".

Read only where a group opens a section as who acts (at its start, or after words that lead to the actor: "Giao
…", "Đối với …", "Trách nhiệm của …", "Giám đốc …"), within the implementation part, a top-level item of a text that has none ("6. Các
sở, ban, ngành liên quan …" of a directive), or a clause charging bodies to carry the text out ("… chịu trách
nhiệm thi hành", "… chịu trách nhiệm thực hiện"); only for heads that form such groups (sở, bộ: lexicon
``units.grouped_heads``) and questions asking duties alone. The answer says the unit is not named.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from retrieval.answers.evidence import Draft, Evidence, doc_name, whole_lines
from retrieval.lexicon import lexicon
from retrieval.unit_names import unit_words
from retrieval.units_catalog import UnitCatalog

if TYPE_CHECKING:
    from core.types import Document

#: How many words open a heading, or a section's text past its heading, where the group acting is named.
OPENING_WORDS = 14
#: How many sections giving the group its tasks answer for the unit.
MAX_SECTIONS = 2
#: How many words a heading naming a document's implementation part has at most ("Tổ chức thực hiện Kế hoạch").
PART_WORDS = 6


def group_tasks(catalog: UnitCatalog, doc: Document, unit: str, head: str) -> Draft | None:
    """The sections of ``doc`` giving the group of a unit named ``unit`` (head word ``head``) its tasks, or None."""
    u = lexicon().units
    if head not in u.get("grouped_heads", ()):
        return None
    # "các cơ quan, đơn vị" of a province's plan is its own bodies', not a ministry's
    anyone = u.get("any_group", ()) if head in u.get("any_group_heads", ()) else ()
    written = [g for h, g in u.get("head_groups", ()) if h == head]  # "Thủ trưởng cơ quan ngang bộ"
    groups = [f"cac {head}".split(), *(g.split() for g in (*anyone, *written))]
    leads = [lead.split() for lead in u.get("group_leads", ())]
    officials = [o.split() for o in u.get("group_officials", ())]
    parts = _implementation_words()
    charged = tuple(u.get("execution_clause", ()))
    # a text with no implementation part charges its bodies in top-level items of their own ("6. Các sở, ban, ngành
    # liên quan …" of a directive)
    items = not assigns_tasks(doc)
    found: list[tuple[bool, Evidence]] = []  # (charged by a clause only, the section): the implementation part first
    for s in doc.sections:
        own = doc.section_text(s.id, own=True)
        placed = any(f" {c} " in f" {unit_words(h)} " for h in doc.heading_path(s.id)[:-1] for c in parts)
        placed = placed or (items and not s.parent)
        if not placed and not any(f" {c} " in f" {unit_words(own)} " for c in charged):
            continue
        after = own[own.find(s.heading) + len(s.heading) :] if s.heading and s.heading in own else own
        opening = (catalog.expanded(t).split()[:OPENING_WORDS] for t in (s.heading, after))
        acting = any(_acts(words, groups, leads, officials) for words in opening)
        if acting and (lines := whole_lines(doc, s.id)):
            found.append((not placed, Evidence(doc.doc_id, s.id, s.heading, lines)))
    if not found:
        return None
    best = [e for _, e in sorted(found, key=lambda f: f[0])[:MAX_SECTIONS]]  # a stable sort keeps document order
    return Draft(best, intro=f"{doc_name(doc)} không nêu riêng {unit}; văn bản giao việc chung:", named_only=True)


def _implementation_words() -> tuple[str, ...]:
    return (*lexicon().units.get("implementation", ()), "to chuc thuc hien")


def assigns_tasks(doc: Document) -> bool:
    """Whether a document has an implementation part ("Tổ chức thực hiện", "Trách nhiệm thực hiện"): a plan that
    says who does what, where a group named only in passing gives a unit of its kind nothing of its own (not a
    law or directive charging "Bộ, cơ quan ngang Bộ" in an article of its own)."""
    parts = _implementation_words()
    return any(_part_heading(unit_words(s.heading), parts) for s in doc.sections)


def _part_heading(words: str, parts: tuple[str, ...]) -> bool:
    """ "TỔ CHỨC THỰC HIỆN", "Trách nhiệm thực hiện Kế hoạch": a part's heading, not a task opening so ("Tổ chức
    thực hiện Thông tư này trên địa bàn tỉnh")."""
    return len(words.split()) <= PART_WORDS and any(f"{words} ".startswith(f"{c} ") for c in parts)


def _acts(words: list[str], groups: list[list[str]], leads: list[list[str]], officials: list[list[str]]) -> bool:
    """Whether a group opens the words, alone or after a lead that is all that comes before it ("Trách nhiệm của
    các cơ quan, đơn vị", "Giao các sở …"), or follows the title of its heads in a list of those charged ("Chánh Văn
    phòng …, Giám đốc các Sở")."""
    for g in groups:
        for i in range(len(words) - len(g) + 1):
            if words[i : i + len(g)] != g:
                continue
            if i == 0 or words[:i] in leads or any(words[max(0, i - len(o)) : i] == o for o in officials):
                return True
    return False
