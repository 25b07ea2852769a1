"""How a question names a document: alias phrases of a plan (place, school, number code) and the words before them.

"Văn phòng trường CĐ Lào Cai có trách nhiệm gì?" names kh-cdlc-laocai-2026 by "lao cai" and, with it, the
words that introduce the name ("trường CĐ"). Phrases are looked up, not scanned: every run of the
question's words is a candidate, and the catalog answers which of them name exactly one plan.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from core.text import fold, fold_key
from core.types import Document

# Generic openings of issuer names: what follows them names the place or school.
_GENERIC_ISSUER = re.compile(
    r"^(?:truong cao dang cong dong|truong cao dang|truong dai hoc|truong trung cap|truong|"
    r"phong giao duc va dao tao|phong giao duc|so giao duc va dao tao|uy ban nhan dan|ubnd|"
    r"bo|so|phong|cong an|ban)\s*(?:(?:dac khu|huyen|tinh|thanh pho|quan|thi xa|xa|phuong)\s+)?"
)
MAX_PHRASE = 24  # words in the longest alias phrase looked up


def names_in(
    text: str,
    aliases_among: Callable[[Iterable[str]], dict[str, str]],
    get: Callable[[str], Document | None],
) -> tuple[list[str], str]:
    """Documents a question names, and the question without the words that name them.

    ``aliases_among`` tells which of some phrases name exactly one plan (and which); ``get`` reads a document.
    """
    tokens = list(re.finditer(r"[^\W_]+", text))
    words = [fold(t.group(0)).lower() for t in tokens]
    spans = {
        (i, n): " ".join(words[i : i + n])
        for n in range(1, min(MAX_PHRASE, len(words)) + 1)
        for i in range(len(words) - n + 1)
    }
    named = aliases_among(spans.values())
    found: set[str] = set()
    cut: set[int] = set()
    for (i, n), phrase in spans.items():
        doc_id = named.get(phrase)
        if doc_id is None:
            continue
        body = _named_body(words, i)
        if body and not _is_body(get(doc_id), body):
            continue  # "Sở GDĐT Sóc Trăng", "UBND tỉnh Lào Cai": another body of that place
        found.add(doc_id)
        cut.update(range(_naming_start(words, i), i + n))
    if not cut:
        return sorted(found), text
    out, pos = [], 0
    for i in sorted(cut):
        out.append(text[pos : tokens[i].start()])
        pos = tokens[i].end()
    out.append(text[pos:])
    return sorted(found), re.sub(r"\s+", " ", "".join(out)).strip()


# What introduces a document's name in a question: "trường CĐ …", "Phòng GDĐT …", "UBND đặc khu …".
# Descriptors sit between the head noun and the name; the head noun ends the phrase, then one linking word
# ("của", "ở") may go with it: "Văn phòng của trường CĐ Lào Cai" keeps "Văn phòng".
_NAMING_PHRASES = sorted(
    (p.split() for p in (
        "phong giao duc va dao tao", "phong giao duc", "so giao duc va dao tao", "uy ban nhan dan", "truong cao dang cong dong",
        "truong cao dang", "ke hoach",
    )),
    key=len,
    reverse=True,
)  # fmt: skip
_DESCRIPTORS = sorted(
    (
        p.split()
        for p in (
            "cao dang cong dong",
            "cao dang",
            "dac khu",
            "thanh pho",
            "cd",
            "cdcd",
            "gd",
            "gd dt",
            "gddt",
            "pgddt",
            "huyen",
            "tinh",
            "tp",
        )
    ),
    key=len,
    reverse=True,
)
_HEADS = frozenset("truong phong ubnd pgd so kh".split())
_LINKS = frozenset("cua o tai".split())


# Bodies whose name, followed by a place, names that place's body and not a school or office there: "Sở GDĐT
# Sóc Trăng", "Công an tỉnh Sóc Trăng", "UBND tỉnh Lào Cai" (folded as issuers spell them). "trường …",
# "Phòng GDĐT …" are left to the aliases: "các trường Mỹ Tú" are the schools the Mỹ Tú plan covers.
_BODY_HEADS = {
    ("so",): "so", ("cong", "an"): "cong an", ("tinh", "uy"): "tinh uy", ("ubnd",): "uy ban nhan dan",
    ("uy", "ban", "nhan", "dan"): "uy ban nhan dan",
}  # fmt: skip


_BODY_DESCRIPTORS = [*_DESCRIPTORS, ["giao", "duc", "va", "dao", "tao"], ["giao", "duc"]]


def _skip_back(words: list[str], j: int, phrases: list[list[str]]) -> int:
    """Index before the run of ``phrases`` that ends at ``j`` ("… trường cao đẳng | Lào Cai")."""
    while True:
        for phrase in phrases:
            if j >= len(phrase) and words[j - len(phrase) : j] == phrase:
                j -= len(phrase)
                break
        else:
            return j


def _named_body(words: list[str], i: int) -> str | None:
    """The body head ("so", "uy ban nhan dan", …) right in front of the alias at ``i``, descriptors skipped."""
    j = _skip_back(words, i, _BODY_DESCRIPTORS)
    for head, body in _BODY_HEADS.items():
        if j >= len(head) and tuple(words[j - len(head) : j]) == head:
            return None if head == ("so",) and j >= 2 and words[j - 2] == "co" else body  # "cơ sở giáo dục …"
    return None


def _is_body(doc: Document | None, body: str) -> bool:
    """Whether the document's issuer (or the body it answers to) is that kind of body."""
    if doc is None:
        return False
    names = [fold(n).lower() for n in (doc.issuer, doc.managing_body) if n]
    return any(re.sub(r"^ubnd\b", "uy ban nhan dan", n).startswith(body) for n in names)


def _naming_start(words: list[str], i: int) -> int:
    """Index where the naming phrase in front of the alias at ``i`` begins."""
    j = _skip_back(words, i, _DESCRIPTORS)
    for phrase in _NAMING_PHRASES:
        if j >= len(phrase) and words[j - len(phrase) : j] == phrase:
            j -= len(phrase)
            break
    else:
        if j > 0 and words[j - 1] in _HEADS:
            j -= 1
    if j > 0 and words[j - 1] in _LINKS:
        j -= 1
    return j


def alias_phrases(doc: Document) -> set[str]:
    phrases: set[str] = set()

    def clean(s: str) -> str:
        return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9 ]", " ", fold_key(s))).strip()

    if doc.place:
        phrases.add(clean(doc.place))
    for name in (doc.issuer, doc.managing_body):
        if name:
            rest = _GENERIC_ISSUER.sub("", clean(name)).strip()
            if rest and len(rest.split()) >= 2:
                phrases.add(rest)
    if doc.number:
        code = doc.number.split("/", 1)[-1]
        for part in re.split(r"[-/]", code):
            part = clean(part)
            if len(part) >= 4 and part not in ("ubnd", "pgddt", "sgddt"):
                phrases.add(part)
        if doc.number.split("/")[0].strip():
            phrases.add(clean(doc.number.replace("/", " ").replace("-", " ")))
    return {p for p in phrases if p}
