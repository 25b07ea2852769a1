"""General Vietnamese administrative language the parser reads documents with, loaded from ``ingest/data``.

Document types and their number codes, the national mottos of a header, the words
that open an issuing body's name, the lines of an enacting formula, the kinds of
texts attached to a decision, appendix headings and the casing of common parts of
body names. Nothing in it names one document: what a document says about itself
comes from parsing that document.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from core.text import fold_key

_DATA = Path(__file__).parent / "data" / "admin.json"


@dataclass(frozen=True)
class Lexicon:
    doc_types: dict[str, str]  # "KẾ HOẠCH" -> "Kế hoạch", longest first
    kind_codes: dict[str, str]  # "KH" -> "Kế hoạch"
    mottos: tuple[str, ...]
    line_mottos: frozenset[str]  # folded: mottos only when alone on a line ("ĐOÀN TNCS HỒ CHÍ MINH")
    org_starts: tuple[str, ...]
    name_openers: frozenset[str]  # upper-cased: words that open a unit's name and never end one ("SỞ")
    authority_lines: tuple[str, ...]
    enacting_words: tuple[str, ...]
    attachment_kinds: dict[str, str]
    appendix_words: tuple[str, ...]
    place_words: tuple[str, ...]
    signing_titles: tuple[str, ...]  # positions a signer holds: "CHỦ TỊCH", "PHÓ GIÁM ĐỐC"
    signing_alone: frozenset[str]  # positions that sign only as a line of their own ("THƯ KÝ", not "TỔ THƯ KÝ")
    org_casing: tuple[str, ...]
    table_heads: frozenset[str]  # a table's first header cell, lower case ("số tt", "stt"): its rows are numbered
    table_totals: frozenset[str]  # lower case: a cell opening a table's total row ("tổng cộng")
    doc_type_re: re.Pattern[str]  # a line opening with a document type in capitals
    closing_re: re.Pattern[str]  # a last paragraph that closes the text ("Trong quá trình thực hiện, nếu …./.")
    effect_re: re.Pattern[str]  # one saying the text takes effect ("Chương trình này có hiệu lực …./.")
    org_start_re: re.Pattern[str]  # a line opening an issuing body's name
    alias_re: re.Pattern[str]  # the parenthesis naming what a text will call a document it cites: "(sau đây gọi tắt là"
    attached_by: str  # "ban hành kèm theo": a ground names the text a cited document issued before it
    attached_by_re: re.Pattern[str]  # such a ground up to the cited document: "Căn cứ <name> ban hành kèm theo "
    kind_compounds: frozenset[str]  # lower case: words with a kind of document that are no document ("pháp luật")
    dash_compounds: frozenset[tuple[str, str]]  # lower case: the words either side of a dash ("văn hóa", "xã hội")


def _alternation(words: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(words, key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(w) for w in ordered) + r")(?![^\W\d_])")


def _closing(raw: dict[str, list[str]]) -> re.Pattern[str]:
    openers = "|".join(re.escape(w) for w in sorted(raw["openers"], key=len, reverse=True))
    asks = "|".join(re.escape(w) for w in raw["asks"])
    return re.compile(rf"^(?:(?:{openers})\b.*|.{{0,120}}\b(?:{asks})\b.*\bthực hiện\b.{{0,40}})\./\.\s*$", re.S)


def _effect(raw: dict[str, list[str]]) -> re.Pattern[str]:
    effect = "|".join(re.escape(w) for w in raw["effect"])
    return re.compile(rf"^.{{0,80}}\bnày (?:{effect})\b.*\./\.\s*$", re.S)


def _attached_by(raw: dict[str, Any]) -> re.Pattern[str]:
    """A ground line's start up to the document it cites for the text it issued, that text's name in a group:
    "Căn cứ Quy chế làm việc của … ban hành kèm theo " (the name capitalised, no number in it)."""
    openings = "|".join(re.escape(o) for o in raw["openings"])
    return re.compile(
        rf"(?:^|;)\s*(?:[-+]\s*)?(?i:{openings})\s+(?P<name>[A-ZĐÀ-Ỹ][^;“”\d]{{4,200}}?)\s+{re.escape(raw['phrase'])}\s+$"
    )


def _dash_pairs(pairs: list[str]) -> frozenset[tuple[str, str]]:
    """ "văn hóa - xã hội" as its two halves, lower case; an entry not written "words - words" is an error."""
    out = set()
    for pair in pairs:
        halves = pair.lower().split(" - ")
        if len(halves) != 2 or not all(h.strip() for h in halves):
            raise ValueError(f"ingest/data/admin.json dash_compounds: {pair!r} is not written 'words - words'")
        out.add((halves[0], halves[1]))
    return frozenset(out)


def _alias(openers: list[str]) -> re.Pattern[str]:
    ordered = "|".join(re.escape(w) for w in sorted(openers, key=len, reverse=True))
    return re.compile(rf"\s*\(\s*(?:{ordered})\b", re.I)


@cache
def lexicon() -> Lexicon:
    """The package's lexicon (read once)."""
    raw = json.loads(_DATA.read_text(encoding="utf-8"))
    doc_types = dict(sorted(raw["doc_types"].items(), key=lambda kv: -len(kv[0])))
    return Lexicon(
        doc_types=doc_types,
        kind_codes=raw["kind_codes"],
        mottos=tuple(raw["mottos"]),
        line_mottos=frozenset(fold_key(m) for m in raw.get("line_mottos", ())),
        org_starts=tuple(raw["org_starts"]),
        name_openers=frozenset(w.upper() for w in raw.get("name_openers", ())),
        authority_lines=tuple(raw["authority_lines"]),
        enacting_words=tuple(raw["enacting_words"]),
        attachment_kinds=dict(sorted(raw["attachment_kinds"].items(), key=lambda kv: -len(kv[0]))),
        appendix_words=tuple(raw["appendix_words"]),
        place_words=tuple(raw["place_words"]),
        signing_titles=tuple(raw["signing_titles"]),
        signing_alone=frozenset(raw["signing_alone"]),
        org_casing=tuple(raw["org_casing"]),
        table_heads=frozenset(h.lower() for h in raw.get("table_heads", ())),
        table_totals=frozenset(h.lower() for h in raw.get("table_totals", ())),
        doc_type_re=_alternation(tuple(doc_types)),
        closing_re=_closing(raw["closing_lines"]),
        effect_re=_effect(raw["closing_lines"]),
        org_start_re=_alternation(tuple(raw["org_starts"])),
        alias_re=_alias(raw["alias_openers"]["openers"]),
        attached_by=raw["attached_by"]["phrase"],
        attached_by_re=_attached_by(raw["attached_by"]),
        kind_compounds=frozenset(w.lower() for w in raw["kind_compounds"]["words"]),
        dash_compounds=_dash_pairs(raw["dash_compounds"]["pairs"]),
    )
