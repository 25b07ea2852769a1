"""Evidence an answer is made of: lines cut from a section (always verbatim), or statements about parsed fields.

A strategy gathers ``Evidence`` into a ``Draft``; the composer numbers, verifies and words it. Which lines of a
section answer is chosen here, the same way for every strategy: the whole task list of a unit, the lines that
state a date, the lines that state an amount, or the lines that match the question best with their context.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from core.text import fold
from core.types import Document, LegalBasis, Section
from retrieval.extract import Line, has_date, lead_ins, section_lines
from retrieval.lexicon import lexicon
from retrieval.places import shows_place

Pick = Literal["all", "dated", "amount", "best"]
_TABLE_UNIT = lexicon().table_unit
_NOT_HEADING = frozenset(lexicon().table_unit_not_heading)


def _heads_table(text: str) -> bool:
    """Whether a line giving a unit in brackets is a table's column heading, not a row naming "(đồng)" a medal."""
    return any(m.group(0).lower() not in _NOT_HEADING for m in _TABLE_UNIT.finditer(text))


def _unit_above(doc: Document, section: str, *, itself: bool) -> tuple[Section, Line] | None:
    """The nearest section above ``section`` (or it, ``itself``) with a line giving a table's unit, and that line."""
    sec = doc.section(section)
    if sec is not None and not itself:
        sec = doc.section(sec.parent) if sec.parent else None
    while sec is not None:
        unit = next((ln for ln in section_lines(doc, sec.id) if _heads_table(ln.text)), None)
        if unit is not None:
            return sec, unit
        sec = doc.section(sec.parent) if sec.parent else None
    return None


def under_table_unit(doc: Document, section: str) -> bool:
    """Whether a section is rows of a table whose unit is given by a heading line in it or in a section above it
    ("Đơn vị tính: triệu đồng" of an appendix whose parts are the table's row groups) and a row states a bare
    figure ("2 Hồ chứa nước Khe Giữa … 3.420 2.394 …"): its figures are amounts of that unit."""
    lines = section_lines(doc, section, own=False)
    rows = any(_TABLE_ROW_FIGURE.search(ln.text) for ln in lines if not ln.heading)
    return rows and _unit_above(doc, section, itself=True) is not None


def table_headings(get: Callable[[str], Document], evidence: list[Evidence]) -> list[Evidence]:
    """For rows of a table quoted without the column heading that gives their unit, that heading line from the
    nearest section above them that holds it ("Mức chi/ Tiền công (1.000đ)" of an appendix whose parts are the
    table's row groups: "554 người/ngày" is thousands of đồng only by it), each cited to its own section once;
    ``get`` reads a document by id."""
    out: list[Evidence] = []
    seen = {(e.doc_id, e.section) for e in evidence}
    for ev in evidence:
        if any(_heads_table(ln.text) for ln in ev.lines):
            continue
        doc = get(ev.doc_id)
        if (found := _unit_above(doc, ev.section, itself=False)) is not None:
            sec, unit = found
            if (doc.doc_id, sec.id) not in seen:
                seen.add((doc.doc_id, sec.id))
                out.append(Evidence(doc.doc_id, sec.id, sec.heading, [unit], score=ev.score))
    return out


_TABLE_ROW_FIGURE = re.compile(r"\b\d{1,3}(?:[.,]\d{3})+\b|\b\d+\b(?!\s*[/.)])")

#: Lines one section contributes at most, and characters (a long article is cut to its best lines). 20 and 3,400
#: (were 14 and 2,400): development must_include +4 (tables and lists of 15 to 20 lines), nothing lost; the mean
#: answer 1,424 -> 1,440 characters, its median and 90th percentile unchanged.
MAX_LINES = 20
MAX_CHARS = 3400
MAX_ITEMS = 6  # items of a list quoted after the lead-in that announces them
MAX_GAP = 2  # unmarked lines between two quoted ones that are quoted with them (an item's labels)
MAX_LABELS = 4  # label lines below an item quoted with it (lead, partners, time, product)
#: An item's label line: a few words, a colon, what they label ("Đơn vị chủ trì: Sở Tư pháp.").
_LABEL = re.compile(r"^[^\W\d][^:;.\n]{2,40}:\s*\S")
MAX_WHOLE_LINES = 120  # a unit's whole task list: the bot splits it into several messages
MAX_WHOLE_CHARS = 16000
#: A figure with its unit: a share, money, people, times, a length of time (not a date's "10 tháng 12 năm 2024": a
#: month or year followed by a number), a measure ("100 MW", "30 ha", "25 km²"); the unit a whole word ("4 ngành"
#: is no "4 ngàn").
_AMOUNT = re.compile(
    r"\d[\d.,]*\s*(?:%|[kc]?m[²³]|(?:phần trăm|(?!(?-i:Đồng)[ \t]+(?-i:[A-ZĐ]))đồng|đ|triệu|nghìn|ngàn|tỷ|lần|người|ha|km2?|m[23]|[kmg]wh?|tấn|kg"
    r"|lít|(?:tháng|năm)(?!\s*\d)|ngày)\b)",
    re.I,
)


@dataclass
class Evidence:
    doc_id: str
    section: str
    heading: str
    lines: list[Line] = field(default_factory=list)
    score: float = 0.0
    statements: list[str] = field(default_factory=list)  # text with "{n}" where the citation marker goes
    show_lines: bool = False  # with statements, list the quoted lines too


@dataclass
class Draft:
    evidence: list[Evidence]
    intro: str = ""
    notes: list[str] = field(default_factory=list)
    legal: list[LegalBasis] = field(default_factory=list)
    group_by_doc: bool = True
    final: bool = False  # no other route is tried: with no evidence, the question is refused for ``reason``
    reason: str | None = None  # why, in words a reader is told ("… không ghi cơ quan chủ quản.")
    named_only: bool = False  # from the document the question names alone: no other place's text is its topic


def doc_name(doc: Document) -> str:
    """How an answer names a document: "Kế hoạch 08/KH-CĐCĐ của Trường Cao đẳng Cộng đồng Sóc Trăng"."""
    kind = doc.doc_type or "Văn bản"
    numbered = bool(doc.number and doc.number.split("/")[0].strip())
    name = f"{kind} {doc.number}" if numbered else kind
    issuer = doc.issuer or ""
    if issuer:
        name += f" của {issuer}"
    if doc.place and shows_place(doc) and fold(doc.place).lower() not in fold(issuer).lower():
        name += f" ({doc.place})"
    if not numbered:
        if doc.date:
            y, m, d = doc.date.split("-")
            name += f", ngày {d}/{m}/{y}"
        elif doc.year:
            name += f", tháng {doc.month}/{doc.year}" if doc.month else f", năm {doc.year}"
    return name


def fmt_date(iso: str | None) -> str:
    if not iso:
        return "không ghi ngày"
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


def has_amount(text: str) -> bool:
    return bool(_AMOUNT.search(text))


def pick_lines(
    doc: Document,
    section: str,
    how: Pick,
    scores: dict[int, float] | None = None,
    states: Callable[[str], bool] | None = None,
    also: Callable[[str], bool] | None = None,
    lasting: Callable[[str], bool] | None = None,
    place: bool = False,
) -> list[Line]:
    """Lines of a section that answer: ``all`` (bounded), ``dated``/``amount`` (those that state one, with the
    heading; an amount line may also be one that ``states`` what a question counts: "bao nhiêu doanh nghiệp" is
    answered by "100 doanh nghiệp", which no unit marks as an amount), or ``best`` (by
    ``scores``, keyed by line start, with the line before a colon that announces them). Falls back to the best
    lines when a filter keeps nothing. ``also``: what else the question asks of a dated line ("cơ quan nào chủ
    trì"): when no line picked states it, the task's label line above the best dated one that does is quoted.
    ``lasting``: a length of time is asked, not a day ("nâng lương trước thời hạn mấy tháng"): where ``dated`` finds
    dates (the appendix's "Kèm theo Hướng dẫn … ngày 05 tháng 12 …"), the lines stating a length instead, if any.
    ``place``: a place is asked with the day ("… tổ chức ngày nào, ở đâu")."""
    lines = section_lines(doc, section, own=False)
    if not lines:
        return []
    score = (scores or {}).get
    best = max(lines, key=lambda ln: score(ln.start, 0.0))
    leads = lead_ins(lines)  # the line announcing each item's list, if any
    if how == "all":
        bounded = _bounded(lines)
        if len(bounded) == len(lines) or score(best.start, 0.0) <= 0 or best in bounded:
            return bounded
        # too long to quote whole, and the line that answers best lies past the cut (a table before the sentence
        # that gives its duty): the best lines with their context instead
    short = len("\n".join(ln.text for ln in lines)) <= MAX_CHARS // 2 and len(lines) <= MAX_LINES // 2
    if how == "dated" and place and short and lasting is None and sum(has_date(ln.text) for ln in lines) == 1:
        # a short item of one day asked its place too ("… ngày nào, ở đâu") answers whole: its day with its place
        # and what is done; of several days (tasks each with its own), the day's lines are picked
        return lines
    if how in ("dated", "amount"):
        unit = None  # a table's column heading giving its figures' unit ("Mức chi/ Tiền công (1.000đ)")
        if how == "dated":
            chosen = [ln for ln in lines if has_date(ln.text)]
            if chosen and lasting is not None:  # a date found where a length is asked: the lines stating one
                chosen = [ln for ln in lines if lasting(ln.text)] or chosen
        else:
            # a table whose column headings give the unit ("Mức chi (1.000đ)"): its rows' bare numbers are amounts
            unit = next((ln for ln in lines if _TABLE_UNIT.search(ln.text)), None)
            bare = _TABLE_ROW_FIGURE.search if unit is not None else None
            chosen = [
                ln
                for ln in lines
                if has_amount(ln.text)
                or (states is not None and states(ln.text))
                or (bare is not None and not ln.heading and bare(ln.text))
            ]
        if chosen:
            ranked = sorted(chosen, key=lambda ln: -score(ln.start, 0.0))[:6]
            if score(best.start, 0.0) > 0 and best not in ranked:
                ranked.append(best)  # what the date (or amount) is for, when another line says it best
            ranked += [item for ln in ranked if (item := _item_of(lines, ln)) is not None and item not in ranked]
            ranked += [x for ln in list(ranked) for x in _list_of(lines, ln) if x not in ranked]
            # an item reads with the line announcing its list, however long ("4. … thanh toán theo tỷ lệ như sau:")
            ranked += [lines[j] for ln in list(ranked) if (j := leads[lines.index(ln)]) is not None]
            ranked = list(dict.fromkeys(ranked))
            if score(best.start, 0.0) > 0:  # the item the question's words find best, with who leads it and when
                ranked += [x for x in _labels_of(lines, lines.index(best)) if x not in ranked]
            # the column heading giving the unit of the rows' bare numbers is quoted with them (not a row whose
            # "(đồng)" is a bronze medal's: lexicon ``table_unit.not_heading``)
            if unit is not None and unit not in ranked and _heads_table(unit.text):
                ranked.append(unit)
            if also is not None and not any(also(ln.text) for ln in ranked):
                ranked += _label_above(lines, ranked[0], also)
            return _in_order(lines, [lines[0], *ranked] if lines[0] not in ranked and lines[0].heading else ranked)
    if short:
        return lines  # a short section answers whole
    ranked = sorted(lines, key=lambda ln: -score(ln.start, 0.0))
    top = [ln for ln in ranked[:5] if score(ln.start, 0.0) > 0] or ranked[:3]
    with_context = set(top)
    for ln in top:  # the lead-in a list item hangs from ("… như sau:") reads with it
        i = lines.index(ln)
        if i > 0 and lines[i - 1].text.rstrip().endswith(":"):
            with_context.add(lines[i - 1])
        elif (j := leads[i]) is not None:  # or further up, over the items before it
            with_context.add(lines[j])
        if ln.text.rstrip().endswith(":"):  # and a lead-in with the items it announces ("… bao gồm:" a), b), c))
            with_context.update(_items_after(lines, i))
        with_context.update(_labels_of(lines, i))  # a task with who leads it and when ("Đơn vị chủ trì: …")
    if lines[0].heading:
        with_context.add(lines[0])
    return _bounded(_in_order(lines, list(with_context)))


def _item_of(lines: list[Line], ln: Line) -> Line | None:
    """The item a label line belongs to ("Thời gian thực hiện: Tháng 12/2025." under "- Ra mắt AI pháp luật …",
    a few unmarked label lines down): what the date or amount it states is for; None for any other line."""
    i = lines.index(ln)
    if ln.clean != ln.text.strip() or not _LABEL.match(ln.text.strip()):
        return None
    for above in reversed(lines[max(0, i - MAX_GAP - 1) : i]):
        if above.clean != above.text.strip():
            return above
        if not _LABEL.match(above.text.strip()):
            return None
    return None


def _label_above(lines: list[Line], ln: Line, states: Callable[[str], bool]) -> list[Line]:
    """A label line of the same task above a label line that answers ("+ Cơ quan chủ trì: Bộ Công an." over
    "+ Thời hạn ban hành: trước ngày …"), that ``states`` what else is asked: only across the task's run of label
    lines, never into another task's."""
    i = lines.index(ln)
    if not _LABEL.match(ln.clean):
        return []
    for above in reversed(lines[max(0, i - MAX_LABELS) : i]):
        if not _LABEL.match(above.clean):
            return []
        if states(above.text):
            return [above]
    return []


def _labels_of(lines: list[Line], i: int) -> list[Line]:
    """The label lines right below a marked item ("- Nghiên cứu tham mưu …" above "Đơn vị chủ trì tham mưu thực
    hiện: Sở Nội vụ.", "Thời gian thực hiện: Giai đoạn 2026-2030 …"): who leads the task and when, read with it
    (``_item_of`` the other way); none for an unmarked line."""
    if lines[i].clean == lines[i].text.strip():
        return []
    out = []
    for below in lines[i + 1 : i + 1 + MAX_LABELS]:
        if below.clean != below.text.strip() or not _LABEL.match(below.text.strip()):
            break
        out.append(below)
    return out


def _list_of(lines: list[Line], ln: Line) -> list[Line]:
    """The short list an item belongs to, with the line announcing it ("6. … được giảm trừ mức đóng như sau:" above
    "a) Người thứ nhất …", "b) Người thứ hai …"): a figure of one item reads with the others'. None for a line that
    is no such item, or for a list longer than ``MAX_ITEMS``."""
    i = lines.index(ln)
    if ln.clean == ln.text.strip():
        return []
    j = i - 1
    while j >= 0 and lines[j].clean != lines[j].text.strip() and not lines[j].text.rstrip().endswith(":"):
        j -= 1
    if j < 0 or not lines[j].text.rstrip().endswith(":"):
        return []
    items = _items_after(lines, j)
    after = j + 1 + len(items)
    if ln not in items or (after < len(lines) and lines[after].clean != lines[after].text.strip()):
        return []  # a list longer than what is quoted of it
    return [lines[j], *items]


def _items_after(lines: list[Line], i: int) -> list[Line]:
    """The list items that follow line ``i`` (each opening with a marker: "a)", "-", "+", "1."), up to
    ``MAX_ITEMS``; none when the next line is not one."""
    out = []
    for ln in lines[i + 1 : i + 1 + MAX_ITEMS]:
        if ln.clean == ln.text.strip():  # no marker: the list has ended
            break
        out.append(ln)
    return out


def _in_order(lines: list[Line], chosen: list[Line]) -> list[Line]:
    """The chosen lines in the section's order, with the unmarked lines between two of them a line or two apart:
    the labels of one item ("- Ra mắt AI …" / "Đơn vị chủ trì: …" / "Thời gian thực hiện: Tháng 12/2025.")."""
    keep = {ln.start for ln in chosen}
    picked = [i for i, ln in enumerate(lines) if ln.start in keep]
    for i, j in itertools.pairwise(picked):
        between = lines[i + 1 : j]
        if 0 < len(between) <= MAX_GAP and all(ln.clean == ln.text.strip() for ln in between):
            keep.update(ln.start for ln in between)
    return [ln for ln in lines if ln.start in keep]


def whole_lines(doc: Document, section: str) -> list[Line]:
    """Every line of a section that is itself the answer (a unit's task list), up to a long message's worth."""
    return _bounded(section_lines(doc, section, own=False), MAX_WHOLE_LINES, MAX_WHOLE_CHARS)


def _bounded(lines: list[Line], max_lines: int = MAX_LINES, max_chars: int = MAX_CHARS) -> list[Line]:
    out: list[Line] = []
    size = 0
    for ln in lines:
        if len(out) >= max_lines or (size + len(ln.text) > max_chars and out):
            break
        out.append(ln)
        size += len(ln.text)
    return out


def cut_short(doc_of: Callable[[str], Document], evidence: list[Evidence]) -> list[str]:
    """A note for each whole section quoted only in part (an answer stays readable on a phone); ``doc_of`` reads a
    document by id."""
    notes = []
    for ev in evidence:
        total = len(section_lines(doc_of(ev.doc_id), ev.section, own=False))
        if total > len(ev.lines):
            notes.append(f"Mục {ev.section} còn {total - len(ev.lines)} dòng nữa: mở mục này để đọc đủ.")
    return notes
