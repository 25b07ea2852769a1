"""Word's automatic numbering, rendered as the numbers a reader sees ("II.", "1.2.", "a)", "-").

In a .docx whose lists are automatic, the numbers are not in the text: a paragraph names a list (``w:numId``)
and a level (``w:ilvl``), directly or through its style, and ``word/numbering.xml`` says how each level counts
(``w:numFmt``: decimal, upperRoman, lowerLetter, bullet …), where it starts (``w:start``, a list's
``w:startOverride``), how its label is written (``w:lvlText`` "%1.%2.") and when it restarts
(``w:lvlRestart``). Lists that share an abstract definition share their counters, as in Word. python-docx
gives the XML; this module counts, in document order, so ``Numbering.label`` must see every paragraph once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_LEVELS = 9

#: Bullet glyphs from symbol fonts (Symbol, Wingdings, Courier New "o") shown as a plain bullet.
_BULLETS = {"-": "-", "+": "+", "–": "–", "•": "•", "*": "*", "·": "•", "▪": "•", "●": "•", "○": "•", "o": "•"}
_LABEL = re.compile(r"%([1-9])")


@dataclass
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    restart: int | None = None  # w:lvlRestart: restart after this (1-based) level; 0 never; None after any
    legal: bool = False  # w:isLgl: every number in the label as decimal
    style: str | None = None  # w:pStyle: the paragraph style this level belongs to


@dataclass
class _List:
    abstract: str
    levels: dict[int, Level] = field(default_factory=dict)  # overrides of whole levels
    starts: dict[int, int] = field(default_factory=dict)  # w:startOverride
    used: bool = False


def _val(el: Any, tag: str) -> str | None:
    child = el.find(f"{W}{tag}") if el is not None else None
    return child.get(f"{W}val") if child is not None else None


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _level(el: Any) -> Level:
    restart = _val(el, "lvlRestart")
    return Level(
        fmt=_val(el, "numFmt") or "decimal",
        text=_val(el, "lvlText") if _val(el, "lvlText") is not None else "",  # type: ignore[arg-type]
        start=_int(_val(el, "start"), 1),
        restart=_int(restart, 0) if restart is not None else None,
        legal=el.find(f"{W}isLgl") is not None and _val(el, "isLgl") not in ("0", "false"),
        style=_val(el, "pStyle"),
    )


def _roman(n: int) -> str:
    out = ""
    for value, numeral in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out += numeral
            n -= value
    return out


def format_number(n: int, fmt: str) -> str:
    """One counter in a numFmt: 4 → "4", "IV", "iv", "D", "d", "04"; Word's letters go a…z, aa…zz."""
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)  # decimal and the formats this project has not met


class Numbering:
    """The lists of one document, counted as its paragraphs are read in order."""

    def __init__(self, numbering_xml: Any = None, styles_xml: Any = None) -> None:
        self._abstract: dict[str, dict[int, Level]] = {}
        self._links: dict[str, str] = {}  # abstractNum with w:numStyleLink → the style that holds the list
        self._lists: dict[str, _List] = {}
        self._styles: dict[str, tuple[str | None, str | None, str | None]] = {}  # id → (numId, ilvl, basedOn)
        self._counters: dict[str, list[int | None]] = {}
        if styles_xml is not None:
            for style in styles_xml.iter(f"{W}style"):
                sid = style.get(f"{W}styleId")
                num_pr = style.find(f"{W}pPr/{W}numPr")
                self._styles[sid] = (
                    _val(num_pr, "numId") if num_pr is not None else None,
                    _val(num_pr, "ilvl") if num_pr is not None else None,
                    _val(style, "basedOn"),
                )
        if numbering_xml is None:
            return
        for abstract in numbering_xml.iter(f"{W}abstractNum"):
            aid = abstract.get(f"{W}abstractNumId")
            self._abstract[aid] = {_int(lvl.get(f"{W}ilvl"), 0): _level(lvl) for lvl in abstract.iterfind(f"{W}lvl")}
            link = _val(abstract, "numStyleLink")
            if link:
                self._links[aid] = link
        for num in numbering_xml.iter(f"{W}num"):
            entry = _List(abstract=_val(num, "abstractNumId") or "")
            for override in num.iterfind(f"{W}lvlOverride"):
                ilvl = _int(override.get(f"{W}ilvl"), 0)
                start = _val(override, "startOverride")
                if start is not None:
                    entry.starts[ilvl] = _int(start, 1)
                lvl = override.find(f"{W}lvl")
                if lvl is not None:
                    entry.levels[ilvl] = _level(lvl)
            self._lists[num.get(f"{W}numId")] = entry

    @classmethod
    def of(cls, document: Any) -> Numbering:
        """The numbering of a python-docx ``Document`` (empty when it has no numbering part)."""
        part = document.part
        try:
            numbering_xml = part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            numbering_xml = None
        try:
            styles_xml = part.styles.element if hasattr(part, "styles") else None
        except (KeyError, AttributeError):
            styles_xml = None
        return cls(numbering_xml, styles_xml)

    # ---------------------------------------------------------------- which list, which level

    def _resolve_abstract(self, num_id: str) -> str | None:
        entry = self._lists.get(num_id)
        if entry is None:
            return None
        aid = entry.abstract
        for _ in range(3):  # numStyleLink → style → its list's abstract definition
            link = self._links.get(aid)
            if link is None:
                break
            style_num = self._style_numbering(link)[0]
            target = self._lists.get(style_num or "")
            if target is None:
                break
            aid = target.abstract
        return aid if aid in self._abstract else None

    def _style_numbering(self, style_id: str | None) -> tuple[str | None, str | None]:
        num_id = ilvl = None
        seen = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            s_num, s_lvl, based_on = self._styles.get(style_id, (None, None, None))
            num_id = num_id if num_id is not None else s_num
            ilvl = ilvl if ilvl is not None else s_lvl
            if num_id is not None:
                break
            style_id = based_on
        return num_id, ilvl

    def _numbering_of(self, p: Any) -> tuple[str, int] | None:
        ppr = p.find(f"{W}pPr")
        num_pr = ppr.find(f"{W}numPr") if ppr is not None else None
        num_id = _val(num_pr, "numId") if num_pr is not None else None
        ilvl = _val(num_pr, "ilvl") if num_pr is not None else None
        style = _val(ppr, "pStyle") if ppr is not None else None
        if num_id is None:
            num_id, style_lvl = self._style_numbering(style)
            ilvl = ilvl if ilvl is not None else style_lvl
        if num_id is None or num_id == "0" or num_id not in self._lists:
            return None
        if ilvl is None:  # a heading style tied to a level of the list by w:pStyle
            aid = self._resolve_abstract(num_id)
            levels = self._abstract.get(aid or "", {})
            ilvl = next((str(k) for k, lvl in levels.items() if style and lvl.style == style), "0")
        return num_id, min(max(_int(ilvl, 0), 0), MAX_LEVELS - 1)

    def _level_def(self, num_id: str, aid: str, ilvl: int) -> Level:
        return self._lists[num_id].levels.get(ilvl) or self._abstract[aid].get(ilvl) or Level(text="")

    # ---------------------------------------------------------------- counting

    def label(self, p: Any) -> str | None:
        """The label Word shows before paragraph ``p`` (a ``w:p`` element), counting it; None when unnumbered."""
        found = self._numbering_of(p)
        if found is None:
            return None
        num_id, ilvl = found
        aid = self._resolve_abstract(num_id)
        if aid is None:
            return None
        entry = self._lists[num_id]
        counters = self._counters.setdefault(aid, [None] * MAX_LEVELS)
        if not entry.used:
            entry.used = True
            for lvl in entry.starts:  # a list with a start override restarts where it is first used
                counters[lvl] = None
        level = self._level_def(num_id, aid, ilvl)
        current = counters[ilvl]
        counters[ilvl] = current + 1 if current is not None else self._start(num_id, aid, ilvl)
        for deeper in range(ilvl + 1, MAX_LEVELS):
            restart = self._level_def(num_id, aid, deeper).restart
            if restart is None or (restart != 0 and ilvl < restart):
                counters[deeper] = None
        return self._render(num_id, aid, level, counters)

    def _start(self, num_id: str, aid: str, ilvl: int) -> int:
        return self._lists[num_id].starts.get(ilvl, self._level_def(num_id, aid, ilvl).start)

    def _render(self, num_id: str, aid: str, level: Level, counters: list[int | None]) -> str:
        if level.fmt == "bullet":
            glyph = level.text.strip()
            if not glyph:
                return "•"
            return _BULLETS.get(glyph, "•" if len(glyph) == 1 and not glyph.isalnum() else glyph)

        def number(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            value = counters[k]
            if value is None:
                value = self._start(num_id, aid, k)
            fmt = self._level_def(num_id, aid, k).fmt
            return format_number(value, "decimal" if level.legal and fmt != "none" else fmt)

        return _LABEL.sub(number, level.text).strip()
