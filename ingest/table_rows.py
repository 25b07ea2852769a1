"""Rows of a table extracted one cell per line, put back on one line each.

PDF and Word extractions often give a table as its cells, one per line (a table whose rows open with running Roman
numerals a fixed number of lines apart is read back the same way, ``_roman_table``, and so is one whose rows open
with one word and a number, "Đợt 1", "Tháng 9/2025", ``_keyed_table``):

    Số TT / Tên đồ dùng / Đơn vị tính / Số lượng / 1 / Chăn cá nhân / Cái / 01 / 2 / Đệm cá nhân / Cái / 01 / …

Read as prose, the cells join the wrong neighbours ("Cái 01 2"), and a row's name and its figure end up on
different lines, so a quote of the figure never says what it counts. A table is recognised by its first header
cell (lexicon ``table_heads``: "Số TT", "STT", "TT") and its rows by their running numbers, 1, 2, 3, each a bare
line: the header's cells become one line, and each row's cells one line, "11 Móc treo đồ Cái 20". A group row
("I" / "NHÓM XÃ, PHƯỜNG") is left as the text has it (it may head a part of an appendix) and the numbering may start
again after it. A number followed by another bare number is the row above's quantity, not the next row; a cell
holding a dash is empty. The table ends at a line that opens a block of the text ("2. Danh mục …", "Điều 3.", a
bullet) or ``MAX_ROW_LINES`` lines after a row starts with no next row; its last row is no longer than its longest
(at least as long as the header). A total row ("Tổng cộng", lexicon ``table_totals``) is a row of its own.

    regions = table_rows(lines, BLOCK_START)   # {start: end} spans of ``lines`` that each make one line
"""

from __future__ import annotations

import re

from core.text import UPPER
from ingest.lexicon import lexicon
from ingest.numbering import classify, to_roman

MAX_ROW_LINES = 16  # a wrapped cell or two: a row longer than this is no row
_BARE_NUMBER = re.compile(r"^[1-9]\d{0,2}$")  # a running number; "01", "02" are quantities
_GROUP = re.compile(r"^[IVX]{1,5}\.?$")
_QUANTITY = re.compile(r"^\d{1,3}$")
_FIGURE_CELL = re.compile(r"\d|^\s*[-–…x.]+\s*$")  # a total row's cell: a figure, or a dash or "…" for none
_EMPTY_CELLS = frozenset("-+–•*")  # a cell holding a dash is empty, not a bullet opening a block


def table_rows(lines: list[str], opens_block: re.Pattern[str]) -> dict[int, int]:
    """Spans ``start -> end`` (end exclusive) of ``lines`` that are one table header or row each; ``opens_block``
    matches a line that opens a block of the text (and so ends a table)."""
    spans: dict[int, int] = {}
    heads = lexicon().table_heads
    i = 0
    while i < len(lines):
        if lines[i].strip().lower() in heads:
            i = _table(lines, i, opens_block, spans)
        elif lines[i].strip() == ROMAN[0]:
            i = _roman_table(lines, i, opens_block, spans)
        elif _KEY.match(lines[i].strip()) and not opens_block.match(lines[i].strip()):
            i = _keyed_table(lines, i, opens_block, spans)
        else:
            i += 1
    return spans


def _table(lines: list[str], head: int, opens_block: re.Pattern[str], spans: dict[int, int]) -> int:
    """Read one table from its header cell at ``head``; record its spans; the index after it."""
    starts, reach = _row_starts(lines, head, opens_block)
    if not any(kind == "row" for _, kind in starts):
        return head + 1  # a header cell with no numbered row after it: no table
    first = starts[0][0]
    spans[head] = first  # the header's cells
    longest = first - head  # a row has at least as many cells as the header (a one-row table too)
    after = first
    for (start, kind), nxt in zip(starts, [*starts[1:], None], strict=True):
        # the last row: as long as the longest, up to where the text opens a block again
        end = min(reach, start + longest) if nxt is None else nxt[0]
        if kind == "total":  # its figures only: a note, a signature or the text goes on after it
            end = next((j for j in range(start + 1, end) if not _FIGURE_CELL.search(lines[j])), end)
        if kind in ("row", "total"):
            longest = max(longest, end - start)
            spans[start] = end
        # a group row ("I" / "NHÓM XÃ, PHƯỜNG") is left to the text: it may head a part of an appendix
        after = end
    return max(after, head + 1)


def _row_starts(lines: list[str], head: int, opens_block: re.Pattern[str]) -> tuple[list[tuple[int, str]], int]:
    """(start, "row" | "group") of each row after a header cell, and where the table's reach ends: at a line that
    opens a block of the text, or ``MAX_ROW_LINES`` after the last row's start (so a scan is linear)."""
    out: list[tuple[int, str]] = []
    totals, heads = lexicon().table_totals, lexicon().table_heads
    expected = 1
    i = head + 1
    while i < len(lines) and i - (out[-1][0] if out else head) <= MAX_ROW_LINES:
        line = lines[i].strip()
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if (
            _BARE_NUMBER.match(line)
            and (int(line) == expected or (out and out[-1][1] == "group" and _starts_rows(lines, i, expected)))
            and not _QUANTITY.match(nxt)  # "2" / "2" / "Ghế": the first is the row above's quantity
        ):
            out.append((i, "row"))
            expected = int(line) + 1
        elif _GROUP.match(line):
            out.append((i, "group"))
        elif out and line.rstrip(":").lower() in totals:  # "Tổng cộng", its number cell empty: a row of its own
            out.append((i, "total"))
        elif opens_block.match(line) and line not in _EMPTY_CELLS and not (not out and _header_label(line)):
            break
        elif out and (line.lower() in heads or (_part_heading(line) and not _group(lines, i, expected))):
            break  # the next table's header ("STT"), or a part's heading between tables ("B. … CẤP XÃ" / "STT")
        i += 1
    return out, i


def _starts_rows(lines: list[str], i: int, expected: int) -> bool:
    """Whether the bare number at ``i`` after a group row opens the group's rows: 1 again, or, in a table whose
    numbering has not begun, a number going on from an earlier table ("I" / "Lĩnh vực …" / "6"), unless the
    numbering starts at 1 within a row's reach (a count the group row gives: "I" / "Thiết bị phòng tin học" / "12"
    / "Bộ" / "1")."""
    n = int(lines[i].strip())
    if n == 1:
        return True
    return expected == 1 and not any(ln.strip() == "1" for ln in lines[i + 1 : i + 1 + MAX_ROW_LINES])


def _group(lines: list[str], i: int, expected: int) -> bool:
    """Whether a lettered heading at ``i`` is a group row of the table: the next row's number follows it."""
    nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
    return bool(_BARE_NUMBER.match(nxt)) and int(nxt) in (1, expected)


def _part_heading(line: str) -> bool:
    """A lettered part's heading in capitals ("B. THỦ TỤC HÀNH CHÍNH CẤP XÃ"): no table's cell."""
    marker = classify(line)
    return marker is not None and marker.kind == "lettered" and marker.rest.upper() == marker.rest


def _header_label(line: str) -> bool:
    """A header cell that opens like a block of the text ("Căn cứ pháp lý", "Thực hiện"): a few words, no figure,
    no marker, no closing stop; before the first row it is the header's, not the text going on."""
    return (
        len(line.split()) <= 4 and not re.search(r"\d|[.;:]$", line) and classify(line) is None and line[:1].isalpha()
    )


ROMAN = tuple(to_roman(n) for n in range(1, 13))  # I … XII
MIN_ROMAN_ROWS, MAX_CELLS, MAX_CELL = 3, 6, 80  # a table of more than len(ROMAN) rows is read up to it


def _roman_table(lines: list[str], at: int, opens_block: re.Pattern[str], spans: dict[int, int]) -> int:
    """A table whose rows open with running Roman numerals a fixed number of lines apart ("Cấp cháy / Chỉ tiêu I /
    Đặc trưng … / I / I > 4.0 / Ít / có khả năng cháy / II / …"): at least ``MIN_ROMAN_ROWS`` rows of short lines,
    none opening a block; the short lines before the first (at most as many) are its header. Recorded in ``spans``;
    the index after it (``at + 1`` when it is no such table: a group row heading a part of an appendix)."""
    for k in range(2, MAX_CELLS + 1):
        n = 0
        while at + n * k < len(lines) and n < len(ROMAN) and lines[at + n * k].strip() == ROMAN[n]:
            n += 1
        end = at + n * k
        if n < MIN_ROMAN_ROWS or end > len(lines):
            continue
        keys = {at + r * k for r in range(n)}
        if any(not _cell(lines[j], opens_block) for j in range(at, end) if j not in keys):
            continue
        head = at
        while head > max(0, at - k) and _header_cell(lines, head - 1, opens_block):
            head -= 1
        if head < at:
            spans[head] = at  # the header's cells
        for r in range(n):
            spans[at + r * k] = at + (r + 1) * k
        return end
    return at + 1


#: A row's first cell naming it by one word and a number: "Đợt 1", "Tháng 9/2025", "Khối 6".
_KEY = re.compile(rf"^([{UPPER}][a-zđà-ỹ]+)\s+(\d\S*)$")
MIN_KEYED_ROWS, MAX_KEYED_CELL, MAX_LAST_KEY = 3, 200, 30


def _keyed_table(lines: list[str], at: int, opens_block: re.Pattern[str], spans: dict[int, int]) -> int:
    """A table whose rows open with one word and a number a fixed number of lines apart ("Đợt 1" / "Thứ Bảy,
    06/12/2025" / "Trường …" / "Đợt 2" / …, "Tháng 9/2025" / "Xây dựng …" / "Hiệu trưởng" / "Tháng 10/2025" / …):
    at least ``MIN_KEYED_ROWS`` rows, every line between them a cell and none a bare number of the text's (then
    the number opens the row: "8.1" / "Khối 1" / "4.650.000"); a last row opening with the same word without a
    number ("Đợt bổ sung") is one too; the cells before the first row (at most as many) are its header. Recorded in
    ``spans``; the index after it (``at + 1`` when it is no such table)."""
    word = _key_of(lines[at])
    for k in range(2, MAX_CELLS + 1):
        n = 0
        while at + n * k < len(lines) and _key_of(lines[at + n * k]) == word:
            n += 1
        end = at + n * k
        if n < MIN_KEYED_ROWS or end > len(lines):
            continue
        if any(not _keyed_cell(lines[j], opens_block) for j in range(at, end) if (j - at) % k):
            continue
        last = lines[end].strip() if end < len(lines) else ""
        if (
            last.startswith(word + " ")
            and not _KEY.match(last)  # "Đợt bổ sung", no number: a number would have been a row of the run
            and not opens_block.match(last)
            and len(last) <= MAX_LAST_KEY
            and end + k <= len(lines)
            and all(_keyed_cell(lines[j], opens_block) for j in range(end + 1, end + k))
        ):
            end, n = end + k, n + 1  # "Đợt bổ sung" / its cells
        # its header: as many cells as a row, each opening with a capital ("Đợt" / "Ngày đánh giá" / …), not the
        # wrapped end of a sentence announcing the table
        head = at - k
        if head >= 0 and all(
            _header_cell(lines, j, opens_block) and lines[j].strip()[:1].isupper() for j in range(head, at)
        ):
            spans[head] = at
        for r in range(n):
            spans[at + r * k] = at + (r + 1) * k
        return end
    return at + 1


def _key_of(line: str) -> str | None:
    m = _KEY.match(line.strip())
    return m.group(1) if m else None


def _keyed_cell(line: str, opens_block: re.Pattern[str]) -> bool:
    """A cell of a keyed table: as ``_cell`` but as long as a task's text may be, and no bare number ("8.2")."""
    marker = classify(line.strip())
    return (marker is None or bool(marker.rest)) and _cell(line, opens_block, MAX_KEYED_CELL)


def _header_cell(lines: list[str], i: int, opens_block: re.Pattern[str]) -> bool:
    """Whether line ``i`` may be a header cell of the table below it: a cell, no row's numeral, and not the text of a
    heading whose marker stands alone on the line before ("2." / "Bảng tra cấp dự báo cháy rừng")."""
    before = lines[i - 1].strip() if i > 0 else ""
    marker = opens_block.match(before)
    bare = marker is not None and not before[marker.end() :].strip()
    return _cell(lines[i], opens_block) and lines[i].strip() not in ROMAN and not bare


def _cell(line: str, opens_block: re.Pattern[str], longest: int = MAX_CELL) -> bool:
    """Whether a line may be a table's cell: short, opening no block of the text (a dash is an empty cell), not a
    heading in capitals ("I" / "MỤC ĐÍCH, YÊU CẦU" / … is a plan's parts), nor a sentence's end."""
    text = line.strip()
    letters = [c for c in text if c.isalpha()]
    if (len(letters) >= 2 and all(c.isupper() for c in letters)) or text.endswith((".", ";", ":")):
        return False
    m = opens_block.match(text)
    # "2.8 < I <= 4.0" is a range, not a heading "2.8." of the text: a marker not followed by a word opens nothing
    heading = m is not None and text[m.end() :].lstrip()[:1].isalpha()
    return bool(text) and len(text) <= longest and (text in _EMPTY_CELLS or not heading)
