"""One label per document that every door shows, and what a user types back resolved to a document or legal basis.

A document's label is its number when it has one ("08/KH-CĐCĐ"), else a short name built from what its header
gives: the symbol printed after a blank number, or its type, then its place (or issuer) and year ("KH-CDLC Lào
Cai 2025", "Kế hoạch Mỹ Tú 2025"). Labels that would name two documents take the place, then the date, then the
id, so every label names one document. A reference is resolved by comparison keys (folded, punctuation and
leading zeros dropped), so the label, the id, the number, a blank number's symbol and "thông tư 124" or "tt 124"
all find the same document::

    labels = Labels([DocRow("kh-cdlc-laocai-2026", "Kế hoạch", "/KH-CDLC", "Lào Cai", "…", 2025, None)])
    labels.of("kh-cdlc-laocai-2026")      # "KH-CDLC Lào Cai 2025"
    labels.resolve("kh-cdlc")            # "kh-cdlc-laocai-2026"

Legal bases (registry entries) are found the same way by ``find_legal_bases``: "chi thi 09" is 09-CT/TW.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from core.errors import AmbiguousDocument, DocumentNotFound, DocumentsNotFound
from core.text import fold_key, show_date
from core.types import LegalBasis

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_LEADING_ZEROS = re.compile(r"\b0+(?=\d)")
# "thông tư số 124": the word "số" between a kind and its number says nothing
_NUMBER_WORD = re.compile(r"\bso (?=\d)")


def ref_key(text: str) -> str:
    """Comparison key of a reference: "08/KH-CĐCĐ" and "8 kh cdcd" are both "8 kh cdcd"."""
    key = _NON_ALNUM.sub(" ", fold_key(text)).strip()
    return _NUMBER_WORD.sub("", _LEADING_ZEROS.sub("", key))


@lru_cache(maxsize=256)
def _kind_key(kind: str) -> str:
    """A document kind's key ("Kế hoạch" -> "ke hoach"): a few kinds, met once per document."""
    return ref_key(kind)


@dataclass(frozen=True)
class DocRow:
    """The header fields a label is made of (the catalog has them without reading any body)."""

    doc_id: str
    doc_type: str | None
    number: str | None
    place: str | None
    issuer: str | None
    year: int | None
    date: str | None


def _has_number(number: str | None) -> bool:
    return bool(number and number.split("/")[0].strip())


def _base(row: DocRow) -> str:
    if _has_number(row.number):
        return str(row.number).strip()
    symbol = (row.number or "").strip().lstrip("/").strip()  # "Số: /KH-CDLC": left blank for the clerk
    head = symbol or row.doc_type or "Văn bản"
    where = row.place or row.issuer or ""
    return " ".join(p for p in (head, where, str(row.year) if row.year else "") if p)


def _extended(row: DocRow, label: str, step: int) -> str:
    """The label with one more distinguishing field: place (or issuer), then date, then id."""
    if step == 0:
        where = row.place or row.issuer
        return f"{label} {where}" if where and where not in label else label
    if step == 1:
        return f"{label} {show_date(row.date)}" if row.date else label
    return f"{label} ({row.doc_id})"


def _number_keys(kind: str | None, number: str) -> set[str]:
    """Keys of a number: itself, with its kind, and the kind's code with the first figure ("tt 124")."""
    full = ref_key(number)
    keys = {full}
    words = full.split()
    first = words[0] if words and words[0].isdigit() else None
    if first is None:
        return keys
    keys.add(first)
    code = next((w for w in words[1:] if w.isalpha()), None)
    if code:
        keys.add(f"{code} {first}")
    if kind:
        kind_key = _kind_key(kind)
        keys.update({f"{kind_key} {first}", f"{kind_key} {full}"})
    return keys


class Labels:
    """Every document's label, and the keys by which a typed reference finds one."""

    def __init__(self, rows: Iterable[DocRow]) -> None:
        self.rows = {r.doc_id: r for r in rows}
        labels = {d: _base(r) for d, r in self.rows.items()}
        label_keys = {d: ref_key(label) for d, label in labels.items()}
        for step in range(3):
            groups: dict[str, list[str]] = defaultdict(list)
            for d, key in label_keys.items():
                groups[key].append(d)
            for ids in groups.values():
                if len(ids) > 1:
                    for d in ids:
                        labels[d] = _extended(self.rows[d], labels[d], step)
                        label_keys[d] = ref_key(labels[d])
        self._labels = labels
        keys: dict[str, set[str]] = defaultdict(set)
        for d, row in self.rows.items():
            for k in self._keys(row, label_keys[d]):
                keys[k].add(d)
        self._keys_to_ids = keys

    @staticmethod
    def _keys(row: DocRow, label_key: str) -> set[str]:
        keys = {ref_key(row.doc_id), label_key}
        number = (row.number or "").strip()
        if _has_number(number):
            keys |= _number_keys(row.doc_type, number)
        elif number.strip("/ "):
            keys.add(ref_key(number))  # the symbol of a blank number: "KH-CDLC"
        return {k for k in keys if k}

    def of(self, doc_id: str) -> str:
        """The document's label (its id for a document the labels were not built with)."""
        return self._labels.get(doc_id, doc_id)

    def all(self) -> dict[str, str]:
        return dict(self._labels)

    def candidates(self, ref: str) -> list[str]:
        """Documents a reference could mean, in id order (the id itself always wins)."""
        ref = ref.strip()
        if ref in self.rows:
            return [ref]
        return sorted(self._keys_to_ids.get(ref_key(ref), ()))

    def resolve(self, ref: str) -> str:
        """The one document a reference names; ``DocumentNotFound`` or ``AmbiguousDocument`` otherwise."""
        found = self.candidates(ref)
        if not found:
            raise DocumentNotFound(ref)
        if len(found) > 1:
            raise AmbiguousDocument(ref, [self.of(d) for d in found])
        return found[0]

    def resolve_all(self, refs: Sequence[str]) -> list[str]:
        """Each reference's document, in order; ``DocumentsNotFound`` naming every one that finds none."""
        out, missing = [], []
        for ref in refs:
            found = self.candidates(ref)
            if len(found) == 1:
                out.append(found[0])
            elif found:
                raise AmbiguousDocument(ref, [self.of(d) for d in found])
            else:
                missing.append(ref)
        if missing:
            raise DocumentsNotFound(missing)
        return list(dict.fromkeys(out))


def legal_keys(entry: LegalBasis) -> set[str]:
    """Keys a registry entry is found by: its id and printed variants, with kind and code ("chi thi 9", "ct 9")."""
    keys = {ref_key(entry.id)}
    for number in (entry.id, *entry.variants):
        if re.match(r"\s*\d", number):
            keys |= _number_keys(entry.type, number)
        else:
            keys.add(ref_key(number))
    return {k for k in keys if k}


def find_legal_bases(entries: Sequence[LegalBasis], topic: str, *, loose: bool = True) -> list[LegalBasis]:
    """Registry entries a reference names exactly ("thông tư 124", "chi thi 09", "124/2021/TT-BCA"), else (when
    ``loose``) those whose id, kind, issuer or title contain it (folded), in registry order; [] when none does."""
    key = ref_key(topic)
    if not key:
        return list(entries)
    exact = [e for e in entries if key in legal_keys(e)]
    if exact or not loose:
        return exact
    needle = fold_key(topic)
    return [
        e for e in entries if needle in fold_key(" ".join([e.id, *e.variants, e.type, e.issuer or "", e.title or ""]))
    ]
