"""Sweeps: every development document asked the same everyday questions by its kind and number, each answer
checked against what the document's own structure says must be cited first. No gold file: the expected section
comes from parsing (the preamble for its grounds, the clause saying "có hiệu lực" for when it takes effect, the
section headed by a part's name, a unit's own section), so a sweep covers every document and wording at once,
where a gold set holds a few questions. They found what thousands of gold questions did not (README, sessions 31
and 32); they are measures for development, not tests.

    python -m evals.sweep --data /tmp/store            # every sweep, counts
    python -m evals.sweep --sweep followups -v         # one sweep, with each answer that missed

The store (``--data``, default CANCU_DATA_DIR's) is built from the wide documents when it holds none; the
default configuration, lexical. Only documents of the development split are asked.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from core.text import fold
from evals.gold import doc_split
from retrieval.answers.bases import has_grounds

WIDE = Path(__file__).resolve().parents[1].parent / "shared" / "wide" / "docs"
#: How people type a document's kind, long and short (the kinds the wide documents have).
KINDS = {
    "Kế hoạch": ("kế hoạch", "kh"),
    "Quyết định": ("quyết định", "qđ"),
    "Nghị quyết": ("nghị quyết", "nq"),
    "Thông tư": ("thông tư", "tt"),
    "Luật": ("luật", "luật"),
    "Chỉ thị": ("chỉ thị", "ct"),
    "Công văn": ("công văn", "cv"),
}
GENERIC_SHARED = 3  # a heading shared by this many documents names a common part ("Mục đích", "Phạm vi điều chỉnh")


@dataclass
class Named:
    doc_id: str
    kind: str  # as typed in full ("kế hoạch")
    short: str  # as chat shortens it ("kh")
    number: str  # the number's first part ("308")


@dataclass
class Case:
    """One question (or a conversation's turns), and the sections of one document that may answer it first."""

    doc_id: str
    turns: list[str]
    want: set[str]  # section ids; a sub-section of one counts


def documents(engine: object) -> Iterator[tuple[Named, object]]:
    index = engine.answerer.index  # type: ignore[attr-defined]
    for doc_id, head in sorted(index.heads().items()):
        if not (WIDE / f"{doc_id}.txt").exists() or doc_split(doc_id) != "dev":
            continue
        kind = next((v for k, v in KINDS.items() if (head.doc_type or "").startswith(k)), None)
        number = (head.number or "").split("/")[0]
        if kind and number:
            yield Named(doc_id, kind[0], kind[1], number), index.get(doc_id)


def grounds(engine: object) -> Iterator[Case]:
    for n, doc in documents(engine):
        if doc.section("preamble") is None or not has_grounds(doc):
            continue  # no grounds: the answer says so and lists what its body names (tests/test_wide_answers.py)
        for q in (
            f"{n.kind} {n.number} căn cứ những văn bản nào?",
            fold(f"{n.kind} {n.number} can cu nhung van ban nao").lower(),
            f"căn cứ pháp lý của {n.kind} {n.number} là gì?",
            f"{n.kind} số {n.number} được ban hành dựa trên những căn cứ nào?",
            f"cho mình hỏi {n.short} {n.number} căn cứ vào đâu vậy",
        ):
            yield Case(n.doc_id, [q], {"preamble"})


def effective(engine: object) -> Iterator[Case]:
    for n, doc in documents(engine):
        where = {s.id for s in doc.sections if re.search(r"có hiệu lực", doc.section_text(s.id, own=True))}
        if not where:
            continue
        for q in (
            f"{n.kind.capitalize()} {n.number} có hiệu lực từ ngày nào?",
            f"{n.kind} số {n.number} có hiệu lực khi nào",
            fold(f"{n.short} {n.number} co hieu luc tu khi nao vay ad").lower(),
            f"Khi nào {n.kind} {n.number} bắt đầu có hiệu lực thi hành?",
        ):
            yield Case(n.doc_id, [q], where)


def _words(heading: str) -> str:
    return " ".join(re.sub(r"[^\w ]", " ", heading).lower().split())


def parts(engine: object) -> Iterator[Case]:
    """A part every few documents have (a heading at least ``GENERIC_SHARED`` of them share), asked by name."""
    docs = list(documents(engine))
    shared = Counter(h for _, doc in docs for h in {_words(s.heading) for s in doc.sections if s.heading})
    common = {h for h, c in shared.items() if c >= GENERIC_SHARED and len(h.split()) <= 6 and not re.search(r"\d", h)}
    for n, doc in docs:
        ids: dict[str, list[str]] = {}
        for s in doc.sections:
            if s.heading and _words(s.heading) in common:
                ids.setdefault(_words(s.heading), []).append(s.id)
        for h, where in ids.items():
            if len(where) == 1:
                for q in (
                    f"{h.capitalize()} của {n.kind} {n.number} là gì?",
                    f"{n.kind} số {n.number} quy định {h} như thế nào",
                    fold(f"{n.short} {n.number} {h} la gi vay ad").lower(),
                ):
                    yield Case(n.doc_id, [q], set(where))


def _units(doc: object) -> list[tuple[str, str]]:
    """A document's units with a section of their own: (name as headed, section)."""
    from retrieval.units_catalog import units_of

    out: list[tuple[str, str]] = []
    for e in units_of(doc):  # type: ignore[arg-type]
        name = re.split(r"\s*[:(]", re.sub(r"^(?:[0-9IVX]+[.)]|[a-zđ]\))\s*", "", e.name).strip(" .:;"))[0].strip()
        fits = e.whole_section and not e.led and len(name.split()) <= 9 and name[:1].isupper()
        if fits and name.lower() not in {n.lower() for n, _ in out}:
            out.append((name, e.section))
    return out


def duties(engine: object) -> Iterator[Case]:
    for n, doc in documents(engine):
        for name, section in _units(doc):
            for q in (
                f"{n.kind.capitalize()} {n.number} giao {name} những nhiệm vụ gì?",
                fold(f"{n.short} {n.number} thi {name} lam gi a").lower(),
            ):
                yield Case(n.doc_id, [q], {section})


def followups(engine: object) -> Iterator[Case]:
    """A unit's tasks, then another unit of the same document as a follow-up."""
    for n, doc in documents(engine):
        units = _units(doc)
        for (a, _), (b, section) in itertools.pairwise(units):
            first = f"{n.kind.capitalize()} {n.number} giao {a} những nhiệm vụ gì?"
            for then in (f"còn {b} thì sao?", fold(f"con {b} thi sao").lower(), f"vậy {b} phải làm gì"):
                yield Case(n.doc_id, [first, then], {section})


def switch(engine: object) -> Iterator[Case]:
    """Grounds (or entry into force) of one document, then "còn <kind> <number> thì sao?" of the next."""
    docs = list(documents(engine))
    for (a, _), (b, doc) in itertools.pairwise(docs):
        if doc.section("preamble") is not None:
            yield Case(
                b.doc_id,
                [f"{a.kind} {a.number} căn cứ những văn bản nào?", f"còn {b.kind} {b.number} thì sao?"],
                {"preamble"},
            )
        where = {s.id for s in doc.sections if re.search(r"có hiệu lực", doc.section_text(s.id, own=True))}
        if where:
            yield Case(
                b.doc_id, [f"{a.kind} {a.number} có hiệu lực từ ngày nào", f"thế còn {b.kind} {b.number}?"], where
            )


SWEEPS: dict[str, Callable[[object], Iterator[Case]]] = {
    "grounds": grounds,
    "effective": effective,
    "parts": parts,
    "duties": duties,
    "followups": followups,
    "switch": switch,
}


def run(engine: object, name: str, *, verbose: bool = False, out: Callable[[str], None] = print) -> tuple[int, int]:
    """Ask one sweep's cases; the number whose first citation is an expected section (or a part of one), and all."""
    ok = total = 0
    for i, case in enumerate(SWEEPS[name](engine)):
        answer = None
        for turn in case.turns:
            answer = engine.ask(turn, conversation=f"sweep-{name}-{i}")  # type: ignore[attr-defined]
        first = (answer.citations[0].doc_id, answer.citations[0].section) if answer and answer.citations else None
        hit = (
            first is not None
            and first[0] == case.doc_id
            and any(first[1] == w or first[1].startswith(w + ".") for w in case.want)
        )
        ok += hit
        total += 1
        if verbose and not hit:
            out(f"  MISS {case.doc_id} {sorted(case.want)[:3]} | {' → '.join(case.turns)} | got {first}")
    return ok, total


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m evals.sweep", description=__doc__.split("\n\n")[0])
    p.add_argument(
        "--data",
        type=Path,
        help="the store to ask (default: CANCU_DATA_DIR's); the wide documents are ingested when it is empty",
    )
    p.add_argument("--sweep", choices=sorted(SWEEPS), action="append", help="one sweep (default: all)")
    p.add_argument("-v", "--verbose", action="store_true", help="print each answer that missed")
    args = p.parse_args(argv)
    from core.config import get_settings
    from retrieval.engine import build_engine

    if not WIDE.is_dir():
        print(f"{WIDE} is not beside this checkout (../shared/wide)", file=sys.stderr)
        return 2
    cfg = get_settings()
    cfg = cfg.model_copy(update={"data_dir": args.data or cfg.data_dir, "qdrant_url": None, "telegram_token": None})
    engine = build_engine(cfg.model_copy(update={"search_mode": "lexical"}), embedder=None)
    try:
        if not len(engine.answerer.index):
            engine.ingest([WIDE])
        for name in args.sweep or list(SWEEPS):
            ok, total = run(engine, name, verbose=args.verbose)
            print(f"{name}: {ok}/{total} cite the expected section first")
    finally:
        engine.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
