"""The evaluation suite: which gold sets ``cancu eval`` runs, over which documents, and what it skips and why.

Four sets, each with its fixed split rule (evals/gold.py), all answered from one store per configuration that
holds every document at once, as a deployment would:

* ``original``: evals/gold.jsonl, the five plans (and the directives), split by question id;
* ``wide``: evals/gold_wide.jsonl, the 49 wide documents, split by document; its test split is the
  leave-documents-out figure (documents never tuned on);
* ``realqa``: ../shared/wide/realqa_dev.jsonl, real questions people asked, split by document, reported apart;
* ``probe``: evals/gold_probe.jsonl, fresh questions written on development documents only, after they had been
  tuned on (fifty-two rounds by helpers who had not seen the others or any gold file, those of rounds 6 to 52 not the system's
  answers either; the fourth, of 2026-12-03, asked more of when, how much and of users telling their own situation
  first, the fifth more of typos, abbreviations, staff and drafters, the sixth of situations and deep details of
  the legal texts, the seventh of named units' duties and drafters consulting one plan, the eighth a balanced mix,
  never tuned on, the ninth one item among similar siblings, the tenth and eleventh a balanced mix, the twelfth one item
  among siblings, documents named as chat shortens them and answerable-sounding out-of-scope questions, the thirteenth
  the same mix dealt otherwise, the fourteenth to fifty-second that mix with cases told as on a legal Q&A site,
  each read once fresh before it joined): all dev, a check that what was learnt on the wide set's questions holds on other questions
  about the same documents. The next round (evals/gold_probe_fresh.jsonl) is kept out of every set until it has
  been read once, fresh; the one after it (evals/gold_probe_next.jsonl) is kept unread until it becomes the next.

Usage::

    plan = plan_suite(choose_sets("original,wide"), settings.eval_docs, split="all")
    results = run_suite(plan.gold, settings, configs=["default", "bm25"], docs=plan.docs)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from core.errors import CancuError
from evals.gold import SPLIT_RULE_TEXT, GoldItem, load_gold
from ingest.pipeline import collect_paths

_HERE = Path(__file__).resolve().parent
SHARED_WIDE = _HERE.parent.parent / "shared" / "wide"


@dataclass(frozen=True)
class GoldSet:
    """A gold file, its split rule and one line saying what it is."""

    name: str
    path: Path
    split_by: str
    about: str

    @property
    def split_rule(self) -> str:
        return SPLIT_RULE_TEXT[self.split_by]


SETS: dict[str, GoldSet] = {
    s.name: s
    for s in (
        GoldSet("original", _HERE / "gold.jsonl", "id", "questions written by reading the five plans"),
        GoldSet("wide", _HERE / "gold_wide.jsonl", "document", "questions written by reading the 49 wide documents"),
        GoldSet("realqa", SHARED_WIDE / "realqa_dev.jsonl", "document", "real questions people asked about five laws"),
        GoldSet(
            "probe",
            _HERE / "gold_probe.jsonl",
            "development",
            "fresh questions on development documents, written after they were tuned on",
        ),
    )
}
#: The set whose test split is reported as the leave-documents-out figure, and how it is labelled.
HELD_OUT_SET = "wide"
HELD_OUT_LABEL = "wide-test (documents never tuned on)"


def choose_sets(names: str, registry: Mapping[str, GoldSet] | None = None) -> list[GoldSet]:
    """The sets named in "original,wide,realqa" (in that order of mention), or an error naming the known ones."""
    registry = SETS if registry is None else registry
    chosen: list[GoldSet] = []
    for name in (n.strip() for n in names.split(",") if n.strip()):
        if name not in registry:
            raise CancuError(f"unknown gold set {name!r}; use one of {', '.join(registry)}")
        if registry[name] not in chosen:
            chosen.append(registry[name])
    if not chosen:
        raise CancuError(f"no gold set named; use one of {', '.join(registry)}")
    return chosen


def set_for_file(path: Path, split_by: str | None = None) -> GoldSet:
    """A gold file given by path: a known set keeps its name and split rule; any other is split by id."""
    known = next((s for s in SETS.values() if s.path == path.resolve()), None)
    name = known.name if known else path.stem
    rule = split_by or (known.split_by if known else "id")
    return GoldSet(name, path, rule, known.about if known else f"questions from {path}")


@dataclass
class SuitePlan:
    """What a run will do: the loaded sets, the documents of its store, and what was left out and why."""

    sets: list[GoldSet]
    gold: dict[str, list[GoldItem]]
    docs: list[Path]
    missing_docs: list[Path] = field(default_factory=list)
    skipped_sets: dict[str, str] = field(default_factory=dict)
    split: str = "all"

    @property
    def shows_test(self) -> bool:
        """Whether this run's figures include a test split (each such run counts as a reading of it)."""
        return self.split != "dev"

    def notes(self) -> list[str]:
        """One line per document path or set left out, with the reason."""
        lines = [f"documents: {p} not found, skipped" for p in self.missing_docs]
        lines += [f"set {name}: skipped, {why}" for name, why in self.skipped_sets.items()]
        return lines


def plan_suite(sets: Sequence[GoldSet], docs: Iterable[Path], *, split: str = "all") -> SuitePlan:
    """Load the sets (``split`` "dev" or "test" keeps that split only) and check the documents they need.

    A missing document path is left out and said so; a set is skipped, with the reason, when its file is missing
    or when none of the documents its questions cite is in the store.
    """
    docs = list(docs)
    present = [p for p in docs if p.exists()]
    files, _ = collect_paths(present)
    available = {f.stem for f in files}  # a document's id is its file stem
    plan = SuitePlan(list(sets), {}, present, [p for p in docs if not p.exists()], split=split)
    for s in sets:
        if not s.path.exists():
            where = "" if s.path.parent.exists() else f" ({s.path.parent} is absent)"
            plan.skipped_sets[s.name] = f"{s.path} not found{where}"
            continue
        items = load_gold(s.path, split_by=s.split_by)
        cited = {d for g in items for d in g.doc_ids}
        if cited and not cited & available:
            plan.skipped_sets[s.name] = "none of the documents it cites is in the store"
            continue
        plan.gold[s.name] = [g for g in items if split == "all" or g.split == split]
    if not plan.gold:
        raise CancuError("no gold set to run: " + "; ".join(f"{n}: {why}" for n, why in plan.skipped_sets.items()))
    return plan
