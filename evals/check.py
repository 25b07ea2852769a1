"""Check a gold set against the documents themselves: every cited section exists, every phrase is in it.

    python -m evals.check evals/gold_wide.jsonl corpus ../shared/directives ../shared/wide/docs

A gold line is only as good as its citations: a section id the parser does not produce, a must_include phrase
that is not in the cited text, or a legal basis the cited document's preamble does not give would score a right
answer as wrong. This reads the files with the same parser the product uses (no index, no engine).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from core.types import Document, LegalBasis
from evals.gold import GoldItem, load_gold
from evals.metrics import legal_aliases, legal_key, norm_text
from ingest.legal import build_registry
from ingest.loaders import load_text
from ingest.pipeline import build_document, collect_paths


def load_documents(paths: Iterable[Path], max_bytes: int = 50 * 1024 * 1024) -> dict[str, Document]:
    """Parse every supported file under ``paths`` (file stem = document id)."""
    files, _ = collect_paths(paths)
    return {f.stem: build_document(f.stem, load_text(f, max_bytes), source=f.name) for f in files}


def problems(item: GoldItem, docs: dict[str, Document], registry: Sequence[LegalBasis]) -> list[str]:
    """What is wrong with one gold line, in words a person fixing it can act on."""
    out: list[str] = []
    texts: list[str] = []
    for c in item.citations:
        doc = docs.get(c.doc_id)
        if doc is None:
            out.append(f"unknown document {c.doc_id}")
        elif c.section == "*":
            texts.append(doc.text)
        elif doc.section(c.section) is None:
            out.append(f"{c.doc_id} has no section {c.section!r}")
        else:
            texts.append(doc.section_text(c.section))
    for phrase in item.must_include:
        alternatives = [norm_text(alt) for alt in phrase.split("|") if alt.strip()]
        if texts and not any(alt in norm_text(t) for t in texts for alt in alternatives):
            out.append(f"must_include not in the cited sections: {phrase!r}")
    if item.legal_bases:
        cited = {c.doc_id for c in item.citations}
        known = {k for e in registry if cited & set(e.citing_docs) for k in legal_aliases(e.id, e.title, e.type)}
        out.extend(
            f"legal basis not cited by {sorted(cited)}: {lb}" for lb in item.legal_bases if legal_key(lb) not in known
        )
    return out


def check(gold: Path, doc_paths: Iterable[Path]) -> dict[str, list[str]]:
    """Problems of every line of a gold file, by id (empty when the file is sound)."""
    docs = load_documents(doc_paths)
    registry = build_registry(docs.values())
    found = {item.id: problems(item, docs, registry) for item in load_gold(gold)}
    return {k: v for k, v in found.items() if v}


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    if len(args) < 2:
        sys.stderr.write("usage: python -m evals.check GOLD.jsonl DOCS_PATH [DOCS_PATH ...]\n")
        return 2
    found = check(Path(args[0]), [Path(p) for p in args[1:]])
    for qid, issues in found.items():
        print(f"{qid}: {'; '.join(issues)}")
    print(f"{len(found)} line(s) with problems in {args[0]}")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
