"""Scoring one answer against one gold item, and summing scores up. Pure functions only.

Matching rules: a citation matches when it names the gold document and the gold
section or a sub-section of it ("III.2" matches "III.2.a", not "III"; "*" is any
section of the document). Text comparisons ignore case, diacritics and spacing
around "-" and "/"; legal ids compare after removing separators.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field

from core.legal_ids import id_key
from core.text import fold
from core.types import Answer
from evals.gold import GoldItem


def norm_text(text: str) -> str:
    """Case-, diacritic- and separator-spacing-insensitive form."""
    t = fold(text).lower()
    t = re.sub(r"\s*([-/])\s*", r"\1", t)
    return re.sub(r"\s+", " ", t).strip()


def section_matches(gold_doc: str, gold_section: str, doc_id: str, section: str) -> bool:
    if gold_doc != doc_id:
        return False
    return gold_section == "*" or section == gold_section or section.startswith(gold_section + ".")


def citation_ok(item: GoldItem, doc_id: str, section: str) -> bool:
    return any(section_matches(c.doc_id, c.section, doc_id, section) for c in item.citations)


def legal_key(legal_id: str) -> str:
    legal_id = legal_id.split(" (")[0]  # "46-CT/TW (2015)": the number a gold line names
    return id_key(legal_id) if re.search(r"\d+\s*[/-]", legal_id) else norm_text(legal_id).replace(" ", "")


def legal_aliases(legal_id: str, title: str | None = None, kind: str | None = None) -> set[str]:
    """Keys a registry entry answers to: its id, and for a statute its name with and without its year.

    A law cited as "Luật Giáo dục ngày 14 tháng 6 năm 2019" in one text and "Luật Giáo dục số 43/2019/QH14" in
    another is one entry with the number as its id; a gold line may name it either way.
    """
    keys = {legal_key(legal_id)}
    if title and kind in ("Luật", "Bộ luật"):
        year = re.search(r"/(\d{4})/", legal_id) or re.search(r"(\d{4})$", legal_id)
        keys.add(legal_key(title))
        if year:
            keys.add(legal_key(f"{title} {year.group(1)}"))
    return keys


@dataclass
class QuestionScore:
    id: str
    kind: str
    split: str
    tags: list[str]
    question: str
    refused: bool
    gold_cited: bool = False  # the gold item names sections, so ranks count
    rank: int | None = None  # position of the first correct citation (1-based)
    n_citations: int = 0
    n_correct_citations: int = 0
    must_found: int = 0
    must_total: int = 0
    legal_tp: int = 0
    legal_got: int = 0
    legal_gold: int = 0
    took_ms: float = 0.0
    failed: list[str] = field(default_factory=list)
    answer: str = ""
    citations: list[dict[str, object]] = field(default_factory=list)
    legal_bases: list[str] = field(default_factory=list)
    skipped: str | None = None

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def score(item: GoldItem, answer: Answer) -> QuestionScore:
    """Score one answer; ``failed`` lists the checks a person should look at."""
    s = QuestionScore(
        id=item.id,
        kind=item.kind,
        split=item.split,
        tags=list(item.tags),
        question=item.question,
        refused=not answer.found,
        took_ms=answer.took_ms,
        answer=answer.answer,
        citations=[
            {"n": c.n, "doc_id": c.doc_id, "section": c.section, "heading": c.heading} for c in answer.citations
        ],
        legal_bases=[b.id for b in answer.legal_bases],
    )
    if not item.in_scope:
        if answer.found:
            s.failed.append("answered an out-of-scope question")
        return s
    if s.refused:
        s.failed.append("refused an in-scope question")
    s.gold_cited = bool(item.citations)
    if item.citations:
        s.n_citations = len(answer.citations)
        for i, c in enumerate(answer.citations, 1):
            if citation_ok(item, c.doc_id, c.section):
                s.n_correct_citations += 1
                if s.rank is None:
                    s.rank = i
        if s.rank != 1 and not s.refused:
            s.failed.append("first citation wrong")
    text = norm_text(answer.answer) if answer.found else ""
    s.must_total = len(item.must_include)
    for phrase in item.must_include:
        if any(norm_text(alt) in text for alt in phrase.split("|") if alt.strip()):
            s.must_found += 1
        elif not s.refused:
            s.failed.append(f"missing: {phrase}")
    if item.legal_bases is not None:
        gold = {legal_key(x) for x in item.legal_bases}
        entries = [legal_aliases(b.id, b.title, b.type) for b in answer.legal_bases]
        known = set().union(*entries) if entries else set()
        s.legal_tp, s.legal_got, s.legal_gold = len(gold & known), len(entries), len(gold)
        if gold - known:
            s.failed.append(
                "legal bases missing: " + ", ".join(sorted(x for x in item.legal_bases if legal_key(x) not in known))
            )
        extra = [b.id for b, keys in zip(answer.legal_bases, entries) if not keys & gold]
        if extra:
            s.failed.append("extra legal bases: " + ", ".join(sorted(extra)))
    s.failed = [f for f in s.failed if f]
    return s


def _ratio(num: float, den: float) -> float | None:
    return round(num / den, 4) if den else None


def _pct(values: Sequence[float], q: float) -> float | None:
    if not values:
        return None
    if len(values) == 1:
        return round(values[0], 2)
    return round(statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1], 2)


def summarize(scores: Iterable[QuestionScore]) -> dict[str, float | int | None]:
    """Headline metrics over a set of scored questions (skipped ones excluded)."""
    rows = [s for s in scores if s.skipped is None]
    inscope = [s for s in rows if s.kind != "out_of_scope"]
    oos = [s for s in rows if s.kind == "out_of_scope"]
    ranked = [s for s in inscope if s.gold_cited]
    with_cites = [s for s in inscope if s.n_citations]
    legal = [s for s in rows if s.legal_gold]
    lat = sorted(s.took_ms for s in rows)
    return {
        "questions": len(rows),
        "in_scope": len(inscope),
        "out_of_scope": len(oos),
        "hit@1": _ratio(sum(1 for s in ranked if s.rank == 1), len(ranked)),
        "hit@3": _ratio(sum(1 for s in ranked if s.rank is not None and s.rank <= 3), len(ranked)),
        "mrr": _ratio(sum(1 / s.rank for s in ranked if s.rank), len(ranked)),
        "citation_precision": _ratio(
            sum(s.n_correct_citations for s in with_cites), sum(s.n_citations for s in with_cites)
        ),
        "must_include": _ratio(sum(s.must_found for s in inscope), sum(s.must_total for s in inscope)),
        "abstention_accuracy": _ratio(sum(1 for s in oos if s.refused), len(oos)),
        "false_abstain_rate": _ratio(sum(1 for s in inscope if s.refused), len(inscope)),
        "legal_precision": _ratio(sum(s.legal_tp for s in legal), sum(s.legal_got for s in legal)),
        "legal_recall": _ratio(sum(s.legal_tp for s in legal), sum(s.legal_gold for s in legal)),
        "latency_p50_ms": _pct(lat, 50),
        "latency_p95_ms": _pct(lat, 95),
    }


def twin_gap(scores: Sequence[QuestionScore], gold: Sequence[GoldItem]) -> dict[str, float | int | None]:
    """hit@1 of unaccented twins against their accented originals."""
    by_id = {s.id: s for s in scores if s.skipped is None}
    pairs = [(by_id.get(g.twin_of), by_id.get(g.id)) for g in gold if g.twin_of]
    pairs = [(a, b) for a, b in pairs if a is not None and b is not None]
    if not pairs:
        return {"pairs": 0, "accented_hit@1": None, "unaccented_hit@1": None, "gap_points": None}
    acc = sum(1 for a, _ in pairs if a.rank == 1) / len(pairs)
    una = sum(1 for _, b in pairs if b.rank == 1) / len(pairs)
    return {
        "pairs": len(pairs),
        "accented_hit@1": round(acc, 4),
        "unaccented_hit@1": round(una, 4),
        "gap_points": round((acc - una) * 100, 2),
    }
