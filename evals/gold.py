"""The gold set: loading, validation with line-numbered errors, and the fixed dev/test split.

Format (one JSON object per line, as ../shared/gold/examples.jsonl)::

    {"id", "kind", "question", "citations": [{"doc_id", "section"}], "must_include": [...],
     "legal_bases"?: [...], "needs"?: "directives", "tags"?: [...], "twin_of"?: "<id>"}

Split rules (fixed, documented, never tuned):

* ``id`` (the original gold set over the five plans): a question is in ``test`` when crc32 of its group id
  (``twin_of`` if set, else ``id``) modulo 10 is below 4; otherwise ``dev``. Twins therefore share a split.
* ``document`` (gold sets over the wide documents): a *document* is in ``test`` when crc32 of its id modulo 10
  is below 3; a question is in ``test`` when any document it cites is, and a question that cites none (out of
  scope) follows the ``id`` rule on its group id. Every question about a test document is thus unseen while the
  answer layer is tuned on the others.
* ``development`` (questions written on development documents only): every question is ``dev``; a line citing a
  test document (by the ``document`` rule) is an error, so no such question can leak into tuning.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from core.errors import CancuError

KINDS = ("duty", "fact", "deadline", "legal_basis", "directive", "cross", "out_of_scope")


class GoldError(CancuError):
    """A gold file that cannot be used, with the line at fault."""


@dataclass(frozen=True)
class GoldCitation:
    doc_id: str
    section: str


@dataclass(frozen=True)
class GoldItem:
    id: str
    kind: str
    question: str
    citations: tuple[GoldCitation, ...] = ()
    must_include: tuple[str, ...] = ()
    legal_bases: tuple[str, ...] | None = None
    needs: str | None = None
    tags: tuple[str, ...] = ()
    twin_of: str | None = None
    extra: dict[str, object] = field(default_factory=dict, compare=False)
    split_by: str = "id"  # "id", "document" or "development" (see the module docstring)

    @property
    def in_scope(self) -> bool:
        return self.kind != "out_of_scope"

    @property
    def split(self) -> str:
        if self.split_by == "development":
            return "dev"
        if self.split_by == "document" and self.citations:
            return "test" if any(doc_split(c.doc_id) == "test" for c in self.citations) else "dev"
        return split_of(self.twin_of or self.id)

    @property
    def doc_ids(self) -> set[str]:
        return {c.doc_id for c in self.citations}


SPLIT_RULES = ("id", "document", "development")
#: Each split rule in one line, for reports.
SPLIT_RULE_TEXT = {
    "id": "a question is test when crc32(twin_of or id) % 10 < 4, else dev",
    "document": "a document is test when crc32(doc_id) % 10 < 3; a question is test when any document it cites "
    "is (one citing none: crc32(twin_of or id) % 10 < 4), else dev",
    "development": "every question is dev: each cites development documents only (by the document rule), or asks "
    "what none of them says",
}


def split_of(group: str) -> str:
    """The fixed split rule by question: crc32(group) % 10 < 4 -> test."""
    return "test" if zlib.crc32(group.encode("utf-8")) % 10 < 4 else "dev"


def doc_split(doc_id: str) -> str:
    """The fixed split rule by document: crc32(doc_id) % 10 < 3 -> test."""
    return "test" if zlib.crc32(doc_id.encode("utf-8")) % 10 < 3 else "dev"


def load_gold(path: Path, *, split_by: str = "id") -> list[GoldItem]:
    """Read and validate a gold file; errors name the file and line. ``split_by``: one of ``SPLIT_RULES``."""
    if split_by not in SPLIT_RULES:
        raise GoldError(f"unknown split rule {split_by!r}; use one of {', '.join(SPLIT_RULES)}")
    if not path.exists():
        raise GoldError(f"gold file not found: {path}")
    items: list[GoldItem] = []
    seen: set[str] = set()
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip():
            continue
        where = f"{path}:{n}"
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{where}: not JSON: {exc.msg}") from exc
        if not isinstance(obj, dict):
            raise GoldError(f"{where}: each line must be a JSON object")
        for key in ("id", "kind", "question"):
            if not isinstance(obj.get(key), str) or not obj[key].strip():
                raise GoldError(f"{where}: missing or empty string field {key!r}")
        if obj["kind"] not in KINDS:
            raise GoldError(f"{where}: kind {obj['kind']!r} is not one of {', '.join(KINDS)}")
        if obj["id"] in seen:
            raise GoldError(f"{where}: duplicate id {obj['id']!r}")
        seen.add(obj["id"])
        cites = obj.get("citations", [])
        if not isinstance(cites, list) or not all(
            isinstance(c, dict) and c.get("doc_id") and c.get("section") for c in cites
        ):
            raise GoldError(f"{where}: citations must be a list of {{doc_id, section}}")
        if split_by == "development" and (tested := [c["doc_id"] for c in cites if doc_split(c["doc_id"]) == "test"]):
            raise GoldError(f"{where}: cites {', '.join(tested)}, a test document; this set is development only")
        must = obj.get("must_include", [])
        legal = obj.get("legal_bases")
        if not isinstance(must, list) or not all(isinstance(m, str) for m in must):
            raise GoldError(f"{where}: must_include must be a list of strings")
        if legal is not None and (not isinstance(legal, list) or not all(isinstance(x, str) for x in legal)):
            raise GoldError(f"{where}: legal_bases must be a list of strings")
        known = {"id", "kind", "question", "citations", "must_include", "legal_bases", "needs", "tags", "twin_of"}
        items.append(
            GoldItem(
                id=obj["id"],
                kind=obj["kind"],
                question=obj["question"],
                citations=tuple(GoldCitation(c["doc_id"], c["section"]) for c in cites),
                must_include=tuple(must),
                legal_bases=tuple(legal) if legal is not None else None,
                needs=obj.get("needs"),
                tags=tuple(obj.get("tags", [])),
                twin_of=obj.get("twin_of"),
                extra={k: v for k, v in obj.items() if k not in known},
                split_by=split_by,
            )
        )
    if not items:
        raise GoldError(f"{path}: no questions")
    return items
