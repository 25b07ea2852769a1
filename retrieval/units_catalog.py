"""Responsible units (Phòng Công tác sinh viên, Văn phòng, Phòng Văn hóa – Xã hội, …) and where plans give them tasks.

A unit is either a section of "Tổ chức thực hiện" headed by its name (its
whole text is the task list) or a line that opens with it ("- Bộ phận Kiểm
tra – Tổng hợp chịu trách nhiệm …", "Giao Văn phòng chủ trì …"). Questions
find units by name, without diacritics and with abbreviations expanded
("P. CTSV", "VHXH").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol

from core.text import fold
from core.types import Document, Section
from retrieval.analyzer import Analyzer
from retrieval.extract import Line, has_date, section_lines
from retrieval.lexicon import lexicon
from retrieval.unit_names import headed, unit_keys, unit_words


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(unit heading, line opening with a unit and its verb, the verb that ends a unit's name, line opening with a
    unit as its label: "- Trạm Y tế: tổ chức tập huấn …"), from the lexicon."""
    u = lexicon().units

    def alt(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    assign = rf"(?:(?:{alt(u['assign'])})\s+)?"
    heading = re.compile(rf"^{assign}(?:{alt(u['heads'])})\b")
    subject = re.compile(rf"^{assign}(?P<unit>(?:{alt(u['line_heads'])})[^.;:]*?)\s+(?:{alt(u['verbs'])})\b")
    name = re.compile(rf"^{assign}(?P<unit>(?:{alt(u['heads'])})[^.;:]*?)\s+(?:{alt(u['verbs'])})\b")
    labelled = re.compile(rf"^(?P<unit>(?:{alt(u['line_heads'])})[^.;:]*?)\s*:\s+\S")
    return heading, subject, name, labelled


@dataclass
class UnitEntry:
    doc_id: str
    section: str
    name: str
    keys: set[str]
    whole_section: bool
    line: Line | None = None
    has_lines: bool = True  # the task list is not empty (a section with only its heading line is)
    dated: bool = False  # a line of the task list states a date
    led: bool = False  # a task item whose label names the unit as its lead ("Đơn vị chủ trì: …")


@dataclass
class UnitMatch:
    doc_id: str
    section: str
    name: str
    score: float
    whole_section: bool
    line: Line | None = None
    has_lines: bool = True
    dated: bool = False
    key: str = ""  # the words of the question that named it (folded, abbreviations written out)
    led: bool = False


class UnitSource(Protocol):
    """Where unit names are looked up (the catalog's indexed tables)."""

    def units_keyed(
        self, keys: Iterable[str], doc_ids: Sequence[str] | None = None
    ) -> dict[tuple[str, int], tuple[set[str], Any]]: ...

    def unit_rows(self) -> list[Any]: ...


class UnitCatalog:
    """Unit names of every document, looked up by the phrases of a question (never a scan of all units).

    catalog = UnitCatalog(index.catalog, analyzer)
    catalog.find("P. CTSV phải làm gì?")   # [UnitMatch(doc_id=..., section="IV.2", name="Phòng Công tác sinh viên", ...)]
    """

    def __init__(self, source: UnitSource, analyzer: Analyzer) -> None:
        self.source = source
        self.analyzer = analyzer

    @property
    def entries(self) -> list[UnitEntry]:
        """Every unit entry, in document order (reads them all: for listings, not for questions)."""
        return [_entry(r, set()) for r in self.source.unit_rows()]

    def expand(self, question: str) -> str:
        """The question's folded words with abbreviations written out ("P. CTSV" -> "phong cong tac sinh vien")."""
        return self.expanded(question).strip()

    def sent_to(self, question: str, keys: Iterable[str]) -> set[str]:
        """The folded unit ``keys`` the question names as where something goes ("… báo cáo kết quả qua Sở KH&CN",
        "gửi về Sở": lexicon ``units.recipient_cues``; "cho Sở …" after a verb of sending, ``_sent_for``), not as
        who is asked."""
        expanded = f" {self.expanded(question).strip()} "
        cues = lexicon().units["recipient_cues"]
        joined = lexicon().units.get("joined_cues", ())  # "được phân công về Phòng …": the asker's own unit

        def sent(c: str, k: str) -> bool:
            return f" {c} {k} " in expanded and not any(f" {j} {c} {k} " in expanded for j in joined)

        clauses = [f" {self.expanded(c).strip()} " for c in re.split(r"[.;:,!?\n]", question)]  # expanded once
        return {k for k in keys if any(sent(c, k) for c in cues) or _sent_for(clauses, k)}

    def expanded(self, question: str) -> str:
        """A text as the folded words units are named by, abbreviations written out (" so khoa hoc va cong nghe ")."""
        words = re.findall(r"[^\W_]+", question)
        out = []
        for i, w in enumerate(words):
            low = fold(w).lower()
            if low == "p" and i + 1 < len(words):
                out.append("phong")
                continue
            exp = (
                self.analyzer.abbreviations.get(low)
                if not re.search(r"[^\x00-\x7f]", w.replace("Đ", "D").replace("đ", "d"))
                else None
            )
            # a short one only typed in capitals where it is also a word ("CA tỉnh": công an; "ca nhân")
            out.append(exp if exp and (len(low) >= 3 or (w.isupper() and low in self.analyzer.in_capitals)) else w)
        return " " + unit_words(" ".join(out)) + " "

    def find(self, question: str, focus: list[str] | None = None) -> list[UnitMatch]:
        """Units a question names (a name inside a longer one's words is part of it), in document order."""
        words = self.expanded(question).split()
        grams = {
            " ".join(words[i : i + n])
            for n in range(1, min(MAX_KEY, len(words)) + 1)
            for i in range(len(words) - n + 1)
        }
        keyed = self.source.units_keyed(grams, focus or None)
        if not keyed:
            return []
        best = [
            (max(keyed[ref][0], key=lambda k: len(k.split())), _entry(keyed[ref][1], keyed[ref][0]))
            for ref in sorted(keyed)
        ]
        at = _placed({k for k, _ in best}, words)
        top = max(len(k.split()) for k, _ in best)
        chosen = [e for k, e in best if len(k.split()) == top]
        # the longest names, and others elsewhere in the question ("Sở Tài chính phối hợp với Công an thành phố …")
        # when every name found opens with a body's head word ("Sở …", "Công an …"), not with a clause's words
        others = [e for k, e in best if len(k.split()) < top and k in at]
        if others and all(headed(k) for k, e in best if len(k.split()) == top or k in at):
            chosen += others
        names = {unit_words(e.name) for e in chosen if e.whole_section}
        # lines elsewhere that give the same unit a task ("Giao Văn phòng chủ trì …")
        picked = {id(e) for e in chosen}
        for _, e in best:
            if id(e) not in picked and not e.whole_section and unit_words(e.name) in names:
                chosen.append(e)
        key_of = {id(e): k for k, e in best}
        # its own section, then items it leads; units in the order the question names them
        chosen.sort(key=lambda e: (e.doc_id, not e.whole_section, e.led, at.get(key_of[id(e)], len(words))))
        return [
            UnitMatch(
                e.doc_id,
                e.section,
                e.name,
                float(top),
                e.whole_section,
                e.line,
                e.has_lines,
                e.dated,
                max(e.keys & grams, key=lambda k: len(k.split()), default=""),
                e.led,
            )
            for e in chosen
        ]


def _placed(keys: set[str], words: list[str]) -> dict[str, int]:
    """The keys a question names where no longer one does, longest first, each with where it first stands."""
    taken: list[tuple[int, int]] = []
    out: dict[str, int] = {}
    for key in sorted(keys, key=lambda k: (-len(k.split()), k)):
        n = len(k := key.split())
        spans = [(i, i + n) for i in range(len(words) - n + 1) if words[i : i + n] == k]
        free = [sp for sp in spans if not any(a < sp[1] and sp[0] < b for a, b in taken)]
        if free:
            out[key] = free[0][0]
            taken += free
    return out


MAX_KEY = 24  # words in the longest unit key looked up


def _entry(row: Any, keys: set[str]) -> UnitEntry:
    line = Line(row.line[0], row.line[1], row.line[2]) if row.line else None
    return UnitEntry(
        row.doc_id, row.section, row.name, keys, row.whole_section, line, row.has_lines, row.dated, row.led
    )


def _sent_for(clauses: list[str], key: str) -> bool:
    """Whether one of the question's ``clauses`` (expanded, padded) sends something "cho" the unit ("gửi báo cáo năm …
    cho Sở KH&CN", lexicon ``units.sending``) with no word giving a task between (``units.assigning``: "gửi dự toán
    thì … giao nhiệm vụ cho Sở Tài chính"), and the question names the unit nowhere else ("…; vậy Sở KH&CN có trách
    nhiệm gì?" asks it)."""
    u = lexicon().units
    sending = "|".join(map(re.escape, u["sending"]))
    assigning = "|".join(map(re.escape, u["assigning"]))
    sent = re.compile(rf" (?:{sending}) (?:(?!(?:{assigning}) )\w+ )*?cho {re.escape(key)} ")
    return any(sent.search(c) for c in clauses) and sum(c.count(f" {key} ") for c in clauses) == 1


def task_lines(doc: Document, e: UnitEntry) -> list[Line]:
    """The lines that give a unit its tasks: its section's own lines, or the one line that names it."""
    if e.whole_section:
        lines = section_lines(doc, e.section, own=False)  # its lettered points are its tasks too
        own = [ln for ln in lines if not ln.heading]
        if own:
            return own
        # "6. Giao Sở Tư pháp theo dõi, đôn đốc …; tham mưu sơ kết …": one paragraph, the unit and its task
        _, _, name_of, _ = _patterns()
        return [ln for ln in lines if name_of.match(ln.clean)]
    return [e.line] if e.line is not None else []


def units_of(doc: Document) -> list[UnitEntry]:
    """A document's unit entries, with whether each has a task list and whether it states a date."""
    out = _units_of(doc)
    for e in out:
        lines = task_lines(doc, e)
        e.has_lines = bool(lines)
        e.dated = any(has_date(ln.clean) for ln in lines)
    return out


def _units_of(doc: Document) -> list[UnitEntry]:
    heading, subject, name_of, labelled = _patterns()
    out: list[UnitEntry] = []
    opening = tuple(lexicon().units.get("implementation", ()))
    impl = [
        s
        for s in doc.sections
        if "to chuc thuc hien" in unit_words(s.heading) or unit_words(s.heading).startswith(opening)
    ]
    impl_ids = {s.id for s in impl}
    for sec in doc.sections:
        under_impl = sec.parent in impl_ids
        # a numbered item below the top level ("2. Phòng Đào tạo"), an article at any level ("Điều 2. Sở Giáo
        # dục và Đào tạo"), or, in a text with no implementation part or one that is a top-level item of its own
        # ("15. Tổ chức thực hiện" after them), a top-level item ("1. Ủy ban nhân dân các xã, phường" of a directive
        # whose items are its units) headed by a unit's name gives that unit its tasks;
        # so does an item deeper in the implementation part opening with a unit and its verb ("1. Giao Ủy ban nhân
        # dân tỉnh …, trong đó chỉ đạo: a) Sở Y tế chủ trì hướng dẫn hồ sơ, …"), however long its first line
        top = sec.level == 1 and all(doc.section(i).level == 1 for i in impl_ids)  # none, or a sibling item
        placed = (sec.level >= 2 or top or sec.id.startswith("Điều ")) and sec.id not in impl_ids
        # … or, in a text with no implementation part and no articles (a công văn's points are its instructions: "d)
        # Phòng GDĐT tổng hợp số liệu …"), any item opening with a unit and its verb
        loose = not impl_ids and "Điều" not in sec.id
        deep = not under_impl and (_below(doc, sec, impl_ids) or loose) and name_of.match(sec.heading) is not None
        if under_impl or (placed and heading.match(sec.heading) and (deep or _is_unit_name(sec.heading))):
            named = name_of.match(sec.heading)  # "Giao Sở Tư pháp theo dõi, đôn đốc …" is Sở Tư pháp's section
            if not _names_someone(named.group("unit") if named else sec.heading):
                continue
            # keyed by the unit's name alone: the words of its task are no part of it
            keys = unit_keys(named.group("unit").strip(" ,")) if named else unit_keys(sec.heading)
            out.append(UnitEntry(doc.doc_id, sec.id, sec.heading, keys, whole_section=True))
    whole_names = {unit_words(e.name): e for e in out}
    u = lexicon().units
    labels = [re.compile(p) for p in u.get("lead_label", ())]
    sub = [re.compile(p) for p in u.get("label_heading", ())]
    for sec in doc.sections:
        # a task item whose label names its lead ("b) Cơ quan thực hiện: - Đơn vị chủ trì: Sở Nội vụ.") is also
        # that unit's task: the whole item (the parent of a sub-item headed by such a label)
        item = doc.section(sec.parent) if sec.parent and any(p.match(sec.heading) for p in sub) else sec
        for line in section_lines(doc, sec.id):
            if item is not None and (led := _led_by(line, labels, heading)):
                out.append(UnitEntry(doc.doc_id, item.id, led, unit_keys(led), whole_section=True, led=True))
            if line.heading:
                continue
            m = subject.match(line.clean)
            # a list of units, each labelling its tasks, in an item of the implementation part ("9. Đề nghị các
            # phòng, đơn vị chức năng: - Trạm Y tế: tổ chức tập huấn …")
            listed = m is None and sec.parent in impl_ids and (m := labelled.match(line.clean))
            if not m or (listed and not _labels_a_unit(m, line.clean)):
                continue
            name = m.group("unit").strip(" ,")
            if not _names_someone(name):
                continue
            key = unit_words(name)
            owner = whole_names.get(key)
            if owner is not None and owner.section == sec.id:
                continue  # the unit's own section already covers this line
            if sec.id in impl_ids or owner is not None or listed:
                out.append(UnitEntry(doc.doc_id, sec.id, name, unit_keys(name), whole_section=False, line=line))
    return out


def _labels_a_unit(m: re.Match[str], line: str) -> bool:
    """Whether "- <name>: …" labels a unit's tasks: the name a proper one after its head word ("Phòng Đào tạo",
    "Trạm Y tế"; not "Phòng đọc"), its brackets closed, and what follows no figure ("- Đoàn Thanh niên: 2.000.000
    đồng" is a sum)."""
    name = m.group("unit")
    head = max((h for h in lexicon().units["line_heads"] if name.startswith(h)), key=len, default="")
    rest = name[len(head) :].strip()
    after = line[m.end("unit") :].lstrip(" :")
    return name.count("(") == name.count(")") and (not rest or rest[0].isupper()) and not after[:1].isdigit()


def _below(doc: Document, sec: Section, ids: set[str]) -> bool:
    """Whether a section lies anywhere below one of the sections ``ids``."""
    parent = doc.section(sec.parent) if sec.parent else None
    while parent is not None:
        if parent.id in ids:
            return True
        parent = doc.section(parent.parent) if parent.parent else None
    return False


def _is_unit_name(heading: str) -> bool:
    """A heading that names a unit rather than a task ("Phòng Quản trị", not "Công tác tuyên truyền")."""
    return len(heading.split()) <= 12 and not heading.endswith(".")


def _names_someone(name: str) -> bool:
    """Not a generic head word alone ("b) Cơ quan thực hiện:" names no one; lexicon ``units.bare``) nor an opening
    that only starts like a unit's name ("Tổ chức thực hiện", "Báo cáo", "Trường hợp …": ``units.not_units``)."""
    words = unit_words(name)
    u = lexicon().units
    if any(words == p or words.startswith(p + " ") for p in u.get("not_units", ())):
        return False
    return words not in u.get("bare", ())


def _led_by(line: Line, labels: list[re.Pattern[str]], heading: re.Pattern[str]) -> str | None:
    """The unit a task item's label line names as its lead ("Đơn vị chủ trì: Sở Nội vụ."; lexicon
    ``units.lead_label``), when the name reads as a unit's."""
    m = next((m for p in labels if (m := p.match(line.text.strip()))), None)
    if m is None:
        return None
    name = " ".join(m.group("unit").split()).strip(" ,")
    return name if heading.match(name) and _names_someone(name) else None
