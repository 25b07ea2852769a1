"""What follows a document's main text: attached texts, appendices and footnotes, as regions of lines.

A Quyết định "ban hành kèm theo" a Quy chế, Quy định or Kế hoạch prints the
attached text after its signature, with its own title and numbering that
restarts at Điều 1 or I; an appendix ("PHỤ LỤC I", "Mẫu biểu số 01") holds
tables and forms; footnotes ("[1] …") close the file. Each region is parsed on
its own so that its numbers never collide with the main text's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.text import fold_key
from ingest.lexicon import lexicon
from ingest.normalize import is_all_caps
from ingest.numbering import STRONG, classify
from ingest.outline import Line

_NOTE = r"\((?:Ban hành |ban hành )?(?:kèm|Kèm|KÈM)\s+(?:theo|THEO)\b"
_ATTACHED_NOTE = re.compile(rf"^{_NOTE}")
#: The note joined to the end of a title line by unwrapping ("Số hóa … năm 2026 (Kèm theo …)").
_JOINED_NOTE = re.compile(rf"\s{_NOTE}")
_APPENDIX = re.compile(
    r"^(?P<word>PHỤ LỤC|Phụ lục|PHỤ LUC|MẪU BIỂU SỐ|Mẫu biểu số|BIỂU MẪU SỐ)"
    r"(?:\s+(?:SỐ|số)?\s*(?P<label>[IVXL]+|\d{1,3}[a-z]?)\b)?[.:]?\s*(?P<rest>.*)$"
)
#: Column headings that open a table under an appendix's title.
_TABLE_HEADS = frozenset({"STT", "TT", "SỐ TT", "Số TT"})
_FOOTNOTE = re.compile(r"^\[(\d{1,3})\]")
#: A line opening with an item's label ("1.", "a)", "- "): body text, not a title.
_ITEM = re.compile(r"^(?:[IVXL]+\.|\d{1,3}[.)]|[a-zđ]\)|[-+•*])\s")
#: Lines of an attached text's title in ordinary case before its "(Kèm theo …)" note.
MAX_PLAIN_TITLE_LINES = 3
#: A blank form inside an appendix: "Mẫu số 01" on its own line, its letterhead in capitals under it.
_FORM = re.compile(r"^(?:Mẫu|MẪU)\s+(?:số|SỐ)\s*(?P<label>\d{1,3}[a-z]?)$")


@dataclass(frozen=True)
class Region:
    kind: str  # "attachment", "appendix", "footnotes"
    start: int  # index of its first line
    end: int  # index after its last line
    root_id: str  # "Quy chế", "Phụ lục I", "Phụ lục I.Mẫu 02", "footnotes"
    heading: str
    body: int  # index of the first line after its heading lines
    parent: str | None = None  # the appendix a form belongs to


#: How appendix sections are named (their ids start so: "Phụ lục II", "Phụ lục.Mẫu 01", "Mẫu biểu 01").
APPENDIX_IDS = ("Phụ lục", "Mẫu biểu")


def appendix_head(text: str) -> tuple[str, str] | None:
    """(id, rest of the line) of an appendix heading: "PHỤ LỤC I" → "Phụ lục I"; "MẪU BIỂU SỐ 01" → "Mẫu biểu 01"."""
    m = _APPENDIX.match(text)
    if not m:
        return None
    word, label, rest = m.group("word"), m.group("label"), m.group("rest")
    mixed = not word.isupper()
    if mixed and (rest or (label is None and len(text.split()) > 2)):
        return None  # "Phụ lục của Kế hoạch …" is body text
    if word.isupper() and rest and not is_all_caps(rest) and not rest.startswith("("):
        return None
    if len(text.split()) > 30:
        return None
    base = APPENDIX_IDS[0] if fold_key(word).startswith("phu luc") else APPENDIX_IDS[1]
    return (f"{base} {label}" if label else base), rest


def attachment_head(lines: list[Line], i: int) -> tuple[str, int] | None:
    """(kind, index of the first line after its title) when line ``i`` opens an attached text.

    An attached text starts with its kind in capitals ("QUY CHẾ", "QUY ĐỊNH VỀ …") and, within its title,
    the note "(Ban hành kèm theo Quyết định số …)". Its title may be in capitals or, as the main text's own
    summary line is, in ordinary case ("KẾ HOẠCH / Số hóa hồ sơ hành chính năm 2026 / (Kèm theo …)"): up to
    ``MAX_PLAIN_TITLE_LINES`` such lines, none a sentence or an item.
    """
    text = lines[i].text
    kind = next((name for key, name in lexicon().attachment_kinds.items() if text.startswith(key)), None)
    if kind is None or not is_all_caps(text):
        return None
    plain = 0
    for j in range(i + 1, min(i + 8, len(lines))):
        line = lines[j].text
        if _ATTACHED_NOTE.match(line):
            return kind, j + 1
        if is_all_caps(line) or line.startswith("("):
            continue
        if _note_at(line) and plain < MAX_PLAIN_TITLE_LINES:  # a title line the note was joined to
            return kind, j + 1
        plain += 1
        if plain > MAX_PLAIN_TITLE_LINES or line.rstrip().endswith((".", ":", ";")) or _ITEM.match(line):
            return None
    return None


Head = tuple[int, str, str, str, int]  # (line index, kind, id, heading, index of its first body line)


def find_regions(lines: list[Line], body_start: int) -> list[Region]:
    """Attached texts, appendices and the footnotes after ``body_start``, in document order."""
    notes_at = _footnotes_start(lines, body_start)
    stop = notes_at if notes_at is not None else len(lines)
    regions = _regions(_heads(lines, body_start + 1, stop), stop)
    if notes_at is not None:
        regions.append(Region("footnotes", notes_at, len(lines), "footnotes", "Chú thích", notes_at))
    return regions


def _heads(lines: list[Line], start: int, stop: int) -> list[Head]:
    """Where each attached text, appendix and blank form begins."""
    heads: list[Head] = []
    i = start
    while i < stop:
        attached = attachment_head(lines, i)
        if attached is not None:
            kind, body = attached
            first = lines[i].text[len(kind) :].strip() if fold_key(lines[i].text) == fold_key(kind) else lines[i].text
            last = lines[body - 1].text
            joined = [last[:at].strip()] if (at := _note_at(last)) else []  # "Số hóa … năm 2026 (Kèm theo …)"
            title = " ".join([first, *(ln.text for ln in lines[i + 1 : body - 1]), *joined]).strip()
            heads.append((i, "attachment", kind, title, body))
            i = body
            continue
        appendix = appendix_head(lines[i].text)
        if appendix is not None:
            rid, rest = appendix
            j, words = i + 1, [rest] if rest else []
            while j < min(stop, i + 6) and _appendix_title(lines[j].text):
                if not _ATTACHED_NOTE.match(lines[j].text):
                    words.append(lines[j].text)
                j += 1
            heads.append((i, "appendix", rid, " ".join(words).strip() or lines[i].text.strip(), j))
            i = j
            continue
        form = _FORM.match(lines[i].text)
        following = lines[i + 1].text if i + 1 < stop else ""
        if form and (is_all_caps(following) or following.startswith(("Kính gửi", "<", "("))):
            heads.append((i, "form", f"Mẫu {form.group('label')}", lines[i].text, i + 1))
        i += 1
    return heads


def _note_at(text: str) -> int:
    """Where a "(Kèm theo …)" note joined to the end of a title line starts in it (0: none there)."""
    m = _JOINED_NOTE.search(text)
    return m.start() if m else 0


def _appendix_title(text: str) -> bool:
    """A line of an appendix's title block: capitals or the "(Kèm theo …)" note, not a table's first cell nor a part's
    heading ("PHẦN I. DANH MỤC …", "A. …" open the appendix's own outline)."""
    if (marker := classify(text.strip())) is not None and marker.kind in STRONG:
        return False
    return (is_all_caps(text) or bool(_ATTACHED_NOTE.match(text))) and text.strip() not in _TABLE_HEADS


def _regions(heads: list[Head], stop: int) -> list[Region]:
    """Regions between heads; a form belongs to the appendix before it; repeated ids get "-2"."""
    regions: list[Region] = []
    taken: dict[str, int] = {}
    holder: str | None = None  # the appendix blank forms belong to
    for k, (start, kind, rid, heading, body) in enumerate(heads):
        end = heads[k + 1][0] if k + 1 < len(heads) else stop
        parent = holder if kind == "form" else None
        if parent:
            rid = f"{parent}.{rid}"
        taken[rid] = taken.get(rid, 0) + 1
        rid = rid if taken[rid] == 1 else f"{rid}-{taken[rid]}"
        regions.append(Region(kind, start, end, rid, heading, min(body, end), parent))
        if kind == "appendix":
            holder = rid
        elif kind == "attachment":
            holder = None
    return regions


def _footnotes_start(lines: list[Line], body_start: int) -> int | None:
    """The footnote block closing a file: the last line that starts with "[1]", if every later note is numbered on."""
    starts = [i for i in range(body_start + 1, len(lines)) if _FOOTNOTE.match(lines[i].text)]
    firsts = [i for i in starts if _FOOTNOTE.match(lines[i].text).group(1) == "1"]  # type: ignore[union-attr]
    if not firsts:
        return None
    return firsts[-1]
