"""The numbered outline of one region of a document: which marker lines open sections, and their ids.

A marker opens a section when it is next in its sequence under the right parent
(I → 1 → 1.1 → a) in plans; Chương → Mục → Điều → khoản → điểm in normative
texts; Roman parts above articles in Party documents). Real documents are not so
tidy, so the rule has a tolerant fallback rather than flattening the tree:

* a first item may start late (a body opening at II, or a list at 2), or go on numbering from the Roman part
  before when it reads as a heading (a procedures list "I. … 1. 2. / II. … 3. 4.");
* one missing number, or letters written in either Vietnamese (a, b, c, d, đ, e, g)
  or Latin order, or with đ left out, still continue the list;
* a heading printed twice in a row (a scrape's doubled heading) is read once;
  a part number used twice (two parts IV) keeps its number, and the second gets
  ``-2`` ("IV-2", its children "IV-2.1");
* everything else out of sequence is text that happens to start with a number.

Ids are the document's own numbering ("III.2", "II.1.a", "Điều 8.2.b"), under a
prefix for attached texts and appendices ("Quy chế.Điều 3", "Phụ lục I.2").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.types import Section
from ingest.headings import heading_of
from ingest.lexicon import lexicon
from ingest.normalize import is_all_caps
from ingest.numbering import STRONG, Marker, classify, ordinal, roman_value

#: How far a list may jump ahead and still be the same list (one missing item; letters also skip f, j, w, đ).
_MAX_GAP = {"letter": 3, "num": 2, "decimal": 2, "dieu": 3}
#: Sequences whose headings may jump any distance ahead (a part or chapter the scrape lost).
_PART_COUNTERS = frozenset({"phan", "lettered", "roman", "chuong", "muc"})


@dataclass
class Line:
    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass
class _Node:
    sid: str | None
    level: int
    marker: Marker
    last: dict[str, int] = field(default_factory=dict)  # kind -> last ordinal among children
    last_label: dict[str, str] = field(default_factory=dict)  # kind -> id of the last child of that kind
    record: dict[str, object] | None = None
    has_text: bool = False  # a line of text since the section opened


def strong(marker: Marker) -> bool:
    """A marker a reader takes for a part or article heading, not a list item."""
    return marker.kind in STRONG or (marker.kind == "num" and len(marker.rest) >= 4 and is_all_caps(marker.rest))


def parse_outline(
    lines: list[Line],
    end: int,
    *,
    prefix: str = "",
    root_id: str | None = None,
    base_level: int = 0,
    skip: frozenset[int] = frozenset(),
    tables: bool = False,
) -> tuple[list[Section], list[str]]:
    """Sections of a region, and the marker lines read as text because they were out of sequence.

    ``lines`` are in order and ``end`` is the offset where the region stops. ``skip`` holds indexes of lines
    that cannot open a section (quoted text). Sections get ``prefix`` before their ids and hang under
    ``root_id`` (the attached text or appendix they belong to) at ``base_level``. ``tables``: the region holds
    flattened tables, whose group rows are a bare Roman numeral ("I", "II") over a title.
    """
    markers = [None if i in skip else classify(line.text) for i, line in enumerate(lines)]
    if tables:
        for i, line in enumerate(lines):
            if markers[i] is None and i not in skip:
                markers[i] = _group_row(line.text, lines[i + 1].text if i + 1 < len(lines) else "")
    normative = any(m is not None and m.kind == "dieu" for m in markers)
    root = _Node(sid=root_id, level=base_level, marker=Marker("root", "", ""))
    builder = _Builder(root, prefix, normative)
    skipped: list[str] = []
    for line, marker in zip(lines, markers):
        if marker is None or not builder.place(marker, line):
            builder.text_line(line.text)
            if marker is not None and strong(marker):
                skipped.append(line.text[:60])
    return _spans(builder.made, end), skipped


_GROUP_ROW = re.compile(r"^([IVX]{1,5})(?:\s+(\S.*))?$")


def _group_row(text: str, following: str) -> Marker | None:
    """A flattened table's group row: a Roman numeral cell ("II") before its title cell, or both on one line."""
    m = _GROUP_ROW.match(text.strip())
    if m is None or roman_value(m.group(1)) == 0:
        return None
    title = (m.group(2) or following).strip()
    if len(title.split()) < 2 or not title[:1].isupper() or classify(title) is not None:
        return None
    return Marker("roman", m.group(1), title)


#: A clause of an amending text that rewrites an article ("21. Sửa đổi, bổ sung Điều 26 như sau:") …
_AMENDS = re.compile(r"(?i)\b(?:sửa đổi|bổ sung|thay thế)\b.*\bĐiều\s+(\d+[a-zđ]?)\b.*\bnhư sau$")
#: … and the quoted article it opens with ('"Điều 26. Đăng ký khám bệnh, chữa bệnh bảo hiểm y tế ban đầu').
QUOTED_ARTICLE = re.compile(r"^[\"“”']?\s*Điều\s+(\d+[a-zđ]?)\.\s*(\S.*)$")


def _amended_title(record: dict[str, object], text: str) -> str | None:
    """The article an amending clause rewrites, as its quotation titles it ("Điều 26. Đăng ký khám bệnh …"): the
    clause's own heading only says "Sửa đổi, bổ sung Điều 26 như sau", and the article's words are what is asked."""
    amends = _AMENDS.search(str(record["heading"]))
    quoted = QUOTED_ARTICLE.match(text.strip())
    if amends is None or quoted is None or quoted.group(1) != amends.group(1):
        return None
    return f"Điều {quoted.group(1)}. {heading_of(quoted.group(2))}"


def _bare_organisation(heading: str) -> bool:
    """A heading that is only the first word of a unit's name ("Sở", "Ban", "Phòng"): wrapped, not a name."""
    return heading.strip().upper() in lexicon().name_openers


class _Builder:
    def __init__(self, root: _Node, prefix: str, normative: bool) -> None:
        self.root = root
        self.stack: list[_Node] = []
        self.prefix = prefix
        self.normative = normative
        self.made: list[dict[str, object]] = []
        self.parts_seen = False  # a Roman part heading above articles (Party documents: "I- QUY ĐỊNH CHUNG")
        self.ids: set[str] = set()
        self.caps_break = False
        self.run = 0  # the number of the last item under a Roman part: items may be numbered on through the parts

    def text_line(self, text: str) -> None:
        if self.stack:
            top = self.stack[-1]
            if not top.has_text and top.record is not None and _bare_organisation(str(top.record["heading"])):
                # "6. Sở" / "Giáo dục và Đào tạo": a unit's name wrapped after its first word
                top.record["heading"] = f"{top.record['heading']} {heading_of(text)}"
            elif not top.has_text and top.record is not None and (title := _amended_title(top.record, text)):
                top.record["heading"] = f"{top.record['heading']}: {title}"
            top.has_text = True
        if len(text.split()) >= 2 and is_all_caps(text) and not text.startswith(("-", "+")):
            self.caps_break = True  # an unnumbered heading: a list may start again under it

    def nearest(self, *kinds: str) -> _Node | None:
        for node in reversed([self.root, *self.stack]):
            if node.marker.kind in kinds:
                return node
        return None

    def place(self, marker: Marker, line: Line) -> bool:
        """Open a section for ``marker`` if it belongs in the tree; False when it is body text."""
        found = self._parent(marker)
        if found is None:
            return False
        parent, label, counter = found
        verdict = self._in_sequence(parent, counter, marker)
        if verdict == "no":
            return False
        if verdict == "doubled":
            return True  # the same heading printed twice in a row: read once
        sid = f"{self.prefix}{label}" if counter == "dieu" else self._child_id(parent, label)
        if sid in self.ids:
            n = 2
            while f"{sid}-{n}" in self.ids:
                n += 1
            sid = f"{sid}-{n}"
        self.ids.add(sid)
        counted = self.root if counter == "dieu" else parent  # articles are numbered through the region
        counted.last[counter] = ordinal(marker)
        counted.last_label[counter] = sid
        if counter == "num" and parent.marker.kind == "roman":
            self.run = ordinal(marker)
        self.caps_break = False
        while self.stack and self.stack[-1] is not parent:
            self.stack.pop()
        if marker.kind == "roman" and self.normative and parent.marker.kind != "dieu":
            self.parts_seen = True
        record: dict[str, object] = {
            "id": sid,
            "heading": heading_for(marker),
            "level": parent.level + 1,
            "parent": parent.sid,
            "start": line.start,
        }
        self.made.append(record)
        self.stack.append(_Node(sid=sid, level=parent.level + 1, marker=marker, record=record))
        return True

    def _parent(self, marker: Marker) -> tuple[_Node, str, str] | None:
        """Where a marker would hang: (parent, its label in the id, the sequence it counts in)."""
        kind = marker.kind
        if kind == "phan":  # a plan's or text's parts ("PHẦN I. …"), above its chapters or Roman items
            return self.root, f"Phần {marker.label}", "phan"
        if kind == "lettered":  # a guidance's lettered parts ("A. NHIỆM VỤ TRỌNG TÂM"), above its Roman items
            phan = self.nearest("phan")
            if phan is not None and set(phan.last) <= {"lettered"} and is_all_caps(marker.rest):
                return phan, marker.label, "lettered"  # a part's own lettered parts ("PHẦN I" / "A. … CẤP TỈNH")
            if "lettered" not in self.root.last and self.made:
                return None  # "A. …" after a section opened (a Roman item, "1.", a part): a list inside it
            return self.root, f"Phần {marker.label}", "lettered"
        part = self.nearest("phan", "lettered") or self.root
        if kind == "chuong":
            return part, f"Chương {marker.label}", "chuong"
        if kind == "muc":
            return (self.nearest("chuong") or part), f"Mục {marker.label}", "muc"
        if kind == "dieu":
            # articles are numbered through the whole region, whatever chapter or part holds them
            parent = self.nearest("muc", "chuong", "roman") if self.parts_seen else self.nearest("muc", "chuong")
            return (parent or part), f"Điều {marker.label}", "dieu"
        if kind == "roman":
            if self.normative:
                opened = any(n.marker.kind == "dieu" for n in self.stack) or "dieu" in self.root.last
                if not is_all_caps(marker.rest):
                    return None  # a Roman list inside an article
                if opened and not self.parts_seen:
                    # "Điều 1. Phê duyệt Đề án … với những nội dung sau:" / "I. QUAN ĐIỂM, MỤC TIÊU": the parts of
                    # what the article approves, under it ("Điều 1.I.1.a")
                    article = self.nearest("dieu")
                    return (article, marker.label, "roman") if article is not None else None
            return part, marker.label, "roman"
        if kind == "num":
            if self.normative:
                parent = self._article_part() or self.nearest("dieu")
                return (parent, marker.label, "num") if parent is not None else None
            return (self.nearest("roman", "chuong") or part), marker.label, "num"
        if kind == "decimal":
            labels = marker.label.split(".")
            anchor = self.nearest("roman", "chuong") or part
            parent = self._find(anchor, labels[:-1])
            if parent is None:
                return None
            return parent, labels[-1], "decimal"
        # letter
        parent = self.nearest("decimal", "num", "dieu", "roman")
        return (parent, marker.label, "letter") if parent is not None else None

    def _article_part(self) -> _Node | None:
        """The open Roman part inside an article (a decision's "Điều 1" approving a text in parts), if any."""
        for node in reversed(self.stack):
            if node.marker.kind == "dieu":
                return None
            if node.marker.kind == "roman" and any(
                n.marker.kind == "dieu" for n in self.stack[: self.stack.index(node)]
            ):
                return node
        return None

    def _find(self, anchor: _Node, labels: list[str]) -> _Node | None:
        """The open section numbered ``labels`` (["1"] for 1.1, ["2", "1"] for 2.1.3) below ``anchor``."""
        want = self._child_id(anchor, ".".join(labels))
        for node in [self.root, *self.stack]:
            if node.sid == want:
                return node
        return None

    def _in_sequence(self, parent: _Node, counter: str, marker: Marker) -> str:
        """ "yes", "no", or "doubled" (the previous sibling's heading again, nothing in between)."""
        if counter == "dieu":
            parent = self.root
        n = ordinal(marker)
        if n <= 0:
            return "no"
        last = parent.last.get(counter)
        is_strong = strong(marker)
        if last is None:
            # the first of its list: I / 1 / a, or a late start (a body opening at II; a list at 2), or items numbered
            # on through the Roman parts ("II. LĨNH VỰC …" / "3. Thủ tục …" after "2. Thủ tục …" under I)
            run = self.run if counter == "num" and parent.marker.kind == "roman" else 0
            titled = marker.rest[:1].isupper() and not marker.rest.rstrip().endswith((".", ";", ":"))  # a heading
            return "yes" if n == 1 or is_strong or n == 2 or (run and n == run + 1 and titled) else "no"
        if n == last + 1:
            return "yes"
        if n == last:
            previous = self.stack[-1] if self.stack and self.stack[-1].sid == parent.last_label.get(counter) else None
            if previous is not None and not previous.has_text and previous.record is not None:
                if not previous.record["heading"]:
                    previous.record["heading"] = heading_for(marker)
                return "doubled"
            return "yes" if is_strong or counter == "letter" else "no"
        if n == 1 and self.caps_break and counter in ("num", "roman"):
            return "yes"  # a list numbered again under an unnumbered heading in capitals (a second table)
        if n > last:
            jump_ok = is_strong and (counter in _PART_COUNTERS or counter == "num")
            return "yes" if jump_ok or n - last <= _MAX_GAP.get(counter, 1) else "no"
        return "no"

    def _child_id(self, parent: _Node, label: str) -> str:
        if parent.sid is None:
            return f"{self.prefix}{label}"
        return f"{parent.sid}.{label}"


def _spans(made: list[dict[str, object]], end: int) -> list[Section]:
    """A section ends where the next section at its level or above starts; its own text where a child starts."""
    for i, sec in enumerate(made):
        stop = end
        first_child = None
        for nxt in made[i + 1 :]:
            if first_child is None and nxt["parent"] == sec["id"]:
                first_child = nxt["start"]
            if nxt["level"] <= sec["level"]:  # type: ignore[operator]
                stop = nxt["start"]  # type: ignore[assignment]
                break
        sec["end"] = stop
        sec["body_end"] = first_child if first_child is not None else stop
    return [Section(**s) for s in made]  # type: ignore[arg-type]


def heading_for(marker: Marker) -> str:
    """Heading of a numbered unit: the rest of a part's line, or the heading part of a numbered paragraph."""
    rest = marker.rest.strip()
    if marker.kind in ("phan", "lettered", "chuong", "muc", "dieu", "roman"):
        return rest.rstrip(":.").strip()
    return heading_of(rest)
