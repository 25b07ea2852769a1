"""Rows of a table extracted one cell per line, put back on one line each.

PDF and Word extractions often give a table as its cells, one per line:

    Số TT / Tên đồ dùng / Đơn vị tính / Số lượng / 1 / Chăn cá nhân / Cái / 01 / 2 / Đệm cá nhân / Cái / 01 / …

Read as prose, the cells join the wrong neighbours ("Cái 01 2"), and a row's name and its figure end up on
different lines, so a quote of the figure never says what it counts. A table is recognised by its first header
cell (lexicon ``table_heads``: "Số TT", "STT", "TT") and its rows by their running numbers, 1, 2, 3, each a bare
line: the header's cells become one line, and each row's cells one line, "11 Móc treo đồ Cái 20". A group row
("I" / "NHÓM XÃ, PHƯỜNG") is left as the text has it (it may head a part of an appendix) and the numbering may start
again after it. The table ends at a
line that opens a block of the text ("2. Danh mục …", "Điều 3.", a bullet), at a number out of sequence, or,
for its last row, after as many lines as its longest row had; a row longer than ``MAX_ROW_LINES`` ends it before
that row (a number in prose that happened to come next).

    regions = table_rows(lines)   # {start: end} spans of ``lines`` that each make one line
"""

from __future__ import annotations

import re

from ingest.lexicon import lexicon

MAX_ROW_LINES = 16  # a wrapped cell or two: a row longer than this is no row
_BARE_NUMBER = re.compile(r"^[1-9]\d{0,2}$")  # a running number; "01", "02" are quantities
_GROUP = re.compile(r"^[IVX]{1,5}\.?$")


def table_rows(lines: list[str], opens_block: re.Pattern[str]) -> dict[int, int]:
    """Spans ``start -> end`` (end exclusive) of ``lines`` that are one table header or row each; ``opens_block``
    matches a line that opens a block of the text (and so ends a table)."""
    spans: dict[int, int] = {}
    i = 0
    while i < len(lines):
        if lines[i].strip().lower() in lexicon().table_heads:
            i = _table(lines, i, opens_block, spans)
        else:
            i += 1
    return spans


def _table(lines: list[str], head: int, opens_block: re.Pattern[str], spans: dict[int, int]) -> int:
    """Read one table from its header cell at ``head``; record its spans; the index after it."""
    starts = _row_starts(lines, head, opens_block)
    if not any(kind == "row" for _, kind, _ in starts):
        return head + 1  # a header cell with no numbered row after it: no table
    first = starts[0][0]
    spans[head] = first  # the header's cells
    longest = 0
    for (start, kind, end), nxt in zip(starts, [*starts[1:], None], strict=True):
        # the last row: as long as the longest, up to where the text opens a block again
        end = min(end, start + max(longest, 1)) if nxt is None else nxt[0]
        if kind == "row":
            longest = max(longest, end - start)
            spans[start] = end
        # a group row ("I" / "NHÓM XÃ, PHƯỜNG") is left to the text: it may head a part of an appendix
    return max(spans.values())


def _row_starts(lines: list[str], head: int, opens_block: re.Pattern[str]) -> list[tuple[int, str, int]]:
    """(start, "row" | "group", end of the table's reach) of each row after a header cell."""
    out: list[tuple[int, str, int]] = []
    expected = 1
    i = head + 1
    while i < len(lines):
        line = lines[i].strip()
        if _BARE_NUMBER.match(line) and (int(line) == expected or (out and out[-1][1] == "group" and int(line) == 1)):
            if out and i - out[-1][0] > MAX_ROW_LINES:
                break
            out.append((i, "row", len(lines)))
            expected = int(line) + 1
        elif _GROUP.match(line) and (out or i - head <= MAX_ROW_LINES):
            out.append((i, "group", len(lines)))
        elif opens_block.match(line) or (not out and i - head > MAX_ROW_LINES):
            break
        i += 1
    reach = i
    return [(s, k, reach) for s, k, _ in out]
